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
from game.ui.play_parts import PlayPicture, scene_look

ROOT = Path(__file__).resolve().parent.parent
SCENES = ROOT / "scenes"


@pytest.fixture
def app(tmp_path):
    application = App(size=(1280, 720), saves_folder=tmp_path)
    yield application
    pygame.display.quit()


def composed_afresh(app: App) -> pygame.Surface:
    """The play screen composed whole on a new surface, its picture painted anew (no cached art)."""
    screen = app.screen
    kept = screen.picture
    fresh = PlayPicture()
    caches = ("cache", "people", "scene", "scene_key", "under", "look", "ahead", "paintings")
    fresh.__dict__.update({name: value for name, value in vars(kept).items() if name not in caches})
    screen.picture = fresh
    try:
        whole = pygame.Surface(app.surface.get_size())
        screen.draw(whole)
    finally:
        screen.picture = kept
    return whole


def assert_window_is_whole_frame(app: App, where: str) -> None:
    """What the window shows equals the play screen composed whole on a fresh surface, from fresh art."""
    app.draw()
    assert app.screen is app.screens[-1] and not app.toast
    whole = composed_afresh(app)
    assert pygame.image.tobytes(app.surface, "RGB") == pygame.image.tobytes(whole, "RGB"), where
    assert app.screen.still.misses == 0, f"{where}: a moving part was drawn outside the areas it announced"


def to_decision(app: App, language: str = "en") -> None:
    for _ in range(60):
        screen = app.screen
        if screen.deciding:  # the options are up (a line the options need the room of is read first)
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


@pytest.mark.parametrize("window", [(1280, 720), (1920, 1080), (3840, 2160)])
@pytest.mark.parametrize("high_contrast", [False, True])
def test_a_panel_drawn_over_a_ground_left_out_of_its_middle_looks_as_over_the_whole_ground(window, high_contrast):
    """The play frame copies its picture everywhere but under the panels' middles (the rows their rounded
    fill covers edge to edge): a panel drawn over a ground with holes there, and stale pixels in the holes,
    looks as it does drawn over the whole ground."""
    from game.ui.still_layer import pieces_outside
    from game.ui.text import TextBook
    from game.ui.theme import make_theme
    from game.ui.widgets import panel

    pygame.display.init()
    theme, book = make_theme(window, 1.0, high_contrast), TextBook()
    ground = pygame.Surface((900, 700))
    for x in range(0, 900, 7):  # a busy ground, so any pixel of it left in a middle shows
        pygame.draw.line(ground, ((x * 37) % 256, (x * 11) % 256, (x * 5) % 256), (x, 0), (899 - x, 699), 5)
    area = ground.get_rect()
    for size in [(3, 3), (30, 12), (120, 40), (400, 260), (880, 300), (60, 600), (200, 2 * theme.radius + 1)]:
        rect = pygame.Rect((10, 20), size)
        middle = rect.inflate(0, -2 * theme.radius)
        holes = [middle] if middle.width > 0 and middle.height > 0 else []
        whole, ours = ground.copy(), pygame.Surface(area.size)
        ours.fill((255, 0, 255))  # stale pixels where the ground is left out
        pieces = pieces_outside(area, holes)
        for piece in pieces:
            ours.blit(ground, piece, piece)
        panel(whole, rect, theme, book)
        panel(ours, rect, theme, book)
        assert pygame.image.tobytes(ours, "RGB") == pygame.image.tobytes(whole, "RGB"), size
        # the pieces cover the area but for the holes, each pixel once
        covered = sum(piece.width * piece.height for piece in pieces)
        assert covered == area.width * area.height - sum(hole.width * hole.height for hole in holes), size
        assert not any(a.colliderect(b) for i, a in enumerate(pieces) for b in pieces[i + 1:]), size
        assert not any(piece.colliderect(hole) for piece in pieces for hole in holes), size


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


