"""Checks every handbook scene must pass, shared by the tests of the newer scenes.

Each scene test module calls these with its own scene file; the transcripts that pin the
handbook's turn of events stay in the scene's own module.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from game.analysis import analyze
from game.loader import LoadedScene, load_scene
from game.program import Program
from game.ltext import pick
from game.predictability import predictability
from game.scoring import grade

CJK = re.compile(r"[\u4e00-\u9fff]")
TEXT_KEYS = {"title", "summary", "place", "name", "description", "text", "feedback", "question", "notes",
             "model_answer"}
ASCII_PUNCTUATION_IN_ZH_TITLE = re.compile(r"[?!:;,]")


@lru_cache(maxsize=None)
def load(path: Path) -> LoadedScene:
    """The scene file loaded once per test session."""
    return load_scene(str(path))


def program_of(path: Path) -> Program:
    """The scene's program, failing with its diagnostics when it does not compile."""
    scene = load(path)
    assert scene.program is not None, [d.format() for d in scene.diagnostics]
    return scene.program


def raw_texts(data, where="scene"):
    """Every player-visible text field in the raw YAML, with a description of where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            here = f"{where}.{key}"
            if key in TEXT_KEYS:
                yield here, value
            elif key in ("objectives", "rubric"):
                for index, item in enumerate(value):
                    yield f"{here}[{index}]", item
            else:
                yield from raw_texts(value, here)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from raw_texts(item, f"{where}[{index}]")


def check_both_languages(path: Path) -> None:
    """Every text exists in English and Chinese, each in its own script; Chinese titles use full-width marks."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw["languages"] == ["en", "zh"]
    found = list(raw_texts(raw))
    assert len(found) > 100
    for where, text in found:
        assert isinstance(text, dict) and set(text) == {"en", "zh"}, where
        assert text["en"].strip() and text["zh"].strip(), where
        assert not CJK.search(text["en"]), where
        assert CJK.search(text["zh"]), where
    titles = [raw["title"]] + [ending["title"] for ending in raw["endings"].values()]
    for title in titles:
        assert not ASCII_PUNCTUATION_IN_ZH_TITLE.search(title["zh"]), title["zh"]


def check_size(program: Program) -> None:
    """At least 25 nodes and 5 endings whose outcomes span -3 to +3."""
    assert len(program.nodes) >= 25
    outcomes = {ending.outcome for ending in program.endings.values()}
    assert len(program.endings) >= 5
    assert -3 in outcomes and 3 in outcomes


def check_analysis(program: Program, best_ending: str) -> None:
    """Every ending is reachable, nobody gets stuck, and the best path walks the model in order."""
    result = analyze(program)
    assert result.endings_unreached == [] and result.stuck == []
    assert result.best.ending == best_ending
    order = {"explore": 0, "offer": 1, "act": 2, "confirm": 3}
    stages = list(result.best.stages)
    firsts = [stages.index(stage) for stage in order]
    assert firsts == sorted(firsts), stages


def check_decisions(program: Program) -> None:
    """Three or four choices everywhere, stable ids, facilitator material on every decision."""
    for node in program.nodes.values():
        if not node.choices:
            continue
        assert 3 <= len(node.choices) <= 4, node.id
        unconditional = sum(choice.condition is None for choice in node.choices)
        assert unconditional >= 2 and unconditional + (unconditional < len(node.choices)) >= 3, node.id
        assert all(choice.id and not choice.id.isdigit() for choice in node.choices), node.id
        material = node.facilitator
        assert material is not None and material.question and material.notes and material.timer, node.id


def check_workshop_and_people(path: Path) -> None:
    """A workshop plan on real decisions; an appearance for the customer and every person in the cast."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    plan = raw["workshop"]
    assert 3 <= len(plan["key_decisions"]) <= 4 and plan["rubric"]
    for key in plan["key_decisions"]:
        assert raw["nodes"][key["node"]].get("choices"), key["node"]
    assert raw["customer"].get("appearance")
    for speaker_id, speaker in raw["cast"].items():
        if speaker["role"] != "narrator":
            assert speaker.get("appearance"), speaker_id


def check_predictability(program: Program) -> None:
    """No answer can be guessed (the core's answer-leak analysis, per language): the best option is the
    longest in at most a third of the decisions, it sits at every position a decision offers, and no
    naive player (always first, last, longest, shortest, option k) nor the random players' mean gets
    above grade C."""
    widest = max(len(node.choices) for node in program.nodes.values() if node.choices)
    figures = predictability(program)
    assert {entry.language for entry in figures} == {"en", "zh"}
    for entry in figures:
        assert entry.best_is_longest * 3 <= entry.decisions, entry
        assert set(range(1, min(widest, 4) + 1)) <= set(entry.best_position), entry
        for player in entry.naive:
            assert player.grade in ("C", "D", "F"), (entry.language, player)
        assert entry.random_mean is not None and grade(entry.random_mean) in ("C", "D", "F"), entry


def check_language_of_transcript(result, language: str) -> None:
    """A transcript is wholly in the language it was played in."""
    if language == "zh":
        assert all(CJK.search(beat.text) for beat in result.beats)
        assert all(CJK.search(option) for beat in result.beats for option in beat.options)
    else:
        assert not any(CJK.search(beat.text) for beat in result.beats)


def text_of(program: Program, node_id: str, language: str) -> str:
    """The line of ``node_id`` in ``language``."""
    return pick(program.nodes[node_id].text, language)
