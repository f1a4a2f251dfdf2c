"""The tire refund scene (seed 001, lecture 1): the seed's ending and the teaching points it branches on."""

import json
import re
from pathlib import Path

import pytest

from game.analysis import analyze
from game.cli import main
from game.engine import Story
from game.loader import load_scene
from game.playthrough import play, transcript_text
from game.ltext import pick
from scene_paths import endings_after_a_slight, numbers_for, open_ids, raw_scene, run_ids, text_of

SCENE = Path(__file__).resolve().parent.parent / "scenes" / "tire_refund.yaml"
CJK = re.compile(r"[\u4e00-\u9fff]")
MOT_ORDER = ["explore", "offer", "act", "confirm"]

# Named paths, by choice id.
# The handbook's turn of events, played well: listen, refund him on trust, count the money into his
# hand with "bring the receipt if you remember", check the bike, and thank him when he comes back.
HANDBOOK = ["listen", "refund_anyway", "ring_it", "bike_check", "welcome_back"]
# The handbook's own clerk: a polite refusal, the manager's fifty yuan, his return half an hour later.
SEED = ["policy", "repeat_policy", "see_off", "welcome_sorry"]
SMARTER = ["listen", "look_up", "his_detail", "save_face_help", "write_down", "confirm_full"]
NO_QUESTIONS = ["refund_now", "ring_it", "confirm_refund", "welcome_back"]
WORST = ["receipt", "check_system", "blunt", "double_down"]

# Transcript paths: (name, choice ids, ending, lowest score, highest score). Each range is a few
# points around the score the path earns today, so a change to a rating or to the scoring shows up.
TRANSCRIPTS = [
    ("handbook", HANDBOOK, "wrong_store", 88, 94),
    ("best_explorer", SMARTER, "new_regular", 87, 93),
    ("worst", WORST, "called_liar", 4, 11),
    ("seed", SEED, "store_respect", 29, 36),
    # Passing him to the manager after listening: the handbook's ending, with a weaker technique.
    ("manager", ["listen", "ask_manager", "see_off", "welcome_back"], "wrong_store", 73, 80),
    ("no_questions", NO_QUESTIONS, "wrong_store", 73, 80),
    # Looked it up, and refunded him anyway without a word: the best score, the handbook's ending.
    ("informed_refund", ["listen", "look_up", "refund_quietly", "ring_it", "bike_check", "welcome_back"],
     "wrong_store", 90, 95),
    ("map", ["listen", "look_up", "gentle_where", "directions_only", "confirm_plain"], "right_shop", 73, 80),
    ("form_rules", ["refund_now", "id_form", "form_rules"], "paperwork", 27, 34),
    ("rushed", ["listen", "look_up", "his_detail", "save_face_help", "gist", "gist_rush"], "sorted", 63, 70),
    ("promises", ["receipt", "insist_rule", "recover", "exchange", "out_of_stock"], "wasted_trips", 12, 19),
    ("proved", ["listen", "look_up", "blunt", "show_screen"], "shown_door", 28, 34),
    # A slight repaired: the same good words at the door, a +2 ending instead of +3.
    ("mended", ["listen", "exchange", "blunt_again", "apologise_reframe", "save_face_help", "write_down",
                "confirm_full_late"], "mended", 64, 71),
    # The long way round: every mistake repaired, nine decisions.
    ("long", ["receipt", "reframe", "look_up", "refund_quietly", "second_thoughts", "apologise_reframe",
              "save_face_help", "gist", "gist_note", "confirm_full_late"], "mended", 60, 67),
]


@pytest.fixture(scope="module")
def program():
    loaded = load_scene(str(SCENE))
    assert loaded.program is not None, [d.format() for d in loaded.diagnostics]
    return loaded.program


def _run(program, choice_ids, language="en"):
    return run_ids(program, choice_ids, language)


def _numbers(program, choice_ids):
    return numbers_for(program, choice_ids)


