"""Transcript tests for the tutorial scene, in both languages."""

from pathlib import Path

import pytest

from game.analysis import analyze
from game.loader import load_scene
from game.playthrough import play, transcript_text

SCENE = Path(__file__).resolve().parent.parent / "scenes" / "tutorial.yaml"


@pytest.fixture(scope="module")
def loaded():
    return load_scene(str(SCENE))


def test_tutorial_is_clean(loaded):
    assert loaded.diagnostics == []
    result = analyze(loaded.program)
    assert result.endings_unreached == []
    assert result.best.stages[0] == "explore" and result.best.stages[-1] == "confirm"
    order = [result.best.stages.index(s) for s in ("explore", "offer", "act", "confirm")]
    assert order == sorted(order)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(
    ("choices", "ending", "low", "high"),
    [
        ([2, 2, 3, 3, 2], "delighted", 91, 98),   # open question, finds the video call, charges, confirms
        ([1, 1, 3, 3], "gave_up", 13, 20),           # receipt first, blame, packaging rule, sent elsewhere
        ([2, 1, 2, 3, 1], "done", 68, 75),         # decent, but a closed "Everything OK?" at the end
        ([2, 1, 2, 3, 2], "done", 63, 70),         # polite goodbye instead of a confirm
        ([2, 2, 1, 2, 4], "satisfied", 69, 76),    # over-promises, then apologises honestly
    ],
)
def test_paths(loaded, language, choices, ending, low, high):
    result = play(loaded.program, choices, language=language)
    assert result.scorecard.ending == ending
    assert low <= result.scorecard.score <= high
    text = transcript_text(result, language)
    assert ("得分" in text) == (language == "zh")


def test_skipping_the_confirm_is_named(loaded):
    card = play(loaded.program, [2, 1, 2, 3, 2]).scorecard
    assert "confirm" in card.skipped_stages
