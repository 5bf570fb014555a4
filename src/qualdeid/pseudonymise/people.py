"""The people of a corpus: who each document is about, who wrote it, and who is who across documents.

Person mentions (the PERSON spans the documents carry) are linked into identities by the resolver
``scrub`` uses (``identity.PersonResolver``: full names first, then first names, title + surname,
initials and nicknames attached to them). Each identity gets a role from the words right next to its
mentions (``rules/people/roles.yaml``): "her mum Rosa" is a relative, "Ben the OT" staff, "my
colleague Kit" a worker. A short mention read as a relative ("his nan, Mrs Okoro") is never merged
with the resident who has that surname. The narrator of a document is its record's ``author`` (one
person per author and group across the corpus) or, without one, the document's first-person voice.
The subjects of a document are its most mentioned people who are neither workers, staff nor
relatives; they, and anyone marked as a resident or client, have the role "subject".

Person ids ("P1", "P2", ...) number the people in order of first appearance and carry no name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from qualdeid.corpus.model import Document
from qualdeid.detect.names.lexicon import POSSESSIVE_ENDING
from qualdeid.pseudonymise.dates import NUMBER_WORDS, TENS
from qualdeid.pseudonymise.identity import Mention, NameForm, PersonResolver, parse_person
from qualdeid.pseudonymise.surrogates import gender_table, nickname_table
from qualdeid.rules import Rules

ROLES = ("subject", "worker", "relative", "staff", "other")  # format: role codes of the data model
#: When votes tie, the safer reading wins: a relative or a worker is never taken for the subject.
_ROLE_PRIORITY = {"relative": 0, "staff": 1, "worker": 2, "subject": 3}  # format: role codes of the data model
NON_SUBJECT_ROLES = frozenset({"worker", "relative", "staff"})  # format: role codes of the data model

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CLAUSE_END = re.compile(r"[.!?;:\n()\[\]]")
_DETERMINERS = r"(?:the|our|my|his|her|their|your|a|an|one of (?:the|our)|[^\W\d_]+['’]s)"
#: Apposition or predicate after a name: "Rosa, his mum", "Ben the OT", "Kit (peer worker)", "Jo is our OT".
_AFTER = re.compile(
    rf"^(?:\s*[,(\-–—]\s*(?:{_DETERMINERS}\s*)?|\s+{_DETERMINERS}\s+|\s+(?:is|was|'s|’s)\s+(?:{_DETERMINERS}\s+)?)"
    r"([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})",
    re.IGNORECASE,
)
#: Decade words of ages ("in her sixties"), with the decade they start.
DECADES = {
    "teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|myself)\b")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_FEMALE_PRONOUNS = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_MALE_PRONOUNS = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CorpusPerson:
    """One person of the corpus, without their name."""

    id: str  # "P1", "P2", ...: stable for the same corpus, never a name
    role: str  # one of ROLES
    documents: tuple[str, ...]  # ids of the documents that mention them, or that they narrate
    gender: str | None = None  # "F", "M", or None when nothing tells
    age: int | None = None  # an age stated next to their name ("Hope is 27"; "in her sixties" -> 65)
    narrator: bool = False  # the author (or first-person voice) of documents


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A PERSON span of a document and the person it names."""

    doc_id: str
    start: int
    end: int
    person_id: str
    role_hint: str | None = None  # the role this mention's own context tells ("her mum Rosa": relative)
    role_word: str | None = None  # the words that tell it ("mum", "the ot" -> "ot")


@dataclass(frozen=True)
class RoleWords:
    """The role vocabulary of ``rules/people/roles.yaml``."""

    relative: frozenset[str]
    worker: frozenset[str]
    staff: frozenset[str]
    staff_titles: frozenset[str]
    subject: frozenset[str]
    female: frozenset[str]
    male: frozenset[str]

    @classmethod
    def load(cls, rules_dirs: Iterable[Path] = ()) -> RoleWords:
        merged: dict[str, set[str]] = defaultdict(set)
        for doc in Rules(list(rules_dirs)).yaml("people/roles.yaml"):
            for k, v in (doc or {}).items():
                merged[k] |= {str(x).lower() for x in v or []}
        return cls(**{f: frozenset(merged.get(f, ())) for f in cls.__dataclass_fields__})

    def role_of(self, phrase: str) -> str | None:
        for role in ("relative", "staff", "worker", "subject"):  # format: role codes of the data model
            if phrase in getattr(self, role):
                return role
        return None

    def gender_of(self, phrase: str) -> str | None:
        last = phrase.split()[-1] if phrase else ""
        return "F" if last in self.female else "M" if last in self.male else None


