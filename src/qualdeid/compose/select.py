"""Choosing fragments for a composite: one story from the coded parts of several people's accounts.

A spine fragment ("what happened") is chosen for the theme; then fragments for the other sections
("what helped", "why it mattered") from other residents, chosen for the theme and for how close
their situation is to the spine's (shared content lemmas). Each fragment is cut to its share of the
length on sentence boundaries, keeping the sentences that carry the theme rather than the first
ones. ``--sources K`` counts subjects (distinct residents or clients), not documents, and no
subject supplies more than half of the words. The seed decides among close choices.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from qualdeid.compose.config import ComposeConfig
from qualdeid.compose.facts import Fact, Facts
from qualdeid.compose.headings import Headings, recurring_lines
from qualdeid.compose.relevance import Lemmas, ThemeProfile, similarity
from qualdeid.corpus.model import Document
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.pseudonymise.people import People
from qualdeid.pseudonymise.surrogates import gender_table, nickname_table
from qualdeid.rules import Rules

MAX_SHARE = 0.5
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'”’)\]]*)\s+|\s*\n\s*")
_WORD = re.compile(r"\S+")
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b", re.IGNORECASE)
MIN_WORDS = 8  # a coded part shorter than this is a label or a fragment of a sentence, not a story
#: a word this frequent in English that no list of names holds is a word, where the corpus writes it so
WORD_ZIPF = 3.0
#: the lists of names, surnames and forms of address ("Mum", "Nanna") that make a person's word a name
#: whatever its frequency
NAME_LISTS = (
    "names/titles.txt",
    "lexicons/relatives.txt",
    "names/first_names.txt",
    "names/word_names.txt",
    "names/word_first_names.txt",
    "names/world_first_names.txt",
    "names/surnames.txt",
    "names/surname_words.txt",
    "names/world_surnames.txt",
)


class CannotCompose(Exception):
    """No composite can be made; the message explains why in the researcher's terms."""


@dataclass
class Fragment:
    """A coded part of a document on the theme, without its prompt, split into sentences."""

    doc_id: str
    section: int
    codes: list[str]
    sentences: list[tuple[int, int]]  # document offsets, prompts and form labels left out
    labels: list[tuple[int, int]]  # form labels inside (removed from the draft)
    narrator: str | None = None
    subject: str | None = None
    named: bool = False  # the subject is named in the part itself
    named_at: list[int] = field(default_factory=list)  # where (document offsets)
    lemmas: list[list[str]] = field(default_factory=list)  # per sentence
    relevance: float = 0.0
    persons: frozenset[str] = frozenset()  # everyone the part names (People ids)
    #: per sentence, the character's basic facts it states ("family: no children"; compose/facts.py)
    facts: list[list[Fact]] = field(default_factory=list)
    #: the account the part counts for as one subject: its document, or the document and the subject
    #: when the document's subjects are told apart by their names (a group session about two people)
    story: str = ""

    def __post_init__(self) -> None:
        self.story = self.story or self.doc_id

    def facts_between(self, first: int = 0, last: int | None = None) -> list[Fact]:
        last = len(self.sentences) - 1 if last is None else last
        return [f for sent in self.facts[first : last + 1] for f in sent]

    @property
    def start(self) -> int:
        return self.sentences[0][0]

    @property
    def end(self) -> int:
        return self.sentences[-1][1]


@dataclass(frozen=True)
class Cut:
    """The sentences ``first..last`` of a fragment, as they go into the draft."""

    fragment: Fragment
    first: int
    last: int
    words: int

    @property
    def start(self) -> int:
        return self.fragment.sentences[self.first][0]

    @property
    def end(self) -> int:
        return self.fragment.sentences[self.last][1]

    @property
    def labels(self) -> list[tuple[int, int]]:
        return [(a, b) for a, b in self.fragment.labels if self.start <= a < self.end]


