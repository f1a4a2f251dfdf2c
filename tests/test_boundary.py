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
