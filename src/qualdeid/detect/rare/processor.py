"""Rare personal details (RARE_DETAIL): unusual jobs, hobbies, life events, traits, family situations.

The details that let acquaintances recognise someone with the name removed. Evidence, combined:

* lexicons of ``rules/rare/`` (unusual occupations, hobbies, traits, animals, languages ...),
* general-language word frequency (wordfreq): a word like "trapeze" is rare, "cook" is not,
* phrase frames around the word ("used to ...", "worked as ...", "won a ... title", "keeps ..."),
* within-corpus rarity: how many documents of the corpus share the detail's key words.

Only the short phrase carrying the fact is flagged, with a ``reason`` a reviewer can read (it never
quotes the text) and a ``subtype``. The user decides later whether a detail is generalised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from spacy.tokens import Doc

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.finalise import NER_DETECTOR, ZIPF_SECTION, LoneFeast, specific_date_pattern, worth_flagging
from qualdeid.detect.nlp.frequency import ZipfThresholds, zipf, zipf_any_spelling
from qualdeid.detect.nlp.languages import zipf_in
from qualdeid.detect.nlp.tokens import doc_text
from qualdeid.detect.processors import CorpusProcessor, chosen
from qualdeid.detect.rare.animals import AnimalFinder
from qualdeid.detect.rare.biography import STRETCH, BiographyFinder
from qualdeid.detect.rare.body import BodyFinder
from qualdeid.detect.rare.clauses import SUBTYPE as CLAUSE
from qualdeid.detect.rare.clauses import ClauseFinder
from qualdeid.detect.rare.context import NAME_ENTITIES, RareContext
from qualdeid.detect.rare.custody import CUSTODY_REASON, CustodyFinder
from qualdeid.detect.rare.doubts import doubt
from qualdeid.detect.rare.events import EventFinder
from qualdeid.detect.rare.family import STAY, UPBRINGING, FamilyFinder
from qualdeid.detect.rare.finder import STATUS_RANK, Finder, Hit, Status
from qualdeid.detect.rare.firsts import FirstsFinder
from qualdeid.detect.rare.foreign import ForeignRoleFinder
from qualdeid.detect.rare.former import FormerLifeFinder
from qualdeid.detect.rare.handmade import HandmadeFinder
from qualdeid.detect.rare.learned import SUBTYPE as LEARNED
from qualdeid.detect.rare.learned import LearnedFinder
from qualdeid.detect.rare.lexicon import RareRules
from qualdeid.detect.rare.life import HABIT, LifeFinder
from qualdeid.detect.rare.milestones import MILESTONE, MilestoneFinder
from qualdeid.detect.rare.patterns import FEAT, PhraseFinder
from qualdeid.detect.rare.practice import PracticeFinder
from qualdeid.detect.rare.roles import RoleFinder
from qualdeid.detect.rare.terms import TermFinder
from qualdeid.detect.rare.verbs import VerbFinder
from qualdeid.labels import DATE_TIME, DIRECT_LABELS, LOCATION, PERSON, RARE_DETAIL
from qualdeid.rules import Rules

ACCEPTED, CORPUS_CHECK, PENDING = Status.ACCEPTED, Status.CORPUS_CHECK, Status.PENDING
#: a detail's tail stops before these and ends on those (:meth:`RareDetailProcessor._tail`)
_TAIL_STOP_POS = frozenset({"PUNCT", "CCONJ", "SCONJ", "PRON", "VERB", "AUX", "PART", "INTJ", "SPACE", "SYM", "X"})
_TAIL_END_POS = frozenset({"NOUN", "NUM"})
#: details whose length of time is part of the fact ("drove a cab for ten years", "did a year inside")
_DURATIONS = frozenset({STRETCH, CUSTODY_REASON, STAY, UPBRINGING, FEAT})

#: The finder families by their names in ``rules/detect.yaml`` (``rare_finders``).
FINDERS: dict[str, type[Finder]] = {
    "terms": TermFinder,
    "verbs": VerbFinder,
    "patterns": PhraseFinder,
    "roles": RoleFinder,
    "body": BodyFinder,
    "family": FamilyFinder,
    "events": EventFinder,
    "animals": AnimalFinder,
    "biography": BiographyFinder,
    "life": LifeFinder,
    "former": FormerLifeFinder,
    "practice": PracticeFinder,
    "handmade": HandmadeFinder,
    "custody": CustodyFinder,
    "milestones": MilestoneFinder,
    "learned": LearnedFinder,
    "foreign": ForeignRoleFinder,
    "firsts": FirstsFinder,
    "clauses": ClauseFinder,
}


@dataclass(frozen=True, slots=True)
class RareCandidate(Span):
    """A first-pass candidate: a span and what the second pass needs to decide on it. Candidates
    travel to the second pass as they are (pickled, possibly through a worker process)."""

    status: Status = Status.ACCEPTED
    key_terms: tuple[str, ...] = ()  # lemmas counted across the corpus
    echo_keys: tuple[str, ...] = ()  # distinctive lemmas: flagged wherever they recur in the corpus


class RareDetailProcessor(CorpusProcessor):
    """The corpus processor for rare personal details: the finders of ``rules/detect.yaml`` in order."""

    name = "rare"
    reads_decided = True  # the names found corpus-wide: a detail whose only rare word is a name is none

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        self.rr = RareRules.load(rules)
        t = self.rr.threshold
        self.echo_zipf = t("echo_zipf")
        self.corpus_max_docs = t("corpus_max_docs")
        self.corpus_max_share = t("corpus_max_share")
        self.max_tokens = int(t("max_tokens"))
        #: a tail of these after a name is no part of the detail: "... at <place> for ten years"
        self.time_words = re.compile(
            rf"\b(?:{self.rr.lists.pattern('time_tail_words')}|now|then|ago|before|after|since|til|until|few|"
            r"several|many|most|some|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|"
            r"\d+|about|around|over|just|his|her|their|my|our|last|first|next|each|every)\b",
            re.IGNORECASE,
        )
        #: the trained finder's verdict on the rules' details: one none of whose tokens scores this is dropped
        self.learned_veto = t("learned_veto")
        #: the clause judge's verdict on the rules' details: one every clause of which it scores below this is
        #: dropped (0: the judge only adds details)
        self.clause_veto = t("clause_veto")
        #: ... in a text of this many characters or more: the judge has hardly seen a shorter one, and scores a
        #: sentence there out of its experience (a survey's answer, a message, a lone sentence)
        self.clause_veto_min_chars = t("clause_veto_min_chars")
        #: a sentence fewer of whose words than this share are English words (zipf >= ``rare_zipf``) is in another
        #: language: English frequencies say nothing of its details
        self.english_share = t("english_sentence_share")
        #: a habit is read from English grammar: in a sentence of ``habit_english_words`` or more words, fewer than
        #: ``habit_english_share`` of them English function words, and no language the text is read in, none is read
        self.habit_english_share = t("habit_english_share")
        self.habit_english_words = int(t("habit_english_words"))
        self.english_zipf = t("rare_zipf")
        self.foreign_zipf = t("foreign_role_zipf")
        self.foreign_min_letters = t("foreign_min_letters")
        #: common illnesses, substances and care (``plain.yaml``): no detail on their own, nor with everyday words
        self.conditions = (
            self.rr.words("common_conditions") | self.rr.clinical | rules.words("lexicons/medicines.txt", lower=True)
        )
        self.plain_zipf = t("plain_zipf")
        #: deaths and bereavements told in everyday words (``plain.yaml``): no detail either
        self.death_zipf = t("death_zipf")
        self.deaths = self.rr.words("deaths")
        self.killings = self.rr.words("killings")
        self.losses = self.rr.words("losses")
        self.lead_out = self.rr.words("detail_lead_out")
        #: a confirmed detail runs on over the phrase its clause goes on with (``detail_tail``, ``tail_stops``)
        self.tail = int(t("detail_tail"))
        self.tail_stops = self.rr.words("tail_stops")
        #: ... and over how it was done, a gerund with its object ("got to nationals | skipping rope"), unless the
        #: gerund is an everyday verb (``tail_gerund_stops``: "| going home")
        self.tail_gerund_stops = self.rr.words("tail_gerund_stops")
        self.tail_judge = t("detail_tail_judge")
        self.cutting_openers = self.rr.words("clause_openers")
        self.denials = self.rr.words("denials")
        self.denial_fillers = self.rr.words("denial_fillers")
        self.denial_breakers = self.rr.words("denial_breakers")
        self.finders: list[Finder] = [make(self.rr) for make in chosen(FINDERS, rules, "rare_finders")]
        #: NER's dates that the finaliser drops do not cut a stretch of work ("drove a cab for ten years")
        self.specific_date = specific_date_pattern(rules)
        #: nor does a feast named alone, which the finaliser drops ("drum major in a Christmas band")
        self.feast_alone = LoneFeast(rules)
        self.population_share = t("population_share")
        self.population_subjects = t("population_subjects")
        self.population_key_zipf = t("population_key_zipf")
        #: countries and large regions (lexicons/not_places.txt) identify no one on their own: a detail keeps
        #: them ("did two tours in <country>") instead of being cut around them
        self.unmarked_places = rules.words("lexicons/not_places.txt", lower=True)
        #: what a piece of a detail cut apart around a name or a place keeps (rules/frequency.yaml)
        z = ZipfThresholds(rules, ZIPF_SECTION, ("cut_detail_word", "grammar"))
        self.cut = (z["cut_detail_word"], z["grammar"])
        self.doc_counts: dict[str, int] = {}
        #: key term -> the people the details with it are about (see :func:`_subject`)
        self.subjects: dict[str, set[str]] = {}
        self.confirmed: set[str] = set()
        self.documents = 0
        self._counted_id: str | None = None
        self._counted_terms: set[str] = set()

    # ------------------------------------------------------------------ first pass (worker)

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[RareCandidate], Any]:
        ctx = RareContext.read(sdoc, spans, self.rr)
        # the finders judge rarity by English frequencies, but for the foreign one and the firsts (whose words are
        # other languages' own): in a sentence of another language every word looks rare to them
        hits = [
            hit
            for finder in self.finders
            for hit in finder.find(ctx)
            if isinstance(finder, ForeignRoleFinder | FirstsFinder) or not self._other_language(ctx, hit)
        ]
        scores = ctx.token_scores
        if scores is not None and self.learned_veto > 0:
            hits = [h for h in hits if h.subtype == LEARNED or scores[h.start : h.end].max() >= self.learned_veto]
        if ctx.clause_scores is not None and self.clause_veto > 0 and len(doc.text) >= self.clause_veto_min_chars:
            hits = [
                h
                for h in hits
                if h.subtype == CLAUSE or _by_a_name(ctx, h) or not self._vetoed(ctx.clause_scores[h.start : h.end])
            ]
        hits = [h for h in hits if not _denied(ctx, h, self.denials, self.denial_fillers, self.denial_breakers)]
        # a clause another finder has a detail in is that finder's: its phrase is the sharper one (an event's
        # age or year is no sharper phrase: "died at <age> during a ..." keeps the clause's rest)
        ruled = [(h.start, h.end) for h in hits if h.subtype != CLAUSE and h.reason != MILESTONE]
        hits = [h for h in hits if h.subtype != CLAUSE or not any(s < h.end and h.start < e for s, e in ruled)]
        found = [c for hit in hits if (c := self._candidate(ctx, hit)) is not None]
        merged = [
            c if c.status == PENDING else replace(c, echo_keys=self._echo_keys(sdoc, c))
            for c in _merge(found, doc.text)
        ]
        persons = sorted((s.start, s.end) for s in spans if s.label == PERSON)
        observation = (
            frozenset(k for c in merged for k in c.key_terms),
            frozenset(k for c in merged if c.status != PENDING for k in c.echo_keys),
            frozenset((k, _subject(doc, c, persons)) for c in merged if c.status != PENDING for k in c.key_terms),
        )
        return merged, observation

    def _vetoed(self, scores: np.ndarray) -> bool:
        """The clause judge scores every clause the detail's tokens are in below ``clause_veto`` (tokens outside
        every clause, -1, say nothing; a detail wholly outside them is kept)."""
        judged = scores[scores >= 0]
        return judged.size > 0 and float(judged.max()) < self.clause_veto

    def _other_language(self, ctx: RareContext, hit: Hit) -> bool:
        """The hit's sentence is written in another language, and its words are not rare there: fewer than
        ``english_sentence_share`` of the sentence's words, names left out, are English words, and none of the
        hit's words in lower case (of ``foreign_min_letters`` or more; in German a capitalised noun too) is rarer
        than ``foreign_role_zipf`` in each of the text's other languages (a text in no other language is English:
        "Ida carves oars from driftwood"). The finders judge rarity by English frequencies, so every word of such a
        sentence looks rare to them ("ela cozinha para a família toda"). In a text in no language read so, a habit
        is held back where the sentence has almost no English function words (:meth:`_no_english_grammar`)."""
        start, end = ctx.bounds[hit.start]
        words = [t.lower_ for t in ctx.sdoc[start:end] if t.is_alpha and not ctx.named[t.idx]]
        if len(words) < 3 or sum(1 for w in words if zipf(w) >= self.english_zipf) >= self.english_share * len(words):
            return False
        others = self.rr.other_languages
        languages = others.of(doc_text(ctx.sdoc)) if others is not None else ()
        if not languages and hit.reason == HABIT:
            return self._no_english_grammar(ctx, hit, start, end)
        # a language that capitalises every noun (German) has its nouns counted too: "mit 400 Kuckucksuhren"
        nouns_capitalised = bool(others is not None and set(languages) & others.noun_capitals)
        rare = [
            t.lower_
            for t in ctx.sdoc[hit.start : hit.end]
            if t.is_alpha
            and (t.is_lower or (nouns_capitalised and t.is_title and not t.is_sent_start))
            and len(t) >= self.foreign_min_letters
            and not ctx.named[t.idx]
        ]
        rare_there = any(all(zipf_in(w, code) < self.foreign_zipf for code in languages) for w in rare)
        return bool(languages) and not rare_there

    def _no_english_grammar(self, ctx: RareContext, hit: Hit, start: int, end: int) -> bool:
        """The line of the hit's sentence (``start:end``) the hit is on holds ``habit_english_words`` words or more,
        fewer than ``habit_english_share`` of them English function words ("the", "of", "she"): a language none of
        whose words the text is read in (one wordfreq has no list for), or a case note's shorthand, whose words the
        English tagger reads as a verb and its object at random. A habit read there is none."""
        sdoc = ctx.sdoc
        while start < hit.start and any("\n" in t.text for t in sdoc[start : hit.start]):
            start += 1  # the tagger's sentence may run over several lines of a message or a note
        end = next((i for i in range(hit.end, end) if "\n" in sdoc[i].text), end)
        words = [t for t in sdoc[start:end] if t.is_alpha]
        if len(words) < self.habit_english_words:
            return False
        return sum(1 for t in words if t.is_stop) < self.habit_english_share * len(words)

    def _plain_condition(self, ctx: RareContext, start: int, end: int) -> bool:
        """Tokens ``start:end`` tell only a common illness, a substance or its care ("had bulimia", "was a
        gambling addict", "doubled her fluoxetine"): at least one word of ``common_conditions`` (or a clinical
        term), and every other noun, adjective and verb, names left out, an everyday word (zipf >= ``plain_zipf``)."""
        condition = False
        for t in ctx.sdoc[start:end]:
            if t.pos_ not in _PLAIN_POS or ctx.named[t.idx] or not t.is_alpha:
                continue
            lemma = t.lemma_.lower()
            if t.lower_ in self.conditions or lemma in self.conditions:
                condition = True
            elif zipf_any_spelling(lemma) < self.plain_zipf and zipf_any_spelling(t.lower_) < self.plain_zipf:
                return False
        return condition

    def _plain_death(self, ctx: RareContext, start: int, end: int) -> bool:
        """Tokens ``start:end`` tell a death or the loss of someone close in everyday words ("died of a stroke",
        "was killed in a crash", "lost my brother"): their first verb is one of ``deaths``, a passive of
        ``killings`` or one of ``losses`` with a relative or a friend among the next three words, and every
        other noun, adjective and verb, names left out, is an everyday word (zipf >= ``death_zipf``)."""
        tokens = ctx.sdoc[start:end]
        verbs = [t for t in tokens if t.pos_ == "VERB"]
        if not verbs:
            return False
        first = verbs[0]
        lemma = first.lemma_.lower()
        after = {t.lower_ for t in ctx.sdoc[first.i + 1 : min(first.i + 4, end)]}
        death = (
            lemma in self.deaths
            or (lemma in self.killings and first.tag_ == "VBN")
            or (lemma in self.losses and bool(after & self.rr.person_nouns))
        )
        if not death:
            return False
        for t in tokens:
            if t.i == first.i or t.pos_ not in _PLAIN_POS or ctx.named[t.idx] or not t.is_alpha:
                continue
            if max(zipf_any_spelling(t.lemma_.lower()), zipf_any_spelling(t.lower_)) < self.death_zipf:
                return False
        return True

    def _candidate(self, ctx: RareContext, hit: Hit) -> RareCandidate | None:
        """A finder's hit as a span of the text, run on over what completes the fact (a confirmed
        one), without words left dangling at its end; none where it tells only a common condition."""
        sdoc = ctx.sdoc
        end = hit.end
        if hit.status != PENDING and hit.reason != MILESTONE:  # an event ends at its age or year
            end = self.rr.frames.run_on(sdoc, end, ctx.bounds[hit.start][1], hit.start + self.max_tokens)
            if self.tail and hit.subtype != CLAUSE and self._judged_at_least(ctx, hit, self.tail_judge):
                end = self._tail(ctx, end, min(ctx.bounds[hit.start][1], hit.start + self.max_tokens))
        end = _tidy_end(sdoc, max(hit.start + 1, hit.core_end), end)
        start = hit.start
        while start + 1 < end and sdoc[start].lower_ in self.lead_out:
            start += 1  # "she | used to ...", "also | plays ..."
        if self._plain_condition(ctx, start, end) or self._plain_death(ctx, start, end):
            return None
        return RareCandidate(
            start=sdoc[start].idx,
            end=sdoc[end - 1].idx + len(sdoc[end - 1]),
            label=RARE_DETAIL,
            score=0.6 if hit.status == ACCEPTED else 0.5,
            detector=self.name,
            subtype=hit.subtype,
            reason=hit.reason,
            status=hit.status,
            key_terms=hit.keys or (hit.reason,),
            echo_keys=hit.echo_keys,
        )

    @staticmethod
    def _judged_at_least(ctx: RareContext, hit: Hit, floor: float) -> bool:
        """The clause judge scores a clause the hit's tokens are in ``floor`` or more (so with the judge off)."""
        if ctx.clause_scores is None or floor <= 0:
            return True
        return float(ctx.clause_scores[hit.start : hit.end].max()) >= floor

    def _tail(self, ctx: RareContext, end: int, stop: int) -> int:
        """The end of the phrase a detail's clause goes on with after ``end``, up to ``detail_tail`` tokens: where,
        when and how the fact was ("sang on a radio | talent show", "rowed skiffs | on the estuary", "mended
        pianolas | for diners"). It stops at punctuation, a line break, a conjunction, a pronoun, a verb
        (another fact: "... | he came out to the shed"), a clause opener ("before", "until"), the words of
        ``tail_stops`` and a name, a place or a date (the finaliser cuts a detail around those, and a piece left
        dangling after one is no fact), and ends on a noun or a number ("mended <machines> | for diners | all over")."""
        sdoc = ctx.sdoc
        j = end
        while j < min(stop, end + self.tail):
            t = sdoc[j]
            if self._gerund_with_object(ctx, j, stop):
                j += 1
                continue
            if (
                t.pos_ in _TAIL_STOP_POS
                or "\n" in t.text_with_ws
                or t.lower_ in self.tail_stops
                or t.lower_ in self.cutting_openers
                or ctx.named[t.idx]
                or t.ent_type_ in NAME_ENTITIES
            ):
                break
            j += 1
        while j > end and sdoc[j - 1].pos_ not in _TAIL_END_POS:
            j -= 1
        return j

    def _gerund_with_object(self, ctx: RareContext, j: int, stop: int) -> bool:
        """A gerund at ``j`` right after a noun of the detail, with its object after it: how the fact was done
        ("got to nationals | skipping rope", "was on a TV | baking show"); never an everyday verb of
        ``tail_gerund_stops`` ("| going home", "| saying ...")."""
        sdoc = ctx.sdoc
        t = sdoc[j]
        if t.tag_ != "VBG" or j == 0 or j + 1 >= stop or ctx.named[t.idx]:
            return False
        if sdoc[j - 1].pos_ not in _TAIL_END_POS or "\n" in sdoc[j - 1].text_with_ws:
            return False
        if t.lemma_.lower() in self.tail_gerund_stops or t.lower_ in self.tail_gerund_stops:
            return False
        nxt = sdoc[j + 1]
        return nxt.pos_ in ("NOUN", "ADJ", "DET", "NUM") and not ctx.named[nxt.idx]

    def _echo_keys(self, sdoc: Doc, c: RareCandidate) -> tuple[str, ...]:
        """Distinctive words of an accepted detail: later mentions of them are the same detail."""
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            return ()
        keys = []
        for t in span:
            if (
                t.pos_ in ("NOUN", "VERB", "PROPN")
                and t.is_alpha
                and len(t) >= 4
                and not t.is_stop
                and t.ent_type_ not in NAME_ENTITIES
                and t.lemma_.lower() not in self.rr.common_words
                and zipf_any_spelling(t.lower_) < self.echo_zipf
            ):
                keys.extend((t.lemma_.lower(), t.lower_))
        return tuple(dict.fromkeys(keys))

    # ------------------------------------------------------------------ corpus statistics (main process)

    def observe(self, doc_id: str, observation: Any) -> None:
        # the parts of a long document come one after another with its id: they count as one document
        if doc_id != self._counted_id:
            self._counted_id, self._counted_terms = doc_id, set()
            self.documents += 1
        if not observation:
            return
        key_terms, confirmed, subjects = observation
        for k in set(key_terms) - self._counted_terms:
            self.doc_counts[k] = self.doc_counts.get(k, 0) + 1
        self._counted_terms.update(key_terms)
        self.confirmed.update(confirmed)
        for k, subject in subjects:
            self.subjects.setdefault(k, set()).add(subject)

    # ------------------------------------------------------------------ second pass

    def second_pass(
        self, doc: Document, candidates: list[RareCandidate], spans: list[Span], decided: Sequence[Span] = ()
    ) -> list[Span]:
        """The details kept; ``decided``: the final spans of the processors before this one (the names found
        corpus-wide), read only to tell a name taken for a rare word, never to cut a detail."""
        n = max(self.documents, 1)
        limit = max(self.corpus_max_docs, self.corpus_max_share * n)
        out: list[Span] = []
        for c in candidates:
            counts = [self.doc_counts.get(k, 1) for k in c.key_terms]
            docs = min(counts) if counts else 1
            reason = c.reason or "rare detail"
            doubtful = False  # failed the rarity test: a question for the reviewer (``doubts.py``)
            if _rare_only_in_names(doc.text, c, decided):
                continue  # "rang <name> about the van": the only rare word was a person's name
            if c.status == PENDING:
                if _inside_other(c, spans):
                    continue
                doubtful = not set(c.echo_keys) & self.confirmed
                if not doubtful:
                    reason = f"{reason}; the same detail is flagged elsewhere in the corpus"
            elif (c.status == CORPUS_CHECK and docs > limit) or self._population(c, n):
                doubtful = True
            others = [
                s
                for s in spans
                if not self._vague_stretch_within(doc.text, c, s) and not self._unmarked_place(doc.text, s)
            ]
            for start, end in _clear_of_others(c, others, doc.text, self.time_words, self.cut):
                if doubtful:
                    out.append(doubt(doc.text, start, end, c.subtype, f"{reason}; occurs in {docs} documents of {n}"))
                    continue
                out.append(
                    Span(
                        start=start,
                        end=end,
                        label=RARE_DETAIL,
                        text=doc.text[start:end],
                        score=c.score,
                        detector=self.name,
                        subtype=c.subtype,
                        reason=f"{reason}; occurs in {docs} document{'s' if docs != 1 else ''} of {n}",
                    )
                )
        return out

    def _population(self, c: RareCandidate, n: int) -> bool:
        """A trait that many people of the corpus share, in a good share of its documents, describes the
        study's population ("is Deaf" in a study of Deaf people), not anyone in it. Counted per person
        the detail is about, not per document: one person's detail recurs across the documents of a group."""
        # words common in general English ("born" of "born deaf") say nothing of who the detail is about
        keys = [k for k in c.key_terms if zipf_any_spelling(k) < self.population_key_zipf] or c.key_terms
        return bool(keys) and all(
            len(self.subjects.get(k, ())) >= self.population_subjects
            and self.doc_counts.get(k, 0) >= self.population_share * n
            for k in keys
        )

    def _unmarked_place(self, text: str, s: Span) -> bool:
        return s.label == LOCATION and text[s.start : s.end].lower() in self.unmarked_places

    def _vague_stretch_within(self, text: str, c: Span, s: Span) -> bool:
        """A vague stretch of time with the detail's words on both sides ("spent <ten years> as a ship's
        cook"): cutting it out would leave two broken pieces; at an edge it is trimmed off as before. A
        feast named alone is no date at all: nothing is cut around it."""
        if s.label == DATE_TIME and c.start <= s.start and s.end <= c.end and self.feast_alone(text[s.start : s.end]):
            return True
        if c.reason in _DURATIONS:
            return self._vague_date(text, s)
        if (
            c.start < s.start
            and s.end == c.end
            and (before := _STRETCH_BEFORE.search(text, c.start, s.start))
            and len(text[c.start : before.start() + 1].split()) <= _SHORT_DETAIL
            and _LONG_STRETCH.search(text, s.start, s.end)
        ):
            # "was a nun | for eleven years": a short detail's years of service are part of the fact (a longer one
            # says enough without them: "was a cable splicer on the ships | for eight years")
            return self._vague_date(text, s)
        return (
            c.start < s.start
            and s.end < c.end
            and self._vague_date(text, s)
            and _content(text[c.start : s.start]) > 0
            and _content(text[s.end : c.end]) > 0
        )

    def _vague_date(self, text: str, s: Span) -> bool:
        return (
            s.detector == NER_DETECTOR and s.label == DATE_TIME and not self.specific_date.search(text, s.start, s.end)
        )


