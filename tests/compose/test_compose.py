"""compose: fragments from K sources, one invented cast, no original identifier, provenance, pronouns."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import QDA
from qualdeid.cli import main
from qualdeid.compose import CannotCompose, Composer, load_compose_config, write_draft
from qualdeid.compose.pronouns import parser, rewrite
from qualdeid.compose.select import MAX_SHARE, code_matches, sentences
from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.risk.identifiers import index_corpus

DIARIES = QDA / "diaries.jsonl"


@pytest.fixture(scope="module")
def composer(detector) -> Composer:
    return Composer(detector, load_compose_config())


def _docs(path: Path = DIARIES) -> list[Document]:
    return [d for d in Corpus([path]) if isinstance(d, Document)]


def _identifiers(detector, docs: list[Document]):
    detected = [d for d in detector.detect([Document(d.id, d.text) for d in docs]) if isinstance(d, Document)]
    return index_corpus(detected)


def test_draft_from_k_sources_without_original_identifiers(composer: Composer, detector, tmp_path: Path) -> None:
    docs = _docs()
    draft = composer.compose(docs, ["trust_building"], sources=3, words=120, pronouns="they", seed=7)
    authors = {json.loads(line)["id"]: json.loads(line)["author"] for line in DIARIES.read_text().splitlines()}
    assert len({authors[f.doc_id] for f in draft.fragments}) == 3
    assert max(draft.provenance["share_of_words"].values()) <= MAX_SHARE
    sections = [f.section for f in draft.fragments]  # narrative order: what happened -> helped -> mattered
    assert sections == sorted(sections)
    headings = ("What happened:", "What helped:", "Why it mattered:")
    for f in draft.fragments:  # the heading is not copied, and it tells the section
        text = next(d.text for d in docs if d.id == f.doc_id)
        assert text[: f.start].rstrip().endswith(headings[f.section])
    # no identifier known anywhere in the corpus survives, nor any surface form of the fixture's names
    assert [h for h in _identifiers(detector, docs).find(draft.text) if h.certain] == []
    for name in ("Marcus", "Leila", "Tomasz", "Rosa", "Deshawn", "Imogen", "Okafor", "Adeyemi", "0412", "4471902"):
        assert name not in draft.markdown()
    assert draft.statement == "A composite drawn from 3 accounts; names are pseudonyms."
    # one composite character: its name is new, and it is used in more than one paragraph
    first = draft.character.first
    assert first.lower() not in {i.value.lower() for i in _identifiers(detector, docs).values()}
    assert sum(first in p for p in draft.paragraphs) >= 2
    out = tmp_path / "v.md"
    prov = write_draft(draft, out)
    assert stat.S_IMODE(prov.stat().st_mode) == 0o600
    record = json.loads(prov.read_text())
    assert {f["document"] for f in record["fragments"]} == {f.doc_id for f in draft.fragments}
    for f in record["fragments"]:
        text = next(d.text for d in docs if d.id == f["document"])
        assert 0 <= f["start"] < f["end"] <= len(text)
    assert "Small things" not in prov.read_text()  # offsets, not text


def test_same_seed_same_draft(composer: Composer) -> None:
    a = composer.compose(_docs(), ["trust_building"], sources=3, words=120, seed=3)
    b = composer.compose(_docs(), ["trust_building"], sources=3, words=120, seed=3)
    assert a.text == b.text


def test_too_few_sources_explains(composer: Composer) -> None:
    with pytest.raises(CannotCompose, match=r"only 1 different source.*at least 3"):
        composer.compose(_docs(), ["loss_grief"], sources=3)
    with pytest.raises(CannotCompose, match="at least 2"):
        composer.compose(_docs(), ["trust_building"], sources=1)


def test_code_matching_and_sentences() -> None:
    assert code_matches("Support\\Trust building", "trust building")
    assert code_matches("Trust_Building", "trust_building")
    assert not code_matches("trust", "trust_building")
    assert [s for s, _ in sentences("One. Two! Three?\n\nFour")] == [0, 5, 10, 18]


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Sam said he was tired and he goes home.", "they", "Sam said they were tired and they go home."),
        ("Sam says he's been cooking. It was his idea.", "they", "Sam says they've been cooking. It was their idea."),
        ("Sam told me he doesn't sleep.", "she", "Sam told me she doesn't sleep."),
        (
            "Sam told me she lost her keys. I gave them to her.",
            "he",
            "Sam told me he lost his keys. I gave them to him.",
        ),
    ],
)
def test_pronouns_follow_the_choice(text: str, target: str, expected: str) -> None:
    focal = "F" if " she " in text else "M"
    edits, unresolved = rewrite(parser("en_core_web_sm")(text), focal, target, [], [])
    out = text
    for e in sorted(edits, key=lambda e: -e.start):
        out = out[: e.start] + e.new + out[e.end :]
    assert unresolved == []
    assert out == expected


def test_ambiguous_pronoun_is_listed_not_changed() -> None:
    text = "Sam met Tom. He was tired."
    edits, unresolved = rewrite(parser("en_core_web_sm")(text), "M", "they", [(8, "M")], [])
    assert edits == [] and [text[u.start : u.end] for u in unresolved] == ["He"]


def test_cli_compose_then_risk(tmp_path: Path) -> None:
    out = tmp_path / "v.md"
    args = ["compose", str(DIARIES), "--theme", "trust_building", "--words", "120", "--seed", "1", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "composite drawn from 3 accounts" in result.output
    assert out.read_text().startswith("# Composite vignette: trust_building")
    # --corpus takes several paths in a row
    risk = CliRunner().invoke(main, ["risk", str(out), "--corpus", str(DIARIES), str(QDA / "sample.qdpx")])
    assert risk.exit_code in (0, 3), risk.output
    assert "FAIL" not in risk.output
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 2 and "--force" in again.output


def test_cli_cannot_compose_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "v.md"
    result = CliRunner().invoke(main, ["compose", str(DIARIES), "--theme", "loss_grief", "-o", str(out)])
    assert result.exit_code == 5 and "cannot compose" in result.output and not out.exists()


def test_docx_output_and_quotation_export(tmp_path: Path) -> None:
    import docx

    out = tmp_path / "v.docx"
    result = CliRunner().invoke(
        main,
        ["compose", str(DIARIES), str(QDA / "quotations.csv"), "--theme", "trust_building", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert "row 4" in result.output and "row 5" in result.output  # unlocated quotations are reported
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paragraphs[0].startswith("Composite vignette") and any("3 accounts" in p for p in paragraphs)


def test_qdpx_scrub_then_compose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALDEID_PASSPHRASE", "a long test passphrase")
    scrubbed = tmp_path / "scrubbed"
    key = tmp_path / "private" / "k.key"
    key.parent.mkdir()
    result = CliRunner().invoke(main, ["scrub", str(QDA / "sample.qdpx"), "-o", str(scrubbed), "--key", str(key)])
    assert result.exit_code == 0, result.output
    before = _docs(QDA / "sample.qdpx")
    after = _docs(scrubbed / "sample.qdpx")
    assert len(after) == len(before) == 4
    for original, d in zip(before, after, strict=True):
        assert d.meta["qdpx"]["source_guid"] == original.meta["qdpx"]["source_guid"]
        assert [s.codes for s in d.segments] == [s.codes for s in original.segments]
        assert all(re.match(r"(What|Why)", d.text[s.start :]) for s in d.segments)
        assert "Marcus" not in d.text and "Leila" not in d.text
    out = tmp_path / "v.md"
    args = ["compose", str(scrubbed / "sample.qdpx"), "--theme", "trust_building", "--key", str(key), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Marcus" not in out.read_text()
