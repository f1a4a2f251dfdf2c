"""The small drawing kit the art shares: a scaling pen, curves, colours and supersampled painting.

Everything is drawn in a design space and scaled by a :class:`Pen`. Shapes are drawn into an
oversized temporary surface and smooth-scaled down (:func:`paint_supersampled`), which gives
antialiased edges on every primitive without relying on per-primitive AA support.
"""

from __future__ import annotations

import math

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
        self.blends = False  # True once a stroke was antialiased: pixels then hold partial alpha

    def _opaque(self, color: Color) -> Color:
        """``color``, noting when it is translucent (its pixels then need premultiplying)."""
        if len(color) > 3 and color[3] < 255:
            self.blends = True
        return color

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
            pygame.draw.rect(self.surface, self._opaque(self.ink), r.inflate(2 * e, 2 * e),
                             border_radius=rad + e if rad else 0)
        pygame.draw.rect(self.surface, self._opaque(color), r, border_radius=rad)

    def ellipse(self, color: Color, cx: float, cy: float, rx: float, ry: float, edge: float | None = None) -> None:
        r, e = self.box(cx - rx, cy - ry, 2 * rx, 2 * ry), self._edge(edge)
        if e:
            pygame.draw.ellipse(self.surface, self._opaque(self.ink), r.inflate(2 * e, 2 * e))
        pygame.draw.ellipse(self.surface, self._opaque(color), r)

    def circle(self, color: Color, cx: float, cy: float, r: float, edge: float | None = None) -> None:
        self.ellipse(color, cx, cy, r, r, edge)

    def poly(self, color: Color, points: list[Point], edge: float | None = None) -> None:
        pts = [self.pt(x, y) for x, y in points]
        pygame.draw.polygon(self.surface, self._opaque(color), pts)
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
        self._opaque(color)
        if width <= 1:
            self.blends = True
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


def _supersize(size: tuple[int, int]) -> tuple[int, int]:
    """The size of the temporary surface a picture of ``size`` is painted on (see MAX_PIXELS)."""
    factor = min(2.0, max(1.0, math.sqrt(MAX_PIXELS / (size[0] * size[1]))))
    return max(1, round(size[0] * factor)), max(1, round(size[1] * factor))


def supersampled(size: tuple[int, int], paint) -> pygame.Surface:
    """Call ``paint(tmp, factor)`` on a transparent supersampled surface; return it at ``size``, premultiplied.

    Premultiplied, the edges do not darken when scaled down and the result blends over anything with
    ``BLEND_PREMULTIPLIED``. A pen that drew only opaque colours onto the transparent ground (``paint``
    returns it) left every pixel either fully opaque or all zero, which is already premultiplied: the
    pass, and its window-sized copy, are skipped (half the cost of painting a person).
    """
    size = (max(1, size[0]), max(1, size[1]))
    big = _supersize(size)
    tmp = pygame.Surface(big, pygame.SRCALPHA, 32)
    tmp.fill((0, 0, 0, 0))
    pen = paint(tmp, big[0] / size[0])
    if pen is None or pen.blends:
        tmp = tmp.premul_alpha()
    return tmp if big == size else pygame.transform.smoothscale(tmp, size)


def paint_supersampled(surface: pygame.Surface, rect: pygame.Rect, paint) -> None:
    """Call ``paint(tmp, factor)`` on a supersampled opaque temporary surface and put it into ``rect``.

    One rect-sized surface guarantees nothing lands outside ``rect``. Pictures on a transparent ground (people)
    are painted with :func:`supersampled` instead.
    """
    size = _supersize(rect.size)
    tmp = pygame.Surface(size, 0, 32)
    paint(tmp, size[0] / rect.w)
    if size != rect.size and surface.get_bitsize() == 32 and surface.get_rect().contains(rect):
        # straight into place: a full-window backdrop would otherwise hold a third 8 MB copy at 1080p
        pygame.transform.smoothscale(tmp, rect.size, surface.subsurface(rect))
        return
    if size != rect.size:
        tmp = pygame.transform.smoothscale(tmp, rect.size)
    surface.blit(tmp, rect)


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
