"""Headless playthroughs: the engine driven by a list of choice numbers or a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Optional

from game.engine import EngineError, State, Walk, numbered
from game.program import Program
from game.ltext import pick
from game.scorecard import Scorecard, ScorecardBuilder
from game.i18n import labelled, listed, meter_words, mot_label, process_problems, service_word, t
from game.vocab import signed

MAX_DECISIONS = 10_000


class PlaythroughError(ValueError):
    """The choices given cannot be played (not open, ran out, or too many)."""


@dataclass(slots=True)
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


@dataclass(slots=True)
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
    walk = Walk(program)
    texts = program.texts(language)  # every text picked once per program and language
    chooser = random.Random(seed)
    beats: list[Beat] = []
    taken: list[int] = []
    card = ScorecardBuilder(program, language)  # put together as the run goes: no replay at the end
    while True:
        node = walk.node
        if node.meter:  # a line without a `meter` event leaves the scorecard as it is
            card.line(node.id)
        said = texts[node.id]
        if node.ending:
            beats.append(Beat(node.id, said.speaker, said.text))
            ending = program.endings[node.ending]
            break
        if node.next is not None:
            beats.append(Beat(node.id, said.speaker, said.text))
            walk.advance()
            continue
        if len(taken) >= MAX_DECISIONS:
            raise PlaythroughError(f"more than {MAX_DECISIONS} decisions without an ending")
        open_now = walk.open_choices()
        try:
            number, choice = numbered(open_now, node.id, _next_number(numbers, taken, node.id, len(open_now), chooser))
        except EngineError as exc:
            raise PlaythroughError(f"decision {len(taken) + 1}: {exc}") from None
        step = walk.take(choice)
        card.decision(node, step, choice, open_now)
        taken.append(number)
        options = [said.options[c.index] for c in open_now] if node.gated else list(said.options)  # all open
        beats.append(Beat(node.id, said.speaker, said.text, options, number, step.stage, step.rating,
                          step.meter_before, step.meter_after, said.feedback[choice.index]))
    if numbers is not None and len(numbers) > len(taken):
        raise PlaythroughError(f"the scene ended after {len(taken)} decision(s) but {len(numbers)} choices were "
                               f"given: remove the extra ones")
    state = walk.state()
    return PlaythroughResult(program, state, beats, taken, card.finish(state, ending))


def _next_number(numbers: Optional[list[int | str]], taken: list[int], node_id: str, open_count: int,
                 chooser: random.Random) -> int | str:
    if numbers is None:
        # randint(1, n) is randrange(1, n + 1), which draws 1 + randrange(n): the same number from the
        # same seed (tests/test_playthrough_random.py holds this), through fewer calls (3-5 % of a random
        # playthrough, measured).
        return chooser.randrange(open_count) + 1 if open_count else 1
    if len(taken) >= len(numbers):
        raise PlaythroughError(f"the choices ran out at decision {len(taken) + 1} (node '{node_id}') before an "
                               f"ending: add more numbers to --choices")
    return numbers[len(taken)]


def transcript_text(result: PlaythroughResult, language: str = "en") -> str:
    """A readable transcript followed by the scorecard summary, in ``language``.

    Its words are the window's (the one catalogue of :mod:`game.i18n`): a decision's stage, the meter change,
    the ending, the score line and the process mistakes read the same on the scorecard.
    """
    lines = [f"== {pick(result.program.title, language)} =="]
    for beat in result.beats:
        lines.append(hanging(f"{beat.speaker}: ", beat.text))
        if beat.chosen is None or beat.rating is None or beat.meter_before is None or beat.meter_after is None:
            continue  # a line, not a decision
        for number, option in enumerate(beat.options, start=1):
            lines.append(hanging(f"  {'>' if number == beat.chosen else ' '} {number}. ", option))
        change = t("meter_change", language, before=meter_words(beat.meter_before, language),
                   after=meter_words(beat.meter_after, language))
        lines.append(f"    [{t(beat.stage, language) if beat.stage else ''} {signed(beat.rating)}] {change}")
        lines.append(hanging("    ", beat.feedback or ""))
    return "\n".join(lines + [""] + _summary_lines(result, language))


def hanging(lead: str, text: str) -> str:
    """``lead`` then ``text``, its later lines indented under the first, so a line break in a scene's
    text can never start a line that reads as the transcript's own (a heading, a score)."""
    return lead + text.replace("\n", "\n" + " " * max(len(lead), 4))


def _summary_lines(result: PlaythroughResult, language: str) -> list[str]:
    card = result.scorecard
    customer = t("transcript_customer", language, level=signed(card.relationship), outcome=signed(card.outcome),
                 label=mot_label(card.relationship, language), service=service_word(card.service_level, language),
                 meter=meter_words(card.satisfaction, language))
    problems = process_problems(card.out_of_order, card.skipped_stages, language)
    process = listed(problems, language) if problems else t("process_ok", language)
    ending = pick(result.program.endings[card.ending].text, language)
    return [t("ending_label", language, title=card.ending_title), ending, "",
            t("score_line", language, score=f"{card.score:g}", grade=card.grade), customer,
            labelled(t("technique_score", language, score=f"{card.technique.score:g}"), process, language)]
