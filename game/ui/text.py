"""Fonts, text rendering with a bounded cache, and wrapping that works for Chinese and English.

The bundled font (Noto Sans CJK SC, subset) draws English and Simplified Chinese; text with a
character it lacks is drawn with a system font instead. Rendered surfaces and measured widths are
cached with a size bound, so a still screen costs blits, not renders.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Optional

import pygame

from game.glyphs import Coverage, load_coverage
from game.paths import ASSETS_DIR
from game.ui.linebreak import NO_LINE_START, break_paragraph

__all__ = ["NO_LINE_START", "TextBook", "LINE_SPACING"]

FONT_DIR = ASSETS_DIR / "fonts"
FONT_FILES = {False: FONT_DIR / "NotoSansSC-Regular-subset.otf", True: FONT_DIR / "NotoSansSC-Bold-subset.otf"}
MAX_SURFACES = 600
# Bounded by memory as well as count, in the bytes the pixels really take (rows of ``get_pitch()``):
# one 1080p screen draws at most about 2.4 MB of text (the play screen; the title 1.8, the scorecard
# 1.6) plus its panel shadows (the scorecard's four: 7.6 MB), so 12 MB keeps the screen shown and
# most of the one before it without re-rendering, where 24 MB only raised the peak.
MAX_SURFACE_BYTES = 12 * 1024 * 1024
MAX_WIDTHS = 20_000
MAX_FONTS = 24  # each loaded size holds its own copy of the font's tables: keep the recent ones only
MAX_WRAPS = 4000
LINE_SPACING = 1.35


def pixel_bytes(surface: pygame.Surface) -> int:
    """The memory a surface's pixels take."""
    return surface.get_pitch() * surface.get_height()


class SurfaceCache(OrderedDict[tuple, pygame.Surface]):
    """Surfaces by key, least recently used first, within ``MAX_SURFACES`` and ``MAX_SURFACE_BYTES``.

    Every way in (``render``, ``shadow``, or a screen storing its own piece) is counted and bounded:
    a surface stored without counting once made the count drift below the truth, and the cache held
    31 MB while it believed it held 11.
    """

    def __init__(self, forget: Callable[[pygame.Surface], object]) -> None:
        super().__init__()
        self.bytes = 0
        self._forget = forget

    def __setitem__(self, key: tuple, surface: pygame.Surface) -> None:
        old = self.get(key)
        if old is not None:
            self.bytes -= pixel_bytes(old)
        super().__setitem__(key, surface)
        self.move_to_end(key)
        self.bytes += pixel_bytes(surface)
        while len(self) > MAX_SURFACES or (self.bytes > MAX_SURFACE_BYTES and len(self) > 1):
            _, evicted = self.popitem(last=False)
            self.bytes -= pixel_bytes(evicted)
            self._forget(evicted)

    def clear(self) -> None:
        """Drop every surface."""
        for surface in self.values():
            self._forget(surface)
        super().clear()
        self.bytes = 0


