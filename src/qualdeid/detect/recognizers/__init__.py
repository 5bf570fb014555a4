"""Presidio recognizers for places, organisations, contacts, IDs, dates and ages beyond spaCy NER.

* ``rules/recognizers/*.yaml`` — pattern recognizers in Presidio's YAML format (ages, dates, room and
  record numbers, codes, social handles, phone shapes, numbered wards); a project adds its own files.
* :mod:`.places` — token scans over the spaCy parse for named streets, venues, wards and organisations.
* :mod:`.context` — names read from their context: rare capitalised words after place prepositions,
  employers after "works at", names before "site"/"branch".
* :mod:`.addresses` — a numbered street line and the postcode line below it, in any country's order;
  PO box and military address lines (LOCATION).
* :mod:`.dateline` — the town of a letter's dateline ("Vårdal, 3. mars 2025") (LOCATION).
* :mod:`.short_dates` — a day and a month in digits without a year where the text says so ("2/27 — Home visit")
  (DATE_TIME).
* :mod:`.camel` — an organisation written as one word with capitals inside ("QuellTech") (ORGANIZATION).
* :mod:`.institutions` — a kind of institution "of" its own name ("University of the West Fells") (ORGANIZATION).
* ``detect/languages/ages.py`` — a person's age in the words of another language ("de 74 años", "yn 79 oed")
  (AGE), and ``detect/languages/kin.py`` a name after another language's kinship word ("mi hermano Efrén")
  (PERSON), from ``rules/languages/``.
* :mod:`.role_org` — the organisation after a job title in a signature line ("family worker, Brightwater
  Housing Trust") (ORGANIZATION).
* :mod:`.forms` — values of labelled form fields ("Name:", "Ph:", "Address:" with the value on the same
  or the next lines), by the lists of ``rules/lexicons/form_fields.yaml``.
* :mod:`.structure` — speakers of chat and transcript turns, sign-offs, @mentions (PERSON); letter
  address blocks (LOCATION, with the organisation or addressee above them).
* :mod:`.spelled` — a name spelled out letter by letter ("R-A-N-V-E-I-G"), as transcripts and phone
  messages write it (PERSON).
* :mod:`.signature` — the writer's initials alone on the last line of a message ("...thanks.\nR"), a
  word-name after a sign-off ("Best,\nMerit").
* ``detect/places/towns.py`` — towns of ``rules/lexicons/towns.txt`` (GeoNames) after "in", "from", "to"...,
  in any case; and anywhere, when the town's name is no word of any reading.
* :mod:`.dates` — named holidays from ``rules/lexicons/holidays.txt``.
* :mod:`.contact` — Presidio's phone (AU/NZ/GB/IE/US, which covers Canada), URL, email and IP address
  recognizers behind a cheap text check (``contact_recognizers()``, registered by ``nlp/presidio.py``
  in place of the plain ones).

Entity types are canonical labels (LOCATION, ORGANIZATION, CONTACT, ID, DATE_TIME, AGE; phone shapes use
Presidio's PHONE_NUMBER); the recognizer's name tells which rule fired.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from spacy.language import Language

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp import regex_cache
from qualdeid.detect.places.lexicon import PlaceLexicon
from qualdeid.detect.places.towns import StandaloneTownRecognizer, TownRecognizer
from qualdeid.detect.recognizers.addresses import AddressLinesRecognizer
from qualdeid.detect.recognizers.camel import CamelCaseOrgRecognizer
from qualdeid.detect.recognizers.contact import contact_recognizers
from qualdeid.detect.recognizers.context import (
    ContextWords,
    OrgContextRecognizer,
    OrgKindRecognizer,
    PlaceContextRecognizer,
    SiteRecognizer,
    VenueKindRecognizer,
)
from qualdeid.detect.recognizers.dateline import DatelineRecognizer
from qualdeid.detect.recognizers.dates import holiday_recognizer
from qualdeid.detect.recognizers.forms import FormFieldRecognizer
from qualdeid.detect.recognizers.institutions import InstitutionOfRecognizer
from qualdeid.detect.recognizers.places import NamedPlaceRecognizer
from qualdeid.detect.recognizers.role_org import RoleOrgRecognizer
from qualdeid.detect.recognizers.short_dates import ShortDateRecognizer
from qualdeid.detect.recognizers.signature import SignatureRecognizer
from qualdeid.detect.recognizers.spelled import SpelledNameRecognizer
from qualdeid.detect.recognizers.structure import AddressBlockRecognizer, SpeakerRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

__all__ = ["build_recognizers", "contact_recognizers", "name_lexicon", "place_lexicon"]


def place_lexicon(rules: Rules) -> PlaceLexicon:
    return PlaceLexicon.read(rules)


def name_lexicon(rules: Rules) -> NameLexicon:
    return NameLexicon.read(rules)


def build_recognizers(rules: Rules, nlp: Language) -> list[EntityRecognizer]:
    """All qualdeid recognizers, configured from ``rules`` (to be added to a RecognizerRegistry).

    Presidio's own email, URL, phone and national-ID recognizers are registered by ``engine``; these
    add to them. ``nlp`` is the loaded spaCy pipeline the recognizers will see parses from.
    """
    # (imported here: detect/languages/ builds on this package's recognizer base)
    from qualdeid.detect.languages.ages import OtherLanguageAgeRecognizer
    from qualdeid.detect.languages.kin import OtherLanguageKinRecognizer
    from qualdeid.detect.languages.organisations import OtherLanguageOrgRecognizer
    from qualdeid.detect.languages.places import OtherLanguagePlaceRecognizer

    lexicon = place_lexicon(rules)
    context = ContextWords(rules, lexicon)
    names = name_lexicon(rules)
    towns = TownRecognizer.read(rules, names, nlp)
    recognizers: list[EntityRecognizer] = [
        SpeakerRecognizer(rules),
        AddressBlockRecognizer(rules),
        SignatureRecognizer(rules),
        SpelledNameRecognizer(rules),
        FormFieldRecognizer(rules),
        AddressLinesRecognizer(rules),
        DatelineRecognizer(rules),
        ShortDateRecognizer(rules),
        OtherLanguageAgeRecognizer(rules),
        OtherLanguageKinRecognizer(rules),
        OtherLanguageOrgRecognizer(rules),
        OtherLanguagePlaceRecognizer(rules),
        RoleOrgRecognizer(rules),
        CamelCaseOrgRecognizer(rules, names),
        InstitutionOfRecognizer(rules),
        NamedPlaceRecognizer(lexicon),
        PlaceContextRecognizer(lexicon, context),
        OrgContextRecognizer(lexicon, context),
        SiteRecognizer(lexicon, context),
        OrgKindRecognizer(lexicon, context),
        VenueKindRecognizer(lexicon, context),
        towns,
        StandaloneTownRecognizer.read(rules, names, towns),
        *load_pattern_recognizers(rules),
    ]
    holidays = holiday_recognizer(rules.words("lexicons/holidays.txt"))
    if holidays is not None:
        recognizers.append(holidays)
    regex_cache.save()  # the patterns compiled above, for the next start (detect/nlp/regex_cache.py)
    return recognizers
