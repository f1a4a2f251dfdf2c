"""Pieces of the play screen: the picture (cached) and the top bar (the card: :mod:`game.ui.card`)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

import pygame

from game.ui import art, art_rain, phone
from game.ui.still_layer import pieces_outside
from game.ui.strings import t
from game.vocab import CUSTOMER_SPEAKER
from game.ui.widgets import draw_meter, draw_stage_tracker

if TYPE_CHECKING:
    from game.ui.app import App

AMBIENT_SECONDS = 6.0  # backdrop motion (rain) runs this long after the last input, then the screen rests
AMBIENT_FPS = 12  # rain is repainted this often; smooth enough for rain, and a fifth of the painting work
# People kept painted, by bytes: the one shown, the one before (a face changing back and forth as the
# meter moves, two speakers taking turns) and those the next step may show, painted ahead while the
# player reads (a decision of four options whose meter changes pass through two or three faces). A
# person is 1.6 MB at 1920x1080: 10 MB holds six there; two are always kept (6.5 MB each at 3840x2160).
PEOPLE_BYTES = 10 * 1024 * 1024


class PlayPicture:
    """The picture behind the play screen: the backdrop with the person shown over it and the top bar's dark
    band, kept composed as one window-sized surface. Painting costs 10-20 ms a backdrop or person; a new
    speaker or face repaints and blends only the person, into the person's area of that surface."""

    def __init__(self) -> None:
        self.clock = 0.0
        self.last_input = 0.0
        self.cache: dict[tuple, pygame.Surface] = {}  # a phone scene's call centre (one: the window's size)
        self.people: OrderedDict[tuple, pygame.Surface] = OrderedDict()  # the people shown last, premultiplied
        self.scene: Optional[pygame.Surface] = None  # the backdrop, the person and the bar, composed
        self.bar: Optional[pygame.Surface] = None  # the top bar's band
        # the dry backdrop alone where a new face or a moment of rain is drawn again: (pixels, area)
        self.under: Optional[tuple[pygame.Surface, pygame.Rect]] = None
        self.scene_key: Optional[tuple] = None  # (backdrop key, person key, person rect, bar height) it shows
        self.look: Optional[tuple] = None  # (program, visited, look): the look worked out last
        self.ahead: Optional[tuple] = None  # (what they depend on, [(person, expression), ...] to paint ahead)
        self.paintings = 0  # backdrops and people painted (benchmarks report it)
        self.resting = 0.0  # the moment of the rain shown (the last one while it fell)

    def touch(self) -> None:
        """Input arrived: the backdrop may move for a while."""
        self.last_input = self.clock

    def animating(self, app: "App") -> bool:
        """True while the rain (or, in a phone scene, the caller's voice or the call timer) moves."""
        if phone.is_phone(app):
            return phone.animating(app, self)
        moving = self.clock - self.last_input < AMBIENT_SECONDS and not app.settings.reduce_motion
        return moving and self.scene_look(app).rain_falls

    def scene_look(self, app: "App") -> "SceneLook":
        """:func:`scene_look`, worked out once per node visited (frames ask for it several times)."""
        run = app.playing
        cached = self.look
        if cached is None or cached[0] is not run.program or cached[1] != run.visited:
            cached = self.look = (run.program, run.visited, look_at(run.program, run.visited))
        return cached[2]

    def key(self, app: "App", meter: float, assessing: bool) -> tuple:
        """Everything the picture shows now depends on (a frame showing it is composed again when it changes)."""
        if phone.is_phone(app):
            return phone.call_key(app, self, meter, assessing)
        theme = app.theme
        look = self.scene_look(app)
        expression = _expression(look, meter, assessing)
        if self.animating(app):  # when the rain stops, it stays where it was (it does not jump back to its start)
            self.resting = int(self.clock * AMBIENT_FPS) / AMBIENT_FPS
        return theme.width, theme.height, look, expression, theme.high_contrast, self.resting

    def keys(self, app: "App", meter: float, assessing: bool) -> tuple[tuple, tuple, tuple[tuple, pygame.Rect]]:
        """What the ground (the backdrop, the window's size) and the figure in the picture's rect (the
        person, or the caller's card) each depend on; and the rain's moment with the area it falls in (the
        glass, an empty rect where no rain shows)."""
        key = self.key(app, meter, assessing)
        if key[0] == "call":
            return key[:4], key[4:], ((), pygame.Rect(0, 0, 0, 0))
        width, height, look, expression, high_contrast, moment = key
        rain = pygame.Rect(0, 0, 0, 0)
        if look.rain_falls:
            rain = art_rain.glass_bounds(pygame.Rect(0, 0, width, height), high_contrast)
        return ((width, height, look.backdrop, look.raining, high_contrast), (look.person, expression),
                ((moment,), rain))

    def draw(self, surface: pygame.Surface, app: "App", rect: pygame.Rect, meter: float, assessing: bool,
             holes: Sequence[pygame.Rect] = ()) -> None:
        """Blit the picture for the current node and the top bar's band (within the surface's clip, and
        but for ``holes``: areas the caller paints over opaque right after), painting first what changed."""
        bar = self._bar(app)
        if phone.is_phone(app):  # a call: the caller's card and voice instead of a backdrop and a face
            phone.draw_call(surface, app, self, rect, meter, assessing)
            surface.blit(bar, (0, 0))
            return
        scene = self._scene(app, rect, meter, assessing, bar)
        if not holes:
            surface.blit(scene, (0, 0))
            return
        # a copy of the picture under a panel's opaque middle would be overwritten at once: 40 % of a
        # whole frame's copy at 1080p (the line's box and four options)
        for piece in pieces_outside(surface.get_clip(), holes):
            surface.blit(scene, piece, piece)

    def _bar(self, app: "App") -> pygame.Surface:
        """The top bar's dark translucent band, kept here (not in the text cache, whose texts would push it out)."""
        size = (app.theme.width, hud_height(app))
        if self.bar is None or self.bar.get_size() != size:
            self.bar = pygame.Surface(size, pygame.SRCALPHA)
            self.bar.fill((16, 20, 28, 190))
        return self.bar

    def _scene(self, app: "App", rect: pygame.Rect, meter: float, assessing: bool,
               bar: pygame.Surface) -> pygame.Surface:
        """The backdrop with the rain, the person and the bar over it, brought up to date: the backdrop painted
        into it for a new backdrop or bar; for a new person, face or moment of rain only the area they cover
        (the person's, and the glass the rain falls behind), from the dry backdrop kept for that area (the
        whole backdrop is not kept, 8 MB at 1920x1080)."""
        width, height, look, expression, high_contrast, moment = self.key(app, meter, assessing)
        palette = art.HIGH_CONTRAST_PALETTE if high_contrast else art.DEFAULT_PALETTE
        rain = look.rain_falls
        backdrop_key = (width, height, look.backdrop, look.raining, high_contrast)
        key = (backdrop_key, (look.person, expression, palette), tuple(rect), bar.get_height(), moment)
        scene, shown, under = self.scene, self.scene_key, self.under
        if scene is not None and key == shown:
            return scene
        person = self._person(rect, look.person, expression, palette)
        if scene is None or scene.get_size() != (width, height):
            scene = self.scene = _window_surface((width, height))  # in the display's format before painting
            shown = None
        whole = scene.get_rect()
        if shown is not None and under is not None and (shown[0], shown[2], shown[3]) == (key[0], key[2], key[3]):
            scene.set_clip(under[1])  # the same backdrop: the person's area (and the glass) again
            scene.blit(under[0], under[1])
        else:
            scene.fill((0, 0, 0))  # as a new surface: the painter draws over black
            art.draw_backdrop(scene, whole, look.backdrop, palette, raining=look.raining and not rain)
            area = rect.clip(whole).union(art_rain.glass_bounds(whole, high_contrast)) if rain else rect.clip(whole)
            self.under = (scene.subsurface(area).copy(), area)
            self.paintings += 1
        if rain:
            art_rain.draw_rain(scene, whole, palette, moment)
        scene.blit(person, rect, special_flags=pygame.BLEND_PREMULTIPLIED)
        scene.blit(bar, (0, 0))
        scene.set_clip(None)
        self.scene_key = key
        return scene

    def _person(self, rect: pygame.Rect, person: art.Person, expression: str,
                palette: art.ArtPalette) -> pygame.Surface:
        """The person alone on a transparent ground, premultiplied: painted onto nothing, a premultiplied
        blend leaves exactly the pixels art.draw_person would blend over the backdrop. People stand still
        (breathing would paint them again at every moment of the rain)."""
        key = (tuple(rect), person, expression, palette)
        alone = self.people.get(key)
        if alone is not None:
            self.people.move_to_end(key)
            return alone
        alone = art.person_surface(rect.size, expression, palette, person)
        self.people[key] = alone
        self.paintings += 1
        while len(self.people) > 2 and sum(_bytes(kept) for kept in self.people.values()) > PEOPLE_BYTES:
            self.people.popitem(last=False)
        return alone

    def prepare(self, app: "App", rect: pygame.Rect, meter: float, assessing: bool,
                ahead: list[tuple[tuple[str, ...], float]]) -> bool:
        """Paint one person the next step may show (``ahead``: the nodes visited and the meter after each
        way on), with every face the meter passes through on its way there; False when all are painted.
        Called only when nothing moves (:meth:`game.ui.screens.base.Screen.idle`): never during a frame."""
        if phone.is_phone(app):
            return False
        run = app.playing
        depends = (run.program, run.visited, round(meter, 2), assessing, tuple(rect), app.theme.high_contrast)
        if self.ahead is None or self.ahead[0] != depends:
            self.ahead = (depends, _faces_ahead(run.program, meter, assessing, ahead))
        palette = art.HIGH_CONTRAST_PALETTE if app.theme.high_contrast else art.DEFAULT_PALETTE
        wanted = self.ahead[1][:_people_room(rect)]
        for person, expression in wanted:
            if (tuple(rect), person, expression, palette) not in self.people:
                self._person(rect, person, expression, palette)
                for kept in wanted:  # what is wanted ahead stays: the oldest of the rest make room
                    key = (tuple(rect), kept[0], kept[1], palette)
                    if key in self.people:
                        self.people.move_to_end(key)
                return True
        return False


