"""The HTML risk report in a real headless Chromium (Debian's chromium + chromium-driver, driven by
selenium): self-contained and without script, every finding numbered in the text and in the table,
colour and label per check, the summary first, the table beside the text on a wide screen and under
it on a narrow one, readable printed to PDF, the checked text escaped.

Screenshots and the PDF are written to the test's temporary folder, or to $QUALDEID_SCREENSHOTS when
set, to be looked at.

Fixture: tests/fixtures/risk_people.jsonl (invented diaries; see test_risk_people.py).
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from helpers import CHROMEDRIVER, CHROMIUM, CHROMIUM_FLAGS, FIXTURES
from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import RiskChecker, load_risk_config
from qualdeid.risk.report import STYLES, render_html

CORPUS = FIXTURES / "risk_people.jsonl"
DRAFT = """# Composite vignette: everyday activity

A man who spent three decades running a cable-drawn boat over a river mouth now lives at the house.
He keeps an old tortoise beside his bed, makes marmalade from oranges his daughter posts from abroad,
and recently broke his wrist falling from a ladder in the shed. Later Pemberton said he missed <the water>.

One worker described working nights answering phones in a call centre, where a first panic attack
came on while wearing a headset.

## Notes for the author (delete before publishing)

- "he" in paragraph 1 could be Ivo
"""

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)


@pytest.fixture(scope="module")
def page(detector, tmp_path_factory) -> tuple[Path, object]:
    checker = RiskChecker(load_risk_config(), detector, Corpus([CORPUS]))
    report = checker.check([Document("vignette.md", DRAFT)])
    out = Path(os.environ.get("QUALDEID_SCREENSHOTS") or tmp_path_factory.mktemp("risk-report"))
    out.mkdir(parents=True, exist_ok=True)
    path = out / "risk-report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path, report


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _open(browser, path: Path, width: int) -> None:
    browser.set_window_size(width, 1200)
    browser.get(path.as_uri())


def _print_to_pdf(browser) -> dict:
    """Chromium's printToPDF now and then answers "Printing failed" while its renderer is busy (seen
    once in a fresh clone's full run, never alone): one more try after a pause, the PDF still checked."""
    from selenium.common.exceptions import WebDriverException

    try:
        return browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    except WebDriverException as error:
        if "Printing failed" not in str(error):
            raise
        time.sleep(1)
        return browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})


def _rect(browser, selector: str) -> dict:
    return browser.execute_script(f"return document.querySelector({selector!r}).getBoundingClientRect().toJSON()")


def test_self_contained_without_script_and_escaped(browser, page) -> None:
    path, _ = page
    _open(browser, path, 1400)
    external = browser.execute_script(
        "return document.querySelectorAll('script,link,img,iframe,object,embed,[src],[href]').length"
    )
    assert external == 0
    text = browser.execute_script("return document.querySelector('pre.text').textContent")
    assert "<the water>" in text  # the checked text's own angle brackets, shown as text


def test_every_finding_is_numbered_in_the_text_and_the_table_with_colour_and_label(browser, page) -> None:
    path, report = page
    _open(browser, path, 1400)
    checks = {f.check for f in report.findings}
    assert {"residual_identifier", "subject_linkage", "rare_detail"} <= checks
    for n, f in enumerate(report.findings, 1):
        row = browser.execute_script(f"return document.getElementById('f{n}').textContent")
        assert f.matched in row
        tag = browser.execute_script(
            "return [...document.querySelectorAll('pre.text .tag')].map(t => t.textContent)"
            f".filter(t => t.split(' ')[0] === '{n}')"
        )
        assert tag == [f"{n} {STYLES[f.check].label}"]
    colours = browser.execute_script(
        "const out = {}; for (const t of document.querySelectorAll('pre.text .tag')) "
        "{ out[t.textContent.split(' ')[1]] = getComputedStyle(t).backgroundColor } return out"
    )
    assert len(set(colours.values())) == len(colours) >= 3  # one colour per check, beside its label
    legend = browser.execute_script("return document.querySelector('table.legend').textContent")
    for check in checks:
        assert STYLES[check].meaning in legend


def test_summary_first_then_text_with_its_table_beside_or_under_it(browser, page) -> None:
    path, report = page
    out = path.parent
    _open(browser, path, 1400)
    summary, text, table = (_rect(browser, s) for s in ("div.summary", "pre.text", "table.findings"))
    assert summary["bottom"] <= text["top"]
    assert table["left"] >= text["right"] and table["top"] < text["bottom"]  # beside
    people = browser.execute_script("return document.querySelector('table.by-person').textContent")
    assert all(p in people for p in report.counts_by_person())
    browser.save_screenshot(str(out / "risk-report-wide.png"))
    _open(browser, path, 800)
    text, table = _rect(browser, "pre.text"), _rect(browser, "table.findings")
    assert table["top"] >= text["bottom"]  # under
    legend, people_table = _rect(browser, "table.legend"), _rect(browser, "table.by-person")
    assert people_table["top"] >= legend["bottom"]  # the two summary tables one under the other, not squeezed
    browser.save_screenshot(str(out / "risk-report-narrow.png"))
    assert (out / "risk-report-wide.png").stat().st_size > 10_000


def test_prints_to_pdf(browser, page) -> None:
    path, report = page
    _open(browser, path, 1400)
    pdf = base64.b64decode(_print_to_pdf(browser)["data"])
    target = path.parent / "risk-report.pdf"
    target.write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert "Findings by check" in text and "Findings by source person" in text
        assert all(f.suggestion.split()[0] in text for f in report.findings)
