"""Interface text of the trainee's screens added with the briefing, assessment mode and paged layouts.

Kept apart from :mod:`game.ui.strings` (which merges it in) so the screens of different helpers
do not edit one long table.
"""

from __future__ import annotations

TRAINEE_STRINGS: dict[str, dict[str, str]] = {
    "chart_start": {"en": "Start", "zh": "开始"},
    "chart_decisions": {"en": "Your decisions", "zh": "你的决定"},
    "chart_events": {"en": "Story events", "zh": "情节变化"},
    "tells_good_one": {"en": "Likely to tell one person good things", "zh": "可能会向一个人说好话"},
    "tells_bad_one": {"en": "Likely to tell one person about a bad experience", "zh": "可能会向一个人抱怨这次经历"},
    "briefing_hint": {"en": "Enter: {action}  ·  ←→ or Tab: another button  ·  ↑↓ PgUp/PgDn: scroll  ·  Esc: back",
                      "zh": "回车：{action} · ←→ 或 Tab：换一个按钮 · ↑↓ PgUp/PgDn：滚动 · Esc：返回"},
    "scorecard_hint": {"en": "←→ or Tab: pick a button, then Enter  ·  S: save image  ·  Esc: main menu",
                       "zh": "←→ 或 Tab：选按钮，再按回车 · S：保存图片 · Esc：主菜单"},
    "scorecard_hint_focused": {"en": "Enter: {action}  ·  ←→ or Tab: another button  ·  Esc: main menu",
                               "zh": "回车：{action} · ←→ 或 Tab：换一个按钮 · Esc：主菜单"},
    "choose_hint": {"en": "1-9, or ↑↓ then Enter, or click to choose  ·  Backspace undo  ·  H history",
                    "zh": "按 1-9，或 ↑↓ 选中后回车，或点击选择 · Backspace 撤销 · H 对话记录"},
    "choose_hint_assessment": {"en": "1-9, or ↑↓ then Enter, or click to choose  ·  H history",
                               "zh": "按 1-9，或 ↑↓ 选中后回车，或点击选择 · H 对话记录"},
    "more_hint": {"en": "Space or click for more", "zh": "按空格或点击看下文"},
    "recap": {"en": "{speaker}: {text}", "zh": "{speaker}：{text}"},
    "options_page": {"en": "Options {first}–{last} of {total}  ·  PgUp/PgDn",
                     "zh": "第 {first}–{last} 项，共 {total} 项 · PgUp/PgDn 翻页"},
    "card_more": {"en": "Space: more ({page}/{pages})", "zh": "按空格继续（{page}/{pages}）"},
    "assessment_meter": {"en": "Assessment: reactions shown at the end", "zh": "考核模式：结束后显示反应"},
    "no_undo_in_assessment": {"en": "No undo in an assessment", "zh": "考核模式不能撤销"},
    "briefing": {"en": "Briefing", "zh": "情景简介"},
    "setting_label": {"en": "Where", "zh": "地点"},
    "customer_label": {"en": "The customer", "zh": "顾客"},
    "objectives": {"en": "What to practise", "zh": "练习目标"},
    "keys_label": {"en": "Keys", "zh": "按键"},
    "keys_text": {"en": "Space or click: next line  ·  1-9, or ↑↓ then Enter: choose  ·  Backspace: undo  ·  "
                        "H: history  ·  L: language  ·  Esc: menu",
                  "zh": "空格或点击：下一句 · 1-9，或 ↑↓ 选中后回车：选择 · Backspace：撤销 · H：对话记录 · "
                        "L：切换语言 · Esc：菜单"},
    "assessment_rules_label": {"en": "Assessment rules", "zh": "考核规则"},
    "assessment_rules": {"en": "The customer's reactions and the meter stay hidden until the scorecard. No coaching "
                               "and no undo; \"what if\" opens after the end. The run is recorded as an assessment.",
                         "zh": "顾客的反应和满意度在评分卡之前都不显示。没有点评，不能撤销；结束后才能“如果当时……”。"
                               "本次记录标为考核。"},
    "start_practice": {"en": "Start practice", "zh": "开始练习"},
    "start_assessment": {"en": "Start assessment", "zh": "开始考核"},
    "back": {"en": "Back", "zh": "返回"},
    "continue_named": {"en": "Continue: {scene} · decision {n}", "zh": "继续：{scene} · 第 {n} 个决定"},
    "continue_named_start": {"en": "Continue: {scene}", "zh": "继续：{scene}"},
    "replace_run_title": {"en": "Start a new scene?", "zh": "开始新的情景？"},
    "replace_run": {"en": "You have an unfinished run of \"{scene}\" (decision {n}). Starting \"{new}\" ends it.",
                    "zh": "你还有未完成的“{scene}”（第 {n} 个决定）。开始“{new}”会结束它。"},
    "replace_run_yes": {"en": "Start \"{new}\"", "zh": "开始“{new}”"},
    "keep_run": {"en": "Keep my run", "zh": "保留原进度"},
    "assessment_badge": {"en": "Assessment", "zh": "考核"},
    "summary_label": {"en": "About this scene", "zh": "情景概要"},
    "more_scenes": {"en": "Scenes {first}–{last} of {total}  ·  PgUp/PgDn",
                    "zh": "第 {first}–{last} 个情景，共 {total} 个 · PgUp/PgDn 翻页"},
    "scrollbar_hint": {"en": "Wheel or PgUp/PgDn to scroll", "zh": "滚轮或 PgUp/PgDn 滚动"},
}
