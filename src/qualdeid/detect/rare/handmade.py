"""Things someone made by hand: a verb of making and a sign of handwork after it.

"the banjo he made himself", "bird tables he builds out of old oars", "a map of her street
stitched from memory", "the model engines he builds in his garage", "making kites from scratch". What was
made may be an everyday word (a shirt, a canoe): the handwork is the detail. A strong sign ("by hand",
"out of ...", "from memory") is enough on its own; a weaker one (the maker's garage, "himself") needs a
thing made that is not a dish or a plan and not a word of every day (``handmade_zipf``). A verb of a
craft (``craft_relative_verbs``) needs no sign where the thing stands before its maker: "the soapstone owls
she carves", "the old barometers he restores" (a word of the thing rarer than ``handmade_zipf``). Word
lists: ``rules/rare/handmade.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder
from qualdeid.detect.rare.frames import extend_np_left, phrase_end, run_patterns, verb_lemma
from qualdeid.detect.rare.lexicon import RareRules

_REFLEXIVES = frozenset({"himself", "herself", "myself", "themselves", "ourselves", "yourself"})
_POSSESSIVES = frozenset({"his", "her", "my", "their", "our", "your", "the"})
_MAKER_PRONOUNS = frozenset({"he", "she", "i", "they", "we", "you"})
_CLAUSE_WORDS = frozenset({"and", "but", "because", "so"})  # a new clause: the signs are behind
_REASON = "made something by hand"
_NOT_OBJECT_POS = frozenset({"PRON", "ADP", "DET", "VERB", "AUX", "CCONJ", "SCONJ", "PUNCT", "PART"})
_NOT_MADE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "PERSON", "NORP", "ORG", "DATE"})


class HandmadeFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.made_verbs = self._w("handmade_verbs")
        #: verbs of keeping a thing (``repair``, ``tune``) count only with a client people know after them
        self.verbs = self.made_verbs | self._w("commission_verbs")
        self.phrases = [tuple(p.split()) for p in self._w("handmade_phrases")]
        self.places = self._w("workshop_places")
        self.not_made = self._w("not_handmade")
        self.thing_zipf = rr.threshold("handmade_zipf")
        self.kept_zipf = rr.threshold("kept_zipf")
        self.craft_verbs = self._w("craft_relative_verbs")
        self.clients = self._w("commission_clients")
        self.commission_verbs = self._w("commission_verbs")

    def find(self, ctx: RareContext) -> list[Hit]:
        return run_patterns((self._made,), ctx.sdoc, ctx.words, self.verbs, ctx.bounds)

    def _made(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        if t.pos_ != "VERB" or verb_lemma(t) not in self.verbs:
            return None
        if verb_lemma(t) not in self.made_verbs:
            return self._kept_for_client(sdoc, t, ss, se)
        # the thing made: the object after the verb, or the noun phrase before "<maker> made" / "made" (a participle)
        obj_first, obj_end = t.i + 1, phrase_end(sdoc, t.i + 1, se)
        if obj_first < obj_end < se - 1 and sdoc[obj_end].lower_ in ("and", "or"):
            obj_end = max(obj_end, phrase_end(sdoc, obj_end + 1, se))  # "makes pots and pans by hand"
        if obj_end == obj_first and verb_lemma(t) in self.commission_verbs:
            obj_end = self._foreign_object_end(
                sdoc, obj_first, se
            )  # "sewed ghagras for ..." in words the tagger cannot read
        before = t.i - 1
        maker = before >= ss and sdoc[before].lower_ in _MAKER_PRONOUNS
        if maker:
            before -= 1
        after_thing = before >= ss and sdoc[before].pos_ in ("NOUN", "PROPN") and obj_end == t.i + 1
        # "Back in Riga she stitched ...": a place or a person before the maker is nothing made
        after_thing = after_thing and sdoc[before].ent_type_ not in _NOT_MADE_ENTITIES
        if after_thing:  # "the banjo he made himself", "a map of her street stitched from memory"
            thing = sdoc[before]
            start = extend_np_left(sdoc, before, ss)
            while start < before and sdoc[start].pos_ == "DET":
                start += 1
            sign_from = t.i + 1
        elif obj_end > obj_first:  # "builds bird tables out of old oars"
            thing = sdoc[obj_end - 1]
            if self._sign(sdoc, obj_end, se, verb_lemma(t) in self.commission_verbs) is None:
                return None  # the cheap test first: most things made are not made by hand
            frame = self.frames.frame_at_verb(sdoc, t.i, ss)
            if not frame.person_subject and t.tag_ != "VBG":
                return None
            start = frame.start if frame.person_subject else t.i
            sign_from = obj_end
        elif t.i + 1 < se and sdoc[t.i + 1].lower_ == "it":  # "built it myself, by hand"
            thing, start, sign_from = sdoc[t.i + 1], t.i, t.i + 2
        else:
            return None
        if thing.lemma_.lower() in self.not_made or thing.lower_ in self.not_made:
            return None
        sign = self._sign(sdoc, sign_from, se, verb_lemma(t) in self.commission_verbs)
        if sign is None:
            if after_thing and maker and verb_lemma(t) in self.craft_verbs and self._rare_thing(sdoc, start, before):
                return Hit(start, t.i + 1, "hobby", _REASON, (thing.lemma_.lower(), "handmade"))
            return None
        end, strong = sign
        if not strong and (thing.lower_ == "it" or zipf_any_spelling(thing.lower_) >= self.thing_zipf):
            return None
        return Hit(start, end, "hobby", _REASON, (thing.lemma_.lower(), "handmade"))

    def _kept_for_client(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``repairs bagpipes for every pipe band in the valley``: a thing no word of every day kept in order
        for a client people know (a word of ``commission_clients`` right after "for")."""
        obj_end = phrase_end(sdoc, t.i + 1, se)
        if obj_end == t.i + 1 or obj_end >= se or sdoc[obj_end].lower_ != "for":
            return None
        thing = sdoc[obj_end - 1]
        if thing.pos_ not in ("NOUN", "PROPN") or thing.lemma_.lower() in self.not_made:
            return None
        if zipf_any_spelling(thing.lower_) >= self.kept_zipf:
            return None
        client = self._client_end(sdoc, obj_end + 1, se)
        frame = self.frames.frame_at_verb(sdoc, t.i, ss)
        if client is None or not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, client, se, frame.start + self.max_tokens, max_pps=1)
        return Hit(frame.start, end, "hobby", "kept things in order for a known client", (thing.lemma_.lower(),))

    def _rare_thing(self, sdoc: Doc, start: int, head: int) -> bool:
        """A word of the thing made (``start`` to its ``head``) is rarer than ``handmade_zipf``: "the old
        barometers", "the soapstone owls"; not "the old cars"."""
        return any(
            sdoc[k].pos_ in ("NOUN", "ADJ", "PROPN")
            and sdoc[k].is_alpha
            and zipf_any_spelling(sdoc[k].lower_) < self.thing_zipf
            for k in range(start, head + 1)
        )

    def _sign(self, sdoc: Doc, k: int, se: int, commissioned: bool = False) -> tuple[int, bool] | None:
        """End of the signs of handwork starting within a few tokens of ``k`` ("himself, by hand, out of
        driftwood", and for a verb of a craft a client people know: "for the town museum") and whether one
        of them is a strong one."""
        end, strong = None, False
        i, stop = k, min(se, k + 5)
        while i < stop:
            w = sdoc[i]
            phrase = self._phrase_at(sdoc, i, se)
            if phrase is not None:
                end, strong = phrase, True
                i, stop = phrase, min(se, phrase + 3)
                continue
            if w.lower_ in _REFLEXIVES:
                end = i + 1
            elif commissioned and w.lower_ == "for" and (client := self._client_end(sdoc, i + 1, se)) is not None:
                end = client  # a weaker sign: the thing made must be no word of every day ("sewed it" is not)
                break
            elif w.lower_ == "in" and i + 2 < se and sdoc[i + 1].lower_ in _POSSESSIVES:
                if sdoc[i + 2].lemma_.lower() in self.places:
                    end = i + 3
            elif (w.is_punct and w.lower_ != ",") or w.pos_ in ("VERB", "AUX") or w.lower_ in _CLAUSE_WORDS:
                break
            i += 1
        return (end, strong) if end is not None else None

    @staticmethod
    def _foreign_object_end(sdoc: Doc, k: int, se: int) -> int:
        """End of a thing made that the tagger cannot read (a word of another language, up to three) right
        before "for": "stitched ghagras for an opera house"; ``k`` where there is none."""
        j = k
        while j < se and j - k < 3 and sdoc[j].is_alpha and sdoc[j].pos_ not in _NOT_OBJECT_POS:
            j += 1
        return j if k < j < se and sdoc[j].lower_ == "for" else k

    def _client_end(self, sdoc: Doc, k: int, se: int) -> int | None:
        """End of a client people know after "for" (a phrase from token ``k`` with a word of
        ``commission_clients``): "for the town museum", "for an opera house", "for the royals"."""
        end = phrase_end(sdoc, k, se)
        if not any(sdoc[j].lower_ in self.clients for j in range(k, end)):
            return None
        return end

    def _phrase_at(self, sdoc: Doc, i: int, se: int) -> int | None:
        """End of a strong sign starting at token ``i``; "out of old oars" takes its material along."""
        for words in self.phrases:
            n = len(words)
            if i + n <= se and all(sdoc[i + j].lower_ == words[j] for j in range(n)):
                return phrase_end(sdoc, i + n, se) if words[-1] == "of" else i + n
        return None
