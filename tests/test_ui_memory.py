"""The allocator settings of game.ui.memory reach glibc where it is the C library."""

import platform
import sys

import pytest

from game.ui import memory

GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not GLIBC, reason="the settings are glibc's own; elsewhere they do nothing")
def test_glibc_is_found_by_its_name_and_takes_the_setting():
    assert memory._LIBC is not None  # loaded as libc.so.6, without looking the library up
    assert memory.map_big_blocks() is True
