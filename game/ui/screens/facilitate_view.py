"""What the facilitator's projector and presenter windows show (a part of
:class:`game.ui.screens.facilitate.FacilitatorScreen`, kept apart to keep modules short): the
audience's view at this moment, the options with their votes, the reveal, and the notes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Optional

import pygame

from game.cohort import choices_at
from game.ltext import pick
from game.ui.blocks import Canvas, TextBlock
from game.ui.screens.presenter import NoteOption, draw_notes
from game.ui.screens.projector import AMBER, Option, ProjectorPainter
from game.ui.strings import t, team_name
from game.workshop import letter

if TYPE_CHECKING:
    from game.ui.app import App
    from game.workshop import Reveal, Workshop


class FacilitatorView:
    """Drawing for the facilitator screen; the state it draws is the screen's."""

    if TYPE_CHECKING:  # the facilitator screen's state these methods draw
        app: App

        @property
        def workshop(self) -> Workshop: ...

        language: str
        revealed: Optional[Reveal]
        selected: int
        presenter: Optional[pygame.Window]
        past_records: list
        keep_clear: list[pygame.Rect]
        blank: bool
        show_notes: bool
        flash: float
        timer_left: float
        timer_total: int

        def _voting(self) -> bool: ...
        def reading(self) -> bool: ...
        def _open_vote(self) -> None: ...
        def key_hint(self, modes: Optional[set[str]] = None) -> str: ...

    def draw(self, surface: pygame.Surface) -> None:
        if self.presenter is not None:  # the second display's window shows the notes of the same moment
            self.draw_presenter(self.presenter.get_surface())
            self.presenter.flip()
        canvas = Canvas(surface, self.app.book)
        if self.blank:
            surface.fill((0, 0, 0))
        elif self.show_notes:
            self._notes(canvas, to_room=True)
        else:
            self._projector(canvas)
            if self.flash > 0 and int(self.flash * 4) % 2 == 0:
                pygame.draw.rect(surface, (250, 200, 60), surface.get_rect(), self.app.theme.px(10))
        self.drawn: list[TextBlock] = canvas.drawn

    def _projector(self, canvas: Canvas) -> None:
        """The audience's view: what the room may see at this moment, and nothing else."""
        workshop, language = self.workshop, self.language
        painter = ProjectorPainter(canvas, self.app.theme, language)
        timed = self._voting()  # the clock shows only while the room votes
        top = painter.top_bar(team_name(workshop.team, workshop.turn, language), pick(workshop.program.title, language),
                              self.timer_left if timed else None, self.timer_total)
        view = workshop.view(language)
        hint_top = painter.hint(self.key_hint())
        self.keep_clear = [pygame.Rect(0, hint_top, self.app.theme.width, self.app.theme.height - hint_top)]
        bottom = hint_top - self.app.theme.px(8)
        if self.revealed is not None and workshop.pending_tie is None:
            self._reveal(painter, top, bottom)
        elif self.reading():  # the line alone, with the question: the options come with the vote
            painter.decision(top, bottom, view.speaker_name, view.text, self._prompt(), [])
        elif view.kind == "decision":
            prompt = self._prompt()
            options = self.vote_options(view)
            painter.decision(top, bottom, view.speaker_name, view.text, prompt, options)
            self._open_vote()  # the room has seen the options
        elif view.kind == "ending":
            painter.visited = workshop.visited()
            card = workshop.scorecard(workshop.team)
            score = t("score_line", language, score=f"{card.score:g}", grade=card.grade)
            painter.ending(top, bottom, view.ending_title or "", score, view.ending_text or "", workshop.meter(),
                           workshop.program)
        else:
            painter.decision(top, bottom, view.speaker_name, view.text, None, [])

    def vote_options(self, view) -> list[Option]:
        """The options as projected: their counts, and the ring on the one selected (none before the
        facilitator moves to one, and none while a tie waits to be broken)."""
        workshop = self.workshop
        return [Option(c.number, c.text, workshop.votes.get(c.number, 0),
                       selected=c.number == self.selected and workshop.pending_tie is None) for c in view.choices]

    def option_rings(self) -> list[int]:
        """The numbers of the options drawn with the focus ring now."""
        return [option.number for option in self.vote_options(self.workshop.view(self.language)) if option.selected]

    def _prompt(self) -> Optional[tuple[str, tuple]]:
        """The question, the quick-vote call or the tie, above the options; None when there is nothing to ask."""
        workshop, language = self.workshop, self.language
        if workshop.pending_tie is not None:
            options = " / ".join(letter(n) for n in workshop.pending_tie)
            return t("tie", language, options=options), (250, 200, 60)
        if workshop.quick_vote():
            return t("quick_vote", language), AMBER
        question = workshop.question()
        if question is None:
            return None
        key = "key_prompt" if workshop.key_decision() is not None else "discussion_prompt"
        return t(key, language, question=pick(question, language)), AMBER

    def _reveal(self, painter: ProjectorPainter, top: int, bottom: int) -> None:
        """After a clear vote: the customer's reaction, the result in words, every option rated."""
        workshop, language = self.workshop, self.language
        record = workshop.records[-1]
        choices = workshop.options(workshop.state_before_last())
        if self.revealed is None:  # drawn only once the vote is revealed
            return
        counts = self.revealed.counts
        options = [Option(n, pick(c.text, language), counts.get(n, 0), c.rating, chosen=c.id == record.choice_id)
                   for n, c in enumerate(choices, start=1)]
        chosen = next(c for c in choices if c.id == record.choice_id)
        headline = t("room_chose", language, letter=record.chosen)
        painter.visited = workshop.visited(record.team)
        if record.tie:
            headline += " " + t("after_tie", language)
        painter.reveal(top, bottom, (headline, record.rating), pick(chosen.feedback, language),
                       workshop.meter(record.team), options, workshop.program,
                       past=self.past_shares(record.node, choices))

    def past_shares(self, node_id: str, choices) -> str:
        """How past cohorts chose at this decision, e.g. "Past cohorts (20 runs): A 10 % · B 60 % · C 30 %";
        empty when nobody recorded it. Shown only after the reveal: before, it would steer the vote."""
        counts = choices_at(self.workshop.program.id, node_id, self.past_records)
        total = sum(counts[choice.id] for choice in choices)
        if not total:
            return ""
        shares = " · ".join(t("option_share", self.language, option=letter(n),
                              percent=round(100 * counts[c.id] / total)) for n, c in enumerate(choices, start=1))
        return t("past_cohorts", self.language, n=total, shares=shares)

    def _notes(self, canvas: Canvas, to_room: bool) -> None:
        workshop, language = self.workshop, self.language
        decided = self.revealed is not None and workshop.pending_tie is None
        shown = workshop.state_before_last() if decided else None  # the options on screen (None: the current)
        minutes, seconds = divmod(math.ceil(self.timer_left), 60)
        notes = workshop.notes(shown)
        notes_text = pick(notes, language) if notes else None
        key = workshop.key_decision(shown)
        options = [NoteOption(letter(n), c.rating, c.stage, pick(c.feedback, language))
                   for n, c in enumerate(workshop.options(shown), start=1)]
        timer = f"{minutes}:{seconds:02d}" if self._voting() else ""  # the clock runs only while the room votes
        draw_notes(canvas, self.app.theme, language, timer, notes_text,
                   pick(key.model_answer, language) if key else None, options, to_room)

    def draw_presenter(self, surface: pygame.Surface) -> None:
        """Presenter notes on the second display's window."""
        self._notes(Canvas(surface, self.app.book), to_room=False)
