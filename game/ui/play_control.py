"""The play controller: one run being played, from its briefing to its scorecard.

The play, ending and pause screens receive the :class:`PlayController` of their run and call it;
it calls the run (:mod:`game.run`), saves after every change and records the finished run. The
functions below start a run (from a scene card, a briefing, a save) and hand the screens its controller.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from game.ltext import pick

if TYPE_CHECKING:  # the engine and the scene format load on first use, not at start-up
    from game.program import Program
    from game.run import Coaching, Run
    from game.ui.app import App


class PlayController:
    """Plays ``run`` for the screens that show it: every change is saved, the ending recorded."""

    def __init__(self, app: "App", run: "Run"):
        self.app = app
        self.run = run

    def open(self) -> None:
        """Show the play screen for the run."""
        from game.ui.screens.play import PlayScreen

        self.app.play = self
        self.app.replace(PlayScreen(self.app, self))

    def changed(self) -> None:
        """Save the run after a change (a finished run is recorded by :meth:`finish` instead), and let the
        screens showing it catch up."""
        if not self.run.is_over():
            self.app.saved(self.app.store.save_run, self.run)
        self.app.stack.follow()

    def ahead(self) -> list[tuple["Run", Optional["Coaching"]]]:
        """Where the run can be one step from now (past its line, or after each open choice), as copies of
        the run that are never saved nor shown, with the coaching on the choice: the window prepares those
        pictures and texts while the player reads."""
        from game.run import Run

        run = self.run
        kind = run.story.kind(run.state)
        count = 1 if kind == "line" else len(run.story.open_choices(run.state)) if kind == "decision" else 0
        ways: list[tuple[Run, Optional[Coaching]]] = []
        for number in range(1, count + 1):
            later = Run(run.scene_path, run.program, run.state, run.mode)
            if kind == "line":
                later.advance()
                ways.append((later, None))
            else:
                ways.append((later, later.choose(number)))
        return ways

    def choose(self, number: int) -> "Coaching":
        """Take an open choice; returns the coaching on it."""
        coaching = self.run.choose(number)
        self.changed()
        return coaching

    def advance(self) -> None:
        """Move past a line."""
        self.run.advance()
        self.changed()

    def undo(self) -> bool:
        """Take back the last decision; False when there is none to take back (or in an assessment)."""
        if not self.run.can_undo():
            return False
        self.run.undo()
        self.changed()
        return True

    def finish(self) -> None:
        """The run reached its ending: record it and show the scorecard."""
        from game.ui.screens.ending import EndingScreen

        card = self.run.scorecard(self.app.settings.language)
        self.app.saved(self.app.results.recorder().finish, self.run, card, self.app.store)  # history, LRS
        self.app.results.wake()
        self.app.replace(EndingScreen(self.app, self))

    def what_if(self, decision: int) -> None:
        """Go back to a decision of the finished run and play on from there."""
        self.run.rewind(decision)
        self.run.mode = "practice"  # playing on from a past decision is practice, whatever the run was
        self.run.new_attempt()  # a replay is a new attempt for the learning record store
        self.app.saved(self.app.store.save_run, self.run)
        self.app.saved(self.app.results.recorder().launch, self.run)
        self.open()

    def restart(self) -> None:
        """Start the scene again from its beginning, in the same mode."""
        start(self.app, self.run.scene_path, self.run.mode)

    def reload(self) -> None:
        """F5: reload the scene from disk, keeping the place when its node still exists."""
        from game.loader import load_scene

        loaded = load_scene(self.run.scene_path)
        if loaded.program is None:
            self.app.show_errors(list(loaded.diagnostics))
            return
        self.run, outcome = self.run.reloaded(loaded.program)
        self.app.notify(self.app.t(outcome), 3 if outcome == "reloaded" else 6)
        self.app.saved(self.app.store.save_run, self.run)
        self.open()


def launch(app: "App", run: "Run") -> PlayController:
    """Play a new run: save it, tell the learning record store it started, and show it."""
    control = PlayController(app, run)
    app.saved(app.store.save_run, run)
    app.saved(app.results.recorder().launch, run)
    control.open()
    return control


def choose_scene(app: "App", path: str) -> None:
    """A scene card was chosen: ask first when that would end an unfinished run, then brief the player."""
    summary = app.store.run_summary() if app.store.has_run() else None
    if summary is None:
        open_briefing(app, path)
        return
    from game.ui.screens.briefing import ReplaceRunOverlay

    def title_of(match) -> str:
        card = next((c for c in app.cards if match(c)), None)
        return pick(card.title, app.settings.language) if card is not None and card.title else "?"

    new_title = title_of(lambda c: Path(c.path) == Path(path))
    old_title = title_of(lambda c: c.id == summary[0])
    app.push(ReplaceRunOverlay(app, path, new_title, (old_title, summary[0], summary[1])))


def open_briefing(app: "App", path: str) -> None:
    """Load a scene and show its briefing (or its errors)."""
    from game.loader import load_scene
    from game.ui.screens.briefing import BriefingScreen

    loaded = load_scene(path)
    if loaded.program is None:
        app.show_errors(list(loaded.diagnostics))
        return
    app.replace(BriefingScreen(app, path, loaded.program))


def begin(app: "App", path: str, program: "Program", mode: str) -> None:
    """Start the briefed scene in ``mode`` ("practice" or "assessment")."""
    from game.run import Run

    launch(app, Run(path, program, mode=mode))


def start(app: "App", path: str, mode: str = "practice") -> None:
    """Start a scene from its beginning in ``mode`` (or show its errors)."""
    from game.run import Run, SceneLoadError

    try:
        run = Run.start(path, mode)
    except SceneLoadError as exc:
        app.show_errors(list(exc.loaded.diagnostics))
        return
    launch(app, run)


def resume(app: "App") -> None:
    """Resume the unfinished run from its save (a save that cannot be resumed is explained instead)."""
    run = app.store.load_run()
    app.show_notices()
    if run is not None:
        PlayController(app, run).open()
