"""The one catalogue of interface text: complete in every language, in step with the code, compiled.

A string missing in a language, a placeholder a translation lost, a key the code asks for that the catalogue
lacks, a catalogue entry no code uses, or a .mo file older than its .po each fail here.
"""

import ast
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from game import i18n, vocab
from game.cohort_html import REPORT_WORDS
from game.i18n import LOCALE_DIR, SOURCE, SOURCE_ENTRIES, compiled_catalogue, locale_name, t
from game.loader import load_scene
from game.paths import SCENES_DIR
from game.playthrough import play, transcript_text
from game.settings import TEXT_SPEEDS
from game.storage import REASONS
from game.workshop import MODES
from game.xapi import VERBS

GAME = Path(i18n.__file__).resolve().parent
WINDOW = GAME / "ui"
SOURCE_FILES = (GAME / "english.py", GAME / "english_screens.py")
TRANSLATED = [language for language in vocab.LANGUAGES if language != i18n.SOURCE_LANGUAGE]
# Keys the code builds from a vocabulary instead of writing them out: the prefix (or suffix) it writes, and
# every key of the family, each from the vocabulary it comes from.
FAMILIES = {
    "mot.": {f"mot.{level}" for level in vocab.MOT_LABELS},
    "mood.": {f"mood.{mood}" for mood in vocab.METER_MOODS.values()},
    "service.": {f"service.{level}" for level in vocab.SERVICE_LEVEL_NAMES},
    "customer_type.": {f"customer_type.{kind}" for kind in vocab.CUSTOMER_TYPES},
    "skipped_": {f"skipped_{stage}" for stage in vocab.STAGES},
    "speed_": {f"speed_{speed}" for speed in TEXT_SPEEDS},
    "mode_": {f"mode_{mode}" for mode in MODES},
    "voice_": {f"voice_{band}" for band in range(-3, 4)},
    "report.": {f"report.{word}" for word in REPORT_WORDS},
    "xapi.": {f"xapi.{verb}" for verb in VERBS},
    "reason.": {f"reason.{reason}" for reason in REASONS},
    "_one": {"tells_good_one", "tells_bad_one"},  # word of mouth: one person, not "1 people"
}
# Keys that are the core's own ids, passed on as they are: the stages, and Scorecard.out_of_order's codes.
VOCABULARY_KEYS = set(vocab.STAGES) | {"offer_before_explore", "act_before_offer"}


def _po(language: str):
    path = LOCALE_DIR / locale_name(language) / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    with path.open("rb") as file:
        return read_po(file)


def _messages(catalogue) -> dict[str, tuple[str, str]]:
    """context (the key) -> (English msgid, translation) of a Babel catalogue, header left out."""
    return {message.context: (message.id, message.string) for message in catalogue if message.id}


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _speaks_to_the_player(path: Path, tree: ast.Module) -> bool:
    """A window module, the catalogue itself, or a core module that imports the catalogue (or its Notice)."""
    return WINDOW in path.parents or path.name == "i18n.py" or any(
        isinstance(node, ast.ImportFrom) and node.module in ("game.i18n", "game.ui.strings", "game.storage")
        for node in ast.walk(tree))


def _code_strings() -> tuple[set[str], set[str], set[str]]:
    """Where keys can come from in the code that shows text: its string literals (not those read as a data
    field, compared with, or a dict's keys), and the constant heads and tails of f-strings and ``"a" + b``."""
    literals, heads, tails = set(), set(), set()
    for path in GAME.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path in SOURCE_FILES or not _speaks_to_the_player(path, tree):
            continue
        data = set()  # row["grade"], kind == "ending", {"hold": colour}: data names, not keys of the catalogue
        for node in ast.walk(tree):
            if isinstance(node, ast.Subscript):
                data.add(id(node.slice))
            elif isinstance(node, ast.Compare):
                data.update(id(operand) for operand in (node.left, *node.comparators))
            elif isinstance(node, ast.Dict):
                data.update(id(key) for key in node.keys if key is not None)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in data:
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first, last = node.values[0], node.values[-1]
                if isinstance(first, ast.Constant):
                    heads.add(first.value)
                if isinstance(last, ast.Constant):
                    tails.add(last.value)
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
                heads.add(node.left.value)
    return literals, heads, tails


def test_the_source_tables_have_each_key_once():
    keys = [key for key, _ in SOURCE_ENTRIES]
    assert len(keys) == len(set(keys)), sorted({key for key in keys if keys.count(key) > 1})
    assert all(english.strip() for english in SOURCE.values())


def test_the_languages_are_the_game_languages_and_each_has_a_catalogue():
    folders = {path.name for path in LOCALE_DIR.iterdir() if path.is_dir()}
    assert folders == {locale_name(language) for language in TRANSLATED}
    for language in TRANSLATED:
        assert _po(language).locale is not None and compiled_catalogue(language).is_file()


