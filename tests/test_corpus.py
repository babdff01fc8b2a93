"""Real clean prose and planted garbles (../shared/corpora/ncbi_disease)."""

from __future__ import annotations

import random
import re

from conftest import shared_file

from fixer import check_text, fix_text
from fixer.lexicon import builtin_lexicon
from fixer.model import Severity

PLANTED = 50


def test_no_errors_or_warnings_on_clean_abstracts() -> None:
    """abstracts-test.txt is only measured, never tuned against."""
    text = shared_file("corpora", "ncbi_disease", "abstracts-test.txt").read_text(encoding="utf-8")
    failing = [(f.text, f.entry_id) for f in check_text(text) if f.severity >= Severity.WARNING]
    assert failing == []


def test_planted_garbles_are_found_and_corrected() -> None:
    """Plant lexicon garbles into real sentences of abstracts-dev.txt; each must be fixed."""
    text = shared_file("corpora", "ncbi_disease", "abstracts-dev.txt").read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if 60 < len(s) < 300]
    entries = sorted((e for e in builtin_lexicon().entries if not e.context), key=lambda e: e.id)
    rng = random.Random(20261124)
    missed = []
    for entry in rng.sample(entries, PLANTED):
        sentence = rng.choice(sentences)
        cut = sentence.rfind(" ", 0, len(sentence) // 2)
        planted = f"{sentence[:cut]} {entry.garble} {sentence[cut + 1 :]}"
        fixed = fix_text(planted, unsafe=True)
        found = {f.entry_id for f in check_text(planted)}
        if entry.id not in found or entry.corrections[0] not in fixed:
            missed.append((entry.id, entry.garble, planted))
    assert missed == []


def test_clean_abstracts_stay_within_the_whole_budget() -> None:
    """At most 0.5 warnings and 2 findings of any severity per 10,000 words (measured only)."""
    text = shared_file("corpora", "ncbi_disease", "abstracts-test.txt").read_text(encoding="utf-8")
    per_10k = 10_000 / len(text.split())
    findings = check_text(text)
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    assert len(warnings) * per_10k <= 0.5, [(f.text, f.entry_id) for f in warnings]
    assert len(findings) * per_10k <= 2, [(f.text, f.entry_id) for f in findings]


def test_detectors_stay_within_their_false_positive_budget() -> None:
    """At most 1 finding per 10,000 words from the detectors beyond the lexicon."""
    text = shared_file("corpora", "ncbi_disease", "abstracts-test.txt").read_text(encoding="utf-8")
    extra = [f for f in check_text(text) if f.detector != "lexicon"]
    assert len(extra) <= len(text.split()) / 10_000, [(f.text, f.message) for f in extra]


def test_seed_abbreviations_are_caught_without_the_lexicon() -> None:
    text = shared_file("seed", "000_190b17c32574a135.txt").read_text(encoding="utf-8")
    found = {
        (f.text, f.suggestions[0].lower())
        for f in check_text(text, builtin=False, detectors=("abbreviation",))
    }
    assert found >= {
        ("central tangible framework", "central nervous system"),
        ("serious lymphoblastic leukemia", "acute lymphoblastic leukemia"),
        ("tenacious lymphocytic leukemia", "chronic lymphocytic leukemia"),
    }
