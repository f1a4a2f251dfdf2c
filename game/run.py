"""A run in progress: the game state the window drives (its saves are in :mod:`game.savestore`).

The window owns one :class:`Run` at a time and turns input into calls on it; everything a screen
shows comes back as plain data. Undo, "what if" and the history are derived from the state's
steps by replaying them, so there is no second copy of the truth to keep in step.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
import uuid
from dataclasses import dataclass
from typing import Any, Optional

from game.engine import EngineError, State, Story, View
from game.loader import LoadedScene, load_scene
from game.program import Program
from game.ltext import LText, pick
from game.scorecard import Scorecard, best_missed, build_scorecard
from game.storage import Notice

MODES = ("practice", "assessment")


class SceneLoadError(RuntimeError):
    """The scene file has errors; ``loaded`` carries the diagnostics to show."""

    def __init__(self, loaded: LoadedScene):
        errors = [d for d in loaded.diagnostics if d.severity == "error"]
        super().__init__(errors[0].format() if errors else f"{loaded.path} cannot be played")
        self.loaded = loaded


@dataclass(frozen=True)
class HistoryLine:
    """One line of what was said, for the history overlay."""

    speaker: str
    text: str
    by_player: bool


@dataclass(frozen=True, eq=False)  # one record per decision taken: compared by identity
class Coaching:
    """What the coach says about a decision just taken (see :meth:`Run.choose`).

    Attributes:
        decision: The decision's number in the run (1-based).
        rating: The choice's rating (-3 to +3).
        stage: The MOT stage the choice belongs to.
        feedback: The choice's feedback.
        best_rating: The highest rating among the choices that were open.
        better: The text of the best open choice when it was rated above the one taken (None: no better
            choice was open); the scorecard's "best choice missed" rule.
    """

    decision: int
    rating: int
    stage: str
    feedback: LText
    best_rating: int
    better: Optional[LText]


class Run:
    """One playthrough: a scene's program and the current state."""

    def __init__(self, scene_path: str, program: Program, state: Optional[State] = None, mode: str = "practice"):
        self.scene_path = scene_path
        self.mode = mode if mode in MODES else "practice"  # an assessment hides reactions and has no undo
        self.program = program
        self.story = Story(program)
        self.state = state or self.story.start()
        self.new_attempt()

    def new_attempt(self) -> None:
        """Give the run a fresh xAPI registration and start time (a new attempt, e.g. a "what if" replay)."""
        self.registration = str(uuid.uuid4())
        self.started_at = time.time()

    @classmethod
    def start(cls, scene_path: str, mode: str = "practice") -> "Run":
        """Load a scene and start at its beginning, in ``mode`` ("practice" or "assessment").

        Raises:
            SceneLoadError: when the scene has errors.
        """
        loaded = load_scene(scene_path)
        if loaded.program is None:
            raise SceneLoadError(loaded)
        return cls(scene_path, loaded.program, mode=mode)

    def view(self, language: str) -> View:
        """The current node as plain data."""
        return self.story.view(self.state, language)

    def advance(self) -> None:
        """Move past a line with no decision."""
        self.state = self.story.advance(self.state)

    def choose(self, number: int) -> Coaching:
        """Take the ``number``-th open choice; returns the coaching on it.

        Raises:
            EngineError: when there is no such open choice.
        """
        open_now = self.story.open_choices(self.state)
        self.state, turn = self.story.choose(self.state, number)
        missed = best_missed(open_now, turn.choice)
        return Coaching(len(self.state.steps), turn.choice.rating, turn.choice.stage, turn.choice.feedback,
                        max(choice.rating for choice in open_now), missed.text if missed is not None else None)

    @property
    def meter(self) -> float:
        """The customer's meter now."""
        return self.state.meter

    @property
    def visited(self) -> tuple[str, ...]:
        """The nodes the run went through, in order (the current one last)."""
        return self.state.visited

    @property
    def node(self) -> str:
        """The id of the node the run is at."""
        return self.state.node

    @property
    def place(self) -> tuple[str, int, int]:
        """Where the run stands: the node, the decisions taken and the lines seen (changes whenever it moves)."""
        return (self.state.node, len(self.state.steps), len(self.state.visited))

    @property
    def decisions(self) -> int:
        """How many decisions have been taken."""
        return len(self.state.steps)

    def can_undo(self) -> bool:
        """True when there is a decision to take back (never while an assessment is being played)."""
        return bool(self.state.steps) and not (self.mode == "assessment" and not self.is_over())

    def undo(self) -> None:
        """Go back to the last decision, as it was before it was taken."""
        if self.state.steps:
            self.rewind(len(self.state.steps))

    def rewind(self, decision: int) -> None:
        """Go back to decision number ``decision`` (1-based), before it was taken: "what if"."""
        steps = self.state.steps[: max(0, decision - 1)]
        self.state = self.story.replay([(step.node, step.choice) for step in steps])

    def is_over(self) -> bool:
        """True at an ending."""
        return self.story.ending(self.state) is not None

    def scorecard(self, language: str) -> Scorecard:
        """The scorecard of a finished run."""
        return build_scorecard(self.story, self.state, language)

    def history(self, language: str) -> list[HistoryLine]:
        """What was said so far, the player's choices included, oldest first."""
        lines = []
        steps = iter(self.state.steps)
        staff = next((s for s in self.program.speakers.values() if s.role == "staff"), None)
        player_name = pick(staff.name, language) if staff else "You"
        last = len(self.state.visited) - 1
        for position, node_id in enumerate(self.state.visited):
            node = self.program.nodes[node_id]
            speaker = self.program.speakers.get(node.speaker)
            name = pick(speaker.name, language) if speaker else node.speaker
            lines.append(HistoryLine(name, pick(node.text, language), speaker is not None and speaker.role == "staff"))
            if node.choices and position < last:  # the current node's decision is still open
                step = next(steps, None)
                choice = next((c for c in node.choices if step and c.id == step.choice), None)
                if choice is not None:
                    lines.append(HistoryLine(player_name, pick(choice.text, language), True))
        return lines

    def reloaded(self, program: Program) -> tuple["Run", str]:
        """This run on ``program`` reloaded from its file: the same attempt, at the same place when the
        decisions taken still lead there.

        Returns:
            The new run and what became of the place: "reloaded" (kept), "choice_changed" (a choice taken
            by position now says something else: started again) or "place_gone" (started again).
        """
        run = Run(self.scene_path, program, mode=self.mode)
        run.registration, run.started_at = self.registration, self.started_at  # the same attempt
        try:
            run.state = run.story.restore(self.state)
            run.check_fingerprints(self.choice_fingerprints())  # a choice known by position must say the same
        except SaveMismatch:
            run.state = run.story.start()
            return run, "choice_changed"
        except EngineError:
            return run, "place_gone"
        return run, "reloaded"

    def to_save(self) -> dict[str, Any]:
        """The run as JSON-ready data.

        ``choices`` fingerprints the text of each choice taken, so a resume can tell when a choice
        known only by its position now says something else.
        """
        return {"scene_path": self.scene_path, "scene": self.program.id,
                "content_hash": self.program.content_hash, "state": self.state.to_json(), "mode": self.mode,
                "registration": self.registration, "started_at": self.started_at,
                "choices": self.choice_fingerprints()}

    def choice_fingerprints(self) -> list[str]:
        """A short hash of the text of each choice taken so far (see :meth:`check_fingerprints`)."""
        return [self._fingerprint(step.node, step.choice) for step in self.state.steps]

    def _fingerprint(self, node_id: str, choice_id: Any) -> str:
        node = self.program.nodes.get(node_id) if isinstance(node_id, str) else None
        choice = next((c for c in node.choices if c.id == choice_id), None) if node else None
        if choice is None:
            return ""
        text = "\x1f".join(f"{language}={choice.text[language]}" for language in sorted(choice.text))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    @classmethod
    def from_save(cls, data: Any) -> tuple["Run", Optional[Notice]]:
        """Resume a saved run; the second value explains anything the player should know.

        Choices are replayed by id. Choices a scene gives no id are known by their position, so when
        the scene was edited each one's text is compared with the save's fingerprint: a different
        text means the author inserted or changed choices, and the save is not replayed.

        Raises:
            SceneLoadError: when the scene now has errors.
            EngineError: when the save cannot be used (corrupt, or its place is gone); a
                :class:`SaveMismatch` says why in a way the player can be told.
        """
        if not isinstance(data, dict) or not isinstance(data.get("scene_path"), str) or "state" not in data:
            raise EngineError("the save does not describe a run")
        mode = data.get("mode", "practice")
        run = cls.start(data["scene_path"], mode if mode in MODES else "practice")
        _restore_attempt(run, data)
        saved = State.from_json(data["state"])
        unchanged = data.get("content_hash") == run.program.content_hash
        try:
            run.state = run.story.restore(saved)  # rebuilt from the decisions: never trusts the saved details
        except EngineError:
            if unchanged:
                raise SaveMismatch("run", "the save does not match its scene (was it edited by hand?)") from None
            raise SaveMismatch("scene_gone", "the scene was edited since this save and the place you were at no "
                                             "longer exists") from None
        if unchanged and run.state != saved:
            raise SaveMismatch("run", "the save does not match its scene (was it edited by hand?)")
        if unchanged:
            return run, None
        run.check_fingerprints(data.get("choices"))
        return run, Notice("notice_replayed")

    def check_fingerprints(self, fingerprints: Any) -> None:
        """Refuse a replay where a choice taken by position now has another text (see :meth:`from_save`).

        Raises:
            SaveMismatch: with reason ``scene_changed``.
        """
        if not isinstance(fingerprints, list):
            return  # a save from before fingerprints: nothing to compare
        for step, saved in zip(self.state.steps, fingerprints, strict=False):
            node = self.program.nodes[step.node]
            choice = next(c for c in node.choices if c.id == step.choice)  # restore just took it
            if choice.id != str(choice.index + 1):
                continue  # the author named this choice: its id says which it is, whatever its text now
            if isinstance(saved, str) and saved and saved != self._fingerprint(step.node, step.choice):
                raise SaveMismatch("scene_changed", f"the scene was edited since this save and the choice you "
                                                    f"made at '{step.node}' has changed")


class SaveMismatch(EngineError):
    """A save that cannot be resumed on its scene; ``reason`` is a key of :data:`game.storage.REASONS`."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def _restore_attempt(run: Run, data: dict) -> None:
    """Keep a resumed run's registration and start time when the save holds valid ones.

    An older save, or a damaged value, leaves the fresh ones the resumed run was given.
    """
    registration, started = data.get("registration"), data.get("started_at")
    if isinstance(registration, str) and re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", registration):
        run.registration = registration
    if isinstance(started, (int, float)) and math.isfinite(started) and 0 < started <= time.time():
        run.started_at = float(started)
