"""The rain on the street-rain backdrop, drawn as a layer of its own over the backdrop painted dry.

Painting the whole backdrop again for every moment of falling rain costs 10-15 ms at 1920x1080 (30 ms
with a fresh supersampling surface), twelve times a second. Drawn as a layer, a moment costs the glass
put back from the dry backdrop and a couple of hundred small blits: each streak is an antialiased
sprite, painted once per length and size, blitted where the streak is now, only on the glass between
the frame's bars (the rain falls outside, behind them).
"""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

from game.ui.art_rooms import rain_colours, rain_ripples, rain_streaks, street_frame, street_glass
from game.ui.art_set import BACKDROP_EDGE_HC, FLOOR, H, tones_for
from game.ui.pen import Color, Pen, mix, supersampled
from game.ui.still_layer import pieces_outside

RAIN_BACKDROPS = frozenset({"street-rain"})  # the backdrops whose window shows the weather outside
RIPPLE_STEPS = 32  # a ripple's opening drawn in this many steps (it opens over a second and a bit)


def has_rain_layer(name: str) -> bool:
    """True when the backdrop ``name`` shows falling rain (through its glazed front)."""
    return name in RAIN_BACKDROPS


def rain_panes(rect: pygame.Rect, high_contrast: bool = False) -> list[pygame.Rect]:
    """The glass of the street-rain backdrop filling ``rect``, in pixels: the glazed front but for its frame
    and handles, with their outline in high contrast, and a pixel more (the painter softened the edge)."""
    return [pygame.Rect(pane) for pane in _panes(tuple(rect), high_contrast)]


@lru_cache(maxsize=8)
def _panes(rect: tuple[int, int, int, int], high_contrast: bool) -> tuple[tuple[int, int, int, int], ...]:
    scale, w = _scale(pygame.Rect(rect))
    pen = Pen(pygame.Surface((1, 1)), scale, rect[:2])
    x0, x1, top = street_glass(w)
    outline = math.ceil(BACKDROP_EDGE_HC * scale) if high_contrast else 0
    frame = [pen.box(*box).inflate(2 * outline + 2, 2 * outline + 2) for box in street_frame(w)]
    glass = pieces_outside(pen.box(x0, top, x1 - x0, FLOOR - top), frame)
    return tuple((pane.x, pane.y, pane.width, pane.height) for pane in glass if pane.width > 0 and pane.height > 0)


def glass_bounds(rect: pygame.Rect, high_contrast: bool = False) -> pygame.Rect:
    """The smallest rect holding every pane of :func:`rain_panes` (what the layer may change)."""
    panes = rain_panes(rect, high_contrast)
    return panes[0].unionall(panes[1:]) if panes else pygame.Rect(rect.topleft, (0, 0))


def draw_rain(surface: pygame.Surface, rect: pygame.Rect, palette, time: float) -> None:
    """Draw the rain at ``time`` over the dry street-rain backdrop filling ``rect`` (within the surface's clip).

    Args:
        surface: Holds the backdrop painted with ``raining=False`` (the streaks are not erased: put the
            glass back first).
        rect: Where the backdrop fills.
        palette: The art palette the backdrop was painted with.
        time: Seconds, as for :func:`game.ui.art.draw_backdrop`.
    """
    scale, w = _scale(rect)
    tones = tones_for(palette, True)
    sky, streak = rain_colours(tones)
    width = 1.6 if not tones.hc else 2.4
    x0, x1, top = street_glass(w)
    ox, oy = rect.topleft
    sprites, places = [], []
    for x, y, length in rain_streaks(x0, x1, top, time):
        sprite, pad = _streak(round(length), scale, width, streak)
        sprites.append(sprite)
        places.append(pygame.Rect(round(ox + (x - length * 0.18) * scale - pad), round(oy + y * scale - pad),
                                  sprite.get_width(), sprite.get_height()))
    ripples = []
    for cx, cy, phase in rain_ripples(x0, x1, time):
        step = round(phase * RIPPLE_STEPS)
        sprite, (left, top_edge) = _ripple(step, scale, streak, sky)
        ripples.append((sprite, pygame.Rect(round(ox + (cx + left) * scale), round(oy + (cy + top_edge) * scale),
                                            sprite.get_width(), sprite.get_height())))
    clip = surface.get_clip()
    try:
        for pane in rain_panes(rect, tones.hc):
            pane = pane.clip(clip)
            if not pane.width or not pane.height:
                continue
            surface.set_clip(pane)
            for index in pane.collidelistall(places):
                surface.blit(sprites[index], places[index], special_flags=pygame.BLEND_PREMULTIPLIED)
            for sprite, place in ripples:
                if pane.colliderect(place):
                    surface.blit(sprite, place, special_flags=pygame.BLEND_PREMULTIPLIED)
    finally:
        surface.set_clip(clip)


def _scale(rect: pygame.Rect) -> tuple[float, float]:
    """Pixels per design unit, and the design width, of a backdrop filling ``rect``."""
    scale = rect.height / H
    return scale, rect.width / scale


@lru_cache(maxsize=2 * RIPPLE_STEPS + 2)
def _ripple(step: int, scale: float, streak: Color, sky: Color) -> tuple[pygame.Surface, tuple[float, float]]:
    """A ripple opened ``step / RIPPLE_STEPS`` of the way, antialiased, premultiplied; and where its top left
    lies from the ripple's centre, in design units."""
    phase = step / RIPPLE_STEPS
    width, height = 12 + 48 * phase, 4 + 10 * phase
    margin = 2 / scale  # a pixel or two round the ellipse for its soft edge
    size = (math.ceil((width + 2 * margin) * scale), math.ceil((height + 2 * margin) * scale))

    def paint(tmp: pygame.Surface, factor: float) -> Pen:
        pen = Pen(tmp, scale * factor)
        ring = pen.box(margin, margin, width, height)
        pygame.draw.ellipse(tmp, mix(streak, sky, phase), ring, max(1, round(2 * scale * factor)))
        return pen

    return supersampled(size, paint), (-6 - 24 * phase - margin, -2 - 5 * phase - margin)


@lru_cache(maxsize=128)
def _streak(length: int, scale: float, width: float, colour: Color) -> tuple[pygame.Surface, float]:
    """One streak of ``length`` design units, antialiased, premultiplied; and the margin around it in pixels."""
    pad = width * scale / 2 + 1
    size = (math.ceil(length * 0.18 * scale + 2 * pad), math.ceil(length * scale + 2 * pad))

    def paint(tmp: pygame.Surface, factor: float) -> Pen:
        pen = Pen(tmp, scale * factor, (pad * factor, pad * factor))
        pen.line(colour, (length * 0.18, 0), (0, length), width)
        return pen

    return supersampled(size, paint), pad
