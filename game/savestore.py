"""The saves of the desktop game: the unfinished run and the history of finished runs.

Kept apart from :mod:`game.session` so the title screen can read them without loading the engine.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from game.storage import clean_temporaries, read_json, saves_dir, set_aside, write_json

if TYPE_CHECKING:
    from game.scorecard import Scorecard
    from game.session import Run

CURRENT_FILE = "current.json"
HISTORY_FILE = "history.json"
MAX_HISTORY = 500


class SaveStore:
    """The unfinished run and the history of finished runs, under one folder."""

    def __init__(self, folder: Optional[Path] = None):
        self.folder = Path(folder) if folder is not None else saves_dir()
        self.notices: list[str] = []
        self.restart_path: Optional[str] = None  # a scene whose save could not be resumed: offer to start it again
        clean_temporaries(self.folder)

    def save_run(self, run: Run) -> None:
        """Save the run in progress (called after every choice)."""
        write_json(self.folder / CURRENT_FILE, run.to_save())

    def clear_run(self) -> None:
        """Forget the run in progress (it finished, or the player started over)."""
        (self.folder / CURRENT_FILE).unlink(missing_ok=True)

    def check_run(self) -> None:
        """Set aside an unreadable run file now, so Continue is offered only for a run that can load."""
        result = read_json(self.folder / CURRENT_FILE)
        if result.problem:
            self.notices.append(result.problem)

    def has_run(self) -> bool:
        """True when there is an unfinished run to continue."""
        return (self.folder / CURRENT_FILE).is_file()

    def run_summary(self) -> Optional[tuple[str, int]]:
        """The unfinished run's scene id and how many decisions it has taken, read without loading the scene
        (for the title screen's Continue); None when there is no readable run."""
        data = read_json(self.folder / CURRENT_FILE).data
        if not isinstance(data, dict) or not isinstance(data.get("scene"), str):
            return None
        state = data.get("state")
        steps = state.get("steps") if isinstance(state, dict) else None
        return data["scene"], len(steps) if isinstance(steps, list) else 0

    def load_run(self) -> Optional[Run]:
        """The unfinished run, or None; problems are set aside and added to ``notices``."""
        path = self.folder / CURRENT_FILE
        result = read_json(path)
        if result.problem:
            self.notices.append(result.problem)
        if result.data is None:
            return None
        from game.engine import EngineError  # the engine is loaded only when a run is resumed
        from game.session import Run, SceneLoadError

        try:
            run, notice = Run.from_save(result.data)
        except (EngineError, SceneLoadError) as exc:
            self.notices.append(set_aside(path, str(exc)))
            scene = result.data.get("scene_path") if isinstance(result.data, dict) else None
            self.restart_path = scene if isinstance(scene, str) and Path(scene).is_file() else None
            return None
        if notice:
            self.notices.append(notice)
        return run

    def record_finished(self, run: Run, card: Scorecard) -> None:
        """Add a finished run to the history and clear the run in progress."""
        history = self.finished_runs()
        history.append({"scene": run.program.id, "ending": card.ending, "score": card.score,
                        "grade": card.grade, "date": time.strftime("%Y-%m-%d %H:%M"),
                        "mode": getattr(run, "mode", "practice")})
        write_json(self.folder / HISTORY_FILE, history[-MAX_HISTORY:])
        self.clear_run()

    def finished_runs(self) -> list[dict[str, Any]]:
        """Every finished run recorded, oldest first."""
        result = read_json(self.folder / HISTORY_FILE)
        if result.problem:
            self.notices.append(result.problem)
        data = result.data if isinstance(result.data, list) else []
        return [entry for entry in data if isinstance(entry, dict) and "scene" in entry]

    def best_scores(self) -> dict[str, float]:
        """The best score so far for each scene id."""
        best: dict[str, float] = {}
        for entry in self.finished_runs():
            score = entry.get("score")
            if isinstance(score, (int, float)):
                best[entry["scene"]] = max(best.get(entry["scene"], 0.0), float(score))
        return best
