"""The scene's workshop plan: validated (MOT216), compiled, and driving a "key decisions only" session."""

import pytest

from game.workshop import QUICK_VOTE_SECONDS, Workshop, WorkshopError
from tests.conftest import compile_dict, workshop_scene


def _codes(load_dict, data):
    return [(d.code, d.line) for d in load_dict(data).diagnostics]


@pytest.mark.parametrize("node, words", [("nowhere", "not a node"), ("end", "without choices")])
def test_key_decisions_must_name_decision_nodes(load_dict, node, words):
    data = workshop_scene()
    data["workshop"]["key_decisions"][1]["node"] = node
    loaded = load_dict(data)
    found = [d for d in loaded.diagnostics if d.code == "MOT216"]
    assert len(found) == 1 and words in found[0].message and node in found[0].message
    assert found[0].line > 1 and loaded.program is None


def test_a_key_decision_named_twice_is_reported(load_dict):
    data = workshop_scene()
    data["workshop"]["key_decisions"][1]["node"] = "d0"
    assert [d.code for d in load_dict(data).diagnostics] == ["MOT216"]


def test_a_valid_plan_compiles():
    program = compile_dict(workshop_scene())
    assert [k.node for k in program.workshop.key_decisions] == ["d0", "d2"]
    assert program.workshop.key("d2").minutes == 3 and program.workshop.key("d1") is None
    assert program.workshop.rubric[1]["zh"] == "最后是否确认？"


def test_key_decisions_only_times_the_plan_and_quick_votes_the_rest():
    workshop = Workshop(compile_dict(workshop_scene()), ["Red"], key_only=True)
    assert workshop.timer_seconds() == 5 * 60 and workshop.question()["en"] == "What first?"
    workshop.add_vote(1)
    workshop.reveal()
    assert workshop.quick_vote() and workshop.timer_seconds() == QUICK_VOTE_SECONDS
    assert workshop.question() is None  # a quick vote has no discussion question
    workshop.add_vote(2)
    workshop.reveal()
    assert workshop.timer_seconds() == 3 * 60 and not workshop.quick_vote()
    workshop.add_vote(1)
    workshop.reveal()
    assert [(r.key, r.quick) for r in workshop.records] == [(True, False), (False, True), (True, False)]


def test_every_decision_mode_keeps_the_nodes_own_timer_and_question():
    workshop = Workshop(compile_dict(workshop_scene()), ["Red"])
    assert workshop.timer_seconds() == 120 and workshop.question()["en"] == "What first?"
    workshop.add_vote(1)
    workshop.reveal()
    assert not workshop.quick_vote() and workshop.question() is None  # d1 has no question: nothing to show


def test_key_decisions_only_needs_a_plan():
    with pytest.raises(WorkshopError, match="no workshop plan"):
        Workshop(compile_dict(workshop_scene(plan=False)), ["Red"], key_only=True)
