"""Whole-process measurement: time, CPU and peak memory of a command, paired with its floor.

Each measure is a ratio against a floor run in the same session, A B A B ..., so a machine whose
speed drifts (two cores shared by many jobs) changes both sides of a pair alike. The figures are
the operating system's own accounting of each finished child (``os.wait4``): wall time, user+system
CPU and the peak resident set size (``ru_maxrss``, the high-water mark, not the size at the end).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass(frozen=True)
class Sample:
    """One finished child process."""

    wall: float
    cpu: float
    peak_mb: float
    output: str


def run_child(argv: Sequence[str], env: Optional[dict] = None, timeout: float = 900) -> Sample:
    """Run ``argv`` from the project root and account for it.

    Raises:
        RuntimeError: when the command fails (its output is in the message).
    """
    start = time.perf_counter()
    child = subprocess.Popen(list(argv), cwd=ROOT, env={**os.environ, **(env or {})},
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = start + timeout
    output = b""
    assert child.stdout is not None
    # read everything before reaping, so a chatty child never blocks on a full pipe
    for chunk in iter(lambda: child.stdout.read(65536), b""):
        output += chunk
        if time.perf_counter() > deadline:
            child.kill()
            break
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    text = output.decode("utf-8", "replace")
    if child.returncode not in (0, 1):  # 1: validate found problems on purpose in some inputs
        raise RuntimeError(f"{' '.join(argv)} exited {child.returncode}:\n{text[-2000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text)


@dataclass
class Paired:
    """A measure against its floor, pair by pair."""

    name: str
    measure: list[Sample] = field(default_factory=list)
    floor: list[Sample] = field(default_factory=list)

    def ratios(self, figure: str = "wall") -> list[float]:
        """Measure ÷ floor for each pair, by ``wall`` or ``cpu``."""
        return [getattr(a, figure) / getattr(b, figure) for a, b in zip(self.measure, self.floor, strict=True)]

    def row(self, goal: str) -> str:
        """A Markdown table row: name, goal, ratio min and median (CPU, then wall), medians of both sides."""
        cells = []
        for figure in ("cpu", "wall"):
            ratios = self.ratios(figure)
            cells.append(f"**{min(ratios):.2f}** / {statistics.median(ratios):.2f}")
        ours = statistics.median(s.cpu for s in self.measure), statistics.median(s.wall for s in self.measure)
        base = statistics.median(s.cpu for s in self.floor), statistics.median(s.wall for s in self.floor)
        return (f"| {self.name} | {goal} | {cells[0]} | {cells[1]} | {ours[0]:.2f} s CPU, {ours[1]:.2f} s wall | "
                f"{base[0]:.2f} s CPU, {base[1]:.2f} s wall | {len(self.measure)} |")


def paired(name: str, measure: Sequence[str], floor: Sequence[str], runs: int = 5, warmup: int = 1,
           env: Optional[dict] = None) -> Paired:
    """Run ``measure`` and ``floor`` in turn, ``warmup`` uncounted pairs first."""
    result = Paired(name)
    for index in range(warmup + runs):
        a, b = run_child(measure, env), run_child(floor, env)
        if index >= warmup:
            result.measure.append(a)
            result.floor.append(b)
    return result


def repeat(function: Callable[[], float], runs: int) -> tuple[float, float, float]:
    """(min, median, max) of ``runs`` calls of ``function``."""
    values = [function() for _ in range(runs)]
    return min(values), statistics.median(values), max(values)


HEADER = ("| measure | goal | CPU ratio min / median | wall ratio min / median | measure (median) | "
          "floor (median) | pairs |\n|---|---|---|---|---|---|---|")
