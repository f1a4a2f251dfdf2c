"""Drive the App with synthetic input: used by the headless tests and the screenshot script."""

from __future__ import annotations

import pygame

from game.ui.app import App
from game.ui.screens.briefing import BriefingScreen

FRAME = 1 / 60


def key(app: App, code: int, mod: int = 0, frames: int = 1) -> None:
    """Press and release a key, then let ``frames`` frames pass."""
    app.step([pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)])
    app.step([pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0)])
    settle(app, frames)


def click(app: App, position: tuple[int, int], frames: int = 1) -> None:
    """Move the mouse to ``position`` and click the left button there."""
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=position, rel=(0, 0), buttons=(0, 0, 0))])
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=position, button=1)])
    app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=position, button=1)])
    settle(app, frames)


def settle(app: App, frames: int = 1, dt: float = FRAME) -> None:
    """Let frames pass with no input."""
    for _ in range(frames):
        app.step([], dt)


REVEAL_STEP = 0.25  # seconds a step of finish_line lets pass
REVEAL_STEPS = 4000  # a thousand seconds: a line of 25,000 characters at the slowest speed (25 a second)


def finish_line(app: App) -> None:
    """Let the page of the line on screen reveal completely, whatever its length and the text speed: ten
    seconds pass (the meter and the rest settle too), then more until the play screen says the page is shown.

    Raises:
        AssertionError: when the page is still not shown after REVEAL_STEPS steps (the reveal is stuck).
    """
    settle(app, 40, REVEAL_STEP)
    for _ in range(REVEAL_STEPS):
        if getattr(app.screen, "page_revealed", True):  # only the play screen reveals a line
            return
        settle(app, 1, REVEAL_STEP)
    raise AssertionError(f"the line's page was not shown after {REVEAL_STEPS * REVEAL_STEP:.0f} s of reveal")


def to_decision(app: App, presses: int = 60):
    """Press Space (each line revealed first) until the play screen shows a decision; returns the screen.

    Raises:
        AssertionError: when no decision comes within ``presses`` presses.
    """
    for _ in range(presses):
        finish_line(app)
        if getattr(app.screen, "deciding", False):  # only the play screen decides
            return app.screen
        key(app, pygame.K_SPACE)
    raise AssertionError("no decision reached")


def start_practice(app: App, scene: str, size: tuple[int, int], language: str, text_size: int):
    """Open ``scene`` in practice at a window ``size``, ``language`` and ``text_size`` (0-5, Settings' 1-6), and
    play to its first decision; returns the play screen."""
    app.resize(size)
    app.update_settings(language=language, text_size=text_size)
    app.open_briefing(str(scene))
    briefing = app.screen
    assert isinstance(briefing, BriefingScreen), f"{scene} did not open: {type(briefing).__name__} shown"
    app.begin(str(scene), briefing.program, "practice")
    return to_decision(app)


def take_option(app: App, screen, index: int) -> None:
    """Take the open option at ``index`` with its number key (a number on another page of options only selects
    it, as it shows that page: Enter then takes it)."""
    key(app, getattr(pygame, f"K_{screen.view.choices[index].number}"))
    if screen.deciding:
        key(app, pygame.K_RETURN)


def resize(app: App, size: tuple[int, int]) -> None:
    """Resize the window as the window manager would."""
    app.step([pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])])
    settle(app)


def button_centre(app: App, action: str) -> tuple[int, int]:
    """The centre of the top screen's button with ``action``."""
    for button in app.screen.buttons:
        if button.action == action:
            return button.rect.center
    raise LookupError(f"no button {action!r} on {type(app.screen).__name__}: "
                      f"{[b.action for b in app.screen.buttons]}")
