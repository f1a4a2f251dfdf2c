"""How the command line reports a problem: one line of text on stderr, or one JSON object with ``--json``.

Every handler raises :class:`CliError` instead of printing its own message, so a command run with
``--json`` never prints human text where a script expects JSON, whatever went wrong; the exit
code is the same in both modes.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Optional

from game.diagnostics import escape_controls

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A problem that stops a command: its message, what to do about it, the exit code and any extra JSON fields.

    Args:
        message: What went wrong, naming the file or setting.
        hint: What to do about it ("" when the message already says).
        code: The exit code, the same with and without ``--json``.
        data: More fields for the JSON object (a command's usual fields, the scene's diagnostics).
    """

    def __init__(self, message: str, hint: str = "", code: int = EXIT_PROBLEM,
                 data: Optional[dict[str, Any]] = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code
        self.data = data or {}


def error_json(message: str, hint: str = "", data: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """The JSON object of an error: the command's own fields (if any), then ``error`` and ``hint``."""
    return {**(data or {}), "error": message, "hint": hint}


def report(error: CliError, as_json: bool) -> int:
    """Print ``error`` as the mode asks (JSON on stdout, or text on stderr) and return its exit code."""
    if as_json:
        print(json.dumps(error_json(error.message, error.hint, error.data), ensure_ascii=False, indent=2))
    else:
        text = f"{error.message}; {error.hint}" if error.hint else error.message
        print(f"error: {escape_controls(text)}", file=sys.stderr)
    return error.code


def wants_json(argv: Any) -> bool:
    """Whether the command line asks for JSON (read before parsing, so that usage errors can answer in JSON)."""
    return "--json" in list(argv or ())
