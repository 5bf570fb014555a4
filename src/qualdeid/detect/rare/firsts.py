"""The first or only woman or man of a kind, told in another language, and doing what no other woman did.

"a primeira mulher bombeira da vila", "la primera mujer bombera del pueblo", "la seule femme forgeronne de
la vallée", "ang unang babaeng piloto sa aming bayan": a word for "first" or "only" of ``first_words`` with a
word for a woman, a man, a girl or a boy of ``first_gender_words`` next to it (either order: "mwanamke wa
kwanza"), run on to the end of its clause: at most ``first_reach`` words, to an "and" or a "but" of
``first_clause_breaks`` or an Arabic word joined to its "and" (a name in it is cut out later). Never
after a possessive of ``first_not_after`` ("su primera mujer" is his first wife). The English "the first
woman ..." is the phrase finder's (``patterns.py``).

"drove a snowplough when no other woman would": a person's clause, then "when no other" and a word of
``no_other_nouns`` (and a verb of ``no_other_verbs`` after it): the deed and the words that single it out.

Word lists: ``rules/rare/firsts.yaml``.
"""

from __future__ import annotations

from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.frames import Kind
from qualdeid.detect.rare.lexicon import RareRules

#: punctuation that ends the clause of a first
_CLAUSE_ENDS = frozenset(',.;:!?()"“”«»—–')
FIRST = "the first or only woman or man of a kind"
NO_OTHER = "did what no other woman or man did"


def _joined_and(word: str) -> bool:
    """An Arabic word written with "and" (و) before it opens a new clause ("وإنو", "and that ...")."""
    return len(word) > 2 and word[0] == "و" and "\u0600" <= word[1] <= "\u06ff"


class FirstsFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.firsts = self._w("first_words")
        self.genders = self._w("first_gender_words")
        self.not_after = self._w("first_not_after")
        self.determiners = self._w("first_determiners")
        self.no_other_nouns = self._w("no_other_nouns")
        self.no_other_verbs = self._w("no_other_verbs")
        self.reach = int(rr.threshold("no_other_reach"))
        self.first_reach = int(rr.threshold("first_reach"))
        self.breaks = self._w("first_clause_breaks")

    def find(self, ctx: RareContext) -> list[Hit]:
        out: list[Hit] = []
        taken = 0
        for i in ctx.words.where(self.firsts):
            if i < taken:
                continue
            hit = self._first(ctx, i)
            if hit is not None:
                out.append(hit)
                taken = hit.end
        for i in ctx.words.where(frozenset({"when"})):
            hit = self._no_other(ctx, i)
            if hit is not None:
                out.append(hit)
        return out

    def _first(self, ctx: RareContext, i: int) -> Hit | None:
        sdoc, lowers = ctx.sdoc, ctx.words.lowers
        ss, se = ctx.bounds[i]
        after = [k for k in range(i + 1, min(se, i + 3)) if lowers[k] in self.genders]
        before = [k for k in range(max(ss, i - 2), i) if lowers[k] in self.genders]
        if after:
            start = i
        elif before:
            start = before[0]
        else:
            return None
        if start > ss and lowers[start - 1] in self.not_after:
            return None
        if start > ss and lowers[start - 1] in self.determiners:
            start -= 1
            if start > ss and lowers[start - 1] in self.not_after:
                return None
        end = max(i, *after, *before) + 1
        stop = min(se, end + self.first_reach, start + self.max_tokens)
        while end < stop and sdoc[end].text not in _CLAUSE_ENDS:
            w = sdoc[end]
            if "\n" in w.text or lowers[end] in self.breaks or _joined_and(w.text):
                break  # a new clause: no longer sure to be the first's (a name in it is cut out later)
            end += 1
        gender = lowers[(after or before)[0]]
        return Hit(start, end, "life_event", FIRST, (lowers[i], gender), Status.CORPUS_CHECK)

    def _no_other(self, ctx: RareContext, i: int) -> Hit | None:
        sdoc, lowers = ctx.sdoc, ctx.words.lowers
        ss, se = ctx.bounds[i]
        if i + 3 >= se + 1 or i + 3 > len(lowers) - 1:
            return None
        if lowers[i + 1] != "no" or lowers[i + 2] != "other" or lowers[i + 3] not in self.no_other_nouns:
            return None
        end = i + 4
        if end < se and lowers[end] in self.no_other_verbs:
            end += 1
        for v in range(i - 1, max(ss, i - self.reach) - 1, -1):
            t = sdoc[v]
            if t.text in _CLAUSE_ENDS:
                return None
            if t.pos_ == "VERB":
                frame = self.frames.frame_at_verb(sdoc, v, ss, shared_subject=True)
                if Kind.NONE in frame.kinds or not frame.person_subject:
                    return None
                return Hit(
                    frame.start, end, "life_event", NO_OTHER, (t.lemma_.lower(), "no other"), Status.CORPUS_CHECK
                )
        return None
