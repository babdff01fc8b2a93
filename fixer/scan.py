"""``fixer scan``: screen a collection of manuscripts and rank them by risk.

For each document: words, findings (warning and above), info findings, distinct garbles, their
density per 1,000 words, a risk level and the top findings in context with each entry's
evidence. As in research-integrity practice (the Problematic Paper Screener treats five or more
tortured phrases, or one obvious one, as a signal), a finding is a risk marker for a human to
read, never a verdict. The thresholds are documented and configurable:

- **high**: at least ``high_distinct`` distinct garbles, or a density of ``high_density`` or more
  findings per 1,000 words with at least ``suspicious_distinct`` distinct garbles (so that one
  garble in a short text is not "high");
- **suspicious**: at least ``suspicious_distinct`` distinct garbles, or one obvious garble (an
  error-level lexicon entry);
- **low**: any other finding at warning level;
- **clean**: none (info-level wording alone keeps a document clean).

Documents are processed locally (``--jobs``) or on a Dask cluster (``--engine dask``), with the
same results either way: each document is scanned by the same pure function.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from fixer.engine import Checker
from fixer.files import InputError, read_document
from fixer.markup import as_read, prose_view, syntax_for
from fixer.model import SUPPRESSION, Entry, Finding, Severity
from fixer.report import LineIndex
from fixer.runner import Options, SetupError, ordered_map
from fixer.stream import excerpts, file_pieces, large_file, located_pieces

RISKS = ("high", "suspicious", "low", "clean")
TOP_FINDINGS = 10
_CONTEXT = 60
_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class Thresholds:
    high_distinct: int = 5
    high_density: float = 2.0
    suspicious_distinct: int = 2


def risk_level(
    distinct: int, density: float, obvious: bool, findings: int, thresholds: Thresholds
) -> str:
    if findings == 0:
        return "clean"
    dense = density >= thresholds.high_density and distinct >= thresholds.suspicious_distinct
    if distinct >= thresholds.high_distinct or dense:
        return "high"
    if distinct >= thresholds.suspicious_distinct or obvious:
        return "suspicious"
    return "low"


@dataclass(frozen=True)
class _Reading:
    """One document as checked: its findings, the words of its prose, where an offset lies
    (page, paragraph or line) and the text of some ``(start, end)`` spans."""

    found: list[Finding]
    words: int
    where: Callable[[int], str]
    spans: Callable[[list[tuple[int, int]]], list[str]]


def _read(name: str, options: Options, checker: Checker) -> _Reading:
    """Check a document: a PDF or DOCX through its extracted text, a large plain-text file in
    pieces (``_read_large``), any other whole."""
    from fixer.extract import MANUSCRIPT_SUFFIXES, extract

    if Path(name).suffix.lower() in MANUSCRIPT_SUFFIXES:
        extracted = extract(Path(name))
        return _read_text(extracted.text, "text", checker, extracted.where)
    syntax = syntax_for(name)
    if syntax == "text" and large_file(name):
        return _read_large(name, options.encoding, checker)
    text = read_document(Path(name), options.encoding).text
    lines = LineIndex(text)

    def where(offset: int) -> str:
        return "line {}, column {}".format(*lines.position(offset))

    return _read_text(text, syntax, checker, where)


def _read_text(text: str, syntax: str, checker: Checker, where: Callable[[int], str]) -> _Reading:
    """A document checked whole."""
    return _Reading(
        checker.check(text, syntax),
        count_words(text, syntax),
        where,
        lambda spans: [text[start:end] for start, end in spans],
    )


def _read_large(name: str, encoding: str | None, checker: Checker) -> _Reading:
    """A large plain-text file checked in pieces, as ``check`` checks it, so that memory stays
    flat. Words are counted piece by piece: a cut falls at a line break, which no word crosses.
    The text is not kept: the top findings' context is read again (``excerpts``)."""
    found: list[Finding] = []
    places: dict[int, str] = {}
    words = 0
    for piece, located in located_pieces(name, file_pieces(Path(name), encoding), checker):
        words += count_words(piece, "text")  # of the prose view that the piece's check made
        found += [item.finding for item in located]
        places.update((i.finding.start, f"line {i.line}, column {i.column}") for i in located)
    spans = functools.partial(excerpts, Path(name), encoding)
    return _Reading(found, words, places.__getitem__, spans)


