"""Session export: spreadsheet-safe CSV that reads back, unique file names, safe clean-up, team names."""

import csv
import json
import os
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.workshop import MAX_TEAM_NAME, Workshop, WorkshopError
from game.workshop_export import (
    load_last_teams,
    plain_cell,
    read_csv,
    save_last_teams,
    spreadsheet_cell,
)
from tests.conftest import compile_dict, workshop_scene

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(1)", "\t=2+2", "\r=1"]


def _play(workshop, numbers):
    for number in numbers:
        workshop.add_vote(number, 2)
        workshop.reveal()


def _finished_session(teams=("Red", "Blue")):
    workshop = Workshop(compile_dict(workshop_scene()), list(teams))
    _play(workshop, [1, 2, 1])
    workshop.next_team()
    if len(teams) > 1:
        _play(workshop, [2, 2, 2])
    return workshop


@pytest.mark.parametrize("text", FORMULAS + ["'=already", "''+twice"])
def test_formula_like_cells_are_neutralised_and_read_back(text):
    protected = spreadsheet_cell(text)
    assert protected == "'" + text and plain_cell(protected) == text


@pytest.mark.parametrize("text", ["'No bother, I'll sort it'", "'quoted", "'", "''", "'a=b", "' -1"])
def test_text_that_merely_starts_with_a_quote_is_written_as_it_is_and_reads_back(text):
    assert spreadsheet_cell(text) == text and plain_cell(text) == text


@given(st.text(alphabet="'=+-@\t\rab1 ", max_size=8))
def test_every_text_reads_back_exactly(text):
    assert plain_cell(spreadsheet_cell(text)) == text


@pytest.mark.parametrize("text", ["Red", "红队", "a-b", "1+1", "x=y", ""])
def test_plain_text_and_numbers_are_left_alone(text):
    assert spreadsheet_cell(text) == text
    assert spreadsheet_cell(-3) == -3 and spreadsheet_cell(2.5) == 2.5


def test_every_text_column_is_protected(tmp_path):
    data = workshop_scene()
    data["id"] = "test_scene"
    data["title"] = {"en": "=cmd()", "zh": "@标题"}
    data["nodes"]["d0"]["choices"][0]["text"] = {"en": "-1 refund", "zh": "+退款"}
    data["nodes"]["d0"]["choices"][1]["text"] = {"en": "'No bother', I said", "zh": "'没事'"}
    data["endings"]["done"]["title"] = {"en": "+ending", "zh": "=结局"}
    workshop = Workshop(compile_dict(data), ["=team()", "@crew"])
    _play(workshop, [1, 1, 1])
    workshop.next_team()
    _play(workshop, [2, 2, 2])
    csv_path, _ = workshop.export(tmp_path)
    with open(csv_path, newline="", encoding="utf-8-sig") as handle:
        raw = list(csv.reader(handle))
    cells = [cell for row in raw[1:] for cell in row]
    assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)
    assert all(not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit() for cell in cells)
    rows = read_csv(csv_path)
    assert {row["team"] for row in rows} == {"=team()", "@crew"}
    assert rows[0]["scene_title"] == "=cmd()" and rows[0]["option_text"] == "-1 refund"
    assert rows[0]["ending_title"] == "+ending"
    assert "'No bother', I said" in cells  # merely starting with a quote: written as it is
    assert [row["option_text"] for row in rows if row["team"] == "@crew"][0] == "'No bother', I said"


def test_csv_has_ending_titles_option_text_stage_and_rating_and_reads_back(tmp_path):
    workshop = _finished_session()
    csv_path, json_path = workshop.export(tmp_path)
    rows = read_csv(csv_path)
    assert len(rows) == len(workshop.records) == 6
    for row, record in zip(rows, workshop.records, strict=True):
        assert (row["team"], row["node"], row["chosen"], row["option_text"], row["stage"], int(row["rating"])) == \
            (record.team, record.node, record.chosen, record.choice_text, record.stage, record.rating)
    assert rows[0]["option_text"] == "Ask what happened (1)" and rows[0]["stage"] == "explore"
    assert rows[0]["ending"] == "done" and rows[0]["ending_title"] == "Order sorted"
    assert rows[0]["key_decision"] == "yes" and rows[1]["key_decision"] == "no"
    assert float(rows[-1]["score"]) == workshop.scorecard("Blue").score
    assert json.loads(json_path.read_text(encoding="utf-8"))["teams"][0]["ending_title"] == "Order sorted"


