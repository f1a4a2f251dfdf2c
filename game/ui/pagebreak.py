"""Page breaks for a paged text (a coaching or ending card): a page ends at a paragraph's or a sentence's end
when one is near the page's bottom, so a reader turns the page between thoughts, not in the middle of one.

The text is cut at the places where its lines may break (words, Chinese phrases); each page is the wrap of its
own piece, and the next page's piece starts a fresh line. No pygame here: the wrapping is passed in.
"""

from __future__ import annotations

import re
from typing import Callable

from game.ui.linebreak import NO_BREAK_SPACES, NO_LINE_END, NO_LINE_START, units_of

Wrap = Callable[[str], list[str]]

# Where a sentence ends, with what follows it: a full stop, a question or an exclamation mark (and the quotes or
# brackets closing it), in English before a space (so "3.50" stays whole) and not after a title ("Mr. Li"), in
# Chinese anywhere. The one rule for the line's pages (game.ui.linepages) and the cards' pages.
SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?…]+[\"'’”)\]]*\s+"
                          r"|[。！？…]+[”’」』》）)]*\s*|\n+")
WORD, SENTENCE, PARAGRAPH = 0, 1, 2  # how good a place to end a page is


def paginate(text: str, per_page: int, wrap: Wrap) -> list[list[str]]:
    """``text`` as pages of at most ``per_page`` lines each (``wrap`` gives a text's lines), in as few pages as
    filling every page would take.

    A page that cannot hold the rest ends at the last paragraph end that leaves it at least half full, else at
    the last sentence end that does, else where its lines run out (in the middle of a sentence); an end that
    would leave more than the pages left can hold is passed over (turning between thoughts never costs a page).
    """
    per_page = max(1, per_page)
    pages: list[list[str]] = []
    rest = text
    budget = -(-len(wrap(text)) // per_page)  # the pages a text filling every page takes
    while True:
        lines = wrap(rest)
        if len(lines) <= per_page:
            return pages + [lines]
        cut = _page_end(rest, per_page, wrap, max(1, budget - len(pages) - 1) * per_page)
        pages.append(wrap(rest[:cut].rstrip()))
        rest = rest[cut:].lstrip()
        if not rest:
            return pages


def _page_end(text: str, per_page: int, wrap: Wrap, room_after: int) -> int:
    """Where the page that starts ``text`` ends (an offset into it), ``text`` being longer than a page and the
    pages after it holding ``room_after`` lines."""
    places = break_places(text)

    def lines_to(index: int) -> int:
        return len(wrap(text[:places[index][0]].rstrip()))

    low = _last_fitting(len(places), lines_to, per_page)
    if low < 0:  # a word longer than the page: cut inside it, where the page's lines run out
        return max(1, _last_fitting(len(text) + 1, lambda end: len(wrap(text[:end])), per_page))
    half = per_page - per_page // 2
    for wanted in (PARAGRAPH, SENTENCE):
        for index in range(low, -1, -1):
            offset, kind = places[index]
            if lines_to(index) < half or len(wrap(text[offset:].lstrip())) > room_after:
                break  # an earlier end leaves the page emptier and more for the pages after it
            if kind >= wanted:
                return offset
    return places[low][0]


def _last_fitting(count: int, lines_to: Callable[[int], int], per_page: int) -> int:
    """The last of ``count`` places (ever longer pieces) whose piece takes at most ``per_page`` lines, or -1."""
    low, high = -1, count - 1
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if lines_to(middle) <= per_page else (low, middle - 1)
    return low


def break_places(text: str) -> list[tuple[int, int]]:
    """Every place ``text`` may end a page, in order: (offset, how good: :data:`WORD`, :data:`SENTENCE` or
    :data:`PARAGRAPH`). Never before closing punctuation, after opening punctuation or at a no-break space."""
    places: list[tuple[int, int]] = []
    sentence_ends = {match.end() for match in SENTENCE_END.finditer(text)}  # each after the spaces that follow
    start = 0
    for paragraph in text.split("\n"):
        offset = start
        for unit in units_of(paragraph) if paragraph else ():
            offset += len(unit)
            if unit.isspace() or offset == start + len(paragraph):
                continue
            after, before = text[offset], text[offset - 1]
            if after in NO_LINE_START or before in NO_LINE_END or after in NO_BREAK_SPACES \
                    or before in NO_BREAK_SPACES:
                continue
            after_spaces = len(text) - len(text[offset:].lstrip(" \t"))
            places.append((offset, SENTENCE if after_spaces in sentence_ends else WORD))
        start += len(paragraph) + 1
        if paragraph.strip() and start <= len(text):  # the paragraph's end, where the next one begins
            places.append((start - 1, PARAGRAPH))
    return places
