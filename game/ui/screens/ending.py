"""The ending screen: the scorecard drawn for a person, the journey chart and the debrief.

The summary and the debrief are lists of whole rows that scroll with a scrollbar (Up/Down and
PgUp/PgDn, or the wheel over them) when they do not fit; nothing is shrunk, clipped or drawn over
the headings. No button is selected at first, so the key that opened the scorecard does nothing more.
"""

from __future__ import annotations

from typing import Optional

import pygame

from game.scorecard import Scorecard
from game.ui.chart import ChartLayout, draw_journey, layout_chart
from game.ui.ending_rows import debrief_rows, entry_top, summary_rows
from game.ui.layout import button_row, button_width
from game.ui.play_control import PlayController
from game.ui.screens.base import Screen
from game.ui.scroll import Row, Scroller, page, scrollbar_width
from game.ui.strings import t
from game.ui.actions import Action, WhatIf
from game.ui.keymap import ACTIVATE_KEYS, Binding, Keymap
from game.ui.widgets import Button, draw_button, draw_key_hint, panel


ENDING_KEYS = Keymap(
    "ending", "keys_ending",
    Binding(ACTIVATE_KEYS, "activate_focused", "kn_space", "ka_activate", when=("focused",)),
    Binding((pygame.K_LEFT,), "move_focus", "kn_left_right_tab", "ka_pick_button", args=(-1,)),
    Binding((pygame.K_RIGHT, pygame.K_TAB), "move_focus", "kn_left_right_tab", "ka_pick_button", args=(1,)),
    Binding((pygame.K_s,), "save", "kn_s", "ka_save_image"),
    Binding((pygame.K_UP,), "scroll_summary", "kn_up_down", "ka_scroll", when=("summary_scrolls",), args=(-1,)),
    Binding((pygame.K_DOWN,), "scroll_summary", "kn_up_down", "ka_scroll", when=("summary_scrolls",), args=(1,)),
    Binding((pygame.K_PAGEUP,), "page", "kn_pages", "ka_scroll_page", when=("debrief_scrolls",), args=(-1,)),
    Binding((pygame.K_PAGEDOWN,), "page", "kn_pages", "ka_scroll_page", when=("debrief_scrolls",), args=(1,)),
    Binding((pygame.K_ESCAPE,), "back", "kn_esc", "ka_main_menu"),
)


