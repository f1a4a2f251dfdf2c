"""Broken scene files: each holds one mistake, and the loader must say what and where.

The files are in tests/broken/; tests/broken/expected.yaml gives, for each, the line and
code of the diagnostic an author needs and a part of its message. The lines there were
found by reading the files, so a case whose loader output differs is a loader bug: such
cases carry a ``bug:`` note in the manifest and run as strict xfails until it is fixed.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import yaml

from game.diagnostics import CODES, has_errors
from game.loader import load_scene

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "broken"
MANIFEST_PATH = BROKEN / "expected.yaml"
MANIFEST: dict = yaml.safe_load(MANIFEST_PATH.read_text(encoding="utf-8"))
pytestmark = pytest.mark.usefixtures("yaml_backend")  # both parser back ends
ENTRY_FIELDS = {"line", "code", "contains", "column", "bug", "note"}
HANG_GUARD_SECONDS = 60  # not a speed requirement: only turns a hang into a failure
FORM = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): "
                  r"\[(?P<code>MOT\d{3})\] (?P<message>.+)$")
CLI_SAMPLE = "rating_4.yaml"


def _scene_files() -> list[str]:
    return sorted(path.name for path in BROKEN.glob("*.yaml") if path != MANIFEST_PATH)


def _cases():
    for name, entry in sorted(MANIFEST.items()):
        marks = [pytest.mark.xfail(strict=True, reason=f"loader bug: {entry['bug']}")] if entry.get("bug") else []
        yield pytest.param(name, entry, id=name.removesuffix(".yaml"), marks=marks)


@contextlib.contextmanager
def _hang_guard(what: str):
    """Fail instead of hanging forever (Unix main thread only; elsewhere a no-op)."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _timeout(_signum, _frame):
        raise TimeoutError(f"{what} did not finish within {HANG_GUARD_SECONDS} s: the loader hangs")

    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


# --- the manifest -------------------------------------------------------------------


def test_manifest_covers_every_broken_file():
    files = set(_scene_files())
    assert len(MANIFEST) >= 36
    assert sorted(files - set(MANIFEST)) == [], "files in tests/broken/ with no entry in expected.yaml"
    assert sorted(set(MANIFEST) - files) == [], "entries in expected.yaml with no file"


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_manifest_entry_is_well_formed(name):
    entry = MANIFEST[name]
    assert set(entry) <= ENTRY_FIELDS, f"unknown fields: {sorted(set(entry) - ENTRY_FIELDS)}"
    assert isinstance(entry["line"], int) and entry["line"] >= 1
    assert entry["code"] in CODES
    assert isinstance(entry["contains"], str) and entry["contains"].strip()
    assert isinstance(entry.get("column", 1), int) and entry.get("column", 1) >= 1
    assert isinstance(entry.get("bug", ""), str)


# --- each broken file ---------------------------------------------------------------


@pytest.mark.parametrize("name, entry", list(_cases()))
def test_broken_scene_is_reported_at_its_line(name, entry):
    path = BROKEN / name
    with _hang_guard(f"load_scene({name!r})"):
        loaded = load_scene(str(path))
    shown = "\n".join(d.format() for d in loaded.diagnostics) or "(no diagnostics)"

    at_line = [d for d in loaded.diagnostics if d.code == entry["code"] and d.line == entry["line"]]
    assert at_line, f"expected [{entry['code']}] at line {entry['line']}; got:\n{shown}"
    assert any(entry["contains"] in d.message for d in at_line), \
        f"expected the message to contain {entry['contains']!r}; got:\n{shown}"
    if "column" in entry:
        assert any(d.column == entry["column"] for d in at_line), \
            f"expected column {entry['column']}; got:\n{shown}"

    if path.stat().st_size > 0:  # a file with lines: every diagnostic names one
        assert all(d.line > 0 for d in loaded.diagnostics), shown

    if CODES[entry["code"]][0] == "error":
        assert has_errors(loaded.diagnostics), shown
        assert loaded.program is None and not loaded.ok
    else:  # warning-only files still load and compile
        assert not has_errors(loaded.diagnostics), shown
        assert loaded.program is not None and loaded.ok


# --- the command line ---------------------------------------------------------------


def test_validate_one_broken_file_on_the_command_line():
    relative = f"tests/broken/{CLI_SAMPLE}"
    entry = MANIFEST[CLI_SAMPLE]
    result = _cli("validate", relative)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines, result.stderr
    parsed = [FORM.match(line) for line in lines]
    assert all(parsed), f"not in the FILE:LINE:COL: severity: [CODE] MESSAGE form:\n{result.stdout}"
    assert any(m["file"] == relative and int(m["line"]) == entry["line"] and m["severity"] == "error"
               and m["code"] == entry["code"] for m in parsed), result.stdout
    assert re.search(rf"^{re.escape(relative)}:{entry['line']}:\d+: error: \[{entry['code']}\] ",
                     result.stdout, re.MULTILINE)


def test_validate_every_broken_file_on_the_command_line():
    relatives = [f"tests/broken/{name}" for name in _scene_files()]
    result = _cli("validate", *relatives)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    bad = [line for line in result.stdout.splitlines() if not FORM.match(line)]
    assert bad == [], "lines not in the FILE:LINE:COL: severity: [CODE] MESSAGE form"
    reported = {FORM.match(line)["file"] for line in result.stdout.splitlines()}
    silent = sorted(set(relatives) - reported)
    known_silent = sorted(f"tests/broken/{name}" for name, entry in MANIFEST.items()
                          if entry.get("bug") and "No diagnostic at all" in entry["bug"])
    assert silent == known_silent, "broken files the validator says nothing about"
