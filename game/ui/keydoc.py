"""The README's key tables, written from the screens' keymaps.

``python -m game.ui.keydoc`` rewrites the blocks between ``<!-- GENERATED:keys-NAME -->`` markers
in README.md; a test fails when they are out of date, so the README says what the keys do.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.docgen import fill_block, rewrite
from game.ui.keymap import GLOBAL_KEYS, Keymap
from game.ui.screens.facilitate import FACILITATOR_KEYS
from game.ui.screens.play import PLAY_KEYS

README = Path(__file__).resolve().parents[2] / "README.md"
TABLES: dict[str, tuple[Keymap, ...]] = {"keys-play": (PLAY_KEYS, GLOBAL_KEYS), "keys-facilitate": (FACILITATOR_KEYS,)}


def table(keymaps: tuple[Keymap, ...], language: str = "en") -> str:
    """A Markdown table of every labelled binding of ``keymaps``, in their order."""
    lines = ["| key | what it does |", "|---|---|"]
    for keymap in keymaps:
        lines += [f"| {keys.replace('|', '&#124;')} | {label} |" for keys, label in keymap.table(language)]
    return "\n".join(lines) + "\n"


def render(document: str) -> str:
    """``document`` with every key table block rewritten."""
    for name, keymaps in TABLES.items():
        document = fill_block(document, name, table(keymaps))
    return document


def main() -> int:
    """Rewrite the key tables of README.md."""
    return rewrite(README, render)


if __name__ == "__main__":
    sys.exit(main())
