"""The scorecard is built in one pass (and during `play`), and gives exactly what the replay gave.

The reference is tests/scorecard_oracle.py, the straightforward build that replayed the journey and
evaluated every open choice, kept verbatim from before the scorecard was made cheaper. A sample of
the reachable paths of every shipped scene is compared (every 97th; every 4th in the slow test), in
both languages, field by field (by ``repr``, so even 1 against 1.0 or -0.0 against 0.0 would show).
"""

from pathlib import Path

import pytest
import scorecard_oracle

from game.engine import Story
from game.loader import load_scene
from game.playthrough import play
from game.scorecard import build_scorecard

SCENES = sorted((Path(__file__).resolve().parent.parent / "scenes").glob("*.yaml"))


def every_path(story):
    """(state at an ending, choice numbers taken) for every path from the start; the scenes' paths are finite."""
    stack = [(story.skip_lines(story.start()), ())]
    while stack:
        state, numbers = stack.pop()
        if story.kind(state) == "ending":
            yield state, list(numbers)
            continue
        for number in range(1, len(story.open_choices(state)) + 1):
            stack.append((story.skip_lines(story.choose(state, number)[0]), numbers + (number,)))


def assert_same_cards(path, every=1):
    program = load_scene(str(path)).program
    story = Story(program)
    compared = 0
    for index, (state, numbers) in enumerate(every_path(story)):
        if index % every:
            continue
        for language in ("en", "zh"):
            expected = repr(scorecard_oracle.build_scorecard(story, state, language))
            assert repr(build_scorecard(story, state, language)) == expected, (path.name, numbers, language)
            result = play(program, numbers, language=language)
            assert result.state == state and repr(result.scorecard) == expected, (path.name, numbers, language)
        compared += 1
    assert compared > 0


@pytest.mark.parametrize("path", SCENES, ids=lambda p: p.stem)
def test_a_sample_of_paths_scores_as_the_replay_did(path):
    assert_same_cards(path, every=97)


@pytest.mark.slow
@pytest.mark.parametrize("path", SCENES, ids=lambda p: p.stem)
def test_a_quarter_of_the_paths_score_as_the_replay_did(path):
    assert_same_cards(path, every=4)  # every path (48,000) takes minutes; every path matched once by hand
