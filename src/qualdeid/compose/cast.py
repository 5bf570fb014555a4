"""The cast of a fragment: who is who, and what each person becomes in the composite.

People are the PERSON mentions of a document, clustered by shared name parts ("Sam", "Sam Thorne",
"Mr Thorne"), nicknames and short forms. A person named next to a worker role or with a worker title
("Dr", "the OT") is a worker; next to a kinship word ("her mum") a relative; the most mentioned
remaining person is the focal person of the fragment. In the composite the focal people of all
fragments become one character, the workers one colleague, the relatives one relative.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from faker import Faker

from qualdeid.compose.config import ComposeConfig
from qualdeid.corpus.model import Document, Span

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_POSSESSIVE = re.compile(r"(['\u2019]s|(?<=s)['\u2019])$", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?){2,4}$")
GENDERED_TITLES = {"mr": "M", "mrs": "F", "ms": "F", "miss": "F", "mx": None, "sir": "M"}
TITLE_FOR = {"she": "Ms", "he": "Mr", "they": "Mx"}
GENDER_FOR = {"she": "F", "he": "M", "they": None}
_CLAUSE_END = re.compile(r"[.!?;\n]")


@dataclass(slots=True)
class NameMention:
    start: int
    end: int
    title: str  # as written, "" when none
    tokens: list[str]  # name words as written
    possessive: str
    initials: bool


def parse_mention(text: str, start: int, end: int, titles: set[str]) -> NameMention:
    raw = text[start:end]
    m = _POSSESSIVE.search(raw)
    possessive = m.group(0) if m else ""
    core = raw[: m.start()] if m else raw
    if _INITIALS.match(core.strip()):
        return NameMention(start, end, "", [core.strip()], possessive, True)
    words = _WORD.findall(core)
    title = ""
    if len(words) > 1 and words[0].lower().rstrip(".") in titles:
        title, words = words[0], words[1:]
    return NameMention(start, end, title, words, possessive, False)


@dataclass
class Person:
    tokens: set[str] = field(default_factory=set)  # lowercase name parts
    surnames: set[str] = field(default_factory=set)
    mentions: list[NameMention] = field(default_factory=list)
    role: str = "other"  # focal | worker | family | other
    gender: str | None = None  # "F", "M" or None (unknown)
    votes: dict[str, int] = field(default_factory=dict)


def related_names(a: str, b: str, nicknames: dict[str, set[str]]) -> bool:
    if a == b:
        return True
    if len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return b in nicknames.get(a, set()) or a in nicknames.get(b, set())


_AFTER = re.compile(r"^\s*(?:,|\(|-)?\s*(?:the|our|my|his|her|their|a|an)?\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?")
_DETERMINERS = {"the", "our", "my", "his", "her", "their", "a", "an"}


def _window(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words that say who a person is: directly before the name ("her mum Farah", "the OT Ben"),
    or in apposition after it ("Ben the OT", "Farah, her mum", "Jonah (partner)")."""
    before = text[max(0, start - 40) : start]
    cut = [m.end() for m in _CLAUSE_END.finditer(before)]
    before = before[cut[-1] :] if cut else before
    words_before = [w.lower() for w in _WORD.findall(before)]
    near_before = words_before[-1:] if words_before else []
    if len(words_before) >= 2 and words_before[-2] not in _DETERMINERS and words_before[-1] in ("worker", "manager"):
        near_before = words_before[-2:]
    near_after: list[str] = []
    if not _POSSESSIVE.search(text[start:end]):  # "Dec's sister" is someone else
        m = _AFTER.match(text[end : end + 40])
        if m and (text[end : end + 1] in ",(-" or text[end:].lstrip().lower().startswith(("the ", "our ", "my "))):
            near_after = [w.lower() for w in m.groups() if w]
    return near_before, near_after


def _role_vote(before: list[str], after: list[str], title: str, config: ComposeConfig) -> str | None:
    if title and title.lower().rstrip(".") in config.worker_titles:
        return "worker"
    for words in (before, after):
        joined = " ".join(words)
        for w in [*words, joined]:
            if w in config.kinship:
                return "family"
            if w in config.worker_roles:
                return "worker"
    return None


