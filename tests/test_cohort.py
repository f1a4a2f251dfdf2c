"""The cohort report: runs read back from statements, the numbers it shows, escaping, and how it looks."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from game.cli import main
from game.cohort import (
    by_mode, choices_at, endings_reached, local_records, runs_from_statements, score_distribution, worst_moments,
)
from game.cohort_html import RATING_COLOURS, render_report
from game.loader import load_scene
from game.outbox import Outbox
from game.xapi import Context, new_registration, run_statements
from game.playthrough import play
from game.savestore import SaveStore

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TUTORIAL = load_scene(str(ROOT / "scenes" / "tutorial.yaml")).program


def _cohort(runs: int, mode: str = "practice") -> tuple[list[dict], list]:
    statements, played_runs = [], []
    for seed in range(runs):
        played = play(TUTORIAL, None, seed=seed)
        ctx = Context({"objectType": "Agent", "account": {"homePage": "https://x.test", "name": f"l{seed}"}},
                      new_registration(), mode, "en")
        statements += run_statements(ctx, TUTORIAL, played.state, 0.0, 60.0, played.scorecard)
        played_runs.append(played)
    return statements, played_runs


def test_runs_are_rebuilt_from_statements_and_counted_once():
    statements, played = _cohort(12)
    records = runs_from_statements(statements + statements[:5])  # a statement read twice counts once
    assert len(records) == 12
    assert sorted(r.score for r in records) == sorted(p.scorecard.score for p in played)
    assert endings_reached(records) == __import__("collections").Counter(p.scorecard.ending for p in played)
    first_node = played[0].state.steps[0].node
    expected = __import__("collections").Counter(p.state.steps[0].choice for p in played)
    assert choices_at("tutorial", first_node, records) == expected
    assert choices_at("other_scene", first_node, records) == {}
    assert sum(score_distribution(records).values()) == 12
    worst = worst_moments(records)
    assert all(count >= 1 for _, count in worst) and all(node in TUTORIAL.nodes for (node, _), _ in worst)


def test_practice_and_assessment_are_told_apart():
    practice, _ = _cohort(4)
    assessment, _ = _cohort(3, mode="assessment")
    summary = {s.mode: s for s in by_mode(runs_from_statements(practice + assessment))}
    assert summary["practice"].runs == 4 and summary["assessment"].runs == 3
    assert summary["assessment"].finished == 3 and 0 <= summary["assessment"].pass_rate <= 1


def test_untrusted_statements_are_skipped_and_text_is_escaped():
    statements, _ = _cohort(2)
    hostile = dict(statements[1], id="ffffffff-0000-4000-8000-000000000000",
                   result={"response": "<img src=x onerror=alert(1)>",
                           "extensions": {"https://x/extensions/rating": -3}})
    junk = [None, 5, {"id": "x"}, {"id": "y", "object": {"id": 7}, "context": {"registration": []}},
            {"id": ["not", "hashable"]}, {"id": {"an": "object"}},
            dict(statements[-1], id="eeeeeeee-0000-4000-8000-000000000000",
                 result={"score": {"raw": float("nan")}})]  # JSON allows NaN: it must not break the bands
    records = runs_from_statements(statements + [hostile] + junk)
    assert len(records) == 2
    page = render_report(TUTORIAL, records, "en", source="<b>folder</b>")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>folder</b>" not in page and "http" not in page.replace("http://www.w3.org/2000/svg", "")


def test_report_from_saves_after_recorded_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path / "saves"))
    for seed in range(6):
        assert main(["run", "tutorial", "--random", str(seed), "--record", "--mode",
                     "assessment" if seed % 3 == 0 else "practice"]) == 0
    out = tmp_path / "report.html"
    assert main(["report", "tutorial", "--from", str(tmp_path / "saves"), "--out", str(out), "--lang", "zh"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "共 6 人次，完成 6 次" in page and "考核" in page and "得分分布" in page and "探索" in page
    assert "@font-face" in page  # the game's own Chinese font travels with the page
    history = SaveStore(tmp_path / "saves").finished_runs()  # one file per finished run, under saves/history/
    assert [entry["scene"] for entry in history].count("tutorial") == 6
    assert Outbox(tmp_path / "saves" / "outbox").counts().pending > 6 * 5
    records = local_records(tmp_path)  # what facilitator mode calls: here, saves/ under a folder of copies
    first = TUTORIAL.start if TUTORIAL.nodes[TUTORIAL.start].choices else records[0].answers[0].node
    assert len(records) == 6 and sum(choices_at("tutorial", first, records).values()) == 6
    assert main(["report", "tutorial", "--from", str(tmp_path / "missing")]) == 1
    assert "not a folder" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_opens_in_headless_chromium(tmp_path):
    pygame = pytest.importorskip("pygame")
    practice, _ = _cohort(30)
    assessment, _ = _cohort(12, mode="assessment")
    page = tmp_path / "report.html"
    page.write_text(render_report(TUTORIAL, runs_from_statements(practice + assessment), "en", "test cohort"),
                    encoding="utf-8")
    shot = tmp_path / "report.png"
    profile = tmp_path / "profile"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                    "--hide-scrollbars", "--window-size=1280,2400", f"--screenshot={shot}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    image = pygame.image.load(str(shot))
    assert image.get_size() == (1280, 2400)
    seen = {tuple(image.get_at((x, y)))[:3] for x in range(0, 1280, 4) for y in range(0, 2400, 4)}
    assert len(seen) > 20  # text and bars, not a blank page
    wanted = {tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in RATING_COLOURS.values()}
    assert len(wanted & seen) >= 4  # the bars are drawn in their rating colours
    keep = ROOT / "docs" / "screenshots"
    if keep.is_dir() and __import__("os").environ.get("MOT_KEEP_SCREENSHOTS"):
        shutil.copy(shot, keep / "cohort-report.png")
