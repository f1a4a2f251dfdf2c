"""MOT scoring: the path summary, the two readings of a run, and the 0-100 score.

A run is read twice, and the two readings are kept apart:

* *Outcome for the customer* (:func:`customer_reading`): the ending's outcome,
  moved by at most one step by how the journey felt (the meter's worst and
  last moments, peak-end). Relationship, service level and word of mouth come
  from it, never from process penalties.
* *Technique* (:func:`technique`): the mean rating of the player's choices and
  the explore-offer-act-confirm process penalties.

The score depends on a path only through a small :class:`Summary`, built step
by step by :func:`advance` and :func:`advance_event`. Playing a run and
analysing a scene use these same functions, so the best and worst scores that
``analyze`` predicts are exactly what playing those paths produces. The
reasoning behind every weight is in docs/scoring.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Optional, Sequence

from game.program import Program, REnding
from game.vocab import MOT_LABELS, STAGES, meter_position, round_level

STAGE_BITS = {stage: 1 << index for index, stage in enumerate(STAGES)}
OFFER_BEFORE_EXPLORE = 1
ACT_BEFORE_OFFER = 2

GRADE_BANDS = ((85, "A"), (70, "B"), (55, "C"), (40, "D"), (0, "F"))
SERVICE_LEVELS = {-3: "not reached", -2: "not reached", -1: "not reached",
                  0: "basic", 1: "satisfying", 2: "value-added", 3: "memorable"}
# Seeds 002/003: a dissatisfied customer tells 10-20 people, a satisfied one 1-5.
WORD_OF_MOUTH = {-3: -20, -2: -15, -1: -10, 0: 0, 1: 1, 2: 3, 3: 5}
# How far the felt journey may move the relationship away from the ending's outcome: the ending is
# what happened, and the card must not contradict the text the player has just read.
MAX_NUDGE = 1.0


@dataclass(frozen=True, slots=True)  # slots: the score search keeps tens of thousands
class Summary:
    """What the score needs to know about a path so far.

    Attributes:
        meter: The satisfaction meter.
        low: The lowest the meter fell after a moment that lowered it (None while none has).
        worst: The lowest rating chosen so far (None before any decision).
        last: The most recent rating chosen (None before any decision).
        stages: Bit set of the MOT stages used (see ``STAGE_BITS``).
        order: Bit set of order mistakes (``OFFER_BEFORE_EXPLORE``, ``ACT_BEFORE_OFFER``).
        total: Sum of the ratings chosen.
        count: Number of decisions taken.
    """

    meter: float
    low: Optional[float] = None
    worst: Optional[int] = None
    last: Optional[int] = None
    stages: int = 0
    order: int = 0
    total: int = 0
    count: int = 0


def start_summary(program: Program, meter: Optional[float] = None) -> Summary:
    """The summary before any decision (``meter``: default the customer's mood).

    A customer who arrives at the very bottom of the meter has had their worst moment already (and no
    later step can lower the meter to record it).
    """
    value = float(program.mood) if meter is None else meter
    return Summary(meter=value, low=start_low(program, value))


def start_low(program: Program, meter: float) -> Optional[float]:
    """The low point a run starts with at ``meter`` (see :func:`start_summary`)."""
    return meter if meter <= program.meter_min else None


def _low_after(summary: Summary, meter_after: float) -> Optional[float]:
    if meter_after >= summary.meter:
        return summary.low
    return meter_after if summary.low is None else min(summary.low, meter_after)


def advance(summary: Summary, stage: str, rating: int, meter_after: float) -> Summary:
    """The summary after one decision."""
    order = summary.order
    if stage == "offer" and not summary.stages & STAGE_BITS["explore"]:
        order |= OFFER_BEFORE_EXPLORE
    if stage == "act" and not summary.stages & STAGE_BITS["offer"]:
        order |= ACT_BEFORE_OFFER
    worst = rating if summary.worst is None else min(summary.worst, rating)
    return Summary(meter_after, _low_after(summary, meter_after), worst, rating,
                   summary.stages | STAGE_BITS[stage], order, summary.total + rating, summary.count + 1)


def advance_event(summary: Summary, meter_after: float) -> Summary:
    """The summary after a line's `meter` event (a moment the player did not choose)."""
    if meter_after == summary.meter:
        return summary
    return Summary(meter_after, _low_after(summary, meter_after), summary.worst, summary.last,
                   summary.stages, summary.order, summary.total, summary.count)


class RunningSummary:
    """A :class:`Summary` kept up to date in place while one run is followed (the scorecard's).

    The same rules as :func:`advance` and :func:`advance_event` (tests/test_running_summary.py checks
    that both give the same summary), without a new frozen object per decision: a run that builds its
    scorecard as it goes made one per decision, 7 % of a random playthrough in a profile.
    """

    __slots__ = ("meter", "low", "worst", "last", "stages", "order", "total", "count")

    def __init__(self, meter: float, low: Optional[float]):
        """A run before any decision, as ``start_summary`` (``low``: :func:`start_low`)."""
        self.meter, self.low = meter, low
        self.worst: Optional[int] = None
        self.last: Optional[int] = None
        self.stages = self.order = self.total = self.count = 0

    def decision(self, stage: str, rating: int, meter_after: float) -> None:
        """As :func:`advance`."""
        if stage == "offer" and not self.stages & STAGE_BITS["explore"]:
            self.order |= OFFER_BEFORE_EXPLORE
        if stage == "act" and not self.stages & STAGE_BITS["offer"]:
            self.order |= ACT_BEFORE_OFFER
        self.worst = rating if self.worst is None else min(self.worst, rating)
        self.last = rating
        self.stages |= STAGE_BITS[stage]
        self.total += rating
        self.count += 1
        self._move(meter_after)

    def event(self, meter_after: float) -> None:
        """As :func:`advance_event`."""
        if meter_after != self.meter:
            self._move(meter_after)

    def _move(self, meter_after: float) -> None:
        if meter_after < self.meter:  # as _low_after: only a fall can set a new low point
            self.low = meter_after if self.low is None else min(self.low, meter_after)
        self.meter = meter_after

    def summary(self) -> Summary:
        """The summary so far."""
        return Summary(self.meter, self.low, self.worst, self.last, self.stages, self.order, self.total, self.count)


@dataclass(frozen=True)
class Penalty:
    """Points lost for the process, with a code a window can translate."""

    code: str  # offer_before_explore, act_before_offer, no_confirm, skipped_<stage>
    points: float


def penalties(program: Program, summary: Summary) -> list[Penalty]:
    """The process penalties a finished path earns."""
    w = program.weights
    return list(_penalties(w.offer_before_explore, w.act_before_offer, w.skipped_stage, w.no_confirm,
                           summary.order, summary.stages))


def _felt_sum(program: Program, summary: Summary | RunningSummary) -> float:
    """The journey's part of the customer reading: the weighted end, low point and last rating (MOT scale).

    With no moment that lowered the meter, the worst moment felt is the end itself.
    """
    w = program.weights
    end = _position(summary.meter, program.meter_max)
    low = end if summary.low is None else _position(summary.low, program.meter_max)
    last = 0 if summary.last is None else summary.last
    return w.meter * end + w.worst * low + w.last * last


# A run's meter takes few distinct values (rounded to 0.001, within the meter's span), and the position
# is asked for twice per reading: a memo of the pure function (as game.scorecard does for the level).
_position = lru_cache(maxsize=4096)(meter_position)


def felt(program: Program, summary: Summary) -> float:
    """How the journey felt on the MOT scale (-3..3): the meter's worst and last moments, weighted."""
    return _felt(program, _felt_sum(program, summary))


def _felt(program: Program, felt_sum: float) -> float:
    w = program.weights
    shares = w.meter + w.worst + w.last
    return 0.0 if shares == 0 else felt_sum / shares


def customer_reading(program: Program, summary: Summary, ending: REnding) -> float:
    """Outcome for the customer on the MOT scale (-3..3), before rounding.

    The ending's outcome and the felt journey, weighted; never more than one step from the outcome.
    """
    return _customer_reading(program, _felt_sum(program, summary), ending)


def _customer_reading(program: Program, felt_sum: float, ending: REnding) -> float:
    feeling = program.weights.outcome * ending.outcome + felt_sum
    return _nudged(ending.outcome, feeling)


def _nudged(outcome: int, feeling: float) -> float:
    low, high = max(-3.0, outcome - MAX_NUDGE), min(3.0, outcome + MAX_NUDGE)
    return min(high, max(low, feeling))


def technique(program: Program, summary: Summary) -> float:
    """Technique, 0-100: the mean rating of the choices scaled to 0-100, minus the process penalties."""
    return _technique(summary, penalties(program, summary))


def _technique(summary: Summary | RunningSummary, lost: Sequence[Penalty]) -> float:
    mean = summary.total / summary.count if summary.count else 0.0
    points = 100 * (mean + 3) / 6 - sum(p.points for p in lost)
    return round(min(100.0, max(0.0, points)), 1)


def customer_score(program: Program, summary: Summary, ending: REnding) -> float:
    """The customer reading on 0-100 (one decimal)."""
    return _customer_score(customer_reading(program, summary, ending))


def _customer_score(reading: float) -> float:
    return round(100 * (reading + 3) / 6, 1)


def score(program: Program, summary: Summary, ending: REnding) -> float:
    """The overall 0-100 score of a path that reached ``ending``: both readings, weighted (one decimal)."""
    return _score(program, customer_score(program, summary, ending), technique(program, summary))


def _score(program: Program, customer: float, process: float) -> float:
    share = program.weights.technique
    value = (1 - share) * customer + share * process
    return round(min(100.0, max(0.0, value)), 1)


class Reading(NamedTuple):
    """Both readings of a finished path and its score, each worked out once (what a scorecard shows).

    Attributes:
        customer: :func:`customer_reading`.
        customer_score: :func:`customer_score`.
        penalties: :func:`penalties`.
        technique: :func:`technique`.
        score: :func:`score`.
        felt: :func:`felt`.
    """

    customer: float
    customer_score: float
    penalties: tuple[Penalty, ...]
    technique: float
    score: float
    felt: float


def read_run(program: Program, summary: Summary | RunningSummary, ending: REnding) -> Reading:
    """Every reading of a path that reached ``ending``, the same numbers as the functions above give.

    The journey's weighted sum is worked out once and shared by the customer reading and ``felt``;
    a scorecard passes its :class:`RunningSummary` as it is (a frozen copy would only be read here).
    """
    w = program.weights
    lost = _penalties(w.offer_before_explore, w.act_before_offer, w.skipped_stage, w.no_confirm,
                      summary.order, summary.stages)
    felt_sum = _felt_sum(program, summary)
    customer = _customer_reading(program, felt_sum, ending)
    process = _technique(summary, lost)
    value = _customer_score(customer)
    return Reading(customer, value, lost, process, _score(program, value, process), _felt(program, felt_sum))


# Penalties depend only on four weights and two small bit sets: a run's are looked up, not rebuilt.
@lru_cache(maxsize=1024, typed=True)  # typed: a weight of 10 and one of 10.0 print differently
def _penalties(offer_before_explore: float, act_before_offer: float, skipped_stage: float, no_confirm: float,
               order: int, stages: int) -> tuple[Penalty, ...]:
    found = []
    if order & OFFER_BEFORE_EXPLORE:
        found.append(Penalty("offer_before_explore", offer_before_explore))
    if order & ACT_BEFORE_OFFER:
        found.append(Penalty("act_before_offer", act_before_offer))
    for stage in ("explore", "offer", "act"):
        if not stages & STAGE_BITS[stage]:
            found.append(Penalty(f"skipped_{stage}", skipped_stage))
    if not stages & STAGE_BITS["confirm"]:
        found.append(Penalty("no_confirm", no_confirm))
    return tuple(found)


def grade(value: float) -> str:
    """Letter grade for a score (bands in docs/scoring.md)."""
    return next(letter for floor, letter in GRADE_BANDS if value >= floor)


def relationship(reading: float) -> int:
    """The customer reading rounded to a MOT level, -3 to +3 (halves round away from zero)."""
    return round_level(reading)


def relationship_label(level: int) -> str:
    """English label of a MOT level (+3 delighted ... -3 relationship endangered)."""
    return MOT_LABELS[level]