class People:
    """Who a corpus is about. Built by :func:`resolve_people`."""

    def __init__(
        self,
        persons: dict[str, CorpusPerson],
        subjects: dict[str, list[str]],
        narrators: dict[str, str],
        mentions: dict[str, list[PersonMention]],
    ) -> None:
        self._persons = persons
        self._subjects = subjects
        self._narrators = narrators
        self._mentions = mentions

    def __iter__(self):
        return iter(self._persons.values())

    def __len__(self) -> int:
        return len(self._persons)

    def subjects_of(self, doc_id: str) -> list[str]:
        """Ids of the people a document is about, main subject first."""
        return list(self._subjects.get(doc_id, ()))

    def narrator_of(self, doc_id: str) -> str | None:
        """Id of the document's author or first-person narrator."""
        return self._narrators.get(doc_id)

    def person(self, person_id: str) -> CorpusPerson:
        return self._persons[person_id]

    def documents_of(self, person_id: str) -> list[str]:
        return list(self._persons[person_id].documents)

    def mentions_in(self, doc_id: str) -> list[PersonMention]:
        """The document's person mentions in text order."""
        return list(self._mentions.get(doc_id, ()))

    def person_at(self, doc_id: str, start: int, end: int) -> str | None:
        """The person named by the mention that overlaps ``start:end`` most, if any."""
        best, overlap = None, 0
        for m in self._mentions.get(doc_id, ()):
            o = min(end, m.end) - max(start, m.start)
            if o > overlap:
                best, overlap = m.person_id, o
        return best


@dataclass
class _Identity:
    key: str
    mentions: list[tuple[Mention, NameForm, str | None]] = field(default_factory=list)  # mention, form, hint
    gender: str | None = None  # from the first name
    told: Counter[str] = field(default_factory=Counter)  # genders a title or kinship word tells


def resolve_people(
    docs: Sequence[Document],
    *,
    rules_dirs: Iterable[Path] = (),
    role_words: RoleWords | None = None,
) -> People:
    """The people of ``docs``, whose PERSON spans are the mentions (detected or annotated)."""
    rules_dirs = tuple(rules_dirs)
    words = role_words or RoleWords.load(rules_dirs)
    genders = gender_table()
    by_id = {d.id: d for d in docs}
    mentions: list[Mention] = []
    for d in docs:
        for s in sorted(d.spans, key=lambda s: s.start):
            if s.label == "PERSON" and 0 <= s.start < s.end <= len(d.text):
                mentions.append(Mention(_doc_key(d), s.start, s.end, "PERSON", d.text[s.start : s.end]))
    nicknames = nickname_table(rules_dirs)
    resolution = PersonResolver(nicknames, genders).resolve(mentions)
    identities: dict[str, _Identity] = {}
    role_words: dict[tuple[str, int, int], str | None] = {}
    for m in mentions:
        key = resolution.mention_identity.get((m.doc, m.start, m.end))
        form = parse_person(m.text)
        if key is None or form is None:
            continue
        text = by_id[_doc_id(m.doc)].text
        hint, gender, phrase = _context_role(text, m.start, m.end, form, words)
        ident = identities.setdefault(key, _Identity(key, gender=resolution.persons[key].gender))
        ident.mentions.append((m, form, hint))
        role_words[(m.doc, m.start, m.end)] = phrase
        if gender is not None:
            ident.told[gender] += 1
    _split_relatives(identities)
    _family_titles(identities)
    _clipped_names(identities, set(genders) | set(nicknames))
    _shared_short_forms(identities, nicknames)
    _aliases(identities, by_id)
    named = {(_doc_id(d), s, e): w for (d, s, e), w in role_words.items()}
    return _build(docs, identities, named, age_link(rules_dirs))


def _doc_key(doc: Document) -> str:
    # the resolver groups records of one file by the part before \x1f (a file is usually one setting)
    return f"{doc.source or ''}\x1f{doc.id}"


