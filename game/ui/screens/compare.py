"""The debrief screen after a facilitated session: the pages of :mod:`debrief_pages`, one at a time, for a
projector; S exports every page as one PNG and one PDF (scenario, date and teams on each page)."""

from __future__ import annotations

import io
import time
from typing import Optional

import pygame

from game.pdf import PageImage, images_to_pdf
from game.program import pick
from game.storage import write_unique
from game.ui.blocks import Canvas, TextBlock
from game.ui.screens.base import Screen
from game.ui.screens.debrief_pages import DebriefBuilder, Page
from game.ui.strings import t
from game.ui.theme import make_theme
from game.ui.text import TextBook

EXPORT_SIZE = (1920, 1080)
NEXT_KEYS = {pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE, pygame.K_DOWN, pygame.K_RETURN}
BACK_KEYS = {pygame.K_PAGEUP, pygame.K_LEFT, pygame.K_UP}


class CompareScreen(Screen):
    """Shows the App's finished workshop page by page; exporting is the only thing it does itself."""

    def __init__(self, app):
        super().__init__(app)
        self.page = 0
        self.pages: list[Page] = []
        self.drawn: list[TextBlock] = []
        self.status = ""  # what the last export did; shown in place of the keys until the next key

    def layout(self) -> None:
        self.builder = DebriefBuilder(self.app.workshop, self.language, self.app.theme, self.app.book)
        self.pages = self.builder.pages()
        self.page = min(self.page, len(self.pages) - 1)
        self.buttons = []

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 3):
            self.turn(1 if event.button == 1 else -1)
        else:
            super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> None:
        self.status = ""
        if event.key in NEXT_KEYS:
            self.turn(1)
        elif event.key in BACK_KEYS:
            self.turn(-1)
        elif event.key in (pygame.K_s, pygame.K_c):
            self.activate("save")
        elif event.key == pygame.K_l:
            self.app.update_settings(language="zh" if self.language == "en" else "en")
        elif event.key == pygame.K_ESCAPE:
            self.app.to_title()

    def turn(self, step: int) -> None:
        """Show the next (1) or previous (-1) page."""
        self.page = max(0, min(len(self.pages) - 1, self.page + step))

    def activate(self, action: str) -> None:
        if action == "save":
            paths = self.app.saved(self.export)
            if paths:
                self.status = t("saved_to", self.language, path=f"{paths[0].parent.name}/{paths[0].name}, "
                                                              f"{paths[1].name}")

    def export_pages(self) -> list[pygame.Surface]:
        """Every page drawn at the export size (the same pages whatever the window size)."""
        theme = make_theme(EXPORT_SIZE, 1.0, False)
        book = TextBook()
        builder = DebriefBuilder(self.app.workshop, self.language, theme, book)
        pages = builder.pages()
        pictures = []
        for number, page in enumerate(pages, start=1):
            picture = pygame.Surface(EXPORT_SIZE)
            builder.draw(Canvas(picture, book), page, number, len(pages))
            pictures.append(picture)
        return pictures

    def export(self) -> tuple:
        """Write the debrief as one PNG (the pages one under another) and one PDF (a page each) under
        saves/sessions/, under names no other export has."""
        pictures = self.export_pages()
        sheet = pygame.Surface((EXPORT_SIZE[0], EXPORT_SIZE[1] * len(pictures)))
        for index, picture in enumerate(pictures):
            sheet.blit(picture, (0, index * EXPORT_SIZE[1]))
        png = io.BytesIO()
        pygame.image.save(sheet, png, "debrief.png")
        workshop = self.app.workshop
        stem = f"{time.strftime('%Y%m%d-%H%M%S')}-{workshop.program.id}-debrief"
        folder = self.app.store.folder / "sessions"
        png_path = write_unique(folder, stem, ".png", png.getvalue())
        pdf = images_to_pdf([PageImage(*p.get_size(), pygame.image.tobytes(p, "RGB")) for p in pictures],
                            f"{pick(workshop.program.title, self.language)} · {workshop.started}")
        pdf_path = write_unique(folder, png_path.stem, ".pdf", pdf)
        return png_path, pdf_path

    def draw(self, surface: pygame.Surface) -> None:
        canvas = Canvas(surface, self.app.book)
        self.builder.draw(canvas, self.pages[self.page], self.page + 1, len(self.pages),
                          self.status or t("compare_hint", self.language))
        self.drawn = canvas.drawn

    def save_image(self) -> Optional[str]:
        """Export the debrief; returns the PNG's path (None if the disk refused)."""
        paths = self.app.saved(self.export)
        return str(paths[0]) if paths else None
