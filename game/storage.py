"""Saves, settings and run history on disk: JSON, written atomically, never silently lost.

Every write goes to a temporary file in the same folder, is flushed to disk, then renamed over the
old file, so a crash leaves either the old file or the new one. A file that cannot be read back
(corrupt, or edited by hand into nonsense) is set aside under a new name, never deleted, and the
caller is told why.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from game.paths import SAVES_DIR

DEFAULT_SAVES = SAVES_DIR
SAVES_ENV = "MOT_SAVES_DIR"  # tests and portable installs point this elsewhere
TEMP_PREFIX = ".tmp-"


def saves_dir() -> Path:
    """The folder for saves: $MOT_SAVES_DIR, or saves/ in the project."""
    return Path(os.environ.get(SAVES_ENV) or DEFAULT_SAVES)


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically (temporary file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".json", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, like :func:`write_json`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
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


@dataclass(frozen=True)
class ReadResult:
    """What reading a JSON file gave: the data, or why it was set aside."""

    data: Any = None
    problem: Optional[str] = None  # a sentence for the player when the file was set aside


def read_json(path: Path) -> ReadResult:
    """Read JSON from ``path``; a missing file gives no data and no problem.

    A file that is not valid JSON is renamed to ``NAME.corrupt-TIMESTAMP`` and reported.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ReadResult()
    except (OSError, UnicodeDecodeError) as exc:
        return ReadResult(problem=set_aside(path, f"it could not be read ({exc.__class__.__name__})"))
    try:
        return ReadResult(data=json.loads(text))
    except json.JSONDecodeError as exc:
        return ReadResult(problem=set_aside(path, f"it is not valid JSON (line {exc.lineno})"))


def set_aside(path: Path, reason: str) -> str:
    """Rename a bad file out of the way and return the sentence explaining it."""
    target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{counter}")
        counter += 1
    try:
        os.replace(path, target)
    except OSError:
        return f"{path.name} was ignored because {reason}; it could not be moved aside"
    return f"{path.name} was set aside as {target.name} because {reason}"


def clean_temporaries(folder: Path) -> int:
    """Remove temporary files left by an interrupted write; return how many."""
    removed = 0
    if folder.is_dir():
        for leftover in folder.glob(f"{TEMP_PREFIX}*"):
            leftover.unlink(missing_ok=True)
            removed += 1
    return removed


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
    if not folder.is_dir():
        return 0
    now = time.time()
    for pattern in patterns:
        for leftover in folder.glob(pattern):
            try:
                if leftover.is_file() and not leftover.is_symlink() and now - leftover.stat().st_mtime > older_than:
                    leftover.unlink()
                    removed += 1
            except FileNotFoundError:
                continue  # another instance finished or cleaned it meanwhile
    return removed
