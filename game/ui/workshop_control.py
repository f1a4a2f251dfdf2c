"""The workshop controller: facilitator mode from its set-up to the exported debrief.

The facilitator, menu and debrief screens receive the :class:`WorkshopController` of their session
and call it; the session's rules (votes, ties, turns, team names) are the core's
(:mod:`game.workshop`). The functions below open the set-up and start a session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from game.ui.app import App
    from game.workshop import Workshop


class WorkshopController:
    """Runs ``workshop`` for the screens that show it; finishing exports and records it."""

    def __init__(self, app: "App", workshop: "Workshop"):
        self.app = app
        self.workshop = workshop

    def open(self) -> None:
        """Show the projector view of the session."""
        from game.ui.screens.facilitate import FacilitatorScreen

        self.app.session = self
        self.app.replace(FacilitatorScreen(self.app, self))

    def finish(self) -> None:
        """End the session: export the results and show the debrief."""
        from game.ui.screens.compare import CompareScreen

        app = self.app
        exported = app.saved(self.workshop.export, app.store.folder / "sessions")
        app.saved(app.results.recorder().record_workshop, self.workshop)
        app.results.wake()
        compare = CompareScreen(app, self)
        app.replace(compare)
        if exported:  # said in the debrief's own status line: a toast would cover the page's footer
            compare.status = app.t("exported", path=f"{exported[0].parent.name}/{exported[0].name}")


def open_setup(app: "App", scene_path: Optional[str] = None) -> None:
    """Show the workshop set-up, with ``scene_path`` chosen when given (a scene outside scenes/ is offered too)."""
    from game.ui.screens.facilitate_setup import FacilitatorSetup

    chosen = ""
    if scene_path:
        chosen = next((card.path for card in app.cards
                       if Path(card.path).resolve() == Path(scene_path).resolve()), "")
        if not chosen:
            from game.catalog import card_for

            app.cards.append(card_for(scene_path))
            chosen = scene_path
    app.replace(FacilitatorSetup(app, chosen))


def key_decision_count(scene_path: str) -> int:
    """How many key decisions the workshop plan of the scene at ``scene_path`` has (0: no plan, or errors)."""
    from game.loader import load_scene

    program = load_scene(scene_path).program
    plan = program.workshop if program is not None else None
    return len(plan.key_decisions) if plan else 0


def start(app: "App", scene_path: str, teams: list[str], mode: str, key_only: bool = False) -> None:
    """Start a facilitated session (or show the scene's errors, or why the teams cannot play); the team
    names are remembered for the next session."""
    from game.loader import load_scene
    from game.workshop import Workshop, WorkshopError
    from game.workshop_export import save_last_teams

    loaded = load_scene(scene_path)
    if loaded.program is None:
        app.show_errors(list(loaded.diagnostics))
        return
    try:
        workshop = Workshop(loaded.program, teams, mode, app.settings.language, key_only=key_only)
    except WorkshopError as exc:
        app.notify(exc.notice.in_language(app.settings.language))
        return
    app.saved(save_last_teams, app.store.folder, workshop.teams)
    WorkshopController(app, workshop).open()
