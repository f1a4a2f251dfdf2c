"""The engine core never imports pygame; the window package is the only place that may."""

import ast
import subprocess
import sys
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "game"
WINDOW_PACKAGE = GAME / "ui"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_imports_pygame():
    core_files = [p for p in GAME.rglob("*.py") if WINDOW_PACKAGE not in p.parents]
    assert core_files, "no core modules found"
    offenders = [str(p.relative_to(GAME)) for p in core_files if "pygame" in _imports(p)]
    assert offenders == []


def test_importing_every_core_module_leaves_pygame_unloaded():
    modules = sorted(p.stem for p in GAME.glob("*.py") if p.stem != "__main__")
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('game.' + name)\n"
        "print('pygame' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=GAME.parent, check=True)
    assert result.stdout.strip() == "False"


def test_core_never_calls_eval_or_exec_or_unsafe_yaml():
    for path in GAME.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("eval", "exec", "compile"), f"{path}:{node.lineno}"
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml":
                assert node.attr not in ("load", "load_all", "unsafe_load", "full_load", "Loader", "UnsafeLoader",
                                         "FullLoader"), f"{path}:{node.lineno} uses yaml.{node.attr}"


# --- screens talk to a run or a workshop, never to the engine ---------------------------------------------

UI_CONTROLLERS = {"app.py", "play_control.py", "workshop_control.py"}  # they call the core for the screens
ENGINE_MODULES = ("game.engine", "game.scoring", "game.reach", "game.analysis", "game.conditions", "game.loader")
ENGINE_ATTRIBUTES = {"story", "states", "steps"}  # the engine and its states, behind Run and Workshop


def _engine_reaches(path: Path) -> list[str]:
    """Where ``path`` imports an engine module, a scoring rule, or reaches into an engine or its State."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(ENGINE_MODULES):
                found.append(f"{node.lineno}: from {node.module} import")
            elif node.module == "game.scorecard":  # its records' types may be named; its rules are the core's
                found += [f"{node.lineno}: scorecard rule {alias.name}" for alias in node.names
                          if not alias.name[:1].isupper()]
        elif isinstance(node, ast.Import):
            found += [f"{node.lineno}: import {alias.name}" for alias in node.names
                      if alias.name.startswith(ENGINE_MODULES)]
        elif isinstance(node, ast.Attribute) and node.attr in ENGINE_ATTRIBUTES:
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and node.value.attr == "state":
            found.append(f"{node.lineno}: .state.{node.attr}")  # a run's State, read field by field
    return found


def _window_modules() -> list[Path]:
    return [p for p in WINDOW_PACKAGE.rglob("*.py") if p.name not in UI_CONTROLLERS]


def test_screens_hold_no_engine_calls():
    reaches = {str(p.relative_to(GAME)): _engine_reaches(p) for p in _window_modules()}
    assert {name: found for name, found in reaches.items() if found} == {}


def test_the_screen_check_sees_an_engine_call(tmp_path):
    screen = tmp_path / "screen.py"
    screen.write_text("from game.engine import Story\nfrom game.scorecard import Scorecard, best_missed\n"
                      "def f(app):\n    return app.run.story.open_choices(app.run.state.x), app.program.title\n",
                      encoding="utf-8")
    assert sorted(_engine_reaches(screen)) == ["1: from game.engine import", "2: scorecard rule best_missed",
                                               "4: .state.x", "4: .story"]


def test_the_game_window_starts_without_the_scene_reader_or_model():
    """What `python main.py` imports before its first title frame (P4 in BENCHMARKS.md): the scene model
    (pydantic), the YAML reader, the engine and the art come later, when a scene or a picture needs them.
    A structural check, not a timing: one module-level import of game.scenes once doubled the start-up."""
    code = (
        "import sys\n"
        "import game.cli, game.ui.app, game.ui.screens.title\n"
        "heavy = ('pydantic', 'yaml', 'game.model', 'game.loader', 'game.yamlsrc', 'game.engine', 'game.ui.art')\n"
        "print('loaded:' + ','.join(name for name in heavy if name in sys.modules))\n"
    )
    env = {**__import__("os").environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=GAME.parent, check=True,
                            env=env)
    assert [line for line in result.stdout.splitlines() if line.startswith("loaded:")] == ["loaded:"]


def test_the_first_title_frame_needs_no_command_parser_lrs_client_or_library_lookup(tmp_path):
    """`python main.py` to its first title frame (P4: the card pictures and scene catalogue cached by an earlier
    start) leaves out what only other paths use: the command parser (argparse, whose gettext lookups import
    locale), the LRS client while no LRS address is set, ctypes.util (it finds the C library by running ldconfig;
    glibc's own name is tried first) and secrets (hmac and OpenSSL, for a history file's random name)."""
    start = (
        "import sys\n"
        "from game.ui.app import App\n"
        "App.loop = lambda self: [self.step([]) for _ in range(2)]  # the first frame; the next caches its pictures\n"
        "from game import cli\n"
        "assert cli.main([]) == 0\n"
        "late = ('argparse', 'locale', 'game.cli_results', 'game.lrs', 'ctypes.util', 'secrets')\n"
        "print('loaded:' + ','.join(name for name in late if name in sys.modules))\n"
    )
    env = {key: value for key, value in __import__("os").environ.items() if not key.startswith("MOT_LRS_")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", MOT_SAVES_DIR=str(tmp_path))
    shown = []
    for _ in range(2):  # the first start reads the scenes and draws the pictures; the second finds them cached
        result = subprocess.run([sys.executable, "-c", start], capture_output=True, text=True, cwd=GAME.parent,
                                check=True, env=env)
        shown.append([line for line in result.stdout.splitlines() if line.startswith("loaded:")])
    assert list((tmp_path / "cache").glob("*.png")), "the first start cached no card picture"
    assert shown[1] == ["loaded:"]
