"""Pieces of the call view: the call-centre backdrop, the caller's voice as a waveform, the headset.

Pure drawing functions of their arguments (no display needed). The voice replaces the face of a
counter scene: on the phone the caller is heard, not seen, so the meter is drawn as how the voice
sounds (tall, jagged and red when agitated; low, smooth and green when at ease).
"""

from __future__ import annotations

import math

import pygame

from game.vocab import meter_level

Colour = tuple[int, int, int]

AGITATED: Colour = (204, 72, 58)
TENSE: Colour = (226, 150, 60)
EVEN: Colour = (64, 150, 160)
WARM: Colour = (70, 168, 104)
HIDDEN: Colour = (120, 132, 150)
CALL_CENTRE = "call-centre"  # the backdrop name phone scenes give: drawn as the call view, not as a room
STATE_COLOURS: dict[str, Colour] = {"ringing": (226, 150, 60), "connected": (46, 134, 84),
                                     "hold": (84, 110, 160), "transfer": (128, 92, 170), "ended": (120, 120, 128)}


def _mix(a: Colour, b: Colour, share: float) -> Colour:
    share = max(0.0, min(1.0, share))
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def voice_colour(meter: float) -> Colour:
    """The waveform's colour for a meter value (-10 ... 10)."""
    if meter <= -5:
        return _mix(AGITATED, TENSE, (meter + 10) / 5)
    if meter <= 0:
        return _mix(TENSE, EVEN, (meter + 5) / 5)
    return _mix(EVEN, WARM, meter / 6)


def voice_band(meter: float) -> int:
    """The meter read as how the voice sounds, on the meter's own seven levels (-3 shouting ... +3 laughing),
    so the voice and the satisfaction bar never disagree."""
    return meter_level(meter)


def bar_heights(count: int, meter: float, moment: float, speaking: bool) -> list[float]:
    """Heights (0-1) of the waveform's bars: agitation makes them tall, fast and jagged."""
    agitation = max(0.0, min(1.0, -meter / 10))
    if not speaking:  # the caller is listening: a quiet line with breath in it
        return [0.06 + 0.04 * abs(math.sin(i * 0.7 + moment * 2)) for i in range(count)]
    envelope = 0.32 + 0.6 * agitation
    speed = 3 + 9 * agitation
    heights = []
    for i in range(count):
        shape = math.sin(math.pi * (i + 0.5) / count) ** (1.5 - agitation)  # phrase envelope
        smooth = 0.55 + 0.45 * math.sin(i * 0.45 + moment * speed)
        jagged = ((i * 7919 + int(moment * 12) * 104729) % 17) / 16  # deterministic "noise"
        detail = (1 - agitation) * smooth + agitation * (0.35 + 0.65 * jagged)
        heights.append(max(0.05, min(1.0, envelope * (0.35 + 0.65 * shape) * (0.4 + 0.6 * detail))))
    return heights


