"""One story: the character's gender holds across accounts; a relative's pronouns are not rewritten."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES
from qualdeid.compose import Composer, load_compose_config
from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus

WORKSHOP = FIXTURES / "compose" / "workshop.jsonl"  # built from workshop.txt by tools/markup_to_jsonl.py


@pytest.fixture(scope="module")
def composer(detector) -> Composer:
    return Composer(detector, load_compose_config())


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return [d for d in Corpus([WORKSHOP]) if isinstance(d, Document)]


def _by_document(draft) -> dict[str, tuple[int, str]]:
    return {
        f["document"]: (n, p.text)
        for n, (p, f) in enumerate(zip(draft.paragraphs, draft.provenance["fragments"], strict=True), 1)
    }


def test_pronouns_follow_the_account_and_spare_a_relative(composer: Composer, docs: list[Document]) -> None:
    draft = composer.compose(docs, ["skill_growth"], sources=3, words=300, pronouns="he", seed=1)
    paragraphs = _by_document(draft)
    # K1's first name reads as a man's, but the account says "she" and no other woman is there: rewritten
    assert not re.search(r"\b(?:she|her|herself)\b", paragraphs["K1"][1], re.IGNORECASE)
    # K3: her sister comes in, a sentence later "She wanted ...": the sister's, maybe; left and listed once
    n, text = paragraphs["K3"]
    assert "his sister" in text and "She wanted" in text
    pronoun_notes = [x for x in draft.notes if x.startswith(f"paragraph {n}:") and "pronoun(s)" in x]
    assert len(pronoun_notes) == 1 and "'she'" in pronoun_notes[0]


def test_a_gendered_word_against_the_pronouns_is_listed(composer: Composer, docs: list[Document]) -> None:
    draft = composer.compose(docs, ["skill_growth"], sources=3, words=300, pronouns="she", seed=1)
    n, text = _by_document(draft)["K2"]
    assert "a man who" in text
    assert any(
        x.startswith(f"paragraph {n}:") and "may describe the character" in x and "'man'" in x for x in draft.notes
    )
    same = composer.compose(docs, ["skill_growth"], sources=3, words=300, pronouns="he", seed=1)
    assert not any("may describe the character" in x for x in same.notes)


KIN = FIXTURES / "compose" / "kin.jsonl"  # built from kin.txt by tools/markup_to_jsonl.py


def test_a_contradiction_about_the_character_is_listed_once(composer: Composer) -> None:
    """Three residents, and only three: "has no kids" in one part and "her grandson" in another cannot
    be avoided, so the notes say so once, naming both paragraphs; the provenance counts it."""
    docs = [d for d in Corpus([KIN]) if isinstance(d, Document)]
    draft = composer.compose(docs, ["home_life"], sources=3, words=200, pronouns="she", seed=1)
    paragraphs = _by_document(draft)
    no_kids, grandson = paragraphs["H1"][0], paragraphs["H2"][0]
    found = [n for n in draft.notes if "contradict each other about the character's family" in n]
    assert len(found) == 1
    assert f"paragraphs {min(no_kids, grandson)} and {max(no_kids, grandson)}" in found[0]
    assert "no children" in found[0] and "grandchildren" in found[0]
    assert draft.provenance["fact_contradictions"] == 1