def code_matches(code: str, theme: str) -> bool:
    """A theme matches a code by name, or by the last part of a hierarchical code ("Parent\\Child")."""
    c, t = code.strip().casefold(), theme.strip().casefold()
    return c == t or re.split(r"\s*[\\/>]\s*", c)[-1] == t


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (or line) spans of ``text[start:end]``, offsets into ``text``."""
    end = len(text) if end is None else end
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        close = m.start() + len(m.group(1) or "")  # a closing quotation mark belongs to its sentence
        if text[pos:close].strip():
            out.append((pos, close))
        pos = m.end()
    tail = text[pos:end].rstrip()
    if tail.strip():
        out.append((pos, pos + len(tail)))
    return out


def words_in(text: str) -> int:
    return len(_WORD.findall(text))


def fragments_of(
    docs: Iterable[Document], themes: list[str] | None, config: ComposeConfig, people: People
) -> list[Fragment]:
    """Every coded part (on ``themes``, or all with ``None``) as fragments, split at inner prompts."""
    docs = list(docs)
    headings = Headings(config, recurring_lines(d.text for d in docs))
    facts = Facts(config.rules_dirs)
    nicknames = nickname_table(tuple(config.rules_dirs))
    n_sections = max(1, len(config.sections))
    words = word_persons(docs, people, _name_words(config))
    for doc in docs:
        words |= passers_by(doc, people, _part_spans(doc, headings, n_sections))
    out = []
    for doc in docs:
        apart = _told_apart(doc, people, nicknames, words)
        ordered = sorted(doc.segments, key=lambda s: (s.start, s.end))
        for pos, seg in enumerate(ordered):
            if themes is not None and not any(code_matches(c, t) for c in seg.codes for t in themes):
                continue
            default = min(n_sections - 1, round(pos * (n_sections - 1) / max(1, len(ordered) - 1)))
            for section, start, end, labels in _parts(doc.text, seg.start, seg.end, headings, default):
                sents = _without_labels(sentences(doc.text, start, end), labels)
                if sum(words_in(doc.text[a:b]) for a, b in sents) < MIN_WORDS:
                    continue
                frag = Fragment(doc.id, section, list(seg.codes), sents, labels, people.narrator_of(doc.id))
                frag.subject, frag.named = _subject(people, doc.id, frag.start, frag.end, words)
                if frag.subject in apart:
                    frag.story = f"{doc.id}#{frag.subject}"
                frag.named_at = [
                    m.start
                    for m in people.mentions_in(doc.id)
                    if m.person_id == frag.subject and frag.start <= m.start < frag.end
                ]
                frag.persons = frozenset(
                    m.person_id for m in people.mentions_in(doc.id) if frag.start <= m.start < frag.end
                )
                if frag.subject is not None:
                    gender = people.person(frag.subject).gender
                    names = {
                        w
                        for m in people.mentions_in(doc.id)
                        if m.person_id == frag.subject
                        for w in re.findall(r"[A-Z][\w'’-]+", doc.text[m.start : m.end])
                    }
                    frag.facts = [facts.of(doc.text, a, b, gender, names) for a, b in sents]
                out.append(frag)
    return out


def _parts(text: str, start: int, end: int, headings: Headings, default: int):
    """(section, start, end, labels) of a coded segment, split where a prompt of a section begins."""
    found = headings.find(text, start, end)
    section, pos, labels = default, start, []
    for h in found:
        if h.section is None:
            labels.append((h.start, h.end))
            continue
        if text[pos : h.start].strip():
            yield section, pos, h.start, labels
        section, pos, labels = h.section, h.end, []
    if text[pos:end].strip():
        yield section, pos, end, labels


def _part_spans(doc: Document, headings: Headings, n_sections: int) -> list[tuple[int, int]]:
    """(start, end) of every coded part of a document, whatever its theme, split at inner prompts."""
    ordered = sorted(doc.segments, key=lambda s: (s.start, s.end))
    spans = []
    for pos, seg in enumerate(ordered):
        default = min(n_sections - 1, round(pos * (n_sections - 1) / max(1, len(ordered) - 1)))
        spans += [(a, b) for _, a, b, _ in _parts(doc.text, seg.start, seg.end, headings, default)]
    return spans


def passers_by(doc: Document, people: People, parts: list[tuple[int, int]]) -> set[str]:
    """The people the document ranks among its subjects who are named in one of its parts only, in no
    other account, and are not its main subject: someone met in the resident's story ("Ravindra
    once showed him how to tie the knot; Ravindra said ...", where the resident is only "him"), not
    a subject of their own. Named most in that part, such a person would otherwise become the part's
    subject and let the account count twice. A document of one part tells nothing of this kind."""
    subjects = people.subjects_of(doc.id)
    if len(subjects) < 2 or len(parts) < 2:
        return set()

    def part_of(at: int) -> int | None:
        return next((i for i, (a, b) in enumerate(parts) if a <= at < b), None)

    where: dict[str, set[int | None]] = {}
    for m in people.mentions_in(doc.id):
        where.setdefault(m.person_id, set()).add(part_of(m.start))
    return {
        s
        for s in subjects[1:]
        if len(where.get(s, set())) == 1 and None not in where[s] and set(people.documents_of(s)) <= {doc.id}
    }


def _name_words(config: ComposeConfig) -> frozenset[str]:
    rules = Rules(config.rules_dirs)
    names = set(gender_table()) | set(nickname_table(tuple(config.rules_dirs)))
    for path in NAME_LISTS:
        names |= rules.words(path, lower=True)
    return frozenset(names)


def word_persons(docs: Iterable[Document], people: People, names: frozenset[str]) -> set[str]:
    """The people detection made of an everyday word: every mention of them in the corpus is one word
    of the dictionary that no list of names holds, which the corpus also writes in lower case ("Backyard
    visit, then tea in the backyard"). Such a "person" is the subject of no part: a part is about the
    people it names, not about a word that opens its first line."""
    docs = list(docs)
    lower = {w for d in docs for w in re.findall(r"(?<![\w'’-])[a-z]+(?![\w-])", d.text)}
    forms: dict[str, set[str]] = {}
    for d in docs:
        for m in people.mentions_in(d.id):
            forms.setdefault(m.person_id, set()).add(re.sub(r"['’]s?$", "", d.text[m.start : m.end]))
    return {
        pid
        for pid, written in forms.items()
        if all(
            re.fullmatch(r"[A-Za-z]+", w)
            and w.lower() not in names
            and zipf(w.lower()) >= WORD_ZIPF
            and w.lower() in lower
            for w in written
        )
    }


def _told_apart(doc: Document, people: People, nicknames: dict[str, set[str]], words: Collection[str] = ()) -> set[str]:
    """The subjects of a document that its names tell apart from each of its other subjects, so that
    the document can count once for each: no name of one is a name, a beginning ("Jo", "Josephine") or
    a known short form of a name of the other, and each is named with a word of three letters or more.
    Anything less could be one person detection split in two, who must not count twice. ``words``: the
    people detection made of a word (``word_persons``), no subject."""
    subjects = [s for s in people.subjects_of(doc.id) if s not in words]
    if len(subjects) < 2:
        return set()
    names: dict[str, set[str]] = {s: set() for s in subjects}
    for m in people.mentions_in(doc.id):
        if m.person_id in names:
            names[m.person_id] |= {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", doc.text[m.start : m.end])}

    def same(a: str, b: str) -> bool:
        short, long = sorted((a, b), key=len)
        ones = nicknames.get(a, set()) | {a}
        return long.startswith(short) or b in ones or a in nicknames.get(b, ()) or bool(ones & nicknames.get(b, set()))

    accounts = {s: frozenset(people.documents_of(s)) for s in subjects}

    def nickname_of(a: str, b: str) -> bool:
        """One of the two is only ever called by one word, in exactly the other's accounts ("Osvald Tarkka"
        and "Ossi"): a nickname no table knows, as likely as a second person."""
        return (len(names[a]) == 1 or len(names[b]) == 1) and accounts[a] == accounts[b]

    def distinct(a: str, b: str) -> bool:
        return not nickname_of(a, b) and not any(same(x, y) for x in names[a] for y in names[b])

    return {
        s for s in subjects if any(len(w) >= 3 for w in names[s]) and all(distinct(s, o) for o in subjects if o != s)
    }


def _without_labels(sents: list[tuple[int, int]], labels: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in sents:
        for la, lb in labels:
            if la <= a < lb:
                a = lb
        if a < b:
            out.append((a, b))
    return out


def _subject(people: People, doc_id: str, start: int, end: int, words: Collection[str] = ()) -> tuple[str | None, bool]:
    """The subject a part is about: the document's subject named most in it, else its main subject
    (``words``: the people detection made of a word, never a subject)."""
    subjects = [s for s in people.subjects_of(doc_id) if s not in words]
    if not subjects:
        return None, False
    named = [m.person_id for m in people.mentions_in(doc_id) if start <= m.start < end and m.person_id in subjects]
    if named:
        return max(subjects, key=lambda s: (named.count(s), -subjects.index(s))), True
    return subjects[0], False


def score(fragments: list[Fragment], every: list[Fragment], docs: dict[str, Document], lemmas: Lemmas) -> ThemeProfile:
    """Lemmatise the fragments' sentences and score them for the theme against all coded parts."""
    for f in every:
        if not f.lemmas:
            f.lemmas = lemmas.of(docs[f.doc_id].text[a:b] for a, b in f.sentences)
    profile = ThemeProfile([_flat(f) for f in fragments], [_flat(f) for f in every])
    for f in fragments:
        f.relevance = profile.score(_flat(f))
    return profile