def _open_ids(program, choice_ids):
    return open_ids(program, choice_ids)


def test_scene_validates_clean():
    loaded = load_scene(str(SCENE))
    assert loaded.ok
    assert [d.format() for d in loaded.diagnostics] == []  # no errors and no warnings


def test_identity_setting_and_cast(program):
    assert program.id == "tire_refund"
    assert program.backdrop == "supermarket-desk"  # its own place, not the tutorial's electronics shop
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


def test_handbook_turn_of_events_reaches_the_top_outcome(program):
    story, state, card = _run(program, HANDBOOK)
    assert card.ending == "wrong_store" and card.outcome == 3 and card.grade == "A" and card.relationship == 3
    assert {"refund_key", "seed_return", "back_at_desk"} <= set(state.visited)
    # The refund is the store's respect, in the handbook's words, not a favour from someone's wallet.
    texts = " ".join(pick(program.nodes[n].text, "en") for n in ("refund_key", "manager_takes_over", "seed_return"))
    assert "wallet" not in texts and "own pocket" not in texts
    assert "receipt" in pick(program.nodes["refund_key"].text, "en")
    ring = next(c for c in program.nodes["refund_key"].choices if c.id == "ring_it")
    assert "if you come across the receipt" in ring.text["en"] and "找着小票" in ring.text["zh"]
    back = program.nodes["back_at_desk"].text
    assert "fifty yuan" in back["en"] and "sell tires" in back["en"]
    assert "五十块" in back["zh"] and "不卖轮胎" in back["zh"]
    ending = program.endings["wrong_store"].text
    assert "at his word" in ending["en"] and "信了" in ending["zh"]


def test_the_handbook_clerk_refuses_and_the_store_repairs_it(program):
    story, state, card = _run(program, SEED)
    assert card.ending == "store_respect" and card.outcome == 1
    assert {"manager_takes_over", "gesture", "seed_return", "back_at_desk"} <= set(state.visited)
    assert program.speakers[program.nodes["gesture"].speaker].role == "manager"
    assert card.worst_moment.rating == -2 and card.grade == "F"


@pytest.mark.parametrize("route", [["policy", "repeat_policy"], ["policy", "call_manager"],
                                   ["listen", "ask_manager"]])
def test_every_route_to_the_manager_leads_to_his_return(program, route):
    for last in ("next_customer", "see_off", "object"):
        assert "back_at_desk" in _run(program, route + [last])[1].visited
        assert _open_ids(program, route + [last])[-1] in ("welcome_back", "welcome_sorry")


def test_policy_answers_are_always_rated_as_mistakes(program):
    tagged = [c for node in program.nodes.values() for c in node.choices if "policy-over-person" in c.principles]
    assert {c.id for c in tagged} >= {"policy", "receipt", "insist_rule", "repeat_policy"}
    assert all(c.rating < 0 for c in tagged)


def test_both_good_paths_walk_all_four_stages_to_a_top_ending(program):
    best = analyze(program).best
    assert best.ending in ("wrong_store", "new_regular")
    assert best.stages[0] == "explore"
    assert [s for i, s in enumerate(best.stages) if s not in best.stages[:i]] == ["explore", "offer", "act", "confirm"]
    assert play(program, list(best.choices)).scorecard.score == best.score
    for path, ending in ((SMARTER, "new_regular"), (HANDBOOK, "wrong_store")):
        card = _run(program, path)[2]
        assert card.ending == ending and card.outcome == 3 and card.grade == "A"


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


def test_every_kept_refund_is_followed_by_his_return(program):
    for path in (["refund_now", "ring_it", "next_please"], ["listen", "look_up", "refund_quietly", "ring_it",
                                                             "bike_check"]):
        assert "back_at_desk" in _run(program, path)[1].visited
    # Deciding before exploring costs technique, not the ending.
    card = _run(program, NO_QUESTIONS)[2]
    assert card.ending == "wrong_store" and "offer_before_explore" in card.out_of_order
    assert card.score < _run(program, HANDBOOK)[2].score


