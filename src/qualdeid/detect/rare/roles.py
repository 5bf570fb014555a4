"""Roles and occupations in their frames: "was a ...", "worked as a ...", "spent ten years as a ...",
"a former ...", "an ex-...". The phrase is judged on its head noun and modifiers:

* a job in ``occupation.txt`` (or a distinctive place or hobby in the phrase) is a detail,
* a notable modifier makes any role one ("a child actor", "a famous chef", "a professional dancer"),
* an ordinary job (``common.txt``) is not,
* any other role counts when its head or a modifier is uncommon in general language, and then only
  if few documents of the corpus share it (within-corpus rarity).

Word lists: ``rules/rare/roles.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import is_np_token
from qualdeid.detect.rare.lexicon import Category, RareRules

#: lexicon categories that make a role phrase distinctive
_RARE_CATEGORIES = {
    Category.OCCUPATION: Category.OCCUPATION,
    Category.SETTING: Category.OCCUPATION,
    Category.HOBBY: Category.HOBBY,
    Category.MINORITY: Category.MINORITY,
}
_NAME_ENTITIES = frozenset({"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})
_BE = frozenset({"be", "become"})
_ARTICLES = frozenset({"a", "an"})


class RoleFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.pre_article_adverbs = self._w("pre_article_adverbs")
        self.role_zipf = rr.threshold("role_zipf")
        self.modifier_zipf = rr.threshold("modifier_zipf")
        self.lasting_zipf = rr.threshold("bio_loose_zipf")
        self.min_known_zipf = rr.threshold("min_known_zipf")
        self.stretches = self._w("career_nouns")
        self.licences = self._w("licence_nouns")
        self.triggers = frozenset({"as", "of", *_BE, *self._w("former_markers"), *self.stretches, *self.licences})

    def find(self, ctx: RareContext) -> list[Hit]:
        """Role phrases of one document. ``lexicon`` maps token index -> lexicon category (incl. common)."""
        sdoc, dw, bounds, named, lexicon = ctx.sdoc, ctx.words, ctx.bounds, ctx.named, ctx.categories
        out: list[Hit] = []
        for i in dw.where(self.triggers):
            t = sdoc[i]
            ss, se = bounds[i]
            if t.pos_ == "NOUN" and (t.lower_ in self.stretches or t.lemma_.lower() in self.licences):
                if (hit := self._stretch_or_licence(sdoc, t, ss, se, named, lexicon)) is not None:
                    out.append(hit)
                continue
            if t.lower_ == "of":
                if (hit := self._kin_of(sdoc, t, ss, se, named, lexicon)) is not None:
                    out.append(hit)
                continue
            opened = self._opening(sdoc, t, ss, se)
            if opened is None:
                continue
            start, np_start, definite = opened
            hit = self._judge(sdoc, start, np_start, se, named, lexicon, definite)
            if hit is not None:
                out.append(hit)
        return out

    # ---------------------------------------------------------------- where a role phrase opens

    def _opening(self, sdoc: Doc, t: Token, ss: int, se: int) -> tuple[int, int, bool] | None:
        """(phrase start, first token of the role's noun phrase, definite article) or ``None``."""
        low = t.lower_
        if low == "as" and t.pos_ in ("ADP", "SCONJ"):
            cue = self._as_cue(sdoc, t.i, ss)
            if cue is None:
                return None
            np_start, definite = self._after_article(sdoc, t.i + 1, se)
            return cue, np_start, definite
        if t.lemma_.lower() in _BE and t.pos_ in ("AUX", "VERB") and t.i + 1 < se:
            k = t.i + 1
            if sdoc[k].lower_ in self.pre_article_adverbs:
                k += 1
            if k >= se or sdoc[k].lower_ not in _ARTICLES | {"the"}:
                return None
            frame = self.frames.frame_at_verb(sdoc, t.i, ss)
            if not frame.person_subject:
                return None
            return frame.start, k + 1, sdoc[k].lower_ == "the"
        if low in self._w("former_markers") and t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB", "X") and t.i + 1 < se:
            start = t.i
            if start - 1 >= ss and sdoc[start - 1].lower_ in _ARTICLES:
                start -= 1
                if start - 1 >= ss and sdoc[start - 1].lemma_.lower() in _BE:
                    start -= 1
            return start, t.i, False
        return None

    def _as_cue(self, sdoc: Doc, as_i: int, ss: int) -> int | None:
        """Start of "worked as", "spent ten years as", "his time as": the cue within five tokens."""
        cues = self._w("role_as_cues")
        for k in range(as_i - 1, max(ss, as_i - 6) - 1, -1):
            w = sdoc[k]
            if w.lemma_.lower() in cues and w.pos_ in ("VERB", "NOUN", "AUX"):
                if w.pos_ == "NOUN":  # "ten years as", "his career as": back over the noun phrase to its verb
                    j = k
                    while j - 1 >= ss and is_np_token(sdoc[j - 1]):
                        j -= 1
                    if j - 1 >= ss and sdoc[j - 1].pos_ == "VERB":
                        return self.frames.frame_at_verb(sdoc, j - 1, ss).start
                    return j
                return self.frames.frame_at_verb(sdoc, k, ss).start
            if not (is_np_token(w) or w.pos_ in ("ADV", "ADP", "PART")):
                return None
        return None

    @staticmethod
    def _after_article(sdoc: Doc, k: int, se: int) -> tuple[int, bool]:
        if k < se and (sdoc[k].pos_ == "DET" or sdoc[k].tag_ == "PRP$"):
            return k + 1, sdoc[k].lower_ == "the"
        return k, False

    # ---------------------------------------------------------------- judging the role

    def _judge(
        self, sdoc: Doc, start: int, np_start: int, se: int, named: bytearray, lexicon: dict[int, str], definite: bool
    ) -> Hit | None:
        former = self._w("former_markers")
        k = np_start
        while (
            k < se and k - np_start < 7 and (is_np_token(sdoc[k]) or sdoc[k].lower_ in former) and sdoc[k].pos_ != "DET"
        ):
            if sdoc[k].tag_ == "POS":
                break
            k += 1
        heads = [i for i in range(np_start, k) if sdoc[i].pos_ in ("NOUN", "PROPN") and sdoc[i].is_alpha]
        if not heads and k > np_start and sdoc[k - 1].pos_ == "ADJ" and sdoc[k - 1].is_alpha:
            heads = [k - 1]  # "an usher": the tagger sometimes reads a rare noun after an article as an adjective
        if not heads:
            return None
        head = heads[-1]
        head_tok = sdoc[head]
        if named[head_tok.idx] or head_tok.ent_type_ in _NAME_ENTITIES:
            return None
        np_range = range(np_start, head + 1)
        head_lemma = head_tok.lemma_.lower()
        categories = {lexicon[i] for i in np_range if i in lexicon}
        rare_categories = [_RARE_CATEGORIES[c] for c in categories if c in _RARE_CATEGORIES]
        mods = [
            sdoc[i]
            for i in range(np_start, head)
            if sdoc[i].is_alpha and sdoc[i].pos_ != "DET" and sdoc[i].lower_ not in former
        ]
        notable = any(m.lower_ in self._w("notable_modifiers") for m in mods)
        common = lexicon.get(head) == Category.COMMON or head_lemma in self.rr.common_words
        keys: tuple[str, ...] = (head_lemma,)
        # a role held for a stretch of time ("was a bike courier for nine years") is judged more loosely
        role_zipf, modifier_zipf = self.role_zipf, self.modifier_zipf
        lasting = self._lasting(sdoc, start, head, se)
        if lasting:
            role_zipf, modifier_zipf = max(role_zipf, self.lasting_zipf), max(modifier_zipf, self.lasting_zipf)
        if rare_categories:
            subtype, status, reason = rare_categories[0], Status.ACCEPTED, "unusual occupation or role"
        elif any(m.lower_ in self._w("praise_modifiers") for m in mods):
            return None  # "is a great listener", "was a real grafter": what someone is like, no job of a lexicon
        elif not self._is_role(head_tok, role_zipf):
            return None
        elif notable:
            subtype, status, reason = "occupation", Status.ACCEPTED, "notable occupation or role"
        elif definite:
            return None
        elif common:
            # an ordinary job made unusual by where it was done, held for years: "a cannery mechanic"
            rare_mods = [m for m in mods if lasting and self._rare_modifier(m, named, lexicon, self.modifier_zipf)]
            if not rare_mods:
                return None
            subtype, status, reason = "occupation", Status.CORPUS_CHECK, "uncommon kind of occupation or role"
            keys = (*(m.lemma_.lower() for m in rare_mods), head_lemma)
        elif self.min_known_zipf <= zipf_any_spelling(head_tok.lower_) < role_zipf:
            subtype, status, reason = "occupation", Status.CORPUS_CHECK, "uncommon occupation or role"
        else:
            rare_mods = [m for m in mods if self._rare_modifier(m, named, lexicon, modifier_zipf)]
            if not rare_mods:
                return None
            subtype, status, reason = "occupation", Status.CORPUS_CHECK, "uncommon kind of occupation or role"
            keys = (*(m.lemma_.lower() for m in rare_mods), head_lemma)
        end = self.frames.extend_right(sdoc, head + 1, se, start + self.max_tokens, max_pps=1)
        return Hit(start, max(end, head + 1), subtype, reason, keys, status)

    def _kin_of(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``the daughter of a former premier``, ``the son of a famous boxer``: kin of someone notable."""
        kin = t.i - 1
        if kin < ss or sdoc[kin].lemma_.lower() not in self._w("kin_nouns") or t.i + 2 >= se:
            return None
        np_start, _ = self._after_article(sdoc, t.i + 1, se)
        if np_start == t.i + 1:
            return None  # "the son of Mary": a name, not a role
        hit = self._judge(sdoc, np_start, np_start, se, named, lexicon, False)
        if hit is None or hit.status != Status.ACCEPTED:
            return None
        start = kin - 1 if kin - 1 >= ss and (sdoc[kin - 1].pos_ == "DET" or sdoc[kin - 1].tag_ == "PRP$") else kin
        return Hit(start, hit.end, "family", "kin of someone notable", hit.keys)

    def _stretch_or_licence(
        self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``her modelling career``, ``his rodeo days``, ``a pilot's licence``: what the modifiers say."""
        k = t.i
        while (
            k - 1 >= ss
            and t.i - k < 3
            and (sdoc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ") or sdoc[k - 1].tag_ in ("VBG", "POS", "HYPH"))
        ):
            k -= 1
        if k == t.i or k - 1 < ss or not (sdoc[k - 1].tag_ == "PRP$" or sdoc[k - 1].pos_ == "DET"):
            return None
        mods = [sdoc[m] for m in range(k, t.i) if sdoc[m].is_alpha]
        licence = t.lemma_.lower() in self.licences
        if licence:
            known = any(
                m.lemma_.lower() in self._w("licence_kinds") or m.lower_ in self._w("licence_kinds") for m in mods
            )
            reason = "unusual licence or qualification"
        else:
            if sdoc[k - 1].tag_ != "PRP$":
                return None  # "the early years": a stretch of someone's life needs "her", "his"
            known = False
            reason = "unusual past career"
        rare = [
            m
            for m in mods
            if lexicon.get(m.i) in _RARE_CATEGORIES or self._rare_modifier(m, named, lexicon, self.modifier_zipf)
        ]
        if not (known or rare):
            return None
        status = (
            Status.ACCEPTED if known or any(lexicon.get(m.i) in _RARE_CATEGORIES for m in mods) else Status.CORPUS_CHECK
        )
        end = self.frames.extend_right(sdoc, t.i + 1, se, k - 1 + self.max_tokens, max_pps=1)
        keys = tuple(m.lemma_.lower() for m in (rare or mods))
        return Hit(k - 1, end, "occupation", reason, keys, status)

    def _lasting(self, sdoc: Doc, start: int, head: int, se: int) -> bool:
        """Is the role said to have lasted a stretch of time: "spent nine winters as ...", "... for ten years"?"""
        units = self._w("bio_durations")
        for k in [*range(max(0, start - 1), head), *range(head + 1, min(se, head + 8))]:
            w = sdoc[k]
            if (
                w.lemma_.lower() in units
                and k > 0
                and (sdoc[k - 1].like_num or sdoc[k - 1].pos_ in ("NUM", "ADJ", "DET"))
            ):
                return True
        return False

    def _is_role(self, t: Token, role_zipf: float) -> bool:
        lemma = t.lemma_.lower()
        if lemma in self._w("occupation_heads") or t.lower_ in self._w("occupation_heads"):
            return True
        if lemma in self._w("non_role_nouns") or zipf_any_spelling(t.lower_) >= role_zipf:
            return False
        return any(lemma.endswith(s) and len(lemma) > len(s) + 2 for s in self._w("role_suffixes"))

    def _rare_modifier(self, m: Token, named: bytearray, lexicon: dict[int, str], limit: float) -> bool:
        return (
            m.pos_ in ("NOUN", "ADJ", "PROPN", "VERB")
            and len(m) >= 4
            and not named[m.idx]
            and m.ent_type_ not in _NAME_ENTITIES
            and lexicon.get(m.i) != Category.COMMON
            and m.lower_ not in self._w("plain_modifiers")
            and self.min_known_zipf <= zipf_any_spelling(m.lower_) < limit
        )
