"""The backdrops, painted in a 900-unit-tall design space (see :mod:`game.ui.art`).

Each takes a pen, the tones (colours and weather, :class:`~game.ui.art_set.Tones`), the design
width and the time in seconds.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import pygame

from game.ui.art_set import FLOOR, Tones, clock, plant, room, shelves, sign
from game.ui.pen import WHITE, Color, Pen, arc_arrow, curve, hash01, mix, seven_seg


def _store(pen: Pen, t: Tones, w: float, time: float) -> None:
    room(pen, t, w)
    pen.rect(t.accent_light, 0, 0, w, 54)
    for x in (w * 0.3, w * 0.7):  # pendant lamps
        pen.line(t.metal, (x, 0), (x, 90), 3)
        pen.circle(t.warm, x, 120, 14, edge=0)
        pen.poly(t.accent_dark, curve((x - 52, 122), (x, 40), (x + 52, 122), 16))
    shelves(pen, t, w * 0.02, 150, w * 0.26, 4, seed=1, gap=108)
    shelves(pen, t, w * 0.72, 150, w * 0.26, 4, seed=2, gap=108)
    # Checkout counter behind the customer, its till off to the right of their shoulder.
    pen.rect(t.wood, w * 0.31, 452, w * 0.38, 30)
    pen.rect(t.accent_dark, w * 0.32, 482, w * 0.36, FLOOR - 482)
    pen.rect(t.accent, w * 0.32, 520, w * 0.36, 14, edge=0)
    _till(pen, t, w * 0.6, 452)
    plant(pen, t, w * 0.355, 452, 0.55)
    sign(pen, t, w * 0.44, 70, w * 0.12, 72)
    bx, by = w * 0.5, 108  # a basket pictogram
    pen.poly(WHITE, [(bx - 34, by - 8), (bx + 34, by - 8), (bx + 24, by + 24), (bx - 24, by + 24)], edge=0)
    pen.stroke(WHITE, curve((bx - 24, by - 8), (bx, by - 50), (bx + 24, by - 8), 10), 5)


def _till(pen: Pen, t: Tones, x: float, top: float) -> None:
    """A cash register: drawer, keypad block and an angled screen on a stem."""
    pen.rect(t.metal, x, top - 34, 110, 36, radius=6)
    pen.rect(t.wall_light, x + 62, top - 28, 40, 22, radius=3, edge=0)
    pen.line(t.metal, (x + 30, top - 34), (x + 30, top - 70), 8)
    pen.poly(t.ink, [(x - 8, top - 120), (x + 70, top - 112), (x + 66, top - 62), (x - 4, top - 68)])
    pen.poly(t.glass, [(x - 1, top - 112), (x + 62, top - 106), (x + 59, top - 70), (x + 2, top - 75)], edge=0)


def _service_desk(pen: Pen, t: Tones, w: float, time: float) -> None:
    room(pen, t, w)
    for x in range(0, int(w), 180):  # tall warehouse wall panels
        pen.line(t.wall_dark, (x, 0), (x, FLOOR), 3)
    shelves(pen, t, w * 0.03, 180, w * 0.25, 3, seed=3, gap=92)
    shelves(pen, t, w * 0.72, 180, w * 0.25, 3, seed=4, gap=92)
    # Stockroom double doors behind the desk: a plain, calm shape for the customer to stand against.
    pen.rect(t.trim, w * 0.5 - 136, 214, 272, 230)
    for door_x in (w * 0.5 - 126, w * 0.5 + 2):
        pen.rect(t.wall_deep, door_x, 224, 124, 220)
        pen.rect(t.glass, door_x + 44, 250, 36, 80, radius=8)
    sign(pen, t, w * 0.27, 40, w * 0.46, 100)
    _sign_icons(pen, t, w * 0.5, 90, w * 0.46)
    glow = 0.5 + 0.5 * math.cos(time * 2 * math.pi / 1.6)  # "now serving" lamp pulses; lit at time 0
    pen.circle(mix(t.accent_dark, t.warm, glow) if not t.hc else (WHITE if glow > 0.5 else t.ink), w * 0.7, 90, 13)
    # The long desk: counter top, front panel with a stripe, the till and a returns tray.
    pen.rect(t.wood, w * 0.02, 430, w * 0.96, 28)
    pen.rect(t.accent_dark, w * 0.03, 458, w * 0.94, FLOOR - 458)
    pen.rect(t.accent, w * 0.03, 500, w * 0.94, 16, edge=0)
    _till(pen, t, w * 0.12, 430)
    pen.rect(t.wood_dark, w * 0.76, 404, 130, 26, radius=4)
    pen.rect(t.goods[1], w * 0.76 + 12, 370, 60, 38, radius=3)
    pen.rect(t.goods[3], w * 0.76 + 64, 384, 54, 24, radius=3)


def _sign_icons(pen: Pen, t: Tones, cx: float, cy: float, w: float) -> None:
    """Language-free pictograms for help, returns and receipts, in white on the accent sign."""
    ink = WHITE if not t.hc else t.ink
    x = cx - w * 0.28
    pen.rect(ink, x - 38, cy - 30, 76, 50, radius=18, edge=0)  # speech bubble with a question mark
    pen.poly(ink, [(x - 14, cy + 14), (x - 24, cy + 36), (x + 4, cy + 16)], edge=0)
    q = t.accent
    pen.stroke(q, curve((x - 10, cy - 12), (x - 8, cy - 24), (x + 4, cy - 20), 6)
               + curve((x + 4, cy - 20), (x + 14, cy - 12), (x, cy - 2), 6)[1:], 5)
    pen.circle(q, x, cy + 8, 3.5, edge=0)
    arc_arrow(pen, ink, cx, cy, 24, -40, 230, 7)  # returns: an arrow coming back round
    x = cx + w * 0.28  # a receipt with a torn edge and printed lines
    pen.poly(ink, [(x - 22, cy - 34), (x + 22, cy - 34), (x + 22, cy + 30)]
             + [(x + 22 - i * 11, cy + 30 + (6 if i % 2 else 0)) for i in range(5)], edge=0)
    for k in range(3):
        pen.line(q, (x - 12, cy - 20 + k * 14), (x + 12, cy - 20 + k * 14), 4)


def _bank(pen: Pen, t: Tones, w: float, time: float) -> None:
    room(pen, t, w)
    pen.rect(t.wall_dark, 0, 0, w, 60, edge=0)
    for i in range(5):  # recessed ceiling lights
        pen.ellipse(t.warm, w * (0.1 + i * 0.2), 30, 40, 9, edge=0)
    pen.line(t.trim, (0, 60), (w, 60), 4)
    left, windows = w * 0.04, 4
    pitch = w * 0.92 / windows
    # Behind the glass: the tellers' back shelf with binders, pulled towards the glass tint.
    tint = (lambda c: mix(c, t.glass, 0.55)) if not t.hc else (lambda c: c)
    for i in range(windows):
        x = left + i * pitch
        pen.rect(t.glass, x, 196, pitch, 204, edge=0)
        for k in range(5):
            pen.rect(tint(t.goods[(i + k) % 5]), x + 24 + k * 20, 222 + (k % 2) * 6, 16, 44 - (k % 2) * 6, radius=2)
        pen.rect(tint(t.trim), x, 266, pitch, 8, edge=0)
        pen.rect(t.metal, x + pitch * 0.62, 372, 14, 28, edge=0)  # a teller's monitor, seen from behind
        pen.rect(t.metal, x + pitch * 0.48, 318, pitch * 0.3, 60, radius=6)
        pen.line(t.wall_light, (x + 40, 390), (x + 100, 214), 6)  # glass glints
        pen.line(t.wall_light, (x + 72, 390), (x + 108, 290), 3)
        pen.rect(t.metal, x + pitch * 0.16, 386, pitch * 0.22, 14, radius=4)  # the pass-through tray
        pen.rect(t.accent_dark, x + pitch / 2 - 26, 136, 52, 40, radius=6)
        seven_seg(pen, WHITE if not t.hc else t.ink, x + pitch / 2 - 7, 144, 24, str(i + 1))
    for i in range(windows + 1):
        pen.rect(t.trim, left + i * pitch - 6, 190, 12, 214)
    pen.rect(t.trim, left - 6, 186, w * 0.92 + 12, 12)
    pen.rect(t.wall_light, w * 0.02, 400, w * 0.96, 22)  # stone counter top
    pen.rect(t.wood, w * 0.03, 422, w * 0.94, FLOOR - 422)
    for i in range(windows * 2 + 1):
        x = w * 0.03 + i * w * 0.94 / (windows * 2)
        pen.line(t.wood_dark, (x, 440), (x, FLOOR - 20), 3)
    # The queue display, "A027 -> 2", its arrow blinking; and the clock at half past five.
    pen.rect(t.ink, w * 0.05, 72, 340, 56, radius=10)
    lit = t.warm if not t.hc else t.accent
    seven_seg(pen, lit, w * 0.05 + 26, 82, 36, "A027")
    if time == 0 or (time % 1.2) < 0.8:
        pen.poly(lit, [(w * 0.05 + 240, 90), (w * 0.05 + 262, 100), (w * 0.05 + 240, 110)], edge=0)
    seven_seg(pen, lit, w * 0.05 + 284, 82, 36, "2")
    clock(pen, t, w * 0.9, 110, 44, 17 * 60 + 30, time)
    plant(pen, t, w * 0.04, FLOOR + 50, 0.9)


def street_glass(w: float) -> tuple[float, float, float]:
    """The street-rain backdrop's glazed front in design units: its left, right and top (it ends at FLOOR)."""
    return w * 0.1, w * 0.9, 70


