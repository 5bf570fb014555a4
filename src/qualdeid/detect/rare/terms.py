"""Terms: a word of a rare-detail lexicon (``rules/rare/<category>.txt``) or a word rare in general
language, judged in the frame around it.

"worked as a farrier", "used to race pigeons", "keeps ferrets": a lexicon entry counts when its frame
says someone is, does or has it (or when it is very rare on its own); an unlisted word rare in general
language counts only as a past activity or a role ("used to ...", "worked as a ..."), and then only if
few documents of the corpus share it. A term with no such frame is *pending*: flagged only where the
same detail is flagged elsewhere in the corpus.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import frequency_text, zipf_any_spelling
from qualdeid.detect.nlp.tokens import token_table
from qualdeid.detect.rare.context import NAME_ENTITIES, RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import (
    ACHIEVEMENT,
    EVENT,
    LANGUAGE,
    LOSS,
    NONE,
    OPERATE,
    PASTIME,
    POSSESSION,
    REPORTING,
    ROLE,
    USED_TO,
    Frame,
    extend_np_left,
    is_np_token,
)
from qualdeid.detect.rare.lexicon import COMMON, Category, RareRules, TermMatch

ACCEPTED, CORPUS_CHECK, PENDING = Status.ACCEPTED, Status.CORPUS_CHECK, Status.PENDING
UNUSUAL_WORD = "unusual_word"  # a term whose only evidence is its general-language frequency

_DESCRIPTIONS = {
    Category.OCCUPATION: "unusual occupation",
    Category.HOBBY: "unusual hobby or skill",
    Category.LIFE_EVENT: "rare life event or achievement",
    Category.PHYSICAL_TRAIT: "distinctive physical trait",
    Category.PET: "unusual animal kept",
    Category.FAMILY: "unusual family situation",
    Category.MINORITY: "minority status rare in most settings",
    Category.LANGUAGE: "speaks or signs a less common language",
    Category.SETTING: "unusual job or pastime (distinctive place or vehicle)",
    UNUSUAL_WORD: "unusual past activity or role",
}
_SUBTYPES = {Category.SETTING: Category.OCCUPATION, UNUSUAL_WORD: "activity"}
_ACTING = frozenset({USED_TO, PASTIME, ROLE, ACHIEVEMENT, EVENT, LOSS, LANGUAGE, POSSESSION, OPERATE})


class TermFinder(RuleFinder):
    """Lexicon entries and words rare in general language, judged in their frames."""

    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.mere_possession = self._w("mere_possession_verbs")
        t = rr.threshold
        self.rare_zipf = t("rare_zipf")
        self.very_rare_zipf = t("very_rare_zipf")
        self.used_to_zipf = t("used_to_zipf")
        self.min_known_zipf = t("min_known_zipf")
        self.echo_zipf = t("echo_zipf")
        self.echo_mentions = bool(t("echo_mentions"))
        self.owned_pet_zipf = t("owned_pet_zipf")
        self.post_zipf = t("post_zipf")

    def find(self, ctx: RareContext) -> list[Hit]:
        sdoc = ctx.sdoc
        matches = list(ctx.term_matches)
        common = {i for m in ctx.matches if m.category == COMMON for i in range(m.start, m.end)}
        for i in token_table(sdoc).where_pos("NOUN", "VERB"):  # as _is_unusual_word asks first
            t = sdoc[i]
            if t.i not in ctx.term_tokens and t.i not in common and self._is_unusual_word(t, ctx.named):
                matches.append(TermMatch(t.i, t.i + 1, UNUSUAL_WORD, t.lemma_.lower()))
        hits = []
        for m in matches:
            hit = self._judge(sdoc, m, ctx.bounds)
            if hit is not None:
                hits.append(hit)
        return hits

    def _is_unusual_word(self, t: Token, named: bytearray) -> bool:
        if t.pos_ not in ("NOUN", "VERB") or not t.is_alpha or len(t) < 4 or t.is_stop:
            return False
        if named[t.idx] or t.ent_type_ in NAME_ENTITIES or (t.is_title and not t.is_sent_start):
            return False
        z = zipf_any_spelling(t.lower_)
        return self.min_known_zipf <= z < self.echo_zipf and t.lemma_.lower() not in self.rr.common_words

    def _judge(self, sdoc: Doc, m: TermMatch, bounds: list[tuple[int, int]]) -> Hit | None:
        sent_start, sent_end = bounds[m.start]
        first = sdoc[m.start]
        # a lexicon noun used as a verb after "to" ("used to referee") is judged in the verb's own frame
        as_verb = first.lower_ == m.entry and m.start > 0 and sdoc[m.start - 1].lower_ == "to"
        if first.pos_ == "VERB" and (m.category == UNUSUAL_WORD or m.verb or as_verb):
            frame = self.frames.frame_at_verb(sdoc, m.start, sent_start)
            np_start = m.start
        else:
            np_start = extend_np_left(sdoc, m.start, sent_start)
            frame = self.frames.find_frame(sdoc, np_start, sent_start)
            if ACHIEVEMENT not in frame.kinds and m.entry in self.rr.words("achievement_nouns"):
                frame = self._won_before(sdoc, np_start, sent_start) or frame
        z = self._term_zipf(sdoc, m)
        status = self._decide(sdoc, m, frame, z, np_start)
        if status is None:
            frame, status = self._relative_clause(sdoc, m, np_start, sent_start, sent_end, z)
        if status is None:
            if not self.echo_mentions or z >= self.echo_zipf or m.category in (Category.LANGUAGE, Category.MINORITY):
                return None
            end = self.frames.extend_right(sdoc, m.end, sent_end, m.end + 3, max_pps=0)
            return self._hit(sdoc, np_start, end, m, PENDING, z)
        # "his scorpion", "her pet stick insects": owned, and the verb around it says nothing about keeping it
        owned_only = (
            m.category == Category.PET and _owned(sdoc, np_start, m) and not frame.kinds & {POSSESSION, USED_TO}
        )
        if owned_only:
            return self._hit(sdoc, np_start, m.end, m, status, z)
        if frame.verb is None or (REPORTING in frame.kinds and not frame.kinds & {USED_TO, ROLE}):
            if m.category in _THINGS and sdoc[np_start].lower_ in _DEFINITE:
                return None  # "nobody asks about the pianola": a thing the reader already knows of, not the fact
            start, max_pps = np_start, 1
        else:
            start, max_pps = frame.start, 2
        end = self.frames.extend_right(sdoc, m.end, sent_end, start + self.max_tokens, max_pps=max_pps)
        if ACHIEVEMENT not in frame.kinds and m.entry in self.rr.words("named_achievement_nouns"):
            end = min(end, _named_own(sdoc, np_start, m) or end)  # its name ends it: "his <town> title | with ..."
        if frame.verb is not None and frame.verb > m.start:  # relative clause: "the X she used to breed"
            end = self.frames.extend_right(sdoc, frame.verb + 1, sent_end, start + self.max_tokens, max_pps=1)
        elif m.category in (Category.FAMILY, Category.PET):  # "an identical twin who is a police officer"
            end = self.frames.extend_relative(sdoc, max(end, m.end), sent_end, start + self.max_tokens + 4)
        return self._hit(sdoc, start, max(end, m.end), m, status, z)

    def _won_before(self, sdoc: Doc, np_start: int, sent_start: int) -> Frame | None:
        """The frame of "won" before a title whose modifiers the small tagger reads as a verb ("won the
        under-21 ploughing championship": "ploughing" is no verb of its own)."""
        i = np_start - 1
        while i >= max(sent_start, np_start - 4):
            t = sdoc[i]
            if t.pos_ == "VERB" and t.tag_ != "VBG":
                frame = self.frames.frame_at_verb(sdoc, i, sent_start)
                return frame if ACHIEVEMENT in frame.kinds else None
            if not (is_np_token(t) or t.tag_ in ("VBG", "NNP")):
                return None
            i -= 1
        return None

    def _term_zipf(self, sdoc: Doc, m: TermMatch) -> float:
        """The rarest word of the term, in its dictionary form ("alpacas" counts as "alpaca")."""
        if m.category != UNUSUAL_WORD:
            words = [w for w in m.entry.replace("-", " ").split() if w.isalpha()]
            if words:
                return min(zipf_any_spelling(w) for w in words)
        t = sdoc[m.start]
        return max(zipf_any_spelling(t.lower_), zipf_any_spelling(t.lemma_.lower()))

    def _decide(self, sdoc: Doc, m: TermMatch, frame: Frame, z: float, np_start: int) -> Status | None:
        kinds = frame.kinds
        if NONE in kinds and frame.verb is not None:
            return None  # a wish or a plan: "wants to breed ferrets"
        verb_lemma = sdoc[frame.verb].lemma_.lower() if frame.verb is not None else ""
        if self._compared(sdoc, np_start) or (
            m.category == Category.OCCUPATION
            and (self._denied(sdoc, frame, np_start) or self._post(sdoc, m, np_start, z))
        ):
            return None
        if (
            verb_lemma == "be"
            and m.category != Category.PET  # "this is her scorpion": owned, judged below
            and frame.start > 0
            and sdoc[frame.start - 1].lower_ in self.rr.words("non_person_subjects")
            and frame.verb is not None
            and all(is_np_token(sdoc[i]) or sdoc[i].pos_ == "ADV" for i in range(frame.verb + 1, np_start))
        ):  # the phrase is what "there is", "it was" names, not a cause after it ("it's from ...")
            return None
        if self._praised(sdoc, m, np_start, z):
            return None
        reporting = REPORTING in kinds and not kinds & {USED_TO, ROLE}
        if (
            kinds == {POSSESSION}
            and verb_lemma in self.mere_possession
            and m.category not in (Category.PHYSICAL_TRAIT, Category.PET)
        ):
            kinds = frozenset()
        rare_word = z < self.rare_zipf
        # a hobby's verb says someone does it when habitual: "juggles", "used to juggle", not "juggled the oranges"
        habitual = m.verb and (sdoc[m.start].tag_ in ("VBZ", "VBP") or USED_TO in kinds)
        # what someone does is the verb's object, not a place or a cause after it ("came over for the ...")
        person_activity = (
            "activity" in kinds
            and frame.person_subject
            and (rare_word or habitual)
            and (frame.verb is None or not _after_preposition(sdoc, frame.verb, np_start))
        )
        acting = not reporting and bool(kinds & _ACTING or person_activity)
        strong = " " in m.entry or z < self.very_rare_zipf
        cat = m.category
        words = self.rr.words
        if cat == UNUSUAL_WORD:
            if kinds & {USED_TO, PASTIME} and not reporting and z < self.used_to_zipf:
                if m.entry in self.rr.clinical:
                    return None  # "has been taking <a medicine>": a treatment, no pastime
                return CORPUS_CHECK  # "used to" is the strongest frame: a less rare word counts in it
            if not rare_word or reporting:
                return None
            direct = frame.verb is not None and all(
                is_np_token(sdoc[i]) or sdoc[i].pos_ == "ADV" or sdoc[i].lower_ == "as"
                for i in range(frame.verb + 1, np_start)
            )
            if USED_TO in kinds or (ROLE in kinds and frame.verb is None):
                return CORPUS_CHECK
            if ROLE in kinds and direct and frame.person_subject:
                return CORPUS_CHECK
            return None
        if cat == Category.LANGUAGE:
            if m.entry in self.rr.common_languages:
                return None
            before = {sdoc[i].lower_ for i in range(max(0, m.start - 2), m.start)}
            if before & words("language_markers") or "sign" in m.entry:
                return ACCEPTED
            # speaking a language is what most people do, even one few of the corpus speak ("talks
            # Estonian with her", "writes Sorbian to his cousin"); teaching oneself one or interpreting in it is not
            plain = verb_lemma in words("plain_language_verbs")
            return ACCEPTED if LANGUAGE in kinds and not plain and not self._negated(sdoc, frame) else None
        if cat == Category.OCCUPATION and np_start > 0 and sdoc[np_start - 1].lower_ in words("companion_words"):
            return None  # "worked with a bailiff": the job of someone else
        if cat == Category.SETTING:
            return ACCEPTED if not reporting and kinds & {USED_TO, PASTIME, ROLE, OPERATE} else None
        if cat == Category.PET:
            if (np_start < m.start and sdoc[m.start - 1].lower_ == "pet") or (not reporting and POSSESSION in kinds):
                return ACCEPTED
            # "his scorpion", "their iguanas"; an animal common in general language is no detail only by
            # being someone's ("his bees", "her hens" after the fact was told)
            if _owned(sdoc, np_start, m) and min(z, _modifier_zipf(sdoc, np_start, m.start)) < self.owned_pet_zipf:
                return ACCEPTED  # "his ferret", "her balcony quail"
            return ACCEPTED if strong and acting else None
        if cat == Category.MINORITY:
            return ACCEPTED if (" " in m.entry) or (kinds & {USED_TO, ROLE} and not reporting) else None
        if cat == Category.LIFE_EVENT and m.entry in words("achievement_nouns") | words("achievement_nouns_scaled"):
            if sdoc[m.start].pos_ == "VERB":
                return None  # the verb of an achievement noun is no achievement: "gets recorded", "titled"
            left = {sdoc[i].lower_ for i in range(np_start, m.start)}
            # "a yo-yo champion", not "the champion"
            champion_of = m.entry in words("champion_nouns") and any(
                sdoc[i].pos_ != "DET" for i in range(np_start, m.start)
            )
            scaled = bool(left & words("achievement_scale"))
            named = m.entry in words("named_achievement_nouns") and _named_own(sdoc, np_start, m) > 0
            if champion_of or scaled or named or (ACHIEVEMENT in kinds and m.entry in words("achievement_nouns")):
                return ACCEPTED
            return None
        if (
            cat == Category.LIFE_EVENT
            and not strong
            and not kinds & {EVENT, ACHIEVEMENT, USED_TO}
            and sdoc[m.start].tag_ != "VBN"
        ):
            return None  # "was in a flood": an ordinary word for an event needs "survived", "won" ...
        if acting:
            return ACCEPTED
        # a rare thing named outside any frame of doing or having it is a detail on its own, unless it is a
        # mention: "the X", "at a X", "like a X" (the fact is told elsewhere, or is no one's)
        # (a person's job, as "for drag queens", only as "the X" or "like a X")
        mention = cat in _THINGS and _mention(sdoc, np_start, True)
        mention = mention or (cat == Category.OCCUPATION and _mention(sdoc, np_start, False))
        return ACCEPTED if strong and not mention else None

    def _compared(self, sdoc: Doc, np_start: int) -> bool:
        """The phrase is a comparison or a hedge: "than most taxidermists", "like a theremin", "a sort of falconer"."""
        before = sdoc[np_start - 1].lower_ if np_start > 0 else ""
        if before in self.rr.words("comparison_words"):
            return True
        return before == "of" and np_start > 1 and sdoc[np_start - 2].lower_ in self.rr.words("hedge_nouns")

    def _praised(self, sdoc: Doc, m: TermMatch, np_start: int, z: float) -> bool:
        """A role praised or judged, its word not rare: "a great listener", "a decent goalkeeper", "a real
        grafter" says what someone is like (``praise_modifiers`` of ``terms.yaml``); a rare or a several-word
        job of the lexicon stays ("a brilliant trapeze artist")."""
        if m.category != UNUSUAL_WORD and (m.category != Category.OCCUPATION or " " in m.entry or z < self.rare_zipf):
            return False
        return any(sdoc[i].lower_ in self.rr.words("praise_modifiers") for i in range(np_start, m.start))

    def _post(self, sdoc: Doc, m: TermMatch, np_start: int, z: float) -> bool:
        """A common one-word job named as a post of the setting: "is the pastor", "our priest" (see
        ``post_determiners`` of ``rules/rare/terms.yaml``)."""
        if " " in m.entry or z < self.post_zipf or sdoc[np_start].lower_ not in self.rr.words("post_determiners"):
            return False
        return not any(sdoc[i].lower_ in self.rr.words("post_singling_words") for i in range(np_start, m.start))

    @staticmethod
    def _denied(sdoc: Doc, frame: Frame, np_start: int) -> bool:
        """A negation from the frame's start to the phrase: "does not become a ...", "was not a ...",
        "should never be the ..."."""
        if frame.verb is None:
            return False
        return any(sdoc[i].lower_ in ("not", "n't", "never", "cannot") for i in range(frame.start, np_start))

    def _negated(self, sdoc: Doc, frame: Frame) -> bool:
        """``doesn't speak ...``, ``cannot read ...``: a negation between the frame's start and its verb."""
        if frame.verb is None:
            return False
        return any(sdoc[i].lower_ in ("not", "n't", "never", "cannot") for i in range(frame.start, frame.verb))

    def _relative_clause(
        self, sdoc: Doc, m: TermMatch, np_start: int, sent_start: int, sent_end: int, z: float
    ) -> tuple[Frame, Status | None]:
        """``the snakes he breeds``: a term followed by a clause about someone doing it."""
        np_end = m.end
        while np_end < sent_end and sdoc[np_end].pos_ in ("NOUN", "PROPN"):
            np_end += 1
        none = Frame(frozenset(), np_start, None, False)
        if np_end >= sent_end or sdoc[np_end].lower_ not in self.rr.words("person_pronouns") | {"that", "which"}:
            return none, None
        for v in range(np_end + 1, min(sent_end, np_end + 5)):
            if sdoc[v].pos_ == "VERB" and sdoc[v].lower_ != "used":
                frame = self.frames.frame_at_verb(sdoc, v, np_end + 1)
                if m.category != UNUSUAL_WORD and frame.kinds & {USED_TO, POSSESSION, OPERATE, ROLE}:
                    return Frame(frame.kinds, np_start, v, True), ACCEPTED
                return none, None
        return none, None

    def _hit(self, sdoc: Doc, start: int, end: int, m: TermMatch, status: Status, z: float) -> Hit:
        desc = _DESCRIPTIONS.get(m.category, "rare detail")
        reason = f"{desc} (general-language frequency {frequency_text(z)})" if z > 0 else desc
        keys = tuple(sdoc[i].lemma_.lower() for i in range(m.start, m.end) if sdoc[i].is_alpha and not sdoc[i].is_stop)
        return Hit(
            start,
            end,
            _SUBTYPES.get(m.category, m.category),
            reason,
            keys or (m.entry,),
            status,
            echo_keys=_word_forms(sdoc, m) if status == PENDING else (),
            core_end=m.end,
        )


def _modifier_zipf(sdoc: Doc, start: int, end: int) -> float:
    """The rarest modifier word between ``start`` and ``end`` ("balcony" of "her balcony quail"); 8 if none."""
    words = [sdoc[i].lower_ for i in range(start, end) if sdoc[i].is_alpha and sdoc[i].pos_ in ("ADJ", "NOUN")]
    return min((zipf_any_spelling(w) for w in words), default=8.0)


def _mention(sdoc: Doc, np_start: int, prepositions: bool) -> bool:
    """A term named as a mention: definite ("the rodeo"), after a comparison ("like a newsreader") or, with
    ``prepositions``, after a preposition other than "in" or "of" ("came to a rodeo", "with a metal detector")."""
    if sdoc[np_start].lower_ in _DEFINITE:
        return True
    before = sdoc[np_start - 1] if np_start > 0 else None
    if before is None:
        return False
    if before.lower_ in ("like", "unlike", "than"):
        return True
    # a particle is no preposition: "took up ice-climbing"
    return prepositions and before.tag_ == "IN" and before.lower_ not in ("in", "of")


def _after_preposition(sdoc: Doc, verb: int, np_start: int) -> bool:
    """A preposition other than "in" between the verb and the phrase: "went to the ...", "came over for the ..."."""
    return any(sdoc[i].pos_ == "ADP" and sdoc[i].lower_ != "in" for i in range(verb + 1, np_start))


def _word_forms(sdoc: Doc, m: TermMatch) -> tuple[str, ...]:
    forms = []
    for i in range(m.start, m.end):
        if sdoc[i].is_alpha and not sdoc[i].is_stop:
            forms.extend((sdoc[i].lemma_.lower(), sdoc[i].lower_))
    return tuple(dict.fromkeys(forms))


_OWNERS = frozenset({"his", "her", "their", "my", "our", "your"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: lexicons of things done or kept (not of what someone is): named alone after "the", a later mention
_THINGS = frozenset({Category.HOBBY, Category.PET, Category.SETTING, UNUSUAL_WORD})


def _named_own(sdoc: Doc, np_start: int, m: TermMatch) -> int:
    """Someone's achievement named by where or what it was won: "his <town> title", "her trophy from the
    <town> regional show", "their medals at the <name> Games" (not "his title", "her award from work").
    The end of the phrase that names it, 0 when it is not named."""
    if not any(sdoc[i].lower_ in _OWNERS for i in range(np_start, m.start)):
        return 0
    if m.end < len(sdoc) and sdoc[m.end].pos_ in ("NOUN", "PROPN"):
        return 0  # "her Oscars party": a thing named after it
    if any(_proper(sdoc[i]) for i in range(np_start, m.start)):
        return m.end
    k = m.end
    if k + 1 >= len(sdoc) or sdoc[k].lower_ not in ("from", "at", "in"):
        return 0
    k += 1
    named = False
    while k < len(sdoc) and (sdoc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or sdoc[k].tag_ == "HYPH"):
        named = named or _proper(sdoc[k])
        k += 1
    return k if named else 0


def _proper(t: Token) -> bool:
    """A capitalised proper noun within a sentence: a name of a place, a contest or a body."""
    return t.pos_ == "PROPN" and (t.is_title or t.is_upper) and not t.is_sent_start and len(t) > 1


def _owned(sdoc: Doc, np_start: int, m: TermMatch) -> bool:
    """An animal of the lexicon owned by someone ("his scorpion"), not a compound ("her spider plant")
    nor a name ("his Magpies")."""
    if not any(sdoc[i].lower_ in _OWNERS for i in range(np_start, m.start)):
        return False
    words = sdoc[m.start : m.end]
    if any(w.is_title or w.is_upper for w in words if not w.is_sent_start):
        return False
    return m.end >= len(sdoc) or (sdoc[m.end].pos_ not in ("NOUN", "PROPN", "PART") and sdoc[m.end].tag_ != "POS")
