"""Hostile scene files: every class of bad input gets located diagnostics, never a traceback or a hang.

Each test stands for a class (tags, numbers, cost, size, file kinds, terminal output, anchors, names);
the examples are the ones that used to crash, hang or mislead, plus neighbours of each.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from game import yamlsrc
from game.scenes import find_scene_files
from game.cli import main
from game.diagnostics import Diagnostic, cap_diagnostics, escape_controls
from game.loader import load_scene
from game.scenes import NewSceneError, create_scene
from tests.conftest import linear_scene

ROOT = Path(__file__).resolve().parent.parent
VALID = yaml.safe_dump(linear_scene([("explore", 2), ("confirm", 1)]), sort_keys=False)


def _codes(loaded):
    return [d.code for d in loaded.diagnostics]


def _with(field_line: str) -> str:
    """The valid scene with its `mood: 0` line replaced (so the problem sits at a known line)."""
    assert "  mood: 0\n" in VALID
    return VALID.replace("  mood: 0\n", f"  {field_line}\n")


def _line_of(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if fragment in line)


# --- explicit tags and malformed typed values -----------------------------------------------------

BAD_TAGGED = [
    "mood: !!int abc", "mood: !!int 0x", "mood: !!int ''", "mood: !!int 0b", "mood: !!int 1.5",
    "mood: !!bool maybe", "mood: !!bool ''", "mood: !!float ''", "mood: !!float abc", "mood: !!float .",
    "mood: !!null abc", "mood: !<tag:yaml.org,2002:int> x1", "mood: !<tag:yaml.org,2002:bool> 2",
    "mood: !!map abc", "mood: !!seq abc", "mood: !!int {a: 1}", "mood: !!str [1]", "mood: !!seq {a: 1}",
    "mood: !!map [1, 2]", "mood: !!float [1]",
]


@pytest.mark.parametrize("line", BAD_TAGGED)
def test_every_bad_tagged_value_gets_a_located_diagnostic(line, yaml_backend):
    text = _with(line)
    loaded = load_scene("tagged.yaml", text=text)
    assert loaded.program is None
    first = loaded.diagnostics[0]
    assert first.code == "MOT013", [d.format() for d in loaded.diagnostics]
    assert (first.line, first.column) == (_line_of(text, line.split(":")[1].strip()[:6]), 9)


@pytest.mark.parametrize("line", ["mood: !!int 2", "mood: !!int -1", "mood: !!int 0x1",
                                  "mood: !<tag:yaml.org,2002:int> 0"])
def test_well_formed_tagged_values_still_load(line, yaml_backend):
    assert load_scene("tagged.yaml", text=_with(line)).ok


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!timestamp", "!!binary", "!!set", "!custom", "!!omap"])
def test_other_tags_are_refused_as_before(tag, yaml_backend):
    assert _codes(load_scene("t.yaml", text=_with(f"mood: {tag} x"))) == ["MOT012"]


@pytest.mark.parametrize("tag", ["!!int", "!!str", "!", "!<tag:yaml.org,2002:str>"])
def test_a_tag_on_a_key_is_refused_where_it_is_written(tag, yaml_backend):
    text = _with(f"{tag} backdrop: shop")
    loaded = load_scene("t.yaml", text=text)
    assert loaded.program is None
    first = loaded.diagnostics[0]
    assert (first.code, first.line) == ("MOT004", _line_of(text, "backdrop: shop"))
    assert "'backdrop'" in first.message and "remove the tag" in first.message


def test_a_tag_not_allowed_anywhere_is_refused_on_a_key_too(yaml_backend):
    assert _codes(load_scene("t.yaml", text=_with("!!python/object:os.system backdrop: shop"))) == ["MOT012"]


@settings(max_examples=150, deadline=None)
@given(tag=st.sampled_from(["!!int", "!!float", "!!bool", "!!null", "!!str", "!!map", "!!seq",
                            "!<tag:yaml.org,2002:int>", "!<tag:yaml.org,2002:float>"]),
       value=st.text(alphabet="0123456789abcdefxo._:+-e ", max_size=12))
def test_any_standard_tag_with_any_value_never_raises(tag, value):
    loaded = load_scene("fuzz.yaml", text=_with(f"mood: {tag} '{value}'"))
    assert all(d.line >= 1 and d.column >= 1 for d in loaded.diagnostics)


# --- numbers Python will not (or should not) read -------------------------------------------------

@pytest.mark.parametrize("number", [
    "1" * 5000, "-" + "9" * 4300, "0x" + "f" * 4000, "1_" * 3000 + "1", ":".join(["1"] * 3000),
    "0" + "7" * 4300, "0b" + "1" * 4300, "1" * 5000 + ".5",
])
def test_numbers_too_long_to_read_get_a_diagnostic(number, yaml_backend):
    loaded = load_scene("n.yaml", text=_with(f"mood: {number}"))
    assert _codes(loaded)[:1] == ["MOT013"] and loaded.diagnostics[0].line == _line_of(_with("mood: X"), "X")


def test_sexagesimal_megabyte_is_refused_without_computing_it(yaml_backend):
    text = _with("mood: " + ":".join(["1"] * 400_000))
    assert _codes(load_scene("sexa.yaml", text=text)) == ["MOT013"]


# --- cost stays linear in the file -----------------------------------------------------------------

def test_aliases_of_one_long_string_count_by_their_length(yaml_backend):
    """375 KB that expands to gigabytes of Chinese text is an alias bomb, not a scene."""
    long_text = "顾客服务关键时刻" * 500
    text = f"a: &s {long_text}\nb:\n" + "- *s\n" * 75_000
    assert _codes(load_scene("bomb.yaml", text=text)) == ["MOT009"]


def test_a_few_aliases_of_a_long_string_are_still_fine(yaml_backend):
    data = yaml.safe_load(VALID)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**6)
    long_text = "顾客服务关键时刻，请耐心倾听。" * 200
    text = text.replace("summary: A purpose-built test scene.", f"summary: &s {long_text}")
    text = text.replace("place: A counter", "place: *s")
    assert load_scene("aliases.yaml", text=text).ok


def test_glyph_check_scans_each_distinct_text_once(monkeypatch):
    from game import glyphs

    calls = []
    real = glyphs.Coverage.missing
    monkeypatch.setattr(glyphs.Coverage, "missing", lambda self, text: calls.append(text) or real(self, text))
    data = linear_scene([("explore", 1)] * 30)
    load_scene("same.yaml", text=yaml.safe_dump(data, sort_keys=False))
    assert len(calls) == len(set(calls))


@pytest.mark.parametrize("body", [
    "x: [" + "1," * 50_000 + "1]\n",                       # the densest flow list
    "x:\n" + "- 1\n" * 30_000,                             # many small block items
    "x: {" + ",".join(f"k{i}: 1" for i in range(20_000)) + "}\n",
])
def test_machine_made_files_stop_at_the_value_cap(body, yaml_backend):
    loaded = load_scene("big.yaml", text=body)
    assert _codes(loaded) == ["MOT002"] and loaded.diagnostics[0].line >= 1


def _values_in(text: str) -> tuple[int, int]:
    """(values written, the cap for this text) as the reader counts them."""
    builder = yamlsrc._Builder("x.yaml", yamlsrc.MAX_NODES)
    loader = yamlsrc._Loader(text)
    try:
        while loader.check_event():
            builder.feed(loader.get_event(), loader)
    finally:
        loader.dispose()
    return builder.nodes_written, min(yamlsrc.MAX_NODES, yamlsrc.NODE_ALLOWANCE + len(text) // yamlsrc.CHARS_PER_VALUE)


def test_value_cap_spares_real_and_generated_scenes(tmp_path):
    from benchmarks.generate import generate

    generated = tmp_path / "generated.yaml"  # written as benchmarks/generate.py writes it
    generated.write_text(yaml.safe_dump(generate(400), allow_unicode=True, sort_keys=False, width=1000),
                         encoding="utf-8")
    for path in [*sorted((ROOT / "scenes").glob("*.yaml")), generated]:
        written, cap = _values_in(path.read_text(encoding="utf-8"))
        assert written < 0.9 * cap, path


MEMORY_PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
from game.loader import load_scene
def high_water():  # VmHWM starts afresh at exec (ru_maxrss would carry the parent's peak over)
    return next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:"))
text = "x:\\n" + "- 1\\n" * int(sys.argv[2])
before = high_water()
codes = [d.code for d in load_scene("many.yaml", text=text).diagnostics]
print(codes, high_water() - before, len(text))
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads VmHWM from /proc")
def test_peak_memory_stays_a_small_multiple_of_a_large_file():
    """A file of tiny items: peak memory beyond the text itself stays a few times the file's size."""
    done = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(ROOT), "1000000"], capture_output=True,
                          text=True, timeout=300)
    codes, grown, size = done.stdout.rsplit(" ", 2)
    assert codes == "['MOT002']", done.stderr
    assert int(grown) < 12 * int(size), f"grew {int(grown) / 1e6:.0f} MB for a {int(size) / 1e6:.0f} MB file"


