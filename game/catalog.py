"""The scene catalogue for the title screen, cached so start-up need not load every scene.

Each scene file's card (id, title, place, customer, backdrop, or its errors) is kept in
saves/cache/scenes.json with the file's size and modification time; only files that changed are
loaded again. The cache is only a shortcut: it is rebuilt whenever it is missing or unreadable.
"""

from __future__ import annotations

import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Optional

from game.diagnostics import Diagnostic
from game.ltext import LText
from game.storage import read_json, write_json

CACHE_VERSION = 1


@dataclass(frozen=True)
class SceneCard:
    """What the title screen shows for a scene file."""

    path: str
    id: str
    title: Optional[LText]
    place: Optional[LText]
    customer_type: str
    backdrop: str = "store"
    errors: tuple[Diagnostic, ...] = ()


def find_scene_files(paths: list[str]) -> list[str]:
    """Expand folders into the .yaml/.yml files inside them (sorted); keep files as given."""
    found = []
    for path in paths:
        if os.path.isdir(path):
            for root, _dirs, files in sorted(os.walk(path)):
                found += [os.path.join(root, name) for name in sorted(files) if name.endswith((".yaml", ".yml"))]
        else:
            found.append(path)
    return found


def _stamp(path: str) -> list[int]:
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns]


def card_for(path: str) -> SceneCard:
    from game.loader import load_scene  # loading the scene format costs time: only for changed files

    loaded = load_scene(path)
    program = loaded.program
    if program is None:
        errors = tuple(d for d in loaded.diagnostics if d.severity == "error")
        return SceneCard(path, Path(path).stem, None, None, "", errors=errors)
    return SceneCard(path, program.id, dict(program.title), dict(program.place), program.customer_type,
                     program.backdrop)


def _card_from_cache(entry: Any, path: str) -> Optional[SceneCard]:
    try:
        card = dict(entry["card"])
        card["errors"] = tuple(Diagnostic(**d) for d in card.get("errors", ()))
        return SceneCard(**{**card, "path": path})
    except (KeyError, TypeError, ValueError):
        return None


def scan_scenes(folder: Path, cache_file: Optional[Path] = None) -> list[SceneCard]:
    """Cards for every scene under ``folder``, the tutorial first; uses and refreshes ``cache_file``."""
    cached = read_json(cache_file).data if cache_file is not None else None
    entries = cached.get("scenes", {}) if isinstance(cached, dict) and cached.get("version") == CACHE_VERSION \
        else {}
    cards, fresh = [], {}
    for path in find_scene_files([str(folder)]) if folder.is_dir() else []:
        stamp = _stamp(path)
        entry = entries.get(path)
        card = _card_from_cache(entry, path) if isinstance(entry, dict) and entry.get("stamp") == stamp else None
        if card is None:
            card = card_for(path)
        fresh[path] = {"stamp": stamp, "card": {**asdict(card), "errors": [asdict(d) for d in card.errors]}}
        cards.append(card)
    if cache_file is not None and fresh != entries:
        try:
            write_json(cache_file, {"version": CACHE_VERSION, "scenes": fresh})
        except OSError as exc:  # the cache only saves time: say so, and carry on without it
            print(f"note: could not write the scene cache {cache_file} ({exc.strerror or exc})", file=sys.stderr)
    order = {"tutorial": 0}
    return sorted(cards, key=lambda card: (order.get(card.id, 1), card.path))
