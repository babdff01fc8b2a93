"""Near misses of lexicon garbles: run-together words and OCR-like slips."""

from __future__ import annotations

import pytest

from fixer import check_text
from fixer.detectors.fuzzy import FuzzyDetector
from fixer.lexicon import Lexicon, garble_words
from fixer.matcher import tokenize
from fixer.model import Entry, FixSafety, Severity
from fixer.words import default_normalizer

NORMALIZER = default_normalizer()


def entry(entry_id: str, garble: str, correction: str) -> Entry:
    return Entry(
        entry_id,
        garble,
        (correction,),
        "anatomy",
        Severity.ERROR,
        FixSafety.SAFE,
        (),
        "",
        "user",
        garble,
        "test",
        1,
        garble_words(garble, NORMALIZER),
    )


LEXICON = Lexicon(
    (
        entry("AN0001", "white platelet", "white blood cell"),
        entry("AN0002", "lymph center point", "lymph node"),
    ),
    "test",
)
DETECTOR = FuzzyDetector(
    LEXICON,
    NORMALIZER,
    known_words=frozenset(
        {"white", "plates", "plate", "lymph", "center", "points", "point", "platelets", "centre"}
    ),
)


def found(text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text, NORMALIZER)
    return [
        (text[tokens[c.first].start : tokens[c.last].end], c.corrections[0])
        for c in DETECTOR.candidates(text, tokens)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leukemia affects whiteplatelets.", [("whiteplatelets", "white blood cell")]),
        ("the lymph centerpoints swell", [("lymph centerpoints", "lymph node")]),
        ("the lymphcenter points swell", [("lymphcenter points", "lymph node")]),
        ("the white plate1ets count", [("white plate1ets", "white blood cell")]),
        ("the lymph centre pionts", [("lymph centre pionts", "lymph node")]),
    ],
)
def test_near_misses_are_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("white plates on the table", "every differing word is ordinary English"),
        ("white platelets", "an exact match is the lexicon's job"),
        ("lymph center", "too short a window"),
    ],
)
def test_ordinary_words_are_left_alone(text: str, reason: str) -> None:
    assert found(text) == [], reason


def test_near_misses_rank_below_exact_entries() -> None:
    tokens = tokenize("whiteplatelets", NORMALIZER)
    (candidate,) = DETECTOR.candidates("whiteplatelets", tokens)
    assert candidate.severity is Severity.WARNING
    assert candidate.fix is FixSafety.UNSAFE
    assert candidate.confidence < 0.95
    assert candidate.rule.code == "FX103"


def test_a_possessive_of_an_english_word_is_no_slip() -> None:
    """ "person's" is ordinary English, not a slip of "pearson" (the garble "pearson
    relationship" for "pearson correlation")."""
    assert check_text("It changes a person's relationship with food.", detectors=["fuzzy"]) == []
    assert [f.text for f in check_text("The pearsn relationship held.", detectors=["fuzzy"])] == [
        "pearsn relationship"
    ]


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("The whiteplatelets were low.", "white blood cells"),
        ("The whiteplatelet was low.", "white blood cell"),
    ],
)
def test_a_run_together_garble_keeps_its_number(text: str, suggestion: str) -> None:
    """The garble "white platelet" is singular; "whiteplatelets" ends in its head, plural."""
    assert [f.suggestions[0] for f in check_text(text, detectors=["fuzzy"])] == [suggestion]
