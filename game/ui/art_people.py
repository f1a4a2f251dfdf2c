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

    def _stroke_px(self, color: Color, pts: list[Point], width: int) -> None:
        if width <= 1:
            pygame.draw.aalines(self.surface, color, False, pts)
            return
        pygame.draw.lines(self.surface, color, False, pts, width)
        for x, y in pts:
            pygame.draw.circle(self.surface, color, (x, y), width / 2)


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
    "furious": Face(11, -3, 0.85, 9, -9, 34, 15, creases=True, flush=0.22),
    "angry": Face(8, -2, 0.9, 6, -8, 26, 0, creases=True, flush=0.08),
    "upset": Face(-8, 3, 0.95, -4, -6, 22, 0),
    "neutral": Face(0, 0, 1.0, 0, 0, 22, 0),
    "content": Face(-1, 2, 1.0, 0, 5, 26, 0, cheeks=True),
    "happy": Face(-2, 4, 0.9, 0, 9, 32, 8, cheeks=True),
    "delighted": Face(-3, 7, 1.0, 0, 11, 40, 17, cheeks=True, closed_eyes=True),
}


@dataclass(frozen=True)
class Look:
    """The colours of one figure, derived from the palette once per call."""

    ink: Color
    skin: Color
    skin_shade: Color
    hair: Color
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
    hair = mix(palette.hair, (228, 226, 222), 0.78) if elderly else palette.hair
    skin = mix(palette.skin, (214, 92, 80), flush)
    cloth = palette.cloth
    return Look(
        ink=palette.ink, skin=skin, skin_shade=mix(skin, palette.ink, 0.14 if not hc else 0.3),
        hair=hair, brow=mix(hair, palette.ink, 0.55 if elderly else 0.3), cloth=cloth,
        cloth_shade=mix(cloth, palette.ink, 0.22 if not hc else 0.45),
        shirt=WHITE if hc else mix(palette.wall, WHITE, 0.6),
        mouth=mix((120, 40, 48), palette.ink, 0.3), blush=mix(skin, (232, 110, 110), 0.35), hc=hc)


def draw_figure(pen: Pen, face: Face, look: Look, customer_type: str, elderly: bool, time: float) -> None:
    """Draw the whole customer in the 300 x 400 design box on ``pen``."""
    breath = math.sin(time * 2 * math.pi / 3.8) * 1.8  # shoulders rise, the head follows a little less
    posture = {"demanding": -5, "compliant": -3, "shy": 5, "silent": 3}.get(customer_type, 0)
    head_y = 142 + posture - breath * 0.7
    draw_body(pen, look, elderly, 252 - breath)
    draw_arms(pen, look, customer_type, breath)
    draw_head(pen, look, elderly, head_y)
    blink = time > 0 and (time % 4.3) > 4.14  # a 0.16 s blink every few seconds, never at time 0
    draw_face(pen, face, look, elderly, head_y, blink)


def draw_body(pen: Pen, look: Look, elderly: bool, top: float) -> None:
    """Neck, shoulders and torso: a cardigan over a blouse (elderly) or a jacket over a shirt."""
    pen.rect(look.skin_shade, CX - 21, top - 50, 42, 60, edge=0)
    half = [(34, 420), (40, top + 64)] + curve((40, top + 64), (44, top + 6), (104, top - 4))[1:] + [(122, top - 8)]
    pen.poly(look.cloth, half + mirror(half, CX))
    neck_v = [(122, top - 8), (CX, top + (78 if elderly else 58)), (178, top - 8)]
    pen.poly(look.shirt, neck_v, edge=0)
    pen.poly(look.skin, [(126, top - 8), (CX, top + 26), (174, top - 8)], edge=0)
    if elderly:  # cardigan: soft V edges, buttons down the front, a rounded blouse collar
        for side in (-1, 1):
            pen.stroke(look.cloth_shade, [(CX + side * 28, top - 8), (CX + side * 3, top + 80), (CX + side * 3, 420)], 5)
            pen.poly(look.shirt, [(CX, top + 14), (CX + side * 30, top - 10), (CX + side * 32, top + 6),
                                  (CX + side * 12, top + 22)])
        for y in (top + 104, top + 132):
            pen.circle(look.cloth_shade, CX + 10, y, 4.2, edge=0)
    else:  # jacket: lapels folded back from the V, a shirt collar inside
        for side in (-1, 1):
            pen.poly(look.cloth_shade, [(CX + side * 30, top - 8), (CX + side * 4, top + 62),
                                        (CX + side * 10, top + 96), (CX + side * 44, top + 8)])
            pen.poly(look.shirt, [(CX, top + 16), (CX + side * 26, top - 10), (CX + side * 30, top + 8),
                                  (CX + side * 10, top + 24)])


