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

    The still part is a base (the picture and the top bar) and panels drawn over it (boxes, cards,
    buttons), whose areas are remembered. The base has a ground (the backdrop: when it changes the
    still part is composed whole) and parts in fixed places (the person, the top bar). When only
    parts or panels change, only their areas are composed again and copied to the window.
    """

    def __init__(self) -> None:
        self.surface: Optional[pygame.Surface] = None
        self.ground: Optional[Hashable] = None
        self.parts: tuple = ()  # ((key, rect), ...) of the base's parts
        self.key: Optional[Hashable] = None  # the panels' key
        self.rebuilds = 0  # how many times the still part was composed, whole or in part (benchmarks report it)
        self.panels: list[pygame.Rect] = []  # where the panels of the still part were drawn
        self.window: Optional[tuple] = None  # (window, its size, mark) after our last frame, if untouched since
        self.moving: list[pygame.Rect] = []  # where that frame's moving parts were drawn

    def forget(self) -> None:
        """Compose the still part whole on the next frame."""
        self.ground = self.key = None
        self.window = None

    def draw(self, window: pygame.Surface, keys: tuple[Hashable, tuple, Hashable], base: DrawBase,
             panels: DrawParts, moving: DrawParts, stays: bool, mark: Hashable) -> None:
        """Draw a frame on ``window``: compose what changed of the still part, then restore and draw the
        moving parts.

        Args:
            window: The surface shown (the App's display surface).
            keys: What the base's ground depends on; the base's parts as ``(key, rect)`` pairs, each drawn
                only inside its rect; and what the panels depend on.
            base: Draws the base on a surface (it honours the surface's clip).
            panels: Draws the panels over the base and returns the areas they painted.
            moving: Draws the moving parts and returns the areas they painted.
            stays: False when something will be drawn over this frame (an overlay, a toast): the next
                frame must then be drawn in full.
            mark: What must be the very same object for the window to still hold our last frame (the
                theme, which a resize, a new window or a settings change replaces).
        """
        ground, parts, key = keys
        bounds = window.get_rect()
        if self.surface is None or self.surface.get_size() != bounds.size:
            self.surface = pygame.Surface(bounds.size)
            if pygame.display.get_surface() is not None:  # the window's pixel format: blits are copies
                self.surface = self.surface.convert()
            self.ground = None
        changed = self._compose(ground, parts, key, base, panels, bounds)
        held = self.window  # the same objects, not equal ones: a new window or theme may look the same
        if changed is None or held is None or held[0] is not window or held[1] != bounds.size \
                or held[2] is not mark:
            window.blit(self.surface, (0, 0))
        else:
            for rect in _without_nested(changed + self.moving):
                window.blit(self.surface, rect, rect)
        self.moving = [rect.clip(bounds) for rect in moving(window)]
        self.window = (window, bounds.size, mark) if stays else None

    def _compose(self, ground: Hashable, parts: tuple, key: Hashable, base: DrawBase, panels: DrawParts,
                 bounds: pygame.Rect) -> Optional[list[pygame.Rect]]:
        """Bring the layer up to date; returns the areas that changed (None: all of it)."""
        layer = self.surface
        assert layer is not None
        if ground == self.ground and parts == self.parts and key == self.key:
            return []
        self.rebuilds += 1
        if ground != self.ground or len(parts) != len(self.parts):
            base(layer)
            self.panels = [rect.clip(bounds) for rect in panels(layer)]
            self.ground, self.parts, self.key = ground, parts, key
            return None
        regions = [pygame.Rect(rect) for (new, rect), (old, old_rect) in zip(parts, self.parts, strict=True)
                   if new != old for rect in (rect, old_rect)]
        if key != self.key:  # the old panels are erased with the changed parts, the new ones drawn over all
            regions += self.panels
            for rect in regions:
                layer.set_clip(rect)
                base(layer)
            layer.set_clip(None)
            self.panels = [rect.clip(bounds) for rect in panels(layer)]
            regions += self.panels
        else:  # the same panels: each changed part is composed again with the panels over it, inside its rect
            for rect in regions:
                layer.set_clip(rect)
                base(layer)
                panels(layer)
            layer.set_clip(None)
        self.ground, self.parts, self.key = ground, parts, key
        return regions


def _without_nested(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """``rects`` without those lying inside another (an area copied once is enough)."""
    kept: list[pygame.Rect] = []
    for index, rect in enumerate(rects):
        inside = any(other.contains(rect) and (other != rect or later < index)
                     for later, other in enumerate(rects) if later != index)
        if rect.width and rect.height and not inside:
            kept.append(rect)
    return kept
