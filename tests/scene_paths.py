"""Shared helpers for the shipped scenes' tests: play by choice id, walk every state, read the raw file.

Imported by the tests/test_scene_*.py files (pytest puts this folder on the import path).
"""

from pathlib import Path

import yaml

from game.engine import Story
from game.model import Scene
from game.scorecard import build_scorecard

SCENES = Path(__file__).resolve().parent.parent / "scenes"


def run_ids(program, choice_ids, language="en"):
    """Play ``choice_ids`` (robust to reordering and conditions): (story, state, scorecard or None)."""
    story = Story(program)
    state = story.skip_lines(story.start())
    for choice_id in choice_ids:
        state, _ = story.choose_id(state, choice_id)
        state = story.skip_lines(state)
    card = build_scorecard(story, state, language) if story.kind(state) == "ending" else None
    return story, state, card


def numbers_for(program, choice_ids):
    """The 1-based numbers, as typed at `run --choices`, that take ``choice_ids``."""
    story = Story(program)
    state = story.skip_lines(story.start())
    numbers = []
    for choice_id in choice_ids:
        numbers.append(next(n for n, c in enumerate(story.open_choices(state), start=1) if c.id == choice_id))
        state = story.skip_lines(story.choose_id(state, choice_id)[0])
    return numbers


def open_ids(program, choice_ids):
    """The ids of the choices open after taking ``choice_ids``."""
    story = Story(program)
    state = story.skip_lines(story.start())
    for choice_id in choice_ids:
        state = story.skip_lines(story.choose_id(state, choice_id)[0])
    return [c.id for c in story.open_choices(state)]


def endings_after_a_slight(program, worst=-2):
    """Every ending reachable on a path that went through a choice rated ``worst`` or lower.

    Walks states (node, flags, slighted-so-far), not paths, so it stays fast on big scenes.
    """
    story = Story(program)
    seen, reached = set(), set()
    stack = [(story.skip_lines(story.start()), False)]
    while stack:
        state, slighted = stack.pop()
        key = (state.node, state.flags, slighted)
        if key in seen:
            continue
        seen.add(key)
        if story.kind(state) == "ending":
            if slighted:
                reached.add(story.ending(state).id)
            continue
        for choice in story.open_choices(state):
            after = story.skip_lines(story.choose_id(state, choice.id)[0])
            stack.append((after, slighted or choice.rating <= worst))
    return reached


def raw_scene(scene_id):
    """The scene file as the pydantic model (for fields the compiled program does not keep)."""
    with open(SCENES / f"{scene_id}.yaml", encoding="utf-8") as handle:
        return Scene.model_validate(yaml.safe_load(handle))


def text_of(value, language):
    """A text field in one language (plain strings are the same in every language)."""
    return value if isinstance(value, str) else value[language]
