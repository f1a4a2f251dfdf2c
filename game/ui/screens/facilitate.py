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

from game.cohort import local_records
from game.ui.blocks import Canvas
from game.ui.keymap import HINT_SEPARATOR, LANGUAGE_KEY, Binding, Keymap, entry
from game.ui.screens.base import NUMBER_KEYS, Screen
from game.ui.screens.facilitate_overlays import ConfirmCard, FacilitatorMenu
from game.ui.screens.facilitate_view import FacilitatorView
from game.ui.screens.projector import Projected, ProjectorPainter, projector_sizes
from game.ui.strings import t
from game.ui.workshop_control import WorkshopController
from game.workshop import LETTERS, Reveal, Workshop, WorkshopError, letter, letter_range

NEXT_KEYS = (pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_DOWN)
BACK_KEYS = (pygame.K_PAGEUP, pygame.K_LEFT)
LETTER_KEYS = {getattr(pygame, f"K_{c.lower()}"): i + 1 for i, c in enumerate(LETTERS)}  # A-I
TIMER_STEP = 30


LETTERS_SHOWN = tuple(LETTER_KEYS)
TIMER_NEXT_KEYS = tuple(k for k in NEXT_KEYS if k != pygame.K_DOWN)  # before a vote; Down still picks an option
DIGITS = tuple(NUMBER_KEYS) + (pygame.K_0, pygame.K_KP0)
# Tried in order, like an if/elif chain: a tie's letter before a vote's, Shift+letter before the letter,
# Down selecting an option (while voting) before Down going on. While votes are entered, B is a vote. The rows
# for PageDown say what it does next: show the options after a line read on its own page, start or pause the
# timer before any vote ("T/PageDown timer"), reveal once votes are in, go on otherwise.
FACILITATOR_KEYS = Keymap(
    "facilitate", "keys_facilitate",
    Binding(LETTERS_SHOWN, "break_tie", "kn_letters", "ka_break_tie", when=("tie",), with_key=True),
    Binding(NEXT_KEYS, "proceed", "kn_pagedown", "ka_show_options", when=("reading",)),
    Binding((pygame.K_t, *TIMER_NEXT_KEYS), "toggle_timer", "kn_t_pagedown", "ka_timer", when=("voting", "!votes")),
    Binding((pygame.K_t,), "toggle_timer", "kn_t", "ka_timer", when=("voting",)),
    Binding((pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS), "add_time", "kn_plus_minus", "ka_timer_step",
            when=("voting",), args=(TIMER_STEP,), hint=False),
    Binding((pygame.K_MINUS, pygame.K_KP_MINUS), "add_time", "kn_plus_minus", "ka_timer_step", when=("voting",),
            args=(-TIMER_STEP,), hint=False),
    Binding(LETTERS_SHOWN, "vote", "kn_shift_letters", "ka_unvote", when=("voting", "votes"),
            mods=pygame.KMOD_SHIFT, args=(-1,), with_key=True),
    Binding(LETTERS_SHOWN, "vote", "kn_shift_letters", "ka_unvote", when=("voting",), mods=pygame.KMOD_SHIFT,
            args=(-1,), with_key=True, hint=False),
    Binding(LETTERS_SHOWN, "vote", "kn_letters", "ka_vote", when=("voting",), args=(1,), with_key=True),
    Binding(DIGITS, "type_digit", "kn_count", "ka_count", when=("voting",), with_key=True),
    Binding((pygame.K_BACKSPACE,), "untype", "kn_backspace", "ka_untype", when=("typed",), hint=False),
    Binding((pygame.K_UP,), "select", "kn_up_down", "ka_pick_option", when=("voting",), args=(-1,), hint=False),
    Binding((pygame.K_DOWN,), "select", "kn_up_down", "ka_pick_option", when=("voting",), args=(1,), hint=False),
    Binding(NEXT_KEYS, "proceed", "kn_pagedown", "ka_reveal", when=("voting", "votes")),
    Binding((pygame.K_r,), "reveal", "kn_r", "ka_reveal", when=("voting", "votes")),
    Binding((pygame.K_r,), "reveal", "kn_r", "ka_reveal", when=("voting",), hint=False),  # says: votes first
    Binding(NEXT_KEYS, "proceed", "kn_pagedown", "ka_next", when=("!voting", "!tie")),
    Binding(NEXT_KEYS, "proceed", "kn_pagedown", "ka_next", hint=False),
    Binding(BACK_KEYS, "back_one", "kn_pageup", "ka_back", when=("back",)),
    Binding(BACK_KEYS, "back_one", "kn_pageup", "ka_back", hint=False),  # nothing to take back: says why, if need be
    Binding((pygame.K_n,), "toggle_notes", "kn_n", "ka_notes"),
    Binding((pygame.K_PERIOD,), "blank_screen", "kn_period", "ka_blank"),
    Binding((pygame.K_b, pygame.K_w), "blank_screen", "kn_b", "ka_blank", when=("!voting",), hint=False),
    Binding((pygame.K_ESCAPE,), "open_menu", "kn_esc", "ka_menu"),
)


