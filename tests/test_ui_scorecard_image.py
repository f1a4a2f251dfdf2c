"""The scorecard saved as a PNG (S) shows all of it: every row of the summary and of the debrief, from the first,
and no scrollbar, in both languages at every text size.

The playtester's case: Chinese at the largest text size at 1280x720, where the summary panel scrolls on screen;
its image was cut at the panel's on-screen height, with the scrollbar drawn into it.
"""

from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest

from game.loader import load_scene
from game.playthrough import play
from game.settings import TEXT_SIZES
from game.ui import scroll
from game.ui.app import App
from game.ui.screens.ending import EndingScreen

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    application = App(saves_folder=tmp_path_factory.mktemp("saves"))
    application.resize((1280, 720))
    yield application
    pygame.display.quit()


def _screen(app, language, text_size, scene="insurance_840", seed=3):
    app.update_settings(language=language, text_size=text_size)
    program = load_scene(str(ROOT / "scenes" / f"{scene}.yaml")).program
    card = play(program, None, seed=seed, language=language).scorecard
    run = SimpleNamespace(scorecard=lambda _language: card, program=program)
    screen = EndingScreen(app, SimpleNamespace(run=run))
    screen.layout()
    return screen


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("text_size", range(len(TEXT_SIZES)))
def test_the_saved_image_shows_every_row_and_no_scrollbar(app, monkeypatch, language, text_size):
    screen = _screen(app, language, text_size)
    for _ in range(3):  # scrolled on screen: the image starts from the first row all the same
        screen.scroll_summary(1)
        screen.page(1)
    drawn, bars = [], []
    real_draw = scroll.Scroller.draw

    def spy(self, surface, rows, area, theme):
        end = real_draw(self, surface, rows, area, theme)
        drawn.append((self.first, end, len(rows), area.y + sum(row.height for row in rows), surface.get_height()))
        return end

    monkeypatch.setattr(scroll.Scroller, "draw", spy)
    monkeypatch.setattr(scroll, "draw_scrollbar", lambda *args: bars.append(args))
    saved = []
    monkeypatch.setattr(app, "save_png", lambda image, folder, name: saved.append(image) or "x.png")
    screen.activate("save")  # what S does
    image = saved[0]
    assert len(drawn) == 2 and not bars, (drawn, len(bars))
    for first, end, count, bottom, height in drawn:  # the summary, then the debrief: whole, inside the image
        assert first == 0 and end == count and bottom <= height == image.get_height()
    assert image.get_width() == app.theme.width


def test_on_screen_the_summary_still_scrolls_at_the_largest_chinese_text(app):
    screen = _screen(app, "zh", len(TEXT_SIZES) - 1)
    assert "summary_scrolls" in screen.modes()  # the case the image must not copy
