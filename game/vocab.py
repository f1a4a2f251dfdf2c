"""Fixed vocabularies of the scene format, drawn from the domain brief.

Each vocabulary is a ``Literal`` type (so the JSON Schema lists the allowed
values) plus a description table used by the docs and by "did you mean"
suggestions.
"""

from typing import Literal, get_args

FORMAT_VERSION = 1
Language = Literal["en", "zh"]  # the languages a scene, the window and the command line can use
LANGUAGES: tuple[str, ...] = get_args(Language)
# Each language's RFC 5646 tag: xAPI statements and HTML pages use it, and with "_" for "-" it names the
# language's interface catalogue folder, game/locale/<tag>/ (English, the source language, has none).
LANGUAGE_TAGS = {"en": "en", "zh": "zh-Hans"}


def next_language(language: str) -> str:
    """The language the L key switches to from ``language``: the next of :data:`LANGUAGES`, round."""
    index = LANGUAGES.index(language) if language in LANGUAGES else -1
    return LANGUAGES[(index + 1) % len(LANGUAGES)]


Stage = Literal["explore", "offer", "act", "confirm"]
STAGES: tuple[str, ...] = get_args(Stage)
STAGE_DESCRIPTIONS = {
    "explore": "Find out what the customer needs: listen, ask open questions first, then closed ones.",
    "offer": "Propose something that meets the need, manage expectations, promise only what can be kept.",
    "act": "Do what was offered: keep the promise.",
    "confirm": "Check the customer is truly satisfied and help them recall the service they got.",
}

CustomerType = Literal[
    "demanding", "influential", "steady", "compliant", "silent", "talkative", "shy"
]
CUSTOMER_TYPES: tuple[str, ...] = get_args(CustomerType)
CUSTOMER_TYPE_DESCRIPTIONS = {
    "demanding": "Status-conscious, wants the best: listen without interrupting, be prepared and professional.",
    "influential": "Talkative, warm, trusting: smile, be friendly, let them talk.",
    "steady": "Patient, logical, dislikes change, loyal: calm low voice, slow pace.",
    "compliant": "Perfectionist: keep some distance, be concise.",
    "silent": "Says little: draw them out, match silence, find the real intent, guide patiently.",
    "talkative": "Argumentative, talks a lot: let them vent, flatter a little, politely limit the time.",
    "shy": "Timid with strangers: sincere warmth, encouragement, a relaxed atmosphere.",
}

# How strongly each type reacts to a moment (multiplies the meter change).
# Why: the brief describes demanding and talkative customers as quick to
# react and steady or silent ones as slow to show it; a scene may override.
CUSTOMER_REACTIVITY = {
    "demanding": 1.25,
    "influential": 1.0,
    "steady": 0.75,
    "compliant": 1.0,
    "silent": 0.75,
    "talkative": 1.25,
    "shy": 1.0,
}

Principle = Literal[
    "empathy",
    "emotion-first",
    "active-listening",
    "open-question",
    "closed-question",
    "manage-expectations",
    "win-win",
    "keep-promise",
    "confirm-satisfaction",
    "stay-calm",
    "no-defensiveness",
    "reframe",
    "avoid-ok-question",
    "calm-moment",
    "what-we-can-do",
    "proactive-suggestion",
    "respect",
    "policy-over-person",
    "extra-mile",
    "small-roles",
    "customer-type-fit",
    "first-impression",
    "ownership",
]
PRINCIPLES: tuple[str, ...] = get_args(Principle)
PRINCIPLE_DESCRIPTIONS = {
    "empathy": "Think from the customer's side; acknowledge their situation and effort.",
    "emotion-first": "Handle the emotion first, then the problem.",
    "active-listening": "Listen actively for stated and latent expectations.",
    "open-question": "Open questions first (what, when, where, why, who, how): the top of the funnel.",
    "closed-question": "Closed questions (yes/no, pick one) to narrow down: the bottom of the funnel.",
    "manage-expectations": "Set honest expectations; lowering them honestly beats a broken promise.",
    "win-win": "Look for a solution that works for the customer and the business.",
    "keep-promise": "Do what you offered: keeping a promise is not losing trust.",
    "confirm-satisfaction": "Check the customer is truly satisfied; help them recall the service.",
    "stay-calm": "Stay calm and slow down when the customer is agitated.",
    "no-defensiveness": "Never get angry or defensive: your attitude must not become the complaint.",
    "reframe": "Not every provocation needs an answer; reframe an accusation as a misunderstanding.",
    "avoid-ok-question": "Drop the closing 'OK?' that invites a 'no'.",
    "calm-moment": "Create a calm moment (look up records) but keep it short and never leave without a word.",
    "what-we-can-do": "When you cannot do what is asked, stress what you can do.",
    "proactive-suggestion": "When a solution is rejected, show humility and suggest something proactively.",
    "respect": "Respect the customer as a person, whatever the outcome of the request.",
    "policy-over-person": "Answering with policy instead of the person (a mistake to recognise).",
    "extra-mile": "Value-added or memorable service: the extra that could have been skipped.",
    "small-roles": "A moment of truth can come to anyone, long after the sale, with no purchase at all.",
    "customer-type-fit": "Adapt your manner to the customer's type.",
    "first-impression": "Appearance, behaviour and words form the first impression.",
    "ownership": "Own the problem instead of passing the customer on.",
}

