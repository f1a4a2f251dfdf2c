"""Load a scene file: safe YAML, schema, conditions and graph checks, with positions.

:func:`load_scene` never raises for a user's mistake: every problem becomes a
:class:`~game.diagnostics.Diagnostic` naming the file, line and column.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from pydantic import BaseModel, ValidationError

from game import vocab
from game.checks import check_scene, check_scene_bounded
from game.conditions import ConditionError, parse_condition
from game.diagnostics import Diagnostic, cap_diagnostics, did_you_mean, has_errors
from game.gcpause import without_gc_pauses
from game.model import Node, Scene
from game.program import Program, compile_scene
from game.reach import TooManyStates, explore
from game.yamlsrc import MAX_DIAGNOSTICS, STOP_AFTER, SourceMap, YamlSourceError, as_text, parse, read_source


# validate stays quick on huge scenes; `analyze` explores up to analysis.MAX_STATES
VALIDATE_MAX_STATES = 200_000


@dataclass
class LoadedScene:
    """The result of loading one file.

    Attributes:
        path: The file path as given.
        diagnostics: Every problem found, sorted by position.
        scene: The authoring model, when the schema accepted the file.
        source: Line and column of every value in the file.
        program: The runtime graph, when there are no errors.
    """

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    scene: Optional[Scene] = None
    source: SourceMap = field(default_factory=SourceMap)
    program: Optional[Program] = None

    @property
    def ok(self) -> bool:
        """True when the scene has no errors (warnings allowed)."""
        return self.program is not None and not has_errors(self.diagnostics)


@without_gc_pauses  # a big scene is millions of live objects the collector would walk for nothing
def load_scene(path: str, text: Optional[str] = None) -> LoadedScene:
    """Read, validate, check and compile a scene file.

    Args:
        path: The file to read (also the name used in diagnostics).
        text: The file's text, when already in memory (then ``path`` is not read).

    Returns:
        A :class:`LoadedScene`; its ``program`` is set only when there are no errors.
    """
    result = LoadedScene(path=path)
    try:
        document = _parsed(path, text)
    except YamlSourceError as exc:
        result.diagnostics = cap_diagnostics(exc.diagnostics, left_out=exc.left_out, stopped_at=exc.stopped_at)
        return result
    result.source = document.source
    left_out, incomplete = _check(result, document)
    result.diagnostics = cap_diagnostics(result.diagnostics, left_out=left_out, incomplete=incomplete)
    return result


@dataclass
class _Document:
    """Parsed data and the file's text, held here so each can be dropped as soon as it is no longer needed."""

    data: Any
    source: SourceMap
    text: Optional[str | bytes]


def _parsed(path: str, text: Optional[str]) -> _Document:
    source: str | bytes = read_source(path) if text is None else text
    return _Document(*parse(source, path, children_of=("nodes", _node_model)), text=source)


def _node_model(data: dict) -> Optional[Node]:
    """A node's model, built while the file is read (so its data can go); None when it has a problem.

    A node that does not validate alone is left as data: validating the whole scene then reports
    its problems at their places, exactly as if no node had been built early.
    """
    try:
        return Node.model_validate(data)
    except ValidationError:
        return None


