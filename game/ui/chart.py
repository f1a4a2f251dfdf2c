"""The journey chart: the meter over the decisions, with the worst and the last moment marked.

Decisions are numbered dots on the x axis; a line's `meter` event (something that happens in the story,
not chosen by the player) is a small hollow diamond between them, explained by the legend."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from game.scorecard import Scorecard
from game.ui.strings import t
from game.ui.text import TextBook
from game.ui.theme import Theme
from game.ui.widgets import panel
from game.vocab import signed


LEVELS = (-3, 3)  # the chart's axis: the meter's seven levels, as every screen names them (docs/scoring.md 2)


@dataclass(frozen=True)
class MomentLabel:
    """A worst- or last-moment label: its text, colour and box, and the point it belongs to."""

    kind: str  # "worst" or "last"
    text: str
    colour: tuple
    box: pygame.Rect
    anchor: tuple[int, int]


@dataclass
class ChartLayout:
    """Where everything of a journey chart goes: the plot, the points, the axis labels and the moment labels."""

    plot: pygame.Rect
    area: pygame.Rect  # where the moment labels may go: the plot's band, clear of the axis labels
    points: list[tuple[int, int]]
    ticks: list[tuple[str, pygame.Rect]] = field(default_factory=list)
    labels: list[MomentLabel] = field(default_factory=list)
    clean: bool = True  # every moment label found a spot clear of the line, the points and each other
    reach: int = 0  # how far from its marker a moment label may sit and still read as beside it
    apart: int = 0  # how much nearer its own marker than the other moment's a label must be to read as its own


def journey_points(card: Scorecard) -> list[int]:
    """The customer's level (-3..3) at the start, after each decision and after each line's event: the same
    level the debrief and the play screen's meter name, so a point's height agrees with its word."""
    return [point.level for point in card.journey]


def plot_area(rect: pygame.Rect, theme: Theme, book: TextBook, headroom: int = 0) -> pygame.Rect:
    """Where the line is drawn inside the chart's ``rect``: below the title, right of the level labels,
    above the decision numbers, ``headroom`` above them for a moment label under a point at -3."""
    tick = theme.font_px(14)
    tick_width = book.width("+3", tick) + theme.px(8)
    label_row = book.line_height(tick)
    plot = pygame.Rect(rect.x + theme.gap + tick_width, rect.y + theme.px(8) + book.line_height(theme.font_px(18))
                       + label_row // 2 + theme.px(4), 0, 0)
    plot.width = rect.right - theme.gap - theme.px(12) - plot.x
    plot.height = rect.bottom - theme.px(8) - label_row - theme.px(4) - label_row // 2 - plot.y - headroom
    return plot


def label_area(rect: pygame.Rect, theme: Theme, book: TextBook) -> pygame.Rect:
    """Where the moment labels may go: from the title's row (beside the title; the legend gives way) down to
    above the decision numbers, right of the level labels, inside the panel. The title's row is the headroom a
    label needs over a point at +3."""
    plot = plot_area(rect, theme, book)
    top = rect.y + theme.px(8)
    bottom = plot.bottom + book.line_height(theme.font_px(14)) // 2  # the decision numbers' row starts below
    return pygame.Rect(plot.x, top, rect.right - theme.gap - plot.x, bottom - top)


def point_positions(card: Scorecard, plot: pygame.Rect) -> list[tuple[int, int]]:
    """Each journey point's centre: spaced evenly in story order (events too), at the height of its level."""
    return journey_xy([float(level) for level in journey_points(card)], plot, LEVELS)


def meter_y(value: float, plot: pygame.Rect, meter_range: tuple[int, int]) -> int:
    """The height of ``value`` in ``plot``: the range's top at the top, its bottom at the bottom."""
    low, high = meter_range
    return round(plot.bottom - (value - low) / (high - low) * plot.height)


def journey_xy(values: list[float], plot: pygame.Rect, meter_range: tuple[int, int],
               steps: int = 0) -> list[tuple[int, int]]:
    """The centres of a journey's ``values`` in ``plot``, ``steps`` apart across its width (0: as many steps as
    the journey has); every journey chart, a run's or the teams' overlaid, places its points so."""
    steps = steps or max(1, len(values) - 1)
    return [(plot.x + round(index * plot.width / steps), meter_y(value, plot, meter_range))
            for index, value in enumerate(values)]


