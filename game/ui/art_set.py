"""What every backdrop shares: the design space, the colours derived from a palette, and the set
pieces more than one room uses (walls and floor, plants, clocks, shelves, hanging signs).

The rooms themselves are in :mod:`game.ui.art_rooms`.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache
from typing import TYPE_CHECKING

from game.ui.pen import WHITE, Pen, curve, mix

if TYPE_CHECKING:
    from game.ui.art import ArtPalette


H = 900  # design height of every backdrop
BACKDROP_EDGE_HC = 4.5  # the ink outline round every shape of a backdrop in high contrast (none otherwise)
FLOOR = 610  # where the back wall meets the floor


class Tones:
    """Colours derived from a palette, and the weather outside. High contrast keeps to the palette plus white."""

    def __init__(self, p: ArtPalette, raining: bool = True):
        hc = p.high_contrast
        soft = 0.0 if hc else 1.0  # subtle shading only in the normal theme; outlines do the job in HC
        self.p, self.hc = p, hc
        self.raining = raining  # whether rain falls outside (only the street's window shows it)
        self.wall, self.ink, self.accent = p.wall, p.ink, p.accent
        self.wall_dark = mix(p.wall, p.ink, 0.07 * soft)
        self.wall_deep = mix(p.wall, p.ink, 0.16) if not hc else p.floor
        self.wall_light = mix(p.wall, WHITE, 0.45)
        self.trim = mix(p.wall, p.ink, 0.3) if not hc else p.ink
        self.floor, self.floor_dark = p.floor, mix(p.floor, p.ink, 0.14 * soft + (0.5 if hc else 0))
        self.wood = mix(p.floor, p.wall, 0.25) if not hc else p.wall
        self.wood_dark = mix(p.floor, p.ink, 0.18) if not hc else p.floor
        self.accent_dark = mix(p.accent, p.ink, 0.3) if not hc else p.accent
        self.accent_light = mix(p.accent, p.wall, 0.7) if not hc else WHITE
        self.glass = mix(p.sky, p.wall, 0.45) if not hc else p.sky
        self.metal = mix(p.wall, p.ink, 0.45) if not hc else p.ink
        self.warm = mix(p.skin, (255, 214, 120), 0.5) if not hc else p.accent
        self.leaf, self.leaf_dark = mix(p.accent, (120, 160, 90), 0.5), mix(p.accent, p.ink, 0.35)
        if hc:
            self.leaf, self.leaf_dark = (60, 200, 90), (0, 130, 60)
        goods = [p.accent, p.cloth, mix(p.accent, WHITE, 0.45), mix(p.skin, (214, 120, 80), 0.4),
                 mix(p.cloth, WHITE, 0.4), mix(p.sky, p.accent, 0.3), self.warm]
        # Goods sit behind the customer: in the normal theme they are pulled towards the wall so
        # they read as texture, not as a competing focus.
        self.goods = [mix(c, p.wall, 0.25) for c in goods]
        if hc:
            self.goods = [p.accent, p.cloth, WHITE, p.sky, p.accent, p.skin, p.cloth]


tones_for = lru_cache(maxsize=16)(Tones)  # palettes are frozen, so derived colours are computed once each


def room(pen: Pen, t: Tones, w: float) -> None:
    """Back wall, skirting and a plain floor whose seams widen towards the viewer."""
    pen.rect(t.wall, 0, 0, w, FLOOR, edge=0)
    pen.rect(t.floor, 0, FLOOR, w, H - FLOOR, edge=0)
    for i, y in enumerate((FLOOR + 26, FLOOR + 70, FLOOR + 140, FLOOR + 245)):
        pen.line(t.floor_dark, (0, y), (w, y), 2 + i)
    pen.rect(t.trim, 0, FLOOR - 16, w, 16)


def plant(pen: Pen, t: Tones, x: float, base: float, size: float = 1.0) -> None:
    """A potted plant: leaves are Bezier lenses fanned out from the pot."""
    for i, angle in enumerate((-62, -36, -12, 12, 38, 64, -20, 24)):
        a = math.radians(angle - 90)
        length = size * (120 if i < 6 else 90)
        tip = (x + math.cos(a) * length, base - 60 * size + math.sin(a) * length)
        root = (x, base - 60 * size)
        side = (-math.sin(a) * 26 * size, math.cos(a) * 26 * size)
        mid = ((root[0] + tip[0]) / 2, (root[1] + tip[1]) / 2)
        leaf = curve(root, (mid[0] + side[0], mid[1] + side[1]), tip, 8)
        leaf += curve(tip, (mid[0] - side[0], mid[1] - side[1]), root, 8)[1:]
        pen.poly(t.leaf if i % 2 else t.leaf_dark, leaf)
    pen.poly(t.wood_dark, [(x - 38 * size, base - 66 * size), (x + 38 * size, base - 66 * size),
                           (x + 28 * size, base), (x - 28 * size, base)])


def clock(pen: Pen, t: Tones, x: float, y: float, r: float, start_minutes: float, time: float) -> None:
    """An analogue wall clock showing ``start_minutes`` after midnight plus ``time`` seconds."""
    sec = start_minutes * 60 + time
    pen.circle(t.wall_light if not t.hc else WHITE, x, y, r, edge=0 if not t.hc else None)
    pen.stroke(t.trim, [(x + r * math.sin(a / 30 * math.pi), y - r * math.cos(a / 30 * math.pi)) for a in range(61)], 6)
    for i in range(12):
        a, inner = i / 6 * math.pi, 0.72 if i % 3 == 0 else 0.8
        pen.line(t.ink, (x + r * inner * math.sin(a), y - r * inner * math.cos(a)),
                 (x + r * 0.88 * math.sin(a), y - r * 0.88 * math.cos(a)), 3 if i % 3 else 4)
    for turns, length, width, color in ((sec / 43200, 0.5, 6, t.ink), (sec / 3600, 0.75, 4, t.ink),
                                        (sec / 60, 0.8, 1.6, t.accent_dark)):  # hour, minute, second hands
        a = turns * 2 * math.pi
        pen.line(color, (x, y), (x + r * length * math.sin(a), y - r * length * math.cos(a)), width)
    pen.circle(t.accent_dark, x, y, 4, edge=0)


def shelves(pen: Pen, t: Tones, x: float, y: float, w: float, rows: int, seed: int, gap: float = 100) -> None:
    """A shelving unit with rows of boxes, jars and bottles, repeatable for a given seed."""
    rng = random.Random(seed)
    pen.rect(t.wall_deep, x, y, w, rows * gap + 20)
    for row in range(rows):
        base, cursor = y + (row + 1) * gap, x + 12
        while True:
            kind, width, color = rng.choice("bbjtc"), rng.uniform(26, 54), rng.choice(t.goods)
            width, height = (min(width, 26) if kind == "t" else width), rng.uniform(0.45, 0.8) * gap
            if cursor + width > x + w - 12:
                break
            if kind == "t":  # bottle: body and neck
                pen.rect(color, cursor, base - height, width, height, radius=6)
                pen.rect(color, cursor + width * 0.3, base - height - 14, width * 0.4, 16, radius=3)
            elif kind == "j":  # jar: squat body and a lid
                pen.rect(color, cursor, base - height * 0.7, width, height * 0.7, radius=9)
                pen.rect(t.trim, cursor + 3, base - height * 0.7 - 8, width - 6, 10, radius=3)
            elif kind == "c":  # two stacked cans
                for k in range(2):
                    pen.rect(color, cursor, base - (k + 1) * height * 0.42, width * 0.8, height * 0.4, radius=4)
            else:  # box with a pale label band
                pen.rect(color, cursor, base - height, width, height, radius=3)
                pen.rect(mix(color, WHITE, 0.35), cursor + 5, base - height * 0.62, width - 10, height * 0.22, edge=0)
            cursor += width + rng.uniform(3, 10)
        pen.rect(t.trim, x - 4, base, w + 8, 10)


def sign(pen: Pen, t: Tones, x: float, y: float, w: float, h: float) -> None:
    """A hanging sign panel on two cords (its pictograms are drawn by the caller)."""
    for cx in (x + w * 0.2, x + w * 0.8):
        pen.line(t.metal, (cx, 0), (cx, y), 3)
    pen.rect(t.accent, x, y, w, h, radius=h * 0.22)
