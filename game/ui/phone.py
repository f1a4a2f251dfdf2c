"""The call view: what the play screen shows instead of a counter when a scene's channel is ``phone``.

The caller is heard, not seen: a card with the caller's name, number, the call's state and its
timer, the caller's voice drawn as a waveform that follows the meter, and the agent's headset.
Hold and transfer are states of the card and of the line. The timer counts the real seconds of
the call plus HOLD_SECONDS for each line spent on hold (story time the player does not sit through).
When a colleague speaks (an assessor, a team leader) the card shows them on an internal line: the
internal customer is a person too.

:func:`call_look` reads the call from the scene and the run (pure); :func:`draw_call` paints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.program import Program
from game.ltext import pick
from game.vocab import CUSTOMER_SPEAKER
from game.ui.phone_voice import STATE_COLOURS, draw_avatar, draw_call_centre, draw_headset, draw_voice, voice_band
from game.ui.strings import t
from game.ui.widgets import chip, panel

if TYPE_CHECKING:
    from game.ui.app import App

CALL_STATES = ("ringing", "connected", "hold", "transfer", "ended")
VOICE_FPS = 12  # the waveform is repainted this often while it moves
VOICE_SECONDS = 6.0  # it moves this long after the last input, then the screen rests (the timer still ticks)
MIN_VOICE = 24  # the voice is drawn only when it can be at least this tall (layout units); else just its caption
HOLD_SECONDS = 60  # each line the caller spends on hold adds this much story time to the call timer
# A line's expression heard as a voice, on the meter's scale (-10 furious ... 10 delighted).
EXPRESSION_VOICE = {"angry": -8.0, "worried": -4.0, "sad": -3.0, "surprised": -1.0, "neutral": 0.0,
                    "pleased": 4.0, "happy": 7.0}


@dataclass(frozen=True)
class CallLook:
    """The call at the current node.

    Attributes:
        state: ringing, connected, hold, transfer or ended.
        call: Which call of the scene this is (a new one starts when the phone rings again).
        name: Who is on the card: the caller, or the colleague speaking on an internal line.
        number: The caller's number, or the words for an internal line.
        colleague: True when the card shows a colleague rather than the caller.
        caller_speaking: True when the caller (or colleague) says this line; False while they listen.
        expression: How the line is said, when the scene says so (an angry line sounds angry whatever
            the meter).
    """

    state: str
    call: int
    name: str
    number: str
    colleague: bool
    caller_speaking: bool
    expression: Optional[str] = None
    story_seconds: int = 0


def call_look(program: Program, visited: tuple[str, ...], language: str) -> CallLook:
    """The call's state after the nodes ``visited`` (the last is the current one), in ``language``."""
    state, call, previous, story_seconds = "connected", 0, None, 0
    for node_id in visited:  # a node's call state lasts until another node changes it
        look = program.nodes[node_id].look
        if look is not None and look.call is not None:
            if look.call == "ringing" and previous != "ringing":
                call, story_seconds = call + 1, 0
            state = previous = look.call
        if state == "hold":  # the story's time on hold, which reading the line does not take
            story_seconds += HOLD_SECONDS
    node = program.nodes[visited[-1]]
    speaker = program.speakers.get(node.speaker)
    role = speaker.role if speaker is not None else "other"
    colleague = speaker is not None and role in ("manager", "other") and node.speaker != CUSTOMER_SPEAKER
    if colleague and speaker is not None:
        name, number = pick(speaker.name, language), t("internal", language)
    else:
        name = pick(program.speakers[CUSTOMER_SPEAKER].name, language)
        number = program.caller_number or ""
    speaking = role in ("customer", "manager", "other")
    expression = node.look.expression if node.look is not None and speaking else None
    return CallLook(state, max(call, 1), name, number, colleague, speaking, expression, story_seconds)


class CallClock:
    """The call timer: counts while a call is live, restarts with each new call, stops when it ends."""

    def __init__(self) -> None:
        self.call: Optional[tuple] = None
        self.since = 0.0
        self.stopped: Optional[float] = None

    def seconds(self, key: tuple, state: str, now: float) -> int:
        """Whole seconds of the call ``key`` (scene id, call number) at time ``now``."""
        if key != self.call or state == "ringing":
            self.call, self.since, self.stopped = key, now, None
        if state == "ended":
            self.stopped = now if self.stopped is None else self.stopped
            return int(self.stopped - self.since)
        self.stopped = None
        return int(now - self.since)


def is_phone(app: "App") -> bool:
    """True when the scene being played is a phone call."""
    return getattr(app.playing.program, "channel", "counter") == "phone"


def animating(app: "App", picture: Any) -> bool:
    """True while the voice moves, or when the timer has a new second to show."""
    look = call_look(app.playing.program, app.playing.visited, app.settings.language)
    if look.state in ("ended",):
        return False
    clock = _clock(picture)
    shown = getattr(picture, "call_second_shown", None)
    second = clock.seconds((app.playing.program.id, look.call), look.state, picture.clock) + look.story_seconds
    voice = picture.clock - picture.last_input < VOICE_SECONDS and not app.settings.reduce_motion
    return voice or second != shown


