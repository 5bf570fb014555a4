"""A town or a surname written in lower case is still an identifier of the fragment (issue 11, must-be-true 1):
a town the corpus names elsewhere, after a place word, and a rare surname right after a person's name."""

from __future__ import annotations

import pytest

from helpers import targets_in_window as found
from qualdeid.compose.placeholders import Placeholders
from qualdeid.compose.targets import Target, Targets
from qualdeid.corpus.model import Document, Span
from qualdeid.pseudonymise.people import RoleWords
from qualdeid.risk.identifiers import IdentifierIndex


@pytest.fixture(scope="module")
def towns_targets(tmp_path_factory: pytest.TempPathFactory) -> Targets:
    rules = tmp_path_factory.mktemp("rules")
    (rules / "lexicons").mkdir()
    (rules / "lexicons" / "towns.txt").write_text("Quenby\nTarrowby\nPort Quenby\n", encoding="utf-8")
    return Targets([rules], Placeholders([rules]), RoleWords.load([rules]))


def _dictionary(word: str) -> bool:
    return word in {"bath", "reading", "even", "texted", "came", "is"}


def _towns(targets: Targets, text: str, known: set[str]) -> list[str]:
    return [text[t.start : t.end] for t in targets.lower_case_towns(text, 0, len(text), [], known, _dictionary)]


@pytest.mark.parametrize(
    ("text", "known", "found"),
    [
        ("they bring them from quenby and even tarrowby now", {"quenby"}, ["quenby", "tarrowby"]),
        ("moved back to port quenby last year", {"port quenby"}, ["port quenby"]),
        # a town the corpus never names as a place stays: the word may be anything
        ("they bring them from quenby now", set(), []),
        # not where a place stands
        ("quenby came round", {"quenby"}, []),
    ],
)
def test_lower_case_towns(towns_targets: Targets, text: str, known: set[str], found: list[str]) -> None:
    assert _towns(towns_targets, text, known) == found


def test_a_town_that_is_a_word_joined_to_a_town_stays(towns_targets: Targets) -> None:
    text = "from quenby and even tarrowby"
    only_words = towns_targets.lower_case_towns(text, 0, len(text), [], {"quenby"}, lambda w: True)
    assert [text[t.start : t.end] for t in only_words] == ["quenby"]


@pytest.mark.parametrize(
    ("text", "name_end", "expected"),
    [
        ("first time kestra vollund came in", 17, "kestra vollund"),
        ("kestra vollund is 30", 6, "kestra vollund"),
        ("kestra texted me", 6, "kestra"),  # a word of the dictionary: what she did
        ("kestra is 30", 6, "kestra"),
        ("then Kestra telt us the news", 11, "Kestra"),  # a verb as Scots spells it, no surname
    ],
)
def test_lower_case_surname_after_a_name(towns_targets: Targets, text: str, name_end: int, expected: str) -> None:
    start = name_end - len("kestra")  # any case
    t = towns_targets.lower_case_surname(text, Target(start, name_end, "PERSON", "detected"), len(text), _dictionary)
    assert text[t.start : t.end] == expected


@pytest.fixture(scope="module")
def country_targets(tmp_path_factory: pytest.TempPathFactory) -> Targets:
    rules = tmp_path_factory.mktemp("rules")
    (rules / "lexicons").mkdir()
    (rules / "names").mkdir()
    (rules / "lexicons" / "not_places.txt").write_text("Ilvania\n", encoding="utf-8")
    (rules / "names" / "word_names.txt").write_text("Ilvania\n", encoding="utf-8")
    return Targets([rules], Placeholders([rules]), RoleWords.load([rules]))


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        # a country that is also a first name: the country, unless a person stands there
        ("We talked about Ilvania and the food.", False, None),
        ("She moved here from Ilvania in 2019.", False, None),
        ("Ilvania said she was fine.", False, "PERSON"),
        ("I rang Ilvania after lunch.", False, "PERSON"),
        ("Ilvania's mum came.", False, "PERSON"),
        # ... or the account shows a person there
        ("Ilvania is doing better.", True, "PERSON"),
    ],
)
def test_a_country_that_is_also_a_first_name(country_targets: Targets, text: str, named: bool, expected) -> None:
    a = text.index("Ilvania")
    assert country_targets.kind(text, a, a + len("Ilvania"), "PERSON", named=named) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She sat with me and wrenna (KW-3) for a long while.", "wrenna"),
        ("wrenna and I went down to the shop after.", "wrenna"),
        ("It was just Me and wrenna on the late shift.", "wrenna"),
    ],
)
def test_a_word_in_lower_case_joined_to_the_narrator_is_a_person(targets, text: str, name: str) -> None:
    got = targets.lower_case_coordinated(text, 0, len(text), [], lambda w: False)
    assert [(text[t.start : t.end], t.label) for t in got] == [(name, "PERSON")]