def _doc_id(key: str) -> str:
    return key.split("\x1f", 1)[1]


def _context_role(
    text: str, start: int, end: int, form: NameForm, words: RoleWords
) -> tuple[str | None, str | None, str | None]:
    """(role, gender, role words) told by the words right next to one mention, and by its title."""
    title = text[start:end][: len(form.prefix)].strip().lower().rstrip(".")
    if title in words.staff_titles:
        return "staff", form.title_gender, title
    if title in words.relative:
        return "relative", form.title_gender or words.gender_of(title), title
    before = text[max(0, start - 60) : start]
    cut = [m.end() for m in _CLAUSE_END.finditer(before)]
    before_words = [w.lower() for w in _WORD.findall(before[cut[-1] :] if cut else before)]
    for n in (3, 2, 1):
        if len(before_words) >= n:
            phrase = " ".join(before_words[-n:])
            role = words.role_of(phrase)
            if role:
                return role, form.title_gender or words.gender_of(phrase), phrase
    if not POSSESSIVE_ENDING.search(text[start:end]):  # "Nate's mum" is someone else
        m = _AFTER.match(text[end : end + 60])
        if m:
            raw = _WORD.findall(m.group(1))
            after = [w.lower() for w in raw]
            for n in (3, 2, 1):
                phrase = " ".join(after[:n])
                role = words.role_of(phrase) if len(after) >= n else None
                if role and len(raw) > n and raw[n][:1].isupper():
                    break  # "Tobiah, his brother Brannoch": the role word is the next name's
                if role:
                    return role, form.title_gender or words.gender_of(phrase), phrase
    return None, form.title_gender, None


def _majority(hints: Iterable[str | None]) -> str | None:
    votes = Counter(h for h in hints if h)
    if not votes:
        return None
    return min(votes, key=lambda r: (-votes[r], _ROLE_PRIORITY[r]))


def _split_relatives(identities: dict[str, _Identity]) -> None:
    """A surname mention read as a relative ("his nan, Mrs Okoro", "Mr Okoro, his dad") leaves the
    identity of a resident it was attached to through the shared surname."""
    for key in list(identities):
        ident = identities[key]
        last = next((f.tokens[-1].lower() for _, f, _ in ident.mentions if f.kind == "full"), None)

        def by_surname(form: NameForm, last: str | None = last) -> bool:
            return form.kind == "title_surname" or (form.kind == "single" and form.tokens[0].lower() == last)

        moved = [x for x in ident.mentions if x[2] == "relative" and by_surname(x[1])]
        if not moved or all(x[2] == "relative" or by_surname(x[1]) for x in ident.mentions):
            continue
        ident.mentions = [x for x in ident.mentions if x not in moved]
        for m, form, hint in moved:
            new_key = f"{key}#relative:{form.tokens[-1].lower()}:{form.title_gender or ''}"
            rel = identities.setdefault(new_key, _Identity(new_key))
            rel.mentions.append((m, form, hint))
            if form.title_gender:
                rel.told[form.title_gender] += 1


#: The words that give a person's other name right before it: "everyone calls him Pudge", "the staff call her
#: Wren", "known as Tiff", "goes by Bo", "nicknamed Stitch".
_NAMING_FRAME = re.compile(
    r"(?:\b(?:calls?|called|calling)\s+(?P<pronoun>him|her|them)|\bknown\s+(?:to\s+\w+\s+)?as|"
    r"\b(?:goes|went|going)\s+by|\bnicknamed)\s+['\"‘“]?$",
    re.IGNORECASE,
)
#: How far before its other name the full name may stand, in one paragraph.
_NAMING_REACH = 320


def _join(identities: dict[str, _Identity], owner: dict[tuple[str, int], str], keep: str, gone: str) -> None:
    if len(identities[gone].mentions) > len(identities[keep].mentions):
        keep, gone = gone, keep
    identities[keep].mentions.extend(identities[gone].mentions)
    identities[keep].told.update(identities[gone].told)
    identities[keep].gender = identities[keep].gender or identities[gone].gender
    del identities[gone]
    for k, v in list(owner.items()):
        if v == gone:
            owner[k] = keep


