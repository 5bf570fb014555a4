"""Names in Bengali and Ethiopic script (detect/names/scripts.py; issue 13, class d; invented texts): after a
Bengali title or kinship word, and a word of either script in an English sentence where a person stands."""

from __future__ import annotations

from qualdeid.corpus.model import Document
from qualdeid.detect.names.scripts import ScriptNames
from qualdeid.rules import Rules

SCRIPTS = ScriptNames(Rules())


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in SCRIPTS.people(text)]


OBITUARY = (
    "আমার প্রিয় আব্বা মোঃ করিম উদ্দিন সরকার (৮১) গতকাল ইন্তেকাল করেছেন। "
    "তিনি রেখে গেছেন আমাদের আম্মা রাবেয়া বেগম, দুই ছেলে আর মেয়ে তানিয়া।"
)


def test_bengali_names_after_a_title_or_a_kinship_word() -> None:
    names = found(OBITUARY)
    assert "করিম উদ্দিন সরকার" in names
    assert "রাবেয়া বেগম" in names
    assert "তানিয়া" in names


def test_bengali_everyday_words_after_a_kinship_word_stay_words() -> None:
    assert found("তিনি বাড়িতে আছেন। আমরা কাল যাব। আমার ছেলে খুব ভালো।") == []


def test_an_ethiopic_word_acting_in_an_english_sentence_is_a_name() -> None:
    assert set(found("[21:12] Yessel: ሰናይት is not talking to me again")) == {"ሰናይት"}


def test_an_amharic_kinship_word_stays_a_relative(detector) -> None:
    (doc,) = detector.detect([Document(id="d", text="I'm making coffee for እማማ before work and ሰናይት is asleep.")])
    people = [doc.text[s.start : s.end] for s in doc.spans if s.label == "PERSON"]
    assert "እማማ" not in people
    assert "ሰናይት" in people
