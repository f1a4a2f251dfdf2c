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

from collections import deque
from dataclasses import dataclass, field, replace
from typing import Optional

from game.engine import apply_effects, apply_meter, enter_node, open_among
from game.program import Program
from game.reach import TooManyStates, explore, start_state, state_key
from game.scoring import STAGE_BITS, Summary, advance, advance_event, score, start_summary

MAX_STATES = 2_000_000


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


def analyze(program: Program) -> Analysis:
    """Analyse a compiled scene.

    Raises:
        AnalysisError: when the scene has more than ``MAX_STATES`` states.
    """
    graph = StateGraph(program)
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
    result.best = _extreme(program, maximise=True)
    result.worst = _extreme(program, maximise=False)
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


def decision_cap(program: Program) -> int:
    """Most decisions a path may take in the extreme-score search.

    Without loops no path can take more decisions than the scene has decision nodes, so the cap never
    binds and the search is exact. With loops, repeating a well-rated choice can raise the mean rating
    (the technique) a little more each time; the search then considers paths of up to twice that many
    decisions, which also lets a path pass a loop once more when a flag requires it.
    """
    return 2 * sum(1 for node in program.nodes.values() if node.choices)


def _extreme(program: Program, maximise: bool) -> Optional[Extreme]:
    """Best (or worst) reachable score, by a label-correcting search over summaries."""
    sign = 1 if maximise else -1
    cap = decision_cap(program)
    counts_last = program.weights.last > 0
    # a label: (node, flags, summary, parent label index, choice number or 0 for a line)
    labels: list[tuple] = []
    alive: list[bool] = []
    frontier: dict[tuple, list[int]] = {}
    queue: deque[int] = deque()

    def push(node: str, flags: frozenset, summary: Summary, parent: int, number: int) -> None:
        key = (node, flags, summary.meter if program.reads_meter else None)
        kept = frontier.setdefault(key, [])
        for index in kept:
            if _better_or_equal(labels[index][2], summary, maximise):
                return
        for index in kept:
            if _better_or_equal(summary, labels[index][2], maximise):
                alive[index] = False
        if len(labels) >= MAX_STATES:
            raise AnalysisError(f"more than {MAX_STATES} states: the scene is too large to analyse")
        labels.append((node, flags, summary, parent, number))
        alive.append(True)
        frontier[key] = [index for index in kept if alive[index]] + [len(labels) - 1]
        queue.append(len(labels) - 1)

    decides = _decides_before_ending(program)
    first = start_summary(program)
    push(program.start, frozenset(), advance_event(first, enter_node(program, first.meter, program.start)), -1, 0)
    best: Optional[tuple[float, int]] = None
    while queue:
        index = queue.popleft()
        if not alive[index]:
            continue
        node_id, flags, summary, _, _ = labels[index]
        node = program.nodes[node_id]
        if node.ending is not None:
            value = score(program, summary, program.endings[node.ending])
            if best is None or sign * value > sign * best[0]:
                best = (value, index)
            continue
        if node.next is not None:
            push(node.next, flags, advance_event(summary, enter_node(program, summary.meter, node.next)), index, 0)
        if summary.count >= cap:
            continue
        for number, choice in enumerate(open_among(node.choices, flags, summary.meter), start=1):
            meter = apply_meter(program, summary.meter, choice.rating)
            after = advance(summary, choice.stage, choice.rating, meter)
            after = advance_event(after, enter_node(program, meter, choice.next))
            if not counts_last or decides[choice.next]:  # the last rating cannot count: forget it
                after = replace(after, last=None, worst=None)
            else:
                after = replace(after, worst=None)  # shown on the card, never scored
            push(choice.next, apply_effects(flags, choice), after, index, number)
    return None if best is None else _trace(program, labels, best)


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


def _trace(program: Program, labels: list[tuple], best: tuple[float, int]) -> Extreme:
    value, index = best
    path, numbers, stages = [], [], []
    while index >= 0:
        node_id, _, _, parent, number = labels[index]
        path.append(node_id)
        if number:
            numbers.append(number)
            parent_node = program.nodes[labels[parent][0]]
            parent_open = open_among(parent_node.choices, labels[parent][1], labels[parent][2].meter)
            stages.append(parent_open[number - 1].stage)
        index = parent
    ending = program.nodes[path[0]].ending or ""
    return Extreme(value, ending, tuple(reversed(path)), tuple(reversed(numbers)), tuple(reversed(stages)))
