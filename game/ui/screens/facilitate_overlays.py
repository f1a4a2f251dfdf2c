"""Overlays of facilitator mode in projector type: the pause menu and yes/no questions.

They are drawn in the same large type as the projector view (at least 1/25 of the screen height),
content-sized: the card grows with its text instead of shrinking it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

import pygame

from game.ui.actions import Action
from game.ui.blocks import Canvas, TextBlock, measure
from game.ui.screens.overlays import CardOverlay
from game.ui.keymap import HINT_SEPARATOR, LANGUAGE_KEY, entry
from game.ui.screens.projector import DIM, Projected, projector_sizes
from game.ui.strings import t
from game.vocab import next_language
from game.ui.widgets import Button, panel, shade

if TYPE_CHECKING:
    from game.ui.workshop_control import WorkshopController


class RoomCard(Projected, CardOverlay):
    """A card with a title, an optional message and a column of buttons, all in projector type."""

    def __init__(self, app, title: str, entries: list[tuple[str, str]], message: str = ""):
        super().__init__(app)
        self.title, self.entries, self.message = title, entries, message
        self.drawn: list[TextBlock] = []
        self._blocks: list[tuple[TextBlock, Optional[Button]]] = []

    def layout(self) -> None:
        theme, book = self.app.theme, self.app.book
        size = projector_sizes(theme).floor
        width = round(theme.width * 0.62)
        pad, gap = theme.px(18), theme.px(10)
        inner_width = width - 2 * pad
        x = (theme.width - width) // 2
        blocks: list[tuple[TextBlock, Optional[Button]]] = []
        y = 0
        title = measure(book, self.title, size, inner_width, (x + pad, y), pygame.Rect(0, 0, 0, 0), size,
                        bold=True)
        blocks.append((title, None))
        y = title.rect.bottom + gap
        if self.message:
            message = measure(book, self.message, size, inner_width, (x + pad, y), pygame.Rect(0, 0, 0, 0), size)
            blocks.append((message, None))
            y = message.rect.bottom + gap
        self.buttons = []
        for label, action in self.entries:
            text = measure(book, label, size, inner_width - 2 * pad, (x + 2 * pad, y + gap), pygame.Rect(0, 0, 0, 0),
                           size)
            button = Button(pygame.Rect(x + pad, y, inner_width, text.rect.height + 2 * gap), label, action)
            text.container = button.rect
            self.buttons.append(button)
            blocks.append((text, button))
            y = button.rect.bottom + gap
        hint = measure(book, self.key_hint(), size, inner_width, (x + pad, y), pygame.Rect(0, 0, 0, 0), size,
                       DIM)
        blocks.append((hint, None))
        y = hint.rect.bottom + gap  # clear of the card's edge, descenders and all
        height = y + pad
        top = max(0, (theme.height - height) // 2)
        self.card = pygame.Rect(x, top, width, height)
        for block, owner in blocks:  # everything was measured from 0: move it into the card
            block.rect.move_ip(0, top + pad)
            if owner is not None:
                owner.rect.move_ip(0, top + pad)
            else:
                block.container = self.card
        self._blocks = blocks
        self.focus = min(self.focus, len(self.buttons) - 1)

    def box(self) -> pygame.Rect:
        return getattr(self, "card", super().box())

    def key_hint(self) -> str:
        """The card's keys (Enter names the focused answer) and the language key, at the card's foot."""
        return HINT_SEPARATOR.join([super().key_hint(), entry(LANGUAGE_KEY, self.language)])

    def move_focus(self, delta: int) -> None:
        super().move_focus(delta)
        self.layout()  # the hint names the focused answer: it may take another line

    def draw(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        shade(surface, theme)
        panel(surface, self.card, theme, book, fill=(20, 28, 44), edge=(110, 124, 150))
        canvas = Canvas(surface, book)
        for block, button in self._blocks:
            if button is not None:
                number = self.buttons.index(button)
                focused, hovered = number == self.focus, number == self.hover
                pygame.draw.rect(surface, (44, 58, 84) if hovered else (30, 40, 60), button.rect,
                                 border_radius=theme.radius)
                pygame.draw.rect(surface, (250, 200, 60) if focused else (90, 104, 130), button.rect,
                                 theme.px(5) if focused else theme.px(2), border_radius=theme.radius)
            if block.colour != DIM:  # the hint keeps its dim colour
                block.colour = (255, 255, 255)
            canvas.draw(block)
        self.drawn = canvas.drawn

    def handle_key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_UP, pygame.K_DOWN):
            self.move_focus(-1 if event.key == pygame.K_UP else 1)
        elif event.key == pygame.K_l:
            self.app.update_settings(language=next_language(self.language))
        else:
            super().handle_key(event)


class FacilitatorMenu(RoomCard):
    """Esc in facilitator mode: resume, end the session and compare, or leave."""

    def __init__(self, app, session: "WorkshopController"):
        super().__init__(app, t("paused", app.settings.language), [])
        self.session = session

    def layout(self) -> None:
        self.title = t("paused", self.language)
        self.entries = [(t(key, self.language), action) for key, action in
                        (("resume", "resume"), ("end_session", "compare"), ("main_menu", "menu"))]
        super().layout()

    def activate(self, action: Action) -> None:
        if action == "resume":
            self.app.pop()
        elif action == "compare":
            self.session.finish()
        elif action == "menu":
            self.app.to_title()


class ConfirmCard(RoomCard):
    """A yes/no question; Enter on the focused answer, Esc is always "no". "No" has the focus at first."""

    def __init__(self, app, title_key: str, message_key: str, yes_key: str, no_key: str,
                 on_yes: Callable[[], None], **values):
        super().__init__(app, "", [])
        self.keys, self.values, self.on_yes = (title_key, message_key, yes_key, no_key), values, on_yes

    def layout(self) -> None:
        title, message, yes, no = (t(key, self.language, **self.values) if self.values else t(key, self.language)
                                   for key in self.keys)
        self.title, self.message, self.entries = title, message, [(no, "no"), (yes, "yes")]
        super().layout()

    def activate(self, action: Action) -> None:
        self.app.pop()
        if action == "yes":
            self.on_yes()
