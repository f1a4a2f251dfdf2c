"""The results commands: ``xapi`` (print a run's statements), ``sync`` (send the outbox), ``report``.

Kept apart from :mod:`game.cli` so the results work changes one small file there. Exit codes as
in the CLI: 0 success, 1 a problem (a scene, the LRS), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable

from game.diagnostics import escape_controls
from game.storage import saves_dir
from game.vocab import LANGUAGES

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
MAILTO = re.compile(r"mailto:[^@\s]+@[^@\s]+")


def add_commands(commands: Any) -> None:
    """Add ``xapi``, ``sync`` and ``report`` to the CLI's subcommands."""
    xapi = commands.add_parser("xapi", help="print the xAPI statements a playthrough produces (JSON array)")
    xapi.add_argument("scene", metavar="SCENE")
    xapi.add_argument("--choices", required=True, metavar="N,N,...", help="as for `run`")
    xapi.add_argument("--learner", metavar="mailto:NAME@HOST", help="the learner's email (default: anonymous)")
    xapi.add_argument("--lang", choices=LANGUAGES, default="en")
    add_mode_option(xapi)

    sync = commands.add_parser("sync", help="send the outbox to the LRS now; print sent, pending and refused")
    sync.add_argument("--json", action="store_true", help="print one JSON object")

    report = commands.add_parser("report", help="write the cohort report of a scene as one HTML page")
    report.add_argument("scene", metavar="SCENE")
    source = report.add_mutually_exclusive_group()
    source.add_argument("--lrs", action="store_true", help="read the statements from the LRS")
    source.add_argument("--from", dest="folder", metavar="FOLDER",
                        help="read the outboxes under FOLDER (default: saves/)")
    report.add_argument("--since", metavar="YYYY-MM-DD", help="only statements stored from this date on (with --lrs)")
    report.add_argument("--out", metavar="FILE.html", help="where to write (default: saves/reports/SCENE.html)")
    report.add_argument("--lang", choices=LANGUAGES, default="en")


def add_mode_option(parser: argparse.ArgumentParser) -> None:
    """``--mode`` for commands that make statements."""
    parser.add_argument("--mode", choices=("practice", "assessment", "workshop"),
                        help="the run's mode (default: practice)")


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    """Command name to handler."""
    return {"xapi": _xapi, "sync": _sync, "report": _report}


def _error(message: str, code: int) -> int:
    print(f"error: {escape_controls(message)}", file=sys.stderr)
    return code


def _play(args: argparse.Namespace):
    """Load and play the scene from ``--choices``; (program, result) or an exit code."""
    from game.cli import _load_program, _parse_numbers
    from game.playthrough import PlaythroughError, play

    try:
        numbers = _parse_numbers(args.choices)
    except ValueError as exc:
        return _error(f"--choices: {exc}", EXIT_USAGE)
    program = _load_program(args.scene)
    if program is None:
        return EXIT_PROBLEM
    try:
        return program, play(program, numbers, language=args.lang)
    except PlaythroughError as exc:
        return _error(str(exc), EXIT_PROBLEM)


def _xapi(args: argparse.Namespace) -> int:
    from game.recording import Recorder
    from game.settings import load_settings
    from game.xapi import new_registration, run_statements

    if args.learner is not None and not MAILTO.fullmatch(args.learner):
        return _error(f"--learner must be a mailto: address such as mailto:name@example.com, not {args.learner!r}",
                      EXIT_USAGE)
    played = _play(args)
    if isinstance(played, int):
        return played
    program, result = played
    settings, _ = load_settings()
    now = time.time()
    try:  # the anonymous learner id is made and kept under saves/ on first use
        recorder = Recorder(saves_dir(), settings.with_changes(language=args.lang), args.mode, args.learner)
        ctx = recorder.context(new_registration())
    except OSError as exc:
        return _error(f"cannot write under {saves_dir()}: {exc.strerror or exc}", EXIT_PROBLEM)
    statements = run_statements(ctx, program, result.state, now, now, result.scorecard)
    print(json.dumps(statements, ensure_ascii=False, indent=2))
    return EXIT_OK


def record_run(args: argparse.Namespace, program: Any, result: Any) -> int:
    """``run --record``: the history and the outbox, exactly as the game leaves them; returns an exit code."""
    from game.recording import Recorder
    from game.savestore import SaveStore
    from game.run import Run
    from game.settings import load_settings

    settings, _ = load_settings()
    recorder = Recorder(saves_dir(), settings.with_changes(language=args.lang), getattr(args, "mode", None))
    from game.scenes import resolve_scene

    run = Run(str(resolve_scene(args.scene)), program, result.state, mode=getattr(args, "mode", None) or "practice")
    try:
        recorder.launch(run)
        recorder.finish(run, result.scorecard, SaveStore())
    except OSError as exc:
        return _error(f"--record: cannot write under {saves_dir()}: {exc.strerror or exc}", EXIT_PROBLEM)
    return EXIT_OK


