"""Analysis over the state graph: reachability, path counts, loops, stuck decisions."""

from game.analysis import analyze
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
