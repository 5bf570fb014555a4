"""Phrase frames for rare details over spaCy tokens, parts of speech and lemmas.

The detection pipeline runs without the dependency parser (for speed), so phrases are found with
part-of-speech patterns: from a distinctive term, look left for the verb that governs it across
noun-phrase and preposition material ("used to be an apprentice ...", "flew ... with a ..."), and
right for the rest of the noun phrase and up to two prepositional phrases.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.nlp.tokens import token_table
from qualdeid.detect.rare.lexicon import RareRules

_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
_NP_CORE = frozenset({"NOUN", "PROPN"})
_PP_CORE = frozenset({"NOUN", "PROPN", "PRON", "NUM"})  # "on a boat", "with her", "at six"
_NP_BEFORE_PARTICIPLE = frozenset({"DT", "PRP$", "JJ", "HYPH", "NN"})  # "a travelling", "puffin-watching"
#: pronouns that may stand between a verb and its object phrase: "taught himself Finnish"
_OBJECT_PRONOUNS = frozenset(
    {"himself", "herself", "themselves", "myself", "yourself", "ourselves", "him", "them", "me", "us"}
)
_PARTICLES = frozenset({"out", "up", "off", "back", "down", "away"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_NOT_PREPOSITIONS = frozenset({"than", "because", "like", "since", "until", "while", "if"})


#: lexicon categories whose words name someone who can teach a skill
_JOB_CATEGORIES = frozenset({"occupation", "common"})


class Kind(StrEnum):
    """What the verb of a frame says about the detail, strongest first."""

    USED_TO = "used_to"
    PASTIME = "pastime"
    ROLE = "role"
    ACHIEVEMENT = "achievement"
    EVENT = "event"
    LOSS = "loss"
    LANGUAGE = "language"
    POSSESSION = "possession"
    OPERATE = "operate"
    ACTIVITY = "activity"
    REPORTING = "reporting"
    NONE = "none"


USED_TO, ROLE, ACHIEVEMENT, EVENT, LOSS = Kind.USED_TO, Kind.ROLE, Kind.ACHIEVEMENT, Kind.EVENT, Kind.LOSS
LANGUAGE, POSSESSION, OPERATE, ACTIVITY = Kind.LANGUAGE, Kind.POSSESSION, Kind.OPERATE, Kind.ACTIVITY
REPORTING, NONE, PASTIME = Kind.REPORTING, Kind.NONE, Kind.PASTIME
#: the verb lists of ``rules/rare/frames.yaml`` that give a frame its kinds
_KIND_VERBS = (
    (ROLE, "role_verbs"),
    (ACHIEVEMENT, "achievement_verbs"),
    (EVENT, "event_verbs"),
    (LOSS, "loss_verbs"),
    (LANGUAGE, "language_verbs"),
    (POSSESSION, "possession_verbs"),
    (OPERATE, "operate_verbs"),
    (REPORTING, "reporting_verbs"),
)


class DocWords:
    """Lowercase forms and lemmas of a document's tokens, read once: finders look only at
    tokens whose word or lemma is one of their trigger words (reading spaCy tokens is the cost)."""

    __slots__ = ("at", "lemmas", "lowers")

    def __init__(self, sdoc: Doc) -> None:
        table = token_table(sdoc)
        self.lowers = table.lowers
        self.lemmas = [
            verb_lemma_of(low, lemma) if pos == "VERB" else lemma.lower()
            for low, lemma, pos in zip(table.lowers, table.lemmas, table.pos, strict=True)
        ]
        #: the indices of the tokens of each word and lemma: a dozen finders ask, each with its triggers
        self.at: dict[str, list[int]] = {}
        for i, (w, lem) in enumerate(zip(self.lowers, self.lemmas, strict=True)):
            self.at.setdefault(w, []).append(i)
            if lem != w:
                self.at.setdefault(lem, []).append(i)

    def where(self, triggers: frozenset[str] | set[str]) -> list[int]:
        """Indices of tokens whose word or lemma is in ``triggers``, in order."""
        found = [self.at[w] for w in self.at.keys() & triggers]
        if len(found) == 1:
            return list(found[0])
        return sorted({i for indices in found for i in indices})


def first_hit(patterns: Iterable[Callable[..., Any]], *args: Any) -> Any:
    """The first pattern's result that is not ``None`` (each pattern is tried in turn)."""
    for pattern in patterns:
        hit = pattern(*args)
        if hit is not None:
            return hit
    return None