def draw_call(surface: pygame.Surface, app: "App", picture: Any, rect: pygame.Rect, meter: float,
              assessing: bool) -> None:
    """Paint the call view: the call centre behind, the caller's card in ``rect``."""
    theme = app.theme
    key = ("call-centre", theme.width, theme.height, theme.high_contrast)
    backdrop = picture.cache.get(key)
    if backdrop is None:
        picture.cache.clear()
        backdrop = pygame.Surface((theme.width, theme.height))
        draw_call_centre(backdrop, theme.high_contrast)
        picture.cache[key] = backdrop.convert() if pygame.display.get_surface() else backdrop
    surface.blit(backdrop, (0, 0))
    look, seconds, moment = _call_now(app, picture)
    picture.call_second_shown = seconds
    _draw_card(surface, app, rect, look, seconds, meter, assessing, moment)


def call_key(app: "App", picture: Any, meter: float, assessing: bool) -> tuple:
    """Everything the call view shows now depends on: the call, its timer, the voice's moment and the meter."""
    theme = app.theme
    look, seconds, moment = _call_now(app, picture)
    return "call", theme.width, theme.height, theme.high_contrast, look, seconds, moment, round(meter, 2), assessing


def _call_now(app: "App", picture: Any) -> tuple[CallLook, int, float]:
    """The call, its timer's seconds and the voice's moment (still when motion is reduced or the call ended)."""
    look = call_look(app.playing.program, app.playing.visited, app.settings.language)
    seconds = _clock(picture).seconds((app.playing.program.id, look.call), look.state, picture.clock) \
        + look.story_seconds
    moving = picture.clock - picture.last_input < VOICE_SECONDS and look.state != "ended" \
        and not app.settings.reduce_motion
    moment = int(picture.clock * VOICE_FPS) / VOICE_FPS if moving else 0.0
    return look, seconds, moment


