"""Drawing pieces shared by the screens: panels, buttons, chips, the meter and the stage tracker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pygame

from game.ui.actions import Action
from game.ui.layout import Padding, hotkey_column, label_lines, note_container, option_padding
from game.ui.strings import t
from game.i18n import level_word
from game.vocab import STAGES, meter_level, signed
from game.ui.text import TextBook
from game.ui.theme import Theme

STAGE_GLYPHS = {"explore": "?", "offer": "+", "act": "→", "confirm": "◎"}  # a done stage shows ✓ instead


@dataclass
class Button:
    """A clickable area with a label; screens rebuild their buttons on every layout."""

    rect: pygame.Rect
    label: str
    action: Action
    hotkey: str = ""
    enabled: bool = True

    def hit(self, position: tuple[int, int]) -> bool:
        """True when ``position`` is inside an enabled button."""
        return self.enabled and self.rect.collidepoint(position)


def shade(surface: pygame.Surface, theme: Theme) -> None:
    """Darken the whole surface, for overlays."""
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill((0, 0, 0, theme.palette.shade_alpha))
    surface.blit(veil, (0, 0))


def panel(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, book: TextBook,
          fill: Optional[tuple] = None, edge: Optional[tuple] = None) -> pygame.Rect:
    """A rounded panel with a soft shadow (cached in ``book``) and an edge; returns the area painted."""
    palette = theme.palette
    painted = pygame.Rect(rect)
    if not theme.high_contrast:
        drop = theme.px(4)
        shadow = rect.move(0, drop)
        # the panel's opaque fill covers its shadow but for a band at the bottom (the drop and the
        # rounded corners): blit that band only (with a margin), not a translucent panel-sized surface
        band = min(rect.height, theme.radius + 2 * drop + 2)
        surface.blit(book.shadow(rect.size, theme.radius, band), (shadow.x, shadow.bottom - band))
        painted.union_ip(shadow)
    pygame.draw.rect(surface, fill or palette.panel, rect, border_radius=theme.radius)
    pygame.draw.rect(surface, edge or palette.panel_edge, rect, palette.edge_width, border_radius=theme.radius)
    note_container(surface, rect)
    return painted


def draw_button(surface: pygame.Surface, button: Button, theme: Theme, book: TextBook, focused: bool,
                hovered: bool, size: Optional[int] = None, primary: bool = False) -> None:
    """A button: filled when primary, outlined otherwise; a thick focus ring for keyboard users.

    The label is wrapped at ``size`` (the body size by default) and never shrunk: the screen sizes
    the button to its text (see :mod:`game.ui.layout`). An option's number hangs in its own column.
    """
    palette = theme.palette
    fill: tuple[int, ...] = palette.accent if primary else palette.panel
    colour = palette.accent_text if primary else palette.text
    if not button.enabled:  # unmistakable in both themes: a grey button with a light label
        fill, colour, focused = palette.neutral, (205, 205, 205), False
    if hovered and button.enabled and not primary:
        fill = tuple(min(255, c + 10) if sum(palette.panel) < 300 else max(0, c - 14) for c in palette.panel)
    pygame.draw.rect(surface, fill, button.rect, border_radius=theme.radius)
    edge = palette.focus if focused else palette.panel_edge
    pygame.draw.rect(surface, edge, button.rect, theme.px(4) if focused else palette.edge_width,
                     border_radius=theme.radius)
    note_container(surface, button.rect)
    size = size or theme.body
    padding = option_padding(theme) if button.hotkey else Padding(theme.gap, theme.px(4))
    lines = label_lines(book, button.label, button.hotkey, button.rect.width, size, padding)
    font_height = book.font(size).get_height()
    top = button.rect.centery - ((len(lines) - 1) * book.line_height(size) + font_height) // 2
    if len(lines) > 1:  # several lines start at the padding, like the layout measured them
        top = max(top, button.rect.y + padding.y - (font_height - book.line_height(size)) // 2)
    x = button.rect.x + padding.x
    if button.hotkey:
        surface.blit(book.render(button.hotkey, size, palette.focus if focused else colour, bold=True), (x, top))
        x += hotkey_column(book, button.hotkey, size)
    if len(lines) == 1 and not button.hotkey:  # a single-line command label is centred
        rendered = book.render(lines[0], size, colour)
        surface.blit(rendered, rendered.get_rect(center=button.rect.center))
        return
    book.draw_lines(surface, lines, size, colour, (x, top))


def chip(surface: pygame.Surface, text: str, topleft: tuple[int, int], theme: Theme, book: TextBook,
         fill: tuple, colour: tuple, size: Optional[int] = None) -> pygame.Rect:
    """A small rounded label; returns its rect."""
    size = size or theme.small
    rendered = book.render(text, size, colour, bold=True)
    rect = pygame.Rect(topleft, (rendered.get_width() + max(theme.px(16), size), round(size * 1.6)))
    pygame.draw.rect(surface, fill, rect, border_radius=rect.height // 2)
    note_container(surface, rect)
    surface.blit(rendered, rendered.get_rect(center=rect.center))
    return rect


def rating_colour(rating: int, theme: Theme) -> tuple:
    """Green for good moments, red for bad, grey for neutral."""
    return theme.palette.good if rating > 0 else theme.palette.bad if rating < 0 else theme.palette.neutral


def meter_extent(rect: pygame.Rect, theme: Theme, book: TextBook) -> pygame.Rect:
    """Where :func:`draw_meter` may paint for a meter in ``rect``, whatever its value (the marker
    overhangs the bar by a few pixels at either end)."""
    bar_top = rect.y + book.font(theme.small, bold=True).get_height() + theme.px(4)
    bottom = bar_top + theme.px(14) + theme.px(10) + theme.px(2)
    return pygame.Rect(rect.x - theme.px(10), rect.y, rect.width + 2 * theme.px(10), bottom - rect.y)


def draw_meter(surface: pygame.Surface, rect: pygame.Rect, value: float, expression: str, theme: Theme,
               book: TextBook, language: str, meter_range: tuple[int, int], parts: str = "all") -> pygame.Rect:
    """The satisfaction meter: a bar with ticks, a marker whose shape matches the mood, and a text label,
    so it reads without colour. Returns the area it painted.

    ``parts`` draws only the bar ("bar": it stays while the value moves) or only the label and the
    marker ("moving"; the label never overlaps the bar, so bar then the rest is the same picture)."""
    palette = theme.palette
    low, high = meter_range
    label = t("meter_label", language, mood=level_word(meter_level(value, high), language),
              value=signed(meter_level(value, high)))  # the same words and levels as the chart and the card
    rendered = book.render(label, theme.small, palette.accent_text if not theme.high_contrast else (255, 255, 255),
                           bold=True)
    bar = pygame.Rect(rect.x, rect.y + rendered.get_height() + theme.px(4), rect.width, theme.px(14))
    if parts != "moving":
        steps = 7
        for index in range(steps):  # a stepped bar from red to green; the steps carry meaning without colour too
            part = pygame.Rect(bar.x + bar.width * index // steps, bar.y, bar.width // steps - theme.px(2),
                               bar.height)
            blend = index / (steps - 1)
            colour = tuple(round(palette.bad[c] * (1 - blend) + palette.good[c] * blend) for c in range(3))
            pygame.draw.rect(surface, colour, part, border_radius=theme.px(3))
        if parts == "bar":
            return pygame.Rect(bar)
    painted = surface.blit(rendered, (rect.x, rect.y))
    position = bar.x + round((min(high, max(low, value)) - low) / (high - low) * (bar.width - theme.px(8))) \
        + theme.px(4)
    marker = [(position, bar.y - theme.px(3)), (position - theme.px(8), bar.bottom + theme.px(10)),
              (position + theme.px(8), bar.bottom + theme.px(10))]
    pygame.draw.polygon(surface, (255, 255, 255), marker)
    outline = pygame.draw.polygon(surface, (20, 20, 20), marker, theme.px(2))
    return painted.union(bar).union(outline)


def draw_stage_tracker(surface: pygame.Surface, topleft: tuple[int, int], covered: tuple[str, ...], theme: Theme,
                       book: TextBook, language: str) -> pygame.Rect:
    """Explore → offer → act → confirm chips; covered stages are filled and ticked."""
    x, y = topleft
    palette = theme.palette
    start = x
    height = 0
    for index, stage in enumerate(STAGES):
        done = stage in covered
        text = f"{'✓' if done else STAGE_GLYPHS[stage]} {t(stage, language)}"
        fill = palette.accent if done else (70, 78, 92) if not theme.high_contrast else (255, 255, 255)
        colour = palette.accent_text if done or not theme.high_contrast else (0, 0, 0)
        rect = chip(surface, text, (x, y), theme, book, fill, colour)
        if theme.high_contrast and not done:
            pygame.draw.rect(surface, (0, 0, 0), rect, 2, border_radius=rect.height // 2)
        height = rect.height
        x = rect.right + theme.px(6)
        if index < len(STAGES) - 1:
            arrow = book.render("›", theme.small, (230, 230, 230), bold=True)
            surface.blit(arrow, (x, y + (rect.height - arrow.get_height()) // 2))
            x += arrow.get_width() + theme.px(6)
    return pygame.Rect(start, y, x - start, height)


def draw_key_hint(surface: pygame.Surface, text: str, left: int, right: int, bottom: int, theme: Theme,
                  book: TextBook, most: int = 2) -> None:
    """Which key does what, in small dim text between ``left`` and ``right`` with its last line ending at
    ``bottom``; left out when it would take more than ``most`` lines (the buttons still say what they do)."""
    if right - left < theme.px(120):
        return
    lines = book.wrap(text, theme.small, right - left)
    if len(lines) > most:
        return
    top = bottom - book.text_height(len(lines), theme.small)
    colour = (255, 255, 255) if theme.high_contrast else (196, 206, 220)  # light on the dark screen background
    book.draw_lines(surface, lines, theme.small, colour, (left, top))
