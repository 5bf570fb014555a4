"""Property tests (hypothesis): the replacement engine and the replacement map, on generated texts and spans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import FakeDetector
from qualdeid.corpus import Document
from qualdeid.edits import Edit, OffsetMap, apply_edits, reverse_edits
from qualdeid.pseudonymise.identity import TITLES, Mention
from qualdeid.pseudonymise.key import Key
from qualdeid.pseudonymise.planner import Planner
from qualdeid.pseudonymise.policy import Policy
from qualdeid.pseudonymise.surrogates import nickname_table

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def text_with_edits(draw):
    text = draw(st.text(min_size=0, max_size=200))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a < b and (not edits or a >= edits[-1].end):
            edits.append(Edit(a, b, draw(st.text(max_size=12)), "X"))
    return text, edits


@SETTINGS
@given(text_with_edits(), st.data())
def test_untouched_text_and_segments_map_exactly(case, data) -> None:
    text, edits = case
    new, applied = apply_edits(text, edits)
    offsets = OffsetMap(applied)
    edges = [0] + [x for e in edits for x in (e.start, e.end)] + [len(text)]
    for a, b in zip(edges[::2], edges[1::2], strict=True):  # every untouched stretch, where it moved to
        assert new[offsets.start(a) : offsets.end(b)] == text[a:b]
    for a in applied:
        assert new[a.out_start : a.out_end] == a.new and text[a.start : a.end] == a.original
    # a segment whose edges are outside replacements covers exactly the replaced version of its text
    outside = [i for i in range(len(text) + 1) if not any(e.start < i < e.end for e in edits)]
    s, e = sorted((data.draw(st.sampled_from(outside)), data.draw(st.sampled_from(outside))))
    inner = [Edit(x.start - s, x.end - s, x.new) for x in edits if s <= x.start and x.end <= e]
    assert new[offsets.start(s) : offsets.end(e)] == apply_edits(text[s:e], inner)[0]
    # and the log reverses it exactly
    back, _ = apply_edits(new, reverse_edits([a.to_log() for a in applied]))
    assert back == text


NAMES = (
    st.text(alphabet=st.characters(categories=["Lu", "Ll"], max_codepoint=0x24F), min_size=3, max_size=9)
    .map(str.capitalize)
    .filter(lambda w: w.isalpha() and w.istitle() and w.lower() not in TITLES.names)
    .filter(lambda w: w.lower() not in nickname_table())
)
FILLER = st.text(alphabet=st.characters(categories=["Ll", "Zs", "Po", "So", "Nd"]), max_size=15)


@st.composite
def corpus_with_names(draw):
    people = draw(st.lists(NAMES, min_size=1, max_size=5, unique_by=str.lower))
    places = draw(st.lists(NAMES, min_size=0, max_size=3, unique_by=str.lower))
    places = [p for p in places if p.lower() not in {x.lower() for x in people}]
    names = people + places
    docs = []
    for _ in range(draw(st.integers(1, 3))):
        parts = []
        for _ in range(draw(st.integers(1, 8))):
            parts.append(draw(FILLER))
            parts.append(draw(st.sampled_from(names)))
        docs.append(" ".join([*parts, draw(FILLER)]))
    return people, places, docs


@pytest.fixture(scope="module")
def key_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the keys would go (they are never written): pytest's own temporary folder, not a new one per run."""
    return tmp_path_factory.mktemp("keys")


@SETTINGS
@given(case=corpus_with_names(), locale=st.sampled_from(["en_GB", "en_AU", "en_US"]))
def test_no_detected_value_survives_and_replacements_are_consistent(key_dir: Path, case, locale) -> None:
    people, places, texts = case
    found = {p: "PERSON" for p in people} | {p: "LOCATION" for p in places}
    detector = FakeDetector(found)
    key = Key.create(key_dir / "k", "a long passphrase", n=2)
    planner = Planner(key, Policy.load(), locale)
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    for d in docs:
        d.spans = detector.find(d.text)
    planner.reduce(Mention(d.id, s.start, s.end, s.label, s.text) for d in docs for s in d.spans)
    replacement_of: dict[str, set[str]] = {}
    for d in docs:
        plan = planner.plan(d.id, [Mention(d.id, s.start, s.end, s.label, s.text) for s in d.spans])
        new, applied = apply_edits(d.text, plan.edits)
        for name in found:
            assert not re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", new), (name, new)
        for a in applied:
            replacement_of.setdefault(a.original, set()).add(a.new)
    assert all(len(v) == 1 for v in replacement_of.values())  # one value, one replacement, corpus-wide
    values = [next(iter(v)) for v in replacement_of.values()]
    assert len(set(values)) == len(values)  # two values never share one