def _check(result: LoadedScene, document: _Document) -> tuple[int, bool]:
    """Schema, conditions, graph checks and compilation of parsed data, into ``result``.

    Returns:
        How many problems were found beyond those described (see :func:`_schema_diagnostics`), and
        whether counting stopped early (then that number is a lower bound).
    """
    path, data = result.path, document.data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        line, column = result.source.value(())
        result.diagnostics = [Diagnostic(path, line, column, "MOT007",
                                         f"the document is {kind}; a scene is a mapping of fields "
                                         f"(format, id, title, ...): start from `python main.py new NAME`")]
        return 0, False
    allowed = _allowed_fields(())
    unknown = [key for key in data if key not in allowed]
    if len(unknown) > MAX_DIAGNOSTICS:  # pydantic would build one error per key: report without it
        result.source.prepare((key,) for key in unknown[:MAX_DIAGNOSTICS])
        result.diagnostics = [_unknown_field((key,), result.source, path) for key in unknown[:MAX_DIAGNOSTICS]]
        return len(unknown) - MAX_DIAGNOSTICS, False
    in_nodes = _unknown_node_fields(data.get("nodes"))
    if len(in_nodes) > MAX_DIAGNOSTICS:  # the same for fields unknown in the nodes, counted only so far
        result.source.prepare(in_nodes[:MAX_DIAGNOSTICS])
        result.diagnostics = [_unknown_field(loc, result.source, path) for loc in in_nodes[:MAX_DIAGNOSTICS]]
        return len(in_nodes) - MAX_DIAGNOSTICS, len(in_nodes) >= MAX_DIAGNOSTICS + STOP_AFTER
    try:
        result.scene = Scene.model_validate(data)
    except ValidationError as exc:
        found, left_out = _schema_diagnostics(exc, result.source, path)
        result.diagnostics = sorted(found)
        return left_out, False
    del data
    document.data = None  # the model holds what is needed: the data's containers can be reused
    text = document.text or ""
    conditions = _parse_conditions(result.scene, result.source, path, text)
    checks, incomplete = check_scene_bounded(result.scene, result.source, path, conditions.trees,
                                             file_bytes=len(text))
    if incomplete and not has_errors(checks):  # only warnings so far: the scene may still load, so check it all
        checks, incomplete = check_scene(result.scene, result.source, path, conditions.trees, len(text)), False
    result.diagnostics = sorted(conditions.diagnostics + checks)
    if incomplete:
        return 0, True
    if not has_errors(result.diagnostics):
        program = compile_scene(result.scene, conditions.trees, text)
        document.text = text = ""  # the source map keeps its own (compressed) copy; the search below is big
        stuck = _stuck_decisions(program, result.source, path)
        result.diagnostics = sorted(result.diagnostics + stuck)
        result.program = None if has_errors(stuck) else program
    return 0, False


def _unknown_node_fields(nodes: Any) -> list[tuple]:
    """Paths of unknown fields in the nodes, up to MAX_DIAGNOSTICS + STOP_AFTER (then counting stops)."""
    if not isinstance(nodes, dict):
        return []
    allowed = _allowed_fields(("nodes", "any"))
    found: list[tuple] = []
    for node_id, node in nodes.items():
        if not isinstance(node, dict):
            continue
        for key in node:
            if key not in allowed:
                found.append(("nodes", node_id, key))
                if len(found) >= MAX_DIAGNOSTICS + STOP_AFTER:
                    return found
    return found


def _stuck_decisions(program: Program, source: SourceMap, path: str) -> list[Diagnostic]:
    """Play every reachable state to find decisions that can leave the player with no open choice."""
    if not any(choice.condition is not None for node in program.nodes.values() for choice in node.choices):
        return []  # without conditions every choice is always open
    try:
        stuck = explore(program, VALIDATE_MAX_STATES).stuck
    except TooManyStates as exc:
        return [Diagnostic(path, 1, 1, "MOT215", f"{exc}; decisions were not checked for a way forward")]
    found = []
    source.prepare(("nodes", node_id, "choices") for node_id in stuck)
    for node_id in sorted(stuck):
        line, column = source.key(("nodes", node_id, "choices"))
        found.append(Diagnostic(path, line, column, "MOT214",
                                f"node '{node_id}' can be reached with flags and satisfaction for which none of its "
                                f"choices is open: add a choice with no `if`, or loosen a condition"))
    return found


@dataclass
class _Conditions:
    trees: dict[tuple[str, int], Any] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _parse_conditions(scene: Scene, source: SourceMap, path: str, text: str | bytes) -> _Conditions:
    """Parse every choice condition once; malformed ones become MOT109."""
    found = _Conditions()
    malformed = []
    for node_id, node in scene.nodes.items():
        for index, choice in enumerate(node.choices or ()):
            if choice.condition is None:
                continue
            try:
                found.trees[(node_id, index)] = parse_condition(choice.condition)
            except ConditionError as exc:
                malformed.append((("nodes", node_id, "choices", index, "if"), choice.condition, exc))
    if not malformed:
        return found
    source.prepare(loc for loc, _, _ in malformed)
    lines = as_text(text).splitlines()  # only now: the lines cost as much memory as the text again
    for loc, condition, problem in malformed:
        line, column = source.value(loc)
        column += _offset_in_source(lines, line, column, condition, problem.offset)
        found.diagnostics.append(Diagnostic(path, line, column, "MOT109",
                                            f"malformed condition: {problem} (see docs/authoring.md, Conditions)"))
    return found