def _named_so(identities: dict[str, _Identity], by_id: dict[str, Document]) -> None:
    """ "Orsolya Venn, new referral, everyone calls her Sol", "the staff call her Sol": a name that a naming
    frame gives is another name of the person the paragraph named last with a full name (first and last
    name) before it; their identities become one. A pronoun of the frame that the full name's gender
    contradicts ("calls him" after a woman's name) joins nothing."""
    owner: dict[tuple[str, int], str] = {}  # (doc, start of a mention) -> identity key
    full: dict[str, list[tuple[int, str]]] = defaultdict(list)  # doc -> (start, identity key) of full names
    for key, ident in identities.items():
        for m, form, _ in ident.mentions:
            owner[(m.doc, m.start)] = key
            if len(form.tokens) >= 2 and not form.initials:
                full[m.doc].append((m.start, key))
    ends: dict[tuple[str, int], int] = {}  # (doc, end of a mention) -> its start
    for ident in identities.values():
        for m, _, _ in ident.mentions:
            ends[(m.doc, m.end)] = m.start
    for (doc, start), key in sorted(owner.items()):
        text = by_id[_doc_id(doc)].text
        between = re.search(r"\s+['\"‘“]?$", text[max(0, start - 4) : start])
        named = ends.get((doc, start - len(between.group()))) if between else None
        if named is not None and re.search(r"\bcall(?:s|ed|ing)?\s+$", text[max(0, named - 12) : named]):
            other = owner.get((doc, named))  # "everyone calls Orsolya 'Sol'": the name before is the person's
            if other is not None and other != owner[(doc, start)] and other in identities:
                _join(identities, owner, other, owner[(doc, start)])
            continue
        frame = _NAMING_FRAME.search(text[max(0, start - 40) : start])
        if frame is None:
            continue
        before = [
            (s, k)
            for s, k in full.get(doc, ())
            if start - _NAMING_REACH <= s < start and "\n\n" not in text[s:start] and owner.get((doc, s)) is not None
        ]
        if not before:
            continue
        other = owner[(doc, max(before)[0])]
        key = owner[(doc, start)]
        if other == key or other not in identities or key not in identities:
            continue
        said = {"him": "M", "her": "F"}.get((frame.group("pronoun") or "").lower())
        told = identities[other].told.most_common(1)
        gender = identities[other].gender or (told[0][0] if told else None)
        if said and gender and said != gender:
            continue
        _join(identities, owner, other, key)


def _aliases(identities: dict[str, _Identity], by_id: dict[str, Document]) -> None:
    """ "Kieran Abbott (Kiz)", "Sandy (Alexandra Quennell)": a name in brackets right after a name is
    the same person's; their identities become one. So is a name a naming frame gives (:func:`_named_so`)."""
    _named_so(identities, by_id)
    owner: dict[tuple[str, int], str] = {}  # (doc, end of a mention) -> identity key
    for key, ident in identities.items():
        for m, _, _ in ident.mentions:
            owner[(m.doc, m.end)] = key
    for key in list(identities):
        ident = identities.get(key)
        if ident is None:
            continue
        for m, _, _ in list(ident.mentions):
            text = by_id[_doc_id(m.doc)].text
            before = re.search(r"\s*\(\s*$", text[max(0, m.start - 4) : m.start])
            if not before or not re.match(r"\s*\)", text[m.end : m.end + 3]):
                continue
            other = owner.get((m.doc, m.start - len(before.group())))
            if other is None or other == key or other not in identities:
                continue
            _join(identities, owner, other, key)
            break


