"""Answer-leak analysis: can a player who ignores the customer guess the best answers?

A trainee learns the pattern instead of the service when the best option is always the longest,
always in the same place, or when a player who never reads the options still earns a good grade.
This module measures that, per language (option lengths differ between languages):

* where the best option sits among a decision's options (a histogram of positions);
* how often the best option is the longest, and how often the shortest;
* the score of naive players: always the first option, always the last, always the longest,
  always the shortest, always option k for the middle positions, and the mean of 1,000 players
  choosing at random (a fixed seed, so the figure is the same on every run).

``analyze --json`` reports it; ``validate`` turns it into warnings (MOT301-MOT303,
see docs/authoring.md, "Writing options that tempt").
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from typing import Any, Callable, Optional

from game.diagnostics import Diagnostic
from game.engine import apply_effects, apply_meter, enter_node, open_among
from game.program import Program, RChoice, RNode
from game.ltext import pick
from game.scoring import advance, advance_event, grade, score, start_summary
from game.yamlsrc import SourceMap

RANDOM_PLAYERS = 1000
RANDOM_SEED = 11  # fixed: the random players' mean must be the same on every run
STEP_BUDGET = 400_000  # decisions the random players may take in all; huge scenes get fewer players
GOOD_GRADE = 70  # grade B: a player who never reads the options should not get here
# Fewer real decisions than this is a sketch (the `new` template has one), not a test to guess: no warnings.
MIN_DECISIONS = 3
Strategy = Callable[[list[RChoice], str], int]  # (open choices, language) -> 0-based index


@dataclass(frozen=True)
class NaivePlayer:
    """One fixed-strategy player's result (``score`` None: the strategy never reaches an ending)."""

    strategy: str
    score: Optional[float]
    grade: Optional[str]
    ending: Optional[str]


@dataclass(frozen=True)
class LanguagePredictability:
    """The answer-leak figures of one language."""

    language: str
    decisions: int
    best_position: dict[int, int]  # 1-based position of the best option -> number of decisions
    best_is_longest: int
    best_is_shortest: int
    naive: tuple[NaivePlayer, ...]
    random_mean: Optional[float]
    random_players: int


def _text_length(choice: RChoice, language: str) -> int:
    return len(pick(choice.text, language).strip())


def _best_index(choices: tuple[RChoice, ...] | list[RChoice]) -> int:
    """Position (0-based) of the highest-rated option; the first one on a tie."""
    ratings = [c.rating for c in choices]
    return ratings.index(max(ratings))


def _longest(choices: list[RChoice], language: str) -> int:
    lengths = [_text_length(c, language) for c in choices]
    return lengths.index(max(lengths))


def _shortest(choices: list[RChoice], language: str) -> int:
    lengths = [_text_length(c, language) for c in choices]
    return lengths.index(min(lengths))


STRATEGIES: dict[str, Strategy] = {
    "always_first": lambda choices, language: 0,
    "always_last": lambda choices, language: len(choices) - 1,
    "always_longest": _longest,
    "always_shortest": _shortest,
}


def _strategies(decisions: list[RNode]) -> dict[str, Strategy]:
    """The four named players, plus "always option k" for each middle position the scene offers
    (always option 2 was the bank scene's A before issue 11)."""
    widest = max((len(node.choices) for node in decisions), default=0)
    middle = {f"always_option_{k}": (lambda choices, language, k=k: min(k, len(choices)) - 1)
              for k in range(2, widest)}
    return {**STRATEGIES, **middle}


def _in_language(strategy: Strategy, language: str) -> Callable[[list[RChoice]], int]:
    """``strategy`` choosing by the texts in ``language``."""
    return lambda options: strategy(options, language)


def _decisions(program: Program) -> list[RNode]:
    """Decision nodes that give a real choice (two options or more)."""
    return [node for node in program.nodes.values() if len(node.choices) >= 2]


