"""Word-names at the start of a sentence or owning something, and speakers whose name is an everyday
word (issue 13, class a, in diaries and transcripts): the grammar around them makes them people; the
word readings stay words. Invented texts."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people(detector, *texts: str) -> list[str]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [d.text[s.start : s.end] for d in docs for s in d.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Will the porter waved us through the gate.", "Will"),
        ("At lunch Rob the cook said the oven was broken again.", "Rob"),
        ("Will from the drop-in fixed the kettle.", "Will"),
        ("Art is a gentle old fella who mends bikes.", "Art"),
        ("Sandy thanks everyone twice before leaving.", "Sandy"),
    ],
)
def test_a_word_name_that_acts_at_the_start(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Hope the nurse helped her sleep.",
        "Hope is a good thing to hold on to.",
        "Will the nurse come back tomorrow?",
        "Summer is a lovely time on the coast.",
        "We sat out late in the summer's heat.",
        # terms of te reo that the name lists hold as given names too, where no one acts
        "We had a hui at the marae. Kai was lovely. The Hui went well.",
        "Mahi is hard this time of year, the mahi never stops.",
    ],
)
def test_the_word_readings_stay_words(detector, text: str) -> None:
    assert people(detector, text) == []


def test_a_known_word_name_owning_something_mid_sentence(detector) -> None:
    found = people(detector, "Dawn and Sky came to the quiz.", "We all sat in Dawn's kitchen after.")
    assert found.count("Dawn") == 2


TRANSCRIPT = """Interviewer: How was the week on the boat?
Biscuit: Rough. We hauled nets from five.
Interviewer: And the crew?
Biscuit: Tired, all of us. Nobody talks after dark.
Interviewer: Thank you.
"""


def test_a_speaker_named_by_an_everyday_word_answering_an_interviewer(detector) -> None:
    found = people(detector, TRANSCRIPT, "On Friday I drove Biscuit to the harbour.")
    assert found.count("Biscuit") == 3


def test_field_labels_and_pronouns_taking_turns_are_no_speakers(detector) -> None:
    text = (
        "From: the office\nSent: Monday\nTo: all staff\nInterviewer: hello\nMe: hi\nInterviewer: ok\n"
        "Me: fine\nSent: Tuesday\n"
    )
    assert people(detector, text) == []


def test_a_word_name_used_for_a_person_in_the_document_is_the_person_where_grammar_allows(detector) -> None:
    text = "Sky Okonkwo came on Tuesday. Sky paints at night, mostly gulls. Will you ask her?"
    found = people(detector, text)
    assert "Sky" in found and "Will" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Sky Okonkwo came on Tuesday. We sat under the Sky lanterns.",
        "Sky Okonkwo came on Tuesday. The Sky was grey all day.",
    ],
)
def test_other_readings_of_a_word_name_in_the_same_document_stay_words(detector, text: str) -> None:
    assert people(detector, text).count("Sky") == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('His nan called him "Bear" and he went quiet.', "Bear"),
        ('Everyone at the gym calls her "Dot".', "Dot"),
    ],
)
def test_a_name_given_in_quotes(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


def test_a_name_given_in_quotes_is_no_relative_or_title(detector) -> None:
    assert people(detector, 'He called me "Mum" again and called her "Sir" for a laugh.') == []


def test_a_known_word_name_addressed_at_the_start_of_a_quote(detector) -> None:
    found = people(detector, "Rose Tarrant came by.", 'She leaned over and said "Rose, sit down." Rose sat.')
    assert found.count("Rose") == 2 and "Rose Tarrant" in found


def test_a_word_at_the_start_of_a_quote_stays_a_word(detector) -> None:
    assert people(detector, '"Hope, that is all we have," she said.') == []


@pytest.mark.parametrize(
    "text",
    ["Long queue at the bank. Tadhgwyn drove her nephew home.", "Quiet shift. Tadhgan laughed at the cards."],
)
def test_an_unlisted_rare_name_opening_a_sentence_that_acts(detector, text: str) -> None:
    assert len(people(detector, text)) == 1


def test_a_rare_word_opening_a_sentence_without_a_persons_act_stays(detector) -> None:
    assert people(detector, "Rain again. Sertraline made her tired, so we walked.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("New intake. Keely Varnum, 31, moved in on the Friday.", "Keely Varnum"),
        ("Q: Tell me about yourself?\nR: Nora Quillan, 58, retired postie, two sons.", "Nora Quillan"),
    ],
)
def test_a_full_name_with_an_age_in_commas(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


def test_a_place_with_a_number_in_commas_is_no_name(detector) -> None:
    assert people(detector, "The Grand Hotel, 12, was shut. Main Street, 14, is closed.") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Later Rusty Okafor rang about the van. We left the keys with rusty.", 2),
        ("Rusty Okafor came by on Friday. I will ask if rusty wants a hand.", 2),
    ],
)
def test_a_word_name_in_lower_case_where_the_document_uses_it_for_a_person(detector, text: str, count: int) -> None:
    assert len([p for p in people(detector, text) if p.lower().startswith("rusty")]) == count


@pytest.mark.parametrize(
    "text",
    [
        "Rusty Okafor came by on Friday. The gate was rusty.",
        "Rusty Okafor came by on Friday. He fixed the rusty gate and the old lock.",
        "Rusty Okafor came by on Friday. It's getting rusty, so we oiled it.",
    ],
)
def test_the_lower_case_word_stays_a_word_beside_the_person(detector, text: str) -> None:
    assert [p for p in people(detector, text) if p.islower()] == []


def test_a_surname_in_lower_case_at_the_start_of_a_sentence(detector) -> None:
    found = people(detector, "Kit Fisher was in. fisher said she was tired.")
    assert "fisher" in found


@pytest.mark.parametrize(
    "text",
    [
        "Kit Fisher was in. The fisher said the boat was late.",
        "Will Okoro came by. will you ring him?",
    ],
)
def test_the_word_after_a_sentence_end_stays_a_word_where_it_is_one(detector, text: str) -> None:
    assert [p for p in people(detector, text) if p.islower()] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mia okafor rang me about the form.", "mia okafor"),
        ("sat with lucinda baker for an hour, then home.", "lucinda baker"),
    ],
)
def test_a_full_name_in_lower_case(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "we had jack russell puppies at the farm.",
        "my grace period ends soon.",
    ],
)
def test_lower_case_words_that_look_like_a_name_pair_stay_words(detector, text: str) -> None:
    assert people(detector, text) == []


def test_a_term_that_is_also_a_given_name_where_a_person_acts(detector) -> None:
    # a word of te reo that the name lists hold as a given name too, capitalised and acting as someone
    text = (
        "The bus was late so I sat with Mauri next to the shelter. Mauri bought chips for everyone. "
        "It was a quiet week for Mauri because of the rain. By the gate. Mauri didn't want to leave. "
        "At tea, Mauri and Rewi sang."
    )
    assert people(detector, text) == ["Mauri"] * 5 + ["Rewi"]
