"""Sets of meter values as runs of a grid, for exploring a scene's states without one per meter.

The meter only ever takes values on a grid: it starts at the customer's mood (a whole number) and
:func:`game.engine.move_meter` rounds every move to three decimals, within the meter's range. A
set of meter values is kept as a sorted list of runs ``(first, last)`` of grid indices, both
included. Every move is monotone and never spreads neighbouring values apart by more than one
step (a loss is a whole step, a gain is a whole step or a shrinking one near the top), so the
image of a run is again a run, except at the few indices where float rounding skips a value:
those are found once per move, by playing it on every grid value, and a run is split there. The
result is exact: the same values the engine would reach one by one.

Conditions compare the meter with numbers only, so for given flags a condition is true on a few
runs of the grid, found by evaluating it on each side of every number the scene compares with.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from typing import Optional

from game.conditions import METER_NAME, Compare, Expr, Logic, Name, Not, Number, evaluate, reads_meter
from game.engine import meter_change, move_meter
from game.program import Program

Runs = list[tuple[int, int]]  # sorted, disjoint, not touching: (first, last) grid indices
STEPS_PER_UNIT = 1000  # move_meter rounds to three decimals


class OffGrid(ValueError):
    """A meter value that is not on the three-decimal grid (the engine never makes one)."""


def holds_at(runs: Runs, index: int) -> bool:
    """True when grid ``index`` is in ``runs``."""
    return any(first <= index <= last for first, last in runs)


class _Move:
    """One monotone move of the meter, played once on every grid value."""

    def __init__(self, table: array):
        self.table = table
        # indices i where table[i + 1] skips a value after table[i]: a run is split after them
        self.jumps = [i for i in range(len(table) - 1) if table[i + 1] - table[i] > 1]

    def image(self, runs: Runs) -> Runs:
        """The runs of every value in ``runs`` moved."""
        table, jumps, found = self.table, self.jumps, []
        for first, last in runs:
            start = first
            k = bisect_left(jumps, first)
            while k < len(jumps) and jumps[k] < last:
                found.append((table[start], table[jumps[k]]))
                start = jumps[k] + 1
                k += 1
            found.append((table[start], table[last]))
        return merged(found)


class MeterGrid:
    """The grid of one program's meter, its moves and the runs where each condition holds."""

    def __init__(self, program: Program):
        self.program = program
        self.low = program.meter_min * STEPS_PER_UNIT
        self.size = (program.meter_max - program.meter_min) * STEPS_PER_UNIT + 1
        self.everything: Runs = [(0, self.size - 1)]
        self._moves: dict[tuple[float, float], Optional[_Move]] = {}
        self._open: dict[tuple[int, frozenset], Runs] = {}
        self._cuts = _cut_points(program, self)

    def index(self, meter: float) -> int:
        """The grid index of ``meter``.

        Raises:
            OffGrid: when ``meter`` is not a grid value.
        """
        scaled = round(meter * STEPS_PER_UNIT)
        index = scaled - self.low
        if not 0 <= index < self.size or self.value(index) != meter:
            raise OffGrid(f"satisfaction {meter!r} is not a multiple of 0.001 within the meter's range")
        return index

    def value(self, index: int) -> float:
        """The meter value at grid ``index`` (the same float ``round(..., 3)`` gives)."""
        return (index + self.low) / STEPS_PER_UNIT

    def move(self, rating: Optional[int], node_id: str) -> Optional[_Move]:
        """The move of a choice with ``rating`` (None: a line) followed by entering ``node_id``; None: no move."""
        change = 0.0 if rating is None else meter_change(self.program, rating)
        event = self.program.nodes[node_id].meter or 0.0
        key = (change, event)
        if key not in self._moves:
            self._moves[key] = self._build(change, event)
        return self._moves[key]

    def _build(self, change: float, event: float) -> Optional[_Move]:
        program, value = self.program, self.value
        table = array("l", range(self.size))
        for change_now in (change, event):
            if change_now:  # move_meter(m, 0) is m itself on the grid
                table = array("l", (self.index(move_meter(program, value(i), change_now)) for i in table))
        return None if table == array("l", range(self.size)) else _Move(table)

    def moved_one(self, index: int, rating: Optional[int], node_id: str) -> int:
        """The grid index after moving ``index`` like :meth:`move` (one value)."""
        move = self.move(rating, node_id)
        return index if move is None else move.table[index]

    def open_runs(self, condition: Optional[Expr], flags: frozenset) -> Runs:
        """The runs of meter values for which ``condition`` holds with ``flags``."""
        if condition is None:
            return self.everything
        key = (id(condition), flags)
        found = self._open.get(key)
        if found is None:
            found = self._open[key] = self._runs_where(condition, flags)
        return found

    def _runs_where(self, condition: Expr, flags: frozenset) -> Runs:
        # between two cut points no number of any condition lies, so the truth is the same throughout
        runs: list[tuple[int, int]] = []
        cuts = self._cuts
        for k, cut in enumerate(cuts):
            pieces = [(cut, cut)]
            if k + 1 < len(cuts) and cuts[k + 1] > cut + 1:
                pieces.append((cut + 1, cuts[k + 1] - 1))
            for first, last in pieces:
                if evaluate(condition, flags, self.value(first)):
                    runs.append((first, last))
        return merged(runs)


