"""Unusual animals kept, told by the phrase rather than by a lexicon word:

* "a pet goat", "her pet crow", "a tame magpie", "a live sheep": any animal kept as a pet that is not
  an ordinary pet,
* "a magpie she raised from a chick", "hand-reared a joey from a baby": an animal raised from young,
* "bred racing ferrets", "herds yaks", "raised show llamas": animals someone bred, herded or raised as
  a trade or a pastime; for the trades a pet or farm animal too ("breeds budgies", "mustered
  goats"), for raising only one the pet lexicon knows ("raised three kids" and "raised chickens" stay ordinary),
* "keeps a retired army mule", "the grey mare she keeps on the allotments": a large animal someone keeps
  (``kept_animals``; a horse is an ordinary pet to have, not to keep), with its name ("called Sixpence") and
  where it is kept.

Word lists: ``rules/rare/animals.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.numbers import quantity_at
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder
from qualdeid.detect.rare.frames import extend_np_left, is_np_token, phrase_end
from qualdeid.detect.rare.lexicon import Category, RareRules


class AnimalFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.raising = self._w("raising_verbs")
        self.keeping = self._w("pet_keeping_verbs")
        self.husbandry = self._w("husbandry_verbs")
        self.raising_kinds = self._w("raising_kind_verbs")
        self.triggers = frozenset({"from", *self._w("pet_markers"), *self._w("home_markers")})
        self.stabling = self._w("stabling_verbs")
        self.kept_animals = self._w("kept_animals")
        self.flock_keeping = self._w("flock_keeping_verbs")
        self.flock_minimum = int(rr.threshold("flock_minimum"))
        self.flock_animals = (self._w("ordinary_pets") | self._w("wild_animals") | self._w("flock_animals")) - self._w(
            "flock_not_animals"
        )

    def find(self, ctx: RareContext) -> list[Hit]:
        sdoc, dw, bounds, named, lexicon = ctx.sdoc, ctx.words, ctx.bounds, ctx.named, ctx.categories
        out: list[Hit] = []
        for i in dw.where(self.triggers):
            t = sdoc[i]
            ss, se = bounds[i]
            hit = self._pet(sdoc, t, ss, se, named, lexicon) or self._raised_from_young(sdoc, t, ss, se)
            if hit is not None:
                out.append(hit)
        for i in dw.where(self.husbandry | self.raising_kinds):
            if (hit := self._husbandry(sdoc, sdoc[i], bounds[i], named, lexicon)) is not None:
                out.append(hit)
        for i in dw.where(self.stabling):
            if (hit := self._kept(sdoc, sdoc[i], bounds[i])) is not None:
                out.append(hit)
        for i in dw.where(self.flock_keeping):
            if (hit := self._flock(sdoc, sdoc[i], bounds[i], lexicon)) is not None:
                out.append(hit)
        return out

    def _flock(self, sdoc: Doc, verb: Token, bounds: tuple[int, int], lexicon: dict[int, str]) -> Hit | None:
        """``keeps about forty finches in a shed``, ``has over thirty tortoises``: more small animals than
        ``flock_minimum`` kept by a person, with where they are kept."""
        ss, se = bounds
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.flock_keeping:
            return None
        k = verb.i + 1
        while k < se and k - verb.i <= 2 and sdoc[k].lower_ in self._w("flock_approximators"):
            k += 1
        if k < se and sdoc[k].lower_ == "than":
            k += 1  # "more than"
        quantity = quantity_at(sdoc, k, se)
        if quantity is None or quantity[0] < self.flock_minimum:
            return None
        head = quantity[1]
        while head < se and sdoc[head].pos_ == "ADJ" and head - quantity[1] < 2:
            head += 1  # "forty laying hens", "twenty rescued ferrets"
        if head >= se or sdoc[head].pos_ != "NOUN":
            return None
        animal = sdoc[head]
        lemma = animal.lemma_.lower()
        if not (
            lemma in self.flock_animals or animal.lower_ in self.flock_animals or lexicon.get(head) == Category.PET
        ):
            return None
        if lemma in self._w("flock_not_animals") or animal.lower_ in self._w("flock_not_animals"):
            return None
        # from the verb, with one place ("keeping | nearly sixty finches in a shed", not "has been")
        hit = self._kept_by_person(sdoc, verb, head, (ss, se), 1, "a flock of small animals kept")
        return hit._replace(start=verb.i) if hit is not None else None

    def _kept_by_person(
        self, sdoc: Doc, verb: Token, animal: int, bounds: tuple[int, int], max_pps: int, reason: str
    ) -> Hit | None:
        """The hit for animals a person keeps, from the subject to the animal and where it is kept ("in an
        shed | his son put up": a possessive after a noun opens a clause of its own)."""
        ss, se = bounds
        frame = self.frames.frame_at_verb(sdoc, verb.i, ss)
        if not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, animal + 1, se, frame.start + self.max_tokens, max_pps=max_pps)
        end = next(
            (j for j in range(animal + 2, end) if sdoc[j].tag_ == "PRP$" and sdoc[j - 1].pos_ in ("NOUN", "ADJ")), end
        )
        return Hit(frame.start, end, "pet", reason, (sdoc[animal].lemma_.lower(),))

    def _is_kept_animal(self, t: Token) -> bool:
        return t.pos_ == "NOUN" and (t.lemma_.lower() in self.kept_animals or t.lower_ in self.kept_animals)

    def _kept(self, sdoc: Doc, verb: Token, bounds: tuple[int, int]) -> Hit | None:
        """``keeps a piebald cob called Sixpence on the common``, ``the old mule she keeps at the yard``: a
        person keeps a large animal (the object after the verb, or the noun before "<pronoun> keeps")."""
        ss, se = bounds
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.stabling:
            return None
        subject = verb.i - 1
        if subject - 1 >= ss and sdoc[subject].tag_ == "PRP" and self._is_kept_animal(sdoc[subject - 1]):
            start = extend_np_left(sdoc, subject - 1, ss)  # "the old mule she keeps at the yard"
            while start < subject - 1 and sdoc[start].pos_ == "DET":
                start += 1
            end = self.frames.extend_right(sdoc, verb.i + 1, se, start + self.max_tokens, max_pps=1)
            return Hit(start, end, "pet", "a large animal kept", (sdoc[subject - 1].lemma_.lower(),))
        frame = self.frames.frame_at_verb(sdoc, verb.i, ss)
        if not frame.person_subject:
            return None
        head_end = phrase_end(sdoc, verb.i + 1, se)
        if head_end <= verb.i + 1 or not self._is_kept_animal(sdoc[head_end - 1]):
            return None  # "keeps a horse box", "kept the goat's milk": the animal heads the phrase
        if any(sdoc[k].lower_ in self.triggers for k in range(verb.i + 1, head_end)):
            return None  # "keeps a pet goat": a pet's phrase, as _pet finds it
        end = head_end
        if end + 1 < se and sdoc[end].lower_ in ("called", "named") and sdoc[end + 1].pos_ == "PROPN":
            end += 2  # its name ("called Sixpence")
            while end < se and sdoc[end].pos_ == "PROPN":
                end += 1
        end = self.frames.extend_right(sdoc, end, se, frame.start + self.max_tokens, max_pps=1)
        return Hit(frame.start, end, "pet", "a large animal kept", (sdoc[head_end - 1].lemma_.lower(),))

    def _husbandry(
        self, sdoc: Doc, verb: Token, bounds: tuple[int, int], named: bytearray, lexicon: dict[int, str]
    ) -> Hit | None:
        """``bred racing ferrets``, ``was mustering yaks for the ...``, ``raised show llamas``: a verb of
        animal husbandry whose object (its modifiers first) is an animal, with a person as subject."""
        se = bounds[1]
        if verb.pos_ != "VERB":
            return None
        k = verb.i + 1
        while k < se and k < verb.i + 4 and (sdoc[k].pos_ in ("ADJ", "NUM") or sdoc[k].tag_ in ("VBG", "NN")):
            if sdoc[k].tag_ == "NN" and k + 1 < se and sdoc[k + 1].pos_ != "NOUN":
                break  # the head itself: "herds yak"
            k += 1
        if k >= se or sdoc[k].pos_ not in ("NOUN", "PROPN") or named[sdoc[k].idx] or not sdoc[k].is_alpha:
            return None
        animal = sdoc[k]
        lemma = animal.lemma_.lower()
        known = lexicon.get(k) == Category.PET
        kept = self._w("ordinary_pets") | self._w("livestock")
        trade = verb.lemma_.lower() in self.husbandry
        if not (known or (trade and (lemma in kept or animal.lower_ in kept))):
            return None
        # "for the traders | my feet were sore"
        return self._kept_by_person(sdoc, verb, k, bounds, 1, "animals bred, herded or raised")

    def _pet(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray, lexicon: dict[int, str]) -> Hit | None:
        """``a pet goat``, ``her pet crow``, ``a tame magpie``."""
        if t.lower_ not in self._w("pet_markers") | self._w("home_markers") or t.i + 1 >= se:
            return None
        k = t.i + 1
        while k + 1 < se and sdoc[k].pos_ == "ADJ":
            k += 1
        animal = sdoc[k]
        if animal.pos_ not in ("NOUN", "PROPN") or named[animal.idx] or not animal.is_alpha:
            return None
        lemma = animal.lemma_.lower()
        if lemma in self._w("ordinary_pets") or animal.lower_ in self._w("ordinary_pets"):
            return None
        if t.lower_ == "pet":
            if lemma in self._w("pet_non_animals") or animal.lower_ in self._w("pet_non_animals"):
                return None
        elif lexicon.get(k) != Category.PET and not (
            t.lower_ in self._w("home_markers") and lemma in self._w("livestock")
        ):
            return None  # "a tame version": only an animal the pet lexicon knows ("a live sheep": or a farm one)
        start = t.i - 1 if t.i > ss and (sdoc[t.i - 1].pos_ == "DET" or sdoc[t.i - 1].tag_ == "PRP$") else t.i
        for v in range(start - 1, max(ss, start - 3) - 1, -1):
            w = sdoc[v]
            if w.pos_ in ("VERB", "AUX") and w.lemma_.lower() in self.keeping:
                frame = self.frames.frame_at_verb(sdoc, v, ss)
                if frame.person_subject:
                    start = frame.start
                break
            if not (w.pos_ == "ADV" or is_np_token(w)):
                break
        end = self.frames.extend_relative(sdoc, k + 1, se, start + self.max_tokens)  # "... that lives in her flat"
        if t.lower_ in self._w("home_markers"):  # where the farm animal was kept: "... on the balcony"
            end = max(end, self.frames.extend_right(sdoc, end, se, start + self.max_tokens, max_pps=1))
        return Hit(start, end, "pet", "unusual animal kept", (lemma,))

    def _raised_from_young(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``a magpie she raised from a chick``, ``reared the joey from a baby``."""
        if t.lower_ != "from" or t.i + 1 >= se:
            return None
        k = t.i + 1
        if sdoc[k].pos_ == "DET":
            k += 1
        if k >= se or (
            sdoc[k].lower_ not in self._w("young_animals") and sdoc[k].lemma_.lower() not in self._w("young_animals")
        ):
            return None
        for v in range(t.i - 1, max(ss, t.i - 6) - 1, -1):
            w = sdoc[v]
            if w.pos_ == "VERB" and w.lemma_.lower() in self.raising:
                frame = self.frames.frame_at_verb(sdoc, v, ss)
                start = frame.start
                if v + 1 == t.i or (v + 2 == t.i and sdoc[v + 1].lower_ in ("up", "it", "her", "him", "them")):
                    # the animal stands before the verb: "a magpie she raised from a chick"
                    subject = frame.start - 1
                    if subject < ss or not frame.person_subject:
                        return None
                    head = subject - 1
                    if head < ss or sdoc[head].pos_ not in ("NOUN", "PROPN"):
                        return None
                    start = extend_np_left(sdoc, head, ss)
                elif not frame.person_subject:
                    return None
                return Hit(start, k + 1, "pet", "animal raised from young", ("raised_from_young",))
            if not (is_np_token(w) or w.pos_ in ("ADV", "PRON", "PART")):
                return None
        return None