def _offset_in_source(lines: list[str], line: int, column: int, condition: str, offset: int) -> int:
    """Columns to add to point at ``offset`` inside a one-line condition (quotes allowed)."""
    if not 0 < line <= len(lines):
        return 0
    written = lines[line - 1][column - 1:]
    quoted = written[:1] in ("'", '"')
    if written[int(quoted):int(quoted) + len(condition)] != condition:
        return 0  # folded or escaped: point at the start of the value
    return offset + int(quoted)


# --- pydantic errors to diagnostics -------------------------------------------------

_LITERAL_CODES = {"stage": "MOT105", "type": "MOT106", "principles": "MOT107", "languages": "MOT108", "role": "MOT114"}
_LITERAL_CHOICES = {
    "stage": vocab.STAGES,
    "type": vocab.CUSTOMER_TYPES,
    "principles": vocab.PRINCIPLES,
    "languages": vocab.LANGUAGES,
    "role": vocab.ROLES,
}
_RANGE_ERRORS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}
_TYPE_NAMES = {
    "int": "a whole number", "float": "a number", "str": "text", "bool": "true or false",
    "dict": "a mapping", "list": "a list", "NoneType": "nothing", "model": "a mapping",
}


def _schema_diagnostics(exc: ValidationError, source: SourceMap, path: str) -> tuple[list[Diagnostic], int]:
    """The first MAX_DIAGNOSTICS schema errors by position, described; and how many more there were.

    Describing an error (with its did-you-mean) costs far more than placing it, so a file with
    100,000 unknown fields is placed in full but described only as far as anyone will read.
    """
    placed = []
    errors = exc.errors(include_url=False, include_context=True, include_input=True)
    source.prepare(_error_place(error)[1] for error in errors)  # one reading of the file for all of them
    for order, error in enumerate(errors):
        loc = tuple(error["loc"])
        at_key, where = _error_place(error)
        line, column = source.key(where) if at_key else source.value(where)
        placed.append((line, column, order, error, loc))
    placed.sort(key=lambda item: item[:3])
    found = []
    for line, column, _, error, loc in placed[:MAX_DIAGNOSTICS]:
        code, message, _ = _describe_error(error, loc)
        found.append(Diagnostic(path, line, column, code, message))
    return found, max(0, len(placed) - MAX_DIAGNOSTICS)


def _error_place(error: Mapping[str, Any]) -> tuple[bool, tuple]:
    """Whether a pydantic error points at a key, and the data path it points at."""
    loc = tuple(error["loc"])
    at_key = error["type"] == "extra_forbidden" or bool(loc) and loc[-1] == "[key]"
    return at_key, loc[:-1] if loc and loc[-1] == "[key]" else loc


def _unknown_field(loc: tuple, source: SourceMap, path: str) -> Diagnostic:
    """MOT102 for an unknown field at ``loc``, as pydantic's extra_forbidden error would be described."""
    code, message, _ = _describe_error({"type": "extra_forbidden", "input": None}, loc)
    line, column = source.key(loc)
    return Diagnostic(path, line, column, code, message)


