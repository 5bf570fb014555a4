"""Scrubber end to end with given spans: consistency, forms, outputs, audit, re-runs, restore."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE_SPANS, PASSPHRASE, SCRUB_FIXTURES, FakeDetector, assert_encrypted, new_key
from qualdeid.corpus import Span
from qualdeid.pseudonymise import Key, Restorer, Scrubber, ScrubConfig, ScrubError
from qualdeid.pseudonymise.key import KeyFileError
from qualdeid.pseudonymise.scrub import AUDIT_NAME

IDENTIFIERS = [s for s, label in FIXTURE_SPANS.items() if label in ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT")]


def scrub(key: Key, src: Path, out: Path, **cfg) -> object:
    return Scrubber(key, ScrubConfig(seed="s1", **cfg), detector=FakeDetector()).scrub([src], out)


@pytest.fixture
def key(tmp_path: Path) -> Key:
    return new_key(tmp_path)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    shutil.copytree(SCRUB_FIXTURES, src)
    return src


def test_no_identifier_survives_and_forms_are_kept(key: Key, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = scrub(key, corpus, out)
    assert result.ok, result.errors
    visit = (out / "visit.txt").read_text(encoding="utf-8")
    notes = (out / "notes.md").read_text(encoding="utf-8")
    everything = visit + notes + (out / "records.jsonl").read_text(encoding="utf-8")
    for value in IDENTIFIERS:
        assert not re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", everything), value
    people = key.identities["PERSON"]
    joshua = next(p for p in people.values() if p["first"] == "joshua" and p["last"] == "hale")
    first, last = joshua["pseudo_first"], joshua["pseudo_last"]
    assert f"{first} {last} (30-39)" in visit  # full name, age band
    assert f"Mr {last} said" in visit  # title + surname
    assert re.search(r"\b\w+'s sister", visit)  # possessive kept
    assert "Josh" not in visit
    kevin = next(p for p in people.values() if p["first"] == "kevin")
    kev_line = notes.splitlines()[2]
    assert kev_line.startswith(kev_line.split()[0].lower())  # "kev" -> a lowercase pseudonym
    assert f"{kevin['pseudo_first']} {kevin['pseudo_last']} said" in notes
    assert f"{first[0]}.{last[0]}." in notes  # initials in the same style
    assert "[CONTACT]" in visit and "had an unusual hobby" in visit


def test_each_person_one_pseudonym_and_no_sharing(key: Key, corpus: Path, tmp_path: Path) -> None:
    scrub(key, corpus, tmp_path / "out")
    people = key.identities["PERSON"]
    full = [(p["pseudo_first"], p["pseudo_last"]) for p in people.values()]
    assert len(set(full)) == len(full)
    firsts = [p["pseudo_first"] for p in people.values() if p["first"]]
    assert len(set(firsts)) == len(firsts)
    real = {w.lower() for s in IDENTIFIERS for w in re.findall(r"[A-Za-z]+", s)}
    assert not {f.lower() for f, _ in full} & real


def test_ambiguous_first_name_is_flagged_not_merged(key: Key, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = scrub(key, corpus, out)
    kinds = {r["kind"] for r in result.audit["review"]}
    assert "ambiguous_first_name" in kinds
    people = key.identities["PERSON"]
    assert "PERSON|first:sarah" in people  # the lone "Sarah" is its own identity for review
    records = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    jones = next(p for k, p in people.items() if k == "PERSON|sarah|jones")
    price = next(p for k, p in people.items() if k == "PERSON|sarah|price")
    assert jones["pseudo_first"] != price["pseudo_first"]
    assert records[0]["text"].startswith(f"{jones['pseudo_first']} {jones['pseudo_last']} met")


def test_jsonl_fields_kept_segments_remapped(key: Key, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    scrub(key, corpus, out)
    before = [json.loads(x) for x in (corpus / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    after = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in after] == [r["id"] for r in before]
    assert list(after[0]) == list(before[0])  # same fields, same order
    assert after[0]["author"] == "W-1"
    assert "Marrowbank" not in after[0]["group"]  # known values replaced in other fields too
    people = key.identities["PERSON"]
    jones, price = people["PERSON|sarah|jones"], people["PERSON|sarah|price"]
    text0, segs0 = after[0]["text"], after[0]["segments"]
    assert [s["codes"] for s in segs0] == [s["codes"] for s in before[0]["segments"]]
    assert text0[segs0[0]["start"] : segs0[0]["end"]] == f"{jones['pseudo_first']} {jones['pseudo_last']} met"
    second = text0[segs0[1]["start"] : segs0[1]["end"]]
    assert second.startswith(f"{price['pseudo_first']} {price['pseudo_last']} at ") and second.endswith(" Centre.")
    text1, segs1 = after[1]["text"], after[1]["segments"]
    assert text1[segs1[1]["start"] : segs1[1]["end"]] == "Café talk: naïve über-plans ✓."


def test_audit_has_counts_and_no_original_values(key: Key, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    scrub(key, corpus, out)
    raw = (out / AUDIT_NAME).read_text(encoding="utf-8")
    audit = json.loads(raw)
    for value in IDENTIFIERS:
        assert value not in raw
    visit = next(d for d in audit["documents"] if d["id"] == "visit.txt")
    assert visit["replaced"]["PERSON"] >= 5 and visit["replaced"]["CONTACT"] == 2
    assert visit["detectors"] == ["fake"]
    assert audit["summary"]["documents_written"] == 4


def test_outputs_not_overwritten_without_force_and_rerun_is_idempotent(key: Key, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    scrub(key, corpus, out)
    first = (out / "visit.txt").read_bytes()
    again = scrub(Key.open(key.path, PASSPHRASE), corpus, out)
    assert again.ok and not again.written and len(again.unchanged) == 3
    (out / "visit.txt").write_text("changed by hand", encoding="utf-8")
    refused = scrub(Key.open(key.path, PASSPHRASE), corpus, out)
    assert any("--force" in e for e in refused.errors)
    assert (out / "visit.txt").read_text(encoding="utf-8") == "changed by hand"
    forced = scrub(Key.open(key.path, PASSPHRASE), corpus, out, force=True)
    assert forced.ok and (out / "visit.txt").read_bytes() == first


def test_extension_keeps_existing_pseudonyms(key: Key, corpus: Path, tmp_path: Path) -> None:
    only_visit = tmp_path / "part"
    only_visit.mkdir()
    shutil.copy(corpus / "visit.txt", only_visit)
    scrub(key, only_visit, tmp_path / "out1")
    before = dict(key.identities["PERSON"])
    reopened = Key.open(key.path, PASSPHRASE)
    Scrubber(reopened, ScrubConfig(), detector=FakeDetector()).scrub([corpus], tmp_path / "out2")
    after = reopened.identities["PERSON"]
    for pkey, entry in before.items():
        assert after[pkey]["pseudo_first"] == entry["pseudo_first"]
        assert after[pkey]["pseudo_last"] == entry["pseudo_last"]
    assert len(after) > len(before)
    assert (tmp_path / "out1" / "visit.txt").read_bytes() == (tmp_path / "out2" / "visit.txt").read_bytes()


def test_same_seed_same_pseudonyms_other_seed_others(corpus: Path, tmp_path: Path) -> None:
    outs = []
    for i, seed in enumerate(["a", "a", "b"]):
        k = Key.create(tmp_path / f"k{i}", PASSPHRASE, n=2**14)
        Scrubber(k, ScrubConfig(seed=seed), detector=FakeDetector()).scrub([corpus], tmp_path / f"o{i}")
        outs.append((tmp_path / f"o{i}" / "visit.txt").read_text(encoding="utf-8"))
    assert outs[0] == outs[1] != outs[2]


def test_placeholder_policy_and_mark(key: Key, corpus: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "policy.yaml").write_text("labels:\n  PERSON: placeholder\n  DATE_TIME: generalise\n", encoding="utf-8")
    out = tmp_path / "out"
    scrub(key, corpus, out, rules_dirs=[rules], mark=True)
    visit = (out / "visit.txt").read_text(encoding="utf-8")
    tag = re.search(r"\[PERSON-(\d+)\] \(", visit)
    assert tag, visit
    assert f"[PERSON-{tag.group(1)}]'s sister" in visit  # same identity, same tag, possessive kept
    assert "[November 2024]" in visit  # generalised and marked
    assert re.search(r"\[[A-Z][a-z]+ Street\]", visit)  # pseudonyms marked


def test_refuses_out_dir_inside_input_and_key_inside_out_dir(key: Key, corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ScrubError):
        scrub(key, corpus, corpus / "out")
    inside = Key.create(tmp_path / "out" / "k.key", PASSPHRASE, n=2**14)
    with pytest.raises(KeyFileError):
        scrub(inside, corpus, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_restore_round_trip_byte_for_byte(key: Key, corpus: Path, tmp_path: Path) -> None:
    (corpus / "bom.txt").write_bytes("\ufeffJosh rang on Thursday 7 November 2024.\r\nKevin too.\r\n".encode())
    out, back = tmp_path / "out", tmp_path / "back"
    scrub(key, corpus, out)
    result = Restorer(Key.open(key.path, PASSPHRASE)).restore([out], back)
    assert result.ok, result.errors
    for f in ("visit.txt", "notes.md", "records.jsonl", "bom.txt"):
        assert (back / f).read_bytes() == (corpus / f).read_bytes(), f


def test_restore_refuses_edited_document(key: Key, corpus: Path, tmp_path: Path) -> None:
    out, back = tmp_path / "out", tmp_path / "back"
    scrub(key, corpus, out)
    text = (out / "visit.txt").read_text(encoding="utf-8")
    (out / "visit.txt").write_text(text.replace("walked", "strolled"), encoding="utf-8")
    result = Restorer(Key.open(key.path, PASSPHRASE)).restore([out], back)
    assert any("edited after scrubbing" in e for e in result.errors)
    assert not (back / "visit.txt").exists() and (back / "notes.md").exists()


def test_interruption_leaves_no_partial_output_and_rerun_continues(
    key: Key, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qualdeid.pseudonymise.scrub as scrub_module

    out = tmp_path / "out"
    real_render = scrub_module.render
    calls = {"n": 0}

    def crash_on_second(*args, **kw):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real_render(*args, **kw)

    monkeypatch.setattr(scrub_module, "render", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        scrub(key, corpus, out)
    written = sorted(p.name for p in out.iterdir())
    assert written == ["notes.md"]  # one complete file, no temporary or partial files
    raw_key = key.path.read_bytes()
    assert b"Joshua" not in raw_key and b"joshua" not in raw_key
    assert_encrypted(key.path)
    assert oct(os.stat(key.path).st_mode & 0o777) == "0o600"
    monkeypatch.setattr(scrub_module, "render", real_render)
    resumed = scrub(Key.open(key.path, PASSPHRASE), corpus, out)
    assert resumed.ok, resumed.errors
    assert len(resumed.unchanged) == 1 and len(resumed.written) == 2


class _ContextShyDetector(FakeDetector):
    """Finds the word-name "Hope" only where it clearly acts as a person ("Hope said")."""

    def find(self, text: str) -> list[Span]:
        return [Span(m.start(), m.end(), "PERSON", "Hope", 1.0, "fake") for m in re.finditer(r"Hope(?= said)", text)]


def test_a_known_name_is_replaced_wherever_it_stands_capitalised(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Hope from the art group rang me. Hope said she was fine.\n", encoding="utf-8")
    (src / "b.txt").write_text("Hope and I went for a walk; I hope it helped.\n", encoding="utf-8")
    key = new_key(tmp_path)
    result = Scrubber(key, ScrubConfig(seed="s1"), detector=_ContextShyDetector()).scrub([src], tmp_path / "out")
    assert result.ok
    out_a = (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
    out_b = (tmp_path / "out" / "b.txt").read_text(encoding="utf-8")
    assert "Hope" not in out_a and "Hope" not in out_b
    assert "I hope it helped" in out_b  # the lower-case word is left alone
    pseudonym = out_a.split(" said")[0].split(". ")[-1]
    assert out_a.startswith(pseudonym + " from") and out_b.startswith(pseudonym + " and I")
    Restorer(Key.open(key.path, PASSPHRASE)).restore([tmp_path / "out"], tmp_path / "back")
    assert (tmp_path / "back" / "a.txt").read_bytes() == (src / "a.txt").read_bytes()
