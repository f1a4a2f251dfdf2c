"""The window's loop: it sleeps while nothing moves, wakes for input, and ends when the window closes."""

import time

import pygame
import pytest

from game.ui import window
from game.ui.app import App


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    yield application
    pygame.quit()


def test_waiting_returns_the_input_that_arrived(app):
    pygame.event.get()  # the window's opening events
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode=""))
    events = app.wait_for_input()
    assert [event.key for event in events if event.type == pygame.KEYDOWN] == [pygame.K_DOWN]


def test_waiting_without_input_ends_after_the_idle_wait(app, monkeypatch):
    monkeypatch.setattr(window, "IDLE_WAIT_MS", 50)
    pygame.event.get()
    started = time.monotonic()
    assert app.wait_for_input() == []
    assert time.monotonic() - started >= 0.05  # it waited; the loop then steps once, as the idle screen expects


def test_the_loop_on_a_still_screen_ends_when_the_window_closes(app):
    pygame.time.set_timer(pygame.QUIT, 300, loops=1)  # arrives while the title screen sits still
    app.loop()
    assert not app.running
    assert app.frames >= 1  # the title was drawn before the loop went to sleep
