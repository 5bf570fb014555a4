"""Re-identification checks of texts about to be published, against the original corpus.

Findings name sources by document id and by pseudonymous person id ("P3"), and quote only the
checked text itself, never the corpus.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from qualdeid.corpus.model import Document, InputError, Span
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.risk import quasi
from qualdeid.risk.analysis import Analysed, Token, analyse
from qualdeid.risk.biography import LifeFrames
from qualdeid.risk.config import RiskConfig
from qualdeid.risk.corpus import NAME_LABELS, CorpusProfile, age_spans, distinctive, inside, tokens_in
from qualdeid.risk.identifiers import KEY_SOURCE, plural_abbreviation, sentence_initial
from qualdeid.risk.lexicon import Definitions, Related
from qualdeid.risk.linkage import Linker
from qualdeid.risk.regions import blank, unchecked_in
from qualdeid.risk.residual import within as _within
from qualdeid.risk.sentences import SentenceIndex
from qualdeid.risk.similarity import AccountIndex
from qualdeid.risk.suggest import Suggester, load_generalisations
from qualdeid.risk.verbatim import find_runs, per_source, traceable_runs
from qualdeid.risk.wordplace import word_places
from qualdeid.rules import Rules

__all__ = ["EXIT_FAIL", "EXIT_PASS", "EXIT_WARN", "Finding", "RiskChecker", "RiskReport", "load_generalisations"]

EXIT_PASS, EXIT_WARN, EXIT_FAIL = 0, 3, 4
RARE_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
#: why a very large place of the corpus only warns (rules/lexicons/large_places.txt)
LARGE_PLACE = "a very large place, a city of half a million or a capital: alone it points at nobody"
#: the order of checks in a report, and the words a reader sees for them
CHECKS = {
    "input_error": "input error",
    "residual_identifier": "residual identifier",
    "possible_identifier": "possible identifier",
    "subject_linkage": "linked to one person",
    "rare_detail": "rare detail",
    "combination": "combination",
    "verbatim": "verbatim",
    "joint_combination": "combination across texts",
    "joint_verbatim": "verbatim across texts",
}

# Kept for the callers that used the private names.
_distinctive, _tokens_in = distinctive, tokens_in


@dataclass
class Finding:
    check: str  # one of CHECKS
    severity: str  # fail | warn
    text_id: str
    message: str
    suggestion: str
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    matched: str = ""  # the checked text's own words at start:end
    sources: list[str] = field(default_factory=list)  # document ids
    k: int | None = None
    ranges: list[tuple[int, int]] = field(default_factory=list)  # further places in the text
    people: list[str] = field(default_factory=list)  # pseudonymous ids of the people it points at
    kind: str = ""  # what it is: a label (PERSON), a kind of detail (occupation), quasi-identifier kinds

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["ranges"] = [list(r) for r in self.ranges]
        return d


@dataclass
class CheckedText:
    id: str
    text: str
    unchecked: list[tuple[int, int]] = field(default_factory=list)  # headings, notes, front matter


@dataclass
class RiskReport:
    texts: list[CheckedText]
    findings: list[Finding]
    corpus_documents: int
    sources_k: int
    people: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> role, documents

    @property
    def status(self) -> str:
        if any(f.severity == "fail" for f in self.findings):
            return "fail"
        return "warn" if self.findings else "pass"

    @property
    def exit_code(self) -> int:
        return {"pass": EXIT_PASS, "warn": EXIT_WARN, "fail": EXIT_FAIL}[self.status]

    def counts_by_check(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.check] = counts.get(f.check, 0) + 1
        return counts

    def counts_by_person(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            for p in f.people:
                counts[p] = counts.get(p, 0) + 1
        return dict(sorted(counts.items(), key=lambda x: (-x[1], x[0])))

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "sources_k": self.sources_k,
            "corpus_documents": self.corpus_documents,
            "texts": [{"id": t.id, "words": len(t.text.split())} for t in self.texts],
            "summary": {"by_check": self.counts_by_check(), "by_person": self.counts_by_person()},
            "people": {p: self.people[p] for p in self.counts_by_person() if p in self.people},
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class _Candidate:
    start: int
    end: int
    sources: set[str]
    people: set[str]
    reason: str
    k: int
    subtype: str | None = None


class RiskChecker:
    def __init__(
        self,
        config: RiskConfig,
        detector,
        corpus: Iterable[Document | InputError],
        *,
        key_identifiers: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.config = config
        self.detector = detector
        self.corpus_errors: list[InputError] = []
        docs: list[Document] = []
        for item in detector.detect(corpus):
            if isinstance(item, InputError):
                self.corpus_errors.append(item)
            else:
                docs.append(item)
        self.profile = CorpusProfile(config, detector.nlp, docs, key_identifiers)
        self._slot_cache: dict[str, list[tuple[str, int]]] = {}
        self.suggest = Suggester(config.suggestions, config.rules_dirs)
        self.frames = LifeFrames.load(config.rules_dirs)
        #: verbs after a word-name that make it a person ("Hope said"), shared with name detection
        self.context = Rules(list(config.rules_dirs)).lists("names/context.yaml")
        self.speech_verbs = self.context["strong_right"]
        related = Related.load(
            config.rules_dirs,
            compound_zipf=config.similarity_compound_zipf,
            part_zipf=config.similarity_compound_part_zipf,
        )
        index = AccountIndex(
            self.profile,
            max_zipf=config.phrase_max_zipf,
            base_zipf=config.linkage_base_zipf,
            max_weight=config.linkage_max_weight,
            quantile=config.similarity_quantile,
            strong_quantile=config.similarity_strong_quantile,
            margin=config.similarity_margin,
            related=related,
            related_weight=config.similarity_related_weight,
            definitions=Definitions.load(config.rules_dirs) if config.similarity_definition_words else None,
            min_defining=config.similarity_definition_words,
        )
        self.linker = Linker(
            self.profile,
            config.sources,
            config.phrase_max_zipf,
            config.linkage_base_zipf,
            config.linkage_max_weight,
            index,
            self.suggest,
            config.linkage_detail_zipf,
            config.similarity_story_words,
            self.frames,
            config.similarity_life_ratio,
            config.similarity_sentence_weight,
            SentenceIndex(
                self.profile,
                index.doc_people,
                max_zipf=config.phrase_max_zipf,
                related=related,
                related_weight=config.similarity_related_weight,
                quantile=config.sentences_quantile,
                near_best=config.sentences_near_best,
                min_words=config.sentences_min_words,
                frames=self.frames,
            ),
            story_min_words=config.similarity_story_min_words,
            converge_signs=config.linkage_converge_signs,
            converge_weight=config.linkage_converge_weight,
            joint_zipf=config.linkage_joint_zipf,
            story_sentences=config.similarity_story_sentences,
            story_combination=config.similarity_story_combination,
            life_things_ratio=config.similarity_life_things_ratio,
        )

    @property
    def k(self) -> int:
        return self.config.sources

    def check(self, texts: Iterable[Document | InputError]) -> RiskReport:
        findings: list[Finding] = []
        for err in self.corpus_errors:
            findings.append(self._input_error(err, "corpus input could not be read; the check is incomplete"))
        docs: list[Document] = []
        for item in texts:
            if isinstance(item, InputError):
                findings.append(self._input_error(item, "text could not be read, so it was not checked"))
            else:
                docs.append(item)
        if not self.profile.ids:
            findings.append(
                Finding("input_error", "fail", "(corpus)", "no corpus document could be read", "check --corpus paths")
            )
        checked = [CheckedText(d.id, d.text, unchecked_in(d, self.config.note_sections)) for d in docs]
        blanked = [Document(c.id, blank(c.text, c.unchecked)) for c in checked]
        detected = [
            d for d in self.detector.detect([Document(d.id, d.text) for d in blanked]) if isinstance(d, Document)
        ]
        analysed = analyse(self.detector.nlp, [(d.id, d.text) for d in blanked], self.profile.synonyms)
        per_text_qis: list[dict[str, tuple[int, int]]] = []
        verbatim_words: dict[str, int] = {}
        total_words = 0
        for c, doc, a in zip(checked, detected, analysed, strict=True):
            mine: list[Finding] = []
            identifiers = self._identifiers(a, doc.spans)
            mine += identifiers
            never = self.profile.never.spans(doc.text)
            names = [(f.start or 0, f.end or 0) for f in identifiers]
            generic = self.frames.generic(a)  # about no one in particular: not a person's detail
            mine += self._rare(a, doc.spans, names + never, generic)
            qis = quasi.extract(a, self.profile.qi_lexicon, age_spans(doc.spans), generic)
            per_text_qis.append(qis)
            mine += self._combinations(a, qis)
            vf, counts = self._verbatim(a)
            mine += vf
            for sid, n in counts.items():
                verbatim_words[sid] = verbatim_words.get(sid, 0) + n
            total_words += len(a.words)
            # listed terms are evidence too ("whānau", "Matariki")
            mine += self._linkage(a, mine, names + generic)
            for f in mine:  # the checked copy has the unchecked parts blanked; quote the text as written
                if f.start is not None and f.end is not None:
                    f.matched = c.text[f.start : f.end]
            findings += _merge_duplicates(mine)
        if len(analysed) > 1:
            findings += self._joint(analysed, per_text_qis, verbatim_words, total_words, findings)
        order = {"fail": 0, "warn": 1}
        rank = {c: i for i, c in enumerate(CHECKS)}
        findings.sort(
            key=lambda f: (order[f.severity], f.text_id, f.start if f.start is not None else -1, rank.get(f.check, 99))
        )
        people = {p: {"role": s.role, "documents": list(s.documents)} for p, s in self.profile.sources.items()}
        return RiskReport(checked, findings, len(self.profile.ids), self.k, people)

    # ------------------------------------------------------------------ helpers

    def _severity(self, check: str) -> str:
        return "fail" if check in self.config.fail_on else "warn"

    def _input_error(self, err: InputError, what: str) -> Finding:
        severity = self._severity("input_error")
        return Finding("input_error", severity, err.source, f"{what}: {err.message}", "fix or remove the file")

    def _finding(self, check: str, a: Analysed, start: int, end: int, message: str, suggestion: str, **kw) -> Finding:
        line, col = a.line_col(start)
        severity = kw.pop("severity", None) or self._severity(check)
        return Finding(check, severity, a.id, message, suggestion, start, end, line, col, a.text[start:end], **kw)

    # ------------------------------------------------------------------ residual identifiers

    def _identifiers(self, a: Analysed, spans: list[Span]) -> list[Finding]:
        out = []
        # "a sense of hope", "the place of faith": a bare noun after "of" is the word, not the name; so is
        # one with a complement of its own ("faith in the plan", "hope for the future")
        complemented = {a.tokens[t.head].start for t in a.tokens if t.dep == "prep" and t.head >= 0}
        name_slots = {
            t.start
            for t in a.tokens
            if t.name_slot
            and not (t.dep == "pobj" and t.head >= 0 and a.tokens[t.head].lemma == "of")
            and t.start not in complemented
        }
        persons = _who_clauses(a)
        things = _thing_uses(a, self.frames.person_nouns | self.frames.kind_nouns, self.config.quality_verbs)
        # sentence openings that the parser reads as ordinary words, not as names
        word_starts = {t.start for t in a.tokens if t.pos not in ("PROPN", "X") and sentence_initial(a.text, t.start)}
        named_here = self._named_here(a) | persons
        determined = {t.head for t in a.tokens if t.dep in ("det", "poss")}
        # subjects without an article or possessive ("tibbo was", not "the tamarind was")
        subjects = {t.start for i, t in enumerate(a.tokens) if t.dep in ("nsubj", "nsubjpass") and i not in determined}
        never = self.profile.never
        never_spans = never.spans(a.text)
        mentions = self._mention_people()
        # in a text that opens its sentences with capitals, a name in lower case is a slip, not the writer's
        # way: a word that is also a name is then the word, unless the sentence makes it a person
        cased = _cased(a)
        person_uses = named_here | _person_uses(a, self.frames.person_nouns | self.frames.kind_nouns)
        spoken_of = _subjects_spoken_of(a, subjects)
        # with the key, a name-word opening a sentence fails only where the grammar reads it as a name
        person_verbs = self.config.speaker_verbs | self.config.person_verbs
        nouns = self.frames.person_nouns | self.frames.kind_nouns
        read_as_name = named_here | persons | spoken_of | _openings_read_as_names(a, person_verbs, nouns)
        # where a word names a thing ("a can of Zestrovo"), as compose and residual_identifiers read it
        places = word_places(tuple(self.config.rules_dirs))
        dated = places.dated_days(a.text)
        in_dictionary = self.profile.index.in_dictionary
        for hit in self.profile.index.find(a.text, word_uses=True):
            value = a.text[hit.start : hit.end]
            label = hit.label.lower().replace("_", " ")
            n = len(hit.sources)
            listed = value in never or _within(hit.start, hit.end, never_spans)
            # a value of the key that is also a word is an identifier where the text uses it as a name; one
            # that is no word of English ("robbo" in lower case) is a name wherever it is someone's subject
            confident = hit.confident or (
                hit.key_word
                and (
                    hit.start in named_here
                    or (hit.start in subjects and not self.profile.index.is_word(value, hit.label))
                )
            )
            people = sorted(mentions.get(value.lower().removesuffix("'s"), ())) if hit.label == "PERSON" else []
            if listed and not (hit.label == "PERSON" and hit.certain and not hit.lowercase):
                continue  # a holiday, a clinical or legal term, a kind of service, a te reo word
            if listed and KEY_SOURCE not in hit.sources and hit.start not in person_uses:
                continue  # "birthdays and Christmas on the ward": the term, whatever detection made of it there
            if KEY_SOURCE not in hit.sources and plural_abbreviation(value.removesuffix("'s").removesuffix("\u2019s")):
                continue  # "CVs", "MRIs": things of a kind that a recogniser took for a place, not a name
            if _inside_longer(hit.start, hit.end, never_spans):
                continue  # a word of a longer listed term ("Pendle Week"): the term, whoever bears the name
            if (
                hit.label == "PERSON"
                and not hit.confident
                and KEY_SOURCE not in hit.sources
                and value.lower() in self.profile.index.capital_words
                and hit.start not in named_here
            ):
                continue  # "whether June would be dry": a month or weekday name whose capital says nothing
            if (
                hit.label == "PERSON"
                and value.islower()
                and not (hit.confident or hit.key_word or hit.lower_only)
                and hit.start not in name_slots
            ):
                continue  # "ordered a paloma": a person's name in lower case, after an article, is the thing
            if (
                hit.confident
                and value.islower()
                and hit.start not in name_slots
                and self.profile.index.is_word(value, hit.label)
            ):
                continue  # "the heath was brown": a name the corpus writes in lower case, here the word
            if hit.lower_only and not confident and not hit.key_word:
                if hit.start not in named_here and not (
                    hit.start in subjects and not self.profile.index.is_word(value, hit.label)
                ):
                    continue  # "on amitrolin": a word the corpus's detection took for a name, here no name
                msg = f"possibly a {label} from the corpus (written there only in lower case; used here as a name)"
                out.append(
                    self._identifier_finding(
                        "possible_identifier", a, hit.start, hit.end, msg, list(hit.sources), hit.label, people
                    )
                )
                continue
            # the tagger reads almost any capitalised word opening a sentence as a proper noun: its tag says
            # nothing there ("Hope came up again and again"); the rest of the sentence does
            opening = (
                sentence_initial(a.text, hit.start)
                and not value.islower()
                and not (KEY_SOURCE in hit.sources and hit.start in read_as_name)
                and self.profile.index.is_common(value, hit.label)
            )
            if opening and hit.start not in persons:
                if (confident or hit.key_word) and KEY_SOURCE in hit.sources and not listed:
                    why = "a common word opening a sentence, read as the word"
                    msg = f"possibly a {label} of the key ({why}; check it)"
                elif hit.label == "PERSON" and hit.start in read_as_name and not listed:
                    # "Joy was proud of herself", "Hope said": the sentence speaks of its subject as of someone
                    why = "a common word opening a sentence about someone"
                    msg = f"possibly a {label} from the corpus ({why}; check it)"
                else:
                    continue  # "Hope and recovery came up", "Peer workers ...": the word, opening a sentence
                check = "possible_identifier"
            elif (
                confident
                and not listed
                and KEY_SOURCE not in hit.sources
                and self.profile.large_place(value, hit.label)
            ):
                msg = f"possibly a {label} from the corpus ({LARGE_PLACE}; check it)"
                check = "possible_identifier"
            elif (
                confident
                and not listed
                and KEY_SOURCE not in hit.sources
                and (thing := places.thing_here(a.text, hit.start, hit.end, hit.label, dated, in_dictionary))
            ):
                msg = f"possibly a {label} from the corpus (here {thing}; check it)"
                check = "possible_identifier"
            elif confident and not listed:
                msg = f"a {label} from the corpus ({n} source document(s))"
                check = "residual_identifier"
            elif hit.lowercase or (value.islower() and self.profile.index.is_word(value, hit.label)):
                if hit.start not in name_slots or hit.start in things or self.profile.used_as_word(value):
                    # "I hope", "the grace period", or a word the corpus itself writes as a word
                    continue
                if cased and hit.start not in person_uses:
                    continue  # "the sky turned coral": a text that writes names with a capital means the word
                msg = f"possibly a {label} from the corpus (a name that is also a word, in lower case; check it)"
                check = "possible_identifier"
            elif hit.certain and hit.start in word_starts and self.profile.index.is_common(value, hit.label):
                continue  # "Fair enough.": a common word opening a sentence, parsed as the word
            elif hit.certain:
                why = (
                    "listed as an ordinary term"
                    if listed
                    else "a value of the key, written here as a word or a date, not used as a name"
                    if hit.key_word
                    else "also a common word, written in another case, or there only inside a rare detail"
                )
                msg = f"possibly a {label} from the corpus ({why}; check it)"
                check = "possible_identifier"
            elif hit.label == "PERSON" and hit.start in persons:
                msg = f"a {label} from the corpus ({n} source document(s)), named here as a person ('..., who')"
                check = "residual_identifier"
            else:
                msg = f"possibly a {label} from the corpus (a common word at a sentence start; check it)"
                check = "possible_identifier"
            out.append(
                self._identifier_finding(check, a, hit.start, hit.end, msg, list(hit.sources), hit.label, people)
            )
        taken = [(f.start or 0, f.end or 0) for f in out]
        decisions = getattr(self.detector, "decisions", None)  # review decisions: "not an identifier"
        kept = decisions.kept_texts() if decisions is not None else set()
        for start, end, label in self._own_names(a, spans):
            if inside(start, end, taken) or a.text[start:end] in never or _within(start, end, never_spans):
                continue
            if label != "PERSON" and a.text[start:end] in self.profile.never_places:
                continue  # "driving trains in Moldova": a country or a people, as the corpus index has it
            opening = sentence_initial(a.text, start) and start not in read_as_name
            if opening and self.profile.index.is_common(a.text[start:end], label):
                continue  # "Patience mattered more than any form.": the word, opening a sentence
            if a.text[start:end].lower() in self.profile.index.capital_words and start not in named_here:
                continue  # "whether June would be dry": a month name, whatever detection made of it
            if a.text[start:end].lower() in kept:
                continue
            value = a.text[start:end]
            named, initial = self.profile.docs_naming(value)
            if not named and not initial:
                continue
            if named and self.profile.large_place(value, label):
                msg = f"possibly a {label.lower()} of the corpus ({LARGE_PLACE}; check it)"
                finding = self._identifier_finding("possible_identifier", a, start, end, msg, sorted(named), label)
            elif named and (thing := places.thing_here(a.text, start, end, label, dated, in_dictionary)):
                msg = f"possibly a {label.lower()} of the corpus (here {thing}; check it)"
                finding = self._identifier_finding("possible_identifier", a, start, end, msg, sorted(named), label)
            elif named and not self.profile.index.is_common(value, label):
                # detected as a name here, written as a name there: an identifier
                msg = f"a {label.lower()} of the corpus (detected here, written as a name in {len(named)} document(s))"
                finding = self._identifier_finding("residual_identifier", a, start, end, msg, sorted(named), label)
            elif named and len(slots := self._person_slots(value)) >= PERSON_SLOTS:
                # a word-name the corpus's detection missed, but that the corpus writes with its capital where
                # only a person stands ("X's worker", "told X", "X laughed"): a person of the corpus, whatever
                # kind of name detection took it for here
                msg = (
                    f"a person of the corpus (detected here; written there as a person's name {len(slots)} times, "
                    f"in {len({d for d, _ in slots})} document(s))"
                )
                docs = sorted({d for d, _ in slots} | named)
                finding = self._identifier_finding("residual_identifier", a, start, end, msg, docs, "PERSON")
            else:
                # the corpus's own detection did not confirm it as a name there: a warning, to be checked
                where = "inside a sentence, as a name is written" if named else "only at a sentence start"
                msg = f"possibly a {label.lower()} from the corpus (written there {where}; check it)"
                sources = sorted(named or initial)
                finding = self._identifier_finding("possible_identifier", a, start, end, msg, sources, label)
            out.append(finding)
            taken.append((start, end))
        return sorted(out, key=lambda f: f.start or 0)

    def _named_here(self, a: Analysed) -> set[int]:
        """Where the text uses a word as a person's name: the subject of a verb only a person is the subject
        of ("Hope explained ..."), before a speaking verb ("Hope said"), after a verb that takes a person
        ("told Hope", "met Hope")."""
        tokens = a.tokens
        left = set(self.context["left_context"]) - set(self.context["weak_left"])
        out = set()
        for i, t in enumerate(tokens):
            head = tokens[t.head] if 0 <= t.head < len(tokens) else None
            # "Hope explained", "Hope was told": not "Hope was described as ...", a topic talked about
            speaker = head is not None and (
                (t.dep == "nsubj" and head.lemma in self.config.speaker_verbs)
                or (t.dep == "nsubjpass" and head.lemma in self.config.addressed_verbs)
            )
            speaks = i + 1 < len(tokens) and tokens[i + 1].text.lower() in self.speech_verbs
            if speaker or speaks or (i > 0 and tokens[i - 1].text.lower() in left):
                out.add(t.start)
        return out

    def _mention_people(self) -> dict[str, set[str]]:
        """A person's name as written (lower case) -> the people of the corpus it names."""
        if not hasattr(self, "_mentions_cache"):
            cache: dict[str, set[str]] = {}
            p = self.profile
            for doc_id, text in p.texts.items():
                for m in p.people.mentions_in(doc_id):
                    for form in p.index.variants(text[m.start : m.end], "PERSON"):
                        cache.setdefault(form.lower(), set()).add(m.person_id)
            self._mentions_cache = cache
        return self._mentions_cache

    def _own_names(self, a: Analysed, spans: list[Span]) -> list[tuple[int, int, str]]:
        """Names the checked text itself holds (detected people, places and organisations, whole and
        by their name parts, titles and possessives dropped), for a corpus where detection missed them."""
        out: list[tuple[int, int, str]] = []
        index = self.profile.index
        for s in spans:
            if s.label not in NAME_LABELS:
                continue
            value = a.text[s.start : s.end]
            parts = sorted(index.variants(value, s.label), key=len, reverse=True)
            for part in parts:
                at = value.replace("\u2019", "'").find(part)
                if at >= 0 and part[:1].isupper():
                    out.append((s.start + at, s.start + at + len(part), s.label))
        return out

    def _person_slots(self, value: str) -> list[tuple[str, int]]:
        """Where the corpus writes ``value``, with its capital and inside a sentence, in a place only a
        person stands (document, offset): the owner of a person ("X's worker", "X's mum"), the subject of a
        person's verb ("X laughed", "X said"), the one a person's verb is done to ("told X", "visited X"),
        or joined to a person ("Ana and X"). A capitalised word of the text that detection took for a name
        and that the corpus uses so is a person of the corpus, however common a word it also is."""
        if value not in self._slot_cache:
            out: list[tuple[str, int]] = []
            nouns = self.frames.person_nouns | self.frames.kind_nouns | self.frames.service_nouns
            verbs = self.config.speaker_verbs | self.config.person_verbs
            taking = self.config.addressed_verbs | _PERSON_OBJECT_VERBS
            for doc_id, an in self.profile.analysed.items():
                tokens = an.tokens
                for t in tokens:
                    if t.text != value or sentence_initial(an.text, t.start) or t.head < 0:
                        continue
                    head = tokens[t.head]
                    joined = [c for c in tokens if c.dep == "conj" and c.head >= 0 and tokens[c.head] is t]
                    if t.dep == "conj":
                        joined.append(head)
                    if (
                        (t.dep == "poss" and head.lemma in nouns)
                        or (t.dep == "nsubj" and head.lemma in verbs)
                        or (t.dep in ("dobj", "dative") and head.lemma in taking)
                        or any(o.pos == "PROPN" and o.text[:1].isupper() and o.text != value for o in joined)
                    ):
                        out.append((doc_id, t.start))
            self._slot_cache[value] = out
        return self._slot_cache[value]

    def _identifier_finding(
        self,
        check: str,
        a: Analysed,
        start: int,
        end: int,
        message: str,
        sources: list[str],
        label: str,
        people: list[str] | None = None,
    ) -> Finding:
        suggestion = self.suggest.identifier(label)
        people = people if people is not None else []
        return self._finding(check, a, start, end, message, suggestion, sources=sources, kind=label, people=people)

    # ------------------------------------------------------------------ rare details

    def _rare(
        self, a: Analysed, spans: list[Span], skip: list[tuple[int, int]], generic: list[tuple[int, int]] = ()
    ) -> list[Finding]:
        """Rare details: words rare in general English, or words of details flagged in the corpus,
        that the accounts of fewer than k people use. Identifiers and listed terms are not details,
        nor is what a sentence about no one in particular (``generic``) says."""
        p, c = self.profile, self.config
        taken = [(h.start, h.end) for h in p.index.find(a.text)] + skip
        cands: list[_Candidate] = []
        content = [t for t in a.tokens if t.content and not inside(t.start, t.end, taken)]
        for t in content:
            if t.pos not in RARE_POS or len(t.text) < c.min_word_length:
                continue
            if t.lemma in self.frames.service_nouns:
                continue  # "a befriender", however seldom English writes it: the people of a service
            found = p.trace(t)
            if not 0 < found.k < self.k:
                continue
            people, docs = set(found.people), set(found.docs)
            end = t.norm_end if t.norm_end > t.end else t.end  # a phrase of several words: "glass eye"
            if _rarity(a.text[t.start : end], t) < c.word_zipf:
                cands.append(_Candidate(t.start, end, docs, people, "a rare word", found.k))
            elif self.suggest.listed(t) and t.pos in ("NOUN", "PROPN"):  # "a judge", not "judged"
                cands.append(_Candidate(t.start, end, docs, people, "a word of the rare-detail lexicons", found.k))
            elif t.lemma in self.frames.service_nouns:
                continue  # "the workers at a pit": the people of a service are not the detail
            elif t.lemma in p.rare_words or t.text.lower() in p.rare_words or t.norm in p.rare_words:
                reason = "a word of a rare detail flagged in the corpus"
                cands.append(_Candidate(t.start, t.end, docs, people, reason, found.k))
        if c.described_words and self.linker.index is not None:
            # a rare word said by its definition ("boiled citrus rind into a preserve" for their
            # "marmalade"): as rare a detail as the word itself
            for cls, t in self.linker.index.described(a, taken, c.described_words).items():
                found = self.linker.index.trace(cls)
                if zipf(cls) < c.word_zipf and 0 < found.k < self.k:
                    reason = f"a rare word described by its definition ('{cls}')"
                    cands.append(_Candidate(t.start, t.end, set(found.docs), set(found.people), reason, found.k))
        for first, last, kind in self.suggest.phrases(a.tokens):
            words = {t.lemma for t in a.tokens[first:last]}
            docs = p.docs_with_lemmas(words)
            found = p.trace_words(docs, words)
            start, end = a.tokens[first].start, a.tokens[last - 1].end
            if 0 < found.k < self.k and not inside(start, end, taken):
                reason = "a detail of the rare-detail lexicons"
                cands.append(_Candidate(start, end, docs, set(found.people), reason, found.k, kind))
        for s0, s1 in a.sentences:
            sent = [t for t in a.tokens if s0 <= t.start < s1]
            lemmas = {t.lemma for t in sent}
            for _doc_id, rare in p.rare_spans:
                if rare <= lemmas:
                    docs = p.docs_with_lemmas(rare)
                    found = p.trace_words(docs, rare)
                    if 0 < found.k < self.k:
                        hit = [t for t in sent if t.lemma in rare]
                        reason = "a rare detail flagged in the corpus"
                        cands.append(_Candidate(hit[0].start, hit[-1].end, docs, set(found.people), reason, found.k))
        for s in spans:
            if s.label == "RARE_DETAIL":
                rare = distinctive(tokens_in(a, s.start, s.end), c.distinctive_zipf)
                docs = p.docs_with_lemmas(rare) if rare else set()
                found = p.trace_words(docs, rare)
                if 0 < found.k < self.k:
                    reason = "a detected rare detail"
                    cands.append(_Candidate(s.start, s.end, docs, set(found.people), reason, found.k, s.subtype))
        out = []
        for cand in _merge([c for c in cands if not _within(c.start, c.end, generic)]):
            n = cand.k
            matched = a.text[cand.start : cand.end]
            kind, suggestion = self.suggest.detail(matched, tokens_in(a, cand.start, cand.end), cand.subtype)
            who = "one person" if n == 1 else f"{n} people"
            out.append(
                self._finding(
                    "rare_detail",
                    a,
                    cand.start,
                    cand.end,
                    f"{cand.reason}, found only in the accounts of {who} (fewer than {self.k}): it can link the "
                    "text to them",
                    suggestion,
                    sources=sorted(cand.sources),
                    k=n,
                    people=sorted(cand.people),
                    kind=kind,
                )
            )
        return out

    # ------------------------------------------------------------------ combinations

    def _smallest_k(self, qis: Iterable[str], must_span: dict[str, int] | None = None) -> tuple[int, tuple[str, ...]]:
        """Smallest positive number of people sharing a combination (k) and that combination. Only
        combinations that do the narrowing count: each of their quasi-identifiers alone fits at least
        k people (one that fits fewer is a detail of its own, weighed by the linkage check), and one
        of them is not of a weak kind (gender, age band...): two such, or one and two weak ones."""
        p, c = self.profile, self.config
        masks = {q: {pid for pid, have in p.person_qis.items() if q in have} for q in qis}
        usable = [q for q in masks if len(masks[q]) >= self.k]
        terms = sorted(usable, key=lambda q: (len(masks[q]), q))[: c.combo_max_terms]
        best: tuple[int, tuple[str, ...]] = (0, ())
        for size in range(c.combo_min_size, min(c.combo_max_size, len(terms)) + 1):
            for combo in itertools.combinations(terms, size):
                if len({quasi.category(q) for q in combo}) < 2:
                    continue
                strong = sum(not p.qi_lexicon.is_weak(q) for q in combo)
                if strong == 0 or (strong == 1 and len(combo) - strong < 2):
                    continue  # a gender and a role narrow a small corpus by chance; it takes more
                if must_span is not None and len({must_span[q] for q in combo}) < 2:
                    continue
                k = len(set.intersection(*(masks[q] for q in combo)))
                if k and (not best[0] or k < best[0]):
                    best = (k, combo)
        return best

    def _sharing(self, combo: tuple[str, ...]) -> tuple[list[str], list[str]]:
        """(people, documents) that the combination fits."""
        p = self.profile
        people = sorted(pid for pid, have in p.person_qis.items() if set(combo) <= have)
        docs = sorted({d for pid in people for q in combo for d in p.qi_docs.get((pid, q), ())})
        return people, docs

    def _combinations(self, a: Analysed, qis: dict[str, tuple[int, int]]) -> list[Finding]:
        k, combo = self._smallest_k(qis)
        if not k or k >= self.k:
            return []
        people, sources = self._sharing(combo)
        ranges = sorted(qis[q] for q in combo)
        who = "one person" if k == 1 else f"{k} people"
        f = self._finding(
            "combination",
            a,
            ranges[0][0],
            ranges[0][1],
            f"together, {', '.join(combo)} fit only {who} of the corpus (k={k})",
            self.suggest.combination(combo),
            sources=sources,
            k=k,
            ranges=ranges[1:],
            people=people,
            kind=", ".join(sorted({quasi.category(q) for q in combo})),
        )
        return [f]

    # ------------------------------------------------------------------ verbatim

    def _verbatim(self, a: Analysed) -> tuple[list[Finding], dict[str, int]]:
        c = self.config
        words = [w for _, _, w in a.words]
        runs = traceable_runs(find_runs(words, self.profile.words, c.min_run), self.k)
        out, counts = [], {}
        for sv in per_source(runs, len(words)):
            counts[sv.source] = sv.words_verbatim
            assert sv.longest is not None
            if sv.longest.length < c.run_warn and sv.share < c.share_warn:
                continue
            start = a.words[sv.longest.start][0]
            end = a.words[sv.longest.start + sv.longest.length - 1][1]
            narrator = self.profile.people.narrator_of(sv.source)
            out.append(
                self._finding(
                    "verbatim",
                    a,
                    start,
                    end,
                    f"{sv.longest.length} words in a row, and {sv.share:.0%} of the text, verbatim from one "
                    "source document: its writer and the people it is about may recognise it",
                    "paraphrase or shorten the passage; quote fewer words in a row from one account",
                    sources=[sv.source],
                    people=[narrator] if narrator else [],
                )
            )
        return out, counts

    # ------------------------------------------------------------------ linked by person

    def _linkage(self, a: Analysed, findings: list[Finding], skip: list[tuple[int, int]]) -> list[Finding]:
        """``subject_linkage``: the evidence of a text concentrates on one person's accounts."""
        c = self.config
        pointing = [f.people if f.check != "residual_identifier" else [] for f in findings]
        evidence = self.linker.evidence(a, skip, pointing)
        out = []
        linked = self.linker.linked(
            evidence,
            c.linkage_min_words,
            c.linkage_min_weight,
            c.linkage_min_findings,
            c.linkage_min_sentence_weight,
            c.similarity_min_words,
        )
        for ev in linked:
            src = self.profile.sources[ev.person]
            parts = []
            if ev.findings:
                parts.append(f"{len(ev.findings)} finding(s) point to them")
            if len(ev.words) >= c.linkage_min_words:
                parts.append(
                    f"{len(ev.words)} of the text's {ev.informative} words known to the corpus are found in their "
                    f"accounts and almost no one else's (chance would give about {ev.expected:.1f})"
                )
            signs = self.linker.converging(ev)
            converged = signs >= c.linkage_converge_signs > 0
            if converged:
                parts.append(f"{signs} weak signs agree on them (each alone too weak to link)")
            similar_words = self.linker.specific_words(ev)
            close = len(ev.sentence_words) >= 2 and (
                ev.sentence_weight >= c.linkage_min_sentence_weight or self.linker.retold(ev, similar_words)
            )
            if close:
                shared = ", ".join(f"'{t.text}'" for t in ev.sentence_words)
                parts.append(f"one sentence shares {shared} with one sentence of theirs")
            match = ev.sentence_match
            if match is not None:
                shared = ", ".join(f"'{t.text}'" for t in match.tokens)
                theirs = "one sentence of theirs that tells their past" if match.life else "one sentence of theirs"
                told = "" if match.life else " about one person's life"
                parts.append(
                    f"one sentence{told} says, in its own words ({shared}), what {theirs} says (document "
                    f"{match.document}; score {match.score:.1f}, chance level {match.threshold:.1f})"
                )
            similar: list[Token] = []
            if self.linker.similar(ev, c.similarity_min_words) and ev.similarity is not None:
                m = ev.similarity
                similar = self.linker.specific_words(ev)
                shared = ", ".join(f"'{t.text}'" for t in similar[:8])
                parts.append(
                    f"its words ({shared}) match their accounts more closely than text drawn from other people's "
                    f"accounts of this corpus does (score {m.z:.1f}; calibrated threshold {m.threshold:.1f})"
                )
            combined = ev.combination if self.linker.combined(ev) else []
            if combined:
                held = ", ".join(f"'{t.text}'" for t in combined[:8])
                parts.append(
                    f"the story's words ({held}) are each in several people's accounts, but all together only in "
                    f"the accounts of fewer than {self.k} people, theirs among them"
                )
            retold = match.tokens if match is not None else []
            weak = [*ev.sentence_words, *self.linker.specific_words(ev)] if converged else []
            marked = {*ev.words, *(ev.sentence_words if close else []), *similar, *retold, *weak, *combined}
            where = [(t.start, t.norm_end or t.end) for t in marked] + [
                (findings[i].start or 0, findings[i].end or 0) for i in ev.findings if findings[i].start is not None
            ]
            where = sorted(set(where))
            if not where:
                continue
            docs = ", ".join(src.documents)
            out.append(
                self._finding(
                    "subject_linkage",
                    a,
                    where[0][0],
                    where[0][1],
                    f"points to one {src.described} (documents {docs}): {'; '.join(parts)}. Together these may "
                    "identify them",
                    "change or leave out some of the marked details from this person's accounts, or draw them "
                    "from other accounts, until no one person's story can be recognised",
                    sources=list(src.documents),
                    ranges=where[1:],
                    people=[ev.person],
                    kind=src.role,
                )
            )
        return out

    # ------------------------------------------------------------------ joint check

    def _joint(
        self,
        analysed: list[Analysed],
        per_text: list[dict[str, tuple[int, int]]],
        verbatim_words: dict[str, int],
        total_words: int,
        already: list[Finding],
    ) -> list[Finding]:
        out: list[Finding] = []
        joint_id = " + ".join(a.id for a in analysed)
        owner: dict[str, int] = {}
        for i, qis in enumerate(per_text):
            for q in qis:
                owner.setdefault(q, i)
        k, combo = self._smallest_k(owner, must_span=owner)
        if k and k < self.k:
            people, sources = self._sharing(combo)
            who = "one person" if k == 1 else f"{k} people"
            out.append(
                Finding(
                    "joint_combination",
                    self._severity("joint_combination"),
                    joint_id,
                    f"across the texts, {', '.join(combo)} fit only {who} of the corpus (k={k})",
                    "details spread over several texts combine; " + self.suggest.combination(combo),
                    sources=sources,
                    k=k,
                    people=people,
                )
            )
        flagged = {s for f in already if f.check == "verbatim" for s in f.sources}
        for sid, n in sorted(verbatim_words.items()):
            share = n / total_words if total_words else 0.0
            if share >= self.config.share_warn and sid not in flagged:
                out.append(
                    Finding(
                        "joint_verbatim",
                        self._severity("joint_verbatim"),
                        joint_id,
                        f"{share:.0%} of all the texts' words are verbatim from one source document",
                        "paraphrase some of the passages from this account",
                        sources=[sid],
                    )
                )
        return out


