"""Desktop-game benchmarks on the real entry points, each against a floor from the same run.

    python benchmarks/bench_ui.py [--runs N] [--only P3,P4,P5,P6]

* P3 (``benchmarks/bench_frames.py``) dialogue frames actually drawn at 1920x1080, each after a change
  (a line being revealed, the selection moving, the meter moving after a choice, the options appearing,
  text shown at once a key press at a time, the rain falling, a phone call's voice), driven by the
  game's own loop step; the time inside ``App.draw`` (the frame drawn and flipped) ÷ a fill plus blits
  of the very text surfaces each frame shows, pre-rendered, and the flip. Frames whose still layer is
  composed again count where they happen (and are also reported alone); a column gives the whole loop
  step (input, engine, saves and drawing) ÷ the same floor. Key presses come as fast as
  ``Window.loop`` takes them (one key event an iteration, with the loop's one idle piece before each
  when nothing moves), or with the player reading between them; the idle work (painting ahead the
  faces and rendering ahead the texts the next step may show) is in no frame: it is run untimed and its
  CPU time, paintings and longest piece are reported in the row. Presses stepped back to back with no
  loop iteration between, which the loop never does, are kept as a reference row;
* P4 ``python main.py`` to its first title frame (``benchmarks/first_frame.py`` runs main.py and
  exits inside the first ``pygame.display.flip``) ÷ ``python -c "import pygame"``;
* P5 CPU used by the real loop while the title screen, then a finished line, sit still, as a share
  of one core, next to a bare pygame window waiting for events the same way;
* P6 peak resident memory (the process's own high-water mark ``VmHWM``, not the size at the end) of a game
  process that plays every shipped scene to an ending in both languages at 1920x1080 (the loop's idle
  steps run before each key, as while a player reads), next to a bare pygame window of that size.

The video driver is SDL's ``dummy`` unless SDL_VIDEODRIVER is set (P5 on a real display: run under
``xvfb-run -a`` with SDL_VIDEODRIVER=x11).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_frames import frame_rows  # noqa: E402
from benchmarks.harness import HEADER, PYTHON, ROOT, paired, run_child  # noqa: E402

# --- P4 start-up ----------------------------------------------------------------------------------

# A first start in ``saves``: the title's first frame, then one loop step, in which the title writes the
# card pictures that frame drew to saves/cache (it writes them after the frame, never inside it).
FIRST_START = """
import sys
sys.path.insert(0, {root!r})
from game.ui.app import App
app = App()
app.step([])
app.step([])
"""


def startup_rows(runs: int, saves: Path) -> list[str]:
    """P4: python main.py to the first title frame ÷ import pygame, in a saves folder of its own.

    Every start after the first finds the card pictures cached; the first start draws them (it imports the
    art): measured apart, once, so the row says which start it is.
    """
    env = {"MOT_SAVES_DIR": str(saves / "p4")}
    # The game's modules compiled once, as pip does on install and Python does on a first run: without
    # this, a machine with PYTHONDONTWRITEBYTECODE set compiles 31 modules on every start (0.1 s), while
    # the floor's pygame is compiled in site-packages.
    run_child([PYTHON, "-m", "compileall", "-q", "game", "main.py"])
    first = run_child([PYTHON, "benchmarks/first_frame.py"], env)
    run_child([PYTHON, "-c", FIRST_START.format(root=str(ROOT))], env)
    pair = paired("P4 `python main.py` to the first title frame (card pictures cached, as on every start after "
                  "the first) ÷ `python -c \"import pygame\"`",
                  [PYTHON, "benchmarks/first_frame.py"], [PYTHON, "-c", "import pygame"], runs=runs, env=env)
    floor = statistics.median(sample.cpu for sample in pair.floor)
    return [pair.row("≤ 2.0"),
            f"| P4 the very first start (no card picture cached yet: the art is imported and draws them): "
            f"{first.cpu:.2f} s CPU ÷ the floor's median {floor:.2f} s | — | {first.cpu / floor:.2f} | — | — | — | 1 |"]


# --- P5 idle CPU ----------------------------------------------------------------------------------

IDLE_GAME = """
import sys, resource, time
sys.path.insert(0, {root!r})
import pygame
from game.ui.app import App
from game.ui.driver import finish_line
app = App(saves_folder={saves!r})
if {line!r}:
    app.start_scene({scene!r})
    finish_line(app)
    app.screen.last_input = -1e9  # the rain and other ambient motion have stopped, as after a few seconds
# Counted from the first loop step after {settle_ms} ms: by then the screen is drawn and the one-off work a
# still screen does (the play screen painting ahead; P3 reports its CPU) is done, so what is left is the
# cost of sitting still. The loop steps at least every half second while idle, so the mark comes on time.
settle, mark = time.monotonic() + {settle_ms} / 1000, []
real_step = app.step
def step(events, dt=1 / 60):
    if not mark and time.monotonic() >= settle:
        mark.append((resource.getrusage(resource.RUSAGE_SELF), time.monotonic()))
    return real_step(events, dt)
