"""The tire refund scene (seed 001, lecture 1): the seed's ending and the teaching points it branches on."""

import json
import re
from pathlib import Path

import pytest

from game.analysis import analyze
from game.cli import main
from game.engine import Story
from game.loader import load_scene
from game.playthrough import play
from game.program import pick
from game.scorecard import build_scorecard

SCENE = Path(__file__).resolve().parent.parent / "scenes" / "tire_refund.yaml"
CJK = re.compile(r"[\u4e00-\u9fff]")

# Named paths, by choice id. The seed's own turn of events is SEED.
SEED = ["policy", "repeat_policy", "see_off"]
SMARTER = ["listen", "look_up", "his_detail", "save_face_help", "write_down", "confirm_full"]
NO_QUESTIONS = ["refund_now", "ring_it", "confirm_refund"]


@pytest.fixture(scope="module")
def program():
    loaded = load_scene(str(SCENE))
    assert loaded.program is not None, [d.format() for d in loaded.diagnostics]
    return loaded.program


def _run(program, choice_ids, language="en"):
    """Play the scene by choice ids (robust to reordering) and return the scorecard."""
    story = Story(program)
    state = story.skip_lines(story.start())
    for choice_id in choice_ids:
        state, _ = story.choose_id(state, choice_id)
        state = story.skip_lines(state)
    return story, state, build_scorecard(story, state, language)


def _open_ids(program, choice_ids):
    """The ids of the choices open after taking ``choice_ids``."""
    story = Story(program)
    state = story.skip_lines(story.start())
    for choice_id in choice_ids:
        state = story.skip_lines(story.choose_id(state, choice_id)[0])
    return [c.id for c in story.open_choices(state)]


def test_scene_validates_clean():
    loaded = load_scene(str(SCENE))
    assert loaded.ok
    assert [d.format() for d in loaded.diagnostics] == []  # no errors and no warnings


def test_identity_setting_and_cast(program):
    assert program.id == "tire_refund"
    assert program.backdrop == "service-desk"
    assert set(program.languages) == {"en", "zh"}
    roles = {speaker.role for speaker in program.speakers.values()}
    assert {"staff", "manager", "customer"} <= roles
    assert "Walmart" in pick(program.place, "en") and "沃尔玛" in pick(program.place, "zh")


def test_every_ending_reachable_across_the_mot_scale(program):
    result = analyze(program)
    assert result.endings_unreached == []
    assert result.stuck == []
    assert result.reachable_nodes == result.nodes
    outcomes = {ending.outcome for ending in program.endings.values()}
    assert min(outcomes) == -3 and max(outcomes) == 3


def test_seed_turn_of_events_is_an_ending(program):
    story, state, card = _run(program, SEED)
    assert card.ending == "wrong_store"
    assert "manager_takes_over" in state.visited and "gesture" in state.visited
    assert program.speakers[program.nodes["gesture"].speaker].role == "manager"
    handed = pick(program.nodes["manager_takes_over"].text, "en")
    assert "fifty-yuan" in handed and "receipt" in handed
    back = program.nodes["seed_return"].text
    assert "Half an hour later" in back["en"] and "never sold tires" in back["en"] and "wrong store" in back["en"]
    assert "半个小时" in back["zh"] and "五十块" in back["zh"] and "不卖轮胎" in back["zh"] and "走错" in back["zh"]
    # The manager saved the store's moment; the clerk's refusal still costs the clerk's score.
    assert card.outcome > 0 and card.worst_moment.rating == -2
    assert "offer_before_explore" in card.out_of_order


@pytest.mark.parametrize("route", [["policy", "repeat_policy"], ["policy", "call_manager"],
                                   ["listen", "ask_manager"]])
def test_every_route_to_the_manager_ends_in_the_seed_ending(program, route):
    for last in ("next_customer", "see_off", "object"):
        assert _run(program, route + [last])[2].ending == "wrong_store"


def test_policy_answers_are_always_rated_as_mistakes(program):
    tagged = [c for node in program.nodes.values() for c in node.choices if "policy-over-person" in c.principles]
    assert {c.id for c in tagged} >= {"policy", "receipt", "insist_rule", "repeat_policy"}
    assert all(c.rating < 0 for c in tagged)


