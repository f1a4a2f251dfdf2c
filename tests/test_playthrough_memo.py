"""What a choice does and its debrief entry are kept per program (Program.moves, Program.debriefs): a run
that finds them kept must end exactly as a run that works everything out, in both languages."""

from pathlib import Path

import pytest

from game import engine, scorecard
from game.loader import load_scene
from game.playthrough import play

SCENES = sorted((Path(__file__).resolve().parent.parent / "scenes").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENES, ids=[path.stem for path in SCENES])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_kept_moves_and_entries_change_no_run(path, language):
    warmed = load_scene(str(path)).program
    for seed in range(300):  # the moves and entries of many runs kept
        play(warmed, None, seed=seed, language=language)
    assert warmed.moves and warmed.debriefs
    for seed in range(0, 300, 7):
        fresh = load_scene(str(path)).program  # nothing kept: everything worked out
        assert play(warmed, None, seed=seed, language=language).to_json() == \
            play(fresh, None, seed=seed, language=language).to_json()


def test_what_is_kept_stays_bounded(monkeypatch):
    monkeypatch.setattr(engine, "MAX_MOVES", 5)
    monkeypatch.setattr(scorecard, "MAX_DEBRIEFS", 5)
    program = load_scene(str(SCENES[0])).program
    for seed in range(200):
        play(program, None, seed=seed)
        assert len(program.moves) <= 5 and len(program.debriefs) <= 5
