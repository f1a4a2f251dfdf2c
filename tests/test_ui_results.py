"""The window records results like `run --record` and sends them from a background thread."""

from __future__ import annotations

import time
from pathlib import Path

import pygame
import pytest

from game.analysis import analyze
from game.loader import load_scene
from game.outbox import Outbox
from game.ui.app import App
from game.ui.driver import key
from game.ui.screens.ending import EndingScreen
from game.savestore import SaveStore
from test_outbox import ScriptedLrs
from test_ui import _until_decision_or_ending

ROOT = Path(__file__).resolve().parent.parent
BEST = analyze(load_scene(str(ROOT / "scenes" / "tutorial.yaml")).program).best.choices  # scene edits don't matter


def _play_to_the_end(app: App, numbers: tuple[int, ...]) -> None:
    app.start_scene(str(ROOT / "scenes" / "tutorial.yaml"))
    for number in numbers:
        _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
        key(app, getattr(pygame, f"K_{number}"))
    _until_decision_or_ending(app, lambda: key(app, pygame.K_SPACE))
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, EndingScreen)


@pytest.fixture
def lrs():
    server = ScriptedLrs()
    yield server
    server.close()


def test_a_played_run_leaves_history_and_statements(tmp_path, monkeypatch):
    monkeypatch.delenv("MOT_LRS_ENDPOINT", raising=False)
    app = App(saves_folder=tmp_path)
    app.update_settings(text_speed="fast")
    try:
        assert app.sender is None  # no LRS configured: no thread
        _play_to_the_end(app, BEST)
    finally:
        pygame.display.quit()
    statements = Outbox(tmp_path / "outbox").statements()
    verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in statements]
    assert verbs[0] == "launched" and verbs.count("answered") == len(BEST) and verbs[-2] == "completed"
    assert len({s["context"]["registration"] for s in statements}) == 1
    history = SaveStore(tmp_path).finished_runs()  # one file per finished run, under saves/history/
    assert history[-1]["scene"] == "tutorial"


def test_the_window_sends_in_the_background(tmp_path, monkeypatch, lrs):
    config = lrs.config()
    monkeypatch.setenv("MOT_LRS_ENDPOINT", config.endpoint)
    monkeypatch.setenv("MOT_LRS_USERNAME", config.username)
    monkeypatch.setenv("MOT_LRS_PASSWORD", config.password)
    lrs.delay = 1.0  # a slow LRS: frames must not wait for it
    app = App(saves_folder=tmp_path)
    app.update_settings(text_speed="fast")
    try:
        assert app.sender is not None
        _play_to_the_end(app, BEST)
        slowest = 0.0
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and Outbox(tmp_path / "outbox").counts().pending:
            started = time.monotonic()
            app.step([])
            slowest = max(slowest, time.monotonic() - started)
            time.sleep(0.02)
    finally:
        if app.sender is not None:
            app.sender.stop()
        pygame.display.quit()
    counts = Outbox(tmp_path / "outbox").counts()
    assert counts.pending == 0 and counts.sent == len(BEST) + 3 and len(lrs.stored) == len(BEST) + 3
    assert slowest < lrs.delay  # no frame waited for the LRS's answer
