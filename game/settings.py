"""Player settings: a small pydantic model saved as JSON under saves/."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.storage import read_json, saves_dir, set_aside, write_json

TEXT_SIZES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5)  # multipliers of the base text size
TEXT_SPEEDS = {"slow": 25.0, "normal": 50.0, "fast": 110.0, "instant": 0.0}  # characters per second


class Settings(BaseModel):
    """What the player chose in Settings; remembered between runs."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    language: Literal["en", "zh"] = "en"
    text_size: int = Field(2, ge=0, le=len(TEXT_SIZES) - 1, description="Index into TEXT_SIZES.")
    high_contrast: bool = False
    fullscreen: bool = False
    text_speed: Literal["slow", "normal", "fast", "instant"] = "normal"
    coaching: bool = True

    @property
    def text_scale(self) -> float:
        """The multiplier for text sizes."""
        return TEXT_SIZES[self.text_size]

    @property
    def characters_per_second(self) -> float:
        """How fast lines reveal; 0 means at once."""
        return TEXT_SPEEDS[self.text_speed]


def settings_path(folder: Optional[Path] = None) -> Path:
    """Where settings live."""
    return (folder or saves_dir()) / "settings.json"


def load_settings(folder: Optional[Path] = None) -> tuple[Settings, Optional[str]]:
    """Read settings; defaults (and a sentence saying why) when the file is missing or bad."""
    path = settings_path(folder)
    result = read_json(path)
    if result.data is None:
        return Settings(), result.problem
    try:
        return Settings.model_validate(result.data), None
    except ValidationError:
        return Settings(), set_aside(path, "its values are not valid settings")


def save_settings(settings: Settings, folder: Optional[Path] = None) -> None:
    """Write settings atomically."""
    write_json(settings_path(folder), settings.model_dump())
