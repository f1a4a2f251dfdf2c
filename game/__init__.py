"""Customer-service training game: the pure engine core.

Everything directly in this package (scene model, loader, checks, engine,
scoring, analysis) uses only the standard library, pydantic and PyYAML. The
window lives in :mod:`game.ui`, which imports the core and never the reverse.
"""

__version__ = "0.1.0"
