"""xAPI 1.0.3 statements for a run: launched, answered (per decision), completed, passed or failed.

Pure data: these functions turn a program and a finished state into plain dicts ready to be sent
to a Learning Record Store. Identifiers are stable (a base IRI + scene id [+ node id]), so the
same decision in two runs is the same activity and an LRS can count how a cohort chose. Each
statement gets its id when it is made; the outbox keeps it, so sending it again is harmless.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from game.engine import State, Story
from game.i18n import t
from game.program import Program, RChoice
from game.scorecard import Scorecard, build_scorecard
from game.vocab import LANGUAGE_TAGS, LANGUAGES

XAPI_VERSION = "1.0.3"
DEFAULT_BASE_IRI = "https://mot-trainer.example/xapi"
PLATFORM = "MOT Service Trainer"
MODES = ("practice", "assessment", "workshop")
PASS_MARK = 55.0  # the floor of grade C: a run that reached "basic" service or better passes
VERBS = ("launched", "answered", "completed", "passed", "failed")  # ADL verbs; their words: "xapi.<verb>"
ADL_VERB = "http://adlnet.gov/expapi/verbs/"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


@dataclass(frozen=True)
class Context:
    """Who played, where and how: shared by every statement of one run."""

    actor: dict[str, Any]
    registration: str
    mode: str
    language: str
    base_iri: str = DEFAULT_BASE_IRI

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")


def new_registration() -> str:
    """A fresh registration id: one per run (attempt) of a scene."""
    return str(uuid.uuid4())


def iso_time(seconds: float) -> str:
    """A Unix time as an xAPI timestamp (UTC, milliseconds)."""
    whole = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
    return f"{whole}.{int(seconds * 1000) % 1000:03d}Z"


def iso_duration(seconds: float) -> str:
    """A length of time as an ISO 8601 duration such as ``PT1H2M3.5S``."""
    seconds = max(0.0, round(seconds, 2))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{int(hours)}H"
    if minutes:
        text += f"{int(minutes)}M"
    if secs or text == "PT":
        text += f"{secs:g}S"
    return text


def scene_iri(base_iri: str, scene_id: str) -> str:
    """The activity id of a scene."""
    return f"{base_iri.rstrip('/')}/scenes/{scene_id}"


def decision_iri(base_iri: str, scene_id: str, node_id: str) -> str:
    """The activity id of one decision (a node with choices) of a scene."""
    return f"{scene_iri(base_iri, scene_id)}/nodes/{node_id}"


def extension(base_iri: str, name: str) -> str:
    """The IRI of one of this game's result or context extensions."""
    return f"{base_iri.rstrip('/')}/extensions/{name}"


def anonymous_actor(account_id: str, base_iri: str = DEFAULT_BASE_IRI) -> dict[str, Any]:
    """An Agent known only by a random account id: what is sent unless the learner gives a name or email."""
    return {"objectType": "Agent", "account": {"homePage": base_iri, "name": account_id}}


def named_actor(name: str, email: str, account_id: str, base_iri: str = DEFAULT_BASE_IRI) -> dict[str, Any]:
    """An Agent with the name and/or email the learner set (the account id stands in when no email)."""
    actor = {"objectType": "Agent", "mbox": _mailto(email)} if email else anonymous_actor(account_id, base_iri)
    if name:
        actor["name"] = name
    return actor


def team_actor(team: str, session_registration: str, base_iri: str = DEFAULT_BASE_IRI) -> dict[str, Any]:
    """A workshop team as an identified xAPI Group (its account is unique to the session and team name)."""
    team_id = uuid.uuid5(uuid.UUID(session_registration), team)
    return {"objectType": "Group", "name": team, "account": {"homePage": base_iri, "name": f"team-{team_id}"}}


def _mailto(email: str) -> str:
    return email if email.startswith("mailto:") else f"mailto:{email}"


def verb_display(verb: str) -> dict[str, str]:
    """An xAPI verb's display, a language map with the verb in every language of the game."""
    return {LANGUAGE_TAGS[language]: t(f"xapi.{verb}", language) for language in LANGUAGES}


def _lang_map(text: Mapping[str, str]) -> dict[str, str]:
    return {LANGUAGE_TAGS.get(code, code): value for code, value in text.items() if value}


def scene_activity(program: Program, base_iri: str) -> dict[str, Any]:
    """The scene as an xAPI Activity (a simulation)."""
    return {"objectType": "Activity", "id": scene_iri(base_iri, program.id),
            "definition": {"type": SIMULATION, "name": _lang_map(program.title),
                           "description": _lang_map(program.summary)}}


