"""Distinctive bodies told by numbers and comparisons rather than by a named condition:

* an unusual count of a body part: "has one green eye and one grey eye", "born with six toes",
  "is missing two fingers", "only has one lung", "a bloke with no thumbs",
* a part replaced by something else: "has a hook instead of a hand", "a wooden hand",
* a height people remember: "stands six foot nine", "is nearly two metres tall",
* marks and hair people remember: "a scar across his cheek", "hair down to her knees",
* an organ given or received: "donated a kidney to his sister", "got a lung from a stranger",
* a part said to be missing: "the tip of her nose is missing", "two of his fingers are gone",
* eyes of different colours told loosely: "her eyes are two different colours",
* a person or an animal named by an unusual count of parts: "a one-eyed cat", "a three-legged dog".

Word lists and usual counts: ``rules/rare/body.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.numbers import quantity_at
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder
from qualdeid.detect.rare.frames import extend_np_left, is_np_token, phrase_end, verb_lemma
from qualdeid.detect.rare.lexicon import Category, RareRules

_HAVING = frozenset({"has", "have", "had", "with"})


_MARK_REASON = "distinctive mark on the face or across the body"


class BodyFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.skip_before_count = self._w("count_skips") | {"'s", "s", "a", "an"}
        self.idiom_followers = self._w("idiom_followers")
        self.feet = self._w("feet_units") | {"'", "′"}
        self.metres = self._w("metre_units")
        self.organ_shares = self._w("organ_shares")
        self.without = self._w("without_words")
        self.gone = self._w("gone_words")
        self.colours = self._w("colour_words")
        self.portions = self._w("part_portions")
        self.eye_colours = self._w("eye_colours")
        self.different = self._w("different_words")
        self.person_endings = tuple(sorted(self._w("person_endings")))
        #: "a hook instead of a hand", "a pin for a thumb"
        self.replaced_by = tuple(tuple(phrase.split()) for phrase in sorted(self._w("replaced_by")))
        #: "one-eyed", "three-legged": the part and the counts that are unusual for a person or an animal
        self.counted_parts = rr.number_sets("counted_parts")
        self.height_words = self._w("height_words")
        self.height_verbs = self._w("height_verbs")
        self.organ_followers = self._w("organ_followers")
        self.people = self._w("counted_people")
        self.counted_idioms = self._w("counted_idioms")
        self.marked_verbs = self._w("marked_verbs")
        self.mark_nouns = self._w("mark_nouns")
        self.sided_organs = self._w("sided_organs")
        self.stuck_verbs = self._w("part_stuck_verbs")
        self.sides = self._w("part_sides")
        words = self.rr.words
        self.triggers = frozenset(
            {
                *self.rr.numbers("body_counts"),
                *self.feet,
                *self.metres,
                "hair",
                *words("mark_nouns"),
                *words("marked_verbs"),
                *words("donor_organs"),
                *words("sided_organs"),
            }
            | self.gone
            | self.colours
            | {"other"}
            | set(self.counted_parts)
        )

    def find(self, ctx: RareContext) -> list[Hit]:
        sdoc, dw, bounds = ctx.sdoc, ctx.words, ctx.bounds
        out: list[Hit] = []
        counts = self.rr.numbers("body_counts")
        for i in dw.where(self.triggers):
            t = sdoc[i]
            ss, se = bounds[i]
            part = t.lemma_.lower() if t.lemma_.lower() in counts else t.lower_
            hit = None
            if t.lower_ in self.feet or t.lower_ in self.metres:
                hit = self._height(sdoc, t, ss, se)
            if hit is None and part in counts and t.pos_ in ("NOUN", "PROPN"):
                hit = (
                    self._count(sdoc, t, part, ss, se)
                    or self._replaced(sdoc, t, ss, se)
                    or self._made(sdoc, t, ss, se)
                    or self._stuck(sdoc, t, ss, se)
                )
            # the small tagger reads a mark noun after another noun as an adverb: "a swallow tattoo"
            if hit is None and (t.pos_ in ("NOUN", "PROPN") or t.lower_ in self.mark_nouns):
                hit = (
                    self._face_mark(sdoc, t, ss, se)
                    or self._told_mark(sdoc, t, ss, se)
                    or self._hair(sdoc, t, ss, se)
                    or self._organ(sdoc, t, ss, se)
                )
            if hit is None and t.lemma_.lower() in self.sided_organs:
                hit = self._organ_side(sdoc, t, ss, se)
            if hit is None and t.lower_ in self.marked_verbs:
                hit = self._marked_on(sdoc, t, ss, se)
            if hit is None and t.lower_ in self.gone:
                hit = self._part_gone(sdoc, t, ss) or self._missing_part(sdoc, t, ss, se)
            if hit is None and t.lower_ in self.colours:
                hit = self._odd_eyes(sdoc, t, ss, se)
            if hit is None and t.lower_ == "other":
                hit = self._eye_and_other(sdoc, t, ss, se)
            if hit is None and t.lower_ in self.counted_parts:
                hit = self._counted_part(sdoc, t, ss, se)
            if hit is not None:
                out.append(hit)
        return out

    # ---------------------------------------------------------------- counts of body parts

    def _count(self, sdoc: Doc, part_tok: Token, part: str, ss: int, se: int) -> Hit | None:
        """``has one brown eye``, ``born with six toes``, ``missing two fingers``, ``no thumbs``."""
        lack = self.rr.words("body_lack_markers")
        k = part_tok.i
        while k - 1 >= ss and part_tok.i - k < 3 and sdoc[k - 1].pos_ == "ADJ" and sdoc[k - 1].lower_ not in lack:
            k -= 1  # "one brown eye", "six webbed toes", "no left thumb"
        q_start = k
        value: int | None = None
        for j in range(max(ss, k - 3), k):
            q = quantity_at(sdoc, j, k)
            if q is not None and q[1] == k:
                value, q_start = q[0], j
                break
        marker = q_start - 1 >= ss and sdoc[q_start - 1].lower_ in lack
        if value is None and k - 1 >= ss and sdoc[k - 1].lower_ in lack:
            marker, q_start = True, k - 1
        elif (
            value is None
            and k - 2 >= ss
            and (sdoc[k - 1].lower_ in ("a", "an") or sdoc[k - 1].tag_ == "PRP$")
            and sdoc[k - 2].lower_ in lack
        ):
            marker, q_start = True, k - 2  # "without a left hand", "born without his right foot"
        if value is None and not marker:
            return None
        usual = {self.rr.numbers("body_counts")[part], self.rr.numbers("body_counts_alt").get(part)}
        if value is not None and value in usual and not marker:
            return None
        if part == "foot" and value is not None and value > 2:
            return None  # "six foot tall", "ten feet away": a measure
        if value == 1 and not marker and part_tok.i + 1 < se and sdoc[part_tok.i + 1].lower_ in self.idiom_followers:
            return None
        start = self._have_frame(sdoc, q_start - (1 if marker and value is not None else 0), ss)
        if start is None:
            return None
        end = part_tok.i + 1
        # "one green eye and one grey eye"
        if end + 2 < se and sdoc[end].lower_ == "and" and quantity_at(sdoc, end + 1, se) is not None:
            j = quantity_at(sdoc, end + 1, se)[1]  # type: ignore[index]
            while j < se and sdoc[j].pos_ in ("ADJ", "NOUN") and sdoc[j].lemma_.lower() != part and j - end < 4:
                j += 1  # "one grey one": the small model may tag a colour as a noun
            if j < se and (sdoc[j].lemma_.lower() == part or sdoc[j].lower_ == "one"):
                end = j + 1
            elif j > quantity_at(sdoc, end + 1, se)[1] and (j == se or sdoc[j].pos_ not in ("NOUN", "PROPN")):  # type: ignore[index]
                end = j  # "one blue eye and one hazel"
        end = self.frames.extend_right(sdoc, end, se, start + self.max_tokens, max_pps=1)
        return Hit(start, end, "physical_trait", "unusual number of a body part", (part,))

    def _have_frame(self, sdoc: Doc, i: int, ss: int) -> int | None:
        """Start of the phrase that gives token ``i`` (a count) to a person: "has", "born with",
        "a bloke with", "is missing"; ``None`` when nothing ties the count to someone."""
        k = i
        while k - 1 >= ss and sdoc[k - 1].lower_ in self.skip_before_count:
            k -= 1
            if sdoc[k].pos_ == "AUX":  # "she's got ...": the contracted verb is the frame's
                k += 1
                break
        if k - 1 < ss:
            return None
        before = sdoc[k - 1]
        lemma = before.lemma_.lower()
        if before.lower_ == "with" or before.lower_ in self.without:
            owner = sdoc[k - 2] if k - 2 >= ss else None
            if owner is not None and (
                owner.lower_ == "born"
                or owner.pos_ == "PROPN"
                or owner.lemma_.lower() in self.rr.person_nouns
                or owner.lower_ in self.rr.words("person_pronouns")
            ):
                return self.frames.frame_at_verb(sdoc, owner.i, ss).start if owner.lower_ == "born" else k - 1
            return None
        if before.pos_ in ("VERB", "AUX") and lemma in self.rr.words("body_have_verbs"):
            frame = self.frames.frame_at_verb(sdoc, k - 1, ss)
            return frame.start if frame.person_subject else None
        if before.lower_ == "missing" or sdoc[i].lower_ == "missing":
            return k - 1 if before.lower_ == "missing" else i
        return None

    def _made(self, sdoc: Doc, part_tok: Token, ss: int, se: int) -> Hit | None:
        """``a wooden hand``, ``his metal arm``: a body part made of something."""
        if part_tok.lemma_.lower() not in self.rr.words("artificial_parts"):
            return None
        k = part_tok.i
        while k - 1 >= ss and (sdoc[k - 1].pos_ in ("ADJ", "NOUN", "PROPN") or sdoc[k - 1].tag_ == "HYPH"):
            if part_tok.i - k >= 3:
                break
            k -= 1  # "a wooden hand", "a metal arm" (tagged as a noun), "a carbon-fibre leg"
        if not any(sdoc[m].lower_ in self.rr.words("artificial_markers") for m in range(k, part_tok.i)):
            return self._made_said(sdoc, part_tok, k, ss, se)
        if k - 1 >= ss and (sdoc[k - 1].pos_ == "DET" or sdoc[k - 1].tag_ == "PRP$"):
            k -= 1
        start = self._owner_start(sdoc, k, ss)
        end = self.cause_end(sdoc, part_tok.i + 1, se)
        return Hit(k if start is None else start, end, "physical_trait", "a made body part", ("made_part",))

    def _made_said(self, sdoc: Doc, part_tok: Token, k: int, ss: int, se: int) -> Hit | None:
        """``her left eye is a prosthetic``, ``his right leg is plastic``: whose part, said to be made."""
        if k - 1 < ss or sdoc[k - 1].tag_ != "PRP$" or part_tok.i + 2 >= se:
            return None
        m = part_tok.i + 1
        if sdoc[m].lemma_.lower() != "be":
            return None
        m += 1
        if sdoc[m].pos_ == "DET":
            m += 1
        if m >= se or sdoc[m].lower_ not in self.rr.words("artificial_markers"):
            return None
        end = m + 1
        if end < se and sdoc[end].lower_ in ("one", "ones"):
            end += 1
        end = self.cause_end(sdoc, end, se)
        return Hit(k - 1, end, "physical_trait", "a made body part", ("made_part",))

    def cause_end(self, sdoc: Doc, end: int, se: int) -> int:
        """``end`` extended over what caused a trait: "from a fireworks accident", "after the tractor
        rolled on her", "while surfing at fifteen"."""
        if end + 1 >= se or sdoc[end].lower_ not in ("from", "after", "in", "while", "when", "during"):
            return end
        word = sdoc[end].lower_
        if word in ("while", "when") and sdoc[end + 1].tag_ == "VBG":
            return self.frames.extend_right(sdoc, end + 2, se, end + 7, max_pps=1)
        k = end + 1
        while k < se and (is_np_token(sdoc[k]) or sdoc[k].tag_ == "VBG") and k - end <= 5:
            k += 1
        causes = self.rr.words("loss_causes")
        if not any(sdoc[m].lemma_.lower() in causes or sdoc[m].lower_ in causes for m in range(end + 1, k)):
            return end
        if word == "after" and k < se and sdoc[k].pos_ == "VERB":  # "after the tractor rolled on her"
            return self.frames.extend_right(sdoc, k + 1, se, k + 5, max_pps=1)
        return k

    def _replaced(self, sdoc: Doc, part_tok: Token, ss: int, se: int) -> Hit | None:
        """``has a hook instead of a hand``, ``a metal pin for a thumb``."""
        k = part_tok.i - 1
        if k >= ss and (sdoc[k].pos_ == "DET" or sdoc[k].tag_ == "PRP$"):
            k -= 1
        for words in self.replaced_by:
            n = len(words)
            if k - n + 1 >= ss and tuple(sdoc[k - n + 1 + j].lower_ for j in range(n)) == words:
                noun = k - n
                if noun < ss or sdoc[noun].pos_ not in ("NOUN", "PROPN"):
                    return None
                for v in range(noun - 1, max(ss, noun - 5) - 1, -1):
                    w = sdoc[v]
                    if w.pos_ in ("VERB", "AUX") and w.lemma_.lower() in self.rr.words("body_have_verbs"):
                        frame = self.frames.frame_at_verb(sdoc, v, ss)
                        if frame.person_subject:
                            return Hit(
                                frame.start, part_tok.i + 1, "physical_trait", "a body part replaced", ("replaced",)
                            )
                        return None
                return None
        return None

    def _owner_start(self, sdoc: Doc, np_start: int, ss: int) -> int | None:
        """Start of "has ...", "with ...", "born with ..." before a noun phrase at ``np_start``."""
        k = np_start
        while k - 1 >= ss and sdoc[k - 1].pos_ in ("DET", "ADJ", "ADV") and np_start - k < 4:
            k -= 1
        return self._have_frame(sdoc, k, ss)

    def _marked_on(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``a compass tattooed across his face``, ``the anchor tattooed on her neck``: what is marked there."""
        if t.i - 1 < ss or sdoc[t.i - 1].pos_ not in ("NOUN", "PROPN"):
            return None
        face = self._face_after(sdoc, t.i + 1, se)
        if face is None:
            return None
        start = extend_np_left(sdoc, t.i - 1, ss)
        while start < t.i - 1 and sdoc[start].pos_ == "DET":
            start += 1
        return Hit(start, face + 1, "physical_trait", _MARK_REASON, (t.lemma_.lower(),))

    def _face_after(self, sdoc: Doc, k: int, se: int) -> int | None:
        """The last part of the face named in the phrase from token ``k`` ("across his left cheek", "right
        across her throat"), or a part a mark runs across (``across_parts``: "across his shoulders")."""
        first, face, across = k, None, False
        while (
            k < se
            and k - first < 7
            and (
                sdoc[k].pos_ in ("ADP", "DET", "NUM", "ADJ", "NOUN")
                or sdoc[k].tag_ == "PRP$"
                or (k == first and sdoc[k].lower_ in ("right", "all"))
            )
        ):
            across = across or sdoc[k].lower_ == "across"
            part = sdoc[k].lemma_.lower()
            if part in self.rr.words("face_parts") or (across and part in self.rr.words("across_parts")):
                face = k
            k += 1
        return face

    def _face_mark(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``a scar across his cheek``, ``a burn down one side of her face``."""
        if t.lemma_.lower() not in self.rr.words("mark_nouns"):
            return None
        face = self._face_after(sdoc, t.i + 1, se)
        if face is None:
            return None
        start = self._owner_start(sdoc, t.i, ss)
        if start is None and any(sdoc[k].tag_ == "PRP$" for k in range(t.i + 1, face)):
            # no "has" or "with", but whose body it is: "saw the big anchor tattoo across his chest"
            start = extend_np_left(sdoc, t.i, ss)
            while start < t.i and sdoc[start].pos_ == "DET":
                start += 1
        if start is None:
            return None
        return Hit(start, face + 1, "physical_trait", _MARK_REASON, (t.lemma_.lower(),))

    def _told_mark(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``a burn mark like a fern on her shoulder``, ``the scar on his shin from the shark``: a mark on a part
        of the body (``marked_parts``, the parts of ``body_counts``, ``face_parts``) told with its shape ("like",
        "shaped like") before the part or with its cause after it (``cause_end``), someone's own."""
        if t.lemma_.lower() not in self.rr.words("mark_nouns"):
            return None
        k = t.i + 1
        shaped = False
        if k + 1 < se and sdoc[k].lower_ == "shaped" and sdoc[k + 1].lower_ == "like":
            k += 1
        if k + 1 < se and sdoc[k].lower_ == "like":
            shaped, k = True, phrase_end(sdoc, k + 1, se)
            if k + 1 < se and sdoc[k].lower_ == "of":  # "like a map of the island"
                k = phrase_end(sdoc, k + 1, se)
        if k + 1 >= se or sdoc[k].lower_ not in ("on", "across", "down"):
            return None
        part_end = phrase_end(sdoc, k + 1, se)
        parts = self.rr.words("marked_parts") | self.rr.words("face_parts") | set(self.rr.numbers("body_counts"))
        phrase = range(k + 1, part_end)
        if not any(sdoc[m].lemma_.lower() in parts for m in phrase):
            return None
        end = self.cause_end(sdoc, part_end, se)
        if not shaped and end == part_end:
            return None
        start = self._owner_start(sdoc, t.i, ss)
        if start is None and any(sdoc[m].tag_ == "PRP$" for m in phrase):
            start = extend_np_left(sdoc, t.i, ss)
            while start < t.i and sdoc[start].pos_ == "DET":
                start += 1
        if start is None:
            return None
        return Hit(start, end, "physical_trait", _MARK_REASON, (t.lemma_.lower(),))

    def _organ_side(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``born with his liver on the left``, ``his organs are on the wrong side``: organs on the
        side other than the usual one (`sided_organs`, `organ_sides`)."""
        k = t.i + 1
        if k < se and sdoc[k].lemma_.lower() == "be":
            k += 1
        if k + 3 >= se or sdoc[k].lower_ != "on" or sdoc[k + 1].pos_ not in ("DET", "PRON"):
            return None
        if sdoc[k + 2].lower_ not in self._w("organ_sides") or sdoc[k + 3].lemma_.lower() != "side":
            return None
        side, organ = sdoc[k + 2].lower_, t.lemma_.lower()
        if (side, organ) in {("left", o) for o in self._w("left_organs")} | {
            ("right", o) for o in self._w("right_organs")
        }:
            return None  # where it is in most people
        if side in ("left", "right") and organ not in self._w("left_organs") | self._w("right_organs"):
            return None
        np_start = t.i - 1 if t.i > ss and sdoc[t.i - 1].pos_ in ("PRON", "DET") else t.i
        start = self._owner_start(sdoc, np_start, ss)
        if start is None:
            start = np_start
        for j in range(start - 1, max(ss, start - 3) - 1, -1):
            if sdoc[j].lower_ == "born":  # "was born with his spleen ..."
                start = j - 1 if j > ss and sdoc[j - 1].lemma_.lower() == "be" else j
                break
        return Hit(start, k + 4, "physical_trait", "organs on the unusual side", (t.lemma_.lower(),))

    def _hair(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``hair down to her knees``."""
        if t.lower_ != "hair":
            return None
        end = t.i + 1
        k = t.i + 1
        while k < se and k - t.i <= 5 and (sdoc[k].pos_ in ("ADP", "DET", "ADV", "PART") or sdoc[k].tag_ == "PRP$"):
            k += 1
        if k < se and sdoc[k].lemma_.lower() in self.rr.words("hair_lengths"):
            end = k + 1
        if end == t.i + 1:
            return None
        np_start = t.i
        while np_start - 1 >= ss and sdoc[np_start - 1].pos_ in ("ADJ", "ADV", "NOUN") and t.i - np_start < 3:
            np_start -= 1
        start = self._owner_start(sdoc, np_start, ss)
        if start is None:
            return None
        return Hit(start, end, "physical_trait", "distinctive hair", ("hair",))

    def _organ(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``donated a kidney to his sister``, ``got a lung from a stranger``."""
        if t.lemma_.lower() not in self.rr.words("donor_organs"):
            return None
        v = t.i - 1
        while v >= ss and (sdoc[v].pos_ in ("DET", "ADJ", "NUM") or sdoc[v].tag_ == "PRP$") and t.i - v < 4:
            v -= 1
        share = v - 1 >= ss and sdoc[v].lower_ == "of" and sdoc[v - 1].lower_ in self.organ_shares
        if share:  # "one of her kidneys", "part of his liver"
            v -= 2
            while v >= ss and (is_np_token(sdoc[v]) or sdoc[v].pos_ == "PRON") and sdoc[v].pos_ != "VERB":
                v -= 1  # "gave her brother one of ..."
        if (
            v < ss
            or sdoc[v].pos_ not in ("VERB", "AUX")
            or sdoc[v].lemma_.lower() not in self.rr.words("donation_verbs")
        ):
            return None
        follower = sdoc[t.i + 1].lower_ if t.i + 1 < se else ""
        if not (share or follower in self.organ_followers or sdoc[v].lemma_.lower() == "donate"):
            return None  # "needs a kidney" says little; "donated a kidney", "got a kidney from" say it
        frame = self.frames.frame_at_verb(sdoc, v, ss)
        if not frame.person_subject:
            return None
        end = self.frames.extend_right(sdoc, t.i + 1, se, frame.start + self.max_tokens, max_pps=1)
        return Hit(frame.start, end, "life_event", "gave or received an organ", ("organ",))

    def _stuck(self, sdoc: Doc, part_tok: Token, ss: int, se: int) -> Hit | None:
        """``three toes won't straighten``, ``her right arm won't lift``: counted or sided parts that no longer
        work (a negation and a verb of ``part_stuck_verbs`` after the part)."""
        k = part_tok.i + 1
        if k + 2 >= se or sdoc[k].pos_ != "AUX":
            return None
        k += 1
        if sdoc[k].lower_ not in ("n't", "not", "nt"):
            return None
        k += 1
        if k >= se or verb_lemma(sdoc[k]) not in self.stuck_verbs:
            return None
        start = part_tok.i - 1
        while (
            start >= ss
            and part_tok.i - start <= 3
            and (sdoc[start].pos_ in ("ADJ", "NUM", "DET") or sdoc[start].tag_ == "PRP$")
        ):
            start -= 1
        start += 1
        before = sdoc[start : part_tok.i]
        if not any(w.like_num or w.lower_ in self.sides for w in before):
            return None  # "my knees don't bend like they did": no count, no side
        return Hit(start, k + 1, "physical_trait", "a body part that no longer works", ("part_stuck",))

    def _part_gone(self, sdoc: Doc, gone: Token, ss: int) -> Hit | None:
        """``the tip of her nose is missing``, ``two of his fingers are gone``: someone's body part,
        the subject of "is missing"."""
        be = gone.i - 1
        while be >= ss and sdoc[be].pos_ == "ADV" and gone.i - be < 3:
            be -= 1  # "is still missing"
        if be - 1 < ss or sdoc[be].lemma_.lower() != "be":
            return None
        parts = self.rr.words("body_parts")
        k = be
        owner = part = False
        while k - 1 >= ss and be - k < 7:
            w = sdoc[k - 1]
            if not (is_np_token(w) or w.pos_ in ("PRON", "NUM") or w.lower_ == "of"):
                break
            owner = owner or w.tag_ == "PRP$" or w.lower_ in ("'s", "s")
            part = part or w.lemma_.lower() in parts or w.lower_ in parts
            k -= 1
        if not (owner and part):
            return None
        return Hit(k, gone.i + 1, "physical_trait", "a body part missing", ("part_missing",))

    def _missing_part(self, sdoc: Doc, gone: Token, ss: int, se: int) -> Hit | None:
        """``is missing his left thumb``, ``was missing an ear``: a person missing a body part."""
        k = gone.i + 1
        if gone.lower_ == "missing" and (hit := self._part_missing_on(sdoc, gone, ss, se)) is not None:
            return hit
        if gone.lower_ == "missing" and self._portion_of_owner(sdoc, k, se):
            k += 3  # "is missing the top of her left ear"
        if gone.lower_ != "missing" or k >= se or not (sdoc[k].tag_ == "PRP$" or sdoc[k].lower_ in ("a", "an")):
            return None
        owner = k
        k += 1
        while k < se and sdoc[k].pos_ == "ADJ" and k - owner < 3:
            k += 1  # "his left", "a front"
        parts = self.rr.words("body_parts")
        if k >= se or not (sdoc[k].lemma_.lower() in parts or sdoc[k].lower_ in parts):
            return None
        be = gone.i - 1
        if be < ss or sdoc[be].lemma_.lower() != "be":
            return None
        frame = self.frames.frame_at_verb(sdoc, be, ss)
        if not frame.person_subject:
            return None
        end = self.cause_end(sdoc, k + 1, se)  # "... from a dog bite"
        return Hit(frame.start, end, "physical_trait", "a body part missing", ("part_missing",))

    def _portion_of_owner(self, sdoc: Doc, k: int, se: int) -> bool:
        """``the top of her``, ``the end of his``: a share of a part, its owner next (from token ``k``)."""
        return (
            k + 3 < se
            and sdoc[k].lower_ == "the"
            and sdoc[k + 1].lower_ in self.portions
            and sdoc[k + 2].lower_ == "of"
            and sdoc[k + 3].tag_ == "PRP$"
        )

    def _part_missing_on(self, sdoc: Doc, gone: Token, ss: int, se: int) -> Hit | None:
        """``three toes missing from her left foot``, ``a thumb missing off his hand``: parts counted
        before "missing" and the whole they are missing from after it."""
        parts = self.rr.words("body_parts")
        part = gone.i - 1
        if part <= ss or sdoc[part].lemma_.lower() not in parts:
            return None
        count = part - 1
        if not (sdoc[count].like_num or sdoc[count].lower_ in ("a", "an", "one")):
            return None
        k = gone.i + 1
        if k + 2 >= se or sdoc[k].lower_ not in ("on", "from", "off") or sdoc[k + 1].tag_ != "PRP$":
            return None
        k += 2
        while k < se and sdoc[k].pos_ == "ADJ" and k - gone.i < 5:
            k += 1  # "his right"
        if k >= se or sdoc[k].lemma_.lower() not in parts:
            return None
        return Hit(count, k + 1, "physical_trait", "a body part missing", ("part_missing",))

    def _odd_eyes(self, sdoc: Doc, colour: Token, ss: int, se: int) -> Hit | None:
        """``her eyes are two different colours``, ``eyes of different colours``, ``odd-coloured eyes``."""
        lo, hi = max(ss, colour.i - 5), min(se, colour.i + 4)
        if not any(sdoc[m].lower_ in self.different for m in range(max(ss, colour.i - 3), colour.i)):
            return None
        eyes = [m for m in range(lo, hi) if sdoc[m].lower_ == "eyes"]
        if not eyes:
            return None
        start, end = min(eyes[0], colour.i), max(eyes[-1], colour.i) + 1
        before = sdoc[start - 1] if start - 1 >= ss else None
        if before is not None and (before.tag_ == "PRP$" or before.pos_ == "DET" or before.lower_ in _HAVING):
            start -= 1
        return Hit(start, end, "physical_trait", "eyes of different colours", ("odd_eyes",))

    def _eye_and_other(self, sdoc: Doc, other: Token, ss: int, se: int) -> Hit | None:
        """``one eye is grey and the other is hazel``, ``one of his eyes is blue, the other grey``: an eye
        given a colour and "the other" another one."""
        after = [m for m in range(other.i + 1, min(se, other.i + 4)) if sdoc[m].lower_ in self.eye_colours]
        if not after or other.i < 1 or sdoc[other.i - 1].lower_ != "the":
            return None
        first = next((m for m in range(other.i - 2, max(ss, other.i - 10) - 1, -1) if sdoc[m].lower_ == "one"), None)
        if first is None:
            return None
        between = [w.lower_ for w in sdoc[first + 1 : other.i - 1]]
        colours = {w for w in between if w in self.eye_colours}
        if not ({"eye", "eyes"} & set(between)) or not colours or colours == {sdoc[after[0]].lower_}:
            return None
        return Hit(first, after[0] + 1, "physical_trait", "eyes of different colours", ("odd_eyes",))

    def _counted_part(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``a one-eyed cat``, ``her three-legged greyhound``, ``a one-armed man``."""
        k = t.i - 1
        if k >= ss and sdoc[k].tag_ == "HYPH":
            k -= 1
        if k < ss:
            return None
        q = quantity_at(sdoc, k, t.i) if sdoc[k].lower_ != "no" else (0, t.i)
        if q is None or q[0] not in self.counted_parts[t.lower_]:
            return None
        end = t.i + 1
        while end < se and sdoc[end].pos_ in ("ADJ", "NOUN", "PROPN") and end - t.i <= 3:
            end += 1
        nouns = [sdoc[m] for m in range(t.i + 1, end) if sdoc[m].pos_ in ("NOUN", "PROPN")]
        if end == t.i + 1 or not nouns or nouns[-1].lower_ in self.counted_idioms:
            return None
        head = nouns[-1].lemma_.lower()
        person = (
            head in self.rr.person_nouns
            or head.endswith(self.person_endings)
            or head in self.people
            or any(c in (Category.OCCUPATION, Category.COMMON) for _, c, _ in self.rr.entries.get(head, ()))
        )
        start = k
        if start - 1 >= ss and (sdoc[start - 1].pos_ == "DET" or sdoc[start - 1].tag_ == "PRP$"):
            start -= 1
        if person:
            return Hit(start, end, "physical_trait", "unusual number of a body part", (t.lower_,))
        return Hit(start, end, "pet", "an animal with a missing part", (t.lower_, head))

    # ---------------------------------------------------------------- height

    def _height(self, sdoc: Doc, unit: Token, ss: int, se: int) -> Hit | None:
        """``six foot nine``, ``6 ft 8``, ``two metres tall``: a height at the edges of the usual range."""
        i = unit.i
        q = None
        for j in range(max(ss, i - 3), i):
            q = quantity_at(sdoc, j, i)
            if q is not None and q[1] == i:
                first = j
                break
        else:
            return None
        if q is None:
            return None
        metric = unit.lower_ in self.metres
        end = i + 1
        inches = 0.0
        if metric:
            inches = q[0] / 2.54 * 100 if q[0] < 3 else 0.0
            if end + 1 < se and sdoc[end].lower_ in ("and", "point") and (r := quantity_at(sdoc, end + 1, se)):
                end = r[1]
                inches += r[0] / 2.54  # "two metres and ten"
        else:
            inches = q[0] * 12.0
            if end < se and (r := quantity_at(sdoc, end, se)) is not None and r[0] < 12:
                inches += r[0]
                end = r[1]
        tall = end < se and sdoc[end].lower_ in self.height_words
        if not inches or self.rr.threshold("short_inches") < inches < self.rr.threshold("tall_inches"):
            return None
        start = None
        for v in range(first - 1, max(ss, first - 4) - 1, -1):
            if sdoc[v].pos_ in ("VERB", "AUX"):
                frame = self.frames.frame_at_verb(sdoc, v, ss)
                lemma = sdoc[v].lemma_.lower()
                if frame.person_subject and (tall or lemma in self.height_verbs):
                    start = frame.start
                break
        if start is None:
            return None
        return Hit(start, end + (1 if tall else 0), "physical_trait", "unusual height", ("height",))
