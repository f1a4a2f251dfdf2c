"""Player settings: a small validated record saved as JSON under saves/.

A plain dataclass rather than a pydantic model: settings are read at start-up, and building a
pydantic model there would cost more than opening the window.
"""

from __future__ import annotations

import os
import re
import urllib.parse

from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping, Optional

from game.storage import read_json, saves_dir, set_aside, write_json
from game.vocab import LANGUAGES

TEXT_SIZES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5)  # multipliers of the base text size
TEXT_SPEEDS = {"slow": 25.0, "normal": 50.0, "fast": 110.0, "instant": 0.0}  # characters per second
# The environment variables naming a Learning Record Store; they win over the lrs_* settings (game.lrs reads them)
ENV_ENDPOINT, ENV_USERNAME, ENV_PASSWORD = "MOT_LRS_ENDPOINT", "MOT_LRS_USERNAME", "MOT_LRS_PASSWORD"


@dataclass(frozen=True)
class Settings:
    """What the player chose in Settings; remembered between runs."""

    language: str = "en"
    text_size: int = 2  # index into TEXT_SIZES
    high_contrast: bool = False
    fullscreen: bool = False
    text_speed: str = "normal"
    coaching: bool = True
    reduce_motion: bool = False  # the backdrop's rain and the caller's voice stay still
    # Results to a Learning Record Store (docs/results.md); empty means anonymous / not configured.
    learner_name: str = ""
    learner_email: str = ""
    lrs_endpoint: str = ""
    lrs_username: str = ""
    lrs_password: str = field(default="", repr=False)
    xapi_base_iri: str = ""

    def __post_init__(self) -> None:
        problems = []
        if self.language not in LANGUAGES:
            problems.append(f"language must be one of {', '.join(LANGUAGES)}")
        if type(self.text_size) is not int or not 0 <= self.text_size < len(TEXT_SIZES):
            problems.append(f"text_size must be a whole number from 0 to {len(TEXT_SIZES) - 1}")
        if self.text_speed not in TEXT_SPEEDS:
            problems.append(f"text_speed must be one of {', '.join(TEXT_SPEEDS)}")
        for name in ("high_contrast", "fullscreen", "coaching", "reduce_motion"):
            if not isinstance(getattr(self, name), bool):
                problems.append(f"{name} must be true or false")
        problems += _results_problems(self)
        if problems:
            raise ValueError("; ".join(problems))

    @classmethod
    def from_dict(cls, data: Any) -> "Settings":
        """Settings from saved JSON; unknown keys are ignored (older or newer versions).

        Raises:
            ValueError: when a value is not valid.
        """
        if not isinstance(data, dict):
            raise ValueError("settings must be a JSON object")
        known = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})

    def with_changes(self, **changes: Any) -> "Settings":
        """A copy with ``changes`` applied (validated)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return asdict(self)

    @property
    def text_scale(self) -> float:
        """The multiplier for text sizes."""
        return TEXT_SIZES[self.text_size]

    @property
    def characters_per_second(self) -> float:
        """How fast lines reveal; 0 means at once."""
        return TEXT_SPEEDS[self.text_speed]


EMAIL = re.compile(r"(mailto:)?[^@\s]+@[^@\s]+")
MAX_LEARNER_FIELD = 120  # longer is a paste gone wrong, not a name or an address


def valid_email(text: str) -> bool:
    """True for an address such as name@example.com (or mailto:name@example.com), and for empty (not set)."""
    return not text or EMAIL.fullmatch(text) is not None


def _results_problems(settings: Settings) -> list[str]:
    """What is wrong with the learner and LRS settings."""
    names = ("learner_name", "learner_email", "lrs_endpoint", "lrs_username", "lrs_password", "xapi_base_iri")
    problems = [f"{name} must be text" for name in names if not isinstance(getattr(settings, name), str)]
    if problems:
        return problems
    if not valid_email(settings.learner_email):
        problems.append("learner_email must be an email address such as name@example.com")
    for name in ("lrs_endpoint", "xapi_base_iri"):
        value = getattr(settings, name)
        problem = url_problem(value) if value else None
        if problem:
            problems.append(f"{name} must be an http:// or https:// address with a host: {problem} "
                            f"(got {value[:40]!r})")
    return problems


def url_problem(url: str) -> Optional[str]:
    """Why ``url`` is not an http(s) address with a host (None when it is); shared by settings and the LRS."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "it is not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "it must start with http:// or https://"
    if not parts.hostname:
        return "it names no host"
    if any(char.isspace() for char in url):
        return "it contains spaces"
    return None


def lrs_address_given(settings: Settings, environ: Optional[Mapping[str, str]] = None) -> bool:
    """True when an LRS address is set at all (``MOT_LRS_ENDPOINT`` or ``lrs_endpoint``), usable or not.

    Without one there is nothing to send to, and the window starts without importing :mod:`game.lrs`.
    """
    environ = os.environ if environ is None else environ
    return bool(environ.get(ENV_ENDPOINT) or settings.lrs_endpoint)


def settings_path(folder: Optional[Path] = None) -> Path:
    """Where settings live."""
    return (folder or saves_dir()) / "settings.json"


def load_settings(folder: Optional[Path] = None) -> tuple[Settings, Optional[str]]:
    """Read settings; defaults (and a sentence saying why) when the file is missing or bad."""
    path = settings_path(folder)
    result = read_json(path)
    if not result.found:
        return Settings(), result.problem
    try:
        return Settings.from_dict(result.data), None
    except (TypeError, ValueError):
        return Settings(), set_aside(path, "settings")


def save_settings(settings: Settings, folder: Optional[Path] = None) -> None:
    """Write settings atomically."""
    write_json(settings_path(folder), settings.to_dict())