#: a stretch of time closing a detail opens with "for": "was a lamplighter for nine years"
#: ... in years, decades or seasons, closing a detail of this many words at most
_LONG_STRETCH = re.compile(r"\b(?:years|decades|seasons)\b", re.IGNORECASE)
_SHORT_DETAIL = 3
_STRETCH_BEFORE = re.compile(r"\w\s+for\s+(?:about\s+|around\s+|over\s+|nearly\s+|almost\s+|just\s+)?$", re.IGNORECASE)

#: a piece of a detail that says only how long: "for 30 yrs", "nearly twenty-two years" (the fact was cut away)
_STRETCH_ONLY = re.compile(
    r"(?:(?:for|about|around|over|nearly|almost|just|some|another|a\s+good)\s+)*"
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:[- ]\w+)?|several|"
    r"many|a\s+few|few)\s+(?:more\s+)?(?:years?|yrs?|months?|mths?|weeks?|wks?|days?|decades?|seasons?|winters?|"
    r"summers?)\W*$",
    re.IGNORECASE,
)

_PIECE_LEAD = re.compile(r"(?:['’]s\b|(?:and|or|but)\b)[\s,]*", re.IGNORECASE)

_EDGE_WORDS = re.compile(
    r"^(?:(?:at|in|on|of|for|from|with|to|and|the|a|an|by|near|about)\b[\s,]*)+"
    r"|(?:[\s,]+(?:at|in|on|of|for|from|with|to|and|the|a|an|by|near|about|outside|inside|behind|beyond|across|"
    r"around|past|into|onto|through|under|between|during|every|each|'s|s))+[\s,]*$",
    re.IGNORECASE,
)


