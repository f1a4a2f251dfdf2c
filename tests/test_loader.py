"""The loader: located diagnostics, and hostile input answered fast with a clear message.

Every test here runs on both YAML parser back ends (the ``yaml_backend`` fixture).
"""

import os

import pytest
import yaml

from game.loader import load_scene
from game.yamlsrc import MAX_FILE_BYTES, parse
from tests.conftest import linear_scene

pytestmark = pytest.mark.usefixtures("yaml_backend")

VALID = yaml.safe_dump(linear_scene([("explore", 1), ("offer", 1), ("act", 1), ("confirm", 1)]), sort_keys=False)


def _codes(loaded):
    return [d.code for d in loaded.diagnostics]


def test_valid_scene_compiles_with_positions(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(VALID, encoding="utf-8")
    loaded = load_scene(str(path))
    assert loaded.ok and loaded.program.id == "test_scene"
    line, column = loaded.source.value(("nodes", "d1", "choices", 0, "rating"))
    assert VALID.splitlines()[line - 1][column - 1:].startswith("1")


def test_missing_file_and_folder(tmp_path):
    assert _codes(load_scene(str(tmp_path / "nope.yaml"))) == ["MOT001"]
    folder = load_scene(str(tmp_path))
    assert _codes(folder) == ["MOT001"] and "folder" in folder.diagnostics[0].message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.yaml"
    path.write_text(VALID, encoding="utf-8")
    path.chmod(0)
    assert "permission" in load_scene(str(path)).diagnostics[0].message


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1024 * 1024)  # sparse: past the cap on paper
    loaded = load_scene(str(path))
    assert _codes(loaded) == ["MOT002"] and "MB" in loaded.diagnostics[0].message
    assert os.path.getsize(path) > MAX_FILE_BYTES


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("[" * 100_000 + "]" * 100_000, "MOT010"),
        ("a: " + "{b: " * 100_000 + "1" + "}" * 100_000, "MOT010"),
        ("- " * 5_000 + "x", "MOT010"),
    ],
)
def test_very_deep_nesting_is_refused(text, code):
    loaded = load_scene("deep.yaml", text=text)
    assert _codes(loaded) == [code]


def test_alias_bomb_is_refused_before_it_grows():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghijklmnop":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    loaded = load_scene("bomb.yaml", text="\n".join(lines))
    assert _codes(loaded) == ["MOT009"]


def test_encodings_are_explained(tmp_path):
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("title: 轮胎退款\n".encode("gbk"))
    message = load_scene(str(gbk)).diagnostics[0]
    assert message.code == "MOT003" and "GBK" in message.message and "UTF-8" in message.message
    assert message.line == 1
    utf16 = tmp_path / "utf16.yaml"
    utf16.write_bytes("title: x\n".encode("utf-16"))
    assert "UTF-16" in load_scene(str(utf16)).diagnostics[0].message


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert load_scene(str(path)).ok


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "MOT006"),
        ("# just a comment\n", "MOT006"),
        ("- a\n- b\n", "MOT007"),
        ("just a string\n", "MOT007"),
        ("~\n", "MOT007"),
        ("a: 1\n---\nb: 2\n", "MOT011"),
        ("a: !!python/object/apply:os.system [echo hi]\n", "MOT012"),
        ("a: &x [*x]\n", "MOT009"),
        ("a:\n\tb: 1\n", "MOT005"),
        ("a: [1, 2\n", "MOT004"),
        ("a: *undefined\n", "MOT004"),
        ("a: 1\x00\n", "MOT004"),
    ],
)
def test_broken_documents(text, code):
    loaded = load_scene("broken.yaml", text=text)
    assert _codes(loaded) == [code]
    assert loaded.diagnostics[0].line >= 1


def test_duplicate_keys_name_both_lines():
    text = VALID.replace("title: Test\n", "title: Test\ntitle: Again\n")
    loaded = load_scene("dup.yaml", text=text)
    duplicate = next(d for d in loaded.diagnostics if d.code == "MOT008")
    first = text.splitlines().index("title: Test") + 1
    assert duplicate.line == first + 1 and f"line {first}" in duplicate.message


def test_yaml_1_1_surprises_stay_strings_as_keys():
    data, _ = parse("on: yes\nno: 1\n1: x\n", "f.yaml")
    assert data == {"on": True, "no": 1, "1": "x"}


