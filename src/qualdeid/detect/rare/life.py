"""Life-history frames: where someone served, what hurt them, what they lost and to what, how someone
died, what they habitually do, the part they sing or play in a group. The frame says that a fact of someone's life
follows; no lexicon has to name the fact (where someone grew up: ``family.py``):

* service: "served in the merchant navy", "was in the coastguard", "served with a named unit",
* hurt by something: "got gored by a stag", "was trampled by a horse", "got struck by lightning",
* lost to something: "lost his licence after crashing a digger", "lost the farm to gambling debts"
  (judged by the rarity of what caused it),
* a death by an unusual cause: "her brother who died in an avalanche" (not "died of a stroke"),
* a part in a group: "sings bass in the male voice choir", "plays cornet in a brass band", "drums
  for a ceilidh band",
* a habit: "she knits chainmail", "he speedruns old console games": any present-tense activity of a
  person whose verb or object is rare in general language, kept if few documents of the corpus share it.

Word lists: ``rules/rare/life.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.nlp.tokens import token_table
from qualdeid.detect.rare.context import NAME_ENTITIES, RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import extend_np_left, is_np_token, run_patterns, verb_lemma
from qualdeid.detect.rare.lexicon import RareRules

_CONTENT_POS = frozenset({"NOUN", "ADJ", "PROPN", "VERB"})
#: the reason of a present habit ("she knits chainmail"), read from English grammar (see the processor's
#: ``_other_language``)
HABIT = "an unusual habit or pastime"
_PERSON_AGENTS = frozenset({"PRP", "NNP"})


class LifeFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.life_zipf = rr.threshold("life_zipf")
        self.self_taught_zipf = rr.threshold("self_taught_zipf")
        self.self_taught_detail = int(rr.threshold("self_taught_detail"))
        self.service_verbs = self._w("service_verbs")
        self.service_branches = self._w("service_branches")
        self.tour_nouns = self._w("tour_nouns")
        self.tour_verbs = self._w("tour_verbs")
        self.hurt_verbs = self._w("hurt_verbs")
        self.weapon_verbs = self._w("weapon_verbs")
        self.weapon_not_after = self._w("weapon_not_after")
        self.weapon_take_verbs = self._w("weapon_take_verbs")
        self.weapon_objects = self._w("weapon_objects")
        self.threat_points = self._w("threat_points")
        self.lost_verbs = self._w("lost_verbs")
        self.loss_objects = self._w("lost_objects")
        self.passive_auxiliaries = self._w("passive_auxiliaries")
        self.loss_links = self._w("loss_links")
        self.vices = self._w("loss_vices")
        self.vice_links = self._w("vice_links")
        self.vice_objects = self._w("vice_objects")
        self.vice_verbs = self._w("vice_verbs")
        self.group_verbs = self._w("group_verbs")
        self.group_heads = self._w("performing_groups")
        self.group_parts = self._w("group_parts")
        self.plain_groups = self._w("plain_groups")
        self.plain_group_zipf = rr.threshold("plain_group_zipf")
        self.habit_zipf = rr.threshold("habit_zipf")
        self.on_media = self._w("on_media")
        self.on_bodies = self._w("on_bodies")
        self.in_media = self._w("in_media")
        self.taught_verbs = self._w("self_taught_verbs")
        self.reflexives = self._w("reflexive_pronouns")
        self.habit_plain = self._w("habit_plain_verbs") | self._w("bio_plain_verbs") | self._w("reporting_verbs")
        self.clinical = rr.clinical
        self.death_zipf = rr.threshold("death_zipf")
        self.death_verbs = self._w("death_verbs")
        self.death_links = self._w("death_links")
        self.death_events = self._w("death_event_links")
        self.plain_deaths = self._w("death_plain_causes")
        self.telling_deaths = self._w("death_telling_verbs")
        self.figurative_links = self._w("death_figurative_links")
        self.triggers = frozenset(
            self.service_verbs
            | self.hurt_verbs
            | self.weapon_verbs
            | self.weapon_objects
            | self.threat_points
            | self.group_verbs
            | self.lost_verbs
            | self.vice_verbs
            | self.taught_verbs
            | self.death_verbs
            | self.tour_nouns
            | {"on", "in"}
        )

    def find(self, ctx: RareContext) -> list[Hit]:
        patterns = (
            self._service,
            self._tour,
            self._hurt_by,
            self._armed_attack,
            self._lost_to,
            self._group_part,
            self._on_something,
            self._in_media_piece,
            self._self_taught,
            self._death,
        )
        hits = run_patterns(patterns, ctx.sdoc, ctx.words, self.triggers, ctx.bounds, ctx.named)
        tags = token_table(ctx.sdoc).tags
        for i in token_table(ctx.sdoc).where_pos("VERB"):
            t = ctx.sdoc[i]
            if tags[i] in ("VBZ", "VBP") and (hit := self._habit(ctx, t)) is not None:
                hits.append(hit)
        return hits

    # ---------------------------------------------------------------- helpers

    def _np_end(self, sdoc: Doc, k: int, se: int) -> int:
        while k < se and is_np_token(sdoc[k]):
            k += 1
        return k

    def _uncommon(self, t: Token, named: bytearray, limit: float) -> bool:
        """A content word rarer than ``limit`` in general language, not a name nor a common word."""
        if t.pos_ not in _CONTENT_POS or not t.is_alpha or len(t) < 4 or t.is_stop:
            return False
        if named[t.idx] or t.ent_type_ in NAME_ENTITIES:
            return False
        lemma = t.lemma_.lower()
        if lemma in self.rr.common_words or t.lower_ in self.rr.common_words:
            return False
        if lemma in self.rr.community_words or t.lower_ in self.rr.community_words:
            return False  # a relative or a prayer: "sits quietly before maghrib"
        return 1.0 <= max(zipf_any_spelling(t.lower_), zipf_any_spelling(lemma)) < limit

    def _person_frame(self, sdoc: Doc, verb: int, ss: int) -> int | None:
        """Start of the phrase when the verb at ``verb`` is said of a person, else ``None``."""
        frame = self.frames.frame_at_verb(sdoc, verb, ss, shared_subject=True)
        return frame.start if frame.person_subject else None

    # ---------------------------------------------------------------- frames

    def _on_something(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``was on the telly``, ``played on a quiz show``, ``was swimming on a state scholarship``, ``sat on
        the parish council``: someone on a programme or a body that others would know them by."""
        if t.lower_ != "on" or t.i - 1 < ss or t.i + 2 >= se:
            return None
        verb = t.i - 1
        while verb > ss and sdoc[verb].pos_ == "ADV" and t.i - verb < 3:
            verb -= 1
        if sdoc[verb].pos_ not in ("VERB", "AUX"):
            return None
        end = self._np_end(sdoc, t.i + 1, se)
        if end == t.i + 1:
            return None
        head = sdoc[end - 1]
        lemma = head.lemma_.lower()
        if lemma in self.on_media or head.lower_ in self.on_media:
            status = Status.ACCEPTED
        elif lemma in self.on_bodies or head.lower_ in self.on_bodies:
            modified = any(sdoc[m].pos_ in ("ADJ", "NOUN", "PROPN") for m in range(t.i + 1, end - 1))
            status = Status.ACCEPTED if modified else Status.CORPUS_CHECK
        else:
            return None
        start = self._person_frame(sdoc, verb, ss)
        if start is None:
            return None
        keys = tuple(sdoc[m].lemma_.lower() for m in range(t.i + 1, end) if sdoc[m].pos_ in ("ADJ", "NOUN", "PROPN"))
        return Hit(start, end, "life_event", "on a programme or a body others know them by", keys, status)

    def _in_media_piece(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``was in an advert``, ``was the toddler in a nappy commercial``: someone seen in a
        piece of media that others would know them by."""
        if t.lower_ != "in" or t.i - 1 < ss or t.i + 1 >= se:
            return None
        end = self._np_end(sdoc, t.i + 1, se)
        if end == t.i + 1:
            return None
        head = sdoc[end - 1]
        if head.lemma_.lower() not in self.in_media and head.lower_ not in self.in_media:
            return None
        verb = t.i - 1
        if sdoc[verb].pos_ not in ("VERB", "AUX"):  # "was the baby in ...": the copula before its complement
            k = verb
            while k > ss and is_np_token(sdoc[k]) and t.i - k <= 4:
                k -= 1
            if k == verb or sdoc[k].lemma_ != "be":
                return None
            verb = k
        start = self._person_frame(sdoc, verb, ss)
        if start is None:
            return None
        if end + 1 < se and sdoc[end].lower_ == "on" and sdoc[end + 1].lemma_.lower() in self.on_media:
            end += 2  # "... on telly"
        keys = tuple(sdoc[m].lemma_.lower() for m in range(t.i + 1, end) if sdoc[m].pos_ in ("ADJ", "NOUN", "PROPN"))
        return Hit(start, end, "life_event", "on a programme or a body others know them by", keys)

    def _self_taught(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``taught herself to restore pinball machines``: a self-taught skill, when a word of it is
        uncommon in general language (``self_taught_zipf``) or the skill is told in detail (a verb, its
        object and where or for whom: "taught himself to mend old tower clocks for chapels",
        ``self_taught_detail`` content words), and few documents of the corpus share it."""
        if t.pos_ != "VERB" or verb_lemma(t) not in self.taught_verbs or t.i + 2 >= se:
            return None
        if sdoc[t.i + 1].lower_ not in self.reflexives:
            return None
        k = t.i + 2
        if sdoc[k].lower_ == "to" and k + 1 < se:
            k += 1
        start = self._person_frame(sdoc, t.i, ss)
        if start is None:
            return None
        end = self.frames.extend_right(sdoc, k + 1 if sdoc[k].pos_ == "VERB" else k, se, start + self.max_tokens, 0)
        rare = [sdoc[m] for m in range(k, end) if self._uncommon(sdoc[m], named, self.self_taught_zipf)]
        if not rare:
            # told in detail: the object and a prepositional phrase after it ("... for chapels")
            end = self.frames.extend_right(sdoc, k + 1 if sdoc[k].pos_ == "VERB" else k, se, start + self.max_tokens)
            rare = [sdoc[m] for m in range(k, end) if sdoc[m].pos_ in ("NOUN", "PROPN", "ADJ") and sdoc[m].is_alpha]
            if len(rare) < self.self_taught_detail or not any(w.pos_ == "ADP" for w in sdoc[k:end]):
                return None
        keys = tuple(w.lemma_.lower() for w in rare)
        return Hit(start, end, "hobby", "a self-taught skill", keys, Status.CORPUS_CHECK)

    def _habit(self, ctx: RareContext, t: Token) -> Hit | None:
        """``she knits chainmail``, ``he speedruns old console games``: what someone habitually does,
        when the verb or a word of its object is rare in general language (``habit_zipf``) and few
        documents of the corpus share it."""
        sdoc, named = ctx.sdoc, ctx.named
        lemma = verb_lemma(t)
        if lemma in self.habit_plain or not t.is_alpha or len(t) < 3 or t.i + 1 >= len(sdoc):
            return None
        ss, se = ctx.bounds[t.i]
        start = self._person_frame(sdoc, t.i, ss)
        if start is None or start < t.i - 2:
            return None  # "he doesn't know ...": an auxiliary says it is no habit
        k = t.i + 1
        while k + 1 < se and (sdoc[k].tag_ in ("VBN", "VBG") or sdoc[k + 1].tag_ == "HYPH") and k - t.i < 4:
            k += 1  # participles and hyphenated words the tagger reads as verbs: "retired racing", "stop-motion"
        end = self.frames.extend_right(sdoc, k, se, t.i + self.max_tokens, max_pps=1)
        if end == k:
            return None
        words = [sdoc[m] for m in range(t.i, end)]
        rare = [w for w in words if self._uncommon(w, named, self.habit_zipf) and w.lemma_.lower() not in self.clinical]
        if not rare:
            return None
        keys = tuple(w.lemma_.lower() for w in rare)
        return Hit(start, end, "hobby", HABIT, keys, Status.CORPUS_CHECK)

    def _service(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``served in the merchant navy``, ``was in the coastguard``, ``served with <a named unit>``."""
        lemma = verb_lemma(t) if t.pos_ == "VERB" else t.lemma_.lower()
        if t.pos_ not in ("VERB", "AUX") or lemma not in self.service_verbs:
            return None
        k = t.i + 1
        if k + 1 >= se or sdoc[k].lower_ not in ("in", "with"):
            return None
        end = self._np_end(sdoc, k + 1, se)
        words = [sdoc[m] for m in range(k + 1, end)]
        branch = any(w.lemma_.lower() in self.service_branches or w.lower_ in self.service_branches for w in words)
        named_unit = lemma != "be" and any(named[w.idx] and w.pos_ == "PROPN" for w in words)
        if not branch and any(named[w.idx] for w in words) and end + 1 < se and sdoc[end].lower_ == "with":
            # "was in <a place> with the army": where someone served
            more = self._np_end(sdoc, end + 1, se)
            if any(
                w.lemma_.lower() in self.service_branches or w.lower_ in self.service_branches
                for w in sdoc[end + 1 : more]
            ):
                branch, end = True, more
        if not (branch or named_unit) or (end < se and sdoc[end].lower_ == "of"):
            return None  # "in the army of volunteers"
        start = self._person_frame(sdoc, t.i, ss)
        if start is None:
            return None
        return Hit(start, end, "occupation", "served in the forces or a named service", ("service",))

    def _tour(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``did two tours in <a place>``, ``came home from a tour in <a place>``, ``a tour of duty``: a
        deployment, told by "of duty" or by a named place after it."""
        if t.lemma_.lower() not in self.tour_nouns or t.pos_ != "NOUN":
            return None
        k = t.i + 1
        duty = k + 1 < se and sdoc[k].lower_ == "of" and sdoc[k + 1].lower_ == "duty"
        end = k + 2 if duty else k
        if end + 1 < se and sdoc[end].lower_ in ("in", "of", "on"):
            place_end = self._np_end(sdoc, end + 1, se)
            if any(named[w.idx] for w in sdoc[end + 1 : place_end]):
                end = place_end
            elif not duty:
                return None
        elif not duty:
            return None
        np_start = t.i
        while np_start - 1 >= ss and sdoc[np_start - 1].pos_ in ("DET", "NUM", "ADJ") and t.i - np_start < 3:
            np_start -= 1
        before = sdoc[np_start - 1] if np_start - 1 >= ss else None
        if before is None:
            return None
        if before.pos_ in ("VERB", "AUX") and before.lemma_.lower() in self.tour_verbs:
            start = self._person_frame(sdoc, before.i, ss)
            if start is None:
                return None
        elif before.lower_ in ("from", "after", "during", "on"):
            start = np_start  # "came home from a tour in ..."
        else:
            return None
        return Hit(start, end, "occupation", "served a tour of duty", ("tour",))

    def _hurt_by(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``got gored by a stag``, ``was kicked in the head by a horse``, ``got struck by lightning``."""
        if t.tag_ != "VBN" or verb_lemma(t) not in self.hurt_verbs:
            return None
        aux = t.i - 1
        if aux < ss or sdoc[aux].lemma_.lower() not in self.passive_auxiliaries:
            return None
        by = next((m for m in range(t.i + 1, min(se, t.i + 6)) if sdoc[m].lower_ == "by"), None)
        if by is None or by + 1 >= se:
            return None
        agent_end = by + 1
        while agent_end < se and is_np_token(sdoc[agent_end]):
            agent_end += 1
            if sdoc[agent_end - 1].pos_ == "NOUN" and (agent_end == se or sdoc[agent_end].pos_ != "NOUN"):
                break  # "by a bull (a few years back)": the agent ends with its first noun run
        agent = sdoc[by + 1 : agent_end]
        if not len(agent) or any(w.tag_ in _PERSON_AGENTS or w.ent_type_ == "PERSON" for w in agent):
            return None  # "was hit by him", "got bitten by <name>": not a rare event
        if any(w.lemma_.lower() in self.rr.person_nouns for w in agent):
            return None
        start = self._person_frame(sdoc, aux, ss)  # "she got kicked": the subject is before the auxiliary
        if start is None:
            return None
        return Hit(start, agent.end, "life_event", "hurt by an animal, a machine or nature", (verb_lemma(t),))

    def _armed_attack(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``was stabbed through the arm``, ``got shot once in the calf``, ``took a bullet in the shoulder``,
        ``was robbed at gunpoint``: someone hurt or threatened with a weapon."""
        low = t.lower_
        if low in self.threat_points:
            if t.i - 2 < ss or sdoc[t.i - 1].lower_ != "at":
                return None
            verb = next((m for m in range(t.i - 2, max(ss, t.i - 5) - 1, -1) if sdoc[m].pos_ == "VERB"), None)
            core_end, key = t.i + 1, low
        elif low in self.weapon_objects:
            verb = t.i - 2 if t.i - 2 >= ss and sdoc[t.i - 1].tag_ == "DT" else t.i - 1
            if verb < ss or verb_lemma(sdoc[verb]) not in self.weapon_take_verbs:
                return None
            if t.i + 1 < se and sdoc[t.i + 1].pos_ in ("NOUN", "PROPN"):
                return None  # "a bullet point"
            core_end, key = t.i + 1, low
        elif t.tag_ == "VBN" and verb_lemma(t) in self.weapon_verbs:
            aux = sdoc[t.i - 1] if t.i - 1 >= ss else None
            if aux is None or aux.lemma_.lower() not in self.passive_auxiliaries or aux.tag_ not in ("VBD", "VBN"):
                return None  # "a man gets stabbed" in a film's plot: no one's past
            if t.i + 1 < se and sdoc[t.i + 1].lower_ in self.weapon_not_after:
                return None  # "got shot of the car", "was shot down"
            verb, core_end, key = t.i - 1, t.i + 1, verb_lemma(t)
        else:
            return None
        if verb is None:
            return None
        start = self._person_frame(sdoc, verb, ss)
        if start is None:
            return None
        if core_end < se and sdoc[core_end].pos_ == "ADV" and sdoc[core_end].lower_ not in self.weapon_not_after:
            core_end += 1  # "got shot once in the calf"
        end = self.frames.extend_right(sdoc, core_end, se, start + self.max_tokens, max_pps=2)
        return Hit(start, end, "life_event", "hurt or threatened with a weapon", (key,), Status.CORPUS_CHECK)

    def _lost_to(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``lost his licence after crashing a digger``, ``lost the farm to gambling debts``."""
        if t.pos_ != "VERB":
            return None
        if verb_lemma(t) in self.vice_verbs and t.i + 2 < se and sdoc[t.i + 1].lower_ == "away":
            # "gambled away the caravan", "drank away his pension"
            end = self.frames.extend_right(sdoc, t.i + 2, se, t.i + self.max_tokens, max_pps=1)
            start = self._person_frame(sdoc, t.i, ss)
            if start is None or end <= t.i + 2:
                return None
            return Hit(start, end, "life_event", "lost something to a vice", ("lost to a vice",), Status.ACCEPTED)
        if verb_lemma(t) not in self.lost_verbs:
            return None
        k = t.i + 1
        obj_end = self._np_end(sdoc, k, se)
        lost = sdoc[k:obj_end]
        if (vice := self._lost_to_vice(sdoc, t, obj_end, ss, se)) is not None:
            return vice
        if not any(w.lemma_.lower() in self.loss_objects or w.lower_ in self.loss_objects for w in lost):
            return None
        if obj_end + 1 >= se or sdoc[obj_end].lower_ not in self.loss_links:
            return None
        start = self._person_frame(sdoc, t.i, ss)
        if start is None:
            return None
        if sdoc[obj_end + 1].tag_ == "VBG":  # "after crashing a digger"
            end = self.frames.extend_right(sdoc, obj_end + 2, se, start + self.max_tokens, max_pps=0)
        else:  # "in a sawmill accident", "to gambling debts"
            end = self.frames.extend_right(sdoc, obj_end, se, start + self.max_tokens, max_pps=1)
        rare = [sdoc[m] for m in range(obj_end + 1, end) if self._uncommon(sdoc[m], named, self.life_zipf)]
        if not rare:
            return None
        keys = tuple(w.lemma_.lower() for w in rare)
        return Hit(start, end, "life_event", "lost something to an unusual cause", keys, Status.CORPUS_CHECK)

    def _lost_to_vice(self, sdoc: Doc, t: Token, obj_end: int, ss: int, se: int) -> Hit | None:
        """``lost his pension in one winter on the poker tables``, ``lost the van to the scratchcards``:
        what someone owned lost to a vice of `loss_vices` (no rare word needed), the cause within two phrases
        of what was lost (`vice_objects`, a word of `lost_objects` or a sum of money)."""
        lost = sdoc[t.i + 1 : obj_end]
        owned = self.loss_objects | self.vice_objects
        if not any(w.lemma_.lower() in owned or w.lower_ in owned or w.like_num for w in lost):
            return None
        k, phrases = obj_end, 0
        while k + 1 < se and sdoc[k].lower_ in self.vice_links | {"in", "at", "of", "over"} and phrases < 3:
            end = self._np_end(sdoc, k + 1, se)
            if end == k + 1:
                return None
            if sdoc[k].lower_ in self.vice_links and any(
                sdoc[m].lemma_.lower() in self.vices or sdoc[m].lower_ in self.vices for m in range(k + 1, end)
            ):
                start = self._person_frame(sdoc, t.i, ss)
                if start is None:
                    return None
                return Hit(start, end, "life_event", "lost something to a vice", ("lost to a vice",), Status.ACCEPTED)
            k, phrases = end, phrases + 1
        return None

    def _death(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``her brother who died in an avalanche``, ``was killed by a falling tree``: a death and a cause
        rare in general language (``death_zipf``; not one of ``death_plain_causes``)."""
        if t.pos_ != "VERB" or verb_lemma(t) not in self.death_verbs:
            return None
        if verb_lemma(t) in self.telling_deaths and t.tag_ == "VBG":
            return None  # "drowning in paperwork": a figure of speech
        hit = self._death_by_cause(sdoc, t, ss, se, named)
        if hit is None and verb_lemma(t) in self.telling_deaths:
            return self._telling_death(sdoc, t, ss, se)
        return hit

    def _death_by_cause(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """The death of :meth:`_death` with its cause after a link ("in", "when" ...)."""
        if t.i + 2 >= se:
            return None
        link = sdoc[t.i + 1].lower_
        if link not in self.death_links and link not in self.death_events:
            return None
        start = self._person_frame(sdoc, t.i, ss)
        if start is None:
            return None
        if link in self.death_events:
            end = self._event_end(sdoc, t.i + 2, se)
            if end is None:
                return None
        else:
            end = self._np_end(sdoc, t.i + 2, se)
        cause = [sdoc[m] for m in range(t.i + 2, end)]
        if any(w.lemma_.lower() in self.plain_deaths or w.lower_ in self.plain_deaths for w in cause):
            return None
        rare = [w for w in cause if self._uncommon(w, named, self.death_zipf) and w.lemma_.lower() not in self.clinical]
        if not rare:
            return None
        if start >= ss + 2 and sdoc[start - 1].lower_ == "who" and sdoc[start - 2].lemma_.lower() in self.rr.relatives:
            start = extend_np_left(sdoc, start - 2, ss)  # "her older brother who died ...": whose death it was
        keys = tuple(w.lemma_.lower() for w in rare)
        return Hit(start, end, "life_event", "a death by an unusual cause", keys, Status.CORPUS_CHECK)

    def _telling_death(self, sdoc: Doc, t: Token, ss: int, se: int) -> Hit | None:
        """``her uncle drowned fording the river``, ``drowned off the point``: a death whose verb tells the
        unusual cause itself (``death_telling_verbs``), said of a person in the past, with what follows it
        up to a clause's end; never a figure of speech ("drowning in paperwork", "drowned out the band")."""
        if t.tag_ not in ("VBD", "VBN"):
            return None
        nxt = sdoc[t.i + 1] if t.i + 1 < se else None
        if nxt is not None and (
            nxt.lower_ in self.figurative_links or nxt.pos_ in ("DET", "PRON", "NOUN", "PROPN") or nxt.tag_ == "PRP$"
        ):
            return None  # a figure of speech, or something drowned ("drowned her sorrows", "drowned the chips")
        start = self._person_frame(sdoc, t.i, ss)
        if start is None:
            return None
        end = t.i + 1
        if nxt is not None and nxt.pos_ == "ADP":  # "drowned on the crossing"
            end = self.frames.extend_right(sdoc, t.i + 1, se, t.i + 12, max_pps=2)
        elif nxt is not None and nxt.tag_ == "RP":  # "drowned off the point" (read as a particle)
            end = self.frames.extend_right(sdoc, t.i + 2, se, t.i + 12, max_pps=2)
        elif nxt is not None and nxt.tag_ == "VBG":  # "drowned fording the river": the participle's object
            end = self.frames.extend_right(sdoc, self._np_end(sdoc, t.i + 2, se), se, t.i + 12, max_pps=2)
        if start >= ss + 2 and sdoc[start - 1].lower_ == "who" and sdoc[start - 2].lemma_.lower() in self.rr.relatives:
            start = extend_np_left(sdoc, start - 2, ss)
        return Hit(start, end, "life_event", "a death by an unusual cause", (verb_lemma(t),), Status.CORPUS_CHECK)

    def _event_end(self, sdoc: Doc, k: int, se: int) -> int | None:
        """End of the event after "when" that caused a death ("when the tractor rolled on the hill"): a
        thing as its subject and a verb; ``None`` for a time of life ("when she was ten", "when I was away")."""
        first = sdoc[k]
        if first.lower_ in self.frames.person_pronouns or first.pos_ in ("NUM", "PROPN") or first.ent_type_:
            return None
        end, verb = k, False
        stops = ("and", "but", "so", "when", "while", "after", "before", "because", "until", "till", "as")
        while end < se and end - k < 10 and not sdoc[end].is_punct and sdoc[end].lower_ not in stops:
            if sdoc[end].pos_ == "VERB":
                verb = True
            if verb is False and sdoc[end].lower_ in self.frames.person_pronouns:
                return None  # "when her son was born"
            end += 1
        return end if verb else None

    def _plain_group(self, group: list[Token], named: bytearray) -> bool:
        """ "the church choir", "the women's chorus": a group of ``plain_groups`` named only by common words."""
        heads = [
            k for k, w in enumerate(group) if w.lemma_.lower() in self.plain_groups or w.lower_ in self.plain_groups
        ]
        if not heads:
            return False
        # the name ends at its head ("the church choir" of "the church choir most Sundays"); the tagger's
        # PROPN on a lower-case word ("parish") is no name
        return all(
            k in heads
            or not w.is_alpha
            or w.is_stop
            or (w.is_lower and not named[w.idx] and zipf_any_spelling(w.lower_) >= self.plain_group_zipf)
            for k, w in enumerate(group[: heads[-1] + 1])
        )

    def _group_part(self, sdoc: Doc, t: Token, ss: int, se: int, named: bytearray) -> Hit | None:
        """``sings bass in the male voice choir``, ``plays cornet in a brass band``."""
        if not self.frames.acts_as_verb(sdoc, t.i) or verb_lemma(t) not in self.group_verbs:
            return None
        k = t.i + 1
        obj_end = self._np_end(sdoc, k, se)
        if obj_end - k > 3:
            return None
        part = any(sdoc[m].lower_ in self.group_parts for m in range(k, obj_end))
        if obj_end >= se or sdoc[obj_end].lower_ not in ("in", "for", "with"):
            return None
        end = self._np_end(sdoc, obj_end + 1, se)
        group = [sdoc[m] for m in range(obj_end + 1, end)]
        if not any(w.lemma_.lower() in self.group_heads or w.lower_ in self.group_heads for w in group):
            return None
        if not part and self._plain_group(group, named):
            return None
        start = self._person_frame(sdoc, t.i, ss)
        if start is None:
            return None
        status = Status.ACCEPTED if part or len(group) > 2 else Status.CORPUS_CHECK
        keys = tuple(w.lemma_.lower() for w in group if w.pos_ in ("NOUN", "ADJ"))
        return Hit(start, end, "hobby", "a part in a performing group", keys, status)
