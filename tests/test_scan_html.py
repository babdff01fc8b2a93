"""The HTML scan report: escaping, offline-only content, and its behaviour in a real browser.

The browser test drives Debian's ``chromium`` and ``chromium-driver`` with Selenium in headless
mode; it is skipped when Selenium or either binary is missing (CI installs them).
"""

from __future__ import annotations

import copy
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from fixer.scan_html import density_bins, render_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
HOSTILE = "<script>alert(1)</script>"


def _finding(text: str, suggestion: str, entry: str, **extra: Any) -> dict[str, Any]:
    finding = {
        "text": text,
        "suggestion": suggestion,
        "rule": "FX001",
        "entry_id": entry,
        "severity": "error",
        "confidence": 0.95,
        "location": "line 3, column 5",
        "context": f"…the abnormal growth of {text} in the bone…",
        "source": "seed",
        "pps_papers": None,
    }
    finding.update(extra)
    return finding


@pytest.fixture
def report() -> dict[str, Any]:
    """Three documents, ranked by risk; density order (a, c, b) differs from the ranking."""
    return {
        "schema_version": 1,
        "fixer_version": "0.1.0",
        "thresholds": {"high_distinct": 5, "high_density": 2.0, "suspicious_distinct": 2},
        "documents": [
            {
                "path": "a.txt",
                "words": 1234,
                "findings": 7,
                "distinct": 5,
                "density": 5.67,
                "risk": "high",
                "error": None,
                "top": [
                    _finding("white platelets", "white blood cells", "AN0001"),
                    _finding(
                        "focal sensory system",
                        "central nervous system",
                        "AN0002",
                        source="PPS:14",
                        pps_papers=14,
                    ),
                ],
            },
            {
                "path": "b.txt",
                "words": 3300,
                "findings": 3,
                "distinct": 3,
                "density": 0.91,
                "risk": "suspicious",
                "error": None,
                "top": [_finding("lymph center points", "lymph nodes", "AN0003")],
            },
            {
                "path": "c.txt",
                "words": 2000,
                "findings": 3,
                "distinct": 1,
                "density": 1.5,
                "risk": "low",
                "error": None,
                "top": [
                    _finding(
                        "unfortunate visualization", "poor prognosis", "DX0004", severity="warning"
                    )
                ],
            },
        ],
        "garbles": [
            {
                "entry_id": "AN0001",
                "text": "white platelets",
                "suggestion": "white blood cells",
                "count": 12,
                "documents": 2,
            },
            {
                "entry_id": "AN0003",
                "text": "lymph center points",
                "suggestion": "lymph nodes",
                "count": 3,
                "documents": 1,
            },
        ],
        "errors": [{"path": "broken.pdf", "message": "encrypted PDF, skipped"}],
    }


def _hostile(report: dict[str, Any]) -> dict[str, Any]:
    """The report with markup injected into every string it carries."""

    def poison(value: Any) -> Any:
        if isinstance(value, str):
            return value + HOSTILE
        if isinstance(value, list):
            return [poison(v) for v in value]
        if isinstance(value, dict):
            return {k: poison(v) for k, v in value.items()}
        return value

    data = poison(copy.deepcopy(report))
    data["documents"][0]["path"] = f"{HOSTILE}.txt"
    data["documents"].append(
        {"path": "x.txt", "error": f'"><img src=x onerror=alert(1)>{HOSTILE}', "top": []}
    )
    data["thresholds"] = {"high_distinct": HOSTILE, "high_density": 2.0, "suspicious_distinct": 2}
    return data


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside ``<script>`` elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._in_script = False
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def _rows(page: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in _parse(page).tags if tag == "tr" and "data-path" in attrs]


# Unit tests ------------------------------------------------------------------------------------


def test_every_report_string_is_escaped(report: dict[str, Any]) -> None:
    page = render_html(_hostile(report))
    assert HOSTILE not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in page
    parsed = _parse(page)
    assert [tag for tag, _ in parsed.tags].count("script") == 1
    assert all("onerror" not in attrs for _, attrs in parsed.tags)
    paths = [row["data-path"] for row in _rows(page)]
    assert paths[0] == f"{HOSTILE}.txt"  # the attribute holds the path, unescaped by the parser


def test_no_network_resources(report: dict[str, Any]) -> None:
    page = render_html(report)
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base"), tag
        for name in ("src", "href", "srcset", "action", "data", "poster"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:)?//", value, re.IGNORECASE), (tag, name, value)
        if tag == "script":
            assert "src" not in attrs
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, re.IGNORECASE)
    assert "http://" not in page and "https://" not in page
    assert "@import" not in page and "url(" not in page
    assert not any(re.search(r"fetch\(|XMLHttpRequest|import\(", s) for s in parsed.scripts)
    policy = next(a["content"] for t, a in parsed.tags if a.get("http-equiv"))
    assert policy is not None and policy.startswith("default-src 'none'")


def test_charts_and_sections_exist(report: dict[str, Any]) -> None:
    page = render_html(report)
    ids = {attrs.get("id"): tag for tag, attrs in _parse(page).tags}
    assert ids["garble-chart"] == "svg"
    assert ids["density-histogram"] == "svg"
    assert ids["documents"] == "table"
    assert ids["sort-density"] == "button"
    assert "encrypted PDF, skipped" in page and "broken.pdf" in page
    assert "not a verdict" in page and "human reader" in page
    for level in ("clean", "low", "suspicious", "high"):
        assert f'class="risk risk-{level}"' in page
    assert "at least 5 distinct garbles" in page and "density of 2.0" in page


