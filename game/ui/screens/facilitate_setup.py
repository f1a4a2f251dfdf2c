"""Workshop set-up: pick the scenario, name the teams (last session's names are offered), choose how they
take turns and whether to discuss every decision or only the scene's key decisions.

Projected like the rest of facilitator mode: projector type (at least 1/25 of the screen height),
rows sized to their text, nothing shrunk or clipped.
"""

from __future__ import annotations

import os
from typing import Optional

import pygame

from game.ltext import pick
from game.ui.blocks import Canvas, TextBlock, measure, sizes_down
from game.ui.actions import Action, TeamRow
from game.ui.keymap import HINT_SEPARATOR, LANGUAGE_KEY, Binding, Keymap, entry
from game.ui.screens.base import Screen
from game.ui.screens.projector import DIM, KEY_LINE_ALIGN, Projected, background, WHITE, projector_sizes
from game.ui.strings import labelled, t, team_name
from game.ui.widgets import Button
from game.ui.workshop_control import key_decision_count
from game.workshop import MAX_TEAM_NAME, teams_problem
from game.workshop_export import load_last_teams

SETTING_ROWS = ("scene", "mode", "plan")
SETUP_KEYS = Keymap(
    "setup", "keys_setup",
    Binding((pygame.K_LEFT,), "change_setting", "kn_left_right", "ka_change_setting", when=("setting",), args=(-1,)),
    Binding((pygame.K_RIGHT,), "change_setting", "kn_left_right", "ka_change_setting", when=("setting",), args=(1,)),
    Binding((pygame.K_RETURN, pygame.K_KP_ENTER), "start", "kn_enter", "ka_start"),  # from any row; Space: the
    Binding((pygame.K_ESCAPE,), "to_title", "kn_esc", "ka_back"),                      # focused row
)
# While a team name is typed: letters are the name's (L is a letter then, not the language key), Left and Right
# stay in the field, Up, Down and Tab finish the name and move on.
NAME_KEYS = Keymap(
    "setup_typing", "keys_typing",
    Binding((pygame.K_RETURN, pygame.K_KP_ENTER), "finish_name", "kn_enter", "ka_save"),
    Binding((pygame.K_BACKSPACE,), "delete_letter", "kn_backspace", "ka_delete_letter"),
    Binding((pygame.K_ESCAPE,), "cancel_name", "kn_esc", "ka_cancel"),
    Binding((pygame.K_LEFT, pygame.K_RIGHT), "stay_in_name", "kn_left_right", "ka_change_setting", hint=False),
    Binding((pygame.K_DOWN, pygame.K_TAB), "finish_and_move", "kn_arrows_tab", "ka_pick_button", args=(1,),
            hint=False),
    Binding((pygame.K_UP,), "finish_and_move", "kn_arrows_tab", "ka_pick_button", args=(-1,), hint=False),
)
MAX_TEAMS = 6
MAX_NAME = MAX_TEAM_NAME
ROW_FILL, ROW_EDGE, FOCUS = (28, 38, 56), (90, 104, 130), (250, 200, 60)
SELECTION = (52, 96, 170)  # behind a name selected whole


