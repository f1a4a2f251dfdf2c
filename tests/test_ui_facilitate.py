"""Facilitator mode driven headlessly through the facilitator's keys, from set-up to export."""

import csv
from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import button_centre, click, key, settle
from game.ui.screens.compare import CompareScreen
from game.ui.screens.facilitate import FacilitatorScreen
from game.ui.screens.facilitate_overlays import ConfirmCard
from game.ui.actions import TeamRow

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = str(ROOT / "scenes" / "tutorial.yaml")


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    yield application
    pygame.display.quit()


def type_text(app, text):
    for character in text:
        app.step([pygame.event.Event(pygame.TEXTINPUT, text=character)])


def to_decision(app):
    """Clicker 'next' until the current team faces a decision open to votes (past the line's own page, when
    the line is too long to show with the options) or an ending."""
    workshop = app.workshop
    for _ in range(100):
        kind = workshop.story.kind(workshop.state)
        if kind in ("decision", "ending") and app.screen.revealed is None and not app.screen.reading():
            return kind
        key(app, pygame.K_PAGEDOWN)
    raise AssertionError("no decision reached")


def wait_for_export(app, frames_at_most=600):
    """Step frames until the debrief's export is written (it is encoded on a worker thread)."""
    for _ in range(frames_at_most):
        if not app.screen.busy:
            return
        if app.screen.export_job is not None:
            app.screen.export_job.wait(0.05)
        settle(app)
    raise AssertionError("the export never finished")


def play_to_debrief(app):
    """Two teams through the tutorial, every vote for A, until the debrief shows."""
    app.start_workshop(TUTORIAL, ["Red", "Blue"], "alternating")
    for _ in range(300):
        if isinstance(app.screen, CompareScreen):
            return
        key(app, pygame.K_a)
        key(app, pygame.K_PAGEDOWN)
    raise AssertionError("the debrief never came")


def test_one_press_of_s_is_one_export_and_the_debrief_keeps_answering(app, tmp_path):
    play_to_debrief(app)
    screen = app.screen
    key(app, pygame.K_PAGEDOWN)
    assert screen.page == 1
    down = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_s, mod=0, unicode="s", scancode=0)
    app.step([down])  # held: the key repeat sends the same KEYDOWN again and again until the release
    app.step([down] * 20)
    assert screen.status == "Saving..."  # the frame drawn after the press says so
    settle(app, 3)
    app.step([down] * 20)
    key(app, pygame.K_PAGEUP)  # the window answers while the export is written
    assert screen.page == 0
    app.step([pygame.event.Event(pygame.KEYUP, key=pygame.K_s, mod=0, unicode="s", scancode=0)])
    wait_for_export(app)
    settle(app, 30)
    sessions = tmp_path / "sessions"
    assert len(list(sessions.glob("*-debrief*.png"))) == 1 and len(list(sessions.glob("*-debrief*.pdf"))) == 1
    assert screen.status.startswith("Saved to sessions/")
    key(app, pygame.K_PAGEDOWN)
    assert screen.page == 1
    key(app, pygame.K_s)  # a new press is a new export
    wait_for_export(app)
    assert len(list(sessions.glob("*-debrief*.png"))) == 2 and len(list(sessions.glob("*-debrief*.pdf"))) == 2
    app.step([pygame.event.Event(pygame.QUIT)])
    assert not app.running


