"""Runs, undo, what-if, history, saves and settings: the state the window drives, tested without it."""

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from game.engine import EngineError
from game.savestore import SaveStore
from game.run import Run, SceneLoadError
from game.settings import Settings, load_settings, save_settings
from game.storage import write_json

TUTORIAL = str(Path(__file__).resolve().parent.parent / "scenes" / "tutorial.yaml")


def _play(run, numbers):
    for number in numbers:
        while run.view("en").kind == "line":
            run.advance()
        run.choose(number)
    while run.view("en").kind == "line":
        run.advance()


def test_undo_goes_back_to_the_last_decision():
    run = Run.start(TUTORIAL)
    _play(run, [2, 2])
    node_before_second = run.state.steps[1].node
    run.undo()
    assert run.decisions == 1 and run.state.node == node_before_second
    assert run.view("en").kind == "decision"


def test_what_if_rewinds_to_any_decision_and_can_branch():
    run = Run.start(TUTORIAL)
    _play(run, [2, 1, 4, 2, 3])
    assert run.is_over()
    first_ending = run.scorecard("en").ending
    run.rewind(1)
    assert run.decisions == 0 and run.view("en").kind == "decision"
    _play(run, [3, 3, 2, 3])
    assert run.is_over() and run.scorecard("en").ending != first_ending


def test_history_includes_the_players_words_in_the_chosen_language():
    run = Run.start(TUTORIAL)
    _play(run, [2])
    english = run.history("en")
    chinese = run.history("zh")
    assert len(english) == len(chinese) >= 3
    assert any(line.by_player for line in english)
    assert english[-1].text == run.view("en").text


def test_save_and_resume(tmp_path):
    store = SaveStore(tmp_path)
    run = Run.start(TUTORIAL)
    _play(run, [2, 2])
    store.save_run(run)
    resumed = SaveStore(tmp_path).load_run()
    assert resumed is not None and resumed.state == run.state


def test_finished_runs_feed_best_scores(tmp_path):
    store = SaveStore(tmp_path)
    for numbers in ([3, 3, 2, 3], [2, 1, 4, 2, 3]):
        run = Run.start(TUTORIAL)
        _play(run, numbers)
        store.save_run(run)
        store.record_finished(run, run.scorecard("en"))
    assert not store.has_run()
    assert store.best_scores()["tutorial"] == pytest.approx(94.3)  # the best path under the issue-11 scoring model
    assert [entry["ending"] for entry in store.finished_runs()] == ["gave_up", "delighted"]


def test_corrupt_save_is_set_aside_and_explained(tmp_path):
    (tmp_path / "current.json").write_text("{not json", encoding="utf-8")
    store = SaveStore(tmp_path)
    assert store.load_run() is None
    assert store.notices and "set aside" in store.notices[0]
    assert not (tmp_path / "current.json").exists()
    assert list(tmp_path.glob("current.json.corrupt-*"))


def test_hand_edited_save_with_a_missing_node_is_set_aside(tmp_path):
    store = SaveStore(tmp_path)
    run = Run.start(TUTORIAL)
    _play(run, [2])
    data = run.to_save()
    data["state"]["node"] = "no_such_node"
    write_json(tmp_path / "current.json", data)
    assert store.load_run() is None
    assert "does not match its scene" in store.notices[0] and list(tmp_path.glob("current.json.corrupt-*"))


@pytest.mark.parametrize("tamper", [
    lambda data: data["state"]["steps"][0].update(choice="zzz"),
    lambda data: data["state"].update(meter="nan"),
    lambda data: data["state"].update(meter=9.5),
    lambda data: data["state"].update(flags=["knows_call"]),
])
def test_a_save_edited_into_nonsense_is_set_aside(tmp_path, tamper):
    store = SaveStore(tmp_path)
    run = Run.start(TUTORIAL)
    _play(run, [2])
    data = run.to_save()
    tamper(data)
    write_json(tmp_path / "current.json", data)
    assert store.load_run() is None and store.notices and list(tmp_path.glob("current.json.corrupt-*"))


def test_restore_keeps_the_line_the_player_was_on():
    run = Run.start(TUTORIAL)
    assert run.view("en").kind == "line"  # the welcome line, before any decision
    resumed, notice = Run.from_save(run.to_save())
    assert resumed.state == run.state and notice is None


