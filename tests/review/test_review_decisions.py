"""The review decisions store (``DIR/decisions.yaml``): keyed occurrences, stale detection, atomic saves,
and detection applying the decisions of a rules folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from qualdeid.corpus.model import Document, Span
from qualdeid.decisions import (
    FILE_NAME,
    KEEP,
    REPLACE,
    Decision,
    Decisions,
    DecisionsError,
    Identity,
    Occurrence,
)
from qualdeid.detect import DetectConfig, Detector

TEXT = "Met Orrin at the café. Later Orrin said the kiln was fixed, and Pim laughed."


def at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return i, i + len(word)


def test_an_occurrence_is_found_where_it_was_decided() -> None:
    occ = Occurrence.of("d1", TEXT, *at(TEXT, "Orrin", 1))
    assert occ.locate(TEXT) == at(TEXT, "Orrin", 1)
    assert occ.locate(TEXT) != at(TEXT, "Orrin", 0)  # the same word elsewhere is another occurrence


def test_an_edit_elsewhere_moves_the_decision_with_its_text() -> None:
    occ = Occurrence.of("d1", TEXT, *at(TEXT, "Pim"))
    edited = "A new first sentence was added. " + TEXT
    assert occ.locate(edited) == at(edited, "Pim")


@pytest.mark.parametrize(
    "edited",
    [
        TEXT.replace("and Pim laughed", "and Pim frowned"),  # the words around it changed
        TEXT.replace("Pim", "Pam"),  # the text itself changed
        TEXT.replace(", and Pim laughed.", "."),  # gone
    ],
)
def test_a_decision_whose_text_changed_is_stale_and_not_applied(edited: str) -> None:
    occ = Occurrence.of("d1", TEXT, *at(TEXT, "Pim"))
    assert occ.locate(edited) is None
    decisions = Decisions([Decision(occ, REPLACE, "PERSON")])
    doc = Document("d1", edited, [])
    assert decisions.apply(doc) == []
    assert [s.doc for s in decisions.stale] == ["d1"]
    summary = decisions.stale_summary()
    assert summary is not None and "d1" in summary and "Pim" not in summary  # ids only, never the text


def test_apply_keeps_replaces_and_leaves_other_documents_alone() -> None:
    orrin, kiln = at(TEXT, "Orrin", 1), at(TEXT, "kiln")
    spans = [Span(*at(TEXT, "Orrin"), "PERSON", "Orrin"), Span(*orrin, "PERSON", "Orrin")]
    decisions = Decisions(
        [
            Decision(Occurrence.of("d1", TEXT, *orrin), KEEP),
            Decision(Occurrence.of("d1", TEXT, *kiln), REPLACE, "RARE_DETAIL"),
        ]
    )
    applied = decisions.apply(Document("d1", TEXT, spans))
    assert [(s.start, s.end, s.label, s.detector) for s in applied] == [
        (*at(TEXT, "Orrin"), "PERSON", ""),
        (*kiln, "RARE_DETAIL", "review"),
    ]
    assert applied[1].text == "kiln"
    other = Document("d2", TEXT, list(spans))
    assert decisions.apply(other) == spans
    assert decisions.applied == 2 and not decisions.stale


def test_a_kept_word_leaves_the_rare_detail_around_it() -> None:
    """Deciding that a word is no name removes what was found on it, a full name too ("the researcher:
    not an identifier, wherever it stands"), but not a rare detail that reaches beyond the word: the
    detail was found for more than the word."""
    text = "Will Kestrel came by. Will rebuilt a harpsichord for the Abbotsleigh chapel."
    detail = at(text, "rebuilt a harpsichord for the Abbotsleigh chapel")
    spans = [
        Span(*at(text, "Will Kestrel"), "PERSON", "Will Kestrel"),
        Span(*at(text, "Will", 1), "PERSON", "Will"),
        Span(*detail, "RARE_DETAIL", text[slice(*detail)]),
    ]
    kept = [at(text, "Will"), at(text, "Will", 1), at(text, "harpsichord")]
    decisions = Decisions([Decision(Occurrence.of("d1", text, *where), KEEP) for where in kept])
    applied = decisions.apply(Document("d1", text, spans))
    assert [s.text for s in applied] == [text[slice(*detail)]]
    whole = Decisions([Decision(Occurrence.of("d1", text, *detail), KEEP)])
    assert [s.label for s in whole.apply(Document("d1", text, spans))] == ["PERSON", "PERSON"]


def test_a_name_replaced_inside_a_rare_detail_cuts_the_detail_around_it() -> None:
    """A name the reviewer adds inside a detail keeps its own label, and the detail stays on either side of
    it (as detection splits a detail around a name), instead of being removed with the name's words."""
    text = "Nobody knew she once ran the Quillberry ferry across the estuary every summer."
    detail = at(text, "ran the Quillberry ferry across the estuary")
    name = at(text, "Quillberry")
    spans = [Span(*detail, "RARE_DETAIL", text[slice(*detail)])]
    decisions = Decisions([Decision(Occurrence.of("d1", text, *name), REPLACE, "ORGANIZATION", added=True)])
    applied = decisions.apply(Document("d1", text, spans))
    assert [(s.text, s.label) for s in applied] == [
        ("ran the", "RARE_DETAIL"),
        ("Quillberry", "ORGANIZATION"),
        ("ferry across the estuary", "RARE_DETAIL"),
    ]
    straddling = Decisions([Decision(Occurrence.of("d1", text, *at(text, "estuary every summer")), KEEP)])
    assert [s.text for s in straddling.apply(Document("d1", text, spans))] == [text[slice(*detail)]]
    whole = Decisions([Decision(Occurrence.of("d1", text, *detail), REPLACE, "RARE_DETAIL")])
    assert [(s.label, s.detector) for s in whole.apply(Document("d1", text, spans))] == [("RARE_DETAIL", "review")]


def test_the_store_saves_at_once_atomically_and_reads_back(tmp_path: Path) -> None:
    store = Decisions.for_folder(tmp_path)
    pim = Occurrence.of("d1", TEXT, *at(TEXT, "Pim"))
    undo = store.put([Decision(pim, REPLACE, "PERSON", "person:pim", "2026-01-01T00:00:00+00:00", added=True)])
    path = tmp_path / FILE_NAME
    assert path.is_file()
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]  # no temporary file left behind
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Review decisions") and "never share it" in text
    data = yaml.safe_load(text)
    assert data["occurrences"][0] == {
        "doc": "d1",
        "text": "Pim",
        "at": pim.at,
        "context": pim.context,
        "decision": "replace",
        "label": "PERSON",
        "added": True,
        "group": "person:pim",
        "decided": "2026-01-01T00:00:00+00:00",
    }
    again = Decisions.load([tmp_path])
    assert again.get(pim) == store.get(pim)
    store.restore(undo)
    assert Decisions.load([tmp_path]).get(pim) is None