def best_choices(choices: tuple[RChoice, ...]) -> list[RChoice]:
    """The highest-rated choices of a decision (more than one when tied)."""
    top = max(choice.rating for choice in choices)
    return [choice for choice in choices if choice.rating == top]


def decision_activity(program: Program, node_id: str, base_iri: str) -> dict[str, Any]:
    """A decision as a cmi.interaction of type choice: every authored option, the best as correct."""
    node = program.nodes[node_id]
    return {"objectType": "Activity", "id": decision_iri(base_iri, program.id, node_id),
            "definition": {
                "type": INTERACTION, "interactionType": "choice",
                "name": _lang_map({code: f"{program.title.get(code, program.id)} · {node_id}"
                                   for code in program.languages}),
                "description": _lang_map(node.text),
                "choices": [{"id": choice.id, "description": _lang_map(choice.text)} for choice in node.choices],
                "correctResponsesPattern": [choice.id for choice in best_choices(node.choices)],
                "extensions": {extension(base_iri, "ratings"): {c.id: c.rating for c in node.choices},
                               extension(base_iri, "stages"): {c.id: c.stage for c in node.choices}},
            }}


def _statement(ctx: Context, verb: str, obj: dict[str, Any], when: float, result: Optional[dict] = None,
               parent: Optional[dict] = None) -> dict[str, Any]:
    context: dict[str, Any] = {
        "registration": ctx.registration, "platform": PLATFORM, "language": LANGUAGE_TAGS.get(ctx.language,
                                                                                              ctx.language),
        "extensions": {extension(ctx.base_iri, "mode"): ctx.mode},
    }
    if parent is not None:
        context["contextActivities"] = {"parent": [{"objectType": "Activity", "id": parent["id"]}]}
    statement = {"id": str(uuid.uuid4()), "actor": ctx.actor,
                 "verb": {"id": ADL_VERB + verb, "display": verb_display(verb)}, "object": obj,
                 "context": context, "timestamp": iso_time(when), "version": XAPI_VERSION}
    if result is not None:
        statement["result"] = result
    return statement


def launched(ctx: Context, program: Program, when: float) -> dict[str, Any]:
    """The run started."""
    return _statement(ctx, "launched", scene_activity(program, ctx.base_iri), when)


def finished(ctx: Context, program: Program, state: State, started: float, ended: float,
             card: Optional[Scorecard] = None) -> list[dict[str, Any]]:
    """The statements of a finished run: one ``answered`` per decision, ``completed``, ``passed``/``failed``.

    Args:
        ctx: Who played and how.
        program: The scene played.
        state: The state at the ending.
        started: When the run started (Unix time).
        ended: When it reached its ending.
        card: The scorecard, when the caller already has it.
    """
    story = Story(program)
    card = card or build_scorecard(story, state, ctx.language)
    scene = scene_activity(program, ctx.base_iri)
    statements = [_answered(ctx, program, step, scene, ended) for step in state.steps]
    duration = iso_duration(ended - started)
    ext = ctx.base_iri
    completed = {"completion": True, "duration": duration, "extensions": {
        extension(ext, "ending"): card.ending, extension(ext, "ending-title"): card.ending_title,
        extension(ext, "outcome"): card.outcome, extension(ext, "satisfaction"): card.satisfaction}}
    statements.append(_statement(ctx, "completed", scene, ended, completed))
    passed = card.score >= PASS_MARK
    scored = {"score": {"scaled": round(card.score / 100, 4), "raw": card.score, "min": 0, "max": 100},
              "success": passed, "completion": True, "duration": duration,
              "extensions": {extension(ext, "grade"): card.grade, extension(ext, "relationship"): card.relationship}}
    statements.append(_statement(ctx, "passed" if passed else "failed", scene, ended, scored))
    return statements


def _answered(ctx: Context, program: Program, step: Any, scene: dict, when: float) -> dict[str, Any]:
    node = program.nodes[step.node]
    best = {choice.id for choice in best_choices(node.choices)}
    ext = ctx.base_iri
    result = {"response": step.choice, "success": step.choice in best, "extensions": {
        extension(ext, "stage"): step.stage, extension(ext, "rating"): step.rating,
        extension(ext, "meter-change"): step.delta, extension(ext, "meter-after"): step.meter_after}}
    return _statement(ctx, "answered", decision_activity(program, step.node, ctx.base_iri), when, result, scene)


def run_statements(ctx: Context, program: Program, state: State, started: float, ended: float,
                   card: Optional[Scorecard] = None) -> list[dict[str, Any]]:
    """Every statement of one run, launched first (for tools and tests that make a run at once)."""
    return [launched(ctx, program, started)] + finished(ctx, program, state, started, ended, card)
