"""The coaching card after a choice, as a trainee reads it: it uses the room beside the figure so that no card
of a shipped scene pages more than twice at the largest text, and when the line under it is paged too, the
card's page indicator and the hint say what Space does (the line's pages first, then the card's)."""

import re
from pathlib import Path

import pygame
import pytest

from game.ui import art
from game.ui.app import App
from game.ui.driver import key, settle, start_practice, take_option
from game.ui.strings import t

ROOT = Path(__file__).resolve().parent.parent
UMBRELLA = ROOT / "scenes" / "umbrella.yaml"
LARGEST = 5  # the largest text size (Settings' 6)


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    application.update_settings(text_speed="instant", coaching=True)
    yield application
    pygame.display.quit()


def start(app: App, scene: Path, size: tuple[int, int], language: str, text_size: int = LARGEST):
    return start_practice(app, str(scene), size, language, text_size)


def take(app: App, screen, index: int) -> None:
    """Take option ``index`` with its number key (a number on another page of options selects it: Enter)."""
    take_option(app, screen, index)
    assert screen.coaching is not None


def cards_along_a_path(app: App, screen) -> list[tuple[str, int, list[list[str]]]]:
    """Every option's card at every decision of a path through the scene (each option taken, then taken back,
    the last one kept): (node, option number, the card's pages of lines)."""
    cards = []
    while True:
        node = screen.play.run.place
        count = len(screen.view.choices)
        for index in range(count):
            take(app, screen, index)
            cards.append((str(node), index + 1, screen.card.pages))
            if index < count - 1:
                key(app, pygame.K_BACKSPACE)
                read_on(app, screen)
                assert screen.deciding and screen.play.run.place == node
        read_on(app, screen)
        if not screen.deciding:
            return cards


def read_on(app: App, screen) -> None:
    """Space until the next decision or the ending (the line's pages and the card's read)."""
    for _ in range(40):
        if screen.deciding or screen.view.kind == "ending":
            return
        key(app, pygame.K_SPACE)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_no_umbrella_coaching_card_pages_more_than_twice_and_pages_turn_between_sentences(app, size, language):
    screen = start(app, UMBRELLA, size, language)
    cards = cards_along_a_path(app, screen)
    assert len(cards) >= 20, "the path passes most of the scene's decisions"
    assert max(len(pages) for _, _, pages in cards) <= 2, [card for card in cards if len(card[2]) > 2]
    paged = [pages for _, _, pages in cards if len(pages) > 1]
    assert paged or language == "zh", "some card is paged at the largest text"  # Chinese cards are shorter
    for pages in paged:
        turns_between_thoughts(pages, t("better_choice", language, text="").strip())


SENTENCE_END = re.compile(r"[.!?。！？…][\"'’”）)」』》]*(\s|$)")


def turns_between_thoughts(pages: list[list[str]], better: str) -> None:
    """A two-page card's first page ends at a sentence's end when one is in its lower half, and the better choice's
    paragraph starts the second page when it starts in the first page's lower half, unless what would move then
    no longer fits on the second page (turning between thoughts never costs a page)."""
    if len(pages) != 2:
        return
    first, second = pages
    per_page = len(first)  # at least: the first page is never longer than a page
    half = per_page - per_page // 2  # a page ended there is at least half full
    near = [row for row in range(half - 1, per_page) if SENTENCE_END.search(first[row])]
    if near and len(second) + per_page - near[-1] <= per_page:  # what follows it fits on the second page
        assert SENTENCE_END.search(first[-1]), ("mid-sentence", pages)
    starts = [row for row, line in enumerate(first) if line.startswith(better)]
    near_start = starts and starts[0] >= half and len(second) <= starts[0]  # and it would fit on the second page
    assert not near_start, ("the better choice split though its start was near", pages)


COUNTER_SCENES = [path for path in sorted((ROOT / "scenes").glob("*.yaml"))
                  if "channel: phone" not in path.read_text(encoding="utf-8")]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("scene", COUNTER_SCENES, ids=[path.stem for path in COUNTER_SCENES])
