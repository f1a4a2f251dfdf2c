"""Safe YAML reading with exact source positions and hostile-input limits.

PyYAML's composer keeps the last of two duplicate keys, recurses once per
nesting level and expands aliases without limit. So instead of ``yaml.load``
this module walks the parser's event stream itself (libyaml's C parser when
present, the pure Python one otherwise) with an explicit stack. One pass
builds plain Python data, records the line and column of every key and value,
reports duplicate keys with both lines, stops at a nesting limit, and counts
alias expansion before it can grow. Only the standard YAML scalar types are
built; any explicit tag such as ``!!python/object`` is refused, so nothing in
a scene file can ever construct an arbitrary object.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

import yaml

from game.diagnostics import Diagnostic
from game.yamlfile import (  # noqa: F401  (reading files is part of this module's interface)
    MAX_FILE_BYTES, YamlSourceError, check_utf8, decode, read_source, read_text)
from game.yamlpos import Path, SourceMap
from game.yamlscalars import SCALAR_TAGS, ScalarError, check_collection_tag, construct_scalar

try:  # libyaml when present: much faster on large scenes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

# Both parser back ends, by name, so tests can hold them to the same messages.
PARSERS: dict[str, Any] = {"python": yaml.SafeLoader}
if hasattr(yaml, "CSafeLoader"):
    PARSERS["libyaml"] = yaml.CSafeLoader

MAX_DEPTH = 64
ALIAS_ALLOWANCE = 100_000  # expanded nodes allowed beyond 10x the nodes written
ALIAS_RATIO = 10
# Text counts against the alias allowance too: every CHARS_PER_NODE characters of a string weigh one
# node, so aliases of one long string cannot make later checks scan the same text a million times.
CHARS_PER_NODE = 64
# Shipped scenes hold one weighted value (see MAPPING_WEIGHT) per 18-23 bytes, the benchmarks'
# generated ones (benchmarks/generate.py) one per 16 (bytes of a file; characters of a text given
# in memory, which only makes the cap stricter for Chinese text). Far denser text
# (`[1,1,1,...]`, `- 1` lines, `{a: 1}` lines) is machine-made: it is refused once it holds more
# than NODE_ALLOWANCE + one value per CHARS_PER_VALUE characters, so reading costs at most a
# bounded time and memory per megabyte. MAX_NODES bounds it absolutely: a 40k-node generated
# scene (72 MB) holds about 5.2 million weighted values, a 128 MB file at that density 9.3 million.
MAX_NODES = 10_000_000
NODE_ALLOWANCE = 5_000
CHARS_PER_VALUE = 8
# What a value costs in memory, in units of about one short string: a mapping is a dict (200 bytes
# and more), a list a list object. Weighing them keeps every shape of dense file (a million tiny
# mappings, tiny lists or scalars) within a few times its size before the value cap stops it.
MAPPING_WEIGHT = 4
LIST_WEIGHT = 2
# A node's model (see parse's children_of) costs about 500 bytes more than its mapping, which a node
# written in CONVERTED_WEIGHT * CHARS_PER_VALUE characters or more pays for; a shorter one (only a
# machine makes thousands of `{speaker: x, text: y, next: z}` lines) pays the rest in values.
CONVERTED_WEIGHT = 10
SHARED_CHARS = 40  # texts this short are kept once (field names, speakers, stages, node ids)
SHARED_STRINGS = 1 << 16
MAX_DIAGNOSTICS = 100  # per file: more only hides the first ones, which are what to fix
STOP_AFTER = 1_000  # problems counted beyond those listed before reading stops

_STANDARD_TAGS = SCALAR_TAGS | {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_LEADING_TAB = re.compile(r"^[ ]*\t")


def parse(text: str | bytes, path: str, children_of: Optional[tuple[str, Callable[[dict], Any]]] = None
          ) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain data and its source map.

    Args:
        text: The document, as text or as checked UTF-8 bytes (see :func:`read_source`).
        path: The file name used in diagnostics.
        children_of: (top-level key, convert): each mapping directly under that key is passed to
            ``convert`` as soon as it is complete and replaced by what it returns (None keeps the
            mapping). The loader turns each node into its model this way, so the whole data tree
            never exists at once. After the first None, or any problem, nothing more is converted.

    Raises:
        YamlSourceError: with a MOT004-MOT012 diagnostic.
    """
    if not text or text.isspace():  # not strip(): that would copy the whole file
        raise YamlSourceError([Diagnostic(path, 1, 1, "MOT006",
                               "the file is empty: start from `python main.py new NAME`")])
    builder = _Builder(path, min(MAX_NODES, NODE_ALLOWANCE + len(text) // CHARS_PER_VALUE), children_of)
    loader = None
    try:
        loader = _Loader(text)  # the pure-Python reader already checks characters here
        while loader.check_event():
            builder.feed(loader.get_event(), loader)
    except yaml.YAMLError as exc:
        in_bytes = _Loader is not yaml.SafeLoader  # libyaml counts bytes, PyYAML's reader characters
        raise YamlSourceError([_syntax_diagnostic(exc, as_text(text), path, in_bytes)]) from None
    except YamlSourceError as exc:
        exc.diagnostics = builder.placed(exc.diagnostics, text)
        raise
    finally:
        if loader is not None:
            loader.dispose()
    return builder.result(text)


def as_text(text: str | bytes) -> str:
    """The document as text (decoded only when a problem needs its lines)."""
    return text.decode("utf-8") if isinstance(text, bytes) else text


def _syntax_diagnostic(exc: yaml.YAMLError, text: str, path: str, in_bytes: bool = True) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if mark is None and getattr(exc, "position", None) is not None:  # a reader error
        line, column = _line_column(text, exc.position if in_bytes else len(text[:exc.position].encode()))
    lines = text.splitlines()
    for candidate in (line, line - 1):
        if 0 < candidate <= len(lines) and _LEADING_TAB.match(lines[candidate - 1]):
            tab_column = lines[candidate - 1].index("\t") + 1
            return Diagnostic(path, candidate, tab_column, "MOT005",
                              "a tab is used for indentation: YAML needs spaces (set your editor to insert spaces)")
    if isinstance(exc, yaml.reader.ReaderError):  # both parsers word this differently; say it one way
        return Diagnostic(path, line, column, "MOT004",
                          f"YAML syntax error: the control character U+{exc.character:04X} is not allowed "
                          f"in YAML text: delete it (it is often pasted in invisibly)")
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    if _is_parser_limit(problem, context):
        # libyaml (from 0.2.6, bundled with PyYAML 6.0.4) stops deep nesting itself;
        # authors get the same message whichever parser stopped them.
        return Diagnostic(path, line, column, "MOT010", _TOO_DEEP)
    context_mark = getattr(exc, "context_mark", None)
    if "mapping values are not allowed" in problem:
        missing = _line_missing_colon(lines, line)
        if missing:
            return Diagnostic(path, missing, 1, "MOT004",
                              "YAML syntax error: this line has no ':' after its key: write `key: value`")
        if _indented_under_a_value(lines, line):
            return Diagnostic(path, line, column, "MOT004",
                              "YAML syntax error: this line is indented further than the line above, which already "
                              "has a value: check the indentation of this line against the line above (keys of "
                              "one mapping start in the same column)")
    unclosed = _line_with_open_quote(lines, line)
    if unclosed:
        return Diagnostic(path, unclosed, 1, "MOT004",
                          f"YAML syntax error: a quote opened on this line is closed only on a later line "
                          f"({problem}): add the closing quote")
    if "escape" in problem:  # libyaml refuses "\ud83d" (half a character) and unknown escapes such as "\q"
        return Diagnostic(path, line, column, "MOT004",
                          f"YAML syntax error: this quoted text holds an escape YAML does not accept ({problem}): "
                          f"write the character itself, or escape it whole as \\U followed by eight hex digits "
                          f"(\\U0001F600); a backslash meant as itself is written \\\\ or use single quotes")
    if context_mark is not None and "quoted scalar" in (context or ""):
        line, column = context_mark.line + 1, context_mark.column + 1
        return Diagnostic(path, line, column, "MOT004",
                          f"YAML syntax error: this quoted text is never closed ({problem}): add the closing quote")
    detail = f"{problem} ({context})" if context else problem
    if "expected key" in problem or "expected <block end>" in problem:  # almost always a line indented wrongly
        detail += (": check the indentation of this line against the line above (keys of one mapping start "
                   "in the same column; a value's own fields go further right)")
    return Diagnostic(path, line, column, "MOT004", f"YAML syntax error: {detail}")


_TOO_DEEP = f"the document is nested more than {MAX_DEPTH} levels deep: flatten the structure"


def _is_parser_limit(problem: str, context: Optional[str]) -> bool:
    """True when the parser refused the text for its own nesting limit, not for a syntax error."""
    words = f"{problem} {context or ''}".lower()
    return "nesting depth" in words or "flow level" in words and "exceed" in words


def _line_column(text: str, byte_position: int) -> tuple[int, int]:
    """Line and column of a byte offset: libyaml counts bytes of the UTF-8 text."""
    raw = text.encode("utf-8")
    start = raw.rfind(b"\n", 0, byte_position) + 1
    return raw.count(b"\n", 0, byte_position) + 1, len(raw[start:byte_position].decode("utf-8", "replace")) + 1


def _line_with_open_quote(lines: list[str], error_line: int) -> int:
    """The line before ``error_line`` when it leaves a double quote open (an odd count)."""
    before = error_line - 1
    if not 0 < before <= len(lines):
        return 0
    content = lines[before - 1].replace('\\"', "")
    return before if content.count('"') % 2 == 1 else 0


def _indented_under_a_value(lines: list[str], error_line: int) -> bool:
    """True when ``error_line`` starts further right than the line above, whose key already has a value."""
    if not 1 < error_line <= len(lines):
        return False
    above, here = lines[error_line - 2], lines[error_line - 1]
    indent = len(here) - len(here.lstrip(" "))
    above_value = above.split(":", 1)[1].split("#", 1)[0].strip() if ":" in above else ""
    return indent > len(above) - len(above.lstrip(" ")) and bool(above_value)


def _line_missing_colon(lines: list[str], error_line: int) -> int:
    """The line before ``error_line`` when it is a bare word run with no ':' (a forgotten colon)."""
    for number in range(error_line - 1, 0, -1):
        content = lines[number - 1].split("#", 1)[0].strip()
        if not content:
            continue
        return number if ":" not in content and not content.startswith(("-", "{", "[", "'", '"')) else 0
    return 0


class _Frame:
    """One open mapping or sequence on the builder's stack."""

    __slots__ = ("data", "path", "mark", "key", "merges", "merge_mark", "anchor", "size_at_start")

    def __init__(self, data: Any, path: Path, mark: Any, anchor: Optional[str], size_at_start: int):
        self.data = data
        self.mark = mark
        self.path = path
        self.key: Optional[str] = None
        self.merges: list[dict] = []
        self.merge_mark: Any = mark  # where the `<<` key is, for a merge of something not a mapping
        self.anchor = anchor
        self.size_at_start = size_at_start


def _duplicate_message(key: str, first_line: int) -> str:
    where = f"on line {first_line}" if first_line else "earlier in this mapping"
    return (f"duplicate key '{key}': it is already set {where}; "
            f"YAML would silently keep only the last one: remove or rename one of them")


class _Builder:
    """Turns parser events into data and diagnostics (see module docstring)."""

    def __init__(self, path: str, max_nodes: int = MAX_NODES,
                 children_of: Optional[tuple[str, Callable[[dict], Any]]] = None):
        self.path = path
        self.max_nodes = max_nodes
        self.children_of = children_of
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.nodes_written = 0  # values written, mappings and lists weighing more (see MAPPING_WEIGHT)
        self.weight_written = 0  # nodes written, with long strings weighing more (see CHARS_PER_NODE)
        self.nodes_expanded = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.strings: dict[str, str] = {}  # one copy of each short text: keys repeat in every node
        self.errors: list[Diagnostic] = []
        self.duplicates: dict[int, tuple[str, Path]] = {}  # error index -> (key, path of its first use)
        self.errors_left_out = 0

    def fail(self, mark: Any, code: str, message: str) -> YamlSourceError:
        return YamlSourceError(self.errors + [Diagnostic(self.path, mark.line + 1, mark.column + 1, code, message)],
                               self.errors_left_out)

    def error(self, mark: Any, code: str, message: str) -> None:
        """Record a problem and go on reading; past MAX_DIAGNOSTICS only count it, past STOP_AFTER stop."""
        if len(self.errors) < MAX_DIAGNOSTICS:
            self.errors.append(Diagnostic(self.path, mark.line + 1, mark.column + 1, code, message))
            return
        self.errors_left_out += 1
        if self.errors_left_out >= STOP_AFTER:  # a machine-made file: reading on only costs time
            raise YamlSourceError(self.errors, self.errors_left_out, stopped_at=mark.line + 1)

    def placed(self, diagnostics: list[Diagnostic], text: str | bytes) -> list[Diagnostic]:
        """``diagnostics`` with the first line of each duplicate key filled in (read again from ``text``)."""
        if not self.duplicates:
            return diagnostics
        source = SourceMap(text, _Loader)
        source.prepare(path for _, path in self.duplicates.values())
        placed = list(diagnostics)
        for index, (key, path) in self.duplicates.items():
            if index < len(placed):
                first = source.written_key(path)
                message = _duplicate_message(key, first[0] if first else 0)
                placed[index] = Diagnostic(self.path, placed[index].line, placed[index].column, "MOT008", message)
        return placed

    def _written(self, mark: Any, weight: int) -> None:
        self.nodes_written += weight
        self.weight_written += 1  # counts against the alias allowance as one node, whatever it weighs
        if self.nodes_written > self.max_nodes:
            self._too_many(mark)

    def _too_many(self, mark: Any) -> None:
        raise self.fail(mark, "MOT002", f"the file holds more than {self.max_nodes:,} values (a mapping counts as "
                                        f"{MAPPING_WEIGHT}, a list as {LIST_WEIGHT}), far more (or far more densely "
                                        f"packed) than any scene: split the file or remove machine-made content")

    def feed(self, event: yaml.Event, loader: Any) -> None:
        """Consume one parser event."""
        kind = type(event)
        if kind is yaml.ScalarEvent:  # by far the most frequent: tested first
            self._scalar(event, loader)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._start_collection(event)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self._end_collection(event.end_mark)
        elif kind is yaml.AliasEvent:
            self._alias(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event.start_mark, "MOT011",
                                "a second YAML document starts here (---): keep one scene per file")

    def result(self, text: str | bytes = "") -> tuple[Any, SourceMap]:
        if self.errors:
            raise YamlSourceError(self.placed(self.errors, text), self.errors_left_out)
        if self.documents == 0:
            raise YamlSourceError([Diagnostic(self.path, 1, 1, "MOT006",
                                   "the file has only comments: start from `python main.py new NAME`")])
        return self.root, SourceMap(text, _Loader)

    def _count(self, mark: Any, size: int = 1) -> None:
        self.nodes_expanded += size
        if self.nodes_expanded > ALIAS_ALLOWANCE + ALIAS_RATIO * self.weight_written:
            raise self.fail(mark, "MOT009", "aliases expand to far more data than the file holds (an alias bomb): "
                                            "write the content out instead of nesting aliases")

    def _check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag not in (None, "!") and tag not in _STANDARD_TAGS:
            raise self.fail(event.start_mark, "MOT012",
                            f"the tag {tag} is not allowed in scene files: remove it and write plain values")

    def _shared(self, text: str) -> str:
        """One copy of a short text that repeats (field names, speakers, stages), up to a bounded table."""
        found = self.strings.get(text)
        if found is not None:
            return found
        if len(text) <= SHARED_CHARS and len(self.strings) < SHARED_STRINGS:
            self.strings[text] = text
        return text

    def _scalar(self, event: yaml.ScalarEvent, loader: Any) -> None:
        if event.tag is not None:
            self._check_tag(event)
        text = event.value
        weight = 1 + len(text) // CHARS_PER_NODE
        self.nodes_written += 1  # as _written, inlined: this runs once per scalar
        self.weight_written += weight
        if self.nodes_written > self.max_nodes:
            self._too_many(event.start_mark)
        self.nodes_expanded += weight  # written nodes never break the alias ratio: only _alias checks it
        top = self.stack[-1] if self.stack else None
        if top is not None and top.key is None and type(top.data) is dict:
            if event.tag is not None:  # `!!int backdrop:` would silently be the key "backdrop"
                self.error(event.start_mark, "MOT004", f"the key {text!r} carries the tag {event.tag}: keys are "
                                                       "plain names, so remove the tag")
            text = self._shared(text)
            self._set_key(top, text, event.start_mark)
            if event.anchor is not None:  # `&k key: v` is valid YAML: *k later means the key's text
                self.anchors[event.anchor] = (text, weight)
            return
        try:
            value = construct_scalar(event, loader)
        except ScalarError as exc:
            self.error(event.start_mark, "MOT013", str(exc))
            value = text
        if type(value) is str:
            value = self._shared(value)
        self._add(value, event.anchor, weight)

    def _set_key(self, frame: _Frame, key: str, mark: Any) -> None:
        if key == "<<":
            frame.merge_mark = mark
        if key in frame.data and key != "<<":
            index = len(self.errors)
            self.error(mark, "MOT008", _duplicate_message(key, 0))
            if len(self.errors) > index:  # kept: its first line is looked up when the file is done
                self.duplicates[index] = (key, frame.path + (key,))
        frame.key = key

    def _add(self, value: Any, anchor: Optional[str], size: int) -> None:
        """Place a finished value into the open collection (or as the document root)."""
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if type(top.data) is list:
            top.data.append(value)
            return
        key = top.key
        if key == "<<":
            merged = value if isinstance(value, list) else [value]
            if not all(isinstance(item, dict) for item in merged):
                self.error(top.merge_mark, "MOT004", "the merge key `<<` takes a mapping or a list of mappings "
                           "(usually an alias such as `<<: *defaults`): point it at a mapping or remove it")
            top.merges.extend(item for item in merged if isinstance(item, dict))
        elif key not in top.data:  # the first of duplicate keys is kept (and MOT008 reported)
            top.data[key] = value
        top.key = None

    def _start_collection(self, event: Any) -> None:
        self._check_tag(event)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.data, dict) and top.key is None:
            raise self.fail(event.start_mark, "MOT004",
                            "a list or mapping cannot be used as a key: keys must be plain names")
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event.start_mark, "MOT010", _TOO_DEEP)
        is_mapping = isinstance(event, yaml.MappingStartEvent)
        try:
            check_collection_tag(event.tag, "mapping" if is_mapping else "list")
        except ScalarError as exc:
            self.error(event.start_mark, "MOT013", str(exc))
        self._written(event.start_mark, MAPPING_WEIGHT if is_mapping else LIST_WEIGHT)
        self._count(event.start_mark)
        if top is None:
            path: Path = ()
        elif isinstance(top.data, list):
            path = top.path + (len(top.data),)
        else:
            path = top.path + (top.key,)
        data: Any = {} if is_mapping else []
        self.stack.append(_Frame(data, path, event.start_mark, event.anchor, self.nodes_expanded))

    def _end_collection(self, end: Any) -> None:
        frame = self.stack.pop()
        for merged in frame.merges:
            if isinstance(merged, dict):
                for key, value in merged.items():
                    frame.data.setdefault(key, value)
        size = self.nodes_expanded - frame.size_at_start + 1
        value = frame.data
        if self.children_of is not None and len(self.stack) == 2 and frame.anchor is None:
            value = self._converted(frame, end)
        self._add(value, frame.anchor, size)

    def _converted(self, frame: _Frame, end: Any) -> Any:
        """A mapping under the ``children_of`` key, converted (see :func:`parse`); the mapping itself otherwise."""
        assert self.children_of is not None
        key, convert = self.children_of
        parent = self.stack[1]
        if parent.path != (key,) or type(frame.data) is not dict or type(parent.data) is not dict:
            return frame.data
        converted = convert(frame.data) if not self.errors else None
        if converted is None:  # the file has a problem: its diagnostics need the data as written
            self.children_of = None
            return frame.data
        unpaid = CONVERTED_WEIGHT - (end.index - frame.mark.index) // CHARS_PER_VALUE
        if unpaid > 0:
            self._written(frame.mark, unpaid)
        return converted

    def _alias(self, event: yaml.AliasEvent) -> None:
        if any(frame.anchor == event.anchor for frame in self.stack):
            raise self.fail(event.start_mark, "MOT009",
                            f"the alias *{event.anchor} refers to the mapping or list that contains it")
        if event.anchor not in self.anchors:
            raise self.fail(event.start_mark, "MOT004",
                            f"the alias *{event.anchor} has no anchor &{event.anchor} before it")
        value, size = self.anchors[event.anchor]
        self._count(event.start_mark, size)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.data, dict) and top.key is None:
            if not isinstance(value, str):
                raise self.fail(event.start_mark, "MOT004", "an alias used as a key must name a plain string")
            self._set_key(top, value, event.start_mark)
            return
        self._add(value, None, size)
