"""The title screen: the scenarios as cards, Continue, Settings and Quit."""

from __future__ import annotations

import sys
from typing import Optional

import pygame

from game.catalog import thumbnail_file
from game.ltext import pick
from game.storage import is_small_regular_file
from game.ui import art
from game.ui.screens.base import Screen
from game.ui.strings import CUSTOMER_TYPES, t
from game.ui.widgets import Button, chip, draw_button, panel


MAX_PICTURE_BYTES = 8 * 1024 * 1024  # a card picture is a few hundred KB: anything bigger is not ours


class TitleScreen(Screen):
    """Choose a scenario, continue the last run, change settings or quit."""

    def __init__(self, app):
        super().__init__(app)
        self.thumbnails: dict[tuple, pygame.Surface] = {}
        self.card_count = 0

    def layout(self) -> None:
        theme = self.app.theme
        gap = theme.gap
        top = theme.px(170)
        cards = self.app.cards
        columns = 4 if theme.width / theme.height > 1.5 and len(cards) > 3 else 2
        rows = max(1, -(-len(cards) // columns))
        area = pygame.Rect(theme.px(48), top, theme.width - theme.px(96), theme.height - top - theme.px(130))
        width = (area.width - gap * (columns - 1)) // columns
        height = min(theme.px(330), (area.height - gap * (rows - 1)) // rows)
        self.buttons = []
        for index, card in enumerate(cards):
            column, row = index % columns, index // columns
            rect = pygame.Rect(area.x + column * (width + gap), area.y + row * (height + gap), width, height)
            self.buttons.append(Button(rect, card.id, f"scene:{index}"))
        self.card_count = len(self.buttons)
        self.best = self.app.store.best_scores()  # read from disk per layout, not per frame
        labels = [("continue", self.app.store.has_run()), ("facilitate", bool(cards)), ("settings", True),
                  ("quit", True)]
        button_width = theme.px(200)
        x = theme.width - theme.px(48) - len(labels) * button_width - (len(labels) - 1) * gap
        for key, enabled in labels:
            rect = pygame.Rect(x, theme.height - theme.px(100), button_width, theme.px(56))
            self.buttons.append(Button(rect, t(key, self.language), key, enabled=enabled))
            x += button_width + gap
        if self.focus >= len(self.buttons) or not self.buttons[self.focus].enabled:
            self.focus = self.card_count if self.app.store.has_run() else 0

    def activate(self, action: str) -> None:
        if action.startswith("scene:"):
            card = self.app.cards[int(action.split(":")[1])]
            if card.errors:
                self.app.show_errors(list(card.errors))
            else:
                self.app.start_scene(card.path)
        elif action == "continue":
            self.app.continue_run()
        elif action == "facilitate":
            self.app.open_facilitator_setup()
        elif action == "settings":
            from game.ui.screens.overlays import SettingsOverlay

            self.app.push(SettingsOverlay(self.app))
        elif action == "quit":
            self.app.running = False

    def back(self) -> None:
        self.app.running = False

    def draw(self, surface: pygame.Surface) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        surface.fill(palette.background)
        self._draw_header(surface)
        best = self.best
        for index, button in enumerate(self.buttons[: self.card_count]):
            self._draw_card(surface, button, self.app.cards[index], best, index == self.focus,
                            index == self.hover)
        self._draw_how_it_works(surface)
        for index, button in enumerate(self.buttons[self.card_count:], start=self.card_count):
            draw_button(surface, button, theme, book, index == self.focus, index == self.hover,
                        primary=button.action == "continue" and button.enabled)

    def _draw_header(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        x, y = theme.px(48), theme.px(40)
        title = book.render(t("app_title", self.language), theme.title, (255, 255, 255), bold=True)
        surface.blit(title, (x, y))
        subtitle = book.render(t("app_subtitle", self.language), theme.body, (196, 206, 220))
        surface.blit(subtitle, (x, y + title.get_height() + theme.px(2)))
        stages = "  ›  ".join(t(stage, self.language) for stage in ("explore", "offer", "act", "confirm"))
        model = book.render(stages, theme.small, (150, 200, 210), bold=True)
        surface.blit(model, (theme.width - theme.px(48) - model.get_width(), y + theme.px(20)))

    def _draw_how_it_works(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        menu_left = min((b.rect.x for b in self.buttons[self.card_count:]), default=theme.width)
        cards_bottom = max((b.rect.bottom for b in self.buttons[: self.card_count]), default=0)
        box = pygame.Rect(theme.px(48), cards_bottom + theme.gap, menu_left - theme.px(48) - 2 * theme.gap,
                          theme.height - cards_bottom - 2 * theme.gap)
        lines, size = book.fit(t("how_it_works", self.language), theme.small, box)
        top = max(box.y, box.bottom - len(lines) * book.line_height(size))
        book.draw_lines(surface, lines, size, (196, 206, 220), (box.x, top), clip=box)

    def _thumbnail(self, backdrop: str, size: tuple[int, int]) -> pygame.Surface:
        """A card's picture: drawn once, then kept as a PNG under saves/cache so start-up only loads it."""
        contrast = self.app.theme.high_contrast
        key = (backdrop, size, contrast)
        if key not in self.thumbnails:
            cached = thumbnail_file(self.app.store.folder, backdrop, size, contrast)
            image = self._load_picture(cached, size)
            if image is None:
                image = pygame.Surface(size)
                palette = art.HIGH_CONTRAST_PALETTE if contrast else art.DEFAULT_PALETTE
                art.draw_backdrop(image, image.get_rect(), backdrop, palette)
                if cached is not None:  # a name that is not a safe file name is drawn, never written
                    self._keep(image, cached)
            self.thumbnails[key] = image
        return self.thumbnails[key]

    @staticmethod
    def _load_picture(path, size: tuple[int, int]) -> Optional[pygame.Surface]:
        """The cached picture when it is a plain, small PNG of the right size; None means draw it again."""
        if path is None or not is_small_regular_file(path, MAX_PICTURE_BYTES):  # a FIFO would block the load
            return None
        try:
            image = pygame.image.load(str(path))
        except (pygame.error, OSError, ValueError):
            return None
        return image if image.get_size() == tuple(size) else None

    def _keep(self, image: pygame.Surface, path) -> None:
        """Save a thumbnail for the next start; a read-only saves folder only costs the redraw."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            pygame.image.save(image, str(path))
        except (OSError, pygame.error) as exc:
            print(f"note: could not cache a picture in {path.parent} ({exc}); it will be drawn again",
                  file=sys.stderr)

    def _draw_card(self, surface, button: Button, card, best: dict, focused: bool, hovered: bool) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        rect = button.rect
        panel(surface, rect, theme, book, edge=palette.focus if focused else palette.accent if hovered else None)
        if focused:
            pygame.draw.rect(surface, palette.focus, rect, theme.px(4), border_radius=theme.radius)
        inner = rect.inflate(-2 * theme.gap, -2 * theme.gap)
        picture = pygame.Rect(inner.x, inner.y, inner.width, inner.height * 2 // 5)
        surface.blit(self._thumbnail(card.backdrop, picture.size), picture)
        y = picture.bottom + theme.px(10)
        title = pick(card.title, self.language) if card.title else card.id
        lines, size = book.fit(title, theme.font_px(24), pygame.Rect(inner.x, y, inner.width, theme.px(64)),
                               bold=True)
        y = book.draw_lines(surface, lines[:2], size, palette.text, (inner.x, y), bold=True)
        if card.errors:
            chip(surface, t("scene_errors", self.language), (inner.x, y + theme.px(4)), theme, book,
                 palette.bad, (255, 255, 255))
            return
        place_lines = book.wrap(pick(card.place, self.language), theme.small, inner.width)
        if len(place_lines) > 2:
            place_lines = place_lines[:1] + [place_lines[1].rstrip(" ,.，。") + "…"]
        y = book.draw_lines(surface, place_lines, theme.small, palette.text_dim, (inner.x, y))
        kind = CUSTOMER_TYPES[self.language].get(card.customer_type, card.customer_type)
        chip_rect = chip(surface, t("customer_type", self.language, type=kind), (inner.x, rect.bottom - theme.px(44)),
                         theme, book, palette.accent, palette.accent_text)
        score = best.get(card.id)
        status = t("best", self.language, score=f"{score:g}") if score is not None else t("not_played", self.language)
        mark = "✓ " if score is not None else ""
        rendered = book.render(mark + status, theme.small, palette.good if score is not None else palette.text_dim,
                               bold=score is not None)
        if chip_rect.right + theme.gap + rendered.get_width() <= inner.right:
            surface.blit(rendered, (inner.right - rendered.get_width(), chip_rect.y + theme.px(4)))
        else:
            surface.blit(rendered, (inner.x, chip_rect.y - rendered.get_height() - theme.px(4)))
