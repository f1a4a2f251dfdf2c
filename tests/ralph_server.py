"""A real Ralph LRS for the tests: one process per test, its own folder, a free port on 127.0.0.1.

Ralph 5.1.0's filesystem backend stores the first POST to a target and answers 500 to every
later POST to the same target (it will not append to its file), so each test gets its own
server and folder, and each LRS user its own target; the tests send one batch per sync.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

MISSING = [name for name in ("ralph", "uvicorn", "bcrypt", "requests") if importlib.util.find_spec(name) is None]
if MISSING:  # only where the test extra was not installed: .ci/run installs it
    pytest.skip(f"Ralph LRS is not installed (missing {', '.join(MISSING)}): pip install -e '.[test]' installs "
                "ralph-malph[cli,lrs] and requests", allow_module_level=True)
import bcrypt  # noqa: E402  (after the skip: it comes with ralph-malph[lrs])

STARTUP_SECONDS = 60.0


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RalphServer:
    """A Ralph LRS process with the filesystem backend under ``folder``."""

    def __init__(self, folder: Path, users: dict[str, str]):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.data = self.folder / "data"
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.users = users
        credentials = []
        for username, password in users.items():
            (self.data / username).mkdir(parents=True, exist_ok=True)  # Ralph does not create a target's folder
            credentials.append({"agent": {"account": {"homePage": "http://lrs.test", "name": username}},
                                "scopes": ["all"], "target": username, "username": username,
                                "hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt(4)).decode()})
        (self.folder / "auth.json").write_text(json.dumps(credentials), encoding="utf-8")

    @property
    def endpoint(self) -> str:
        """The xAPI endpoint."""
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self) -> None:
        """Start the server and wait until it answers its heartbeat."""
        env = dict(os.environ, RALPH_RUNSERVER_BACKEND="fs", RALPH_APP_DIR=str(self.folder / "app"),
                   RALPH_AUTH_FILE=str(self.folder / "auth.json"),
                   RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(self.data))
        log = open(self.folder / "server.log", "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "ralph.api:app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "warning"], cwd=self.folder, env=env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph exited at start-up: {self.log()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Ralph did not start within {STARTUP_SECONDS:.0f} s: {self.log()[-2000:]}")

    def stop(self) -> None:
        """Stop the server (the statements it stored stay in its folder)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def log(self) -> str:
        """What the server printed."""
        path = self.folder / "server.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
