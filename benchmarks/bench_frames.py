"""P3: dialogue frames actually drawn at 1920x1080, each ÷ a floor from the same run (run by bench_ui.py).

Each case is a real sequence of frames driven by the game's own loop step, timed inside ``App.draw`` (the
frame drawn and flipped) against a fill plus blits of the very text surfaces each frame shows, pre-rendered,
and the flip. See bench_ui.py's docstring for the rows.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks.harness import ROOT

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


class Loop:
    """Key presses as fast as ``Window.loop`` takes them: one key event a loop iteration, and before each, when
    the step before left nothing moving, the loop's one piece of idle work (``elif self.stack.top.idle()``)."""

    def __init__(self, app) -> None:
        self.app = app
        self.moving = False
        self.longest = 0.0  # CPU seconds of the longest idle piece: how long a key press can wait behind one

    def step(self, events: list) -> None:
        self.moving = self.app.step(events)

    def press(self, code: int) -> list:
        """A key press as the loop takes it: an idle piece, the key down, an idle piece, the key up."""
        import pygame

        return [IdlePiece(self), lambda: self.step([_event(pygame.KEYDOWN, code)]),
                IdlePiece(self), lambda: self.step([_event(pygame.KEYUP, code)])]


class IdlePiece(Between):
    """The loop's one piece of idle work before an iteration's events (none while something moves)."""

    def __init__(self, loop: Loop) -> None:
        super().__init__(loop.app)
        self.loop = loop

    def __call__(self) -> None:
        if not self.loop.moving:
            start = time.process_time()
            self.app.stack.top.idle()
            self.loop.longest = max(self.loop.longest, time.process_time() - start)


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
        loop = Loop(app)

        def restart(loop: Loop = loop) -> None:
            app.start_scene(scene)
            loop.step([])  # the loop's first step: the screen catches up with the run, then draws

        restart()
        keys = []
        for _ in range(16):  # the keys a player presses through the scene: Space, or 1 at a decision
            if app.run.view(language).kind == "ending":
                break
            code = pygame.K_1 if app.screen.deciding else pygame.K_SPACE
            keys.append(code)
            app.screen.handle_key(_event(pygame.KEYDOWN, code))
        fastest = [step for code in keys for step in loop.press(code)]
        result = _case(app, restart, fastest, runs)
        rows.append((f"text shown at once (text speed instant): {len(keys)} key presses from the scene's start "
                     "as fast as the loop takes them, one key event a loop iteration, the loop's one idle piece "
                     "before each when nothing moves (painting ahead a person or face the next step may show; "
                     f"the longest piece {loop.longest * 1000:.1f} ms of CPU) ({language})", result))
        reading = [step for code in keys for step in [Between(app)] + _press(app, code)]  # read, then press
        rows.append((f"the same {len(keys)} key presses, the player reading between them: the loop's idle work "
                     "(painting ahead the people and faces, and rendering ahead the texts, the next step may show) "
                     "runs between presses, "
                     f"untimed ({language})", _case(app, restart, reading, runs)))
        presses = [step for code in keys for step in _press(app, code)]
        rows.append((f"reference, not a sequence the loop runs: the same {len(keys)} key presses stepped back to back "
                     "with no loop iteration between (Window.loop always takes an idle piece between them when "
                     f"nothing moves), so the people and faces are painted in the frames ({language})",
                     _case(app, restart, presses, runs), "—"))
    rows += _ambient_rows(app, runs)  # at the normal text speed
    app.update_settings(text_speed="normal")
    pygame.quit()
    return ["", P3_HEADER] + [row if isinstance(row, str) else _frame_row(*row) for row in rows]


def _ambient_rows(app, runs: int) -> list:
    """Frames that move with no input: the rain falling (the umbrella scene, once it rains) and a phone call's
    voice and timer (insurance_840), a second of loop steps at 60 frames a second."""
    import pygame

    from game.ui.driver import FRAME, finish_line, key

    rows = []
    for file, label in (("umbrella.yaml", "the rain falling behind the glass"),
                        ("insurance_840.yaml", "a phone call: the caller's voice and the call timer")):
        app.update_settings(language="en", text_speed="normal")
        app.start_scene(str(ROOT / "scenes" / file))
        finish_line(app)
        for _ in range(60):  # on to the first node whose picture moves
            screen = app.screen
            screen.picture.touch()
            if screen.picture.animating(app):
                break
            key(app, pygame.K_1 if screen.deciding else pygame.K_SPACE)
            finish_line(app)
        else:
            raise RuntimeError(f"nothing moves in {file}")

        def moving_again(screen=app.screen) -> None:
            screen.picture.touch()  # input a moment ago: the ambient motion runs for a few seconds
            app.draw()

        rows.append((f"{label}, 60 loop steps of 1/60 s with no input (en)",
                     _case(app, moving_again, [lambda: app.step([], FRAME)] * 60, runs)))
    return rows


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


def _frame_row(label: str, result: dict, goal: str = "≤ 1.5") -> str:
    cpu, wall = result["cpu"], result["wall"]
    (mine, base) = result["last"]
    frames = max(1, result["frames"])
    ahead = (f" (and {result['ahead']} painted ahead between frames, {result['idle'] * 1000:.0f} ms of CPU, "
             "not in the timings)") if result["ahead"] else ""
    return (f"| P3 {label}: {frames} frames, the still layer composed {result['rebuilds']} times, "
            f"{result['paintings']} backdrops or people painted in frames{ahead}, {result['texts']:.0f} texts a frame"
            f" | {goal} | "
            f"**{min(cpu):.2f}** / **{statistics.median(cpu):.2f}** | {min(wall):.2f} / "
            f"{statistics.median(wall):.2f} | {statistics.median(result['step']):.2f} | "
            f"{mine[0] / frames * 1000:.2f} ms ÷ {base[0] / frames * 1000:.2f} ms | {len(cpu)} |")
