"""The score search's limit of partial paths: past it, the extreme found so far, marked unproven, never a hang."""

import pytest

import game.analysis
from game.analysis import analyze
from game.playthrough import play
from game.report import analysis_json, analysis_text
from benchmarks.generate import generate
from tests.conftest import compile_dict


LIMIT = 200  # partial paths: the first dive makes about 30 of them, the whole searches far more


def _limit_labels(monkeypatch):
    # a beam of one (a greedy dive) misses both extremes of this scene, and the limit stops the search
    # before it finds them: wider, the first beam finds them at once and there is nothing left to stop
    monkeypatch.setattr(game.analysis, "BEAM_WIDTH", 1)
    monkeypatch.setattr(game.analysis, "MIN_LABELS", LIMIT)
    monkeypatch.setattr(game.analysis, "LABELS_PER_NODE", 0)


@pytest.fixture(scope="module")
def gated_scene():
    """A generated scene of about 300 nodes with satisfaction gates: its first dives miss both extremes."""
    return compile_dict(generate(300, meter=True))


@pytest.mark.parametrize("side", ["best", "worst"])
def test_a_search_stopped_at_its_limit_reports_a_real_path_and_how_far_others_could_go(monkeypatch, side,
                                                                                     gated_scene):
    program = gated_scene
    exact = getattr(analyze(program), side)
    assert exact.proven and exact.reach is None
    _limit_labels(monkeypatch)
    found = getattr(analyze(program), side)
    assert not found.proven
    assert play(program, list(found.choices)).scorecard.score == found.score  # a path a player can take
    if side == "best":
        assert found.score <= exact.score <= found.reach
    else:
        assert found.reach <= exact.score <= found.score
    assert found.score != exact.score  # the limit did stop the search early (else this test proves nothing)


def test_the_report_says_the_extreme_is_not_proven(monkeypatch, gated_scene):
    _limit_labels(monkeypatch)
    result = analyze(gated_scene)
    text = analysis_text(result)
    assert "(the highest found, not proven" in text and "no path can score higher than" in text
    assert "(the lowest found, not proven" in text and "no path can score lower than" in text
    data = analysis_json(result)
    assert data["best"]["proven"] is False and data["best"]["reach"] == result.best.reach


def test_a_proven_extreme_reads_as_before(gated_scene):
    text = analysis_text(analyze(gated_scene))
    assert "not proven" not in text
