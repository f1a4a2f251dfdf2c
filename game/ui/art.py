"""Code-drawn art: the backdrops and the customer, in one flat, warm, illustrative style.

Both public drawing functions are pure functions of their arguments: they draw into ``rect`` of
any Surface (no display needed) and never outside it. Backdrops are laid out in a design space
900 units tall and ``900 * aspect`` wide, so nothing stretches when the window changes shape;
the lower middle (where the customer stands) and the bottom third (the dialogue box) stay calm.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import pygame

from game.ui.art_people import FACES, FIGURE_H, FIGURE_W
from game.ui.pen import Pen, paint_supersampled, supersampled
from game.ui.art_person import draw_figure, make_look
from game.ui.art_rooms import SCENES
from game.ui.art_set import BACKDROP_EDGE_HC, H, tones_for
from game.ui.phone_voice import CALL_CENTRE, draw_call_centre
from game.vocab import CUSTOMER_SPEAKER, METER_MOODS, meter_level


@dataclass(frozen=True)
class ArtPalette:
    """Colours the art uses; the screens pass one in (normal and high-contrast themes)."""

    sky: tuple[int, int, int]
    wall: tuple[int, int, int]
    floor: tuple[int, int, int]
    accent: tuple[int, int, int]
    ink: tuple[int, int, int]  # outlines, dark details
    skin: tuple[int, int, int]
    cloth: tuple[int, int, int]
    hair: tuple[int, int, int]
    high_contrast: bool = False


DEFAULT_PALETTE = ArtPalette(
    sky=(168, 200, 214), wall=(238, 228, 211), floor=(190, 164, 136), accent=(61, 128, 124),
    ink=(54, 46, 58), skin=(238, 199, 168), cloth=(150, 110, 132), hair=(96, 70, 56))
HIGH_CONTRAST_PALETTE = ArtPalette(
    sky=(90, 170, 255), wall=(255, 255, 255), floor=(120, 120, 120), accent=(255, 200, 0),
    ink=(0, 0, 0), skin=(255, 214, 170), cloth=(0, 84, 200), hair=(60, 40, 20), high_contrast=True)

# The rooms of counter scenes; phone scenes' CALL_CENTRE is drawn too, as the call view's plain floor.
BACKDROPS = ("store", "service-desk", "bank", "street-rain", "classroom", "supermarket-desk", "telecom-hall")
EXPRESSIONS = ("furious", "angry", "upset", "neutral", "content", "happy", "delighted")

# Expressions a scene line may ask for, drawn with the nearest face the art has.
LINE_EXPRESSIONS = {"neutral": "neutral", "happy": "happy", "pleased": "content", "worried": "upset",
                    "sad": "upset", "angry": "angry", "surprised": "surprised"}


CAST_LOOKS = [("feminine", "ponytail", "navy"), ("masculine", "short", "charcoal"), ("feminine", "bun", "teal"),
              ("masculine", "cropped", "navy"), ("feminine", "long", "burgundy"), ("masculine", "short", "olive")]


@dataclass(frozen=True)
class Person:
    """Everything the drawing needs to know about one person (from the scene's ``appearance``)."""

    role: str = "customer"  # customer, staff, manager, other
    customer_type: str = "steady"  # posture and hands
    age: str = "adult"
    gender: str = "neutral"
    build: str = "medium"
    skin: str = "light"
    hair: Optional[str] = None
    hair_colour: Optional[str] = None
    glasses: bool = False
    clothing: Optional[str] = None
    clothing_colour: Optional[str] = None
    details: tuple[str, ...] = field(default_factory=tuple)


def person_for(program: Any, speaker: str) -> Person:
    """The person to draw for ``speaker`` of a compiled scene: its appearance, or defaults that fit its role."""
    appearance = program.appearances.get(speaker)
    info = program.speakers.get(speaker)
    role = info.role if info is not None else "customer"
    is_customer = speaker == CUSTOMER_SPEAKER
    fallback_age = program.customer_age if is_customer else "adult"
    if fallback_age == "elderly" and appearance is None:  # the look older scenes were drawn with
        return Person(role, program.customer_type, "elderly", "feminine", hair="bun", glasses=True,
                      clothing="cardigan")
    if appearance is None and is_customer:
        return Person(role, program.customer_type, clothing="jacket")
    if appearance is None:  # a cast member the scene does not describe: a plain look of their own, stable per id
        pick_of = sum(speaker.encode("utf-8")) % len(CAST_LOOKS)
        gender, hair, colour = CAST_LOOKS[pick_of]
        return Person(role, "steady", "adult", gender, hair=hair, clothing="blazer" if role != "other" else "suit",
                      clothing_colour=colour, details=("name-badge",) if role in ("manager", "staff") else ())
    return Person(
        role=role, customer_type=program.customer_type if is_customer else "steady",
        age=appearance.age or fallback_age, gender=appearance.gender or "neutral", build=appearance.build or "medium",
        skin=appearance.skin or "light", hair=appearance.hair, hair_colour=appearance.hair_colour,
        glasses=appearance.glasses, clothing=appearance.clothing, clothing_colour=appearance.clothing_colour,
        details=tuple(appearance.details))


def draw_backdrop(surface: pygame.Surface, rect: pygame.Rect, name: str, palette: ArtPalette,
                  time: float = 0.0, raining: Optional[bool] = None) -> None:
    """Draw the named setting filling ``rect``; nothing outside ``rect`` is touched.

    Args:
        surface: Any Surface; no display is needed.
        rect: The area to fill. Layout adapts to its aspect ratio without stretching.
        name: One of BACKDROPS. Unknown names fall back to "store".
        palette: DEFAULT_PALETTE, HIGH_CONTRAST_PALETTE or a theme's own.
        time: Seconds; drives rain, clock hands and signal lights. At 0.0 the picture is complete.
        raining: Whether rain falls outside (None: as the backdrop was first drawn, rain on "street-rain").
    """
    rect = pygame.Rect(rect)
    if rect.w < 1 or rect.h < 1:
        return
    if name == CALL_CENTRE:  # the phone scenes' room, drawn by the call view's own painter
        draw_call_centre(surface.subsurface(rect.clip(surface.get_rect())), palette.high_contrast)
        return
    wet = name == "street-rain" if raining is None else raining
    scene, tones = SCENES.get(name, SCENES["store"]), tones_for(palette, wet)

    def paint(tmp: pygame.Surface, factor: float) -> None:
        scale = tmp.get_height() / H
        pen = Pen(tmp, scale, ink=palette.ink, edge=BACKDROP_EDGE_HC if palette.high_contrast else 0)
        scene(pen, tones, tmp.get_width() / scale, time)

    paint_supersampled(surface, rect, paint)


def expression_for(meter: float) -> str:
    """Map the satisfaction meter to one of EXPRESSIONS.

    Args:
        meter: Satisfaction from -10 (furious) to 10 (delighted).

    Returns:
        <= -7 furious, <= -4 angry, <= -1 upset, < 1 neutral, < 4 content, < 7 happy, else delighted.
    """
    return METER_MOODS[meter_level(meter)]  # the meter's one vocabulary, shared with the card


def figure_box(rect: pygame.Rect) -> pygame.Rect:
    """Where :func:`draw_person` draws in ``rect``: the 3:4 figure scaled to fit and centred (a card beside
    the picture may come up to it, over the backdrop on either side)."""
    scale = min(rect.width / FIGURE_W, rect.height / FIGURE_H)
    box = pygame.Rect(0, 0, round(FIGURE_W * scale), round(FIGURE_H * scale))
    box.center = rect.center
    return box


def draw_person(surface: pygame.Surface, rect: pygame.Rect, expression: str, palette: ArtPalette, person: Person,
                time: float = 0.0) -> None:
    """Draw ``person``, half body and facing the viewer, centred in ``rect`` on a transparent ground.

    Args:
        surface: Any Surface; the figure is alpha-blended over what is already there.
        rect: The area to draw in; the 3:4 figure is scaled to fit and centred.
        expression: One of EXPRESSIONS or LINE_EXPRESSIONS' keys (unknown names draw "neutral").
        palette: The colours; a high-contrast palette thickens every outline.
        person: Age, gender presentation, build, hair, glasses, clothing and its colours, details.
        time: Seconds; drives breathing and an occasional blink. At 0.0 the eyes are open.
    """
    rect = pygame.Rect(rect)
    if rect.w < 1 or rect.h < 1:
        return
    alone = person_surface(rect.size, expression, palette, person, time)
    surface.blit(alone, rect, special_flags=pygame.BLEND_PREMULTIPLIED)


def person_surface(size: tuple[int, int], expression: str, palette: ArtPalette, person: Person,
                   time: float = 0.0) -> pygame.Surface:
    """``person`` alone on a transparent ground of ``size``, premultiplied (see :func:`draw_person`).

    Blended with ``BLEND_PREMULTIPLIED`` it leaves exactly the pixels :func:`draw_person` draws; kept, it
    can be blended again over a new ground without painting the person again.
    """
    face = FACES.get(expression) or FACES.get(LINE_EXPRESSIONS.get(expression, ""), FACES["neutral"])
    look = make_look(palette, person, face.flush)

    def paint(tmp: pygame.Surface, factor: float) -> Pen:
        scale = min(tmp.get_width() / FIGURE_W, tmp.get_height() / FIGURE_H)
        origin = ((tmp.get_width() - FIGURE_W * scale) / 2, (tmp.get_height() - FIGURE_H * scale) / 2)
        pen = Pen(tmp, scale, origin, ink=palette.ink, edge=4.5 if palette.high_contrast else 2.2)
        tmp.set_clip(pen.box(0, 0, FIGURE_W, FIGURE_H))  # a clean bust: nothing below the waist line
        draw_figure(pen, face, look, person, time)
        return pen

    return supersampled(size, paint)


def draw_customer(surface: pygame.Surface, rect: pygame.Rect, expression: str, palette: ArtPalette,
                  customer_type: str = "steady", age: str = "elderly", time: float = 0.0) -> None:
    """Draw a customer with no ``appearance`` (kept for callers that only know the type and age)."""
    if age == "elderly":
        person = Person("customer", customer_type, "elderly", "feminine", hair="bun", glasses=True,
                        clothing="cardigan")
    else:
        person = Person("customer", customer_type, clothing="jacket")
    draw_person(surface, rect, expression, palette, person, time)
