"""Interface text of the call view (phone scenes), in both languages.

Kept apart from :mod:`game.ui.strings` so the phone drawing does not edit the shared table.
"""

from __future__ import annotations

PHONE_STRINGS: dict[str, dict[str, str]] = {
    "ringing": {"en": "Incoming call", "zh": "来电中"},
    "connected": {"en": "On the line", "zh": "通话中"},
    "hold": {"en": "On hold", "zh": "保留中"},
    "transfer": {"en": "Transferring", "zh": "转接中"},
    "ended": {"en": "Call ended", "zh": "已挂断"},
    "internal": {"en": "Internal line", "zh": "内线"},
    "caller": {"en": "Caller", "zh": "来电客户"},
    "colleague": {"en": "Colleague on the line", "zh": "线上同事"},
    "headset_live": {"en": "Your headset  ·  mic live", "zh": "你的耳麦 · 麦克风已开"},
    "headset_hold": {"en": "Your headset  ·  caller hears hold music", "zh": "你的耳麦 · 对方在听等待音乐"},
    "headset_transfer": {"en": "Your headset  ·  handing the call over", "zh": "你的耳麦 · 正在转出电话"},
    "headset_ringing": {"en": "Your headset  ·  ringing", "zh": "你的耳麦 · 来电提示音"},
    "headset_ended": {"en": "Your headset  ·  line free", "zh": "你的耳麦 · 线路空闲"},
    "voice_listening": {"en": "Listening to you", "zh": "在听你说"},
    "voice_hidden": {"en": "Voice", "zh": "语音"},
    "voice_-3": {"en": "Voice: shouting, fast", "zh": "语气：又急又冲，嗓门很大"},
    "voice_-2": {"en": "Voice: sharp, clipped", "zh": "语气：生硬，话很冲"},
    "voice_-1": {"en": "Voice: tight, controlled", "zh": "语气：压着火"},
    "voice_0": {"en": "Voice: even", "zh": "语气：平稳"},
    "voice_1": {"en": "Voice: relaxed", "zh": "语气：放松了"},
    "voice_2": {"en": "Voice: warm", "zh": "语气：热络起来了"},
    "voice_3": {"en": "Voice: warm, laughing", "zh": "语气：带着笑"},
    "hold_music": {"en": "hold music", "zh": "等待音乐"},
}


def pt(key: str, language: str) -> str:
    """The call view's text ``key`` in ``language`` (English when missing)."""
    entry = PHONE_STRINGS[key]
    return entry.get(language) or entry["en"]
