"""Full names written surname first, as Vietnamese, Hungarian and other languages write them (issue 13,
class d): the listed surname before the given name is part of the name. Invented people."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people(detector, *texts: str) -> list[str]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [d.text[s.start : s.end] for d in docs for s in d.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Later Nguyễn Thị Lan came with her son.", "Nguyễn Thị Lan"),
        ("Later Phạm Thị Lan rang about the rent.", "Phạm Thị Lan"),
    ],
)
def test_a_surname_written_before_the_given_names_is_part_of_the_name(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


def test_an_organisation_named_after_people_stays_out(detector) -> None:
    assert not any(p.startswith("Patel Sam") for p in people(detector, "The Patel Sam Trust paid for the trip."))
