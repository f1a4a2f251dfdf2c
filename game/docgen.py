"""Documentation generated from the pydantic models and the code catalogue.

``python -m game.docgen`` rewrites the generated parts of docs/authoring.md
(between the GENERATED markers); a test fails when they are out of date.
"""

from __future__ import annotations

import re
import sys
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game import model
from game.diagnostics import CODES
from game.vocab import CUSTOMER_TYPE_DESCRIPTIONS, PRINCIPLE_DESCRIPTIONS, STAGE_DESCRIPTIONS

AUTHORING_DOC = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"
_MODELS = [model.Scene, model.Setting, model.Customer, model.Speaker, model.Node, model.Choice,
           model.Facilitator, model.Ending, model.ScoringWeights]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a scene file, from the pydantic models."""
    schema = model.Scene.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Customer-service training scene"
    return schema


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        if annotation == model.Text or args[0] == typing.get_args(model.Text)[0]:
            return "text"
        return _type_name(args[0])
    if origin is typing.Union:
        names = [_type_name(a) for a in args if a is not type(None)]
        return " or ".join(names)
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"map of {_type_name(args[0])} to {_type_name(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return getattr(annotation, "__name__", str(annotation))


def field_reference() -> str:
    """Markdown tables of every model's fields."""
    parts = []
    for cls in _MODELS:
        parts.append(f"### {cls.__name__}\n\n{(cls.__doc__ or '').strip()}\n")
        parts.append("| field | type | required | default | description |\n|---|---|---|---|---|")
        for name, info in cls.model_fields.items():
            key = info.alias or name
            required = "yes" if info.is_required() else "no"
            default = "" if info.is_required() or info.default is None else f"`{info.default}`"
            if info.default_factory is not None:
                default = "empty"
            limits = [f"{m.__class__.__name__.lower()} {next(iter(vars(m).values()))}"
                      for m in info.metadata if hasattr(m, "__dict__") and vars(m)]
            description = (info.description or "") + (f" ({', '.join(limits)})" if limits else "")
            parts.append(f"| `{key}` | {_type_name(info.annotation)} | {required} | {default} | {description} |")
        parts.append("")
    return "\n".join(parts)


def vocabulary_reference() -> str:
    """Markdown lists of the stages, customer types and principles."""
    def table(title: str, entries: dict[str, str]) -> str:
        rows = "\n".join(f"| `{name}` | {text} |" for name, text in entries.items())
        return f"### {title}\n\n| value | meaning |\n|---|---|\n{rows}\n"
    return "\n".join([table("Stages", STAGE_DESCRIPTIONS), table("Customer types", CUSTOMER_TYPE_DESCRIPTIONS),
                      table("Principles", PRINCIPLE_DESCRIPTIONS)])


def codes_reference() -> str:
    """Markdown table of every diagnostic code."""
    rows = "\n".join(f"| `{code}` | {severity} | {title} |" for code, (severity, title) in CODES.items())
    return f"| code | severity | meaning |\n|---|---|---|\n{rows}\n"


SECTIONS = {"fields": field_reference, "vocabulary": vocabulary_reference, "codes": codes_reference}


def render(document: str) -> str:
    """Replace every ``<!-- GENERATED:name -->`` ... ``<!-- /GENERATED:name -->`` block."""
    for name, build in SECTIONS.items():
        pattern = re.compile(rf"(<!-- GENERATED:{name} -->\n).*?(<!-- /GENERATED:{name} -->)", re.DOTALL)
        document = pattern.sub(lambda m: m.group(1) + build() + m.group(2), document)
    return document


def main() -> int:
    """Rewrite the generated sections of docs/authoring.md."""
    text = AUTHORING_DOC.read_text(encoding="utf-8")
    AUTHORING_DOC.write_text(render(text), encoding="utf-8")
    print(f"updated {AUTHORING_DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
