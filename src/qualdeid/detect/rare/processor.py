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
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Token

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.rare.animals import AnimalPatterns
from qualdeid.detect.rare.biography import BiographyPatterns
from qualdeid.detect.rare.body import BodyPatterns
from qualdeid.detect.rare.events import EventPatterns
from qualdeid.detect.rare.family import FamilyPatterns
from qualdeid.detect.rare.finder import STATUS_RANK, Hit, Status
from qualdeid.detect.rare.frames import (
    ACHIEVEMENT,
    EVENT,
    LANGUAGE,
    LOSS,
    OPERATE,
    POSSESSION,
    REPORTING,
    ROLE,
    USED_TO,
    DocWords,
    Frame,
    extend_np_left,
    extend_relative,
    extend_right,
    find_frame,
    frame_at_verb,
    is_np_token,
)
from qualdeid.detect.rare.lexicon import RareRules, TermMatch, frequency_text, zipf
from qualdeid.detect.rare.patterns import PhrasePatterns
from qualdeid.detect.rare.roles import RolePatterns
from qualdeid.labels import DIRECT_LABELS, RARE_DETAIL
from qualdeid.rules import Rules

UNUSUAL_WORD = "unusual_word"  # a term whose only evidence is its general-language frequency

_DESCRIPTIONS = {
    "occupation": "unusual occupation",
    "hobby": "unusual hobby or skill",
    "life_event": "rare life event or achievement",
    "physical_trait": "distinctive physical trait",
    "pet": "unusual animal kept",
    "family": "unusual family situation",
    "minority": "minority status rare in most settings",
    "language": "speaks or signs a less common language",
    "setting": "unusual job or pastime (distinctive place or vehicle)",
    UNUSUAL_WORD: "unusual past activity or role",
}
_SUBTYPES = {"setting": "occupation", UNUSUAL_WORD: "activity"}
_NAME_ENTITIES = frozenset(
    {"PERSON", "GPE", "LOC", "ORG", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LANGUAGE"}
    | {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)
#: "has a banjo" says little; "keeps bees", "breeds alpacas" say something
_MERE_POSSESSION = frozenset({"have", "get", "own", "wear", "carry", "sport", "bring", "hold"})
_ACTING = frozenset({USED_TO, ROLE, ACHIEVEMENT, EVENT, LOSS, LANGUAGE, POSSESSION, OPERATE})

#: lexicons of things and people: a one-word entry matched through a verb's lemma ("judged") is not one
_NOUN_CATEGORIES = frozenset({"occupation", "pet", "setting", "family"})

ACCEPTED, CORPUS_CHECK, PENDING = Status.ACCEPTED, Status.CORPUS_CHECK, Status.PENDING


@dataclass(frozen=True, slots=True)
class RareCandidate(Span):
    """A first-pass candidate: a span and what the second pass needs to decide on it. Candidates
    travel to the second pass as they are (pickled, possibly through a worker process)."""

    status: Status = Status.ACCEPTED
    key_terms: tuple[str, ...] = ()  # lemmas counted across the corpus
    echo_keys: tuple[str, ...] = ()  # distinctive lemmas: flagged wherever they recur in the corpus


class RareDetailProcessor:
    """A :class:`~qualdeid.detect.processors.CorpusProcessor` for rare personal details."""

    name = "rare"

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.rr = RareRules.load(rules)
        t = self.rr.threshold
        self.rare_zipf = t("rare_zipf", 3.0)
        self.very_rare_zipf = t("very_rare_zipf", 2.8)
        self.min_known_zipf = t("min_known_zipf", 1.0)
        self.echo_zipf = t("echo_zipf", 3.6)
        self.corpus_max_docs = t("corpus_max_docs", 3)
        self.corpus_max_share = t("corpus_max_share", 0.15)
        self.max_tokens = int(t("max_tokens", 14))
        self.patterns = PhrasePatterns(self.rr, self.max_tokens, self.rare_zipf)
        self.body = BodyPatterns(self.rr, self.max_tokens)
        self.family = FamilyPatterns(self.rr, self.max_tokens, self.rare_zipf)
        self.events = EventPatterns(self.rr, self.max_tokens)
        self.animals = AnimalPatterns(self.rr, self.max_tokens)
        self.biography = BiographyPatterns(self.rr, self.max_tokens)
        self.roles = RolePatterns(
            self.rr, self.max_tokens, t("role_zipf", 3.6), t("modifier_zipf", 3.3), self.min_known_zipf
        )
        self.doc_counts: dict[str, int] = {}
        self.confirmed: set[str] = set()
        self.documents = 0

    # ------------------------------------------------------------------ first pass (worker)

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[RareCandidate], Any]:
        named = bytearray(len(doc.text))
        for s in spans:
            if s.label != RARE_DETAIL:
                named[s.start : s.end] = b"\x01" * (s.end - s.start)
        sent_bounds = _sentence_bounds(sdoc)
        found: list[RareCandidate] = []
        all_matches = self.rr.match_terms(sdoc)
        matches = [
            m
            for m in all_matches
            if m.category != "common"
            and not (
                m.category in _NOUN_CATEGORIES
                and m.end - m.start == 1
                and sdoc[m.start].pos_ in ("VERB", "AUX")
                and sdoc[m.start].lower_ != m.entry
            )
        ]
        common_tokens = {i for m in all_matches if m.category == "common" for i in range(m.start, m.end)}
        lexicon_tokens = {i for m in matches for i in range(m.start, m.end)}
        for t in sdoc:
            if t.i not in lexicon_tokens and t.i not in common_tokens and self._is_unusual_word(t, named):
                matches.append(TermMatch(t.i, t.i + 1, UNUSUAL_WORD, t.lemma_.lower()))
        for m in matches:
            cand = self._judge_term(sdoc, m, sent_bounds)
            if cand is not None:
                found.append(cand)
        categories = {i: m.category for m in all_matches for i in range(m.start, m.end)}
        found.extend(self._pattern_candidates(sdoc, sent_bounds, named, lexicon_tokens, categories))
        merged = [
            c if c.status == PENDING else replace(c, echo_keys=self._echo_keys(sdoc, c))
            for c in _merge(found, doc.text)
        ]
        observation = (
            frozenset(k for c in merged for k in c.key_terms),
            frozenset(k for c in merged if c.status != PENDING for k in c.echo_keys),
        )
        return merged, observation

    def _is_unusual_word(self, t: Token, named: bytearray) -> bool:
        if t.pos_ not in ("NOUN", "VERB") or not t.is_alpha or len(t) < 4 or t.is_stop:
            return False
        if named[t.idx] or t.ent_type_ in _NAME_ENTITIES or (t.is_title and not t.is_sent_start):
            return False
        z = zipf(t.lower_)
        return self.min_known_zipf <= z < self.echo_zipf and t.lemma_.lower() not in self.rr.common_words

    def _judge_term(self, sdoc: Doc, m: TermMatch, bounds: list[tuple[int, int]]) -> RareCandidate | None:
        sent_start, sent_end = bounds[m.start]
        first = sdoc[m.start]
        # a lexicon noun used as a verb after "to" ("used to referee") is judged in the verb's own frame
        as_verb = first.lower_ == m.entry and m.start > 0 and sdoc[m.start - 1].lower_ == "to"
        if first.pos_ == "VERB" and (m.category == UNUSUAL_WORD or m.verb or as_verb):
            frame = frame_at_verb(sdoc, m.start, sent_start, self.rr)
            np_start = m.start
        else:
            np_start = extend_np_left(sdoc, m.start, sent_start)
            frame = find_frame(sdoc, np_start, sent_start, self.rr)
        z = self._term_zipf(sdoc, m)
        status = self._decide(sdoc, m, frame, z, np_start)
        if status is None:
            frame, status = self._relative_clause(sdoc, m, np_start, sent_start, sent_end, z)
        if status is None:
            if z >= self.echo_zipf or m.category in ("language", "minority"):
                return None
            end = extend_right(sdoc, m.end, sent_end, m.end + 3, max_pps=0)
            return self._candidate(sdoc, np_start, end, m, PENDING, z)
        # "his scorpion", "her pet stick insects": owned, and the verb around it says nothing about keeping it
        owned_only = m.category == "pet" and _owned(sdoc, np_start, m) and not frame.kinds & {POSSESSION, USED_TO}
        if owned_only:
            return self._candidate(sdoc, np_start, m.end, m, status, z)
        if frame.verb is None or (REPORTING in frame.kinds and not frame.kinds & {USED_TO, ROLE}):
            start, max_pps = np_start, 1
        else:
            start, max_pps = frame.start, 2
        end = extend_right(sdoc, m.end, sent_end, start + self.max_tokens, max_pps=max_pps)
        if frame.verb is not None and frame.verb > m.start:  # relative clause: "the X she used to breed"
            end = extend_right(sdoc, frame.verb + 1, sent_end, start + self.max_tokens, max_pps=1)
        elif m.category in ("family", "pet"):  # "an identical twin who is a police officer"
            end = extend_relative(sdoc, max(end, m.end), sent_end, start + self.max_tokens + 4)
        return self._candidate(sdoc, start, max(end, m.end), m, status, z)

    def _term_zipf(self, sdoc: Doc, m: TermMatch) -> float:
        """The rarest word of the term, in its dictionary form ("alpacas" counts as "alpaca")."""
        if m.category != UNUSUAL_WORD:
            words = [w for w in m.entry.replace("-", " ").split() if w.isalpha()]
            if words:
                return min(zipf(w) for w in words)
        t = sdoc[m.start]
        return max(zipf(t.lower_), zipf(t.lemma_.lower()))

    def _decide(self, sdoc: Doc, m: TermMatch, frame: Frame, z: float, np_start: int) -> str | None:
        kinds = frame.kinds
        reporting = REPORTING in kinds and not kinds & {USED_TO, ROLE}
        verb_lemma = sdoc[frame.verb].lemma_.lower() if frame.verb is not None else ""
        if kinds == {POSSESSION} and verb_lemma in _MERE_POSSESSION and m.category not in ("physical_trait", "pet"):
            kinds = frozenset()
        rare_word = z < self.rare_zipf
        # a hobby's verb says someone does it when habitual: "juggles", "used to juggle", not "juggled the oranges"
        habitual = m.verb and (sdoc[m.start].tag_ in ("VBZ", "VBP") or USED_TO in kinds)
        person_activity = "activity" in kinds and frame.person_subject and (rare_word or habitual)
        acting = not reporting and bool(kinds & _ACTING or person_activity)
        strong = " " in m.entry or z < self.very_rare_zipf
        cat = m.category
        words = self.rr.words
        if cat == UNUSUAL_WORD:
            if not rare_word or reporting:
                return None
            direct = frame.verb is not None and all(
                is_np_token(sdoc[i]) or sdoc[i].pos_ == "ADV" or sdoc[i].lower_ == "as"
                for i in range(frame.verb + 1, np_start)
            )
            if USED_TO in kinds or (ROLE in kinds and frame.verb is None):
                return CORPUS_CHECK
            if ROLE in kinds and direct and frame.person_subject:
                return CORPUS_CHECK
            return None
        if cat == "language":
            if m.entry in self.rr.common_languages:
                return None
            before = {sdoc[i].lower_ for i in range(max(0, m.start - 2), m.start)}
            if LANGUAGE in kinds or before & words("language_markers") or "sign" in m.entry:
                return ACCEPTED
            return None
        if cat == "setting":
            return ACCEPTED if not reporting and kinds & {USED_TO, ROLE, OPERATE} else None
        if cat == "pet":
            if (np_start < m.start and sdoc[m.start - 1].lower_ == "pet") or (not reporting and POSSESSION in kinds):
                return ACCEPTED
            if _owned(sdoc, np_start, m):  # "his scorpion", "their iguanas"
                return ACCEPTED
            return ACCEPTED if strong and acting else None
        if cat == "minority":
            return ACCEPTED if (" " in m.entry) or (kinds & {USED_TO, ROLE} and not reporting) else None
        if cat == "life_event" and m.entry in words("achievement_nouns") | words("achievement_nouns_scaled"):
            left = {sdoc[i].lower_ for i in range(np_start, m.start)}
            champion_of = m.entry in ("champion", "champ") and m.start > np_start
            scaled = bool(left & words("achievement_scale"))
            if champion_of or scaled or (ACHIEVEMENT in kinds and m.entry in words("achievement_nouns")):
                return ACCEPTED
            return None
        if (
            cat == "life_event"
            and not strong
            and not kinds & {EVENT, ACHIEVEMENT, USED_TO}
            and sdoc[m.start].tag_ != "VBN"
        ):
            return None  # "was in a flood": an ordinary word for an event needs "survived", "won" ...
        return ACCEPTED if strong or acting else None

    def _relative_clause(
        self, sdoc: Doc, m: TermMatch, np_start: int, sent_start: int, sent_end: int, z: float
    ) -> tuple[Frame, str | None]:
        """``the snakes he breeds``: a term followed by a clause about someone doing it."""
        np_end = m.end
        while np_end < sent_end and sdoc[np_end].pos_ in ("NOUN", "PROPN"):
            np_end += 1
        none = Frame(frozenset(), np_start, None, False)
        if np_end >= sent_end or sdoc[np_end].lower_ not in self.rr.words("person_pronouns") | {"that", "which"}:
            return none, None
        for v in range(np_end + 1, min(sent_end, np_end + 5)):
            if sdoc[v].pos_ == "VERB" and sdoc[v].lower_ != "used":
                frame = frame_at_verb(sdoc, v, np_end + 1, self.rr)
                if m.category != UNUSUAL_WORD and frame.kinds & {USED_TO, POSSESSION, OPERATE, ROLE}:
                    return Frame(frame.kinds, np_start, v, True), ACCEPTED
                return none, None
        return none, None

    def _candidate(self, sdoc: Doc, start: int, end: int, m: TermMatch, status: str, z: float) -> RareCandidate:
        desc = _DESCRIPTIONS.get(m.category, "rare detail")
        reason = f"{desc} (general-language frequency {frequency_text(z)})" if z > 0 else desc
        keys = tuple(sdoc[i].lemma_.lower() for i in range(m.start, m.end) if sdoc[i].is_alpha and not sdoc[i].is_stop)
        end = _tidy_end(sdoc, max(start + 1, m.end), end)
        return RareCandidate(
            start=sdoc[start].idx,
            end=sdoc[end - 1].idx + len(sdoc[end - 1]),
            label=RARE_DETAIL,
            score=0.6 if status == ACCEPTED else 0.5,
            detector=self.name,
            subtype=_SUBTYPES.get(m.category, m.category),
            reason=reason,
            status=status,
            key_terms=keys or (m.entry,),
            echo_keys=_word_forms(sdoc, m) if status == PENDING else (),
        )

    def _pattern_candidates(
        self,
        sdoc: Doc,
        bounds: list[tuple[int, int]],
        named: bytearray,
        lexicon_tokens: set[int],
        categories: dict[int, str],
    ) -> list[RareCandidate]:
        """Details carried by a whole phrase rather than one rare word: achievements, representing a
        country, losing a body part, an unusually large family."""
        words = self.rr.words
        out: list[RareCandidate] = []

        def add(start: int, end: int, subtype: str, reason: str, keys: tuple[str, ...], status: str = ACCEPTED) -> None:
            end = _tidy_end(sdoc, start + 1, end)
            out.append(
                RareCandidate(
                    start=sdoc[start].idx,
                    end=sdoc[end - 1].idx + len(sdoc[end - 1]),
                    label=RARE_DETAIL,
                    score=0.6 if status == ACCEPTED else 0.5,
                    detector=self.name,
                    subtype=subtype,
                    reason=reason,
                    status=status,
                    key_terms=keys,
                )
            )

        for t in sdoc:
            if t.pos_ not in ("VERB", "AUX"):
                continue
            lemma = t.lemma_.lower()
            sent_start, sent_end = bounds[t.i]
            limit = t.i + self.max_tokens
            np_end = t.i + 1
            while np_end < sent_end and (is_np_token(sdoc[np_end]) or sdoc[np_end].pos_ == "ADV"):
                np_end += 1
            obj = sdoc[t.i + 1 : np_end]
            obj_lemmas = {w.lemma_.lower() for w in obj} | {w.lower_ for w in obj}
            frame = frame_at_verb(sdoc, t.i, sent_start, self.rr)
            if lemma in words("achievement_verbs") and obj_lemmas & words("placings") and lemma != "get":
                end = extend_right(sdoc, np_end, sent_end, limit, max_pps=1)
                if end > np_end:
                    add(frame.start, end, "life_event", "placed in a competition", ("placing",))
                    continue
            if lemma in words("loss_verbs") and obj_lemmas & words("body_parts"):
                end = extend_right(sdoc, np_end, sent_end, limit, max_pps=1)
                keys = tuple(sorted(obj_lemmas & words("body_parts")))
                add(frame.start, end, "physical_trait", "lost a body part", keys)
                continue
            cause_end = (
                self._lost_to_distinctive_cause(sdoc, t.i, np_end, sent_end) if lemma in words("loss_verbs") else None
            )
            if cause_end is not None:
                end = extend_right(sdoc, cause_end, sent_end, limit, max_pps=0)
                add(frame.start, end, "physical_trait", "lost something in a distinctive accident or event", (lemma,))
                continue
            if lemma in words("represent_verbs"):
                end = self._represented(sdoc, t.i, np_end, sent_end)
                if end:
                    end = extend_right(sdoc, end, sent_end, limit, max_pps=1)
                    add(frame.start, end, "life_event", "represented a country, state or national team", ("represent",))
        dw = DocWords(sdoc)
        hits: list[Hit] = [
            *self.patterns.find(sdoc, dw, bounds, named, lexicon_tokens),
            *self.roles.find(sdoc, dw, bounds, named, categories),
            *self.body.find(sdoc, dw, bounds),
            *self.family.find(sdoc, dw, bounds, named, categories),
            *self.events.find(sdoc, dw, bounds),
            *self.animals.find(sdoc, dw, bounds, named, categories),
            *self.biography.find(sdoc, dw, bounds, named, categories),
        ]
        for h in hits:
            add(h.start, h.end, h.subtype, h.reason, h.keys or (h.reason,), h.status)
        return out

    def _lost_to_distinctive_cause(self, sdoc: Doc, verb: int, np_end: int, sent_end: int) -> int | None:
        """End token of ``lost it in a county final``, ``lost them to frostbite``: a pronoun for
        something lost, and what took it is distinctive."""
        words = self.rr.words
        k = verb + 1
        if np_end != k or k >= sent_end or sdoc[k].lower_ not in ("it", "them"):
            return None
        k += 1
        if k >= sent_end or sdoc[k].lower_ not in ("in", "to", "at", "during", "from"):
            return None
        end = k + 1
        while end < sent_end and is_np_token(sdoc[end]):
            end += 1
        lemmas = {w.lemma_.lower() for w in sdoc[k + 1 : end]} | {w.lower_ for w in sdoc[k + 1 : end]}
        scaled = lemmas & words("achievement_nouns_scaled") and lemmas & words("achievement_scale")
        return end if lemmas & words("loss_causes") or scaled else None

    def _represented(self, sdoc: Doc, verb: int, np_end: int, sent_end: int) -> int | None:
        """End token of "<verb> [X] for <country / national team>", or of "represented <country>"."""
        team_words = self.rr.words("team_words")
        k = np_end
        levels = self.rr.words("professional_adverbs")
        pro = [m for m in range(verb + 1, min(np_end + 1, sent_end)) if sdoc[m].lower_ in levels]
        if pro:
            return pro[0] + 1  # "played professionally", "boxed semi-pro"
        if k + 1 < sent_end and sdoc[k].pos_ == "ADP" and sdoc[k].lower_ != "for":
            j = k + 1  # a position on the team first: "played in goal for ...", "up front for ..."
            while j < sent_end and is_np_token(sdoc[j]) and j - k <= 3:
                j += 1
            if j < sent_end and sdoc[j].lower_ == "for":
                k = j
        if sdoc[verb].lemma_.lower() == "represent":
            k = verb + 1
        elif k < sent_end and sdoc[k].lower_ == "for":
            k += 1
        else:
            return None
        end = k
        while end < sent_end and is_np_token(sdoc[end]):
            end += 1
        group = sdoc[k:end]
        if any(
            w.ent_type_ in ("GPE", "NORP") or w.lower_ in team_words or w.lemma_.lower() in team_words for w in group
        ):
            return end
        countries = self.rr.words("team_countries")
        names = [w.lower_ for w in group]
        if any(n in countries for n in names) or any(f"{a} {b}" in countries for a, b in pairwise(names)):
            return end
        return None

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
                and t.ent_type_ not in _NAME_ENTITIES
                and t.lemma_.lower() not in self.rr.common_words
                and zipf(t.lower_) < self.echo_zipf
            ):
                keys.extend((t.lemma_.lower(), t.lower_))
        return tuple(dict.fromkeys(keys))

    # ------------------------------------------------------------------ corpus statistics (main process)

    def observe(self, doc_id: str, observation: Any) -> None:
        self.documents += 1
        if not observation:
            return
        key_terms, confirmed = observation
        for k in key_terms:
            self.doc_counts[k] = self.doc_counts.get(k, 0) + 1
        self.confirmed.update(confirmed)

    # ------------------------------------------------------------------ second pass

    def second_pass(self, doc: Document, candidates: list[RareCandidate], spans: list[Span]) -> list[Span]:
        n = max(self.documents, 1)
        limit = max(self.corpus_max_docs, self.corpus_max_share * n)
        out: list[Span] = []
        for c in candidates:
            counts = [self.doc_counts.get(k, 1) for k in c.key_terms]
            docs = min(counts) if counts else 1
            reason = c.reason or "rare detail"
            if c.status == PENDING:
                if not set(c.echo_keys) & self.confirmed or _inside_other(c, spans):
                    continue
                reason = f"{reason}; the same detail is flagged elsewhere in the corpus"
            elif c.status == CORPUS_CHECK and docs > limit:
                continue
            for start, end in _clear_of_others(c, spans, doc.text):
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


