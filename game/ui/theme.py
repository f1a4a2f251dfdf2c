"""Colours, sizes and spacing, derived from the window size and the settings."""

from __future__ import annotations

from dataclasses import dataclass, field

Colour = tuple[int, int, int]
BASE_HEIGHT = 720  # layouts are designed at 1280x720 and scale with the window height


@dataclass(frozen=True)
class Palette:
    """The interface colours of one theme."""

    background: Colour
    panel: Colour
    panel_edge: Colour
    text: Colour
    text_dim: Colour
    accent: Colour
    accent_text: Colour
    focus: Colour
    good: Colour
    bad: Colour
    neutral: Colour
    shade_alpha: int  # how dark overlays darken what is behind them
    edge_width: int


CALM = Palette(
    background=(28, 36, 48), panel=(250, 247, 240), panel_edge=(214, 204, 186), text=(34, 38, 46),
    text_dim=(104, 110, 122), accent=(38, 110, 128), accent_text=(255, 255, 255), focus=(232, 150, 52),
    good=(46, 134, 84), bad=(190, 64, 54), neutral=(128, 128, 138), shade_alpha=150, edge_width=2,
)
HIGH_CONTRAST = Palette(
    background=(0, 0, 0), panel=(255, 255, 255), panel_edge=(0, 0, 0), text=(0, 0, 0), text_dim=(40, 40, 40),
    accent=(0, 60, 170), accent_text=(255, 255, 255), focus=(230, 120, 0), good=(0, 110, 40), bad=(190, 0, 0),
    neutral=(70, 70, 70), shade_alpha=200, edge_width=4,
)


@dataclass(frozen=True)
class Theme:
    """Everything a screen needs to size and colour itself for the current window."""

    width: int
    height: int
    palette: Palette
    text_scale: float
    high_contrast: bool
    # sizes worked out so far, by layout units: a play frame asks for about 160 (not part of the theme's value)
    _sizes: dict[tuple[bool, float], int] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def unit(self) -> float:
        """One layout unit: a pixel at 720 lines high."""
        return self.height / BASE_HEIGHT

    def px(self, value: float) -> int:
        """``value`` layout units in pixels."""
        size = self._sizes.get((False, value))
        if size is None:
            size = self._sizes[(False, value)] = max(1, round(value * self.unit))
        return size

    def font_px(self, base: float) -> int:
        """A text size in pixels: scaled by the window and the player's text-size setting."""
        size = self._sizes.get((True, base))
        if size is None:
            size = self._sizes[(True, base)] = max(10, round(base * self.unit * self.text_scale))
        return size

    @property
    def body(self) -> int:
        """Body text size."""
        return self.font_px(22)

    @property
    def small(self) -> int:
        """Secondary text size."""
        return self.font_px(16)

    @property
    def heading(self) -> int:
        """Heading text size."""
        return self.font_px(32)

    @property
    def title(self) -> int:
        """Title text size."""
        return self.font_px(56)

    @property
    def gap(self) -> int:
        """Standard spacing."""
        return self.px(16)

    @property
    def radius(self) -> int:
        """Corner radius of panels and buttons."""
        return self.px(12)


def make_theme(size: tuple[int, int], text_scale: float, high_contrast: bool) -> Theme:
    """The theme for a window of ``size`` with the player's settings."""
    return Theme(size[0], size[1], HIGH_CONTRAST if high_contrast else CALM, text_scale, high_contrast)
