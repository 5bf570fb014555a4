"""The head words of organisations' names in other languages have one place, each language's file
(``org_heads`` / ``org_heads_after`` of rules/languages/<code>.yaml): the recognizers of any text
(rules/recognizers/places.yaml, ``{list:languages/*.yaml:org_heads}``) and those of a text partly in the
language (detect/languages/organisations.py) read the same words. Invented examples."""

from __future__ import annotations

from pathlib import Path

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules


def organisations(rules: Rules, recognizer: str, text: str) -> list[str]:
    found = {r.name: r for r in load_pattern_recognizers(rules)}[recognizer].analyze(text, ["ORGANIZATION"])
    return [text[r.start : r.end] for r in found]


def test_the_union_of_one_list_over_every_language_file(tmp_path: Path) -> None:
    (tmp_path / "languages").mkdir()
    (tmp_path / "languages" / "eu.yaml").write_text("org_heads: [ikastola]\n", encoding="utf-8")
    (tmp_path / "languages" / "it.yaml").write_text('org_heads: ["!scuola"]\n', encoding="utf-8")
    heads = Rules([tmp_path]).union("languages/*.yaml", "org_heads")
    assert "ikastola" in heads  # a project's new language
    assert "capel" in heads and "kościele" in heads  # Welsh, Polish of the defaults
    assert "scuola" not in heads  # removed by the project's Italian file
    assert "hospital" not in heads  # Spanish and Portuguese local heads stay out
    assert Rules([tmp_path]).union("languages/*.yaml", "no_such_list") == frozenset()


def test_a_language_file_s_head_names_an_organisation_in_any_text() -> None:
    """Heads once only read in a text of the language ("Neuadd", "Kaplica") open a name in an English one."""
    rules = Rules()
    text = "The choir practised at Neuadd Bryngarth, then walked to Kaplica Zubigorri for the vigil."
    assert organisations(rules, "OrgHeadRecognizer", text) == ["Neuadd Bryngarth", "Kaplica Zubigorri"]


def test_a_project_s_language_file_adds_a_head_for_every_reader(tmp_path: Path) -> None:
    (tmp_path / "languages").mkdir()
    (tmp_path / "languages" / "eu.yaml").write_text("org_heads: [ikastola]\n", encoding="utf-8")
    text = "Her twins started at Ikastola Zubigorri in the autumn."
    assert organisations(Rules(), "OrgHeadRecognizer", text) == []
    assert organisations(Rules([tmp_path]), "OrgHeadRecognizer", text) == ["Ikastola Zubigorri"]


def test_a_local_head_is_read_only_in_its_language_s_text() -> None:
    """The Spanish "Hospital", "Club" and the Turkish "Cami" (also a given name) name nothing in English text."""
    rules = Rules()
    assert organisations(rules, "OrgHeadRecognizer", "We queued outside Club Velmora until two.") == []
    assert organisations(rules, "OrgHeadLastRecognizer", "I sat next to Ravelda Cami on the bus.") == []
