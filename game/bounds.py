"""Optimistic bounds on the score a partial path can still reach, for the extreme-score search.

:func:`game.analysis.analyze` looks for the best (and the worst) score over every path. Most partial
paths of a big scene can no longer beat the best ending already found; a bound on the score any
continuation can reach lets the search drop them without losing exactness (branch and bound).

The bounds relax the scene: every choice counts as open (conditions and flags are ignored) and each
part of the score is bounded on its own, as if the most favourable future for the meter, the low
point, the mean rating and the penalties could all be had at once. The score is monotone in each of
these parts, so :func:`game.scoring.score` of a summary made of the per-part bounds is a bound on
the score of every real continuation. At an ending the bound is the exact score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Mapping, Optional

from game.engine import meter_change
from game.program import Program, REnding
from game.scoring import (ACT_BEFORE_OFFER, OFFER_BEFORE_EXPLORE, STAGE_BITS, Summary, customer_score, penalties,
                          score)

# move_meter rounds to three decimals, so a gain can overshoot its nominal size by half a thousandth
ROUNDING_SLACK = 0.0005
# more distinct future decision counts than this at one node: bound the mean rating without them
MAX_FUTURE_COUNTS = 48

_Future = dict[int, tuple[int, int]]  # decisions still to take -> (highest, lowest) sum of their ratings


@dataclass
class _Edge:
    target: int
    rating: Optional[int]  # None: a line's ``next``, not a decision
    stage: int  # bit of the choice's stage (0 for a line)
    gain: float  # most the meter can rise on the way (the choice, then the target's event)
    loss: float  # most it can fall
    back: bool  # a way back (see game.analysis.ways_back)


class Outlook:
    """Per node and per number of ways back still allowed: what every continuation can still do.

    Each attribute is a list (one per number of ways back left, 0 to ``limit``) of lists indexed
    by the node's position in ``program.nodes``. Without its ways back the scene is acyclic, so
    each level is filled in one pass over the nodes, the nodes a node leads to first.
    """

    def __init__(self, program: Program, back: Mapping[str, frozenset[int]], order: list[str], limit: int):
        self.program = program
        ids = list(program.nodes)
        number = {node_id: index for index, node_id in enumerate(ids)}
        edges = {number[node_id]: _edges(program, node_id, number, back[node_id]) for node_id in order}
        size = len(ids)
        self.gain: list[list[float]] = []  # most the meter can rise from here
        self.loss: list[list[float]] = []
        self.stages: list[list[int]] = []  # stages of every choice still reachable
        self.rating_max: list[list[Optional[int]]] = []  # None: no decision ahead
        self.rating_min: list[list[Optional[int]]] = []
        self.can_end_now: list[list[bool]] = []  # an ending is reachable without another decision
        self.best_ending: list[list[Optional[REnding]]] = []  # highest outcome reachable
        self.worst_ending: list[list[Optional[REnding]]] = []
        self.future: list[list[Optional[_Future]]] = []  # None: too many different lengths
        for level in range(limit + 1):
            for column in (self.gain, self.loss):
                column.append([0.0] * size)
            self.stages.append([0] * size)
            self.rating_max.append([None] * size)
            self.rating_min.append([None] * size)
            self.can_end_now.append([False] * size)
            self.best_ending.append([None] * size)
            self.worst_ending.append([None] * size)
            self.future.append([None] * size)
            for node_id in order:
                self._fill(level, number[node_id], edges[number[node_id]], program.nodes[node_id].ending)

    def _fill(self, level: int, node: int, edges: list[_Edge], ending_id: Optional[str]) -> None:
        gain = loss = 0.0
        stages, rmax, rmin, can_end = 0, None, None, ending_id is not None
        endings = [self.program.endings[ending_id]] if ending_id is not None else []
        future: Optional[_Future] = {0: (0, 0)} if ending_id is not None else {}
        for edge in edges:
            if edge.back and level == 0:
                continue
            at, target = (level - 1 if edge.back else level), edge.target
            gain = max(gain, edge.gain + self.gain[at][target])
            loss = max(loss, edge.loss + self.loss[at][target])
            stages |= edge.stage | self.stages[at][target]
            rmax = _pick(max, _pick(max, rmax, edge.rating), self.rating_max[at][target])
            rmin = _pick(min, _pick(min, rmin, edge.rating), self.rating_min[at][target])
            can_end = can_end or (edge.rating is None and self.can_end_now[at][target])
            endings.extend(e for e in (self.best_ending[at][target], self.worst_ending[at][target]) if e)
            future = _joined(future, self.future[at][target], edge.rating)
        self.gain[level][node], self.loss[level][node], self.stages[level][node] = gain, loss, stages
        self.rating_max[level][node], self.rating_min[level][node] = rmax, rmin
        self.can_end_now[level][node] = can_end
        self.future[level][node] = future
        if endings:
            self.best_ending[level][node] = max(endings, key=lambda e: e.outcome)
            self.worst_ending[level][node] = min(endings, key=lambda e: e.outcome)


def _joined(future: Optional[_Future], after: Optional[_Future], rating: Optional[int]) -> Optional[_Future]:
    """``future`` with the continuations through one more way out added (None: too many lengths)."""
    if future is None or after is None:
        return None
    step, rating = (0, 0) if rating is None else (1, rating)
    for count, (high, low) in after.items():
        key, high, low = count + step, high + rating, low + rating
        found = future.get(key)
        future[key] = (high, low) if found is None else (max(found[0], high), min(found[1], low))
    return future if len(future) <= MAX_FUTURE_COUNTS else None


def _pick(choose: Callable[[int, int], int], a: Optional[int], b: Optional[int]) -> Optional[int]:
    if a is None:
        return b
    return a if b is None else choose(a, b)


def _edges(program: Program, node_id: str, number: dict[str, int], back: frozenset[int]) -> list[_Edge]:
    node = program.nodes[node_id]
    edges = []
    if node.next is not None:
        event = program.nodes[node.next].meter or 0.0
        edges.append(_Edge(number[node.next], None, 0, *_moves(event), 0 in back))
    for position, choice in enumerate(node.choices, start=1):
        event = program.nodes[choice.next].meter or 0.0
        gain_c, loss_c = _moves(meter_change(program, choice.rating))
        gain_e, loss_e = _moves(event)
        edges.append(_Edge(number[choice.next], choice.rating, STAGE_BITS[choice.stage],
                           gain_c + gain_e, loss_c + loss_e, position in back))
    return edges


def _moves(change: float) -> tuple[float, float]:
    """(most it can raise the meter, most it can lower it) for one move of nominal ``change``."""
    if change > 0:
        return change + ROUNDING_SLACK, 0.0
    if change < 0:
        return 0.0, -change + ROUNDING_SLACK
    return 0.0, 0.0


class Bounds:
    """The most (or least, when minimising) score a label can still reach, cached per (node, summary)."""

    def __init__(self, program: Program, maximise: bool, outlook: Outlook):
        self.program = program
        self.maximise = maximise
        self.outlook = outlook
        self.counts_last = program.weights.last > 0

    def of(self, node: int, summary: Summary, level: int) -> tuple[float, float]:
        """The bound for a path at node number ``node`` with ``summary`` and ``level`` ways back left.

        At an ending it is the exact score. Also returns the same bound before the score is kept
        within 0-100: among paths whose bounds are both 0 (or 100), the one that goes furthest
        past it is the one to follow first.
        """
        look, program = self.outlook, self.program
        ending = look.best_ending[level][node] if self.maximise else look.worst_ending[level][node]
        if ending is None:  # no ending reachable: this path can never be scored
            never = -math.inf if self.maximise else math.inf
            return never, never
        if self.maximise:
            meter = min(float(program.meter_max), summary.meter + look.gain[level][node])
            stages, order = summary.stages | look.stages[level][node], summary.order
            rating = look.rating_max[level][node]
        else:
            meter = max(float(program.meter_min), summary.meter - look.loss[level][node])
            stages = summary.stages
            order = summary.order | _possible_order_mistakes(summary.stages, look.stages[level][node])
            rating = look.rating_min[level][node]
        low = meter if summary.low is None else min(summary.low, meter)
        total, count = self._mean(node, summary, rating, level)
        last = self._last(node, summary, rating, level)
        bound_summary = Summary(meter=meter, low=low, last=last, stages=stages, order=order, total=total, count=count)
        return score(program, bound_summary, ending), _unclamped(program, bound_summary, ending)

    def _last(self, node: int, summary: Summary, rating: Optional[int], level: int) -> Optional[int]:
        if not self.counts_last:
            return None
        candidates = [] if rating is None else [rating]
        if self.outlook.can_end_now[level][node]:
            candidates.append(0 if summary.last is None else summary.last)
        return (max if self.maximise else min)(candidates)

    def _mean(self, node: int, summary: Summary, rating: Optional[int], level: int) -> tuple[int, int]:
        """(total, count) whose mean is the highest (lowest) mean rating a continuation can reach."""
        future = self.outlook.future[level][node]
        total, count = summary.total, summary.count
        if future is not None:
            options = [(total + (high if self.maximise else low), count + more)
                       for more, (high, low) in future.items()]
        else:  # the mean of a longer path lies between the mean so far and the ratings still to come
            options = [(total, count)]
            if rating is not None:
                options.append((rating, 1))
        pick = max if self.maximise else min
        return pick(options, key=lambda pair: pair[0] / pair[1] if pair[1] else 0.0)


def _unclamped(program: Program, summary: Summary, ending: REnding) -> float:
    """:func:`game.scoring.score` before its technique and its total are kept within 0-100."""
    share = program.weights.technique
    mean = summary.total / summary.count if summary.count else 0.0
    technique = 100 * (mean + 3) / 6 - sum(p.points for p in penalties(program, summary))
    return (1 - share) * customer_score(program, summary, ending) + share * technique


def _possible_order_mistakes(stages: int, ahead: int) -> int:
    mistakes = 0
    if ahead & STAGE_BITS["offer"] and not stages & STAGE_BITS["explore"]:
        mistakes |= OFFER_BEFORE_EXPLORE
    if ahead & STAGE_BITS["act"] and not stages & STAGE_BITS["offer"]:
        mistakes |= ACT_BEFORE_OFFER
    return mistakes
