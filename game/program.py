"""The runtime graph: what the engine walks, compiled from the authoring model.

Unlike :class:`game.model.Scene`, the program has no source positions, every
text is filled in for every declared language, conditions are parsed trees,
and defaults (start node, scoring weights, customer reactivity) are resolved.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from game.conditions import Expr, reads_meter
from game.ltext import LText, pick
from game.model import ScoringWeights, Scene
from game.vocab import CUSTOMER_REACTIVITY, CUSTOMER_SPEAKER

METER_MIN = -10
METER_MAX = 10


@dataclass(frozen=True)
class RChoice:
    """A compiled choice. ``index`` is its 0-based position in the node."""

    id: str
    index: int
    text: LText
    stage: str
    rating: int
    feedback: LText
    principles: tuple[str, ...]
    next: str
    condition: Optional[Expr]
    effects: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class Facilitation:
    """Facilitator material of a node."""

    question: Optional[LText]
    notes: Optional[LText]
    timer: Optional[int]


@dataclass(frozen=True)
class RNode:
    """A compiled node."""

    id: str
    speaker: str
    text: LText
    choices: tuple[RChoice, ...]
    next: Optional[str]
    ending: Optional[str]
    facilitator: Optional[Facilitation]
    look: Optional["NodeLook"] = None  # what the picture changes to on this line, when it changes
    meter: Optional[float] = None  # the line's meter event (customer's perception of what happens)
    # Whether any choice has a condition: a node without one opens all its choices, so a run need not
    # evaluate anything there (worked out once here rather than at every visit).
    gated: bool = field(init=False, repr=False, compare=False)
    # The first of the highest-rated choices: the best one missed, whenever every choice is open.
    top: Optional[RChoice] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "gated", any(choice.condition is not None for choice in self.choices))
        object.__setattr__(self, "top", max(self.choices, key=lambda choice: choice.rating, default=None))


@dataclass(frozen=True)
class NodeTexts:
    """A node's texts picked in one language: what a transcript and a debrief show of it."""

    speaker: str  # the speaker's name, or their id when the scene does not name them
    text: str
    options: tuple[str, ...]  # each choice's text, by its index
    feedback: tuple[str, ...]  # each choice's feedback, by its index


@dataclass(frozen=True)
class NodeLook:
    """How a line changes the picture: the speaker's expression, the weather, the backdrop (None: unchanged)."""

    expression: Optional[str] = None
    weather: Optional[str] = None
    backdrop: Optional[str] = None
    call: Optional[str] = None  # phone scenes: the call's state from this line on


@dataclass(frozen=True)
class REnding:
    """A compiled ending."""

    id: str
    title: LText
    text: LText
    outcome: int


@dataclass(frozen=True)
class RSpeaker:
    """A compiled cast member."""

    id: str
    name: LText
    role: str


@dataclass(frozen=True)
class RKeyDecision:
    """A decision the workshop plan discusses in depth, with its time and model answer."""

    node: str
    minutes: int
    question: LText
    model_answer: LText


@dataclass(frozen=True)
class RWorkshopPlan:
    """A scene's workshop plan: the key decisions and the peer-review rubric."""

    key_decisions: tuple[RKeyDecision, ...]
    rubric: tuple[LText, ...]

    def key(self, node: str) -> Optional[RKeyDecision]:
        """The key decision at ``node``, or None."""
        return next((key for key in self.key_decisions if key.node == node), None)


@dataclass(frozen=True)
class Program:
    """A scene ready to play: the runtime graph plus resolved settings."""

    id: str
    title: LText
    summary: LText
    objectives: tuple[LText, ...]
    languages: tuple[str, ...]
    place: LText
    backdrop: str
    customer_type: str
    customer_age: str
    mood: int
    reactivity: float
    speakers: Mapping[str, RSpeaker]
    start: str
    nodes: Mapping[str, RNode]
    endings: Mapping[str, REnding]
    weights: ScoringWeights
    reads_meter: bool
    content_hash: str
    meter_min: int = METER_MIN
    meter_max: int = METER_MAX
    weather: str = "clear"
    appearances: Mapping[str, Any] = field(default_factory=dict)  # speaker id -> model.Appearance (or absent)
    workshop: Optional[RWorkshopPlan] = None
    channel: str = "counter"  # counter (face to face) or phone (a call)
    caller_number: Optional[str] = None  # the number on the caller's card in a phone scene
    # Texts picked per language by :meth:`texts`, kept with the program they belong to (not in a global).
    picked: dict[str, Mapping[str, NodeTexts]] = field(default_factory=dict, init=False, repr=False,
                                                       compare=False)
    # What each choice did from each meter and set of flags (:class:`game.engine.Walk`), kept the same way.
    moves: dict[tuple, tuple] = field(default_factory=dict, init=False, repr=False, compare=False)
    # A decision's debrief entry but its number, by language, step and best choice missed (game.scorecard).
    debriefs: dict[tuple, tuple] = field(default_factory=dict, init=False, repr=False, compare=False)

    def texts(self, language: str) -> Mapping[str, NodeTexts]:
        """Every node's texts in ``language`` (:func:`game.ltext.pick`), by node id.

        Picked once per program and language: a run shows about 65 texts, and picking each from its
        language mapping every time was 6 % of a random playthrough in a profile.
        """
        texts = self.picked.get(language)
        if texts is None:
            texts = self.picked[language] = {node_id: _node_texts(self, node, language)
                                             for node_id, node in self.nodes.items()}
        return texts


