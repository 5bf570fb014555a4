"""Terms that are never identifiers and the synonym table: plain lists in rules/, read through the
rules loader (a project folder adds entries or takes them back with "!entry")."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from qualdeid.risk import load_risk_config
from qualdeid.risk.lexicon import Definitions, NeverIdentifiers, Related, Synonyms, fold
from qualdeid.rules import default_rules_dir


@pytest.fixture(scope="module")
def never() -> NeverIdentifiers:
    return NeverIdentifiers.load(load_risk_config().never_lists)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We marked Anzac Day with the others.", ["Anzac Day"]),
        ("She went to the CMHT twice and had an ECG.", ["CMHT", "ECG"]),
        ("He was held under the Mental Health Act for a week.", ["Mental Health Act"]),
        ("Her whānau came, and later her Whanau again.", ["whānau", "Whanau"]),  # macron optional
        ("a talanoa for Pasifika families", ["talanoa", "Pasifika"]),
        ("the drop-in and the drop in", ["drop-in", "drop in"]),  # hyphen optional
    ],
)
def test_listed_terms_are_found_in_any_case_and_spelling(never: NeverIdentifiers, text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in never.spans(text)] == found


def test_words_inside_other_words_are_not_terms(never: NeverIdentifiers) -> None:
    assert never.spans("The ECGs were fine; a kaiser roll; Matarikian") == []
    assert "CMHT" in never and "cmht" in never and "Bramblecote" not in never


def test_a_project_folder_adds_and_removes_terms(tmp_path: Path) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "service_types.txt").write_text("Wellbeing Hub\n!CMHT\n", encoding="utf-8")
    never = NeverIdentifiers.load(load_risk_config().never_lists, [tmp_path])
    assert "Wellbeing Hub" in never and "CMHT" not in never


def test_synonyms_read_a_group_as_its_first_word() -> None:
    syn = Synonyms.load()
    assert {syn.of(w) for w in ("mum", "mam", "mother")} == {"mother"}
    assert syn.of("grandkid") == syn.of("grandchild")
    assert syn.of("kettle") == "kettle"  # no group: itself
    words = ["he", "had", "a", "glass", "eye", "and", "drove", "a", "b", "double"]
    assert syn.phrases(words) == [(3, 5, "artificial eye"), (8, 10, "truck")]


def test_a_project_folder_adds_synonym_groups(tmp_path: Path) -> None:
    (tmp_path / "synonyms.txt").write_text("tram: streetcar, trolley car\n", encoding="utf-8")
    syn = Synonyms.load([tmp_path])
    assert syn.of("streetcar") == "tram" and syn.of(fold("Trolley-Car")) == "tram"


def test_related_words_come_from_the_shipped_table_and_a_project_folder(tmp_path: Path) -> None:
    related = Related.load()
    assert "piano" in related.of("pianist") and "pianist" in related.of("piano")  # a derivation, both ways
    assert "jewellery" in related.of("earring") and "earring" not in related.of("jewellery")  # broader: one way
    assert related.of("kettle-descaler") == frozenset()
    (tmp_path / "risk").mkdir()
    (tmp_path / "risk" / "related.txt").write_text("zither: dulcimer\n", encoding="utf-8")
    assert "dulcimer" in Related.load([tmp_path]).of("zither")


def test_relations_wordnet_lacks_are_read_from_the_hand_written_table(tmp_path: Path) -> None:
    related = Related.load()
    assert "cattle" in related.of("muster")  # a kind of work and what it handles
    assert "anvil" in related.of("farrier") and "piano" in related.of("pianist")  # both tables together
    (tmp_path / "risk").mkdir()
    (tmp_path / "risk" / "related_hand.txt").write_text("!muster: roundup, cattle, livestock, sheep, stock, herd\n")
    assert "cattle" not in Related.load([default_rules_dir(), tmp_path]).of("muster")  # a project takes it back


def test_the_shipped_related_table_is_the_one_built_from_wordnet() -> None:
    folder = default_rules_dir() / "risk"
    recorded = re.search(r"sha256 of the file as built: `([0-9a-f]{64})`", (folder / "README.md").read_text())
    assert recorded is not None
    assert hashlib.sha256((folder / "related.txt").read_bytes()).hexdigest() == recorded.group(1)


def test_the_shipped_person_nouns_are_the_ones_built_from_wordnet() -> None:
    folder = default_rules_dir() / "risk"
    recorded = re.findall(r"sha256 of the file as built: `([0-9a-f]{64})`", (folder / "README.md").read_text())
    assert hashlib.sha256((folder / "person_nouns.txt").read_bytes()).hexdigest() in recorded


def test_the_shipped_definitions_are_the_ones_built_from_wordnet(tmp_path) -> None:
    folder = default_rules_dir() / "risk"
    recorded = re.findall(r"sha256 of the file as built: `([0-9a-f]{64})`", (folder / "README.md").read_text())
    assert hashlib.sha256((folder / "definitions.txt").read_bytes()).hexdigest() in recorded
    definitions = Definitions.load()
    assert {"horse", "shoe"} <= definitions.of("farrier")
    (tmp_path / "risk").mkdir()
    (tmp_path / "risk" / "definitions.txt").write_text("zither: string, pluck\n", encoding="utf-8")
    assert Definitions.load([tmp_path]).of("zither") >= {"string", "pluck"}  # added to WordNet's


@pytest.mark.parametrize(
    ("text", "word", "norm"),
    [
        ("She got inked on her birthday.", "inked", "tattoo"),  # a variant listed as written: by its form
        ("He spilled ink on the form.", "ink", "ink"),  # its lemma has no group: itself
        ("The telly was on all night.", "telly", "television"),  # informal words and abbreviations
        ("He bought plasters at the chemist.", "chemist", "pharmacy"),
        ("Her brother never came back from the coast.", "came", "return"),  # a phrasal verb: its one-word class
        ("Her cousin took his own life that winter.", "took", "suicide"),  # a phrase for the same event
        ("They feared he would kill himself.", "kill", "suicide"),
        # a substance by its street or clipped name is its clinical name; an everyday word stays itself
        ("He had been off meth for a month.", "meth", "methamphetamine"),
        ("She stopped smoking marijuana at twenty.", "marijuana", "cannabis"),
        ("He asked the doctor for benzos again.", "benzos", "benzodiazepine"),
        ("The ice on the path was thick.", "ice", "ice"),
        # what a thing is, in world knowledge: a pageant is a competition, placing second is a runner-up's
        ("Her kite finished second that spring.", "finished", "runner up"),
        ("He was the runner-up at a pageant once.", "pageant", "championship"),
        # a unit clipped or abbreviated is the unit; a violent event's noun is its verb
        ("Her marrow weighed nine kilos at the fete.", "kilos", "kilogram"),
        ("He hauled a 40 kg sack of oats.", "kg", "kilogram"),
        ("They rowed three kilometers upstream.", "kilometers", "kilometre"),
        ("His uncle died in a stabbing at the depot.", "stabbing", "stab"),
        ("Her uncle was stabbed at the depot.", "stabbed", "stab"),
    ],
)
def test_tokens_are_read_through_the_synonym_table(detector, text: str, word: str, norm: str) -> None:
    from qualdeid.risk.analysis import analyse

    (a,) = analyse(detector.nlp, [("t", text)], Synonyms.load())
    (token,) = [t for t in a.tokens if t.text == word]
    assert token.norm == norm


def test_an_uncommon_closed_compound_is_related_to_its_parts() -> None:
    from qualdeid.risk.lexicon import Related, compound_parts

    assert compound_parts("tugboat", 3.5, 3.5) == {"tug", "boat"}
    assert compound_parts("hayloft", 3.5, 3.5) == {"hay", "loft"}
    # common words are never split ("carpet" is no car and no pet), nor short or hyphenated ones
    assert not compound_parts("carpet", 3.5, 3.5)
    assert not compound_parts("season", 3.5, 3.5)
    assert not compound_parts("tug-boat", 3.5, 3.5)
    on = Related({"tugboat": frozenset({"towboat"})}, compound_zipf=3.5)
    assert on.of("tugboat") == {"towboat", "tug", "boat"} and on.parts("tugboat") == {"tug", "boat"}
    off = Related({"tugboat": frozenset({"towboat"})})
    assert off.of("tugboat") == {"towboat"} and not off.parts("tugboat")


def test_a_noun_of_state_or_office_is_related_to_the_word_it_is_made_from() -> None:
    from qualdeid.risk.lexicon import Related, derived_from

    assert derived_from("stewardship") == {"steward"}
    assert derived_from("knighthood") == {"knight"}
    # no word to strip to, or too short a stem: "likelihood", "worship"; the suffix alone is no derivation
    assert not derived_from("likelihood")
    assert not derived_from("worship")
    assert not derived_from("ship")
    assert not derived_from("hood")
    # both ways through the table: a text's "steward" meets their "stewardship"
    related = Related({"stewardship": frozenset({"management"})})
    assert related.of("stewardship") == {"management", "steward"}
    assert related.of("steward") == set()
