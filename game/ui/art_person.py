"""A person drawn from the scene's ``appearance``: age, gender presentation, build, skin, hair,
glasses, clothing and its colour, and small details (see :class:`game.ui.art.Person`).

The figure lives in the 300 x 400 design box of :mod:`game.ui.art_people`, whose face drawing
(brows, eyes, mouth: the expression) it reuses.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from game.ui.art_people import CX, Face, Look, draw_face, head_outline
from game.ui.pen import WHITE, Color, Pen, Point, curve, mirror, mix

if TYPE_CHECKING:
    from game.ui.art import Person

COLOURS: dict[str, Color] = {
    "black": (38, 36, 40), "grey": (150, 150, 154), "gray": (150, 150, 154), "silver": (196, 198, 202),
    "white": (236, 234, 230), "brown": (112, 78, 54), "blonde": (222, 190, 120), "red": (176, 58, 48),
    "auburn": (140, 70, 44), "navy": (40, 54, 96), "blue": (56, 102, 170), "green": (62, 124, 84),
    "olive": (110, 116, 64), "khaki": (170, 156, 110), "beige": (214, 196, 164), "tan": (190, 150, 104),
    "purple": (120, 80, 130), "plum": (120, 80, 130), "pink": (220, 140, 160), "orange": (220, 120, 50),
    "yellow": (226, 190, 70), "teal": (46, 120, 124), "maroon": (120, 44, 52), "charcoal": (64, 66, 72),
    "cream": (240, 230, 206), "burgundy": (118, 36, 54),
}
SKIN: dict[str, Color] = {"light": (238, 205, 176), "medium": (214, 168, 128), "tan": (186, 134, 96),
                          "dark": (116, 78, 56)}
BUILD = {"slim": 0.88, "medium": 1.0, "heavy": 1.16}
LAPELS = {"jacket", "blazer", "suit", "uniform", "coat", "raincoat"}


def colour(name: str | None, default: Color) -> Color:
    """A colour name from :data:`COLOURS` or ``#rrggbb``; ``default`` otherwise."""
    if not name:
        return default
    if name.startswith("#"):
        return int(name[1:3], 16), int(name[3:5], 16), int(name[5:7], 16)
    return COLOURS.get(name, default)


def hair_style(person: "Person") -> str:
    """The hair style, defaulting by age and gender presentation."""
    if person.hair:
        return person.hair
    if person.gender == "feminine":
        return "bun" if person.age == "elderly" else "long"
    return "short"


def make_look(palette, person: "Person", flush: float) -> Look:
    """Colours of one person from their appearance (the high-contrast palette keeps its strong colours)."""
    hc = palette.high_contrast
    elderly = person.age == "elderly"
    base_skin = palette.skin if hc or person.skin == "light" else SKIN.get(person.skin, palette.skin)
    skin = mix(base_skin, (214, 92, 80), flush)
    default_hair = mix(palette.hair, (232, 230, 226), 0.8) if elderly else palette.hair
    hair = colour(person.hair_colour, default_hair)
    default_cloth = palette.cloth if person.clothing == "cardigan" else mix(palette.cloth, palette.ink, 0.25)
    cloth = palette.cloth if hc else colour(person.clothing_colour, default_cloth)
    return Look(
        ink=palette.ink, skin=skin, skin_shade=mix(skin, palette.ink, 0.16 if not hc else 0.3),
        hair=hair, hair_shade=mix(hair, palette.ink, 0.2), brow=mix(hair, palette.ink, 0.6 if elderly else 0.3),
        cloth=cloth, cloth_shade=mix(cloth, palette.ink, 0.22 if not hc else 0.45),
        shirt=WHITE if hc else mix(palette.wall, WHITE, 0.6),
        mouth=mix((120, 40, 48), palette.ink, 0.3), blush=mix(skin, (232, 110, 110), 0.35), hc=hc)