def test_a_whole_two_team_session_with_a_tie_a_vote_taken_back_and_the_export(app, tmp_path):
    click(app, button_centre(app, "facilitate"))
    click(app, button_centre(app, TeamRow(0)))
    for _ in range(len("Team 1")):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "Red")
    key(app, pygame.K_TAB)
    click(app, button_centre(app, TeamRow(1)))
    for _ in range(len("Team 2")):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "Blue")
    key(app, pygame.K_RETURN)  # stop typing
    key(app, pygame.K_RETURN)  # start
    assert isinstance(app.screen, FacilitatorScreen) and app.workshop.teams == ["Red", "Blue"]

    # Red, decision 1: a tie (A 2, B 2), with one vote for B taken back and given again, broken by the facilitator
    assert to_decision(app) == "decision"
    key(app, pygame.K_t)
    assert app.screen.timer_running
    settle(app, 30)
    assert app.screen.timer_left < app.screen.timer_total
    for code in (pygame.K_a, pygame.K_a, pygame.K_b, pygame.K_b, pygame.K_b):
        key(app, code)
    key(app, pygame.K_b, mod=pygame.KMOD_SHIFT)  # one vote for B taken back
    assert app.workshop.votes == {1: 2, 2: 2}
    assert app.workshop.view().choices and app.screen.revealed is None  # nothing revealed while voting
    key(app, pygame.K_r)
    assert app.workshop.pending_tie == (1, 2)
    key(app, pygame.K_PAGEDOWN)  # 'next' waits for the tie to be broken
    assert app.workshop.pending_tie == (1, 2)
    key(app, pygame.K_b)
    assert app.workshop.records[-1].chosen == "B" and app.workshop.records[-1].tie

    # the rest of Red's run: typed counts (Down selects the next option, digits set its count)
    for letter in "ADBC":
        to_decision(app)
        key(app, getattr(pygame, f"K_{letter.lower()}"))
        key(app, pygame.K_1)
        key(app, pygame.K_2)  # typed: 12 votes for the selected option
        assert app.workshop.votes[" ABCD".index(letter)] == 12
        key(app, pygame.K_PAGEDOWN)  # reveal
    assert to_decision(app) == "ending"
    key(app, pygame.K_PAGEDOWN)  # hand over to Blue
    assert app.workshop.team == "Blue"

    for letter in "CCBC":
        to_decision(app)
        key(app, getattr(pygame, f"K_{letter.lower()}"))
        key(app, pygame.K_RIGHT)  # a clicker's 'next' reveals
    assert to_decision(app) == "ending"
    key(app, pygame.K_PAGEDOWN)
    assert isinstance(app.screen, CompareScreen)

    sessions = tmp_path / "sessions"
    csv_files = list(sessions.glob("*.csv"))
    assert len(csv_files) == 1 and len(list(sessions.glob("*.json"))) == 1
    with open(csv_files[0], newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["team"], row["chosen"]) for row in rows] == \
        [("Red", c) for c in "BADBC"] + [("Blue", c) for c in "CCBC"]
    assert rows[0]["votes_A"] == "2" and rows[0]["votes_B"] == "2" and rows[0]["tie"] == "yes"
    assert rows[1]["votes_A"] == "12" and rows[1]["tie"] == "no"
    assert {row["ending"] for row in rows if row["team"] == "Red"} == {"delighted"}
    assert {row["ending"] for row in rows if row["team"] == "Blue"} == {"gave_up"}
    key(app, pygame.K_s)
    wait_for_export(app)
    pictures, documents = list(sessions.glob("*-debrief*.png")), list(sessions.glob("*-debrief*.pdf"))
    assert len(pictures) == 1 and len(documents) == 1 and documents[0].read_bytes().startswith(b"%PDF-1.4")
    assert pygame.image.load(str(pictures[0])).get_size()[1] == 1080 * len(app.screen.export_pages())


def test_taking_turns_blank_screen_notes_and_back(app):
    app.start_workshop(TUTORIAL, ["North", "South"], "alternating")
    to_decision(app)
    key(app, pygame.K_a)
    key(app, pygame.K_r)
    key(app, pygame.K_PAGEDOWN)
    assert app.workshop.team == "South"
    key(app, pygame.K_PAGEUP)  # a clicker's 'back' takes the decision back
    assert app.workshop.team == "North" and not app.workshop.records
    key(app, pygame.K_PERIOD)
    assert app.screen.blank
    key(app, pygame.K_PAGEDOWN)  # any key brings the picture back without acting
    assert not app.screen.blank and not app.workshop.records
    key(app, pygame.K_n)  # one display: the notes would be projected, so the facilitator is asked first
    assert isinstance(app.screen, ConfirmCard) and app.screen.buttons[app.screen.focus].action == "no"
    key(app, pygame.K_RETURN)  # the answer with the focus keeps them hidden
    assert isinstance(app.screen, FacilitatorScreen) and not app.screen.show_notes
    key(app, pygame.K_n)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert app.screen.show_notes
    key(app, pygame.K_n)
    assert not app.screen.show_notes


def test_reveal_needs_votes_and_next_starts_the_timer(app):
    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    to_decision(app)
    key(app, pygame.K_r)
    assert app.screen.revealed is None
    key(app, pygame.K_PAGEDOWN)
    assert app.screen.timer_running
    key(app, pygame.K_EQUALS)
    assert app.screen.timer_left > 120


