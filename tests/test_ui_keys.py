"""One key press does one thing: no option taken unless deliberately selected, one action per press on the
scorecard, Continue that says what it continues, L on every screen, and assessment runs."""

import dataclasses
from pathlib import Path

import pygame
import pytest

from game.engine import State
from game.program import NodeLook
from game.ui.app import App
from game.ui.driver import finish_line, key, settle, to_decision
from game.ui.ending_rows import word_of_mouth
from game.ui.layout import recap_lines
from game.ui.play_parts import scene_look
from game.ui.screens.briefing import BriefingScreen, ReplaceRunOverlay
from game.ui.screens import ending as ending_module
from game.ui.screens.ending import EndingScreen
from game.ui.screens.settings_overlay import SettingsOverlay
from game.ui.screens.play import PlayScreen
from game.ui.screens.title import TitleScreen
from game.ui.actions import SceneCard

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = str(ROOT / "scenes" / "tutorial.yaml")
UMBRELLA = str(ROOT / "scenes" / "umbrella.yaml")


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    application.update_settings(text_speed="fast")
    yield application
    pygame.display.quit()


def begin(app, path=TUTORIAL, mode="practice"):
    app.open_briefing(path)
    app.begin(path, app.screen.program, mode)


def take_first_options_to_the_end(app):
    """Play the run to its ending, always taking option 1 (through the controller, not the keys)."""
    while not app.run.is_over():
        if app.run.view("en").kind == "decision":
            app.choose(1)
        else:
            app.advance()


def press_held(app, code):
    """A key pressed and held: its first press and two auto-repeats, then the release."""
    for _ in range(3):
        app.step([pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)])
    app.step([pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0)])
    settle(app)


def test_mashing_space_in_a_new_scene_takes_no_choice(app):
    begin(app)
    for _ in range(30):
        key(app, pygame.K_SPACE)
        settle(app, 3)
    assert app.run.decisions == 0
    assert app.screen.deciding and app.screen.focus is None


def test_enter_takes_only_a_selected_option(app):
    begin(app)
    screen = to_decision(app)
    key(app, pygame.K_RETURN)
    assert app.run.decisions == 0  # nothing selected yet
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    assert screen.focus == 1
    expected = screen.view.choices[1].text
    key(app, pygame.K_RETURN)
    assert app.run.decisions == 1
    assert expected in [line.text for line in app.run.history("en") if line.by_player]


def test_space_never_takes_an_option_even_a_selected_one(app):
    """Space reads on; a trainee who selected an option with the arrows still answers only with Enter."""
    begin(app)
    screen = to_decision(app)
    key(app, pygame.K_DOWN)
    for _ in range(5):
        key(app, pygame.K_SPACE)
        settle(app, 2)
    assert app.run.decisions == 0 and screen.focus == 0
    assert "Space" not in screen.key_hint()
    key(app, pygame.K_RETURN)
    assert app.run.decisions == 1


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_number_on_another_page_shows_and_selects_its_option(app, size):
    app.resize(size)
    app.update_settings(text_size=5)
    begin(app, UMBRELLA)
    screen = to_decision(app)
    assert len(screen.option_stack.pages) > 1, "the umbrella's first decision pages its options at this size"
    hidden_choice = screen.view.choices[screen.option_stack.pages[-1][-1]]
    hidden = hidden_choice.number
    before = app.run.decisions
    key(app, getattr(pygame, f"K_{hidden}"))  # not taken unread: its page is shown and it is selected
    assert app.run.decisions == before
    assert screen.view.choices[screen.focus].number == hidden
    assert screen.focus in screen.option_stack.pages[screen.option_page]
    assert "Enter" in screen.key_hint()
    key(app, pygame.K_SPACE)  # Space never takes it
    assert app.run.decisions == before
    key(app, pygame.K_RETURN)
    assert app.run.decisions == before + 1 and app.run.state.steps[-1].choice == hidden_choice.id


