"""Proof under fire: interrupted saves, unreadable files, asset paths, timing of hostile input."""

import builtins
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.loader import load_scene
from game.savestore import SaveStore
from game.storage import TEMP_PREFIX, read_json
from tests.conftest import linear_scene

ROOT = Path(__file__).resolve().parent.parent
KILLS = 200

WRITER = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from game.storage import write_json
target = Path(sys.argv[1])
version = int(sys.argv[2])
print("ready", flush=True)
while True:
    version += 1
    write_json(target, {{"version": version, "payload": [version] * 2000, "check": version * 7}})
"""


def _intact(path: Path) -> int:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["check"] == data["version"] * 7 and data["payload"] == [data["version"]] * 2000
    return data["version"]


@pytest.mark.slow
def test_saves_survive_sigkill_at_random_moments(tmp_path):
    target = tmp_path / "current.json"
    rng = random.Random(7)
    version = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(version)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.02))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if target.exists():
            found = _intact(target)  # the old save or a newer one, never a torn one
            assert found >= version
            version = found
    assert version > 0
    leftovers = list(tmp_path.glob(f"{TEMP_PREFIX}*"))
    an_hour_and_more_ago = time.time() - 3700  # only abandoned temporaries go: another window may be writing
    for leftover in leftovers:
        os.utime(leftover, (an_hour_and_more_ago, an_hour_and_more_ago))
    SaveStore(tmp_path)  # the next start cleans what interrupted writes left behind
    assert not list(tmp_path.glob(f"{TEMP_PREFIX}*"))


def test_unreadable_scene_file_is_explained(tmp_path, monkeypatch):
    path = tmp_path / "locked.yaml"
    path.write_text("format: 1\n", encoding="utf-8")
    real_open, real_os_open = builtins.open, os.open

    def refuse(file, *args, **kwargs):  # root reads any file, so the refusal is simulated at both doors
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    def refuse_os(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(os, "open", refuse_os)
    loaded = load_scene(str(path))
    assert [d.code for d in loaded.diagnostics] == ["MOT001"] and "permission" in loaded.diagnostics[0].message


def test_unreadable_save_is_set_aside(tmp_path):
    (tmp_path / "current.json").write_bytes(b"\xff\xfe\x00garbage")
    result = read_json(tmp_path / "current.json")
    assert result.data is None and "set aside" in result.problem
    assert list(tmp_path.glob("current.json.corrupt-*"))


@pytest.mark.parametrize("backdrop", ["../../etc/passwd", "/etc/passwd", "C:\\\\Windows", "store/../../x", "..",
                                      "~root"])
def test_asset_names_cannot_leave_assets(load_dict, backdrop):
    data = linear_scene([("explore", 1), ("offer", 1), ("act", 1), ("confirm", 1)])
    data["setting"]["backdrop"] = backdrop
    loaded = load_dict(data)
    assert loaded.program is None
    assert any(d.code == "MOT110" for d in loaded.diagnostics)


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 100_000,
        "- " * 50_000,
        "a: &a [" + ",".join(["x"] * 1000) + "]\n" + "\n".join(f"k{i}: [*a, *a, *a, *a]" for i in range(2000)),
        "x" * 5_000_000,
        "key: 'unterminated\n" * 20_000,
    ],
    ids=["deep-flow", "deep-block", "alias-fanout", "one-huge-scalar", "many-errors"],
)
def test_hostile_input_is_answered_not_expanded(text):
    # A guard against blow-up (an alias bomb expanded, a quadratic error list), not a timing: these
    # take milliseconds, an unguarded loader minutes. CPU seconds of this process, so a busy machine
    # does not fail it; benchmarks/bench_hostile.py measures the speed itself.
    start = time.process_time()
    loaded = load_scene("hostile.yaml", text=text)
    assert time.process_time() - start < 10.0
    assert loaded.program is None and loaded.diagnostics and loaded.diagnostics[0].line >= 1