def draw_figure(pen: Pen, face: Face, look: Look, person: "Person", time: float) -> None:
    """Draw the whole person in the 300 x 400 design box on ``pen``."""
    breath = math.sin(time * 2 * math.pi / 3.8) * 1.8  # shoulders rise, the head follows a little less
    posture = {"demanding": -5, "compliant": -3, "shy": 5, "silent": 3}.get(person.customer_type, 0)
    head_y = 140 + posture - breath * 0.7
    style = hair_style(person)
    width = BUILD.get(person.build, 1.0)
    if style in ("long", "ponytail"):
        draw_back_hair(pen, look, style, head_y)
    draw_body(pen, look, person, 248 - breath, width)
    draw_arms(pen, look, person.customer_type, breath, width)
    draw_head(pen, look, style, head_y, person)
    blink = time > 0 and (time % 4.3) > 4.14  # a 0.16 s blink every few seconds, never at time 0
    draw_face(pen, face, look, person.glasses, head_y, blink)
    if person.gender == "feminine":
        for side in (-1, 1):  # lashes at the outer corners
            pen.stroke(look.ink, [(CX + side * 33, head_y + 1), (CX + side * 39, head_y - 3)], 2.4)
    if person.age == "elderly":
        for side in (-1, 1):  # laughter lines beside the eyes
            pen.stroke(look.skin_shade, curve((CX + side * 44, head_y + 2), (CX + side * 47, head_y + 8),
                                              (CX + side * 44, head_y + 14), 5), 1.8)
    draw_details(pen, look, person, head_y, 248 - breath, width)


def _widen(points: list[Point], width: float) -> list[Point]:
    return [(CX + (x - CX) * width, y) for x, y in points]


def draw_body(pen: Pen, look: Look, person: "Person", top: float, width: float) -> None:
    """Neck, shoulders and torso in the person's garment."""
    pen.rect(look.skin, CX - 17, top - 50, 34, 60, edge=0)
    half = [(30, 420), (34, top + 90)] + curve((34, top + 90), (36, top + 18), (76, top + 8))[1:]
    half += curve((76, top + 8), (104, top + 2), (124, top - 8), 6)[1:]  # the slope from neck to shoulder
    pen.poly(look.cloth, _widen(half + mirror(half, CX), width))
    for side in (-1, 1):  # the arms hang inside the sleeves: a seam from shoulder to elbow
        pen.stroke(look.cloth_shade, _widen(curve((CX + side * 100, top + 30), (CX + side * 96, top + 80),
                                                  (CX + side * 92, top + 110), 8), width), 3)
    clothing = person.clothing or "jacket"
    if clothing == "cardigan":
        pen.poly(look.shirt, [(124, top - 8), (CX, top + 84), (176, top - 8)], edge=0)
        pen.poly(look.skin, curve((130, top - 8), (CX, top + 34), (170, top - 8), 10), edge=0)
        pen.stroke(look.cloth_shade, curve((132, top - 2), (CX, top + 40), (168, top - 2), 10), 3)
        for side in (-1, 1):  # the cardigan's front bands, and its buttons
            pen.stroke(look.cloth_shade, [(CX + side * 28, top - 8), (CX + side * 3, top + 86),
                                          (CX + side * 3, 420)], 5)
        for y in (top + 108, top + 136):
            pen.circle(look.cloth_shade, CX + 11, y, 4.2, edge=0)
    elif clothing in LAPELS:
        pen.poly(look.shirt, [(122, top - 8), (CX, top + 70), (178, top - 8)], edge=0)
        pen.poly(look.skin, [(134, top - 8), (CX, top + 22), (166, top - 8)], edge=0)
        for side in (-1, 1):  # lapels folded back from the V, and shirt collar points
            pen.poly(look.cloth_shade, [(CX + side * 28, top - 8), (CX + side * 3, top + 70),
                                        (CX + side * 10, top + 100), (CX + side * 46, top + 10)])
            pen.poly(look.shirt, [(CX + side * 16, top - 12), (CX + side * 30, top - 6),
                                  (CX + side * 20, top + 26), (CX + side * 3, top + 24)])
        if clothing == "raincoat":  # a belt across the waist
            pen.rect(look.cloth_shade, 40 + (1 - width) * 110, top + 130, 220 * width, 14, edge=0)
    elif clothing == "work-jacket":  # a zipped work jacket: stand-up collar, zip, a chest pocket with a flap
        pen.poly(look.cloth_shade, [(120, top - 14), (CX, top + 6), (180, top - 14), (184, top + 4),
                                    (CX, top + 22), (116, top + 4)])
        pen.stroke(look.cloth_shade, [(CX, top + 14), (CX, 420)], 4)
        pen.rect(look.cloth_shade, CX - 64, top + 44, 40, 34, radius=3)
        pen.rect(mix(look.cloth_shade, look.ink, 0.2), CX - 66, top + 40, 44, 10, radius=2)
    else:  # shirt, sweater or dress: a round neck, a shirt collar for a shirt
        pen.poly(look.skin, curve((126, top - 8), (CX, top + 30), (174, top - 8), 10), edge=0)
        pen.stroke(look.cloth_shade, curve((126, top - 6), (CX, top + 32), (174, top - 6), 10), 4)
        if clothing == "shirt":
            for side in (-1, 1):
                pen.poly(look.cloth_shade, [(CX + side * 26, top - 10), (CX + side * 4, top + 30),
                                            (CX + side * 34, top + 16)])
            for y in (top + 50, top + 84, top + 118):
                pen.circle(look.cloth_shade, CX, y, 3.6, edge=0)


