"""The title screen's cards at every window size, language and text size: each card shows its picture,
title, place and customer type (the picture measured from what was drawn, not from the layout's sums)."""

import pygame
import pytest
from layout_audit import RecordingSurface, matrix, set_view
from test_ui_layout import scenes_folder

from game.ltext import pick
from game.ui.app import App
from game.ui.strings import CUSTOMER_TYPES, t

SIZES = [(1280, 720), (1920, 1080)]
SHORTEST_PICTURE = 60  # layout units: a strip thinner than this no longer shows the place


def card_problems(app: App, where: str) -> list[str]:
    """What a trainee would miss on the cards of the current page."""
    screen, theme = app.screen, app.theme
    surface = RecordingSurface((theme.width, theme.height), app.book)
    screen.draw(surface)
    problems = []
    cards = [b for b in screen.buttons if type(b.action).__name__ == "SceneCard"]
    if not cards:
        return [f"{where}: no card on the page"]
    for button in cards:
        card = app.cards[button.action.index]
        inside = [text for text in surface.texts if button.rect.contains(text.box)]
        words = "".join(text.text for text in inside)
        kind = t("customer_type", app.settings.language,
                 type=CUSTOMER_TYPES[app.settings.language].get(card.customer_type, card.customer_type))
        for what, text in (("title", pick(card.title, app.settings.language)),
                           ("place", pick(card.place, app.settings.language)), ("customer type", kind)):
            if "".join(text.split()) not in "".join(words.split()):
                problems.append(f"{where} {card.id}: {what} {text[:30]!r} not shown in full on its card")
        top = min((text.box.top for text in inside), default=button.rect.top)
        picture = top - button.rect.top - theme.gap - theme.px(8)
        if picture < theme.px(SHORTEST_PICTURE):
            problems.append(f"{where} {card.id}: picture {picture} px tall, under {theme.px(SHORTEST_PICTURE)}")
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("scenes", [4, 20])
def test_every_card_keeps_its_picture_title_place_and_customer_type(tmp_path, scenes):
    app = App(saves_folder=tmp_path / "saves", scenes_folder=scenes_folder(tmp_path, scenes))
    problems = []
    try:
        for size, language, text_size in matrix(SIZES):
            set_view(app, size, language, text_size)
            where = f"{scenes} scenes {size[0]}x{size[1]} {language} text {text_size + 1}"
            problems += card_problems(app, where)
            if scenes > app.screen.per_page:  # the last page too: it may hold a single card
                app.screen.turn_page(99)
                problems += card_problems(app, where + " last page")
                app.screen.turn_page(-99)
    finally:
        pygame.display.quit()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:20])
