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
