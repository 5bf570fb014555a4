"""Custody, care and court histories: time someone served, being jailed or deported, children taken into
care or lost in court, a forensic verdict.

"did eight months in <prison>", "after my three years inside", "was jailed for a year", "got clean on a
prison wing", "her kids were in foster care", "lost custody of his son", "had her baby adopted", "got
them back through the family court", "was found unfit to plead". The words are ordinary ("prison",
"care", "court"); the frame says the history is someone's. Where most subjects of a corpus share it
(a forensic ward, a study of prison leavers) it is the study population and the processor drops it.
Word lists: ``rules/rare/custody.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder
from qualdeid.detect.rare.frames import extend_np_left, is_np_token, run_patterns, verb_lemma
from qualdeid.detect.rare.lexicon import RareRules, entry_words

_NEGATIONS = frozenset({"not", "n't", "never"})
_BEFORE_PLACE = frozenset({"DET", "ADJ", "PROPN", "NUM"})
CUSTODY_REASON = "a history of custody"
CARE_REASON = "children in the care of the state or lost in court"
COURT_REASON = "a court or verdict in someone's history"


class CustodyFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.places = [entry_words(p) for p in self._w("custody_places")]
        self.not_places = self._w("custody_not_places")
        self.place_prepositions = self._w("custody_prepositions")
        self.served_verbs = self._w("served_verbs")
        self.time_units = self._w("time_units")
        self.custody_verbs = self._w("custody_verbs")
        self.care_nouns = self._w("care_nouns")
        self.care_kinds = [entry_words(k) for k in self._w("care_kinds")]
        self.care_prepositions = self._w("care_prepositions")
        self.care_plain_verbs = self._w("care_plain_verbs")
        self.care_detail_verbs = self._w("care_detail_verbs")
        self.loss_verbs = self._w("custody_loss_verbs")
        self.court_nouns = self._w("court_nouns")
        self.court_kinds = self._w("court_kinds")
        self.verdict_verbs = self._w("verdict_verbs")
        self.verdicts = [entry_words(v) for v in self._w("verdict_words")]
        self.still_words = self._w("still_inside_words")
        self.visit_verbs = self._w("custody_visit_verbs")
        self.passive = self._w("passive_auxiliaries")
        self.triggers = frozenset(
            {p[0] for p in self.places}
            | {"inside", "adopted"}
            | self.served_verbs
            | self.custody_verbs
            | self.care_nouns
            | self.court_nouns
            | self.verdict_verbs
        )

    def find(self, ctx: RareContext) -> list[Hit]:
        patterns = (self._lost_custody, self._place, self._inside, self._served, self._jailed, self._care)
        patterns += (self._adopted, self._court, self._verdict)
        return run_patterns(patterns, ctx.sdoc, ctx.words, self.triggers, ctx.bounds)

    # ------------------------------------------------------------------ custody

    def _place(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``was in jail for a year``, ``came out of prison``, ``got clean on a prison detox wing``."""
        end = _phrase_at(sdoc, t.i, se, self.places)
        if end is None or (end < se and sdoc[end].lemma_.lower() in self.not_places):
            return None
        k = t.i - 1
        while k >= ss and t.i - k <= 3 and sdoc[k].pos_ in _BEFORE_PLACE:
            k -= 1
        if k < ss or sdoc[k].lower_ not in self.place_prepositions or _negated(sdoc, k, ss):
            return None
        if sdoc[k].lower_ == "out" and (k + 1 >= se or sdoc[k + 1].lower_ != "of") and k + 1 != t.i:
            return None
        start = self._clause_start(sdoc, k, ss)
        if start is None or _hypothetical(sdoc, start, k):
            return None
        end = self.frames.extend_right(sdoc, end, se, start + self.max_tokens, max_pps=1)
        return Hit(start, end, "life_event", CUSTODY_REASON, ("custody",))

    def _inside(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``my six years inside``, ``is still inside for the robbery``: "inside" as a prison."""
        if t.lower_ != "inside":
            return None
        after = sdoc[t.i + 1] if t.i + 1 < se else None
        before = sdoc[t.i - 1] if t.i - 1 >= ss else None
        if before is None or (after is not None and is_np_token(after)):
            return None  # "inside the house"
        counted = before.i - 1 >= ss and (sdoc[before.i - 1].like_num or sdoc[before.i - 1].tag_ in ("PRP$", "CD"))
        if before.lemma_.lower() in self.time_units and counted:
            return Hit(extend_np_left(sdoc, before.i, ss), t.i + 1, "life_event", CUSTODY_REASON, ("custody",))
        if before.lower_ in self.still_words and after is not None and after.lower_ == "for":
            start = self._clause_start(sdoc, t.i, ss) or t.i
            end = self.frames.extend_right(sdoc, t.i + 1, se, start + self.max_tokens, max_pps=1)
            return Hit(start, end, "life_event", CUSTODY_REASON, ("custody",))
        return None

    def _served(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``did eight months in <prison>``, ``served two years inside``, ``did time for it``."""
        if t.pos_ not in ("VERB", "AUX") or verb_lemma(t) not in self.served_verbs:
            return None
        k = t.i + 1
        while k < se and k - t.i <= 3 and (sdoc[k].like_num or sdoc[k].pos_ in ("NUM", "DET", "ADJ")):
            k += 1
        counted = any(sdoc[m].like_num or sdoc[m].lower_ in ("a", "an") for m in range(t.i + 1, k))
        if k >= se or (k > t.i + 1 and not counted):
            return None  # "did that every year"
        unit = sdoc[k].lemma_.lower()
        if unit == "time" and k == t.i + 1:  # "did time"
            end = k + 1
        elif unit in self.time_units and k > t.i + 1:
            end = k + 1
            after = sdoc[end] if end < se else None
            if after is None:
                return None
            if after.lower_ == "inside":
                end += 1
            elif after.lower_ in ("in", "at") and end + 1 < se:
                place = end + 1
                while place < se and sdoc[place].pos_ == "DET":
                    place += 1
                named = place < se and sdoc[place].pos_ == "PROPN" and verb_lemma(t) == "do"
                if not named and (place >= se or _phrase_at(sdoc, place, se, self.places) is None):
                    return None
            else:
                return None
        else:
            return None
        return self._person_did(sdoc, t.i, end, ss, se, CUSTODY_REASON, ("custody",))

    def _jailed(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``was imprisoned for two years``, ``got deported``: done to someone by a court or the state."""
        if t.tag_ != "VBN" or verb_lemma(t) not in self.custody_verbs:
            return None
        if not any(sdoc[m].lemma_.lower() in self.passive for m in range(max(ss, t.i - 2), t.i)):
            return None
        if _negated(sdoc, t.i, ss):
            return None
        return self._person_did(sdoc, t.i, t.i + 1, ss, se, CUSTODY_REASON, ("custody",))

    def _lost_custody(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``lost custody of her twins``, ``won back custody``."""
        if t.lower_ != "custody":
            return None
        k = t.i - 1
        if k >= ss and sdoc[k].lower_ == "back":
            k -= 1
        if k < ss or verb_lemma(sdoc[k]) not in self.loss_verbs:
            return None
        frame = self.frames.frame_at_verb(sdoc, k, ss)
        end = self.frames.extend_right(sdoc, t.i + 1, se, frame.start + self.max_tokens, max_pps=1)
        return Hit(frame.start, end, "family", CARE_REASON, ("custody",))

    # ------------------------------------------------------------------ care and courts

    def _care(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``in foster care``, ``taken into care``, ``get my son back from care``, ``in <agency> care``."""
        if t.pos_ != "NOUN" or t.lower_ not in self.care_nouns:  # the word, not the lemma: not "caring"
            return None
        if t.i + 1 < se and sdoc[t.i + 1].pos_ in ("NOUN", "PROPN"):
            return None  # "a care home", "her care plan"
        k = t.i - 1
        kind = _kind_before(sdoc, t.i, ss, self.care_kinds)
        if kind is not None:
            k = kind - 1
        else:
            while k >= ss and sdoc[k].pos_ == "PROPN":  # a named agency's care
                k -= 1
        if k < ss or sdoc[k].lower_ not in self.care_prepositions:
            return None
        if sdoc[k].lower_ == "of":
            if k - 1 < ss or sdoc[k - 1].lower_ != "out":
                return None  # "duty of care"
            k -= 1
        start = self._clause_start(sdoc, k, ss)
        if start is None or any(verb_lemma(sdoc[m]) in self.care_plain_verbs for m in range(start, k)):
            return None  # "works in care"
        if not any(verb_lemma(sdoc[m]) in self.care_detail_verbs for m in range(start, k)):
            return None  # "was in foster care": an ordinary stay; "were split up in care" tells more
        end = self.frames.extend_right(sdoc, t.i + 1, se, start + self.max_tokens, max_pps=1)
        return Hit(start, end, "family", CARE_REASON, ("care",))

    def _adopted(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``had her baby adopted``: a child given up (being adopted is the family finder's)."""
        if t.lower_ != "adopted":
            return None
        k = t.i - 1
        while k >= ss and t.i - k <= 4 and is_np_token(sdoc[k]) and sdoc[k].pos_ != "VERB":
            k -= 1
        if k == t.i - 1 or k < ss or verb_lemma(sdoc[k]) != "have":
            return None
        frame = self.frames.frame_at_verb(sdoc, k, ss)
        if not frame.person_subject:
            return None
        return Hit(frame.start, t.i + 1, "family", CARE_REASON, ("adopted",))

    def _court(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``got her back through the family court``, ``went through drug treatment court``."""
        if t.pos_ not in ("NOUN", "PROPN") or t.lemma_.lower() not in self.court_nouns:
            return None
        k = t.i - 1
        kinds = 0
        while k >= ss and t.i - k <= 3 and sdoc[k].pos_ in ("NOUN", "ADJ", "PROPN", "PART"):
            kinds += sdoc[k].lower_ in self.court_kinds
            k -= 1
        if not kinds:
            return None
        if k >= ss and sdoc[k].pos_ == "DET":
            k -= 1
        if k < ss or sdoc[k].pos_ != "ADP":
            return None
        start = self._clause_start(sdoc, k, ss)
        if start is None:
            return None
        return Hit(start, t.i + 1, "life_event", COURT_REASON, ("court",))

    def _verdict(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``was found NCR``, ``was found unfit to plead``: a forensic verdict."""
        if t.tag_ != "VBN" or verb_lemma(t) not in self.verdict_verbs:
            return None
        if t.i - 1 < ss or sdoc[t.i - 1].lemma_.lower() not in self.passive:
            return None
        end = _phrase_at(sdoc, t.i + 1, se, self.verdicts)
        if end is None:
            return None
        return self._person_did(sdoc, t.i, end, ss, se, COURT_REASON, ("verdict",))

    # ------------------------------------------------------------------ helpers

    def _person_did(
        self, sdoc: Doc, verb: int, end: int, ss: int, se: int, reason: str, keys: tuple[str, ...]
    ) -> Hit | None:
        """The phrase of ``verb`` with a person as its subject, run on over one prepositional phrase."""
        frame = self.frames.frame_at_verb(sdoc, verb, ss)
        if not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, end, se, frame.start + self.max_tokens, max_pps=1)
        return Hit(frame.start, end, "life_event", reason, keys)

    def _clause_start(self, sdoc: Doc, k: int, ss: int) -> int | None:
        """The start of the phrase of the verb governing the preposition at ``k`` (a few tokens back);
        ``None`` when the verb is a visit or a message to someone there."""
        v = k - 1
        while v >= ss and k - v <= 6 and sdoc[v].pos_ not in ("VERB", "AUX"):
            if sdoc[v].is_punct or sdoc[v].pos_ in ("CCONJ", "SCONJ"):
                return k
            v -= 1
        if v < ss or k - v > 6:
            return k
        if verb_lemma(sdoc[v]) in self.visit_verbs:
            return None
        return self.frames.frame_at_verb(sdoc, v, ss, shared_subject=True).start


def _phrase_at(sdoc: Doc, i: int, se: int, phrases: list[tuple[str, ...]]) -> int | None:
    """End of the longest of ``phrases`` that starts at token ``i`` (words or lemmas)."""
    best = None
    for words in phrases:
        n = len(words)
        if i + n <= se and all(sdoc[i + j].lower_ == w or sdoc[i + j].lemma_.lower() == w for j, w in enumerate(words)):
            best = max(best or 0, i + n)
    return best


def _kind_before(sdoc: Doc, i: int, ss: int, kinds: list[tuple[str, ...]]) -> int | None:
    """First token of a kind of care just before token ``i`` ("foster", "local authority")."""
    for words in kinds:
        n = len(words)
        if i - n >= ss and all(sdoc[i - n + j].lower_ == w for j, w in enumerate(words)):
            return i - n
    return None


def _hypothetical(sdoc: Doc, start: int, k: int) -> bool:
    """``afraid to go to prison``, ``could end up in jail``: a future or a fear, not a history."""
    return any(
        sdoc[m].tag_ == "MD" or (sdoc[m].lower_ == "to" and m + 1 < k and sdoc[m + 1].tag_ == "VB")
        for m in range(max(0, start - 1), k)
    )


def _negated(sdoc: Doc, k: int, ss: int) -> bool:
    """``not to prison``, ``was never jailed``: a negation just before token ``k``."""
    return any(sdoc[m].lower_ in _NEGATIONS for m in range(max(ss, k - 2), k))
