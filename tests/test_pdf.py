"""The debrief's PDF writer: a well-formed file whose pages hold exactly the pictures given."""

import re
import zlib

import pytest

from game.pdf import PageImage, images_to_pdf


def _objects(data: bytes) -> dict[int, bytes]:
    """Every object of the file by number, found through the cross-reference table (so offsets are checked)."""
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    assert data[start:start + 5] == b"xref\n"
    count = int(re.match(rb"xref\n0 (\d+)\n", data[start:]).group(1))
    entries = re.findall(rb"(\d{10}) (\d{5}) ([nf]) \n", data[start:])[:count]
    objects = {}
    for number, (offset, _, kind) in enumerate(entries):
        if kind == b"n":
            assert data[int(offset):].startswith(b"%d 0 obj\n" % number), f"object {number} is not at its offset"
            end = data.index(b"\nendobj\n", int(offset))
            objects[number] = data[int(offset):end]
    return objects


def test_pages_hold_the_pictures_and_the_offsets_are_right():
    red = PageImage(4, 2, bytes([255, 0, 0]) * 8)
    grey = PageImage(2, 2, bytes(range(12)))
    data = images_to_pdf([red, grey], "Débrief · 复盘")
    assert data.startswith(b"%PDF-1.4\n")
    objects = _objects(data)
    images = [body for body in objects.values() if b"/Subtype /Image" in body]
    pixels = [zlib.decompress(body[body.index(b"stream\n") + 7:body.rindex(b"\nendstream")]) for body in images]
    assert pixels == [red.rgb, grey.rgb]
    pages = next(body for body in objects.values() if b"/Type /Pages" in body)
    assert b"/Count 2" in pages
    title = re.search(rb"/Title <([0-9A-F]+)>", data).group(1)
    assert bytes.fromhex(title.decode()).decode("utf-16") == "Débrief · 复盘"


def test_bad_pages_are_refused():
    with pytest.raises(ValueError):
        images_to_pdf([], "x")
    with pytest.raises(ValueError, match="page 1"):
        images_to_pdf([PageImage(2, 2, b"short")], "x")


def test_pages_as_one_png_keep_every_pixel(tmp_path):
    import pygame

    from game.pdf import images_to_png

    top = PageImage(2, 1, bytes([255, 0, 0, 0, 255, 0]))
    bottom = PageImage(2, 2, bytes([0, 0, 255] * 4))
    path = tmp_path / "sheet.png"
    path.write_bytes(images_to_png([top, bottom]))
    picture = pygame.image.load(str(path))
    assert picture.get_size() == (2, 3)
    assert [tuple(picture.get_at((x, y)))[:3] for y in range(3) for x in range(2)] == \
        [(255, 0, 0), (0, 255, 0)] + [(0, 0, 255)] * 4
    with pytest.raises(ValueError):
        images_to_png([top, PageImage(3, 1, bytes(9))])