def run_patterns(
    patterns: Iterable[Callable[..., Any]],
    sdoc: Doc,
    dw: DocWords,
    triggers: frozenset[str],
    bounds: list[tuple[int, int]],
    *args: Any,
) -> list[Any]:
    """The first hit of ``patterns`` at each trigger token, called as ``pattern(sdoc, token,
    sentence start, sentence end, *args)``."""
    patterns = tuple(patterns)
    out = []
    for i in dw.where(triggers):
        sent_start, sent_end = bounds[i]
        if (hit := first_hit(patterns, sdoc, sdoc[i], sent_start, sent_end, *args)) is not None:
            out.append(hit)
    return out


@dataclass(slots=True)
class Frame:
    kinds: frozenset[Kind]
    start: int  # first token of the phrase (the verb, with "used to" / auxiliaries before it)
    verb: int | None
    person_subject: bool


def is_np_token(t: Token) -> bool:
    return (
        t.pos_ in _NP_POS
        or t.tag_ in ("PRP$", "POS", "HYPH")
        or (t.text == "-" and t.pos_ == "PUNCT")
        or (t.pos_ == "VERB" and t.tag_ in ("VBG", "VBN") and t.i > 0 and t.nbor(-1).tag_ in _NP_BEFORE_PARTICIPLE)
    )


#: words before a verb that the small tagger reads as a noun ("Elsie carves ...", "he still breeds ...")
_SUBJECT_TAGS = frozenset({"PRP", "NNP"})


def _reflexive(t: Token) -> bool:
    """A reflexive pronoun used for emphasis: "herself", "themselves"."""
    return t.tag_ == "PRP" and t.lower_.endswith(("self", "selves"))


def _name_like(t: Token) -> bool:
    """A capitalised word the small model calls a common noun that reads as a name ("Elsie")."""
    return t.is_title and t.pos_ in ("NOUN", "PROPN") and (t.ent_type_ == "PERSON" or zipf_any_spelling(t.lower_) < 3.5)


def verb_lemma(t: Token) -> str:
    """The dictionary form of a verb, mending the small model's slips ("rides" -> "rid")."""
    return verb_lemma_of(t.lower_, t.lemma_)


def verb_lemma_of(low: str, lemma: str) -> str:
    """:func:`verb_lemma` of a token's lower-case form and spaCy lemma."""
    lemma = lemma.lower()
    if low.endswith("es") and lemma == low[:-2] and zipf_any_spelling(low[:-1]) > zipf_any_spelling(lemma):
        return low[:-1]
    return lemma


def _used_to_at(sdoc: Doc, i: int) -> bool:
    """ "used to" starts at token ``i``, with a word after it (which is a verb, whatever the tagger says)."""
    return i + 2 < len(sdoc) and sdoc[i].lower_ == "used" and sdoc[i + 1].lower_ == "to" and sdoc[i + 2].is_alpha


def phrase_end(sdoc: Doc, start: int, stop: int) -> int:
    """End of the noun-phrase material that starts at token ``start`` (``start`` when there is none)."""
    k = start
    while k < stop and is_np_token(sdoc[k]):
        k += 1
    return k


def extend_np_left(sdoc: Doc, start: int, sent_start: int, max_tokens: int = 4) -> int:
    i = start
    while i - 1 >= max(sent_start, start - max_tokens) and is_np_token(sdoc[i - 1]):
        i -= 1
    return i


