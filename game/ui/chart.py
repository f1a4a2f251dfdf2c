"""The journey chart: the meter over the decisions, with the worst and the last moment marked.

Decisions are numbered dots on the x axis; a line's `meter` event (something that happens in the story,
not chosen by the player) is a small hollow diamond between them, explained by the legend."""

from __future__ import annotations

import pygame

from game.scorecard import Scorecard
from game.ui.strings import t
from game.ui.text import TextBook
from game.ui.theme import Theme
from game.ui.widgets import panel
from game.vocab import signed


def journey_points(card: Scorecard, start: float) -> list[float]:
    """The meter at the start, after each decision and after each line's event (the card's journey
    starts at the customer's mood, which ``start`` repeats)."""
    return [point.meter for point in card.journey] or [start]


def plot_area(rect: pygame.Rect, theme: Theme, book: TextBook) -> pygame.Rect:
    """Where the line is drawn inside the chart's ``rect``: below the title, right of the level labels,
    above the decision numbers."""
    tick = theme.font_px(14)
    tick_width = book.width("+3", tick) + theme.px(8)
    label_row = book.line_height(tick)
    plot = pygame.Rect(rect.x + theme.gap + tick_width, rect.y + theme.px(8) + book.line_height(theme.font_px(18))
                       + label_row // 2 + theme.px(4), 0, 0)
    plot.width = rect.right - theme.gap - theme.px(12) - plot.x
    plot.height = rect.bottom - theme.px(8) - label_row - theme.px(4) - label_row // 2 - plot.y
    return plot


def point_positions(card: Scorecard, start: float, plot: pygame.Rect,
                    meter_range: tuple[int, int]) -> list[tuple[int, int]]:
    """Each journey point's centre: spaced evenly in story order (events too), a high meter at the top."""
    return journey_xy(journey_points(card, start), plot, meter_range)


def meter_y(value: float, plot: pygame.Rect, meter_range: tuple[int, int]) -> int:
    """The height of meter ``value`` in ``plot``: the range's top at the top, its bottom at the bottom."""
    low, high = meter_range
    return round(plot.bottom - (value - low) / (high - low) * plot.height)


def journey_xy(values: list[float], plot: pygame.Rect, meter_range: tuple[int, int],
               steps: int = 0) -> list[tuple[int, int]]:
    """The centres of a journey's ``values`` in ``plot``, ``steps`` apart across its width (0: as many steps as
    the journey has); every journey chart, a run's or the teams' overlaid, places its points so."""
    steps = steps or max(1, len(values) - 1)
    return [(plot.x + round(index * plot.width / steps), meter_y(value, plot, meter_range))
            for index, value in enumerate(values)]


def draw_journey(surface: pygame.Surface, rect: pygame.Rect, card: Scorecard, start: float, theme: Theme,
                 book: TextBook, language: str, meter_range: tuple[int, int]) -> None:
    """Draw the chart inside ``rect``; markers differ in shape as well as colour, and every label stays
    inside the panel, clear of the axis numbers and of each other."""
    palette = theme.palette
    panel(surface, rect, theme, book)
    title = book.render(t("journey", language), theme.font_px(18), palette.text, bold=True)
    surface.blit(title, (rect.x + theme.gap, rect.y + theme.px(8)))
    tick = theme.font_px(14)
    events = any(point.kind == "event" for point in card.journey)
    _legend(surface, pygame.Rect(rect.x + theme.gap + title.get_width() + 2 * theme.gap, rect.y + theme.px(8),
                                 0, title.get_height()), rect.right - theme.gap, events, theme, book,
            language)
    plot = plot_area(rect, theme, book)
    high = meter_range[1]

    def y_of(value: float) -> int:
        return meter_y(value, plot, meter_range)

    taken: list[pygame.Rect] = []
    lines = _level_lines(high)
    for level, value in lines:
        y = y_of(value)
        pygame.draw.line(surface, palette.panel_edge, (plot.x, y), (plot.right, y), 2 if level == 0 else 1)
    labelled: list[pygame.Rect] = []
    for level, value in sorted(lines, key=lambda line: abs(line[0])):  # labelled with the meter's levels; when
        label = book.render(signed(level), tick, palette.text_dim)   # the lines are close, 0 first, then every
        box = label.get_rect(midright=(plot.x - theme.px(8), y_of(value)))  # level that has room for its label
        line_box = pygame.Rect(box.x, box.centery - round(tick * 0.65), box.width, round(tick * 1.3))
        if any(line_box.colliderect(other) for other in labelled):
            continue
        surface.blit(label, box)
        labelled.append(line_box)
        taken.append(box)
    xy = point_positions(card, start, plot, meter_range)
    decisions = {p.decision: index for index, p in enumerate(card.journey) if p.decision is not None}
    if len(xy) > 1:
        pygame.draw.lines(surface, palette.accent, False, xy, theme.px(4))
    for index, point in enumerate(xy):
        kind = card.journey[index].kind if index < len(card.journey) else "start"
        _point(surface, point, kind, theme)
        number = card.journey[index].decision if index < len(card.journey) else None
        text = str(number) if number else t("chart_start", language) if kind == "start" else ""
        if text:  # the x axis names decisions (and the start); a story event is told by its marker
            label = book.render(text, tick, palette.text_dim)
            box = label.get_rect(midtop=(point[0], plot.bottom + theme.px(4))).clamp(rect.inflate(-theme.px(8), 0))
            if not any(box.colliderect(other) for other in taken):
                surface.blit(label, box)
                taken.append(box)
    marks = [xy[decisions.get(n, 0)] for n in range(len(card.debrief) + 1)]
    _mark(surface, card, marks, rect.inflate(-2 * theme.gap, -theme.px(8)), taken, theme, book, language)


def _point(surface: pygame.Surface, centre: tuple[int, int], kind: str, theme: Theme) -> None:
    """A decision is a filled dot; the start a ring; a story event (a line's `meter`) a small hollow diamond."""
    palette, x, y = theme.palette, centre[0], centre[1]
    if kind == "decision":
        pygame.draw.circle(surface, palette.accent, centre, theme.px(6))
    elif kind == "start":
        pygame.draw.circle(surface, palette.panel, centre, theme.px(6))
        pygame.draw.circle(surface, palette.accent, centre, theme.px(6), max(2, theme.px(3)))
    else:
        size = theme.px(6)
        diamond = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
        pygame.draw.polygon(surface, palette.panel, diamond)
        pygame.draw.polygon(surface, palette.accent, diamond, max(2, theme.px(2)))


def _legend(surface: pygame.Surface, row: pygame.Rect, right: int, events: bool, theme: Theme, book: TextBook,
            language: str) -> None:
    """What the markers mean, right-aligned on the title's row; left out when the row has no room for it."""
    size = theme.font_px(14)
    entries = [("decision", t("chart_decisions", language))] + ([("event", t("chart_events", language))]
                                                                 if events else [])
    icon = theme.px(14)
    widths = [icon + theme.px(6) + book.width(text, size) for _, text in entries]
    total = sum(widths) + theme.gap * (len(entries) - 1)
    x = right - total
    if x < row.x:
        return
    for (kind, text), width in zip(entries, widths, strict=True):
        _point(surface, (x + icon // 2, row.centery), kind, theme)
        label = book.render(text, size, theme.palette.text_dim)
        surface.blit(label, label.get_rect(midleft=(x + icon + theme.px(6), row.centery)))
        x += width + theme.gap


def _level_lines(high: int) -> list[tuple[int, float]]:
    """(level, meter value) at the middle of each of the meter's seven levels."""
    return [(level, _middle(level) * high / 10) for level in range(-3, 4)]


def _middle(level: int) -> float:
    """Meter value (on -10..10) in the middle of a level's band: 0, 2.5, 5.5, 8.5 and their mirrors."""
    return {0: 0.0, 1: 2.5, 2: 5.5, 3: 8.5}[abs(level)] * (1 if level >= 0 else -1)


def _place(boxes: list[pygame.Rect], inside: pygame.Rect, taken: list[pygame.Rect], steps: list[int]) -> pygame.Rect:
    """The first of ``boxes`` (candidate spots), moved inside ``inside`` and up or down by ``steps``, that clears
    every ``taken`` box (compared by their middle band, where the letters are)."""
    def ink(rect: pygame.Rect) -> pygame.Rect:
        return rect.inflate(0, -rect.height // 4)

    for box in boxes:
        for step in steps:
            moved = box.move(0, step).clamp(inside)
            if not any(ink(moved).colliderect(ink(other)) for other in taken):
                return moved
    return boxes[0].clamp(inside)


def _mark(surface: pygame.Surface, card: Scorecard, xy: list, inside: pygame.Rect, taken: list[pygame.Rect],
          theme: Theme, book: TextBook, language: str) -> None:
    palette = theme.palette
    size = theme.px(11)
    tick = theme.font_px(14)
    height = book.line_height(tick)
    steps = [0, -height, height, -2 * height, 2 * height, -3 * height, 3 * height]
    if card.worst_moment is not None:
        x, y = xy[card.worst_moment.decision]
        pygame.draw.circle(surface, palette.bad, (x, y), size, theme.px(4))  # ringed like the last moment's point
        triangle = [(x - size, y - size * 2 - 4), (x + size, y - size * 2 - 4), (x, y - 4)]
        pygame.draw.polygon(surface, palette.bad, triangle)
        pygame.draw.polygon(surface, (20, 20, 20), triangle, 2)
        text = book.render(f"▼ {t('worst_moment', language)} ({signed(card.worst_moment.rating)})", tick, palette.bad,
                           bold=True)
        box = _place([text.get_rect(midbottom=(x, y - size * 2 - theme.px(6)))], inside, taken, steps)
        surface.blit(text, box)
        taken.append(box)
    if card.last_moment is not None:
        x, y = xy[card.last_moment.decision]
        pygame.draw.circle(surface, palette.focus, (x, y), size, theme.px(4))
        text = book.render(f"◎ {t('last_moment', language)} ({signed(card.last_moment.rating)})", tick, palette.text,
                           bold=True)
        gap = size + theme.px(6)
        spots = [text.get_rect(topright=(x - gap, y + gap)), text.get_rect(topleft=(x + gap, y + gap)),
                 text.get_rect(bottomright=(x - gap, y - gap)), text.get_rect(bottomleft=(x + gap, y - gap))]
        box = _place(spots, inside, taken, [-step for step in steps])
        surface.blit(text, box)
