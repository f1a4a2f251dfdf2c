"""The debrief's pages as the room reads them: the footer under every page breaks only between its facts and
never splits the page number, and a heading is never left at the bottom of a page without what it heads."""

import functools
from pathlib import Path

import pygame
import pytest
import yaml

from game.ui.app import App
from game.ui.driver import key
from game.ui.linebreak import ENTRY_END, ENTRY_SEPARATOR
from game.ui.screens.compare import CompareScreen
from tests.conftest import workshop_scene

TUTORIAL = Path(__file__).resolve().parent.parent / "scenes" / "tutorial.yaml"  # read, never written
SIZES = [(1280, 720), (1920, 1080)]
LARGEST = 5  # the largest text size (Settings' 6)
TEAMS = {"en": ["Red team of the north office", "Blue team from the warehouse", "Green"],
         "zh": ["北方办公室的红队", "仓库的蓝队", "绿队"]}


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path / "saves")
    yield application
    pygame.display.quit()


def debrief(app: App, tmp_path, size, language: str, text_size: int) -> CompareScreen:
    """A session of three teams with long names, finished at once: its debrief at ``size`` in ``language``."""
    path = tmp_path / "scene.yaml"
    path.write_text(yaml.safe_dump(workshop_scene(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    app.resize(size)
    app.update_settings(language=language, text_size=text_size)
    app.start_workshop(str(path), TEAMS[language], "sequential")
    app.finish_workshop()
    assert isinstance(app.screen, CompareScreen)
    return app.screen


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("text_size", [2, LARGEST], ids=["default-text", "largest-text"])
def test_the_footer_breaks_between_its_facts_and_never_splits_the_page_number(app, tmp_path, size, language,
                                                                             text_size):
    screen = debrief(app, tmp_path, size, language, text_size)
    entries = screen.builder._footer(1, len(screen.pages)).split(ENTRY_SEPARATOR)
    page = entries[-1]
    app.dirty = True
    app.draw()
    footer = next(block for block in screen.drawn if page in block.text)
    assert len(footer.lines) > 1 or size == (1920, 1080), "the long team names should make the footer wrap"
    for line in footer.lines:  # every line is whole facts (the dot after the last when the list goes on)
        shown = line[:-len(ENTRY_END)] if line.endswith(ENTRY_END) else line
        assert all(part in entries for part in shown.split(ENTRY_SEPARATOR)), (line, entries)
    assert any(page in line for line in footer.lines), footer.lines
    below = [block for block in screen.drawn if block.rect.top > footer.rect.top]  # the keys
    assert below and all(footer.rect.bottom <= block.rect.top for block in below)


def play_through(app: App, letters: str) -> None:
    """Vote the current team to its ending, one letter a decision (the last repeated; A when it has fewer
    options), each vote revealed, then hand over."""
    workshop = app.workshop
    for index in range(50):
        while workshop.story.kind(workshop.state) == "line" or app.screen.revealed is not None or app.screen.reading():
            key(app, pygame.K_PAGEDOWN)
        if workshop.story.kind(workshop.state) == "ending":
            key(app, pygame.K_PAGEDOWN)
            return
        letter = letters[min(index, len(letters) - 1)]
        if "ABC".index(letter) >= len(workshop.view().choices):
            letter = "A"
        key(app, getattr(pygame, f"K_{letter.lower()}"))
        key(app, pygame.K_PAGEDOWN)
    raise AssertionError("the team never reached an ending")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_heading_is_never_left_alone_at_the_bottom_of_a_page(app, tmp_path, language):
    """The tutorial's session of two teams at 1280x720: a decision's number, a key decision's question and the
    rubric's introduction each start a page rather than end one without what they head."""
    app.resize((1280, 720))
    app.update_settings(language=language)
    app.start_workshop(str(TUTORIAL), ["Team 1", "Team 2"], "sequential")
    play_through(app, "ACCBB")
    play_through(app, "CCACC")
    assert isinstance(app.screen, CompareScreen)
    heading = app.screen.builder._heading_row
    rows = [[part.args[0] for part in page.parts if isinstance(part, functools.partial)]  # the chart is no row
            for page in app.screen.pages]
    assert sum(makers.count(heading) for makers in rows) >= 5, "the decisions and key decisions have headings"
    assert all(makers[-1] != heading for makers in rows if makers), [page.title for page in app.screen.pages]
