"""A name that is also a word ("May", "Merry") is replaced where it is the person's, never where it is
the word's: a modal verb opening a note, a capitalised phrase of everyday words, a pronoun."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES, paragraph_of
from qualdeid.compose import Composer, load_compose_config
from qualdeid.compose.placeholders import Placeholders
from qualdeid.compose.targets import Target, Targets
from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.pseudonymise.people import RoleWords
from qualdeid.risk.identifiers import IdentifierIndex

PORCH = FIXTURES / "compose" / "porch.jsonl"  # built from porch.txt by tools/markup_to_jsonl.py


@pytest.fixture(scope="module")
def targets() -> Targets:
    return Targets([], Placeholders(), RoleWords.load())


@pytest.fixture(scope="module")
def drafts(detector) -> dict[str, object]:
    docs = [d for d in Corpus([PORCH]) if isinstance(d, Document)]
    composer = Composer(detector, load_compose_config())
    return {
        pronouns: composer.compose(docs, ["porch_talk"], sources=3, words=250, pronouns=pronouns, seed=seed)
        for seed, pronouns in ((1, "she"), (2, "he"), (3, "they"))
    }


@pytest.mark.parametrize("pronouns", ["she", "he", "they"])
def test_the_persons_name_goes_the_modal_verb_stays(drafts, pronouns: str) -> None:
    text, changes = paragraph_of(drafts[pronouns], "Q1")
    first = next(c["replacement"].split()[0] for c in changes if c["original"] == "May Quarrie")
    assert f'"{first}, eat something first."' in text  # the name in a quote, sentence-initial before a comma
    assert "May need to ring the housing office tomorrow" in text  # the narrator's "(I) may need": a verb
    assert not [c for c in changes if c["reason"] == "final check"]


@pytest.mark.parametrize("pronouns", ["she", "he", "they"])
def test_a_lower_case_name_of_the_account_is_the_person(drafts, pronouns: str) -> None:
    text, changes = paragraph_of(drafts[pronouns], "Q2")
    names: dict[str, str] = {}
    for c in changes:
        if c["reason"] == "person":
            names.setdefault(c["original"], c["replacement"])
    assert names["merry"] == names["Merry"]  # one person, one pseudonym
    assert f"good to see {names['merry']} helping" in text
    # where no verb frame shows the person, an everyday word the corpus writes capitalised is no confident
    # name: the final check still takes it out, as the person or as a placeholder for the author
    assert any(f"knew each other {w} just said" in text for w in (names["merry"], "[a name]"))
    assert f"a {names['merry']} afternoon" not in text  # after a determiner: the word, not the person
    assert not re.search(r"\bmerry\b", text, re.IGNORECASE)
    assert any("may identify no one" in n and names["merry"] in n for n in drafts[pronouns].notes)


def test_everyday_capitalised_phrase_stays(drafts) -> None:
    for draft in drafts.values():
        text, _ = paragraph_of(draft, "Q3")
        assert "the Housing Together approach" in text


def test_a_name_of_the_account_in_a_quote_is_found(targets: Targets) -> None:
    index = IdentifierIndex()
    index.add("May Quarrie", "PERSON", "x")
    index.add("May", "PERSON", "x")
    text = 'I stood by her saying "May, eat up." Then we left.'
    doc = Document("d", text)
    found = [(t.start, t.label) for t in targets.in_window(doc, 0, len(text), index, None, known=["May"])]
    assert found == [(text.index("May"), "PERSON")]
    # a document without anyone called so: the word (a month, a verb), wherever it stands
    assert targets.in_window(doc, 0, len(text), index, None) == []


def test_a_name_of_the_account_that_is_a_word_is_the_person(targets: Targets) -> None:
    index = IdentifierIndex()
    index.add("Copper", "PERSON", "x")
    text = "It was hard. Copper was on the phone and he nodded. We left at five. Copper wasnt up yet."
    doc = Document("d", text)
    found = [(t.start, t.label) for t in targets.in_window(doc, 0, len(text), index, None, known=["Copper"])]
    assert found == [(text.index("Copper"), "PERSON"), (text.rindex("Copper"), "PERSON")]
    # no one of the account is called so: the word
    assert targets.in_window(doc, 0, len(text), index, None) == []


def test_a_corpus_name_in_lower_case_before_a_plural_is_the_word(targets: Targets) -> None:
    index = IdentifierIndex()
    index.add("Marsh", "PERSON", "x")
    text = "She waited on the marsh steps. Then Marsh says hello."
    doc = Document("d", text)
    found = [text[t.start : t.end] for t in targets.in_window(doc, 0, len(text), index, None)]
    assert found == ["Marsh"]  # "Marsh says": the person; "the marsh steps": the word


@pytest.mark.parametrize(("known", "found"), [("Jolyon", ["Jo"]), ("Hamish", []), ("Morwenna", [])])
def test_a_two_letter_short_form_of_a_known_name(targets: Targets, known: str, found: list[str]) -> None:
    text = "We had tea. Jo mends bikes for the whole street. Ha laughs at it."
    swept = [text[t.start : t.end] for t in targets.sweep(text, 0, len(text), [], {known})]
    assert swept == found


@pytest.mark.parametrize("known", ["Shelby", "Theodora", "Winona"])
def test_a_pronoun_or_common_word_is_no_short_form(targets: Targets, known: str) -> None:
    text = "She wrote three lines. The night was long. We sat. Win went home."
    found = [text[t.start : t.end] for t in targets.sweep(text, 0, len(text), [], {known})]
    assert found == (["Win"] if known == "Winona" else [])


@pytest.mark.parametrize(
    ("phrase", "common"),
    [("Housing Together", True), ("Slow Cooking", True), ("Green Park", False), ("Mill Lane", False),
     ("Quillan Trust", False), ("Marta Quellin", False)],
)  # fmt: skip
def test_common_phrase(targets: Targets, phrase: str, common: bool) -> None:
    assert targets.common_phrase(phrase) is common


@pytest.mark.parametrize(
    ("sentence", "word", "person"),
    [
        ("I think having honor there helped Sam a lot.", "honor", True),
        ("Good to see honor helping her friend.", "honor", True),
        ("I had a lot of honor there.", "honor", False),
        ("I have honor there will be a bed.", "honor", False),
        ("It was my honor there.", "honor", False),
        ("Not helpful: I texted sorrel after to remind her about the clinic.", "sorrel", True),
        ("I rang sorrel on Monday.", "sorrel", True),
        ("We picked sorrel after lunch.", "sorrel", False),
        ("I told my sorrel story again.", "sorrel", False),
    ],
)
def test_a_lower_case_name_is_a_person_where_one_acts_is_present_or_is_reached(
    targets: Targets, sentence: str, word: str, person: bool
) -> None:
    from qualdeid.compose.composer import lower_case_person
    from qualdeid.compose.pronouns import parser

    tok = next(t for t in parser("en_core_web_sm")(sentence) if t.text == word)
    assert lower_case_person(tok, targets.present_after, targets.contact_verbs) is person


@pytest.mark.parametrize(
    ("text", "word", "own"),
    [
        ("we looked at the big honor in the photo", "honor", True),
        ("it was my honor to be there", "honor", True),
        ("then her friend honor rang", "honor", False),
        ("then honor rang", "honor", False),
        ("the big Honor came in", "Honor", False),
        ("then sam's honor was on every hand", "honor", True),
        ("the club's honor was at stake", "honor", True),
        ("then Sam's Honor came in", "Honor", False),
    ],
)
def test_a_lower_case_word_with_an_article_of_its_own_is_a_thing(
    targets: Targets, text: str, word: str, own: bool
) -> None:
    from qualdeid.compose.composer import determined

    start = text.index(word)
    assert determined(text, start, start + len(word), targets.person_word) is own


@pytest.mark.parametrize(
    "text", ["I brought a packet of Quorvo Crisps and sat down.", "Two cans of Zestorade Gold later"]
)
def test_a_product_after_a_measure_is_no_full_name(targets, text: str) -> None:
    assert targets.sweep(text, 0, len(text), []) == []


def test_a_name_a_document_writes_in_brackets_is_the_same_person(targets) -> None:
    text = "Tobin (Rain, on the removal firm's paperwork) rang."
    first = Target(0, 5, "PERSON", "detected")
    got = targets.aliases(text, len(text), [first])
    assert [(text[t.start : t.end], t.found) for t in got] == [
        (" (Rain, on the removal firm's paperwork)", "alias aside")
    ]
    plain = "Tobin (Rain was falling) rang."
    assert targets.aliases(plain, len(plain), [Target(0, 5, "PERSON", "detected")]) == []


@pytest.mark.parametrize(("value", "meeting"), [("Monday's MDT", True), ("Friday's GP", True), ("Quenby's MDT", False)])
def test_a_meeting_by_its_day_is_no_organisation(targets, value: str, meeting: bool) -> None:
    assert targets.meeting_by_day(value) is meeting


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("tobin and honor both came along", True),
        ("honor & tobin left early", True),
        ("tobin, and honor as well", True),
        ("tobin came, with honor and pride", False),  # joined to a word, not to the person
        ("tobin said honor matters", False),
    ],
)
def test_a_lower_case_name_joined_to_a_person_by_and(text: str, joined: bool) -> None:
    from qualdeid.compose.composer import joined_to_person

    at = text.index("honor")
    tobin = text.index("tobin")
    person = [Target(tobin, tobin + 5, "PERSON", "detected")]
    assert joined_to_person(text, at, at + 5, person) is joined
