"""The journey chart: decisions numbered on the x axis, story events marked apart, the worst moment on its point."""

import pygame
import pytest

from game.loader import load_scene
from game.playthrough import play
from game.ui import chart
from game.ui.text import TextBook
from game.ui.theme import make_theme

THIRTY_FEN = "scenes/thirty_fen.yaml"


@pytest.fixture(scope="module")
def drawn():
    """The chart of a thirty_fen run that has story events, and every text it rendered, in order."""
    pygame.font.init()
    program = load_scene(THIRTY_FEN).program
    card = play(program, [1] * 5).scorecard
    theme, book = make_theme((1280, 720), 1.0, False), TextBook()
    texts: list[str] = []
    render = book.render

    def spy(text, *args, **kwargs):
        texts.append(text)
        return render(text, *args, **kwargs)

    book.render = spy
    surface = pygame.Surface((1280, 720))
    rect = pygame.Rect(460, 80, 780, 240)
    chart.draw_journey(surface, rect, card, theme, book, "en")
    return card, texts, surface, theme, rect, program


def test_the_run_has_story_events_between_its_decisions(drawn):
    card = drawn[0]
    kinds = [point.kind for point in card.journey]
    assert "event" in kinds and kinds[0] == "start"


def test_the_x_axis_names_the_start_and_the_decisions_in_order_and_nothing_else(drawn):
    card, texts = drawn[0], drawn[1]
    decisions = [str(p.decision) for p in card.journey if p.kind == "decision"]
    axis = [text for text in texts[texts.index("Start"):] if text == "Start" or text.isdigit()]
    assert axis == ["Start", *decisions]


def test_the_legend_explains_both_markers(drawn):
    texts = drawn[1]
    assert "Your decisions" in texts and "Story events" in texts


def test_the_worst_moment_is_ringed_on_its_own_point(drawn):
    card, _, surface, theme, rect, program = drawn
    worst = card.worst_moment
    assert worst is not None
    index = next(i for i, p in enumerate(card.journey) if p.decision == worst.decision)
    centres = chart.layout_chart(rect, card, theme, TextBook(), "en").points
    x, y = centres[index]
    ring = [surface.get_at((x + dx, y + dy))[:3] for dx, dy in ((theme.px(9), 0), (-theme.px(9), 0), (0, theme.px(9)))]
    assert all(colour == theme.palette.bad for colour in ring)
