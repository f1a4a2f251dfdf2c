"""Text and JSON renderings of an analysis."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from game.analysis import Analysis, Extreme


def analysis_json(result: Analysis) -> dict[str, Any]:
    """Plain data for ``analyze --json``.

    ``paths`` is null when loops make it unbounded, or when ``paths_counted`` is false.
    """
    return asdict(result)


MAX_SHOWN = 40  # longer paths are abbreviated in text; --json always has them whole


def _joined(items: tuple, separator: str) -> str:
    items = tuple(map(str, items))
    if len(items) > MAX_SHOWN:
        hidden = len(items) - MAX_SHOWN
        items = items[: MAX_SHOWN - 5] + (f"... {hidden} more ...",) + items[-5:]
    return separator.join(items) or "(none)"


def _extreme_lines(label: str, extreme: Extreme | None) -> list[str]:
    if extreme is None:
        return [f"{label}: no ending is reachable"]
    headline = f"{label}: {extreme.score:g}/100 at ending '{extreme.ending}' after {len(extreme.choices)} decision(s)"
    if not extreme.proven:
        side = "higher" if label == "best" else "lower"
        headline += (f" (the {'highest' if label == 'best' else 'lowest'} found, not proven: the search stopped at its "
                     f"limit of partial paths; no path can score {side} than {extreme.reach:g})")
    return [
        headline,
        f"  choices: {_joined(extreme.choices, ',')}",
        f"  stages:  {_joined(extreme.stages, ' -> ')}",
        f"  path:    {_joined(extreme.path, ' > ')}",
    ]


def _count(paths: int) -> str:
    return str(paths) if paths < 10**15 else f"about {paths:.3e}"


def analysis_text(result: Analysis) -> str:
    """The human-readable ``analyze`` report."""
    paths = "unbounded (the scene loops)" if result.paths is None else _count(result.paths)
    if not result.paths_counted:
        paths = "not counted (too many states to follow one by one)"
    lines = [
        f"scene {result.scene}: {result.nodes} nodes, {result.reachable_nodes} reachable, {result.states} states"
        + (" (node and flags: only the meter that opens the most was followed)" if result.states_are_places else ""),
        f"endings reachable: {', '.join(result.endings_reached) or 'none'}",
    ]
    if result.endings_unreached:
        lines.append(f"endings NOT reachable: {', '.join(result.endings_unreached)}")
    lines += [f"distinct paths: {paths}", f"stages seen: {', '.join(result.stages_seen) or 'none'}"]
    if result.stuck:
        lines.append(f"decisions where no choice can be open: {', '.join(result.stuck)}")
    lines += _extreme_lines("best", result.best) + _extreme_lines("worst", result.worst)
    return "\n".join(lines)
