"""``qualdeid review`` end to end in a real headless Chromium (Selenium with Debian's chromium and
chromium-driver): open the page for ``examples/``, decide a group, add a missed identifier by
selecting text, merge two people, reload and see the decisions kept, then ``scrub --rules DIR`` and
check that the outputs follow them.

Screenshots go to ``build/test-artifacts/review/`` (not committed; they show the examples' invented
names). Without a browser on the machine these tests are skipped, saying what to install.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "diaries"
ARTIFACTS = ROOT / "build" / "test-artifacts" / "review"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
PASS = "a passphrase for browser tests"
QUALDEID = [sys.executable, "-c", "from qualdeid.cli import main; main()"]

selenium = pytest.importorskip("selenium", reason="selenium is not installed: pip install -e '.[dev]'")
if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip(
        "no browser: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("review") / "our-rules"  # created by qualdeid review


@pytest.fixture(scope="module")
def review_url(rules: Path) -> Iterator[str]:
    """``qualdeid review examples/diaries --rules DIR --no-open`` as a user runs it; its printed address."""
    proc = subprocess.Popen(
        [*QUALDEID, "review", str(EXAMPLES), "--rules", str(rules), "--no-open"],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/\?t=\S+)", first)
        assert m, first
        yield m.group(1)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-quic",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1500,950",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(20)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def wait(driver: webdriver.Chrome, condition: Callable[[webdriver.Chrome], Any], seconds: float = 60) -> Any:
    """``condition`` true, retried while the page re-renders what it looked at."""
    return WebDriverWait(driver, seconds, ignored_exceptions=[StaleElementReferenceException]).until(condition)


def click(driver: webdriver.Chrome, css: str, text: Callable[[str], bool]) -> None:
    """Click the first element matching ``css`` whose text passes ``text``, once the page shows it."""

    def found(d: webdriver.Chrome) -> bool:
        for el in d.find_elements(By.CSS_SELECTOR, css):
            if text(el.text):
                el.click()
                return True
        return False

    wait(driver, found)


def shot(driver: webdriver.Chrome, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def ready(driver: webdriver.Chrome, url: str) -> None:
    driver.get(url)
    wait(driver, lambda d: "groups decided" in d.find_element(By.ID, "progress-text").text)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#list li[data-group]"))


def open_group(driver: webdriver.Chrome, title: str) -> None:
    driver.find_element(By.CSS_SELECTOR, ".queue .tabs button[data-which=all]").click()
    click(driver, "#list li[data-group]", lambda t: t.split("\n")[0] == title)
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#panel-group h2").text == title)


def toast(driver: webdriver.Chrome, expected: str) -> str:
    """The page's message once it says ``expected`` (a failure says something else: shown on timeout)."""
    wait(driver, lambda d: expected in d.find_element(By.ID, "toast").text)
    return driver.find_element(By.ID, "toast").text


def test_the_page_is_private_and_self_contained(browser: webdriver.Chrome, review_url: str) -> None:
    without = review_url.split("?")[0]
    browser.get(without)
    assert "wrong token" in browser.find_element(By.TAG_NAME, "body").text
    ready(browser, review_url)
    shot(browser, "1-opened")
    assert "do not share screenshots" in browser.find_element(By.CLASS_NAME, "private").text
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    origin = without.rstrip("/")
    assert resources and all(r.startswith(origin) for r in resources), resources
    legend = [c.text for c in browser.find_elements(By.CSS_SELECTOR, ".legend .chip")]
    assert "PERSON" in legend and "RARE DETAIL" in legend  # colours come with text labels
    keys = browser.find_element(By.CSS_SELECTOR, "footer.keys").text
    assert "accept proposal" in keys and "undo" in keys


def test_decide_a_group_with_the_keyboard(browser: webdriver.Chrome, review_url: str, rules: Path) -> None:
    ready(browser, review_url)
    open_group(browser, "vege garden")  # a shared garden the researcher judges identifying here
    shot(browser, "2-group")
    Select(browser.find_element(By.ID, "group-label")).select_by_visible_text("place")
    browser.find_element(By.TAG_NAME, "body").send_keys("r")  # an identifier, as a place
    toast(browser, "Identifier everywhere")
    wait(browser, lambda d: (rules / "decisions.yaml").exists())
    text = (rules / "decisions.yaml").read_text()
    assert "text: vege garden" in text and "decision: replace" in text and "label: LOCATION" in text
    wait(browser, lambda d: d.find_element(By.ID, "progress-text").text.startswith("1 of "))


def test_add_a_missed_identifier_by_selecting_text(browser: webdriver.Chrome, review_url: str, rules: Path) -> None:
    ready(browser, review_url)
    browser.find_element(By.CSS_SELECTOR, ".queue .tabs button[data-which=docs]").click()
    click(browser, "#list li", lambda t: t.startswith("diary-03"))
    wait(browser, lambda d: d.find_element(By.ID, "doc-title").text == "diary-03.txt")
    selected = browser.execute_script(
        """
        const article = document.getElementById('doc-text');
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
          const i = node.data.indexOf('skate bowl');
          if (i >= 0) {
            const range = document.createRange();
            range.setStart(node, i); range.setEnd(node, i + 'skate bowl'.length);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
            article.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
            return sel.toString();
          }
        }
        return null;
        """
    )
    assert selected == "skate bowl"
    menu = wait(browser, ec.visibility_of_element_located((By.ID, "popover")))
    assert "Mark “skate bowl” as" in menu.text
    shot(browser, "3-select")
    browser.find_element(By.TAG_NAME, "body").send_keys("2")  # 2: place
    toast(browser, "Added")
    mark = wait(
        browser, lambda d: next((m for m in d.find_elements(By.CSS_SELECTOR, "mark") if "skate bowl" in m.text), None)
    )
    assert "l-LOCATION" in mark.get_attribute("class") and "PLACE ✓" in mark.text.upper()
    shot(browser, "4-added")
    assert "text: skate bowl" in (rules / "decisions.yaml").read_text()


