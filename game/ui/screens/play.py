"""The play screen: backdrop, the person speaking, the line being said, the choices, the meter and coaching.

Text is laid out by content at the size the settings ask for (:mod:`game.ui.layout`): the line
grows its box and pages when it is long; the options are as tall as their text; when a decision
does not fit beside the picture the line above collapses to a one-line recap, and when it still
does not fit the options are paged (PgUp/PgDn). No option is focused until the player moves to
one, so Space and Enter never take a choice nobody selected.
"""

from __future__ import annotations

from typing import Optional, Sequence

import pygame

from game.run import Coaching
from game.ui.actions import Action, Option
from game.ui.keymap import CTRL, ENTER_KEYS, Binding, Keymap
from game.ui.layout import option_stack
from game.ui.linepages import line_pages
from game.ui.phone import card_rect
from game.ui.card import CardText, card_area, play_card
from game.ui.play_parts import PlayPicture, below_hud, draw_hud, draw_hud_meter, hud_height
from game.ui.screens.base import ACTIVATE_KEYS, NUMBER_KEYS, Screen
from game.ui.play_ahead import Ahead
from game.ui.play_control import PlayController
from game.ui.play_panels import PlayPanels
from game.ui.still_layer import StillLayer
from game.ui.strings import t
from game.ui.widgets import Button

METER_SPEED = 6.0  # meter units per second while it animates
COMMAND_KEYS = {pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_h, pygame.K_l, pygame.K_F5, pygame.K_F11,
                pygame.K_LSHIFT, pygame.K_RSHIFT, pygame.K_LCTRL, pygame.K_RCTRL, pygame.K_LALT, pygame.K_RALT,
                pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN}
MAX_DIALOG = 0.42  # the line's box may take this share of the window height before it pages


PLAY_KEYS = Keymap(
    "play", "keys_play",
    Binding(tuple(NUMBER_KEYS), "choose_key", "kn_digits", "ka_choose", when=("deciding",), with_key=True),
    Binding((pygame.K_UP,), "move_focus", "kn_up_down", "ka_select", when=("deciding",), args=(-1,)),
    Binding((pygame.K_DOWN, pygame.K_TAB), "move_focus", "kn_up_down", "ka_select", when=("deciding",), args=(1,)),
    Binding(ENTER_KEYS, "take_selected", "kn_enter", "ka_take", when=("deciding", "focused")),
    Binding((pygame.K_PAGEUP, pygame.K_LEFT), "turn_option_page", "kn_pages", "ka_more_choices", when=("deciding",),
            args=(-1,), hint=False),  # the page indicator says there are more
    Binding((pygame.K_PAGEDOWN, pygame.K_RIGHT), "turn_option_page", "kn_pages", "ka_more_choices", when=("deciding",),
            args=(1,), hint=False),
    Binding(ACTIVATE_KEYS + (pygame.K_RIGHT,), "proceed", "kn_space", "ka_more", when=("more",)),
    Binding(ACTIVATE_KEYS + (pygame.K_RIGHT,), "proceed", "kn_space", "ka_more", when=("card_more",)),
    Binding(ACTIVATE_KEYS + (pygame.K_RIGHT,), "proceed", "kn_space", "ka_continue", when=("!deciding",)),
    Binding((pygame.K_BACKSPACE,), "undo", "kn_backspace", "ka_undo", when=("!assessment", "undoable")),
    Binding((pygame.K_BACKSPACE,), "undo", "kn_backspace", "ka_undo", hint=False),  # an assessment says: no undo
    Binding((pygame.K_z,), "undo", "kn_ctrl_z", "ka_undo", mods=CTRL, hint=False),
    Binding((pygame.K_h,), "open_history", "kn_h", "ka_history"),
    Binding((pygame.K_ESCAPE,), "open_pause", "kn_esc", "ka_menu"),
)


