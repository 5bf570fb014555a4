"""The rules folders: plain data files a researcher can read and edit, read in this one place.

The defaults ship with qualdeid; a project adds its own folder on top (``--rules DIR``), and later
folders win. Two formats, one parser each:

* **lists** (``*.txt``): one entry per line, ``#`` starts a comment, a line ``!entry`` removes an entry
  that an earlier folder added. :meth:`Rules.words` merges a list across the folders;
  :meth:`Rules.nicknames` reads the nickname list, whose entries are ``Formal: short, short``.
* **YAML** (``*.yaml``): :meth:`Rules.yaml` gives every folder's copy, defaults first;
  :meth:`Rules.lists` merges the word lists in them as lists are merged (a project's words add,
  ``"!word"`` removes), and :meth:`Rules.settings` merges settings (a later folder's value wins).

Every file is parsed once (the parse is kept until the file changes) and every merged list once per
:class:`Rules`, so the detector, ``scrub``, ``compose`` and ``risk`` read the same rules the same way
however often they ask.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

NICKNAMES = "names/nicknames.txt"
TITLES = "names/titles.txt"
TITLE_GENDERS = "names/title_genders.yaml"


def default_rules_dir() -> Path:
    """The bundled rules: ``qualdeid/_rules`` in an installed wheel, ``rules/`` in a source checkout."""
    packaged = Path(str(resources.files("qualdeid"))) / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


class RulesError(ValueError):
    """A rules file that cannot be read; the message names the file and says what to do."""


@dataclass(frozen=True)
class Nicknames:
    """The nickname list (lower case): the formal names a short form stands for, and back.

    ``"William: Will, Bill"`` makes "will" and "bill" short forms of "william".
    """

    #: short form -> the formal names it may stand for
    formals: Mapping[str, frozenset[str]]
    #: formal name -> its short forms
    shorts: Mapping[str, frozenset[str]]

    @classmethod
    def parse(cls, entries: Iterable[str]) -> Nicknames:
        formals: dict[str, set[str]] = {}
        shorts: dict[str, set[str]] = {}
        for entry in sorted(entries):  # sorted: the same tables run after run
            formal, _, rest = entry.lower().partition(":")
            formal = formal.strip()
            shorts.setdefault(formal, set())
            for short in (s.strip() for s in rest.split(",")):
                if short and short != formal:
                    formals.setdefault(short, set()).add(formal)
                    shorts.setdefault(formal, set()).add(short)
        return cls(
            {k: frozenset(v) for k, v in formals.items()},
            {k: frozenset(v) for k, v in shorts.items()},
        )

    def related(self, name: str) -> frozenset[str]:
        """The other forms of a name one step away: its short forms and the formal names it is short for."""
        key = name.lower()
        return self.shorts.get(key, frozenset()) | self.formals.get(key, frozenset())

    @cached_property
    def names(self) -> frozenset[str]:
        """Every name of the list, formal or short: all of them are first names."""
        return frozenset(self.formals) | frozenset(self.shorts)


@dataclass(frozen=True)
class Titles:
    """Titles before a name (``names/titles.txt``, lower case) and the gender some of them give
    (``names/title_genders.yaml``)."""

    names: frozenset[str]
    genders: Mapping[str, str]  # title -> "F" or "M"

    def __contains__(self, title: object) -> bool:
        """``"dr" in titles``: a lower-case title without its full stop."""
        return title in self.names

    def gender(self, title: str) -> str | None:
        return self.genders.get(title.lower().rstrip("."))


class WordLists:
    """The word lists of YAML files (``key: [word, word, ...]``), merged across the rules folders as
    lists are: a later folder's words add to a list, ``"!word"`` removes one. ``lists["kin"]`` is a
    frozen set of lower-case words; :meth:`pattern` writes lists as a regex alternation."""

    def __init__(self, name: str, docs: Iterable[Any]) -> None:
        self.name = name
        merged: dict[str, set[str]] = {}
        for doc in docs:
            for key, value in _mapping(name, doc).items():
                if not isinstance(value, list):
                    continue
                words = merged.setdefault(str(key), set())
                for entry in value:
                    word = _word(name, str(key), entry)
                    if word.startswith("!"):
                        words.discard(word[1:].strip())
                    else:
                        words.add(word)
        self._lists = {k: frozenset(v) for k, v in merged.items()}

    def __getitem__(self, key: str) -> frozenset[str]:
        if key not in self._lists:
            raise RulesError(f"{self.name}: no word list '{key}'; a project's file may change a list, not remove it")
        return self._lists[key]

    def __contains__(self, key: str) -> bool:
        return key in self._lists

    def keys(self) -> Iterable[str]:
        return self._lists.keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self._lists)

    def pattern(self, *keys: str) -> str:
        """The words of the lists ``keys`` as a regex alternation (:func:`alternation`)."""
        return alternation(set().union(*(self[k] for k in keys)))


def alternation(words: Iterable[str], space: str = r"[ \t]+", *, tree: bool = True) -> str:
    """Words as a regex alternation (no group): longest first, a space standing for ``space`` (by
    default any run of spaces and tabs: "next door" also matches "next  door").

    Written as a tree of shared beginnings ("blor(?:[ \\t]+vane|p)?" for "blor vane", "blorp", "blor"),
    which both regex modules search far faster than a flat list of a few hundred words (they try every
    word in turn at every position). Same matches as the flat list (``tree=False``) wherever it is
    used, with either module and any flags but the ``regex`` module's FULLCASE (and V1, which sets it):
    the longest word that fits is tried first, then the shorter ones, as the flat list tries them
    (:func:`_word_tree`). Words it cannot prove that for are written flat."""
    ordered = tuple(sorted(words, key=lambda w: (-len(w), w)))
    written = _word_tree(ordered, space) if tree else None
    return written if written is not None else "|".join(re.escape(w).replace(r"\ ", space) for w in ordered)


#: the spaces :func:`_word_tree` knows: each matches only whitespace and ends where the next word's letter begins
_TREE_SPACES = frozenset([r"[ \t]+", " ", r"\s+"])
_END = ""


@lru_cache(maxsize=1024)
def _word_tree(words: tuple[str, ...], space: str) -> str | None:
    """The words (longest first) as a tree of shared beginnings, or None where that could match otherwise.

    Each word, where it fits at a position, covers text of one length (a letter is one character; a space
    covers the whole run of spaces, since the next letter is no space), so two words that fit at one position
    share a beginning, letter for letter, unless they part at two letters that may match one character of
    text (two cases of a letter, "i" and the dotless "ı"): below such letters the words are written flat,
    longest first. The tree tries a longer word before the shorter one it extends, as the flat list does."""
    if len(words) < 2 or space not in _TREE_SPACES:
        return None
    root: dict[str, Any] = {}
    for word in words:
        if not word or word != " ".join(word.split()):
            return None
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if any(_is_space(c) for c in {c for w in words for c in w} - {" "}):
        return None
    return _tree_pattern(root, space)


def _tree_pattern(node: dict[str, Any], space: str) -> str:
    branches: list[str] = []
    for cluster in _clusters(sorted(k for k in node if k != _END)):
        if len(cluster) == 1:
            key = cluster[0]
            branches.append((space if key == " " else re.escape(key)) + _tree_pattern(node[key], space))
        else:  # letters that may match one character: their words flat, longest first
            ends = sorted((k + rest for k in cluster for rest in _suffixes(node[k])), key=lambda w: (-len(w), w))
            branches.extend(re.escape(w).replace(r"\ ", space) for w in ends)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if _END in node else body


def _clusters(keys: list[str]) -> list[list[str]]:
    """The keys grouped where two of them may match one character of text (each group in order)."""
    if len(keys) < 2 or (all(k.isascii() for k in keys) and len({k.lower() for k in keys}) == len(keys)):
        return [[k] for k in keys]
    groups: list[list[str]] = []
    for key in keys:
        joined = [g for g in groups if key != " " and any(k != " " and _same_character(k, key) for k in g)]
        merged = [k for g in joined for k in g] + [key]
        groups = [g for g in groups if all(g is not j for j in joined)] + [sorted(merged)]
    return sorted(groups)


def _suffixes(node: dict[str, Any]) -> list[str]:
    """The rests of the words below a node of the tree."""
    return [""] * (_END in node) + [k + rest for k in node if k != _END for rest in _suffixes(node[k])]


@lru_cache(maxsize=4096)
def _same_character(a: str, b: str) -> bool:
    """Whether two different characters may match one character of text when case is ignored (in the
    ``re`` or the ``regex`` module): one matches the other, or both have a case in common ("ı" and "i": "I")."""
    if a.isascii() and b.isascii():
        return a.lower() == b.lower()
    import regex

    cases_a, cases_b = _cases(a), _cases(b)
    if cases_a & cases_b:
        return True
    if cases_a == {a} and cases_b == {b}:  # neither has another case (a CJK character, an Arabic letter)
        return False
    return any(bool(module.fullmatch(f"(?i:{re.escape(x)})", y)) for module in (re, regex) for x, y in ((a, b), (b, a)))


def _cases(char: str) -> set[str]:
    return {c for c in (char, char.lower(), char.upper(), char.title(), char.casefold()) if len(c) == 1}


@lru_cache(maxsize=4096)
def _is_space(char: str) -> bool:
    """Whether a word's character could be matched by a space of :data:`_TREE_SPACES`."""
    import regex

    return any(bool(module.fullmatch(r"\s", char)) for module in (re, regex))


