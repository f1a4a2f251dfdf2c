"""Facilitator mode shows how past cohorts chose at a decision, after the reveal only."""

from pathlib import Path

import pygame
import pytest

from game.loader import load_scene
from game.outbox import Outbox
from game.playthrough import play
from game.ui.app import App
from game.ui.blocks import audit, drawn_text, room_size
from game.ui.driver import key
from game.xapi import Context, new_registration, run_statements

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = str(ROOT / "scenes" / "tutorial.yaml")
MARK = {"en": "Past cohorts (", "zh": "往期学员（"}


def _record_runs(saves: Path, runs: int) -> None:
    """Runs of the tutorial recorded the way the game records them: statements in saves/outbox."""
    program = load_scene(TUTORIAL).program
    statements = []
    for seed in range(runs):
        played = play(program, None, seed=seed)
        ctx = Context({"objectType": "Agent", "account": {"homePage": "https://x.test", "name": f"l{seed}"}},
                      new_registration(), "practice", "en")
        statements += run_statements(ctx, program, played.state, 0.0, 60.0, played.scorecard)
    Outbox(saves / "outbox").add(statements)


def _drawn(app):
    app.dirty = True
    app.draw()
    return app.screen.drawn


def _to_vote(app):
    workshop = app.workshop
    for _ in range(50):
        if workshop.story.kind(workshop.state) == "decision":
            return
        key(app, pygame.K_PAGEDOWN)
    raise AssertionError("no decision reached")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_past_cohorts_show_after_the_reveal_and_never_before(tmp_path, language):
    _record_runs(tmp_path / "saves", 8)
    app = App(size=(1280, 720), saves_folder=tmp_path / "saves")
    try:
        app.update_settings(language=language)
        app.start_workshop(TUTORIAL, ["Red"], "sequential")
        _to_vote(app)
        node = app.workshop.state.node
        key(app, pygame.K_a)
        assert MARK[language] not in drawn_text(_drawn(app))  # it would steer the vote
        key(app, pygame.K_r)
        blocks = _drawn(app)
        past = [b for b in blocks if b.text.startswith(MARK[language])]
        assert len(past) == 1
        records = app.screen.past_records
        taken = sum(a.node == node for r in records for a in r.answers)
        assert taken and f"{taken}" in past[0].text and "A " in past[0].text and "%" in past[0].text
        shares = [int(part.split()[1].rstrip("%")) for part in past[0].text.split("：" if language == "zh" else ": ",
                                                                                     1)[1].split(" · ")]
        assert 98 <= sum(shares) <= 102  # rounded shares of every option
        assert past[0].size >= room_size(720)
        assert not audit(blocks, app.book, app.surface.get_rect())
        key(app, pygame.K_PAGEDOWN)
        assert MARK[language] not in drawn_text(_drawn(app))
    finally:
        pygame.display.quit()


def test_no_records_no_line(tmp_path):
    app = App(size=(1280, 720), saves_folder=tmp_path / "saves")
    try:
        app.start_workshop(TUTORIAL, ["Red"], "sequential")
        _to_vote(app)
        key(app, pygame.K_a)
        key(app, pygame.K_r)
        assert app.screen.revealed is not None
        assert MARK["en"] not in drawn_text(_drawn(app))
    finally:
        pygame.display.quit()


def test_a_phone_scene_projects_the_call_not_a_face(tmp_path, monkeypatch):
    from game.ui import art
    from game.ui.screens import projector

    drawn = []
    real_call = projector.draw_call_picture
    monkeypatch.setattr(projector, "draw_call_picture",
                        lambda surface, rect, program, visited, meter, unit:
                        drawn.append(("call", visited[-1])) or real_call(surface, rect, program, visited, meter,
                                                                         unit))
    monkeypatch.setattr(art, "draw_customer", lambda *args, **kwargs: drawn.append(("face", None)))
    for scene, expected in (("insurance_840", "call"), ("tutorial", "face")):
        drawn.clear()
        app = App(size=(1280, 720), saves_folder=tmp_path / "saves")
        try:
            app.start_workshop(str(ROOT / "scenes" / f"{scene}.yaml"), ["Red"], "sequential")
            _to_vote(app)
            key(app, pygame.K_a)
            key(app, pygame.K_r)
            assert app.screen.revealed is not None
            blocks = _drawn(app)
            assert drawn and {kind for kind, _ in drawn} == {expected}, scene
            assert not audit(blocks, app.book, app.surface.get_rect())
            if expected == "call":  # the call view itself: the frame takes the call state's colour
                visited = app.workshop.states["Red"].visited
                assert drawn[-1][1] == visited[-1]
        finally:
            pygame.display.quit()


def test_the_projected_call_is_framed_in_the_call_state_colour():
    from game.ui.phone import call_look, draw_call_picture
    from game.ui.phone_voice import STATE_COLOURS, voice_colour

    prog = load_scene(str(ROOT / "scenes" / "insurance_840.yaml")).program
    seed = ("intro", "early_call", "after_yes", "nine_ten", "li_angry")
    for visited in (seed[:1], seed, seed + ("hold",)):
        surface = pygame.Surface((300, 400))
        rect = pygame.Rect(0, 0, 300, 400)
        draw_call_picture(surface, rect, prog, visited, -6.0, 1.0)
        state = call_look(prog, visited, "en").state
        assert tuple(surface.get_at((2, 200)))[:3] == STATE_COLOURS[state]
        colours = {tuple(surface.get_at((x, y)))[:3] for x in range(0, 300, 3) for y in range(200, 400, 3)}
        assert (voice_colour(-6.0) in colours) == (state == "connected")