def _clear_of_others(
    c: Span, spans: list[Span], text: str, time_words: re.Pattern[str], cut: tuple[float, float] = (0.0, 6.0)
) -> list[tuple[int, int]]:
    """The detail's phrase without what other labels claim. A specific date or an age inside it would
    make the overlap resolution drop the detail: the phrase is split around it ("worked on the ferries
    until <May 2019>"); a vague stretch of time within it ("spent ten years as a ship's cook") is no
    date and never reaches the caller's ``spans``. A name inside it is left for the resolution to cut
    out, unless only a trailing prepositional phrase follows the name ("... at <place> for years": the
    phrase stops before the name) or only function words precede it. Pieces with nothing worth
    flagging are dropped; where only names, places and organisations cut it, so are the pieces after the
    first of one word, not a rare one (``cut``: :func:`~qualdeid.detect.finalise.worth_flagging`; a date
    or an age cut out is part of the fact: "is the mother of <eight-year-old> twins")."""
    pieces = [(c.start, c.end)]
    timed = False  # a date or an age was cut out of the detail
    for s in sorted(spans, key=lambda s: s.start):
        if s.label == RARE_DETAIL:
            continue
        timed |= s.label not in DIRECT_LABELS and s.start < c.end and c.start < s.end
        out: list[tuple[int, int]] = []
        for start, end in pieces:
            if s.end <= start or s.start >= end:
                out.append((start, end))
            elif s.label in DIRECT_LABELS and start < s.start:
                tail = text[s.end : end].lstrip(" ,")
                if not tail or (_EDGE_WORDS.match(tail) and not _content(time_words.sub(" ", tail))):
                    out.append((start, s.start))
                else:  # "rowed for <country> at the junior world championships": resolution cuts the name out
                    out.append((s.end if not _content(text[start : s.start]) else start, end))
            else:
                if start < s.start:
                    out.append((start, s.start))
                if s.end < end:
                    out.append((s.end, end))
        pieces = out
    trimmed = [_trim(text, start, end, (start, end) != (c.start, c.end)) for start, end in pieces]
    kept = [
        p
        for p in trimmed
        if p
        and _content(text[p[0] : p[1]]) >= (1 if p == (c.start, c.end) else _MIN_PIECE)
        and not _STRETCH_ONLY.match(text[p[0] : p[1]])  # no piece that is only how long: "for 30 yrs"
    ]
    if timed:
        return kept
    worth = worth_flagging(text, [replace(c, start=start, end=end) for start, end in kept], *cut)
    return [(p.start, p.end) for p in worth]


