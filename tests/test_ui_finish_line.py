"""The headless driver's finish_line shows the whole page of the line on screen whatever its length and the text
speed: the bank's 663-character line at 50 (and 25) characters a second, which ten seconds do not show."""

from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import finish_line, key, to_decision

ROOT = Path(__file__).resolve().parent.parent
BANK = str(ROOT / "scenes" / "bank_transfer.yaml")


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    yield application
    pygame.display.quit()


def take(app: App, choice_id: str) -> None:
    screen = to_decision(app)
    number = next(c.number for c in screen.view.choices if c.id == choice_id)
    key(app, getattr(pygame, f"K_{number}"))
    if screen.deciding:
        key(app, pygame.K_RETURN)


@pytest.mark.parametrize("speed", ["slow", "normal"])
def test_finish_line_shows_the_banks_longest_line_whole(app, speed):
    app.resize((1920, 1080))
    app.update_settings(language="en", text_size=0, text_speed="instant")
    app.open_briefing(BANK)
    app.begin(BANK, app.screen.program, "practice")
    take(app, "breathe")
    app.update_settings(text_speed=speed)  # the next line is revealed at this speed
    take(app, "listen")
    screen = app.screen
    assert screen.play.run.place[0] == "need"
    assert len(screen.pages) == 1 and sum(len(line) for line in screen.pages[0]) > 600, "one long page"
    assert not screen.page_revealed, "the reveal has begun, not ended"
    finish_line(app)
    assert screen.page_revealed and screen.line_done