def draw_call_picture(surface: pygame.Surface, rect: pygame.Rect, program: Program, visited: tuple[str, ...],
                      meter: float, unit: float) -> None:
    """The call as a picture with no small text, for the projector: a frame in the call state's colour,
    the caller's badge (a colleague's on an internal line) and the voice, still (the room needs no motion).
    """
    look = call_look(program, visited, "en")  # names are not drawn: the language does not matter here
    colour = STATE_COLOURS[look.state]
    radius = max(4, round(12 * unit))
    pygame.draw.rect(surface, (32, 44, 64), rect, border_radius=radius)
    pygame.draw.rect(surface, colour, rect, max(2, round(6 * unit)), border_radius=radius)
    pad = max(4, round(rect.width * 0.08))
    avatar = min(rect.width - 2 * pad, round(rect.height * 0.45))
    draw_avatar(surface, (rect.centerx, rect.y + pad + avatar // 2), avatar,
                STATE_COLOURS["hold"] if look.colleague else colour)
    if look.colleague:
        meter = 0.0
    if look.expression is not None:
        meter = EXPRESSION_VOICE.get(look.expression, meter)
    wave_top = rect.y + 2 * pad + avatar
    wave = pygame.Rect(rect.x + pad, wave_top, rect.width - 2 * pad, rect.bottom - pad - wave_top)
    draw_voice(surface, wave, meter, look.state, 0.0, look.caller_speaking, False, unit)


def _clock(picture: Any) -> CallClock:
    clock = getattr(picture, "call_clock", None)
    if clock is None:
        clock = picture.call_clock = CallClock()
    return clock


def _draw_card(surface: pygame.Surface, app: "App", rect: pygame.Rect, look: CallLook, seconds: int,
               meter: float, assessing: bool, moment: float) -> None:
    theme, book, language = app.theme, app.book, app.settings.language
    palette, gap = theme.palette, theme.gap
    panel(surface, rect, theme, book, edge=STATE_COLOURS[look.state])
    x, y, inner = rect.x + gap, rect.y + gap, rect.width - 2 * gap
    state_chip = chip(surface, t(look.state, language), (x, y), theme, book, STATE_COLOURS[look.state],
                      (255, 255, 255), size=theme.small)
    timer = book.render(f"{seconds // 60:02d}:{seconds % 60:02d}", theme.font_px(22), palette.text, bold=True)
    surface.blit(timer, timer.get_rect(midright=(rect.right - gap, state_chip.centery)))
    y = state_chip.bottom + gap
    avatar = max(theme.px(44), round(rect.height * 0.13))
    centre = (x + avatar // 2, y + avatar // 2)
    draw_avatar(surface, centre, avatar, STATE_COLOURS["hold"] if look.colleague else palette.accent)
    label = t("colleague" if look.colleague else "caller", language)
    text_x = x + avatar + gap
    text_width = rect.right - gap - text_x
    for line, size, colour, bold in ((label, theme.font_px(14), palette.text_dim, False),
                                     (look.name, theme.font_px(24), palette.text, True),
                                     (look.number, theme.small, palette.text_dim, False)):
        if line:
            rendered = book.render(_fit(book, line, size, text_width, bold), size, colour, bold=bold)
            surface.blit(rendered, (text_x, y))
            y += book.line_height(size)
    y = max(y, centre[1] + avatar // 2) + gap
    if look.colleague:  # the meter is the customer's; a colleague's voice is even unless the line says otherwise
        meter = 0.0
    if look.expression is not None:
        meter = EXPRESSION_VOICE.get(look.expression, meter)
    headset = _headset_lines(app, inner, look.state)
    headset_height = max(theme.px(44), len(headset) * book.line_height(theme.small) + theme.px(12))
    strip = pygame.Rect(x, rect.bottom - gap - headset_height, inner, headset_height)
    caption = _caption(look, meter, assessing, language)
    caption_height = book.line_height(theme.small) + theme.px(4) if caption else 0
    room = strip.top - gap - y  # for the voice and its caption: the voice gives way first when the card is short
    if room - caption_height >= MIN_VOICE * theme.unit:
        wave = pygame.Rect(x, y, inner, room - caption_height)
        draw_voice(surface, wave, meter, look.state, moment, look.caller_speaking, assessing, theme.unit)
        y = wave.bottom + theme.px(4)
    if caption and room >= caption_height:
        rendered = book.render(_fit(book, caption, theme.small, inner, False), theme.small, palette.text_dim)
        surface.blit(rendered, (x, y))
    _draw_headset_strip(surface, app, strip, headset, look.state)


def card_rect(app: "App", picture: pygame.Rect, box_top: int) -> pygame.Rect:
    """Where a phone scene's card goes: the picture's rect, ending ``box_top`` (the line box's top, less its
    name tag) at the latest, so nothing of the card (the headset's caption last of all) hides behind the box.
    A counter scene's picture is returned as it is: the person stands behind the box."""
    if not is_phone(app):
        return picture
    return pygame.Rect(picture.x, picture.y, picture.width, max(0, min(picture.height, box_top - picture.y)))


def _caption(look: CallLook, meter: float, assessing: bool, language: str) -> str:
    """The words under the voice ('' when the state chip says it all: ringing, transferring, ended)."""
    if look.state == "hold":
        return t("hold_music", language)
    if look.state != "connected":
        return ""
    if not look.caller_speaking:
        return t("voice_listening", language)
    return t("voice_hidden", language) if assessing else t(f"voice_{voice_band(meter)}", language)


HEADSET_KEYS = {"connected": "headset_live", "hold": "headset_hold", "transfer": "headset_transfer",
                "ringing": "headset_ringing", "ended": "headset_ended"}
HEADSET_SEPARATOR = "·"  # between 'Your headset' and what the microphone does (the catalogue's captions)


def _headset_size(theme: Any, book: Any) -> int:
    """The headset icon's size: a one-line strip's height less its padding, whatever the caption's lines."""
    return max(theme.px(44), book.line_height(theme.small) + theme.px(12)) - theme.px(12)


def _headset_lines(app: "App", width: int, state: str) -> list[str]:
    """The headset strip's caption in lines beside the icon in a strip ``width`` wide: whole, never cut short;
    when it takes more than a line, broken first where 'Your headset' ends."""
    theme, book = app.theme, app.book
    text = t(HEADSET_KEYS[state], app.settings.language)
    room = width - theme.px(24) - _headset_size(theme, book)
    if book.width(text, theme.small) <= room:
        return [text]
    parts = [part.strip() for part in text.split(HEADSET_SEPARATOR)]
    return [line for part in parts for line in book.wrap(part, theme.small, room)]


def _draw_headset_strip(surface: pygame.Surface, app: "App", strip: pygame.Rect, lines: list[str],
                        state: str) -> None:
    """The agent's side: a headset, and what the microphone is doing (its caption's ``lines``)."""
    theme, book = app.theme, app.book
    pygame.draw.rect(surface, (236, 240, 246) if not theme.high_contrast else (255, 255, 255), strip,
                     border_radius=theme.px(8))
    size = _headset_size(theme, book)
    draw_headset(surface, (strip.x + theme.px(8) + size // 2, strip.centery - size // 6), size,
                 theme.palette.text, live=state == "connected")
    text_x = strip.x + theme.px(16) + size
    line = book.line_height(theme.small)
    top = strip.centery - len(lines) * line // 2
    for index, text in enumerate(lines):
        rendered = book.render(text, theme.small, theme.palette.text)
        surface.blit(rendered, rendered.get_rect(midleft=(text_x, top + index * line + line // 2)))


def _fit(book: Any, text: str, size: int, width: int, bold: bool) -> str:
    """``text`` shortened with an ellipsis until it fits ``width``."""
    if book.width(text, size, bold=bold) <= width:
        return text
    while text and book.width(text + "…", size, bold=bold) > width:
        text = text[:-1]
    return text + "…"