def _node_texts(program: Program, node: RNode, language: str) -> NodeTexts:
    speaker = program.speakers.get(node.speaker)
    return NodeTexts(pick(speaker.name, language) if speaker else node.speaker, pick(node.text, language),
                     tuple(pick(choice.text, language) for choice in node.choices),
                     tuple(pick(choice.feedback, language) for choice in node.choices))


def _content_hash(source_text: str | bytes) -> str:
    raw = source_text if isinstance(source_text, bytes) else source_text.encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:16]


def compile_scene(scene: Scene, conditions: Mapping[tuple[str, int], Expr], source_text: str | bytes) -> Program:
    """Build the runtime graph from a scene that passed every check.

    Args:
        scene: The authoring model.
        conditions: Parsed conditions by (node id, choice index).
        source_text: The file text (or its UTF-8 bytes), hashed so a save can tell its scene was edited.
    """
    languages = tuple(dict.fromkeys(scene.languages))

    def text(value: Any) -> LText:
        if isinstance(value, str):
            return {language: value for language in languages}
        return {language: value[language] for language in languages if language in value}

    speakers = {sid: RSpeaker(sid, text(s.name), s.role) for sid, s in scene.cast.items()}
    speakers[CUSTOMER_SPEAKER] = RSpeaker(CUSTOMER_SPEAKER, text(scene.customer.name), "customer")
    nodes = {node_id: _compile_node(node_id, node, conditions, text) for node_id, node in scene.nodes.items()}
    return Program(
        id=scene.id,
        title=text(scene.title),
        summary=text(scene.summary),
        objectives=tuple(text(o) for o in scene.objectives),
        languages=languages,
        place=text(scene.setting.place),
        backdrop=scene.setting.backdrop,
        customer_type=scene.customer.type,
        customer_age=scene.customer.age,
        mood=scene.customer.mood,
        reactivity=scene.customer.reactivity or CUSTOMER_REACTIVITY[scene.customer.type],
        speakers=speakers,
        start=scene.start_node,
        nodes=nodes,
        endings={eid: REnding(eid, text(e.title), text(e.text), e.outcome) for eid, e in scene.endings.items()},
        weights=scene.scoring or ScoringWeights(),
        reads_meter=any(c.condition is not None and reads_meter(c.condition)
                        for node in nodes.values() for c in node.choices),
        content_hash=_content_hash(source_text),
        weather=scene.setting.weather,
        appearances=_appearances(scene),
        workshop=_compile_plan(scene, text),
        channel=scene.setting.channel,
        caller_number=scene.customer.phone,
    )


def _compile_plan(scene: Scene, text: Any) -> Optional[RWorkshopPlan]:
    if scene.workshop is None:
        return None
    keys = tuple(RKeyDecision(k.node, k.minutes, text(k.question), text(k.model_answer))
                 for k in scene.workshop.key_decisions)
    return RWorkshopPlan(keys, tuple(text(criterion) for criterion in scene.workshop.rubric))


def _appearances(scene: Scene) -> dict[str, Any]:
    """Each person's appearance as the scene describes it (the customer under the id ``customer``)."""
    found = {sid: s.appearance for sid, s in scene.cast.items() if s.appearance is not None}
    if scene.customer.appearance is not None:
        found[CUSTOMER_SPEAKER] = scene.customer.appearance
    return found


def _node_look(node: Any) -> Optional[NodeLook]:
    if node.expression is None and node.weather is None and node.backdrop is None and node.call is None:
        return None
    return NodeLook(node.expression, node.weather, node.backdrop, node.call)


def _compile_node(node_id: str, node: Any, conditions: Mapping, text: Any) -> RNode:
    choices = tuple(
        RChoice(
            id=choice.id or str(index + 1),
            index=index,
            text=text(choice.text),
            stage=choice.stage,
            rating=choice.rating,
            feedback=text(choice.feedback),
            principles=tuple(choice.principles),
            next=choice.next,
            condition=conditions.get((node_id, index)),
            effects=tuple(sorted(choice.effects.items())),
        )
        for index, choice in enumerate(node.choices or ())
    )
    facilitation = None
    if node.facilitator is not None:
        f = node.facilitator
        facilitation = Facilitation(
            text(f.question) if f.question is not None else None,
            text(f.notes) if f.notes is not None else None,
            f.timer,
        )
    return RNode(node_id, node.speaker, text(node.text), choices, node.next, node.ending, facilitation,
                 look=_node_look(node), meter=node.meter)
