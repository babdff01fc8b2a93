"""Acceptance on the spun leukemia article of the project brief (../shared/seed).

A row passes as ``acceptance.passes`` says. Every ``must`` row passes; at least 70% of
``should`` rows.
"""

from __future__ import annotations

from acceptance import article_results, expected_rows
from conftest import shared_file

from fixer import check_text, fix_text


def seed_results() -> dict[str, dict[str, bool]]:
    text = shared_file("seed", "000_190b17c32574a135.txt").read_text(encoding="utf-8")
    return article_results(text, expected_rows(shared_file("seed", "expected.tsv")))


def test_every_must_row_passes() -> None:
    failed = [phrase for phrase, ok in seed_results()["must"].items() if not ok]
    assert failed == []


def test_most_should_rows_pass() -> None:
    should = seed_results()["should"]
    failed = [phrase for phrase, ok in should.items() if not ok]
    assert len(should) - len(failed) >= 0.7 * len(should), failed


def test_seed_check_is_stable_with_fixes() -> None:
    """Fixing the seed and checking again leaves only findings without a safe fix."""

    text = shared_file("seed", "000_190b17c32574a135.txt").read_text(encoding="utf-8")
    fixed = fix_text(text)
    assert fix_text(fixed) == fixed
    assert all(f.fix.name != "SAFE" for f in check_text(fixed))
