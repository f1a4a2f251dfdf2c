"""Saves, settings and run history on disk: JSON, written atomically, never silently lost.

Every write goes to a temporary file in the same folder, is flushed to disk, then renamed over the
old file, so a crash leaves either the old file or the new one. A file that cannot be read back
(corrupt, or edited by hand into nonsense) is set aside under a new name, never deleted, and the
caller is told why.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from game.diagnostics import escape_controls
from game.i18n import t
from game.paths import SAVES_DIR

DEFAULT_SAVES = SAVES_DIR
SAVES_ENV = "MOT_SAVES_DIR"  # tests and portable installs point this elsewhere
TEMP_PREFIX = ".tmp-"


def saves_dir() -> Path:
    """The folder for saves: $MOT_SAVES_DIR, or saves/ in the project."""
    return Path(os.environ.get(SAVES_ENV) or DEFAULT_SAVES)


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically (temporary file, fsync, rename)."""
    try:
        text = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8 reaches us as surrogates: keep them as \u escapes
        text = json.dumps(data, ensure_ascii=True, indent=1).encode("ascii")
    write_bytes(path, text)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, like :func:`write_json`."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` atomically: a temporary file in the same folder, fsync, rename.

    The rename replaces whatever ``path`` was (a symbolic link, a FIFO) instead of writing through it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of a renamed file (POSIX); where folders cannot be opened, nothing to do."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class Notice(str):
    """A sentence for the player from the interface catalogue (game/i18n.py), with its English as the text.

    A ``str`` so callers and logs can treat it as text; the window shows :meth:`in_language`.
    """

    key: str
    values: dict[str, str]

    def __new__(cls, key: str, **values: str) -> "Notice":
        notice = super().__new__(cls, _sentence(key, values, "en"))
        notice.key, notice.values = key, values
        return notice

    def in_language(self, language: str) -> str:
        """The sentence in ``language`` (a game language code)."""
        return _sentence(self.key, self.values, language)


def _sentence(key: str, values: dict[str, str], language: str) -> str:
    """The catalogue's sentence ``key``; a ``reason`` value that is a key of :data:`REASONS` is said in words."""
    reason = values.get("reason")
    if reason in REASONS:
        values = {**values, "reason": t(f"reason.{reason}", language)}
    return t(key, language, **values)


def notice_text(notice: str, language: str) -> str:
    """A notice in ``language``; plain strings (English only) are shown as they are."""
    return notice.in_language(language) if isinstance(notice, Notice) else notice


# Why a file was set aside: each is a catalogue entry "reason.<key>", which fits the notices' "because
# {reason}" in English and follows the file name in Chinese. Any other reason is a short English text.
REASONS = ("unreadable", "not_regular", "too_large", "not_json", "unexpected", "settings", "run", "scene_changed",
           "scene_gone", "scene_errors")
MAX_JSON_BYTES = 16 * 1024 * 1024  # saves, settings, history and caches are kilobytes; more is not ours
MAX_JSON_DEPTH = 64  # what the game writes is at most a few levels deep


@dataclass(frozen=True)
class ReadResult:
    """What reading a JSON file gave: the data, or why it was set aside."""

    data: Any = None
    problem: Optional[str] = None  # a sentence (a Notice) for the player when the file was set aside
    found: bool = False  # True when the file was there and read (its data may still be JSON null)


