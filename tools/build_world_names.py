"""Build ``rules/names/world_first_names.txt``, ``rules/names/world_surnames.txt`` and
``rules/names/word_first_names.txt``: first names and surnames of many languages, from the person
providers of Faker (already a dependency of qualdeid;
MIT licence; lists of common names, not derived from leaked personal data).

    python3 tools/build_world_names.py rules/names

Kept: one-word names in Latin, Greek, Cyrillic or Armenian script that the hand-kept lists (first_names.txt,
surnames.txt) do not already hold. Left out: names that are common English words (in spaCy's
dictionary and used often, or very common whatever they are: "Rose", "Will", "Long"), so that
such a word is never a name by the list alone; the hand-kept lists and word_names.txt decide those.
The first names left out as English words go to word_first_names.txt instead, read as word_names.txt
is (names only with evidence), less the words that are no first names: surnames ("Rice"), titles,
roles, job titles, relatives, calendar words, countries and other not_places, towns whose name is no
everyday verb or adjective, peoples, terms, function words, words used very often, and registry
placeholders (not_first_names.txt: "Unknown", "Infant"). A name of an English-speaking locale may be
any such word ("Journey"); one of another locale only a rarer one ("Floor", "Server" of Dutch and
Turkish stay out); a name that is no everyday word, or only a noun English uses less often ("Mina",
"Lan", "Jewel"), is left to detection's reading of rarer words.
The output is sorted, so a rebuild with the same Faker and wordfreq versions gives the same files.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import faker.providers.person
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from qualdeid.detect.nlp.loading import dictionary_words, load_model
from qualdeid.rules import Rules

#: A dictionary word used at least this often (wordfreq Zipf) is an English word, not a name alone.
DICTIONARY_WORD_ZIPF = 3.0
#: Any word used at least this often is left out ("Van", "Can", "Man").
VERY_COMMON_ZIPF = 4.5
SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN")
#: A word used this often is never a name by a list alone, even with evidence ("Made", "Little").
WORD_NAME_MAX_ZIPF = 5.0
#: A first name only a locale of another language holds: kept as a word-name only under this frequency.
OTHER_LOCALE_WORD_NAME_MAX_ZIPF = 4.0
#: A name used less than this as a word, and only as a noun, is no everyday word ("Mina", "Lan", "Jewel"):
#: detection reads it as a possible name already, where a word-name would need more evidence. Left out.
WORD_NAME_MIN_ZIPF = 4.0

HEADER = """\
# {what} of many languages, from the person providers of Faker {version} (MIT licence: lists of
# common names), built by tools/build_world_names.py; names the hand-kept {own} holds are left
# out, and so are common English words ("Rose", "Long"): a list alone never makes them names.
# A project rules folder can add lines; "!Name" removes one.
"""


def script_ok(word: str) -> bool:
    if len(word) < 2 or not word[0].isupper():
        return False
    for c in word:
        if c in "-'’":
            continue
        if not c.isalpha() or not unicodedata.name(c, "").startswith(SCRIPTS):
            return False
    return True


WORD_HEADER = """\
# First names that are also English words ("Journey", "Treasure", "Silver"), from the person providers of
# Faker {version} (MIT licence: lists of common names), built by tools/build_world_names.py: the names
# world_first_names.txt leaves out as words, less titles, roles, job titles, relatives, calendar words,
# places, peoples, terms, function words, words used very often and not_first_names.txt. Read as
# word_names.txt is: a name only with evidence in the document. "!Name" in a project folder removes one.
"""


def provider_names(attribute_groups: tuple[str, ...], english_only: bool = False) -> set[str]:
    names: set[str] = set()
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        if english_only and not (module.name == "en" or module.name.startswith("en_")):
            continue
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attribute in attribute_groups:
            values = getattr(provider, attribute, ())
            if isinstance(values, (list, tuple, dict)):  # some locales compute a list in a property
                names.update(str(n).strip() for n in values)
    return names


def main(out_dir: str) -> None:
    rules = Rules()
    english = dictionary_words(load_model(), nouns=True)

    def english_word(word: str) -> bool:
        low = word.lower()
        z = zipf_frequency(low, "en")
        if z >= VERY_COMMON_ZIPF or (z >= DICTIONARY_WORD_ZIPF and low in english):
            return True
        if len(low) <= 3 and z >= DICTIONARY_WORD_ZIPF:
            return True  # "Del", "Uni", "Aus": abbreviations and short words
        stem = low[:-1]  # "Cares", "Lips": plurals and verb forms of dictionary words
        return low.endswith("s") and stem in english and zipf_frequency(stem, "en") >= DICTIONARY_WORD_ZIPF

    for filename, own, what, attributes in (
        (
            "world_first_names.txt",
            "names/first_names.txt",
            "First names",
            ("first_names", "first_names_female", "first_names_male", "first_names_nonbinary"),
        ),
        (
            "world_surnames.txt",
            "names/surnames.txt",
            "Surnames",
            ("last_names", "last_names_female", "last_names_male", "last_names_nonbinary"),
        ),
    ):
        # a surname that the first-name list holds is a name already
        known = rules.words(own, lower=True) | rules.words("names/word_names.txt", lower=True)
        if own == "names/surnames.txt":
            known |= rules.words("names/first_names.txt", lower=True)
        names = sorted(
            n for n in provider_names(attributes) if script_ok(n) and n.lower() not in known and not english_word(n)
        )
        text = HEADER.format(what=what, version=faker.VERSION, own=own) + "".join(n + "\n" for n in names)
        Path(out_dir, filename).write_text(text, encoding="utf-8")
        print(f"{filename}: {len(names)} names", file=sys.stderr)
    word_names = word_first_names(rules, english_word, dictionary_words(load_model(), nouns=False))
    text = WORD_HEADER.format(version=faker.VERSION) + "".join(n + "\n" for n in word_names)
    Path(out_dir, "word_first_names.txt").write_text(text, encoding="utf-8")
    print(f"word_first_names.txt: {len(word_names)} names", file=sys.stderr)


def no_name_words(rules: Rules, verbs_and_adjectives: frozenset[str]) -> set[str]:
    """Lower-case words that are never a first name by a list, whatever Faker holds: a town only where
    its name is no everyday verb or adjective ("Boston", not "Hope")."""
    words = set(STOP_WORDS) | (rules.words("lexicons/towns.txt", lower=True) - verbs_and_adjectives)
    for name in (
        "names/titles.txt",
        "names/titles_after.txt",
        "names/place_heads.txt",
        "names/not_first_names.txt",
        "names/surname_words.txt",
        "names/surnames.txt",
        "lexicons/job_titles.txt",
        "lexicons/speaker_roles.txt",
        "lexicons/relatives.txt",
        "lexicons/kin_terms.txt",
        "lexicons/holidays.txt",
        "lexicons/not_places.txt",
        "lexicons/peoples.txt",
        "lexicons/field_labels.txt",
        "lexicons/months_world.txt",
        "lexicons/weekdays_world.txt",
        "lexicons/clinical_terms.txt",
        "lexicons/legal_terms.txt",
        "lexicons/generic_places.txt",
    ):
        words |= rules.words(name, lower=True)
    for yaml in ("lexicons/calendar.yaml", "lexicons/places.yaml"):
        lists = rules.lists(yaml)
        for key in lists.keys():  # noqa: SIM118 (WordLists is no dict: it is not iterable)
            words |= lists[key]
    return words


def word_first_names(
    rules: Rules, english_word: Callable[[str], bool], verbs_and_adjectives: frozenset[str]
) -> list[str]:
    """First names that are English words, less the words that are no names (see the module's text)."""
    attributes = ("first_names", "first_names_female", "first_names_male", "first_names_nonbinary")
    english = provider_names(attributes, english_only=True)
    known = (
        rules.words("names/first_names.txt", lower=True)
        | rules.words("names/word_names.txt", lower=True)
        | rules.words("names/world_first_names.txt", lower=True)
        | rules.nicknames.names
    )
    never = no_name_words(rules, verbs_and_adjectives)
    out = set()
    for name in provider_names(attributes):
        low = name.lower()
        if not script_ok(name) or not name[1:].islower() or low in known or low in never or not english_word(name):
            continue
        z = zipf_frequency(low, "en")
        if z >= (WORD_NAME_MAX_ZIPF if name in english else OTHER_LOCALE_WORD_NAME_MAX_ZIPF):
            continue
        if z < WORD_NAME_MIN_ZIPF and low not in verbs_and_adjectives:
            continue
        if low.endswith("s") and (low[:-1] in never | known or zipf_frequency(low[:-1], "en") >= DICTIONARY_WORD_ZIPF):
            continue  # "Annes", "Valves": a plural or a possessive written without its apostrophe
        out.add(name)
    return sorted(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "rules/names")
