"""Every file under saves/ is data from disk and can be anything: set aside, say so, go on.

Classes covered: unreadable or unexpected run, settings, history and cache files (huge numbers, deep
nesting, wrong types, NaN, binary, FIFOs, folders, NUL bytes and long paths); cached names that would
become file names; two game windows writing at once; scenes edited between sessions.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.catalog import card_for, scan_scenes, thumbnail_file
from game.savestore import HISTORY_DIR, SaveStore, is_history_entry
from game.run import Run
from game.settings import Settings, load_settings
from game.storage import MAX_JSON_BYTES, Notice, read_json, set_aside, write_json
from tests.conftest import scene_dict

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = str(ROOT / "scenes" / "tutorial.yaml")

HOSTILE_JSON = {
    "long number": b'{"scene_path": ' + b"9" * 5000 + b', "state": {}}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep objects": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "NaN": b'{"scene_path": "x.yaml", "state": {"meter": NaN}}',
    "Infinity": b"[Infinity]",
    "not JSON": b"{not json",
    "binary": bytes(range(256)) * 4,
    "NUL bytes": b'{"a": "\x00\x00"}\x00',
    "UTF-16": '{"a": 1}'.encode("utf-16"),
    "empty": b"",
}
WRONG_SHAPES = {
    "null": None, "list": [], "string": "x", "number": 5, "no state": {"scene_path": "x.yaml"},
    "path is a list": {"scene_path": ["x"], "state": {}}, "NUL in path": {"scene_path": "a\x00b.yaml", "state": {}},
    "5000-char path": {"scene_path": "x" * 5000, "state": {}}, "state is a list": {"scene_path": "x", "state": []},
}


def _only_sentence(notices):
    assert len(notices) == 1, notices
    notice = notices[0]
    assert isinstance(notice, Notice) and notice.count(". ") == 0 and notice.endswith(".")
    assert notice.in_language("zh") != str(notice) and "。" in notice.in_language("zh")
    assert len(notice) < 300
    return notice


def _set_aside_copies(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.corrupt-*"))


# --- the run in progress ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw", HOSTILE_JSON.values(), ids=HOSTILE_JSON.keys())
def test_unreadable_run_files_are_set_aside_and_continue_is_not_offered(raw, tmp_path):
    (tmp_path / "current.json").write_bytes(raw)
    store = SaveStore(tmp_path)
    store.check_run()
    assert not store.has_run()
    _only_sentence(store.notices)
    [copy] = _set_aside_copies(tmp_path, "current.json")
    assert copy.read_bytes() == raw  # kept exactly as it was, for the player or a developer to look at


@pytest.mark.parametrize("data", WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_run_files_of_the_wrong_shape_are_set_aside(data, tmp_path):
    write_json(tmp_path / "current.json", data)
    store = SaveStore(tmp_path)
    store.check_run()
    assert not store.has_run() and store.load_run() is None
    _only_sentence(store.notices)
    assert _set_aside_copies(tmp_path, "current.json")


@pytest.mark.parametrize("scene_path", ["nowhere/missing.yaml", "x" * 1000 + ".yaml", str(ROOT)])
def test_a_run_whose_scene_cannot_be_read_is_set_aside_on_continue(scene_path, tmp_path):
    write_json(tmp_path / "current.json", {"scene_path": scene_path, "state": {}})
    store = SaveStore(tmp_path)
    store.check_run()
    assert store.has_run() and store.load_run() is None
    _only_sentence(store.notices)
    assert store.restart_path is None and not store.has_run()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("name", ["current.json", "settings.json", "history.json"])
def test_a_fifo_in_saves_never_blocks_start_up(name, tmp_path):
    os.mkfifo(tmp_path / name)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
            "from game.savestore import SaveStore; from game.settings import load_settings; "
            "s = SaveStore(Path(sys.argv[2])); s.check_run(); s.best_scores(); load_settings(Path(sys.argv[2])); "
            "print('started')")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), str(tmp_path)], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "started", done.stderr
    assert _set_aside_copies(tmp_path, name) and not (tmp_path / name).exists()


def test_a_folder_named_like_a_save_is_set_aside(tmp_path):
    (tmp_path / "current.json").mkdir()
    store = SaveStore(tmp_path)
    store.check_run()
    _only_sentence(store.notices)
    assert not store.has_run() and _set_aside_copies(tmp_path, "current.json")


def test_an_oversized_save_is_set_aside_without_reading_it(tmp_path):
    with open(tmp_path / "current.json", "wb") as handle:
        handle.truncate(MAX_JSON_BYTES + 1)
    assert "set aside" in read_json(tmp_path / "current.json").problem


def test_set_aside_never_overwrites_an_earlier_copy(tmp_path):
    for version in range(5):
        (tmp_path / "settings.json").write_text(f"broken {version}", encoding="utf-8")
        set_aside(tmp_path / "settings.json", "not_json")
    copies = _set_aside_copies(tmp_path, "settings.json")
    assert sorted(p.read_text(encoding="utf-8") for p in copies) == [f"broken {v}" for v in range(5)]


# --- settings --------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [*HOSTILE_JSON.values(), b'{"text_size": ' + b"1" * 5000 + b"}", b"null",
                                 b'{"language": ["en"]}', b'{"text_speed": {"a": 1}}', b'{"text_size": 1e308}',
                                 b'{"high_contrast": "yes"}', b"[]"])
def test_bad_settings_fall_back_to_defaults_and_are_set_aside(raw, tmp_path):
    (tmp_path / "settings.json").write_bytes(raw)
    settings, notice = load_settings(tmp_path)
    assert settings == Settings()
    assert notice is not None and "settings.json" in notice and _set_aside_copies(tmp_path, "settings.json")


# --- history ---------------------------------------------------------------------------------------

GOOD_ENTRY = {"scene": "tutorial", "ending": "delighted", "score": 80.0, "grade": "A", "date": "2026-01-01 10:00"}


@pytest.mark.parametrize("entry", [
    {"scene": ["x"]}, {"scene": "x", "score": "high"}, {"scene": "x", "score": float("inf")}, {"scene": {}},
    {"scene": "x", "score": True}, {"scene": "x", "score": 1, "date": ["d"]}, {"scene": "x", "score": 10 ** 300},
    {"scene": "x" * 1000, "score": 1},
])
def test_history_entries_of_the_wrong_shape_are_refused(entry):
    assert not is_history_entry(entry)


def test_legacy_history_with_bad_entries_is_set_aside_and_its_good_entries_kept(tmp_path):
    write_json(tmp_path / "history.json", [GOOD_ENTRY, {"scene": ["x"]}, "junk", GOOD_ENTRY])
    store = SaveStore(tmp_path)
    assert store.best_scores() == {"tutorial": 80.0}
    _only_sentence(store.notices)
    [copy] = _set_aside_copies(tmp_path, "history.json")
    assert len(json.loads(copy.read_text(encoding="utf-8"))) == 4
    assert len(SaveStore(tmp_path).finished_runs()) == 2  # the next start still has them


@pytest.mark.parametrize("data", [{"runs": [GOOD_ENTRY]}, "history", 7, None])
def test_legacy_history_that_is_not_a_list_is_set_aside_not_overwritten(data, tmp_path):
    write_json(tmp_path / "history.json", data)
    store = SaveStore(tmp_path)
    assert store.finished_runs() == []
    _only_sentence(store.notices)
    store.record_finished(_FakeRun(), _FakeCard(50.0))
    assert [copy.read_text(encoding="utf-8") for copy in _set_aside_copies(tmp_path, "history.json")] == \
        [json.dumps(data, indent=1)]
    assert len(store.finished_runs()) == 1


@pytest.mark.parametrize("raw", [b'{"scene": ["x"]}', b"[" * 100_000, b'{"scene": "t", "score": ' + b"1" * 5000 + b"}"])
def test_bad_history_files_are_set_aside_one_by_one(raw, tmp_path):
    store = SaveStore(tmp_path)
    store.record_finished(_FakeRun(), _FakeCard(70.0))
    (tmp_path / HISTORY_DIR / "00000000000000000001-1-bad.json").write_bytes(raw)
    fresh = SaveStore(tmp_path)
    assert fresh.best_scores() == {"fake": 70.0}
    _only_sentence(fresh.notices)
    assert len(list((tmp_path / HISTORY_DIR).glob("*.corrupt-*"))) == 1


def test_a_file_where_the_history_folder_should_be_is_set_aside(tmp_path):
    (tmp_path / HISTORY_DIR).write_text("not a folder", encoding="utf-8")
    store = SaveStore(tmp_path)
    assert store.finished_runs() == []
    _only_sentence(store.notices)
    store.record_finished(_FakeRun(), _FakeCard(10.0))
    assert len(store.finished_runs()) == 1


class _FakeRun:
    class program:  # noqa: N801 - stands in for a Program's id
        id = "fake"


class _FakeCard:
    def __init__(self, score):
        self.ending, self.score, self.grade = "done", score, "B"


# --- two windows at once ---------------------------------------------------------------------------

RECORDER = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from game.savestore import SaveStore
class Program: id = "scene" + sys.argv[3]
class FakeRun: program = Program
class Card: ending, grade = "done", "A"
print("ready", flush=True)
sys.stdin.readline()
store = SaveStore(Path(sys.argv[2]))
for number in range(int(sys.argv[4])):
    card = Card()
    card.score = float(number)
    store.record_finished(FakeRun(), card)
"""


