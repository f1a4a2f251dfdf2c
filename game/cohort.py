"""A cohort's runs, read back from xAPI statements: how people chose, scored and ended.

The statements may come from an LRS or from the local outbox; either way they are untrusted
data, so every field is checked and anything unexpected is skipped, never fatal. Activity ids are
recognised by their ``/scenes/SCENE[/nodes/NODE]`` tail, so reports work whatever base IRI the
deployment configured.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

_ACTIVITY = re.compile(r"/scenes/([^/?#]+)(?:/nodes/([^/?#]+))?$")
SCORE_BANDS = tuple(range(0, 100, 10))  # 0-9, 10-19, ... 90-100


@dataclass(frozen=True)
class Answer:
    """One decision a learner (or team) took."""

    node: str
    choice: str
    rating: Optional[int]
    stage: Optional[str]
    timestamp: str


@dataclass
class RunRecord:
    """One run (one registration) of a scene, as far as its statements tell."""

    registration: str
    scene: str
    mode: str = "practice"
    learner: str = ""
    answers: list[Answer] = field(default_factory=list)
    ending: Optional[str] = None
    score: Optional[float] = None
    passed: Optional[bool] = None

    @property
    def finished(self) -> bool:
        """True when the run reached an ending."""
        return self.ending is not None

    def worst(self) -> Optional[Answer]:
        """The lowest-rated decision (the first of equals): the run's worst moment."""
        rated = [answer for answer in self.answers if answer.rating is not None]
        return min(rated, key=lambda a: a.rating or 0) if rated else None


def parse_activity(activity_id: Any) -> tuple[Optional[str], Optional[str]]:
    """(scene id, node id or None) from an activity id this game made; (None, None) otherwise."""
    match = _ACTIVITY.search(activity_id) if isinstance(activity_id, str) else None
    return (match.group(1), match.group(2)) if match else (None, None)


def _extension(extensions: Any, name: str) -> Any:
    """The value of the extension whose IRI ends in ``/extensions/NAME`` (any base IRI)."""
    if isinstance(extensions, dict):
        for key, value in extensions.items():
            if isinstance(key, str) and key.endswith(f"/extensions/{name}"):
                return value
    return None


