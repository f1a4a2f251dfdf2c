"""Property tests: whatever is done to a valid scene file, the loader answers with located diagnostics.

Mutations: delete, duplicate, retype and reorder keys and values; truncate; random bytes; random
unicode. The only acceptable outcome is a LoadedScene (compiled, or with diagnostics that have a
location); never another exception.
"""

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.loader import load_scene

SCENES = Path(__file__).resolve().parent.parent / "scenes"
TUTORIAL_TEXT = (SCENES / "tutorial.yaml").read_text(encoding="utf-8")
TUTORIAL_DATA = yaml.safe_load(TUTORIAL_TEXT)
LINES = TUTORIAL_TEXT.splitlines(keepends=True)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ODD_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                       st.text(max_size=20), st.lists(st.integers(), max_size=3), st.dictionaries(
                           st.text(max_size=5), st.integers(), max_size=3))


def _load(name: str, text: str):
    """Load from memory. How fast hostile input is answered is measured by benchmarks/bench_hostile.py,
    not here: a wall-clock limit in a test fails on a busy machine, not on slow code."""
    return load_scene(name, text=text)


def _assert_clean(loaded, text_lines: int) -> None:
    if loaded.program is None:
        assert loaded.diagnostics, "a scene that did not compile must say why"
    for diagnostic in loaded.diagnostics:
        assert diagnostic.code.startswith("MOT")
        assert 0 <= diagnostic.line <= max(text_lines, 1) + 1
        assert diagnostic.format().count(":") >= 3


def _paths(data, prefix=()):
    """Every (path) to a value in nested dicts and lists."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, prefix + (index,))


ALL_PATHS = [p for p in _paths(TUTORIAL_DATA) if p]


def _mutate(data, path, action, value):
    import copy

    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "retype":
        parent[last] = value
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    elif action == "rename" and isinstance(parent, dict):
        parent[str(last) + "x"] = parent.pop(last)
    elif action == "reorder" and isinstance(parent, dict):
        items = list(parent.items())[::-1]
        parent.clear()
        parent.update(items)
    return data


@SETTINGS
@given(path=st.sampled_from(ALL_PATHS), action=st.sampled_from(["delete", "retype", "duplicate", "rename", "reorder"]),
       value=ODD_VALUES)
def test_structural_mutations(path, action, value):
    data = _mutate(TUTORIAL_DATA, path, action, value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _assert_clean(_load("mutated.yaml", text), text.count("\n") + 1)


@SETTINGS
@given(cut=st.integers(0, len(TUTORIAL_TEXT)))
def test_truncated_files(cut):
    text = TUTORIAL_TEXT[:cut]
    _assert_clean(_load("truncated.yaml", text), text.count("\n") + 1)


@SETTINGS
@given(line=st.integers(0, len(LINES) - 1), junk=st.text(max_size=30))
def test_random_unicode_spliced_into_a_line(line, junk):
    lines = list(LINES)
    lines[line] = junk + lines[line]
    text = "".join(lines)
    _assert_clean(_load("spliced.yaml", text), text.count("\n") + 1)


@SETTINGS
@given(first=st.integers(0, len(LINES) - 1), second=st.integers(0, len(LINES) - 1))
def test_lines_duplicated_or_swapped(first, second):
    lines = list(LINES)
    lines.insert(second, lines[first])
    text = "".join(lines)
    _assert_clean(_load("duplicated.yaml", text), text.count("\n") + 1)


@SETTINGS
@given(raw=st.binary(max_size=400))
def test_random_bytes(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("bytes") / "random.yaml"
    path.write_bytes(raw)
    loaded = load_scene(str(path))
    assert loaded.program is None and loaded.diagnostics
