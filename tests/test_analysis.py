"""Analysis over the state graph: reachability, path counts, loops, stuck decisions."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis import analyze
from game.engine import Story
from game.playthrough import play
from tests.conftest import choice, compile_dict, scene_dict


def test_counts_paths_without_enumerating_them():
    # 30 layers of two choices that merge again: 2**30 paths, found instantly by dynamic programming.
    nodes = {}
    for layer in range(30):
        target = f"n{layer + 1}" if layer < 29 else "end"
        nodes[f"n{layer}"] = {"speaker": "customer", "text": "?", "choices": [
            choice("explore", 1, target, "A"), choice("offer", 0, target, "B")]}
    nodes["end"] = {"speaker": "narrator", "text": ".", "ending": "done"}
    result = analyze(compile_dict(scene_dict(nodes)))
    assert result.paths == 2 ** 30
    assert result.endings_reached == ["done"]


def test_loops_make_the_path_count_unbounded_and_still_find_extremes():
    nodes = {
        "ask": {"speaker": "customer", "text": "?", "choices": [
            choice("explore", 1, "ask", "Ask again"),
            choice("confirm", 2, "end", "Wrap up"),
        ]},
        "end": {"speaker": "narrator", "text": ".", "ending": "done"},
    }
    program = compile_dict(scene_dict(nodes))
    result = analyze(program)
    assert result.paths is None
    assert result.best is not None and result.worst is not None
    assert play(program, list(result.best.choices)).scorecard.score == result.best.score


def test_meter_conditions_and_flags_shape_what_is_reachable():
    nodes = {
        "ask": {"speaker": "customer", "text": "?", "choices": [
            choice("explore", -3, "gate", "Snap"),
            choice("explore", 1, "gate", "Listen", set={"listened": True}),
        ]},
        "gate": {"speaker": "customer", "text": "Well?", "choices": [
            choice("offer", 2, "good", "Offer", **{"if": "listened and satisfaction > 0"}),
            choice("offer", -1, "bad", "Shrug"),
        ]},
        "good": {"speaker": "narrator", "text": ".", "ending": "won"},
        "bad": {"speaker": "narrator", "text": ".", "ending": "lost"},
    }
    endings = {"won": {"title": "W", "text": "w", "outcome": 3}, "lost": {"title": "L", "text": "l", "outcome": -2}}
    result = analyze(compile_dict(scene_dict(nodes, endings)))
    assert sorted(result.endings_reached) == ["lost", "won"]
    assert result.paths == 3  # the 'Offer' choice is open only after listening
    assert result.best.ending == "won" and result.best.choices == (2, 1)
    assert result.worst.ending == "lost"


def test_decisions_with_no_open_choice_fail_validation(load_dict):
    nodes = {
        "ask": {"speaker": "customer", "text": "?", "choices": [
            choice("explore", 1, "gate", "Go", set={"went": True}),
            choice("explore", -1, "gate", "Stay")]},
        "gate": {"speaker": "customer", "text": "?", "choices": [
            choice("offer", 1, "end", "Only if", **{"if": "went"})]},
        "end": {"speaker": "narrator", "text": ".", "ending": "done"},
    }
    loaded = load_dict(scene_dict(nodes))
    stuck = [d for d in loaded.diagnostics if d.code == "MOT214"]
    assert loaded.program is None
    assert len(stuck) == 1 and "'gate'" in stuck[0].message
    assert stuck[0].line == loaded.source.key(("nodes", "gate", "choices"))[0]


def test_validate_warns_instead_of_exploring_forever(load_dict, monkeypatch):
    import game.loader

    monkeypatch.setattr(game.loader, "VALIDATE_MAX_STATES", 2)
    nodes = {
        "ask": {"speaker": "customer", "text": "?", "choices": [
            choice("explore", 1, "gate", "Go"), choice("explore", -1, "gate", "Stay")]},
        "gate": {"speaker": "customer", "text": "?", "choices": [
            choice("offer", 1, "end", "Calm", **{"if": "satisfaction > 0"}), choice("offer", -1, "end", "Any")]},
        "end": {"speaker": "narrator", "text": ".", "ending": "done"},
    }
    loaded = load_dict(scene_dict(nodes))
    assert [d.code for d in loaded.diagnostics] == ["MOT215"]
    assert loaded.program is not None  # a warning: the scene still plays


def _gated_scene(ratings, gates, mood):
    """Layers of three choices; the first is always open, the others carry ``gates`` conditions."""
    layers = len(ratings)
    nodes = {}
    for layer, (row, gate_row) in enumerate(zip(ratings, gates, strict=True)):
        for position in range(2):
            targets = [f"n{layer + 1}_{t % 2}" for t in range(3)] if layer + 1 < layers else ["win", "lose", "win"]
            options = []
            for k in range(3):
                extra = {"if": gate_row[k]} if k and gate_row[k] else {}
                if k == 1 and layer % 2 == 0:
                    extra["set"] = {"noted": True}
                options.append(choice(("explore", "offer", "act", "confirm")[(layer + k) % 4],
                                      row[(position + k) % len(row)], targets[k], f"o{k}", **extra))
            nodes[f"n{layer}_{position}"] = {"speaker": "customer", "text": ".", "choices": options}
    nodes["win"] = {"speaker": "narrator", "text": ".", "ending": "good"}
    nodes["lose"] = {"speaker": "narrator", "text": ".", "ending": "bad"}
    nodes = {"n0_0": nodes.pop("n0_0"), **nodes}
    endings = {"good": {"title": "G", "text": "g", "outcome": 2}, "bad": {"title": "B", "text": "b", "outcome": -1}}
    data = scene_dict(nodes, endings)
    data["customer"]["mood"] = mood
    return data


_RISING = [None, "satisfaction >= 1", "satisfaction > -2", "noted and satisfaction >= 0", "not noted",
           "not satisfaction < 1"]
_FALLING = [None, "satisfaction < 0", "not satisfaction >= 2", "noted or satisfaction <= -1", "-1 >= satisfaction"]
_EITHER = _RISING + _FALLING + ["satisfaction == 0", "satisfaction != 1"]


@settings(max_examples=60, deadline=None)
@given(
    ratings=st.lists(st.lists(st.integers(-3, 3), min_size=2, max_size=3), min_size=2, max_size=5),
    gates=st.sampled_from([_RISING, _FALLING, _EITHER]).flatmap(
        lambda family: st.lists(st.lists(st.sampled_from(family), min_size=3, max_size=3), min_size=5, max_size=5)),
    mood=st.integers(-2, 2),
)
def test_meter_gates_keep_the_extremes_exact(ratings, gates, mood):
    # the best search drops the meter from its states when only a higher meter opens choices, the
    # worst search when only a lower one does: every path is played to check both stay exact
    program = compile_dict(_gated_scene(ratings, gates[:len(ratings)], mood))
    result = analyze(program)
    scores = [play(program, list(numbers)).scorecard.score for numbers in _all_paths(program)]
    assert result.best.score == max(scores) and result.worst.score == min(scores)
    for extreme in (result.best, result.worst):
        assert play(program, list(extreme.choices)).scorecard.score == extreme.score


def _all_paths(program):
    story = Story(program)
    pending = [(story.skip_lines(story.start()), ())]
    while pending:
        state, numbers = pending.pop()
        if story.ending(state):
            yield numbers
            continue
        for number in range(1, len(story.open_choices(state)) + 1):
            pending.append((story.skip_lines(story.choose(state, number)[0]), numbers + (number,)))


def test_the_cap_counts_states_not_the_labels_kept_for_the_scores(monkeypatch):
    import game.analysis

    # three layers where every choice is a different summary: a handful of states, many labels
    nodes = {}
    for layer in range(3):
        target = f"n{layer + 1}" if layer < 2 else "end"
        nodes[f"n{layer}"] = {"speaker": "customer", "text": "?", "choices": [
            choice(stage, rating, target, f"{stage}{rating}")
            for stage, rating in (("explore", 3), ("offer", -3), ("act", 1), ("confirm", -1))]}
    nodes["end"] = {"speaker": "narrator", "text": ".", "ending": "done"}
    program = compile_dict(scene_dict(nodes))
    states = analyze(program).states
    monkeypatch.setattr(game.analysis, "MAX_STATES", states)
    assert analyze(program).best is not None
    monkeypatch.setattr(game.analysis, "MAX_STATES", states - 1)
    with pytest.raises(game.analysis.AnalysisError):
        analyze(program)


def _looping_scene(ratings, events, loops, mood, outcomes):
    """Layers of two decisions with lines carrying meter events between them and choices going back."""
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
                targets[2] = f"n{back_to}_{position}"  # ask again: back to an earlier decision
            nodes[f"n{layer}_{position}"] = {"speaker": "customer", "text": ".", "choices": [
                choice(("explore", "offer", "act", "confirm")[(layer + k + position) % 4],
                       row[(position + k) % len(row)], targets[k], f"o{k}") for k in range(3)]}
    nodes["line_a"] = {"speaker": "narrator", "text": ".", "next": "end_a"}
    if events[0]:
        nodes["line_a"]["meter"] = events[0]
    nodes["end_a"] = {"speaker": "narrator", "text": ".", "ending": "a"}
    nodes["end_b"] = {"speaker": "narrator", "text": ".", "ending": "b"}
    for layer in range(1, layers):  # a manager's event on entering some decisions
        if events[layer % len(events)]:
            nodes[f"n{layer}_1"]["meter"] = events[layer % len(events)]
    nodes = {"n0_0": nodes.pop("n0_0"), **nodes}
    endings = {"a": {"title": "A", "text": "a", "outcome": outcomes[0]},
               "b": {"title": "B", "text": "b", "outcome": outcomes[1]}}
    data = scene_dict(nodes, endings)
    data["customer"]["mood"] = mood
    return data


def _paths_going_back_at_most(program, limit):
    """Every path to an ending that takes at most ``limit`` of the scene's ways back."""
    from game.analysis import ways_back

    back, _ = ways_back(program)
    story = Story(program)
    pending = [(story.skip_lines(story.start()), (), 0)]
    while pending:
        state, numbers, taken = pending.pop()
        if story.ending(state):
            yield numbers
            continue
        node_id = state.node
        for number, option in enumerate(story.open_choices(state), start=1):
            going_back = taken + ((option.index + 1) in back[node_id])
            if going_back <= limit:
                pending.append((story.skip_lines(story.choose(state, number)[0]), numbers + (number,), going_back))


