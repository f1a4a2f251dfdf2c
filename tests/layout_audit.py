"""The layout audit: draw a screen headless and check every text box it drew.

Text boxes come from the text renderer, not from pixels: :class:`RecordingSurface` notes each
blit of a surface the :class:`~game.ui.text.TextBook` rendered (its text and size are known),
and each container a drawing helper announced with :func:`game.ui.layout.note_container`.

Rules checked:
- no text below the smallest size the text-size setting asks for;
- every text box lies inside the window, is not clipped, and lies inside the innermost container
  its top-left corner is in (a button, a panel, a chip) without touching its border;
- no container is drawn over a text box drawn earlier (cards over a heading, a toast over a button);
- no two text boxes intersect.

Facilitator screens can use it the same way: ``audit_app(app)`` or ``audit_at(app, size, language, text_size)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import pygame

from game.settings import TEXT_SIZES
from game.ui.theme import make_theme

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]
LANGUAGES = ("en", "zh")
MIN_BASE = 14  # the smallest text, in layout units before the text-size setting scales it
EM_TOP, EM_BOTTOM = 0.9, 0.2  # a line's box: from 0.9 em above the baseline to 0.2 em below


@dataclass(frozen=True)
class TextBox:
    """One line of text as drawn."""

    text: str
    size: int
    box: pygame.Rect
    clip: pygame.Rect
    order: int  # how many containers had been announced before it was drawn


class RecordingSurface(pygame.Surface):
    """A drawing surface that records the text boxes and containers drawn on it."""

    def __init__(self, size: tuple[int, int], book):
        super().__init__(size)
        self.book = book
        self.texts: list[TextBox] = []
        self.containers: list[pygame.Rect] = []

    def blit(self, source, dest, area=None, special_flags=0):  # noqa: D102 - pygame's own signature
        origin = self.book.origins.get(id(source))
        if origin is not None and area is None:
            text, size, bold = origin
            x, y = (dest.x, dest.y) if isinstance(dest, pygame.Rect) else (round(dest[0]), round(dest[1]))
            baseline = y + self.book.font(size, bold).get_ascent()
            box = pygame.Rect(x, round(baseline - EM_TOP * size), source.get_width(),
                              round((EM_TOP + EM_BOTTOM) * size))
            self.texts.append(TextBox(text, size, box, self.get_clip(), len(self.containers)))
        return super().blit(source, dest, area, special_flags)

    def note_container(self, rect: pygame.Rect) -> None:
        """Called by :func:`game.ui.layout.note_container`."""
        self.containers.append(rect)

    def reset(self) -> None:
        """Forget what was recorded (the screens below an overlay are not audited)."""
        self.texts.clear()
        self.containers.clear()


def check(surface: RecordingSurface, minimum: int, where: str = "") -> list[str]:
    """Every rule broken by what was drawn on ``surface``, one message each."""
    problems: list[str] = []
    window = surface.get_rect()
    texts = [text for text in surface.texts if text.text.strip()]
    for text in texts:
        label = f"{where} {text.text[:40]!r} at {tuple(text.box)} size {text.size}"
        if text.size < minimum:
            problems.append(f"{label}: smaller than {minimum} px")
        if not window.contains(text.box):
            problems.append(f"{label}: outside the window")
        elif not text.clip.contains(text.box):
            problems.append(f"{label}: clipped by {tuple(text.clip)}")
        problems += _container_problems(surface.containers, text, label)
    for index, first in enumerate(texts):
        for second in texts[index + 1:]:
            if first.box.colliderect(second.box):
                problems.append(f"{where} {first.text[:30]!r} {tuple(first.box)} overlaps "
                                f"{second.text[:30]!r} {tuple(second.box)}")
    return problems


def _container_problems(containers: list[pygame.Rect], text: TextBox, label: str) -> list[str]:
    before = containers[: text.order]
    home = next((rect for rect in reversed(before) if rect.collidepoint(text.box.topleft)), None)
    problems = []
    if home is not None and not home.inflate(-4, -2).contains(text.box):
        problems.append(f"{label}: crosses the border of {tuple(home)}")
    if home is None and any(rect.colliderect(text.box) for rect in before):
        problems.append(f"{label}: straddles a box it does not start in")
    covering = next((rect for rect in containers[text.order:] if rect.colliderect(text.box)), None)
    if covering is not None:
        problems.append(f"{label}: covered by a box drawn later at {tuple(covering)}")
    return problems


def audit_app(app, where: str = "") -> list[str]:
    """Draw the App's screens (top screen group) on a recording surface and check them."""
    theme = app.theme
    surface = RecordingSurface((theme.width, theme.height), app.book)
    start = max((i for i, s in enumerate(app.screens) if not s.overlay), default=0)
    for index, screen in enumerate(app.screens[start:], start=start):
        if index == len(app.screens) - 1:
            surface.reset()  # only what the player is looking at now is audited
        if hasattr(screen, "frame"):
            screen.frame = None  # a reused frame would hide the text from the recorder
        screen.draw(surface)
    if app.toast:
        app.draw_toast(surface, app.toast[0])
    return check(surface, theme.font_px(MIN_BASE), where)


def set_view(app, size: tuple[int, int], language: str, text_size: int) -> None:
    """Lay the App out for another window size, language and text size without opening a window."""
    app.settings = app.settings.with_changes(language=language, text_size=text_size)
    app.theme = make_theme(size, TEXT_SIZES[text_size], app.settings.high_contrast)
    for screen in app.screens:
        screen.layout()


def audit_at(app, size, language: str, text_size: int, where: str = "") -> list[str]:
    """Lay out at one combination and audit it."""
    set_view(app, size, language, text_size)
    return audit_app(app, f"{where} {size[0]}x{size[1]} {language} text {text_size + 1}")


def matrix(sizes: Iterable = SIZES, languages: Iterable = LANGUAGES,
           text_sizes: Iterable = range(len(TEXT_SIZES))) -> list[tuple]:
    """Every (window size, language, text size) combination."""
    return [(size, language, text_size) for size in sizes for language in languages for text_size in text_sizes]


def audit_matrix(app, where: str = "", combos: Iterable = None) -> list[str]:
    """Audit the App's current screen over the whole matrix; restores nothing (the caller's app is scratch)."""
    problems: list[str] = []
    for size, language, text_size in combos or matrix():
        problems += audit_at(app, size, language, text_size, where)
    return problems
