"""The projector view of facilitator mode: the line, the options A-D, the timer, the votes, the reveal.

Keys are chosen for presentation clickers: PageDown, Right, Space and Enter go on (and reveal at a
decision), PageUp and Left take the last decision back, B or '.' blanks the screen. The meter and the
coaching stay hidden until the reveal, so the room is not steered.
"""

from __future__ import annotations

import array
import math
from typing import Optional

import pygame

from game.program import pick
from game.ui.art import expression_for
from game.ui.screens.base import NUMBER_KEYS, Screen
from game.ui.screens.overlays import CardOverlay
from game.ui.strings import MOT_LABELS, t
from game.ui.widgets import chip, draw_meter, panel
from game.workshop import LETTERS, Reveal, WorkshopError, letter

NEXT_KEYS = {pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_DOWN}
BACK_KEYS = {pygame.K_PAGEUP, pygame.K_LEFT}
BLANK_KEYS = {pygame.K_b, pygame.K_PERIOD, pygame.K_w}  # while votes are entered, B is a vote and only '.' blanks
LETTER_KEYS = {getattr(pygame, f"K_{c.lower()}"): i + 1 for i, c in enumerate(LETTERS)}  # A-I
PROJECTOR_BODY = 30  # at 720 lines: 30 px, above the 1/25 of the height a room needs
PROJECTOR_BG = (12, 18, 30)
TIMER_STEP = 30


