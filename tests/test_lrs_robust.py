"""Hostile or broken LRS answers, bad LRS addresses and bad outbox files: a clear message, never a crash."""

from __future__ import annotations

import threading
import time
import uuid
from types import SimpleNamespace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from game.cli import main
from game.lrs import LrsClient, LrsConfig, LrsError, config_from, config_problem
from game.outbox import Outbox
from game.settings import Settings
from game.ui.sender import BackgroundSender

DEEP = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"detail": ' + DEEP + "}"


def _statement() -> dict:
    return {"id": str(uuid.uuid4()), "actor": {"objectType": "Agent", "account": {"homePage": "https://x.test",
                                                                                     "name": "a"}},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/launched"}, "object": {"id": "https://x.test/s"}}


class CannedLrs:
    """Answers every request with one fixed status and body (the body is sent as it is, not as JSON)."""

    def __init__(self, status: int, body: str):
        canned = self
        self.status, self.body = status, body

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                return

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                data = canned.body.encode()
                self.send_response(canned.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer  # noqa: N815 (the http.server interface)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/xAPI/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canned():
    servers: list[CannedLrs] = []

    def start(status: int, body: str) -> CannedLrs:
        servers.append(CannedLrs(status, body))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


MALFORMED_PAGES = ["[]", '{"statements": 5}', DEEP, '{"statements": ' + DEEP + "}", '{"statements": [], "more": 5}',
                   '"text"', "null", "not json", '{"statements": [1, "x", null]', "1e999999"]


@pytest.mark.parametrize("body", MALFORMED_PAGES, ids=range(len(MALFORMED_PAGES)))
def test_report_lrs_explains_any_malformed_answer(tmp_path, monkeypatch, capsys, canned, body):
    server = canned(200, body)
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path / "saves"))
    monkeypatch.setenv("MOT_LRS_ENDPOINT", server.endpoint)
    assert main(["report", "tutorial", "--lrs", "--out", str(tmp_path / "r.html")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "error: " in err and "127.0.0.1" in err
    assert len(err.strip().splitlines()[-1]) < 300


def test_a_page_of_mixed_items_keeps_only_statements(canned):
    server = canned(200, '{"statements": [1, "x", null, {"id": "a"}], "more": ""}')
    assert list(LrsClient(LrsConfig(server.endpoint)).statements()) == [{"id": "a"}]


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT, '{"detail": 5}', "[]", "null", "x" * 100_000])
def test_sync_files_a_refusal_whatever_its_body_and_exits_nonzero(tmp_path, monkeypatch, capsys, canned, body):
    server = canned(400, body)
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path / "saves"))
    monkeypatch.setenv("MOT_LRS_ENDPOINT", server.endpoint)
    outbox = Outbox(tmp_path / "saves" / "outbox")
    outbox.add([_statement()])
    assert main(["sync"]) == 1  # everything was refused: not a success
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "refused 1" in captured.out and "HTTP 400" in captured.out
    assert "refused 1 statement" in captured.err
    assert Outbox(tmp_path / "saves" / "outbox").counts().refused == 1


def test_sync_exits_nonzero_while_statements_stay_pending(tmp_path, monkeypatch, capsys, canned):
    server = canned(503, "busy")
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path / "saves"))
    monkeypatch.setenv("MOT_LRS_ENDPOINT", server.endpoint)
    Outbox(tmp_path / "saves" / "outbox").add([_statement()])
    assert main(["sync"]) == 1
    assert "pending statement(s) stay in the outbox" in capsys.readouterr().err


def test_sync_exits_zero_only_when_all_went(tmp_path, monkeypatch, capsys, canned):
    server = canned(200, "[]")
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path / "saves"))
    monkeypatch.setenv("MOT_LRS_ENDPOINT", server.endpoint)
    Outbox(tmp_path / "saves" / "outbox").add([_statement(), _statement()])
    assert main(["sync"]) == 0
    assert "sent 2, pending 0, refused 0" in capsys.readouterr().out


BAD_ENDPOINTS = ["notaurl", "http://[::1", "file:///etc/passwd", "ftp://x/", "http://", "https:///xapi",
                 "http://host:port/", "javascript:alert(1)", "http://ho st/"]


