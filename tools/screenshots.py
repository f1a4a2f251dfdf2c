"""Take screenshots of every screen, at 1280x720 and 1920x1080, in English and Chinese.

Run under a virtual display so the real window is captured::

    xvfb-run -s "-screen 0 1920x1080x24" python tools/screenshots.py docs/screenshots

(With SDL_VIDEODRIVER=dummy it also works, drawing off screen.) Saves go to a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pygame

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.scenes import PROJECT_ROOT  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.driver import button_centre, click, finish_line, key  # noqa: E402

SIZES = [(1280, 720), (1920, 1080)]
SCENE = str(PROJECT_ROOT / "scenes" / "tutorial.yaml")


def shoot(app: App, folder: Path, name: str) -> None:
    """Draw the current frame and save it."""
    app.draw()
    pygame.image.save(app.surface, str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def tour(folder: Path, size: tuple[int, int], language: str, scene: str = SCENE,
         choices: tuple[int, ...] = (2, 2, 3, 3, 2)) -> None:
    """Visit every screen once and shoot it."""
    suffix = f"{size[0]}x{size[1]}-{language}"
    with tempfile.TemporaryDirectory() as saves:
        app = App(size=size, saves_folder=Path(saves))
        app.update_settings(language=language)
        shoot(app, folder, f"title-{suffix}")
        click(app, button_centre(app, "settings"))
        shoot(app, folder, f"settings-{suffix}")
        key(app, pygame.K_ESCAPE)
        app.start_scene(scene)
        finish_line(app)
        shoot(app, folder, f"play-line-{suffix}")
        _play(app, choices[:1])
        shoot(app, folder, f"play-coaching-{suffix}")
        key(app, pygame.K_SPACE)
        finish_line(app)
        _to_decision(app)
        shoot(app, folder, f"play-choices-{suffix}")
        key(app, pygame.K_h)
        shoot(app, folder, f"history-{suffix}")
        key(app, pygame.K_ESCAPE)
        key(app, pygame.K_ESCAPE)
        shoot(app, folder, f"pause-{suffix}")
        key(app, pygame.K_ESCAPE)
        _play(app, choices[1:])
        while app.run.view(language).kind != "ending" or app.screen.coaching is not None:
            key(app, pygame.K_SPACE)
            finish_line(app)
        shoot(app, folder, f"play-ending-{suffix}")
        key(app, pygame.K_SPACE)
        shoot(app, folder, f"scorecard-{suffix}")
        pygame.quit()


def facilitator_tour(folder: Path, size: tuple[int, int], language: str) -> None:
    """Facilitator mode's screens (see tools/facilitator_screenshots.py, which takes them)."""
    from tools.facilitator_screenshots import tour as workshop_tour

    workshop_tour(folder, size, language)


def _to_decision(app: App) -> None:
    while app.run.view(app.settings.language).kind == "line" or app.screen.coaching is not None:
        key(app, pygame.K_SPACE)
        finish_line(app)


def _play(app: App, numbers: tuple[int, ...]) -> None:
    for number in numbers:
        _to_decision(app)
        key(app, getattr(pygame, f"K_{number}"))
        finish_line(app)


def main() -> int:
    """Shoot every screen in every size and language into the folder given."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        for language in ("en", "zh"):
            tour(folder, size, language)
            facilitator_tour(folder, size, language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
