"""Scroll keys appear in a hint only when the content scrolls: notices, scene errors, the history, the briefing and
the scorecard say "PgUp/PgDn scroll a page" (or "Up/Down scroll") only when there is something to scroll."""

import pygame
import pytest

from game.ui.app import App
from game.ui.driver import finish_line, key
from game.ui.screens.overlays import HISTORY_KEYS, ErrorOverlay, HistoryOverlay, NoticeOverlay
from game.ui.strings import t
from tests.test_ui_facilitate import TUTORIAL
from tests.test_ui_hints import assert_hint_shown

VIEWS = [((1920, 1080), 0), ((1280, 720), 5)]


@pytest.fixture
def make_app(tmp_path):
    def _make(size, language="en", text_size=2):
        app = App(size=size, saves_folder=tmp_path / f"saves{size[0]}-{language}-{text_size}")
        app.update_settings(language=language, text_size=text_size, text_speed="instant")
        return app

    yield _make
    pygame.display.quit()


def scroll_entries(language: str) -> tuple[str, str]:
    return (f"{t('kn_pages', language)}\u00a0{t('ka_scroll_page', language)}",
            f"{t('kn_up_down', language)}\u00a0{t('ka_scroll', language)}")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_short_notice_names_no_scroll_keys_and_a_long_one_does(make_app, language):
    app = make_app((1280, 720), language, 5)
    pages, _ = scroll_entries(language)
    short = NoticeOverlay(app, ["A save was set aside."], restart=TUTORIAL)
    app.push(short)
    assert not short.scroller.scrolls(short.rows, short.area.height)
    assert pages not in short.key_hint() and t("kn_pages", language) not in short.key_hint()
    assert_hint_shown(app, short.key_hint())
    app.pop()
    long = NoticeOverlay(app, [f"Message {n}: saves/current.json could not be read and was set aside." for n in
                               range(40)])
    app.push(long)
    assert long.scroller.scrolls(long.rows, long.area.height)
    assert pages in long.key_hint()
    assert_hint_shown(app, long.key_hint())
    key(app, pygame.K_PAGEDOWN)  # what the hint says it does
    assert long.scroller.first > 0


def test_scene_errors_name_the_scroll_keys_only_when_they_scroll(make_app):
    from game.diagnostics import Diagnostic

    app = make_app((1280, 720))
    pages, _ = scroll_entries("en")
    for count, scrolls in ((1, False), (30, True)):
        errors = [Diagnostic("scenes/x.yaml", n + 1, 1, "MOT004", f"YAML syntax error near node n{n}")
                  for n in range(count)]
        overlay = ErrorOverlay(app, errors)
        app.push(overlay)
        assert overlay.scroller.scrolls(overlay.rows, overlay.area.height) == scrolls
        assert (pages in overlay.key_hint()) == scrolls
        app.pop()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_history_names_its_scroll_keys_only_when_it_scrolls(make_app, language):
    pages, lines = scroll_entries(language)
    app = make_app((1920, 1080), language, 0)
    app.open_briefing(TUTORIAL)
    app.begin(TUTORIAL, app.screen.program, "practice")
    finish_line(app)
    overlay = HistoryOverlay(app, app.run)
    app.push(overlay)
    assert not overlay.scroller.scrolls(overlay.rows, overlay.area.height)  # one line said so far
    hint = HISTORY_KEYS.hint(language, overlay.modes())
    assert pages not in hint and lines not in hint
    assert_hint_shown(app, hint)
    overlay.rows = overlay.rows * 60  # a long conversation: the same rows many times over
    hint = HISTORY_KEYS.hint(language, overlay.modes())
    assert pages in hint and lines in hint
    key(app, pygame.K_PAGEDOWN)
    assert overlay.scroller.first > 0


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_briefing_names_its_scroll_keys_exactly_when_it_scrolls(make_app, language):
    pages, lines = scroll_entries(language)
    seen = set()
    for size, text_size in VIEWS:
        app = make_app(size, language, text_size)
        app.open_briefing(TUTORIAL)
        screen = app.screen
        scrolls = screen.scroller.scrolls(screen.rows, screen.area.height)
        seen.add(scrolls)
        hint = screen.key_hint()
        assert (pages in hint) == scrolls and (lines in hint) == scrolls, (size, text_size, hint)
        before = screen.scroller.first
        key(app, pygame.K_PAGEDOWN)
        assert (screen.scroller.first > before) == scrolls
    assert seen == {False, True}  # both cases were met


def test_the_scorecard_names_each_scroll_key_exactly_when_its_list_scrolls(make_app):
    from game.analysis import analyze
    from game.ui.screens.ending import EndingScreen
    from layout_audit import set_view
    from test_ui_layout import play_to_decision

    pages, lines = scroll_entries("en")
    app = make_app((1920, 1080), "en", 0)
    app.open_briefing(TUTORIAL)
    app.begin(TUTORIAL, app.screen.program, "practice")
    finish_line(app)
    for number in analyze(app.run.program).worst.choices:
        play_to_decision(app)
        key(app, getattr(pygame, f"K_{number}"))
    while not app.run.is_over():
        key(app, pygame.K_SPACE)
    app.finish()
    screen = app.screen
    assert isinstance(screen, EndingScreen)
    seen = set()
    for size, text_size in VIEWS:
        set_view(app, size, "en", text_size)
        hint, modes = screen.key_hint(), screen.modes()
        assert (pages in hint) == ("debrief_scrolls" in modes), (size, hint)
        assert (lines in hint) == ("summary_scrolls" in modes), (size, hint)
        assert ("debrief_scrolls" in modes) == screen.debrief_scroll.scrolls(screen.debrief,
                                                                            screen.rects["debrief_rows"].height)
        seen.add("debrief_scrolls" in modes)
    assert True in seen  # the largest text at 1280x720 scrolls the debrief
