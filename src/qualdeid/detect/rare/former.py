"""A former life told as such: the frame says a fact of someone's past follows, and no lexicon has to
name the fact.

* a turning point after the fact: "he drove trams back home", "she bred goats before coming over",
  "he was in a rowing eight before his first episode"; or before it: "Before she got unwell she
  restored barges",
* a worker's or someone's own telling: "I told him I shod horses", "told them about when I was a
  bell-ringer", "told her about crewing yachts",
* a past fact disclosed of anyone: "she told me her brother ran a sawmill", "turns out he crewed a
  lifeboat", "it came out that she refereed a cup final" (a less rare word, ``disclosure_zipf``, is enough).

The past-tense phrase after a person subject is a detail when a word of it is uncommon in general
language (``former_zipf``) and few documents of the corpus share it: "I told him I was scared" and
"back home he had a big family" stay plain.

Word lists: ``rules/rare/former.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.rare.context import NAME_ENTITIES, RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import verb_lemma
from qualdeid.detect.rare.lexicon import RareRules

_CONTENT_POS = frozenset({"NOUN", "ADJ", "PROPN", "VERB"})
#: a phrase must name a thing, not only a state ("was scared", "loved it")
_THING_POS = frozenset({"NOUN", "PROPN", "NUM"})
#: finite verbs: a past one in a turning-point frame, any one told of oneself ("I told him I shear sheep")
_FINITE = frozenset({"VBD", "VBP", "VBZ"})


class FormerLifeFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.former_zipf = rr.threshold("former_zipf")
        self.verb_zipf = rr.threshold("former_verb_zipf")
        self.role_zipf = rr.threshold("former_role_zipf")
        self.reach = int(rr.threshold("former_reach"))
        self.disclosure_verbs = self._w("disclosure_verbs")
        self.links = self._w("disclosure_links")
        self.disclosure_zipf = rr.threshold("disclosure_zipf")
        self.openers = [tuple(o.split()) for o in self._w("disclosure_openers")]
        self.loose_verbs = self._w("disclosure_loose_verbs")
        self.echo_words = self._w("disclosure_echo_words")
        self.present_modals = self._w("disclosure_present_modals")
        self.future_words = self._w("disclosure_future_words")
        self.places: dict[str, list[tuple[str, ...]]] = {}
        for place in self._w("former_places"):
            words = tuple(place.split())
            self.places.setdefault(words[0], []).append(words)
        self.turning_points = self._w("turning_points")
        self.not_turning_after = self._w("not_turning_after")
        self.plain = self._w("former_plain_verbs")
        self.roles = self._w("former_roles")
        self.pronouns = self.frames.person_pronouns

    def find(self, ctx: RareContext) -> list[Hit]:
        sdoc = ctx.sdoc
        marks = self._markers(sdoc, ctx.words.lowers)
        # only sentences with a turning point or a telling verb can hold a former life
        framed = {ctx.bounds[start] for start, _ in marks}
        framed.update(ctx.bounds[i] for i in ctx.words.where(self.disclosure_verbs))
        framed.update(ctx.bounds[i] for i in ctx.words.where({o[-1] for o in self.openers}))
        if not framed:
            return []
        hits = []
        for start, end in sorted(framed):
            for t in sdoc[start:end]:
                if t.tag_ not in _FINITE and not self._told_present(sdoc, t, start):
                    continue
                hit = self._former(ctx, t, marks)
                if hit is not None:
                    hits.append(hit)
        return hits

    def _told_present(self, sdoc: Doc, t: Token, start: int) -> bool:
        """A verb that is no finite form but may carry a told fact: "told her about crewing yachts", "told
        me she can splice cable" (a modal of `disclosure_present_modals`), "her son is training falcons"."""
        if t.i <= start or t.tag_ not in ("VB", "VBG", "VBN"):
            return False
        before = sdoc[t.i - 1]
        if t.tag_ == "VBN":
            return self._past(sdoc, t)
        if t.tag_ == "VB":
            return before.tag_ == "MD" and before.lower_ in self.present_modals
        return before.lower_ == "about" or (before.pos_ == "AUX" and before.tag_ in ("VBZ", "VBP"))

    @staticmethod
    def _past(sdoc: Doc, t: Token) -> bool:
        """A past tense, also one the tagger read as a participle right after its subject ("her cousin
        trained falcons")."""
        if t.tag_ == "VBD":
            return True
        return t.tag_ == "VBN" and t.i > 0 and sdoc[t.i - 1].tag_ in ("NN", "NNS", "NNP", "PRP")

    # ---------------------------------------------------------------- frames

    def _markers(self, sdoc: Doc, lowers: list[str]) -> list[tuple[int, int]]:
        """Token ranges of the turning points: "back home", "before <a turning point>"."""
        out = []
        for i, w in enumerate(lowers):
            for place in self.places.get(w, ()):
                if tuple(lowers[i : i + len(place)]) == place:
                    out.append((i, i + len(place)))
            if w == "before":
                for k in range(i + 1, min(len(sdoc), i + 1 + self.reach)):
                    if sdoc[k].is_punct:
                        break
                    if lowers[k] in self.turning_points or sdoc[k].lemma_.lower() in self.turning_points:
                        # "before coming in", "before moving round": a move within a day, no turning point
                        if k + 1 >= len(sdoc) or lowers[k + 1] not in self.not_turning_after:
                            out.append((i, k + 1))
                        break
        return out

    def _told(self, sdoc: Doc, subject: int, ss: int) -> str | None:
        """``told him (that) I ...``, ``told them about when I ...``, ``turns out she ...``: the telling
        verb's lemma, or "out" for an opener of `disclosure_openers`, before the subject; else ``None``."""
        k = subject - 1
        while k >= ss and subject - k <= 8:
            t = sdoc[k]
            if any(
                k - len(o) + 1 >= ss and tuple(w.lower_ for w in sdoc[k - len(o) + 1 : k + 1]) == o
                for o in self.openers
            ):
                return "out"
            if t.pos_ == "VERB" and verb_lemma(t) in self.disclosure_verbs:
                # "wanted to talk about ...", "going to tell them ...": a telling to come, not a past told;
                # "tell him you ...": a bidding, nothing told yet
                bidding = t.tag_ == "VB" and (k == ss or sdoc[k - 1].is_punct or not sdoc[k - 1].is_alpha)
                if (k > ss and sdoc[k - 1].lower_ == "to") or bidding:
                    return None
                return verb_lemma(t)
            if t.lower_ not in self.links and not (t.pos_ == "PROPN" and t.ent_type_ == "PERSON"):
                return None
            k -= 1
        return None

    def _former(self, ctx: RareContext, t: Token, marks: list[tuple[int, int]]) -> Hit | None:
        sdoc, named = ctx.sdoc, ctx.named
        ss, se = ctx.bounds[t.i]
        if verb_lemma(t) in self.plain:
            return None
        about = t.tag_ == "VBG" and sdoc[t.i - 1].lower_ == "about"
        subject_start = -1  # where the subject's phrase starts (a comma before it counted in)
        if about:  # "told her about crewing yachts"
            start, telling, named_subject = t.i, self._told(sdoc, t.i, ss), False
        else:
            frame = self.frames.frame_at_verb(sdoc, t.i, ss, shared_subject=True)
            subject = frame.start - 1
            if not frame.person_subject or subject < ss:
                return None
            named_subject = sdoc[subject].lower_ not in self.pronouns
            start = frame.start
            subject_start = self._phrase_start(sdoc, subject, ss) if named_subject else subject
            telling = self._told(sdoc, subject_start, ss)
            if subject_start > ss and sdoc[subject_start - 1].lower_ == ",":
                subject_start -= 1  # "back home, he ..."
            if sdoc[subject].pos_ == "CCONJ":  # "... came out and had cake": no telling before a second verb
                telling = None
        told = telling is not None
        # a past fact disclosed ("she told me her brother drowned ...", "turns out he ...") may be said of
        # anyone and needs a less rare word; after a plain "said" only the writer's or a pronoun's past counts
        loose = telling == "out" or telling in self.loose_verbs
        past = self._past(sdoc, t)
        disclosed = loose and past
        # a present fact told of someone ("she told me her son trains falcons") needs the rarer word of
        # former_zipf, as one told of the teller does
        if named_subject and not loose:
            told = False
        framed = False
        limit = start + self.max_tokens
        end = self.frames.extend_relative(sdoc, self.frames.extend_right(sdoc, t.i + 1, se, limit), se, limit)
        if (
            end + 1 < se
            and sdoc[end].lower_ == "and"
            and self._past(sdoc, sdoc[end + 1])
            and verb_lemma(sdoc[end + 1]) not in self.plain
        ):  # "... and got a kidney"
            more = self.frames.extend_right(sdoc, end + 2, se, limit)
            if any(sdoc[m].pos_ in _THING_POS for m in range(end + 2, more)):
                end = more
        for m_start, m_end in marks:
            place = sdoc[m_start].lower_ != "before"
            if start <= m_start <= end and place:
                end = m_end  # "was a vet back home": where is part of the fact
                framed = True
            elif start <= m_start < end:
                end = m_start  # the phrase stops before its turning point
            in_sentence = ss <= m_start < se
            # a turning point before the phrase frames it when it opens the sentence ("Before she got ill
            # she restored barges"), not when it closes an earlier clause ("... before coming here, and she ...")
            opens = m_end <= start and not any(sdoc[k].pos_ in ("VERB", "AUX") for k in range(ss, m_start))
            # ... and when it opens the clause, right before its subject ("... and that back home I taught ...")
            opens = opens or (place and m_end == subject_start)
            if in_sentence and (m_start >= end or opens):
                framed = True
        # a present state ("I told him I'm ...") is no former life; what someone is, only when disclosed ("she
        # told me she is the only ..."), not merely said ("says he's the best ...")
        if not past and not (told and (t.lemma_.lower() != "be" or (loose and self._is_role(sdoc, t, end)))):
            return None
        # what someone can do or is doing is told, not merely said ("he said he can fetch a table")
        if not past and t.tag_ in ("VB", "VBG") and not about and not loose:
            return None
        if not past and self._planned(sdoc, t, se):
            return None  # "told him she's starting a class tomorrow": a plan, no fact of a life yet
        if not (told or framed) or end <= t.i + 1 or (named_subject and not (framed or told)):
            return None
        words = [sdoc[m] for m in range(t.i, end)]
        if not any(w.pos_ in _THING_POS for w in words):
            return None
        rare = [w for w in words if self._uncommon(w, ctx.named, self.former_zipf)]
        # "I told him I'd walked that same road": an experience shared with the listener, no new fact
        echo = any(w.lower_ in self.echo_words for w in words)
        # the corpus check counts the rarest words; the less rare ones only when none is rarer
        if not rare and disclosed and not echo:
            rare = [w for w in words if self._uncommon(w, ctx.named, self.disclosure_zipf)]
        if not rare and framed and self._role(sdoc, t, end):
            rare = [w for w in words if w.pos_ == "NOUN" and not named[w.idx] and self._role_word(w)]
        if not rare:
            return None
        keys = tuple(dict.fromkeys(w.lemma_.lower() for w in rare))
        return Hit(start, end, "life_event", "a former life told as such", keys, Status.CORPUS_CHECK)

    def _planned(self, sdoc: Doc, t: Token, se: int) -> bool:
        """A present told as a plan: a word of `disclosure_future_words` in the rest of its sentence."""
        return any(sdoc[k].lower_ in self.future_words for k in range(t.i + 1, se))

    @staticmethod
    def _is_role(sdoc: Doc, t: Token, end: int) -> bool:
        """``is the only ...``, ``being a ferry purser``: a form of "be" that names what someone is."""
        return (
            t.i + 1 < end and sdoc[t.i + 1].tag_ == "DT" and sdoc[t.i + 1].lower_ not in ("no", "all", "this", "that")
        )

    def _role(self, sdoc: Doc, t: Token, end: int) -> bool:
        """``ran the presses``, ``trained as a vet``, ``was a ferry pilot``: what someone was or did."""
        lemma = verb_lemma(t)
        if lemma == "be":
            return t.i + 1 < end and sdoc[t.i + 1].lower_ in ("a", "an", "one")
        return lemma in self.roles

    def _role_word(self, t: Token) -> bool:
        if not t.is_alpha or self._common(t) or t.lemma_.lower() in self.rr.person_nouns:
            return False
        return 1.0 <= min(zipf_any_spelling(t.lower_), zipf_any_spelling(t.lemma_.lower())) < self.role_zipf

    def _common(self, t: Token) -> bool:
        return bool({t.lemma_.lower(), t.lower_} & (self.rr.common_words | self.rr.clinical))

    @staticmethod
    def _phrase_start(sdoc: Doc, subject: int, ss: int) -> int:
        """First token of a named subject's phrase: "his late wife" before "died", "Ana" before "was"."""
        k = subject
        while k - 1 >= ss and (sdoc[k - 1].tag_ in ("PRP$", "DT", "JJ", "POS") or sdoc[k - 1].pos_ == "PROPN"):
            k -= 1
        return k

    def _uncommon(self, t: Token, named: bytearray, below: float) -> bool:
        """A content word rarer than ``former_zipf``, not a name, a common word or a clinical term."""
        if t.pos_ not in _CONTENT_POS or not t.is_alpha or len(t) < 4 or t.is_stop:
            return False
        if named[t.idx] or t.ent_type_ in NAME_ENTITIES:
            return False
        lemma = t.lemma_.lower()
        if self._common(t):
            return False
        if t.pos_ == "VERB" and 1.0 <= zipf_any_spelling(t.lower_) < self.verb_zipf:
            return True
        return 1.0 <= max(zipf_any_spelling(t.lower_), zipf_any_spelling(lemma)) < below
