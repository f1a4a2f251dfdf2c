"""The cohort report as one self-contained HTML page: inline CSS and SVG, no script, no network.

Every text that reaches the page is escaped: learner and team names, and even scene texts, come
from people.
"""

from __future__ import annotations

import base64
import time
from html import escape
from typing import Optional

from game.cohort import (
    RunRecord, by_mode, choices_at, endings_reached, score_distribution, worst_moments,
)
from game.paths import ASSETS_DIR
from game.program import Program
from game.ltext import pick
from game.i18n import labelled, t
from game.vocab import LANGUAGE_TAGS, signed

# Diverging red-grey-blue (readable with the common colour-vision deficiencies): -3 ... +3.
RATING_COLOURS = {-3: "#b2182b", -2: "#d6604d", -1: "#f4a582", 0: "#bdbdbd", 1: "#92c5de", 2: "#4393c3",
                  3: "#2166ac"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# The report's words: the interface catalogue's "report.<word>" entries (game/i18n.py), one vocabulary with the game.
REPORT_WORDS = ("title", "runs", "source", "generated", "modes", "mode", "count", "finished", "average", "pass_rate",
                "scores", "endings", "decisions", "worst", "none", "answers", "legend", "practice",
                "assessment", "workshop", "no_worst", "times")

STYLE = """
body{font-family:"Noto Sans","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:24px 40px;
color:#1d2330;background:#fafafa}h1{margin:0 0 4px}h2{margin-top:32px;border-bottom:2px solid #dde;padding-bottom:4px}
.meta{color:#555}table{border-collapse:collapse}td,th{padding:4px 12px;border-bottom:1px solid #ddd;text-align:left}
.decision{background:#fff;border:1px solid #dde;border-radius:8px;padding:12px 16px;margin:14px 0}
.situation{color:#444;margin:0 0 8px}.option{display:grid;grid-template-columns:minmax(260px,1fr) 320px 90px;
gap:10px;align-items:center;margin:3px 0}.count{font-variant-numeric:tabular-nums}.legend span{display:inline-block;
padding:1px 8px;margin-right:4px;border-radius:3px;color:#000}.small{font-size:0.85em;color:#666}
"""


def render_report(program: Program, records: list[RunRecord], language: str = "en", source: str = "") -> str:
    """The report page for one scene."""
    words = {word: t(f"report.{word}", language) for word in REPORT_WORDS}
    runs = [r for r in records if r.scene == program.id]
    title = labelled(words["title"], pick(program.title, language), language)
    style = (_embedded_font() if language == "zh" else "") + STYLE
    tag = LANGUAGE_TAGS.get(language, "en")
    parts = [f"<!DOCTYPE html><html lang=\"{tag}\"><head><meta charset=\"utf-8\">",
             f"<title>{escape(title)}</title><style>{style}</style></head><body>", f"<h1>{escape(title)}</h1>",
             f"<p class=\"meta\">{escape(words['runs'].format(runs=len(runs), finished=sum(r.finished for r in runs)))}"
             f" · {escape(labelled(words['source'], source, language))}"
             f" · {escape(labelled(words['generated'], time.strftime('%Y-%m-%d %H:%M'), language))}</p>"]
    if not runs:
        parts.append(f"<p>{escape(words['none'])}</p>")
    else:
        parts += [_modes(runs, words), _scores(runs, words), _endings(program, runs, language, words),
                  _decisions(program, runs, language, words), _worst(program, runs, language, words)]
    parts.append("</body></html>")
    return "\n".join(parts)


def _embedded_font() -> str:
    """The game's own Chinese font inside the page, so it reads on a projector PC with no CJK font installed."""
    path = ASSETS_DIR / "fonts" / "NotoSansSC-Regular-subset.otf"
    if not path.is_file():
        return ""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'@font-face{{font-family:"Noto Sans";src:url(data:font/otf;base64,{data}) format("opentype")}}'


def _modes(runs: list[RunRecord], words: dict) -> str:
    rows = "".join(
        f"<tr><td>{escape(words.get(s.mode, s.mode))}</td><td>{s.runs}</td><td>{s.finished}</td>"
        f"<td>{'—' if s.average_score is None else f'{s.average_score:g}'}</td>"
        f"<td>{'—' if s.pass_rate is None else f'{s.pass_rate:.0%}'}</td></tr>" for s in by_mode(runs))
    head = "".join(f"<th>{escape(words[k])}</th>" for k in ("mode", "count", "finished", "average", "pass_rate"))
    return f"<h2>{escape(words['modes'])}</h2><table><tr>{head}</tr>{rows}</table>"


def _scores(runs: list[RunRecord], words: dict) -> str:
    bands = score_distribution(runs)
    tallest = max(bands.values()) or 1
    width, height, bar = 560, 200, 48
    shapes = []
    for index, (floor, count) in enumerate(bands.items()):
        x = 30 + index * (bar + 6)
        h = round(count / tallest * (height - 50))
        colour = RATING_COLOURS[max(-3, min(3, round((floor + 5 - 50) / 50 * 3)))]
        shapes.append(f'<rect x="{x}" y="{height - 25 - h}" width="{bar}" height="{h}" fill="{colour}"/>'
                      f'<text x="{x + bar / 2}" y="{height - 30 - h}" text-anchor="middle" font-size="12">{count}'
                      f'</text><text x="{x + bar / 2}" y="{height - 8}" text-anchor="middle" font-size="11">'
                      f'{floor}–{floor + 9 if floor < 90 else 100}</text>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
           f'aria-label="{escape(words["scores"])}"><line x1="26" y1="{height - 25}" x2="{width}" '
           f'y2="{height - 25}" stroke="#888"/>{"".join(shapes)}</svg>')
    return f"<h2>{escape(words['scores'])}</h2>{svg}"


def _bar(fraction: float, colour: str, width: int = 300) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="18"><rect width="{width}" height="18" '
            f'fill="#eceff3"/><rect width="{filled}" height="18" fill="{colour}"/></svg>')


