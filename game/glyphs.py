"""Which characters the bundled font can draw, read from assets/fonts/coverage.txt.

The coverage file is generated with the font (tools/build_fonts.py), so the core can warn about
undrawable scene text without loading any font library.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional

from game.paths import ASSETS_DIR

COVERAGE_FILE = ASSETS_DIR / "fonts" / "coverage.txt"
_RANGE = re.compile(r"^([0-9A-Fa-f]+)(?:-([0-9A-Fa-f]+))?$", re.MULTILINE)


class Coverage:
    """A sorted set of inclusive code point ranges.

    The ranges are taken from ``ranges`` (in order of their starts) only as far as a lookup needs: the title
    screen asks about a few punctuation marks and spaces, which the first lines of the coverage file answer,
    while reading all 3,600 ranges of the Chinese subset took 4 ms before the first frame.
    """

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._unread: Optional[Iterator[tuple[int, int]]] = iter(ranges)
        self._known: dict[str, bool] = {}  # scene text repeats characters: look each up once

    def covers(self, character: str) -> bool:
        """True when the font draws ``character`` (whitespace always counts as drawable)."""
        if character.isspace():
            return True
        point = ord(character)
        self._read_past(point)
        index = bisect.bisect_right(self.starts, point) - 1
        return index >= 0 and point <= self.ends[index]

    def _read_past(self, point: int) -> None:
        """Take ranges until one starts after ``point`` (the later ones start later still) or none are left."""
        while self._unread is not None and (not self.starts or self.starts[-1] <= point):
            taken = next(self._unread, None)
            if taken is None:
                self._unread = None
                return
            self.starts.append(taken[0])
            self.ends.append(taken[1])

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
    return Coverage((int(found[1], 16), int(found[2] or found[1], 16)) for found in _RANGE.finditer(text))
