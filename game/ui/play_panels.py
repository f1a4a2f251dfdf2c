"""The play screen's panels and moving parts: the line's box, the line, the key hint, the card, the options
and the meter (a part of :class:`game.ui.screens.play.PlayScreen`, kept apart to keep modules short).

The panels are drawn into the still part of the frame (:mod:`game.ui.still_layer`); the moving parts are
drawn over it every frame, each inside an area announced beforehand (:meth:`PlayPanels._moving_areas`).
What the still part's base and panels depend on (the keys the still layer compares) is worked out here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.ui.actions import Option
from game.ui.layout import recap_lines
from game.ui.card import card_box, draw_card
from game.ui.play_parts import draw_hud_meter, hud_height
from game.ui.strings import page_range, t
from game.ui.widgets import chip, draw_button, meter_extent, panel
from game.vocab import meter_level

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.play_control import PlayController
    from game.ui.play_parts import PlayPicture
    from game.ui.card import CardText
    from game.ui.widgets import Button


class PlayPanels:
    """Drawing the play screen's panels and moving parts, from the screen's state (see PlayScreen)."""

    if TYPE_CHECKING:  # the play screen's state these methods draw
        app: App
        rects: dict[str, pygame.Rect]
        pages: list[list[str]]
        text_page: int
        revealed: float
        recap: bool
        recap_lines: int
        card: Optional[CardText]
        card_page: int
        buttons: list[Button]
        option_stack: Any
        option_page: int
        focus: Optional[int]

        @property
        def hover(self) -> Optional[int]: ...
        meter_rect: pygame.Rect
        meter_still: bool
        meter_shown: float
        language: str
        picture: PlayPicture
        play: PlayController

        @property
        def view(self) -> Any: ...

        @property
        def deciding(self) -> bool: ...

        @property
        def assessing(self) -> bool: ...

        def key_hint(self) -> str: ...

        def widest_hint(self) -> str: ...

    def _draw_panels(self, surface: pygame.Surface) -> None:
        """The line's box, the card and the options, unselected."""
        self._draw_dialog_panel(surface)
        self._draw_beside(surface)

    def _draw_dialog_panel(self, surface: pygame.Surface) -> pygame.Rect:
        """The line's box (or the recap above a decision) without the line; returns the area painted."""
        return self._draw_recap(surface, self.view) if self.recap else self._draw_dialog(surface, self.view)

    def _draw_beside(self, surface: pygame.Surface) -> pygame.Rect:
        """The card or the options (unselected) beside the picture; returns the area painted (one piece)."""
        theme, book = self.app.theme, self.app.book
        beside = []
        if self.card is not None:
            beside.append(draw_card(surface, self.app, self.card, self.rects["card"], self.card_page, self.card_turns))
        if self.deciding:
            for button in self.buttons:  # unselected: the selected and the hovered one are drawn over them
                draw_button(surface, button, theme, book, False, False)
                beside.append(pygame.Rect(button.rect))
            if len(self.option_stack.pages) > 1:
                beside.append(self._draw_page_indicator(surface))
        return beside[0].unionall(beside[1:]) if beside else pygame.Rect(0, 0, 0, 0)

    @property
    def card_turns(self) -> bool:
        """True when Space turns the card's pages: the line is on its last page (Space turns the line's pages
        first, the line being what led to the card)."""
        return self.text_page >= len(self.pages) - 1

    def _panel_middles(self) -> list[pygame.Rect]:
        """The rows of each panel's rounded box that its opaque fill covers from edge to edge (all but the
        rows of its corners): whatever is under them is painted over when the panel is drawn."""
        theme = self.app.theme
        boxes = [self.rects["dialog"]]
        if self.card is not None:
            boxes.append(card_box(self.app, self.card, self.rects["card"]))
        if self.deciding:
            boxes += [button.rect for button in self.buttons]
        middles = [box.inflate(0, -2 * theme.radius) for box in boxes]
        return [middle for middle in middles if middle.width > 0 and middle.height > 0]

    def _moving_areas(self) -> list[pygame.Rect]:
        """Where :meth:`_draw_moving` will paint this frame, whatever the meter's value or how far the line
        is revealed (the still layer keeps those pixels to restore them)."""
        theme, book = self.app.theme, self.app.book
        areas = []
        if not self.assessing and not self.meter_still:
            areas.append(meter_extent(self.meter_rect, theme, book))
        areas.append(self._hint_rect(self.key_hint(), self.rects["dialog"]))
        if not self.recap:
            areas.append(self._line_area())
        if self.deciding:
            focused = Option(self.view.choices[self.focus].number) if self.focus is not None else None
            areas += [pygame.Rect(button.rect) for index, button in enumerate(self.buttons)
                      if button.action == focused or index == self.hover]
        return areas

    def _draw_moving(self, surface: pygame.Surface) -> list[pygame.Rect]:
        """The meter, the key hint, the line as far as it is revealed, and the selected and hovered options; returns
        the areas painted (they do not overlap anything drawn after them in the still part)."""
        theme, book = self.app.theme, self.app.book
        painted = []
        if not self.assessing and not self.meter_still:
            painted.append(draw_hud_meter(surface, self.app, self.meter_rect, self.meter_shown, "moving"))
        painted.append(self._draw_hint(surface, self.key_hint(), self.rects["dialog"]))
        if not self.recap:
            painted.append(self._draw_line(surface))
        if self.deciding:
            focused = Option(self.view.choices[self.focus].number) if self.focus is not None else None
            for index, button in enumerate(self.buttons):
                if button.action == focused or index == self.hover:
                    draw_button(surface, button, theme, book, button.action == focused, index == self.hover)
                    painted.append(pygame.Rect(button.rect))
        return painted

    def _draw_dialog(self, surface: pygame.Surface, view) -> pygame.Rect:
        """The line's box and the speaker's name tag (the line and the key hint change with what is shown:
        :meth:`_draw_moving`); returns the area painted."""
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        box = self.rects["dialog"]
        painted = panel(surface, box, theme, book)
        name_fill = palette.accent if view.speaker_role != "customer" else (150, 84, 40)
        painted.union_ip(chip(surface, view.speaker_name, self._name_topleft(), theme, book, name_fill,
                              (255, 255, 255), size=theme.body))
        return painted

    def _name_topleft(self) -> tuple[int, int]:
        theme = self.app.theme
        box = self.rects["dialog"]
        return box.x + theme.gap, box.y - theme.px(16)

    def _line_area(self) -> pygame.Rect:
        """Where the current page of the line may paint, however far it is revealed: its rows as wide as
        its longest line, with a margin (a part of a line may overhang by a pixel or two), inside the box."""
        theme, book = self.app.theme, self.app.book
        box = self.rects["dialog"]
        x, y = self._line_topleft()
        lines = self.pages[self.text_page]
        if not lines:
            return pygame.Rect(x, y, 0, 0)
        width = max(book.width(line, theme.body) for line in lines) + theme.body
        height = (len(lines) - 1) * book.line_height(theme.body) + book.font(theme.body).get_height() + theme.px(4)
        return pygame.Rect(x, y, width, height).clip(pygame.Rect(x, y, box.right - x, box.bottom - y))

    def _line_topleft(self) -> tuple[int, int]:
        """Where the line's first row starts: under the name tag, inside the box."""
        theme = self.app.theme
        name_bottom = self._name_topleft()[1] + round(theme.body * 1.6)  # the name tag's height (see chip)
        return self.rects["dialog"].x + round(1.5 * theme.gap), name_bottom + theme.px(8)

    def _draw_line(self, surface: pygame.Surface) -> pygame.Rect:
        """The current page of the line as far as it is revealed; returns the area painted."""
        theme, book = self.app.theme, self.app.book
        x, y = self._line_topleft()
        painted = pygame.Rect(x, y, 0, 0)
        shown, count = int(self.revealed), 0
        for line in self.pages[self.text_page]:  # reveal character by character across the page's lines
            if count >= shown:
                break
            rendered = book.render(line[: shown - count], theme.body, theme.palette.text)
            painted.union_ip(surface.blit(rendered, (x, y)))
            count += len(line)
            y += book.line_height(theme.body)
        return painted

    def hint_lines(self, text: str, beside: bool = False) -> list[str]:
        """The key hint ``text`` in the lines it takes across the line's box, or ``beside`` a recap in two
        thirds of it (broken between entries, never inside one: a hint too wide for one line takes two rather
        than losing an entry)."""
        theme = self.app.theme
        width = round(theme.width * 0.94)
        room = width - width // 3 - 4 * theme.gap if beside else width - 2 * theme.gap
        return self.app.book.wrap(text, theme.font_px(14), room)

    def _hint_places(self, text: str, box: pygame.Rect) -> list[tuple[pygame.Surface, pygame.Rect]]:
        """Each line of the key hint ``text``, rendered, with where it goes: right-aligned, its last line at
        the bottom right of ``box``."""
        theme, book = self.app.theme, self.app.book
        lines = self.hint_lines(text, self.recap and self.recap_hint_beside())
        line = book.line_height(theme.font_px(14))
        top = box.bottom - theme.px(10) - len(lines) * line
        places = []
        for row, words in enumerate(lines):
            hint = book.render(words, theme.font_px(14), theme.palette.text_dim)
            places.append((hint, hint.get_rect(topleft=(box.right - hint.get_width() - theme.gap,
                                                        top + row * line + (line - hint.get_height()) // 2))))
        return places

    def _hint_rect(self, text: str, box: pygame.Rect) -> pygame.Rect:
        """Where the key hint ``text`` goes: at the bottom right of ``box``, in one or two lines."""
        rects = [rect for _, rect in self._hint_places(text, box)]
        return rects[0].unionall(rects[1:])

    def _draw_hint(self, surface: pygame.Surface, text: str, box: pygame.Rect) -> pygame.Rect:
        """The key hint at the bottom right of ``box``; returns the area painted."""
        rects = [surface.blit(hint, rect) for hint, rect in self._hint_places(text, box)]
        return rects[0].unionall(rects[1:])

    def recap_hint_beside(self) -> bool:
        """True when the widest key hint of this decision fits beside the recap, in as many lines as the
        recap has (else the hint takes its own lines under the recap)."""
        return len(self.hint_lines(self.widest_hint(), beside=True)) <= self.recap_lines

    def _draw_recap(self, surface: pygame.Surface, view) -> pygame.Rect:
        """The line above a decision too long to show beside it, in one or two lines (H shows it in full);
        returns the area painted."""
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        box = self.rects["dialog"]
        painted = panel(surface, box, theme, book)
        widest = self.widest_hint()  # the hint changes with the selection (a moving part): room for the widest
        if self.recap_hint_beside():
            hint_width = max(book.width(line, theme.font_px(14)) for line in self.hint_lines(widest, beside=True))
            room, middle = box.width - hint_width - 4 * theme.gap, box.centery
        else:  # the hint's lines under the recap
            below = len(self.hint_lines(widest)) * book.line_height(theme.font_px(14))
            room, middle = box.width - 3 * theme.gap, (box.top + box.bottom - below) // 2
        lines = recap_lines(book, t("recap", self.language, speaker=view.speaker_name, text=view.text), theme.body,
                            room, self.recap_lines)
        top = middle - book.text_height(len(lines), theme.body) // 2
        book.draw_lines(surface, lines, theme.body, palette.text, (box.x + theme.gap, top))
        return painted

    def _draw_page_indicator(self, surface: pygame.Surface) -> pygame.Rect:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        stack, area = self.option_stack, self.rects["choices"]
        shown = stack.pages[self.option_page]
        text = page_range("options_page", "options_page_one", self.language, shown[0] + 1, shown[-1] + 1,
                          len(self.view.choices))
        width = book.width(text, theme.small, bold=True) + max(theme.px(16), theme.small)
        return chip(surface, text, (area.right - width, area.bottom - round(theme.small * 1.6)), theme, book,
                    palette.accent, palette.accent_text)

    # --- what the still part depends on (game.ui.still_layer) ---------------------------------------

    def _base_keys(self) -> tuple[tuple, tuple]:
        """What the base of the still part depends on: its ground, and its parts with their rects (the
        figure in the picture's rect, with its card's shadow; the rain on the glass; the top bar, whose meter
        bar sits under a label as tall as the meter's level word)."""
        theme, view = self.app.theme, self.view
        ground, figure, (rain, glass) = self.picture.keys(self.app, self.meter_shown, self.assessing)
        ground = (ground, theme.text_scale, self.language, round(self.meter_shown, 2) if self.meter_still else None)
        hud = pygame.Rect(0, 0, theme.width, hud_height(self.app))
        return ground, ((figure, tuple(self._figure_area())), (rain, tuple(glass)),
                        ((view.stages, self.assessing, meter_level(self.meter_shown, self.play.run.program.meter_max)),
                         tuple(hud)))

    def _figure_area(self) -> pygame.Rect:
        """Where a new person or face changes the frame: the picture's rect with its card's shadow, but for what
        lies under the line's box (its straight top edge covers it opaque: a new face need not draw the box and
        its line again)."""
        theme = self.app.theme
        picture, dialog = self.rects["customer"], self.rects["dialog"]
        area = picture.union(picture.move(0, theme.px(4)))
        inside = dialog.left + theme.radius <= area.left and area.right <= dialog.right - theme.radius
        if inside and area.top < dialog.top < area.bottom:
            area.height = dialog.top - area.top
        return area

    def _panel_keys(self) -> tuple[tuple, tuple]:
        """What each panel of the still part shows (see :mod:`game.ui.still_layer`): the line's box, and the
        card or the options beside the picture. By content, so a new line in a box of the same size from the
        same speaker keeps the box and only the line is drawn."""
        view = self.view
        if self.recap:
            dialog: tuple = ("recap", self.recap_lines, view.speaker_name, view.text, self.widest_hint())
        else:
            dialog = (view.speaker_name, view.speaker_role)  # the key hint moves with the modes: drawn apart
        card = None
        if self.card is not None:
            card = (tuple(self.rects["card"]), tuple(self.card.title), tuple(self.card.chips), self.card.chip_rows,
                    tuple(tuple(page) for page in self.card.pages), self.card_page, self.card_turns)
        options = None
        if self.deciding:
            pages = tuple(tuple(page) for page in self.option_stack.pages)
            options = (tuple((tuple(b.rect), b.label, b.action, b.hotkey) for b in self.buttons), pages,
                       self.option_page, len(view.choices))
        return (tuple(self.rects["dialog"]), dialog), (tuple(self.rects["choices"]), card, options)

    def _meter_reaches_options(self) -> bool:
        """True when the meter, wherever its marker is, may paint where the card or the options are drawn
        (large text): it must then be drawn under them, as part of the still frame."""
        theme = self.app.theme
        if self.assessing or (self.card is None and not self.deciding):
            return False
        nominal = pygame.Rect(0, theme.px(12), theme.width, theme.px(56))
        return meter_extent(nominal, theme, self.app.book).bottom > self.rects["choices"].top
