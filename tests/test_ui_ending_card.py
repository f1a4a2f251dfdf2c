"""The trainee's scorecard agrees with itself and shows whole texts: the journey chart plots each point at the
level the debrief names, its moment labels sit beside their own markers inside the plot, and the summary and the
debrief never show part of a text, at every window size, language and text size."""

from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest

from game.loader import load_scene
from game.playthrough import play
from game.settings import TEXT_SIZES
from game.ui import chart
from game.ui.screens.ending import EndingScreen
from game.ui.ending_rows import word_of_mouth
from game.ui.scroll import page, scrollbar_width
from game.ui.strings import MOT_LABELS, SERVICE_LEVELS, t
from game.vocab import signed
from game.ui.text import TextBook
from game.ui.theme import make_theme

SHIPPED = sorted(Path("scenes").glob("*.yaml"))
SEEDS = range(8)
VIEWS = [(size, language, text_size) for size in ((1280, 720), (1920, 1080)) for language in ("en", "zh")
         for text_size in (2, len(TEXT_SIZES) - 1)]


@pytest.fixture(scope="module")
def book():
    pygame.font.init()
    return TextBook()


def cards(path: Path, language: str):
    program = load_scene(str(path)).program
    return [play(program, None, seed=seed, language=language).scorecard for seed in SEEDS]


def ending(card, book, size, language, text_size) -> EndingScreen:
    """The ending screen laid out for ``card`` (a stand-in app: only what the layout reads)."""
    app = SimpleNamespace(theme=make_theme(size, TEXT_SIZES[text_size], False), book=book,
                          settings=SimpleNamespace(language=language))
    screen = EndingScreen(app, SimpleNamespace(run=SimpleNamespace(scorecard=lambda _language: card)))
    screen.layout()
    return screen


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_chart_point_sits_at_the_level_the_debrief_names(path, book):
    theme = make_theme((1280, 720), 1.0, False)
    rect = pygame.Rect(460, 80, 780, 240)
    for card in cards(path, "en"):
        chart_layout = chart.layout_chart(rect, card, theme, book, "en")
        plot = chart_layout.plot
        named = {entry.number: (entry.level_before, entry.level_after) for entry in card.debrief}
        tick_y = {text: box.centery for text, box in chart_layout.ticks if text[-1:].isdigit() and text != "0"
                  or text == "0"}
        for point, (_, y) in zip(card.journey, chart_layout.points, strict=True):
            level = named[point.decision][1] if point.kind == "decision" else point.level
            assert y == chart.meter_y(level, plot, chart.LEVELS)
            label = f"{level:+d}" if level else "0"
            if label in tick_y:  # the axis says the same level at that height
                assert abs(tick_y[label] - y) <= 1
        if card.debrief:
            assert chart_layout.points[0][1] == chart.meter_y(named[1][0], plot, chart.LEVELS)


def distance(box: pygame.Rect, point) -> float:
    dx = max(box.left - point[0], 0, point[0] - box.right)
    dy = max(box.top - point[1], 0, point[1] - box.bottom)
    return (dx * dx + dy * dy) ** 0.5


@pytest.mark.slow
@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_moment_labels_sit_beside_their_own_marker_inside_the_plot(path, book):
    problems = []
    for language in ("en", "zh"):
        for seed, card in enumerate(cards(path, language)):
            for size, text_size in sorted({(size, text_size) for size, _, text_size in VIEWS}):
                screen = ending(card, book, size, language, text_size)
                layout = chart.layout_chart(screen.rects["chart"], card, screen.app.theme, book, language)
                where = f"{path.stem} seed {seed} {size} {language} text {text_size + 1}"
                line = layout.points
                for label in layout.labels:
                    others = [other.box for other in layout.labels if other is not label]
                    ink = label.box.inflate(screen.app.theme.px(4), screen.app.theme.px(4))
                    if not layout.area.contains(label.box):
                        problems.append(f"{where}: {label.kind} label outside the plot")
                    if any(label.box.colliderect(box) for box in others + [box for _, box in layout.ticks]):
                        problems.append(f"{where}: {label.kind} label over another label")
                    if any(distance(label.box, other.anchor) <= distance(label.box, label.anchor)
                           for other in layout.labels if other.anchor != label.anchor):
                        problems.append(f"{where}: {label.kind} label nearer another marker")
                    if distance(label.box, label.anchor) > layout.reach:
                        problems.append(f"{where}: {label.kind} label far from its marker")
                    if any(ink.clipline(a, b) for a, b in zip(line, line[1:], strict=False)):
                        problems.append(f"{where}: {label.kind} label over the line")
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} in all)"