def _trim(text: str, start: int, end: int, cut: bool) -> tuple[int, int] | None:
    """A piece cut out of a detail without the punctuation at its edges and function words at its end."""
    if end <= start:
        return None
    if not cut:
        return start, end
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" ,;:-"))
    piece = piece.strip(" ,;:-")
    # what is left of the name's possessive, or a conjunction, opens no detail: "<Ana>'s team", "... and coaches"
    if m := _PIECE_LEAD.match(piece):
        lead += m.end()
        piece = piece[m.end() :]
    # leading function words stay: "worked <nights> at the abattoir" keeps "at the abattoir"
    m = _EDGE_WORDS.search(piece, 1)
    while m and m.group() and m.start() > 0:
        piece = piece[: m.start()]
        m = _EDGE_WORDS.search(piece, 1)
    if not any(ch.isalpha() for ch in piece):
        return None
    start += lead
    return start, start + len(piece)


_FUNCTION_WORDS = frozenset(
    [
        "'s",
        "s",
        "a",
        "an",
        "the",
        "is",
        "was",
        "be",
        "been",
        "being",
        "were",
        "are",
        "am",
        "has",
        "had",
        "have",
        "he",
        "she",
        "they",
        "i",
        "we",
        "you",
        "it",
        "his",
        "her",
        "their",
        "as",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "and",
        "or",
        "but",
        "used",
        "also",
        "still",
        "once",
        "then",
        "since",
        "every",
        "each",
        "all",
        "ago",
        "when",
        "than",
        "there",
        "that",
        "this",
        "these",
        "those",
        "from",
        "by",
        "up",
        "down",
        "out",
        "over",
    ]
)


