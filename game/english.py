"""The English source of the interface text the core and the command line show, one entry per key.

English is the source language: each ``entry(key, text)`` becomes a catalogue message whose context is
the stable key and whose id is the English text (see docs/translating.md). The window's own texts are in
:mod:`game.english_screens`; :mod:`game.i18n` looks both up.
"""

from __future__ import annotations


def entry(key: str, english: str) -> tuple[str, str]:
    """Mark ``english`` as the source text of ``key``; ``pybabel extract -k entry:1c,2`` finds it."""
    return key, english


CORE_TEXTS: tuple[tuple[str, str], ...] = (  # words shared by the command line, the reports and the window
    # TRANSLATORS: the name of this language, written in this language
    entry("language_name", "English"),
    # TRANSLATORS: a label and its value, with the colon your language uses
    entry("labelled", "{label}: {value}"),
    # TRANSLATORS: what separates the items of a list of words
    entry("list_separator", ", "),
    # TRANSLATORS: the MOT rating scale, from +3 (delighted) to -3
    entry("mot.3", "Delighted"),
    entry("mot.2", "Exceeded expectations"),
    entry("mot.1", "Met expectations"),
    entry("mot.0", "Neutral"),
    entry("mot.-1", "Partly failed expectations"),
    entry("mot.-2", "Failed expectations"),
    entry("mot.-3", "Relationship endangered"),
    # TRANSLATORS: the customer's mood on the satisfaction meter, from furious to delighted
    entry("mood.furious", "Furious"),
    entry("mood.angry", "Angry"),
    entry("mood.upset", "Upset"),
    entry("mood.neutral", "Neutral"),
    entry("mood.content", "Content"),
    entry("mood.happy", "Happy"),
    entry("mood.delighted", "Delighted"),
    # TRANSLATORS: the meter's mood word and its level, e.g. Happy (+2)
    entry("meter_reading", "{word} ({level})"),
    entry("service.not reached", "Not reached"),
    entry("service.basic", "Basic"),
    entry("service.satisfying", "Satisfying"),
    entry("service.value-added", "Value-added"),
    entry("service.memorable", "Memorable"),
    entry("customer_type.demanding", "demanding"),
    entry("customer_type.influential", "influential"),
    entry("customer_type.steady", "steady"),
    entry("customer_type.compliant", "compliant"),
    entry("customer_type.silent", "silent"),
    entry("customer_type.talkative", "talkative"),
    entry("customer_type.shy", "shy"),
    entry("explore", "Explore"),
    entry("offer", "Offer"),
    entry("act", "Act"),
    entry("confirm", "Confirm"),
    entry("offer_before_explore", "Offered before exploring"),
    entry("act_before_offer", "Acted before offering"),
    entry("skipped_explore", "Never explored"),
    entry("skipped_offer", "Never offered"),
    entry("skipped_act", "Never acted"),
    entry("skipped_confirm", "Never confirmed"),
    entry("process_ok", "Explore, offer, act, confirm: in order"),
    entry("technique_score", "Technique {score}/100 · process"),
    entry("score_line", "Score {score}/100 · grade {grade}"),
    entry("meter_change", "satisfaction {before} → {after}"),
    entry("ending_label", "Ending: {title}"),
    entry("transcript_customer", "Outcome for the customer: relationship {level} ({label}), service level: "
                                 "{service}; the ending's outcome {outcome}, satisfaction {meter}"),
    entry("report.title", "Cohort report"),
    entry("report.runs", "{runs} runs ({finished} finished)"),
    entry("report.source", "Source"),
    entry("report.generated", "Generated"),
    entry("report.modes", "Practice and assessment"),
    entry("report.mode", "Mode"),
    entry("report.count", "Runs"),
    entry("report.finished", "Finished"),
    entry("report.average", "Average score"),
    entry("report.pass_rate", "Passed"),
    entry("report.scores", "Score distribution"),
    entry("report.endings", "Endings reached"),
    entry("report.decisions", "How the cohort chose, decision by decision"),
    entry("report.worst", "Most common worst moments"),
    entry("report.none", "No records yet for this scene."),
    entry("report.answers", "{n} answers"),
    entry("report.legend", "Bar colour: the option's rating"),
    entry("report.practice", "practice"),
    entry("report.assessment", "assessment"),
    entry("report.workshop", "workshop"),
    entry("report.no_worst", "No run had a negative moment."),
    entry("report.times", "{n}×"),
    entry("report.rating_stage", "(rating {rating}, {stage})"),
    # TRANSLATORS: the xAPI verbs of the results sent to a learning record store (the English is ADL's)
    entry("xapi.launched", "launched"),
    entry("xapi.answered", "answered"),
    entry("xapi.completed", "completed"),
    entry("xapi.passed", "passed"),
    entry("xapi.failed", "failed"),
    # TRANSLATORS: a save or settings file the game could not use: {path} its name, {reason} why (reason.*)
    entry("notice_skipped", "{path} was skipped because {reason}; it was left as it is."),
    entry("notice_set_aside", "{path} was set aside as {target} because {reason}; the game goes on without it."),
    entry("notice_ignored", "{path} was ignored because {reason}; it could not be moved aside."),
    entry("notice_history_unreadable", "The run history in {folder}/ could not be read; the game goes on without it."),
    entry("notice_replayed", "The scene was edited since this save; your choices were replayed on the new version."),
    # TRANSLATORS: why a file was set aside; English follows "because", Chinese follows the file name
    entry("reason.unreadable", "it could not be read"),
    entry("reason.not_regular", "it is not an ordinary file"),
    entry("reason.too_large", "it is far larger than anything the game saves"),
    entry("reason.not_json", "it is not valid JSON"),
    entry("reason.unexpected", "its contents are not what the game saves there"),
    entry("reason.settings", "its values are not valid settings"),
    entry("reason.run", "the saved run does not match its scene"),
    entry("reason.scene_changed", "the scene was edited since this save and a choice you made there has changed"),
    entry("reason.scene_gone", "the scene was edited since this save and the place you were at no longer exists"),
    entry("reason.scene_errors", "its scene now has errors"),
)