@pytest.mark.parametrize(
    "text", ["It was me and nan at the table.", "It was me and the kids.", "me and lads went", "me and bf went"]
)
def test_a_word_of_the_dictionary_or_a_relative_joined_to_the_narrator_stays(targets, text: str) -> None:
    assert targets.lower_case_coordinated(text, 0, len(text), [], lambda w: w in {"lads", "kids"}) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Later I met thaddeus at the gate.", "thaddeus"),
        ("I texted ximena again after tea", "ximena"),
        ("We rang will, no answer.", "will"),
        ("She visited joy yesterday", "joy"),
        # given something: the name between a verb of giving and what is given
        ("He wants to show thaddeus the shed he built", "thaddeus"),
        ("I gave ximena a lift home", "ximena"),
    ],
)
def test_a_listed_name_in_lower_case_reached_by_a_contact_verb_is_a_person(targets, text: str, name: str) -> None:
    got = targets.lower_case_reached(text, 0, len(text), [])
    assert [(text[t.start : t.end], t.label) for t in got] == [(name, "PERSON")]


@pytest.mark.parametrize(
    "text",
    [
        "I met friends there.",
        "She rang back later.",
        "We visited mum today.",
        "He texted nan again",
        "We met sunday at noon",
        "I asked will he come back",
        "She showed patience the whole way",  # no listed name where a thing is given
        "They gave hope a chance.",  # an everyday word, though people are so called
        "She showed grace the door.",
        "They gave away the old chairs",
        "He brought mum a coffee",  # a relative's word
    ],
)
def test_a_word_after_a_contact_verb_that_is_no_name_or_runs_on_stays(targets, text: str) -> None:
    assert targets.lower_case_reached(text, 0, len(text), []) == []


@pytest.mark.parametrize("text", ["Paid the phone bill.", "He sent her email thaddeus.q@example.org today"])
def test_a_contact_word_as_a_noun_or_an_address_is_no_verb_reaching_someone(targets, text: str) -> None:
    assert targets.lower_case_reached(text, 0, len(text), []) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Why it mattered\nximena said she slept at last.", "ximena"),
        ("thanks for today. thaddeus says hiya", "thaddeus"),
    ],
)
def test_a_listed_name_in_lower_case_before_a_verb_of_speaking_is_a_person(targets, text: str, name: str) -> None:
    got = targets.lower_case_reached(text, 0, len(text), [])
    assert [(text[t.start : t.end], t.label) for t in got] == [(name, "PERSON")]


@pytest.mark.parametrize("text", ["and mum said no", "everyone said so", "then her joy said it all"])
def test_a_relative_a_word_or_a_noun_before_a_verb_of_speaking_stays(targets, text: str) -> None:
    assert targets.lower_case_reached(text, 0, len(text), []) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I'll suggest to evander we try the bus.", "evander"),
        ("I mentioned to cosima after group", "cosima"),
        ("She talked to joy about it.", "joy"),
    ],
)
def test_a_listed_name_in_lower_case_spoken_to_is_a_person(targets, text: str, name: str) -> None:
    got = targets.lower_case_reached(text, 0, len(text), [])
    assert [(text[t.start : t.end], t.label) for t in got] == [(name, "PERSON")]


@pytest.mark.parametrize(
    "text", ["I said to mum we should go.", "She talked to joy and sorrow alike in her poems", "he spoke to will power"]
)
def test_a_relative_or_a_word_that_runs_on_after_speaking_to_stays(targets, text: str) -> None:
    assert targets.lower_case_reached(text, 0, len(text), []) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I sat with her, because evander and the other carer were busy.", ["evander"]),
        ("I sat with her, as cosima and the other nurse had gone.", ["cosima"]),
        ("We had joy and the other kids laughing all day", []),  # a word: "joy" the feeling, kids no role
        ("There was grace and the other two", []),
    ],
)
def test_a_listed_name_in_lower_case_joined_to_a_role_is_a_person(targets, text: str, found: list[str]) -> None:
    got = targets.lower_case_reached(text, 0, len(text), [])
    assert [text[t.start : t.end] for t in got] == found


