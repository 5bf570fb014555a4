"""The name lists of ``rules/names/`` (lower case), read once per detector: what every part of
detection knows about names, whether it reads them from the layout or from the words around them."""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.languages import SETTINGS as OTHER_LANGUAGES
from qualdeid.detect.nlp.languages import zipf_in
from qualdeid.rules import Rules

#: The possessive ending of a name: "Sam's", "SAM’S", "James'" (a bare apostrophe only after an s).
POSSESSIVE_ENDING = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)


#: Lexicons of ``rules/lexicons/`` whose words are terms, never names by themselves.
TERM_LEXICONS = ("clinical_terms", "legal_terms", "te_reo_maori", "pacific_words")


#: Letters with a stroke, which Unicode does not decompose, typed as their plain letter ("Paweł" ->
#: "Pawel", "Đức" -> "Duc", "Søren" -> "Soren"): one letter for one, so a plain form is as long as the word.
_STROKED = str.maketrans("ŁłĐđØøĦħŦŧƗɨı", "LlDdOoHhTtIii")


def without_marks(word: str) -> str:
    """ "whānau" -> "whanau", "Paweł" -> "Pawel": macrons, accents and strokes dropped, as people often type
    them."""
    if word.isascii():  # no marks to drop (the review reads whole documents through this)
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word.translate(_STROKED)) if not unicodedata.combining(c))


#: the last letters of a Greek masculine name addressed or as an object: "Νίκο", "Γιάννη", "Κώστα"
_GREEK_OBLIQUE_ENDINGS = frozenset("οηαόήά")


class NameSet(frozenset[str]):
    """A list of names in lower case that also holds each name written with accents the list lacks:
    "éanna" is in it when "eanna" is, as writers add the marks that a list typed in plain letters
    left out — unless the marked word is an everyday word of another language ("età" is no "Eta") —
    and each Greek masculine name without its final sigma, as it is written when someone is addressed
    or is the object ("Γιώργο," of "Γιώργος")."""

    languages: tuple[str, ...] = ()
    word_zipf = 4.0
    #: the syllables of given names of each language that writes them joined by a hyphen ("min-jun")
    syllables: tuple[frozenset[str], ...] = ()

    def __new__(
        cls,
        names: Iterable[str],
        languages: Iterable[str] = (),
        word_zipf: float = 4.0,
        syllables: Iterable[frozenset[str]] = (),
    ) -> NameSet:
        self = super().__new__(cls, names)
        self.languages = tuple(languages)
        self.word_zipf = word_zipf
        self.syllables = tuple(syllables)
        return self

    def __contains__(self, word: object) -> bool:
        if super().__contains__(word):
            return True
        if isinstance(word, str) and "-" in word and self.syllables and self.syllabic(word):
            return True
        if not isinstance(word, str) or word.isascii():
            return False
        if word[-1:] in _GREEK_OBLIQUE_ENDINGS and super().__contains__(word + "ς"):
            return True
        if not super().__contains__(without_marks(word)):
            return False
        return all(zipf_in(word, language) < self.word_zipf for language in self.languages)

    def syllabic(self, word: str) -> bool:
        """ "min-jun", "chia-hao": two syllables of given names of one language joined by a hyphen, no English
        word written joined or hyphenated ("hip-hop", "so-so")."""
        parts = word.lower().split("-")
        if len(parts) != 2 or not all(parts):
            return False
        if not any(parts[0] in language and parts[1] in language for language in self.syllables):
            return False
        if zipf(parts[0] + parts[1]) >= SYLLABIC_WORD_ZIPF:
            return False  # "hiphop", "pingpong": an English word however it is written
        return not all(zipf(part) >= SYLLABIC_PART_ZIPF for part in parts)  # "so-so", "a-ok", "to-do"


#: a pair of syllables this common in English written joined is a word ("yo-yo", "ping-pong")
SYLLABIC_WORD_ZIPF = 3.0
#: a pair of syllables both this common in English is an English compound ("so-so", "a-ok")
SYLLABIC_PART_ZIPF = 4.0