def draw_arms(pen: Pen, look: Look, customer_type: str, breath: float) -> None:
    """Arms crossed (demanding, compliant), one hand open (talkative, influential) or hands folded."""
    y = 330 - breath
    if customer_type in ("demanding", "compliant"):
        pen.rect(look.cloth_shade, 58, y - 6, 184, 50, radius=25)
        pen.poly(look.cloth, [(72, y + 40), (214, y - 4), (236, y + 10), (236, y + 34), (96, y + 46)], edge=0)
        pen.ellipse(look.skin, 226, y + 14, 15, 12)
        pen.ellipse(look.skin, 78, y + 30, 15, 12)
        pen.stroke(look.cloth_shade, [(100, y + 44), (214, y - 2)], 3)
        return
    if customer_type in ("talkative", "influential"):  # one hand up mid-sentence
        pen.poly(look.cloth_shade, [(236, y - 20), (262, y + 50), (228, y + 60), (206, y + 4)])
        pen.ellipse(look.skin, 238, y - 22, 15, 18)
        pen.ellipse(look.skin, 230, y - 44, 6, 12)
        pen.ellipse(look.skin, 250, y - 40, 5, 10)
    else:
        for side in (-1, 1):  # forearms slope in from the elbows to clasped hands
            pen.poly(look.cloth_shade, [(CX + side * 96, y - 14), (CX + side * 16, y + 40),
                                        (CX + side * 22, y + 66), (CX + side * 112, y + 24)])
    pen.ellipse(look.skin, CX - 12, y + 48, 22, 16)
    pen.ellipse(look.skin, CX + 12, y + 50, 22, 16)
    pen.stroke(look.skin_shade, [(CX - 4, y + 40), (CX + 8, y + 58)], 2.5)


def draw_head(pen: Pen, look: Look, elderly: bool, cy: float) -> None:
    """Ears, head and hair: soft silver waves (elderly) or a neat side-swept cut."""
    for side in (-1, 1):
        pen.ellipse(look.skin, CX + side * 62, cy + 8, 11, 17)
    pen.ellipse(look.skin, CX, cy, 62, 76)
    top = cy - 76
    if elderly:
        waves = [(CX - 66, cy + 4)]
        for i in range(7):  # a scalloped fringe line reads as soft curls without drawing every curl
            x0, x1 = CX - 62 + i * 17.7, CX - 62 + (i + 1) * 17.7
            waves += curve((x0, cy - 34 + abs(i - 3) * 6), ((x0 + x1) / 2, cy - 22 + abs(i - 3) * 6),
                           (x1, cy - 34 + abs(i - 3.5) * 6), 6)[1:]
        waves += [(CX + 66, cy + 4)]
        cap = curve((CX + 66, cy + 4), (CX + 76, top - 10), (CX, top - 8), 10)
        pen.poly(look.hair, waves + cap + mirror(cap, CX)[1:])
    else:
        cap = curve((CX + 64, cy - 6), (CX + 72, top - 8), (CX, top - 6), 10)
        fringe = curve((CX - 64, cy - 6), (CX - 50, cy - 46), (CX + 16, cy - 44), 10)
        fringe += curve((CX + 16, cy - 44), (CX + 50, cy - 40), (CX + 64, cy - 6), 8)[1:]
        pen.poly(look.hair, fringe + cap + mirror(cap, CX)[1:])


def draw_face(pen: Pen, face: Face, look: Look, elderly: bool, cy: float, blink: bool) -> None:
    """Brows, eyes, nose, mouth: the expression is carried by shape, colour only adds to it."""
    weight = 1.5 if look.hc else 1.0
    ey = cy + 6
    if face.cheeks:
        for side in (-1, 1):
            pen.ellipse(look.blush, CX + side * 38, cy + 32, 12, 7, edge=0)
    for side in (-1, 1):
        ex = CX + side * 26
        draw_eye(pen, face, look, ex, ey, side, blink)
        inner, outer = (ex - side * 13, ey - 26 - face.brow_lift + face.brow_tilt), \
            (ex + side * 14, ey - 28 - face.brow_lift - face.brow_tilt * 0.35)
        mid = ((inner[0] + outer[0]) / 2, (inner[1] + outer[1]) / 2 - 4)
        pen.stroke(look.brow, curve(inner, mid, outer, 8), 6.5 * weight)
    if face.creases:
        for side in (-1, 1):
            pen.stroke(look.skin_shade, [(CX + side * 5, ey - 24), (CX + side * 3, ey - 14)], 2.5 * weight)
    if elderly:
        draw_glasses(pen, look, ey)
        for side in (-1, 1):  # laugh lines, drawn faintly: age, not a mood
            pen.stroke(look.skin_shade, curve((CX + side * 24, cy + 26), (CX + side * 32, cy + 40),
                                              (CX + side * 26, cy + 52), 6), 2)
    pen.stroke(look.skin_shade, curve((CX - 2, cy + 14), (CX + 8, cy + 30), (CX - 4, cy + 32), 6), 3.5)
    draw_mouth(pen, face, look, cy + 50, weight)