app.step = step
pygame.time.set_timer(pygame.QUIT, {settle_ms} + {ms})
app.loop()
after = resource.getrusage(resource.RUSAGE_SELF)
before, start = mark[0]
print((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / (time.monotonic() - start))
"""

IDLE_BARE = """
import resource, time
import pygame
pygame.display.init()
pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
pygame.display.flip()
pygame.time.set_timer(pygame.QUIT, {settle_ms} + {ms})
settle, mark = time.monotonic() + {settle_ms} / 1000, []
running = True
while running:
    if not mark and time.monotonic() >= settle:  # counted from the same moment as the game's
        mark.append((resource.getrusage(resource.RUSAGE_SELF), time.monotonic()))
    for event in [pygame.event.wait(500)] + pygame.event.get():
        running = running and event.type != pygame.QUIT
before, start = mark[0]
after = resource.getrusage(resource.RUSAGE_SELF)
print((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / (time.monotonic() - start))
"""


def idle_rows(runs: int, saves: Path, seconds: float = 4.0, settle: float = 2.0) -> list[str]:
    """P5: CPU share while still (title, finished line) and a bare window's, over ``seconds`` once ``settle``
    seconds have passed (the first frame and the one-off work ahead are not idling)."""
    rows = []
    ms, settle_ms = int(seconds * 1000), int(settle * 1000)
    bare = [float(run_child([PYTHON, "-c", IDLE_BARE.format(ms=ms, settle_ms=settle_ms)]).output.split()[-1])
            for _ in range(runs)]
    for label, line in (("title", False), ("still line", True)):
        script = IDLE_GAME.format(root=str(ROOT), saves=str(saves), ms=ms, settle_ms=settle_ms, line=line,
                                  scene=str(ROOT / "scenes" / "umbrella.yaml"))
        shares = [float(run_child([PYTHON, "-c", script]).output.split()[-1]) for _ in range(runs)]
        rows.append(f"| P5 idle CPU, {label} ({os.environ['SDL_VIDEODRIVER']} driver) | < 3 % | "
                    f"{min(shares) * 100:.2f} % | {statistics.median(shares) * 100:.2f} % | — | "
                    f"bare window in pygame.event.wait(500) {statistics.median(bare) * 100:.2f} % | {runs} |")
    return rows


# --- P6 peak memory -------------------------------------------------------------------------------

MEMORY_GAME = """
import sys
sys.path.insert(0, {root!r})
import pygame
from game.analysis import analyze
from game.loader import load_scene
from game.ui.app import App
from game.ui.driver import finish_line, key as press
def key(app, code):  # the loop's idle steps first, as while a player reads (the play screen works ahead then)
    while app.stack.top.idle():
        pass
    press(app, code)
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
with open("/proc/self/status") as status:  # the high-water mark of this process alone
    print("peak-rss-mb:", next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024)
"""

MEMORY_BARE = """
import pygame
pygame.display.init(); pygame.font.init()
surface = pygame.display.set_mode((1920, 1080))
surface.fill((20, 20, 20)); pygame.display.flip()
with open("/proc/self/status") as status:  # the high-water mark of this process alone
    print("peak-rss-mb:", next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024)
"""


def _own_peak(sample) -> float:
    """The child's own VmHWM: ru_maxrss of a child also counts the parent's pages it started from."""
    return float(sample.output.split("peak-rss-mb:")[-1].split()[0])


def memory_rows(runs: int, saves: Path) -> list[str]:
    """P6: the game's peak RSS through every scene in both languages, and a bare window's."""
    script = MEMORY_GAME.format(root=str(ROOT), saves=str(saves))
    pair = paired("P6", [PYTHON, "-c", script], [PYTHON, "-c", MEMORY_BARE], runs=max(1, runs // 2), warmup=0)
    peaks = [_own_peak(s) for s in pair.measure]
    bare = statistics.median(_own_peak(s) for s in pair.floor)
    return [f"| P6 peak memory, every scene in both languages at 1920×1080 | < 150 MB | {min(peaks):.0f} MB | "
            f"{statistics.median(peaks):.0f} MB | — | bare 1080p window {bare:.0f} MB | {len(peaks)} |"]


def main() -> int:
    """Print the rows of every measure asked for."""
    parser = argparse.ArgumentParser(description="desktop-game benchmarks")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="P3,P4,P5,P6")
    args = parser.parse_args()
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory() as folder:
        saves = Path(folder)
        print(HEADER)
        # P3 runs the game in this process: last, so the children before it start from a small parent
        for name, rows in (("P4", startup_rows), ("P6", memory_rows), ("P5", idle_rows), ("P3", frame_rows)):
            if name in only:
                print("\n".join(rows(args.runs, saves)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
