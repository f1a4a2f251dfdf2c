"""The scorecard of a finished run: the outcome for the customer, the technique, moments, debrief.

The two readings are kept apart (see :mod:`game.scoring`): relationship,
service level and word of mouth describe the outcome for the customer and
always agree with the ending; the technique line holds the process. Built from
a finished :class:`~game.engine.State` by replaying its steps, so it needs
nothing a save does not already hold.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any, Optional, Sequence

from game.conditions import evaluate
from game.engine import EngineError, State, Step, Story, apply_effects, enter_node
from game.program import Program, RChoice, REnding, RNode
from game.ltext import pick
from game.scoring import (
    SERVICE_LEVELS, WORD_OF_MOUTH, Penalty, RunningSummary, grade, read_run, relationship,
    relationship_label, start_low,
)
from game.vocab import STAGES, meter_level


# The records below are built for every playthrough (a debrief entry per decision, a journey point per
# move of the meter), so they are slotted dataclasses, not frozen ones: a frozen dataclass sets each
# field through object.__setattr__, and a 17-field entry cost 3.7 µs to build instead of 1.3 µs. Nothing
# changes them once built. StageScore stays frozen: its instances are shared through a memo.


# Debrief entries kept per program (game.program.Program.debriefs): bounded for generated scenes with
# thousands of decisions; the shipped scenes' random runs fill a few hundred.
MAX_DEBRIEFS = 20_000

@dataclass(slots=True)
class DebriefEntry:
    """One decision, explained."""

    number: int
    node: str
    situation: str
    choice: str
    choice_id: str
    stage: str
    rating: int
    delta: float
    meter_after: float
    level_before: int  # the meter's level (-3..3) before and after, as the screens show it
    level_after: int
    feedback: str
    principles: tuple[str, ...]
    best_missed: Optional[str]
    best_missed_id: Optional[str]
    best_missed_rating: Optional[int]
    best_missed_feedback: Optional[str]


@dataclass(frozen=True)
class StageScore:
    """How one MOT stage went: how often it was used and its 0-100 subscore."""

    stage: str
    decisions: int
    average_rating: Optional[float]
    subscore: Optional[float]


@dataclass(slots=True)
class Moment:
    """The worst or last moment: which decision (1-based) and its rating."""

    decision: int
    choice: str
    rating: int


@dataclass(slots=True)
class JourneyPoint:
    """The meter at one point of the run: the start, after a decision, or after a line's event."""

    kind: str  # "start", "decision" or "event"
    node: str
    meter: float
    level: int
    decision: Optional[int]  # 1-based decision number for kind "decision"


@dataclass(slots=True)
class Technique:
    """The technique reading: how the explore-offer-act-confirm process went, 0-100."""

    score: float
    mean_rating: Optional[float]
    stages: tuple[StageScore, ...]
    penalties: tuple[Penalty, ...]
    skipped_stages: tuple[str, ...]
    out_of_order: tuple[str, ...]


