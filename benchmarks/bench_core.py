"""Engine-core benchmarks on the real entry points, each a ratio against a floor from the same run.

    python benchmarks/bench_core.py [--runs N] [--sizes 1000,10000,40000] [--only P1,P2,P7] [--keep DIR]

* P1 ``python main.py validate`` of a generated scene ÷ ``yaml.load`` of the same file with libyaml
  (``CSafeLoader``) in its own process, at each size;
* P2 ``python main.py analyze`` of a 20k-node scene ÷ the same of a 10k-node one (growth), the same
  with a ``satisfaction`` condition in every other chapter, the peak memory of analysing the 40k-node
  one, and a 1k-node scene with the conditions ÷ the same scene without;
* P7 random playthroughs per second through ``game.playthrough.play`` (what ``main.py run --random``
  calls) over the shipped scenes, against the bare engine loop (the floor) in the same process, and
  against ``play()`` of the code before the P7 work (``--p7-before``, a fixed floor) in its own processes.

Scenes come from ``benchmarks/generate.py`` (about 1.8 KB of YAML per node, like the shipped ones);
``--keep DIR`` keeps them between runs.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import write  # noqa: E402
from benchmarks.harness import HEADER, PYTHON, ROOT, paired, run_child  # noqa: E402

YAML_FLOOR = ("import sys, yaml\n"
              "with open(sys.argv[1], encoding='utf-8') as f:\n"
              "    yaml.load(f, Loader=yaml.CSafeLoader)\n")


def scene(folder: Path, nodes: int, meter: bool = False) -> Path:
    """The generated scene of ``nodes`` nodes, written once per folder."""
    path = folder / f"generated_{nodes}{'_meter' if meter else ''}.yaml"
    if not path.exists():
        write(nodes, str(path), meter=meter)
    return path


def p1_validate(folder: Path, sizes: list[int], runs: int) -> list[str]:
    """validate ÷ libyaml, one row per size."""
    rows = []
    for nodes in sizes:
        path = scene(folder, nodes)
        megabytes = path.stat().st_size / 2 ** 20
        pair = paired(f"P1 validate {nodes // 1000}k nodes ({megabytes:.0f} MB) ÷ libyaml yaml.load",
                      [PYTHON, "main.py", "validate", str(path)], [PYTHON, "-c", YAML_FLOOR, str(path)],
                      runs=runs if nodes < 40_000 else max(1, runs // 2), warmup=0 if nodes >= 10_000 else 1)
        _check_clean(pair.measure[0].output, path)
        rows.append(pair.row("≤ 2.0"))
        print(rows[-1], flush=True)
        peak = max(s.peak_mb for s in pair.measure)
        floor_peak = max(s.peak_mb for s in pair.floor)
        rows.append(f"| P1 peak memory, validate {nodes // 1000}k ÷ libyaml | — | "
                    f"{peak / floor_peak:.2f} | — | {peak:.0f} MB ({peak / megabytes:.1f}× the file) | "
                    f"{floor_peak:.0f} MB | {len(pair.measure)} |")
        print(rows[-1], flush=True)
    return []


def _check_clean(output: str, path: Path) -> None:
    if "error" in output and "0 error(s)" not in output:
        raise RuntimeError(f"{path} does not validate:\n{output[-1500:]}")


def p2_analyze(folder: Path, runs: int) -> list[str]:
    """analyze 20k ÷ analyze 10k; peak memory at 40k; meter conditions at 1k."""
    small, large = scene(folder, 10_000), scene(folder, 20_000)
    pair = paired("P2 analyze 20k ÷ analyze 10k", [PYTHON, "main.py", "analyze", str(large)],
                  [PYTHON, "main.py", "analyze", str(small)], runs=runs, warmup=0)
    rows = [pair.row("≤ 2.2")]
    print(rows[-1], flush=True)
    for label, sample in (("10k", pair.floor[0]), ("20k", pair.measure[0])):
        if "error" in sample.output:
            rows.append(f"| P2 analyze {label} failed: {sample.output.strip()[-200:]} | | | | | | |")
    biggest = run_child([PYTHON, "main.py", "analyze", str(scene(folder, 40_000))])
    rows.append(f"| P2 analyze 40k nodes, peak memory | ≤ 600 MB | — | — | {biggest.peak_mb:.0f} MB "
                f"({biggest.cpu:.1f} s CPU) | — | 1 |")
    print(rows[-1], flush=True)
    meter_growth = paired("P2 analyze 20k ÷ 10k, `satisfaction` gates in every other chapter",
                          [PYTHON, "main.py", "analyze", str(scene(folder, 20_000, meter=True))],
                          [PYTHON, "main.py", "analyze", str(scene(folder, 10_000, meter=True))], runs=runs, warmup=0)
    rows.append(meter_growth.row("≤ 2.2"))
    print(rows[-1], flush=True)
    plain, metered = scene(folder, 1_000), scene(folder, 1_000, meter=True)
    meter_pair = paired("P2 analyze 1k with `satisfaction` conditions ÷ without",
                        [PYTHON, "main.py", "analyze", str(metered)], [PYTHON, "main.py", "analyze", str(plain)],
                        runs=max(1, runs // 2), warmup=0)
    rows.append(meter_pair.row("—"))
    rows.append(f"|   states: {_states(meter_pair.measure[0].output)} with, {_states(meter_pair.floor[0].output)} "
                f"without | | | | | | |")
    print("\n".join(rows[-2:]), flush=True)
    return []


def _states(output: str) -> str:
    first = output.strip().splitlines()[0] if output.strip() else ""
    return first.rsplit(",", 1)[-1].strip() if "states" in first else first[:120]


def p7_playthroughs(runs: int, seconds: float = 1.0) -> list[str]:
    """play() per second against the bare engine loop, each over ``seconds``, ``runs`` times in turn.

    Seconds of this process's CPU time (``time.process_time``), not wall time: on a shared machine a
    one-second window of wall time is mostly other jobs' turns, which told the two sides apart more
    than their code did.
    """
    from game.engine import Story
    from game.loader import load_scene
    from game.playthrough import play

    paths = sorted((ROOT / "scenes").glob("*.yaml"))
    programs = [load_scene(str(p)).program for p in paths]
    stories = [Story(p) for p in programs]
    seeds = itertools.count()  # every run a new seed: no window replays the runs of another

    def play_path(programs: list = programs, seconds: float = seconds) -> float:
        done, start = 0, time.process_time()
        while time.process_time() - start < seconds:
            play(programs[done % len(programs)], None, seed=next(seeds))
            done += 1
        return done / (time.process_time() - start)

    def engine_loop() -> float:
        chooser, done, start = random.Random(1), 0, time.process_time()
        while time.process_time() - start < seconds:
            story = stories[done % len(stories)]
            state = story.skip_lines(story.start())
            while story.ending(state) is None:
                state, _ = story.choose(state, chooser.randint(1, len(story.open_choices(state))))
                state = story.skip_lines(state)
            done += 1
        return done / (time.process_time() - start)

    # The first tenth of a second of freshly loaded programs, before play() has kept any move or debrief
    # entry (game.program.Program.moves): what a first `run --random` pays.
    cold = [play_path([load_scene(str(p)).program for p in paths], 0.1) for _ in range(runs)]
    play_path(), engine_loop()  # warm-up
    ours, floor = [], []
    for _ in range(runs):
        ours.append(play_path())
        floor.append(engine_loop())
    ratios = [a / b for a, b in zip(ours, floor, strict=True)]
    return [f"| P7 random playthroughs/s through play(), a new seed every run | ≥ 10,000/s | {min(ours):,.0f}/s | "
            f"{statistics.median(ours):,.0f}/s | play ÷ engine loop {statistics.median(ratios):.2f} | "
            f"engine loop {statistics.median(floor):,.0f}/s | {runs} |",
            f"| P7 the first 0.1 s of CPU of freshly loaded scenes (nothing kept yet) | — | {min(cold):,.0f}/s | "
            f"{statistics.median(cold):,.0f}/s | — | — | {runs} |"]


# P7's before-and-after pair: main just before the playthrough work (2026-12-02); its game/ is
# extracted with `git archive` and timed in its own processes, A B A B, on the same scenes.
P7_BEFORE = "4144af0"
PLAY_RATE = """
import sys, time
from pathlib import Path
tree, scenes, seconds = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
sys.path.insert(0, tree)
from game.loader import load_scene
from game.playthrough import play
programs = [load_scene(str(p)).program for p in sorted(scenes.glob('*.yaml'))]
def rate():
    done, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        play(programs[done % len(programs)], None, seed=done)
        done += 1
    return done / (time.process_time() - start)
