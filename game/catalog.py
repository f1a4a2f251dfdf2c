"""The scene catalogue for the title screen, cached so start-up need not load every scene.

Each scene file's card (id, title, place, customer, backdrop, or its errors) is kept in
saves/cache/scenes.json with the file's size and modification time; only files that changed are
loaded again. The cache is only a shortcut: it is rebuilt whenever it is missing or unreadable.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Optional

from game.diagnostics import CODES, Diagnostic
from game.ltext import LText
from game.scenes import find_scene_files
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


def _stamp(path: str) -> Optional[list[int]]:
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # a broken link or a file removed meanwhile: load it to say why
        return None
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
    """The cached card, or None when the cache entry is not exactly what this version writes.

    The cache is a file on disk like any other: a hand-edited or foreign one must not crash the
    title screen nor steer where pictures are written (the backdrop name becomes a file name).
    """
    card = entry.get("card") if isinstance(entry, dict) else None
    if not isinstance(card, dict) or set(card) != _CARD_FIELDS:
        return None
    texts_ok = all(_is_text_map(card[name]) for name in ("title", "place"))
    names_ok = all(isinstance(card[name], str) and len(card[name]) <= _MAX_NAME for name in ("id", "customer_type"))
    errors = card["errors"]
    if not (texts_ok and names_ok and is_backdrop_name(card["backdrop"]) and isinstance(errors, list)
            and all(_is_diagnostic(d) for d in errors)):
        return None
    return SceneCard(path, card["id"], card["title"], card["place"], card["customer_type"], card["backdrop"],
                     tuple(Diagnostic(**d) for d in errors))


_CARD_FIELDS = {"path", "id", "title", "place", "customer_type", "backdrop", "errors"}
_DIAGNOSTIC_TYPES = {"file": str, "line": int, "column": int, "code": str, "message": str}
_MAX_NAME = 200
BACKDROP_NAME = re.compile(r"[a-z][a-z0-9-]{0,31}")  # as the scene format allows (game.model.BackdropName)


def is_backdrop_name(name: Any) -> bool:
    """True for a name the scene format allows as a backdrop (so it is also a safe file name)."""
    return isinstance(name, str) and BACKDROP_NAME.fullmatch(name) is not None


def thumbnail_file(folder: Path, backdrop: str, size: tuple[int, int], high_contrast: bool,
                   art_version: int = 0) -> Optional[Path]:
    """Where the title screen keeps a card's picture under ``folder``; None for a name that is not safe.
    A new ``art_version`` (the drawing changed) names new files, so stale pictures are never loaded."""
    if not is_backdrop_name(backdrop):
        return None
    version = f"-v{int(art_version)}" if art_version else ""
    return folder / "cache" / f"{backdrop}-{int(size[0])}x{int(size[1])}{'-hc' if high_contrast else ''}{version}.png"


def _is_text_map(value: Any) -> bool:
    return value is None or isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items())


def _is_diagnostic(value: Any) -> bool:
    return (isinstance(value, dict) and set(value) == set(_DIAGNOSTIC_TYPES)
            and all(type(value[name]) is kind for name, kind in _DIAGNOSTIC_TYPES.items())
            and value["code"] in CODES)


def scan_scenes(folder: Path, cache_file: Optional[Path] = None) -> list[SceneCard]:
    """Cards for every scene under ``folder``, the tutorial first; uses and refreshes ``cache_file``."""
    cached = read_json(cache_file).data if cache_file is not None else None
    entries = cached.get("scenes") if isinstance(cached, dict) and cached.get("version") == CACHE_VERSION else None
    entries = entries if isinstance(entries, dict) else {}  # a cache is only a shortcut: a bad one is rebuilt
    cards, fresh = [], {}
    for path in find_scene_files([str(folder)]) if folder.is_dir() else []:
        stamp = _stamp(path)
        entry = entries.get(path)
        fresh_entry = stamp is not None and isinstance(entry, dict) and entry.get("stamp") == stamp
        card = _card_from_cache(entry, path) if fresh_entry else None
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
