"""Transcript and structure tests for the rainy-day umbrella scene (scenes/umbrella.yaml).

The paths are lists of open-choice numbers, as for `python main.py run umbrella --choices`.
"""

from pathlib import Path

import pytest

from game.analysis import analyze
from game.loader import load_scene
from game.playthrough import play
from scene_paths import endings_after_a_slight, numbers_for, raw_scene, run_ids, text_of

SCENE = Path(__file__).resolve().parent.parent / "scenes" / "umbrella.yaml"
LANGUAGES = ("en", "zh")

# The handbook clerk's exact behaviour (seed 004): "How may I help you?", lets her browse, comes
# back when it pours and asks again, fetches an umbrella, walks her to the taxi stand, lets her keep
# it and says goodbye. It must reach the Rockefeller letter.
HANDBOOK = ["may_i_help", "back_to_stock", "ask_again", "where_headed", "walk_to_taxi", "doesnt_matter",
            "arm_and_walk", "keep_it", "shut_go"]

# name: (choice ids, ending, lowest score, highest score)
PATHS = {
    # Open greeting, room to browse, stand beside her and ask where she's going, walk her to
    # the taxi stand, let her keep the umbrella, ask how she'll manage at the other end.
    "best": (["open_greet", "give_space", "stand_beside", "walk_to_taxi", "doesnt_matter", "arm_and_walk",
              "keep_it", "how_manage"], "letter", 94, 100),
    "handbook": (HANDBOOK, "letter", 81, 88),
    # The second good resolution: a chair by the window, an honest call for a cab, walk her out.
    "wait_inside": (["open_greet", "give_space", "stand_beside", "wait_inside", "phone_honest", "walk_out",
                     "settle_check"], "regular", 84, 91),
    # Lend an umbrella, walk her to the stop, switch to a taxi when the streetcars are full.
    "streetcar_then_taxi": (["may_i_help", "give_space", "ask_again", "where_headed", "lend_umbrella",
                             "walk_to_stop", "taxi_now", "take_it", "settle_check"], "regular", 80, 88),
    # The right help, but the umbrella taken back and no confirm.
    "no_confirm": (["may_i_help", "give_space", "ask_again", "where_headed", "walk_to_taxi", "doesnt_matter",
                    "arm_and_walk", "take_it", "shut_door"], "home_safe", 71, 78),
    # Served the couple first: the same gift later, and a warm ending that is not the letter.
    "slighted": (["serve_couple", "give_space", "sorry_earlier", "where_headed", "walk_to_taxi",
                  "doesnt_matter", "arm_and_walk", "keep_it_late"], "regular", 64, 71),
    # A loan slip asking for her name and address: she would rather wait.
    "loan_slip": (["open_greet", "give_space", "ask_again", "where_headed", "lend_umbrella", "loan_slip"],
                  "waited_out", 60, 67),
    # Promising the weather twice.
    "weather_promise": (["open_greet", "give_space", "stand_beside", "promise_stop", "wait_more"],
                        "let_down", 45, 52),
    # Asking the floorwalker, then passing his rule on to her.
    "rule_passed_on": (["may_i_help", "give_space", "ask_again", "where_headed", "walk_to_taxi", "ask_hale",
                        "tell_her_rule"], "walked_out", 43, 50),
    # Stay at the counter, then ask her to move out of the doorway.
    "worst": (["may_i_help", "back_to_stock", "stay_counter", "move_her"], "doorway", 13, 20),
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
    result = play(program, numbers_for(program, choices), language=language)
    assert result.scorecard.ending == ending
    assert low <= result.scorecard.score <= high, result.scorecard.score
    assert all(beat.text for beat in result.beats)


def test_scores_do_not_depend_on_language(program):
    for choices, _, _, _ in PATHS.values():
        scores = {play(program, numbers_for(program, choices), language=lang).scorecard.score
                  for lang in LANGUAGES}
        assert len(scores) == 1


def test_two_good_resolutions(program):
    best = play(program, numbers_for(program, PATHS["best"][0]))
    other = play(program, numbers_for(program, PATHS["wait_inside"][0]))
    assert best.scorecard.ending != other.scorecard.ending
    assert best.scorecard.score >= 85 and other.scorecard.score >= 80
    assert "chair" in other.state.visited and "chair" not in best.state.visited


def test_handbook_clerk_reaches_the_rockefeller_letter(program):
    assert program.endings["letter"].outcome == 3
    story, state, card = run_ids(program, HANDBOOK)
    assert card.ending == "letter" and card.outcome == 3 and card.grade == "B" and card.relationship == 3
    for node in ("just_waiting", "umbrella_fetched", "taxi_stand", "keep_reply", "chairman_letter"):
        assert node in state.visited
    assert "Rockefeller" in program.nodes["chairman_letter"].text["en"]
    assert "洛克菲勒" in program.nodes["chairman_letter"].text["zh"]
    # The letter follows the gift of the umbrella, whatever the goodbye: a confirm adds to the score.
    for goodbye in ("how_manage", "name_ok", "shut_go"):
        assert run_ids(program, HANDBOOK[:-1] + [goodbye])[2].ending == "letter"
    assert run_ids(program, HANDBOOK[:-1] + ["how_manage"])[2].score > card.score


def test_the_handbook_question_is_an_open_question(program):
    greet = next(c for c in program.nodes["opening"].choices if c.id == "may_i_help")
    assert "请问有什么可以帮您？" in greet.text["zh"] and "How may I help you?" in greet.text["en"]
    assert "open-question" in greet.principles and "closed-question" not in greet.principles
    again = next(c for c in program.nodes["rain_starts"].choices if c.id == "ask_again")
    assert "open-question" in again.principles and again.rating == 2


def test_the_letter_is_gated_after_a_slight(program):
    assert "letter" not in endings_after_a_slight(program)
    assert run_ids(program, PATHS["slighted"][0])[2].ending == "regular"


def test_doing_nothing_and_goodbyes_are_not_explore_or_confirm(program):
    choices = {c.id: c for node in program.nodes.values() for c in node.choices}
    for choice_id in ("serve_couple", "stay_counter", "leave_her", "fine_then", "move_her", "bench",
                      "ok_then", "shut_go", "shut_door"):
        assert choices[choice_id].stage == "act", choice_id


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
            assert 3 <= len(node.choices) <= 5, node.id
            assert any(choice.condition is None for choice in node.choices), node.id
            ids = [choice.id for choice in node.choices]
            assert len(set(ids)) == len(ids), node.id
            assert not any(i.isdigit() for i in ids), node.id


def test_facilitator_material_on_every_decision_and_a_workshop_plan(program):
    for node in program.nodes.values():
        if node.choices:
            assert node.facilitator and node.facilitator.question and node.facilitator.notes, node.id
    assert {"just_waiting", "keep_reply"} <= {n.id for n in program.nodes.values() if n.facilitator}
    plan = raw_scene("umbrella").workshop
    assert plan is not None and 3 <= len(plan.key_decisions) <= 4
    assert {key.node for key in plan.key_decisions} >= {"just_waiting"}
    for key in plan.key_decisions:
        assert program.nodes[key.node].choices and key.minutes == 10
    assert any("交互点评" in text_of(item, "zh") for item in plan.rubric)


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
