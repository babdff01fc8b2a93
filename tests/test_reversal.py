"""The synonym-reversal detector, on a small thesaurus and vocabulary built here."""

from __future__ import annotations

import pytest

from fixer.detectors.reversal import ReversalDetector
from fixer.matcher import tokenize
from fixer.thesaurus import Swap, Thesaurus
from fixer.words import default_normalizer

NORMALIZER = default_normalizer()
STRONG = [
    ("nervous", "sensory"),
    ("system", "framework"),
    ("cancer", "malignant growth"),
    ("pulmonary", "aspiratory"),
    ("disease", "ailment"),
    ("chronic", "persistent"),
]
WEAK = [("central", "focal"), ("immune", "safe"), ("breast", "chest"), ("disease", "illness")]
THESAURUS = Thesaurus(
    [Swap(NORMALIZER.phrase(o), NORMALIZER.phrase(s), True) for o, s in STRONG]
    + [Swap(NORMALIZER.phrase(o), NORMALIZER.phrase(s), False) for o, s in WEAK]
)
VOCABULARY = frozenset(
    NORMALIZER.phrase(t)
    for t in [
        "central nervous system",
        "breast cancer",
        "pulmonary embolism",
        "immune system",
        "chronic kidney disease",
        "heart disease",
        "chest pain",
    ]
)
DETECTOR = ReversalDetector(NORMALIZER, VOCABULARY, THESAURUS)


def found(text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text, NORMALIZER)
    return [
        (text[tokens[c.first].start : tokens[c.last].end], c.corrections[0])
        for c in DETECTOR.candidates(text, tokens)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "damage to the focal sensory framework",
            [("focal sensory framework", "central nervous system")],
        ),
        ("a breast malignant growth was seen", [("breast malignant growth", "breast cancer")]),
        ("an aspiratory embolism", [("aspiratory embolism", "pulmonary embolism")]),
        ("persistent kidney ailment", [("persistent kidney ailment", "chronic kidney disease")]),
    ],
)
def test_swaps_are_reversed_to_known_terms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("the central nervous system", "already a known term"),
        ("a safe system for storage", "one weak swap only"),
        ("chest pain on exertion", "a known term itself"),
        ("the focal point of the system", "the words are not adjacent to a term"),
        ("heart illness", "one weak swap of a known term: too common to flag"),
    ],
)
def test_ordinary_text_is_left_alone(text: str, reason: str) -> None:
    assert found(text) == [], reason


def test_message_explains_each_swap() -> None:
    tokens = tokenize("the focal sensory framework", NORMALIZER)
    (candidate,) = DETECTOR.candidates("the focal sensory framework", tokens)
    assert "'sensory' is a typical spinner swap of 'nervous'" in candidate.message
    assert "'focal' is a possible spinner swap of 'central'" in candidate.message
    assert candidate.rule.code == "FX102"
    assert candidate.severity.name == "WARNING"