class Frames:
    """The frames of one rule set: the verb lists of ``rules/rare/frames.yaml`` and the words that let a
    phrase run on or tell who does something."""

    def __init__(self, rr: RareRules) -> None:
        words = rr.words
        self.kind_verbs = tuple((kind, words(name)) for kind, name in _KIND_VERBS)
        self.person_pronouns = words("person_pronouns")
        self.person_nouns = rr.person_nouns
        #: adverbs of state a phrase may run through before its prepositional phrase ("alone in a tower")
        self.state_adverbs = words("state_adverbs")
        #: verbs of a reduced relative clause about an animal or a person kept: "a crow she rescued"
        self.keeping_verbs = words("keeping_verbs")
        #: adverbs between a subject and its verb ("he still breeds ...")
        self.subject_adverbs = words("subject_adverbs")
        #: what a detail's phrase runs on over: "up north", "for thirty years"
        self.directions = words("direction_words")
        self.stretch_words = words("stretch_words")
        #: ", learnt from his aunt", "like her aunty showed her": where a skill came from
        self.skill_source_verbs = words("skill_source_verbs")
        self.skill_source_links = words("skill_source_links")
        self.skill_manners = words("skill_manners")
        self.relatives = rr.relatives
        #: who can teach a skill: relatives, person nouns, the jobs of the lexicons ("learnt off a shearer")
        self.teachers = rr.person_nouns | frozenset(
            item
            for ws in rr.entries.values()
            for words, category, item in ws
            if len(words) == 1 and category in _JOB_CATEGORIES
        )
        #: "as a boy", "as a young woman": the time of life a fact belongs to is part of it
        self.life_stages = words("life_stage_nouns")
        self.reporting_verbs = words("reporting_verbs")
        self.display_verbs = words("display_verbs")
        #: "came", "finished": an achievement only with a placing after it ("came second")
        self.placing_verbs = words("placing_verbs")
        self.placings = words("placings")
        #: "wants to ...", "would like to ...": a wish or a plan, not a fact of someone's life
        self.wish_verbs = words("wish_verbs")
        #: "spends her weekends ...", "every summer", "on Saturdays": what someone does with their own time
        self.pastime_spans = words("pastime_spans")
        self.habit_times = words("habit_times")
        self.habit_links = words("habit_links")
        self.conditional_wish_verbs = words("conditional_wish_verbs")

    def find_frame(self, sdoc: Doc, start: int, sent_start: int, max_back: int = 8) -> Frame:
        """The verb governing the phrase that begins at token ``start``, and what kind of frame it is."""
        verb: int | None = None
        after_as = False
        i = start - 1
        if i >= sent_start and sdoc[start].tag_ == "PRP$" and sdoc[i].pos_ in _NP_CORE:
            # a possessive right after a noun begins a new clause: "at the till my tremor came back"
            return Frame(frozenset({NONE}), start, None, False)
        limit = max(sent_start, start - max_back)
        while i >= limit:
            t = sdoc[i]
            if t.pos_ in ("VERB", "AUX") and not is_np_token(t):
                verb = i
                break
            if t.lower_ == "as" and t.pos_ in ("ADP", "SCONJ"):
                after_as = after_as or i == start - 1 or all(is_np_token(sdoc[k]) for k in range(i + 1, start))
                i -= 1
                continue
            if is_np_token(t) or t.pos_ in ("ADP", "ADV", "PART") or t.lower_ in _OBJECT_PRONOUNS:
                i -= 1
                continue
            break
        if verb is None:
            kinds = {ROLE} if after_as else {NONE}
            return Frame(frozenset(kinds), start, None, False)
        if verb + 2 < start and _used_to_at(sdoc, verb):
            verb += 2  # "used to crew on a trawler": the small model tags "crew" a noun; after "used to" it is a verb
        frame = self.frame_at_verb(sdoc, verb, sent_start)
        if after_as and not frame.kinds & {REPORTING, NONE}:  # not "wants him as the ...", "sees herself as a ..."
            frame.kinds = frame.kinds | {ROLE}
        return frame

    def frame_at_verb(self, sdoc: Doc, verb: int, sent_start: int, shared_subject: bool = False) -> Frame:
        """The frame of the verb at token ``verb``: its kinds, with "used to", auxiliaries and adverbs
        just before it included in the phrase (the subject is not). ``shared_subject``: a verb after
        "and" has the subject of the sentence's first verb."""
        begin = verb
        used_to = False
        adverbs = 0
        while begin - 1 >= sent_start:
            p = sdoc[begin - 1]
            if p.lower_ == "used" and sdoc[begin].lower_ == "to":
                used_to = True
                begin -= 1
            elif p.pos_ == "AUX" or p.lower_ in ("to", "not", "n't", "never"):
                begin -= 1
            elif p.pos_ == "ADV" and adverbs == 0 and begin == verb:  # "still has", not "was in as well doing"
                adverbs += 1
                begin -= 1
            else:
                break
        pastime = False
        if sdoc[verb].tag_ == "VBG":
            # "has been restoring barges": a pursuit kept up over time
            pastime = any(sdoc[k].lower_ == "been" for k in range(begin, verb))
            spent = self._spent_on(sdoc, verb, sent_start)
            if spent is not None:  # "spends her weekends restoring barges"
                begin, pastime = spent, True
        elif sdoc[verb].tag_ in ("VBZ", "VBP") or used_to:
            pastime = self._habit_marked(sdoc, verb, sent_start)
        subject = sdoc[begin - 1] if begin - 1 >= sent_start else None
        if shared_subject and subject is not None and subject.pos_ == "CCONJ":  # "she was ... and was on TV"
            subject = self._first_subject(sdoc, sent_start, begin - 1)
        person = subject is not None and self._is_person(subject)
        lemma = verb_lemma(sdoc[verb])
        kinds = set()
        if used_to:
            kinds.add(USED_TO)
        if pastime and person:  # "it wears me out every winter" is no one's pastime
            kinds.add(PASTIME)
        for kind, verbs in self.kind_verbs:
            if lemma in verbs:
                kinds.add(kind)
        if ACHIEVEMENT in kinds and lemma in self.placing_verbs and not self._placed(sdoc, verb):
            kinds.discard(ACHIEVEMENT)  # "came over", "finished the course"
        if self._wished(sdoc, begin, verb, sent_start):
            return Frame(frozenset({NONE}), begin, verb, person)
        if not kinds:
            kinds.add(ACTIVITY)
        return Frame(frozenset(kinds), begin, verb, person)

    def _spent_on(self, sdoc: Doc, verb: int, sent_start: int) -> int | None:
        """Start of "spends (her) weekends" before a verb in -ing ("... restoring barges"), else ``None``."""
        k = verb - 1
        spans = False
        while k >= max(sent_start, verb - 4) and (is_np_token(sdoc[k]) or sdoc[k].tag_ == "PRP$"):
            spans = spans or sdoc[k].lower_ in self.pastime_spans
            k -= 1
        if not spans or k < sent_start or verb_lemma(sdoc[k]) != "spend":
            return None
        while k - 1 >= sent_start and (sdoc[k - 1].pos_ == "AUX" or sdoc[k - 1].lower_ in ("used", "to")):
            k -= 1
        return k

    def _habit_marked(self, sdoc: Doc, verb: int, sent_start: int) -> bool:
        """A time that makes the verb a habit in its sentence: "every weekend", "on Saturdays", "most Sundays"."""
        end = verb
        while end < len(sdoc) and end - verb < 14 and sdoc[end].lower_ not in (".", "!", "?", ";"):
            end += 1
        return any(
            sdoc[k].lower_ in self.habit_times and sdoc[k - 1].lower_ in self.habit_links
            for k in range(sent_start + 1, end)
        )

    def _placed(self, sdoc: Doc, verb: int) -> bool:
        """A placing within the three words after the verb: "came second", "finished in the top ten"."""
        return any(t.lower_ in self.placings for t in sdoc[verb + 1 : verb + 4])

    def _wished(self, sdoc: Doc, begin: int, verb: int, sent_start: int) -> bool:
        """The verb is what someone wants or plans ("she wants to ride again", "he'd like to fly"), not
        what they did: "to" before it and a verb of wishing before that."""
        if not (begin < verb and sdoc[begin].lower_ == "to") or begin - 1 < sent_start:
            return False
        w = sdoc[begin - 1]
        lemma = w.lemma_.lower()
        if lemma in self.wish_verbs:
            return True
        before = sdoc[begin - 2].lower_ if begin - 2 >= sent_start else ""
        return lemma in self.conditional_wish_verbs and before in ("would", "'d", "d", "wd")

    def _is_person(self, t: Token) -> bool:
        return (
            t.lower_ in self.person_pronouns
            or t.pos_ == "PROPN"
            or t.ent_type_ == "PERSON"
            or _name_like(t)
            or t.lemma_.lower() in self.person_nouns
        )

    @staticmethod
    def _first_subject(sdoc: Doc, sent_start: int, stop: int) -> Token | None:
        """The subject of a sentence's first verb before ``stop``: the subject that a verb after "and" shares."""
        for k in range(sent_start, stop):
            if sdoc[k].pos_ in ("VERB", "AUX"):
                j = k - 1
                if j > sent_start and sdoc[j].pos_ == "ADV":
                    j -= 1
                return sdoc[j] if j >= sent_start else None
        return None

    def acts_as_verb(self, sdoc: Doc, i: int) -> bool:
        """A verb, or a plural-looking noun right after a subject that must be one ("Elsie carves
        walking sticks": the small model tags "carves" NNS)."""
        t = sdoc[i]
        if t.pos_ in ("VERB", "AUX") or (i >= 2 and _used_to_at(sdoc, i - 2)):
            return True
        if t.tag_ != "NNS" or i == 0 or i + 1 >= len(sdoc):
            return False
        prev, nxt = sdoc[i - 1], sdoc[i + 1]
        subject = prev.tag_ in _SUBJECT_TAGS or prev.lower_ in self.subject_adverbs or _name_like(prev)
        return subject and (nxt.pos_ in ("DET", "ADJ", "NOUN", "ADP", "NUM") or nxt.tag_ in ("PRP$", "VBG", "VBP"))

    def extend_right(self, sdoc: Doc, end: int, sent_end: int, limit: int, max_pps: int = 2) -> int:
        """Extend a phrase ending at ``end`` over the rest of its noun phrase, particles and up to
        ``max_pps`` prepositional phrases; never past ``limit`` or the sentence."""
        stop = min(sent_end, limit)
        k = end
        while k < stop and is_np_token(sdoc[k]):
            k += 1
        # a chain of verbs: "breed and show"
        while (
            k + 1 < stop
            and sdoc[k].lower_ in ("and", "&")
            and sdoc[k - 1].pos_ == "VERB"
            and sdoc[k + 1].pos_ == "VERB"
        ):
            k += 2
        if k < stop and sdoc[k].lower_ in _PARTICLES:
            k += 1
        if k + 1 < stop and sdoc[k].lower_ in self.state_adverbs and sdoc[k + 1].pos_ == "ADP":
            k += 1  # "as a fire lookout alone in a tower"
        pps = 0
        while k < stop and pps < max_pps:
            t = sdoc[k]
            if t.pos_ != "ADP" or t.lower_ in _NOT_PREPOSITIONS:
                break
            j = k + 1
            if j + 1 < stop and sdoc[j].tag_ == "VBG" and sdoc[j + 1].pos_ == "NOUN":
                j += 1  # "for wargaming tournaments"
            while j < stop and is_np_token(sdoc[j]):
                j += 1
            if j == k + 1 or not any(sdoc[m].pos_ in _PP_CORE for m in range(k + 1, j)):
                break
            pps += 0 if t.lower_ == "of" else 1
            k = j
        return k

    def extend_relative(self, sdoc: Doc, end: int, sent_end: int, limit: int) -> int:
        """Extend a phrase ending at ``end`` over a relative clause about it: "an identical twin who is a
        police officer", "a ferret that rides on her shoulder" (not "a twin that I never met")."""
        if end + 2 < sent_end and sdoc[end].tag_ == "PRP" and sdoc[end + 1].lemma_.lower() in self.keeping_verbs:
            end += 2  # "a crow she rescued (that lives on her balcony)"
            if sdoc[end].lower_ not in ("who", "that", "which"):
                # "a parrot she inherited from her aunt": where it came from is part of the fact
                return self.extend_right(sdoc, end, sent_end, limit, max_pps=1)
        if end + 1 >= sent_end or sdoc[end].lower_ not in ("who", "that", "which"):
            return end
        verb = end + 1
        if sdoc[verb].pos_ == "ADV" and verb + 1 < sent_end:
            verb += 1
        if sdoc[verb].pos_ not in ("VERB", "AUX"):
            return end
        return max(verb + 1, self.extend_right(sdoc, verb + 1, sent_end, limit, max_pps=1))

    def run_on(self, sdoc: Doc, end: int, sent_end: int, limit: int) -> int:
        """Extend a detail's phrase ending at ``end`` over what completes the fact: a relative clause
        about its last noun ("a tile setter who laid the floors of the new library"), a direction ("up
        north"), a stretch of time ("for thirty years") and a second verb that goes on with the fact."""
        stop = min(sent_end, limit)
        if end < stop and sdoc[end - 1].pos_ in _NP_CORE:
            end = min(stop, self.extend_relative(sdoc, end, sent_end, limit))
        if end < stop and _reflexive(sdoc[end]):
            # "was a sheep shearer herself in the seventies": the fact goes on past its own subject, with where
            # or when it was ("in ..."; not "myself before the third one"); the emphasis closes the predicate,
            # and a second verb after it is another fact ("... and taught her niece")
            end += 1
            if end < stop and sdoc[end].lower_ == "in":
                end = min(stop, self.extend_right(sdoc, end, sent_end, limit, max_pps=1))
            return self._life_stage(sdoc, end, stop)
        end = self._life_stage(sdoc, self._appositive(sdoc, end, sent_end, stop), stop)
        end = self._life_stage(sdoc, self._skill_source(sdoc, end, stop), stop)  # "... off a shearer as a boy"
        if end + 1 < stop and sdoc[end].lower_ in _PARTICLES and sdoc[end + 1].lower_ in self.directions:
            end += 1  # "up north"
        if end < stop and sdoc[end].lower_ in self.directions:
            end += 1
        if end + 1 < stop and sdoc[end].lower_ == "for":
            j = end + 1
            while j < stop - 1 and (sdoc[j].pos_ in ("NUM", "DET", "ADJ", "ADV") or sdoc[j].lower_ == "about"):
                j += 1
            last = j + 1 >= len(sdoc) or sdoc[j + 1].pos_ not in ("NOUN", "PROPN", "ADJ")  # not "for the winter fair"
            if j > end + 1 and sdoc[j].lower_ in self.stretch_words and last:
                end = j + 1
        return self._coordinated(sdoc, end, sent_end, stop)

    def _appositive(self, sdoc: Doc, end: int, sent_end: int, stop: int) -> int:
        """Run on over an appositive that says what the detail's last noun is, set off by commas, and the
        phrase the clause goes on with after it: "served as the tohunga, the elder's speaker, for the marae"
        (not a list: "keeps ferrets, the cats and a dog")."""
        if not (end + 3 < stop and sdoc[end - 1].pos_ in _NP_CORE and sdoc[end].text == ","):
            return end
        if not (sdoc[end + 1].pos_ == "DET" or sdoc[end + 1].tag_ == "PRP$"):
            return end
        k = end + 2
        while k < stop and (is_np_token(sdoc[k]) or sdoc[k].tag_ == "POS") and sdoc[k].lower_ != "and":
            k += 1
        if not (k + 1 < stop and sdoc[k].text == "," and sdoc[k - 1].pos_ in _NP_CORE and sdoc[k + 1].pos_ == "ADP"):
            return end
        return max(k, self.extend_right(sdoc, k + 1, sent_end, stop, max_pps=1))

    def _life_stage(self, sdoc: Doc, end: int, stop: int) -> int:
        """Run on over the time of life the fact belongs to: "as a boy", "as a young woman" (a word of
        ``life_stage_nouns`` after "as" and an article, with at most one adjective between)."""
        if not (end < stop and sdoc[end].lower_ == "as"):
            return end
        k = end + 1
        if k < stop and sdoc[k].pos_ == "DET":
            k += 1
        if k < stop and sdoc[k].pos_ == "ADJ":
            k += 1
        if k < stop and k > end + 1 and sdoc[k].lemma_.lower() in self.life_stages:
            return k + 1
        return end

    def _skill_source(self, sdoc: Doc, end: int, stop: int) -> int:
        """Run on over how and from whom a skill was learned: "by ear" (a noun of ``skill_manners`` after
        "by"), ", learnt from her aunt in ...", ", picked it up from her nan", "like her aunty showed
        her" (a verb of ``skill_source_verbs``; after "learned from" the teacher is a relative or a person
        noun, never "from his mistakes")."""
        k = end
        if k + 1 < stop and sdoc[k].lower_ == "by" and sdoc[k + 1].lower_ in self.skill_manners:
            k += 2
        manner = k
        if k < stop and sdoc[k].text == ",":
            k += 1
        if k >= stop:
            return manner
        t = sdoc[k]
        if t.lower_ in self.skill_source_links:
            teacher = self._teacher_end(sdoc, k + 1, stop, any_noun=True)
            if teacher is None or teacher >= stop:
                return manner
            verb = sdoc[teacher]
            if verb.tag_ not in _FINITE_TAGS or verb_lemma(verb) not in self.skill_source_verbs:
                return manner
            after = teacher + 1
            pronoun = after < stop and (sdoc[after].lower_ in _OBJECT_PRONOUNS or sdoc[after].lower_ == "her")
            return after + 1 if pronoun else after
        if t.tag_ not in ("VBD", "VBN") or verb_lemma(t) not in self.skill_source_verbs:
            return manner
        j = k + 1
        if j < stop and sdoc[j].lower_ in ("it", "them"):
            j += 1
        if j < stop and sdoc[j].lower_ == "up":
            j += 1
        if not (j < stop and sdoc[j].lower_ in ("from", "off", "by")):
            return manner
        teacher = self._teacher_end(sdoc, j + 1, stop, any_noun=False)
        if teacher is None:
            return manner
        return self.extend_right(sdoc, teacher, stop, stop, max_pps=1)  # "... in Olomouc"

    def _teacher_end(self, sdoc: Doc, k: int, stop: int, any_noun: bool) -> int | None:
        """The end of a teacher at token ``k``: "his grandfather", "my old aunty" (any noun after a
        possessive where ``any_noun``), "a Cornish shearer" (a relative, a person noun or a job)."""
        if not (k < stop and (sdoc[k].tag_ == "PRP$" or (not any_noun and sdoc[k].pos_ == "DET"))):
            return None
        first = k
        k += 1
        while (
            k < stop
            and k - first <= 2
            and sdoc[k].pos_ in ("ADJ", "PROPN")
            and k + 1 < stop
            and sdoc[k + 1].pos_ in _NP_CORE | {"ADJ"}
        ):
            k += 1  # "a Scottish", "my old"
        if k >= stop or sdoc[k].pos_ not in _NP_CORE:
            return None
        person = sdoc[k].lemma_.lower() in self.teachers or sdoc[k].lower_ in self.teachers
        if not ((any_noun and sdoc[first].tag_ == "PRP$") or person):
            return None
        return k + 1

    def _coordinated(self, sdoc: Doc, end: int, sent_end: int, stop: int) -> int:
        """Run on over a second verb of the same subject that goes on with the fact: "builds boats by hand
        and sells them at the market", "collects meteorites and found one himself" (not "... and said")."""
        if not (end + 2 < stop and sdoc[end].lower_ == "and"):
            return end
        verb = sdoc[end + 1]
        # the small tagger reads a rare verb with an object as a plural noun: "and caulks the seams"
        plural_verb = verb.tag_ == "NNS" and (sdoc[end + 2].pos_ == "DET" or sdoc[end + 2].tag_ == "PRP$")
        if not (verb.tag_ in _FINITE_TAGS or plural_verb):
            return end
        # "and has forty of them": having counts as a verb here, an auxiliary ("and has gone") does not
        having = verb.lemma_.lower() == "have" and sdoc[end + 2].pos_ in ("NUM", "DET")
        # a verb of showing goes on with the fact with the things as its object: "breeds ferrets and shows
        # them at county fairs" (never one of telling: "... and said", "... and mentioned it"; nor "showed me how")
        shown = verb_lemma(verb) in self.display_verbs and sdoc[end + 2].lower_ in ("them", "it")
        if not (verb.pos_ == "VERB" or plural_verb or having) or (
            verb_lemma(verb) in self.reporting_verbs and not shown
        ):
            return end
        k = end + 2
        while k < stop and sdoc[k].lower_ in _OBJECT_PRONOUNS | {"it", "one", "that", "this"}:
            k += 1  # "sells them at the market", "found that one herself"
        more = self.extend_right(sdoc, k, sent_end, stop, max_pps=1)
        if any(sdoc[m].pos_ in _PP_CORE and sdoc[m].pos_ != "PRON" for m in range(end + 2, more)):
            return more
        return end
