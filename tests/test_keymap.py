"""Keymaps: the table a screen's keys are handled by is the table its hints and the README are written from."""

import pygame
import pytest

from game.ui.keymap import CTRL, GLOBAL_KEYS, HINT_SEPARATOR, Binding, Keymap
from game.ui.screens.facilitate import FACILITATOR_KEYS
from game.ui.screens.play import PLAY_KEYS
from game.ui.strings import t


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
    deciding = PLAY_KEYS.hint(language, {"deciding", "undoable"})
    assert deciding.startswith("1-9\u00a0") and "Backspace" in deciding
    assert "Enter" not in deciding.split(HINT_SEPARATOR)[2]
    assert "Backspace" not in PLAY_KEYS.hint(language, {"deciding"})  # nothing to undo yet: not offered
    assert "Backspace" not in PLAY_KEYS.hint(language, {"deciding", "assessment", "undoable"})  # no undo there
    assert PLAY_KEYS.hint(language, {"deciding", "focused"}).count("Enter") == 1
    voting = FACILITATOR_KEYS.hint(language, {"voting"})
    # before any vote PageDown starts or pauses the clock, as T does: the hint says both keys, once
    assert voting.startswith(f"T/PageDown\u00a0{t('ka_timer', language)}")
    assert "R\u00a0" not in voting and "Shift" not in voting  # no votes yet: nothing to reveal or take back
    assert t("ka_reveal", language) in FACILITATOR_KEYS.hint(language, {"voting", "votes"})
    assert voting.count("PageDown") == 1
    assert FACILITATOR_KEYS.hint(language, {"voting", "votes"}).startswith("T\u00a0")
    assert "PageUp\u00a0" not in voting and "Esc\u00a0" in voting  # nothing to go back to: no PageUp
    assert "PageUp\u00a0" in FACILITATOR_KEYS.hint(language, {"voting", "back"})
    assert "PageDown\u00a0" in FACILITATOR_KEYS.hint(language, {"voting", "votes"})  # it reveals once votes are in
    assert "PageDown" in FACILITATOR_KEYS.hint(language, set())
    reading = FACILITATOR_KEYS.hint(language, {"reading"})  # PageDown says it shows the options (and the vote)
    assert reading.startswith(f"PageDown\u00a0{t('ka_show_options', language)}") and "A-I" not in reading


def test_every_action_is_a_method_of_its_screen():
    from game.ui.app import App
    from game.ui.screens.compare import COMPARE_KEYS, CompareScreen
    from game.ui.screens.facilitate import FacilitatorScreen
    from game.ui.screens.facilitate_setup import SETUP_KEYS, FacilitatorSetup
    from game.ui.screens.overlays import HISTORY_KEYS, HistoryOverlay
    from game.ui.screens.play import PlayScreen

    from game.ui.keymap import MENU_KEYS
    from game.ui.screens.base import Screen
    from game.ui.screens.briefing import BRIEFING_KEYS, BriefingScreen
    from game.ui.screens.ending import ENDING_KEYS, EndingScreen
    from game.ui.screens.settings_overlay import SETTINGS_KEYS, TYPING_KEYS, SettingsOverlay
    from game.ui.screens.overlays import (
        ERROR_KEYS, MESSAGE_KEYS, ErrorOverlay, NoticeOverlay,
    )
    from game.ui.screens.title import TITLE_KEYS, TitleScreen

    for keymap, owner in ((PLAY_KEYS, PlayScreen), (FACILITATOR_KEYS, FacilitatorScreen), (GLOBAL_KEYS, App),
                          (COMPARE_KEYS, CompareScreen), (HISTORY_KEYS, HistoryOverlay),
                          (SETUP_KEYS, FacilitatorSetup), (MENU_KEYS, Screen), (TITLE_KEYS, TitleScreen),
                          (BRIEFING_KEYS, BriefingScreen), (ENDING_KEYS, EndingScreen),
                          (SETTINGS_KEYS, SettingsOverlay), (TYPING_KEYS, SettingsOverlay),
                          (MESSAGE_KEYS, NoticeOverlay), (ERROR_KEYS, ErrorOverlay)):
        if owner in (TitleScreen, BriefingScreen, EndingScreen, NoticeOverlay, ErrorOverlay, Screen):
            assert owner.keymap is keymap, keymap.name  # the base screen's input handling reads this table
        # F5 is the App's (tried before the screen's keys); the errors' table shows it in the hint only
        missing = [b.action for b in keymap.bindings if not callable(getattr(owner, b.action, None))
                   and not (keymap is ERROR_KEYS and callable(getattr(App, b.action, None)))]
        assert missing == [], f"{keymap.name}: {missing}"


def test_every_label_and_key_name_is_in_both_languages():
    from game.ui.screens.compare import COMPARE_KEYS
    from game.ui.screens.facilitate_setup import SETUP_KEYS
    from game.ui.screens.overlays import HISTORY_KEYS
    from game.i18n import SOURCE
    from game.ui.strings import t

    from game.ui.keymap import MENU_KEYS
    from game.ui.screens.briefing import BRIEFING_KEYS
    from game.ui.screens.ending import ENDING_KEYS
    from game.ui.screens.overlays import ERROR_KEYS, MESSAGE_KEYS
    from game.ui.screens.settings_overlay import SETTINGS_KEYS, TYPING_KEYS
    from game.ui.screens.title import TITLE_KEYS

    for keymap in (PLAY_KEYS, FACILITATOR_KEYS, GLOBAL_KEYS, COMPARE_KEYS, HISTORY_KEYS, SETUP_KEYS, MENU_KEYS,
                   TITLE_KEYS, BRIEFING_KEYS, ENDING_KEYS, SETTINGS_KEYS, TYPING_KEYS, MESSAGE_KEYS, ERROR_KEYS):
        assert keymap.title in SOURCE, keymap.title
        for binding in keymap.bindings:
            for key in (binding.names, binding.label):
                assert key in SOURCE and t(key, "zh"), key  # the catalogue test checks every language has it


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_menu_hint_names_the_button_enter_presses(language):
    from game.ui.keymap import MENU_KEYS
    from game.ui.strings import t

    say = {"ka_activate": "Start practice"}
    focused = MENU_KEYS.hint(language, {"focused"}, say)
    assert f"{t('kn_space', language)}\u00a0Start practice" in focused
    assert t("kn_space", language) not in MENU_KEYS.hint(language, set(), say)  # nothing selected: no Enter
    assert MENU_KEYS.hint(language).endswith(f"{t('kn_esc', language)}\u00a0{t('ka_back', language)}")


def test_the_menus_keys_move_the_focus_and_press_the_selected_button():
    from game.ui.keymap import MENU_KEYS

    screen = Recorder()
    assert MENU_KEYS.dispatch(screen, pygame.K_TAB) and screen.calls[-1] == ("move_focus", (1,))
    assert MENU_KEYS.dispatch(screen, pygame.K_UP) and screen.calls[-1] == ("move_focus", (-1,))
    assert not MENU_KEYS.dispatch(screen, pygame.K_RETURN, 0, set())  # no button selected: Enter does nothing
    assert MENU_KEYS.dispatch(screen, pygame.K_RETURN, 0, {"focused"}) and screen.calls[-1] == ("activate_focused", ())
