"""Counting subjects: documents, not the names detection split a person into."""

from __future__ import annotations

import random
import re

import pytest

from qualdeid.compose import load_compose_config
from qualdeid.compose.headings import Headings
from qualdeid.compose.select import (
    Fragment,
    _distinct_subjects,
    _name_words,
    _part_spans,
    _pick,
    _subject,
    _told_apart,
    fragments_of,
    passers_by,
    word_persons,
)
from qualdeid.corpus.model import Document, Segment, Span
from qualdeid.pseudonymise.people import PersonMention, resolve_people
from qualdeid.pseudonymise.surrogates import nickname_table


def test_a_document_counts_for_one_subject() -> None:
    assert len(_distinct_subjects({"D1": {"P1", "P2"}})) == 1  # one account, whatever it names
    assert len(_distinct_subjects({"D1": {"P1", "P2"}, "D2": {"P1"}})) == 2
    assert len(_distinct_subjects({"D1": {"P1"}, "D2": {"P1"}, "D3": {"P1", "P3"}})) == 2
    assert len(_distinct_subjects({"D1": {"P1"}, "D2": {"P2"}, "D3": {"P3"}})) == 3


def _part(doc: str, section: int, subject: str, persons: set[str], relevance: float) -> Fragment:
    f = Fragment(doc, section, ["theme"], [(0, 10)], [], narrator=f"W-{doc}", subject=subject, named=True)
    f.persons, f.relevance = frozenset(persons), relevance
    return f


def test_a_subject_is_not_met_again_in_another_part() -> None:
    spine = _part("D1", 0, "P1", {"P1"}, 1.0)
    names_the_spine = _part("D2", 1, "P2", {"P2", "P1"}, 0.9)  # the spine's resident turns up here too
    elsewhere = _part("D3", 1, "P3", {"P3"}, 0.2)
    last = _part("D4", 2, "P4", {"P4"}, 0.2)
    picked = _pick([spine, names_the_spine, elsewhere, last], 3, random.Random(1), 3, set())
    assert picked is not None and {f.doc_id for f in picked} == {"D1", "D3", "D4"}
    # with no other part to take, the story is still composed
    picked = _pick([spine, names_the_spine, last], 3, random.Random(1), 3, set())
    assert picked is not None and {f.doc_id for f in picked} == {"D1", "D2", "D4"}


class _Named:
    """People of one document: who its subjects are and where each is named."""

    def __init__(self, text: str, names: dict[str, list[str]], accounts: dict[str, list[str]] | None = None) -> None:
        self.text, self.names, self.accounts = text, names, accounts or {}

    def subjects_of(self, doc_id: str) -> list[str]:
        return list(self.names)

    def documents_of(self, person_id: str) -> list[str]:
        return self.accounts.get(person_id, ["G1", f"G-{person_id}"])

    def mentions_in(self, doc_id: str) -> list[PersonMention]:
        out = []
        for pid, forms in self.names.items():
            for form in forms:
                at = self.text.index(form)
                out.append(PersonMention(doc_id, at, at + len(form), pid))
        return out


def _apart(text: str, names: dict[str, list[str]], accounts: dict[str, list[str]] | None = None) -> set[str]:
    people = _Named(text, names, accounts)
    return _told_apart(Document("G1", text), people, nickname_table())  # type: ignore[arg-type]


def test_two_people_a_group_session_names_apart_are_two_subjects() -> None:
    text = "Marisol Penhale and Teodor Vasse came to the pottery table. Teo threw a bowl; Marisol glazed."
    assert _apart(text, {"P1": ["Marisol Penhale", "Marisol"], "P2": ["Teodor Vasse", "Teo"]}) == {"P1", "P2"}


def test_names_that_could_be_one_person_are_not_told_apart() -> None:
    # a beginning of the other's name: detection may have split one person in two
    text = "Fenwick Lusk came in late. Fen said the bus broke down."
    assert _apart(text, {"P1": ["Fenwick Lusk"], "P2": ["Fen"]}) == set()
    # a known short form of the other's name
    text = "William Oddy joined the walk. Bill kept up the whole way."
    assert _apart(text, {"P1": ["William Oddy"], "P2": ["Bill"]}) == set()
    # a shared surname: written for one person as often as for two
    text = "Hollis Quade was quiet. Then Ms Quade spoke about the flat."
    assert _apart(text, {"P1": ["Hollis Quade"], "P2": ["Ms Quade"]}) == set()
    # a one-word name no table knows, met in exactly the other's accounts: maybe a nickname
    text = "Went with Osvald Tarkka to the housing office. Ossi hates offices."
    accounts = {"P1": ["G1", "G7"], "P2": ["G1", "G7"]}
    assert _apart(text, {"P1": ["Osvald Tarkka"], "P2": ["Ossi"]}, accounts) == set()
    # ... but in accounts of their own, two people
    assert _apart(text, {"P1": ["Osvald Tarkka"], "P2": ["Ossi"]}) == {"P1", "P2"}
    # a name too short to tell anyone apart
    text = "Ottilie Brandt painted. J. sat by the window."
    assert _apart(text, {"P1": ["Ottilie Brandt"], "P2": ["J"]}) == {"P1"}


