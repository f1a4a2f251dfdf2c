"""A minimal PDF writer: one full-page picture per page (the debrief's pages), no dependencies; and the
same pages as one PNG.

Each page shows one RGB image, compressed with zlib (the PDF FlateDecode filter), scaled to a page of
the image's aspect ratio. The document carries a title in its metadata.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

PAGE_WIDTH_PT = 842  # an A4 landscape width; the height follows the picture's aspect ratio


@dataclass(frozen=True)
class PageImage:
    """A page's picture: width and height in pixels, and its pixels as packed RGB bytes."""

    width: int
    height: int
    rgb: bytes


def _text_string(text: str) -> bytes:
    """A PDF text string in UTF-16 (with the byte-order mark), so any language survives."""
    return b"<" + ("\ufeff" + text).encode("utf-16-be").hex().upper().encode("ascii") + b">"


def images_to_pdf(pages: list[PageImage], title: str) -> bytes:
    """The bytes of a PDF document with one page per picture.

    Raises:
        ValueError: when there are no pages or a picture's bytes do not match its size.
    """
    if not pages:
        raise ValueError("a PDF needs at least one page")
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    info = add(b"<< /Title " + _text_string(title) + b" /Producer (Moments of Truth) >>")
    tree = add(b"")
    kids = []
    for number, page in enumerate(pages):
        if len(page.rgb) != page.width * page.height * 3:
            raise ValueError(f"page {number + 1}: {len(page.rgb)} bytes for a {page.width}x{page.height} picture")
        data = zlib.compress(page.rgb, 6)
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                    b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (page.width, page.height,
                                                                                         len(data))
                    + data + b"\nendstream")
        height_pt = round(PAGE_WIDTH_PT * page.height / page.width)
        draw = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (PAGE_WIDTH_PT, height_pt)
        content = add(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 %d 0 R"
                        b" >> >> /Contents %d 0 R >>" % (tree, PAGE_WIDTH_PT, height_pt, image, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Count %d /Kids [" % len(kids)
                         + b" ".join(b"%d 0 R" % kid for kid in kids) + b"] >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    return bytes(out)


def images_to_png(pages: list[PageImage]) -> bytes:
    """The bytes of one PNG picture showing ``pages`` one under another (all of the first page's width).

    Pure zlib, so a worker thread can encode while the window keeps drawing.

    Raises:
        ValueError: when there are no pages, or a picture's width or bytes do not match.
    """
    if not pages:
        raise ValueError("a PNG needs at least one page")
    width = pages[0].width
    rows: list[bytes] = []
    for number, page in enumerate(pages):
        if page.width != width or len(page.rgb) != page.width * page.height * 3:
            raise ValueError(f"page {number + 1}: {len(page.rgb)} bytes for a {page.width}x{page.height} picture"
                             f" in a picture {width} wide")
        stride = width * 3
        rows.extend(b"\x00" + page.rgb[y * stride:(y + 1) * stride] for y in range(page.height))
    height = sum(page.height for page in pages)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 6))
            + chunk(b"IEND", b""))
