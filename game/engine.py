"""The engine: a pure, deterministic state machine over a compiled program.

Modelled on ink's runtime: :class:`Story` holds the immutable program and
answers questions about a :class:`State`; the state is small plain data
(node, flags, meter, steps taken) that round-trips through JSON, so a save or
an undo is just a copy of it. Nothing here draws, waits or keeps globals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional, Sequence

from game.conditions import evaluate
from game.program import Program, RChoice, REnding, RNode
from game.ltext import pick

SAVE_VERSION = 1
_MAX_AUTO_STEPS = 10_000  # guards `run` against a loop of lines with no decision


class EngineError(ValueError):
    """A request the engine cannot carry out (a choice that is not open, a corrupt state)."""


# Moves kept per program by Walk.take (about 200 bytes each, 4 MB at most): 20,000 random runs of a shipped
# scene take 260-3,000 different ones; a generated scene of thousands of nodes starts again when full.
MAX_MOVES = 20_000

# Steps shrink once the meter is this close to the end it moves towards (a quarter of its span), so a
# good moment still registers near the top instead of hitting a ceiling (docs/scoring.md, section 1).
HEADROOM_FRACTION = 0.25


def meter_change(program: Program, rating: int) -> float:
    """How much a choice with ``rating`` would move the meter with room to spare.

    Bad moments weigh ``negative_multiplier`` times more; the customer's
    reactivity scales both directions.
    """
    weight = program.weights.negative_multiplier if rating < 0 else 1.0
    return rating * weight * program.reactivity


def move_meter(program: Program, meter: float, change: float) -> float:
    """The meter after a raw ``change``; a gain is scaled by the room left below the top.

    Full steps while the meter is more than a quarter of its span below its top; closer, a gain is
    multiplied by (room left / that quarter), so good moments still register near the top instead of
    sticking to it. Losses are whole steps, clamped at the bottom (docs/scoring.md, section 1).
    Rounded for determinism; the result is monotone in ``meter``, which the analysis relies on.
    """
    if change > 0:
        zone = (program.meter_max - program.meter_min) * HEADROOM_FRACTION
        change *= min(1.0, max(0.0, program.meter_max - meter) / zone)
    moved = meter + change
    return round(min(program.meter_max, max(program.meter_min, moved)), 3)


def apply_meter(program: Program, meter: float, rating: int) -> float:
    """The meter after a choice with ``rating``."""
    return move_meter(program, meter, meter_change(program, rating))


def enter_node(program: Program, meter: float, node_id: str) -> float:
    """The meter once the line of ``node_id`` is shown: its `meter` event, if any, applied."""
    event = program.nodes[node_id].meter
    return meter if not event else move_meter(program, meter, event)


def open_among(choices: tuple[RChoice, ...], flags: frozenset, meter: float) -> list[RChoice]:
    """The choices whose condition holds for ``flags`` and ``meter``, in authored order."""
    return [c for c in choices if c.condition is None or evaluate(c.condition, flags, meter)]


def open_at(node: RNode, flags: frozenset, meter: float) -> list[RChoice]:
    """The choices open at ``node`` (:func:`open_among`); a node without conditions opens them all."""
    return open_among(node.choices, flags, meter) if node.gated else list(node.choices)


def numbered(open_now: Sequence[RChoice], node_id: str, wanted: int | str) -> tuple[int, RChoice]:
    """The open choice a player asked for, by its number (1-based) or its id, with its number.

    Raises:
        EngineError: when no such choice is open here.
    """
    if not isinstance(wanted, int):
        for number, choice in enumerate(open_now, start=1):
            if choice.id == wanted:
                return number, choice
        raise EngineError(f"choice '{wanted}' is not open at node '{node_id}'")
    if not 1 <= wanted <= len(open_now):
        raise EngineError(f"choice {wanted} is not open at node '{node_id}' (choices 1-{len(open_now)} are)"
                          if open_now else f"no choice is open at node '{node_id}'")
    return wanted, open_now[wanted - 1]


def after_choice(program: Program, node_id: str, meter: float, flags: frozenset,
                 choice: RChoice) -> tuple[Step, float, frozenset]:
    """What taking ``choice`` at ``node_id`` does: the step, the meter once its next line is shown, the flags."""
    after = apply_meter(program, meter, choice.rating)
    step = Step(node_id, choice.id, choice.stage, choice.rating, meter, after)
    return step, enter_node(program, after, choice.next), apply_effects(flags, choice)


def apply_effects(flags: frozenset, choice: RChoice) -> frozenset:
    """The flags after ``choice`` sets or clears its flags."""
    if not choice.effects:
        return flags
    changed = set(flags)
    for flag, value in choice.effects:
        (changed.add if value else changed.discard)(flag)
    return frozenset(changed)


class Step(NamedTuple):
    """One decision taken: where, which choice, and what it did to the meter.

    ``meter_after`` is the meter right after the choice, before the next line's `meter` event.
    A named tuple (immutable, compared and hashed by value) rather than a frozen dataclass: one is made
    per decision, and a frozen dataclass sets each field through object.__setattr__ (1.1 µs against
    0.3 µs measured for these six fields).
    """

    node: str
    choice: str
    stage: str
    rating: int
    meter_before: float
    meter_after: float

    @property
    def delta(self) -> float:
        """The meter change this decision caused (after clamping)."""
        return round(self.meter_after - self.meter_before, 3)


@dataclass(frozen=True)
class State:
    """Everything that changes during a run. Plain data; see :meth:`to_json`."""

    scene: str
    node: str
    meter: float
    flags: frozenset = frozenset()
    steps: tuple[Step, ...] = ()
    visited: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict, tagged with the save version."""
        return {
            "save_version": SAVE_VERSION,
            "scene": self.scene,
            "node": self.node,
            "meter": self.meter,
            "flags": sorted(self.flags),
            "steps": [step._asdict() for step in self.steps],
            "visited": list(self.visited),
        }

    @classmethod
    def from_json(cls, data: Any) -> "State":
        """Rebuild a state from :meth:`to_json` output.

        Raises:
            EngineError: when the data is not a state this version can read.
        """
        try:
            if data.get("save_version") != SAVE_VERSION:
                raise EngineError(f"save version {data.get('save_version')!r} is not {SAVE_VERSION}")
            steps = tuple(Step(**step) for step in data["steps"])
            meter = float(data["meter"])
            if not math.isfinite(meter):
                raise EngineError(f"the saved satisfaction {data['meter']!r} is not a number")
            return cls(str(data["scene"]), str(data["node"]), meter,
                       frozenset(str(f) for f in data["flags"]), steps, tuple(str(n) for n in data["visited"]))
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, EngineError):
                raise
            raise EngineError(f"not a valid saved state ({exc})") from None


