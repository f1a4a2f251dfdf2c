"""Screenshots of facilitator mode: set-up, voting, notes (both kinds), tie, reveal, ending, comparison
pages and the exported debrief, at 1280x720 and 1920x1080, in English and Chinese.

Run under a virtual display so the real window is captured::

    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/facilitator_screenshots.py docs/screenshots/facilitator

The session runs the tutorial scene and its workshop plan (a plan is added for the pictures if the
scene has none), so the debrief's plan pages show. Saves go to a temporary folder.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pygame
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.scenes import PROJECT_ROOT  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.driver import button_centre, click, key, settle  # noqa: E402

SIZES = [(1280, 720), (1920, 1080)]
TUTORIAL = PROJECT_ROOT / "scenes" / "tutorial.yaml"
PLAN = {
    "key_decisions": [
        {"node": None, "minutes": 5,
         "question": {"en": "What does the customer need before anything is offered?",
                      "zh": "在提出任何方案之前，顾客需要什么？"},
         "model_answer": {"en": "Ask what happened and listen: exploring first shows respect and finds the real "
                                "problem.",
                          "zh": "先问清发生了什么并认真倾听：先探索，既表示尊重，也能找到真正的问题。"}},
    ],
    "rubric": [{"en": "Did the team explore before offering?", "zh": "小组是否先探索再提议？"},
               {"en": "Did the offer fit what the customer said?", "zh": "提议是否符合顾客所说的情况？"},
               {"en": "Did the team confirm the customer was satisfied?", "zh": "小组是否确认了顾客满意？"}],
}


def scene_with_plan(folder: Path) -> str:
    """The tutorial with its workshop plan (one naming its first decision when it has none)."""
    data = yaml.safe_load(TUTORIAL.read_text(encoding="utf-8"))
    if data.get("workshop"):
        return str(TUTORIAL)
    first = next(node_id for node_id, node in data["nodes"].items() if node.get("choices"))
    plan = yaml.safe_load(yaml.safe_dump(PLAN))
    plan["key_decisions"][0]["node"] = first
    data["workshop"] = plan
    path = folder / "tutorial-workshop.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def shoot(app: App, folder: Path, name: str) -> None:
    """Draw the current frame and save it."""
    app.toast = None  # a notice over the picture would hide what the screenshot is for
    app.dirty = True
    app.draw()
    pygame.image.save(app.surface, str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def next_decision(app: App) -> None:
    """Clicker 'next' until the current team faces an open vote."""
    workshop = app.workshop
    while workshop.story.kind(workshop.state) != "decision" or app.screen.revealed is not None:
        key(app, pygame.K_PAGEDOWN)


def play_team(app: App, letters: str, after_first=None) -> None:
    """Vote the current team through its decisions (one letter a decision, the last one repeated) to its
    ending; ``after_first`` is called once the first of these votes is revealed."""
    workshop = app.workshop
    for index in range(50):
        while workshop.story.kind(workshop.state) == "line" or app.screen.revealed is not None:
            key(app, pygame.K_PAGEDOWN)
        if workshop.story.kind(workshop.state) == "ending":
            return
        letter = letters[min(index, len(letters) - 1)]
        count = len(workshop.view().choices)
        key(app, getattr(pygame, f"K_{letter.lower() if 'ABCDEFGHI'.index(letter) < count else 'a'}"))
        key(app, pygame.K_PAGEDOWN)
        if index == 0 and after_first is not None:
            after_first()
    raise RuntimeError("the team never reached an ending")


def tour(folder: Path, size: tuple[int, int], language: str) -> None:
    """A two-team session from set-up to the exported debrief, shooting each moment."""
    suffix = f"{size[0]}x{size[1]}-{language}"
    with tempfile.TemporaryDirectory() as saves:
        scene = scene_with_plan(Path(saves))
        app = App(size=size, saves_folder=Path(saves))
        app.update_settings(language=language)
        app.open_facilitator_setup(scene)
        shoot(app, folder, f"setup-{suffix}")
        click(app, button_centre(app, "start"))
        next_decision(app)
        for code in (pygame.K_a, pygame.K_b, pygame.K_b, pygame.K_c, pygame.K_a):  # A and B tie
            key(app, code)
        key(app, pygame.K_t)
        settle(app, 20, 1.0)
        shoot(app, folder, f"voting-{suffix}")
        key(app, pygame.K_n)
        shoot(app, folder, f"notes-confirm-{suffix}")
        key(app, pygame.K_DOWN)
        key(app, pygame.K_RETURN)
        shoot(app, folder, f"notes-room-{suffix}")
        key(app, pygame.K_n)
        presenter = pygame.Surface((960, 720))
        app.screen.draw_presenter(presenter)
        pygame.image.save(presenter, str(folder / f"notes-presenter-{suffix}.png"))
        key(app, pygame.K_r)
        shoot(app, folder, f"tie-{suffix}")
        key(app, pygame.K_a)
        shoot(app, folder, f"reveal-{suffix}")
        play_team(app, "CCBB")
        shoot(app, folder, f"ending-{suffix}")
        key(app, pygame.K_PAGEDOWN)  # hand over to the second team
        play_team(app, "CACC", lambda: shoot(app, folder, f"reveal-bad-{suffix}"))
        key(app, pygame.K_PAGEDOWN)
        kinds = [page.kind for page in app.screen.pages]
        for page, kind in enumerate(kinds):
            if kind not in kinds[:page]:  # the first page of each kind
                shoot(app, folder, f"debrief-{kind}-{suffix}")
            key(app, pygame.K_PAGEDOWN)
        key(app, pygame.K_PAGEUP)
        key(app, pygame.K_s)
        shoot(app, folder, f"debrief-saving-{suffix}")
        while app.screen.busy:  # the export is written on a worker thread while the window goes on
            if app.screen.export_job is not None:
                app.screen.export_job.wait(0.1)
            settle(app)
        shoot(app, folder, f"debrief-saved-{suffix}")
        if size == SIZES[0]:  # the export is drawn at 1920x1080 whatever the window: one copy per language
            for exported in sorted((Path(saves) / "sessions").glob("*-debrief.*")):
                target = folder / f"exported-debrief-{language}{exported.suffix}"
                shutil.copy(exported, target)
                print(target)
        pygame.quit()


def main() -> int:
    """Shoot every facilitator moment in every size and language into the folder given."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    sizes = SIZES if len(sys.argv) < 3 else [tuple(int(v) for v in sys.argv[2].split("x"))]
    languages = ("en", "zh") if len(sys.argv) < 4 else (sys.argv[3],)
    for size in sizes:
        for language in languages:
            tour(folder, size, language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
