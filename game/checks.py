"""Checks on a schema-valid scene: references, reachability, loops, languages, ids.

Each check returns diagnostics located through the scene's source map.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Iterable, Optional

from game.conditions import KEYWORDS, METER_NAME, flags_in
from game.diagnostics import Diagnostic, did_you_mean, escape_controls
from game.glyphs import Coverage, load_coverage
from game.model import Scene, iter_texts
from game.vocab import CUSTOMER_SPEAKER
from game.yamlsrc import MAX_DIAGNOSTICS, STOP_AFTER, SourceMap

RESERVED_NAMES = KEYWORDS | {METER_NAME}
MAX_NUMBERED_CHOICES = 9
HINTED_PROBLEMS = 100  # as many as a file's listing shows (diagnostics.cap_diagnostics)
MAX_HINT_CANDIDATES = 5_000
# A did-you-mean compares the word with every candidate (difflib, tens of microseconds each). The
# comparisons of one file are budgeted: enough for any hand-written scene, and beyond that one more
# per HINT_BYTES bytes of file, so hints never cost more than a small, fixed share of a second per MB.
HINT_ALLOWANCE = 10_000
HINT_BYTES = 100


class _EnoughFound(Exception):
    """STOP_AFTER problems past those listed: checking on would only cost time and memory."""


class _Reporter:
    """Collects diagnostics for one file, placing them by data path; stops at a bound (see _EnoughFound).

    Problems are placed all at once when checking ends: the source map finds every position in one
    reading of the file, where placing them one by one would read it again for each.
    """

    def __init__(self, source: SourceMap, path: str, limit: int = MAX_DIAGNOSTICS + STOP_AFTER,
                 file_bytes: int = 0):
        self.source = source
        self.path = path
        self.limit = limit
        self.comparisons_left = HINT_ALLOWANCE + file_bytes // HINT_BYTES
        self.pending: list[tuple[bool, tuple, str, str]] = []  # (at the key, data path, code, message)

    def _keep(self, at_key: bool, loc: tuple, code: str, message: str) -> None:
        self.pending.append((at_key, loc, code, message))
        if len(self.pending) == self.limit:  # 0: no limit
            raise _EnoughFound

    def at_value(self, loc: tuple, code: str, message: str) -> None:
        self._keep(False, loc, code, message)

    def at_key(self, loc: tuple, code: str, message: str) -> None:
        self._keep(True, loc, code, message)

    def hint(self, word: str, candidates) -> str:
        """A did-you-mean suffix, while few problems are found: past HINTED_PROBLEMS, none.

        Each hint compares the word with every candidate; a file with 100,000 broken references
        to 100,000 nodes must not cost 10^10 comparisons for hints nobody will read.
        """
        if len(self.pending) >= HINTED_PROBLEMS or len(candidates) > min(MAX_HINT_CANDIDATES, self.comparisons_left):
            return ""
        self.comparisons_left -= len(candidates)
        return did_you_mean(word, candidates)

    def placed(self) -> list[Diagnostic]:
        """Every problem found, with its line and column."""
        self.source.prepare(loc for _, loc, _, _ in self.pending)
        found = []
        for at_key, loc, code, message in self.pending:
            line, column = self.source.key(loc) if at_key else self.source.value(loc)
            found.append(Diagnostic(self.path, line, column, code, message))
        return found


def check_scene(scene: Scene, source: SourceMap, path: str, conditions: Optional[dict] = None,
                file_bytes: int = 0) -> list[Diagnostic]:
    """Run every graph and content check.

    Args:
        scene: A schema-valid scene.
        source: Its source map.
        path: File name for the diagnostics.
        conditions: Parsed conditions by (node id, choice index), for the flag checks.
        file_bytes: The file's size, which sets how much time did-you-mean hints may take.
    """
    return check_scene_bounded(scene, source, path, conditions, limit=0, file_bytes=file_bytes)[0]


def check_scene_bounded(scene: Scene, source: SourceMap, path: str, conditions: Optional[dict] = None,
                        limit: int = MAX_DIAGNOSTICS + STOP_AFTER, file_bytes: int = 0
                        ) -> tuple[list[Diagnostic], bool]:
    """Like :func:`check_scene`, and whether checking stopped early, after MAX_DIAGNOSTICS + STOP_AFTER problems.

    A machine-made file can hold a problem in every one of 200,000 nodes; nobody reads past the
    first hundred, so the rest are not computed (and the count of them is a lower bound).
    ``limit`` 0 checks everything.
    """
    report = _Reporter(source, path, limit, file_bytes)
    try:
        _run_checks(scene, report, conditions)
    except _EnoughFound:
        return report.placed(), True
    return report.placed(), False


def _run_checks(scene: Scene, report: _Reporter, conditions: Optional[dict]) -> None:
    _check_ids(scene, report)
    _check_speakers(scene, report)
    _check_targets(scene, report)
    _check_languages(scene, report)
    _check_choices(scene, report)
    _check_flags(scene, report, conditions or {})
    _check_glyphs(scene, report, load_coverage())
    _check_workshop_plan(scene, report)
    _check_phone_fields(scene, report)
    if not any(code in ("MOT201", "MOT203") for _, _, code, _ in report.pending):
        _check_reachability(scene, report)


def _check_ids(scene: Scene, report: _Reporter) -> None:
    if CUSTOMER_SPEAKER in scene.cast:
        report.at_key(("cast", CUSTOMER_SPEAKER), "MOT209",
                      "'customer' is reserved for the scene's customer: rename this cast member")
    for ending_id in scene.endings:
        if ending_id in scene.nodes:
            report.at_key(("endings", ending_id), "MOT209",
                          f"'{ending_id}' is both a node id and an ending id: give the ending its own id")
    for node_id, node in scene.nodes.items():
        seen: dict[str, int] = {}
        for index, choice in enumerate(node.choices or ()):
            if choice.id is None:
                continue
            if choice.id in seen:
                report.at_value(("nodes", node_id, "choices", index, "id"), "MOT209",
                                f"choice id '{choice.id}' is already used by choice {seen[choice.id] + 1} "
                                f"of node '{node_id}': choice ids must differ within a node")
            seen.setdefault(choice.id, index)
    if not any(speaker.role == "staff" for speaker in scene.cast.values()):
        report.at_key(("cast",), "MOT211", "no cast member has role: staff; add the staff member the player plays")


def _check_speakers(scene: Scene, report: _Reporter) -> None:
    known = set(scene.cast) | {CUSTOMER_SPEAKER}
    for node_id, node in scene.nodes.items():
        if node.speaker not in known:
            report.at_value(("nodes", node_id, "speaker"), "MOT202",
                            f"unknown speaker '{node.speaker}'{report.hint(node.speaker, known)}: "
                            f"use 'customer' or an id from cast")


def _check_targets(scene: Scene, report: _Reporter) -> None:
    if scene.start is not None and scene.start not in scene.nodes:
        report.at_value(("start",), "MOT201", _missing_target("start", scene.start, scene, report))
    for node_id, node in scene.nodes.items():
        if node.next is not None and node.next not in scene.nodes:
            report.at_value(("nodes", node_id, "next"), "MOT201", _missing_target("next", node.next, scene, report))
        if node.ending is not None and node.ending not in scene.endings:
            report.at_value(("nodes", node_id, "ending"), "MOT203",
                            f"unknown ending '{node.ending}'{report.hint(node.ending, scene.endings)}: "
                            f"add it under endings or fix the id")
        for index, choice in enumerate(node.choices or ()):
            if choice.next not in scene.nodes:
                report.at_value(("nodes", node_id, "choices", index, "next"), "MOT201",
                                _missing_target("next", choice.next, scene, report))


def _missing_target(field: str, target: str, scene: Scene, report: _Reporter) -> str:
    if target in scene.endings:
        return (f"{field} '{target}' is an ending, not a node: point it at a node that has "
                f"`ending: {target}`")
    return f"{field} '{target}' is not a node in this scene{report.hint(target, scene.nodes)}"


def _check_languages(scene: Scene, report: _Reporter) -> None:
    declared = list(dict.fromkeys(scene.languages))
    for loc, text in iter_texts(scene):
        if not isinstance(text, dict):
            continue
        for key in text:
            if key not in declared:
                report.at_key(loc + (key,), "MOT108",
                              f"language '{key}' is not declared in `languages` ({', '.join(declared)})"
                              f"{report.hint(key, declared)}")
        missing = [language for language in declared if language not in text]
        if missing:
            report.at_value(loc, "MOT208", f"{_dotted(loc)} has no text in {', '.join(missing)}: add "
                                           f"{', '.join(f'{m}: ...' for m in missing)}")


def _dotted(loc: tuple) -> str:
    return ".".join(str(part + 1) if isinstance(part, int) else part for part in loc)


def _check_choices(scene: Scene, report: _Reporter) -> None:
    for node_id, node in scene.nodes.items():
        choices = node.choices or []
        if choices and all(choice.condition is not None for choice in choices):
            report.at_key(("nodes", node_id, "choices"), "MOT205",
                          f"every choice of node '{node_id}' has a condition: give at least one choice no `if` "
                          f"so the player is never stuck")
        if len(choices) > MAX_NUMBERED_CHOICES:
            report.at_key(("nodes", node_id, "choices"), "MOT212",
                          f"node '{node_id}' offers {len(choices)} choices; players can pick 1-9 with keys: "
                          f"split the decision")


# Control characters other than line breaks and tabs: a scene can only hold them through a double-quoted
# escape ("\e", "\x07"), and no dialogue needs one.
_TEXT_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")  # what "\ud83d\ude00" gives with the pure-Python parser


def _check_glyphs(scene: Scene, report: _Reporter, coverage: Optional[Coverage]) -> None:
    known: dict[str, list[str]] = {}  # aliases repeat one string many times: scan each text once
    for loc, text in iter_texts(scene):
        values = text.items() if isinstance(text, dict) else [("", text)]
        for language, value in values:
            missing = known.get(value)
            if missing is None:
                missing = known[value] = _glyph_problems(value, coverage)
            if not missing:
                continue
            where = loc + ((language,) if language else ())
            if _SURROGATES.match(missing[0]):
                report.at_value(where, "MOT218",
                                f"the text holds the escape '{escape_controls(missing[0])}', half of a character "
                                f"(a UTF-16 surrogate) that cannot be drawn: write the character itself, or "
                                f"escape it whole as \\U followed by eight hex digits (\\U0001F600)")
            elif _TEXT_CONTROLS.match(missing[0]):
                report.at_value(where, "MOT218",
                                f"the text holds the control character '{escape_controls(missing[0])}', which "
                                f"cannot be drawn and would drive a terminal: remove it (write a line break as "
                                f"a new line, not an escape)")
            elif missing:
                shown = " ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:5])
                report.at_value(where, "MOT213",
                                f"the bundled font cannot draw {shown}: the game falls back to a system font, "
                                f"which may lack it too; use a common character or punctuation instead")


def _glyph_problems(value: str, coverage: Optional[Coverage]) -> list[str]:
    """The control characters of ``value`` if it has any (an error), else the characters the font lacks."""
    controls = _SURROGATES.findall(value) or _TEXT_CONTROLS.findall(value)
    if controls:
        return controls
    return coverage.missing(value) if coverage is not None else []


def _check_flags(scene: Scene, report: _Reporter, conditions: dict) -> None:
    set_flags = {flag for node in scene.nodes.values() for choice in node.choices or () for flag in choice.effects}
    for node_id, node in scene.nodes.items():
        for index, choice in enumerate(node.choices or ()):
            for flag in sorted(set(choice.effects) & RESERVED_NAMES):
                report.at_key(("nodes", node_id, "choices", index, "set", flag), "MOT110",
                              f"'{flag}' cannot be a flag name: conditions read it as "
                              f"{'the meter' if flag == METER_NAME else 'a keyword'}; choose another name")
    for (node_id, index), tree in conditions.items():
        for flag in sorted(flags_in(tree) - set_flags):
            report.at_value(("nodes", node_id, "choices", index, "if"), "MOT210",
                            f"the condition tests flag '{flag}', which no choice sets (so it is always false)"
                            f"{report.hint(flag, set_flags)}")


def edges(scene: Scene) -> dict[str, list[str]]:
    """Node id to the node ids it can lead to (ignoring conditions)."""
    graph: dict[str, list[str]] = {}
    for node_id, node in scene.nodes.items():
        targets = [choice.next for choice in node.choices or ()]
        if node.next is not None:
            targets.append(node.next)
        graph[node_id] = [target for target in targets if target in scene.nodes]
    return graph


def _reach(start: Iterable[str], graph: dict[str, list[str]]) -> set[str]:
    seen = set(start)
    queue = deque(seen)
    while queue:
        for target in graph.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _check_reachability(scene: Scene, report: _Reporter) -> None:
    graph = edges(scene)
    reached = _reach([scene.start_node], graph)
    for node_id in scene.nodes:
        if node_id not in reached:
            report.at_key(("nodes", node_id), "MOT204", f"no path from the start reaches node '{node_id}'")
    ending_reached = {scene.nodes[n].ending for n in reached if scene.nodes[n].ending is not None}
    for ending_id in scene.endings:
        if ending_id not in ending_reached:
            report.at_key(("endings", ending_id), "MOT206", f"no path from the start reaches ending '{ending_id}'")
    reverse: dict[str, list[str]] = {node_id: [] for node_id in scene.nodes}
    for source, targets in graph.items():
        for target in targets:
            reverse[target].append(source)
    can_finish = _reach([n for n, node in scene.nodes.items() if node.ending is not None], reverse)
    for node_id in scene.nodes:
        if node_id in reached and node_id not in can_finish:
            report.at_key(("nodes", node_id), "MOT207",
                          f"node '{node_id}' is caught in a loop with no way out: no ending can be reached "
                          f"from it; add a choice or next that leads towards an ending")


def _check_phone_fields(scene: Scene, report: _Reporter) -> None:
    """MOT217: fields that only a phone scene uses, written in a counter scene (so they would do nothing)."""
    if scene.setting.channel != "counter":
        return
    advice = "it is used only when setting.channel is phone: set channel: phone, or remove it"
    if scene.customer.phone is not None:
        report.at_key(("customer", "phone"), "MOT217", f"customer.phone: this is a counter scene; {advice}")
    for node_id, node in scene.nodes.items():
        if node.call is not None:
            report.at_key(("nodes", node_id, "call"), "MOT217",
                          f"nodes.{node_id}.call: this is a counter scene; {advice}")


def _check_workshop_plan(scene: Scene, report: _Reporter) -> None:
    """Key decisions of the workshop plan must be decision nodes, each named once (facilitator mode times them)."""
    if scene.workshop is None:
        return
    seen: set[str] = set()
    for index, key in enumerate(scene.workshop.key_decisions):
        loc = ("workshop", "key_decisions", index, "node")
        node = scene.nodes.get(key.node)
        if node is None:
            report.at_value(loc, "MOT216", f"key decision '{key.node}' is not a node in this scene"
                                           f"{report.hint(key.node, scene.nodes)}: name a decision node")
        elif not node.choices:
            report.at_value(loc, "MOT216", f"key decision '{key.node}' is a node without choices: "
                                           f"name a node the room votes on")
        elif key.node in seen:
            report.at_value(loc, "MOT216", f"key decision '{key.node}' is named twice: keep one entry")
        seen.add(key.node)