def test_projector_text_is_large_enough(app):
    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    assert app.screen.body >= app.theme.height / 25


def test_timer_end_flashes(app):
    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    to_decision(app)
    app.screen.timer_left = 0.05
    key(app, pygame.K_t)
    settle(app, 10)
    assert app.screen.timer_left == 0 and not app.screen.timer_running and app.screen.flash > 0


def test_facilitate_command_opens_the_set_up_with_the_scene(monkeypatch, tmp_path):
    from game import cli
    from game.ui import app as app_module

    seen = {}
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path))
    monkeypatch.setattr(app_module.App, "loop", lambda self: seen.update(
        screen=type(self.screen).__name__, scene=self.screen.card.id))
    assert cli.main(["facilitate", "umbrella"]) == 0
    assert seen == {"screen": "FacilitatorSetup", "scene": "umbrella"}


def test_play_command_opens_the_title(monkeypatch, tmp_path):
    from game import cli
    from game.ui import app as app_module

    seen = {}
    monkeypatch.setenv("MOT_SAVES_DIR", str(tmp_path))
    monkeypatch.setattr(app_module.App, "loop", lambda self: seen.update(screen=type(self.screen).__name__))
    assert cli.main([]) == 0
    assert seen == {"screen": "TitleScreen"}


def _six_option_scene(tmp_path):
    import yaml

    from tests.conftest import choice, scene_dict

    nodes = {"ask": {"speaker": "customer", "text": "Which?", "choices": [
        choice("explore", rating, "end", f"Option {n}") for n, rating in enumerate((1, 2, 0, -1, 3, 1), start=1)]},
        "end": {"speaker": "narrator", "text": "Done.", "ending": "done"}}
    path = tmp_path / "six.yaml"
    path.write_text(yaml.safe_dump(scene_dict(nodes), sort_keys=False), encoding="utf-8")
    return str(path)


def test_ties_beyond_d_and_notes_during_a_tie(app, tmp_path):
    app.open_facilitator_setup(_six_option_scene(tmp_path))
    assert app.screen.card.id == "test_scene"
    key(app, pygame.K_RETURN)
    to_decision(app)
    key(app, pygame.K_e)
    key(app, pygame.K_f)
    key(app, pygame.K_r)
    assert app.workshop.pending_tie == (5, 6)
    app.screen.show_notes = True  # notes during a tie show the options being voted on
    app.dirty = True
    settle(app, 2)
    assert "Option 5" not in "".join(b.text for b in app.screen.drawn) and "+3" in "".join(
        b.text for b in app.screen.drawn)
    app.screen.show_notes = False
    key(app, pygame.K_PAGEUP)  # back: reopens the vote, undoes nothing
    assert app.workshop.pending_tie is None and not app.workshop.records and app.screen.revealed is None
    key(app, pygame.K_r)
    key(app, pygame.K_f)
    assert app.workshop.records[-1].chosen == "F" and app.workshop.records[-1].tie


def test_teams_need_distinct_names(app):
    click(app, button_centre(app, "facilitate"))
    app.screen.teams = ["Same", "Same"]
    key(app, pygame.K_RETURN)
    assert type(app.screen).__name__ == "FacilitatorSetup" and app.workshop is None
    assert app.toast is not None


def test_a_click_on_a_blank_screen_only_brings_the_picture_back(app):
    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    to_decision(app)
    key(app, pygame.K_a)
    key(app, pygame.K_PERIOD)
    click(app, (10, 10))
    assert not app.screen.blank and app.screen.revealed is None and app.workshop.votes == {1: 1}


def test_presenter_view_opens_a_second_window_when_a_second_display_exists(app, monkeypatch):
    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: 2)
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1280, 720), (1280, 720)])
    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    to_decision(app)
    key(app, pygame.K_n)
    window = app.screen.presenter
    assert window is not None and not app.screen.show_notes  # the projector keeps the audience view
    settle(app, 2)
    surface = window.get_surface()
    assert len({surface.get_at((x, y))[:3] for x in range(0, 960, 40) for y in range(0, 720, 40)}) > 3
    key(app, pygame.K_n)
    assert app.screen.presenter is None