@dataclass(frozen=True)
class Turn:
    """What a choice did, for a window or a test to show."""

    choice: RChoice
    number: int
    step: Step
    node: str


@dataclass(frozen=True)
class ChoiceView:
    """An open choice, in one language."""

    number: int
    id: str
    text: str


@dataclass(frozen=True)
class View:
    """The current node in one language: all a screen needs to draw it."""

    kind: str  # "decision", "line" or "ending"
    node: str
    speaker: str
    speaker_name: str
    speaker_role: str
    text: str
    choices: tuple[ChoiceView, ...]
    meter: float
    stages: tuple[str, ...]
    ending_id: Optional[str] = None
    ending_title: Optional[str] = None
    ending_text: Optional[str] = None
    ending_outcome: Optional[int] = None


class Story:
    """Answers questions about states of one program; holds no run state itself."""

    def __init__(self, program: Program):
        self.program = program

    def start(self) -> State:
        """A fresh state at the start node, the meter at the customer's mood."""
        program = self.program
        meter = enter_node(program, float(program.mood), program.start)
        return State(program.id, program.start, meter, visited=(program.start,))

    def node(self, state: State) -> RNode:
        """The node the state is at."""
        try:
            return self.program.nodes[state.node]
        except KeyError:
            raise EngineError(f"node '{state.node}' is not in scene '{self.program.id}'") from None

    def kind(self, state: State) -> str:
        """``decision``, ``line`` (a line followed by `next`) or ``ending``."""
        node = self.node(state)
        return "ending" if node.ending else "line" if node.next else "decision"

    def ending(self, state: State) -> Optional[REnding]:
        """The ending reached, if the state is at an ending node."""
        node = self.node(state)
        return self.program.endings[node.ending] if node.ending else None

    def open_choices(self, state: State) -> list[RChoice]:
        """Choices whose condition holds now, in authored order."""
        return open_at(self.node(state), state.flags, state.meter)

    def advance(self, state: State) -> State:
        """Move past a line with no decision.

        Raises:
            EngineError: when the state is not at such a line.
        """
        node = self.node(state)
        if node.next is None:
            raise EngineError(f"node '{node.id}' is not a line with `next`")
        meter = enter_node(self.program, state.meter, node.next)
        return State(state.scene, node.next, meter, state.flags, state.steps, state.visited + (node.next,))

    def choose(self, state: State, number: int) -> tuple[State, Turn]:
        """Take the ``number``-th open choice (1-based).

        Raises:
            EngineError: when no such choice is open here.
        """
        node = self.node(state)
        if node.ending or node.next:
            raise EngineError(f"node '{state.node}' has no decision to make")
        number, choice = numbered(open_at(node, state.flags, state.meter), state.node, number)
        step, meter, flags = after_choice(self.program, state.node, state.meter, state.flags, choice)
        new_state = State(state.scene, choice.next, meter, flags, state.steps + (step,), state.visited + (choice.next,))
        return new_state, Turn(choice, number, step, choice.next)

    def choose_id(self, state: State, choice_id: str) -> tuple[State, Turn]:
        """Take the open choice with this id."""
        for number, choice in enumerate(self.open_choices(state), start=1):
            if choice.id == choice_id:
                return self.choose(state, number)
        raise EngineError(f"choice '{choice_id}' is not open at node '{state.node}'")

    def skip_lines(self, state: State) -> State:
        """Advance past lines until a decision or an ending."""
        for _ in range(_MAX_AUTO_STEPS):
            node = self.node(state)
            if node.ending or not node.next:  # not a line: a decision or an ending
                return state
            state = self.advance(state)
        raise EngineError(f"more than {_MAX_AUTO_STEPS} lines without a decision: the scene loops")

    def view(self, state: State, language: str) -> View:
        """The current node as plain data in ``language``."""
        node = self.node(state)
        speaker = self.program.speakers.get(node.speaker)
        ending = self.program.endings[node.ending] if node.ending else None
        kind = "ending" if node.ending else "line" if node.next else "decision"
        choices: tuple[ChoiceView, ...] = ()
        if kind == "decision":
            choices = tuple(ChoiceView(n, c.id, pick(c.text, language))
                            for n, c in enumerate(open_at(node, state.flags, state.meter), start=1))
        return View(
            kind=kind,
            node=node.id,
            speaker=node.speaker,
            speaker_name=pick(speaker.name, language) if speaker else node.speaker,
            speaker_role=speaker.role if speaker else "other",
            text=pick(node.text, language),
            choices=choices,
            meter=state.meter,
            stages=tuple(dict.fromkeys(step.stage for step in state.steps)),
            ending_id=ending.id if ending else None,
            ending_title=pick(ending.title, language) if ending else None,
            ending_text=pick(ending.text, language) if ending else None,
            ending_outcome=ending.outcome if ending else None,
        )

    def restore(self, saved: State) -> State:
        """Rebuild ``saved`` from its decisions alone: replay them, then walk the same number of lines.

        Used for saves and reloads: the result is built from this program, so it never names a node
        the scene no longer has, and comparing it with ``saved`` shows whether the save was tampered with.

        Raises:
            EngineError: when a decision of ``saved`` cannot be replayed on this program.
        """
        state = self.start()
        for step in saved.steps:
            state = self.skip_lines(state)
            if state.node != step.node:
                raise EngineError(f"replay expected node '{step.node}' but reached '{state.node}'")
            state, _ = self.choose_id(state, step.choice)
        for _ in range(max(0, len(saved.visited) - len(state.visited))):
            if self.kind(state) != "line":
                break
            state = self.advance(state)
        return state

    def replay(self, choice_ids: list[tuple[str, str]]) -> State:
        """Rebuild a state by replaying (node, choice id) pairs from the start."""
        state = self.skip_lines(self.start())
        for node_id, choice_id in choice_ids:
            if state.node != node_id:
                raise EngineError(f"replay expected node '{node_id}' but reached '{state.node}'")
            state, _ = self.choose_id(state, choice_id)
            state = self.skip_lines(state)
        return state


