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


def make_look(palette, elderly: bool, flush: float) -> Look:
    """Colours for the figure; elderly hair is the palette hair washed to silver."""
    hc = palette.high_contrast
    hair = mix(palette.hair, (232, 230, 226), 0.8) if elderly else palette.hair
    skin = mix(palette.skin, (214, 92, 80), flush)
    cloth = palette.cloth if elderly else mix(palette.cloth, palette.ink, 0.25)  # cardigan vs darker jacket
    return Look(
        ink=palette.ink, skin=skin, skin_shade=mix(skin, palette.ink, 0.16 if not hc else 0.3),
        hair=hair, hair_shade=mix(hair, palette.ink, 0.2), brow=mix(hair, palette.ink, 0.6 if elderly else 0.3),
        cloth=cloth, cloth_shade=mix(cloth, palette.ink, 0.22 if not hc else 0.45),
        shirt=WHITE if hc else mix(palette.wall, WHITE, 0.6),
        mouth=mix((120, 40, 48), palette.ink, 0.3), blush=mix(skin, (232, 110, 110), 0.35), hc=hc)


def draw_figure(pen: Pen, face: Face, look: Look, customer_type: str, elderly: bool, time: float) -> None:
    """Draw the whole customer in the 300 x 400 design box on ``pen``."""
    breath = math.sin(time * 2 * math.pi / 3.8) * 1.8  # shoulders rise, the head follows a little less
    posture = {"demanding": -5, "compliant": -3, "shy": 5, "silent": 3}.get(customer_type, 0)
    head_y = 140 + posture - breath * 0.7
    draw_body(pen, look, elderly, 248 - breath)
    draw_arms(pen, look, customer_type, breath)
    draw_head(pen, look, elderly, head_y)
    blink = time > 0 and (time % 4.3) > 4.14  # a 0.16 s blink every few seconds, never at time 0
    draw_face(pen, face, look, elderly, head_y, blink)


def draw_body(pen: Pen, look: Look, elderly: bool, top: float) -> None:
    """Neck, shoulders and torso: a cardigan over a round-neck top, or a jacket over a shirt."""
    pen.rect(look.skin, CX - 17, top - 50, 34, 60, edge=0)
    half = [(30, 420), (34, top + 90)] + curve((34, top + 90), (36, top + 18), (76, top + 8))[1:]
    half += curve((76, top + 8), (104, top + 2), (124, top - 8), 6)[1:]  # the slope from neck to shoulder
    pen.poly(look.cloth, half + mirror(half, CX))
    for side in (-1, 1):  # the arms hang inside the sleeves: a seam from shoulder to elbow
        pen.stroke(look.cloth_shade, curve((CX + side * 100, top + 30), (CX + side * 96, top + 80),
                                           (CX + side * 92, top + 110), 8), 3)
    if elderly:
        pen.poly(look.shirt, [(124, top - 8), (CX, top + 84), (176, top - 8)], edge=0)
        pen.poly(look.skin, curve((130, top - 8), (CX, top + 34), (170, top - 8), 10), edge=0)
        pen.stroke(look.cloth_shade, curve((132, top - 2), (CX, top + 40), (168, top - 2), 10), 3)
        for side in (-1, 1):  # the cardigan's front bands, and its buttons
            pen.stroke(look.cloth_shade, [(CX + side * 28, top - 8), (CX + side * 3, top + 86),
                                          (CX + side * 3, 420)], 5)
        for y in (top + 108, top + 136):
            pen.circle(look.cloth_shade, CX + 11, y, 4.2, edge=0)
    else:
        pen.poly(look.shirt, [(122, top - 8), (CX, top + 70), (178, top - 8)], edge=0)
        pen.poly(look.skin, [(134, top - 8), (CX, top + 22), (166, top - 8)], edge=0)
        for side in (-1, 1):  # lapels folded back from the V, and shirt collar points
            pen.poly(look.cloth_shade, [(CX + side * 28, top - 8), (CX + side * 3, top + 70),
                                        (CX + side * 10, top + 100), (CX + side * 46, top + 10)])
            pen.poly(look.shirt, [(CX + side * 16, top - 12), (CX + side * 30, top - 6),
                                  (CX + side * 20, top + 26), (CX + side * 3, top + 24)])


