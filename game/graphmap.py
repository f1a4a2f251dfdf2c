"""The scene map as Mermaid or Graphviz DOT text."""

from __future__ import annotations

from game.program import Program, pick

_STAGE_MARK = {"explore": "E", "offer": "O", "act": "A", "confirm": "C"}


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_mermaid(program: Program, language: str = "en") -> str:
    """A Mermaid flowchart: nodes, choice edges labelled with stage and rating, endings."""
    lines = ["flowchart TD"]
    ids = {node_id: f"n{i}" for i, node_id in enumerate(program.nodes)}
    for node_id, node in program.nodes.items():
        label = _mermaid_escape(f"{node_id}: {_short(pick(node.text, language))}")
        lines.append(f'    {ids[node_id]}["{label}"]')
    for i, (ending_id, ending) in enumerate(program.endings.items()):
        title = _mermaid_escape(f"{pick(ending.title, language)} ({ending.outcome:+d})")
        lines.append(f'    e{i}(["{title}"])')
    ending_ids = {ending_id: f"e{i}" for i, ending_id in enumerate(program.endings)}
    for node_id, node in program.nodes.items():
        if node.next:
            lines.append(f"    {ids[node_id]} --> {ids[node.next]}")
        if node.ending:
            lines.append(f"    {ids[node_id]} --> {ending_ids[node.ending]}")
        for choice in node.choices:
            label = _mermaid_escape(f"{_STAGE_MARK[choice.stage]}{choice.rating:+d} {_short(pick(choice.text, language), 30)}")
            lines.append(f'    {ids[node_id]} -->|"{label}"| {ids[choice.next]}')
    return "\n".join(lines) + "\n"


def _mermaid_escape(text: str) -> str:
    return text.replace('"', "#quot;")


def to_dot(program: Program, language: str = "en") -> str:
    """A Graphviz digraph of the scene."""
    lines = [f'digraph "{_dot_escape(program.id)}" {{', "  rankdir=TB;", '  node [shape=box, fontname="sans-serif"];']
    for node_id, node in program.nodes.items():
        lines.append(f'  "{_dot_escape(node_id)}" [label="{_dot_escape(node_id + ": " + _short(pick(node.text, language)))}"];')
    for ending_id, ending in program.endings.items():
        label = _dot_escape(f"{pick(ending.title, language)} ({ending.outcome:+d})")
        lines.append(f'  "ending:{_dot_escape(ending_id)}" [label="{label}", shape=doubleoctagon];')
    for node_id, node in program.nodes.items():
        source = _dot_escape(node_id)
        if node.next:
            lines.append(f'  "{source}" -> "{_dot_escape(node.next)}";')
        if node.ending:
            lines.append(f'  "{source}" -> "ending:{_dot_escape(node.ending)}";')
        for choice in node.choices:
            label = _dot_escape(f"{_STAGE_MARK[choice.stage]}{choice.rating:+d} {_short(pick(choice.text, language), 30)}")
            lines.append(f'  "{source}" -> "{_dot_escape(choice.next)}" [label="{label}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