def _endings(program: Program, runs: list[RunRecord], language: str, words: dict) -> str:
    counts = endings_reached(runs)
    total = sum(counts.values()) or 1
    rows = []
    for ending_id, ending in program.endings.items():
        count = counts.get(ending_id, 0)
        rows.append(f'<div class="option"><div>{escape(pick(ending.title, language))} '
                    f'<span class="small">({signed(ending.outcome)})</span></div>'
                    f'{_bar(count / total, RATING_COLOURS[ending.outcome])}<div class="count">{count}</div></div>')
    unknown = sum(c for e, c in counts.items() if e not in program.endings)
    if unknown:
        rows.append(f'<div class="option"><div>?</div>{_bar(unknown / total, "#777")}<div>{unknown}</div></div>')
    return f"<h2>{escape(words['endings'])}</h2>" + "".join(rows)


def _decisions(program: Program, runs: list[RunRecord], language: str, words: dict) -> str:
    legend = "".join(f'<span style="background:{c}">{signed(r)}</span>' for r, c in RATING_COLOURS.items())
    parts = [f"<h2>{escape(words['decisions'])}</h2>",
             f'<p class="legend small">{labelled(escape(words["legend"]), legend, language)}</p>']
    for node_id, node in program.nodes.items():
        if not node.choices:
            continue
        counts = choices_at(program.id, node_id, runs)
        total = sum(counts.values())
        if not total:
            continue
        rows = []
        for index, choice in enumerate(node.choices):
            count = counts.get(choice.id, 0)
            label = (f"{LETTERS[index % len(LETTERS)]}. {pick(choice.text, language)}")
            facts = t("report.rating_stage", language, rating=signed(choice.rating), stage=t(choice.stage, language))
            rows.append(f'<div class="option"><div>{escape(label)} <span class="small">{escape(facts)}</span></div>'
                        f'{_bar(count / total, RATING_COLOURS[choice.rating])}'
                        f'<div class="count">{count} ({count / total:.0%})</div></div>')
        parts.append(f'<div class="decision"><p class="situation"><b>{escape(node_id)}</b> · '
                     f'{escape(pick(node.text, language))} <span class="small">'
                     f'{escape(words["answers"].format(n=total))}</span></p>{"".join(rows)}</div>')
    return "".join(parts)


def _choice_words(program: Program, node_id: str, choice_id: str, language: str) -> tuple[str, Optional[int]]:
    node = program.nodes.get(node_id)
    choice = next((c for c in node.choices if c.id == choice_id), None) if node else None
    return (pick(choice.text, language), choice.rating) if choice else (choice_id, None)


def _worst(program: Program, runs: list[RunRecord], language: str, words: dict) -> str:
    items = []
    for (node_id, choice_id), count in worst_moments(runs):
        text, rating = _choice_words(program, node_id, choice_id, language)
        shown = f" ({signed(rating)})" if rating is not None else ""
        items.append(f"<li><b>{escape(words['times'].format(n=count))}</b> {escape(node_id)}: "
                     f"{escape(text)}{escape(shown)}</li>")
    body = f"<ol>{''.join(items)}</ol>" if items else f"<p>{escape(words['no_worst'])}</p>"
    return f"<h2>{escape(words['worst'])}</h2>{body}"