class PlayScreen(PlayPanels, Screen):
    """Plays a run through its controller; holds only how far the line is revealed, the focus, the pages and
    animations."""

    def __init__(self, app, play: PlayController):
        super().__init__(app)
        self.play = play
        self.shown_key: Optional[tuple] = None
        self._view: Optional[tuple] = None  # (run, state, language, view) of the last view worked out
        self.revealed = 0.0  # characters shown of the current page of the line
        self.text_page = 0  # page of the line
        self.card_page = 0  # page of the coaching or ending card
        self.option_page = 0
        # index into the open choices; None until the player moves (the base class uses -1): handled here
        self.focus: Optional[int] = None  # type: ignore[assignment]
        self.meter_shown = play.run.meter
        self.coaching: Optional[Coaching] = None  # shown after a choice, until the player moves on
        self.picture = PlayPicture()
        self.ahead = Ahead()  # the ways on from here, prepared while nothing moves
        self.hints: dict[tuple, str] = {}  # key hints by language and modes
        self.rects: dict[str, pygame.Rect] = {}
        self.pages: list[list[str]] = [[]]
        self.recap = False
        self.recap_lines = 1
        # When the options need the line's room (it would collapse to a recap), the line stays until the player
        # has read it and pressed on: else its last page would vanish the moment it is shown.
        self.line_read = False
        self.holding_line = False
        self.card: Optional[CardText] = None
        self.still = StillLayer()  # everything but the line being revealed, the meter and the selected option
        self.meter_rect = pygame.Rect(0, 0, 0, 0)  # where the top bar puts the meter (set as the bar is drawn)
        self.meter_still = False  # True when the meter reaches the options' area: it is then drawn before them

    # --- state derived from the run ----------------------------------------------------------

    @property
    def view(self):
        """The current node in the current language (worked out once per state: frames ask for it often)."""
        run, language = self.play.run, self.language
        cached = self._view
        if cached is None or cached[0] is not run or cached[1] is not run.state or cached[2] != language:
            cached = self._view = (run, run.state, language, run.view(language))
        return cached[3]

    @property
    def assessing(self) -> bool:
        """True in an assessment run: no meter, no faces, no coaching, no undo until the scorecard."""
        return self.play.run.mode == "assessment"

    def _sync(self) -> None:
        """Restart the reveal when the run moved to another node."""
        key = self.play.run.place
        if key != self.shown_key:
            self.shown_key = key
            self.revealed = 0.0 if self.app.settings.characters_per_second else 1e9
            self.text_page = self.option_page = 0
            self.focus = None
            self.line_read = False
            self.layout()

    def follow(self) -> None:
        self._sync()

    def _page_chars(self) -> int:
        return sum(len(line) for line in self.pages[min(self.text_page, len(self.pages) - 1)])

    @property
    def page_revealed(self) -> bool:
        """True when the page of the line on screen is wholly shown."""
        return self.revealed >= self._page_chars()

    @property
    def line_done(self) -> bool:
        """True when the last page of the line is wholly shown."""
        return self.text_page >= len(self.pages) - 1 and self.page_revealed

    @property
    def deciding(self) -> bool:
        """True while the options are up."""
        return self._options_due and not self.holding_line

    @property
    def _options_due(self) -> bool:
        """The line of a decision is wholly shown and no card is up: the options come now (or after the line is
        read, when they need its room: :attr:`holding_line`)."""
        return self.view.kind == "decision" and self.line_done and self.coaching is None

    # --- layout ------------------------------------------------------------------------------

    def layout(self) -> None:
        theme, book = self.app.theme, self.app.book
        width, height = theme.width, theme.height
        self.buttons = []
        if self.shown_key is None:
            return
        view = self.view
        body, line = theme.body, book.line_height(theme.body)
        inner_width = round(width * 0.94) - 3 * theme.gap
        self.pages = line_pages(book, view.text, body, inner_width, self._lines_per_page(line))
        self.text_page = min(self.text_page, len(self.pages) - 1)
        rows = max(len(page) for page in self.pages)
        top = below_hud(self.app)
        self.rects = {"customer": pygame.Rect(round(width * 0.05), round(height * 0.13), round(width * 0.34),
                                              round(height * 0.58))}
        self.rects["dialog"] = self._dialog_rect(rows * line + self._dialog_chrome())
        self.recap = False
        self.card = None
        area = pygame.Rect(round(width * 0.43), top, round(width * 0.54), 0)
        area.height = self.rects["dialog"].top - theme.px(28) - top
        self.holding_line = False
        if self._options_due:
            labels = [(str(c.number), c.text) for c in view.choices]
            stack, _ = option_stack(book, theme, labels, area)
            self.holding_line = len(stack.pages) > 1 and not self.line_read
        if self.deciding:
            if len(stack.pages) > 1:  # collapse the line to a recap (two lines if they leave room), then page
                self.recap = True
                for self.recap_lines in (2, 1):
                    self.rects["dialog"] = self._dialog_rect(self._recap_height(self.recap_lines))
                    area.height = self.rects["dialog"].top - theme.px(12) - top
                    stack, _ = option_stack(book, theme, labels, area, reserve=self._indicator_height())
                    if len(stack.pages) == 1:
                        break
            self.option_stack = stack
            self.option_page = min(self.option_page, len(stack.pages) - 1)
            for index in stack.pages[self.option_page]:
                choice = view.choices[index]
                self.buttons.append(Button(stack.rects[index], choice.text, Option(choice.number),
                                           hotkey=str(choice.number)))
        elif self.coaching is not None or (view.kind == "ending" and self.line_done):
            self.rects["card"] = card_area(self.app, self.rects["customer"], area)
            self.card = play_card(self.app, view, self.coaching, self.rects["card"])
            self.card_page = min(self.card_page, len(self.card.pages) - 1)
        self.rects["choices"] = area
        self.rects["customer"] = card_rect(self.app, self.rects["customer"], self.rects["dialog"].top - theme.px(28))

    def relayout(self) -> None:
        """Lay out again; the focus is an option's place in the decision (not a button's), which layout keeps."""
        self.layout()

    def _lines_per_page(self, line: int) -> int:
        theme = self.app.theme
        return max(1, (round(theme.height * MAX_DIALOG) - self._dialog_chrome()) // line)

    def _dialog_chrome(self) -> int:
        """The line box's height without its text: the name tag above, the key hint below (one or two lines),
        the padding."""
        theme, book = self.app.theme, self.app.book
        name = round(theme.body * 1.6) - theme.px(16)
        hint = len(self.hint_lines(self.widest_hint())) * book.line_height(theme.font_px(14))
        return name + theme.px(8) + hint + theme.px(8) + theme.gap

    def _recap_height(self, lines: int) -> int:
        theme, book = self.app.theme, self.app.book
        height = book.text_height(lines, theme.body) + 2 * theme.px(10)
        if not self.recap_hint_beside():
            height += len(self.hint_lines(self.widest_hint())) * book.line_height(theme.font_px(14))
        return height

    def _indicator_height(self) -> int:
        theme = self.app.theme
        return round(theme.small * 1.6) + theme.px(10)

    def _dialog_rect(self, height: int) -> pygame.Rect:
        theme = self.app.theme
        return pygame.Rect(round(theme.width * 0.03), theme.height - theme.px(12) - height, round(theme.width * 0.94),
                           height)

    # --- input -------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        self._sync()  # a key pressed before the first frame of a scene acts on its first node, laid out
        self.picture.touch()
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            button = next((b for b in self.buttons if b.hit(event.pos)), None)
            if button is not None:
                self.activate(button.action)
            elif not self.deciding:  # a click beside the options must not pick one, nor skip them
                self.proceed()
            return
        if event.type == pygame.MOUSEMOTION:
            self.point(event.pos)
            return
        if event.type == pygame.MOUSEWHEEL and self.deciding:
            self.turn_option_page(-event.y)
            return
        super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> None:
        key, mods = event.key, event.mod
        if key in NUMBER_KEYS and not self.deciding and self.view.kind == "decision" and not mods & pygame.KMOD_CTRL:
            self.proceed()  # an option's number before the options are up does what Space does then, taking none
            if self.deciding:  # they are up now: the key's auto-repeat must not take one only just shown
                self.app.held.add(key)
            return
        if not self.line_done and key not in COMMAND_KEYS and not mods & pygame.KMOD_CTRL:
            self.proceed()  # any key shows the rest of the page, or turns to the next page
            return
        PLAY_KEYS.dispatch(self, key, mods, self.modes())

    def modes(self) -> set[str]:
        """What holds now, for the keymap: deciding, an option focused, more pages of the line or of the card,
        a decision to take back, an assessment."""
        modes = {"deciding"} if self.deciding else set()
        if self.focus is not None:
            modes.add("focused")
        if self.text_page < len(self.pages) - 1 or self.holding_line:
            modes.add("more")
        elif self.card is not None and self.card_page < len(self.card.pages) - 1:
            modes.add("card_more")
        if self.play.run.can_undo():
            modes.add("undoable")
        if self.assessing:
            modes.add("assessment")
        return modes

    def key_hint(self) -> str:
        """The keys that work now, from the keymap (worked out once per language and modes: every frame
        draws it)."""
        key = (self.language, frozenset(self.modes()))
        hint = self.hints.get(key)
        if hint is None:
            hint = self.hints[key] = PLAY_KEYS.hint(*key)
        return hint

    def widest_hint(self) -> str:
        """The widest key hint this node may show (at a decision: with an option selected, when Enter's entry
        joins it), which the line's box keeps room for so that the box keeps its size as the hint changes."""
        hints = [self.key_hint()]
        if self.view.kind == "decision":
            modes = (self.modes() - {"more", "card_more"}) | {"deciding", "focused"}
            key = (self.language, frozenset(modes))
            if key not in self.hints:  # not setdefault: its argument would be worked out on every call
                self.hints[key] = PLAY_KEYS.hint(*key)
            hints.append(self.hints[key])
        return max(hints, key=lambda hint: self.app.book.width(hint, self.app.theme.font_px(14)))

    def open_pause(self) -> None:
        """Esc: the pause menu."""
        from game.ui.screens.overlays import PauseOverlay

        self.app.push(PauseOverlay(self.app, self.play))

    def open_history(self) -> None:
        """H: what was said so far."""
        from game.ui.screens.overlays import HistoryOverlay

        self.app.push(HistoryOverlay(self.app, self.play.run))

    def choose_key(self, key: int) -> None:
        """A number key: take that option when it is on the page shown; an option on another page is shown
        and selected instead (nobody takes an option unread: Enter then takes it)."""
        number = NUMBER_KEYS[key]
        index = next((i for i, choice in enumerate(self.view.choices) if choice.number == number), None)
        if index is None or not self.deciding:
            return
        if index in self.option_stack.pages[self.option_page]:
            self.choose(number)
            return
        self.option_page, self.focus = self.option_stack.page_of(index), index
        self.layout()

    def take_selected(self) -> None:
        """Enter or Space on a selected option: take it."""
        if self.focus is not None:
            self.choose(self.view.choices[self.focus].number)

    def move_focus(self, delta: int) -> None:
        """Select the next or previous option, turning the page when the selection leaves it."""
        count = len(self.view.choices)
        if not count:
            return
        if self.focus is None:
            visible = self.option_stack.pages[self.option_page]
            self.focus = visible[0] if delta > 0 else visible[-1]
        else:
            self.focus = (self.focus + delta) % count
        self.option_page = self.option_stack.page_of(self.focus)
        self.layout()

    def turn_option_page(self, delta: int) -> None:
        """Show the next or previous page of options (the selection is dropped)."""
        pages = len(self.option_stack.pages) if self.deciding else 1
        page = max(0, min(pages - 1, self.option_page + delta))
        if page != self.option_page:
            self.option_page, self.focus = page, None
            self.layout()

    def undo(self) -> None:
        """Backspace: take back the last decision (not in an assessment)."""
        if self.assessing:
            self.app.notify(t("no_undo_in_assessment", self.language))
            return
        self.coaching = None
        if self.play.undo():
            self._sync()

    def proceed(self) -> None:
        """Space, Enter or a click outside the choices: show the page, turn it, close coaching, or move on."""
        view = self.view
        if self.revealed < self._page_chars():
            self.revealed = 1e9
        elif self.text_page < len(self.pages) - 1:
            self.text_page += 1
            self.revealed = 0.0 if self.app.settings.characters_per_second else 1e9
        elif self.card is not None and self.card_page < len(self.card.pages) - 1:
            self.card_page += 1
        elif self.coaching is not None:
            self.coaching, self.card_page = None, 0
        elif self.holding_line:
            self.line_read = True  # the line is read: the options may take its room
        elif view.kind == "line":
            self.play.advance()
        elif view.kind == "ending":
            self.play.finish()
            return
        self._sync()
        self.layout()

    def activate(self, action: Action) -> None:
        if isinstance(action, Option):  # a click on an option
            self.choose(action.number)

    def choose(self, number: int) -> None:
        """Take option ``number``, shown with its coaching (when coaching is on and this is practice)."""
        if not self.deciding:
            return
        visible = {self.view.choices[i].number for i in self.option_stack.pages[self.option_page]}
        if number not in visible:  # never an option the player cannot see
            return
        coaching = self.play.choose(number)
        self.coaching = coaching if self.app.settings.coaching and not self.assessing else None
        self.card_page = 0
        self._sync()
        self.layout()

    # --- animation ---------------------------------------------------------------------------

    def update(self, dt: float) -> bool:
        self.picture.clock += dt
        self._sync()
        moving = False
        speed = self.app.settings.characters_per_second
        if self.revealed < self._page_chars():
            self.revealed = self.revealed + speed * dt if speed else 1e9
            moving = True
            if self.line_done:
                self.layout()
        target = self.play.run.meter
        if abs(self.meter_shown - target) > 0.01:
            step = METER_SPEED * dt
            self.meter_shown += max(-step, min(step, target - self.meter_shown))
            moving = True
        return moving or self.picture.animating(self.app)

    def idle(self) -> bool:
        """Nothing moves: paint a person or face, or render the texts, the next step may show
        (:mod:`game.ui.play_ahead`); True while more remains."""
        if self.shown_key is None:
            return False
        ways = self.ahead.ways_from((self.play.run, self.play.run.place), self.play.ahead)
        if self.picture.prepare(self.app, self.rects["customer"], self.meter_shown, self.assessing,
                                [(run.visited, run.meter) for run, _ in ways]):
            return True
        coaching = self.app.settings.coaching and not self.assessing
        return self.ahead.render_next(self.app, lambda run: PlayScreen(self.app, PlayController(self.app, run)),
                                      coaching)

    def draw_texts(self, surface: pygame.Surface) -> None:
        """The top bar, the panels and the moving parts, not the picture: what renders this screen's texts."""
        self.meter_rect = draw_hud(surface, self.app, self.view.stages, self.assessing)
        self._draw_panels(surface)
        self._draw_moving(surface)

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.meter_still = self._meter_reaches_options()
        if surface is not self.app.surface:  # a test's or the layout audit's surface: compose it whole
            self._draw_still(surface)
            self._draw_moving(surface)
            return
        stays = self.app.screen is self and not self.app.toast  # else an overlay or a toast is drawn over it
        dialog, beside = self._panel_keys()
        middles = self._panel_middles()  # the picture is not copied where a panel drawn next paints opaque
        self.still.draw(surface, self._base_keys(), lambda window: self._draw_base(window, middles),
                        ((dialog, self._draw_dialog_panel), (beside, self._draw_beside)),
                        self._moving_areas, self._draw_moving, stays, self.app.theme)

    def _draw_still(self, surface: pygame.Surface) -> None:
        """Everything that stays while the line is revealed, the meter moves or the selection moves."""
        self._draw_base(surface)
        self._draw_panels(surface)

    def _draw_base(self, surface: pygame.Surface, holes: Sequence[pygame.Rect] = ()) -> None:
        """The picture and the top bar with the meter's bar (the whole meter, when it reaches the options'
        area), within the surface's clip: the top bar is left alone when the clip is below it (its meter
        rect is then kept). The picture is left out of ``holes`` (the panels' middles, painted over next)."""
        self.picture.draw(surface, self.app, self.rects["customer"], self.meter_shown, self.assessing, holes)
        clip = surface.get_clip()
        if clip.top < hud_height(self.app) or not self.meter_rect.width:
            self.meter_rect = draw_hud(surface, self.app, self.view.stages, self.assessing)
            if not self.assessing and not self.meter_still:  # the marker and the label move: drawn apart
                draw_hud_meter(surface, self.app, self.meter_rect, self.meter_shown, "bar")
        if self.meter_still:
            draw_hud_meter(surface, self.app, self.meter_rect, self.meter_shown)
