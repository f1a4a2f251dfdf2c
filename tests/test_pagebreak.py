"""Page breaks of a paged card: a page ends at a paragraph's or a sentence's end when one is near its bottom (in
English and Chinese), else where its lines run out; no page is longer than asked and no text is lost."""

import re

from hypothesis import given, settings, strategies as st

from game.ui.linebreak import break_paragraph
from game.ui.pagebreak import PARAGRAPH, SENTENCE, WORD, break_places, paginate


def wrap_at(width: int):
    """Lines of ``width`` characters at most, a paragraph per newline (a monospaced stand-in for the book)."""
    def wrap(text: str) -> list[str]:
        return [line for paragraph in text.split("\n") for line in break_paragraph(paragraph, width, len)]
    return wrap


def test_a_page_ends_at_the_sentence_end_near_its_bottom_not_mid_sentence():
    text = "Listen to her first, and ask what happened. Then offer the cable that fits her phone and show her."
    wrap = wrap_at(24)
    assert wrap(text)[:3] == ["Listen to her first, and", "ask what happened. Then", "offer the cable that"]
    pages = paginate(text, 3, wrap)
    assert pages[0] == ["Listen to her first, and", "ask what happened."], "not mid-sentence"
    assert pages[1][0] == "Then offer the cable"


def test_turning_between_sentences_never_costs_a_page():
    text = "Listen to her first, and ask what happened. Then offer the cable that fits her phone and show her the " \
           "label on the packet."
    wrap = wrap_at(24)
    assert len(wrap(text)) == 6, "two full pages of three lines"
    pages = paginate(text, 3, wrap)
    assert len(pages) == 2 and pages == [wrap(text)[:3], wrap(text)[3:]], "the sentence end would need a third page"


def test_a_paragraph_that_would_be_split_starts_a_new_page():
    text = "She has waited an hour. Nobody came.\nA better choice was open: stand beside her. Then ask."
    pages = paginate(text, 3, wrap_at(24))
    assert pages[0] == ["She has waited an hour.", "Nobody came."]
    assert pages[1][0].startswith("A better choice")


def test_a_far_sentence_end_is_not_taken_the_page_is_filled():
    text = "Fine. " + "and then the long middle of a sentence that goes on " * 3 + "and ends."
    wrap = wrap_at(20)
    pages = paginate(text, 6, wrap)
    assert len(pages[0]) == 6 and pages[0] == wrap(text)[:6], "the first sentence end leaves the page mostly empty"


def test_a_chinese_page_ends_at_a_full_stop_near_its_bottom():
    text = "先陪她安静片刻再开口，她会自在许多。一个开放式问题，问出了她自己绝不会提的需求，也让她愿意说下去。"
    wrap = wrap_at(12)
    assert len(wrap(text)) > 3
    pages = paginate(text, 3, wrap)
    assert pages[0][-1].endswith("。") and pages[1][0].startswith("一个")


def test_places_are_never_before_closing_or_after_opening_punctuation():
    text = "她说：“好的。”然后走了。\nOK. 'Fine,' she said."
    kinds = dict(break_places(text))
    assert all(text[offset] not in "。”，" for offset in kinds)
    assert kinds[text.index("然")] == SENTENCE  # after 。” (a closing quote after the full stop)
    assert kinds[text.index("\n")] == PARAGRAPH
    assert kinds[text.index(" 'Fine")] == SENTENCE and kinds[text.index(" she")] == WORD


words = st.sampled_from(["cable", "phone", "her.", "Then", "quietly:", "'Where?'", "好的。", "顾客", "需求，", "rain",
                         "\n", "a"])


@settings(max_examples=150, deadline=None)
@given(st.lists(words, min_size=1, max_size=60), st.integers(min_value=1, max_value=6),
       st.integers(min_value=10, max_value=30))  # every word fits on a line
def test_no_page_is_longer_than_asked_and_no_text_is_lost(parts, per_page, width):
    text = " ".join(parts).strip() or "a"
    pages = paginate(text, per_page, wrap_at(width))
    assert all(len(page) <= per_page for page in pages)
    assert len(pages) <= max(1, -(-len(wrap_at(width)(text)) // per_page)), "no more pages than filling them takes"
    assert re.sub(r"\s", "", "".join(line for page in pages for line in page)) == re.sub(r"\s", "", text)


def test_a_title_and_a_decimal_point_do_not_end_a_sentence_for_the_cards_pages():
    """The cards' pages end at sentences by the same rule as the line's pages: 'Mr.' and '3.50' are not ends."""
    text = "Ring Mr. Li back at 3.50 today. Then tell Zhao."
    kinds = {text[:offset]: kind for offset, kind in break_places(text)}
    assert kinds["Ring Mr."] == WORD and kinds["Ring Mr. Li back at 3.50"] == WORD
    assert kinds["Ring Mr. Li back at 3.50 today."] == SENTENCE
