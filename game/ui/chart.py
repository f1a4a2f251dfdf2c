"""The journey chart: the meter over the decisions, with the worst and the last moment marked."""

from __future__ import annotations

import pygame

from game.scorecard import Scorecard
from game.ui.strings import t
from game.ui.text import TextBook
from game.ui.theme import Theme
from game.ui.widgets import panel


def journey_points(card: Scorecard, start: float) -> list[float]:
    """The meter before the first decision and after each one."""
    return [start] + [entry.meter_after for entry in card.debrief]


def draw_journey(surface: pygame.Surface, rect: pygame.Rect, card: Scorecard, start: float, theme: Theme,
                 book: TextBook, language: str, meter_range: tuple[int, int] = (-10, 10)) -> None:
    """Draw the chart inside ``rect``; markers differ in shape as well as colour, and every label stays
    inside the panel, clear of the axis numbers and of each other."""
    palette = theme.palette
    panel(surface, rect, theme, book)
    title = book.render(t("journey", language), theme.font_px(18), palette.text, bold=True)
    surface.blit(title, (rect.x + theme.gap, rect.y + theme.px(8)))
    tick = theme.font_px(14)
    tick_width = book.width("+10", tick) + theme.px(8)
    label_row = book.line_height(tick)
    plot = pygame.Rect(rect.x + theme.gap + tick_width, rect.y + theme.px(8) + book.line_height(theme.font_px(18))
                       + label_row // 2 + theme.px(4), 0, 0)
    plot.width = rect.right - theme.gap - theme.px(12) - plot.x
    plot.height = rect.bottom - theme.px(8) - label_row - theme.px(4) - label_row // 2 - plot.y
    low, high = meter_range

    def y_of(value: float) -> int:
        return round(plot.bottom - (value - low) / (high - low) * plot.height)

    taken: list[pygame.Rect] = []
    for value in (low, low // 2, 0, high // 2, high):
        y = y_of(value)
        pygame.draw.line(surface, palette.panel_edge, (plot.x, y), (plot.right, y), 2 if value == 0 else 1)
        label = book.render(f"{value:+d}" if value else "0", tick, palette.text_dim)
        box = label.get_rect(midright=(plot.x - theme.px(8), y))
        surface.blit(label, box)
        taken.append(box)
    points = journey_points(card, start)
    count = max(1, len(points) - 1)
    xy = [(plot.x + round(index * plot.width / count), y_of(value)) for index, value in enumerate(points)]
    if len(xy) > 1:
        pygame.draw.lines(surface, palette.accent, False, xy, theme.px(4))
    for index, point in enumerate(xy):
        pygame.draw.circle(surface, palette.accent, point, theme.px(6))
        if index:
            label = book.render(str(index), tick, palette.text_dim)
            box = label.get_rect(midtop=(point[0], plot.bottom + theme.px(4)))
            if not any(box.colliderect(other) for other in taken):
                surface.blit(label, box)
                taken.append(box)
    _mark(surface, card, xy, rect.inflate(-2 * theme.gap, -theme.px(8)), taken, theme, book, language)


def _place(box: pygame.Rect, inside: pygame.Rect, taken: list[pygame.Rect], steps: list[int]) -> pygame.Rect:
    """Move ``box`` inside ``inside``, then up or down by ``steps`` until it clears every ``taken`` box."""
    for step in steps:
        moved = box.move(0, step).clamp(inside)
        if not any(moved.colliderect(other) for other in taken):
            return moved
    return box.clamp(inside)


def _mark(surface: pygame.Surface, card: Scorecard, xy: list, inside: pygame.Rect, taken: list[pygame.Rect],
          theme: Theme, book: TextBook, language: str) -> None:
    palette = theme.palette
    size = theme.px(11)
    tick = theme.font_px(14)
    height = book.line_height(tick)
    steps = [0, -height, height, -2 * height, 2 * height, -3 * height, 3 * height]
    if card.worst_moment is not None:
        x, y = xy[card.worst_moment.decision]
        triangle = [(x - size, y - size * 2 - 4), (x + size, y - size * 2 - 4), (x, y - 4)]
        pygame.draw.polygon(surface, palette.bad, triangle)
        pygame.draw.polygon(surface, (20, 20, 20), triangle, 2)
        text = book.render(f"▼ {t('worst_moment', language)} ({card.worst_moment.rating:+d})", tick, palette.bad,
                           bold=True)
        box = _place(text.get_rect(midbottom=(x, y - size * 2 - theme.px(6))), inside, taken, steps)
        surface.blit(text, box)
        taken.append(box)
    if card.last_moment is not None:
        x, y = xy[card.last_moment.decision]
        pygame.draw.circle(surface, palette.focus, (x, y), size, theme.px(4))
        text = book.render(f"◎ {t('last_moment', language)} ({card.last_moment.rating:+d})", tick, palette.text,
                           bold=True)
        box = _place(text.get_rect(topright=(x - size - theme.px(6), y + size + theme.px(4))), inside, taken,
                     [-step for step in steps])
        surface.blit(text, box)