def _word_forms(sdoc: Doc, m: TermMatch) -> tuple[str, ...]:
    forms = []
    for i in range(m.start, m.end):
        if sdoc[i].is_alpha and not sdoc[i].is_stop:
            forms.extend((sdoc[i].lemma_.lower(), sdoc[i].lower_))
    return tuple(dict.fromkeys(forms))


_EDGE_WORDS = re.compile(
    r"^(?:(?:at|in|on|of|for|from|with|to|and|the|a|an|by|near|about)\b[\s,]*)+"
    r"|(?:[\s,]+(?:at|in|on|of|for|from|with|to|and|the|a|an|by|near|about|'s|s))+[\s,]*$",
    re.IGNORECASE,
)


def _clear_of_others(c: Span, spans: list[Span], text: str) -> list[tuple[int, int]]:
    """The detail's phrase without what other labels claim. A date or an age inside it would make the
    overlap resolution drop the detail: the phrase is split around it ("spent <ten years> as a ship's
    cook"). A name inside it is left for the resolution to cut out, unless only a trailing prepositional
    phrase follows the name ("... at <place> for years": the phrase stops before the name) or only
    function words precede it. Pieces with nothing worth flagging are dropped."""
    pieces = [(c.start, c.end)]
    for s in sorted(spans, key=lambda s: s.start):
        if s.label == RARE_DETAIL:
            continue
        out: list[tuple[int, int]] = []
        for start, end in pieces:
            if s.end <= start or s.start >= end:
                out.append((start, end))
            elif s.label in DIRECT_LABELS and start < s.start:
                tail = text[s.end : end].lstrip(" ,")
                if not tail or (_EDGE_WORDS.match(tail) and not _content(_TIME_WORDS.sub(" ", tail))):
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
    return [p for p in trimmed if p and (p == (c.start, c.end) or _content(text[p[0] : p[1]]) >= _MIN_PIECE)]


