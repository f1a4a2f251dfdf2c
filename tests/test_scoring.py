"""MOT scoring pinned down with small purpose-built scenes."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis import analyze
from game.playthrough import play
from game.scoring import grade, relationship
from tests.conftest import choice, compile_dict, linear_scene, scene_dict

FULL = [("explore", 1), ("offer", 1), ("act", 1), ("confirm", 1)]


def _card(program_of, moves, **extra):
    program = program_of(linear_scene(moves, **extra))
    return play(program, [1] * len(moves)).scorecard


def test_one_bad_moment_is_not_averaged_away(program_of):
    steady = _card(program_of, [("explore", 1), ("explore", 1), ("offer", 1), ("act", 1), ("act", 1), ("confirm", 1)])
    # More +1s, and one -3 in the middle: the mean rating is the same or better, the score must not be.
    spoiled = _card(program_of, [("explore", 1), ("explore", 1), ("offer", 1), ("offer", 3), ("act", -3),
                                 ("act", 1), ("act", 1), ("confirm", 1)])
    assert spoiled.score < steady.score
    assert spoiled.worst_moment.rating == -3 and spoiled.worst_moment.decision == 5
    assert steady.worst_moment.rating == 1


def test_the_last_moment_counts_through_the_meter_at_the_end(program_of):
    good_end = _card(program_of, [("explore", 2), ("offer", 1), ("act", 1), ("confirm", 2)])
    bad_end = _card(program_of, [("explore", 2), ("offer", 1), ("act", 1), ("confirm", -1)])
    assert good_end.last_moment.rating == 2 and bad_end.last_moment.rating == -1
    assert good_end.satisfaction > bad_end.satisfaction and bad_end.low_point == bad_end.satisfaction
    assert good_end.customer_score > bad_end.customer_score
    assert good_end.score > bad_end.score


def test_offering_before_exploring_is_penalised_and_named(program_of):
    proper = _card(program_of, FULL)
    hasty = _card(program_of, [("offer", 1), ("explore", 1), ("act", 1), ("confirm", 1)])
    assert "offer_before_explore" in hasty.out_of_order
    assert proper.out_of_order == ()
    assert proper.technique.score - hasty.technique.score == pytest.approx(10)
    assert proper.score - hasty.score == pytest.approx(5)  # technique is half of the overall score
    # the process is technique, not the customer's outcome: the relationship is untouched
    assert (proper.relationship, proper.customer_score) == (hasty.relationship, hasty.customer_score)


def test_never_confirming_is_penalised_and_named(program_of):
    proper = _card(program_of, FULL)
    unconfirmed = _card(program_of, [("explore", 1), ("offer", 1), ("act", 1), ("act", 1)])
    assert "confirm" in unconfirmed.skipped_stages
    assert any(p.code == "no_confirm" for p in unconfirmed.penalties)
    assert unconfirmed.score < proper.score


def test_acting_before_offering_and_skipping_stages_are_named(program_of):
    card = _card(program_of, [("act", 1), ("confirm", 1)])
    assert card.out_of_order == ("act_before_offer",)
    assert set(card.skipped_stages) == {"explore", "offer"}


def test_the_authored_outcome_matters(program_of):
    happy = _card(program_of, FULL, outcome=3)
    sad = _card(program_of, FULL, outcome=-3)
    assert happy.technique == sad.technique
    # Every moment only met expectations (+1): the felt journey pulls "delighted" down a step and lifts
    # "endangered" up a step, never further than one step from the ending.
    assert happy.relationship == 2 and sad.relationship == -2
    assert happy.score - sad.score == pytest.approx((happy.customer_score - sad.customer_score) / 2)


def test_scene_weight_overrides_take_effect(program_of):
    moves = [("offer", 1), ("explore", 1), ("act", 1), ("confirm", 1)]
    default = _card(program_of, moves)
    strict = _card(program_of, moves, scoring={"offer_before_explore": 30, "outcome": 0.1, "meter": 0.5,
                                               "worst": 0.2, "last": 0.2})
    assert default.score != strict.score
    lenient = _card(program_of, moves, scoring={"offer_before_explore": 0})
    assert lenient.score == pytest.approx(default.score + 5)  # 10 technique points x the technique share
    no_technique = _card(program_of, moves, scoring={"technique": 0})
    assert no_technique.score == no_technique.customer_score


def test_negative_multiplier_override_changes_the_meter(program_of):
    moves = [("explore", -2), ("offer", 1), ("act", 1), ("confirm", 1)]
    assert _card(program_of, moves).satisfaction == -1.0  # -2*2 + 3
    assert _card(program_of, moves, scoring={"negative_multiplier": 1}).satisfaction == 1.0


def test_scorecard_fields(program_of):
    card = _card(program_of, [("explore", 3), ("offer", 3), ("act", 3), ("confirm", 3)], outcome=3)
    assert card.score >= 99 and card.grade == "A"  # the meter approaches +10 without reaching it
    assert card.technique.score == 100 and card.satisfaction_level == 3
    assert card.relationship == 3 and card.relationship_label == "delighted"
    assert card.service_level == "memorable" and card.word_of_mouth == 5
    assert [s.stage for s in card.stages] == ["explore", "offer", "act", "confirm"]
    assert all(s.subscore == 100 for s in card.stages)
    assert [e.stage for e in card.debrief] == ["explore", "offer", "act", "confirm"]
    awful = _card(program_of, [("explore", -3), ("offer", -3), ("act", -3)], outcome=-3)
    assert awful.relationship == -3 and awful.word_of_mouth == -20 and awful.grade == "F"


def test_debrief_names_the_best_choice_missed(program_of):
    nodes = {
        "ask": {"speaker": "customer", "text": "Help?", "choices": [
            choice("explore", -1, "end", "Receipt?", feedback="Policy first."),
            choice("explore", 2, "end", "What happened?", feedback="Open question."),
        ]},
        "end": {"speaker": "narrator", "text": "Bye.", "ending": "done"},
    }
    card = play(program_of(scene_dict(nodes)), [1]).scorecard
    entry = card.debrief[0]
    assert entry.choice == "Receipt?" and entry.feedback == "Policy first."
    assert entry.best_missed == "What happened?" and entry.best_missed_rating == 2
    assert play(program_of(scene_dict(nodes)), [2]).scorecard.debrief[0].best_missed is None


@pytest.mark.parametrize(("value", "letter"), [(100, "A"), (85, "A"), (84.9, "B"), (70, "B"), (55, "C"), (50, "D"),
                                               (39.9, "F"), (0, "F")])
def test_grade_bands(value, letter):
    assert grade(value) == letter


@pytest.mark.parametrize(("reading", "level"), [(3, 3), (2.5, 3), (2.49, 2), (0.4, 0), (-0.4, 0), (-0.5, -1),
                                                (-2.6, -3), (-3, -3)])
def test_relationship_rounds_the_customer_reading(reading, level):
    assert relationship(reading) == level


def _random_scene(draw_ratings, stages, width, events=(), shortcut=None):
    """A layered scene: every node of a layer leads to every node of the next.

    ``events`` puts a meter event on the first node of each layer (None for none); ``shortcut`` adds a
    choice from the start straight to the last layer, so paths differ in length.
    """
    layers = len(draw_ratings)
    nodes = {}
    for layer, ratings in enumerate(draw_ratings):
        for position in range(width):
            targets = [f"n{layer + 1}_{t}" for t in range(width)] if layer + 1 < layers else ["end_good", "end_bad"]
            nodes[f"n{layer}_{position}"] = {"speaker": "customer", "text": f"{layer}/{position}", "choices": [
                choice(stages[(layer + k) % 4], ratings[(position + k) % len(ratings)], targets[k % len(targets)])
                for k in range(len(targets))
            ]}
    for layer, event in enumerate(events[:layers]):
        if event is not None:
            nodes[f"n{layer}_0"]["meter"] = event
    if shortcut is not None and layers > 2:
        nodes["n0_0"]["choices"].append(choice(stages[0], shortcut, f"n{layers - 1}_1"))
    nodes["end_good"] = {"speaker": "narrator", "text": "Good.", "ending": "good"}
    nodes["end_bad"] = {"speaker": "narrator", "text": "Bad.", "ending": "bad"}
    nodes = {"n0_0": nodes.pop("n0_0"), **nodes}
    return scene_dict(nodes, {"good": {"title": "G", "text": "g", "outcome": 2},
                              "bad": {"title": "B", "text": "b", "outcome": -2}})


@settings(max_examples=40, deadline=None)
@given(
    ratings=st.lists(st.lists(st.integers(-3, 3), min_size=2, max_size=3), min_size=2, max_size=5),
    stages=st.permutations(["explore", "offer", "act", "confirm"]),
    events=st.lists(st.sampled_from([None, None, -4.0, -1.5, 2.0, 5.0]), max_size=5),
    shortcut=st.one_of(st.none(), st.integers(-3, 3)),
)
def test_analyze_predicts_exactly_what_playing_produces(ratings, stages, events, shortcut):
    program = compile_dict(_random_scene(ratings, stages, width=2, events=events, shortcut=shortcut))
    result = analyze(program)
    for extreme in (result.best, result.worst):
        played = play(program, list(extreme.choices))
        assert played.scorecard.score == extreme.score
        assert played.scorecard.ending == extreme.ending
        assert tuple(played.state.visited) == extreme.path
    # and no single path beats the best or undercuts the worst: check every path of this small scene
    scores = [play(program, list(p)).scorecard.score for p in _all_paths(program)]
    assert max(scores) == result.best.score
    assert min(scores) == result.worst.score


def _all_paths(program):
    from game.engine import Story
    story = Story(program)
    pending = [(story.skip_lines(story.start()), ())]
    while pending:
        state, numbers = pending.pop()
        if story.ending(state):
            yield numbers
            continue
        for number in range(1, len(story.open_choices(state)) + 1):
            pending.append((story.skip_lines(story.choose(state, number)[0]), numbers + (number,)))


def _event_scene(event: float, outcome: int = 2) -> dict:
    """Explore, then a manager's line with a meter event, then offer, act, confirm."""
    nodes = {
        "d0": {"speaker": "customer", "text": "Help?", "choices": [choice("explore", 1, "manager")]},
        "manager": {"speaker": "narrator", "text": "The manager steps in.", "meter": event, "next": "d1"},
        "d1": {"speaker": "customer", "text": "And?", "choices": [choice("offer", 1, "d2")]},
        "d2": {"speaker": "customer", "text": "Go on.", "choices": [choice("act", 1, "d3")]},
        "d3": {"speaker": "customer", "text": "Done?", "choices": [choice("confirm", 1, "end")]},
        "end": {"speaker": "narrator", "text": "Bye.", "ending": "done"},
    }
    return scene_dict(nodes, {"done": {"title": "Done", "text": "Over.", "outcome": outcome}})


def test_a_line_that_is_not_the_players_moves_the_meter_when_shown(program_of):
    refund = play(program_of(_event_scene(4)), [1, 1, 1, 1])
    rude = play(program_of(_event_scene(-4)), [1, 1, 1, 1])
    plain = _card(program_of, FULL, outcome=2)
    assert refund.scorecard.satisfaction > plain.satisfaction > rude.scorecard.satisfaction
    kinds = [(p.kind, p.node) for p in rude.scorecard.journey]
    assert kinds[:3] == [("start", "d0"), ("decision", "d0"), ("event", "manager")]
    assert rude.scorecard.low_point == rude.scorecard.journey[2].meter == -3.0  # 0 +1 -4: a remembered low
    # Not the player's doing: technique is untouched, the outcome for the customer moves.
    assert refund.scorecard.technique == rude.scorecard.technique
    assert refund.scorecard.customer_score > rude.scorecard.customer_score
    assert [b.meter_before for b in rude.beats if b.chosen][1] == -3.0  # the next decision starts after it


def test_analyze_predicts_paths_with_meter_events(program_of):
    program = program_of(_event_scene(-3))
    result = analyze(program)
    assert play(program, list(result.best.choices)).scorecard.score == result.best.score
