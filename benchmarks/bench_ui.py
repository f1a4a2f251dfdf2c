"""Desktop-game benchmarks on the real entry points, each against a floor from the same run.

    python benchmarks/bench_ui.py [--runs N] [--only P3,P4,P5,P6]

* P3 a dialogue frame actually drawn at 1920x1080 (composed again after a change such as the
  focus or the hover moving, not the still frame reused from the frame cache) ÷ a fill plus blits
  of the very text surfaces that frame drew, pre-rendered: a line, a decision in English, a
  decision in Chinese;
* P4 ``python main.py`` to its first title frame (``benchmarks/first_frame.py`` runs main.py and
  exits inside the first ``pygame.display.flip``) ÷ ``python -c "import pygame"``;
* P5 CPU used by the real loop while the title screen, then a finished line, sit still, as a share
  of one core, next to a bare pygame window waiting for events the same way;
* P6 peak resident memory (the process's own high-water mark ``VmHWM``, not the size at the end) of a game
  process that plays every shipped scene to an ending in both languages at 1920x1080, next to a
  bare pygame window of that size.

The video driver is SDL's ``dummy`` unless SDL_VIDEODRIVER is set (P5 on a real display: run under
``xvfb-run -a`` with SDL_VIDEODRIVER=x11).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import HEADER, PYTHON, ROOT, paired, run_child  # noqa: E402

FRAMES = 60  # frames per block; blocks of the frame and of its floor alternate


# --- P3 frames ------------------------------------------------------------------------------------

def _invalidate(app) -> None:
    """Make the next draw compose the frame, as a change (focus, hover, meter) does."""
    for screen in app.screens:
        if hasattr(screen, "frame_key"):
            screen.frame_key = None


def _drawn_surfaces(app) -> list:
    """The text surfaces one composed frame draws (each is one blit)."""
    drawn = []
    render = app.book.render

    def recording(*args, **kwargs):
        surface = render(*args, **kwargs)
        drawn.append(surface)
        return surface

    app.book.render = recording
    try:
        _invalidate(app)
        app.draw()
    finally:
        app.book.render = render
    return drawn


def _bare_frame(surface, fill, texts: list):
    """The floor: a fill, then each pre-rendered text surface blitted once, then the flip."""
    import pygame

    positions = [((index * 97) % 1700, (index * 53) % 1000) for index in range(len(texts))]

    def bare() -> None:
        surface.fill(fill)
        for text, position in zip(texts, positions, strict=True):
            surface.blit(text, position)
        pygame.display.flip()

    return bare


def _block(draw) -> float:
    start = time.perf_counter()
    for _ in range(FRAMES):
        draw()
    return (time.perf_counter() - start) / FRAMES


def frame_rows(runs: int, saves: Path) -> list[str]:
    """P3: line, decision (en), decision (zh)."""
    import pygame

    from game.ui.app import App
    from game.ui.driver import finish_line, key

    app = App(size=(1920, 1080), saves_folder=saves)
    app.start_scene(str(ROOT / "scenes" / "tutorial.yaml"))
    finish_line(app)
    rows = []
    cases = [("line (en)", "en", "line"), ("decision (en)", "en", "decision"), ("decision (zh)", "zh", "decision")]
    for label, language, kind in cases:
        if app.settings.language != language:
            app.update_settings(language=language)
        for _ in range(50):
            if app.run.view(language).kind == kind:
                break
            key(app, pygame.K_SPACE)
            finish_line(app)
        finish_line(app)
        texts = _drawn_surfaces(app)
        bare = _bare_frame(app.surface, app.theme.palette.background, texts)

        def drawn() -> None:
            _invalidate(app)
            app.draw()

        _block(drawn), _block(bare)  # warm-up
        ours, floor = [], []
        for _ in range(runs * 3):
            ours.append(_block(drawn))
            floor.append(_block(bare))
        ratios = [a / b for a, b in zip(ours, floor, strict=True)]
        rows.append(f"| P3 {label} frame drawn at 1920×1080 ÷ fill + its {len(texts)} text blits | ≤ 1.5 | "
                    f"**{min(ratios):.2f}** | **{statistics.median(ratios):.2f}** | "
                    f"{statistics.median(ours) * 1000:.2f} ms | {statistics.median(floor) * 1000:.2f} ms | "
                    f"{len(ratios)} × {FRAMES} frames |")
    pygame.quit()
    return rows


# --- P4 start-up ----------------------------------------------------------------------------------

def startup_rows(runs: int, saves: Path) -> list[str]:
    """P4: python main.py to the first title frame ÷ import pygame."""
    pair = paired("P4 `python main.py` to the first title frame ÷ `python -c \"import pygame\"`",
                  [PYTHON, "benchmarks/first_frame.py"], [PYTHON, "-c", "import pygame"], runs=runs)
    return [pair.row("≤ 2.0")]


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
pygame.time.set_timer(pygame.QUIT, {ms})
before, start = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
app.loop()
after = resource.getrusage(resource.RUSAGE_SELF)
print((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / (time.monotonic() - start))
"""

IDLE_BARE = """
import resource, time
import pygame
pygame.display.init()
pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
pygame.display.flip()
pygame.time.set_timer(pygame.QUIT, {ms})
before, start = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
running = True
while running:
    for event in [pygame.event.wait(500)] + pygame.event.get():
        running = running and event.type != pygame.QUIT
after = resource.getrusage(resource.RUSAGE_SELF)
print((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / (time.monotonic() - start))
"""


def idle_rows(runs: int, saves: Path, seconds: float = 4.0) -> list[str]:
    """P5: CPU share while still (title, finished line) and a bare window's."""
    rows = []
    ms = int(seconds * 1000)
    bare = [float(run_child([PYTHON, "-c", IDLE_BARE.format(ms=ms)]).output.split()[-1]) for _ in range(runs)]
    for label, line in (("title", False), ("still line", True)):
        script = IDLE_GAME.format(root=str(ROOT), saves=str(saves), ms=ms, line=line,
                                  scene=str(ROOT / "scenes" / "umbrella.yaml"))
        shares = [float(run_child([PYTHON, "-c", script]).output.split()[-1]) for _ in range(runs)]
        rows.append(f"| P5 idle CPU, {label} ({os.environ['SDL_VIDEODRIVER']} driver) | < 3 % | "
                    f"{min(shares) * 100:.2f} % | {statistics.median(shares) * 100:.2f} % | — | "
                    f"bare window {statistics.median(bare) * 100:.2f} % | {runs} |")
    return rows


# --- P6 peak memory -------------------------------------------------------------------------------

MEMORY_GAME = """
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