def test_merge_two_people(browser: webdriver.Chrome, review_url: str, rules: Path) -> None:
    ready(browser, review_url)
    browser.find_element(By.CSS_SELECTOR, ".panel .tabs button[data-panel=people]").click()
    card = wait(
        browser,
        lambda d: next(
            (
                c
                for c in d.find_elements(By.CSS_SELECTOR, ".person")
                if c.find_element(By.CLASS_NAME, "pname").text == "Ms D"
            ),
            None,
        ),
    )
    Select(card.find_element(By.TAG_NAME, "select")).select_by_visible_text("Joy Delacourt")
    card.find_element(By.XPATH, ".//button[text()='Merge']").click()
    toast(browser, "Merged")
    shot(browser, "7-people")
    wait(
        browser,
        lambda d: (
            not any(
                c.find_element(By.CLASS_NAME, "pname").text == "Ms D"
                for c in d.find_elements(By.CSS_SELECTOR, ".person")
            )
        ),
    )
    assert "person: Joy Delacourt" in (rules / "decisions.yaml").read_text()


def test_generalise_a_rare_detail(browser: webdriver.Chrome, review_url: str, rules: Path) -> None:
    ready(browser, review_url)
    browser.find_element(By.CSS_SELECTOR, ".queue .tabs button[data-which=docs]").click()
    click(browser, "#list li", lambda t: t.startswith("diary-05"))
    click(browser, "#doc-text mark", lambda t: t.startswith("used to work as a rodeo clown"))
    menu = wait(browser, ec.visibility_of_element_located((By.ID, "popover")))
    wait(browser, lambda d: menu.find_elements(By.CSS_SELECTOR, ".sugg button"))  # rules/generalise.yaml
    assert "had an unusual hobby" in [b.text for b in menu.find_elements(By.CSS_SELECTOR, ".sugg button")]
    menu.find_element(By.CSS_SELECTOR, "input[aria-label='general text']").send_keys("had an unusual job")
    shot(browser, "5-rare")
    menu.find_element(By.XPATH, ".//button[text()='Generalise']").click()
    toast(browser, "had an unusual job")
    entries = yaml.safe_load((rules / "generalise.yaml").read_text())["generalisations"]
    assert entries[0]["replace"] == "had an unusual job"
    browser.find_element(By.TAG_NAME, "body").send_keys("?")
    assert wait(browser, ec.visibility_of_element_located((By.ID, "help"))).text.startswith("Keyboard")
    shot(browser, "6-keys")
    browser.find_element(By.ID, "help-close").click()


def test_reload_keeps_the_decisions_and_scrub_follows_them(
    browser: webdriver.Chrome, review_url: str, rules: Path, tmp_path: Path
) -> None:
    ready(browser, review_url)  # a fresh load of the page
    assert browser.find_element(By.ID, "progress-text").text.startswith("1 of ")
    open_group(browser, "vege garden")
    assert "✓ PLACE" in browser.find_element(By.ID, "panel-group").text.upper()
    browser.find_element(By.CSS_SELECTOR, ".panel .tabs button[data-panel=people]").click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".person"))
    joy = next(
        c
        for c in browser.find_elements(By.CSS_SELECTOR, ".person")
        if c.find_element(By.CLASS_NAME, "pname").text.startswith("Joy Delacourt")
    )
    assert "Ms D" in joy.find_element(By.CLASS_NAME, "forms").text
    shot(browser, "8-reloaded")

    env = dict(os.environ, QUALDEID_PASSPHRASE=PASS)
    key = tmp_path / "study.key"

    def scrub(out: Path, *extra: str) -> dict[str, str]:
        cmd = [*QUALDEID, "scrub", str(EXAMPLES), "-o", str(out), "--key", str(key), "--seed", "3", "--quiet", *extra]
        subprocess.run(cmd, check=True, env=env)
        return {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.suffix in (".txt", ".md")}

    plain = scrub(tmp_path / "plain")
    key.unlink()
    decided = scrub(tmp_path / "decided", "--rules", str(rules))
    assert "vege garden" in plain["diary-02.txt"] and "vege garden" not in decided["diary-02.txt"]
    assert "skate bowl" in plain["diary-03.txt"] and "skate bowl" not in decided["diary-03.txt"]
    assert "rodeo clown" in plain["diary-05.txt"] and "rodeo clown" not in decided["diary-05.txt"]
    assert "had an unusual job" in decided["diary-05.txt"]
    from docx import Document as Docx

    from qualdeid.pseudonymise.key import Key

    log = {k.split("\x1f")[1]: v["edits"] for k, v in Key.open(key, PASS).documents.items()}
    joy_doc, joy = next(
        (doc, e) for doc, edits in log.items() for e in edits if e[4] == "Joy Delacourt" and doc in decided
    )
    surname = decided[joy_doc][joy[0] : joy[1]].split()[-1]
    ms_d = next(e for e in log["diary-10.docx"] if e[4] == "Ms D")
    doc10 = "\n".join(p.text for p in Docx(str(tmp_path / "decided" / "diary-10.docx")).paragraphs)
    assert doc10[ms_d[0] : ms_d[1]] == f"Ms {surname}"  # merged: Joy Delacourt's invented surname
    audit = json.loads((tmp_path / "decided" / "qualdeid-audit.json").read_text())
    assert audit["summary"]["review_decisions"]["applied"] >= 3 and audit["summary"]["review_decisions"]["stale"] == 0
