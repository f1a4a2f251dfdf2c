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
