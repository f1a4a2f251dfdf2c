"""Screenshots of the phone scenes' call view (ringing, a caller speaking, hold, transfer, a colleague
on an internal line, choices, the call ended) and of both phone scenes in facilitator mode, at
1280x720 and 1920x1080, in English and Chinese::

    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/phone_screenshots.py docs/screenshots/phone
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pygame

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.scenes import PROJECT_ROOT  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.driver import finish_line, key, settle  # noqa: E402

SIZES = [(1280, 720), (1920, 1080)]
# (scene, choice ids to take, node to stop at, whether to stop at the decision, shot name)
SHOTS = [
    ("insurance_840", [], "intro", False, "ringing"),
    ("insurance_840", [], "early_call", True, "choices"),
    ("insurance_840", ["no_problem", "note_only"], "li_angry", False, "angry-caller"),
    ("insurance_840", ["no_problem", "note_only", "own_it"], "hold", False, "hold"),
    ("insurance_840", ["transfer_dispatch"], "transferred", False, "transfer"),
    ("insurance_840", ["ask_first", "check_back"], "zhao_call", False, "colleague"),
    ("thirty_fen", ["client_first", "lookup_minute", "restore_now"], "restored", False, "calmer-caller"),
    ("thirty_fen", ["client_first", "lookup_minute", "restore_now", "respect_can"], "insult", True, "insult-choices"),
    ("thirty_fen", ["client_first", "lookup_minute", "restore_now", "respect_can", "breathe_number",
                    "own_callback", "set_guard", "recap_open"], "gao_bye", False, "ended"),
]


def _choose(app: App, choice_id: str) -> None:
    while app.run.view(app.settings.language).kind != "decision" or app.screen.coaching is not None:
        key(app, pygame.K_SPACE)
        finish_line(app)
    view = app.run.view(app.settings.language)
    number = next(c.number for c in view.choices if c.id == choice_id)
    key(app, getattr(pygame, f"K_{number}"))
    finish_line(app)


def shoot_call(folder: Path, size: tuple[int, int], language: str, scene: str, ids: list[str], stop: str,
               at_decision: bool, name: str) -> Path:
    """Play ``ids`` in ``scene``, walk on to node ``stop`` and save the frame."""
    with tempfile.TemporaryDirectory() as saves:
        app = App(size=size, saves_folder=Path(saves))
        app.update_settings(language=language)
        app.start_scene(str(PROJECT_ROOT / "scenes" / f"{scene}.yaml"))
        finish_line(app)
        for choice_id in ids:
            _choose(app, choice_id)
        while app.run.state.node != stop or app.screen.coaching is not None:
            key(app, pygame.K_SPACE)
            finish_line(app)
        settle(app, 10, 0.3)
        if at_decision:
            finish_line(app)
        app.draw()
        path = folder / f"{scene}-{name}-{size[0]}x{size[1]}-{language}.png"
        pygame.image.save(app.surface, str(path))
        pygame.quit()
        return path


def main() -> int:
    """Shoot every call state in both sizes and languages into the folder given."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        for language in ("en", "zh"):
            for shot in SHOTS:
                print(shoot_call(folder, size, language, *shot))
            for scene in ("insurance_840", "thirty_fen"):
                print(facilitator_call(folder, size, language, scene))
    return 0



def facilitator_call(folder: Path, size: tuple[int, int], language: str, scene: str) -> list[Path]:
    """Run ``scene`` in facilitator mode (one team, always option A) and shoot a decision, a reveal and the end."""
    shots = []
    with tempfile.TemporaryDirectory() as saves:
        app = App(size=size, saves_folder=Path(saves))
        app.update_settings(language=language)
        app.open_facilitator_setup(str(PROJECT_ROOT / "scenes" / f"{scene}.yaml"))
        key(app, pygame.K_RETURN)
        workshop = app.workshop
        for step in range(200):
            kind = workshop.story.kind(workshop.state)
            if kind == "ending" and app.screen.revealed is None:
                break
            if kind == "decision" and app.screen.revealed is None:
                if step < 3 and not shots:
                    shots.append(_save(app, folder, f"{scene}-facilitate-decision-{size[0]}x{size[1]}-{language}"))
                key(app, pygame.K_a)
                key(app, pygame.K_r)
                if len(shots) == 1:
                    shots.append(_save(app, folder, f"{scene}-facilitate-reveal-{size[0]}x{size[1]}-{language}"))
            key(app, pygame.K_PAGEDOWN)
        shots.append(_save(app, folder, f"{scene}-facilitate-ending-{size[0]}x{size[1]}-{language}"))
        pygame.quit()
    return shots


def _save(app: App, folder: Path, name: str) -> Path:
    app.draw()
    path = folder / f"{name}.png"
    pygame.image.save(app.surface, str(path))
    return path


if __name__ == "__main__":
    sys.exit(main())
