"""Desktop-game benchmarks on the real entry points, each against a floor from the same run.

    python benchmarks/bench_ui.py [--runs N] [--only P3,P4,P5,P6]

* P3 dialogue frames actually drawn at 1920x1080, each after a change (a line being revealed, the
  selection moving, the meter moving after a choice, text shown at once a key press at a time),
  driven by the game's own loop step; the time inside ``App.draw`` (the frame drawn and flipped)
  ÷ a fill plus blits of the very text surfaces each frame shows, pre-rendered, and the flip.
  Frames whose still layer is composed again count where they happen (and are also reported
  alone); a column gives the whole loop step (input, engine, saves and drawing) ÷ the same floor.
  One sequence lets the loop idle between key presses, as while a player reads: the idle work done
  there (painting ahead the faces and rendering ahead the texts the next step may show) is not in
  any frame; it is run untimed and its CPU time and paintings are reported in the row;
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
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import HEADER, PYTHON, ROOT, paired, run_child  # noqa: E402

PAIRS_PER_RUN = 3  # pairs of blocks (the frames, then their floor) per --runs
P3_HEADER = ("| measure | goal | App.draw ÷ floor, CPU min / median | wall min / median | whole loop step ÷ floor, "
             "CPU median | App.draw ÷ floor a frame, CPU | pairs |\n|---|---|---|---|---|---|---|")


# --- P3 frames ------------------------------------------------------------------------------------
#
# A case is a real sequence of frames: ``setup`` (not timed) brings the play screen to where the
# sequence starts, then each frame is one step of the game's own loop (``App.step``: input, the
# screen's update, its draw and the flip) in which something on screen changed. The floor of each
# frame is a fill of the window plus one blit of each text surface that frame shows (all of them, as
# a whole composition draws them, pre-rendered) and the flip. A block times the whole sequence, so
# frames where the still layer is composed again count at the rate they really happen.


def _event(kind: int, code: int):
    import pygame

    return pygame.event.Event(kind, key=code, mod=0, unicode="", scancode=0)


def _press(app, code: int) -> list:
    """A key press as two loop steps (down, then up), the way the driver and a player send it."""
    import pygame

    return [lambda: app.step([_event(pygame.KEYDOWN, code)]), lambda: app.step([_event(pygame.KEYUP, code)])]


class Between:
    """Not a frame: what the loop does between frames while nothing moves (a player reading), untimed on
    our side and reported apart (the work it does, e.g. painting a face ahead, is not in any frame)."""

    def __init__(self, app) -> None:
        self.app = app

    def __call__(self) -> None:
        while self.app.stack.top.idle():  # the loop's idle step, as often as it finds work before input comes
            pass


def _shown_texts(app) -> list:
    """Every text surface the current frame shows, from a whole composition on a scratch surface."""
    import pygame

    drawn = []
    render = app.book.render

    def recording(*args, **kwargs):
        surface = render(*args, **kwargs)
        drawn.append(surface)
        return surface

    app.book.render = recording
    try:
        app.screen.draw(pygame.Surface(app.surface.get_size()))  # not the window: composed whole
    finally:
        app.book.render = render
    # each surface once: a text asked for twice (the meter's label is also asked for its height, to place
    # the bar) is shown once; a text really drawn twice then counts once, which only lowers the floor
    return list({id(surface): surface for surface in drawn}.values())


def _floor(surface, fill, frames: list) -> None:
    """The floor of a sequence: per frame a fill, each of its texts blitted once, and the flip."""
    import pygame

    for texts in frames:
        surface.fill(fill)
        for index, text in enumerate(texts):
            surface.blit(text, ((index * 97) % 1700, (index * 53) % 1000))
        pygame.display.flip()


def _timed(action) -> tuple[float, float]:
    """CPU and wall seconds of ``action``."""
    cpu, wall = time.process_time(), time.perf_counter()
    action()
    return time.process_time() - cpu, time.perf_counter() - wall


def _case(app, setup, frames: list, runs: int) -> dict:
    """Time ``frames`` after ``setup`` against their floor, in alternating blocks.

    A step that draws nothing (the line already revealed, a key release) still counts on our side;
    only the frames it drew get a floor frame.
    """
    setup()
    screen = app.screen
    rebuilds, paintings, ahead = screen.still.rebuilds, screen.picture.paintings, 0
    shown = []
    draw = app.draw
    drawn = [0]

    def counting() -> None:
        drawn[0] += 1
        draw()

    app.draw = counting  # which steps draw a frame
    try:
        for frame in frames:
            before, painted = drawn[0], screen.picture.paintings
            frame()
            if isinstance(frame, Between):
                ahead += screen.picture.paintings - painted
            if drawn[0] > before:  # the texts this frame shows, for its floor
                shown.append(_shown_texts(app))
    finally:
        del app.draw
    rebuilds, paintings = screen.still.rebuilds - rebuilds, screen.picture.paintings - paintings - ahead

    spent = [0.0, 0.0]  # CPU and wall seconds inside App.draw (the frame drawn and flipped)

    def timed_draw() -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        draw()
        spent[0] += time.process_time() - cpu
        spent[1] += time.perf_counter() - wall

    between = [0.0]  # CPU seconds of the idle work between frames (not ours to time: no frame is drawn)

    def ours() -> None:
        app.draw = timed_draw
        try:
            for frame in frames:
                if isinstance(frame, Between):
                    between[0] -= time.process_time()
                    frame()
                    between[0] += time.process_time()
                else:
                    frame()
        finally:
            del app.draw

    def floor() -> None:
        _floor(app.surface, app.theme.palette.background, shown)

    cpu, wall, step, idle = [], [], [], []
    for index in range(runs * PAIRS_PER_RUN + 1):
        setup()
        spent[:] = [0.0, 0.0]
        between[0] = 0.0
        whole = _timed(ours)
        base = _timed(floor)
        if index:  # the first pair warms up
            cpu.append(spent[0] / base[0])
            wall.append(spent[1] / base[1])
            step.append((whole[0] - between[0]) / base[0])
            idle.append(between[0])
            last = ((spent[0], spent[1]), base)
    return {"cpu": cpu, "wall": wall, "step": step, "frames": len(shown), "rebuilds": rebuilds,
            "paintings": paintings, "ahead": ahead, "idle": statistics.median(idle),
            "texts": sum(len(texts) for texts in shown) / max(1, len(shown)), "last": last}


def _at_decision(app, language: str, options: int = 4) -> None:
    """Bring the run to a decision of at least ``options`` options (taking the first option at the
    decisions before it), its options up and nothing selected."""
    import pygame

    from game.ui.driver import finish_line, key

    for _ in range(200):
        screen = app.screen
        if screen.deciding:  # the options are up
            if len(screen.view.choices) >= options:
                break
            key(app, getattr(pygame, f"K_{screen.buttons[0].action.number}"))
        else:
            key(app, pygame.K_SPACE)
        finish_line(app)
    else:
        raise RuntimeError(f"no decision of {options} options reached")
    app.screen.focus = None
    app.screen.layout()
    app.draw()


def frame_rows(runs: int, saves: Path) -> list[str]:
    """P3: a line revealed, lines shown at once, the selection moving, a choice, a new still layer alone."""
    import pygame

    from game.ui.app import App
    from game.ui.driver import FRAME, finish_line

    app = App(size=(1920, 1080), saves_folder=saves)
    scene = str(ROOT / "scenes" / "tutorial.yaml")
    rows = []
    for language in ("en", "zh"):
        app.update_settings(language=language, text_speed="normal")
        app.start_scene(scene)
        finish_line(app)
        screen = app.screen

        def new_line(screen=screen) -> None:  # the first line shown again: its reveal restarts, its layer is new
            screen.shown_key = None
            screen.still.forget()

        new_line()
        screen._sync()
        frames = 2 + int(screen._page_chars() / app.settings.characters_per_second / FRAME)
        rows.append((f"a line revealed at {app.settings.characters_per_second:.0f} characters/s ({language}), "
                     "from the frame that shows it", _case(app, new_line, [lambda: app.step([], FRAME)] * frames,
                                                          runs)))
        _at_decision(app, language)
        moves = [step for _ in range(6) for step in _press(app, pygame.K_DOWN)]
        rows.append((f"a decision of {len(screen.view.choices)} options, the selection moving ({language})",
                     _case(app, lambda language=language: _at_decision(app, language), moves, runs)))
        if language == "en":
            def back_to_decision(screen=screen) -> None:
                if screen.coaching is not None:
                    screen.undo()
                _at_decision(app, "en")

            settle = int(abs(app.run.program.meter_max - app.run.program.meter_min) / 6 / FRAME)
            choice = _press(app, pygame.K_1) + [lambda: app.step([], FRAME)] * settle
            rows.append(("a choice: the coaching card appears, the meter moves to its new value and the next "
                         "line is revealed (en)",
                         _case(app, back_to_decision, choice, runs)))
            def line_nearly_revealed(screen=screen) -> None:
                back_to_decision()
                screen.revealed = screen._page_chars() - 0.5
                screen.layout()  # the options are not up yet
                app.draw()

            rows.append(("the line's last character shown, so the options appear: the panels are composed "
                         "again over the same picture (en)", _case(app, line_nearly_revealed,
                                                                  [lambda: app.step([], FRAME)], runs)))
            rows.append(("a frame whose still layer is composed whole, the picture already painted (en)",
                         _case(app, screen.still.forget, [lambda: app.draw()], runs)))
            rows.append(_bare_row(app, runs))
        app.update_settings(text_speed="instant")

        def restart() -> None:
            app.start_scene(scene)
            app.step([], FRAME)  # the loop's first step: the screen catches up with the run, then draws

        restart()
        keys = []
        for _ in range(16):  # the keys a player presses through the scene: Space, or 1 at a decision
            if app.run.view(language).kind == "ending":
                break
            code = pygame.K_1 if app.screen.deciding else pygame.K_SPACE
            keys.append(code)
            app.screen.handle_key(_event(pygame.KEYDOWN, code))
        presses = [step for code in keys for step in _press(app, code)]
        rows.append((f"text shown at once (text speed instant): {len(keys)} key presses from the scene's start "
                     f"in a row, the art painted as the people and faces first appear ({language})",
                     _case(app, restart, presses, runs)))
        reading = [step for code in keys for step in [Between(app)] + _press(app, code)]  # read, then press
        rows.append((f"the same {len(keys)} key presses, the player reading between them: the loop's idle work "
                     "(painting ahead the people and faces, and rendering ahead the texts, the next step may show) "
                     "runs between presses, "
                     f"untimed ({language})", _case(app, restart, reading, runs)))
    app.update_settings(text_speed="normal")
    pygame.quit()
    return ["", P3_HEADER] + [row if isinstance(row, str) else _frame_row(*row) for row in rows]


def _bare_row(app, runs: int) -> str:
    """For reference, what a whole frame costs at the least: the composed picture blitted, the rounded
    rectangles of the line's box and the options, the frame's own texts and the flip, in bare pygame
    calls (no layout, no Python drawing code) ÷ the same floor: what no composition of this picture
    can go under."""
    import pygame

    screen = app.screen
    texts, scene = _shown_texts(app), screen.picture.scene
    boxes = [screen.rects["dialog"]] + [button.rect for button in screen.buttons]
    theme, palette = app.theme, app.theme.palette
    surface = app.surface

    def bare() -> None:
        surface.blit(scene, (0, 0))
        for box in boxes:
            pygame.draw.rect(surface, palette.panel, box, border_radius=theme.radius)
            pygame.draw.rect(surface, palette.panel_edge, box, palette.edge_width, border_radius=theme.radius)
        for index, text in enumerate(texts):
            surface.blit(text, ((index * 97) % 1700, (index * 53) % 1000))
        pygame.display.flip()

    ratios = []
    for index in range(runs * PAIRS_PER_RUN * 10 + 1):
        ours = _timed(bare)[0]
        base = _timed(lambda: _floor(surface, palette.background, [texts]))[0]
        if index:
            ratios.append(ours / base)
    return (f"| P3 reference: the least a whole frame costs, bare pygame calls (the composed picture blitted, "
            f"{len(boxes)} rounded boxes, the same {len(texts)} texts, the flip) ÷ the floor (en) | — | "
            f"**{min(ratios):.2f}** / **{statistics.median(ratios):.2f}** | — | — | — | {len(ratios)} |")


def _frame_row(label: str, result: dict) -> str:
    cpu, wall = result["cpu"], result["wall"]
    (mine, base) = result["last"]
    frames = max(1, result["frames"])
    ahead = (f" (and {result['ahead']} painted ahead between frames, {result['idle'] * 1000:.0f} ms of CPU, "
             "not in the timings)") if result["ahead"] else ""
    return (f"| P3 {label}: {frames} frames, the still layer composed {result['rebuilds']} times, "
            f"{result['paintings']} backdrops or people painted in frames{ahead}, {result['texts']:.0f} texts a frame"
            " | ≤ 1.5 | "
            f"**{min(cpu):.2f}** / **{statistics.median(cpu):.2f}** | {min(wall):.2f} / "
            f"{statistics.median(wall):.2f} | {statistics.median(result['step']):.2f} | "
            f"{mine[0] / frames * 1000:.2f} ms ÷ {base[0] / frames * 1000:.2f} ms | {len(cpu)} |")


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
