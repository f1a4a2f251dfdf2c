"""Facilitator mode's session: teams, the room's votes, decisions taken, and the export.

Pure game logic, like the engine: the facilitator screen turns keys into calls here and draws what
comes back. Each team plays its own run of the scene, one team after another or taking turns at
each decision; every decision keeps the tally the room voted and whether a tie was broken.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from game.engine import State, Story, View
from game.program import Program, RChoice, RKeyDecision
from game.ltext import LText, pick
from game.scorecard import Scorecard, build_scorecard
from game.storage import Notice

LETTERS = "ABCDEFGHI"
DEFAULT_TIMER_SECONDS = 120
QUICK_VOTE_SECONDS = 30  # "key decisions only": the other decisions get a show of hands
MODES = ("sequential", "alternating")
MAX_TEAM_NAME = 40  # fits a projector's team chip and a spreadsheet column


class WorkshopError(ValueError):
    """A facilitator action that does not apply now (no decision open, no tie to break...).

    It carries its sentence as a :class:`Notice` (a catalogue key and its values), so the core says nothing in
    any one language: ``str()`` is the English (logs, tests), and a screen shows ``notice.in_language(...)``.

    Args:
        key: The catalogue entry (game/english_screens.py) that says what went wrong.
        **values: The entry's placeholders.
    """

    def __init__(self, key: str, **values: str):
        self.notice = Notice(key, **values)
        super().__init__(str(self.notice))

    @classmethod
    def of(cls, notice: Notice) -> "WorkshopError":
        """The error saying ``notice`` (a sentence already made, e.g. why team names cannot start)."""
        return cls(notice.key, **notice.values)


def _name_problem(name: str) -> Optional[Notice]:
    shown = name if len(name) <= 20 else name[:20] + "…"
    if not name.strip():
        return Notice("team_needs_name")
    if len(name) > MAX_TEAM_NAME:
        return Notice("team_name_long", name=shown, n=str(len(name)), most=str(MAX_TEAM_NAME))
    bad = next((c for c in name if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")), None)
    if bad is not None:
        return Notice("team_name_control", name=shown, code=f"U+{ord(bad):04X}")
    return None


def team_name_problem(name: str) -> Optional[str]:
    """Why ``name`` cannot be a team's name (None when it can): empty, too long, or with control characters.

    Team names reach the projector, the CSV and the JSON, so line breaks, NUL and other control or
    format characters are refused rather than silently stripped.
    """
    problem = _name_problem(name)
    return str(problem) if problem else None


def teams_problem(names: list[str]) -> Optional[Notice]:
    """Why ``names`` cannot be a session's teams, in words for the player (None when they can): no team, a
    name that cannot be a team's (:func:`team_name_problem`), or two names the same once trimmed."""
    if not names:
        return Notice("team_needs_name")
    problem = next((p for p in map(_name_problem, names) if p), None)
    if problem is not None:
        return problem
    trimmed = [name.strip() for name in names]
    if len(set(trimmed)) != len(trimmed):
        return Notice("teams_distinct")
    return None


def letter(number: int) -> str:
    """The letter the room sees for choice ``number`` (1 -> A; past I, the number itself)."""
    return LETTERS[number - 1] if 1 <= number <= len(LETTERS) else str(number)


def letter_range(count: int) -> str:
    """The letters of ``count`` options, as the keys to press: "A-C" (one option: "A"; at most A-I)."""
    count = max(1, min(count, len(LETTERS)))
    return LETTERS[0] if count == 1 else f"{LETTERS[0]}-{LETTERS[count - 1]}"


@dataclass(frozen=True)
class DecisionRecord:
    """One decision a team took, with the room's votes."""

    team: str
    decision: int
    node: str
    votes: dict[str, int]
    chosen: str
    choice_id: str
    choice_text: str
    stage: str
    rating: int
    tie: bool
    key: bool = False  # a key decision of the scene's workshop plan
    quick: bool = False  # decided by a quick vote ("key decisions only" sessions)


@dataclass(frozen=True)
class Reveal:
    """What the tally gave: the counts, the leading options and the choice taken (None on a tie)."""

    counts: dict[int, int]
    leaders: tuple[int, ...]
    chosen: Optional[int]