def test_the_template_is_what_pybabel_extracts_from_the_source_tables():
    extracted = {}
    for path in SOURCE_FILES:
        for _, message, _, context in extract_from_file("python", str(path), keywords={"entry": ((1, "c"), 2)},
                                                        comment_tags=("TRANSLATORS:",)):
            extracted[context] = message
    assert extracted == dict(SOURCE), "an entry() the extractor cannot read: key and English must be literals"
    with (LOCALE_DIR / f"{i18n.DOMAIN}.pot").open("rb") as file:
        template = _messages(read_po(file))
    assert {key: english for key, (english, _) in template.items()} == dict(SOURCE), \
        "game/locale/mot.pot is stale: run the extract and update commands of docs/translating.md"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_key_is_translated_in_every_language(language):
    catalogue = _po(language)
    messages = _messages(catalogue)
    missing = sorted(set(SOURCE) - set(messages))
    assert not missing, f"{language}: not in the catalogue (run `pybabel update`, then translate): {missing}"
    stale = sorted(set(messages) - set(SOURCE))
    assert not stale, f"{language}: entries no source text has: {stale}"
    changed = sorted(key for key, (english, _) in messages.items() if english != SOURCE[key])
    assert not changed, f"{language}: translated from an older English text: {changed}"
    assert not [key for key, (_, text) in messages.items() if not text.strip()], f"{language}: empty translations"
    assert not [m.context for m in catalogue if m.id and m.fuzzy], f"{language}: fuzzy entries to review"
    assert not catalogue.obsolete, f"{language}: obsolete entries (#~): update with --ignore-obsolete"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder(language):
    for key, (english, text) in _messages(_po(language)).items():
        assert _fields(text) == _fields(english), (language, key, text)
        values = {field: "x" for field in _fields(english)}
        assert t(key, language, **values)  # formats without a KeyError or a stray brace


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_matches_its_source(language):
    with compiled_catalogue(language).open("rb") as file:
        compiled = _messages(read_mo(file))
    assert compiled == _messages(_po(language)), \
        f"{compiled_catalogue(language)} is older than its .po: run `pybabel compile -d game/locale -D mot`"


def test_the_game_reads_the_catalogue_and_falls_back_to_english():
    assert t("app_title", "zh") == "关键时刻" and t("app_title", "en") == "Moments of Truth"
    assert t("language_name", "zh") == "简体中文" and t("language_name", "fr") == "English"
    assert t("decision", "zh", n=3) == "第 3 个决定"
    with pytest.raises(KeyError, match="no interface text 'no_such_key'"):
        t("no_such_key", "en")


def test_every_key_is_used_by_the_code():
    literals, heads, tails = _code_strings()
    for pattern, keys in FAMILIES.items():
        assert pattern in heads | tails, f"no code builds keys '{pattern}': remove the family"
        assert keys <= set(SOURCE), f"family '{pattern}' lacks {sorted(keys - set(SOURCE))}"
    built = set().union(*FAMILIES.values()) | VOCABULARY_KEYS
    unused = sorted(key for key in SOURCE if key not in literals and key not in built)
    assert not unused, f"catalogue entries no code uses (remove them from game/english*.py): {unused}"


def test_every_key_the_code_names_exists():
    named = []
    for path in GAME.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            first = node.args[0]
            if name in ("t", "interface_text") and isinstance(first, ast.Constant):
                named.append((path.name, node.lineno, first.value))
    assert len(named) > 100  # the scan finds the call sites
    assert [entry for entry in named if entry[2] not in SOURCE] == []


@pytest.mark.parametrize("language", vocab.LANGUAGES)
def test_the_transcript_uses_the_windows_words(language):
    program = load_scene(str(SCENES_DIR / "tire_refund.yaml")).program
    result = play(program, None, seed=1, language=language)
    card, text = result.scorecard, transcript_text(result, language)
    assert i18n.service_word(card.service_level, language) in text
    assert i18n.mot_label(card.relationship, language) in text
    for problem in i18n.process_problems(card.out_of_order, card.skipped_stages, language):
        assert problem in text


def test_the_game_reads_catalogues_without_babel():
    code = "import sys, game.i18n, game.ui.strings, game.playthrough; print('babel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=GAME.parent,
                            check=True, env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    assert result.stdout.strip() == "False"


def test_the_language_key_visits_every_language_in_turn():
    seen, language = [], vocab.LANGUAGES[0]
    for _ in vocab.LANGUAGES:
        seen.append(language)
        language = vocab.next_language(language)
    assert seen == list(vocab.LANGUAGES) and language == vocab.LANGUAGES[0]
    assert vocab.next_language("fr") == vocab.LANGUAGES[0]  # a setting from elsewhere still switches somewhere
