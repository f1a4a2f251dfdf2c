"""Render a contact sheet of all the code-drawn art to a PNG, for looking at it without the game.

Usage: python tools/art_preview.py OUT.png [--time SECONDS]

The sheet shows every backdrop in both palettes (with a customer and a dialogue-box outline, to
judge composition), every expression for both ages and palettes at two sizes, and the postures.
"""

from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import pygame  # noqa: E402

from game.ui import art  # noqa: E402

GAP, LABEL = 16, 22
BG = (60, 58, 64)
TEXT = (235, 235, 235)


def _label(sheet: pygame.Surface, font: pygame.font.Font, text: str, x: int, y: int) -> None:
    image = font.render(text, True, TEXT)
    sheet.fill(BG, image.get_rect(topleft=(x, y)).inflate(6, 2))  # legible over the art too
    sheet.blit(image, (x, y))


def _backdrops(sheet, font, y: int, time: float) -> int:
    """Each backdrop, default palette left and high contrast right, 640 x 360, with a customer."""
    w, h = 640, 360
    for row, name in enumerate(art.BACKDROPS):
        for col, palette in enumerate((art.DEFAULT_PALETTE, art.HIGH_CONTRAST_PALETTE)):
            x = GAP + col * (w + GAP)
            _label(sheet, font, f"{name} ({'high contrast' if palette.high_contrast else 'default'})", x, y)
            rect = pygame.Rect(x, y + LABEL, w, h)
            art.draw_backdrop(sheet, rect, name, palette, time)
            expression = art.EXPRESSIONS[(row * 2 + col * 5) % len(art.EXPRESSIONS)]
            figure = pygame.Rect(0, 0, int(h * 0.72 * 0.75), int(h * 0.72))
            figure.midbottom = (rect.centerx, rect.y + int(h * 0.8))
            art.draw_customer(sheet, figure, expression, palette, ("steady", "demanding")[row % 2],
                              ("elderly", "adult")[(row + col) % 2], time)
            box = pygame.Rect(rect.x + 20, rect.y + int(h * 0.68), w - 40, int(h * 0.3))
            pygame.draw.rect(sheet, (255, 255, 255), box, 2, border_radius=8)
        y += LABEL + h + GAP
    return y


def _expressions(sheet, font, y: int, size: tuple[int, int], time: float) -> int:
    """All expressions, for each age and palette, on the palette's wall colour."""
    for palette in (art.DEFAULT_PALETTE, art.HIGH_CONTRAST_PALETTE):
        for age in ("elderly", "adult"):
            _label(sheet, font, f"{age}, {'high contrast' if palette.high_contrast else 'default'}, "
                                f"{size[0]}x{size[1]}", GAP, y)
            y += LABEL
            for i, expression in enumerate(art.EXPRESSIONS):
                rect = pygame.Rect(GAP + i * (size[0] + 8), y, *size)
                sheet.fill(palette.wall, rect)
                art.draw_customer(sheet, rect, expression, palette, "steady", age, time)
                if size[0] >= 150:
                    _label(sheet, font, expression, rect.x + 4, rect.bottom - 18)
            y += size[1] + GAP
    return y


def _postures(sheet, font, y: int, time: float) -> int:
    types = ("steady", "shy", "demanding", "compliant", "talkative", "influential", "silent")
    _label(sheet, font, "customer types (neutral), elderly then adult", GAP, y)
    y += LABEL
    for age in ("elderly", "adult"):
        for i, kind in enumerate(types):
            rect = pygame.Rect(GAP + i * 188, y, 180, 240)
            sheet.fill(art.DEFAULT_PALETTE.wall, rect)
            art.draw_customer(sheet, rect, "neutral", art.DEFAULT_PALETTE, kind, age, time)
            _label(sheet, font, kind, rect.x + 4, rect.bottom - 18)
        y += 240 + GAP
    return y


def main(argv: list[str] | None = None) -> int:
    """Render the contact sheet to the path given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="PNG file to write")
    parser.add_argument("--time", type=float, default=0.0, help="animation time in seconds")
    args = parser.parse_args(argv)
    pygame.init()
    font = pygame.font.Font(None, 22)
    sheet = pygame.Surface((2 * 640 + 3 * GAP, 5 * (360 + LABEL + GAP) + 4 * (240 + 160 + 2 * LABEL + 2 * GAP)
                            + 2 * (240 + GAP) + LABEL + 2 * GAP))
    sheet.fill(BG)
    y = _backdrops(sheet, font, GAP, args.time)
    y = _expressions(sheet, font, y, (170, 227), args.time)
    y = _expressions(sheet, font, y, (120, 160), args.time)
    _postures(sheet, font, y, args.time)
    pygame.image.save(sheet, args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