_MIN_PIECE = 3  # letters of content a piece cut out of a detail needs to be worth flagging


def _content(piece: str) -> int:
    """Letters in the words of ``piece`` that are not function words."""
    return sum(len(w) for w in re.findall(r"[\w']+", piece.lower()) if w not in _FUNCTION_WORDS)


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|me|my|myself|we|our|us)\b")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _subject(doc: Document, c: Span, persons: list[tuple[int, int]]) -> str:
    """Whom a detail is about, as far as the text says without a parse: the last name before it in its
    sentence, else the writer or speaker ("I", "my") of this document, else the last name before it in
    the document, else this document's one subject."""
    text = doc.text
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, c.start - 400), c.start)), default=0)
    before = [(s, e) for s, e in persons if e <= c.start]
    if before and before[-1][0] >= sentence:
        return _name_key(text[before[-1][0] : before[-1][1]])
    if _FIRST_PERSON.search(text, sentence, c.end):
        return f"{doc.id}/I"
    return _name_key(text[before[-1][0] : before[-1][1]]) if before else doc.id


def _name_key(name: str) -> str:
    """A name as the same person across variants: its first word ("Joe" of "Joe Bloggs", "Joe's")."""
    words = name.split()
    return words[0].lower().removesuffix("'s") if words else name


