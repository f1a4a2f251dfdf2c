"""xAPI statements: their shape checked against xAPI 1.0.3 by our own rules, identities, modes, the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.analysis import analyze
from game.cli import main
from game.loader import load_scene
from game.playthrough import play
from game.recording import Recorder, learner_account
from game.run import Run
from game.settings import Settings
from game.workshop import Workshop
from game.xapi import (
    Context, decision_iri, iso_duration, new_registration, run_statements, scene_iri, team_actor,
)

ROOT = Path(__file__).resolve().parent.parent
SCENES = sorted((ROOT / "scenes").glob("*.yaml"))
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
DURATION = re.compile(r"^P(?:\d+D)?T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?$")
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s]+$")
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def check_statement(statement: dict) -> None:
    """The xAPI 1.0.3 rules a statement from this game must follow (the parts an LRS enforces and more)."""
    assert UUID.match(statement["id"])
    actor = statement["actor"]
    ifis = [key for key in ("mbox", "mbox_sha1sum", "openid", "account") if key in actor]
    assert len(ifis) == 1, actor  # exactly one inverse functional identifier
    if "account" in actor:
        assert IRI.match(actor["account"]["homePage"]) and actor["account"]["name"]
    assert actor["objectType"] in ("Agent", "Group")
    assert IRI.match(statement["verb"]["id"]) and statement["verb"]["display"]["en"]
    assert all(LANGUAGE_TAG.match(tag) for tag in statement["verb"]["display"])
    obj = statement["object"]
    assert obj["objectType"] == "Activity" and IRI.match(obj["id"])
    definition = obj["definition"]
    assert IRI.match(definition["type"])
    assert all(LANGUAGE_TAG.match(tag) for tag in definition.get("name", {}))
    context = statement["context"]
    assert UUID.match(context["registration"]) and LANGUAGE_TAG.match(context["language"])
    assert all(IRI.match(key) for key in context["extensions"])
    assert TIMESTAMP.match(statement["timestamp"])
    result = statement.get("result", {})
    assert all(IRI.match(key) for key in result.get("extensions", {}))
    if "duration" in result:
        assert DURATION.match(result["duration"])
    if "score" in result:
        score = result["score"]
        assert -1 <= score["scaled"] <= 1 and score["min"] <= score["raw"] <= score["max"]
    if definition.get("interactionType") == "choice":
        ids = [choice["id"] for choice in definition["choices"]]
        assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[^\s\[\],]+", i) for i in ids)
        assert all(pattern in ids for pattern in definition["correctResponsesPattern"])
        assert result["response"] in ids


def _statements(scene: Path, seed: int, language: str = "en", mode: str = "practice") -> tuple:
    program = load_scene(str(scene)).program
    played = play(program, None, seed=seed, language=language)
    ctx = Context({"objectType": "Agent", "account": {"homePage": "https://lms.test", "name": "x1"}},
                  new_registration(), mode, language)
    return program, played, run_statements(ctx, program, played.state, 1000.0, 1061.5)


@pytest.mark.parametrize("scene", SCENES, ids=lambda p: p.stem)
def test_every_statement_of_every_scene_follows_the_rules(scene):
    for seed in (1, 2):
        program, played, statements = _statements(scene, seed, "zh" if seed == 2 else "en")
        for statement in statements:
            check_statement(statement)
        verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in statements]
        decisions = len(played.state.steps)
        assert verbs == ["launched"] + ["answered"] * decisions + ["completed",
                                                                   "passed" if played.scorecard.score >= 55 else
                                                                   "failed"]
        assert len({s["id"] for s in statements}) == len(statements)
        assert len({s["context"]["registration"] for s in statements}) == 1


def test_answered_statements_carry_the_decision_the_options_and_the_result():
    program, played, statements = _statements(ROOT / "scenes" / "tutorial.yaml", 3)
    answered = [s for s in statements if s["verb"]["id"].endswith("answered")]
    for statement, step in zip(answered, played.state.steps, strict=True):
        node = program.nodes[step.node]
        definition = statement["object"]["definition"]
        assert statement["object"]["id"] == decision_iri("https://mot-trainer.example/xapi", program.id, step.node)
        assert [c["id"] for c in definition["choices"]] == [c.id for c in node.choices]
        best = max(c.rating for c in node.choices)
        assert definition["correctResponsesPattern"] == [c.id for c in node.choices if c.rating == best]
        extensions = {key.rsplit("/", 1)[-1]: value for key, value in statement["result"]["extensions"].items()}
        assert statement["result"]["response"] == step.choice
        assert extensions == {"stage": step.stage, "rating": step.rating, "meter-change": step.delta,
                              "meter-after": step.meter_after}
        assert statement["result"]["success"] == (step.rating == best)
        assert statement["context"]["contextActivities"]["parent"][0]["id"] == scene_iri(
            "https://mot-trainer.example/xapi", program.id)
    final = statements[-1]["result"]
    assert final["score"] == {"scaled": round(played.scorecard.score / 100, 4), "raw": played.scorecard.score,
                              "min": 0, "max": 100}
    assert final["duration"] == "PT1M1.5S"
    completed = statements[-2]
    ending = {k.rsplit("/", 1)[-1]: v for k, v in completed["result"]["extensions"].items()}["ending"]
    assert ending == played.scorecard.ending


def test_activity_ids_are_stable_and_follow_the_base_iri():
    first = _statements(ROOT / "scenes" / "umbrella.yaml", 1)[2]
    second = _statements(ROOT / "scenes" / "umbrella.yaml", 1)[2]
    assert [s["object"]["id"] for s in first] == [s["object"]["id"] for s in second]
    assert {s["id"] for s in first}.isdisjoint(s["id"] for s in second)  # new statements, new ids
    assert first[0]["object"]["id"] == "https://mot-trainer.example/xapi/scenes/umbrella"
    assert scene_iri("https://lrs.example.org/training/", "x") == "https://lrs.example.org/training/scenes/x"


def test_iso_durations():
    assert iso_duration(0) == "PT0S"
    assert iso_duration(59.25) == "PT59.25S"
    assert iso_duration(3600) == "PT1H"
    assert iso_duration(3725) == "PT1H2M5S"
    assert iso_duration(-5) == "PT0S"


def test_the_learner_is_anonymous_by_default_and_named_only_when_set(tmp_path):
    account, problem = learner_account(tmp_path)
    assert problem is None and learner_account(tmp_path)[0] == account  # kept in saves/, the same next time
    recorder = Recorder(tmp_path, Settings())
    actor = recorder.context(new_registration()).actor
    assert actor == {"objectType": "Agent", "account": {"homePage": "https://mot-trainer.example/xapi",
                                                        "name": account}}
    named = Recorder(tmp_path, Settings(learner_name="Li Wei", learner_email="li.wei@corp.test"))
    assert named.context(new_registration()).actor == {"objectType": "Agent", "mbox": "mailto:li.wei@corp.test",
                                                       "name": "Li Wei"}
    (tmp_path / "learner.json").write_text("{broken", encoding="utf-8")
    renewed, problem = learner_account(tmp_path)
    assert renewed != account and "set aside" in problem


def test_settings_check_the_learner_and_lrs_fields():
    with pytest.raises(ValueError, match="learner_email"):
        Settings(learner_email="not an address")
    with pytest.raises(ValueError, match="lrs_endpoint"):
        Settings(lrs_endpoint="ftp://lrs")
    assert "s3cret" not in repr(Settings(lrs_password="s3cret"))


def test_modes_follow_coaching_and_workshop_teams_are_groups(tmp_path):
    run = Run.start(str(ROOT / "scenes" / "tutorial.yaml"), "assessment")
    assert Recorder(tmp_path, Settings())._run_context(run).mode == "assessment"
    assert Recorder(tmp_path, Settings(), mode="workshop")._run_context(run).mode == "workshop"
    assert Recorder(tmp_path, Settings()).context(new_registration()).mode == "practice"
    program = load_scene(str(ROOT / "scenes" / "tutorial.yaml")).program
    workshop = Workshop(program, ["Red <b>", "Blue"])
    for team, first in (("Red <b>", 2), ("Blue", 1)):
        assert workshop.team == team
        while not workshop.finished(team):
            if workshop.story.kind(workshop.state) == "line":
                workshop.advance()
                continue
            workshop.add_vote(first if not workshop.state.steps else 1, 2)
            workshop.reveal()
        workshop.next_team()
    statements = Recorder(tmp_path, Settings()).record_workshop(workshop)
    for statement in statements:
        check_statement(statement)
    groups = {s["actor"]["name"] for s in statements}
    assert groups == {"Red <b>", "Blue"} and {s["actor"]["objectType"] for s in statements} == {"Group"}
    assert {s["context"]["extensions"]["https://mot-trainer.example/xapi/extensions/mode"] for s in statements} == {
        "workshop"}
    assert len({s["context"]["registration"] for s in statements}) == 2  # one run per team
    assert team_actor("Blue", statements[0]["context"]["registration"]) != team_actor("Red", statements[0][
        "context"]["registration"])


def test_a_resumed_run_keeps_its_registration(tmp_path):
    run = Run.start(str(ROOT / "scenes" / "tutorial.yaml"))
    resumed, _ = Run.from_save(json.loads(json.dumps(run.to_save())))
    assert resumed.registration == run.registration and resumed.started_at == run.started_at
    damaged = dict(run.to_save(), registration="<script>", started_at=1e300)
    other, _ = Run.from_save(damaged)
    assert other.registration != "<script>" and other.started_at < 1e300


def test_xapi_command_prints_the_statements(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path))
    best = analyze(load_scene(str(ROOT / "scenes" / "tutorial.yaml")).program).best.choices
    choices = ",".join(str(n) for n in best)
    assert main(["xapi", "tutorial", "--choices", choices, "--learner", "mailto:a@b.c", "--lang", "zh"]) == 0
    statements = json.loads(capsys.readouterr().out)
    for statement in statements:
        check_statement(statement)
    assert {s["actor"]["mbox"] for s in statements} == {"mailto:a@b.c"}
    assert {s["context"]["language"] for s in statements} == {"zh-Hans"}
    assert statements[1]["object"]["definition"]["description"]["zh-Hans"]
    assert main(["xapi", "tutorial", "--choices", "1", "--learner", "a@b.c"]) == 2
    assert "mailto:" in capsys.readouterr().err


def test_unwritable_saves_give_a_clear_error(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("MOT_SAVES_DIR", str(blocked))  # saves/ is a file: nothing can be written under it
    best = ",".join(str(n) for n in analyze(load_scene(str(ROOT / "scenes" / "tutorial.yaml")).program).best.choices)
    assert main(["xapi", "tutorial", "--choices", best]) == 1
    assert "cannot write under" in capsys.readouterr().err
    assert main(["run", "tutorial", "--choices", best, "--record"]) == 1
    assert "--record: cannot write under" in capsys.readouterr().err
    monkeypatch.setenv("MOT_LRS_ENDPOINT", "http://127.0.0.1:9/xAPI/")
    assert main(["sync"]) == 1
    assert "cannot update the outbox" in capsys.readouterr().err
