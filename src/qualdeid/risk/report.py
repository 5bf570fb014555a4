"""Risk reports: a terminal table, JSON, and a self-contained HTML page a committee can read.

Reports are for the research team: they show the checked text's own words, and name corpus sources
by document id and by pseudonymous person id ("P3") only. The HTML page has no script and no
external resource: each check has a colour and a label, findings are numbered in the text and in
the table beside it (under it on a narrow screen or on paper), and a summary by check and by person
opens the page.
"""

from __future__ import annotations

import html
import itertools
import json
from dataclasses import dataclass

from qualdeid.risk.checks import CHECKS, Finding, RiskReport

_STATUS = {"pass": "PASS", "warn": "WARNINGS", "fail": "FAIL"}  # format: check status codes
_STATUS_TEXT = {  # format: check status codes
    "pass": "no finding: nothing in the text links it to the corpus beyond what many accounts share",
    "warn": "warnings only: read each finding and decide; nothing in the text is a known identifier",
    "fail": "at least one identifier of the corpus (or an input that could not be read): fix before publishing",
}


@dataclass(frozen=True)
class CheckStyle:
    label: str  # short label shown beside each mark
    background: str
    border: str
    meaning: str


STYLES = {
    "residual_identifier": CheckStyle(
        "ID", "#f6b3b3", "#a50e0e", "a name, place, organisation, contact or ID of the corpus"
    ),
    "possible_identifier": CheckStyle(
        "ID?", "#ffd9b0", "#b35900", "maybe a name of the corpus: a common word or another case"
    ),
    "subject_linkage": CheckStyle("LINK", "#e3cdf7", "#6a2c9e", "evidence that adds up to one person of the corpus"),
    "rare_detail": CheckStyle("RARE", "#fff0a0", "#8a6d00", "a rare detail that few people's accounts hold"),
    "combination": CheckStyle("COMB", "#c9def7", "#1f5fa8", "ordinary details that together fit few people"),
    "verbatim": CheckStyle("VERB", "#c8ecd1", "#1e7a3a", "a long run of words from one account"),
    "joint_combination": CheckStyle("COMB+", "#c9def7", "#1f5fa8", "details spread over several texts that combine"),
    "joint_verbatim": CheckStyle("VERB+", "#c8ecd1", "#1e7a3a", "verbatim wording from one account across the texts"),
    "input_error": CheckStyle("ERR", "#dddddd", "#444444", "an input that could not be read"),
}
_SEVERITY_ORDER = {"fail": 0, "warn": 1}


def _where(f: Finding) -> str:
    if f.start is None:
        return "-"
    return f"{f.line}:{f.column} [{f.start}-{f.end}]"


def _line(f: Finding) -> str:
    return "-" if f.start is None else f"line {f.line}, column {f.column}"


def _people(report: RiskReport, f: Finding) -> str:
    parts = []
    for p in f.people:
        info = report.people.get(p, {})
        parts.append(f"{p} ({info.get('role', 'person')})")
    return ", ".join(parts)


def render_table(report: RiskReport) -> str:
    lines = [
        f"risk check: {_STATUS[report.status]} — {len(report.findings)} finding(s); "
        f"{len(report.texts)} text(s) against {report.corpus_documents} source document(s), k={report.sources_k}"
    ]
    if report.findings:
        by_check = ", ".join(f"{c} {n}" for c, n in report.counts_by_check().items())
        lines.append(f"by check: {by_check}")
        by_person = report.counts_by_person()
        if by_person:
            lines.append(
                "by person: "
                + ", ".join(f"{p} ({report.people.get(p, {}).get('role', '?')}) {n}" for p, n in by_person.items())
            )
    for n, f in enumerate(report.findings, 1):
        lines.append("")
        lines.append(f"#{n:<3} {f.severity.upper():<5} {f.check:<20} {f.text_id}  {_where(f)}")
        if f.matched:
            more = f" (and {len(f.ranges)} more place(s) in the text)" if f.ranges else ""
            lines.append(f"      text:    {f.matched!r}{more}")
        lines.append(f"      why:     {f.message}")
        if f.people:
            lines.append(f"      points:  {_people(report, f)}")
        if f.sources:
            lines.append(f"      sources: {', '.join(f.sources)}")
        lines.append(f"      fix:     {f.suggestion}")
    return "\n".join(lines) + "\n"