def draw_arms(pen: Pen, look: Look, customer_type: str, breath: float, width: float) -> None:
    """Arms crossed (demanding, compliant), one hand raised (talkative, influential) or hands folded:
    always exactly two hands."""
    y = 360 - breath
    if customer_type in ("demanding", "compliant"):  # each hand grips the other arm above the elbow
        pen.limb(look.cloth, _widen([(250, y + 14), (88, y - 26)], width), 40)
        pen.ellipse(look.skin, CX + (76 - CX) * width, y - 30, 15, 13)
        pen.limb(look.cloth, _widen([(50, y + 14), (212, y - 26)], width), 40)
        pen.ellipse(look.skin, CX + (224 - CX) * width, y - 30, 15, 13)
        return
    if customer_type in ("talkative", "influential"):  # one hand up mid-sentence, the other resting at the waist
        pen.limb(look.cloth, _widen([(240, y + 20), (244, y - 58)], width), 36)
        hx, hy = CX + (246 - CX) * width, y - 92
        for dx, length in ((-12, 26), (-4, 30), (4, 30), (12, 25)):  # open palm, fingers up
            pen.limb(look.skin, [(hx + dx * 0.7, hy), (hx + dx, hy - length)], 8.5)
        pen.limb(look.skin, [(hx - 8, hy + 10), (hx - 24, hy - 4)], 9)
        pen.ellipse(look.skin, hx, hy + 6, 15, 16)
        pen.limb(look.cloth, _widen([(52, y + 12), (130, y + 6)], width), 34)
        pen.ellipse(look.skin, CX + (140 - CX) * width, y + 6, 17, 14)
        return
    for side in (-1, 1):  # forearms come in from the elbows to hands folded at the waist
        pen.limb(look.cloth, _widen([(CX + side * 98, y + 12), (CX + side * 20, y + 6)], width), 34)
    pen.ellipse(look.skin, CX - 9, y + 12, 20, 15)
    pen.ellipse(look.skin, CX + 9, y + 6, 20, 15)
    pen.stroke(look.skin_shade, [(CX - 2, y + 2), (CX + 18, y + 8)], 2.2)


def draw_back_hair(pen: Pen, look: Look, style: str, cy: float) -> None:
    """Hair that falls behind the shoulders (long) or a tail at one side (ponytail), drawn before the head."""
    if style == "long":
        pen.poly(look.hair, [(CX - 70, cy - 20), (CX + 70, cy - 20), (CX + 80, cy + 120), (CX + 50, cy + 134),
                             (CX - 50, cy + 134), (CX - 80, cy + 120)])
    else:
        pen.poly(look.hair, curve((CX + 56, cy - 40), (CX + 104, cy + 20), (CX + 76, cy + 96), 10)
                 + curve((CX + 60, cy + 90), (CX + 84, cy + 20), (CX + 50, cy - 24), 10))