def street_frame(w: float) -> list[tuple[float, float, float, float]]:
    """The design boxes (x, y, width, height) of the glazed front's frame and door handles, drawn over
    the glass: rain shows only between them."""
    x0, x1, top = street_glass(w)
    bars = [(x - 10, top, 20.0, FLOOR - top) for x in (x0, w * 0.36, w * 0.64, x1)]
    rails = [(x0 - 10, top - 10, x1 - x0 + 20, 20.0), (x0, 150.0, x1 - x0, 12.0)]
    handles = [(x, 300.0, 8.0, 120.0) for x in (w * 0.36 + 26, w * 0.64 - 34)]
    return bars + rails + handles


def _street_rain(pen: Pen, t: Tones, w: float, time: float) -> None:
    room(pen, t, w)
    x0, x1, top = street_glass(w)
    view = pen.box(x0, top, x1 - x0, FLOOR - top)
    old_clip = pen.surface.get_clip()
    pen.surface.set_clip(view)
    _street_view(pen, t, x0, x1, top, time)
    pen.surface.set_clip(old_clip)
    # The store's glazed front: frame, transom, sliding door leaves with handles.
    for index, (x, y, width, height) in enumerate(street_frame(w)):
        pen.rect(t.metal if index >= 6 else t.trim, x, y, width, height, radius=4 if index >= 6 else 0)
    pen.rect(t.accent_dark, w * 0.3, FLOOR + 12, w * 0.4, 46, radius=8)  # door mat
    _umbrella_stand(pen, t, w * 0.05, FLOOR + 20)