def test_best_path_is_the_smarter_path_through_all_four_stages(program):
    best = analyze(program).best
    assert best.ending == "new_regular"
    assert best.stages[0] == "explore" and best.stages[-1] == "confirm"
    assert [s for i, s in enumerate(best.stages) if s not in best.stages[:i]] == ["explore", "offer", "act", "confirm"]
    assert {"story", "lookup", "remembers", "calling"} <= set(best.path)
    assert play(program, list(best.choices)).scorecard.score == best.score
    card = _run(program, SMARTER)[2]
    assert card.ending == "new_regular" and card.score == best.score and card.grade == "A"


def test_exploring_reveals_the_store_never_stocked_tires(program):
    lookup = program.nodes["lookup"].text
    assert "never stocked a tire" in lookup["en"] and "从来没卖过轮胎" in lookup["zh"]
    # Building on his own story (the bike counter by the entrance) opens only after listening to it.
    assert "his_detail" in _open_ids(program, ["listen", "look_up"])
    assert "his_detail" not in _open_ids(program, ["receipt", "check_system"])
    assert "gentle_where" in _open_ids(program, ["receipt", "check_system"])


def test_telling_him_bluntly_endangers_the_relationship(program):
    card = _run(program, ["listen", "look_up", "blunt", "double_down"])[2]
    assert card.ending == "called_liar" and card.outcome == -3
    assert card.score < 30


def test_no_questions_refund_is_loyal_making_but_costly(program):
    card = _run(program, NO_QUESTIONS)[2]
    assert card.ending == "no_questions" and card.outcome > 0
    assert "offer_before_explore" in card.out_of_order
    text = pick(program.endings["no_questions"].text, "en")
    assert "fifty yuan gone" in text and "shops here for years" in text
    # Reachable after exploring too, and still below the path that finds out where he bought it.
    informed = _run(program, ["listen", "look_up", "refund_quietly", "ring_it", "confirm_refund"])[2]
    assert informed.ending == "no_questions"
    assert card.score < informed.score < _run(program, SMARTER)[2].score


def test_promising_no_questions_then_asking_one_is_closed_once_you_know(program):
    assert "stall" in _open_ids(program, ["refund_now"])
    assert "stall" not in _open_ids(program, ["listen", "look_up", "refund_quietly"])
    assert _run(program, ["refund_now", "stall", "apologise_reframe", "told_you"])[2].ending == "shown_door"


def test_smarter_path_beats_the_seed_and_the_refund(program):
    smarter = _run(program, SMARTER)[2].score
    seed_best = max(_run(program, route + ["see_off"])[2].score
                    for route in (["policy", "repeat_policy"], ["listen", "ask_manager"]))
    assert smarter > _run(program, NO_QUESTIONS)[2].score
    assert smarter > seed_best > _run(program, SEED[:-1] + ["object"])[2].score


def test_both_languages_read_as_written_for_them(program):
    texts = [program.title, program.summary, program.place, *program.objectives]
    for node in program.nodes.values():
        texts.append(node.text)
        for c in node.choices:
            texts += [c.text, c.feedback]
        if node.facilitator:
            texts += [t for t in (node.facilitator.question, node.facilitator.notes) if t]
    for ending in program.endings.values():
        texts += [ending.title, ending.text]
    for text in texts:
        assert CJK.search(text["zh"]), text["zh"]
        assert not CJK.search(text["en"]), text["en"]
    assert "yuan" in pick(program.endings["wrong_store"].text, "en")


@pytest.mark.parametrize("seed", range(40))
def test_random_runs_reach_an_ending_in_both_languages(program, seed):
    for language in ("en", "zh"):
        result = play(program, None, seed=seed, language=language)
        assert result.scorecard.ending in program.endings
        assert 0 <= result.scorecard.score <= 100


def test_runs_by_id_from_the_command_line(capsys):
    story = Story(load_scene(str(SCENE)).program)
    state = story.skip_lines(story.start())
    numbers = []
    for choice_id in SEED:
        numbers.append(next(n for n, c in enumerate(story.open_choices(state), start=1) if c.id == choice_id))
        state = story.skip_lines(story.choose_id(state, choice_id)[0])
    assert main(["run", "tire_refund", "--choices", ",".join(map(str, numbers)), "--json", "--lang", "zh"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["scene"] == "tire_refund" and result["ending"] == "wrong_store"