def file_stamp(path: str) -> Optional[tuple[int, int]]:
    """When the file at ``path`` was last changed and its size (None when it cannot be read)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class FacilitatorSetup(Projected, Screen):
    """Holds the names being typed until the session starts (view state only)."""

    def __init__(self, app, scene_path: str = ""):
        super().__init__(app)
        paths = [card.path for card in app.cards]
        self.scene_path = scene_path if scene_path in paths else (paths[0] if paths else "")
        self.teams = [t("team_default", self.language, n=n) for n in (1, 2)]
        self.last_teams = load_last_teams(app.store.folder)
        self.mode = "sequential"
        self.key_only = False
        self.editing = -1  # index of the team name being typed, or -1
        self.whole_name = False  # the name being edited is selected whole: the first letter typed replaces it
        self.before_edit = ""  # the name as it was, for Esc
        self.rows: list[tuple[Button, TextBlock]] = []
        self.fixed: list[TextBlock] = []
        self.drawn: list[TextBlock] = []
        self._plans: dict[str, tuple[Optional[tuple[int, int]], int]] = {}  # path: (file stamp, key decisions)

    @property
    def card(self):
        """The chosen scene's card (None when the scene list is empty or the file went away)."""
        return next((card for card in self.app.cards if card.path == self.scene_path), None)

    def plan_size(self) -> int:
        """How many key decisions the chosen scene's workshop plan has as its file is now (0: no plan, or the
        file has errors): read again whenever the file changed, so the set-up says what Start will do."""
        stamp = file_stamp(self.scene_path)
        seen = self._plans.get(self.scene_path)
        if seen is None or seen[0] != stamp:
            seen = (stamp, key_decision_count(self.scene_path) if self.card is not None and stamp else 0)
            self._plans[self.scene_path] = seen
        return seen[1]

    def update(self, dt: float) -> bool:
        """Look at the chosen scene's file (a stat: the idle window wakes twice a second, so this is cheap): when
        it changed (its plan edited or taken out while the set-up is shown), lay out again; True then, so the
        change is drawn."""
        seen = self._plans.get(self.scene_path)
        if seen is not None and seen[0] == file_stamp(self.scene_path):
            return False
        self.layout()
        return True

    # --- layout ------------------------------------------------------------------------------

    def _entries(self) -> list[list[tuple[str, Action, bool]]]:
        """Rows of (label, action, enabled); a row of several entries shares the width."""
        rows: list[list[tuple[str, Action, bool]]] = [[(self._scene_label(), "scene", True)]]
        offered = self.last_teams and self.last_teams != self.teams
        if offered:
            rows.append([(t("last_teams", self.language, teams=", ".join(self.last_teams)), "last", True)])
        names: list[tuple[str, Action, bool]] = [(self._team_label(i), TeamRow(i), True)
                                                 for i in range(len(self.teams))]
        per_row = 2 if len(names) > 3 else 1
        rows += [names[i:i + per_row] for i in range(0, len(names), per_row)]
        rows.append([(t("add_team", self.language), "add", len(self.teams) < MAX_TEAMS),
                     (t("remove_team", self.language), "remove", len(self.teams) > 1)])
        rows.append([(labelled(t("mode", self.language), t("mode_" + self.mode, self.language), self.language),
                      "mode", True)])
        plan = self.plan_size()
        value = t("discuss_all", self.language)
        if self.key_only:
            value = t("discuss_key_one", self.language) if plan == 1 else t("discuss_key", self.language, n=plan)
        if not plan:
            value += " " + t("no_plan", self.language)
        rows.append([(labelled(t("discuss", self.language), value, self.language), "plan", bool(plan))])
        rows.append([(t("start", self.language), "start", self.card is not None)])
        return rows

    def _scene_label(self) -> str:
        card = self.card
        if card is None:
            return t("scenario", self.language)
        return labelled(t("scenario", self.language), pick(card.title, self.language) if card.title else card.id,
                        self.language)

    def _team_label(self, index: int) -> str:
        return labelled(f"{t('team', self.language)} {index + 1}", self.teams[index], self.language)

    def _follow_language(self) -> None:
        """Default names ("Team 1", "第1组") follow the interface language; a name the facilitator typed stays."""
        self.teams = [name if index == self.editing else team_name(name, index, self.language)
                      for index, name in enumerate(self.teams)]

    def layout(self) -> None:
        self._follow_language()
        if not self.plan_size():  # the plan went away (or the scene has none): every decision is discussed
            self.key_only = False
        theme, book = self.app.theme, self.app.book
        sizes = projector_sizes(theme)
        screen = pygame.Rect(0, 0, theme.width, theme.height)
        margin, gap = round(theme.width * 0.05), theme.px(8)
        width = theme.width - 2 * margin
        hint = measure(book, self.key_hint(), sizes.label, width, (margin, 0), screen, sizes.label,
                       DIM, align=KEY_LINE_ALIGN)
        hint.rect.bottom = theme.height - theme.px(6)
        for size in sizes_down(sizes.body, sizes.floor):
            pad = round(size * 0.3)
            title = measure(book, t("setup_title", self.language), round(size * 1.25), width, (margin, pad), screen,
                            sizes.floor, WHITE, bold=True)
            y = title.rect.bottom + gap
            rows: list[tuple[Button, TextBlock]] = []
            for entries in self._entries():
                share = (width - gap * (len(entries) - 1)) // len(entries)
                bottom = y
                for index, (label, action, enabled) in enumerate(entries):
                    x = margin + index * (share + gap)
                    if action == "start":  # the start button is as wide as its word, on the right
                        share = book.width(label, size, True) + 6 * pad
                        x = margin + width - share
                    block = measure(book, label, size, share - 2 * pad, (x + pad, y + pad), screen, sizes.floor,
                                    WHITE if enabled else DIM, bold=action == "start",
                                    align="center" if action == "start" else "left")
                    button = Button(pygame.Rect(x, y, share, block.rect.height + 2 * pad), label, action,
                                    enabled=enabled)
                    block.container = button.rect
                    rows.append((button, block))
                    bottom = max(bottom, button.rect.bottom)
                y = bottom + gap
            if y <= hint.rect.top or size == sizes.floor:
                break
        self.rows, self.fixed = rows, [title, hint]
        self.buttons = [button for button, _ in rows]
        self.focus = min(self.focus, len(self.buttons) - 1)
        if self.buttons and not self.buttons[self.focus].enabled:
            self.move_focus(1)

    @property
    def keep_clear(self) -> list[pygame.Rect]:
        """The key hint, which a toast (a name refused, say) must not cover."""
        return [self.fixed[-1].rect] if self.fixed else []

    # --- input -------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.TEXTINPUT and self.editing >= 0:
            typed = "".join(c for c in event.text if c.isprintable())  # pasted line breaks never reach a name
            name = "" if self.whole_name else self.teams[self.editing]
            self.teams[self.editing] = (name + typed)[:MAX_NAME]
            self.whole_name = self.whole_name and not typed
            self.layout()
            return
        super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> None:
        if self.editing >= 0:  # a letter is carried by its TEXTINPUT event; any other key does nothing then
            NAME_KEYS.dispatch(self, event.key, event.mod)
            return
        if not SETUP_KEYS.dispatch(self, event.key, event.mod, self.modes()):
            super().handle_key(event)  # arrows move between the rows, Space activates the focused one

    def finish_name(self) -> None:
        """Enter while typing: keep the name."""
        self._stop_editing()
        self.layout()

    def cancel_name(self) -> None:
        """Esc while typing: the name as it was before."""
        self.teams[self.editing] = self.before_edit
        self.finish_name()

    def delete_letter(self) -> None:
        """Backspace while typing: the last letter (the whole name while it is selected)."""
        name = self.teams[self.editing]
        self.teams[self.editing] = "" if self.whole_name else name[:-1]
        self.whole_name = False
        self.layout()

    def stay_in_name(self) -> None:
        """Left or Right while typing: the caret stays in the field (the name is edited at its end)."""
        self.whole_name = False

    def finish_and_move(self, direction: int) -> None:
        """Up, Down or Tab while typing: keep the name and move to the next or previous row."""
        self.finish_name()
        self.move_focus(direction)

    def modes(self) -> set[str]:
        """"setting" while a row that cycles through values (scenario, turns, what is discussed) has the focus."""
        action = self.buttons[self.focus].action if self.buttons else ""
        return {"setting"} if action in SETTING_ROWS else set()

    def key_hint(self) -> str:
        """The set-up's hint: how to rename a team, then the keys, from the keymap; while a name is typed, the
        typing keys (L is a letter then)."""
        if self.editing >= 0:
            return HINT_SEPARATOR.join([t("name_typing_hint", self.language), NAME_KEYS.hint(self.language)])
        return HINT_SEPARATOR.join([t("rename_hint", self.language), SETUP_KEYS.hint(self.language, {"setting"}),
                                    entry(LANGUAGE_KEY, self.language)])

    def change_setting(self, direction: int) -> None:
        """Left or Right on a setting's row: its previous or next value."""
        row = self.buttons[self.focus].action
        if isinstance(row, str):  # the rows that cycle are words ("scene", "mode", "plan")
            self.cycle(row, direction)
        self.layout()

    def to_title(self) -> None:
        """Esc: back to the title screen."""
        self.app.to_title()

    def _stop_editing(self) -> None:
        if self.editing >= 0 and not self.teams[self.editing].strip():
            self.teams[self.editing] = t("team_default", self.language, n=self.editing + 1)
        self.editing, self.whole_name = -1, False
        pygame.key.stop_text_input()

    def cycle(self, action: str, direction: int) -> None:
        """Change the scenario, the turn mode or what is discussed."""
        if action == "scene":
            paths = [card.path for card in self.app.cards]
            if paths:
                position = paths.index(self.scene_path) if self.scene_path in paths else 0
                self.scene_path = paths[(position + direction) % len(paths)]
            if not self.plan_size():
                self.key_only = False
        elif action == "plan":
            self.key_only = not self.key_only and self.plan_size() > 0
        else:
            self.mode = "alternating" if self.mode == "sequential" else "sequential"

    def activate(self, action: Action) -> None:
        if not isinstance(action, TeamRow):
            self._stop_editing()
        if action in ("scene", "mode", "plan"):
            self.cycle(action, 1)
        elif isinstance(action, TeamRow):
            self._stop_editing()
            self.editing, self.before_edit = action.index, self.teams[action.index]
            # a default name ("Team 1") is selected whole: typing replaces it rather than adding to it
            self.whole_name = self.teams[action.index] == t("team_default", self.language, n=action.index + 1)
            self.focus = next((i for i, b in enumerate(self.buttons) if b.action == action), self.focus)
            pygame.key.start_text_input()
        elif action == "last":
            self.teams = list(self.last_teams)
        elif action == "add":
            self.teams.append(t("team_default", self.language, n=len(self.teams) + 1))
        elif action == "remove" and len(self.teams) > 1:
            self.teams.pop()
        elif action == "start":
            self.start()
            return
        self.layout()

    def start(self) -> None:
        """Start the session, or say which name stands in the way."""
        names = [name.strip() for name in self.teams]
        problem = teams_problem(names)
        if problem is not None:
            self.app.notify(problem.in_language(self.language))
        elif self.card is not None:
            self.app.start_workshop(self.card.path, names, self.mode, key_only=self.key_only)

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        surface.fill(background(theme))
        canvas = Canvas(surface, self.app.book)
        for block in self.fixed:
            canvas.draw(block)
        for index, (button, block) in enumerate(self.rows):
            focused = index == self.focus or button.action == TeamRow(self.editing)
            primary = button.action == "start" and button.enabled
            fill = theme.palette.accent if primary else (40, 52, 74) if index == self.hover else ROW_FILL
            pygame.draw.rect(surface, fill, button.rect, border_radius=theme.radius)
            pygame.draw.rect(surface, FOCUS if focused else ROW_EDGE, button.rect,
                             theme.px(5) if focused else theme.px(2), border_radius=theme.radius)
            if button.action == TeamRow(self.editing):
                self._draw_editing(surface, block)
            canvas.draw(block)
        self.drawn = canvas.drawn

    def _draw_editing(self, surface: pygame.Surface, block: TextBlock) -> None:
        """The name being typed: its caret, a line after the last letter (drawn, so every font has it), and
        the name highlighted while it is selected whole."""
        book, theme = self.app.book, self.app.theme
        line_height = book.line_height(block.size)
        last = block.lines[-1] if block.lines else ""
        end = block.rect.x + book.width(last, block.size, block.bold)
        top = block.rect.y + (len(block.lines) - 1) * line_height
        name = self.teams[self.editing]
        if self.whole_name and name and last.endswith(name):
            start = end - book.width(name, block.size, block.bold)
            pygame.draw.rect(surface, SELECTION, pygame.Rect(start, top, end - start, line_height))
        caret = end + theme.px(3)
        pygame.draw.line(surface, WHITE, (caret, top + line_height // 8), (caret, top + line_height * 7 // 8),
                         max(2, theme.px(3)))
