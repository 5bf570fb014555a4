"""Compose settings from ``rules/compose/compose.yaml`` (defaults, then each project rules folder)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.rules import Rules

#: Lists a project's compose.yaml adds to; its other keys replace the defaults.
_LIST_KEYS = ("form_labels", "answer_labels", "negative_labels", "subject_nouns")


@dataclass
class Section:
    name: str
    prompts: list[str]
    #: words put before an answer that opens without a verb ("Patience." -> "What helped was patience.")
    lead: str = ""


@dataclass
class ComposeConfig:
    sections: list[Section] = field(default_factory=list)
    form_labels: list[str] = field(default_factory=list)
    #: a form's answer words that label a part only with their colon right after them ("Yes: the walk.")
    answer_labels: list[str] = field(default_factory=list)
    #: labels and answer words that say what did not help ("Not helpful:", "No:"): replaced by ``negative_lead``
    negative_labels: list[str] = field(default_factory=list)
    negative_lead: str = ""
    subject_nouns: list[str] = field(default_factory=list)
    #: words (not pronouns) a prompt or form label may carry before its colon: "Not helpful either:"
    heading_extra_words: int = 2
    statement: str = (
        "A composite drawn from the accounts of {subjects} {subject_noun} by {workers} {worker_noun}; "
        "names are pseudonyms and details have been changed."
    )
    worker_noun: str = "workers"
    name_locales: dict[str, list[str]] = field(default_factory=dict)
    rules_dirs: list[Path] = field(default_factory=list)


def load_compose_config(rules_dirs: list[Path] | tuple[Path, ...] = ()) -> ComposeConfig:
    merged: dict[str, Any] = {}
    for doc in Rules(rules_dirs).yaml("compose/compose.yaml"):
        if not isinstance(doc, dict):
            continue
        for k, v in doc.items():
            if k in _LIST_KEYS and isinstance(merged.get(k), list):
                merged[k] = [*merged[k], *(v or [])]
            else:
                merged[k] = v
    c = ComposeConfig(rules_dirs=list(rules_dirs))
    for sec in merged.get("sections") or []:
        c.sections.append(
            Section(str(sec.get("name", "")), [str(p) for p in sec.get("prompts") or []], str(sec.get("lead") or ""))
        )
    c.form_labels = [str(x) for x in merged.get("form_labels") or []]
    c.answer_labels = [str(x) for x in merged.get("answer_labels") or []]
    c.negative_labels = [str(x).lower() for x in merged.get("negative_labels") or []]
    c.negative_lead = str(merged.get("negative_lead") or "").strip()
    c.subject_nouns = [str(x).lower() for x in merged.get("subject_nouns") or []]
    c.heading_extra_words = int(merged.get("heading_extra_words", c.heading_extra_words))
    c.statement = str(merged.get("statement", c.statement))
    c.worker_noun = str(merged.get("worker_noun", c.worker_noun))
    c.name_locales = {str(k): [str(x) for x in v or []] for k, v in (merged.get("name_locales") or {}).items()}
    return c
