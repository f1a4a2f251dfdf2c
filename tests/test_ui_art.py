"""The code-drawn art: every backdrop and expression draws something real, inside its rect only."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import art  # noqa: E402

pygame.init()

PALETTES = [art.DEFAULT_PALETTE, art.HIGH_CONTRAST_PALETTE]
PALETTE_IDS = ["default", "high-contrast"]
MARKER = (255, 0, 255)


def distinct_colours(surface: pygame.Surface, size: tuple[int, int] = (64, 36)) -> int:
    """How many colours a small (nearest-neighbour) copy of the surface has."""
    data = pygame.image.tobytes(pygame.transform.scale(surface, size), "RGB")
    return len({data[i:i + 3] for i in range(0, len(data), 3)})


def outside_untouched(surface: pygame.Surface, rect: pygame.Rect) -> bool:
    """True when every pixel outside ``rect`` still has the marker colour."""
    marker = pygame.mask.from_threshold(surface, MARKER, (1, 1, 1, 255))
    outside = pygame.Mask(surface.get_size(), fill=True)
    outside.erase(pygame.Mask(rect.size, fill=True), rect.topleft)
    return marker.overlap_area(outside, (0, 0)) == outside.count()


def pixels(surface: pygame.Surface, rect: pygame.Rect) -> bytes:
    return pygame.image.tobytes(surface.subsurface(rect), "RGB")


def backdrop(name: str, palette: art.ArtPalette, size=(1280, 720), time: float = 0.0) -> pygame.Surface:
    surface = pygame.Surface(size)
    art.draw_backdrop(surface, surface.get_rect(), name, palette, time)
    return surface


def customer(expression: str, palette: art.ArtPalette = art.DEFAULT_PALETTE, size=(300, 400), **kw) -> pygame.Surface:
    surface = pygame.Surface(size)
    surface.fill(palette.wall)
    art.draw_customer(surface, surface.get_rect(), expression, palette, **kw)
    return surface


# In a 300 x 400 rect the figure's design units are pixels: the face spans about x 95..205, y 90..210.
FACE = pygame.Rect(95, 90, 110, 120)


@pytest.mark.parametrize("palette", PALETTES, ids=PALETTE_IDS)
@pytest.mark.parametrize("name", art.BACKDROPS)
@pytest.mark.parametrize("size", [(1280, 720), (320, 180)])
def test_backdrop_is_a_picture(name, palette, size):
    assert distinct_colours(backdrop(name, palette, size)) >= 8


@pytest.mark.parametrize("palette", PALETTES, ids=PALETTE_IDS)
@pytest.mark.parametrize("name", art.BACKDROPS)
def test_backdrop_stays_inside_its_rect(name, palette):
    surface = pygame.Surface((400, 260))
    surface.fill(MARKER)
    rect = pygame.Rect(37, 23, 320, 180)
    art.draw_backdrop(surface, rect, name, palette, time=1.3)
    assert outside_untouched(surface, rect)
    assert not pygame.mask.from_threshold(surface, MARKER, (1, 1, 1, 255)).overlap_area(
        pygame.Mask(rect.size, fill=True), rect.topleft), "the rect must be filled completely"


@pytest.mark.parametrize("palette", PALETTES, ids=PALETTE_IDS)
def test_customer_stays_inside_its_rect_and_leaves_the_background_showing(palette):
    surface = pygame.Surface((500, 300))
    surface.fill(MARKER)
    rect = pygame.Rect(60, 40, 300, 200)  # wider than the figure: it is centred, the sides stay clear
    art.draw_customer(surface, rect, "happy", palette, "demanding", "adult", time=2.0)
    assert outside_untouched(surface, rect)
    assert surface.get_at((rect.x + 2, rect.centery))[:3] == MARKER
    assert surface.get_at(rect.center)[:3] != MARKER


@pytest.mark.parametrize("palette", PALETTES, ids=PALETTE_IDS)
@pytest.mark.parametrize("age", ["elderly", "adult"])
def test_every_expression_has_its_own_face(palette, age):
    faces = {e: pixels(customer(e, palette, age=age), FACE) for e in art.EXPRESSIONS}
    assert faces["furious"] != faces["delighted"]
    assert len(set(faces.values())) == len(art.EXPRESSIONS)


def test_furious_and_delighted_differ_in_shape_not_only_colour():
    """Greyscale faces still differ clearly: the expression is readable without colour."""
    def grey_face(expression):
        surface = pygame.transform.grayscale(customer(expression))
        return pixels(surface, FACE)[::3]
    furious, delighted = grey_face("furious"), grey_face("delighted")
    changed = sum(abs(a - b) > 40 for a, b in zip(furious, delighted, strict=True))
    assert changed > len(furious) * 0.03


@pytest.mark.parametrize("kind", ["steady", "shy", "demanding", "compliant", "talkative", "influential", "silent"])
def test_customer_types_draw(kind):
    assert distinct_colours(customer("neutral", customer_type=kind), (30, 40)) >= 6


@pytest.mark.parametrize("meter, expected", [
    (-10, "furious"), (-7, "furious"), (-6.99, "angry"), (-4, "angry"), (-3.99, "upset"), (-1, "upset"),
    (-0.99, "neutral"), (0, "neutral"), (0.99, "neutral"), (1, "content"), (3.99, "content"), (4, "happy"),
    (6.99, "happy"), (7, "delighted"), (10, "delighted"),
])
def test_expression_for_boundaries(meter, expected):
    assert art.expression_for(meter) == expected


def test_expression_for_always_names_a_known_expression():
    assert {art.expression_for(m / 4) for m in range(-40, 41)} == set(art.EXPRESSIONS)


def test_unknown_names_fall_back():
    assert pixels(backdrop("no-such-place", art.DEFAULT_PALETTE), pygame.Rect(0, 0, 1280, 720)) == \
        pixels(backdrop("store", art.DEFAULT_PALETTE), pygame.Rect(0, 0, 1280, 720))
    assert pixels(customer("no-such-mood"), FACE) == pixels(customer("neutral"), FACE)


def test_time_moves_the_rain():
    still, later = backdrop("street-rain", art.DEFAULT_PALETTE), backdrop("street-rain", art.DEFAULT_PALETTE, time=0.4)
    whole = pygame.Rect(0, 0, 1280, 720)
    assert pixels(still, whole) != pixels(later, whole)


def test_drawing_is_repeatable():
    whole = pygame.Rect(0, 0, 1280, 720)
    assert pixels(backdrop("bank", art.DEFAULT_PALETTE, time=3.0), whole) == \
        pixels(backdrop("bank", art.DEFAULT_PALETTE, time=3.0), whole)


def test_the_customer_breathes_with_time():
    at_rest = pixels(customer("neutral"), pygame.Rect(0, 0, 300, 400))
    assert pixels(customer("neutral", time=1.0), pygame.Rect(0, 0, 300, 400)) != at_rest


@pytest.mark.parametrize("size", [(3840, 2160), (320, 180), (333, 777)])
def test_backdrop_any_size(size):
    surface = backdrop("classroom", art.HIGH_CONTRAST_PALETTE, size)
    assert distinct_colours(surface) >= 6


@pytest.mark.parametrize("size", [(1200, 1600), (120, 160), (1, 1), (0, 10)])
def test_customer_any_size(size):
    surface = pygame.Surface((max(size[0], 1), max(size[1], 1)))
    surface.fill((1, 2, 3))
    art.draw_customer(surface, pygame.Rect((0, 0), size), "delighted", art.DEFAULT_PALETTE)
    drawn = distinct_colours(surface) > 1
    assert drawn == (size[0] >= 100 and size[1] >= 100)  # a figure at real sizes; tiny or empty rects stay clean


def test_a_person_is_drawn_as_the_scene_describes():
    worker = art.Person(age="middle-aged", gender="masculine", skin="tan", hair="cropped", hair_colour="black",
                        clothing="work-jacket", clothing_colour="khaki", details=("dust", "bag"))
    lady = art.Person(age="elderly", gender="feminine", hair="bun", hair_colour="white", clothing="coat",
                      clothing_colour="black")
    images = []
    for person in (worker, lady):
        surface = pygame.Surface((300, 400), pygame.SRCALPHA)
        art.draw_person(surface, surface.get_rect(), "neutral", art.DEFAULT_PALETTE, person)
        images.append(pygame.image.tobytes(surface, "RGBA"))
    assert images[0] != images[1]
    jacket = images[0][4 * (330 * 300 + 60): 4 * (330 * 300 + 61)]  # a point on the worker's jacket
    assert jacket[:3] != bytes(art.DEFAULT_PALETTE.cloth)


def test_the_call_centre_is_drawn_as_the_call_view_not_as_a_shop():
    shop, call = backdrop("store", art.DEFAULT_PALETTE, (320, 180)), backdrop("call-centre", art.DEFAULT_PALETTE,
                                                                               (320, 180))
    assert pygame.image.tobytes(shop, "RGB") != pygame.image.tobytes(call, "RGB")
    assert call.get_at((160, 10))[:3] != art.DEFAULT_PALETTE.wall  # the dark call floor, not a shop's wall


def test_the_telecom_hall_has_its_own_picture():
    hall, shop = backdrop("telecom-hall", art.DEFAULT_PALETTE, (320, 180)), backdrop("service-desk",
                                                                                     art.DEFAULT_PALETTE, (320, 180))
    assert pygame.image.tobytes(hall, "RGB") != pygame.image.tobytes(shop, "RGB")


@pytest.mark.parametrize("palette", PALETTES, ids=PALETTE_IDS)
@pytest.mark.parametrize("size", [(420, 560), (30, 40)], ids=["large", "tiny"])
def test_a_person_skips_premultiplying_only_when_it_changes_no_pixel(palette, size):
    """Painted in opaque colours on a transparent ground, a person is already premultiplied: the pass the
    painter skips must give the very same pixels as the pass run anyway (the tiny size draws hairlines)."""
    from game.ui import pen as pen_module

    person = art.Person("customer", "demanding", "elderly", "feminine", hair="bun", glasses=True,
                        clothing="cardigan", details=("pearls", "scarf"))
    skipped = art.person_surface(size, "angry", palette, person)
    original = pen_module.supersampled

    def always_premultiplied(wanted, paint):
        return original(wanted, lambda tmp, factor: paint(tmp, factor) and None)  # no pen: premultiply

    pen_module.supersampled = always_premultiplied
    art.supersampled = always_premultiplied
    try:
        premultiplied = art.person_surface(size, "angry", palette, person)
    finally:
        pen_module.supersampled = art.supersampled = original
    assert pygame.image.tobytes(skipped, "RGBA") == pygame.image.tobytes(premultiplied, "RGBA")


def test_a_pen_notes_what_needs_premultiplying():
    """Antialiased hairlines and translucent colours leave partial alpha: the pen says so."""
    from game.ui.pen import Pen

    surface = pygame.Surface((40, 40), pygame.SRCALPHA)
    opaque = Pen(surface, 1.0)
    opaque.poly((10, 20, 30), [(0, 0), (10, 0), (10, 10)])
    opaque.stroke((10, 20, 30), [(0, 0), (30, 30)], 6)
    assert not opaque.blends
    hairline = Pen(surface, 1.0)
    hairline.stroke((10, 20, 30), [(0, 0), (30, 30)], 0.5)
    assert hairline.blends
    translucent = Pen(surface, 1.0)
    translucent.rect((10, 20, 30, 128), 0, 0, 5, 5)  # type: ignore[arg-type]
    assert translucent.blends


@pytest.mark.parametrize("palette", PALETTES, ids=PALETTE_IDS)
def test_the_rain_layer_draws_the_painted_rain_on_the_glass_only(palette):
    """The play screen's rain (a layer over the backdrop painted dry) falls where the painter's falls, only on
    the glass between the frame's bars."""
    from game.ui import art_rain

    size, time = (1280, 720), 0.4
    painted = backdrop("street-rain", palette, size, time)
    dry = pygame.Surface(size)
    art.draw_backdrop(dry, dry.get_rect(), "street-rain", palette, raining=False)
    layered = dry.copy()
    art_rain.draw_rain(layered, layered.get_rect(), palette, time)
    panes = art_rain.rain_panes(layered.get_rect())
    outside = pygame.Mask(size, fill=True)
    for pane in panes:
        outside.erase(pygame.Mask(pane.size, fill=True), pane.topleft)
    changed = pygame.mask.from_threshold(layered, (0, 0, 0), (1, 1, 1, 255), dry, 1)  # equal to the dry one
    changed.invert()
    assert changed.overlap_area(outside, (0, 0)) == 0  # nothing drawn on the frame or the room
    rained, layer = (pygame.mask.from_threshold(surface, (0, 0, 0), (1, 1, 1, 255), dry, 1) for surface in
                     (painted, layered))
    rained.invert()
    layer.invert()
    assert layer.count() > 0.5 * rained.count()  # as much rain as the painter's
    assert layer.overlap_area(rained, (0, 0)) > 0.5 * layer.count()  # and in the same places


@pytest.mark.parametrize("palette", PALETTES, ids=PALETTE_IDS)
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1366, 768)])
def test_no_rain_falls_on_the_window_frame_or_its_outline(palette, size):
    """The frame's bars, rails and handles, with the ink outline high contrast draws round them, stay as the
    backdrop painted them while the rain falls (a playtester saw streaks cross the handles in high contrast)."""
    import math

    from game.ui import art_rain
    from game.ui.art_rooms import street_frame
    from game.ui.art_set import BACKDROP_EDGE_HC, H

    dry = pygame.Surface(size)
    art.draw_backdrop(dry, dry.get_rect(), "street-rain", palette, raining=False)
    scale = size[1] / H
    pen = art.Pen(dry, scale)
    outline = math.ceil(BACKDROP_EDGE_HC * scale) if palette.high_contrast else 0
    frame = [pen.box(*box).inflate(2 * outline, 2 * outline) for box in street_frame(size[0] / scale)]
    for time in (0.0, 0.35, 0.9, 2.6):
        layered = dry.copy()
        art_rain.draw_rain(layered, layered.get_rect(), palette, time)
        for rect in frame:
            assert pixels(layered, rect) == pixels(dry, rect), (time, rect)
