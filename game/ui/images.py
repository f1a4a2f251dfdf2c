"""Pictures to and from files: PNG bytes for the atomic writers in :mod:`game.storage`."""

from __future__ import annotations

import io

import pygame


def png_bytes(image: pygame.Surface) -> bytes:
    """``image`` encoded as PNG in memory, so it can be written atomically (never through a link or a FIFO)."""
    buffer = io.BytesIO()
    pygame.image.save(image, buffer, "png")
    return buffer.getvalue()
