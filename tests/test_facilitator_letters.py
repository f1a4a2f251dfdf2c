"""The facilitator's screen names the letters of the decision's options, the same in the hint and the toasts.

The playtester's case: the hint said votes were "A-I" while the toast said "(A-C)" for a three-option decision.
"""

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import key
from game.workshop import letter
from tests.test_ui_facilitate import _six_option_scene, to_decision

NBSP = "\u00a0"


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path / "saves")
    yield application
    pygame.display.quit()


def _start(app, path, language):
    app.update_settings(language=language)
    app.open_facilitator_setup(path)
    key(app, pygame.K_RETURN)
    to_decision(app)
    return app.screen


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_hint_and_the_toast_name_the_same_letters(app, tmp_path, language):
    from tests.test_facilitator_layout import _scene_file

    for path in (_scene_file(tmp_path), _six_option_scene(tmp_path)):
        screen = _start(app, path, language)
        count = len(screen.workshop.view().choices)
        letters = f"A-{letter(count)}"
        hint = screen.key_hint()
        assert f"  {letters}{NBSP}" in hint and "A-I" not in hint
        key(app, pygame.K_r)  # no votes yet: the toast names the letters too
        assert f"A-{letter(count)}" in app.toast[0]
        key(app, pygame.K_a)  # a vote in: Shift with the letters takes one back
        hint = screen.key_hint()
        assert f"Shift+{letters}{NBSP}" in hint and "A-I" not in hint
        app.to_title()


def test_a_tie_names_the_tied_letters(app, tmp_path):
    screen = _start(app, _six_option_scene(tmp_path), "en")
    key(app, pygame.K_e)
    key(app, pygame.K_f)
    key(app, pygame.K_r)
    assert screen.workshop.pending_tie == (5, 6)
    hint = screen.key_hint()
    assert f"E / F{NBSP}" in hint and "A-I" not in hint and "A-F" not in hint


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_decision_of_one_option_asks_for_the_vote_of_a_not_a_to_a(language):
    from game.ui.strings import t
    from game.workshop import letter_range

    message = t("enter_votes", language, letters=letter_range(1))
    assert "A" in message and "A-A" not in message