def test_no_option_is_selected_before_the_facilitator_moves_to_one(app):
    app.start_workshop(TUTORIAL, ["North", "South"], "alternating")
    to_decision(app)
    screen = app.screen
    assert screen.selected == 0 and screen.option_rings() == []  # no ring reads as a suggestion
    key(app, pygame.K_4)  # digits with nothing selected set no count, and say what to do
    assert not any(app.workshop.votes.values()) and app.toast is not None
    key(app, pygame.K_DOWN)
    assert screen.selected == 1 and screen.option_rings() == [1]
    key(app, pygame.K_DOWN)
    key(app, pygame.K_3)
    assert app.workshop.votes.get(2) == 3 and screen.option_rings() == [2]
    key(app, pygame.K_r)
    key(app, pygame.K_PAGEDOWN)
    to_decision(app)
    assert app.screen.selected == 0  # the next decision starts with nothing selected again


@pytest.mark.parametrize("language", ["en", "zh"])
def test_long_team_names_keep_clear_of_the_next_column_on_the_debrief(app, language):
    from game.ui.blocks import Canvas, audit
    from game.ui.screens.compare import EXPORT_SIZE
    from game.ui.screens.debrief_pages import TEAM_COLOURS, DebriefBuilder
    from game.ui.text import TextBook
    from game.ui.theme import make_theme

    teams = ['=HYPERLINK("x")', "W" * 40]
    app.start_workshop(TUTORIAL, teams, "alternating")
    for _ in range(300):
        if isinstance(app.screen, CompareScreen):
            break
        key(app, pygame.K_a)
        key(app, pygame.K_PAGEDOWN)
    theme, book = make_theme(EXPORT_SIZE, 1.0, False), TextBook()
    builder = DebriefBuilder(app.workshop, language, theme, book)
    pages = builder.pages()
    for number, page in enumerate(pages, start=1):
        canvas = Canvas(pygame.Surface(EXPORT_SIZE), book)
        builder.draw(canvas, page, number, len(pages))
        assert not audit(canvas.drawn, book, pygame.Rect((0, 0), EXPORT_SIZE))
        names = [b for b in canvas.drawn if b.text in teams and b.colour in TEAM_COLOURS]
        for name in names:
            lines_right = [b.rect.x for b in canvas.drawn if b.rect.x > name.rect.x and b.rect.y == name.rect.y]
            widest = max(book.width(line, name.size, name.bold) for line in name.lines)
            assert all(name.rect.x + widest + builder.column_gap <= x for x in lines_right), (page.title, name.text)
        if page.kind == "results":
            assert {b.text for b in names} == set(teams)
            assert any(len(b.lines) > 1 for b in names)  # the longest name wraps inside its column


def test_the_teams_journeys_are_drawn_at_the_levels_every_other_screen_names(app, monkeypatch):
    from game.ui.screens import debrief_pages
    from game.ui.screens.compare import EXPORT_SIZE
    from game.ui.text import TextBook
    from game.ui.theme import make_theme
    from game.vocab import meter_level

    app.start_workshop(TUTORIAL, ["Reds", "Blues"], "alternating")
    for letter in [pygame.K_c, pygame.K_a, pygame.K_b] * 100:
        if isinstance(app.screen, CompareScreen):
            break
        key(app, letter)
        key(app, pygame.K_PAGEDOWN)
    plotted = []
    real = debrief_pages.journey_xy
    monkeypatch.setattr(debrief_pages, "journey_xy",
                        lambda values, *rest: plotted.append(values) or real(values, *rest))
    theme, book = make_theme(EXPORT_SIZE, 1.0, False), TextBook()
    builder = debrief_pages.DebriefBuilder(app.workshop, "en", theme, book)
    pages = builder.pages()
    chart = next(number for number, page in enumerate(pages, start=1) if page.kind == "journeys")
    builder.draw(debrief_pages.Canvas(pygame.Surface(EXPORT_SIZE), book), pages[chart - 1], chart, len(pages))
    raw = [row["journey"] for row in app.workshop.results()]
    team_lines = plotted[1:]  # the first call only places the decision numbers
    meter_max = app.workshop.program.meter_max
    assert len(team_lines) == 2 and all(value in range(-3, 4) for line in team_lines for value in line)
    assert team_lines == [[float(meter_level(v, meter_max)) for v in line] for line in raw]
    assert any(v != meter_level(v, meter_max) for line in raw for v in line)  # raw meters differ from levels


