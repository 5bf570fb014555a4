"""Build ``rules/names/world_first_names.txt`` and ``rules/names/world_surnames.txt``: first names and
surnames of many languages, from the person providers of Faker (already a dependency of qualdeid;
MIT licence; lists of common names, not derived from leaked personal data).

    python3 tools/build_world_names.py rules/names

Kept: one-word names in Latin, Greek, Cyrillic or Armenian script that the hand-kept lists (first_names.txt,
surnames.txt) do not already hold. Left out: names that are common English words (in spaCy's
dictionary and used often, or very common whatever they are: "Rose", "Will", "Long"), so that
such a word is never a name by the list alone; the hand-kept lists and word_names.txt decide those.
The output is sorted, so a rebuild with the same Faker and wordfreq versions gives the same files.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import unicodedata
from pathlib import Path

import faker.providers.person
from wordfreq import zipf_frequency

from qualdeid.detect.nlp.loading import dictionary_words, load_model
from qualdeid.rules import Rules

#: A dictionary word used at least this often (wordfreq Zipf) is an English word, not a name alone.
DICTIONARY_WORD_ZIPF = 3.0
#: Any word used at least this often is left out ("Van", "Can", "Man").
VERY_COMMON_ZIPF = 4.5
SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN")

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


def provider_names(attribute_groups: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
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


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "rules/names")
