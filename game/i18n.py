"""The interface text of the command line and the window, in every language, from one catalogue.

English is the source language: its texts are the ``entry(key, text)`` tables of :mod:`game.english` and
:mod:`game.english_screens`. Every other language is a gettext catalogue, ``game/locale/<locale>/LC_MESSAGES/mot.po``,
whose messages have the stable key as context (msgctxt) and the English text as id (msgid); translators manage
them with Babel's ``pybabel extract/init/update/compile`` (docs/translating.md). At run time only the standard
library reads the compiled ``mot.mo`` files: Babel is a development tool, never imported here.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from game.english import CORE_TEXTS
from game.english_screens import KEY_TEXTS, PHONE_TEXTS, SCREEN_TEXTS, TRAINEE_TEXTS
from game.vocab import LANGUAGE_TAGS, LANGUAGES, METER_MOODS, meter_level, signed

DOMAIN = "mot"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
SOURCE_ENTRIES: tuple[tuple[str, str], ...] = CORE_TEXTS + SCREEN_TEXTS + TRAINEE_TEXTS + PHONE_TEXTS + KEY_TEXTS
SOURCE: Mapping[str, str] = MappingProxyType(dict(SOURCE_ENTRIES))


class CatalogueError(RuntimeError):
    """A language's compiled catalogue is missing or unreadable (an installation problem, not a user's)."""


def locale_name(language: str) -> str:
    """The catalogue folder of a game language code: its language tag with ``_``, e.g. "zh" -> "zh_Hans"."""
    return LANGUAGE_TAGS[language].replace("-", "_")


def compiled_catalogue(language: str) -> Path:
    """Where the compiled catalogue (.mo) of ``language`` lives."""
    return LOCALE_DIR / locale_name(language) / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _load(language: str) -> Mapping[str, str]:
    """Every key's text in ``language``: the catalogue's translation, or the English where it has none."""
    if language == SOURCE_LANGUAGE:
        return SOURCE
    path = compiled_catalogue(language)
    try:
        with path.open("rb") as file:
            catalogue = gettext.GNUTranslations(file)
    except (OSError, ValueError) as exc:  # unreadable, or not a .mo file (bad magic number, bad encoding)
        raise CatalogueError(f"{path}: the '{language}' catalogue cannot be read ({exc}); compile the catalogues "
                             f"with `pybabel compile -d game/locale -D {DOMAIN}` (see docs/translating.md)") from None
    return MappingProxyType({key: catalogue.pgettext(key, english) for key, english in SOURCE.items()})


# Read once at import (one small file per language) and never changed: looking a text up is a dict access.
_TEXTS: Mapping[str, Mapping[str, str]] = MappingProxyType({language: _load(language) for language in LANGUAGES})


def t(key: str, language: str, **values: object) -> str:
    """The interface text ``key`` in ``language`` (English for a language the game does not know).

    Args:
        key: a key of :data:`SOURCE` (the msgctxt of its catalogue messages).
        language: a game language code, e.g. "en" or "zh".
        **values: the text's ``{placeholders}``.

    Raises:
        KeyError: when ``key`` is not in the catalogue (add it to game/english*.py and translate it).
    """
    texts = _TEXTS.get(language) or SOURCE
    try:
        text = texts[key]
    except KeyError:
        raise KeyError(f"no interface text '{key}': add it to game/english.py or game/english_screens.py and "
                       f"to every catalogue (docs/translating.md)") from None
    return text.format(**values) if values else text


def labelled(label: str, value: str, language: str) -> str:
    """``label: value`` with the colon the language uses."""
    return t("labelled", language, label=label, value=value)


def listed(items: list[str], language: str) -> str:
    """Words in a run, separated as the language separates them ("a, b" / "a、b")."""
    return t("list_separator", language).join(items)


def mot_label(level: int, language: str) -> str:
    """The MOT rating scale's words for ``level`` (-3..3), e.g. "Exceeded expectations"."""
    return t(f"mot.{level}", language)


def mood_word(mood: str, language: str) -> str:
    """The meter's word for a mood name of :data:`game.vocab.METER_MOODS`, e.g. "Happy"."""
    return t(f"mood.{mood}", language)


def service_word(level: str, language: str) -> str:
    """The service level's words, e.g. "basic" -> "Basic" / "基本服务"."""
    return t(f"service.{level}", language)


def customer_type_word(kind: str, language: str) -> str:
    """A customer type's word, e.g. "demanding" -> "demanding" / "要求型"."""
    return t(f"customer_type.{kind}", language)


def level_word(level: int, language: str) -> str:
    """The meter's word for a level -3..3, e.g. 2 -> "Happy"."""
    return mood_word(METER_MOODS[level], language)


def meter_words(meter: float, language: str, meter_max: float = 10) -> str:
    """The meter as every screen shows it: its word and level, e.g. "Happy (+2)" or "高兴（+2）"."""
    level = meter_level(meter, meter_max)
    return t("meter_reading", language, word=level_word(level, language), level=signed(level))


def process_problems(out_of_order: tuple[str, ...], skipped: tuple[str, ...], language: str) -> list[str]:
    """The process mistakes of a scorecard in words: stages out of order, then stages never done."""
    return [t(code, language) for code in out_of_order] + [t(f"skipped_{stage}", language) for stage in skipped]
