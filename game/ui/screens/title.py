"""The title screen: the scenarios as cards (paged when there are many), Continue, Settings and Quit.

Cards are sized by their text at the size the settings ask for: the grid takes as many columns
and rows as fit, and pages the rest (PgUp/PgDn, or the arrows past the last card). A card shows
the title and place in full; the summary is shown in full by the briefing that opens on Enter.
Continue names the unfinished run's scene and how far it got; starting another scene over it asks first.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import pygame

from game.catalog import thumbnail_file
from game.ltext import pick
from game.storage import is_small_regular_file, write_bytes
from game.ui.images import png_bytes
from game.ui.actions import Action, SceneCard
from game.ui.keymap import HINT_SEPARATOR, LANGUAGE_KEY, Binding, Keymap, entry, focus_bindings
from game.ui.screens.base import Screen
from game.ui.strings import CUSTOMER_TYPES, page_range, t
from game.ui.widgets import Button, chip, draw_button, panel
from game.vocab import STAGES

MENU = ("continue", "facilitate", "settings", "quit")
CALL_CENTRE = "call-centre"  # the backdrop of phone scenes: their card shows the call view, not a room
# Raise when a backdrop's drawing changes: cached card pictures of an older version are then drawn anew.
THUMBNAIL_VERSION = 2


FULL_PAGE = 4  # cards: a page this full does not give up the header or the "how it works" text for more
MIN_PICTURE = 72  # layout units: the shortest card picture that still shows the place
MAX_PICTURE_BYTES = 8 * 1024 * 1024  # a card picture is a few hundred KB: anything bigger is not ours


TITLE_KEYS = Keymap(
    "title", "keys_title",
    Binding((pygame.K_PAGEUP,), "turn_page", "kn_pages", "ka_other_scenarios", when=("pages",), args=(-1,)),
    Binding((pygame.K_PAGEDOWN,), "turn_page", "kn_pages", "ka_other_scenarios", when=("pages",), args=(1,)),
    *focus_bindings(back="ka_quit"),  # its PgUp/PgDn go to the rows above
)


class TitleScreen(Screen):
    """Choose a scenario, continue the last run, change settings or quit."""

    keymap = TITLE_KEYS

    def __init__(self, app):
        super().__init__(app)
        self.thumbnails: dict[tuple, pygame.Surface] = {}
        # pictures drawn in a frame, written to the cache by the next update: no file I/O inside draw()
        self.unsaved_pictures: list[tuple[pygame.Surface, Path]] = []
        self.card_count = 0
        self.page = 0
        self.per_page = 1
        self.first = 0
        self.card_rects: list[pygame.Rect] = []
        self.run_info: Optional[tuple[str, int]] = None
        self.best: dict = {}
        self.header_bottom = 0
        self.how_box = pygame.Rect(0, 0, 0, 0)
        self.how_lines: tuple[list[str], pygame.Rect] = ([], self.how_box)
        self.compact = False  # a one-line header, when that shows more cards or taller pictures
        self.focus = -1  # placed by the first layout: on Continue when there is a run to continue

    # --- layout ------------------------------------------------------------------------------

    def layout(self) -> None:
        theme = self.app.theme
        self.best = self.app.store.best_scores()  # read from disk per layout, not per frame
        self.run_info = self.app.store.run_summary() if self.app.store.has_run() else None
        cards = self.app.cards
        choice = None
        # The full header with the "how it works" band, without the band, then a one-line header: the first
        # that shows as many cards (up to a row of FULL_PAGE) as any, each with a picture, is taken.
        for compact, band in ((False, True), (False, False), (True, False)):
            self.compact = compact
            self.header_bottom = self._header_height()
            menu = self._layout_menu()
            if band and not self.how_box.height:
                continue  # the text sits beside the buttons: there is no band to give up
            top = self.header_bottom + theme.gap
            bottom = (self.how_box.top if band else min(b.rect.top for b in menu)) - theme.gap
            area = pygame.Rect(theme.px(48), top, theme.width - theme.px(96), bottom - top)
            grid = self._grid(area, len(cards))
            score = min(len(cards), grid[2] * grid[3], FULL_PAGE) if grid else 0
            if choice is None or score > choice[0]:
                choice = (score, compact, band, area, grid)
        assert choice is not None
        _, self.compact, band, area, grid = choice
        self.header_bottom = self._header_height()
        menu = self._layout_menu()
        if self.how_box.height and not band:
            self.how_lines = ([], self.how_box)  # the band gives way to more cards or taller pictures
        width, height, columns, rows = grid or (area.width, area.height, 1, 1)
        self.per_page = max(1, columns * rows)
        pages = max(1, -(-len(cards) // self.per_page))
        self.page = min(self.page, pages - 1)
        self.first = self.page * self.per_page
        self.buttons = []
        for slot, index in enumerate(range(self.first, min(len(cards), self.first + self.per_page))):
            column, row = slot % columns, slot // columns
            rect = pygame.Rect(area.x + column * (width + theme.gap), area.y + row * (height + theme.gap), width,
                               height)
            self.buttons.append(Button(rect, cards[index].id, SceneCard(index)))
        self.card_count = len(self.buttons)
        if pages > 1:
            shown = page_range("more_scenes", "more_scenes_one", self.language, self.first + 1,
                               self.first + self.card_count, len(cards))
            self.buttons.append(Button(self._pager_rect(area), shown, "next_page"))
        self.grid_area = area
        self.buttons += menu
        if not 0 <= self.focus < len(self.buttons) or not self.buttons[self.focus].enabled:
            self.focus = self.buttons.index(next(b for b in menu if b.action == "continue")) \
                if self.run_info else 0

    def picture_height(self, card: pygame.Rect) -> int:
        """The height of a card's picture: what the card's text leaves."""
        return card.height - self.card_content_height(card.width) - self.app.theme.px(8)

    def minimum_picture(self) -> int:
        """The shortest picture a card may have: enough to see the place (a card never goes without one)."""
        return self.app.theme.px(MIN_PICTURE)

    def _header_height(self) -> int:
        theme, book = self.app.theme, self.app.book
        if self.compact:
            return theme.px(16) + book.line_height(theme.heading)
        return theme.px(40) + book.line_height(theme.title) + book.line_height(theme.body)

    def _layout_menu(self) -> list[Button]:
        """The menu buttons, each as wide as its label, right-aligned at the bottom (two rows when needed);
        the "how it works" text takes the room left of them, or a band above them."""
        theme, book = self.app.theme, self.app.book
        labels = [(self._menu_label(key), key, enabled) for key, enabled in
                  (("continue", self.run_info is not None), ("facilitate", bool(self.app.cards)), ("settings", True),
                   ("quit", True))]
        pad = max(theme.gap, theme.body // 2)
        height = book.line_height(theme.body) + 2 * theme.px(10)
        widths = [book.width(label, theme.body) + 2 * pad for label, _, _ in labels]
        room = theme.width - theme.px(96)
        rows = [labels] if sum(widths) + theme.gap * 3 <= room else [labels[:1], labels[1:]]
        buttons: list[Button] = []
        y = self._hint_top() - theme.px(12) - height * len(rows) - theme.gap * (len(rows) - 1)
        for row in rows:
            row_widths = [book.width(label, theme.body) + 2 * pad for label, _, _ in row]
            x = theme.width - theme.px(48) - sum(row_widths) - theme.gap * (len(row) - 1)
            for (label, key, enabled), width in zip(row, row_widths, strict=True):
                buttons.append(Button(pygame.Rect(x, y, width, height), label, key, enabled=enabled))
                x += width + theme.gap
            y += height + theme.gap
        left = min(b.rect.x for b in buttons if b.rect.y == buttons[-1].rect.y)
        how = t("how_it_works", self.language)
        beside = pygame.Rect(theme.px(48), buttons[-1].rect.y, left - theme.px(48) - 2 * theme.gap, height)
        lines = book.wrap(how, theme.small, max(1, beside.width))
        if beside.width > theme.width // 3 and book.text_height(len(lines), theme.small) <= height * len(rows) \
                + theme.gap * (len(rows) - 1):
            self.how_box = pygame.Rect(0, 0, 0, 0)
            self.how_lines = (lines, pygame.Rect(beside.x, min(b.rect.y for b in buttons), beside.width,
                                                 height * len(rows)))
        else:
            lines = book.wrap(how, theme.small, theme.width - theme.px(96))
            top = min(b.rect.y for b in buttons)
            band = book.text_height(len(lines), theme.small)
            self.how_box = pygame.Rect(theme.px(48), top - theme.gap - band, theme.width - theme.px(96), band)
            self.how_lines = (lines, self.how_box)
        return buttons

    def modes(self) -> set[str]:
        """"pages" when the scenarios take more than one page (PgUp/PgDn turn them; else they move the focus)."""
        return {"pages"} if len(self.app.cards) > self.per_page else set()

    def _hint_lines(self, say: Optional[dict[str, str]] = None) -> list[str]:
        """The screen's keys (Enter names the focused card or button, or ``say``'s word) and the language key."""
        theme = self.app.theme
        # ``say``: as if focused, with pages to turn (the longest hint, for the room kept)
        modes = self.modes() | self.focus_modes() if say is None else {"pages", "focused"}
        hint = self.keymap.hint(self.language, modes, self.focused_label() if say is None else say) \
            + HINT_SEPARATOR + entry(LANGUAGE_KEY, self.language)
        return self.app.book.wrap(hint, theme.small, theme.width - theme.px(96))

    def _hint_top(self) -> int:
        """The top of the key hint at the bottom of the screen: room for it whichever card or button has the
        focus, so nothing moves as the focus does."""
        theme = self.app.theme
        names = [self._title(card) for card in self.app.cards] + [t(key, self.language) for key in MENU] \
            + [self._menu_label("continue"), t("more_scenes", self.language, first=99, last=99, total=99)]
        lines = max(len(self._hint_lines({"ka_activate": name})) for name in names)
        return theme.height - theme.px(8) - self.app.book.text_height(lines, theme.small)

    def focused_label(self) -> dict[str, str]:
        """Enter's word in the hint: the focused scenario's title, or the focused button's label."""
        if 0 <= self.focus < self.card_count:
            return {"ka_activate": self._title(self.app.cards[self.first + self.focus])}
        return super().focused_label()

    def _menu_label(self, key: str) -> str:
        if key != "continue" or self.run_info is None:
            return t(key, self.language)
        scene_id, decisions = self.run_info
        card = next((c for c in self.app.cards if c.id == scene_id), None)
        title = pick(card.title, self.language) if card is not None and card.title else scene_id
        if decisions:
            return t("continue_named", self.language, scene=title, n=decisions + 1)
        return t("continue_named_start", self.language, scene=title)

    def _status_texts(self) -> tuple[str, str, str]:
        """The ways a card's status line reads: not played yet, in progress, or the best score (the widest one)."""
        return t("not_played", self.language), t("in_progress", self.language), \
            "✓ " + t("best", self.language, score="100")

    def status_beside(self, width: int) -> bool:
        """True when every card's customer type and status fit on one row of a card ``width`` wide."""
        theme, book = self.app.theme, self.app.book
        inner = width - 2 * theme.gap
        kinds = [t("customer_type", self.language, type=CUSTOMER_TYPES[self.language].get(c.customer_type,
                                                                                      c.customer_type))
                 for c in self.app.cards]
        chip_width = max((book.width(k, theme.small, bold=True) for k in kinds), default=0) \
            + max(theme.px(16), theme.small)
        status = max(book.width(text, theme.small, bold=True) for text in self._status_texts())
        return chip_width + theme.gap + status <= inner

    def card_content_height(self, width: int) -> int:
        """Height a card needs below its picture for the longest title and place at this text size."""
        theme, book = self.app.theme, self.app.book
        inner = width - 2 * theme.gap
        title_lines = max((len(book.wrap(self._title(c), theme.font_px(24), inner, bold=True)) for c in self.app.cards),
                          default=1)
        place_lines = max((len(book.wrap(pick(c.place, self.language), theme.small, inner)) for c in self.app.cards
                           if c.place), default=1)
        chip_row = round(theme.small * 1.6)
        status = 0 if self.status_beside(width) else book.line_height(theme.small) + theme.px(6)
        return (title_lines * book.line_height(theme.font_px(24)) + theme.px(6)
                + place_lines * book.line_height(theme.small) + theme.px(8) + chip_row + status + 2 * theme.gap)

    def _grid(self, area: pygame.Rect, count: int) -> Optional[tuple[int, int, int, int]]:
        """Card width and height, columns and rows: the most cards a page can show with every picture at
        least :meth:`minimum_picture` tall (then the tallest pictures); None when not even one card fits."""
        theme = self.app.theme
        minimum = max(theme.px(240), theme.body * 11)
        most = max(1, min(max(1, count), (area.width + theme.gap) // (minimum + theme.gap), 4))
        pager = round(theme.small * 1.6) + theme.gap
        best: Optional[tuple[tuple[int, int], tuple[int, int, int, int]]] = None
        for columns in range(most, 0, -1):
            width = (area.width - theme.gap * (columns - 1)) // columns
            content = self.card_content_height(width) + theme.px(8)
            picture = min(theme.px(150), (width - 2 * theme.gap) * 9 // 16)
            for rows in range(max(1, -(-count // columns)), 0, -1):
                room = area.height - (pager if rows * columns < count else 0)
                height = min((room - theme.gap * (rows - 1)) // rows, content + picture)
                score = (min(count, rows * columns), height - content)
                if height - content >= self.minimum_picture() and (best is None or score > best[0]):
                    best = (score, (width, height, columns, rows))
        return best[1] if best else None

    def _pager_rect(self, area: pygame.Rect) -> pygame.Rect:
        theme, book = self.app.theme, self.app.book
        bottom = max(b.rect.bottom for b in self.buttons[: self.card_count])
        label = t("more_scenes", self.language, first=1, last=99, total=99)
        width = book.width(label, theme.small) + 2 * theme.gap
        return pygame.Rect(area.right - width, bottom + theme.gap // 2, width, round(theme.small * 1.6))

    # --- input -------------------------------------------------------------------------------

    def move_focus(self, delta: int) -> None:
        """Arrows move over the cards and buttons; past the last card of a page, the next page opens."""
        on_card = self.focus < self.card_count
        if on_card and 0 <= self.focus + delta < self.card_count:
            self.focus += delta
            return
        cards = len(self.app.cards)
        if on_card and delta > 0 and self.first + self.card_count < cards:
            self.turn_page(1)
            return
        if on_card and delta < 0 and self.first > 0:
            self.turn_page(-1)
            self.focus = self.card_count - 1
            return
        super().move_focus(delta)

    def turn_page(self, delta: int) -> None:
        """Show the next or previous page of cards."""
        pages = max(1, -(-len(self.app.cards) // self.per_page))
        page = max(0, min(pages - 1, self.page + delta))
        if page != self.page:
            self.page, self.focus = page, 0
            self.layout()

    def activate(self, action: Action) -> None:
        if isinstance(action, SceneCard):
            card = self.app.cards[action.index]
            if card.errors:
                self.app.show_errors(list(card.errors))
            else:
                self.app.choose_scene(card.path)
        elif action == "next_page":
            pages = max(1, -(-len(self.app.cards) // self.per_page))
            self.turn_page(1 if self.page < pages - 1 else -self.page)
        elif action == "continue":
            self.app.continue_run()
        elif action == "facilitate":
            self.app.open_facilitator_setup()
        elif action == "settings":
            from game.ui.screens.settings_overlay import SettingsOverlay

            self.app.push(SettingsOverlay(self.app))
        elif action == "quit":
            self.app.running = False

    def back(self) -> None:
        self.app.running = False

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        surface.fill(palette.background)
        self._draw_header(surface)
        for index, button in enumerate(self.buttons[: self.card_count]):
            self._draw_card(surface, button, self.app.cards[self.first + index], index == self.focus,
                            index == self.hover)
        lines, box = self.how_lines
        book.draw_lines(surface, lines, theme.small, (196, 206, 220), (box.x, box.bottom
                                                                       - book.text_height(len(lines), theme.small)))
        for index, button in enumerate(self.buttons[self.card_count:], start=self.card_count):
            if button.action == "next_page":
                fill = palette.focus if index == self.focus else palette.accent
                chip(surface, button.label, button.rect.topleft, theme, book, fill, palette.accent_text)
                continue
            draw_button(surface, button, theme, book, index == self.focus, index == self.hover,
                        primary=button.action == "continue" and button.enabled)
        lines = self._hint_lines()
        book.draw_lines(surface, lines, theme.small, (196, 206, 220),
                        (theme.px(48), theme.height - theme.px(8) - book.text_height(len(lines), theme.small)))

    def _draw_header(self, surface: pygame.Surface) -> None:
        """The game's name and what it is (on one line when compact), and the MOT stages when there is room."""
        theme, book = self.app.theme, self.app.book
        x, y = theme.px(48), theme.px(16 if self.compact else 40)
        title = book.render(t("app_title", self.language), theme.heading if self.compact else theme.title,
                            (255, 255, 255), bold=True)
        surface.blit(title, (x, y))
        subtitle = book.render(t("app_subtitle", self.language), theme.small if self.compact else theme.body,
                               (196, 206, 220))
        if self.compact:  # after the name, on its baseline
            base = y + book.font(theme.heading, True).get_ascent() - book.font(theme.small, False).get_ascent()
            sub_at = (x + title.get_width() + theme.gap, base)
        else:
            sub_at = (x, y + book.line_height(theme.title))
        end = sub_at[0] + subtitle.get_width()
        if end <= theme.width - theme.px(48):
            surface.blit(subtitle, sub_at)
        stages = "  ›  ".join(t(stage, self.language) for stage in STAGES)
        model = book.render(stages, theme.small, (150, 200, 210), bold=True)
        right = theme.width - theme.px(48) - model.get_width()
        if right > max(x + title.get_width(), end if self.compact else x + subtitle.get_width()) + theme.gap:
            surface.blit(model, (right, y + (book.font(theme.heading, True).get_ascent()
                                             - book.font(theme.small, True).get_ascent() if self.compact
                                             else theme.px(20))))

    def _title(self, card) -> str:
        return pick(card.title, self.language) if card.title else card.id

    def _thumbnail(self, backdrop: str, size: tuple[int, int]) -> pygame.Surface:
        """A card's picture: drawn once, then kept as a PNG under saves/cache so start-up only loads it."""
        contrast = self.app.theme.high_contrast
        key = (backdrop, size, contrast)
        if key not in self.thumbnails:
            cached = thumbnail_file(self.app.store.folder, backdrop, size, contrast, THUMBNAIL_VERSION)
            image = self._load_picture(cached, size)
            if image is None:
                from game.ui import art  # only when the cached picture is missing: art costs a tenth of start-up

                # Drawn at no wider than 16:9 and cut to the card's shape, so a wide card does not squash the room.
                full = pygame.Surface((size[0], max(size[1], size[0] * 9 // 16)))
                palette = art.HIGH_CONTRAST_PALETTE if contrast else art.DEFAULT_PALETTE
                if backdrop == CALL_CENTRE:  # a phone scene: the call view the game shows, not a room
                    from game.ui.phone_voice import draw_call_card

                    draw_call_card(full, contrast)
                else:
                    art.draw_backdrop(full, full.get_rect(), backdrop, palette, raining=False)
                image = full.subsurface(pygame.Rect(0, (full.get_height() - size[1]) * 2 // 3, *size)).copy()
                if cached is not None:  # a name that is not a safe file name is drawn, never written
                    self.unsaved_pictures.append((image, cached))
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

    def update(self, dt: float) -> bool:
        """Write the pictures the last frame drew to the cache, for the next start."""
        while self.unsaved_pictures:
            self._keep(*self.unsaved_pictures.pop())
        return False

    def _keep(self, image: pygame.Surface, path: Path) -> None:
        """Save a thumbnail for the next start; a read-only saves folder only costs the redraw."""
        try:
            write_bytes(path, png_bytes(image))  # atomic: a link or FIFO planted at the name is replaced, not followed
        except (OSError, pygame.error) as exc:
            print(f"note: could not cache a picture in {path.parent} ({exc}); it will be drawn again",
                  file=sys.stderr)

    def _draw_card(self, surface, button: Button, card, focused: bool, hovered: bool) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        rect = button.rect
        panel(surface, rect, theme, book, edge=palette.focus if focused else palette.accent if hovered else None)
        if focused:
            pygame.draw.rect(surface, palette.focus, rect, theme.px(4), border_radius=theme.radius)
        inner = rect.inflate(-2 * theme.gap, -2 * theme.gap)
        picture = pygame.Rect(inner.x, inner.y, inner.width, max(0, self.picture_height(rect)))
        if picture.height >= theme.px(30):  # only the fallback of a window too small for any card goes without
            surface.blit(self._thumbnail(card.backdrop, picture.size), picture)
        y = picture.bottom + theme.px(8) if picture.height >= theme.px(30) else inner.y
        lines = book.wrap(self._title(card), theme.font_px(24), inner.width, bold=True)
        y = book.draw_lines(surface, lines, theme.font_px(24), palette.text, (inner.x, y), bold=True) + theme.px(6)
        if card.errors:
            chip(surface, t("scene_errors", self.language), (inner.x, y), theme, book, palette.bad, (255, 255, 255))
            return
        if card.place:
            place = book.wrap(pick(card.place, self.language), theme.small, inner.width)
            y = book.draw_lines(surface, place, theme.small, palette.text_dim, (inner.x, y))
        score = self.best.get(card.id)
        waiting = self.run_info is not None and self.run_info[0] == card.id  # Continue names this scene
        unplayed = t("in_progress" if waiting else "not_played", self.language)
        status = t("best", self.language, score=f"{score:g}") if score is not None else unplayed
        rendered = book.render(("✓ " if score is not None else "") + status, theme.small,
                               palette.good if score is not None else palette.text_dim, bold=score is not None)
        chip_height = round(theme.small * 1.6)
        if self.status_beside(rect.width):  # the status at the right end of the customer-type row
            chip_y = inner.bottom - chip_height
            status_at = (inner.right - rendered.get_width(),
                         chip_y + (chip_height - book.line_height(theme.small)) // 2)
        else:
            status_at = (inner.x, inner.bottom - book.line_height(theme.small))
            chip_y = status_at[1] - theme.px(6) - chip_height
        surface.blit(rendered, status_at)
        kind = CUSTOMER_TYPES[self.language].get(card.customer_type, card.customer_type)
        chip(surface, t("customer_type", self.language, type=kind), (inner.x, chip_y), theme, book, palette.accent,
             palette.accent_text)
