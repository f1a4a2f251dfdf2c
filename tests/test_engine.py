"""The engine: a deterministic state machine whose state round-trips through JSON."""

import json

import pytest

from game.engine import EngineError, State, Story, apply_meter
from tests.conftest import choice, scene_dict


def _branching():
    return scene_dict(
        {
            "greet": {"speaker": "customer", "text": "Hello.", "next": "ask"},
            "ask": {
                "speaker": "customer",
                "text": "Can you help?",
                "choices": [
                    choice("explore", 2, "offer", "What happened?", set={"asked": True}),
                    choice("offer", -1, "offer", "Here is a refund."),
                    choice("act", 3, "end", "Secret", **{"if": "asked"}),
                ],
            },
            "offer": {
                "speaker": "customer",
                "text": "And now?",
                "choices": [
                    choice("offer", 1, "end", "Let me fix it."),
                    choice("confirm", 2, "end", "Only when calm", **{"if": "satisfaction >= 2"}),
                ],
            },
            "end": {"speaker": "narrator", "text": "Bye.", "ending": "done"},
        }
    )


def test_a_run_moves_through_lines_decisions_and_an_ending(program_of):
    story = Story(program_of(_branching()))
    state = story.start()
    assert story.kind(state) == "line"
    state = story.advance(state)
    view = story.view(state, "en")
    assert view.kind == "decision"
    assert [c.text for c in view.choices] == ["What happened?", "Here is a refund."]  # 'Secret' needs a flag
    state, turn = story.choose(state, 1)
    assert turn.step.stage == "explore" and turn.step.rating == 2
    assert state.flags == frozenset({"asked"})
    assert state.meter == 2.0  # compliant customers react with factor 1.0
    assert [c.text for c in story.view(state, "en").choices] == ["Let me fix it.", "Only when calm"]
    state, _ = story.choose(state, 2)
    assert story.view(state, "en").kind == "ending"
    assert story.ending(state).id == "done"
    assert state.visited == ("greet", "ask", "offer", "end")


def test_bad_moments_weigh_double(program_of):
    program = program_of(_branching())
    assert apply_meter(program, 0.0, -1) == -2.0
    assert apply_meter(program, 0.0, 1) == 1.0
    # Near an end, steps shrink with the room left (a quarter of the span = 5 points): a good moment
    # still registers at +9.5 instead of hitting a ceiling, and the meter never leaves its range.
    assert apply_meter(program, 9.5, 3) == 9.8  # 3 x 0.5/5
    assert apply_meter(program, 4.0, 3) == 7.0  # 6 points of room: a full step
    assert apply_meter(program, 9.8, 3) == 9.92  # still moves, never sticks
    assert apply_meter(program, -9.0, -3) == -10  # -6 x 1/5 = -1.2, clamped to the range
    assert apply_meter(program, 10.0, 3) == 10.0
    assert apply_meter(program, -9.0, -3) == -10


def test_state_round_trips_through_json(program_of):
    story = Story(program_of(_branching()))
    state, _ = story.choose(story.skip_lines(story.start()), 1)
    text = json.dumps(state.to_json())
    assert State.from_json(json.loads(text)) == state


@pytest.mark.parametrize(
    "data",
    [None, [], {"save_version": 99}, {"save_version": 1, "scene": "x"}, {"save_version": 1, "scene": "x", "node": "y",
                                                                           "meter": "high", "flags": [], "steps": [],
                                                                           "visited": []}],
)
def test_corrupt_state_is_a_clear_error(data):
    with pytest.raises(EngineError):
        State.from_json(data)


def test_choosing_what_is_not_open_is_refused(program_of):
    story = Story(program_of(_branching()))
    state = story.skip_lines(story.start())
    with pytest.raises(EngineError, match="choice 3 is not open"):
        story.choose(state, 3)
    with pytest.raises(EngineError, match="not a line"):
        story.advance(state)
    with pytest.raises(EngineError, match="no decision"):
        story.choose(story.start(), 1)


def test_states_are_independent_values(program_of):
    """Undo is keeping the previous state: choosing never changes it."""
    story = Story(program_of(_branching()))
    before = story.skip_lines(story.start())
    snapshot = before.to_json()
    story.choose(before, 1)
    assert before.to_json() == snapshot


def test_replay_rebuilds_the_same_state(program_of):
    story = Story(program_of(_branching()))
    state = story.skip_lines(story.start())
    state, _ = story.choose(state, 1)
    state, _ = story.choose(state, 1)
    replayed = story.replay([(s.node, s.choice) for s in state.steps])
    assert replayed == state
