"""The scene map as Mermaid or Graphviz DOT text."""

from __future__ import annotations

from typing import Iterator, Optional

from game.program import Program
from game.ltext import pick
from game.vocab import signed

_STAGE_MARK = {"explore": "E", "offer": "O", "act": "A", "confirm": "C"}
ENDING_PREFIX = "ending:"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _boxes(program: Program, language: str) -> Iterator[tuple[str, str, bool]]:
    """(id, label, is_ending) for every node and ending; ending ids carry ``ENDING_PREFIX``."""
    for node_id, node in program.nodes.items():
        yield node_id, f"{node_id}: {_short(pick(node.text, language))}", False
    for ending_id, ending in program.endings.items():
        yield ENDING_PREFIX + ending_id, f"{pick(ending.title, language)} ({signed(ending.outcome)})", True


def _arrows(program: Program, language: str) -> Iterator[tuple[str, str, Optional[str]]]:
    """(source, target, label or None) for every line, ending and choice edge."""
    for node_id, node in program.nodes.items():
        if node.next:
            yield node_id, node.next, None
        if node.ending:
            yield node_id, ENDING_PREFIX + node.ending, None
        for choice in node.choices:
            label = f"{_STAGE_MARK[choice.stage]}{signed(choice.rating)} {_short(pick(choice.text, language), 30)}"
            yield node_id, choice.next, label


def to_mermaid(program: Program, language: str = "en") -> str:
    """A Mermaid flowchart: nodes, choice edges labelled with stage and rating, endings."""
    ids = {box: f"n{index}" for index, (box, _, _) in enumerate(_boxes(program, language))}
    lines = ["flowchart TD"]
    for box, label, is_ending in _boxes(program, language):
        shape = '(["{}"])' if is_ending else '["{}"]'
        lines.append(f"    {ids[box]}{shape.format(_mermaid_escape(label))}")
    for source, target, edge_label in _arrows(program, language):
        middle = f'|"{_mermaid_escape(edge_label)}"|' if edge_label else ""
        lines.append(f"    {ids[source]} -->{middle} {ids[target]}")
    return "\n".join(lines) + "\n"


def _mermaid_escape(text: str) -> str:
    return text.replace('"', "#quot;")


def to_dot(program: Program, language: str = "en") -> str:
    """A Graphviz digraph of the scene."""
    lines = [f'digraph "{_dot_escape(program.id)}" {{', "  rankdir=TB;", '  node [shape=box, fontname="sans-serif"];']
    for box, label, is_ending in _boxes(program, language):
        shape = ", shape=doubleoctagon" if is_ending else ""
        lines.append(f'  "{_dot_escape(box)}" [label="{_dot_escape(label)}"{shape}];')
    for source, target, edge_label in _arrows(program, language):
        attributes = f' [label="{_dot_escape(edge_label)}"]' if edge_label else ""
        lines.append(f'  "{_dot_escape(source)}" -> "{_dot_escape(target)}"{attributes};')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