def test_thresholds_state_the_density_rule_as_applied(report: dict[str, Any]) -> None:
    """A density alone does not make a document high risk (``scan.risk_level``): the rule also
    asks for ``suspicious_distinct`` distinct garbles, so that one garble in a short text is not
    high. The legend says so, or a one-garble document at 400 per 1,000 words, shown as
    suspicious, would contradict it."""
    report["thresholds"]["suspicious_distinct"] = 3
    page = render_html(report)
    assert (
        "a density of 2.0 or more findings per 1,000 words with at least 3 distinct garbles" in page
    )


def test_one_row_per_document_with_findings_on_demand(report: dict[str, Any]) -> None:
    page = render_html(report)
    assert [row["data-path"] for row in _rows(page)] == ["a.txt", "b.txt", "c.txt"]
    tags = _parse(page).tags
    details = [attrs for tag, attrs in tags if tag == "details" and "data-findings-for" in attrs]
    assert [d["data-findings-for"] for d in details] == ["a.txt", "b.txt", "c.txt"]
    assert all("open" not in d for d in details)
    assert "<mark>white platelets</mark>" in page
    assert "PPS papers: 14" in page and "source: PPS:14" in page
    assert "Top 2 of 7 findings" in page


def test_phrase_is_marked_where_the_finding_is(report: dict[str, Any]) -> None:
    """The context may hold the phrase more than once (or a wrapped phrase with its line break
    squeezed): ``context_offset`` and ``context_length`` say which words to mark."""
    top = report["documents"][0]["top"][0]
    top["context"] = "…white platelets, and then white platelets…"
    top["context_offset"], top["context_length"] = 27, 15
    page = render_html(report)
    assert "…white platelets, and then <mark>white platelets</mark>…" in page


def test_error_rows_show_the_error(report: dict[str, Any]) -> None:
    report["documents"].append({"path": "bad.docx", "error": "not a zip file", "top": []})
    page = render_html(report)
    assert len(_rows(page)) == 4
    assert '<p class="error">Error: not a zip file</p>' in page


def test_garble_chart_shows_at_most_15(report: dict[str, Any]) -> None:
    report["garbles"] = [
        {"entry_id": f"E{i:04}", "text": f"garble {i}", "suggestion": "x", "count": 100 - i}
        for i in range(40)
    ]
    page = render_html(report)
    chart = page[page.index('<svg id="garble-chart"') :]
    chart = chart[: chart.index("</svg>")]
    assert chart.count("<rect") == 15
    assert "garble 0<" in chart and "garble 14<" in chart and "garble 15<" not in chart


def test_empty_report_renders() -> None:
    page = render_html({"documents": [], "garbles": [], "errors": [], "thresholds": {}})
    assert 'id="garble-chart"' in page and 'id="density-histogram"' in page
    assert "No garbles found." in page and _rows(page) == []


def test_density_bins() -> None:
    bins = density_bins([0.0, 0.0, 0.3, 1.0, 1.99, 2.0, 5.67, 50.0], threshold=2.0)
    assert bins == [
        ("0", 2),
        ("0–0.5", 1),
        ("0.5–1", 0),
        ("1–2", 2),
        ("2–5", 1),
        ("5–10", 1),
        ("10–20", 0),
        ("20–50", 0),
        ("≥ 50", 1),
    ]
    assert ("3–5", 0) in density_bins([], threshold=3.0)


# Real browser ----------------------------------------------------------------------------------


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian's chromium and chromium-driver (/usr/bin)")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download anything
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1024",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_page_in_a_real_browser(browser, report: dict[str, Any], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    browser.get(page.as_uri())
    wait = WebDriverWait(browser, 10)

    def order() -> list[str]:
        rows = browser.find_elements(By.CSS_SELECTOR, "#documents tbody tr")
        return [row.get_attribute("data-path") for row in rows]

    wait.until(lambda _: len(order()) == 3)
    assert order() == ["a.txt", "b.txt", "c.txt"]
    assert browser.find_element(By.ID, "garble-chart").is_displayed()
    assert browser.find_element(By.ID, "density-histogram").is_displayed()

    header = browser.find_element(By.ID, "sort-density")
    header.click()  # numeric columns sort highest first
    wait.until(lambda _: order() == ["a.txt", "c.txt", "b.txt"])
    th = header.find_element(By.XPATH, "..")
    assert th.get_attribute("aria-sort") == "descending"
    header.click()  # and reverse on a second click
    wait.until(lambda _: order() == ["b.txt", "c.txt", "a.txt"])
    assert th.get_attribute("aria-sort") == "ascending"

    details = browser.find_element(By.CSS_SELECTOR, '[data-findings-for="c.txt"]')
    finding = details.find_element(By.CSS_SELECTOR, "li.finding")
    assert not finding.is_displayed()
    details.find_element(By.TAG_NAME, "summary").click()
    wait.until(lambda _: finding.is_displayed())
    assert "unfortunate visualization" in finding.text and "poor prognosis" in finding.text

    logs = browser.get_log("browser") if hasattr(browser, "get_log") else []
    assert not [entry for entry in logs if entry.get("level") == "SEVERE"], logs
