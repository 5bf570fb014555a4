"""Invented names that fit the setting: the locale of the accounts, and the person's generation.

The locale comes from ``--locale`` or from the accounts themselves (``rules/compose/locales.yaml``:
place names, services, spellings). First names and surnames come from Faker's lists of the locales
``rules/compose/compose.yaml`` maps it to (Faker's own en_AU and en_CA person lists are its US ones).
Where a person's age is known, the first name is one that was common for people born then
(``rules/compose/name_decades.txt``). An invented name is never a name of the corpus or of the key,
never a common English word, and never used twice.
"""

from __future__ import annotations

import datetime
import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from faker import Faker

from qualdeid.compose.config import ComposeConfig
from qualdeid.pseudonymise.surrogates import GENDER_LOCALES, is_common_word, unisex_names
from qualdeid.rules import Rules

DEFAULT_LOCALE = "en_GB"
LOCALES = GENDER_LOCALES
_ALPHA = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
_ADULT_DECADES = (1950, 1960, 1970, 1980, 1990)


@dataclass(frozen=True)
class Invented:
    """An invented person: the names that stand for one or more real people in the draft."""

    first: str
    last: str
    gender: str | None  # "F", "M" or None


@cache
def _locale_signals(rules_dirs: tuple[Path, ...]) -> dict[str, list[tuple[re.Pattern[str], int]]]:
    out: dict[str, list[tuple[re.Pattern[str], int]]] = {}
    for doc in Rules(list(rules_dirs)).yaml("compose/locales.yaml"):
        for locale, by_weight in (doc or {}).items():
            for weight, words in (by_weight or {}).items():
                for w in words or []:
                    rx = re.compile(r"(?<![\w'’])" + re.escape(str(w)) + r"(?![\w'’])", re.IGNORECASE)
                    out.setdefault(str(locale), []).append((rx, int(weight)))
    return out


def infer_locale(texts: Iterable[str], rules_dirs: Iterable[Path] = ()) -> tuple[str, dict[str, int]]:
    """The locale the texts point to most, and every locale's score (en_GB when none scores)."""
    signals = _locale_signals(tuple(rules_dirs))
    scores: Counter[str] = Counter()
    for text in texts:
        for locale, patterns in signals.items():
            scores[locale] += sum(weight for rx, weight in patterns if rx.search(text))
    if not scores or max(scores.values()) == 0:
        return DEFAULT_LOCALE, dict(scores)
    best = max(sorted(scores), key=lambda loc: scores[loc])
    return best, {k: v for k, v in scores.items() if v}


@cache
def _decades(rules_dirs: tuple[Path, ...]) -> dict[tuple[str, str], frozenset[int]]:
    """(first name, sex) -> decades of birth in which it was common."""
    out: dict[tuple[str, str], frozenset[int]] = {}
    for path in Rules(list(rules_dirs)).files("compose/name_decades.txt"):
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("!"):
                out = {k: v for k, v in out.items() if k[0] != line[1:].strip()}
                continue
            parts = line.split()
            if len(parts) >= 3:
                out[(parts[0], parts[1])] = frozenset(int(d) for d in parts[2:] if d.isdigit())
    return out


@cache
def _pools(locales: tuple[str, ...]) -> dict[str, list[str]]:
    pools: dict[str, set[str]] = {"F": set(), "M": set(), "last": set()}
    for loc in locales:
        p = Faker(loc).provider("faker.providers.person")
        pools["F"] |= set(getattr(p, "first_names_female", ()))
        pools["M"] |= set(getattr(p, "first_names_male", ()))
        pools["last"] |= set(getattr(p, "last_names", ()))
    unisex = set(unisex_names())
    pools["X"] = pools["F"] & pools["M"] | (unisex & (pools["F"] | pools["M"]))
    return {k: sorted(n for n in v if _ALPHA.match(n)) for k, v in pools.items()}


def _sound(name: str) -> str:
    """The start of a name as it sounds, roughly: Catherine and Katherine, Philip and Filip agree."""
    n = name.lower().replace("ph", "f").replace("y", "i")
    return ("c" + n[1:] if n.startswith("k") else n)[:3]


class NamePicker:
    """Fresh invented names for one draft, reproducible with a seed."""

    def __init__(
        self,
        locale: str,
        config: ComposeConfig,
        *,
        seed: int | None,
        exclude: Iterable[str],
        year: int | None = None,
    ) -> None:
        self.locale = locale
        self.rng = random.Random(seed if seed is not None else random.SystemRandom().randrange(2**32))
        self.exclude = {e.lower() for e in exclude}
        self.year = year or datetime.date.today().year
        self.rules_dirs = tuple(config.rules_dirs)
        self.pools = _pools(tuple(config.name_locales.get(locale) or [locale]))
        self.decades = _decades(self.rules_dirs)
        self._starts: set[str] = set()  # first three letters of the first names given so far

    def _usable(self, name: str) -> bool:
        return name.lower() not in self.exclude and not is_common_word(name, rules_dirs=self.rules_dirs)

    def _firsts(self, gender: str | None, age: int | None) -> list[str]:
        key = gender if gender in ("F", "M") else "X"
        pool = [n for n in self.pools[key] if self._usable(n)]
        born = [(self.year - age) // 10 * 10] if age is not None else list(_ADULT_DECADES)
        sexes = [key] if key != "X" else ["F", "M"]
        for spread in (0, 10):
            wanted = {d + s for d in born for s in (-spread, 0, spread)}
            fitting = [n for n in pool if any(self.decades.get((n, x), frozenset()) & wanted for x in sexes)]
            if len(fitting) >= 5:
                return fitting
        return pool

    def pick(self, gender: str | None, age: int | None = None, last: str | None = None) -> Invented:
        """A new person; ``last`` keeps a family's invented surname."""
        firsts = self._firsts(gender, age)
        distinct = [n for n in firsts if _sound(n) not in self._starts]  # not Catherine beside Katherine
        firsts = distinct or firsts
        lasts = [n for n in self.pools["last"] if self._usable(n)]
        if not firsts or not lasts:
            raise RuntimeError("no invented name is left that is not a name of the corpus; use another --locale")
        first = self.rng.choice(firsts)
        surname = last or self.rng.choice([n for n in lasts if n != first] or lasts)
        self.exclude |= {first.lower(), surname.lower()}
        self._starts.add(_sound(first))
        return Invented(first, surname, gender if gender in ("F", "M") else None)
