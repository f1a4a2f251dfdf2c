"""Overlays: pause menu, history, settings, scene errors and notices."""

from __future__ import annotations

from typing import Optional

import pygame

from game.diagnostics import Diagnostic
from game.settings import TEXT_SIZES, TEXT_SPEEDS
from game.ui.screens.base import Screen
from game.ui.strings import labelled, t
from game.ui.widgets import Button, draw_button, panel, shade


class CardOverlay(Screen):
    """An overlay: a centred panel over the darkened screen below."""

    overlay = True
    size = (0.5, 0.7)  # fraction of the window

    def box(self) -> pygame.Rect:
        """The panel's rect."""
        theme = self.app.theme
        rect = pygame.Rect(0, 0, round(theme.width * self.size[0]), round(theme.height * self.size[1]))
        rect.center = (theme.width // 2, theme.height // 2)
        return rect

    def draw_card(self, surface: pygame.Surface, title: str) -> pygame.Rect:
        """Shade the screen, draw the panel and its title; returns the area below the title."""
        theme, book = self.app.theme, self.app.book
        shade(surface, theme)
        box = self.box()
        panel(surface, box, theme, book)
        heading = book.render(title, theme.heading, theme.palette.text, bold=True)
        surface.blit(heading, (box.x + 2 * theme.gap, box.y + theme.gap))
        return pygame.Rect(box.x + 2 * theme.gap, box.y + heading.get_height() + 2 * theme.gap,
                           box.width - 4 * theme.gap, box.height - heading.get_height() - 3 * theme.gap)

    def stack_buttons(self, entries: list[tuple[str, str]], area: pygame.Rect) -> None:
        """Lay out one button per (label, action), top to bottom."""
        theme = self.app.theme
        height = min(theme.px(56), (area.height - theme.px(8) * len(entries)) // max(1, len(entries)))
        self.buttons = [Button(pygame.Rect(area.x, area.y + i * (height + theme.px(8)), area.width, height), label,
                               action) for i, (label, action) in enumerate(entries)]

    def draw_buttons(self, surface: pygame.Surface) -> None:
        """Draw the overlay's buttons."""
        for index, button in enumerate(self.buttons):
            draw_button(surface, button, self.app.theme, self.app.book, index == self.focus, index == self.hover)


class PauseOverlay(CardOverlay):
    """Esc during play: resume, history, settings, restart, main menu, quit."""

    size = (0.4, 0.72)

    def layout(self) -> None:
        theme = self.app.theme
        area = self.box().inflate(-4 * theme.gap, -4 * theme.gap)
        area.y += theme.px(60)
        area.height -= theme.px(60)
        keys = [("resume", "resume"), ("history", "history"), ("settings", "settings"), ("restart", "restart"),
                ("main_menu", "menu"), ("quit", "quit")]
        self.stack_buttons([(t(key, self.language), action) for key, action in keys], area)

    def activate(self, action: str) -> None:
        app = self.app
        if action == "resume":
            app.pop()
        elif action == "history":
            app.pop()
            app.push(HistoryOverlay(app))
        elif action == "settings":
            app.push(SettingsOverlay(app))
        elif action == "restart":
            app.start_scene(app.run.scene_path, app.run.mode)
        elif action == "menu":
            app.to_title()
        elif action == "quit":
            app.running = False

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_card(surface, t("paused", self.language))
        self.draw_buttons(surface)


class HistoryOverlay(CardOverlay):
    """H during play: everything said so far, newest at the bottom, scrollable."""

    size = (0.8, 0.84)

    def __init__(self, app):
        super().__init__(app)
        self.offset = 0  # lines scrolled up from the bottom

    def handle_key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_h, pygame.K_ESCAPE):
            self.app.pop()
        elif event.key in (pygame.K_UP, pygame.K_PAGEUP):
            self.scroll(-1 if event.key == pygame.K_UP else -10)
        elif event.key in (pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.scroll(1 if event.key == pygame.K_DOWN else 10)

    def scroll(self, lines: int) -> None:
        self.offset = max(0, self.offset - lines)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not self.box().collidepoint(event.pos):
            self.app.pop()
            return
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        area = self.draw_card(surface, t("history", self.language))
        area.height -= theme.px(30)
        rows: list[tuple[str, tuple, bool]] = []
        for line in self.app.run.history(self.language):
            rows.append(("", palette.text, False))
            rows.append((line.speaker, palette.accent if line.by_player else (150, 84, 40), True))
            rows += [(text, palette.text, False) for text in book.wrap(line.text, theme.body, area.width - theme.gap)]
        visible = max(1, area.height // book.line_height(theme.body))
        self.offset = min(self.offset, max(0, len(rows) - visible))
        end = len(rows) - self.offset
        y = area.y
        for text, colour, bold in rows[max(0, end - visible):end]:
            if text:
                surface.blit(book.render(text, theme.body if not bold else theme.small, colour, bold), (area.x, y))
            y += book.line_height(theme.body) if text else theme.px(8)
        hint = book.render(t("history_hint", self.language), theme.font_px(14), palette.text_dim)
        surface.blit(hint, (area.x, area.bottom + theme.px(6)))


class SettingsOverlay(CardOverlay):
    """Language, text size, contrast, fullscreen, text speed, coaching: changed in place, saved at once."""

    size = (0.6, 0.8)
    ROWS = ("language", "text_size", "high_contrast", "fullscreen", "text_speed", "coaching_mode")

    def layout(self) -> None:
        theme = self.app.theme
        area = self.box().inflate(-4 * theme.gap, -4 * theme.gap)
        area.y += theme.px(60)
        area.height -= theme.px(100)
        entries = [(labelled(t(row, self.language), self._value(row), self.language), row) for row in self.ROWS]
        self.stack_buttons(entries + [(t("back", self.language), "back")], area)

    def _value(self, row: str) -> str:
        settings = self.app.settings
        if row == "language":
            return "English" if settings.language == "en" else "简体中文"
        if row == "text_size":
            return f"{settings.text_size + 1} / {len(TEXT_SIZES)}"
        if row == "text_speed":
            return t(f"speed_{settings.text_speed}", self.language)
        flag = {"high_contrast": settings.high_contrast, "fullscreen": settings.fullscreen,
                "coaching_mode": settings.coaching}[row]
        return t("on" if flag else "off", self.language)

    def handle_key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and self.buttons[self.focus].action != "back":
            self.change(self.buttons[self.focus].action, 1 if event.key == pygame.K_RIGHT else -1)
        elif event.key in (pygame.K_UP, pygame.K_DOWN):
            self.move_focus(-1 if event.key == pygame.K_UP else 1)
        else:
            super().handle_key(event)

    def activate(self, action: str) -> None:
        if action == "back":
            self.app.pop()
        else:
            self.change(action, 1)

    def change(self, row: str, direction: int) -> None:
        """Step one setting forwards or backwards."""
        settings, app = self.app.settings, self.app
        if row == "language":
            app.update_settings(language="zh" if settings.language == "en" else "en")
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

    def draw(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        area = self.draw_card(surface, t("settings", self.language))
        self.draw_buttons(surface)
        hint = book.render(t("settings_hint", self.language), theme.font_px(14), theme.palette.text_dim)
        surface.blit(hint, (area.x, self.box().bottom - theme.gap - hint.get_height()))


class _MessageOverlay(CardOverlay):
    """A list of messages with one button to close it."""

    size = (0.8, 0.7)
    title_key = "notice"

    def __init__(self, app, messages: list[str]):
        super().__init__(app)
        self.messages = messages

    def layout(self) -> None:
        theme = self.app.theme
        box = self.box()
        rect = pygame.Rect(0, 0, theme.px(200), theme.px(52))
        rect.bottomright = (box.right - 2 * theme.gap, box.bottom - theme.gap)
        self.buttons = [Button(rect, t("ok", self.language), "close")]

    def activate(self, action: str) -> None:
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        area = self.draw_card(surface, t(self.title_key, self.language))
        area.height -= theme.px(70)
        lines, size = book.fit("\n".join(self.messages), theme.small, area, minimum=0.75)
        book.draw_lines(surface, lines, size, theme.palette.text, area.topleft, clip=area)
        self.draw_buttons(surface)


class NoticeOverlay(_MessageOverlay):
    """Something was set aside or changed: say so, once, offering to start a scene again when its save was lost."""

    size = (0.6, 0.5)

    def __init__(self, app, messages: list[str], restart: Optional[str] = None):
        super().__init__(app, messages)
        self.restart = restart

    def layout(self) -> None:
        super().layout()
        if self.restart:
            theme = self.app.theme
            rect = self.buttons[0].rect.move(-(self.buttons[0].rect.width + theme.gap + theme.px(60)), 0)
            rect.width += theme.px(60)
            self.buttons.insert(0, Button(rect, t("start_again", self.language), "restart"))

    def activate(self, action: str) -> None:
        self.app.pop()
        if action == "restart":
            self.app.start_scene(self.restart)


class ErrorOverlay(_MessageOverlay):
    """A scene with errors: its diagnostics, in the validate format, instead of a crash."""

    title_key = "scene_errors"

    def __init__(self, app, diagnostics: list[Diagnostic]):
        errors = [d.format() for d in diagnostics if d.severity == "error"][:30]
        super().__init__(app, errors)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        theme, book = self.app.theme, self.app.book
        hint = book.render(t("errors_hint", self.language), theme.font_px(14), theme.palette.text_dim)
        box = self.box()
        surface.blit(hint, (box.x + 2 * theme.gap, box.bottom - theme.gap - hint.get_height()))
