"""The cast of a composite: who each person of the fragments becomes, by identity.

Each fragment's subject becomes the one composite character; everyone else keeps one invented name
for all their mentions: a worker or staff member a colleague, a relative of the subject a relative
(the subject's mum in two accounts is the character's one mum), anyone else another person. A
relative never takes the character's name because they share a surname; a family's invented
surname is shared. The character is introduced once by full name, then called by first name;
titles follow the invented person's gender ("Mrs" for a woman, "Mr" for a man, none when unknown).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from qualdeid.compose.names import Invented, NamePicker
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.pseudonymise.identity import NameForm, parse_person
from qualdeid.pseudonymise.surrogates import gender_table
from qualdeid.rules import Rules

GENDER_FOR = {"she": "F", "he": "M", "they": None}
TITLE_FOR = {"F": "Ms", "M": "Mr"}


@dataclass(frozen=True)
class Kinship:
    """The vocabulary of the cast, from ``compose/cast.yaml``, ``compose/relations.yaml`` and
    ``names/title_genders.yaml``: the titles compose re-genders (title -> gender or None), the
    relation each kin word names ("mum" -> "mother") and the gender of a relation."""

    titles: Mapping[str, str | None]
    relation_of: Mapping[str, str]
    relation_gender: Mapping[str, str]
    #: a noun that says a person's gender -> its form for each --pronouns ("man" -> {"she": "woman", ...})
    gendered_nouns: Mapping[str, Mapping[str, str]]

    @classmethod
    @lru_cache(maxsize=8)
    def load(cls, rules_dirs: tuple[Path, ...] = ()) -> Kinship:
        rules = Rules(list(rules_dirs))
        cast = rules.lists("compose/cast.yaml")
        relations = rules.lists("compose/relations.yaml")
        title_genders = rules.titles.genders
        return cls(
            titles={t: title_genders.get(t) for t in cast["address_titles"]},
            relation_of={w: k for k in relations for w in relations[k]},
            relation_gender={r: "F" for r in cast["female_relations"]} | {r: "M" for r in cast["male_relations"]},
            gendered_nouns=_gendered_nouns(cast["gendered_nouns"]),
        )


def _gendered_nouns(entries: Iterable[str]) -> dict[str, dict[str, str]]:
    """Each noun's forms; a noun of several entries ("woman" of "man" and "bloke") takes the entry with
    the most common other noun."""
    out: dict[str, dict[str, str]] = {}
    for entry in sorted(entries, key=lambda e: (-sum(zipf(w) for w in e.split("/")), e)):
        male, female, neutral = entry.split("/")
        forms = {"he": male, "she": female, "they": neutral}
        out.setdefault(male, forms)
        out.setdefault(female, forms)
    return out


@dataclass
class Member:
    """One invented person of the draft and the real people it stands for."""

    role: str  # "character" | "colleague" | "relative" | "other"
    invented: Invented
    persons: set[str] = field(default_factory=set)
    relation: str = ""  # a relative's relation to the character ("mother")
    introduced: bool = False


class Cast:
    def __init__(self, picker: NamePicker, pronouns: str, age: int | None) -> None:
        self.picker = picker
        self.kinship = Kinship.load(tuple(picker.rules_dirs))
        self.first_names = _first_names(tuple(picker.rules_dirs))
        self.character = Member("character", picker.pick(GENDER_FOR[pronouns], age))
        self._by_person: dict[str, Member] = {}
        self._relatives: dict[str, Member] = {}
        self._others: dict[str, Member] = {}

    @property
    def members(self) -> list[Member]:
        seen: dict[int, Member] = {id(self.character): self.character}
        for m in [*self._by_person.values(), *self._relatives.values(), *self._others.values()]:
            seen.setdefault(id(m), m)
        return list(seen.values())

    def member_of(self, person: str) -> Member | None:
        """The invented person a real person (People id) has become so far, if any."""
        return self.character if person in self.character.persons else self._by_person.get(person)

    def member(
        self,
        person: str | None,
        *,
        subject: str | None,
        role: str,
        gender: str | None,
        age: int | None,
        role_word: str | None,
        same_family: bool,
        fallback_key: str,
    ) -> Member:
        """Who ``person`` (a People id, or None for a name no identity was found for) becomes."""
        if person is not None and person == subject:
            self.character.persons.add(person)
            return self.character
        if person is not None and person in self._by_person:
            return self._by_person[person]
        if person is None:
            if fallback_key not in self._others:
                self._others[fallback_key] = Member("other", self.picker.pick(gender, age))
            return self._others[fallback_key]
        if role == "relative":
            relation = self.kinship.relation_of.get((role_word or "").split()[-1] if role_word else "", "")
            gender = gender or self.kinship.relation_gender.get(relation)
            last = self.character.invented.last if same_family else None
            if relation and relation in self._relatives:
                m = self._relatives[relation]
            else:
                m = Member("relative", self.picker.pick(gender, age, last=last), relation=relation)
                if relation:
                    self._relatives[relation] = m
        else:
            cast_role = "colleague" if role in ("worker", "staff") else "other"  # format: role codes of the data model
            m = Member(cast_role, self.picker.pick(gender, age))
        m.persons.add(person)
        self._by_person[person] = m
        return m

    def render(self, member: Member, written: str, surname: str | None = None) -> str:
        """The invented form of one mention, shaped like it (title, possessive, initials); ``surname``
        is the person's real surname, so that a surname alone becomes the invented surname."""
        form = parse_person(written)
        inv = member.invented
        if form is None:
            return inv.first
        if member is self.character:
            out = inv.first if member.introduced else f"{inv.first} {inv.last}"
            member.introduced = True
            return out + form.suffix
        if form.kind == "initials":
            dotted = "." in form.core
            out = f"{inv.first[0]}.{inv.last[0]}." if dotted else f"{inv.first[0]}{inv.last[0]}"
        elif form.kind == "title_surname":
            out = _titled(
                form, inv, self.kinship.titles, first=_first_name_after_title(form, surname, self.first_names)
            )
        elif form.kind == "full":
            out = f"{inv.first} {inv.last}"
        elif surname and form.tokens and form.tokens[0].lower() == surname:
            out = inv.last
        else:
            out = inv.first
        return out + form.suffix


