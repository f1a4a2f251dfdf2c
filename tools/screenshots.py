"""Take screenshots of every screen, in English and Chinese, at 1280x720 and 1920x1080 (and a few at 4K).

Run under a virtual display so the real window is captured::

    xvfb-run -a -s "-screen 0 3840x2160x24" python tools/screenshots.py docs/screenshots [--text-size 6]
        [--scenes FOLDER] [--sizes 1280x720,1920x1080] [--no-facilitator]

(With SDL_VIDEODRIVER=dummy it also works, drawing off screen.) Saves go to a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pygame

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.scenes import PROJECT_ROOT  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.driver import button_centre, click, finish_line, key  # noqa: E402
from game.ui.actions import Option  # noqa: E402

SIZES = [(1280, 720), (1920, 1080)]
LARGE = (3840, 2160)
LARGE_SHOTS = {"title", "briefing", "play-choices", "scorecard"}  # the screens also shot at 4K
SCENE = str(PROJECT_ROOT / "scenes" / "tutorial.yaml")


def shoot(app: App, folder: Path, name: str) -> None:
    """Draw the current frame and save it."""
    app.draw()
    pygame.image.save(app.surface, str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def tour(folder: Path, size: tuple[int, int], language: str, scene: str = SCENE,
         choices: tuple[int, ...] = (2, 2, 3, 3, 2), text_size: int = 2, scenes: Path | None = None,
         only: set[str] | None = None) -> None:
    """Visit every trainee screen once and shoot it (only the names in ``only``, when given)."""
    suffix = f"{size[0]}x{size[1]}-{language}" + (f"-text{text_size + 1}" if text_size != 2 else "")

    def snap(name: str) -> None:
        if only is None or name in only:
            shoot(app, folder, f"{name}-{suffix}")

    with tempfile.TemporaryDirectory() as saves:
        app = App(size=size, saves_folder=Path(saves), scenes_folder=scenes)
        app.update_settings(language=language, text_size=text_size)
        snap("title")
        click(app, button_centre(app, "settings"))
        snap("settings")
        key(app, pygame.K_ESCAPE)
        app.open_briefing(scene)
        snap("briefing")
        key(app, pygame.K_RETURN)  # Start practice has the focus at first
        finish_line(app)
        snap("play-line")
        _play(app, choices[:1])
        snap("play-coaching")
        _to_decision(app)
        snap("play-choices")
        key(app, pygame.K_DOWN)
        key(app, pygame.K_DOWN)
        snap("play-choices-selected")
        key(app, pygame.K_h)
        snap("history")
        key(app, pygame.K_ESCAPE)
        key(app, pygame.K_ESCAPE)
        snap("pause")
        key(app, pygame.K_ESCAPE)
        _play(app, choices[1:])
        for _ in range(200):
            if app.run.view(language).kind == "ending" and app.screen.coaching is None:
                break
            key(app, pygame.K_SPACE)
            finish_line(app)
        snap("play-ending")
        key(app, pygame.K_SPACE)
        snap("scorecard")
        key(app, pygame.K_PAGEDOWN)
        snap("scorecard-scrolled")
        app.open_briefing(scene)
        app.begin(scene, app.screen.program, "assessment")
        _to_decision(app)
        snap("assessment")
        app.to_title()
        snap("title-continue")
        app.choose_scene(app.cards[-1].path)
        snap("replace-run")
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
        for _ in range(10):  # at large text sizes the options are paged: turn to the page that shows it
            if any(b.action == Option(number) for b in app.screen.buttons):
                break
            key(app, pygame.K_PAGEDOWN)
        key(app, getattr(pygame, f"K_{number}"))
        finish_line(app)


def main() -> int:
    """Shoot every screen in every size and language into the folder given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="screenshots")
    parser.add_argument("--text-size", type=int, default=3, help="1 to 6, as in Settings (default 3)")
    parser.add_argument("--scenes", type=Path, help="a folder of scenes for the title screen")
    parser.add_argument("--sizes", help="comma-separated WxH (default 1280x720,1920x1080, plus 4K for a few)")
    parser.add_argument("--no-facilitator", action="store_true", help="skip the facilitator screens")
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(n) for n in s.split("x")) for s in args.sizes.split(",")] if args.sizes else SIZES
    for size in sizes:
        for language in ("en", "zh"):
            tour(folder, size, language, text_size=args.text_size - 1, scenes=args.scenes)
            if not args.no_facilitator:
                facilitator_tour(folder, size, language)
    if not args.sizes:
        for language in ("en", "zh"):
            tour(folder, LARGE, language, text_size=args.text_size - 1, scenes=args.scenes, only=LARGE_SHOTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
