"""The scorecard's summary and the debrief as rows for a :class:`~game.ui.scroll.Scroller`.

Every row is drawn whole at the size the settings ask for; a panel that cannot show all its rows
scrolls, with a scrollbar, instead of shrinking or clipping text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import pygame

from game.scorecard import DebriefEntry, Scorecard
from game.ui.layout import button_width
from game.ui.scroll import Row, paragraph_rows
from game.ui.strings import MOT_LABELS, SERVICE_LEVELS, t
from game.i18n import level_word, process_problems
from game.vocab import SERVICE_LEVEL_NAMES, signed
from game.ui.widgets import chip, rating_colour

if TYPE_CHECKING:
    from game.ui.app import App

def entry_top(theme) -> int:
    """The margin above a debrief entry's chips (its "what if" button sits below it)."""
    return theme.px(10)


GRADE_COLOURS = {"A": (46, 134, 84), "B": (38, 110, 128), "C": (200, 140, 40), "D": (200, 96, 40), "F": (190, 64, 54)}


def word_of_mouth(count: int, language: str) -> str:
    """How many people the customer tells, good or bad."""
    if count == 0:
        return t("tells_none", language)
    key = "tells_good" if count > 0 else "tells_bad"
    return t(f"{key}_one", language) if abs(count) == 1 else t(key, language, n=abs(count))


def service_colour(card: Scorecard, theme) -> tuple:
    """The service level's colour: the warning colour when no level was reached, the accent otherwise."""
    return theme.palette.bad if card.service_level == SERVICE_LEVEL_NAMES[0] else theme.palette.accent