def test_thousands_of_broken_references_cost_no_quadratic_hints():
    """Did-you-mean hints compare with every node: they stop at a budget that grows with the file."""
    from game.checks import HINT_ALLOWANCE, HINT_BYTES

    data = linear_scene([("explore", 1)])
    for index in range(4000):
        data["nodes"][f"n{index}"] = {"speaker": "customer", "text": f"A line of ordinary length, number {index}.",
                                      "next": f"n{index + 1}x"}  # a near miss: each hint finds its node
    text = yaml.safe_dump(data, sort_keys=False)
    loaded = load_scene("refs.yaml", text=text)
    assert len(loaded.diagnostics) == 101 and loaded.diagnostics[-1].code == "MOT014"
    hinted = [d for d in loaded.diagnostics if "did you mean 'n" in d.message]
    affordable = (HINT_ALLOWANCE + len(text) // HINT_BYTES) // len(data["nodes"])
    assert 1 <= len(hinted) == affordable < 100


def test_a_hand_written_scene_gets_a_hint_for_each_typo():
    data = linear_scene([("explore", 1)] * 40)
    for index in range(0, 40, 4):
        data["nodes"][f"d{index}"]["choices"][0]["next"] = f"d{index + 1}_"
    loaded = load_scene("typos.yaml", text=yaml.safe_dump(data, sort_keys=False))
    assert [d.message.split("did you mean ")[1] for d in loaded.diagnostics] == [
        f"'d{index + 1}'?)" for index in range(0, 40, 4)]


def test_a_hundred_thousand_unknown_fields_are_described_only_as_far_as_listed(yaml_backend):
    text = VALID + "".join(f"an_unknown_field_{i}: with a value\n" for i in range(20_000))
    loaded = load_scene("fields.yaml", text=text)
    assert len(loaded.diagnostics) == 101 and "19,900 more" in loaded.diagnostics[-1].message


def test_diagnostics_are_capped_per_file_with_a_count_of_the_rest(yaml_backend):
    text = VALID + "".join(f"id: again{i}\n" for i in range(1000))  # 1,000 duplicate keys
    loaded = load_scene("dups.yaml", text=text)
    assert len(loaded.diagnostics) == 101
    assert loaded.diagnostics[-1].code == "MOT014" and "900" in loaded.diagnostics[-1].message


def test_cap_keeps_errors_before_warnings():
    warnings = [Diagnostic("f", n, 1, "MOT204", "w") for n in range(1, 150)]
    errors = [Diagnostic("f", 500 + n, 1, "MOT201", "e") for n in range(20)]
    capped = cap_diagnostics(warnings + errors)
    assert sum(d.code == "MOT201" for d in capped) == 20 and capped[-1].code == "MOT014"
    assert "69 more" in capped[-1].message


# --- files that are not regular files ---------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_like_a_scene_never_hangs_validate(tmp_path):
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "ok.yaml").write_text(VALID, encoding="utf-8")
    os.mkfifo(folder / "pipe.yaml")
    command = [sys.executable, "main.py", "validate", str(folder)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert re.search(r"pipe\.yaml:1:1: error: \[MOT001\] this is not a regular file", done.stdout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_the_scenes_folder_becomes_an_error_card(tmp_path):
    from game.catalog import scan_scenes

    os.mkfifo(tmp_path / "pipe.yaml")
    os.symlink(tmp_path / "nowhere.yaml", tmp_path / "dangling.yaml")
    cards = scan_scenes(tmp_path, tmp_path / "cache.json")
    assert sorted(card.errors[0].code for card in cards) == ["MOT001", "MOT001"]


def test_devices_and_folders_are_refused(tmp_path):
    (tmp_path / "folder.yaml").mkdir()
    assert _codes(load_scene(str(tmp_path / "folder.yaml"))) == ["MOT001"]
    if os.path.exists("/dev/zero"):
        loaded = load_scene("/dev/zero")
        assert _codes(loaded) == ["MOT001"] and (loaded.diagnostics[0].line, loaded.diagnostics[0].column) == (1, 1)


@pytest.mark.parametrize("path", ["bad\x00name.yaml", "x" * 5000 + ".yaml", "missing.yaml"])
def test_unreadable_paths_are_reported_at_one_one(path, tmp_path):
    loaded = load_scene(str(tmp_path / path) if "\x00" not in path else path)
    assert _codes(loaded) == ["MOT001"] and (loaded.diagnostics[0].line, loaded.diagnostics[0].column) == (1, 1)


def test_oversized_file_is_reported_at_one_one(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(yamlsrc.MAX_FILE_BYTES + 1)
    loaded = load_scene(str(path))
    assert _codes(loaded) == ["MOT002"] and (loaded.diagnostics[0].line, loaded.diagnostics[0].column) == (1, 1)


def test_only_yaml_names_are_listed_from_folders(tmp_path):
    (tmp_path / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert find_scene_files([str(tmp_path)]) == [str(tmp_path / "a.yaml")]


# --- control characters never reach the terminal ------------------------------------------------

@pytest.mark.parametrize("key", ['"bad\\nkey"', '"esc\\e[2Jkey"', '"bell\\akey"', '"rtl\\u202Ekey"', '"nel\\Nkey"'])
def test_control_characters_in_keys_are_escaped_in_text_output(key, tmp_path, capsys):
    path = tmp_path / "ctl.yaml"
    path.write_text(VALID.replace("title: Test", f"title: Test\n{key}: 1"), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == len(load_scene(str(path)).diagnostics)  # one line per diagnostic, no forged lines
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\u202a-\u202e]", out)


def test_control_characters_in_file_names_are_escaped(tmp_path, capsys):
    path = tmp_path / "evil\nx.yaml:1:1: error: forged.yaml"
    path.write_text("[1]", encoding="utf-8")
    main(["validate", str(path)])
    assert capsys.readouterr().out.count("\n") == 1


def test_escape_controls_keeps_ordinary_text():
    assert escape_controls("顾客 said: ‘fine’ — ok\u00e9") == "顾客 said: ‘fine’ — ok\u00e9"
    assert escape_controls("a\nb\x1b[2J\u202e") == "a\\nb\\x1b[2J\\u202e"


def test_json_output_keeps_the_exact_text(tmp_path, capsys):
    path = tmp_path / "ctl.yaml"
    path.write_text(VALID.replace("title: Test", 'title: Test\n"a\\nb": 1'), encoding="utf-8")
    main(["validate", "--json", str(path)])
    import json

    assert any("a\nb" in d["message"] for d in json.loads(capsys.readouterr().out))


# --- anchors on keys -------------------------------------------------------------------------------

def test_an_anchor_on_a_key_can_be_used_as_a_value(yaml_backend):
    data, _ = yamlsrc.parse("&k key: v\nother: *k\n", "k.yaml")
    assert data == {"key": "v", "other": "key"}


def test_an_anchor_on_a_key_can_be_used_as_a_key(yaml_backend):
    data, _ = yamlsrc.parse("a:\n  &k name: 1\nb:\n  *k : 2\n", "k.yaml")
    assert data == {"a": {"name": 1}, "b": {"name": 2}}


# --- new refuses names that would not validate --------------------------------------------------

@pytest.mark.parametrize("name", ["bad\nname", "name\n", "x\x1b[2J", "a/b", "../up", "", ".hidden", "x" * 65,
                                  "tab\tname"])
def test_new_refuses_names_that_are_not_ids(name, tmp_path):
    with pytest.raises(NewSceneError):
        create_scene(name, str(tmp_path))
    assert not list(tmp_path.iterdir())


def test_new_via_the_cli_escapes_the_refused_name(tmp_path, capsys):
    assert main(["new", "bad\nname", "--dir", str(tmp_path)]) == 2
    assert "bad\\nname" in capsys.readouterr().err


def test_every_name_new_accepts_validates(tmp_path):
    for name in ("a", "my_scene", "9lives", "x-y.z", "_" + "a" * 63):
        path = create_scene(name, str(tmp_path))
        assert load_scene(path).ok, name
