"""Inline SVG charts that read in print and in greyscale: every bar carries its label and its number,
and the parts of a bar differ by pattern, not by colour alone.

The SVGs scale to the width of the page (``viewBox``); text sizes are in the same units.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from qualdeid.report.phrasing import pct

WIDTH = 640
LABEL_W = 190  # the column of bar labels
VALUE_W = 70  # room for the number after a bar
BAR_H = 16
GAP = 8
FONT = "font-family=\"'Source Sans 3','Segoe UI','Helvetica Neue','Liberation Sans',Arial,sans-serif\""
INK, MID, LIGHT = "#1f2a36", "#6b7785", "#c9d0d8"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def _svg(chart_id: str, height: int, title: str, desc: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart" {FONT}>'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def count_chart(chart_id: str, title: str, bars: list[Bar]) -> str:
    """Horizontal bars, longest first as given, each with its label on the left and its count after it."""
    top = 4
    height = top + len(bars) * (BAR_H + GAP) + 4
    room = WIDTH - LABEL_W - VALUE_W
    most = max((b.value for b in bars), default=0) or 1
    body: list[str] = []
    for i, b in enumerate(bars):
        y = top + i * (BAR_H + GAP)
        w = max(1.5, room * b.value / most) if b.value else 0
        body.append(
            f'<text x="{LABEL_W - 10}" y="{y + BAR_H * 0.72:.1f}" text-anchor="end" font-size="13" '
            f'fill="{INK}">{escape(b.label)}</text>'
        )
        body.append(f'<rect x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{BAR_H}" fill="{MID}"/>')
        body.append(
            f'<text x="{LABEL_W + w + 6:.1f}" y="{y + BAR_H * 0.72:.1f}" font-size="13" font-weight="600" '
            f'fill="{INK}">{b.value}</text>'
        )
    desc = "; ".join(f"{b.label}: {b.value}" for b in bars)
    return _svg(chart_id, height, title, desc, body)


@dataclass(frozen=True)
class RecallBar:
    label: str
    gold: int
    found: int
    partly: int
    leaked: int
    interval: tuple[float, float] | None


def recall_chart(chart_id: str, title: str, bars: list[RecallBar]) -> str:
    """One 100% bar per label: found (solid), partly covered (dotted), missed entirely (hatched), with
    the label and its sample size on the left, the recall after the bar and its 95% interval as a
    whisker under the bar."""
    legend_h = 30
    row = BAR_H + 10 + GAP
    height = legend_h + len(bars) * row + 6
    room = WIDTH - LABEL_W - VALUE_W
    p = chart_id
    defs = (
        "<defs>"
        f'<pattern id="{p}-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
        f'<rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.2" fill="{INK}"/></pattern>'
        f'<pattern id="{p}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="{INK}" '
        'stroke-width="2.2"/></pattern>'
        "</defs>"
    )
    body = [defs]
    x = 0.0
    for fill, text in (
        (MID, "found"),
        (f"url(#{p}-dots)", "partly covered"),
        (f"url(#{p}-hatch)", "missed entirely (leak)"),
    ):
        body.append(f'<rect x="{x}" y="6" width="16" height="12" fill="{fill}" stroke="{INK}" stroke-width="0.8"/>')
        body.append(f'<text x="{x + 22}" y="16.5" font-size="12" fill="{INK}">{escape(text)}</text>')
        x += 34 + 6.2 * len(text)
    body.append(f'<line x1="{x}" y1="12" x2="{x + 22}" y2="12" stroke="{INK}" stroke-width="1.4"/>')
    body.append(f'<line x1="{x}" y1="8" x2="{x}" y2="16" stroke="{INK}" stroke-width="1.4"/>')
    body.append(f'<line x1="{x + 22}" y1="8" x2="{x + 22}" y2="16" stroke="{INK}" stroke-width="1.4"/>')
    body.append(f'<text x="{x + 28}" y="16.5" font-size="12" fill="{INK}">95% interval</text>')
    for i, b in enumerate(bars):
        y = legend_h + i * row
        body.append(
            f'<text x="{LABEL_W - 10}" y="{y + BAR_H * 0.72:.1f}" text-anchor="end" font-size="13" '
            f'fill="{INK}">{escape(b.label)}<tspan font-size="11" fill="{MID}"> n={b.gold}</tspan></text>'
        )
        if not b.gold:
            continue
        left = LABEL_W
        for n, fill in ((b.found, MID), (b.partly, f"url(#{p}-dots)"), (b.leaked, f"url(#{p}-hatch)")):
            if not n:
                continue
            w = room * n / b.gold
            body.append(f'<rect x="{left:.1f}" y="{y}" width="{w:.1f}" height="{BAR_H}" fill="{fill}"/>')
            left += w
        body.append(
            f'<rect x="{LABEL_W}" y="{y}" width="{room}" height="{BAR_H}" fill="none" stroke="{INK}" '
            'stroke-width="0.8"/>'
        )
        recall = b.found / b.gold
        body.append(
            f'<text x="{LABEL_W + room + 8}" y="{y + BAR_H * 0.72:.1f}" font-size="13" font-weight="600" '
            f'fill="{INK}">{pct(recall)}</text>'
        )
        if b.interval:
            lo, hi = (LABEL_W + room * v for v in b.interval)
            wy = y + BAR_H + 5
            body.append(f'<line x1="{lo:.1f}" y1="{wy}" x2="{hi:.1f}" y2="{wy}" stroke="{INK}" stroke-width="1.4"/>')
            for at in (lo, hi):
                body.append(
                    f'<line x1="{at:.1f}" y1="{wy - 4}" x2="{at:.1f}" y2="{wy + 4}" stroke="{INK}" stroke-width="1.4"/>'
                )
    desc = "; ".join(
        f"{b.label}: {b.found} of {b.gold} found, {b.partly} partly covered, {b.leaked} missed entirely" for b in bars
    )
    return _svg(chart_id, height, title, desc, body)
