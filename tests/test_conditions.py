"""The condition language: parsing, evaluation and refusal of anything that is not in the grammar."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.conditions import ConditionError, evaluate, flags_in, parse_condition, reads_meter


@pytest.mark.parametrize(
    ("source", "flags", "meter", "expected"),
    [
        ("asked_receipt and satisfaction >= 2", {"asked_receipt"}, 2, True),
        ("asked_receipt and satisfaction >= 2", {"asked_receipt"}, 1.5, False),
        ("asked_receipt and satisfaction >= 2", set(), 5, False),
        ("not asked or satisfaction < -3", set(), 0, True),
        ("a or b and c", {"a"}, 0, True),  # and binds tighter than or
        ("(a or b) and c", {"a"}, 0, False),
        ("not not a", {"a"}, 0, True),
        ("a == true and b != true", {"a"}, 0, True),
        ("satisfaction == -2.5", set(), -2.5, True),
        ("true", set(), 0, True),
        ("false or never_set", set(), 0, False),
    ],
)
def test_evaluation(source, flags, meter, expected):
    assert evaluate(parse_condition(source), frozenset(flags), meter) is expected


def test_flags_and_meter_are_reported():
    tree = parse_condition("asked and not (told or satisfaction > 1)")
    assert flags_in(tree) == {"asked", "told"}
    assert reads_meter(tree)
    assert not reads_meter(parse_condition("asked"))


@pytest.mark.parametrize(
    ("source", "fragment", "offset"),
    [
        ("a and", "ends where", 5),
        ("__import__('os')", "unexpected character", 11),
        ("os.system", "unexpected character '.'", 2),
        ("f()", "unexpected '('", 1),
        ("a.__class__", "unexpected character '.'", 1),
        ("flag > 2", "compares a number with a flag", 0),
        ("a < b", "needs numbers", 0),
        ("satisfaction", "is a number, not a condition", 0),
        ("(a or b", "missing ')'", 7),
        ("a b", "join conditions", 2),
        ("a && b", "unexpected character '&'", 2),
        ("satisfaction > 99999999999999999999", "at most 1000", 15),
        ("", "empty", 0),
        ("a" + " and a" * 200, "longer than", 500),
        ("(" * 50 + "a" + ")" * 50, "nested", 32),
    ],
)
def test_malformed_conditions_are_refused_with_a_position(source, fragment, offset):
    with pytest.raises(ConditionError) as caught:
        parse_condition(source)
    assert fragment in str(caught.value)
    assert caught.value.offset == offset


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_parses_or_fails_cleanly(source):
    try:
        tree = parse_condition(source)
    except ConditionError as exc:
        assert 0 <= exc.offset <= max(len(source), 500)
        return
    assert isinstance(evaluate(tree, frozenset(), 0.0), bool)