def test_a_held_key_does_one_thing(app):
    begin(app)
    screen = to_decision(app)
    press_held(app, getattr(pygame, f"K_{screen.view.choices[0].number}"))
    assert app.run.decisions == 1
    app.to_title()
    focus_continue = app.screen.focus
    assert app.screen.buttons[focus_continue].action == "continue"
    press_held(app, pygame.K_RETURN)  # Continue opens the run; the repeats do not skip its line
    assert isinstance(app.screen, PlayScreen) and app.run.decisions == 1


def test_the_scorecard_does_one_thing_per_press(app):
    begin(app)
    take_first_options_to_the_end(app)
    app.open_play()
    finish_line(app)
    for _ in range(10):
        if isinstance(app.screen, EndingScreen):
            break
        key(app, pygame.K_SPACE)
    assert isinstance(app.screen, EndingScreen)
    press_held(app, pygame.K_RETURN)  # nothing is selected on the scorecard
    assert isinstance(app.screen, EndingScreen)
    app.screen.focus = next(i for i, b in enumerate(app.screen.buttons) if b.action == "again")
    press_held(app, pygame.K_RETURN)
    assert isinstance(app.screen, BriefingScreen)  # the repeats did not start the scene


def test_continue_names_the_run_and_replacing_it_asks_first(app):
    begin(app)
    screen = to_decision(app)
    key(app, getattr(pygame, f"K_{screen.view.choices[0].number}"))
    app.to_title()
    title = app.screen
    label = title.buttons[title.focus].label
    assert "First Day" in label and "2" in label
    umbrella = next(i for i, c in enumerate(app.cards) if c.path.endswith("umbrella.yaml"))
    title.activate(SceneCard(umbrella))
    assert isinstance(app.screen, ReplaceRunOverlay)
    key(app, pygame.K_RETURN)  # the default answer keeps the run
    assert isinstance(app.screen, TitleScreen) and app.store.has_run()
    title.activate(SceneCard(umbrella))
    app.screen.focus = 0
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, BriefingScreen)


@pytest.mark.parametrize("where", ["title", "settings", "briefing", "play", "scorecard"])
def test_l_switches_the_language_on_every_screen(app, where):
    if where == "settings":
        app.push(SettingsOverlay(app))
    elif where == "briefing":
        app.open_briefing(TUTORIAL)
    elif where in ("play", "scorecard"):
        begin(app)
        if where == "scorecard":
            take_first_options_to_the_end(app)
            app.finish()
    key(app, pygame.K_l)
    assert app.settings.language == "zh"
    key(app, pygame.K_l)
    assert app.settings.language == "en"


def test_assessment_hides_reactions_has_no_undo_and_is_recorded(app):
    begin(app, mode="assessment")
    screen = to_decision(app)
    key(app, getattr(pygame, f"K_{screen.view.choices[0].number}"))
    assert screen.coaching is None and app.run.decisions == 1
    key(app, pygame.K_BACKSPACE)
    assert app.run.decisions == 1  # no undo
    assert screen.assessing
    take_first_options_to_the_end(app)
    app.finish()
    assert app.store.finished_runs()[-1]["mode"] == "assessment"
    assert app.run.can_undo()  # after the end, "what if" is open
    app.what_if(1)
    assert app.run.mode == "practice"


def test_the_weather_and_the_person_follow_the_story(app):
    begin(app, UMBRELLA)
    run, program = app.run, app.run.program
    assert not scene_look(app).raining  # "half an hour later the sky opens": not before
    run.state = State(program.id, "rain_starts", run.state.meter, visited=(program.start, "rain_starts"))
    look = scene_look(app)
    assert look.raining
    assert (look.person.age, look.person.clothing, look.person.clothing_colour) == ("elderly", "coat", "black")
    managed = next(n for n in program.nodes.values() if program.speakers[n.speaker].role == "manager")
    run.state = State(program.id, managed.id, run.state.meter, visited=(program.start, managed.id))
    assert scene_look(app).person.role == "manager"  # the speaker's own portrait, not the customer's face


