"""Reading a scene file as checked UTF-8 bytes: never blocking, never past a size cap.

Kept apart from :mod:`game.yamlsrc` (which turns the text into data): a path can be a folder, a
pipe, a device, unreadable, too large or in another encoding, and each becomes a diagnostic at 1:1
(or at the first bad byte) before any parsing starts.
"""

from __future__ import annotations

import errno
import os
import stat

from game.diagnostics import Diagnostic

# A 40k-node scene at the shipped scenes' density (1.7-2.5 KB a node) is 70-100 MB; loading one
# peaks at about 6x its size (model, program, the stuck-decision search), bounded by this cap.
MAX_FILE_BYTES = 128 * 1024 * 1024
_SAVE_AS_UTF8 = "save it as UTF-8 (in your editor: Save with Encoding > UTF-8)"


class YamlSourceError(Exception):
    """Raised when a file cannot be turned into data; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic], left_out: int = 0, stopped_at: int = 0):
        super().__init__(diagnostics[0].format() if diagnostics else "unreadable scene")
        self.diagnostics = diagnostics
        self.left_out = left_out  # problems found past MAX_DIAGNOSTICS, counted but not kept
        self.stopped_at = stopped_at  # the line where reading stopped after STOP_AFTER more (0: it did not)


def read_text(path: str) -> str:
    """Read a scene file as text, refusing what is not a bounded UTF-8 file.

    Raises:
        YamlSourceError: with a MOT001/MOT002/MOT003 diagnostic.
    """
    return read_source(path).decode("utf-8")


def read_source(path: str) -> bytes:
    """Read a scene file as checked UTF-8 bytes (without a byte-order mark), refusing anything else.

    Both parsers read these bytes directly: keeping the file as bytes rather than text (2 or 4
    bytes a character once any Chinese is in it) and never handing the parser a second copy keeps
    loading's memory down.

    Raises:
        YamlSourceError: with a MOT001/MOT002/MOT003 diagnostic.
    """
    def fail(code: str, message: str) -> YamlSourceError:
        return YamlSourceError([Diagnostic(path, 1, 1, code, message)])  # 1:1 so editors can jump there

    try:
        raw = _read_regular_file(path)
    except IsADirectoryError:
        raise fail("MOT001", "this is a folder, not a scene file: give the path of a .yaml file") from None
    except FileNotFoundError:
        raise fail("MOT001", "no such file: check the path") from None
    except PermissionError:
        raise fail("MOT001", "permission denied: make the file readable") from None
    except _NotRegular:
        raise fail("MOT001", "this is not a regular file (a pipe, device or socket): "
                             "give the path of a .yaml file") from None
    except _TooLarge as exc:
        raise fail("MOT002", f"the file is {exc.size / 1048576:.1f} MB; scene files may be at most "
                             f"{MAX_FILE_BYTES // 1048576} MB: split the scene or remove unused text") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket (or a device with nothing behind it) refuses to be opened
            raise fail("MOT001", "this is not a regular file (a pipe, device or socket): "
                                 "give the path of a .yaml file") from None
        raise fail("MOT001", f"cannot read the file ({exc.strerror or exc}): check the path") from None
    except ValueError:  # a NUL byte in the path
        raise fail("MOT001", "the path contains a NUL character: check the path") from None
    return check_utf8(raw, path)


class _NotRegular(OSError):
    """The path is a pipe, device or socket: reading it could block forever or never end."""


class _TooLarge(OSError):
    def __init__(self, size: int):
        super().__init__(f"{size} bytes")
        self.size = size


def _read_regular_file(path: str) -> bytes:
    """Read at most MAX_FILE_BYTES of a regular file, never blocking on a pipe.

    The file is opened without blocking and checked with fstat on the open descriptor, so a FIFO
    named like a scene (or swapped in after a check) is refused instead of waiting for a writer.
    """
    if os.path.isdir(path):
        raise IsADirectoryError(path)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular(path)
        if info.st_size > MAX_FILE_BYTES:
            raise _TooLarge(info.st_size)
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read
        raise _TooLarge(len(raw))
    return raw


def decode(raw: bytes, path: str) -> str:
    """Decode UTF-8 bytes (a UTF-8 byte-order mark is allowed), explaining other encodings."""
    return check_utf8(raw, path).decode("utf-8")


_CHUNK = 1 << 20


def check_utf8(raw: bytes, path: str) -> bytes:
    """``raw`` without a UTF-8 byte-order mark, once it is known to be UTF-8; other encodings explained.

    Checked a megabyte at a time, so no text copy of the whole file is ever made.
    """
    wide = _wide_encoding(raw)
    if wide:
        raise YamlSourceError([Diagnostic(path, 1, 1, "MOT003", f"the file is saved as {wide}: {_SAVE_AS_UTF8}")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    start = 0
    while start < len(raw):
        end = min(start + _CHUNK, len(raw))
        while end < len(raw) and 0x80 <= raw[end] < 0xC0:  # never cut a character in two
            end -= 1
        try:
            raw[start:end].decode("utf-8")
        except UnicodeDecodeError as exc:
            position = start + exc.start
            line = raw.count(b"\n", 0, position) + 1
            column = position - (raw.rfind(b"\n", 0, position) + 1) + 1
            raise YamlSourceError([Diagnostic(path, line, column, "MOT003", _encoding_hint(raw))]) from None
        start = end
    return raw


def _wide_encoding(raw: bytes) -> str:
    """"UTF-32" or "UTF-16" when ``raw`` looks saved in one (by its byte-order mark or its NUL bytes), else ""."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    nuls = raw.count(b"\x00")
    if nuls > len(raw) // 2:  # three NULs in four bytes: ASCII text in UTF-32
        return "UTF-32"
    return "UTF-16" if nuls > len(raw) // 4 else ""


def _encoding_hint(raw: bytes) -> str:
    if raw.count(b"\x00") > len(raw) // 4:
        guess = "UTF-16 without a byte-order mark"
    else:
        try:
            raw.decode("gb18030")
            guess = "GBK/GB2312 (a Chinese Windows encoding)"
        except UnicodeDecodeError:
            guess = "an encoding other than UTF-8"
    return f"the file is not UTF-8; it looks like {guess}: {_SAVE_AS_UTF8}"