@pytest.mark.parametrize("endpoint", BAD_ENDPOINTS)
def test_an_unusable_endpoint_is_never_used_and_is_named(tmp_path, monkeypatch, capsys, endpoint):
    environ = {"MOT_LRS_ENDPOINT": endpoint}
    assert config_from(Settings(), environ) is None
    problem = config_problem(Settings(), environ)
    assert problem and problem.startswith("MOT_LRS_ENDPOINT") and "\n" not in problem
    with pytest.raises(ValueError, match="lrs_endpoint must be an http"):  # settings.json: the same rule
        Settings(lrs_endpoint=endpoint)
    from_settings = config_problem(SimpleNamespace(lrs_endpoint=endpoint), {})
    assert from_settings and "lrs_endpoint in saves/settings.json" in from_settings
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path / "saves"))
    monkeypatch.setenv("MOT_LRS_ENDPOINT", endpoint)
    Outbox(tmp_path / "saves" / "outbox").add([_statement()])
    for command in (["sync"], ["report", "tutorial", "--lrs", "--out", str(tmp_path / "r.html")]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err and "MOT_LRS_ENDPOINT" in err and "https://" in err
    assert Outbox(tmp_path / "saves" / "outbox").counts().pending == 1


@pytest.mark.parametrize("endpoint", ["http://lrs.test/xapi/", "HTTPS://lrs.test:8443/x", "http://[::1]:8080/"])
def test_ordinary_endpoints_are_accepted(endpoint):
    assert config_problem(Settings(), {"MOT_LRS_ENDPOINT": endpoint}) is None
    assert config_from(Settings(), {"MOT_LRS_ENDPOINT": endpoint}).endpoint == endpoint


NOT_STATEMENTS = ["null", "5", '"text"', "[]", "{}", '{"statement": null}', '{"statement": {"id": 5}}',
                  '{"statement": []}']


@pytest.mark.parametrize("content", NOT_STATEMENTS)
def test_a_pending_file_without_a_statement_is_set_aside_with_the_reason(tmp_path, content):
    outbox = Outbox(tmp_path)
    outbox.add([_statement()])
    bad = tmp_path / "pending" / "00000000000000000000-bad.json"
    bad.write_text(content, encoding="utf-8")
    entries = outbox.entries()
    assert len(entries) == 1 and not bad.exists()
    assert len(list((tmp_path / "pending").glob("*.corrupt-*"))) == 1
    assert any("xAPI statement" in problem for problem in outbox.problems)


def test_report_from_never_changes_saves(tmp_path, capsys):
    saves = tmp_path / "saves"
    outbox = Outbox(saves / "outbox")
    outbox.add([_statement()])
    for name, content in [("a.json", "null"), ("b.json", "not json"), ("c.json", DEEP), ("d.json", "{}")]:
        (saves / "outbox" / "pending" / name).write_text(content, encoding="utf-8")
    (saves / "outbox" / "sent").mkdir()
    (saves / "outbox" / "sent" / "e.json").write_text("[1]", encoding="utf-8")
    stale = saves / "outbox" / "pending" / ".tmp-old"
    stale.write_text("x", encoding="utf-8")
    before = sorted((p.relative_to(saves), p.read_bytes()) for p in saves.rglob("*") if p.is_file())
    assert main(["report", "tutorial", "--from", str(saves), "--out", str(tmp_path / "r.html")]) == 0
    after = sorted((p.relative_to(saves), p.read_bytes()) for p in saves.rglob("*") if p.is_file())
    assert after == before
    err = capsys.readouterr().err
    assert err.count("was skipped because") == 5 and "left as it is" in err


def test_the_client_raises_lrs_error_not_python_errors(canned):
    for body in MALFORMED_PAGES:
        server = canned(200, body)
        with pytest.raises(LrsError):
            list(LrsClient(LrsConfig(server.endpoint)).statements())


def _wait_for(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_the_background_sender_survives_any_error_tells_once_and_retries(tmp_path, canned, monkeypatch):
    server = canned(200, "[]")
    calls = {"n": 0}

    def flaky_config():
        calls["n"] += 1
        if calls["n"] <= 3:  # as if settings or the network layer hit a bug
            raise [ValueError("bad port"), TypeError("odd reply"), RecursionError("deep")][calls["n"] - 1]
        return LrsConfig(server.endpoint)

    outbox = Outbox(tmp_path)
    outbox.add([_statement()])
    sender = BackgroundSender(tmp_path, flaky_config, poll=0.05)
    sender.start()
    try:
        assert _wait_for(lambda: outbox.counts().sent == 1)
        assert sender._thread.is_alive() and calls["n"] > 3
        notices = sender.notices()
        assert len(notices) == 1 and "ValueError" in notices[0][1]["reason"]
    finally:
        sender.stop()


def test_the_background_sender_survives_a_crashing_sync(tmp_path, canned, monkeypatch):
    server = canned(200, "[]")
    import game.ui.sender as sender_module

    real_sync, failures = sender_module.sync, {"n": 0}

    def crashing_sync(outbox, client):
        failures["n"] += 1
        if failures["n"] <= 2:
            raise AttributeError("'list' object has no attribute 'get'")
        return real_sync(outbox, client)

    monkeypatch.setattr(sender_module, "sync", crashing_sync)
    outbox = Outbox(tmp_path)
    outbox.add([_statement()])
    sender = BackgroundSender(tmp_path, lambda: LrsConfig(server.endpoint), poll=0.05)
    sender.start()
    try:
        assert _wait_for(lambda: outbox.counts().sent == 1)
    finally:
        sender.stop(timeout=10)  # joined before reading its counters: the thread may be mid-loop
    # two crashes, then the send that worked (later polls may call sync again, with nothing to send)
    assert failures["n"] >= 3 and sender.failures == 0
    assert [key for key, _ in sender.notices()] == ["lrs_credentials"]
