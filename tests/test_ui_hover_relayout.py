"""After any relayout the hover highlight is on the button under the mouse now, or on none.

The playtester's case: the mouse over a title button, then a larger text size (or F11) moves the buttons
under a pointer that did not move, and the highlight stayed on whichever button took the old index.
"""

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import key, resize, settle, start_practice

SIZE = (1280, 720)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Window.from_display_module


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    application.update_settings(text_speed="fast", reduce_motion=True)
    application.resize(SIZE)
    yield application
    pygame.display.quit()


def _mouse_at(monkeypatch, position) -> None:
    """The real mouse stays at ``position`` over the window (no motion event comes): on the desktop, it is there
    from wherever the window is now; SDL's position in the window is stale (it moves only with the mouse)."""
    def get_pos(desktop=False):
        left, top = pygame.Window.from_display_module().position
        return (position[0] + left, position[1] + top) if desktop else (-1, -1)

    monkeypatch.setattr(pygame.mouse, "get_focused", lambda: True)
    monkeypatch.setattr(pygame.mouse, "get_pos", get_pos)


def _hover_on(app: App, monkeypatch, index: int) -> tuple[int, int]:
    position = app.screen.buttons[index].rect.center
    _mouse_at(monkeypatch, position)
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=position, rel=(0, 0), buttons=(0, 0, 0))])
    assert app.screen.hover == index, (position, [(b.action, b.rect, b.enabled) for b in app.screen.buttons])
    return position


def _under(app: App, position) -> int | None:
    return next((i for i, b in enumerate(app.screen.buttons) if b.hit(position)), None)


CHANGES = {
    "largest text": lambda app: app.update_settings(text_size=5),
    "F11": lambda app: key(app, pygame.K_F11),
    "resize": lambda app: resize(app, (1600, 1000)),
    "language": lambda app: key(app, pygame.K_l),
}


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("where", ["title", "decision"])
def test_hover_follows_the_mouse_after_a_relayout(app, monkeypatch, change, where):
    if where == "decision":
        start_practice(app, "scenes/tutorial.yaml", SIZE, "en", 0)
    moved = 0
    for turn in range(len(app.screen.buttons)):
        app.update_settings(text_size=0, fullscreen=False, language="en")
        app.show_fullscreen(False)
        resize(app, SIZE)
        enabled = [i for i, b in enumerate(app.screen.buttons) if b.enabled and _under(app, b.rect.center) == i]
        if turn >= len(enabled):
            break
        index = enabled[turn]
        position = _hover_on(app, monkeypatch, index)
        before = [b.rect.copy() for b in app.screen.buttons]
        CHANGES[change](app)
        settle(app)
        moved += [b.rect for b in app.screen.buttons] != before
        assert app.screen.hover == _under(app, position), f"hovering button {index}, then {change}"
    assert moved, f"{change} moved no button: the test shows nothing"


def test_hover_is_cleared_when_the_mouse_is_not_over_the_window(app, monkeypatch):
    _hover_on(app, monkeypatch, 0)
    monkeypatch.setattr(pygame.mouse, "get_focused", lambda: False)
    app.update_settings(text_size=5)
    assert app.screen.hover is None
