"""The caller's card on a phone scene keeps its headset caption whole at the largest text (it wraps, and the
strip grows to hold it, rather than cutting it to 'Your headset • handing th…'), and still draws the voice."""

from pathlib import Path

import pygame
import pytest

from game.ui import phone
from game.ui.app import App
from game.ui.driver import finish_line, start_practice, take_option, to_decision
from game.ui.strings import t

ROOT = Path(__file__).resolve().parent.parent
INSURANCE = str(ROOT / "scenes" / "insurance_840.yaml")
LARGEST = 5  # the largest text size (Settings' 6)


@pytest.fixture
def app(tmp_path):
    application = App(saves_folder=tmp_path)
    application.update_settings(text_speed="instant", coaching=False)
    yield application
    pygame.display.quit()


def start(app: App, size: tuple[int, int], language: str):
    return start_practice(app, INSURANCE, size, language, LARGEST)


def record_card(app: App, monkeypatch, draw) -> tuple[list[str], list[pygame.Rect]]:
    """The texts rendered and the voice's rects while ``draw`` runs."""
    texts, waves = [], []
    render, voice = app.book.render, phone.draw_voice

    def rendering(text, *args, **kwargs):
        texts.append(text)
        return render(text, *args, **kwargs)

    def voicing(surface, rect, *args, **kwargs):
        waves.append(pygame.Rect(rect))
        return voice(surface, rect, *args, **kwargs)

    monkeypatch.setattr(app.book, "render", rendering)
    monkeypatch.setattr(phone, "draw_voice", voicing)
    draw()
    monkeypatch.undo()
    return texts, waves


def words(text: str) -> list[str]:
    return [word for word in text.replace(phone.HEADSET_SEPARATOR, " ").split()]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_transfer_cards_headset_caption_is_whole_and_the_voice_is_drawn(app, monkeypatch, size, language):
    screen = start(app, size, language)
    for _ in range(2):  # the last option twice: the call is handed over
        screen = to_decision(app)
        take_option(app, screen, -1)
        finish_line(app)
    assert phone.call_look(app.playing.program, app.playing.visited, language).state == "transfer"

    def draw():  # the picture the screen draws (the caller's card in it), on a surface of its own
        surface = pygame.Surface(app.surface.get_size())
        screen.picture.draw(surface, app, screen.rects["customer"], screen.meter_shown, screen.assessing)

    texts, waves = record_card(app, monkeypatch, draw)
    caption = t("headset_transfer", language)
    assert not any(text.endswith("…") for text in texts), [text for text in texts if text.endswith("…")]
    shown = [text for text in texts if words(text) and set(words(text)) <= set(words(caption))
             or text.strip() in caption]
    assert words(" ".join(shown)) == words(caption) or "".join(shown).replace(" ", "") == \
        caption.replace(" ", "").replace(phone.HEADSET_SEPARATOR, ""), shown
    assert waves and min(wave.height for wave in waves) >= phone.MIN_VOICE * app.theme.unit


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("state", phone.CALL_STATES)
def test_every_call_states_headset_caption_fits_the_card_whole(app, size, language, state):
    screen = start(app, size, language)
    theme = app.theme
    inner = screen.rects["customer"].width - 2 * theme.gap
    lines = phone._headset_lines(app, inner, state)
    room = inner - theme.px(24) - phone._headset_size(theme, app.book)
    assert all(app.book.width(line, theme.small) <= room for line in lines), lines
    caption = t(phone.HEADSET_KEYS[state], language)
    assert "".join(lines).replace(" ", "") == caption.replace(" ", "").replace(phone.HEADSET_SEPARATOR, "") \
        or " ".join(lines).replace(" ", "") == caption.replace(" ", ""), lines