def test_save_of_an_edited_scene_is_replayed_or_explained(tmp_path):
    scene = tmp_path / "tutorial.yaml"
    shutil.copy(TUTORIAL, scene)
    run = Run.start(str(scene))
    _play(run, [2, 2])
    store = SaveStore(tmp_path / "saves")
    store.save_run(run)
    scene.write_text(scene.read_text(encoding="utf-8").replace("Welcome", "Hello"), encoding="utf-8")
    resumed = SaveStore(tmp_path / "saves")
    again = resumed.load_run()
    assert again is not None and again.decisions == 2 and "edited" in resumed.notices[0]
    store.save_run(run)
    text = scene.read_text(encoding="utf-8")
    first_choice_node = run.state.steps[0].node
    scene.write_text(text.replace(f"  {first_choice_node}:\n", f"  {first_choice_node}_renamed:\n")
                     .replace(f"next: {first_choice_node}\n", f"next: {first_choice_node}_renamed\n")
                     .replace(f"node: {first_choice_node}\n", f"node: {first_choice_node}_renamed\n"),
                     encoding="utf-8")
    broken = SaveStore(tmp_path / "saves")
    assert broken.load_run() is None and "no longer exists" in broken.notices[0]


def test_abandoned_temporary_files_are_cleaned_but_fresh_ones_are_kept(tmp_path):
    abandoned, in_use = tmp_path / ".tmp-abc.json", tmp_path / ".tmp-other-instance.json"
    abandoned.write_text("partial", encoding="utf-8")
    in_use.write_text("being written by another window", encoding="utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(abandoned, (two_hours_ago, two_hours_ago))
    SaveStore(tmp_path)
    assert not abandoned.exists() and in_use.exists()


def test_scene_with_errors_cannot_start(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\n", encoding="utf-8")
    with pytest.raises(SceneLoadError) as caught:
        Run.start(str(bad))
    assert caught.value.loaded.diagnostics


def test_settings_round_trip_and_bad_files(tmp_path):
    settings = Settings(language="zh", text_size=4, high_contrast=True, coaching=False)
    save_settings(settings, tmp_path)
    assert load_settings(tmp_path) == (settings, None)
    (tmp_path / "settings.json").write_text(json.dumps({"text_size": 99}), encoding="utf-8")
    loaded, problem = load_settings(tmp_path)
    assert loaded == Settings() and "set aside" in problem


def test_from_save_rejects_nonsense():
    with pytest.raises(EngineError):
        Run.from_save({"nothing": 1})


def test_history_keeps_the_players_words_when_a_scene_loops():
    from game.run import Run as SessionRun
    from tests.conftest import choice, compile_dict, scene_dict

    nodes = {"ask": {"speaker": "customer", "text": "Well?", "choices": [
        choice("explore", 1, "ask", "Ask again"), choice("confirm", 1, "end", "Done")]},
        "end": {"speaker": "narrator", "text": ".", "ending": "done"}}
    program = compile_dict(scene_dict(nodes))
    run = SessionRun("<memory>", program)
    run.choose(1)
    assert [line.text for line in run.history("en")] == ["Well?", "Ask again", "Well?"]



def test_choose_returns_the_coaching_the_scorecard_gives():
    run = Run.start(TUTORIAL)
    while run.view("en").kind == "line":
        run.advance()
    open_now = run.story.open_choices(run.state)
    worst = min(open_now, key=lambda c: c.rating)
    best = max(open_now, key=lambda c: c.rating)
    coaching = run.choose(open_now.index(worst) + 1)
    assert (coaching.decision, coaching.rating, coaching.best_rating) == (1, worst.rating, best.rating)
    assert coaching.feedback == worst.feedback and coaching.better == best.text
    card_run = Run.start(TUTORIAL)
    _play(card_run, [open_now.index(worst) + 1])
    while not card_run.is_over():
        _play(card_run, [1])
    assert card_run.scorecard("en").debrief[0].best_missed == coaching.better["en"]
    run.undo()
    assert run.choose(open_now.index(best) + 1).better is None  # the best choice leaves nothing better open
