"""MOT113/MOT110 messages: every Literal field lists its values and suggests the nearest; each pattern its own hint."""

from __future__ import annotations

import typing

import pytest
import yaml

from game import model
from game.loader import load_scene
from tests.conftest import linear_scene


def _with(path: tuple, value) -> list:
    data = linear_scene([("explore", 1)])
    data["setting"] = data.get("setting") or {}
    target = data
    for part in path[:-1]:
        target = target.setdefault(part, {}) if isinstance(target, dict) else target[part]
    target[path[-1]] = value
    loaded = load_scene("values.yaml", text=yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return [d for d in loaded.diagnostics if d.code in ("MOT113", "MOT110")]


def _literal_fields(cls) -> dict[str, tuple[str, ...]]:
    """Every Literal field of a model (also inside Optional[...] and list[...]), with its values."""
    found = {}
    for name, info in cls.model_fields.items():
        stack = [info.annotation]
        while stack:
            current = stack.pop()
            if typing.get_origin(current) is typing.Literal:
                found[info.alias or name] = typing.get_args(current)
            else:
                stack.extend(typing.get_args(current))
    return found


PLACES = {model.Setting: ("setting",), model.Node: ("nodes", "d0"), model.Appearance: ("customer", "appearance"),
          model.Customer: ("customer",)}


def _cases():
    for cls, where in PLACES.items():
        for name, values in _literal_fields(cls).items():
            if name in ("type", "role"):  # customer type has its own code (MOT106) and wording
                continue
            for wanted in values:
                yield pytest.param(where, name, values, wanted, id=f"{cls.__name__}.{name}.{wanted}")


@pytest.mark.parametrize(("where", "name", "values", "wanted"), list(_cases()))
def test_every_literal_field_lists_its_values_and_suggests_the_nearest(where, name, values, wanted):
    typo = wanted[:-1] + wanted[-1] * 2 if len(wanted) > 3 else wanted + "x"
    is_list = name == "details"
    found = _with(where + (name,), [typo] if is_list else typo)
    assert found, f"no MOT113 for {name}: {typo}"
    message = found[0].message
    assert f"one of: {', '.join(values)}" in message
    assert f"did you mean '{wanted}'?" in message


def test_the_cases_cover_setting_node_and_appearance_literals():
    names = {case.values[1] for case in _cases()}
    assert {"channel", "weather", "call", "expression", "age", "hair", "clothing", "details"} <= names


@pytest.mark.parametrize(("path", "value", "hint"), [
    (("customer", "phone"), "call me maybe", "digits, spaces and + ( ) -"),
    (("customer", "appearance", "clothing_colour"), "Navy Blue", "#rrggbb"),
    (("nodes", "d0", "backdrop"), "Bank_Hall", "lowercase letters, digits and hyphens"),
    (("id",), "my scene", "letters, digits, '_'"),
])
def test_each_pattern_field_has_its_own_hint(path, value, hint):
    found = _with(path, value)
    assert found and hint in found[0].message, found
    if path[-1] != "id":
        assert "ids may also use" not in found[0].message


@pytest.mark.parametrize("channel", ["counter", None])
def test_phone_fields_in_a_counter_scene_are_a_warning_of_their_own(channel):
    data = linear_scene([("explore", 1)])
    data["setting"] = {**(data.get("setting") or {}), **({"channel": channel} if channel else {})}
    data["customer"]["phone"] = "139 0571 2846"
    data["nodes"]["d0"]["call"] = "ringing"
    loaded = load_scene("counter.yaml", text=yaml.safe_dump(data, sort_keys=False))
    found = [d for d in loaded.diagnostics if d.code == "MOT217"]
    assert sorted(d.message.split(":")[0] for d in found) == ["customer.phone", "nodes.d0.call"]
    assert all(d.severity == "warning" and "channel: phone" in d.message for d in found) and loaded.ok


def test_phone_fields_in_a_phone_scene_are_fine():
    data = linear_scene([("explore", 1)])
    data["setting"] = {**(data.get("setting") or {}), "channel": "phone"}
    data["customer"]["phone"] = "139 0571 2846"
    data["nodes"]["d0"]["call"] = "ringing"
    loaded = load_scene("phone.yaml", text=yaml.safe_dump(data, sort_keys=False))
    assert loaded.ok and not [d for d in loaded.diagnostics if d.code == "MOT217"]


@pytest.mark.parametrize("text", ["format: 1\nsetting:\n    place: bank\n  weather: rain\n",
                                  "format: 1\nid: x\ncustomer:\n  name: Pat\n   mood: 1\n type: x\n"])
def test_wrong_indentation_says_what_to_check(text):
    loaded = load_scene("indent.yaml", text=text)
    first = loaded.diagnostics[0]
    assert first.code == "MOT004" and "check the indentation of this line against the line above" in first.message


def test_new_names_every_character_it_accepts(tmp_path):
    from game.scenes import NewSceneError, create_scene

    with pytest.raises(NewSceneError, match=r"letters, digits, '_', '-' and '\.'"):
        create_scene("bad name", str(tmp_path))
    assert create_scene("v1.2-my_scene", str(tmp_path)).endswith("v1.2-my_scene.yaml")


def test_a_huge_number_out_of_range_is_named_by_its_size_not_printed(tmp_path):
    from game.loader import load_scene

    path = tmp_path / "huge.yaml"
    path.write_text(f"format: 1\ncustomer: {{mood: {'9' * 4000}}}\n", encoding="utf-8")
    (message,) = [d for d in load_scene(str(path)).diagnostics if d.code == "MOT104"]
    assert "about 4000 digits" in message.message and len(message.message) < 200 and message.line == 2