def summary_rows(app: "App", card: Scorecard, width: int, room: int = 10 ** 6) -> list[Row]:
    """The grade, the score, the relationship, service level, word of mouth, process and stage scores.

    Each text is one row (a fact's label and value one row together), so a list ``room`` high never shows
    half of one; only a text taller than ``room`` is split, between whole lines.
    """
    theme, book, palette, language = app.theme, app.book, app.theme.palette, app.settings.language
    label_size, value_size = theme.font_px(14), theme.font_px(19)
    radius = max(theme.px(40), theme.font_px(60) * 3 // 4)

    def grade(surface, x, y):
        centre = (x + radius, y + radius)
        pygame.draw.circle(surface, GRADE_COLOURS[card.grade], centre, radius)
        letter = book.render(card.grade, theme.font_px(60), (255, 255, 255), bold=True)
        surface.blit(letter, letter.get_rect(center=centre))

    rows = [Row(2 * radius + theme.px(8), grade)]
    rows += paragraph_rows(book, f"{card.score:g} / 100  {t('score', language)}", theme.font_px(30), width,
                           palette.text, room, bold=True)
    facts = [
        (t("relationship", language), f"{signed(card.relationship)} {MOT_LABELS[language][card.relationship]}",
         rating_colour(card.relationship, theme)),
        (t("service_level", language), SERVICE_LEVELS[language][card.service_level], service_colour(card, theme)),
        (t("word_of_mouth", language), word_of_mouth(card.word_of_mouth, language),
         rating_colour(card.word_of_mouth, theme)),
    ]
    for index, (label, value, colour) in enumerate(facts):
        rows.append(Row(theme.px(6)))
        fact = paragraph_rows(book, label, label_size, width, palette.text_dim, room)
        fact += paragraph_rows(book, value, value_size, width, colour, room, bold=True)
        if index == len(facts) - 1:  # the word of mouth's figures go with it
            fact.append(Row(theme.px(30), _people_painter(app, card.word_of_mouth, width)))
        rows += joined(fact, room)
    problems = process_problems(card.out_of_order, card.skipped_stages, language)
    text = "\n".join(f"• {problem}" for problem in problems) or f"✓ {t('process_ok', language)}"
    heading = t("technique_score", language, score=f"{card.technique.score:g}")  # the second reading, apart
    rows += joined(paragraph_rows(book, heading, label_size, width, palette.text_dim, room)
                   + paragraph_rows(book, text, theme.small, width, palette.bad if problems else palette.good, room),
                   room)
    rows.append(Row(theme.px(8)))
    rows += paragraph_rows(book, t("stage_scores", language), label_size, width, palette.text_dim, room)
    label_width = max(book.width(t(s.stage, language), label_size) for s in card.stages) + theme.gap
    for stage in card.stages:
        rows.append(Row(book.line_height(label_size) + theme.px(6), _stage_painter(app, stage, label_width, width)))
    return rows


def joined(rows: list[Row], room: int) -> list[Row]:
    """``rows`` as one row painted top to bottom when together they fit in ``room``; else as they are."""
    height = sum(row.height for row in rows)
    if len(rows) < 2 or height > room:
        return rows

    def paint(surface, x, y):
        for row in rows:
            if row.paint is not None:
                row.paint(surface, x, y)
            y += row.height
    return [Row(height, paint, rows[0].group, rows[0].starts_group)]


def _people_painter(app: "App", count: int, width: int):
    theme = app.theme

    def paint(surface, x, y):
        """One small figure per person told."""
        colour = rating_colour(count, theme)
        step = theme.px(14)
        for index in range(min(abs(count), width // step)):
            cx = x + index * step + step // 2
            pygame.draw.circle(surface, colour, (cx, y + theme.px(6)), theme.px(4))
            pygame.draw.rect(surface, colour, (cx - theme.px(5), y + theme.px(11), theme.px(10), theme.px(12)),
                             border_radius=theme.px(3))
    return paint


def _stage_painter(app: "App", stage, label_width: int, width: int):
    theme, book, palette, language = app.theme, app.book, app.theme.palette, app.settings.language
    size = theme.font_px(14)

    def paint(surface, x, y):
        """The stage's name, a bar, and its subscore (or "skipped")."""
        surface.blit(book.render(t(stage.stage, language), size, palette.text), (x, y))
        if stage.subscore is None:
            text, colour = t("skipped", language), palette.bad
        else:
            text, colour = f"{stage.subscore:.0f}", palette.text
        value_width = max(book.width(t("skipped", language), size, bold=True), book.width("100", size, bold=True))
        bar = pygame.Rect(x + label_width, y + (book.line_height(size) - theme.px(14)) // 2,
                          max(theme.px(20), width - label_width - value_width - theme.px(12)), theme.px(14))
        pygame.draw.rect(surface, palette.panel_edge, bar, border_radius=theme.px(4))
        if stage.subscore is not None:
            filled = bar.copy()
            filled.width = round(bar.width * stage.subscore / 100)
            pygame.draw.rect(surface, palette.accent, filled, border_radius=theme.px(4))
        surface.blit(book.render(text, size, colour, bold=True), (bar.right + theme.px(8), y))
    return paint


def debrief_rows(app: "App", card: Scorecard, width: int, room: int = 10 ** 6) -> tuple[list[Row], dict[int, int]]:
    """Each decision as a group of rows: its chips, the choice, the feedback and the better choice missed.

    Each text is one row, so a list ``room`` high never shows half of one (only a text taller than ``room`` is
    split, between whole lines).

    Returns the rows and, per decision number, the index of the row where its "what if" button goes.
    """
    theme, book, palette, language = app.theme, app.book, app.theme.palette, app.settings.language
    rows: list[Row] = []
    anchors: dict[int, int] = {}
    inner = width - 2 * theme.gap
    what_if = button_width(app.book, theme, t("what_if", language), theme.small)
    for entry in card.debrief:
        chips = _chip_rows(app, entry, width, inner - what_if - theme.gap)
        anchors[entry.number] = len(rows)  # the entry's top margin and first chip row are one row: a page never
        rows += joined([Row(entry_top(theme), _entry_background(app, entry, width), entry.number, True), chips[0]],
                       10 ** 6) + chips[1:]  # ends on a bare strip of the next entry
        colours = {"choice": palette.text, "feedback": palette.text_dim, "better": palette.good}
        for text, kind in entry_texts(entry, language):
            for row in paragraph_rows(book, text, theme.small, inner, colours[kind], room, bold=kind == "choice",
                                      group=entry.number, indent=theme.gap):
                rows.append(Row(row.height, _behind(app, entry, width, row), entry.number))
        rows.append(Row(theme.px(10), _entry_background(app, entry, width), entry.number))
        rows.append(Row(theme.px(10)))
    return rows, anchors


def entry_texts(entry: DebriefEntry, language: str) -> list[tuple[str, str]]:
    """(text, kind) of an entry: the choice, its feedback, and the better choice missed."""
    texts = [(entry.choice, "choice"), (entry.feedback, "feedback")]
    if entry.best_missed:
        texts.append((t("better_choice", language, text=entry.best_missed), "better"))
    return texts


def _entry_background(app: "App", entry: DebriefEntry, width: int, height: int = 0):
    theme = app.theme

    def paint(surface, x, y, height=height):
        rect = pygame.Rect(x, y, width, height or theme.px(10))
        pygame.draw.rect(surface, (244, 240, 232) if not theme.high_contrast else (255, 255, 255), rect)
        pygame.draw.rect(surface, rating_colour(entry.rating, theme), (x, y, theme.px(6), rect.height))
    return paint


def _behind(app: "App", entry: DebriefEntry, width: int, row: Row):
    background = _entry_background(app, entry, width, row.height)

    def paint(surface, x, y):
        background(surface, x, y)
        row.paint(surface, x, y)
    return paint


def _chip_rows(app: "App", entry: DebriefEntry, width: int, room: int) -> list[Row]:
    """The entry's chips (decision, stage, rating) and meter change, wrapped into as many rows as needed."""
    theme, book, palette, language = app.theme, app.book, app.theme.palette, app.settings.language
    items = [(t("decision", language, n=entry.number), (90, 96, 110)),
             (t(entry.stage, language), palette.accent),
             (f"{signed(entry.rating)} {MOT_LABELS[language][entry.rating]}", rating_colour(entry.rating, theme)),
             (t("meter_change", language, before=level_word(entry.level_before, language),
                after=level_word(entry.level_after, language)), None)]
    lines: list[list[tuple[str, Optional[tuple]]]] = [[]]  # no fill: plain text between the chips
    used = 0
    for text, fill in items:
        item_width = book.width(text, theme.small, bold=True) + max(theme.px(16), theme.small) + theme.px(6)
        if lines[-1] and used + item_width > room:
            lines.append([])
            used = 0
        lines[-1].append((text, fill))
        used += item_width
    height = round(theme.small * 1.6) + theme.px(6)
    rows = []
    for line in lines:
        def paint(surface, x, y, line=line):
            _entry_background(app, entry, width, height)(surface, x, y)
            cx = x + theme.gap
            for text, fill in line:
                if fill is None:
                    rendered = book.render(text, theme.small, palette.text_dim)
                    surface.blit(rendered, (cx, y + (round(theme.small * 1.6) - rendered.get_height()) // 2))
                else:
                    cx = chip(surface, text, (cx, y), theme, book, fill, (255, 255, 255)).right + theme.px(6)
        rows.append(Row(height, paint, entry.number))
    return rows
