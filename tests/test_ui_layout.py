"""The layout audit over every trainee screen: 1280x720, 1920x1080 and 3840x2160, both languages, every
text size, and a title screen with 1, 5 and 20 scenes (see tests/layout_audit.py for the rules)."""

import re
import shutil
from pathlib import Path

import pygame
import pytest
from layout_audit import RecordingSurface, audit_matrix, check, matrix

from game.analysis import analyze
from game.engine import State
from game.storage import write_json
from game.ui.app import App
from game.ui.driver import finish_line, key, settle
from game.ui.screens.ending import EndingScreen
from game.ui.screens.overlays import HistoryOverlay, NoticeOverlay, PauseOverlay
from game.ui.screens.settings_overlay import SettingsOverlay
from game.ui.screens.play import PlayScreen

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "scenes").glob("*.yaml"))
EXTREMES = [((1280, 720), "en", 5), ((1280, 720), "zh", 5), ((3840, 2160), "en", 5), ((3840, 2160), "zh", 5),
            ((1920, 1080), "en", 0), ((1920, 1080), "zh", 0)]


def scenes_folder(tmp_path: Path, count: int) -> Path:
    """``count`` scenes: the shipped ones, then copies with their own ids and longer titles."""
    folder = tmp_path / f"scenes{count}"
    folder.mkdir()
    for index in range(count):
        source = SHIPPED[index % len(SHIPPED)]
        if index < len(SHIPPED):
            shutil.copy(source, folder / source.name)
            continue
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"^id: .*$", f"id: copy_{index}", text, count=1, flags=re.MULTILINE)
        title = rf'title: {{en: "\1, practice round {index} with a longer title", zh: "\2（第 {index} 轮练习）"}}'
        text = re.sub(r"^title: \{en: \"(.*?)\", zh: \"(.*?)\"\}", title, text, count=1, flags=re.MULTILINE)
        (folder / f"copy_{index:02d}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def make_app(tmp_path):
    apps = []

    def _make(scenes: int = 4) -> App:
        saves = tmp_path / f"saves{len(apps)}"
        app = App(saves_folder=saves, scenes_folder=scenes_folder(tmp_path, scenes) if scenes != 4 else None)
        app.settings = app.settings.with_changes(text_speed="instant")
        apps.append(app)
        return app

    yield _make
    pygame.display.quit()


def report(problems: list[str]) -> str:
    return f"{len(problems)} layout problems, first ones:\n" + "\n".join(problems[:25])


def begin(app: App, path: Path, mode: str = "practice") -> None:
    app.open_briefing(str(path))
    app.begin(str(path), app.screen.program, mode)
    finish_line(app)


def at_node(app: App, node: str) -> PlayScreen:
    """Put the run at ``node`` with its line shown in full."""
    run = app.run
    run.state = State(run.program.id, node, run.state.meter, visited=(run.program.start, node))
    if not isinstance(app.screen, PlayScreen):
        app.open_play()  # the same screen otherwise: its picture cache spares repainting 4K backdrops
    finish_line(app)
    return app.screen


def longest_decision(program) -> str:
    return max((n for n in program.nodes.values() if n.choices),
               key=lambda n: sum(len(c.text.get("zh", "")) + len(c.text.get("en", "")) for c in n.choices)).id


@pytest.mark.parametrize("scenes", [1, 5, 20])
def test_title_screen_with_any_number_of_scenes(make_app, scenes):
    app = make_app(scenes)
    write_json(app.store.folder / "history.json", [{"scene": app.cards[0].id, "score": 93.3, "ending": "x"}])
    begin(app, SHIPPED[0])
    play_to_decision(app)
    key(app, pygame.K_3)
    app.to_title()
    assert "(decision 2)" in app.screen.buttons[app.screen.focus].label  # Continue names the scene and where
    problems = audit_matrix(app, f"title {scenes} scenes")
    assert not problems, report(problems)


@pytest.mark.parametrize("overlay", ["settings", "notice", "replace"])
def test_title_overlays(make_app, overlay):
    app = make_app()
    if overlay == "settings":
        app.push(SettingsOverlay(app))
    elif overlay == "notice":
        app.push(NoticeOverlay(app, ["saves/current.json could not be read and was set aside as "
                                     "current.json.broken-20260101; the run starts again."], restart=str(SHIPPED[0])))
    else:
        begin(app, SHIPPED[0])
        app.to_title()
        app.choose_scene(str(SHIPPED[1]))
    problems = audit_matrix(app, overlay)
    assert not problems, report(problems)


@pytest.mark.parametrize("mode", ["practice", "assessment"])
def test_briefing(make_app, mode):
    app = make_app()
    app.open_briefing(str(SHIPPED[2]))
    problems = audit_matrix(app, "briefing")
    assert not problems, report(problems)


@pytest.mark.parametrize("state", ["line", "choices", "coaching", "ending", "pause", "history", "assessment"])
def test_play_screens(make_app, state):
    app = make_app()
    path = ROOT / "scenes" / "bank_transfer.yaml"
    begin(app, path, "assessment" if state == "assessment" else "practice")
    program = app.run.program
    if state == "line":
        pass
    elif state in ("choices", "assessment"):
        at_node(app, longest_decision(program))
    elif state == "coaching":
        screen = at_node(app, longest_decision(program))
        worst = min(screen.view.choices, key=lambda c: program.nodes[screen.view.node].choices[c.number - 1].rating)
        key(app, getattr(pygame, f"K_{worst.number}"))
        assert screen.coaching is not None
    elif state == "ending":
        at_node(app, next(n.id for n in program.nodes.values() if n.ending))
    elif state == "pause":
        app.push(PauseOverlay(app, app.play))
    elif state == "history":
        for number in analyze(program).best.choices[:4]:
            play_to_decision(app)
            key(app, getattr(pygame, f"K_{number}"))
        app.push(HistoryOverlay(app, app.run))
    problems = audit_matrix(app, state)
    assert not problems, report(problems)


def play_to_decision(app: App) -> None:
    for _ in range(100):
        screen = app.screen
        if screen.deciding:
            return
        key(app, pygame.K_SPACE)
        settle(app)
    raise AssertionError("no decision reached")


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_decision_of_the_shipped_scenes_at_the_extremes(make_app, path):
    app = make_app()
    begin(app, path)
    problems = []
    for node in [n.id for n in app.run.program.nodes.values() if n.choices]:
        at_node(app, node)
        problems += audit_matrix(app, f"{path.stem}:{node}", EXTREMES)
    assert not problems, report(problems)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_scorecard_and_debrief(make_app, path):
    app = make_app()
    begin(app, path)
    for number in analyze(app.run.program).worst.choices:
        play_to_decision(app)
        key(app, getattr(pygame, f"K_{number}"))
    while not app.run.is_over():
        key(app, pygame.K_SPACE)
    app.finish()
    assert isinstance(app.screen, EndingScreen)
    problems = audit_matrix(app, f"scorecard {path.stem}", matrix() if path == SHIPPED[0] else EXTREMES)
    key(app, pygame.K_PAGEDOWN)
    problems += audit_matrix(app, f"scorecard scrolled {path.stem}", EXTREMES)
    assert not problems, report(problems)


def test_the_audit_finds_text_crossing_a_box_overlapping_text_and_small_text(make_app):
    app = make_app()
    book = app.book
    surface = RecordingSurface((400, 300), book)
    box = pygame.Rect(10, 10, 100, 40)
    surface.note_container(box)
    surface.blit(book.render("A line far too long for its box", 20, (0, 0, 0)), (14, 14))
    surface.blit(book.render("Overlapping", 20, (0, 0, 0)), (20, 200))
    surface.blit(book.render("Overlapping too", 20, (0, 0, 0)), (30, 205))
    surface.blit(book.render("tiny", 9, (0, 0, 0)), (300, 100))
    problems = check(surface, 12)
    assert any("crosses the border" in p for p in problems)
    assert any("overlaps" in p for p in problems)
    assert any("smaller than 12" in p for p in problems)
