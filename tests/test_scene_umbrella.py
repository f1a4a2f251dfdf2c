"""Transcript and structure tests for the rainy-day umbrella scene (scenes/umbrella.yaml).

The paths are lists of open-choice numbers, as for `python main.py run umbrella --choices`.
"""

from pathlib import Path

import pytest

from game.analysis import analyze
from game.loader import load_scene
from game.playthrough import play

SCENE = Path(__file__).resolve().parent.parent / "scenes" / "umbrella.yaml"
LANGUAGES = ("en", "zh")

# name: (choices, ending, lowest score, highest score)
PATHS = {
    # Open greeting, room to browse, stand beside her and ask where she's going, walk her to
    # the taxi stand, let her keep the umbrella, ask how she'll manage at the other end.
    "best": ([2, 3, 3, 3, 1, 2, 3, 1], "letter", 91, 98),
    # The seed clerk's own moves: "can I help?" twice, then umbrella, taxi, "keep it".
    "seed": ([1, 3, 1, 4, 3, 1, 2, 3, 1], "letter", 89, 96),
    # The second good resolution: a chair by the window, an honest call for a cab, walk her out.
    "wait_inside": ([2, 3, 3, 4, 2, 3, 3], "regular", 83, 90),
    # Lend an umbrella, walk her to the stop, switch to a taxi when the streetcars are full.
    "streetcar_then_taxi": ([1, 3, 1, 4, 1, 2, 2, 2, 3], "regular", 80, 87),
    # The right help, but the umbrella taken back and no confirm.
    "no_confirm": ([1, 3, 1, 4, 3, 1, 2, 1, 2], "home_safe", 70, 77),
    # A loan slip asking for her name and address: she would rather wait.
    "loan_slip": ([2, 3, 1, 4, 1, 1], "waited_out", 58, 65),
    # Promising the weather twice.
    "weather_promise": ([2, 3, 3, 2, 1], "let_down", 44, 51),
    # Asking the floorwalker, then passing his rule on to her.
    "rule_passed_on": ([1, 3, 1, 4, 3, 2, 2], "walked_out", 42, 48),
    # Stay at the counter, then ask her to move out of the doorway.
    "worst": ([1, 2, 2, 2], "doorway", 12, 19),
}


@pytest.fixture(scope="module")
def loaded():
    return load_scene(str(SCENE))


@pytest.fixture(scope="module")
def program(loaded):
    assert loaded.program is not None, [d.format() for d in loaded.diagnostics]
    return loaded.program


@pytest.fixture(scope="module")
def analysis(program):
    return analyze(program)


def test_loads_without_any_diagnostics(loaded):
    assert [d.format() for d in loaded.diagnostics] == []
    assert loaded.program is not None


def test_scene_setup(program):
    assert program.id == "umbrella"
    assert program.backdrop == "street-rain"
    assert program.customer_type == "silent"
    assert set(program.languages) == set(LANGUAGES)
    assert any(speaker.role == "staff" for speaker in program.speakers.values())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(PATHS))
def test_transcript(program, name, language):
    choices, ending, low, high = PATHS[name]
    result = play(program, choices, language=language)
    assert result.scorecard.ending == ending
    assert low <= result.scorecard.score <= high, result.scorecard.score
    assert all(beat.text for beat in result.beats)


def test_scores_do_not_depend_on_language(program):
    for choices, _, _, _ in PATHS.values():
        scores = {play(program, choices, language=lang).scorecard.score for lang in LANGUAGES}
        assert len(scores) == 1


def test_two_good_resolutions(program):
    best = play(program, PATHS["best"][0])
    other = play(program, PATHS["wait_inside"][0])
    assert best.scorecard.ending != other.scorecard.ending
    assert best.scorecard.score >= 85 and other.scorecard.score >= 80
    assert "chair" in other.state.visited and "chair" not in best.state.visited


def test_seed_turn_of_events_is_the_top_ending(program):
    assert program.endings["letter"].outcome == 3
    result = play(program, PATHS["seed"][0])
    for node in ("just_waiting", "umbrella_fetched", "taxi_stand", "keep_reply", "chairman_letter"):
        assert node in result.state.visited
    assert "Rockefeller" in program.nodes["chairman_letter"].text["en"]
    assert "洛克菲勒" in program.nodes["chairman_letter"].text["zh"]


def test_analysis(analysis, program):
    assert analysis.endings_unreached == []
    assert set(analysis.endings_reached) == set(program.endings)
    assert analysis.stuck == []
    assert analysis.best.score >= 85
    assert analysis.worst.score <= 20
    assert analysis.best.ending == "letter"
    stages = list(analysis.best.stages)
    positions = [stages.index(stage) for stage in ("explore", "offer", "act", "confirm")]
    assert positions == sorted(positions)
    # explore..offer..act..confirm in order, repeats allowed: the sequence never goes back
    order = {"explore": 0, "offer": 1, "act": 2, "confirm": 3}
    assert [order[s] for s in stages] == sorted(order[s] for s in stages)
    assert len(analysis.best.choices) >= 6


def test_size(program):
    assert len(program.nodes) >= 25
    outcomes = {ending.outcome for ending in program.endings.values()}
    assert len(program.endings) >= 5
    assert -3 in outcomes and 3 in outcomes


def _longest_decisions(program) -> int:
    memo: dict[str, int] = {}

    def longest(node_id: str) -> int:
        if node_id not in memo:
            node = program.nodes[node_id]
            if node.ending:
                memo[node_id] = 0
            elif node.next:
                memo[node_id] = longest(node.next)
            else:
                memo[node_id] = 1 + max(longest(choice.next) for choice in node.choices)
        return memo[node_id]

    return longest(program.start)


def test_longest_path_has_at_least_eight_decisions(program):
    assert _longest_decisions(program) >= 8


def test_every_decision_has_three_or_four_choices(program):
    for node in program.nodes.values():
        if node.choices:
            assert 3 <= len(node.choices) <= 4, node.id
            assert any(choice.condition is None for choice in node.choices), node.id
            ids = [choice.id for choice in node.choices]
            assert len(set(ids)) == len(ids), node.id
            assert not any(i.isdigit() for i in ids), node.id


def test_facilitator_material(program):
    paused = [node for node in program.nodes.values()
              if node.facilitator and node.facilitator.question and node.facilitator.notes]
    assert len(paused) >= 3


def _texts(program):
    yield "title", program.title
    yield "summary", program.summary
    yield "place", program.place
    for index, objective in enumerate(program.objectives):
        yield f"objective {index}", objective
    for speaker in program.speakers.values():
        yield f"speaker {speaker.id}", speaker.name
    for node in program.nodes.values():
        yield f"node {node.id}", node.text
        if node.facilitator:
            for part in ("question", "notes"):
                if getattr(node.facilitator, part) is not None:
                    yield f"node {node.id} {part}", getattr(node.facilitator, part)
        for choice in node.choices:
            yield f"choice {node.id}.{choice.id}", choice.text
            yield f"feedback {node.id}.{choice.id}", choice.feedback
    for ending in program.endings.values():
        yield f"ending {ending.id} title", ending.title
        yield f"ending {ending.id} text", ending.text


def test_every_text_in_both_languages(program):
    for where, text in _texts(program):
        for language in LANGUAGES:
            assert text.get(language, "").strip(), f"{where} has no {language} text"


def test_money_in_dollars(program):
    for where, text in _texts(program):
        if "dollar" in text["en"]:
            assert "美元" in text["zh"], where
        assert "元" not in text["zh"].replace("美元", ""), where