def render_json(report: RiskReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _css() -> str:
    rules = [
        "*{box-sizing:border-box}",
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d1d1f;margin:0;padding:1.5rem 2rem;"
        "line-height:1.45;-webkit-print-color-adjust:exact;print-color-adjust:exact}",
        "h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}"
        "h3{font-size:1rem;margin:0 0 .4rem}",
        ".status{display:inline-block;padding:.35rem .8rem;border-radius:.3rem;font-weight:700;border:2px solid}",
        ".status.pass{background:#d9f2d9;border-color:#1e7a3a}.status.warn{background:#fff0c2;border-color:#8a6d00}"
        ".status.fail{background:#f8d0d0;border-color:#a50e0e}",
        ".meta{color:#444;margin:.4rem 0 1rem}",
        ".summary{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}",
        ".summary section{flex:1 1 26rem}",  # two columns only where each table has room
        "table{border-collapse:collapse;width:100%;font-size:.88rem}",
        "th,td{border:1px solid #ccc;padding:.3rem .45rem;vertical-align:top;text-align:left}",
        "th{background:#f2f2f2}",
        "tr{break-inside:avoid}",
        ".text-block{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.15fr);gap:1.25rem;"
        "align-items:start;margin-bottom:1.5rem}",
        "@media (max-width:1100px){.text-block{grid-template-columns:1fr}}",
        ".text{white-space:pre-wrap;font-family:Georgia,'Times New Roman',serif;font-size:1rem;background:#fafafa;"
        "border:1px solid #ddd;padding:1rem;margin:0;line-height:1.75}",
        ".unchecked{color:#999}",
        "mark{padding:0 .1em;border-radius:.15em;border-bottom:2px solid;color:inherit}",
        ".tag{display:inline-block;font:700 .68rem/1.2 system-ui,sans-serif;padding:0 .25em;margin:0 .15em;"
        "border-radius:.2em;border:1px solid;vertical-align:super;white-space:nowrap}",
        ".sw{display:inline-block;min-width:3.2em;text-align:center}",
        ".fail-row td:first-child{border-left:4px solid #a50e0e}",
        "@media print{body{padding:0;font-size:10pt}.text-block{grid-template-columns:1fr}.summary{display:block}"
        ".text{font-size:10.5pt}a{color:inherit;text-decoration:none}}",
    ]
    for check, style in STYLES.items():
        rules.append(f".c-{check}{{background:{style.background};border-color:{style.border}}}")
    return "".join(rules)


def _tag(check: str, n: int) -> str:
    style = STYLES.get(check, STYLES["input_error"])
    return f'<span class="tag c-{check}" title="{html.escape(CHECKS.get(check, check))}">{n} {style.label}</span>'


def _swatch(check: str) -> str:
    style = STYLES.get(check, STYLES["input_error"])
    return f'<span class="tag sw c-{check}">{style.label}</span>'


def _highlight(text: str, numbered: list[tuple[int, Finding]], unchecked: list[tuple[int, int]]) -> str:
    """The text with each finding's words marked in its check's colour and labelled with its number
    and check at its first place. Where findings overlap, the words take the colour of the most severe
    (then the most specific) one; every finding keeps its own label."""
    bounds = {0, len(text)}
    pieces: list[tuple[int, int, int, Finding]] = []  # start, end, number, finding
    for n, f in numbered:
        if f.start is None or f.end is None:
            continue
        for s, e in [(f.start, f.end), *f.ranges]:
            if 0 <= s < e <= len(text):
                pieces.append((s, e, n, f))
                bounds |= {s, e}
    for s, e in unchecked:
        bounds |= {max(0, s), min(len(text), e)}
    labels: dict[int, list[str]] = {}
    for n, f in numbered:
        if f.start is not None and 0 <= f.start <= len(text):
            labels.setdefault(f.start, []).append(_tag(f.check, n))
    rank = {c: i for i, c in enumerate(CHECKS)}
    out = []
    cuts = sorted(bounds)
    for a, b in itertools.pairwise(cuts):
        if a in labels:
            out.append("".join(labels[a]))
        chunk = html.escape(text[a:b])
        if any(s <= a and b <= e for s, e in unchecked):
            out.append(f'<span class="unchecked" title="not checked (heading, notes or front matter)">{chunk}</span>')
            continue
        covering = [(p[3], p[2]) for p in pieces if p[0] <= a and b <= p[1]]
        if not covering:
            out.append(chunk)
            continue
        top, _ = min(covering, key=lambda x: (_SEVERITY_ORDER.get(x[0].severity, 2), -rank.get(x[0].check, 0)))
        numbers = ", ".join(f"#{n} {CHECKS.get(f.check, f.check)}" for f, n in sorted(covering, key=lambda x: x[1]))
        out.append(f'<mark class="c-{top.check}" title="{html.escape(numbers)}">{chunk}</mark>')
    if len(text) in labels:
        out.append("".join(labels[len(text)]))
    return "".join(out)


def _findings_table(report: RiskReport, numbered: list[tuple[int, Finding]]) -> str:
    esc = html.escape
    rows = [
        "<table class='findings'><thead><tr><th>#</th><th>check</th><th>where</th><th>words</th><th>why</th>"
        "<th>points to</th><th>suggested fix</th></tr></thead><tbody>"
    ]
    for n, f in numbered:
        check = f"{_swatch(f.check)} {esc(CHECKS.get(f.check, f.check))}<br><b>{esc(f.severity.upper())}</b>"
        points = esc(_people(report, f))
        if f.sources:
            points += ("<br>" if points else "") + "documents " + esc(", ".join(f.sources))
        cls = " class='fail-row'" if f.severity == "fail" else ""
        cells = [f"<b>{n}</b>", check, esc(_line(f)), esc(f.matched), esc(f.message), points, esc(f.suggestion)]
        rows.append(f"<tr id='f{n}'{cls}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    rows.append("</tbody></table>")
    return "".join(rows)


def _summary(report: RiskReport) -> str:
    esc = html.escape
    by_check = report.counts_by_check()
    rows = []
    for check, style in STYLES.items():
        n = by_check.get(check, 0)
        if n or check in (
            "residual_identifier",
            "possible_identifier",
            "subject_linkage",
            "rare_detail",
            "combination",
            "verbatim",
        ):
            severity = {f.severity for f in report.findings if f.check == check}
            sev = "fail" if "fail" in severity else "warn" if severity else "-"
            rows.append(
                f"<tr><td>{_swatch(check)} {esc(CHECKS.get(check, check))}</td><td>{n}</td><td>{sev}</td>"
                f"<td>{esc(style.meaning)}</td></tr>"
            )
    checks = (
        "<section><h2>Findings by check</h2><table class='legend'><thead><tr>"
        "<th>check (colour and label in the text)</th><th>findings</th><th>severity</th><th>what it means</th>"
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>"
    )
    by_person = report.counts_by_person()
    if by_person:
        prow = []
        for p, n in by_person.items():
            info = report.people.get(p, {})
            docs = ", ".join(info.get("documents", []))
            nums = ", ".join(f"#{i}" for i, f in enumerate(report.findings, 1) if p in f.people)
            role = esc(info.get("role", "person"))
            prow.append(f"<tr><td>{esc(p)}</td><td>{role}</td><td>{n} ({esc(nums)})</td><td>{esc(docs)}</td></tr>")
        people = (
            "<section><h2>Findings by source person</h2><table class='by-person'><thead><tr><th>person</th>"
            "<th>role</th><th>findings</th><th>their documents</th></tr></thead><tbody>" + "".join(prow) + "</tbody>"
            "</table><p class='meta'>People are numbered within this corpus (P1, P2, ...); the numbers carry no "
            "name.</p></section>"
        )
    else:
        people = (
            "<section><h2>Findings by source person</h2><p>No finding points to one person of the corpus.</p></section>"
        )
    return f"<div class='summary'>{checks}{people}</div>"


def render_html(report: RiskReport) -> str:
    esc = html.escape
    numbered = list(enumerate(report.findings, 1))
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>qualdeid risk report</title>",
        f"<style>{_css()}</style></head><body>",
        "<h1>Re-identification risk report</h1>",
        f"<p><span class='status {report.status}'>{_STATUS[report.status]}</span> "
        f"{esc(_STATUS_TEXT[report.status])}</p>",
        f"<p class='meta'>{len(report.texts)} text(s) checked against {report.corpus_documents} source document(s); "
        f"{len(report.findings)} finding(s). A detail is traceable when the accounts of fewer than "
        f"{report.sources_k} people hold it.</p>",
        _summary(report),
    ]
    for t in report.texts:
        mine = [(n, f) for n, f in numbered if f.text_id == t.id]
        table = _findings_table(report, mine) if mine else "<p>No findings in this text.</p>"
        marked = _highlight(t.text, mine, t.unchecked)
        parts.append(
            f"<h2>{esc(t.id)}</h2><div class='text-block'><pre class='text'>{marked}</pre><div>{table}</div></div>"
        )
    ids = {t.id for t in report.texts}
    others = [(n, f) for n, f in numbered if f.text_id not in ids]
    if others:
        parts.append("<h2>Across the texts, and inputs</h2>" + _findings_table(report, others))
    parts.append("</body></html>\n")
    return "".join(parts)


RENDERERS = {"table": render_table, "json": render_json, "html": render_html}