def test_only_the_customers_face_follows_the_meter(app):
    begin(app)
    run, program = app.run, app.run.program
    assert program.nodes[run.state.node].speaker == "wang"
    for meter in (-9.0, 0.0, 9.0):  # the mentor's welcome is friendly whatever the customer feels
        run.state = State(program.id, run.state.node, meter, visited=run.state.visited)
        look = scene_look(app)
        assert look.person.role == "manager" and look.expression == "content"
    customer_node = next(n for n in program.nodes.values() if n.speaker == "customer"
                         and (n.look is None or n.look.expression is None))
    run.state = State(program.id, customer_node.id, -9.0, visited=(program.start, customer_node.id))
    assert scene_look(app).expression is None  # the customer's face: the meter decides it


def test_a_cast_members_line_can_set_their_face(app):
    begin(app)
    run, program = app.run, app.run.program
    welcome = program.nodes[run.state.node]
    program.nodes[welcome.id] = dataclasses.replace(welcome, look=NodeLook(expression="worried"))
    assert scene_look(app).expression == "worried"


def test_the_briefing_focuses_start_practice_and_enter_starts_it(app):
    app.open_briefing(TUTORIAL)
    screen = app.screen
    assert screen.buttons[screen.focus].action == "practice"
    key(app, pygame.K_DOWN)  # Up/Down read the briefing; they do not move the focus off Start practice
    assert screen.buttons[screen.focus].action == "practice"
    key(app, pygame.K_TAB)
    assert screen.buttons[screen.focus].action == "assessment"
    key(app, pygame.K_LEFT)
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, PlayScreen) and app.run.mode == "practice"


def test_the_scorecard_draws_nothing_focused_until_the_player_moves(app, monkeypatch):
    begin(app)
    take_first_options_to_the_end(app)
    app.finish()
    drawn = []
    monkeypatch.setattr(ending_module, "draw_button",
                        lambda surface, button, theme, book, focused, hovered, **kw: drawn.append(
                            (button.action, focused, kw.get("primary", False))))
    app.screen.draw(app.surface)
    assert drawn and not any(focused or primary for _, focused, primary in drawn)
    key(app, pygame.K_TAB)
    drawn.clear()
    app.screen.draw(app.surface)
    assert [action for action, focused, _ in drawn if focused] == [app.screen.buttons[app.screen.focus].action]


@pytest.mark.parametrize("count, english, chinese", [
    (1, "Likely to tell one person good things", "可能会向一个人说好话"),
    (3, "Likely to tell 3 people good things", "可能会向 3 个人说好话"),
    (-1, "Likely to tell one person about a bad experience", "可能会向一个人抱怨这次经历"),
    (-20, "Likely to tell 20 people about a bad experience", "可能会向 20 个人抱怨这次经历"),
    (0, "Nothing worth telling anyone", "不会向别人提起")])
def test_word_of_mouth_is_said_in_the_singular_and_plural(count, english, chinese):
    assert (word_of_mouth(count, "en"), word_of_mouth(count, "zh")) == (english, chinese)


def test_a_recap_takes_two_lines_when_the_options_still_fit(app):
    app.resize((1280, 720))
    app.update_settings(text_size=5)  # the largest text: the line above the options collapses to a recap
    begin(app)
    screen = to_decision(app)
    assert screen.recap and screen.recap_lines == 2 and len(screen.option_stack.pages) == 1
    assert screen.rects["dialog"].height >= 2 * app.book.line_height(app.theme.body)


def test_recap_lines_end_with_an_ellipsis_only_when_text_is_left_over(app):
    book = app.book
    text = "Mrs. Zhou: This is the phone my son sent me last month, and this cable does not fit it at all."
    lines = recap_lines(book, text, 24, 260, 2)
    assert len(lines) == 2 and lines[-1].endswith("…") and text.startswith(lines[0])
    assert recap_lines(book, "Mrs. Zhou: Hello.", 24, 260, 2) == ["Mrs. Zhou: Hello."]


def test_the_settings_hint_says_what_enter_does_on_a_setting(app):
    from game.ui.strings import t

    app.push(SettingsOverlay(app))
    overlay = app.screen
    key(app, pygame.K_DOWN)  # the language row
    assert "setting" in overlay.modes()
    hint = overlay.key_hint()
    assert t("ka_change_setting", "en") in hint and overlay.buttons[overlay.focus].label not in hint
