"""The briefing shown when a scene is chosen, and the question asked before an unfinished run is replaced.

The briefing gives the setting, the customer, the summary, what to practise (the objectives), the
keys and the assessment rules; Start practice or Start assessment begins the scene. Start practice is
focused at first and Enter starts it (the hint says so); the key that opened the briefing cannot
start the scene by repeating, because the App ignores a key still held from the screen before.
"""

from __future__ import annotations

import pygame

from game.program import Program
from game.ltext import pick
from game.vocab import CUSTOMER_SPEAKER
from game.ui.actions import Action
from game.ui.keymap import ACTIVATE_KEYS, HINT_SEPARATOR, LANGUAGE_KEY, NO_BREAK_SPACE, Binding, Keymap, entry
from game.ui.screens.base import Screen
from game.ui.screens.overlays import _MessageOverlay
from game.ui.scroll import Row, Scroller, scrollbar_width, text_rows
from game.ui.strings import CUSTOMER_TYPES, t
from game.ui.widgets import Button, draw_button, draw_key_hint, panel


BRIEFING_KEYS = Keymap(
    "briefing", "keys_briefing",
    Binding(ACTIVATE_KEYS, "activate_focused", "kn_space", "ka_activate", when=("focused",)),
    Binding((pygame.K_LEFT,), "move_focus", "kn_left_right_tab", "ka_pick_button", args=(-1,)),
    Binding((pygame.K_RIGHT, pygame.K_TAB), "move_focus", "kn_left_right_tab", "ka_pick_button", args=(1,)),
    # the buttons sit in a row: Up/Down read the text (when it is longer than its panel)
    Binding((pygame.K_UP,), "scroll", "kn_up_down", "ka_scroll", when=("scrolls",), args=(-1,)),
    Binding((pygame.K_DOWN,), "scroll", "kn_up_down", "ka_scroll", when=("scrolls",), args=(1,)),
    Binding((pygame.K_PAGEUP,), "scroll", "kn_pages", "ka_scroll_page", when=("scrolls",), args=(-8,)),
    Binding((pygame.K_PAGEDOWN,), "scroll", "kn_pages", "ka_scroll_page", when=("scrolls",), args=(8,)),
    Binding((pygame.K_ESCAPE,), "back", "kn_esc", "ka_back"),
)


