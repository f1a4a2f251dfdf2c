"""The scorecard of a finished run: the outcome for the customer, the technique, moments, debrief.

The two readings are kept apart (see :mod:`game.scoring`): relationship,
service level and word of mouth describe the outcome for the customer and
always agree with the ending; the technique line holds the process. Built from
a finished :class:`~game.engine.State` by replaying its steps, so it needs
nothing a save does not already hold.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Optional

from game.engine import EngineError, State, Story, apply_effects, enter_node, open_among
from game.program import RChoice
from game.ltext import pick
from game.scoring import (
    SERVICE_LEVELS, WORD_OF_MOUTH, Penalty, Summary, advance, advance_event, customer_reading, customer_score,
    felt, grade, penalties, relationship, relationship_label, score, start_summary, technique,
)
from game.vocab import STAGES, meter_level


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Moment:
    """The worst or last moment: which decision (1-based) and its rating."""

    decision: int
    choice: str
    rating: int


@dataclass(frozen=True)
class JourneyPoint:
    """The meter at one point of the run: the start, after a decision, or after a line's event."""

    kind: str  # "start", "decision" or "event"
    node: str
    meter: float
    level: int
    decision: Optional[int]  # 1-based decision number for kind "decision"


@dataclass(frozen=True)
class Technique:
    """The technique reading: how the explore-offer-act-confirm process went, 0-100."""

    score: float
    mean_rating: Optional[float]
    stages: tuple[StageScore, ...]
    penalties: tuple[Penalty, ...]
    skipped_stages: tuple[str, ...]
    out_of_order: tuple[str, ...]


@dataclass(frozen=True)
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
    """Score a run that has reached an ending.

    Raises:
        EngineError: when the state is not at an ending.
    """
    program = story.program
    ending = story.ending(state)
    if ending is None:
        raise EngineError(f"the run has not reached an ending (it is at node '{state.node}')")
    summary, journey = _replay_journey(story, state)
    value = score(program, summary, ending)
    level = relationship(customer_reading(program, summary, ending))
    debrief = tuple(_debrief(story, state, language))
    lost = tuple(penalties(program, summary))
    stages = tuple(_stage_scores(state))
    skipped = tuple(p.code.removeprefix("skipped_") for p in lost if p.code.startswith("skipped_")) \
        + (("confirm",) if any(p.code == "no_confirm" for p in lost) else ())
    out_of_order = tuple(p.code for p in lost if p.code in ("offer_before_explore", "act_before_offer"))
    mean = round(summary.total / summary.count, 2) if summary.count else None
    return Scorecard(
        scene=program.id,
        ending=ending.id,
        ending_title=pick(ending.title, language),
        outcome=ending.outcome,
        score=value,
        grade=grade(value),
        relationship=level,
        relationship_label=relationship_label(level),
        service_level=SERVICE_LEVELS[level],
        word_of_mouth=WORD_OF_MOUTH[level],
        customer_score=customer_score(program, summary, ending),
        felt=round(felt(program, summary), 2),
        satisfaction=state.meter,
        satisfaction_level=meter_level(state.meter, program.meter_max),
        low_point=summary.low,
        technique=Technique(technique(program, summary), mean, stages, lost, skipped, out_of_order),
        journey=journey,
        stages=stages,
        skipped_stages=skipped,
        out_of_order=out_of_order,
        penalties=lost,
        worst_moment=_moment(debrief, worst=True),
        last_moment=_moment(debrief, worst=False),
        debrief=debrief,
    )


def _replay_journey(story: Story, state: State) -> tuple[Summary, tuple[JourneyPoint, ...]]:
    """The scoring summary and the meter's journey, from the nodes visited and the decisions taken.

    Every line shown applies its `meter` event; every decision applies its rating.
    """
    program = story.program
    meter = float(program.mood)
    summary = start_summary(program, meter)
    points = [JourneyPoint("start", program.start, meter, meter_level(meter, program.meter_max), None)]
    steps = iter(enumerate(state.steps, start=1))
    for position, node_id in enumerate(state.visited):
        if position and program.nodes[state.visited[position - 1]].choices:
            number, step = next(steps)
            summary = advance(summary, step.stage, step.rating, step.meter_after)
            points.append(JourneyPoint("decision", step.node, step.meter_after,
                                       meter_level(step.meter_after, program.meter_max), number))
        entered = enter_node(program, summary.meter, node_id)
        if entered != summary.meter:
            summary = advance_event(summary, entered)
            points.append(JourneyPoint("event", node_id, entered, meter_level(entered, program.meter_max), None))
    return summary, tuple(points)


def _stage_scores(state: State) -> list[StageScore]:
    result = []
    for stage in STAGES:
        ratings = [step.rating for step in state.steps if step.stage == stage]
        if not ratings:
            result.append(StageScore(stage, 0, None, None))
            continue
        average = sum(ratings) / len(ratings)
        result.append(StageScore(stage, len(ratings), round(average, 2), round((average + 3) / 6 * 100, 1)))
    return result


def _moment(debrief: tuple[DebriefEntry, ...], worst: bool) -> Optional[Moment]:
    if not debrief:
        return None
    entry = min(debrief, key=lambda e: e.rating) if worst else debrief[-1]
    return Moment(entry.number, entry.choice, entry.rating)


def _debrief(story: Story, state: State, language: str) -> list[DebriefEntry]:
    """Go over the run's decisions, noting at each the best open choice the player missed.

    What was open at a decision depends on the flags and the meter then: the meter is in the
    step, the flags are the effects of the choices before it. Following those alone (not
    replaying whole states) keeps the scorecard cheap next to the run itself.
    """
    flags: frozenset = frozenset()
    entries = []
    for number, step in enumerate(state.steps, start=1):
        node = story.program.nodes.get(step.node)
        chosen = next((c for c in node.choices if c.id == step.choice), None) if node is not None else None
        open_now = open_among(node.choices, flags, step.meter_before) if node is not None else []
        if node is None or chosen is None or not any(c is chosen for c in open_now):  # identity, not ==
            raise EngineError(f"decision {number}: choice '{step.choice}' is not open at node '{step.node}'")
        best = best_missed(open_now, chosen)
        entries.append(DebriefEntry(
            number=number,
            node=step.node,
            situation=pick(node.text, language),
            choice=pick(chosen.text, language),
            choice_id=chosen.id,
            stage=step.stage,
            rating=step.rating,
            delta=step.delta,
            meter_after=step.meter_after,
            level_before=meter_level(step.meter_before, story.program.meter_max),
            level_after=meter_level(step.meter_after, story.program.meter_max),
            feedback=pick(chosen.feedback, language),
            principles=chosen.principles,
            best_missed=pick(best.text, language) if best else None,
            best_missed_id=best.id if best else None,
            best_missed_rating=best.rating if best else None,
            best_missed_feedback=pick(best.feedback, language) if best else None,
        ))
        flags = apply_effects(flags, chosen)
    return entries


def best_missed(open_now: list[RChoice], chosen: RChoice) -> Optional[RChoice]:
    """The highest-rated open choice, when it was rated above the one chosen."""
    best = max(open_now, key=lambda c: c.rating, default=None)
    return best if best is not None and best.rating > chosen.rating else None