def layout_chart(rect: pygame.Rect, card: Scorecard, theme: Theme, book: TextBook, language: str) -> ChartLayout:
    """Place the chart's points, axis labels and moment labels inside ``rect`` (nothing is drawn).

    When a moment label finds no spot clear of everything (the last point at -3 just after the worst one, or a
    label wider than the points are apart), the plot is laid out again with room for a label below -3, then
    with room right of the last point for the last moment's label, then with both.
    """
    chart = _layout_chart(rect, card, theme, book, language, 0, 0)
    label = book.line_height(theme.font_px(14))
    below = label + theme.px(11) + theme.px(6)  # a label's height and the ring's gap
    right = (book.width(f"◎ {t('last_moment', language)} (-3)", theme.font_px(14), bold=True)
             + theme.px(11) + theme.px(6))
    for headroom, right_room in ((label, 0), (below, 0), (0, right), (below, right)):
        if chart.clean:
            break
        roomier = _layout_chart(rect, card, theme, book, language, headroom, right_room)
        if roomier.clean:
            return roomier
    return chart


def _layout_chart(rect: pygame.Rect, card: Scorecard, theme: Theme, book: TextBook, language: str,
                  headroom: int, right_room: int) -> ChartLayout:
    plot = plot_area(rect, theme, book, headroom)
    plot.width -= right_room
    chart = ChartLayout(plot, label_area(rect, theme, book), point_positions(card, plot))
    tick = theme.font_px(14)
    title = pygame.Rect(rect.x + theme.gap, rect.y + theme.px(8), book.width(t("journey", language),
                        theme.font_px(18), bold=True), book.line_height(theme.font_px(18)))
    bands: list[pygame.Rect] = []
    for level in sorted(range(LEVELS[0], LEVELS[1] + 1), key=abs):  # 0 first, then every level with room
        box = pygame.Rect((0, 0), (book.width(signed(level), tick), book.line_height(tick)))
        box.midright = (plot.x - theme.px(8), meter_y(level, plot, LEVELS))
        band = pygame.Rect(box.x, box.centery - round(tick * 0.65), box.width, round(tick * 1.3))
        if not any(band.colliderect(other) for other in bands):
            bands.append(band)
            chart.ticks.append((signed(level), box))
    for index, point in enumerate(chart.points):
        kind = card.journey[index].kind
        number = card.journey[index].decision
        text = str(number) if number else t("chart_start", language) if kind == "start" else ""
        if text:  # the x axis names decisions (and the start); a story event is told by its marker
            box = pygame.Rect((0, 0), (book.width(text, tick), book.line_height(tick)))
            box.midtop = (point[0], chart.area.bottom + theme.px(4))
            box = box.clamp(rect.inflate(-theme.px(8), 0))
            if not any(box.colliderect(other) for _, other in chart.ticks):
                chart.ticks.append((text, box))
    chart.labels, chart.clean = moment_labels(card, chart, theme, book, language, title)
    return chart