def _who_clauses(a: Analysed) -> set[int]:
    """Start offsets of capitalised words that a relative clause of a person qualifies ("Hope, who had
    stayed twice", "Grace, whose son..."): only a person is a "who", so a sentence-initial word there
    is a name, not the word. A plural noun is people of a kind ("Parents who work nights"), not a name."""
    out = set()
    for r, clause in enumerate(a.tokens):
        if clause.dep != "relcl" or clause.head < 0 or not a.tokens[clause.head].text[:1].isupper():
            continue
        if a.tokens[clause.head].tag in ("NNS", "NNPS"):
            continue
        if any(w.head == r and w.tag in ("WP", "WP$") for w in a.tokens):  # tags: who/whom, whose
            out.add(a.tokens[clause.head].start)
    return out


#: how many times the corpus must write a word-name where only a person stands for the text's own detection
#: of it as a name to be a person of the corpus (``RiskChecker._person_slots``)
PERSON_SLOTS = 2
#: verbs whose object is a person, beside ``addressed_verbs`` ("went to see X", "visited X")
_PERSON_OBJECT_VERBS = frozenset({"see", "visit", "meet", "hug", "thank", "help", "drive", "call", "ring"})

#: words after "NAME," that speak to someone: "Hope, you were right", "Hope, please sit down"
_ADDRESS_FOLLOWERS = frozenset({"you", "your", "please", "let", "come", "thanks", "thank"})
#: pronouns for a person, not a thing ("Hope and I", "Joy and her"; not "it" or "they")
_PERSON_PRONOUNS = frozenset({"i", "me", "we", "us", "he", "him", "she", "her"})