def _street_view(pen: Pen, t: Tones, x0: float, x1: float, top: float, time: float) -> None:
    """Outside, clipped to the glass: grey sky, shopfronts over the road, a taxi and its stand."""
    p = t.p
    sky = rain_colours(t)[0]
    far = mix(p.sky, p.ink, 0.45) if not t.hc else p.floor
    road = mix(p.sky, p.ink, 0.62) if not t.hc else p.ink
    kerb = mix(p.sky, p.ink, 0.36) if not t.hc else mix(p.floor, WHITE, 0.4)
    pen.rect(sky, x0, top, x1 - x0, FLOOR - top, edge=0)
    rng = random.Random(7)
    x = x0 - 20
    while x < x1:  # building fronts with lit windows; lights repeat as smears on the wet road
        bw, bh = rng.uniform(150, 260), rng.uniform(200, 330)
        pen.rect(far, x, 440 - bh, bw - 8, bh, edge=0 if not t.hc else None)
        for wy in range(int(440 - bh + 24), 410, 46):
            for wx in range(int(x + 18), int(x + bw - 40), 44):
                if rng.random() < 0.55:
                    pen.rect(t.warm, wx, wy, 24, 28, radius=3, edge=0)
                    pen.rect(mix(t.warm, road, 0.6), wx + 4, 470 + (wy % 40), 16, 30, edge=0)
        x += bw
    pen.rect(road, x0, 440, x1 - x0, 90, edge=0)
    for wx in range(int(x0), int(x1), 230):  # reflections on the road
        pen.rect(mix(t.warm, road, 0.7), wx + 40, 452, 18, 60, edge=0)
    pen.rect(kerb, x0, 530, x1 - x0, FLOOR - 530, edge=0)
    pen.line(mix(kerb, WHITE, 0.3), (x0, 532), (x1, 532), 4)
    _taxi(pen, t, x0 + 40, 500)
    _taxi_sign(pen, t, x1 - 120, 240)
    _rain(pen, t, x0, x1, top, sky, time)


