"""Reduce motion (a setting): the rain stays still, so the play screen rests instead of repainting."""

from pathlib import Path

import pygame
import pytest

from game.settings import Settings
from game.ui.app import App
from game.ui.driver import settle
from game.ui.play_parts import scene_look
from game.ui.screens.settings_overlay import SettingsOverlay

ROOT = Path(__file__).resolve().parent.parent
UMBRELLA = str(ROOT / "scenes" / "umbrella.yaml")


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    yield application
    pygame.display.quit()


def _play_until_it_rains(app: App) -> None:
    app.open_briefing(UMBRELLA)
    app.begin(UMBRELLA, app.screen.program, "practice")
    for _ in range(40):
        if scene_look(app).raining:
            return
        if app.run.view("en").kind == "decision":
            app.choose(1)
        else:
            app.advance()
    raise AssertionError("the umbrella scene never rained")


def test_rain_moves_unless_motion_is_reduced(app):
    _play_until_it_rains(app)
    app.open_play()
    screen = app.screen
    screen.picture.touch()
    assert screen.picture.animating(app)
    app.update_settings(reduce_motion=True)
    assert not app.screen.picture.animating(app)
    settle(app, 3)
    assert scene_look(app).raining  # still drawn, only still


def test_the_settings_overlay_toggles_it_and_it_is_remembered(app, tmp_path):
    overlay = SettingsOverlay(app)
    app.push(overlay)
    overlay.activate("reduce_motion")
    assert app.settings.reduce_motion
    assert App(saves_folder=tmp_path).settings.reduce_motion
    with pytest.raises(ValueError, match="reduce_motion"):
        Settings(reduce_motion="yes")
