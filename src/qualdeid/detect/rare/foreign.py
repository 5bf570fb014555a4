"""A role someone had, told in another language: "fue trapecista en un circo de ...", "era campanaro
della parrocchia ...", "j'ai été bûcheron dans ...". In a text partly written in a language (``detect/nlp/
languages.py``), one of its verbs that open a role (``role_verbs`` of ``rules/languages/<code>.yaml``: "fue",
"era", "était"), then at most a few of its everyday words ("una", "muy"), then a word that is rare in that
language by wordfreq and no English word (in lower case; capitalised too in a language that writes its
nouns so): the role, run on to the end of its clause. Rarity, not a list:
"fue maestra" and "era una persona" stay. Its details are checked for within-corpus rarity.

Thresholds: ``rules/rare/foreign.yaml``.
"""

from __future__ import annotations

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.languages import zipf_in
from qualdeid.detect.nlp.tokens import doc_text
from qualdeid.detect.rare.context import NAME_ENTITIES, RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.lexicon import RareRules

#: punctuation that ends a role's clause
_CLAUSE_ENDS = frozenset(',.;:!?()"“”')


class ForeignRoleFinder(RuleFinder):
    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.role_zipf = rr.threshold("foreign_role_zipf")
        self.english_zipf = rr.threshold("foreign_role_english_zipf")
        self.everyday_zipf = rr.threshold("foreign_everyday_zipf")
        self.max_skipped = int(rr.threshold("foreign_max_skipped"))
        self.min_letters = int(rr.threshold("foreign_min_letters"))

    def find(self, ctx: RareContext) -> list[Hit]:
        others = self.rr.other_languages
        if others is None or not self.rr.role_verbs:
            return []
        languages = [code for code in others.of(doc_text(ctx.sdoc)) if code in self.rr.role_verbs]
        out: list[Hit] = []
        for code in languages:
            for i in ctx.words.where(self.rr.role_verbs[code]):
                if (hit := self._role(ctx, i, code)) is not None:
                    out.append(hit)
        return out

    def _role(self, ctx: RareContext, verb: int, code: str) -> Hit | None:
        sdoc, named, others = ctx.sdoc, ctx.named, self.rr.other_languages
        assert others is not None
        _, se = ctx.bounds[verb]
        k = verb + 1
        while k < se and k - verb <= self.max_skipped and self._everyday(sdoc[k].lower_, code):
            k += 1
        if k >= se:
            return None
        role = sdoc[k]
        word = role.lower_
        if (
            not role.is_alpha
            or not (role.is_lower or (role.is_title and code in others.noun_capitals))
            or len(word) < self.min_letters
            or named[role.idx]
            or role.ent_type_ in NAME_ENTITIES
            or zipf_in(word, code) >= self.role_zipf
            or zipf(word) >= self.english_zipf
        ):
            return None
        end = k + 1
        # to the end of the clause, or to a name another detector found (its own span; what follows it
        # is no longer sure to be the role's)
        while end < se and end - verb < self.max_tokens and sdoc[end].text not in _CLAUSE_ENDS:
            if named[sdoc[end].idx]:
                break
            end += 1
        reason = "a role told in another language, in a word rare in it"
        return Hit(verb, end, "occupation", reason, (word,), Status.CORPUS_CHECK)

    def _everyday(self, word: str, code: str) -> bool:
        return word.isalpha() and zipf_in(word, code) >= self.everyday_zipf