def _taxi(pen: Pen, t: Tones, x: float, base: float) -> None:
    body = t.warm if not t.hc else t.accent
    pen.poly(mix(body, t.ink, 0.2), [(x + 60, base - 62), (x + 90, base - 100), (x + 190, base - 100),
                                     (x + 230, base - 62)])
    pen.rect(t.glass, x + 96, base - 92, 44, 28, radius=4, edge=0)
    pen.rect(t.glass, x + 148, base - 92, 46, 28, radius=4, edge=0)
    pen.rect(body, x, base - 66, 290, 50, radius=18)
    pen.rect(WHITE, x + 120, base - 114, 44, 14, radius=4)
    for wx in (x + 60, x + 226):
        pen.circle(t.ink, wx, base - 14, 22)
        pen.circle(t.metal, wx, base - 14, 9, edge=0)
    pen.rect(WHITE, x + 276, base - 56, 12, 10, radius=3, edge=0)


def _taxi_sign(pen: Pen, t: Tones, x: float, y: float) -> None:
    """A taxi-stand sign on a pole; TAXI is all straight strokes, so it is drawn, not typeset."""
    pen.rect(t.metal, x - 5, y, 10, 540 - y)
    pen.rect(t.accent, x - 66, y - 40, 132, 60, radius=8)
    ink = WHITE if not t.hc else t.ink
    lx, ly, lh = x - 48, y - 28, 36
    strokes = [((0, 0), (20, 0)), ((10, 0), (10, lh)), ((26, lh), (36, 0)), ((36, 0), (46, lh)),  # T, A
               ((30, lh * 0.62), (42, lh * 0.62)), ((52, 0), (70, lh)), ((70, 0), (52, lh)),  # A, X
               ((80, 0), (80, lh)), ((74, 0), (86, 0)), ((74, lh), (86, lh))]  # I
    for (ax, ay), (bx, by) in strokes:
        pen.line(ink, (lx + ax, ly + ay), (lx + bx, ly + by), 5)


def rain_colours(t: Tones) -> tuple[Color, Color]:
    """The street's sky behind the glass and the rain's streaks over it."""
    p = t.p
    sky = mix(p.sky, p.ink, 0.22) if not t.hc else p.sky
    return sky, mix(sky, WHITE, 0.5) if not t.hc else WHITE


def rain_streaks(x0: float, x1: float, top: float, time: float) -> list[tuple[float, float, float]]:
    """Each streak's top end and length (design units) at ``time``: falling at its own steady speed, wrapping."""
    height = FLOOR - top + 60
    return [(x0 + across * (x1 - x0 + 60) - (y - top) * 0.18, y, length)
            for across, start, length, speed in _streak_seeds(int((x1 - x0) / 9))
            for y in (top - 60 + (start * height + time * speed) % height,)]


@lru_cache(maxsize=8)
def _streak_seeds(count: int) -> tuple[tuple[float, float, float, float], ...]:
    """Where across and how far down each streak starts (0..1), its length and its speed: fixed per streak."""
    return tuple((hash01(i, 0), hash01(i, 1), 26 + 30 * hash01(i, 2), 700 + 300 * hash01(i, 3)) for i in range(count))


def rain_ripples(x0: float, x1: float, time: float) -> list[tuple[float, float, float]]:
    """Each ripple's centre on the kerb and how far it has opened (0..1) at ``time``."""
    return [(x0 + hash01(i, 6) * (x1 - x0), 545 + hash01(i, 7) * 55, (hash01(i, 5) + time * 0.9) % 1.0)
            for i in range(10)]