class Walk:
    """One run followed in place, for callers that play runs to the end (:func:`game.playthrough.play`).

    The same rules as :class:`Story` (the same helpers move the meter and the flags), but the run is kept
    in lists and turned into a :class:`State` once, by :meth:`state`, instead of a new frozen state per
    step with its two tuples copied one longer each time.
    """

    __slots__ = ("program", "node", "meter", "flags", "steps", "visited")

    def __init__(self, program: Program):
        self.program = program
        self.node: RNode = program.nodes[program.start]
        self.meter = enter_node(program, float(program.mood), program.start)
        self.flags: frozenset = frozenset()
        self.steps: list[Step] = []
        self.visited = [program.start]

    def open_choices(self) -> Sequence[RChoice]:
        """The choices open at the current node, in authored order (the node's own tuple when all are)."""
        node = self.node
        return open_among(node.choices, self.flags, self.meter) if node.gated else node.choices

    def advance(self) -> None:
        """Move past the current line (the caller has checked that it is one)."""
        node_id: str = self.node.next  # type: ignore[assignment]
        self.meter = enter_node(self.program, self.meter, node_id)
        self._reach(node_id)

    def take(self, choice: RChoice) -> Step:
        """Take ``choice``, one of :meth:`open_choices`, and move to the node it leads to.

        What a choice does depends only on where, the meter and the flags, so it is worked out once per
        program (random runs take the same few moves again and again: 14 % of :func:`game.playthrough.play`).
        """
        moves = self.program.moves
        key = (self.node.id, choice.index, self.meter, self.flags)
        move = moves.get(key)
        if move is None:
            if len(moves) >= MAX_MOVES:  # a scene with very many meters and flags: start again, bounded
                moves.clear()
            move = moves[key] = after_choice(self.program, self.node.id, self.meter, self.flags, choice)
        step, self.meter, self.flags = move
        self.steps.append(step)
        self._reach(choice.next)
        return step

    def _reach(self, node_id: str) -> None:
        self.node = self.program.nodes[node_id]
        self.visited.append(node_id)

    def state(self) -> State:
        """The run so far as a :class:`State`, equal to the one :class:`Story` would have reached."""
        return State(self.program.id, self.node.id, self.meter, self.flags, tuple(self.steps), tuple(self.visited))