def test_no_counter_scenes_coaching_card_pages_more_than_twice_at_the_largest_text(app, scene, language):
    """Every shipped counter scene (a phone call's card keeps the options' column: the caller's card fills the
    picture, so a long English card there may take three pages)."""
    screen = start(app, scene, (1920, 1080), language)
    cards = cards_along_a_path(app, screen)
    assert max(len(pages) for _, _, pages in cards) <= 2, [card for card in cards if len(card[2]) > 2]
    for _, _, pages in cards:
        turns_between_thoughts(pages, t("better_choice", language, text="").strip())


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("text_size", [2, LARGEST])
def test_the_card_takes_the_room_beside_the_figure_and_no_more(app, size, language, text_size):
    screen = start(app, UMBRELLA, size, language, text_size)
    take(app, screen, len(screen.view.choices) - 1)
    settle(app)
    card, figure, dialog = screen.rects["card"], art.figure_box(screen.rects["customer"]), screen.rects["dialog"]
    assert card.left > figure.right and card.right <= app.theme.width
    assert card.width > screen.rects["choices"].width, "wider than the options' column"
    assert card.bottom < dialog.top - app.theme.px(16), "clear of the line's box and the speaker's name tag"


def test_the_figure_is_drawn_inside_its_box(app):
    surface = pygame.Surface((900, 500), pygame.SRCALPHA)
    rect = pygame.Rect(40, 30, 820, 440)  # wider than the figure: backdrop on either side
    person = art.Person("customer", "steady", "elderly", "feminine", build="heavy", hair="bun", glasses=True,
                        clothing="cardigan")
    art.draw_person(surface, rect, "furious", art.DEFAULT_PALETTE, person)
    drawn = surface.get_bounding_rect()
    assert drawn.width > 0 and art.figure_box(rect).contains(drawn)


def long_line_scene(tmp_path: Path) -> Path:
    """The umbrella scene with the line after serving the couple first four times as long: paged at large text."""
    text = UMBRELLA.read_text(encoding="utf-8")
    block = re.search(r"  overlooked:\n(?:    .*\n)+", text).group(0)
    longer = re.sub(r'^(      (?:en|zh): )"(.*)"$', lambda m: f'{m[1]}"{" ".join([m[2]] * 4)}"', block,
                    flags=re.MULTILINE)
    path = tmp_path / "umbrella_long.yaml"
    path.write_text(text.replace(block, longer), encoding="utf-8")
    return path


def drawn_texts(app: App, screen) -> list[str]:
    """Every text drawn in a whole frame of ``screen``."""
    texts: list[str] = []
    render = app.book.render

    def recording(text, *args, **kwargs):
        texts.append(text)
        return render(text, *args, **kwargs)

    app.book.render = recording
    try:
        screen.draw(pygame.Surface(app.surface.get_size()))
    finally:
        del app.book.render
    return texts


@pytest.mark.parametrize("language", ["en", "zh"])
def test_space_reads_the_line_then_the_card_and_the_card_says_so(app, tmp_path, language):
    scene = long_line_scene(tmp_path)
    screen = start(app, scene, (1920, 1080), language)
    take(app, screen, next(i for i, c in enumerate(screen.view.choices) if "couple" in c.text or "夫妇" in c.text))
    line_pages, card_pages = len(screen.pages), len(screen.card.pages)
    assert line_pages > 1 and card_pages > 1, "both paged"
    more = [t("card_more", language, page=p + 1, pages=card_pages) for p in range(card_pages)]
    presses = 0
    while screen.coaching is not None:
        texts = drawn_texts(app, screen)
        card_says_space = any(text in more for text in texts)
        line_page, card_page = screen.text_page, screen.card_page
        if line_page < line_pages - 1:
            assert not card_says_space, "the card does not claim Space while Space turns the line"
            assert t("ka_more", language) in screen.key_hint()
        key(app, pygame.K_SPACE)
        presses += 1
        if card_says_space:
            assert (screen.text_page, screen.card_page) == (line_page, card_page + 1), "Space turned the card"
        elif line_page < line_pages - 1:
            assert (screen.text_page, screen.card_page) == (line_page + 1, card_page), "Space turned the line"
    assert presses == line_pages - 1 + card_pages, "every page of both read once, then the card closes"
