"""The customer's face and figure design box for ``game.ui.art``; the drawing kit is :mod:`game.ui.pen`."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.ui.pen import WHITE, Color, Pen, Point, curve, mix

# --- the customer -------------------------------------------------------------------------

FIGURE_W, FIGURE_H = 300, 400
CX = FIGURE_W / 2


@dataclass(frozen=True)
class Face:
    """How one expression moves the features (design units; see draw_face for the geometry).

    brow_tilt > 0 pulls the inner ends of the brows down (anger), < 0 lifts them (worry).
    lid > 0 slants the upper lid down towards the nose (a glare), < 0 droops it outwards (sadness).
    smile is how far the mouth corners rise (negative: a frown); gape opens the mouth.
    """

    brow_tilt: float
    brow_lift: float
    eye_open: float
    lid: float
    smile: float
    mouth_w: float
    gape: float
    cheeks: bool = False
    closed_eyes: bool = False
    creases: bool = False
    flush: float = 0.0


FACES: dict[str, Face] = {
    "furious": Face(12, -4, 0.9, 9, -3, 46, 8, creases=True, flush=0.22),
    "angry": Face(9, -2, 0.9, 6, -8, 28, 0, creases=True, flush=0.08),
    "upset": Face(-9, 3, 0.95, -4, -6, 24, 0),
    "neutral": Face(0, 0, 1.0, 0, 0, 24, 0),
    "content": Face(-1, 2, 1.0, 0, 6, 30, 0, cheeks=True),
    "happy": Face(-2, 4, 0.9, 0, 9, 36, 9, cheeks=True),
    "delighted": Face(-3, 6, 1.0, 0, 11, 46, 17, cheeks=True, closed_eyes=True),
    "surprised": Face(-4, 9, 1.2, 0, 0, 20, 10),
}


@dataclass(frozen=True)
class Look:
    """The colours of one figure, derived from the palette once per call."""

    ink: Color
    skin: Color
    skin_shade: Color
    hair: Color
    hair_shade: Color
    brow: Color
    cloth: Color
    cloth_shade: Color
    shirt: Color
    mouth: Color
    blush: Color
    hc: bool


def head_outline(cy: float) -> list[Point]:
    """An egg-shaped head: full at the cheekbones, narrowing to the chin."""
    pts = []
    for i in range(48):
        a = 2 * math.pi * i / 48
        narrow = 1 - 0.17 * max(0.0, math.sin(a)) ** 2
        pts.append((CX + 60 * math.cos(a) * narrow, cy + 74 * math.sin(a)))
    return pts


def draw_face(pen: Pen, face: Face, look: Look, glasses: bool, cy: float, blink: bool) -> None:
    """Brows, eyes, nose, mouth: the expression is carried by shape, colour only adds to it."""
    weight = 1.25 if look.hc else 1.0
    ey = cy + 6
    if face.cheeks:
        for side in (-1, 1):
            pen.ellipse(look.blush, CX + side * 36, cy + 32, 12, 7, edge=0)
    for side in (-1, 1):
        ex = CX + side * 25
        draw_eye(pen, face, look, ex, ey, side, blink)
        inner = (ex - side * 13, ey - 26 - face.brow_lift + face.brow_tilt)
        outer = (ex + side * 14, ey - 28 - face.brow_lift - face.brow_tilt * 0.35)
        mid = ((inner[0] + outer[0]) / 2, (inner[1] + outer[1]) / 2 - 4)
        pen.stroke(look.brow, curve(inner, mid, outer, 8), 8 * weight)
    if face.creases:
        for side in (-1, 1):
            pen.stroke(look.skin_shade, [(CX + side * 5, ey - 26), (CX + side * 3, ey - 15)], 2.5 * weight)
    if glasses:
        draw_glasses(pen, look, ey)
    pen.stroke(look.skin_shade, curve((CX - 2, cy + 16), (CX + 8, cy + 30), (CX - 4, cy + 32), 6), 3.5)
    draw_mouth(pen, face, look, cy + 48, weight)


def draw_eye(pen: Pen, face: Face, look: Look, ex: float, ey: float, side: int, blink: bool) -> None:
    """One eye; ``side`` is -1 for the viewer's left eye, so ``-side`` points to the nose."""
    width = 4.2 * (1.3 if look.hc else 1)
    if face.closed_eyes:  # laughing: upward arcs
        pen.stroke(look.ink, curve((ex - 11, ey + 3), (ex, ey - 14), (ex + 11, ey + 3), 8), width)
        return
    if blink:
        pen.stroke(look.ink, curve((ex - 9, ey), (ex, ey + 4), (ex + 9, ey), 6), width * 0.85)
        return
    ry = 11 * face.eye_open
    pen.ellipse(look.ink, ex, ey, 8, ry, edge=0)
    pen.circle(WHITE, ex + 2.6, ey - ry * 0.4, 2.6, edge=0)
    if face.lid:  # a slanted upper lid cut across the eye: a glare (lid > 0) or a droop (lid < 0)
        nose, outer = ex - side * 12, ex + side * 12
        y_in, y_out = ey - ry - 1 + face.lid, ey - ry - 1 - face.lid * 0.3
        pen.poly(look.skin, [(nose, y_in), (outer, y_out), (outer, ey - 22), (nose, ey - 22)], edge=0)
        pen.stroke(look.ink, [(nose, y_in), (outer, y_out)], 3)
    if face.cheeks and face.smile > 6:  # raised cheeks push the lower lid up
        pen.ellipse(look.skin, ex, ey + ry + 3, 12, 6, edge=0)
        pen.stroke(look.skin_shade, curve((ex - 9, ey + ry + 1), (ex, ey + ry - 5), (ex + 9, ey + ry + 1), 6), 2)