#: the detector of the names found once and then everywhere in the corpus (detect/names/)
_NAME_RULES = "names"

_KEY_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _rare_only_in_names(text: str, c: RareCandidate, spans: Sequence[Span]) -> bool:
    """Every word of the detail that made it rare (its key terms) stands, capitalised, inside a person's name the
    name rules found across the corpus: the finder took a name no detector had found yet for a rare word ("rang
    <name> about the van", "sat with <name> all afternoon"). A key term that is no word of the detail (a reason
    counted instead) proves nothing, nor does a word in lower case ("used to play cello", however the name rules
    read "cello") or a person of NER's (it reads a biplane's or a boat's name as a person)."""
    persons = [
        s for s in spans if s.label == PERSON and s.detector == _NAME_RULES and s.start < c.end and c.start < s.end
    ]
    if not persons or not c.key_terms:
        return False
    keys = set(c.key_terms)
    found = [m for m in _KEY_WORD.finditer(text, c.start, c.end) if m.group().lower() in keys]
    if any(not m.group()[0].isupper() for m in found):
        return False
    return bool(found) and all(any(p.start <= m.start() and m.end() <= p.end for p in persons) for m in found)


def _inside_other(c: Span, spans: list[Span]) -> bool:
    return any(s.label != RARE_DETAIL and s.start <= c.start and c.end <= s.end for s in spans)