def test_an_account_about_two_people_told_apart_counts_for_both() -> None:
    a = _part("D1", 0, "P1", {"P1", "P2"}, 1.0)
    b = _part("D1", 2, "P2", {"P2"}, 0.8)
    c = _part("D2", 1, "P3", {"P3"}, 0.5)
    for f in (a, b):
        f.story = f"D1#{f.subject}"
    picked = _pick([a, b, c], 3, random.Random(1), 3, set())
    assert picked is not None and {f.subject for f in picked} == {"P1", "P2", "P3"}
    assert len(_distinct_subjects({f.story: {f.subject} for f in (a, b, c)})) == 3
    # the same parts, their names not told apart: one account, one subject
    a.story = b.story = "D1"
    assert _pick([a, b, c], 3, random.Random(1), 3, set()) is None


class _People:
    """People of several documents: each person's mentions as (document, form)."""

    def __init__(self, docs: dict[str, str], mentions: dict[str, list[tuple[str, str]]]) -> None:
        self.docs, self.mentions = docs, mentions

    def mentions_in(self, doc_id: str) -> list[PersonMention]:
        out = []
        for pid, forms in self.mentions.items():
            for doc, form in forms:
                if doc == doc_id:
                    at = self.docs[doc].index(form)
                    out.append(PersonMention(doc_id, at, at + len(form), pid))
        return sorted(out, key=lambda m: m.start)

    def subjects_of(self, doc_id: str) -> list[str]:
        return list(dict.fromkeys(m.person_id for m in self.mentions_in(doc_id)))


_WORD_DOCS = {
    "D1": "Allotment visit with Tansy Quellbrook. We weeded the allotment and Tansy talked about her brother.",
    "D2": "Allotment day again. Tansy said the beans were up.",
    "D3": "Mum rang in the morning. Sorrel and Mum had a long talk about the move.",
    "D4": "Harbour came by for tea and stayed an hour.",
}


@pytest.mark.parametrize(
    ("mentions", "words"),
    [
        # a dictionary word opening a line, also written in lower case, in no list of names: a word
        ({"P1": [("D1", "Allotment"), ("D1", "allotment"), ("D2", "Allotment")], "P2": [("D1", "Tansy")]}, {"P1"}),
        # written so only with a capital, it may be a name nobody listed
        ({"P1": [("D4", "Harbour")]}, set()),
        # one full name among its mentions makes it a person
        ({"P1": [("D1", "Allotment"), ("D1", "Tansy Quellbrook")]}, set()),
        # a form of address is a person whatever its frequency; a rare word is a name
        ({"P3": [("D3", "Mum")], "P4": [("D3", "Sorrel")]}, set()),
    ],
)
def test_a_person_detection_made_of_a_word_is_no_subject(
    mentions: dict[str, list[tuple[str, str]]], words: set[str]
) -> None:
    people = _People(_WORD_DOCS, mentions)
    docs = [Document(i, t) for i, t in _WORD_DOCS.items()]
    found = word_persons(docs, people, _name_words(load_compose_config()))  # type: ignore[arg-type]
    assert found == words
    if words:  # the part is about the person it names, not the word that opens it
        text = _WORD_DOCS["D1"]
        assert _subject(people, "D1", 0, len(text)) == ("P1", True)  # type: ignore[arg-type]
        assert _subject(people, "D1", 0, len(text), found) == ("P2", True)  # type: ignore[arg-type]


def _coded(doc_id: str, parts: list[str], names: list[str]) -> Document:
    """A diary of coded parts (one segment each), its PERSON spans where ``names`` are written."""
    text, segments = "", []
    for part in parts:
        segments.append(Segment(len(text), len(text) + len(part), ["woodwork"]))
        text += part + "\n\n"
    spans = []
    for name in names:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(s.start <= m.start() < s.end for s in spans):
                spans.append(Span(m.start(), m.end(), "PERSON", text=name))
    return Document(doc_id, text, spans=spans, segments=segments)


def test_a_person_met_in_one_part_of_one_account_is_no_subject_of_their_own() -> None:
    # the "what helped" part names someone who once taught the resident, twice, and the resident only
    # as "him": that person is not a second subject, and the account counts once
    story = _coded(
        "D1",
        [
            "Quillon Hartebeest came to the shed on Tuesday. Quillon sanded the stool all morning.",
            "Years ago Ostrander Pellew taught him to plane a board, and he still says Ostrander made him "
            "measure twice. Remembering that steadied him.",
            "He asked to come back next week, which he has never done before.",
        ],
        ["Quillon Hartebeest", "Quillon", "Ostrander Pellew", "Ostrander"],
    )
    people = resolve_people([story])
    assert len(people.subjects_of("D1")) == 2  # ranked a subject by the document alone
    config = load_compose_config()
    frags = fragments_of([story], ["woodwork"], config, people)
    assert len(frags) == 3 and len({f.subject for f in frags}) == 1
    assert len({f.story for f in frags}) == 1
    assert passers_by(story, people, [(0, 10), (20, 30)]) == set()  # named in no part: not told
    # named in two parts, or the only part there is, a second subject stays one
    two = _coded("D2", [*story.text.split("\n\n")[:2], "Ostrander rang to ask how the stool went."], story_names := [
        "Quillon Hartebeest", "Quillon", "Ostrander Pellew", "Ostrander"
    ])  # fmt: skip
    people = resolve_people([two])
    assert passers_by(two, people, _part_spans(two, Headings(config), 3)) == set()
    one = _coded("D3", [" ".join(story.text.split("\n\n")[:2])], story_names)
    people = resolve_people([one])
    assert passers_by(one, people, _part_spans(one, Headings(config), 3)) == set()
