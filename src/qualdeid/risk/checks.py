"""Re-identification checks of texts about to be published, against the original corpus.

Findings name sources by document id and quote only the checked text itself, never the corpus.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.corpus.model import Document, InputError, Span
from qualdeid.risk import quasi
from qualdeid.risk.analysis import Analysed, Token, analyse, zipf
from qualdeid.risk.config import RiskConfig
from qualdeid.risk.identifiers import DEFAULT_TITLES, index_corpus, load_word_names, plain, sentence_initial
from qualdeid.risk.verbatim import find_runs, per_source, traceable_runs
from qualdeid.rules import Rules

EXIT_PASS, EXIT_WARN, EXIT_FAIL = 0, 3, 4
RARE_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
#: Names the checked text itself uses (detected, or capitalised and name-like) are looked up in the corpus.
NAME_LABELS = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})


@dataclass
class Finding:
    check: str  # residual_identifier | rare_detail | combination | verbatim | joint_* | input_error
    severity: str  # fail | warn
    text_id: str
    message: str
    suggestion: str
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    matched: str = ""  # the checked text's own words at start:end
    sources: list[str] = field(default_factory=list)
    k: int | None = None
    ranges: list[tuple[int, int]] = field(default_factory=list)  # further places in the text (combinations)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["ranges"] = [list(r) for r in self.ranges]
        return d


@dataclass
class CheckedText:
    id: str
    text: str


@dataclass
class RiskReport:
    texts: list[CheckedText]
    findings: list[Finding]
    corpus_documents: int
    sources_k: int

    @property
    def status(self) -> str:
        if any(f.severity == "fail" for f in self.findings):
            return "fail"
        return "warn" if self.findings else "pass"

    @property
    def exit_code(self) -> int:
        return {"pass": EXIT_PASS, "warn": EXIT_WARN, "fail": EXIT_FAIL}[self.status]

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "sources_k": self.sources_k,
            "corpus_documents": self.corpus_documents,
            "texts": [{"id": t.id, "words": len(t.text.split())} for t in self.texts],
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class _Candidate:
    start: int
    end: int
    sources: set[str]
    reason: str


class CorpusProfile:
    """What the checks know about the corpus: identifiers, lemmas, quasi-identifiers, words."""

    def __init__(self, config: RiskConfig, nlp, docs: list[Document], extra_identifiers: Iterable[tuple[str, str]]):
        self.config = config
        from qualdeid.pseudonymise.surrogates import nickname_table

        self.index = index_corpus(
            docs,
            titles=config.titles or DEFAULT_TITLES,
            common_zipf=config.common_word_zipf,
            min_length=config.min_identifier_length,
            nicknames=nickname_table(tuple(config.rules_dirs)),
            word_names=load_word_names(config.rules_dirs),
            short_form_zipf=config.short_form_zipf,
        )
        for value, label in extra_identifiers:
            self.index.add(value, label, "key")
        self.ids = [d.id for d in docs]
        self.analysed = {a.id: a for a in analyse(nlp, [(d.id, d.text) for d in docs])}
        self.unigrams = {i: a.content_lemmas() for i, a in self.analysed.items()}
        self.lemmas = {i: a.lemma_set() for i, a in self.analysed.items()}
        self.bigrams = {i: a.content_bigrams() for i, a in self.analysed.items()}
        self.words = {i: [w for _, _, w in a.words] for i, a in self.analysed.items()}
        self.qis = {
            d.id: set(quasi.extract(self.analysed[d.id], config.quasi_identifiers, _age_spans(d.spans))) for d in docs
        }
        self.texts = {d.id: plain(d.text) for d in docs}
        #: what detection found in each document that is not a name (dates, ages, contacts, ids)
        self.not_names = {
            d.id: [(s.start, s.end) for s in d.spans if s.label not in NAME_LABELS | {"RARE_DETAIL"}] for d in docs
        }
        self.rare_spans: list[tuple[str, set[str]]] = []
        for d in docs:
            for s in d.spans:
                if s.label == "RARE_DETAIL":
                    lemmas = _distinctive(_tokens_in(self.analysed[d.id], s.start, s.end), config.distinctive_zipf)
                    if lemmas:
                        self.rare_spans.append((d.id, lemmas))
        #: every distinctive word of a rare detail flagged in the corpus
        self.rare_words = {w for _, lemmas in self.rare_spans for w in lemmas}

    def docs_with_lemmas(self, lemmas: set[str]) -> set[str]:
        return {i for i, ls in self.lemmas.items() if lemmas <= ls}

    def docs_naming(self, value: str) -> tuple[set[str], set[str]]:
        """Documents whose text holds ``value`` with its case, as a whole word: those where it stands
        inside a sentence (as a name would) and those where it only opens a sentence. Occurrences
        inside something detected there as other than a name (a date) do not count."""
        pattern = re.compile(rf"(?<![^\W_]){re.escape(plain(value))}(?:'s)?(?![^\W_])")
        named: set[str] = set()
        initial: set[str] = set()
        for doc_id, text in self.texts.items():
            for m in pattern.finditer(text):
                if _inside(m.start(), m.end(), self.not_names[doc_id]):
                    continue
                if sentence_initial(text, m.start()):
                    initial.add(doc_id)
                else:
                    named.add(doc_id)
                    break
        return named, initial - named


def _age_spans(spans: Iterable[Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans if s.label == "AGE"]


def _tokens_in(a: Analysed, start: int, end: int) -> list[Token]:
    return [t for t in a.tokens if t.start >= start and t.end <= end]


def _distinctive(tokens: Iterable[Token], max_zipf: float = RiskConfig.distinctive_zipf) -> set[str]:
    """The content lemmas rarer than ``max_zipf``: the words that make a rare detail traceable."""
    return {t.lemma for t in tokens if t.content and zipf(t.lemma) < max_zipf}


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
        self.generalisations = load_generalisations(config.rules_dirs)

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
        detected = [d for d in self.detector.detect([Document(d.id, d.text) for d in docs]) if isinstance(d, Document)]
        analysed = analyse(self.detector.nlp, [(d.id, d.text) for d in docs])
        per_text_qis: list[dict[str, tuple[int, int]]] = []
        verbatim_words: dict[str, int] = {}
        total_words = 0
        for doc, a in zip(detected, analysed, strict=True):
            identifiers = self._identifiers(a, doc.spans)
            findings += identifiers
            findings += self._rare(a, doc.spans, [(f.start or 0, f.end or 0) for f in identifiers])
            qis = quasi.extract(a, self.config.quasi_identifiers, _age_spans(doc.spans))
            per_text_qis.append(qis)
            findings += self._combinations(a, qis)
            vf, counts = self._verbatim(a)
            findings += vf
            for sid, n in counts.items():
                verbatim_words[sid] = verbatim_words.get(sid, 0) + n
            total_words += len(a.words)
        if len(analysed) > 1:
            findings += self._joint(analysed, per_text_qis, verbatim_words, total_words, findings)
        checked = [CheckedText(d.id, d.text) for d in docs]
        order = {"fail": 0, "warn": 1}
        findings.sort(key=lambda f: (order[f.severity], f.text_id, f.start if f.start is not None else -1))
        return RiskReport(checked, findings, len(self.profile.ids), self.k)

    # ------------------------------------------------------------------ helpers

    def _severity(self, check: str) -> str:
        return "fail" if check in self.config.fail_on else "warn"

    def _input_error(self, err: InputError, what: str) -> Finding:
        severity = self._severity("input_error")
        return Finding("input_error", severity, err.source, f"{what}: {err.message}", "fix or remove the file")

    def _finding(self, check: str, a: Analysed, start: int, end: int, message: str, suggestion: str, **kw) -> Finding:
        line, col = a.line_col(start)
        return Finding(
            check,
            kw.pop("severity", None) or self._severity(check),
            a.id,
            message,
            suggestion,
            start,
            end,
            line,
            col,
            a.text[start:end],
            **kw,
        )

    # ------------------------------------------------------------------ residual identifiers

    def _identifiers(self, a: Analysed, spans: list[Span]) -> list[Finding]:
        out = []
        name_slots = {t.start for t in a.tokens if t.name_slot}
        for hit in self.profile.index.find(a.text, word_uses=True):
            label = hit.label.lower().replace("_", " ")
            n = len(hit.sources)
            if hit.certain:
                msg = f"a {label} from the corpus ({n} source document(s))"
                check = "residual_identifier"
            elif hit.lowercase:
                if hit.start not in name_slots:
                    continue  # "I hope", "the grace period": the word, not the name
                msg = f"possibly a {label} from the corpus (a name that is also a word, in lower case; check it)"
                check = "possible_identifier"
            else:
                msg = f"possibly a {label} from the corpus (a common word at a sentence start; check it)"
                check = "possible_identifier"
            out.append(self._identifier_finding(check, a, hit.start, hit.end, msg, list(hit.sources)))
        taken = [(f.start or 0, f.end or 0) for f in out]
        for start, end, label in self._own_names(a, spans):
            if _inside(start, end, taken):
                continue
            named, initial = self.profile.docs_naming(a.text[start:end])
            if not named and not initial:
                continue
            # the corpus's own detection did not confirm it as a name there: a warning, to be checked
            where = "inside a sentence, as a name is written" if named else "only at a sentence start"
            msg = f"possibly a {label.lower()} from the corpus (written there {where}; check it)"
            out.append(self._identifier_finding("possible_identifier", a, start, end, msg, sorted(named or initial)))
            taken.append((start, end))
        return sorted(out, key=lambda f: f.start or 0)

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
                at = plain(value).find(part)
                if at >= 0 and part[:1].isupper():
                    out.append((s.start + at, s.start + at + len(part), s.label))
        return out

    def _identifier_finding(
        self, check: str, a: Analysed, start: int, end: int, message: str, sources: list[str]
    ) -> Finding:
        suggestion = "replace it with its pseudonym or a generic description (e.g. 'a nearby town', 'the service')"
        return self._finding(check, a, start, end, message, suggestion, sources=sources)

    # ------------------------------------------------------------------ rare details

    def _rare(self, a: Analysed, spans: list[Span], identifiers: list[tuple[int, int]]) -> list[Finding]:
        """Rare details; words already reported as identifiers are not reported again as details."""
        p, c = self.profile, self.config
        taken = [(h.start, h.end) for h in p.index.find(a.text)] + identifiers
        cands: list[_Candidate] = []

        def traceable(docs: set[str]) -> bool:
            return 0 < len(docs) < self.k

        content = [t for t in a.tokens if t.content and not _inside(t.start, t.end, taken)]
        for t in content:
            rare_word = max(zipf(t.lemma), zipf(t.text.lower())) < c.word_zipf
            if t.pos in RARE_POS and len(t.text) >= c.min_word_length and rare_word:
                docs = {i for i, u in p.unigrams.items() if t.lemma in u or t.text.lower() in u}
                if traceable(docs):
                    cands.append(_Candidate(t.start, t.end, docs, "a rare word"))
        for x, y in itertools.pairwise(content):
            if x.sentence != y.sentence or x.pos not in RARE_POS or y.pos not in RARE_POS:
                continue
            zx, zy = (min(zipf(t.lemma), zipf(t.text.lower())) for t in (x, y))
            if min(zx, zy) >= c.phrase_zipf or max(zx, zy) >= c.phrase_max_zipf:
                continue
            pair, surface = (x.lemma, y.lemma), (x.text.lower(), y.text.lower())
            docs = {i for i, b in p.bigrams.items() if pair in b or surface in b}
            if traceable(docs):
                cands.append(_Candidate(x.start, y.end, docs, "a distinctive phrase"))
        cands += self._uncommon_words(content, traceable)
        for s0, s1 in a.sentences:
            sent = [t for t in a.tokens if s0 <= t.start < s1]
            lemmas = {t.lemma for t in sent}
            for _doc_id, rare in p.rare_spans:
                if rare <= lemmas:
                    docs = p.docs_with_lemmas(rare)
                    if traceable(docs):
                        hit = [t for t in sent if t.lemma in rare]
                        cands.append(_Candidate(hit[0].start, hit[-1].end, docs, "a rare detail flagged in the corpus"))
        for s in spans:
            if s.label == "RARE_DETAIL":
                rare = _distinctive(_tokens_in(a, s.start, s.end), c.distinctive_zipf)
                docs = p.docs_with_lemmas(rare) if rare else set()
                if traceable(docs):
                    cands.append(_Candidate(s.start, s.end, docs, "a detected rare detail"))
        out = []
        for cand in _merge(cands):
            n = len(cand.sources)
            out.append(
                self._finding(
                    "rare_detail",
                    a,
                    cand.start,
                    cand.end,
                    f"{cand.reason} found in only {n} source document(s) (fewer than {self.k}): "
                    "it can link the text to them",
                    self._generalise(a.text[cand.start : cand.end]),
                    sources=sorted(cand.sources),
                    k=n,
                )
            )
        return out

    def _uncommon_words(self, content: list[Token], traceable) -> list[_Candidate]:
        """Details made of words that are not rare in general English ("breed", "welding") but are
        rare in the corpus: a word of a rare detail flagged in the corpus that few sources use, and
        two uncommon words close together in a sentence that few sources use together."""
        p, c = self.profile, self.config
        cands: list[_Candidate] = []
        uncommon = []
        for t in content:
            if t.pos not in RARE_POS or len(t.text) < c.min_word_length:
                continue
            if t.lemma in p.rare_words or t.text.lower() in p.rare_words:
                docs = {i for i, u in p.unigrams.items() if t.lemma in u or t.text.lower() in u}
                if traceable(docs):
                    cands.append(_Candidate(t.start, t.end, docs, "a word of a rare detail flagged in the corpus"))
            if max(zipf(t.lemma), zipf(t.text.lower())) < c.phrase_zipf:
                uncommon.append(t)
        for i, x in enumerate(uncommon):
            for y in uncommon[i + 1 : i + 1 + c.pair_window]:
                if y.sentence != x.sentence or x.lemma == y.lemma:
                    continue
                docs = {
                    d
                    for d, u in p.unigrams.items()
                    if (x.lemma in u or x.text.lower() in u) and (y.lemma in u or y.text.lower() in u)
                }
                if traceable(docs):
                    cands.append(_Candidate(x.start, y.end, docs, "uncommon words used together"))
        return cands

    def _generalise(self, text: str) -> str:
        for pattern, replacement in self.generalisations:
            if pattern.search(text):
                return f"generalise it, e.g. '{replacement}', or leave it out"
        return "generalise it (e.g. 'an unusual hobby', 'a past job in a trade') or leave it out"

    # ------------------------------------------------------------------ combinations

    def _smallest_k(self, qis: Iterable[str], must_span: dict[str, int] | None = None) -> tuple[int, tuple[str, ...]]:
        """Smallest positive number of sources sharing a combination (k) and that combination."""
        p, c = self.profile, self.config
        masks = {q: {i for i in p.ids if q in p.qis[i]} for q in qis}
        terms = sorted((q for q in masks if masks[q]), key=lambda q: (len(masks[q]), q))[: c.combo_max_terms]
        best: tuple[int, tuple[str, ...]] = (0, ())
        for size in range(c.combo_min_size, min(c.combo_max_size, len(terms)) + 1):
            for combo in itertools.combinations(terms, size):
                if len({quasi.category(q) for q in combo}) < 2:
                    continue
                if must_span is not None and len({must_span[q] for q in combo}) < 2:
                    continue
                k = len(set.intersection(*(masks[q] for q in combo)))
                if k and (not best[0] or k < best[0]):
                    best = (k, combo)
        return best

    def _sharing(self, combo: tuple[str, ...]) -> list[str]:
        return sorted(i for i in self.profile.ids if set(combo) <= self.profile.qis[i])

    def _combinations(self, a: Analysed, qis: dict[str, tuple[int, int]]) -> list[Finding]:
        k, combo = self._smallest_k(qis)
        if not k or k >= self.k:
            return []
        sources = self._sharing(combo)
        ranges = sorted(qis[q] for q in combo)
        f = self._finding(
            "combination",
            a,
            ranges[0][0],
            ranges[0][1],
            f"the combination {', '.join(combo)} fits only k={k} source document(s)",
            "generalise or drop one of these details (e.g. an age band instead of an age, 'a health condition')",
            sources=sources,
            k=k,
            ranges=ranges,
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
            out.append(
                self._finding(
                    "verbatim",
                    a,
                    start,
                    end,
                    f"{sv.longest.length} words in a row, and {sv.share:.0%} of the text, verbatim from one "
                    f"source document",
                    "paraphrase or shorten the passage; quote fewer words in a row from one account",
                    sources=[sv.source],
                )
            )
        return out, counts

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
            sources = self._sharing(combo)
            out.append(
                Finding(
                    "joint_combination",
                    self._severity("joint_combination"),
                    joint_id,
                    f"across the texts, the combination {', '.join(combo)} fits only k={k} source document(s)",
                    "details spread over several texts combine; generalise one of them in one text",
                    sources=sources,
                    k=k,
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


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """Overlapping or adjacent candidates that point at a common source become one, naming the
    sources they share (the most specific link); those pointing at different sources stay apart."""
    out: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start, c.end)):
        last = out[-1] if out else None
        if last is not None and cand.start <= last.end + 2 and last.sources & cand.sources:
            last.end = max(last.end, cand.end)
            last.sources &= cand.sources
            if cand.reason.startswith("a rare detail") or cand.reason.startswith("a detected"):
                last.reason = cand.reason
        else:
            out.append(_Candidate(cand.start, cand.end, set(cand.sources), cand.reason))
    return out


def load_generalisations(rules_dirs: list[Path]) -> list[tuple[re.Pattern[str], str]]:
    out = []
    for doc in Rules(rules_dirs).yaml("generalise.yaml"):
        for entry in (doc or {}).get("generalisations", []) if isinstance(doc, dict) else []:
            try:
                out.append((re.compile(str(entry["match"]), re.IGNORECASE), str(entry["replace"])))
            except (KeyError, TypeError, re.error):
                continue
    return out
