"""The bundled fonts open fast: their CFF charset (glyph index -> CID) is one range of CIDs in glyph order; and
what they draw (assets/fonts/coverage.txt) is read only as far as a lookup needs.

A subset that keeps the source's scattered CIDs has a charset of thousands of ranges, which FreeType reads a
field at a time on every open, with a seek and a read of the file for each (3-4 ms a font, five fonts before
the first title frame). tools/build_fonts.py renumbers them (``renumber_cids``); this checks the files shipped.
"""

import struct

import pytest

from game.glyphs import _RANGE, COVERAGE_FILE, load_coverage
from game.ui.text import FONT_FILES


def _dict_operands(data: bytes) -> dict[int, list[int]]:
    """A CFF DICT's integer operands by one-byte operator (two-byte operators and reals are skipped)."""
    found: dict[int, list[int]] = {}
    stack: list[int] = []
    index = 0
    while index < len(data):
        byte = data[index]
        if byte == 12:  # a two-byte operator
            stack, index = [], index + 2
        elif byte <= 21:
            found[byte], stack, index = stack, [], index + 1
        elif byte == 28:
            stack.append(struct.unpack(">h", data[index + 1:index + 3])[0])
            index += 3
        elif byte == 29:
            stack.append(struct.unpack(">i", data[index + 1:index + 5])[0])
            index += 5
        elif byte == 30:  # a real number: nibbles up to the end marker
            index += 1
            while data[index] & 0x0F != 0x0F and data[index] >> 4 != 0x0F:
                index += 1
            stack.append(0)
            index += 1
        elif byte <= 246:
            stack.append(byte - 139)
            index += 1
        elif byte <= 250:
            stack.append((byte - 247) * 256 + data[index + 1] + 108)
            index += 2
        else:
            stack.append(-(byte - 251) * 256 - data[index + 1] - 108)
            index += 2
    return found


def _index_items(cff: bytes, start: int) -> tuple[list[bytes], int]:
    """The items of the CFF INDEX at ``start`` and where the next structure begins."""
    count = struct.unpack(">H", cff[start:start + 2])[0]
    if count == 0:
        return [], start + 2
    size = cff[start + 2]
    offsets = [int.from_bytes(cff[start + 3 + i * size:start + 3 + (i + 1) * size], "big") for i in range(count + 1)]
    base = start + 2 + (count + 1) * size
    return [cff[base + offsets[i]:base + offsets[i + 1]] for i in range(count)], base + offsets[-1]


def charset_ranges(path) -> tuple[int, int]:
    """The glyph count of an OpenType CFF font and the number of ranges its charset takes."""
    data = path.read_bytes()
    tables = {}
    for entry in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * entry:28 + 16 * entry])
        tables[tag] = data[offset:offset + length]
    glyphs = struct.unpack(">H", tables[b"maxp"][4:6])[0]
    cff = tables[b"CFF "]
    _, after_names = _index_items(cff, cff[2])
    top_dicts, _ = _index_items(cff, after_names)
    position = _dict_operands(top_dicts[0])[15][0]  # operator 15: the charset's offset
    kind, position, covered, ranges = cff[position], position + 1, 1, 0
    assert kind in (1, 2), f"charset format {kind}: a glyph at a time"
    while covered < glyphs:
        left_size = 1 if kind == 1 else 2
        covered += int.from_bytes(cff[position + 2:position + 2 + left_size], "big") + 1
        position, ranges = position + 2 + left_size, ranges + 1
    return glyphs, ranges


@pytest.mark.parametrize("bold", [False, True])
def test_the_bundled_font_numbers_its_glyphs_in_one_range(bold):
    glyphs, ranges = charset_ranges(FONT_FILES[bold])
    assert glyphs > 7000  # the GB2312 subset, not a stand-in
    assert ranges == 1


def test_the_coverage_read_as_far_as_asked_answers_as_the_whole_file():
    """load_coverage reads the ranges only up to the code point asked about: in any order of questions, each
    answer is the one the fully read file gives."""
    text = COVERAGE_FILE.read_text("utf-8")
    ranges = [(int(start, 16), int(end or start, 16)) for start, end in _RANGE.findall(text)]
    assert len(ranges) > 1000  # the Chinese subset's scattered characters
    whole = set()
    for start, end in ranges:
        whole.update(range(start, end + 1))
    points = [0x4E2D, 0xA0, 0x2713, 0x10FFFF, 0x20, *range(0, 0x30000, 7), 0x9FA5, 0x3000, 0xFF01]
    coverage = load_coverage()
    assert coverage is not None
    asked = {point: coverage.covers(chr(point)) for point in points if not chr(point).isspace()}
    assert asked == {point: point in whole for point in asked}
    assert load_coverage().missing("Hi\u00a0·\u2713 中文\U0001f600") == ["\U0001f600"]
