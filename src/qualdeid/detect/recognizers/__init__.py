"""Presidio recognizers for places, organisations, contacts, IDs, dates and ages beyond spaCy NER.

* ``rules/recognizers/*.yaml`` — pattern recognizers in Presidio's YAML format (ages, dates, room and
  record numbers, codes, social handles, phone shapes, numbered wards); a project adds its own files.
* :mod:`.places` — token scans over the spaCy parse for named streets, venues, wards and organisations.
* :mod:`.context` — names read from their context: rare capitalised words after place prepositions,
  employers after "works at", names before "site"/"branch".
* :mod:`.structure` — speakers of chat and transcript turns, sign-offs, @mentions (PERSON); letter
  address blocks (LOCATION, with the organisation or addressee above them).
* :mod:`.towns` — towns of ``rules/lexicons/towns.txt`` (GeoNames) after "in", "from", "to"..., in any case.
* :mod:`.dates` — named holidays from ``rules/lexicons/holidays.txt``.
* :mod:`.contact` — Presidio's phone (AU/NZ/GB/IE/US/CA), URL and email recognizers behind a cheap text
  check (``contact_recognizers()``, registered by ``engine`` in place of the plain ones).

Entity types are canonical labels (LOCATION, ORGANIZATION, CONTACT, ID, DATE_TIME, AGE; phone shapes use
Presidio's PHONE_NUMBER); the recognizer's name tells which rule fired.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from spacy.language import Language

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.loading import dictionary_words
from qualdeid.detect.recognizers.contact import contact_recognizers
from qualdeid.detect.recognizers.context import OrgContextRecognizer, PlaceContextRecognizer, SiteRecognizer
from qualdeid.detect.recognizers.dates import holiday_recognizer
from qualdeid.detect.recognizers.places import CALENDAR_WORDS, NamedPlaceRecognizer, PlaceLexicon
from qualdeid.detect.recognizers.structure import AddressBlockRecognizer, SpeakerRecognizer
from qualdeid.detect.recognizers.towns import TownRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

__all__ = ["build_recognizers", "contact_recognizers", "name_lexicon", "place_lexicon"]


def place_lexicon(rules: Rules) -> PlaceLexicon:
    return PlaceLexicon(
        street_types=frozenset(rules.words("lexicons/street_types.txt")),
        common_street_types=frozenset(rules.words("lexicons/street_types_common.txt")),
        venue_types=frozenset(rules.words("lexicons/venue_types.txt")),
        org_types=frozenset(rules.words("lexicons/org_types.txt")),
        generic_words=frozenset(rules.words("lexicons/generic_name_words.txt", lower=True)),
        not_places=frozenset(rules.words("lexicons/not_places.txt")),
        site_words=frozenset(rules.words("lexicons/site_words.txt")),
        first_names=frozenset(rules.words("names/first_names.txt")),
    )


def name_lexicon(rules: Rules) -> NameLexicon:
    return NameLexicon.read(rules)


def town_recognizer(rules: Rules, names: NameLexicon, nlp: Language | None) -> TownRecognizer:
    """Towns of ``lexicons/towns.txt`` after a place preposition; names and everyday words excluded."""
    not_towns = (
        names.first_names
        | names.word_names
        | rules.words("lexicons/not_places.txt", lower=True)
        | rules.words("lexicons/generic_name_words.txt", lower=True)
        | {w.lower() for w in CALENDAR_WORDS}
    )
    words = dictionary_words(nlp, ("verb", "adj", "adv"))  # the noun index holds towns too ("timaru")
    return TownRecognizer(rules.words("lexicons/towns.txt"), frozenset(not_towns), words)


def build_recognizers(rules: Rules, nlp: Language) -> list[EntityRecognizer]:
    """All qualdeid recognizers, configured from ``rules`` (to be added to a RecognizerRegistry).

    Presidio's own email, URL, phone and national-ID recognizers are registered by ``engine``; these
    add to them. ``nlp`` is the loaded spaCy pipeline the recognizers will see parses from.
    """
    lexicon = place_lexicon(rules)
    names = name_lexicon(rules)
    recognizers: list[EntityRecognizer] = [
        SpeakerRecognizer(rules),
        AddressBlockRecognizer(rules),
        NamedPlaceRecognizer(lexicon),
        PlaceContextRecognizer(lexicon),
        OrgContextRecognizer(lexicon),
        SiteRecognizer(lexicon),
        town_recognizer(rules, names, nlp),
        *load_pattern_recognizers(rules),
    ]
    holidays = holiday_recognizer(rules.words("lexicons/holidays.txt"))
    if holidays is not None:
        recognizers.append(holidays)
    return recognizers
