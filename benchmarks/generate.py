"""Generate large valid scenes for benchmarks: ``python benchmarks/generate.py NODES OUT.yaml``.

The scene is layered: each decision node offers three choices leading into the next layer, with
merges between neighbours, a few flags and conditions, and ten endings at the bottom. Deterministic
for a given size, so runs compare like with like.
"""

from __future__ import annotations

import random
import sys

import yaml

STAGES = ["explore", "offer", "act", "confirm"]
WIDTH = 50


def _width(layer: int) -> int:
    return min(WIDTH, 3 ** layer)


def generate(nodes: int, seed: int = 1) -> dict:
    """A valid scene with about ``nodes`` nodes (both languages), every node reachable."""
    rng = random.Random(seed)
    scene_nodes: dict = {}
    layer = 0
    while len(scene_nodes) + _width(layer) + 10 <= nodes or layer < 2:
        for slot in range(_width(layer)):
            scene_nodes[f"n{layer}_{slot}"] = None
        layer += 1
    layers = layer
    for layer in range(layers):
        for slot in range(_width(layer)):
            node_id = f"n{layer}_{slot}"
            if layer == layers - 1:
                scene_nodes[node_id] = _line(node_id, f"e{slot % 10}")
                continue
            targets = [f"n{layer + 1}_{(slot * 3 + offset) % _width(layer + 1)}" for offset in (0, 1, 2)]
            choices = [_choice(rng, layer, target, index) for index, target in enumerate(targets)]
            if layer % 5 == 1:
                choices[0]["set"] = {"listened": True}
            if layer % 7 == 3:
                choices[2]["if"] = "listened"
            scene_nodes[node_id] = {
                "speaker": "customer",
                "text": {"en": f"Customer line {node_id}, a sentence of ordinary length.",
                         "zh": f"顾客的话 {node_id},一句普通长度的句子。"},
                "choices": choices,
            }
    for slot in range(10):
        scene_nodes[f"e{slot}"] = {"speaker": "narrator", "text": {"en": "The end.", "zh": "结束。"},
                                   "ending": f"ending{slot}"}
    endings = {f"ending{slot}": {"title": {"en": f"Ending {slot}", "zh": f"结局 {slot}"},
                                 "text": {"en": "What happened.", "zh": "发生了什么。"},
                                 "outcome": slot % 7 - 3} for slot in range(10)}
    return {
        "format": 1, "id": f"generated_{nodes}", "title": {"en": "Generated", "zh": "生成"},
        "summary": {"en": "A generated scene.", "zh": "生成的场景。"}, "languages": ["en", "zh"],
        "setting": {"place": {"en": "A counter", "zh": "柜台"}},
        "customer": {"name": {"en": "Pat", "zh": "小王"}, "type": "steady", "mood": 0},
        "cast": {"you": {"name": {"en": "You", "zh": "你"}, "role": "staff"},
                 "narrator": {"name": {"en": "Narrator", "zh": "旁白"}, "role": "narrator"}},
        "start": "n0_0", "nodes": scene_nodes, "endings": endings,
    }


def _line(node_id: str, target: str) -> dict:
    return {"speaker": "narrator", "text": {"en": f"Narration {node_id}.", "zh": f"旁白 {node_id}。"}, "next": target}


def _choice(rng: random.Random, layer: int, target: str, index: int) -> dict:
    return {
        "text": {"en": f"Option {index + 1} at layer {layer}", "zh": f"第 {layer} 层的选项 {index + 1}"},
        "stage": STAGES[(layer + index) % 4],
        "rating": rng.randint(-3, 3),
        "feedback": {"en": "Why this rating.", "zh": "评分的理由。"},
        "principles": ["empathy"],
        "next": target,
    }


def main() -> int:
    """Write a generated scene to a file."""
    count, out = int(sys.argv[1]), sys.argv[2]
    with open(out, "w", encoding="utf-8") as handle:
        yaml.safe_dump(generate(count), handle, allow_unicode=True, sort_keys=False, width=1000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
