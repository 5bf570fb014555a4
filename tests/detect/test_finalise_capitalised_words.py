"""Capitalised everyday words of a text's own other language read as a person (issue 13): a form's labels
("Pekerjaan:", "Tanggal Lahir:"), one word opening a line, a long German compound of everyday words, a field's
label a speaker's recogniser took for a sender. Dropped only where that language capitalises such words anyway,
never a listed name, never beside a title, never several words heading a letter. The texts are invented."""

from __future__ import annotations

from functools import cache

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import NER_DETECTOR, Finaliser
from qualdeid.detect.nlp.languages import OtherLanguages
from qualdeid.labels import ORGANIZATION, PERSON
from qualdeid.rules import Rules

NAMES = "names"
SPEAKER = "SpeakerRecognizer"

INDONESIAN = (
    "Formulir pendaftaran kegiatan warga\n"
    "Pekerjaan: guru sekolah dasar\n"
    "Tanggal Lahir: tidak tahu\n"
    "Catatan: ibu sudah datang ke kantor kemarin dan bertemu dengan Cahaya di taman. Dia bilang anaknya\n"
    "sakit dan belum bisa datang minggu ini. Pak Mawar juga sudah tahu.\n"
    "Taman Harapan\n"
    "Cahaya: iya bu, besok saya datang\n"
    "Cahaya: terima kasih banyak\n"
    'Nenek kami sudah tua, "Mawar" kata semua cucunya.\n'
    "Pendidikan anak itu penting. Kami akan menghubungi ibu lagi besok pagi."
)
GERMAN = (
    "GARTENVEREIN SONNENHANG\n"
    "Wir haben heute mit der Familie gesprochen. Die Mutter macht jetzt Gartenarbeit im Verein und\n"
    "geht samstags auf den Wochenmarkt. Der Vater sucht noch eine Arbeit.\n"
    "Geschwister: zwei, beide in der Schule.\n"
    "Schwimmbadbesuch mit beiden Kindern, danach Eis.\n"
    "Die Beraterin vom Sonnenbogen kommt auch.\n"
    "Frau Wochenmarkt hat angerufen, wir rufen morgen zurück.\nKrankenkasse zahlt den Termin nicht."
)
ENGLISH = (
    "Pekerjaan rang about the rota, and the support worker said she would come on Friday with Ana. "
    "Krankenkasse sent the form back."
)


@cache
def _finaliser() -> Finaliser:
    return Finaliser(Rules())


def _final(text: str, surface: str, detector: str, nth: int = 0, label: str = PERSON) -> list[str]:
    """What the finaliser keeps of the ``nth`` ``surface`` of ``text``, read as a ``label`` by ``detector``."""
    starts = [i for i in range(len(text)) if text.startswith(surface, i)]
    span = Span(starts[nth], starts[nth] + len(surface), label, score=0.85, detector=detector)
    return [s.text for s in _finaliser().spans(text, [span])]


def test_the_texts_are_read_as_partly_in_their_language() -> None:
    languages = OtherLanguages(Rules())
    assert "id" in languages.of(INDONESIAN)
    assert "de" in languages.of(GERMAN)
    assert languages.of(ENGLISH) == ()


@pytest.mark.parametrize(
    ("text", "surface", "detector"),
    [
        (INDONESIAN, "Pekerjaan", NAMES),  # "occupation": a form's label
        (INDONESIAN, "Tanggal Lahir", NAMES),  # "date of birth": several words, a label before its colon
        (GERMAN, "Schwimmbadbesuch", NAMES),  # a compound of two everyday words, rare as a whole, opening a line
        (GERMAN, "Gartenarbeit", NAMES),  # mid-sentence: German capitalises nouns
        (GERMAN, "Wochenmarkt", NER_DETECTOR),
        (GERMAN, "Geschwister", SPEAKER),  # "siblings:" a field's label, not who speaks
    ],
)
def test_capitalised_everyday_words_are_no_person(text: str, surface: str, detector: str) -> None:
    assert _final(text, surface, detector) == []


@pytest.mark.parametrize(
    ("text", "surface", "detector", "nth"),
    [
        (INDONESIAN, "Cahaya", NAMES, 0),  # a word that is a name mid-sentence, where the language capitalises none
        (INDONESIAN, "Mawar", NAMES, 0),  # after a title
        (INDONESIAN, "Pendidikan", NER_DETECTOR, 0),  # a capitalised word of a language whose list holds names
        (INDONESIAN, "Taman Harapan", NAMES, 0),  # several words heading a line: perhaps a body's name
        (INDONESIAN, "Cahaya", "SpeakerRecognizer", 1),  # opening several lines as a label: who writes in a chat
        (INDONESIAN, "Mawar", NAMES, 1),  # a word in quotes is no sentence's first word
        (GERMAN, "Wochenmarkt", NAMES, 1),  # "Frau Wochenmarkt": a title before it
        (GERMAN, "GARTENVEREIN", NAMES, 0),  # a word of a longer name heading a letter
        (GERMAN, "Sonnenbogen", NAMES, 0),  # a compound mid-sentence may name a body
        (ENGLISH, "Pekerjaan", NAMES, 0),  # an English text's unknown word stays the name it may be
    ],
)
def test_name_evidence_or_another_language_keeps_the_person(text: str, surface: str, detector: str, nth: int) -> None:
    assert _final(text, surface, detector, nth) == [surface]


def test_an_organisation_read_from_an_everyday_word_of_the_language_is_none() -> None:
    assert _final(GERMAN, "Krankenkasse", NER_DETECTOR, label=ORGANIZATION) == []  # "health insurer"
    assert _final(ENGLISH, "Krankenkasse", NER_DETECTOR, label=ORGANIZATION) == ["Krankenkasse"]
