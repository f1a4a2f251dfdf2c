"""The facilitator screens as the room sees them: what is drawn before the reveal, reveal colours, and a
layout audit (text inside its box and container, no overlaps, no text below its promised size) of
every facilitator screen at 720p, 1080p and 4K in both languages."""

from collections import Counter

import pygame
import pytest
import yaml

from game.ui.app import App
from game.ui.blocks import audit, drawn_text, room_size
from game.ui.driver import key
from game.ui.screens.compare import CompareScreen
from game.ui.screens.facilitate import FacilitatorScreen
from game.ui.screens.facilitate_overlays import ConfirmCard, FacilitatorMenu
from game.ui.screens.projector import QUALITY_TEXT
from game.ui.strings import MOT_LABELS
from tests.conftest import workshop_scene

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]
LONG = {"en": "I hear you, and I am sorry: let me check the order history now and call the courier while you "
              "wait, so you know when it arrives",
        "zh": "我明白您的心情，非常抱歉：我现在就查一下订单记录，并在您等候时给快递公司打电话，让您知道包裹什么时候到"}


def _scene_file(tmp_path, long_options=False):
    data = workshop_scene()
    if long_options:  # four long options: the layout must keep one size for all and clip nothing
        node = data["nodes"]["d0"]
        node["choices"] = [dict(node["choices"][n % 2], text={k: f"{v} ({n})" for k, v in LONG.items()})
                           for n in range(4)]
        node["text"] = {k: v + " " + v for k, v in LONG.items()}
    path = tmp_path / ("long.yaml" if long_options else "plan.yaml")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def make_app(tmp_path):
    apps = []

    def _make(size=(1280, 720), language="en"):
        app = App(size=size, saves_folder=tmp_path / "saves")
        app.update_settings(language=language)
        apps.append(app)
        return app

    yield _make
    pygame.display.quit()


def _drawn(app):
    app.dirty = True
    app.draw()
    return app.screen.drawn


def _check(app, where):
    """Audit the top screen's text; returns the blocks for further checks."""
    blocks = _drawn(app)
    assert blocks, f"{where}: nothing was recorded"
    problems = audit(blocks, app.book, app.surface.get_rect())
    assert not problems, f"{where}: {problems[:5]}"
    floor = room_size(app.theme.height)  # every projected text, key hints and footers too: 1/25 of the height
    small = [(block.text[:40], block.size) for block in blocks if block.minimum < floor or block.size < floor]
    assert not small, f"{where}: below {floor}px: {small[:5]}"
    return blocks


def _secrets(app, language):
    """Texts the room must not see before the reveal: ratings in words, feedback, presenter notes."""
    workshop = app.workshop
    node = workshop.story.node(workshop.state)
    found = [MOT_LABELS[language][c.rating] for c in node.choices] + [c.feedback[language] for c in node.choices]
    if node.facilitator and node.facilitator.notes:
        found.append(node.facilitator.notes[language])
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
def test_nothing_secret_is_projected_before_the_reveal_unless_the_facilitator_confirms(make_app, tmp_path,
                                                                                          language):
    app = make_app(language=language)
    app.start_workshop(_scene_file(tmp_path), ["Red", "Blue"], "sequential")
    screen = app.screen
    secrets = _secrets(app, language)
    for code in (pygame.K_a, pygame.K_b, pygame.K_b):
        key(app, code)
    assert not any(s in drawn_text(_drawn(app)) for s in secrets)
    key(app, pygame.K_n)  # one display: a question first, with nothing secret on screen
    assert isinstance(app.screen, ConfirmCard)
    assert not any(s in drawn_text(_drawn(app)) + drawn_text(screen.drawn) for s in secrets)
    key(app, pygame.K_ESCAPE)  # Esc is "no"
    assert app.screen is screen and not screen.show_notes
    assert not any(s in drawn_text(_drawn(app)) for s in secrets)
    key(app, pygame.K_n)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # the deliberate action: the notes are shown, under a banner saying so
    text = drawn_text(_drawn(app))
    assert all(s in text for s in secrets[2:]) and "+2" in text
    assert text.startswith(("The room can see", "全场都能看到"))
    key(app, pygame.K_n)
    key(app, pygame.K_a)
    key(app, pygame.K_r)  # a tie (A 2, B 2): still nothing rated
    assert app.workshop.pending_tie == (1, 2)
    assert not any(s in drawn_text(_drawn(app)) for s in secrets)
    key(app, pygame.K_b)  # broken: now the room sees every option's quality
    text = drawn_text(_drawn(app))
    assert all(MOT_LABELS[language][r] in text for r in (2, -3))


