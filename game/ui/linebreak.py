"""Line breaking for English and Chinese.

English breaks at spaces. Chinese breaks at phrase boundaries found by BudouX (a maintained
phrase segmenter), so words such as 公司 are never split, with kinsoku rules on top: closing
punctuation never starts a line, opening punctuation never ends one, and a paragraph never ends
on a line holding a single character. Those rules move whole phrases, never single characters, and a
phrase BudouX leaves as one lone character stays with the phrase before it (BudouX is least sure
there: 充多|久), as a name does with the title after it (高|先生). A phrase wider than the line is
broken at a boundary BudouX finds inside it, else between characters.
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
# Titles written after a surname (高先生, 赵经理, 吴小姐): never the start of a line apart from the name.
TITLES = ("先生", "小姐", "女士", "太太", "夫人", "经理", "主任", "主管", "老师", "师傅", "阿姨", "大爷", "医生",
          "律师", "董事长", "行长", "店长", "组长", "科长", "处长", "部长", "总监", "老板", "同学")
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
    """Join phrases whose boundary falls inside a Latin run (BudouX may cut "Micro-USB" into "Mi|cro-USB"),
    between a number and its unit ("1|分35秒", "第|1组"), or before a lone character (see :func:`_lone_character`)."""
    text = "".join(phrases)
    inside: set[int] = set()
    for run in _LATIN_RUN.finditer(text):
        inside.update(range(run.start() + 1, run.end()))
    joined: list[str] = []
    offset = 0
    for phrase in phrases:
        if joined and (offset in inside or _number_and_unit(text[:offset], text[offset:])
                       or _lone_character(joined[-1], phrase) or _name_and_title(text[:offset], phrase)):
            joined[-1] += phrase
        else:
            joined.append(phrase)
        offset += len(phrase)
    return joined


def _lone_character(before: str, phrase: str) -> bool:
    """True for a phrase of one Chinese character (closing marks aside) after a phrase ending in one: BudouX
    cuts before and after such a character where it is unsure, and often inside a word (等|多|久, 充多|久),
    so it stays with the phrase before it. Keeping it there costs a break opportunity, never a word."""
    core = phrase.rstrip("".join(NO_LINE_START))
    return len(core) == 1 and is_wide(core) and core not in NO_LINE_END and before[-1:] != "" \
        and is_wide(before[-1]) and before[-1] not in NO_LINE_START


def _name_and_title(before: str, phrase: str) -> bool:
    """True when ``phrase`` starts with a title that follows a name (高|先生, 赵|经理: BudouX cuts there): a
    name stays with its title. After another word (她的|先生) keeping them together costs a break, never a word."""
    return bool(before) and is_wide(before[-1]) and before[-1] not in NO_LINE_END | NO_LINE_START \
        and phrase.startswith(TITLES)


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
    """Break a paragraph at its words (English) or phrases (Chinese), with the kinsoku rules.

    Each line is kept as the units it holds until the end, so that the kinsoku and no-orphan rules move whole
    units from line to line: moving single characters would cut a word in two (多|久).
    """
    lines: list[list[str]] = []
    current: list[str] = []
    for unit in _glue(units_of(paragraph)):
        if not current or unit.isspace() or measure("".join(current + [unit]).rstrip()) <= width:
            current.append(unit)
        else:
            lines.append(current)
            current = [unit.lstrip()]
        # a unit wider than the line (even the paragraph's first, e.g. a long team name): break between characters,
        # which from then on are the units of what is left of it
        while current and measure("".join(current).rstrip()) > width:
            text = "".join(current)
            cut = _longest_prefix(text, width, measure)
            lines.append(list(text[:cut]))
            current = list(text[cut:])
    lines.append(current)
    lines = _no_orphan(_kinsoku(lines, width, measure), width, measure)
    return ["".join(line).rstrip() for line in lines]


def _move_last_unit(lines: list[list[str]], index: int, width: int, measure: Measure) -> bool:
    """Move the last unit of line ``index - 1`` to the start of line ``index`` when that line still fits and the
    line above keeps something; True when it moved."""
    above, below = lines[index - 1], lines[index]
    while len(above) > 1 and above[-1].isspace():  # a space at a break is not kept: what ends the line is before it
        above.pop()
    if len(above) < 2 or not "".join(above[:-1]).strip():
        return False
    carried = above[-1] + "".join(below).lstrip()
    before = "".join(above[:-1])
    if measure(carried.rstrip()) > width or _splits_latin_run(before, carried):
        return False
    lines[index - 1], lines[index] = above[:-1], [above[-1], *below]
    return True


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
    while 1 < cut < len(text) and (text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END
                                   or text[cut] in NO_BREAK_SPACES or text[cut - 1] in NO_BREAK_SPACES):
        cut -= 1
    before_number = cut  # a number stays with its unit (约|3天, 3|天), unless that would cut a Latin run
    while 1 < before_number < len(text) and _number_and_unit(text[:before_number], text[before_number:]):
        before_number -= 1
    if not _splits_latin_run(text[:before_number], text[before_number:]):
        cut = before_number
    for run in _LATIN_RUN.finditer(text):  # cut before a Latin run rather than inside it, if it starts later
        if run.start() < cut < run.end() and run.start() > 0:
            return run.start()
    return _phrase_cut(text, cut) if any(is_wide(c) for c in text[:cut + 1]) else cut


def _phrase_cut(text: str, fit: int) -> int:
    """Where to cut Chinese ``text`` that is wider than the line, no further in than ``fit`` characters: at a
    boundary BudouX finds inside it, best one with a phrase of two characters or more on a side (a lone
    character's boundaries are where BudouX is least sure, as in 多|久), in the line's second half; else at ``fit``."""
    offsets, offset = [], 0
    phrases = _parser().parse(text)
    inside = {i for run in _LATIN_RUN.finditer(text) for i in range(run.start() + 1, run.end())}
    for before, after in zip(phrases, phrases[1:], strict=False):
        offset += len(before)
        multi = (len(before.strip("".join(NO_LINE_START))) > 1) + (len(after.strip("".join(NO_LINE_START))) > 1)
        if fit // 2 <= offset <= fit and offset not in inside and not _number_and_unit(text[:offset], text[offset:]) \
                and text[offset] not in NO_LINE_START | set(NO_BREAK_SPACES) \
                and text[offset - 1] not in NO_LINE_END | set(NO_BREAK_SPACES):
            offsets.append((-multi, -offset))
    return -min(offsets)[1] if offsets and min(offsets)[0] < 0 else fit


def _kinsoku(lines: list[list[str]], width: int, measure: Measure) -> list[list[str]]:
    """Carry the last unit of a line down when the next line would start with closing punctuation (units already
    hold their closing marks: this is for a line cut between characters)."""
    for index in range(1, len(lines)):
        while "".join(lines[index]).lstrip()[:1] in NO_LINE_START and "".join(lines[index]).strip() \
                and is_wide("".join(lines[index - 1]).rstrip()[-1:] or " "):
            if not _move_last_unit(lines, index, width, measure):
                break
    return lines


def _splits_latin_run(before: str, after: str) -> bool:
    """True when the cut between ``before`` and ``after`` falls inside a run of Latin letters or digits, or
    parts a number from its unit."""
    latin = bool(before) and bool(after) and before[-1].isascii() and before[-1].isalnum() \
        and after[0].isascii() and after[0].isalnum()
    return latin or _number_and_unit(before, after)


def _no_orphan(lines: list[list[str]], width: int, measure: Measure) -> list[list[str]]:
    """A Chinese paragraph must not end on a line with a single character (punctuation not counted): the last
    unit of the line above comes down with it, when it fits (a word is never cut for this)."""
    if len(lines) < 2 or not any(is_wide(c) for c in "".join(lines[-1])):
        return lines
    while sum(1 for c in "".join(lines[-1]).strip() if c not in NO_LINE_START) < 2:
        if not _move_last_unit(lines, len(lines) - 1, width, measure):
            break
    return lines