def draw_glasses(pen: Pen, look: Look, ey: float) -> None:
    """Round reading glasses, thin enough to keep the eyes and brows readable."""
    # Softer than the ink, so the eyes and brows (the expression) stay the strongest marks.
    frame = mix(look.ink, look.skin, 0.35) if not look.hc else look.ink
    width = 3.2 if look.hc else 2.4
    for side in (-1, 1):
        ex = CX + side * 25
        pts = [(ex + 17 * math.cos(a / 12 * math.pi), ey + 1 + 15 * math.sin(a / 12 * math.pi)) for a in range(25)]
        pen.stroke(frame, pts, width)
        pen.stroke(frame, [(ex + side * 17, ey - 2), (ex + side * 35, ey - 4)], width)
    pen.stroke(frame, curve((CX - 8, ey - 2), (CX, ey - 7), (CX + 8, ey - 2), 6), width)


def draw_mouth(pen: Pen, face: Face, look: Look, my: float, weight: float) -> None:
    """A line for a closed mouth; an outlined opening with teeth when ``gape`` > 0."""
    hw, lift = face.mouth_w / 2, face.smile
    left, right = (CX - hw, my - lift), (CX + hw, my - lift)
    if not face.gape:
        pen.stroke(look.ink, curve(left, (CX, my + lift), right, 12), 4.6 * weight)
        return
    if lift < 0:  # gritted teeth: a down-turned band of bared teeth, even in thickness
        c, half = my - lift, face.gape
        upper = curve((CX - hw, c - half), (CX, c - half + 4 * lift), (CX + hw, c - half), 12)
        lower = curve((CX + hw, c + half), (CX, c + half + 4 * lift), (CX - hw, c + half), 12)
        pen.poly(WHITE, upper + lower, edge=0)
        pen.stroke(look.ink, curve((CX - hw, c), (CX, c + 4 * lift), (CX + hw, c), 12), 1.8 * weight)
        for i in (4, 8):  # tooth gaps, following the band's bend
            pen.stroke(look.ink, [upper[i], lower[12 - i]], 1.6 * weight)
    else:  # a grin: nearly straight upper lip, deep lower curve, a tongue resting at the bottom
        upper = curve(left, (CX, my + lift * 0.2), right, 12)
        lower = curve(right, (CX, my + lift * 0.2 + 2 * face.gape), left, 12)
        pen.poly(look.mouth, upper + lower, edge=0)
        pen.poly(WHITE, upper[1:-1] + [(x, y + 5) for x, y in reversed(upper[2:-2])], edge=0)
        base = lower[3:-3]
        bottom = max(y for _, y in base)
        tongue = base + curve(base[-1], (CX, bottom - face.gape * 1.1), base[0], 8)[1:-1]
        pen.poly(mix(look.mouth, (236, 130, 130), 0.55), tongue, edge=0)
    pen.stroke(look.ink, upper + lower + upper[:1], 3.8 * weight)
