"""Compose a draft composite vignette from coded fragments of several people's accounts.

The steps: detect identifiers over the whole corpus; find its people (``pseudonymise/people.py``);
choose the fragments (``select.py``); in each, replace the identifiers (``targets.py``) with the
cast's invented names (``cast.py``) or with placeholders that keep their meaning
(``placeholders.py``), and the character's pronouns (``pronouns.py``); then check the draft again
for every identifier of the corpus and the key. Every change is logged with its document offsets
in the private provenance record, so the researcher can check and undo it.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from qualdeid.compose.aliases import given_names, join_given_names, with_given_names
from qualdeid.compose.cast import Cast, Member, surname_of
from qualdeid.compose.config import ComposeConfig
from qualdeid.compose.facts import Facts, contradictions
from qualdeid.compose.names import LOCALES, NamePicker, infer_locale
from qualdeid.compose.placeholders import Placeholders
from qualdeid.compose.pronouns import parser, rewrite
from qualdeid.compose.relevance import Lemmas, ThemeProfile
from qualdeid.compose.residual import Residual, residuals
from qualdeid.compose.select import (
    MAX_SHARE,
    CannotCompose,
    Cut,
    Fragment,
    choose,
    code_matches,
    fragments_of,
    score,
    words_in,
)
from qualdeid.compose.targets import NER, Target, Targets, defined_short_forms
from qualdeid.corpus.model import Document, Span
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.loading import dictionary_words
from qualdeid.edits import Edit, apply_edits, non_overlapping
from qualdeid.pseudonymise.identity import parse_person
from qualdeid.pseudonymise.people import People, PersonMention, RoleWords, resolve_people
from qualdeid.pseudonymise.surrogates import nickname_table
from qualdeid.review.candidates import KEEP, Candidate, CandidateFinder
from qualdeid.risk.config import load_risk_config
from qualdeid.risk.corpus import CorpusProfile
from qualdeid.risk.identifiers import IdentifierIndex, index_corpus, load_word_names, sentence_initial
from qualdeid.risk.wordplace import written_inside_sentence
from qualdeid.rules import Rules

#: A lower-case word this frequent in general English is a word, not an identifier, unless a person of
#: the corpus is called so (as for a lower-case word detection took for a name: targets.py).
EVERYDAY_ZIPF = 3.0
_DEMONSTRATIVE = re.compile(r"\b(?:that same|this same|the same|that|those)\s+([a-z]{4,})\b")
#: a part's first word that goes on from something before: no section lead before it
_NO_LEAD_BEFORE = frozenset({"then", "and", "but", "so", "also", "later", "afterwards", "again", "anyway", "still"})
_SENTENCE_END = re.compile(r"(?:^|[.!?:]|\n)\s*$")
_DEFINITE = re.compile(r"\bthe\s+([a-z]{4,})\b")
#: the writer said to be of an age, right before it ("I was 19", "when I'm", "when i was")
_I_AM = re.compile(r"\b[Ii](?:['’]m|\s+am|\s+was|\s+turned)\s+(?:in\s+my\s+)?\Z")
#: a pronoun said to be of an age, right before it ("She's 64", "he is in his"), as ``_placeholder`` reads it
_AGE_SAID = re.compile(r"\b(she|he)(?:['’]s|\s+is|\s+was)\s+(?:in\s+(?:his|her)\s+)?\Z", re.IGNORECASE)


@dataclass
class Change:
    """One change made to a fragment (document offsets), for the private substitution log."""

    start: int
    end: int
    original: str
    replacement: str
    #: person | place | date | age | contact | id | detail | form label | form of address | pronoun | agreement |
    #: final check | lead | alias (an aside on how a document spells the name, removed)
    reason: str
    person: str | None = None  # People id
    role: str | None = None  # cast role of a person
    #: how the identifier was found ("detected", "corpus", "person frame", "candidate", "risk" ...)
    found: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "reason": self.reason,
        }
        if self.person:
            d["person"] = self.person
        if self.role:
            d["role"] = self.role
        if self.found:
            d["found"] = self.found
        return d


@dataclass
class Paragraph:
    cut: Cut
    text: str
    changes: list[Change]
    notes: list[str] = field(default_factory=list)


@dataclass
class Draft:
    themes: list[str]
    paragraphs: list[Paragraph]
    notes: list[str]
    statement: str
    character: Member
    locale: str
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def fragments(self) -> list[Fragment]:
        return [p.cut.fragment for p in self.paragraphs]

    def markdown(self) -> str:
        out = [f"# Composite vignette: {', '.join(self.themes)}", "", self.text, "", f"*{self.statement}*", ""]
        if self.notes:
            out += ["<!-- Notes for the author: fix these, then delete this list before publishing. -->", ""]
            out += ["## Notes for the author (delete before publishing)", ""]
            out += [f"- {n}" for n in self.notes] + [""]
        return "\n".join(out)


@dataclass
class _Corpus:
    """What is worked out once per corpus: detection, people, fragments, identifiers."""

    docs: dict[str, Document]
    people: People
    every: list[Fragment]
    index: IdentifierIndex
    key_index: IdentifierIndex | None
    names: set[str]  # every word of a real name (corpus and key): never invented
    surnames: dict[str, str | None]  # person id -> original surname where one is written
    relations: dict[str, str]  # person id -> the role words said of them most often ("mum")
    risk: CorpusProfile  # the corpus as `qualdeid risk` sees it: a draft must not fail its check
    #: per document, the words review would ask about as possible identifiers nothing detected
    could_be: dict[str, list[Candidate]]
    #: the initials ("DM") of every full name the corpus or the key knows -> {person id: first name}
    initials: dict[str, dict[str, str]] = field(default_factory=dict)
    #: every place the corpus or the key knows, in lower case ("quenby" of "Quenby")
    places: set[str] = field(default_factory=set)
    #: short names a document defines by a person's full name in brackets ("Dov (Dovrin Aske)"), as written
    defined: set[str] = field(default_factory=set)


class Composer:
    def __init__(
        self,
        detector: Any,
        config: ComposeConfig,
        *,
        key_originals: Iterable[tuple[str, str]] = (),
        key_pseudonyms: Iterable[str] = (),
        review: Callable[[list[Document]], list[Document]] | None = None,
    ) -> None:
        """``review`` (optional) receives the detected documents before their people are resolved and
        returns them with a researcher's saved decisions applied (spans added or removed)."""
        self.detector = detector
        self.review = review
        self.config = config
        self.key_originals = list(key_originals)
        self.key_pseudonyms = set(key_pseudonyms)
        self.placeholders = Placeholders(config.rules_dirs)
        self.role_words = RoleWords.load(config.rules_dirs)
        self.targets = Targets(config.rules_dirs, self.placeholders, self.role_words)
        self.facts = Facts(config.rules_dirs)
        self.nicknames = nickname_table(tuple(config.rules_dirs))
        self.word_names = load_word_names(config.rules_dirs)
        self._model = getattr(getattr(detector, "config", None), "model", None) or "en_core_web_sm"
        self.lemmas = Lemmas(self._model)
        rules = Rules(config.rules_dirs)
        #: titles and kin words ("Aunty", "Nanna", "Ma"): a form of address, not a name, when alone
        self.forms_of_address = rules.words("names/titles.txt", lower=True) | rules.words(
            "lexicons/relatives.txt", lower=True
        )
        self._corpus_key: tuple | None = None
        self._corpus: _Corpus | None = None

    # ------------------------------------------------------------------ corpus

    def prepare(self, docs: list[Document]) -> _Corpus:
        """Detection, people, fragments and identifiers of a corpus, cached for the same documents so
        that several themes and seeds can be composed from one corpus cheaply."""
        key = tuple((d.id, hash(d.text)) for d in docs)
        if self._corpus_key == key and self._corpus is not None:
            return self._corpus
        fresh = [Document(d.id, d.text, meta=d.meta) for d in docs]
        spans = {d.id: d.spans for d in self.detector.detect(fresh) if isinstance(d, Document)}
        merged = {
            d.id: Document(d.id, d.text, spans=spans[d.id], segments=d.segments, meta=d.meta, source=d.source)
            for d in docs
            if d.id in spans  # a document that failed detection is never used
        }
        if self.review is not None:
            merged = {d.id: d for d in self.review(list(merged.values()))}
        # "Tamsk (everyone calls him TQ)": the other name is the person's wherever the corpus writes it
        given = given_names(list(merged.values()), self.forms_of_address)
        merged = {d.id: d for d in with_given_names(list(merged.values()), given)}
        people = resolve_people(list(merged.values()), rules_dirs=self.config.rules_dirs, role_words=self.role_words)
        people = join_given_names(people, list(merged.values()), given)
        every = fragments_of(merged.values(), None, self.config, people)
        index = index_corpus(merged.values(), nicknames=self.nicknames, word_names=self.word_names)
        full_names = {i.value.lower() for i in index.values() if i.label == "PERSON"}
        defined = {short for d in merged.values() for short in defined_short_forms(d.text, full_names, self.nicknames)}
        for short in defined:  # "Dov" of "Dov (Dovrin Aske)": a name wherever it is written as one
            index.add(short, "PERSON", "defined")
        key_index = None
        if self.key_originals:
            key_index = IdentifierIndex(nicknames=self.nicknames, word_names=self.word_names)
            for value, label in self.key_originals:
                key_index.add(value, label, "key")
        names = {w.lower() for i in index.values() if i.label == "PERSON" for w in re.findall(r"[^\W\d_]+", i.value)}
        names |= {
            w.lower() for v, label in self.key_originals if label == "PERSON" for w in re.findall(r"[^\W\d_]+", v)
        }
        names |= {p.lower() for p in self.key_pseudonyms}
        written: dict[str, list[str]] = {}
        said: dict[str, Counter[str]] = {}
        for d in merged.values():
            for m in people.mentions_in(d.id):
                written.setdefault(m.person_id, []).append(d.text[m.start : m.end])
                if m.role_word:
                    said.setdefault(m.person_id, Counter())[m.role_word] += 1
        surnames = {p: surname_of(texts) for p, texts in written.items()}
        relations = {p: c.most_common(1)[0][0] for p, c in said.items()}
        risk = CorpusProfile(
            load_risk_config(self.config.rules_dirs),
            self.detector.nlp,
            list(merged.values()),
            self.key_originals,
            people=people,
        )
        finder = CandidateFinder(Rules(self.config.rules_dirs))
        could_be = {
            d.id: [c for c in finder.find(d.text, d.spans) if c.action == KEEP and c.kind in _COULD_BE]
            for d in merged.values()
        }
        initials = initials_of_names(
            ((m.person_id, d.text[m.start : m.end]) for d in merged.values() for m in people.mentions_in(d.id)),
            (v for v, label in self.key_originals if label == "PERSON"),
        )
        places = {
            i.value.lower()
            for idx in (index, key_index)
            if idx is not None
            for i in idx.values()
            if i.label == "LOCATION" and any(f[:1].isupper() for f in i.forms | i.key_forms)
        }
        self._corpus = _Corpus(
            merged, people, every, index, key_index, names, surnames, relations, risk, could_be, initials, places
        )
        self._corpus.defined = defined
        self._corpus_key = key
        return self._corpus

    # ------------------------------------------------------------------ compose

    def candidates(self, docs: list[Document], themes: list[str]) -> tuple[_Corpus, list[Fragment], ThemeProfile]:
        """The corpus, its fragments on ``themes`` scored for the theme, and the theme's profile."""
        corpus = self.prepare(docs)
        fragments = [f for f in corpus.every if any(code_matches(c, t) for c in f.codes for t in themes)]
        profile = score(fragments, corpus.every, corpus.docs, self.lemmas)
        return corpus, fragments, profile

    def compose(
        self,
        docs: list[Document],
        themes: list[str],
        *,
        sources: int = 3,
        words: int = 250,
        pronouns: str = "they",
        seed: int | None = None,
        locale: str | None = None,
        avoid: Iterable[tuple[str, int, int]] = (),
    ) -> Draft:
        """A draft on ``themes``; ``avoid`` holds (document, start, end) of parts earlier drafts of the same
        run used: parts overlapping them are left out while enough others remain (else reused, and noted)."""
        if sources < 2:
            raise CannotCompose("--sources must be at least 2: a composite of one person's story is that story")
        corpus, fragments, profile = self.candidates(docs, themes)
        used = list(avoid)
        fresh = [f for f in fragments if not _overlaps(f, used)]
        what = ", ".join(themes)
        reused = False
        try:
            cuts = choose(
                fresh, sources, words, random.Random(seed), profile, corpus.docs, len(self.config.sections), what,
                self.facts,
            )  # fmt: skip
        except CannotCompose:
            if len(fresh) == len(fragments):
                raise
            reused = True
            cuts = choose(
                fragments, sources, words, random.Random(seed), profile, corpus.docs, len(self.config.sections), what,
                self.facts,
            )  # fmt: skip
        locale, locale_scores = self.locale_for(locale, cuts, corpus)
        ages = [corpus.people.person(c.fragment.subject).age for c in cuts]
        known = sorted(a for a in ages if a is not None)
        picker = NamePicker(locale, self.config, seed=seed, exclude=corpus.names)
        cast = Cast(picker, pronouns, known[len(known) // 2] if known else None)
        paragraphs = [self.paragraph(corpus, c, cast, pronouns) for c in cuts]
        fixes = self._final_check(corpus, paragraphs, cast)
        clashes = contradictions(self.facts, [c.fragment.facts_between(c.first, c.last) for c in cuts])
        notes = self._notes(corpus, paragraphs, locale, locale_scores, fixes)
        again = [n for n, c in enumerate(cuts, 1) if reused and any(_within(c, u) for u in used)]
        if again:
            notes.append(
                f"paragraph(s) {', '.join(map(str, again))} reuse parts an earlier draft (--avoid) used: there were "
                "not enough other parts on this theme; replace them by hand or drop one of the drafts"
            )
        ages_noted = any(n.startswith(_AGES_NOTE) for n in notes)  # the ages as the draft has them, listed
        notes += [
            f"paragraphs {i + 1} and {j + 1} give the character different home towns: keep one, or change the other"
            if a.kind == "home town"  # the places are identifiers: never quoted
            else f"paragraphs {i + 1} and {j + 1} contradict each other about the character's {a.kind} "
            f"('{a.phrase}': {a.value}; '{b.phrase}': {b.value}): keep one, or change the other"
            for i, a, j, b in clashes
            if not (ages_noted and a.kind == b.kind == "age")
        ]
        subjects = {c.fragment.subject for c in cuts}
        narrators = {c.fragment.narrator or f"doc:{c.fragment.doc_id}" for c in cuts}
        statement = self.config.statement.format(
            subjects=len(subjects),
            subject_noun=self._subject_noun(corpus, len(subjects)),
            workers=len(narrators),
            worker_noun=self.config.worker_noun if len(narrators) > 1 else self.config.worker_noun.rstrip("s"),
        )
        draft = Draft(themes, paragraphs, notes, statement, cast.character, locale)
        draft.provenance = _provenance(draft, corpus.people, sources, words, pronouns, seed, locale_scores, fixes)
        draft.provenance["fact_contradictions"] = len(clashes)
        return draft

    def locale_for(self, locale: str | None, cuts: list[Cut], corpus: _Corpus) -> tuple[str, dict[str, int]]:
        if locale:
            if locale not in LOCALES:
                raise CannotCompose(f"--locale must be one of {', '.join(LOCALES)}")
            return locale, {}
        texts = []
        for doc_id in dict.fromkeys(c.fragment.doc_id for c in cuts):
            d = corpus.docs[doc_id]
            texts.append(d.text)
            texts += [str(v) for k, v in d.meta.items() if isinstance(v, str) and not k.startswith("_") and k != "text"]
        return infer_locale(texts, self.config.rules_dirs)

    def _subject_noun(self, corpus: _Corpus, n: int) -> str:
        counts: Counter[str] = Counter()
        text = " ".join(d.text.lower() for d in corpus.docs.values())
        for noun in self.config.subject_nouns:
            counts[noun] = len(re.findall(rf"\b{re.escape(noun)}s?\b", text))
        noun = max(self.config.subject_nouns, key=lambda x: counts[x]) if counts and max(counts.values()) else "person"
        if n == 1:
            return noun
        return "people" if noun == "person" else noun + "s"

    # ------------------------------------------------------------------ one paragraph

    def paragraph(self, corpus: _Corpus, cut: Cut, cast: Cast, pronouns: str) -> Paragraph:
        frag = cut.fragment
        doc = corpus.docs[frag.doc_id]
        text = doc.text
        negative = {(a, b) for a, b in cut.labels if self._negative_label(text[a:b])}
        lead_no = self.config.negative_lead + " " if self.config.negative_lead else ""
        changes = [Change(a, b, text[a:b], lead_no if (a, b) in negative else "", "form label") for a, b in cut.labels]
        removed = [(a, b) for a, b in cut.labels]
        known = account_first_names(doc, corpus.people, self.targets)
        targets = [
            t
            for t in self.targets.in_window(
                doc,
                cut.start,
                cut.end,
                corpus.index,
                corpus.key_index,
                known,
                corpus.defined,
                corpus.risk.index.in_dictionary,
            )
            if not any(a < t.end and t.start < b for a, b in removed)
        ]
        targets, addressed = self._with_residuals(corpus, doc, cut, targets, removed, {k.lower() for k in known})
        changes += addressed
        targets, unsure = self._with_candidates(corpus, doc, cut, targets, removed)
        window = text[cut.start : cut.end]
        sdoc = parser(self._model)(window)
        targets = [t for t in targets if not (t.label == "PERSON" and _modal_verb(sdoc, t.start - cut.start))]
        lower = self._lower_case_names(corpus, cut, sdoc, targets, {k.lower() for k in known})
        lower += self.targets.speakers(text, cut.start, cut.end, known, targets + lower)
        lower += self.targets.lone_initials(text, cut.start, cut.end, known, targets + lower)
        in_dictionary = corpus.risk.index.in_dictionary
        lower += self.targets.lower_case_coordinated(text, cut.start, cut.end, targets + lower, in_dictionary)
        lower += self.targets.lower_case_reached(text, cut.start, cut.end, targets + lower)
        lower += self.targets.lower_case_towns(
            text, cut.start, cut.end, targets + lower, corpus.places, self._not_a_name_word
        )
        targets = sorted(targets + lower, key=lambda t: t.start)
        for n, t in enumerate(targets):  # "met kestra vollund": a surname written in lower case goes with the name
            nxt = targets[n + 1].start if n + 1 < len(targets) else cut.end
            if t.label == "PERSON":
                t = self.targets.with_lower_nickname_prefix(text, t, max([cut.start, *(x.end for x in targets[:n])]))
                targets[n] = self.targets.lower_case_surname(text, t, min(nxt, cut.end), in_dictionary)
        here = _first_names_here(corpus.people, doc)
        initials = initials_in(text, cut.start, cut.end, corpus.initials, targets, self.targets.not_initials, here)
        targets = sorted(targets + [Target(a, b, "PERSON", "initials") for a, b in initials], key=lambda t: t.start)
        unsure += [(t.start, t.end) for t in targets if t.found == "lower-case name"]  # with the residuals
        others: list[tuple[int, str | None, str]] = []
        kin: list[tuple[int, str, str]] = []  # relatives named or mentioned ("her sister"): offset, gender, who
        subject = frag.subject
        subject_person = corpus.people.person(subject) if subject else None
        rare = [t for t in targets if t.label == "RARE_DETAIL"]
        generalised = [t for t in rare if self._replace_rare(text[t.start : t.end])]
        flagged = [
            t for t in rare if t not in generalised and self.placeholders.policy.actions["RARE_DETAIL"] == "flag"
        ]
        targets = generalised + [
            t
            for t in targets
            if t.label != "RARE_DETAIL" and not any(g.start < t.end and t.start < g.end for g in generalised)
        ]
        for t in sorted(targets, key=lambda t: t.start):
            if t.found == "alias aside":  # " (Rain, on the lease)" after the person's name: goes, bracket and all
                changes.append(Change(t.start, t.end, text[t.start : t.end], "", "alias", found=t.found))
                continue
            if t.found == "risk, a word here":  # "with Lego": no person to invent, a placeholder to check
                new = self._again(text, t.start, t.end, t.label)
                changes.append(Change(t.start, t.end, text[t.start : t.end], new, _REASON[t.label], found=t.found))
                unsure.append((t.start, t.end))
            elif t.label == "PERSON":
                change, gender = self._person(corpus, doc, t, cast, frag)
                change.found = t.found
                changes.append(change)
                if change.role != "character":
                    others.append((t.start - cut.start, gender, change.person or change.original.lower()))
                if change.role == "relative" and gender:
                    kin.append((t.start - cut.start, gender, others[-1][2]))
            else:
                change = self._placeholder(doc, t, cut, cast, corpus, subject)
                change.found = t.found
                changes.append(change)
        _drop_bracketed_aliases(text, changes)
        named = {off: who for off, _, who in others}
        nouns_of: list[tuple[int, str, str | None]] = []  # gendered nouns ("a man") not said of the character
        focal_at = [c.start - cut.start for c in changes if c.role == "character" and c.reason == "person"]
        focal_at += _age_pronouns(text, cut.start, changes)
        for m in re.finditer(r"\b[a-z]+\b", window):
            w = m.group().lower()
            forms = cast.kinship.gendered_nouns.get(w)
            if forms and _describes(sdoc, m.start(), focal_at):  # "Ana is ..., a tall man": the character
                if forms[pronouns] != w:
                    changes.append(
                        Change(cut.start + m.start(), cut.start + m.end(), w, forms[pronouns], "agreement", subject,
                               "character")
                    )  # fmt: skip
                continue
            if forms and _names_other(window, m.end(), named):
                continue  # "an older gentleman called Mr Pell": said of another person
            if forms:
                nouns_of.append((m.start(), w, "M" if forms["he"] == w else "F" if forms["she"] == w else None))
            for g, nouns in (("F", self.role_words.female), ("M", self.role_words.male)):
                if w in nouns and w not in cast.kinship.titles:
                    follows = re.match(r"[ ,]+", window[m.end() :])  # "her dad Troy": one person
                    who = named.get(m.end() + follows.end()) if follows else None
                    others.append((m.start(), g, who or f"{w} at {m.start()}"))
                    if self.role_words.role_of(w) == "relative":
                        kin.append(others[-1])
        focal = _gender_of(corpus.people, doc, subject)
        majority = _pronoun_majority(window) if subject_person is not None else None
        if focal is None or (majority and majority != focal and not any(g == majority for _, g, _ in others)):
            focal = majority or focal  # the account's own pronouns, when no one else could take them, beat a name's
        taken = [(c.start - cut.start, c.end - cut.start) for c in changes]
        p_edits, unresolved = rewrite(sdoc, focal, pronouns, others, taken, focal_at, kin)
        for e in p_edits:
            original = window[e.start : e.end]
            reason = "pronoun" if original.lower() in _PRONOUN_WORDS else "agreement"
            changes.append(
                Change(cut.start + e.start, cut.start + e.end, original, e.new, reason, subject, "character")
            )
        changes = _non_overlapping(changes)
        rare_kept = [  # quoted as the draft has it: the character's pronouns, no name of the fragment
            f"'{_as_changed(text, t.start, t.end, changes)}' ({self._suggestion(text[t.start : t.end], t.reason)})"
            for t in flagged
        ]
        in_window = [
            Edit(c.start - cut.start, c.end - cut.start, c.replacement, c.reason)
            for c in changes
            if c.start >= cut.start
        ]
        composed, applied = apply_edits(window, in_window)
        after_labels = [a.out_end for a in applied if a.label == "form label" and not a.new]
        new_text = _tidy(_sentence_case_after(composed, after_labels))
        opens_negative = any(not text[cut.start : a].strip() for a, _ in negative)
        # a label that says what did not help, right before the part's first sentence (left out of the cut)
        before_negative = lead_no and any(
            b <= cut.start and not text[b : cut.start].strip() and self._negative_label(text[a:b])
            for a, b in frag.labels
        )
        lead = "" if opens_negative or before_negative else self._lead(frag.section, sdoc)
        if before_negative:  # "Not everything helped, though: the noise ...", not "What helped was the noise"
            keep_case = sdoc[0].pos_ == "PROPN" or sdoc[0].text == "I"
            new_text = lead_no + (new_text if keep_case else new_text[:1].lower() + new_text[1:])
            changes.append(Change(cut.start, cut.start, "", lead_no, "lead", None, None))
        if lead:  # "Being there as a co-worker." alone reads as a heading of the template
            keep_case = sdoc[0].pos_ == "PROPN" or sdoc[0].text == "I"
            opening = new_text if keep_case else new_text[:1].lower() + new_text[1:]
            new_text = f"{lead[:1].upper()}{lead[1:]} {opening}"
            changes.append(Change(cut.start, cut.start, "", lead + " ", "lead", None, None))
        notes = []
        if unresolved:
            words_ = sorted({window[u.start : u.end].lower() for u in unresolved})
            why = {u.reason for u in unresolved}
            what = (
                "the character's gender is not known from this account"
                if any("unknown" in r for r in why)
                else "another person of that gender is near"
            )
            notes.append(
                f"{len(unresolved)} pronoun(s) ({', '.join(repr(w) for w in words_)}) left as written: {what}; "
                f"make the ones that mean {cast.character.invented.first} '{_pronoun_set(pronouns)}'"
            )
        target_gender = {"she": "F", "he": "M"}.get(pronouns)
        contradicting = [w for _, w, g in nouns_of if g is not None and g == focal and g != target_gender]
        if contradicting:  # a man's story told as a woman's: "a man who used to ..." in a 'she' draft
            notes.append(
                "gendered word(s) that may describe the character and contradict "
                f"'{_pronoun_set(pronouns)}' ({', '.join(repr(w) for w in dict.fromkeys(contradicting))}): "
                f"where they mean {cast.character.invented.first}, make them fit or rephrase"
            )
        unsure_now = [c.replacement for c in changes if (c.start, c.end) in unsure and c.replacement]
        if unsure_now:
            notes.append(
                f"{len(unsure_now)} word(s) that may identify no one were replaced (nothing detected them here, or "
                "only the corpus holds them as a name): "
                + ", ".join(f"'{w}'" for w in dict.fromkeys(unsure_now))
                + "; the private provenance has what they were; put back the ones that identify no one"
            )
        if rare_kept:
            notes.append(
                "keeps details that could identify someone: " + ", ".join(rare_kept[:5]) + "; generalise or drop "
                "them (reviewed generalisations go in rules/generalise.yaml)"
            )
        dangling = _dangling(text, cut, sdoc)
        if dangling:
            notes.append(
                "refers to something from the part of its account that is not in the draft ("
                + ", ".join(f"'{d}'" for d in dangling)
                + "): say what it is, or rephrase"
            )
        return Paragraph(cut, new_text, sorted(changes, key=lambda c: c.start), notes)

    def _negative_label(self, label: str) -> bool:
        """A form label or answer word that says what did not help ("Not helpful:", "No:")."""
        words = re.sub(r"[^\w'’ ]+", " ", label).replace("’", "'").lower().split()
        while words and words[0].isdigit():
            words = words[1:]
        return bool(words) and " ".join(words) in self.config.negative_labels

    def _lead(self, section: int, sdoc) -> str:
        """The section's lead when the part opens with a sentence without a finite verb ("Celebrating
        first and problem solving second."), which in a draft reads like a heading."""
        sections = self.config.sections
        if not 0 <= section < len(sections) or not sections[section].lead or not len(sdoc):
            return ""
        first = next(iter(sdoc.sents))
        words = [t for t in first if t.is_alpha]
        if not words or len(words) > _HEADING_WORDS or any(t.tag_ in _FINITE for t in first):
            return ""
        if words[0].lower_ in _NO_LEAD_BEFORE or words[0].pos_ in ("CCONJ", "SCONJ", "ADP"):
            return ""  # "Then the long walk back.": 'what helped was then the long walk' reads worse than the part
        return sections[section].lead

    def _with_residuals(
        self,
        corpus: _Corpus,
        doc: Document,
        cut: Cut,
        targets: list[Target],
        removed: list[tuple[int, int]],
        known: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> tuple[list[Target], list[Change]]:
        """The targets, with what `risk` would still fail the fragment for added (a name or a word of
        one that compose's own rules let pass): a residual inside a target is covered, one overlapping
        targets joins them. A form of address the corpus also uses as a name ("Aunty", "Nanna") is
        written in lower case inside a sentence (the changes returned), as the word it is. A first name
        of a person of this account (``known``, lower case), however written, is that person ("asked
        how we knew each other and wren just said ...": the person's pseudonym, not "[a name]")."""
        window = doc.text[cut.start : cut.end]
        spans = [
            Span(s.start - cut.start, s.end - cut.start, s.label)
            for s in doc.spans
            if cut.start <= s.start and s.end <= cut.end
        ]
        out, addressed = list(targets), []
        for r in self._residuals(corpus, window, spans):
            a, b = cut.start + r.start, cut.start + r.end
            if any(x < b and a < y for x, y in removed):
                continue
            over = [t for t in out if t.label != "RARE_DETAIL" and t.start < b and a < t.end]
            if over and all(t.start <= a and b <= t.end for t in over):
                continue
            value = doc.text[a:b]
            if not over and value.lower() in self.forms_of_address and not sentence_initial(doc.text, a):
                addressed.append(Change(a, b, value, value.lower(), "form of address"))
                continue
            start, end = min([a, *(t.start for t in over)]), max([b, *(t.end for t in over)])
            label = over[0].label if over else r.label
            addressed_so = value.lower() in self.forms_of_address  # "Aunty" opening a sentence: the person
            theirs = (  # not the word after a determiner: "walked past the moor", "my honor"
                not over
                and r.label == "PERSON"
                and re.sub(r"['’]s?$", "", value).lower() in known
                and not determined(doc.text, a, b, self.targets.person_word)
                and (not value.islower() or self.targets.lower_case_name(re.sub(r"['’]s?$", "", value)))
            )
            ordinary = (
                not over
                and not addressed_so
                and not theirs
                and (
                    self.targets.kind(doc.text, a, b, r.label) is None
                    or self.targets.word_not_name(value, r.label, ner_only=True)
                )
            )
            found = "risk, a word here" if ordinary else "lower-case name" if theirs and value.islower() else "risk"
            holiday_end = self.placeholders.holiday_at(doc.text, start, cut.end)
            if ordinary and holiday_end and holiday_end >= end:
                label = "DATE_TIME"  # "St Columba's" of "St Columba's weekend": not a name, if it must go
            out = [t for t in out if t not in over] + [Target(start, end, label, found)]
        return sorted(out, key=lambda t: t.start), addressed

    def _lower_case_names(
        self, corpus: _Corpus, cut: Cut, sdoc, targets: list[Target], known: set[str]
    ) -> list[Target]:
        """A first name of a person of this account that is also a word, written in lower case where
        only that person can stand: the subject of what someone does ("good to see honor helping her
        friend", "honor said"), with no article or possessive of its own ("my honor" stays)."""
        out: list[Target] = []
        for idx in (corpus.index, corpus.key_index):
            if idx is None:
                continue
            for h in idx.find(sdoc.text, word_uses=True):
                value = sdoc.text[h.start : h.end]
                if h.label != "PERSON" or not value[:1].islower() or value not in known:
                    continue
                if self.targets.form_of_address(value):
                    continue  # '"yes, auntie," she said': what someone is called, though "Auntie Quill" is named so
                a, b = cut.start + h.start, cut.start + h.end
                if any(t.start < b and a < t.end for t in targets + out):
                    continue
                tok = next((t for t in sdoc if t.idx == h.start), None)
                # a name of the account with no article or possessive of its own is that person, whether
                # or not risk holds the word with confidence ("we had tea and sorrel said");
                # an everyday word is that person only where a person stands ("flicking ash out the window",
                # "moving flat to flat": the word, though the account has an Ash)
                stands = tok is not None and lower_case_person(
                    tok, self.targets.present_after, self.targets.contact_verbs
                )
                full = corpus.docs[cut.fragment.doc_id].text
                undetermined = not determined(full, a, b, self.targets.person_word)
                joined = joined_to_person(full, a, b, targets)
                capitalised = value[:1].upper() + value[1:]
                if not self.targets.lower_case_name(value) and not written_inside_sentence(full, capitalised):
                    continue  # "how netball works": a word of the dictionary no list names anyone by, capitalised
                    # in this account only where a sentence opens ("Netball was the key."), is the word
                if stands or joined or (undetermined and not _everyday_word(value, set())):
                    out.append(Target(a, b, "PERSON", "lower-case name"))
        return out

    def _with_candidates(
        self, corpus: _Corpus, doc: Document, cut: Cut, targets: list[Target], removed: list[tuple[int, int]]
    ) -> tuple[list[Target], list[tuple[int, int]]]:
        """The targets, with the words review would ask about as possible identifiers that nothing
        detected (a capitalised word no dictionary knows, a name in a name's position, initials, a
        run of capitalised words, a number near a contact word): compose cannot ask, so it replaces
        them and lists them for the author."""
        kept = self._kept_texts
        out, unsure = list(targets), []
        for c in sorted(corpus.could_be.get(doc.id, ()), key=lambda c: (c.start - c.end, c.start)):  # longest first
            if not (cut.start <= c.start and c.end <= cut.end) or any(x < c.end and c.start < y for x, y in removed):
                continue
            value = doc.text[c.start : c.end]
            if value.lower() in kept or any(t.start < c.end and c.start < t.end for t in out):
                continue
            if value.islower() and value not in corpus.names:
                continue  # "tuesday arvo", "with kasha": a name in lower case only when the corpus has it as one
            if value.islower() and zipf(value) >= 3.0 and not self.targets.person_stands(doc.text, c.start, c.end):
                continue  # "a bunch of heather", "more patience from me": a word, though someone is so called
            if self.targets.opens_sentence_as_word(doc.text, c.start, c.end, corpus.names):
                continue  # "Faith is a big word": capitalised because it opens the sentence
            if value.lower() not in corpus.names and self.targets.unlisted_word_opening_sentence(
                doc.text, c.start, c.end
            ):
                continue  # "Sleet, then sun.": a word of the dictionary that opens the sentence
            if c.kind == "number" and value.isdigit() and self.targets.quantity_after.match(doc.text, c.end):
                continue  # "1200 acres of barley": a quantity, though a house is spoken of nearby
            if c.kind == "initials" and _no_ones_initials(value, self.targets.not_initials):
                continue  # "her ID was on the table": an abbreviation; "HE said": a pronoun in capitals
            if c.kind == "initials" and self.targets.initials_of_no_one(doc.text, c.start, c.end):
                continue  # "playing GK for the school", "her UK passport": a position, an issuer
            if self.targets.people_word(value):
                continue  # "a Vanuese shop": what someone is, a nationality the lists do not have
            if " " not in value and self._not_a_name_word(value) and self.targets.people_described(doc.text, c.end):
                continue  # "Deaf people", "Black men": what people are, an everyday word capitalised
            if value.lower() in self.targets.not_names or self.targets.word_not_name(value, c.label, ner_only=True):
                continue  # "ER", "with Lego": what compose's own lists call a place word or a thing
            if self.targets.never_word(value):
                continue  # "Ubaba rang at noon": a kinship word, never a name on its own, as detection holds it
            if self.targets.sung_title(doc.text, c.start, c.end):
                continue  # 'hummed a little of "Quill, Quill"': a song's title, in any of its words
            if c.kind == "capitalised" and self.targets.title_of_work(doc.text, c.start, c.end):
                continue  # "the band played Quillbarrow twice": a song's title, whatever word it is
            if self.targets.meeting_by_day(value):
                continue  # "at Monday's MDT": a meeting by its day, no organisation
            if c.kind == "capitalised-phrase" and self.targets.common_phrase(value):
                continue  # "the Slow Cooking approach": a name made of everyday words, for no building or body
            label = "PERSON" if c.kind == "initials" else self.targets.kind(doc.text, c.start, c.end, c.label)
            if label is None:
                continue
            out.append(Target(c.start, c.end, label, "candidate"))
            unsure.append((c.start, c.end))
        return sorted(out, key=lambda t: t.start), unsure

    def _residuals(self, corpus: _Corpus, text: str, spans: Iterable[Span] = ()) -> list[Residual]:
        """What risk would fail ``text`` for, less the everyday words in lower case that no person of the
        corpus is called ("the marina" that the entity recogniser once took for a place), nor any list
        of names holds ("the kettle", though the recogniser made a person of it somewhere): compose
        holds those as no identifier and leaves them as written (must-be-true 1)."""
        return [
            r
            for r in residuals(corpus.risk, text, spans, self._kept_texts)
            if not _everyday_word(text[r.start : r.end], corpus.names & self.targets.name_words)
        ]

    @cached_property
    def _verbs_and_adjectives(self) -> frozenset[str]:
        """Words of the dictionary other than nouns (a town's name is a noun to the lemmatizer's index too)."""
        return dictionary_words(parser(self._model), nouns=False)

    def _not_a_name_word(self, value: str) -> bool:
        """``value`` is an everyday word: a verb, adjective or adverb of the dictionary, or very common."""
        return any(w in self._verbs_and_adjectives or zipf(w) >= 5.0 for w in value.split())

    @property
    def _kept_texts(self) -> frozenset[str]:
        """Texts a reviewer decided are no identifiers (the detector's review decisions), as risk reads them."""
        decisions = getattr(self.detector, "decisions", None)
        return frozenset(decisions.kept_texts()) if decisions is not None else frozenset()

    def _replace_rare(self, value: str) -> bool:
        """A rare detail is replaced only when the project's policy (rules/policy.yaml, as for scrub) says
        placeholder; by default it stays as written and is listed for the author with a suggestion."""
        return self.placeholders.policy.actions["RARE_DETAIL"] == "placeholder"

    def _suggestion(self, value: str, reason: str) -> str:
        """The reviewed generalisation that fits a rare detail (rules/generalise.yaml), else its kind."""
        general = self.placeholders.policy.generalise(value)
        return f"suggestion: {general}" if general else self.placeholders.rare_kind(reason)

    def _person(
        self, corpus: _Corpus, doc: Document, t: Target, cast: Cast, frag: Fragment
    ) -> tuple[Change, str | None]:
        people = corpus.people
        written = doc.text[t.start : t.end]
        pid = people.person_at(doc.id, t.start, t.end)
        mention = next((m for m in people.mentions_in(doc.id) if m.start <= t.start < m.end), None)
        if pid is None and _INITIALS.fullmatch(re.sub(r"['’]s?$", "", written)):  # "DM": a Dara Moss of the corpus
            whose = corpus.initials.get(re.sub(r"[.\s]|['’]s?$", "", written), {})
            pid = initials_person(whose, _first_names_here(people, doc))
        if pid is None:
            pid = _same_name(people, corpus.docs, doc.id, written)
        pid = _titled_initial(people, doc, written) or pid  # "Dr X" after "Dr Xylander": the same doctor
        pid = _subject_by_short_form(people, corpus.docs, doc, pid, frag.subject, self.nicknames) or pid
        person = people.person(pid) if pid else None
        role = person.role if person else "other"
        told = None if person else self._told(doc.text, t.start, t.end)
        if told:
            role = told[0]
        same_family = _same_family(corpus.surnames.get(pid), corpus.surnames.get(frag.subject or ""))
        role_word = (
            (mention.role_word if mention else None) or corpus.relations.get(pid or "") or (told[2] if told else None)
        )
        gender = (
            (person.gender if person else (told[1] if told else None))
            or _pronoun_gender_after(doc.text, t.end)
            or role_word_gender(role_word, self.role_words)
        )
        member = cast.member(
            pid,
            subject=frag.subject,
            role=role,
            gender=gender,
            age=person.age if person else None,
            role_word=role_word,
            same_family=same_family,
            fallback_key=re.sub(r"['’]s?$", "", written.lower()),
        )
        surname = corpus.surnames.get(pid or "") or _surname_of_others(corpus.surnames, written, cast.first_names)
        new = cast.render(member, self.targets.without_nickname_prefix(written), surname)
        if residuals(corpus.risk, new):  # "Nanna Petra" -> "Nanna Sims", and risk holds "Nanna" as a name
            new = member.invented.first + ("’s" if written.endswith("’s") else "'s" if written.endswith("'s") else "")
        if person is None:
            gender = member.invented.gender
        elif person.gender is None:
            gender = role_word_gender(role_word, self.role_words)  # what the account says, not what was invented
        else:
            gender = person.gender
        return Change(t.start, t.end, written, new, "person", pid, member.role), gender

    def _told(self, text: str, start: int, end: int) -> tuple[str, str | None, str] | None:
        """Role, gender and role words said right before a name no identity was found for."""
        before = [w.lower() for w in re.findall(r"[^\W\d_]+", text[max(0, start - 40) : start])][-3:]
        for n in (3, 2, 1):
            phrase = " ".join(before[-n:]) if len(before) >= n else ""
            role = self.role_words.role_of(phrase) if phrase else None
            if role:
                return role, self.role_words.gender_of(phrase), phrase
        return None

    def _placeholder(
        self, doc: Document, t: Target, cut: Cut, cast: Cast, corpus: _Corpus, subject: str | None
    ) -> Change:
        text = doc.text
        before, after = text[cut.start : t.start], text[t.end : cut.end]
        if t.label == "AGE":
            paren = re.match(r"\s*\)", after) if re.search(r"\(\s*$", before) else None
            comma = re.search(r"(?:[^\W\d_]|\))\s*,\s*$", before) and re.match(r"\s*[,)]", after)
            if paren or comma:  # "Nate (34)", "Sam, 19," -> the age goes
                a = t.start - len(before) + len(before.rstrip(" ,("))
                b = t.end + (paren.end() if paren else 0)  # the closing bracket goes, the space after it stays
                return Change(a, b, text[a:b], "", "age")
        owner = corpus.people.person_at(doc.id, *_person_before(corpus.people, doc.id, t.start))
        mine = {"F": "her", "M": "his"}.get(cast.character.invented.gender or "", "their")
        said = _AGE_SAID.search(before)
        focal = _gender_of(corpus.people, doc, subject)
        if _I_AM.search(before):  # "I was 19": the writer's own age
            owner, possessive = "the writer", "my"
        elif said and owner is None:  # "She's 64": the character's age only if "she" can be the character
            pronoun_gender = "F" if said.group(1).lower() == "she" else "M"
            owner = subject if pronoun_gender == focal else "someone else"
            possessive = mine if owner == subject else {"F": "her", "M": "his"}[pronoun_gender]
        elif owner in (subject, None):
            possessive = mine
        else:  # someone else's age: their own pronoun
            possessive = {"F": "her", "M": "his"}.get(corpus.people.person(owner).gender or "", "their")
        new = self.placeholders.make(
            t.label, text[t.start : t.end], before, after, possessive=possessive, reason=t.reason
        )
        now = re.search(r"(?:\bis|['’]s|\bturns|\bturned)\s+(?:in\s+(?:his|her|their)\s+)?$", before)  # not "was 15"
        whose = "character" if t.label == "AGE" and owner in (subject, None) and now else None
        return Change(t.start, t.end, text[t.start : t.end], new, _REASON[t.label], role=whose)

    # ------------------------------------------------------------------ checks and notes

    def _final_check(self, corpus: _Corpus, paragraphs: list[Paragraph], cast: Cast) -> int:
        """Every identifier of the fragments, and every one the corpus or key knows, searched for in the
        draft once more; one still there is replaced (and counted: it should never happen)."""
        invented = {w.lower() for m in cast.members for w in (m.invented.first, m.invented.last)}
        fixes = 0
        for para in paragraphs:
            originals = {
                c.original.strip(): _LABEL_OF[c.reason]
                for c in para.changes
                if c.reason in _LABEL_OF and len(c.original.strip()) > 2
            }
            edits: list[Edit] = []
            sdoc = None
            for value in sorted(originals, key=len, reverse=True):
                for m in re.finditer(r"(?<![\w'’])" + re.escape(value) + r"(?![\w])", para.text):
                    if _in_placeholder(para.text, m.start(), m.end()):
                        continue  # "[a marina]" for "the Kestrel Marina": the kind of place, said on purpose
                    if originals[value] == "PERSON" and " " not in value:
                        sdoc = sdoc or parser(self._model)(para.text)
                        if _modal_verb(sdoc, m.start()):
                            continue  # "May need to ring her": the verb, not the name replaced above
                    edits.append(Edit(m.start(), m.end(), self._again(para.text, m.start(), m.end(), originals[value])))
            for idx in (corpus.index, corpus.key_index):
                if idx is not None:
                    edits += self._names_left(idx, para.text, invented, corpus.risk.index.in_dictionary)
            ours = {_initials_key(f"{m.invented.first} {m.invented.last}") for m in cast.members}
            here = _first_names_here(corpus.people, corpus.docs[para.cut.fragment.doc_id])
            left = initials_in(para.text, 0, len(para.text), corpus.initials, [], self.targets.not_initials, here)
            edits += [
                Edit(a, b, "[a name]")
                for a, b in left
                if re.sub(r"\.", "", para.text[a:b]) not in ours and not _in_placeholder(para.text, a, b)
            ]
            fixes += _apply_final(para, edits)
        for _ in range(3):  # a placeholder can make a new hit of its own: look again until none
            found = 0
            detected = self.detector.detect([Document(f"paragraph {n}", p.text) for n, p in enumerate(paragraphs)])
            for para, checked in zip(paragraphs, detected, strict=True):
                spans = checked.spans if isinstance(checked, Document) else []
                edits = [
                    Edit(r.start, r.end, self._again(para.text, r.start, r.end, r.label))
                    for r in self._residuals(corpus, para.text, spans)
                    if not _in_placeholder(para.text, r.start, r.end)
                ]
                found += _apply_final(para, edits)
            fixes += found
            if not found:
                break
        return fixes

    def _names_left(
        self, index: IdentifierIndex, text: str, invented: set[str], in_dictionary: Callable[[str], bool] | None = None
    ) -> list[Edit]:
        """Replacements for the identifiers ``index`` knows that are still in a composed paragraph.
        A person's name form the corpus writes in lower case goes too, whether or not `risk` holds it
        with confidence (risk no longer does for a name written only so): unless it is an everyday word
        standing where no person does ("the plums", not "kez said")."""
        edits: list[Edit] = []
        sdoc = None
        for h in index.find(text):
            hit = text[h.start : h.end]
            if _in_placeholder(text, h.start, h.end):
                continue
            if {w.lower() for w in re.findall(r"[^\W\d_]+", hit)} <= invented:
                continue
            if h.label == "PERSON" and hit[:1].islower() and h.lower_only:
                if self.targets.never_word(hit):
                    continue  # "widnae", "nookomis": a dialect spelling or kinship word, in a name somewhere
                if _everyday_word(hit, set()):
                    sdoc = sdoc or parser(self._model)(text)
                    tok = next((t for t in sdoc if t.idx == h.start), None)
                    if tok is None or not lower_case_person(
                        tok, self.targets.present_after, self.targets.contact_verbs
                    ):
                        continue
                edits.append(Edit(h.start, h.end, self._again(text, h.start, h.end, h.label)))
                continue
            # a place the corpus writes with its capitals, written in lower case ("at quarrowmere court")
            lower_place = h.label in ("LOCATION", "ORGANIZATION") and self.targets.lower_case_place(hit, in_dictionary)
            if not h.certain or not (lower_place or self.targets.written_as_name(hit, h.label)):
                continue
            if self.targets.kind(text, h.start, h.end, h.label, named=lower_place) is None:
                continue  # a word, a generic place, a country or language: nobody's identifier
            edits.append(Edit(h.start, h.end, self._again(text, h.start, h.end, h.label)))
        return edits

    def _again(self, text: str, start: int, end: int, label: str) -> str:
        """The placeholder for an identifier found again after composing."""
        if label == "PERSON":  # "a [name] fitter", not "a [a name] fitter"
            return (
                "[name]"
                if re.search(r"\b(?:a|an|the)\s+$", text[max(0, start - 5) : start], re.IGNORECASE)
                else "[a name]"
            )
        holiday_end = self.placeholders.holiday_at(text, start, len(text))
        if label == "DATE_TIME" and holiday_end and holiday_end >= end:
            return "[a public holiday]"
        return self.placeholders.make(label, text[start:end], text[:start], text[end:])

    def _notes(
        self, corpus: _Corpus, paragraphs: list[Paragraph], locale: str, scores: dict[str, int], fixes: int
    ) -> list[str]:
        notes = []
        for n, p in enumerate(paragraphs, 1):
            notes += [f"paragraph {n}: {note}" for note in p.notes]
            own = self.targets.own_story(p.text)
            if own:  # a peer worker's own history identifies the worker as surely as the character's does
                notes.append(
                    f"paragraph {n}: tells the worker's own story ({', '.join(repr(o) for o in own)}): it can identify "
                    "the worker; generalise or drop it"
                )
        narrators = [p.cut.fragment.narrator for p in paragraphs]
        if len(set(narrators)) > 1:
            groups: dict[str | None, list[int]] = {}
            for n, who in enumerate(narrators, 1):
                groups.setdefault(who, []).append(n)
            told = "; ".join(
                f"paragraph{'s' if len(ns) > 1 else ''} {', '.join(map(str, ns))} by worker {who or '?'}"
                for who, ns in groups.items()
            )
            notes.append(
                f"the paragraphs are told by {len(groups)} different workers ({told}) and 'I' is now one composite "
                "worker: check that what 'I' says about myself does not contradict itself"
            )
        ages = sorted(
            {c.replacement.strip("[]") for p in paragraphs for c in p.changes if c.reason == "age" and c.role}
        )
        if len(ages) > 1:
            notes.append(f"{_AGES_NOTE} ({', '.join(ages)}): keep one")
        placeholders = sum(1 for p in paragraphs for c in p.changes if c.replacement.startswith("["))
        if placeholders:
            notes.append(f"rewrite the {placeholders} [bracketed] placeholder(s) in your own words, or leave them out")
        top = max(scores.values(), default=0)
        strong = sorted(loc for loc, s in scores.items() if s >= 3 and s >= top / 2 and loc != locale)
        if strong:
            notes.append(
                f"the accounts come from more than one setting ({', '.join([locale, *strong])}); names follow "
                f"{locale}: make dialect and spelling consistent"
            )
        if fixes:
            notes.append(f"{fixes} identifier(s) were found again in the composed text and replaced by placeholders")
        return notes


#: verb tags of a clause that can stand alone; an opening sentence with none of them is verbless
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: a verbless opening longer than this is a list or a fragment of notes, not a heading-like answer
_HEADING_WORDS = 15
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|my|his|her|their|our|your|this|that)\s+$", re.IGNORECASE)
#: a noun's or a name's possessive right before a word ("the club's", "sam's"), in any case
_POSSESSIVE_BEFORE = re.compile(r"[^\W\d_]['’]s\s+$")
_DETERMINER_MODIFIER_BEFORE = re.compile(
    r"\b(?:the|a|an|my|his|her|their|our|your|this|that)\s+([a-z][a-z'’-]*)\s+$", re.IGNORECASE
)


def determined(text: str, start: int, end: int, person_word: Callable[[str], bool]) -> bool:
    """The word at ``text[start:end]`` has an article or possessive of its own, as a thing has ("my
    honor"); written in lower case, also with a word between ("the big honor"), as no name is written,
    unless that word names a person ("her friend honor": the friend's name), or after someone's
    possessive ("the club's honor", "sam's honor")."""
    before = text[max(0, start - 30) : start]
    if _DETERMINER_BEFORE.search(before):
        return True
    if text[start:end].islower() and _POSSESSIVE_BEFORE.search(before):
        return True
    m = _DETERMINER_MODIFIER_BEFORE.search(before)
    return bool(m) and text[start:end].islower() and not person_word(m.group(1).lower())


_AGES_NOTE = "the accounts give the character different ages"
#: Review's reasons for a word nothing detected that could be an identifier, which compose replaces
#: (not "known-name-left": the corpus search has those; not "rare-detail": the policy decides those).
# format: reason codes of review
_COULD_BE = frozenset({"capitalised", "capitalised-phrase", "name-position", "initials", "place", "number"})
# format: change reason codes
_REASON = {
    "PERSON": "person",
    "LOCATION": "place",
    "ORGANIZATION": "organisation",
    "DATE_TIME": "date",
    "RARE_DETAIL": "detail",
    "AGE": "age",
    "CONTACT": "contact",
    "ID": "id",
}
# format: placeholder kind codes
_LABEL_OF = {"person": "PERSON", "place": "LOCATION", "organisation": "ORGANIZATION", "contact": "CONTACT", "id": "ID"}
_PRONOUN_WORDS = frozenset(
    {"he", "him", "his", "himself", "hes", "she", "her", "hers", "herself", "shes", "they", "them", "their"}
)


def account_first_names(doc: Document, people: People, targets: Targets) -> set[str]:
    """The first names of the people of ``doc``, as written, whose names are replaced wherever they stand
    as one; not a word that only the entity recogniser made a person of ("Patience is the main thing for him")."""
    words = [
        (s.start, s.end)
        for s in doc.spans
        if s.label == "PERSON" and s.detector == NER and targets.word_opening_sentence(doc.text, s.start, s.end)
    ]
    forms = [
        parse_person(doc.text[m.start : m.end])
        for m in people.mentions_in(doc.id)
        if not any(a < m.end and m.start < b for a, b in words)
    ]
    # format: name form kinds
    return {f.tokens[0] for f in forms if f is not None and f.kind in ("full", "single")}


#: capitals standing alone as a person's initials ("DM", "D.M.", "D. M."), a possessive after them allowed
_INITIALS = re.compile(r"(?<![\w.’'-])([A-Z])(?:\.\s?([A-Z])\.?|([A-Z]))(?![\w-])")
#: two capitals this frequent as a word ("NO", "SO", "UP") are the word, written for emphasis
_CAPS_WORD_ZIPF = 5.3
#: before capitals that are no one's initials: a number ("at 3 PM") or an article ("the PM", "a CV")
_NOT_INITIALS_BEFORE = re.compile(r"(?:\d\s*|\b(?:the|a|an|my|his|her|their|our|your)\s+)$", re.IGNORECASE)


def _fold(word: str) -> str:
    """A word in lower case without accents ("Émile" -> "emile")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _initials_key(name: str) -> str:
    """The initials of a full name, first and last word, without accents ("Émile Zorn" -> "EZ")."""
    words = [_fold(w) for w in re.findall(r"[^\W\d_][\w'’-]*", name)]
    if len(words) < 2 or not (words[0][:1].isalpha() and words[-1][:1].isalpha()):
        return ""
    return (words[0][0] + words[-1][0]).upper()


def initials_of_names(mentions: Iterable[tuple[str, str]], key_names: Iterable[str] = ()) -> dict[str, dict[str, str]]:
    """The initials of every full name (first and last name, no title) of ``mentions`` (person id, text as
    written) and of the key's names: initials -> {person id ("" for the key's): first name, folded}."""
    out: dict[str, dict[str, str]] = {}
    for pid, written in mentions:
        form = parse_person(written)
        if form is None or form.kind != "full" or form.has_title:
            continue
        key = _initials_key(" ".join(form.tokens))
        if key:
            out.setdefault(key, {})[pid] = _fold(form.tokens[0])
    for name in key_names:
        key = _initials_key(name)
        if key:
            out.setdefault(key, {}).setdefault("", _fold(name.split()[0]))
    return out


def initials_person(people: dict[str, str], here: dict[str, str]) -> str | None:
    """Whose initials these are: the one of ``people`` (id -> first name) the account names (``here``: id
    -> first name), else the only one."""
    named = [p for p in people if p and p in here]
    if len(named) == 1:
        return named[0]
    ids = [p for p in people if p]
    return ids[0] if len(ids) == 1 and not named else None


def _named_here(people: dict[str, str], here: dict[str, str]) -> bool:
    """One of ``people`` is named in the account, by the same person or by a first name that begins as
    theirs does ("Ben" for a Benedict, "Paddy" for a Padraig)."""
    return any(p in here for p in people if p) or any(
        len(a) >= 2 and len(b) >= 2 and a[:2] == b[:2] for a in people.values() for b in here.values()
    )


def initials_in(
    text: str,
    start: int,
    end: int,
    initials: dict[str, dict[str, str]],
    taken: Iterable[Target],
    abbreviations: set[str],
    here: dict[str, str],
) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` writes the initials of a full name the corpus knows ("TQ says the plots
    keep him going"), though nothing detected them there: not after a number, an article or a possessive
    ("3 PM", "her GP"), nor a frequent word in capitals ("NO"); capitals that are also an abbreviation
    (``abbreviations``) only for a person the account itself names (``here``: person id -> first name,
    folded)."""
    taken = list(taken)
    out = []
    for m in _INITIALS.finditer(text, start, end):
        a, b = m.span()
        key = m.group(1) + (m.group(2) or m.group(3))
        if key not in initials or any(t.start < b and a < t.end for t in taken):
            continue
        if key in abbreviations and not _named_here(initials[key], here):
            continue
        if zipf(key.lower()) >= _CAPS_WORD_ZIPF:
            continue  # "she said NO": a word in capitals
        if _NOT_INITIALS_BEFORE.search(text[max(0, a - 12) : a]):
            continue
        out.append((a, b))
    return out