def _openings_read_as_names(a: Analysed, person_verbs: set[str], person_nouns: frozenset[str]) -> set[int]:
    """Start offsets of capitalised words opening a sentence that the grammar reads as a person's name,
    whatever the tagger says (it reads nearly every capitalised opening word as a proper noun): the
    subject of a verb only a person does ("Hope arrived late", "Joy laughed"), addressed ("Hope, come and
    sit down"), in apposition to a person or an age ("Hope, 34,", "Hope, a resident, ..."), owning a
    person ("Hope's mum"), joined to a person ("Hope and her son", "Joy and I"), said to be one person
    ("Hope was the cook", "Hope is 41") or followed by a surname ("Hope Tarrow")."""
    tokens = a.tokens
    out: set[int] = set()
    for i, t in enumerate(tokens):
        if not t.text[:1].isupper() or not sentence_initial(a.text, t.start):
            continue
        head = tokens[t.head] if t.head >= 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == t.sentence else None
        children = [c for c in tokens if c.head == i]
        joined = [c for c in children if c.dep == "conj"] + ([head] if t.dep == "conj" and head is not None else [])
        comma_after = nxt is not None and "," in a.text[t.end : nxt.start]
        # the verbs it is the subject of: its head, and the verbs joined to its head that have no subject of
        # their own ("Hope did not want a fuss and asked a nurse ...": Hope asked)
        verbs = [head] if head is not None else []
        if t.dep == "nsubj" and head is not None:
            verbs += [
                v
                for j, v in enumerate(tokens)
                if v.dep == "conj"
                and v.head == t.head
                and v.pos in ("VERB", "AUX")
                and not any(c.head == j and c.dep in ("nsubj", "nsubjpass") for c in tokens)
            ]
        if t.dep == "nsubj" and any(v.lemma in person_verbs for v in verbs):
            out.add(t.start)  # the subject of a person's verb
        elif comma_after and nxt is not None and (nxt.tag == "VB" or nxt.text.lower() in _ADDRESS_FOLLOWERS):
            out.add(t.start)  # addressed: "Hope, come and sit down"
        elif any(c.dep == "appos" and (c.lemma in person_nouns or c.pos == "NUM") for c in children):
            out.add(t.start)  # "Hope, 34, ...", "Hope, a resident, ..."
        elif comma_after and nxt is not None and nxt.pos == "NUM":
            out.add(t.start)  # "Hope, 34, moved in" (however the parser attaches the age)
        elif t.dep == "poss" and head is not None and head.lemma in person_nouns:
            out.add(t.start)  # "Hope's mum"
        elif any(o.text.lower() in _PERSON_PRONOUNS or o.lemma in person_nouns for o in joined):
            out.add(t.start)  # "Hope and her son", "Joy and I" (not "Christmas and Eid": a proper noun says no more)
        elif t.dep == "nsubj" and head is not None and head.lemma == "be":
            attrs = [o for o in tokens if o.dep in ("attr", "acomp") and o.head == t.head]
            # one person ("the cook"), not people ("... were the qualities clients valued")
            if any((o.lemma in person_nouns and o.tag == "NN") or o.pos == "NUM" for o in attrs):
                out.add(t.start)  # "Hope was the cook", "Hope is 41"
        if nxt is not None and not comma_after and nxt.pos == "PROPN" and nxt.text[:1].isupper() and t.head == i + 1:
            out.add(t.start)  # a surname after it: "Hope Tarrow said"
    return out


