"""The outbox and the sync rules, against a scripted HTTP server (the real LRS is in test_lrs_ralph.py).

The scripted server answers what a test tells it to, so the rules Ralph's file backend cannot show
(a batch refused for one bad statement, a 409 for a batch only partly stored, a slow LRS) are
exercised through the real urllib client and the real files.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from game.lrs import LrsClient, LrsConfig, config_from, sync
from game.outbox import Outbox, backoff_seconds
from game.settings import Settings, lrs_address_given
from game.ui.sender import BackgroundSender


def _statement(**extra) -> dict:
    return {"id": str(uuid.uuid4()), "actor": {"objectType": "Agent", "account": {"homePage": "https://x.test",
                                                                                     "name": "a"}},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/launched"},
            "object": {"id": "https://x.test/scenes/s"}, **extra}


class ScriptedLrs:
    """Stores statements like an LRS; ``refuse`` ids get a 400, ``delay`` slows every answer down."""

    def __init__(self):
        self.stored: dict[str, dict] = {}
        self.posts: list[list[str]] = []
        self.refuse: set[str] = set()
        self.status: int | None = None  # answer every POST with this status instead
        self.poison: set[str] = set()  # a batch holding one of these gets a 500, like Ralph for some bad input
        self.delay = 0.0
        self.auth: list[str] = []
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output clean
                return

            def _reply(self, status: int, body: object = None) -> None:
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):  # noqa: N802 (the http.server interface)
                time.sleep(lrs.delay)
                lrs.auth.append(self.headers.get("Authorization", ""))
                assert self.headers["X-Experience-API-Version"] == "1.0.3"
                batch = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                lrs.posts.append([s["id"] for s in batch])
                if lrs.status:
                    return self._reply(lrs.status, {"detail": "scripted"})
                if any(s["id"] in lrs.poison for s in batch):
                    return self._reply(500, {"detail": "Statements bulk indexation failed"})
                bad = [s["id"] for s in batch if s["id"] in lrs.refuse]
                if bad:
                    return self._reply(400, {"detail": f"statement {bad[0]} is invalid"})
                if any(s["id"] in lrs.stored for s in batch):
                    return self._reply(409, {"detail": "Differing statements already exist"})
                lrs.stored.update({s["id"]: s for s in batch})
                return self._reply(200, [s["id"] for s in batch])

            def do_GET(self):  # noqa: N802
                wanted = self.path.split("statementId=")[-1]
                if wanted in lrs.stored:
                    return self._reply(200, lrs.stored[wanted])
                return self._reply(404, {"detail": "not found"})

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # the slow-LRS test hangs up on purpose
                import sys

                if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                    super().handle_error(request, client_address)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def config(self, password: str = "pw") -> LrsConfig:
        return LrsConfig(f"http://127.0.0.1:{self.server.server_port}/xAPI/", "user", password)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def lrs():
    server = ScriptedLrs()
    yield server
    server.close()


def test_statements_wait_on_disk_until_delivered(tmp_path, lrs):
    outbox = Outbox(tmp_path)
    made = [_statement() for _ in range(3)]
    outbox.add(made)
    assert outbox.counts().pending == 3
    report = sync(outbox, LrsClient(lrs.config()))
    assert report.sent == 3 and report.delivered_all and lrs.posts == [[s["id"] for s in made]]  # one batch
    assert outbox.counts().pending == 0 and outbox.counts().sent == 3
    assert lrs.auth[0].startswith("Basic ")


def test_a_batch_with_one_bad_statement_delivers_the_rest_and_sets_the_bad_one_aside(tmp_path, lrs):
    outbox = Outbox(tmp_path)
    made = [_statement() for _ in range(4)]
    lrs.refuse.add(made[2]["id"])
    outbox.add(made)
    report = sync(outbox, LrsClient(lrs.config()))
    assert report.sent == 3 and report.refused == [(made[2]["id"], f"HTTP 400: statement {made[2]['id']} is invalid")]
    assert set(lrs.stored) == {s["id"] for i, s in enumerate(made) if i != 2}
    refused = Outbox(tmp_path).entries("refused")
    assert [e.id for e in refused] == [made[2]["id"]] and "invalid" in refused[0].reason
    assert sync(outbox, LrsClient(lrs.config())).refused == []  # told once: never sent again


def test_a_409_for_a_partly_stored_batch_sends_only_what_is_missing(tmp_path, lrs):
    outbox = Outbox(tmp_path)
    made = [_statement() for _ in range(3)]
    lrs.stored[made[0]["id"]] = made[0]  # an earlier send stored it, but its answer was lost
    outbox.add(made)
    report = sync(outbox, LrsClient(lrs.config()))
    assert report.sent == 3 and report.delivered_all
    assert sorted(lrs.stored) == sorted(s["id"] for s in made)
    assert sum(len(p) for p in lrs.posts[1:]) == 2  # the stored one was not posted again


def test_an_lrs_that_fails_keeps_everything_and_backs_off(tmp_path, lrs):
    outbox = Outbox(tmp_path)
    outbox.add([_statement(), _statement()])
    lrs.status = 503
    report = sync(outbox, LrsClient(lrs.config()))
    assert report.sent == 0 and "HTTP 503" in report.problem and outbox.counts().pending == 2
    assert 1005.0 <= outbox.record_outcome(False, 1000.0) <= 1006.0
    due = outbox.record_outcome(False, 1000.0)
    assert 1010.0 <= due <= 1012.0 and outbox.schedule() == (2, due)
    assert outbox.record_outcome(True, 2000.0) == 2000.0 and outbox.schedule() == (0, 2000.0)
    assert [backoff_seconds(n) for n in range(1, 4)] == [5, 10, 20] and backoff_seconds(30) == 900
    assert Outbox(tmp_path).entries()[0].attempts == 1


def test_a_slow_lrs_times_out_and_nothing_is_lost(tmp_path, lrs):
    outbox = Outbox(tmp_path)
    outbox.add([_statement()])
    lrs.delay = 1.5
    report = sync(outbox, LrsClient(lrs.config(), timeout=0.3))
    assert report.sent == 0 and "could not be reached" in report.problem and outbox.counts().pending == 1


def test_credentials_never_appear_in_messages(tmp_path, lrs):
    outbox = Outbox(tmp_path)
    outbox.add([_statement()])
    lrs.status = 401
    config = LrsConfig(f"http://someone:hunter2@127.0.0.1:{lrs.server.server_port}/xAPI/")
    report = sync(outbox, LrsClient(config))
    assert lrs.auth == ["Basic c29tZW9uZTpodW50ZXIy"]  # someone:hunter2, sent as a header
    assert report.credentials and "hunter2" not in report.problem and "hunter2" not in repr(config)
    assert outbox.counts().pending == 1


def test_corrupt_outbox_files_are_set_aside_and_the_rest_is_sent(tmp_path, lrs):
    outbox = Outbox(tmp_path)
    good = _statement()
    outbox.add([good])
    pending = tmp_path / "pending"
    (pending / "0001-broken.json").write_text("{not json", encoding="utf-8")
    (pending / "0002-list.json").write_text("[1, 2]", encoding="utf-8")
    (pending / "0003-noid.json").write_text('{"statement": {"actor": {}}}', encoding="utf-8")
    (pending / "0004-binary.json").write_bytes(b"\xff\xfe\x00garbage")
    report = sync(outbox, LrsClient(lrs.config()))
    assert report.sent == 1 and list(lrs.stored) == [good["id"]]
    assert len(outbox.problems) == 4 and all("set aside" in p for p in outbox.problems)
    assert len(list(pending.glob("*.corrupt-*"))) == 4 and not list(pending.glob("*.json"))
    (tmp_path / "delivery.json").write_text("nonsense", encoding="utf-8")
    assert Outbox(tmp_path).schedule() == (0, 0.0)


def test_environment_wins_over_settings():
    settings = Settings(lrs_endpoint="https://lrs.corp.test/xapi/", lrs_username="u", lrs_password="p")
    assert config_from(settings, {}).endpoint == "https://lrs.corp.test/xapi/"
    env = {"MOT_LRS_ENDPOINT": "http://127.0.0.1:9/xAPI/", "MOT_LRS_USERNAME": "e", "MOT_LRS_PASSWORD": "q"}
    assert config_from(settings, env) == LrsConfig("http://127.0.0.1:9/xAPI/", "e", "q")
    assert config_from(Settings(), {}) is None


def test_no_address_given_means_no_lrs():
    """The window starts without game.lrs when lrs_address_given finds no address: config_from then finds none
    either; an address given but unusable is config_from's to refuse."""
    cases = [(Settings(), {}), (Settings(lrs_endpoint="https://lrs.corp.test/xapi/"), {}),
             (Settings(), {"MOT_LRS_ENDPOINT": "http://127.0.0.1:9/xAPI/"}), (Settings(), {"MOT_LRS_ENDPOINT": "ftp://x"}),
             (Settings(), {"MOT_LRS_ENDPOINT": ""})]
    assert [lrs_address_given(settings, env) for settings, env in cases] == [False, True, True, True, False]
    assert [config_from(settings, env) is not None for settings, env in cases] == [False, True, True, False, False]


