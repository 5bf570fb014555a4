"""The charts: valid SVG, every bar labelled with its number, parts of a bar told apart by pattern."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from qualdeid.report.charts import LABEL_W, VALUE_W, WIDTH, Bar, RecallBar, count_chart, recall_chart
from qualdeid.report.model import wilson_interval
from qualdeid.report.phrasing import interval, pct

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_count_chart_bars_are_proportional_and_labelled() -> None:
    root = parse(count_chart("c", "Replaced", [Bar("People", 80), Bar("Places <& more>", 20), Bar("IDs", 0)]))
    assert root.find(f"{SVG}title").text == "Replaced"
    assert "People: 80" in root.find(f"{SVG}desc").text
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(WIDTH - LABEL_W - VALUE_W) and widths[1] == pytest.approx(widths[0] / 4)
    assert widths[2] == 0  # nothing drawn for zero, but its label and its 0 are there
    assert texts(root) == ["People", "80", "Places <& more>", "20", "IDs", "0"]


def test_recall_chart_patterns_legend_sample_size_and_interval() -> None:
    bars = [RecallBar("People", 40, 36, 2, 2, (0.77, 0.96)), RecallBar("IDs", 0, 0, 0, 0, None)]
    svg = recall_chart("rc", "Recall", bars)
    root = parse(svg)
    patterns = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert patterns == {"rc-dots", "rc-hatch"}
    fills = [r.get("fill") for r in root.iter(f"{SVG}rect")]
    # legend and bar both use each pattern: told apart without colour
    assert fills.count("url(#rc-dots)") == 2 and fills.count("url(#rc-hatch)") == 2
    words = texts(root)
    assert "People n=40" in words and "IDs n=0" in words and "90%" in words
    assert {"found", "partly covered", "missed entirely (leak)", "95% interval"} <= set(words)
    room = WIDTH - LABEL_W - VALUE_W
    whisker = [ln for ln in root.iter(f"{SVG}line") if ln.get("y1") == ln.get("y2") and float(ln.get("x1")) > 0]
    assert float(whisker[-1].get("x1")) == pytest.approx(LABEL_W + 0.77 * room, abs=0.1)


@pytest.mark.parametrize(
    ("value", "text"),
    [(1.0, "100%"), (0.0, "0%"), (0.9971, "99.7%"), (0.5, "50%"), (0.99999, ">99.9%"), (0.0001, "<0.1%")],
)
def test_percentages_never_round_to_all_or_nothing(value: float, text: str) -> None:
    assert pct(value) == text


def test_interval_text_and_wilson_bounds() -> None:
    assert interval((0.912, 1.0)) == "91.2–100%" and interval(None) == ""
    assert wilson_interval(40, 40)[1] == 1.0 and wilson_interval(0, 40)[0] == 0.0
    lo, hi = wilson_interval(38, 40)
    assert round(lo, 3) == 0.835 and round(hi, 3) == 0.986
