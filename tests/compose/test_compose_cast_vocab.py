"""The cast's vocabulary comes from rules/: kin words by relation, relation genders and the titles
compose re-genders, each changed by a project's own folder ("!word" removes, a new word adds)."""

from __future__ import annotations

from pathlib import Path

from qualdeid.compose.cast import Kinship


def test_default_kin_words_name_one_relation_and_titles_take_their_gender_from_the_title_list() -> None:
    kin = Kinship.load()
    assert kin.relation_of["mum"] == kin.relation_of["mother"] == "mother"
    assert kin.relation_of["granny"] == "grandmother"
    assert kin.relation_gender["aunt"] == "F" and kin.relation_gender["uncle"] == "M"
    assert "partner" not in kin.relation_gender
    assert kin.titles["madam"] == "F" and kin.titles["mister"] == "M" and kin.titles["mx"] is None
    assert "dr" not in kin.titles  # a title that is kept as written


def test_a_project_folder_adds_and_removes_kin_words_and_titles(tmp_path: Path) -> None:
    (tmp_path / "compose").mkdir()
    (tmp_path / "compose" / "relations.yaml").write_text("mother: ['!mam', mammy]\nuncle: [nunky]\n")
    (tmp_path / "compose" / "cast.yaml").write_text("address_titles: ['!mx']\nmale_relations: ['!uncle']\n")
    kin = Kinship.load((tmp_path,))
    assert kin.relation_of["mammy"] == "mother" and "mam" not in kin.relation_of
    assert kin.relation_of["nunky"] == "uncle" and "uncle" not in kin.relation_gender
    assert "mx" not in kin.titles and "mr" in kin.titles