def draw_ripple(pen: Pen, streak: Color, sky: Color, cx: float, cy: float, phase: float) -> None:
    """A ripple opening on the kerb, fading into the wet ground as it opens."""
    r = pen.box(cx - 6 - 24 * phase, cy - 2 - 5 * phase, 12 + 48 * phase, 4 + 10 * phase)
    pygame.draw.ellipse(pen.surface, mix(streak, sky, phase), r, max(1, pen.px(2)))


def _rain(pen: Pen, t: Tones, x0: float, x1: float, top: float, sky: Color, time: float) -> None:
    """Slanted streaks falling at steady speed (positions wrap), and ripples opening on the kerb (when it rains)."""
    if not t.raining:
        return
    streak = rain_colours(t)[1]
    for x, y, length in rain_streaks(x0, x1, top, time):
        pen.line(streak, (x, y), (x - length * 0.18, y + length), 1.6 if not t.hc else 2.4)
    for cx, cy, phase in rain_ripples(x0, x1, time):
        draw_ripple(pen, streak, sky, cx, cy, phase)


def _umbrella_stand(pen: Pen, t: Tones, x: float, base: float) -> None:
    for i, color in enumerate((t.accent, t.goods[1], t.goods[3])):
        hx = x - 22 + i * 22
        pen.line(t.ink, (hx, base - 120), (hx, base - 200 - i * 10), 4)
        pen.stroke(t.ink, curve((hx, base - 200 - i * 10), (hx, base - 226 - i * 10), (hx + 14, base - 214 - i * 10),
                                6), 5)
        pen.poly(color, [(hx - 12, base - 110), (hx, base - 170 - i * 8), (hx + 12, base - 110)])
    pen.rect(t.metal, x - 40, base - 120, 80, 120, radius=10)


def _classroom(pen: Pen, t: Tones, w: float, time: float) -> None:
    room(pen, t, w)
    pen.rect(t.glass, w * 0.04, 100, w * 0.16, 320)  # window with a half-drawn blind
    pen.ellipse(t.wall_light, w * 0.1, 260, 48, 18, edge=0)
    pen.rect(t.wall_dark if not t.hc else t.wall, w * 0.04, 100, w * 0.16, 110)
    for y in range(112, 210, 16):
        pen.line(t.trim, (w * 0.04, y), (w * 0.2, y), 2)
    pen.rect(t.trim, w * 0.035, 414, w * 0.17, 14)
    plant(pen, t, w * 0.12, FLOOR + 24, 0.9)
    # Whiteboard: the MOT cycle on the left, bullet notes on the right, the middle left clear.
    bx, bw = w * 0.27, w * 0.46
    pen.rect(t.trim, bx - 12, 88, bw + 24, 334, radius=8)
    pen.rect(WHITE, bx, 100, bw, 310, radius=4, edge=0)
    pen.rect(t.trim, bx + bw * 0.2, 418, bw * 0.6, 14, radius=4)
    for i, color in enumerate((t.accent, t.goods[1], t.goods[3], t.goods[5])):
        pen.rect(color, bx + bw * 0.25 + i * 40, 406, 30, 12, radius=4, edge=0)
    _mot_cycle(pen, t, bx + bw * 0.22, 255, 80)
    for k in range(4):
        y = 150 + k * 58
        pen.circle(t.accent, bx + bw * 0.7, y, 7, edge=0)
        pen.stroke(t.metal, [(bx + bw * 0.7 + 22 + j * 14, y + (3 if j % 2 else -3)) for j in range(6 + k % 2 * 2)], 4)
    _flip_chart(pen, t, w * 0.8, 140)
    clock(pen, t, w * 0.92, 80, 38, 10 * 60 + 10, time)


def _mot_cycle(pen: Pen, t: Tones, cx: float, cy: float, r: float) -> None:
    """Four stages round a loop, joined by arrows: explore, offer, act, confirm."""
    colors = (t.accent, t.goods[1], t.goods[3], t.goods[5])
    for i in range(4):
        arc_arrow(pen, t.metal, cx, cy, r, i * 90 - 68, i * 90 - 22, 4)
    for i, color in enumerate(colors):
        a = math.radians(i * 90 - 90)
        pen.circle(color, cx + r * math.cos(a), cy + r * math.sin(a), 24)