def draw_journey(surface: pygame.Surface, rect: pygame.Rect, card: Scorecard, theme: Theme, book: TextBook,
                 language: str, chart: ChartLayout | None = None) -> ChartLayout:
    """Draw the chart inside ``rect`` (laid out by :func:`layout_chart` unless ``chart`` is given: a screen lays
    it out once, not every frame) and return where its parts went; markers differ in shape as well as colour,
    and every label stays next to its own marker, inside the plot, clear of the line and the axis."""
    palette = theme.palette
    panel(surface, rect, theme, book)
    title = book.render(t("journey", language), theme.font_px(18), palette.text, bold=True)
    surface.blit(title, (rect.x + theme.gap, rect.y + theme.px(8)))
    events = any(point.kind == "event" for point in card.journey)
    chart = chart or layout_chart(rect, card, theme, book, language)
    _legend(surface, pygame.Rect(rect.x + theme.gap + title.get_width() + 2 * theme.gap, rect.y + theme.px(8),
                                 0, title.get_height()), rect.right - theme.gap, events, theme, book,
            language, [label.box for label in chart.labels])
    plot, tick = chart.plot, theme.font_px(14)
    for level in range(LEVELS[0], LEVELS[1] + 1):
        y = meter_y(level, plot, LEVELS)
        pygame.draw.line(surface, palette.panel_edge, (plot.x, y), (plot.right, y), 2 if level == 0 else 1)
    for text, box in chart.ticks:
        surface.blit(book.render(text, tick, palette.text_dim), box)
    if len(chart.points) > 1:
        pygame.draw.lines(surface, palette.accent, False, chart.points, theme.px(4))
    for index, point in enumerate(chart.points):
        _point(surface, point, card.journey[index].kind, theme)
    _draw_moments(surface, chart, theme, book)
    return chart


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
            language: str, labels: list[pygame.Rect]) -> None:
    """What the markers mean, right-aligned on the title's row; left out when the row has no room for it or a
    moment's label sits there."""
    size = theme.font_px(14)
    entries = [("decision", t("chart_decisions", language))] + ([("event", t("chart_events", language))]
                                                                 if events else [])
    icon = theme.px(14)
    widths = [icon + theme.px(6) + book.width(text, size) for _, text in entries]
    total = sum(widths) + theme.gap * (len(entries) - 1)
    x = right - total
    if x < row.x or any(pygame.Rect(x, row.y, total, row.height).colliderect(box) for box in labels):
        return
    for (kind, text), width in zip(entries, widths, strict=True):
        _point(surface, (x + icon // 2, row.centery), kind, theme)
        label = book.render(text, size, theme.palette.text_dim)
        surface.blit(label, label.get_rect(midleft=(x + icon + theme.px(6), row.centery)))
        x += width + theme.gap




def _distance(box: pygame.Rect, point: tuple[int, int]) -> float:
    """How far ``point`` lies from ``box`` (0 inside it)."""
    dx = max(box.left - point[0], 0, point[0] - box.right)
    dy = max(box.top - point[1], 0, point[1] - box.bottom)
    return math.hypot(dx, dy)


def _spots(size: tuple[int, int], anchor: tuple[int, int], up: int, side: int, order: tuple[str, ...],
           step: int, area: pygame.Rect) -> list[pygame.Rect]:
    """Candidate boxes of ``size`` around ``anchor``: in ``order`` of preference, first right beside the marker,
    then pushed half a ``step`` to three steps further away from it; a box sticking out of ``area`` at the side
    is also tried slid back in (a label over the last point ends at the panel's edge)."""
    x, y = anchor
    places = {"above": ("midbottom", (x, y - up)), "below": ("midtop", (x, y + side)),
              "above_right": ("bottomleft", (x + side, y - side)), "above_left": ("bottomright", (x - side, y - side)),
              "below_right": ("topleft", (x + side, y + side)), "below_left": ("topright", (x - side, y + side)),
              "right": ("midleft", (x + side, y)), "left": ("midright", (x - side, y))}
    boxes = []
    for push in (0, step // 2, step, 2 * step, 3 * step):
        for name in order:
            corner, spot = places[name]
            box = pygame.Rect((0, 0), size)
            setattr(box, corner, spot)
            away = -push if name.startswith("above") else push
            moved = [box.move(0, away)] + ([box.move(0, -away)] if name in ("left", "right") and push else [])
            for candidate in moved:
                boxes.append(candidate)
                inside = candidate.clamp(pygame.Rect(area.x, candidate.y, area.width, candidate.height))
                if inside != candidate:
                    boxes.append(inside)
    return boxes


def _problems(box: pygame.Rect, own: tuple[int, int], chart: ChartLayout, taken: list[pygame.Rect],
              marks: list[tuple[int, int]], blocks: list[pygame.Rect], line: int) -> list[bool]:
    """What is wrong with ``box`` as a label of the marker at ``own``, most serious first: outside the plot's band,
    over another label or an axis label, nearer another moment's marker, further than ``chart.reach`` from its
    own, over the line, over a point, nearer another point."""
    own_distance = _distance(box, own)
    ink = box.inflate(line, line)
    segments = zip(chart.points, chart.points[1:], strict=False)
    return [not chart.area.contains(box),
            any(box.colliderect(other) for other in taken),
            any(_distance(box, mark) < own_distance + chart.apart for mark in marks if mark != own),
            own_distance > chart.reach,
            any(ink.clipline(start, end) for start, end in segments),
            any(box.colliderect(block) for block in blocks),
            any(_distance(box, point) < own_distance for point in chart.points if point != own)]


def _best_spot(spots: list[pygame.Rect], own: tuple[int, int], chart: ChartLayout, taken: list[pygame.Rect],
               marks: list[tuple[int, int]], blocks: list[pygame.Rect], line: int) -> pygame.Rect:
    """The first spot with nothing wrong, else the one whose problems are the least serious."""
    best, best_score = spots[0].clamp(chart.area), None
    for spot in spots:
        problems = _problems(spot, own, chart, taken, marks, blocks, line)
        if not any(problems):
            return spot
        score = [int(problem) for problem in problems]
        if best_score is None or score < best_score:
            best, best_score = spot, score
    return best if chart.area.contains(best) else best.clamp(chart.area)


def moment_labels(card: Scorecard, chart: ChartLayout, theme: Theme, book: TextBook, language: str,
                  title: pygame.Rect) -> tuple[list[MomentLabel], bool]:
    """The worst and the last moment's labels, each beside its own marker (the worst one above its triangle
    when there is room), inside the plot's band, clear of the line, the points, the axis and each other."""
    tick = theme.font_px(14)
    ring = theme.px(11)
    decisions = {p.decision: index for index, p in enumerate(card.journey) if p.decision is not None}
    wanted = []
    if card.worst_moment is not None:
        wanted.append(("worst", f"▼ {t('worst_moment', language)} ({signed(card.worst_moment.rating)})",
                       theme.palette.bad, card.worst_moment.decision, 2 * ring + theme.px(8),
                       ("above", "above_right", "above_left", "below", "below_right", "below_left", "right", "left")))
    if card.last_moment is not None:
        wanted.append(("last", f"◎ {t('last_moment', language)} ({signed(card.last_moment.rating)})",
                       theme.palette.text, card.last_moment.decision, ring + theme.px(6),
                       ("below_left", "below_right", "below", "above_left", "above_right", "above", "left", "right")))
    anchors = [chart.points[decisions.get(decision, 0)] for _, _, _, decision, _, _ in wanted]
    blocks = [pygame.Rect(x - ring - 2, y - ring - 2, 2 * ring + 4, 2 * ring + 4) for x, y in chart.points]
    if card.worst_moment is not None:  # the worst moment's triangle above its ring
        x, y = anchors[0]
        blocks.append(pygame.Rect(x - ring, y - 2 * ring - 4, 2 * ring, 2 * ring))
    taken = [box for _, box in chart.ticks] + [title]
    chart.reach = 2 * ring + theme.px(8) + book.line_height(tick)  # above the triangle, or a line's height off
    chart.apart = ring
    spots = []
    for (_, text, _, _, up, order), anchor in zip(wanted, anchors, strict=True):
        size = (book.width(text, tick, bold=True), book.line_height(tick))
        spots.append(_spots(size, anchor, up, ring + theme.px(6), order, size[1], chart.area))
    boxes, clean = _place_all(spots, anchors, chart, taken, blocks, theme.px(4))
    return [MomentLabel(kind, text, colour, box, anchor)
            for (kind, text, colour, *_), anchor, box in zip(wanted, anchors, boxes, strict=True)], clean


def _place_all(spots: list[list[pygame.Rect]], anchors: list[tuple[int, int]], chart: ChartLayout,
               taken: list[pygame.Rect], blocks: list[pygame.Rect], line: int) -> tuple[list[pygame.Rect], bool]:
    """A box for each label from its ``spots``: the first pair (or single spot) with nothing wrong, tried
    together so the first label does not take the second one's only good spot; else one after the other, each
    with its least serious problems."""
    def clean(box: pygame.Rect, anchor: tuple[int, int], others: list[pygame.Rect], strict: bool) -> bool:
        problems = _problems(box, anchor, chart, others, anchors, blocks, line)
        return not any(problems if strict else problems[:-1])  # at a pinch, nearer a plain point than its own

    for strict in (True, False):
        if len(spots) != 2:
            break
        for first in (box for box in spots[0] if clean(box, anchors[0], taken, strict)):
            second = next((box for box in spots[1] if clean(box, anchors[1], taken + [first], strict)), None)
            if second is not None:
                return [first, second], True
    boxes: list[pygame.Rect] = []
    for candidates, anchor in zip(spots, anchors, strict=True):
        boxes.append(_best_spot(candidates, anchor, chart, taken + boxes, anchors, blocks, line))
    return boxes, all(clean(box, anchor, taken + boxes[:index], False)
                      for index, (box, anchor) in enumerate(zip(boxes, anchors, strict=True)))


def _draw_moments(surface: pygame.Surface, chart: ChartLayout, theme: Theme, book: TextBook) -> None:
    """Ring the worst and the last moment's points (the worst one with a triangle over it) and write their
    labels."""
    palette, ring, tick = theme.palette, theme.px(11), theme.font_px(14)
    for label in chart.labels:
        x, y = label.anchor
        if label.kind == "worst":
            pygame.draw.circle(surface, palette.bad, (x, y), ring, theme.px(4))
            triangle = [(x - ring, y - ring * 2 - 4), (x + ring, y - ring * 2 - 4), (x, y - 4)]
            pygame.draw.polygon(surface, palette.bad, triangle)
            pygame.draw.polygon(surface, (20, 20, 20), triangle, 2)
        else:
            pygame.draw.circle(surface, palette.focus, (x, y), ring, theme.px(4))
    for label in chart.labels:
        surface.blit(book.render(label.text, tick, label.colour, bold=True), label.box)
