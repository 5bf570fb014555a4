"""The allow list (never flagged) and the deny list (always flagged) from the rules folders.

* ``allow.txt``: words and phrases that are never identifiers ("the unit", "Peer Worker").
  Matching ignores case and a leading "the".
* ``deny.txt``: names a team already knows (staff, residents) — one per line, flagged as PERSON.
* ``deny.yaml``: entries with a label, for sites, services and the like::

      - {text: "Example Street Clinic", label: LOCATION}
      - {text: "Example Trust", label: ORGANIZATION}

Deny entries are found wherever they occur as whole words, in any letter case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qualdeid.corpus.model import Span
from qualdeid.labels import LABELS, PERSON
from qualdeid.rules import Rules

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
DENY_SCORE = 1.0


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    text = " ".join(text.split()).strip(" .,;:!?\"'()[]").lower().replace("’", "'")
    text = text.removesuffix("'s")
    return _LEADING_ARTICLE.sub("", text)


@dataclass
class DenyEntry:
    text: str
    label: str


class Lists:
    def __init__(self, rules: Rules) -> None:
        self.allow = {normalise(w) for w in rules.words("allow.txt")}
        #: what NER may call a place or an organisation but is not one of the story: countries, apps, roles
        self.not_places = {normalise(w) for w in rules.words("lexicons/not_places.txt")}
        self.roles = set(rules.words("lexicons/role_abbreviations.txt"))
        self.deny = _deny_entries(rules)
        by_text = {e.text.lower(): e for e in self.deny}
        self._deny_label = {k: e.label for k, e in by_text.items()}
        self._deny_re = (
            re.compile(
                r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(by_text, key=len, reverse=True)) + r")(?!\w)",
                re.IGNORECASE,
            )
            if by_text
            else None
        )

    def allowed(self, text: str) -> bool:
        return normalise(text) in self.allow

    def not_a_place(self, text: str) -> bool:
        """ "Germany", "WhatsApp", "CPN": NER's place or organisation that the annotation does not mark."""
        return normalise(text) in self.not_places or text in self.roles

    def deny_spans(self, text: str) -> list[Span]:
        if self._deny_re is None:
            return []
        return [
            Span(m.start(), m.end(), self._deny_label[m.group(1).lower()], score=DENY_SCORE, detector="deny_list")
            for m in self._deny_re.finditer(text)
        ]


def _deny_entries(rules: Rules) -> list[DenyEntry]:
    entries = [DenyEntry(w, PERSON) for w in rules.words("deny.txt")]
    for doc in rules.yaml("deny.yaml"):
        for item in doc or []:
            text, label = str(item.get("text", "")).strip(), str(item.get("label", PERSON)).upper()
            if not text:
                continue
            if label not in LABELS:
                raise ValueError(f"deny.yaml: unknown label {label!r}; use one of {', '.join(LABELS)}")
            entries.append(DenyEntry(text, label))
    return entries
