"""The per-label policy (``rules/policy.yaml``) and reviewed generalisations (``rules/generalise.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from qualdeid.corpus.model import LABELS
from qualdeid.pseudonymise.operators import OPERATORS
from qualdeid.rules import Rules


class PolicyError(ValueError):
    pass


@dataclass
class Generalisation:
    pattern: re.Pattern
    replace: str


@dataclass
class Policy:
    actions: dict[str, str]
    tags: dict[str, str]
    numbered: set[str]
    common_word_zipf: float = 5.0
    generalisations: list[Generalisation] = field(default_factory=list)

    @classmethod
    def load(cls, rules_dirs: list[Path] | tuple[Path, ...] = ()) -> Policy:
        rules = Rules(list(rules_dirs))
        merged: dict = {"labels": {}, "tags": {}}
        for doc in rules.yaml("policy.yaml"):
            if not isinstance(doc, dict):
                raise PolicyError("policy.yaml must be a mapping with a 'labels' section")
            for section in ("labels", "tags"):
                merged[section].update(doc.get(section) or {})
            for k in ("numbered", "common_word_zipf"):
                if k in doc:
                    merged[k] = doc[k]
        actions = {label: str(merged["labels"].get(label, "keep")) for label in LABELS}
        for label, action in actions.items():
            if action not in OPERATORS[label]:
                choices = ", ".join(sorted(OPERATORS[label]))
                raise PolicyError(f"policy.yaml: '{action}' is not a policy for {label}; use one of: {choices}")
        gens: list[Generalisation] = []
        # the first entry that matches wins: a project's own (reviewed) entries before the defaults
        for doc in reversed(rules.yaml("generalise.yaml")):
            for i, entry in enumerate((doc or {}).get("generalisations") or [], 1):
                try:
                    gens.append(Generalisation(re.compile(str(entry["match"]), re.IGNORECASE), str(entry["replace"])))
                except (KeyError, TypeError, re.error) as e:
                    raise PolicyError(
                        f"generalise.yaml entry {i}: needs a valid 'match' regex and 'replace' ({e})"
                    ) from e
        return cls(
            actions=actions,
            tags={label: str(merged["tags"].get(label, label)) for label in LABELS},
            numbered=set(merged.get("numbered", ["PERSON", "LOCATION", "ORGANIZATION", "ID"])),
            common_word_zipf=float(merged.get("common_word_zipf", 5.0)),
            generalisations=gens,
        )

    def generalise(self, text: str) -> str | None:
        for g in self.generalisations:
            if g.pattern.search(text):
                return g.replace
        return None