@dataclass
class Workshop:
    """A facilitated session of one scene for one or more teams."""

    program: Program
    teams: list[str]
    mode: str = "sequential"
    language: str = "en"
    turn: int = 0
    votes: dict[int, int] = field(default_factory=dict)
    records: list[DecisionRecord] = field(default_factory=list)
    pending_tie: Optional[tuple[int, ...]] = None
    started: str = field(default_factory=lambda: time.strftime("%Y-%m-%d %H:%M"))
    key_only: bool = False  # discuss only the plan's key decisions; quick votes for the rest

    def __post_init__(self) -> None:
        if not isinstance(self.teams, (list, tuple)) or not self.teams:
            raise WorkshopError("workshop_no_teams")
        if any(not isinstance(name, str) for name in self.teams):
            raise WorkshopError("workshop_names_not_text")
        problem = teams_problem(list(self.teams))
        if problem is not None:
            raise WorkshopError.of(problem)
        names = [name.strip() for name in self.teams]
        if self.mode not in MODES:
            raise WorkshopError("workshop_bad_mode", mode=str(self.mode), modes=", ".join(MODES))
        if self.key_only and self.program.workshop is None:
            raise WorkshopError("workshop_no_plan")
        self.teams = names
        self.story = Story(self.program)
        self.states: dict[str, State] = {team: self.story.start() for team in self.teams}
        self._undo: list[tuple[str, State, int]] = []

    # --- where the session is ----------------------------------------------------------------

    @property
    def team(self) -> str:
        """The team whose turn it is."""
        return self.teams[self.turn]

    @property
    def state(self) -> State:
        """The current team's state."""
        return self.states[self.team]

    def view(self, language: Optional[str] = None) -> View:
        """The current team's node, as plain data."""
        return self.story.view(self.state, language or self.language)

    def kind(self, state: Optional[State] = None) -> str:
        """What the current team's node (or ``state``'s) is: "decision", "line" or "ending"."""
        return self.story.kind(state or self.state)

    def place(self) -> tuple[str, str, int]:
        """Where the session stands: the team, its node and its decisions taken (changes when either moves)."""
        return (self.team, self.state.node, len(self.state.steps))

    def options(self, state: Optional[State] = None) -> list[RChoice]:
        """The open choices at the current node (or ``state``'s), rated: what the facilitator's notes list."""
        return self.story.open_choices(state or self.state)

    def notes(self, state: Optional[State] = None) -> Optional[LText]:
        """The facilitator's notes for the current node (or ``state``'s), if the scene has any."""
        facilitation = self.story.node(state or self.state).facilitator
        return facilitation.notes if facilitation else None

    def meter(self, team: Optional[str] = None) -> float:
        """The customer's meter in the current team's run (or ``team``'s)."""
        return self.states[team or self.team].meter

    def visited(self, team: Optional[str] = None) -> tuple[str, ...]:
        """The nodes the current team (or ``team``) went through, in order."""
        return self.states[team or self.team].visited

    def finished(self, team: str) -> bool:
        """True when ``team`` has reached an ending."""
        return self.story.ending(self.states[team]) is not None

    @property
    def all_finished(self) -> bool:
        """True when every team has reached an ending."""
        return all(self.finished(team) for team in self.teams)

    def key_decision(self, state: Optional[State] = None) -> Optional[RKeyDecision]:
        """The workshop plan's key decision at the current node (or ``state``'s), if it is one."""
        plan = self.program.workshop
        return plan.key((state or self.state).node) if plan is not None else None

    def quick_vote(self, state: Optional[State] = None) -> bool:
        """True at a decision the "key decisions only" session settles by a quick vote."""
        state = state or self.state
        return self.key_only and self.story.kind(state) == "decision" and self.key_decision(state) is None

    def question(self, state: Optional[State] = None) -> Optional[LText]:
        """What the room discusses here: the key decision's question, else the node's own (None: nothing)."""
        key = self.key_decision(state)
        if key is not None:
            return key.question
        if self.quick_vote(state):
            return None
        facilitation = self.story.node(state or self.state).facilitator
        return facilitation.question if facilitation else None

    def timer_seconds(self) -> int:
        """Discussion time for the current node: a key decision's minutes (key decisions only), a quick vote's
        half minute, the scene's timer, or two minutes."""
        key = self.key_decision()
        if self.key_only and key is not None:
            return key.minutes * 60
        if self.quick_vote():
            return QUICK_VOTE_SECONDS
        facilitation = self.story.node(self.state).facilitator
        return facilitation.timer if facilitation and facilitation.timer else DEFAULT_TIMER_SECONDS

    # --- moving on ---------------------------------------------------------------------------

    def advance(self) -> None:
        """Move the current team past a line with no decision."""
        self.states[self.team] = self.story.advance(self.state)

    def next_team(self) -> bool:
        """After a decision (taking turns) or an ending (one after another): hand over to the next team
        that has not finished. Returns False when every team has finished."""
        if self.all_finished:
            return False
        for step in range(1, len(self.teams) + 1):
            candidate = (self.turn + step) % len(self.teams)
            if not self.finished(self.teams[candidate]):
                self.turn = candidate
                return True
        return False

    def hand_over_due(self) -> bool:
        """True when, taking turns, the team that just decided should hand over to the next team.

        A team that reached its ending keeps the screen until its ending has been shown; the screen
        then calls :meth:`next_team`.
        """
        return (self.mode == "alternating" and len(self.teams) > 1 and not self.finished(self.team)
                and bool(self.records) and self.records[-1].team == self.team)

    # --- votes -------------------------------------------------------------------------------

    def _open_count(self) -> int:
        if self.kind() != "decision":
            raise WorkshopError("workshop_no_vote")
        return len(self.story.open_choices(self.state))

    def add_vote(self, number: int, amount: int = 1) -> None:
        """Add ``amount`` votes (negative takes votes back, never below zero) for choice ``number``."""
        if not 1 <= number <= self._open_count():
            raise WorkshopError("workshop_no_option", option=letter(number))
        self.votes[number] = max(0, self.votes.get(number, 0) + amount)

    def set_votes(self, number: int, count: int) -> None:
        """Set the votes for choice ``number`` (typed counts)."""
        if not 1 <= number <= self._open_count():
            raise WorkshopError("workshop_no_option", option=letter(number))
        self.votes[number] = max(0, min(count, 9999))

    def reveal(self) -> Reveal:
        """Count the votes: a clear majority is taken at once; a tie waits for :meth:`break_tie`."""
        count = self._open_count()
        counts = {number: self.votes.get(number, 0) for number in range(1, count + 1)}
        top = max(counts.values())
        leaders = tuple(n for n, votes in counts.items() if votes == top)
        if len(leaders) == 1:
            self._take(leaders[0], tie=False)
            return Reveal(counts, leaders, leaders[0])
        self.pending_tie = leaders
        return Reveal(counts, leaders, None)

    def break_tie(self, number: int) -> None:
        """The facilitator picks among the tied options."""
        if self.pending_tie is None:
            raise WorkshopError("workshop_no_tie")
        if number not in self.pending_tie:
            tied = " / ".join(letter(n) for n in self.pending_tie)
            raise WorkshopError("not_tied", option=letter(number), options=tied)
        self._take(number, tie=True)

    def cancel_tie(self) -> bool:
        """Reopen the vote after a tied reveal (the votes are kept)."""
        if self.pending_tie is None:
            return False
        self.pending_tie = None
        return True

    def _take(self, number: int, tie: bool) -> None:
        before = self.state
        counts = {letter(n): self.votes.get(n, 0) for n in range(1, self._open_count() + 1)}
        after, turn = self.story.choose(before, number)
        self._undo.append((self.team, before, self.turn))
        self.states[self.team] = after
        self.records.append(DecisionRecord(
            team=self.team, decision=len(after.steps), node=before.node, votes=counts, chosen=letter(number),
            choice_id=turn.choice.id, choice_text=pick(turn.choice.text, self.language), stage=turn.step.stage,
            rating=turn.step.rating, tie=tie, key=self.key_decision(before) is not None,
            quick=self.quick_vote(before)))
        self.votes = {}
        self.pending_tie = None

    def state_before_last(self) -> Optional[State]:
        """The state in which the last decision was taken (what the room voted on)."""
        return self._undo[-1][1] if self._undo else None

    def undo(self) -> bool:
        """Take back the last decision taken in the session (whichever team took it)."""
        if not self._undo:
            return False
        team, before, turn = self._undo.pop()
        self.states[team] = before
        self.turn = turn
        self.records.pop()
        self.votes, self.pending_tie = {}, None
        return True

    # --- results -----------------------------------------------------------------------------

    def scorecard(self, team: str) -> Scorecard:
        """A finished team's scorecard."""
        return build_scorecard(self.story, self.states[team], self.language)

    def results(self) -> list[dict[str, Any]]:
        """Per team: ending, score, grade, path of letters, meter journey and decisions."""
        rows = []
        for team in self.teams:
            decisions = [asdict(r) for r in self.records if r.team == team]
            row: dict[str, Any] = {"team": team, "decisions": decisions,
                                   "path": "".join(d["chosen"] for d in decisions),
                                   "journey": [float(self.program.mood)] + [s.meter_after
                                                                            for s in self.states[team].steps]}
            if self.finished(team):
                card = self.scorecard(team)
                row.update(ending=card.ending, ending_title=card.ending_title, score=card.score, grade=card.grade,
                           relationship=card.relationship)
            rows.append(row)
        return rows

    def csv_text(self) -> str:
        """One row per decision, with the team's ending and score, safe to open in a spreadsheet."""
        from game.workshop_export import csv_text

        return csv_text(self)

    def export(self, folder: Path) -> tuple[Path, Path]:
        """Write the session's CSV and JSON under ``folder`` (saves/sessions/) under fresh names; returns both."""
        from game.workshop_export import export

        return export(self, folder)
