"""The desktop game driven headlessly (SDL dummy driver) through its real input handling."""

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pygame
import pytest

from game.analysis import analyze
from game.loader import load_scene
from game.ui.app import App
from game.ui.driver import button_centre, click, finish_line, key, resize, settle
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.title import TitleScreen
from game.ui.actions import Option, SceneCard, WhatIf

ROOT = Path(__file__).resolve().parent.parent
SCENES = sorted((ROOT / "scenes").glob("*.yaml"))


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    # still rain: otherwise the umbrella scene repaints its backdrop on every frame the driver steps
    application.update_settings(text_speed="fast", reduce_motion=True)
    yield application
    pygame.display.quit()


def best_choices(path: Path) -> tuple[str, tuple[int, ...]]:
    result = analyze(load_scene(str(path)).program)
    return result.best.ending, result.best.choices


def _play_screen(app) -> PlayScreen:
    assert isinstance(app.screen, PlayScreen), type(app.screen).__name__
    return app.screen


def _until_decision_or_ending(app, advance) -> None:
    """Press on (with ``advance``) until choices are shown or the ending card is up."""
    for _ in range(200):
        screen = _play_screen(app)
        finish_line(app)
        view = app.run.view(app.settings.language)
        if view.kind == "decision" and screen.coaching is None and screen.buttons:
            return
        if view.kind == "ending" and screen.line_done and screen.coaching is None:
            return
        advance()
    raise AssertionError("never reached a decision")


def _card_index(app, path: Path) -> int:
    return next(i for i, card in enumerate(app.cards) if Path(card.path) == path)


def _page_to_card(app, index: int) -> None:
    """Click the title's next-page button until the card ``index`` is on screen (the grid pages)."""
    for _ in range(len(app.cards)):
        if any(button.action == SceneCard(index) for button in app.screen.buttons):
            return
        click(app, button_centre(app, "next_page"))
    raise AssertionError(f"card {index} never came on screen")


@pytest.mark.parametrize("path", SCENES, ids=[p.stem for p in SCENES])
def test_each_scene_to_an_ending_with_the_keyboard(app, path):
    ending, choices = best_choices(path)
    assert isinstance(app.screen, TitleScreen)
    for _ in range(_card_index(app, path) - app.screen.focus % len(app.screen.buttons)):
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, BriefingScreen)
    assert app.screen.buttons[app.screen.focus].action == "practice"  # drawn focused, and Enter starts it
    key(app, pygame.K_RETURN)
    assert app.run is not None and app.run.mode == "practice"
    for number in choices:
        _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
        key(app, getattr(pygame, f"K_{number}"))
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, EndingScreen)
    assert app.screen.scorecard().ending == ending
    assert app.store.finished_runs()[-1]["ending"] == ending and not app.store.has_run()


@pytest.mark.parametrize("path", SCENES, ids=[p.stem for p in SCENES])
def test_each_scene_to_an_ending_with_the_mouse(app, path):
    ending, choices = best_choices(path)
    _page_to_card(app, _card_index(app, path))
    click(app, button_centre(app, SceneCard(_card_index(app, path))))
    click(app, button_centre(app, "practice"))
    empty_spot = (app.theme.width // 2, app.theme.height - app.theme.px(40))
    for number in choices:
        _until_decision_or_ending(app, lambda: click(app, empty_spot))
        click(app, button_centre(app, Option(number)))
    _until_decision_or_ending(app, lambda: click(app, empty_spot))
    click(app, empty_spot)
    assert isinstance(app.screen, EndingScreen) and app.screen.scorecard().ending == ending
    click(app, button_centre(app, "menu"))
    assert isinstance(app.screen, TitleScreen)


def _start(app, numbers=()):
    app.start_scene(str(ROOT / "scenes" / "tutorial.yaml"))
    for number in numbers:
        _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
        key(app, getattr(pygame, f"K_{number}"))


def test_undo_with_backspace_and_ctrl_z(app):
    _start(app, (2, 2))
    assert app.run.decisions == 2
    key(app, pygame.K_BACKSPACE)
    assert app.run.decisions == 1 and app.run.view("en").kind == "decision"
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    assert app.run.decisions == 0
    key(app, pygame.K_BACKSPACE)  # nothing left to undo: no change, no error
    assert app.run.decisions == 0


def test_what_if_from_the_debrief(app):
    _start(app, (2, 1, 4, 2, 3))
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, EndingScreen)
    click(app, button_centre(app, WhatIf(1)))
    assert isinstance(app.screen, PlayScreen) and app.run.decisions == 0
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    key(app, pygame.K_1)
    assert app.run.state.steps[0].choice != "open"