def test_two_exports_in_the_same_second_both_survive(tmp_path, monkeypatch):
    monkeypatch.setattr(time, "strftime", lambda *args: "20260101-120000")
    first, second = _finished_session(["Red"]), _finished_session(["Blue"])
    paths = [first.export(tmp_path), second.export(tmp_path)]
    assert len({p for pair in paths for p in pair}) == 4
    assert read_csv(paths[0][0])[0]["team"] == "Red" and read_csv(paths[1][0])[0]["team"] == "Blue"
    assert json.loads(paths[1][1].read_text(encoding="utf-8"))["teams"][0]["team"] == "Blue"
    assert paths[1][0].stem == paths[1][1].stem  # each session's CSV and JSON share a name


def test_export_cleans_only_abandoned_temporaries(tmp_path):
    old = [tmp_path / "20250101-x.csv.tmp", tmp_path / ".tmp-abc.json", tmp_path / ".tmp-def.csv"]
    young = tmp_path / ".tmp-writing-now.csv"
    for path in old + [young]:
        path.write_text("partial", encoding="utf-8")
    hour_ago = time.time() - 3600
    for path in old:
        os.utime(path, (hour_ago, hour_ago))
    other = tmp_path / "notes.txt"
    other.write_text("keep", encoding="utf-8")
    os.utime(other, (hour_ago, hour_ago))
    _finished_session(["Red"]).export(tmp_path)
    assert not any(path.exists() for path in old)
    assert young.exists() and other.exists()  # another instance may be writing it; not ours to judge


@pytest.mark.parametrize("name, words", [
    ("x" * (MAX_TEAM_NAME + 1), "characters long"), ("x" * 10_000, "characters long"), ("Red\x00", "U+0000"),
    ("Red\nBlue", "U+000A"), ("Red\rBlue", "U+000D"), ("\t=2+2", "U+0009"), ("A\x1b[2J", "U+001B"),
    ("Red\u2028", "U+2028"), ("a\u202eb", "U+202E"), ("   ", "needs a name")])
def test_bad_team_names_are_refused_with_a_reason(name, words):
    with pytest.raises(WorkshopError, match=words.replace("+", r"\+")):
        Workshop(compile_dict(workshop_scene()), ["Fine", name])


def test_non_text_team_lists_are_refused():
    for teams in ([], None, "Red", [1, 2]):
        with pytest.raises(WorkshopError):
            Workshop(compile_dict(workshop_scene()), teams)


def test_last_team_names_are_remembered_and_bad_files_give_none(tmp_path):
    save_last_teams(tmp_path, ["Red", "Blue"])
    assert load_last_teams(tmp_path) == ["Red", "Blue"]
    (tmp_path / "last-teams.json").write_text('{"teams": ["ok", "bad\\nname", 5, "ok"]}', encoding="utf-8")
    assert load_last_teams(tmp_path) == ["ok"]
    (tmp_path / "last-teams.json").write_text("{not json", encoding="utf-8")
    assert load_last_teams(tmp_path) == [] and list(tmp_path.glob("last-teams.json.corrupt-*"))


def test_exports_racing_in_the_same_second_never_overwrite_each_other(tmp_path, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setattr(time, "strftime", lambda *args: "20260101-120000")
    sessions = [_finished_session([f"Team {n}"]) for n in range(12)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        paths = list(pool.map(lambda workshop: workshop.export(tmp_path), sessions))
    assert len({p for pair in paths for p in pair}) == 24
    assert sorted(read_csv(csv_path)[0]["team"] for csv_path, _ in paths) == sorted(f"Team {n}" for n in range(12))
    assert not list(tmp_path.glob(".tmp-*"))  # every temporary was cleaned after its file got its name