@dataclass(frozen=True)
class NameLexicon:
    #: first names, and every form of the nickname list ("William: Will, Bill": all three)
    first_names: frozenset[str]
    surnames: frozenset[str]
    #: surnames that are also everyday words (Price, Long, West)
    surname_words: frozenset[str]
    #: names that are also words or places (Hope, Will, Dawn; by hand and from Faker), and the surname words
    word_names: frozenset[str]
    #: titles before a name (Dr, Mrs, Aunty)
    titles: frozenset[str]
    #: words that turn a name into a place, an organisation or an event (Heath *Ward*, Grace *Street*,
    #: a saint's *Day*, an awareness *Week*)
    place_heads: frozenset[str]
    #: as written: abbreviations (GP, CPN, U.S.) and speaker roles in capitals, never a person's initials
    not_initials: frozenset[str]
    #: speaker roles of transcripts ("interviewer", "moderator")
    roles: frozenset[str]
    #: field labels of templates, letters and posts ("note", "subject", "address")
    fields: frozenset[str]
    #: name prefixes a capital follows (McBride, MacKenzie, DeShawn)
    capital_prefixes: frozenset[str]
    #: one-word terms of other lexicons that are never a name on their own evidence: clinical and legal
    #: terms, te reo Māori and Pacific words ("ECG", "kai", "talanoa"), without their macrons
    terms: frozenset[str]
    #: honorifics written after a name and a space ("Selin abla", "arun bhai"): part of the name's span
    honorifics: frozenset[str] = frozenset()
    #: words that join a name right after them, capitalised, and are never a name alone ("Daw Nilar", "Big
    #: Tadhg"; ``names/name_prefixes.txt``)
    prefixes: frozenset[str] = frozenset()

    @classmethod
    def read(cls, rules: Rules) -> NameLexicon:
        """The name lists of ``rules``, read once per :class:`Rules` (the lexicon is frozen: the finders, the
        processors of every detection run and the detector built on the same rules share it)."""
        lexicon = _READ.get(rules)
        if lexicon is None or type(lexicon) is not cls:
            lexicon = _READ[rules] = cls._read(rules)
        return lexicon

    @classmethod
    def _read(cls, rules: Rules) -> NameLexicon:
        surname_words = rules.words("names/surname_words.txt", lower=True)
        roles = rules.words("lexicons/speaker_roles.txt", lower=True)
        context = rules.lists("names/context.yaml")
        other = rules.settings(OTHER_LANGUAGES)
        languages = ([str(code) for code in other.get("languages", [])], float(other.get("word_zipf", 4.0)))
        terms = set().union(*(rules.words(f"lexicons/{name}.txt", lower=True) for name in TERM_LEXICONS))
        syllables = rules.lists("names/given_syllables.yaml")
        return cls(
            first_names=NameSet(
                rules.words("names/first_names.txt", lower=True)
                | rules.words("names/world_first_names.txt", lower=True)
                | rules.nicknames.names,
                *languages,
                syllables=[syllables[key] for key in syllables],
            ),
            surnames=NameSet(
                rules.words("names/surnames.txt", lower=True) | rules.words("names/world_surnames.txt", lower=True),
                *languages,
            ),
            surname_words=surname_words,
            word_names=rules.words("names/word_names.txt", lower=True)
            | rules.words("names/word_first_names.txt", lower=True)
            | surname_words,
            titles=rules.words("names/titles.txt", lower=True),
            place_heads=rules.words("names/place_heads.txt", lower=True) | context["event_heads"],
            not_initials=rules.words("names/not_initials.txt") | {r.upper() for r in roles},
            roles=roles,
            fields=rules.words("lexicons/field_labels.txt", lower=True),
            capital_prefixes=context["capital_prefixes"],
            terms=frozenset(without_marks(t) for t in terms if " " not in t),
            honorifics=frozenset(w for w in rules.words("names/titles_after.txt", lower=True) if w[0] != "-"),
            prefixes=rules.words("names/name_prefixes.txt", lower=True),
        )

    def is_term(self, word: str) -> bool:
        return without_marks(word.lower()) in self.terms

    def is_first_name(self, word: str) -> bool:
        """A listed first name, or a name that is also a word."""
        low = word.lower()
        return low in self.first_names or low in self.word_names

    def is_name(self, word: str) -> bool:
        """A listed first name or surname."""
        low = word.lower()
        return low in self.first_names or low in self.surnames

    def name_shaped(self, word: str) -> bool:
        """ "Sam", "Zoë", "O'Brien", "McBride", "DeShawn", "Anne-Marie", "ʻAna" — not "RARE_DETAIL", "AgeRecognizer"."""
        word = word.removeprefix("\u02bb")  # the ʻokina: "ʻAna"
        if len(word) < 2 or not word[0].isupper() or not all(c.isalpha() or c in "'’-" for c in word):
            return False
        for i in range(1, len(word)):
            if word[i].isupper() and word[i - 1] not in "'’-" and word[:i].lower() not in self.capital_prefixes:
                return False
        return True


#: :meth:`NameLexicon.read`'s lexicon per Rules object (dropped with it)
_READ: weakref.WeakKeyDictionary[Rules, NameLexicon] = weakref.WeakKeyDictionary()
