"""The outbox: xAPI statements waiting for the Learning Record Store, kept under saves/outbox/.

Each statement is one JSON file, written atomically the moment the statement is made, so nothing
is lost when the game is closed, killed or offline. Delivery moves the file (an atomic rename)
from ``pending/`` to ``sent/``; a statement the LRS refuses moves to ``refused/`` with the reason.
A file that cannot be read is set aside (``*.corrupt-*``) and reported, never trusted or deleted.
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from game.storage import TEMP_PREFIX, read_json, report_bad, set_aside, write_json

PENDING, SENT, REFUSED = "pending", "sent", "refused"
STATE_FILE = "delivery.json"  # retry schedule: failures in a row and when to try again
MAX_BACKOFF = 15 * 60.0
FIRST_BACKOFF = 5.0
STALE_TEMPORARY_SECONDS = 120.0  # younger temporaries may be a write in progress (the sender thread, another process)


@dataclass
class Entry:
    """One statement in the outbox and what is known about its delivery."""

    path: Path
    statement: dict[str, Any]
    attempts: int = 0
    alone: bool = False  # send it by itself: it was in a batch the LRS refused or only partly stored
    reason: Optional[str] = None

    @property
    def id(self) -> str:
        """The statement id (fixed when the statement was made)."""
        return str(self.statement["id"])


@dataclass
class Counts:
    """How many statements are in each state."""

    pending: int = 0
    sent: int = 0
    refused: int = 0
    problems: list[str] = field(default_factory=list)


class Outbox:
    """The statements of this machine's runs, by delivery state."""

    def __init__(self, folder: Path, read_only: bool = False):
        """Open the outbox in ``folder``.

        Args:
            folder: The outbox folder (holding pending/, sent/ and refused/).
            read_only: Only read: bad files are reported but never renamed, temporaries never removed
                (for commands such as ``report --from`` that must not change saves/).
        """
        self.folder = Path(folder)
        self.read_only = read_only
        self.problems: list[str] = []  # sentences about files set aside, for the player or the command line
        if not read_only:
            for state in (PENDING, SENT, REFUSED):
                _clean_stale_temporaries(self.folder / state)

    def _dir(self, state: str) -> Path:
        return self.folder / state

    def add(self, statements: list[dict[str, Any]]) -> None:
        """Keep ``statements`` for sending (each written to disk before this returns)."""
        for statement in statements:
            name = f"{time.time_ns():020d}-{statement['id']}.json"  # creation order, so runs are sent in order
            write_json(self._dir(PENDING) / name, {"statement": statement, "attempts": 0, "alone": False})

    def entries(self, state: str = PENDING) -> list[Entry]:
        """The readable statements in ``state``, oldest first; unreadable files are set aside."""
        folder = self._dir(state)
        if not folder.is_dir():
            return []
        found = []
        for path in sorted(folder.glob("*.json")):
            entry = self._read(path)
            if entry is not None:
                found.append(entry)
        return found

    def _read(self, path: Path) -> Optional[Entry]:
        result = read_json(path, read_only=self.read_only)
        if result.problem:
            self.problems.append(result.problem)
            return None
        if not result.found:  # gone meanwhile: another sender delivered it
            return None
        data = result.data  # any JSON, even null: only a statement with an id is kept
        statement = data.get("statement") if isinstance(data, dict) else None
        if not isinstance(statement, dict) or not isinstance(statement.get("id"), str):
            reason = "it does not hold an xAPI statement with an id"
            if self.read_only:
                self.problems.append(report_bad(path, reason))
            elif path.exists():
                self.problems.append(set_aside(path, reason))
            return None
        attempts = data.get("attempts")
        return Entry(path, statement, attempts if isinstance(attempts, int) else 0, data.get("alone") is True,
                     data.get("reason") if isinstance(data.get("reason"), str) else None)

    def statements(self, states: tuple[str, ...] = (SENT, PENDING)) -> list[dict[str, Any]]:
        """The statements in ``states`` (for the local cohort report)."""
        return [entry.statement for state in states for entry in self.entries(state)]

    def mark_sent(self, entries: list[Entry]) -> None:
        """The LRS has these statements: move them to ``sent/``."""
        for entry in entries:
            self._move(entry.path, SENT)

    def refuse(self, entry: Entry, reason: str) -> None:
        """The LRS refused this statement: keep it in ``refused/`` with the reason, never send it again."""
        target = self._dir(REFUSED) / entry.path.name
        write_json(target, {"statement": entry.statement, "attempts": entry.attempts + 1, "reason": reason})
        entry.path.unlink(missing_ok=True)

    def note_attempt(self, entries: list[Entry], alone: bool = False) -> None:
        """Count a failed attempt for each entry; ``alone`` marks them to be sent one at a time."""
        for entry in entries:
            if not entry.path.exists():
                continue
            entry.attempts += 1
            entry.alone = entry.alone or alone
            write_json(entry.path, {"statement": entry.statement, "attempts": entry.attempts, "alone": entry.alone})

    def _move(self, path: Path, state: str) -> None:
        target = self._dir(state)
        target.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(path, target / path.name)
        except FileNotFoundError:  # another sender (the game, or `main.py sync`) moved it first
            pass

    def counts(self) -> Counts:
        """How many statements are pending, sent and refused."""
        def count(state: str) -> int:
            folder = self._dir(state)
            return sum(1 for _ in folder.glob("*.json")) if folder.is_dir() else 0

        return Counts(count(PENDING), count(SENT), count(REFUSED), list(self.problems))

    # --- the retry schedule ------------------------------------------------------------------

    def schedule(self) -> tuple[int, float]:
        """Failed syncs in a row and the time (Unix) before which no new try is due."""
        result = read_json(self.folder / STATE_FILE)
        if result.problem:
            self.problems.append(result.problem)
        data = result.data if isinstance(result.data, dict) else {}
        failures, due = data.get("failures", 0), data.get("next_try", 0.0)
        valid = isinstance(failures, int) and isinstance(due, (int, float))
        return (failures, float(due)) if valid else (0, 0.0)

    def record_outcome(self, delivered: bool, now: float) -> float:
        """Remember how a sync went; returns when the next one is due (backoff doubles, up to about 15 min)."""
        failures, _ = self.schedule()
        failures = 0 if delivered else failures + 1
        # up to a fifth more at random: thousands of desktops that lost the LRS together do not return together
        wait = 0.0 if delivered else backoff_seconds(failures) * random.uniform(1.0, 1.2)
        write_json(self.folder / STATE_FILE, {"failures": failures, "next_try": now + wait})
        return now + wait


def backoff_seconds(failures: int) -> float:
    """How long to wait after ``failures`` failed syncs in a row: 5 s, 10 s, 20 s ... at most 15 minutes."""
    if failures <= 0:
        return 0.0
    return min(MAX_BACKOFF, FIRST_BACKOFF * 2 ** min(failures - 1, 20))


def _clean_stale_temporaries(folder: Path) -> None:
    """Remove temporaries left by interrupted writes, never one that may still be being written."""
    if not folder.is_dir():
        return
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    for leftover in folder.glob(f"{TEMP_PREFIX}*"):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except FileNotFoundError:  # its write finished (renamed) or another process removed it meanwhile
            continue