def _cased(a: Analysed) -> bool:
    """The text opens most of its sentences with a capital letter (not a chat written in lower case)."""
    openings = [c for start, end in a.sentences if (c := next((ch for ch in a.text[start:end] if ch.isalpha()), ""))]
    return bool(openings) and 2 * sum(c.isupper() for c in openings) > len(openings)


def _person_uses(a: Analysed, person_nouns: frozenset[str]) -> set[int]:
    """Start offsets of lower-case nouns that the sentence makes a person: joined to a person ("me and
    joy", "joy and Tam", "joy and her mum") or said to be one ("joy was the best nurse")."""
    out = set()
    for i, t in enumerate(a.tokens):
        if not t.text.islower():
            continue
        head = a.tokens[t.head] if t.head >= 0 else None
        joined = [c for c in a.tokens if c.dep == "conj" and c.head == i]
        if t.dep == "conj" and head is not None:
            joined.append(head)
        # a personal pronoun ("me and joy"), not "everyone" or "everything" ("stuck on joy and everyone was ...")
        if any(o.tag == "PRP" or o.pos == "PROPN" or o.lemma in person_nouns for o in joined):
            out.add(t.start)
        elif t.dep == "nsubj" and head is not None and head.lemma == "be":
            attrs = [o for o in a.tokens if o.dep == "attr" and o.head == t.head]
            if any(o.lemma in person_nouns for o in attrs):
                out.add(t.start)
    return out


