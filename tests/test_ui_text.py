"""Text layout: wrapping in both languages, shrinking to fit, and the bounded caches."""

import pygame
import pytest

from game.ui import text as text_module
from game.ui.text import NO_LINE_START, TextBook


@pytest.fixture(scope="module")
def book():
    pygame.font.init()
    return TextBook()


def test_english_wraps_at_spaces_within_the_width(book):
    sentence = "Mrs. Zhou leaves with a working cable and a good impression of the shop."
    lines = book.wrap(sentence, 22, 260)
    assert len(lines) > 1 and " ".join(lines) == sentence
    assert all(book.width(line, 22) <= 260 for line in lines)


def test_chinese_wraps_between_characters_and_never_starts_a_line_with_closing_punctuation(book):
    sentence = "城郊一家银行的营业厅，12月20日下午5点30分。柜台五点已停止营业。他背着两个大包，满头大汗地跑进来。"
    for width in range(120, 400, 7):
        lines = book.wrap(sentence, 20, width)
        assert "".join(lines) == sentence
        assert all(line[:1] not in NO_LINE_START for line in lines[1:])
        assert all(book.width(line, 20) <= width + book.width("。", 20) for line in lines)


def test_fit_keeps_the_size_unless_asked_to_shrink(book):
    box = pygame.Rect(0, 0, 300, 90)
    text = "A long line of text that will not fit at the full size. " * 3
    assert book.fit(text, 24, box)[1] == 24  # the trainee's screens never shrink text
    lines, size = book.fit(text, 24, box, minimum=0.6)
    assert size < 24 and len(lines) * book.line_height(size) <= box.height or size == round(24 * 0.6)


@pytest.mark.parametrize("width", range(90, 420, 11))
def test_chinese_breaks_at_phrases_with_kinsoku_and_no_orphans(book, width):
    sentence = "我们公司的营业厅在城郊。他说：“我要退轮胎，急用！”她回答：「好的，我去问一下。」就这样。"
    lines = book.wrap(sentence, 20, width)
    assert "".join(lines) == sentence
    assert all(line[:1] not in "，。、：！？」”）" for line in lines[1:])  # no closing mark starts a line
    assert all(line[-1:] not in "「“（" for line in lines[:-1])  # no opening mark ends one
    assert len(lines) == 1 or len(lines[-1].strip("，。、：！？」”）")) >= 2  # no single-character orphan
    assert not any(a.endswith("公") and b.startswith("司") for a, b in zip(lines, lines[1:], strict=False))
    assert all(book.width(line, 20) <= width for line in lines if len(line) > 3)


def test_a_missing_glyph_only_sends_itself_to_the_fallback_font(book):
    label = "Team Alpha▏"
    assert book._runs(label) == [("Team Alpha", False), ("▏", True)]
    assert book.width(label, 20) > book.width("Team Alpha", 20)
    assert book.render(label, 20, (0, 0, 0)).get_width() == book.width(label, 20)


def test_caches_are_bounded(book, monkeypatch):
    monkeypatch.setattr(text_module, "MAX_SURFACES", 5)
    for index in range(20):
        book.render(f"line {index}", 18, (0, 0, 0))
    assert len(book.surfaces) <= 5


def test_text_the_bundled_font_lacks_uses_the_fallback(book):
    assert book._needs_fallback("emoji 🛞") and not book._needs_fallback("退轮胎 refund")
    assert book.render("emoji 🛞", 18, (0, 0, 0)).get_width() > 0


LATIN_SENTENCES = [
    ("我买的Micro-USB数据线坏了，想换一根新的Micro-USB线。", ["Micro-USB"]),
    ("周太太早上8:40到店，说话费只剩0.3元，想充100元。", ["8:40", "0.3", "100"]),
    ("请用Type-C接口的充电器给iPhone15充电。", ["Type-C", "iPhone15"]),
    ("客户说：“我的Micro-USB线，8:40买的！”", ["Micro-USB", "8:40"]),
]


@pytest.mark.parametrize("sentence, runs", LATIN_SENTENCES)
def test_chinese_lines_never_split_a_latin_word_or_number(book, sentence, runs):
    for width in range(80, 520, 9):
        lines = book.wrap(sentence, 20, width)
        assert "".join(lines) == sentence
        for run in runs:
            if book.width(run, 20) > width:
                continue  # a run wider than the line may only then be broken
            start = 0
            while (found := sentence.find(run, start)) >= 0:  # every occurrence sits whole on one line
                offsets = [sum(len(line) for line in lines[:i]) for i in range(len(lines) + 1)]
                assert not any(found < cut < found + len(run) for cut in offsets), (run, width, lines)
                start = found + len(run)


NUMBER_SENTENCES = [
    ("您已经在这里等了1分35秒，真的非常抱歉，我马上帮您处理。", ["1分35秒"]),
    ("第1组和第2组请举手投票，每组约3天后会收到结果。", ["第1组", "第2组", "约3天"]),
    ("您在2026年12月3日下午5点30分办理的业务，退款20元已经到账了。", ["2026年12月3日", "5点30分", "20元"]),
]


