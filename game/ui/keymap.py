"""Keymaps: one declarative table per screen, read by the screen's input handling and by its key hints.

A :class:`Keymap` is an ordered list of :class:`Binding` rows; the first row whose keys, modifiers
and screen modes match a key press names the screen method to call, so a table reads like the
if/elif chain it replaces. The same rows write the hint line a screen shows (in the interface
language) and the README's key tables (``python -m game.ui.keydoc``), so the three never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional

import pygame

from game.ui.linebreak import ENTRY_SEPARATOR
from game.ui.strings import t

SHIFT, CTRL = pygame.KMOD_SHIFT, pygame.KMOD_CTRL
HINT_SEPARATOR = ENTRY_SEPARATOR  # a hint line breaks between entries first, never before the dot
NO_BREAK_SPACE = "\u00a0"  # between a key and what it does in a hint


@dataclass(frozen=True)
class Binding:
    """Keys that call one action of a screen.

    Attributes:
        keys: The pygame key codes that match.
        action: The screen method called (with ``args``, then the key code when ``with_key``).
        names: Catalogue key of how the keys are written in hints and the README ("1–9", "Esc").
        label: Catalogue key of what the action does, as hints and the README say it.
        when: Screen modes that must all hold ("!mode": must not hold); empty: always.
        mods: Modifier keys one of which must be held (``SHIFT``, ``CTRL``); 0: any (a row above with
            modifiers takes the press first).
        args: Arguments the action receives.
        with_key: The action also receives the key code (which digit or letter was pressed).
        hint: Shown in the screen's hint line (False: in the README's table only).
    """

    keys: tuple[int, ...]
    action: str
    names: str
    label: str
    when: tuple[str, ...] = ()
    mods: int = 0
    args: tuple[Any, ...] = ()
    with_key: bool = False
    hint: bool = True

    def matches(self, key: int, mod: int, modes: Iterable[str]) -> bool:
        """True when a press of ``key`` with modifiers ``mod`` takes this binding in ``modes``."""
        if key not in self.keys or (self.mods and not mod & self.mods):
            return False
        return self.holds(modes)

    def holds(self, modes: Iterable[str]) -> bool:
        """True when the binding's modes hold among ``modes``."""
        held = set(modes)
        return all((mode[1:] not in held) if mode.startswith("!") else (mode in held) for mode in self.when)


class Keymap:
    """A screen's keys, in the order they are tried."""

    def __init__(self, name: str, title: str, *bindings: Binding):
        self.name = name  # the README table it writes
        self.title = title  # catalogue key of the table's heading
        self.bindings = bindings

    def find(self, key: int, mod: int = 0, modes: Iterable[str] = ()) -> Optional[Binding]:
        """The first binding a press of ``key`` takes in ``modes`` (None: the key does nothing here)."""
        modes = tuple(modes)
        return next((b for b in self.bindings if b.matches(key, mod, modes)), None)

    def dispatch(self, screen: object, key: int, mod: int = 0, modes: Iterable[str] = ()) -> bool:
        """Call the action ``key`` is bound to on ``screen``; False when it is bound to nothing."""
        binding = self.find(key, mod, modes)
        if binding is None:
            return False
        args = binding.args + ((key,) if binding.with_key else ())
        getattr(screen, binding.action)(*args)
        return True

    def keys(self) -> set[int]:
        """Every key some binding uses."""
        return {key for binding in self.bindings for key in binding.keys}

    def shown(self, modes: Iterable[str] = ()) -> list[Binding]:
        """The bindings a hint shows in ``modes``: those whose modes hold, once per label, and none whose
        keys all go to a row above (which is what they would do)."""
        modes = tuple(modes)
        labels: set[str] = set()
        taken: set[int] = set()
        rows = []
        for binding in self.bindings:
            if not binding.holds(modes) or (binding.keys and set(binding.keys) <= taken and not binding.mods):
                continue
            if not binding.mods:
                taken.update(binding.keys)
            if binding.hint and binding.label not in labels:
                labels.add(binding.label)
                rows.append(binding)
        return rows

    def hint(self, language: str, modes: Iterable[str] = (), say: Optional[Mapping[str, str]] = None) -> str:
        """The hint line for ``modes``: "KEYS what" for each binding shown, e.g. "H history  ·  Esc menu".

        Args:
            language: The interface language.
            modes: The screen modes that hold now.
            say: Words to show instead of a label's or a key name's catalogue text (the focused button's label
                for ``ka_activate``: "Enter Start"; the letters of the options there are for ``kn_letters``: "A-C").
        """
        return HINT_SEPARATOR.join(entry(binding, language, say) for binding in self.shown(modes))

    def table(self, language: str = "en") -> list[tuple[str, str]]:
        """(keys, what they do) for every labelled binding, once per label: the README's rows."""
        rows: dict[str, list[str]] = {}
        keys: dict[str, set[int]] = {}  # the keys a row names already: "T" adds nothing after "T/PageDown"
        for binding in self.bindings:
            rows.setdefault(binding.label, [])
            named = keys.setdefault(binding.label, set())
            name = t(binding.names, language)
            if name not in rows[binding.label] and not (binding.keys and set(binding.keys) <= named):
                rows[binding.label].append(name)
            named.update(binding.keys)
        return [(" / ".join(names), t(label, language)) for label, names in rows.items()]


def entry(binding: Binding, language: str, say: Optional[Mapping[str, str]] = None) -> str:
    """One binding as a hint shows it: its keys, then what it does (``say`` may name either instead)."""
    label = (say or {}).get(binding.label) or t(binding.label, language)
    names = (say or {}).get(binding.names) or t(binding.names, language)
    return f"{names}{NO_BREAK_SPACE}{label}"  # a hint line never breaks between the two


ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
# Only Enter takes a selected option: Space is the key a trainee presses to read on, and pressed once
# too often at a decision it must never answer for them (the handbook's answers are chosen, not skipped to).
ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)


def focus_bindings(back: str = "ka_back") -> tuple[Binding, ...]:
    """The rows of a screen of buttons: arrows and Tab move the focus, Enter or Space presses the focused
    button (its label is the hint's word: see :meth:`Keymap.hint`), Esc calls ``back``. A screen that
    uses some of these keys otherwise puts its rows above these (the first row that matches wins).

    Args:
        back: Catalogue key of what Esc does on this screen.
    """
    forward = (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_TAB, pygame.K_PAGEDOWN)
    backward = (pygame.K_UP, pygame.K_LEFT, pygame.K_PAGEUP)
    names = "kn_arrows_tab"
    return (
        Binding(forward, "move_focus", names, "ka_pick_button", args=(1,)),
        Binding(backward, "move_focus", names, "ka_pick_button", args=(-1,)),
        Binding(ACTIVATE_KEYS, "activate_focused", "kn_space", "ka_activate", when=("focused",)),
        Binding((pygame.K_ESCAPE,), "back", "kn_esc", back),
    )


# The keys of any screen of buttons that has no table of its own.
MENU_KEYS = Keymap("menu", "keys_menu", *focus_bindings())


# The keys every screen shares; the App tries them before the screen ("typing": a name is being typed, or
# Ctrl or Alt is held, when L is a letter).
GLOBAL_KEYS = Keymap(
    "global", "keys_global",
    Binding((pygame.K_l,), "switch_language", "kn_l", "ka_language", when=("!typing",)),
    Binding((pygame.K_F11,), "toggle_fullscreen", "kn_f11", "ka_fullscreen"),
    Binding((pygame.K_F5,), "reload_scene", "kn_f5", "ka_reload"),
)
LANGUAGE_KEY = GLOBAL_KEYS.bindings[0]
