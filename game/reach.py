"""The game states a program can reach, found by playing every open choice breadth first.

A state is (node, flags, meter), the meter only when a condition reads it; each is visited once,
so the search is linear in the number of distinct states. The loader uses it to refuse decisions
that can leave the player with no open choice; :mod:`game.analysis` builds its reports on it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from game.engine import apply_effects, apply_meter, enter_node, open_among
from game.program import Program


class TooManyStates(RuntimeError):
    """The program has more states than the search was allowed to visit."""


@dataclass
class Reached:
    """Every reachable state and its successors, with what was seen on the way.

    Attributes:
        edges: Each state key (node, flags, meter or None) and the keys it leads to.
        stages: The MOT stages of every choice that can be open.
        stuck: Decision nodes reachable in a state where none of their choices is open.
    """

    edges: dict[tuple, list[tuple]] = field(default_factory=dict)
    stages: set[str] = field(default_factory=set)
    stuck: set[str] = field(default_factory=set)


def state_key(program: Program, node: str, flags: frozenset, meter: float) -> tuple:
    """The key of a state: the meter counts only when a condition reads it."""
    return (node, flags, meter if program.reads_meter else None)


def start_state(program: Program) -> tuple[str, frozenset, float]:
    """(node, flags, meter) where every play of ``program`` begins."""
    return (program.start, frozenset(), enter_node(program, float(program.mood), program.start))


def explore(program: Program, max_states: int) -> Reached:
    """Visit every state reachable from the start.

    Raises:
        TooManyStates: when there are more than ``max_states`` states.
    """
    reached = Reached()
    start = start_state(program)
    queue = deque([start])
    reached.edges[state_key(program, *start)] = []
    while queue:
        node_id, flags, meter = queue.popleft()
        key = state_key(program, node_id, flags, meter)
        for target in _successors(program, reached, node_id, flags, meter):
            target_key = state_key(program, *target)
            reached.edges[key].append(target_key)
            if target_key not in reached.edges:
                if len(reached.edges) >= max_states:
                    raise TooManyStates(f"more than {max_states} states: the scene is too large to analyse")
                reached.edges[target_key] = []
                queue.append(target)
    return reached


def _successors(program: Program, reached: Reached, node_id: str, flags: frozenset,
                meter: float) -> list[tuple[str, frozenset, float]]:
    """The states one step after (node, flags, meter); records stages seen and a stuck decision."""
    node = program.nodes[node_id]
    successors = []
    if node.next is not None:
        successors.append((node.next, flags, enter_node(program, meter, node.next)))
    for choice in open_among(node.choices, flags, meter):
        reached.stages.add(choice.stage)
        meter_after = enter_node(program, apply_meter(program, meter, choice.rating), choice.next)
        successors.append((choice.next, apply_effects(flags, choice), meter_after))
    if node.choices and not successors:
        reached.stuck.add(node_id)
    return successors