#: the words of a detail that say what it is about
_PLAIN_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})

_DANGLING = frozenset({"which", "that", "who", "whose", "whom", "both", "all", "each", "every", "some", "any"})


def _denied(
    ctx: RareContext, hit: Hit, denials: frozenset[str], fillers: frozenset[str], breakers: frozenset[str]
) -> bool:
    """The text denies the detail of its subject: a form of "be" and a negation before the detail's
    first word, with only fillers between ("was no <role>", "is not just a <role>", "'m not a <trait>");
    a breaker after the negation affirms it again ("was no longer a <role>")."""
    sdoc, lowers = ctx.sdoc, ctx.words.lowers
    start = ctx.bounds[hit.start][0]
    j = hit.start
    while j < hit.end and (lowers[j] in fillers or lowers[j] in denials or sdoc[j].lemma_ == "be"):
        j += 1
    k = j - 1
    while k >= start and lowers[k] in fillers:
        k -= 1
    return (
        start < k < j
        and lowers[k] in denials
        and sdoc[k - 1].lemma_ == "be"
        and not (j < len(sdoc) and lowers[j] in breakers)
    )


def _by_a_name(ctx: RareContext, hit: Hit) -> bool:
    """The hit touches a name, a place or a date another detector found (the token before or after it), or holds a
    capitalised word inside its sentence that none found: the detail may be what covers a name's title or a name no
    recogniser knows ("is <title> | <Name>", "<INITIALS> = <a rare singer>"), so the clause judge's veto spares it."""
    sdoc = ctx.sdoc
    if hit.start > 0 and ctx.named[sdoc[hit.start - 1].idx]:
        return True
    if hit.end < len(sdoc) and ctx.named[sdoc[hit.end].idx]:
        return True
    return any(
        t.text[:1].isupper() and not t.is_sent_start and t.is_alpha and not ctx.named[t.idx]
        for t in sdoc[hit.start : hit.end]
    )