def test_top_endings_are_gated_after_a_slight(program):
    """No +3 ending follows a moment rated -2 or worse; the same good words lead to a lesser ending."""
    top = {ending_id for ending_id, ending in program.endings.items() if ending.outcome == 3}
    assert top and not top & endings_after_a_slight(program)
    assert "welcome_sorry" in _open_ids(program, ["policy", "repeat_policy", "see_off"])
    assert "welcome_back" not in _open_ids(program, ["policy", "repeat_policy", "see_off"])


def test_promising_no_questions_then_asking_one_is_closed_once_you_know(program):
    assert "stall" in _open_ids(program, ["refund_now"])
    assert "stall" not in _open_ids(program, ["listen", "look_up", "refund_quietly"])
    # Once you know, the same mistake is saying it over his head; either way he feels called a liar.
    assert "second_thoughts" in _open_ids(program, ["listen", "look_up", "refund_quietly"])
    assert "second_thoughts" not in _open_ids(program, ["refund_now"])
    assert _run(program, ["listen", "look_up", "refund_quietly", "second_thoughts", "double_down"])[2].ending \
        == "called_liar"
    assert _run(program, ["refund_now", "stall", "apologise_reframe", "told_you"])[2].ending == "shown_door"


def test_good_paths_beat_the_seed_clerk(program):
    seed = _run(program, SEED)[2].score
    assert _run(program, SMARTER)[2].score > seed and _run(program, HANDBOOK)[2].score > seed
    assert seed > _run(program, WORST)[2].score


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
    assert "yuan" in pick(program.nodes["back_at_desk"].text, "en")


@pytest.mark.parametrize("seed", range(40))
def test_random_runs_reach_an_ending_in_both_languages(program, seed):
    for language in ("en", "zh"):
        result = play(program, None, seed=seed, language=language)
        assert result.scorecard.ending in program.endings
        assert 0 <= result.scorecard.score <= 100


