"""Surrogates: gender, locale, never a corpus name or a common word, stable from the secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualdeid.pseudonymise.surrogates import LocaleError, Surrogates, gender_table, is_common_word, nickname_table


def test_gender_table_from_faker_lists() -> None:
    table = gender_table()
    assert table["sarah"] == "F" and table["kevin"] == "M"
    assert len(table) > 500


@pytest.mark.parametrize("gender", ["F", "M"])
def test_pseudonym_has_the_gender_of_the_original(gender: str) -> None:
    s = Surrogates("en_AU", "secret")
    table = gender_table()
    names = [s.first_name(f"p{i}", gender) for i in range(30)]
    assert all(table.get(n.lower(), gender) == gender for n in names)


def test_never_a_corpus_name_nor_a_common_word_nor_reused() -> None:
    s = Surrogates("en_GB", "secret")
    pool = s.first_pools["F"]
    forbidden = {n.lower() for n in pool[: len(pool) // 2]}
    s = Surrogates("en_GB", "secret", forbidden=set(forbidden))
    names = [s.first_name(f"p{i}", "F") for i in range(60)]
    assert not {n.lower() for n in names} & forbidden
    assert len(set(names)) == len(names)
    assert not any(is_common_word(n) for n in names)
    assert is_common_word("Hope") and is_common_word("Will") and not is_common_word("Yesenia")


def test_word_names_shared_with_detection_are_never_pseudonyms(tmp_path: Path) -> None:
    # "Baker" is below the Zipf threshold: only rules/names/word_names.txt makes it a word
    assert is_common_word("Baker") and is_common_word("Brown")
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "word_names.txt").write_text("Yesenia\n", encoding="utf-8")
    assert is_common_word("Yesenia", rules_dirs=(tmp_path,)) and not is_common_word("Yesenia")


def test_nickname_table_is_the_detection_layers_and_a_project_adds_to_it(tmp_path: Path) -> None:
    assert "william" in nickname_table()["liam"] and "christopher" in nickname_table()["topher"]
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "nicknames.txt").write_text("Zebedee: Zeb\n", encoding="utf-8")
    assert nickname_table((tmp_path,))["zeb"] == {"zebedee"} and "zeb" not in nickname_table()


def test_stable_for_the_same_secret_and_key() -> None:
    a = Surrogates("en_US", "one").first_name("PERSON|joshua|hale", "M")
    b = Surrogates("en_US", "one").first_name("PERSON|joshua|hale", "M")
    others = {Surrogates("en_US", f"other{i}").first_name("PERSON|joshua|hale", "M") for i in range(5)}
    assert a == b and others - {a}


def test_locale_changes_the_pool_and_bad_locale_is_refused() -> None:
    assert Surrogates("en_IN", "x").last_pool != Surrogates("en_GB", "x").last_pool
    with pytest.raises(LocaleError, match="unknown locale"):
        Surrogates("xx_YY", "x")


def test_place_words_and_digits() -> None:
    s = Surrogates("en_GB", "x", forbidden={"marrowbank"})
    word = s.place_word("marrowbank")
    assert word.lower() != "marrowbank" and word[0].isupper()
    assert s.digits("12", "12") != "12" and len(s.digits("12", "12")) == 2
    assert s.whole_place("the north", "LOCATION")


def test_letters_never_run_out_in_a_large_corpus() -> None:
    from qualdeid.pseudonymise.surrogates import Surrogates

    sur = Surrogates("en_GB", "seed")
    initials = [sur.letters(f"middle:P{i}", 1) for i in range(60)]
    assert len(initials) == 60 and all(len(x) == 1 and x.isupper() for x in initials)
    assert len(set(initials)) == 26  # unused letters first, then reuse
