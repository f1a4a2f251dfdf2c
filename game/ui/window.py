"""The window and the loop: opening, resizing and full screen, the toast, input to the top screen, frames.

The loop redraws only when something changed or moves, and otherwise sleeps until input comes (see
:meth:`Window.wait_for_input`), so a still screen costs almost no CPU. Each frame first handles the input, then lets the
screens update (state only), then draws them (pixels only).
"""

from __future__ import annotations

import time
import warnings
from typing import Optional

import pygame

from game.i18n import t as interface_text
from game.settings import Settings
from game.ui.layout import note_container
from game.ui.screens.base import Screen
from game.ui.stack import ScreenStack
from game.ui.text import TextBook
from game.ui.theme import Theme, make_theme
from game.vocab import LANGUAGES

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (640, 360)
FPS = 60
IDLE_WAIT_MS = 500
# how long after a relayout the pointer's place on the desktop is watched: moving a window under a still mouse
# (F11) sends no event, and the motion SDL sends as the reopened window is entered may carry the place from
# before the window moved
POINTER_SETTLE = 1.0
# A still screen looks for input this often: a frame's time, so a key press is answered as fast as
# while things move. pygame.event.wait(timeout) wakes about every millisecond under X11 (2.4 % of a
# core in a bare window, against 1.1 % sleeping a frame at a time), hence the sleep of our own.
IDLE_POLL_S = 1 / FPS


