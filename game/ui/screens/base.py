"""The screen protocol and keyboard/mouse helpers shared by every screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import pygame

from game.ui.actions import Action
from game.ui.keymap import ACTIVATE_KEYS, MENU_KEYS, Keymap
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

__all__ = ["ACTIVATE_KEYS", "NUMBER_KEYS", "Screen"]

NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}


class Screen:
    """A screen or overlay. Holds view state only (focus, scroll, animation timers)."""

    overlay = False  # overlays draw on top of the screen below them
    keymap: Keymap = MENU_KEYS  # the screen's keys: its input handling and its hint

    def __init__(self, app: "App"):
        self.app = app
        self.buttons: list[Button] = []
        self.focus = 0
        # where the mouse pointer is, not which button it is over: the hovered button is worked out from the
        # buttons as they are now, so a relayout (text size, F11, a resize, the language) cannot leave the
        # highlight on whatever button has come to sit at the old index
        self.pointer: Optional[tuple[int, int]] = None

    @property
    def hover(self) -> Optional[int]:
        """The index of the button under the mouse pointer now (None: no pointer, or no button there)."""
        if self.pointer is None:
            return None
        return next((i for i, b in enumerate(self.buttons) if b.hit(self.pointer)), None)

    def point(self, position: Optional[tuple[int, int]]) -> None:
        """The mouse pointer moved to ``position`` (None: it left the window, or where it is is not known)."""
        self.pointer = (position[0], position[1]) if position is not None else None

    @property
    def language(self) -> str:
        """The current interface language."""
        return self.app.settings.language

    def toast_size(self) -> int:
        """The type size of a toast over this screen (a projected screen's: see :class:`Projected`)."""
        return self.app.theme.small

    def layout(self) -> None:
        """Recompute rects for the current window size (called on resize and settings changes)."""

    def relayout(self) -> None:
        """Lay out again (a new window size, text size, language or contrast), the keyboard focus staying on the
        control it was on, found by what it does: the buttons may now be others in another order (a title
        showing three scenario cards a page instead of four put the focus on Quit)."""
        focused = self.buttons[self.focus].action if 0 <= self.focus < len(self.buttons) else None
        self.layout()
        if focused is not None:  # gone (a card now on another page): nothing focused rather than another control
            self.focus = next((index for index, button in enumerate(self.buttons) if button.action == focused), -1)

    def follow(self) -> None:
        """Catch up with a change made to the run or workshop shown (by a controller, not by this screen's input)."""

    def update(self, dt: float) -> bool:
        """Advance animations by ``dt`` seconds; True while something still moves."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the screen."""

    def idle(self) -> bool:
        """Nothing moves and no input waits: do one short piece of work the next frames will need (never
        drawing); True when more remains."""
        return False

    def handle(self, event: pygame.event.Event) -> None:
        """React to one input event; the default moves focus over the buttons and activates them."""
        if event.type == pygame.KEYDOWN:
            self.handle_key(event)
        elif event.type == pygame.MOUSEMOTION:
            self.point(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, button in enumerate(self.buttons):
                if button.hit(event.pos):
                    self.focus = index
                    self.activate(button.action)
                    return
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll(-event.y)

    def handle_key(self, event: pygame.event.Event) -> None:
        """A key press does what the screen's keymap binds it to in the modes that hold now."""
        self.keymap.dispatch(self, event.key, event.mod, self.modes() | self.focus_modes())

    def modes(self) -> set[str]:
        """What holds now, for the keymap (a screen with modes of its own says them)."""
        return set()

    def focus_modes(self) -> set[str]:
        """"focused" while a button has the keyboard focus (Enter then presses it)."""
        return {"focused"} if 0 <= self.focus < len(self.buttons) else set()

    def focused_label(self) -> dict[str, str]:
        """The focused button's label as the hint's word for Enter (none focused: nothing)."""
        if 0 <= self.focus < len(self.buttons):
            return {"ka_activate": self.buttons[self.focus].label}
        return {}

    def key_hint(self) -> str:
        """The keys that work now, from the screen's keymap."""
        return self.keymap.hint(self.language, self.modes() | self.focus_modes(), self.focused_label())

    def activate_focused(self) -> None:
        """Enter or Space: press the button the player selected (never one that was not selected)."""
        if 0 <= self.focus < len(self.buttons):
            self.activate(self.buttons[self.focus].action)

    def move_focus(self, delta: int) -> None:
        """Move the keyboard focus over enabled buttons."""
        if not self.buttons:
            return
        if self.focus < 0:  # nothing selected yet: start at the first (or, going back, the last) button
            self.focus = -1 if delta > 0 else len(self.buttons)
        for _ in range(len(self.buttons)):
            self.focus = (self.focus + delta) % len(self.buttons)
            if self.buttons[self.focus].enabled:
                return

    def activate(self, action: Action) -> None:
        """Carry out a button's action."""

    def scroll(self, lines: int) -> None:
        """Scroll by ``lines`` (mouse wheel)."""

    def back(self) -> None:
        """Esc: close an overlay by default."""
        if self.overlay:
            self.app.pop()
