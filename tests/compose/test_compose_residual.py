"""A draft never fails `risk` for an identifier, and compose does not rely on detection alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import FIXTURES
from qualdeid.compose import CannotCompose, Composer, load_compose_config
from qualdeid.compose.residual import residuals
from qualdeid.corpus import Document
from qualdeid.corpus.model import Span
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import RiskChecker, load_risk_config

WARD = FIXTURES / "compose" / "ward.jsonl"
K = 3


@pytest.fixture(scope="module")
def ward() -> list[Document]:
    return [d for d in Corpus([WARD]) if isinstance(d, Document)]


@pytest.fixture(scope="module")
def checker(detector, ward: list[Document]) -> RiskChecker:
    cfg = load_risk_config()
    cfg.sources = K
    return RiskChecker(cfg, detector, ward)


@pytest.mark.parametrize(
    "text",
    [
        "We drove past Pellow Mill and then Toby rang his nan.",
        "Larchmere House was quiet; Quennell came down at ten.",
        "At Easter we planted beans and talked about the garden.",
        "Nothing here is anyone's name, only the allotment and the van.",
    ],
)
def test_residuals_are_what_risk_fails(checker: RiskChecker, detector, text: str) -> None:
    """The same two rules as risk's residual_identifier check, on texts that hold corpus names and not."""
    report = checker.check([Document("t", text)])
    failed = sorted((f.start, f.end) for f in report.findings if f.check == "residual_identifier")
    spans = next(iter(detector.detect([Document("t", text)]))).spans
    found = [(r.start, r.end) for r in residuals(checker.profile, text, spans)]
    assert found == failed


@pytest.mark.parametrize(("seed", "pronouns"), [(1, "she"), (2, "he"), (3, "they"), (5, "they")])
def test_no_draft_fails_risk(detector, checker: RiskChecker, ward: list[Document], seed: int, pronouns: str) -> None:
    composer = Composer(detector, load_compose_config())
    composed = 0
    for theme in sorted({c for d in ward for s in d.segments for c in s.codes}):
        try:
            draft = composer.compose(ward, [theme], sources=K, words=200, pronouns=pronouns, seed=seed)
        except CannotCompose:
            continue
        composed += 1
        report = checker.check([Document(theme, draft.text)])
        assert [f for f in report.findings if f.severity == "fail"] == [], theme
    assert composed >= 2


def _missed(*values: str):
    """The documents as if detection had missed ``values`` (the rest of what it found stays)."""

    def review(docs: list[Document]) -> list[Document]:
        out = []
        for d in docs:
            spans = [s for s in d.spans if not any(v in d.text[s.start : s.end] for v in values)]
            out.append(Document(d.id, d.text, spans=spans, segments=d.segments, meta=d.meta, source=d.source))
        return out

    return review


def _coded(tmp_path: Path) -> Path:
    """Three invented diaries in the template, each naming someone in a way detection may miss."""
    texts = [
        "1. Brief description\nWent boxing with Dara at Thornwick Iron Gym again. TQ was there and spotted "
        "for us both. We laughed at the bags and then went to ER.\n\n2. What was helpful\nGoing slowly helped."
        "\n\n3. Why significant\nShe kept going.",
        "1. Brief description\nSat with Bex in the garden on tuesday arvo while she potted the seedlings and "
        "talked about her week.\n\n2. What was helpful\nListening without fixing.\n\n3. Why significant\n"
        "She asked to come again.",
        "1. Brief description\nWalked to the shop with Olwen and she chose her own bread for the first time in "
        "months.\n\n2. What was helpful\nLetting her lead.\n\n3. Why significant\nIt was her decision.",
    ]
    path = tmp_path / "coded.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts, 1):
            parts = [m.span() for m in re.finditer(r"\d\. [^\n]+\n[^\n]+", text)]
            segments = [{"start": a, "end": b, "codes": ["everyday_activity"]} for a, b in parts]
            f.write(json.dumps({"id": f"C{i}", "author": f"W{i}", "text": text, "segments": segments}) + "\n")
    return path


def test_words_that_could_be_names_go_even_when_nothing_detected_them(detector, tmp_path: Path) -> None:
    docs = [d for d in Corpus([_coded(tmp_path)]) if isinstance(d, Document)]
    composer = Composer(detector, load_compose_config(), review=_missed("TQ", "Thornwick"))
    draft = composer.compose(docs, ["everyday_activity"], sources=3, words=150, seed=1)
    text = draft.text
    for name in ("TQ", "Thornwick", "Iron Gym"):
        assert not re.search(rf"\b{name}\b", text), name
    changes = [c for f in draft.provenance["fragments"] for c in f["changes"]]
    assert any(c["original"] == "TQ" and c["start"] >= 0 for c in changes)
    assert any("may identify no one were replaced" in n for n in draft.notes)
    # ordinary words of the same sentences stay, and so does a place word nothing detected
    for word in ("boxing", "bags", "ER", "arvo"):
        assert re.search(rf"\b{word}\b", text), word


def _with_aunty_as_a_name(docs: list[Document]) -> list[Document]:
    """A researcher's review marked "Aunty" a person's name wherever it stands."""
    out = []
    for d in docs:
        spans = list(d.spans) + [
            Span(m.start(), m.end(), "PERSON", m.group(), detector="review") for m in re.finditer(r"Aunty", d.text)
        ]
        out.append(Document(d.id, d.text, spans=spans, segments=d.segments, meta=d.meta, source=d.source))
    return out


def test_a_form_of_address_is_not_turned_into_a_name(detector, tmp_path: Path) -> None:
    """A kin word the corpus holds as a name stays the word it is, in lower case inside a sentence, so
    that risk does not take it for the name."""
    path = _coded(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["text"] = (
        first["text"]
        .replace("Went boxing with Dara", "Went boxing with Aunty and Dara")
        .replace("again. TQ", "again. Aunty laughed. TQ")
    )
    shift = len(" Aunty and") + len(" Aunty laughed.")
    for seg in first["segments"]:
        seg["start"] += shift if seg["start"] > 30 else 0
        seg["end"] += shift
    path.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
    docs = [d for d in Corpus([path]) if isinstance(d, Document)]
    composer = Composer(detector, load_compose_config(), review=_with_aunty_as_a_name)
    draft = composer.compose(docs, ["everyday_activity"], sources=3, words=150, seed=1)
    assert "with aunty and" in draft.text
    changes = [c for f in draft.provenance["fragments"] for c in f["changes"]]
    assert [c["replacement"] for c in changes if c["reason"] == "form of address"] == ["aunty"]
    # opening a sentence, where lower case will not do, the person's invented name stands for it
    assert re.search(r"\. [A-Z][a-z]+(?: [A-Z][a-z]+)? laughed\.", draft.text) and "[a name]" not in draft.text
