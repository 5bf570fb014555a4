"""What the risk checks know about the corpus: its identifiers, its words and quasi-identifiers, and
whose they are.

Words are counted by *person*, not by document: each sentence of a document is attributed to the
people it is about (those it names, or the last person named when it speaks of "he" or "she", or the
document's main subject), and to the document's narrator (the worker who wrote it) when it speaks
mostly in the first person. Several diaries about one resident are then one source, and a worker's
own story is checked against that worker's diaries like a resident's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.loading import dictionary_words
from qualdeid.pseudonymise.people import People, resolve_people
from qualdeid.risk import quasi
from qualdeid.risk.analysis import FIRST_PERSON, THIRD_PERSON, Analysed, Token, analyse
from qualdeid.risk.config import RiskConfig
from qualdeid.risk.identifiers import (
    DEFAULT_TITLES,
    KEY_SOURCE,
    index_corpus,
    load_capital_words,
    load_word_names,
    plain,
    sentence_initial,
)
from qualdeid.risk.lexicon import NeverIdentifiers, Synonyms
from qualdeid.risk.turns import PARTICIPANT, Turn, TurnRoles, turn_at

#: labels of names: the checked text's own names are looked up in the corpus
NAME_LABELS = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
_POSSESSIVE_END = re.compile(r"'s?$", re.IGNORECASE)
ROLE_NOUNS = {  # format: role codes of the data model
    "subject": "resident",
    "worker": "worker",
    "relative": "relative",
    "staff": "member of staff",
    "document": "account",
}
#: roles of the people a text can be linked to ("other" is mostly a name of uncertain role)
# format: role codes of the data model
LINKABLE_ROLES = frozenset({"subject", "worker", "relative", "staff", "document"})


@dataclass(frozen=True, slots=True)
class Trace:
    """Whose accounts hold a word. ``k`` is the fewest people whose accounts hold all its
    occurrences (several diaries about one resident are one person; a word of one diary is one
    person however many that diary names); ``people`` are those most likely meant: the ones
    holding it in the most documents."""

    k: int
    people: frozenset[str]
    docs: frozenset[str]

    @classmethod
    def of(cls, by_doc: dict[str, set[str]], cap: int = 1_000_000) -> Trace:
        """Greedy cover of the documents by people, stopped at ``cap`` (k is then at least ``cap``:
        only whether k < cap matters to the checks, and a word of hundreds of diaries stays cheap)."""
        if not by_doc:
            return cls(0, frozenset(), frozenset())
        docs_of: dict[str, set[str]] = defaultdict(set)
        for d, owners in by_doc.items():
            for p in owners:
                docs_of[p].add(d)
        top = max((len(ds) for ds in docs_of.values()), default=0)
        people = frozenset(p for p, ds in docs_of.items() if len(ds) == top)
        uncovered, k = set(by_doc), 0
        while uncovered and k < cap:
            best = max(docs_of, key=lambda p: (len(docs_of[p] & uncovered), p), default=None)
            covered = docs_of[best] & uncovered if best is not None else set()
            if not covered:
                break
            uncovered -= covered
            k += 1
        if k < cap:
            k += len(uncovered)  # documents nobody was named in count one each
        return cls(min(k, cap), people, frozenset(by_doc))


@dataclass(frozen=True, slots=True)
class Source:
    """A person of the corpus as the report names them: a pseudonymous id, a role, their documents."""

    id: str  # "P3" (from the people of the corpus) or "doc:ID" for a document nobody is named in
    role: str
    documents: tuple[str, ...]

    @property
    def described(self) -> str:
        return f"{ROLE_NOUNS.get(self.role, 'person')} {self.id}"


class CorpusProfile:
    def __init__(
        self,
        config: RiskConfig,
        nlp,
        docs: list[Document],
        extra_identifiers: Iterable[tuple[str, str]] = (),
        *,
        synonyms: Synonyms | None = None,
        never: NeverIdentifiers | None = None,
        people: People | None = None,
    ) -> None:
        from qualdeid.pseudonymise.surrogates import nickname_table

        self.config = config
        self.synonyms = synonyms or Synonyms.load(config.rules_dirs)
        self.never = never or NeverIdentifiers.load(config.never_lists, config.rules_dirs)
        never_places = NeverIdentifiers.load(config.never_place_lists, config.rules_dirs)
        #: very large places (rules/lexicons/large_places.txt): a city of that size alone points at nobody
        self.large_places = NeverIdentifiers.load(config.large_place_lists, config.rules_dirs)
        #: peoples, languages, countries and states: never a place or an organisation on their own
        self.never_places = never_places
        self.index = index_corpus(
            [_without_listed(d, self.never, never_places) for d in docs],
            never_parts=never_places.terms,
            titles=config.titles or DEFAULT_TITLES,
            common_zipf=config.common_word_zipf,
            min_length=config.min_identifier_length,
            nicknames=nickname_table(tuple(config.rules_dirs)),
            word_names=load_word_names(config.rules_dirs),
            short_form_zipf=config.short_form_zipf,
            part_zipf=config.name_part_zipf,
            dictionary=_dictionary(nlp),
            capital_words=load_capital_words(config.rules_dirs),
        )
        for value, label in extra_identifiers:
            self.index.add(value, label, KEY_SOURCE)
        self.ids = [d.id for d in docs]
        self.analysed = {a.id: a for a in analyse(nlp, [(d.id, d.text) for d in docs], self.synonyms)}
        self.people = people if people is not None else resolve_people(docs, rules_dirs=config.rules_dirs)
        self.lemmas = {i: a.lemma_set() for i, a in self.analysed.items()}
        self.words = {i: [w for _, _, w in a.words] for i, a in self.analysed.items()}
        self.texts = {d.id: plain(d.text) for d in docs}
        self._as_word: dict[str, int] = {}
        #: what detection found in each document that is not a name (dates, ages, contacts, ids)
        self.not_names = {
            d.id: [(s.start, s.end) for s in d.spans if s.label not in NAME_LABELS | {"RARE_DETAIL"}] for d in docs
        }
        self.turn_roles = TurnRoles.load(config.rules_dirs)
        self.qi_lexicon = quasi.QuasiLexicon.build(config.quasi_identifiers, self.synonyms, config.weak_kinds)
        self.sources: dict[str, Source] = {}
        #: a word (folded lemma or form) or a synonym class -> document -> the people whose sentences
        #: there hold it
        self.word_docs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.class_docs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._traced: dict[tuple[bool, str], Trace] = {}
        #: per document, each sentence's words and the people it is attributed to
        self.sentence_owners: dict[str, list[tuple[set[str], set[str]]]] = defaultdict(list)
        #: quasi-identifiers of each person, and the documents where each was said of them
        self.person_qis: dict[str, set[str]] = defaultdict(set)
        self.qi_docs: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._pronouns: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # person -> [male, female]
        for d in docs:
            self._attribute(d, self.analysed[d.id])
        self._person_facts()
        self.rare_spans: list[tuple[str, set[str]]] = []
        for d in docs:
            for s in d.spans:
                if s.label == "RARE_DETAIL":
                    lemmas = distinctive(tokens_in(self.analysed[d.id], s.start, s.end), config.distinctive_zipf)
                    if lemmas:
                        self.rare_spans.append((d.id, lemmas))
        #: every distinctive word of a rare detail flagged in the corpus, and its synonym class
        self.rare_words = {w for _, lemmas in self.rare_spans for w in lemmas}
        self.rare_words |= {self.synonyms.of(w) for w in self.rare_words}

    # ------------------------------------------------------------------ attribution

    def _source(self, pid: str, doc_id: str) -> str:
        if pid not in self.sources:
            if pid.startswith("doc:"):
                self.sources[pid] = Source(pid, "document", (doc_id,))
            else:
                p = self.people.person(pid)
                self.sources[pid] = Source(pid, p.role, tuple(p.documents))
        return pid

    def _attribute(self, doc: Document, a: Analysed) -> None:
        """Give each sentence's words and quasi-identifiers to the people it is about."""
        mentions = self.people.mentions_in(doc.id)
        narrator = self.people.narrator_of(doc.id)
        main = self.people.subjects_of(doc.id)[:1]
        fallback = {self._source(p, doc.id) for p in main} or {self._source(f"doc:{doc.id}", doc.id)}
        narrator_set = {self._source(narrator, doc.id)} if narrator else set()
        last = set(fallback)
        last_subject = set(fallback)
        qis = quasi.occurrences(a, self.qi_lexicon, [(s.start, s.end) for s in doc.spans if s.label == "AGE"])
        turns = self.turn_roles.turns(doc.text)
        for si, (s0, s1) in enumerate(a.sentences):
            toks = a.sentence_tokens(si)
            turn = turn_at(turns, s0)
            if turn is not None and turn.role != PARTICIPANT:
                # the interviewer's questions, the interpreter's remarks: nobody's account
                self.sentence_owners[doc.id].append(({w for t in toks for w in (t.lemma, t.form)}, set()))
                continue
            # in an interview, "I" is the participant whose turn it is, not the transcript's author
            speaker = self._speaker(doc, turn, main) if turn is not None else narrator_set
            named = {self._source(m.person_id, doc.id) for m in mentions if s0 <= m.start < s1} - speaker
            first = sum(t.text.lower() in FIRST_PERSON for t in toks)
            third = sum(t.text.lower() in THIRD_PERSON for t in toks) + len(named)
            about = named or (last if third else set())
            if third > len(named) and (
                not any(self.sources[p].role == "subject" for p in named)
                or _pronoun_acts(toks, [(m.start, m.end) for m in mentions if s0 <= m.start < s1])
            ):
                # "she" beside a relative's or a worker's name: the resident; "she asked Quorrin to help
                # her": the one the pronoun is, who acts while the name only stands by, is the resident
                about = about | last_subject
            if first and speaker and first >= third:
                owners = speaker | (about if first == third else set())
            else:
                owners = about or fallback
            if len(owners) == 1 and not owners & speaker:
                (only,) = owners
                for t in toks:
                    low = t.text.lower()
                    if low in quasi.MALE or low in quasi.FEMALE:
                        self._pronouns[only][low in quasi.FEMALE] += 1
            if named:
                last = named
                subjects = {p for p in named if self.sources[p].role == "subject"}
                last_subject = subjects or last_subject
            self.sentence_owners[doc.id].append(({w for t in toks for w in (t.lemma, t.form)}, owners))
            for t in toks:
                if t.content:
                    for w in {t.lemma, t.form}:
                        self.word_docs[w][doc.id] |= owners
                    self.class_docs[t.norm][doc.id] |= owners
            for qi, (q0, _) in qis:
                if s0 <= q0 < s1:
                    for p in owners:
                        self.person_qis[p].add(qi)
                        self.qi_docs[(p, qi)].add(doc.id)

    def _speaker(self, doc: Document, turn: Turn, main: list[str]) -> set[str]:
        """The participant speaking in ``turn``: the person its label names, else the one the document
        is mainly about, else the document itself."""
        pid = self.people.person_at(doc.id, turn.start, turn.label_end)
        if pid is None:
            pid = main[0] if main else f"doc:{doc.id}"
        return {self._source(pid, doc.id)}

    def _person_facts(self) -> None:
        """Each person's gender and age band: as the people of the corpus record them, or as the
        pronouns of the sentences about them alone tell."""
        for pid in self.sources:
            known = self.people.person(pid) if not pid.startswith("doc:") else None
            g = known.gender if known is not None else None
            male, female = self._pronouns.get(pid, [0, 0])
            if g not in ("F", "M") and (male >= 2 or female >= 2) and max(male, female) >= 2 * min(male, female):
                g = "F" if female > male else "M"
            if g in ("F", "M"):
                self.person_qis[pid].add("gender:female" if g == "F" else "gender:male")
            band = quasi.age_band(known.age) if known is not None and known.age else None
            if band:
                self.person_qis[pid].add(band)

    # ------------------------------------------------------------------ look-ups

    def trace(self, t: Token) -> Trace:
        """Whose accounts hold the token: by its lemma or form where the corpus has them, otherwise
        by its synonym class ("artificial eye" for the corpus's "glass eye")."""
        for key in (t.lemma, t.form):
            if key in self.word_docs:
                found = self._trace(False, key)
                if len(found.docs) >= len(self._trace(False, t.lemma if key != t.lemma else t.form).docs):
                    return found
        if t.norm in self.class_docs:
            return self._trace(True, t.norm)
        return Trace(0, frozenset(), frozenset())

    def class_trace(self, cls: str) -> Trace:
        return self._trace(True, cls)

    def _trace(self, by_class: bool, key: str) -> Trace:
        if (by_class, key) not in self._traced:
            table = self.class_docs if by_class else self.word_docs
            self._traced[(by_class, key)] = Trace.of(table.get(key, {}), self.config.sources)
        return self._traced[(by_class, key)]

    def holders_of(self, t: Token) -> tuple[set[str], set[str]]:
        """(people, documents) a token points at: see :meth:`trace`."""
        found = self.trace(t)
        return set(found.people), set(found.docs)

    def docs_with_lemmas(self, lemmas: set[str]) -> set[str]:
        return {i for i, ls in self.lemmas.items() if lemmas <= ls}

    def trace_words(self, docs: Iterable[str], words: set[str]) -> Trace:
        """Whose accounts hold ``words`` together: in each document, the people of the sentences
        that hold them all (or of the sentences holding any of them)."""
        by_doc: dict[str, set[str]] = {}
        for d in docs:
            sentences = self.sentence_owners.get(d, [])
            owners = [o for ws, o in sentences if words <= ws] or [o for ws, o in sentences if words & ws]
            by_doc[d] = set().union(*owners) if owners else {f"doc:{d}"}
        return Trace.of(by_doc, self.config.sources)

    def used_as_word(self, word: str, min_docs: int = 2) -> bool:
        """Whether the corpus writes ``word`` in lower case, as the word, in ``min_docs`` documents or
        more ("flint" in a study of stonemasons): its lower-case uses are the word there."""
        low = word.lower()
        if low not in self._as_word:
            pattern = re.compile(rf"(?<![^\W_]){re.escape(plain(low))}(?![^\W_])")
            self._as_word[low] = sum(bool(pattern.search(text)) for text in self.texts.values())
        return self._as_word[low] >= min_docs

    def large_place(self, value: str, label: str) -> bool:
        """``value`` names a very large place ("London", a capital): no identifier with confidence."""
        return label == "LOCATION" and _POSSESSIVE_END.sub("", plain(value)) in self.large_places

    def docs_naming(self, value: str) -> tuple[set[str], set[str]]:
        """Documents whose text holds ``value`` with its case, as a whole word: those where it stands
        inside a sentence (as a name would) and those where it only opens a sentence. Occurrences
        inside something detected there as other than a name (a date) do not count."""
        pattern = re.compile(rf"(?<![^\W_]){re.escape(plain(value))}(?:'s)?(?![^\W_])")
        named: set[str] = set()
        initial: set[str] = set()
        for doc_id, text in self.texts.items():
            for m in pattern.finditer(text):
                if inside(m.start(), m.end(), self.not_names[doc_id]):
                    continue
                if sentence_initial(text, m.start()):
                    initial.add(doc_id)
                else:
                    named.add(doc_id)
                    break
        return named, initial - named


