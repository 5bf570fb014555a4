"""Other names the accounts give a person: one person is one subject under every name the corpus shows.

"Tamsk (everyone calls him TQ) ...", "Orrin, known as Oz, ...": a name a naming frame gives right after a
person's name is that person's other name. Detection may find the person's name and miss the other one
(two capitals, a nickname no list holds), so that another account, which calls the person only by the
other name, seems to be about someone else: two subjects where there is one, and the other name left in
the draft. Compose adds the other name as a PERSON mention wherever the corpus writes it as written, and
joins its identity to the named person's after the people are resolved.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from qualdeid.corpus.model import Document, Span
from qualdeid.pseudonymise.people import CorpusPerson, People, PersonMention

#: A naming frame right after a person's name, in the same clause or bracket: "(everyone calls him TQ",
#: ", the staff call her Bee", ", who we all call Bee", ", known as Oz", " who goes by Kit", ", nicknamed Sparks".
#: The other name is capitalised (or in capitals), maybe in quotes.
_FRAME_AFTER = re.compile(
    r"[ \t]*(?:[,(–—-][ \t]*)?(?:[a-z]+[ \t]+){0,3}?"
    r"(?:(?:calls?|called)[ \t]+(?:him|her|them)|(?:who|whom)[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:calls?|called)"
    r"|known[ \t]+as|goes[ \t]+by|go[ \t]+by|nicknamed)"
    r"[ \t]+['\"‘“]?(?P<alias>[A-Z][A-Za-z'’-]*[A-Za-z])(?![\w'’-])"
)


def _occurrences(text: str, alias: str) -> Iterable[tuple[int, int]]:
    """Where ``text`` writes the other name as a name: as written, not after an article ("the DJ played")."""
    for m in re.finditer(r"(?<![\w'’-])" + re.escape(alias) + r"(?:['’]s)?(?![\w'’-])", text):
        if not re.search(r"\b(?:the|a|an)\s+$", text[max(0, m.start() - 5) : m.start()], re.IGNORECASE):
            yield m.start(), m.end()


def given_names(docs: Sequence[Document], not_names: Collection[str] = ()) -> list[tuple[str, int, int, str]]:
    """(document id, start, end, other name) of each name a naming frame gives right after a PERSON span;
    start and end are the named person's span. A name the corpus also writes in lower case as a word
    ("calls him Buddy" beside "my buddy"), a form of address or kin word (``not_names``, lower case: "calls him
    Grandad") or a word of the person's own name is no other name."""
    lower = {w for d in docs for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", d.text)}
    out = []
    for d in docs:
        for s in d.spans:
            if s.label != "PERSON":
                continue
            m = _FRAME_AFTER.match(d.text, s.end)
            if m is None or "\n" in m.group():
                continue
            alias = m.group("alias")
            low = alias.lower()
            if low in lower or low in not_names or low in d.text[s.start : s.end].lower().split():
                continue
            out.append((d.id, s.start, s.end, alias))
    return out


def with_given_names(docs: Sequence[Document], given: list[tuple[str, int, int, str]]) -> list[Document]:
    """The documents with a PERSON span added wherever a given other name is written as written and no span
    is (every document of the corpus: the other account calls the person only so)."""
    aliases = sorted({a for *_, a in given})
    if not aliases:
        return list(docs)
    out = []
    for d in docs:
        added = []
        for alias in aliases:
            for a, b in _occurrences(d.text, alias):
                if not any(s.start < b and a < s.end for s in [*d.spans, *added]):
                    added.append(Span(a, b, "PERSON", d.text[a:b], 1.0, "compose: other name", reason="given name"))
        out.append(replace(d, spans=sorted([*d.spans, *added], key=lambda s: (s.start, s.end))) if added else d)
    return out


def join_given_names(people: People, docs: Sequence[Document], given: list[tuple[str, int, int, str]]) -> People:
    """``people`` with the identity of each given other name joined to the named person's: their mentions,
    documents and subjects under one id (the one named more often)."""
    by_id = {d.id: d for d in docs}
    parent: dict[str, str] = {}

    def root(p: str) -> str:
        while p in parent:
            p = parent[p]
        return p

    counts: dict[str, int] = {}
    for d in docs:
        for m in people.mentions_in(d.id):
            counts[m.person_id] = counts.get(m.person_id, 0) + 1
    for doc_id, start, end, _alias in given:
        named = people.person_at(doc_id, start, end)
        text = by_id[doc_id].text
        frame = _FRAME_AFTER.match(text, end)
        if named is None or frame is None:
            continue
        other = people.person_at(doc_id, frame.start("alias"), frame.end("alias"))
        if other is None:
            continue
        a, b = root(named), root(other)
        if a == b or people.person(a).narrator or people.person(b).narrator:
            continue
        keep, gone = (a, b) if counts.get(a, 0) >= counts.get(b, 0) else (b, a)
        parent[gone] = keep
    if not parent:
        return people
    persons: dict[str, CorpusPerson] = {}
    for p in people:
        k = root(p.id)
        if k != p.id:
            continue
        merged = [people.person(q) for q in [p.id, *(q for q in parent if root(q) == p.id)]]
        documents = tuple(dict.fromkeys(x for m in merged for x in m.documents))
        gender = next((m.gender for m in merged if m.gender), None)
        age = next((m.age for m in merged if m.age is not None), None)
        role = p.role if p.role != "other" else next((m.role for m in merged if m.role != "other"), p.role)
        persons[p.id] = replace(p, role=role, documents=documents, gender=gender, age=age)
    doc_ids = [d.id for d in docs]
    subjects = {d: list(dict.fromkeys(root(s) for s in people.subjects_of(d))) for d in doc_ids}
    narrators = {d: n for d in doc_ids if (n := people.narrator_of(d)) is not None}
    mentions = {
        d: [
            PersonMention(m.doc_id, m.start, m.end, root(m.person_id), m.role_hint, m.role_word)
            for m in people.mentions_in(d)
        ]
        for d in doc_ids
    }
    return People(persons, subjects, narrators, mentions)
