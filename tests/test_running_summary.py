"""The scorecard's in-place summary follows exactly the rules of `advance` and `advance_event`.

`RunningSummary` exists only to spare a frozen object per decision; analysis and the score's bounds
use `advance`, so any difference would make `analyze` predict scores that playing does not give.
"""

from hypothesis import given
from hypothesis import strategies as st

from game.scoring import RunningSummary, Summary, advance, advance_event
from game.vocab import STAGES

meters = st.integers(-10_000, 10_000).map(lambda milli: milli / 1000)  # the meter, rounded to 0.001 as it is
decisions = st.tuples(st.sampled_from(STAGES), st.integers(-3, 3), meters)
moves = st.lists(st.one_of(decisions, meters), max_size=30)  # a tuple is a decision, a number a line's event
starts = st.builds(lambda meter, at_bottom: Summary(meter=meter, low=meter if at_bottom else None),
                   meters, st.booleans())


@given(starts, moves)
def test_running_summary_matches_advance_after_every_move(start, sequence):
    running, expected = RunningSummary(start.meter, start.low), start
    assert running.summary() == expected
    for move in sequence:
        if isinstance(move, tuple):
            running.decision(*move)
            expected = advance(expected, *move)
        else:
            running.event(move)
            expected = advance_event(expected, move)
        assert repr(running.summary()) == repr(expected)
        assert running.meter == expected.meter
