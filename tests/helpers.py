"""Helpers shared by test files: where the examples and fixtures are, a detector with given spans and a
fresh key for the pseudonymisation tests, both passes of the rare-detail processor over a few texts.

Test files import them (``from helpers import ...``); pytest fixtures are in ``conftest.py``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from qualdeid.corpus import Document, InputError, Span
from qualdeid.rules import Rules

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
QDA = FIXTURES / "qda"

# ---------------------------------------------------------------------------- order of the run

#: Test files that take longest (a browser, worker processes, the command line in a subprocess, a corpus
#: detected in a fixture), longest first: they start first, so that with xdist's ``--dist worksteal``
#: (pyproject.toml; tests/conftest.py moves them) both workers end on short tests and finish together.
#: Measured with ``--durations``.
SLOW_FIRST = (
    "tests/detect/test_pipeline.py",
    "tests/compose/test_compose_draft.py",
    "tests/report/test_report_browser.py",
    "tests/report/test_report_examples.py",  # beside the browser's: the same session fixture (examples_run)
    "tests/detect/places/test_never_identifiers.py",
    "tests/review/test_review_browser.py",
    "tests/detect/test_determinism.py",
    "tests/risk/test_risk_residual.py",
    "tests/cli/test_cli_scan.py",
    "tests/detect/nlp/test_nlp_speed.py",
    "tests/review/test_review_honoured.py",
    "tests/test_project_rules.py",
    "tests/cli/test_cli_exits.py",
    "tests/detect/recognizers/test_yaml_patterns.py",
    "tests/risk/test_risk_examples.py",
    "tests/detect/nlp/test_offline.py",
    "tests/detect/nlp/test_regex_gate.py",
)

# ---------------------------------------------------------------------------- pages in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
#: headless, and nothing that would reach the network
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)

# ---------------------------------------------------------------------------- pseudonymisation

#: The replacement layer is tested on spans we choose, independent of the detector's accuracy.
SCRUB_FIXTURES = FIXTURES / "scrub"
PASSPHRASE = "correct horse battery"

#: What the fake detector finds in the fixtures (exact strings, whole words).
FIXTURE_SPANS: dict[str, str] = {
    "Joshua Hale": "PERSON",
    "Josh's": "PERSON",
    "Josh": "PERSON",
    "josh": "PERSON",
    "Mr Hale": "PERSON",
    "Dr Okafor": "PERSON",
    "kev": "PERSON",
    "Kevin Doyle": "PERSON",
    "Kevin": "PERSON",
    "J.H.": "PERSON",
    "Sarah Jones": "PERSON",
    "Sarah Price": "PERSON",
    "Sarah": "PERSON",
    "Marrowbank Community Centre": "ORGANIZATION",
    "Quenby Street": "LOCATION",
    "Thursday 7 November 2024": "DATE_TIME",
    "34": "AGE",
    "0412 345 678": "CONTACT",
    "josh.hale@example.com": "CONTACT",
    "used to race pigeons": "RARE_DETAIL",
}


class FakeDetector:
    """Marks every whole-word occurrence of the given strings (longest first, no overlaps)."""

    def __init__(self, spans: dict[str, str] | None = None) -> None:
        self.spans = spans if spans is not None else FIXTURE_SPANS

    def find(self, text: str) -> list[Span]:
        found: list[Span] = []
        for needle in sorted(self.spans, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text):
                if not any(s.start < m.end() and m.start() < s.end for s in found):
                    found.append(Span(m.start(), m.end(), self.spans[needle], needle, 1.0, "fake"))
        return sorted(found, key=lambda s: s.start)

    def detect(self, corpus: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        for item in corpus:
            if isinstance(item, Document):
                item.spans = self.find(item.text)
            yield item


def new_key(tmp_path: Path):
    """A fresh key outside any output folder (a cheaper KDF setting keeps the tests fast)."""
    from qualdeid.pseudonymise import Key

    return Key.create(tmp_path / "private" / "study.key", PASSPHRASE, n=2**14)


def assert_encrypted(key_path: Path, passphrase: str = PASSPHRASE) -> None:
    """The key file on disk opens with its passphrase only, and its body is no encoding of the payload."""
    import base64
    import json

    import pytest

    from qualdeid.pseudonymise import Key, KeyFileError

    payload = json.dumps(Key.open(key_path, passphrase).data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        Key.open(key_path, passphrase + " but not quite")
    body = base64.b64decode(key_path.read_bytes().split(b"\n", 2)[2].strip())
    assert body[:-16] != payload and b'"identities"' not in body and b'"identities"' not in key_path.read_bytes()
    assert len(body) == len(payload) + 16  # AES-GCM: as long as the payload, plus its tag


# ---------------------------------------------------------------------------- rare details


@lru_cache(maxsize=1)
def _shared_rules() -> Rules:
    """One default Rules for the rare-detail helpers: its rare rules are read once per session (reading them
    for every test was most of the rare tests' time)."""
    return Rules()


def run(detector, texts: list[str], rules: Rules | None = None) -> list[list[Span]]:
    """Both passes over a small corpus, as the pipeline runs them: the details found (the doubts, which
    the pipeline takes out before the finaliser, are left out)."""
    from qualdeid.detect.rare.doubts import split
    from qualdeid.detect.rare.processor import RareDetailProcessor

    proc = RareDetailProcessor(rules or _shared_rules())
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    firsts = []
    for doc, sdoc in zip(docs, detector.nlp.pipe(texts), strict=True):
        candidates, observation = proc.first_pass(doc, sdoc, [])
        proc.observe(doc.id, observation)
        firsts.append(candidates)
    return [split(proc.second_pass(doc, c, []))[0] for doc, c in zip(docs, firsts, strict=True)]


def rare_details(detector, text: str) -> list[str]:
    """The texts of the rare details found in ``text`` alone, both passes run."""
    [spans] = run(detector, [text])
    return [s.text for s in spans if s.label == "RARE_DETAIL"]


def covered(text: str, phrase: str, spans: list[Span]) -> bool:
    """At least half of ``phrase`` lies inside RARE_DETAIL spans (the evaluation's entity recall)."""
    start = text.index(phrase)
    end = start + len(phrase)
    hit = sum(max(0, min(end, s.end) - max(start, s.start)) for s in spans if s.label == "RARE_DETAIL")
    return hit * 2 >= len(phrase)


def assert_found(detector, text: str, phrase: str, subtype: str | None) -> None:
    """``phrase`` of ``text`` is flagged, with ``subtype`` among the flagged details' subtypes."""
    [spans] = run(detector, [text])
    assert covered(text, phrase, spans), [s.text for s in spans]
    if subtype:
        assert subtype in {s.subtype for s in spans}


def finder_hits(detector, family: str, text: str) -> list[str]:
    """The phrases that one family of rare-detail finders (a name of ``rules/detect.yaml``) finds in
    ``text`` on its own, as the text of each hit's tokens, whatever their status."""
    from qualdeid.detect.rare.context import RareContext
    from qualdeid.detect.rare.lexicon import RareRules
    from qualdeid.detect.rare.processor import FINDERS

    rr = RareRules.load(_shared_rules())
    sdoc = detector.nlp(text)
    return [sdoc[h.start : h.end].text for h in FINDERS[family](rr).find(RareContext.read(sdoc, [], rr))]


def paragraph_of(draft, doc_id: str) -> tuple[str, list[dict]]:
    """The text of a composed draft's paragraph taken from ``doc_id`` and the changes made to it."""
    for p, f in zip(draft.paragraphs, draft.provenance["fragments"], strict=True):
        if f["document"] == doc_id:
            return p.text, f["changes"]
    raise AssertionError(f"{doc_id} not in the draft")


def targets_in_window(
    targets,
    text: str,
    spans: Iterable[tuple[str, str]] = (),
    corpus: Iterable[tuple[str, str]] = (),
    known: Iterable[str] = (),
    detector: str = "names",
) -> list[tuple[str, str]]:
    """What compose's ``Targets`` replaces in ``text``: ``spans`` as detection gave them, ``corpus`` as the
    identifiers other accounts hold, ``known`` the names compose already knows."""
    from qualdeid.risk.identifiers import IdentifierIndex

    doc = Document("d", text)
    for value, label in spans:
        start = text.index(value)
        doc.spans.append(Span(start, start + len(value), label, value, detector=detector))
    index = IdentifierIndex()
    for value, label in corpus:
        index.add(value, label, "other account")
    return [(text[t.start : t.end], t.label) for t in targets.in_window(doc, 0, len(text), index, None, list(known))]


# ---------------------------------------------------------------------------- pattern recognisers


@lru_cache(maxsize=1)
def _pattern_recognizers() -> dict:
    from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers

    return {r.name: r for r in load_pattern_recognizers(Rules())}


def pattern_found(name: str, text: str) -> list[str]:
    """What the YAML pattern recogniser ``name`` (rules/recognizers/*.yaml) finds in ``text``, sorted."""
    recognizer = _pattern_recognizers()[name]
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities))


def compose_each_part(detector, parts: list[str], code: str) -> list:
    """Each part as the one coded segment of its own document ("Entry N" above it), composed alone as a
    whole paragraph ("she"), in document order: the paragraphs, their changes with them."""
    from qualdeid.compose import Composer, load_compose_config
    from qualdeid.compose.cast import Cast
    from qualdeid.compose.names import NamePicker
    from qualdeid.compose.select import Cut
    from qualdeid.corpus.model import Document, Segment

    docs = []
    for i, part in enumerate(parts):
        text = f"Entry {i + 1}\n{part}\n"
        start = text.index(part)
        docs.append(Document(f"d{i}", text, segments=[Segment(start, start + len(part), [code])]))
    composer = Composer(detector, load_compose_config())
    corpus = composer.prepare(docs)
    out = []
    for frag in sorted(corpus.every, key=lambda f: f.doc_id):
        cast = Cast(NamePicker("en_AU", composer.config, seed=1, exclude=corpus.names), "she", None)
        out.append(composer.paragraph(corpus, Cut(frag, 0, len(frag.sentences) - 1, 0), cast, "she"))
    return out
