"""The customer figure for ``game.ui.art``, and the small drawing kit the art shares.

Everything is drawn in a design space and scaled by a :class:`Pen`; the customer lives in a
300 x 400 unit box (head and shoulders down to the waist), centred in the caller's rect.
Shapes are drawn into an oversized temporary surface and smooth-scaled down, which gives
antialiased edges on every primitive without relying on per-primitive AA support.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

Color = tuple[int, int, int]
Point = tuple[float, float]

WHITE: Color = (255, 255, 255)
# Supersampling budget: the temporary surface never exceeds about this many pixels, so a 4K
# backdrop is drawn at 1x (already dense) and a 720p one at 2x (smooth edges).
MAX_PIXELS = 4_000_000


def mix(a: Color, b: Color, t: float) -> Color:
    """Blend colour ``a`` towards ``b`` by ``t`` (0..1)."""
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def curve(p0: Point, p1: Point, p2: Point, n: int = 14) -> list[Point]:
    """Points along a quadratic Bezier from ``p0`` to ``p2`` pulled towards ``p1``."""
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


def mirror(points: list[Point], axis: float) -> list[Point]:
    """The points reflected about the vertical line ``x = axis``, in reverse order (to close outlines)."""
    return [(2 * axis - x, y) for x, y in reversed(points)]


class Pen:
    """Draws design-unit shapes on a surface: ``x * scale + origin``, with optional ink outlines."""

    def __init__(self, surface: pygame.Surface, scale: float, origin: Point = (0.0, 0.0),
                 ink: Color = (0, 0, 0), edge: float = 0.0):
        self.surface, self.s, self.ox, self.oy = surface, scale, origin[0], origin[1]
        self.ink, self.edge = ink, edge

    def pt(self, x: float, y: float) -> Point:
        return (self.ox + x * self.s, self.oy + y * self.s)

    def px(self, units: float) -> int:
        return max(1, round(units * self.s))

    def _edge(self, edge: float | None) -> int:
        units = self.edge if edge is None else edge
        return round(units * self.s) if units > 0 else 0

    def box(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """The pixel rect of a design box; edges are rounded separately so neighbours never gap."""
        left, top = self.pt(x, y)
        right, bottom = self.pt(x + w, y + h)
        left, top, right, bottom = round(left), round(top), round(right), round(bottom)
        return pygame.Rect(left, top, max(1, right - left), max(1, bottom - top))

    def rect(self, color: Color, x: float, y: float, w: float, h: float, radius: float = 0,
             edge: float | None = None) -> None:
        r, e, rad = self.box(x, y, w, h), self._edge(edge), round(radius * self.s)
        if e:  # the outline is an ink shape under the fill, so corners stay clean at any width
            pygame.draw.rect(self.surface, self.ink, r.inflate(2 * e, 2 * e), border_radius=rad + e if rad else 0)
        pygame.draw.rect(self.surface, color, r, border_radius=rad)

    def ellipse(self, color: Color, cx: float, cy: float, rx: float, ry: float, edge: float | None = None) -> None:
        r, e = self.box(cx - rx, cy - ry, 2 * rx, 2 * ry), self._edge(edge)
        if e:
            pygame.draw.ellipse(self.surface, self.ink, r.inflate(2 * e, 2 * e))
        pygame.draw.ellipse(self.surface, color, r)

    def circle(self, color: Color, cx: float, cy: float, r: float, edge: float | None = None) -> None:
        self.ellipse(color, cx, cy, r, r, edge)

    def poly(self, color: Color, points: list[Point], edge: float | None = None) -> None:
        pts = [self.pt(x, y) for x, y in points]
        pygame.draw.polygon(self.surface, color, pts)
        e = self._edge(edge)
        if e:
            self._stroke_px(self.ink, pts + pts[:1], 2 * e)

    def stroke(self, color: Color, points: list[Point], width: float) -> None:
        """A thick polyline with round joins and caps (pygame's own thick lines leave notches)."""
        self._stroke_px(color, [self.pt(x, y) for x, y in points], self.px(width))

    def line(self, color: Color, a: Point, b: Point, width: float) -> None:
        self.stroke(color, [a, b], width)

    def limb(self, color: Color, points: list[Point], width: float) -> None:
        """A sleeve or arm: a round-capped stroke with an ink rim when the pen outlines shapes."""
        e = self._edge(None)
        if e:
            self._stroke_px(self.ink, [self.pt(x, y) for x, y in points], self.px(width) + 2 * e)
        self.stroke(color, points, width)

    def _stroke_px(self, color: Color, pts: list[Point], width: int) -> None:
        if width <= 1:
            pygame.draw.aalines(self.surface, color, False, pts)
            return
        half = width / 2
        # Each segment is a quad offset along its normal: pygame's own thick lines measure width
        # along an axis, so diagonals come out thinner and round joins would bulge past them.
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            nx, ny = (y0 - y1) / length * half, (x1 - x0) / length * half
            pygame.draw.polygon(self.surface, color, [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny),
                                                      (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)])
        for x, y in pts:
            pygame.draw.circle(self.surface, color, (x, y), half)


