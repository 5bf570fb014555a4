"""A practice named by a rare or foreign word: what someone plays, paints, carves or repairs when the
thing has a name English hardly knows ("plays the bandura", "carves taiaha", "a gifted kalimba
player"). No lexicon can list the crafts and instruments of every culture; the frame (a verb of
practice, or a role noun after the word) and the word's rarity in general language say it is a
distinctive skill. "Makes ..." is no such frame: a dish is made as often as a craft. A word English
does not know at all must not be one edit away from a word it knows nor two of its words joined
("plays the guitr" is a typo, "a codebook" a compound).

Kept when few documents of the corpus share the word (a craft a whole community shares is no one's
detail). Word lists: ``rules/rare/practice.yaml``.
"""

from __future__ import annotations

from string import ascii_lowercase

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import extend_np_left, is_np_token, verb_lemma
from qualdeid.detect.rare.lexicon import RareRules, entry_words

_KNOWN = frozenset({"the", "this", "that", "these", "those"})


class PracticeFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.practice_zipf = rr.threshold("practice_zipf")
        self.min_known_zipf = rr.threshold("min_known_zipf")
        self.typo_zipf = rr.threshold("typo_zipf")
        self.verbs = self._w("practice_verbs")
        self.roles = self._w("practice_roles")
        self.everyday = rr.everyday_words
        self.instruments = [entry_words(i) for i in self._w("instruments")]
        self.instrument_words = frozenset(words[0] for words in self.instruments)
        self.instrument_zipf = rr.threshold("instrument_zipf")
        self.owned_instrument_zipf = rr.threshold("owned_instrument_zipf")

    def find(self, ctx: RareContext) -> list[Hit]:
        return self._rare_practices(ctx) + self._instruments(ctx)

    def _rare_practices(self, ctx: RareContext) -> list[Hit]:
        sdoc = ctx.sdoc
        hits = []
        for i, word in enumerate(ctx.words.lowers):
            if len(word) < 3 or zipf_any_spelling(word) >= self.practice_zipf:  # the cheap test first
                continue
            t = sdoc[i]
            if not self._rare_word(t, ctx.named):
                continue
            ss, se = ctx.bounds[t.i]
            hit = self._practised(sdoc, t, ss, se) or self._role(sdoc, t, ss, se)
            if hit is not None and not self._english_shape(t.lower_):  # the costly test last
                hits.append(hit)
        return hits

    def _rare_word(self, t: Token, named: bytearray) -> bool:
        """A lower-case word, no name, rare in general English and not an everyday word of a setting."""
        word = t.lower_
        if t.text != word or len(word) < 3 or not word.replace("'", "").isalpha() or named[t.idx]:
            return False
        if t.pos_ not in ("NOUN", "PROPN", "X") or word in self.everyday or word in self.rr.common_words:
            return False
        return zipf_any_spelling(word) < self.practice_zipf and t.lemma_.lower() not in self.rr.common_words

    def _english_shape(self, word: str) -> bool:
        """A compound of English words, or (for a word English does not know) a typo of one."""
        return self._compound(word) or (zipf_any_spelling(word) < self.min_known_zipf and self._typo(word))

    def _compound(self, word: str) -> bool:
        """Two words English knows well, joined ("codebook")."""
        halves = ((word[:i], word[i:]) for i in range(4, len(word) - 3))
        return any(zipf_any_spelling(a) >= self.typo_zipf and zipf_any_spelling(b) >= self.typo_zipf for a, b in halves)

    def _typo(self, word: str) -> bool:
        """One deletion, swap, change or insertion away from a word English knows well."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in ascii_lowercase}
        edits |= {a + c + b for a, b in splits for c in ascii_lowercase}
        return any(zipf_any_spelling(e) >= self.typo_zipf for e in edits - {word})

    def _practised(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``plays the bandura``, ``was painting sashiko panels``: the word in the object of a practice verb."""
        k = extend_np_left(sdoc, t.i, ss) - 1
        if k < ss or sdoc[k].pos_ not in ("VERB", "AUX") or verb_lemma(sdoc[k]) not in self.verbs:
            return None
        if verb_lemma(sdoc[k]) in self._w("one_off_verbs") and sdoc[k].tag_ == "VBD" and sdoc[k + 1].lower_ in _KNOWN:
            return None  # "threw the spatula": something done once to a thing the text knows
        frame = self.frames.frame_at_verb(sdoc, k, ss, shared_subject=True)
        start = frame.start if frame.person_subject else k
        end = t.i + 1
        while end < se and is_np_token(sdoc[end]) and sdoc[end].pos_ != "DET":
            end += 1
        if end < se and sdoc[end].pos_ != "DET":  # not "every payday"
            end = self.frames.extend_right(sdoc, end, se, start + self.max_tokens, max_pps=1)
        return Hit(start, end, "hobby", "a practice named by a rare or foreign word", (t.lower_,), Status.CORPUS_CHECK)

    def _role(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``a gifted bandura player``: the word before a role noun of a practice."""
        k = t.i + 1
        while k < se and sdoc[k].pos_ in ("NOUN", "PROPN") and sdoc[k].lower_ not in self.roles and k - t.i < 3:
            k += 1
        if k >= se or sdoc[k].lower_ not in self.roles:
            return None
        start = extend_np_left(sdoc, t.i, ss)
        return Hit(
            start, k + 1, "hobby", "a practice named by a rare or foreign word", (t.lower_,), Status.CORPUS_CHECK
        )

    def _instruments(self, ctx: RareContext) -> list[Hit]:
        """``plays the cello``, ``played accordion at weddings``, ``brought her harp``: an instrument fewer
        people play than the guitar or the piano (``instrument_zipf``); one only owned ("her cello") must
        be rarer still (``owned_instrument_zipf``)."""
        sdoc = ctx.sdoc
        hits = []
        for i in ctx.words.where(self.instrument_words):
            word = ctx.words.lowers[i]
            if (
                zipf_any_spelling(word) >= self.instrument_zipf
                or ctx.named[sdoc[i].idx]
                or word in self.rr.common_words
            ):
                continue
            words = next((w for w in self.instruments if _words_at(ctx.words.lowers, i, w)), None)
            if words is None:
                continue
            ss, se = ctx.bounds[i]
            end = i + len(words)
            k = i - 1
            while k >= ss and (sdoc[k].pos_ == "ADJ" or sdoc[k].lower_ == "the"):
                k -= 1
            if k >= ss and sdoc[k].pos_ in ("VERB", "AUX") and verb_lemma(sdoc[k]) == "play":
                frame = self.frames.frame_at_verb(sdoc, k, ss, shared_subject=True)
                start = frame.start if frame.person_subject else k
                end = self.frames.extend_right(sdoc, end, se, start + self.max_tokens, max_pps=1)
            elif k >= ss and sdoc[k].lower_ in _POSSESSIVES and zipf_any_spelling(word) < self.owned_instrument_zipf:
                start = k
            else:
                continue
            hits.append(Hit(start, end, "hobby", "plays an instrument few people play", (word,), Status.CORPUS_CHECK))
        return hits


_POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your"})  # "her" is often tagged as an object


def _words_at(lowers: list[str], i: int, words: tuple[str, ...]) -> bool:
    return lowers[i : i + len(words)] == list(words)
