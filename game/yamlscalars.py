"""Turning one YAML scalar (or a tagged collection) into a value, as YAML's safe schema would.

Kept apart from :mod:`game.yamlsrc` so every way a tagged or numeric value can be malformed is in
one place: PyYAML's own constructors raise ValueError, KeyError or IndexError on values such as
``!!int abc``, ``!!bool maybe`` or ``!!float ""``, and Python refuses to read integers of more than
4,300 digits. Here each becomes a :class:`ScalarError` with a sentence for the author.
"""

from __future__ import annotations

from typing import Any

import yaml

YAML_TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = {YAML_TAG + name for name in ("str", "int", "float", "bool", "null")}
COLLECTION_TAGS = {"mapping": YAML_TAG + "map", "list": YAML_TAG + "seq"}
MAX_NUMBER_CHARS = 4300  # Python's own limit for reading digits into an int; no scene needs more

_MAX_DIGITS = 18  # plain digit runs this short are ints with no further checks
_MAX_INT_BITS = 14_000  # about 4,200 decimal digits: such an int can still be printed in a message
_CONSTRUCTORS = {
    YAML_TAG + "int": "construct_yaml_int",
    YAML_TAG + "float": "construct_yaml_float",
    YAML_TAG + "bool": "construct_yaml_bool",
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_EXAMPLES = {"int": "a whole number such as 3", "float": "a number such as 0.5",
             "bool": "true or false", "null": "null, ~ or nothing"}


class ScalarError(ValueError):
    """A value cannot be read as the type its tag (written or implied) names."""


def short_tag(tag: str) -> str:
    """``!!int`` for YAML's own tags, the tag as written otherwise."""
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


def check_collection_tag(tag: Any, kind: str) -> None:
    """Refuse a standard tag on the wrong kind of node, such as ``!!int {a: 1}``.

    Raises:
        ScalarError: when ``tag`` names another kind than ``kind`` ("mapping" or "list").
    """
    if tag in (None, "!") or tag == COLLECTION_TAGS[kind]:
        return
    raise ScalarError(f"the tag {short_tag(tag)} cannot be put on a {kind}: remove the tag")


def construct_scalar(event: yaml.ScalarEvent, loader: Any) -> Any:
    """Build a str, int, float, bool or None from a scalar event.

    Raises:
        ScalarError: when an explicit tag does not fit the value, or a number is too long.
    """
    tag, text = event.tag, event.value
    explicit = tag is not None and tag != "!"
    if not explicit:
        if not event.implicit[0]:  # quoted or block text is always a string
            return text
        if text and text[0] not in loader.yaml_implicit_resolvers:
            return text  # no implicit type starts with this character: skip the resolver
        if text.isdigit() and text.isascii() and (text[0] != "0" or len(text) == 1) and len(text) <= _MAX_DIGITS:
            return int(text)  # the common plain number, without the resolver's regular expressions
        if len(text) > MAX_NUMBER_CHARS:
            # The resolver's number patterns backtrack over all of a long text (an 800 KB `1:1:1:...`
            # took 48 MB and a quarter of a second): a text this long is a number only if made of
            # a number's characters, and then it is too long anyway.
            if text[0] in _NUMBER_START and not text.strip(_NUMBER_CHARS):
                raise _too_long(text)
            return text
        tag = loader.resolve(yaml.ScalarNode, text, (True, False))
    if tag in COLLECTION_TAGS.values():
        raise ScalarError(f"the tag {short_tag(tag)} cannot be put on a single value: remove the tag")
    if tag == YAML_TAG + "null":
        if explicit and event.value.strip() not in _NULLS:
            raise _mismatch(tag, event.value)
        return None
    if tag not in _CONSTRUCTORS:
        return event.value  # strings; timestamps and other implicit types stay text
    if len(event.value) > MAX_NUMBER_CHARS:
        # Reading such a number costs time that grows with the square of its length (and Python
        # refuses ints of more than 4,300 digits): no rating, mood or timer is that long.
        raise _too_long(event.value)
    try:
        value = getattr(loader, _CONSTRUCTORS[tag])(yaml.ScalarNode(tag, event.value))
    except (ValueError, KeyError, IndexError, TypeError, OverflowError):
        raise _mismatch(tag, event.value) from None
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:  # hexadecimal packs more digits
        raise ScalarError(f"this number has more than {MAX_NUMBER_CHARS:,} digits: no scene value is that large; "
                          f"shorten it, or quote it if it is meant as text")
    return value


_NUMBER_START = "0123456789+-."
_NUMBER_CHARS = "0123456789_:.+-eExXoObBabcdefABCDF"  # YAML 1.1 ints (any base, sexagesimal) and floats


def _too_long(value: str) -> ScalarError:
    return ScalarError(f"this number is {len(value):,} characters long; numbers in scene files may "
                       f"have at most {MAX_NUMBER_CHARS:,}: shorten it, or quote it if it is meant as text")


def _mismatch(tag: str, value: str) -> ScalarError:
    shown = value if len(value) <= 40 else value[:37] + "..."
    kind = tag[len(YAML_TAG):]
    return ScalarError(f"'{shown}' is not a valid {short_tag(tag)} value: write {_EXAMPLES.get(kind, 'a plain value')} "
                       f"or remove the tag")
