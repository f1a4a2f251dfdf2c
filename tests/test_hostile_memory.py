"""Dense and broken files of every shape (benchmarks/hostile_inputs.py) get located diagnostics.

Timing and memory figures belong to benchmarks/bench_hostile.py; here each shape is loaded on both
parser back ends and must give the diagnostic its kind calls for, at a line and column that point
into the file. One slow test checks, in a fresh process, that peak memory stays a small multiple
of the file for each dense shape.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import hostile_inputs as hostile
from game.loader import load_scene
from game.yamlpos import SourceMap
from game.yamlsrc import PARSERS, parse

ROOT = Path(__file__).resolve().parent.parent

# kind -> (size in bytes, the code of the first diagnostic, text found at that diagnostic's place;
# "" for the value cap, which stops at whichever value passes it)
EXPECTED = {
    "tiny mappings": (100_000, "MOT002", ""),
    "tiny block mappings": (100_000, "MOT002", ""),
    "tiny lists": (100_000, "MOT002", ""),
    "empty mappings and lists": (100_000, "MOT002", ""),
    "many scalars": (100_000, "MOT002", ""),
    "many keys in one mapping": (100_000, "MOT002", ""),
    "nesting 60 deep, line after line": (100_000, "MOT002", ""),
    "alias chain": (100_000, "MOT009", "*a"),
    "alias fan (bomb)": (100_000, "MOT009", "*a"),
    "many aliases of one mapping": (200_000, "MOT009", "*m"),
    "tiny valid nodes": (100_000, "MOT002", ""),
    "broken references": (100_000, "MOT201", "gone0"),
    "unknown fields in every node": (60_000, "MOT102", "colour"),
    "duplicate keys": (100_000, "MOT008", "a: 1"),
}


def _at(text: str, line: int, column: int) -> str:
    return text.splitlines()[line - 1][column - 1:]


def test_every_kind_is_covered():
    assert set(EXPECTED) == set(hostile.KINDS)


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_hostile_shape_gets_a_located_diagnostic(kind, yaml_backend, tmp_path):
    size, code, found_there = EXPECTED[kind]
    path = tmp_path / "hostile.yaml"
    text = hostile.KINDS[kind](size)
    path.write_text(text, encoding="utf-8")
    diagnostics = load_scene(str(path)).diagnostics
    first = diagnostics[0]
    assert (first.file, first.code) == (str(path), code), [d.format() for d in diagnostics[:3]]
    there = _at(text, first.line, first.column)
    assert there.startswith(found_there) and there[:1] not in ("", " "), first.format()  # on a value
    assert len(diagnostics) <= 101 and all(d.line >= 1 and d.column >= 1 for d in diagnostics)


def test_many_broken_references_are_each_placed_at_their_next(yaml_backend, monkeypatch):
    from game import yamlpos

    monkeypatch.setattr(yamlpos, "COMPRESS_FROM", 1000)  # as for a file over a megabyte: kept compressed
    text = hostile.broken_references(120_000)
    diagnostics = load_scene("refs.yaml", text=text).diagnostics
    assert [d.code for d in diagnostics] == ["MOT201"] * 100 + ["MOT014"]
    for index, diagnostic in enumerate(diagnostics[:100]):
        assert _at(text, diagnostic.line, diagnostic.column) == f"gone{index}"


def test_duplicate_keys_name_the_line_of_the_first(yaml_backend):
    text = "a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n" + "a: 2\n"
    messages = [d.message for d in load_scene("dup.yaml", text=text).diagnostics]
    assert "'c': it is already set on line 3" in messages[0] and "'a': it is already set on line 1" in messages[1]


def test_duplicate_alias_keys_name_the_line_of_the_first(yaml_backend):
    text = "x: &k name\nm:\n  *k : 1\n  name: 2\n"
    message = load_scene("dup.yaml", text=text).diagnostics[0].message
    assert "'name': it is already set on line 3" in message


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_positions_read_again_match_for_compressed_and_plain_text(parser, monkeypatch):
    from game import yamlpos

    text = hostile.broken_references(120_000)
    paths = [("nodes", f"n{i}", "next") for i in range(0, 900, 331)] + [("nodes", "n5"), (), ("nope", 3)]
    plain = SourceMap(text, PARSERS[parser])
    monkeypatch.setattr(yamlpos, "COMPRESS_FROM", 1000)
    compressed = SourceMap(text.encode(), PARSERS[parser])
    assert compressed._compressed and not plain._compressed
    compressed.prepare(paths)
    plain.prepare(paths)
    for path in paths:
        assert compressed.value(path) == plain.value(path) and compressed.key(path) == plain.key(path)
    assert compressed.value(("nodes", "n662", "next")) == (15 + 4 * 662, 11)
    assert compressed.value(("nope", 3)) == (1, 1)


def test_positions_into_aliases_and_merges_fall_back_to_what_is_written(yaml_backend):
    text = "base: &b {x: 1, y: [1, 2]}\nuse: *b\nmerged:\n  <<: *b\n  z: 3\nlist:\n  - *b\n  - q\n"
    data, source = parse(text, "a.yaml")
    assert data["merged"]["x"] == 1
    assert source.value(("use", "y", 1)) == (2, 6)  # inside an alias: the alias
    assert source.value(("merged", "x")) == (4, 3)  # a merged key: the mapping
    assert source.key(("merged", "z")) == (5, 3) and source.value(("merged", "z")) == (5, 6)
    assert source.value(("list", 1)) == (8, 5) and source.value(("list", 0, "x")) == (7, 5)
    assert source.value(("base", "y", 1)) == (1, 24) and source.value(()) == (1, 1)


MEMORY_PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
from game.loader import load_scene
def high_water():  # VmHWM starts afresh at exec (ru_maxrss would carry the parent's peak over)
    return next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:"))
before = high_water()
codes = sorted({d.code for d in load_scene(sys.argv[2]).diagnostics})
print(codes, high_water() - before)
"""


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads VmHWM from /proc")
@pytest.mark.parametrize("kind", ["tiny mappings", "tiny lists", "many keys in one mapping", "tiny valid nodes",
                                  "nesting 60 deep, line after line", "unknown fields in every node"])
def test_peak_memory_of_each_dense_shape_stays_a_small_multiple_of_the_file(kind, tmp_path):
    path = tmp_path / "dense.yaml"
    path.write_text(hostile.KINDS[kind](4_000_000), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(ROOT), str(path)], capture_output=True,
                          text=True, timeout=600)
    codes, grown = done.stdout.rsplit(" ", 1)
    assert "MOT002" in codes, done.stderr
    # 10x at 4 MB: a few fixed megabytes (the font's coverage table, hint tables) weigh on a small file;
    # at 20 MB every shape peaks at 3-9x (BENCHMARKS.md, "Hostile input").
    assert int(grown) < 10 * path.stat().st_size, f"grew {int(grown) / 1e6:.0f} MB for a 4 MB file"
