"""``fixer scan --format html``: the scan report as one self-contained HTML page.

The page works offline and loads nothing: the CSS and the (vanilla) JavaScript are inline, the
charts are inline SVG, and a Content-Security-Policy pins the page to its own inline style and
script (by hash), so nothing from the network can load even if a report string slipped through.
Every string taken from the report is escaped with :func:`html.escape`: paths, contexts and
error messages come from untrusted manuscripts.

The page holds: a header with the caution wording of the field and the thresholds used, a
sortable table of documents whose findings open on demand, a bar chart of the most frequent
garbles across the collection, a histogram of density and the list of files that could not be
read. :func:`render_html` is pure: the same report gives the same page.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

#: Risk levels, highest first, with their sort rank (errors sort below clean).
RISK_ORDER = {"high": 3, "suspicious": 2, "low": 1, "clean": 0}
#: Most frequent garbles shown in the chart.
CHART_TOP = 15
#: Garble labels longer than this are cut in the chart (the full text is in the tooltip).
LABEL_CHARS = 34
#: Lower edges (per 1,000 words) of the density histogram, after the bin of exactly zero.
DENSITY_EDGES = (0.0, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0)

CAUTION = (
    "Findings are risk markers, not a verdict. A tortured phrase suggests that text may have been "
    "run through a paraphrasing tool; each finding needs a human reader to check it in context "
    "before anything is concluded about a manuscript or its authors. Legitimate wording can match, "
    "and a clean scan proves nothing."
)

CSS = """
:root { color-scheme: light; --fg: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --bg: #fff;
  --accent: #0b4f8a; --high: #9b1c1c; --suspicious: #8a4500; --low: #1e4e79; --clean: #1b5e20;
  --error: #444; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
.caution { border-left: 4px solid var(--suspicious); background: #fff7ec; padding: .5rem 1rem; }
.meta, .note { color: var(--muted); font-size: .9rem; }
dl.thresholds { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.thresholds dt { font-weight: 600; }
dl.thresholds dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left;
  vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: 600; color: var(--accent); background: none; border: 0;
  padding: 0; cursor: pointer; text-align: inherit; }
th button:focus-visible, summary:focus-visible { outline: 3px solid var(--accent);
  outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  overflow-wrap: anywhere; }
.risk { display: inline-block; padding: 0 .5rem; border-radius: .75rem; color: #fff;
  font-size: .85rem; font-weight: 600; }
.risk-high { background: var(--high); }
.risk-suspicious { background: var(--suspicious); }
.risk-low { background: var(--low); }
.risk-clean { background: var(--clean); }
.risk-error { background: var(--error); }
.error { color: var(--high); font-weight: 600; }
details { margin-top: .25rem; }
summary { cursor: pointer; color: var(--accent); }
ol.findings { margin: .5rem 0; padding-left: 1.5rem; }
ol.findings li { margin-bottom: .5rem; }
.context { display: block; }
mark { background: #ffe08a; color: inherit; }
.facts { color: var(--muted); font-size: .9rem; }
svg { max-width: 100%; height: auto; }
svg text { font: 13px system-ui, sans-serif; fill: var(--fg); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
"""

JS = """
(function () {
  "use strict";
  const table = document.getElementById("documents");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  const body = table.tBodies[0];
  const headers = Array.from(table.tHead.rows[0].cells);
  const status = document.getElementById("sort-status");

  function value(row, index, type) {
    const cell = row.cells[index];
    const raw = cell ? cell.getAttribute("data-value") : null;
    if (type === "num") {
      const n = raw === null || raw === "" ? NaN : Number(raw);
      return Number.isFinite(n) ? n : null;
    }
    return (raw === null ? (cell ? cell.textContent : "") : raw).toLowerCase();
  }

  function compare(a, b, direction) {
    if (a === b) { return 0; }
    if (a === null) { return 1; }
    if (b === null) { return -1; }
    if (typeof a === "number") { return direction * (a - b); }
    return direction * a.localeCompare(b);
  }

  function sortBy(th) {
    const index = headers.indexOf(th);
    const type = th.getAttribute("data-type");
    const state = th.getAttribute("aria-sort");
    let direction = type === "num" ? -1 : 1;
    if (state === "ascending") { direction = -1; }
    if (state === "descending") { direction = 1; }
    const rows = Array.from(body.rows);
    rows.sort(function (r1, r2) {
      const order = compare(value(r1, index, type), value(r2, index, type), direction);
      return order || Number(r1.dataset.rank) - Number(r2.dataset.rank);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (h) {
      if (h.hasAttribute("aria-sort")) { h.setAttribute("aria-sort", "none"); }
    });
    const label = direction > 0 ? "ascending" : "descending";
    th.setAttribute("aria-sort", label);
    if (status) { status.textContent = "Sorted by " + th.textContent.trim() + ", " + label + "."; }
  }

  headers.forEach(function (th) {
    const button = th.querySelector("button");
    if (button) { button.addEventListener("click", function () { sortBy(th); }); }
  });
})();
"""

#: Table columns: key, header label, type ("num" or "text"), CSS class.
COLUMNS = (
    ("document", "Document", "text", ""),
    ("risk", "Risk", "num", ""),
    ("words", "Words", "num", "num"),
    ("findings", "Findings", "num", "num"),
    ("distinct", "Distinct garbles", "num", "num"),
    ("density", "Density per 1,000 words", "num", "num"),
)


def _text(value: object) -> str:
    """Any report value as escaped text (``None`` as an empty string)."""
    return "" if value is None else escape(str(value), quote=True)


def _number(value: object) -> float | None:
    """A finite number from the report, or ``None`` for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _count(value: object) -> str:
    """A whole number with thousands separators, or an empty string."""
    number = _number(value)
    return "" if number is None else f"{round(number):,}"


def _decimal(value: object, places: int = 2) -> str:
    number = _number(value)
    return "" if number is None else f"{number:,.{places}f}"


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, Sequence) and not isinstance(value, str) else []


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def render_html(report: Mapping[str, Any]) -> str:
    """The scan report (as produced for ``--format json``) as one offline HTML page."""
    documents = [_mapping(d) for d in _list(report.get("documents"))]
    thresholds = _mapping(report.get("thresholds"))
    policy = (
        "default-src 'none'; base-uri 'none'; form-action 'none'; "
        f"style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>fixer scan report</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        _header(report, documents, thresholds),
        "<main>",
        _documents_section(documents),
        _garbles_section(_list(report.get("garbles"))),
        _density_section(documents, thresholds),
        _errors_section(_list(report.get("errors"))),
        "</main>",
        f"<script>{JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _header(
    report: Mapping[str, Any], documents: list[Mapping[str, Any]], thresholds: Mapping[str, Any]
) -> str:
    counts = {level: 0 for level in RISK_ORDER}
    for document in documents:
        level = str(document.get("risk"))
        if level in counts:
            counts[level] += 1
    summary = ", ".join(f"{n:,} {level}" for level, n in counts.items())
    return (
        "<header>\n<h1>fixer scan report</h1>\n"
        f'<p class="caution" role="note"><strong>Caution.</strong> {escape(CAUTION)}</p>\n'
        f'<p class="meta">{len(documents):,} documents ({summary}). '
        f"fixer {_text(report.get('fixer_version'))}, report schema "
        f"{_text(report.get('schema_version'))}.</p>\n"
        f"{_thresholds(thresholds)}\n</header>"
    )


def _thresholds(thresholds: Mapping[str, Any]) -> str:
    high_distinct = _text(thresholds.get("high_distinct"))
    high_density = _text(thresholds.get("high_density"))
    suspicious = _text(thresholds.get("suspicious_distinct"))
    rows = [
        (
            "high",
            f"at least {high_distinct} distinct garbles, or a density of {high_density} "
            f"or more findings per 1,000 words with at least {suspicious} distinct garbles",
        ),
        (
            "suspicious",
            f"at least {suspicious} distinct garbles, or one obvious garble "
            "(an error-level lexicon entry)",
        ),
        ("low", "any other finding at warning level"),
        ("clean", "no findings (info-level wording alone keeps a document clean)"),
    ]
    items = "\n".join(
        f'<dt><span class="risk risk-{level}">{level}</span></dt><dd>{text}</dd>'
        for level, text in rows
    )
    return (
        '<h2 id="thresholds">Risk levels and thresholds used</h2>\n'
        f'<dl class="thresholds">\n{items}\n</dl>'
    )


def _documents_section(documents: list[Mapping[str, Any]]) -> str:
    head = "".join(_column_header(*column) for column in COLUMNS)
    rows = "\n".join(_document_row(rank, d) for rank, d in enumerate(documents))
    return (
        '<section aria-labelledby="documents-title">\n'
        '<h2 id="documents-title">Documents</h2>\n'
        '<p class="note">Ranked highest risk first. Select a column header to sort by it; select '
        "it again to reverse. Open a document's findings to read them in context.</p>\n"
        '<p id="sort-status" class="sr-only" role="status" aria-live="polite"></p>\n'
        '<table id="documents">\n'
        '<caption class="sr-only">Scanned documents and their risk markers</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</section>"
    )


def _column_header(key: str, label: str, kind: str, css: str) -> str:
    ident = f' id="sort-{key}"'
    klass = f' class="{css}"' if css else ""
    return (
        f'<th scope="col"{klass} aria-sort="none" data-key="{key}" data-type="{kind}">'
        f'<button type="button"{ident}>{escape(label)}</button></th>'
    )


def _document_row(rank: int, document: Mapping[str, Any]) -> str:
    path = _text(document.get("path"))
    error = document.get("error")
    risk = "error" if error else str(document.get("risk") or "")
    risk_value = RISK_ORDER.get(risk, -1)
    cells = [
        f'<td data-value="{path}"><span class="path">{path}</span>{_document_detail(document)}'
        "</td>",
        f'<td data-value="{risk_value}"><span class="risk risk-{_risk_class(risk)}">'
        f"{_text(risk)}</span></td>",
        _number_cell(document.get("words"), _count),
        _number_cell(document.get("findings"), _count),
        _number_cell(document.get("distinct"), _count),
        _number_cell(document.get("density"), _decimal),
    ]
    return f'<tr data-path="{path}" data-rank="{rank}">{"".join(cells)}</tr>'


def _risk_class(risk: str) -> str:
    return risk if risk in RISK_ORDER or risk == "error" else "error"


def _number_cell(value: object, show: Any) -> str:
    number = _number(value)
    data = "" if number is None else repr(number)
    return f'<td class="num" data-value="{data}">{show(value)}</td>'


def _document_detail(document: Mapping[str, Any]) -> str:
    """The error of an unreadable document, or its findings in a closed ``<details>``."""
    if document.get("error"):
        return f'<p class="error">Error: {_text(document.get("error"))}</p>'
    top = [_mapping(f) for f in _list(document.get("top"))]
    if not top:
        return ""
    total = _number(document.get("findings"))
    label = f"{len(top):,} finding" + ("s" if len(top) != 1 else "")
    if total is not None and total > len(top):
        label = f"Top {len(top):,} of {round(total):,} findings"
    items = "\n".join(_finding_item(f) for f in top)
    return (
        f'<details data-findings-for="{_text(document.get("path"))}">'
        f"<summary>{label}</summary>\n"
        f'<ol class="findings">\n{items}\n</ol></details>'
    )


def _finding_item(finding: Mapping[str, Any]) -> str:
    facts = [
        ("entry", finding.get("entry_id")),
        ("rule", finding.get("rule")),
        ("severity", finding.get("severity")),
        ("confidence", _decimal(finding.get("confidence"))),
        ("at", finding.get("location")),
        ("source", finding.get("source")),
        ("PPS papers", _count(finding.get("pps_papers"))),
    ]
    shown = "; ".join(f"{name}: {_text(value)}" for name, value in facts if value not in (None, ""))
    return (
        f'<li class="finding"><q>{_text(finding.get("text"))}</q> → '
        f"<strong>{_text(finding.get('suggestion'))}</strong>"
        f'<span class="context">{_highlight(finding)}</span>'
        f'<span class="facts">{shown}</span></li>'
    )


def _highlight(finding: Mapping[str, Any]) -> str:
    """The finding's context, escaped, with its phrase in ``<mark>``: where ``context_offset``
    and ``context_length`` say (the same words may stand before it), else the first place the
    phrase, its white space as the context has it, occurs."""
    context, phrase = finding.get("context"), finding.get("text")
    text = "" if context is None else str(context)
    at, length = finding.get("context_offset"), finding.get("context_length")
    if not (
        isinstance(at, int) and isinstance(length, int) and 0 <= at <= at + length <= len(text)
    ):
        needle = "" if phrase is None else " ".join(str(phrase).split())
        at, length = (text.lower().find(needle.lower()), len(needle)) if needle else (-1, 0)
    if at < 0:
        return escape(text)
    end = at + length
    return f"{escape(text[:at])}<mark>{escape(text[at:end])}</mark>{escape(text[end:])}"


def _garbles_section(garbles: list[Any]) -> str:
    rows = [_mapping(g) for g in garbles]
    rows.sort(key=lambda g: -(_number(g.get("count")) or 0))
    top = rows[:CHART_TOP]
    return (
        '<section aria-labelledby="garbles-title">\n'
        f'<h2 id="garbles-title">Most frequent garbles (top {CHART_TOP})</h2>\n'
        f"{_garble_chart(top)}\n{_garble_table(top)}\n</section>"
    )


def _garble_chart(garbles: list[Mapping[str, Any]]) -> str:
    label_width, bar_width, row, top = 270, 400, 24, 8
    height = top * 2 + row * max(len(garbles), 1)
    width = label_width + bar_width + 60
    most = max((_number(g.get("count")) or 0 for g in garbles), default=0) or 1
    bars = []
    for i, garble in enumerate(garbles):
        count = _number(garble.get("count")) or 0
        y = top + i * row
        length = max(1.0, bar_width * count / most)
        full = f"{garble.get('text')} → {garble.get('suggestion')}"
        tip = (
            f"{full}: {_count(count)} findings in {_count(garble.get('documents'))} documents "
            f"(entry {garble.get('entry_id')})"
        )
        bars.append(
            f"<g><title>{escape(tip)}</title>"
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end">'
            f"{escape(_shorten(str(garble.get('text'))))}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
            'fill="#0b4f8a"></rect>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 16}">{_count(count)}</text></g>'
        )
    if not bars:
        bars.append(f'<text x="8" y="{top + 16}">No garbles found.</text>')
    return (
        f'<svg id="garble-chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="garble-chart-title">'
        '<title id="garble-chart-title">Findings per garble across the collection, '
        "most frequent first</title>" + "".join(bars) + "</svg>"
    )


def _shorten(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _garble_table(garbles: list[Mapping[str, Any]]) -> str:
    if not garbles:
        return ""
    rows = "\n".join(
        f"<tr><td>{_text(g.get('text'))}</td><td>{_text(g.get('suggestion'))}</td>"
        f'<td>{_text(g.get("entry_id"))}</td><td class="num">{_count(g.get("count"))}</td>'
        f'<td class="num">{_count(g.get("documents"))}</td></tr>'
        for g in garbles
    )
    return (
        "<details><summary>The same data as a table</summary>\n<table>"
        '<thead><tr><th scope="col">Garble</th><th scope="col">Suggested term</th>'
        '<th scope="col">Entry</th><th scope="col" class="num">Findings</th>'
        '<th scope="col" class="num">Documents</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table></details>"
    )


def density_bins(
    densities: Sequence[float], threshold: float | None = None
) -> list[tuple[str, int]]:
    """(label, count) per density bin: exactly zero, then ranges between fixed edges.

    The edges are :data:`DENSITY_EDGES` plus the ``high_density`` threshold, so the histogram
    shows how many documents lie on either side of it.
    """
    edges = sorted({*DENSITY_EDGES, *([threshold] if threshold and threshold > 0 else [])})
    labels = ["0"] + [
        f"{_edge(low)}–{_edge(high)}" if high is not None else f"≥ {_edge(low)}"
        for low, high in zip(edges, [*edges[1:], None], strict=True)
    ]
    counts = [0] * len(labels)
    for density in densities:
        if density <= 0:
            counts[0] += 1
            continue
        index = max(i for i, low in enumerate(edges) if density >= low)
        counts[index + 1] += 1
    return list(zip(labels, counts, strict=True))


def _edge(value: float) -> str:
    return f"{value:g}"


def _density_section(documents: list[Mapping[str, Any]], thresholds: Mapping[str, Any]) -> str:
    densities = [
        d
        for d in (_number(doc.get("density")) for doc in documents if not doc.get("error"))
        if d is not None
    ]
    bins = density_bins(densities, _number(thresholds.get("high_density")))
    return (
        '<section aria-labelledby="density-title">\n'
        '<h2 id="density-title">Density of findings</h2>\n'
        '<p class="note">Documents per bin of findings per 1,000 words (ranges include their '
        "lower edge).</p>\n"
        f"{_histogram(bins)}\n</section>"
    )


def _histogram(bins: list[tuple[str, int]]) -> str:
    left, bottom, top, column, plot = 40, 40, 16, 70, 200
    width = left + column * len(bins) + 10
    height = top + plot + bottom
    most = max((n for _, n in bins), default=0) or 1
    bars = []
    for i, (label, count) in enumerate(bins):
        size = plot * count / most
        x = left + i * column
        y = top + plot - size
        bars.append(
            f"<g><title>{escape(label)} per 1,000 words: {count:,} documents</title>"
            f'<rect x="{x + 8}" y="{y:.1f}" width="{column - 16}" height="{size:.1f}" '
            'fill="#8a4500"></rect>'
            f'<text x="{x + column / 2:.0f}" y="{y - 4:.1f}" text-anchor="middle">{count:,}</text>'
            f'<text x="{x + column / 2:.0f}" y="{top + plot + 18}" text-anchor="middle">'
            f"{escape(label)}</text></g>"
        )
    axis = (
        f'<line x1="{left}" y1="{top + plot}" x2="{width - 10}" y2="{top + plot}" '
        'stroke="#4a4a4a"></line>'
        f'<text x="{left + (width - left) / 2:.0f}" y="{height - 4}" text-anchor="middle">'
        "findings per 1,000 words</text>"
    )
    return (
        f'<svg id="density-histogram" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="density-histogram-title">'
        '<title id="density-histogram-title">Histogram of documents by density of findings'
        "</title>" + axis + "".join(bars) + "</svg>"
    )


def _errors_section(errors: list[Any]) -> str:
    items = "\n".join(
        f'<li><span class="path">{_text(e.get("path"))}</span>: {_text(e.get("message"))}</li>'
        for e in (_mapping(x) for x in errors)
    )
    body = f'<ul id="errors">\n{items}\n</ul>' if items else '<p id="errors">None.</p>'
    return (
        '<section aria-labelledby="errors-title">\n'
        f'<h2 id="errors-title">Files not scanned ({len(errors):,})</h2>\n{body}\n</section>'
    )
