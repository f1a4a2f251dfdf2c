"""Source positions of values and keys, found only when a diagnostic asks for them.

Keeping the line and column of every value of a big scene costs more memory than the data itself
(82 MB for a 17 MB scene when positions were kept per mapping). Most loads need no position at all,
and a file with problems needs at most a few hundred, so :class:`SourceMap` keeps only the text and
reads it again, as parser events, when positions are asked for: one pass answers a whole batch of
paths and stops as soon as the last of them is found. Nothing is built while it walks.
"""

from __future__ import annotations

import zlib
from typing import Any, Iterable, Optional

import yaml

Path = tuple  # a path into the data: keys (str) and list indexes (int)

# A position is packed as line * COLUMNS + column: one int instead of a tuple.
COLUMNS = 1 << 32
# Texts longer than this are kept compressed (YAML shrinks 5-10 times; level 1 costs about 1% of
# loading): a loaded scene then holds a fraction of its file, not a copy, while it is played.
COMPRESS_FROM = 1 << 20


def pack(line: int, column: int) -> int:
    """One int for a 1-based (line, column)."""
    return line * COLUMNS + column


def unpack(packed: int) -> tuple[int, int]:
    """The (line, column) of a packed position."""
    return divmod(packed, COLUMNS)


class _Want:
    """A path some lookup needs, with the longer wanted paths that go through it."""

    __slots__ = ("path", "children")

    def __init__(self, path: Path):
        self.path = path
        self.children: dict[Any, _Want] = {}


class SourceMap:
    """Line and column (1-based) of any value or key, by data path, read from the text on demand.

    A path that leads nowhere (into an aliased or merged value, or past the data) answers with its
    nearest ancestor that was written in the file; the empty path is the document's top value.
    """

    def __init__(self, text: str | bytes = "", loader: Any = None):
        self._text: str | bytes = text
        self._compressed = b""
        if len(text) > COMPRESS_FROM:
            self._compressed = zlib.compress(text.encode("utf-8") if isinstance(text, str) else text, 1)
            self._text = ""
        self._loader = loader
        self._found: dict[Path, tuple[int, int]] = {}  # path -> (value, key) packed; key 0 in a list
        self._root = pack(1, 1)
        self._root_read = False

    def value(self, path: Iterable) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest recorded ancestor."""
        path = tuple(path)
        self.prepare([path])
        while path:
            found = self._found.get(path)
            if found is not None and found[0]:
                return unpack(found[0])
            path = path[:-1]
        return unpack(self._root)

    def key(self, path: Iterable) -> tuple[int, int]:
        """Position of the key that holds ``path``, falling back to the value."""
        path = tuple(path)
        self.prepare([path])
        found = self._found.get(path) if path else None
        return unpack(found[1]) if found is not None and found[1] else self.value(path)

    def written_key(self, path: Iterable) -> Optional[tuple[int, int]]:
        """Position of the key that holds ``path`` when the file writes that key (no fallback), else None."""
        path = tuple(path)
        self.prepare([path])
        found = self._found.get(path)
        return unpack(found[1]) if found is not None and found[1] else None

    def prepare(self, paths: Iterable[Iterable]) -> None:
        """Find the positions of every path in ``paths`` (and of their ancestors) in one reading.

        Call it with all the paths a batch of diagnostics needs before asking for them one by one:
        each later :meth:`value` or :meth:`key` is then a dictionary lookup.
        """
        wanted = _Want(())
        missing = 0
        root_wanted = False
        for path in paths:
            root_wanted = root_wanted or not path
            node = wanted
            for depth, part in enumerate(path):
                child = node.children.get(part)
                if child is None:
                    prefix = tuple(path)[:depth + 1]
                    child = node.children[part] = _Want(prefix)
                    missing += prefix not in self._found
                node = child
        readable = (self._text or self._compressed) and self._loader is not None
        if readable and (missing or root_wanted and not self._root_read):  # the top value is the first found
            text = _Inflating(self._compressed) if self._compressed else self._text
            if not _Walk(self, wanted, missing).run(text, self._loader):
                _mark_absent(wanted, self._found)  # read to the end: what was not found is not written
            self._root_read = True

    def _record(self, path: Path, value: int, key: int) -> bool:
        """Keep the first position seen for ``path``; True when it was new."""
        if path in self._found:
            return False
        self._found[path] = (value, key)
        return True


class _Inflating:
    """A compressed text read as a file, a piece at a time: the parser never sees it whole."""

    def __init__(self, compressed: bytes):
        self._compressed = memoryview(compressed)
        self._offset = 0
        self._inflater = zlib.decompressobj()
        self._ready = b""

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes of the text (all that is left when ``size`` is negative)."""
        while (size < 0 or len(self._ready) < size) and not self._inflater.eof:
            piece = self._compressed[self._offset:self._offset + 65536]
            self._offset += len(piece)
            self._ready += self._inflater.decompress(piece) if piece else self._inflater.flush()
            if not piece:
                break
        if size < 0:
            size = len(self._ready)
        out, self._ready = self._ready[:size], self._ready[size:]
        return out