def _mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is a JSON object, else an empty one: statements come from outside."""
    return value if isinstance(value, dict) else {}


def _learner_key(actor: Any) -> str:
    if not isinstance(actor, dict):
        return ""
    account = _mapping(actor.get("account"))
    return str(actor.get("mbox") or account.get("name") or actor.get("name") or "")


def runs_from_statements(statements: Iterable[Any]) -> list[RunRecord]:
    """Group statements into runs by registration; each statement id counts once."""
    runs: dict[str, RunRecord] = {}
    seen: set[str] = set()
    for statement in statements:
        statement_id = str(statement.get("id")) if isinstance(statement, dict) else None
        if statement_id is None or statement_id in seen:  # str(): an id from outside may be a list
            continue
        seen.add(statement_id)
        _add(runs, statement)
    for run in runs.values():
        run.answers.sort(key=lambda a: a.timestamp)
    return list(runs.values())


def _add(runs: dict[str, RunRecord], statement: dict[str, Any]) -> None:
    context = _mapping(statement.get("context"))
    registration = context.get("registration")
    obj = _mapping(statement.get("object"))
    scene, node = parse_activity(obj.get("id"))
    verb = statement.get("verb", {}).get("id", "") if isinstance(statement.get("verb"), dict) else ""
    if not isinstance(registration, str) or scene is None or not isinstance(verb, str):
        return
    run = runs.setdefault(registration, RunRecord(registration, scene))
    mode = _extension(context.get("extensions"), "mode")
    run.mode = mode if isinstance(mode, str) else run.mode
    run.learner = run.learner or _learner_key(statement.get("actor"))
    result = _mapping(statement.get("result"))
    kind = verb.rsplit("/", 1)[-1]
    if kind == "answered" and node is not None and isinstance(result.get("response"), str):
        rating = _extension(result.get("extensions"), "rating")
        stage = _extension(result.get("extensions"), "stage")
        run.answers.append(Answer(node, result["response"], rating if type(rating) is int else None,
                                  stage if isinstance(stage, str) else None, str(statement.get("timestamp", ""))))
    elif kind == "completed":
        ending = _extension(result.get("extensions"), "ending")
        run.ending = ending if isinstance(ending, str) else run.ending
    elif kind in ("passed", "failed"):
        score = result.get("score", {}).get("raw") if isinstance(result.get("score"), dict) else None
        if isinstance(score, (int, float)) and not isinstance(score, bool) and math.isfinite(score):
            run.score = float(score)
        run.passed = kind == "passed"


def for_scene(records: Iterable[RunRecord], scene_id: str) -> list[RunRecord]:
    """The runs of one scene."""
    return [record for record in records if record.scene == scene_id]


def choices_at(scene_id: str, node_id: str, records: Iterable[RunRecord]) -> Counter:
    """How often each choice id was taken at one decision across ``records`` (for facilitator mode)."""
    return Counter(answer.choice for record in for_scene(records, scene_id)
                   for answer in record.answers if answer.node == node_id)


def score_distribution(records: Iterable[RunRecord]) -> dict[int, int]:
    """Scored runs per band of ten points (the key is the band's floor; 100 falls in 90)."""
    bands = dict.fromkeys(SCORE_BANDS, 0)
    for record in records:
        if record.score is not None:
            bands[min(90, max(0, int(record.score // 10 * 10)))] += 1
    return bands


def endings_reached(records: Iterable[RunRecord]) -> Counter:
    """How many runs reached each ending."""
    return Counter(record.ending for record in records if record.ending is not None)


def worst_moments(records: Iterable[RunRecord], top: int = 5) -> list[tuple[tuple[str, str], int]]:
    """The (node, choice) pairs that were most often a run's worst moment."""
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        worst = record.worst()
        if worst is not None and worst.rating is not None and worst.rating < 0:
            counts[(worst.node, worst.choice)] += 1
    return counts.most_common(top)


@dataclass(frozen=True)
class ModeSummary:
    """Practice, assessment or workshop runs at a glance."""

    mode: str
    runs: int
    finished: int
    average_score: Optional[float]
    pass_rate: Optional[float]


def by_mode(records: Iterable[RunRecord]) -> list[ModeSummary]:
    """Per mode: runs, finished runs, average score and pass rate."""
    groups: dict[str, list[RunRecord]] = {}
    for record in records:
        groups.setdefault(record.mode, []).append(record)
    summaries = []
    for mode in sorted(groups):
        runs = groups[mode]
        scores = [r.score for r in runs if r.score is not None]
        verdicts = [r.passed for r in runs if r.passed is not None]
        summaries.append(ModeSummary(mode, len(runs), sum(r.finished for r in runs),
                                     round(sum(scores) / len(scores), 1) if scores else None,
                                     round(sum(verdicts) / len(verdicts), 3) if verdicts else None))
    return summaries


def statements_under(folder: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Every statement in the outboxes under ``folder`` (sent and pending), and notes on files set aside.

    ``folder`` may be one saves/ folder or a folder holding copies of several desktops' saves/.
    """
    from game.outbox import Outbox  # only this reader needs the outbox

    statements: list[dict[str, Any]] = []
    notes: list[str] = []
    for outbox_dir in sorted({path.parent.parent for path in Path(folder).rglob("outbox/*/*.json")}):
        outbox = Outbox(outbox_dir, read_only=True)  # a report never changes saves/
        statements += outbox.statements()
        notes += outbox.problems
    return statements, notes


def local_records(folder: Path) -> list[RunRecord]:
    """The runs recorded under ``folder`` (e.g. saves/): for facilitator mode's "how past cohorts chose"."""
    return runs_from_statements(statements_under(folder)[0])
