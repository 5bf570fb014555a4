"""`qualdeid report` end to end on the bundled examples: real scrub, evaluate, compose and risk outputs."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import qualdeid.cli as cli
from helpers import EXAMPLES
from qualdeid.pseudonymise.key import Key

PASS = "a passphrase for tests"  # the examples_run fixture's
DIARIES = EXAMPLES / "diaries"
SECTIONS = (
    "What was processed",
    "How each kind of identifier was treated",
    "What was replaced",
    "What was kept, and why",
    "Questions flagged for review",
    "Detection accuracy on the team's annotated sample",
    "Composite vignettes",
    "Re-identification check of the texts to be published",
    "Software and versions",
    "Methods paragraph",
)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli.main, ["report", *map(str, args)])


@pytest.fixture(scope="module")
def full_args(examples_run: dict[str, Path]) -> list[str | Path]:
    p = examples_run
    return [p["scrubbed"], "--evaluation", p["evaluation"], "--risk", p["risk"], "--composite", p["provenance"]]


@pytest.fixture(scope="module")
def page(full_args, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = run(*full_args, "--title", "Example diaries", "-o", out)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def originals(key_path: Path) -> set[str]:
    """Every original value the scrub replaced: the identity table's and the private log's."""
    from qualdeid.risk.keyvalues import key_originals

    key = Key.open(key_path, PASS)
    values = {value for value, _ in key_originals(key.identities)}
    for record in key.documents.values():
        values.update(edit[4] for edit in record.get("edits", []) if isinstance(edit[4], str))
    return {v for v in values if v.strip()}


def found_in(values: set[str], text: str) -> set[str]:
    """The values that occur in ``text`` as whole words (any letter case). Numbers alone (ages, room
    numbers) are only looked for when long enough not to be one of the report's counts."""
    hits = set()
    for v in values:
        if not any(c.isalpha() for c in v) and len(re.sub(r"\D", "", v)) < 5:
            continue
        if re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text, re.IGNORECASE):
            hits.add(v)
    return hits


def test_no_original_value_of_the_key_is_in_the_report_or_the_methods(examples_run, full_args, page) -> None:
    values = originals(examples_run["key"])
    assert len(values) > 50  # the key really holds the examples' names, places, dates, contacts
    raw = "\n".join(p.read_text(encoding="utf-8") for p in sorted(DIARIES.glob("*.txt")))
    assert len(found_in(values, raw)) > 40  # the check finds them where they are
    methods = run(*full_args, "--methods-only")
    assert methods.exit_code == 0
    # File names and record ids are listed, as in the audit (whose rule is: do not put names in them);
    # detection took a word of these file names for a name, so they are set aside here.
    audit = json.loads((examples_run["scrubbed"] / "qualdeid-audit.json").read_text(encoding="utf-8"))
    names = {n for d in audit["documents"] for n in (d["id"], d["file"])} | {"vignette.md"}
    for name in sorted(names, key=len, reverse=True):
        page = page.replace(name, "")
    assert found_in(values, page) == set()
    assert found_in(values, methods.stdout) == set()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_h2 = tag == "h2"

    def handle_endtag(self, tag: str) -> None:
        self._in_h2 = self._in_h2 and tag != "h2"

    def handle_data(self, data: str) -> None:
        if self._in_h2:
            self.headings.append(data)


def test_the_page_is_self_contained_and_has_every_section(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    names = [t for t, _ in parser.tags]
    assert "script" not in names and "link" not in names and "img" not in names and "iframe" not in names
    for _, attrs in parser.tags:
        for name in ("src", "href", "action", "srcset"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (name, value)  # only links within the page
        assert not any(k.startswith("on") for k in attrs)  # no event handlers
    assert "url(" not in page.replace("url(#", "")  # CSS and SVG: patterns within the page only
    assert "@import" not in page
    headings = " ".join(parser.headings)
    for title in SECTIONS:
        assert title in headings, title
    assert names.count("svg") == 2  # replacements per label, recall per label


def test_the_page_shows_the_runs_numbers(examples_run, page: str) -> None:
    audit = json.loads((examples_run["scrubbed"] / "qualdeid-audit.json").read_text(encoding="utf-8"))
    evaluation = json.loads(examples_run["evaluation"].read_text(encoding="utf-8"))
    total = sum(audit["summary"]["replaced"].values())
    assert f'<span class="figure">{total}</span>' in page
    for doc in audit["documents"]:
        assert f'<td class="doc">{doc["id"]}</td>' in page
    docx_read = next(d["read"] for d in audit["documents"] if d["file"].endswith(".docx"))
    assert "What was read and searched" in page and f"<td>{', '.join(sorted(docx_read))}</td>" in page
    direct = evaluation["groups"]["DIRECT"]
    assert f"Of the {direct['gold']} direct identifiers" in page
    assert f"a sample of {evaluation['documents']} documents annotated by hand" in page
    assert "n=" + str(evaluation["labels"]["PERSON"]["gold"]) in page  # sample size in the recall chart


def test_methods_only_is_the_pages_methods_paragraph(full_args, page: str) -> None:
    result = run(*full_args, "--methods-only")
    assert result.exit_code == 0
    methods = result.stdout
    assert methods.startswith("The corpus of 10 documents") and methods.endswith("\n")
    assert "`" not in page.split('id="methods"')[1]  # rendered as <code>
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page.split('id="methods"')[1])).split())
    for paragraph in methods.strip().split("\n\n"):
        assert paragraph.replace("`", "") in shown