def _tidy_end(sdoc: Doc, floor: int, end: int) -> int:
    """The phrase without words left dangling at its end ("keeps snakes in her room which")."""
    while end > floor:
        t = sdoc[end - 1]
        particle = t.tag_ == "RP" or t.lower_ in ("out", "up", "off", "back", "down", "away")  # "pop it out"
        if t.lower_ in _DANGLING or t.tag_ == "DT" or (t.pos_ in ("ADP", "CCONJ", "SCONJ", "PUNCT") and not particle):
            end -= 1
        else:
            break
    return end


def _merge(cands: list[RareCandidate], text: str) -> list[RareCandidate]:
    """Overlapping candidates become one; confirmed details joined by "and" or "," become one phrase;
    a pending mention inside a confirmed detail is dropped."""
    out: list[RareCandidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end, STATUS_RANK[c.status])):
        if out:
            last = out[-1]
            gap = text[last.end : c.start].strip().lower()
            joinable = last.status != PENDING and c.status != PENDING and gap in ("and", ",", ", and")
            if c.start < last.end or (joinable and c.start - last.end <= 6):
                if c.status == PENDING and last.status != PENDING:
                    continue
                if last.status == PENDING and c.status != PENDING:
                    last = replace(last, status=c.status, reason=c.reason, subtype=c.subtype, score=c.score)
                elif STATUS_RANK[c.status] < STATUS_RANK[last.status]:
                    last = replace(last, status=c.status)
                out[-1] = replace(
                    last,
                    end=max(last.end, c.end),
                    key_terms=tuple(dict.fromkeys(last.key_terms + c.key_terms)),
                    echo_keys=tuple(dict.fromkeys(last.echo_keys + c.echo_keys)),
                )
                continue
        out.append(c)
    return out