def draw_head(pen: Pen, look: Look, style: str, cy: float, person: "Person") -> None:
    """Ears, head and hair in the person's style."""
    for side in (-1, 1):
        pen.ellipse(look.skin, CX + side * 60, cy + 8, 11, 17)
        pen.stroke(look.skin_shade, curve((CX + side * 63, cy + 1), (CX + side * 67, cy + 8),
                                          (CX + side * 62, cy + 17), 5), 2)
    pen.rect(look.skin_shade, CX - 17, cy + 50, 34, 30, edge=0)  # shadow under the jaw, onto the neck
    pen.poly(look.skin, head_outline(cy))
    if style == "bald":  # a fringe of hair above the ears only
        for side in (-1, 1):
            pen.poly(look.hair, [(CX + side * 56, cy - 22), (CX + side * 64, cy - 30), (CX + side * 66, cy + 4),
                                 (CX + side * 58, cy + 2)])
        return
    volume = {"bun": 18, "curly": 22, "cropped": 6}.get(style, 12)
    rx, ry = 63 + volume * 0.25, 62 + volume
    crown = [(CX + rx * math.cos(a / 40 * math.pi), cy - 12 + ry * math.sin(a / 40 * math.pi)) for a in range(40, 81)]
    if style in ("bun", "curly", "long", "ponytail"):  # swept back in soft waves, fuller over the ears
        line = curve((CX + 66, cy + 2), (CX + 74, cy - 24), (CX + 52, cy - 34), 6)
        for x0, x1, dip in ((52, 26, 0), (26, 0, 4), (0, -26, 4), (-26, -52, 0)):
            line += curve((CX + x0, cy - 34 - dip * 2), (CX + (x0 + x1) / 2, cy - 54 - dip * 2),
                          (CX + x1, cy - 34 - (4 - dip) * 2 - dip * 2), 6)[1:]
        line += curve((CX - 52, cy - 34), (CX - 74, cy - 24), (CX - 66, cy + 2), 6)[1:]
        pen.poly(look.hair, crown + line)
        if style == "bun":
            pen.circle(look.hair, CX, cy - 12 - ry + 4, 26)
        if style == "curly":
            for index in range(9):
                angle = math.pi * (1.05 + index * 0.9 / 8)
                pen.circle(look.hair, CX + (rx + 2) * math.cos(angle), cy - 12 + (ry + 2) * math.sin(angle), 13,
                           edge=0)
        strands = [((CX - 4, cy - 88), (CX - 30, cy - 82), (CX - 44, cy - 60)),
                   ((CX + 8, cy - 86), (CX + 36, cy - 80), (CX + 48, cy - 60))]
    else:  # short or cropped: a side parting with the fringe swept across
        line = curve((CX + 58, cy + 4), (CX + 58, cy - 28), (CX + 48, cy - 44), 6)
        line += curve((CX + 48, cy - 44), (CX + 10, cy - 38), (CX - 22, cy - 62 + (12 if style == "cropped" else 0)),
                      10)[1:]
        line += curve((CX - 22, cy - 62), (CX - 50, cy - 52), (CX - 56, cy - 26), 8)[1:]
        line += [(CX - 58, cy + 4)]
        pen.poly(look.hair, crown + line)
        strands = [((CX - 14, cy - 66), (CX + 24, cy - 60), (CX + 44, cy - 42))]
    for a, b, c in strands:  # a few strands give the hair direction without noise
        pen.stroke(look.hair_shade, curve(a, b, c, 8), 2.4)


def draw_details(pen: Pen, look: Look, person: "Person", cy: float, top: float, width: float) -> None:
    """Small details: headset, scarf, tie, name badge, bag strap, dust, pearls."""
    details = set(person.details)
    accent = mix(look.cloth, WHITE, 0.5) if not look.hc else WHITE
    if "tie" in details:
        pen.poly(mix(look.cloth_shade, (150, 40, 50), 0.6), [(CX - 7, top + 4), (CX + 7, top + 4), (CX + 10, top + 66),
                                                              (CX, top + 80), (CX - 10, top + 66)])
    if "pearls" in details:
        for index in range(11):
            angle = math.pi * (0.15 + 0.7 * index / 10)
            pen.circle(WHITE, CX + 36 * math.cos(angle), top - 14 + 30 * math.sin(angle), 4.2, edge=1)
    if "scarf" in details:
        pen.poly(accent, curve((CX - 44, top - 16), (CX, top + 18), (CX + 44, top - 16), 10)
                 + curve((CX + 40, top + 4), (CX, top + 36), (CX - 40, top + 4), 10))
        pen.rect(accent, CX + 14, top + 10, 18, 60, radius=4)
    if "name-badge" in details:
        x = CX + 44 * width
        pen.rect(WHITE, x, top + 40, 44, 24, radius=3)
        pen.rect(mix(look.cloth, look.ink, 0.4), x, top + 40, 44, 8, radius=2, edge=0)
    if "bag" in details:
        pen.stroke(mix(look.cloth_shade, (90, 60, 40), 0.6), [(CX - 90 * width, top + 2), (CX + 70 * width, 420)], 10)
    if "dust" in details:
        for index in range(26):
            x = CX + (((index * 37) % 190) - 95) * width
            y = top + 30 + (index * 53) % 140
            pen.circle(mix(look.cloth, (226, 214, 190), 0.7), x, y, 2.4 + (index % 3), edge=0)
    if "headset" in details:
        band = [(CX + 68 * math.cos(a / 20 * math.pi), cy - 6 + 82 * math.sin(a / 20 * math.pi)) for a in range(20, 41)]
        pen.stroke(look.ink, band, 5)
        pen.ellipse(look.ink, CX - 66, cy + 6, 10, 16)
        pen.stroke(look.ink, curve((CX - 66, cy + 16), (CX - 58, cy + 52), (CX - 22, cy + 50), 8), 4)
