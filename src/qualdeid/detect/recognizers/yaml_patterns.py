"""Pattern recognizers declared in Presidio's YAML format (``rules/recognizers/*.yaml``)."""

from __future__ import annotations

import inspect
import re
from typing import Any

import regex
from presidio_analyzer import Pattern, PatternRecognizer

from qualdeid.detect.nlp import regex_cache
from qualdeid.detect.nlp.regex_gate import READER, gated, reading
from qualdeid.rules import Rules, alternation

PATTERN_GLOB = "recognizers/*.yaml"
#: ``{list:lexicons/relatives.txt}`` in a regex: the words of that list, as one alternation;
#: ``{list:languages/*.yaml:org_heads}``: the words of the list ``org_heads`` of every YAML file the glob matches
LIST_PLACEHOLDER = re.compile(r"\{list:([\w./*-]+)(?::(\w+))?\}")


def load_pattern_recognizers(rules: Rules) -> list[PatternRecognizer]:
    """Every recognizer of every rules folder.

    A later folder's entry with the same ``name`` replaces an earlier one; ``enabled: false`` switches a
    recognizer off (so a project can silence a default pattern).
    """
    entries: dict[str, dict[str, Any]] = {}
    for path, data in rules.yaml_files(PATTERN_GLOB):
        for entry in (data or {}).get("recognizers") or []:
            if not isinstance(entry, dict) or "name" not in entry:
                raise ValueError(f"{path}: each recognizer needs a 'name' (Presidio recognizer YAML format)")
            entries[entry["name"]] = entry
    recognizers = []
    for name, entry in entries.items():
        if not entry.get("enabled", True):
            continue
        config = {k: v for k, v in entry.items() if k not in ("enabled", "type")}  # format: keys of recognizer YAML
        config.setdefault("supported_language", "en")
        try:
            config["patterns"] = [_with_lists(pattern, rules) for pattern in config.get("patterns") or []]
            recognizers.append(_recognizer(config))
        except Exception as exc:  # a malformed entry: name it instead of showing a stack trace
            raise ValueError(f"recognizer {name!r} ({PATTERN_GLOB}): {exc}") from None
    return recognizers


def _with_lists(pattern: Any, rules: Rules) -> Any:
    """The pattern with each ``{list:NAME}`` of its regex written out as an alternation of the list's words."""
    if not isinstance(pattern, dict) or "{list:" not in str(pattern.get("regex", "")):
        return pattern

    def words(match: re.Match[str], tree: bool = True) -> str:
        name, key = match.group(1), match.group(2)
        listed = rules.union(name, key) if key else rules.words(name, lower=True)
        if not listed:
            raise ValueError(f"{match.group()}: no such list, or it is empty")
        return f"(?:{alternation(listed, tree=tree)})"

    # the lists as trees of shared beginnings (much faster to search), and as flat lists: the same matches,
    # but the gate reads its literals from whole words (``CompiledPattern``)
    return {
        **pattern,
        "regex": LIST_PLACEHOLDER.sub(words, pattern["regex"]),
        "plain": LIST_PLACEHOLDER.sub(lambda m: words(m, tree=False), pattern["regex"]),
    }


#: The flags Presidio matches a recognizer's patterns with when its entry names none.
DEFAULT_FLAGS: int = inspect.signature(PatternRecognizer).parameters["global_regex_flags"].default
#: flags under which a list written as a tree (``rules.alternation``) could match otherwise than the flat list
_FULL_CASE = regex.FULLCASE | regex.V1


class CompiledPattern(Pattern):
    """A Presidio pattern compiled once, with the flags its recognizer matches with.

    Presidio compiles each pattern twice, without flags to check it and with its recognizer's flags
    on first use; the ``regex`` module compiles slowly, and with ``--jobs`` every worker did the
    second compile again. Compiled here, the pattern is one Presidio finds ready (it reuses a
    compiled regex whose ``compiled_with_flags`` are the recognizer's), and workers inherit it. It
    searches only texts that hold the literals every match holds (``nlp/regex_gate.py``).
    """

    def __init__(self, name: str, regex: str, score: float, flags: int, plain: str | None = None) -> None:
        if not 0 <= score <= 1:
            raise ValueError(f"Invalid score: {score}. Score should be between 0 and 1")
        self.name = name
        self.score = score
        compiled = _compile(regex, flags)
        plain = plain or regex
        if plain != regex and compiled.flags & _FULL_CASE:  # the lists' trees match as the flat lists only without
            regex, compiled = plain, _compile(plain, flags)
        self.regex = regex
        # the gate's reading of the pattern (of its lists as flat lists of words, ``plain``), kept between runs
        # with the compiled pattern
        self.compiled_regex = gated(compiled, plain, regex_cache.gate_reading(plain, compiled.flags, reading, READER))
        self.compiled_with_flags = flags


def _compile(pattern: str, flags: int) -> Any:
    try:
        return regex_cache.compiled(pattern, flags)
    except regex.error as e:
        raise ValueError(f"Invalid regex pattern: {e}") from None


def _recognizer(config: dict[str, Any]) -> PatternRecognizer:
    """Presidio's PatternRecognizer of a YAML entry, its patterns compiled once (:class:`CompiledPattern`)."""
    flags = config.get("global_regex_flags", DEFAULT_FLAGS)
    patterns = [p if isinstance(p, Pattern) else CompiledPattern(**p, flags=flags) for p in config["patterns"]]
    config = {**config, "patterns": patterns}
    if "supported_entities" in config:  # Presidio's YAML allows the plural (as its from_dict reads it)
        if "supported_entity" in config:
            raise ValueError("give either 'supported_entity' or 'supported_entities', not both")
        entities = config.pop("supported_entities")
        if entities:
            config["supported_entity"] = entities[0]
    return PatternRecognizer(**config)
