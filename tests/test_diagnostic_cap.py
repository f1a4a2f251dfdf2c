"""The MOT014 summary of problems not listed: always printed last, and worded so it is true there."""

from __future__ import annotations

import yaml

from game.cli import main
from game.diagnostics import Diagnostic, cap_diagnostics, summary_last
from tests.conftest import linear_scene

LINE = "A line of ordinary length such as a customer would say at the counter"
VALID_HEAD = "format: 1\nid: capped\ntitle: {en: T, zh: T}\nlanguages: [en, zh]\n"


def test_the_summary_sorts_after_every_problem_it_summarises():
    spread = [Diagnostic("f", line, 1, "MOT204", "w") for line in range(1, 300, 2)]
    spread += [Diagnostic("f", 1, 1, "MOT201", "e"), Diagnostic("f", 900, 4, "MOT201", "e")]
    capped = cap_diagnostics(spread)
    assert sorted(capped, key=summary_last)[-1].code == "MOT014"
    assert sorted(capped, key=summary_last)[:-1] == sorted(d for d in capped if d.code != "MOT014")
    summary = capped[-1]
    assert (summary.line, summary.column) == (capped[-2].line, capped[-2].column)  # never 1:1 before the rest
    assert "fix the 100 listed" in summary.message and "above" not in summary.message


def test_validate_prints_the_summary_last(tmp_path, capsys):
    scene = tmp_path / "many.yaml"
    scene.write_text(VALID_HEAD + "".join(f"unknown_{n}: 1\n" for n in range(150)), encoding="utf-8")
    assert main(["validate", str(scene)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(str(scene))]
    assert len(lines) == 101 and "[MOT014]" in lines[-1] and "50 more" in lines[-1]
    assert not any("[MOT014]" in line for line in lines[:-1])


def _nodes_scene(make_node, count: int) -> str:
    """A valid scene (from the test helpers) with ``count`` more nodes z0, z1... made by ``make_node(n)``."""
    data = linear_scene([("explore", 1)])
    data["nodes"].update({f"z{n}": make_node(n) for n in range(count)})
    return yaml.safe_dump(data, sort_keys=False)


def test_unknown_fields_in_thousands_of_nodes_stop_being_counted_after_the_promised_bound():
    from game.loader import load_scene

    text = _nodes_scene(lambda n: {"speaker": "customer", "text": LINE, "next": f"gone{n}", f"bogus{n}": 1}, 5000)
    loaded = load_scene("many.yaml", text=text)
    assert len(loaded.diagnostics) == 101 and all(d.code == "MOT102" for d in loaded.diagnostics[:100])
    assert "at least 1,000 more" in loaded.diagnostics[-1].message
    assert any("nodes.z0: unknown field 'bogus0'" in d.message for d in loaded.diagnostics)


def test_a_few_hundred_unknown_node_fields_are_counted_exactly():
    from game.loader import load_scene

    text = _nodes_scene(lambda n: {"speaker": "customer", "text": LINE, "ending": "done", "bogus": 1}, 300)
    loaded = load_scene("some.yaml", text=text)
    assert "200 more" in loaded.diagnostics[-1].message and "at least" not in loaded.diagnostics[-1].message


def test_graph_checks_stop_after_the_bound_and_say_the_count_is_a_lower_bound():
    from game.loader import load_scene

    text = _nodes_scene(lambda n: {"speaker": "customer", "text": LINE, "next": f"gone{n}"}, 5000)
    loaded = load_scene("dangling.yaml", text=text)
    assert len(loaded.diagnostics) == 101 and loaded.diagnostics[-1].code == "MOT014"
    assert "at least 1,000 more" in loaded.diagnostics[-1].message and "may be more" in loaded.diagnostics[-1].message


def test_many_warnings_alone_are_all_checked_and_the_scene_still_loads():
    from game.loader import load_scene

    text = _nodes_scene(lambda n: {"speaker": "customer", "text": LINE, "ending": "done"}, 1500)
    loaded = load_scene("unreached.yaml", text=text)
    assert loaded.ok  # 1,500 unreachable nodes are warnings: counting them all is cheap and exact
    assert "1,400 more" in loaded.diagnostics[-1].message and "at least" not in loaded.diagnostics[-1].message
