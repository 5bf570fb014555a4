"""compose end to end: K subjects, one invented cast, no identifier of the fragments, provenance, CLI."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import EXAMPLES, FIXTURES, QDA
from qualdeid.cli import main
from qualdeid.compose import CannotCompose, Composer, load_compose_config, write_draft
from qualdeid.compose.select import MAX_SHARE, code_matches, sentences
from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus

DIARIES = QDA / "diaries.jsonl"
WARD = FIXTURES / "compose" / "ward.jsonl"  # built from ward.txt by tools/markup_to_jsonl.py
DIRECT = ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT", "ID")


@pytest.fixture(scope="module")
def composer(detector) -> Composer:
    return Composer(detector, load_compose_config())


def _docs(path: Path = WARD) -> list[Document]:
    return [d for d in Corpus([path]) if isinstance(d, Document)]


def _gold(path: Path = WARD) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}


@pytest.mark.parametrize(("seed", "pronouns"), [(1, "they"), (2, "she"), (3, "he"), (4, "they")])
def test_draft_has_no_identifier_of_its_fragments(composer: Composer, seed: int, pronouns: str) -> None:
    gold = _gold()
    draft = composer.compose(_docs(), ["everyday_activity"], sources=3, words=200, pronouns=pronouns, seed=seed)
    for para, frag in zip(draft.paragraphs, draft.provenance["fragments"], strict=True):
        record = gold[frag["document"]]
        for span in record["spans"]:
            inside = frag["start"] <= span["start"] and span["end"] <= frag["end"]
            if inside and span["label"] in DIRECT:
                assert not re.search(r"(?<!\w)" + re.escape(span["text"]) + r"(?!\w)", para.text), span["label"]
                assert any(c["start"] <= span["start"] < c["end"] for c in frag["changes"])
        # the substitution log accounts for every change: applied to the source it gives the paragraph
        text = record["text"]
        pieces, pos = [], frag["start"]
        for c in sorted((c for c in frag["changes"] if c["start"] >= 0), key=lambda c: c["start"]):
            assert text[c["start"] : c["end"]] == c["original"]
            pieces += [text[pos : c["start"]], c["replacement"]]
            pos = c["end"]
        rebuilt = "".join(pieces) + text[pos : frag["end"]]
        assert " ".join(rebuilt.split()).lower() == " ".join(para.text.split()).lower().replace(" ,", ",")
    markdown = draft.markdown()
    for heading in ("Brief description", "What was helpful", "Why significant", "Helpful/not", "Less helpful"):
        assert heading.lower() not in draft.text.lower()
    assert "**" not in draft.text and not re.search(r"(?m)^\d\.", draft.text)
    assert draft.statement in markdown


def test_subjects_not_accounts(composer: Composer) -> None:
    """The ward has six accounts about four residents (two accounts each about two of them)."""
    draft = composer.compose(_docs(), ["everyday_activity"], sources=4, words=240, seed=5)
    subjects = [f["subject"] for f in draft.provenance["fragments"]]
    assert len(set(subjects)) == 4
    assert max(draft.provenance["share_of_words_by_subject"].values()) <= MAX_SHARE
    assert "accounts of 4 residents" in draft.statement
    with pytest.raises(CannotCompose, match=r"about 4 different resident.*needs at least 5.*--sources 4"):
        composer.compose(_docs(), ["everyday_activity"], sources=5, seed=1)
    with pytest.raises(CannotCompose, match="at least 2"):
        composer.compose(_docs(), ["everyday_activity"], sources=1)


def test_one_character_introduced_once_and_relatives_apart(composer: Composer) -> None:
    with_relatives = 0
    for seed in (1, 2, 3, 4):
        draft = composer.compose(_docs(), ["everyday_activity"], sources=3, words=200, pronouns="she", seed=seed)
        first, last = draft.character.invented.first, draft.character.invented.last
        assert draft.text.count(f"{first} {last}") == 1
        assert draft.text.index(f"{first} {last}") <= draft.text.index(first)
        changes = [c for f in draft.provenance["fragments"] for c in f["changes"] if c["reason"] == "person"]
        relatives = {c["person"] for c in changes if c["role"] == "relative" and c.get("person")}
        assert not relatives & set(draft.provenance["character"]["persons"])
        with_relatives += bool(relatives)
        for c in changes:
            if c["original"].startswith("Mrs "):  # the nan shares the family's invented surname, and is a woman
                assert c["replacement"] == f"Mrs {last}"
    assert with_relatives


def test_same_seed_same_draft(composer: Composer) -> None:
    a = composer.compose(_docs(), ["everyday_activity"], sources=3, words=150, seed=3)
    b = composer.compose(_docs(), ["everyday_activity"], sources=3, words=150, seed=3)
    assert a.text == b.text and a.provenance == b.provenance


def test_provenance_is_private_and_complete(composer: Composer, tmp_path: Path) -> None:
    draft = composer.compose(_docs(), ["everyday_activity"], sources=3, words=150, seed=1)
    out = tmp_path / "v.md"
    prov = write_draft(draft, out)
    assert stat.S_IMODE(prov.stat().st_mode) == 0o600
    record = json.loads(prov.read_text())
    assert record["locale"] == "en_GB"  # a Lancashire unit
    for f in record["fragments"]:
        assert {"document", "subject", "narrator", "start", "end", "changes"} <= set(f)
        assert re.fullmatch(r"P\d+", f["subject"])
        reasons = {c["reason"] for c in f["changes"]}
        assert reasons <= {"person", "place", "organisation", "date", "age", "contact", "id", "detail",
                           "form label", "form of address", "pronoun", "agreement", "final check"}  # fmt: skip


def test_code_matching_and_sentences() -> None:
    assert code_matches("Support\\Trust building", "trust building")
    assert code_matches("Trust_Building", "trust_building")
    assert not code_matches("trust", "trust_building")
    assert [s for s, _ in sentences("One. Two! Three?\n\nFour")] == [0, 5, 10, 18]
    text = 'She said "the little one." Then left.'
    assert [text[a:b] for a, b in sentences(text)] == ['She said "the little one."', "Then left."]


def test_cli_compose_then_risk(tmp_path: Path) -> None:
    out = tmp_path / "v.md"
    args = ["compose", str(DIARIES), "--theme", "trust_building", "--words", "120", "--seed", "1", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "drawn from the accounts of 3 people by 3 workers" in result.output
    assert out.read_text().startswith("# Composite vignette: trust_building")
    risk = CliRunner().invoke(main, ["risk", str(out), "--corpus", str(DIARIES), str(QDA / "sample.qdpx")])
    assert risk.exit_code in (0, 3), risk.output
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 2 and "--force" in again.output


def test_cli_cannot_compose_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "v.md"
    result = CliRunner().invoke(main, ["compose", str(DIARIES), "--theme", "loss_grief", "-o", str(out)])
    assert result.exit_code == 5 and "cannot compose" in result.output and not out.exists()
    assert "1 different resident" in result.output


def test_cli_scaffold(tmp_path: Path) -> None:
    out = tmp_path / "s.md"
    result = CliRunner().invoke(
        main, ["compose", str(WARD), "--theme", "everyday_activity", "--scaffold", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text()
    assert "## what happened" in text and "## why it mattered" in text
    assert re.search(r"\| 1 \| P\d+", text)
    for name in ("Quennell", "Wilhelmina", "Delphine", "Caspian", "ZQK4417"):
        assert name not in text


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
    assert paragraphs[0].startswith("Composite vignette") and any("3 people" in p for p in paragraphs)


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


@pytest.mark.parametrize("seed", [5, 7])
def test_a_removed_age_never_glues_two_words(composer: Composer, seed: int) -> None:
    """ "Nate (34) moved in" -> "<name> moved in": the age and its brackets go, one space stays."""
    gold = EXAMPLES / "gold.jsonl"
    docs = [d for d in Corpus([gold]) if isinstance(d, Document)]
    texts = {r["id"]: r["text"] for r in map(json.loads, gold.read_text().splitlines())}
    removed = 0
    for theme in ("everyday_activity", "family_carer", "trust_safety"):
        draft = composer.compose(docs, [theme], sources=3, words=250, pronouns="they", seed=seed)
        for frag in draft.provenance["fragments"]:
            text = texts[frag["document"]]
            for c in frag["changes"]:
                if c["reason"] == "age" and c["replacement"] == "":
                    removed += 1
                    before, after = text[c["start"] - 1 : c["start"]], text[c["end"] : c["end"] + 1]
                    assert not (before.isalnum() and after.isalnum()), c["original"]
    assert removed  # the examples name residents with their age in brackets


def test_a_holiday_that_must_go_keeps_its_kind(composer: Composer) -> None:
    """What risk would fail a fragment for goes even where compose reads a holiday; it then says so."""
    text = "It was St Andrew's weekend, so the ward was quiet."
    start = text.index("St")
    assert composer._again(text, start, start + len("St Andrew's"), "DATE_TIME") == "[a public holiday]"
    assert composer._again(text, start, start + len("St Andrew's"), "PERSON") == "[a name]"
    text = "He was a Quillan fitter for years."
    start = text.index("Quillan")
    assert composer._again(text, start, start + len("Quillan"), "PERSON") == "[name]"  # not "a [a name]"


def test_a_kept_detail_is_quoted_as_the_draft_has_it() -> None:
    from qualdeid.compose.composer import Change, _as_changed

    text = "Then he said he ran the Quillan Mill bakery for years."
    start, end = text.index("he ran"), text.index(" for years")
    changes = [
        Change(text.index("he said"), text.index("he said") + 2, "he", "she", "pronoun"),
        Change(start, start + 2, "he", "she", "pronoun"),
        Change(text.index("Quillan"), text.index(" bakery"), "Quillan Mill", "[a mill]", "place"),
    ]
    assert _as_changed(text, start, end, changes) == "she ran the [a mill] bakery"


def test_parts_of_an_earlier_draft_are_avoided(composer: Composer) -> None:
    from qualdeid.compose.composer import used_parts

    def parts(draft) -> set[tuple[str, int, int]]:
        return set(used_parts(draft.provenance))

    def overlap(a: set[tuple[str, int, int]], b: set[tuple[str, int, int]]) -> bool:
        return any(d == e and s < y and x < t for d, s, t in a for e, x, y in b)

    first = composer.compose(_docs(), ["everyday_activity"], sources=3, words=150, seed=2)
    second = composer.compose(
        _docs(), ["everyday_activity"], sources=3, words=150, seed=2, avoid=used_parts(first.provenance)
    )
    assert parts(second) and not overlap(parts(first), parts(second))
    assert not any("reuse parts" in n for n in second.notes)
    # not enough other parts: the draft is still made, and says which paragraphs reuse a part
    third = composer.compose(
        _docs(),
        ["everyday_activity"],
        sources=3,
        words=150,
        seed=2,
        avoid=[*used_parts(first.provenance), *used_parts(second.provenance)],
    )
    assert overlap(parts(third), parts(first) | parts(second))
    assert any("reuse parts an earlier draft (--avoid) used" in n for n in third.notes)


def test_cli_avoid_reads_a_provenance_record(tmp_path: Path) -> None:
    out, bad = tmp_path / "v.md", tmp_path / "not.json"
    bad.write_text("[]")
    args = ["compose", str(DIARIES), "--theme", "trust_building", "--words", "120", "--seed", "1", "-o", str(out)]
    result = CliRunner().invoke(main, [*args, "--avoid", str(bad)])
    assert result.exit_code == 2 and "not a provenance record" in result.output