class BriefingScreen(Screen):
    """What the scene is about and how it is played; Start begins it."""

    keymap = BRIEFING_KEYS

    def __init__(self, app, path: str, program: Program):
        super().__init__(app)
        self.path = path
        self.program = program
        self.scroller = Scroller()
        self.rows: list[Row] = []
        self.area = pygame.Rect(0, 0, 0, 0)
        self.focus = 0  # Start practice: what Enter does here, drawn focused
        self.hint_below = False  # the key hint has a row of its own under the buttons (large text)

    def layout(self) -> None:
        theme, book = self.app.theme, self.app.book
        pad = max(theme.gap, theme.body // 2)
        height = book.line_height(theme.body) + 2 * theme.px(10)
        entries = [("start_practice", "practice"), ("start_assessment", "assessment"), ("back", "back")]
        widths = [book.width(t(key, self.language), theme.body) + 2 * pad for key, _ in entries]
        x = theme.width - theme.px(48) - sum(widths) - theme.gap * (len(widths) - 1)
        below = self._hint_below(x)
        y = theme.height - theme.px(24) - height - (book.text_height(below, theme.small) + theme.gap if below else 0)
        self.hint_below = bool(below)
        self.buttons = []
        for (key, action), width in zip(entries, widths, strict=True):
            self.buttons.append(Button(pygame.Rect(x, y, width, height), t(key, self.language), action))
            x += width + theme.gap
        box = pygame.Rect(theme.px(48), theme.px(24), theme.width - theme.px(96), y - theme.gap - theme.px(24))
        self.box = box
        self.area = box.inflate(-2 * pad, -2 * theme.gap)
        self.rows = self._rows(self.area.width - scrollbar_width(theme))
        self.scroller.clamp(self.rows, self.area.height)
        self.focus = min(self.focus, len(self.buttons) - 1)

    def _widest_hints(self) -> list[str]:
        """The hints the briefing may show: with each button focused, the text scrolling."""
        labels = [t(key, self.language) for key in ("start_practice", "start_assessment", "back")]
        return [self.keymap.hint(self.language, {"focused", "scrolls"}, {"ka_activate": label}) for label in labels]

    def _hint_below(self, buttons_left: int) -> int:
        """0 when the key hint fits beside the buttons in two lines whichever button is focused; else the lines
        it takes in a row of its own under them (at large text sizes the hint is never left out)."""
        theme, book = self.app.theme, self.app.book
        beside = buttons_left - theme.gap - theme.px(48)
        if beside >= theme.px(120) and all(len(book.wrap(hint, theme.small, beside)) <= 2
                                           for hint in self._widest_hints()):
            return 0
        return max(len(book.wrap(hint, theme.small, theme.width - theme.px(96))) for hint in self._widest_hints())

    def _rows(self, width: int) -> list[Row]:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        language, program = self.language, self.program
        heading, label = theme.heading, theme.font_px(18)
        rows = text_rows(book, pick(program.title, language), heading, width, palette.text, bold=True)
        rows += text_rows(book, t("briefing", language), label, width, palette.accent, bold=True)

        def section(title_key: str, text: str) -> None:
            rows.append(Row(theme.px(12)))
            rows.extend(text_rows(book, t(title_key, language), label, width, palette.text_dim, bold=True))
            rows.extend(text_rows(book, text, theme.body, width, palette.text))

        section("summary_label", pick(program.summary, language))
        section("setting_label", pick(program.place, language))
        customer = pick(program.speakers[CUSTOMER_SPEAKER].name, language)
        kind = CUSTOMER_TYPES[language].get(program.customer_type, program.customer_type)
        section("customer_label", f"{customer} · {t('customer_type', language, type=kind)}")
        if program.objectives:
            section("objectives", "\n".join(f"• {pick(o, language)}" for o in program.objectives))
        section("keys_label", play_keys_text(language))
        section("assessment_rules_label", t("assessment_rules", language))
        return rows

    def scroll(self, lines: int) -> None:
        self.scroller.scroll(self.rows, self.area.height, lines)

    def modes(self) -> set[str]:
        """"scrolls" when the briefing is longer than its panel (the scroll keys then work)."""
        return {"scrolls"} if self.scroller.scrolls(self.rows, self.area.height) else set()

    def activate(self, action: Action) -> None:
        if action in ("practice", "assessment"):
            self.app.begin(self.path, self.program, action)
        elif action == "back":
            self.back()

    def back(self) -> None:
        self.app.to_title()

    def draw(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        surface.fill(theme.palette.background)
        panel(surface, self.box, theme, book)
        self.scroller.draw(surface, self.rows, self.area, theme)
        for index, button in enumerate(self.buttons):
            draw_button(surface, button, theme, book, index == self.focus, index == self.hover)
        if not 0 <= self.focus < len(self.buttons):
            return
        if self.hint_below:  # its own row under the buttons, across the window
            draw_key_hint(surface, self.key_hint(), self.box.x, self.box.right, theme.height - theme.px(24), theme,
                          book, most=4)
        else:
            draw_key_hint(surface, self.key_hint(), self.box.x, self.buttons[0].rect.x - theme.gap,
                          self.buttons[0].rect.bottom, theme, book)


def play_keys_text(language: str) -> str:
    """The keys of the play screen, from its keymap (with the language key every screen has)."""
    from game.ui.screens.play import PLAY_KEYS  # the play screen loads with the engine, after the briefing

    keys = [f"{names}{NO_BREAK_SPACE}{label}" for names, label in PLAY_KEYS.table(language)]
    return HINT_SEPARATOR.join(keys + [entry(LANGUAGE_KEY, language)])


class ReplaceRunOverlay(_MessageOverlay):
    """Starting a scene while a run is unfinished: say which run would end, and ask ("keep" is the default)."""

    size = (0.7, 0.5)
    title_key = "replace_run_title"

    def __init__(self, app, path: str, new_title: str, old: tuple[str, str, int]):
        super().__init__(app, [])
        self.path, self.new_title, self.old = path, new_title, old
        self.focus = 1

    def layout(self) -> None:
        scene, _, decisions = self.old
        self.messages = [t("replace_run", self.language, scene=scene, n=decisions + 1, new=self.new_title)]
        super().layout()

    def content_height(self) -> int:
        theme, book = self.app.theme, self.app.book
        scene, _, decisions = self.old
        message = t("replace_run", self.language, scene=scene, n=decisions + 1, new=self.new_title)
        width = round(theme.width * self.size[0]) - 4 * theme.gap
        lines = book.wrap(message, theme.small, width - theme.px(18))
        buttons = 2 * (book.line_height(theme.body) * 2 + 2 * theme.px(10) + theme.gap)
        return self.title_height(t(self.title_key, self.language)) + 4 * theme.gap \
            + book.text_height(len(lines), theme.small) + buttons + self.footer_height()

    def entries(self) -> list[tuple[str, str]]:
        return [(t("replace_run_yes", self.language, new=self.new_title), "replace"),
                (t("keep_run", self.language), "keep")]

    def activate(self, action: Action) -> None:
        self.app.pop()
        if action == "replace":
            self.app.open_briefing(self.path)
