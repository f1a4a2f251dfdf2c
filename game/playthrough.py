"""Headless playthroughs: the engine driven by a list of choice numbers or a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Optional

from game.engine import EngineError, State, Story
from game.program import Program, pick
from game.scorecard import Scorecard, ScorecardBuilder
from game.vocab import MOT_LABELS_ZH, meter_words, signed

MAX_DECISIONS = 10_000


class PlaythroughError(ValueError):
    """The choices given cannot be played (not open, ran out, or too many)."""


@dataclass
class Beat:
    """One node passed through, with the decision taken there if any."""

    node: str
    speaker: str
    text: str
    options: list[str] = field(default_factory=list)
    chosen: Optional[int] = None
    stage: Optional[str] = None
    rating: Optional[int] = None
    meter_before: Optional[float] = None
    meter_after: Optional[float] = None
    feedback: Optional[str] = None


@dataclass
class PlaythroughResult:
    """A finished run: the beats, the final state and the scorecard."""

    program: Program
    state: State
    beats: list[Beat]
    choices: list[int]
    scorecard: Scorecard

    def to_json(self) -> dict[str, Any]:
        """The ``run --json`` object."""
        return {
            "scene": self.program.id,
            "ending": self.scorecard.ending,
            "path": list(self.state.visited),
            "choices": self.choices,
            "satisfaction": self.state.meter,
            "satisfaction_level": self.scorecard.satisfaction_level,
            "score": self.scorecard.score,
            "grade": self.scorecard.grade,
            "outcome": self.scorecard.outcome,
            "relationship": self.scorecard.relationship,
            "technique": self.scorecard.technique.score,
            "scorecard": self.scorecard.to_dict(),
        }


def play(program: Program, numbers: Optional[list[int | str]], seed: Optional[int] = None,
         language: str = "en") -> PlaythroughResult:
    """Play to an ending, taking ``numbers`` in turn (or random choices from ``seed``).

    Each entry is an open choice's number (1-based) or a choice id.

    Raises:
        PlaythroughError: when a number is not open, numbers run out, or some are left over.
    """
    story = Story(program)
    chooser = random.Random(seed)
    state = story.start()
    beats: list[Beat] = []
    taken: list[int] = []
    card = ScorecardBuilder(program, language)  # put together as the run goes: no replay at the end
    while True:
        node = story.node(state)  # the node itself, not a View: a transcript needs three of its fields
        if node.meter:  # a line without a `meter` event leaves the scorecard as it is
            card.line(node.id)
        speaker = program.speakers.get(node.speaker)
        beat = Beat(node.id, pick(speaker.name, language) if speaker else node.speaker, pick(node.text, language))
        beats.append(beat)
        if node.ending:
            ending = program.endings[node.ending]
            break
        if node.next is not None:
            state = story.advance(state)
            continue
        if len(taken) >= MAX_DECISIONS:
            raise PlaythroughError(f"more than {MAX_DECISIONS} decisions without an ending")
        open_now = story.open_choices(state)
        wanted = _next_number(numbers, taken, node.id, len(open_now), chooser)
        beat.options = [pick(choice.text, language) for choice in open_now]
        try:
            state, turn = story.choose(state, wanted) if isinstance(wanted, int) else story.choose_id(state, wanted)
        except EngineError as exc:
            raise PlaythroughError(f"decision {len(taken) + 1}: {exc}") from None
        card.decision(node, turn.step, turn.choice, open_now)
        taken.append(turn.number)
        beat.chosen, beat.stage, beat.rating = turn.number, turn.step.stage, turn.step.rating
        beat.meter_before, beat.meter_after = turn.step.meter_before, turn.step.meter_after
        beat.feedback = pick(turn.choice.feedback, language)
    if numbers is not None and len(numbers) > len(taken):
        raise PlaythroughError(f"the scene ended after {len(taken)} decision(s) but {len(numbers)} choices were "
                               f"given: remove the extra ones")
    return PlaythroughResult(program, state, beats, taken, card.finish(state, ending))


def _next_number(numbers: Optional[list[int | str]], taken: list[int], node_id: str, open_count: int,
                 chooser: random.Random) -> int | str:
    if numbers is None:
        return chooser.randint(1, open_count) if open_count else 1
    if len(taken) >= len(numbers):
        raise PlaythroughError(f"the choices ran out at decision {len(taken) + 1} (node '{node_id}') before an "
                               f"ending: add more numbers to --choices")
    return numbers[len(taken)]


_LABELS = {
    "en": {"ending": "ENDING", "score": "Score {score:g}/100, grade {grade}",
           "customer": "Outcome for the customer: relationship {level} ({label}), service level: {service}; "
                       "the ending's outcome {outcome}, satisfaction {meter}",
           "technique": "Technique: {technique:g}/100", "process": "Process", "meter": "satisfaction"},
    "zh": {"ending": "结局", "score": "得分 {score:g}/100，等级 {grade}",
           "customer": "顾客的结果：客户关系 {level}（{label}），服务层次：{service}；结局 {outcome}，满意度 {meter}",
           "technique": "服务技巧：{technique:g}/100", "process": "流程", "meter": "满意度"},
}
_SERVICE_ZH = {"not reached": "未达到", "basic": "基本", "satisfying": "满意", "value-added": "增值",
               "memorable": "难忘"}
_PROCESS_ZH = {"offer_before_explore": "未探索先提议", "act_before_offer": "未提议先行动", "explore": "探索",
               "offer": "提议", "act": "行动", "confirm": "确认"}


def transcript_text(result: PlaythroughResult, language: str = "en") -> str:
    """A readable transcript followed by the scorecard summary, in ``language``."""
    labels = _LABELS.get(language, _LABELS["en"])
    lines = [f"== {pick(result.program.title, language)} =="]
    for beat in result.beats:
        lines.append(f"{beat.speaker}: {beat.text}")
        if beat.chosen is None or beat.rating is None or beat.meter_before is None or beat.meter_after is None:
            continue  # a line, not a decision
        for number, option in enumerate(beat.options, start=1):
            lines.append(f"  {'>' if number == beat.chosen else ' '} {number}. {option}")
        change = f"{meter_words(beat.meter_before, language)} -> {meter_words(beat.meter_after, language)}"
        lines.append(f"    [{beat.stage} {signed(beat.rating)}] {labels['meter']} {change}")
        lines.append(f"    {beat.feedback}")
    card = result.scorecard
    ending = result.program.endings[card.ending]
    zh = language == "zh"
    lines += ["", f"{labels['ending']}: {card.ending_title}", pick(ending.text, language), "",
              labels["score"].format(score=card.score, grade=card.grade),
              labels["customer"].format(level=signed(card.relationship), outcome=signed(card.outcome),
                                        label=MOT_LABELS_ZH[card.relationship] if zh else card.relationship_label,
                                        service=_SERVICE_ZH[card.service_level] if zh else card.service_level,
                                        meter=meter_words(card.satisfaction, language)),
              labels["technique"].format(technique=card.technique.score)]
    problems = list(card.out_of_order) + [f"skipped {s}" if not zh else f"跳过{_PROCESS_ZH[s]}"
                                          for s in card.skipped_stages]
    if problems:
        shown = [_PROCESS_ZH.get(p, p) for p in problems] if zh else problems
        lines.append(f"{labels['process']}: " + ", ".join(shown))
    return "\n".join(lines)
