"""The App: the window (:mod:`game.ui.window`) with the settings, the saves, the scene cards, and the
controller of whatever is being played (:mod:`game.ui.play_control`) or facilitated
(:mod:`game.ui.workshop_control`).

Screens receive the controller they show and call it; the controllers call the core and save
after every change. The App itself only keeps what every screen shares.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import pygame

from game.catalog import scan_scenes
from game.diagnostics import Diagnostic
from game.paths import SCENES_DIR
from game.savestore import SaveStore
from game.settings import load_settings, save_settings
from game.storage import notice_text, write_unique
from game.ui import memory, play_control, workshop_control
from game.ui.keymap import GLOBAL_KEYS
from game.ui.images import png_bytes
from game.ui.results import Results
from game.ui.screens.base import Screen
from game.ui.window import DEFAULT_SIZE, Window
from game.vocab import next_language

if TYPE_CHECKING:  # the engine and the scene format load on first use, not at start-up
    from game.program import Program
    from game.run import Coaching, Run
    from game.ui.play_control import PlayController
    from game.ui.workshop_control import WorkshopController
    from game.workshop import Workshop


class App(Window):
    """The game window and everything the screens share."""

    def __init__(self, size: tuple[int, int] = DEFAULT_SIZE, saves_folder: Optional[Path] = None,
                 scenes_folder: Optional[Path] = None):
        saves_folder = Path(saves_folder) if saves_folder is not None else None
        memory.map_big_blocks()  # before the first picture: freed pictures go back to the system
        settings, problem = load_settings(saves_folder)
        self.store = SaveStore(saves_folder)
        self.store.check_run()
        if problem:
            self.store.notices.append(problem)
        self.scenes_folder = Path(scenes_folder) if scenes_folder else SCENES_DIR
        super().__init__(size, settings)
        self.play: Optional["PlayController"] = None  # set by the controller that opens its screen
        self.session: Optional["WorkshopController"] = None
        self.results = Results(self.store, lambda: self.settings)
        # the last failed-save notice shown: autosaves run on every choice, so a read-only folder
        # would otherwise cover the screen with the same ten-second notice again and again
        self.save_problem_told: Optional[str] = None
        self.cards = self.scan()
        from game.ui.screens.title import TitleScreen  # screens import the App type: import late

        self.replace(TitleScreen(self))
        self.show_notices()

    def scan(self):
        """The scene cards, through the catalogue cache under saves/."""
        return scan_scenes(self.scenes_folder, self.store.folder / "cache" / "scenes.json")

    # --- the screen stack ---------------------------------------------------------------------

    @property
    def screen(self) -> Screen:
        """The screen that receives input."""
        return self.stack.top

    @property
    def screens(self) -> list[Screen]:
        """Every open screen, bottom up."""
        return self.stack.screens

    def push(self, screen: Screen) -> None:
        """Open a screen or overlay on top."""
        self.stack.push(screen)

    def pop(self) -> None:
        """Close the top screen."""
        self.stack.pop()

    def replace(self, screen: Screen) -> None:
        """Make ``screen`` the only screen."""
        self.stack.replace(screen)
        memory.trim()  # the screens just dropped freed their pictures and caches

    def show_notices(self) -> None:
        """Explain anything the saves or settings needed to set aside."""
        if self.store.notices:
            from game.ui.screens.overlays import NoticeOverlay

            messages = [notice_text(notice, self.settings.language) for notice in self.store.notices]
            self.push(NoticeOverlay(self, messages, restart=self.store.restart_path))
            self.store.notices.clear()
            self.store.restart_path = None

    def show_errors(self, diagnostics: list[Diagnostic]) -> None:
        """Show a scene's errors in an overlay instead of crashing."""
        from game.ui.screens.overlays import ErrorOverlay

        self.push(ErrorOverlay(self, diagnostics))

    def to_title(self) -> None:
        """Back to the title screen (the run stays saved)."""
        from game.ui.screens.title import TitleScreen

        self.play = None
        self.session = None
        self.replace(TitleScreen(self))

    # --- saves --------------------------------------------------------------------------------

    def saved(self, write, *args, asked: bool = False):
        """Run a write to saves/; when the disk refuses, tell the player what to do and return None.

        Args:
            write: the function that writes; ``args`` are passed to it.
            asked: the player asked for this write (an export): a refusal is told every time. Otherwise
                (autosaves, history) the same refusal is told once, until a write succeeds again.
        """
        try:
            result = write(*args)
        except (OSError, pygame.error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.tell_save_problem(str(self.store.folder), reason, asked)
            return None
        self.save_problem_told = None
        return result

    def tell_save_problem(self, folder: str, reason: str, asked: bool = False) -> None:
        """Say that ``folder`` cannot be written, unless this very notice was the last one told."""
        text = self.t("cannot_save", folder=folder, reason=reason)
        if asked or text != self.save_problem_told:
            self.notify(text, 10)
        self.save_problem_told = text

    def save_png(self, image: pygame.Surface, subfolder: str, name: str) -> Optional[str]:
        """Save ``image`` as ``saves/SUBFOLDER/TIMESTAMP-NAME.png``; returns the path (None if it failed)."""
        def write() -> str:
            folder = self.store.folder / subfolder
            folder.mkdir(parents=True, exist_ok=True)
            # a new name every time, written whole or not at all, never through a link planted at the name
            return str(write_unique(folder, f"{time.strftime('%Y%m%d-%H%M%S')}-{name}", ".png", png_bytes(image)))

        return self.saved(write, asked=True)

    # --- settings -----------------------------------------------------------------------------

    def update_settings(self, **changes) -> None:
        """Change settings, save them and lay everything out again."""
        self.settings = self.settings.with_changes(**changes)
        self.saved(save_settings, self.settings, self.store.folder)
        self.relayout()

    def toggle_fullscreen(self) -> None:
        """F11: switch between a window and the full screen."""
        self.update_settings(fullscreen=not self.settings.fullscreen)
        self.show_fullscreen(self.settings.fullscreen)

    def switch_language(self) -> None:
        """L: English <-> Chinese."""
        self.update_settings(language=next_language(self.settings.language))

    def t(self, key: str, **values) -> str:
        """The interface string ``key`` in the current language."""
        from game.ui.strings import t

        return t(key, self.settings.language, **values)

    # --- the run and the session (the controllers' doors, for the title and briefing screens and tests) ----

    @property
    def run(self) -> Optional["Run"]:
        """The run being played, if any."""
        return self.play.run if self.play is not None else None

    @property
    def playing(self) -> "Run":
        """The run being played; the picture of the play screen exists only while there is one."""
        if self.play is None:
            raise RuntimeError("no scene is being played")
        return self.play.run

    @property
    def workshop(self) -> Optional["Workshop"]:
        """The facilitated session, if any."""
        return self.session.workshop if self.session is not None else None

    def choose_scene(self, path: str) -> None:
        """A scene card was chosen (see :func:`game.ui.play_control.choose_scene`)."""
        play_control.choose_scene(self, path)

    def open_briefing(self, path: str) -> None:
        """Load a scene and show its briefing (or its errors)."""
        play_control.open_briefing(self, path)

    def begin(self, path: str, program: "Program", mode: str) -> None:
        """Start the briefed scene in ``mode`` ("practice" or "assessment")."""
        play_control.begin(self, path, program, mode)

    def start_scene(self, path: str, mode: str = "practice") -> None:
        """Start a scene from its beginning in ``mode`` (or show its errors)."""
        play_control.start(self, path, mode)

    def continue_run(self) -> None:
        """Resume the unfinished run."""
        play_control.resume(self)

    def _playing(self) -> "PlayController":
        if self.play is None:
            raise RuntimeError("no scene is being played")
        return self.play

    def open_play(self) -> None:
        """Show the play screen for the run being played."""
        self._playing().open()

    def choose(self, number: int) -> "Coaching":
        """Take an open choice of the run being played; returns the coaching on it."""
        return self._playing().choose(number)

    def advance(self) -> None:
        """Move the run being played past a line."""
        self._playing().advance()

    def finish(self) -> None:
        """Record the finished run and show its scorecard."""
        self._playing().finish()

    def what_if(self, decision: int) -> None:
        """Replay the finished run from ``decision``."""
        self._playing().what_if(decision)

    def reload_scene(self) -> None:
        """F5: rescan the scene cards and reload the scene being played, keeping the place when it can."""
        self.cards = self.scan()
        if self.play is None or self.play.run.is_over():  # nothing being played: only the cards can change
            self.relayout()
            return
        self.play.reload()

    def open_facilitator_setup(self, scene_path: Optional[str] = None) -> None:
        """Show the workshop set-up, with ``scene_path`` chosen when given."""
        workshop_control.open_setup(self, scene_path)

    def start_workshop(self, scene_path: str, teams: list[str], mode: str, key_only: bool = False) -> None:
        """Start a facilitated session (or show why it cannot start)."""
        workshop_control.start(self, scene_path, teams, mode, key_only)

    def finish_workshop(self) -> None:
        """End the session: export the results and show the debrief."""
        if self.session is None:
            raise RuntimeError("no workshop is running")
        self.session.finish()

    @property
    def sender(self):
        """The background sender (None while no LRS is configured)."""
        return self.results.sender

    # --- the loop's hooks ---------------------------------------------------------------------

    def handle_global(self, event: pygame.event.Event) -> bool:
        """F11 full screen, F5 reload, L language (see :data:`game.ui.keymap.GLOBAL_KEYS`)."""
        typing = getattr(self.screen, "takes_text", False) or getattr(self.screen, "editing", -1) >= 0
        modes = {"typing"} if typing or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT) else set()
        return GLOBAL_KEYS.dispatch(self, event.key, event.mod, modes)

    def update(self, dt: float) -> bool:
        for key, values in self.results.notices():
            if key == "cannot_save":  # the sender's outbox: the same once-only rule as the autosaves
                self.tell_save_problem(values["folder"], values["reason"])
            else:
                self.notify(self.t(key, **values), 10)
        return super().update(dt)

    def closing(self) -> None:
        self.results.stop()


def run_game(facilitate: Optional[str] = None) -> int:
    """Open the window and play until it is closed; ``facilitate`` opens the workshop set-up."""
    os.environ.setdefault("SDL_VIDEO_ALLOW_SCREENSAVER", "1")
    app = App()
    if facilitate is not None:
        app.open_facilitator_setup(facilitate or None)
    app.loop()
    return 0