def test_faces_painted_ahead_while_the_loop_idles_are_those_the_next_steps_show(app):
    """While nothing moves, the play screen paints the people and faces one step ahead (every face the
    meter passes on its way), so pressing on paints none in a frame; each frame still equals the whole one."""
    app.update_settings(text_speed="instant")
    app.start_scene(str(SCENES / "tutorial.yaml"))
    settle(app)
    picture = app.screen.picture
    ahead = in_frames = 0
    for press in range(10):
        before = picture.paintings
        while app.screen.idle():
            pass
        ahead += picture.paintings - before
        assert not app.screen.idle()  # all painted: the loop may sleep
        before = picture.paintings
        key(app, pygame.K_1 if app.screen.deciding else pygame.K_SPACE, frames=40)  # the meter settles
        in_frames += picture.paintings - before
        assert_window_is_whole_frame(app, f"press {press}")
        if app.run.view("en").kind == "ending":
            break
    assert ahead >= 2, "no face was painted ahead"
    assert in_frames == 0, "a face the idle loop should have painted ahead was painted in a frame"


def test_a_new_face_is_blended_again_only_in_the_persons_area(app):
    """The picture is kept composed (backdrop, person, the top bar's band): a new face repaints the
    person's area of it; the rest stays as painted, and the window equals a picture painted afresh."""
    app.start_scene(str(SCENES / "tutorial.yaml"))
    finish_line(app)
    for _ in range(30):  # on to a line of the customer's, whose face the meter decides
        if scene_look(app).expression is None and app.run.view("en").kind == "line":
            break
        key(app, pygame.K_1 if app.screen.deciding else pygame.K_SPACE)
        finish_line(app)
    assert scene_look(app).expression is None
    picture = app.screen.picture
    shown = picture.scene.copy()
    person = app.screen.rects["customer"]
    app.screen.meter_shown = -9.0  # furious (as the meter animates): another face, the same backdrop
    app.draw()
    assert picture.scene_key is not None and picture.scene_key[1][1] == "furious"
    outside = picture.scene.copy()
    outside.blit(shown, person, person)  # the person's area put back as it was: nothing else changed
    assert pygame.image.tobytes(outside, "RGB") == pygame.image.tobytes(shown, "RGB")
    assert pygame.image.tobytes(picture.scene.subsurface(person), "RGB") != \
        pygame.image.tobytes(shown.subsurface(person), "RGB")
    whole = composed_afresh(app)
    assert pygame.image.tobytes(app.surface, "RGB") == pygame.image.tobytes(whole, "RGB")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_texts_rendered_ahead_while_the_loop_idles_leave_the_next_frame_none_to_render(app, language):
    """While nothing moves the play screen also renders the texts of each way on (the coaching card, the
    next line, the next options): the frame after a press renders no new text, and equals the whole frame."""
    app.update_settings(text_speed="instant", language=language)
    app.start_scene(str(SCENES / "tutorial.yaml"))
    settle(app)
    rendered = []
    remember = app.book._remember
    app.book._remember = lambda key_, surface: (rendered.append(key_), remember(key_, surface))[1]
    for press in range(10):
        while app.screen.idle():
            pass
        rendered.clear()
        code = pygame.K_1 if app.screen.deciding else pygame.K_SPACE
        app.step([pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)])
        assert rendered == [], f"press {press}: rendered in the frame"
        app.step([pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0)])
        settle(app, 40)
        assert_window_is_whole_frame(app, f"press {press}")
        if app.run.view(language).kind == "ending":
            break
    assert press >= 5


@pytest.mark.parametrize("scene", ["tutorial", "umbrella", "tire_refund"])
def test_new_faces_and_speakers_over_a_tall_line_box_equal_the_whole_frame(app, scene):
    """Line after line at once, at the largest text (the line's box reaches up over the person's rect): a new
    face redraws only what lies above the box, and every frame still equals the whole one."""
    app.update_settings(text_size=5, text_speed="instant")
    app.start_scene(str(SCENES / f"{scene}.yaml"))
    for press in range(14):
        if app.run.view("en").kind == "ending":
            break
        key(app, pygame.K_1 if app.screen.deciding else pygame.K_SPACE)
        assert_window_is_whole_frame(app, f"press {press}")