def _thing_uses(a: Analysed, person_nouns: frozenset[str], quality_verbs: set[str]) -> set[int]:
    """Start offsets of lower-case nouns that stand where a thing does, not a person: listed with a
    bare lower-case noun for a thing ("tea, patience and a spare chair"), describing something ("the sky
    went scarlet"), the object of a verb of showing or having a quality ("showing kindness", "it takes
    patience"), joined to a thing with an article ("a finch and sleet"), or said to be a thing ("patience
    was the only tool")."""
    out = set()
    for t in a.tokens:
        if t.pos not in ("NOUN", "ADJ") or not t.text.islower():
            continue
        head = a.tokens[t.head] if t.head >= 0 else None
        shown = t.dep == "dobj" and head is not None and head.lemma in quality_verbs
        # "it takes patience", "it took courage": what a task asks for, never someone it takes
        shown |= (
            t.dep == "dobj"
            and head is not None
            and head.lemma == "take"
            and any(s.dep == "nsubj" and s.text.lower() == "it" and a.tokens[s.head] is head for s in a.tokens)
        )
        if t.dep in ("acomp", "oprd", "amod") or t.pos == "ADJ" or shown:
            out.add(t.start)
        else:
            # joined to a thing, or a thing joined to it: "tea, patience", "patience and hope"
            joined = [c for c in a.tokens if c.dep == "conj" and c.head >= 0 and a.tokens[c.head] is t]
            if t.dep == "conj" and head is not None:
                joined.append(head)
            # ... or to a thing with an article ("a finch and sleet"; not "her dog", a thing of hers)
            if any(
                o.pos == "NOUN"
                and (o.name_slot or _with_article(a, o))
                and o.text.islower()
                and o.lemma not in person_nouns
                for o in joined
            ):
                out.add(t.start)
            # what a thing is said to be: "joy was the one thing that helped" (not "joy was the nurse")
            elif t.dep == "nsubj" and head is not None and head.lemma == "be":
                attrs = [o for o in a.tokens if o.dep == "attr" and o.head >= 0 and a.tokens[o.head] is head]
                if any(o.pos == "NOUN" and o.lemma not in person_nouns for o in attrs):
                    out.add(t.start)
    return out


