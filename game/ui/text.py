"""Fonts, text rendering with a bounded cache, and wrapping that works for Chinese and English.

The bundled font (Noto Sans CJK SC, subset) draws English and Simplified Chinese; text with a
character it lacks is drawn with a system font instead. Rendered surfaces and measured widths are
cached with a size bound, so a still screen costs blits, not renders.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from typing import Optional

import pygame

from game.glyphs import Coverage, load_coverage
from game.paths import ASSETS_DIR

FONT_DIR = ASSETS_DIR / "fonts"
FONT_FILES = {False: FONT_DIR / "NotoSansSC-Regular-subset.otf", True: FONT_DIR / "NotoSansSC-Bold-subset.otf"}
MAX_SURFACES = 600
MAX_SURFACE_BYTES = 24 * 1024 * 1024  # rendered lines are wide: bound the cache by memory as well as count
MAX_WIDTHS = 20_000
MAX_FONTS = 24  # each loaded size holds its own copy of the font's tables: keep the recent ones only
LINE_SPACING = 1.35
# Chinese punctuation that must not start a line (kinsoku): it stays with the character before it.
NO_LINE_START = set("，。、；：！？）》」』】…—,.;:!?)")
_TOKEN = re.compile(r"\s+|[A-Za-z0-9'’\-_/.,;:!?()\"“”%$@#&*+=<>\[\]{}~^|\\]+|.", re.DOTALL)


def _is_wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")


class TextBook:
    """Fonts by size and weight, a surface cache, and text layout helpers."""

    def __init__(self) -> None:
        self.fonts: OrderedDict[tuple[int, bool, bool], pygame.font.Font] = OrderedDict()
        self.surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.surface_bytes = 0
        self.widths: dict[tuple, int] = {}
        self._coverage: Optional[Coverage] = None
        self._coverage_loaded = False

    def font(self, size: int, bold: bool = False, fallback: bool = False) -> pygame.font.Font:
        """The bundled font (or the system fallback) at ``size`` pixels."""
        key = (size, bold, fallback)
        font = self.fonts.get(key)
        if font is not None:
            self.fonts.move_to_end(key)
            return font
        path = FONT_FILES[bold]
        if fallback or not path.is_file():
            font = pygame.font.SysFont("notosanscjksc,wenquanyimicrohei,droidsansfallback,sans", size, bold=bold)
        else:
            font = pygame.font.Font(str(path), size)
        self.fonts[key] = font
        if len(self.fonts) > MAX_FONTS:
            self.fonts.popitem(last=False)
            self.widths.clear()  # widths were measured with fonts that may be gone; cheap to redo
        return font

    def shadow(self, size: tuple[int, int], radius: int) -> pygame.Surface:
        """A soft panel shadow of ``size``, cached (panels are redrawn every frame)."""
        key = ("shadow", size, radius)
        surface = self.surfaces.get(key)
        if surface is None:
            surface = pygame.Surface(size, pygame.SRCALPHA)
            pygame.draw.rect(surface, (0, 0, 0, 60), surface.get_rect(), border_radius=radius)
            self._remember(key, surface)
        else:
            self.surfaces.move_to_end(key)
        return surface

    @property
    def coverage(self) -> Optional[Coverage]:
        """What the bundled font draws (read on first need: English text never needs it)."""
        if not self._coverage_loaded:
            self._coverage, self._coverage_loaded = load_coverage(), True
        return self._coverage

    def _needs_fallback(self, text: str) -> bool:
        if text.isascii() and text.isprintable():
            return False
        coverage = self.coverage
        return coverage is not None and bool(coverage.missing(text))

    def render(self, text: str, size: int, colour: tuple, bold: bool = False) -> pygame.Surface:
        """A rendered line of text, from the cache when possible."""
        key = (text, size, colour, bold)
        surface = self.surfaces.get(key)
        if surface is not None:
            self.surfaces.move_to_end(key)
            return surface
        font = self.font(size, bold, fallback=self._needs_fallback(text))
        surface = font.render(text, True, colour)
        self._remember(key, surface)
        return surface

    def _remember(self, key: tuple, surface: pygame.Surface) -> None:
        """Cache a surface, evicting the least recently used beyond the count and memory bounds."""
        self.surfaces[key] = surface
        self.surface_bytes += surface.get_width() * surface.get_height() * surface.get_bytesize()
        while len(self.surfaces) > MAX_SURFACES or (self.surface_bytes > MAX_SURFACE_BYTES and len(self.surfaces) > 1):
            _, old = self.surfaces.popitem(last=False)
            self.surface_bytes -= old.get_width() * old.get_height() * old.get_bytesize()

    def width(self, text: str, size: int, bold: bool = False) -> int:
        """The width of ``text`` in pixels."""
        key = (text, size, bold)
        width = self.widths.get(key)
        if width is None:
            if len(self.widths) > MAX_WIDTHS:
                self.widths.clear()
            width = self.widths[key] = self.font(size, bold, self._needs_fallback(text)).size(text)[0]
        return width

    def line_height(self, size: int) -> int:
        """Distance between baselines of wrapped lines."""
        return round(size * LINE_SPACING)

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """Break ``text`` into lines no wider than ``width``: at spaces in English, between characters in
        Chinese, never starting a line with closing punctuation; explicit newlines are kept."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines.extend(self._wrap_paragraph(paragraph, size, width, bold))
        return lines

    def _wrap_paragraph(self, paragraph: str, size: int, width: int, bold: bool) -> list[str]:
        lines: list[str] = []
        current = ""
        for token in _TOKEN.findall(paragraph):
            candidate = current + token
            if not current or self.width(candidate.rstrip(), size, bold) <= width or token.isspace():
                current = candidate
                continue
            if token[0] in NO_LINE_START and len(token) == 1:
                if len(current) > 1 and _is_wide(current[-1]):  # carry the last character down with it
                    lines.append(current[:-1].rstrip())
                    current = current[-1] + token
                else:
                    current = candidate
                continue
            lines.append(current.rstrip())
            current = token.lstrip()
            while current and self.width(current, size, bold) > width and not _is_wide(current[0]):
                cut = self._longest_prefix(current, size, width, bold)
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current.rstrip())
        return lines

    def _longest_prefix(self, word: str, size: int, width: int, bold: bool) -> int:
        """How many characters of an over-long word fit on one line (at least one)."""
        for cut in range(len(word) - 1, 0, -1):
            if self.width(word[:cut], size, bold) <= width:
                return cut
        return 1

    def fit(self, text: str, size: int, box: pygame.Rect, bold: bool = False,
            minimum: float = 0.6) -> tuple[list[str], int]:
        """Wrap ``text`` into ``box``, shrinking the size down to ``minimum`` of it when needed.

        Returns the lines and the size used; the caller clips whatever still does not fit.
        """
        floor = max(9, round(size * minimum))
        current = size
        while True:
            lines = self.wrap(text, current, box.width, bold)
            if len(lines) * self.line_height(current) <= box.height or current <= floor:
                return lines, current
            current = max(floor, current - max(1, current // 12))

    def draw_lines(self, surface: pygame.Surface, lines: list[str], size: int, colour: tuple,
                   topleft: tuple[int, int], bold: bool = False, clip: Optional[pygame.Rect] = None,
                   align: str = "left", width: int = 0) -> int:
        """Blit wrapped lines; returns the y below the last line."""
        x, y = topleft
        previous_clip = surface.get_clip()
        if clip is not None:
            surface.set_clip(clip.clip(previous_clip) if previous_clip else clip)
        for line in lines:
            rendered = self.render(line, size, colour, bold)
            offset = (width - rendered.get_width()) // 2 if align == "center" else 0
            surface.blit(rendered, (x + offset, y))
            y += self.line_height(size)
        surface.set_clip(previous_clip)
        return y
