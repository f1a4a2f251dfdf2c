"""A command that fails on its arguments or its scene says why before pygame is imported (no banner, no window)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BROKEN = "tests/broken/alias_bomb.yaml"

# main() in a fresh interpreter, then whether pygame was imported at all (its banner prints on import)
PROBE = ("import sys; from game.cli import main\n"
         "try:\n    code = main(sys.argv[1:])\nexcept SystemExit as stop:\n    code = stop.code\n"
         "print('PYGAME-IMPORTED' if 'pygame' in sys.modules else 'no-pygame'); sys.exit(code)")


def _probe(*args):
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=30, env=env)


@pytest.mark.parametrize("scene, named", [
    ("nosuch", "'nosuch'"),  # neither a file nor a scene id
    ("nosuch.yaml", "nosuch.yaml"),  # looks like a file, is not there
    ("scenes/", "scenes/"),  # a folder
    (BROKEN, BROKEN),  # a scene with errors
])
def test_facilitate_a_missing_or_broken_scene_fails_before_pygame(scene, named):
    result = _probe("facilitate", scene)
    assert result.returncode == 1, result.stderr
    assert result.stdout.strip() == "no-pygame" and "pygame" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and named in last and "Traceback" not in result.stderr
    assert "validate" in last or "give the path" in last  # what to do


@pytest.mark.parametrize("argv", [
    ["facilitate", "a", "b"], ["facilitate", "--bogus"], ["bogus"], ["run", "nosuch", "--choices", "1"],
    ["analyze", BROKEN], ["graph", "nosuch"], ["validate", "--json", "--bogus"], ["xapi", "tutorial"],
    ["report", "nosuch"], ["new", "Bad Name!"],
], ids=" ".join)
def test_no_failing_command_imports_pygame(argv):
    result = _probe(*argv)
    assert result.returncode in (1, 2), result.stderr
    assert result.stdout.strip().splitlines()[-1] == "no-pygame" and "pygame" not in result.stderr