def _bytes(surface: pygame.Surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize()


def _people_room(rect: pygame.Rect) -> int:
    """How many people painted ahead fit in the cache beside the one shown."""
    return max(0, PEOPLE_BYTES // max(1, rect.width * rect.height * 4) - 1)


def _expression(look: "SceneLook", meter: float, assessing: bool) -> str:
    """The face shown: in an assessment always a neutral one (the face gives no feedback, not even a scene's
    scripted reaction: the reactions are shown on the scorecard); else the scene's, or the meter's."""
    if assessing:
        return "neutral"
    return look.expression or art.expression_for(meter)


def _faces_ahead(program, meter: float, assessing: bool,
                 ahead: list[tuple[tuple[str, ...], float]]) -> list[tuple[art.Person, str]]:
    """The people and faces the steps ``ahead`` show: a fixed face, or for the customer every face the
    meter shows on its way from ``meter`` to its value there (it moves gradually); each once, nearest first."""
    faces: list[tuple[art.Person, str]] = []
    order = art.EXPRESSIONS
    for visited, later in ahead:
        look = look_at(program, visited)
        if look.expression is not None or assessing:
            shown = [_expression(look, meter, assessing)]
        else:
            start, end = order.index(art.expression_for(meter)), order.index(art.expression_for(later))
            step = 1 if end >= start else -1
            shown = [order[index] for index in range(start, end + step, step)]
        faces += [(look.person, expression) for expression in shown if (look.person, expression) not in faces]
    return faces


def _window_surface(size: tuple[int, int]) -> pygame.Surface:
    """A surface in the display's pixel format (when there is a display): blits to the window are copies."""
    surface = pygame.Surface(size)
    return surface.convert() if pygame.display.get_surface() else surface


# The face a cast member other than the customer shows when the line sets none: the meter is the customer's.
CAST_DEFAULT_EXPRESSIONS = {"manager": "content", "other": "neutral"}


@dataclass(frozen=True)
class SceneLook:
    """What the picture shows at the current node."""

    backdrop: str
    raining: bool
    person: art.Person
    expression: Optional[str]  # set by the line (or a cast member's default); None: the meter decides (customer)

    @property
    def rain_falls(self) -> bool:
        """True when rain is seen falling: it rains, and the backdrop has a window on the street."""
        return self.raining and art_rain.has_rain_layer(self.backdrop)


def scene_look(app: "App") -> SceneLook:
    """The backdrop, the weather and the person shown now, from the scene and its nodes so far."""
    return look_at(app.playing.program, app.playing.visited)


def look_at(program, visited: tuple[str, ...]) -> SceneLook:
    """The backdrop, the weather and the person shown at the last of the nodes ``visited``."""
    backdrop, weather = program.backdrop, program.weather
    for node_id in visited:  # a node's weather or backdrop lasts until another node changes it
        look = program.nodes[node_id].look
        if look is not None:
            backdrop, weather = look.backdrop or backdrop, look.weather or weather
    node = program.nodes[visited[-1]]
    speaker = program.speakers.get(node.speaker)
    shown = node.speaker if speaker is not None and speaker.role not in ("staff", "narrator") else "customer"
    expression = node.look.expression if node.look is not None and shown == node.speaker else None
    if expression is None and shown != CUSTOMER_SPEAKER:  # only the customer's face follows the meter
        expression = CAST_DEFAULT_EXPRESSIONS.get(speaker.role if speaker is not None else "", "neutral")
    return SceneLook(backdrop, weather == "rain", art.person_for(program, shown), expression)


def hud_height(app: "App") -> int:
    """Height of the darkened top bar."""
    theme, book = app.theme, app.book
    return max(theme.px(76), round(theme.small * 1.6) + 2 * theme.px(24), book.line_height(theme.small) + theme.px(44))


def below_hud(app: "App") -> int:
    """Where what sits below the top bar (the options, the coaching card) starts: the same gap under the bar
    at every text size, as the bar grows with the text."""
    return hud_height(app) + app.theme.px(8)


def draw_hud(surface: pygame.Surface, app: "App", stages: tuple[str, ...], assessing: bool) -> pygame.Rect:
    """What the top bar shows over its band (drawn with the picture: :meth:`PlayPicture.draw`): the MOT
    stages and, in an assessment, a note that the meter is hidden.

    Returns the rect the meter goes in; the meter moves, so it is drawn apart (:func:`draw_hud_meter`).
    """
    theme, book, language = app.theme, app.book, app.settings.language
    height = hud_height(app)
    tracker = draw_stage_tracker(surface, (theme.px(24), theme.px(24)), stages, theme, book, language)
    meter_width = max(theme.px(376), book.width(t("meter_label", language, mood="——————", value="+10"),
                                                theme.small, bold=True))
    meter_rect = pygame.Rect(theme.width - theme.px(24) - meter_width, theme.px(12), meter_width, theme.px(56))
    meter_rect.x = max(meter_rect.x, tracker.right + theme.gap)
    if assessing:
        text = t("assessment_meter", language)
        rendered = book.render(text, theme.small, (255, 255, 255), bold=True)
        surface.blit(rendered, rendered.get_rect(midright=(theme.width - theme.px(24), height // 2)))
    return meter_rect


def draw_hud_meter(surface: pygame.Surface, app: "App", rect: pygame.Rect, meter: float,
                   parts: str = "all") -> pygame.Rect:
    """The satisfaction meter in the top bar at ``rect`` (``parts``: see :func:`draw_meter`); returns the
    area painted."""
    program = app.playing.program
    return draw_meter(surface, rect, meter, art.expression_for(meter), app.theme, app.book, app.settings.language,
                      (program.meter_min, program.meter_max), parts)
