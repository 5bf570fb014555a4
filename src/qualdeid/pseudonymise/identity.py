"""Mention → identity resolution (the *reduce* step), corpus-wide, on mentions only.

Person mentions are parsed into their form (full name, first name, title + surname, surname,
initials; possessive and case noted) and clustered: full names first, then the shorter forms
attach to the one full-name identity they fit (nicknames via the nickname table). When a short
form fits several identities it is resolved by the document it occurs in when only one of them
is mentioned there; otherwise it becomes its own identity and a review flag is raised — never a
silent merge. Places and organisations are identities by their normalised text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from qualdeid.detect.names.lexicon import POSSESSIVE_ENDING, without_marks
from qualdeid.pseudonymise.surrogates import formal_forms
from qualdeid.rules import Rules

#: titles before a name, and the gender they give (rules/names/titles.txt, title_genders.yaml)
TITLES = Rules().titles
_INITIALS = re.compile(r"^(?:[A-Z](?:\.\s?|\s)?){1,4}$")
_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)


@dataclass(slots=True)
class NameForm:
    """A person mention taken apart: ``prefix`` + name tokens + ``suffix`` (possessive)."""

    prefix: str  # title and spacing, kept verbatim ("Dr ")
    tokens: list[str]
    suffix: str  # "'s", "’s", "'" or ""
    title_gender: str | None
    initials: str  # "JT" when the mention is initials, else ""
    has_title: bool
    core: str = ""  # the name part as written ("J.T.", "Sarah Jones")

    @property
    def kind(self) -> str:
        if self.initials:
            return "initials"
        if len(self.tokens) >= 2:
            return "full"
        return "title_surname" if self.has_title else "single"


def parse_person(text: str) -> NameForm | None:
    suffix = ""
    m = POSSESSIVE_ENDING.search(text)
    core = text
    if m:
        suffix, core = m.group(0), text[: m.start()]
    stripped = core.strip()
    if not stripped:
        return None
    if _INITIALS.match(stripped) and (len(re.findall(r"[A-Z]", stripped)) >= 2 or "." in stripped):
        lead = core[: len(core) - len(core.lstrip())]
        return NameForm(
            lead, [], suffix + core[len(lead) + len(stripped) :], None, re.sub(r"[^A-Z]", "", stripped), False, stripped
        )
    tokens = list(_TOKEN.finditer(core))
    prefix_end = 0
    title_gender = None
    has_title = False
    while len(tokens) > 1 and tokens[0].group(0).lower().rstrip(".") in TITLES.names:
        has_title = True
        title_gender = TITLES.gender(tokens[0].group(0)) or title_gender
        tokens.pop(0)
        prefix_end = tokens[0].start()
    if not tokens:
        return None
    words = [t.group(0) for t in tokens]
    # text between the last name token and the possessive (usually nothing) joins the suffix
    tail = core[tokens[-1].end() :]
    core_text = core[prefix_end : tokens[-1].end()]
    return NameForm(core[:prefix_end], words, tail + suffix, title_gender, "", has_title, core_text)


def normalise_place(text: str) -> str:
    t = POSSESSIVE_ENDING.sub("", text.strip())
    t = re.sub(r"\s+", " ", t).lower()
    return re.sub(r"^the ", "", t)


@dataclass
class PersonIdentity:
    """One real person as scrub tells people apart (the key holds one per pseudonym); ``first``/``last``
    are the real (lowercase, formal) parts where known."""

    key: str
    first: str = ""
    last: str = ""
    initials: str = ""
    gender: str | None = None
    forms: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)

    def initial_letters(self) -> str:
        if self.initials:
            return self.initials
        return (self.first[:1] + self.last[:1]).upper()


@dataclass(slots=True)
class Mention:
    doc: str
    start: int
    end: int
    label: str
    text: str


@dataclass
class Resolution:
    """The identity table: which identity each mention belongs to, and what needs review."""

    persons: dict[str, PersonIdentity] = field(default_factory=dict)
    mention_identity: dict[tuple[str, int, int], str] = field(default_factory=dict)
    #: {"kind", "docs", "detail", "resolved"} — no names; "resolved": a review decision settles every
    #: mention the flag was raised for
    flags: list[dict] = field(default_factory=list)

    def flag(self, kind: str, docs: Iterable[str], detail: str) -> None:
        self.flags.append({"kind": kind, "docs": sorted(set(docs)), "detail": detail, "resolved": False})


class PersonResolver:
    """Clusters person mentions. Existing identities (from an earlier run's key) are seeded first."""

    def __init__(self, nicknames: dict[str, set[str]], genders: dict[str, str]) -> None:
        self.nicknames = nicknames
        self.genders = genders
        self.res = Resolution()
        self._flagged: dict[tuple[str, str], int] = {}  # (kind, word) -> index in res.flags
        self._flag_mentions: dict[int, set[tuple[str, int, int]]] = defaultdict(set)
        # Indexes over self.res.persons (insertion order kept), so that resolving n mentions
        # against m identities costs O(n) lookups rather than O(n * m) comparisons.
        self._order: dict[str, int] = {}
        self._by_form: dict[str, list[PersonIdentity]] = defaultdict(list)  # formal form of the first name
        self._by_last: dict[str, list[PersonIdentity]] = defaultdict(list)  # surname without accents
        self._by_initial: dict[str, list[PersonIdentity]] = defaultdict(list)  # first letter of the initials

    def compatible(self, a: str, b: str) -> bool:
        return a == b or bool(formal_forms(a, self.nicknames) & formal_forms(b, self.nicknames))

    def _index(self, p: PersonIdentity) -> None:
        self._order[p.key] = len(self._order)
        if p.first:
            for form in formal_forms(p.first, self.nicknames):
                self._by_form[form].append(p)
        if p.last:
            self._by_last[without_marks(p.last)].append(p)
        self._by_initial[p.initial_letters()[:1]].append(p)

    def _with_first(self, word: str) -> list[PersonIdentity]:
        """Identities whose first name is compatible with ``word``, in the order they were made."""
        found: dict[str, PersonIdentity] = {}
        for form in formal_forms(word, self.nicknames):
            for p in self._by_form.get(form, ()):
                found.setdefault(p.key, p)
        return sorted(found.values(), key=lambda p: self._order[p.key])

    def full_names_fitting(self, word: str) -> list[PersonIdentity]:
        """Identities with a first name and a surname whose first name fits ``word`` (after ``resolve``)."""
        return [p for p in self._with_first(word) if p.last]

    def canonical_first(self, first: str) -> str:
        forms = self.nicknames.get(first, set())
        return next(iter(forms)) if len(forms) == 1 else first

    def gender_of(self, first: str) -> str | None:
        for f in sorted(formal_forms(first, self.nicknames)):
            if f in self.genders:
                return self.genders[f]
        return None

    def add_existing(self, key: str, first: str, last: str, initials: str, gender: str | None) -> None:
        self._add(PersonIdentity(key, first, last, initials, gender))

    def _add(self, p: PersonIdentity) -> PersonIdentity:
        old = self.res.persons.get(p.key)
        if old is not None:  # replaced (add_existing called twice): drop it from the indexes
            for table in (self._by_form, self._by_last, self._by_initial):
                for bucket in table.values():
                    if old in bucket:
                        bucket.remove(old)
            del self._order[p.key]
        self.res.persons[p.key] = p
        self._index(p)
        return p

    def _new(self, key: str, **kw) -> PersonIdentity:
        p = self.res.persons.get(key)
        if p is None:
            p = self._add(PersonIdentity(key, **kw))
        return p

    def _flag_once(self, kind: str, what: str, m: Mention, detail: str) -> None:
        """One flag per kind and word, listing every document and mention it was raised for."""
        index = self._flagged.get((kind, what))
        if index is None:
            index = self._flagged[(kind, what)] = len(self.res.flags)
            self.res.flag(kind, [m.doc], detail)
        else:
            flag = self.res.flags[index]
            flag["docs"] = sorted({*flag["docs"], m.doc})
        self._flag_mentions[index].add((m.doc, m.start, m.end))

    def resolve(self, mentions: list[Mention], pins: dict[tuple[str, int, int], str] | None = None) -> Resolution:
        """Cluster ``mentions``; ``pins`` (mention key -> a name of the researcher's) are review decisions:
        the mentions pinned to one name are one person, whatever the rules below would say."""
        parsed = [(m, parse_person(m.text)) for m in mentions]
        parsed = [(m, f) for m, f in parsed if f is not None]
        by_doc: dict[str, set[str]] = defaultdict(set)  # identities mentioned by full name per document
        # 1. full names
        for m, f in parsed:
            if f.kind != "full":
                continue
            first, last = f.tokens[0].lower(), f.tokens[-1].lower()
            person = next(
                (p for p in self._by_last.get(without_marks(last), ()) if p.first and self.compatible(p.first, first)),
                None,
            )
            if person is None:
                cf = self.canonical_first(first)
                person = self._new(f"PERSON|{cf}|{last}", first=cf, last=last, gender=self.gender_of(first))
            self._assign(m, f, person)
            by_doc[m.doc].add(person.key)
            by_doc[_file_of(m.doc)].add(person.key)
        # identities made from here on never have both a first name and a surname: "full" is fixed
        # 2. short forms, longest-lived identities first
        for m, f in parsed:
            if f.kind == "full":
                continue
            if f.kind == "initials":
                cands = [
                    p
                    for p in self._by_initial.get(f.initials[0], ())
                    if p.first and p.last and self._initials_fit(p, f.initials)
                ]
                person = self._choose(cands, m, by_doc, "initials", f.initials)
                if person is None:
                    person = self._new(f"PERSON|initials:{f.initials}", initials=f.initials)
                self._assign(m, f, person)
                continue
            word = f.tokens[0].lower()
            with_first = self._with_first(word)
            as_first = [p for p in with_first if p.last]
            as_last = [p for p in self._by_last.get(without_marks(word), ()) if p.first]
            if f.kind == "title_surname" or (as_last and not as_first):
                cands = [p for p in as_last if not _gender_conflict(f.title_gender, p.gender)]
                if len(cands) < len(as_last):
                    self._flag_once(
                        "surname_shared",
                        word,
                        m,
                        "a title + surname fits a person of another gender; kept apart, same pseudonym surname",
                    )
                person = self._choose(cands, m, by_doc, "surname", word)
                if person is None:
                    person = self._new(f"PERSON|surname:{word}", last=word, gender=f.title_gender)
                elif person.gender is None:
                    person.gender = f.title_gender  # "Mr Petrakis": the title tells what the first name did not
                self._assign(m, f, person)
                continue
            person = self._choose(as_first, m, by_doc, "first_name", word)
            if person is None:
                bare = [p for p in with_first if not p.last]
                person = bare[0] if len(bare) == 1 else None
            if person is None:
                cf = self.canonical_first(word)
                person = self._new(f"PERSON|first:{cf}", first=cf, gender=self.gender_of(word))
            self._assign(m, f, person)
        if pins:
            self._apply_pins(parsed, pins)
            for index, keys in self._flag_mentions.items():
                self.res.flags[index]["resolved"] = all(k in pins for k in keys)
        return self.res

    def _apply_pins(self, parsed: list[tuple[Mention, NameForm]], pins: dict[tuple[str, int, int], str]) -> None:
        """Merge: pinned with a full name (or with a mention of another identity that has one), the
        mentions join that identity. Split: pinned only among themselves, they become a person of their own."""
        pinned: dict[str, list[tuple[Mention, NameForm]]] = defaultdict(list)
        for m, f in parsed:
            tag = pins.get((m.doc, m.start, m.end))
            if tag is not None:
                pinned[tag].append((m, f))
        for tag, members in pinned.items():
            resolved = [self.res.persons[self.res.mention_identity[(m.doc, m.start, m.end)]] for m, _ in members]
            full = [p for (_, f), p in zip(members, resolved, strict=True) if f.kind == "full"]
            if not full and len({p.key for p in resolved}) > 1:  # short forms of several identities merged
                full = [p for p in resolved if p.first and p.last]
            if full:
                person = full[0]
            else:
                f = members[0][1]
                word = f.tokens[0].lower() if f.tokens else ""
                surname = f.kind == "title_surname"
                person = self._new(
                    f"PERSON|review:{tag}",
                    first="" if surname else self.canonical_first(word),
                    last=word if surname else "",
                    initials=f.initials,
                    gender=f.title_gender or (None if surname else self.gender_of(word)),
                )
            for m, f in members:
                self._assign(m, f, person)

    def _same_spelling(self, cands: list[PersonIdentity], m: Mention, word: str) -> PersonIdentity | None:
        """ "Bob" when Bob Venn and Rob Ashby both fit Robert: the one whose name is written "Bob"."""
        spelled = [p for p in cands if any(form.split()[0].lower() == word for form in p.forms)]
        if len(spelled) != 1:
            return None
        self._flag_once(
            "resolved_by_spelling",
            word,
            m,
            f"a first name fits {len(cands)} people; taken as the one whose name is written the same way",
        )
        return spelled[0]

    def _initials_fit(self, p: PersonIdentity, initials: str) -> bool:
        mine = p.initial_letters()
        if len(initials) == 1:
            return mine[:1] == initials
        return mine[:1] == initials[0] and mine[-1:] == initials[-1]

    def _choose(self, cands: list[PersonIdentity], m: Mention, by_doc: dict[str, set[str]], kind: str, what: str):
        if len(cands) == 1:
            return cands[0]
        if len(cands) > 1:
            local = [p for p in cands if p.key in by_doc.get(m.doc, set())]
            if len(local) == 1:
                return local[0]
            # then the file it came from (a .jsonl or .csv file is usually one setting or site)
            in_file = [p for p in cands if p.key in by_doc.get(_file_of(m.doc), set())]
            if not local and len(in_file) == 1:
                self._flag_once(
                    f"resolved_by_file_{kind}",
                    what,
                    m,
                    f"a {kind.replace('_', ' ')} fits {len(cands)} people; taken as the one named in the same file",
                )
                return in_file[0]
            spelled = self._same_spelling(cands, m, what) if kind == "first_name" and not local else None
            if spelled is not None:
                return spelled
            self._flag_once(
                f"ambiguous_{kind}",
                what,
                m,
                f"a {kind.replace('_', ' ')} fits {len(cands)} people; kept as a separate identity for review",
            )
        return None

    def _assign(self, m: Mention, f: NameForm, person: PersonIdentity) -> None:
        person.forms.add(m.text)
        person.docs.add(m.doc)
        self.res.mention_identity[(m.doc, m.start, m.end)] = person.key


def _file_of(doc: str) -> str:
    """Documents keys are "file\x1fid\x1fline"; the file part groups the records of one file."""
    return "file:" + doc.split("\x1f", 1)[0] if "\x1f" in doc else "file:"


def _gender_conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b
