"""Which characters the bundled font can draw, read from assets/fonts/coverage.txt.

The coverage file is generated with the font (tools/build_fonts.py), so the core can warn about
undrawable scene text without loading any font library.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Optional

from game.paths import ASSETS_DIR

COVERAGE_FILE = ASSETS_DIR / "fonts" / "coverage.txt"
_RANGE = re.compile(r"^([0-9A-Fa-f]+)(?:-([0-9A-Fa-f]+))?$", re.MULTILINE)


class Coverage:
    """A sorted set of inclusive code point ranges."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.starts = [start for start, _ in ranges]
        self.ends = [end for _, end in ranges]
        self._known: dict[str, bool] = {}  # scene text repeats characters: look each up once

    def covers(self, character: str) -> bool:
        """True when the font draws ``character`` (whitespace always counts as drawable)."""
        if character.isspace():
            return True
        point = ord(character)
        index = bisect.bisect_right(self.starts, point) - 1
        return index >= 0 and point <= self.ends[index]

    def missing(self, text: str) -> list[str]:
        """The distinct characters of ``text`` the font cannot draw, in order of appearance."""
        if text.isascii() and text.isprintable():
            return []
        found = []
        for character in set(text):
            known = self._known.get(character)
            if known is None:
                known = self._known[character] = self.covers(character)
            if not known:
                found.append(character)
        return sorted(found, key=text.index)


def load_coverage(path: Path = COVERAGE_FILE) -> Optional[Coverage]:
    """Read a coverage file; None when there is none (the check is then skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    return Coverage([(int(start, 16), int(end or start, 16)) for start, end in _RANGE.findall(text)])
