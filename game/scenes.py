"""Finding scene files by path or id, and creating new ones from the template."""

from __future__ import annotations

import os
import re
from pathlib import Path

from game.diagnostics import escape_controls
from game.paths import PROJECT_ROOT

TEMPLATE = Path(__file__).resolve().parent / "templates" / "new_scene.yaml"
TEMPLATE_ID = "__SCENE_ID__"


class SceneNotFound(LookupError):
    """No file or scene id matches what the user typed."""


class NewSceneError(ValueError):
    """``new`` cannot create the file (bad name, or the file exists)."""


def scene_folders() -> list[Path]:
    """Where scene ids are looked up: ./scenes, then the project's scenes/."""
    folders = [Path.cwd() / "scenes", PROJECT_ROOT / "scenes"]
    return [folder for index, folder in enumerate(folders) if folder.is_dir() and folder not in folders[:index]]


def resolve_scene(name: str) -> str:
    """Turn a path or a scene id into a file path.

    Raises:
        SceneNotFound: listing the ids that exist.
    """
    if os.path.exists(name) or os.sep in name or name.endswith((".yaml", ".yml")):
        return name
    known = []
    for folder in scene_folders():
        for candidate in (folder / f"{name}.yaml", folder / f"{name}.yml"):
            if candidate.is_file():
                return str(candidate)
        for file in sorted(folder.glob("*.y*ml")):
            scene_id = _scene_id(file)
            if scene_id == name:
                return str(file)
            if scene_id:
                known.append(scene_id)
    listing = ", ".join(sorted(set(known))) or "none"
    raise SceneNotFound(f"no scene file or scene id '{name}' (scene ids under scenes/: {listing})")


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


def _scene_id(file: Path) -> str:
    # imported here, as in create_scene: the game's start-up lists scene files through this module, and
    # the YAML reader and the scene model cost more than half of the time to its first frame
    from game.yamlsrc import YamlSourceError, parse, read_text

    try:
        data, _ = parse(read_text(str(file)), str(file))
    except YamlSourceError:
        return ""
    return str(data.get("id", "")) if isinstance(data, dict) else ""


# Names Windows reserves for devices, with any extension: a scene shared with a Windows colleague must open.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


def _file_name_problem(name: str) -> str:
    """Why ``name`` (a valid id) would make a poor file name, or "" when it is fine."""
    if name.lower().endswith((".yaml", ".yml")):
        return f"already ends in its extension: type the id alone (new {name.rsplit('.', 1)[0]})"
    if name.endswith("."):
        return "ends in a dot, which Windows drops from file names: end it with a letter or digit"
    if name.split(".")[0].lower() in _RESERVED:
        return "is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9): choose another name"
    return ""


def create_scene(name: str, folder: str = "scenes") -> str:
    """Write ``folder/NAME.yaml`` from the commented template.

    Raises:
        NewSceneError: when the name is not a valid id or the file exists.
    """
    from game.model import ID_PATTERN

    # fullmatch: with re.match, ID_PATTERN's `$` would also accept a name ending in a newline
    if not re.fullmatch(ID_PATTERN, name):
        raise NewSceneError(f"'{escape_controls(name)}' is not a valid scene id: use letters, digits, '_', '-' and '.' "
                            f"(at most 64, starting with a letter, digit or '_'; for example my_scene)")
    problem = _file_name_problem(name)
    if problem:
        raise NewSceneError(f"'{name}' {problem}")
    target = Path(folder) / f"{name}.yaml"
    if target.exists():
        raise NewSceneError(f"{target} already exists: choose another name or edit that file")
    text = TEMPLATE.read_text(encoding="utf-8").replace(TEMPLATE_ID, name)
    try:
        os.makedirs(folder, exist_ok=True)
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise NewSceneError(f"cannot write {target} ({exc.strerror or exc}): choose a folder you can write "
                            f"to with --dir") from None
    return str(target)