def play_strategy(program: Program, pick_index: Callable[[list[RChoice]], int],
                  max_decisions: int) -> Optional[tuple[float, str, int]]:
    """Play to an ending with ``pick_index`` choosing among the open options.

    Returns:
        (score, ending id, decisions taken), or None when no ending comes within ``max_decisions``.
    """
    first = start_summary(program)
    node_id, flags = program.start, frozenset[str]()
    summary = advance_event(first, enter_node(program, first.meter, node_id))
    taken = 0
    while True:
        node = program.nodes[node_id]
        if node.ending is not None:
            return score(program, summary, program.endings[node.ending]), node.ending, taken
        if node.next is not None:
            node_id = node.next
        else:
            open_now = open_among(node.choices, flags, summary.meter)
            if not open_now or taken >= max_decisions:
                return None
            choice = open_now[pick_index(open_now)]
            meter = apply_meter(program, summary.meter, choice.rating)
            summary = advance(summary, choice.stage, choice.rating, meter)
            node_id, flags, taken = choice.next, apply_effects(flags, choice), taken + 1
        summary = advance_event(summary, enter_node(program, summary.meter, node_id))


def _random_players(program: Program, max_decisions: int) -> tuple[Optional[float], int]:
    """Mean score of up to ``RANDOM_PLAYERS`` uniform random players, within ``STEP_BUDGET`` decisions."""
    chooser = random.Random(RANDOM_SEED)
    scores: list[float] = []
    spent = 0
    while len(scores) < RANDOM_PLAYERS and spent + max_decisions <= max(STEP_BUDGET, max_decisions):
        result = play_strategy(program, lambda options: chooser.randrange(len(options)), max_decisions)
        if result is None:
            spent += max_decisions
            continue
        scores.append(result[0])
        spent += result[2]
    return (round(sum(scores) / len(scores), 1) if scores else None), len(scores)


def predictability(program: Program) -> list[LanguagePredictability]:
    """The answer-leak figures of every language of the scene."""
    decisions = _decisions(program)
    max_decisions = 2 * max(1, len(decisions)) + 2 * len(program.nodes)
    random_mean, random_count = _random_players(program, max_decisions)
    result = []
    for language in program.languages:
        positions: dict[int, int] = {}
        longest = shortest = 0
        for node in decisions:
            best = _best_index(node.choices)
            positions[best + 1] = positions.get(best + 1, 0) + 1
            options = list(node.choices)
            best_rating = node.choices[best].rating
            longest += options[_longest(options, language)].rating == best_rating
            shortest += options[_shortest(options, language)].rating == best_rating
        naive = []
        for name, strategy in _strategies(decisions).items():
            played = play_strategy(program, _in_language(strategy, language), max_decisions)
            naive.append(NaivePlayer(name, played[0], grade(played[0]), played[1]) if played
                         else NaivePlayer(name, None, None, None))
        result.append(LanguagePredictability(language, len(decisions), dict(sorted(positions.items())),
                                             longest, shortest, tuple(naive), random_mean, random_count))
    return result


def predictability_json(figures: list[LanguagePredictability]) -> dict[str, Any]:
    """The ``predictability`` section of ``analyze --json``: one entry per language."""
    return {entry.language: asdict(entry) for entry in figures}


def leak_diagnostics(program: Program, source: SourceMap, path: str) -> list[Diagnostic]:
    """Warnings for a scene whose answers can be guessed (codes MOT301-MOT303)."""
    line, column = source.key(("nodes",))
    found: list[Diagnostic] = []
    if len(_decisions(program)) < MIN_DECISIONS:
        return found
    for entry in predictability(program):
        where = f" in {entry.language}" if len(program.languages) > 1 else ""
        players = [(p.strategy.replace("_", " "), p.score) for p in entry.naive if p.score is not None]
        if entry.random_mean is not None:
            players.append((f"the mean of {entry.random_players} random players", entry.random_mean))
        good = [f"{name} scores {value:g} ({grade(value)})" for name, value in players if value >= GOOD_GRADE]
        if good:
            found.append(Diagnostic(path, line, column, "MOT301",
                                    f"a player who never reads the options gets a B or better{where}: "
                                    f"{'; '.join(good)}. Make the mistakes tempting and vary where the best option "
                                    f"sits (docs/authoring.md, 'Writing options that tempt')"))
        if entry.best_is_longest * 2 > entry.decisions:
            found.append(Diagnostic(path, line, column, "MOT302",
                                    f"the best option is the longest in {entry.best_is_longest} of "
                                    f"{entry.decisions} decisions{where}: write the mistakes as long and as "
                                    f"reasonable-sounding as the best answer"))
        if len(entry.best_position) == 1:
            position = next(iter(entry.best_position))
            if entry.language == program.languages[0]:  # positions are the same in every language
                found.append(Diagnostic(path, line, column, "MOT303",
                                        f"the best option is option {position} in all {entry.decisions} decisions: "
                                        f"vary where the best option sits"))
    return found
