"""Work the play screen does ahead of need, while nothing moves and the player reads: never in a frame.

The next step (past the line, or after each open choice) shows new people or faces and new texts.
Painting a person costs 10-20 ms and rendering a screen's texts a few: done in the frame that first
shows them, that frame costs several times a plain one. While the loop is idle (nothing moves, no input
waits) the play screen does one piece of that work per idle step: a person or face the next step may
show (:meth:`game.ui.play_parts.PlayPicture.prepare`), then the texts of each way on, laid out and
drawn on a one-pixel surface so the text cache holds them (nothing is shown, nothing is saved).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

import pygame

if TYPE_CHECKING:
    from game.run import Coaching, Run
    from game.ui.app import App
    from game.ui.screens.play import PlayScreen

Way = tuple["Run", Optional["Coaching"]]


class Ahead:
    """The ways on from one place of the run, and which of them have been prepared."""

    def __init__(self) -> None:
        self.place: Optional[tuple] = None  # what the ways were worked out for
        self.ways: list[Way] = []
        self.texts_done = 0  # how many of the screens below have had their texts rendered

    def ways_from(self, place: tuple, work_out: Callable[[], list[Way]]) -> list[Way]:
        """The ways on from ``place`` (worked out once per place)."""
        if place != self.place:
            self.place, self.ways, self.texts_done = place, work_out(), 0
        return self.ways

    def render_next(self, app: "App", make_screen: Callable[["Run"], "PlayScreen"], coaching_shown: bool) -> bool:
        """Render the texts of one screen the next step shows; False when all are rendered.

        After a choice the screen shows its coaching (when coaching is on), then the next node without
        it: both are prepared.
        """
        screens: list[tuple[Run, Optional[Coaching]]] = []
        for run, coaching in self.ways:
            if coaching is not None and coaching_shown:
                screens.append((run, coaching))
            screens.append((run, None))
        if self.texts_done >= len(screens):
            return False
        run, coaching = screens[self.texts_done]
        self.texts_done += 1
        screen = make_screen(run)
        screen.coaching = coaching
        screen.follow()  # laid out as it will be, the line wholly shown at text speed "instant"
        screen.revealed = 1e9
        screen.layout()
        scratch = pygame.Surface((1, 1))  # the texts are rendered (and cached) however little is shown
        screen.draw_texts(scratch)
        return True