def scan_document(name: str, options: Options, thresholds: Thresholds) -> dict[str, object]:
    """One document's figures and top findings, as plain data (also sent to Dask workers)."""
    checker = options.checker(options.settings(name))
    try:
        reading = _read(name, options, checker)
        found = [f for f in reading.found if f.detector != SUPPRESSION]
        markers = [f for f in found if f.severity >= Severity.WARNING]
        ranked = sorted(markers, key=lambda f: (-f.severity, -f.confidence, f.start))
        top = ranked[:TOP_FINDINGS]
        contexts = _contexts(reading, top)
    except (InputError, OSError) as error:
        return _failed(name, str(error) if isinstance(error, InputError) else error.strerror)
    words = reading.words
    distinct = len({f.entry_id for f in markers})
    density = round(1000 * len(markers) / words, 2) if words else 0.0
    obvious = any(f.severity is Severity.ERROR and f.detector == "lexicon" for f in markers)
    entries = checker.lexicon.by_id()
    return {
        "path": name,
        "error": None,
        "words": words,
        "findings": len(markers),
        "info": len(found) - len(markers),
        "distinct": distinct,
        "density": density,
        "risk": risk_level(distinct, density, obvious, len(markers), thresholds),
        "top": [
            _top(f, reading.where, entries.get(f.entry_id), context)
            for f, context in zip(top, contexts, strict=True)
        ],
        "garbles": _garbles(markers),
    }


def _failed(name: str, message: str | None) -> dict[str, object]:
    """The figures of a document that could not be read."""
    return {
        "path": name,
        "error": message,
        "words": 0,
        "findings": 0,
        "info": 0,
        "distinct": 0,
        "density": 0.0,
        "risk": "clean",
        "top": [],
        "garbles": {},
    }


def _contexts(reading: _Reading, findings: list[Finding]) -> list[tuple[str, str]]:
    """The text before and after each finding, up to ``_CONTEXT`` code points of each, with
    "…" where the document goes on beyond it."""
    spans = [
        span
        for f in findings
        for span in ((max(0, f.start - _CONTEXT), f.start), (f.end, f.end + _CONTEXT + 1))
    ]
    texts = reading.spans(spans)
    contexts = []
    for finding, before, after in zip(findings, texts[::2], texts[1::2], strict=True):
        more_before, more_after = finding.start > _CONTEXT, len(after) > _CONTEXT
        contexts.append(("…" * more_before + before, after[:_CONTEXT] + "…" * more_after))
    return contexts


def count_words(text: str, syntax: str) -> int:
    """The words a reader sees: those of the prose view, since the density is findings per
    word of prose (an HTML page's inline script would add thousands of "words" and make a spun
    page look clean)."""
    return len(_WORD_RE.findall(as_read(prose_view(text, syntax))))


def _garbles(findings: list[Finding]) -> dict[str, list[object]]:
    """entry id → [garble as first found, suggestion, count] for one document, both in
    lower case (as ``--statistics`` has them: a name for the entry, not a place in the text)."""
    counts = Counter(f.entry_id for f in findings)
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.entry_id, finding)
    return {
        key: [first[key].phrase.lower(), first[key].suggestions[0].lower(), count]
        for key, count in counts.items()
    }


def _top(
    finding: Finding, where: Callable[[int], str], entry: Entry | None, context: tuple[str, str]
) -> dict[str, object]:
    source = entry.source if entry is not None else finding.detector
    papers = int(source.split(":", 1)[1]) if source.startswith("PPS:") else None
    before, after = context
    phrase = _squeeze(finding.text)
    return {
        "text": finding.text,
        "suggestion": finding.suggestions[0],
        "rule": finding.rule.code,
        "entry_id": finding.entry_id,
        "severity": str(finding.severity),
        "confidence": finding.confidence,
        "location": where(finding.start),
        "context": _squeeze(f"{before}{finding.text}{after}"),
        # where the phrase is in it: the same words may stand in its context too
        "context_offset": len(_squeeze(f"{before}{finding.text}")) - len(phrase),
        "context_length": len(phrase),
        "source": source,
        "pps_papers": papers,
    }


def _squeeze(text: str) -> str:
    """``text`` with each run of white space (line breaks included) as one space."""
    return " ".join(text.split())