def test_without_evaluation_the_methods_say_it_was_not_measured_and_recommend_it(examples_run) -> None:
    result = run(examples_run["scrubbed"], "--methods-only")
    assert result.exit_code == 0
    text = result.stdout
    assert "Detection accuracy was not measured on these data" in text
    assert "We recommend annotating a sample" in text and "`qualdeid evaluate`" in text
    assert "recall" not in text.lower() and "confidence interval" not in text
    assert "re-identification" not in text and "composite" not in text  # nothing that was not given


def test_an_unusable_input_is_named_and_nothing_is_written(examples_run, tmp_path: Path) -> None:
    bad = tmp_path / "not-json.json"
    bad.write_text("{ half", encoding="utf-8")
    out = tmp_path / "report.html"
    result = run(examples_run["scrubbed"], "--evaluation", bad, "--risk", examples_run["evaluation"], "-o", out)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"error: {bad}: is not JSON") and "qualdeid evaluate" in lines[0]
    assert lines[1].startswith(f"error: {examples_run['evaluation']}: is not the JSON of `qualdeid risk`")
    assert lines[-1] == "error: nothing was written"
    assert not out.exists()


def test_usage_errors(examples_run, tmp_path: Path) -> None:
    no_out = run(examples_run["scrubbed"])
    assert no_out.exit_code == 2 and "-o report.html" in no_out.stderr
    audit = examples_run["scrubbed"] / "qualdeid-audit.json"
    before = audit.read_bytes()
    onto_input = run(examples_run["scrubbed"], "-o", audit)
    assert onto_input.exit_code == 2 and "is one of the report's inputs" in onto_input.stderr
    assert audit.read_bytes() == before
    not_audit = run(tmp_path, "-o", tmp_path / "r.html")
    assert not_audit.exit_code == 1 and "qualdeid-audit.json" in not_audit.stderr


def test_review_decisions_are_counted_never_quoted(examples_run, tmp_path: Path) -> None:
    rules = tmp_path / "our-rules"
    rules.mkdir()
    (rules / "decisions.yaml").write_text(
        "version: 1\noccurrences:\n"
        "  - {doc: diary-03.txt, text: Quillon, at: 4, context: abc, decision: keep,\n"
        "     decided: '2099-01-01T00:00:00+00:00'}\n"
        "  - {doc: diary-05.txt, text: Brackwater Mill, at: 9, context: def, decision: replace, label: LOCATION,\n"
        "     added: true}\n"
        "identities:\n  - person: Ottoline V.\n    mentions: [{doc: diary-01.txt, text: Otti, at: 3, context: x}]\n",
        encoding="utf-8",
    )
    (rules / "deny.txt").write_text("# staff\nPerpetua Graveney\nAmbrose Quill\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = run(examples_run["scrubbed"], "--rules", rules, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    for text in ("Quillon", "Brackwater", "Ottoline", "Otti", "Perpetua", "Ambrose"):
        assert text not in page
    assert "1 judged not identifying" in page and "1 added by hand as identifiers" in page
    assert "1 decision about who is who" in page and "2 known names always replaced" in page
    assert "Review decisions were saved after these texts were scrubbed" in page  # decided in 2099


def test_a_title_cannot_break_the_page(examples_run, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    title = 'Study "A" </style><script>x()</script> \\ end'
    result = run(examples_run["scrubbed"], "--title", title, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and page.count("</style>") == 1
    assert "<h1>Study &#34;A&#34; &lt;/style&gt;&lt;script&gt;x()&lt;/script&gt; \\ end</h1>" in page
    assert '@top-left { content: "Study \\22 A\\22  \\3c /style\\3e ' in page  # a CSS string, escaped
