"""Text and JSON renderings of an analysis."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from game.analysis import Analysis, Extreme


def analysis_json(result: Analysis) -> dict[str, Any]:
    """Plain data for ``analyze --json`` (``paths`` is null when loops make it unbounded)."""
    return asdict(result)


def _extreme_lines(label: str, extreme: Extreme | None) -> list[str]:
    if extreme is None:
        return [f"{label}: no ending is reachable"]
    return [
        f"{label}: {extreme.score:g}/100 at ending '{extreme.ending}'",
        f"  choices: {','.join(map(str, extreme.choices)) or '(none)'}",
        f"  stages:  {' -> '.join(extreme.stages) or '(none)'}",
        f"  path:    {' > '.join(extreme.path)}",
    ]


def analysis_text(result: Analysis) -> str:
    """The human-readable ``analyze`` report."""
    paths = "unbounded (the scene loops)" if result.paths is None else str(result.paths)
    lines = [
        f"scene {result.scene}: {result.nodes} nodes, {result.reachable_nodes} reachable, {result.states} states",
        f"endings reachable: {', '.join(result.endings_reached) or 'none'}",
    ]
    if result.endings_unreached:
        lines.append(f"endings NOT reachable: {', '.join(result.endings_unreached)}")
    lines += [f"distinct paths: {paths}", f"stages seen: {', '.join(result.stages_seen) or 'none'}"]
    if result.stuck:
        lines.append(f"decisions where no choice can be open: {', '.join(result.stuck)}")
    lines += _extreme_lines("best", result.best) + _extreme_lines("worst", result.worst)
    return "\n".join(lines)
