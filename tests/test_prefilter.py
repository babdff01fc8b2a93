"""The prefilter changes nothing but speed: findings are the same with and without it.

Each detector's ``seeds`` must be a necessary condition for its candidates (see
``fixer.prefilter``). These tests compare a checker with the prefilter against one that shows
every detector the whole text, on the lexicon's own examples, the samples, real abstracts and
generated documents that put garbles next to every kind of region break.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from conftest import ROOT, shared_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import documents

from fixer import prefilter
from fixer.detectors.reversal import ReversalDetector
from fixer.engine import Checker, make_checker
from fixer.lexicon import builtin_lexicon
from fixer.matcher import gap_kind, tokenize
from fixer.model import Finding
from fixer.prefilter import REGION_BREAK, Regions, WordScan
from fixer.words import WORD_RE, default_normalizer

WHOLE = Checker(make_checker().lexicon, prefilter=False)
FAST = Checker(WHOLE.lexicon)  # its reversal detector seeds sharply from the start:
for detector in FAST.detectors:
    if isinstance(detector, ReversalDetector):
        detector.sharp_seeds_after = 0
STARTING = Checker(WHOLE.lexicon)  # seeds every swap, as a fresh process does at first
# Reversal's window pre-check (``_may_pair``) is a necessary condition too: without it, the
# same findings.
EVERY_WINDOW = Checker(WHOLE.lexicon, prefilter=False)
for detector in EVERY_WINDOW.detectors:
    if isinstance(detector, ReversalDetector):
        detector._may_pair = lambda *args: True  # type: ignore[method-assign]


def same_findings(text: str, syntax: str = "text") -> None:
    expected = described(WHOLE.check(text, syntax))
    assert described(FAST.check(text, syntax)) == expected
    assert described(STARTING.check(text, syntax)) == expected
    assert described(EVERY_WINDOW.check(text, syntax)) == expected


def described(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [
        (f.start, f.end, f.suggestions, f.rule.code, f.entry_id, f.confidence, f.replacement)
        for f in findings
    ]


def test_the_lexicon_examples_give_the_same_findings() -> None:
    for entry in builtin_lexicon().entries:
        same_findings(entry.example)


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (ROOT / "samples").rglob("*") if p.suffix in (".md", ".txt", ".html")),
    ids=lambda p: str(p.relative_to(ROOT / "samples")),
)
def test_the_samples_give_the_same_findings(path: Path) -> None:
    syntax = {".md": "markdown", ".html": "html"}.get(path.suffix, "text")
    same_findings(path.read_text(encoding="utf-8"), syntax)


def test_real_abstracts_give_the_same_findings() -> None:
    text = shared_file("corpora", "ncbi_disease", "abstracts-dev.txt").read_text(encoding="utf-8")
    for abstract in text.split("\n\n")[:200]:
        same_findings(abstract)


@pytest.mark.parametrize(
    "text",
    [
        # phrases across every kind of joiner, and garbles right beside region breaks
        "White\r\nplatelets. Lymph\ncenter points; focal sensory framework (CNS).",
        "the focal\n\nsensory framework, (ALL) serious lymphoblastic leukemia (ALL)",
        "whiteplatelets.lymph centerpoints (x) white plate1ets",
        "lymphcenter points; focalsensory\nsystem and focalsensory-system",
        "In patients with backslide, leukemia was treated.",  # context in the same sentence
        "Leukemia. " + "Word. " * 5 + "The backslide was rapid.",  # context regions away
        "bosom malignant growth\u00a0patients — bosom\u2063malignant growth",
        "an white platelets\n\n(WBC) and focal sensory framework\r\n\r\n(CNS)",  # seed in a break
        # abbreviation definitions, correct ones beside garbles and across every joiner
        "the central nervous system (CNS) and the focal sensory framework (CNS)",
        "central nervous\nsystem (CNS), central-nervous-system (CNS)",
        "central nervous, system (CNS), central nervous system(CNS)",
        "central nervous\n\nsystem (CNS); White Blood Cells (WBCs) or white platelets (WBCs)",
        "focal central nervous system (CNS) (CNS) ( CNS ) central nervous system\t(CNS)",
        # invisible characters and accents inside words
        "white pla\u200btelets count and lymph center poi\u0301nts; white plate\u00adlet count",
        # a document that reads as spun, where weaker readings join in
        "White platelets, lymph center points, focal sensory system. A lymph knot biopsy.",
    ],
)
def test_awkward_texts_give_the_same_findings(text: str) -> None:
    same_findings(text)
    same_findings(text, "markdown")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents(), syntax=st.sampled_from(["text", "markdown", "html"]))
def test_generated_documents_give_the_same_findings(text: str, syntax: str) -> None:
    same_findings(text, syntax)


def test_regions_hold_whole_words_and_never_a_phrase_break() -> None:
    text = "White platelets (WBC) rise.\n\nLymph center-points, swell; x_y z\r\n\r\nend"
    regions = Regions(text).around(WordScan(text, default_normalizer()).starts)
    assert [text[a:b] for a, b in regions] == [
        "White platelets ",
        "WBC",
        " rise",
        "Lymph center-points, swell; x",
        "y z",
        "end",
    ]
    assert all(REGION_BREAK.search(text, b) for _, b in regions[:-1])


class _CountingSearches:
    """A pattern that counts its searches."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.searches = pattern, 0

    def search(self, text: str, position: int) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(text, position)