class _Unusable(Exception):
    """The file exists but is not data the game can use; ``reason`` is a key of REASONS."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_json(path: Path, read_only: bool = False) -> ReadResult:
    """Read JSON from ``path``; a missing file gives no data and no problem.

    Anything else that is not a small, regular file of valid JSON (a folder, a pipe, a huge or
    deeply nested file, numbers too long to read) is set aside as ``NAME.corrupt-TIMESTAMP`` and
    reported: it is never read again, never overwritten and never deleted. With ``read_only``
    the file is only reported, never renamed (for commands that must not change saves/).
    """
    try:
        raw = read_small_file(path, MAX_JSON_BYTES)
        if raw is None:
            return ReadResult()
        return ReadResult(data=parse_json(raw), found=True)
    except _Unusable as exc:
        return ReadResult(problem=report_bad(path, exc.reason) if read_only else set_aside(path, exc.reason))


def loads_untrusted(text: str) -> Any:
    """Parse JSON from outside the game (an LRS's answer) with the same limits as files on disk.

    Raises:
        ValueError: for text that is not JSON, nests deeper than MAX_JSON_DEPTH or holds a number
            Python will not read.
    """
    try:
        return parse_json(text.encode("utf-8", "replace"))
    except _Unusable:
        raise ValueError("not usable JSON") from None


def report_bad(path: Path, reason: str) -> Notice:
    """The sentence for a bad file a read-only command leaves where it is.

    Args:
        path: The file.
        reason: A key of :data:`REASONS`, or a short English reason.
    """
    return Notice("notice_skipped", path=str(path), reason=reason if reason in REASONS else _clip(reason))


def read_small_file(path: Path, limit: int) -> Optional[bytes]:
    """The bytes of a regular file of at most ``limit`` bytes; None when there is no such file.

    Opened without blocking and checked on the open descriptor, so a FIFO never hangs the game.

    Raises:
        _Unusable: for a folder, pipe, device, a file too large, or one that cannot be read.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise _Unusable("not_regular") from None
    except (OSError, ValueError):
        raise _Unusable("unreadable") from None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _Unusable("not_regular")
            if info.st_size > limit:
                raise _Unusable("too_large")
            raw = handle.read(limit + 1)
    except OSError:
        raise _Unusable("unreadable") from None
    if len(raw) > limit:
        raise _Unusable("too_large")
    return raw


def parse_json(raw: bytes) -> Any:
    """Parse JSON bytes from disk, refusing what could crash or stall the code that reads it.

    Raises:
        _Unusable: for text that is not UTF-8 JSON, nests deeper than MAX_JSON_DEPTH, or holds a
            number Python will not read (more than 4,300 digits) or one that is not finite.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Unusable("not_json") from None
    if _nesting(text) > MAX_JSON_DEPTH:
        raise _Unusable("not_json")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # ValueError covers bad JSON and over-long numbers
        raise _Unusable("not_json") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")  # NaN and Infinity are not JSON and not saved by us


def _nesting(text: str) -> int:
    """An upper bound of the nesting depth (brackets inside strings count too: it only errs high)."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return 0
    depth = deepest = 0  # deepest stays 0 unless the limit is passed: only that matters
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token == "[" or token == "{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return depth
        elif token == "]" or token == "}":
            depth -= 1
    return deepest


_BRACKETS = re.compile(r'[\[\]{}]|"(?:[^"\\]|\\.)*"')


def is_small_regular_file(path: Path, limit: int) -> bool:
    """True for a regular file of at most ``limit`` bytes (never blocks, never raises)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= limit


def set_aside(path: Path, reason: str) -> Notice:
    """Rename a bad file out of the way (never over another file) and return the sentence explaining it.

    Args:
        path: The file to move.
        reason: A key of :data:`REASONS`, or a short English reason.
    """
    reason = reason if reason in REASONS else _clip(reason)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for counter in range(1000):
        target = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{counter}" if counter else ""))
        try:
            _move_without_overwriting(path, target)
        except FileExistsError:
            continue
        except OSError:
            break
        return Notice("notice_set_aside", path=path.name, target=target.name, reason=reason)
    return Notice("notice_ignored", path=path.name, reason=reason)


def _move_without_overwriting(path: Path, target: Path) -> None:
    """Rename ``path`` to ``target``, failing with FileExistsError rather than replacing a file."""
    try:
        os.link(path, target, follow_symlinks=False)  # atomic: fails if target exists
    except FileExistsError:
        raise
    except OSError:  # folders, FIFOs on some systems, file systems without links
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(path, target)
        return
    os.unlink(path)


def _clip(text: str, limit: int = 160) -> str:
    text = escape_controls(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def clean_temporaries(folder: Path) -> int:
    """Remove temporary files left by an interrupted write; return how many.

    Only temporaries nobody has written to for :data:`ABANDONED_AFTER_SECONDS` are removed:
    another instance of the game may be writing its own right now (see :func:`clean_abandoned`).
    """
    return clean_abandoned(folder)


ABANDONED_AFTER_SECONDS = 15 * 60  # a write takes well under a second: a temporary this old was abandoned


def _write_temporary(folder: Path, suffix: str, payload: bytes) -> Path:
    """Write ``payload`` to a fresh temporary file in ``folder``, flushed to disk; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def write_unique(folder: Path, stem: str, suffix: str, payload: bytes) -> Path:
    """Write ``payload`` as ``folder/STEM.SUFFIX`` atomically, never overwriting anything.

    When the name is taken (another export in the same second, another instance) the next free
    ``STEM-2``, ``STEM-3``... is used. The file appears complete or not at all.

    Returns:
        The path written.
    """
    temporary = _write_temporary(folder, suffix, payload)
    try:
        for number in range(1, 10_000):
            target = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
            if _claim(temporary, target):
                _sync_folder(folder)
                return target
        raise FileExistsError(f"no free name for {stem}{suffix} in {folder}")
    finally:
        temporary.unlink(missing_ok=True)


def _claim(temporary: Path, target: Path) -> bool:
    """Give ``temporary``'s content the name ``target`` unless that name exists; True when done."""
    try:
        os.link(temporary, target)  # a hard link never replaces an existing name
        return True
    except FileExistsError:
        return False
    except OSError:  # no hard links on this file system: reserve the name exclusively, then fill it
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        os.replace(temporary, target)
        return True


def clean_abandoned(folder: Path, patterns: tuple[str, ...] = (f"{TEMP_PREFIX}*",),
                    older_than: float = ABANDONED_AFTER_SECONDS) -> int:
    """Remove temporaries in ``folder`` matching ``patterns`` that nobody has written to for ``older_than``
    seconds (a crash left them); a younger one may be another instance's write in progress. Returns how many."""
    removed = 0
    now = time.time()
    try:
        leftovers = [path for pattern in patterns for path in folder.glob(pattern)] if folder.is_dir() else []
    except OSError:  # an unreadable folder: nothing we may clean
        return 0
    for leftover in leftovers:
        try:
            info = os.lstat(leftover)  # never follows a link: only our own plain files are removed
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                leftover.unlink()
                removed += 1
        except OSError:
            continue  # another instance finished or cleaned it meanwhile, or it is not ours to remove
    return removed
