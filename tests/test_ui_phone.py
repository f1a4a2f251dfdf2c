"""The call view of phone scenes: the call's state from the scene, the timer, the voice, and a frame."""

import tempfile
from pathlib import Path

import pygame
import pytest

from game.loader import load_scene
from game.scenes import PROJECT_ROOT
from game.ui.phone import HOLD_SECONDS, CallClock, call_look
from game.ui.phone_voice import bar_heights, draw_voice, voice_band, voice_colour

SCENES = PROJECT_ROOT / "scenes"


def program(name):
    scene = load_scene(str(SCENES / f"{name}.yaml"))
    assert scene.program is not None
    return scene.program


def test_the_scene_says_it_is_a_call():
    prog = program("insurance_840")
    assert prog.channel == "phone" and prog.caller_number == "139 0571 2846"
    assert program("promised_topup").channel == "counter"


def test_call_states_follow_the_nodes():
    prog = program("insurance_840")
    assert call_look(prog, ("intro",), "en").state == "ringing"
    early = call_look(prog, ("intro", "early_call"), "en")
    assert early.state == "connected" and early.call == 1 and early.name == "Mr. Li" and not early.colleague
    seed = ("intro", "early_call", "after_yes", "nine_ten", "li_angry")
    assert call_look(prog, seed[:3], "en").state == "ended"
    second = call_look(prog, seed, "zh")
    assert second.state == "connected" and second.call == 2 and second.name == "李先生"
    assert second.expression is None and second.caller_speaking  # quiet anger: the meter speaks
    on_hold = call_look(prog, seed + ("hold",), "en")
    assert on_hold.state == "hold" and not on_hold.caller_speaking  # the narrator's line: he listens to music
    assert call_look(prog, ("intro", "early_call", "transferred"), "en").state == "transfer"


def test_a_colleague_appears_on_an_internal_line():
    prog = program("insurance_840")
    look = call_look(prog, ("intro", "early_call", "li_explains", "zhao_call"), "zh")
    assert look.colleague and look.name.startswith("赵师傅") and look.number == "内线"


def test_the_timer_counts_a_live_call_restarts_with_the_next_and_stops_at_the_end():
    clock = CallClock()
    assert clock.seconds(("s", 1), "ringing", 5.0) == 0
    assert clock.seconds(("s", 1), "connected", 12.5) == 7
    assert clock.seconds(("s", 1), "hold", 40.0) == 35
    assert clock.seconds(("s", 1), "ended", 50.0) == 45
    assert clock.seconds(("s", 1), "ended", 90.0) == 45
    assert clock.seconds(("s", 2), "ringing", 100.0) == 0
    assert clock.seconds(("s", 2), "connected", 103.0) == 3


def test_an_agitated_voice_is_taller_and_redder_than_a_calm_one():
    angry, calm = bar_heights(40, -9, 0.5, True), bar_heights(40, 7, 0.5, True)
    assert sum(angry) > 1.4 * sum(calm)
    assert max(bar_heights(40, -9, 0.5, False)) < 0.15  # listening: a quiet line
    red, green = voice_colour(-9), voice_colour(8)
    assert red[0] > red[1] and green[1] > green[0]
    assert [voice_band(m) for m in (-9, -5, -3, 0, 3, 5, 9)] == [-3, -2, -1, 0, 1, 2, 3]


@pytest.mark.parametrize("state", ["connected", "hold", "transfer", "ringing", "ended"])
def test_every_call_state_draws_inside_its_rect(state):
    surface = pygame.Surface((400, 200))
    surface.fill((1, 2, 3))
    rect = pygame.Rect(50, 40, 300, 120)
    draw_voice(surface, rect, -5, state, 1.25, True, False, 1.0)
    outside = [surface.get_at((x, y))[:3] for x in (10, 390) for y in (10, 190)]
    assert all(colour == (1, 2, 3) for colour in outside)
    inside = {tuple(surface.get_at((x, rect.centery))[:3]) for x in range(rect.x + 5, rect.right - 5)}
    assert len(inside) > 1  # something is drawn on the line


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_phone_scene_plays_in_the_window(size, language):
    from game.ui.app import App
    from game.ui.driver import finish_line, key

    with tempfile.TemporaryDirectory() as saves:
        app = App(size=size, saves_folder=Path(saves))
        app.update_settings(language=language)
        app.start_scene(str(SCENES / "thirty_fen.yaml"))
        finish_line(app)
        key(app, pygame.K_SPACE)
        finish_line(app)
        app.draw()
        assert app.run.state.node == "gao_opens" and app.screen.deciding
        card = app.screen.rects["customer"]
        # the card is drawn (light panel) where a counter scene would draw the customer
        assert sum(app.surface.get_at((card.centerx, card.y + 8))[:3]) > 600
        key(app, pygame.K_2)  # client_first
        finish_line(app)
        app.draw()
        assert app.run.state.steps[-1].choice == "client_first"
        pygame.quit()


