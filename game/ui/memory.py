"""Give freed picture memory back to the system, so the window's resident size follows what it uses.

A 1920×1080 picture is an 8 MB buffer, and drawing a screen makes and frees several. glibc's
allocator serves a big request with its own mapping (returned to the system on free) only above a
threshold, and it raises that threshold to the size of each big block freed (up to 32 MB): after the
first 8 MB picture is freed, later ones come from the heap, and freed heap memory between live
blocks stays resident. Measured with ``mallinfo2`` on the play screen at 1920×1080: 31 MB in use,
35 MB free but resident. Fixing the threshold at 256 KB keeps every picture, shadow and long text
line in its own mapping (smaller blocks, where the heap is fast, are unaffected), and trimming on a
screen change hands back what the previous screen's caches freed.

Only on Linux with glibc; elsewhere these do nothing (other allocators, other rules).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Optional

M_MMAP_THRESHOLD = -3  # mallopt parameter (malloc.h)
BIG_BLOCK = 256 * 1024  # a 1080p picture is 8 MB, a panel shadow 1-2 MB, a line of text 0.1-0.3 MB


def _glibc() -> Optional[ctypes.CDLL]:
    if not sys.platform.startswith("linux"):
        return None
    try:  # glibc's own name first: looking the C library up imports subprocess and may run ldconfig
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        from ctypes.util import find_library  # only when glibc's name does not load (another C library)

        name = find_library("c")
        if name is None:
            return None
        try:
            libc = ctypes.CDLL(name)
        except OSError:
            return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


_LIBC = _glibc()


def map_big_blocks() -> bool:
    """Serve every block of ``BIG_BLOCK`` or more from its own mapping, freed straight back.

    Returns:
        True when the allocator took the setting.
    """
    return bool(_LIBC is not None and _LIBC.mallopt(M_MMAP_THRESHOLD, BIG_BLOCK))


def trim() -> bool:
    """Hand free heap memory back to the system (e.g. after a screen and its caches are dropped).

    Returns:
        True when some memory was released.
    """
    return bool(_LIBC is not None and _LIBC.malloc_trim(0))
