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
    ("disease", "wildness"),
    ("equilibrium", "composure"),
    ("section", "paragraph"),
    ("daily", "quotidian"),
    ("copy", "photocopy"),
    ("variant", "variation"),
    ("charcoal", "lignite"),
    ("sample", "examine"),
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
        "CD": ["crohn disease", "crohn's disease"],
        "HWE": ["hardy-weinberg equilibrium"],
        "CS": ["caesarean section", "cesarean section"],
        "ADL": ["activities of daily living"],
        "CNV": ["copy number variant", "copy number variation"],
        "AC": ["activated charcoal"],
        "CVS": ["chorionic villus sample", "chorionic villus sampling"],
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
        ("White Platelets (WBCs) fight infection.", "White Platelets", "White blood cell"),
        ("the focal sensory framework (CNS)", "focal sensory framework", "central nervous system"),
        # a function word read for the expansion's first word stays before it
        (
            "invade the tactile framework (CNS) early",
            "the tactile framework",
            "the central nervous system",
        ),
        (
            "invade their tactile framework (CNS) early",
            "their tactile framework",
            "their central nervous system",
        ),
        (
            "invade an tactile framework (CNS) early",
            "an tactile framework",
            "a central nervous system",
        ),
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
    ("text", "correction"),
    [
        # a word the text writes as the expansion does keeps the writer's form: case,
        # possessive, spelling and number
        ("Patients with Crohn's wildness (CD) had pain.", "Crohn's disease"),
        ("Patients with Crohn’s wildness (CD) had pain.", "Crohn’s disease"),
        ("with early Hardy-Weinberg composure (HWE) and", "Hardy-Weinberg equilibrium"),
        ("after a cesarean paragraph (CS) at term", "cesarean section"),
        ("after a Caesarean paragraph (CS) at term", "Caesarean section"),
        ("an activity of quotidian living (ADL) such as", "activity of daily living"),
        # a form the expansion writes on purpose stays
        ("took activate lignite (AC) for", "activated charcoal"),
        # of two expansions that read the text equally well, the one it writes more words of
        ("a photocopy number variation (CNV) in", "copy number variation"),
        ("a photocopy number variant (CNV) in", "copy number variant"),
        # then the one whose last word takes the verb form the text's has (both orders of
        # the table: test_the_verb_form_decides_whatever_the_order_of_the_table)
        ("after chorionic villus examining (CVS) at", "chorionic villus sampling"),
        ("a chorionic villus examine (CVS) at", "chorionic villus sample"),
        # an inflected word is written as the expansion writes it; number comes later
        ("the focal sensory frameworks (CNS)", "central nervous system"),
    ],
)
def test_the_writers_form_of_a_shared_word_is_kept(text: str, correction: str) -> None:
    (candidate,) = candidates(text)
    assert candidate.corrections == (correction,)


@pytest.mark.parametrize("order", [1, -1])
def test_the_verb_form_decides_whatever_the_order_of_the_table(order: int) -> None:
    """The tie-break by verb form, not the order of the abbreviation table, picks "sampling"
    for "examining" and "sample" for "examine"."""
    table = {**TABLE, "CVS": TABLE["CVS"][::order]}
    detector = AbbreviationDetector(NORMALIZER, table, THESAURUS)
    for text, correction in [
        ("after chorionic villus examining (CVS) at", "chorionic villus sampling"),
        ("a chorionic villus examine (CVS) at", "chorionic villus sample"),
    ]:
        (candidate,) = detector.candidates(text, tokenize(text, NORMALIZER))
        assert candidate.corrections == (correction,), text


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
