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


def workshop_scene(plan: bool = True, **extra) -> dict:
    """Three decisions (d0 -> d1 -> d2 -> end) with bilingual text; a workshop plan naming d0 and d2 as key."""
    def both(en: str, zh: str) -> dict:
        return {"en": en, "zh": zh}

    def options(target: str, tag: str) -> list:
        return [choice("explore", 2, target, both(f"Ask what happened ({tag})", f"问清发生了什么（{tag}）"),
                       feedback=both("Good: it starts with the facts.", "好：先了解事实。")),
                choice("act", -3, target, both(f"Tell them to calm down ({tag})", f"让对方冷静（{tag}）"),
                       feedback=both("Bad: it dismisses the feeling.", "差：否定了对方的感受。"))]

    nodes = {
        "d0": {"speaker": "customer", "text": both("My order is late.", "我的订单迟到了。"),
               "facilitator": {"question": both("What do they need first?", "对方首先需要什么？"),
                               "notes": both("Listen for the facts.", "注意先听事实。")},
               "choices": options("d1", "1")},
        "d1": {"speaker": "customer", "text": both("And nobody called me.", "而且没人给我打电话。"),
               "choices": options("d2", "2")},
        "d2": {"speaker": "customer", "text": both("So what now?", "那现在怎么办？"), "choices": options("end", "3")},
        "end": {"speaker": "narrator", "text": both("The end.", "结束。"), "ending": "done"},
    }
    data = scene_dict(nodes, {"done": {"title": both("Order sorted", "订单解决了"), "text": both("Over.", "完了。"),
                                       "outcome": 1}},
                      title=both("Late order", "迟到的订单"), summary=both("A test.", "测试。"),
                      languages=["en", "zh"], setting={"place": both("A counter", "柜台")},
                      customer={"name": both("Pat", "小王"), "type": "compliant", "mood": 0},
                      cast={"you": {"name": both("You", "你"), "role": "staff"},
                            "narrator": {"name": both("Narrator", "旁白"), "role": "narrator"}}, **extra)
    if plan:
        data["workshop"] = {
            "key_decisions": [
                {"node": "d0", "minutes": 5, "question": both("What first?", "先做什么？"),
                 "model_answer": both("Ask what happened before offering anything.", "先问清情况，再提方案。")},
                {"node": "d2", "minutes": 3, "question": both("How do you close?", "怎样收尾？"),
                 "model_answer": both("Confirm the customer is satisfied.", "确认顾客满意。")}],
            "rubric": [both("Did they explore before offering?", "是否先探索再提议？"),
                       both("Did they confirm at the end?", "最后是否确认？")]}
    return data
