"""Text laid out before it is drawn: blocks of wrapped lines with their container, and an audit.

The facilitator screens are read from the back of a room, so their text is never shrunk to fit
and never clipped: a screen measures every text block first (content-sized), arranges the blocks,
and only then draws them. Each drawn block is remembered, so a test can audit what was drawn:
every line inside its block, every block inside its container and the screen, no two blocks
overlapping, and no text below the size it promised.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

import pygame

from game.ui.text import TextBook

ROOM_FRACTION = 25  # body text on a projected screen: at least 1/25 of the screen height
LABEL_FRACTION = 40  # axis ticks and key hints: secondary labels, at least 1/40


def room_size(height: int) -> int:
    """The smallest body text a room can read on a screen ``height`` pixels high."""
    return math.ceil(height / ROOM_FRACTION)


def label_size(height: int) -> int:
    """The smallest secondary label (chart ticks, key hints) on a screen ``height`` pixels high."""
    return math.ceil(height / LABEL_FRACTION)


@dataclass
class TextBlock:
    """Wrapped lines at one size, placed at ``rect`` (exactly as tall as the lines) inside ``container``."""

    text: str
    lines: list[str]
    size: int
    rect: pygame.Rect
    container: pygame.Rect
    minimum: int
    colour: tuple = (255, 255, 255)
    bold: bool = False
    align: str = "left"  # left, center or right (each line within rect)


@dataclass
class Canvas:
    """A surface being drawn, and every text block drawn on it (for the audit)."""

    surface: pygame.Surface
    book: TextBook
    drawn: list[TextBlock] = field(default_factory=list)

    def draw(self, block: TextBlock) -> TextBlock:
        """Draw ``block``'s lines and remember it."""
        y = block.rect.y
        for line in block.lines:
            rendered = self.book.render(line, block.size, block.colour, block.bold)
            x = block.rect.x + _indent(block.align, block.rect.width - rendered.get_width())
            self.surface.blit(rendered, (x, y))
            y += self.book.line_height(block.size)
        self.drawn.append(block)
        return block


def _indent(align: str, room: int) -> int:
    """How far a line starts into its block, ``room`` being the block's width less the line's."""
    if align not in ("left", "center", "right"):
        raise ValueError(f"align must be left, center or right, not {align!r}")
    return {"left": 0, "center": room // 2, "right": room}[align]


def measure(book: TextBook, text: str, size: int, width: int, topleft: tuple[int, int], container: pygame.Rect,
            minimum: int, colour: tuple = (255, 255, 255), bold: bool = False, align: str = "left") -> TextBlock:
    """Wrap ``text`` at ``size`` into ``width`` and place it at ``topleft``; the block is as tall as its lines."""
    lines = book.wrap(text, size, max(1, width), bold)
    height = len(lines) * book.line_height(size)
    return TextBlock(text, lines, size, pygame.Rect(topleft, (width, height)), container, minimum, colour, bold,
                     align)


def one_line(book: TextBook, text: str, size: int, topleft: tuple[int, int], container: pygame.Rect, minimum: int,
             colour: tuple = (255, 255, 255), bold: bool = False) -> TextBlock:
    """A single unwrapped line, as wide as it renders."""
    width = book.width(text, size, bold)
    return TextBlock(text, [text], size, pygame.Rect(topleft, (width, book.line_height(size))), container, minimum,
                     colour, bold)


def sizes_down(start: int, floor: int) -> list[int]:
    """Sizes to try, from ``start`` down to ``floor`` in steps of about 6% (never below ``floor``)."""
    sizes, size = [], max(start, floor)
    while size > floor:
        sizes.append(size)
        size = max(floor, size - max(1, size // 16))
    return sizes + [floor]


def audit(blocks: list[TextBlock], book: TextBook, screen: pygame.Rect) -> list[str]:
    """Everything wrong with a drawn screen's text, as sentences (an empty list: the screen passes).

    Checks that every line fits its block's width, every block lies inside its container and the
    screen, every container lies inside the screen, no two blocks overlap, and no text is smaller
    than its block's promised minimum.
    """
    problems = []
    for block in blocks:
        name = repr(block.text[:40])
        if block.size < block.minimum:
            problems.append(f"{name} is drawn at {block.size}px, below the promised {block.minimum}px")
        for line in block.lines:
            if book.width(line, block.size, block.bold) > block.rect.width:
                problems.append(f"{name}: line {line[:30]!r} is wider than its block")
        if len(block.lines) * book.line_height(block.size) > block.rect.height:
            problems.append(f"{name}: its lines are taller than its block")
        if not block.container.contains(block.rect):
            problems.append(f"{name} at {tuple(block.rect)} leaves its container {tuple(block.container)}")
        if not screen.contains(block.container):
            problems.append(f"{name}'s container {tuple(block.container)} leaves the screen")
    for index, first in enumerate(blocks):
        for second in blocks[index + 1:]:
            if first.rect.colliderect(second.rect):
                problems.append(f"{first.text[:30]!r} overlaps {second.text[:30]!r}")
    return problems


def drawn_text(blocks: list[TextBlock]) -> str:
    """All text drawn, one block a line (for tests that check what the room can see)."""
    return "\n".join(block.text for block in blocks)


def fits(blocks: list[Optional[TextBlock]], bottom: int) -> bool:
    """True when every block ends above ``bottom``."""
    return all(block is None or block.rect.bottom <= bottom for block in blocks)
