"""The window: pygame-ce screens that draw what the core returns and turn input into engine calls.

Nothing in the core imports this package. Screens keep only view state (focus, scroll, animation);
the run, the settings and the saves belong to :class:`game.ui.app.App`.
"""
