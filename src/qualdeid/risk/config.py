"""Risk thresholds and lexicons from ``rules/risk.yaml`` (defaults, then each project rules folder)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.rules import Rules


@dataclass
class RiskConfig:
    sources: int = 3
    min_run: int = 6
    run_warn: int = 15
    share_warn: float = 0.4
    word_zipf: float = 3.0
    phrase_zipf: float = 4.0
    phrase_max_zipf: float = 5.5
    min_word_length: int = 4
    distinctive_zipf: float = 4.5
    pair_window: int = 6
    common_word_zipf: float = 4.0
    min_identifier_length: int = 3
    short_form_zipf: float = 5.0
    titles: set[str] = field(default_factory=set)
    fail_on: set[str] = field(default_factory=lambda: {"residual_identifier", "input_error"})
    combo_min_size: int = 2
    combo_max_size: int = 4
    combo_max_terms: int = 14
    quasi_identifiers: dict[str, list[str]] = field(default_factory=dict)
    rules_dirs: list[Path] = field(default_factory=list)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        if k == "quasi_identifiers" and isinstance(v, dict):
            qi = {cat: list(terms) for cat, terms in out.get(k, {}).items()}
            for cat, terms in v.items():
                qi[cat] = list(dict.fromkeys([*qi.get(cat, []), *(terms or [])]))
            out[k] = qi
        elif isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def load_risk_config(rules_dirs: list[Path] | tuple[Path, ...] = ()) -> RiskConfig:
    merged: dict[str, Any] = {}
    for doc in Rules(rules_dirs).yaml("risk.yaml"):
        if isinstance(doc, dict):
            merged = _merge(merged, doc)
    verbatim, rare = merged.get("verbatim", {}), merged.get("rare", {})
    ident, combos = merged.get("identifiers", {}), merged.get("combinations", {})
    c = RiskConfig(rules_dirs=list(rules_dirs))
    c.sources = int(merged.get("sources", c.sources))
    c.min_run = int(verbatim.get("min_run", c.min_run))
    c.run_warn = int(verbatim.get("run_warn", c.run_warn))
    c.share_warn = float(verbatim.get("share_warn", c.share_warn))
    c.word_zipf = float(rare.get("word_zipf", c.word_zipf))
    c.phrase_zipf = float(rare.get("phrase_zipf", c.phrase_zipf))
    c.phrase_max_zipf = float(rare.get("phrase_max_zipf", c.phrase_max_zipf))
    c.min_word_length = int(rare.get("min_word_length", c.min_word_length))
    c.distinctive_zipf = float(rare.get("distinctive_zipf", c.distinctive_zipf))
    c.pair_window = int(rare.get("pair_window", c.pair_window))
    c.common_word_zipf = float(ident.get("common_word_zipf", c.common_word_zipf))
    c.min_identifier_length = int(ident.get("min_length", c.min_identifier_length))
    c.short_form_zipf = float(ident.get("short_form_zipf", c.short_form_zipf))
    c.titles = {str(t).lower() for t in ident.get("titles", [])}
    c.fail_on = {str(x) for x in merged.get("fail_on", c.fail_on)}
    c.combo_min_size = int(combos.get("min_size", c.combo_min_size))
    c.combo_max_size = int(combos.get("max_size", c.combo_max_size))
    c.combo_max_terms = int(combos.get("max_terms", c.combo_max_terms))
    c.quasi_identifiers = {
        str(cat): [str(t).lower() for t in terms or []] for cat, terms in merged.get("quasi_identifiers", {}).items()
    }
    return c