def _trim(text: str, start: int, end: int, cut: bool) -> tuple[int, int] | None:
    """A piece cut out of a detail without the punctuation at its edges and function words at its end."""
    if end <= start:
        return None
    if not cut:
        return start, end
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" ,;:-"))
    piece = piece.strip(" ,;:-")
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


#: a tail of these after a name is no part of the detail: "... at <place> for ten years"
_TIME_WORDS = re.compile(
    r"\b(?:years?|months?|weeks?|days?|decades?|summers?|winters?|seasons?|springs?|autumns?|ages|while|time|"
    r"life|now|then|ago|before|after|later|since|til|until|few|several|many|most|some|long|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|\d+|nearly|almost|about|"
    r"around|over|just|good|whole|entire|working|his|her|their|my|our|last|first|next|each|every)\b",
    re.IGNORECASE,
)
_MIN_PIECE = 3  # letters of content a piece cut out of a detail needs to be worth flagging


def _content(piece: str) -> int:
    """Letters in the words of ``piece`` that are not function words."""
    return sum(len(w) for w in re.findall(r"[\w']+", piece.lower()) if w not in _FUNCTION_WORDS)


def _inside_other(c: Span, spans: list[Span]) -> bool:
    return any(s.label != RARE_DETAIL and s.start <= c.start and c.end <= s.end for s in spans)