def _flip_chart(pen: Pen, t: Tones, x: float, top: float) -> None:
    for dx in (-70, 70):
        pen.line(t.wood_dark, (x + dx * 0.6, top + 20), (x + dx, FLOOR + 30), 8)
    pen.rect(WHITE, x - 90, top, 180, 240, radius=4)
    pen.rect(t.wood_dark, x - 96, top - 10, 192, 16, radius=4)
    for i, h in enumerate((60, 100, 80, 140)):
        pen.rect(t.goods[i % 3] if not t.hc else t.accent, x - 62 + i * 32, top + 210 - h, 22, h, edge=0)
    pen.line(t.metal, (x - 70, top + 212), (x + 70, top + 212), 3)


def _tire(pen: Pen, t: Tones, cx: float, cy: float, r: float) -> None:
    """A tyre seen from the side: black rubber, tread notches, a grey rim."""
    rubber = mix(t.ink, (60, 60, 64), 0.3) if not t.hc else t.ink
    pen.circle(rubber, cx, cy, r)
    for k in range(12):
        a = k * math.pi / 6
        pen.line(mix(rubber, WHITE, 0.15), (cx + r * 0.82 * math.cos(a), cy + r * 0.82 * math.sin(a)),
                 (cx + r * 0.98 * math.cos(a), cy + r * 0.98 * math.sin(a)), 3)
    pen.circle(t.metal if not t.hc else WHITE, cx, cy, r * 0.5)
    pen.circle(mix(t.metal, WHITE, 0.4) if not t.hc else t.ink, cx, cy, r * 0.16, edge=0)


def _trolley(pen: Pen, t: Tones, x: float, base: float) -> None:
    """A shopping trolley seen from the side."""
    pen.poly(t.metal, [(x, base - 150), (x + 150, base - 150), (x + 130, base - 60), (x + 14, base - 60)], edge=None)
    pen.poly(t.wall_light, [(x + 12, base - 140), (x + 138, base - 140), (x + 122, base - 70), (x + 22, base - 70)],
             edge=0)
    for k in range(5):  # the basket's wires
        pen.line(t.metal, (x + 20 + k * 26, base - 140), (x + 28 + k * 22, base - 70), 3)
    pen.line(t.metal, (x - 20, base - 170), (x, base - 150), 6)
    pen.line(t.metal, (x + 14, base - 60), (x + 20, base - 20), 5)
    pen.line(t.metal, (x + 130, base - 60), (x + 124, base - 20), 5)
    for wheel in (x + 20, x + 124):
        pen.circle(t.ink, wheel, base - 12, 12)


