"""The screens of the game; each draws what the App's run and settings hold."""
