"""The game states a program can reach, found by playing every open choice breadth first.

A state is (node, flags, meter), the meter only when a condition reads it. States are not visited
one by one: each (node, flags) place keeps the set of meter values it can be reached with, as runs
of the meter's grid (:mod:`game.meterspan`), and a run is moved through a choice as a whole. The
result is exact, the states the engine reaches playing every path, and a scene whose conditions
read the meter costs about as many runs as it has places. The loader uses it to refuse decisions
that can leave the player with no open choice; :mod:`game.analysis` builds its reports on it.
"""

from __future__ import annotations

import heapq
from collections import deque
from dataclasses import dataclass, field
from typing import Optional

from game.depthfirst import depth_first
from game.conditions import Expr, evaluate
from game.engine import apply_effects, enter_node
from game.meterspan import MeterGrid, Runs, count, difference, holds_at, intersection, meter_only_opens, union
from game.program import Program

Place = tuple[str, frozenset]  # (node, flags)
_ANY_METER: Runs = [(0, 0)]  # the one "meter" of a scene whose conditions never read it


class TooManyStates(RuntimeError):
    """The program has more states than the search was allowed to visit."""


@dataclass
class Reached:
    """Every reachable place, the meters it is reached with, and what was seen on the way.

    Attributes:
        meters: Each reachable (node, flags) and its meter values, as runs of ``grid`` (one run
            ``(0, 0)`` standing for any meter when no condition reads it).
        edges: Each place and the places one step on, each with (the number of ways there, True
            when every state of the place can take that step: no condition reading the meter
            stands in the way). The numbers of ways are those of the last visit, which is the only
            one when no condition reads the meter.
        stages: The MOT stages of every choice that can be open.
        stuck: Decision nodes reachable in a state where none of their choices is open.
        grid: The meter's grid, None when no condition reads the meter.
        enumerated: False when each place kept only its highest (or lowest) meter, all that
            reachability needed (see :func:`explore`).
    """

    meters: dict[Place, Runs] = field(default_factory=dict)
    edges: dict[Place, dict[Place, tuple[int, bool]]] = field(default_factory=dict)
    stages: set[str] = field(default_factory=set)
    stuck: set[str] = field(default_factory=set)
    grid: Optional[MeterGrid] = None
    enumerated: bool = True  # False: each place keeps only its highest (or lowest) meter

    @property
    def states(self) -> int:
        """How many (node, flags, meter) states are reachable; places, when the meters were not all followed."""
        if self.grid is None or not self.enumerated:
            return len(self.meters)
        return sum(count(runs) for runs in self.meters.values())


def state_key(program: Program, node: str, flags: frozenset, meter: float) -> tuple:
    """The key of a state: the meter counts only when a condition reads it."""
    return (node, flags, meter if program.reads_meter else None)


def start_state(program: Program) -> tuple[str, frozenset, float]:
    """(node, flags, meter) where every play of ``program`` begins."""
    return (program.start, frozenset(), enter_node(program, float(program.mood), program.start))


def explore(program: Program, max_states: int) -> Reached:
    """Visit every state reachable from the start.

    When a higher meter never closes a choice (only a lower one does, or the other way round),
    a higher meter at the same place can go everywhere a lower one can, so only the highest
    meter of each place is followed, unless a decision has meters at which none of its choices
    is open: then, and when conditions read the meter both ways, every meter value is followed,
    as runs of the grid.

    Args:
        program: The compiled scene.
        max_states: The most places, or runs of meter values, to keep.

    Raises:
        TooManyStates: when more than ``max_states`` are needed.
    """
    if not program.reads_meter:
        return _explore_runs(program, None, max_states)
    grid = MeterGrid(program)
    for upward in (True, False):
        if meter_only_opens(program, upward):
            found = _explore_extreme(program, grid, upward, max_states)
            if found is not None:
                return found
            break
    return _explore_runs(program, grid, max_states)


def _explore_extreme(program: Program, grid: MeterGrid, upward: bool, max_states: int) -> Optional[Reached]:
    """Every place, followed with its highest meter (lowest, unless ``upward``); None when not enough.

    Exact when no higher (lower) meter closes a choice: by induction over a path, a state at a
    place with a lower meter opens no choice the highest does not, and moves keep the order. Not
    enough when a reachable decision has meters at which none of its choices is open, as the
    lowest meter reaching it matters then. Places are taken in the order of the scene (a node
    before those it leads to, ways back aside), so a loop settles before what follows it moves.
    """
    _, order = ways_back(program)
    position = {node_id: len(order) - index for index, node_id in enumerate(order)}
    node_id, flags, meter = start_state(program)
    reached = Reached(grid=grid, enumerated=False)
    extreme: dict[Place, int] = {(node_id, flags): grid.index(meter)}
    followed: dict[Place, int] = {}
    heap = [(position[node_id], 0, (node_id, flags))]
    pushed = 1
    while heap:
        place = heapq.heappop(heap)[2]
        value = extreme[place]
        if followed.get(place) == value:
            continue
        followed[place] = value
        outgoing = reached.edges.setdefault(place, {})
        ways: dict[Place, int] = {}
        for target, moved, always in _successors_of_one(program, grid, reached, place, value):
            if target is None:
                return None  # a decision that can be stuck at some meter
            ways[target] = ways.get(target, 0) + 1
            outgoing[target] = (ways[target], outgoing.get(target, (0, True))[1] and always)
            had = extreme.get(target)
            if had is None or (moved > had if upward else moved < had):
                if had is None and len(extreme) >= max_states:
                    raise TooManyStates(f"more than {max_states} states: the scene is too large to analyse")
                extreme[target] = moved
                pushed += 1
                heapq.heappush(heap, (position.get(target[0], 0), pushed, target))
    reached.meters = {place: [(value, value)] for place, value in extreme.items()}
    return reached