def _with_article(a: Analysed, t: Token) -> bool:
    """The noun has an article or an adjective ("a finch", "long dark afternoons"), not a possessive
    ("her dog")."""
    i = a.tokens.index(t)
    children = [d for d in a.tokens if d.head == i]
    if any(d.dep == "poss" for d in children):
        return False
    return any((d.dep == "det" and d.lemma in ("a", "an", "the")) or d.dep == "amod" for d in children)


def _inside_longer(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """Inside a longer range, not the whole of it ("Pendle" of "Pendle Week")."""
    return any(s <= start and end <= e and e - s > end - start for s, e in ranges)


def _rarity(words: str, t: Token) -> float:
    """Zipf frequency of a word (the more common of its lemma and form) or of a phrase."""
    if " " in words.strip() or "-" in words:
        return zipf(words.lower())
    return max(zipf(t.lemma), zipf(t.text.lower()))


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """Overlapping or adjacent candidates that point at a common person become one, naming the
    people and sources they share (the most specific link); others stay apart."""
    out: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start, c.end)):
        last = out[-1] if out else None
        if last is not None and cand.start <= last.end + 2 and last.people & cand.people:
            last.end = max(last.end, cand.end)
            last.people &= cand.people
            last.sources = (last.sources & cand.sources) or last.sources | cand.sources
            last.k = min(last.k, cand.k)
            if cand.reason.startswith("a rare detail") or cand.reason.startswith("a detected"):
                last.reason, last.subtype = cand.reason, cand.subtype or last.subtype
        else:
            out.append(
                _Candidate(cand.start, cand.end, set(cand.sources), set(cand.people), cand.reason, cand.k, cand.subtype)
            )
    return out


