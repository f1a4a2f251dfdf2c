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