def _mapping(name: str, doc: Any) -> dict[str, Any]:
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise RulesError(f"{name}: expected 'key: value' lines at the top level; fix the file")
    return doc


def _word(name: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise RulesError(
            f"{name}: '{key}' has an entry {value!r} that is not a word; put words YAML reads otherwise "
            "(no, yes, on, off, true, false, numbers) in quotes"
        )
    return " ".join(value.lower().split())


class Rules:
    """The default rules folder and the project folders after it (later folders win)."""

    def __init__(self, extra_dirs: Iterable[Path | str] = ()) -> None:
        self.dirs = [default_rules_dir(), *[Path(d) for d in extra_dirs]]
        self._words: dict[tuple[str, bool], frozenset[str]] = {}
        self._lists: dict[str, WordLists] = {}

    def words(self, name: str, *, lower: bool = False) -> frozenset[str]:
        """The list ``name`` (e.g. ``"lexicons/holidays.txt"``) merged across the folders, in lower
        case with ``lower`` (removals then match in any case)."""
        key = (name, lower)
        if key not in self._words:
            items: set[str] = set()
            for path in self.paths(name):
                for line in _list_lines(path):
                    if lower:
                        line = line.lower()
                    if line.startswith("!"):
                        items.discard(line[1:].strip())
                    else:
                        items.add(line)
            self._words[key] = frozenset(items)
        return self._words[key]

    def lists(self, *names: str) -> WordLists:
        """The word lists of the YAML files ``names`` (e.g. ``"names/context.yaml"``), merged across
        the files and folders as lists are (a project's words add to a list, ``"!word"`` removes one)."""
        key = "+".join(names)
        if key not in self._lists:
            self._lists[key] = WordLists(key, (doc for name in names for doc in self.yaml(name)))
        return self._lists[key]

    def union(self, pattern: str, key: str) -> frozenset[str]:
        """The words of the list ``key`` of every YAML file matching ``pattern`` (a glob, e.g.
        ``"languages/*.yaml"``), each file merged across the folders as :meth:`lists` merges it."""
        names = sorted({p.relative_to(d).as_posix() for d in self.dirs for p in d.glob(pattern) if p.is_file()})
        out: set[str] = set()
        for name in names:
            lists = self.lists(name)
            if key in lists:
                out |= lists[key]
        return frozenset(out)

    @cached_property
    def nicknames(self) -> Nicknames:
        """``names/nicknames.txt``, read as a list (``!entry`` removes a line) and parsed once."""
        return Nicknames.parse(self.words(NICKNAMES, lower=True))

    def yaml(self, name: str) -> list[Any]:
        """Every folder's parsed copy of the YAML file ``name``, defaults first (the caller's to change)."""
        return [copy.deepcopy(_yaml_file(path)) for path in self.paths(name)]

    def yaml_files(self, pattern: str) -> list[tuple[Path, Any]]:
        """Every YAML file matching ``pattern`` (a glob) in every folder, defaults first, parsed."""
        return [(path, copy.deepcopy(_yaml_file(path))) for path in self.files(pattern)]

    def settings(self, *names: str) -> dict[str, Any]:
        """The mappings of the YAML files ``names`` merged, file by file and folder by folder: a later
        key replaces an earlier one, except that two mappings under the same key are merged."""
        merged: dict[str, Any] = {}
        for name in names:
            for doc in self.yaml(name):
                for key, value in _mapping(name, doc).items():
                    if isinstance(value, dict) and isinstance(merged.get(key), dict):
                        merged[key] = {**merged[key], **value}
                    else:
                        merged[key] = value
        return merged

    def files(self, pattern: str) -> list[Path]:
        """All files matching ``pattern`` (a glob) in every folder, defaults first."""
        return [p for d in self.dirs for p in sorted(d.glob(pattern)) if p.is_file()]

    def paths(self, name: str) -> list[Path]:
        """The files of the list or table ``name``, the default folder's first, then each project's."""
        return [d / name for d in self.dirs if (d / name).is_file()]

    @cached_property
    def titles(self) -> Titles:
        """The titles and their genders, read once."""
        lists = self.lists(TITLE_GENDERS)
        genders = {t: "F" for t in lists["female"]} | {t: "M" for t in lists["male"]}
        return Titles(self.words(TITLES, lower=True) | frozenset(genders), genders)

    @cached_property
    def fingerprint(self) -> str:
        """Identifies the rule set (for reports: which rules produced a result)."""
        h = hashlib.sha256()
        for d in self.dirs:
            for p in sorted(d.rglob("*")):
                if p.is_file():
                    h.update(p.relative_to(d).as_posix().encode())
                    h.update(p.read_bytes())
        return h.hexdigest()[:12]


def _list_lines(path: Path) -> tuple[str, ...]:
    stat = path.stat()
    return _parse_list(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=512)
def _parse_list(path: Path, mtime_ns: int, size: int) -> tuple[str, ...]:
    """The entries of a list file (comments and blank lines dropped, ``!entry`` kept as written)."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return tuple(lines)


def _yaml_file(path: Path) -> Any:
    stat = path.stat()
    return _parse_yaml(path, stat.st_mtime_ns, stat.st_size)


#: libyaml's parser where PyYAML was built with it: the same data, ten times faster (most of the rules'
#: loading time at start-up was YAML parsing in pure Python).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=256)
def _parse_yaml(path: Path, mtime_ns: int, size: int) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML ({exc.__class__.__name__}); fix or remove the file") from None
