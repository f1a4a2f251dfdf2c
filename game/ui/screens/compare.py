"""The comparison screen for the group review: each team's path, ending and score, journeys overlaid."""

from __future__ import annotations

from typing import Optional

import pygame

from game.ui.screens.base import Screen
from game.ui.strings import t
from game.ui.widgets import Button, draw_button, panel

TEAM_COLOURS = [(38, 110, 128), (214, 120, 40), (120, 80, 170), (46, 134, 84), (190, 64, 54), (90, 96, 110)]
SHAPES = ("circle", "square", "triangle", "diamond", "circle", "square")


class CompareScreen(Screen):
    """Shows the App's finished workshop; saving the image is the only thing it does itself."""

    def layout(self) -> None:
        theme = self.app.theme
        width, height = theme.width, theme.height
        self.table = pygame.Rect(round(width * 0.03), theme.px(90), round(width * 0.44), height - theme.px(190))
        self.chart = pygame.Rect(round(width * 0.5), theme.px(90), round(width * 0.47), height - theme.px(190))
        labels = [("save_image", "save"), ("main_menu", "menu")]
        button_width = theme.px(240)
        x = width - theme.px(36) - len(labels) * button_width - theme.gap
        self.buttons = []
        for key, action in labels:
            self.buttons.append(Button(pygame.Rect(x, height - theme.px(80), button_width, theme.px(54)),
                                       t(key, self.language), action))
            x += button_width + theme.gap

    def handle_key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_s, pygame.K_c):
            self.activate("save")
        elif event.key == pygame.K_ESCAPE:
            self.app.to_title()
        else:
            super().handle_key(event)

    def activate(self, action: str) -> None:
        if action == "save":
            path = self.save_image()
            if path:
                self.app.notify(t("saved_to", self.language, path=path), 5)
        elif action == "menu":
            self.app.to_title()

    def save_image(self) -> Optional[str]:
        """Write the comparison to a PNG under saves/sessions/."""
        image = pygame.Surface(self.app.surface.get_size())
        self.draw_page(image)
        return self.app.save_png(image, "sessions", f"{self.app.workshop.program.id}-comparison")

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_page(surface)
        for index, button in enumerate(self.buttons):
            draw_button(surface, button, self.app.theme, self.app.book, index == self.focus, index == self.hover,
                        primary=button.action == "save")

    def draw_page(self, surface: pygame.Surface) -> None:
        """The title, the table and the chart (also used for the saved image)."""
        theme, book = self.app.theme, self.app.book
        surface.fill(theme.palette.background)
        title = book.render(t("compare_title", self.language), theme.font_px(36), (255, 255, 255), bold=True)
        surface.blit(title, (round(theme.width * 0.03), theme.px(24)))
        results = self.app.workshop.results()
        self._draw_table(surface, results)
        self._draw_chart(surface, results)

    def _draw_table(self, surface: pygame.Surface, results: list[dict]) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        panel(surface, self.table, theme, book)
        inner = self.table.inflate(-2 * theme.gap, -2 * theme.gap)
        size = theme.font_px(20)
        y = inner.y
        for index, row in enumerate(results):
            colour = TEAM_COLOURS[index % len(TEAM_COLOURS)]
            _marker(surface, SHAPES[index % len(SHAPES)], (inner.x + theme.px(10), y + size // 2 + theme.px(4)),
                    theme.px(9), colour)
            name = book.render(row["team"], theme.font_px(24), palette.text, bold=True)
            surface.blit(name, (inner.x + theme.px(28), y))
            score = f"{row.get('score', 0):g} ({row.get('grade', '-')})" if "score" in row else "—"
            score_surface = book.render(score, theme.font_px(24), colour, bold=True)
            surface.blit(score_surface, (inner.right - score_surface.get_width(), y))
            y += book.line_height(theme.font_px(24))
            details = t("ending_label", self.language, title=row.get("ending_title", "—")) + "\n" + \
                t("path_label", self.language, path=" ".join(row["path"]) or "—")
            lines = book.wrap(details, size, inner.width - theme.px(28))
            y = book.draw_lines(surface, lines, size, palette.text_dim, (inner.x + theme.px(28), y),
                                clip=inner) + theme.gap

    def _draw_chart(self, surface: pygame.Surface, results: list[dict]) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        panel(surface, self.chart, theme, book)
        heading = book.render(t("journey", self.language), theme.font_px(20), palette.text, bold=True)
        surface.blit(heading, (self.chart.x + theme.gap, self.chart.y + theme.px(10)))
        plot = pygame.Rect(self.chart.x + theme.px(50), self.chart.y + theme.px(56), self.chart.width - theme.px(80),
                           self.chart.height - theme.px(100))
        low, high = self.app.workshop.program.meter_min, self.app.workshop.program.meter_max
        longest = max((len(row["journey"]) for row in results), default=2) - 1 or 1

        def point(index: int, value: float) -> tuple[int, int]:
            return (plot.x + round(index * plot.width / longest),
                    round(plot.bottom - (value - low) / (high - low) * plot.height))

        for value in (low, 0, high):
            y = point(0, value)[1]
            pygame.draw.line(surface, palette.panel_edge, (plot.x, y), (plot.right, y), 2 if value == 0 else 1)
            label = book.render(f"{value:+d}" if value else "0", theme.font_px(14), palette.text_dim)
            surface.blit(label, (plot.x - label.get_width() - theme.px(8), y - label.get_height() // 2))
        for index, row in enumerate(results):
            colour = TEAM_COLOURS[index % len(TEAM_COLOURS)]
            points = [point(i, value) for i, value in enumerate(row["journey"])]
            if len(points) > 1:
                pygame.draw.lines(surface, colour, False, points, theme.px(4))
            for spot in points:
                _marker(surface, SHAPES[index % len(SHAPES)], spot, theme.px(7), colour)


def _marker(surface: pygame.Surface, shape: str, centre: tuple[int, int], size: int, colour: tuple) -> None:
    """A team's marker: the shape tells teams apart without colour."""
    x, y = centre
    if shape == "square":
        pygame.draw.rect(surface, colour, (x - size, y - size, 2 * size, 2 * size))
    elif shape == "triangle":
        pygame.draw.polygon(surface, colour, [(x, y - size), (x - size, y + size), (x + size, y + size)])
    elif shape == "diamond":
        pygame.draw.polygon(surface, colour, [(x, y - size), (x + size, y), (x, y + size), (x - size, y)])
    else:
        pygame.draw.circle(surface, colour, centre, size)
