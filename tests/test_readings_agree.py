"""Issue 11: on every reachable path of every shipped scene, the card agrees with the ending.

The relationship (outcome for the customer) may differ from the ending's authored outcome by at
most one step, and no number on the card, the meter or the chart reads "-0".
"""

import re
from functools import lru_cache
from pathlib import Path

import pytest

from game.engine import apply_effects, apply_meter, enter_node, open_among
from game.loader import load_scene
from game.playthrough import play, transcript_text
from game.scorecard import Scorecard
from game.scoring import advance, advance_event, customer_reading, felt, relationship, score, start_summary
from game.i18n import meter_words
from game.vocab import signed

MINUS_ZERO = re.compile(r"[-−]0(?![.\d])")
CARD_EVERY = 97  # every 97th path is also played to a full scorecard, which must say the same
SCENES = sorted((Path(__file__).resolve().parent.parent / "scenes").glob("*.yaml"))


def walk(program):
    """Every reachable path to an ending, as (choice numbers, summary, ending): a depth-first walk.

    It moves with the engine's own steps (open choices, the meter, each line's event) and builds the
    scoring summary the way a scorecard does, without the card's text, so 30,000 paths take seconds.
    """
    first = start_summary(program)
    stack = [(program.start, frozenset(), advance_event(first, enter_node(program, first.meter, program.start)), ())]
    while stack:
        node_id, flags, summary, numbers = stack.pop()
        node = program.nodes[node_id]
        if node.ending is not None:
            yield numbers, summary, program.endings[node.ending]
        elif node.next is not None:
            stack.append((node.next, flags, advance_event(summary, enter_node(program, summary.meter, node.next)),
                          numbers))
        else:
            for number, choice in enumerate(open_among(node.choices, flags, summary.meter), start=1):
                meter = apply_meter(program, summary.meter, choice.rating)
                after = advance(summary, choice.stage, choice.rating, meter)
                after = advance_event(after, enter_node(program, meter, choice.next))
                stack.append((choice.next, apply_effects(flags, choice), after, numbers + (number,)))


@lru_cache(maxsize=None)
def figures(path: Path) -> dict:
    """Paths walked, the largest |relationship - outcome|, every shown number that reads -0, and how
    often the one-step limit decided the relationship (the journey alone would have said more)."""
    program = load_scene(str(path)).program
    assert program is not None
    found = {"paths": 0, "widest": 0, "minus_zero": [], "limited": 0, "cards_checked": 0}
    for numbers, summary, ending in walk(program):
        found["paths"] += 1
        level = relationship(customer_reading(program, summary, ending))
        found["widest"] = max(found["widest"], abs(level - ending.outcome))
        found["limited"] += abs(_unlimited(program, summary, ending) - ending.outcome) > 1
        if found["paths"] % CARD_EVERY == 1:  # the card itself, built by playing the path
            result = play(program, list(numbers))
            card = result.scorecard
            assert (card.relationship, card.ending, card.score) == (level, ending.id, score(program, summary, ending))
            shown = _shown_numbers(card) + [transcript_text(result, language) for language in ("en", "zh")]
            found["minus_zero"] += [text for text in shown if MINUS_ZERO.search(text)]
            found["cards_checked"] += 1
    return found


def _unlimited(program, summary, ending) -> int:
    """The relationship the journey alone would give, without the one-step limit."""
    w = program.weights
    return relationship(w.outcome * ending.outcome + (1 - w.outcome) * felt(program, summary))


def _shown_numbers(card: Scorecard) -> list[str]:
    shown = [signed(card.relationship), signed(card.outcome), signed(card.satisfaction_level)]
    for language in ("en", "zh"):
        shown += [meter_words(point.meter, language) for point in card.journey]
    shown += [signed(entry.rating) + signed(entry.level_after - entry.level_before) for entry in card.debrief]
    return shown


@pytest.mark.parametrize("path", SCENES, ids=[p.stem for p in SCENES])
def test_every_path_agrees_with_its_ending(path):
    found = figures(path)
    assert found["paths"] > 0
    assert found["widest"] <= 1
    assert found["minus_zero"] == []


def test_signed_never_shows_minus_zero():
    assert [signed(v) for v in (-0.4, -0.0, 0.0, 0.4, 0.6, -0.6, 2)] == ["0", "0", "0", "0", "+1", "-1", "+2"]
    assert meter_words(-0.3, "en") == "Neutral (0)" and meter_words(-0.3, "zh") == "平静（0）"
