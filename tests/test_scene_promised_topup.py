"""The promised top-up (seed 000's telecom counter case, handled as seed 003 teaches complaints)."""

from pathlib import Path

import pytest

import scene_checks as checks
from game.playthrough import play

SCENE = Path(__file__).resolve().parent.parent / "scenes" / "promised_topup.yaml"
LANGUAGES = ("en", "zh")

# (name, choice ids, ending, lowest score, highest score). Scores do not depend on the language.
PATHS = [
    # Best: emotion first, a calm moment with a reason, the news told straight, "cheating" reframed
    # as a misunderstanding, his point given back, what we can do, humility and a proactive
    # suggestion, the credit kept on the spot, an open confirm.
    ("best", ["hear_him", "calm_moment", "straight_news", "misunderstanding", "admit_flyer", "can_do",
              "humble_suggest", "credit_now", "crew_check"], "quick_win", 85, 100),
    # The handbook's exchange, then the worst answers to it: defend the company, forbid filming.
    ("worst", ["check_first", "seed_line", "contract", "not_allowed"], "lost_crew", 0, 6),
    # The handbook's exchange, then the complaint section's answers: the seed's bad start recovered.
    ("seed_recovered", ["check_first", "seed_line", "misunderstanding", "admit_flyer", "can_do",
                        "humble_suggest", "credit_now", "crew_check"], "quick_win", 72, 83),
    # Resolved, but no confirm: stays, like the 90-95 % whose complaint is resolved quickly.
    ("no_confirm", ["hear_him", "calm_moment", "straight_news", "misunderstanding", "admit_flyer", "can_do",
                    "humble_suggest", "credit_now", "thanks_bye"], "kept_quickly", 74, 85),
    # Resolved slowly: the credit in a few working days (about 60 % stay).
    ("slow", ["hear_him", "calm_moment", "straight_news", "misunderstanding", "admit_flyer", "can_do",
              "humble_suggest", "few_days"], "kept_slowly", 69, 80),
    # A promise that is not the clerk's to make.
    ("promise", ["hear_him", "calm_moment", "straight_news", "misunderstanding", "promise_200"],
     "broken_promise", 42, 53),
    # Sent back to the hotline he has just spent twenty minutes on.
    ("passed_on", ["hear_him", "calm_moment", "straight_news", "misunderstanding", "admit_flyer",
                   "hotline_again"], "passed_on", 38, 49),
    # "That's the best we can offer" after a rejected solution.
    ("best_we_can", ["hear_him", "calm_moment", "straight_news", "misunderstanding", "admit_flyer", "can_do",
                     "best_we_can"], "formal_complaint", 48, 59),
]

ENDING_TITLE_WORDS = {
    "quick_win": {"en": "same afternoon", "zh": "当天下午"},
    "lost_crew": {"en": "across the road", "zh": "转到了对面"},
    "kept_quickly": {"en": "on the spot", "zh": "当场办妥"},
    "kept_slowly": {"en": "eventually", "zh": "总算解决了"},
    "broken_promise": {"en": "then a hundred", "zh": "只给100"},
    "passed_on": {"en": "hotline", "zh": "热线"},
    "formal_complaint": {"en": "on file", "zh": "立了案"},
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
def test_the_handbook_exchange(language):
    """The clerk looks him up and quotes the rule word for word; he answers 'you cheat, I'll complain'."""
    result = play(program(), ["check_first", "seed_line", "contract", "not_allowed"], language=language)
    assert [beat.node for beat in result.beats][:5] == ["intro", "arrive", "record", "accuse", "escalate"]
    record, accuse = result.beats[2], result.beats[3]
    if language == "zh":
        assert "388" in result.beats[1].text and "200" in result.beats[1].text
        assert "依照规定是没有办法帮您解决的" in record.options[record.chosen - 1]
        assert "你们不是骗人嘛，我要投诉" in accuse.text
    else:
        assert "three hundred and eighty-eight" in result.beats[1].text
        assert "no way we can solve this" in record.options[record.chosen - 1]
        assert "cheating" in accuse.text and "complaint" in accuse.text


def test_the_complaint_section_in_order():
    """Best path: emotion first, a calm moment, the reframe, what we can do, humility, then a suggestion."""
    result = play(program(), PATHS[0][1], language="en")
    principles = [set(program().nodes[b.node].choices[b.chosen - 1].principles) for b in result.beats if b.chosen]
    wanted = ["emotion-first", "calm-moment", "reframe", "what-we-can-do", "proactive-suggestion",
              "keep-promise", "confirm-satisfaction"]
    positions = [next(i for i, found in enumerate(principles) if principle in found) for principle in wanted]
    assert positions == sorted(positions)


def test_no_ok_question_is_rated_well():
    """Every option ending in "OK?" / "好吗？" is rated 0 or below: the handbook says drop the habit."""
    for node in program().nodes.values():
        for choice in node.choices:
            if choice.text["zh"].rstrip().endswith(("好吗？", "您看好吗？")):
                assert choice.rating <= 0 and "avoid-ok-question" in choice.principles, choice.id


def test_endings_use_the_handbooks_figures():
    endings = program().endings
    assert "90-95 %" in endings["quick_win"].text["en"] and "90%-95%" in endings["quick_win"].text["zh"]
    assert "60 %" in endings["kept_slowly"].text["en"] and "60%" in endings["kept_slowly"].text["zh"]
    assert "10 to 20" in endings["lost_crew"].text["en"] and "10到20" in endings["lost_crew"].text["zh"]


def test_loads_without_any_diagnostics():
    assert [d.format() for d in loaded().diagnostics] == []


def test_size_and_analysis():
    checks.check_size(program())
    checks.check_analysis(program(), "quick_win")


def test_decisions_and_facilitator_material():
    checks.check_decisions(program())


def test_workshop_plan_and_people():
    checks.check_workshop_and_people(SCENE)


def test_predictability_limits():
    checks.check_predictability(program())


def test_every_text_in_both_languages():
    checks.check_both_languages(SCENE)



def test_the_business_hall_has_its_own_backdrop():
    assert program().backdrop == "telecom-hall"  # not the tutorial's electronics shop