def test_switching_language_in_the_middle_of_a_scene(app):
    _start(app, (2,))
    english = app.run.view("en").text
    key(app, pygame.K_l)
    assert app.settings.language == "zh"
    settle(app, 2)
    assert app.screen.view.text != english and any("\u4e00" <= c <= "\u9fff" for c in app.screen.view.text)
    key(app, pygame.K_ESCAPE)
    click(app, button_centre(app, "settings"))
    click(app, button_centre(app, "language"))
    assert app.settings.language == "en"
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, PlayScreen) and app.run.decisions == 1


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160), (1024, 768)])
def test_resizing_lays_everything_out_again(app, size):
    _start(app, (2,))
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    resize(app, size)
    assert app.surface.get_size() == size and app.theme.height == size[1]
    window = pygame.Rect((0, 0), size)
    assert app.screen.buttons and all(window.contains(b.rect) for b in app.screen.buttons)
    assert all(window.contains(rect) for rect in app.screen.rects.values())


def test_settings_are_remembered(tmp_path):
    first = App(saves_folder=tmp_path)
    first.update_settings(language="zh", text_size=5, high_contrast=True, coaching=False)
    settle(first)
    second = App(saves_folder=tmp_path)
    assert second.settings.language == "zh" and second.settings.high_contrast and not second.settings.coaching
    settle(second)


def test_a_scene_with_errors_shows_them_instead_of_crashing(tmp_path):
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "broken.yaml").write_text("format: 1\nid: broken\n", encoding="utf-8")
    app = App(saves_folder=tmp_path / "saves", scenes_folder=scenes)
    click(app, button_centre(app, SceneCard(0)))
    assert type(app.screen).__name__ == "ErrorOverlay" and "MOT101" in " ".join(app.screen.messages)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, TitleScreen)


def test_progress_survives_a_killed_process(tmp_path):
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        import pygame
        from game.ui.app import App
        from game.ui.driver import key, finish_line
        app = App(saves_folder={str(tmp_path)!r})
        app.start_scene({str(ROOT / "scenes" / "tutorial.yaml")!r})
        for number in (2, 1):
            while app.run.view("en").kind != "decision" or app.screen.coaching is not None:
                key(app, pygame.K_SPACE); finish_line(app)
            finish_line(app)
            key(app, getattr(pygame, "K_%d" % number))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    app = App(saves_folder=tmp_path)
    assert isinstance(app.screen, TitleScreen) and app.store.has_run()
    click(app, button_centre(app, "continue"))
    assert isinstance(app.screen, PlayScreen) and app.run.decisions == 2
    assert [step.choice for step in app.run.state.steps] == ["open", "need_today"]


def test_debrief_image_is_saved(app):
    _start(app, (3, 3, 2, 3))
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    key(app, pygame.K_RETURN)
    key(app, pygame.K_s)
    images = list((app.store.folder / "debriefs").glob("*-tutorial.png"))
    assert len(images) == 1
    image = pygame.image.load(str(images[0]))
    assert image.get_width() == app.theme.width and image.get_height() >= app.theme.height


def test_history_overlay_and_pause_menu(app):
    _start(app, (2,))
    key(app, pygame.K_h)
    assert type(app.screen).__name__ == "HistoryOverlay"
    key(app, pygame.K_UP)
    key(app, pygame.K_h)
    key(app, pygame.K_ESCAPE)
    assert type(app.screen).__name__ == "PauseOverlay"
    click(app, button_centre(app, "resume"))
    assert isinstance(app.screen, PlayScreen)


def test_quit_closes_the_loop(app):
    app.step([pygame.event.Event(pygame.QUIT)])
    assert not app.running


def test_idle_screen_does_not_redraw(app):
    settle(app, 2)
    assert not app.dirty
    assert app.step([]) is False  # nothing moves on the title screen: the loop may sleep


def test_any_key_shows_the_whole_line(app):
    app.update_settings(text_speed="slow")
    _start(app)
    screen = _play_screen(app)
    settle(app, 2)
    assert not screen.line_done
    key(app, pygame.K_a)
    assert screen.line_done and app.run.decisions == 0


def test_f5_reloads_the_scene_and_keeps_the_place(tmp_path):
    scene = tmp_path / "scenes" / "tutorial.yaml"
    scene.parent.mkdir()
    scene.write_text((ROOT / "scenes" / "tutorial.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    app = App(saves_folder=tmp_path / "saves", scenes_folder=scene.parent)
    app.start_scene(str(scene))
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    key(app, pygame.K_2)
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    node, shown = app.run.state.node, app.run.view("en").text
    scene.write_text(scene.read_text(encoding="utf-8").replace(shown[:20], "EDITED " + shown[:20], 1),
                     encoding="utf-8")
    key(app, pygame.K_F5)
    assert isinstance(app.screen, PlayScreen) and app.run.state.node == node and app.run.decisions == 1
    assert app.run.view("en").text.startswith("EDITED")
    scene.write_text("format: 1\nid: tutorial\n", encoding="utf-8")
    key(app, pygame.K_F5)
    assert type(app.screen).__name__ == "ErrorOverlay"
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, PlayScreen) and app.run.decisions == 1  # the old run plays on


def test_a_corrupt_save_is_explained_at_start(tmp_path):
    (tmp_path / "current.json").write_text("{broken", encoding="utf-8")
    app = App(saves_folder=tmp_path)
    assert type(app.screen).__name__ == "NoticeOverlay" and "set aside" in app.screen.messages[0]
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, TitleScreen) and not app.store.has_run()


