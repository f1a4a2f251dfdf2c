"""MOT scoring: the path summary, the 0-100 score and the ending scorecard.

The score depends on a path only through a small :class:`Summary` (meter,
worst and last moment, stages used, order mistakes), built step by step by
:func:`advance`. Playing a run and analysing a scene use these same two
functions, so the best and worst scores that ``analyze`` predicts are exactly
what playing those paths produces. The reasoning behind every weight is in
docs/scoring.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

from game.program import Program, REnding
from game.vocab import MOT_LABELS, STAGES

STAGE_BITS = {stage: 1 << index for index, stage in enumerate(STAGES)}
OFFER_BEFORE_EXPLORE = 1
ACT_BEFORE_OFFER = 2

GRADE_BANDS = ((85, "A"), (70, "B"), (55, "C"), (40, "D"), (0, "F"))
SERVICE_LEVELS = {-3: "not reached", -2: "not reached", -1: "not reached",
                  0: "basic", 1: "satisfying", 2: "value-added", 3: "memorable"}
# Seeds 002/003: a dissatisfied customer tells 10-20 people, a satisfied one 1-5.
WORD_OF_MOUTH = {-3: -20, -2: -15, -1: -10, 0: 0, 1: 1, 2: 3, 3: 5}


@dataclass(frozen=True)
class Summary:
    """What the score needs to know about a path so far.

    Attributes:
        meter: The satisfaction meter.
        worst: The lowest rating chosen so far (None before any decision).
        last: The most recent rating chosen (None before any decision).
        stages: Bit set of the MOT stages used (see ``STAGE_BITS``).
        order: Bit set of order mistakes (``OFFER_BEFORE_EXPLORE``, ``ACT_BEFORE_OFFER``).
    """

    meter: float
    worst: Optional[int] = None
    last: Optional[int] = None
    stages: int = 0
    order: int = 0


def start_summary(program: Program) -> Summary:
    """The summary before any decision."""
    return Summary(meter=float(program.mood))


def advance(summary: Summary, stage: str, rating: int, meter_after: float) -> Summary:
    """The summary after one decision."""
    order = summary.order
    if stage == "offer" and not summary.stages & STAGE_BITS["explore"]:
        order |= OFFER_BEFORE_EXPLORE
    if stage == "act" and not summary.stages & STAGE_BITS["offer"]:
        order |= ACT_BEFORE_OFFER
    worst = rating if summary.worst is None else min(summary.worst, rating)
    return Summary(meter_after, worst, rating, summary.stages | STAGE_BITS[stage], order)


@dataclass(frozen=True)
class Penalty:
    """Points lost for the process, with a code a window can translate."""

    code: str  # offer_before_explore, act_before_offer, no_confirm, skipped_<stage>
    points: float


def penalties(program: Program, summary: Summary) -> list[Penalty]:
    """The process penalties a finished path earns."""
    w = program.weights
    found = []
    if summary.order & OFFER_BEFORE_EXPLORE:
        found.append(Penalty("offer_before_explore", w.offer_before_explore))
    if summary.order & ACT_BEFORE_OFFER:
        found.append(Penalty("act_before_offer", w.act_before_offer))
    for stage in ("explore", "offer", "act"):
        if not summary.stages & STAGE_BITS[stage]:
            found.append(Penalty(f"skipped_{stage}", w.skipped_stage))
    if not summary.stages & STAGE_BITS["confirm"]:
        found.append(Penalty("no_confirm", w.no_confirm))
    return found


def score(program: Program, summary: Summary, ending: REnding) -> float:
    """The 0-100 score of a path that reached ``ending`` (one decimal)."""
    w = program.weights
    span = program.meter_max - program.meter_min
    worst = 0 if summary.worst is None else summary.worst
    last = 0 if summary.last is None else summary.last
    base = (w.outcome * (ending.outcome + 3) / 6
            + w.meter * (summary.meter - program.meter_min) / span
            + w.worst * (worst + 3) / 6
            + w.last * (last + 3) / 6)
    points = 100 * base - sum(p.points for p in penalties(program, summary))
    return round(min(100.0, max(0.0, points)), 1)


def grade(value: float) -> str:
    """Letter grade for a score (bands in docs/scoring.md)."""
    return next(letter for floor, letter in GRADE_BANDS if value >= floor)


def relationship(value: float) -> int:
    """The score read on the seed's MOT scale, -3 to +3."""
    return max(-3, min(3, math.floor((value - 50) / 50 * 3 + 0.5)))


def relationship_label(level: int) -> str:
    """English label of a MOT level (+3 delighted ... -3 relationship endangered)."""
    return MOT_LABELS[level]