def test_background_sender_delivers_without_blocking_and_tells_refusals_once(tmp_path, lrs):
    outbox = Outbox(tmp_path)
    bad = _statement()
    lrs.refuse.add(bad["id"])
    lrs.delay = 0.3
    sender = BackgroundSender(tmp_path, lrs.config, poll=0.2)
    sender.start()
    outbox.add([_statement(), bad])
    sender.wake()
    # starting and waking return at once and the thread does the work: the LRS answers after 0.3 s,
    # so a wake that had waited for the sending would find the statements already stored and sent
    assert not lrs.stored and outbox.counts().sent == 0
    deadline = time.monotonic() + 20
    notices = []
    while time.monotonic() < deadline and (outbox.counts().pending or not notices):
        notices += sender.notices()
        time.sleep(0.05)
    time.sleep(0.5)
    notices += sender.notices()
    sender.stop()
    assert outbox.counts().sent == 1 and outbox.counts().refused == 1 and outbox.counts().pending == 0
    assert [key for key, _ in notices] == ["lrs_refused"]


def test_a_statement_the_lrs_keeps_failing_on_is_isolated_then_set_aside(tmp_path, lrs):
    outbox = Outbox(tmp_path)
    made = [_statement() for _ in range(3)]
    lrs.poison.add(made[1]["id"])
    outbox.add(made)
    client = LrsClient(lrs.config())
    syncs = [sync(outbox, client) for _ in range(12)]  # each sync stops at the 500, as after a backoff
    assert all("HTTP 500" in r.problem for r in syncs[:2])
    assert set(lrs.stored) == {made[0]["id"], made[2]["id"]}  # the others were not held back
    refused = Outbox(tmp_path).entries("refused")
    assert [e.id for e in refused] == [made[1]["id"]] and "8 times" in refused[0].reason
    assert sum(len(r.refused) for r in syncs) == 1 and outbox.counts().pending == 0


def test_only_stale_temporaries_are_cleaned(tmp_path):
    import os

    pending = tmp_path / "pending"
    pending.mkdir()
    stale, fresh = pending / ".tmp-old.json", pending / ".tmp-new.json"
    stale.write_text("{", encoding="utf-8")
    fresh.write_text("{", encoding="utf-8")  # another thread may be writing it right now
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    Outbox(tmp_path)
    assert not stale.exists() and fresh.exists()


def test_an_answer_cut_off_midway_keeps_everything(tmp_path):
    import socket

    listener = socket.create_server(("127.0.0.1", 0))

    def half_answer():
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n[\"abc")  # then hangs up

    threading.Thread(target=half_answer, daemon=True).start()
    outbox = Outbox(tmp_path)
    outbox.add([_statement()])
    config = LrsConfig(f"http://127.0.0.1:{listener.getsockname()[1]}/xAPI/", "u", "p")
    report = sync(outbox, LrsClient(config))
    listener.close()
    assert report.sent == 0 and "could not be reached" in report.problem and outbox.counts().pending == 1
