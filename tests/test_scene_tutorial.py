"""Transcript tests for the tutorial scene, in both languages."""

from pathlib import Path

import pytest

from game.analysis import analyze
from game.loader import load_scene
from game.playthrough import play, transcript_text
from scene_paths import endings_after_a_slight, numbers_for, raw_scene, run_ids, text_of

SCENE = Path(__file__).resolve().parent.parent / "scenes" / "tutorial.yaml"

BEST = ["open", "need_today", "charge_for_call", "plug_together", "ready_for_call"]


@pytest.fixture(scope="module")
def loaded():
    return load_scene(str(SCENE))


def test_tutorial_is_clean(loaded):
    assert loaded.diagnostics == []
    result = analyze(loaded.program)
    assert result.endings_unreached == []
    assert result.best.stages[0] == "explore" and result.best.stages[-1] == "confirm"
    order = [result.best.stages.index(s) for s in ("explore", "offer", "act", "confirm")]
    assert order == sorted(order)
    card = run_ids(loaded.program, BEST)[2]
    assert card.score == result.best.score and card.grade == "A" and card.relationship == 3


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(
    ("choices", "ending", "low", "high"),
    [
        (BEST, "delighted", 90, 100),  # open question, finds the video call, charges, confirms
        (["receipt", "show_label", "packaging_rule", "try_elsewhere"], "gave_up", 6, 13),
        (["open", "just_cable", "swap_and_try", "plug_together", "ok_question"], "done", 71, 78),
        (["open", "just_cable", "swap_and_try", "plug_together", "goodbye"], "done", 63, 70),
        (["open", "need_today", "ten_minutes", "honest_sorry", "anything_else"], "satisfied", 76, 84),
    ],
)
def test_paths(loaded, language, choices, ending, low, high):
    result = play(loaded.program, numbers_for(loaded.program, choices), language=language)
    assert result.scorecard.ending == ending
    assert low <= result.scorecard.score <= high, result.scorecard.score
    text = transcript_text(result, language)
    assert ("得分" in text) == (language == "zh")


def test_skipping_the_confirm_is_named(loaded):
    card = run_ids(loaded.program, ["open", "just_cable", "swap_and_try", "plug_together", "goodbye"])[2]
    assert "confirm" in card.skipped_stages


def test_every_decision_has_facilitator_material_and_a_workshop_plan(loaded):
    for node in loaded.program.nodes.values():
        if node.choices:
            assert node.facilitator and node.facilitator.question and node.facilitator.notes, node.id
    plan = raw_scene("tutorial").workshop
    assert plan is not None and 3 <= len(plan.key_decisions) <= 4
    assert any("交互点评" in text_of(item, "zh") for item in plan.rubric)


def test_the_top_ending_is_gated_after_a_slight(loaded):
    assert "delighted" not in endings_after_a_slight(loaded.program)


def test_the_video_call_is_answered_not_started(loaded):
    ready = next(c for c in loaded.program.nodes["charging"].choices if c.id == "ready_for_call")
    assert "answer" in ready.text["en"] and "接" in ready.text["zh"]