def _clipped_names(identities: dict[str, _Identity], names: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """ "Kirst" beside "Kirsty", "Ros" beside "Rosalind" in one document: a first name cut short that no
    nickname list knows is the one person of that document whose first name it begins; a clip of two
    letters only when it is a name itself ("Em" of "Emmeline", not "Ma" of "Maude"). Its mentions in
    other documents, which the resolver found to be the same person, follow, unless a document there
    names another person the clip could be."""
    firsts: dict[str, dict[str, _Identity]] = defaultdict(dict)  # doc -> first name -> identity
    for ident in identities.values():
        for m, form, _ in ident.mentions:
            if form.kind in ("full", "single") and form.tokens:  # format: name form kinds
                firsts[m.doc].setdefault(form.tokens[0].lower(), ident)
    for key in list(identities):
        ident = identities[key]
        if any(f.kind != "single" for _, f, _ in ident.mentions):  # format: name form kinds
            continue
        short = ident.mentions[0][1].tokens[0].lower()
        if any(f.tokens[0].lower() != short for _, f, _ in ident.mentions):
            continue
        if len(short) < 2 or (len(short) == 2 and short not in names):
            continue
        longer = {
            id(other): other
            for doc in {m.doc for m, _, _ in ident.mentions}
            for name, other in firsts[doc].items()
            if other is not ident and len(name) > len(short) and (name.startswith(short) or _pet_form_of(short, name))
        }
        if len(longer) == 1:
            target = next(iter(longer.values()))
            target.mentions.extend(ident.mentions)
            del identities[key]


#: The endings of pet forms made from a name's first syllable with a "z", as Australian and British speech
#: makes them ("Bazza" of Barnaby, "Tazz" of Tarquin, "Kezza" of Kerwyn), longest first.
_PET_Z_ENDINGS = ("zza", "zzy", "zzo", "zz", "za", "z")


def _pet_form_of(short: str, name: str) -> bool:
    """Whether ``short`` is a "z" pet form of ``name``: its stem before the ending opens the name, and the
    name goes on with the r or s the pet form replaces ("bazza" of "barnaby", "tazz" of "tarquin")."""
    for ending in _PET_Z_ENDINGS:
        if short.endswith(ending):
            stem = short[: -len(ending)]
            return len(stem) >= 2 and len(name) > len(stem) + 1 and name.startswith(stem) and name[len(stem)] in "rsz"
    return False


def _shared_short_forms(identities: dict[str, _Identity], nicknames: dict[str, set[str]]) -> None:
    """ "Em" in an account that also names both Emmeline and Emmanuelle: the short form could be either, so
    it is nobody's of them (an identity of its own, of unknown gender), whatever a list linked it to.
    A short form that is someone's whole first name there ("Em Marr") stays theirs."""
    firsts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # doc -> key -> first names
    whole: dict[str, set[str]] = defaultdict(set)  # doc -> first names written with a surname
    firsts_anywhere: dict[str, set[str]] = defaultdict(set)  # key -> first names written with a surname
    for key, ident in identities.items():
        for m, form, _ in ident.mentions:
            if form.kind in ("full", "single") and form.tokens:  # format: name form kinds
                firsts[m.doc][key].add(form.tokens[0].lower())
            if form.kind == "full" and form.tokens:  # format: name form kinds
                whole[m.doc].add(form.tokens[0].lower())
                firsts_anywhere[key].add(form.tokens[0].lower())

    def shortens(short: str, name: str) -> bool:
        return name != short and ((len(short) >= 2 and name.startswith(short)) or name in nicknames.get(short, ()))

    for key in list(identities):
        ident = identities[key]
        moved = []
        for x in ident.mentions:
            m, form, _ = x
            if form.kind != "single" or not form.tokens:  # format: name form kinds
                continue
            short = form.tokens[0].lower()
            if short in whole[m.doc]:
                continue  # someone's own first name
            owners = {k for k, names in firsts[m.doc].items() if any(shortens(short, n) for n in names)}
            if any(shortens(short, n) for n in firsts_anywhere[key]):
                owners.add(key)  # its own full name, written in another document
            if len(owners) >= 2:
                moved.append(x)
        if not moved or len(moved) == len(ident.mentions):
            continue
        ident.mentions = [x for x in ident.mentions if x not in moved]
        for m, form, hint in moved:
            new_key = f"{key}#short:{m.doc}:{form.tokens[0].lower()}"
            identities.setdefault(new_key, _Identity(new_key)).mentions.append((m, form, hint))


def _family_titles(identities: dict[str, _Identity]) -> None:
    """ "Mrs Tull" in a document that calls the resident Tull by her first name and names her mum
    ("her mum Ada"): the title and surname are the mum's, not the resident's."""
    relatives_in: dict[str, list[_Identity]] = defaultdict(list)
    for ident in identities.values():
        if _majority(h for _, _, h in ident.mentions) == "relative":
            for doc in {m.doc for m, _, _ in ident.mentions}:
                relatives_in[doc].append(ident)
    for ident in list(identities.values()):
        if _majority(h for _, _, h in ident.mentions) == "relative":
            continue
        for x in list(ident.mentions):
            m, form, _ = x
            if form.kind != "title_surname" or form.title_gender is None:
                continue
            by_first = any(f.kind == "single" and y.doc == m.doc for y, f, _ in ident.mentions)
            family = [
                r
                for r in relatives_in.get(m.doc, ())
                if _gender(r) == form.title_gender and not any(f.kind == "full" for _, f, _ in r.mentions)
            ]
            if by_first and len(family) == 1:
                ident.mentions.remove(x)
                family[0].mentions.append(x)


def _gender(ident: _Identity) -> str | None:
    """What titles and kinship words say ("her daughter Lou" is a woman), else the first name."""
    if ident.told:
        top = ident.told.most_common()
        if len(top) == 1 or top[0][1] > top[1][1]:
            return top[0][0]
    return ident.gender


def age_of(text: str) -> int | None:
    """The age an age phrase states: "34", "twenty-two", "in his late seventies" -> 78, "teens" -> 15."""
    digits = re.search(r"\d{1,3}", text)
    if digits:
        return int(digits.group())
    low = text.lower()
    for word, decade in DECADES.items():
        if word in low:
            return decade + (2 if "early" in low else 8 if "late" in low else 5)
    tens = next((v for w, v in TENS.items() if re.search(rf"\b{w}\b", low)), 0)
    units = next((v for w, v in NUMBER_WORDS.items() if re.search(rf"\b{w}\b", low)), 0)
    return (tens + units) or None


@lru_cache(maxsize=8)
def age_link(rules_dirs: tuple[Path, ...] = ()) -> re.Pattern[str]:
    """Between a name and its age: "Hope is 27", "Nate (34)", "Sam, 19,", "Vi's in her sixties"; the
    age words are ``rules/people/ages.yaml``."""
    words = Rules(list(rules_dirs)).lists("people/ages.yaml")
    reaching, stating = words.pattern("reaching"), words.pattern("stating")
    return re.compile(
        rf"^(?:\s*[,(]\s*|\s+(?:is|was|who is|who's|who’s|{reaching}|{stating})\s+|['’]s\s+)"
        rf"(?:(?:{stating}|about|nearly|almost|just|only|now|in (?:his|her|their))\s+)*$",
        re.IGNORECASE,
    )


def _ages(doc: Document, mentions: list[tuple[Mention, str]], link: re.Pattern[str]) -> dict[str, int]:
    """key -> age, for ages stated right after a name in this document."""
    out: dict[str, int] = {}
    for s in doc.spans:
        if s.label != "AGE":
            continue
        before = [(m, k) for m, k in mentions if m.end <= s.start and s.start - m.end <= 40]
        if not before:
            continue
        m, key = max(before, key=lambda x: x[0].end)
        if link.match(doc.text[m.end : s.start]):
            age = age_of(doc.text[s.start : s.end])
            if age is not None and 0 < age < 120:
                out.setdefault(key, age)
    return out


def _pronoun_gender(text: str, spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> str | None:
    """The gender of the pronouns in the sentences naming someone and nobody else, and the sentence
    after each."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    chosen: set[int] = set()
    for start, _ in spans:
        for i, (a, b) in enumerate(sentences):
            if a <= start < b and not any(a <= o < b for o, _ in others):
                chosen |= {i, i + 1}
    window = " ".join(text[a:b] for i, (a, b) in enumerate(sentences) if i in chosen)
    female, male = len(_FEMALE_PRONOUNS.findall(window)), len(_MALE_PRONOUNS.findall(window))
    if female >= 2 and male == 0:
        return "F"
    if male >= 2 and female == 0:
        return "M"
    return None


def _narrator_key(doc: Document) -> str | None:
    author = doc.meta.get("author")
    if author is not None and str(author).strip():
        group = doc.meta.get("group") or ""
        return f"author|{group}|{str(author).strip()}"
    if len(_FIRST_PERSON.findall(doc.text)) >= 2:
        return f"voice|{doc.id}"
    return None


def _build(
    docs: Sequence[Document],
    identities: dict[str, _Identity],
    role_words: dict[tuple[str, int, int], str | None],
    link: re.Pattern[str],
) -> People:
    key_of: dict[tuple[str, int, int], str] = {}
    hint_of: dict[tuple[str, int, int], str | None] = {}
    for ident in identities.values():
        for m, _, hint in ident.mentions:
            key_of[(_doc_id(m.doc), m.start, m.end)] = ident.key
            hint_of[(_doc_id(m.doc), m.start, m.end)] = hint
    role_vote = {k: _majority(h for _, _, h in i.mentions) for k, i in identities.items()}

    ids: dict[str, str] = {}  # identity or narrator key -> "P<n>", in order of first appearance
    docs_of: dict[str, list[str]] = defaultdict(list)
    mentions: dict[str, list[PersonMention]] = {}
    narrators: dict[str, str] = {}
    subjects: dict[str, list[str]] = {}
    ages: dict[str, int] = {}
    main_in: dict[str, list[str]] = defaultdict(list)  # key -> documents where it is the main subject
    subject_in: set[str] = set()

    def pid(key: str) -> str:
        if key not in ids:
            ids[key] = f"P{len(ids) + 1}"
        return ids[key]

    for doc in docs:
        nk = _narrator_key(doc)
        if nk is not None:
            narrators[doc.id] = pid(nk)
            docs_of[nk].append(doc.id)
        in_doc = sorted(
            ((p, k) for p, k in key_of.items() if p[0] == doc.id), key=lambda x: (x[0][1], x[0][2])
        )  # ((doc, start, end), key)
        mentions[doc.id] = [
            PersonMention(doc.id, s, e, pid(k), hint_of[(d, s, e)], role_words.get((d, s, e)))
            for (d, s, e), k in in_doc
        ]
        for _, k in in_doc:
            if doc.id not in docs_of[k]:
                docs_of[k].append(doc.id)
        for k, age in _ages(doc, [(Mention(doc.id, s, e, "PERSON", ""), k) for (_, s, e), k in in_doc], link).items():
            ages.setdefault(k, age)
        subjects[doc.id] = _rank_subjects(doc, in_doc, role_vote)
        if subjects[doc.id]:
            main_in[subjects[doc.id][0]].append(doc.id)
            subject_in.update(subjects[doc.id])

    persons: dict[str, CorpusPerson] = {}
    for key, p in ids.items():
        ident = identities.get(key)
        if ident is None:  # a narrator
            persons[p] = CorpusPerson(p, "worker", tuple(docs_of[key]), narrator=True)
            continue
        role = role_vote[key] or ("subject" if key in subject_in else "other")
        gender = _gender(ident)
        if gender is None and main_in.get(key):  # the pronouns of an account mostly mean its subject
            by_doc = {d.id: d for d in docs}
            votes = set()
            for d in main_in[key]:
                mine = [(m.start, m.end) for m, _, _ in ident.mentions if _doc_id(m.doc) == d]
                others = [(s, e) for (dd, s, e), k in key_of.items() if dd == d and k != key]
                votes.add(_pronoun_gender(by_doc[d].text, mine, others))
            votes.discard(None)
            gender = votes.pop() if len(votes) == 1 else None
        persons[p] = CorpusPerson(p, role, tuple(docs_of[key]), gender, ages.get(key))
    return People(
        persons,
        {d: [ids[k] for k in ks] for d, ks in subjects.items()},
        narrators,
        mentions,
    )


def _rank_subjects(
    doc: Document, in_doc: list[tuple[tuple[str, int, int], str]], role_vote: dict[str, str | None]
) -> list[str]:
    """Keys of the people a document is about: named more than anyone else who is not a worker, staff
    or relative (named early and in full counts a little more); main subject first."""
    score: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    early = max(1, len(doc.text) // 3)
    for (_, s, e), k in in_doc:
        if role_vote.get(k) in NON_SUBJECT_ROLES:
            continue
        score[k] += 1 + (0.5 if s < early else 0) + (0.5 if " " in doc.text[s:e].strip() else 0)
        first.setdefault(k, s)
    if not score:
        return []
    ranked = sorted(score, key=lambda k: (-score[k], first[k]))
    top = score[ranked[0]]
    return [ranked[0]] + [k for k in ranked[1:] if score[k] >= 0.5 * top and score[k] >= 2.5]
