"""The character's basic facts as each fragment states them, and where fragments contradict each other.

A composite character takes each fragment from a different person's account, so one fragment may say
"she has no kids" and the next "her grandson visited". The facts (family, living situation, job, age
band) and the phrases that state them are data: ``rules/compose/facts.yaml``. A phrase counts for
the fragment's subject only: its pronouns follow the subject's gender, or it names the subject.
Deterministic; no model.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from qualdeid.pseudonymise.people import age_of
from qualdeid.rules import Rules, RulesError

#: "he's not homeless yet", "never lived alone": the phrase after it is not stated
_NEGATED = re.compile(r"(?:\b(?:not|never|no longer)|n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{(pron|poss|refl)\}")
#: a number as an age: digits or words ("19", "forty-two")
_NUMBER = (
    r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|(?:thir|four|fif|six|seven|eigh|nine)teen)"
)
_PRONOUNS = {
    # format: People gender codes -> pronoun forms
    "F": {"pron": ["she"], "poss": ["her"], "refl": ["herself"]},
    "M": {"pron": ["he"], "poss": ["his"], "refl": ["himself"]},
    None: {
        "pron": ["she", "he", "they"],
        "poss": ["her", "his", "their"],
        "refl": ["herself", "himself", "themselves"],
    },
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One basic fact a sentence states about the character: ``family: no children``."""

    kind: str  # family | living situation | job | age (the keys of facts.yaml) | home town
    value: str
    phrase: str  # the words that state it, as written (IDENTIFYING for a home town: never in a draft)
    years: int | None = None  # an age stated in a number

    @property
    def key(self) -> str:
        return f"{self.kind}: {self.value}"


class Facts:
    """The phrases of ``compose/facts.yaml`` (defaults, then each project folder), and which values clash."""

    def __init__(self, rules_dirs: Iterable[Path] = ()) -> None:
        phrases: dict[tuple[str, str], set[str]] = {}
        agree: set[frozenset[str]] = set()
        contradict: set[frozenset[str]] = set()
        bands: dict[str, int] = {}
        home: set[str] = set()
        self.age_years_apart = 3
        for doc in Rules(rules_dirs).yaml("compose/facts.yaml"):
            if not isinstance(doc, dict):
                continue
            for kind, values in (doc.get("facts") or {}).items():
                for value, entries in (values or {}).items():
                    words = phrases.setdefault((str(kind), str(value)), set())
                    for entry in entries or []:
                        entry = " ".join(str(entry).lower().split())
                        if entry.startswith("!"):
                            words.discard(entry[1:].strip())
                        else:
                            words.add(entry)
            for name, into in (("agree", agree), ("contradict", contradict)):
                for pair in doc.get(name) or []:
                    if not isinstance(pair, list) or len(pair) != 2:
                        raise RulesError(
                            f"compose/facts.yaml: each '{name}' entry is a pair [fact: value, fact: value]"
                        )
                    into.add(frozenset(_fact_key(p) for p in pair))
            for band, lowest in (doc.get("age_bands") or {}).items():
                bands[str(band)] = int(lowest)
            for entry in doc.get("home_town") or []:
                entry = " ".join(str(entry).lower().split())
                if entry.startswith("!"):
                    home.discard(entry[1:].strip())
                else:
                    home.add(entry)
            if "age_years_apart" in doc:
                self.age_years_apart = int(doc["age_years_apart"])
        self.home_town = sorted(home, key=len, reverse=True)
        self.phrases = {k: sorted(v, key=len, reverse=True) for k, v in phrases.items() if v}
        self.age_bands = sorted(bands.items(), key=lambda b: b[1])
        self.agree = agree
        self.contradict = contradict
        self._patterns: dict[str | None, list[tuple[str, str, re.Pattern[str]]]] = {}

    def clash(self, a: str, b: str) -> bool:
        """Two fact keys (``"family: no children"``) that cannot both be true of one person."""
        if a == b:
            return False
        pair = frozenset((a.lower(), b.lower()))
        if a.split(":")[0] == b.split(":")[0]:
            return pair not in self.agree
        return pair in self.contradict

    def of(self, text: str, start: int, end: int, gender: str | None, names: Iterable[str] = ()) -> list[Fact]:
        """The facts ``text[start:end]`` states about a subject of ``gender`` named ``names``; where
        phrases overlap, the longest counts ("lost his job" is out of work, not "his job"). The
        subject's name is read as their pronoun, so a phrase quotes no name ("her grandson")."""
        part = text[start:end]
        forms = _PRONOUNS[gender if gender in _PRONOUNS else None]
        for name in sorted(set(names), key=len, reverse=True):
            if name.strip():
                part = re.sub(rf"(?<![\w'’]){re.escape(name)}['’]s\b", forms["poss"][-1], part)
                part = re.sub(rf"(?<![\w'’]){re.escape(name)}(?![\w'’])", forms["pron"][-1], part)
        found: list[tuple[int, int, Fact]] = []
        for kind, value, rx in self._compiled(gender):
            for m in rx.finditer(part):
                if not _NEGATED.search(part, max(0, m.start() - 24), m.start()):
                    found.append((m.start(), m.end(), Fact(kind, value, m.group())))
        found += self._ages(part, forms)
        found += self._home_towns(part, forms)
        out: list[Fact] = []
        taken: list[tuple[int, int]] = []
        for a, b, fact in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if any(x < b and a < y for x, y in taken):
                continue
            taken.append((a, b))
            out.append(fact)
        return out

    def _ages(self, part: str, forms: dict[str, list[str]]) -> list[tuple[int, int, Fact]]:
        """ "she's 19", "he turned 64", "she (45)": the age band the subject is in now."""
        if not self.age_bands:
            return []
        pron = "|".join(forms["pron"])
        rx = re.compile(
            rf"(?<![\w'’])(?:{pron})(?:\s+(?:is|turned|turns|has\s+just\s+turned|just\s+turned)\s+|['’]s\s+|\s*\(\s*)"
            rf"({_NUMBER})(?![\w'’-])(?!\s*(?:minutes|hours|days|weeks|months|am|pm|o['’]clock)\b)(?:\s*\))?",
            re.IGNORECASE,
        )
        out = []
        for m in rx.finditer(part):
            age = age_of(m.group(1))
            if age is None:
                continue
            band = [name for name, lowest in self.age_bands if age >= lowest][-1]
            out.append((m.start(), m.end(), Fact("age", band, m.group(), age)))
        return out

    def clashes(self, mine: Iterable[Fact], theirs: Iterable[Fact], years: bool = False) -> list[tuple[Fact, Fact]]:
        """The pairs that cannot both be true; ``years``: two ages of one band far apart too (for the author's
        notes: the selection does not avoid them, as most accounts give their subject an age of their own)."""
        theirs = list(theirs)
        return [(a, b) for a in mine for b in theirs if self.clash(a.key, b.key) or (years and self._ages_apart(a, b))]

    def _ages_apart(self, a: Fact, b: Fact) -> bool:
        """Two ages in years of one band that are too far apart for one person ("she's 34", "she's 52")."""
        return (
            a.kind == b.kind == "age"
            and a.years is not None
            and b.years is not None
            and abs(a.years - b.years) > self.age_years_apart
        )

    def _home_towns(self, part: str, forms: dict[str, list[str]]) -> list[tuple[int, int, Fact]]:
        """ "she's from <Place>", "he grew up in <Place>": where the character comes from, the place's
        capitalised words as the value (so two accounts' different towns contradict)."""
        if not self.home_town:
            return []
        fill = {k: "|".join(v) for k, v in forms.items()}
        phrases = "|".join(_regex(p, fill) for p in self.home_town)
        rx = re.compile(rf"(?<![\w'’])(?i:{phrases})\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+(?!I\b)[A-Z][\w'’-]+){{0,2}})")
        return [(m.start(), m.end(), Fact("home town", m.group(1).lower(), m.group())) for m in rx.finditer(part)]

    def _compiled(self, gender: str | None) -> list[tuple[str, str, re.Pattern[str]]]:
        key = gender if gender in _PRONOUNS else None
        if key not in self._patterns:
            fill = {k: "|".join(v) for k, v in _PRONOUNS[key].items()}
            self._patterns[key] = [(k, v, _pattern(phrases, fill)) for (k, v), phrases in self.phrases.items()]
        return self._patterns[key]


