"""The rare-detail rules (``rules/rare/``): lexicons, frame word lists and thresholds, and a fast
matcher of lexicon entries over spaCy tokens (one dictionary lookup per token)."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from qualdeid.detect.nlp.frequency import zipf_any_spelling
from qualdeid.detect.nlp.languages import OtherLanguages
from qualdeid.detect.nlp.tokens import token_table
from qualdeid.rules import Rules, RulesError, WordLists

if TYPE_CHECKING:
    from qualdeid.detect.rare.frames import Frames


class Category(StrEnum):
    """The lexicons of ``rules/rare/`` (``<category>.txt``), in order of precedence: the category is the
    subtype a detail found through one is reported with."""

    PHYSICAL_TRAIT = "physical_trait"
    FAMILY = "family"
    MINORITY = "minority"
    OCCUPATION = "occupation"
    HOBBY = "hobby"
    LIFE_EVENT = "life_event"
    PET = "pet"
    LANGUAGE = "language"
    SETTING = "setting"
    #: ``common.txt``: matched like the others so that a longer common entry ("bus driver") shadows a
    #: shorter rare one, but never evidence of anything
    COMMON = "common"


COMMON = Category.COMMON
CATEGORIES = tuple(c for c in Category if c is not COMMON)

_SPLIT = re.compile(r"[\w']+|[^\w\s]")


def entry_words(entry: str) -> tuple[str, ...]:
    """``"yo-yo champion"`` -> ``("yo", "-", "yo", "champion")``: the way spaCy tokenises it."""
    return tuple(w.lower() for w in _SPLIT.findall(entry))


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int  # token indices, end exclusive
    end: int
    category: str
    entry: str  # the lexicon entry as written (lowercase; "yo-yo" is one word, "glass eye" two)
    verb: bool = False  # matched through the verb of a hobby ("juggles" for "juggling")


@dataclass
class RareRules:
    """Everything the rare-detail processor reads from ``rules/rare/``."""

    entries: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    lists: WordLists = field(default_factory=lambda: WordLists("rules/rare", ()))
    maps: dict[str, dict[str, float]] = field(default_factory=dict)
    sets: dict[str, dict[str, frozenset[int]]] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()
    common_languages: frozenset[str] = frozenset()
    #: lexicons/relatives.txt: "her nan was a telegraphist" tells a person as "her neighbour ..." does
    relatives: frozenset[str] = frozenset()
    #: lexicons/clinical_terms.txt: medicines and treatments are rare words but no one's detail
    clinical: frozenset[str] = frozenset()
    #: everyday words of a setting's own language that are given names too (te reo Māori, Pacific words,
    #: ``words_also_names`` of ``rules/detect.yaml``): "whānau" is no one's craft
    everyday_words: frozenset[str] = frozenset()
    #: what people call their relatives in any language and the prayers and rites of faiths (``community_lexicons``
    #: of ``frames.yaml``): rare in English print, everyday in a family or a faith; "moved in with his zayde" or
    #: "goes to evensong" tells no rare detail by that word
    community_words: frozenset[str] = frozenset()
    #: verb -> one-word hobby entry it is the verb of ("juggle" -> "juggling"), for uncommon verbs only
    hobby_verbs: dict[str, str] = field(default_factory=dict)
    #: ``weights:`` of ``learned.yaml``: the trained finder's weights file (``default``: the shipped one)
    learned_weights: str = "default"
    #: ``clause_weights:`` of ``clauses.yaml``: the clause judge's weights file (``default``: the shipped one)
    clause_weights: str = "default"
    #: the other languages a text may be partly written in, and per language the verbs that open a role
    #: someone had ("fue", "était": ``role_verbs`` of ``rules/languages/<code>.yaml``)
    other_languages: OtherLanguages | None = None
    role_verbs: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, rules: Rules) -> RareRules:
        """The rare-detail rules of ``rules``, read once per :class:`Rules` (they are never changed after
        reading, so every processor and finder built on the same rules shares them)."""
        loaded = _LOADED.get(rules)
        if loaded is None:
            loaded = _LOADED[rules] = cls._read(rules)
        return loaded

    @classmethod
    def _read(cls, rules: Rules) -> RareRules:
        out = cls()
        seen: dict[tuple[str, ...], tuple[str, str]] = {}
        for category in (*CATEGORIES, COMMON):
            for item in sorted(rules.words(f"rare/{category}.txt", lower=True)):  # sorted: the same run to run
                words = tuple(w for w in entry_words(item) if w != "-") or entry_words(item)
                # common.txt wins over the lexicons; otherwise the earlier category wins
                if words and (words not in seen or category == COMMON):
                    seen[words] = (category, " ".join(item.split()))
        for words, (category, item) in seen.items():
            out.entries.setdefault(words[0], []).append((words, category, item))
        for candidates in out.entries.values():
            candidates.sort(key=lambda wc: (-len(wc[0]), wc[2]))
        out.common_words = frozenset(item for c, item in seen.values() if c == COMMON)
        hobbies = [item for c, item in seen.values() if c == Category.HOBBY]
        out.common_languages = frozenset(rules.words("rare/common_language.txt", lower=True))
        out.relatives = rules.words("lexicons/relatives.txt", lower=True)
        out.clinical = rules.words("lexicons/clinical_terms.txt", lower=True)
        everyday = rules.lists("detect.yaml")["words_also_names"]
        out.everyday_words = frozenset(w for name in everyday for w in rules.words(f"lexicons/{name}", lower=True))
        # the frames and shared words, and one file per finder family (a list is defined in one file only)
        files = sorted({f"rare/{path.name}" for path in rules.files("rare/*.yaml")})
        out.lists = rules.lists(*files)
        out.community_words = (
            frozenset(
                w for name in out.lists["community_lexicons"] for w in rules.words(f"lexicons/{name}", lower=True)
            )
            - out.lists["community_kept"]
        )
        out.other_languages = OtherLanguages(rules)
        for code in out.other_languages.languages:
            lists = rules.lists(f"languages/{code}.yaml") if rules.files(f"languages/{code}.yaml") else None
            if lists is not None and "role_verbs" in lists:
                out.role_verbs[code] = lists["role_verbs"]
        config = rules.settings(*files)
        out.learned_weights = str(config.pop("weights", None) or "default")
        out.clause_weights = str(config.pop("clause_weights", None) or "default")
        out.thresholds = {k: float(v) for k, v in (config.pop("thresholds", None) or {}).items()}
        for key, value in config.items():
            if isinstance(value, dict) and all(isinstance(v, list) for v in value.values()):
                out.sets[key] = {str(k).lower(): frozenset(int(n) for n in v) for k, v in value.items()}
            elif isinstance(value, dict):
                out.maps[key] = {str(k).lower(): float(v) for k, v in value.items()}
        out.hobby_verbs = _hobby_verbs(hobbies, out.words("not_hobby_verbs"))
        return out

    @cached_property
    def frames(self) -> Frames:
        """The frames of these rules (``frames.py``)."""
        from qualdeid.detect.rare.frames import Frames

        return Frames(self)

    def threshold(self, name: str) -> float:
        """A value of the ``thresholds:`` sections of ``rules/rare/*.yaml``."""
        if name not in self.thresholds:
            raise RulesError(f"rules/rare: no threshold '{name}'; a project's thresholds may change it, not remove it")
        return self.thresholds[name]

    def words(self, name: str) -> frozenset[str]:
        """A word list of ``rules/rare/*.yaml`` (lower case)."""
        return self.lists[name]

    @cached_property
    def person_nouns(self) -> frozenset[str]:
        """Nouns for people: ``person_nouns`` of ``frames.yaml`` and the relatives."""
        return self.words("person_nouns") | self.relatives

    def numbers(self, name: str) -> dict[str, float]:
        """A word -> number table of the YAML files (e.g. the usual count of a body part)."""
        return self.maps.get(name, {})

    def number_sets(self, name: str) -> dict[str, frozenset[int]]:
        """A word -> numbers table of the YAML files (e.g. the counts of a part that are unusual)."""
        return self.sets.get(name, {})

    def match_terms(self, sdoc: Doc) -> list[TermMatch]:
        """Longest non-overlapping lexicon matches (including ``common`` ones), left to right. A hyphen
        between words is optional on both sides: "lock-keeper" matches the entry "lock keeper"."""
        out: list[TermMatch] = []
        n = len(sdoc)
        table = token_table(sdoc)
        lowers = table.lowers
        lemmas = [_lemma(*t) for t in zip(lowers, table.lemmas, table.tags, strict=True)]
        i = 0
        while i < n:
            best: tuple[int, str, str] | None = None  # end token, category, entry
            best_len = 0
            for key in dict.fromkeys((lowers[i], lemmas[i])):  # in this order: the same run to run
                for words, category, item in self.entries.get(key, ()):
                    k = len(words)
                    if k <= best_len:
                        break
                    end = _match_rest(words, lowers, lemmas, i + 1, n)
                    if end is not None:
                        best, best_len = (end, category, item), k
                        break
            if best is None:
                hobby = self.hobby_verbs.get(lemmas[i]) if sdoc[i].pos_ == "VERB" else None
                if hobby is not None:
                    out.append(TermMatch(i, i + 1, Category.HOBBY, hobby, verb=True))
                i += 1
                continue
            end, category, item = best
            out.append(TermMatch(i, end, category, item))
            i = end
        return out


def _match_rest(words: tuple[str, ...], lowers: list[str], lemmas: list[str], p: int, n: int) -> int | None:
    """End token of ``words[1:]`` matched from token ``p`` on, hyphens in the text skipped."""
    for w in words[1:]:
        if p < n and lowers[p] == "-" and w != "-":
            p += 1
        if p >= n or (w != lowers[p] and w != lemmas[p]):
            return None
        p += 1
    return p


def _lemma(lower: str, lemma: str, tag: str) -> str:
    """A token's dictionary form from its lower-case form, spaCy lemma and tag; a plural the small model
    does not know ("axolotls") loses its -s."""
    lemma = lemma.lower()
    if lemma == lower and tag in ("NN", "NNS") and len(lower) > 4 and lower.endswith("s") and lower[-2] not in "su":
        return lower[:-1]
    return lemma


#: a hobby's verb this common has other senses ("fence", "curl", "weave"): not matched as the hobby
HOBBY_VERB_ZIPF = 3.1


def _hobby_verbs(entries: Iterable[str], not_verbs: frozenset[str]) -> dict[str, str]:
    """``juggling`` -> ``{"juggle": "juggling"}``: the verbs of one-word hobbies ending in -ing."""
    out: dict[str, str] = {}
    for entry in entries:
        if " " in entry or "-" in entry or not entry.endswith("ing") or len(entry) < 7:
            continue
        stem = entry[:-3]
        candidates = [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])  # "drumming" -> "drum"
        verb = max(candidates, key=zipf_any_spelling)  # the real word is the most frequent spelling
        if 1.0 <= zipf_any_spelling(verb) < HOBBY_VERB_ZIPF and verb not in not_verbs:
            out[verb] = entry
    return out


#: :meth:`RareRules.load`'s rules per Rules object (dropped with it)
_LOADED: weakref.WeakKeyDictionary[Rules, RareRules] = weakref.WeakKeyDictionary()
