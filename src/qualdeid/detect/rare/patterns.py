"""Rare details carried by the shape of a phrase rather than by one rare word.

Part-of-speech patterns (the pipeline runs without the dependency parser), each with its own word
lists in ``rules/rare/patterns.yaml``:

* uniqueness: "the only <group> family", "was the first <kind of person> ... to <do something>",
* performing and entertainment careers: "sang on an album", "was an extra in <a film>",
  "her years dancing at <an event>",
* crafts and small trades done habitually: "restores antique clocks", "runs a goat dairy",
* feats of travel: "walked the length of the country", "cycled from <place> to <place>",
* doing something in an unusual manner: "<does something> barefoot / blindfolded",
* being born somewhere unusual: "was born on a <vessel>",
* a record at a show: "grew the heaviest pumpkin at the county show".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.nlp.numbers import quantity_at
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import (
    USED_TO,
    is_np_token,
    phrase_end,
    run_patterns,
    verb_lemma,
)
from qualdeid.detect.rare.lexicon import RareRules

_BE = frozenset({"be", "become"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_NOT_PLACES = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME"})  # capitalised words that are no place
#: words that end the modifiers of a group noun: "the only <...> girl at ..."
_PHRASE_STOPS = frozenset({"in", "at", "on", "of", "from", "to", "who", "that", "for", "with", "by", "and", "or"})


def _unknown_plural(t: Token) -> bool:
    """A rare plural the small model tags as a verb ("breeds axolotls": VBP)."""
    return t.tag_ in ("VBP", "VBZ") and t.lower_.endswith("s") and zipf_any_spelling(t.lower_) < 2.5


#: the reason of a timed feat: its length of time is part of the fact
FEAT = "an ability timed past the usual"


class PhraseFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.rare_zipf = rr.threshold("rare_zipf")
        self.who_zipf = rr.threshold("only_who_zipf")
        self.participle_zipf = rr.threshold("only_participle_zipf")
        w = self.rr.words
        self.triggers = frozenset(
            {"born", "birth", "can", "could", *_BE}
            | w("uniqueness_markers")
            | w("career_nouns")
            | w("performing_verbs")
            | w("craft_verbs")
            | w("business_verbs")
            | w("journey_verbs")
            | w("journey_pasts")
            | w("manner_markers")
            | w("record_superlatives")
            | w("arrived_babies")
        )

    def find(self, ctx: RareContext) -> list[Hit]:
        """All pattern matches of one document. ``named`` marks characters inside other detectors'
        spans; ``lexicon`` holds the tokens matched by a rare-detail lexicon."""
        sdoc, dw, bounds, named, lexicon = ctx.sdoc, ctx.words, ctx.bounds, ctx.named, ctx.term_tokens
        patterns = (
            self._uniqueness,
            self._performing,
            self._craft,
            self._journey,
            self._manner,
            self._born,
            self._gave_birth,
            self._baby_arrived,
            self._timed_feat,
            self._show_record,
        )
        return run_patterns(patterns, sdoc, dw, self.triggers, bounds, named, lexicon)

    # ---------------------------------------------------------------- helpers

    def _lemma_in(self, t: Token, name: str) -> bool:
        words = self._w(name)
        return t.lemma_.lower() in words or t.lower_ in words

    def _unnamed_proper(self, t: Token, named: bytearray) -> bool:
        """A capitalised word no other detector claimed: the title of a show, event or group."""
        return t.pos_ in ("PROPN", "NOUN") and t.is_title and not t.is_sent_start and not named[t.idx]

    def _rare_content(self, t: Token, named: bytearray) -> bool:
        """An uncommon content word in all its forms ("scarves" is rarer than "scarf", which is not)."""
        return (
            (t.pos_ in ("NOUN", "ADJ", "VERB") or _unknown_plural(t) or (t.pos_ == "PROPN" and t.is_lower))
            and t.is_alpha
            and len(t) >= 4
            and not (named[t.idx] and (t.is_title or t.is_upper))
            and 1.0 <= max(zipf_any_spelling(t.lower_), zipf_any_spelling(t.lemma_.lower())) < self.rare_zipf + 0.3
            and t.lemma_.lower() not in self.rr.common_words
        )

    def _person_subject(self, sdoc: Doc, verb: int, sent_start: int) -> tuple[int, bool]:
        frame = self.frames.frame_at_verb(sdoc, verb, sent_start)
        return frame.start, frame.person_subject

    def _vp_end(self, sdoc: Doc, start: int, sent_end: int, limit: int, pps: int = 1) -> int:
        end = phrase_end(sdoc, start, min(sent_end, limit))
        return self.frames.extend_right(sdoc, end, sent_end, limit, max_pps=pps)

    # ---------------------------------------------------------------- patterns

    def _uniqueness(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """``the only Sikh girl``, ``was the last midwife in the valley to deliver ...``."""
        if t.lower_ not in self._w("uniqueness_markers") or t.i == ss:
            return None
        if t.lower_ == "only" and (few := self._one_of_few(sdoc, t, ss, se)) is not None:
            return few
        # "..., only Estonian girl in her year": a note's clause may drop the article
        bare = t.lower_ == "only" and (sdoc[t.i - 1].is_punct or sdoc[t.i - 1].is_sent_end)
        if sdoc[t.i - 1].lower_ != "the" and not bare:
            return None
        if t.i + 1 < se and sdoc[t.i + 1].lower_ in ("in", "of", "from"):
            return None if bare else self._first_in_scope(sdoc, t, se)
        # "the first ever woman skipper at the sailing club": "ever" before the group is a record by itself
        ever_before = t.i + 1 < se and sdoc[t.i + 1].lower_ == "ever"
        head, mods = self._group_phrase(sdoc, t.i + 1 + ever_before, se)
        if head is None and t.i + 1 < se and sdoc[t.i + 1].lower_ == "one":
            head = t.i + 1  # "the only one in <a place> who ...": generic, it needs its scope
        if head is None:
            return None
        head_tok = sdoc[head]
        generic = head_tok.lemma_.lower() in self._w("uniqueness_generic_heads")
        marked = any(
            m.ent_type_ in ("NORP", "LANGUAGE")
            or (m.is_title and not named[m.idx])
            or m.lower_ in self._w("minority_modifiers")
            for m in mods
        )
        kind = head_tok.lemma_.lower() in self._w("uniqueness_kinds") or head in lexicon or (mods and marked)
        if bare and not (marked and head_tok.lemma_.lower() in self._w("uniqueness_kinds")):
            return None
        start = t.i if bare else t.i - 1
        if not bare and start - 1 >= ss and sdoc[start - 1].lemma_.lower() in _BE:
            start -= 1
        k = head + 1
        scope = False
        if ever_before and kind and not generic and t.lower_ != "only":
            end = phrase_end(sdoc, k + 1, se) if k < se and sdoc[k].lower_ in ("in", "at", "on", "of", "for") else k
            reason = "first, last or only one to do something"
            return Hit(start, end, "life_event", reason, (head_tok.lemma_.lower(),))
        if k < se and sdoc[k].lower_ == "ever":
            scope, k = True, k + 1
            # "the oldest man ever licensed as a harbour pilot": a participle after "ever" tells the record
            if kind and not generic and k < se and sdoc[k].tag_ in ("VBN", "VBD") and sdoc[k].pos_ == "VERB":
                end = self._vp_end(sdoc, k + 1, se, start + self.max_tokens + 4)
                return self._deed(start, max(end, k + 1), head_tok)
        if k < se and sdoc[k].pos_ == "ADP" and sdoc[k].lower_ in ("in", "from", "at", "on", "of"):
            j = phrase_end(sdoc, k + 1, se)
            # a scope word ("in the valley") or a place another detector named ("in <town>")
            if any(
                sdoc[m].lemma_.lower() in self._w("uniqueness_scopes") or self._named_place(sdoc[m], named)
                for m in range(k + 1, j)
            ):
                scope = True
                k = j
            elif kind and j + 1 < se and sdoc[j].lower_ == "to" and sdoc[j + 1].pos_ in ("VERB", "AUX"):
                k = j  # "the only Tamil woman in <a region> to hold ...": the place is the scope
        if generic and not scope and t.lower_ == "only" and not bare:
            return self._sole_survivor(sdoc, start, k, se)
        if generic and not scope:
            return None
        # "the only woman to drive ...", "the only woman who (still) drove ...", "the only one in <a place>
        # who ..." (a "who" clause needs a rare word, below)
        verb = k + 1 + (k + 2 < se and sdoc[k].lower_ == "who" and sdoc[k + 1].pos_ == "ADV")
        to_or_who = verb < se and sdoc[k].lower_ in ("to", "who") and sdoc[verb].pos_ in ("VERB", "AUX")
        if to_or_who and (sdoc[k].lower_ == "to" or ((kind or scope) and t.lower_ == "only")):
            if not (kind or scope):
                return None
            end = self._vp_end(sdoc, verb + 1, se, start + self.max_tokens + 4)
            if sdoc[k].lower_ == "who" and not (marked or self._uncommon_in(sdoc, k + 1, end, named)):
                return None  # "the only man who turned up": a clause of everyday words singles no one out
            return self._deed(start, max(end, verb + 1), head_tok)
        # "the only boy driving a pony trap in the parade": a participle after the group tells the deed
        if kind and not generic and k < se and sdoc[k].tag_ == "VBG" and sdoc[k].pos_ == "VERB":
            end = self._vp_end(sdoc, k + 1, se, start + self.max_tokens + 4)
            rare_word = self._uncommon_in(sdoc, k, end, named, self.participle_zipf)
            if marked or scope or rare_word or self._scoped(sdoc, k, end):
                return self._deed(start, max(end, k + 1), head_tok)
        # "became the first Tongan woman harbourmaster": a first of a group of people named by who they are
        person_group = head_tok.lemma_.lower() in self._w("uniqueness_kinds") or any(
            m.lemma_.lower() in self._w("uniqueness_kinds") for m in mods
        )
        if t.lower_ != "only" and marked and person_group and not generic:
            reason = "the first or last one of a group"
            return Hit(start, max(k, head + 1), "minority", reason, (head_tok.lemma_.lower(),))
        if t.lower_ == "only" and (marked or (scope and kind)):
            reason = "the only one of a group in a place"
            return Hit(start, max(k, head + 1), "minority", reason, (head_tok.lemma_.lower(),))
        # "she was the only midwife on the island": a role someone held, the only one of its scope
        if t.lower_ == "only" and scope and not generic and not bare and head_tok.pos_ == "NOUN":
            frame = self.frames.frame_at_verb(sdoc, start, ss) if sdoc[start].lemma_.lower() in _BE else None
            if frame is not None and frame.person_subject:
                end = self.frames.extend_right(sdoc, k, se, frame.start + self.max_tokens, max_pps=1)
                while end > k and sdoc[end - 1].pos_ in ("ADP", "ADV", "PART", "DET", "CCONJ"):
                    end -= 1  # "... off", "... back"
                reason = "the only one of a role in a place"
                return Hit(frame.start, end, "occupation", reason, (head_tok.lemma_.lower(),))
        return None

    def _sole_survivor(self, sdoc: Doc, start: int, who: int, se: int) -> Hit | None:
        """``was the only one who walked out of the minibus``, ``the only one who survived the crash``: the one
        who lived through what the others did not (a verb of ``survivor_verbs`` without a plain thing of
        ``survival_plain`` after it, one of ``survivor_exit_verbs`` and a particle of ``survivor_exit_particles``
        with the clause ending or a craft or vehicle after it, one of ``survivor_end_verbs`` ending the clause)."""
        if who + 1 >= se or sdoc[who].lower_ != "who":
            return None
        verb = who + 1 + (who + 2 < se and sdoc[who + 1].pos_ == "ADV")
        v = sdoc[verb]
        lemma = v.lemma_.lower()
        clause_end = phrase_end(sdoc, verb + 1, se) if verb + 1 < se else se
        nxt = verb + 1
        ends = nxt >= se or sdoc[nxt].is_punct or sdoc[nxt].pos_ == "CCONJ"
        crafts = self._w("lost_craft") | self._w("rolled_vehicles") | self._w("vehicles")
        if lemma in self._w("survivor_verbs") and not ends:
            things = [sdoc[m] for m in range(nxt, clause_end) if sdoc[m].pos_ in ("NOUN", "PROPN")]
            if not things or things[-1].lemma_.lower() in self._w("survival_plain"):
                return None
            end = clause_end
        elif lemma in self._w("survivor_end_verbs") or v.lower_ in self._w("survivor_end_verbs"):
            if not ends:
                return None
            end = nxt
        elif (
            lemma in self._w("survivor_exit_verbs")
            and nxt < se
            and sdoc[nxt].lower_ in self._w("survivor_exit_particles")
        ):
            end = nxt + 1
            if end < se and sdoc[end].lower_ == "of":
                end = phrase_end(sdoc, end + 1, se)
                if not any(sdoc[m].lemma_.lower() in crafts for m in range(nxt + 2, end)) and not any(
                    sdoc[m].pos_ == "PROPN" for m in range(nxt + 2, end)
                ):
                    return None  # "the only one who walked out of the meeting"
            elif end < se and not (sdoc[end].is_punct or sdoc[end].pos_ in ("CCONJ", "ADV", "ADJ")):
                return None
        else:
            return None
        reason = "the only one who lived through something"
        return Hit(start, max(end, verb + 1), "life_event", reason, (lemma,))

    def _one_of_few(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``one of only four people in the country with ...``, ``one of the only women who carves ...``,
        ``one of only a handful of families in <a town>``: a count that singles out a few, with the
        group, its scope and what sets it apart."""
        i = t.i - 1 - (sdoc[t.i - 1].lower_ == "the")
        if i - 1 < ss or sdoc[i].lower_ != "of" or sdoc[i - 1].lower_ != "one":
            return None
        k = t.i + 1
        if k + 1 < se and sdoc[k].lower_ == "a" and sdoc[k + 1].lower_ in self._w("few_counts"):
            k += 2 + (k + 2 < se and sdoc[k + 2].lower_ == "of")  # "a handful of"
        elif k < se and sdoc[k].pos_ == "NUM":
            k += 1
        if k >= se or sdoc[k].pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None  # "one of only two": no group
        start = i - 1
        limit = start + self.max_tokens + 4
        head = phrase_end(sdoc, k, min(se, limit))
        end = self.frames.extend_right(sdoc, k, se, limit, max_pps=2)
        end = self.frames.extend_relative(sdoc, end, se, limit)
        if end < min(se, limit) and sdoc[end].tag_ == "VBG":  # "... women carving totem poles"
            end = self._vp_end(sdoc, end + 1, se, limit)
        if sdoc[head - 1].lemma_.lower() in self._w("uniqueness_generic_heads") and end <= head:
            return None  # "one of only two times", "one of the only ones": no group set apart
        return Hit(start, max(end, k + 1), "minority", "one of only a few", (sdoc[k].lemma_.lower(),))

    def _named_place(self, t: Token, named: bytearray) -> bool:
        """A capitalised word inside another detector's span that spaCy does not take for a person,
        an organisation or a date: a place ("in <town>")."""
        if t.pos_ != "PROPN":
            return False
        return t.ent_type_ in ("GPE", "LOC", "FAC") or (bool(named[t.idx]) and t.ent_type_ not in _NOT_PLACES)

    def _group_phrase(self, sdoc: Doc, first: int, se: int) -> tuple[int | None, list[Token]]:
        """The head noun after "the only" and its modifiers: "Welsh girl", "Welsh-Somali boy", "out trans
        girl", "all-women rowing crew" (hyphenated and loosely tagged modifiers included)."""
        head = first
        mods: list[Token] = []
        while head < se and sdoc[head].pos_ in ("ADJ", "PROPN", "NOUN") and head + 1 < se:
            if sdoc[head + 1].pos_ not in ("NOUN", "PROPN", "ADJ"):
                break
            mods.append(sdoc[head])
            head += 1
        hyphen = head + 1 < se and sdoc[head + 1].tag_ == "HYPH"
        if head < se and sdoc[head].pos_ in ("NOUN", "PROPN") and not hyphen:
            return head, mods
        # the tagger's slips inside a group word: the phrase runs to the last noun before a preposition
        last = None
        for i in range(first, min(se, first + 6)):
            w = sdoc[i]
            if not (w.is_alpha or w.tag_ == "HYPH") or w.lower_ in _PHRASE_STOPS:
                break
            if w.pos_ in ("NOUN", "PROPN"):
                last = i
        if last is None:
            return None, []
        return last, [sdoc[i] for i in range(first, last) if sdoc[i].is_alpha]

    def _uncommon_in(self, sdoc: Doc, start: int, end: int, named: bytearray, below: float | None = None) -> bool:
        """Has ``sdoc[start:end]`` a content word rarer than ``below`` (``who_zipf``) in general language?"""
        limit = self.who_zipf if below is None else below
        return any(
            w.pos_ in ("NOUN", "VERB", "ADJ")
            and w.is_alpha
            and not named[w.idx]
            and zipf_any_spelling(w.lower_) < limit
            for w in sdoc[start:end]
        )

    @staticmethod
    def _deed(start: int, end: int, head: Token) -> Hit:
        """The first, last or only one of a group to do something, from ``start`` to ``end``."""
        return Hit(start, end, "life_event", "first, last or only one to do something", (head.lemma_.lower(),))

    def _scoped(self, sdoc: Doc, start: int, end: int) -> bool:
        """Does a word of ``uniqueness_scopes`` close a phrase of ``sdoc[start:end]`` ("... in the valley")?"""
        return any(sdoc[m].lemma_.lower() in self._w("uniqueness_scopes") for m in range(start, end))

    def _first_in_scope(self, sdoc: Doc, t: Token, se: int) -> Hit | None:
        """``the first in his family to finish school``, ``the only one from the village to ...``."""
        k = t.i + 2
        j = phrase_end(sdoc, k, se)
        if not any(sdoc[m].lemma_.lower() in self._w("uniqueness_scopes") for m in range(k, j)):
            return None
        if j + 1 >= se or sdoc[j].lower_ != "to" or sdoc[j + 1].pos_ not in ("VERB", "AUX"):
            return None
        start = t.i - 1
        if start - 1 >= 0 and sdoc[start - 1].lemma_.lower() in _BE:
            start -= 1
        end = self._vp_end(sdoc, j + 2, se, start + self.max_tokens + 4)
        return Hit(start, max(end, j + 2), "life_event", "first, last or only one to do something", ("first_in",))

    def _performing(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """Performing and entertainment: a performing verb (or ``was a <performer>``) with a show,
        recording, company or a named event or work after it."""
        lemma = t.lemma_.lower()
        performer = False
        career = t.lower_ in self._w("career_nouns") and t.i > ss and sdoc[t.i - 1].tag_ == "PRP$"
        if career:
            if t.i + 1 >= se or sdoc[t.i + 1].tag_ != "VBG":
                return None
            verb, start = t.i + 1, t.i - 1
        elif t.pos_ == "VERB" and lemma in self._w("performing_verbs"):
            verb = t.i
            start, _ = self._person_subject(sdoc, verb, ss)
        elif lemma in _BE and t.i + 1 < se:
            np_end = phrase_end(sdoc, t.i + 1, se)
            if not any(sdoc[m].lemma_.lower() in self._w("performer_nouns") for m in range(t.i + 1, np_end)):
                return None
            start, subject = self._person_subject(sdoc, t.i, ss)
            if not subject:
                return None
            verb, performer = t.i, True
        else:
            return None
        limit = min(se, verb + 10)
        k = verb + 1
        if k + 1 < limit and sdoc[k].tag_ == "VBG" and sdoc[k + 1].pos_ == "NOUN":
            k += 1  # "sang backing vocals": a participle starting the object
        k = phrase_end(sdoc, k, limit)
        evidence = False
        end = k
        pps = 0
        while k < limit and pps < 2 and sdoc[k].pos_ == "ADP" and sdoc[k].lower_ in ("on", "in", "at", "with", "for"):
            j = phrase_end(sdoc, k + 1, limit)
            if j == k + 1:
                break
            for m in range(k + 1, j):
                w = sdoc[m]
                if (
                    w.lemma_.lower() in self._w("performance_nouns")
                    or w.ent_type_ in ("EVENT", "WORK_OF_ART")
                    or self._unnamed_proper(w, named)
                    or ((performer or career) and w.is_title and not w.is_sent_start)
                ):
                    evidence = True
            pps += 1
            k = end = j
            if evidence:
                break
        if career and not evidence:
            verb_tok = sdoc[verb]
            evidence = verb_tok.lemma_.lower() in self._w("performing_verbs") and any(
                self._rare_content(sdoc[m], named) or m in lexicon for m in range(verb, end)
            )
            evidence = evidence or any(m in lexicon for m in range(verb, end))
        if not evidence:
            return None
        return Hit(start, end, "occupation", "performing or entertainment career", (sdoc[verb].lemma_.lower(),))

    def _craft(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """``restores antique clocks``, ``runs a goat dairy``: a craft or small trade done by someone.
        Done habitually or in the past ("used to repair church bells"), any object that is not an
        everyday one counts, if few documents of the corpus share it."""
        lemma = verb_lemma(t)
        run = lemma in self._w("business_verbs")
        if not self.frames.acts_as_verb(sdoc, t.i) or not (run or lemma in self._w("craft_verbs")):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        used_to = USED_TO in frame.kinds
        habitual = t.tag_ in ("VBZ", "NNS")  # "carves": the small model may tag it NNS
        if not frame.person_subject or (t.tag_ not in ("VBZ", "VBD", "VBP", "NNS") and not used_to):
            return None
        start = frame.start
        np_end = t.i + 1
        if np_end + 1 < se and sdoc[np_end].tag_ == "VBG" and sdoc[np_end + 1].pos_ == "NOUN":
            np_end += 1  # "carves walking sticks"
        modifiers = self._w("craft_modifiers")
        while np_end < se and (
            is_np_token(sdoc[np_end]) or sdoc[np_end].lower_ in modifiers or _unknown_plural(sdoc[np_end])
        ):
            np_end += 1
        obj = [sdoc[m] for m in range(t.i + 1, np_end)]
        nouns = [w for w in obj if w.pos_ in ("NOUN", "PROPN") or _unknown_plural(w)]
        if not nouns or any(named[w.idx] and (w.is_title or w.is_upper) for w in obj):
            return None
        keys = tuple(w.lemma_.lower() for w in obj if w.pos_ == "NOUN")
        status = Status.ACCEPTED
        if run:
            ok = any(w.lemma_.lower() in self._w("business_nouns") for w in obj)
        elif lemma == "grow" and all(w.lower_ in self._w("garden_produce") for w in nouns):
            ok = False  # "grows chillies": a garden, not a craft
        elif lemma in self._w("errand_verbs") and not used_to and obj[0].lower_ in _DEFINITE:
            # "threw the spatula", "makes the wine": a thing the text knows, handled once or as a chore
            ok = any(w.lower_ in self._w("craft_modifiers") or w.i in lexicon for w in obj)
        else:
            ok = any(w.lower_ in self._w("craft_modifiers") for w in obj) or any(
                self._rare_content(w, named) for w in obj if w.pos_ == "NOUN" or _unknown_plural(w)
            )
            ok = ok or ((used_to or habitual) and any(w.lower_ in self._w("crafted_objects") for w in nouns))
            errand = lemma in self._w("errand_verbs")  # "collects his meds": a chore, whatever the object
            if not ok and not errand and (used_to or habitual) and self._unusual_object(nouns[-1], lexicon):
                ok, status = True, Status.CORPUS_CHECK
            if not ok and (used_to or habitual) and self._collection(lemma, obj, nouns[-1]):
                ok, status = True, Status.CORPUS_CHECK
            if not ok and (used_to or habitual):  # "paints tiny soldiers for wargaming tournaments"
                pp_end = self.frames.extend_right(sdoc, np_end, se, start + self.max_tokens, max_pps=1)
                if any(self._rare_content(sdoc[m], named) for m in range(np_end, pp_end) if sdoc[m].tag_ != "JJ"):
                    ok, status = True, Status.CORPUS_CHECK
        if not ok:
            return None
        end = self.frames.extend_right(sdoc, np_end, se, start + self.max_tokens, max_pps=1) if not run else np_end
        # "restores pianos for a choir": whom a craft served is part of it (not where: "in her shed")
        crafted = (
            np_end < se and sdoc[np_end].lower_ == "for" and any(w.lower_ in self._w("crafted_objects") for w in nouns)
        )
        if (
            not run
            and not crafted
            and end > np_end
            and not any(self._rare_content(sdoc[m], named) for m in range(np_end, end))
        ):
            end = np_end
        return Hit(start, end, "hobby", "unusual craft, trade or business", keys, status)

    def _collection(self, lemma: str, obj: list[Token], head: Token) -> bool:
        """``collects old bus tickets``, ``collected enamel signs``: a collection, a bare plural with a
        modifier (never a chore's things of `not_collections`: "collects dirty glasses", "collects rent")."""
        if lemma not in self._w("collection_verbs") or not obj or obj[0].pos_ in ("DET", "PRON", "NUM"):
            return False
        if head.tag_ != "NNS" or head.lemma_.lower() in self._w("not_collections") | self.rr.common_words:
            return False
        return any(w.pos_ in ("ADJ", "NOUN", "PROPN") and w.i < head.i for w in obj)

    def _unusual_object(self, head: Token, lexicon: set[int]) -> bool:
        """The head of a craft's object is not an everyday thing ("cars", "cakes", "clothes")."""
        lemma = head.lemma_.lower()
        return (
            head.pos_ == "NOUN"
            and head.is_alpha
            and lemma not in self._w("ordinary_craft_objects")
            and head.lower_ not in self._w("ordinary_craft_objects")
            and lemma not in self.rr.common_words
        )

    def _journey(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """``walked the length of the country``, ``swam from <place> to <place>``."""
        if t.pos_ != "VERB" or not (
            t.lemma_.lower() in self._w("journey_verbs") or t.lower_ in self._w("journey_pasts")
        ):
            return None
        start, person = self._person_subject(sdoc, t.i, ss)
        if not person:
            return None
        limit = min(se, t.i + 12)
        k = t.i + 1
        places = 0
        big = False
        last_place = -1
        while k < limit:
            w = sdoc[k]
            if w.ent_type_ in ("DATE", "TIME"):
                seen = {sdoc[m].lower_ for m in range(t.i + 1, k)}
                if places >= 2 and {"from", "to"} <= seen:
                    break  # "... from <town> to <town> in 1994": the way is told, then its year
                return None  # "the fieldwork ran from 13 January to ...": a span of time, not a way
            # a place is a run of place words: "from the clinic down to the Esplanade" names one
            # (NER takes an unknown town for a person, but not right after "from" or "to")
            after_from_to = sdoc[k - 1].lower_ in ("from", "to")
            proper = w.is_title and w.pos_ == "PROPN" and (after_from_to or w.ent_type_ not in _NOT_PLACES)
            if w.ent_type_ in ("GPE", "LOC") or proper:
                places += last_place != k - 1
                last_place = k
            if w.lemma_.lower() in self._w("journey_scopes"):
                big = True
            if not (is_np_token(w) or w.pos_ in ("ADP", "CCONJ") or w.lower_ == "to"):
                break
            k += 1
        text = {sdoc[m].lower_ for m in range(t.i + 1, k)}
        crossing = bool(text & self._w("crossing_words"))
        from_to = "from" in text and "to" in text and places >= 2
        if not (from_to or (crossing and (big or places)) or (big and places)):
            return None
        while k > t.i + 1 and sdoc[k - 1].pos_ in ("ADP", "CCONJ", "DET", "PART"):
            k -= 1
        end = k
        if end < se and sdoc[end].tag_ == "VBG":  # "... pushing a wheelbarrow"
            end = self._vp_end(sdoc, end + 1, se, end + 5, pps=0)
        return Hit(start, end, "life_event", "unusual journey or feat", (t.lemma_.lower(),))

    def _manner(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """``climbed the mountain blindfolded``, ``walks the coast path barefoot``."""
        if t.lower_ not in self._w("manner_markers"):
            return None
        for v in range(t.i - 1, max(ss, t.i - 7) - 1, -1):
            w = sdoc[v]
            if (w.pos_ == "VERB" or w.lemma_ == "do") and w.lower_ not in self._w("manner_markers"):
                start, person = self._person_subject(sdoc, v, ss)
                if not person or w.lemma_.lower() in self._w("reporting_verbs"):
                    return None
                return Hit(start, t.i + 1, "hobby", "does something in an unusual way", (t.lower_,))
            if not (is_np_token(w) or w.pos_ in ("ADP", "ADV", "PART")):
                return None
        return None

    def _born(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """``was born on a cargo ship``, ``born in a greenhouse``, ``born midair``: born somewhere distinctive."""
        if t.lower_ != "born" or t.i + 1 >= se:
            return None
        if (where := self._birth_adverb(sdoc, t.i + 1, se)) is not None:
            start = t.i - 1 if t.i > ss and sdoc[t.i - 1].lemma_.lower() == "be" else t.i
            end = where
            if end + 1 < se and sdoc[end].pos_ == "ADP":  # "born midair over the ocean"
                end = phrase_end(sdoc, end + 1, se)
            return Hit(start, end, "life_event", "born somewhere unusual", ("born_" + sdoc[t.i + 1].lower_,))
        if t.i + 2 >= se or sdoc[t.i + 1].pos_ != "ADP":
            return None
        np_end = phrase_end(sdoc, t.i + 2, se)
        obj = range(t.i + 2, np_end)
        places = self._w("unusual_birthplaces")
        unusual = any(sdoc[m].lemma_.lower() in places and not named[sdoc[m].idx] for m in obj)
        status = Status.ACCEPTED
        if not (unusual or any(m in lexicon or self._rare_content(sdoc[m], named) for m in obj)):
            place = self._unlisted_birthplace(sdoc, t.i + 1, se, named)
            if place is None or not self.frames.frame_at_verb(sdoc, t.i, ss).person_subject:
                return None  # "a story about being born in the sky": told of no one
            np_end, status = place, Status.CORPUS_CHECK
            obj = range(t.i + 2, np_end)
        start = t.i - 1 if t.i > ss and sdoc[t.i - 1].lemma_.lower() == "be" else t.i
        keys = tuple(sdoc[m].lemma_.lower() for m in obj)
        if status == Status.ACCEPTED:
            np_end = self._birth_route(sdoc, np_end, se, t.i + self.max_tokens)
        return Hit(start, np_end, "life_event", "born somewhere unusual", keys, status)

    def _birth_route(self, sdoc: Doc, k: int, se: int, limit: int) -> int:
        """``k`` run on over where the vessel was going or lay: "on a hovercraft <midway across the bay>", "in a
        taxi <on the bypass>" (one phrase of ``birth_route_prepositions``, after an adverb or not)."""
        j = k + 1 if k + 1 < se and sdoc[k].pos_ == "ADV" and sdoc[k + 1].pos_ == "ADP" else k
        if j < se and sdoc[j].pos_ == "ADP" and sdoc[j].lower_ in self._w("birth_route_prepositions"):
            end = self.frames.extend_right(sdoc, j, se, limit, max_pps=1)
            return end if end > j + 1 else k
        return k

    def _birth_adverb(self, sdoc: Doc, k: int, se: int) -> int | None:
        """End of a word of ``unusual_birth_adverbs`` at token ``k`` ("midair", "at sea"), or ``None``."""
        for n in (3, 2, 1):
            if k + n <= se and sdoc[k : k + n].text.lower() in self._w("unusual_birth_adverbs"):
                return k + n
        return None

    def _unlisted_birthplace(self, sdoc: Doc, prep: int, se: int, named: bytearray) -> int | None:
        """End of a place no list names after the preposition at ``prep`` ("in a greenhouse", "on the verge
        of the ring road"), or ``None`` when it is a name, an ordinary place or a time."""
        if sdoc[prep].lower_ not in self._w("birth_place_prepositions"):
            return None
        end = phrase_end(sdoc, prep + 1, se)
        heads = [end - 1] if end > prep + 1 else []
        if end + 1 < se and sdoc[end].lower_ == "of":  # "in the back of a van", "on the steps of the museum"
            after = phrase_end(sdoc, end + 1, se)
            if after > end + 1:
                heads.append(after - 1)
                end = after
        ordinary = self._w("ordinary_birthplaces")
        for h in heads:
            w = sdoc[h]
            if w.pos_ != "NOUN" or not w.is_alpha or named[w.idx] or w.ent_type_:
                continue
            if any(sdoc[m].lemma_.lower() in ordinary or sdoc[m].like_num for m in range(prep + 1, h + 1)):
                return None
            return end
        return None

    def _baby_arrived(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """``had the baby in the back of a minibus``, ``the twins came in the lift``: a birth told without "born" or
        "birth", by a child of ``arrived_babies`` had by someone (a form of "have" before it, a determiner or a
        possessive between) or coming or arriving (``arrival_verbs`` after it), then at most one adverb and a
        preposition, and a place of ``unusual_birthplaces`` that ends the phrase after it. A son or a daughter
        had somewhere, or a child a man had, is none ("had his daughter on the bus with him")."""
        k = t.i - 1
        if k >= ss and sdoc[k].tag_ in ("DT", "PRP$"):
            k -= 1
        # "delivered a baby in the back of a lorry": a birth someone saw through, somewhere unusual
        delivered = k >= ss and sdoc[k].lemma_.lower() in self._w("delivery_verbs") and k < t.i - 1
        had = delivered or (k >= ss and sdoc[k].lemma_.lower() == "have" and k < t.i - 1)
        if (
            had
            and not delivered
            and (t.lemma_.lower() in ("son", "daughter") or (k > ss and sdoc[k - 1].lower_ == "he"))
        ):
            return None  # "had his daughter on the bus with him" is no birth
        j = t.i + 1
        if not had:
            if j >= se or sdoc[j].lemma_.lower() not in self._w("arrival_verbs"):
                return None
            j += 1
        if j < se and sdoc[j].pos_ == "ADV":
            j += 1
        if j + 1 >= se or sdoc[j].pos_ != "ADP" or sdoc[j].lower_ not in self._w("birth_place_prepositions"):
            return None
        end = phrase_end(sdoc, j + 1, se)
        if end + 1 < se and sdoc[end].lower_ == "of":  # "in the back of a minibus"
            end = phrase_end(sdoc, end + 1, se)
        places = self._w("unusual_birthplaces")
        last = sdoc[end - 1]
        where = [last] if last.lemma_.lower() in places and not named[last.idx] else []
        if delivered and not where and last.pos_ == "PROPN" and sdoc[end - 2].lower_ in ("a", "an"):
            where = [last]  # "delivered a baby in the back of a <make of vehicle>": a thing with a name is no home
        if not where:
            return None  # "had a baby in the car seat": the place is the phrase's last word
        if had:  # "having the baby in a helicopter": the have of the birth opens it where no person is its subject
            frame = self.frames.frame_at_verb(sdoc, k, ss)
            start = frame.start if frame.person_subject else k
        else:
            start = t.i - 1 if t.i > ss and sdoc[t.i - 1].tag_ in ("DT", "PRP$") else t.i
        end = self._birth_route(sdoc, end, se, t.i + self.max_tokens)
        keys = tuple(w.lemma_.lower() for w in where)
        return Hit(start, end, "life_event", "gave birth somewhere unusual", keys)

    def _timed_feat(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """``can solve the puzzle in under ten seconds``, ``can hold his breath for three minutes``: an
        ability with a time few reach (``feat_time_markers`` before a count of ``feat_units``, a breath held
        for a count of ``breath_units``)."""
        if t.lower_ not in ("can", "could") or t.tag_ != "MD" or t.i - 1 < ss:
            return None
        subject = sdoc[t.i - 1]
        person = subject.lower_ in self.frames.person_pronouns or subject.pos_ == "PROPN"
        if not person and not (subject.lower_ == "and" and t.i + 1 < se):
            return None
        if not person and not self.frames.frame_at_verb(sdoc, t.i + 1, ss, shared_subject=True).person_subject:
            return None  # "... is 15 and can ...": the subject of the sentence's first verb
        markers, units, breath_units = self._w("feat_time_markers"), self._w("feat_units"), self._w("breath_units")
        stop = min(se, t.i + 14)
        for k in range(t.i + 2, stop - 1):
            w = sdoc[k]
            if w.pos_ == "PUNCT":
                return None
            if w.lower_ in ("a", "an", "per") and sdoc[k + 1].lower_ in self._w("feat_rate_units"):
                return self._rate_feat(sdoc, t.i, k)
            if w.lower_ in units | breath_units and sdoc[k - 1].like_num:
                before = {sdoc[m].lower_ for m in range(max(t.i, k - 4), k - 1)}
                breath = any(sdoc[m].lower_ == "breath" for m in range(t.i + 1, k))
                if (w.lower_ in units and before & markers) or (breath and "for" in before):
                    return Hit(t.i, k + 1, "hobby", FEAT, (w.lower_,))
                return None
        return None

    def _rate_feat(self, sdoc: Doc, modal: int, per: int) -> Hit | None:
        """``could fold two thousand biscuits an hour``: an ability told as a count per unit of time, a
        count of ``feat_rate_min`` or more, of a verb that is no mere taking or earning (``feat_rate_plain``)."""
        verb = modal + 1 + (sdoc[modal + 1].pos_ == "ADV")
        if sdoc[verb].pos_ != "VERB" or verb_lemma(sdoc[verb]) in self._w("feat_rate_plain"):
            return None
        counts = [q[0] for k in range(verb + 1, per) if (q := quantity_at(sdoc, k, per)) is not None]
        if not counts or max(counts) < self.rr.threshold("feat_rate_min"):
            return None
        return Hit(modal, per + 2, "hobby", FEAT, (sdoc[verb].lemma_.lower(),))

    def _gave_birth(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """``gave birth to her son on the night bus``, ``gave birth in the back of a taxi``: a birth somewhere
        of ``unusual_birthplaces``, told by the mother."""
        if t.lower_ != "birth" or t.i - 1 < ss or sdoc[t.i - 1].lemma_.lower() != "give":
            return None
        k = t.i + 1
        if k + 1 < se and sdoc[k].lower_ == "to" and sdoc[k + 1].tag_ == "PRP":
            if sdoc[k + 1].lower_ not in self._w("birth_objects"):
                return None
            k += 2  # "to him", the child told by a pronoun
        elif k < se and sdoc[k].lower_ == "to":
            k = phrase_end(sdoc, k + 1, se)  # "to her son", not "to a new idea"
            if not any(self._lemma_in(sdoc[m], "birth_objects") for m in range(t.i + 2, k)):
                return None
        if k + 1 >= se or sdoc[k].pos_ != "ADP":
            return None
        end = phrase_end(sdoc, k + 1, se)
        if end + 1 < se and sdoc[end].lower_ == "of":  # "on the back seat of a bus"
            end = phrase_end(sdoc, end + 1, se)
        places = self._w("unusual_birthplaces")
        where = [sdoc[m] for m in range(k + 1, end) if sdoc[m].lemma_.lower() in places and not named[sdoc[m].idx]]
        status = Status.ACCEPTED
        if not where:
            unlisted = self._unlisted_birthplace(sdoc, k, se, named)
            if unlisted is None:
                return None
            end, status = unlisted, Status.CORPUS_CHECK
            where = [sdoc[m] for m in range(k + 1, end) if sdoc[m].pos_ == "NOUN" and not named[sdoc[m].idx]]
        frame = self.frames.frame_at_verb(sdoc, t.i - 1, ss)
        start = frame.start if frame.person_subject else t.i - 1
        keys = tuple(w.lemma_.lower() for w in where)
        return Hit(start, end, "life_event", "gave birth somewhere unusual", keys, status)

    def _show_record(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: set[int]) -> Hit | None:
        """``grew the heaviest pumpkin at the county show``, ``had the longest beard in the
        competition``: a superlative of something someone grew, bred or made, at a show or contest."""
        if t.tag_ != "JJS" or t.i - 2 < ss or sdoc[t.i - 1].lower_ != "the":
            return None
        verb = t.i - 2
        if sdoc[verb].pos_ != "VERB" or sdoc[verb].lemma_.lower() in self._w("record_plain_verbs"):
            return None
        head = phrase_end(sdoc, t.i + 1, se)
        if head == t.i + 1 or head + 2 >= se or sdoc[head].lower_ not in ("at", "in", "of"):
            return None
        end = phrase_end(sdoc, head + 1, se)
        if not any(self._lemma_in(sdoc[m], "record_events") for m in range(head + 1, end)):
            return None
        start, person = self._person_subject(sdoc, verb, ss)
        if not person:
            return None
        # "... four times running": how often is part of the record
        if (
            end + 2 < se
            and sdoc[end + 1].lower_ in ("years", "times")
            and sdoc[end + 2].lower_ in ("running", "straight")
        ):
            end += 3 if sdoc[end].like_num else 0
        return Hit(start, end, "life_event", "a record at a show or contest", (sdoc[head - 1].lemma_.lower(),))