def test_a_phone_scene_runs_in_facilitator_mode():
    from game.ui.app import App
    from game.ui.driver import key

    with tempfile.TemporaryDirectory() as saves:
        app = App(size=(1280, 720), saves_folder=Path(saves))
        app.update_settings(language="zh")
        app.open_facilitator_setup(str(SCENES / "insurance_840.yaml"))
        key(app, pygame.K_RETURN)
        workshop = app.workshop
        for _ in range(300):
            if workshop.story.kind(workshop.state) == "ending" and app.screen.revealed is None:
                break
            if workshop.story.kind(workshop.state) == "decision" and app.screen.revealed is None:
                key(app, pygame.K_c)  # the third option where there is one
                key(app, pygame.K_r)
            key(app, pygame.K_PAGEDOWN)
        app.draw()
        assert workshop.story.kind(workshop.state) == "ending"
        pygame.quit()


@pytest.mark.parametrize("state", ["hold", "transfer", "ringing", "ended"])
@pytest.mark.parametrize("moment", [0.0, 0.7, 1.9, 3.3, 5.6])
def test_no_call_state_paints_outside_the_voice_panel(state, moment):
    surface = pygame.Surface((500, 300))
    surface.fill((1, 2, 3))
    rect = pygame.Rect(100, 120, 300, 60)  # wide and low, as on a small window: rings are wider than it is tall
    draw_voice(surface, rect, 0, state, moment, True, False, 2.0)
    mask = pygame.mask.from_threshold(surface, (1, 2, 3), (1, 1, 1, 255))
    mask.invert()  # now: every painted pixel
    assert mask.overlap_area(pygame.Mask(surface.get_size(), fill=True), (0, 0)) == \
        mask.overlap_area(pygame.Mask(rect.size, fill=True), rect.topleft)  # all of them inside ``rect``


def test_time_on_hold_advances_the_call_timer():
    prog = program("insurance_840")
    seed = ("intro", "early_call", "after_yes", "nine_ten", "li_angry")
    assert call_look(prog, seed, "en").story_seconds == 0  # no time information: real seconds only
    on_hold = call_look(prog, seed + ("hold",), "en")
    assert on_hold.state == "hold" and on_hold.story_seconds == HOLD_SECONDS
    assert call_look(prog, ("intro",), "en").story_seconds == 0  # a new call starts at zero


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_call_card_ends_above_the_line_box_at_the_largest_text(size, language, monkeypatch):
    """The headset's caption is the card's foot: at the largest text size it must not hide behind the line
    box (the voice gives way first); the box's name tag sits on its top edge, so the card ends above that."""
    from game.settings import TEXT_SIZES
    from game.ui import phone
    from game.ui.app import App
    from game.ui.driver import finish_line, key

    strips = []
    draw_strip = phone._draw_headset_strip
    monkeypatch.setattr(phone, "_draw_headset_strip",
                        lambda surface, app, strip, lines, state: strips.append(strip.copy())
                        or draw_strip(surface, app, strip, lines, state))
    with tempfile.TemporaryDirectory() as saves:
        app = App(size=size, saves_folder=Path(saves))
        app.update_settings(language=language, text_size=len(TEXT_SIZES) - 1)
        app.start_scene(str(SCENES / "thirty_fen.yaml"))
        tall = 0
        for _ in range(24):
            finish_line(app)
            screen = app.screen
            card, box = screen.rects["customer"], screen.rects["dialog"]
            strips.clear()
            phone.draw_call(app.surface, app, screen.picture, card, screen.meter_shown, False)
            assert strips and strips[-1].bottom <= card.bottom and strips[-1].top > card.top
            name_tag = round(app.theme.body * 1.6) // 2  # the speaker's tag straddles the box's top edge
            assert card.bottom <= box.top - name_tag, (app.run.state.node, card, box)
            tall += box.height > size[1] * 0.35
            if app.run.is_over() or not isinstance(app.screen, type(screen)):
                break
            key(app, pygame.K_1 if screen.deciding else pygame.K_SPACE)
        assert tall  # some of those boxes were as tall as the ones the card used to run under
        pygame.quit()
