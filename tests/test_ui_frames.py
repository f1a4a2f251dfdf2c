"""The play screen's frames: a still layer with the moving parts drawn over it, restored by dirty rectangles.

Every frame the window shows must be exactly the frame composed whole from the same state, whatever
happened before it (the line revealed a little more, the selection or the hover moved, the meter
moved, an overlay or a toast came and went, the window changed size); and the still layer must not
be composed again for changes that do not touch it.
"""

from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import finish_line, key, resize, settle
from game.ui.play_parts import scene_look

ROOT = Path(__file__).resolve().parent.parent
SCENES = ROOT / "scenes"


@pytest.fixture
def app(tmp_path):
    application = App(size=(1280, 720), saves_folder=tmp_path)
    yield application
    pygame.display.quit()


def assert_window_is_whole_frame(app: App, where: str) -> None:
    """What the window shows equals the play screen composed whole on a fresh surface."""
    app.draw()
    assert app.screen is app.screens[-1] and not app.toast
    whole = pygame.Surface(app.surface.get_size())
    app.screen.draw(whole)
    assert pygame.image.tobytes(app.surface, "RGB") == pygame.image.tobytes(whole, "RGB"), where


def to_decision(app: App, language: str = "en") -> None:
    for _ in range(60):
        screen = app.screen
        if app.run.view(language).kind == "decision" and screen.coaching is None and screen.line_done:
            return
        key(app, pygame.K_SPACE)
        finish_line(app)
    raise AssertionError("no decision reached")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_kind_of_change_leaves_the_window_equal_to_the_whole_frame(app, language):
    app.update_settings(language=language)
    app.start_scene(str(SCENES / "tutorial.yaml"))
    for frame in range(6):  # the typewriter: each frame reveals more of the line
        settle(app)
        assert_window_is_whole_frame(app, f"typing frame {frame}")
    to_decision(app, language)
    assert_window_is_whole_frame(app, "options shown")
    for step in range(4):
        key(app, pygame.K_DOWN)
        assert_window_is_whole_frame(app, f"selection moved {step}")
    hovered = app.screen.buttons[0].rect.center
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=hovered, rel=(0, 0), buttons=(0, 0, 0))])
    assert_window_is_whole_frame(app, "hover")
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 700), rel=(0, 0), buttons=(0, 0, 0))])
    assert_window_is_whole_frame(app, "hover left")
    key(app, pygame.K_ESCAPE)  # the pause overlay is drawn over the frame, then taken away
    key(app, pygame.K_ESCAPE)
    assert_window_is_whole_frame(app, "after the pause overlay")
    app.notify("a toast")
    app.draw()
    app.toast = None
    assert_window_is_whole_frame(app, "after a toast")
    key(app, pygame.K_1)
    for frame in range(5):  # the meter moves towards its new value, the coaching card is up
        settle(app)
        assert_window_is_whole_frame(app, f"meter frame {frame}")
    resize(app, (1600, 900))
    assert_window_is_whole_frame(app, "resized")


@pytest.mark.parametrize("scene", ["insurance_840", "thirty_fen"])
def test_phone_frames_equal_the_whole_frame(app, scene):
    app.start_scene(str(SCENES / f"{scene}.yaml"))
    for frame in range(8):  # the voice and the timer move
        settle(app, 3)
        assert_window_is_whole_frame(app, f"call frame {frame}")
    to_decision(app)
    key(app, pygame.K_DOWN)
    assert_window_is_whole_frame(app, "call decision")


def test_large_text_and_high_contrast_frames_equal_the_whole_frame(app):
    app.update_settings(text_size=5, high_contrast=True)
    app.start_scene(str(SCENES / "umbrella.yaml"))
    for _ in range(40):
        if scene_look(app).raining:
            break
        to_decision(app)
        key(app, pygame.K_1)
        finish_line(app)
    assert scene_look(app).raining
    app.screen.picture.touch()
    for frame in range(6):  # rain falls; the meter may reach the options at this size
        settle(app, 2)
        assert_window_is_whole_frame(app, f"rain frame {frame}")
    to_decision(app)
    key(app, pygame.K_DOWN)
    assert_window_is_whole_frame(app, "rain decision")


