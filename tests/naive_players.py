"""Naive players and answer-leak figures for scene tests (until the core's analysis reports them).

A naive player does not read the options for their meaning: it always takes the first, the last,
the longest or the shortest open option. A scene whose answers can be guessed lets such a player
score well; the scene tests keep every naive player at grade C or below.
"""

from __future__ import annotations

from typing import Callable

from game.engine import Story
from game.program import Program
from game.ltext import pick
from game.scorecard import build_scorecard

Picker = Callable[[list[str]], int]

PICKERS: dict[str, Picker] = {
    "first": lambda texts: 0,
    "last": lambda texts: len(texts) - 1,
    "longest": lambda texts: max(range(len(texts)), key=lambda i: len(texts[i])),
    "shortest": lambda texts: min(range(len(texts)), key=lambda i: len(texts[i])),
}


def naive_score(program: Program, strategy: str, language: str) -> tuple[float, str, str]:
    """Play ``program`` always taking the ``strategy`` option; return (score, grade, ending)."""
    story = Story(program)
    state = story.skip_lines(story.start())
    picker = PICKERS[strategy]
    while story.kind(state) == "decision":
        choices = story.open_choices(state)
        index = picker([pick(choice.text, language) for choice in choices])
        state, _ = story.choose(state, index + 1)
        state = story.skip_lines(state)
    card = build_scorecard(story, state, language)
    return card.score, card.grade, card.ending


def best_option_figures(program: Program, language: str) -> dict[str, object]:
    """Where the best option of each decision sits, and how often it is the longest or shortest."""
    positions: dict[int, int] = {}
    longest = shortest = decisions = 0
    for node in program.nodes.values():
        if not node.choices:
            continue
        decisions += 1
        lengths = [len(pick(choice.text, language)) for choice in node.choices]
        ratings = [choice.rating for choice in node.choices]
        best = ratings.index(max(ratings))
        positions[best + 1] = positions.get(best + 1, 0) + 1
        longest += lengths[best] == max(lengths)
        shortest += lengths[best] == min(lengths)
    return {"decisions": decisions, "positions": positions, "best_longest": longest, "best_shortest": shortest}
