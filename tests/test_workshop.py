"""Facilitator sessions in the core: votes, ties, turns, undo and export."""

import csv
import json
import re
from pathlib import Path

import pytest
import yaml

from game.loader import load_scene
from game.workshop import Workshop, WorkshopError

TUTORIAL_PATH = Path(__file__).resolve().parent.parent / "scenes" / "tutorial.yaml"
TUTORIAL = load_scene(str(TUTORIAL_PATH)).program


def _to_decision(workshop):
    while workshop.story.kind(workshop.state) == "line":
        workshop.advance()


def test_majority_tie_and_taking_back_a_vote():
    workshop = Workshop(TUTORIAL, ["Red", "Blue"])
    _to_decision(workshop)
    workshop.add_vote(1)
    workshop.add_vote(2)
    workshop.add_vote(2)
    workshop.add_vote(2, -1)  # Shift+B: one vote taken back
    reveal = workshop.reveal()
    assert reveal.chosen is None and reveal.leaders == (1, 2) and workshop.pending_tie == (1, 2)
    with pytest.raises(WorkshopError, match="not one of the tied"):
        workshop.break_tie(3)
    workshop.break_tie(2)
    record = workshop.records[-1]
    assert record.tie and record.chosen == "B" and record.votes == {"A": 1, "B": 1, "C": 0}
    _to_decision(workshop)
    workshop.set_votes(1, 7)
    workshop.set_votes(3, 12)
    assert workshop.reveal().chosen == 3 and not workshop.records[-1].tie


def test_votes_never_go_negative_and_letters_must_exist():
    workshop = Workshop(TUTORIAL, ["Solo"])
    _to_decision(workshop)
    workshop.add_vote(1, -1)
    assert workshop.votes[1] == 0
    with pytest.raises(WorkshopError):
        workshop.add_vote(9)


def test_teams_take_turns_at_each_decision():
    workshop = Workshop(TUTORIAL, ["Red", "Blue"], mode="alternating")
    _to_decision(workshop)
    workshop.add_vote(2)
    workshop.reveal()
    _to_decision(workshop)
    assert workshop.hand_over_due()
    assert workshop.next_team() and workshop.team == "Blue"
    assert workshop.states["Blue"].steps == ()


def test_undo_restores_the_team_and_its_state():
    workshop = Workshop(TUTORIAL, ["Red", "Blue"], mode="alternating")
    _to_decision(workshop)
    before = workshop.state
    workshop.add_vote(1)
    workshop.reveal()
    workshop.next_team()
    assert workshop.undo() and workshop.team == "Red" and workshop.state == before and not workshop.records


def test_bad_team_setups_are_refused():
    for teams in ([], ["A", "A"], ["A", " "]):
        with pytest.raises(WorkshopError):
            Workshop(TUTORIAL, teams)
    with pytest.raises(WorkshopError):
        Workshop(TUTORIAL, ["A"], mode="random")


def _play_team(workshop, numbers):
    for number in numbers:
        _to_decision(workshop)
        workshop.add_vote(number, 3)
        workshop.reveal()
    _to_decision(workshop)


def test_two_team_session_exports_csv_and_json(tmp_path):
    workshop = Workshop(TUTORIAL, ["Red", "Blue"])
    _play_team(workshop, [2, 1, 4, 2, 3])
    assert workshop.finished("Red") and workshop.next_team() and workshop.team == "Blue"
    _play_team(workshop, [3, 3, 2, 3])
    assert workshop.all_finished and not workshop.next_team()
    csv_path, json_path = workshop.export(tmp_path / "sessions")
    with open(csv_path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["team"] for row in rows] == ["Red"] * 5 + ["Blue"] * 4
    assert [row["chosen"] for row in rows] == list("BADBC") + list("CCBC")
    assert {row["ending"] for row in rows if row["team"] == "Red"} == {"delighted"}
    assert float(rows[-1]["score"]) == workshop.scorecard("Blue").score
    assert rows[0]["votes_B"] == "3" and rows[0]["tie"] == "no"
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert [team["ending"] for team in data["teams"]] == ["delighted", "gave_up"]
    assert data["teams"][0]["path"] == "BADBC" and len(data["teams"][0]["journey"]) == 6


