"""Authoring model: what a scene file says, validated by pydantic.

These models are the single source of truth for the scene format. The JSON
Schema (``python main.py schema``) and the field reference in
docs/authoring.md are generated from them. Source positions are kept apart,
in :class:`game.yamlsrc.SourceMap`; the runtime graph that the engine walks is
built from these models by :mod:`game.program`.
"""

from __future__ import annotations

import typing
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from game.vocab import FORMAT_VERSION, CustomerType, Language, Principle, Role, Stage

ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"
FLAG_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
FlagName = Annotated[str, StringConstraints(pattern=FLAG_PATTERN)]
LANGUAGE_KEY_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$"
LanguageKey = Annotated[str, StringConstraints(pattern=LANGUAGE_KEY_PATTERN)]
Rating = Annotated[int, Field(ge=-3, le=3, description="MOT rating, -3 (relationship endangered) to +3 (delighted).")]


def _check_text(value: Any) -> Any:
    """Accept a string or a map of language to string, with one clear message otherwise.

    Language keys are checked against the scene's declared languages later, by
    the checks, which can point at the exact key.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return value
    raise PydanticCustomError(
        "text_type", "expected text: a string, or a map of language to string such as {en: ..., zh: ...}"
    )


Text = Annotated[
    Union[str, dict[LanguageKey, str]],
    PlainValidator(_check_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "propertyNames": {"pattern": LANGUAGE_KEY_PATTERN},
                },
            ],
            "description": "Player-visible text: a plain string (the same in every language) "
            "or a map of language to string.",
        }
    ),
]


class _Strict(BaseModel):
    """Base for every authoring model: unknown fields are errors, no silent coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


BackdropName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{0,31}$")]
Weather = Literal["clear", "rain"]
Channel = Literal["counter", "phone"]
CallState = Literal["ringing", "connected", "hold", "transfer", "ended"]
Expression = Literal["neutral", "happy", "pleased", "worried", "sad", "angry", "surprised"]
ColourName = Annotated[str, StringConstraints(pattern=r"^(#[0-9a-fA-F]{6}|[a-z]{3,20})$")]


class Setting(_Strict):
    """Where the scene takes place."""

    place: Text = Field(description="Where and when, as the player reads it.")
    backdrop: BackdropName = Field(
        "store",
        description="Name of the backdrop the game draws (store, service-desk, bank, street-rain, classroom, "
                    "supermarket-desk, telecom-hall, call-centre).",
    )
    weather: Weather = Field("clear", description="Weather at the start; a node may change it (`weather`).")
    channel: Channel = Field(
        "counter",
        description="How the customer is served: `counter` (face to face) or `phone` (a call: the window shows "
        "the caller's card, a headset view and the caller's voice instead of a face).",
    )


class Appearance(_Strict):
    """How a person is drawn. Every field is optional; the game picks neutral defaults."""

    age: Optional[Literal["young", "adult", "middle-aged", "elderly"]] = Field(None, description="Apparent age.")
    gender: Optional[Literal["feminine", "masculine", "neutral"]] = Field(None, description="Gender presentation.")
    build: Optional[Literal["slim", "medium", "heavy"]] = None
    skin: Optional[Literal["light", "medium", "tan", "dark"]] = Field(None, description="Skin tone.")
    hair: Optional[Literal["short", "long", "bun", "ponytail", "curly", "bald", "cropped"]] = Field(
        None, description="Hair style.")
    hair_colour: Optional[ColourName] = Field(None, description="A colour name (black, grey, white, brown, blonde, "
                                                                "red...) or #rrggbb.")
    glasses: bool = False
    clothing: Optional[Literal["jacket", "coat", "cardigan", "blazer", "shirt", "sweater", "uniform",
                               "work-jacket", "suit", "dress", "raincoat"]] = Field(None, description="Top garment.")
    clothing_colour: Optional[ColourName] = Field(None, description="Colour of the top garment (name or #rrggbb).")
    details: list[Literal["headset", "scarf", "tie", "name-badge", "bag", "umbrella", "dust", "pearls"]] = Field(
        default_factory=list, description="Small details drawn on top (a headset for a call-centre agent, dust "
                                          "on a work jacket...).")


class Customer(_Strict):
    """The customer the player serves. Speaks as the reserved speaker id `customer`."""

    name: Text
    type: CustomerType = Field(description="Customer type from the brief; shapes how strongly they react.")
    mood: int = Field(0, ge=-10, le=10, description="Starting value of the satisfaction meter (-10 to 10).")
    reactivity: Optional[float] = Field(
        None, ge=0.25, le=3.0, description="Override of how strongly this customer reacts (default from the type)."
    )
    description: Optional[Text] = None
    age: Literal["adult", "elderly"] = Field(
        "adult", description="How the game draws the customer when `appearance` does not say (kept for older scenes).")
    appearance: Optional[Appearance] = Field(None, description="How the customer is drawn; it must match the "
                                                                "description.")
    phone: Optional[str] = Field(None, max_length=40, pattern=r"^[0-9+() -]{3,40}$",
                                 description="Number on the caller's card in a phone scene.")


