"""Diagnostics: every problem found in a scene, with its place and a stable code.

Codes are stable: tools and docs refer to them. ``CODES`` is the catalogue;
docs/authoring.md lists it (generated, see :func:`game.docgen.codes_reference`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Literal

Severity = Literal["error", "warning"]

# code -> (severity, short title). Titles are what docs list; messages add detail.
CODES: dict[str, tuple[Severity, str]] = {
    # Reading the file
    "MOT001": ("error", "The file cannot be read (missing, a folder, or no permission)."),
    "MOT002": ("error", "The file is larger than the size limit."),
    "MOT003": ("error", "The file is not UTF-8 text (for example saved as GBK or UTF-16)."),
    "MOT004": ("error", "YAML syntax error."),
    "MOT005": ("error", "A tab character is used for indentation; YAML needs spaces."),
    "MOT006": ("error", "The file is empty."),
    "MOT007": ("error", "The document is not a mapping of fields (it is a list or a single value)."),
    "MOT008": ("error", "The same key appears twice in one mapping."),
    "MOT009": ("error", "Aliases expand to too much data (an alias bomb) or refer to themselves."),
    "MOT010": ("error", "The document is nested too deeply."),
    "MOT011": ("error", "The file holds more than one YAML document."),
    "MOT012": ("error", "An explicit YAML tag (such as !!python/object) is not allowed."),
    "MOT013": ("error", "A value does not fit its tag (such as !!int abc), or a number is too long."),
    "MOT014": ("warning", "The file has more problems than are listed (only the first 100 are shown; this line "
                          "comes last)."),
    # The schema
    "MOT101": ("error", "A required field is missing."),
    "MOT102": ("error", "Unknown field."),
    "MOT103": ("error", "A value has the wrong type."),
    "MOT104": ("error", "A number is out of range (ratings and outcomes go from -3 to +3)."),
    "MOT105": ("error", "Unknown MOT stage (explore, offer, act, confirm)."),
    "MOT106": ("error", "Unknown customer type."),
    "MOT107": ("error", "Unknown principle."),
    "MOT108": ("error", "Unknown or undeclared language."),
    "MOT109": ("error", "Malformed condition."),
    "MOT110": ("error", "Invalid id or flag name."),
    "MOT111": ("error", "Unsupported format version."),
    "MOT112": ("error", "A node needs exactly one of choices, next or ending."),
    "MOT113": ("error", "Invalid value."),
    "MOT114": ("error", "Unknown speaker role."),
    # The graph
    "MOT201": ("error", "A `next` or `start` target does not exist."),
    "MOT202": ("error", "Unknown speaker."),
    "MOT203": ("error", "Unknown ending."),
    "MOT204": ("warning", "No path reaches this node."),
    "MOT205": ("warning", "A decision where every choice has a condition may leave no choice open."),
    "MOT206": ("warning", "No path reaches this ending."),
    "MOT207": ("error", "A loop with no way out: no ending can be reached from here."),
    "MOT208": ("error", "Text is missing in a declared language."),
    "MOT209": ("error", "An id is used twice."),
    "MOT210": ("warning", "A condition tests a flag that no choice sets."),
    "MOT211": ("warning", "The cast has no staff member for the player to play."),
    "MOT212": ("warning", "A decision offers more than 9 choices (only 1-9 have number keys)."),
    "MOT213": ("warning", "Text the bundled font cannot draw."),
    "MOT214": ("error", "A reachable decision where, given the flags and meter, no choice is open."),
    "MOT215": ("warning", "The scene has too many states to check every decision for a way forward."),
    "MOT216": ("error", "A workshop key decision is not a decision node of the scene, or is named twice."),
    "MOT217": ("warning", "A phone-only field (`call` on a node, `customer.phone`) in a counter scene: it has no "
                          "effect there."),
    "MOT218": ("error", "Text holds a control character (an escape such as `\\e` or `\\x07`)."),
    # Answer leaks (`validate` only; see "Writing options that tempt")
    "MOT301": ("warning", "A player who never reads the options (always first, last, longest or shortest, or "
                          "at random) reaches grade B or better."),
    "MOT302": ("warning", "The best option is the longest in more than half of the decisions."),
    "MOT303": ("warning", "The best option is always in the same position."),
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in a scene file.

    Attributes:
        file: Path of the file, as given by the user.
        line: 1-based line number (0 when the problem has no line).
        column: 1-based column number (0 when unknown).
        code: Stable code from :data:`CODES`.
        message: What is wrong and what to do about it.
    """

    file: str
    line: int
    column: int
    code: str
    message: str

    @property
    def severity(self) -> Severity:
        """``error`` or ``warning``, fixed by the code."""
        return CODES[self.code][0]

    def format(self) -> str:
        """Render as ``FILE:LINE:COL: severity: [CODE] MESSAGE``, on one line with control characters escaped."""
        return escape_controls(f"{self.file}:{self.line}:{self.column}: {self.severity}: [{self.code}] {self.message}")

    def to_dict(self) -> dict:
        """Plain-data form for JSON output."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


# C0 and C1 controls, DEL, line and paragraph separators, the bidirectional overrides that can make a
# terminal show text other than what is there, characters with no width an author could not see in a
# message (zero-width space and joiners, word joiner, BOM, soft hyphen), and surrogates, which a
# terminal cannot print at all (a YAML or JSON escape such as "\ud83d" makes them).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e"
                       "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_controls(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x1b``, ``\\u202e``).

    A key or file name from a scene must not forge a line of output or drive the terminal.
    """
    return _CONTROLS.sub(_escape_one, text)


