"""Life-history frames: which sentences of a text tell one person's past.

A passage about the service in general ("peer workers described the drop-in as ...") shares the
corpus's everyday words with many accounts; a paraphrase of one person's story tells a life: one
person, in the third person singular ("a woman who had ...", "he"), placed in their past or life course
(past perfect, "used to", "as a teenager", "before his first admission", "for years"). Word lists:
``rules/risk/life.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qualdeid.risk.analysis import Analysed, Token
from qualdeid.rules import Rules

RULES = "risk/life.yaml"


@dataclass(frozen=True)
class LifeFrames:
    person_pronouns: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    single_determiners: frozenset[str] = frozenset()
    life_words: frozenset[str] = frozenset()
    writer_nouns: frozenset[str] = frozenset()
    life_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, rules_dirs: Sequence[Path] = ()) -> LifeFrames:
        lists = Rules(list(rules_dirs)).lists(RULES)
        names = ("person_pronouns", "person_nouns", "single_determiners", "life_words", "writer_nouns", "life_verbs")
        return cls(*(lists[name] for name in names))

    def one_person(self, tokens: list[Token], all_tokens: list[Token]) -> bool:
        """The sentence is about one person in the third person singular."""
        return any(t.text.lower() in self.person_pronouns for t in tokens) or self._single(
            tokens, all_tokens, self.person_nouns
        )

    def _single(self, tokens: list[Token], all_tokens: list[Token], nouns: frozenset[str]) -> bool:
        """A noun of ``nouns`` after "a", "one", "another" ...: one person of that kind."""
        for t in tokens:
            if (
                t.lemma in nouns
                and t.tag in ("NN", "NNP")
                and any(
                    d.head >= 0 and all_tokens[d.head] is t and d.text.lower() in self.single_determiners
                    for d in tokens
                )
            ):
                return True  # "a woman", "one worker"
        return False

    def past_life(self, tokens: list[Token]) -> bool:
        """The sentence places a fact in someone's past or life course."""
        for i, t in enumerate(tokens):
            if t.lemma in self.life_words or t.text.lower() in self.life_words:
                return True
            if t.pos == "VERB" and t.lemma in self.life_verbs:
                return True
            if t.text.lower() == "used" and i + 1 < len(tokens) and tokens[i + 1].text.lower() == "to":
                return True
        return False

    def writer(self, a: Analysed) -> bool:
        """The text tells the past of one of the accounts' writers ("another worker had ...")."""
        life = self.sentences(a)
        return bool(life) and any(self._single(a.sentence_tokens(si), a.tokens, self.writer_nouns) for si in life)

    def sentences(self, a: Analysed) -> set[int]:
        """The indices of the sentences that tell one person's past."""
        out = set()
        for si in range(len(a.sentences)):
            tokens = a.sentence_tokens(si)
            if self.one_person(tokens, a.tokens) and self.past_life(tokens):
                out.add(si)
        return out