def shown_texts(rows, scroller, height, surface, book) -> list[str]:
    """The texts the rows in view render, in order."""
    texts = []
    render = book.render

    def spy(text, *args, **kwargs):
        texts.append(text)
        return render(text, *args, **kwargs)

    book.render = spy
    try:
        scroller.draw(surface, rows, pygame.Rect(0, 0, surface.get_width(), height), SimpleNamespace(
            px=lambda value: round(value), palette=SimpleNamespace(panel_edge=(0, 0, 0), accent=(0, 0, 0))))
    finally:
        book.render = render
    return texts


def whole_or_absent(shown: list[str], paragraphs: list[list[str]]) -> list[str]:
    """The paragraphs shown in part: some of their lines are drawn, but not all of them one after another (a line
    that another paragraph drawn whole also has, such as a short last line, does not count)."""
    def whole(lines: list[str]) -> bool:
        return any(shown[index:index + len(lines)] == lines for index in range(len(shown)))

    wholes = [lines for lines in paragraphs if whole(lines)]
    return [" / ".join(lines) for lines in paragraphs if lines not in wholes
            and any(line in shown and not any(line in other for other in wholes) for line in lines)]


@pytest.mark.slow
@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_the_summary_and_the_debrief_show_only_whole_texts_at_every_scroll_position(path, book):
    problems = []
    for size, language, text_size in VIEWS:
        for seed, card in enumerate(cards(path, language)[:3]):
            screen = ending(card, book, size, language, text_size)
            theme = screen.app.theme
            surface = pygame.Surface(size)
            where = f"{path.stem} seed {seed} {size} {language} text {text_size + 1}"
            width = screen.rects["summary_rows"].width - scrollbar_width(theme)
            values = [f"{signed(card.relationship)} {MOT_LABELS[language][card.relationship]}",
                      SERVICE_LEVELS[language][card.service_level], word_of_mouth(card.word_of_mouth, language)]
            paragraphs = [book.wrap(value, theme.font_px(19), width, True) for value in values]
            summary_height = screen.rects["summary_rows"].height
            scroller = screen.summary_scroll
            for first in range(scroller.last_start(screen.summary, summary_height) + 1):
                scroller.first = first
                shown = shown_texts(screen.summary, scroller, summary_height, surface, book)
                problems += [f"{where} summary: {text}" for text in whole_or_absent(shown, paragraphs)]
            debrief_height = screen.rects["debrief_rows"].height
            inner = screen.rects["debrief_rows"].width - scrollbar_width(theme) - 2 * theme.gap - theme.gap
            texts = [lines for entry in card.debrief for lines in
                     (book.wrap(entry.choice, theme.small, inner, True), book.wrap(entry.feedback, theme.small, inner),
                      book.wrap(t("better_choice", language, text=entry.best_missed or ""), theme.small, inner))
                     if len(lines) * book.line_height(theme.small) <= debrief_height]  # else split between lines
            scroller = screen.debrief_scroll
            scroller.first = 0
            for _ in range(len(screen.debrief)):
                shown = shown_texts(screen.debrief, scroller, debrief_height, surface, book)
                problems += [f"{where} debrief: {text}" for text in whole_or_absent(shown, texts)]
                before = scroller.first
                page(scroller, screen.debrief, debrief_height, 1)
                if scroller.first == before:
                    break
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} in all)"
