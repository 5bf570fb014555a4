"""Details told by a verb and its object rather than by one rare word:

* a placing in a competition: "came second in the national championships",
* representing a country or a national team: "played hockey for Scotland", "boxed semi-pro", or told by
  the player alone: "goalkeeper for Portugal at the European championships" (``representing_nouns``),
* losing a body part: "lost two fingers in a sawmill", "had his leg amputated",
* losing something in a distinctive accident: "lost it in a county final", "lost them to frostbite".

Word lists: ``rules/rare/verbs.yaml`` (placings, team words, ...) and the frame words of ``frames.yaml``.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span

from qualdeid.detect.nlp.tokens import token_table
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder
from qualdeid.detect.rare.frames import is_np_token


class VerbFinder(RuleFinder):
    """Placings, representing a country, losing a body part (see the module docstring)."""

    def find(self, ctx: RareContext) -> list[Hit]:
        sdoc, bounds = ctx.sdoc, ctx.bounds
        words = self.rr.words
        out: list[Hit] = []
        represent = words("represent_verbs")
        telling = words("achievement_verbs") | words("loss_verbs") | represent | words("taking_verbs")
        telling |= words("side_place_verbs")
        for i in token_table(sdoc).where_pos("VERB", "AUX"):
            t = sdoc[i]
            lemma = t.lemma_.lower()
            if lemma not in telling:
                continue  # no other verb makes a hit here: its frame need not be read
            sent_start, sent_end = bounds[t.i]
            limit = t.i + self.max_tokens
            np_end = t.i + 1
            if np_end < sent_end and sdoc[np_end].lower_ in ("both", "all"):
                np_end += 1  # "lost both his big toes"
            while np_end < sent_end and (is_np_token(sdoc[np_end]) or sdoc[np_end].pos_ == "ADV"):
                np_end += 1
            after = sdoc[np_end].lower_ if np_end + 1 < sent_end else ""
            partitive = after == "of" and (
                sdoc[np_end - 1].lower_ in words("part_partitives") or sdoc[np_end - 1].like_num
            )  # "lost the tip of a finger"
            # "lost feeling in two fingers", "lost all movement in her left arm"
            sense = after == "in" and sdoc[np_end - 1].lower_ in words("part_senses")
            if partitive or sense:
                np_end += 1
                while np_end < sent_end and is_np_token(sdoc[np_end]):
                    np_end += 1
            obj = sdoc[t.i + 1 : np_end]
            obj_lemmas = {w.lemma_.lower() for w in obj} | {w.lower_ for w in obj}
            frame = self.frames.frame_at_verb(sdoc, t.i, sent_start)
            # "got silver in the relay": a medal alone ("gold", "a silver medal"), never "gold stars", "the silver"
            medal = bool(obj_lemmas & words("medal_placings")) and obj_lemmas <= words("medal_placings") | {
                "a",
                "medal",
            }
            # a stretch of time or a stage of schooling is no placing: "finished her third semester", "came top set"
            placed = (
                obj_lemmas & words("placings")
                and not obj_lemmas & words("medal_placings")
                and not obj_lemmas & words("not_placing_nouns")
            )
            if lemma in words("achievement_verbs") and ((placed and lemma != "get") or medal):
                end = self.frames.extend_right(sdoc, np_end, sent_end, limit, max_pps=2 if medal else 1)
                if end > np_end:
                    out.append(Hit(frame.start, end, "life_event", "placed in a competition", ("placing",)))
                    continue
            if lemma in words("loss_verbs") and obj_lemmas & words("body_parts"):
                end = self.frames.extend_right(sdoc, np_end, sent_end, limit, max_pps=1)
                cause = sdoc[end + 1] if end + 1 < sent_end and sdoc[end].lower_ == "to" else None
                if cause is not None and {cause.lower_, cause.lemma_.lower()} & words("loss_causes"):
                    end += 2  # "to frostbite" (the small tagger reads "to" as a particle)
                end = self._lost_in_cause(sdoc, end, sent_end, limit)
                end = self._how_lost(sdoc, end, sent_end, limit)
                keys = tuple(sorted(obj_lemmas & words("body_parts")))
                out.append(Hit(frame.start, end, "physical_trait", "lost a body part", keys))
                continue
            if lemma in words("taking_verbs") and not frame.person_subject:
                taken = self._taken_part(sdoc, t.i, np_end, sent_start, sent_end)
                if taken is not None:
                    out.append(Hit(taken, np_end, "physical_trait", "lost a body part", (lemma,)))
                    continue
            cause_end = (
                self._lost_to_distinctive_cause(sdoc, t.i, np_end, sent_end) if lemma in words("loss_verbs") else None
            )
            if cause_end is not None:
                end = self.frames.extend_right(sdoc, cause_end, sent_end, limit, max_pps=0)
                out.append(
                    Hit(
                        frame.start,
                        end,
                        "physical_trait",
                        "lost something in a distinctive accident or event",
                        (lemma,),
                    )
                )
                continue
            if lemma in represent or (lemma in words("side_place_verbs") and obj_lemmas & words("side_places")):
                end = self._represented(sdoc, t.i, np_end, sent_end)
                if end:
                    end = self.frames.extend_right(sdoc, end, sent_end, limit, max_pps=1)
                    out.append(
                        Hit(
                            frame.start,
                            end,
                            "life_event",
                            "represented a country, state or national team",
                            ("represent",),
                        )
                    )
        out.extend(self._players(sdoc, bounds))
        return out

    def _players(self, sdoc: Doc, bounds: list[tuple[int, int]]) -> list[Hit]:
        """ "goalkeeper for Portugal", "a sprinter for the national team": a player named by a noun of
        ``representing_nouns`` with the country or national side after "for"."""
        players = self.rr.words("representing_nouns")
        out: list[Hit] = []
        table = token_table(sdoc)  # the tokens as plain lists: a spaCy Token only for the few nouns that fit
        for i in table.where_pos("NOUN"):
            if table.lowers[i] not in players and table.lemmas[i].lower() not in players:
                continue
            t = sdoc[i]
            sent_start, sent_end = bounds[t.i]
            if t.i + 2 >= sent_end or sdoc[t.i + 1].lower_ != "for":
                continue
            end = self._represented(sdoc, t.i, t.i + 1, sent_end)
            if end is None:
                continue
            start = t.i
            while start - 1 >= sent_start and is_np_token(sdoc[start - 1]) and sdoc[start - 1].pos_ != "DET":
                start -= 1  # "national team goalkeeper for ..."
            end = self.frames.extend_right(sdoc, end, sent_end, start + self.max_tokens, max_pps=1)
            out.append(Hit(start, end, "life_event", "represented a country, state or national team", ("represent",)))
        return out

    def _taken_part(self, sdoc: Doc, verb: int, np_end: int, sent_start: int, sent_end: int) -> int | None:
        """Start of "the saw took two of his fingers", "the blast took my eye": a thing (not a person) that
        took someone's body part (a possessive before the part; never "took my eye off ...")."""
        obj = range(verb + 1, np_end)
        parts = [m for m in obj if sdoc[m].lemma_.lower() in self.rr.words("body_parts")]
        if not parts or not any(sdoc[m].tag_ == "PRP$" for m in range(verb + 1, parts[-1])):
            return None
        if np_end < sent_end and sdoc[np_end].lower_ in ("off", "for", "to", "into", "in"):
            return None  # "took my eye off the road", "took his hand in hers"
        subject = verb - 1
        while subject >= sent_start and sdoc[subject].pos_ in ("AUX", "ADV", "PART"):
            subject -= 1
        if subject < sent_start or sdoc[subject].pos_ != "NOUN" or sdoc[subject].ent_type_:
            return None
        if sdoc[subject].lemma_.lower() not in self.rr.words("loss_causes") | self.rr.words("taking_things"):
            return None  # "the nurse took my arm": a person's hand, no loss
        start = subject
        while start - 1 >= sent_start and sdoc[start - 1].pos_ in ("NOUN", "ADJ", "VERB") and subject - start < 3:
            start -= 1  # "the falling roof beam"
        if start - 1 >= sent_start and sdoc[start - 1].pos_ == "DET":
            start -= 1
        return start

    def _lost_in_cause(self, sdoc: Doc, end: int, sent_end: int, limit: int) -> int:
        """``end`` run on over what took a part when a place or side came first: "lost his arm below the
        elbow | in a sawmill accident at the mill" (a phrase of ``loss_causes``, and one place after it)."""
        words = self.rr.words
        stop = min(sent_end, limit)
        if end + 1 >= stop or sdoc[end].lower_ not in ("in", "during", "from", "at"):
            return end
        k = end + 1
        while k < stop and is_np_token(sdoc[k]):
            k += 1
        lemmas = {w.lemma_.lower() for w in sdoc[end + 1 : k]} | {w.lower_ for w in sdoc[end + 1 : k]}
        if k == end + 1 or not lemmas & words("loss_causes"):
            return end
        return self.frames.extend_right(sdoc, k, sent_end, limit, max_pps=1)

    def _how_lost(self, sdoc: Doc, end: int, sent_end: int, limit: int) -> int:
        """``end`` run on over how a part was lost: "when the tractor rolled on the hill", "after a boat
        propeller caught it" (a clause with a subject of its own, not "when I was twelve")."""
        stop = min(sent_end, limit)
        if end + 2 >= stop or sdoc[end].lower_ not in ("when", "after"):
            return end
        k = end + 1
        while k < stop and is_np_token(sdoc[k]) and sdoc[k].tag_ != "PRP$" and k - end <= 4:
            k += 1
        if k == end + 1 or k >= stop or sdoc[k].pos_ != "VERB" or sdoc[k - 1].pos_ not in ("NOUN", "PROPN"):
            return end
        return self.frames.extend_right(sdoc, k + 1, sent_end, limit, max_pps=1)

    def _lost_to_distinctive_cause(self, sdoc: Doc, verb: int, np_end: int, sent_end: int) -> int | None:
        """End token of ``lost it in a county final``, ``lost them to frostbite``: a pronoun for
        something lost, and what took it is distinctive."""
        words = self.rr.words
        k = verb + 1
        if np_end != k or k >= sent_end or sdoc[k].lower_ not in ("it", "them"):
            return None
        k += 1
        if k >= sent_end or sdoc[k].lower_ not in ("in", "to", "at", "during", "from"):
            return None
        end = k + 1
        while end < sent_end and is_np_token(sdoc[end]):
            end += 1
        lemmas = {w.lemma_.lower() for w in sdoc[k + 1 : end]} | {w.lower_ for w in sdoc[k + 1 : end]}
        scaled = lemmas & words("achievement_nouns_scaled") and lemmas & words("achievement_scale")
        return end if lemmas & words("loss_causes") or scaled else None

    def _national_side(self, group: Span) -> bool:
        """ "the <national> second division", "a <country's> league": a level of play (a team word that is
        no country) of a nation named by an adjective or a place."""
        team_words = self.rr.words("team_words")
        return any(w.ent_type_ in ("GPE", "NORP") for w in group) and any(
            w.ent_type_ not in ("GPE", "NORP") and (w.lower_ in team_words or w.lemma_.lower() in team_words)
            for w in group
        )

    def _represented(self, sdoc: Doc, verb: int, np_end: int, sent_end: int) -> int | None:
        """End token of "<verb> [X] for <country / national team>", or of "represented <country>"."""
        team_words = self.rr.words("team_words")
        k = np_end
        levels = self.rr.words("professional_adverbs")
        pro = [m for m in range(verb + 1, min(np_end + 1, sent_end)) if sdoc[m].lower_ in levels]
        if pro:
            return pro[0] + 1  # "played professionally", "boxed semi-pro"
        if k + 1 < sent_end and sdoc[k].pos_ == "ADP" and sdoc[k].lower_ != "for":
            j = k + 1  # a position on the team first: "played in goal for ...", "up front for ..."
            while j < sent_end and is_np_token(sdoc[j]) and j - k <= 4:
                j += 1
            if j < sent_end and sdoc[j].lower_ == "for":
                k = j
            elif sdoc[k].lower_ == "in" and self._national_side(sdoc[k + 1 : j]):
                return j  # "played centre-back in the <country's> second division"
        if sdoc[verb].lemma_.lower() == "represent":
            k = verb + 1
        elif k < sent_end and sdoc[k].lower_ == "for":
            k += 1
        else:
            return None
        end = k
        while end < sent_end and is_np_token(sdoc[end]):
            end += 1
        group = sdoc[k:end]
        if any(
            w.ent_type_ in ("GPE", "NORP") or w.lower_ in team_words or w.lemma_.lower() in team_words for w in group
        ):
            return end
        countries = self.rr.words("team_countries")
        names = [w.lower_ for w in group]
        if any(n in countries for n in names) or any(f"{a} {b}" in countries for a, b in pairwise(names)):
            return end
        return None
