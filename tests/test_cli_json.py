"""``--json`` means JSON on stdout on every path, errors and "nothing to do" too, with the text mode's exit code."""

import argparse
import json
from pathlib import Path

import pytest

from game.cli import build_parser, main
from game.outbox import Outbox

ROOT = Path(__file__).resolve().parent.parent
BROKEN = str(ROOT / "tests" / "broken" / "alias_bomb.yaml")

# Each command that takes --json, run where it fails or has nothing to do (and once where it works).
CASES = {
    "sync": [["sync"]],  # no LRS configured
    "validate": [["validate", "EMPTY"], ["validate", "MISSING.yaml"], ["validate", BROKEN]],
    "run": [["run", "nosuch", "--choices", "1"], ["run", "tutorial", "--choices", "x"],
            ["run", "tutorial", "--choices", "9"], ["run", "tutorial", "--choices", "0"], ["run", "tutorial"],
            ["run", BROKEN, "--choices", "1"], ["run", "tutorial", "--choices", "1", "--lang", "xx"],
            ["run", "tutorial", "--random", "3"]],
    "analyze": [["analyze", "nosuch"], ["analyze", BROKEN], ["analyze", "MISSING.yaml"], ["analyze", "tutorial"]],
}


def _json_commands() -> set[str]:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name for name, sub in commands.choices.items()
            if any("--json" in action.option_strings for action in sub._actions)}


def test_every_command_with_json_is_checked():
    assert _json_commands() == set(CASES)


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path / "saves"))
    for name in ("MOT_LRS_ENDPOINT", "MOT_LRS_USERNAME", "MOT_LRS_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "empty").mkdir()
    return tmp_path


def _both(capsys, argv):
    text_code = main(argv)
    capsys.readouterr()
    json_code = main([*argv, "--json"])
    captured = capsys.readouterr()
    return text_code, json_code, captured


def _check(capsys, argv):
    try:
        text_code, json_code, captured = _both(capsys, argv)
    except SystemExit as stop:  # argparse: a usage error exits 2 in both modes
        assert stop.code == 2
        capsys.readouterr()
        with pytest.raises(SystemExit) as again:
            main([*argv, "--json"])
        text_code, json_code, captured = 2, again.value.code, capsys.readouterr()
    data = json.loads(captured.out)  # valid JSON, nothing else on stdout
    assert json_code == text_code, argv
    if json_code:
        assert isinstance(data, (dict, list)) and "error: " not in captured.err, argv
        if isinstance(data, dict):
            assert data["error"] and "hint" in data, argv
    return data


@pytest.mark.parametrize("argv", [argv for cases in CASES.values() for argv in cases], ids=" ".join)
def test_json_output_on_every_path(isolated, capsys, argv):
    argv = [str(isolated / "empty") if a == "EMPTY" else str(isolated / "missing.yaml") if a == "MISSING.yaml"
            else a for a in argv]
    _check(capsys, argv)


def test_sync_json_without_an_lrs_gives_the_counts_and_the_fix(isolated, capsys):
    Outbox(isolated / "saves" / "outbox").add([{"id": "00000000-0000-4000-8000-000000000001", "verb": {}}])
    data = _check(capsys, ["sync"])
    assert data["pending"] == 1 and data["sent"] == 0 and data["lrs"] is None
    assert "no LRS is configured" in data["error"] and "MOT_LRS_ENDPOINT" in data["hint"]


@pytest.mark.parametrize("endpoint", ["ftp://lrs.example.org/xapi/", "http://127.0.0.1:9/xapi/"])
def test_sync_json_with_an_unusable_or_unreachable_lrs(isolated, capsys, monkeypatch, endpoint):
    monkeypatch.setenv("MOT_LRS_ENDPOINT", endpoint)
    Outbox(isolated / "saves" / "outbox").add([{"id": "00000000-0000-4000-8000-000000000001", "verb": {}}])
    data = _check(capsys, ["sync"])
    assert data["error"]


def test_a_choice_not_open_names_the_scene_and_how_to_see_the_open_ones():
    """`run --choices` with a choice that is not open: the error names the scene, the hint how to find the
    open choices (it was an empty hint)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "main.py", "run", "tutorial", "--choices", "1,9,9", "--json"],
                          capture_output=True, text=True, cwd=ROOT)
    data = json.loads(done.stdout)
    assert done.returncode == 1
    assert data["error"].startswith("tutorial: ") and "not open" in data["error"]
    assert "--random" in data["hint"] and "graph" in data["hint"]
