"""Rare events and feats told by the shape of a phrase:

* meeting someone famous: "shook hands with the Queen", "had tea with the Prime Minister",
* rescuing someone from danger: "pulled two kids out of a burning car", "saved a man from the surf",
* being in the news or on screen: "was in all the papers", "appeared on the telly",
* feats counted past the usual: "has run over a hundred marathons", "speaks five languages",
* doing something in an unusual manner, in several words: "can recite it from memory",
  "ties knots with one hand",
* making a known work: "painted the mural at the station", "published a book of poems",
  "invented a new kind of fishing lure",
* family events: "married her first cousin", "lost her husband and both sons in the same crash".

Word lists: ``rules/rare/events.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.nlp.numbers import approximator_start, quantity_at
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder
from qualdeid.detect.rare.frames import first_hit, is_np_token, phrase_end
from qualdeid.detect.rare.lexicon import RareRules, entry_words

_MEDIA_PREPOSITIONS = frozenset({"in", "on"})
_ABILITY = frozenset({"can", "could", "able", "ca"})
_SKILL_OBJECT_ZIPF = 3.5  # "a bowline", "the sonata": an object this uncommon makes the feat a skill
_LARGE_COLLECTION = 100  # "a collection of 120 snow globes"


def _phrases(words: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    """Multi-word entries keyed by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        parts = entry_words(w)
        out.setdefault(parts[0], []).append(parts)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


_TIMES_WORDS = {"twice": 2, "thrice": 3}


class EventFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.plain_doing = self._w("plain_doing_verbs")
        self.media_fillers = self._w("media_fillers")
        self.famous = _phrases(self.rr.words("famous_roles"))
        self.manner = _phrases(self.rr.words("manner_phrases"))
        self.media = _phrases(self.rr.words("media_nouns"))
        self.feats = {entry_words(k): v for k, v in self.rr.numbers("count_feats").items()}
        self.public_works = _phrases(self.rr.words("public_works"))
        self.published = _phrases(self.rr.words("published_works"))
        self.relatives = _phrases(self.rr.words("married_relatives"))
        w = self.rr.words
        self.sinking_forms = self._sinking_forms()
        self.triggers = frozenset(
            {"the", "with", *w("marriage_words"), *w("family_loss_verbs"), *w("invention_verbs"), *self.manner}
            | w("rescue_verbs")
            | w("survival_verbs")
            | w("media_verbs")
            | w("recorded_verbs")
            | w("creation_verbs")
            | w("publish_verbs")
            | w("struck_verbs")
            | w("fall_verbs")
            | w("rollover_verbs")
            | w("streak_markers")
            | w("repeat_win_verbs")
            | w("sanction_verbs")
            | w("trapped_verbs")
            | self.sinking_forms
            | {"struck", "went", "gone", "going", "goes"}
        )

    def find(self, ctx: RareContext) -> list[Hit]:
        sdoc, dw, bounds = ctx.sdoc, ctx.words, ctx.bounds
        out: list[Hit] = []
        numbers = ctx.numbers
        for first, end, value, se in numbers:
            if (hit := self._count_feat(sdoc, first, (value, end), bounds[first][0], se)) is not None:
                out.append(hit)
        starts = {n[0] for n in numbers}
        patterns = (
            self._encounter,
            self._rescue,
            self._survived,
            self._media,
            self._recorded,
            self._manner_phrase,
            self._made_work,
            self._married_relative,
            self._married_again,
            self._lost_family,
            self._struck,
            self._fell_through,
            self._rolled,
            self._streak,
            self._repeated_win,
            self._odd_tool,
            self._struck_off,
            self._trapped,
            self._sinking,
        )
        for i in dw.where(self.triggers):
            if i in starts:
                continue
            ss, se = bounds[i]
            if (hit := first_hit(patterns, sdoc, sdoc[i], ss, se)) is not None:
                out.append(hit)
        return out

    @staticmethod
    def _match(table: dict[str, list[tuple[str, ...]]], sdoc: Doc, i: int, se: int) -> int | None:
        """End token of the longest entry of ``table`` starting at token ``i`` (word or lemma)."""
        t = sdoc[i]
        for key in dict.fromkeys((t.lower_, t.lemma_.lower())):
            for words in table.get(key, ()):
                n = len(words)
                if i + n <= se and all(
                    words[j] in (sdoc[i + j].lower_, sdoc[i + j].lemma_.lower()) for j in range(1, n)
                ):
                    return i + n
        return None

    def _person_verb_before(
        self, sdoc: Doc, i: int, ss: int, verbs: frozenset[str] | None, reach: int = 5
    ) -> int | None:
        """Start of the phrase of a verb from ``verbs`` (any verb: ``None``) with a person subject,
        governing token ``i`` across at most ``reach`` tokens of noun phrase and preposition material."""
        for v in range(i - 1, max(ss, i - reach) - 1, -1):
            w = sdoc[v]
            if w.pos_ in ("VERB", "AUX") and not is_np_token(w):
                if verbs is not None and w.lemma_.lower() not in verbs:
                    return None
                frame = self.frames.frame_at_verb(sdoc, v, ss)
                return frame.start if frame.person_subject else None
            if not (is_np_token(w) or w.pos_ in ("ADP", "ADV", "PART", "PRON")):
                return None
        return None

    # ---------------------------------------------------------------- patterns

    def _encounter(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``shook hands with the Queen``, ``had dinner with the President``."""
        if t.lower_ != "the" or t.i + 1 >= se:
            return None
        end = self._match(self.famous, sdoc, t.i + 1, se)
        if end is None or (t.i > ss and sdoc[t.i - 1].lower_ in self._w("not_famous_before")):
            return None
        if end < se and sdoc[end].lower_ == "'s":
            return None  # "the Queen's birthday": a holiday or a thing, not a meeting
        start = self._person_verb_before(sdoc, t.i, ss, self._w("encounter_verbs"))
        if start is None:
            return None
        return Hit(start, end, "life_event", "met someone famous", ("famous_encounter",))

    def _rescue(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``pulled two kids out of a burning car``, ``rescued a swimmer from the rip``."""
        if t.pos_ != "VERB" or t.lemma_.lower() not in self._w("rescue_verbs"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        # "was pulled out of the river": the one rescued is the subject
        passive = t.tag_ == "VBN" and t.i > ss and sdoc[t.i - 1].lemma_.lower() in ("be", "get")
        if not (frame.person_subject or passive):
            return None
        k = t.i + 1
        while not passive and k < se and (is_np_token(sdoc[k]) or sdoc[k].pos_ == "PRON") and k - t.i <= 5:
            k += 1
        rescued = {sdoc[m].lower_ for m in range(t.i + 1, k)} | {sdoc[m].lemma_.lower() for m in range(t.i + 1, k)}
        if not passive and not rescued & self._w("rescued_people"):
            return None
        if k < se and sdoc[k].lower_ in ("out", "off", "up") and k + 1 < se and sdoc[k + 1].lower_ in ("of", "from"):
            k += 1
        elif k < se and sdoc[k].lower_ == "out":
            k = self._after_wait(sdoc, k + 1, se) or k  # "dug him out after two days beneath the debris"
        if k >= se or sdoc[k].lower_ not in ("from", "of", "off", "out", *self._w("rescue_wait_places")):
            return None
        j = k + 1
        while j < se and (is_np_token(sdoc[j]) or sdoc[j].tag_ == "VBG") and j - k <= 6:
            j += 1
        danger = {sdoc[m].lower_ for m in range(k + 1, j)} | {sdoc[m].lemma_.lower() for m in range(k + 1, j)}
        if not danger & self._w("rescue_dangers"):
            return None
        start = t.i - 1 if passive and not frame.person_subject else frame.start
        return Hit(start, j, "life_event", "rescued someone from danger", ("rescue",))

    def _after_wait(self, sdoc: Doc, k: int, se: int) -> int | None:
        """Token ``k`` opens how long the rescue took ("after nine hours", "after two days"): the
        preposition of `rescue_wait_places` that follows it ("under", "beneath"), or ``None``."""
        if k + 2 >= se or sdoc[k].lower_ != "after":
            return None
        for j in range(k + 1, min(se, k + 5)):
            if sdoc[j].lower_ in self._w("rescue_wait_places"):
                units = {sdoc[m].lemma_.lower() for m in range(k + 1, j)}
                return j if units & self._w("rescue_wait_units") else None
        return None

    def _recorded(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``was recorded telling stories for a dialect archive``, ``was filmed for a documentary``:
        someone recorded for a broadcast or a collection others can find."""
        if t.pos_ != "VERB" or t.tag_ != "VBN" or t.lemma_.lower() not in self._w("recorded_verbs"):
            return None
        if t.i == ss or sdoc[t.i - 1].lemma_.lower() not in ("be", "get"):
            return None
        k = t.i + 1
        while k < se and k - t.i <= 3 and sdoc[k].lower_ != "for" and sdoc[k].pos_ in ("VERB", "ADV", "NOUN"):
            k += 1  # "recorded singing for", "filmed at work for"
        if k >= se or sdoc[k].lower_ != "for":
            return None
        end = phrase_end(sdoc, k + 1, se)
        heads = {sdoc[m].lemma_.lower() for m in range(k + 1, end)} | {sdoc[m].lower_ for m in range(k + 1, end)}
        if not heads & (self._w("recorded_for") | self._w("media_nouns")):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        return Hit(frame.start, end, "life_event", "recorded for a broadcast or an archive", ("media",))

    def _survived(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``survived a ferry fire``, ``survived a grain silo collapse``: an event lived
        through, not a stretch of time or an illness (``survival_plain``: "survived the weekend")."""
        if t.pos_ != "VERB" or t.lemma_.lower() not in self._w("survival_verbs") or t.tag_ not in ("VBD", "VBN", "VBZ"):
            return None
        first = t.i + 1
        if first < se and sdoc[first].lower_ == "the":
            end = self._named_disaster_end(sdoc, first, se)
            if end is None:
                return None
            nouns = [sdoc[m] for m in range(first, end) if sdoc[m].pos_ in ("NOUN", "PROPN")]
        else:
            if first >= se or not (sdoc[first].lower_ in ("a", "an") or sdoc[first].like_num):
                return None
            end = phrase_end(sdoc, first, se)
            nouns = [sdoc[m] for m in range(first, end) if sdoc[m].pos_ in ("NOUN", "PROPN")]
        if not nouns or nouns[-1].lemma_.lower() in self._w("survival_plain"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, end, se, frame.start + self.max_tokens, max_pps=1)
        return Hit(frame.start, end, "life_event", "lived through a rare event", (nouns[-1].lemma_.lower(),))

    def _named_disaster_end(self, sdoc: Doc, first: int, se: int) -> int | None:
        """End of ``the <Name> Mill fire``, ``the sinking of the <ship>`` after "survived": a disaster of
        ``survival_disasters`` that the text names (a capitalised name in its phrase) or tells of what (an
        "of" after it); ``None`` for "the fire", "the weekend"."""
        end = phrase_end(sdoc, first, se)
        heads = [sdoc[m] for m in range(first, end) if sdoc[m].pos_ in ("NOUN", "PROPN")]
        disasters = self._w("survival_disasters")
        if not heads or not {heads[-1].lemma_.lower(), heads[-1].lower_} & disasters:
            return None
        if end + 1 < se and sdoc[end].lower_ == "of":
            return phrase_end(sdoc, end + 1, se)
        named = any(sdoc[m].is_title and sdoc[m].pos_ == "PROPN" for m in range(first + 1, end))
        return end if named else None

    def _media(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``was in all the papers``, ``appeared on the telly``, ``made the news``."""
        lemma = t.lemma_.lower()
        if t.pos_ not in ("VERB", "AUX") or lemma not in self._w("media_verbs"):
            return None
        k = t.i + 1
        if k < se and sdoc[k].pos_ == "ADV" and sdoc[k].lower_ not in _MEDIA_PREPOSITIONS:
            k += 1
        if lemma == "end" and k < se and sdoc[k].lower_ == "up":
            k += 1
        if lemma == "make":
            pass  # "made the news", "made the front page"
        elif k < se and sdoc[k].lower_ in _MEDIA_PREPOSITIONS:
            k += 1
        else:
            return None
        while k < se and sdoc[k].lower_ in self.media_fillers:
            k += 1
        if k >= se:
            return None
        end = self._match(self.media, sdoc, k, se)
        if end is None:
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        return Hit(frame.start, end, "life_event", "was in the news or on screen", ("media",))

    def _count_feat(self, sdoc: Doc, i: int, q: tuple[int, int], ss: int, se: int) -> Hit | None:
        """``has run over a hundred marathons``, ``speaks five languages``, ``visited 60 countries``."""
        value, k = q
        if self._large_collection(sdoc, i, value, ss):
            end = k
            while end < se and is_np_token(sdoc[end]) and end - k < 3:
                end += 1
            start = self._person_verb_before(sdoc, max(ss, i - 3), ss, None, reach=3) or max(ss, i - 3)
            return Hit(start, end, "hobby", "a large collection", ("collection",))
        while k < se and sdoc[k].pos_ == "ADJ" and k - q[1] < 2:
            k += 1
        if k >= se:
            return None
        longest = max(map(len, self.feats), default=0)
        following = [(sdoc[k + j].lower_, sdoc[k + j].lemma_.lower()) for j in range(min(longest, se - k))]
        for words, minimum in self.feats.items():
            n = len(words)
            forms = following[:n]
            if len(forms) == n and all(w in (*f, f[0].removesuffix("s")) for w, f in zip(words, forms, strict=True)):
                if value < minimum:
                    return None
                start = self._person_verb_before(sdoc, approximator_start(sdoc, i, ss), ss, None, reach=3)
                if start is None:
                    return None
                return Hit(start, k + n, "life_event", "feat counted past the usual", (" ".join(words),))
        return None

    def _large_collection(self, sdoc: Doc, i: int, value: int, ss: int) -> bool:
        """``a collection of over 3,000 beer cans``: "collection of" just before a big number."""
        k = approximator_start(sdoc, i, ss)
        return (
            value >= _LARGE_COLLECTION
            and k - 2 >= ss
            and sdoc[k - 1].lower_ == "of"
            and sdoc[k - 2].lemma_.lower() in self._w("collection_nouns")
        )

    def _manner_phrase(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``recites poems from memory``, ``could tie a bowline with one hand``."""
        end = self._match(self.manner, sdoc, t.i, se)
        if end is None:
            return None
        for v in range(t.i - 1, max(ss, t.i - 7) - 1, -1):
            w = sdoc[v]
            if w.pos_ == "VERB" and not is_np_token(w):
                if not self._skill(sdoc, v, ss, t.i):
                    return None
                start = self.frames.frame_at_verb(sdoc, v, ss).start
                return Hit(start, end, "hobby", "does something in an unusual way", (t.lower_,))
            if not (is_np_token(w) or w.pos_ in ("ADP", "ADV", "PART")):
                return None
        return None

    def _object(self, sdoc: Doc, verb: int, se: int) -> tuple[int, int]:
        """(first, end) tokens of the noun phrase right after a verb, past determiners and adjectives."""
        k = verb + 1
        if k < se and sdoc[k].lower_ in ("up", "out"):
            k += 1
        first = k
        while k < se and (sdoc[k].pos_ in ("DET", "ADJ", "NUM") or sdoc[k].tag_ == "PRP$") and k - first < 4:
            k += 1
        return first, k

    def _skill(self, sdoc: Doc, verb: int, ss: int, manner: int) -> bool:
        """A skill, not a moment: "can play it with her eyes closed", "ties a bowline with one hand",
        but not "held the cup with one hand"."""
        w = sdoc[verb]
        frame = self.frames.frame_at_verb(sdoc, verb, ss)
        if not frame.person_subject or w.lemma_.lower() in self._w("reporting_verbs") | self.plain_doing:
            return False
        able = any(sdoc[m].lower_ in _ABILITY for m in range(frame.start, verb))
        obj = range(verb + 1, manner)
        uncommon = any(sdoc[m].is_alpha and zipf_any_spelling(sdoc[m].lower_) < _SKILL_OBJECT_ZIPF for m in obj)
        return able or uncommon or w.tag_ == "VBZ"

    def _made_work(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``painted the mural at the station``, ``published a book of poems``, ``invented a new lure``."""
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or t.tag_ == "VBG":
            return None
        first, k = self._object(sdoc, t.i, se)
        if k >= se:
            return None
        if lemma in self._w("creation_verbs") and (end := self._match(self.public_works, sdoc, k, se)):
            definite = first < se and sdoc[first].lower_ in ("the", "that", "those")
            placed = end < se and sdoc[end].lower_ in ("on", "at", "outside", "for", "of")
            if not (definite or placed):
                return None
            reason = "made a work people know"
        elif lemma in self._w("publish_verbs") and (end := self._match(self.published, sdoc, k, se)):
            reason = "published a work"
        elif lemma in self._w("invention_verbs") and sdoc[k].pos_ in ("NOUN", "PROPN"):
            if sdoc[k].lemma_.lower() in self._w("invent_ordinary"):
                return None
            end = k + 1
            reason = "invented something"
        else:
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, end, se, frame.start + self.max_tokens, max_pps=1)
        return Hit(frame.start, end, "hobby", reason, (lemma,))

    def _married_relative(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``married her first cousin``, ``is married to his stepsister``."""
        married = self._w("marriage_words")
        if (t.lemma_.lower() not in married and t.lower_ not in married) or t.pos_ not in ("VERB", "ADJ"):
            return None
        k = t.i + 1
        if k < se and sdoc[k].lower_ == "to":
            k += 1
        if k < se and (sdoc[k].tag_ == "PRP$" or sdoc[k].pos_ == "DET"):
            k += 1
        end = self._match(self.relatives, sdoc, k, se) if k < se else None
        if end is None:
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        return Hit(frame.start, end, "family", "married a relative", ("married_relative",))

    def _married_again(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``married him twice``, ``married the same man three times``, ``has been married five times``."""
        married = self._w("marriage_words")
        if (t.lemma_.lower() not in married and t.lower_ not in married) or t.pos_ not in ("VERB", "ADJ"):
            return None
        times, same, end = 0, False, t.i + 1
        for k in range(t.i + 1, min(se, t.i + 8)):
            w = sdoc[k]
            if w.lower_ == "same":
                same, end = True, max(end, k + 2)
            elif w.lower_ in _TIMES_WORDS:
                times, end = _TIMES_WORDS[w.lower_], max(end, k + 1)
            elif w.lower_ == "times" and k > t.i + 1 and (q := quantity_at(sdoc, k - 1, k)) is not None:
                times, end = int(q[0]), max(end, k + 1)
            elif w.pos_ in ("VERB", "AUX", "CCONJ") or w.lower_ in (",", ";", "."):
                break
        partner = t.i + 1 < se and sdoc[t.i + 1].tag_ == "PRP" and sdoc[t.i + 1].lower_ != "it"
        if not (times >= 4 or (times >= 2 and (same or partner)) or (same and times)):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        return Hit(frame.start, min(end, se), "family", "married the same person again or many times", ("remarried",))

    def _lost_family(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``lost her husband and both sons in the same crash``: several of a family lost at once."""
        if t.lemma_.lower() not in self._w("family_loss_verbs") or t.pos_ != "VERB":
            return None
        members = self._w("family_members")
        k = t.i + 1
        kin = 0
        plural = False
        while k < se and k - t.i <= 9 and (is_np_token(sdoc[k]) or sdoc[k].lower_ in ("and", ",", "both", "all")):
            w = sdoc[k]
            if w.lemma_.lower() in members or w.lower_ in members:
                kin += 1
                plural = plural or w.tag_ == "NNS" or w.lower_ in self._w("plural_family")
            k += 1
        if not (kin >= 2 or (kin == 1 and plural)) or k >= se or sdoc[k].lower_ not in ("in", "to", "at"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, k, se, frame.start + self.max_tokens, max_pps=1)
        return Hit(frame.start, end, "life_event", "lost several of the family at once", ("lost_family",))

    def _struck(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``was hit by a train``, ``got gored by a bull``, ``was struck by lightning``."""
        if t.tag_ != "VBN" or t.lemma_.lower() not in self._w("struck_verbs") or t.i + 2 >= se:
            return None
        k = t.i + 1
        if sdoc[k].lower_ in ("over", "down"):
            k += 1
        if k >= se or sdoc[k].lower_ != "by":
            return None
        j = k + 1
        while j < se and (is_np_token(sdoc[j]) or sdoc[j].tag_ == "VBG") and j - k <= 4:
            j += 1
        cause = {sdoc[m].lemma_.lower() for m in range(k + 1, j)} | {sdoc[m].lower_ for m in range(k + 1, j)}
        if not cause & self._w("struck_by"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        end = j
        if end + 1 < se and sdoc[end].lower_ == "and" and sdoc[end + 1].lemma_.lower() in self._w("outcome_verbs"):
            end += 2  # "... and survived"
        elif end + 1 < se and sdoc[end].lower_ in ("while", "when") and sdoc[end + 1].tag_ == "VBG":
            end = self.frames.extend_right(sdoc, end + 2, se, end + 7, max_pps=1)  # "... while surfing at fifteen"
        return Hit(frame.start, end, "life_event", "a rare accident", ("struck_by",))

    def _struck_off(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``was struck off the dental register``, ``was struck off as a vet``, ``got disbarred``: a person
        put out of a profession (``sanction_verbs``, or "struck off")."""
        struck = t.lower_ == "struck" and t.i + 1 < se and sdoc[t.i + 1].lower_ == "off"
        sanctioned = {t.lemma_.lower(), t.lower_} & self._w("sanction_verbs")
        if not struck and (t.tag_ not in ("VBN", "VBD", "JJ") or not sanctioned):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        end = t.i + 1 + struck
        as_role = end < se and sdoc[end].lower_ == "as"  # "as a midwife", or "the register"
        end = phrase_end(sdoc, end + as_role, se)
        end = self.frames.extend_right(sdoc, end, se, frame.start + self.max_tokens, max_pps=0)
        return Hit(frame.start, end, "life_event", "put out of a profession", ("struck_off",))

    def _trapped(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``spent two days trapped under the rubble``, ``was pinned under a tractor for six hours``: a person
        held where they could not get out (``trapped_verbs`` with a place after them) for a stretch of
        ``trapped_units``, told after it or as time spent before it."""
        if t.tag_ not in ("VBN", "VBD") or t.lemma_.lower() not in self._w("trapped_verbs"):
            return None
        k = t.i + 1
        if k >= se or sdoc[k].lower_ not in self._w("trapped_links"):
            return None
        place_end = phrase_end(sdoc, k + 1, se)
        if place_end == k + 1:
            return None
        units = self._w("trapped_units")
        end = place_end
        # "... for nine hours"
        if end + 2 < se and sdoc[end].lower_ == "for":
            q = quantity_at(sdoc, end + 1, se)
            if q is not None and q[1] < se and sdoc[q[1]].lemma_.lower() in units:
                end = q[1] + 1
        # "spent two days trapped ...": the time spent before it
        spent = None
        if t.i - 3 >= ss and sdoc[t.i - 1].lemma_.lower() in units:
            for j in range(max(ss, t.i - 5), t.i - 1):
                if sdoc[j].lemma_.lower() == "spend":
                    spent = j
        if end == place_end and spent is None:
            return None
        frame = self.frames.frame_at_verb(sdoc, spent if spent is not None else t.i, ss)
        if not frame.person_subject:
            return None
        return Hit(frame.start, end, "life_event", "trapped for a long time", ("trapped",))

    def _sinking_forms(self) -> frozenset[str]:
        """The past forms of ``sinking_verbs`` ("sank", "capsized"): the tagger takes some of them for nouns."""
        forms = {"sank", "sunk"}
        for v in self._w("sinking_verbs"):
            forms |= {v + "d", v + "ed"} if not v.endswith("e") else {v + "d"}
        return frozenset(forms)

    def _lost_craft(self, t: Token) -> bool:
        """A boat, a ship or an aircraft (``lost_craft``, or a compound ending in ``lost_craft_endings``)."""
        lemma = t.lemma_.lower()
        if lemma in self._w("lost_craft") or t.lower_ in self._w("lost_craft"):
            return True
        return t.pos_ == "NOUN" and any(
            lemma.endswith(e) and len(lemma) > len(e) + 2 for e in self._w("lost_craft_endings")
        )

    def _sinking(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``survived when the crab boat went down``, ``the longliner he crewed on sank off the cape``: a craft
        of ``lost_craft`` lost (``sinking_verbs``, or "went down" with no object after it) with a person of the
        text tied to it: the craft is someone's ("our trawler"), a person is in a clause between the craft and
        the verb ("the seiner he crewed on"), or the loss is told after a person's verb and a word of
        ``sinking_links`` ("survived two days on a raft after ..."), where the detail starts."""
        end = t.i + 1
        sunk = t.lower_ in self.sinking_forms  # "sank" is tagged a noun now and then
        if not sunk:
            if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() != "go" or end >= se or sdoc[end].lower_ != "down":
                return None
            end += 1
            after = sdoc[end] if end < se else None
            objects = ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON")
            if after is not None and (after.pos_ in objects or after.lower_ == "to"):
                return None  # "went down the river", "went down to the shop"
        # the craft: the nearest noun before the verb, with only a name or a short clause between
        craft = None
        clause_person = False
        for j in range(t.i - 1, max(ss, t.i - 7) - 1, -1):
            tok = sdoc[j]
            if tok.pos_ == "NOUN":
                craft = j if self._lost_craft(tok) else None
                break
            if tok.pos_ in ("PROPN", "AUX", "PART", "ADV") or tok.lower_ in ("that", "which", "we", "i"):
                continue
            if tok.pos_ == "PRON" and tok.lower_ in self._w("person_pronouns"):
                clause_person = True
                continue
            if tok.pos_ in ("VERB", "ADP"):
                continue
            break
        if craft is None:
            return None
        begin = craft
        np_pos = ("NOUN", "ADJ", "DET", "PROPN", "NUM", "PART")
        while begin - 1 >= ss and (sdoc[begin - 1].pos_ in np_pos or sdoc[begin - 1].tag_ == "PRP$"):
            begin -= 1
        if begin - 1 >= ss and sdoc[begin - 1].lower_ == "of":
            return None  # "the price of the boat went down"
        owned = any(sdoc[m].tag_ == "PRP$" or sdoc[m].tag_ == "POS" for m in range(begin, craft))
        start = begin
        linked = owned or clause_person
        # "survived when the ...", "crewed on a longliner that went down": a person's verb before the craft
        if begin - 1 > ss and sdoc[begin - 1].lower_ in (*self._w("sinking_links"), "on", "aboard"):
            for v in range(begin - 2, ss - 1, -1):
                if sdoc[v].pos_ == "VERB":
                    frame = self.frames.frame_at_verb(sdoc, v, ss)
                    if frame.person_subject:
                        start, linked = frame.start, True
                    break
        if not linked:
            return None
        end = self.frames.extend_right(sdoc, end, se, start + self.max_tokens, max_pps=1)
        return Hit(start, end, "life_event", "a craft lost with someone on it", (sdoc[craft].lemma_.lower(),))

    def _fell_through(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``fell through the ice of the mill pond``, ``fell down a mineshaft``: a fall into a hazard of
        `fall_hazards` after one of `fall_verbs` and `fall_links`."""
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in self._w("fall_verbs"):
            return None
        k = t.i + 1
        if k + 1 >= se or sdoc[k].lower_ not in self._w("fall_links"):
            return None
        j = phrase_end(sdoc, k + 1, se)
        hazard = {sdoc[m].lemma_.lower() for m in range(k + 1, j)} | {sdoc[m].lower_ for m in range(k + 1, j)}
        if not hazard & self._w("fall_hazards"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, j, se, frame.start + self.max_tokens, max_pps=2)
        return Hit(frame.start, end, "life_event", "a rare accident", ("fell_through",))

    def _rolled(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``rolled my lorry on the bypass``, ``overturned the tractor``: a vehicle (`rolled_vehicles`) turned
        over by its driver (`rollover_verbs`), with how (", drunk", "on the ...")."""
        if t.pos_ != "VERB" or t.lemma_.lower() not in self._w("rollover_verbs") or t.i + 2 >= se:
            return None
        if sdoc[t.i + 1].tag_ != "PRP$" and sdoc[t.i + 1].lower_ not in ("the", "a", "his", "her"):
            return None
        j = phrase_end(sdoc, t.i + 1, se)
        if j - 1 <= t.i or sdoc[j - 1].lemma_.lower() not in self._w("rolled_vehicles"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        if j < se and sdoc[j].lower_ in self._w("rollover_not_before"):
            return None  # "rolled the car into the garage": moved, not turned over
        end = j
        if end + 1 < se and sdoc[end].lower_ == "," and sdoc[end + 1].pos_ == "ADJ":
            end += 2  # ", drunk"
        return Hit(frame.start, end, "life_event", "a rare accident", ("rollover",))

    def _streak(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``has been to every final since 1967``: an unbroken streak of something."""
        if t.lower_ not in self._w("streak_markers"):
            return None
        k = t.i + 1
        while k < se and is_np_token(sdoc[k]) and k - t.i <= 4:
            k += 1
        if k == t.i + 1 or k + 1 >= se or sdoc[k].lower_ != "since":
            return None
        if sdoc[k - 1].lemma_.lower() in self._w("uniqueness_generic_heads"):
            return None  # "every day since", "every meeting since": routine, not a streak people know
        if not (sdoc[k + 1].pos_ == "NUM" or sdoc[k + 1].like_num):
            return None
        end = k + 2
        start = self._person_verb_before(sdoc, t.i, ss, None, reach=4)
        if start is None:
            return None
        return Hit(start, end, "life_event", "an unbroken streak", ("streak",))

    def _repeated_win(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``won the ploughing match three years running``, ``has twice won the sheaf toss``: a win told as
        repeated (`repeat_win_verbs`; a count of `repeat_units` with `repeat_runs` after it, or "twice")."""
        if t.pos_ != "VERB" or t.lemma_.lower() not in self._w("repeat_win_verbs"):
            return None
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if not frame.person_subject:
            return None
        start = frame.start
        # "he's twice won ...": the count before the verb
        before = t.i - 1 >= ss and sdoc[t.i - 1].lower_ in _TIMES_WORDS
        end = min(se, start + self.max_tokens + 4)
        for k in range(t.i + 1, end):
            w = sdoc[k]
            # a second finite verb ends the clause (not a noun the tagger read as one: "the county show")
            finite = w.tag_ in ("VBD", "VBZ", "VBP", "MD") and sdoc[k - 1].pos_ not in ("DET", "NOUN", "ADJ")
            if w.is_punct or finite or w.lower_ in ("and", "but"):
                break
            if w.lower_ in _TIMES_WORDS:
                return Hit(start, k + 1, "life_event", "a win repeated", ("repeated win",))
            quantity = quantity_at(sdoc, k, se)
            if quantity is None or k + 1 >= se or quantity[0] < 2:
                continue
            unit = sdoc[quantity[1]] if quantity[1] < se else None
            if unit is None or unit.lemma_.lower() not in self._w("repeat_units"):
                continue
            after = quantity[1] + 1
            runs = [tuple(r.split()) for r in self._w("repeat_runs")]
            for r in runs:
                if tuple(x.lower_ for x in sdoc[after : after + len(r)]) == r:
                    return Hit(start, after + len(r), "life_event", "a win repeated", ("repeated win",))
            if unit.lemma_.lower() == "time":  # "won it four times"
                return Hit(start, after, "life_event", "a win repeated", ("repeated win",))
        if before:
            last = self.frames.extend_right(sdoc, t.i + 1, se, start + self.max_tokens, max_pps=1)
            return Hit(start, last, "life_event", "a win repeated", ("repeated win",))
        return None

    def _odd_tool(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``plays the whistle with her nose``: a part of the body used as a tool."""
        if t.lower_ != "with" or t.i + 2 >= se or sdoc[t.i + 1].tag_ != "PRP$":
            return None
        part = sdoc[t.i + 2]
        if part.lower_ not in self._w("odd_tool_parts") or (t.i + 3 < se and sdoc[t.i + 3].pos_ == "NOUN"):
            return None
        for v in range(t.i - 1, max(ss, t.i - 6) - 1, -1):
            w = sdoc[v]
            if w.pos_ == "VERB" and not is_np_token(w):
                if not self._skill(sdoc, v, ss, t.i):
                    return None
                start = self.frames.frame_at_verb(sdoc, v, ss).start
                return Hit(start, t.i + 3, "hobby", "does something in an unusual way", (part.lower_,))
            if not (is_np_token(w) or w.pos_ in ("ADP", "ADV", "PART")):
                return None
        return None
