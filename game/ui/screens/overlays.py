"""Overlays: pause menu, history, scene errors and notices (settings: settings_overlay.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import pygame

from game.diagnostics import Diagnostic
from game.ui.actions import Action
from game.ui.keymap import (
    GLOBAL_KEYS, HINT_SEPARATOR, LANGUAGE_KEY, Binding, Keymap, entry, focus_bindings,
)
from game.ui.screens.base import Screen
from game.ui.layout import button_height, button_row, stack_buttons
from game.ui.scroll import Row, Scroller, scrollbar_width, text_rows
from game.ui.strings import t
from game.ui.widgets import Button, draw_button, panel, shade

if TYPE_CHECKING:
    from game.run import Run
    from game.ui.play_control import PlayController


HISTORY_KEYS = Keymap(
    "history", "keys_history",
    Binding((pygame.K_UP,), "scroll", "kn_up_down", "ka_scroll", when=("scrolls",), args=(-1,)),
    Binding((pygame.K_DOWN,), "scroll", "kn_up_down", "ka_scroll", when=("scrolls",), args=(1,)),
    Binding((pygame.K_PAGEUP,), "scroll", "kn_pages", "ka_scroll_page", when=("scrolls",), args=(-10,)),
    Binding((pygame.K_PAGEDOWN,), "scroll", "kn_pages", "ka_scroll_page", when=("scrolls",), args=(10,)),
    Binding((pygame.K_h, pygame.K_ESCAPE), "close", "kn_h_esc", "ka_close"),
)


class CardOverlay(Screen):
    """An overlay: a centred panel over the darkened screen below, its title wrapped at the heading size."""

    overlay = True
    size = (0.5, 0.7)  # fraction of the window (the panel grows for its content)

    def box(self) -> pygame.Rect:
        """The panel's rect."""
        theme = self.app.theme
        width = round(theme.width * self.size[0])
        height = min(theme.height - 2 * theme.gap, max(round(theme.height * self.size[1]), self.content_height()))
        rect = pygame.Rect(0, 0, width, height)
        rect.center = (theme.width // 2, theme.height // 2)
        return rect

    def content_height(self) -> int:
        """The height the panel's content needs (0: the default size)."""
        return 0

    def title_lines(self, title: str) -> list[str]:
        """The title wrapped to the panel."""
        theme = self.app.theme
        return self.app.book.wrap(title, theme.heading, round(theme.width * self.size[0]) - 4 * theme.gap, bold=True)

    def title_height(self, title: str) -> int:
        """Height of the wrapped title."""
        return self.app.book.text_height(len(self.title_lines(title)), self.app.theme.heading)

    def draw_card(self, surface: pygame.Surface, title: str) -> pygame.Rect:
        """Shade the screen, draw the panel and its title; returns the area below the title."""
        theme, book = self.app.theme, self.app.book
        shade(surface, theme)
        box = self.box()
        panel(surface, box, theme, book)
        lines = self.title_lines(title)
        bottom = book.draw_lines(surface, lines, theme.heading, theme.palette.text, (box.x + 2 * theme.gap,
                                                                                    box.y + theme.gap), bold=True)
        return pygame.Rect(box.x + 2 * theme.gap, bottom + theme.gap, box.width - 4 * theme.gap,
                           box.bottom - bottom - 2 * theme.gap)

    def stack_buttons(self, entries: list[tuple[str, str]], top: int) -> None:
        """Lay out one button per (label, action), top to bottom from ``top``, each as tall as its label."""
        theme, book = self.app.theme, self.app.book
        box = self.box()
        rects = stack_buttons(book, theme, [label for label, _ in entries], box.x + 2 * theme.gap, top,
                              box.width - 4 * theme.gap)
        self.buttons = [Button(rect, label, action) for rect, (label, action) in zip(rects, entries, strict=True)]

    def stacked_height(self, labels: list[str]) -> int:
        """Height of buttons stacked by :meth:`stack_buttons`."""
        theme, book = self.app.theme, self.app.book
        width = round(theme.width * self.size[0]) - 4 * theme.gap
        return sum(button_height(book, theme, label, width) + theme.px(8) for label in labels)

    def draw_buttons(self, surface: pygame.Surface) -> None:
        """Draw the overlay's buttons."""
        for index, button in enumerate(self.buttons):
            draw_button(surface, button, self.app.theme, self.app.book, index == self.focus, index == self.hover)


class PauseOverlay(CardOverlay):
    """Esc during play: resume, history, settings, restart, main menu, quit."""

    size = (0.4, 0.72)
    KEYS = [("resume", "resume"), ("history", "history"), ("settings", "settings"), ("restart", "restart"),
            ("main_menu", "menu"), ("quit", "quit")]

    def __init__(self, app, play: "PlayController"):
        super().__init__(app)
        self.play = play

    def _labels(self) -> list[str]:
        return [t(key, self.language) for key, _ in self.KEYS]

    def content_height(self) -> int:
        theme = self.app.theme
        return self.title_height(t("paused", self.language)) + 4 * theme.gap + self.stacked_height(self._labels()) \
            + self._hint_height()

    def _hint_lines(self, say: Optional[dict[str, str]] = None) -> list[str]:
        """The menu's keys (Enter names the focused button, or ``say``'s word) and the language key, wrapped."""
        theme = self.app.theme
        modes = self.focus_modes() if say is None else {"focused"}  # ``say``: as if that were focused
        hint = self.keymap.hint(self.language, modes, self.focused_label() if say is None else say) \
            + HINT_SEPARATOR + entry(LANGUAGE_KEY, self.language)
        return self.app.book.wrap(hint, theme.font_px(14), round(theme.width * self.size[0]) - 4 * theme.gap)

    def _hint_height(self) -> int:
        """Room for the hint with whichever button has the focus (the panel does not jump as the focus moves)."""
        lines = max(len(self._hint_lines({"ka_activate": label})) for label in self._labels())
        return self.app.book.text_height(lines, self.app.theme.font_px(14))

    def layout(self) -> None:
        theme = self.app.theme
        top = self.box().y + self.title_height(t("paused", self.language)) + 2 * theme.gap
        self.stack_buttons(list(zip(self._labels(), [action for _, action in self.KEYS], strict=True)), top)

    def activate(self, action: Action) -> None:
        app = self.app
        if action == "resume":
            app.pop()
        elif action == "history":
            app.pop()
            app.push(HistoryOverlay(app, self.play.run))
        elif action == "settings":
            from game.ui.screens.settings_overlay import SettingsOverlay  # it builds on CardOverlay, defined here

            app.push(SettingsOverlay(app))
        elif action == "restart":
            self.play.restart()
        elif action == "menu":
            app.to_title()
        elif action == "quit":
            app.running = False

    def draw(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        area = self.draw_card(surface, t("paused", self.language))
        self.draw_buttons(surface)
        lines = self._hint_lines()
        top = self.box().bottom - theme.gap - book.text_height(len(lines), theme.font_px(14))
        book.draw_lines(surface, lines, theme.font_px(14), theme.palette.text_dim, (area.x, top))


class HistoryOverlay(CardOverlay):
    """H during play: everything said so far, scrollable; it opens at the start of an entry, with its speaker."""

    size = (0.8, 0.84)

    def __init__(self, app, run: "Run"):
        super().__init__(app)
        self.run = run
        self.scroller = Scroller()
        self.rows: list[Row] = []
        self.area = pygame.Rect(0, 0, 0, 0)
        self.opened = False

    def layout(self) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        box = self.box()
        top = box.y + self.title_height(t("history", self.language)) + 2 * theme.gap
        hint = book.line_height(theme.font_px(14))
        self.area = pygame.Rect(box.x + 2 * theme.gap, top, box.width - 4 * theme.gap,
                                box.bottom - theme.gap - hint - theme.px(6) - top)
        width = self.area.width - scrollbar_width(theme)
        self.rows = []
        for index, line in enumerate(self.run.history(self.language)):
            self.rows.append(Row(theme.px(8), group=index))
            colour = palette.accent if line.by_player else (150, 84, 40)
            self.rows += text_rows(book, line.speaker, theme.small, width, colour, bold=True, group=index,
                                   first_starts=True)
            self.rows += text_rows(book, line.text, theme.body, width, palette.text, group=index)
        if not self.opened:
            self.scroller.show_last_group(self.rows, self.area.height)
            self.opened = True
        self.scroller.clamp(self.rows, self.area.height)

    def modes(self) -> set[str]:
        """"scrolls" when the conversation is longer than the panel (the scroll keys then work)."""
        return {"scrolls"} if self.scroller.scrolls(self.rows, self.area.height) else set()

    def handle_key(self, event: pygame.event.Event) -> None:
        HISTORY_KEYS.dispatch(self, event.key, event.mod, self.modes())

    def close(self) -> None:
        """H or Esc: back to the scene."""
        self.app.pop()

    def scroll(self, lines: int) -> None:
        self.scroller.scroll(self.rows, self.area.height, lines)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not self.box().collidepoint(event.pos):
            self.app.pop()
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        self.draw_card(surface, t("history", self.language))
        self.scroller.draw(surface, self.rows, self.area, theme)
        hint = book.render(HISTORY_KEYS.hint(self.language, self.modes()), theme.font_px(14), palette.text_dim)
        surface.blit(hint, (self.area.x, self.area.bottom + theme.px(6)))


MESSAGE_KEYS = Keymap(
    "message", "keys_message",
    Binding((pygame.K_PAGEUP,), "scroll", "kn_pages", "ka_scroll_page", when=("scrolls",), args=(-8,)),
    Binding((pygame.K_PAGEDOWN,), "scroll", "kn_pages", "ka_scroll_page", when=("scrolls",), args=(8,)),
    *focus_bindings(),  # its PgUp/PgDn go to the rows above while the messages scroll, else move the focus
)
RELOAD_KEY = next(binding for binding in GLOBAL_KEYS.bindings if binding.action == "reload_scene")
ERROR_KEYS = Keymap("errors", "keys_message", RELOAD_KEY, *MESSAGE_KEYS.bindings)  # F5: the App's, shown here


class _MessageOverlay(CardOverlay):
    """A list of messages (scrolling when long) with buttons to close it."""

    keymap = MESSAGE_KEYS

    size = (0.8, 0.7)
    title_key = "notice"

    def __init__(self, app, messages: list[str]):
        super().__init__(app)
        self.messages = messages
        self.scroller = Scroller()
        self.rows: list[Row] = []
        self.area = pygame.Rect(0, 0, 0, 0)

    def entries(self) -> list[tuple[str, str]]:
        """(label, action) of the buttons, left to right."""
        return [(t("ok", self.language), "close")]

    def footer_height(self, scrolls: bool = False) -> int:
        """Room under the buttons for the key hint, whichever button has the focus (and the scroll keys when
        the messages scroll)."""
        theme, book = self.app.theme, self.app.book
        modes = {"focused", "scrolls"} if scrolls else {"focused"}
        lines = max(len(self._hint_lines({"ka_activate": label}, modes)) for label, _ in self.entries())
        return book.text_height(lines, theme.font_px(14)) + theme.gap

    def modes(self) -> set[str]:
        """"scrolls" when the messages are longer than their room (PgUp/PgDn then scroll them)."""
        return {"scrolls"} if self.scroller.scrolls(self.rows, self.area.height) else set()

    def _hint_lines(self, say: Optional[dict[str, str]] = None, modes: Optional[set[str]] = None) -> list[str]:
        """The keys (Enter names the focused button, or ``say``'s word) and the language key, wrapped; in the
        screen's modes now, or in ``modes``."""
        theme = self.app.theme
        modes = modes if modes is not None else self.modes() | self.focus_modes()
        hint = self.keymap.hint(self.language, modes, self.focused_label() if say is None else say) \
            + HINT_SEPARATOR + entry(LANGUAGE_KEY, self.language)
        return self.app.book.wrap(hint, theme.font_px(14), round(theme.width * self.size[0]) - 4 * theme.gap)

    def layout(self) -> None:
        self._lay_out(scrolls=False)
        if self.scroller.scrolls(self.rows, self.area.height):  # the hint names the scroll keys: room for them
            self._lay_out(scrolls=True)

    def _lay_out(self, scrolls: bool) -> None:
        theme, book = self.app.theme, self.app.book
        box = self.box()
        entries = self.entries()
        rects = button_row(book, theme, [label for label, _ in entries], box.right - 2 * theme.gap,
                           box.bottom - theme.gap - self.footer_height(scrolls), box.width - 4 * theme.gap)
        self.buttons = [Button(rect, label, action) for rect, (label, action) in zip(rects, entries, strict=True)]
        top = box.y + self.title_height(t(self.title_key, self.language)) + 2 * theme.gap
        self.area = pygame.Rect(box.x + 2 * theme.gap, top, box.width - 4 * theme.gap,
                                min(r.y for r in rects) - theme.gap - top)
        width = self.area.width - scrollbar_width(theme)
        self.rows = []
        for message in self.messages:
            self.rows += text_rows(book, message, theme.small, width, theme.palette.text) + [Row(theme.px(6))]
        self.scroller.clamp(self.rows, self.area.height)

    def scroll(self, lines: int) -> None:
        self.scroller.scroll(self.rows, self.area.height, lines)

    def activate(self, action: Action) -> None:
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        self.draw_card(surface, t(self.title_key, self.language))
        self.scroller.draw(surface, self.rows, self.area, theme)
        self.draw_buttons(surface)
        lines = self._hint_lines()
        box = self.box()
        book.draw_lines(surface, lines, theme.font_px(14), theme.palette.text_dim,
                        (box.x + 2 * theme.gap, box.bottom - theme.gap - book.text_height(len(lines),
                                                                                          theme.font_px(14))))


class NoticeOverlay(_MessageOverlay):
    """Something was set aside or changed: say so, once, offering to start a scene again when its save was lost."""

    size = (0.6, 0.5)

    def __init__(self, app, messages: list[str], restart: Optional[str] = None):
        super().__init__(app, messages)
        self.restart = restart

    def entries(self) -> list[tuple[str, str]]:
        restart = [(t("start_again", self.language), "restart")] if self.restart else []
        return restart + super().entries()

    def activate(self, action: Action) -> None:
        self.app.pop()
        if action == "restart" and self.restart:
            self.app.start_scene(self.restart)


class ErrorOverlay(_MessageOverlay):
    """A scene with errors: its diagnostics, in the validate format, instead of a crash."""

    keymap = ERROR_KEYS

    title_key = "scene_errors"

    def __init__(self, app, diagnostics: list[Diagnostic]):
        errors = [d.format() for d in diagnostics if d.severity == "error"][:30]
        super().__init__(app, errors)
