"""Scene analysis over the graph of game states, never path by path.

Two searches, both linear in the number of distinct states:

* The *state graph* (node, flags, and the meter when a condition reads it)
  gives the reachable nodes and endings, the decisions where no choice is
  open, the stages seen, and the number of distinct paths (dynamic
  programming over the acyclic state graph; unbounded when it loops).
* The best and worst scores come from a label-correcting search whose labels
  are the scoring :class:`~game.scoring.Summary`. The score grows with the
  meter, the worst moment and the last moment, so at a given (node, flags,
  stages, order mistakes) a label that is no better in all three is dropped:
  each place keeps only a small Pareto frontier.
"""

from __future__ import annotations

import heapq
import math
from array import array
from dataclasses import dataclass, field, replace
from typing import Optional

from game.conditions import METER_NAME, Compare, Expr, Logic, Name, Not, reads_meter
from game.bounds import Bounds, Outlook
from game.engine import apply_effects, apply_meter, enter_node, open_among
from game.gcpause import without_gc_pauses
from game.program import Program, RChoice, RNode
from game.reach import TooManyStates, explore, start_state, state_key
from game.scoring import STAGE_BITS, Summary, advance, advance_event, score, start_summary

MAX_STATES = 2_000_000
# A path of the score search may go back (round a loop) this many times; more only if no ending is
# reachable within it. Without a limit a loop could raise (or lower) the mean rating without end.
MAX_WAYS_BACK = 2


class AnalysisError(RuntimeError):
    """The scene has more states than the analysis explores."""


@dataclass(frozen=True)
class Extreme:
    """The best or worst reachable outcome and the path to it."""

    score: float
    ending: str
    path: tuple[str, ...]
    choices: tuple[int, ...]
    stages: tuple[str, ...]


@dataclass
class Analysis:
    """What ``python main.py analyze`` reports."""

    scene: str
    nodes: int
    states: int
    reachable_nodes: int
    endings_reached: list[str]
    endings_unreached: list[str]
    paths: Optional[int]  # None: unbounded, the scene loops
    stages_seen: list[str]
    stuck: list[str] = field(default_factory=list)
    best: Optional[Extreme] = None
    worst: Optional[Extreme] = None


@without_gc_pauses  # millions of labels and states, none of them in a reference cycle
def analyze(program: Program) -> Analysis:
    """Analyse a compiled scene.

    Raises:
        AnalysisError: when the scene has more than ``MAX_STATES`` states.
    """
    graph = StateGraph(program, MAX_STATES)
    reached_nodes = {key[0] for key in graph.edges}
    reached_endings = {program.nodes[n].ending for n in reached_nodes if program.nodes[n].ending}
    result = Analysis(
        scene=program.id,
        nodes=len(program.nodes),
        states=len(graph.edges),
        reachable_nodes=len(reached_nodes),
        endings_reached=[e for e in program.endings if e in reached_endings],
        endings_unreached=[e for e in program.endings if e not in reached_endings],
        paths=graph.count_paths(),
        stages_seen=[s for s in STAGE_BITS if s in graph.stages],
        stuck=sorted(graph.stuck),
    )
    del graph  # the searches below need memory more than the edges
    result.best = _extreme(program, maximise=True, max_states=MAX_STATES)
    result.worst = _extreme(program, maximise=False, max_states=MAX_STATES)
    return result


class StateGraph:
    """Reachable states (node, flags, meter-or-None) and their edges (see :mod:`game.reach`)."""

    def __init__(self, program: Program, max_states: int = MAX_STATES):
        self.program = program
        try:
            reached = explore(program, max_states)
        except TooManyStates as exc:
            raise AnalysisError(str(exc)) from exc
        self.edges, self.stages, self.stuck = reached.edges, reached.stages, reached.stuck

    def count_paths(self) -> Optional[int]:
        """Distinct paths from the start to an ending; None when a loop makes them unbounded."""
        program = self.program
        start = state_key(program, *start_state(program))
        counts: dict[tuple, int] = {}
        on_stack: set[tuple] = set()
        stack = [(start, iter(self.edges[start]))]
        on_stack.add(start)
        while stack:
            key, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_stack.discard(key)
                is_ending = program.nodes[key[0]].ending is not None
                counts[key] = 1 if is_ending else sum(counts[c] for c in self.edges[key])
            elif child in on_stack:
                return None
            elif child not in counts:
                on_stack.add(child)
                stack.append((child, iter(self.edges[child])))
        return counts[start]


def _better_or_equal(a: Summary, b: Summary, maximise: bool) -> bool:
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


