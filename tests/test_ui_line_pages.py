"""A spoken line that needs more than one page of the line's box is cut into pages that are similarly full (at a
sentence's end where that keeps them even), never into full pages and a last page of a word or two; the box is
sized for the fullest page."""

from pathlib import Path

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ltext import pick
from game.ui.app import App
from game.ui.driver import finish_line, key, start_practice, take_option
from game.ui.linepages import line_pages

ROOT = Path(__file__).resolve().parent.parent
SCENES = sorted((ROOT / "scenes").glob("*.yaml"))
LARGEST = 5  # the largest text size (Settings' 6)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    application = App(saves_folder=tmp_path_factory.mktemp("saves"))
    application.update_settings(text_speed="instant", coaching=False)
    yield application
    pygame.display.quit()


def start(app: App, scene: Path, size: tuple[int, int], language: str):
    return start_practice(app, str(scene), size, language, LARGEST)


def fewest_pages(lines: int, per_page: int) -> int:
    return -(-lines // per_page)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_thirty_fen_shouting_line_pages_evenly_and_the_box_shrinks_to_its_fullest_page(app, size, language):
    screen = start(app, ROOT / "scenes" / "thirty_fen.yaml", size, language)
    take_option(app, screen, -1)  # the script: Mr. Gao talks over you
    finish_line(app)
    assert screen.play.run.place[0] == "gao_sharp"
    rows = [len(page) for page in screen.pages]
    assert min(rows) * 2 >= max(rows), rows
    line = app.book.line_height(app.theme.body)
    assert screen.rects["dialog"].height == max(rows) * line + screen._dialog_chrome()
    if len(rows) > 1:
        assert screen.pages[-1][-1].endswith(("!", "！")), "the last page is the end of the line"


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_no_shipped_line_leaves_a_near_empty_page_at_the_largest_text(app, size, language):
    paged = 0
    for scene in SCENES:
        screen = start(app, scene, size, language)
        theme, book = app.theme, app.book
        per_page = screen._lines_per_page(book.line_height(theme.body))
        width = round(theme.width * 0.94) - 3 * theme.gap  # the line box's text width (PlayScreen.layout)
        for name, node in app.playing.program.nodes.items():
            text = pick(node.text, language)
            pages = line_pages(book, text, theme.body, width, per_page)
            rows = [len(page) for page in pages]
            assert len(pages) == fewest_pages(len(book.wrap(text, theme.body, width)), per_page), (scene.name, name)
            assert min(rows) * 2 >= max(rows), (scene.name, name, [page[-1] for page in pages])
            paged += len(pages) > 1
    assert paged >= 1 or language == "zh", "the largest English text pages some shipped lines"


WORDS = st.sampled_from(["the", "receipt", "thirty", "fen", "umbrella", "a", "refund", "Mr. Gao", "3.50", "你好",
                         "退款。", "nothing."])


@settings(max_examples=60, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=120), per_page=st.integers(1, 6), width=st.integers(160, 700))
def test_pages_keep_every_word_in_order_on_the_fewest_pages_none_near_empty(app, words, per_page, width):
    app.resize((1280, 720))
    app.update_settings(language="en", text_size=LARGEST)
    book, size = app.book, app.theme.body
    text = " ".join(words)
    pages = line_pages(book, text, size, width, per_page)
    lines = book.wrap(text, size, width)
    assert "".join("".join(page) for page in pages).replace(" ", "") == text.replace(" ", "")
    assert len(pages) == fewest_pages(len(lines), per_page) or len(lines) == 0
    assert all(len(page) <= per_page for page in pages)
    even_shortest = len(lines) // len(pages)
    assert min(len(page) for page in pages) >= max(1, -(-2 * even_shortest // 3)) or len(lines) == 0


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_line_whose_room_the_options_need_stays_until_it_is_read(app, language):
    """At the largest text the bank customer's 'need' line runs to several pages and the options that follow need
    its room (the line collapses to a recap). Its last page used to vanish the moment it was shown (at once, with
    text shown instantly): now it stays, the hint offers Space, and only the next press brings the options."""
    screen = start(app, ROOT / "scenes" / "bank_transfer.yaml", (1280, 720), language)
    for _ in range(20):  # at each decision the option towards the line (else the first), until it is on screen
        if screen.play.run.place[0] == "need":
            break
        if screen.deciding:
            program = screen.play.run.program
            towards = [c for c in screen.view.choices if program.nodes[screen.play.run.place[0]].choices[
                c.number - 1].next == "need"] or list(screen.view.choices)
            take_option(app, screen, screen.view.choices.index(towards[0]))
        else:
            key(app, pygame.K_SPACE)
    assert screen.play.run.place[0] == "need" and screen.view.kind == "decision"
    while screen.text_page < len(screen.pages) - 1:
        key(app, pygame.K_SPACE)
    finish_line(app)
    last_page = screen.pages[-1]
    assert screen.line_done and screen.holding_line and not screen.deciding and not screen.recap
    assert not screen.buttons  # no options yet: the last page has the room
    assert "more" in screen.modes()  # the hint says Space goes on
    key(app, pygame.K_SPACE)
    assert screen.deciding and screen.recap and screen.buttons and screen.pages[-1] == last_page
