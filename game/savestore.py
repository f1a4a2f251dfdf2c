"""The saves of the desktop game: the unfinished run and the history of finished runs.

Kept apart from :mod:`game.run` so the title screen can read them without loading the engine.

Every file under saves/ is read as untrusted data: anything unreadable or unexpected is set aside
(see :func:`game.storage.set_aside`), the player is told in one sentence, and the game goes on.
Two windows may run at once, so a finished run is recorded as its own file under saves/history/
(created exclusively, never rewritten): no instance can overwrite another's entries.
"""

from __future__ import annotations

import math
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from game.storage import Notice, clean_temporaries, read_json, saves_dir, set_aside, write_json

if TYPE_CHECKING:
    from game.scorecard import Scorecard
    from game.run import Run

CURRENT_FILE = "current.json"
HISTORY_FILE = "history.json"  # the history of older versions: read, never written again
HISTORY_DIR = "history"
MAX_HISTORY = 500  # finished runs read at start-up (the newest); older files stay on disk
MAX_PATH_CHARS = 1024
_ENTRY_TEXT = {"scene": 64, "ending": 64, "grade": 16, "date": 32, "mode": 16}  # field -> longest accepted text


class SaveStore:
    """The unfinished run and the history of finished runs, under one folder."""

    def __init__(self, folder: Optional[Path] = None):
        self.folder = Path(folder) if folder is not None else saves_dir()
        self.notices: list[str] = []
        self.restart_path: Optional[str] = None  # a scene whose save could not be resumed: offer to start it again
        for place in (self.folder, self.folder / HISTORY_DIR, self.folder / "cache"):
            clean_temporaries(place)

    def save_run(self, run: Run) -> None:
        """Save the run in progress (called after every choice)."""
        write_json(self.folder / CURRENT_FILE, run.to_save())

    def clear_run(self) -> None:
        """Forget the run in progress (it finished, or the player started over)."""
        (self.folder / CURRENT_FILE).unlink(missing_ok=True)

    def check_run(self) -> None:
        """Set aside an unreadable or unexpected run file now, so Continue is offered only for a run that can load."""
        self._read_run()

    def has_run(self) -> bool:
        """True when there is an unfinished run to continue."""
        return (self.folder / CURRENT_FILE).is_file()

    def run_summary(self) -> Optional[tuple[str, int]]:
        """The unfinished run's scene id and how many decisions it has taken, read without loading the scene
        (for the title screen's Continue); None when there is no readable run."""
        data = self._read_run()
        if data is None or not isinstance(data.get("scene"), str):
            return None
        steps = data["state"].get("steps")
        return data["scene"][:64], len(steps) if isinstance(steps, list) else 0

    def _read_run(self) -> Optional[dict]:
        path = self.folder / CURRENT_FILE
        result = read_json(path)
        if result.problem:
            self.notices.append(result.problem)
        if not result.found:
            return None  # no run in progress, or it was just set aside
        if not is_run_save(result.data):
            self.notices.append(set_aside(path, "unexpected"))
            return None
        return result.data

    def load_run(self) -> Optional[Run]:
        """The unfinished run, or None; problems are set aside and added to ``notices``."""
        data = self._read_run()
        if data is None:
            return None
        from game.engine import EngineError  # the engine is loaded only when a run is resumed
        from game.run import Run, SaveMismatch, SceneLoadError

        path = self.folder / CURRENT_FILE
        try:
            run, notice = Run.from_save(data)
        except (EngineError, SceneLoadError) as exc:
            reason = exc.reason if isinstance(exc, SaveMismatch) else "scene_errors" \
                if isinstance(exc, SceneLoadError) else "run"
            self.notices.append(set_aside(path, reason))
            self.restart_path = data["scene_path"] if _is_existing_file(data["scene_path"]) else None
            return None
        if notice:
            self.notices.append(notice)
        return run

    def record_finished(self, run: Run, card: Scorecard) -> None:
        """Add a finished run to the history (a file of its own) and clear the run in progress."""
        entry = {"scene": run.program.id, "ending": card.ending, "score": card.score,
                 "grade": card.grade, "date": time.strftime("%Y-%m-%d %H:%M"),
                 "mode": getattr(run, "mode", "practice")}
        folder = self.folder / HISTORY_DIR
        # Sorted by name = sorted by time; the pid and random part keep two windows' names apart. The random
        # part is what secrets.token_hex(4) gives, without importing secrets (hmac, OpenSSL) before the first frame.
        name = f"{time.time_ns():020d}-{os.getpid()}-{os.urandom(4).hex()}.json"
        write_json(folder / name, entry)
        self.clear_run()

    def finished_runs(self) -> list[dict[str, Any]]:
        """The newest MAX_HISTORY finished runs recorded, oldest first."""
        runs = self._legacy_history()
        for path in self._history_files()[-MAX_HISTORY:]:
            result = read_json(path)
            if result.problem:
                self.notices.append(result.problem)
            elif is_history_entry(result.data):
                runs.append(result.data)
            elif path.is_file():
                self.notices.append(set_aside(path, "unexpected"))
        return runs[-MAX_HISTORY:]

    def _history_files(self) -> list[Path]:
        folder = self.folder / HISTORY_DIR
        if not folder.exists():
            return []
        if not folder.is_dir():
            self.notices.append(set_aside(folder, "not_regular"))
            return []
        try:
            names = sorted(name for name in os.listdir(folder) if name.endswith(".json") and name[:1].isdigit())
        except OSError:
            self.notices.append(Notice("notice_history_unreadable", folder=folder.name))
            return []
        return [folder / name for name in names]

    def _legacy_history(self) -> list[dict[str, Any]]:
        """Entries of history.json, as older versions wrote it; the file is set aside if any entry is bad."""
        path = self.folder / HISTORY_FILE
        result = read_json(path)
        if result.problem:
            self.notices.append(result.problem)
        if not result.found:
            return []
        entries = result.data if isinstance(result.data, list) else []
        good = [entry for entry in entries if is_history_entry(entry)]
        if len(good) != len(entries) or not isinstance(result.data, list):
            # The original is kept under a new name; the entries that were fine stay in the history.
            self.notices.append(set_aside(path, "unexpected"))
            if good:
                write_json(path, good)
        return good[-MAX_HISTORY:]

    def best_scores(self) -> dict[str, float]:
        """The best score so far for each scene id."""
        best: dict[str, float] = {}
        for entry in self.finished_runs():
            best[entry["scene"]] = max(best.get(entry["scene"], 0.0), float(entry["score"]))
        return best


def is_run_save(data: Any) -> bool:
    """True when ``data`` has the shape of a saved run (its details are checked when it is resumed)."""
    return (isinstance(data, dict) and isinstance(data.get("state"), dict)
            and _is_plain_path(data.get("scene_path")))


def is_history_entry(data: Any) -> bool:
    """True for a finished-run record as :meth:`SaveStore.record_finished` writes it."""
    if not isinstance(data, dict) or not isinstance(data.get("scene"), str):
        return False
    for name, longest in _ENTRY_TEXT.items():
        value = data.get(name)
        if value is not None and not (isinstance(value, str) and len(value) <= longest):
            return False
    score = data.get("score")
    return (isinstance(score, (int, float)) and not isinstance(score, bool) and math.isfinite(score)
            and -1000 <= score <= 1000)


def _is_plain_path(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_PATH_CHARS and "\x00" not in value


def _is_existing_file(value: Any) -> bool:
    try:
        return _is_plain_path(value) and Path(value).is_file()
    except (OSError, ValueError):  # a name too long for the file system, for one
        return False
