"""Recording finished runs the way the game does: the history, and xAPI statements in the outbox.

The window, ``main.py run --record`` and facilitator mode all go through here, so a headless
run leaves exactly what a played one leaves.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from game.outbox import Outbox
from game.storage import read_json, set_aside, write_json
from game.xapi import (
    DEFAULT_BASE_IRI, Context, finished, launched, named_actor, new_registration, team_actor,
)

if TYPE_CHECKING:
    from game.savestore import SaveStore
    from game.scorecard import Scorecard
    from game.run import Run
    from game.settings import Settings
    from game.workshop import Workshop

LEARNER_FILE = "learner.json"
OUTBOX_DIR = "outbox"


def learner_account(folder: Path) -> tuple[str, Optional[str]]:
    """This machine's anonymous learner id (made on first use and kept in saves/), and any problem.

    The id is random: it ties a learner's runs together in the LRS without saying who they are.
    """
    path = Path(folder) / LEARNER_FILE
    result = read_json(path)
    account = result.data.get("account") if isinstance(result.data, dict) else None
    if isinstance(account, str) and 8 <= len(account) <= 64 and account.replace("-", "").isalnum():
        return account, result.problem
    problem = result.problem
    if result.found:  # something else is in the file: keep it aside rather than overwrite it
        problem = set_aside(path, "unexpected")
    account = str(uuid.uuid4())
    write_json(path, {"account": account, "note": "A random id for your results; delete this file to get a new one."})
    return account, problem


def base_iri(settings: Settings) -> str:
    """The IRI every activity id starts with."""
    return settings.xapi_base_iri or DEFAULT_BASE_IRI


def actor_for(settings: Settings, folder: Path, learner: Optional[str] = None) -> dict[str, Any]:
    """The xAPI actor: anonymous unless the settings (or ``learner``, a mailto: IRI) name the learner."""
    account, _ = learner_account(folder)
    email = learner or settings.learner_email
    return named_actor(settings.learner_name, email, account, base_iri(settings))


class Recorder:
    """Writes what a run leaves behind under one saves folder."""

    def __init__(self, folder: Path, settings: Settings, mode: Optional[str] = None, learner: Optional[str] = None):
        self.folder = Path(folder)
        self.settings = settings
        self.mode = mode  # None: each run's own mode (practice or assessment, chosen at the briefing)
        self.learner = learner
        self.outbox = Outbox(self.folder / OUTBOX_DIR)

    def context(self, registration: str, actor: Optional[dict[str, Any]] = None, mode: Optional[str] = None) -> Context:
        """The xAPI context of one run."""
        return Context(actor or actor_for(self.settings, self.folder, self.learner), registration,
                       self.mode or mode or "practice", self.settings.language,
                       base_iri(self.settings))

    def _run_context(self, run: Run) -> Context:
        return self.context(run.registration, mode=getattr(run, "mode", None))

    def launch(self, run: Run) -> None:
        """The run started: a ``launched`` statement goes into the outbox now."""
        self.outbox.add([launched(self._run_context(run), run.program, run.started_at)])

    def finish(self, run: Run, card: Scorecard, store: Optional[SaveStore] = None,
               ended: Optional[float] = None) -> list[dict[str, Any]]:
        """The run ended: the history (when ``store`` is given) and its statements in the outbox."""
        if store is not None:
            store.record_finished(run, card)
        statements = finished(self._run_context(run), run.program, run.state, run.started_at,
                              ended if ended is not None else time.time(), card)
        self.outbox.add(statements)
        return statements

    def record_workshop(self, workshop: Workshop, ended: Optional[float] = None) -> list[dict[str, Any]]:
        """Each finished team of a workshop: its own run, the team as an xAPI Group, mode ``workshop``."""
        ended = ended if ended is not None else time.time()
        started = _started_time(workshop.started, ended)
        session = new_registration()
        base = base_iri(self.settings)
        statements = []
        for team in workshop.teams:
            if not workshop.finished(team):
                continue
            registration = str(uuid.uuid5(uuid.UUID(session), f"run/{team}"))
            ctx = Context(team_actor(team, session, base), registration, "workshop", workshop.language, base)
            statements.append(launched(ctx, workshop.program, started))
            statements += finished(ctx, workshop.program, workshop.states[team], started, ended,
                                   workshop.scorecard(team))
        self.outbox.add(statements)
        return statements


def _started_time(stamp: str, fallback: float) -> float:
    """The Unix time of a workshop's ``YYYY-mm-dd HH:MM`` start (local time), or ``fallback``."""
    try:
        return min(time.mktime(time.strptime(stamp, "%Y-%m-%d %H:%M")), fallback)
    except (ValueError, OverflowError):
        return fallback