def _describe_error(error: Mapping[str, Any], loc: tuple) -> tuple[str, str, bool]:
    """Map one pydantic error to (code, message, points_at_key)."""
    kind, name, value = error["type"], _last_name(loc), error.get("input")
    where = _where(loc)
    if kind == "missing":
        return "MOT101", f"{where}: missing required field '{loc[-1]}': add it", False
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc[:-1])
        hint = did_you_mean(loc[-1], allowed) or f" (allowed: {', '.join(sorted(allowed))})"
        return "MOT102", f"{_where(loc[:-1])}: unknown field '{loc[-1]}'{hint}", True
    if kind == "literal_error":
        choices = _LITERAL_CHOICES.get(name) or _expected_literals(error)
        nearest = did_you_mean(value, choices).strip()[1:-1]  # "did you mean 'x'?" without its brackets
        hint = f" ({nearest + '; ' if nearest else ''}one of: {', '.join(choices)})"
        return _LITERAL_CODES.get(name, "MOT113"), f"{where}: unknown {name.rstrip('s')} {_short(value)}{hint}", False
    if kind in _RANGE_ERRORS:
        limit = next(iter(error.get("ctx", {}).values()), "")
        return "MOT104", f"{where}: {_short(value)} is out of range ({error['msg'].lower()}, limit {limit})", False
    if kind == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        return "MOT110", f"{where}: {_short(value)} {_pattern_hint(pattern)}", False
    if kind == "format_version":
        return "MOT111", f"{where}: {error['msg']}", False
    if kind == "node_shape":
        return "MOT112", f"{where}: {error['msg']}", False
    if kind in ("too_short", "too_long", "string_too_long"):
        return "MOT113", f"{where}: {error['msg'].lower()}", False
    if kind == "weights_sum":
        return "MOT113", f"{where}: {error['msg']}", False
    expected = _TYPE_NAMES.get(kind.split("_")[0], kind.split("_")[0])
    if kind == "text_type":
        return "MOT103", f"{where}: {error['msg']}, not {_kind_of(value)}", False
    return "MOT103", f"{where}: expected {expected}, got {_kind_of(value)} {_short(value)}".rstrip(), False


def _expected_literals(error: Mapping[str, Any]) -> tuple[str, ...]:
    """The allowed values of a Literal field, from pydantic's "'a', 'b' or 'c'" context."""
    return tuple(re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", ""))))


# What to write in each pattern-constrained field, by a piece of its pattern (game/model.py).
_PATTERN_HINTS = (
    ("[0-9+() -]", "is not a phone number: use digits, spaces and + ( ) - only (3 to 40 characters)"),
    ("#[0-9a-fA-F]{6}", "is not a colour: write a colour name in lowercase letters (such as navy) or #rrggbb"),
    ("[a-z][a-z0-9-]", "is not a backdrop name: use lowercase letters, digits and hyphens, starting with a letter "
                       "(at most 32 characters)"),
)


def _pattern_hint(pattern: str) -> str:
    """What is wrong with a value that does not match ``pattern``, and what to write instead."""
    for piece, hint in _PATTERN_HINTS:
        if piece in pattern:
            return hint
    return ("is not a valid name: use letters, digits, '_' (ids may also use '-' and '.'), "
            "starting with a letter, digit or '_'")


def _kind_of(value: Any) -> str:
    return _TYPE_NAMES.get(type(value).__name__, type(value).__name__)


def _short(value: Any) -> str:
    """``value`` as a message shows it: at most 40 characters, a huge number by its size."""
    if isinstance(value, (dict, list)):
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value).bit_length() > 128:
        return f"a number of about {round(abs(value).bit_length() * 0.30103)} digits"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _last_name(loc: tuple) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and part != "[key]":
            return part
    return ""


def _where(loc: tuple) -> str:
    """A readable location such as ``nodes.greet.choices[2].rating``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        elif part != "[key]":
            text += f".{part}" if text else str(part)
    return text or "scene"


def _allowed_fields(loc: tuple) -> set[str]:
    """Field names (as written in YAML) of the model found at ``loc``."""
    current: Any = Scene
    for part in loc:
        current = _child_type(current, part)
        if current is None:
            return set()
    if isinstance(current, type) and issubclass(current, BaseModel):
        return {info.alias or name for name, info in current.model_fields.items()}
    return set()


def _child_type(container: Any, part: Any) -> Any:
    if isinstance(container, type) and issubclass(container, BaseModel):
        for name, info in container.model_fields.items():
            if part in (name, info.alias):
                return _unwrap(info.annotation)
        return None
    origin = typing.get_origin(container)
    if origin in (list, dict):
        return _unwrap(typing.get_args(container)[-1])
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional and Annotated to reach a model, list or dict type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin is typing.Union:
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _unwrap(arg)
    return annotation
