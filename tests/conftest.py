"""Shared fixtures: headless SDL, and small purpose-built scenes."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402
import yaml  # noqa: E402

from game.loader import load_scene  # noqa: E402


def scene_dict(nodes: dict, endings: dict | None = None, **extra) -> dict:
    """A minimal valid scene around the given nodes (English only)."""
    data = {
        "format": 1,
        "id": "test_scene",
        "title": "Test",
        "summary": "A purpose-built test scene.",
        "languages": ["en"],
        "setting": {"place": "A counter"},
        "customer": {"name": "Pat", "type": "compliant", "mood": 0},
        "cast": {"you": {"name": "You", "role": "staff"}, "narrator": {"name": "Narrator", "role": "narrator"}},
        "nodes": nodes,
        "endings": endings or {"done": {"title": "Done", "text": "It is over.", "outcome": 1}},
    }
    data.update(extra)
    return data


def choice(stage: str, rating: int, next_node: str, text: str = "Say something", **extra) -> dict:
    """One choice with feedback and a principle filled in."""
    data = {"text": text, "stage": stage, "rating": rating, "feedback": "Why.", "principles": ["empathy"],
            "next": next_node}
    data.update(extra)
    return data


def linear_scene(moves: list[tuple[str, int]], outcome: int = 1, **extra) -> dict:
    """A chain of single-choice decisions with the given (stage, rating), then one ending."""
    nodes = {}
    for index, (stage, rating) in enumerate(moves):
        target = f"d{index + 1}" if index + 1 < len(moves) else "end"
        nodes[f"d{index}"] = {"speaker": "customer", "text": f"Line {index}",
                              "choices": [choice(stage, rating, target)]}
    nodes["end"] = {"speaker": "narrator", "text": "The end.", "ending": "done"}
    return scene_dict(nodes, {"done": {"title": "Done", "text": "Over.", "outcome": outcome}}, **extra)


def compile_dict(data: dict):
    """Load a scene dict from memory and return its program, failing with the diagnostics on errors."""
    loaded = load_scene("<test>.yaml", text=yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert loaded.program is not None, [d.format() for d in loaded.diagnostics]
    return loaded.program


@pytest.fixture
def load_dict(tmp_path):
    """Write a scene dict to a file and load it; returns the LoadedScene."""
    counter = iter(range(10_000))

    def _load(data: dict):
        path = tmp_path / f"scene{next(counter)}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return load_scene(str(path))

    return _load


@pytest.fixture
def program_of(load_dict):
    """Load a scene dict and return its program, failing with the diagnostics if it has errors."""

    def _program(data: dict):
        loaded = load_dict(data)
        assert loaded.program is not None, [d.format() for d in loaded.diagnostics]
        return loaded.program

    return _program


@pytest.fixture(params=sorted(__import__("game.yamlsrc", fromlist=["PARSERS"]).PARSERS))
def yaml_backend(request, monkeypatch):
    """Run a test once per YAML parser back end (libyaml's C parser and PyYAML's pure-Python one).

    A new PyYAML release can change either parser's limits; authors must be told the same thing by both.
    """
    from game import yamlsrc

    monkeypatch.setattr(yamlsrc, "_Loader", yamlsrc.PARSERS[request.param])
    return request.param
