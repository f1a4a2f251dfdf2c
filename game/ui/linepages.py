"""The pages of a spoken line on the play screen, when it needs more than the line's box holds.

A line cut into full pages leaves whatever is over for the last one: at the largest text that is often a word
or two ("thirty fen!") on a page of its own, in a box still sized for the full pages. The line is cut instead
into pages that are similarly full, at a sentence's end where one gives pages about as even (the words of a
sentence then stay on one page), else between the lines that even the pages out. The box is then sized for
the fullest of these pages, so it shrinks too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.pagebreak import SENTENCE_END

if TYPE_CHECKING:
    from game.ui.text import TextBook


def line_pages(book: "TextBook", text: str, size: int, width: int, per_page: int) -> list[list[str]]:
    """``text`` wrapped to ``width`` at ``size``, in as few pages of at most ``per_page`` lines as it needs,
    the pages similarly full (at least one page).

    Args:
        book: The fonts that measure the text.
        text: The line's text.
        size: The font size.
        width: The width of a line, in pixels.
        per_page: The most lines a page holds (at least 1).

    Returns:
        The pages, each a list of lines.
    """
    lines = book.wrap(text, size, width)
    per_page = max(1, per_page)
    if len(lines) <= per_page:
        return [lines]
    count = -(-len(lines) // per_page)
    even = _even_pages(lines, count)
    by_sentence = _sentence_pages(book, text, size, width, per_page, count)
    if by_sentence is not None and _as_even(by_sentence, even):
        return by_sentence
    return even


def _even_pages(lines: list[str], count: int) -> list[list[str]]:
    """``lines`` in ``count`` pages whose lengths differ by at most one line (the fuller pages first)."""
    pages, start = [], 0
    for index in range(count):
        length = -(-(len(lines) - start) // (count - index))
        pages.append(lines[start:start + length])
        start += length
    return pages


def _as_even(pages: list[list[str]], even: list[list[str]]) -> bool:
    """True when ``pages`` (cut at sentence ends) are nearly as even as ``even``: no page shorter than two
    thirds of the even cut's shortest page (a one-line page only where the even cut has one too)."""
    shortest = min(len(page) for page in even)
    return min(len(page) for page in pages) >= max(1, -(-2 * shortest // 3))


def _sentence_pages(book: "TextBook", text: str, size: int, width: int, per_page: int,
                    count: int) -> list[list[str]] | None:
    """``text`` in ``count`` pages cut only at sentence ends, each page wrapped on its own, with the shortest
    page as long as it can be (then the longest as short); None when no such cut fits ``per_page``."""
    cuts = [0] + [match.end() for match in SENTENCE_END.finditer(text) if 0 < match.end() < len(text)] + [len(text)]
    wrapped: dict[tuple[int, int], list[str]] = {}

    def page(first: int, last: int) -> list[str] | None:
        """The lines of the text from cut ``first`` to cut ``last``; None when they overfill a page."""
        if (first, last) not in wrapped:
            lines = book.wrap(text[cuts[first]:cuts[last]].strip(), size, width)
            wrapped[first, last] = lines
        lines = wrapped[first, last]
        return lines if len(lines) <= per_page else None

    best: dict[tuple[int, int], tuple[tuple[int, int], list[list[str]]] | None] = {}

    def split(first: int, pages: int) -> tuple[tuple[int, int], list[list[str]]] | None:
        """The best way to put the text from cut ``first`` on ``pages`` pages: (its score, its pages)."""
        if (first, pages) in best:
            return best[first, pages]
        result = None
        if pages == 1:
            lines = page(first, len(cuts) - 1)
            result = None if lines is None else ((len(lines), -len(lines)), [lines])
        else:
            for last in range(first + 1, len(cuts) - pages + 1):
                lines = page(first, last)
                if lines is None:
                    break  # a longer first page overfills too
                rest = split(last, pages - 1)
                if rest is None:
                    continue
                score = (min(rest[0][0], len(lines)), min(rest[0][1], -len(lines)))
                if result is None or score > result[0]:
                    result = (score, [lines] + rest[1])
        best[first, pages] = result
        return result

    found = split(0, count)
    return None if found is None else found[1]