@pytest.mark.slow  # plays every path of each scene: about two minutes
@settings(max_examples=40, deadline=None)
@given(
    ratings=st.lists(st.lists(st.integers(-3, 3), min_size=2, max_size=3), min_size=2, max_size=4),
    events=st.lists(st.sampled_from([0, 0, 1.5, -2, 3, -4]), min_size=1, max_size=4),
    loops=st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=1, max_size=4),
    mood=st.integers(-6, 8),
    outcomes=st.tuples(st.integers(-3, 3), st.integers(-3, 3)),
)
def test_loops_and_meter_events_keep_the_extremes_exact(ratings, events, loops, mood, outcomes):
    # branch and bound drops partial paths by a bound on what they can still score: every path that
    # goes back at most MAX_WAYS_BACK times is played to check that no better (worse) one was dropped
    import game.analysis

    program = compile_dict(_looping_scene(ratings, events, loops, mood, outcomes))
    result = analyze(program)
    scores = [play(program, list(numbers)).scorecard.score
              for numbers in _paths_going_back_at_most(program, game.analysis.MAX_WAYS_BACK)]
    assert result.best.score == max(scores) and result.worst.score == min(scores)
    for extreme in (result.best, result.worst):
        assert play(program, list(extreme.choices)).scorecard.score == extreme.score
