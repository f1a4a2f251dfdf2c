"""A toast over a facilitator screen (set-up, projector, its menu, debrief) is read from the back of the room:
its words are drawn at least at the key hint's size (docs/facilitator.md: at least 1/40 of the height), not at
the trainee's small size; a trainee's toast keeps the small size."""

from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import button_centre, click, key
from game.ui.screens.facilitate_overlays import RoomCard
from game.ui.screens.projector import projector_sizes

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = str(ROOT / "scenes" / "tutorial.yaml")
MESSAGE = {"en": "Enter the votes first", "zh": "请先输入票数"}


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    yield application
    pygame.display.quit()


def ink_height(surface: pygame.Surface) -> int:
    """The height of the bright (text) pixels on ``surface``."""
    bright = pygame.mask.from_threshold(surface, (255, 255, 255), (80, 80, 80, 255))
    rects = bright.get_bounding_rects()
    assert rects, "no text drawn"
    return max(r.bottom for r in rects) - min(r.top for r in rects)


def toast_ink(app: App, text: str) -> int:
    surface = pygame.Surface(app.surface.get_size())
    surface.fill((0, 0, 0))
    app.draw_toast(surface, text)
    return ink_height(surface)


def text_ink(app: App, text: str, size: int) -> int:
    rendered = app.book.render(text, size, (255, 255, 255))
    surface = pygame.Surface(rendered.get_size())
    surface.fill((0, 0, 0))
    surface.blit(rendered, (0, 0))
    return ink_height(surface)


def facilitator_screens(app: App):
    """The set-up, the projector at a decision, its menu, and the debrief, each on top in turn."""
    click(app, button_centre(app, "facilitate"))
    yield "setup"
    app.start_workshop(TUTORIAL, ["Red", "Blue"], "sequential")
    yield "projector"
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, RoomCard)
    yield "menu"
    key(app, pygame.K_ESCAPE)
    app.finish_workshop()
    yield "debrief"


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_toast_on_a_facilitator_screen_is_at_least_the_key_hints_size(app, size, language):
    app.resize(size)
    app.update_settings(language=language, text_size=5)
    text = MESSAGE[language]
    hint = projector_sizes(app.theme).label
    assert hint >= size[1] / 40 and hint > app.theme.small, "the hint is larger than the trainee's small text"
    for shown in facilitator_screens(app):
        assert toast_ink(app, text) >= text_ink(app, text, hint), shown


def test_a_trainees_toast_keeps_the_small_size(app):
    app.resize((1280, 720))
    text = MESSAGE["en"]
    assert toast_ink(app, text) == text_ink(app, text, app.theme.small)