def _merge_duplicates(findings: list[Finding]) -> list[Finding]:
    """One finding per check and place: the same words found twice (by two routes) are one finding.
    A link to a person is about that person: links to two people stay two findings."""
    out: dict[tuple[str, int | None, int | None, tuple[str, ...]], Finding] = {}
    for f in findings:
        key = (f.check, f.start, f.end, tuple(f.people) if f.check == "subject_linkage" else ())
        if key in out:
            kept = out[key]
            kept.sources = sorted(set(kept.sources) | set(f.sources))
            kept.people = sorted(set(kept.people) | set(f.people))
        else:
            out[key] = f
    return list(out.values())


#: pronouns that speak of one person, none of them "she", "he" or "her", which a sentence about a word has
#: too ("Hope was something she held onto", "Hope gave her strength")
_PERSONAL_PRONOUNS = frozenset({"himself", "herself", "his"})


def _subjects_spoken_of(a: Analysed, subjects: set[int]) -> set[int]:
    """Subjects of sentences that speak of someone as himself or herself ("Joy was proud of herself")."""
    out: set[int] = set()
    for start, end in a.sentences:
        if any(start <= t.start < end and t.text.lower() in _PERSONAL_PRONOUNS for t in a.tokens):
            out |= {p for p in subjects if start <= p < end}
    return out
