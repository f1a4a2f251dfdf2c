"""No answer in the four reworked scenes can be guessed from the shape of the options, in either language.

Read from the core's answer-leak analysis (game.predictability, `analyze --json`), for each scene and
language: the best option is the longest in at most a third of the decisions, it sits at every
position a decision offers (1-4), and no naive player (always the first, the last, the longest, the
shortest, or always option k) gets above grade C. `validate` raises no answer-leak warning.
"""

from pathlib import Path

import pytest

from game.loader import load_scene
from game.predictability import leak_diagnostics, predictability

SCENES = Path(__file__).resolve().parent.parent / "scenes"
REWORKED = ("tutorial", "tire_refund", "umbrella", "bank_transfer")


@pytest.fixture(scope="module", params=REWORKED)
def loaded(request):
    scene = load_scene(str(SCENES / f"{request.param}.yaml"))
    assert scene.program is not None, [d.format() for d in scene.diagnostics]
    return scene


def test_figures_in_both_languages_hold_the_limits(loaded):
    figures = {figure.language: figure for figure in predictability(loaded.program)}
    assert set(figures) == {"en", "zh"}
    widest = max(len(node.choices) for node in loaded.program.nodes.values() if node.choices)
    for language, figure in figures.items():
        where = (loaded.program.id, language)
        assert figure.best_is_longest * 3 <= figure.decisions, where
        assert set(figure.best_position) >= set(range(1, min(widest, 4) + 1)), (where, figure.best_position)
        assert len(figure.naive) >= 4
        for player in figure.naive:
            assert player.grade in ("C", "D", "F"), (where, player)
        assert figure.random_mean is not None and figure.random_mean < 55, where


def test_validate_raises_no_answer_leak_warning(loaded):
    path = str(SCENES / f"{loaded.program.id}.yaml")
    assert [d.format() for d in leak_diagnostics(loaded.program, loaded.source, path)] == []
