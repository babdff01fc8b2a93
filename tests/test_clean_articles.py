"""Clean patient-information articles (samples/clean): the everyday wording of health websites,
which fixer must leave alone. ``test/`` and ``fresh/`` are only measured, never tuned against;
``screen/`` was written to hold words that some entries flag in context."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixer import check_text
from fixer.model import Finding, Severity

CLEAN = Path(__file__).resolve().parent.parent / "samples" / "clean"


def findings_in(half: str) -> tuple[list[Finding], int]:
    """Every finding in one half of the articles, and how many words it has."""
    found, words = [], 0
    for path in sorted((CLEAN / half).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        found += check_text(text, syntax="markdown")
        words += len(text.split())
    return found, words


@pytest.mark.parametrize("half", ["dev", "test", "screen", "fresh"])
def test_no_errors_or_warnings_on_clean_articles(half: str) -> None:
    found, _ = findings_in(half)
    assert [(f.text, f.entry_id) for f in found if f.severity >= Severity.WARNING] == []


@pytest.mark.parametrize("half", ["test", "screen", "fresh"])
def test_clean_articles_stay_within_the_budgets(half: str) -> None:
    """The budgets of the clean abstracts: at most 2 findings of any severity, and 1 from the
    detectors beyond the lexicon, per 10,000 words."""
    found, words = findings_in(half)
    assert len(found) <= 2 * words / 10_000, [(f.text, f.message) for f in found]
    extra = [f for f in found if f.detector != "lexicon"]
    assert len(extra) <= words / 10_000, [(f.text, f.message) for f in extra]
