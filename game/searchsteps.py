"""The score search's arithmetic: summaries numbered once, their steps, comparisons and scores looked up.

:mod:`game.analysis` searches over labels whose summaries are these small integers.
"""

from __future__ import annotations

from dataclasses import replace

from game.engine import apply_meter, enter_node, open_among
from game.program import Program, RChoice, RNode
from game.scoring import STAGE_BITS, Summary, advance, advance_event, score

# Each of the score search's caches is emptied when it holds this many results: a 40k-node scene
# meets millions of (summary, node) pairs, most of them once, and the caches outgrew everything else.
CACHE_ENTRIES = 1 << 17


def better_or_equal(a: Summary, b: Summary, maximise: bool) -> bool:
    """True when ``a`` can end no worse than ``b`` (no better, when minimising) from the same place.

    The score grows with the meter, its low point and the last rating (the worst rating is shown on
    the card but not scored); stages already used can only prevent later penalties, and order
    mistakes already made can only add them. The mean rating is no worse whatever follows when the
    sum of (rating + 3) is no smaller over no more decisions (for the worst score: the sum of
    (3 - rating)). The search forgets ``last`` when it cannot count (see :func:`_extreme`).
    """
    if a.count > b.count:
        return False
    a_low, b_low = (99.0 if a.low is None else a.low), (99.0 if b.low is None else b.low)
    a_last, b_last = (4 if a.last is None else a.last), (4 if b.last is None else b.last)
    if maximise:
        return (a.meter >= b.meter and a_low >= b_low and a_last >= b_last
                and a.total + 3 * a.count >= b.total + 3 * b.count
                and a.stages & b.stages == b.stages and a.order & b.order == a.order)
    return (a.meter <= b.meter and a_low <= b_low and a_last <= b_last
            and 3 * a.count - a.total >= 3 * b.count - b.total
            and a.stages & b.stages == a.stages and a.order & b.order == b.order)


class Steps:
    """The search's arithmetic, each result computed once.

    A scene of any size meets only a few thousand distinct summaries (meter, worst, last, stages,
    order), so each is numbered once and the search moves small integers around: advancing a
    summary by a choice, comparing two summaries and scoring one at an ending are looked up, and
    the open choices are worked out once per (node, flags, meter when a condition reads it).
    """

    def __init__(self, program: Program, maximise: bool):
        self.program = program
        self.maximise = maximise
        self.summaries: list[Summary] = []
        self.meters: list[float] = []
        self.counts_last = program.weights.last > 0
        self.node_number = {node_id: number for number, node_id in enumerate(program.nodes)}
        self.meter_number: list[int] = []  # each distinct meter value numbered
        self._meter_numbers: dict[float, int] = {}
        self._ids: dict[Summary, int] = {}
        self._after: dict[int, int] = {}  # int keys: hashed far faster than tuples
        self._dominates: dict[int, bool] = {}
        self._open: dict[int, tuple[RChoice, ...]] = {}
        self._scores: dict[tuple[int, str], float] = {}

    def intern(self, summary: Summary) -> int:
        """The number of ``summary``."""
        found = self._ids.get(summary)
        if found is None:
            found = self._ids[summary] = len(self.summaries)
            self.summaries.append(summary)
            self.meters.append(summary.meter)
            self.meter_number.append(self._meter_numbers.setdefault(summary.meter, len(self._meter_numbers)))
        return found

    def after(self, sid: int, choice: RChoice, forget_last: bool) -> int:
        """The summary after taking ``choice``; ``forget_last`` when another decision will replace the last moment."""
        code = (STAGE_BITS[choice.stage] << 4) | ((choice.rating + 3) << 1) | forget_last
        key = ((sid << 8 | code) << 24) | self.node_number[choice.next]
        found = self._after.get(key)
        if found is None:
            summary, program = self.summaries[sid], self.program
            meter = apply_meter(program, summary.meter, choice.rating)
            after = advance(summary, choice.stage, choice.rating, meter)
            after = advance_event(after, enter_node(program, meter, choice.next))
            if not self.counts_last or forget_last:  # the last rating cannot count: forget it
                after = replace(after, last=None, worst=None)
            else:
                after = replace(after, worst=None)  # shown on the card, never scored
            found = self._after[key] = self.intern(after)
            if len(self._after) > CACHE_ENTRIES:
                self._after.clear()
        return found

    def enter(self, sid: int, node_id: str) -> int:
        """The summary once the line of ``node_id`` is shown (its meter event applied)."""
        key = -1 - ((sid << 24) | self.node_number[node_id])  # negative: apart from the choices' keys
        found = self._after.get(key)
        if found is None:
            summary = self.summaries[sid]
            found = self._after[key] = self.intern(
                advance_event(summary, enter_node(self.program, summary.meter, node_id)))
        return found

    def dominates(self, a: int, b: int) -> bool:
        """True when summary ``a`` can end no worse than ``b`` from the same place (see :func:`better_or_equal`)."""
        if a == b:
            return True
        key = a << 32 | b
        found = self._dominates.get(key)
        if found is None:
            if len(self._dominates) >= CACHE_ENTRIES:
                self._dominates.clear()
            found = self._dominates[key] = better_or_equal(self.summaries[a], self.summaries[b], self.maximise)
        return found

    def open_choices(self, node: RNode, flags: frozenset, sid: int, place: int) -> tuple[RChoice, ...]:
        """The choices open at ``node`` with ``flags`` and summary ``sid``'s meter; ``place`` numbers (node, flags)."""
        if not node.gated:  # every choice open whatever the flags and meter
            return node.choices
        key = place << 24 | self.meter_number[sid] if self.program.reads_meter else place
        found = self._open.get(key)
        if found is None:
            if len(self._open) >= CACHE_ENTRIES:
                self._open.clear()
            found = self._open[key] = tuple(open_among(node.choices, flags, self.meters[sid]))
        return found

    def score(self, sid: int, ending: str) -> float:
        """The 0-100 score of summary ``sid`` at ``ending``."""
        key = (sid, ending)
        found = self._scores.get(key)
        if found is None:
            found = self._scores[key] = score(self.program, self.summaries[sid], self.program.endings[ending])
        return found
