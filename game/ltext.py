"""Localised text at run time: a mapping of language to string, and how to pick one."""

from typing import Mapping

LText = Mapping[str, str]  # language -> text, complete for every declared language


def pick(text: LText, language: str) -> str:
    """The text in ``language``, or in the first available language."""
    return text.get(language) or next(iter(text.values()), "")