class FacilitatorScreen(FacilitatorView, Projected, Screen):
    """Projector view; the controller's workshop holds the session, this screen only timers and display toggles."""

    def __init__(self, app, session: WorkshopController):
        super().__init__(app)
        self.session = session
        self.revealed: Optional[Reveal] = None
        self.selected = 0  # the option typed digits count for; none (0) until the facilitator moves to one,
        self.typed = ""  # so no option looks recommended to the room
        self.show_notes = False
        self.blank = False
        self.timer_total = session.workshop.timer_seconds()
        self.timer_left = float(self.timer_total)
        self.timer_running = False
        self.flash = 0.0
        self.place = self._place()
        self.chime = _make_chime()
        self.presenter: Optional[pygame.Window] = None
        self.rects: dict[str, pygame.Rect] = {}
        self.past_records = _past_records(app.store.folder)  # read once per session, never per frame
        # The decision whose vote is open: the room has seen its options (after reading a long line on a page of
        # its own, or straight away). From then on the options and the clock stay, whatever the language or size.
        self.vote_open: Optional[tuple] = None
        self.keep_clear: list[pygame.Rect] = []  # the key hint, which a toast must not cover
        self.told: Optional[tuple[str, tuple]] = None  # the last toast and the situation it was about
        self._fits: tuple[tuple, bool] = ((), True)  # (place and screen, whether the line fits with the options)

    @property
    def workshop(self) -> Workshop:
        """The session being run."""
        return self.session.workshop

    def _place(self) -> tuple:
        return self.workshop.place()

    def _sync(self) -> None:
        """A new node or team: reset the timer and the vote entry."""
        place = self._place()
        if place != self.place:
            self.place = place
            self.timer_total = self.workshop.timer_seconds()
            self.timer_left, self.timer_running = float(self.timer_total), False
            self.selected, self.typed = 0, ""

    def layout(self) -> None:
        self.buttons = []

    @property
    def body(self) -> int:
        """Projector body text size (at least 1/25 of the screen height)."""
        return projector_sizes(self.app.theme).body

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
            if (key in LETTER_KEYS or key in DIGITS) and self.reading():
                self.proceed()  # a vote or a count before the options are up does what PageDown does then: no vote
                self.app.held.add(key)  # nor from its auto-repeat, on options only just shown
                return
            self._dispatch_key(key, shift)
        except WorkshopError as exc:
            self._tell(exc.notice.in_language(self.language))  # the core says it by key: in the screen's language

    def _dispatch_key(self, key: int, shift: bool) -> None:
        FACILITATOR_KEYS.dispatch(self, key, pygame.KMOD_SHIFT if shift else 0, self.modes())

    def modes(self) -> set[str]:
        """What holds now, for the keymap: a tie to break, a line to read before the vote, a vote open (with
        votes in), a count being typed."""
        modes = set()
        if self.workshop.pending_tie is not None and self.revealed is not None:
            modes.add("tie")
        if self.reading():
            modes.add("reading")
        elif self._voting():
            modes.add("voting")
            if any(self.workshop.votes.values()):
                modes.add("votes")
        if self.typed:
            modes.add("typed")
        if self._can_go_back():
            modes.add("back")
        return modes

    def _can_go_back(self) -> bool:
        """Whether PageUp does something now: reopen a tie, return to a long line's page, take a decision back."""
        workshop = self.workshop
        return workshop.pending_tie is not None or self._can_reread() or workshop.state_before_last() is not None

    def _can_reread(self) -> bool:
        """A long line's vote is open but empty: PageUp shows the line on its own page again."""
        return (self._voting() and not any(self.workshop.votes.values()) and self.vote_open == self.place
                and not self._line_fits())

    def key_hint(self, modes: Optional[set[str]] = None) -> str:
        """The keys that work now (or in ``modes``), from the keymap, and the language key every screen has."""
        modes = self.modes() if modes is None else modes
        return HINT_SEPARATOR.join([FACILITATOR_KEYS.hint(self.language, modes, self.letter_names(modes)),
                                    entry(LANGUAGE_KEY, self.language)])

    def letter_names(self, modes: set[str]) -> dict[str, str]:
        """The letter keys as the hint names them: the tied options' letters in a tie ("A / C"), else the letters
        of the decision's options ("A-C"), never the keyboard's whole A-I."""
        if "tie" in modes and self.workshop.pending_tie:
            letters = " / ".join(letter(n) for n in self.workshop.pending_tie)
        elif self.workshop.kind() == "decision":
            letters = letter_range(len(self.workshop.view().choices))
        else:
            return {}
        every = t("kn_letters", self.language)
        return {"kn_letters": letters, "kn_shift_letters": t("kn_shift_letters", self.language).replace(every, letters)}

    def _situation(self) -> tuple:
        """What a toast of this screen is about: the place, the tie, the reveal, whether votes are in, the option
        selected. When it changes, the toast's problem is resolved (or no longer the one on screen)."""
        workshop = self.workshop
        return (self.place, workshop.pending_tie, self.revealed is None, any(workshop.votes.values()), self.selected)

    def _tell(self, text: str) -> None:
        """A toast about the situation on screen; it goes once that situation is resolved (see :meth:`update`)."""
        self.app.notify(text)
        self.told = (text, self._situation())

    def _clear_resolved_toast(self) -> None:
        toast = self.app.toast
        if self.told is not None and toast is not None and toast[0] == self.told[0]:
            if self._situation() != self.told[1]:
                self.app.toast, self.told = None, None
                self.app.dirty = True

    def reading(self) -> bool:
        """True on a decision's reading page: its line is too long to project with the options at the room's
        size, so the room reads it on its own page first (PageDown then shows the options and opens the vote)."""
        workshop = self.workshop
        return (self.revealed is None and workshop.pending_tie is None and workshop.kind() == "decision"
                and self.vote_open != self.place and not any(workshop.votes.values()) and not self._line_fits())

    def _open_vote(self) -> None:
        """The room has seen the options of the decision on screen: its vote is open, and stays open (a language
        switch that makes the line longer never takes the options or the running clock away again)."""
        if self.revealed is None and self.workshop.kind() == "decision":
            self.vote_open = self.place

    def _line_fits(self) -> bool:
        """Whether the decision on screen shows its line beside or above the options (measured once per decision,
        window size and language)."""
        theme = self.app.theme
        key = (self.place, self.language, theme.width, theme.height, self.body)
        if self._fits[0] != key:
            painter = ProjectorPainter(Canvas(self.app.surface, self.app.book), theme, self.language)
            view = self.workshop.view(self.language)
            top = painter.bar_height()
            bottom = painter.hint_block(self.key_hint({"voting"})).rect.top - theme.px(8)
            fits = painter.keeps_line(top, bottom, view.speaker_name, view.text, self._prompt(),
                                      self.vote_options(view))
            self._fits = (key, fits)
        return self._fits[1]

    def break_tie(self, key: int) -> None:
        """A letter after a tied reveal: that option wins (a letter that was not tied is refused, in words)."""
        tied = self.workshop.pending_tie or ()
        if LETTER_KEYS[key] not in tied:
            self._tell(t("not_tied", self.language, option=letter(LETTER_KEYS[key]),
                         options=" / ".join(letter(n) for n in tied)))
            return
        self.workshop.break_tie(LETTER_KEYS[key])
        if self.revealed is not None:
            self.revealed = Reveal(self.revealed.counts, self.revealed.leaders, LETTER_KEYS[key])

    def blank_screen(self) -> None:
        """B or '.': black out the projector (any key or click brings the picture back)."""
        self.blank = True

    def open_menu(self) -> None:
        """Esc: the facilitator's menu."""
        self.app.push(FacilitatorMenu(self.app, self.session))

    def paused(self) -> bool:
        """True while the facilitator's menu is open (its title says "Paused"): the discussion clock stands still
        and runs on from where it stood once the menu is closed."""
        return any(isinstance(screen, FacilitatorMenu) for screen in self.app.screens)

    def toggle_timer(self) -> None:
        """T: start or pause the discussion timer."""
        self._open_vote()
        self.timer_running = not self.timer_running and self.timer_left > 0

    def add_time(self, seconds: int) -> None:
        """+ or -: give the discussion more or less time."""
        self.timer_left = max(0.0, self.timer_left + seconds)
        self.timer_total = max(self.timer_total, int(self.timer_left))

    def vote(self, amount: int, key: int) -> None:
        """A letter (Shift: take back) adds a vote for that option, and selects it for typed counts."""
        number = LETTER_KEYS[key]
        self.workshop.add_vote(number, amount)  # past the options: refused, told in a toast
        self._open_vote()
        self.selected, self.typed = number, ""

    def select(self, delta: int) -> None:
        """Up or Down while voting: the option typed digits count for."""
        count = len(self.workshop.view().choices)
        self.selected, self.typed = max(1, min(count, self.selected + delta)), ""

    def type_digit(self, key: int) -> None:
        """A digit: part of the selected option's count."""
        self.type_count(0 if key in (pygame.K_0, pygame.K_KP0) else NUMBER_KEYS[key])

    def untype(self) -> None:
        """Backspace: take back the last digit typed."""
        self.typed = self.typed[:-1]
        self.workshop.set_votes(self.selected, int(self.typed or 0))

    def back_one(self) -> None:
        """Clicker 'back': reopen a tied vote (votes kept), else take the last decision back; votes already
        entered for the decision on screen are never thrown away without asking."""
        workshop = self.workshop
        if workshop.cancel_tie():
            self.revealed = None
            return
        entered = sum(workshop.votes.values())
        if self._can_reread():
            self.vote_open, self.timer_running = None, False  # back to the line's own page
            return
        if self._voting() and entered and workshop.state_before_last() is not None:
            self.app.push(ConfirmCard(self.app, "back_title", "back_message", "back_yes", "back_no", self._undo,
                                      n=entered))
        elif self._voting() and entered:
            self._tell(t("votes_kept", self.language))
        else:
            self._undo()

    def _undo(self) -> None:
        if self.workshop.undo():
            self.revealed = None
            self._sync()
            self.vote_open = self.place  # the room saw this decision's options before it voted the first time

    def _voting(self) -> bool:
        return self.revealed is None and self.workshop.kind() == "decision" and not self.reading()

    def type_count(self, digit: int) -> None:
        """Digits typed set the selected option's count, like a spreadsheet cell."""
        if not self._voting():
            return
        if not self.selected:
            self._tell(t("select_option_first", self.language))
            return
        self._open_vote()
        self.typed = (self.typed + str(digit))[-4:]
        self.workshop.set_votes(self.selected, int(self.typed))

    def reveal(self) -> None:
        """Count the room's votes and show the result (and, for a clear majority, the consequences)."""
        if not any(self.workshop.votes.values()):
            self._tell(t("enter_votes", self.language, letters=letter_range(len(self.workshop.view().choices))))
            return
        self.timer_running = False
        self.revealed = self.workshop.reveal()

    def proceed(self) -> None:
        """Clicker 'next': reveal at a decision, move past a result, a line or an ending."""
        workshop = self.workshop
        if workshop.pending_tie is not None:
            return
        if self.reading():
            self._open_vote()  # the room has read the line: the options, and the vote
            return
        if self.revealed is not None:
            self.revealed = None
            if workshop.hand_over_due():
                workshop.next_team()
        elif self._voting():
            if any(workshop.votes.values()):
                self.reveal()
            else:  # 'next' before any vote: start (or pause) the discussion timer
                self.toggle_timer()
            return
        elif workshop.kind() == "line":
            workshop.advance()
        elif workshop.finished(workshop.team):
            if not workshop.next_team():
                self.session.finish()
                return
        self._sync()

    def toggle_notes(self) -> None:
        """N: presenter notes in a second window when a second display exists; on a single display they
        would be projected, so they show only after the facilitator confirms it (N again hides them)."""
        if pygame.display.get_num_displays() > 1 and self.app.surface.get_flags() & pygame.FULLSCREEN == 0:
            if self.presenter is None:
                sizes = pygame.display.get_desktop_sizes()
                self.presenter = pygame.Window("Presenter", (960, 720), position=(sizes[0][0] + 40, 40))
            else:
                self.presenter.destroy()
                self.presenter = None
            return
        if self.show_notes:
            self.show_notes = False
        else:
            self.app.push(ConfirmCard(self.app, "notes_title", "notes_message", "notes_yes", "notes_no",
                                      self._show_notes_to_room))

    def _show_notes_to_room(self) -> None:
        self.show_notes = True

    # --- time --------------------------------------------------------------------------------

    def update(self, dt: float) -> bool:
        self._sync()
        self._clear_resolved_toast()
        moving = False
        if self.timer_running and not self.paused():
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
        return moving

    # --- drawing -----------------------------------------------------------------------------

    def follow(self) -> None:
        self._sync()


def _past_records(folder) -> list:
    """The runs recorded under the saves folder; none when it cannot be read (the reveal works without)."""
    try:
        return local_records(folder)
    except OSError:
        return []


def _make_chime() -> Optional["pygame.mixer.Sound"]:
    """A soft two-tone chime for the end of the timer, synthesised (no sound files); None without audio."""
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=22050, size=-16, channels=1)
    except pygame.error:
        return None  # no audio device: the timer still flashes
    mixer = pygame.mixer.get_init()
    if mixer is None:
        return None
    rate, _, channels = mixer
    samples = array.array("h")
    for frequency, length in ((660, 0.35), (880, 0.5)):
        count = int(rate * length)
        for index in range(count):
            envelope = math.exp(-4 * index / count)
            samples.append(int(9000 * envelope * math.sin(2 * math.pi * frequency * index / rate)))
    if channels == 2:
        samples = array.array("h", (value for value in samples for _ in range(2)))
    return pygame.mixer.Sound(buffer=samples.tobytes())