def _cut_points(program: Program, grid: MeterGrid) -> list[int]:
    """Grid indices around every number a condition holds; the grid's ends included."""
    numbers: set[float] = set()
    for node in program.nodes.values():
        for choice in node.choices:
            if choice.condition is not None:
                _numbers(choice.condition, numbers)
    cuts = {0, grid.size - 1}
    for number in numbers:
        if not math.isfinite(number):
            continue
        near = math.floor(number * STEPS_PER_UNIT) - grid.low
        cuts.update(i for i in range(near - 1, near + 3) if 0 <= i < grid.size)
    return sorted(cuts)


def _numbers(expr: Expr, found: set[float]) -> None:
    if isinstance(expr, Number):
        found.add(expr.value)
    elif isinstance(expr, Not):
        _numbers(expr.operand, found)
    elif isinstance(expr, Logic):
        for operand in expr.operands:
            _numbers(operand, found)
    elif isinstance(expr, Compare):
        _numbers(expr.left, found)
        _numbers(expr.right, found)


def merged(runs: Runs) -> Runs:
    """``runs`` (sorted by first index) with overlapping and touching runs joined."""
    out: Runs = []
    for first, last in runs:
        if out and first <= out[-1][1] + 1:
            if last > out[-1][1]:
                out[-1] = (out[-1][0], last)
        else:
            out.append((first, last))
    return out


def union(a: Runs, b: Runs) -> Runs:
    """Every value in ``a`` or ``b``."""
    if not a:
        return b
    if not b:
        return a
    return merged(sorted(a + b))


def intersection(a: Runs, b: Runs) -> Runs:
    """The values in both ``a`` and ``b``."""
    out: Runs = []
    i = j = 0
    while i < len(a) and j < len(b):
        first, last = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if first <= last:
            out.append((first, last))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def difference(a: Runs, b: Runs) -> Runs:
    """The values in ``a`` and not in ``b``."""
    out: Runs = []
    j = 0
    for first, last in a:
        while j < len(b) and b[j][1] < first:
            j += 1
        k, start = j, first
        while k < len(b) and b[k][0] <= last:
            if b[k][0] > start:
                out.append((start, b[k][0] - 1))
            start = max(start, b[k][1] + 1)
            k += 1
        if start <= last:
            out.append((start, last))
    return out


def count(runs: Runs) -> int:
    """How many values ``runs`` holds."""
    return sum(last - first + 1 for first, last in runs)


def meter_only_opens(program: Program, upward: bool) -> bool:
    """True when a higher meter (``upward``; else a lower one) never closes a choice.

    Moves are monotone, so then, from the same node and flags, a higher (lower) meter can take
    every path a lower (higher) one can: the analysis follows only the highest (lowest) meter to
    find what is reachable, and the score search drops the meter from its states.
    """
    wanted = 1 if upward else -1
    for node in program.nodes.values():
        for choice in node.choices:
            if choice.condition is not None and _meter_directions(choice.condition) - {wanted}:
                return False
    return True


def _meter_directions(expr: Expr, sign: int = 1) -> set[int]:
    """+1 when a higher meter can only make ``expr`` true, -1 when only false, both when either."""
    if isinstance(expr, Not):
        return _meter_directions(expr.operand, -sign)
    if isinstance(expr, Logic):
        return set().union(*(_meter_directions(operand, sign) for operand in expr.operands))
    if isinstance(expr, Compare) and reads_meter(expr):
        meter_left = isinstance(expr.left, Name) and expr.left.name == METER_NAME
        meter_right = isinstance(expr.right, Name) and expr.right.name == METER_NAME
        if expr.op in ("==", "!=") or meter_left == meter_right:
            return {1, -1}
        rising = expr.op in (">", ">=") if meter_left else expr.op in ("<", "<=")
        return {sign if rising else -sign}
    return set()
