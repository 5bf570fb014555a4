"""Words that stand in for a person without naming anyone (issue 13, token precision): what people call
their relatives in English and other languages, the names of identity-number schemes, address parts and
mail headers written short or in another language, everyday words spelt as chats and dialects spell
them. Spans are given by hand; the texts are invented."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import NER_DETECTOR, Finaliser
from qualdeid.labels import ORGANIZATION, PERSON
from qualdeid.rules import Rules

NAMES = "names"


@pytest.fixture(scope="module")
def finaliser() -> Finaliser:
    return Finaliser(Rules())


def _final(finaliser: Finaliser, text: str, surface: str, label: str, detector: str) -> list[str]:
    start = text.index(surface)
    found = Span(start, start + len(surface), label, score=0.85, detector=detector)
    return [s.text for s in finaliser.spans(text, [found])]


CASES = [
    # relatives by what they are called: dropped
    ("Dropped the twins at Nonna's, then the shop.", "Nonna", PERSON, NAMES, False),
    ("ammu rang twice about the rent", "ammu", PERSON, NAMES, False),
    ("Went with Halmeoni to the market on the bus.", "Halmeoni", PERSON, NER_DETECTOR, False),
    ("his ah ma still cooks every Sunday", "ah ma", PERSON, NAMES, False),
    ("Grandad was asleep in the chair when I left.", "Grandad", PERSON, NAMES, False),
    ("We drove up to see Bestemor before the snow came.", "Bestemor", PERSON, NER_DETECTOR, False),
    ("Sekuru told the children a long story after supper.", "Sekuru", PERSON, NAMES, False),
    ("her waipo taught her to fold the wrappers", "waipo", PERSON, NAMES, False),
    ("Mam-gu still keeps hens behind the chapel.", "Mam-gu", ORGANIZATION, NER_DETECTOR, False),
    # a relative's word that the lists also hold as a given name, a title or a town, alone: dropped
    ("Took the bus over to see Oma on Sunday.", "Oma", PERSON, NAMES, False),
    ("nan says the kettle is broken again", "nan", PERSON, NAMES, False),
    ("Gogo was asleep when we got back.", "Gogo", PERSON, NER_DETECTOR, False),
    # ... read by NER as an organisation, or found again where NER read it so: dropped too
    ("Gogo swept the yard before the visitors came.", "Gogo", ORGANIZATION, NER_DETECTOR, False),
    ("Oma came round with soup, and later Oma stayed.", "Oma", ORGANIZATION, "written_again", False),
    # ... with a name, or as a chat's sender: kept
    ("Oma Wilhelmina sent a parcel.", "Oma Wilhelmina", PERSON, NAMES, True),
    ("Amma: coming at six, keep rice", "Amma", PERSON, "chat_senders", True),
    ("Resident: Wendeline Gath   Known as: Nanna\nRoom: 12", "Nanna", PERSON, NAMES, True),  # a form's field
    # identity-number schemes, address parts and mail headers: dropped
    ("He showed me his SSN letter and the lease.", "SSN", ORGANIZATION, NER_DETECTOR, False),
    ("Bring your OHIP card on Monday.", "OHIP", ORGANIZATION, NER_DETECTOR, False),
    ("Moved to Rm 14 after the leak.", "Rm", PERSON, NAMES, False),
    ("Betreff: Treffen nächste Woche", "Betreff", PERSON, NAMES, False),
    ("Objet : la réunion de jeudi", "Objet", PERSON, NAMES, False),
    # everyday words as chats and dialect writing spell them: dropped
    ("Me tell yuh, di bus never come.", "yuh", PERSON, NAMES, False),
    ("Gonna be late, sorry!!", "Gonna", ORGANIZATION, NER_DETECTOR, False),
    # the Scots "no", opening a sentence or in one, though a list of given names has the syllable
    ("Nae worry, she said after.", "Nae", PERSON, NAMES, False),
    ("it was nae use, the bus had gone", "nae", PERSON, NAMES, False),
    # kept: a kin word with a name, a kin word that is also a listed name, an elder's title, initials
    # a short name that is another language's kinship word only with its accents ("täti", "dėdė")
    ("tati: bom dia, chego às dez", "tati", PERSON, NAMES, True),
    ("Dede fixed the gate before lunch.", "Dede", PERSON, NAMES, True),
    ("Mama Efua brought soup for everyone.", "Mama Efua", PERSON, NAMES, True),
    ("Lola came by after lunch with the dog.", "Lola", PERSON, NAMES, True),
    ("Uncle opened the gathering with a song.", "Uncle", PERSON, NAMES, True),
    ("RM signed the form at the desk.", "RM", PERSON, NAMES, True),
    ("MI rang back at ten about the keys.", "MI", PERSON, NAMES, True),
]


@pytest.mark.parametrize(("text", "surface", "label", "detector", "kept"), CASES)
def test_a_word_standing_in_for_someone_is_no_identifier(
    finaliser: Finaliser, text: str, surface: str, label: str, detector: str, kept: bool
) -> None:
    assert _final(finaliser, text, surface, label, detector) == ([surface] if kept else [])


def test_no_kin_term_is_a_listed_name_even_without_its_accents() -> None:
    """The never-identifier match ignores accents ("Tinā" is "tina"), so a kin term that is a name once
    its accents are gone would drop that name everywhere."""
    from qualdeid.detect.names.lexicon import NameLexicon, without_marks

    rules = Rules()
    names = NameLexicon.read(rules)
    clashes = [
        term
        for term in rules.words("lexicons/kin_terms.txt", lower=True)
        if any(names.is_name(w) for w in without_marks(term).replace("-", " ").split())
    ]
    assert clashes == []


def test_no_role_abbreviation_is_a_listed_name() -> None:
    """Compose never replaces a role abbreviation, in any case: one that is also a name ("Chi", "Nino")
    would leave that person's name in a vignette."""
    from qualdeid.detect.names.lexicon import NameLexicon

    rules = Rules()
    names = NameLexicon.read(rules)
    assert [w for w in rules.words("lexicons/role_abbreviations.txt") if names.is_name(w)] == []


def test_a_chat_spelling_that_labels_a_transcript_speaker_is_their_name(finaliser: Finaliser) -> None:
    # "dem" is a dialect spelling of "them" (rules/lexicons/text_speak.txt) and a given name
    text = "PX: Who are you?\nDEM (son): I'm Dem, the eldest.\nPX: Thanks, Dem."
    label = text.index("DEM")
    spans = [Span(label, label + 3, PERSON, score=0.85, detector="SpeakerRecognizer")]
    spans += [Span(m, m + 3, PERSON, score=0.85, detector=NAMES) for m in (text.index("Dem,"), text.rindex("Dem"))]
    assert [s.text for s in finaliser.spans(text, spans)] == ["DEM", "Dem", "Dem"]
    # without a speaker labelled with it, the spelling stays a word
    assert _final(finaliser, "I'm Dem, the eldest. Thanks, Dem.", "Dem", PERSON, NAMES) == []