UMBRELLA = str(ROOT / "scenes" / "umbrella.yaml")


def _projected(app):
    app.dirty = True
    app.draw()
    return [block.text for block in app.screen.drawn]


def test_a_line_too_long_for_the_options_is_read_on_its_own_page_before_the_vote(tmp_path):
    app = App(size=(1920, 1080), saves_folder=tmp_path)  # the umbrella's opening narration, in English, at 1080p
    try:
        app.start_workshop(UMBRELLA, ["Red"], "sequential")
        screen, workshop = app.screen, app.workshop
        view = workshop.view("en")
        options = [choice.text for choice in view.choices]
        assert screen.reading() and "reading" in screen.modes() and "voting" not in screen.modes()
        shown = _projected(app)
        assert view.text in shown and not any(text in shown for text in options)
        assert not any(":" in text and text.replace(":", "").isdigit() for text in shown)  # no clock yet
        assert "PageDown\u00a0show the options" in screen.key_hint()
        key(app, pygame.K_a)  # the vote is not open yet: a letter shows the options (as PageDown), counting nothing
        assert workshop.votes == {} and not screen.reading()
        key(app, pygame.K_PAGEUP)  # back to the line
        assert screen.reading()
        key(app, pygame.K_PAGEDOWN)  # the room has read the line: the options, the timer, the vote
        assert not screen.reading() and "voting" in screen.modes() and not screen.timer_running
        shown = _projected(app)
        assert all(text in shown for text in options) and view.text not in shown
        assert f"{screen.timer_total // 60}:00" in shown
        key(app, pygame.K_PAGEUP)  # no vote entered yet: back to the line, nothing undone
        assert screen.reading() and not workshop.records
        key(app, pygame.K_PAGEDOWN)
        key(app, pygame.K_b)
        assert "PageDown\u00a0reveal" in screen.key_hint()
        key(app, pygame.K_PAGEDOWN)  # reveal
        assert workshop.records[-1].chosen == "B"
        key(app, pygame.K_PAGEUP)  # the decision taken back: straight to its vote, the line was read
        assert not workshop.records and not screen.reading() and "voting" in screen.modes()
    finally:
        pygame.display.quit()


def test_a_line_that_fits_beside_the_options_opens_on_the_vote(app):
    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    to_decision(app)
    key(app, pygame.K_PAGEUP)  # nothing to go back to: still the vote
    assert "voting" in app.screen.modes() and not app.screen.reading()
    assert app.workshop.view().text in _projected(app)


def test_the_timer_shows_only_while_a_vote_is_open(tmp_path):
    app = App(size=(1920, 1080), saves_folder=tmp_path)
    try:
        app.start_workshop(UMBRELLA, ["Red"], "sequential")
        workshop, clock = app.workshop, "{}:00"
        seen = set()
        for _ in range(40):
            shown = _projected(app)
            kind = workshop.kind()
            voting = "voting" in app.screen.modes()
            has_clock = clock.format(app.screen.timer_total // 60) in shown
            assert has_clock == voting, (kind, app.screen.modes(), shown[:3])
            app.screen.show_notes = True  # the presenter notes say the time only while it is counted too
            notes = " ".join(_projected(app))
            app.screen.show_notes = False
            assert (f" · {app.screen.timer_total // 60}:" in notes) == voting, (kind, notes[:80])
            seen.add("voting" if voting else "revealed" if app.screen.revealed else kind)
            if kind == "ending":
                break
            if voting:
                key(app, pygame.K_a)
            key(app, pygame.K_PAGEDOWN)
        assert {"voting", "revealed", "line", "decision"} <= seen
    finally:
        pygame.display.quit()


def test_default_team_names_follow_the_language_and_typed_names_stay(app):
    app.update_settings(language="zh")
    click(app, button_centre(app, "facilitate"))
    setup = app.screen
    assert setup.teams == ["第1组", "第2组"]
    click(app, button_centre(app, TeamRow(1)))
    for _ in range(len("第2组")):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "Owls")
    key(app, pygame.K_RETURN)  # stop typing
    key(app, pygame.K_l)
    assert app.settings.language == "en" and setup.teams == ["Team 1", "Owls"]
    setup.activate("add")
    key(app, pygame.K_l)
    assert setup.teams == ["第1组", "Owls", "第3组"]


