"""Inside one document, the name a document gives a person wins over the word reading wherever the grammar
allows a person (issue 13, class a): a month that is also a first name once the document has the full
name, a word-name in lower case, a possessive; the date and the word readings stay. Invented names."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people(detector, *texts: str) -> list[tuple[int, str]]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [(s.start, d.text[s.start : s.end]) for d in docs for s in d.spans if s.label == "PERSON"]


def test_a_month_name_of_a_person_in_the_document_is_the_person_where_a_person_acts(detector) -> None:
    text = (
        "Notes\nI met May Fenwick at the hall on Tuesday. May was quiet and told me a lot. "
        "I lost the thread with May a bit. May's dad waited outside."
    )
    found = [p for _, p in people(detector, text)]
    assert found.count("May") + found.count("May's") == 3


@pytest.mark.parametrize(
    "date",
    [
        "By mid June it was sorted.",
        "We meet again in June.",
        "See you on 4 June.",
        "June 2019 was a hard month.",
        "It ran until June, then stopped.",
        "The group runs June-July.",
    ],
)
def test_the_month_stays_a_date_beside_a_person_of_that_name(detector, date: str) -> None:
    text = f"Notes\nJune Okorie rang on Friday about the lease. {date}"
    at = text.index(date)
    assert not [p for start, p in people(detector, text) if start >= at]


def test_a_month_stays_a_month_where_no_person_has_its_name(detector) -> None:
    text = "Notes\nMay was wet all month. We planted beans in the rain."
    assert not [p for _, p in people(detector, text) if p.startswith("May")]


def test_a_word_name_in_lower_case_is_the_person_the_document_names(detector) -> None:
    text = "Notes\nOpal Tranter came in early on Monday. later opal rang me about the forms."
    assert "opal" in [p for _, p in people(detector, text)]


def test_the_word_stays_a_word_after_a_determiner(detector) -> None:
    text = "Notes\nOpal Tranter came in early on Monday. She wore the opal ring her gran left her."
    assert "opal" not in [p for _, p in people(detector, text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Notes\nSat with the crew at lunch. Bluey as the lads call him, keeps the kettle going.", "Bluey"),
        ("Notes\nDrove to the hall. Pip (that's what Nell calls her) sang first.", "Pip"),
        ("Notes\nKaraoke night. Moose (that's what the guys call Ivan) cried at a song.", "Moose"),
    ],
)
def test_a_name_explained_as_what_people_call_someone_is_a_person(detector, text: str, name: str) -> None:
    assert name in [p for _, p in people(detector, text)]


def test_what_people_call_a_thing_stays_a_word(detector) -> None:
    text = "Notes\nWe sat in the Snug, as the kids call it, and played cards."
    assert "Snug" not in [p for _, p in people(detector, text)]


def test_an_everyday_word_after_a_lower_case_title_is_a_surname(detector) -> None:
    text = "Notes\nGwilym asked mrs plover for the word in Welsh. Later mr finch waved from the van."
    found = [p for _, p in people(detector, text)]
    assert "mrs plover" in found and "mr finch" in found


def test_a_function_word_after_a_lower_case_title_stays(detector) -> None:
    text = "Notes\nWe watched mr who on the telly and then the kids went to bed."
    assert not [p for _, p in people(detector, text) if p.startswith("mr")]


@pytest.mark.parametrize(
    ("word", "name", "named"),
    [
        ("Bryl", "Rhiannon", True),  # a rare word, a listed first name alone in brackets
        ("Garden", "Rhiannon", False),  # an everyday word
        ("Bryl", "Deutschmark", False),  # no listed first name in the brackets
    ],
)
def test_a_rare_word_with_a_first_name_alone_in_brackets_is_a_name(word: str, name: str, named: bool) -> None:
    from qualdeid.detect.names.processor import NameProcessor
    from qualdeid.rules import Rules

    assert NameProcessor(Rules())._named_in_brackets(word, name) is named


def test_a_month_name_acting_as_a_person_is_the_person_in_its_document(detector) -> None:
    text = (
        "Notes\nSmall group today, Tiva and May and two others. May cheered everyone up with a quiz. "
        "May's dad waited outside."
    )
    found = [p for _, p in people(detector, text)]
    assert found.count("May") == 3


def test_a_month_doing_what_a_month_does_stays_a_month(detector) -> None:
    text = "Notes\nMay was wet and cold. May brought rain every day, and in May the river rose twice."
    assert not [p for _, p in people(detector, text) if p.startswith("May")]


CHAT = (
    "12/05/2024, 20:39 - Talia: chairs sorted. Charity Fonoti has the gazebo\n"
    "12/05/2024, 20:40 - Kalani T: {line}\n"
    "12/05/2024, 20:41 - Charity Fonoti: yes\n"
)


@pytest.mark.parametrize("line", ["charity can u bring it", "Charity I can come at 6", "charity dont start lol"])
def test_a_documents_name_opening_a_chat_message_to_someone_is_the_person(detector, line: str) -> None:
    """The name of a person of the chat opens a message, then the words of someone spoken to."""
    found = [p for _, p in people(detector, CHAT.format(line=line))]
    assert found.count("charity") + found.count("Charity") == 1


@pytest.mark.parametrize("line", ["hope u are all ok", "will you bring it", "charity is what we need"])
def test_a_word_opening_a_chat_message_stays_a_word(detector, line: str) -> None:
    text = CHAT.replace("Charity Fonoti", "Hope Will").format(line=line)
    found = [p for _, p in people(detector, text)]
    assert found.count("hope") + found.count("will") + found.count("charity") == 0


def test_an_initial_before_a_documents_surname_is_that_person(detector) -> None:
    """ "K. Crane" where the document names "Kit Crane", though the surname is an everyday word."""
    text = "I spoke to Kit Crane on Monday about the shifts.\n\n> K. Crane, Compliance, Fenlow Staffing Ltd\n"
    assert "K. Crane" in [p for _, p in people(detector, text)]


def test_another_initial_before_a_documents_surname_is_not_that_person(detector) -> None:
    text = "I spoke to Kit Crane on Monday.\n\n> J. Crane, Compliance, Fenlow Staffing Ltd\n"
    assert "J. Crane" not in [p for _, p in people(detector, text)]
