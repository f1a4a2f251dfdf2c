"""Button actions that carry a number: which scene card, decision, team or option a button stands for.

A screen reads the number as a field (``action.index``) and never parses it out of a string, so a
label or a new action cannot be mistaken for one of these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class SceneCard:
    """A scene's card on the title screen: ``index`` into the App's cards."""

    index: int


@dataclass(frozen=True)
class WhatIf:
    """The scorecard's "What if?" beside decision ``decision`` (1 = the first)."""

    decision: int


@dataclass(frozen=True)
class TeamRow:
    """The workshop set-up's row for team ``index`` (a click renames it)."""

    index: int


@dataclass(frozen=True)
class Option:
    """An option button on the play screen: the choice numbered ``number``."""

    number: int


Action = Union[str, SceneCard, WhatIf, TeamRow, Option]  # a plain word ("save", "back") or one of the above