def test_default_team_names_follow_the_language_on_the_projector_and_the_debrief(app):
    app.update_settings(language="zh")
    app.start_workshop(TUTORIAL, ["第1组", "Owls"], "alternating")
    key(app, pygame.K_l)  # the facilitator switches the room to English
    assert "Team 1's turn" in _projected(app)
    app.finish_workshop()
    shown = " ".join(_projected(app))
    assert "Team 1" in shown and "Owls" in shown and "第1组" not in shown
    assert app.workshop.teams == ["第1组", "Owls"]  # the session's record keeps the names it started with


def test_the_vote_clock_stands_still_while_the_menu_is_open(app):
    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    to_decision(app)
    screen = app.screen
    key(app, pygame.K_t)
    settle(app, 30)
    running_for = screen.timer_total - screen.timer_left
    assert running_for > 0
    key(app, pygame.K_ESCAPE)  # the facilitator's menu: "Paused"
    assert app.screens[-1] is not screen
    settle(app, 120)
    assert screen.timer_total - screen.timer_left == running_for  # not a tick while the menu is open
    key(app, pygame.K_RETURN)  # Resume (it has the focus)
    assert app.screen is screen and screen.timer_running
    settle(app, 30)
    assert screen.timer_total - screen.timer_left > running_for  # and it runs on from where it stood


def test_the_hint_says_pagedown_starts_the_timer_until_votes_are_in(app):
    from game.ui.strings import t

    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    to_decision(app)
    screen = app.screen
    both = f"{t('kn_t_pagedown', 'en')}\u00a0{t('ka_timer', 'en')}"
    hint = screen.key_hint()
    assert both in hint and f"{t('kn_pagedown', 'en')}\u00a0{t('ka_reveal', 'en')}" not in hint
    key(app, pygame.K_PAGEDOWN)  # what the hint says: the clock starts
    assert screen.timer_running
    key(app, pygame.K_DOWN)  # Down still picks an option
    assert screen.selected == 1 and screen.timer_running
    key(app, pygame.K_a)
    hint = screen.key_hint()  # votes in: PageDown reveals, T alone runs the clock
    assert both not in hint and f"T\u00a0{t('ka_timer', 'en')}" in hint
    assert f"{t('kn_pagedown', 'en')}\u00a0{t('ka_reveal', 'en')}" in hint


BANK = str(ROOT / "scenes" / "bank_transfer.yaml")


def _to_reading_page(app):
    """Vote A at every decision until one opens on its reading page (the bank transfer's long line at 720p)."""
    screen, workshop = app.screen, app.workshop
    for _ in range(60):
        if screen.reading():
            return
        if workshop.kind() == "decision" and screen.revealed is None:
            key(app, pygame.K_a)
        key(app, pygame.K_PAGEDOWN)
    raise AssertionError("no reading page reached")


def test_a_language_switch_during_an_open_vote_keeps_the_options_and_the_clock(app):
    app.start_workshop(BANK, ["Red"], "sequential")
    _to_reading_page(app)
    screen, workshop = app.screen, app.workshop
    assert app.settings.language == "en"
    key(app, pygame.K_l)  # the Chinese line fits beside the options: the room sees them, the vote is open
    assert not screen.reading() and "voting" in screen.modes()
    options = [choice.text for choice in workshop.view(app.settings.language).choices]
    assert all(text in _projected(app) for text in options)
    key(app, pygame.K_PAGEDOWN)  # the clock starts
    assert screen.timer_running
    key(app, pygame.K_l)  # back to English, whose line alone would need its own page
    assert app.settings.language == "en"
    assert not screen.reading() and "voting" in screen.modes() and screen.timer_running
    shown = _projected(app)
    assert all(choice.text in shown for choice in workshop.view("en").choices)
    minutes, seconds = divmod(int(screen.timer_left) + (screen.timer_left % 1 > 0), 60)
    assert f"{minutes}:{seconds:02d}" in shown  # the running clock still shows
    assert "show the options" not in screen.key_hint()


