"""After a relayout (text size, window size, language), the keyboard focus stays on the control it was on: a
playtester changed the text size from the title's settings and came back to find Quit focused, and Enter quit."""

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import key


@pytest.fixture
def app(tmp_path):
    application = App(size=(1280, 720), saves_folder=tmp_path)
    yield application
    pygame.display.quit()


def _focus_on(app: App, action) -> None:
    title = app.screen
    title.focus = next(index for index, button in enumerate(title.buttons) if button.action == action)


def _focused(app: App):
    title = app.screen
    return title.buttons[title.focus].action if 0 <= title.focus < len(title.buttons) else None


@pytest.mark.parametrize("sizes", [(2, 4), (4, 2), (0, 5), (5, 0)])
def test_the_title_keeps_its_focus_through_a_text_size_change(app, sizes):
    before, after = sizes
    app.update_settings(text_size=before)
    settings = next(button.action for button in app.screen.buttons if button.action == "settings")
    _focus_on(app, settings)
    app.update_settings(text_size=after)  # as the settings overlay does, the title relaid out under it
    assert _focused(app) == settings


def test_a_focused_card_gone_to_another_page_leaves_nothing_focused_not_another_control(app):
    app.update_settings(text_size=0)
    title = app.screen
    last_card = title.card_count - 1
    title.focus = last_card
    card = title.buttons[last_card].action
    app.update_settings(text_size=5)  # fewer cards a page
    assert _focused(app) in (card, None)
    key(app, pygame.K_RETURN)  # Enter never presses a control the player did not choose
    assert app.running
