"""Line breaking for English and Chinese.

English breaks at spaces. Chinese breaks at phrase boundaries found by BudouX (a maintained
phrase segmenter), so words such as 公司 are never split, with kinsoku rules on top: closing
punctuation never starts a line, opening punctuation never ends one, and a paragraph never ends
on a line holding a single character. A phrase wider than the line is broken between characters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

# Characters that must not start a line: they stay with what comes before them.
NO_LINE_START = set("，。、；：！？）》」』】〕〉…—,.;:!?)%’”·")
# Characters that must not end a line: they go down with what follows them.
NO_LINE_END = set("（《「『【〔〈“‘(")
# No-break spaces (U+00A0, and the narrow U+202F) join what is on either side ("L\u00a0language" in a key
# hint): a line never breaks at them. Every other space is a break opportunity.
NO_BREAK_SPACES = "\u00a0\u202f"
# Between the entries of a list that breaks between entries first ("Esc\u00a0main menu  ·  L\u00a0language" in a
# key hint): a line breaks inside an entry only when the entry alone is wider than the line. The no-break spaces
# keep the dot with the entry before it, so a wrapped line never starts with "·".
ENTRY_END = "\u00a0\u00a0·"
ENTRY_SEPARATOR = ENTRY_END + "  "
_SPACE = r"[^\S\u00a0\u202f]+"
_WORDS = re.compile(_SPACE + r"|(?:\S|[\u00a0\u202f])+")
# A Latin word, number or code that must stay on one line: Micro-USB, 8:40, 0.3, Type-C, iPhone15.
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+(?:[-:.'’/_][A-Za-z0-9]+)*")
NUMBER_PREFIXES = set("第约近共每")  # Chinese characters that belong to the number after them: 第1组, 约3天
_LATIN_TOKEN = re.compile(_SPACE + r"|[A-Za-z0-9'’\-_/.,;:!?()\"“”%$@#&*+=<>\[\]{}~^|\\]+|.", re.DOTALL)

Measure = Callable[[str], int]


def is_wide(character: str) -> bool:
    """True for characters set on a full-width grid (Chinese characters and punctuation)."""
    return unicodedata.east_asian_width(character) in ("W", "F")


@lru_cache(maxsize=1)
def _parser():
    import budoux  # loaded on the first Chinese paragraph only: English never pays for it

    return budoux.load_default_simplified_chinese_parser()


@lru_cache(maxsize=4096)
def _phrases(paragraph: str) -> tuple[str, ...]:
    """The paragraph cut into unbreakable units: BudouX phrases, further cut at spaces."""
    units: list[str] = []
    for phrase in _keep_latin_runs_whole(_parser().parse(paragraph)):
        units.extend(_WORDS.findall(phrase))
    return tuple(units)


def _keep_latin_runs_whole(phrases: list[str]) -> list[str]:
    """Join phrases whose boundary falls inside a Latin run (BudouX may cut "Micro-USB" into "Mi|cro-USB") or
    between a number and its unit ("1|分35秒", "第|1组")."""
    text = "".join(phrases)
    inside: set[int] = set()
    for run in _LATIN_RUN.finditer(text):
        inside.update(range(run.start() + 1, run.end()))
    joined: list[str] = []
    offset = 0
    for phrase in phrases:
        if joined and (offset in inside or _number_and_unit(text[:offset], text[offset:])):
            joined[-1] += phrase
        else:
            joined.append(phrase)
        offset += len(phrase)
    return joined


def _number_and_unit(before: str, after: str) -> bool:
    """True when a cut between ``before`` and ``after`` would part a number from its unit: "1|分", "1分|35秒"
    (a unit between two numbers: a time or a date), "第|1组"."""
    if not before or not after:
        return False
    last, first = before[-1], after[0]
    if last.isdigit() and is_wide(first):
        return True
    if first.isdigit() and is_wide(last):
        return last in NUMBER_PREFIXES or (len(before) > 1 and before[-2].isdigit())
    return False


def units_of(paragraph: str) -> tuple[str, ...]:
    """Where a paragraph may break: phrases for Chinese, words and single characters otherwise."""
    if any(is_wide(character) for character in paragraph):
        return _phrases(paragraph)
    return tuple(_LATIN_TOKEN.findall(paragraph))


def break_paragraph(paragraph: str, width: int, measure: Measure) -> list[str]:
    """Break one paragraph (no newlines) into lines that ``measure`` no wider than ``width``; a list of
    entries joined by :data:`ENTRY_SEPARATOR` breaks between entries (see :func:`break_entries`)."""
    if ENTRY_SEPARATOR in paragraph:
        return break_entries(paragraph.split(ENTRY_SEPARATOR), width, measure)
    return _break_words(paragraph, width, measure)


def break_entries(entries: list[str], width: int, measure: Measure) -> list[str]:
    """Lines of ``entries``, joined on a line by :data:`ENTRY_SEPARATOR`: each entry stays whole on one line,
    and only an entry wider than a line is broken inside, at its own break opportunities. A line the list goes
    on after ends with the separator's dot when it fits there."""
    lines: list[str] = []
    current = ""
    for entry in entries:
        candidate = current + ENTRY_SEPARATOR + entry if current else entry
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current + ENTRY_END if measure(current + ENTRY_END) <= width else current)
        parts = [entry] if measure(entry) <= width else _break_words(entry, width, measure)
        lines.extend(parts[:-1])  # an entry wider than a line: broken inside, the list goes on after it
        current = parts[-1]
    lines.append(current)
    return lines


