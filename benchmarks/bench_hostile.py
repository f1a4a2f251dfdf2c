"""Cost of hostile input: CPU seconds per MB and peak memory for each class of bad file.

Each case runs in its own process (so peak memory is its own). The floor, measured in the same run,
is loading a valid generated scene of about the same size: hostile files should cost no more per MB
than real ones, and never more than a second per MB. Then every shape from
``benchmarks/hostile_inputs.py`` is written at ``--mb`` megabytes (default 20) and measured the
same way, with its peak memory as a multiple of the file's size.

    python benchmarks/bench_hostile.py [SCRATCH_FOLDER] [--mb 20] [--only dense]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from benchmarks.hostile_inputs import KINDS  # noqa: E402

PROBE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from game.loader import load_scene
from game.storage import read_json
path = Path(sys.argv[2])
def high_water():  # VmHWM starts afresh at exec; ru_maxrss would carry the parent's peak over
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
before = high_water()
start = time.process_time()
if path.suffix == ".json":
    result = read_json(path)
    codes = ["set aside"] if result.problem else ["read"]
else:
    codes = sorted({d.code for d in load_scene(str(path)).diagnostics}) or ["ok"]
seconds = time.process_time() - start
print(json.dumps({"seconds": seconds, "before": before, "peak": high_water(), "codes": codes}))
"""

CHINESE = "顾客服务关键时刻" * 500


def _broken_references(count: int, aliased: bool = False) -> str:
    """A scene of ``count`` short nodes whose ``next`` is missing; ``aliased``: one text shared by aliases."""
    scene = generate(10)
    scene["nodes"] = {f"n{i}": {"speaker": "customer", "next": f"gone{i}",
                                "text": {"en": "Customer line, a sentence of ordinary length.",
                                         "zh": "顾客的话，一句普通长度的句子。"}} for i in range(count)}
    if aliased:
        shared = scene["nodes"]["n0"]["text"]
        for node in scene["nodes"].values():
            node["text"] = shared  # yaml writes `&id001` once, then `*id001`: 68 bytes a node
    return yaml.safe_dump(scene, allow_unicode=True, sort_keys=False)


def corpus(folder: Path) -> dict[str, Path]:
    """Write one file per class of hostile input; returns name -> path."""
    cases = {
        "valid generated scene (floor)": yaml.safe_dump(generate(1200), allow_unicode=True, sort_keys=False,
                                                         width=1000),
        "sexagesimal number, 800 KB": "x: " + ":".join(["1"] * 400_000) + "\n",
        "aliases of a long Chinese string, 375 KB": f"a: &s {CHINESE}\nb:\n" + "- *s\n" * 75_000,
        "aliases of a long Chinese string, 1.5 MB": f"a: &s {CHINESE}\nb:\n" + "- *s\n" * 300_000,
        "many small items, 28 MB": "x:\n" + "- 1\n" * 7_000_000,
        "densest flow list, 2 MB": "x: [" + "1," * 1_000_000 + "1]\n",
        "flow mapping, 2 MB": "x: {" + ",".join(f"k{i}: 1" for i in range(200_000)) + "}\n",
        "1,000,010 duplicate keys, 5 MB": "a: 1\n" * 1_000_010,
        "bad tagged values, 2 MB": "".join(f"k{i}: !!int abc\n" for i in range(130_000)),
        "integer of 1 MB of digits": "x: " + "7" * 1_000_000 + "\n",
        "keys with control characters, 2 MB": "".join(f'"k{i}\\e[2J\\n": 1\n' for i in range(150_000)),
        "one 10 MB string": "x: " + "a" * 10_000_000 + "\n",
        "deep flow nesting, 1 MB": "x: " + "[" * 500_000 + "]" * 500_000 + "\n",
        "20,000 nodes whose next is missing": _broken_references(20_000),
        "20,000 such nodes sharing one aliased text": _broken_references(20_000, aliased=True),
    }
    paths = {}
    for index, (name, text) in enumerate(cases.items()):
        paths[name] = folder / f"case{index}.yaml"
        paths[name].write_text(text, encoding="utf-8")
    saves = {
        "current.json nested 5,000,000 deep (10 MB)": b"[" * 5_000_000 + b"]" * 5_000_000,
        "current.json with a 5 MB number": b'{"scene_path": ' + b"9" * 5_000_000 + b"}",
        "history.json of 100,000 entries (8 MB)": json.dumps([{"scene": "x", "score": 1}] * 100_000).encode(),
    }
    for index, (name, raw) in enumerate(saves.items()):
        paths[name] = folder / f"save{index}.json"
        paths[name].write_bytes(raw)
    return paths


def measure(path: Path) -> dict:
    """Run the probe on one file in a fresh process."""
    done = subprocess.run([sys.executable, "-c", PROBE, str(ROOT), str(path)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def dense_corpus(folder: Path, megabytes: float) -> dict[str, Path]:
    """One file of ``megabytes`` per shape of benchmarks/hostile_inputs.py; returns name -> path."""
    paths = {}
    for index, (name, kind) in enumerate(KINDS.items()):
        paths[name] = folder / f"dense{index}.yaml"
        paths[name].write_text(kind(int(megabytes * 1_048_576)), encoding="utf-8")
    return paths


def _row(name: str, path: Path, floor: float | None) -> float:
    size = path.stat().st_size  # before: a bad save is renamed when read
    megabytes = size / 1_048_576
    found = measure(path)
    per_mb = found["seconds"] / megabytes
    floor = per_mb if floor is None else floor
    codes = ", ".join(found["codes"][:3]) + (", ..." if len(found["codes"]) > 3 else "")
    print(f"| {name} | {megabytes:.2f} MB | {codes} | {found['seconds']:.2f} | {per_mb:.2f} | "
          f"{per_mb / floor:.2f} | {found['peak'] / 1_048_576:.0f} MB ({found['before'] / 1_048_576:.0f} MB) | "
          f"{found['peak'] / size:.1f} ({(found['peak'] - found['before']) / size:.1f}) |", flush=True)
    return per_mb


def main() -> int:
    """Write the corpus, measure each file and print a Markdown table."""
    args = sys.argv[1:]
    megabytes, only = 20.0, ""
    if "--mb" in args:
        megabytes = float(args.pop(args.index("--mb") + 1))
        args.remove("--mb")
    if "--only" in args:
        only = args.pop(args.index("--only") + 1)
        args.remove("--only")
    folder = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    print("| input | size | result | CPU s | s per MB | vs valid scene per MB | peak memory (at start) | "
          "peak ÷ file (growth ÷ file) |")
    print("|---|---|---|---|---|---|---|---|")
    floor_path = folder / "floor.yaml"
    floor_path.write_text(yaml.safe_dump(generate(1200), allow_unicode=True, sort_keys=False, width=1000),
                          encoding="utf-8")
    floor = _row("valid generated scene (floor)", floor_path, None)
    if only != "dense":
        for name, path in corpus(folder).items():
            if "(floor)" not in name:
                _row(name, path, floor)
    for name, path in dense_corpus(folder, megabytes).items():
        _row(f"{name}, {megabytes:g} MB", path, floor)
        path.unlink()  # tens of megabytes each
    return 0


if __name__ == "__main__":
    sys.exit(main())
