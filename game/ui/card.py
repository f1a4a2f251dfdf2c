"""The card beside the picture on the play screen: the coaching after a choice, or the ending.

No options are shown beside the picture while a card is, so the card takes the room they would: from the
top bar down to the line's box, and from a gap right of the person's figure to the window's margin (a
counter scene's figure is a 3:4 bust narrower than its picture, with backdrop on either side). The chips
(the rating and the stage) share the title's row when they fit there, and the page indicator is drawn
only on a paged card: at large text sizes every row of text the card keeps is a row less to page through.
The chips are at the size of the top bar's stage chips (the stage chip on the card names one of those).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.ltext import pick
from game.ui import art, phone
from game.ui.pagebreak import paginate
from game.ui.strings import MOT_LABELS, t
from game.ui.widgets import chip, panel, rating_colour
from game.vocab import signed

if TYPE_CHECKING:
    from game.run import Coaching
    from game.ui.app import App

@dataclass(frozen=True)
class CardText:
    """A card beside the picture (coaching or an ending): a title, optional chips, and pages of text.

    Attributes:
        title: The title's lines.
        chips: Each chip's label and fill colour.
        chip_rows: The rows the chips take under the title: 0 when they sit on the title's row (or there
            are none).
        pages: The text's lines, page by page.
    """

    title: list[str]
    chips: list[tuple[str, tuple]]
    chip_rows: int
    pages: list[list[str]]


def card_area(app: "App", picture: pygame.Rect, beside: pygame.Rect) -> pygame.Rect:
    """Where a card goes: the options' area ``beside`` the ``picture``, widened leftwards up to a gap right
    of the person's figure (a phone call's card fills its picture: then ``beside`` as it is)."""
    if phone.is_phone(app):
        return pygame.Rect(beside)
    left = min(beside.left, art.figure_box(picture).right + app.theme.gap)
    return pygame.Rect(left, beside.top, beside.right - left, beside.height)


def play_card(app: "App", view: Any, coaching: Optional["Coaching"], area: pygame.Rect) -> CardText:
    """The play screen's card in ``area``: the ``coaching`` after a choice (its feedback, and the better choice
    that was open), else the ending of ``view`` (the run's view of its node)."""
    language = app.settings.language
    if coaching is not None:
        text = pick(coaching.feedback, language)
        if coaching.better is not None:
            text += "\n" + t("better_choice", language, text=pick(coaching.better, language))
        return card_text(app, t("coaching", language), text, area, rating=coaching.rating, stage=coaching.stage)
    return card_text(app, view.ending_title, view.ending_text, area)


def card_text(app: "App", title: str, text: str, area: pygame.Rect, rating: Optional[int] = None,
              stage: Optional[str] = None) -> CardText:
    """Wrap a card's title and text for a card in ``area`` (as wide, at most as tall); page the text when it
    does not fit (each page then keeps a line for the page indicator, and ends at a paragraph's or a sentence's
    end when one is near: :func:`game.ui.pagebreak.paginate`)."""
    theme, book, language = app.theme, app.book, app.settings.language
    inner = area.width - 2 * theme.gap
    title_font = theme.font_px(24)
    title_lines = book.wrap(title, title_font, inner, bold=True)
    chips: list[tuple[str, tuple]] = []
    rows = 0
    if rating is not None and stage is not None:
        chips = [(f"{signed(rating)}  {MOT_LABELS[language][rating]}", rating_colour(rating, theme)),
                 (t(stage, language), theme.palette.accent)]
        row = sum(_chip_width(app, label) for label, _ in chips) + theme.px(8) * (len(chips) - 1)
        beside_title = book.width(title_lines[0], title_font, bold=True) + theme.gap + row <= inner
        rows = 0 if len(title_lines) == 1 and beside_title else 1 if row <= inner else 2
    lines = book.wrap(text, theme.body, inner)
    line = book.line_height(theme.body)
    room = area.height - card_header(app, len(title_lines), rows, bool(chips)) - 2 * theme.gap
    if len(lines) * line <= room:
        return CardText(title_lines, chips, rows, [lines])
    room -= indicator_height(app)  # paged: each page keeps room for the indicator under it
    pages = paginate(text, max(1, room // line), lambda piece: book.wrap(piece, theme.body, inner))
    return CardText(title_lines, chips, rows, pages)


def _chip_width(app: "App", label: str) -> int:
    """A chip's width on the card (see :func:`game.ui.widgets.chip`)."""
    theme = app.theme
    return app.book.width(label, theme.small, bold=True) + max(theme.px(16), theme.small)


def card_header(app: "App", title_lines: int, chip_rows: int, chips: bool = False) -> int:
    """Height of a card's title and chips (``chips``: there are some; on the title's row when
    ``chip_rows`` is 0)."""
    theme, book = app.theme, app.book
    title = title_lines * book.line_height(theme.font_px(24))
    chip_height = round(theme.small * 1.6)
    if chips and not chip_rows:
        return max(title, chip_height) + theme.px(8)
    return title + theme.px(8) + chip_rows * (chip_height + theme.px(8))


def indicator_height(app: "App") -> int:
    """Height of the "more" line under a paged card."""
    return app.book.line_height(app.theme.font_px(14)) + app.theme.px(4)


def card_box(app: "App", card: CardText, area: pygame.Rect) -> pygame.Rect:
    """The box :func:`draw_card` draws ``card`` in, at the top of ``area`` (as tall as its longest page)."""
    theme = app.theme
    paged = len(card.pages) > 1
    height = card_header(app, len(card.title), card.chip_rows, bool(card.chips)) + 2 * theme.gap \
        + max(len(p) for p in card.pages) * app.book.line_height(theme.body) + (indicator_height(app) if paged else 0)
    return pygame.Rect(area.x, area.y, area.width, height)


def draw_card(surface: pygame.Surface, app: "App", card: CardText, area: pygame.Rect, page: int,
              turns: bool = True) -> pygame.Rect:
    """Draw ``card`` at the top of ``area``, showing text page ``page``; returns the area painted. A paged
    card says which page it shows, and that Space turns it only when Space does (``turns``: not while the
    line under it has pages still to read, which Space turns first)."""
    theme, book, palette = app.theme, app.book, app.theme.palette
    lines = card.pages[page]
    paged = len(card.pages) > 1
    box = card_box(app, card, area)
    edge = card.chips[0][1] if card.chips else palette.accent
    painted = panel(surface, box, theme, book, edge=edge)
    x, y = box.x + theme.gap, box.y + theme.gap
    y = _draw_header(surface, app, card, box, (x, y))
    book.draw_lines(surface, lines, theme.body, palette.text, (x, y))
    if paged:
        last = page == len(card.pages) - 1  # the last page says where it is, not that more follows
        key = "card_more" if turns and not last else "card_last"
        more = t(key, app.settings.language, page=page + 1, pages=len(card.pages))
        rendered = book.render(more, theme.font_px(14), palette.text_dim)
        surface.blit(rendered, (box.right - theme.gap - rendered.get_width(),
                                box.bottom - theme.gap - book.line_height(theme.font_px(14))))
    return painted


def _draw_header(surface: pygame.Surface, app: "App", card: CardText, box: pygame.Rect,
                 topleft: tuple[int, int]) -> int:
    """The card's title and chips from ``topleft``; returns where its text starts."""
    theme, book, palette = app.theme, app.book, app.theme.palette
    x, y = topleft
    title_font, chip_height = theme.font_px(24), round(theme.small * 1.6)
    if card.chips and not card.chip_rows:  # one row: the title, then the chips, centred on it
        row = card_header(app, len(card.title), 0, True) - theme.px(8)
        title_height = book.line_height(title_font)
        book.draw_lines(surface, card.title, title_font, palette.text, (x, y + (row - title_height) // 2), bold=True)
        chip_x, chip_y = x + book.width(card.title[0], title_font, bold=True) + theme.gap, y + (row - chip_height) // 2
        for label, fill in card.chips:
            chip_x = chip(surface, label, (chip_x, chip_y), theme, book, fill, (255, 255, 255)).right + theme.px(8)
        return y + row + theme.px(8)
    y = book.draw_lines(surface, card.title, title_font, palette.text, (x, y), bold=True) + theme.px(8)
    chip_x = x
    for label, fill in card.chips:
        width = _chip_width(app, label)
        if chip_x > x and chip_x + width > box.right - theme.gap:
            chip_x, y = x, y + chip_height + theme.px(8)
        rect = chip(surface, label, (chip_x, y), theme, book, fill, (255, 255, 255))
        chip_x = rect.right + theme.px(8)
    if card.chips:
        y += chip_height + theme.px(8)
    return y