Role = Literal["customer", "staff", "manager", "narrator", "other"]
ROLES: tuple[str, ...] = get_args(Role)
CUSTOMER_SPEAKER = "customer"  # the speaker id the scene's `customer` block defines; the cast may not reuse it

# The seed's MOT rating table (seed 004), used for choices and ending outcomes.
MOT_LABELS = {
    3: "delighted",
    2: "exceeded expectations",
    1: "met expectations",
    0: "neutral",
    -1: "partly failed expectations",
    -2: "failed expectations",
    -3: "relationship endangered",
}  # the catalogue's "mot.<level>" entries say them in each language (game/i18n.py)
# The brief's service levels, lowest first; a scorecard names the one a relationship level reached.
SERVICE_LEVEL_NAMES = ("not reached", "basic", "satisfying", "value-added", "memorable")

# The satisfaction meter's one vocabulary: the same seven levels on the play screen's meter, the journey
# chart and the scorecard (their words are the catalogue's "mood.<name>" entries). A level is the meter read
# on the MOT scale (-3..+3), so "Delighted (+3)" on the meter and a "+3" moment mean the same height.
METER_MOODS = {-3: "furious", -2: "angry", -1: "upset", 0: "neutral", 1: "content", 2: "happy", 3: "delighted"}
# Meter values (on a -10..10 meter) where the level changes: +-1, +-4, +-7.
_METER_STEPS = ((1.0, 0.5), (4.0, 1.5), (7.0, 2.5), (10.0, 3.0))


def meter_position(meter: float, meter_max: float = 10) -> float:
    """The meter read on the MOT scale, -3..3, continuously; rounding it gives :func:`meter_level`.

    Piecewise linear through (1, 0.5), (4, 1.5), (7, 2.5), (10, 3) and their mirror images, so the
    level changes at +-1, +-4 and +-7 on a -10..10 meter.
    """
    size = min(abs(meter) * 10 / meter_max, 10.0)
    below, value_below = 0.0, 0.0
    for top, value_top in _METER_STEPS:
        if size <= top:
            position = value_below + (size - below) / (top - below) * (value_top - value_below)
            return position if meter >= 0 else -position
        below, value_below = top, value_top
    return 3.0 if meter >= 0 else -3.0


def round_level(value: float) -> int:
    """Round a MOT-scale reading to a level -3..3, halves away from zero (so -0.5 is -1, never "-0")."""
    level = int(abs(value) + 0.5 + 1e-9)
    return max(-3, min(3, level if value >= 0 else -level))


def meter_level(meter: float, meter_max: float = 10) -> int:
    """The meter's level, -3 (furious) to +3 (delighted)."""
    return round_level(meter_position(meter, meter_max))


def signed(value: float) -> str:
    """A level or change with its sign, as every screen shows it: "+2", "-1", and "0" (never "-0")."""
    number = round(value)
    return f"{number:+d}" if number else "0"
