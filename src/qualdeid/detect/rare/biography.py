"""Biographical frames: details told by what someone did, for how long, how they ranked or what they
present, often with no lexicon word at all.

* a stretch of unusual work: "drove a snow plough over the pass for nine winters", "spent three
  summers fighting wildfires", "worked two seasons on a crayfish boat" — judged by the job the
  activity names ("dug graves" -> gravedigger in occupation.txt, "drove a bus" -> bus driver in
  common.txt) or else by how rare its words are in general language (then within-corpus rarity too),
* rankings: "one of the top ten chess players in the state", "one of the first women licensed as
  a harbour pilot",
* selections: "was crowned Harvest Queen", "was picked for the national youth orchestra",
* media roles: "does a call-in show on community radio", "writes the crossword for the local paper",
* competing: "competes in sheepdog trials at the agricultural shows",
* animals by what they do: "the cockatoo that rides on his shoulder",
* what someone owns that won prizes: "her prize-winning pigeons", "his award-winning marrows".

Word lists: ``rules/rare/biography.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.nlp.numbers import quantity_at
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import (
    USED_TO,
    extend_np_left,
    is_np_token,
    phrase_end,
    run_patterns,
    verb_lemma,
)
from qualdeid.detect.rare.lexicon import Category, RareRules

#: lexicon categories that make an activity distinctive on their own
_DISTINCTIVE = frozenset(
    {Category.OCCUPATION, Category.HOBBY, Category.SETTING, Category.PET, Category.LIFE_EVENT, Category.PHYSICAL_TRAIT}
)
_CONTENT_POS = frozenset({"NOUN", "ADJ", "PROPN", "VERB"})
_BE_GET = frozenset({"be", "get"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "NORP"})
_OUTLET_REACH = 7
_RANKED_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})  # "the top ten junior chess players"
_IMPERSONAL = frozenset({"it", "its"})
#: the reason of a stretch of work: its duration belongs to the detail ("drove a cab for ten years")
STRETCH = "a stretch of unusual work or life"
_LIGHT_VERBS = frozenset({"do", "have"})
#: years in a unit of ``bio_durations`` (a season of seasonal work counts as one)
_UNIT_YEARS = {
    "decade": 10.0,
    "month": 1 / 12,
    "week": 1 / 52,
    "term": 0.5,
}  # tokens after a media show within which the outlet is named


def _after_article(t: Token) -> bool:
    return t.i > 0 and t.doc[t.i - 1].lower_ in ("the", "a", "an")


def agent_nouns(lemma: str) -> tuple[str, ...]:
    """``dig`` -> ``("digger", "diger")``, ``tune`` -> ``("tuner",)``: who does the verb's work."""
    if lemma.endswith("e"):
        return (lemma + "r",)
    forms = [lemma + "er"]
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms.insert(0, lemma + lemma[-1] + "er")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.append(lemma[:-1] + "ier")
    return tuple(forms)


def noun_forms(t: Token) -> tuple[str, ...]:
    """Singular forms of a noun, mending the lemmatiser's slips ("graves" -> "graf")."""
    low = t.lower_
    forms = [t.lemma_.lower(), low]
    if low.endswith("es"):
        forms.append(low[:-2])
    if low.endswith("s"):
        forms.append(low[:-1])
    return tuple(dict.fromkeys(forms))


#: whom something is shown to ("showed people his bees")
_AUDIENCES = frozenset({"people", "everyone", "everybody", "visitors", "kids", "us", "folk", "folks"})


class BiographyFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        w = self.rr.words
        t = self.rr.threshold
        self.bio_zipf = t("bio_zipf")
        self.bio_verb_zipf = t("bio_verb_zipf")
        self.bio_loose_zipf = t("bio_loose_zipf")
        self.work_verbs = w("operated_verbs") | w("role_verbs")
        self.occupations = self._entries(Category.OCCUPATION)
        self.commons = self._entries(Category.COMMON)
        self.triggers = frozenset(
            {"one", *w("bio_durations")}
            | w("selection_verbs")
            | w("selection_strong")
            | w("media_content")
            | w("compete_verbs")
            | w("animal_behaviour_verbs")
            | w("operated_verbs")
            | w("win_verbs")
            | w("selection_groups")
            | {"winning", "go"}
            | w("owned_prizes")
            | w("contest_verbs")
        )
        self.operated_zipf = t("operated_zipf")
        self.long_career_years = t("long_career_years")
        self.common_career_years = t("common_career_years")

    def _entries(self, category: str) -> frozenset[str]:
        return frozenset(item for ws in self.rr.entries.values() for _, c, item in ws if c == category)

    def find(self, ctx: RareContext) -> list[Hit]:
        """All biographical frames of one document. ``lexicon`` maps token index -> lexicon category."""
        sdoc, dw, bounds, named, lexicon = ctx.sdoc, ctx.words, ctx.bounds, ctx.named, ctx.categories
        patterns = (
            self._stretch,
            self._ranking,
            self._selection,
            self._media_role,
            self._competes,
            self._animal,
            self._operated,
            self._won_named,
            self._membership,
            self._prized,
            self._owned_prize,
            self._went_to_compete,
            self._event_times,
        )
        return run_patterns(patterns, sdoc, dw, self.triggers, bounds, named, lexicon)

    # ---------------------------------------------------------------- helpers

    def _lemma_in(self, t: Token, name: str) -> bool:
        words = self._w(name)
        return t.lemma_.lower() in words or t.lower_ in words

    def _rare_word(self, t: Token, named: bytearray, limit: float | None = None) -> bool:
        """A content word uncommon in general language (in every form), not a name nor a common word."""
        if t.pos_ not in _CONTENT_POS or not t.is_alpha or len(t) < 4 or t.is_stop:
            return False
        if named[t.idx] and t.is_title:
            return False
        lemma = t.lemma_.lower()
        if lemma in self.rr.common_words or t.lower_ in self.rr.common_words:
            return False
        if t.ent_type_ in _PLACE_ENTITIES:
            return False
        if t.is_title and not t.is_sent_start and not _after_article(t):
            return False  # a name; but "drove the Snowcat": a machine known by its brand
        z = max(zipf_any_spelling(t.lower_), zipf_any_spelling(lemma))
        if limit is None:
            limit = self.bio_zipf
        return 1.0 <= z < (min(limit, self.bio_verb_zipf) if t.pos_ == "VERB" else limit)

    def _judge_activity(
        self,
        sdoc: Doc,
        verb: int,
        first: int,
        end: int,
        named: bytearray,
        lexicon: dict[int, str],
        limit: float | None = None,
    ) -> tuple[str, tuple[str, ...]] | None:
        """Is the activity of tokens ``first..end`` (verb at ``verb``) unusual? (status, key terms).
        ``limit``: the general-language frequency its words must be under (default ``bio_zipf``)."""
        lemma = verb_lemma(sdoc[verb])
        nouns = [sdoc[m] for m in range(first, end) if sdoc[m].pos_ in ("NOUN", "PROPN") and sdoc[m].is_alpha]
        everyday_job = None
        for n in nouns:
            for agent in agent_nouns(lemma):
                for form in noun_forms(n):
                    for job in (f"{form} {agent}", f"{form}{agent}"):
                        if job in self.occupations:
                            return Status.ACCEPTED, (job,)
                        if job in self.commons and everyday_job is None:
                            everyday_job = n.i
        if everyday_job is None and any(lexicon.get(m) in _DISTINCTIVE for m in range(first, end)):
            return Status.ACCEPTED, tuple(sdoc[m].lemma_.lower() for m in range(first, end) if m in lexicon)
        # "drove a bus" is an everyday job; a rare word of the thing driven still makes it one few had
        # ("drove a jitney bus"), never a word after it ("drove a bus past the quarry")
        stop = end if everyday_job is None else everyday_job
        rare = [sdoc[m] for m in range(first, stop) if self._rare_word(sdoc[m], named, limit)]
        if not rare:
            return None
        return Status.CORPUS_CHECK, tuple(w.lemma_.lower() for w in rare)

    def _quantity_start(self, sdoc: Doc, unit: int, ss: int) -> int:
        """First token of "nearly twenty", "a few", "most of those" before a unit of time."""
        k = unit
        while k - 1 >= ss and (sdoc[k - 1].like_num or sdoc[k - 1].lower_ in self._w("bio_quantity_words")):
            k -= 1
        return k

    # ---------------------------------------------------------------- a stretch of work

    def _stretch(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``drove a snow plough over the pass for nine winters``, ``spent three summers fighting
        wildfires with a rappel crew``, ``worked two seasons on a crayfish boat``."""
        if t.pos_ != "NOUN" or t.lemma_.lower() not in self._w("bio_durations"):
            return None
        q = self._quantity_start(sdoc, t.i, ss)
        if q == t.i and q - 1 >= ss and sdoc[q - 1].lower_ == "for" and t.tag_ == "NNS":
            return self._for_stretch(sdoc, q - 1, t.i + 1, ss, se, named, lexicon)  # "for decades"
        if q == t.i or q - 1 < ss:
            return None  # a number or quantity word comes before the unit: "nine winters", "a few years"
        before = sdoc[q - 1]
        if before.lower_ == "for":
            return self._for_stretch(sdoc, q - 1, t.i + 1, ss, se, named, lexicon)
        if self.frames.acts_as_verb(sdoc, before.i) and before.tag_ in ("VBD", "VBZ", "VBP", "VBN", "NNS"):
            return self._spent_stretch(sdoc, before.i, t.i + 1, ss, se, named, lexicon)
        return self._nominal_stretch(sdoc, q, t.i + 1, se, named)

    def _nominal_stretch(self, sdoc: Doc, q: int, unit_end: int, se: int, named: bytearray) -> Hit | None:
        """``nine years in the tannery``, ``two winters on the whalers``: a stretch told without its verb,
        kept when a word of the place is rare (``bio_zipf``) and few documents of the corpus share it."""
        if unit_end + 1 >= se or sdoc[unit_end].lower_ not in ("in", "on", "at", "aboard"):
            return None
        end = self.frames.extend_right(sdoc, unit_end, se, q + self.max_tokens, max_pps=1)
        rare = [sdoc[m] for m in range(unit_end + 1, end) if self._rare_word(sdoc[m], named)]
        if not rare:
            return None
        keys = tuple(w.lemma_.lower() for w in rare)
        return Hit(q, end, "occupation", STRETCH, keys, Status.CORPUS_CHECK)

    def _for_stretch(
        self, sdoc: Doc, for_i: int, unit_end: int, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        verb = None
        for v in range(for_i - 1, max(ss, for_i - 12) - 1, -1):
            w = sdoc[v]
            if self.frames.acts_as_verb(sdoc, v) and not is_np_token(w):
                verb = v
                break
            if not (is_np_token(w) or w.pos_ in ("ADP", "ADV", "PART", "PRON") or w.tag_ == "VBG"):
                return None
        if verb is None or verb + 1 >= for_i:
            return None
        lemma = verb_lemma(sdoc[verb])
        plain = lemma in self._w("bio_plain_verbs") or lemma in self.rr.words("reporting_verbs")
        if plain and lemma not in self._w("career_verbs") and lemma != "be":
            return None
        frame = self.frames.frame_at_verb(sdoc, verb, ss)
        if not frame.person_subject:
            return None
        judged = None
        if not plain:
            judged = self._judge_activity(sdoc, verb, verb + 1, for_i, named, lexicon) or self._loosely(
                sdoc, verb, verb + 1, for_i, named, lexicon
            )
        if judged is None:
            judged = self._long_career(sdoc, verb, lemma, for_i, unit_end, frame.start, named)
        if judged is None:
            return None
        status, keys = judged
        return Hit(frame.start, unit_end, "occupation", STRETCH, keys, status)

    def _long_career(
        self, sdoc: Doc, verb: int, lemma: str, for_i: int, unit_end: int, start: int, named: bytearray
    ) -> tuple[Status, tuple[str, ...]] | None:
        """``was a midwife for almost thirty years``, ``taught chemistry for fifteen years``: an ordinary
        job held for a long stretch (``long_career_years``) is a detail by its length, if few documents of
        the corpus share it. The verb is one of work, or "be" with a job after it (a noun of a trade)."""
        if sdoc[verb].tag_ not in ("VBD", "VBN") or any(
            sdoc[i].lower_ in ("not", "n't", "never") for i in range(start, verb)
        ):
            return None
        unit = sdoc[unit_end - 1].lemma_.lower()
        years = self._duration_years(sdoc, for_i + 1, unit_end - 1, unit)
        if years is None or years < self.long_career_years:
            return None
        nouns = [sdoc[i] for i in range(verb + 1, for_i) if sdoc[i].pos_ == "NOUN" and not named[sdoc[i].idx]]
        common = self.rr.common_words
        # an everyday job or object ("was a nurse", "drove a bus") counts only over a whole career
        everyday = any(n.lemma_.lower() in common or n.lower_ in common for n in nouns)
        if everyday and years < self.common_career_years:
            return None
        if lemma == "be":
            head = nouns[-1] if nouns else None
            # "was a tram conductor", "was the village baker" (the one of a place)
            if sdoc[verb + 1].lower_ not in ("a", "an", "the") or head is None or not self._job_noun(head):
                return None
            return Status.CORPUS_CHECK, (head.lemma_.lower(),)
        if lemma not in self.work_verbs | self._w("career_verbs"):
            return None
        return Status.CORPUS_CHECK, (lemma, *(n.lemma_.lower() for n in nouns[-1:]))

    def _duration_years(self, sdoc: Doc, first: int, unit: int, unit_lemma: str) -> float | None:
        """How many years "for almost thirty years", "for two decades" or "for four winters" stands for
        (a season of seasonal work counts as a year)."""
        for k in range(first, unit):
            q = quantity_at(sdoc, k, unit)
            if q is not None and q[1] == unit:
                return q[0] * _UNIT_YEARS.get(unit_lemma, 1.0)
        return None

    def _job_noun(self, t: Token) -> bool:
        """A noun of a trade: in a lexicon of jobs, or made like one ("dispatcher", "machinist", "linesman"),
        and not a word for a person's place among others ("member", "neighbour")."""
        lemma = t.lemma_.lower()
        if lemma in self._w("not_careers") or lemma in self.rr.person_nouns:
            return False
        if lemma in self.occupations or lemma in self.commons:
            return True
        return lemma.endswith(("er", "or", "ist", "man", "woman", "wife", "ian", "smith", "wright"))

    def _loosely(
        self, sdoc: Doc, verb: int, first: int, end: int, named: bytearray, lexicon: dict[int, str]
    ) -> tuple[str, tuple[str, ...]] | None:
        """A stretch of work is a strong frame: a word of its activity less rare (``bio_loose_zipf``) or
        a compound of two nouns ("the pickle factory") makes it a detail if few documents share it."""
        if verb_lemma(sdoc[verb]) not in self.work_verbs:
            return None  # only a verb of work makes the frame strong enough ("hid the keys for months")
        judged = self._judge_activity(sdoc, verb, first, end, named, lexicon, self.bio_loose_zipf)
        if judged is not None:
            return Status.CORPUS_CHECK, judged[1]
        for m in range(first, end - 1):
            a, b = sdoc[m], sdoc[m + 1]
            if a.pos_ == b.pos_ == "NOUN" and a.is_alpha and b.is_alpha and not (named[a.idx] or named[b.idx]):
                pair = (a.lemma_.lower(), b.lemma_.lower())
                if not {*pair, " ".join(pair)} & self.rr.common_words:
                    return Status.CORPUS_CHECK, (" ".join(pair),)
        return None

    def _spent_stretch(
        self, sdoc: Doc, verb: int, unit_end: int, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``spent two summers <doing X>``, ``worked three seasons <on a crayfish boat>``."""
        lemma = verb_lemma(sdoc[verb])
        if lemma in self._w("bio_plain_verbs") - {"spend"} or lemma in self.rr.words("reporting_verbs"):
            return None
        frame = self.frames.frame_at_verb(sdoc, verb, ss)
        if not frame.person_subject:
            return None
        k = unit_end
        after = sdoc[k].lower_ if k + 1 < se else ""
        if lemma == "spend" and (after == "as" or (after in ("in", "with") and sdoc[k + 1].tag_ == "PRP$")):
            return None  # "spent ten years as a ..." (roles), "spent a year in his room"
        while k < se and sdoc[k].pos_ == "ADV" and k - unit_end < 2:
            k += 1  # "spent two winters alone at ..."
        limit = frame.start + self.max_tokens + 4
        if k < se and sdoc[k].tag_ == "VBG":
            activity_verb, first = k, k + 1
            end = self.frames.extend_right(sdoc, k + 1, se, limit, max_pps=2)
        elif lemma != "spend":
            activity_verb, first = verb, unit_end
            end = self.frames.extend_right(sdoc, unit_end, se, limit, max_pps=2)
            if end == unit_end:
                return None
        else:
            activity_verb, first = verb, k
            end = self.frames.extend_right(sdoc, k, se, limit, max_pps=2)
            if end == k:
                return None
        if lemma != "spend" and activity_verb == verb:
            judged = self._judge_activity(sdoc, verb, verb + 1, end, named, lexicon)
        else:
            judged = self._judge_activity(sdoc, activity_verb, first, end, named, lexicon)
            if judged is None and activity_verb != verb and self._rare_word(sdoc[activity_verb], named):
                judged = Status.CORPUS_CHECK, (verb_lemma(sdoc[activity_verb]),)
        if judged is None:
            judged = self._loosely(sdoc, activity_verb, first, end, named, lexicon)
        if judged is None:
            return None
        status, keys = judged
        return Hit(frame.start, end, "occupation", STRETCH, keys, status)

    def _operated(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``drove the snowcat up the ski slopes``, ``crewed a hovercraft``, ``worked nights at the
        abattoir``: operating, crewing or working something unusual, done in the past or habitually."""
        if not self.frames.acts_as_verb(sdoc, t.i) or verb_lemma(t) not in self._w("operated_verbs"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject or not (USED_TO in frame.kinds or t.tag_ in ("VBD", "VBZ", "VBP", "NNS")):
            return None
        if self._with_a_worker(sdoc, t.i + 1, se, lexicon):
            return None  # "worked with a bailiff": someone worked beside, nothing operated
        end = self.frames.extend_right(sdoc, t.i + 1, se, frame.start + self.max_tokens, max_pps=2)
        if end == t.i + 1:
            return None
        judged = self._judge_activity(sdoc, t.i, t.i + 1, end, named, lexicon, self.operated_zipf)
        if judged is None:
            return None
        status, keys = judged
        return Hit(frame.start, end, "occupation", "operated or worked something unusual", keys, status)

    def _with_a_worker(self, sdoc: Doc, i: int, se: int, lexicon: dict[int, str]) -> bool:
        """ "with a bailiff", "with the chaplain": a person of a job after a companion word ("with
        racehorses" is no one)."""
        if i >= se or sdoc[i].lower_ not in self._w("companion_words"):
            return False
        noun = next((k for k in range(i + 1, min(se, i + 5)) if sdoc[k].pos_ in ("NOUN", "PROPN")), None)
        return noun is not None and (
            lexicon.get(noun) == "occupation" or sdoc[noun].lemma_.lower() in self.rr.person_nouns
        )

    def _won_named(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``won the Golden Fleece``, ``took best in show at the county fair``."""
        if not self.frames.acts_as_verb(sdoc, t.i) or verb_lemma(t) not in self._w("win_verbs"):
            return None
        k = t.i + 1
        obj_end = phrase_end(sdoc, k, se)
        if obj_end == k:
            return None
        titled = any(w.is_title and w.pos_ in ("PROPN", "NOUN") for w in sdoc[k:obj_end])
        prized = any(self._lemma_in(w, "prize_words") for w in sdoc[k:obj_end])
        venue = False
        end = obj_end
        if end + 1 < se and sdoc[end].lower_ in ("at", "in"):
            j = phrase_end(sdoc, end + 1, se)
            place = sdoc[end + 1 : j]
            if any(self._lemma_in(w, "compete_venues") for w in place) and any(
                self._lemma_in(w, "compete_scales") or w.is_title for w in place
            ):
                venue, end = True, j
            elif prized and sdoc[end].lower_ == "at" and any(w.is_title and w.pos_ == "PROPN" for w in place):
                venue, end = True, j  # "took first prize at the Royal <Name>": a show told by its name alone
        if not (titled and verb_lemma(t) == "win") and not venue:
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        start = frame.start
        if not frame.person_subject:
            start = self._prize_winner(sdoc, frame.start, ss) if venue else None
            if start is None:
                return None
        return Hit(start, end, "life_event", "won a named prize or a prize at a show", ("won_named",))

    def _prize_winner(self, sdoc: Doc, verb_start: int, ss: int) -> int | None:
        """Start of what someone raised or made that won at a show, before its verb at ``verb_start``: "the
        heifer that took first prize at ...", "the ram she bred took the rosette at ..." (a noun, then "that" or
        "which", or a person and a verb of theirs); ``None`` for anything else."""
        k = verb_start - 1
        relative = k > ss and sdoc[k].lower_ in ("that", "which")
        if relative:
            k -= 1
        elif k - 1 > ss and sdoc[k].pos_ == "VERB" and sdoc[k - 1].lower_ in self.rr.words("person_pronouns"):
            k -= 2
        else:
            return None
        if sdoc[k].pos_ != "NOUN" or sdoc[k].lemma_.lower() in self.rr.person_nouns:
            return None
        head = k
        while k - 1 >= ss and is_np_token(sdoc[k - 1]):
            k -= 1
        if not relative or any(sdoc[m].tag_ in ("PRP$", "POS") for m in range(k, head)):
            return k
        # "she reared the bull that ...": whose it is, told by a person's verb before it
        if k - 1 >= ss and sdoc[k - 1].pos_ == "VERB":
            frame = self.frames.frame_at_verb(sdoc, k - 1, ss)
            if frame.person_subject:
                return frame.start
        return None

    def _prized(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``her prize-winning pigeons``, ``my award-winning marrows``: what someone's own won prizes (a
        possessive before it; "an award-winning restaurant" is no one's)."""
        if t.lower_ != "winning" or t.i < ss + 3 or sdoc[t.i - 1].tag_ != "HYPH":
            return None
        if not self._lemma_in(sdoc[t.i - 2], "prize_words"):
            return None
        owner = t.i - 3
        if sdoc[owner].tag_ != "PRP$" and sdoc[owner].tag_ != "POS":
            return None
        end = phrase_end(sdoc, t.i + 1, se)
        if end == t.i + 1 or sdoc[end - 1].pos_ not in ("NOUN", "PROPN"):
            return None
        return Hit(owner, end, "life_event", "owns what won prizes", (sdoc[end - 1].lemma_.lower(), "prize_winning"))

    def _owned_prize(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``his lacrosse medals``, ``Tiri's curling title``: what someone won in a pursuit the words before the
        prize name (a possessive, then one to three words, at least one of them a noun or a name)."""
        lemma = t.lemma_.lower()
        if t.pos_ != "NOUN" or (lemma not in self._w("owned_prizes") and t.lower_ not in self._w("owned_prizes")):
            return None
        k = t.i - 1
        while k >= ss and t.i - k <= 3 and sdoc[k].tag_ != "POS":
            if not (sdoc[k].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or sdoc[k].tag_ == "VBG"):
                break
            k -= 1
        between = sdoc[k + 1 : t.i]
        if k < ss or sdoc[k].tag_ not in ("PRP$", "POS") or not any(self._pursuit_word(w) for w in between):
            return None
        if lemma == "title" and any(w.lower_ in self._w("title_not_prizes") for w in between):
            return None
        start = k if sdoc[k].tag_ == "PRP$" else max(ss, k - 1)
        end = t.i + 1
        if end + 1 < se and sdoc[end].lower_ == "from" and sdoc[end + 1].tag_ == "VBG":
            end = self.frames.extend_right(
                sdoc, end + 2, se, start + self.max_tokens, max_pps=1
            )  # "from rowing for ..."
        keys = (*(w.lower_ for w in between if self._pursuit_word(w)), lemma)
        return Hit(start, end, "life_event", "owns what they won in a pursuit", keys, Status.CORPUS_CHECK)

    def _pursuit_word(self, t: Token) -> bool:
        """A word before a prize that can name the pursuit it was won in: a noun, a gerund ("curling"), a
        scale ("Olympic") or an adjective rarer than ``bio_loose_zipf`` (the small tagger's "lacrosse"),
        never "his many medals", "her first title"."""
        if t.pos_ in ("NOUN", "PROPN") or t.tag_ == "VBG" or t.lower_ in self._w("achievement_scale"):
            return True
        return t.pos_ == "ADJ" and t.is_alpha and zipf_any_spelling(t.lower_) < self.bio_loose_zipf

    def _went_to_compete(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``went to the national championships``, ``went to the Arctic Games``: a contest someone went to (a
        word of ``compete_go_venues`` with a scale word or a capitalised name in its phrase)."""
        if t.lemma_.lower() != "go" or t.pos_ not in ("VERB", "AUX") or t.i + 2 >= se or sdoc[t.i + 1].lower_ != "to":
            return None
        k = t.i + 2
        end = phrase_end(sdoc, k, se)
        venue = sdoc[k:end]
        if not any(self._lemma_in(w, "compete_go_venues") for w in venue):
            return None
        if not any(self._lemma_in(w, "compete_scales") or (w.is_title and w.pos_ == "PROPN") for w in venue):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        return Hit(frame.start, end, "life_event", "went to a contest", ("compete_go",))

    def _event_times(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``has run the <Name> Marathon seven times``, ``finished the <Name> Classic twice``: a named race or
        contest (a capitalised name before a word of ``contest_heads``) done again and again
        (``contest_min_times``)."""
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in self._w("contest_verbs"):
            return None
        k = t.i + 1
        if k < se and sdoc[k].lower_ == "in":
            k += 1  # "raced in the <Name> Rally"
        end = k
        while end < se and end - k < 8 and is_np_token(sdoc[end]) and not sdoc[end].like_num:
            end += 1
        event = sdoc[k:end]
        heads = [w for w in event if self._lemma_in(w, "contest_heads")]
        if not heads or not any(w.is_title and w.pos_ == "PROPN" and w.i < heads[-1].i for w in event):
            return None
        times = 0
        if end < se and sdoc[end].lower_ == "twice":
            times, stop = 2, end + 1
        else:
            q = quantity_at(sdoc, end, se)
            if q is None or q[1] >= se or sdoc[q[1]].lower_ not in ("times", "x"):
                return None
            times, stop = q[0], q[1] + 1
        if times < int(self.rr.threshold("contest_min_times")):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        return Hit(
            frame.start, stop, "life_event", "a named race or contest done many times", (heads[-1].lemma_.lower(),)
        )

    # ---------------------------------------------------------------- rankings and selections

    def _ranking(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``one of the top ten chess players in the state``, ``one of the first women licensed as a
        harbour pilot``, ``one of the best hurling goalkeepers in <place>``."""
        if t.lower_ != "one" or t.i + 3 >= se or sdoc[t.i + 1].lower_ != "of" or sdoc[t.i + 2].lower_ != "the":
            return None
        marker = sdoc[t.i + 3]
        if marker.lower_ not in self._w("rank_markers"):
            return None
        k = t.i + 4
        head_end = None
        while k < se and (sdoc[k].like_num or sdoc[k].pos_ in _RANKED_POS or sdoc[k].tag_ == "HYPH"):
            if sdoc[k].pos_ in ("NOUN", "PROPN"):
                head_end = k + 1
            k += 1
        if head_end is None:
            return None
        k = head_end  # "the first men qualified as ...": the participle is not part of the head
        head = sdoc[k - 1]
        if head.lemma_.lower() in self._w("rank_generic_heads") or head.lower_ in self._w("rank_generic_heads"):
            return None
        start = t.i
        if start - 1 >= ss and sdoc[start - 1].lemma_.lower() in self._w("rank_verbs"):
            start -= 1
        end = None
        if k < se and sdoc[k].lower_ in ("in", "on", "across", "around", "from", "of") and k + 1 < se:
            j = phrase_end(sdoc, k + 1, se)
            scope = sdoc[k + 1 : j]
            if any(
                w.lemma_.lower() in self._w("rank_scopes")
                or w.lower_ in self._w("rank_scopes")
                or w.ent_type_ in _PLACE_ENTITIES
                or (w.is_title and not w.is_sent_start and w.pos_ == "PROPN")
                for w in scope
            ):
                end = j
        first_of_kind = marker.lower_ in self._w("first_of_kind")
        kinds = self.rr.words("uniqueness_kinds")
        if end is None and first_of_kind and (head.lemma_.lower() in kinds or head.lower_ in kinds):
            if k < se and sdoc[k].tag_ in ("VBN", "VBD", "JJ") and sdoc[k].lower_.endswith("ed"):  # "licensed as"
                end = self.frames.extend_right(sdoc, k + 1, se, start + self.max_tokens + 4, max_pps=1)
                if end < se and sdoc[end].lower_ == "as":
                    end = phrase_end(sdoc, end + 1, se)
            elif k + 1 < se and sdoc[k].lower_ == "to" and self.frames.acts_as_verb(sdoc, k + 1):
                end = self.frames.extend_right(sdoc, k + 2, se, start + self.max_tokens + 4, max_pps=1)
        if end is None:
            return None
        return Hit(start, end, "life_event", "ranked among the top or first of a field", (head.lemma_.lower(),))

    def _membership(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``was in the national junior fencing squad``, ``plays for the county under-16 side``: a member
        of a team at a level others would know (a scale word, a nationality or an age band)."""
        if t.pos_ != "NOUN" or not self._lemma_in(t, "selection_groups"):
            return None
        np_start = extend_np_left(sdoc, t.i, ss, max_tokens=6)
        prep = np_start - 1
        if prep - 1 < ss or sdoc[prep].lower_ not in ("in", "on", "for"):
            return None
        mods = sdoc[np_start : t.i]
        scaled = any(
            self._lemma_in(w, "achievement_scale") or w.ent_type_ in _PLACE_ENTITIES or w.lower_.startswith("under")
            for w in mods
        )
        if not scaled:
            return None
        verb = prep - 1
        if sdoc[verb].pos_ == "ADV" and verb - 1 >= ss:
            verb -= 1
        if not self.frames.acts_as_verb(sdoc, verb):
            return None
        frame = self.frames.frame_at_verb(sdoc, verb, ss, shared_subject=True)
        if not frame.person_subject:
            return None
        return Hit(frame.start, t.i + 1, "life_event", "a member of a team at a level others know", ("selected",))

    def _selection(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``was crowned Strawberry Queen``, ``got picked for the national youth orchestra``,
        ``was voted Young Farmer of the Year``."""
        lemma = t.lemma_.lower()
        if t.tag_ != "VBN" or lemma not in self._w("selection_verbs") | self._w("selection_strong"):
            return None
        if t.i - 1 < ss or sdoc[t.i - 1].lemma_.lower() not in _BE_GET:
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i - 1 if sdoc[t.i - 1].pos_ == "VERB" else t.i, ss)  # "got picked"
        if not frame.person_subject:
            return None
        k = t.i + 1
        if k < se and sdoc[k].lower_ == "as":
            k += 1
        strong = lemma in self._w("selection_strong")
        if k < se and sdoc[k].lower_ in ("for", "to", "into") and k + 1 < se:
            j = phrase_end(sdoc, k + 1, se)
            group = sdoc[k + 1 : j]
            scaled = any(self._lemma_in(w, "achievement_scale") or w.ent_type_ in _PLACE_ENTITIES for w in group)
            grouped = any(self._lemma_in(w, "selection_groups") for w in group)
            if j > k + 1 and (strong or (scaled and grouped)):
                return Hit(frame.start, j, "life_event", "chosen for a team or title", ("selected",))
            return None
        j = phrase_end(sdoc, k, se)
        if j == k:
            return Hit(frame.start, k, "life_event", "chosen for a title", (lemma,)) if strong else None
        if j + 3 <= se and sdoc[j].lower_ == "of" and sdoc[j + 1].lower_ == "the":
            j = phrase_end(sdoc, j + 1, se)  # "... of the Year"
        np = sdoc[k:j]
        titled = any(w.is_title and not named[w.idx] and w.pos_ in ("PROPN", "NOUN") for w in np)
        title_noun = any(self._lemma_in(w, "title_nouns") for w in np)
        if not (strong or titled or title_noun):
            return None
        scaled = any(self._lemma_in(w, "achievement_scale") or w.lower_ == "year" for w in np)
        if not (strong or titled or scaled):
            return None  # "was chosen as team captain": a title, but not a known one
        return Hit(frame.start, j, "life_event", "chosen for a title", (lemma,))

    # ---------------------------------------------------------------- media roles and competing

    def _media_role(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``does her old call-in show on the community radio``, ``reads the weather on local TV``."""
        if t.pos_ not in ("NOUN", "PROPN") or not self._lemma_in(t, "media_content"):
            return None
        if t.i + 1 < se and sdoc[t.i + 1].pos_ in ("NOUN", "PROPN"):
            return None  # not the head: "the news quiz" is judged at "quiz"
        np_start = t.i
        while np_start - 1 >= ss and t.i - np_start < 7:
            prev = sdoc[np_start - 1]
            hyphen_particle = prev.tag_ in ("RP", "IN") and np_start - 2 >= ss and sdoc[np_start - 2].tag_ == "HYPH"
            if not (is_np_token(prev) or hyphen_particle):  # "call-in show", "phone-in"
                break
            np_start -= 1
        verb = np_start - 1
        if (
            verb < ss
            or not self.frames.acts_as_verb(sdoc, verb)
            or verb_lemma(sdoc[verb]) not in self._w("media_role_verbs")
        ):
            return None
        if verb_lemma(sdoc[verb]) in _LIGHT_VERBS and not self._lemma_in(t, "media_presented"):
            return None  # "does the quiz on the radio": plays along, presents nothing
        frame = self.frames.frame_at_verb(sdoc, verb, ss)
        if not frame.person_subject:
            return None
        outlets = self._w("media_outlets")
        in_np = any(self._lemma_in(sdoc[m], "media_outlets") for m in range(np_start, t.i))
        end = t.i + 1
        k = end
        while k < se and sdoc[k].pos_ in ("NOUN", "PROPN"):
            k += 1
        if k < se and sdoc[k].lower_ in ("on", "for", "at", "with") and k + 1 < se:
            j = phrase_end(sdoc, k + 1, min(se, k + 1 + _OUTLET_REACH))
            if any(sdoc[m].lower_ in outlets or sdoc[m].lemma_.lower() in outlets for m in range(k + 1, j)):
                return Hit(frame.start, j, "occupation", "a public or media role", (t.lemma_.lower(),))
        if in_np and t.lemma_.lower() not in self._w("read_not_presented"):
            return Hit(frame.start, k, "occupation", "a public or media role", (t.lemma_.lower(),))
        return None

    def _competes(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``competes in sheepdog trials at the agricultural shows``, ``shows lop rabbits at fairs``."""
        if not self.frames.acts_as_verb(sdoc, t.i) or verb_lemma(t) not in self._w("compete_verbs"):
            return None
        if t.tag_ not in ("VBZ", "VBD", "VBP", "NNS") and not (t.i > ss and sdoc[t.i - 1].lower_ == "to"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        k = t.i + 1
        if k < se and (sdoc[k].tag_ == "PRP" or sdoc[k].lower_ in _AUDIENCES):
            return None  # "showed people his bees": showing someone something, no competing
        if k < se and sdoc[k].lower_ in ("in", "at", "on"):
            k += 1
        obj_end = phrase_end(sdoc, k, se)
        if obj_end == k:
            return None
        end = obj_end
        venue = False
        if end + 1 < se and sdoc[end].lower_ in ("at", "in", "on", "around", "across"):
            j = phrase_end(sdoc, end + 1, se)
            words = sdoc[end + 1 : j]
            if any(self._lemma_in(w, "compete_venues") for w in words):
                venue, end = True, j
        obj = sdoc[k:obj_end]
        venue = venue or any(
            self._lemma_in(w, "compete_venues") and any(self._lemma_in(v, "compete_scales") for v in obj) for w in obj
        )
        rare = any(self._rare_word(w, named, self.bio_verb_zipf) or lexicon.get(w.i) in _DISTINCTIVE for w in obj)
        if not (venue or rare):
            return None
        if venue and not rare and any(lexicon.get(w.i) == Category.COMMON for w in obj):
            return None  # "competes in the quiz at the pub show"
        keys = tuple(w.lemma_.lower() for w in obj if w.pos_ == "NOUN") or ("compete",)
        return Hit(frame.start, end, "hobby", "competes in an unusual event", keys)

    # ---------------------------------------------------------------- animals by what they do

    def _animal(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``the cockatoo that rides on his shoulder``, ``a crow that follows her to the bus stop``."""
        if not self.frames.acts_as_verb(sdoc, t.i) or verb_lemma(t) not in self._w("animal_behaviour_verbs"):
            return None
        rel = t.i - 1
        if rel - 1 < ss or sdoc[rel].lower_ not in ("that", "which", "who"):
            return None
        animal = sdoc[rel - 1]
        lemma = animal.lemma_.lower()
        wild = lemma in self._w("wild_animals") or lexicon.get(animal.i) == Category.PET
        if not wild or animal.pos_ not in ("NOUN", "PROPN") or lemma in self._w("ordinary_pets"):
            return None
        start = extend_np_left(sdoc, animal.i, ss)
        end = self.frames.extend_relative(sdoc, rel, se, start + self.max_tokens)
        if end <= t.i + 1:
            return None
        # the behaviour must be about a person: "on his shoulder", "follows her", "in her pocket"
        if not any(sdoc[m].tag_ in ("PRP$", "PRP") and sdoc[m].lower_ not in _IMPERSONAL for m in range(t.i + 1, end)):
            return None
        return Hit(start, end, "pet", "an animal that goes about with someone", (lemma,))
