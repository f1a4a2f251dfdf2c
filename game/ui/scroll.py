"""Scrolling lists of rows that are shown whole (never clipped), with a scrollbar.

A screen turns its content into rows (a line of text, a row of chips, a gap); the scroller shows
the rows that fit from ``first`` on and draws a scrollbar beside them when there are more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import pygame

from game.ui.theme import Theme

Paint = Callable[[pygame.Surface, int, int], None]  # (surface, x, y)


@dataclass(frozen=True)
class Row:
    """One row: its height, how to paint it at (x, y), and the group (entry) it belongs to."""

    height: int
    paint: Optional[Paint] = None
    group: int = -1
    starts_group: bool = False


class Scroller:
    """Which rows are shown: from ``first`` on, as many as fit whole."""

    def __init__(self) -> None:
        self.first = 0

    @staticmethod
    def end(rows: list[Row], first: int, height: int) -> int:
        """Index after the last row that fits whole from ``first`` (at least one row)."""
        used, index = 0, first
        while index < len(rows) and (used + rows[index].height <= height or index == first):
            used += rows[index].height
            index += 1
        return index

    def last_start(self, rows: list[Row], height: int) -> int:
        """The smallest ``first`` that still fills the view to the last row."""
        used, index = 0, len(rows)
        while index > 0 and used + rows[index - 1].height <= height:
            used += rows[index - 1].height
            index -= 1
        return min(index, max(0, len(rows) - 1))

    def scrolls(self, rows: list[Row], height: int) -> bool:
        """True when the rows do not all fit in ``height``: the scroll keys then do something."""
        return self.last_start(rows, height) > 0

    def clamp(self, rows: list[Row], height: int) -> None:
        """Keep ``first`` within the rows."""
        self.first = max(0, min(self.first, self.last_start(rows, height)))

    def scroll(self, rows: list[Row], height: int, delta: int) -> None:
        """Move by ``delta`` rows."""
        self.first += delta
        self.clamp(rows, height)

    def show_last_group(self, rows: list[Row], height: int) -> None:
        """Open at the start of an entry (with its speaker): the earliest entry start from which the end shows,
        or the last entry's start when even that does not fit."""
        lowest = self.last_start(rows, height)
        starts = [i for i, row in enumerate(rows) if row.starts_group]
        fitting = [i for i in starts if i >= lowest]
        self.first = fitting[0] if fitting else (starts[-1] if starts else lowest)

    def draw(self, surface: pygame.Surface, rows: list[Row], area: pygame.Rect, theme: Theme) -> int:
        """Paint the visible rows in ``area`` and the scrollbar at its right edge; returns the end index."""
        end = self.end(rows, self.first, area.height)
        y = area.y
        for row in rows[self.first:end]:
            if row.paint is not None:
                row.paint(surface, area.x, y)
            y += row.height
        if self.first > 0 or end < len(rows):
            draw_scrollbar(surface, area, self.first, end, len(rows), theme)
        return end


def scrollbar_width(theme: Theme) -> int:
    """Room to keep free at the right of a scrolling area."""
    return theme.px(10) + theme.px(8)


def draw_scrollbar(surface: pygame.Surface, area: pygame.Rect, first: int, end: int, total: int,
                   theme: Theme) -> None:
    """A track and a thumb at the right edge of ``area`` showing which part of ``total`` rows is in view."""
    track = pygame.Rect(area.right - theme.px(10), area.y, theme.px(10), area.height)
    pygame.draw.rect(surface, theme.palette.panel_edge, track, border_radius=track.width // 2)
    top = track.y + track.height * first // max(1, total)
    bottom = track.y + track.height * end // max(1, total)
    thumb = pygame.Rect(track.x, top, track.width, max(theme.px(24), bottom - top))
    thumb.bottom = min(thumb.bottom, track.bottom)
    pygame.draw.rect(surface, theme.palette.accent, thumb, border_radius=track.width // 2)


def text_rows(book, text: str, size: int, width: int, colour: tuple, bold: bool = False, group: int = -1,
              indent: int = 0, first_starts: bool = False) -> list[Row]:
    """``text`` wrapped into rows at ``size``."""
    rows = []
    for index, line in enumerate(book.wrap(text, size, width - indent, bold)):
        def paint(surface, x, y, line=line):
            surface.blit(book.render(line, size, colour, bold), (x + indent, y))
        rows.append(Row(book.line_height(size), paint, group, first_starts and index == 0))
    return rows


def paragraph_rows(book, text: str, size: int, width: int, colour: tuple, room: int, bold: bool = False,
                   group: int = -1, indent: int = 0) -> list[Row]:
    """``text`` wrapped at ``size`` as one row, so a list never shows half of it; a paragraph taller than the
    list's ``room`` is split into as few rows as fit, each of whole lines."""
    lines = book.wrap(text, size, width - indent, bold)
    line = book.line_height(size)
    per_row = max(1, room // line)
    rows = []
    for start in range(0, len(lines), per_row):
        chunk = lines[start:start + per_row]

        def paint(surface, x, y, chunk=chunk):
            for index, words in enumerate(chunk):
                surface.blit(book.render(words, size, colour, bold), (x + indent, y + index * line))
        rows.append(Row(line * len(chunk), paint, group))
    return rows


def page(scroller: Scroller, rows: list[Row], height: int, direction: int) -> None:
    """PgDn/PgUp: show the next (or the previous) page, starting at an entry's first row when one is in reach,
    so a page never opens halfway through an entry that could be shown from its start."""
    first = scroller.first
    starts = [index for index, row in enumerate(rows) if row.starts_group]
    if direction > 0:
        end = Scroller.end(rows, first, height)
        ahead = [index for index in starts if first < index <= end]
        scroller.first = ahead[-1] if ahead else max(end, first + 1)
    else:
        used, index = 0, first
        while index > 0 and used + rows[index - 1].height <= height:
            used += rows[index - 1].height
            index -= 1
        behind = [start for start in starts if index <= start < first]
        scroller.first = behind[0] if behind else min(index, max(0, first - 1))
    scroller.clamp(rows, height)
