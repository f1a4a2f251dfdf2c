"""Desktop-game benchmarks, each a ratio measured side by side in one run.

    python benchmarks/bench_ui.py

* frame: drawing the dialogue screen at 1920x1080 (still: nothing moving) against a bare frame
  (fill plus the same number of blits of cached surfaces), both under the dummy video driver;
* idle: CPU used by the real loop while the title screen sits still for a few seconds, as a share
  of one core;
* start-up: process start to the first drawn menu frame, against ``python -c "import pygame"``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

FRAMES = 300


def _median_frame(draw) -> float:
    samples = []
    for _ in range(FRAMES):
        start = time.perf_counter()
        draw()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def frame_ratio(saves: Path, compose: bool = False) -> tuple[float, float, float]:
    """(dialogue frame, bare frame, ratio) in seconds, at 1920x1080.

    With ``compose`` every frame is drawn from scratch, as while a line is revealed or the meter
    moves; without it a still frame is reused from the screen's frame cache.
    """
    from game.ui.app import App
    from game.ui.driver import finish_line

    app = App(size=(1920, 1080), saves_folder=saves)
    app.start_scene(str(ROOT / "scenes" / "tutorial.yaml"))
    finish_line(app)
    surface = app.surface
    blits = _blits_per_frame(app)
    cached = [pygame.Surface((200, 40)) for _ in range(blits)]
    fill = app.theme.palette.background

    def bare() -> None:
        surface.fill(fill)
        for index, image in enumerate(cached):
            surface.blit(image, ((index * 37) % 1700, (index * 53) % 1000))
        pygame.display.flip()

    if compose:  # as while something moves: the screen composes every frame and keeps none
        app.screen._frame_key = lambda: None

    def dialogue() -> None:
        app.draw()

    _median_frame(dialogue)  # warm the caches
    ui, floor = _median_frame(dialogue), _median_frame(bare)
    return ui, floor, ui / floor


def _blits_per_frame(app) -> int:
    """Rendered text pieces in one frame (each is one blit) plus the cached backdrop."""
    calls = 0
    render = app.book.render

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return render(*args, **kwargs)

    app.book.render = counting
    app.screen.frame_key = None  # count the blits of a frame composed from scratch
    app.draw()
    app.book.render = render
    return calls + 1


IDLE_SCRIPT = """
import os, sys, resource, time
sys.path.insert(0, {root!r})
import pygame
from game.ui.app import App
app = App(saves_folder={saves!r})
pygame.time.set_timer(pygame.QUIT, {ms})
start_cpu = resource.getrusage(resource.RUSAGE_SELF)
start = time.monotonic()
app.loop()
end_cpu = resource.getrusage(resource.RUSAGE_SELF)
used = (end_cpu.ru_utime - start_cpu.ru_utime) + (end_cpu.ru_stime - start_cpu.ru_stime)
print(used / (time.monotonic() - start))
"""

STARTUP_SCRIPT = """
import sys, time
sys.path.insert(0, {root!r})
from game.ui.app import App
app = App(saves_folder={saves!r})
app.draw()
"""


def idle_share(saves: Path, seconds: float = 5.0) -> float:
    """CPU share of one core used by the loop while the title screen is still."""
    script = IDLE_SCRIPT.format(root=str(ROOT), saves=str(saves), ms=int(seconds * 1000))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


MEMORY_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
import pygame
from game.analysis import analyze
from game.loader import load_scene
from game.ui.app import App
from game.ui.driver import finish_line, key
app = App(size=(1920, 1080), saves_folder={saves!r})
for card in list(app.cards):
    for language in ("en", "zh"):
        app.update_settings(language=language)
        choices = analyze(load_scene(card.path).program).best.choices
        app.start_scene(card.path)
        for number in choices:
            while app.run.view(language).kind != "decision" or app.screen.coaching is not None \\
                    or not app.screen.buttons:
                key(app, pygame.K_SPACE); finish_line(app)
            key(app, getattr(pygame, "K_%d" % number))
        while app.run.view(language).kind != "ending" or app.screen.coaching is not None:
            key(app, pygame.K_SPACE); finish_line(app)
        key(app, pygame.K_SPACE)
        key(app, pygame.K_ESCAPE)
with open("/proc/self/statm") as handle:
    import os
    print(int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20)
"""


def memory_after_all_scenes(saves: Path) -> float:
    """Resident memory (MB) of a game process that played every scene to an ending in both languages."""
    script = MEMORY_SCRIPT.format(root=str(ROOT), saves=str(saves))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def _time_command(arguments: list[str], runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(arguments, capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def startup_ratio(saves: Path) -> tuple[float, float, float]:
    """(start to first menu frame, import pygame alone, ratio)."""
    game = _time_command([sys.executable, "-c", STARTUP_SCRIPT.format(root=str(ROOT), saves=str(saves))])
    floor = _time_command([sys.executable, "-c", "import pygame"])
    return game, floor, game / floor


def main() -> int:
    """Print every measurement."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        saves = Path(folder)
        ui, floor, ratio = frame_ratio(saves)
        print(f"still frame 1920x1080: dialogue {ui * 1000:.2f} ms, bare {floor * 1000:.2f} ms, ratio {ratio:.2f}")
        pygame.quit()
        ui, floor, ratio = frame_ratio(saves, compose=True)
        print(f"composed frame 1920x1080: dialogue {ui * 1000:.2f} ms, bare {floor * 1000:.2f} ms, "
              f"ratio {ratio:.2f}")
        pygame.quit()
        print(f"resident memory after every scene in both languages: {memory_after_all_scenes(saves):.0f} MB")
        print(f"idle CPU on the title screen: {idle_share(saves) * 100:.2f}% of one core")
        game, base, ratio = startup_ratio(saves)
        print(f"start-up to first menu frame: {game:.3f} s, import pygame {base:.3f} s, ratio {ratio:.2f}")
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"benchmark process peak memory: {usage:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
