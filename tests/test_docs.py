"""Generated documentation stays in step with the models and the code catalogue."""

from pathlib import Path

from game.diagnostics import CODES
from game.docgen import AUTHORING_DOC, render

ROOT = Path(__file__).resolve().parent.parent


def test_authoring_guide_generated_sections_are_current():
    text = AUTHORING_DOC.read_text(encoding="utf-8")
    assert render(text) == text, "docs/authoring.md is out of date: run `python -m game.docgen`"


def test_every_code_is_documented_and_every_field_listed():
    text = AUTHORING_DOC.read_text(encoding="utf-8")
    for code in CODES:
        assert f"`{code}`" in text
    for field in ("`rating`", "`stage`", "`feedback`", "`principles`", "`if`", "`set`", "`outcome`", "`question`"):
        assert field in text


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    block = readme.split("exactly what CI runs", 1)[1].split("```")[1]
    commands = [line for line in block.splitlines() if line.strip()]
    assert commands[0].startswith("python3 -m venv .venv") and commands[-1].endswith(".venv/bin/python -m pytest")
    assert [line for line in ci_lines if line in commands] == commands


def test_readme_key_tables_are_the_keymaps():
    from game.ui.keydoc import README, render

    text = README.read_text(encoding="utf-8")
    assert "<!-- GENERATED:keys-play -->" in text and "<!-- GENERATED:keys-facilitate -->" in text
    assert render(text) == text, "README.md's key tables are out of date: run `python -m game.ui.keydoc`"
