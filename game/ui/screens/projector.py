"""Drawing the projector view of facilitator mode: content-sized, never shrunk per option, never clipped.

Every option of a decision uses one type size, at least 1/25 of the screen height. The screen tries
the arrangement with the line above the options at sizes from its design size down to that floor,
then the line beside the options, then the options alone; the first arrangement whose every block
fits is drawn. A decision whose line would be left out gets a reading page first (the line alone,
:meth:`ProjectorPainter.keeps_line`), so the room has read it before the options and the vote appear.
Ratings and coaching are drawn only once the room's vote is revealed, coloured by the choice's quality
and said in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import pygame

from game.ui import art
from game.ui.blocks import Canvas, TextBlock, measure, one_line, room_size, sizes_down
from game.ui.phone import draw_call_picture
from game.ui.strings import MOT_LABELS, t
from game.i18n import level_word
from game.vocab import meter_level, signed
from game.ui.theme import Theme
from game.workshop import letter

if TYPE_CHECKING:
    from game.ui.app import App

PROJECTOR_BG = (12, 18, 30)
ROW_FILL = (28, 38, 56)
ROW_EDGE = (70, 84, 104)
WHITE = (255, 255, 255)
AMBER = (250, 214, 120)
SPEAKER = (240, 170, 110)
DIM = (170, 184, 204)
# quality colours on the dark projector background (light enough to read as text), and as fills
QUALITY_TEXT = {"good": (130, 224, 160), "bad": (255, 140, 128), "neutral": (214, 214, 224)}
QUALITY_FILL = {"good": (36, 110, 70), "bad": (150, 52, 46), "neutral": (84, 88, 100)}
# The keys at the bottom of a screen start at its left margin, under the text they belong to, on every screen
# (title, briefing, scorecard, settings, and the facilitator's set-up, projector and debrief pages); only the
# play screen's hint sits at the right inside the line's box, beside the line it turns.
KEY_LINE_ALIGN = "left"


def background(theme: Theme) -> tuple:
    """The projected screens' background: black in the high-contrast theme."""
    return (0, 0, 0) if theme.high_contrast else PROJECTOR_BG


def quality(rating: int) -> str:
    """good, bad or neutral: what the reveal colours and says."""
    return "good" if rating > 0 else "bad" if rating < 0 else "neutral"


def rating_words(rating: int, language: str) -> str:
    """A rating in words, for rooms that cannot tell the colours apart: "+2 Exceeded expectations"."""
    return f"{signed(rating)} {MOT_LABELS[language][rating]}"


@dataclass
class Option:
    """One option row as the projector shows it."""

    number: int
    text: str
    votes: int
    rating: Optional[int] = None  # None until the reveal
    chosen: bool = False
    selected: bool = False


@dataclass
class Sizes:
    """Type sizes of one projector frame."""

    body: int
    floor: int
    label: int
    timer: int


class Projected:
    """Mixed into a facilitator screen, read from the back of the room: a toast over it is at least the size of
    its key hint (a toast says why a key did nothing, so it is read from as far as the key hint)."""

    app: "App"

    def toast_size(self) -> int:
        """The type size of a toast over this screen: the key hint's."""
        return max(self.app.theme.small, projector_sizes(self.app.theme).label)


def projector_sizes(theme: Theme) -> Sizes:
    """Design sizes for the projector at this window size (never below what the room can read)."""
    floor = room_size(theme.height)  # every projected text, key hints and labels too, is read from the back row
    return Sizes(body=max(theme.font_px(30), floor), floor=floor,
                 label=max(theme.font_px(16), floor), timer=max(theme.font_px(40), floor))


# The reveal's arrangements, tried in turn until one fits: (picture's share of the screen height, reaction in a
# column beside the options, bare vote counts, chosen option's words in the headline). Largest picture first:
# the room reads the customer's face from the back.
REVEAL_LAYOUTS = ((0.38, False, False, False), (0.3, False, False, False), (0.34, True, False, False),
                  (0.28, True, False, False), (0.22, True, False, False), (0.18, False, False, False),
                  (0.22, True, True, False), (0.22, False, True, True))