def _mark_absent(wanted: _Want, found: dict) -> None:
    """Record every wanted path not found as absent, so asking again does not read the file again."""
    pending = [wanted]
    while pending:
        for child in pending.pop().children.values():
            found.setdefault(child.path, (0, 0))
            pending.append(child)


class _Frame:
    __slots__ = ("want", "is_map", "expect_key", "index", "key_want", "key_mark")

    def __init__(self, want: Optional[_Want], is_map: bool):
        self.want = want
        self.is_map = is_map
        self.expect_key = True
        self.index = 0
        self.key_want: Optional[_Want] = None
        self.key_mark = 0


class _Walk:
    """One reading of the event stream, recording the positions of the wanted paths."""

    def __init__(self, source: SourceMap, wanted: _Want, missing: int):
        self.source = source
        self.wanted = wanted
        self.missing = missing
        self.stack: list[Optional[_Frame]] = []
        self.anchors: dict[str, str] = {}  # scalar anchors, for aliases used as keys
        self.started = False

    def run(self, text: Any, loader_class: Any) -> bool:
        """Read ``text`` (a str, bytes or a file); True when it stopped early because every wanted path was found."""
        loader = loader_class(text)
        try:
            while loader.check_event():
                if self.feed(loader.get_event()):
                    return True
        except yaml.YAMLError:
            pass  # positions up to the error are all a broken file can give
        finally:
            loader.dispose()
        return False

    def feed(self, event: Any) -> bool:
        """Consume one event; True when every wanted path has been found."""
        kind = type(event)
        if kind is yaml.ScalarEvent and event.anchor is not None:  # an alias of it may be used as a key
            self.anchors[event.anchor] = event.value
        if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
            self._value(event, None)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._value(event, kind is yaml.MappingStartEvent)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
        return self.missing <= 0 and self.started

    def _value(self, event: Any, opens_map: Optional[bool]) -> None:
        mark = event.start_mark
        packed = (mark.line + 1) * COLUMNS + mark.column + 1
        if not self.started:  # the document's top value
            self.started = True
            self.source._root = packed
            self._open(opens_map, self.wanted)
            return
        frame = self.stack[-1]
        if frame is None:  # inside something no wanted path goes through
            if opens_map is not None:
                self.stack.append(None)
            return
        child: Optional[_Want]
        if frame.is_map:
            if frame.expect_key:
                self._key(frame, event, packed)
                return
            frame.expect_key = True
            child, key_packed = frame.key_want, frame.key_mark
        else:
            child = frame.want.children.get(frame.index) if frame.want is not None else None
            frame.index += 1
            key_packed = 0
        if child is not None and self.source._record(child.path, packed, key_packed):
            self.missing -= 1
        if opens_map is not None:
            self._open(opens_map, child)

    def _key(self, frame: _Frame, event: Any, packed: int) -> None:
        frame.expect_key = False
        text = self.anchors.get(event.anchor) if type(event) is yaml.AliasEvent else event.value
        frame.key_want = frame.want.children.get(text) if frame.want is not None and text is not None else None
        frame.key_mark = packed

    def _open(self, opens_map: Optional[bool], want: Optional[_Want]) -> None:
        if opens_map is None:
            return
        self.stack.append(_Frame(want, opens_map) if want is not None and want.children else None)