def test_runs_by_id_from_the_command_line(program, capsys):
    numbers = _numbers(program, HANDBOOK)
    assert main(["run", "tire_refund", "--choices", ",".join(map(str, numbers)), "--json", "--lang", "zh"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["scene"] == "tire_refund" and result["ending"] == "wrong_store"


# --- The requirements, one test each -------------------------------------------------------


def _decisions(program):
    return [node for node in program.nodes.values() if node.choices]


def _is_subsequence(wanted, stages):
    it = iter(stages)
    return all(stage in it for stage in wanted)


def test_analyze_reaches_every_ending_and_the_best_path_walks_the_model(program):
    result = analyze(program)
    assert result.endings_unreached == [] and set(result.endings_reached) == set(program.endings)
    assert result.stuck == []
    assert _is_subsequence(MOT_ORDER, result.best.stages), result.best.stages
    assert result.best.score >= 85
    assert result.worst.score <= 20
    assert len(result.best.choices) >= 6


def test_size_endings_and_outcomes(program):
    assert len(program.nodes) >= 25
    assert len(program.endings) >= 5
    outcomes = {ending.outcome for ending in program.endings.values()}
    assert {-3, 3} <= outcomes
    # The endings cover the whole scale, not just its two ends.
    assert outcomes == {-3, -2, -1, 0, 1, 2, 3}


def test_longest_path_has_at_least_eight_decisions(program):
    """DFS over program.nodes (the scene is acyclic): the most decisions from the start to an ending."""
    memo = {}

    def longest(node_id, seen=()):
        assert node_id not in seen, f"loop through {node_id}"
        if node_id not in memo:
            node = program.nodes[node_id]
            if node.ending:
                memo[node_id] = 0
            elif node.next:
                memo[node_id] = longest(node.next, seen + (node_id,))
            else:
                memo[node_id] = 1 + max(longest(c.next, seen + (node_id,)) for c in node.choices)
        return memo[node_id]

    assert longest(program.start) >= 8
    # And a path that long can really be played, conditions and all.
    assert len(TRANSCRIPTS[-1][1]) >= 8 and _run(program, TRANSCRIPTS[-1][1])[2].ending == TRANSCRIPTS[-1][2]


def test_every_decision_offers_three_or_four_choices(program):
    for node in _decisions(program):
        assert any(c.condition is None for c in node.choices), f"{node.id}: every choice has an if:"
    # 3-4 are open at every decision the player can actually reach, whatever the flags.
    story = Story(program)
    seen = set()

    def walk(state):
        state = story.skip_lines(state)
        if (state.node, state.flags) in seen or story.kind(state) == "ending":
            return
        seen.add((state.node, state.flags))
        opened = story.open_choices(state)
        assert 3 <= len(opened) <= 4, (state.node, sorted(state.flags), [c.id for c in opened])
        for choice in opened:
            walk(story.choose_id(state, choice.id)[0])

    walk(story.start())
    assert {node for node, _ in seen} == {node.id for node in _decisions(program)}


def test_every_choice_is_rated_staged_tagged_and_coached_in_both_languages(program):
    for node in _decisions(program):
        for c in node.choices:
            where = f"{node.id}/{c.id}"
            assert -3 <= c.rating <= 3, where
            assert c.stage in MOT_ORDER, where
            assert c.principles, where
            for language in ("en", "zh"):
                assert c.text[language].strip() and c.feedback[language].strip(), where
            english = re.findall(r"(?<!Mr)(?<!Ms)[.!?](?:\s|$)", c.feedback["en"])
            chinese = re.findall(r"[。!?]", c.feedback["zh"])
            assert 1 <= len(english) <= 2 and 1 <= len(chinese) <= 3, where
    ratings = {c.rating for node in _decisions(program) for c in node.choices}
    assert {-3, 3} <= ratings


def test_the_tempting_mistakes_are_offered_and_rated_as_mistakes(program):
    choices = {c.id: c for node in _decisions(program) for c in node.choices}
    mistakes = {
        "policy": "policy-over-person",        # quoting policy at an upset customer, kindly
        "repeat_policy": "policy-over-person",  # explaining the rule's reasons
        "double_down": "no-defensiveness",     # calm facts at a hurt man
        "exchange": "keep-promise",            # promising before checking
        "out_of_stock": "keep-promise",
        "next_please": "confirm-satisfaction",  # skipping the confirm
        "wave_off": "confirm-satisfaction",
    }
    for choice_id, principle in mistakes.items():
        assert principle in choices[choice_id].principles, choice_id
        assert choices[choice_id].rating <= 0, choice_id
    # Refusals and goodbyes are tagged by what they do (act), never as an offer or a confirm.
    for choice_id in ("policy", "repeat_policy", "insist_rule", "blunt", "next_please", "wave_off",
                      "next_customer", "see_off"):
        assert choices[choice_id].stage == "act", choice_id
    # Every decision offers something better than its worst option, and no decision is all mistakes.
    for node in _decisions(program):
        assert max(c.rating for c in node.choices) > 0, node.id


def test_the_customer_is_a_steady_type_and_the_player_is_staff(program):
    assert program.customer_type == "steady"
    assert program.speakers["you"].role == "staff"
    assert program.speakers["customer"].name == {"en": "Mr. Zhang", "zh": "张大爷"}
    assert sum("customer-type-fit" in c.principles for node in _decisions(program) for c in node.choices) >= 4
    # He reacts the steady way: slowly and quietly, not by shouting.
    hurt = [pick(program.nodes[n].text, "en") for n in ("policy_reply", "insulted", "storms_out")]
    assert "doesn't shout" in hurt[0] and "voice stays low" in hurt[1] and "slowly" in hurt[2]


def test_every_decision_has_facilitator_material_and_the_scene_a_workshop_plan(program):
    for node in _decisions(program):
        facilitator = node.facilitator
        assert facilitator is not None, node.id
        for text in (facilitator.question, facilitator.notes):
            assert text and CJK.search(text["zh"]) and not CJK.search(text["en"]), node.id
    # The question projected at `story` must not give the twist away.
    question = program.nodes["story"].facilitator.question
    assert "entrance" not in question["en"] and "tire" not in question["en"].lower().replace("tired", "")
    plan = raw_scene("tire_refund").workshop
    assert plan is not None and 3 <= len(plan.key_decisions) <= 4
    for key in plan.key_decisions:
        assert program.nodes[key.node].choices and key.minutes == 10
        assert text_of(key.question, "zh") and text_of(key.model_answer, "en")
    assert any("交互点评" in text_of(item, "zh") for item in plan.rubric)


def test_every_text_exists_in_english_and_chinese(program):
    texts = [program.title, program.summary, program.place, *program.objectives]
    texts += [speaker.name for speaker in program.speakers.values()]
    for node in program.nodes.values():
        texts.append(node.text)
        for c in node.choices:
            texts += [c.text, c.feedback]
    for ending in program.endings.values():
        texts += [ending.title, ending.text]
    for text in texts:
        assert set(text) == {"en", "zh"} and text["en"].strip() and text["zh"].strip(), text
    # Money and names fit each language: yuan and Chinese names in Chinese, Walmart kept as the name.
    zh = " ".join(t["zh"] for t in texts)
    en = " ".join(t["en"] for t in texts)
    assert "沃尔玛" in zh and "Walmart" in en
    assert "五十" in zh and "fifty yuan" in en and "$" not in en
    assert "赵" in zh and "华美" in zh and "吴小姐" in zh


def test_consequences_are_shown_by_the_customer(program):
    # After each mistake the customer's own words and actions carry the consequence, not a verdict.
    for node_id in ("policy_reply", "no_receipt", "insulted", "form", "gist_reply", "form_paid", "storms_out"):
        assert program.nodes[node_id].speaker == "customer", node_id
    narrated = " ".join(pick(n.text, "en").lower() for n in program.nodes.values() if n.speaker == "narrator")
    for verdict in ("rude", "mistake", "bad choice", "wrong answer", "well done"):
        assert verdict not in narrated


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "choice_ids", "ending", "low", "high"), TRANSCRIPTS,
                         ids=[t[0] for t in TRANSCRIPTS])
