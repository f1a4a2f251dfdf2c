"""A frame drawn as a still part, changed only where it changes, and moving parts restored by dirty rectangles.

Most of a play frame does not change from one frame to the next: the backdrop and the person, the
top bar's stages, the panels with their shadows, the name tag, the key hint, the coaching card and
the option boxes. The few parts that move (the line being revealed, the meter, the selected or
hovered option) are drawn over it.

The still part is drawn straight onto the window: whole when its ground changes (a new backdrop,
window size, text size, language or contrast), and otherwise only where something in it changed (a
part of its base such as the person or the top bar, or a panel). Only the pixels the moving parts
are about to cover are kept aside (patches): before the next frame draws the moving parts again, the
places they were drawn are restored from those patches. Nothing window-sized is copied on a frame
that changes, except while something else is drawn over the screen (an overlay, a toast): the still
frame is then kept whole, so those frames cost one copy.

While the window still shows the last frame drawn this way (nothing was drawn over it since: no
overlay, no toast, no new window), only what changed is drawn. Any other surface (a test's, the
layout audit's recorder) is composed in full by the screen, with the same drawing functions.
"""

from __future__ import annotations

from typing import Callable, Hashable, Optional, Sequence

import pygame

DrawBase = Callable[[pygame.Surface], None]
DrawPanel = Callable[[pygame.Surface], pygame.Rect]
DrawParts = Callable[[pygame.Surface], list[pygame.Rect]]
Areas = Callable[[], list[pygame.Rect]]
SPARE_PATCHES = 4  # patch surfaces kept for reuse once their area is gone (the last line's, a button's)


