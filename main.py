"""Thin entry point: ``python main.py [COMMAND ...]`` (see README.md)."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