def _flat(f: Fragment, first: int = 0, last: int | None = None) -> list[str]:
    last = len(f.sentences) - 1 if last is None else last
    return [lemma for sent in f.lemmas[first : last + 1] for lemma in sent]


# ---------------------------------------------------------------------- choosing


def choose(
    fragments: list[Fragment],
    k: int,
    words: int,
    rng: random.Random,
    profile: ThemeProfile,
    docs: dict[str, Document],
    n_sections: int,
    what: str,
    facts: Facts | None = None,
) -> list[Cut]:
    """``k`` fragments of ``k`` different subjects: a spine, then the other sections; cut to length."""
    usable = [f for f in fragments if f.subject is not None]
    subjects = {f.subject for f in usable}
    if len(subjects) >= k:  # an account whose parts name different subjects counts once
        by_doc: dict[str, set] = {}
        for f in usable:
            by_doc.setdefault(f.story, set()).add(f.subject)
        subjects = _distinct_subjects(by_doc)
    if len(subjects) < k:
        raise CannotCompose(too_few_message(fragments, subjects, k, what))
    excluded: set[int] = set()
    last_error = ""
    for _ in range(12):
        picked = _pick(usable, k, rng, n_sections, excluded, facts)
        if picked is None:
            break
        try:
            return _cut(picked, words, profile, docs)
        except _Unbalanced as e:
            excluded.add(id(e.fragment))
            last_error = str(e)
    raise CannotCompose(
        last_error
        or f"the parts coded '{what}' could not be combined so that no resident supplies more than half of the "
        "words; try another --seed or a different --words"
    )