def render(surface: pygame.Surface, rect: pygame.Rect, paint, alpha: bool = False) -> None:
    """Call ``paint(tmp, factor)`` on a supersampled temporary surface and blit it into ``rect``.

    Blitting one rect-sized surface guarantees nothing lands outside ``rect``. With ``alpha`` the
    surface starts transparent and is premultiplied before scaling, so edges do not darken.
    """
    factor = min(2.0, max(1.0, math.sqrt(MAX_PIXELS / (rect.w * rect.h))))
    size = (max(1, round(rect.w * factor)), max(1, round(rect.h * factor)))
    tmp = pygame.Surface(size, pygame.SRCALPHA if alpha else 0, 32)
    if alpha:
        tmp.fill((0, 0, 0, 0))
    paint(tmp, size[0] / rect.w)
    if alpha:
        tmp = tmp.premul_alpha()
    if size != rect.size and not alpha and surface.get_bitsize() == 32 and surface.get_rect().contains(rect):
        # straight into place: a full-window backdrop would otherwise hold a third 8 MB copy at 1080p
        pygame.transform.smoothscale(tmp, rect.size, surface.subsurface(rect))
        return
    if size != rect.size:
        tmp = pygame.transform.smoothscale(tmp, rect.size)
    surface.blit(tmp, rect, special_flags=pygame.BLEND_PREMULTIPLIED if alpha else 0)

def hash01(i: int, salt: int) -> float:
    """A repeatable pseudo-random number in [0, 1) (rain needs thousands, without a Random object)."""
    v = math.sin(i * 12.9898 + salt * 78.233) * 43758.5453
    return v - math.floor(v)


def seven_seg(pen: Pen, color: Color, x: float, y: float, h: float, text: str) -> None:
    """Digits (and A) as a seven-segment display: real numbers without needing a font."""
    segs = {"0": "abcdef", "1": "bc", "2": "abdeg", "3": "abcdg", "4": "bcfg", "5": "acdfg", "6": "acdefg",
            "7": "abc", "8": "abcdefg", "9": "abcdfg", "A": "abcefg", "-": "g"}
    w, th = h * 0.5, h * 0.12
    for ch in text:
        ends = {"a": ((0, 0), (w, 0)), "b": ((w, 0), (w, h / 2)), "c": ((w, h / 2), (w, h)), "d": ((0, h), (w, h)),
                "e": ((0, h / 2), (0, h)), "f": ((0, 0), (0, h / 2)), "g": ((0, h / 2), (w, h / 2))}
        for seg in segs.get(ch, ""):
            (x0, y0), (x1, y1) = ends[seg]
            pen.line(color, (x + x0, y + y0), (x + x1, y + y1), th)
        x += w + h * 0.35


def arc_arrow(pen: Pen, color: Color, cx: float, cy: float, r: float, a0: float, a1: float, width: float) -> None:
    """A circular arc from angle ``a0`` to ``a1`` (degrees, clockwise from east) ending in an arrowhead."""
    steps = max(4, int(abs(a1 - a0) / 10))
    arc = [(cx + r * math.cos(math.radians(a0 + (a1 - a0) * k / steps)),
            cy + r * math.sin(math.radians(a0 + (a1 - a0) * k / steps))) for k in range(steps + 1)]
    pen.stroke(color, arc[:-1], width)
    d = math.radians(a1 + 90)  # the tangent at the end of a clockwise arc
    tip, size = arc[-1], width * 3
    pen.poly(color, [(tip[0] + size * math.cos(d), tip[1] + size * math.sin(d)),
                     (tip[0] + size * math.cos(d + 2.3), tip[1] + size * math.sin(d + 2.3)),
                     (tip[0] + size * math.cos(d - 2.3), tip[1] + size * math.sin(d - 2.3))], edge=0)


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