def ways_back(program: Program) -> tuple[dict[str, frozenset[int]], list[str]]:
    """For each node, the ways out of it that go back to a point the conversation has already passed.

    A depth-first walk from the start (a line's ``next`` first, then the choices in authored order)
    marks the edges that lead to a node still on the walk's path: every loop contains one. The
    numbers are choice positions from 1, and 0 for a line's ``next``. Also returns the reachable
    nodes in the order the walk left them: without the ways back, each after every node it leads to.
    """
    back: dict[str, set[int]] = {node_id: set() for node_id in program.nodes}
    on_path: set[str] = set()
    seen: set[str] = set()
    order: list[str] = []

    def ways(node_id: str) -> list[tuple[int, str]]:
        node = program.nodes[node_id]
        found = [] if node.next is None else [(0, node.next)]
        return found + [(number, choice.next) for number, choice in enumerate(node.choices, start=1)]

    stack = [(program.start, iter(ways(program.start)))]
    on_path.add(program.start)
    seen.add(program.start)
    while stack:
        node_id, pending = stack[-1]
        step = next(pending, None)
        if step is None:
            stack.pop()
            on_path.discard(node_id)
            order.append(node_id)
            continue
        number, target = step
        if target in on_path:
            back[node_id].add(number)
        elif target not in seen:
            seen.add(target)
            on_path.add(target)
            stack.append((target, iter(ways(target))))
    return {node_id: frozenset(numbers) for node_id, numbers in back.items()}, order


class _Steps:
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
        self._open: dict[tuple, list[tuple[int, RChoice]]] = {}
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
        """True when summary ``a`` can end no worse than ``b`` from the same place (see ``_better_or_equal``)."""
        if a == b:
            return True
        key = a << 32 | b
        found = self._dominates.get(key)
        if found is None:
            found = self._dominates[key] = _better_or_equal(self.summaries[a], self.summaries[b], self.maximise)
        return found

    def open_choices(self, node: RNode, flags: frozenset, meter: float) -> list[tuple[int, RChoice]]:
        """(number, choice) of the choices open at ``node``."""
        key = (node.id, flags, meter if self.program.reads_meter else None)
        found = self._open.get(key)
        if found is None:
            found = self._open[key] = list(enumerate(open_among(node.choices, flags, meter), start=1))
        return found

    def score(self, sid: int, ending: str) -> float:
        """The 0-100 score of summary ``sid`` at ``ending``."""
        key = (sid, ending)
        found = self._scores.get(key)
        if found is None:
            found = self._scores[key] = score(self.program, self.summaries[sid], self.program.endings[ending])
        return found


class _Labels:
    """Every label the search made, in parallel compact columns (a 40k-node scene makes millions)."""

    def __init__(self) -> None:
        self.node: list[str] = []
        self.flags: list[frozenset] = []
        self.summary = array("l")
        self.parent = array("l")
        self.number = array("l")
        self.backs = array("l")  # ways back taken (see ways_back)
        self.alive = bytearray()

    def add(self, node: str, flags: frozenset, sid: int, parent: int, number: int, backs: int) -> int:
        self.backs.append(backs)
        self.node.append(node)
        self.flags.append(flags)
        self.summary.append(sid)
        self.parent.append(parent)
        self.number.append(number)
        self.alive.append(1)
        return len(self.alive) - 1


def _extreme(program: Program, maximise: bool, max_states: int = MAX_STATES) -> Optional[Extreme]:
    """Best (or worst) reachable score over the paths that go back at most ``MAX_WAYS_BACK`` times.

    When no ending can be reached within that many ways back, the limit is doubled until one can
    (or until it exceeds the number of states, when no ending is reachable at all).
    """
    limit, (back, order) = MAX_WAYS_BACK, ways_back(program)
    while True:
        found = _search(program, maximise, max_states, back, Outlook(program, back, order, limit), limit)
        if found is not None or not any(back.values()) or limit > max_states:
            return found
        limit *= 2


