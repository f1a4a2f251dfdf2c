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

DrawBase = Callable[[pygame.Surface], None]
DrawParts = Callable[[pygame.Surface], list[pygame.Rect]]


class StillLayer:
    """The still part of a screen's frame, and where its moving parts were last drawn on the window.

    The still part is itself two things: a base (the picture and the top bar) and panels drawn over
    it (boxes, cards, buttons), whose areas are remembered. When only the panels change, the old
    panels' areas are restored from the base and the new panels drawn, and only those areas are
    copied to the window.
    """

    def __init__(self) -> None:
        self.surface: Optional[pygame.Surface] = None
        self.base_key: Optional[Hashable] = None
        self.key: Optional[Hashable] = None
        self.rebuilds = 0  # how many times the still part was composed, whole or in part (benchmarks report it)
        self.panels: list[pygame.Rect] = []  # where the panels of the still part were drawn
        self.window: Optional[tuple] = None  # (window, its size, mark) after our last frame, if untouched since
        self.moving: list[pygame.Rect] = []  # where that frame's moving parts were drawn

    def forget(self) -> None:
        """Compose the still part whole on the next frame."""
        self.base_key = self.key = None
        self.window = None

    def draw(self, window: pygame.Surface, keys: tuple[Hashable, Hashable], base: DrawBase, panels: DrawParts,
             moving: DrawParts, stays: bool, mark: Hashable) -> None:
        """Draw a frame on ``window``: compose what changed of the still part, then restore and draw the
        moving parts.

        Args:
            window: The surface shown (the App's display surface).
            keys: Everything the base depends on, and everything the whole still part depends on.
            base: Draws the base on a surface (it honours the surface's clip).
            panels: Draws the panels over the base and returns the areas they painted.
            moving: Draws the moving parts and returns the areas they painted.
            stays: False when something will be drawn over this frame (an overlay, a toast): the next
                frame must then be drawn in full.
            mark: What must be the very same object for the window to still hold our last frame (the
                theme, which a resize, a new window or a settings change replaces).
        """
        base_key, key = keys
        bounds = window.get_rect()
        changed: Optional[list[pygame.Rect]] = []  # areas of the window to copy from the layer; None: all
        if self.surface is None or self.surface.get_size() != bounds.size:
            self.surface = pygame.Surface(bounds.size)
            if pygame.display.get_surface() is not None:  # the window's pixel format: blits are copies
                self.surface = self.surface.convert()
            self.base_key = None
        layer = self.surface
        if key != self.key:
            if base_key == self.base_key:  # the same base: redo only where old and new panels are
                changed = list(self.panels)
                for rect in self.panels:
                    layer.set_clip(rect)
                    base(layer)
                layer.set_clip(None)
            else:
                base(layer)
                changed = None
            self.panels = [rect.clip(bounds) for rect in panels(layer)]
            if changed is not None:
                changed += self.panels
            self.base_key, self.key = base_key, key
            self.rebuilds += 1
        held = self.window  # the same objects, not equal ones: a new window or theme may look the same
        if changed is None or held is None or held[0] is not window or held[1] != bounds.size \
                or held[2] is not mark:
            window.blit(layer, (0, 0))
        else:
            for rect in changed + self.moving:
                window.blit(layer, rect, rect)
        self.moving = [rect.clip(bounds) for rect in moving(window)]
        self.window = (window, bounds.size, mark) if stays else None