def test_fullscreen_toggles_with_f11(app):
    key(app, pygame.K_F11)
    assert app.settings.fullscreen
    key(app, pygame.K_F11)
    assert not app.settings.fullscreen and app.surface.get_size() == app.window_size


def test_high_contrast_and_largest_text_fit_the_window(app):
    app.update_settings(high_contrast=True, text_size=5, language="zh")
    _start(app, (2,))
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    window = app.surface.get_rect()
    assert all(window.contains(b.rect) for b in app.screen.buttons)
    area = app.screen.rects["choices"]
    assert all(area.contains(b.rect) for b in app.screen.buttons)


def test_a_save_whose_place_was_edited_away_offers_to_start_again(tmp_path):
    scene = tmp_path / "scenes" / "tutorial.yaml"
    scene.parent.mkdir()
    text = (ROOT / "scenes" / "tutorial.yaml").read_text(encoding="utf-8")
    scene.write_text(text, encoding="utf-8")
    first = App(saves_folder=tmp_path / "saves", scenes_folder=scene.parent)
    first.start_scene(str(scene))
    _until_decision_or_ending(first, lambda: key(first, pygame.K_SPACE))
    key(first, pygame.K_2)
    node = first.run.state.steps[0].node
    scene.write_text(text.replace(f"  {node}:\n", f"  {node}_moved:\n")
                     .replace(f"next: {node}\n", f"next: {node}_moved\n")
                     .replace(f"node: {node}\n", f"node: {node}_moved\n"), encoding="utf-8")
    app = App(saves_folder=tmp_path / "saves", scenes_folder=scene.parent)
    click(app, button_centre(app, "continue"))
    assert type(app.screen).__name__ == "NoticeOverlay" and "no longer exists" in app.screen.messages[0]
    click(app, button_centre(app, "restart"))
    assert isinstance(app.screen, PlayScreen) and app.run.decisions == 0


def _scene_copy(tmp_path):
    scene = tmp_path / "scenes" / "tutorial.yaml"
    scene.parent.mkdir()
    scene.write_text((ROOT / "scenes" / "tutorial.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return scene


def test_f5_on_a_line_keeps_that_line(tmp_path):
    scene = _scene_copy(tmp_path)
    app = App(saves_folder=tmp_path / "saves", scenes_folder=scene.parent)
    app.start_scene(str(scene))
    assert app.run.view("en").kind == "line"
    node = app.run.state.node
    key(app, pygame.K_F5)
    assert app.run.state.node == node and app.run.decisions == 0


def test_f5_after_the_line_ahead_was_deleted_does_not_break_history(tmp_path):
    scene = _scene_copy(tmp_path)
    app = App(saves_folder=tmp_path / "saves", scenes_folder=scene.parent)
    app.start_scene(str(scene))
    text = scene.read_text(encoding="utf-8")
    scene.write_text(text.replace("Welcome to your first day", "Hello and welcome to your first day"),
                     encoding="utf-8")
    key(app, pygame.K_F5)
    key(app, pygame.K_h)
    assert type(app.screen).__name__ == "HistoryOverlay"
    assert app.run.history("en")[0].text.startswith("Hello and welcome")


def test_f5_on_the_scorecard_does_not_reopen_the_run(app):
    _start(app, (3, 3, 2, 3))
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    key(app, pygame.K_RETURN)
    key(app, pygame.K_F5)
    assert isinstance(app.screen, EndingScreen) and not app.store.has_run()
    assert len(app.store.finished_runs()) == 1


def test_an_unwritable_saves_folder_is_explained_not_a_crash(tmp_path):
    blocked = tmp_path / "a_file"
    blocked.write_text("not a folder", encoding="utf-8")
    app = App(saves_folder=blocked)  # every write under it fails
    app.start_scene(str(ROOT / "scenes" / "tutorial.yaml"))
    assert isinstance(app.screen, PlayScreen) and app.toast and "MOT_SAVES_DIR" in app.toast[0]
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    key(app, pygame.K_2)
    assert app.run.decisions == 1  # play goes on


def test_an_unwritable_saves_folder_is_told_once_until_a_save_works_again(tmp_path):
    blocked = tmp_path / "a_file"
    blocked.write_text("not a folder", encoding="utf-8")
    app = App(saves_folder=blocked)
    app.start_scene(str(ROOT / "scenes" / "tutorial.yaml"))
    told = app.toast[0]
    app.toast = None
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    key(app, pygame.K_2)  # an autosave fails again, for the same reason
    assert app.run.decisions == 1 and app.toast is None
    assert app.saved(lambda: "written") == "written"  # a write works again: the next refusal is news
    app.saved(app.store.save_run, app.run)
    assert app.toast is not None and app.toast[0] == told
    app.toast = None
    app.saved(app.store.save_run, app.run, asked=True)  # a write the player asked for: told every time
    assert app.toast is not None and app.toast[0] == told