def test_the_reveal_colours_by_quality_never_by_chosen(make_app, tmp_path):
    app = make_app()
    app.start_workshop(_scene_file(tmp_path), ["Red"], "sequential")
    key(app, pygame.K_b)  # the room chooses the -3 option
    key(app, pygame.K_r)
    blocks = _drawn(app)
    bad = [b for b in blocks if b.text.startswith("✓")]
    assert len(bad) == 1 and "-3 Relationship endangered" in bad[0].text and bad[0].colour == QUALITY_TEXT["bad"]
    headline = [b for b in blocks if b.text == "-3 Relationship endangered"]
    assert len(headline) == 1 and headline[0].colour == QUALITY_TEXT["bad"]
    good = [b for b in blocks if b.text == "+2 Exceeded expectations"]  # the option not chosen, still by quality
    assert len(good) == 1 and good[0].colour == QUALITY_TEXT["good"]
    assert isinstance(app.screen, FacilitatorScreen) and app.screen.revealed.chosen == 2


def test_pageup_asks_before_votes_entered_are_cleared(make_app, tmp_path):
    app = make_app()
    app.start_workshop(_scene_file(tmp_path), ["Red"], "sequential")
    key(app, pygame.K_a)
    key(app, pygame.K_r)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_b)
    key(app, pygame.K_b)
    key(app, pygame.K_PAGEUP)
    assert isinstance(app.screen, ConfirmCard) and "2" in app.screen.message
    key(app, pygame.K_RETURN)  # "keep the votes" has the focus
    assert app.workshop.votes == {2: 2} and len(app.workshop.records) == 1
    key(app, pygame.K_PAGEUP)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert not app.workshop.records and app.workshop.votes == {}


def test_l_switches_language_on_set_up_projector_and_debrief(make_app, tmp_path):
    app = make_app()
    app.open_facilitator_setup(_scene_file(tmp_path))
    key(app, pygame.K_l)
    assert app.settings.language == "zh" and "工作坊设置" in drawn_text(_drawn(app))
    key(app, pygame.K_RETURN)
    key(app, pygame.K_l)
    assert app.settings.language == "en" and "My order is late." in drawn_text(_drawn(app))
    app.finish_workshop()
    key(app, pygame.K_l)
    assert "各组结果对比" in drawn_text(_drawn(app))


def test_last_teams_are_offered_at_the_next_set_up(make_app, tmp_path):
    app = make_app()
    app.start_workshop(_scene_file(tmp_path), ["Owls", "Foxes"], "sequential")
    app.open_facilitator_setup(_scene_file(tmp_path))
    assert "Owls, Foxes" in drawn_text(_drawn(app))
    app.screen.activate("last")
    assert app.screen.teams == ["Owls", "Foxes"]


def test_key_decisions_only_from_the_set_up(make_app, tmp_path):
    app = make_app()
    app.open_facilitator_setup(_scene_file(tmp_path))
    app.screen.activate("plan")
    assert "2 key decisions only" in drawn_text(_drawn(app))
    key(app, pygame.K_RETURN)
    assert app.workshop.key_only and app.screen.timer_total == 5 * 60
    key(app, pygame.K_a)
    key(app, pygame.K_r)
    key(app, pygame.K_PAGEDOWN)
    assert app.screen.timer_total == 30 and "Quick vote" in drawn_text(_drawn(app))


def _states(app, tmp_path, long_options):
    """Walk a two-team session through every facilitator screen, yielding (name, app) at each."""
    app.open_facilitator_setup(_scene_file(tmp_path, long_options))
    app.screen.teams = ["Red team of the north office", "蓝队"]
    app.screen.layout()
    yield "set-up"
    key(app, pygame.K_RETURN)
    if app.screen.reading():  # the long line does not fit with the long options: the room reads it first
        assert long_options
        yield "reading"
        key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_a)
    key(app, pygame.K_b)
    yield "voting"
    key(app, pygame.K_n)
    yield "notes question"
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    yield "notes"
    key(app, pygame.K_n)
    key(app, pygame.K_r)
    yield "tie"
    key(app, pygame.K_b)
    yield "reveal"
    key(app, pygame.K_ESCAPE)
    yield "pause"
    key(app, pygame.K_ESCAPE)
    workshop = app.workshop
    while not workshop.finished(workshop.team):
        key(app, pygame.K_PAGEDOWN)
        if app.screen.revealed is None and workshop.story.kind(workshop.state) == "decision":
            key(app, pygame.K_a)
            key(app, pygame.K_PAGEDOWN)
    while app.screen.revealed is not None:
        key(app, pygame.K_PAGEDOWN)
    yield "ending"
    app.finish_workshop()
    for page in range(len(app.screen.pages)):
        yield f"debrief page {page + 1}"
        key(app, pygame.K_PAGEDOWN)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("long_options", [False, True], ids=["plain", "long-options"])