def _first_names_here(people: People, doc: Document) -> dict[str, str]:
    """The people a document names: person id -> the first word of a name of theirs, folded."""
    out: dict[str, str] = {}
    for m in people.mentions_in(doc.id):
        form = parse_person(doc.text[m.start : m.end])
        if form is not None and form.tokens and not form.has_title:
            out.setdefault(m.person_id, _fold(form.tokens[0]))
        else:
            out.setdefault(m.person_id, "")
    return out


def _no_ones_initials(value: str, not_initials: set[str]) -> bool:
    """Capitals that are no one's initials: an abbreviation of ``not_initials`` or a pronoun shouted."""
    return value in not_initials or value.lower() in _PRONOUN_WORDS


def _names_other(window: str, end: int, named: dict[int, str]) -> bool:
    """A noun ending at ``end`` is followed by another person's name, directly or after "called", with
    or without a title ("a gentleman called Mr Pell", "the woman, Bea")."""
    gap = re.match(r"[ ,]+(?:(?:called|named|known as)\s+)?", window[end:])
    if not gap:
        return False
    at = end + gap.end()
    title = re.match(r"[A-Z][a-z]{0,3}\.?\s+", window[at:])
    return at in named or (title is not None and at + title.end() in named)


def _overlaps(f: Fragment, used: list[tuple[str, int, int]]) -> bool:
    start, end = f.sentences[0][0], f.sentences[-1][1]
    return any(doc == f.doc_id and a < end and start < b for doc, a, b in used)


