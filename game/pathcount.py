"""Counting the distinct paths through a scene's states, and finding loops, without following paths."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Optional

from game.depthfirst import depth_first
from game.engine import apply_effects, apply_meter, enter_node, open_among
from game.program import Program
from game.reach import TooManyStates


def count_paths(start: Any, successors: Callable[[Any], Iterable[Any]], program: Program,
           max_states: Optional[int]) -> Optional[int]:
    """Paths from ``start`` to an ending (states' first item: their node); None when they loop."""
    counts: dict[Any, int] = {}

    def leave(key: Any) -> None:  # every state it leads to is counted by now
        counts[key] = 1 if program.nodes[key[0]].ending is not None else sum(counts[c] for c in successors(key))

    def enter(_: Any, on_path: int) -> None:
        if max_states is not None and len(counts) + on_path >= max_states:
            raise TooManyStates(f"more than {max_states} states")

    if depth_first(start, successors, _itself, counts, leave, _stop, enter):
        return None
    return counts[start]


def state_successors(program: Program, state: tuple[str, frozenset, float]) -> list[tuple[str, frozenset, float]]:
    """The states one step after ``state`` (node, flags, meter), a path each."""
    node_id, flags, meter = state
    node = program.nodes[node_id]
    found = [] if node.next is None else [(node.next, flags, enter_node(program, meter, node.next))]
    for choice in open_among(node.choices, flags, meter):
        after = enter_node(program, apply_meter(program, meter, choice.rating), choice.next)
        found.append((choice.next, apply_effects(flags, choice), after))
    return found


def has_loop(edges: dict[Any, list[Any]]) -> bool:
    """True when the directed graph ``edges`` has a cycle."""
    done: set[Any] = set()
    return any(depth_first(root, lambda key: edges.get(key, ()), _itself, done, done.add, _stop)
               for root in edges if root not in done)


def _itself(step: Any) -> Any:
    return step


def _stop(_: Any, __: Any) -> bool:
    return True  # a step back onto the path: a loop, the walk's answer
