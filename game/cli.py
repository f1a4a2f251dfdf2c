"""The command line: validate, run, analyze, graph, schema, new (and the game itself).

The exact forms are a contract that tests and tools depend on; see README.md.
Exit codes: 0 success, 1 a problem with a scene or a run, 2 bad usage.
"""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from game import __version__
from game.cli_errors import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, CliError, report, wants_json
from game.diagnostics import escape_controls, escape_terminal, has_errors, summary_last
from game.vocab import LANGUAGES

if TYPE_CHECKING:  # the parser is built only for a command: `python main.py` alone opens the game without it
    import argparse

__all__ = ["EXIT_OK", "EXIT_PROBLEM", "EXIT_USAGE", "build_parser", "main"]


def build_parser(json_errors: bool = False) -> argparse.ArgumentParser:
    """The argument parser for every command; with ``json_errors`` a usage error is printed as JSON."""
    import argparse  # here, not at the top: the game's start (no arguments) never builds the parser

    from game import cli_results

    class Parser(argparse.ArgumentParser):
        """Usage errors as JSON when the command line asks for ``--json`` (the exit code stays 2)."""

        def error(self, message: str):
            if not json_errors:
                super().error(message)
            raise SystemExit(report(CliError(f"{self.prog}: {message}", f"see `{self.prog} --help`",
                                             EXIT_USAGE), as_json=True))

    parser = Parser(
        prog="main.py", description="Customer-service training game: MOT (Moments of Truth) scenarios.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    validate = commands.add_parser("validate", help="check scene files and print FILE:LINE:COL diagnostics")
    validate.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: scenes/)")
    validate.add_argument("--json", action="store_true", help="print the diagnostics as JSON")

    run = commands.add_parser("run", help="play a scene with no window")
    run.add_argument("scene", metavar="SCENE", help="a scene file, or a scene id under scenes/")
    picks = run.add_mutually_exclusive_group(required=True)
    picks.add_argument("--choices", metavar="N,N,...",
                       help="at each decision, the open choice to take: its number (1-based) or its id")
    picks.add_argument("--random", type=int, metavar="SEED", help="choose at random, reproducibly")
    run.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the transcript")
    run.add_argument("--json", action="store_true", help="print one JSON object with the scorecard")
    run.add_argument("--record", action="store_true",
                     help="record the finished run as the game does: history and xAPI outbox under saves/")
    cli_results.add_mode_option(run)

    analyze = commands.add_parser("analyze", help="reachable endings, path count, best and worst score")
    analyze.add_argument("scene", metavar="SCENE")
    analyze.add_argument("--json", action="store_true")

    graph = commands.add_parser("graph", help="print the scene map")
    graph.add_argument("scene", metavar="SCENE")
    graph.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    graph.add_argument("--lang", choices=LANGUAGES, default="en")

    commands.add_parser("schema", help="print the JSON Schema of the scene format")

    facilitate = commands.add_parser("facilitate", help="open facilitator mode for a workshop")
    facilitate.add_argument("scene", metavar="SCENE", nargs="?", help="the scene to start with")

    new = commands.add_parser("new", help="create a scene file from the commented template")
    new.add_argument("name", metavar="NAME", help="scene id; the file is scenes/NAME.yaml")
    new.add_argument("--dir", default="scenes", help="folder for the new file (default: scenes/)")
    cli_results.add_commands(commands)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line and return the exit code."""
    if not (sys.argv[1:] if argv is None else argv):
        # The game itself, the usual start: what parsing no arguments gives, without importing argparse and
        # building every command's parser (its gettext lookups import locale): 20 ms of a 0.3 s start
        return _play()
    as_json = wants_json(sys.argv[1:] if argv is None else argv)
    args = build_parser(json_errors=as_json).parse_args(argv)
    if args.command is None:  # the game: the loader, pydantic and the engine wait until a scene is opened
        return _play()
    from game import cli_results
    from game.scenes import SceneNotFound

    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "facilitate": _facilitate, "validate": _validate, "run": _run, "analyze": _analyze,
        "graph": _graph, "schema": _schema, "new": _new, **cli_results.handlers(),
    }
    try:
        return handlers[args.command](args)
    except SceneNotFound as exc:
        return report(CliError(str(exc), "give the path of a scene file, or one of those ids"),
                      as_json=getattr(args, "json", False))
    except CliError as exc:
        return report(exc, as_json=getattr(args, "json", False))
    except BrokenPipeError:  # output piped into `head`: not the user's mistake
        return EXIT_OK


def _play() -> int:
    from game.ui.app import run_game  # imported here: every other command works without a window

    return run_game()


def _facilitate(args: argparse.Namespace) -> int:
    path = ""
    if args.scene:
        # the scene is found and checked before pygame is imported: a mistyped or broken scene gets its error
        # (the file and what to do) with no pygame banner in front and no window opened for nothing
        from game.scenes import resolve_scene

        path = resolve_scene(args.scene)
        _load_program(path)
    from game.ui.app import run_game

    return run_game(facilitate=path)


def _validate(args: argparse.Namespace) -> int:
    from game.loader import load_scene
    from game.scenes import find_scene_files  # imported here: the game's start-up does not need the scene model

    files = find_scene_files(args.paths or ["scenes"])
    if not files:
        raise CliError(f"no .yaml scene files in {', '.join(args.paths or ['scenes'])}",
                       "give scene files, or folders that hold .yaml scene files", EXIT_USAGE)
    from game.predictability import leak_diagnostics

    diagnostics = []
    for path in files:
        loaded = load_scene(path)
        program = loaded.program if loaded.ok else None
        leaks = leak_diagnostics(program, loaded.source, path) if program is not None else []
        diagnostics += sorted(loaded.diagnostics + leaks, key=summary_last)  # MOT014 last
    if args.json:
        print(json.dumps([d.to_dict() for d in diagnostics], ensure_ascii=False, indent=2))
    else:
        for diagnostic in diagnostics:
            print(diagnostic.format())
        errors = sum(d.severity == "error" for d in diagnostics)
        print(f"{len(files)} file(s) checked: {errors} error(s), {len(diagnostics) - errors} warning(s)",
              file=sys.stderr)
    return EXIT_PROBLEM if has_errors(diagnostics) else EXIT_OK


def _load_program(scene_arg: str, as_json: bool = False):
    """The compiled scene; raises :class:`CliError` (with the diagnostics as JSON) when it has errors.

    Its diagnostics go to stderr, except those of a scene that fails with ``as_json``: they are in the error's JSON.
    """
    from game.loader import load_scene
    from game.scenes import resolve_scene

    path = resolve_scene(scene_arg)
    loaded = load_scene(path)
    if loaded.program is None:
        errors = sum(d.severity == "error" for d in loaded.diagnostics)
        if not as_json:
            for diagnostic in loaded.diagnostics:
                print(diagnostic.format(), file=sys.stderr)
        raise CliError(f"{path}: the scene has {errors} error(s){' (listed above)' if not as_json else ''}",
                       f"fix them and check with `python main.py validate {path}`", EXIT_PROBLEM,
                       {"diagnostics": [d.to_dict() for d in loaded.diagnostics]})
    for diagnostic in loaded.diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    return loaded.program


def _run(args: argparse.Namespace) -> int:
    from game.playthrough import PlaythroughError, play, transcript_text

    try:
        numbers = _parse_numbers(args.choices) if args.choices is not None else None
    except ValueError as exc:
        raise CliError(f"--choices: {exc}", code=EXIT_USAGE) from None
    program = _load_program(args.scene, args.json)
    try:
        result = play(program, numbers, seed=args.random, language=args.lang)
    except PlaythroughError as exc:
        raise CliError(f"{args.scene}: {exc}", "see each decision's open choices with `python main.py run "
                       f"{args.scene} --random 1`, or its map with `python main.py graph {args.scene}`") from None
    from game import cli_results

    if args.record:
        cli_results.record_run(args, program, result)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(escape_terminal(transcript_text(result, args.lang)))
    return EXIT_OK


def _parse_numbers(text: str) -> list[int | str]:
    """Choice numbers (1-based, among the open choices) or choice ids, comma-separated."""
    from game.model import ID_PATTERN

    picks: list[int | str] = []
    for part in (p.strip() for p in text.split(",")):
        if part.isdigit() and int(part) >= 1:
            picks.append(int(part))
        elif re.match(ID_PATTERN, part) and not part.isdigit():
            picks.append(part)
        else:
            raise ValueError(f"'{part}' is not a choice: give numbers from 1 or choice ids, separated by commas")
    return picks


def _analyze(args: argparse.Namespace) -> int:
    from game.analysis import AnalysisError, analyze
    from game.report import analysis_json, analysis_text

    program = _load_program(args.scene, args.json)
    try:
        result = analyze(program)
    except AnalysisError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        from game.predictability import predictability, predictability_json

        data = analysis_json(result) | {"predictability": predictability_json(predictability(program))}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(escape_terminal(analysis_text(result)))
    return EXIT_OK


def _graph(args: argparse.Namespace) -> int:
    from game.graphmap import to_dot, to_mermaid

    program = _load_program(args.scene)
    render = to_dot if args.format == "dot" else to_mermaid
    sys.stdout.write(escape_terminal(render(program, args.lang)))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from game.docgen import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from game.scenes import NewSceneError, create_scene

    try:
        path = create_scene(args.name, args.dir)
    except NewSceneError as exc:
        raise CliError(str(exc), code=EXIT_USAGE) from None
    print(f"created {escape_controls(path)}: edit it, then run `python main.py validate {escape_controls(path)}`")
    return EXIT_OK