def _gender_vote(before: list[str], after: list[str], title: str, config: ComposeConfig) -> str | None:
    t = title.lower().rstrip(".")
    if t in GENDERED_TITLES:
        return GENDERED_TITLES[t]
    near = before[-2:] + after[:2]
    if any(w in config.female_nouns for w in near):
        return "F"
    if any(w in config.male_nouns for w in near):
        return "M"
    return None


def people_of(
    doc: Document,
    spans: list[Span],
    config: ComposeConfig,
    gender_table: dict[str, str],
    nicknames: dict[str, set[str]],
) -> list[Person]:
    """Cluster the document's PERSON mentions into people and decide each one's role and gender."""
    titles = set(GENDERED_TITLES) | config.worker_titles
    people: list[Person] = []
    for s in sorted(spans, key=lambda s: -(s.end - s.start)):
        if s.label != "PERSON":
            continue
        nm = parse_mention(doc.text, s.start, s.end, titles)
        toks = {t.lower() for t in nm.tokens} if not nm.initials else set()
        person = next((p for p in people if any(related_names(a, b, nicknames) for a in toks for b in p.tokens)), None)
        if person is None:
            person = Person()
            people.append(person)
        person.tokens |= toks
        if len(nm.tokens) > 1:
            person.surnames.add(nm.tokens[-1].lower())
        person.mentions.append(nm)
        before, after = _window(doc.text, s.start, s.end)
        vote = _role_vote(before, after, nm.title, config)
        if vote:
            person.votes[vote] = person.votes.get(vote, 0) + 1
        g = _gender_vote(before, after, nm.title, config)
        if g is None and nm.tokens and not nm.initials and not nm.title:
            g = gender_table.get(nm.tokens[0].lower())
        if g and person.gender is None:
            person.gender = g
    for p in people:
        if p.votes:
            p.role = max(p.votes, key=lambda r: (p.votes[r], r == "family"))
    return people


def choose_focal(people: list[Person], start: int, end: int) -> Person | None:
    """The most mentioned non-worker, non-relative person of the fragment (else of the document)."""
    candidates = [p for p in people if p.role == "other"]

    def inside(p: Person) -> int:
        return sum(1 for m in p.mentions if start <= m.start < end)

    in_fragment = [p for p in candidates if inside(p)]
    pool = in_fragment or candidates
    if not pool:
        return None
    key = inside if in_fragment else (lambda p: len(p.mentions))
    return max(pool, key=lambda p: (key(p), -min(m.start for m in p.mentions)))


@dataclass
class Character:
    first: str
    last: str
    gender: str | None

    def render(self, mention: NameMention, pronouns: str | None = None) -> str:
        if mention.initials:
            out = f"{self.first[0]}.{self.last[0]}."
        elif mention.title:
            title = mention.title
            if pronouns and title.lower().rstrip(".") in GENDERED_TITLES:
                title = TITLE_FOR[pronouns]
            out = f"{title} {self.last}"
        elif len(mention.tokens) > 1:
            out = f"{self.first} {self.last}"
        else:
            out = self.first
        return out + mention.possessive


class NamePicker:
    """Fresh invented names: never a name of the corpus, of the key, or one already used."""

    def __init__(self, seed: int | None, exclude: set[str], gender_table: dict[str, str], locale: str = "en_US"):
        self.faker = Faker(locale)
        self.faker.seed_instance(seed if seed is not None else random.SystemRandom().randrange(2**32))
        self.exclude = {e.lower() for e in exclude}
        self.gender_table = gender_table

    def pick(self, gender: str | None) -> Character:
        for _ in range(500):
            if gender == "F":
                first = self.faker.first_name_female()
            elif gender == "M":
                first = self.faker.first_name_male()
            else:
                first = self.faker.first_name_nonbinary()
                for _ in range(50):  # prefer a name that does not tell a gender
                    if first.lower() not in self.gender_table:
                        break
                    first = self.faker.first_name_nonbinary()
            last = self.faker.last_name()
            if first.lower() not in self.exclude and last.lower() not in self.exclude and first != last:
                self.exclude |= {first.lower(), last.lower()}
                return Character(first, last, gender)
        raise RuntimeError("could not find a fresh name; the exclusion list is too large")
