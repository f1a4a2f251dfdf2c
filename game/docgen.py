"""Documentation generated from the pydantic models and the code catalogue.

``python -m game.docgen`` rewrites the generated parts of docs/authoring.md
(between the GENERATED markers); a test fails when they are out of date.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Callable

from game import model
from game.diagnostics import CODES
from game.vocab import CUSTOMER_TYPE_DESCRIPTIONS, PRINCIPLE_DESCRIPTIONS, STAGE_DESCRIPTIONS

AUTHORING_DOC = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a scene file, from the pydantic models."""
    schema = model.Scene.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Customer-service training scene"
    return schema


def _schema_type(prop: dict[str, Any]) -> str:
    """A readable type for one JSON Schema property."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "enum" in prop and len(prop["enum"]) > 8:
        return "one of the values listed under Vocabularies"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{value}`" for value in prop["enum"])
    if "anyOf" in prop:
        options = [option for option in prop["anyOf"] if option.get("type") != "null"]
        kinds = {option.get("type") for option in options}
        if kinds == {"string", "object"}:
            return "text"
        return " or ".join(_schema_type(option) for option in options)
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_schema_type(prop.get('items', {}))}"
    if kind == "object":
        values: dict = prop.get("additionalProperties") or next(iter(prop.get("patternProperties", {}).values()), {})
        return f"map of id to {_schema_type(values)}"
    return {"integer": "whole number", "number": "number", "string": "string", "boolean": "true/false"}.get(kind, kind)


def _limits(prop: dict[str, Any]) -> str:
    options = [prop] + [option for option in prop.get("anyOf", []) if option.get("type") != "null"]
    found = []
    for option in options:
        for key, label in (("minimum", "min"), ("maximum", "max"), ("minItems", "at least"),
                           ("maxLength", "at most"), ("pattern", "pattern")):
            if key in option:
                value = f"`{option[key]}`" if key == "pattern" else option[key]
                found.append(f"{label} {value}" + (" item(s)" if key == "minItems" else "")
                             + (" characters" if key == "maxLength" else ""))
    return f" ({', '.join(found)})" if found else ""


def field_reference() -> str:
    """Markdown tables of every model's fields, generated from the JSON Schema."""
    schema = json_schema()
    models = {"Scene": schema, **schema["$defs"]}
    parts = []
    for name, definition in models.items():
        parts.append(f"### {name}\n\n{definition.get('description', '').strip()}\n")
        parts.append("| field | type | required | default | description |\n|---|---|---|---|---|")
        required = set(definition.get("required", []))
        for key, prop in definition.get("properties", {}).items():
            default = prop.get("default")
            shown = "" if key in required or default is None or default in ([], {}) else f"`{default}`"
            text = prop.get("description", "") + _limits(prop)
            needed = "yes" if key in required else "no"
            parts.append(f"| `{key}` | {_schema_type(prop)} | {needed} | {shown} | {text} |")
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
        document = fill_block(document, name, build())
    return document


def fill_block(document: str, name: str, text: str) -> str:
    """``document`` with the block called ``name`` holding ``text``."""
    pattern = re.compile(rf"(<!-- GENERATED:{name} -->\n).*?(<!-- /GENERATED:{name} -->)", re.DOTALL)
    return pattern.sub(lambda m: m.group(1) + text + m.group(2), document)


def rewrite(path: Path, render_document: Callable[[str], str]) -> int:
    """Rewrite the generated blocks of the document at ``path`` with ``render_document``; returns 0."""
    text = path.read_text(encoding="utf-8")
    path.write_text(render_document(text), encoding="utf-8")
    print(f"updated {path}")
    return 0


def main() -> int:
    """Rewrite the generated sections of docs/authoring.md."""
    return rewrite(AUTHORING_DOC, render)


if __name__ == "__main__":
    sys.exit(main())
