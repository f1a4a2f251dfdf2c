"""Interface text in English and Simplified Chinese."""

from __future__ import annotations

from game.vocab import MOT_LABELS as VOCAB_MOT_LABELS
from game.vocab import METER_MOODS, METER_WORDS, MOT_LABELS_ZH

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Moments of Truth", "zh": "关键时刻"},
    "app_subtitle": {"en": "A customer-service training game", "zh": "客户服务情景训练"},
    "continue": {"en": "Continue", "zh": "继续上次"},
    "settings": {"en": "Settings", "zh": "设置"},
    "quit": {"en": "Quit", "zh": "退出"},
    "best": {"en": "Best {score}", "zh": "最高 {score} 分"},
    "not_played": {"en": "Not played yet", "zh": "尚未完成"},
    "finished": {"en": "Finished", "zh": "已完成"},
    "customer_type": {"en": "Customer: {type}", "zh": "顾客类型：{type}"},
    "choose_hint": {"en": "1-9 or click to choose  ·  Backspace undo  ·  H history  ·  Esc menu",
                    "zh": "按 1-9 或点击选择 · Backspace 撤销 · H 对话记录 · Esc 菜单"},
    "continue_hint": {"en": "Space or click to continue", "zh": "按空格或点击继续"},
    "satisfaction": {"en": "Satisfaction", "zh": "满意度"},
    "meter_label": {"en": "Satisfaction: {mood} ({value})", "zh": "满意度：{mood}（{value}）"},
    "how_it_works": {"en": "Choose a scenario. You are the staff member: every choice moves the customer's "
                           "satisfaction. At the end you get a scorecard and a debrief of each decision.",
                     "zh": "选择一个情景。你扮演服务人员：每一个选择都会影响顾客的满意度。"
                           "结束时你会得到评分卡，以及对每个决定的复盘。"},
    "coaching": {"en": "Coaching", "zh": "教练点评"},
    "better_choice": {"en": "A better choice was open: {text}", "zh": "当时有更好的选择：{text}"},
    "resume": {"en": "Resume", "zh": "继续"},
    "history": {"en": "History", "zh": "对话记录"},
    "restart": {"en": "Restart scene", "zh": "重新开始本场景"},
    "main_menu": {"en": "Main menu", "zh": "主菜单"},
    "paused": {"en": "Paused", "zh": "已暂停"},
    "language": {"en": "Language", "zh": "语言"},
    "text_size": {"en": "Text size", "zh": "文字大小"},
    "high_contrast": {"en": "High contrast", "zh": "高对比度"},
    "fullscreen": {"en": "Fullscreen (F11)", "zh": "全屏(F11)"},
    "text_speed": {"en": "Text speed", "zh": "文字速度"},
    "coaching_mode": {"en": "Coaching after each choice", "zh": "每次选择后显示点评"},
    "reduce_motion": {"en": "Reduce motion", "zh": "减少动态效果"},
    "on": {"en": "On", "zh": "开"},
    "off": {"en": "Off", "zh": "关"},
    "back": {"en": "Back", "zh": "返回"},
    "speed_slow": {"en": "Slow", "zh": "慢"},
    "speed_normal": {"en": "Normal", "zh": "中"},
    "speed_fast": {"en": "Fast", "zh": "快"},
    "speed_instant": {"en": "Instant", "zh": "立即"},
    "learner": {"en": "Training records in your name", "zh": "培训记录署名"},
    "learner_name": {"en": "Your name", "zh": "姓名"},
    "learner_email": {"en": "Your email", "zh": "邮箱"},
    "not_set": {"en": "not set", "zh": "未填写"},
    "bad_email": {"en": "\"{text}\" is not an email address: type one such as name@example.com, or leave it empty.",
                  "zh": "“{text}”不是有效的邮箱地址：请填写类似 name@example.com 的地址，或留空。"},
    "typing_hint": {"en": "Type, Enter to save, Esc to cancel", "zh": "请输入，按 Enter 保存，Esc 取消"},
    "settings_hint": {"en": "Up/Down to pick, Left/Right or click to change, Esc to go back",
                      "zh": "上下键选择，左右键或点击修改，Esc 返回"},
    "score": {"en": "Score", "zh": "得分"},
    "grade": {"en": "Grade", "zh": "等级"},
    "relationship": {"en": "Relationship", "zh": "客户关系"},
    "service_level": {"en": "Service level", "zh": "服务层次"},
    "word_of_mouth": {"en": "Word of mouth", "zh": "口碑"},
    "tells_good": {"en": "Likely to tell {n} people good things", "zh": "可能会向 {n} 个人说好话"},
    "tells_bad": {"en": "Likely to tell {n} people about a bad experience", "zh": "可能会向 {n} 个人抱怨这次经历"},
    "tells_none": {"en": "Nothing worth telling anyone", "zh": "不会向别人提起"},
    "journey": {"en": "Your journey", "zh": "满意度变化"},
    "worst_moment": {"en": "Worst moment", "zh": "最差时刻"},
    "last_moment": {"en": "Last moment", "zh": "最后时刻"},
    "debrief": {"en": "Debrief", "zh": "复盘"},
    "what_if": {"en": "What if?", "zh": "换个做法"},
    "save_image": {"en": "Save image (S)", "zh": "保存图片(S)"},
    "saved_to": {"en": "Saved to {path}", "zh": "已保存到 {path}"},
    "saving": {"en": "Saving...", "zh": "正在保存……"},
    "select_option_first": {"en": "Choose an option first (its letter, or ↓), then type its count",
                            "zh": "请先选中一个选项(按字母键或 ↓),再输入票数"},
    "play_again": {"en": "Play again", "zh": "再玩一次"},
    "decision": {"en": "Decision {n}", "zh": "第 {n} 个决定"},
    "process_problems": {"en": "Process", "zh": "流程问题"},
    "offer_before_explore": {"en": "Offered before exploring", "zh": "还没探索就提出方案"},
    "act_before_offer": {"en": "Acted before offering", "zh": "还没提议就行动"},
    "skipped_explore": {"en": "Never explored", "zh": "没有探索"},
    "skipped_offer": {"en": "Never offered", "zh": "没有提议"},
    "skipped_act": {"en": "Never acted", "zh": "没有行动"},
    "skipped_confirm": {"en": "Never confirmed", "zh": "没有确认"},
    "process_ok": {"en": "Explore, offer, act, confirm: in order", "zh": "探索、提议、行动、确认：顺序正确"},
    "scene_errors": {"en": "This scene has errors", "zh": "这个场景有错误"},
    "errors_hint": {"en": "Fix the file and press F5 to reload, or Esc to go back",
                    "zh": "修改文件后按 F5 重新载入，或按 Esc 返回"},
    "reloaded": {"en": "Reloaded from disk", "zh": "已从磁盘重新载入"},
    "cannot_save": {"en": "Could not save in {folder} ({reason}): progress is not being kept. "
                          "Set MOT_SAVES_DIR to a folder you can write to.",
                    "zh": "无法保存到 {folder}（{reason}）：进度没有被保存。请把 MOT_SAVES_DIR 设为一个可写的文件夹。"},
    "place_gone": {"en": "Reloaded: your place no longer exists, so the scene starts over",
                   "zh": "已重新载入：原来的位置已不存在，场景从头开始"},
    "choice_changed": {"en": "Reloaded: a choice you made was changed in the file, so the scene starts over",
                       "zh": "已重新载入：你做过的某个选择在文件中被改动了，场景从头开始"},
    "notice": {"en": "Note", "zh": "提示"},
    "ok": {"en": "OK", "zh": "好的"},
    "start_again": {"en": "Start the scene again", "zh": "重新开始这个场景"},
    "explore": {"en": "Explore", "zh": "探索"},
    "offer": {"en": "Offer", "zh": "提议"},
    "act": {"en": "Act", "zh": "行动"},
    "confirm": {"en": "Confirm", "zh": "确认"},
    "stage_scores": {"en": "Stages", "zh": "各阶段表现"},
    "meter_change": {"en": "satisfaction {before} → {after}", "zh": "满意度 {before} → {after}"},
    "technique_score": {"en": "Technique {score}/100 · process", "zh": "服务技巧 {score}/100 · 流程"},
    "skipped": {"en": "skipped", "zh": "未做"},
    "facilitate": {"en": "Workshop", "zh": "主持工作坊"},
    "setup_title": {"en": "Workshop set-up", "zh": "工作坊设置"},
    "scenario": {"en": "Scenario", "zh": "情景"},
    "teams": {"en": "Teams", "zh": "小组"},
    "team_default": {"en": "Team {n}", "zh": "第{n}组"},
    "mode": {"en": "Teams play", "zh": "小组进行方式"},
    "mode_sequential": {"en": "one after another", "zh": "依次进行"},
    "mode_alternating": {"en": "taking turns at each decision", "zh": "每个决定轮流"},
    "teams_distinct": {"en": "Give every team its own name", "zh": "每个小组需要不同的名字"},
    "add_team": {"en": "Add a team", "zh": "添加小组"},
    "remove_team": {"en": "Remove the last team", "zh": "删除最后一组"},
    "start": {"en": "Start", "zh": "开始"},
    "setup_hint": {"en": "Click a team name and type to rename it · Left/Right change a setting · L language · "
                         "Enter starts",
                   "zh": "点击组名即可输入修改 · 左右键修改设置 · L 切换语言 · 回车开始"},
    "turn_of": {"en": "{team}'s turn", "zh": "轮到{team}"},
    "discussion": {"en": "Discuss", "zh": "讨论"},
    "discussion_prompt": {"en": "Discuss: {question}", "zh": "讨论：{question}"},
    "votes": {"en": "{n} votes", "zh": "{n} 票"},
    "vote_one": {"en": "1 vote", "zh": "1 票"},
    "ending_label": {"en": "Ending: {title}", "zh": "结局：{title}"},
    "path_label": {"en": "Path: {path}", "zh": "选择路径：{path}"},
    "timer_hint": {"en": "T timer · A–D vote, Shift takes back, digits type a count · R reveal · N notes · "
                         "L language · . blank",
                   "zh": "T 计时 · A–D 投票，Shift 撤回，数字键输入票数 · R 揭晓 · N 备注 · L 切换语言 · . 黑屏"},
    "tie": {"en": "Tie between {options}: the facilitator decides (press the letter)",
            "zh": "{options} 票数相同：请主持人按字母决定"},
    "room_chose": {"en": "The room chose {letter}", "zh": "大家选择了 {letter}"},
    "next_team": {"en": "Next: {team}", "zh": "下一组：{team}"},
    "presenter_notes": {"en": "Presenter notes", "zh": "主持人备注"},
    "ratings": {"en": "Ratings of the options", "zh": "各选项评分"},
    "time_up": {"en": "Time is up", "zh": "时间到"},
    "compare_title": {"en": "How the teams did", "zh": "各组结果对比"},
    "team": {"en": "Team", "zh": "小组"},
    "path": {"en": "Path", "zh": "选择路径"},
    "ending": {"en": "Ending", "zh": "结局"},
    "exported": {"en": "Results saved to {path}", "zh": "结果已保存到 {path}"},
    "enter_votes": {"en": "Enter the room's votes first (A-D)", "zh": "请先输入投票（A-D）"},
    "end_session": {"en": "End session and compare", "zh": "结束并对比结果"},
    "history_hint": {"en": "Up/Down or wheel to scroll, H or Esc to close", "zh": "上下键或滚轮翻页，H 或 Esc 关闭"},
    # facilitator mode (issue 15)
    "projector_hint": {"en": "PageDown next · PageUp back · N notes · L language · Esc menu",
                       "zh": "PageDown 下一步 · PageUp 返回 · N 备注 · L 切换语言 · Esc 菜单"},
    "quick_vote": {"en": "Quick vote: hands up, no discussion", "zh": "快速表决：举手投票，不讨论"},
    "key_prompt": {"en": "Key decision · Discuss: {question}", "zh": "关键决定 · 讨论：{question}"},
    "rooms_choice": {"en": "The room's choice", "zh": "大家的选择"},
    "after_tie": {"en": "(tie broken by the facilitator)", "zh": "（平票，由主持人决定）"},
    "past_cohorts": {"en": "Past cohorts ({n} runs): {shares}", "zh": "往期学员（共 {n} 次）：{shares}"},
    "score_line": {"en": "Score {score}/100 · grade {grade}", "zh": "得分 {score}/100 · 等级 {grade}"},
    "notes_visible": {"en": "The room can see these notes · N hides them",
                      "zh": "全场都能看到这些备注 · 按 N 隐藏"},
    "model_answer": {"en": "Model answer: {text}", "zh": "参考答案：{text}"},
    "notes_title": {"en": "Show the presenter notes to the room?", "zh": "要把主持人备注投到大屏幕上吗？"},
    "notes_message": {"en": "There is only one display, so the notes would be projected. They give away every "
                            "option's rating.",
                      "zh": "现在只有一个显示器，备注会直接投给全场看到，其中包含每个选项的评分。"},
    "notes_yes": {"en": "Show them to the room", "zh": "投给全场看"},
    "notes_no": {"en": "Keep them hidden", "zh": "不显示"},
    "back_title": {"en": "Take the last decision back?", "zh": "要撤回上一个决定吗？"},
    "back_message": {"en": "The {n} votes entered for this decision will be cleared.",
                     "zh": "这个决定已输入的 {n} 票将被清空。"},
    "back_yes": {"en": "Take it back, clear the votes", "zh": "撤回，清空票数"},
    "back_no": {"en": "Keep the votes", "zh": "保留票数"},
    "last_teams": {"en": "Use last session's teams: {teams}", "zh": "沿用上次的小组：{teams}"},
    "discuss": {"en": "Discuss", "zh": "讨论方式"},
    "discuss_all": {"en": "every decision", "zh": "每个决定都讨论"},
    "discuss_key": {"en": "the {n} key decisions only, quick votes for the rest",
                    "zh": "只讨论 {n} 个关键决定，其余快速表决"},
    "no_plan": {"en": "(this scenario has no workshop plan)", "zh": "（这个情景没有工作坊计划）"},
    "journeys_title": {"en": "Satisfaction over the decisions", "zh": "各组满意度变化"},
    "decisions_title": {"en": "Decision by decision", "zh": "逐个决定对比"},
    "key_title": {"en": "Key decision {n} of {total}", "zh": "关键决定 {n}/{total}"},
    "rubric_title": {"en": "Peer review", "zh": "交互点评"},
    "rubric_intro": {"en": "Each team reviews another team's choices against these criteria:",
                     "zh": "各组按以下标准点评另一组的选择："},
    "continued": {"en": "(continued)", "zh": "（续）"},
    "not_finished": {"en": "Did not finish", "zh": "未完成"},
    "not_reached": {"en": "Did not reach this decision", "zh": "没有走到这个决定"},
    "key_tag": {"en": "key decision", "zh": "关键决定"},
    "tie_tag": {"en": "tie broken by the facilitator", "zh": "平票由主持人决定"},
    "axis_satisfaction": {"en": "Satisfaction", "zh": "满意度"},
    "axis_decision": {"en": "Decision →", "zh": "决定 →"},
    "start_tick": {"en": "start", "zh": "开始"},
    "footer": {"en": "{scenario} · {date} · Teams: {teams} · page {page} of {total}",
               "zh": "{scenario} · {date} · 小组：{teams} · 第 {page}/{total} 页"},
    "compare_hint": {"en": "PageDown next page · PageUp back · S save PNG and PDF · L language · Esc menu",
                     "zh": "PageDown 下一页 · PageUp 上一页 · S 保存 PNG 和 PDF · L 切换语言 · Esc 菜单"},
    "votes_kept": {"en": "Nothing to take back: the votes stay", "zh": "没有可撤回的决定，票数保留"},
    # results sent to the learning record store (game/ui/sender.py)
    "lrs_refused": {"en": "The learning record store refused {count} result(s): {reason}. They are kept in "
                          "saves/outbox/refused; tell your trainer.",
                    "zh": "学习记录库拒收了 {count} 条成绩记录：{reason}。记录已保留在 saves/outbox/refused，"
                          "请告诉培训老师。"},
    "lrs_credentials": {"en": "Results cannot be sent: {reason}. They are kept and will be sent once the "
                              "LRS settings are fixed.",
                        "zh": "成绩暂时无法上传：{reason}。记录已妥善保存，学习记录库的设置改好后会自动补传。"},
}

