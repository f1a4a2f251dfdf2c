"""One iterative depth-first walk with an "on the path" set, for the analyses that need one.

Counting paths (:func:`game.pathcount.count_paths`), finding a loop (:func:`game.pathcount.has_loop`)
and finding the ways back of a scene (:func:`game.reach.ways_back`) each walk a graph depth first,
keeping the nodes of the current path apart from those already left. They differ only in what they
do when a node is left, when a step leads back onto the path, and when a node is entered; a scene's
graph can be thousands of nodes deep, so the walk keeps its own stack instead of recursing.
"""

from __future__ import annotations

from typing import Callable, Container, Iterable, Optional, TypeVar

Node = TypeVar("Node")
Step = TypeVar("Step")
_END = object()


def depth_first(root: Node, steps: Callable[[Node], Iterable[Step]], target: Callable[[Step], Node],
                done: Container[Node], leave: Callable[[Node], None],
                back: Callable[[Node, Step], bool],
                enter: Optional[Callable[[Node, int], None]] = None) -> bool:
    """Walk from ``root`` depth first, each node's steps in order; True when ``back`` stopped the walk.

    Args:
        root: Where the walk starts (entered without calling ``enter``).
        steps: The steps out of a node, in the order to walk them.
        target: The node a step leads to.
        done: The nodes already left, by this walk or an earlier one: they are not entered again.
            ``leave`` is expected to add to it.
        leave: Called once every step out of a node has been walked (the nodes it leads to first).
        back: Called for a step to a node still on the walk's path (the step closes a loop), with
            the node the step leaves; returning True stops the walk.
        enter: Called before a node other than ``root`` is entered, with the number of nodes on the
            path; it may raise to stop the walk.
    """
    on_path = {root}
    stack = [(root, iter(steps(root)))]
    while stack:
        node, pending = stack[-1]
        step = next(pending, _END)
        if step is _END:
            stack.pop()
            on_path.discard(node)
            leave(node)
            continue
        child = target(step)  # type: ignore[arg-type]  # not _END here
        if child in on_path:
            if back(node, step):  # type: ignore[arg-type]
                return True
        elif child not in done:
            if enter is not None:
                enter(child, len(stack))
            on_path.add(child)
            stack.append((child, iter(steps(child))))
    return False
