"""Unusual family situations told by the shape of a phrase:

* large families: "one of eleven kids", "fostered over sixty children", "raised her eight grandkids",
* rank in a large family: "the youngest of fourteen",
* raised by someone other than a parent: "raised by his nan", "brought up by nuns",
* adoption and fostering: "was adopted at six by ...", "her adopted son",
* an unusual upbringing: "grew up in a lighthouse", "grew up in care", "was raised on a boat",
* abandoned as a baby: "was found abandoned at a bus station", "left on a doorstep as a newborn",
* a multiple birth: "is expecting triplets", "pregnant with quads", "miscarried twin boys",
* bringing up a relative's children: "rears his nephews", "reared her cousin's three sons".

Word lists: ``rules/rare/family.yaml``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.nlp.numbers import approximator_start, quantity_at
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import first_hit, is_np_token
from qualdeid.detect.rare.lexicon import Category, RareRules

STAY = "lived or stayed somewhere unusual"
UPBRINGING = "unusual upbringing"
_PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "inside", "aboard"})
_MAX_PLAIN_FAMILY = 40  # beyond this, a bare count of "kids" is more likely a class or a crowd


class FamilyFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.caring_verbs = self._w("caring_verbs")
        self.upbringing_verbs = self._w("upbringing_verbs")
        self.large_family_minimum = int(rr.threshold("large_family_minimum"))
        #: children taken in or brought up count from fewer ("fostered nine children")
        self.caring_family_minimum = int(rr.threshold("caring_family_minimum"))
        self.large_grandfamily_minimum = int(rr.threshold("large_grandfamily_minimum"))
        self.rare_zipf = rr.threshold("rare_zipf")
        w = self.rr.words
        self.triggers = frozenset(
            {*w("family_rank_words"), "by", *w("adoption_verbs"), *w("adopted_words"), *self.upbringing_verbs}
            | w("abandon_verbs")
            | w("multiple_birth_words")
            | {"twin"}
            | w("multiple_birth_one")
            | w("kin_care_verbs")
        )
        self.pregnancy_gap = int(rr.threshold("pregnancy_gap"))

    def find(self, ctx: RareContext) -> list[Hit]:
        sdoc, dw, bounds, named, lexicon = ctx.sdoc, ctx.words, ctx.bounds, ctx.named, ctx.categories
        out: list[Hit] = []
        numbers = ctx.numbers
        for first, end, value, se in numbers:
            if (hit := self._large_family(sdoc, first, (value, end), bounds[first][0], se)) is not None:
                out.append(hit)
        starts = {n[0] for n in numbers}
        patterns = (
            self._rank,
            self._raised_by,
            self._adopted,
            self._upbringing,
            self._abandoned,
            self._multiple_birth,
            self._kin_raised,
        )
        for i in dw.where(self.triggers):
            if i in starts:
                continue
            ss, se = bounds[i]
            if (hit := first_hit(patterns, sdoc, sdoc[i], ss, se, named, lexicon)) is not None:
                out.append(hit)
        return out

    def _family_noun_end(self, sdoc: Doc, k: int, se: int) -> int | None:
        """End token of "kids", "foster children", "step-grandchildren" starting within 3 tokens of ``k``."""
        nouns = self.rr.words("large_family_nouns")
        for j in range(k, min(se, k + 3)):
            if sdoc[j].lemma_.lower() in nouns or sdoc[j].lower_ in nouns:
                return j + 1
            if not is_np_token(sdoc[j]):
                return None
        return None

    # ---------------------------------------------------------------- patterns

    def _large_family(self, sdoc: Doc, i: int, q: tuple[int, int], ss: int, se: int) -> Hit | None:
        """``eleven siblings``, ``one of 9 kids``, ``fostered over sixty children``."""
        value, q_end = q
        if value < min(self.large_family_minimum, self.caring_family_minimum):
            return None
        end = self._family_noun_end(sdoc, q_end, se)
        if end is None:
            return None
        noun = sdoc[end - 1]
        grand = bool({noun.lemma_.lower(), noun.lower_} & self._w("grandchild_nouns"))
        start = approximator_start(sdoc, i, ss)
        if start >= ss + 2 and sdoc[start - 2].lower_ == "one" and sdoc[start - 1].lower_ == "of":
            start -= 2
        verb = start - 1
        if verb >= ss and sdoc[verb].tag_ == "PRP$":  # "raised her eight grandchildren"
            verb -= 1
        if verb >= ss and sdoc[verb].lower_ == "up":  # "brought up nine kids"
            verb -= 1
        caring = verb >= ss and sdoc[verb].pos_ == "VERB" and sdoc[verb].lemma_.lower() in self._w("family_verbs")
        if caring:
            frame = self.frames.frame_at_verb(sdoc, verb, ss)
            if frame.person_subject or sdoc[verb].lemma_.lower() in self.caring_verbs:
                start = frame.start
        if value > _MAX_PLAIN_FAMILY and not (caring and sdoc[verb].lemma_.lower() in self.caring_verbs):
            return None
        if value < self.large_family_minimum and not (caring and sdoc[verb].lemma_.lower() in self.caring_verbs):
            return None  # "has nine children": many families have as many; fostering or raising them is a fact
        if grand and value < self.large_grandfamily_minimum and not caring:
            return None  # "has eleven grandchildren": many grandparents have as many; raising them is a fact
        if caring:
            end = self.frames.extend_right(sdoc, end, se, start + self.max_tokens, max_pps=1)
        return Hit(start, end, "family", "unusually large family", ("large_family",))

    def _rank(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``the youngest of fourteen``, ``eldest of nine kids``."""
        if t.lower_ not in self._w("family_rank_words") or t.i + 2 >= se or sdoc[t.i + 1].lower_ != "of":
            return None
        k = t.i + 2
        if sdoc[k].lower_ in ("the", "them"):
            k += 1
        q = quantity_at(sdoc, k, se)
        if q is None or q[0] < self.large_family_minimum or q[0] > _MAX_PLAIN_FAMILY:
            return None
        end = self._family_noun_end(sdoc, q[1], se) or q[1]
        if end == q[1] and q[1] < se and sdoc[q[1]].pos_ in ("NOUN", "PROPN"):
            return None  # "the first of ten sessions": a count of something else
        start = t.i - 1 if t.i > ss and sdoc[t.i - 1].lower_ == "the" else t.i
        return Hit(start, end, "family", "unusually large family", ("large_family",))

    def _raised_by(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``raised by his nan``, ``brought up by nuns``, ``adopted by a family of showmen``."""
        if t.lower_ != "by" or t.i - 1 < ss:
            return None
        v = t.i - 1
        if sdoc[v].lower_ == "up":
            v -= 1
        if v < ss or sdoc[v].tag_ != "VBN" or sdoc[v].lemma_.lower() not in self._w("raise_verbs"):
            return None
        if sdoc[v].lemma_.lower() == "bring" and sdoc[v + 1].lower_ != "up":
            return None
        k = t.i + 1
        while k < se and (is_np_token(sdoc[k]) or sdoc[k].lower_ in ("and", "&")) and k - t.i <= 6:
            k += 1
        group = {sdoc[j].lower_ for j in range(t.i + 1, k)} | {sdoc[j].lemma_.lower() for j in range(t.i + 1, k)}
        if k == t.i + 1 or (
            group & self._w("parent_words") and sdoc[v].lemma_.lower() not in self._w("adoption_verbs")
        ):
            return None
        frame = self.frames.frame_at_verb(sdoc, v, ss)
        if not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, k, se, frame.start + self.max_tokens, max_pps=1)
        return Hit(frame.start, end, "family", "raised by someone other than a parent", ("raised_by",))

    def _adopted(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``was adopted at six``, ``got fostered out``, ``her adopted son``, ``his foster mum``."""
        lemma = t.lemma_.lower()
        if lemma not in self._w("adoption_verbs") and t.lower_ not in self._w("adopted_words"):
            return None
        if t.i + 1 < se and t.tag_ in ("JJ", "VBN", "NN") and t.i > ss and sdoc[t.i - 1].tag_ == "PRP$":
            nxt = sdoc[t.i + 1]
            if nxt.lemma_.lower() in self.rr.person_nouns | self.rr.words("large_family_nouns"):
                return Hit(t.i - 1, t.i + 2, "family", "adopted or fostered", ("adopted",))
        if t.tag_ != "VBN" or t.i - 1 < ss or sdoc[t.i - 1].lemma_.lower() not in ("be", "get"):
            return None
        if t.i + 1 < se and sdoc[t.i + 1].lower_ == "by":
            return None  # _raised_by takes it
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, t.i + 1, se, frame.start + self.max_tokens, max_pps=2)
        return Hit(frame.start, end, "family", "adopted or fostered", ("adopted",))

    def _upbringing(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``grew up in a lighthouse``, ``was raised on a boat``, ``spent his childhood in care``, ``lived in
        his van``, ``slept in her car for a month``."""
        if t.pos_ != "VERB" or t.lemma_.lower() not in self.upbringing_verbs:
            return None
        k = t.i + 1
        if t.lemma_.lower() in self._w("up_verbs"):
            if k >= se or sdoc[k].lower_ != "up":
                return None
            k += 1
        elif t.lemma_.lower() == "spend":  # "spent his childhood in care", "spent six months on a kibbutz"
            while k < se and k - t.i <= 4 and (sdoc[k].pos_ in ("NUM", "DET", "ADJ", "NOUN") or sdoc[k].tag_ == "PRP$"):
                k += 1
            if k == t.i + 1:
                return None
        if k >= se or sdoc[k].lower_ not in _PLACE_PREPOSITIONS:
            return None
        j = k + 1
        while j < se and (is_np_token(sdoc[j]) or sdoc[j].tag_ == "POS") and j - k <= 6:
            j += 1
        place = [sdoc[m] for m in range(k + 1, j) if not named[sdoc[m].idx]]
        if not place:
            return None
        words = [w.lemma_.lower() for w in place]
        texts = (" ".join(w.lower_ for w in place), " ".join(words))
        homes = any(
            re.search(rf"\b{re.escape(h)}\b", x.replace(" '", "'")) for h in self._w("unusual_homes") for x in texts
        )
        if t.lemma_.lower() in self._w("rough_sleep_verbs") and not (
            homes and (words[-1] not in self._w("vehicles") or self._for_a_while(sdoc, j, se))
        ):
            return None  # "slept in the car on the way home"
        status = Status.ACCEPTED
        stay = t.lemma_.lower() in self._w("stay_verbs")
        if stay and words[-1] in self._w("ordinary_stays"):
            return None  # "spent a month in hospital": too common in these settings to single anyone out
        # growing up *on* something named closer than a plain home is a detail ("on a goat farm", not "on a farm")
        specific = {w.lemma_.lower() for w in place if w.pos_ in ("NOUN", "ADJ", "PROPN")} - self._w("ordinary_homes")
        plain_on = set(words) & self._w("ordinary_on_places")
        grown_on = not stay and sdoc[k].lower_ == "on" and bool(specific) and not plain_on
        if not (homes or grown_on or any(lexicon.get(w.i) in (Category.SETTING, Category.FAMILY) for w in place)):
            rare = [
                w
                for w in place
                if w.pos_ == "NOUN"
                and w.is_alpha
                and w.lemma_.lower() not in self._w("ordinary_homes")
                and 1.0 <= zipf_any_spelling(w.lower_) < self.rare_zipf
            ]
            if not rare:
                return None
            status = Status.CORPUS_CHECK
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if stay and j < se and sdoc[j].lower_ == "for" and self._for_a_while(sdoc, j, se):
            j = self.frames.extend_right(sdoc, j, se, frame.start + self.max_tokens, max_pps=1)  # the time is the fact
        if stay and sdoc[t.i + 1].tag_ != "PRP$":
            return Hit(frame.start, j, "life_event", STAY, tuple(words[-1:]), status)
        return Hit(frame.start, j, "family", UPBRINGING, tuple(words[-1:]), status)

    def _for_a_while(self, sdoc: Doc, k: int, se: int) -> bool:
        """A stretch of weeks or seasons within a few tokens of ``k``: "for seven months", "one winter"."""
        return any(sdoc[m].lemma_.lower() in self._w("long_stretches") for m in range(k, min(se, k + 5)))

    def _abandoned(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``was found abandoned at a bus station``, ``was left on the church steps as a newborn``."""
        if t.tag_ != "VBN" or t.lemma_.lower() not in self._w("abandon_verbs"):
            return None
        if t.i - 1 < ss or sdoc[t.i - 1].lemma_.lower() not in ("be", "get"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        k = t.i + 1
        if k < se and sdoc[k].lower_ in self._w("found_states"):
            k += 1  # "found abandoned in ..."
        end = self.frames.extend_right(sdoc, k, se, frame.start + self.max_tokens, max_pps=2)
        if end < se and sdoc[end].lower_ == "as":  # "... as a newborn"
            end = self.frames.extend_right(sdoc, end + 1, se, frame.start + self.max_tokens + 3, max_pps=0)
        words = {sdoc[m].lemma_.lower() for m in range(t.i + 1, end)} | {sdoc[m].lower_ for m in range(t.i + 1, end)}
        abandoned = t.lemma_.lower() == "abandon" or words & self._w("abandon_words")
        if not (words & self._w("foundling_places") or (abandoned and words & self._w("abandon_places"))):
            return None
        return Hit(frame.start, end, "family", "abandoned as a baby", ("abandoned",))

    def _multiple_birth(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``is expecting triplets``, ``pregnant with quads``, ``gave birth to quads``, ``miscarried twin boys``."""
        if (hit := self._born_multiple(sdoc, t, ss, se)) is not None:
            return hit
        if (hit := self._own_multiple(sdoc, t, ss)) is not None:
            return hit
        end = t.i + 1
        if t.lower_ == "twin":
            if end >= se or sdoc[end].lemma_.lower() not in self._w("twin_nouns"):
                return None
            end += 1
        elif t.lower_ not in self._w("multiple_birth_words"):
            return None
        k = t.i - 1
        while k >= ss and t.i - k <= self.pregnancy_gap and sdoc[k].pos_ in ("DET", "ADJ", "NUM", "PRON"):
            if sdoc[k].lower_ in self._w("known_birth_determiners"):
                return None  # "pregnant with the triplets": births the text has already told of
            k -= 1
        if k < ss:
            return None
        w = sdoc[k]
        if w.lower_ in self._w("pregnancy_links") and k - 1 >= ss:
            if sdoc[k - 1].lower_ not in self._w("pregnancy_link_heads"):
                return None
            verb = k - 1
            while verb > ss and sdoc[verb].pos_ not in ("VERB", "AUX"):
                verb -= 1
        elif w.pos_ in ("VERB", "AUX") and w.lemma_.lower() in self._w("pregnancy_verbs"):
            if w.lemma_.lower() in self._w("pregnancy_past_only") and w.tag_ not in ("VBD", "VBN"):
                return None
            verb = k
        else:
            return None
        frame = self.frames.frame_at_verb(sdoc, verb, ss)
        if not frame.person_subject:
            return None
        return Hit(frame.start, end, "family", "a multiple birth", (t.lower_,), Status.CORPUS_CHECK)

    def _born_multiple(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``is a twin``, ``being one of triplets``, ``an identical twin``: someone born one of
        a multiple birth (`multiple_birth_one`), said with a form of "be"."""
        singular = t.lower_ in self._w("multiple_birth_one")
        k = t.i - 1
        if singular:
            while k >= ss and sdoc[k].lower_ in self._w("multiple_birth_one_modifiers"):
                k -= 1
            if k < ss or sdoc[k].lower_ not in ("a", "an"):
                return None
        elif t.lower_ in self._w("multiple_birth_words") and k - 1 >= ss and sdoc[k].lower_ == "of":
            k -= 1  # "one of triplets"
            if sdoc[k].lower_ != "one":
                return None
        else:
            return None
        be = k - 1
        having = singular and be >= ss and sdoc[be].lemma_.lower() in self._w("multiple_birth_having")
        if be < ss or not (sdoc[be].lemma_.lower() == "be" or having):
            return None
        end = t.i + 1
        if having and end < se and sdoc[end].lemma_.lower() in self.rr.relatives:
            end += 1  # "has a twin sister"
        elif having and end < se and sdoc[end].pos_ in ("NOUN", "PROPN"):
            return None  # "has a twin room booked"
        # "a twin with an older brother": the sibling named with the twin belongs to the fact
        if end + 2 < se and sdoc[end].lower_ == "with":
            rel = end + 1
            while rel < se and rel - end <= 3 and sdoc[rel].pos_ in ("DET", "ADJ", "PRON"):
                rel += 1
            if rel < se and sdoc[rel].lemma_.lower() in self.rr.relatives:
                end = self.frames.extend_right(sdoc, rel + 1, se, end + self.max_tokens, max_pps=0)
        start = be + 1  # "being a twin ...": the gerund is no part of the fact
        if sdoc[be].lower_ != "being":
            frame = self.frames.frame_at_verb(sdoc, be, ss)
            if not frame.person_subject:
                return None
            start = frame.start
        return Hit(start, end, "family", "one of a multiple birth", (t.lower_,), Status.CORPUS_CHECK)

    def _own_multiple(self, sdoc: Doc, t: Token, ss: int) -> Hit | None:
        """``their triplets``, ``Ana's quads``: someone's own children of a multiple birth past twins
        (`owned_multiple_births`) after a possessive, with at most two words between."""
        if t.lower_ not in self._w("owned_multiple_births"):
            return None
        k = t.i - 1
        while k >= ss and t.i - k <= 2 and sdoc[k].tag_ not in ("PRP$", "POS") and sdoc[k].pos_ in ("ADJ", "NUM"):
            k -= 1
        if k < ss or sdoc[k].tag_ not in ("PRP$", "POS"):
            return None
        start = k if sdoc[k].tag_ == "PRP$" else max(ss, k - 1)
        return Hit(start, t.i + 1, "family", "a multiple birth", (t.lower_,), Status.CORPUS_CHECK)

    def _kin_raised(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``rears his nephews``, ``brought up his grandkids``, ``reared her cousin's three sons``."""
        if t.pos_ != "VERB" or t.lemma_.lower() not in self._w("kin_care_verbs"):
            return None
        k = t.i + 1
        if t.lemma_.lower() == "bring":
            if k >= se or sdoc[k].lower_ != "up":
                return None
            k += 1
        if k >= se or sdoc[k].tag_ != "PRP$":
            return None
        end = self._kin_object_end(sdoc, k + 1, se)
        if end is None:
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        key = sdoc[end - 1].lemma_.lower()
        return Hit(frame.start, end, "family", "brings up a relative's children", (key,), Status.CORPUS_CHECK)

    def _kin_object_end(self, sdoc: Doc, j: int, se: int) -> int | None:
        """End of "nephews" or "cousin's three sons" starting at ``j`` (after a possessive)."""
        kin, children = self._w("kin_children"), self._w("relative_children")

        def among(m: int, words: frozenset[str]) -> bool:
            return sdoc[m].lemma_.lower() in words or sdoc[m].lower_ in words

        for m in range(j, min(se, j + 5)):
            if among(m, kin):
                if m + 1 < se and sdoc[m + 1].tag_ == "POS":  # "her cousin's three sons"
                    n = m + 2
                    while n < se and n - m <= 4 and sdoc[n].pos_ in ("NUM", "ADJ"):
                        n += 1
                    return n + 1 if n < se and among(n, children) else None
                return m + 1
            if sdoc[m].pos_ not in ("NUM", "ADJ", "NOUN"):  # "her baby brother", not "her hand to her brother"
                return None
        return None
