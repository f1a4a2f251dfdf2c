"""The play screen: backdrop, customer, the line being said, the choices, the meter and coaching."""

from __future__ import annotations

from typing import Optional

import pygame

from game.engine import Turn
from game.program import pick
from game.scorecard import best_missed
from game.ui import art
from game.ui.screens.base import ACTIVATE_KEYS, NUMBER_KEYS, Screen
from game.ui.strings import MOT_LABELS, t
from game.ui.widgets import Button, chip, draw_button, draw_meter, draw_stage_tracker, panel, rating_colour
from game.vocab import METER_WORDS, meter_level, signed

METER_SPEED = 6.0  # meter units per second while it animates
AMBIENT_SECONDS = 6.0  # backdrop motion (rain) runs this long after the last input, then the screen rests
AMBIENT_FPS = 12  # rain is repainted this often; smooth enough for rain, and a fifth of the painting work
COMMAND_KEYS = {pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_h, pygame.K_l, pygame.K_F5, pygame.K_F11,
                pygame.K_LSHIFT, pygame.K_RSHIFT, pygame.K_LCTRL, pygame.K_RCTRL, pygame.K_LALT, pygame.K_RALT}


class PlayScreen(Screen):
    """Plays the App's run; holds only how far the line is revealed, the focus and animations."""

    def __init__(self, app):
        super().__init__(app)
        self.shown_key: Optional[tuple] = None
        self.revealed = 0.0
        self.meter_shown = app.run.state.meter
        self.coaching: Optional[tuple[Turn, Optional[object]]] = None
        self.clock = 0.0
        self.last_input = 0.0
        self.static_cache: dict[tuple, pygame.Surface] = {}
        self.rects: dict[str, pygame.Rect] = {}
        self.frame: Optional[pygame.Surface] = None  # the last composed frame, reused while nothing changes
        self.frame_key: Optional[tuple] = None

    # --- state derived from the run ----------------------------------------------------------

    @property
    def view(self):
        """The current node in the current language."""
        return self.app.run.view(self.language)

    def _sync(self) -> None:
        """Restart the reveal when the run moved to another node."""
        state = self.app.run.state
        key = (state.node, len(state.steps), len(state.visited))
        if key != self.shown_key:
            self.shown_key = key
            self.revealed = 0.0 if self.app.settings.characters_per_second else 1e9
            self.focus = 0
            self.layout()

    @property
    def line_done(self) -> bool:
        """True when the whole line is shown."""
        return self.revealed >= len(self.view.text)

    # --- layout ------------------------------------------------------------------------------

    def layout(self) -> None:
        theme = self.app.theme
        width, height = theme.width, theme.height
        self.rects = {
            "customer": pygame.Rect(round(width * 0.05), round(height * 0.13), round(width * 0.34),
                                    round(height * 0.58)),
            "choices": pygame.Rect(round(width * 0.43), round(height * 0.13), round(width * 0.54),
                                   round(height * 0.56)),
            "dialog": pygame.Rect(round(width * 0.03), round(height * 0.715), round(width * 0.94),
                                  round(height * 0.265)),
        }
        self.buttons = []
        if self.shown_key is None:
            return
        view = self.view
        if view.kind == "decision" and self.line_done and self.coaching is None:
            area = self.rects["choices"]
            count = len(view.choices)
            gap = theme.px(10)
            each = min(theme.px(96), (area.height - gap * (count - 1)) // max(1, count))
            for index, choice in enumerate(view.choices):
                rect = pygame.Rect(area.x, area.y + index * (each + gap), area.width, each)
                self.buttons.append(Button(rect, choice.text, f"choose:{choice.number}", hotkey=str(choice.number)))

    # --- input -------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        self.last_input = self.clock
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if any(button.hit(event.pos) for button in self.buttons):
                super().handle(event)
            else:
                self.proceed()
            return
        super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> None:
        key, mods = event.key, event.mod
        if not self.line_done and key not in COMMAND_KEYS and not mods & pygame.KMOD_CTRL:
            self.revealed = len(self.view.text)  # any key shows the whole line
            self.layout()
            return
        if key == pygame.K_ESCAPE:
            from game.ui.screens.overlays import PauseOverlay

            self.app.push(PauseOverlay(self.app))
        elif key == pygame.K_BACKSPACE or (key == pygame.K_z and mods & pygame.KMOD_CTRL):
            self.coaching = None
            if self.app.undo():
                self._sync()
        elif key == pygame.K_h:
            from game.ui.screens.overlays import HistoryOverlay

            self.app.push(HistoryOverlay(self.app))
        elif key == pygame.K_l:
            self.app.update_settings(language="zh" if self.language == "en" else "en")
        elif key in NUMBER_KEYS and self.buttons:
            self.activate(f"choose:{NUMBER_KEYS[key]}")
        elif key in (pygame.K_UP, pygame.K_DOWN) and self.buttons:
            self.move_focus(-1 if key == pygame.K_UP else 1)
        elif key in ACTIVATE_KEYS and self.buttons and self.line_done:
            self.activate(self.buttons[self.focus].action)
        elif key in ACTIVATE_KEYS or key == pygame.K_RIGHT:
            self.proceed()

    def proceed(self) -> None:
        """Space, Enter or a click outside the choices: finish the line, close coaching, or move on."""
        view = self.view
        if not self.line_done:
            self.revealed = len(view.text)
        elif self.coaching is not None:
            self.coaching = None
        elif view.kind == "line":
            self.app.advance()
        elif view.kind == "ending":
            self.app.finish()
            return
        self._sync()
        self.layout()

    def activate(self, action: str) -> None:
        if not action.startswith("choose:"):
            return
        number = int(action.split(":")[1])
        run = self.app.run
        open_now = run.story.open_choices(run.state)
        if not 1 <= number <= len(open_now):
            return
        turn = self.app.choose(number)
        missed = best_missed(open_now, turn.choice)
        self.coaching = (turn, missed) if self.app.settings.coaching else None
        self._sync()
        self.layout()

    # --- animation ---------------------------------------------------------------------------

    def update(self, dt: float) -> bool:
        self.clock += dt
        self._sync()
        moving = False
        speed = self.app.settings.characters_per_second
        if not self.line_done:
            self.revealed = self.revealed + speed * dt if speed else 1e9
            moving = True
            if self.line_done:
                self.layout()
        target = self.app.run.state.meter
        if abs(self.meter_shown - target) > 0.01:
            step = METER_SPEED * dt
            self.meter_shown += max(-step, min(step, target - self.meter_shown))
            moving = True
        ambient = self.clock - self.last_input < AMBIENT_SECONDS and self.app.run.program.backdrop == "street-rain"
        return moving or ambient

    # --- drawing -----------------------------------------------------------------------------

    def _art_palette(self):
        return art.HIGH_CONTRAST_PALETTE if self.app.theme.high_contrast else art.DEFAULT_PALETTE

    def _scene_picture(self, surface: pygame.Surface, expression: str) -> None:
        """Backdrop and customer, cached. While the rain moves the picture is repainted AMBIENT_FPS times
        a second (painting it costs 14-31 ms), and the frames between reuse the last one."""
        theme = self.app.theme
        program = self.app.run.program
        live = self.clock - self.last_input < AMBIENT_SECONDS and program.backdrop == "street-rain"
        moment = int(self.clock * AMBIENT_FPS) / AMBIENT_FPS if live else 0.0
        key = (theme.width, theme.height, program.backdrop, expression, theme.high_contrast, moment)
        if key not in self.static_cache:
            self.static_cache.clear()
            picture = pygame.Surface((theme.width, theme.height))
            self._paint_picture(picture, expression, moment)
            self.static_cache[key] = picture.convert() if pygame.display.get_surface() else picture
        surface.blit(self.static_cache[key], (0, 0))

    def _paint_picture(self, surface: pygame.Surface, expression: str, time: float) -> None:
        """Backdrop, customer and the darkened top bar: everything that does not change with the text."""
        theme = self.app.theme
        program = self.app.run.program
        palette = self._art_palette()
        art.draw_backdrop(surface, surface.get_rect(), program.backdrop, palette, time)
        art.draw_customer(surface, self.rects["customer"], expression, palette, program.customer_type,
                          program.customer_age, time)
        bar = pygame.Surface((theme.width, theme.px(76)), pygame.SRCALPHA)
        bar.fill((16, 20, 28, 190))
        surface.blit(bar, (0, 0))

    def _frame_key(self) -> Optional[tuple]:
        """Everything the frame depends on; None while something moves (a frame is then never reused)."""
        ambient = self.clock - self.last_input < AMBIENT_SECONDS and self.app.run.program.backdrop == "street-rain"
        if ambient or not self.line_done or abs(self.meter_shown - self.app.run.state.meter) > 0.01:
            return None
        theme, settings = self.app.theme, self.app.settings
        coaching = (self.coaching[0].step, self.coaching[1]) if self.coaching else None
        return (theme.width, theme.height, theme.text_scale, theme.high_contrast, settings.language, self.shown_key,
                int(self.revealed) if not self.line_done else -1, round(self.meter_shown, 2), coaching,
                self.focus, self.hover, tuple(b.rect.topleft for b in self.buttons))

    def draw(self, surface: pygame.Surface) -> None:
        self._sync()
        key = self._frame_key()
        if key is not None and key == self.frame_key and self.frame is not None \
                and self.frame.get_size() == surface.get_size():
            surface.blit(self.frame, (0, 0))
            return
        self._compose(surface)
        self.frame_key, self.frame = key, (surface.copy() if key is not None else None)

    def _compose(self, surface: pygame.Surface) -> None:
        """Draw the whole frame."""
        theme, book = self.app.theme, self.app.book
        view = self.view
        expression = art.expression_for(self.meter_shown)
        self._scene_picture(surface, expression)
        draw_stage_tracker(surface, (theme.px(24), theme.px(24)), view.stages, theme, book, self.language)
        meter_rect = pygame.Rect(theme.width - theme.px(400), theme.px(12), theme.px(376), theme.px(56))
        draw_meter(surface, meter_rect, self.meter_shown, expression, theme, book, self.language)
        self._draw_dialog(surface, view)
        if self.coaching is not None:
            self._draw_coaching(surface)
        elif view.kind == "ending" and self.line_done:
            self._draw_ending_card(surface, view)
        for index, button in enumerate(self.buttons):
            draw_button(surface, button, theme, book, index == self.focus, index == self.hover)

    def _draw_dialog(self, surface: pygame.Surface, view) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        box = self.rects["dialog"]
        panel(surface, box, theme, book)
        name_fill = palette.accent if view.speaker_role != "customer" else (150, 84, 40)
        name = chip(surface, view.speaker_name, (box.x + theme.gap, box.y - theme.px(16)), theme, book, name_fill,
                    (255, 255, 255), size=theme.body)
        inner = box.inflate(-3 * theme.gap, -2 * theme.gap)
        top = max(inner.y + theme.px(8), name.bottom + theme.px(4))  # larger text sizes grow the name tag
        inner.height -= top - inner.y + theme.px(22)
        inner.y = top
        lines, size = book.fit(view.text, theme.body, inner)
        shown = int(self.revealed)
        visible, count = [], 0
        for line in lines:  # reveal character by character across the wrapped lines
            if count >= shown:
                break
            visible.append(line[: shown - count])
            count += len(line)
        book.draw_lines(surface, visible, size, palette.text, inner.topleft, clip=inner)
        hint_key = "choose_hint" if view.kind == "decision" and self.line_done and not self.coaching \
            else "continue_hint"
        hint = book.render(t(hint_key, self.language), theme.font_px(14), palette.text_dim)
        surface.blit(hint, (box.right - hint.get_width() - theme.gap, box.bottom - hint.get_height() - theme.px(8)))

    def _draw_coaching(self, surface: pygame.Surface) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        turn, missed = self.coaching
        area = self.rects["choices"]
        text = pick(turn.choice.feedback, self.language)
        if missed is not None:
            text += "\n" + t("better_choice", self.language, text=pick(missed.text, self.language))
        heading = book.render(t("coaching", self.language), theme.font_px(18), palette.text_dim, bold=True)
        chip_height = round(theme.body * 1.6)
        fixed = 2 * theme.gap + heading.get_height() + theme.px(18) + chip_height
        lines, size = book.fit(text, theme.body, pygame.Rect(0, 0, area.width - 2 * theme.gap, area.height - fixed))
        box = pygame.Rect(area.x, area.y, area.width,
                          min(area.height, fixed + len(lines) * book.line_height(size) + theme.gap))
        panel(surface, box, theme, book, edge=rating_colour(turn.choice.rating, theme))
        inner = box.inflate(-2 * theme.gap, -2 * theme.gap)
        surface.blit(heading, inner.topleft)
        y = inner.y + heading.get_height() + theme.px(8)
        label = f"{signed(turn.choice.rating)}  {MOT_LABELS[self.language][turn.choice.rating]}"
        rect = chip(surface, label, (inner.x, y), theme, book, rating_colour(turn.choice.rating, theme),
                    (255, 255, 255), size=theme.body)
        rect = chip(surface, t(turn.choice.stage, self.language), (rect.right + theme.px(8), y), theme, book,
                    palette.accent, palette.accent_text, size=theme.body)
        # the moment's rating, then what it did to the meter, in the meter's own words (as on the card)
        words = METER_WORDS[self.language]
        change = book.render(t("meter_change", self.language, before=words[meter_level(turn.step.meter_before)],
                               after=words[meter_level(turn.step.meter_after)]), theme.font_px(14), palette.text_dim)
        if rect.right + theme.px(10) + change.get_width() <= inner.right:
            surface.blit(change, (rect.right + theme.px(10), rect.centery - change.get_height() // 2))
        y = rect.bottom + theme.px(10)
        body = pygame.Rect(inner.x, y, inner.width, box.bottom - y)
        book.draw_lines(surface, lines, size, palette.text, body.topleft, clip=body)

    def _draw_ending_card(self, surface: pygame.Surface, view) -> None:
        theme, book, palette = self.app.theme, self.app.book, self.app.theme.palette
        area = self.rects["choices"]
        box = pygame.Rect(area.x, area.y, area.width, min(area.height, theme.px(280)))
        panel(surface, box, theme, book, edge=palette.accent)
        inner = box.inflate(-2 * theme.gap, -2 * theme.gap)
        title_lines, title_size = book.fit(view.ending_title, theme.heading, pygame.Rect(inner.topleft, (
            inner.width, theme.px(90))), bold=True)
        y = book.draw_lines(surface, title_lines, title_size, palette.text, inner.topleft, bold=True)
        body = pygame.Rect(inner.x, y + theme.px(6), inner.width, inner.bottom - y - theme.px(6))
        lines, size = book.fit(view.ending_text, theme.body, body)
        book.draw_lines(surface, lines, size, palette.text, body.topleft, clip=body)
