"""Workshop set-up: pick the scenario, name the teams, choose how they take turns."""

from __future__ import annotations

import pygame

from game.program import pick
from game.ui.screens.base import Screen
from game.ui.strings import labelled, t
from game.ui.widgets import Button, draw_button

MAX_TEAMS = 6
MAX_NAME = 24


class FacilitatorSetup(Screen):
    """Holds the names being typed until the session starts (view state only)."""

    def __init__(self, app, scene_path: str = ""):
        super().__init__(app)
        paths = [card.path for card in app.cards]
        self.scene_path = scene_path if scene_path in paths else (paths[0] if paths else "")
        self.teams = [t("team_default", self.language, n=n) for n in (1, 2)]
        self.mode = "sequential"
        self.editing = -1  # index of the team name being typed, or -1

    @property
    def card(self):
        """The chosen scene's card (None when the scene list is empty or the file went away)."""
        return next((card for card in self.app.cards if card.path == self.scene_path), None)

    def layout(self) -> None:
        theme = self.app.theme
        x, width = theme.px(80), theme.width - theme.px(160)
        row = theme.px(58)
        y = theme.px(140)
        self.buttons = [Button(pygame.Rect(x, y, width, row), "", "scene")]
        y += row + theme.gap
        for index in range(len(self.teams)):
            self.buttons.append(Button(pygame.Rect(x, y, width, row), "", f"team:{index}"))
            y += row + theme.px(8)
        half = (width - theme.gap) // 2
        self.buttons.append(Button(pygame.Rect(x, y, half, row), t("add_team", self.language), "add",
                                   enabled=len(self.teams) < MAX_TEAMS))
        self.buttons.append(Button(pygame.Rect(x + half + theme.gap, y, half, row),
                                   t("remove_team", self.language), "remove", enabled=len(self.teams) > 1))
        y += row + theme.gap
        self.buttons.append(Button(pygame.Rect(x, y, width, row), "", "mode"))
        y += row + theme.gap
        self.buttons.append(Button(pygame.Rect(x + width - theme.px(260), y, theme.px(260), row),
                                   t("start", self.language), "start"))
        self.focus = min(self.focus, len(self.buttons) - 1)

    def _label(self, button: Button) -> str:
        if button.action == "scene":
            card = self.card
            if card is None:
                return t("scenario", self.language)
            return labelled(t("scenario", self.language), pick(card.title, self.language) if card.title else card.id,
                            self.language)
        if button.action.startswith("team:"):
            index = int(button.action.split(":")[1])
            cursor = "▏" if index == self.editing else ""
            return labelled(f"{t('team', self.language)} {index + 1}", self.teams[index] + cursor, self.language)
        if button.action == "mode":
            return labelled(t("mode", self.language), t("mode_" + self.mode, self.language), self.language)
        return button.label

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.TEXTINPUT and self.editing >= 0:
            self.teams[self.editing] = (self.teams[self.editing] + event.text)[:MAX_NAME]
            return
        super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> None:
        if self.editing >= 0:
            if event.key == pygame.K_BACKSPACE:
                self.teams[self.editing] = self.teams[self.editing][:-1]
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_TAB, pygame.K_ESCAPE):
                self._stop_editing()
                if event.key != pygame.K_TAB:
                    return
            elif event.unicode and event.unicode.isprintable():
                return  # the TEXTINPUT event carries the character
        action = self.buttons[self.focus].action if self.buttons else ""
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and action in ("scene", "mode"):
            self.cycle(action, 1 if event.key == pygame.K_RIGHT else -1)
        elif event.key == pygame.K_ESCAPE:
            self.app.to_title()
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.activate("start")
        else:
            super().handle_key(event)

    def _stop_editing(self) -> None:
        if self.editing >= 0 and not self.teams[self.editing].strip():
            self.teams[self.editing] = t("team_default", self.language, n=self.editing + 1)
        self.editing = -1
        pygame.key.stop_text_input()

    def cycle(self, action: str, direction: int) -> None:
        """Change the scenario or the turn mode."""
        if action == "scene":
            paths = [card.path for card in self.app.cards]
            if paths:
                position = paths.index(self.scene_path) if self.scene_path in paths else 0
                self.scene_path = paths[(position + direction) % len(paths)]
        else:
            self.mode = "alternating" if self.mode == "sequential" else "sequential"

    def activate(self, action: str) -> None:
        if not action.startswith("team:"):
            self._stop_editing()
        if action in ("scene", "mode"):
            self.cycle(action, 1)
        elif action.startswith("team:"):
            self._stop_editing()
            self.editing = int(action.split(":")[1])
            pygame.key.start_text_input()
        elif action == "add":
            self.teams.append(t("team_default", self.language, n=len(self.teams) + 1))
        elif action == "remove" and len(self.teams) > 1:
            self.teams.pop()
        elif action == "start":
            names = [name.strip() for name in self.teams]
            if not all(names) or len(set(names)) != len(names):
                self.app.notify(t("teams_distinct", self.language))
            elif self.card is not None:
                self.app.start_workshop(self.card.path, names, self.mode)  # a scene with errors shows them
                return
        self.layout()

    def draw(self, surface: pygame.Surface) -> None:
        theme, book = self.app.theme, self.app.book
        surface.fill(theme.palette.background)
        title = book.render(t("setup_title", self.language), theme.font_px(40), (255, 255, 255), bold=True)
        surface.blit(title, (theme.px(80), theme.px(50)))
        for index, button in enumerate(self.buttons):
            button.label = self._label(button)
            focused = index == self.focus or button.action == f"team:{self.editing}"
            draw_button(surface, button, theme, book, focused, index == self.hover, primary=button.action == "start")
        hint = book.render(t("setup_hint", self.language), theme.small, (196, 206, 220))
        surface.blit(hint, (theme.px(80), theme.height - theme.px(50)))