def scan(
    names: Sequence[str],
    options: Options,
    thresholds: Thresholds,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> list[dict[str, object]]:
    """Scan every document, in input order, locally or on a Dask cluster."""
    if engine == "dask":
        return _scan_dask(names, options, thresholds, scheduler)
    document = functools.partial(scan_document, options=options, thresholds=thresholds)
    return list(ordered_map(document, names, jobs))


def _scan_dask(
    names: Sequence[str], options: Options, thresholds: Thresholds, scheduler: str | None
) -> list[dict[str, object]]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise SetupError("--engine dask needs the dask extra: pip install 'fixer[dask]'") from None
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        futures = client.map(
            scan_document, list(names), options=options, thresholds=thresholds, pure=False
        )
        return client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def rank(documents: list[dict[str, object]]) -> list[dict[str, object]]:
    """Highest risk first; then by density, distinct garbles and path."""
    return sorted(
        documents,
        key=lambda d: (
            RISKS.index(str(d["risk"])),
            -float(d["density"]),
            -int(d["distinct"]),
            str(d["path"]),
        ),
    )


def report(
    documents: list[dict[str, object]], thresholds: Thresholds, version: str
) -> dict[str, object]:
    ranked = rank([d for d in documents if not d["error"]])
    counts: Counter[str] = Counter()
    in_documents: Counter[str] = Counter()
    names: dict[str, tuple[str, str]] = {}
    for document in ranked:
        for key, (text, suggestion, count) in document["garbles"].items():  # type: ignore[union-attr]
            counts[key] += count
            in_documents[key] += 1
            names.setdefault(key, (text, suggestion))
    return {
        "schema_version": 1,
        "fixer_version": version,
        "thresholds": asdict(thresholds),
        "documents": ranked,
        "garbles": [
            {
                "entry_id": key,
                "text": names[key][0],
                "suggestion": names[key][1],
                "count": count,
                "documents": in_documents[key],
            }
            for key, count in counts.most_common()
        ],
        "errors": [{"path": d["path"], "message": d["error"]} for d in documents if d["error"]],
    }


#: The columns of ``to_csv``: a document's rank and figures, or a file's error.
CSV_COLUMNS = (
    "rank",
    "path",
    "risk",
    "words",
    "findings",
    "info",
    "distinct",
    "density_per_1000_words",
    "top_garbles",
    "error",
)


def to_csv(data: dict[str, object]) -> str:
    """A row per document, ranked, then a row per file that could not be read: only its path
    and its error, the column that is empty on every other row. A ranking saved from a run
    leaves no file out, and a program tells the two kinds of row apart by that column. A path
    that a spreadsheet would take for a formula is written as text (``_cell``)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for index, d in enumerate(data["documents"], start=1):  # type: ignore[arg-type]
        top = "; ".join(_top_garbles(d["top"]))
        writer.writerow(
            {
                "rank": index,
                "path": _cell(d["path"]),
                "risk": d["risk"],
                "words": d["words"],
                "findings": d["findings"],
                "info": d["info"],
                "distinct": d["distinct"],
                "density_per_1000_words": d["density"],
                "top_garbles": top,
            }
        )
    for error in data["errors"]:  # type: ignore[attr-defined]
        writer.writerow({"path": _cell(error["path"]), "error": _cell(error["message"])})
    return out.getvalue()


def _cell(value: object) -> str:
    """A text cell that a spreadsheet shows as written: a file name (from a submission, so not
    to be trusted) that opens with ``=``, ``+``, ``-`` or ``@`` would be run as a formula, and
    some spreadsheets skip a tab or carriage return before one, so it gets a leading
    apostrophe, as OWASP's advice on CSV injection has it."""
    text = str(value)
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def _top_garbles(top: list[dict[str, object]], most: int = 5) -> list[str]:
    """ "garble → suggestion" for the first ``most`` distinct entries of a document's top
    findings, each once and on one line (a garble wrapped over a line break is one phrase)."""
    shown: dict[object, str] = {}
    for finding in top:
        if len(shown) < most and finding["entry_id"] not in shown:
            text = _squeeze(f"{finding['text']} → {finding['suggestion']}")
            shown[finding["entry_id"]] = text
    return list(shown.values())


def to_text(data: dict[str, object]) -> str:
    """A line per document, ranked, then one per file that could not be read, marked
    ``error`` where a document's risk stands and followed by what went wrong."""
    lines = [f"{'risk':<11} {'density':>8} {'distinct':>8} {'findings':>8}  document"]
    for d in data["documents"]:  # type: ignore[union-attr]
        lines.append(
            f"{d['risk']:<11} {d['density']:>8.2f} {d['distinct']:>8} "
            f"{d['findings']:>8}  {d['path']}"
        )
    for error in data["errors"]:  # type: ignore[attr-defined]
        lines.append(f"{'error':<11} {'':>8} {'':>8} {'':>8}  {error['path']}: {error['message']}")
    lines.append("Findings are risk markers for a human reader to assess, not verdicts.")
    return "\n".join(lines)


def to_json(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
