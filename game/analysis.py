"""Scene analysis over the graph of game states, never path by path.

Two searches, both linear in the number of distinct states:

* The *state graph* (:mod:`game.reach`: places (node, flags) with the meter
  values they are reached with) gives the reachable nodes and endings, the
  decisions where no choice is open, the stages seen, and the number of
  distinct paths (:mod:`game.pathcount`; unbounded when it loops).
* The best and worst scores come from a label-correcting search whose labels
  are the scoring :class:`~game.scoring.Summary`. The score grows with the
  meter, the worst moment and the last moment, so at a given (node, flags,
  stages, order mistakes) a label that is no better in all three is dropped:
  each place keeps only a small Pareto frontier.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Optional

from game.bounds import Bounds, Outlook
from game.engine import apply_effects, enter_node
from game.gcpause import without_gc_pauses
from game.meterspan import meter_only_opens
from game.program import Program
from game.pathcount import count_paths, has_loop, state_successors
from game.reach import TooManyStates, explore, start_state, ways_back
from game.searchlabels import NO_LABEL, Labels, Queue
from game.searchsteps import CACHE_ENTRIES, Steps
from game.scoring import STAGE_BITS, advance_event, start_summary

MAX_STATES = 2_000_000
# A path of the score search may go back (round a loop) this many times; more only if no ending is
# reachable within it. Without a limit a loop could raise (or lower) the mean rating without end.
MAX_WAYS_BACK = 2
# The partial paths the first beam search keeps at each step (see _search's beam).
BEAM_WIDTH = 16
# The score search stops once it has made this many labels (partial paths) per node of the scene, and
# at least MIN_LABELS: about 100 bytes each with the queue and the states, so memory stays linear in
# the scene. A scene whose exact extreme would need more (a satisfaction gate in every other chapter of
# a 20k-node generated scene) is told the extreme found so far and how far the unexplored paths could
# go past it, instead of running for hours into gigabytes. The shipped scenes need under a thousand
# labels in all; a 40k-node generated scene without gates needs 40 per node for its best score.
LABELS_PER_NODE = 100
MIN_LABELS = 1_000_000


class AnalysisError(RuntimeError):
    """The scene has more states (or its score search more partial paths) than the analysis explores."""


@dataclass(frozen=True)
class Extreme:
    """The best or worst reachable outcome and the path to it."""

    score: float
    ending: str
    path: tuple[str, ...]
    choices: tuple[int, ...]
    stages: tuple[str, ...]
    proven: bool = True  # False: the search stopped at its labels limit; ``score`` is the extreme found so far
    reach: Optional[float] = None  # when not proven: the most (least) any path could still score


@dataclass
class Analysis:
    """What ``python main.py analyze`` reports."""

    scene: str
    nodes: int
    states: int
    reachable_nodes: int
    endings_reached: list[str]
    endings_unreached: list[str]
    paths: Optional[int]  # None: unbounded, the scene loops (or not counted, see paths_counted)
    stages_seen: list[str]
    stuck: list[str] = field(default_factory=list)
    paths_counted: bool = True  # False: too many states to count the paths one state at a time
    states_are_places: bool = False  # True: ``states`` counts (node, flags); each kept only its extreme meter
    best: Optional[Extreme] = None
    worst: Optional[Extreme] = None


@without_gc_pauses  # millions of labels and states, none of them in a reference cycle
def analyze(program: Program) -> Analysis:
    """Analyse a compiled scene.

    Raises:
        AnalysisError: when the scene has more than ``MAX_STATES`` states.
    """
    graph = StateGraph(program, MAX_STATES)
    reached_nodes = {place[0] for place in graph.reached.meters}
    reached_endings = {program.nodes[n].ending for n in reached_nodes if program.nodes[n].ending}
    paths, counted = graph.count_paths()
    result = Analysis(
        scene=program.id,
        nodes=len(program.nodes),
        states=graph.reached.states,
        reachable_nodes=len(reached_nodes),
        endings_reached=[e for e in program.endings if e in reached_endings],
        endings_unreached=[e for e in program.endings if e not in reached_endings],
        paths=paths,
        paths_counted=counted,
        stages_seen=[s for s in STAGE_BITS if s in graph.reached.stages],
        stuck=sorted(graph.reached.stuck),
        states_are_places=graph.reached.grid is not None and not graph.reached.enumerated,
    )
    # A path to an ending need not pass a state twice, so it goes back at most once per state: the searches'
    # ways-back limit never has to grow past the number of states (when they are counted one by one).
    most_back = graph.reached.states if graph.reached.grid is None or graph.reached.enumerated else MAX_STATES
    del graph  # the searches below need memory more than the edges
    if reached_endings:  # else every path goes round for ever: there is no best or worst ending to search for
        max_labels = max(MIN_LABELS, LABELS_PER_NODE * len(program.nodes))
        caps = {"max_states": MAX_STATES, "most_back": most_back, "max_labels": max_labels}
        result.best = _extreme(program, maximise=True, **caps)
        result.worst = _extreme(program, maximise=False, **caps)
    return result


class StateGraph:
    """Reachable places (node, flags) with their meters, and their edges (see :mod:`game.reach`)."""

    def __init__(self, program: Program, max_states: int = MAX_STATES):
        self.program = program
        self.max_states = max_states
        try:
            self.reached = explore(program, max_states)
        except TooManyStates as exc:
            raise AnalysisError(str(exc)) from exc

    def count_paths(self) -> tuple[Optional[int], bool]:
        """(distinct paths from the start to an ending, counted).

        The paths are None when a loop makes them unbounded. When no condition reads the meter a
        place is a state, and the places' graph is counted; otherwise a loop of places that every
        meter can go round (no condition reading the meter on it) repeats a state sooner or later
        (the meter settles: moves are monotone on a finite grid), and else the states are counted
        one by one, up to ``max_states`` of them (not counted beyond).
        """
        reached, program = self.reached, self.program
        start: tuple[str, frozenset] = (program.start, frozenset())
        if reached.grid is None:
            def ways(place: Any) -> list[Any]:
                return [target for target, (number, _) in reached.edges[place].items() for _ in range(number)]

            return count_paths(start, ways, program, None), True
        if has_loop({place: [target for target, (_, always) in edges.items() if always]
                      for place, edges in reached.edges.items()}):
            return None, True
        first = start_state(program)
        try:
            return count_paths(first, lambda state: state_successors(program, state), program, self.max_states), True
        except TooManyStates:
            return None, False


def _extreme(program: Program, maximise: bool, max_states: int = MAX_STATES,
             most_back: int = MAX_STATES, max_labels: int = MIN_LABELS) -> Optional[Extreme]:
    """Best (or worst) reachable score over the paths that go back at most ``MAX_WAYS_BACK`` times.

    When no ending can be reached within that many ways back, the limit is doubled until one can
    (or until it reaches ``most_back``, the most ways back a path to an ending can need: then no
    ending is reachable at all).
    """
    limit, (back, order) = MAX_WAYS_BACK, ways_back(program)
    while True:
        outlook = Outlook(program, back, order, limit)
        found = _search(program, maximise, (max_states, max_labels), back, outlook, limit)
        if found is not None or not any(back.values()) or limit >= most_back:
            return found
        limit *= 2


def _search(program: Program, maximise: bool, caps: tuple[int, int], back: dict[str, frozenset[int]],
            outlook: Outlook, limit: int) -> Optional[Extreme]:
    """A best-first label-correcting search over summaries, with branch and bound.

    Each state (node, flags, and the meter when a condition reads it) keeps only the labels no
    other label there dominates (a label dominates when its summary can end no worse and it has
    gone back no more often); the cap counts states, not labels. Labels are expanded in the order
    of the score they could still reach (:mod:`game.bounds`), and a label that cannot beat the best
    ending found so far is dropped: the first time no label can, the search is done. ``caps`` are
    (states, labels): past the first the scene is too large; at the second the search stops with
    the best ending found so far, unproven, and the bound of the labels left.

    Raises:
        AnalysisError: past the states cap, or at the labels cap before any ending was found.
    """
    max_states, max_labels = caps
    sign = 1 if maximise else -1
    steps = Steps(program, maximise)
    bounds = Bounds(program, maximise, outlook)
    flags_set = {flag for node in program.nodes.values() for choice in node.choices for flag, _ in choice.effects}
    labels = Labels(len(program.nodes), len(flags_set),
                    max((len(node.choices) for node in program.nodes.values()), default=0), limit)
    queue = Queue(sign)
    nodes = list(program.nodes.values())
    node_numbers = steps.node_number
    summaries, meter_number = steps.summaries, steps.meter_number
    # the labels kept at each state (numbered as one int: hashed far faster than a tuple), chained by labels.link
    frontier: dict[int, int] = {}
    # the meter is part of a state only when a higher (lower) meter could close a choice
    reads_meter = program.reads_meter and not meter_only_opens(program, upward=maximise)
    bound_of: dict[int, tuple[float, float, int]] = {}
    best: Optional[tuple[float, int]] = None
    decides_of = _decides_before_ending(program)
    decides = [decides_of[node.id] for node in nodes]  # by node number
    back_of = [back[node.id] for node in nodes]

    def bound_for(node: int, sid: int, backs: int) -> tuple[float, float, int]:
        """(bound, unclamped bound, their part of the queue's priority)."""
        bound_key = (sid << 24 | node) << 16 | backs
        found = bound_of.get(bound_key)
        if found is None:
            if len(bound_of) >= CACHE_ENTRIES:
                bound_of.clear()
            bound, unclamped = bounds.of(node, summaries[sid], limit - backs)
            prefix = queue.prefix(bound, unclamped) if bound != -sign * math.inf else 0
            found = bound_of[bound_key] = (bound, unclamped, prefix)
        return found

    def push(node: int, flags: int, sid: int, parent: int, number: int, backs: int) -> None:
        bound, _, prefix = bound_for(node, sid, backs)
        if bound == -sign * math.inf or (best is not None and sign * bound <= sign * best[0]):
            return  # no ending ahead, or none that can beat the best found so far
        key = (node << 24 | flags) << 24 | (meter_number[sid] if reads_meter else 0)
        head = frontier.get(key, NO_LABEL)
        if head == NO_LABEL and len(frontier) >= max_states:
            raise AnalysisError(f"more than {max_states} states: the scene is too large to analyse")
        summary_of, backs_of, link, alive = labels.summary, labels.backs, labels.link, labels.alive
        kept = head
        while kept != NO_LABEL:
            if backs_of[kept] <= backs and steps.dominates(summary_of[kept], sid):
                return
            kept = link[kept]
        index = last = labels.add(node, flags, sid, parent, number, backs)
        kept = head
        while kept != NO_LABEL:  # chain the new label, then those it does not dominate
            following = link[kept]
            if backs <= backs_of[kept] and steps.dominates(sid, summary_of[kept]):
                alive[kept] = 0
            else:
                link[last] = kept
                last = kept
            kept = following
        link[last] = NO_LABEL
        frontier[key] = index
        # ties: the most decisions taken first (diving to an ending), then the furthest past 0 (100), the newest
        queue.push(prefix, summaries[sid].count, index)

    def children(index: int) -> list[tuple[int, int, int, int, int]]:
        """(node, flag set, summary, choice number, ways back) one step after label ``index``, as numbers."""
        node = nodes[labels.node[index]]
        flag_number, sid, backs = labels.flags[index], labels.summary[index], labels.backs[index]
        flags, going_back = labels.flag_sets[flag_number], back_of[labels.node[index]]
        found = []
        if node.next is not None and backs + (0 in going_back) <= limit:
            found.append((node_numbers[node.next], flag_number, steps.enter(sid, node.next), 0,
                          backs + (0 in going_back)))
        place = labels.node[index] << 24 | flag_number
        for number, choice in enumerate(steps.open_choices(node, flags, sid, place), start=1):
            taken = backs + ((choice.index + 1) in going_back)
            if taken <= limit:
                target = node_numbers[choice.next]
                after = steps.after(sid, choice, decides[target])
                flags_after = flag_number if not choice.effects else labels.flag_number(apply_effects(flags, choice))
                found.append((target, flags_after, after, number, taken))
        return found

    def beam(index: int) -> Optional[tuple[float, int]]:
        """The best ending a beam search from ``index`` reaches, never going back: a first ending to beat.

        Without one, the search expands the many partial paths whose bound is 0 (or 100) one level
        at a time; with it, every label that cannot beat it is dropped at once. Each step keeps the
        BEAM_WIDTH most promising partial paths (best bound, then furthest past 0 or 100). A single
        greedy dive found 3.5 as the worst of a 20k-node scene with satisfaction gates, and the
        search then could not prove anything; sixteen wide, it finds the 0 in two seconds.
        """
        members, found = [index], None
        for _ in range(len(program.nodes) + 1):  # without its ways back the scene is acyclic
            ahead: dict[tuple[int, int, int], tuple[tuple[float, float], int, int, int]] = {}
            for member in members:
                ending = nodes[labels.node[member]].ending
                if ending is not None:
                    value = steps.score(labels.summary[member], ending)
                    if found is None or sign * value > sign * found[0]:
                        found = (value, member)
                    continue
                for node, flags, sid, number, backs in children(member):
                    bound, unclamped, _ = bound_for(node, sid, backs)
                    key = (sign * bound, sign * unclamped)
                    if backs == labels.backs[member] and bound != -sign * math.inf and (
                            (node, flags, sid) not in ahead or ahead[node, flags, sid][0] < key):
                        ahead[node, flags, sid] = (key, member, number, backs)
            if not ahead:
                break
            chosen = sorted(ahead.items(), key=lambda item: item[1][0], reverse=True)[:BEAM_WIDTH]
            members = [labels.add(node, flags, sid, member, number, backs)
                       for (node, flags, sid), (_, member, number, backs) in chosen]
        return found

    first = start_summary(program)
    entered = steps.intern(advance_event(first, enter_node(program, first.meter, program.start)))
    start, no_flags = node_numbers[program.start], labels.flag_number(frozenset())
    best = beam(labels.add(start, no_flags, entered, -1, 0, 0))
    push(start, no_flags, entered, -1, 0, 0)
    while (popped := queue.pop()) is not None:
        bound, index = popped
        if best is not None and sign * bound <= sign * best[0]:
            break  # no label left can beat the best ending found
        if len(labels.alive) >= max_labels:  # the queue is ordered by bound: none left can pass this one
            return _unproven(program, steps, labels, best, bound, max_labels)
        if not labels.alive[index]:
            continue
        ending = nodes[labels.node[index]].ending
        if ending is not None:
            value = steps.score(labels.summary[index], ending)
            if best is None or sign * value > sign * best[0]:
                best = (value, index)
            continue
        for node, flags, sid, number, backs in children(index):
            push(node, flags, sid, index, number, backs)
    return None if best is None else _trace(program, steps, labels, best)


def _unproven(program: Program, steps: Steps, labels: Labels, best: Optional[tuple[float, int]],
              reach: float, max_labels: int) -> Extreme:
    """The extreme found when the search stopped at ``max_labels``; ``reach`` bounds every path left."""
    if best is None:
        raise AnalysisError(f"the score search made {max_labels} partial paths without reaching an ending: "
                            "the scene is too large to analyse")
    return replace(_trace(program, steps, labels, best), proven=False, reach=reach)


def _decides_before_ending(program: Program) -> dict[str, bool]:
    """For each node: does every way from it to an ending pass through another decision?"""
    decides: dict[str, bool] = {}
    for node_id in program.nodes:
        chain, current = [], node_id
        while current not in decides:
            node = program.nodes[current]
            if node.next is None or current in chain:  # a decision, an ending, or a loop of lines
                decides[current] = node.ending is None
                break
            chain.append(current)
            current = node.next
        for link in chain:
            decides[link] = decides[current]
    return decides


def _trace(program: Program, steps: Steps, labels: Labels, best: tuple[float, int]) -> Extreme:
    value, index = best
    ids = list(program.nodes)
    path, numbers, stages = [], [], []
    while index >= 0:
        path.append(ids[labels.node[index]])
        number, parent = labels.number[index], labels.parent[index]
        if number:
            numbers.append(number)
            parent_node = program.nodes[ids[labels.node[parent]]]
            flag_number = labels.flags[parent]
            parent_open = steps.open_choices(parent_node, labels.flag_sets[flag_number], labels.summary[parent],
                                             labels.node[parent] << 24 | flag_number)
            stages.append(parent_open[number - 1].stage)
        index = parent
    ending = program.nodes[path[0]].ending or ""
    return Extreme(value, ending, tuple(reversed(path)), tuple(reversed(numbers)), tuple(reversed(stages)))
