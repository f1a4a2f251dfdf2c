"""Layout by content: boxes sized to their text at one type size, paged when they do not fit.

The text size comes from the settings and is the same for every option of a decision; a box
grows to hold its text, and when a set of boxes does not fit its area the caller pages them
(or collapses something else), never shrinking one box's text. Screens in facilitator mode use
the same pieces.

The layout audit (tests/layout_audit.py) records every text box while a screen draws; a drawing
surface that supports it is told about containers through :func:`note_container`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui.text import TextBook
from game.ui.theme import Theme


def note_container(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """Tell a recording surface (the layout audit's) that ``rect`` is a box text must stay inside."""
    hook = getattr(surface, "note_container", None)
    if hook is not None:
        hook(pygame.Rect(rect))


@dataclass(frozen=True)
class Padding:
    """Space between a box's edge and its text."""

    x: int
    y: int


def option_padding(theme: Theme) -> Padding:
    """The padding of an option box: it grows with the text size so large text never touches the border."""
    return Padding(max(theme.gap, theme.body // 2), max(theme.px(8), theme.body // 3))


def hotkey_column(book: TextBook, hotkey: str, size: int) -> int:
    """Width of the column holding an option's number (0 without one)."""
    return book.width(f"{hotkey}  ", size, bold=True) if hotkey else 0


def label_lines(book: TextBook, label: str, hotkey: str, box_width: int, size: int, padding: Padding) -> list[str]:
    """The wrapped lines of a button label inside a box ``box_width`` wide (beside its number)."""
    width = box_width - 2 * padding.x - hotkey_column(book, hotkey, size)
    return book.wrap(label, size, max(size, width))


def box_height(book: TextBook, lines: int, size: int, padding: Padding) -> int:
    """Height of a box holding ``lines`` lines at ``size``."""
    return lines * book.line_height(size) + 2 * padding.y


@dataclass
class Stack:
    """Boxes stacked top to bottom, in pages that each fit the area."""

    rects: list[pygame.Rect] = field(default_factory=list)  # one per item, positioned within its page
    pages: list[list[int]] = field(default_factory=list)  # item indices per page

    def page_of(self, index: int) -> int:
        """The page showing item ``index``."""
        return next((number for number, items in enumerate(self.pages) if index in items), 0)

    def total_height(self, gap: int) -> int:
        """Height of all boxes stacked on one page."""
        return sum(rect.height for rect in self.rects) + gap * max(0, len(self.rects) - 1)


def stack_boxes(heights: list[int], area: pygame.Rect, gap: int, reserve: int = 0) -> Stack:
    """Stack boxes of ``heights`` in ``area``; when they do not all fit, page them, keeping ``reserve``
    pixels at the bottom of every page for the page indicator.

    A box taller than the area gets a page of its own (the caller must make that impossible or scroll).
    """
    stack = Stack()
    if sum(heights) + gap * max(0, len(heights) - 1) <= area.height:
        reserve = 0
    limit = area.height - reserve
    y = area.y
    page: list[int] = []
    for index, height in enumerate(heights):
        if page and y + height > area.y + limit:
            stack.pages.append(page)
            page, y = [], area.y
        stack.rects.append(pygame.Rect(area.x, y, area.width, height))
        page.append(index)
        y += height + gap
    if page or not stack.pages:
        stack.pages.append(page)
    return stack


def option_stack(book: TextBook, theme: Theme, labels: list[tuple[str, str]], area: pygame.Rect,
                 reserve: int = 0) -> tuple[Stack, list[list[str]]]:
    """Options ``(hotkey, label)`` laid out in ``area`` at the body size: each box as tall as its text."""
    size, padding = theme.body, option_padding(theme)
    lines = [label_lines(book, label, hotkey, area.width, size, padding) for hotkey, label in labels]
    heights = [box_height(book, len(wrapped), size, padding) for wrapped in lines]
    return stack_boxes(heights, area, theme.px(10), reserve), lines


def fits(book: TextBook, theme: Theme, labels: list[tuple[str, str]], area: pygame.Rect) -> bool:
    """True when all options fit ``area`` on one page."""
    stack, _ = option_stack(book, theme, labels, area)
    return len(stack.pages) == 1


def ellipsize(book: TextBook, text: str, size: int, width: int, bold: bool = False) -> str:
    """``text`` on one line no wider than ``width``, cut with "…" when it is longer (for recaps only:
    the whole text stays available elsewhere)."""
    text = " ".join(text.split())
    if book.width(text, size, bold) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if book.width(text[:middle].rstrip() + "…", size, bold) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip(" ,，、") + "…"


def recap_lines(book: TextBook, text: str, size: int, width: int, most: int) -> list[str]:
    """``text`` wrapped to ``width`` in at most ``most`` lines, the last cut with "…" when text is left over."""
    text = " ".join(text.split())
    lines = book.wrap(text, size, width)
    if len(lines) <= most:
        return lines
    kept = lines[:most - 1]
    start = 0
    for line in kept:  # where the last shown line starts in the text (wrapping drops the spaces it breaks at)
        start = text.find(line, start) + len(line)
    return kept + [ellipsize(book, text[start:].lstrip(), size, width)]


def button_height(book: TextBook, theme: Theme, label: str, width: int, size: int = 0) -> int:
    """Height of a command button ``width`` wide holding ``label`` at ``size`` (the body size by default)."""
    size = size or theme.body
    lines = book.wrap(label, size, max(size, width - 2 * theme.gap))
    return box_height(book, len(lines), size, Padding(theme.gap, theme.px(10)))


def button_width(book: TextBook, theme: Theme, label: str, size: int = 0) -> int:
    """Width of a one-line command button holding ``label``."""
    size = size or theme.body
    return book.width(label, size) + 2 * max(theme.gap, size // 2)


def stack_buttons(book: TextBook, theme: Theme, labels: list[str], x: int, y: int, width: int,
                  gap: int = 0) -> list[pygame.Rect]:
    """Rects for buttons stacked from (x, y), each as tall as its wrapped label."""
    gap = gap or theme.px(8)
    rects = []
    for label in labels:
        height = button_height(book, theme, label, width)
        rects.append(pygame.Rect(x, y, width, height))
        y += height + gap
    return rects


def button_row(book: TextBook, theme: Theme, labels: list[str], right: int, bottom: int, room: int,
               size: int = 0) -> list[pygame.Rect]:
    """Rects for one-line buttons side by side, right-aligned to ``right`` with their bottom at ``bottom``;
    buttons that do not fit in ``room`` go on rows above (the first label stays first)."""
    size = size or theme.body
    widths = [min(room, button_width(book, theme, label, size)) for label in labels]
    heights = [button_height(book, theme, label, width, size) for label, width in zip(labels, widths, strict=True)]
    rows: list[list[int]] = [[]]
    used = 0
    for index, width in enumerate(widths):
        if rows[-1] and used + theme.gap + width > room:
            rows.append([])
            used = 0
        rows[-1].append(index)
        used += width + (theme.gap if len(rows[-1]) > 1 else 0)
    rects: list[pygame.Rect] = [pygame.Rect(0, 0, 0, 0)] * len(labels)
    y = bottom
    for row in reversed(rows):
        height = max(heights[i] for i in row)
        y -= height
        x = right - sum(widths[i] for i in row) - theme.gap * (len(row) - 1)
        for index in row:
            rects[index] = pygame.Rect(x, y, widths[index], height)
            x += widths[index] + theme.gap
        y -= theme.gap
    return rects