def _in_dictionary(word: str) -> bool:
    return word in {"kestrel", "marina", "court", "reading"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a place the corpus writes with its capitals, written here in lower case with a word no dictionary has
        ("sat with her in the kitchen at brackenlow court for an hour", ["brackenlow court"]),
        ("she came back from her nans in quarrowmere last night", ["quarrowmere"]),
        # every word an everyday word: the words they are
        ("we walked round the kestrel marina and back", []),
        ("we walked round the court and back", []),
        ("she was reading all night", []),
    ],
)
def test_a_corpus_place_written_in_lower_case(text: str, found: list[str]) -> None:
    targets = Targets([], Placeholders(), RoleWords.load())
    index = IdentifierIndex()
    for value in ("Brackenlow Court", "Quarrowmere", "Kestrel Marina", "Reading"):
        index.add(value, "LOCATION", "elsewhere")
    got = targets.in_window(Document("d", text), 0, len(text), index, None, in_dictionary=_in_dictionary)
    assert [(text[t.start : t.end], t.label) for t in got] == [(f, "LOCATION") for f in found]


@pytest.mark.parametrize(
    ("text", "name", "whole", "bare"),
    [
        ("her ma wee quorra had been giving off at her", "quorra", "wee quorra", "quorra"),
        ("then big tavish rang the office", "tavish", "big tavish", "tavish"),
        ("then Tavish rang the office", "Tavish", "Tavish", "Tavish"),  # no nickname word before it
    ],
)
def test_a_lower_case_nickname_goes_whole(text: str, name: str, whole: str, bare: str) -> None:
    targets = Targets([], Placeholders(), RoleWords.load())
    a = text.index(name)
    t = targets.with_lower_nickname_prefix(text, Target(a, a + len(name), "PERSON", "lower-case name"), 0)
    assert text[t.start : t.end] == whole
    assert targets.without_nickname_prefix(whole) == bare


@pytest.mark.parametrize(
    ("text", "value", "age"),
    [
        ("she talks like a woman of sixty sometimes", "sixty", False),  # a comparison, nobody's age
        ("he dances like an old man of ninety", "ninety", False),
        ("Quorra is sixty now", "sixty", True),
        ("a woman of sixty moved in next door", "sixty", True),
    ],
)
def test_an_age_in_a_comparison_is_nobodys(text: str, value: str, age: bool) -> None:
    targets = Targets([], Placeholders(), RoleWords.load())
    a = text.index(value)
    assert (targets.kind(text, a, a + len(value), "AGE") == "AGE") is age


def test_a_people_named_by_where_it_comes_from_is_no_person() -> None:
    targets = Targets([], Placeholders(), RoleWords.load())
    text = "We talked it through. I said I'm not Islander but my family would be the same."
    doc = Document("d", text)
    a = text.index("Islander")
    doc.spans.append(Span(a, a + len("Islander"), "PERSON", "Islander", detector="SpacyRecognizer"))
    assert targets.in_window(doc, 0, len(text), None, None) == []


@pytest.mark.parametrize(
    ("text", "known", "detector", "expected"),
    [
        # detection found a first name of this account's people, in lower case, neither listed nor rare in
        # English: that person where it is the subject or a person stands
        ("after a while he agreed yoko would cook for the family.", ["yoko"], "names", [("yoko", "PERSON")]),
        ("we both talked at once, and yoko was looking between us.", ["yoko"], "names", [("yoko", "PERSON")]),
        ("so I sat with yoko for a bit.", ["yoko"], "names", [("yoko", "PERSON")]),
        # no person of the account is so called: the word, whatever detection said
        ("after a while he agreed yoko would cook for the family.", [], "names", []),
        # the entity recogniser's reading alone is not enough
        ("after a while he agreed yoko would cook for the family.", ["yoko"], "SpacyRecognizer", []),
        # a thing someone has, or one of a kind: the word
        ("his yoko was broken again.", ["yoko"], "names", []),
        ("we had a yoko for lunch.", ["yoko"], "names", []),
    ],
)
def test_a_lower_case_first_name_of_the_account_detection_found_is_the_person(
    targets: Targets, text: str, known: list[str], detector: str, expected: list[tuple[str, str]]
) -> None:
    assert found(targets, text, spans=[("yoko", "PERSON")], known=known, detector=detector) == expected