def test_regions_of_many_seeds_without_breaks_take_few_searches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Prose without punctuation is one long region: searching the rest of it for a break
    afresh from each of its seeds took time quadratic in its length (800,000 characters of
    abstracts without punctuation took 36 s to check, against under a second with it)."""
    forward = _CountingSearches(prefilter.REGION_BREAK)
    backward = _CountingSearches(prefilter._REGION_BREAK_REVERSED)
    monkeypatch.setattr(prefilter, "REGION_BREAK", forward)
    monkeypatch.setattr(prefilter, "_REGION_BREAK_REVERSED", backward)
    text = "white platelets fight infection " * 500
    assert Regions(text).around(WordScan(text, default_normalizer()).starts) == [(0, len(text))]
    assert forward.searches + backward.searches <= 2


@settings(max_examples=300)
@given(text=documents(), data=st.data())
def test_regions_are_those_of_a_search_from_each_offset(text: str, data: st.DataObject) -> None:
    offsets = data.draw(st.lists(st.integers(0, len(text)), max_size=30))
    reversed_text, size = text[::-1], len(text)
    expected = set()
    for offset in offsets:
        after = REGION_BREAK.search(text, offset)
        before = prefilter._REGION_BREAK_REVERSED.search(reversed_text, size - offset)
        start, end = (size - before.start() if before else 0), (after.start() if after else size)
        if start < end:
            expected.add((start, end))
    assert Regions(text).around(offsets) == sorted(expected)


@settings(max_examples=300)
@given(text=documents(), start=st.integers(0, 40), length=st.integers(0, 400))
def test_tokens_are_the_words_with_their_gaps(text: str, start: int, length: int) -> None:
    normalizer = default_normalizer()
    end = min(len(text), start + length)
    tokens = tokenize(text, normalizer, start, end)
    assert [text[t.start : t.end] for t in tokens] == WORD_RE.findall(text[start:end])
    for token, following in itertools.pairwise(tokens):
        between = text[token.end : following.start]
        assert token.gap == ("" if between == " " else gap_kind(between))
    assert not tokens or tokens[-1].gap is None
    assert [t.normal for t in tokens] == [normalizer.normal(text[t.start : t.end]) for t in tokens]


def test_correct_abbreviation_definitions_seed_nothing() -> None:
    """Most definitions in real text are correct; they are not worth a region's tokens."""
    detector = next(d for d in FAST.detectors if d.name == "abbreviation")
    normalizer = default_normalizer()
    for text in [
        "The central nervous system (CNS) is",
        "white blood cells (WBCs)",
        "(CNS)",
        "see: (CNS)",
    ]:
        assert detector.seeds(WordScan(text, normalizer)) == [], text
    garbled = "The focal sensory framework (CNS) is"
    assert detector.seeds(WordScan(garbled, normalizer)) == [garbled.index("(") - 1]