@dataclass(slots=True)
class Scorecard:
    """Everything the ending screen and ``run --json`` show.

    ``outcome`` (the ending's) and ``relationship`` (the outcome for the customer, from the ending and the
    felt journey) sit side by side and never differ by more than one; ``technique`` is the process.
    """

    scene: str
    ending: str
    ending_title: str
    outcome: int
    score: float
    grade: str
    relationship: int
    relationship_label: str
    service_level: str
    word_of_mouth: int
    customer_score: float
    felt: float
    satisfaction: float
    satisfaction_level: int
    low_point: Optional[float]
    technique: Technique
    journey: tuple[JourneyPoint, ...]
    stages: tuple[StageScore, ...]
    skipped_stages: tuple[str, ...]
    out_of_order: tuple[str, ...]
    penalties: tuple[Penalty, ...]
    worst_moment: Optional[Moment]
    last_moment: Optional[Moment]
    debrief: tuple[DebriefEntry, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return asdict(self)


def build_scorecard(story: Story, state: State, language: str = "en") -> Scorecard:
    """Score a run that has reached an ending, by going over the nodes it visited.

    Raises:
        EngineError: when the state is not at an ending, or a decision in it was not open.
    """
    program = story.program
    ending = story.ending(state)
    if ending is None:
        raise EngineError(f"the run has not reached an ending (it is at node '{state.node}')")
    card = ScorecardBuilder(program, language)
    steps, taken = state.steps, 0
    flags: frozenset = frozenset()
    previous: Optional[RNode] = None
    for node_id in state.visited:
        if previous is not None and previous.choices:
            if taken == len(steps):
                raise EngineError(f"the run visits '{node_id}' after a decision it has no step for")
            flags = _replay_decision(card, steps[taken], taken + 1, flags)
            taken += 1
        previous = program.nodes.get(node_id)
        if previous is None or previous.meter:  # a node without a `meter` event changes nothing
            card.line(node_id)
    for number, step in enumerate(steps[taken:], start=taken + 1):  # steps the visited nodes do not show
        flags = _replay_decision(card, step, number, flags)
    return card.finish(state, ending)


def _replay_decision(card: ScorecardBuilder, step: Step, number: int, flags: frozenset) -> frozenset:
    """Note one decision of a finished run: the flags before it are the effects of the choices before it.

    Only the choices rated above the one taken can be the best missed, so only their conditions are
    evaluated (the first of the highest-rated open ones is the one :func:`best_missed` names).

    Raises:
        EngineError: when the choice taken was not open there.
    """
    node = card.program.nodes.get(step.node)
    chosen = next((c for c in node.choices if c.id == step.choice), None) if node is not None else None
    if node is None or chosen is None or not _is_open(chosen, flags, step.meter_before):
        raise EngineError(f"decision {number}: choice '{step.choice}' is not open at node '{step.node}'")
    better = [c for c in node.choices if c.rating > chosen.rating and _is_open(c, flags, step.meter_before)]
    card.decision(node, step, chosen, better)
    return apply_effects(flags, chosen)


def _is_open(choice: RChoice, flags: frozenset, meter: float) -> bool:
    return choice.condition is None or bool(evaluate(choice.condition, flags, meter))


# The meter's level is asked for at every point of the journey and twice per decision, and runs'
# meters take few distinct values (rounded to 0.001, within -10..10; 171 over every path of the
# shipped scenes): a memo of the pure function. 4096 entries of (float, float) -> int stay under 1 MB.
_level = lru_cache(maxsize=4096)(meter_level)
_NONE_MISSED = (None, None, None, None)  # a debrief entry's best_missed fields when the best was taken


class ScorecardBuilder:
    """A scorecard put together while a run is followed, node by node: no whole state is replayed.

    Call :meth:`line` for every node shown (the start included) and :meth:`decision` for each choice
    taken, in the order they happen (a decision before the node it leads to), then :meth:`finish`.
    Every line applies its `meter` event to the scoring summary; every decision applies its rating.
    """

    __slots__ = ("program", "language", "texts", "summary", "points", "entries", "decisions", "ratings")

    def __init__(self, program: Program, language: str):
        self.program, self.language = program, language
        self.texts = program.texts(language)
        meter = float(program.mood)
        self.summary = RunningSummary(meter, start_low(program, meter))
        self.points = [JourneyPoint("start", program.start, meter, _level(meter, program.meter_max), None)]
        self.entries: list[DebriefEntry] = []
        self.decisions = dict.fromkeys(STAGES, 0)  # by stage: how many decisions, the sum of their ratings
        self.ratings = dict.fromkeys(STAGES, 0)

    def line(self, node_id: str) -> None:
        """The node ``node_id`` is shown: its `meter` event, if any, moves the summary and the journey."""
        summary = self.summary
        entered = enter_node(self.program, summary.meter, node_id)
        if entered != summary.meter:
            summary.event(entered)
            self.points.append(JourneyPoint("event", node_id, entered, _level(entered, self.program.meter_max),
                                            None))

    def decision(self, node: RNode, step: Step, chosen: RChoice, candidates: Sequence[RChoice]) -> None:
        """``chosen`` was taken at ``node``; ``candidates``: open choices that may be the best missed.

        ``candidates`` may be every open choice or only those rated above ``chosen``.
        """
        # Where no choice has a condition, every choice was open: the best one is known in advance.
        best = best_missed(candidates, chosen) if node.gated else node.top
        if best is not None and best.rating <= chosen.rating:
            best = None
        memo = self.program.debriefs
        key = (self.language, step, best.index if best is not None else -1)
        known = memo.get(key)
        if known is None:
            if len(memo) >= MAX_DEBRIEFS:
                memo.clear()
            known = memo[key] = self._entry_fields(node, step, chosen, best)
        fields, level_after = known
        number = len(self.entries) + 1
        self.entries.append(DebriefEntry(number, *fields))
        if step.stage in self.decisions:
            self.decisions[step.stage] += 1
            self.ratings[step.stage] += step.rating
        self.summary.decision(step.stage, step.rating, step.meter_after)
        self.points.append(JourneyPoint("decision", step.node, step.meter_after, level_after, number))

    def _entry_fields(self, node: RNode, step: Step, chosen: RChoice,
                      best: Optional[RChoice]) -> tuple[tuple, int]:
        """A debrief entry's fields after its number, and the meter's level after the decision: the same for
        every run that takes ``chosen`` from the same meter with the same best choice missed, so kept."""
        said = self.texts[node.id]
        meter_max = self.program.meter_max
        level_after = _level(step.meter_after, meter_max)
        missed = (said.options[best.index], best.id, best.rating, said.feedback[best.index]) if best else _NONE_MISSED
        # Positional, in field order (node ... principles, then the four best_missed fields).
        return (step.node, said.text, said.options[chosen.index], chosen.id, step.stage, step.rating, step.delta,
                step.meter_after, _level(step.meter_before, meter_max), level_after, said.feedback[chosen.index],
                chosen.principles, *missed), level_after

    def finish(self, state: State, ending: REnding) -> Scorecard:
        """The scorecard of the finished run ``state`` (which reached ``ending``)."""
        program, language, summary = self.program, self.language, self.summary
        debrief = tuple(self.entries)
        reading = read_run(program, summary, ending)
        lost = reading.penalties
        stages = tuple(map(_stage_score, STAGES, self.decisions.values(), self.ratings.values()))
        skipped, out_of_order = _process_mistakes(lost)
        mean = round(summary.total / summary.count, 2) if summary.count else None
        level = relationship(reading.customer)
        return Scorecard(
            scene=program.id,
            ending=ending.id,
            ending_title=pick(ending.title, language),
            outcome=ending.outcome,
            score=reading.score,
            grade=grade(reading.score),
            relationship=level,
            relationship_label=relationship_label(level),
            service_level=SERVICE_LEVELS[level],
            word_of_mouth=WORD_OF_MOUTH[level],
            customer_score=reading.customer_score,
            felt=round(reading.felt, 2),
            satisfaction=state.meter,
            satisfaction_level=_level(state.meter, program.meter_max),
            low_point=summary.low,
            technique=Technique(reading.technique, mean, stages, lost, skipped, out_of_order),
            journey=tuple(self.points),
            stages=stages,
            skipped_stages=skipped,
            out_of_order=out_of_order,
            penalties=lost,
            worst_moment=_moment(debrief, worst=True),
            last_moment=_moment(debrief, worst=False),
            debrief=debrief,
        )


# A run's penalties are one of a few shared tuples (see game.scoring), so what they say is looked up.
@lru_cache(maxsize=256)
def _process_mistakes(lost: tuple[Penalty, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stages skipped (``confirm`` last) and the order mistakes the penalties ``lost`` name."""
    skipped = tuple(p.code.removeprefix("skipped_") for p in lost if p.code.startswith("skipped_")) \
        + (("confirm",) if any(p.code == "no_confirm" for p in lost) else ())
    out_of_order = tuple(p.code for p in lost if p.code in ("offer_before_explore", "act_before_offer"))
    return skipped, out_of_order


@lru_cache(maxsize=1024)  # 4 stages x a few counts x a few totals: shared, immutable results
def _stage_score(stage: str, decisions: int, total: int) -> StageScore:
    """A stage's score from how many decisions used it and the sum of their ratings (all it depends on)."""
    if not decisions:
        return StageScore(stage, 0, None, None)
    average = total / decisions
    return StageScore(stage, decisions, round(average, 2), round((average + 3) / 6 * 100, 1))


_rating = attrgetter("rating")


def _moment(debrief: tuple[DebriefEntry, ...], worst: bool) -> Optional[Moment]:
    if not debrief:
        return None
    entry = min(debrief, key=_rating) if worst else debrief[-1]
    return Moment(entry.number, entry.choice, entry.rating)


def best_missed(open_now: Sequence[RChoice], chosen: RChoice) -> Optional[RChoice]:
    """The highest-rated open choice (the first of them), when it was rated above the one chosen."""
    best = max(open_now, key=lambda c: c.rating, default=None)
    return best if best is not None and best.rating > chosen.rating else None