def _fact_key(entry: object) -> str:
    """ "family: children" as YAML reads it inside a list (a one-key mapping), or as a quoted string."""
    if isinstance(entry, dict) and len(entry) == 1:
        ((kind, value),) = entry.items()
        entry = f"{kind}: {value}"
    return " ".join(str(entry).lower().split())


def _pattern(phrases: list[str], fill: dict[str, str]) -> re.Pattern[str]:
    alternatives = "|".join(_regex(p, fill) for p in phrases)
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?:['’]s)?(?![\w'’])", re.IGNORECASE)  # "her grandson's"


def _regex(phrase: str, fill: dict[str, str]) -> str:
    """A phrase of facts.yaml as a regex: its (a|b) groups spelled out, words literal, a space any
    run of spaces, and none needed before an apostrophe ("she 's" is "she's")."""
    out = []
    for plain in _spelled_out(phrase):
        plain = plain.replace(" '", "'")
        pieces = []
        for piece in re.split(r"(\{\w+\})", plain):
            m = _PLACEHOLDER.fullmatch(piece)
            literal = re.escape(piece).replace(r"\ ", r"\s+").replace("'", "['’]")
            pieces.append(f"(?:{fill[m.group(1)]})" if m else literal)
        out.append("".join(pieces))
    return "|".join(out)


def _spelled_out(phrase: str) -> list[str]:
    m = re.search(r"\(([^()]*)\)", phrase)
    if m is None:
        return [phrase]
    return [
        x for alt in m.group(1).split("|") for x in _spelled_out(phrase[: m.start()] + alt.strip() + phrase[m.end() :])
    ]


def contradictions(facts: Facts, per_part: list[list[Fact]]) -> list[tuple[int, Fact, int, Fact]]:
    """Each contradicting pair of values once: (part i, its fact, part j, its fact), i < j; facts of one
    part never contradict each other here (one account can tell a change: "lost his job")."""
    out, seen = [], set()
    for (i, a_facts), (j, b_facts) in itertools.combinations(enumerate(per_part), 2):
        for a, b in facts.clashes(a_facts, b_facts, years=True):
            pair = frozenset((a.key, b.key))
            if pair not in seen:
                seen.add(pair)
                out.append((i, a, j, b))
    return out
