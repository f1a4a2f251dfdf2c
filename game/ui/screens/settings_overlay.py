"""The settings card: language, text size, contrast, fullscreen, text speed, coaching, motion, the learner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import pygame

from game.settings import MAX_LEARNER_FIELD, TEXT_SIZES, TEXT_SPEEDS, valid_email
from game.ui.actions import Action
from game.ui.keymap import (
    ACTIVATE_KEYS, Binding, Keymap,
)
from game.ui.layout import button_height, button_width, stack_buttons
from game.ui.screens.overlays import CardOverlay
from game.ui.strings import labelled, t
from game.vocab import next_language
from game.ui.widgets import Button

if TYPE_CHECKING:
    pass


SETTINGS_KEYS = Keymap(
    "settings", "keys_settings",
    Binding((pygame.K_UP,), "move_focus", "kn_up_down", "ka_pick_row", args=(-1,)),
    Binding((pygame.K_DOWN, pygame.K_TAB), "move_focus", "kn_up_down", "ka_pick_row", args=(1,)),
    Binding((pygame.K_LEFT,), "change_focused", "kn_left_right", "ka_change_setting", when=("setting",), args=(-1,)),
    Binding((pygame.K_RIGHT,), "change_focused", "kn_left_right", "ka_change_setting", when=("setting",), args=(1,)),
    Binding(ACTIVATE_KEYS, "activate_focused", "kn_space", "ka_activate", when=("focused",)),
    Binding((pygame.K_ESCAPE,), "back", "kn_esc", "ka_back"),
)
TYPING_KEYS = Keymap(  # while a name or email is typed
    "typing", "keys_typing",
    Binding((pygame.K_RETURN, pygame.K_KP_ENTER), "save_typed", "kn_enter", "ka_save"),
    Binding((pygame.K_BACKSPACE,), "delete_typed", "kn_backspace", "ka_delete_letter"),
    Binding((pygame.K_ESCAPE,), "stop_typing", "kn_esc", "ka_cancel"),
)


class SettingsOverlay(CardOverlay):
    """Language, text size, contrast, fullscreen, text speed, coaching, motion: changed in place, saved at once.

    The learner's name and email (which the training records carry) share one row and are typed in
    place: Enter or a click starts with the name, Enter saves it and goes on to the email, which is
    checked before it is saved; Esc leaves the field. Back sits beside the title, so the rows fit at
    the largest text size.
    """

    keymap = SETTINGS_KEYS

    ROWS = ("language", "text_size", "high_contrast", "fullscreen", "text_speed", "coaching_mode", "reduce_motion",
            "learner")

    def __init__(self, app):
        super().__init__(app)
        self.typing_field: Optional[str] = None  # learner_name or learner_email while it is typed
        self.draft = ""

    @property
    def takes_text(self) -> bool:
        """True while a name or email is typed (L then types an L rather than switching the language)."""
        return self.typing_field is not None

    @property
    def size(self) -> tuple[float, float]:  # type: ignore[override]
        """The card's share of the window: wide enough for every row on one line in two columns (large text
        widens it up to nearly the window)."""
        theme, book = self.app.theme, self.app.book
        widest = max(book.width(labelled(title, value, self.language), theme.body) for title, value, _ in self._rows())
        needed = 2 * (widest + 2 * theme.gap + theme.px(4)) + theme.gap + 4 * theme.gap
        return min(0.94, max(0.6, needed / theme.width)), 0.8

    def _rows(self) -> list[tuple[str, str, str]]:
        """(title, value, row) of each setting."""
        titles = {row: row for row in self.ROWS} | {"learner": self.typing_field or "learner"}
        return [(t(titles[row], self.language), self._value(row), row) for row in self.ROWS]

    def _entries(self, width: int) -> list[tuple[str, str]]:
        """(label, row) of each setting for buttons ``width`` wide: "title: value" on one line, or when it does
        not fit, the value on a line of its own (a label never breaks inside a word, Chinese ones included)."""
        theme, book = self.app.theme, self.app.book
        entries = []
        for title, value, row in self._rows():
            label = labelled(title, value, self.language)
            if book.width(label, theme.body) > width - 2 * theme.gap:
                label = labelled(title, "\0", self.language).split("\0")[0].rstrip() + "\n" + value
            entries.append((label, row))
        return entries

    def _hint_lines(self) -> list[str]:
        theme = self.app.theme
        hint = TYPING_KEYS.hint(self.language) if self.typing_field else self.key_hint()
        return self.app.book.wrap(hint, theme.font_px(14),
                                  round(theme.width * self.size[0]) - 4 * theme.gap)

    def _back_size(self) -> tuple[int, int]:
        theme, book = self.app.theme, self.app.book
        label = t("back", self.language)
        width = button_width(book, theme, label)
        return width, button_height(book, theme, label, width)

    def _back_rect(self) -> pygame.Rect:
        """Back, at the top right of the card, beside the title."""
        rect = pygame.Rect((0, 0), self._back_size())
        box = self.box()
        rect.topright = (box.right - 2 * self.app.theme.gap, box.y + self.app.theme.gap)
        return rect

    def _header_height(self) -> int:
        return max(self.title_height(t("settings", self.language)), self._back_size()[1])

    def _columns(self) -> list[list[tuple[str, str]]]:
        """The rows in one column, or in two when one column would not fit the window (large text)."""
        theme = self.app.theme
        entries = self._entries(self._column_width(1))
        if self._frame_height() + self._column_height(entries, 1) <= theme.height - 2 * theme.gap:
            return [entries]
        entries = self._entries(self._column_width(2))
        half = (len(entries) + 1) // 2
        return [entries[:half], entries[half:]]

    def _column_width(self, count: int) -> int:
        theme = self.app.theme
        inner = round(theme.width * self.size[0]) - 4 * theme.gap
        return inner if count == 1 else (inner - theme.gap) // 2

    def _column_height(self, entries: list[tuple[str, str]], count: int) -> int:
        theme, book, width = self.app.theme, self.app.book, self._column_width(count)
        return sum(button_height(book, theme, label, width) + theme.px(8) for label, _ in entries)

    def _frame_height(self) -> int:
        """Everything but the rows: the title and Back, the hint, the spacing."""
        theme, book = self.app.theme, self.app.book
        return self._header_height() + 5 * theme.gap + book.text_height(len(self._hint_lines()), theme.font_px(14))

    def content_height(self) -> int:
        columns = self._columns()
        return self._frame_height() + max(self._column_height(column, len(columns)) for column in columns)

    def layout(self) -> None:
        theme, book = self.app.theme, self.app.book
        columns, box = self._columns(), self.box()
        width, top = self._column_width(len(columns)), box.y + self._header_height() + 2 * theme.gap
        self.buttons = []
        for index, column in enumerate(columns):
            x = box.x + 2 * theme.gap + index * (width + theme.gap)
            rects = stack_buttons(book, theme, [label for label, _ in column], x, top, width)
            self.buttons += [Button(rect, label, action) for rect, (label, action) in zip(rects, column, strict=True)]
        self.buttons.append(Button(self._back_rect(), t("back", self.language), "back"))

    def _value(self, row: str) -> str:
        settings = self.app.settings
        if row == "learner":
            if self.typing_field:
                return self.draft + "|"  # a caret every font has
            return " · ".join(v for v in (settings.learner_name, settings.learner_email) if v) \
                or t("not_set", self.language)
        if row == "language":
            return t("language_name", settings.language)  # each language by its own name
        if row == "text_size":
            return f"{settings.text_size + 1} / {len(TEXT_SIZES)}"
        if row == "text_speed":
            return t(f"speed_{settings.text_speed}", self.language)
        flag = {"high_contrast": settings.high_contrast, "fullscreen": settings.fullscreen,
                "coaching_mode": settings.coaching, "reduce_motion": settings.reduce_motion}[row]
        return t("on" if flag else "off", self.language)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.TEXTINPUT and self.typing_field:
            typed = "".join(c for c in event.text if c.isprintable())  # pasted line breaks never reach a field
            self.draft = (self.draft + typed)[:MAX_LEARNER_FIELD]
            self.layout()
            return
        if event.type == pygame.MOUSEBUTTONDOWN and self.typing_field:
            self.finish_typing()  # a click elsewhere saves what was typed, as Enter would
            if self.typing_field:
                return  # refused: the message says why, the field stays open
        super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> None:
        if self.typing_field:  # the characters come as TEXTINPUT events
            TYPING_KEYS.dispatch(self, event.key, event.mod)
            self.layout()
        else:
            super().handle_key(event)

    def modes(self) -> set[str]:
        """"setting" while a row whose value Left/Right changes has the focus."""
        focused = self.buttons[self.focus].action if 0 <= self.focus < len(self.buttons) else None
        return {"setting"} if focused not in (None, "back", "learner") else set()

    def focused_label(self) -> dict[str, str]:
        """Enter on a setting changes it: the hint says so, not the row's label again."""
        if "setting" in self.modes():
            return {"ka_activate": t("ka_change_setting", self.language)}
        return super().focused_label()

    def change_focused(self, direction: int) -> None:
        """Left/Right: the focused row's next or previous value."""
        row = self.buttons[self.focus].action
        if isinstance(row, str):  # every settings row is a word
            self.change(row, direction)

    def delete_typed(self) -> None:
        """Backspace while typing: the last character goes."""
        self.draft = self.draft[:-1]

    def save_typed(self) -> None:
        """Enter while typing: keep what was typed (after the name, the email is asked for)."""
        self.finish_typing(then_email=True)

    def start_typing(self, row: str) -> None:
        """Type into the name or email row, starting from what is set."""
        self.typing_field, self.draft = row, getattr(self.app.settings, row)
        pygame.key.start_text_input()
        self.layout()

    def finish_typing(self, then_email: bool = False) -> None:
        """Save what was typed (the name, then with ``then_email`` go on to the email); an email that is
        not one is refused with a message and stays open to fix."""
        text = self.draft.strip()
        if self.typing_field == "learner_email" and not valid_email(text):
            self.app.notify(t("bad_email", self.language, text=text), seconds=6.0)
            return
        field = self.typing_field
        if field is None:  # a stray Enter with no row being typed into
            return
        self.app.update_settings(**{field: text})
        self.stop_typing()
        if field == "learner_name" and then_email:
            self.start_typing("learner_email")

    def stop_typing(self) -> None:
        """Leave the field (Esc: nothing typed is kept)."""
        self.typing_field, self.draft = None, ""
        pygame.key.stop_text_input()
        self.layout()

    def activate(self, action: Action) -> None:
        if action == "back":
            self.app.pop()
        elif action == "learner":
            self.start_typing("learner_name")
        elif isinstance(action, str):
            self.change(action, 1)

    def change(self, row: str, direction: int) -> None:
        """Step one setting forwards or backwards."""
        settings, app = self.app.settings, self.app
        if row == "language":
            app.update_settings(language=next_language(settings.language))
        elif row == "text_size":
            app.update_settings(text_size=(settings.text_size + direction) % len(TEXT_SIZES))
        elif row == "high_contrast":
            app.update_settings(high_contrast=not settings.high_contrast)
        elif row == "fullscreen":
            app.toggle_fullscreen()
        elif row == "text_speed":
            speeds = list(TEXT_SPEEDS)
            app.update_settings(text_speed=speeds[(speeds.index(settings.text_speed) + direction) % len(speeds)])
        elif row == "coaching_mode":
            app.update_settings(coaching=not settings.coaching)
        elif row == "reduce_motion":
            app.update_settings(reduce_motion=not settings.reduce_motion)

    def draw(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        area = self.draw_card(surface, t("settings", self.language))
        self.draw_buttons(surface)
        lines = self._hint_lines()
        top = self.box().bottom - theme.gap - book.text_height(len(lines), theme.font_px(14))
        book.draw_lines(surface, lines, theme.font_px(14), theme.palette.text_dim, (area.x, top))
