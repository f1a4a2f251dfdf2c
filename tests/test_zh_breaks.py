"""Chinese lines break only between BudouX's phrases, never inside a word such as 多久.

The playtester saw 多 end a line and 久 start the next. Two causes: the no-orphan and kinsoku rules moved
single characters across lines (splitting whatever phrase they came from), and BudouX itself cuts around a
lone character where it is unsure (充多|久, 等|多|久). Checked on every Chinese text of the shipped scenes.
"""

from pathlib import Path

import pytest
import yaml

from game.ui.linebreak import _glue, units_of

ROOT = Path(__file__).resolve().parent.parent
SIZE = 20


def _chinese_texts(data, found):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "zh" and isinstance(value, str):
                found.extend(part for part in value.split("\n") if part.strip())
            else:
                _chinese_texts(value, found)
    elif isinstance(data, list):
        for value in data:
            _chinese_texts(value, found)
    return found


TEXTS = sorted({text for path in sorted((ROOT / "scenes").glob("*.yaml"))
                for text in _chinese_texts(yaml.safe_load(path.read_text(encoding="utf-8")), [])})
DUOJIU = [text for text in TEXTS if "多久" in text]


@pytest.fixture(scope="module")
def book():
    import pygame

    from game.ui.text import TextBook

    pygame.init()
    return TextBook()


def _widths(book, text):
    """Line widths from 8 characters to the whole text, in steps of about a character."""
    character = book.width("中", SIZE)
    return range(character * 8, book.width(text, SIZE) + character, max(1, character - 3))


def test_the_shipped_scenes_ask_how_long():
    assert len(DUOJIU) >= 10  # the playtester's word, in several scenes


@pytest.mark.parametrize("text", DUOJIU, ids=lambda t: t[:12])
def test_duojiu_is_never_split(book, text):
    for width in _widths(book, text):
        lines = book.wrap(text, SIZE, width)
        assert "".join(lines) == text
        for above, below in zip(lines, lines[1:], strict=False):
            assert not (above.endswith("多") and below.startswith("久")), (width, lines)


def test_the_sentence_budoux_cuts_inside_duojiu_keeps_it_whole():
    sentence = next(text for text in TEXTS if "如实说明要充多久" in text)  # tutorial.yaml: BudouX gives 充多|久，
    assert any("多久" in unit for unit in units_of(sentence))


@pytest.mark.parametrize("text", [t for t in TEXTS if " " not in t], ids=lambda t: t[:12])
def test_lines_break_only_between_units(book, text):
    """Every break is between two units, except inside a unit wider than the line (then between characters)."""
    units = _glue(units_of(text))
    bounds, offset = {0}, 0
    for unit in units:
        offset += len(unit)
        bounds.add(offset)
    too_wide = []
    offset = 0
    for unit in units:
        too_wide.append((offset, offset + len(unit), book.width(unit, SIZE)))
        offset += len(unit)
    for width in _widths(book, text)[::3]:
        lines = book.wrap(text, SIZE, width)
        assert "".join(lines) == text
        cut = 0
        for line in lines[:-1]:
            cut += len(line)
            inside_wide = any(start < cut < end and measured > width for start, end, measured in too_wide)
            assert cut in bounds or inside_wide, (width, line, lines)


def test_a_name_never_parts_from_its_title():
    """高|先生, 赵|经理, 吴|小姐: BudouX cuts between a surname and its title in 123 places of the shipped scenes
    (a playtester saw 高 end a line and 先生 start the next); a line may break there no more."""
    from game.ui.linebreak import TITLES, is_wide

    cut = []
    for text in TEXTS:
        offset = 0
        for unit in units_of(text)[:-1]:
            offset += len(unit)
            before = text[offset - 1]
            if text[offset:].startswith(TITLES) and is_wide(before) and before not in "，。、：；！？“”（）":
                cut.append(f"{text[max(0, offset - 6):offset]}|{text[offset:offset + 4]}")
    assert not cut, cut[:10]
