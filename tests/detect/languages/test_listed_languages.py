"""A language wordfreq has no list for (Welsh) is read from its commonest words listed in
``rules/languages/<code>.yaml`` (issue 13): a text partly in it is recognised, and its everyday words that NER
reads as a person or an organisation are dropped as another language's are; an English text is read as
before. The texts are invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qualdeid.detect.nlp.languages import OtherLanguages, zipf_in
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.labels import ORGANIZATION, PERSON
from qualdeid.rules import Rules

Final = Callable[[str, str, str], list[str]]
WELSH = (
    "Roedd Gwenllian yn byw ar y fferm gyda'i brawd am flynyddoedd. Mae hi wedi symud i'r dref erbyn hyn,\n"
    "ac roedd pawb yn ei cholli hi. Bydd y cyfarfod nesaf yn y neuadd ddydd Sadwrn."
)
ENGLISH = "Roedd is not a word I know. Gwenllian said she would come on Friday with her brother."


def test_a_text_partly_in_a_listed_language() -> None:
    languages = OtherLanguages(Rules())
    assert languages.of(WELSH) == ("cy",)
    assert languages.of(ENGLISH) == ()
    assert zipf_in("roedd", "cy") > zipf_in("gwenllian", "cy") == 0.0


@pytest.mark.parametrize(("surface", "label"), [("Roedd", PERSON), ("ac roedd", ORGANIZATION), ("Bydd", PERSON)])
def test_an_everyday_word_of_a_listed_language_is_dropped(final: Final, surface: str, label: str) -> None:
    assert final(WELSH, surface, label) == []


def test_a_name_in_it_stays_and_english_is_read_as_before(final: Final) -> None:
    assert final(WELSH, "Gwenllian", PERSON) == ["Gwenllian"]
    assert final(ENGLISH, "Roedd", PERSON) == ["Roedd"]


def test_a_welsh_date() -> None:
    """A Welsh month after its day (lexicons/months_world.txt)."""
    recognizers = [r for r in load_pattern_recognizers(Rules()) if "DATE_TIME" in r.supported_entities]
    text = "Bu farw yn dawel ar 14 Hydref yn ei gartref."
    found = {text[r.start : r.end] for rec in recognizers for r in rec.analyze(text, rec.supported_entities)}
    assert "14 Hydref" in found


def test_the_languages_of_a_document_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Recognizers and finders ask in turn about the same document: its words are looked up once."""
    from qualdeid.detect.nlp import languages as module

    first, second = OtherLanguages(Rules()), OtherLanguages(Rules())
    assert first.of(WELSH) == ("cy",)
    looked_up: list[str] = []
    zipf = module.zipf
    monkeypatch.setattr(module, "zipf", lambda word: looked_up.append(word) or zipf(word))
    assert second.of(WELSH) == first.of("".join(WELSH)) == ("cy",)
    assert looked_up == []
    assert second.of(ENGLISH) == ()
    assert looked_up  # another document is read anew