def draw_arms(pen: Pen, look: Look, customer_type: str, breath: float) -> None:
    """Arms crossed (demanding, compliant), one hand raised (talkative, influential) or hands folded."""
    y = 360 - breath
    if customer_type in ("demanding", "compliant"):  # each hand grips the other arm above the elbow
        pen.limb(look.cloth, [(250, y + 14), (88, y - 26)], 40)
        pen.ellipse(look.skin, 76, y - 30, 15, 13)
        pen.limb(look.cloth, [(50, y + 14), (212, y - 26)], 40)
        pen.ellipse(look.skin, 224, y - 30, 15, 13)
        pen.stroke(look.cloth_shade, [(188, y - 38), (196, y - 6)], 3)  # cuff
        return
    if customer_type in ("talkative", "influential"):  # one hand up, mid-sentence
        pen.limb(look.cloth, [(240, y + 20), (244, y - 58)], 36)
        hx, hy = 246, y - 92
        for dx, length in ((-12, 26), (-4, 30), (4, 30), (12, 25)):  # open palm, fingers up
            pen.limb(look.skin, [(hx + dx * 0.7, hy), (hx + dx, hy - length)], 8.5)
        pen.limb(look.skin, [(hx - 8, hy + 10), (hx - 24, hy - 4)], 9)
        pen.ellipse(look.skin, hx, hy + 6, 15, 16)
        pen.limb(look.cloth, [(52, y + 12), (130, y + 6)], 34)
    else:
        for side in (-1, 1):  # forearms come in from the elbows to hands folded at the waist
            pen.limb(look.cloth, [(CX + side * 98, y + 12), (CX + side * 20, y + 6)], 34)
    pen.ellipse(look.skin, CX - 9, y + 12, 20, 15)
    pen.ellipse(look.skin, CX + 9, y + 6, 20, 15)
    pen.stroke(look.skin_shade, [(CX - 2, y + 2), (CX + 18, y + 8)], 2.2)


def head_outline(cy: float) -> list[Point]:
    """An egg-shaped head: full at the cheekbones, narrowing to the chin."""
    pts = []
    for i in range(48):
        a = 2 * math.pi * i / 48
        narrow = 1 - 0.17 * max(0.0, math.sin(a)) ** 2
        pts.append((CX + 60 * math.cos(a) * narrow, cy + 74 * math.sin(a)))
    return pts


def draw_head(pen: Pen, look: Look, elderly: bool, cy: float) -> None:
    """Ears, head and hair: soft silver waves with a high hairline (elderly) or a side-parted cut."""
    for side in (-1, 1):
        pen.ellipse(look.skin, CX + side * 60, cy + 8, 11, 17)
        pen.stroke(look.skin_shade, curve((CX + side * 63, cy + 1), (CX + side * 67, cy + 8),
                                          (CX + side * 62, cy + 17), 5), 2)
    pen.rect(look.skin_shade, CX - 17, cy + 50, 34, 30, edge=0)  # shadow under the jaw, onto the neck
    pen.poly(look.skin, head_outline(cy))
    volume = 18 if elderly else 12
    rx, ry = 63 + volume * 0.25, 62 + volume
    crown = [(CX + rx * math.cos(a / 40 * math.pi), cy - 12 + ry * math.sin(a / 40 * math.pi)) for a in range(40, 81)]
    if elderly:  # hair swept back in soft waves, fuller over the ears
        line = curve((CX + 66, cy + 2), (CX + 74, cy - 24), (CX + 52, cy - 34), 6)
        for x0, x1, dip in ((52, 26, 0), (26, 0, 4), (0, -26, 4), (-26, -52, 0)):
            line += curve((CX + x0, cy - 34 - dip * 2), (CX + (x0 + x1) / 2, cy - 54 - dip * 2),
                          (CX + x1, cy - 34 - (4 - dip) * 2 - dip * 2), 6)[1:]
        line += curve((CX - 52, cy - 34), (CX - 74, cy - 24), (CX - 66, cy + 2), 6)[1:]
        pen.poly(look.hair, crown + line)
        strands = [((CX - 4, cy - 88), (CX - 30, cy - 82), (CX - 44, cy - 60)),
                   ((CX + 8, cy - 86), (CX + 36, cy - 80), (CX + 48, cy - 60)),
                   ((CX + 64, cy - 26), (CX + 60, cy - 14), (CX + 64, cy - 4)),
                   ((CX - 64, cy - 26), (CX - 60, cy - 14), (CX - 64, cy - 4))]
    else:  # a side parting with the fringe swept across, and short sideburns
        line = curve((CX + 58, cy + 4), (CX + 58, cy - 28), (CX + 48, cy - 44), 6)
        line += curve((CX + 48, cy - 44), (CX + 10, cy - 38), (CX - 22, cy - 62), 10)[1:]
        line += curve((CX - 22, cy - 62), (CX - 50, cy - 52), (CX - 56, cy - 26), 8)[1:]
        line += [(CX - 58, cy + 4)]
        pen.poly(look.hair, crown + line)
        strands = [((CX - 14, cy - 66), (CX + 24, cy - 60), (CX + 44, cy - 42)),
                   ((CX - 22, cy - 64), (CX - 34, cy - 70), (CX - 40, cy - 62))]
    for a, b, c in strands:  # a few strands give the hair direction without noise
        pen.stroke(look.hair_shade, curve(a, b, c, 8), 2.4)


def draw_face(pen: Pen, face: Face, look: Look, elderly: bool, cy: float, blink: bool) -> None:
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
    if elderly:
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