def draw_eye(pen: Pen, face: Face, look: Look, ex: float, ey: float, side: int, blink: bool) -> None:
    """One eye; ``side`` is -1 for the viewer's left eye, so ``-side`` points to the nose."""
    if face.closed_eyes:  # laughing: upward arcs
        pen.stroke(look.ink, curve((ex - 10, ey + 3), (ex, ey - 13), (ex + 10, ey + 3), 8), 4 * (1.4 if look.hc else 1))
        return
    if blink:
        pen.stroke(look.ink, curve((ex - 9, ey), (ex, ey + 4), (ex + 9, ey), 6), 3.5)
        return
    ry = 9.5 * face.eye_open
    pen.ellipse(look.ink, ex, ey, 7, ry, edge=0)
    pen.circle(WHITE, ex + 2.2, ey - ry * 0.4, 2.3, edge=0)
    if face.lid:  # a slanted upper lid cut across the eye: a glare (lid > 0) or a droop (lid < 0)
        nose = ex - side * 12
        outer = ex + side * 12
        y_in, y_out = ey - ry - 1 + face.lid, ey - ry - 1 - face.lid * 0.3
        pen.poly(look.skin, [(nose, y_in), (outer, y_out), (outer, ey - 22), (nose, ey - 22)], edge=0)
        pen.stroke(look.ink, [(nose, y_in), (outer, y_out)], 3)
    if face.cheeks and face.smile > 6:  # raised cheeks push the lower lid up
        pen.ellipse(look.skin, ex, ey + ry + 3, 12, 6, edge=0)
        pen.stroke(look.skin_shade, curve((ex - 9, ey + ry + 1), (ex, ey + ry - 5), (ex + 9, ey + ry + 1), 6), 2)


def draw_glasses(pen: Pen, look: Look, ey: float) -> None:
    """Round reading glasses, thin enough to keep the eyes and brows readable."""
    frame = mix(look.ink, look.cloth, 0.25)
    width = 3.2 if look.hc else 2.4
    for side in (-1, 1):
        ex = CX + side * 26
        pts = [(ex + 17 * math.cos(a / 12 * math.pi), ey + 1 + 15 * math.sin(a / 12 * math.pi)) for a in range(25)]
        pen.stroke(frame, pts, width)
        pen.stroke(frame, [(ex + side * 17, ey - 2), (ex + side * 36, ey - 4)], width)
    pen.stroke(frame, curve((CX - 9, ey - 2), (CX, ey - 7), (CX + 9, ey - 2), 6), width)


def draw_mouth(pen: Pen, face: Face, look: Look, my: float, weight: float) -> None:
    """A line for a closed mouth; an outlined opening (teeth, tongue) when ``gape`` > 0."""
    hw, lift = face.mouth_w / 2, face.smile
    left, right = (CX - hw, my - lift), (CX + hw, my - lift)
    upper = curve(left, (CX, my + lift), right, 12)
    if not face.gape:
        pen.stroke(look.ink, upper, 3.6 * weight)
        return
    depth = face.gape * 2 + max(lift, 0)
    lower = curve(right, (CX, my + lift + depth), left, 12)
    if lift < 0:  # a shout: corners dragged down, lower lip squared off
        lower = curve(right, (CX + hw * 0.9, my - lift + face.gape * 1.3), (CX, my - lift + face.gape * 1.2), 6) + \
            curve((CX, my - lift + face.gape * 1.2), (CX - hw * 0.9, my - lift + face.gape * 1.3), left, 6)[1:]
    pen.poly(look.mouth, upper + lower, edge=0)
    teeth = [(x, y + 4.5) for x, y in upper[2:-2]]
    pen.poly(WHITE, upper[1:-1] + list(reversed(teeth)), edge=0)
    if lift < 0:
        pen.poly(WHITE, [(x, y - 4) for x, y in lower[2:-2]] + list(reversed(lower[2:-2])), edge=0)
    else:
        pen.ellipse(mix(look.mouth, (236, 130, 130), 0.55), CX, my + lift + depth * 0.35, hw * 0.45, face.gape * 0.4,
                    edge=0)
    pen.stroke(look.ink, upper + lower + upper[:1], 3.2 * weight)