class Window:
    """One game window showing a stack of screens; the App adds what the screens act on."""

    def __init__(self, size: tuple[int, int], settings: Settings):
        self.settings = settings
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(350, 40)
        self.window_size = size
        self.surface = self._open_window(size, settings.fullscreen)
        pygame.display.set_caption(" · ".join(interface_text("app_title", language) for language in LANGUAGES))
        self.book = TextBook()
        self.theme = self._make_theme()
        self.stack = ScreenStack()
        self.running = True
        self.dirty = True
        self.frames = 0  # frames shown so far (a screen can wait until one has shown what it said)
        self.toast: Optional[tuple[str, float]] = None
        self.held: set[int] = set()  # keys whose press changed the screen, ignored until released
        self.pointer_until = 0.0  # see POINTER_SETTLE
        self.pointer_seen: Optional[tuple[int, int]] = None  # the pointer's place as last read from the desktop
        self.entered = False  # the window was just entered: the motion SDL sends with it may be stale

    # --- the window ---------------------------------------------------------------------------

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
        settings = self.settings
        return make_theme(self.surface.get_size(), settings.text_scale, settings.high_contrast)

    def relayout(self) -> None:
        """Recompute the theme and every screen's layout (after a resize or a settings change)."""
        self.theme = self._make_theme()
        self.stack.relayout()
        self.pointer_seen = self._pointer()
        self.stack.point(self.pointer_seen)
        self.pointer_until = time.monotonic() + POINTER_SETTLE

    def _settle_pointer(self) -> None:
        """Shortly after a relayout, follow the pointer when its place in the window changes with no event
        (the window has moved under it)."""
        if time.monotonic() >= self.pointer_until:
            return
        position = self._pointer()
        if position is not None and position != self.pointer_seen:
            self.pointer_seen = position
            self.stack.point(position)
            self.dirty = True

    def _motion_place(self, event: pygame.event.Event) -> None:
        """A motion just after the window was entered, shortly after a relayout, is read from the desktop."""
        if self.entered and time.monotonic() < self.pointer_until:
            position = self._pointer()
            if position is not None:
                event.pos = position
        self.entered = False

    def _pointer(self) -> Optional[tuple[int, int]]:
        """Where the mouse is in the window now (None when it is not over the window, or cannot be known).

        A new window size or full screen moves the window under a pointer that has not moved, with no motion
        event to say so, and SDL's window-relative position stays where it was until the mouse moves: the
        pointer's place on the desktop less the window's is where it really is.
        """
        if not pygame.mouse.get_focused():
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                left, top = pygame.Window.from_display_module().position
            x, y = pygame.mouse.get_pos(desktop=True)
        except (AttributeError, TypeError, pygame.error):  # an older pygame-ce, or a driver with no windows
            return None
        position = (x - left, y - top)
        return position if self.surface.get_rect().collidepoint(position) else None

    def resize(self, size: tuple[int, int]) -> None:
        """Follow a new window size."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if not self.settings.fullscreen:
            self.window_size = size
            self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.relayout()

    def show_fullscreen(self, fullscreen: bool) -> None:
        """Open the window again, full screen or at its window size."""
        self.surface = self._open_window(self.window_size, fullscreen)
        self.relayout()

    # --- the toast ----------------------------------------------------------------------------

    def notify(self, text: str, seconds: float = 3.0) -> None:
        """A short message at the bottom of the window."""
        self.toast = (text, time.monotonic() + seconds)
        self.dirty = True

    def draw_toast(self, surface: pygame.Surface, text: str) -> None:
        """The toast: at the bottom centre, moved up above any button (or kept-clear line) it would cover."""
        theme, top = self.theme, self.stack.top
        size = top.toast_size()  # a projected screen's is read from the back of the room
        lines = self.book.wrap(text, size, theme.width * 3 // 4)
        height = self.book.text_height(len(lines), size)
        width = max(self.book.width(line, size) for line in lines)
        box = pygame.Rect(0, 0, width + theme.gap * 2, height + theme.gap)
        box.midbottom = (theme.width // 2, theme.height - theme.gap)
        clear = [button.rect for button in top.buttons] + list(getattr(top, "keep_clear", ()))
        for rect in sorted(clear, key=lambda r: -r.bottom):
            if box.colliderect(rect.inflate(theme.px(8), theme.px(8))):
                box.bottom = rect.top - theme.px(8)
        pygame.draw.rect(surface, (30, 30, 36), box, border_radius=min(box.height // 2, theme.radius * 2))
        note_container(surface, box)
        self.book.draw_lines(surface, lines, size, (255, 255, 255),
                             (box.x + theme.gap, box.y + theme.gap // 2 - self._half_leading(size)))

    def _half_leading(self, size: int) -> int:
        """How far a rendered line's top sits above its share of the line height."""
        return (self.book.font(size).get_height() - self.book.line_height(size)) // 2

    # --- the loop -----------------------------------------------------------------------------

    def handle_global(self, event: pygame.event.Event) -> bool:
        """A key every screen shares (the App's F5, F11, L); True when it was taken."""
        return False

    def update(self, dt: float) -> bool:
        """Advance the screens and the toast by ``dt`` (state only); True while something moves."""
        moving = self.stack.update(dt)
        self._settle_pointer()
        if self.toast and time.monotonic() > self.toast[1]:
            self.toast = None
            self.dirty = True
        return moving

    def step(self, events: list[pygame.event.Event], dt: float = 1 / FPS) -> bool:
        """Handle ``events``, update by ``dt``, and draw if anything changed.

        Returns True while something is animating (the loop then keeps a steady frame rate).
        """
        for event in events:
            self._dispatch(event)
            if not self.running:
                return False
        moving = self.update(dt)
        if self.dirty or self.stack.changed or moving:
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
        elif event.type == pygame.WINDOWENTER:
            self.entered = True
        elif event.type == pygame.KEYDOWN and self.handle_global(event):
            return
        elif event.type in (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION,
                            pygame.MOUSEWHEEL):
            if event.type == pygame.MOUSEMOTION:
                self._motion_place(event)
            before = self.stack.top
            before.handle(event)
            if event.type == pygame.KEYDOWN and self.stack.top is not before:
                self.held.add(event.key)  # its repeats must not act on the screen it opened
            self.dirty = True

    def draw(self) -> None:
        """Draw the visible screens from the bottom up, then the toast, and show the frame."""
        screens: list[Screen] = self.stack.visible()
        for screen in screens:
            screen.draw(self.surface)
        if self.toast:
            self.draw_toast(self.surface, self.toast[0])
        pygame.display.flip()
        self.frames += 1
        self.dirty = self.stack.changed = False

    def loop(self) -> None:
        """Run until the window closes."""
        clock = pygame.time.Clock()
        moving = True
        while self.running:
            if moving:
                events = pygame.event.get()
                dt = clock.tick(FPS) / 1000
            elif self.stack.top.idle():  # nothing moves: a piece of work ahead of need, then input again
                events = pygame.event.get()
                dt = clock.tick() / 1000
            else:  # nothing moves: sleep until input arrives
                events = self.wait_for_input()
                dt = clock.tick() / 1000
            moving = self.step(events, min(dt, 0.1))
        self.closing()
        pygame.quit()

    @staticmethod
    def wait_for_input() -> list[pygame.event.Event]:
        """Sleep until events arrive or IDLE_WAIT_MS pass (the loop still steps now and then while idle).

        Returns:
            The events that arrived (none when the time ran out).
        """
        deadline = time.monotonic() + IDLE_WAIT_MS / 1000
        while True:
            events = pygame.event.get()
            if events or time.monotonic() >= deadline:
                return events
            time.sleep(IDLE_POLL_S)

    def closing(self) -> None:
        """The window is about to close: stop what runs beside it."""
