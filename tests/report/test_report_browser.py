"""The report in a real headless Chromium: it renders, prints to PDF with running headers and page
numbers, and every section is in the printout. Screenshots and the PDF are kept as artefacts (in
$QUALDEID_ARTEFACTS when set, else the test's temporary folder) for a person to look at."""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import qualdeid.cli as cli
from helpers import CHROMIUM, CHROMIUM_FLAGS

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (install it: apt-get install -y chromium)"
)
TITLE = "Example diaries study"


def headings(page: Path) -> list[str]:
    """The section headings of the page (the numbers of the contents taken off)."""
    found = re.findall(r"<h2>\d+\. (.*?)</h2>", page.read_text(encoding="utf-8"))
    return [html.unescape(h) for h in found]


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("QUALDEID_ARTEFACTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    return tmp_path_factory.mktemp("report-artefacts")


@pytest.fixture(scope="module")
def report_html(examples_run: dict[str, Path], artefacts: Path) -> Path:
    p = examples_run
    out = artefacts / "report.html"
    args = [str(p["scrubbed"]), "--evaluation", str(p["evaluation"]), "--risk", str(p["risk"])]
    args += ["--composite", str(p["provenance"]), "--title", TITLE, "-o", str(out)]
    result = CliRunner().invoke(cli.main, ["report", *args])
    assert result.exit_code == 0, result.output
    return out


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def test_the_page_renders_with_every_section(report_html: Path, tmp_path: Path) -> None:
    result = chromium(tmp_path / "profile", "--dump-dom", report_html.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = html.unescape(result.stdout)
    sections = headings(report_html)
    assert len(sections) >= 9 and "Methods paragraph" in sections
    for title in sections:
        assert title in dom, title
    assert dom.count("<svg") == 2 and "<script" not in dom


def test_it_prints_to_pdf_with_headers_page_numbers_and_sections(
    report_html: Path, artefacts: Path, tmp_path: Path
) -> None:
    pdf = artefacts / "report.pdf"
    result = chromium(tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", report_html.as_uri())
    assert result.returncode == 0 and pdf.is_file(), result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages >= 3
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed (apt-get install -y poppler-utils): page texts not checked")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    page_texts = text.split("\f")[:pages]
    assert len(page_texts) == pages
    for n, page in enumerate(page_texts, 1):
        assert TITLE in page, n  # running header on every page
        assert f"Page {n} of {pages}" in page, n
    flat = " ".join(text.split()).replace("’", "'")
    for title in headings(report_html):
        assert title in flat, title


def test_screenshots_are_taken(report_html: Path, artefacts: Path, tmp_path: Path) -> None:
    for name, size in (("report-top.png", "1100,1500"), ("report-narrow.png", "480,1600")):
        shot = artefacts / name
        args = [f"--screenshot={shot}", f"--window-size={size}", "--hide-scrollbars", report_html.as_uri()]
        result = chromium(tmp_path / "profile", *args)
        assert result.returncode == 0 and shot.is_file(), result.stderr[-2000:]
        header = shot.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", header[16:24])
        assert (width, height) == tuple(int(v) for v in size.split(","))