def test_a_reading_page_follows_the_language_until_the_vote_opens(app):
    app.start_workshop(BANK, ["Red"], "sequential")
    _to_reading_page(app)
    screen = app.screen
    app.switch_language()
    assert not screen.reading()
    app.switch_language()  # no frame drawn in between: the room saw no options, so English reads its line first
    assert screen.reading() and not screen.timer_running


def test_the_projector_hint_offers_only_keys_that_do_something_now(app):
    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    screen = app.screen
    if app.workshop.kind() != "decision":  # the session's very first line: nothing to take back
        assert "PageUp" not in screen.key_hint()
    to_decision(app)
    hint = screen.key_hint()
    assert "reveal" not in hint and "Shift" not in hint  # no votes yet: nothing to reveal or take back
    assert "PageUp" not in hint  # the first decision, no vote: nothing to go back to
    key(app, pygame.K_a)
    hint = screen.key_hint()
    assert "reveal" in hint and "Shift" in hint and "PageUp" not in hint
    key(app, pygame.K_PAGEDOWN)  # reveal: now the decision can be taken back
    assert "PageUp" in screen.key_hint()


def test_a_toast_goes_once_its_problem_is_resolved_and_keeps_clear_of_the_hint(app):
    app.start_workshop(TUTORIAL, ["Only"], "sequential")
    to_decision(app)
    screen = app.screen
    key(app, pygame.K_a)
    key(app, pygame.K_b)
    key(app, pygame.K_PAGEDOWN)  # A 1, B 1: a tie
    assert app.workshop.pending_tie == (1, 2)
    key(app, pygame.K_c)  # not one of the tied options: the toast says so
    assert app.toast is not None and "C" in app.toast[0]
    app.dirty = True
    app.draw()
    hint_top = screen.keep_clear[0].top
    surface = pygame.Surface(app.surface.get_size())
    surface.fill((0, 0, 0))
    app.draw_toast(surface, app.toast[0])
    painted = pygame.mask.from_threshold(surface, (0, 0, 0), (1, 1, 1, 255))
    painted.invert()
    assert painted.get_bounding_rects() and max(r.bottom for r in painted.get_bounding_rects()) <= hint_top
    key(app, pygame.K_b)  # the tie broken: the toast about it goes
    assert app.workshop.records[-1].chosen == "B" and app.toast is None


def test_typing_a_team_name_replaces_the_default_and_keeps_the_keys_in_the_field(app):
    click(app, button_centre(app, "facilitate"))
    setup = app.screen
    scene = setup.scene_path
    click(app, button_centre(app, TeamRow(0)))
    assert setup.editing == 0 and setup.buttons[setup.focus].action == TeamRow(0)
    hint = setup.key_hint()  # the typing keys: L is a letter now, not the language key
    assert "Enter\u00a0" in hint and "Backspace\u00a0" in hint and "L\u00a0" not in hint
    type_text(app, "Reds")  # the default name was selected whole: typing replaces it
    assert setup.teams[0] == "Reds"
    key(app, pygame.K_LEFT)
    key(app, pygame.K_RIGHT)  # Left and Right stay in the field: neither the focus nor the scenario moves
    assert setup.editing == 0 and setup.buttons[setup.focus].action == TeamRow(0) and setup.scene_path == scene
    type_text(app, "l")
    assert setup.teams[0] == "Redsl" and app.settings.language == "en"
    key(app, pygame.K_BACKSPACE)
    app.dirty = True
    app.draw()
    assert not any("\u258f" in block.text for block in setup.drawn)  # the caret is drawn as a line, not a glyph
    key(app, pygame.K_RETURN)
    assert setup.editing == -1 and setup.teams[0] == "Reds" and "L\u00a0" in setup.key_hint()
    click(app, button_centre(app, TeamRow(0)))  # a typed name is edited at its end
    type_text(app, "!")
    key(app, pygame.K_ESCAPE)  # Esc: the name as it was
    assert setup.teams[0] == "Reds" and setup.editing == -1


