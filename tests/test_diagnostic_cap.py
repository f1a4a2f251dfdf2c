"""The MOT014 summary of problems not listed: always printed last, and worded so it is true there."""

from __future__ import annotations

from game.cli import main
from game.diagnostics import Diagnostic, cap_diagnostics, summary_last

VALID_HEAD = "format: 1\nid: capped\ntitle: {en: T, zh: T}\nlanguages: [en, zh]\n"


def test_the_summary_sorts_after_every_problem_it_summarises():
    spread = [Diagnostic("f", line, 1, "MOT204", "w") for line in range(1, 300, 2)]
    spread += [Diagnostic("f", 1, 1, "MOT201", "e"), Diagnostic("f", 900, 4, "MOT201", "e")]
    capped = cap_diagnostics(spread)
    assert sorted(capped, key=summary_last)[-1].code == "MOT014"
    assert sorted(capped, key=summary_last)[:-1] == sorted(d for d in capped if d.code != "MOT014")
    summary = capped[-1]
    assert (summary.line, summary.column) == (capped[-2].line, capped[-2].column)  # never 1:1 before the rest
    assert "fix the 100 listed" in summary.message and "above" not in summary.message


def test_validate_prints_the_summary_last(tmp_path, capsys):
    scene = tmp_path / "many.yaml"
    scene.write_text(VALID_HEAD + "".join(f"unknown_{n}: 1\n" for n in range(150)), encoding="utf-8")
    assert main(["validate", str(scene)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(str(scene))]
    assert len(lines) == 101 and "[MOT014]" in lines[-1] and "50 more" in lines[-1]
    assert not any("[MOT014]" in line for line in lines[:-1])
