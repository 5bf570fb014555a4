"""Invented values: person names, place words, acronyms and numbers.

Each surrogate is deterministic from (secret, what it stands for), so a seed reproduces a run,
and is checked against the *forbidden* set (every real name and place word seen in the corpus)
and against common English words, so a pseudonym never reads as a real participant or as a word.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
from functools import cache

from faker import Faker
from faker.config import AVAILABLE_LOCALES

from qualdeid.detect.names.lexicon import without_marks
from qualdeid.rules import Rules

#: English-speaking locales whose Faker name lists give the gender of a first name.
GENDER_LOCALES = ("en_US", "en_GB", "en_AU", "en_CA", "en_IE", "en_NZ")
DEFAULT_LOCALE = "en_GB"
#: A word at or above this Zipf frequency (wordfreq) is a common word, never a pseudonym.
DEFAULT_COMMON_ZIPF = 5.0
_ALPHA = re.compile(r"^[A-Za-z][a-z]+$")


class LocaleError(ValueError):
    pass


def check_locale(locale: str) -> str:
    if locale not in AVAILABLE_LOCALES:
        english = ", ".join(sorted(x for x in AVAILABLE_LOCALES if x.startswith("en_")))
        raise LocaleError(f"unknown locale '{locale}'; use one of Faker's locales, e.g. {english}")
    return locale


def _names(locale: str, attr: str) -> list[str]:
    provider = Faker(locale).provider("faker.providers.person")
    values = getattr(provider, attr, None) or ()
    return sorted({str(v) for v in values})


@cache
def gender_table() -> dict[str, str]:
    """lowercase first name → "F" or "M" (names listed under both genders are left out)."""
    female: set[str] = set()
    male: set[str] = set()
    for loc in GENDER_LOCALES:
        female |= {n.lower() for n in _names(loc, "first_names_female")}
        male |= {n.lower() for n in _names(loc, "first_names_male")}
    table = {n: "F" for n in female - male}
    table.update({n: "M" for n in male - female})
    return table


@cache
def unisex_names() -> list[str]:
    """First names listed under both genders in the English locales (Alex, Jordan, Riley, ...)."""
    female: set[str] = set()
    male: set[str] = set()
    for loc in GENDER_LOCALES:
        female |= set(_names(loc, "first_names_female"))
        male |= set(_names(loc, "first_names_male"))
    return sorted(n for n in female & male if _ALPHA.match(n))


@cache
def nickname_table(rules_dirs: tuple = ()) -> dict[str, set[str]]:
    """lowercase short form → the formal first names it may stand for (the detector's nickname list)."""
    return {short: set(formals) for short, formals in Rules(rules_dirs).nicknames.formals.items()}


def formal_forms(first: str, nicknames: dict[str, set[str]]) -> set[str]:
    """The forms a first name is compared by: itself, its form without accents or strokes (people often
    type a name without them: "Zoë" and "Zoe" are one name) and the formal names it is a nickname of."""
    f = first.lower()
    plain = without_marks(f)
    return {f, plain} | nicknames.get(f, set()) | nicknames.get(plain, set())


@cache
def _common_words(rules_dirs: tuple = ()) -> frozenset[str]:
    """Names that are also everyday words (``rules/names/word_names.txt``): never a pseudonym."""
    rules = Rules(list(rules_dirs))
    return frozenset(
        rules.words("names/word_names.txt", lower=True) | rules.words("names/surname_words.txt", lower=True)
    )


def is_common_word(word: str, threshold: float = DEFAULT_COMMON_ZIPF, rules_dirs: tuple = ()) -> bool:
    from qualdeid.detect.nlp.frequency import zipf

    w = word.lower()
    return w in _common_words(rules_dirs) or zipf(w) >= threshold


class Surrogates:
    """Makes pseudonyms for one locale; ``forbidden`` and ``used`` are lowercase words."""

    def __init__(
        self,
        locale: str,
        secret: str,
        forbidden: set[str] | None = None,
        used: set[str] | None = None,
        *,
        common_zipf: float = DEFAULT_COMMON_ZIPF,
        rules_dirs: tuple = (),
    ) -> None:
        self.locale = check_locale(locale)
        self.secret = secret.encode("utf-8")
        self.forbidden = forbidden if forbidden is not None else set()
        self.used = used if used is not None else set()
        self.common_zipf = common_zipf
        self.rules_dirs = rules_dirs
        self._faker = Faker(locale)
        female = self._pool("first_names_female")
        male = self._pool("first_names_male")
        if not female or not male:  # locales without gendered lists
            female = male = self._pool("first_names")
        self.first_pools = {"F": female, "M": male, None: unisex_names()}
        self.any_first = sorted(set(female) | set(male))
        self.last_pool = self._pool("last_names")
        self._ok_cache: dict[str, bool] = {}

    def _pool(self, attr: str) -> list[str]:
        names = [n for n in _names(self.locale, attr) if _ALPHA.match(n)]
        return names or [n for n in _names("en_GB", attr) if _ALPHA.match(n)]

    def rng(self, *parts: str) -> random.Random:
        digest = hmac.new(self.secret, "\x1f".join(parts).encode("utf-8"), hashlib.sha256).digest()
        return random.Random(int.from_bytes(digest[:16], "big"))

    def acceptable(self, word: str) -> bool:
        w = word.lower()
        if w in self.forbidden or w in self.used:
            return False
        ok = self._ok_cache.get(w)
        if ok is None:
            ok = not is_common_word(w, self.common_zipf, self.rules_dirs)
            self._ok_cache[w] = ok
        return ok

    def pick(self, pool: list[str], rng: random.Random, *, fallback: list[str] | None = None) -> str:
        """A pool entry that is acceptable; marks it used. Then the fallback pool, then an invented compound."""
        for candidates, tries in ((pool, 400), (fallback or [], 400)):
            for _ in range(tries if candidates else 0):
                cand = candidates[rng.randrange(len(candidates))]
                if self.acceptable(cand):
                    self.used.add(cand.lower())
                    return cand
        while True:  # pool exhausted: combine two entries ("Ashby" + "ton")
            cand = pool[rng.randrange(len(pool))] + pool[rng.randrange(len(pool))].lower()[-3:]
            if self.acceptable(cand):
                self.used.add(cand.lower())
                return cand

    def first_name(self, key: str, gender: str | None) -> str:
        """A first name of the given gender ("F"/"M"); unknown gender: a name used for both."""
        pool = self.first_pools.get(gender) or self.first_pools[None]
        return self.pick(pool, self.rng("first", key), fallback=self.any_first)

    def last_name(self, key: str) -> str:
        return self.pick(self.last_pool, self.rng("last", key))

    def place_word(self, key: str) -> str:
        """A capitalised invented word for the specific part of a place or organisation name."""
        return self.pick(self.last_pool, self.rng("place", key))

    def whole_place(self, key: str, label: str) -> str:
        """A complete surrogate when nothing of the original can be kept (a town, a company)."""
        rng = self.rng("whole", label, key)
        for _ in range(200):
            self._faker.seed_instance(rng.getrandbits(64))
            cand = self._faker.city() if label == "LOCATION" else self._faker.company()
            words = re.findall(r"[A-Za-z]+", cand)
            if cand.lower() not in self.used and all(w.lower() not in self.forbidden for w in words):
                self.used.add(cand.lower())
                return cand
        return self.place_word(key)

    def letters(self, key: str, n: int) -> str:
        """Invented capital letters (acronyms, middle initials) that do not spell a word."""
        rng = self.rng("letters", key)
        fallback = None
        # Unused letters are preferred, but with only 26 single letters they run out in a large
        # corpus: then an already used one is fine (two people may share a middle initial).
        for _ in range(500):
            cand = "".join(chr(65 + rng.randrange(26)) for _ in range(n))
            if n >= 2 and not self.acceptable(cand):
                continue
            if cand.lower() not in self.used:
                self.used.add(cand.lower())
                return cand
            fallback = fallback or cand
        return fallback or "X" * n

    def digits(self, key: str, original: str) -> str:
        """Same shape, other digits (house numbers, room numbers)."""
        rng = self.rng("digits", key)
        for _ in range(50):
            cand = "".join(str(rng.randrange(10)) if c.isdigit() else c for c in original)
            if cand != original and not (len(cand) > 1 and cand[0] == "0" and original[0] != "0"):
                return cand
        return original if not any(c.isdigit() for c in original) else "".join("9" for _ in original)
