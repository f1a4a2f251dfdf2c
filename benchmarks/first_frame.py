"""Run ``python main.py`` (the game) and exit as its first frame is shown: the start-up measure.

    python benchmarks/first_frame.py

pygame is imported first only to wrap ``pygame.display.flip``; the game imports it first thing
anyway, so the time to the first frame is the same.
"""

import os
import runpy
import sys
from pathlib import Path

import pygame

ROOT = Path(__file__).resolve().parent.parent
_flip = pygame.display.flip


def _flip_then_exit(*args, **kwargs):
    _flip(*args, **kwargs)
    os._exit(0)  # the frame is on screen: that is the moment measured


pygame.display.flip = _flip_then_exit
os.chdir(ROOT)
sys.path.insert(0, str(ROOT))
sys.argv = ["main.py"]
runpy.run_path(str(ROOT / "main.py"), run_name="__main__")
sys.exit("the game ended without drawing a frame")
