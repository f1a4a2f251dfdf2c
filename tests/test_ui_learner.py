"""The learner's name and email typed in the settings overlay: saved, remembered, an email checked."""

import pygame
import pytest

from game.settings import valid_email
from game.ui.app import App
from game.ui.driver import button_centre, click, key
from game.ui.screens.settings_overlay import SettingsOverlay


@pytest.fixture
def app(tmp_path):
    application = App(size=(1280, 720), saves_folder=tmp_path)
    yield application
    pygame.display.quit()


def type_text(app, text):
    for character in text:
        app.step([pygame.event.Event(pygame.TEXTINPUT, text=character)])


def _clear(app, count):
    for _ in range(count):
        key(app, pygame.K_BACKSPACE)


def _label(app, action):
    return next(b.label for b in app.screen.buttons if b.action == action)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_name_and_email_are_typed_checked_and_remembered(app, tmp_path, language):
    app.update_settings(language=language)
    click(app, button_centre(app, "settings"))
    assert isinstance(app.screen, SettingsOverlay)
    assert ("not set" if language == "en" else "未填写") in _label(app, "learner")
    click(app, button_centre(app, "learner"))
    assert app.screen.typing_field == "learner_name"
    assert _label(app, "language").startswith(("Language", "语言"))  # only the typed row says what is typed
    type_text(app, "Wang Li\n")  # a pasted line break never reaches the name
    key(app, pygame.K_RETURN)  # the name is saved; the email is next
    assert app.settings.learner_name == "Wang Li" and app.screen.typing_field == "learner_email"
    type_text(app, "wang li@example")
    key(app, pygame.K_RETURN)  # not an address: refused with a message naming what to do, still open
    assert app.settings.learner_email == "" and app.screen.typing_field == "learner_email"
    assert app.toast and "name@example.com" in app.toast[0] and "wang li@example" in app.toast[0]
    click(app, button_centre(app, "back"))  # a click elsewhere does not lose the typing either
    assert isinstance(app.screen, SettingsOverlay) and app.screen.typing_field == "learner_email"
    _clear(app, len("wang li@example"))
    type_text(app, "wang.li@example.com")
    key(app, pygame.K_RETURN)
    assert app.settings.learner_email == "wang.li@example.com" and app.screen.typing_field is None
    assert "Wang Li · wang.li@example.com" in _label(app, "learner")
    click(app, button_centre(app, "learner"))
    type_text(app, " Jr")
    key(app, pygame.K_ESCAPE)  # Esc: nothing typed is kept, the overlay stays
    assert app.settings.learner_name == "Wang Li" and isinstance(app.screen, SettingsOverlay)
    key(app, pygame.K_ESCAPE)
    assert not isinstance(app.screen, SettingsOverlay)
    again = App(saves_folder=tmp_path)
    assert (again.settings.learner_name, again.settings.learner_email) == ("Wang Li", "wang.li@example.com")


def test_email_rule():
    assert valid_email("") and valid_email("a@b.cn") and valid_email("mailto:a@b.cn")
    assert not valid_email("a b@c.cn") and not valid_email("abc") and not valid_email("a@b@c")