class StillLayer:
    """The still part of a screen's frame, drawn on the window where it changed, and the moving parts.

    The still part is a base (the picture and the top bar) and panels drawn over it in order (the
    line's box, the card or the options), whose areas are remembered. The base has a ground (the
    backdrop: when it changes the still part is drawn whole) and parts in fixed places (the person,
    the top bar). When only parts or panels change, only their areas are drawn again.
    """

    def __init__(self) -> None:
        self.ground: Optional[Hashable] = None
        self.size: Optional[tuple[int, int]] = None
        self.parts: tuple = ()  # ((key, rect), ...) of the base's parts
        self.panels: list[tuple[Hashable, pygame.Rect]] = []  # (key, area painted) of each panel
        self.patches: dict[tuple, pygame.Surface] = {}  # the still frame's pixels where moving parts go
        self.spare: list[pygame.Surface] = []  # patch surfaces no longer needed, to copy new patches into
        self.window: Optional[tuple] = None  # (window, its size, mark) after our last frame, if untouched since
        self.moving: list[tuple[pygame.Rect, tuple]] = []  # where that frame's moving parts were drawn, and patch
        self.copy: Optional[pygame.Surface] = None  # the whole still frame, while something is drawn over ours
        self.copied: Optional[tuple] = None  # the keys of the frame ``copy`` holds
        self.rebuilds = 0  # how many times the still part was drawn, whole or in part (benchmarks report it)
        self.misses = 0  # moving parts drawn outside the areas announced (the next frame is then drawn whole)

    def forget(self) -> None:
        """Draw the still part whole on the next frame."""
        self.ground = None
        self.window = self.copy = self.copied = None
        self._drop_patches(list(self.patches))

    def _drop_patches(self, areas: list[tuple]) -> None:
        """The still part changed in ``areas``: their patches no longer hold its pixels (their surfaces
        are kept for reuse)."""
        self.spare = [_whole_surface(self.patches.pop(area)) for area in areas] + self.spare

    def draw(self, window: pygame.Surface, keys: tuple[Hashable, tuple], base: DrawBase,
             panels: Sequence[tuple[Hashable, DrawPanel]], areas: Areas, moving: DrawParts, stays: bool,
             mark: Hashable) -> None:
        """Draw a frame on ``window``: what changed of the still part, then restore and draw the moving parts.

        Args:
            window: The surface shown (the App's display surface).
            keys: What the base's ground depends on; and the base's parts as ``(key, rect)`` pairs, each
                drawn only inside its rect.
            base: Draws the base on a surface (it honours the surface's clip).
            panels: ``(key, draw)`` of each panel, in drawing order: what it shows, and a function drawing
                it over the base and returning the area it painted.
            areas: Where the moving parts will be drawn this frame (asked once the still part is drawn).
            moving: Draws the moving parts and returns the areas they painted (each inside an area).
            stays: False when something will be drawn over this frame (an overlay, a toast): the next
                frame must then start from the whole still frame.
            mark: What must be the very same object for the window to still hold our last frame (the
                theme, which a resize, a new window or a settings change replaces).
        """
        ground, parts = keys
        bounds = window.get_rect()
        state = (ground, parts, tuple(key for key, _ in panels))
        held = self.window  # the same objects, not equal ones: a new window or theme may look the same
        held_ok = held is not None and held[0] is window and held[1] == bounds.size and held[2] is mark
        if ground != self.ground or len(parts) != len(self.parts) or bounds.size != self.size:
            self._whole(window, base, panels, bounds)
        elif held_ok:
            changed = self._changes(window, parts, base, panels, bounds)
            if changed:
                self._drop_patches([area for area in self.patches if pygame.Rect(area).collidelist(changed) != -1])
        elif self.copy is not None and self.copied == state:
            window.blit(self.copy, (0, 0))
        else:
            self._whole(window, base, panels, bounds)
        self.ground, self.parts, self.size = ground, parts, bounds.size
        self._keep(window, areas(), bounds)  # the window shows the still frame: keep what the moving parts cover
        if stays:
            self.copy = self.copied = None
        elif self.copied != state:
            if self.copy is None or self.copy.get_size() != bounds.size:
                self.copy = window.copy()
            else:
                self.copy.blit(window, (0, 0))
            self.copied = state
        covered = self._note_moving(moving(window), bounds)
        self.window = (window, bounds.size, mark) if stays and covered else None

    def _whole(self, window: pygame.Surface, base: DrawBase, panels: Sequence[tuple[Hashable, DrawPanel]],
               bounds: pygame.Rect) -> None:
        """Draw the still part whole on the window."""
        self.rebuilds += 1
        window.set_clip(None)
        base(window)
        self.panels = [(key, draw(window).clip(bounds)) for key, draw in panels]
        self._drop_patches(list(self.patches))
        self.copied = None

    def _restore_moving(self, window: pygame.Surface, erase: Sequence[pygame.Rect] = ()) -> None:
        """Put back the still pixels where the last frame's moving parts were drawn (but where the still
        part is about to be drawn again: inside an area in ``erase``)."""
        for rect, area in self.moving:
            if not any(erased.contains(rect) for erased in erase):
                window.blit(self.patches[area], rect, rect.move(-area[0], -area[1]))
        self.moving = []

    def _changes(self, window: pygame.Surface, parts: tuple, base: DrawBase,
                 panels: Sequence[tuple[Hashable, DrawPanel]], bounds: pygame.Rect) -> list[pygame.Rect]:
        """Restore the last frame's moving parts and draw again, on the window showing the last still frame,
        what changed; returns the areas drawn."""
        erase = [pygame.Rect(rect) for (new, rect), (old, old_rect) in zip(parts, self.parts, strict=True)
                 if new != old for rect in (rect, old_rect)]
        old = self.panels
        if len(panels) != len(old):
            redraw = set(range(len(panels)))
            erase += [area for _, area in old]
        else:
            redraw = {index for index, (key, _) in enumerate(panels) if key != old[index][0]}
            erase += [old[index][1] for index in redraw]
        self._restore_moving(window, erase)  # what is erased next is not worth restoring
        if not erase and not redraw:
            return []
        self.rebuilds += 1
        self._erase(window, base, erase, bounds)
        areas = []
        for index, (_, draw) in enumerate(panels):
            if index in redraw:
                areas.append(draw(window).clip(bounds))
                continue
            area = old[index][1]
            # a panel that did not change but lies under something erased is drawn again there only: the
            # same pixels, where the base was drawn again under it (the rest of it was left as it was)
            for rect in _without_nested([area.clip(erased) for erased in erase if area.colliderect(erased)]):
                window.set_clip(rect)
                draw(window)
            window.set_clip(None)
            areas.append(area)
        if any(areas[later].colliderect(areas[index]) for index in redraw
               for later in range(index + 1, len(panels)) if later not in redraw):
            # a panel drawn again over one after it that was not: everything under the panels, in order
            erase += areas + [area for _, area in old]
            self._erase(window, base, erase, bounds)
            areas = [draw(window).clip(bounds) for _, draw in panels]
            redraw = set(range(len(panels)))
        self.panels = [(key, area) for (key, _), area in zip(panels, areas, strict=True)]
        return erase + [areas[index] for index in redraw]

    @staticmethod
    def _erase(window: pygame.Surface, base: DrawBase, rects: list[pygame.Rect], bounds: pygame.Rect) -> None:
        """Draw the base alone inside ``rects``."""
        for rect in _without_nested([rect.clip(bounds) for rect in rects]):
            window.set_clip(rect)
            base(window)
        window.set_clip(None)

    def _keep(self, window: pygame.Surface, areas: list[pygame.Rect], bounds: pygame.Rect) -> None:
        """Keep the still pixels of ``areas``: a patch already kept and unchanged is reused as it is, and a
        surface of the same size no longer needed is copied into (a new surface costs more than the copy)."""
        kept = {}
        wanted = []
        for area in areas:
            area = area.clip(bounds)
            key = tuple(area)
            if area.width and area.height and key not in kept:
                patch = self.patches.pop(key, None)
                if patch is not None:
                    kept[key] = patch
                else:
                    wanted.append(area)
        spare = [_whole_surface(patch) for patch in self.patches.values()] + self.spare
        for area in wanted:
            fits = [surface for surface in spare if surface.get_width() >= area.width
                    and surface.get_height() >= area.height]
            if fits:  # the smallest spare surface it fits in: a part of it is the patch
                parent = min(fits, key=lambda surface: surface.get_width() * surface.get_height())
                spare.remove(parent)
                patch = parent.subsurface(pygame.Rect((0, 0), area.size))
            else:  # room to spare: the next line, a little wider or taller, fits in it (a new surface's pages
                # cost more than the copy: 0.4 ms for a line's 1 MB at 1080p)
                room = (min(bounds.width, _rounded_up(area.width, 256)),
                        min(bounds.height, _rounded_up(area.height, 64)))
                patch = pygame.Surface(room, 0, window).subsurface(pygame.Rect((0, 0), area.size))
            patch.blit(window, (0, 0), area)
            kept[tuple(area)] = patch
        self.patches, self.spare = kept, spare[:SPARE_PATCHES]

    def _note_moving(self, painted: list[pygame.Rect], bounds: pygame.Rect) -> bool:
        """Remember where moving parts were drawn and the patch each is restored from; False when one was
        drawn outside every patch (the next frame is then drawn whole)."""
        self.moving = []
        covered = True
        for rect in painted:
            rect = rect.clip(bounds)
            if not rect.width or not rect.height:
                continue
            area = next((area for area in self.patches if pygame.Rect(area).contains(rect)), None)
            if area is None:
                self.misses += 1
                covered = False
            else:
                self.moving.append((rect, area))
        return covered