def _within(c: Cut, u: tuple[str, int, int]) -> bool:
    doc, a, b = u
    return doc == c.fragment.doc_id and a < c.end and c.start < b


def used_parts(provenance: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(document, start, end) of every part a draft's provenance record says it used."""
    return [(str(f["document"]), int(f["start"]), int(f["end"])) for f in provenance.get("fragments") or []]


def _as_changed(text: str, start: int, end: int, changes: list[Change]) -> str:
    """``text[start:end]`` with the changes that lie inside it applied."""
    inside = sorted((c for c in changes if start <= c.start and c.end <= end), key=lambda c: c.start)
    pieces, pos = [], start
    for c in inside:
        pieces += [text[pos : c.start], c.replacement]
        pos = c.end
    return " ".join(("".join(pieces) + text[pos:end]).split())


def _apply_final(para: Paragraph, edits: list[Edit]) -> int:
    """Apply the final check's replacements to a composed paragraph and log each (no document offsets:
    the composed text has changed)."""
    if not edits:
        return 0
    para.text, applied = apply_edits(para.text, non_overlapping(edits))
    para.changes += [Change(-1, -1, a.original, a.new, "final check") for a in applied]
    return len(applied)


def _in_placeholder(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` stands inside a [bracketed] placeholder compose wrote."""
    opened, closed = text.rfind("[", 0, start), text.rfind("]", 0, start)
    if opened <= closed:
        return False
    close, reopen = text.find("]", end), text.find("[", end)
    return close >= 0 and (reopen < 0 or close < reopen)


def _pronoun_gender_after(text: str, end: int) -> str | None:
    """The gender of the first third-person pronoun after a name in its sentence ("asked Tobiah if she's
    eating"), for a person whose gender nothing else says: their invented name agrees with the text."""
    sentence = re.split(r"[.!?\n]", text[end : end + 200], maxsplit=1)[0]
    m = re.search(r"\b(she|her|hers|herself|he|him|his|himself)\b", sentence, re.IGNORECASE)
    if m is None:
        return None
    return "F" if m.group(1).lower().startswith(("she", "her")) else "M"


def _everyday_word(value: str, names: set[str]) -> bool:
    """A word of everyday English in lower case (as frequent as ``EVERYDAY_ZIPF``) that is no word of a
    person's name in the corpus or the key ("will" for a Will is one)."""
    words = value.split()
    # letters only: "pe'a" is one word of another language, not the frequent "pe" and "a"
    return bool(words) and all(
        re.fullmatch(r"[a-z]+", w) and zipf(w) >= EVERYDAY_ZIPF and w not in names for w in words
    )


_AND = re.compile(r",?\s+(?:and|&)\s+")


def joined_to_person(text: str, start: int, end: int, targets: Iterable[Target]) -> bool:
    """``text[start:end]`` is joined by "and" to a person named right beside it ("tobin and honor both came",
    "honor & Tobin"): where a first name of the account stands so, it is that person, though also a word."""
    return any(
        t.label == "PERSON"
        and (
            (t.end <= start and _AND.fullmatch(text, t.end, start) is not None)
            or (end <= t.start and _AND.fullmatch(text, end, t.start) is not None)
        )
        for t in targets
    )


def lower_case_person(tok: Any, present_after: Iterable[str], contact_verbs: Iterable[str] = ()) -> bool:
    """A first name written in lower case, parsed as ``tok``, stands for a person: the subject of what
    someone does ("honor said", "see honor helping"), someone had or seen somewhere ("having honor
    there helped"), or reached right after a verb of ``contact_verbs`` ("texted honor after"); never
    with an article or possessive of its own ("my honor", "a lot of honor there")."""
    if any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children):
        return False
    if tok.dep_ in ("dobj", "dative") and tok.i == tok.head.i + 1 and tok.head.lower_ in set(contact_verbs):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    acts = (tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.lemma_ not in ("be", "have")) or (
        nxt is not None and nxt.pos_ == "VERB" and nxt.tag_ in ("VBD", "VBZ", "VBG")
    )
    after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
    present = (
        nxt is not None
        and nxt.lower_ in present_after
        and tok.dep_ in ("dobj", "nsubj", "conj", "appos")
        # not "honor there will be": "there" opens a clause of its own
        and not (after is not None and (after.lemma_ == "be" or after.tag_ == "MD"))
    )
    return acts or present


def _age_pronouns(text: str, start: int, changes: list[Change]) -> list[int]:
    """The offsets (in the window from ``start``) of the pronouns whose age was taken as the character's
    ("He's [age] and he asked"): the draft's pronoun for them too, whoever else is near."""
    out = []
    for c in changes:
        if c.reason == "age" and c.role == "character":
            m = _AGE_SAID.search(text, start, c.start)
            if m:
                out.append(m.start(1) - start)
    return out


def _modal_verb(sdoc, start: int) -> bool:
    """The word at ``start`` opens a sentence as a modal before its verb ("May need to ring her"), not
    a name that is also one ("May rang", '"May, eat up."')."""
    tok = next((t for t in sdoc if t.idx == start), None)
    if tok is None or tok.tag_ != "MD" or tok.i + 1 >= len(sdoc):
        return False
    verb = sdoc[tok.i + 1]
    opens = tok.is_sent_start or tok.i == 0 or sdoc[tok.i - 1].is_punct
    return opens and verb.tag_ == "VB" and tok.head.i == verb.i


def _describes(sdoc, start: int, focal_at: list[int]) -> bool:
    """The noun at ``start`` is said of the character: in apposition to their name ("Ana, a tall man")
    or after "is" with their name as subject ("Ana is a quiet boy")."""
    tok = next((t for t in sdoc if t.idx == start), None)
    if tok is None:
        return False

    def focal(t) -> bool:
        return any(t.idx <= f < t.idx + len(t) for f in focal_at)

    if tok.dep_ == "appos":
        return focal(tok.head)
    if tok.dep_ == "attr":
        return any(c.dep_ == "nsubj" and focal(c) for c in tok.head.children)
    return False


def _pronoun_set(pronouns: str) -> str:
    return {"she": "she/her", "he": "he/him", "they": "they/them"}[pronouns]


def _gender_of(people: People, doc: Document, subject: str | None) -> str | None:
    """The subject's gender: from their name, else from how the account refers to them."""
    if subject is None:
        return None
    return people.person(subject).gender or _gender_told(doc.text, people.mentions_in(doc.id), subject)


_THIRD_PERSON = re.compile(r"\b(?:(she|her|hers|herself)|he|him|his|himself)\b", re.IGNORECASE)
#: How far after a name its pronoun is looked for (characters), at most up to the next person named.
_TOLD_REACH = 150


def _gender_told(text: str, mentions: Iterable[PersonMention], person: str) -> str | None:
    """The gender the whole account gives ``person``: the first third-person pronoun after each of
    their names, before anyone else is named ("Tavi rang; he wanted ..."), nearly all of one gender
    and at least twice."""
    mentions = sorted(mentions, key=lambda m: m.start)
    votes: Counter[str] = Counter()
    for i, m in enumerate(mentions):
        if m.person_id != person:
            continue
        later = [n.start for n in mentions[i + 1 :] if n.person_id != person]
        stop = min([m.end + _TOLD_REACH, len(text), *later[:1]])
        found = _THIRD_PERSON.search(text, m.end, stop)
        if found:
            votes["F" if found.group(1) else "M"] += 1
    for g, other in (("F", "M"), ("M", "F")):
        if votes[g] >= 2 and votes[g] >= 3 * votes[other]:
            return g
    return None


def _pronoun_majority(text: str) -> str | None:
    """The gender of a part's third-person pronouns when they are nearly all of one gender."""
    female = len(re.findall(r"\b(?:she|her|hers|herself)\b", text, re.IGNORECASE))
    male = len(re.findall(r"\b(?:he|him|his|himself)\b", text, re.IGNORECASE))
    if female >= 2 and female >= 3 * male:
        return "F"
    if male >= 2 and male >= 3 * female:
        return "M"
    return None


_TITLED_INITIAL = re.compile(r"(Dr|Mr|Mrs|Ms|Mx|Miss|Prof)\.?[ \t]+([A-Z])\.?")


def _titled_initial(people: People, doc: Document, written: str) -> str | None:
    """The person a title and one initial stand for ("Dr X"): the one person of the document named with the
    same title and a surname that begins with that letter ("Dr Xylander"), else None."""
    m = _TITLED_INITIAL.fullmatch(written.strip())
    if not m:
        return None
    title, letter = m.groups()
    full = re.compile(rf"{title}\.?[ \t]+{letter}[a-z][\w'’-]+")
    found = {x.person_id for x in people.mentions_in(doc.id) if full.fullmatch(doc.text[x.start : x.end].strip())}
    return found.pop() if len(found) == 1 else None


def _same_name(people: People, docs: dict[str, Document], doc_id: str, written: str) -> str | None:
    """The person a name found by the corpus search or the sweep (not detected here) stands for: the one
    named the same way in this document ("Mina" inside "Wilhelmina" too), else anywhere in the corpus
    when only one person is named so."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", re.sub(r"['’]s?$", "", written))}

    def fits(mention: str, loose: bool) -> bool:
        theirs = {w.lower() for w in re.findall(r"[^\W\d_]+", re.sub(r"['’]s?$", "", mention))}
        if theirs == words or (loose and theirs & words):
            return True
        return loose and any(
            len(a) >= 3 and len(b) > len(a) and (b.startswith(a) or b.endswith(a))
            for x in theirs
            for y in words
            for a, b in ((x, y), (y, x))
        )

    for scope, loose in (([doc_id], True), (list(docs), False)):
        found = {
            m.person_id for d in scope for m in people.mentions_in(d) if fits(docs[d].text[m.start : m.end], loose)
        }
        if len(found) == 1:
            return found.pop()
    return None


def _subject_by_short_form(
    people: People,
    docs: dict[str, Document],
    doc: Document,
    pid: str | None,
    subject: str | None,
    nicknames: dict[str, set[str]],
) -> str | None:
    """The part's subject, where ``pid`` is a person of the corpus only ever written as one short word that
    shortens the subject's first name as this document writes it ("Wynn" beside "Wynnifred Aldous"), and
    that shortens no other first name of the document: one person, whom the corpus held as two."""
    if pid is None or subject is None or pid == subject:
        return None
    forms = {
        re.sub(r"['’]s?$", "", docs[d].text[m.start : m.end]).lower()
        for d in people.documents_of(pid)
        if d in docs
        for m in people.mentions_in(d)
        if m.person_id == pid
    }
    if len(forms) != 1 or " " in next(iter(forms)) or len(next(iter(forms))) < 3:
        return None
    short = next(iter(forms))
    firsts: dict[str, set[str]] = {}
    for m in people.mentions_in(doc.id):
        first = re.findall(r"[^\W\d_][\w'’-]*", doc.text[m.start : m.end])
        if first and m.person_id != pid:
            firsts.setdefault(m.person_id, set()).add(re.sub(r"['’]s?$", "", first[0]).lower())

    def shortens(name: str) -> bool:
        return name != short and (name.startswith(short) or name in nicknames.get(short, ()) or _pet_form(short, name))

    who = {p for p, names in firsts.items() if any(shortens(n) for n in names)}
    return subject if who == {subject} else None


#: endings of a pet form made from the first syllable of a name ("Tamsy" of "Tamsinel", "Dunno" of "Dunmore")
_PET_ENDINGS = ("y", "ie", "ey", "i", "o")


def _pet_form(short: str, name: str) -> bool:
    """``short`` is the first three letters or more of ``name`` with a pet ending, and no longer than it."""
    for ending in _PET_ENDINGS:
        stem = short[: -len(ending)]
        if short.endswith(ending) and len(stem) >= 3 and name.startswith(stem) and len(short) < len(name):
            return True
    return False


def role_word_gender(role_word: str | None, role_words: RoleWords) -> str | None:
    """The gender a person's role word says ("his wife Tamsin": a woman, whoever she is to the character)."""
    return role_words.gender_of(role_word.lower()) if role_word else None


def _person_before(people: People, doc_id: str, pos: int) -> tuple[int, int]:
    """Offsets of the last person mention before ``pos`` in its sentence ((0, 0) when none)."""
    before = [m for m in people.mentions_in(doc_id) if m.end <= pos and pos - m.end <= 40]
    return (before[-1].start, before[-1].end) if before else (0, 0)


def _non_overlapping(changes: list[Change]) -> list[Change]:
    """The changes that apply: an identifier's replacement wins over a verb or pronoun inside it
    (the log's notes, at -1, are kept)."""
    return [c for c in changes if c.start < 0] + non_overlapping(c for c in changes if c.start >= 0)


def _sentence_case_after(text: str, positions: list[int]) -> str:
    """Where a form label opened a sentence ("Not helpful: the GP rang"), the sentence left behind starts
    with a capital."""
    chars = list(text)
    for pos in positions:
        at = pos + len(text[pos:]) - len(text[pos:].lstrip())
        if at < len(text) and text[at].islower() and _SENTENCE_END.search(text[:pos]):
            chars[at] = text[at].upper()
    return "".join(chars)


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" +([,.;:!?])", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s*\n\s*", " ", text).strip()
    return text[:1].upper() + text[1:]


def _dangling(text: str, cut: Cut, sdoc) -> list[str]:
    """ "that same canal", "the decision": a thing the draft names as already known, whose noun occurs
    only in the part of the account left out before the fragment."""
    before = text[: cut.start].lower()
    found: list[str] = []
    for chunk in sdoc.noun_chunks:
        det = chunk[0].lower_
        noun = chunk.root
        if det not in ("the", "that", "this", "those", "these") or noun.pos_ != "NOUN" or len(noun) < 4:
            continue
        earlier = sdoc.text[: chunk.start_char].lower()
        word = noun.lower_
        known_before = re.search(rf"\b{re.escape(word)}\b", before)
        if known_before and not re.search(rf"\b{re.escape(word)}\b", earlier) and chunk.text not in found:
            found.append(chunk.text)
    return found[:4]


def _surname_of_others(surnames: dict[str, str | None], written: str, first_names: Iterable[str]) -> str | None:
    """The word of a one-word mention, when it is the surname of other people of the corpus and no first
    name ("Minister Quellbrook" of two Quellbrooks detection kept apart): a surname, not a first name."""
    word = re.sub(r"['’]s?$", "", written.strip()).lower()
    if " " in word or word in first_names:
        return None
    return word if word in set(surnames.values()) else None


def _same_family(relative: str | None, subject: str | None) -> bool:
    """A relative keeps the character's invented surname unless their real surnames differ."""
    return relative is None or subject is None or relative == subject


def _drop_bracketed_aliases(text: str, changes: list[Change]) -> None:
    """ "Kieran Abbott (Kiz)": the name in brackets after a name of the same person goes."""
    people = sorted((c for c in changes if c.reason == "person"), key=lambda c: c.start)
    for a, b in itertools.pairwise(people):
        between, after = text[a.end : b.start], text[b.end : b.end + 2]
        if a.person and a.person == b.person and re.fullmatch(r"\s*\(\s*", between) and after.lstrip()[:1] == ")":
            close = text.index(")", b.end) + 1
            b.start, b.end = a.end, close
            b.original, b.replacement = text[a.end : close], ""


def _provenance(
    draft: Draft,
    people: People,
    sources: int,
    words: int,
    pronouns: str,
    seed: int | None,
    locale_scores: dict[str, int],
    fixes: int,
) -> dict[str, Any]:
    total = sum(p.cut.words for p in draft.paragraphs) or 1
    by_subject: Counter[str] = Counter()
    by_doc: Counter[str] = Counter()
    for p in draft.paragraphs:
        n = p.cut.words  # the words taken from the account
        by_subject[p.cut.fragment.subject or ""] += n
        by_doc[p.cut.fragment.doc_id] += n
    return {
        "about": "PRIVATE: original values and their replacements; keep with the key, never with the paper",
        "themes": draft.themes,
        "sources_required": sources,
        "target_words": words,
        "pronouns": pronouns,
        "seed": seed,
        "locale": draft.locale,
        "locale_scores": locale_scores,
        "statement": draft.statement,
        "max_share_allowed": MAX_SHARE,
        "character": {"persons": sorted(draft.character.persons)},
        "fragments": [
            {
                "paragraph": i,
                "document": p.cut.fragment.doc_id,
                "subject": p.cut.fragment.subject,
                "narrator": p.cut.fragment.narrator,
                "start": p.cut.start,
                "end": p.cut.end,
                "section": p.cut.fragment.section,
                "codes": p.cut.fragment.codes,
                "words": p.cut.words,
                "draft_words": words_in(p.text),
                "relevance": round(p.cut.fragment.relevance, 3),
                "changes": [c.to_dict() for c in p.changes],
            }
            for i, p in enumerate(draft.paragraphs, 1)
        ],
        "share_of_words_by_subject": {k: round(v / total, 3) for k, v in sorted(by_subject.items())},
        "share_of_words_by_document": {k: round(v / total, 3) for k, v in sorted(by_doc.items())},
        "identifiers_found_again": fixes,
        "people": {
            pid: {"role": people.person(pid).role, "documents": list(people.person(pid).documents)}
            for pid in sorted({p.cut.fragment.subject for p in draft.paragraphs if p.cut.fragment.subject})
        },
    }
