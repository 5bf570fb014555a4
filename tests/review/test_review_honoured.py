"""One decision, honoured everywhere: scan, scrub, compose and risk follow ``DIR/decisions.yaml`` when run
with ``--rules DIR``, on every later run; a decision whose text changed is reported, never misapplied."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from qualdeid.cli import main
from qualdeid.compose import Composer, load_compose_config
from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.decisions import KEEP, REPLACE, Decision, Decisions, Identity, Occurrence
from qualdeid.detect import DetectConfig, Detector
from qualdeid.pseudonymise.key import PASSPHRASE_ENV, Key

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DIARIES = FIXTURES / "review"
PASS = "a passphrase for review tests"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def occurrences(folder: Path, word: str) -> list[Occurrence]:
    """Every whole-word occurrence of ``word`` in the folder's documents."""
    out = []
    for doc in Corpus([folder]):
        assert isinstance(doc, Document)
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", doc.text):
            out.append(Occurrence.of(doc.id, doc.text, m.start(), m.end()))
    return out


def spans_of(result: Result) -> dict[str, list[tuple[str, str]]]:
    return {r["id"]: [(s["text"], s["label"]) for s in r["spans"]] for r in map(json.loads, result.stdout.splitlines())}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "diaries"
    shutil.copytree(DIARIES, folder)
    return folder


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    folder = tmp_path / "our-rules"
    folder.mkdir()
    return folder


def test_scan_follows_the_decisions_on_every_later_run(corpus: Path, rules: Path) -> None:
    before = spans_of(run("scan", str(corpus), "--format", "jsonl", "--quiet"))
    assert ("Pellowmere House", "LOCATION") in before["monday.txt"]
    assert not any(t == "tamsk" for t, _ in before["wednesday.txt"])
    store = Decisions.for_folder(rules)
    store.put([Decision(o, REPLACE, "PERSON", added=True) for o in occurrences(corpus, "tamsk")])
    store.put([Decision(o, KEEP) for o in occurrences(corpus, "Pellowmere House")])
    for _ in range(2):  # a decision is not used up
        after = run("scan", str(corpus), "--format", "jsonl", "--quiet", "--rules", str(rules))
        assert after.exit_code == 0, after.stderr
        spans = spans_of(after)
        assert [t for t, lab in spans["wednesday.txt"] if t == "tamsk"] == ["tamsk"] * 3
        assert not any(t == "Pellowmere House" for t, _ in spans["monday.txt"])
        review = [i for r in map(json.loads, after.stdout.splitlines()) for i in r["review"]]
        assert not any(i["text"] in ("tamsk", "Pellowmere House") for i in review)  # decided: not asked again


def test_an_edited_document_reports_its_decisions_as_stale(corpus: Path, rules: Path) -> None:
    Decisions.for_folder(rules).put([Decision(o, REPLACE, "PERSON") for o in occurrences(corpus, "tamsk")])
    wednesday = corpus / "wednesday.txt"
    wednesday.write_text(wednesday.read_text().replace("Letting tamsk choose", "Letting tamsk pick"))
    result = run("scan", str(corpus), "--format", "jsonl", "--quiet", "--rules", str(rules))
    assert result.exit_code == 0
    assert [t for t, _ in spans_of(result)["wednesday.txt"] if t == "tamsk"] == ["tamsk", "tamsk"]
    warning = [line for line in result.stderr.splitlines() if "review decision" in line]
    assert len(warning) == 1 and "1 review decision(s)" in warning[0] and "wednesday.txt" in warning[0]
    assert "tamsk" not in result.stderr


