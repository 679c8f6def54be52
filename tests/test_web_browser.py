"""The web app in a real headless Chromium (Debian's chromium and chromedriver, driven by
Selenium): open the graph, click an organization, see its partners, open an event and see
its evidence highlighted; suggestions in both languages; a hostile article runs nothing.
Screenshots for a person to look at are saved in test-output/browser/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("selenium", reason="selenium (dev extra) is not installed")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from web_data import EVIL_A, EVIL_B, EVIL_PERSON, EVIL_TITLE, build  # noqa: E402

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
SHOTS = Path(os.environ.get("PARTNERGRAPH_TEST_OUTPUT", Path(__file__).parent.parent / "test-output")) / "browser"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("browser"))
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "partnergraph", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/api/status", timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"the server did not start: {proc.stderr.read().decode()}")
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        message = "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-US", "--no-first-run"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def wait(driver, condition, timeout: float = 30):
    return WebDriverWait(driver, timeout).until(condition)


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def open_graph(driver, url: str) -> None:
    driver.get(url)
    wait(driver, lambda d: d.execute_script("return document.getElementById('graph').dataset.ready") == "1")


def click_node(driver, label: str) -> None:
    """Click the graph node with this label where it is drawn on the canvas."""
    x, y = driver.execute_script(
        "var want = arguments[0];"
        " var n = window.cy.nodes().filter(function (n) { return n.data('label') === want; })[0];"
        " var p = n.renderedPosition(); return [p.x, p.y];", label)
    box = driver.find_element(By.ID, "graph")
    size = box.size
    ActionChains(driver).move_to_element_with_offset(
        box, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()


def test_graph_to_organization_to_event_with_evidence(browser, server):
    open_graph(browser, server + "/graph")
    status = browser.find_element(By.ID, "graph-status").text
    assert status.startswith("7 of 7 organizations, 4 of 4 partner pairs"), status
    colours = browser.execute_script(
        "var c = {}; window.cy.nodes().forEach(function (n) { c[n.data('kind')] = n.style('background-color'); });"
        " return c;")
    assert len(set(colours.values())) == len(colours) >= 3  # one colour per kind
    shot(browser, "1-graph")

    click_node(browser, "Beta Group")
    wait(browser, lambda d: "/org/" in d.current_url)
    assert browser.find_element(By.ID, "org-name").text.startswith("Beta Group")
    partners = browser.find_element(By.ID, "partners").text
    assert "Alpha University" in partners and "Gamma Institute" in partners
    shot(browser, "2-organization")

    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#timeline a")
                if "Gamma Institute" in a.text)
    link.click()
    wait(browser, lambda d: "/event/" in d.current_url)
    parties = {m.text for m in browser.find_elements(By.CSS_SELECTOR, ".text mark.f-party")}
    assert {"Gamma Institute", "Beta Group"} <= parties
    assert browser.find_element(By.CSS_SELECTOR, ".text mark.f-trigger").text
    assert browser.find_element(By.CSS_SELECTOR, ".text mark.f-date").text == "June 9, 2024"
    assert browser.find_element(By.CSS_SELECTOR, ".doc-title").text == "Gamma Institute and Beta Group Sign Agreement"
    assert browser.find_element(By.CSS_SELECTOR, "a.doc-url").get_attribute("href") == "https://news.example.org/gamma-beta"
    background = browser.execute_script(
        "return getComputedStyle(document.querySelector('.text mark.f-party')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    shot(browser, "3-event-evidence")
    assert console_errors(browser) == []


def test_filters_and_a_click_on_an_edge(browser, server):
    open_graph(browser, server + "/graph?lang=zh")
    assert browser.find_element(By.NAME, "lang").get_attribute("value") == "zh"
    labels = browser.execute_script("return window.cy.nodes().map(function (n) { return n.data('label'); })")
    assert sorted(labels) == ["东湖大学", "华星电子集团有限公司"]
    x, y = browser.execute_script("var p = window.cy.edges()[0].renderedMidpoint(); return [p.x, p.y];")
    box = browser.find_element(By.ID, "graph")
    ActionChains(browser).move_to_element_with_offset(
        box, int(x - box.size["width"] / 2), int(y - box.size["height"] / 2)).click().perform()
    info = wait(browser, lambda d: d.find_element(By.ID, "edge-info") if d.find_element(By.ID, "edge-info").is_displayed() else False)
    # the edge runs from the smaller id to the larger, and ids follow from names (resolution/ids.py)
    pair = {"东湖大学 ↔ 华星电子集团有限公司: 1 event", "华星电子集团有限公司 ↔ 东湖大学: 1 event"}
    assert any(p in info.text for p in pair) and "zh-east" in info.text
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    shot(browser, "4-graph-chinese-edge")
    browser.find_element(By.NAME, "lang").send_keys("all")
    browser.find_element(By.NAME, "since").send_keys("2024-06")
    browser.find_element(By.CSS_SELECTOR, "#filters button").click()
    wait(browser, lambda d: d.execute_script("return document.getElementById('graph').dataset.ready") == "1"
         and "since=2024-06" in d.current_url)
    labels = browser.execute_script("return window.cy.nodes().map(function (n) { return n.data('label'); })")
    assert "Gamma Institute" in labels and "Alpha University" not in labels


@pytest.mark.parametrize("typed, expected, name", [("华星", "华星电子集团有限公司", "5-suggest-chinese"),
                                                   ("AU", "Alpha University", "6-suggest-english")])
def test_search_suggestions_in_both_languages(browser, server, typed, expected, name):
    browser.get(server + "/")
    box = browser.find_element(By.ID, "q")
    box.send_keys(typed)
    wait(browser, lambda d: d.find_element(By.ID, "suggestions").is_displayed())
    items = browser.find_elements(By.CSS_SELECTOR, "#suggestions li")
    assert items and items[0].text.startswith(expected)
    shot(browser, name)
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    wait(browser, lambda d: "/org/" in d.current_url)
    assert browser.find_element(By.ID, "org-name").text.startswith(expected)


def test_a_hostile_article_runs_nothing_and_reads_as_text(browser, server):
    browser.get(server + "/?q=" + "window")
    pages = {"search": server + "/?q=window"}
    evil = next(a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "ul.orgs a")
                if EVIL_A in a.text)
    pages["org"] = evil
    browser.get(evil)
    pages["event"] = browser.find_element(By.CSS_SELECTOR, "#timeline a").get_attribute("href")
    pages["explain"] = evil + "/explain"
    for name, url in pages.items():
        browser.get(url)
        if name == "event":
            text = browser.find_element(By.CSS_SELECTOR, ".report .text").text
            assert EVIL_A in text and EVIL_B in text and EVIL_PERSON in text
            assert browser.find_element(By.CSS_SELECTOR, ".doc-title").text == EVIL_TITLE
            assert browser.find_elements(By.CSS_SELECTOR, "a.doc-url") == []  # javascript: is no link
            ActionChains(browser).move_to_element(browser.find_element(By.CSS_SELECTOR, ".text mark.f-person")).perform()
            shot(browser, "7-hostile-event")
        if name == "org":
            assert browser.find_element(By.ID, "org-name").text.startswith(EVIL_A)
        assert browser.execute_script("return window.__xss") is None, name
        sources = browser.execute_script(
            "return Array.from(document.scripts).map(function (s) { return s.getAttribute('src'); })")
        assert all(s and s.startswith(("/static/", "/vendor/")) for s in sources), (name, sources)
        assert browser.execute_script("return document.querySelectorAll('[onerror],[onmouseover],img').length") == 0
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018
    open_graph(browser, server + "/graph")
    assert EVIL_B in browser.execute_script("return window.cy.nodes().map(function (n) { return n.data('label'); })")
    assert browser.execute_script("return window.__xss") is None
    assert console_errors(browser) == []


def test_api_docs_are_served_by_the_app(browser, server):
    browser.get(server + "/api/docs")
    title = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".swagger-ui .info .title"))
    assert title[0].text.startswith("partnergraph")
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".opblock")) >= 10)
    shot(browser, "8-api-docs")
    assert console_errors(browser) == []


def test_explain_view_is_read_only_without_allow_edits(browser, server):
    browser.get(server + "/?q=Alpha")
    browser.find_element(By.CSS_SELECTOR, "ul.orgs a").click()
    wait(browser, lambda d: "/org/" in d.current_url)
    browser.find_element(By.LINK_TEXT, "why these names").click()
    wait(browser, lambda d: d.current_url.endswith("/explain"))
    names = browser.find_element(By.ID, "names").text
    assert "AU" in names and "acronym" in names
    assert browser.find_elements(By.CSS_SELECTOR, "form[action='/api/merge'], form[action='/api/split']") == []
    assert "--allow-edits" in browser.find_element(By.TAG_NAME, "main").text
    shot(browser, "9-explain")
