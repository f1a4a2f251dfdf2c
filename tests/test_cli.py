"""The command line contract: forms, outputs and exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "main.py", *args] if cwd == ROOT else
                          [sys.executable, str(ROOT / "main.py"), *args],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_validate_shipped_scenes_passes(capsys):
    assert main(["validate", str(ROOT / "scenes")]) == 0
    assert "error" not in capsys.readouterr().out


def test_new_scene_validates_runs_and_analyses(tmp_path, capsys):
    assert main(["new", "my_scene", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "my_scene.yaml"
    assert path.is_file()
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == ""  # no errors and no warnings
    assert main(["run", str(path), "--choices", "1,1,1,1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["scene"] == "my_scene" and result["ending"] == "happy"
    assert main(["analyze", str(path), "--json"]) == 0
    analysis = json.loads(capsys.readouterr().out)
    assert analysis["best"]["stages"] == ["explore", "offer", "act", "confirm"]


def test_new_refuses_bad_names_and_existing_files(tmp_path, capsys):
    assert main(["new", "bad name!", "--dir", str(tmp_path)]) == 2
    assert main(["new", "twice", "--dir", str(tmp_path)]) == 0
    assert main(["new", "twice", "--dir", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_run_json_has_the_contract_fields():
    result = _cli("run", "scenes/tutorial.yaml", "--random", "7", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in ("scene", "ending", "path", "satisfaction", "score", "scorecard"):
        assert key in data
    assert data["path"][0] == "start" or isinstance(data["path"][0], str)
    again = json.loads(_cli("run", "tutorial", "--random", "7", "--json").stdout)
    assert again == data  # reproducible, and the id resolves like the path


def test_run_errors_are_clear_with_exit_1(tmp_path):
    main(["new", "short", "--dir", str(tmp_path)])
    path = str(tmp_path / "short.yaml")
    not_open = _cli("run", path, "--choices", "5")
    assert not_open.returncode == 1 and "choice 5 is not open" in not_open.stderr
    ran_out = _cli("run", path, "--choices", "1,1")
    assert ran_out.returncode == 1 and "ran out" in ran_out.stderr
    extra = _cli("run", path, "--choices", "1,1,1,1,1")
    assert extra.returncode == 1 and "remove the extra" in extra.stderr
    for result in (not_open, ran_out, extra):
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["run", "tutorial"], ["run", "tutorial", "--choices", "0,1"],
                                  ["run", "tutorial", "--choices", "1,a b"], ["bogus"],
                                  ["graph", "tutorial", "--format", "png"], ["run", "tutorial", "--lang", "fr",
                                                                             "--random", "1"]])
def test_bad_usage_exits_2(args):
    result = _cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_unknown_scene_id_lists_the_known_ones():
    result = _cli("run", "no_such_scene", "--random", "1")
    assert result.returncode == 1
    assert "tutorial" in result.stderr and "Traceback" not in result.stderr


def test_validate_reports_in_the_contract_form(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\nid: y\n", encoding="utf-8")
    result = _cli("validate", str(bad))
    assert result.returncode == 1
    assert f"{bad}:3:1: error: [MOT008]" in result.stdout


def test_graph_formats(capsys):
    from game.loader import load_scene

    program = load_scene(str(ROOT / "scenes" / "tutorial.yaml")).program
    edges = sum(len(n.choices) + bool(n.next) + bool(n.ending) for n in program.nodes.values())
    assert main(["graph", "tutorial"]) == 0
    mermaid = capsys.readouterr().out
    assert mermaid.startswith("flowchart TD") and mermaid.count("-->") == edges
    assert main(["graph", "tutorial", "--format", "dot"]) == 0
    dot = capsys.readouterr().out
    assert dot.startswith('digraph "tutorial"') and dot.count(" -> ") == edges
    assert dot.count("shape=doubleoctagon") == len(program.endings)


def test_schema_is_json_schema_from_the_models(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    choice = schema["$defs"]["Choice"]
    assert choice["properties"]["stage"]["enum"] == ["explore", "offer", "act", "confirm"]
    assert choice["properties"]["rating"]["minimum"] == -3 and choice["properties"]["rating"]["maximum"] == 3
    assert "if" in choice["properties"] and "set" in choice["properties"]
    assert choice["additionalProperties"] is False


def test_python_dash_m_game_and_no_command():
    result = subprocess.run([sys.executable, "-m", "game", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "0.1.0" in result.stdout


def test_choices_may_be_ids_or_numbers(capsys):
    assert main(["run", "tutorial", "--choices", "open,1,4,2,3", "--json"]) == 0
    by_id = json.loads(capsys.readouterr().out)
    assert main(["run", "tutorial", "--choices", "2,1,4,2,3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == by_id
    assert main(["run", "tutorial", "--choices", "nope,1"]) == 1
    assert "'nope' is not open" in capsys.readouterr().err


def test_scene_text_cannot_drive_the_terminal_or_forge_a_line(tmp_path, capsys):
    """A bidi override or line break in dialogue reaches the transcript and the map escaped or indented."""
    import yaml

    assert main(["new", "sly", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "sly.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = data["start"] if "start" in data else next(iter(data["nodes"]))
    data["nodes"][first]["text"] = {language: "Hello\u202e.\n== FAKE SCORE 100 ==" for language in data["languages"]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["run", str(path), "--choices", "1,1,1,1"]) == 0
    assert main(["graph", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\\u202e" in out
    assert not any(line.startswith("==") and "FAKE" in line for line in out.splitlines())


@pytest.mark.parametrize("escape", ["\\e[2J", "\\x07", "\\x9b31m", "\\r"])
def test_control_characters_in_scene_text_are_errors(tmp_path, capsys, escape):
    assert main(["new", "ctl", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "ctl.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.strip().startswith("en: \""))
    rows = text.splitlines()
    rows[line - 1] = rows[line - 1].replace('en: "', f'en: "{escape}', 1)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{line}:" in out and "[MOT218]" in out


@pytest.mark.parametrize("name, says", [("con", "device name"), ("NUL", "device name"), ("lpt1.v2", "device name"),
                                        ("aux.", "ends in a dot"), ("x.yaml", "new x"), ("y.YML", "new y")])
def test_new_refuses_names_that_make_poor_file_names(tmp_path, capsys, name, says):
    assert main(["new", name, "--dir", str(tmp_path)]) == 2
    assert says in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