def test_layout_audit_of_every_facilitator_screen(make_app, tmp_path, size, language, long_options):
    app = make_app(size, language)
    seen = []
    for where in _states(app, tmp_path, long_options):
        blocks = _check(app, f"{where} at {size} in {language}")
        seen.append(where)
        if where in ("voting", "tie", "reveal"):
            options = [b for b in blocks if "(1)" in b.text or "（1）" in b.text or "(3)" in b.text]
            assert options and Counter(b.size for b in options).most_common(1)[0][1] == len(options)
            assert all(b.size >= room_size(size[1]) for b in options)
    assert {"set-up", "voting", "notes", "tie", "reveal", "pause", "ending", "debrief page 1"} <= set(seen)
    assert isinstance(app.screen, CompareScreen)


def test_the_pause_menu_is_in_projector_type(make_app, tmp_path):
    app = make_app()
    app.start_workshop(_scene_file(tmp_path), ["Red"], "sequential")
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, FacilitatorMenu)
    assert all(block.size >= room_size(720) for block in _drawn(app))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_node_without_a_question_shows_no_discussion_label(make_app, tmp_path, language):
    app = make_app(language=language)
    app.start_workshop(_scene_file(tmp_path), ["Red"], "sequential")
    assert ("Discuss" if language == "en" else "讨论") in drawn_text(_drawn(app))  # d0 has a question
    key(app, pygame.K_a)
    key(app, pygame.K_r)
    key(app, pygame.K_PAGEDOWN)  # d1 has none: nothing is shown in its place
    text = drawn_text(_drawn(app))
    assert "And nobody called me." in text or "而且没人给我打电话。" in text
    assert "Discuss" not in text and "讨论" not in text


def test_the_trainee_screens_audit_passes_on_facilitator_screens_at_every_text_size(make_app, tmp_path):
    """The shared audit (tests/layout_audit.py: rendered text boxes, every text-size setting) agrees."""
    from layout_audit import audit_matrix, matrix

    app = make_app()
    problems = []
    combos = matrix(sizes=[(1280, 720), (3840, 2160)])
    for where in _states(app, tmp_path, long_options=True):
        if where in ("set-up", "voting", "tie", "reveal", "pause", "ending", "debrief page 1", "debrief page 2",
                     "debrief page 3"):
            problems += audit_matrix(app, where, combos)
            app.update_settings(language="en", text_size=2)  # back to the window the walk goes on in
    assert not problems, f"{len(problems)} problems: {problems[:8]}"


def test_high_contrast_projects_on_black(make_app, tmp_path):
    app = make_app()
    app.update_settings(high_contrast=True)
    app.start_workshop(_scene_file(tmp_path), ["Red"], "sequential")
    _check(app, "high contrast voting")
    assert app.surface.get_at((2, app.theme.height // 2))[:3] == (0, 0, 0)


@pytest.mark.parametrize("meter", [-10, -6.5, -2, -0.2, 0, 0.4, 2, 3.7, 6, 10])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_projector_says_the_meter_in_the_words_and_levels_of_every_other_screen(meter, language):
    from game.i18n import meter_words
    from game.ui.screens.projector import meter_label

    assert meter_words(meter, language) in meter_label(meter, language)


def _ink_lefts(app, block):
    """Where each line of ``block`` starts, from the pixels drawn (not from where the code meant to draw it)."""
    line = app.book.line_height(block.size)
    lefts = []
    for row in range(len(block.lines)):
        band = pygame.Rect(block.rect.x, block.rect.y + row * line, block.rect.width, line).clip(app.surface.get_rect())
        pixels = app.surface.subsurface(band)
        mask = pygame.mask.from_threshold(pixels, app.surface.get_at((0, app.theme.height - 1)), (3, 3, 3, 255))
        mask.invert()
        ink = mask.get_bounding_rects()
        lefts.append(ink[0].unionall(ink[1:]).move(band.topleft).left)
    return lefts


@pytest.mark.parametrize("size", SIZES[:2], ids=[f"{w}x{h}" for w, h in SIZES[:2]])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_facilitator_screens_keys_start_at_its_left_margin_like_the_trainee_screens(make_app, tmp_path, size,
                                                                                          language):
    app = make_app(size, language)
    seen = []
    for where in _states(app, tmp_path, False):
        if where in ("notes question", "pause", "notes"):  # a card with its keys inside it; the notes' banner
            continue
        blocks = _drawn(app)
        hint = app.screen.key_hint()
        keys = next(block for block in blocks if hint in block.text)
        assert keys.rect.bottom > app.theme.height * 0.85, where  # the line at the bottom of the screen
        for row, left in enumerate(_ink_lefts(app, keys)):
            assert abs(left - keys.rect.x) <= app.theme.px(4), (where, row, left, keys.rect.x)
        seen.append(where)
    assert {"set-up", "voting", "tie", "reveal", "ending", "debrief page 1", "debrief page 2"} <= set(seen)
