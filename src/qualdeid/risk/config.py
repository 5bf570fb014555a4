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
    phrase_max_zipf: float = 5.5
    min_word_length: int = 4
    described_words: int = 3
    distinctive_zipf: float = 4.5
    common_word_zipf: float = 4.0
    min_identifier_length: int = 3
    short_form_zipf: float = 5.0
    name_part_zipf: float = 3.0
    titles: set[str] = field(default_factory=set)
    #: verbs whose bare object is a quality one shows or has, not a person ("showing kindness")
    quality_verbs: set[str] = field(default_factory=set)
    #: verbs only a person is the subject of ("Patience talked about ..."): a name-word there is the name
    speaker_verbs: set[str] = field(default_factory=set)
    #: verbs whose subject is a person, beside ``speaker_verbs`` ("Hope arrived", "Joy hugged her mum")
    person_verbs: set[str] = field(default_factory=set)
    #: verbs whose passive subject is a person ("Hope was told"; not "Hope was described as ...")
    addressed_verbs: set[str] = field(default_factory=set)
    fail_on: set[str] = field(default_factory=lambda: {"residual_identifier", "input_error"})
    combo_min_size: int = 2
    combo_max_size: int = 4
    combo_max_terms: int = 14
    quasi_identifiers: dict[str, list[str]] = field(default_factory=dict)
    # format: quasi-identifier kind codes
    weak_kinds: set[str] = field(default_factory=lambda: {"gender", "age", "family", "place_type"})
    never_lists: list[str] = field(default_factory=list)
    #: terms that are never a place or an organisation (peoples), though a person may bear one as a name
    never_place_lists: list[str] = field(default_factory=list)
    #: very large places (cities of half a million, capitals): a corpus place named so only warns
    large_place_lists: list[str] = field(default_factory=list)
    note_sections: list[str] = field(default_factory=lambda: ["notes for the author"])
    linkage_min_words: int = 3
    linkage_min_weight: float = 3.0
    linkage_base_zipf: float = 5.5
    linkage_max_weight: float = 2.0
    linkage_min_findings: int = 3
    #: weak signs that agree on one person link the text (0 turns it off), and the excess weight of two or
    #: more words specific to them that counts as one sign
    linkage_converge_signs: int = 0
    linkage_converge_weight: float = 1.0
    #: words rarer than this (Zipf) that many accounts hold one by one are specific where fewer than k
    #: people's accounts hold them together in one sentence (0 turns it off)
    linkage_joint_zipf: float = 0.0
    linkage_min_sentence_weight: float = 2.5
    similarity_quantile: float = 0.25
    similarity_margin: float = 0.0
    similarity_related_weight: float = 0.5
    similarity_definition_words: int = 2
    similarity_compound_zipf: float = 0.0
    similarity_compound_part_zipf: float = 3.5
    similarity_min_words: int = 2
    linkage_detail_zipf: float = 3.2
    similarity_story_words: int = 4
    similarity_story_min_words: int = 3
    similarity_story_sentences: int = 0
    #: a story (``similarity_story_sentences``) whose similarity to a person passes the threshold points to
    #: them when this many of its uncommon words are held all together by the accounts of fewer than k
    #: people, each word however common in the corpus (0 turns it off)
    similarity_story_combination: int = 0
    similarity_life_ratio: float = 3.0
    #: below ``life_ratio``, a past retold links at this many times the threshold by words that say what
    #: happened, not only whom it is about (0 turns it off)
    similarity_life_things_ratio: float = 0.0
    similarity_strong_quantile: float = 0.95
    similarity_sentence_weight: float = 1.5
    sentences_quantile: float = 0.9
    sentences_min_words: int = 3
    sentences_near_best: float = 0.0
    suggestions: dict[str, str] = field(default_factory=dict)
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
    linkage = merged.get("linkage", {})
    c = RiskConfig(rules_dirs=list(rules_dirs))
    c.sources = int(merged.get("sources", c.sources))
    c.min_run = int(verbatim.get("min_run", c.min_run))
    c.run_warn = int(verbatim.get("run_warn", c.run_warn))
    c.share_warn = float(verbatim.get("share_warn", c.share_warn))
    c.word_zipf = float(rare.get("word_zipf", c.word_zipf))
    c.phrase_max_zipf = float(rare.get("phrase_max_zipf", c.phrase_max_zipf))
    c.min_word_length = int(rare.get("min_word_length", c.min_word_length))
    c.described_words = int(rare.get("described_words", c.described_words))
    c.distinctive_zipf = float(rare.get("distinctive_zipf", c.distinctive_zipf))
    c.common_word_zipf = float(ident.get("common_word_zipf", c.common_word_zipf))
    c.min_identifier_length = int(ident.get("min_length", c.min_identifier_length))
    c.short_form_zipf = float(ident.get("short_form_zipf", c.short_form_zipf))
    c.name_part_zipf = float(ident.get("name_part_zipf", c.name_part_zipf))
    c.titles = {str(t).lower() for t in ident.get("titles", [])}
    c.quality_verbs = {str(t).lower() for t in ident.get("quality_verbs", [])}
    c.speaker_verbs = {str(t).lower() for t in ident.get("speaker_verbs", [])}
    c.person_verbs = {str(t).lower() for t in ident.get("person_verbs", [])}
    c.addressed_verbs = {str(t).lower() for t in ident.get("addressed_verbs", [])}
    c.fail_on = {str(x) for x in merged.get("fail_on", c.fail_on)}
    c.combo_min_size = int(combos.get("min_size", c.combo_min_size))
    c.combo_max_size = int(combos.get("max_size", c.combo_max_size))
    c.combo_max_terms = int(combos.get("max_terms", c.combo_max_terms))
    c.never_lists = [str(x) for x in ident.get("never", c.never_lists)]
    c.never_place_lists = [str(x) for x in ident.get("never_places", c.never_place_lists)]
    c.large_place_lists = [str(x) for x in ident.get("large_places", c.large_place_lists)]
    c.note_sections = [str(x) for x in merged.get("not_checked", {}).get("sections", c.note_sections)]
    c.weak_kinds = {str(x) for x in combos.get("weak_kinds", c.weak_kinds)}
    c.linkage_min_words = int(linkage.get("min_words", c.linkage_min_words))
    c.linkage_min_weight = float(linkage.get("min_weight", c.linkage_min_weight))
    c.linkage_base_zipf = float(linkage.get("base_zipf", c.linkage_base_zipf))
    c.linkage_max_weight = float(linkage.get("max_weight", c.linkage_max_weight))
    c.linkage_min_findings = int(linkage.get("min_findings", c.linkage_min_findings))
    converge = linkage.get("converge") or {}
    c.linkage_converge_signs = int(converge.get("signs", c.linkage_converge_signs))
    c.linkage_converge_weight = float(converge.get("min_weight", c.linkage_converge_weight))
    c.linkage_joint_zipf = float(linkage.get("joint_zipf", c.linkage_joint_zipf))
    c.linkage_min_sentence_weight = float(linkage.get("min_sentence_weight", c.linkage_min_sentence_weight))
    c.linkage_detail_zipf = float(linkage.get("detail_zipf", c.linkage_detail_zipf))
    similarity = linkage.get("similarity", {}) or {}
    c.similarity_quantile = float(similarity.get("quantile", c.similarity_quantile))
    c.similarity_margin = float(similarity.get("margin", c.similarity_margin))
    c.similarity_related_weight = float(similarity.get("related_weight", c.similarity_related_weight))
    c.similarity_definition_words = int(similarity.get("definition_words", c.similarity_definition_words))
    c.similarity_compound_zipf = float(similarity.get("compound_zipf", c.similarity_compound_zipf))
    c.similarity_compound_part_zipf = float(similarity.get("compound_part_zipf", c.similarity_compound_part_zipf))
    c.similarity_min_words = int(similarity.get("min_words", c.similarity_min_words))
    c.similarity_story_words = int(similarity.get("story_words", c.similarity_story_words))
    c.similarity_story_min_words = int(similarity.get("story_min_words", c.similarity_story_min_words))
    c.similarity_story_sentences = int(similarity.get("story_sentences", c.similarity_story_sentences))
    c.similarity_story_combination = int(similarity.get("story_combination", c.similarity_story_combination))
    c.similarity_life_ratio = float(similarity.get("life_ratio", c.similarity_life_ratio))
    c.similarity_life_things_ratio = float(similarity.get("life_things_ratio", c.similarity_life_things_ratio))
    c.similarity_strong_quantile = float(similarity.get("strong_quantile", c.similarity_strong_quantile))
    c.similarity_sentence_weight = float(similarity.get("sentence_weight", c.similarity_sentence_weight))
    sentences = linkage.get("sentences", {}) or {}
    c.sentences_quantile = float(sentences.get("quantile", c.sentences_quantile))
    c.sentences_min_words = int(sentences.get("min_words", c.sentences_min_words))
    c.sentences_near_best = float(sentences.get("near_best", c.sentences_near_best))
    c.suggestions = {str(k): str(v) for k, v in merged.get("suggestions", {}).items()}
    c.quasi_identifiers = {
        str(cat): [str(t).lower() for t in terms or []] for cat, terms in merged.get("quasi_identifiers", {}).items()
    }
    return c
