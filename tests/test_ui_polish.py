"""Small things a playtester saw: a page of one item, the service level's colour."""

import dataclasses
from pathlib import Path

import pygame
import pytest

from game.engine import Story
from game.loader import load_scene
from game.scorecard import build_scorecard
from game.ui.app import App
from game.ui.ending_rows import summary_rows
from game.ui.strings import SERVICE_LEVELS, page_range

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_page_of_one_item_says_one_item(language):
    single = page_range("options_page", "options_page_one", language, 4, 4, 4)
    several = page_range("options_page", "options_page_one", language, 3, 4, 4)
    assert "4–4" not in single and "4" in single and "3–4" in several
    assert "7–7" not in page_range("more_scenes", "more_scenes_one", language, 7, 7, 7)
    assert single == {"en": "Option 4 of 4  ·  PgUp/PgDn", "zh": "第 4 项，共 4 项 · PgUp/PgDn 翻页"}[language]


def _card(service_level):
    program = load_scene(str(ROOT / "scenes" / "tutorial.yaml")).program
    story = Story(program)
    state = story.start()
    while story.ending(state) is None:
        state = story.choose(state, 1)[0] if story.kind(state) == "decision" else story.advance(state)
    return dataclasses.replace(build_scorecard(story, state), service_level=service_level)


@pytest.mark.parametrize("level, warned", [("not reached", True), ("basic", False), ("memorable", False)])
def test_a_service_level_not_reached_is_in_the_warning_colour(tmp_path, monkeypatch, level, warned):
    app = App(saves_folder=tmp_path)
    try:
        painted = []
        render = app.book.render
        monkeypatch.setattr(app.book, "render", lambda text, size, colour, bold=False: painted.append(
            (text, tuple(colour))) or render(text, size, colour, bold))
        surface = pygame.Surface((800, 2000))
        for row in summary_rows(app, _card(level), 700):
            if row.paint is not None:
                row.paint(surface, 0, 0)
        word = SERVICE_LEVELS["en"][level]
        colours = {colour for text, colour in painted if text == word}
        palette = app.theme.palette
        assert colours == ({palette.bad} if warned else {palette.accent})
    finally:
        pygame.display.quit()
