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


def test_falling_rain_paints_nothing_again(app):
    """A moment of rain is the rain layer over the dry backdrop kept: no backdrop or person is painted for it,
    and the glass shows streaks that move while the frame between the panes stays put."""
    from game.ui import art_rain
    from game.ui.driver import FRAME

    _play_until_it_rains(app)
    app.open_play()
    screen = app.screen
    screen.picture.touch()
    app.step([], FRAME)
    paintings = screen.picture.paintings
    panes = art_rain.rain_panes(app.surface.get_rect())
    before = pygame.image.tobytes(app.surface.subsurface(panes[0]), "RGB")
    frame = [pygame.image.tobytes(app.surface.subsurface(rect.inflate(-2, -2)), "RGB")
             for rect in _frame_between(panes)]
    assert frame  # the bars between the door's leaves
    for _ in range(12):  # a second of rain
        app.step([], FRAME)
    assert screen.picture.paintings == paintings
    assert pygame.image.tobytes(app.surface.subsurface(panes[0]), "RGB") != before
    assert frame == [pygame.image.tobytes(app.surface.subsurface(rect.inflate(-2, -2)), "RGB")
                     for rect in _frame_between(panes)]


def _frame_between(panes: list[pygame.Rect]) -> list[pygame.Rect]:
    """Strips of the glazed front's frame: between two panes side by side on the same rows."""
    strips = []
    for left in panes:
        for right in panes:
            if right.left > left.right and right.top == left.top and right.height == left.height:
                strips.append(pygame.Rect(left.right, left.top + left.height // 4, right.left - left.right,
                                          left.height // 4))
    return [strip for strip in strips if 2 < strip.width < 80]


def test_the_rain_stays_where_it_was_when_it_stops(app):
    """After the rain's few seconds of motion the screen rests on the last moment shown, not on the first."""
    from game.ui import art_rain
    from game.ui.driver import FRAME
    from game.ui.play_parts import AMBIENT_SECONDS

    _play_until_it_rains(app)
    app.open_play()
    screen = app.screen
    screen.picture.touch()
    glass = art_rain.glass_bounds(app.surface.get_rect())
    frames = []
    while screen.picture.animating(app):
        app.step([], FRAME)
        frames.append(pygame.image.tobytes(app.surface.subsurface(glass), "RGB"))
    assert len(frames) >= AMBIENT_SECONDS * 50  # it fell for its seconds, at the loop's frame rate
    app.dirty = True  # something else asks for a frame (a toast, a window uncovered)
    app.step([], FRAME)
    assert pygame.image.tobytes(app.surface.subsurface(glass), "RGB") == frames[-1] != frames[0]
