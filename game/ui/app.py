"""The App: one window, a stack of screens, the run, the settings and the saves.

Screens turn input into calls on the App; the App calls the core (:mod:`game.run`) and saves
after every change. The loop redraws only when something changed or moves, and sleeps in
``pygame.event.wait`` otherwise, so a still screen costs almost no CPU.
"""

from __future__ import annotations

import os
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import pygame

from game.catalog import scan_scenes
from game.diagnostics import Diagnostic
from game.i18n import t as interface_text
from game.paths import SCENES_DIR
from game.savestore import SaveStore
from game.settings import load_settings, save_settings
from game.storage import notice_text
from game.ui.layout import note_container
from game.ui.screens.base import Screen
from game.ui.text import TextBook
from game.ui.theme import Theme, make_theme
from game.vocab import LANGUAGES, next_language

if TYPE_CHECKING:  # the engine and the scene format load on first use, not at start-up
    from game.run import Run
    from game.workshop import Workshop

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (640, 360)
FPS = 60
IDLE_WAIT_MS = 500


class App:
    """The game window and everything the screens act on."""

    def __init__(self, size: tuple[int, int] = DEFAULT_SIZE, saves_folder: Optional[Path] = None,
                 scenes_folder: Optional[Path] = None):
        saves_folder = Path(saves_folder) if saves_folder is not None else None
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(350, 40)
        self.settings, problem = load_settings(saves_folder)
        self.store = SaveStore(saves_folder)
        self.store.check_run()
        if problem:
            self.store.notices.append(problem)
        self.scenes_folder = Path(scenes_folder) if scenes_folder else SCENES_DIR
        self.window_size = size
        self.surface = self._open_window(size, self.settings.fullscreen)
        pygame.display.set_caption(" · ".join(interface_text("app_title", language) for language in LANGUAGES))
        self.book = TextBook()
        self.theme = self._make_theme()
        self.run: Optional["Run"] = None
        self.workshop: Optional["Workshop"] = None
        self.sender = self._start_sender()
        self.cards = self.scan()
        self.screens: list[Screen] = []
        self.running = True
        self.dirty = True
        self.toast: Optional[tuple[str, float]] = None
        self.held: set[int] = set()  # keys whose press changed the screen, ignored until released
        from game.ui.screens.title import TitleScreen  # screens import the App type: import late

        self.replace(TitleScreen(self))
        self.show_notices()

    def scan(self):
        """The scene cards, through the catalogue cache under saves/."""
        return scan_scenes(self.scenes_folder, self.store.folder / "cache" / "scenes.json")

    # --- window -------------------------------------------------------------------------------

    def _open_window(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        """A resizable window of ``size``, or full screen as a borderless window covering the desktop: SDL's
        own full-screen mode, without a window manager, leaves the grown window where the small one was."""
        if fullscreen:
            desktop = pygame.display.get_desktop_sizes()[0] if pygame.display.get_desktop_sizes() else size
            surface = pygame.display.set_mode(desktop, pygame.NOFRAME)
        else:
            surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._place_window(fullscreen)
        return surface

    @staticmethod
    def _place_window(fullscreen: bool) -> None:
        """Put the window at the screen's corner (full screen) or centre it: without a window manager,
        SDL keeps the old position and a grown window hangs off the screen."""
        try:
            with warnings.catch_warnings():  # deprecated only as a way to draw; moving the window is its use here
                warnings.simplefilter("ignore", DeprecationWarning)
                window = pygame.Window.from_display_module()
            if fullscreen:
                window.position = (0, 0)
            else:
                window.position = pygame.WINDOWPOS_CENTERED
        except (AttributeError, pygame.error):  # an older pygame-ce, or a driver with no windows
            return

    def _make_theme(self) -> Theme:
        return make_theme(self.surface.get_size(), self.settings.text_scale, self.settings.high_contrast)

    def relayout(self) -> None:
        """Recompute the theme and every screen's layout (after a resize or a settings change)."""
        self.theme = self._make_theme()
        for screen in self.screens:
            screen.layout()
        self.dirty = True

    def resize(self, size: tuple[int, int]) -> None:
        """Follow a new window size."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if not self.settings.fullscreen:
            self.window_size = size
            self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.relayout()

    def toggle_fullscreen(self) -> None:
        """F11: switch between a window and the full screen."""
        self.update_settings(fullscreen=not self.settings.fullscreen)
        self.surface = self._open_window(self.window_size, self.settings.fullscreen)
        self.relayout()

    # --- screens ------------------------------------------------------------------------------

    @property
    def screen(self) -> Screen:
        """The screen that receives input."""
        return self.screens[-1]

    @property
    def playing(self) -> "Run":
        """The run being played; the screens that show a run exist only while there is one."""
        if self.run is None:
            raise RuntimeError("no scene is being played")
        return self.run

    @property
    def facilitating(self) -> "Workshop":
        """The facilitated session; its screens exist only while there is one."""
        if self.workshop is None:
            raise RuntimeError("no workshop is running")
        return self.workshop

    def push(self, screen: Screen) -> None:
        """Open a screen or overlay on top."""
        self.screens.append(screen)
        screen.layout()
        self.dirty = True

    def pop(self) -> None:
        """Close the top screen."""
        if len(self.screens) > 1:
            self.screens.pop()
            self.screens[-1].layout()
        self.dirty = True

    def replace(self, screen: Screen) -> None:
        """Make ``screen`` the only screen."""
        self.screens = []
        self.push(screen)

    def show_notices(self) -> None:
        """Explain anything the saves or settings needed to set aside."""
        if self.store.notices:
            from game.ui.screens.overlays import NoticeOverlay

            messages = [notice_text(notice, self.settings.language) for notice in self.store.notices]
            self.push(NoticeOverlay(self, messages, restart=self.store.restart_path))
            self.store.notices.clear()
            self.store.restart_path = None

    def saved(self, write, *args):
        """Run a write to saves/; when the disk refuses, tell the player what to do and return None."""
        try:
            return write(*args)
        except (OSError, pygame.error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.notify(self._t("cannot_save", folder=str(self.store.folder), reason=reason), 10)
            return None

    def save_png(self, image: pygame.Surface, subfolder: str, name: str) -> Optional[str]:
        """Save ``image`` as ``saves/SUBFOLDER/TIMESTAMP-NAME.png``; returns the path (None if it failed)."""
        def write() -> str:
            folder = self.store.folder / subfolder
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{name}.png"
            pygame.image.save(image, str(path))
            return str(path)

        return self.saved(write)

    def notify(self, text: str, seconds: float = 3.0) -> None:
        """A short message at the bottom of the window."""
        self.toast = (text, time.monotonic() + seconds)
        self.dirty = True

    # --- the run ------------------------------------------------------------------------------

    def choose_scene(self, path: str) -> None:
        """A scene card was chosen: ask first when that would end an unfinished run, then brief the player."""
        summary = self.store.run_summary() if self.store.has_run() else None
        if summary is None:
            self.open_briefing(path)
            return
        from game.ltext import pick
        from game.ui.screens.briefing import ReplaceRunOverlay

        def title_of(match) -> str:
            card = next((c for c in self.cards if match(c)), None)
            return pick(card.title, self.settings.language) if card is not None and card.title else "?"

        new_title = title_of(lambda c: Path(c.path) == Path(path))
        old_title = title_of(lambda c: c.id == summary[0])
        self.push(ReplaceRunOverlay(self, path, new_title, (old_title, summary[0], summary[1])))

    def open_briefing(self, path: str) -> None:
        """Load a scene and show its briefing (or its errors)."""
        from game.loader import load_scene
        from game.ui.screens.briefing import BriefingScreen

        loaded = load_scene(path)
        if loaded.program is None:
            self.show_errors(list(loaded.diagnostics))
            return
        self.replace(BriefingScreen(self, path, loaded.program))

    def begin(self, path: str, program, mode: str) -> None:
        """Start the briefed scene in ``mode`` ("practice" or "assessment")."""
        from game.run import Run

        self.run = Run(path, program, mode=mode)
        self.saved(self.store.save_run, self.run)
        self.saved(self.recorder().launch, self.run)
        self.open_play()

    def start_scene(self, path: str, mode: str = "practice") -> None:
        """Start a scene from its beginning in ``mode`` (or show its errors)."""
        from game.run import Run, SceneLoadError

        try:
            self.run = Run.start(path, mode)
        except SceneLoadError as exc:
            self.show_errors(list(exc.loaded.diagnostics))
            return
        self.saved(self.store.save_run, self.run)
        self.saved(self.recorder().launch, self.run)
        self.open_play()

    def continue_run(self) -> None:
        """Resume the unfinished run."""
        run = self.store.load_run()
        self.show_notices()
        if run is not None:
            self.run = run
            self.open_play()

    def open_play(self) -> None:
        """Show the play screen for the current run."""
        from game.ui.screens.play import PlayScreen

        self.replace(PlayScreen(self))

    def after_change(self) -> None:
        """Save the run after every change (a finished run is recorded by :meth:`finish` instead)."""
        if self.run is not None and not self.run.is_over():
            self.saved(self.store.save_run, self.run)
        self.dirty = True

    def choose(self, number: int):
        """Take an open choice; returns the engine's Turn."""
        turn = self.playing.choose(number)
        self.after_change()
        return turn

    def advance(self) -> None:
        """Move past a line."""
        self.playing.advance()
        self.after_change()

    def undo(self) -> bool:
        """Take back the last decision."""
        if self.run is None or not self.run.can_undo():
            return False
        self.run.undo()
        self.after_change()
        return True

    def finish(self) -> None:
        """The run reached its ending: record it and show the scorecard."""
        from game.ui.screens.ending import EndingScreen

        card = self.playing.scorecard(self.settings.language)
        self.saved(self.recorder().finish, self.run, card, self.store)  # the history, and statements for the LRS
        self.wake_sender()
        self.replace(EndingScreen(self))

    def what_if(self, decision: int) -> None:
        """Go back to a decision of the finished run and play on from there."""
        self.playing.rewind(decision)
        self.playing.mode = "practice"  # playing on from a past decision is practice, whatever the run was
        self.playing.new_attempt()  # a replay is a new attempt for the learning record store
        self.saved(self.store.save_run, self.run)
        self.saved(self.recorder().launch, self.run)
        self.open_play()

    def reload_scene(self) -> None:
        """F5: reload the scene from disk, keeping the place when its node still exists."""
        from game.engine import EngineError
        from game.loader import load_scene
        from game.run import Run, SaveMismatch

        self.cards = self.scan()
        if self.run is None or self.run.is_over():  # nothing being played: only the cards can change
            self.relayout()
            return
        loaded = load_scene(self.run.scene_path)
        if loaded.program is None:
            self.show_errors(list(loaded.diagnostics))
            return
        run = Run(self.run.scene_path, loaded.program, mode=self.run.mode)
        run.registration, run.started_at = self.run.registration, self.run.started_at  # the same attempt
        fingerprints = self.run.choice_fingerprints()
        try:
            run.state = run.story.restore(self.run.state)
            run.check_fingerprints(fingerprints)  # a choice known by position must still say the same
            self.notify(self._t("reloaded"))
        except SaveMismatch:
            run.state = run.story.start()
            self.notify(self._t("choice_changed"), 6)
        except EngineError:
            self.notify(self._t("place_gone"), 6)
        self.run = run
        self.saved(self.store.save_run, run)
        self.open_play()

    def show_errors(self, diagnostics: list[Diagnostic]) -> None:
        """Show a scene's errors in an overlay instead of crashing."""
        from game.ui.screens.overlays import ErrorOverlay

        self.push(ErrorOverlay(self, diagnostics))

    def to_title(self) -> None:
        """Back to the title screen (the run stays saved)."""
        from game.ui.screens.title import TitleScreen

        self.run = None
        self.workshop = None
        self.replace(TitleScreen(self))

    # --- facilitator mode ---------------------------------------------------------------------

    def open_facilitator_setup(self, scene_path: Optional[str] = None) -> None:
        """Show the workshop set-up, with ``scene_path`` chosen when given."""
        from game.ui.screens.facilitate_setup import FacilitatorSetup

        chosen = ""
        if scene_path:
            chosen = next((card.path for card in self.cards
                           if Path(card.path).resolve() == Path(scene_path).resolve()), "")
            if not chosen:  # a scene outside scenes/: offer it too
                from game.catalog import card_for

                self.cards.append(card_for(scene_path))
                chosen = scene_path
        self.replace(FacilitatorSetup(self, chosen))

    def start_workshop(self, scene_path: str, teams: list[str], mode: str, key_only: bool = False) -> None:
        """Start a facilitated session (or show the scene's errors); the team names are remembered."""
        from game.loader import load_scene
        from game.ui.screens.facilitate import FacilitatorScreen
        from game.workshop import Workshop, WorkshopError

        loaded = load_scene(scene_path)
        if loaded.program is None:
            self.show_errors(list(loaded.diagnostics))
            return
        try:
            self.workshop = Workshop(loaded.program, teams, mode, self.settings.language, key_only=key_only)
        except WorkshopError as exc:
            self.notify(str(exc))
            return
        from game.workshop_export import save_last_teams

        self.saved(save_last_teams, self.store.folder, self.workshop.teams)
        self.replace(FacilitatorScreen(self))

    def finish_workshop(self) -> None:
        """End the session: export the results and show the comparison."""
        from game.ui.screens.compare import CompareScreen

        exported = self.saved(self.facilitating.export, self.store.folder / "sessions")
        self.saved(self.recorder().record_workshop, self.workshop)
        self.wake_sender()
        compare = CompareScreen(self)
        self.replace(compare)
        if exported:  # said in the debrief's own status line: a toast would cover the page's footer
            compare.status = self._t("exported", path=f"{exported[0].parent.name}/{exported[0].name}")

    # --- results for the learning record store ----------------------------------------------

    def recorder(self):
        """Writes finished runs: the history and the xAPI outbox (with the current settings)."""
        from game.recording import Recorder

        return Recorder(self.store.folder, self.settings)

    def _start_sender(self):
        """The background sender, when an LRS is configured (settings or MOT_LRS_ENDPOINT)."""
        from game.lrs import config_from

        if config_from(self.settings) is None:  # the usual case: import nothing more before the first frame
            return None
        from game.recording import OUTBOX_DIR
        from game.ui.sender import BackgroundSender

        sender = BackgroundSender(self.store.folder / OUTBOX_DIR, lambda: config_from(self.settings))
        sender.start()
        return sender

    def wake_sender(self) -> None:
        """New statements: let the sender look now (started here if the LRS was configured meanwhile)."""
        if self.sender is None:
            self.sender = self._start_sender()
        if self.sender is not None:
            self.sender.wake()

    def _sender_notices(self) -> None:
        if self.sender is not None:
            for key, values in self.sender.notices():
                self.notify(self._t(key, **values), 10)

    # --- settings -----------------------------------------------------------------------------

    def update_settings(self, **changes) -> None:
        """Change settings, save them and lay everything out again."""
        self.settings = self.settings.with_changes(**changes)
        self.saved(save_settings, self.settings, self.store.folder)
        self.relayout()

    def _t(self, key: str, **values) -> str:
        from game.ui.strings import t

        return t(key, self.settings.language, **values)

    # --- the loop -----------------------------------------------------------------------------

    def step(self, events: list[pygame.event.Event], dt: float = 1 / FPS) -> bool:
        """Handle ``events``, advance animations by ``dt``, and draw if anything changed.

        Returns True while something is animating (the loop then keeps a steady frame rate).
        """
        for event in events:
            self._dispatch(event)
            if not self.running:
                return False
        self._sender_notices()
        moving = any(screen.update(dt) for screen in self.screens)
        if self.toast and time.monotonic() > self.toast[1]:
            self.toast = None
            self.dirty = True
        if self.dirty or moving:
            self.draw()
        return moving or self.toast is not None

    def _dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYUP:
            self.held.discard(event.key)
            return
        if event.type == pygame.KEYDOWN and event.key in self.held:
            return  # a key still held from the press that opened this screen: it did its one thing already
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.VIDEORESIZE:
            self.resize(event.size)
        elif event.type == pygame.WINDOWEXPOSED:
            self.dirty = True
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.reload_scene()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_l and self._l_switches_language(event):
            self.update_settings(language=next_language(self.settings.language))
        elif event.type in (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION,
                            pygame.MOUSEWHEEL):
            before = self.screen
            self.screen.handle(event)
            if event.type == pygame.KEYDOWN and self.screen is not before:
                self.held.add(event.key)  # its repeats must not act on the screen it opened
            self.dirty = True

    def _l_switches_language(self, event: pygame.event.Event) -> bool:
        """L switches the language on every screen, except while a name is being typed."""
        typing = getattr(self.screen, "takes_text", False) or getattr(self.screen, "editing", -1) >= 0
        return not typing and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT)

    def draw(self) -> None:
        """Draw every screen from the bottom up, then the toast, and show the frame."""
        start = max((i for i, s in enumerate(self.screens) if not s.overlay), default=0)
        for screen in self.screens[start:]:
            screen.draw(self.surface)
        if self.toast:
            self.draw_toast(self.surface, self.toast[0])
        pygame.display.flip()
        self.dirty = False

    def draw_toast(self, surface: pygame.Surface, text: str) -> None:
        """The toast: at the bottom centre, moved up above any button it would cover."""
        theme = self.theme
        lines = self.book.wrap(text, theme.small, theme.width * 3 // 4)
        height = self.book.text_height(len(lines), theme.small)
        width = max(self.book.width(line, theme.small) for line in lines)
        box = pygame.Rect(0, 0, width + theme.gap * 2, height + theme.gap)
        box.midbottom = (theme.width // 2, theme.height - theme.gap)
        for button in sorted(self.screen.buttons, key=lambda b: -b.rect.bottom):
            if box.colliderect(button.rect.inflate(theme.px(8), theme.px(8))):
                box.bottom = button.rect.top - theme.px(8)
        pygame.draw.rect(surface, (30, 30, 36), box, border_radius=min(box.height // 2, theme.radius * 2))
        note_container(surface, box)
        self.book.draw_lines(surface, lines, theme.small, (255, 255, 255),
                             (box.x + theme.gap, box.y + theme.gap // 2 - self._half_leading(theme.small)))

    def _half_leading(self, size: int) -> int:
        """How far a rendered line's top sits above its share of the line height."""
        return (self.book.font(size).get_height() - self.book.line_height(size)) // 2

    def loop(self) -> None:
        """Run until the window closes."""
        clock = pygame.time.Clock()
        moving = True
        while self.running:
            if moving:
                events = pygame.event.get()
                dt = clock.tick(FPS) / 1000
            else:  # nothing moves: sleep until input arrives
                events = [pygame.event.wait(IDLE_WAIT_MS)]
                events += pygame.event.get()
                events = [e for e in events if e.type != pygame.NOEVENT]
                dt = clock.tick() / 1000
            moving = self.step(events, min(dt, 0.1))
        if self.sender is not None:
            self.sender.stop()
        pygame.quit()


def run_game(facilitate: Optional[str] = None) -> int:
    """Open the window and play until it is closed; ``facilitate`` opens the workshop set-up."""
    os.environ.setdefault("SDL_VIDEO_ALLOW_SCREENSAVER", "1")
    app = App()
    if facilitate is not None:
        app.open_facilitator_setup(facilitate or None)
    app.loop()
    return 0
