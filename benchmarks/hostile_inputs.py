"""Hostile scene files of any size, one per shape of dense or broken input.

Each kind is a function of a target size in bytes that returns the file's text. They are the shapes
that cost memory or time per byte when read: many tiny mappings, tiny lists or scalars, one mapping
of very many keys, nesting as deep as allowed, chains of aliases, whole scenes of tiny nodes, and
schema-valid scenes full of broken references or unknown fields. ``benchmarks/bench_hostile.py``
measures each at tens of megabytes; ``tests/test_hostile_memory.py`` checks each, small, for its
located diagnostics.

    python benchmarks/hostile_inputs.py KIND BYTES OUT.yaml     # write one file
"""

from __future__ import annotations

import sys
from typing import Callable

HEADER = "format: 1\nnodes:\n"
_DEEP = 60  # below the loader's nesting limit (64) with the mapping around it


def _lines(size: int, line: Callable[[int], str], header: str = "") -> str:
    """``header`` then ``line(0)``, ``line(1)``, ... until the text reaches ``size`` characters."""
    parts, total, index = [header], len(header), 0
    while total < size:
        text = line(index)
        parts.append(text)
        total += len(text)
        index += 1
    return "".join(parts)


def tiny_mappings(size: int) -> str:
    """Nodes that are one-key mappings with a misspelt field: `  nN: {speakr: 1}`."""
    return _lines(size, lambda i: f"  n{i}: {{speakr: 1}}\n", HEADER)


def tiny_block_mappings(size: int) -> str:
    """The same in block style, two lines a mapping."""
    return _lines(size, lambda i: f"  n{i}:\n    speakr: 1\n", HEADER)


def tiny_lists(size: int) -> str:
    """Nodes that are one-item lists: `  nN: [1]`."""
    return _lines(size, lambda i: f"  n{i}: [1]\n", HEADER)


def empty_collections(size: int) -> str:
    """A list of empty mappings and lists: `- {}` and `- []` lines."""
    return _lines(size, lambda i: "- {}\n" if i % 2 else "- []\n", "x:\n")


def many_scalars(size: int) -> str:
    """One list of tiny numbers: `- 1` lines."""
    return _lines(size, lambda i: "- 1\n", "x:\n")


def many_keys(size: int) -> str:
    """One mapping with a key per line: `kN: 1`."""
    return _lines(size, lambda i: f"k{i}: 1\n")


def deep_nesting(size: int) -> str:
    """Lines nested as deep as allowed: `kN: [[[...1...]]]`, 60 levels each."""
    return _lines(size, lambda i: f"k{i}: " + "[" * _DEEP + "1" + "]" * _DEEP + "\n")


def alias_chain(size: int) -> str:
    """Each list holds an alias of the one before: `aN: &aN [*aN-1]` (expansion grows by one a line)."""
    return _lines(size, lambda i: f"a{i + 1}: &a{i + 1} [*a{i}]\n", "a0: &a0 [1]\n")


def alias_fan(size: int) -> str:
    """Each list holds two aliases of the one before (an alias bomb, refused early)."""
    return _lines(size, lambda i: f"a{i + 1}: &a{i + 1} [*a{i}, *a{i}]\n", "a0: &a0 [1]\n")


def many_aliases(size: int) -> str:
    """A list of aliases of one mapping: `- *m`."""
    return _lines(size, lambda i: "- *m\n", "m: &m {speaker: customer, text: hello}\nx:\n")


def tiny_nodes(size: int) -> str:
    """A schema-valid scene of tiny nodes, each leading to the next."""
    return _lines(size, lambda i: f"  n{i}: {{speaker: customer, text: x, next: n{i + 1}}}\n", _SCENE_HEAD)


def broken_references(size: int) -> str:
    """A schema-valid scene whose every node's `next` names a missing node."""
    return _lines(size, lambda i: f"  n{i}:\n    speaker: customer\n    text: A line of ordinary length, number {i}, "
                                  f"as a customer would say it.\n    next: gone{i}\n", _SCENE_HEAD)


def unknown_fields(size: int) -> str:
    """A scene whose every node has an unknown field."""
    return _lines(size, lambda i: f"  n{i}:\n    speaker: customer\n    text: Line {i}.\n    colour: red\n"
                                  f"    next: n{i + 1}\n", _SCENE_HEAD)


def duplicate_keys(size: int) -> str:
    """The same key on every line."""
    return _lines(size, lambda i: "a: 1\n")


_SCENE_HEAD = """format: 1
id: hostile
title: Hostile
summary: A machine-made scene.
languages: [en]
setting: {place: A counter}
customer: {name: Pat, type: compliant, mood: 0}
cast: {you: {name: You, role: staff}}
endings: {done: {title: Done, text: Over., outcome: 1}}
start: n0
nodes:
"""

KINDS: dict[str, Callable[[int], str]] = {
    "tiny mappings": tiny_mappings,
    "tiny block mappings": tiny_block_mappings,
    "tiny lists": tiny_lists,
    "empty mappings and lists": empty_collections,
    "many scalars": many_scalars,
    "many keys in one mapping": many_keys,
    "nesting 60 deep, line after line": deep_nesting,
    "alias chain": alias_chain,
    "alias fan (bomb)": alias_fan,
    "many aliases of one mapping": many_aliases,
    "tiny valid nodes": tiny_nodes,
    "broken references": broken_references,
    "unknown fields in every node": unknown_fields,
    "duplicate keys": duplicate_keys,
}


def main() -> int:
    """Write one kind of file: ``KIND BYTES OUT``."""
    if len(sys.argv) != 4 or sys.argv[1] not in KINDS:
        print(f"usage: hostile_inputs.py KIND BYTES OUT; kinds: {', '.join(KINDS)}", file=sys.stderr)
        return 2
    with open(sys.argv[3], "w", encoding="utf-8") as handle:
        handle.write(KINDS[sys.argv[1]](int(sys.argv[2])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
