"""Acceptance on the spun leukemia article of the project brief (../shared/seed).

A row passes when, with every finding's top suggestion applied, each occurrence of its phrase
reads as one of the expected terms. Every ``must`` row passes; at least 70% of ``should`` rows.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence

from conftest import shared_file

from fixer import check_text
from fixer.edits import Edit, apply_edits
from fixer.model import Finding


def expected_rows() -> list[dict[str, str]]:
    path = shared_file("seed", "expected.tsv")
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
    expected = [term.lower() for term in row["expected"].split("|")]
    return len(corrected) == int(row["count"]) and all(
        any(term in " ".join(piece.lower().split()) for term in expected) for piece in corrected
    )


def seed_results() -> dict[str, dict[str, bool]]:
    text = shared_file("seed", "000_190b17c32574a135.txt").read_text(encoding="utf-8")
    findings = check_text(text)
    tiers: dict[str, dict[str, bool]] = {}
    for row in expected_rows():
        tiers.setdefault(row["tier"], {})[row["phrase"]] = passes(row, text, findings)
    return tiers


def test_every_must_row_passes() -> None:
    failed = [phrase for phrase, ok in seed_results()["must"].items() if not ok]
    assert failed == []


def test_most_should_rows_pass() -> None:
    should = seed_results()["should"]
    failed = [phrase for phrase, ok in should.items() if not ok]
    assert len(should) - len(failed) >= 0.7 * len(should), failed


def test_seed_check_is_stable_with_fixes() -> None:
    """Fixing the seed and checking again leaves only findings without a safe fix."""
    from fixer import fix_text

    text = shared_file("seed", "000_190b17c32574a135.txt").read_text(encoding="utf-8")
    fixed = fix_text(text)
    assert fix_text(fixed) == fixed
    assert all(f.fix.name != "SAFE" for f in check_text(fixed))
