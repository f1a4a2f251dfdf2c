"""Black-box check in a real window: pressing Space 30 times in a new scene takes no choice.

Starts the game as a player would (``python -m game``) on an X display, drives it with real key
events from xdotool (title card → briefing → Start practice → 30 × Space), then reads the run the
game saved and checks that no decision was taken. Run it under a virtual display::

    xvfb-run -a -s "-screen 0 1280x720x24" python tools/blackbox_space.py

With ``--then-select`` it goes on to press Down and Enter and checks that exactly one choice was
taken, which shows the keys really reach the game. Exits 0 when all went as expected, 1 otherwise
(2 when the window never appeared). Uses a
temporary saves folder; the game process it started is ended by its id.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRESSES = 30


def xdotool(*args: str) -> str:
    """Run xdotool and return its output."""
    return subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True, timeout=30).stdout.strip()


def press(window: str, name: str, pause: float = 0.25) -> None:
    """Press and release one key in the game window, then give the game time to draw."""
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--delay", "60", name)
    time.sleep(pause)


def find_window(pid: int, timeout: float = 90.0) -> str:
    """The game window's id (found by the process id SDL puts on it), once it is mapped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                               capture_output=True, text=True)
        if found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.5)
    raise TimeoutError("the game window did not appear")


def saved_decisions(saves: Path) -> int:
    """Decisions taken in the run the game saved (it saves after every change)."""
    data = json.loads((saves / "current.json").read_text(encoding="utf-8"))
    return len(data["state"]["steps"])


def main() -> int:
    """Play the check; print what happened."""
    with tempfile.TemporaryDirectory() as saves:
        environment = dict(os.environ, MOT_SAVES_DIR=saves, SDL_AUDIODRIVER="dummy")
        game = subprocess.Popen([sys.executable, "-m", "game"], cwd=ROOT, env=environment)
        try:
            try:
                window = find_window(game.pid)
            except TimeoutError as exc:
                print(f"FAIL: {exc}")
                return 2
            time.sleep(2.0)  # the first frame, fonts and the scene cards
            press(window, "Return", 2.0)  # the first card: its briefing
            press(window, "Tab")  # select "Start practice"
            press(window, "Return", 2.0)  # start the scene
            if not (Path(saves) / "current.json").is_file():
                print("FAIL: no run was started (the briefing did not start the scene)")
                return 1
            for _ in range(PRESSES):
                press(window, "space", 0.3)
            time.sleep(1.0)
            decisions = saved_decisions(Path(saves))
            if "--then-select" in sys.argv:
                press(window, "Down")
                press(window, "Return", 1.5)
                selected = saved_decisions(Path(saves)) - decisions
                print(f"{'OK' if selected == 1 else 'FAIL'}: Down then Enter took {selected} choice(s)")
                if selected != 1:
                    return 1
        finally:
            game.terminate()
            try:
                game.wait(timeout=10)
            except subprocess.TimeoutExpired:
                game.kill()
        if decisions:
            print(f"FAIL: {PRESSES} presses of Space took {decisions} choice(s)")
            return 1
        print(f"OK: {PRESSES} presses of Space in a new scene took no choice")
        return 0


if __name__ == "__main__":
    sys.exit(main())
