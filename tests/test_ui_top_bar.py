"""What sits below the play screen's top bar (the options, the coaching card) starts below it, with the same gap
at every text size: the bar grows with the text, so a fixed top would run under it at the largest sizes."""

from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import start_practice, take_option
from game.ui.play_parts import hud_height

ROOT = Path(__file__).resolve().parent.parent
UMBRELLA = str(ROOT / "scenes" / "umbrella.yaml")


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    application.update_settings(text_speed="instant", coaching=True)
    yield application
    pygame.display.quit()


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_options_and_the_card_start_the_same_gap_below_the_top_bar_at_every_text_size(app, size, language):
    gaps = {}
    for text_size in range(6):
        screen = start_practice(app, UMBRELLA, size, language, text_size)
        bar = hud_height(app)
        assert min(button.rect.top for button in screen.buttons) >= screen.rects["choices"].top
        option_gap = screen.rects["choices"].top - bar
        take_option(app, screen, 0)
        assert screen.card is not None, "a coaching card after the choice"
        gaps[text_size] = (option_gap, screen.rects["card"].top - bar)
    assert set(gaps.values()) == {(app.theme.px(8), app.theme.px(8))}, gaps
