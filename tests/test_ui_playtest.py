"""Defects a playtester found at large text sizes and in both languages: the hints say every key that works now
(and only those), the paged card and the hint agree, labels never break inside a word, the title says which
scene is in progress, and an assessment's faces give no feedback."""

import dataclasses
import re
from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import finish_line, key, settle, to_decision
from game.ui.keymap import HINT_SEPARATOR
from game.ui.layout import label_lines, Padding
from game.ui.play_parts import _expression, scene_look
from game.ui.screens.settings_overlay import SettingsOverlay
from game.ui.strings import t

ROOT = Path(__file__).resolve().parent.parent
UMBRELLA = str(ROOT / "scenes" / "umbrella.yaml")
SIZES = [(1280, 720), (1920, 1080)]


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    application.update_settings(text_speed="fast")
    yield application
    pygame.display.quit()


def shown_hint(screen) -> str:
    """The hint as its drawn lines say it, joined again (every entry drawn, none cut)."""
    return HINT_SEPARATOR.join(line.removesuffix("\u00a0\u00a0·") for line in screen.hint_lines(
        screen.key_hint(), screen.recap and screen.recap_hint_beside()))


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", [2, 5])
def test_the_play_hint_always_shows_every_entry_with_enter_when_an_option_is_selected(app, language, size,
                                                                                    text_size):
    app.resize(size)
    app.update_settings(language=language, text_size=text_size)
    app.open_briefing(UMBRELLA)
    app.begin(UMBRELLA, app.screen.program, "practice")
    screen = to_decision(app)
    key(app, pygame.K_DOWN)
    settle(app)
    hint = screen.key_hint()
    assert "Enter" in hint and t("ka_take", language) in hint
    assert shown_hint(screen) == hint
    box = screen.rects["dialog"]
    area = screen._hint_rect(hint, box)
    assert box.contains(area), "the hint is drawn inside the line's box"
    for button in screen.buttons:
        assert not area.colliderect(button.rect)


def test_backspace_is_offered_only_when_there_is_something_to_undo(app):
    app.open_briefing(UMBRELLA)
    app.begin(UMBRELLA, app.screen.program, "practice")
    screen = to_decision(app)
    assert "Backspace" not in screen.key_hint()
    key(app, getattr(pygame, f"K_{screen.view.choices[0].number}"))
    assert "Backspace" in screen.key_hint()


def long_feedback_scene(folder: Path) -> str:
    """The umbrella scene with the first option's feedback three times as long (a card paged at large text:
    the shipped feedback fits in two pages or fewer)."""
    text = Path(UMBRELLA).read_text(encoding="utf-8")
    start = text.index("feedback:", text.index("id: may_i_help"))
    block = text[start:text.index("principles:", start)]
    longer = re.sub(r'^(          (?:en|zh): )"(.*)"$', lambda m: f'{m[1]}"{" ".join([m[2]] * 3)}"', block,
                    flags=re.MULTILINE)
    path = folder / "umbrella_long_feedback.yaml"
    path.write_text(text.replace(block, longer), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_paged_coaching_card_and_the_hint_say_the_same_thing(app, language, tmp_path):
    app.resize((1920, 1080))
    app.update_settings(language=language, text_size=5, coaching=True)
    scene = long_feedback_scene(tmp_path)
    app.open_briefing(scene)
    app.begin(scene, app.screen.program, "practice")
    screen = to_decision(app)
    key(app, getattr(pygame, f"K_{screen.view.choices[0].number}"))
    finish_line(app)
    assert screen.card is not None and len(screen.card.pages) > 1, "a paged card at this size"
    pages = len(screen.card.pages)
    for page in range(pages):
        assert screen.card_page == page
        last = page == pages - 1
        assert t("ka_more" if not last else "ka_continue", language) in screen.key_hint()
        assert t("ka_continue" if not last else "ka_more", language) not in screen.key_hint()
        key(app, pygame.K_SPACE)
    assert screen.coaching is None


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", range(6))
def test_the_briefing_hint_shows_at_every_size(app, language, size, text_size):
    app.resize(size)
    app.update_settings(language=language, text_size=text_size)
    app.open_briefing(UMBRELLA)
    screen, theme, book = app.screen, app.theme, app.book
    settle(app)
    buttons = screen.buttons[0].rect.unionall([b.rect for b in screen.buttons])
    if screen.hint_below:
        left, right, most = screen.box.x, screen.box.right, 4
        bottom = theme.height - theme.px(24)
    else:
        left, right, most = screen.box.x, buttons.x - theme.gap, 2
        bottom = buttons.bottom
    lines = book.wrap(screen.key_hint(), theme.small, right - left)
    assert right - left >= theme.px(120) and len(lines) <= most
    top = bottom - book.text_height(len(lines), theme.small)
    hint = pygame.Rect(left, top, right - left, bottom - top)
    assert not hint.colliderect(screen.box) and theme.height >= hint.bottom
    assert screen.hint_below or not hint.colliderect(buttons)
    assert not screen.hint_below or hint.top >= buttons.bottom


def test_the_title_says_which_scene_is_in_progress(app):
    app.open_briefing(UMBRELLA)
    app.begin(UMBRELLA, app.screen.program, "practice")
    screen = to_decision(app)
    key(app, getattr(pygame, f"K_{screen.view.choices[0].number}"))
    app.to_title()
    title = app.screen
    label = title._menu_label("continue")
    assert "·" not in label and "2" in label  # the hint's entry separator stays between entries
    drawn: list[str] = []
    render = app.book.render
    app.book.render = lambda text, *args, **kwargs: drawn.append(text) or render(text, *args, **kwargs)
    try:
        while not any(c.path.endswith("umbrella.yaml") for c in app.cards[title.first:title.first + title.per_page]):
            key(app, pygame.K_PAGEDOWN)
        app.draw()
    finally:
        app.book.render = render
    assert t("in_progress", "en") in drawn


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES)
def test_settings_labels_break_only_between_the_setting_and_its_value(app, language, size):
    app.resize(size)
    app.update_settings(language=language, text_size=5)
    overlay = SettingsOverlay(app)
    app.push(overlay)
    settle(app)
    theme, book = app.theme, app.book
    for button in overlay.buttons:
        lines = label_lines(book, button.label, "", button.rect.width, theme.body, Padding(theme.gap, theme.px(4)))
        assert lines == button.label.split("\n"), button.label


def test_an_assessment_shows_every_face_neutral(app):
    app.open_briefing(UMBRELLA)
    app.begin(UMBRELLA, app.screen.program, "assessment")
    look = scene_look(app)
    assert _expression(look, -3.0, assessing=True) == "neutral"
    scripted = dataclasses.replace(look, expression="angry")  # a scene's scripted reaction
    assert _expression(scripted, 0.0, assessing=True) == "neutral"
    assert _expression(scripted, 0.0, assessing=False) == "angry"