class Speaker(_Strict):
    """A member of the cast."""

    name: Text
    role: Role = Field(description="customer, staff (the player), manager, narrator or other.")
    appearance: Optional[Appearance] = Field(None, description="How this speaker's portrait is drawn when they speak.")


class Facilitator(_Strict):
    """Material for workshop facilitators, shown in facilitator mode."""

    question: Optional[Text] = Field(None, description="Discussion question for the room.")
    notes: Optional[Text] = Field(None, description="Presenter notes, shown only to the facilitator.")
    timer: Optional[int] = Field(None, ge=10, le=3600, description="Discussion time in seconds.")


class Choice(_Strict):
    """One thing the player can say or do at a decision."""

    id: Optional[Id] = Field(None, description="Stable id, unique within the node (default: its position, 1, 2, ...).")
    text: Text = Field(description="What the player says or does.")
    stage: Stage = Field(description="MOT stage: explore, offer, act or confirm.")
    rating: Rating
    feedback: Text = Field(description="Coaching feedback: one or two sentences saying why this rating.")
    principles: list[Principle] = Field(min_length=1, description="Principles this choice illustrates.")
    next: Id = Field(description="Node that follows this choice.")
    condition: Optional[str] = Field(
        None, alias="if", max_length=500, description="Condition (expression language) for the choice to be open."
    )
    effects: dict[FlagName, bool] = Field(
        default_factory=dict, alias="set", description="Flags this choice sets, e.g. {asked_receipt: true}."
    )


class Node(_Strict):
    """A line of the scene, followed by exactly one of: choices, next, ending."""

    speaker: Id = Field(description="Cast id of who speaks, or `customer`.")
    text: Text
    choices: Optional[list[Choice]] = Field(None, min_length=1, description="The decision that follows the line.")
    next: Optional[Id] = Field(None, description="Node that follows a line with no decision.")
    ending: Optional[Id] = Field(None, description="Ending reached after this line.")
    facilitator: Optional[Facilitator] = None
    meter: Optional[float] = Field(
        None, ge=-5, le=5,
        description="Change to the satisfaction meter when this line is shown, for events the player did not "
        "choose (a manager's refund, a colleague's rudeness). Rated like a choice: the customer's perception.",
    )
    expression: Optional[Expression] = Field(None, description="The speaker's expression on this line "
                                                               "(default: the meter decides the customer's face).")
    weather: Optional[Weather] = Field(None, description="Weather from this line on (rain starts when the story "
                                                         "says).")
    backdrop: Optional[BackdropName] = Field(None, description="Backdrop from this line on (the scene moves).")
    call: Optional[CallState] = Field(None, description="Phone scenes: the call's state from this line on "
                                                        "(ringing, connected, hold, transfer, ended).")

    @model_validator(mode="after")
    def _one_way_forward(self) -> "Node":
        ways = [name for name in ("choices", "next", "ending") if getattr(self, name) is not None]
        if len(ways) != 1:
            found = ", ".join(ways) if ways else "none of them"
            raise PydanticCustomError(
                "node_shape", "a node needs exactly one of choices, next or ending (found {found})", {"found": found}
            )
        return self


class Ending(_Strict):
    """An ending: what happens, and the outcome the author intends."""

    title: Text
    text: Text = Field(description="What happens.")
    outcome: Rating = Field(description="Intended outcome on the MOT scale, -3 to +3.")


class ScoringWeights(_Strict):
    """Scene overrides of the scoring formula (defaults and reasons in docs/scoring.md)."""

    outcome: float = Field(0.5, ge=0, le=1, description="Outcome for the customer: weight of the ending's outcome "
                                                        "against the felt journey (meter, worst, last).")
    meter: float = Field(0.25, ge=0, le=1, description="Weight of the meter at the end (the last moment as felt).")
    worst: float = Field(0.25, ge=0, le=1, description="Weight of the meter's lowest point after a bad moment "
                                                       "(the worst moment as felt, peak-end).")
    last: float = Field(0.0, ge=0, le=1, description="Weight of the last choice's own rating (0: the last moment "
                                                     "already counts through the meter at the end).")
    technique: float = Field(0.5, ge=0, le=1, description="Share of the technique reading (mean rating minus "
                                                          "process penalties) in the overall score.")
    negative_multiplier: float = Field(2.0, ge=1, le=5, description="How much more a bad moment moves the meter.")
    offer_before_explore: float = Field(10, ge=0, le=50, description="Points lost for offering before exploring.")
    act_before_offer: float = Field(5, ge=0, le=50, description="Points lost for acting before offering.")
    no_confirm: float = Field(10, ge=0, le=50, description="Points lost for never confirming.")
    skipped_stage: float = Field(5, ge=0, le=50, description="Points lost for each of explore, offer, act never used.")

    @model_validator(mode="after")
    def _weights_sum_to_one(self) -> "ScoringWeights":
        total = self.outcome + self.meter + self.worst + self.last
        if abs(total - 1.0) > 1e-6:
            raise PydanticCustomError(
                "weights_sum", "outcome + meter + worst + last must add up to 1 (they add up to {total})",
                {"total": f"{total:g}"},
            )
        return self


