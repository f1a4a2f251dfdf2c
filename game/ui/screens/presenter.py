"""Presenter notes: the node's notes, the model answer and every option's rating, in large type.

Drawn in the presenter window on a second display, or, on a single display, over the whole
projector view only after the facilitator confirmed it, under a banner saying the room sees it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import pygame

from game.ui.blocks import Canvas, measure, room_size, sizes_down
from game.ui.screens.projector import AMBER, background, QUALITY_TEXT, WHITE, quality, rating_words
from game.ui.strings import t
from game.ui.theme import Theme

NOTES_FRACTION = 30  # read by the facilitator at a few metres: at least 1/30 of the height


@dataclass
class NoteOption:
    """One option as the notes list it."""

    mark: str
    rating: int
    stage: str
    feedback: str


def notes_floor(height: int) -> int:
    """The smallest notes text on a surface ``height`` pixels high."""
    return math.ceil(height / NOTES_FRACTION)


def draw_notes(canvas: Canvas, theme: Theme, language: str, timer: str, notes: Optional[str],
               model_answer: Optional[str], options: list[NoteOption], to_room: bool) -> None:
    """Fill ``canvas`` with the notes; ``to_room`` adds the banner that says the room can see them."""
    surface, book = canvas.surface, canvas.book
    width, height = surface.get_size()
    surface.fill(background(theme))
    margin, gap = round(width * 0.04), max(4, round(height * 0.015))
    floor = room_size(height) if to_room else notes_floor(height)  # projected: read from the back row
    screen = surface.get_rect()
    texts: list[tuple[str, tuple, bool]] = []
    if to_room:
        texts.append((t("notes_visible", language), (255, 200, 120), True))
    texts.append((f"{t('presenter_notes', language)} · {timer}" if timer else t("presenter_notes", language), WHITE,
                  True))
    if notes:
        texts.append((notes, WHITE, False))
    if model_answer:
        texts.append((t("model_answer", language, text=model_answer), AMBER, False))
    texts.append((t("ratings", language), WHITE, True))
    for option in options:
        texts.append((f"{option.mark}  {rating_words(option.rating, language)} · {t(option.stage, language)} — "
                      f"{option.feedback}", QUALITY_TEXT[quality(option.rating)], False))
    start = max(round(theme.font_px(26) * height / theme.height), floor)
    for size in sizes_down(start, floor):
        blocks, y = [], margin // 2
        for text, colour, bold in texts:
            block = measure(book, text, size, width - 2 * margin, (margin, y), screen, floor, colour, bold)
            blocks.append(block)
            y = block.rect.bottom + gap
        if y - gap <= height - margin // 2:
            break
    if to_room:
        banner = blocks[0].rect.inflate(margin, gap)
        pygame.draw.rect(surface, (120, 30, 30), banner, border_radius=gap)
        blocks[0].container = screen
    for block in blocks:
        canvas.draw(block)
