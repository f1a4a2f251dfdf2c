"""Counting the distinct paths through a scene's states, and finding loops, without following paths."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Optional

from game.engine import apply_effects, apply_meter, enter_node, open_among
from game.program import Program
from game.reach import TooManyStates


def count_paths(start: Any, successors: Callable[[Any], Iterable[Any]], program: Program,
           max_states: Optional[int]) -> Optional[int]:
    """Paths from ``start`` to an ending (states' first item: their node); None when they loop."""
    counts: dict[Any, int] = {}
    on_stack = {start}
    stack = [(start, iter(successors(start)))]
    while stack:
        key, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            on_stack.discard(key)
            counts[key] = 1 if program.nodes[key[0]].ending is not None else sum(
                counts[c] for c in successors(key))
        elif child in on_stack:
            return None
        elif child not in counts:
            if max_states is not None and len(counts) + len(stack) >= max_states:
                raise TooManyStates(f"more than {max_states} states")
            on_stack.add(child)
            stack.append((child, iter(successors(child))))
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
    """True when the directed graph ``edges`` has a cycle (an iterative three-colour walk)."""
    done: set[Any] = set()
    for root in edges:
        if root in done:
            continue
        on_path = {root}
        stack = [(root, iter(edges.get(root, ())))]
        while stack:
            key, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_path.discard(key)
                done.add(key)
            elif child in on_path:
                return True
            elif child not in done:
                on_path.add(child)
                stack.append((child, iter(edges.get(child, ()))))
    return False