def test_merge_keys_work():
    data, _ = parse("base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\n", "f.yaml")
    assert data["derived"] == {"a": 1, "b": 3}


def test_text_the_bundled_font_cannot_draw_is_a_warning():
    text = VALID.replace("title: Test\n", "title: Test 🛞 𠀀\n")
    loaded = load_scene("glyphs.yaml", text=text)
    warning = next(d for d in loaded.diagnostics if d.code == "MOT213")
    assert warning.severity == "warning" and "U+1F6DE" in warning.message and "U+20000" in warning.message
    assert loaded.program is not None  # a warning does not stop the scene
    assert warning.line == text.splitlines().index("title: Test 🛞 𠀀") + 1


@pytest.mark.parametrize("flag", ["satisfaction", "and", "not", "true"])
def test_flags_named_like_the_condition_language_are_refused(load_dict, flag):
    from tests.conftest import choice, scene_dict

    nodes = {"ask": {"speaker": "customer", "text": "?", "choices": [choice("explore", 1, "end", set={flag: True})]},
             "end": {"speaker": "narrator", "text": ".", "ending": "done"}}
    loaded = load_dict(scene_dict(nodes))
    assert loaded.program is None and any(d.code == "MOT110" and flag in d.message for d in loaded.diagnostics)


@pytest.mark.parametrize("escape", ["\\ud83d\\ude00", "\\ud800", "\\udfff"])
def test_a_surrogate_escape_in_text_is_located_and_explained(tmp_path, escape):
    """libyaml refuses half a character as a syntax error, the pure parser reads it: both say what to write."""
    text = VALID.replace("text: Line 1", f'text: "Line {escape} 1"', 1)
    assert text != VALID
    path = tmp_path / "surrogate.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scene(str(path))
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if escape in row)
    found = [d for d in loaded.diagnostics if d.line == line and d.code in ("MOT004", "MOT218")]
    assert found and not loaded.ok
    assert "\\U0001F600" in found[0].message and "never closed" not in found[0].message
    assert all(d.format().isprintable() for d in loaded.diagnostics)


def test_an_unknown_escape_is_not_called_an_unclosed_quote(tmp_path):
    text = VALID.replace("text: Line 1", 'text: "C:\\q Line 1"', 1)
    path = tmp_path / "escape.yaml"
    path.write_text(text, encoding="utf-8")
    (diagnostic,) = [d for d in load_scene(str(path)).diagnostics if d.code == "MOT004"]
    assert "escape" in diagnostic.message and "never closed" not in diagnostic.message


@pytest.mark.parametrize("encoding, named", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
                                             ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32")])
def test_wide_encodings_are_named_as_they_are(tmp_path, encoding, named):
    path = tmp_path / "wide.yaml"
    path.write_bytes("format: 1\ntitle: x\n".encode(encoding))
    (message,) = load_scene(str(path)).diagnostics
    assert message.code == "MOT003" and f"saved as {named}:" in message.message
    assert (message.line, message.column) == (1, 1)


@pytest.mark.skipif(not hasattr(__import__("socket"), "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_named_like_a_scene_is_called_not_a_regular_file(tmp_path):
    import socket

    path = tmp_path / "socket.yaml"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))
        (message,) = load_scene(str(path)).diagnostics
    assert message.code == "MOT001" and "not a regular file" in message.message


@pytest.mark.parametrize("merge", ["5", "*numbers", "[*place, 3]", "text"])
def test_a_merge_of_something_not_a_mapping_is_located(tmp_path, merge):
    text = f"format: 1\nnumbers: &numbers [1, 2]\nplace: &place {{place: a}}\nsetting:\n  <<: {merge}\n"
    path = tmp_path / "merge.yaml"
    path.write_text(text, encoding="utf-8")
    found = [d for d in load_scene(str(path)).diagnostics if "merge key" in d.message]
    assert [(d.code, d.line, d.column) for d in found] == [("MOT004", 5, 3)]


def test_a_merge_of_mappings_is_still_read(tmp_path):
    text = "format: 1\nplace: &place {place: a}\nsetting:\n  <<: *place\n"
    path = tmp_path / "merge.yaml"
    path.write_text(text, encoding="utf-8")
    assert not [d for d in load_scene(str(path)).diagnostics if "merge key" in d.message]