class TextBook:
    """Fonts by size and weight, a surface cache, and text layout helpers."""

    def __init__(self) -> None:
        self.fonts: OrderedDict[tuple[int, bool, bool], pygame.font.Font] = OrderedDict()
        self.surfaces = SurfaceCache(forget=lambda surface: self.origins.pop(id(surface), None))
        self.widths: dict[tuple, int] = {}
        self.wraps: dict[tuple, list[str]] = {}
        self.origins: dict[int, tuple[str, int, bool]] = {}  # id of a rendered line -> (text, size, bold)
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

    def shadow(self, size: tuple[int, int], radius: int, band: Optional[int] = None) -> pygame.Surface:
        """A soft panel shadow of ``size``, cached (panels are redrawn every frame); with ``band``, only
        its bottom ``band`` rows (all a panel leaves visible of it: a fraction of the memory)."""
        band = size[1] if band is None else max(0, min(band, size[1]))
        key = ("shadow", size, radius, band)
        surface = self.surfaces.get(key)
        if surface is None:
            surface = pygame.Surface((size[0], band), pygame.SRCALPHA)
            pygame.draw.rect(surface, (0, 0, 0, 60), pygame.Rect((0, band - size[1]), size), border_radius=radius)
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
        """A rendered line of text, from the cache when possible.

        Only the characters the bundled font lacks are drawn with the fallback font, so one missing
        glyph (a typing cursor, an emoji) does not change the look of the rest of the line.
        """
        key = (text, size, colour, bold)
        surface = self.surfaces.get(key)
        if surface is not None:
            self.surfaces.move_to_end(key)
            return surface
        runs = self._runs(drawable(text))
        if len(runs) == 1:
            surface = _render_run(self.font(size, bold, fallback=runs[0][1]), runs[0][0], colour)
        else:
            pieces = [_render_run(self.font(size, bold, fallback=fallback), run, colour) for run, fallback in runs]
            main_height = self.font(size, bold).get_height()
            surface = pygame.Surface((sum(p.get_width() for p in pieces), max(p.get_height() for p in pieces)),
                                     pygame.SRCALPHA)
            x = 0
            for piece in pieces:  # centre each run on the main font's line
                surface.blit(piece, (x, (main_height - piece.get_height()) // 2))
                x += piece.get_width()
        self._remember(key, surface)
        self.origins[id(surface)] = (text, size, bold)
        return surface

    def _runs(self, text: str) -> list[tuple[str, bool]]:
        """``text`` cut into runs drawn by the bundled font (False) or the fallback font (True)."""
        coverage = self.coverage
        if coverage is None or not self._needs_fallback(text):
            return [(text, False)]
        missing = set(coverage.missing(text))
        runs: list[tuple[str, bool]] = []
        for character in text:
            fallback = character in missing
            if runs and runs[-1][1] == fallback:
                runs[-1] = (runs[-1][0] + character, fallback)
            else:
                runs.append((character, fallback))
        return runs

    def _remember(self, key: tuple, surface: pygame.Surface) -> None:
        """Cache a surface, evicting the least recently used beyond the count and memory bounds."""
        self.surfaces[key] = surface

    @property
    def surface_bytes(self) -> int:
        """The memory the cached surfaces' pixels take."""
        return self.surfaces.bytes

    def width(self, text: str, size: int, bold: bool = False) -> int:
        """The width of ``text`` in pixels (as :meth:`render` draws it)."""
        key = (text, size, bold)
        width = self.widths.get(key)
        if width is None:
            if len(self.widths) > MAX_WIDTHS:
                self.widths.clear()
            width = sum(self.font(size, bold, fallback).size(run)[0] for run, fallback in self._runs(drawable(text)))
            self.widths[key] = width
        return width

    def line_height(self, size: int) -> int:
        """Distance between baselines of wrapped lines."""
        return round(size * LINE_SPACING)

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """Break ``text`` into lines no wider than ``width`` (see :mod:`game.ui.linebreak`); explicit
        newlines are kept. Results are cached: screens wrap the same text on every layout."""
        key = (text, size, width, bold)
        lines = self.wraps.get(key)
        if lines is None:
            if len(self.wraps) > MAX_WRAPS:
                self.wraps.clear()
            lines = []
            for paragraph in text.split("\n"):
                lines.extend(break_paragraph(paragraph, width, lambda line: self.width(line, size, bold)))
            self.wraps[key] = lines
        return list(lines)

    def text_height(self, lines: int, size: int) -> int:
        """Height of ``lines`` wrapped lines at ``size``."""
        return lines * self.line_height(size)

    def fit(self, text: str, size: int, box: pygame.Rect, bold: bool = False,
            minimum: float = 1.0) -> tuple[list[str], int]:
        """Wrap ``text`` into ``box``; with ``minimum`` below 1, shrink the size down to that fraction.

        The trainee's screens never shrink text (they grow, scroll or page instead); the default
        therefore keeps the size. Returns the lines and the size used.
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


def drawable(text: str) -> str:
    """``text`` as the font renderer can take it: a surrogate pair (from a JSON or YAML escape) becomes
    its character and a lone surrogate becomes U+FFFD, where the renderer would raise on either."""
    if text.isascii() or not any("\ud800" <= character <= "\udfff" for character in text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _render_run(font: pygame.font.Font, text: str, colour: tuple) -> pygame.Surface:
    """One run of text; invisible characters alone (zero-width space, joiners, a soft hyphen, a BOM)
    give an empty surface of the line's height, where pygame raises "Text has zero width"."""
    if text:
        try:
            return font.render(text, True, colour)
        except pygame.error:  # measured only then: measuring every run first shaped each text twice
            if font.size(text)[0] != 0:
                raise
    return pygame.Surface((0, font.get_height()), pygame.SRCALPHA)
