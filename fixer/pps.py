"""Converting a Problematic Paper Screener export into a fixer lexicon.

Each PPS row is a search query: one or more quoted phrases, with ``AND`` / ``NOT`` / ``OR`` clauses
and ``"…"~N`` proximity. The first phrase is the garble; ``AND`` phrases become ``doc:`` context
clauses (the phrase occurs anywhere in the same document), ``NOT`` phrases ``not_doc:``, and a
top-level ``OR`` gives one entry per alternative. Proximity queries are kept as exact phrases and
made report-only, because fixer matches adjacent words. Unsure expected texts ("?", "/", "[…]",
"e.g.") are kept but made report-only too.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from fixer.lexicon import COLUMNS
from fixer.model import CATEGORIES
from fixer.words import Normalizer, default_normalizer, holds_run

#: Imported ids put this capital between the category prefix and the number (DIP0001), a form
#: that built-in ids never take (``fixer.lexicon.BUILTIN_ID_RE``): an import never replaces a
#: built-in entry.
IMPORTED_ID_MARK = "P"
HEADERS = (
    ("tortured_phrase", "expected_phrase", "num_papers"),
    ("Fingerprint - Tortured Phrase", "Expected Text", "Nb Retrieved Papers"),
)
_TOKEN_RE = re.compile(r'"([^"]*)"(?:~(\d+))?|\(|\)|\bAND\b|\bOR\b|\bNOT\b|[^\s"()]+')
_UNSURE_RE = re.compile(r"\?|/|\[|\be\.g\.")


class PPSError(ValueError):
    """An export that cannot be read; the message names the file and row."""


@dataclass(frozen=True)
class Query:
    phrases: tuple[str, ...]  # alternatives for the garble (top-level OR)
    required: tuple[tuple[str, ...], ...]  # AND clauses, each a set of alternatives
    forbidden: tuple[str, ...]  # NOT phrases
    proximity: bool


def _lex(query: str) -> list[tuple[str, str]]:
    """Tokens as ``(kind, value)``: phrase, near (a proximity phrase), op, open, close."""
    tokens: list[tuple[str, str]] = []
    for match in _TOKEN_RE.finditer(query):
        token = match.group()
        if match.group(1) is not None:
            tokens.append(("near" if match.group(2) else "phrase", match.group(1).strip()))
        elif token in ("AND", "OR", "NOT"):
            tokens.append(("op", token))
        elif token in "()":
            tokens.append(("open" if token == "(" else "close", token))
        elif tokens and tokens[-1][0] == "word":
            tokens[-1] = ("word", tokens[-1][1] + " " + token)
        else:
            tokens.append(("word", token))
    return tokens


def parse_query(query: str) -> Query:
    """Parse one PPS query into its garble alternatives and document-level clauses."""
    groups: list[tuple[str, list[str]]] = []  # (operator, alternatives)
    operator, joining, depth, proximity = "FIRST", False, 0, False
    for kind, value in _lex(query):
        if kind == "op":
            joining = value == "OR"
            operator = operator if joining else value
        elif kind == "open":
            groups.append((operator, []))
            depth, joining = depth + 1, True
        elif kind == "close":
            depth, joining = max(0, depth - 1), False
        else:
            proximity = proximity or kind == "near"
            if joining and groups:
                groups[-1][1].append(value)
            else:
                groups.append((operator, [value]))
            joining = depth > 0
    first = [alternatives for op, alternatives in groups if op == "FIRST"]
    if not first or not first[0]:
        raise ValueError(f"no phrase in query {query!r}")
    return Query(
        phrases=tuple(first[0]),
        required=tuple(tuple(alts) for op, alts in groups if op == "AND" and alts),
        forbidden=tuple(p for op, alts in groups if op == "NOT" for p in alts),
        proximity=proximity,
    )


def clean_expected(text: str) -> tuple[str, bool]:
    """The correction without parenthesised abbreviations or notes, and whether it is sure."""
    unsure = bool(_UNSURE_RE.search(text))
    cleaned = re.sub(r"\s*\([^)]*\)", "", text).strip()
    cleaned = re.sub(r"\s+", " ", cleaned.replace("?", "")).strip(" ,;")
    return cleaned, not unsure and bool(cleaned)


def read_rows(text: str, name: str) -> Iterator[tuple[int, str, str, int]]:
    """Yield ``(row number, query, expected, paper count)`` from either header style."""
    reader = csv.reader(io.StringIO(text))
    header = tuple(h.strip() for h in next(reader, ()))
    for columns in HEADERS:
        if all(c in header for c in columns):
            indexes = [header.index(c) for c in columns]
            break
    else:
        raise PPSError(f"{name}:1: unknown header; expected {' / '.join(map(str, HEADERS))}")
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            query, expected, papers = (row[i] for i in indexes)
            count = int(papers.replace(",", "").replace("\u202f", "").strip() or 0)
        except (IndexError, ValueError):
            raise PPSError(f"{name}:{number}: malformed row") from None
        yield number, query, expected, count


def convert(
    text: str, name: str, category: str = "general-wording", normalizer: Normalizer | None = None
) -> tuple[list[list[str]], list[str]]:
    """Lexicon rows (header first) for an export, and notes on the rows that were skipped."""
    normalizer = normalizer or default_normalizer()
    prefix = CATEGORIES[category]
    best: dict[tuple[str, ...], list[str]] = {}
    counts: dict[tuple[str, ...], int] = {}
    notes = []
    for number, query, expected, papers in read_rows(text, name):
        try:
            parsed = parse_query(query)
        except ValueError as error:
            notes.append(f"{name}:{number}: skipped: {error}")
            continue
        correction, sure = clean_expected(expected)
        if not correction:
            notes.append(f"{name}:{number}: skipped: no expected text")
            continue
        context = ";".join(
            [f"doc:{'|'.join(alts)}" for alts in parsed.required]
            + ([f"not_doc:{'|'.join(parsed.forbidden)}"] if parsed.forbidden else [])
        )
        report_only = parsed.proximity or not sure
        for phrase in parsed.phrases:
            key = normalizer.phrase(phrase)
            if not key or counts.get(key, -1) >= papers:
                continue
            if holds_run(normalizer.phrase(correction), key):
                notes.append(f"{name}:{number}: skipped: its correction holds {phrase!r}")
                continue
            needed = [alts[0] for alts in parsed.required]
            example = " … ".join([phrase, *needed])
            fix = "none" if report_only else ("safe" if not context else "unsafe")
            severity = "info" if category == "general-wording" else "warning"
            counts[key] = papers
            best[key] = [
                "",
                phrase.lower(),
                correction,
                category,
                severity,
                fix,
                context,
                f"PPS:{papers}",
                example,
            ]
    rows = [list(COLUMNS)]
    for index, row in enumerate(sorted(best.values(), key=lambda r: r[1]), start=1):
        row[0] = f"{prefix}{IMPORTED_ID_MARK}{index:04d}"
        rows.append(row)
    return rows, notes
