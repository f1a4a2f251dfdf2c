"""Keymaps: the table a screen's keys are handled by is the table its hints and the README are written from."""

import pygame
import pytest

from game.ui.keymap import CTRL, GLOBAL_KEYS, Binding, Keymap
from game.ui.screens.facilitate import FACILITATOR_KEYS
from game.ui.screens.play import PLAY_KEYS


class Recorder:
    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        return lambda *args: self.calls.append((name, args))


def test_the_first_row_that_matches_takes_the_key():
    keymap = Keymap("t", "keys_play",
                    Binding((pygame.K_a,), "tie", "kn_letters", "ka_break_tie", when=("tie",), with_key=True),
                    Binding((pygame.K_a,), "vote", "kn_letters", "ka_vote", when=("!tie",), args=(1,)),
                    Binding((pygame.K_z,), "undo", "kn_ctrl_z", "ka_undo", mods=CTRL))
    screen = Recorder()
    assert keymap.dispatch(screen, pygame.K_a, 0, {"tie"}) and screen.calls == [("tie", (pygame.K_a,))]
    assert keymap.dispatch(screen, pygame.K_a, 0, set()) and screen.calls[-1] == ("vote", (1,))
    assert not keymap.dispatch(screen, pygame.K_z, 0, set())  # Ctrl+Z needs the Ctrl key
    assert keymap.dispatch(screen, pygame.K_z, pygame.KMOD_LCTRL, set()) and screen.calls[-1] == ("undo", ())


@pytest.mark.parametrize("language", ["en", "zh"])
def test_hints_show_what_the_keys_do_in_each_mode(language):
    deciding = PLAY_KEYS.hint(language, {"deciding"})
    assert deciding.startswith("1-9 ") and "Backspace" in deciding and "Enter" not in deciding.split("  ·  ")[2]
    assert "Backspace" not in PLAY_KEYS.hint(language, {"deciding", "assessment"})  # no undo in an assessment
    assert PLAY_KEYS.hint(language, {"deciding", "focused"}).count("Enter") == 1
    voting = FACILITATOR_KEYS.hint(language, {"voting"})
    assert voting.startswith("T ") and "R " in voting and "PageDown" not in voting
    assert "PageDown" in FACILITATOR_KEYS.hint(language, set())


def test_every_action_is_a_method_of_its_screen():
    from game.ui.app import App
    from game.ui.screens.compare import COMPARE_KEYS, CompareScreen
    from game.ui.screens.facilitate import FacilitatorScreen
    from game.ui.screens.facilitate_setup import SETUP_KEYS, FacilitatorSetup
    from game.ui.screens.overlays import HISTORY_KEYS, HistoryOverlay
    from game.ui.screens.play import PlayScreen

    for keymap, owner in ((PLAY_KEYS, PlayScreen), (FACILITATOR_KEYS, FacilitatorScreen), (GLOBAL_KEYS, App),
                          (COMPARE_KEYS, CompareScreen), (HISTORY_KEYS, HistoryOverlay),
                          (SETUP_KEYS, FacilitatorSetup)):
        missing = [b.action for b in keymap.bindings if not callable(getattr(owner, b.action, None))]
        assert missing == [], f"{keymap.name}: {missing}"


def test_every_label_and_key_name_is_in_both_languages():
    from game.ui.screens.compare import COMPARE_KEYS
    from game.ui.screens.facilitate_setup import SETUP_KEYS
    from game.ui.screens.overlays import HISTORY_KEYS
    from game.i18n import SOURCE
    from game.ui.strings import t

    for keymap in (PLAY_KEYS, FACILITATOR_KEYS, GLOBAL_KEYS, COMPARE_KEYS, HISTORY_KEYS, SETUP_KEYS):
        for binding in keymap.bindings:
            for key in (binding.names, binding.label):
                assert key in SOURCE and t(key, "zh"), key  # the catalogue test checks every language has it