def test_a_later_decision_on_the_same_text_replaces_the_earlier(tmp_path: Path) -> None:
    store = Decisions.for_folder(tmp_path)
    pim = Occurrence.of("d1", TEXT, *at(TEXT, "Pim"))
    store.put([Decision(pim, REPLACE, "PERSON")])
    undo = store.put([Decision(pim, KEEP)])
    assert len(store) == 1 and store.get(pim).action == KEEP
    store.restore(undo)
    assert store.get(pim).action == REPLACE


def test_identities_pin_mentions_and_report_stale_ones() -> None:
    first, second = at(TEXT, "Orrin", 0), at(TEXT, "Orrin", 1)
    store = Decisions(
        identities=[Identity("Orrin (the potter)", [Occurrence.of("d1", TEXT, *second)]), Identity("x", [])]
    )
    assert store.identity_pins(Document("d1", TEXT)) == {second: "Orrin (the potter)"}
    assert first not in store.identity_pins(Document("d1", TEXT))
    store.identity_pins(Document("d1", TEXT.replace("Later Orrin said", "Then Orrin said")))
    assert [(s.doc, s.kind) for s in store.stale] == [("d1", "identity")]


@pytest.mark.parametrize(
    "content",
    [
        "occurrences: [\n",  # not YAML
        "- a list\n",  # not a mapping
        "occurrences:\n  - {doc: d1, text: Pim, at: 3, context: abc, decision: maybe}\n",
        "occurrences:\n  - {doc: d1, text: Pim, at: 3, context: abc, decision: replace, label: NAME}\n",
        "occurrences:\n  - {doc: d1, at: 3, context: abc, decision: keep}\n",
    ],
)
def test_a_broken_file_is_refused_with_its_name_and_what_to_do(tmp_path: Path, content: str) -> None:
    (tmp_path / FILE_NAME).write_text(content, encoding="utf-8")
    with pytest.raises(DecisionsError) as e:
        Decisions.load([tmp_path])
    message = str(e.value)
    assert str(tmp_path / FILE_NAME) in message and "fix or remove" in message
    assert "Pim" not in message


def test_detection_applies_the_decisions_of_its_rules_folders(tmp_path: Path, detector: Detector) -> None:
    text = "Spent the afternoon with Corvina Ashgrove at the old boathouse, fixing oars."
    plain = detector.detect_text(text, "notes.txt")
    name = next(s for s in plain.spans if s.text == "Corvina Ashgrove")
    assert not any(s.text == "old boathouse" for s in plain.spans)
    store = Decisions.for_folder(tmp_path)
    store.put(
        [
            Decision(Occurrence.of("notes.txt", text, name.start, name.end), KEEP),
            Decision(Occurrence.of("notes.txt", text, *at(text, "old boathouse")), REPLACE, "LOCATION"),
        ]
    )
    decided = Detector(DetectConfig(rules_dirs=[tmp_path])).detect_text(text, "notes.txt")
    assert [(s.text, s.label, s.detector) for s in decided.spans if s.label != "DATE_TIME"] == [
        ("old boathouse", "LOCATION", "review")
    ]
    raw = Detector(DetectConfig(rules_dirs=[tmp_path], apply_decisions=False)).detect_text(text, "notes.txt")
    assert any(s.text == "Corvina Ashgrove" for s in raw.spans)


def test_files_are_never_left_half_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Decisions.for_folder(tmp_path)
    store.put([Decision(Occurrence.of("d1", TEXT, *at(TEXT, "Pim")), KEEP)])
    before = (tmp_path / FILE_NAME).read_bytes()

    def crash(*a: object, **k: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.put([Decision(Occurrence.of("d1", TEXT, *at(TEXT, "kiln")), REPLACE, "RARE_DETAIL")])
    assert (tmp_path / FILE_NAME).read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]
