"""Generate large valid scenes for benchmarks.

    python benchmarks/generate.py NODES OUT.yaml [--meter] [--seed N]

The scene reads like the shipped ones at their density (about 2 KB of YAML per node): every node
has an English and a Chinese text of ordinary length, decisions offer three or four choices with
ids, feedback in both languages and principles. The graph is a run of chapters; each chapter is a
few layers of decision nodes that merge into the next layer, with narration lines between some
of them, a flag set in one chapter and read by conditions in the next (an always-open choice sits
beside every condition, so no decision can leave the player stuck), and one choice per chapter
that loops back to an earlier node. ``--meter`` adds a ``satisfaction`` condition in every other
chapter, the case that multiplies the analysis' states. Deterministic for a given size and seed,
so runs compare like with like.
"""

from __future__ import annotations

import argparse
import random
import sys

import yaml

STAGES = ["explore", "offer", "act", "confirm"]
PRINCIPLES = ["empathy", "emotion-first", "active-listening", "open-question", "closed-question",
              "manage-expectations", "win-win", "keep-promise", "confirm-satisfaction", "stay-calm",
              "no-defensiveness", "reframe", "what-we-can-do", "proactive-suggestion", "respect", "ownership"]
WIDTH = 24  # decision nodes per layer
LAYERS_PER_CHAPTER = 6
FLAGS = ("listened", "apologised", "checked_records")

# Sentence banks: each entry is (English, Chinese) of one idea; nodes combine three or four of them.
_CUSTOMER = [
    ("I have been waiting at this counter for almost twenty minutes and nobody has said a word to me.",
     "我在这个柜台前已经等了快二十分钟了，一个人都没来理我。"),
    ("The tyre you fitted last week is already flat, and I only drove it to work and back.",
     "你们上周给我换的轮胎已经瘪了，我也就开着上下班而已。"),
    ("My transfer left the account on Monday but the money still has not arrived.",
     "我周一就从账户里转出去了，钱到现在还没到。"),
    ("I was told on the phone that this would be sorted out today, and now you say next week.",
     "电话里说今天就能解决，现在你又说要等到下周。"),
    ("I do not want a discount, I want someone to tell me what actually happened.",
     "我不要什么折扣，我只想有人告诉我到底是怎么回事。"),
    ("My daughter is waiting in the car and I really cannot stay much longer.",
     "我女儿还在车里等着，我真的不能再耽搁了。"),
    ("Last time your colleague promised to call me back, and nobody ever did.",
     "上次你们同事答应给我回电话，结果一直没人打来。"),
    ("I have kept the receipt, the box and everything else you asked for.",
     "收据、盒子还有你们要的东西，我都留着呢。"),
]
_STAFF = [
    ("You glance at the queue behind her and at the clock above the door.",
     "你看了一眼她身后排着的队，又看了看门上方的钟。"),
    ("The system is slow this afternoon and the screen is still loading her file.",
     "今天下午系统很慢，屏幕上她的资料还在加载。"),
    ("Your manager is on the phone in the back office and cannot be disturbed.",
     "经理正在后面办公室里打电话，不方便打扰。"),
    ("A colleague at the next counter raises an eyebrow but says nothing.",
     "隔壁柜台的同事扬了扬眉毛，什么也没说。"),
    ("The rule book says refunds over this amount need a second signature.",
     "规章上写着，超过这个金额的退款需要第二个人签字。"),
    ("Outside, the rain is getting heavier and the shop is filling up.",
     "外面的雨越下越大，店里的人也越来越多。"),
]
_CHOICES = [
    ("Let her finish, then say: 'I am sorry you had to wait. Tell me what happened from the start.'",
     "等她说完，再说：“让您久等了，真对不起。您从头跟我说说是怎么回事。”"),
    ("Ask a closed question to narrow it down: 'Was it the left front tyre?'",
     "用封闭式问题缩小范围：“是左前轮吗？”"),
    ("Point to the sign on the wall: 'Company policy is thirty days, I am afraid.'",
     "指指墙上的告示：“公司规定是三十天，恐怕没办法。”"),
    ("Offer what you can do today: 'I can check it now and have an answer within the hour.'",
     "说清楚今天能做到的：“我现在就查，一个小时之内给您答复。”"),
    ("Promise it will be fixed by tonight, though you are not sure it can be.",
     "答应今晚之前一定解决，虽然你并不确定做不做得到。"),
    ("Call the colleague who handled it last time and put them on speaker.",
     "给上次经手的同事打电话，开着免提一起说。"),
    ("Write down her number and the time, and read both back to her.",
     "记下她的电话和时间，再念一遍给她确认。"),
    ("Ask: 'Is there anything else I can do so this does not happen again?'",
     "问一句：“还有什么我能做的，好让这种事不再发生？”"),
]
_FEEDBACK = [
    ("Handling the feeling first makes the facts easier to get: she now explains instead of arguing.",
     "先处理情绪，事实才好弄清：她现在是在说明情况，而不是在争吵。"),
    ("A closed question this early cuts her off before you know what she needs.",
     "这么早就用封闭式问题，还没弄清她要什么就把话头截断了。"),
    ("Hiding behind a rule tells her the policy matters more than she does.",
     "拿规定当挡箭牌，等于告诉她规定比她更重要。"),
    ("A concrete promise you can keep manages her expectations and earns trust.",
     "一个做得到的具体承诺，既管理了她的期望，也赢得了信任。"),
    ("Promising what you cannot keep buys a minute now and costs the relationship later.",
     "许下做不到的承诺，换来眼前一分钟的安静，赔上的是以后的关系。"),
]