def test_two_windows_finishing_runs_at_once_lose_no_entry(tmp_path):
    each = 150
    children = [subprocess.Popen([sys.executable, "-c", RECORDER, str(ROOT), str(tmp_path), str(n), str(each)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for n in range(2)]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    for child in children:  # released together
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        assert child.wait(timeout=120) == 0
        child.stdin.close()
        child.stdout.close()
    runs = SaveStore(tmp_path).finished_runs()
    assert len(runs) == 2 * each
    assert sorted(r["score"] for r in runs if r["scene"] == "scene0") == [float(n) for n in range(each)]


WRITER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from game.storage import write_json
end = time.time() + float(sys.argv[3])
count = 0
while time.time() < end:
    write_json(Path(sys.argv[2]) / "current.json", {"n": count})
    count += 1
print(count)
"""


def test_start_up_cleanup_never_removes_another_windows_temporary(tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(ROOT), str(tmp_path), "3"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started = time.time()
    starts = 0
    while time.time() - started < 3:
        SaveStore(tmp_path)  # what a second window does at start-up
        starts += 1
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err  # no FileNotFoundError from a temporary removed mid-write
    assert int(out) > 0 and starts > 0


# --- caches ----------------------------------------------------------------------------------------

_KEEP = object()


def _cache_with(tmp_path, card_changes=None, scenes=_KEEP):
    scenes_dir = tmp_path / "scenes"
    scenes_dir.mkdir(exist_ok=True)
    scene = scenes_dir / "tutorial.yaml"
    scene.write_text(Path(TUTORIAL).read_text(encoding="utf-8"), encoding="utf-8")
    cache = tmp_path / "saves" / "cache" / "scenes.json"
    scan_scenes(scenes_dir, cache)
    data = json.loads(cache.read_text(encoding="utf-8"))
    if scenes is not _KEEP:
        data["scenes"] = scenes
    else:
        data["scenes"][str(scene)]["card"].update(card_changes)
    write_json(cache, data)
    return scenes_dir, cache


@pytest.mark.parametrize("changes", [
    {"title": 5}, {"title": {"en": 5}}, {"place": ["x"]}, {"backdrop": "../../somewhere/file"}, {"backdrop": 3},
    {"backdrop": "/etc/x"}, {"errors": [{"code": "NOPE", "file": "f", "line": 1, "column": 1, "message": "m"}]},
    {"errors": "none"}, {"id": None}, {"extra": 1},
])
def test_cached_cards_are_validated_like_any_input(changes, tmp_path):
    scenes_dir, cache = _cache_with(tmp_path, card_changes=changes)
    [card] = scan_scenes(scenes_dir, cache)
    assert card == card_for(str(scenes_dir / "tutorial.yaml"))  # the bad entry was ignored and rebuilt


@pytest.mark.parametrize("scenes", [[], "x", 5, None, {"a": [1]}])
def test_a_cache_of_the_wrong_shape_is_rebuilt(scenes, tmp_path):
    scenes_dir, cache = _cache_with(tmp_path, scenes=scenes)
    [card] = scan_scenes(scenes_dir, cache)
    assert card.id == "tutorial"


@pytest.mark.parametrize("name", ["../../somewhere/file", "/abs", "a/b", "..", "x" * 40, "Store", "", 3, None])
def test_unsafe_backdrop_names_never_become_file_names(name, tmp_path):
    assert thumbnail_file(tmp_path, name, (10, 10), False) is None


def test_title_screen_writes_no_picture_outside_saves(tmp_path):
    pygame = pytest.importorskip("pygame")
    from game.ui.app import App

    scenes_dir, cache = _cache_with(tmp_path, card_changes={"backdrop": "../../escaped"})
    data = json.loads(cache.read_text(encoding="utf-8"))
    for entry in data["scenes"].values():  # a cache that still passes as valid JSON but names a path
        entry["card"]["backdrop"] = "../../escaped"
    write_json(cache, data)
    app = App(saves_folder=tmp_path / "saves", scenes_folder=scenes_dir)
    try:
        app.screen.draw(app.surface)
        picture = app.screen._thumbnail("../../escaped", (40, 30))  # even if a bad name got this far
        assert picture.get_size() == (40, 30)
        app.screen.update(0.0)
    finally:
        pygame.display.quit()
    assert not list(tmp_path.rglob("escaped*"))
    assert all(tmp_path / "saves" in p.parents for p in tmp_path.rglob("*.png"))


def _start_title_screen(scenes: Path, saves: Path):
    """Open the game on ``scenes`` once, draw its title screen, and close it; returns its cards."""
    pygame = pytest.importorskip("pygame")
    from game.ui.app import App

    app = App(saves_folder=saves, scenes_folder=scenes)
    try:
        app.screen.draw(app.surface)
        app.screen.update(0.0)  # the pictures a frame drew are written by the next update
        return list(app.cards)
    finally:
        pygame.display.quit()


def test_the_title_writes_its_pictures_after_the_frame_not_inside_draw(tmp_path):
    pygame = pytest.importorskip("pygame")
    from game.ui.app import App

    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "tutorial.yaml").write_text(Path(TUTORIAL).read_text(encoding="utf-8"), encoding="utf-8")
    app = App(saves_folder=tmp_path / "saves", scenes_folder=scenes)
    try:
        app.screen.draw(app.surface)
        assert not list((tmp_path / "saves").rglob("*.png")) and app.screen.unsaved_pictures
        app.screen.update(0.0)
        assert list((tmp_path / "saves" / "cache").glob("*.png")) and not app.screen.unsaved_pictures
    finally:
        pygame.display.quit()


@pytest.mark.parametrize("plant", ["symlink", "fifo", "folder"])
def test_a_picture_cache_name_taken_by_a_link_fifo_or_folder_is_never_written_through(plant, tmp_path):
    """The title screen replaces (or skips) what sits at a thumbnail's name: it never writes through a
    symbolic link to another file, never blocks opening a FIFO, and never fails on a folder."""
    if plant == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    scenes, saves = tmp_path / "scenes", tmp_path / "saves"
    scenes.mkdir()
    (scenes / "tutorial.yaml").write_text(Path(TUTORIAL).read_text(encoding="utf-8"), encoding="utf-8")
    _start_title_screen(scenes, saves)
    pictures = sorted((saves / "cache").glob("*.png"))
    assert pictures
    victim = tmp_path / "victim.txt"
    victim.write_text("important data", encoding="utf-8")
    for picture in pictures:
        picture.unlink()
        {"symlink": lambda p: os.symlink(victim, p), "fifo": os.mkfifo, "folder": Path.mkdir}[plant](picture)
    done = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                           "from tests.test_hostile_saves import _start_title_screen; "
                           "_start_title_screen(Path(sys.argv[1]), Path(sys.argv[2]))", str(scenes), str(saves)],
                          cwd=ROOT, timeout=120, capture_output=True, text=True,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert victim.read_text(encoding="utf-8") == "important data"
    if plant != "folder":  # a link or FIFO is replaced by the picture itself
        assert all(p.is_file() and not p.is_symlink() and p.read_bytes()[:4] == b"\x89PNG" for p in pictures)


def test_a_scene_file_name_that_is_not_utf8_gets_a_card_and_a_cache(tmp_path):
    """A name in another encoding reaches Python as surrogates; the cache keeps it as JSON escapes."""
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    name = os.fsdecode(b"caf\xe9.yaml")
    try:
        (scenes / name).write_text(Path(TUTORIAL).read_text(encoding="utf-8"), encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    for _start in range(2):  # the first start writes the cache, the second reads it back
        cards = _start_title_screen(scenes, tmp_path / "saves")
        assert [Path(card.path).name for card in cards] == [name] and not cards[0].errors
    assert read_json(tmp_path / "saves" / "cache" / "scenes.json").problem is None


# --- scenes edited between sessions ----------------------------------------------------------------

def _scene_without_ids(first_choice_texts):
    nodes = {
        "ask": {"speaker": "customer", "text": "Hello?", "choices": [
            {"text": text, "stage": "explore", "rating": rating, "feedback": "Why.", "principles": ["empathy"],
             "next": "end", **({"id": choice_id} if choice_id else {})}
            for text, rating, choice_id in first_choice_texts]},
        "end": {"speaker": "narrator", "text": "Done.", "ending": "done"},
    }
    return yaml.safe_dump(scene_dict(nodes), sort_keys=False)


def _save_after_choosing(tmp_path, choices, number):
    scene = tmp_path / "scene.yaml"
    scene.write_text(_scene_without_ids(choices), encoding="utf-8")
    run = Run.start(str(scene))
    while run.view("en").kind == "line":
        run.advance()
    run.choose(number)
    store = SaveStore(tmp_path / "saves")
    store.save_run(run)
    return scene


def test_a_choice_known_by_position_that_changed_is_refused_with_a_restart_offer(tmp_path):
    scene = _save_after_choosing(tmp_path, [("Listen", 2, None), ("Argue", -2, None)], 1)
    scene.write_text(_scene_without_ids([("Interrupt", -1, None), ("Listen", 2, None), ("Argue", -2, None)]),
                     encoding="utf-8")
    store = SaveStore(tmp_path / "saves")
    assert store.load_run() is None
    notice = _only_sentence(store.notices)
    assert "choice you made there has changed" in notice
    assert store.restart_path == str(scene)


def test_a_choice_known_by_id_is_resumed_by_id_after_an_insert(tmp_path):
    scene = _save_after_choosing(tmp_path, [("Listen", 2, "listen"), ("Argue", -2, "argue")], 1)
    scene.write_text(_scene_without_ids([("Interrupt", -1, "interrupt"), ("Listen, kindly", 2, "listen"),
                                         ("Argue", -2, "argue")]), encoding="utf-8")
    store = SaveStore(tmp_path / "saves")
    run = store.load_run()
    assert run is not None and run.state.steps[0].choice == "listen" and run.state.steps[0].rating == 2
    assert "replayed" in store.notices[0]


def test_an_edit_elsewhere_keeps_positional_choices_resumable(tmp_path):
    scene = _save_after_choosing(tmp_path, [("Listen", 2, None), ("Argue", -2, None)], 2)
    scene.write_text(scene.read_text(encoding="utf-8").replace("Hello?", "Hello there?"), encoding="utf-8")
    run = SaveStore(tmp_path / "saves").load_run()
    assert run is not None and run.state.steps[0].rating == -2


def test_the_bad_files_page_covers_each_kind_of_file():
    page = (ROOT / "docs" / "bad-files.md").read_text(encoding="utf-8")
    for mention in ("current.json", "settings.json", "history/", "history.json", "cache/scenes.json", "cache/*.png",
                    "MOT001", "MOT002", "MOT009", "MOT012", "MOT013", "MOT014", "FIFO", "Two game windows"):
        assert mention in page, mention
    assert "docs/bad-files.md" in (ROOT / "README.md").read_text(encoding="utf-8")


# --- any JSON at all --------------------------------------------------------------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)
_RUN_KEYS = st.fixed_dictionaries({}, optional={
    "scene_path": st.just(TUTORIAL) | st.text(max_size=30), "state": _JSON, "content_hash": _JSON,
    "choices": _JSON, "mode": _JSON, "scene": _JSON})
_STATE = st.fixed_dictionaries({}, optional={
    "save_version": st.integers(0, 3) | _JSON, "scene": _JSON, "node": st.text(max_size=12) | _JSON,
    "meter": _JSON, "flags": _JSON, "visited": _JSON,
    "steps": st.lists(st.fixed_dictionaries({}, optional={
        "node": st.text(max_size=12) | _JSON, "choice": st.text(max_size=5) | _JSON, "stage": _JSON,
        "rating": _JSON, "meter_before": _JSON, "meter_after": _JSON}), max_size=3) | _JSON})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_JSON | _RUN_KEYS, state=_STATE)
def test_any_json_in_the_run_file_is_resumed_or_set_aside(tmp_path, data, state):
    if isinstance(data, dict) and "state" in data:
        data = {**data, "state": state}
    folder = tmp_path / str(abs(hash(repr(data))))
    write_json(folder / "current.json", data)
    store = SaveStore(folder)
    store.check_run()
    run = store.load_run() if store.has_run() else None
    if run is None:  # not resumable: the file is kept aside, Continue is gone, and the player was told
        assert not store.has_run() and _set_aside_copies(folder, "current.json") and store.notices


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(settings_data=_JSON, history=_JSON, entry=_JSON)
def test_any_json_in_settings_and_history_is_read_or_set_aside(tmp_path, settings_data, history, entry):
    folder = tmp_path / str(abs(hash(repr((settings_data, history, entry)))))
    write_json(folder / "settings.json", settings_data)
    write_json(folder / "history.json", history)
    write_json(folder / HISTORY_DIR / "00000000000000000001-1-x.json", entry)
    loaded, _ = load_settings(folder)
    assert isinstance(loaded, Settings)
    best = SaveStore(folder).best_scores()
    assert all(isinstance(scene, str) and isinstance(score, float) for scene, score in best.items())


def test_the_game_starts_with_hostile_scene_files_in_its_folder(tmp_path):
    """Every bad scene becomes a card with its errors; none stops the title screen from opening."""
    pygame = pytest.importorskip("pygame")
    from game.ui.app import App

    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "tutorial.yaml").write_text(Path(TUTORIAL).read_text(encoding="utf-8"), encoding="utf-8")
    bad = {"tag.yaml": "format: !!int abc\n", "bool.yaml": "format: !!bool maybe\n",
           "number.yaml": "format: " + "1" * 5000 + "\n", "sexagesimal.yaml": "format: " + "1:" * 3000 + "1\n",
           "keys.yaml": '"evil\\e[2J\\nkey": 1\n', "anchor.yaml": "&k a: b\nc: *k\n",
           "dense.yaml": "x: [" + "1," * 60000 + "1]\n"}
    for name, text in bad.items():
        (scenes / name).write_text(text, encoding="utf-8")
    (scenes / "folder.yaml").mkdir()
    os.symlink(scenes / "missing.yaml", scenes / "dangling.yaml")
    if hasattr(os, "mkfifo"):
        os.mkfifo(scenes / "pipe.yaml")
    app = App(saves_folder=tmp_path / "saves", scenes_folder=scenes)
    try:
        app.screen.draw(app.surface)
        cards = {Path(card.path).name: card for card in app.cards}
    finally:
        pygame.display.quit()
    assert not cards["tutorial.yaml"].errors
    for name in [*bad, "dangling.yaml"] + (["pipe.yaml"] if hasattr(os, "mkfifo") else []):
        assert cards[name].errors and all(d.line >= 1 for d in cards[name].errors), name


def _two_step_scene(texts):
    choice = {"stage": "explore", "feedback": "Why.", "principles": ["empathy"], "next": "then"}
    nodes = {
        "ask": {"speaker": "customer", "text": "Hello?",
                "choices": [{**choice, "text": text, "rating": rating} for text, rating in texts]},
        "then": {"speaker": "customer", "text": "And?", "choices": [{**choice, "text": "Fine", "rating": 1,
                                                                      "next": "end"}]},
        "end": {"speaker": "narrator", "text": "Done.", "ending": "done"},
    }
    return yaml.safe_dump(scene_dict(nodes), sort_keys=False)


def test_f5_after_a_positional_choice_changed_starts_over_and_says_why(tmp_path):
    pygame = pytest.importorskip("pygame")
    from game.ui.app import App
    from game.ui.driver import key

    scene = tmp_path / "scene.yaml"
    scene.write_text(_two_step_scene([("Listen", 2), ("Argue", -2)]), encoding="utf-8")
    app = App(saves_folder=tmp_path / "saves", scenes_folder=tmp_path)
    try:
        app.start_scene(str(scene))
        while app.run.view("en").kind == "line":
            app.run.advance()
        app.choose(1)
        assert not app.run.is_over() and app.run.decisions == 1
        scene.write_text(_two_step_scene([("Interrupt", -1), ("Listen", 2), ("Argue", -2)]), encoding="utf-8")
        key(app, pygame.K_F5)
        assert app.run.decisions == 0 and app.toast is not None and "choice you made" in app.toast[0]
    finally:
        pygame.display.quit()