def test_the_debrief_shows_the_save_status_and_the_keys_and_asks_before_leaving(app):
    app.start_workshop(TUTORIAL, ["Red"], "sequential")
    app.finish_workshop()  # ended before any decision was completed
    screen = app.screen
    assert isinstance(screen, CompareScreen) and screen.status  # the results' CSV was written
    shown = _projected(app)
    assert any(screen.status in text and "Esc" in text for text in shown)  # both: what was saved, and the keys
    decisions = next(number for number, page in enumerate(screen.pages) if page.kind == "decisions")
    screen.page = decisions
    assert "No team completed a decision in this session." in _projected(app)  # never a blank page
    key(app, pygame.K_ESCAPE)  # "Esc main menu": asked first, the pages are not exported yet
    card = app.screen
    assert isinstance(card, ConfirmCard) and "not" in card.message and "S" in card.message
    key(app, pygame.K_ESCAPE)  # Esc on the question: stay
    assert app.screen is screen
    key(app, pygame.K_ESCAPE)
    app.screen.activate("yes")
    assert not any(isinstance(s, CompareScreen) for s in app.screens)


def test_toasts_on_the_set_up_and_the_debrief_keep_clear_of_their_hints(app):
    click(app, button_centre(app, "facilitate"))
    for screen_of in ("setup", "debrief"):
        if screen_of == "debrief":
            app.start_workshop(TUTORIAL, ["Red"], "sequential")
            app.finish_workshop()
        app.notify("A message long enough to matter, about something on this screen")
        surface = pygame.Surface(app.surface.get_size())
        surface.fill((0, 0, 0))
        app.draw_toast(surface, app.toast[0])
        painted = pygame.mask.from_threshold(surface, (0, 0, 0), (1, 1, 1, 255))
        painted.invert()
        bottom = max(r.bottom for r in painted.get_bounding_rects())
        assert bottom <= min(rect.top for rect in app.screen.keep_clear), screen_of


def test_a_refused_start_is_told_in_the_facilitators_language(app, tmp_path):
    """'Key decisions only' chosen, then the scene's plan taken out of the file as Start is pressed (before the
    set-up has looked at the file again): the session refuses, the toast says why in Chinese (the core's error
    carries a catalogue key, not English), and the next frame shows the plan gone."""
    import yaml

    from game.ui.strings import t

    tutorial = yaml.safe_load(Path(TUTORIAL).read_text(encoding="utf-8"))
    first = next(node_id for node_id, node in tutorial["nodes"].items() if node.get("choices"))
    decision = {"node": first, "minutes": 5, "question": {"en": "Why?", "zh": "为什么？"},
                "model_answer": {"en": "Listen first.", "zh": "先倾听。"}}
    rubric = [{"en": "Did the team explore?", "zh": "小组是否先探索？"}]
    tutorial["workshop"] = {"key_decisions": [decision], "rubric": rubric}
    scene = tmp_path / "planned.yaml"
    scene.write_text(yaml.safe_dump(tutorial, allow_unicode=True, sort_keys=False), encoding="utf-8")
    app.update_settings(language="zh")
    app.open_facilitator_setup(str(scene))
    click(app, button_centre(app, "plan"))
    assert app.screen.key_only
    del tutorial["workshop"]
    scene.write_text(yaml.safe_dump(tutorial, allow_unicode=True, sort_keys=False), encoding="utf-8")
    key(app, pygame.K_RETURN)  # the key is handled before the frame's update looks at the file
    assert app.workshop is None or not isinstance(app.screen, FacilitatorScreen)
    assert app.toast is not None and "工作坊计划" in app.toast[0], app.toast  # not the core's English
    assert app.toast[0] == t("workshop_no_plan", "zh")
    assert not app.screen.key_only and t("no_plan", "zh") in " ".join(b.label for b in app.screen.buttons)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_letter_past_the_options_and_an_early_reveal_are_told_with_this_decisions_letters(app, language):
    """The tutorial's first decision has three options (A-C): D adds no vote and says there is no D here, and
    revealing before any vote asks for votes A-C, in the screen's language (both were silent or said A-D)."""
    from game.ui.strings import t

    app.update_settings(language=language)
    app.start_workshop(TUTORIAL, ["North", "South"], "alternating")
    to_decision(app)
    assert len(app.workshop.view().choices) == 3
    key(app, pygame.K_d)
    assert not any(app.workshop.votes.values())
    assert app.toast is not None and app.toast[0] == t("workshop_no_option", language, option="D"), app.toast
    key(app, pygame.K_r)  # reveal with no votes in
    assert app.toast is not None and app.toast[0] == t("enter_votes", language, letters="A-C"), app.toast
    assert "A-C" in app.toast[0] and "D" not in app.toast[0]