@pytest.mark.parametrize("sentence, units", NUMBER_SENTENCES)
def test_chinese_lines_never_part_a_number_from_its_unit(book, sentence, units):
    for width in range(60, 520, 7):
        lines = book.wrap(sentence, 20, width)
        assert "".join(lines) == sentence
        offsets = [sum(len(line) for line in lines[:i]) for i in range(len(lines) + 1)]
        for unit in units:
            found = sentence.find(unit)
            held = unit + "".join(c for c in sentence[found + len(unit):][:1] if c in NO_LINE_START)
            if book.width(held, 20) > width:
                continue  # wider than the line (with the comma that may not start one): only then broken
            assert not any(found < cut < found + len(unit) for cut in offsets), (unit, width, lines)


# Characters with no width of their own (zero-width space and joiners, a byte-order mark, a bidi override,
# a lone variation selector or soft hyphen) and surrogates from a JSON or YAML escape: pygame refuses to
# render either, and such text reaches the window from scenes, settings and caches.
@pytest.mark.parametrize("text", ["\u200b", "a\u200bb", "\u200d", "\u2060", "\ufeff", "\u202e", "\ufe0f", "\u00ad",
                                  "Ann\u200b", "\ud800", "x\ud83d\ude00y", "\udce9.yaml"])
def test_invisible_characters_and_surrogates_render_and_measure(book, text):
    surface = book.render(text, 20, (0, 0, 0))
    assert surface.get_height() > 0
    assert book.width(text, 20) == surface.get_width()
    assert book.wrap(text, 20, 200)


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_line_never_breaks_at_a_no_break_space(book, space, language):
    from game.ui.keymap import GLOBAL_KEYS, HINT_SEPARATOR
    from game.ui.screens.compare import COMPARE_KEYS

    hint = (COMPARE_KEYS.hint(language) + HINT_SEPARATOR + GLOBAL_KEYS.hint(language)).replace("\u00a0", space)
    entries = hint.split(HINT_SEPARATOR.replace("\u00a0", space))
    assert all(space in entry for entry in entries)
    heads = [entry[: entry.index(space) + 2] for entry in entries]  # a key and what follows it: "L l", "L 切"
    for width in range(max(book.width(head, 16) for head in heads) + 30, book.width(hint, 16) + 20, 7):
        lines = book.wrap(hint, 16, width)
        for head in heads:  # never "L" alone at the end of a line
            assert any(head in line for line in lines), (width, head, lines)
        assert not any(line.startswith(("·", space)) or line.endswith(space) for line in lines), (width, lines)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_hint_line_breaks_between_entries_while_each_entry_fits_a_line(book, language):
    from game.ui.keymap import GLOBAL_KEYS, HINT_SEPARATOR
    from game.ui.screens.title import TITLE_KEYS

    hint = TITLE_KEYS.hint(language, {"focused"}, {"ka_activate": "Start practice"}) + HINT_SEPARATOR + \
        GLOBAL_KEYS.hint(language)
    entries = hint.split(HINT_SEPARATOR)
    assert any(" " in entry for entry in entries)  # "Esc quit", "L language": labels of several words
    for width in range(max(book.width(entry, 16) for entry in entries) + 12, book.width(hint, 16) + 20, 5):
        lines = book.wrap(hint, 16, width)
        assert all(book.width(line, 16) <= width for line in lines), (width, lines)
        for entry in entries:  # "Esc main / menu" never: every entry whole on one line
            assert any(entry in line for line in lines), (width, entry, lines)
        assert not any(line.startswith(("·", " ")) for line in lines), (width, lines)


def test_an_entry_wider_than_the_line_breaks_inside_it_at_its_words(book):
    from game.ui.keymap import HINT_SEPARATOR

    long_entry = "Enter\u00a0press the selected button and open the scenario it names"
    hint = HINT_SEPARATOR.join(["Esc\u00a0main menu", long_entry, "L\u00a0language"])
    width = book.width("Enter press the selected button", 16) + 4
    lines = book.wrap(hint, 16, width)
    assert all(book.width(line, 16) <= width for line in lines) and len(lines) > 3
    assert lines[0].startswith("Esc\u00a0main menu") and lines[-1].endswith("L\u00a0language")
    words = set(long_entry.replace("\u00a0", " ").split()) | {"·", "Esc", "main", "menu", "L", "language"}
    assert all(set(line.replace("\u00a0", " ").split()) <= words for line in lines), lines  # broken at words only


def test_the_hints_join_each_key_to_its_label_with_a_no_break_space():
    from game.ui.keymap import GLOBAL_KEYS, HINT_SEPARATOR, NO_BREAK_SPACE

    for language in ("en", "zh"):
        assert all(NO_BREAK_SPACE in entry for entry in GLOBAL_KEYS.hint(language).split(HINT_SEPARATOR))


def test_the_surface_cache_counts_every_surface_stored_in_it(book, monkeypatch):
    monkeypatch.setattr(text_module, "MAX_SURFACE_BYTES", 300_000)
    book.surfaces[("a piece a screen stores itself",)] = pygame.Surface((100, 100), pygame.SRCALPHA)  # 40,000 B
    for index in range(40):
        book.render(f"a line of text number {index}", 30, (0, 0, 0))
    assert book.surface_bytes == sum(s.get_pitch() * s.get_height() for s in book.surfaces.values())
    assert book.surface_bytes <= 300_000 and ("a piece a screen stores itself",) not in book.surfaces
    book.surfaces.clear()
    assert book.surface_bytes == 0 and not book.origins