def _dictionary(nlp) -> frozenset[str] | None:
    """English words (the lemmatizer's index) with their irregular forms ("took", "children"): a form of
    a word is that word, not a name."""
    words = dictionary_words(nlp)
    if not words:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    forms: set[str] = set()
    if lookups is not None and lookups.has_table("lemma_exc"):
        for table in lookups.get_table("lemma_exc").values():
            if isinstance(table, dict):
                forms.update(f for f, lemmas in table.items() if any(lemma in words for lemma in lemmas))
    return words | forms


def _without_listed(doc: Document, never: NeverIdentifiers, never_places: NeverIdentifiers | None = None) -> Document:
    """The document with its names that lie inside a listed term dropped ("Day" of "Anzac Day",
    taken by NER for a person), and its places and organisations that are only a people's word ("the
    Samoan" taken for a place): they are no identifiers to look for elsewhere."""
    listed = never.spans(doc.text)
    peoples = never_places.spans(doc.text) if never_places is not None else []
    if not listed and not peoples:
        return doc

    def people_word(s) -> bool:
        return s.label in ("LOCATION", "ORGANIZATION") and any(a <= s.start and s.end <= b for a, b in peoples)

    spans = [
        s for s in doc.spans if not (s.label in NAME_LABELS and inside(s.start, s.end, listed)) and not people_word(s)
    ]
    return Document(doc.id, doc.text, spans=spans, source=doc.source, meta=doc.meta)


def age_spans(spans: Iterable[Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans if s.label == "AGE"]


def tokens_in(a: Analysed, start: int, end: int) -> list[Token]:
    return [t for t in a.tokens if t.start >= start and t.end <= end]


def distinctive(tokens: Iterable[Token], max_zipf: float = RiskConfig.distinctive_zipf) -> set[str]:
    """The content lemmas rarer than ``max_zipf``: the words that make a rare detail traceable."""
    return {t.lemma for t in tokens if t.content and zipf(t.lemma) < max_zipf}


def inside(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _pronoun_acts(toks: list[Token], names: list[tuple[int, int]]) -> bool:
    """A third-person pronoun is a subject of the sentence and none of its names is: the sentence tells
    what someone named before did ("she asked Quorrin and me to help her"), the names stand by."""
    subjects = [t for t in toks if t.dep in ("nsubj", "nsubjpass")]
    pronoun = any(t.text.lower() in THIRD_PERSON for t in subjects)
    return pronoun and not any(s <= t.start < e for t in subjects for s, e in names)