def _rounded_up(length: int, step: int) -> int:
    return -(-length // step) * step


def _whole_surface(patch: pygame.Surface) -> pygame.Surface:
    """The surface a patch was cut from (itself when it was not)."""
    parent = patch.get_parent()
    return patch if parent is None else parent


def _without_nested(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """``rects`` without those lying inside another (an area drawn once is enough)."""
    kept: list[pygame.Rect] = []
    for index, rect in enumerate(rects):
        inside = any(other.contains(rect) and (other != rect or later < index)
                     for later, other in enumerate(rects) if later != index)
        if rect.width and rect.height and not inside:
            kept.append(rect)
    return kept


def pieces_outside(area: pygame.Rect, holes: Sequence[pygame.Rect]) -> list[pygame.Rect]:
    """``area`` cut into rectangles that together cover it but for ``holes`` (which they never overlap)."""
    pieces = [pygame.Rect(area)]
    for hole in holes:
        kept = []
        for piece in pieces:
            cut = piece.clip(hole)
            if not cut.width or not cut.height:
                kept.append(piece)
                continue
            if cut.top > piece.top:  # the rows above the hole, the rows below it, then the hole's rows beside it
                kept.append(pygame.Rect(piece.left, piece.top, piece.width, cut.top - piece.top))
            if cut.bottom < piece.bottom:
                kept.append(pygame.Rect(piece.left, cut.bottom, piece.width, piece.bottom - cut.bottom))
            if cut.left > piece.left:
                kept.append(pygame.Rect(piece.left, cut.top, cut.left - piece.left, cut.height))
            if cut.right < piece.right:
                kept.append(pygame.Rect(cut.right, cut.top, piece.right - cut.right, cut.height))
        pieces = kept
    return pieces
