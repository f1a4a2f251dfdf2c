"""Answer-leak analysis (issue 11): naive players, best-option positions and lengths, and the warnings."""

import json
from pathlib import Path

import pytest

from game.cli import main
from game.loader import load_scene
from game.predictability import leak_diagnostics, predictability
from tests.conftest import choice, compile_dict, scene_dict

ROOT = Path(__file__).resolve().parent.parent
LEAKY = ROOT / "tests" / "leaks" / "longest_is_best.yaml"


def _scene(best_positions: list[int], texts: tuple[str, str, str] = ("Ask what happened", "Quote the rule",
                                                                     "Wait and see")) -> dict:
    """Decisions of three equally long options; the +2 sits at the given 0-based position."""
    stages = ["explore", "offer", "act", "confirm"]
    nodes = {}
    for index, best in enumerate(best_positions):
        target = f"d{index + 1}" if index + 1 < len(best_positions) else "end"
        options = [choice(stages[index % 4], 2 if k == best else -1, target, texts[k]) for k in range(3)]
        nodes[f"d{index}"] = {"speaker": "customer", "text": f"Line {index}", "choices": options}
    nodes["end"] = {"speaker": "narrator", "text": "The end.", "ending": "done"}
    return scene_dict(nodes)


def test_figures_for_a_scene_that_leaks_by_length():
    program = load_scene(str(LEAKY)).program
    figures = {entry.language: entry for entry in predictability(program)}
    assert set(figures) == {"en", "zh"}
    en = figures["en"]
    assert en.decisions == 4 and en.best_is_longest == 4 and en.best_is_shortest == 0
    assert en.best_position == {1: 1, 2: 2, 3: 1}
    naive = {player.strategy: player for player in en.naive}
    assert naive["always_longest"].grade == "A" and naive["always_longest"].ending == "happy"
    assert naive["always_shortest"].score < naive["always_longest"].score and naive["always_shortest"].grade in "CDF"
    assert en.random_players == 1000 and 0 < en.random_mean < naive["always_longest"].score
    again = {entry.language: entry for entry in predictability(program)}["en"]
    assert again.random_mean == en.random_mean  # a fixed seed: the same figure every run


def test_validate_warns_on_the_leaky_scene(capsys):
    assert main(["validate", str(LEAKY)]) == 0  # warnings, not errors
    out = capsys.readouterr().out
    assert "[MOT301]" in out and "always longest scores" in out
    assert "[MOT302]" in out and "the best option is the longest in 4 of 4 decisions in en" in out
    assert "[MOT303]" not in out


def test_the_best_option_always_in_one_place_is_warned():
    loaded = load_scene("<test>.yaml", text=json.dumps(_scene([1, 1, 1, 1])))
    codes = [d.code for d in leak_diagnostics(loaded.program, loaded.source, "<test>.yaml")]
    assert "MOT303" in codes and "MOT302" not in codes
    assert "MOT301" in codes  # "always option 2" walks straight to the best score


def test_a_scene_with_tempting_options_gets_no_leak_warning():
    loaded = load_scene("<test>.yaml", text=json.dumps(_scene([0, 2, 1, 0, 2])))
    assert leak_diagnostics(loaded.program, loaded.source, "<test>.yaml") == []
    figures = predictability(compile_dict(_scene([0, 2, 1, 0, 2])))[0]
    assert figures.best_position == {1: 2, 2: 1, 3: 2}


def test_analyze_json_has_a_predictability_section_per_language(capsys):
    assert main(["analyze", str(LEAKY), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    section = data["predictability"]
    assert set(section) == {"en", "zh"}
    for entry in section.values():
        assert {"best_position", "best_is_longest", "best_is_shortest", "naive", "random_mean"} <= set(entry)
        strategies = [player["strategy"] for player in entry["naive"]]
        assert strategies[:4] == ["always_first", "always_last", "always_longest", "always_shortest"]
    assert data["best"]["score"] >= section["en"]["naive"][2]["score"]  # nobody beats the best path


SHIPPED = sorted((ROOT / "scenes").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_scenes_do_not_leak_their_answers(path):
    loaded = load_scene(str(path))
    assert leak_diagnostics(loaded.program, loaded.source, str(path)) == []