def _search(program: Program, maximise: bool, max_states: int, back: dict[str, frozenset[int]],
            outlook: Outlook, limit: int) -> Optional[Extreme]:
    """A best-first label-correcting search over summaries, with branch and bound.

    Each state (node, flags, and the meter when a condition reads it) keeps only the labels no
    other label there dominates (a label dominates when its summary can end no worse and it has
    gone back no more often); the cap counts states, not labels. Labels are expanded in the order
    of the score they could still reach (:mod:`game.bounds`), and a label that cannot beat the best
    ending found so far is dropped: the first time no label can, the search is done.
    """
    sign = 1 if maximise else -1
    steps = _Steps(program, maximise)
    bounds = Bounds(program, maximise, outlook)
    labels = _Labels()
    frontier: dict[int, list[int]] = {}  # by state, numbered as one int (hashed far faster than a tuple)
    heap: list[tuple[float, float, int]] = []  # (-sign * bound, ..., -label): the most promising label first
    # the meter is part of a state only when a higher (lower) meter could close a choice
    reads_meter = program.reads_meter and not _meter_only_opens(program, upward=maximise)
    node_numbers = steps.node_number
    flag_sets: dict[frozenset, int] = {}
    bound_of: dict[int, tuple[float, float]] = {}
    best: Optional[tuple[float, int]] = None

    def push(node: str, flags: frozenset, sid: int, parent: int, number: int, backs: int) -> None:
        node_number = node_numbers[node]
        bound_key = (sid << 24 | node_number) << 16 | backs
        found = bound_of.get(bound_key)
        if found is None:
            found = bound_of[bound_key] = bounds.of(node_number, steps.summaries[sid], limit - backs)
        bound, unclamped = found
        if bound == -sign * math.inf or (best is not None and sign * bound <= sign * best[0]):
            return  # no ending ahead, or none that can beat the best found so far
        flag_set = flag_sets.get(flags)
        if flag_set is None:
            flag_set = flag_sets[flags] = len(flag_sets)
        key = (node_number << 24 | flag_set) << 24 | (steps.meter_number[sid] if reads_meter else 0)
        kept = frontier.get(key)
        if kept is None:
            if len(frontier) >= max_states:
                raise AnalysisError(f"more than {max_states} states: the scene is too large to analyse")
            kept = frontier[key] = []
        summary_of, backs_of = labels.summary, labels.backs
        for index in kept:
            if backs_of[index] <= backs and steps.dominates(summary_of[index], sid):
                return
        survivors = []
        for index in kept:
            if backs <= backs_of[index] and steps.dominates(sid, summary_of[index]):
                labels.alive[index] = 0
            else:
                survivors.append(index)
        survivors.append(labels.add(node, flags, sid, parent, number, backs))
        frontier[key] = survivors
        # ties: the furthest past 0 (100) first, then the newest, diving to an ending
        heapq.heappush(heap, (-sign * bound, -sign * unclamped, -survivors[-1]))

    decides = _decides_before_ending(program)
    first = start_summary(program)
    entered = advance_event(first, enter_node(program, first.meter, program.start))
    push(program.start, frozenset(), steps.intern(entered), -1, 0, 0)
    while heap:
        priority, _, negative_index = heapq.heappop(heap)
        if best is not None and -priority * sign <= sign * best[0]:
            break  # no label left can beat the best ending found
        index = -negative_index
        if not labels.alive[index]:
            continue
        node = program.nodes[labels.node[index]]
        flags, sid, backs = labels.flags[index], labels.summary[index], labels.backs[index]
        if node.ending is not None:
            value = steps.score(sid, node.ending)
            if best is None or sign * value > sign * best[0]:
                best = (value, index)
            continue
        going_back = back[node.id]
        if node.next is not None and backs + (0 in going_back) <= limit:
            push(node.next, flags, steps.enter(sid, node.next), index, 0, backs + (0 in going_back))
        for number, choice in steps.open_choices(node, flags, steps.meters[sid]):
            taken = backs + ((choice.index + 1) in going_back)
            if taken <= limit:
                after = steps.after(sid, choice, decides[choice.next])
                push(choice.next, apply_effects(flags, choice), after, index, number, taken)
    return None if best is None else _trace(program, steps, labels, best)


def _meter_only_opens(program: Program, upward: bool) -> bool:
    """True when a higher meter (``upward``; else a lower one) never closes a choice.

    Then, from the same node and flags, a label whose meter is higher (lower) and whose summary
    is no worse can take every path the other can, and the meter leaves the state for the
    dominance test: ``satisfaction >= 2`` gates stop multiplying the best score's states.
    """
    wanted = 1 if upward else -1
    for node in program.nodes.values():
        for choice in node.choices:
            if choice.condition is not None and _meter_directions(choice.condition) - {wanted}:
                return False
    return True


def _meter_directions(expr: Expr, sign: int = 1) -> set[int]:
    """+1 when a higher meter can only make ``expr`` true, -1 when only false, both when either."""
    if isinstance(expr, Not):
        return _meter_directions(expr.operand, -sign)
    if isinstance(expr, Logic):
        return set().union(*(_meter_directions(operand, sign) for operand in expr.operands))
    if isinstance(expr, Compare) and reads_meter(expr):
        meter_left = isinstance(expr.left, Name) and expr.left.name == METER_NAME
        meter_right = isinstance(expr.right, Name) and expr.right.name == METER_NAME
        if expr.op in ("==", "!=") or meter_left == meter_right:
            return {1, -1}
        rising = expr.op in (">", ">=") if meter_left else expr.op in ("<", "<=")
        return {sign if rising else -sign}
    return set()


def _decides_before_ending(program: Program) -> dict[str, bool]:
    """For each node: does every way from it to an ending pass through another decision?"""
    decides: dict[str, bool] = {}
    for node_id in program.nodes:
        chain, current = [], node_id
        while current not in decides:
            node = program.nodes[current]
            if node.next is None or current in chain:  # a decision, an ending, or a loop of lines
                decides[current] = node.ending is None
                break
            chain.append(current)
            current = node.next
        for link in chain:
            decides[link] = decides[current]
    return decides


def _trace(program: Program, steps: _Steps, labels: _Labels, best: tuple[float, int]) -> Extreme:
    value, index = best
    path, numbers, stages = [], [], []
    while index >= 0:
        path.append(labels.node[index])
        number, parent = labels.number[index], labels.parent[index]
        if number:
            numbers.append(number)
            parent_node = program.nodes[labels.node[parent]]
            parent_open = steps.open_choices(parent_node, labels.flags[parent], steps.meters[labels.summary[parent]])
            stages.append(parent_open[number - 1][1].stage)
        index = parent
    ending = program.nodes[path[0]].ending or ""
    return Extreme(value, ending, tuple(reversed(path)), tuple(reversed(numbers)), tuple(reversed(stages)))