def _distinct_subjects(by_doc: dict[str, set]) -> set:
    """As many subjects as there are documents to tell them: each document counts for at most one of
    the subjects its parts name (a person split in two by detection is not counted twice); a maximum
    matching of documents to subjects."""
    owner: dict = {}  # subject -> document

    def assign(doc: str, seen: set) -> bool:
        for subject in sorted(by_doc[doc]):
            if subject in seen:
                continue
            seen.add(subject)
            if subject not in owner or assign(owner[subject], seen):
                owner[subject] = doc
                return True
        return False

    for doc in sorted(by_doc):
        assign(doc, set())
    return set(owner)


def too_few_message(fragments: list[Fragment], subjects: set, k: int, what: str) -> str:
    unnamed = sum(f.subject is None for f in fragments)
    docs = len({f.doc_id for f in fragments})
    msg = (
        f"the parts coded '{what}' ({len(fragments)} part(s) in {docs} document(s)) are about {len(subjects)} "
        f"different resident(s) or client(s), and a composite needs at least {k} (--sources) so that no one person's "
        "story can be singled out"
    )
    if unnamed:
        msg += f"; {unnamed} part(s) name nobody the account is about and cannot be counted"
    help_ = "code more accounts on this theme, add a related theme (--theme can be given more than once)"
    if len(subjects) >= 2:
        help_ += f", or use --sources {len(subjects)}" if len(subjects) < k else ""
    return f"{msg}; {help_}"


def _pick(
    usable: list[Fragment], k: int, rng: random.Random, n_sections: int, excluded: set[int], facts: Facts | None = None
) -> list[Fragment] | None:
    pool = [f for f in usable if id(f) not in excluded]
    spines = [f for f in pool if f.section == 0 and f.named] or [f for f in pool if f.section == 0] or pool
    if not spines:
        return None
    ranked = sorted(spines, key=lambda f: (-f.relevance, f.doc_id, f.start))
    spine = rng.choices(ranked[:3], weights=[3, 2, 1][: len(ranked[:3])])[0]
    chosen = [spine]
    subjects, narrators = {spine.subject}, {spine.narrator}
    spine_lemmas = _flat(spine)
    slots = [1 + i % max(1, n_sections - 1) for i in range(k - 1)] if n_sections > 1 else [0] * (k - 1)
    stories = {spine.story}
    for slot in slots:
        # one account is one person's story: its parts never count as two different subjects (unless
        # their names tell its subjects apart: Fragment.story)
        fresh = [f for f in pool if f.subject not in subjects and f.story not in stories]
        if not fresh:
            return None

        named = set().union(*(c.persons for c in chosen))
        told = [fact for c in chosen for fact in c.facts_between()]

        def value(f: Fragment, slot: int = slot, named: set = named, told: list[Fact] = told) -> tuple:
            return (
                not (f.persons & subjects or f.subject in named),  # a subject met again is one person twice
                f.section == slot,
                # one character: "no kids" here and "her grandson" there cannot both be true
                facts is None or not facts.clashes(f.facts_between(), told),
                f.section != 0,
                f.narrator not in narrators,
                f.relevance + similarity(_flat(f), spine_lemmas) + rng.random() * 0.05,
            )

        best = max(fresh, key=value)
        chosen.append(best)
        stories.add(best.story)
        subjects.add(best.subject)
        narrators.add(best.narrator)
    # fewer subjects than sections (--sources 2): the story still gets its sections, from the same people
    for slot in range(len(chosen), n_sections):
        spare = [f for f in pool if f.subject in subjects and f not in chosen and f.section == slot]
        if spare:
            chosen.append(max(spare, key=lambda f: f.relevance + similarity(_flat(f), spine_lemmas)))
    order = {id(f): i for i, f in enumerate(chosen)}
    return sorted(chosen, key=lambda f: (f.section, order[id(f)]))


