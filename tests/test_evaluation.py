"""The held-out evaluation (``scripts/evaluate_detectors.py``): its promise that nothing held
out is among the build inputs, and how it sorts the garbles it misses."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from fixer.detectors.reversal import ReversalDetector
from fixer.lexicon import builtin_lexicon, garble_words
from fixer.matcher import tokenize
from fixer.model import Entry, FixSafety, Severity
from fixer.patterns import entry_swaps
from fixer.thesaurus import Swap, Thesaurus
from fixer.words import default_normalizer

NORMALIZER = default_normalizer()
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "evaluate_detectors.py"


@pytest.fixture(scope="module")
def evaluation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate_detectors", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and annotations look the module up
    spec.loader.exec_module(module)
    return module


def entry(garble: str, correction: str) -> Entry:
    return Entry(
        "DI9999",
        garble,
        (correction,),
        "disease",
        Severity.ERROR,
        FixSafety.SAFE,
        (),
        "",
        "test",
        garble,
        "test",
        1,
        garble_words(garble, NORMALIZER),
    )


def test_nothing_held_out_is_among_the_build_inputs(evaluation: ModuleType) -> None:
    kept, held = evaluation.split(list(builtin_lexicon().entries), 0.2, 7)
    assert len(held) >= evaluation.MIN_HELD_OUT
    lexicon, thesaurus, _ = evaluation.build_inputs(kept, held, NORMALIZER)
    garbles = {NORMALIZER.phrase(e.garble) for e in lexicon.entries}
    assert not garbles & {NORMALIZER.phrase(e.garble) for e in held}
    kept_pairs = set().union(*(entry_swaps(e, NORMALIZER) for e in kept))
    held_only = set().union(*(entry_swaps(e, NORMALIZER) for e in held)) - kept_pairs
    assert held_only, "the draw should hold swaps that only held-out entries show"
    assert not held_only & {(s.original, s.spun) for s in thesaurus.swaps}


THESAURUS = Thesaurus(
    [
        Swap(("nervous",), ("sensory",), strong=False),
        Swap(("central",), ("focal",), strong=True),
        Swap(("acute",), ("intense",), strong=False),
        Swap(("leukemia",), ("cancer",), strong=False),
        Swap(("breast", "cancer"), ("bosom", "peril"), strong=True),
    ]
)
VOCABULARY = frozenset(
    NORMALIZER.phrase(t)
    for t in (
        "central nervous system",
        "acute leukemia",
        "acute myeloid leukemia",
        "white blood cell",
        "breast cancer screening",
    )
)


@pytest.mark.parametrize(
    ("garble", "correction", "overlapped", "why", "unknown"),
    [
        ("focal sensory system", "central nervous system", True, 0, False),
        ("chest peril", "breast cancer", False, 1, True),
        ("white platelets", "white blood cell", False, 2, False),
        ("focal anxious system", "central nervous system", False, 3, True),
        ("intense leukemia", "acute leukemia", False, 4, False),
        ("intense myeloid leukemia", "acute myeloid leukemia", False, 4, False),
        ("intense cancer", "acute leukemia", False, 5, False),
        ("central sensory framework", "central nervous system", False, 3, True),
        # words that differ one by one may still be one swap of a phrase
        ("bosom peril screening", "breast cancer screening", False, 5, False),
    ],
)
def test_why_a_garble_was_missed(
    evaluation: ModuleType,
    garble: str,
    correction: str,
    overlapped: bool,
    why: int,
    unknown: bool,
) -> None:
    text = f"In this cohort the {garble} was assessed."
    start = text.index(garble)
    span = (start, start + len(garble))
    # ``why_missed`` reads only where a finding starts and ends.
    findings = [SimpleNamespace(start=span[0], end=span[1])] if overlapped else []
    found = evaluation.why_missed(
        entry(garble, correction), findings, span, VOCABULARY, THESAURUS, NORMALIZER
    )
    assert found == (evaluation.MISS_CLASSES[why], unknown)


def test_every_reading_reports_what_scores_hold_back(evaluation: ModuleType) -> None:
    """``--every-reading`` bounds what any rule of scores could find: one weak swap beside a
    kept word, which clean medical prose is full of, is reported too."""
    text = "Patients with intense leukemia were seen."
    tokens = tokenize(text, NORMALIZER)
    plain = ReversalDetector(NORMALIZER, VOCABULARY, THESAURUS)
    every = evaluation.EveryReading(NORMALIZER, VOCABULARY, THESAURUS)
    assert plain.candidates(text, tokens) == []
    assert [c.corrections for c in every.candidates(text, tokens)] == [("acute leukemia",)]
