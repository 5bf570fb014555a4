"""Risk reports: a terminal table, JSON, and a self-contained HTML page with the findings highlighted.

Reports are for the research team: they show the checked text's own words, and name corpus sources
by document id only.
"""

from __future__ import annotations

import html
import json

from qualdeid.risk.checks import Finding, RiskReport

_STATUS = {"pass": "PASS", "warn": "WARNINGS", "fail": "FAIL"}


def _where(f: Finding) -> str:
    if f.start is None:
        return "-"
    return f"{f.line}:{f.column} [{f.start}-{f.end}]"


def render_table(report: RiskReport) -> str:
    lines = [
        f"risk check: {_STATUS[report.status]} — {len(report.findings)} finding(s); "
        f"{len(report.texts)} text(s) against {report.corpus_documents} source document(s), k={report.sources_k}"
    ]
    for f in report.findings:
        lines.append("")
        lines.append(f"{f.severity.upper():<5} {f.check:<20} {f.text_id}  {_where(f)}")
        if f.matched:
            lines.append(f"      text:    {f.matched!r}")
        lines.append(f"      why:     {f.message}")
        if f.sources:
            lines.append(f"      sources: {', '.join(f.sources)}")
        lines.append(f"      fix:     {f.suggestion}")
    return "\n".join(lines) + "\n"


def render_json(report: RiskReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


_CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
.status{padding:.5rem 1rem;border-radius:.3rem;display:inline-block;font-weight:bold}
.pass{background:#d9f2d9}.warn{background:#fff1c2}.fail{background:#f8d0d0}
pre.text{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1rem;line-height:1.5}
mark.warn{background:#ffe38a}mark.fail{background:#f7a1a1}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem;vertical-align:top;text-align:left}
"""


def _highlight(text: str, findings: list[Finding]) -> str:
    marks: list[tuple[int, int, str, str]] = []
    for n, f in enumerate(findings, 1):
        for s, e in [(f.start, f.end), *f.ranges] if f.start is not None else []:
            if s is not None and e is not None:
                marks.append((s, e, f.severity, f"#{n} {f.check}"))
    out, pos = [], 0
    for s, e, sev, title in sorted(marks):
        if s < pos:  # overlapping marks: keep the first
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="{sev}" title="{html.escape(title)}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def render_html(report: RiskReport) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>qualdeid risk report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Re-identification risk report</h1>",
        f"<p class='status {report.status}'>{_STATUS[report.status]}</p>",
        f"<p>{len(report.texts)} text(s) checked against {report.corpus_documents} source document(s); "
        f"a detail is traceable when fewer than {report.sources_k} sources contain it.</p>",
    ]
    numbered = list(enumerate(report.findings, 1))
    for t in report.texts:
        mine = [f for _, f in numbered if f.text_id == t.id]
        parts.append(f"<h2>{esc(t.id)}</h2><pre class='text'>{_highlight(t.text, mine)}</pre>")
    parts.append("<h2>Findings</h2>")
    if not numbered:
        parts.append("<p>No findings.</p>")
    else:
        parts.append("<table><tr><th>#</th><th>severity</th><th>check</th><th>text</th><th>where</th>")
        parts.append("<th>matched</th><th>why</th><th>sources</th><th>suggested fix</th></tr>")
        for n, f in numbered:
            cells = [str(n), f.severity, f.check, f.text_id, _where(f), f.matched, f.message, ", ".join(f.sources)]
            cells.append(f.suggestion)
            parts.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "".join(parts)


RENDERERS = {"table": render_table, "json": render_json, "html": render_html}
