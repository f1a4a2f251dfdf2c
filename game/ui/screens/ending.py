"""The ending screen: the scorecard drawn for a person, the journey chart and the debrief."""

from __future__ import annotations

from typing import Optional

import pygame

from game.scorecard import DebriefEntry, Scorecard
from game.ui.chart import draw_journey
from game.ui.screens.base import Screen
from game.ui.strings import MOT_LABELS, SERVICE_LEVELS, t
from game.ui.widgets import Button, chip, draw_button, panel, rating_colour
from game.vocab import METER_WORDS, signed

GRADE_COLOURS = {"A": (46, 134, 84), "B": (38, 110, 128), "C": (200, 140, 40), "D": (200, 96, 40), "F": (190, 64, 54)}


class EndingScreen(Screen):
    """Shows the scorecard of the App's finished run; "what if" rewinds the run to a decision."""

    def __init__(self, app):
        super().__init__(app)
        self.scroll_offset = 0
        self.card_language: Optional[str] = None
        self.card: Optional[Scorecard] = None
        self.rects: dict[str, pygame.Rect] = {}
        self.entry_rects: list[tuple[DebriefEntry, pygame.Rect]] = []

    def scorecard(self) -> Scorecard:
        """The run's scorecard in the current language (rebuilt when the language changes)."""
        if self.card is None or self.card_language != self.language:
            self.card = self.app.run.scorecard(self.language)
            self.card_language = self.language
        return self.card

    # --- layout ------------------------------------------------------------------------------

    def layout(self) -> None:
        theme = self.app.theme
        width, height = theme.width, theme.height
        self.rects = {
            "summary": pygame.Rect(round(width * 0.03), theme.px(96), round(width * 0.31), height - theme.px(190)),
            "chart": pygame.Rect(round(width * 0.36), theme.px(96), round(width * 0.61), round(height * 0.34)),
            "debrief": pygame.Rect(round(width * 0.36), theme.px(110) + round(height * 0.34), round(width * 0.61),
                                   height - theme.px(204) - round(height * 0.34)),
        }
        self.entry_rects = self._layout_entries(self.rects["debrief"].width - 2 * theme.gap)
        total = sum(rect.height + theme.px(10) for _, rect in self.entry_rects)
        self.scroll_offset = max(0, min(self.scroll_offset, total - self.rects["debrief"].height + theme.gap))
        self.buttons = []
        area = self.rects["debrief"]
        for entry, rect in self.entry_rects:
            moved = rect.move(area.x + theme.gap, area.y + theme.gap + self._heading_height() - self.scroll_offset)
            button = pygame.Rect(0, 0, theme.px(150), theme.px(40))
            button.topright = (moved.right - theme.px(10), moved.y + theme.px(10))
            if area.contains(button):
                self.buttons.append(Button(button, t("what_if", self.language), f"whatif:{entry.number}"))
        labels = [("save_image", "save"), ("play_again", "again"), ("main_menu", "menu")]
        button_width = theme.px(230)
        x = width - theme.px(36) - len(labels) * button_width - (len(labels) - 1) * theme.gap
        for key, action in labels:
            self.buttons.append(Button(pygame.Rect(x, height - theme.px(80), button_width, theme.px(54)),
                                       t(key, self.language), action))
            x += button_width + theme.gap
        self.focus = min(self.focus, len(self.buttons) - 1)

    def _heading_height(self) -> int:
        """Height of the "Debrief" heading above the entries."""
        return self.app.book.line_height(self.app.theme.font_px(18))

    def _entry_texts(self, entry: DebriefEntry) -> list[tuple[str, str]]:
        """(text, kind) lines of an entry: the choice, its feedback, and the better choice missed."""
        texts = [(entry.choice, "choice"), (entry.feedback, "feedback")]
        if entry.best_missed:
            texts.append((t("better_choice", self.language, text=entry.best_missed), "better"))
        return texts

    def _layout_entries(self, width: int) -> list[tuple[DebriefEntry, pygame.Rect]]:
        """Each debrief entry's rect relative to the top of the list."""
        theme, book = self.app.theme, self.app.book
        result, y = [], 0
        for entry in self.scorecard().debrief:
            height = theme.px(56)
            for text, kind in self._entry_texts(entry):
                lines = book.wrap(text, theme.small, width - 2 * theme.gap, kind == "choice")
                height += len(lines) * book.line_height(theme.small) + theme.px(4)
            result.append((entry, pygame.Rect(0, y, width, height + theme.px(8))))
            y += height + theme.px(18)
        return result

    # --- input -------------------------------------------------------------------------------

    def handle_key(self, event: pygame.event.Event) -> None:
        if event.key == pygame.K_s:
            self.activate("save")
        elif event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll(8 if event.key == pygame.K_PAGEDOWN else -8)
        elif event.key == pygame.K_ESCAPE:
            self.app.to_title()
        else:
            super().handle_key(event)

    def scroll(self, lines: int) -> None:
        self.scroll_offset = max(0, self.scroll_offset + lines * self.app.theme.px(24))
        self.layout()

    def activate(self, action: str) -> None:
        if action.startswith("whatif:"):
            self.app.what_if(int(action.split(":")[1]))
        elif action == "save":
            path = self.save_image()
            if path:
                self.app.notify(t("saved_to", self.language, path=path), 5)
        elif action == "again":
            self.app.start_scene(self.app.run.scene_path)
        elif action == "menu":
            self.app.to_title()

    def save_image(self) -> Optional[str]:
        """Write the whole scorecard and the full debrief to a PNG under saves/debriefs/."""
        theme = self.app.theme
        full = sum(rect.height + theme.px(10) for _, rect in self.entry_rects) + theme.px(40)
        height = max(theme.height, self.rects["debrief"].y + full + theme.px(20))
        image = pygame.Surface((theme.width, height))
        self._draw_page(image, full_list=True)
        return self.app.save_png(image, "debriefs", self.app.run.program.id)

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self._draw_page(surface, full_list=False)
        theme, book = self.app.theme, self.app.book
        for index, button in enumerate(self.buttons):
            draw_button(surface, button, theme, book, index == self.focus, index == self.hover,
                        size=theme.font_px(18), primary=button.action == "again")

    def _draw_page(self, surface: pygame.Surface, full_list: bool) -> None:
        theme, book = self.app.theme, self.app.book
        card = self.scorecard()
        surface.fill(theme.palette.background)
        title = book.render(card.ending_title, theme.heading, (255, 255, 255), bold=True)
        surface.blit(title, (round(theme.width * 0.03), theme.px(28)))
        self._draw_summary(surface, card)
        draw_journey(surface, self.rects["chart"], card, float(self.app.run.program.mood), theme, book,
                     self.language)
        self._draw_debrief(surface, full_list)

    def _draw_summary(self, surface: pygame.Surface, card: Scorecard) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        box = self.rects["summary"]
        panel(surface, box, theme, book)
        inner = box.inflate(-2 * theme.gap, -2 * theme.gap)
        radius = theme.px(54)
        centre = (inner.x + radius, inner.y + radius)
        pygame.draw.circle(surface, GRADE_COLOURS[card.grade], centre, radius)
        letter = book.render(card.grade, theme.font_px(60), (255, 255, 255), bold=True)
        surface.blit(letter, letter.get_rect(center=centre))
        score = book.render(f"{card.score:g}", theme.font_px(44), palette.text, bold=True)
        surface.blit(score, (inner.x + 2 * radius + theme.gap, inner.y + theme.px(14)))
        out_of = book.render(f"/ 100  {t('score', self.language)}", theme.small, palette.text_dim)
        surface.blit(out_of, (inner.x + 2 * radius + theme.gap, inner.y + theme.px(14) + score.get_height()))
        y = inner.y + 2 * radius + theme.gap
        rows = [
            (t("relationship", self.language),
             f"{signed(card.relationship)} {MOT_LABELS[self.language][card.relationship]}",
             rating_colour(card.relationship, theme)),
            (t("service_level", self.language), SERVICE_LEVELS[self.language][card.service_level], palette.accent),
            (t("word_of_mouth", self.language), self._word_of_mouth(card.word_of_mouth),
             rating_colour(card.word_of_mouth, theme)),
        ]
        for label, value, colour in rows:
            surface.blit(book.render(label, theme.font_px(14), palette.text_dim), (inner.x, y))
            y += book.line_height(theme.font_px(14))
            lines, size = book.fit(value, theme.font_px(19), pygame.Rect(inner.x, y, inner.width, theme.px(52)),
                                   bold=True)
            y = book.draw_lines(surface, lines[:2], size, colour, (inner.x, y), bold=True) + theme.px(6)
        self._draw_people(surface, card.word_of_mouth, (inner.x, y), inner.width)
        y += theme.px(34)
        problems = list(card.out_of_order) + [f"skipped_{stage}" for stage in card.skipped_stages]
        text = "\n".join(f"• {t(p, self.language)}" for p in problems) or f"✓ {t('process_ok', self.language)}"
        heading = t("technique_score", self.language, score=f"{card.technique.score:g}")  # the second reading
        surface.blit(book.render(heading, theme.font_px(14), palette.text_dim), (inner.x, y))
        y += book.line_height(theme.font_px(14))
        body = pygame.Rect(inner.x, y, inner.width, inner.bottom - y)
        lines, size = book.fit(text, theme.small, body)
        y = book.draw_lines(surface, lines, size, palette.bad if problems else palette.good, body.topleft, clip=body)
        self._draw_stage_scores(surface, card, pygame.Rect(inner.x, y + theme.px(8), inner.width, inner.bottom - y))

    def _draw_stage_scores(self, surface: pygame.Surface, card: Scorecard, area: pygame.Rect) -> None:
        """A bar per MOT stage: its subscore, or "skipped"."""
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        label_size = theme.font_px(14)
        row = book.line_height(label_size) + theme.px(6)
        if area.height < row * (len(card.stages) + 1):
            return
        surface.blit(book.render(t("stage_scores", self.language), label_size, palette.text_dim), area.topleft)
        y = area.y + row
        label_width = max(book.width(t(s.stage, self.language), label_size) for s in card.stages) + theme.gap
        for stage in card.stages:
            surface.blit(book.render(t(stage.stage, self.language), label_size, palette.text), (area.x, y))
            bar = pygame.Rect(area.x + label_width, y + theme.px(3), area.width - label_width - theme.px(48),
                              theme.px(14))
            pygame.draw.rect(surface, palette.panel_edge, bar, border_radius=theme.px(4))
            if stage.subscore is None:
                text = t("skipped", self.language)
                colour = palette.bad
            else:
                filled = bar.copy()
                filled.width = round(bar.width * stage.subscore / 100)
                pygame.draw.rect(surface, palette.accent, filled, border_radius=theme.px(4))
                text, colour = f"{stage.subscore:.0f}", palette.text
            surface.blit(book.render(text, label_size, colour, bold=True), (bar.right + theme.px(8), y))
            y += row

    def _word_of_mouth(self, count: int) -> str:
        if count > 0:
            return t("tells_good", self.language, n=count)
        if count < 0:
            return t("tells_bad", self.language, n=-count)
        return t("tells_none", self.language)

    def _draw_people(self, surface: pygame.Surface, count: int, topleft: tuple[int, int], width: int) -> None:
        """One small figure per person told: filled for good news, crossed for bad."""
        theme = self.app.theme
        colour = rating_colour(count, theme)
        step = theme.px(14)
        x, y = topleft
        for index in range(min(abs(count), width // step)):
            cx = x + index * step + step // 2
            pygame.draw.circle(surface, colour, (cx, y + theme.px(6)), theme.px(4))
            pygame.draw.rect(surface, colour, (cx - theme.px(5), y + theme.px(11), theme.px(10), theme.px(12)),
                             border_radius=theme.px(3))

    def _draw_debrief(self, surface: pygame.Surface, full_list: bool) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        area = self.rects["debrief"].copy()
        if full_list:
            area.height = surface.get_height() - area.y - theme.px(20)
        panel(surface, area, theme, book)
        heading = book.render(t("debrief", self.language), theme.font_px(18), palette.text, bold=True)
        offset = (0 if full_list else self.scroll_offset) - self._heading_height()
        previous_clip = surface.get_clip()
        surface.set_clip(area.inflate(-theme.px(4), -theme.px(4)))
        for entry, rect in self.entry_rects:
            box = rect.move(area.x + theme.gap, area.y + theme.gap - offset)
            if box.bottom < area.y or box.y > area.bottom:
                continue
            self._draw_entry(surface, entry, box)
        surface.set_clip(previous_clip)
        surface.blit(heading, (area.x + theme.gap, area.y + theme.px(6)))

    def _draw_entry(self, surface: pygame.Surface, entry: DebriefEntry, box: pygame.Rect) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        pygame.draw.rect(surface, (244, 240, 232) if not theme.high_contrast else (255, 255, 255), box,
                         border_radius=theme.px(8))
        pygame.draw.rect(surface, rating_colour(entry.rating, theme), (box.x, box.y, theme.px(6), box.height),
                         border_radius=theme.px(3))
        x = box.x + theme.gap
        y = box.y + theme.px(10)
        rect = chip(surface, t("decision", self.language, n=entry.number), (x, y), theme, book, (90, 96, 110),
                    (255, 255, 255))
        rect = chip(surface, t(entry.stage, self.language), (rect.right + theme.px(6), y), theme, book,
                    palette.accent, palette.accent_text)
        rating = f"{signed(entry.rating)} {MOT_LABELS[self.language][entry.rating]}"
        rect = chip(surface, rating, (rect.right + theme.px(6), y), theme, book, rating_colour(entry.rating, theme),
                    (255, 255, 255))
        words = METER_WORDS[self.language]
        change = book.render(t("meter_now", self.language, after=words[entry.level_after]), theme.font_px(14),
                             palette.text_dim)  # short: the "what if" button sits to the right
        surface.blit(change, (rect.right + theme.px(8), rect.centery - change.get_height() // 2))
        y += theme.px(42)
        colours = {"choice": palette.text, "feedback": palette.text_dim, "better": palette.good}
        for text, kind in self._entry_texts(entry):
            bold = kind == "choice"
            lines = book.wrap(text, theme.small, box.width - 2 * theme.gap, bold)
            y = book.draw_lines(surface, lines, theme.small, colours[kind], (x, y), bold=bold) + theme.px(4)