def test_team_names_are_checked_by_one_rule_the_setup_screen_shares():
    from game.workshop import teams_problem

    assert teams_problem(["Red", "Blue"]) is None
    assert teams_problem(["Red", " Red "]).key == "teams_distinct"
    assert teams_problem(["Red", "  "]).key == "team_needs_name"
    assert teams_problem(["x" * 41]).values == {"name": "x" * 20 + "…", "n": "41", "most": "40"}
    assert teams_problem(["Re\x00d"]).values["code"] == "U+0000"
    for names in (["Red", " Red "], ["  "], ["x" * 41], ["Re\x00d"]):
        with pytest.raises(WorkshopError, match=re.escape(str(teams_problem(names)))):
            Workshop(TUTORIAL, names)


def test_the_facilitator_screen_asks_the_workshop_what_it_shows():
    workshop = Workshop(TUTORIAL, ["Red"])
    assert workshop.kind() == "line" and workshop.place() == ("Red", TUTORIAL.start, 0)
    _to_decision(workshop)
    options = workshop.options()
    assert [c.id for c in options] == [c.id for c in workshop.story.open_choices(workshop.state)]
    workshop.set_votes(2, 3)
    workshop.reveal()
    assert workshop.options(workshop.state_before_last()) == options
    assert workshop.meter("Red") == workshop.states["Red"].meter == workshop.meter()
    assert workshop.visited()[-1] == workshop.state.node and workshop.place()[2] == 1
    assert workshop.notes() == (workshop.story.node(workshop.state).facilitator.notes
                                if workshop.story.node(workshop.state).facilitator else None)


def _refusals() -> list[WorkshopError]:
    """One of each refusal the session makes, raised by the calls a facilitator's keys become."""
    def raised(call) -> WorkshopError:
        with pytest.raises(WorkshopError) as caught:
            call()
        return caught.value

    tutorial = yaml.safe_load(TUTORIAL_PATH.read_text(encoding="utf-8"))
    del tutorial["workshop"]
    unplanned = load_scene(str(TUTORIAL_PATH), yaml.safe_dump(tutorial, allow_unicode=True)).program
    at_line = Workshop(TUTORIAL, ["Solo"])
    at_decision = Workshop(TUTORIAL, ["Solo"])
    _to_decision(at_decision)
    tied = Workshop(TUTORIAL, ["Solo"])
    _to_decision(tied)
    tied.add_vote(1)
    tied.add_vote(2)
    tied.reveal()
    return [raised(lambda: Workshop(TUTORIAL, [])), raised(lambda: Workshop(TUTORIAL, [3])),
            raised(lambda: Workshop(TUTORIAL, ["A", " "])), raised(lambda: Workshop(TUTORIAL, ["A"], mode="random")),
            raised(lambda: Workshop(unplanned, ["A"], key_only=True)), raised(lambda: at_line.add_vote(1)),
            raised(lambda: at_decision.add_vote(9)), raised(lambda: at_decision.set_votes(9, 2)),
            raised(lambda: at_decision.break_tie(1)), raised(lambda: tied.break_tie(3))]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_refusal_is_a_catalogue_sentence_the_screen_can_show_in_its_language(language):
    refusals = _refusals()
    assert len({refusal.notice.key for refusal in refusals}) == 9, "each refusal its own sentence (two say 'no C')"
    for refusal in refusals:
        assert str(refusal) == refusal.notice.in_language("en"), "str() is the English, for logs and tests"
        shown = refusal.notice.in_language(language)
        assert "{" not in shown and shown[:1].isupper() or not shown[:1].isascii()
        if language == "zh":
            assert re.search(r"[\u4e00-\u9fff]", shown) and shown != str(refusal), shown