def test_transcripts(program, language, name, choice_ids, ending, low, high):
    numbers = _numbers(program, choice_ids)
    result = play(program, numbers, language=language)
    assert result.scorecard.ending == ending
    assert low <= result.scorecard.score <= high, result.scorecard.score
    text = transcript_text(result, language)
    assert pick(program.endings[ending].title, language) in text
    assert ("得分" in text) == (language == "zh")
    body = text.split("\n", 1)[1]
    if language == "zh":
        assert "张大爷" in body and "Mr. Zhang" not in body
    else:
        assert "Mr. Zhang" in body and not CJK.search(body)


def test_transcript_paths_cover_the_best_the_worst_and_the_seed(program):
    result = analyze(program)
    by_name = {t[0]: t for t in TRANSCRIPTS}
    best = max((t for t in TRANSCRIPTS), key=lambda t: _run(program, t[1])[2].score)
    assert _run(program, best[1])[2].score == result.best.score
    assert _run(program, by_name["worst"][1])[2].score == result.worst.score
    assert by_name["handbook"][2] == "wrong_store"
    # More than one good path: at least two different endings reach a B or better.
    good = {ending for _, ids, ending, _, _ in TRANSCRIPTS if _run(program, ids)[2].score >= 70}
    assert len(good) >= 2
