"""The workshop set-up says what Start will do: when the scene's workshop plan is edited, taken out or put back
while the set-up is shown (or while something covers it), the set-up shows the plan as the file has it now."""

import pygame
import pytest
import yaml

from game.ui.app import App
from game.ui.blocks import drawn_text
from game.ui.driver import key, settle
from game.ui.screens.facilitate import FacilitatorScreen
from game.ui.screens.overlays import NoticeOverlay
from game.ui.strings import t
from tests.conftest import workshop_scene


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path / "saves")
    yield application
    pygame.display.quit()


def write_scene(path, plan: bool, key_decisions: int = 2) -> None:
    data = workshop_scene(plan=plan)
    if plan:
        data["workshop"]["key_decisions"] = data["workshop"]["key_decisions"][:key_decisions]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def shown(app: App) -> str:
    app.dirty = True
    app.draw()
    return drawn_text(app.screen.drawn)


def test_the_plan_taken_out_while_the_set_up_is_shown_is_shown_gone_and_start_discusses_every_decision(app,
                                                                                                      tmp_path):
    scene = tmp_path / "scene.yaml"
    write_scene(scene, plan=True)
    app.open_facilitator_setup(str(scene))
    app.screen.activate("plan")
    assert t("discuss_key", "en", n=2) in shown(app)
    write_scene(scene, plan=False)
    settle(app)  # the window idles: it wakes twice a second
    assert t("no_plan", "en") in shown(app) and t("discuss_key", "en", n=2) not in shown(app)
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, FacilitatorScreen), "Start starts what the set-up shows"
    assert not app.workshop.key_only


def test_a_plan_edited_while_the_set_up_is_covered_is_read_again_when_it_is_shown(app, tmp_path):
    scene = tmp_path / "scene.yaml"
    write_scene(scene, plan=True)
    app.open_facilitator_setup(str(scene))
    app.screen.activate("plan")
    app.push(NoticeOverlay(app, ["Something to read"]))
    write_scene(scene, plan=True, key_decisions=1)
    app.pop()  # no wait: the set-up is laid out again as it is shown
    assert t("discuss_key_one", "en") in shown(app)
    key(app, pygame.K_RETURN)
    assert app.workshop.key_only and len(app.workshop.program.workshop.key_decisions) == 1


def test_a_plan_put_back_is_offered_again(app, tmp_path):
    scene = tmp_path / "scene.yaml"
    write_scene(scene, plan=False)
    app.open_facilitator_setup(str(scene))
    assert t("no_plan", "en") in shown(app)
    write_scene(scene, plan=True)
    settle(app)
    assert t("no_plan", "en") not in shown(app)
    app.screen.activate("plan")
    assert t("discuss_key", "en", n=2) in shown(app)