def escape_terminal(text: str) -> str:
    """Text for the terminal with its line breaks kept and every other control character escaped.

    For output made of scene text (a transcript, a scene map): a line of dialogue must not clear the
    screen, retitle the window or forge a line of its own.
    """
    return "\n".join(escape_controls(line) for line in text.split("\n"))


def _escape_one(match: re.Match) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    point = ord(character)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def cap_diagnostics(diagnostics: list[Diagnostic], limit: int = 100, left_out: int = 0,
                    stopped_at: int = 0, incomplete: bool = False) -> list[Diagnostic]:
    """At most ``limit`` diagnostics of one file, errors first, then one MOT014 line counting the rest.

    Args:
        diagnostics: One file's diagnostics.
        limit: How many to keep.
        left_out: Problems already counted but not kept (by the YAML reader).
        stopped_at: The line where the reader gave up counting (0 when it read the whole file).
        incomplete: The checks stopped counting early (the count is a lower bound).

    Returns:
        The kept diagnostics sorted by position, plus the MOT014 summary when any were left out.
    """
    if len(diagnostics) <= limit and not left_out:
        return diagnostics
    ranked = sorted(diagnostics, key=lambda d: (d.severity != "error", d))
    kept, left = ranked[:limit], ranked[limit:]
    errors = sum(d.severity == "error" for d in left) + left_out  # the reader only leaves out errors
    count = len(left) + left_out
    kept = sorted(kept)
    last = kept[-1] if kept else Diagnostic("", 1, 1, "MOT014", "")
    stopped = f"; reading stopped at line {stopped_at:,}, so there may be more" if stopped_at else ""
    if incomplete and not stopped:
        stopped = "; checking stopped after that many, so there may be more"
    at_least = "at least " if stopped else ""
    # At the last listed problem's place, so it sorts after what it summarises (see summary_last).
    summary = Diagnostic(last.file, last.line, last.column, "MOT014",
                         f"{at_least}{count:,} more problem(s) in this file are not listed ({errors:,} error(s), "
                         f"{count - errors:,} warning(s)){stopped}: fix the {len(kept):,} listed for this file "
                         "and validate again to see the rest")
    return kept + [summary]


def summary_last(diagnostic: Diagnostic) -> tuple:
    """A sort key that keeps each file's MOT014 summary after all of that file's other problems."""
    return (diagnostic.file, diagnostic.code == "MOT014", diagnostic)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any diagnostic is an error."""
    return any(d.severity == "error" for d in diagnostics)


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" suffix for the closest candidate, or an empty string."""
    import difflib  # only needed when something is wrong: kept out of start-up

    matches = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