class EndingScreen(Screen):
    """Shows the scorecard of a finished run; "what if" rewinds the run to a decision."""

    keymap = ENDING_KEYS

    def __init__(self, app, play: PlayController):
        super().__init__(app)
        self.play = play
        self.card_language: Optional[str] = None
        self.card: Optional[Scorecard] = None
        self.rects: dict[str, pygame.Rect] = {}
        self.summary: list[Row] = []
        self.debrief: list[Row] = []
        self.anchors: dict[int, int] = {}
        self.summary_scroll = Scroller()
        self.debrief_scroll = Scroller()
        self.title_lines: list[str] = []
        self.chart: Optional[ChartLayout] = None
        self.chart_key: tuple = ()
        self.focus = -1

    def scorecard(self) -> Scorecard:
        """The run's scorecard in the current language (rebuilt when the language changes)."""
        if self.card is None or self.card_language != self.language:
            self.card = self.play.run.scorecard(self.language)
            self.card_language = self.language
        return self.card

    # --- layout ------------------------------------------------------------------------------

    def layout(self) -> None:
        theme, book = self.app.theme, self.app.book
        width, height = theme.width, theme.height
        card = self.scorecard()
        size = self._button_size()
        labels = [("save_image", "save"), ("play_again", "again"), ("main_menu", "menu")]
        rects = button_row(book, theme, [t(key, self.language) for key, _ in labels], width - theme.px(36),
                           height - theme.px(20), width - theme.px(72), size)
        menu = [Button(rect, t(key, self.language), action) for rect, (key, action) in zip(rects, labels, strict=True)]
        self.title_lines = book.wrap(card.ending_title, theme.heading, width - 2 * round(width * 0.03), bold=True)
        top = theme.px(20) + book.text_height(len(self.title_lines), theme.heading) + theme.gap
        bottom = min(r.y for r in rects) - theme.gap
        left = round(width * 0.03)
        right_x = round(width * 0.36)
        right_w = width - right_x - left
        chart_h = max(round((bottom - top) * 0.42), theme.px(150))
        heading = book.line_height(theme.font_px(18))
        self.rects = {
            "summary": pygame.Rect(left, top, round(width * 0.31), bottom - top),
            "chart": pygame.Rect(right_x, top, right_w, chart_h),
            "debrief": pygame.Rect(right_x, top + chart_h + theme.gap, right_w, bottom - top - chart_h - theme.gap),
        }
        key = (tuple(self.rects["chart"]), self.language, theme.width, theme.height, theme.text_scale, id(card))
        if self.chart is None or self.chart_key != key:  # scrolling lays the page out again: the chart stays
            self.chart, self.chart_key = layout_chart(self.rects["chart"], card, theme, book, self.language), key
        self.rects["summary_rows"] = self.rects["summary"].inflate(-2 * theme.gap, -2 * theme.gap)
        debrief = self.rects["debrief"]
        self.rects["debrief_rows"] = pygame.Rect(debrief.x + theme.gap, debrief.y + theme.px(8) + heading + theme.px(6),
                                                 debrief.width - 2 * theme.gap,
                                                 debrief.height - heading - theme.px(14) - theme.gap)
        self.summary = summary_rows(self.app, card, self.rects["summary_rows"].width - scrollbar_width(theme),
                                    self.rects["summary_rows"].height)
        self.summary_scroll.clamp(self.summary, self.rects["summary_rows"].height)
        self.debrief, self.anchors = debrief_rows(self.app, card,
                                                  self.rects["debrief_rows"].width - scrollbar_width(theme),
                                                  self.rects["debrief_rows"].height)
        self.debrief_scroll.clamp(self.debrief, self.rects["debrief_rows"].height)
        self.buttons = self._what_if_buttons() + menu
        self.focus = min(self.focus, len(self.buttons) - 1)

    def _button_size(self) -> int:
        return self.app.theme.font_px(18)

    def _what_if_buttons(self) -> list[Button]:
        """A "what if" button on each visible decision's first row."""
        theme, book = self.app.theme, self.app.book
        area = self.rects["debrief_rows"]
        scroller = self.debrief_scroll
        end = scroller.end(self.debrief, scroller.first, area.height)
        tops, y = {}, area.y
        for index in range(scroller.first, end):
            tops[index] = y
            y += self.debrief[index].height
        label = t("what_if", self.language)
        width = button_width(book, theme, label, theme.small)
        buttons = []
        for number, row in self.anchors.items():
            if row in tops:
                top = tops[row] + entry_top(theme)  # below the entry's margin, beside its first chips
                rect = pygame.Rect(area.right - scrollbar_width(theme) - theme.gap - width, top, width,
                                   self.debrief[row].height - entry_top(theme) - theme.px(6))
                buttons.append(Button(rect, label, WhatIf(number)))
        return buttons

    # --- input -------------------------------------------------------------------------------

    def modes(self) -> set[str]:
        """Which lists are longer than their room: Up/Down scroll the summary, PgUp/PgDn the debrief."""
        modes = set()
        for mode, scroller, rows, room in (("summary_scrolls", self.summary_scroll, self.summary, "summary_rows"),
                                           ("debrief_scrolls", self.debrief_scroll, self.debrief, "debrief_rows")):
            if room in self.rects and scroller.scrolls(rows, self.rects[room].height):
                modes.add(mode)
        return modes

    def scroll_summary(self, lines: int) -> None:
        """Up/Down: scroll the scorecard's summary."""
        self.summary_scroll.scroll(self.summary, self.rects["summary_rows"].height, lines)

    def save(self) -> None:
        """S: save the scorecard and debrief as an image."""
        self.activate("save")

    def back(self) -> None:
        """Esc: the main menu."""
        self.app.to_title()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEWHEEL and self.rects["summary"].collidepoint(pygame.mouse.get_pos()):
            self.summary_scroll.scroll(self.summary, self.rects["summary_rows"].height, -event.y)
            return
        super().handle(event)

    def scroll(self, lines: int) -> None:
        self.debrief_scroll.scroll(self.debrief, self.rects["debrief_rows"].height, lines)
        self.layout()

    def page(self, direction: int) -> None:
        """PgDn/PgUp: the debrief's next or previous page, from a decision's start when one is in reach."""
        page(self.debrief_scroll, self.debrief, self.rects["debrief_rows"].height, direction)
        self.layout()

    def activate(self, action: Action) -> None:
        if isinstance(action, WhatIf):
            self.play.what_if(action.decision)
        elif action == "save":
            path = self.save_image()
            if path:
                self.app.notify(t("saved_to", self.language, path=path), 5)
        elif action == "again":
            self.app.open_briefing(self.play.run.scene_path)
        elif action == "menu":
            self.app.to_title()

    def save_image(self) -> Optional[str]:
        """Write the whole scorecard and the full debrief to a PNG under saves/debriefs/."""
        return self.app.save_png(self.page_image(), "debriefs", self.play.run.program.id)

    def page_image(self) -> pygame.Surface:
        """The page as a still image: as wide as the window and tall enough for every row of the summary and
        the debrief, from their first (however they are scrolled), with no scrollbar and no buttons."""
        theme = self.app.theme
        summary = self.rects["summary_rows"].y + sum(row.height for row in self.summary) + theme.gap
        debrief = self.rects["debrief_rows"].y + sum(row.height for row in self.debrief) + theme.gap
        height = max(theme.height, summary + theme.px(20), debrief + theme.px(20))
        image = pygame.Surface((theme.width, height))
        self._draw_page(image, full_list=True)
        return image

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self._draw_page(surface, full_list=False)
        theme, book = self.app.theme, self.app.book
        for index, button in enumerate(self.buttons):  # none filled: nothing may look selected before a move
            small = isinstance(button.action, WhatIf)
            draw_button(surface, button, theme, book, index == self.focus, index == self.hover,
                        size=theme.small if small else self._button_size())
        hint = self.key_hint()
        first = min(button.rect.x for button in self.buttons if not isinstance(button.action, WhatIf))
        draw_key_hint(surface, hint, self.rects["summary"].x, first - theme.gap,
                      self.rects["summary"].bottom + (theme.height - self.rects["summary"].bottom) // 2
                      + book.line_height(theme.small) // 2, theme, book)

    def _draw_page(self, surface: pygame.Surface, full_list: bool) -> None:
        theme, book = self.app.theme, self.app.book
        card = self.scorecard()
        surface.fill(theme.palette.background)
        book.draw_lines(surface, self.title_lines, theme.heading, (255, 255, 255), (round(theme.width * 0.03),
                                                                                    theme.px(20)), bold=True)
        area, rows = self.rects["summary"].copy(), self.rects["summary_rows"].copy()
        if full_list:  # the still image: every row, from the first, in a panel as tall as the image allows
            area.height = surface.get_height() - area.y - theme.px(20)
            rows.height = area.bottom - rows.y - theme.gap
        panel(surface, area, theme, book)
        (Scroller() if full_list else self.summary_scroll).draw(surface, self.summary, rows, theme)
        draw_journey(surface, self.rects["chart"], card, theme, book, self.language, self.chart)
        self._draw_debrief(surface, full_list)

    def _draw_debrief(self, surface: pygame.Surface, full_list: bool) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        area, rows = self.rects["debrief"].copy(), self.rects["debrief_rows"].copy()
        if full_list:
            area.height = surface.get_height() - area.y - theme.px(20)
            rows.height = area.bottom - rows.y - theme.gap
        panel(surface, area, theme, book)
        heading = book.render(t("debrief", self.language), theme.font_px(18), palette.text, bold=True)
        surface.blit(heading, (area.x + theme.gap, area.y + theme.px(8)))
        if full_list:
            Scroller().draw(surface, self.debrief, rows, theme)
        else:
            self.debrief_scroll.draw(surface, self.debrief, rows, theme)
