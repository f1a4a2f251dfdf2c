"""The reachable states found a place at a time (runs of meter values, or the highest meter) are
exactly those found by playing every state one by one."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import game.loader
from game.analysis import analyze
from game.engine import apply_effects, apply_meter, enter_node, open_among
from game.meterspan import MeterGrid, difference, intersection, union
from game.reach import explore, start_state
from tests.conftest import choice, compile_dict, scene_dict

_RISING = [None, None, "satisfaction >= 1", "satisfaction > -2", "noted and satisfaction >= 0.5",
           "not satisfaction < 2.25", "noted or satisfaction > 4"]
_FALLING = [None, None, "satisfaction < 0", "not satisfaction >= 2", "noted or satisfaction <= -1",
            "-1.5 >= satisfaction"]
_EITHER = _RISING + _FALLING + ["satisfaction == 0", "satisfaction != 1", "satisfaction > 1 and satisfaction < 6"]


def _scene(ratings, gates, events, loops, mood, reactivity):
    """Layers of two decisions of three choices: gates on any choice (so a decision can be stuck),
    meter events on lines and decisions, ways back to earlier layers, a flag set and read."""
    layers = len(ratings)
    nodes = {}
    for layer, row in enumerate(ratings):
        for position in range(2):
            if layer + 1 < layers:
                targets = [f"n{layer + 1}_{k % 2}" for k in range(3)]
            else:
                targets = ["line_a", "end_b", "line_a"]
            back_to = loops[(layer * 2 + position) % len(loops)]
            if back_to is not None and back_to <= layer:
                targets[2] = f"n{back_to}_{position}"
            options = []
            for k in range(3):
                extra = {}
                gate = gates[(layer * 6 + position * 3 + k) % len(gates)]
                if gate:
                    extra["if"] = gate
                if k == 1 and layer % 2 == 0:
                    extra["set"] = {"noted": True}
                options.append(choice(("explore", "offer", "act", "confirm")[(layer + k + position) % 4],
                                      row[(position + k) % len(row)], targets[k], f"o{k}", **extra))
            nodes[f"n{layer}_{position}"] = {"speaker": "customer", "text": ".", "choices": options}
    nodes["line_a"] = {"speaker": "narrator", "text": ".", "next": "end_a"}
    if events[0]:
        nodes["line_a"]["meter"] = events[0]
    nodes["end_a"] = {"speaker": "narrator", "text": ".", "ending": "a"}
    nodes["end_b"] = {"speaker": "narrator", "text": ".", "ending": "b"}
    for layer in range(1, layers):
        if events[layer % len(events)]:
            nodes[f"n{layer}_1"]["meter"] = events[layer % len(events)]
    nodes = {"n0_0": nodes.pop("n0_0"), **nodes}
    endings = {"a": {"title": "A", "text": "a", "outcome": 2}, "b": {"title": "B", "text": "b", "outcome": -1}}
    data = scene_dict(nodes, endings)
    data["customer"]["mood"] = mood
    if reactivity is not None:
        data["customer"]["reactivity"] = reactivity
    return data


def _every_state(program):
    """Every state (node, flags, meter) played one by one, the stuck decisions, the stages and the edges."""
    start = start_state(program)
    seen, stuck, stages, edges = {start}, set(), set(), {}
    pending = [start]
    while pending:
        state = pending.pop()
        node_id, flags, meter = state
        node = program.nodes[node_id]
        after = [] if node.next is None else [(node.next, flags, enter_node(program, meter, node.next))]
        for option in open_among(node.choices, flags, meter):
            stages.add(option.stage)
            meter_after = enter_node(program, apply_meter(program, meter, option.rating), option.next)
            after.append((option.next, apply_effects(flags, option), meter_after))
        if node.choices and len(after) == (node.next is not None):
            stuck.add(node_id)
        edges[state] = after
        for target in after:
            if target not in seen:
                seen.add(target)
                pending.append(target)
    return seen, stuck, stages, edges


def _paths(program, edges, state, on_path=None, counted=None):
    """Paths from ``state`` to an ending, state by state; None when a state can come round again."""
    on_path = set() if on_path is None else on_path  # one set, grown and shrunk along the walk: copying it per
    counted = {} if counted is None else counted  # step made big examples quadratic (minutes for 366k states)
    if program.nodes[state[0]].ending is not None:
        return 1
    if state in counted:
        return counted[state]
    total = 0
    on_path.add(state)
    for target in edges[state]:
        if target in on_path:
            return None
        below = _paths(program, edges, target, on_path, counted)
        if below is None:
            return None
        total += below
    on_path.discard(state)
    counted[state] = total
    return total


_SCENES = dict(
    ratings=st.lists(st.lists(st.integers(-3, 3), min_size=2, max_size=3), min_size=2, max_size=4),
    gates=st.sampled_from([_RISING, _FALLING, _EITHER]).flatmap(
        lambda family: st.lists(st.sampled_from(family), min_size=1, max_size=12)),
    events=st.lists(st.sampled_from([0, 0, 1.5, -2, 3, -4, 0.7]), min_size=1, max_size=4),
    loops=st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=1, max_size=4),
    mood=st.integers(-10, 10),
    reactivity=st.one_of(st.none(), st.sampled_from([0.25, 0.37, 1.1, 2.9, 3.0])),
)


@settings(max_examples=80, deadline=None)
@given(**_SCENES)
def test_places_meters_and_stuck_decisions_are_those_of_every_state(monkeypatch_module, ratings, gates, events,
                                                                   loops, mood, reactivity):
    program = compile_dict(_scene(ratings, gates, events, loops, mood, reactivity))
    reached = explore(program, 10 ** 6)
    states, stuck, stages, edges = _every_state(program)
    assert set(reached.meters) == {(node, flags) for node, flags, _ in states}
    assert reached.stuck == stuck
    assert reached.stages == stages
    if reached.grid is not None and reached.enumerated:
        found = {(place, reached.grid.value(i)) for place, runs in reached.meters.items()
                 for first, last in runs for i in range(first, last + 1)}
        assert found == {((node, flags), meter) for node, flags, meter in states}
        assert reached.states == len(states)
    if not stuck:  # analyze runs only on scenes that load
        result = analyze(program)
        endings = {program.nodes[node].ending for node, _, _ in states if program.nodes[node].ending}
        assert set(result.endings_reached) == endings
        assert result.reachable_nodes == len({node for node, _, _ in states})
        assert result.stuck == []
        assert result.paths_counted
        assert result.paths == _paths(program, edges, start_state(program))


@pytest.fixture(scope="module")
def monkeypatch_module():
    """Let scenes with decisions that can be stuck load, so the search for them can be compared."""
    patch = pytest.MonkeyPatch()
    patch.setattr(game.loader, "_stuck_decisions", lambda *args: [])
    yield patch
    patch.undo()


def test_a_move_splits_a_run_where_rounding_skips_a_value():
    data = scene_dict({"a": {"speaker": "customer", "text": ".", "choices": [choice("explore", 1, "end", "x")]},
                       "end": {"speaker": "narrator", "text": ".", "ending": "done"}})
    data["customer"]["reactivity"] = 0.37
    program = compile_dict(data)
    grid = MeterGrid(program)
    move = grid.move(1, "end")
    runs = [(0, grid.size - 1)]
    expected = {move.table[i] for i in range(grid.size)}
    assert {i for first, last in move.image(runs) for i in range(first, last + 1)} == expected


def test_run_arithmetic():
    a, b = [(0, 4), (10, 12)], [(3, 10), (12, 20)]
    assert union(a, b) == [(0, 20)]
    assert intersection(a, b) == [(3, 4), (10, 10), (12, 12)]
    assert difference(a, b) == [(0, 2), (11, 11)]
    assert difference(b, a) == [(5, 9), (13, 20)]


def test_a_scene_whose_gates_keep_every_ending_out_of_reach_has_no_best_or_worst(monkeypatch_module):
    """The meter never rises to open the ways out, so every path goes round for ever. The searches used to
    double their ways-back limit up to two million (found by the property test above, seed 2: it did not finish in
    ten minutes); now the state graph's reachable endings say at once that there is nothing to search for."""
    gate = "satisfaction >= 1"
    program = compile_dict(_scene([[0, 0], [0, 0]], [None, gate, None, None, None, None, gate, gate], [0], [0], 0,
                                  None))
    result = analyze(program)
    assert result.endings_reached == [] and result.paths is None
    assert result.best is None and result.worst is None
