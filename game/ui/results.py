"""Where finished runs and workshops go: the recorder (history and xAPI outbox) and the background sender."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

from game.settings import lrs_address_given

if TYPE_CHECKING:  # recording and sending load on first use, not before the first frame
    from game.recording import Recorder
    from game.savestore import SaveStore
    from game.settings import Settings


class Results:
    """Records results under the saves folder and keeps the sender running when an LRS is configured."""

    def __init__(self, store: "SaveStore", settings: Callable[[], "Settings"]):
        self.store = store
        self.settings = settings  # read at each use: the settings change while the game runs
        self.sender: Optional[Any] = self._start_sender()

    def recorder(self) -> "Recorder":
        """Writes finished runs: the history and the xAPI outbox (with the current settings)."""
        from game.recording import Recorder

        return Recorder(self.store.folder, self.settings())

    def _start_sender(self):
        """The background sender, when an LRS is configured (settings or MOT_LRS_ENDPOINT)."""
        if not lrs_address_given(self.settings()):  # the usual case: not even game.lrs before the first frame
            return None
        from game.lrs import config_from

        if config_from(self.settings()) is None:  # an address that is not usable: nothing is ever sent to it
            return None
        from game.recording import OUTBOX_DIR
        from game.ui.sender import BackgroundSender

        sender = BackgroundSender(self.store.folder / OUTBOX_DIR, lambda: config_from(self.settings()))
        sender.start()
        return sender

    def wake(self) -> None:
        """New statements: let the sender look now (started here if the LRS was configured meanwhile)."""
        if self.sender is None:
            self.sender = self._start_sender()
        if self.sender is not None:
            self.sender.wake()

    def notices(self) -> list[tuple[str, dict]]:
        """What the sender has to tell the player since last asked: (interface-string key, values)."""
        return list(self.sender.notices()) if self.sender is not None else []

    def stop(self) -> None:
        """Stop the sender (the window is closing)."""
        if self.sender is not None:
            self.sender.stop()
