"""The debrief after a facilitated session, as projector pages: results, journeys, every decision, and
the scene's workshop plan (key decisions with model answers, the peer-review rubric).

Pages are measured for one screen size (the window, or the export size) and split where the text
runs out: rows are content-sized in projector type and never shrunk or clipped. Every page carries
the scenario, the date and the teams in its footer, so an exported page stands on its own.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Callable, Optional

import pygame

from game.ltext import pick
from game.ui.blocks import Canvas, measure, one_line
from game.ui.chart import LEVELS, journey_xy, meter_y
from game.ui.keymap import HINT_SEPARATOR, NO_BREAK_SPACE
from game.ui.screens.projector import AMBER, DIM, KEY_LINE_ALIGN, background, QUALITY_TEXT, WHITE, \
    projector_sizes, quality, rating_words
from game.ui.strings import t, team_name
from game.ui.theme import Theme
from game.vocab import meter_level, signed

TEAM_COLOURS = [(90, 190, 230), (250, 160, 70), (190, 150, 250), (120, 220, 140), (250, 120, 120), (220, 220, 220)]
SHAPES = ("circle", "square", "triangle", "diamond", "cross", "star")


@dataclass
class Page:
    """One page: its title and the things to draw below it (each draws itself onto a canvas)."""

    title: str
    parts: list[Callable[[Canvas], None]] = field(default_factory=list)
    kind: str = ""  # results, journeys, decisions, key or rubric


def _draw_row(make: Callable, y: int, args: tuple, canvas: Canvas) -> None:
    """Draw one row placed at ``y`` onto ``canvas`` (the rows measure and draw with one function)."""
    make(y, *args, canvas=canvas)


def marker(surface: pygame.Surface, shape: str, centre: tuple[int, int], size: int, colour: tuple) -> None:
    """A team's marker: the shape tells teams apart without colour."""
    x, y = centre
    if shape == "square":
        pygame.draw.rect(surface, colour, (x - size, y - size, 2 * size, 2 * size))
    elif shape == "triangle":
        pygame.draw.polygon(surface, colour, [(x, y - size), (x - size, y + size), (x + size, y + size)])
    elif shape == "diamond":
        pygame.draw.polygon(surface, colour, [(x, y - size), (x + size, y), (x, y + size), (x - size, y)])
    elif shape == "cross":
        pygame.draw.line(surface, colour, (x - size, y - size), (x + size, y + size), max(2, size // 2))
        pygame.draw.line(surface, colour, (x - size, y + size), (x + size, y - size), max(2, size // 2))
    elif shape == "star":
        points = [(x + (size if i % 2 == 0 else size * 0.45) * math.cos(-math.pi / 2 + i * math.pi / 5),
                   y + (size if i % 2 == 0 else size * 0.45) * math.sin(-math.pi / 2 + i * math.pi / 5))
                  for i in range(10)]
        pygame.draw.polygon(surface, colour, points)
    else:
        pygame.draw.circle(surface, colour, centre, size)


class DebriefBuilder:
    """Lays out the debrief pages of a finished session for one screen size."""

    def __init__(self, workshop, language: str, theme: Theme, book, keys_lines: int = 0):
        """``keys_lines``: room kept under the footer for the keys (or the export's status) on screen."""
        self.workshop, self.language, self.theme, self.book = workshop, language, theme, book
        sizes = projector_sizes(theme)
        self.size, self.floor, self.label = sizes.floor, sizes.floor, sizes.label
        self.screen = pygame.Rect(0, 0, theme.width, theme.height)
        self.margin = round(theme.width * 0.04)
        self.gap = theme.px(10)
        self.results = workshop.results()
        self.teams = [team_name(team, index, language) for index, team in enumerate(workshop.teams)]
        for row, shown in zip(self.results, self.teams, strict=True):  # default names follow the language
            row["team"] = shown
        self.header_bottom = self.margin // 2 + book.line_height(round(self.size * 1.2)) + self.gap
        width = theme.width - 2 * self.margin
        self.keys_top = theme.height - theme.px(4) - keys_lines * book.line_height(self.label)
        self.footer_top = self.keys_top - len(book.wrap(self._footer(99, 99), self.label, width)) * \
            book.line_height(self.label) - theme.px(4)
        self.area = pygame.Rect(self.margin, self.header_bottom, width, self.footer_top - self.header_bottom - self.gap)
        self.pad = round(self.size * 0.3)
        self.name_width = self._name_column_width()

    def _name_column_width(self) -> int:
        """The team-name column, sized by the widest name (between a quarter-ish and a third of the page);
        a longer name wraps inside it. Its right edge keeps a full line height clear of the next column."""
        widest = max((self.book.width(team, self.size, True) for team in self.teams), default=0)
        lead = 2 * self.pad + self.size  # the marker and its padding, left of the name
        wanted = lead + widest + self.column_gap
        return max(round(self.area.width * 0.18), min(round(self.area.width * 0.34), wanted))

    @property
    def column_gap(self) -> int:
        """The clear space between a team's name and its lines."""
        return self.book.line_height(self.size)

    def t(self, key: str, **values) -> str:
        return t(key, self.language, **values)

    # --- the pages ---------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        """Every page of the debrief, in order."""
        pages = self._flow(self.t("compare_title"), self._result_rows(), "results")
        pages.append(Page(self.t("journeys_title"), [self._chart], "journeys"))
        decisions = self._decision_rows() or [(self._text_row, (self.t("no_decisions"), WHITE, False))]
        pages += self._flow(self.t("decisions_title"), decisions, "decisions")  # never a blank page
        plan = self.workshop.program.workshop
        if plan is not None:
            for number, key in enumerate(plan.key_decisions, start=1):
                pages += self._flow(self.t("key_title", n=number, total=len(plan.key_decisions)),
                                    self._key_rows(key), "key")
            criteria = [(self._text_row, (f"{n}. {pick(c, self.language)}", WHITE, False))
                        for n, c in enumerate(plan.rubric, start=1)]
            pages += self._flow(self.t("rubric_title"), [(self._heading_row, (self.t("rubric_intro"), AMBER, False))]
                                + criteria, "rubric")
        return pages

    def _flow(self, title: str, rows: list[tuple[Callable, tuple]], kind: str) -> list[Page]:
        """Place rows top to bottom, starting a new page (same title, "continued") where one runs out; a heading
        (:meth:`_heading_row`) goes with the row after it, never alone at the bottom of a page."""
        pages = [Page(title, kind=kind)]
        y = self.area.y
        for index, (make, args) in enumerate(rows):
            height = make(y, *args, measure_only=True)
            needed = height
            if make == self._heading_row and index + 1 < len(rows):
                after, after_args = rows[index + 1]
                needed += self.gap + after(y, *after_args, measure_only=True)
            if y + needed > self.area.bottom and pages[-1].parts:
                pages.append(Page(f"{title} {self.t('continued')}", kind=kind))
                y = self.area.y
            pages[-1].parts.append(functools.partial(_draw_row, make, y, args))
            y += height + self.gap
        return pages

    # --- rows (each returns its height; draws when given a canvas) ----------------------------

    def _text_row(self, y: int, text: str, colour: tuple, bold: bool, measure_only: bool = False,
                  canvas: Optional[Canvas] = None) -> int:
        block = measure(self.book, text, self.size, self.area.width, (self.area.x, y), self.screen, self.floor,
                        colour, bold)
        if canvas is not None:
            canvas.draw(block)
        return block.rect.height

    def _heading_row(self, y: int, text: str, colour: tuple, bold: bool, measure_only: bool = False,
                     canvas: Optional[Canvas] = None) -> int:
        """A text row that heads the rows after it (a decision's number, a key decision's question)."""
        return self._text_row(y, text, colour, bold, measure_only, canvas)

    def _team_row(self, y: int, index: int, lines: list[tuple[str, tuple, bool]], measure_only: bool = False,
                  canvas: Optional[Canvas] = None) -> int:
        """A team's marker and name in the first column, then its lines (choice, rating, ending...)."""
        book, theme = self.book, self.theme
        row = self.results[index]
        pad, name_width = self.pad, self.name_width
        name = measure(book, row["team"], self.size, name_width - 2 * pad - self.size - self.column_gap,
                       (self.area.x + 2 * pad + self.size, y + pad), self.screen, self.floor, TEAM_COLOURS[index % 6],
                       bold=True)
        x = self.area.x + name_width
        blocks = [name]
        top = y + pad
        for text, colour, bold in lines:
            block = measure(book, text, self.size, self.area.right - x - pad, (x, top), self.screen, self.floor,
                            colour, bold)
            blocks.append(block)
            top = block.rect.bottom
        rect = pygame.Rect(self.area.x, y, self.area.width, max(b.rect.bottom for b in blocks) + pad - y)
        if canvas is not None:
            pygame.draw.rect(canvas.surface, (24, 34, 52), rect, border_radius=theme.radius)
            marker(canvas.surface, SHAPES[index % 6], (self.area.x + pad + self.size // 2,
                                                       name.rect.y + book.line_height(self.size) // 2),
                   self.size // 2 - 1, TEAM_COLOURS[index % 6])
            for block in blocks:
                block.container = rect
                canvas.draw(block)
        return rect.height

    def _result_rows(self) -> list[tuple[Callable, tuple]]:
        rows = []
        for index, row in enumerate(self.results):
            if "score" in row:
                lines = [(self.t("ending_label", title=row["ending_title"]), WHITE, True),
                         (self.t("score_line", score=f"{row['score']:g}", grade=row["grade"]), AMBER, False)]
            else:
                lines = [(self.t("not_finished"), DIM, False)]
            rows.append((self._team_row, (index, lines)))
        return rows

    def _choice_lines(self, decision: dict) -> list[tuple[str, tuple, bool]]:
        rating = decision["rating"]
        tags = []
        if decision.get("key"):
            tags.append(self.t("key_tag"))
        if decision.get("tie"):
            tags.append(self.t("tie_tag"))
        words = rating_words(rating, self.language) + (f" · {' · '.join(tags)}" if tags else "")
        return [(f"{decision['chosen']} · {self._option_text(decision)}", WHITE, False),
                (words, QUALITY_TEXT[quality(rating)], True)]

    def _option_text(self, decision: dict) -> str:
        """The option's words in the screen's language (the record keeps the session's language)."""
        node = self.workshop.program.nodes.get(decision["node"])
        choice = next((c for c in node.choices if c.id == decision["choice_id"]), None) if node else None
        return pick(choice.text, self.language) if choice is not None else decision["choice_text"]

    def _decision_rows(self) -> list[tuple[Callable, tuple]]:
        longest = max((len(row["decisions"]) for row in self.results), default=0)
        rows: list[tuple[Callable, tuple]] = []
        for number in range(longest):
            rows.append((self._heading_row, (self.t("decision", n=number + 1), AMBER, True)))
            for index, row in enumerate(self.results):
                if number < len(row["decisions"]):
                    rows.append((self._team_row, (index, self._choice_lines(row["decisions"][number]))))
        return rows

    def _key_rows(self, key) -> list[tuple[Callable, tuple]]:
        rows: list[tuple[Callable, tuple]] = [
            (self._heading_row, (pick(key.question, self.language), WHITE, True)),
            (self._text_row, (self.t("model_answer", text=pick(key.model_answer, self.language)), AMBER, False))]
        for index, row in enumerate(self.results):
            taken = [d for d in row["decisions"] if d["node"] == key.node]
            lines = self._choice_lines(taken[0]) if taken else [(self.t("not_reached"), DIM, False)]
            rows.append((self._team_row, (index, lines)))
        return rows

    # --- the journeys chart ------------------------------------------------------------------

    def _chart(self, canvas: Canvas) -> None:
        """Every team's satisfaction over its decisions, overlaid: labelled axes, a legend with shapes.

        Points are the customer's level (-3..+3), as on a trainee's scorecard and the projector's meter, so a
        height means the same word on every screen (docs/scoring.md section 2), not the raw meter.
        """
        book, theme, surface = self.book, self.theme, canvas.surface
        meter_max = self.workshop.program.meter_max
        low, high = LEVELS
        legend_width = round(self.area.width * 0.26)
        tick = self.label
        y_title = one_line(book, self.t("axis_satisfaction"), tick, (self.area.x, self.area.y), self.screen, tick,
                           DIM, bold=True)
        tick_width = max(book.width(signed(v), tick) for v in (low, high))
        half = book.line_height(tick) // 2 + theme.px(4)  # tick labels are centred on their lines: keep clear
        plot = pygame.Rect(self.area.x + tick_width + self.gap, y_title.rect.bottom + half,
                           self.area.width - legend_width - tick_width - 3 * self.gap, 0)
        x_title = one_line(book, self.t("axis_decision"), tick, (0, 0), self.screen, tick, DIM, bold=True)
        plot.height = self.area.bottom - plot.y - half - 2 * book.line_height(tick)
        x_title.rect.topright = (plot.right, plot.bottom + half + book.line_height(tick))
        canvas.draw(y_title)
        canvas.draw(x_title)
        longest = max((len(row["journey"]) for row in self.results), default=2) - 1 or 1

        pygame.draw.line(surface, DIM, plot.bottomleft, plot.topleft, 2)
        for value in range(low, high + 1):
            y = meter_y(value, plot, (low, high))
            pygame.draw.line(surface, (70, 84, 104), (plot.x, y), (plot.right, y), 3 if value == 0 else 1)
            label = one_line(book, signed(value), tick, (0, 0), self.screen, tick, DIM)
            label.rect.midright = (plot.x - self.gap // 2, y)
            canvas.draw(label)
        for index, (x, _) in enumerate(journey_xy([low] * (longest + 1), plot, (low, high), longest)):
            label = one_line(book, self.t("start_tick") if index == 0 else str(index), tick, (0, 0), self.screen,
                             tick, DIM)
            label.rect.midtop = (x, plot.bottom + half)
            label.rect.clamp_ip(pygame.Rect(plot.x - tick_width, plot.bottom + half, plot.width + 2 * tick_width,
                                            label.rect.height))
            canvas.draw(label)
        for number, row in enumerate(self.results):
            colour, shape = TEAM_COLOURS[number % 6], SHAPES[number % 6]
            levels = [float(meter_level(value, meter_max)) for value in row["journey"]]
            points = journey_xy(levels, plot, (low, high), longest)
            if len(points) > 1:
                pygame.draw.lines(surface, colour, False, points, theme.px(4))
            for spot in points:
                marker(surface, shape, spot, theme.px(9), colour)
        y = plot.y
        legend_x = self.area.right - legend_width + self.gap
        for number, row in enumerate(self.results):
            name = measure(book, row["team"], self.size, legend_width - self.gap - self.size * 2,
                           (legend_x + self.size * 2, y), self.screen, self.floor, TEAM_COLOURS[number % 6], True)
            marker(surface, SHAPES[number % 6], (legend_x + self.size // 2 + 2, y + book.line_height(self.size) // 2),
                   self.size // 2, TEAM_COLOURS[number % 6])
            canvas.draw(name)
            y = name.rect.bottom + self.gap

    # --- drawing a page ----------------------------------------------------------------------

    def draw(self, canvas: Canvas, page: Page, number: int, total: int, hint: str = "", status: str = "") -> None:
        """Draw ``page`` with its title and the footer (scenario, date, teams, page number), and on screen the
        keys (``hint``) after what the last export did (``status``)."""
        theme, book = self.theme, self.book
        canvas.surface.fill(background(theme))
        title = measure(book, page.title, round(self.size * 1.2), self.area.width, (self.margin, self.margin // 2),
                        self.screen, self.floor, WHITE, bold=True)
        canvas.draw(title)
        for part in page.parts:
            part(canvas)
        line = measure(book, self._footer(number, total), self.label, self.area.width,
                       (self.margin, self.footer_top), self.screen, self.label, DIM)
        canvas.draw(line)
        # what the export did and the keys, in the room kept for them under the footer; when both do not fit
        # there, what the export did (the keys come back with the next key)
        shown = [HINT_SEPARATOR.join(part for part in (status, hint) if part)] + ([status] if status else [])
        for text in shown if hint or status else []:
            keys = measure(book, text, self.label, self.area.width, (self.margin, self.keys_top), self.screen,
                           self.label, DIM, align=KEY_LINE_ALIGN)
            if keys.rect.bottom <= theme.height and not keys.rect.colliderect(line.rect):
                canvas.draw(keys)
                break

    def _footer(self, number: int, total: int) -> str:
        """Scenario, date, teams and page number: an exported page stands on its own. The facts are entries of
        a list (as in a key hint), so the footer breaks between them, and the page number is never split."""
        workshop = self.workshop
        page = self.t("footer_page", page=number, total=total).replace(" ", NO_BREAK_SPACE)
        return HINT_SEPARATOR.join([pick(workshop.program.title, self.language), workshop.started,
                                    self.t("footer_teams", teams=", ".join(self.teams)), page])