def test_the_still_layer_is_kept_while_only_moving_parts_change(app):
    app.start_scene(str(SCENES / "tutorial.yaml"))
    settle(app)
    still = app.screen.still
    before = still.rebuilds
    settle(app, 5)  # the line is revealed further
    assert not app.screen.line_done
    assert still.rebuilds == before
    to_decision(app)
    key(app, pygame.K_DOWN)  # the first selection adds "Enter: take" to the key hint, in the still panels
    before = still.rebuilds
    for _ in range(3):
        key(app, pygame.K_DOWN)
    assert still.rebuilds == before


def test_a_call_voice_stays_still_when_motion_is_reduced(app):
    app.update_settings(reduce_motion=True)
    app.start_scene(str(SCENES / "thirty_fen.yaml"))
    finish_line(app)
    first = pygame.image.tobytes(app.surface, "RGB")
    app.screen.picture.touch()
    app.screen.picture.clock += 0.25  # within a second of the timer: only the voice could move
    app.draw()
    assert pygame.image.tobytes(app.surface, "RGB") == first


@pytest.mark.parametrize("window", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_a_panel_looks_as_it_did_with_its_whole_shadow_blitted(window):
    """A panel blits only the band of its shadow its fill does not cover: the pixels are the same."""
    from game.ui.text import TextBook
    from game.ui.theme import make_theme
    from game.ui.widgets import panel

    pygame.display.init()
    theme, book = make_theme(window, 1.0, False), TextBook()
    palette = theme.palette
    ground = pygame.Surface((900, 700))
    for x in range(0, 900, 7):  # a busy ground, so any shadow pixel out of place shows
        pygame.draw.line(ground, ((x * 37) % 256, (x * 11) % 256, (x * 5) % 256), (x, 0), (899 - x, 699), 5)
    for size in [(3, 3), (30, 12), (120, 40), (400, 260), (880, 300), (60, 600)]:
        rect = pygame.Rect((10, 20), size)
        ours, whole = ground.copy(), ground.copy()
        painted = panel(ours, rect, theme, book)
        whole.blit(book.shadow(rect.size, theme.radius), rect.move(0, theme.px(4)))
        pygame.draw.rect(whole, palette.panel, rect, border_radius=theme.radius)
        pygame.draw.rect(whole, palette.panel_edge, rect, palette.edge_width, border_radius=theme.radius)
        assert pygame.image.tobytes(ours, "RGB") == pygame.image.tobytes(whole, "RGB"), size
        assert painted == rect.union(rect.move(0, theme.px(4)))


def test_a_moving_call_card_above_a_tall_line_box_equals_the_whole_frame(app):
    """The caller's card changes (voice, timer) beside a line box tall enough to have covered its foot: the
    card now ends above the box (its headset caption stays readable), and each frame still equals the whole."""
    app.update_settings(text_size=5)
    app.start_scene(str(SCENES / "thirty_fen.yaml"))
    settle(app)
    for _ in range(30):
        screen = app.screen
        if screen.view.kind == "line" and screen.rects["dialog"].height > app.theme.height * 0.35:
            break
        key(app, pygame.K_1 if screen.deciding else pygame.K_SPACE)
        finish_line(app)
    assert screen.rects["dialog"].height > app.theme.height * 0.35  # a tall box, as the old card ran under
    assert screen.rects["customer"].bottom < screen.rects["dialog"].top
    screen.picture.touch()
    rebuilds = screen.still.rebuilds
    for frame in range(6):
        settle(app, 5)
        assert_window_is_whole_frame(app, f"call frame {frame}")
    assert screen.still.rebuilds > rebuilds  # the card did change