class ProjectorPainter:
    """Draws one projector frame onto a canvas; holds nothing between frames."""

    def __init__(self, canvas: Canvas, theme: Theme, language: str):
        self.canvas, self.book, self.theme, self.language = canvas, canvas.book, theme, language
        self.sizes = projector_sizes(theme)
        self.screen = pygame.Rect(0, 0, theme.width, theme.height)
        self.margin = round(theme.width * 0.04)
        self.gap = theme.px(12)
        self.compact = False  # vote counts as bare numbers, leaving the options more width
        self.visited: tuple[str, ...] = ()  # the nodes the team went through: a phone scene's call state

    # --- pieces ------------------------------------------------------------------------------

    def top_bar(self, team: str, title: str, timer_left: Optional[float], timer_total: int) -> int:
        """Team, scenario title and timer (None: no vote is being timed, so no clock); returns the bar's bottom."""
        surface, book, theme, sizes = self.canvas.surface, self.book, self.theme, self.sizes
        surface.fill(background(theme))
        bar = pygame.Rect(0, 0, theme.width, self.bar_height())
        pad = theme.px(10)
        chip_block = one_line(book, t("turn_of", self.language, team=team), sizes.floor, (0, 0), bar, sizes.floor,
                              WHITE, bold=True)
        chip_rect = chip_block.rect.inflate(2 * pad, 0)
        chip_rect.midleft = (self.margin, bar.centery)
        chip_block.rect.center = chip_rect.center
        chip_block.container = chip_rect
        pygame.draw.rect(surface, theme.palette.accent, chip_rect, border_radius=chip_rect.height // 2)
        self.canvas.draw(chip_block)
        clock_left = theme.width - self.margin
        colour = WHITE
        if timer_left is not None:
            minutes, seconds = divmod(math.ceil(timer_left), 60)
            colour = (250, 200, 60) if timer_left <= 10 else WHITE
            shown = t("time_up", self.language) if timer_left == 0 else f"{minutes}:{seconds:02d}"
            clock = one_line(book, shown, sizes.timer, (0, 0), bar, sizes.floor, colour, bold=True)
            clock.rect.midright = (theme.width - self.margin, bar.centery)
            self.canvas.draw(clock)
            clock_left = clock.rect.left
        room = pygame.Rect(chip_rect.right + 2 * pad, 0, clock_left - chip_rect.right - 4 * pad, bar.height)
        heading = one_line(book, title, sizes.label, (0, 0), bar, sizes.label, DIM)
        if heading.rect.width <= room.width:  # the scenario's name is a courtesy: left out rather than squeezed
            heading.rect.center = room.center
            self.canvas.draw(heading)
        track = pygame.Rect(0, bar.bottom - theme.px(6), theme.width, theme.px(6))
        pygame.draw.rect(surface, (40, 50, 66), track)
        if timer_left is not None:
            share = timer_left / timer_total if timer_total else 0
            pygame.draw.rect(surface, colour, (0, track.y, round(theme.width * share), track.height))
        return bar.bottom

    def bar_height(self) -> int:
        """The top bar's height (the same with or without a clock)."""
        return max(round(self.theme.height * 0.1), self.book.line_height(self.sizes.timer) + self.theme.px(12))

    def hint_block(self, text: str) -> TextBlock:
        """The key hint's block, placed at the bottom of the screen (not drawn)."""
        block = measure(self.book, text, self.sizes.label, self.theme.width - 2 * self.margin, (self.margin, 0),
                        self.screen, self.sizes.label, DIM, align=KEY_LINE_ALIGN)
        block.rect.bottom = self.theme.height - self.theme.px(4)
        return block

    def hint(self, text: str) -> int:
        """The keys, small, at the bottom; returns the top of the hint (the content must end above it)."""
        block = self.hint_block(text)
        self.canvas.draw(block)
        return block.rect.top

    def _option_rows(self, options: list[Option], size: int, x: int, y: int, width: int,
                     container: pygame.Rect) -> list[tuple[pygame.Rect, list[TextBlock], Option]]:
        """Measure option rows (one size for all) from ``y`` down; nothing is drawn yet."""
        book = self.book
        pad, gap = self._row_spacing(size)
        badge = book.line_height(size)
        widest = "8888" if self.compact else t("votes", self.language, n=8888)
        votes_width = max(book.width(widest, size, True), badge)
        rows = []
        for option in options:
            text_x = x + pad + badge + pad
            text_width = width - (text_x - x) - pad - votes_width - pad
            blocks = []
            if option.text:  # a brief reveal leaves the words out (the room read them while voting)
                blocks.append(measure(book, option.text, size, text_width, (text_x, y + pad), container,
                                      self.sizes.floor))
            if option.rating is not None:
                status = rating_words(option.rating, self.language)
                if option.chosen:
                    status = f"✓ {t('rooms_choice', self.language)} · {status}"
                blocks.append(measure(book, status, size, text_width, (text_x, blocks[-1].rect.bottom if blocks
                                                                        else y + pad), container,
                                      self.sizes.floor, QUALITY_TEXT[quality(option.rating)], bold=True))
            bottom = max(blocks[-1].rect.bottom, y + pad + badge) + pad
            rows.append((pygame.Rect(x, y, width, bottom - y), blocks, option))
            y = bottom + gap
        return rows

    def _row_spacing(self, size: int) -> tuple[int, int]:
        """Padding inside an option row and the gap between rows (tighter for the last-resort layout)."""
        return (round(size * 0.2), round(size * 0.15)) if self.compact else (round(size * 0.3), round(size * 0.25))

    def _draw_rows(self, rows, size: int, revealed: bool) -> None:
        surface, book, theme = self.canvas.surface, self.book, self.theme
        most = max((option.votes for _, _, option in rows), default=0) or 1
        for rect, blocks, option in rows:
            pygame.draw.rect(surface, ROW_FILL, rect, border_radius=theme.radius)
            if revealed or option.votes:  # the room's votes as a bar behind the row, in one neutral colour
                bar = rect.copy()
                bar.width = round(rect.width * option.votes / most)
                pygame.draw.rect(surface, (46, 80, 112), bar, border_radius=theme.radius)
            if option.rating is not None:  # the quality: a stripe in its colour (the words say it too)
                stripe = pygame.Rect(rect.x, rect.y, theme.px(12), rect.height)
                pygame.draw.rect(surface, QUALITY_TEXT[quality(option.rating)], stripe,
                                 border_top_left_radius=theme.radius, border_bottom_left_radius=theme.radius)
            edge, width = ROW_EDGE, theme.px(2)
            if option.chosen:
                edge, width = WHITE, theme.px(6)
            elif option.selected:
                edge, width = (250, 200, 60), theme.px(4)
            pygame.draw.rect(surface, edge, rect, width, border_radius=theme.radius)
            pad = self._row_spacing(size)[0]
            side = book.line_height(size)
            badge = pygame.Rect(rect.x + pad, rect.y + pad, side, side)
            pygame.draw.rect(surface, WHITE, badge, border_radius=theme.px(8))
            mark = one_line(book, letter(option.number), size, (0, 0), badge, self.sizes.floor, PROJECTOR_BG, True)
            mark.rect.center = badge.center
            self.canvas.draw(mark)
            for block in blocks:
                self.canvas.draw(block)
            count = t("vote_one", self.language) if option.votes == 1 else t("votes", self.language, n=option.votes)
            if self.compact:  # the last resort for long options: the count alone
                count = str(option.votes)
            votes = one_line(book, count, size, (0, 0), rect, self.sizes.floor, WHITE, bold=True)
            votes.rect.topright = (rect.right - pad, rect.y + pad)
            self.canvas.draw(votes)

    # --- frames ------------------------------------------------------------------------------

    def decision(self, top: int, bottom: int, speaker: str, line: str, prompt: Optional[tuple[str, tuple]],
                 options: list[Option]) -> None:
        """A decision being voted on (or a tie): the line, the question or result, the options."""
        self._first_fit([arrange for _, arrange in self._decision_arrangements(top, bottom, speaker, line, prompt,
                                                                                options)])

    def keeps_line(self, top: int, bottom: int, speaker: str, line: str, prompt: Optional[tuple[str, tuple]],
                   options: list[Option]) -> bool:
        """True when :meth:`decision` can show the line with the options at a size the room reads; False
        when it would drop the line (the room then needs to read it on a page of its own before the vote)."""
        try:
            for keeps, arrange in self._decision_arrangements(top, bottom, speaker, line, prompt, options):
                if not keeps:
                    return False
                if any(arrange(size) is not None for size in sizes_down(self.sizes.body, self.sizes.floor)):
                    return True
            return False
        finally:
            self.compact = False

    def _decision_arrangements(self, top, bottom, speaker, line, prompt, options):
        """(whether it shows the line, arrangement) for a decision, in the order they are tried."""
        return [
            (True, lambda size, force=False: self._stacked(top, bottom, speaker, line, prompt, options, size, force)),
            (True, lambda size, force=False: self._columns(top, bottom, speaker, line, prompt, options, size, force)),
            # the line matters more to a room discussing it than roomy option rows: keep it while it fits
            (True, lambda size, force=False: self._compact(top, bottom, prompt, options, size, force, line=line)),
            (False, lambda size, force=False: self._stacked(top, bottom, None, None, prompt, options, size, force)),
            (False, lambda size, force=False: self._compact(top, bottom, prompt, options, size, force)),
        ]

    def _first_fit(self, arrangements) -> None:
        """Draw the first arrangement that fits, trying each at sizes down to the floor; the last one at
        the floor size otherwise (the layout audit then reports what does not fit)."""
        for arrange in arrangements:
            for size in sizes_down(self.sizes.body, self.sizes.floor):
                draw = arrange(size)
                if draw is not None:
                    draw()
                    return
        arrangements[-1](self.sizes.floor, force=True)()

    def _compact(self, top, bottom, prompt, options, size, force=False, line=None):
        """Tight option rows with counts as bare numbers, under the line when given; the last resort is
        the options alone (the facilitator reads the line out)."""
        self.compact = True
        draw = self._stacked(top, bottom, None, line, prompt, options, size, force)
        self.compact = draw is not None
        return draw

    def _texts(self, x: int, y: int, width: int, speaker: Optional[str], line: Optional[str],
               prompt: Optional[tuple[str, tuple]], size: int, container: pygame.Rect) -> list[TextBlock]:
        """The speaker's name, the line and the prompt, top to bottom (each may be left out)."""
        book, floor = self.book, self.sizes.floor
        blocks: list[TextBlock] = []
        entries = [(speaker, SPEAKER, True, 0), (line, WHITE, False, 0), (prompt[0] if prompt else None,
                                                                          prompt[1] if prompt else WHITE, True, 1)]
        for text, colour, bold, spaced in entries:
            if text:
                top = blocks[-1].rect.bottom + spaced * self.gap if blocks else y
                blocks.append(measure(book, text, size, width, (x, top), container, floor, colour, bold=bold))
        return blocks

    def _stacked(self, top, bottom, speaker, line, prompt, options, size, force=False):
        x, width = self.margin, self.theme.width - 2 * self.margin
        area = pygame.Rect(x, top, width, bottom - top)
        texts = self._texts(x, top + self.gap, width, speaker, line, prompt, size, area)
        rows = self._option_rows(options, size, x, (texts[-1].rect.bottom if texts else top) + self.gap, width, area)
        lowest = max([b.rect.bottom for b in texts] + [r[0].bottom for r in rows], default=top)
        if not force and lowest > bottom:
            return None
        return lambda: self._draw(texts, rows, size)

    def _columns(self, top, bottom, speaker, line, prompt, options, size, force=False):
        left_width = round((self.theme.width - 2 * self.margin) * 0.36)
        left = pygame.Rect(self.margin, top, left_width, bottom - top)
        right = pygame.Rect(left.right + self.gap * 2, top, self.theme.width - self.margin - left.right - self.gap * 2,
                            bottom - top)
        texts = self._texts(left.x, top + self.gap, left.width, speaker, line, prompt, size, left)
        rows = self._option_rows(options, size, right.x, top + self.gap, right.width, right)
        lowest = max([b.rect.bottom for b in texts] + [r[0].bottom for r in rows], default=top)
        if not force and lowest > bottom:
            return None
        return lambda: self._draw(texts, rows, size)

    def _draw(self, texts: list[TextBlock], rows, size: int) -> None:
        for block in texts:
            self.canvas.draw(block)
        self._draw_rows(rows, size, revealed=any(option.rating is not None for _, _, option in rows))

    def reveal(self, top: int, bottom: int, result: tuple[str, int], feedback: str, meter: float,
               options: list[Option], program, past: str = "") -> None:
        """After a clear vote: the customer's reaction (face and meter), the result in words, the options rated.

        Tried in turn: the reaction above the options with a large, then a small face; the reaction in a
        column beside the options; the same with bare vote counts; last, the chosen option's words in the
        headline and the other options by letter and rating only. ``past`` (how past cohorts chose, or
        empty) goes under the coaching.
        """
        def arrange(art_share: float, beside: bool, compact: bool, brief: bool = False):
            shown, words = options, result
            if brief:  # the chosen option's words go into the headline; the rows keep letters and ratings
                chosen = next((o for o in options if o.chosen), None)
                words = (f"{result[0]}: {chosen.text}" if chosen else result[0], result[1])
                shown = [Option(o.number, "", o.votes, o.rating, o.chosen) for o in options]
            return lambda size, force=False: self._reveal_at(size, art_share, beside, compact, force, top, bottom,
                                                             words, feedback, meter, shown, program, past)

        self._first_fit([arrange(share, beside, compact, brief) for share, beside, compact, brief in REVEAL_LAYOUTS])

    def _reveal_at(self, size, art_share, beside, compact, force, top, bottom, result, feedback, meter, options,
                   program, past=""):
        theme, book, floor = self.theme, self.book, self.sizes.floor
        self.compact = compact
        picture = self.portrait_rect(top, art_share)
        full = pygame.Rect(self.margin, top, theme.width - 2 * self.margin, bottom - top)
        if beside:  # a left column: the face, then the words; the options on the right
            x, y = self.margin, picture.bottom + self.gap
            width = round(full.width * 0.36)
        else:
            x, y = picture.right + self.gap * 2, top + self.gap
            width = theme.width - self.margin - x
        area = pygame.Rect(x, top, width, bottom - top)
        headline, rating = result
        entries = [(headline, WHITE, True, 0), (rating_words(rating, self.language), QUALITY_TEXT[quality(rating)],
                                                True, 0),
                   (feedback, WHITE, False, 0), (past, DIM, False, 0),
                   (meter_label(meter, self.language), AMBER, True, self.gap)]
        texts: list[TextBlock] = []
        for text, colour, bold, space in entries:
            if text:
                below = texts[-1].rect.bottom + space if texts else y
                texts.append(measure(book, text, size, width, (x, below), area, floor, colour, bold))
        meter_bar = pygame.Rect(x, texts[-1].rect.bottom + theme.px(6), min(width, theme.px(420)), theme.px(16))
        if beside:
            right = pygame.Rect(x + width + 2 * self.gap, top, full.right - x - width - 2 * self.gap, bottom - top)
            rows = self._option_rows(options, size, right.x, top + self.gap, right.width, right)
        else:
            rows_top = max(picture.bottom, meter_bar.bottom + theme.px(14)) + self.gap
            rows = self._option_rows(options, size, self.margin, rows_top, full.width, full)
        lowest = max([meter_bar.bottom + theme.px(14)] + [r[0].bottom for r in rows])
        if not force and lowest > bottom:
            self.compact = False
            return None

        def draw() -> None:
            self.compact = compact
            self.customer(picture, meter, program)
            self.meter_bar(meter_bar, meter)
            self._draw(texts, rows, size)
        return draw

    def ending(self, top: int, bottom: int, title: str, score: str, text: str, meter: float, program) -> None:
        """A team's ending: the customer, the ending's title and score, what happened."""
        theme, book = self.theme, self.book
        for size in sizes_down(self.sizes.body, self.sizes.floor):
            picture = self.portrait_rect(top, 0.34)
            x = picture.right + self.gap * 2
            width = theme.width - self.margin - x
            area = pygame.Rect(x, top, width, bottom - top)
            blocks = [measure(book, title, round(size * 1.2), width, (x, top + self.gap), area, self.sizes.floor,
                              WHITE, bold=True)]
            blocks.append(measure(book, score, size, width, (x, blocks[-1].rect.bottom), area, self.sizes.floor,
                                  AMBER, bold=True))
            blocks.append(measure(book, meter_label(meter, self.language), size,
                                  width, (x, blocks[-1].rect.bottom), area, self.sizes.floor, WHITE, bold=True))
            meter_bar = pygame.Rect(x, blocks[-1].rect.bottom + theme.px(6), min(width, theme.px(420)), theme.px(16))
            blocks.append(measure(book, text, size, width, (x, meter_bar.bottom + theme.px(14) + self.gap), area,
                                  self.sizes.floor, WHITE))
            if blocks[-1].rect.bottom <= bottom or size == self.sizes.floor:
                break
        self.customer(picture, meter, program)
        self.meter_bar(meter_bar, meter)
        for block in blocks:
            self.canvas.draw(block)

    def portrait_rect(self, top: int, share: float) -> pygame.Rect:
        """Where the customer's picture (a counter scene's face, a phone scene's call) goes: at the left under
        the top bar, ``share`` of the screen height tall, 3:4."""
        height = round(self.theme.height * share)
        return pygame.Rect(self.margin, top + self.gap, round(height * 0.75), height)

    def customer(self, rect: pygame.Rect, meter: float, program) -> None:
        """The customer's face for ``meter`` (on a phone scene, the call and the caller's voice): the room
        sees the consequence."""
        if getattr(program, "channel", "counter") == "phone" and self.visited:
            draw_call_picture(self.canvas.surface, rect, program, self.visited, meter, self.theme.unit)
            return
        palette = art.HIGH_CONTRAST_PALETTE if self.theme.high_contrast else art.DEFAULT_PALETTE
        pygame.draw.rect(self.canvas.surface, (32, 44, 64), rect, border_radius=self.theme.radius)
        art.draw_customer(self.canvas.surface, rect, art.expression_for(meter), palette, program.customer_type,
                          program.customer_age)

    def meter_bar(self, bar: pygame.Rect, value: float, low: int = -10, high: int = 10) -> None:
        """A stepped red-to-green bar with a marker (the label above it says the mood in words)."""
        surface, theme = self.canvas.surface, self.theme
        steps = 7
        for index in range(steps):
            part = pygame.Rect(bar.x + bar.width * index // steps, bar.y, bar.width // steps - theme.px(2), bar.height)
            blend = index / (steps - 1)
            colour = tuple(round(QUALITY_FILL["bad"][c] * (1 - blend) + QUALITY_FILL["good"][c] * blend)
                           for c in range(3))
            pygame.draw.rect(surface, colour, part, border_radius=theme.px(3))
        x = bar.x + round((min(high, max(low, value)) - low) / (high - low) * bar.width)
        marker = [(x, bar.y - theme.px(4)), (x - theme.px(9), bar.bottom + theme.px(10)),
                  (x + theme.px(9), bar.bottom + theme.px(10))]
        pygame.draw.polygon(surface, WHITE, marker)
        pygame.draw.polygon(surface, (20, 20, 20), marker, theme.px(2))


def meter_label(meter: float, language: str) -> str:
    """"Satisfaction: Content (+1)": the meter's word and level (-3..+3) as the trainee's screens say them."""
    level = meter_level(meter)
    return t("meter_label", language, mood=level_word(level, language), value=signed(level))
