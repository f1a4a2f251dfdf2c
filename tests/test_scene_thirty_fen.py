"""Thirty fen (seed 003, complaint cases 1 and 4 and the agent's own stress), a call-centre phone scene."""

from pathlib import Path

import pytest
import yaml

import scene_checks as checks
from game.playthrough import play

SCENE = Path(__file__).resolve().parent.parent / "scenes" / "thirty_fen.yaml"
LANGUAGES = ("en", "zh")

GOOD_CALL = ["client_first", "lookup_minute", "restore_now", "respect_can", "breathe_number", "own_callback",
             "set_guard", "recap_open"]

# (name, choice ids, ending, lowest score, highest score). Scores do not depend on the language.
PATHS = [
    # Best: the feeling first, a short audible calm moment, the line back at once, respect and
    # what we can do, composure under the insult, the callback owned, the guard set up, a short
    # confirm, and thirty seconds that log the promise and reset the agent.
    ("best", GOOD_CALL + ["reset_callback"], "promise_kept", 85, 100),
    # Worst: the rule first, silent hold, the reminders, "not liable", the threat to hang up.
    ("worst", ["rule_first", "please_hold", "reminders", "not_liable", "warn_end"], "lost_customer", 0, 6),
    # The agent snaps back at the insult; the team leader takes over and logs a complaint about him.
    ("snap", GOOD_CALL[:4] + ["snap"], "attitude_complaint", 39, 50),
    # A kind promise to "try" for compensation that cannot be granted.
    ("false_hope", GOOD_CALL[:6] + ["try_compensation"], "false_hope", 47, 58),
    # A good call carried into the next one by venting.
    ("vent", GOOD_CALL + ["vent"], "tight_voice", 67, 78),
    # A good call, then the wrap-up skipped for the queue: the callback is never logged.
    ("rushed", GOOD_CALL + ["straight_on"], "lost_in_queue", 50, 61),
    # Monday's complaint passed back to billing: the agent stays steady, the company still fails him.
    ("passed_back", GOOD_CALL[:5] + ["other_dept", "set_guard", "recap_open", "reset_plain"], "steady_hand", 72, 83),
]

ENDING_TITLE_WORDS = {
    "promise_kept": {"en": "Before four", "zh": "四点之前"},
    "lost_customer": {"en": "one click", "zh": "咔哒一声"},
    "attitude_complaint": {"en": "about you", "zh": "投诉的对象成了你"},
    "false_hope": {"en": "never was", "zh": "一场空"},
    "tight_voice": {"en": "next caller", "zh": "下一位客户"},
    "lost_in_queue": {"en": "Nobody wrote", "zh": "没人记下来"},
    "steady_hand": {"en": "steady hand", "zh": "手稳住了"},
}


def loaded():
    return checks.load(SCENE)


def program():
    return checks.program_of(SCENE)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name,choices,ending,low,high", PATHS, ids=[p[0] for p in PATHS])
def test_transcript(name, choices, ending, low, high, language):
    result = play(program(), choices, language=language)
    card = result.scorecard
    assert card.ending == ending
    assert low <= card.score <= high, card.score
    assert ENDING_TITLE_WORDS[ending][language] in card.ending_title
    checks.check_language_of_transcript(result, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_handbooks_two_cases(language):
    """Case 4 opens the call (30 fen, a lost client, compensation); case 1 follows (four days, no callback)."""
    result = play(program(), GOOD_CALL + ["reset_callback"], language=language)
    nodes = [beat.node for beat in result.beats]
    opening, four_days = result.beats[1].text, result.beats[nodes.index("four_days")].text
    assert nodes.index("demand") < nodes.index("insult") < nodes.index("four_days") < nodes.index("after_call")
    if language == "zh":
        assert "欠费三毛钱就停机" in opening and "损失了一个大客户" in opening and "怎么赔" in opening
        assert "四天前" in four_days and "回复电话" in four_days
    else:
        assert "thirty fen" in opening and "lost a big client" in opening and "compensate" in opening
        assert "Four days ago" in four_days and "ring me back" in four_days


def test_composure_decisions_are_about_the_agent():
    """At the insult and after the call, the best choice names the handbook's three steps or their acts."""
    insult = {c.id: c for c in program().nodes["insult"].choices}
    assert insult["breathe_number"].rating == max(c.rating for c in insult.values())
    assert "stay-calm" in insult["breathe_number"].principles
    raw = yaml.safe_load(SCENE.read_text(encoding="utf-8"))["nodes"]["after_call"]["choices"]
    conditions = {choice["id"]: choice.get("if") for choice in raw}
    assert conditions == {"straight_on": None, "reset_plain": "not promised_4pm", "vent": None,
                          "reset_callback": "promised_4pm"}
    notes = program().nodes["insult"].facilitator.notes
    assert all(step in notes["zh"] for step in ("截源", "过滤", "接受"))
    assert all(step in notes["en"] for step in ("avoid the source", "reinterpret", "accept"))


def test_the_callback_is_kept_only_when_owned_and_logged():
    owned = play(program(), GOOD_CALL + ["reset_callback"])
    assert owned.scorecard.ending == "promise_kept"
    passed = play(program(), GOOD_CALL[:5] + ["urgent_48", "set_guard", "recap_open", "reset_plain"])
    assert passed.scorecard.ending == "steady_hand"


def test_a_phone_scene():
    data = yaml.safe_load(SCENE.read_text(encoding="utf-8"))
    assert data["setting"]["channel"] == "phone" and data["customer"]["phone"]
    states = [node.get("call") for node in data["nodes"].values()]
    assert {"ringing", "connected", "hold", "transfer", "ended"} <= set(states)


def test_loads_without_any_diagnostics():
    assert [d.format() for d in loaded().diagnostics] == []


def test_size_and_analysis():
    checks.check_size(program())
    checks.check_analysis(program(), "promise_kept")


def test_decisions_and_facilitator_material():
    checks.check_decisions(program())


def test_workshop_plan_and_people():
    checks.check_workshop_and_people(SCENE)


def test_predictability_limits():
    checks.check_predictability(program())


def test_every_text_in_both_languages():
    checks.check_both_languages(SCENE)
