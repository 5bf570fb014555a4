"""Life events told with the age or the year they happened: "was sectioned at twenty-two", "had her son at
sixteen", "lost his brother at sea when he was seventeen", "broke his back falling off a scaffold in 2011".

No lexicon word is needed: an event of a life (a verb of ``milestone_self_verbs``, one of ``milestone_verbs``
told with what happened, or a light verb with one of ``milestone_objects``: "had her son", "got sober",
"took his own life") said of a person, and the age or
year it happened at the end of its clause. The age or year is another detector's (the processor cuts it
out of the phrase); the words of the event around it are the detail.

An activity kept up into old age is one too, without an event's verb: "still paddles with the canoe polo team at 83",
"swam in the reservoir every New Year until he was 88" (an age of ``late_activity_age`` or more, after "still"
or in "until ... was", with a word rarer than ``late_activity_zipf``).

Word lists: ``rules/rare/milestones.yaml``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.nlp.numbers import quantity_at
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import Kind, verb_lemma
from qualdeid.detect.rare.lexicon import RareRules

_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
#: tokens an event's clause does not run over to reach an age or a year
_CLAUSE_BREAKS = frozenset({".", ";", ":", "!", "?", ",", "(", ")", "but", "because", "so", "and", "then", "-", "–"})
_OLDEST = 110  # an "at <number>" above this is no age
#: the reason of this finder's hits (the processor neither runs them on nor lets them hide a clause's detail)
MILESTONE = "a life event told with the age or year it happened"
#: the reason of an activity kept up into old age
LATE_ACTIVITY = "an activity kept up into old age"


class MilestoneFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.reach = int(rr.threshold("milestone_reach"))
        self.self_verbs = self._w("milestone_self_verbs")
        self.verbs = self._w("milestone_verbs")
        self.light_verbs = self._w("milestone_light_verbs")
        self.objects = self._w("milestone_objects")
        self.plain_objects = self._w("milestone_plain_objects")
        self.not_ages = self._w("milestone_not_ages")
        self.year_links = self._w("milestone_year_links")
        self.age_clauses = self._w("milestone_age_clauses")
        self.age_units = self._w("milestone_age_units")
        self.learn_words = frozenset({"learn", "learned", "learnt"})
        self.late_age = rr.threshold("late_learning_age")
        self.late_decades = self._w("late_decades")
        self.late_activity_age = rr.threshold("late_activity_age")
        self.late_activity_zipf = rr.threshold("late_activity_zipf")
        self.late_plain_verbs = self._w("late_plain_verbs")

    def find(self, ctx: RareContext) -> list[Hit]:
        hits: list[Hit] = []
        taken = 0  # an event already flagged ends here: the next anchor looks for its own
        for start, end in self._anchors(ctx):
            if start < taken:
                continue
            hit = self._event_before(ctx.sdoc, start, end, ctx.bounds[start][0])
            if hit is not None:
                hits.append(hit)
                taken = end
        for i in ctx.words.where(self.learn_words):
            ss, se = ctx.bounds[i]
            if (hit := self._learnt_late(ctx.sdoc, i, ss, se)) is not None:
                hits.append(hit)
        for hit in self._kept_up_late(ctx):
            if not any(h.start < hit.end and hit.start < h.end for h in hits):
                hits.append(hit)
        return hits

    def _kept_up_late(self, ctx: RareContext) -> list[Hit]:
        """``still paddles with the canoe polo team at 83``, ``swam in the bay every winter until she was 86``: a
        person's activity told with an old age (``late_activity_age`` or more) after "at"/"aged" with "still" before its
        verb, or in "until/till <person> was"; a word of it (the verb as written, a noun or an adjective, names
        and people left out: "with his mates") rarer in English than ``late_activity_zipf``. "still lives alone at
        90" stays."""
        sdoc, lowers = ctx.sdoc, ctx.words.lowers
        out: list[Hit] = []
        for first, end, value, se in ctx.numbers:
            if first < 3 or not self.late_activity_age <= value <= _OLDEST:
                continue
            if end < se and lowers[end] in self.not_ages:
                continue
            link = lowers[first - 1]
            until = link in ("was", "were") and lowers[first - 3] in ("until", "till", "til")
            if until and self.frames._is_person(sdoc[first - 2]):
                anchor = first - 3
            elif link in ("at", "aged"):
                anchor = first - 1
            else:
                continue
            hit = self._activity_before(ctx, anchor, end, ctx.bounds[first][0], until)
            if hit is not None:
                out.append(hit)
        return out

    def _activity_before(self, ctx: RareContext, anchor: int, end: int, ss: int, until: bool) -> Hit | None:
        sdoc = ctx.sdoc
        words: list[Token] = []
        for v in range(anchor - 1, max(ss, anchor - self.reach) - 1, -1):
            t = sdoc[v]
            if t.lower_ in _CLAUSE_BREAKS:
                return None
            still = v > ss and sdoc[v - 1].lower_ == "still"
            if t.pos_ == "VERB" or (still and t.pos_ in ("NOUN", "AUX") and t.tag_ in ("NNS", "VBZ", "VBP", "VBD")):
                if verb_lemma(t) in self.late_plain_verbs or not (until or still):
                    return None
                frame = self.frames.frame_at_verb(sdoc, v, ss, shared_subject=True)
                if Kind.NONE in frame.kinds or not frame.person_subject:
                    return None
                content = [t, *words]
                if not any(
                    w.is_alpha
                    and not ctx.named[w.idx]
                    and w.lemma_.lower() not in self.rr.person_nouns
                    and zipf_any_spelling(w.lower_) < self.late_activity_zipf
                    for w in content
                ):
                    return None
                keys = tuple(dict.fromkeys(w.lemma_.lower() for w in content if w.is_alpha))
                return Hit(frame.start, end, "hobby", LATE_ACTIVITY, keys, Status.ACCEPTED, core_end=anchor)
            if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.ent_type_ not in ("DATE", "TIME"):
                words.append(t)
        return None

    def _learnt_late(self, sdoc: Doc, i: int, ss: int, se: int) -> Hit | None:
        """``only learned to drive at 68``, ``learnt to read in her old age``: a skill most learn young, learnt
        at ``late_learning_age`` or later, in a decade of `late_decades` or in old age."""
        k = i + 1
        if k + 1 >= se or sdoc[k].lower_ != "to" or sdoc[k + 1].pos_ not in ("VERB", "AUX"):
            return None
        stop = min(se, i + self.reach)
        end = None
        j = k + 2
        while j < stop and end is None:
            w = sdoc[j]
            if w.lower_ in _CLAUSE_BREAKS and not (w.lower_ == "and" and j + 1 < se and sdoc[j + 1].pos_ == "VERB"):
                break
            nxt = sdoc[j + 1].lower_ if j + 1 < se else ""
            if w.lower_ == "at" and (q := quantity_at(sdoc, j + 1, se)) is not None:
                after = sdoc[q[1]].lower_ if q[1] < se else ""
                if q[0] >= self.late_age and q[0] <= _OLDEST and after not in self.not_ages:
                    end = q[1]
            elif w.lower_ == "in" and j + 2 < se and sdoc[j + 1].tag_ == "PRP$":
                if sdoc[j + 2].lower_ in self.late_decades:
                    end = j + 3
                elif sdoc[j + 2].lower_ == "old" and j + 3 < se and sdoc[j + 3].lower_ == "age":
                    end = j + 4
            elif w.lower_ == "in" and nxt in ("retirement", "widowhood"):
                end = j + 2
            j += 1
        if end is None:
            return None
        frame = self.frames.frame_at_verb(sdoc, i, ss)
        if not frame.person_subject:
            return None
        return Hit(frame.start, end, "life_event", "a skill learnt late in life", (sdoc[k + 1].lemma_.lower(), "late"))

    # ---------------------------------------------------------------- the age or the year

    def _anchors(self, ctx: RareContext) -> list[tuple[int, int]]:
        """Token ranges of "at <age>", "when <person> was <age>", "in <year>" (link word included)."""
        sdoc, lowers = ctx.sdoc, ctx.words.lowers
        out: list[tuple[int, int]] = []
        for first, end, value, se in ctx.numbers:
            if first == 0:
                continue
            link = lowers[first - 1]
            after = lowers[end] if end < se else ""
            if _YEAR.match(sdoc[first].text):
                k = first - 1
                if k > 0 and sdoc[k].ent_type_ == "DATE" and sdoc[k].is_alpha and lowers[k - 1] in self.year_links:
                    k -= 1  # "in August 2019"
                if lowers[k] in self.year_links:
                    out.append((k, end))
                continue
            if not 0 < value <= _OLDEST or after in self.not_ages:
                continue
            if end < se and sdoc[end].pos_ in ("NOUN", "PROPN") and after not in self.age_units:
                continue  # "at one point", "at two sites"
            if after in self.age_units:
                end += 1  # "at twenty weeks"
            if link == "at" or link == "aged":
                out.append((first - 1, end))
            elif link in ("was", "were") and first >= 3 and self._age_clause(sdoc, first - 3):
                out.append((first - 3, end))
        return sorted(out)

    def _age_clause(self, sdoc: Doc, k: int) -> bool:
        """ "when I was", "since she was", "time he was": a clause of a person's age starts at ``k``."""
        link, subject = sdoc[k], sdoc[k + 1]
        return link.lower_ in self.age_clauses and self.frames._is_person(subject)

    # ---------------------------------------------------------------- the event

    def _event_before(self, sdoc: Doc, start: int, end: int, ss: int) -> Hit | None:
        """The event whose verb stands within ``milestone_reach`` words before the anchor, in its clause."""
        words: list[Token] = []  # the content words between the verb and the anchor
        for v in range(start - 1, max(ss, start - self.reach) - 1, -1):
            t = sdoc[v]
            if t.lower_ in _CLAUSE_BREAKS:
                return None
            if t.pos_ in ("VERB", "AUX"):
                verb = verb_lemma(t)
                if self._event(verb, words):
                    lemmas = [w.lemma_.lower() for w in words]
                    if any(w.lower_ in self.plain_objects or w.lemma_.lower() in self.plain_objects for w in words):
                        return None
                    return self._hit(sdoc, v, verb, start, end, ss, lemmas)
                if t.pos_ == "VERB":
                    return None  # the nearest verb is no event: the age or year belongs to it
            if t.pos_ in ("NOUN", "ADJ", "VERB", "PROPN"):
                words.append(t)
        return None

    def _event(self, verb: str, words: list[Token]) -> bool:
        """An event of a life: a verb that is one on its own, one told with what happened ("died by suicide",
        not "died"), or a light verb with an event's word ("had her son", "got sober"; after "get" only a
        state: "got sober", not "get my son")."""
        if verb in self.self_verbs:
            return True
        if verb in self.verbs:
            return bool(words)
        if verb not in self.light_verbs:
            return False
        return any(
            (w.lower_ in self.objects or w.lemma_.lower() in self.objects) and (verb != "get" or w.pos_ != "NOUN")
            for w in words
        )

    def _hit(self, sdoc: Doc, v: int, verb: str, start: int, end: int, ss: int, objects: list[str]) -> Hit | None:
        frame = self.frames.frame_at_verb(sdoc, v, ss, shared_subject=True)
        if not frame.person_subject and frame.start > ss and sdoc[frame.start - 1].lemma_ in ("get", "become"):
            frame = self.frames.frame_at_verb(sdoc, frame.start - 1, ss, shared_subject=True)  # "got married"
        if Kind.NONE in frame.kinds or not frame.person_subject:
            return None
        keys = tuple(dict.fromkeys([verb, *(o for o in objects if o.isalpha())]))
        # the detail ends before the age or year: detection marks it, and its link ("when she was") is no fact
        return Hit(
            frame.start,
            start,
            "life_event",
            MILESTONE,
            keys,
            Status.ACCEPTED,
            core_end=start,
        )
