"""Every screen and overlay shows its hint line, written from its keymap, whole entry by whole entry."""

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import key
from game.ui.keymap import HINT_SEPARATOR, LANGUAGE_KEY, entry
from game.ui.screens.facilitate_overlays import ConfirmCard, FacilitatorMenu
from game.ui.screens.overlays import PauseOverlay
from game.ui.screens.title import TitleScreen
from game.ui.strings import t
from game.workshop import LETTERS
from tests.layout_audit import RecordingSurface
from tests.test_ui_facilitate import TUTORIAL, UMBRELLA


@pytest.fixture
def make_app(tmp_path):
    def _make(size=(1280, 720), language="en", text_size=None):
        app = App(size=size, saves_folder=tmp_path / "saves")
        app.update_settings(language=language, **({} if text_size is None else {"text_size": text_size}))
        return app

    yield _make
    pygame.display.quit()


def drawn_lines(app) -> list[str]:
    """The lines of text the top screen (and what shows under an overlay) draws now."""
    surface = RecordingSurface(app.surface.get_size(), app.book)
    start = max((i for i, s in enumerate(app.screens) if not s.overlay), default=0)
    for index, screen in enumerate(app.screens[start:], start=start):
        if index == len(app.screens) - 1:
            surface.reset()
        screen.draw(surface)
    recorded = [box.text for box in surface.texts]
    blocks = getattr(app.screen, "drawn", None) or []  # projector screens record their text blocks as well
    return recorded + [line for block in blocks for line in block.lines]


def assert_hint_shown(app, hint: str) -> None:
    lines = drawn_lines(app)
    for part in hint.split(HINT_SEPARATOR):  # every entry whole on one line (the line has room for each)
        assert any(part in line for line in lines), (part, lines)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("text_size", [2, 5])
def test_the_title_screen_shows_its_keys_and_enter_names_the_focused_scenario(make_app, language, text_size):
    app = make_app((1920, 1080), language, text_size)
    assert isinstance(app.screen, TitleScreen)
    screen = app.screen
    screen.focus = -1
    screen.layout()  # as at start-up, laid out with nothing focused yet: the band must still hold Enter's entry
    key(app, pygame.K_RIGHT)
    hint = screen.key_hint()
    assert f"{t('kn_esc', language)}\u00a0{t('ka_quit', language)}" in hint
    card = app.cards[screen.first + screen.focus]
    assert f"\u00a0{card.title[language]}" in hint  # Enter opens this scenario: the hint says which
    assert_hint_shown(app, hint + HINT_SEPARATOR + entry(LANGUAGE_KEY, language))
    surface = RecordingSurface(app.surface.get_size(), app.book)
    screen.draw(surface)
    hint_lines = screen._hint_lines()
    boxes = [box.box for box in surface.texts if box.text in hint_lines]
    assert len(boxes) == len(hint_lines)
    for rect in (b.rect for b in screen.buttons):  # the hint has a band of its own, under the buttons
        assert not any(rect.colliderect(box) for box in boxes), (rect, boxes)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_pause_menu_shows_its_keys(make_app, language):
    app = make_app(language=language)
    app.start_scene(TUTORIAL)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, PauseOverlay)
    hint = app.screen.key_hint()
    assert f"\u00a0{t('resume', language)}" in hint and t("kn_esc", language) in hint
    assert_hint_shown(app, hint + HINT_SEPARATOR + entry(LANGUAGE_KEY, language))
    key(app, pygame.K_DOWN)  # Enter's word follows the focus
    assert_hint_shown(app, app.screen.key_hint())
    assert f"\u00a0{t('history', language)}" in app.screen.key_hint()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_facilitator_pause_menu_and_questions_show_their_keys(make_app, language):
    app = make_app(language=language)
    app.start_workshop(UMBRELLA, ["Red"], "sequential")
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, FacilitatorMenu)
    assert_hint_shown(app, app.screen.key_hint())
    assert app.screen.key_hint().endswith(entry(LANGUAGE_KEY, language))
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_n)  # one display: asked first
    assert isinstance(app.screen, ConfirmCard)
    hint = app.screen.key_hint()
    assert f"\u00a0{t('notes_no', language)}" in hint  # Enter keeps the notes hidden: the hint says so
    assert_hint_shown(app, hint)
    key(app, pygame.K_DOWN)
    assert f"\u00a0{t('notes_yes', language)}" in app.screen.key_hint()
    assert_hint_shown(app, app.screen.key_hint())


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_projector_hint_names_back_and_the_menu_while_voting(make_app, language):
    app = make_app(language=language)
    app.start_workshop(TUTORIAL, ["Red"], "sequential")
    screen = app.screen
    while screen.workshop.kind() != "decision" or screen.reading():
        key(app, pygame.K_PAGEDOWN)
    assert "voting" in screen.modes()
    hint = screen.key_hint()  # the session's first vote: nothing to go back to, nothing to reveal yet
    assert f"{t('kn_pageup', language)}\u00a0" not in hint and t("ka_reveal", language) not in hint
    key(app, pygame.K_a)
    key(app, pygame.K_PAGEDOWN)  # revealed: the next decision can go back to this one
    while screen.workshop.kind() != "decision" or screen.reading() or screen.revealed is not None:
        key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_a)
    hint = screen.key_hint()
    letters = f"A-{LETTERS[len(screen.workshop.view().choices) - 1]}"  # the decision's own letters, not A-I
    for name in (t("kn_pageup", language), t("kn_esc", language), letters):
        assert f"{name}\u00a0" in hint, name
    assert t("ka_reveal", language) in hint
    assert_hint_shown(app, hint)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("text_size", [2, 5])
def test_messages_and_questions_show_their_keys(make_app, language, text_size):
    from game.ui.screens.briefing import ReplaceRunOverlay
    from game.ui.screens.overlays import ErrorOverlay, NoticeOverlay

    app = make_app((1280, 720), language, text_size)
    for overlay in (NoticeOverlay(app, ["A save was set aside."], restart=TUTORIAL), ErrorOverlay(app, []),
                    ReplaceRunOverlay(app, TUTORIAL, "The Promised Top-Up", ("First Day", "tutorial", 2))):
        app.push(overlay)
        overlay.layout()
        for focus in range(len(overlay.buttons)):
            overlay.focus = focus
            lines = overlay._hint_lines()
            assert f"\u00a0{overlay.buttons[focus].label}" in " ".join(lines)  # Enter names the focused button
            assert_hint_shown(app, overlay.key_hint())
            surface = RecordingSurface(app.surface.get_size(), app.book)
            overlay.draw(surface)
            boxes = [box.box for box in surface.texts if box.text in lines]
            assert len(boxes) == len(lines)
            for button in overlay.buttons:  # the hint keeps clear of the buttons, inside the card
                assert not any(button.rect.colliderect(box) for box in boxes)
            assert all(overlay.box().contains(box) for box in boxes)
        app.pop()