@lru_cache(maxsize=8)
def _first_names(rules_dirs: tuple[Path, ...]) -> frozenset[str]:
    return frozenset(gender_table()) | Rules(list(rules_dirs)).words("names/first_names.txt", lower=True)


def _first_name_after_title(form: NameForm, surname: str | None, first_names: frozenset[str]) -> bool:
    """ "Miss Tobiah", "Aunty Rosa": a title before a first name, not a surname (the person's own
    surname, where known, decides; else the list of first names)."""
    if len(form.tokens) != 1:
        return False
    low = re.sub(r"['’]s?$", "", form.tokens[0]).lower()
    return low != surname and low in first_names


def _titled(form: NameForm, inv: Invented, titles: Mapping[str, str | None], first: bool = False) -> str:
    """The title before the invented surname (or first name, when the title stood before a first name),
    changed to the invented person's gender."""
    title = form.prefix.strip()
    key = title.lower().rstrip(".")
    if key in titles:
        if inv.gender is None:
            return f"{inv.first} {inv.last}"
        if titles[key] != inv.gender:
            title = TITLE_FOR[inv.gender]
    return f"{title} {inv.first if first else inv.last}"


def surname_of(texts: list[str]) -> str | None:
    """The surname of a person from the ways they are written (the last word of a full name)."""
    for t in texts:
        form = parse_person(t)
        if form is not None and form.kind in ("full", "title_surname"):
            return re.sub(r"['’]s?$", "", form.tokens[-1]).lower()
    return None
