"""The shared depth-first walk: loops found exactly, every node left after the nodes it leads to."""

from hypothesis import given
from hypothesis import strategies as st

from game.depthfirst import depth_first
from game.pathcount import has_loop

_GRAPHS = st.integers(min_value=1, max_value=8).flatmap(
    lambda size: st.dictionaries(st.integers(0, size - 1), st.lists(st.integers(0, size - 1), max_size=3),
                                 min_size=1))


def _acyclic(edges):
    """Kahn's algorithm: the graph has no cycle when every node can be removed in turn."""
    nodes = set(edges) | {t for targets in edges.values() for t in targets}
    incoming = {n: 0 for n in nodes}
    for targets in edges.values():
        for t in targets:
            incoming[t] += 1
    ready = [n for n in nodes if incoming[n] == 0]
    removed = 0
    while ready:
        node = ready.pop()
        removed += 1
        for t in edges.get(node, ()):
            incoming[t] -= 1
            if incoming[t] == 0:
                ready.append(t)
    return removed == len(nodes)


@given(_GRAPHS)
def test_has_loop_agrees_with_removing_nodes_in_turn(edges):
    assert has_loop(edges) == (not _acyclic(edges))


@given(_GRAPHS)
def test_without_its_steps_back_each_node_is_left_after_those_it_leads_to(edges):
    root = next(iter(edges))
    order, left, back = [], set(), set()

    def leave(node):
        left.add(node)
        order.append(node)

    def going_back(node, target):
        back.add((node, target))
        return False

    assert not depth_first(root, lambda n: edges.get(n, ()), lambda t: t, left, leave, going_back)
    position = {node: k for k, node in enumerate(order)}
    for node in order:
        for target in edges.get(node, ()):
            assert target in position  # everything reachable is left once
            if (node, target) not in back:
                assert position[target] < position[node]
    assert len(order) == len(set(order))
    # removing the steps back leaves no loop among the reached nodes
    assert not has_loop({n: [t for t in edges.get(n, ()) if (n, t) not in back] for n in order})
