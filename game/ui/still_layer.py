"""A frame in two layers: the still part, composed once per change, and the moving parts drawn over it.

Most of a play frame does not change from one frame to the next: the backdrop and the person, the
top bar's stages, the panels with their shadows, the name tag, the key hint, the coaching card and
the option boxes. That part is composed into one surface, kept until something it shows changes
(its key), and the few parts that move (the line being revealed, the meter, the selected or hovered
option) are drawn over it.

While the window still shows the last frame drawn this way (nothing was drawn over it since: no
overlay, no toast, no new window), only the places where moving parts were drawn are restored from
the still layer before the moving parts are drawn again: dirty rectangles. Any other surface (a
test's, the layout audit's recorder) is composed in full, with the same drawing functions.
"""

from __future__ import annotations

from typing import Callable, Hashable, Optional

import pygame

DrawStill = Callable[[pygame.Surface], None]
DrawMoving = Callable[[pygame.Surface], list[pygame.Rect]]


class StillLayer:
    """The still part of a screen's frame, and where its moving parts were last drawn on the window."""

    def __init__(self) -> None:
        self.surface: Optional[pygame.Surface] = None
        self.key: Optional[Hashable] = None
        self.rebuilds = 0  # how many times the still part was composed (benchmarks report it)
        self.window: Optional[tuple] = None  # (window, its size, mark) after our last frame, if untouched since
        self.moving: list[pygame.Rect] = []  # where that frame's moving parts were drawn

    def forget(self) -> None:
        """Compose the still part again on the next frame (something it shows changed outside its key)."""
        self.key = None
        self.window = None

    def draw(self, window: pygame.Surface, key: Hashable, still: DrawStill, moving: DrawMoving,
             stays: bool, mark: Hashable) -> None:
        """Draw a frame on ``window``: compose the still part when ``key`` changed, then restore and draw
        the moving parts.

        Args:
            window: The surface shown (the App's display surface).
            key: Everything the still part depends on.
            still: Draws the still part on a surface.
            moving: Draws the moving parts on a surface and returns the areas it painted.
            stays: False when something will be drawn over this frame (an overlay, a toast): the next
                frame must then be drawn in full.
            mark: What must be the very same object for the window to still hold our last frame (the theme, which
                a resize, a new window or a settings change replaces).
        """
        size = window.get_size()
        rebuilt = key != self.key or self.surface is None or self.surface.get_size() != size
        if rebuilt:
            if self.surface is None or self.surface.get_size() != size:
                self.surface = pygame.Surface(size)
                if pygame.display.get_surface() is not None:  # the window's pixel format: blits are copies
                    self.surface = self.surface.convert()
            still(self.surface)
            self.key = key
            self.rebuilds += 1
        layer = self.surface
        assert layer is not None
        held = self.window  # the same objects, not equal ones: a new window or theme may look the same
        if rebuilt or held is None or held[0] is not window or held[1] != size or held[2] is not mark:
            window.blit(layer, (0, 0))
        else:
            for rect in self.moving:
                window.blit(layer, rect, rect)
        self.moving = [rect.clip(window.get_rect()) for rect in moving(window)]
        self.window = (window, size, mark) if stays else None