def _break_words(paragraph: str, width: int, measure: Measure) -> list[str]:
    """Break a paragraph at its words (English) or phrases (Chinese), with the kinsoku rules."""
    lines: list[str] = []
    current = ""
    for unit in _glue(units_of(paragraph)):
        candidate = current + unit
        if not current or unit.isspace() or measure(candidate.rstrip()) <= width:
            current = candidate
        else:
            lines.append(current.rstrip())
            current = unit.lstrip()
        # a unit wider than the line (even the paragraph's first, e.g. a long team name): break between characters
        while current and measure(current.rstrip()) > width:
            cut = _longest_prefix(current, width, measure)
            lines.append(current[:cut])
            current = current[cut:]
    lines.append(current.rstrip())
    return _no_orphan(_kinsoku(lines, width, measure), width, measure)


def _glue(units: tuple[str, ...]) -> list[str]:
    """Join units that may not be separated: closing punctuation to the unit before, opening to the one after,
    and the units on either side of a no-break space."""
    glued: list[str] = []
    for unit in units:
        if glued and (unit[0] in NO_BREAK_SPACES or glued[-1][-1] in NO_BREAK_SPACES):
            glued[-1] += unit  # a no-break space holds its neighbours together
        elif glued and (unit[0] in NO_LINE_START or glued[-1][-1] in NO_LINE_END) and not glued[-1].isspace():
            glued[-1] += unit
        else:
            glued.append(unit)
    return glued


def _longest_prefix(text: str, width: int, measure: Measure) -> int:
    """How many characters of ``text`` fit on one line (at least one), never ending on an opening mark or
    leaving a closing mark to start the next line."""
    cut = 1
    for end in range(len(text) - 1, 0, -1):
        if measure(text[:end]) <= width:
            cut = end
            break
    while 1 < cut < len(text) and (text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END):
        cut -= 1
    for run in _LATIN_RUN.finditer(text):  # cut before a Latin run rather than inside it, if it starts later
        if run.start() < cut < run.end() and run.start() > 0:
            return run.start()
    return cut


def _kinsoku(lines: list[str], width: int, measure: Measure) -> list[str]:
    """Carry the last character of a line down when the next line would start with closing punctuation."""
    for index in range(1, len(lines)):
        while lines[index][:1] in NO_LINE_START and len(lines[index - 1]) > 1 and is_wide(lines[index - 1][-1]):
            carried = lines[index - 1][-1] + lines[index]
            if measure(carried) > width or _splits_latin_run(lines[index - 1][:-1], carried):
                break
            lines[index - 1], lines[index] = lines[index - 1][:-1], carried
    return lines


def _splits_latin_run(before: str, after: str) -> bool:
    """True when the cut between ``before`` and ``after`` falls inside a run of Latin letters or digits, or
    parts a number from its unit."""
    latin = bool(before) and bool(after) and before[-1].isascii() and before[-1].isalnum() \
        and after[0].isascii() and after[0].isalnum()
    return latin or _number_and_unit(before, after)


def _no_orphan(lines: list[str], width: int, measure: Measure) -> list[str]:
    """A Chinese paragraph must not end on a line with a single character (punctuation not counted)."""
    if len(lines) < 2 or not any(is_wide(c) for c in lines[-1]):
        return lines
    while sum(1 for c in lines[-1] if c not in NO_LINE_START) < 2 and len(lines[-2]) > 2:
        take = 1
        while take < len(lines[-2]) - 1 and (lines[-2][-take] in NO_LINE_START
                                             or lines[-2][-take - 1] in NO_LINE_END):
            take += 1
        moved = lines[-2][-take:] + lines[-1]
        if measure(moved) > width or _splits_latin_run(lines[-2][:-take], moved):
            break
        lines[-2], lines[-1] = lines[-2][:-take], moved
    return lines
