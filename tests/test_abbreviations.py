"""The abbreviation-consistency detector, on small tables built here and on the shipped ones."""

from __future__ import annotations

import pytest

from fixer.detectors.abbreviations import AbbreviationDetector, Expansion, align
from fixer.matcher import tokenize
from fixer.thesaurus import Swap, Thesaurus
from fixer.words import default_normalizer

NORMALIZER = default_normalizer()
SWAPS = [
    ("nervous", "tangible"),
    ("nervous", "tactile"),
    ("nervous", "sensory"),
    ("central", "focal"),
    ("system", "framework"),
    ("acute", "serious"),
    ("chronic", "tenacious"),
    ("blood cell", "platelet"),
]
THESAURUS = Thesaurus([Swap(NORMALIZER.phrase(o), NORMALIZER.phrase(s), True) for o, s in SWAPS])
TABLE = {
    abbreviation: [Expansion(abbreviation, e, NORMALIZER.phrase(e)) for e in expansions]
    for abbreviation, expansions in {
        "CNS": ["central nervous system"],
        "ALL": ["acute lymphoblastic leukemia"],
        "CLL": ["chronic lymphocytic leukemia"],
        "WBC": ["white blood cell"],
        "DM": ["diabetes mellitus", "dystrophia myotonica"],
        "AS": ["ankylosing spondylitis", "aortic stenosis"],
    }.items()
}
DETECTOR = AbbreviationDetector(NORMALIZER, TABLE, THESAURUS)


def candidates(text: str):
    return DETECTOR.candidates(text, tokenize(text, NORMALIZER))


@pytest.mark.parametrize(
    ("text", "found", "correction"),
    [
        (
            "It reaches the central tangible framework (CNS).",
            "central tangible framework",
            "central nervous system",
        ),
        (
            "Patients with serious lymphoblastic leukemia (ALL) may relapse.",
            "serious lymphoblastic leukemia",
            "acute lymphoblastic leukemia",
        ),
        (
            "and tenacious lymphocytic leukemia (CLL) regularly",
            "tenacious lymphocytic leukemia",
            "chronic lymphocytic leukemia",
        ),
        ("White Platelets (WBCs) fight infection.", "White Platelets", "white blood cell"),
        ("the focal sensory framework (CNS)", "focal sensory framework", "central nervous system"),
    ],
)
def test_garbled_definitions_are_flagged(text: str, found: str, correction: str) -> None:
    (candidate,) = candidates(text)
    tokens = tokenize(text, NORMALIZER)
    assert text[tokens[candidate.first].start : tokens[candidate.last].end] == found
    assert candidate.corrections == (correction,)
    assert candidate.rule.code == "FX101"
    assert "is a spinner swap of" in candidate.message


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("the central nervous system (CNS)", "a correct definition"),
        ("patients with dystrophia myotonica (DM) and", "another expansion of the same letters"),
        ("Angelman syndrome (AS) is rare", "letters shared with unknown expansions"),
        ("aortic stenosis (AS)", "a second known expansion"),
        ("the acute monocytic leukemia (ALL)", "an unknown word but no known swap"),
        ("the system (CNS)", "too few words line up"),
        ("in the CNS (central nervous system)", "abbreviation first"),
        ("Leukemia cells (see Table 2) spread", "not an abbreviation"),
    ],
)
def test_correct_or_unrelated_definitions_are_left_alone(text: str, reason: str) -> None:
    assert candidates(text) == [], reason


def test_alignment_uses_multiword_swaps() -> None:
    alignment = align(
        NORMALIZER.phrase("white platelets"), NORMALIZER.phrase("white blood cells"), THESAURUS
    )
    assert alignment is not None
    assert alignment.identical == 1
    assert alignment.swaps == ((1, 1, ("blood", "cell")),)
    assert alignment.unknown == ()
