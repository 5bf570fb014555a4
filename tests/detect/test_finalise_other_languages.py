"""Another language's everyday words that NER or the name lists read as a name, a place or an
organisation (issue 13, j): dropped in a text partly written in that language, never in an English text,
and never when the word is a capitalised listed name. The texts are invented."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import NER_DETECTOR, Finaliser
from qualdeid.detect.nlp.languages import OtherLanguages
from qualdeid.labels import LOCATION, ORGANIZATION, PERSON, RARE_DETAIL
from qualdeid.rules import Rules

NAMES = "names"

PORTUGUESE = (
    "Oi pessoal! Amanhã tem reunião na associação às 10h. Quem puder trazer bolo, agradeço muito.\n"
    "Ontem a Tânia falou que essa semana não dá, então ela leva o café. Depois a gente combina.\n"
    "Essa chega cedo. Documentos: trazer o comprovante. Obrigada a todos, beijos."
)
POLISH = (
    "Dzisiaj idę do pracy, wieczorem do sklepu na rogu. Chyba wrócę późno do domu.\n"
    "Kasia mówi że jest bardzo zimno i że autobus znowu się spóźnia."
)
GERMAN = (
    "Liebe Frau Okonkwo,\n\nwir haben Ihre Nachricht bekommen. Morgen ist Frau Adeyemi in der Bibliothek und holt\n"
    "danach ihr Kind von der Schule ab. Wir bitten Sie um einen anderen Tag. Sie kommt gern mit\n"
    "ihrem Bruder Chidi, und sie bringt die Unterlagen für die Beratung mit. Wir melden uns dann bei Ihnen.\n"
)
LITHUANIAN = (
    "Sveiki visi! Rytoj susitikimas bibliotekoje, ateikite anksčiau.\n"
    "Vytautas sakė, kad atneš pyragą. gerai, tada aš atnešiu arbatos.\n"
)
MALAY = (
    "Selamat pagi semua! Esok kita jumpa di dewan, jangan lupa bawa makanan.\n"
    "Pak Rokas kata dia datang lambat sikit. Kalau boleh makan tengah hari di rumah saya.\n"
)
ALBANIAN = (  # a language wordfreq lacks: its commonest words are listed in rules/languages/sq.yaml
    "Faleminderit për mesazhin. Dje shkova në shtëpi dhe fola me nënën, ishte shumë e lodhur.\n"
    "Mendoj se kjo është mirë për të. Nesër do të vij përsëri me Vesnan, nëse ka kohë.\n"
)
ENGLISH = "Lua rang about the rota. Quando the support worker said she would come on Friday with Ana."


@pytest.fixture(scope="module")
def finaliser() -> Finaliser:
    return Finaliser(Rules())


def _final(finaliser: Finaliser, text: str, surface: str, label: str, detector: str) -> list[str]:
    start = text.index(surface)
    span = Span(start, start + len(surface), label, score=0.85, detector=detector)
    return [s.text for s in finaliser.spans(text, [span])]


def test_the_languages_a_text_is_partly_written_in() -> None:
    languages = OtherLanguages(Rules())
    assert "pt" in languages.of(PORTUGUESE)
    assert "pl" in languages.of(POLISH)
    assert "de" in languages.of(GERMAN)
    assert languages.of(ENGLISH) == ()
    assert "lt" in languages.of(LITHUANIAN)  # languages whose lists hold many names are read too
    assert "ms" in languages.of(MALAY)
    assert "sq" in languages.of(ALBANIAN)  # from the listed commonest words


@pytest.mark.parametrize(
    ("text", "surface", "label", "detector"),
    [
        (PORTUGUESE, "Amanhã", ORGANIZATION, NER_DETECTOR),  # "tomorrow", opening a sentence
        (PORTUGUESE, "essa", PERSON, NAMES),  # "this", a listed name in lower case
        (PORTUGUESE, "trazer bolo", ORGANIZATION, NER_DETECTOR),
        (PORTUGUESE, "Documentos", ORGANIZATION, NER_DETECTOR),  # a field's label opening a line
        (POLISH, "Chyba", PERSON, NER_DETECTOR),  # "probably", opening a sentence
        (POLISH, "wieczorem", LOCATION, NER_DETECTOR),
        (GERMAN, "Bibliothek", PERSON, NAMES),  # "library": German capitalises every noun
        (GERMAN, "Schule", ORGANIZATION, NER_DETECTOR),
        (GERMAN, "Beratung", LOCATION, NER_DETECTOR),
        (GERMAN, "Sie", PERSON, NAMES),  # "you", written "sie" elsewhere: a listed name, but the commonest word
        (LITHUANIAN, "gerai", PERSON, NAMES),  # "fine": a language whose list holds names, in lower case
        (MALAY, "makan", PERSON, NAMES),  # "eat"
        (MALAY, "jumpa di dewan", LOCATION, NER_DETECTOR),
        (ALBANIAN, "Faleminderit", ORGANIZATION, NER_DETECTOR),  # "thank you", opening the text
        (ALBANIAN, "për", PERSON, NAMES),  # "for", in lower case
        (ALBANIAN, "Mendoj", PERSON, NER_DETECTOR),  # "I think", opening a sentence
    ],
)
def test_an_everyday_word_of_the_text_s_other_language_is_dropped(
    finaliser: Finaliser, text: str, surface: str, label: str, detector: str
) -> None:
    assert _final(finaliser, text, surface, label, detector) == []


@pytest.mark.parametrize(
    ("text", "surface", "label", "detector"),
    [
        (PORTUGUESE, "Tânia", PERSON, NAMES),  # a name, no word
        (PORTUGUESE, "Essa", PERSON, NAMES),  # a capitalised listed name may be the person
        (POLISH, "Kasia", PERSON, NAMES),
        (GERMAN, "Chidi", PERSON, NAMES),  # after a German word, but a name
        (GERMAN, "Adeyemi", PERSON, NAMES),
        (ENGLISH, "Lua", PERSON, NER_DETECTOR),  # an English text: no other language to read it in
        (ENGLISH, "Quando", PERSON, NER_DETECTOR),
        (LITHUANIAN, "Vytautas", PERSON, NER_DETECTOR),  # common in the language's list as a name: capitalised
        (MALAY, "Rokas", PERSON, NER_DETECTOR),
        (ALBANIAN, "Vesnan", PERSON, NAMES),
    ],
)
def test_a_name_or_a_word_outside_such_a_text_stays(
    finaliser: Finaliser, text: str, surface: str, label: str, detector: str
) -> None:
    assert _final(finaliser, text, surface, label, detector) == [surface]


def test_a_rare_detail_of_the_other_language_s_everyday_words_is_dropped(finaliser: Finaliser) -> None:
    assert _final(finaliser, PORTUGUESE, "a gente combina", RARE_DETAIL, "rare") == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("He plays the nyckelharpa in a folk band on Sundays.", "plays the nyckelharpa"),
        (PORTUGUESE + " A Tânia toca nyckelharpa numa banda.", "toca nyckelharpa"),  # a word rare in both
    ],
)
def test_a_rare_detail_with_a_word_rare_in_every_language_stays(finaliser: Finaliser, text: str, surface: str) -> None:
    assert _final(finaliser, text, surface, RARE_DETAIL, "rare") == [surface]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("She speaks Northern Sotho with her gran.", "Northern Sotho"),
        ("Old Norse was his hobby.", "Old Norse"),
        ("I'm Rōma on my mother's side.", "Rōma"),
        # the people as its own language writes it; the name lists hold only "Tatar" (a surname)
        ("Her grandmother was Tātar, from the steppe.", "Tātar"),
    ],
)
def test_a_people_or_a_language_variety_is_no_name(finaliser: Finaliser, text: str, surface: str) -> None:
    assert _final(finaliser, text, surface, PERSON, NAMES) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Mr Tatar rang.", "Tatar"), ("Shona rang about the rota.", "Shona"), ("Jordan West rang.", "Jordan West")],
)
def test_a_listed_name_as_the_list_writes_it_stays(finaliser: Finaliser, text: str, surface: str) -> None:
    assert _final(finaliser, text, surface, PERSON, NAMES) == [surface]


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        (GERMAN, "Liebe Frau Okonkwo", "Frau Okonkwo"),  # the letter's greeting goes, the title stays
        (GERMAN + "\nEinfach Chidi fragen.", "Einfach Chidi", "Chidi"),  # "simply", opening a sentence
        (PORTUGUESE + "\n- tânia ligar amanhã", "tânia ligar", "tânia"),  # "to call", a note's verb
        (GERMAN, "Frau Adeyemi", "Frau Adeyemi"),  # nothing of the language around the name
        (ENGLISH + " Einfach Ana.", "Einfach Ana", "Einfach Ana"),  # an English text is never read so
        (PORTUGUESE + "\nData: 3/5. Local: Casa Ipê, sala 2.", "Casa Ipê", "Casa Ipê"),  # a field's value
        (PORTUGUESE + "\n- tânia F. ligou", "tânia F.", "tânia F."),  # a first name before an initial, its full stop
    ],
)
def test_the_other_language_s_words_beside_a_name_are_trimmed(
    finaliser: Finaliser, text: str, surface: str, kept: str
) -> None:
    assert _final(finaliser, text, surface, PERSON, NAMES) == [kept]


FINNISH_NOTES = (
    "Kirjasto: kirja palautettu, uusi laina ensi viikolla. Äiti soitti aamulla ja kertoi että kaikki on hyvin.\n"
    "Seuraava tapaaminen torstaina koululla, opettaja tulee mukaan. Lapsi on iloinen ja nukkuu paremmin."
)

FRENCH_NOTICE = (
    "À Grenoble, le mardi matin, nous avons appris avec tristesse la nouvelle. Elle était toujours très gentille "
    "avec les enfants du quartier et nous pensons beaucoup à la famille."
)


@pytest.mark.parametrize("detector", [NAMES, NER_DETECTOR])
def test_a_long_common_word_of_the_other_language_is_no_person(finaliser: Finaliser, detector: str) -> None:
    """ "Kirjasto" ("library") opening a note's line: one capitalised word, common in Finnish, no name."""
    assert _final(finaliser, FINNISH_NOTES, "Kirjasto", PERSON, detector) == []


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        (FINNISH_NOTES.replace("Kirjasto:", "Kirjasto Aalto:"), "Kirjasto Aalto", PERSON),  # two words
        (FINNISH_NOTES.replace("Kirjasto:", "Kirjasto, Tampere:"), "Tampere", LOCATION),  # a place: towns are common
        (FRENCH_NOTICE, "Grenoble", PERSON),  # a town of the gazetteer NER took for a person
        (FRENCH_NOTICE.replace("la famille", "la Bibliothèque Verlande"), "Bibliothèque", PERSON),  # a longer name's
        (FRENCH_NOTICE.replace("la famille", "la Maison des Tilleuls"), "Tilleuls", PERSON),  # over a particle
        (PORTUGUESE, "Tânia", PERSON),  # a listed name
    ],
)
def test_a_name_place_or_phrase_stays(finaliser: Finaliser, text: str, surface: str, label: str) -> None:
    assert _final(finaliser, text, surface, label, NAMES) == [surface]
