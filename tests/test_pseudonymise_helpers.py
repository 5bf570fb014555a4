"""Shared helpers for the pseudonymisation tests: a detector with given spans, a fresh key.

The replacement layer is tested on spans we choose, independent of the detector's accuracy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from qualdeid.corpus import Document, InputError, Span
from qualdeid.pseudonymise import Key

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "scrub"
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


def new_key(tmp_path: Path) -> Key:
    """A fresh key outside any output folder (a cheaper KDF setting keeps the tests fast)."""
    return Key.create(tmp_path / "private" / "study.key", PASSPHRASE, n=2**14)


def assert_encrypted(key_path: Path, passphrase: str = PASSPHRASE) -> None:
    """The key file on disk opens with its passphrase only, and its body is no encoding of the payload."""
    import base64
    import json

    import pytest

    from qualdeid.pseudonymise import KeyFileError

    payload = json.dumps(Key.open(key_path, passphrase).data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        Key.open(key_path, passphrase + " but not quite")
    body = base64.b64decode(key_path.read_bytes().split(b"\n", 2)[2].strip())
    assert body[:-16] != payload and b'"identities"' not in body and b'"identities"' not in key_path.read_bytes()
    assert len(body) == len(payload) + 16  # AES-GCM: as long as the payload, plus its tag
