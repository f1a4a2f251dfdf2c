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

from game.cli_errors import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, CliError
from game.diagnostics import escape_controls
from game.storage import saves_dir
from game.vocab import LANGUAGES

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
    """Print a message that does not stop the command (``report``'s notes on its sources) and return ``code``."""
    print(f"error: {escape_controls(message)}", file=sys.stderr)
    return code


def _play(args: argparse.Namespace):
    """Load and play the scene from ``--choices``: (program, result); raises :class:`CliError`."""
    from game.cli import _load_program, _parse_numbers
    from game.playthrough import PlaythroughError, play

    try:
        numbers = _parse_numbers(args.choices)
    except ValueError as exc:
        raise CliError(f"--choices: {exc}", code=EXIT_USAGE) from None
    program = _load_program(args.scene)
    try:
        return program, play(program, numbers, language=args.lang)
    except PlaythroughError as exc:
        raise CliError(str(exc)) from None


def _xapi(args: argparse.Namespace) -> int:
    from game.recording import Recorder
    from game.settings import load_settings
    from game.xapi import new_registration, run_statements

    if args.learner is not None and not MAILTO.fullmatch(args.learner):
        raise CliError(f"--learner must be a mailto: address such as mailto:name@example.com, not {args.learner!r}",
                       code=EXIT_USAGE)
    program, result = _play(args)
    settings, _ = load_settings()
    now = time.time()
    try:  # the anonymous learner id is made and kept under saves/ on first use
        recorder = Recorder(saves_dir(), settings.with_changes(language=args.lang), args.mode, args.learner)
        ctx = recorder.context(new_registration())
    except OSError as exc:
        raise CliError(f"cannot write under {saves_dir()}: {exc.strerror or exc}",
                       "set MOT_SAVES_DIR to a folder you can write to") from None
    statements = run_statements(ctx, program, result.state, now, now, result.scorecard)
    print(json.dumps(statements, ensure_ascii=False, indent=2))
    return EXIT_OK


def record_run(args: argparse.Namespace, program: Any, result: Any) -> None:
    """``run --record``: the history and the outbox, exactly as the game leaves them; raises :class:`CliError`."""
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
        raise CliError(f"--record: cannot write under {saves_dir()}: {exc.strerror or exc}",
                       "set MOT_SAVES_DIR to a folder you can write to") from None


def _sync(args: argparse.Namespace) -> int:
    from game.lrs import LrsClient, config_from, config_problem, sync
    from game.outbox import Outbox
    from game.recording import OUTBOX_DIR
    from game.settings import load_settings

    settings, _ = load_settings()
    problem = config_problem(settings)
    if problem:
        raise CliError(problem)
    config = config_from(settings)
    outbox = Outbox(saves_dir() / OUTBOX_DIR)
    if config is None:
        counts = outbox.counts()
        if not args.json:
            print(f"sent 0, pending {counts.pending}, refused {counts.refused}")
        raise CliError("no LRS is configured", "set MOT_LRS_ENDPOINT (and MOT_LRS_USERNAME, MOT_LRS_PASSWORD) or "
                       "lrs_endpoint in saves/settings.json; see docs/results.md",
                       data=_sync_fields(None, 0, [], None, counts))
    try:
        report = sync(outbox, LrsClient(config))
        outbox.record_outcome(report.delivered_all, time.time())
    except OSError as exc:
        raise CliError(f"cannot update the outbox in {outbox.folder}: {exc.strerror or exc}; nothing was lost",
                       "set MOT_SAVES_DIR to a folder you can write to") from None
    counts = outbox.counts()
    fields = _sync_fields(config.public_name, report.sent, report.refused, report.problem, counts)
    if not args.json:
        print(f"sent {report.sent}, pending {counts.pending}, refused {counts.refused} ({config.public_name})")
        for statement_id, reason in report.refused:
            print(escape_controls(f"refused {statement_id}: {reason}"))
        for note in counts.problems:
            print(escape_controls(f"note: {note}"))
    failure = _sync_failure(report, counts)
    if failure is not None:
        raise CliError(*failure, data=fields)
    if args.json:
        print(json.dumps(fields, ensure_ascii=False))
    return EXIT_OK


def _sync_fields(lrs: Any, sent: int, refused: Any, problem: Any, counts: Any) -> dict[str, Any]:
    """The ``sync --json`` object (an error adds ``error`` and ``hint``)."""
    return {"lrs": lrs, "sent": sent, "pending": counts.pending, "refused": counts.refused,
            "newly_refused": [{"id": i, "reason": r} for i, r in refused], "problem": problem,
            "files_set_aside": counts.problems}


def _sync_failure(report: Any, counts: Any) -> tuple[str, str] | None:
    """What went wrong in a sync that ran (message, hint), or None: anything refused or still unsent is a problem."""
    if report.problem:
        return (f"{report.problem}; the {counts.pending} pending statement(s) stay in the outbox",
                "run sync again once the LRS can be reached")
    if report.refused:
        return (f"the LRS refused {len(report.refused)} statement(s); they are kept in outbox/refused with the "
                "reason", "fix what it names, or tell whoever runs the LRS")
    if counts.pending:
        return f"{counts.pending} statement(s) could not be sent yet and stay pending", "run sync again"
    if counts.problems:
        return (f"{len(counts.problems)} outbox file(s) could not be read and were set aside",
                "see the notes (files_set_aside with --json)")
    return None


def _report(args: argparse.Namespace) -> int:
    from game.cli import _load_program
    from game.cohort import runs_from_statements
    from game.cohort_html import render_report
    from game.storage import write_text

    program = _load_program(args.scene)
    statements, source = _read_statements(args, program)
    if statements is None:
        return EXIT_PROBLEM
    page = render_report(program, runs_from_statements(statements), args.lang, source)
    out = Path(args.out) if args.out else saves_dir() / "reports" / f"{program.id}.html"
    try:
        write_text(out, page)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}",
                       "give --out a file in a folder you can write to") from None
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