def _sync(args: argparse.Namespace) -> int:
    from game.lrs import LrsClient, config_from, config_problem, sync
    from game.outbox import Outbox
    from game.recording import OUTBOX_DIR
    from game.settings import load_settings

    settings, _ = load_settings()
    problem = config_problem(settings)
    if problem:
        return _error(problem, EXIT_PROBLEM)
    config = config_from(settings)
    outbox = Outbox(saves_dir() / OUTBOX_DIR)
    if config is None:
        counts = outbox.counts()
        print(f"sent 0, pending {counts.pending}, refused {counts.refused}")
        return _error("no LRS is configured: set MOT_LRS_ENDPOINT (and MOT_LRS_USERNAME, MOT_LRS_PASSWORD) or "
                      "lrs_endpoint in saves/settings.json; see docs/results.md", EXIT_PROBLEM)
    try:
        report = sync(outbox, LrsClient(config))
        outbox.record_outcome(report.delivered_all, time.time())
    except OSError as exc:
        return _error(f"cannot update the outbox in {outbox.folder}: {exc.strerror or exc}; nothing was lost, "
                      "set MOT_SAVES_DIR to a folder you can write to", EXIT_PROBLEM)
    counts = outbox.counts()
    if args.json:
        print(json.dumps({"lrs": config.public_name, "sent": report.sent, "pending": counts.pending,
                          "refused": counts.refused, "newly_refused": [{"id": i, "reason": r} for i, r in
                                                                       report.refused],
                          "problem": report.problem, "files_set_aside": counts.problems}, ensure_ascii=False))
    else:
        print(f"sent {report.sent}, pending {counts.pending}, refused {counts.refused} ({config.public_name})")
        for statement_id, reason in report.refused:
            print(escape_controls(f"refused {statement_id}: {reason}"))
        for problem in counts.problems:
            print(escape_controls(f"note: {problem}"))
    if report.problem:
        return _error(f"{report.problem}; the {counts.pending} pending statement(s) stay in the outbox",
                      EXIT_PROBLEM)
    return _sync_outcome(report, counts)


def _sync_outcome(report: Any, counts: Any) -> int:
    """The exit code of a sync that ran to its end: a problem when anything was refused or is still unsent."""
    if report.refused:
        return _error(f"the LRS refused {len(report.refused)} statement(s); they are kept in outbox/refused "
                      "with the reason (see above): fix what it names, or tell whoever runs the LRS", EXIT_PROBLEM)
    if counts.pending:
        return _error(f"{counts.pending} statement(s) could not be sent yet and stay pending; run sync again",
                      EXIT_PROBLEM)
    if counts.problems:
        return _error(f"{len(counts.problems)} outbox file(s) could not be read and were set aside (see the notes "
                      "above)", EXIT_PROBLEM)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from game.cli import _load_program
    from game.cohort import runs_from_statements
    from game.cohort_html import render_report
    from game.storage import write_text

    program = _load_program(args.scene)
    if program is None:
        return EXIT_PROBLEM
    statements, source = _read_statements(args, program)
    if statements is None:
        return EXIT_PROBLEM
    page = render_report(program, runs_from_statements(statements), args.lang, source)
    out = Path(args.out) if args.out else saves_dir() / "reports" / f"{program.id}.html"
    try:
        write_text(out, page)
    except OSError as exc:
        return _error(f"cannot write {out}: {exc.strerror or exc}", EXIT_PROBLEM)
    print(escape_controls(f"wrote {out} ({len(statements)} statements from {source})"))
    return EXIT_OK


def _read_statements(args: argparse.Namespace, program: Any) -> tuple[Any, str]:
    """The statements for the report: from the LRS, or from every outbox under a folder."""
    if args.lrs:
        from game.lrs import LrsClient, LrsError, config_from, config_problem
        from game.settings import load_settings
        from game.xapi import scene_iri
        from game.recording import base_iri

        settings, _ = load_settings()
        problem = config_problem(settings)
        if problem:
            _error(f"--lrs: {problem}", 0)
            return None, ""
        config = config_from(settings)
        if config is None:
            _error("--lrs: no LRS is configured (MOT_LRS_ENDPOINT or lrs_endpoint in saves/settings.json)", 0)
            return None, ""
        client = LrsClient(config)
        params = {"activity": scene_iri(base_iri(settings), program.id), "related_activities": "true"}
        if args.since:
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", args.since):
                _error(f"--since must be a date such as 2026-09-01, not {args.since!r}", 0)
                return None, ""
            params["since"] = f"{args.since}T00:00:00Z"
        try:
            statements = list(client.statements(params))
            if not statements:  # some LRSs (Ralph's file backend) do not filter by activity: read all, filter here
                print("note: the LRS returned nothing for the scene's activity; reading every statement",
                      file=sys.stderr)
                statements = list(client.statements({"since": params["since"]} if args.since else None))
            return statements, config.public_name
        except LrsError as exc:
            _error(str(exc), 0)
            return None, ""
    from game.cohort import statements_under

    folder = Path(args.folder) if args.folder else saves_dir()
    if not folder.is_dir():
        _error(f"--from: {folder} is not a folder", 0)
        return None, ""
    statements, notes = statements_under(folder)
    for note in notes:
        print(escape_controls(f"note: {note}"), file=sys.stderr)
    return statements, str(folder)
