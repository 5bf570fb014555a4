"""Pattern recognizers declared in Presidio's YAML format (``rules/recognizers/*.yaml``)."""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import PatternRecognizer

from qualdeid.rules import Rules, alternation

PATTERN_GLOB = "recognizers/*.yaml"
#: ``{list:lexicons/relatives.txt}`` in a regex: the words of that list, as one alternation
LIST_PLACEHOLDER = re.compile(r"\{list:([\w./-]+)\}")


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
            recognizers.append(PatternRecognizer.from_dict(config))
        except Exception as exc:  # a malformed entry: name it instead of showing a stack trace
            raise ValueError(f"recognizer {name!r} ({PATTERN_GLOB}): {exc}") from None
    return recognizers


def _with_lists(pattern: Any, rules: Rules) -> Any:
    """The pattern with each ``{list:NAME}`` of its regex written out as an alternation of the list's words."""
    if not isinstance(pattern, dict) or "{list:" not in str(pattern.get("regex", "")):
        return pattern

    def words(match: re.Match[str]) -> str:
        listed = rules.words(match.group(1), lower=True)
        if not listed:
            raise ValueError(f"{{list:{match.group(1)}}}: no such list, or it is empty")
        return f"(?:{alternation(listed)})"

    return {**pattern, "regex": LIST_PLACEHOLDER.sub(words, pattern["regex"])}
