"""The screen stack: the screen that takes input on top, overlays drawn over the screens below them."""

from __future__ import annotations

from typing import Optional

from game.ui.screens.base import Screen


class ScreenStack:
    """Screens from the bottom up; ``changed`` is set whenever the stack or its layout changed (a frame is due)."""

    def __init__(self) -> None:
        self.screens: list[Screen] = []
        self.changed = True

    @property
    def top(self) -> Screen:
        """The screen that receives input."""
        return self.screens[-1]

    def push(self, screen: Screen) -> None:
        """Open a screen or overlay on top."""
        self.screens.append(screen)
        screen.layout()
        self.changed = True

    def pop(self) -> None:
        """Close the top screen (the last one stays)."""
        if len(self.screens) > 1:
            self.screens.pop()
            self.screens[-1].layout()
        self.changed = True

    def replace(self, screen: Screen) -> None:
        """Make ``screen`` the only screen."""
        self.screens = []
        self.push(screen)

    def relayout(self) -> None:
        """Lay every screen out again (after a resize or a settings change)."""
        for screen in self.screens:
            screen.relayout()
        self.changed = True

    def point(self, position: Optional[tuple[int, int]]) -> None:
        """Tell every screen where the mouse pointer is (None: not over the window)."""
        for screen in self.screens:
            screen.point(position)

    def follow(self) -> None:
        """Let every screen catch up with a change made to its run or workshop from outside it."""
        for screen in self.screens:
            screen.follow()
        self.changed = True

    def update(self, dt: float) -> bool:
        """Advance every screen's animations; True while any still moves."""
        return any([screen.update(dt) for screen in self.screens])  # a list: every screen advances

    def visible(self) -> list[Screen]:
        """The screens to draw, bottom up: the top opaque screen and the overlays above it."""
        start = max((i for i, s in enumerate(self.screens) if not s.overlay), default=0)
        return self.screens[start:]