_DANGLING = frozenset({"which", "that", "who", "whose", "whom", "both", "all", "each", "every", "some", "any"})


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


def _sentence_bounds(sdoc: Doc) -> list[tuple[int, int]]:
    """For every token, the token range of its sentence (one pass over the sentences)."""
    bounds: list[tuple[int, int]] = [(0, len(sdoc))] * len(sdoc)
    try:
        sents = list(sdoc.sents)
    except ValueError:  # no sentence boundaries set
        return bounds
    for sent in sents:
        for i in range(sent.start, sent.end):
            bounds[i] = (sent.start, sent.end)
    return bounds


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


_OWNERS = frozenset({"his", "her", "their", "my", "our", "your"})


def _owned(sdoc: Doc, np_start: int, m: TermMatch) -> bool:
    """An animal of the lexicon owned by someone ("his scorpion"), not a compound ("her spider plant")
    nor a name ("his Magpies")."""
    if not any(sdoc[i].lower_ in _OWNERS for i in range(np_start, m.start)):
        return False
    words = sdoc[m.start : m.end]
    if any(w.is_title or w.is_upper for w in words if not w.is_sent_start):
        return False
    return m.end >= len(sdoc) or (sdoc[m.end].pos_ not in ("NOUN", "PROPN", "PART") and sdoc[m.end].tag_ != "POS")
