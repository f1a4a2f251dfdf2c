"""The window's access to the interface text: the catalogue of :mod:`game.i18n`, in the shapes screens use.

The texts themselves are in game/english*.py (English, the source) and game/locale (every other language);
the command line reads the same entries, so both say a thing with the same words.
"""

from __future__ import annotations

from game.i18n import customer_type_word, labelled, mood_word, mot_label, service_word, t
from game import vocab
from game.vocab import LANGUAGES

__all__ = ["CUSTOMER_TYPES", "MOOD_LABELS", "MOT_LABELS", "SERVICE_LEVELS", "labelled", "page_range", "t", "team_name"]

# Per-language views of the catalogue's vocabulary words, built once (the catalogue is read at import).
MOT_LABELS = {language: {level: mot_label(level, language) for level in vocab.MOT_LABELS} for language in LANGUAGES}
MOOD_LABELS = {language: {mood: mood_word(mood, language) for mood in vocab.METER_MOODS.values()}
               for language in LANGUAGES}
SERVICE_LEVELS = {language: {level: service_word(level, language) for level in vocab.SERVICE_LEVEL_NAMES}
                  for language in LANGUAGES}
CUSTOMER_TYPES = {language: {kind: customer_type_word(kind, language) for kind in vocab.CUSTOMER_TYPES}
                  for language in LANGUAGES}


def team_name(name: str, index: int, language: str) -> str:
    """Team ``index``'s name as ``language`` shows it: a default name ("Team 2", "第2组") follows the language,
    a name the facilitator typed is shown as typed."""
    defaults = {t("team_default", other, n=index + 1) for other in LANGUAGES}
    return t("team_default", language, n=index + 1) if name in defaults else name


def page_range(key: str, key_one: str, language: str, first: int, last: int, total: int) -> str:
    """Which items a page shows, "Options 3–4 of 4" (``key``); a page of one item says it as one ("Option 4
    of 4", ``key_one``), never "4–4"."""
    if first == last:
        return t(key_one, language, n=first, total=total)
    return t(key, language, first=first, last=last, total=total)