def _supermarket_desk(pen: Pen, t: Tones, w: float, time: float) -> None:
    """A supermarket's customer-service desk: aisle signs, a bicycle-tyre rack by the desk, a trolley."""
    room(pen, t, w)
    pen.rect(t.accent_light, 0, 0, w, 40)
    for index, x in enumerate((w * 0.08, w * 0.3, w * 0.7, w * 0.9)):  # hanging aisle numbers
        pen.line(t.metal, (x, 40), (x, 80), 3)
        pen.rect(t.accent, x - 46, 80, 92, 56, radius=6)
        seven_seg(pen, WHITE, x - 14, 90, 36, str(index + 3))
    shelves(pen, t, w * 0.02, 190, w * 0.22, 3, seed=5, gap=92)
    x0 = w * 0.76  # the cycling corner: tyres hung on pegs
    pen.rect(t.wood_dark, x0, 170, w * 0.22, 16, edge=0)
    count = max(2, int(w * 0.22 // 80))
    for k in range(count):
        _tire(pen, t, x0 + 40 + k * (w * 0.22 - 80) / max(1, count - 1), 250, 40)
        _tire(pen, t, x0 + 40 + k * (w * 0.22 - 80) / max(1, count - 1), 360, 34)
    sign(pen, t, w * 0.3, 160, w * 0.4, 80)  # "Customer service"
    pen.circle(WHITE, w * 0.5 - w * 0.12, 200, 20, edge=0)
    pen.rect(WHITE, w * 0.5 - w * 0.08, 192, w * 0.2, 16, radius=6, edge=0)
    pen.rect(t.wood, w * 0.02, 430, w * 0.96, 28)  # the long desk
    pen.rect(t.accent_dark, w * 0.03, 458, w * 0.94, FLOOR - 458)
    pen.rect(t.warm, w * 0.03, 500, w * 0.94, 16, edge=0)
    _till(pen, t, w * 0.12, 430)
    pen.rect(WHITE, w * 0.74 + 14, 396, 70, 34, radius=3)  # a stack of returns forms
    _trolley(pen, t, w * 0.84, FLOOR + 150)


def _telecom_hall(pen: Pen, t: Tones, w: float, time: float) -> None:
    """A telecom operator's business hall: a wall of phones, open service counters, a queue board, a top-up kiosk."""
    room(pen, t, w)
    pen.rect(t.accent_light, 0, 0, w, 40)
    pen.rect(t.wall_deep, w * 0.02, 150, w * 0.24, 250, radius=8)  # the display wall: phones on stands
    for row in range(3):
        for k in range(max(2, int(w * 0.24 // 70))):
            x, y = w * 0.02 + 22 + k * 70, 168 + row * 78
            if x + 44 < w * 0.26:
                pen.rect(t.ink, x, y, 40, 64, radius=8)
                pen.rect(t.goods[(row + k) % 7], x + 5, y + 8, 30, 46, radius=4, edge=0)
    sign(pen, t, w * 0.32, 56, w * 0.36, 92)  # a handset, a SIM card and signal bars
    ink, cx = (WHITE if not t.hc else t.ink), w * 0.5
    pen.rect(ink, cx - w * 0.1 - 18, 70, 36, 64, radius=8, edge=0)
    pen.poly(ink, [(cx - 20, 74), (cx + 10, 74), (cx + 22, 88), (cx + 22, 130), (cx - 20, 130)], edge=0)
    for k in range(4):
        pen.rect(ink, cx + w * 0.08 + k * 16, 126 - (k + 1) * 12, 10, (k + 1) * 12, edge=0)
    pen.rect(t.ink, w * 0.74, 150, 300, 52, radius=10)  # the queue board: "A015 -> 3"
    lit = t.warm if not t.hc else t.accent
    seven_seg(pen, lit, w * 0.74 + 22, 160, 32, "A015")
    if time == 0 or (time % 1.2) < 0.8:
        pen.poly(lit, [(w * 0.74 + 210, 166), (w * 0.74 + 230, 176), (w * 0.74 + 210, 186)], edge=0)
    pen.rect(t.metal, w * 0.88, 250, 96, FLOOR - 250, radius=10)  # the self-service top-up kiosk
    pen.rect(t.glass, w * 0.88 + 12, 268, 72, 96, radius=6, edge=0)
    pen.rect(t.wall_light, w * 0.88 + 28, 384, 40, 8, edge=0)
    pen.rect(t.wood, w * 0.04, 430, w * 0.8, 26)  # open counters, low partitions and numbered plates
    pen.rect(t.accent_dark, w * 0.05, 456, w * 0.78, FLOOR - 456)
    pen.rect(t.accent, w * 0.05, 496, w * 0.78, 14, edge=0)
    for k in range(4):
        x = w * 0.05 + (k + 0.5) * w * 0.78 / 4
        pen.rect(t.metal, x - 60, 372, 70, 50, radius=5)  # a clerk's monitor, seen from behind
        pen.rect(t.wall_light, x + 26, 400, 44, 30, radius=4)
        seven_seg(pen, t.accent_dark if not t.hc else t.ink, x + 38, 404, 20, str(k + 1))
        if k:
            pen.rect(t.glass, x - w * 0.78 / 8 - 4, 356, 8, 74, edge=0)


SCENES = {"store": _store, "service-desk": _service_desk, "bank": _bank, "street-rain": _street_rain,
          "classroom": _classroom, "supermarket-desk": _supermarket_desk, "telecom-hall": _telecom_hall}
