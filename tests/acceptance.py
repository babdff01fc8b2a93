"""Scoring a spun article against the corrections a reader expects (an ``expected.tsv`` with
the columns phrase, count, tier, expected). Used for the seed article of ``../shared/seed`` and
for the spun articles of ``samples/spun``.

A row passes when, with every finding's top suggestion applied, each occurrence of its phrase
reads as one of the expected terms (as whole words: "ER" is not in "center").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

from fixer import check_text
from fixer.edits import Edit, apply_edits
from fixer.model import Finding

TIERS = ("must", "should", "info")


def spun_articles(folder: Path) -> list[tuple[Path, Path]]:
    """(article, its expected table) for each ``NAME.md`` with a ``NAME.expected.tsv``."""
    tables = sorted(folder.glob("*.expected.tsv"))
    return [(t.with_name(t.name.removesuffix(".expected.tsv") + ".md"), t) for t in tables]


def expected_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def corrected_occurrences(text: str, findings: Sequence[Finding], phrase: str) -> list[str]:
    """For each occurrence of ``phrase``: the text there once the top suggestions are applied,
    widened to whole edits."""
    pattern = re.compile(r"\s+".join(map(re.escape, phrase.split())), re.I)
    results = []
    for match in pattern.finditer(text):
        start, end = match.span()
        edits = [
            Edit(f.edit_start, f.edit_end, f.replacement)
            for f in findings
            if f.edit_start < end and f.edit_end > start
        ]
        lo = min([start, *(e.start for e in edits)])
        hi = max([end, *(e.end for e in edits)])
        shifted = [Edit(e.start - lo, e.end - lo, e.replacement) for e in edits]
        results.append(apply_edits(text[lo:hi], shifted)[0])
    return results


def passes(row: dict[str, str], text: str, findings: Sequence[Finding]) -> bool:
    corrected = corrected_occurrences(text, findings, row["phrase"])
    terms = row["expected"].lower().split("|")
    expected = [re.compile(rf"(?<!\w){re.escape(term)}(?!\w)") for term in terms]
    return len(corrected) == int(row["count"]) and all(
        any(term.search(" ".join(piece.lower().split())) for term in expected)
        for piece in corrected
    )


def article_results(
    text: str, rows: list[dict[str, str]], syntax: str = "text"
) -> dict[str, dict[str, bool]]:
    """tier → phrase → whether the row passes."""
    findings = check_text(text, syntax=syntax)
    tiers: dict[str, dict[str, bool]] = {tier: {} for tier in TIERS}
    for row in rows:
        tiers[row["tier"]][row["phrase"]] = passes(row, text, findings)
    return tiers
