"""Engine-core benchmarks, each a ratio measured side by side in one run.

    python benchmarks/bench_core.py

* load: reading, validating and checking a generated 10k-node scene, against libyaml parsing the
  same file alone (``yaml.load`` with ``CSafeLoader``, the floor);
* analyze: analysis time of a 20k-node scene against a 10k-node one;
* playthroughs: headless random playthroughs per second over the shipped scenes.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from game.analysis import analyze  # noqa: E402
from game.engine import Story  # noqa: E402
from game.loader import load_scene  # noqa: E402


def _best_of(function, runs: int = 3) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return min(samples)


def write_scene(folder: Path, nodes: int) -> Path:
    """A generated scene file of about ``nodes`` nodes."""
    path = folder / f"generated_{nodes}.yaml"
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(generate(nodes), handle, allow_unicode=True, sort_keys=False, width=1000)
    return path


def load_ratio(path: Path) -> tuple[float, float, float]:
    """(our load + checks, libyaml alone, ratio)."""
    text = path.read_text(encoding="utf-8")
    ours = _best_of(lambda: load_scene(str(path)))
    floor = _best_of(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    return ours, floor, ours / floor


def analyze_ratio(small: Path, large: Path) -> tuple[float, float, float]:
    """(analyze 10k, analyze 20k, growth)."""
    program_small, program_large = load_scene(str(small)).program, load_scene(str(large)).program
    first = _best_of(lambda: analyze(program_small), runs=2)
    second = _best_of(lambda: analyze(program_large), runs=2)
    return first, second, second / first


def playthroughs_per_second(seconds: float = 3.0) -> float:
    """Random headless playthroughs per second across the shipped scenes."""
    stories = [Story(load_scene(str(p)).program) for p in sorted((ROOT / "scenes").glob("*.yaml"))]
    chooser = random.Random(1)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        story = stories[done % len(stories)]
        state = story.skip_lines(story.start())
        while story.ending(state) is None:
            state, _ = story.choose(state, chooser.randint(1, len(story.open_choices(state))))
            state = story.skip_lines(state)
        done += 1
    return done / (time.perf_counter() - start)


def main() -> int:
    """Print every measurement."""
    with tempfile.TemporaryDirectory() as folder:
        small, large = write_scene(Path(folder), 10_000), write_scene(Path(folder), 20_000)
        ours, floor, ratio = load_ratio(small)
        print(f"load+validate 10k nodes: {ours:.2f} s, libyaml alone {floor:.2f} s, ratio {ratio:.2f}")
        first, second, growth = analyze_ratio(small, large)
        print(f"analyze: 10k nodes {first:.2f} s, 20k nodes {second:.2f} s, growth {growth:.2f}")
    rate = playthroughs_per_second()
    print(f"headless random playthroughs: {rate:.0f} per second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