class KeyDecision(_Strict):
    """One decision a workshop discusses in depth."""

    node: Id = Field(description="The decision node to discuss.")
    minutes: int = Field(10, ge=1, le=60, description="Discussion time (the handbook's workshop gives 10 minutes).")
    question: Text = Field(description="What the groups discuss; it must not give the answer away.")
    model_answer: Text = Field(description="The model answer and the principle behind it, for the debrief.")


class WorkshopPlan(_Strict):
    """A scene's plan for a facilitated workshop: what to discuss, and how groups review each other."""

    key_decisions: list[KeyDecision] = Field(min_length=1, max_length=4,
                                             description="The 3-4 decisions worth ten minutes of discussion each.")
    rubric: list[Text] = Field(min_length=1, max_length=8,
                               description="Criteria for the groups' peer review (交互点评) of each other's choices.")


class Scene(_Strict):
    """A scene file: metadata, cast, nodes and endings."""

    format: int = Field(description=f"Scene format version; this game reads version {FORMAT_VERSION}.")
    id: Id = Field(description="Stable scene id, used on the command line and in saves.")
    title: Text
    summary: Text
    languages: list[Language] = Field(min_length=1, description="Languages every text in the scene provides.")
    objectives: list[Text] = Field(default_factory=list, description="Learning objectives.")
    setting: Setting
    customer: Customer
    cast: dict[Id, Speaker] = Field(description="Speakers by id (the customer is always the speaker `customer`).")
    start: Optional[Id] = Field(None, description="First node (default: the first node in `nodes`).")
    scoring: Optional[ScoringWeights] = None
    workshop: Optional[WorkshopPlan] = Field(None, description="Plan for a facilitated workshop.")
    nodes: dict[Id, Node] = Field(min_length=1)
    endings: dict[Id, Ending] = Field(min_length=1)

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: int) -> int:
        if value != FORMAT_VERSION:
            raise PydanticCustomError(
                "format_version", "format version {value} is not supported: this game reads version {version}",
                {"value": value, "version": FORMAT_VERSION},
            )
        return value

    @property
    def start_node(self) -> str:
        """The id of the first node."""
        return self.start or next(iter(self.nodes))


def iter_texts(scene: Scene) -> typing.Iterator[tuple[tuple, Any]]:
    """Yield (data path, text value) for every player-visible text in a scene."""
    yield ("title",), scene.title
    yield ("summary",), scene.summary
    for index, objective in enumerate(scene.objectives):
        yield ("objectives", index), objective
    yield ("setting", "place"), scene.setting.place
    yield ("customer", "name"), scene.customer.name
    if scene.customer.description is not None:
        yield ("customer", "description"), scene.customer.description
    for speaker_id, speaker in scene.cast.items():
        yield ("cast", speaker_id, "name"), speaker.name
    for node_id, node in scene.nodes.items():
        yield ("nodes", node_id, "text"), node.text
        if node.facilitator is not None:
            for name in ("question", "notes"):
                if getattr(node.facilitator, name) is not None:
                    yield ("nodes", node_id, "facilitator", name), getattr(node.facilitator, name)
        for index, choice in enumerate(node.choices or ()):
            yield ("nodes", node_id, "choices", index, "text"), choice.text
            yield ("nodes", node_id, "choices", index, "feedback"), choice.feedback
    for ending_id, ending in scene.endings.items():
        yield ("endings", ending_id, "title"), ending.title
        yield ("endings", ending_id, "text"), ending.text
    if scene.workshop is not None:
        for index, key in enumerate(scene.workshop.key_decisions):
            yield ("workshop", "key_decisions", index, "question"), key.question
            yield ("workshop", "key_decisions", index, "model_answer"), key.model_answer
        for index, criterion in enumerate(scene.workshop.rubric):
            yield ("workshop", "rubric", index), criterion