rate()
print(rate())
"""


def p7_before_after(runs: int, before: str, seconds: float = 1.0) -> list[str]:
    """play() per CPU second in this checkout ÷ the same at the commit ``before``, each in its own process."""
    with tempfile.TemporaryDirectory() as old_tree:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", before, "game"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", old_tree], input=archive, check=True)
        scenes = str(ROOT / "scenes")
        now, then = [], []
        for _ in range(runs):
            for tree, rates in ((str(ROOT), now), (old_tree, then)):
                rates.append(float(run_child([PYTHON, "-c", PLAY_RATE, tree, scenes, str(seconds)]).output))
    ratios = [a / b for a, b in zip(now, then, strict=True)]
    return [f"| P7 play() now ÷ play() at {before} (before this work), own processes | — | "
            f"{min(ratios):.2f} / {statistics.median(ratios):.2f} | — | now {statistics.median(now):,.0f}/s | "
            f"then {statistics.median(then):,.0f}/s | {runs} |"]


def main() -> int:
    """Print the rows of every measure asked for."""
    parser = argparse.ArgumentParser(description="engine-core benchmarks")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,40000")
    parser.add_argument("--only", default="P1,P2,P7")
    parser.add_argument("--keep", help="folder for the generated scenes (kept between runs)")
    parser.add_argument("--p7-before", default=P7_BEFORE, help="commit whose play() P7 compares with ('' skips)")
    args = parser.parse_args()
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(args.keep or temporary)
        folder.mkdir(parents=True, exist_ok=True)
        print(HEADER)
        if "P1" in only:  # each row is printed as soon as it is measured (big scenes take minutes)
            p1_validate(folder, [int(s) for s in args.sizes.split(",")], args.runs)
        if "P2" in only:
            p2_analyze(folder, args.runs)
        if "P7" in only:
            print("\n".join(p7_playthroughs(args.runs)), flush=True)
            if args.p7_before:
                print("\n".join(p7_before_after(args.runs, args.p7_before)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
