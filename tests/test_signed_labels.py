"""Ratings shown with a sign never read "+0" or "-0": the map, the cohort report and the projector."""

import re
from pathlib import Path

from game.cohort import runs_from_statements
from game.cohort_html import render_report
from game.graphmap import to_dot, to_mermaid
from game.loader import load_scene
from game.vocab import signed
from tests.test_cohort import _cohort

ROOT = Path(__file__).resolve().parent.parent
ZERO = re.compile(r"[+-]0(?![\d.])")


def test_signed_never_signs_zero():
    assert [signed(v) for v in (-3, -0.4, 0, 0.4, 2)] == ["-3", "0", "0", "0", "+2"]


def test_the_scene_map_and_the_report_show_zero_ratings_bare():
    program = load_scene(str(ROOT / "scenes" / "tutorial.yaml")).program
    zero = [c for node in program.nodes.values() for c in node.choices if c.rating == 0]
    assert zero, "the tutorial has a neutral choice"
    for text in (to_mermaid(program), to_dot(program, "zh")):
        assert not ZERO.search(text) and "+2" in text
    page = render_report(program, runs_from_statements(_cohort(4)[0]), "en")
    legend = re.findall(r'<span style="background:[^"]+">([^<]+)</span>', page)
    assert legend and "0" in legend and "+1" in legend and not any(ZERO.fullmatch(v) for v in legend)