def scrub(corpus: Path, out: Path, key: Path, rules: Path | None, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.setenv(PASSPHRASE_ENV, PASS)
    extra = ["--rules", str(rules)] if rules else []
    return run("scrub", str(corpus), "-o", str(out), "--key", str(key), "--seed", "5", "--quiet", *extra)


def replacement(key: Key, doc_id: str, original: str, out_text: str, nth: int = 0) -> str:
    """What scrub wrote for the ``nth`` replaced ``original`` of a document (from the key's log)."""
    edits = next(v["edits"] for k, v in key.documents.items() if k.split("\x1f")[1] == doc_id)
    found = [e for e in edits if e[4] == original]
    return out_text[found[nth][0] : found[nth][1]]


def test_scrub_follows_kept_added_and_identity_decisions(
    corpus: Path, rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain"
    result = scrub(corpus, plain, tmp_path / "plain.key", None, monkeypatch)
    assert result.exit_code == 0, result.stderr
    assert "tamsk" in (plain / "wednesday.txt").read_text()
    assert "Pellowmere House" not in (plain / "monday.txt").read_text()
    audit = json.loads((plain / "qualdeid-audit.json").read_text())
    flag = next(f for f in audit["review"] if f["kind"] == "ambiguous_first_name")
    assert "qualdeid review" in flag["decide"] and "decisions.yaml" in flag["decide"]  # the flag says how
    assert flag["resolved"] is False and audit["summary"]["review_flags_resolved"] == 0
    assert audit["versions"]["qualdeid"] and audit["versions"]["spaCy"]  # for the report's methods paragraph

    store = Decisions.for_folder(rules)
    store.put([Decision(o, REPLACE, "PERSON", added=True) for o in occurrences(corpus, "tamsk")])
    store.put([Decision(o, KEEP) for o in occurrences(corpus, "Pellowmere House")])
    tuesday_rosalind = occurrences(corpus, "Rosalind Okafor-Lynd")[0]
    wednesday_rosalind = next(o for o in occurrences(corpus, "Rosalind") if o.doc == "wednesday.txt")
    wednesday_will = next(o for o in occurrences(corpus, "Will") if o.doc == "wednesday.txt")
    store.set_identities(
        [
            Identity("Rosalind O-L", [tuesday_rosalind, wednesday_rosalind]),  # merge
            Identity("Will (the neighbour)", [wednesday_will]),  # split from Will Ashby
        ]
    )
    out, key_path = tmp_path / "decided", tmp_path / "decided.key"
    result = scrub(corpus, out, key_path, rules, monkeypatch)
    assert result.exit_code == 0, result.stderr
    texts = {p.name: p.read_text() for p in out.glob("*.txt")}
    assert "tamsk" not in texts["wednesday.txt"]
    assert "Pellowmere House" in texts["monday.txt"]
    key = Key.open(key_path, PASS)
    okafor = replacement(key, "tuesday.txt", "Rosalind Okafor-Lynd", texts["tuesday.txt"])
    assert replacement(key, "wednesday.txt", "Rosalind", texts["wednesday.txt"]) == okafor.split()[0]
    ashby = replacement(key, "monday.txt", "Will Ashby", texts["monday.txt"])
    neighbour = replacement(key, "wednesday.txt", "Will", texts["wednesday.txt"])
    assert neighbour != ashby.split()[0]
    assert replacement(key, "tuesday.txt", "Will", texts["tuesday.txt"]) == ashby.split()[0]  # the rest as before
    audit = json.loads((out / "qualdeid-audit.json").read_text())
    assert audit["summary"]["review_decisions"]["stale"] == 0
    assert audit["summary"]["review_decisions"]["applied"] >= 3 + 1 + 3
    flag = next(f for f in audit["review"] if f["kind"] == "ambiguous_first_name")
    assert flag["resolved"] is True and audit["summary"]["review_flags_resolved"] >= 1  # the split settled it
    assert "tamsk" not in json.dumps(audit) and "Rosalind" not in json.dumps(audit)


def test_risk_follows_the_decisions(corpus: Path, rules: Path, tmp_path: Path) -> None:
    vignette = tmp_path / "vignette.md"
    vignette.write_text("They cooked with tamsk most weeks, and someone from Pellowmere House came along.\n")
    before = run("risk", str(vignette), "--corpus", str(corpus), "--format", "json")
    findings = json.loads(before.stdout)["findings"]
    residual = {f["matched"] for f in findings if f["check"] == "residual_identifier"}
    assert "Pellowmere House" in residual and "tamsk" not in residual
    store = Decisions.for_folder(rules)
    store.put([Decision(o, REPLACE, "PERSON", added=True) for o in occurrences(corpus, "tamsk")])
    store.put([Decision(o, KEEP) for o in occurrences(corpus, "Pellowmere House")])
    after = run("risk", str(vignette), "--corpus", str(corpus), "--format", "json", "--rules", str(rules))
    residual = {f["matched"] for f in json.loads(after.stdout)["findings"] if f["check"] == "residual_identifier"}
    assert "tamsk" in residual and "Pellowmere House" not in residual
    assert after.exit_code == 4


def test_compose_follows_the_decisions(tmp_path: Path, detector: Detector) -> None:
    diaries = FIXTURES / "qda" / "diaries.jsonl"
    docs = [d for d in Corpus([diaries]) if isinstance(d, Document)]
    plain = Composer(detector, load_compose_config())
    draft = plain.compose(docs, ["trust_building"], sources=3, words=120, seed=7)
    detected = {d.id: d for d in detector.detect(docs) if isinstance(d, Document)}
    # a person named in a fragment, not its subject (named once there), whom the draft replaced
    people = [
        s.text
        for f in draft.fragments
        for s in detected[f.doc_id].spans
        if s.label == "PERSON" and f.start <= s.start and s.end <= f.end and " " not in s.text
    ]
    name = next(p for p in people if people.count(p) == 1 and p not in draft.text)
    rules = tmp_path / "rules"
    rules.mkdir()
    kept = [
        Decision(Occurrence.of(d.id, d.text, m.start(), m.end()), KEEP)
        for d in docs
        for m in re.finditer(rf"\b{name}\b", d.text)
    ]
    Decisions.for_folder(rules).put(kept)  # the researcher: not an identifier, wherever it stands
    decided = Composer(Detector(DetectConfig(rules_dirs=[rules])), load_compose_config([rules]))
    # compose replaces what its corpus's detection found anywhere: the name, until it was decided
    assert name in {i.value for i in plain.prepare(docs).index.values()}
    corpus = decided.prepare(docs)
    assert name not in {i.value for i in corpus.index.values()}
    mentioned = {d.text[m.start : m.end] for d in docs for m in corpus.people.mentions_in(d.id)}
    assert name not in mentioned  # nor a person of the cast