class FacilitatorScreen(Screen):
    """Projector view; the App's workshop holds the session, this screen only timers and display toggles."""

    def __init__(self, app):
        super().__init__(app)
        self.revealed: Optional[Reveal] = None
        self.selected = 1
        self.typed = ""
        self.show_notes = False
        self.blank = False
        self.timer_total = app.workshop.timer_seconds()
        self.timer_left = float(self.timer_total)
        self.timer_running = False
        self.flash = 0.0
        self.place = self._place()
        self.chime = _make_chime()
        self.presenter: Optional[pygame.Window] = None
        self.rects: dict[str, pygame.Rect] = {}

    @property
    def workshop(self):
        """The session being run."""
        return self.app.workshop

    def _place(self) -> tuple:
        state = self.workshop.state
        return (self.workshop.team, state.node, len(state.steps))

    def _sync(self) -> None:
        """A new node or team: reset the timer and the vote entry."""
        place = self._place()
        if place != self.place:
            self.place = place
            self.timer_total = self.workshop.timer_seconds()
            self.timer_left, self.timer_running = float(self.timer_total), False
            self.selected, self.typed = 1, ""

    def layout(self) -> None:
        theme = self.app.theme
        width, height = theme.width, theme.height
        def band(left: float, top: float, wide: float, high: float) -> pygame.Rect:
            return pygame.Rect(round(width * left), round(height * top), round(width * wide), round(height * high))

        self.rects = {
            "top": band(0, 0, 1, 0.1),
            "line": band(0.04, 0.12, 0.92, 0.26),
            "middle": band(0.04, 0.39, 0.92, 0.13),
            "choices": band(0.04, 0.53, 0.92, 0.42),
            "notes": band(0.6, 0.12, 0.37, 0.83),
        }
        self.buttons = []

    @property
    def body(self) -> int:
        """Projector body text size."""
        return self.app.theme.font_px(PROJECTOR_BODY)

    # --- input -------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.blank:
                self.blank = False  # a click only brings the picture back
            else:
                self.proceed()
        elif event.type == pygame.KEYDOWN:
            self.handle_key(event)

    def handle_key(self, event: pygame.event.Event) -> None:
        key, shift = event.key, bool(event.mod & pygame.KMOD_SHIFT)
        if self.blank:
            self.blank = False  # any key brings the picture back, without acting
            return
        try:
            self._dispatch_key(key, shift)
        except WorkshopError as exc:
            self.app.notify(str(exc))

    def _dispatch_key(self, key: int, shift: bool) -> None:
        workshop = self.workshop
        if key in LETTER_KEYS and workshop.pending_tie is not None:
            workshop.break_tie(LETTER_KEYS[key])
            self.revealed = Reveal(self.revealed.counts, self.revealed.leaders, LETTER_KEYS[key])
        elif key == pygame.K_PERIOD or (key in BLANK_KEYS and not self._voting()):
            self.blank = True
        elif key == pygame.K_ESCAPE:
            self.app.push(FacilitatorMenu(self.app))
        elif key == pygame.K_n:
            self.toggle_notes()
        elif key == pygame.K_t:
            self.timer_running = not self.timer_running and self.timer_left > 0
        elif key in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS, pygame.K_MINUS, pygame.K_KP_MINUS):
            change = TIMER_STEP if key in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS) else -TIMER_STEP
            self.timer_left = max(0.0, self.timer_left + change)
            self.timer_total = max(self.timer_total, int(self.timer_left))
        elif key in LETTER_KEYS and self._voting() and LETTER_KEYS[key] <= len(workshop.view().choices):
            workshop.add_vote(LETTER_KEYS[key], -1 if shift else 1)
            self.selected, self.typed = LETTER_KEYS[key], ""
        elif key in (pygame.K_UP,) and self._voting():
            self.selected, self.typed = max(1, self.selected - 1), ""
        elif key in NUMBER_KEYS or key in (pygame.K_0, pygame.K_KP0):
            self.type_count(0 if key in (pygame.K_0, pygame.K_KP0) else NUMBER_KEYS[key])
        elif key == pygame.K_BACKSPACE and self.typed:
            self.typed = self.typed[:-1]
            workshop.set_votes(self.selected, int(self.typed or 0))
        elif key == pygame.K_r and self._voting():
            self.reveal()
        elif key in BACK_KEYS:
            if workshop.cancel_tie() or workshop.undo():  # a tied reveal is reopened before anything is undone
                self.revealed = None
        elif key == pygame.K_DOWN and self._voting():
            self.selected, self.typed = min(len(self.workshop.view().choices), self.selected + 1), ""
        elif key in NEXT_KEYS:
            self.proceed()

    def _voting(self) -> bool:
        return self.revealed is None and self.workshop.story.kind(self.workshop.state) == "decision"

    def type_count(self, digit: int) -> None:
        """Digits typed set the selected option's count, like a spreadsheet cell."""
        if not self._voting():
            return
        self.typed = (self.typed + str(digit))[-4:]
        self.workshop.set_votes(self.selected, int(self.typed))

    def reveal(self) -> None:
        """Count the room's votes and show the result (and, for a clear majority, the consequences)."""
        if not any(self.workshop.votes.values()):
            self.app.notify(t("enter_votes", self.language))
            return
        self.timer_running = False
        self.revealed = self.workshop.reveal()

    def proceed(self) -> None:
        """Clicker 'next': reveal at a decision, move past a result, a line or an ending."""
        workshop = self.workshop
        if workshop.pending_tie is not None:
            return
        if self.revealed is not None:
            self.revealed = None
            if workshop.hand_over_due():
                workshop.next_team()
        elif self._voting():
            if any(workshop.votes.values()):
                self.reveal()
            else:  # 'next' before any vote: start (or pause) the discussion timer
                self.timer_running = not self.timer_running and self.timer_left > 0
            return
        elif workshop.story.kind(workshop.state) == "line":
            workshop.advance()
        elif workshop.finished(workshop.team):
            if not workshop.next_team():
                self.app.finish_workshop()
                return
        self._sync()

    def toggle_notes(self) -> None:
        """N: presenter notes in a second window when a second display exists, else over this view."""
        if pygame.display.get_num_displays() > 1 and self.app.surface.get_flags() & pygame.FULLSCREEN == 0:
            if self.presenter is None:
                sizes = pygame.display.get_desktop_sizes()
                self.presenter = pygame.Window("Presenter", (960, 720), position=(sizes[0][0] + 40, 40))
            else:
                self.presenter.destroy()
                self.presenter = None
            return
        self.show_notes = not self.show_notes

    # --- time --------------------------------------------------------------------------------

    def update(self, dt: float) -> bool:
        self._sync()
        moving = False
        if self.timer_running:
            self.timer_left = max(0.0, self.timer_left - dt)
            moving = True
            if self.timer_left == 0:
                self.timer_running = False
                self.flash = 2.0
                if self.chime is not None:
                    self.chime.play()
        if self.flash > 0:
            self.flash = max(0.0, self.flash - dt)
            moving = True
        if self.presenter is not None:
            self.draw_presenter(self.presenter.get_surface())
            self.presenter.flip()
        return moving

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self._sync()
        theme = self.app.theme
        surface.fill((0, 0, 0) if theme.high_contrast else PROJECTOR_BG)
        if self.blank:
            surface.fill((0, 0, 0))
            return
        view = self.workshop.view(self.language)
        self._draw_top(surface)
        self._draw_line(surface, view)
        if view.kind == "decision" or self.revealed is not None:
            self._draw_middle(surface)
            self._draw_choices(surface)
        elif view.kind == "ending":
            self._draw_ending(surface, view)
        if self.show_notes:
            self.draw_presenter(surface, self.rects["notes"])
        if view.kind == "decision" and self.revealed is None:
            hint = self.app.book.render(t("timer_hint", self.language), theme.font_px(14), (150, 164, 184))
            surface.blit(hint, hint.get_rect(midbottom=(theme.width // 2, theme.height - theme.px(4))))
        if self.flash > 0 and int(self.flash * 4) % 2 == 0:
            pygame.draw.rect(surface, (250, 200, 60), surface.get_rect(), theme.px(10))

    def _draw_top(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        top = self.rects["top"]
        team = t("turn_of", self.language, team=self.workshop.team)
        chip(surface, team, (theme.px(24), top.centery - round(self.body * 0.8)), theme, book, theme.palette.accent,
             (255, 255, 255), size=self.body)
        title = book.render(pick(self.workshop.program.title, self.language), theme.font_px(20), (180, 196, 214))
        surface.blit(title, title.get_rect(center=top.center))
        minutes, seconds = divmod(math.ceil(self.timer_left), 60)
        colour = (250, 200, 60) if self.timer_left <= 10 else (255, 255, 255)
        shown = t("time_up", self.language) if self.timer_left == 0 else f"{minutes}:{seconds:02d}"
        clock = book.render(shown, theme.font_px(40), colour, bold=True)
        surface.blit(clock, clock.get_rect(midright=(theme.width - theme.px(24), top.centery)))
        track = pygame.Rect(0, top.bottom - theme.px(6), theme.width, theme.px(6))
        pygame.draw.rect(surface, (40, 50, 66), track)
        share = self.timer_left / self.timer_total if self.timer_total else 0
        pygame.draw.rect(surface, colour, (0, track.y, round(theme.width * share), track.height))

    def _draw_line(self, surface: pygame.Surface, view) -> None:
        theme, book = self.app.theme, self.app.book
        area = self.rects["line"]
        name = book.render(view.speaker_name, theme.font_px(22), (240, 170, 110), bold=True)
        surface.blit(name, area.topleft)
        body = pygame.Rect(area.x, area.y + name.get_height() + theme.px(6), area.width,
                           area.height - name.get_height() - theme.px(6))
        lines, size = book.fit(view.text, self.body, body, minimum=0.8)
        book.draw_lines(surface, lines, size, (255, 255, 255), body.topleft, clip=body)

    def _draw_middle(self, surface: pygame.Surface) -> None:
        """The discussion question before the reveal; the result and its coaching after it."""
        theme, book = self.app.theme, self.app.book
        area = self.rects["middle"]
        workshop = self.workshop
        if self.revealed is None:
            node = workshop.story.node(workshop.state)
            question = node.facilitator.question if node.facilitator else None
            text = t("discussion_prompt", self.language, question=pick(question, self.language)) if question \
                else t("discussion", self.language)
            colour = (250, 214, 120)
        elif workshop.pending_tie is not None:
            options = " / ".join(letter(n) for n in workshop.pending_tie)
            text, colour = t("tie", self.language, options=options), (250, 200, 60)
        else:
            record = workshop.records[-1]
            rating = MOT_LABELS[self.language][record.rating]
            choice = workshop.story.node(workshop.state_before_last()).choices
            feedback = next((pick(c.feedback, self.language) for c in choice if c.id == record.choice_id), "")
            text = f"{t('room_chose', self.language, letter=record.chosen)} · {record.rating:+d} {rating}\n{feedback}"
            colour = (255, 255, 255)
            meter = pygame.Rect(theme.width - theme.px(420), self.rects["top"].bottom + theme.px(4), theme.px(380),
                                theme.px(56))
            state = workshop.states[record.team]
            draw_meter(surface, meter, state.meter, expression_for(state.meter), theme, book, self.language)
        lines, size = book.fit(text, theme.font_px(24), area, minimum=0.7)
        book.draw_lines(surface, lines, size, colour, area.topleft, clip=area)

    def _draw_choices(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        area = self.rects["choices"]
        reveal = self.revealed
        if reveal is not None:
            labels = self._revealed_options()
        else:
            labels = [choice.text for choice in self.workshop.view(self.language).choices]
        counts = reveal.counts if reveal else {n: self.workshop.votes.get(n, 0) for n in range(1, len(labels) + 1)}
        most = max(counts.values(), default=0) or 1
        gap = theme.px(10)
        each = min(theme.px(110), (area.height - gap * (len(labels) - 1)) // max(1, len(labels)))
        for index, label in enumerate(labels, start=1):
            row = pygame.Rect(area.x, area.y + (index - 1) * (each + gap), area.width, each)
            chosen = reveal is not None and reveal.chosen == index
            pygame.draw.rect(surface, (28, 38, 56), row, border_radius=theme.radius)
            if reveal is not None:  # the bar chart of the room's votes
                bar = row.copy()
                bar.width = round(row.width * counts.get(index, 0) / most)
                pygame.draw.rect(surface, (46, 110, 140) if not chosen else (46, 134, 84), bar,
                                 border_radius=theme.radius)
            edge = (250, 200, 60) if chosen or (reveal is None and index == self.selected) else (70, 84, 104)
            pygame.draw.rect(surface, edge, row, theme.px(4) if chosen else theme.px(2), border_radius=theme.radius)
            badge = pygame.Rect(row.x + theme.px(10), row.y + theme.px(8), each - theme.px(16), each - theme.px(16))
            pygame.draw.rect(surface, (255, 255, 255), badge, border_radius=theme.px(8))
            letter_surface = book.render(letter(index), self.body, (12, 18, 30), bold=True)
            surface.blit(letter_surface, letter_surface.get_rect(center=badge.center))
            votes = counts.get(index, 0)
            label_votes = t("vote_one", self.language) if votes == 1 else t("votes", self.language, n=votes)
            count = book.render(label_votes, theme.font_px(24), (255, 255, 255), bold=True)
            surface.blit(count, count.get_rect(midright=(row.right - theme.px(16), row.centery)))
            text_box = pygame.Rect(badge.right + theme.px(16), row.y + theme.px(4),
                                   row.width - badge.width - count.get_width() - theme.px(70), row.height - theme.px(8))
            lines, size = book.fit(label, self.body, text_box, minimum=0.6)
            height = len(lines) * book.line_height(size)
            book.draw_lines(surface, lines, size, (255, 255, 255), (text_box.x, row.centery - height // 2),
                            clip=text_box)

    def _revealed_options(self) -> list[str]:
        """The option texts as they were when the vote was revealed."""
        workshop = self.workshop
        if workshop.pending_tie is not None:
            return [c.text for c in workshop.view(self.language).choices]
        before = workshop.state_before_last()
        return [pick(c.text, self.language) for c in workshop.story.open_choices(before)]

    def _draw_ending(self, surface: pygame.Surface, view) -> None:
        theme, book = self.app.theme, self.app.book
        box = self.rects["middle"].union(self.rects["choices"])
        panel(surface, box, theme, book)
        inner = box.inflate(-3 * theme.gap, -3 * theme.gap)
        card = self.workshop.scorecard(self.workshop.team)
        title = book.render(f"{view.ending_title}  ·  {card.score:g}/100 ({card.grade})", theme.font_px(34),
                            theme.palette.text, bold=True)
        surface.blit(title, inner.topleft)
        body = pygame.Rect(inner.x, inner.y + title.get_height() + theme.gap, inner.width,
                           inner.height - title.get_height() - theme.gap)
        lines, size = book.fit(view.ending_text, self.body, body, minimum=0.7)
        book.draw_lines(surface, lines, size, theme.palette.text, body.topleft, clip=body)

    def draw_presenter(self, surface: pygame.Surface, area: Optional[pygame.Rect] = None) -> None:
        """Presenter notes, the ratings of the options on screen, and the timer."""
        theme, book = self.app.theme, self.app.book
        area = area or surface.get_rect()
        if area == surface.get_rect():
            surface.fill(PROJECTOR_BG)
        panel(surface, area, theme, book)
        inner = area.inflate(-2 * theme.gap, -2 * theme.gap)
        workshop = self.workshop
        decided = self.revealed is not None and workshop.pending_tie is None
        shown = workshop.state_before_last() if decided else workshop.state  # the options on screen
        node = workshop.story.node(shown)
        minutes, seconds = divmod(math.ceil(self.timer_left), 60)
        lines = [f"{t('presenter_notes', self.language)}  ·  {minutes}:{seconds:02d}"]
        if node.facilitator and node.facilitator.notes:
            lines.append(pick(node.facilitator.notes, self.language))
        lines.append(t("ratings", self.language))
        for number, choice in enumerate(workshop.story.open_choices(shown), start=1):
            lines.append(f"{letter(number)}  {choice.rating:+d} {t(choice.stage, self.language)} — "
                         f"{pick(choice.feedback, self.language)}")
        text_lines, size = book.fit("\n".join(lines), theme.font_px(18), inner, minimum=0.6)
        book.draw_lines(surface, text_lines, size, theme.palette.text, inner.topleft, clip=inner)


def _make_chime() -> Optional["pygame.mixer.Sound"]:
    """A soft two-tone chime for the end of the timer, synthesised (no sound files); None without audio."""
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=22050, size=-16, channels=1)
    except pygame.error:
        return None  # no audio device: the timer still flashes
    rate = pygame.mixer.get_init()[0]
    samples = array.array("h")
    for frequency, length in ((660, 0.35), (880, 0.5)):
        count = int(rate * length)
        for index in range(count):
            envelope = math.exp(-4 * index / count)
            samples.append(int(9000 * envelope * math.sin(2 * math.pi * frequency * index / rate)))
    channels = pygame.mixer.get_init()[2]
    if channels == 2:
        samples = array.array("h", (value for value in samples for _ in range(2)))
    return pygame.mixer.Sound(buffer=samples.tobytes())


class FacilitatorMenu(CardOverlay):
    """Esc in facilitator mode: resume, end the session and compare, or leave."""

    size = (0.4, 0.5)

    def layout(self) -> None:
        theme = self.app.theme
        area = self.box().inflate(-4 * theme.gap, -4 * theme.gap)
        area.y += theme.px(50)
        area.height -= theme.px(50)
        entries = [("resume", "resume"), ("end_session", "compare"), ("main_menu", "menu")]
        self.stack_buttons([(t(key, self.language), action) for key, action in entries], area)

    def activate(self, action: str) -> None:
        if action == "resume":
            self.app.pop()
        elif action == "compare":
            self.app.finish_workshop()
        elif action == "menu":
            self.app.to_title()

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_card(surface, t("paused", self.language))
        self.draw_buttons(surface)
