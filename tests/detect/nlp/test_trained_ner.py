"""The switch between the stock and a fine-tuned entity recogniser (``QUALDEID_NER``), with stand-in weights:
the stock recogniser's own, copied into a folder with a manifest (as ``tools/train_ner.py`` writes it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from qualdeid.corpus.model import Document
from qualdeid.detect.nlp import trained_ner
from qualdeid.detect.nlp.loading import resolve_model_name
from qualdeid.detect.nlp.presidio import PreloadedSpacyNlpEngine
from qualdeid.detect.nlp.trained_ner import (
    ADDED,
    Additions,
    TrainedNerError,
    added_entities,
    check_weights,
    mode,
    use_trained_ner,
    write_manifest,
)

TEXT = "Hemi Parata met Dr Ilse Vandersloot at the Kaiwaka library on 3 March, then drove to Tokoroa."


@pytest.fixture(scope="module")
def model_path() -> str:
    return resolve_model_name("en_core_web_sm")


@pytest.fixture(scope="module")
def weights(tmp_path_factory: pytest.TempPathFactory, model_path: str) -> Path:
    nlp = spacy.load(model_path, exclude=["parser", "senter"])
    folder = tmp_path_factory.mktemp("weights")
    nlp.get_pipe("ner").to_disk(folder, exclude=["vocab"])
    write_manifest(folder, base_model=f"{nlp.meta['name']} {nlp.meta['version']}", trained={})
    return folder


def _load(model_path: str, monkeypatch: pytest.MonkeyPatch, chosen: str, folder: Path) -> Language:
    monkeypatch.setenv(trained_ner.MODE_ENV, chosen)
    monkeypatch.setenv(trained_ner.DIR_ENV, str(folder))
    nlp = spacy.load(model_path)
    use_trained_ner(nlp, model_path)
    return nlp


def test_mode_is_read_from_the_environment_and_unknown_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(trained_ner.MODE_ENV, raising=False)
    assert mode() is None
    monkeypatch.setenv(trained_ner.MODE_ENV, "Add")
    assert mode() == "add"
    monkeypatch.setenv(trained_ner.MODE_ENV, "both")
    with pytest.raises(TrainedNerError, match="QUALDEID_NER"):
        mode()


def test_by_default_weights_of_another_pipeline_are_not_used(
    model_path: str, weights: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for f in (*trained_ner.FILES, trained_ner.MANIFEST):
        (tmp_path / f).write_bytes((weights / f).read_bytes())
    manifest = tmp_path / trained_ner.MANIFEST
    manifest.write_text(manifest.read_text().replace("3.8.0", "3.7.1"))
    monkeypatch.delenv(trained_ner.MODE_ENV, raising=False)
    monkeypatch.setenv(trained_ner.DIR_ENV, str(tmp_path))
    nlp = spacy.load(model_path)
    use_trained_ner(nlp, model_path)
    assert "qualdeid_added_entities" not in nlp.pipe_names
    monkeypatch.setenv(trained_ner.DIR_ENV, str(weights))
    use_trained_ner(nlp, model_path)
    assert "qualdeid_added_entities" in nlp.pipe_names


def test_stock_mode_leaves_the_pipeline_alone(model_path: str, weights: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = _load(model_path, monkeypatch, "stock", weights)
    assert "qualdeid_added_entities" not in nlp.pipe_names
    assert ADDED not in nlp(TEXT).spans


def test_add_mode_keeps_the_stock_entities_and_adds_only_where_none_is(
    model_path: str, weights: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stock = spacy.load(model_path)(TEXT)
    doc = _load(model_path, monkeypatch, "add", weights)(TEXT)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in stock.ents]
    assert [t.ent_iob_ for t in doc] == [t.ent_iob_ for t in stock]
    # the same weights twice: everything they find, the stock recogniser found already
    assert ADDED in doc.spans and added_entities(doc) == []


def test_additions_reach_presidio_beside_the_stock_entities(model_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.load(model_path)
    doc = nlp("Notes from the visit, then lunch at the Kowhai cafe.")
    start = doc.text.index("Kowhai")
    extra = doc.char_span(start, start + len("Kowhai"), label="FAC")
    own = [(e.start, e.end, e.label_) for e in doc.ents]
    doc.spans[ADDED] = [extra]
    artifacts = PreloadedSpacyNlpEngine(nlp)._doc_to_nlp_artifact(doc, "en")
    found = [(e.start_char, e.end_char, e.label_) for e in artifacts.entities]
    assert (extra.start_char, extra.end_char, "LOCATION") in found  # mapped as a stock FAC is
    assert len(artifacts.scores) == len(artifacts.entities) == len(own) + 1
    assert [(e.start, e.end, e.label_) for e in doc.ents] == own


def test_replace_mode_loads_the_weights_into_the_stock_component(
    model_path: str, weights: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = _load(model_path, monkeypatch, "replace", weights)
    assert "qualdeid_added_entities" not in nlp.pipe_names
    assert [e.text for e in nlp(TEXT).ents] == [e.text for e in spacy.load(model_path)(TEXT).ents]


def test_damaged_or_foreign_weights_are_refused(weights: Path, tmp_path: Path) -> None:
    pipeline = spacy.load(resolve_model_name("en_core_web_sm"), exclude=["parser", "senter"]).meta
    name = f"{pipeline['name']} {pipeline['version']}"
    check_weights(weights, name)
    with pytest.raises(TrainedNerError, match="trained from"):
        check_weights(weights, "en_core_web_lg 3.8.0")
    for f in (*trained_ner.FILES, trained_ner.MANIFEST):
        (tmp_path / f).write_bytes((weights / f).read_bytes())
    (tmp_path / "moves").write_bytes((weights / "moves").read_bytes() + b"\0")
    with pytest.raises(TrainedNerError, match="damaged"):
        check_weights(tmp_path, name)
    with pytest.raises(TrainedNerError, match="cannot be read"):
        check_weights(tmp_path / "missing", name)


def _additions(doc: Doc, *spans: tuple[str, str]) -> list[str]:
    """What ``Additions`` keeps of the given (text, label) additions, on a document without stock entities."""
    doc.ents = []
    doc.spans[ADDED] = [doc.char_span(doc.text.index(t), doc.text.index(t) + len(t), label=label) for t, label in spans]
    keep = Additions(
        frozenset({"saw", "welsh", "heron", "bakery", "grace"}),
        frozenset({"saw", "welsh"}),
        is_name=lambda w: w.lower() in {"grace", "ffion"},
        is_term=lambda w: w.lower() == "whanau",
    )
    return [e.text for e in keep(doc)]


@pytest.fixture(scope="module")
def stock(model_path: str) -> Language:
    return spacy.load(model_path)


def test_dictionary_words_are_trimmed_from_the_ends_of_an_addition(stock: Language) -> None:
    assert _additions(stock("Saw Ffion Prydderch at noon."), ("Saw Ffion Prydderch", "PERSON")) == ["Ffion Prydderch"]
    assert _additions(stock("Met Ffion Welsh tutor."), ("Ffion Welsh", "PERSON")) == ["Ffion"]


def test_a_dictionary_word_alone_or_a_term_is_dropped_but_a_name_that_is_a_word_is_kept(stock: Language) -> None:
    doc = stock("The bakery was shut. Herons flew over. Grace came with the whanau.")
    assert _additions(doc, ("bakery", "ORG"), ("Herons", "PERSON"), ("Grace", "PERSON"), ("whanau", "ORG")) == ["Grace"]


def test_a_name_that_is_also_a_word_is_left_to_the_name_rules(stock: Language) -> None:
    doc = stock("Patience is what we had on Monday. We met Patience Odhiambo at noon.")
    doc.ents = []
    full = doc.text.index("Patience Odhiambo")
    doc.spans[ADDED] = [
        doc.char_span(0, len("Patience"), label="PERSON"),
        doc.char_span(full, full + len("Patience Odhiambo"), label="PERSON"),
    ]
    keep = Additions(frozenset(), frozenset(), is_name=lambda w: True, word_names=frozenset({"patience"}))
    assert [e.text for e in keep(doc)] == ["Patience Odhiambo"]


def test_an_unknown_word_after_a_verb_whose_object_is_a_thing_is_dropped(stock: Language) -> None:
    doc = stock("We played Scrabbix and ate Krumbo. Later we played Ffion at chess and met Tavita Loau.")
    keep = Additions(frozenset(), frozenset(), is_name=lambda w: w == "Ffion", thing_verbs=frozenset({"played", "ate"}))
    doc.ents = []
    doc.spans[ADDED] = [
        doc.char_span(doc.text.index(t), doc.text.index(t) + len(t), label="PERSON")
        for t in ("Scrabbix", "Krumbo", "Ffion", "Tavita Loau")
    ]
    # a listed name after such a verb stays, and so does an unknown word after any other verb
    assert [e.text for e in keep(doc)] == ["Ffion", "Tavita Loau"]


def test_an_addition_trimmed_onto_a_stock_entity_is_dropped(stock: Language) -> None:
    doc = stock("Saw Ffion Prydderch at noon.")
    doc.spans[ADDED] = [doc.char_span(0, len("Saw Ffion Prydderch"), label="PERSON")]
    doc.ents = [doc.char_span(4, len("Saw Ffion"), label="ORG")]
    keep = Additions(frozenset({"saw"}), frozenset({"saw"}), is_name=lambda w: False)
    assert keep(doc) == []


def test_a_common_word_spelled_out_letter_by_letter_is_dropped_but_a_spelled_name_is_kept(stock: Language) -> None:
    doc = stock("She signed K-E-T-T-L-E twice, then spelled her name T-O-V-Y-L-A and wrote g a r d e n on the card.")
    spans = [
        ("K-E-T-T-L-E", "PERSON"),
        ("T-O-V-Y-L-A", "PERSON"),
        ("g a r d e n", "PERSON"),
        ("E-T-T", "ORG"),  # part of a spelled word: judged by the whole word it spells
    ]
    assert _additions(doc, *spans) == ["T-O-V-Y-L-A"]


def test_initials_and_short_runs_of_letters_are_not_a_spelled_word(stock: Language) -> None:
    doc = stock("The minutes were read by J. Q. Quennard and signed A-B by the chair.")
    assert _additions(doc, ("J. Q. Quennard", "PERSON"), ("A-B", "PERSON")) == ["J. Q. Quennard", "A-B"]


def test_the_shipped_weights_are_used_by_default_and_only_add(monkeypatch: pytest.MonkeyPatch, detector) -> None:
    monkeypatch.delenv(trained_ner.MODE_ENV, raising=False)
    monkeypatch.delenv(trained_ner.DIR_ENV, raising=False)
    manifest = json.loads((trained_ner.NER_DIR / trained_ner.MANIFEST).read_text(encoding="utf-8"))
    nlp = detector.nlp
    check_weights(trained_ner.NER_DIR, manifest["base_model"])
    assert "qualdeid_added_entities" in nlp.pipe_names
    text = "Kwabena and Serwaa were both at group today. Met with Bongani Mthembu and his sister Adjoa."
    doc = nlp(text)
    stock = {e.text for e in spacy.load(resolve_model_name("en_core_web_sm"))(text).ents}
    assert {e.text for e in doc.ents} == stock  # the stock readings, untouched
    added = {e.text for e in added_entities(doc)}
    assert {"Kwabena", "Serwaa"} <= added and not added & stock
    found = {doc_.text[s.start : s.end] for doc_ in detector.detect([Document(id="d", text=text)]) for s in doc_.spans}
    assert {"Kwabena", "Serwaa", "Bongani Mthembu", "Adjoa"} <= found


def test_the_shipped_weights_are_small_enough_to_ship() -> None:
    assert sum(p.stat().st_size for p in trained_ner.NER_DIR.iterdir()) <= 30 * 1024 * 1024