def _both(bank: list, rng: random.Random, count: int) -> dict:
    picked = [bank[rng.randrange(len(bank))] for _ in range(count)]
    return {"en": " ".join(en for en, _ in picked), "zh": "".join(zh for _, zh in picked)}


def _layer_width(chapter: int, layer: int, width: int) -> int:
    """The first chapter widens from one node (3, 9, ...) so every node is reachable."""
    return min(width, 3 ** layer) if chapter == 0 else width


def _node_id(chapter: int, layer: int, slot: int) -> str:
    return f"c{chapter}_l{layer}_{slot}"


class _Builder:
    def __init__(self, nodes: int, seed: int, meter: bool):
        self.target = nodes
        self.rng = random.Random(seed)
        self.meter = meter
        self.nodes: dict = {}

    def build(self) -> dict:
        # a chapter holds WIDTH decisions per layer and a line after every odd layer's decisions;
        # the first chapter is 80 nodes smaller (it widens from one node)
        per_chapter = WIDTH * (LAYERS_PER_CHAPTER + LAYERS_PER_CHAPTER // 2)
        chapters = max(1, round((self.target + 69) / per_chapter))
        width = WIDTH
        self.nodes["opening"] = {"speaker": "narrator", "text": _both(_STAFF, self.rng, 3),
                                 "next": _node_id(0, 0, 0)}
        for chapter in range(chapters):
            self._chapter(chapter, chapters, width)
        for slot in range(10):
            self.nodes[f"end_{slot}"] = {"speaker": "narrator", "text": _both(_STAFF, self.rng, 2),
                                         "ending": f"ending_{slot}"}
        return self.nodes

    def _chapter(self, chapter: int, chapters: int, width: int) -> None:
        for layer in range(LAYERS_PER_CHAPTER):
            for slot in range(_layer_width(chapter, layer, width)):
                self._decision(chapter, layer, slot, chapters, width)

    def _targets(self, chapter: int, layer: int, slot: int, chapters: int, width: int) -> list[str]:
        if layer + 1 < LAYERS_PER_CHAPTER:
            after = _layer_width(chapter, layer + 1, width)
            following = [_node_id(chapter, layer + 1, (slot * 3 + k) % after) for k in range(4)]
        elif chapter + 1 < chapters:
            following = [_node_id(chapter + 1, 0, (slot * 3 + k) % width) for k in range(4)]
        else:
            following = [f"end_{(slot + k) % 10}" for k in range(4)]
        if layer % 2 == 1:  # half the way goes through a narration line first
            line_id = f"{_node_id(chapter, layer, slot)}_line"
            self.nodes[line_id] = {"speaker": "narrator", "text": _both(_STAFF, self.rng, 3), "next": following[0]}
            following[0] = line_id
        return following

    def _decision(self, chapter: int, layer: int, slot: int, chapters: int, width: int) -> None:
        rng = self.rng
        targets = self._targets(chapter, layer, slot, chapters, width)
        count = 3 + (slot + layer) % 2
        choices = [self._choice(rng, chapter, layer, index, targets[index]) for index in range(count)]
        flag = FLAGS[chapter % len(FLAGS)]
        if layer == 1 and slot % 2 == 0:
            choices[0]["set"] = {flag: True}
        if layer == 4 and slot % 3 == 0 and chapter > 0:
            choices[0]["set"] = {FLAGS[(chapter - 1) % len(FLAGS)]: False}  # the earlier flag is spent
        if layer == 3 and chapter > 0:
            choices[-1]["if"] = FLAGS[(chapter - 1) % len(FLAGS)]
        if layer == 2:
            choices[-1]["if"] = f"not {flag}"
        if self.meter and chapter % 2 == 1 and layer == 2:
            choices[1]["if"] = "satisfaction >= 2"
        if layer == 3 and slot == 0:  # a loop: ask the customer to repeat
            choices[-2]["next"] = _node_id(chapter, layer - 1, 0)
        self.nodes[_node_id(chapter, layer, slot)] = {
            "speaker": "customer", "text": _both(_CUSTOMER, rng, 3 + slot % 2), "choices": choices}

    def _choice(self, rng: random.Random, chapter: int, layer: int, index: int, target: str) -> dict:
        return {
            "id": f"opt_{index + 1}",
            "text": _both(_CHOICES, rng, 1),
            "stage": STAGES[(layer + index + chapter) % 4],
            "rating": rng.randint(-3, 3),
            "feedback": _both(_FEEDBACK, rng, 1),
            "principles": rng.sample(PRINCIPLES, 2),
            "next": target,
        }


def generate(nodes: int, seed: int = 1, meter: bool = False) -> dict:
    """A valid scene with about ``nodes`` nodes (both languages), every node reachable.

    Args:
        nodes: The number of nodes wanted (the result is within a few percent).
        seed: The random seed for texts and ratings.
        meter: Add a ``satisfaction`` condition in every other chapter.
    """
    scene_nodes = _Builder(nodes, seed, meter).build()
    endings = {f"ending_{slot}": {"title": {"en": f"Ending {slot}", "zh": f"结局 {slot}"},
                                  "text": {"en": _CUSTOMER[slot % len(_CUSTOMER)][0],
                                           "zh": _CUSTOMER[slot % len(_CUSTOMER)][1]},
                                  "outcome": slot % 7 - 3} for slot in range(10)}
    return {
        "format": 1, "id": f"generated_{nodes}", "title": {"en": "Generated", "zh": "生成的场景"},
        "summary": {"en": "A generated scene for benchmarks.", "zh": "用于性能测试的生成场景。"},
        "languages": ["en", "zh"],
        "setting": {"place": {"en": "A service counter", "zh": "服务柜台"}},
        "customer": {"name": {"en": "Ms. Lin", "zh": "林女士"}, "type": "demanding", "mood": 0},
        "cast": {"you": {"name": {"en": "You", "zh": "你"}, "role": "staff"},
                 "narrator": {"name": {"en": "Narrator", "zh": "旁白"}, "role": "narrator"}},
        "start": "opening", "nodes": scene_nodes, "endings": endings,
    }


def write(nodes: int, out: str, seed: int = 1, meter: bool = False) -> None:
    """Write a generated scene as YAML (block style, as authors write it)."""
    with open(out, "w", encoding="utf-8") as handle:
        yaml.dump(generate(nodes, seed, meter), handle, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                  allow_unicode=True, sort_keys=False, width=1000)


def main() -> int:
    """Write a generated scene to a file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nodes", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--meter", action="store_true", help="a satisfaction condition in every other chapter")
    args = parser.parse_args()
    write(args.nodes, args.out, args.seed, args.meter)
    return 0


if __name__ == "__main__":
    sys.exit(main())