def draw_voice(surface: pygame.Surface, rect: pygame.Rect, meter: float, state: str, moment: float,
               speaking: bool, hidden: bool, unit: float) -> None:
    """Draw the caller's voice in ``rect``: bars by mood, or the call state's own picture."""
    pygame.draw.rect(surface, (30, 38, 52), rect, border_radius=max(4, round(8 * unit)))
    middle = rect.centery
    if state in ("hold", "transfer", "ended", "ringing"):
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip))  # the rings and notes stay in the panel, off the caller's number
        _draw_state_line(surface, rect, state, moment, unit)
        surface.set_clip(clip)
        return
    count = max(16, rect.width // max(4, round(9 * unit)))
    step = rect.width / (count + 1)
    width = max(2, round(step * 0.55))
    colour = HIDDEN if hidden else voice_colour(meter)
    heights = bar_heights(count, 0.0 if hidden else meter, moment, speaking)
    room = rect.height * 0.42
    for index, height in enumerate(heights):
        x = round(rect.x + step * (index + 1) - width / 2)
        half = max(1, round(room * height))
        pygame.draw.rect(surface, colour, (x, middle - half, width, 2 * half), border_radius=width // 2)


def _draw_state_line(surface: pygame.Surface, rect: pygame.Rect, state: str, moment: float, unit: float) -> None:
    """Hold: a dotted line with moving notes; transfer: arrows; ringing: pulses; ended: a flat line."""
    colour = STATE_COLOURS[state]
    middle, dot = rect.centery, max(2, round(3 * unit))
    if state == "ended":
        pygame.draw.line(surface, colour, (rect.x + 12 * unit, middle), (rect.right - 12 * unit, middle),
                         max(2, round(2 * unit)))
        return
    if state == "hold":
        for x in range(round(rect.x + 12 * unit), round(rect.right - 12 * unit), max(6, round(14 * unit))):
            pygame.draw.circle(surface, colour, (x, middle), dot)
        for index in range(3):  # three notes drifting along the line
            note_x = rect.x + ((moment * 40 * unit + index * rect.width / 3) % rect.width)
            y = middle - rect.height * 0.22 - math.sin(moment * 2 + index) * rect.height * 0.08
            _draw_note(surface, (round(note_x), round(y)), colour, unit)
        return
    if state == "transfer":
        size = max(8, round(16 * unit))
        for index in range(4):
            arrow_x = rect.x + ((moment * 60 * unit + index * rect.width / 4) % rect.width)
            points = [(arrow_x, middle - size), (arrow_x + size, middle), (arrow_x, middle + size)]
            pygame.draw.lines(surface, colour, False, points, max(2, round(3 * unit)))
        return
    for index in range(3):  # ringing: rings spreading out from the middle
        radius = (moment * 30 * unit + index * rect.height * 0.2) % (rect.height * 0.6) + 4 * unit
        pygame.draw.circle(surface, colour, rect.center, round(radius), max(2, round(2 * unit)))


def _draw_note(surface: pygame.Surface, at: tuple[int, int], colour: Colour, unit: float) -> None:
    head = max(3, round(5 * unit))
    pygame.draw.circle(surface, colour, at, head)
    top = at[1] - round(18 * unit)
    pygame.draw.line(surface, colour, (at[0] + head - 1, at[1]), (at[0] + head - 1, top), max(2, round(2 * unit)))
    pygame.draw.line(surface, colour, (at[0] + head - 1, top), (at[0] + head + round(7 * unit), top + round(5 * unit)),
                     max(2, round(2 * unit)))


def draw_headset(surface: pygame.Surface, centre: tuple[int, int], size: int, colour: Colour, live: bool) -> None:
    """A headset: the band, two ear cups and the microphone boom (its tip lit while the mic is live)."""
    x, y = centre
    band = pygame.Rect(0, 0, size, size)
    band.center = (x, y + size // 6)
    thickness = max(2, size // 10)
    pygame.draw.arc(surface, colour, band, math.radians(10), math.radians(170), thickness)
    cup = pygame.Rect(0, 0, size // 4, size // 3)
    for side in (-1, 1):
        cup.center = (x + side * (size // 2 - size // 10), y + size // 4)
        pygame.draw.rect(surface, colour, cup, border_radius=size // 10)
    boom_start = (x - size // 2 + size // 10, y + size // 3)
    boom_end = (x - size // 8, y + size // 2 + size // 8)
    pygame.draw.line(surface, colour, boom_start, boom_end, max(2, size // 14))
    pygame.draw.circle(surface, (86, 200, 120) if live else (150, 150, 160), boom_end, max(3, size // 11))


def draw_avatar(surface: pygame.Surface, centre: tuple[int, int], size: int, colour: Colour) -> None:
    """A caller with no face: a round badge with a head-and-shoulders silhouette."""
    pygame.draw.circle(surface, colour, centre, size // 2)
    x, y = centre
    light = _mix(colour, (255, 255, 255), 0.75)
    pygame.draw.circle(surface, light, (x, y - size // 8), size // 6)
    shoulders = pygame.Rect(0, 0, round(size * 0.56), round(size * 0.4))
    shoulders.midtop = (x, y + size // 12)
    clip = surface.get_clip()
    surface.set_clip(pygame.Rect(x - size // 2, y - size // 2, size, size // 2 + round(size * 0.36)))
    pygame.draw.ellipse(surface, light, shoulders)
    surface.set_clip(clip)


def draw_call_centre(surface: pygame.Surface, high_contrast: bool) -> None:
    """The agent's side of the call: a quiet call-centre floor behind the caller's card."""
    width, height = surface.get_size()
    if high_contrast:
        surface.fill((0, 0, 0))
        return
    top, bottom = (40, 54, 74), (78, 94, 116)
    for y in range(0, height, 4):
        pygame.draw.rect(surface, _mix(top, bottom, y / height), (0, y, width, 4))
    floor = round(height * 0.74)
    for index in range(5):  # partitions of the next desks, fading into the room
        x = round(width * (0.02 + index * 0.22))
        panel = pygame.Rect(x, round(height * 0.42), round(width * 0.19), floor - round(height * 0.42))
        pygame.draw.rect(surface, _mix((92, 108, 132), top, 0.35), panel, border_radius=6)
        pygame.draw.rect(surface, (60, 74, 96), (panel.x, panel.y, panel.width, 6))
    pygame.draw.rect(surface, (58, 52, 58), (0, floor, width, height - floor))


def draw_call_card(surface: pygame.Surface, high_contrast: bool) -> None:
    """A scene card's picture of a phone scene: the call-centre floor with a caller's card on it, as the game shows."""
    draw_call_centre(surface, high_contrast)
    width, height = surface.get_size()
    card = pygame.Rect(round(width * 0.06), round(height * 0.12), round(width * 0.4), round(height * 0.62))
    paper, ink = ((255, 255, 255), (0, 0, 0)) if high_contrast else ((248, 244, 234), (40, 46, 58))
    pygame.draw.rect(surface, paper, card, border_radius=max(2, card.height // 16))
    badge = max(4, card.height // 4)
    draw_avatar(surface, (card.x + badge, card.y + badge), badge, STATE_COLOURS["connected"])
    for row, share in enumerate((0.5, 0.36)):  # the caller's name and number, as bars
        line = pygame.Rect(card.x + badge * 2, card.y + badge // 2 + row * badge // 2, round(card.width * share),
                           max(2, badge // 5))
        pygame.draw.rect(surface, ink, line, border_radius=line.height // 2)
    wave = pygame.Rect(card.x + badge // 3, card.y + round(badge * 1.8), card.width - badge * 2 // 3,
                       card.bottom - card.y - round(badge * 2.1))
    pygame.draw.rect(surface, (30, 36, 48), wave, border_radius=max(2, badge // 6))
    bars = 9
    for index in range(bars):  # a calm voice, drawn as a few bars
        tall = wave.height * (0.25 + 0.5 * abs(math.sin(index * 1.3)))
        x = wave.x + (index + 0.5) * wave.width / bars
        pygame.draw.line(surface, EVEN, (x, wave.centery - tall / 2), (x, wave.centery + tall / 2),
                         max(1, round(wave.width / bars / 3)))
    draw_headset(surface, (round(width * 0.72), round(height * 0.5)), round(height * 0.3), paper, True)
