"""Soak: many random playthroughs, and a long run of random input across every screen."""

import os
import random
from pathlib import Path

import pygame
import pytest

from game.engine import Story
from game.loader import load_scene
from game.scorecard import build_scorecard

ROOT = Path(__file__).resolve().parent.parent
PLAYTHROUGHS = 100_000
UI_EVENTS = 10_000


@pytest.mark.slow
def test_random_playthroughs_across_every_scene_and_language():
    stories = [Story(load_scene(str(path)).program) for path in sorted((ROOT / "scenes").glob("*.yaml"))]
    rng = random.Random(2026)
    endings: dict[str, set] = {story.program.id: set() for story in stories}
    for index in range(PLAYTHROUGHS):
        story = stories[index % len(stories)]
        language = "zh" if index % 2 else "en"
        state = story.start()
        while True:
            view = story.view(state, language)
            assert view.text
            if view.kind == "ending":
                break
            if view.kind == "line":
                state = story.advance(state)
            else:
                state, _ = story.choose(state, rng.randint(1, len(view.choices)))
        endings[story.program.id].add(view.ending_id)
        if index % 5000 == 0:  # scorecards too, now and then: they replay the whole run
            assert 0 <= build_scorecard(story, state, language).score <= 100
    for story in stories:  # random play reaches every ending of every scene
        assert endings[story.program.id] == set(story.program.endings)


KEYS = [pygame.K_SPACE, pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_UP, pygame.K_DOWN,
        pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_TAB, pygame.K_h, pygame.K_l,
        pygame.K_n, pygame.K_t, pygame.K_r, pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d, pygame.K_PERIOD,
        pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_9, pygame.K_0, pygame.K_EQUALS, pygame.K_MINUS,
        pygame.K_z, pygame.K_F5]


def _random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    roll = rng.random()
    position = (rng.randrange(size[0]), rng.randrange(size[1]))
    if roll < 0.55:
        mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else pygame.KMOD_CTRL if rng.random() < 0.05 else 0
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=mod, unicode="", scancode=0)
    if roll < 0.85:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=position, button=1)
    if roll < 0.93:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=position, rel=(0, 0), buttons=(0, 0, 0))
    if roll < 0.97:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-1, 1)), flipped=False)
    if roll < 0.99:
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("abc组队 "))
    width, height = rng.choice([(1280, 720), (1920, 1080), (1024, 768), (1600, 900)])
    return pygame.event.Event(pygame.VIDEORESIZE, size=(width, height), w=width, h=height)


def _resident_bytes() -> int:
    """Current resident memory of this process (Linux), or 0 where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


@pytest.mark.slow
def test_random_input_across_every_screen(tmp_path):
    from game.ui.app import App

    app = App(saves_folder=tmp_path)
    app.update_settings(text_speed="instant")
    rng = random.Random(11)
    screens_seen = set()
    baseline = 0
    for index in range(UI_EVENTS):
        app.step([_random_event(rng, app.surface.get_size())], 1 / 30)
        screens_seen.add(type(app.screen).__name__)
        if not app.running:  # Quit or Esc on the title: carry on as a new start would
            app.running = True
            app.to_title()
        if index == UI_EVENTS // 5:  # after the caches have filled once
            baseline = _resident_bytes()
    current = _resident_bytes()
    pygame.display.quit()
    assert {"TitleScreen", "PlayScreen"} <= screens_seen
    assert len(screens_seen) >= 5, screens_seen
    assert current - baseline < 40 * 1024 * 1024, (baseline, current)  # bounded caches: no steady growth
