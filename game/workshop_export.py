"""A facilitated session on disk: the CSV and JSON results, and the team names of the last session.

The CSV is opened in spreadsheets, so every text cell that a spreadsheet would read as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with a single
quote, as the OWASP guidance on CSV injection says; :func:`read_csv` undoes exactly that, so the
file reads back to what the session recorded. Files get fresh names and never overwrite another
export (two sessions finishing in the same second both keep their results).
"""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.storage import TEMP_PREFIX, clean_abandoned, read_json, write_json, write_unique

if TYPE_CHECKING:
    from game.workshop import Workshop

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
LAST_TEAMS_FILE = "last-teams.json"
LEFTOVER_PATTERNS = (f"{TEMP_PREFIX}*", "*.csv.tmp")  # ours, and the names older versions used


def _needs_quote(text: str) -> bool:
    """True for formula-like text (OWASP's triggers), and for quotes followed by formula-like text: only
    those get the prefix, so reading back knows exactly which leading quote is ours."""
    stripped = text.lstrip(QUOTE)
    return stripped.startswith(FORMULA_STARTS)


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: formula-like text gets a leading single quote; other text
    (even text that starts with a quote, like "'No bother'") and numbers are written as they are."""
    if isinstance(value, str) and _needs_quote(value):
        return QUOTE + value
    return value


def plain_cell(value: str) -> str:
    """Undo :func:`spreadsheet_cell` on a cell read back from the CSV: a leading quote is removed only
    where the writer put one (before formula-like text)."""
    return value[1:] if value.startswith(QUOTE) and _needs_quote(value[1:]) else value


def _header(width: int) -> list[str]:
    from game.workshop import letter

    return (["session", "scene", "scene_title", "team", "decision", "node", "key_decision", "quick_vote"]
            + [f"votes_{letter(n)}" for n in range(1, width + 1)]
            + ["chosen", "choice_id", "option_text", "stage", "rating", "tie", "ending", "ending_title", "score",
               "grade"])


def csv_rows(workshop: "Workshop") -> list[list[Any]]:
    """The CSV as rows (header first), before the spreadsheet protection."""
    from game.ltext import pick
    from game.workshop import letter

    width = max([len(r.votes) for r in workshop.records] + [4])
    results = {row["team"]: row for row in workshop.results()}
    title = pick(workshop.program.title, workshop.language)
    rows: list[list[Any]] = [_header(width)]
    for record in workshop.records:
        team = results[record.team]
        votes = [record.votes.get(letter(n), "") for n in range(1, width + 1)]
        rows.append([workshop.started, workshop.program.id, title, record.team, record.decision, record.node,
                     "yes" if record.key else "no", "yes" if record.quick else "no", *votes, record.chosen,
                     record.choice_id, record.choice_text, record.stage, record.rating,
                     "yes" if record.tie else "no", team.get("ending", ""), team.get("ending_title", ""),
                     team.get("score", ""), team.get("grade", "")])
    return rows


def csv_text(workshop: "Workshop") -> str:
    """One row per decision, with the team's ending (id and title) and score; every text cell protected."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in csv_rows(workshop):
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return out.getvalue()


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read an exported session CSV back: one dict per decision, the spreadsheet protection undone."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return [{key: plain_cell(value) for key, value in row.items()} for row in csv.DictReader(handle)]


def export(workshop: "Workshop", folder: Path) -> tuple[Path, Path]:
    """Write the session's CSV and JSON under ``folder``, each under a name no other export has.

    Temporaries a crash left behind in ``folder`` are removed first, once they are old enough to be
    certainly abandoned (another instance may be writing a young one right now).
    """
    clean_abandoned(folder, LEFTOVER_PATTERNS)
    stem = f"{time.strftime('%Y%m%d-%H%M%S')}-{workshop.program.id}"
    # BOM: spreadsheets then read the file as UTF-8
    csv_path = write_unique(folder, stem, ".csv", csv_text(workshop).encode("utf-8-sig"))
    data = {"session": workshop.started, "scene": workshop.program.id, "mode": workshop.mode,
            "key_decisions_only": workshop.key_only, "language": workshop.language, "teams": workshop.results()}
    json_path = write_unique(folder, csv_path.stem, ".json",
                             json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return csv_path, json_path


def load_last_teams(folder: Path) -> list[str]:
    """The team names of the last session started (an unreadable file is set aside and gives none)."""
    from game.workshop import team_name_problem

    data = read_json(folder / LAST_TEAMS_FILE).data
    teams = data.get("teams") if isinstance(data, dict) else None
    if not isinstance(teams, list):
        return []
    names = [name for name in teams if isinstance(name, str) and team_name_problem(name) is None]
    return list(dict.fromkeys(names))[:6]


def save_last_teams(folder: Path, teams: list[str]) -> None:
    """Remember the team names for the next session's set-up."""
    write_json(folder / LAST_TEAMS_FILE, {"teams": list(teams)})
