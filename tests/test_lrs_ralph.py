"""Results reach a real LRS (Ralph): recorded runs are synced, read back, and nothing is lost or doubled.

Each test starts its own Ralph process (see tests/ralph_server.py for why) and drives the real
command line: ``run --record`` fills the outbox, ``sync`` sends it, and the statements are read
back through the LRS's own statements API.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from game.cli import main
from game.lrs import LrsClient, LrsConfig
from game.outbox import Outbox
from ralph_server import RalphServer, free_port  # skips this module where Ralph is not installed

pytestmark = pytest.mark.slow  # a real LRS server is started for each test

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "s3cret-pass"


@pytest.fixture
def saves(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("MOT_SAVES_DIR", str(folder))
    return folder


@pytest.fixture
def ralph(tmp_path):
    server = RalphServer(tmp_path / "ralph", {"game": PASSWORD})
    yield server
    server.stop()


def _use(monkeypatch, endpoint: str, password: str = PASSWORD) -> LrsClient:
    monkeypatch.setenv("MOT_LRS_ENDPOINT", endpoint)
    monkeypatch.setenv("MOT_LRS_USERNAME", "game")
    monkeypatch.setenv("MOT_LRS_PASSWORD", password)
    return LrsClient(LrsConfig(endpoint, "game", password))


def _record(capsys, *seeds: int, mode: str = "practice") -> None:
    for seed in seeds:
        assert main(["run", "tutorial", "--random", str(seed), "--record", "--mode", mode]) == 0
    capsys.readouterr()


def _sync(capsys) -> tuple[int, dict]:
    code = main(["sync", "--json"])
    captured = capsys.readouterr()
    assert PASSWORD not in captured.out + captured.err
    return code, json.loads(captured.out)


def _outbox_ids(saves: Path, state: str) -> set[str]:
    return {entry.id for entry in Outbox(saves / "outbox").entries(state)}


def test_down_then_up_then_read_back_and_report(saves, ralph, monkeypatch, capsys, tmp_path):
    _use(monkeypatch, ralph.endpoint)  # Ralph is not started yet: the LRS is down
    _record(capsys, 1, 2)
    _record(capsys, 3, mode="assessment")
    made = _outbox_ids(saves, "pending")
    assert len(made) >= 3 * 6  # launched, answered per decision, completed, passed/failed

    code, down = _sync(capsys)
    assert code == 1 and down["sent"] == 0 and down["pending"] == len(made)
    assert "could not be reached" in down["problem"]

    ralph.start()
    code, report = _sync(capsys)
    assert code == 0, report
    assert report == {**report, "sent": len(made), "pending": 0, "refused": 0}
    assert _outbox_ids(saves, "sent") == made

    client = LrsClient(LrsConfig(ralph.endpoint, "game", PASSWORD))
    stored = list(client.statements())
    assert sorted(s["id"] for s in stored) == sorted(made)  # every statement once
    paged = list(client.statements({"limit": "7"}))  # the LRS's `more` links are followed
    assert sorted(s["id"] for s in paged) == sorted(made)
    local = {s["id"]: s for s in Outbox(saves / "outbox").statements()}
    for statement in stored:  # what the LRS holds is what the game made
        mine = local[statement["id"]]
        assert statement["verb"]["id"] == mine["verb"]["id"]
        assert statement["object"]["id"] == mine["object"]["id"]
        assert statement["context"]["registration"] == mine["context"]["registration"]
        assert statement.get("result", {}).get("response") == mine.get("result", {}).get("response")
    verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in stored]
    assert verbs.count("launched") == 3 and verbs.count("completed") == 3
    assert verbs.count("passed") + verbs.count("failed") == 3

    out = tmp_path / "cohort.html"
    assert main(["report", "tutorial", "--lrs", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "3 runs (3 finished)" in page and "assessment" in page and "<svg" in page


class CutProxy:
    """Forwards one request to the LRS, then drops the connection before the answer reaches the game.

    ``on_forwarded`` runs after the LRS has answered and before the connection is dropped: the
    test stops the LRS there, so the game sees an LRS that died mid-sync.
    """

    def __init__(self, upstream_port: int, on_forwarded=None, forward: bool = True):
        self.port = free_port()
        self.upstream_port = upstream_port
        self.on_forwarded = on_forwarded
        self.forward = forward
        self.received = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        with connection:
            request = _read_request(connection)
            self.received.set()
            if self.forward:
                with socket.create_connection(("127.0.0.1", self.upstream_port)) as upstream:
                    upstream.sendall(request)
                    _read_response(upstream)
                if self.on_forwarded:
                    self.on_forwarded()
            else:
                time.sleep(30)  # never answers: the game is killed while waiting
        self.listener.close()


def _read_request(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    length = next(int(line.split(b":")[1]) for line in lines if line.lower().startswith(b"content-length"))
    while len(body) < length:
        body += connection.recv(65536)
    return head + b"\r\n\r\n" + body


def _read_response(upstream: socket.socket) -> bytes:
    data = b""
    while True:
        chunk = upstream.recv(65536)
        if not chunk:
            return data
        data += chunk


def test_lrs_stops_mid_sync_and_restarts_nothing_lost_nothing_doubled(saves, ralph, monkeypatch, capsys):
    ralph.start()
    _record(capsys, 4, 5)
    made = _outbox_ids(saves, "pending")
    proxy = CutProxy(ralph.port, on_forwarded=ralph.stop)
    _use(monkeypatch, f"http://127.0.0.1:{proxy.port}/xAPI/")
    code, cut = _sync(capsys)
    assert code == 1 and cut["sent"] == 0 and cut["pending"] == len(made)  # the answer never came: kept
    assert ralph.process is None
    stored_file = ralph.data / "game" / "fs_lrs.jsonl"  # the LRS had stored the batch before it went away
    assert len(stored_file.read_text(encoding="utf-8").splitlines()) == len(made)

    ralph.start()  # same folder: it kept what it stored before it stopped
    client = _use(monkeypatch, ralph.endpoint)
    code, resent = _sync(capsys)
    assert code == 0, resent
    assert resent["sent"] == len(made) and resent["pending"] == 0 and resent["refused"] == 0
    stored = [s["id"] for s in client.statements()]
    assert sorted(stored) == sorted(made)  # stored once, though posted twice


def test_game_killed_mid_send_keeps_everything(saves, ralph, monkeypatch, capsys):
    ralph.start()
    _record(capsys, 6)
    made = _outbox_ids(saves, "pending")
    proxy = CutProxy(ralph.port, forward=False)
    env = dict(os.environ, MOT_LRS_ENDPOINT=f"http://127.0.0.1:{proxy.port}/xAPI/", MOT_LRS_USERNAME="game",
               MOT_LRS_PASSWORD=PASSWORD)
    sender = subprocess.Popen([sys.executable, "main.py", "sync"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert proxy.received.wait(60), "the sync never sent its batch"
    os.kill(sender.pid, signal.SIGKILL)
    sender.wait()
    assert _outbox_ids(saves, "pending") == made and not list((saves / "outbox").rglob("*.corrupt-*"))

    client = _use(monkeypatch, ralph.endpoint)
    code, report = _sync(capsys)
    assert code == 0 and report["sent"] == len(made)
    assert sorted(s["id"] for s in client.statements()) == sorted(made)


def test_refused_statement_is_set_aside_once_and_bad_password_keeps_all(saves, ralph, monkeypatch, capsys):
    ralph.start()
    broken = {"id": "5b1f0c1e-7c1a-4c1d-9a7e-2f6a8d9e0b11", "verb": {"id": "http://adlnet.gov/expapi/verbs/launched"},
              "object": {"id": "https://mot-trainer.example/xapi/scenes/tutorial"}}  # no actor: not a statement
    Outbox(saves / "outbox").add([broken])
    _use(monkeypatch, ralph.endpoint)
    code, first = _sync(capsys)
    assert code == 1 and first["refused"] == 1 and first["pending"] == 0  # a refusal is not a success
    assert first["newly_refused"][0]["id"] == broken["id"] and "actor" in first["newly_refused"][0]["reason"]
    code, second = _sync(capsys)
    assert code == 0 and second["refused"] == 1 and second["newly_refused"] == []  # told once, never sent again

    _record(capsys, 7)
    made = _outbox_ids(saves, "pending")
    _use(monkeypatch, ralph.endpoint, password="wrong")
    code, denied = _sync(capsys)
    assert code == 1 and denied["pending"] == len(made) and "user name or password" in denied["problem"]
    assert "wrong" not in denied["problem"]
    client = _use(monkeypatch, ralph.endpoint)
    code, report = _sync(capsys)
    assert code == 0 and report["sent"] == len(made)
    assert sorted(s["id"] for s in client.statements()) == sorted(made)
