"""Where the project's folders are (scenes, assets, saves), found from this file."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCENES_DIR = PROJECT_ROOT / "scenes"
ASSETS_DIR = PROJECT_ROOT / "assets"
SAVES_DIR = PROJECT_ROOT / "saves"