class _Unbalanced(Exception):
    def __init__(self, fragment: Fragment, message: str) -> None:
        super().__init__(message)
        self.fragment = fragment


def _cut(chosen: list[Fragment], words: int, profile: ThemeProfile, docs: dict[str, Document]) -> list[Cut]:
    """Each fragment's best window of sentences for about its share of ``words``, with no subject above
    half of the words (taken from their accounts). Small combinations are searched whole, larger ones
    improved step by step from each fragment's best window."""
    budget = max(10, words // len(chosen))
    spine_lemmas = _flat(chosen[0])
    options: list[list[tuple[Cut, float]]] = []
    for i, f in enumerate(chosen):
        counts = [words_in(docs[f.doc_id].text[a:b]) for a, b in f.sentences]
        weights = [profile.total(lem) + (0 if i == 0 else 2 * similarity(lem, spine_lemmas)) + 0.01 for lem in f.lemmas]
        windows = []
        for a in range(len(counts)):
            for b in range(a, len(counts)):
                n = sum(counts[a : b + 1])
                if n > 1.6 * budget and b > a:
                    break
                windows.append((Cut(f, a, b, n), sum(weights[a : b + 1])))
        if i == 0:  # the spine introduces the character: their name comes before "he" when it can
            named = [w for w in windows if _introduces(docs[f.doc_id].text, f, w[0])]
            windows = named or windows
        options.append(windows)

    def shares_ok(cuts: list[Cut]) -> bool:
        totals: dict[str | None, int] = {}
        for c in cuts:
            totals[c.fragment.subject] = totals.get(c.fragment.subject, 0) + c.words
        return max(totals.values()) <= MAX_SHARE * sum(totals.values())

    def value(pick: list[tuple[Cut, float]]) -> float:
        total = sum(c.words for c, _ in pick)
        return sum(w for _, w in pick) - (0 if total <= 1.25 * words else 10 * (total / words))

    size = 1
    for windows in options:
        size *= len(windows)
    if size <= 50_000:
        best: list[tuple[Cut, float]] | None = None
        for pick in itertools.product(*options):
            total = sum(c.words for c, _ in pick)
            if total > 1.6 * words or not shares_ok([c for c, _ in pick]):
                continue
            if best is None or value(list(pick)) > value(best):
                best = list(pick)
        if best is not None:
            return [c for c, _ in best]
    else:
        pick = [max((o for o in windows if o[0].words <= 1.25 * budget), key=lambda o: o[1], default=windows[0])
                for windows in options]  # fmt: skip
        for _ in range(200):
            if shares_ok([c for c, _ in pick]):
                return [c for c, _ in pick]
            moves = [
                [*pick[:i], o, *pick[i + 1 :]] for i, windows in enumerate(options) for o in windows if o is not pick[i]
            ]
            pick = min(moves, key=lambda m: (_excess([c for c, _ in m]), -value(m)))
    heavy = max(chosen, key=lambda f: sum(words_in(docs[f.doc_id].text[a:b]) for a, b in f.sentences))
    subjects = {f.subject for f in chosen}
    pair = " (with two residents, both must supply the same number of words)" if len(subjects) == 2 else ""
    raise _Unbalanced(
        heavy,
        "the parts on this theme cannot be cut on sentence boundaries so that no resident supplies more than "
        f"half of the words{pair}; try another --seed or a different --words, or more --sources if the theme "
        "has more residents",
    )


def _introduces(text: str, f: Fragment, cut: Cut) -> bool:
    """The window names its subject before any third-person pronoun."""
    first_name = min((p for p in f.named_at if cut.start <= p < cut.end), default=None)
    pronoun = _PRONOUN.search(text, cut.start, cut.end)
    return first_name is not None and (pronoun is None or first_name < pronoun.start())


def _excess(cuts: list[Cut]) -> float:
    totals: dict[str | None, int] = {}
    for c in cuts:
        totals[c.fragment.subject] = totals.get(c.fragment.subject, 0) + c.words
    return max(0.0, max(totals.values()) / max(1, sum(totals.values())) - MAX_SHARE)
