"""Round 29 classes of rare details (invented texts): how long a detail lasted is part of it, a detail whose only
rare word is a person's name is none, and a detail does not open with the conjunction that joined it."""

from __future__ import annotations

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import _trim_detail
from qualdeid.detect.rare.processor import RareCandidate, _rare_only_in_names
from qualdeid.labels import PERSON, RARE_DETAIL


def _rare(detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect_text(text).spans if s.label == RARE_DETAIL]


def test_a_stretch_of_time_closing_a_detail_stays_with_it(detector) -> None:
    text = "Her nan Maebh was a lamplighter for eleven years."
    assert "was a lamplighter for eleven years" in _rare(detector, text)


def test_a_stretch_of_time_elsewhere_is_still_cut_off(detector) -> None:
    # no "for": the years are no length of the detail's own
    assert all("years" not in d for d in _rare(detector, "Eleven years ago her nan Maebh was a lamplighter."))
    # a longer detail says enough without them
    assert "was a deep-sea cable splicer" in _rare(detector, "He was a deep-sea cable splicer for eight years.")


def _candidate(text: str, phrase: str, keys: tuple[str, ...]) -> RareCandidate:
    start = text.index(phrase)
    return RareCandidate(start=start, end=start + len(phrase), label=RARE_DETAIL, key_terms=keys)


def _person(text: str, name: str) -> Span:
    start = text.index(name)
    return Span(start=start, end=start + len(name), label=PERSON, detector="names")


def test_a_detail_rare_only_by_a_name_is_none() -> None:
    text = "I rang Quorvel about the van."
    c = _candidate(text, "rang Quorvel about the van", ("quorvel",))
    assert _rare_only_in_names(text, c, [_person(text, "Quorvel")])
    # the name not found as a person, or a rare word of the detail beside it: the detail stays
    assert not _rare_only_in_names(text, c, [])
    # a word in lower case is no name, however the name rules read it
    text = "He used to play theorbo professionally."
    c = _candidate(text, "used to play theorbo professionally", ("theorbo",))
    assert not _rare_only_in_names(text, c, [_person(text, "theorbo")])
    text = "She breeds ferrets with Quorvel."
    c = _candidate(text, "breeds ferrets with Quorvel", ("ferret", "ferrets", "quorvel"))
    assert not _rare_only_in_names(text, c, [_person(text, "Quorvel")])


def test_a_detail_does_not_open_with_its_conjunction() -> None:
    text = "She came over young and was one of the first women tram drivers."
    start = text.index("and was")
    span = Span(start=start, end=len(text) - 1, label=RARE_DETAIL)
    trimmed = _trim_detail(text, span)
    assert text[trimmed.start : trimmed.end] == "was one of the first women tram drivers"