def _successors_of_one(program: Program, grid: MeterGrid, reached: Reached, place: Place,
                       value: int) -> list[tuple[Optional[Place], int, bool]]:
    """(place, meter, always open) one step after meter ``value`` at ``place``.

    A place None: the decision has meters at which no choice is open.
    """
    node_id, flags = place
    node = program.nodes[node_id]
    successors: list[tuple[Optional[Place], int, bool]] = []
    if node.next is not None:
        successors.append(((node.next, flags), grid.moved_one(value, None, node.next), True))
    covered: Runs = []
    for choice in node.choices:
        open_runs = grid.open_runs(choice.condition, flags)
        covered = union(covered, open_runs)
        if holds_at(open_runs, value):
            reached.stages.add(choice.stage)
            successors.append(((choice.next, apply_effects(flags, choice)),
                               grid.moved_one(value, choice.rating, choice.next), open_runs == grid.everything))
    if node.choices and covered != grid.everything:
        return [(None, 0, False)]
    return successors


def _explore_runs(program: Program, grid: Optional[MeterGrid], max_states: int) -> Reached:
    """Every place and every meter value it is reached with (see :func:`explore`)."""
    node_id, flags, meter = start_state(program)
    reached = Reached(grid=grid)
    start = (node_id, flags)
    first = [(grid.index(meter),) * 2] if grid else _ANY_METER
    reached.meters[start] = first
    pending: dict[Place, Runs] = {start: first}  # values reached but not yet followed
    queue = deque([start])
    runs_kept = 1
    while queue:
        place = queue.popleft()
        new = pending.pop(place)
        outgoing = reached.edges.setdefault(place, {})
        ways: dict[Place, int] = {}
        for target, runs, always in _successors(program, reached, place, new):
            ways[target] = ways.get(target, 0) + 1  # two choices to one place: two paths
            outgoing[target] = (ways[target], outgoing.get(target, (0, True))[1] and always)
            had = reached.meters.get(target, [])
            fresh = difference(runs, had)
            if not fresh:
                continue
            now = reached.meters[target] = union(had, fresh)
            runs_kept += len(now) - len(had)
            if runs_kept > max_states:
                raise TooManyStates(f"more than {max_states} states: the scene is too large to analyse")
            if target in pending:
                pending[target] = union(pending[target], fresh)
            else:
                pending[target] = fresh
                queue.append(target)
    return reached


def _successors(program: Program, reached: Reached, place: Place, runs: Runs) -> list[tuple[Place, Runs, bool]]:
    """(place, meters, always open) one step after ``runs`` at ``place``; records stages and a stuck decision."""
    node_id, flags = place
    node, grid = program.nodes[node_id], reached.grid
    successors = []
    if node.next is not None:
        successors.append(((node.next, flags), _moved(grid, runs, None, node.next), True))
    covered: Runs = []
    for choice in node.choices:
        if grid is None:
            open_runs = _ANY_METER if _holds(choice.condition, flags) else []
        else:
            open_runs = grid.open_runs(choice.condition, flags)
        taking = intersection(runs, open_runs)
        if not taking:
            continue
        covered = union(covered, taking)
        reached.stages.add(choice.stage)
        target = (choice.next, apply_effects(flags, choice))
        always = grid is None or open_runs == grid.everything
        successors.append((target, _moved(grid, taking, choice.rating, choice.next), always))
    if node.choices and difference(runs, covered):
        reached.stuck.add(node_id)
    return successors


def _moved(grid: Optional[MeterGrid], runs: Runs, rating: Optional[int], node_id: str) -> Runs:
    if grid is None:
        return runs
    move = grid.move(rating, node_id)
    return runs if move is None else move.image(runs)


def _holds(condition: Optional[Expr], flags: frozenset) -> bool:
    return condition is None or bool(evaluate(condition, flags, 0.0))  # no condition reads the meter: any will do


def ways_back(program: Program) -> tuple[dict[str, frozenset[int]], list[str]]:
    """For each node, the ways out of it that go back to a point the conversation has already passed.

    A depth-first walk from the start (a line's ``next`` first, then the choices in authored order)
    marks the edges that lead to a node still on the walk's path: every loop contains one. The
    numbers are choice positions from 1, and 0 for a line's ``next``. Also returns the reachable
    nodes in the order the walk left them: without the ways back, each after every node it leads to.
    """
    back: dict[str, set[int]] = {node_id: set() for node_id in program.nodes}
    order: list[str] = []
    left: set[str] = set()

    def ways(node_id: str) -> list[tuple[int, str]]:
        node = program.nodes[node_id]
        found = [] if node.next is None else [(0, node.next)]
        return found + [(number, choice.next) for number, choice in enumerate(node.choices, start=1)]

    def leave(node_id: str) -> None:
        left.add(node_id)
        order.append(node_id)

    def going_back(node_id: str, step: tuple[int, str]) -> bool:
        back[node_id].add(step[0])
        return False  # every way back is wanted: walk on

    depth_first(program.start, ways, lambda step: step[1], left, leave, going_back)
    return {node_id: frozenset(numbers) for node_id, numbers in back.items()}, order
