"""The debrief screen after a facilitated session: the pages of :mod:`debrief_pages`, one at a time, for a
projector; S exports every page as one PNG and one PDF (scenario, date and teams on each page)."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Optional

import pygame

from game.pdf import PageImage, images_to_pdf, images_to_png
from game.ltext import pick
from game.storage import write_unique
from game.ui.actions import Action
from game.ui.blocks import Canvas, TextBlock
from game.ui.keymap import HINT_SEPARATOR, LANGUAGE_KEY, Binding, Keymap, entry
from game.ui.screens.base import Screen
from game.ui.screens.projector import Projected
from game.ui.screens.debrief_pages import DebriefBuilder, Page
from game.ui.screens.facilitate_overlays import ConfirmCard
from game.ui.strings import t
from game.ui.theme import make_theme
from game.ui.text import TextBook

if TYPE_CHECKING:
    from game.ui.workshop_control import WorkshopController

EXPORT_SIZE = (1920, 1080)
KEYS_LINES = 3  # under the debrief's footer on screen: what the last export wrote (both file names), then the keys
COMPARE_KEYS = Keymap(
    "compare", "keys_compare",
    Binding((pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE, pygame.K_DOWN, pygame.K_RETURN), "turn",
            "kn_pagedown", "ka_next_page", args=(1,)),
    Binding((pygame.K_PAGEUP, pygame.K_LEFT, pygame.K_UP), "turn", "kn_pageup", "ka_back", args=(-1,)),
    Binding((pygame.K_s, pygame.K_c), "ask_export", "kn_s", "ka_export", with_key=True),
    Binding((pygame.K_ESCAPE,), "ask_leave", "kn_esc", "ka_main_menu"),
)


class CompareScreen(Projected, Screen):
    """Shows a finished workshop page by page; exporting is the only thing it does itself."""

    def __init__(self, app, session: "WorkshopController"):
        super().__init__(app)
        self.session = session
        self.page = 0
        self.pages: list[Page] = []
        self.drawn: list[TextBlock] = []
        self.status = ""  # what the last export did; shown in place of the keys until the next key
        self.export_job: Optional[ExportJob] = None  # the export being written, between its S and its result
        self.export_asked: Optional[int] = None  # the frame count at S: the export starts once a later frame
        # has said "Saving…"
        self.exported = False  # the debrief pages are saved as PNG and PDF

    def layout(self) -> None:
        self.builder = DebriefBuilder(self.session.workshop, self.language, self.app.theme, self.app.book,
                                      keys_lines=KEYS_LINES)
        self.pages = self.builder.pages()
        self.page = min(self.page, len(self.pages) - 1)
        self.buttons = []

    @property
    def keep_clear(self) -> list[pygame.Rect]:
        """The footer, the save status and the keys, which a toast (a disk that refused) must not cover."""
        top = self.builder.footer_top
        return [pygame.Rect(0, top, self.app.theme.width, self.app.theme.height - top)]

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 3):
            self.turn(1 if event.button == 1 else -1)
        else:
            super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> None:
        if not self.busy:
            self.status = ""
        COMPARE_KEYS.dispatch(self, event.key, event.mod)

    def key_hint(self) -> str:
        """The keys, from the keymap (and the language key every screen has)."""
        return HINT_SEPARATOR.join([COMPARE_KEYS.hint(self.language), entry(LANGUAGE_KEY, self.language)])

    def ask_export(self, key: int) -> None:
        """S: save every page as one PNG and one PDF."""
        self.app.held.add(key)  # one press, one export: its repeats wait for the key's release
        self.activate("save")

    def ask_leave(self) -> None:
        """Esc: ask before going back to the main menu, saying whether the debrief pages are exported yet (the
        results are: they were written when the session ended)."""
        message = "leave_saved" if self.exported else "leave_unsaved"
        self.app.push(ConfirmCard(self.app, "leave_title", message, "leave_yes", "leave_no", self.to_title))

    def to_title(self) -> None:
        """Back to the title screen."""
        self.app.to_title()

    def turn(self, step: int) -> None:
        """Show the next (1) or previous (-1) page."""
        self.page = max(0, min(len(self.pages) - 1, self.page + step))

    @property
    def busy(self) -> bool:
        """True from an S until its export is written (another S meanwhile does nothing)."""
        return self.export_asked is not None or self.export_job is not None

    def activate(self, action: Action) -> None:
        if action == "save" and not self.busy:
            self.export_asked = self.app.frames
            self.status = t("saving", self.language)

    def update(self, dt: float) -> bool:
        """Start an asked-for export once "Saving…" is on screen; show its result once it is written."""
        if self.export_asked is not None and self.app.frames > self.export_asked:
            self.export_asked = None
            images = self.app.saved(self.page_images, asked=True)
            self.export_job = ExportJob(self.export_writer(), images) if images else None
            if self.export_job is None:
                self.status = ""
        if self.export_job is not None and self.export_job.done():
            job, self.export_job = self.export_job, None
            paths = self.app.saved(job.result, asked=True)
            self.exported = self.exported or bool(paths)
            self.status = t("saved_to", self.language, path=f"{paths[0].parent.name}/{paths[0].name}, "
                                                          f"{paths[1].name}") if paths else ""
            self.app.dirty = True
        return self.busy

    def export_pages(self) -> list[pygame.Surface]:
        """Every page drawn at the export size (the same pages whatever the window size)."""
        theme = make_theme(EXPORT_SIZE, 1.0, False)
        book = TextBook()
        builder = DebriefBuilder(self.session.workshop, self.language, theme, book)
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
        return self.export_writer()(self.page_images())

    def page_images(self) -> list[PageImage]:
        """The pages drawn at the export size, as pixels a worker thread may encode."""
        return [PageImage(*p.get_size(), pygame.image.tobytes(p, "RGB")) for p in self.export_pages()]

    def export_writer(self):
        """A function that encodes and writes page pixels (the slow part); it touches neither pygame nor
        the App, so it can run on a worker thread while the window goes on."""
        workshop = self.session.workshop
        stem = f"{time.strftime('%Y%m%d-%H%M%S')}-{workshop.program.id}-debrief"
        folder = self.app.store.folder / "sessions"
        title = f"{pick(workshop.program.title, self.language)} · {workshop.started}"

        def write(images: list[PageImage]) -> tuple:
            png_path = write_unique(folder, stem, ".png", images_to_png(images))
            pdf_path = write_unique(folder, png_path.stem, ".pdf", images_to_pdf(images, title))
            return png_path, pdf_path

        return write

    def draw(self, surface: pygame.Surface) -> None:
        canvas = Canvas(surface, self.app.book)
        self.builder.draw(canvas, self.pages[self.page], self.page + 1, len(self.pages), self.key_hint(),
                          self.status)
        self.drawn = canvas.drawn

    def save_image(self) -> Optional[str]:
        """Export the debrief; returns the PNG's path (None if the disk refused)."""
        paths = self.app.saved(self.export, asked=True)
        self.exported = self.exported or bool(paths)
        return str(paths[0]) if paths else None


class ExportJob:
    """One export written on a worker thread, so the window keeps drawing and answering meanwhile."""

    def __init__(self, write, images: list[PageImage]):
        self._outcome: Optional[tuple] = None
        self._error: Optional[BaseException] = None
        self._thread = threading.Thread(target=self._run, args=(write, images), daemon=True,
                                        name="debrief-export")  # daemon: quitting never waits on a disk
        self._thread.start()

    def _run(self, write, images) -> None:
        try:
            self._outcome = write(images)
        except Exception as exc:  # noqa: BLE001 - re-raised on the window's thread by result(), never lost
            self._error = exc

    def done(self) -> bool:
        """True once the files are written (or writing failed)."""
        return not self._thread.is_alive()

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the export; True when it is done."""
        self._thread.join(seconds)
        return self.done()

    def result(self) -> tuple:
        """The written paths; raises what the writing raised."""
        if self._error is not None:
            raise self._error
        if self._outcome is None:
            raise RuntimeError("the export has not finished: call result() once done() is True")
        return self._outcome
