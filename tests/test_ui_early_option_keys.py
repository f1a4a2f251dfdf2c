"""An option's key pressed before the options are up does what Space does then, and never takes an option.

The playtester pressed digits while a decision's line was still coming (its pages, the coaching card of the last
choice, a long line held before its options) and nothing happened, while Space moved on. The same holds for the
facilitator's vote letters and counts on a decision's reading page.
"""

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import key, settle
from game.ui.screens.play import PlayScreen

SCENE = "scenes/tutorial.yaml"


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    application.update_settings(reduce_motion=True)
    application.resize((1280, 720))
    yield application
    pygame.display.quit()


def _state(app):
    screen = app.screen
    return (screen.play.run.node, screen.play.run.decisions, round(min(screen.revealed, 1e6)), screen.text_page,
            screen.card_page, screen.coaching is not None, screen.line_read, screen.deciding)


def _play(app, text_size: int, early_key: int) -> list:
    """Play the tutorial taking option 1 at every decision; before each decision's options are up, press
    ``early_key``. The states seen after each early press."""
    app.update_settings(text_size=text_size)
    app.start_scene(SCENE)
    seen = []
    for _ in range(200):
        if not isinstance(app.screen, PlayScreen):
            break
        settle(app, 2)
        screen = app.screen
        if screen.deciding:
            key(app, pygame.K_1)
        elif screen.view.kind == "decision":
            taken = screen.play.run.decisions
            key(app, early_key, frames=0)
            assert app.screen.play.run.decisions == taken, "an early key took an option"
            seen.append(_state(app))
        else:
            key(app, pygame.K_SPACE, frames=0)
    return seen


@pytest.mark.parametrize("text_size", [0, 5])  # 5: the line pages and is held before its options
def test_a_digit_before_the_options_does_what_space_does(app, text_size):
    with_space = _play(app, text_size, pygame.K_SPACE)
    with_digit = _play(app, text_size, pygame.K_2)
    assert with_digit == with_space and len(with_space) > 3


def test_a_digit_that_brings_the_options_up_takes_none_even_held(app):
    app.update_settings(text_speed="slow")
    app.start_scene(SCENE)
    for _ in range(50):  # to the first decision's line, still being revealed
        if app.screen.view.kind == "decision":
            break
        key(app, pygame.K_SPACE)
        key(app, pygame.K_SPACE)
    screen = app.screen
    assert screen.view.kind == "decision" and not screen.deciding
    while not screen.deciding:
        app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="1", scancode=0)])
    for _ in range(5):  # the key's auto-repeat, on options only just shown
        app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="1", scancode=0)])
    assert screen.play.run.decisions == 0 and screen.deciding
    app.step([pygame.event.Event(pygame.KEYUP, key=pygame.K_1, mod=0, unicode="1", scancode=0)])
    key(app, pygame.K_1)  # pressed again, the options seen: taken
    assert screen.play.run.decisions == 1


@pytest.mark.parametrize("early", [pygame.K_a, pygame.K_b, pygame.K_3])
def test_a_vote_key_on_the_reading_page_shows_the_options_and_votes_nothing(tmp_path, early):
    from tests.test_facilitator_layout import _scene_file

    app = App(size=(1280, 720), saves_folder=tmp_path / "saves")
    try:
        app.open_facilitator_setup(_scene_file(tmp_path, long_options=True))
        key(app, pygame.K_RETURN)
        screen = app.screen
        assert screen.reading()  # the long line is read on its own page first
        key(app, early)
        assert not screen.reading() and screen._voting() and not any(screen.workshop.votes.values())
        assert not screen.blank
        key(app, pygame.K_a)  # the options seen: a letter votes
        assert sum(screen.workshop.votes.values()) == 1
    finally:
        pygame.display.quit()
