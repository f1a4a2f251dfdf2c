"""Sends the outbox to the LRS on a background thread, so no frame ever waits for the network.

The thread only calls the core (:func:`game.lrs.sync`); the window asks it for notices once a
frame and shows each one once. The outbox's retry schedule lives on disk, so backoff carries
over when the game is restarted.
"""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path
from typing import Callable, Optional

from game.lrs import LrsClient, LrsConfig, SyncReport, sync
from game.outbox import Outbox, backoff_seconds

POLL_SECONDS = 30.0  # how often pending statements are looked at when nothing wakes the sender


class BackgroundSender:
    """A daemon thread that delivers the outbox whenever it is due."""

    def __init__(self, folder: Path, config: Callable[[], Optional[LrsConfig]], poll: float = POLL_SECONDS):
        self.folder = Path(folder)
        self.config = config
        self.poll = poll
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._notices: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name="lrs-sender", daemon=True)
        self.last_report: Optional[SyncReport] = None
        self.failures = 0  # unexpected errors in a row (the thread never dies of one: it waits longer)
        self.last_error = ""

    def start(self) -> None:
        """Start sending in the background."""
        self._thread.start()

    def wake(self) -> None:
        """New statements are waiting: look now (the retry schedule still applies)."""
        self._wake.set()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop after the current request (a request cut short loses nothing: the outbox keeps it)."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def notices(self) -> list[tuple[str, dict]]:
        """Messages for the player since the last call, as (string key, values)."""
        found = []
        while not self._notices.empty():
            found.append(self._notices.get_nowait())
        return found

    def _loop(self) -> None:
        told_credentials = False
        while not self._stop.is_set():
            try:
                wait, told_credentials = self._look(told_credentials)
                self.failures = 0
            except Exception as exc:  # noqa: BLE001 - a sender that dies loses every later result silently
                wait = self._failed(exc)
            self._wake.wait(max(0.5, wait))
            self._wake.clear()

    def _look(self, told_credentials: bool) -> tuple[float, bool]:
        """Read the LRS settings and send when due; an unwritable outbox is told like any failed save."""
        config = self.config()
        if config is None:
            return self.poll, told_credentials
        try:
            return self._once(config, told_credentials)
        except OSError as exc:  # the outbox cannot be written: say so like any failed save
            self._notices.put(("cannot_save", {"folder": str(self.folder), "reason": exc.strerror or str(exc)}))
            return self.poll, told_credentials

    def _failed(self, exc: Exception) -> float:
        """An unexpected error: tell the player once (until sending works again), then wait longer each time."""
        self.failures += 1
        self.last_error = f"{type(exc).__name__}: {exc}"[:300]
        if self.failures == 1:
            self._notices.put(("lrs_credentials", {"reason": f"unexpected error in the sender ({self.last_error})"}))
        return min(self.poll * 30, backoff_seconds(self.failures))

    def _once(self, config: LrsConfig, told_credentials: bool) -> tuple[float, bool]:
        """One look at the outbox: send when due; returns the wait before the next look."""
        outbox = Outbox(self.folder)
        _, due = outbox.schedule()
        now = time.time()
        if now < due:
            return min(self.poll, due - now), told_credentials
        if not outbox.counts().pending:
            return self.poll, told_credentials
        report = sync(outbox, LrsClient(config))
        self.last_report = report
        next_due = outbox.record_outcome(report.delivered_all, time.time())
        if report.refused:
            self._notices.put(("lrs_refused", {"count": len(report.refused), "reason": report.refused[0][1]}))
        if report.credentials and not told_credentials:
            self._notices.put(("lrs_credentials", {"reason": report.problem}))
            told_credentials = True
        wait = self.poll if report.delivered_all else max(0.5, min(self.poll, next_due - time.time()))
        return wait, told_credentials
