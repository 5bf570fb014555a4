"""Suggestions that fit what was found: a reviewed generalisation from ``rules/generalise.yaml`` where
one matches, otherwise one by the kind of thing it is (``suggestions`` in ``rules/risk.yaml``): the
kind of a rare detail comes from the rare-detail lexicons (``rules/rare/``: a job, a hobby, a life
event...), the kind of a quasi-identifier from its list in ``risk.yaml``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from qualdeid.risk.analysis import Token
from qualdeid.risk.lexicon import fold
from qualdeid.rules import Rules

#: the rare-detail lexicons (rules/rare/NAME.txt) that name a kind of detail
#: in order of precedence when a word is in several ("alpaca": a pet before a job)
# format: rule file names (rules/rare/NAME.txt)
RARE_KINDS = ("pet", "physical_trait", "hobby", "life_event", "family", "minority", "language", "occupation", "setting")
#: the lexicons whose words are details on their own ("setting" words are only with a job or hobby)
ALONE_KINDS = frozenset(RARE_KINDS) - {"setting"}
FALLBACK = "describe it in general terms, or leave it out"


def load_generalisations(rules_dirs: Sequence[Path]) -> list[tuple[re.Pattern[str], str]]:
    out = []
    for doc in Rules(list(rules_dirs)).yaml("generalise.yaml"):
        for entry in (doc or {}).get("generalisations", []) if isinstance(doc, dict) else []:
            try:
                out.append((re.compile(str(entry["match"]), re.IGNORECASE), str(entry["replace"])))
            except (KeyError, TypeError, re.error):
                continue
    return out


class Suggester:
    def __init__(self, by_kind: dict[str, str], rules_dirs: Sequence[Path] = ()) -> None:
        self.by_kind = by_kind
        self.generalisations = load_generalisations(rules_dirs)
        rules = Rules(list(rules_dirs))
        #: folded word or phrase -> the kind of detail it is
        self.kind_of: dict[str, str] = {}
        ordinary = {fold(w) for w in rules.words("rare/common.txt")}
        for kind in RARE_KINDS:
            for entry in rules.words(f"rare/{kind}.txt"):
                if fold(entry) not in ordinary:
                    self.kind_of.setdefault(fold(entry), kind)
        self.longest = max((len(k.split()) for k in self.kind_of), default=1)

    def text(self, kind: str) -> str:
        return self.by_kind.get(kind) or self.by_kind.get("detail") or FALLBACK

    def identifier(self, label: str) -> str:
        return f"replace it with {self.text(label)}"

    def detail(self, matched: str, tokens: Iterable[Token], subtype: str | None = None) -> tuple[str, str]:
        """(kind, suggestion) for a detail: a reviewed generalisation if one matches, else by its kind."""
        kind = subtype if subtype in RARE_KINDS else self.kind(tokens)
        for pattern, replacement in self.generalisations:
            if pattern.search(matched):
                return kind, f"generalise it, e.g. '{replacement}', or leave it out"
        if kind not in self.by_kind or kind == "detail":
            return kind, self.text("detail")
        return kind, f"generalise it to {self.text(kind)}"

    def listed(self, t: Token) -> bool:
        """A word that one of the rare-detail lexicons holds on its own ("mule", "harp")."""
        return any(self.listed_word(w) for w in (t.lemma, t.form))

    def listed_word(self, word: str) -> bool:
        return self.kind_of.get(word) in ALONE_KINDS

    def phrases(self, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        """(first, end, kind) of the lexicons' entries of several words in ``tokens`` ("glass eye",
        "trapeze artist"), by lemma or form, longest first, not overlapping."""
        out: list[tuple[int, int, str]] = []
        taken = [False] * len(tokens)
        for n in range(min(self.longest, len(tokens)), 1, -1):
            for i in range(len(tokens) - n + 1):
                if any(taken[i : i + n]):
                    continue
                window = tokens[i : i + n]
                for words in (" ".join(t.lemma for t in window), " ".join(t.form for t in window)):
                    kind = self.kind_of.get(words)
                    if kind in ALONE_KINDS:
                        out.append((i, i + n, kind))
                        taken[i : i + n] = [True] * n
                        break
        return sorted(out)

    def kind(self, tokens: Iterable[Token]) -> str:
        toks = list(tokens)
        lemmas, forms = [t.lemma for t in toks], [t.form for t in toks]
        for n in range(min(self.longest, len(toks)), 0, -1):
            for words in (lemmas, forms):
                for i in range(len(words) - n + 1):
                    kind = self.kind_of.get(" ".join(words[i : i + n]))
                    if kind:
                        return kind
        return "detail"

    def combination(self, qis: Iterable[str]) -> str:
        parts = []
        for qi in qis:
            kind, _, value = qi.partition(":")
            parts.append(f"'{value}' ({kind}): {self.text(kind)}")
        return "generalise or drop one of these: " + "; ".join(parts)
