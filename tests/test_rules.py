"""The rules loader: lists merged across folders with `!entry` removals, the nickname list, YAML settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualdeid.detect.names.variants import NameVariants
from qualdeid.pseudonymise.surrogates import nickname_table
from qualdeid.rules import Nicknames, Rules, RulesError


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_project_list_adds_and_removes_entries_of_the_defaults(tmp_path: Path) -> None:
    default = Rules().words("lexicons/holidays.txt")
    assert "Anzac Day" in default
    _write(tmp_path, "lexicons/holidays.txt", "# our calendar\nFounders Picnic   # a site's own day\n!Anzac Day\n")
    merged = Rules([tmp_path]).words("lexicons/holidays.txt")
    assert "Founders Picnic" in merged and "Anzac Day" not in merged
    assert merged - {"Founders Picnic"} == default - {"Anzac Day"}


def test_lower_case_lists_remove_in_any_case(tmp_path: Path) -> None:
    _write(tmp_path, "names/first_names.txt", "!GRACE\nZephyrine\n")
    words = Rules([tmp_path]).words("names/first_names.txt", lower=True)
    assert "grace" not in words and "zephyrine" in words
    assert "grace" in Rules().words("names/first_names.txt", lower=True)


def test_a_list_is_read_again_when_its_file_changes(tmp_path: Path) -> None:
    path = _write(tmp_path, "allow.txt", "Recovery Star\n")
    assert "Recovery Star" in Rules([tmp_path]).words("allow.txt")
    path.write_text("Wellbeing Wheel, the long name\n", encoding="utf-8")
    assert "Recovery Star" not in Rules([tmp_path]).words("allow.txt")


def test_lists_are_frozen_so_no_reader_can_change_another_readers_copy() -> None:
    rules = Rules()
    words = rules.words("names/titles.txt")
    assert isinstance(words, frozenset) and rules.words("names/titles.txt") is words


@pytest.mark.parametrize(
    ("lines", "short", "formals"),
    [
        (["Abigail: Abby, Gail"], "abby", {"abigail"}),
        (["Alexander: Alex, Sandy", "Alexandra: Alex, Sandy"], "sandy", {"alexander", "alexandra"}),
        (["Fenella: Nell,  Fen ", "Eleanor: Nell"], "nell", {"fenella", "eleanor"}),
    ],
)
def test_nickname_lines_map_short_forms_to_formal_names_and_back(lines, short, formals) -> None:
    nicknames = Nicknames.parse(lines)
    assert nicknames.formals[short] == formals
    assert all(short in nicknames.shorts[f] for f in formals)
    assert short in nicknames.names and formals <= nicknames.names


def test_a_formal_name_is_not_its_own_short_form() -> None:
    nicknames = Nicknames.parse(["Ann: Ann, Annie"])
    assert "ann" not in nicknames.formals and nicknames.related("ann") == {"annie"}


def test_removing_a_nickname_line_changes_detection_and_scrub_alike(tmp_path: Path) -> None:
    _write(tmp_path, "names/nicknames.txt", "!Abigail: Abby, Abbie, Gail\nZebedee: Zeb\n")
    rules = Rules([tmp_path])
    assert "Abby" not in NameVariants(rules).of("Abigail") and "Abby" in NameVariants(Rules()).of("Abigail")
    table = nickname_table((tmp_path,))
    assert "abby" not in table and table["zeb"] == {"zebedee"}
    assert nickname_table()["abby"] == {"abigail"}


def test_settings_merge_mappings_and_a_later_value_wins(tmp_path: Path) -> None:
    _write(tmp_path, "rare/frames.yaml", "thresholds:\n  max_tokens: 9\n")
    base = Rules().settings("rare/frames.yaml")
    merged = Rules([tmp_path]).settings("rare/frames.yaml")
    assert merged["thresholds"] == {**base["thresholds"], "max_tokens": 9}


def test_yaml_word_lists_add_to_the_defaults_and_bang_removes(tmp_path: Path) -> None:
    _write(tmp_path, "rare/frames.yaml", "role_verbs: [apprentice, '!moonlight']\n")
    base = Rules().lists("rare/frames.yaml")["role_verbs"]
    merged = Rules([tmp_path]).lists("rare/frames.yaml")["role_verbs"]
    assert "moonlight" in base and merged == (base | {"apprentice"}) - {"moonlight"}


@pytest.mark.parametrize("entry", ["no", "on", "7"])
def test_a_word_yaml_reads_as_something_else_is_named_with_what_to_write(tmp_path: Path, entry: str) -> None:
    _write(tmp_path, "names/context.yaml", f"word_left: [{entry}]\n")
    with pytest.raises(RulesError) as err:
        Rules([tmp_path]).lists("names/context.yaml")
    assert "word_left" in str(err.value) and "quotes" in str(err.value)


def test_yaml_copies_are_the_callers_to_change() -> None:
    first = Rules().yaml("policy.yaml")
    first[0].clear()
    assert Rules().yaml("policy.yaml")[0]


def test_a_broken_yaml_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    path = _write(tmp_path, "risk.yaml", "sources_k: [3\n")
    with pytest.raises(RulesError) as err:
        Rules([tmp_path]).yaml("risk.yaml")
    assert str(path) in str(err.value) and "fix or remove the file" in str(err.value)


def test_titles_are_one_list_with_the_genders_some_give(tmp_path: Path) -> None:
    titles = Rules().titles
    assert {"mister", "madam", "pastor", "dr"} <= titles.names
    assert (titles.gender("Mrs."), titles.gender("Sir"), titles.gender("Dr")) == ("F", "M", None)
    _write(tmp_path, "names/title_genders.yaml", "female: [matron]\n")
    assert Rules([tmp_path]).titles.gender("Matron") == "F"
    from qualdeid.pseudonymise.identity import TITLES
    from qualdeid.risk.identifiers import DEFAULT_TITLES

    assert TITLES.names == DEFAULT_TITLES == titles.names  # scrub and risk read the detector's titles