MOT_LABELS = {  # the seed's rating table (game.vocab), capitalised for display
    "en": {level: label[0].upper() + label[1:] for level, label in VOCAB_MOT_LABELS.items()},
    "zh": dict(MOT_LABELS_ZH),
}
MOOD_LABELS = {  # the meter's one vocabulary (game.vocab), by expression name
    language: {METER_MOODS[level]: word for level, word in words.items()} for language, words in METER_WORDS.items()
}
SERVICE_LEVELS = {
    "en": {"not reached": "Not reached", "basic": "Basic", "satisfying": "Satisfying", "value-added": "Value-added",
           "memorable": "Memorable"},
    "zh": {"not reached": "未达到", "basic": "基本服务", "satisfying": "满意服务", "value-added": "增值服务",
           "memorable": "难忘服务"},
}
CUSTOMER_TYPES = {
    "en": {"demanding": "demanding", "influential": "influential", "steady": "steady", "compliant": "compliant",
           "silent": "silent", "talkative": "talkative", "shy": "shy"},
    "zh": {"demanding": "要求型", "influential": "影响型", "steady": "稳定型", "compliant": "恭顺型",
           "silent": "沉默型", "talkative": "喋喋不休型", "shy": "畏生型"},
}


def t(key: str, language: str, **values: object) -> str:
    """The interface text ``key`` in ``language`` (English when missing), formatted with ``values``."""
    entry = STRINGS[key]
    text = entry.get(language) or entry["en"]
    return text.format(**values) if values else text


def labelled(label: str, value: str, language: str) -> str:
    """``label: value`` with the colon the language uses."""
    return f"{label}：{value}" if language == "zh" else f"{label}:  {value}"


from game.ui.strings_trainee import TRAINEE_STRINGS  # noqa: E402  (the trainee screens' text, merged in)

STRINGS.update(TRAINEE_STRINGS)

STRINGS.update({  # why team names cannot start a workshop (keys of game.workshop.teams_problem)
    "team_needs_name": {"en": "Every team needs a name", "zh": "每个小组都需要一个名字"},
    "team_name_long": {"en": "The team name '{name}' is {n} characters long: keep it to {most}",
                       "zh": "小组名“{name}”有 {n} 个字符，请不超过 {most} 个"},
    "team_name_control": {"en": "The team name '{name}' contains the control character {code}: use letters, "
                                "digits, spaces and punctuation only",
                          "zh": "小组名“{name}”含有控制字符 {code}，请只用文字、数字、空格和标点"},
})
