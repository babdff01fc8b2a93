"""Swaps learnt from lexicon entries, and which of them count as strong."""

from __future__ import annotations

import pytest

from fixer.data import lexicon_dir
from fixer.lexicon import garble_words
from fixer.model import ContextClause, Entry, FixSafety, Severity
from fixer.patterns import (
    function_words,
    is_fragment,
    learnt_swaps,
    noun_followers,
    swap_pairs,
)
from fixer.thesaurus import load_thesaurus
from fixer.words import default_normalizer

NORMALIZER = default_normalizer()


def entry(
    number: int, garble: str, correction: str, context: tuple[ContextClause, ...] = ()
) -> Entry:
    return Entry(
        f"PR{number:04d}",
        garble,
        (correction,),
        "procedure",
        Severity.ERROR,
        FixSafety.SAFE,
        context,
        "",
        "test",
        garble,
        "test",
        number,
        garble_words(garble, NORMALIZER),
    )


def test_swap_pairs_set_aside_shared_words() -> None:
    assert swap_pairs(("aspiratory", "illness"), ("pulmonary", "disease")) == [
        (("pulmonary",), ("aspiratory",)),
        (("disease",), ("illness",)),
    ]
    assert swap_pairs(("red", "platelet"), ("red", "blood", "cell")) == [
        (("blood", "cell"), ("platelet",))
    ]


def test_a_phrase_for_a_word_seen_in_several_entries_is_strong() -> None:
    prose = frozenset({"medical", "procedure", "treatment"})
    entries = [
        entry(1, "robotic medical procedure", "robotic surgery"),
        entry(2, "bariatric medical procedure", "bariatric surgery"),
        entry(3, "hormone treatment", "hormone therapy"),
        entry(4, "gene treatment", "gene therapy"),
        entry(5, "knee medical procedure", "knee operation"),
    ]
    strength = {
        (" ".join(s.original), " ".join(s.spun)): s.strong
        for s in learnt_swaps(entries, NORMALIZER, prose)
    }
    assert strength == {
        ("surgery", "medical procedure"): True,  # a paraphrase, twice
        ("therapy", "treatment"): False,  # one common word for another, however often
        ("operation", "medical procedure"): False,  # seen once
    }


def test_a_swap_only_entries_in_context_show_is_never_strong() -> None:
    """ "moderate-power" is "moderate-intensity" only after "exercise": elsewhere "power" is
    ordinary English, so the swap it shows says nothing of spinners alone."""
    after_exercise = (ContextClause("after", (("exercise",),)),)
    prose = frozenset({"moderate", "signal"})  # "power" is none of them: odd in medical prose
    in_context = [entry(1, "moderate power", "moderate intensity", after_exercise)]
    swaps = learnt_swaps(in_context, NORMALIZER, prose)
    assert [(s.original, s.spun, s.strong) for s in swaps] == [(("intensity",), ("power",), False)]
    alone = [*in_context, entry(2, "signal power", "signal intensity")]
    swaps = learnt_swaps(alone, NORMALIZER, prose)
    assert [(s.original, s.spun, s.strong) for s in swaps] == [(("intensity",), ("power",), True)]


def test_entries_in_context_are_no_witnesses_of_a_phrase_swap() -> None:
    """ "side effects" for "symptoms" shown once alone and once in context is seen once: it is
    no paraphrase several entries show, and "undesirable side effects" stays plain English."""
    before_flu = (ContextClause("after", (("of", "flu"),)),)
    entries = [
        entry(1, "signs and side effects", "signs and symptoms"),
        entry(2, "side effects", "symptoms", before_flu),
    ]
    swaps = learnt_swaps(entries, NORMALIZER, frozenset({"side", "effect"}))
    assert [(s.original, s.spun, s.strong) for s in swaps] == [
        (("symptom",), ("side", "effect"), False)
    ]


def test_a_dropped_word_is_not_learnt_as_a_shorter_swap() -> None:
    """ "coronary sickness" for "coronary artery disease" shows disease → sickness (witnessed
    alone elsewhere); it does not make "sickness" a swap of "artery disease"."""
    entries = [
        entry(1, "coronary sickness", "coronary artery disease"),
        entry(2, "liver sickness", "liver disease"),
        entry(3, "white platelets", "white blood cells"),
        entry(4, "healthy platelet", "healthy cell"),  # cell → platelet, once: less than the pair
        entry(5, "red platelets", "red blood cells"),
    ]
    learnt = {(s.original, s.spun) for s in learnt_swaps(entries, NORMALIZER)}
    assert (("disease",), ("sickness",)) in learnt
    assert (("artery", "disease"), ("sickness",)) not in learnt
    assert (("blood", "cell"), ("platelet",)) in learnt  # seen twice; cell → platelet once


def test_function_words_are_not_learnt_as_swaps() -> None:
    """ "for" where "of" stood adjusts the grammar around the swaps of a term's words."""
    entries = [
        entry(1, "driving reason for death", "leading cause of death"),
        entry(2, "outside bar radiation", "external beam radiation"),
    ]
    learnt = {(s.original, s.spun) for s in learnt_swaps(entries, NORMALIZER)}
    assert learnt == {
        (("lead",), ("drive",)),
        (("cause",), ("reason",)),
        (("external",), ("outside",)),  # one side is a function word: still a swap
        (("beam",), ("bar",)),
    }


def test_function_word_list_is_tidy_and_no_curated_swap_is_between_function_words() -> None:
    words = sorted(function_words())
    path = lexicon_dir() / "function-words.txt"
    listed = [w for w in path.read_text(encoding="utf-8").splitlines() if not w.startswith("#")]
    assert listed == words, "one lower-case word per line, sorted, no repeats"
    assert all(w.isalpha() and w.islower() for w in words)
    grammar = set(words)
    between = [
        (s.original, s.spun)
        for s in load_thesaurus(lexicon_dir() / "swaps.tsv", NORMALIZER).swaps
        if set(s.original) <= grammar and set(s.spun) <= grammar
    ]
    assert between == []


def test_noun_followers_are_a_tidy_list_of_function_words() -> None:
    words = sorted(noun_followers())
    path = lexicon_dir() / "noun-followers.txt"
    listed = [w for w in path.read_text(encoding="utf-8").splitlines() if not w.startswith("#")]
    assert listed == words, "one lower-case word per line, sorted, no repeats"
    assert set(words) <= function_words()


@pytest.mark.parametrize(
    ("phrase", "fragment"),
    [
        ("admitted to", True),
        ("diagnosed with", True),
        ("rule out", True),
        ("lymph node", False),
        ("hepatitis a", False),  # a final "a" names a type
        ("quality of life", False),  # a function word inside a term is fine
        ("by mouth", False),  # and so is a first one
        ("in vitro fertilization", False),
        ("down syndrome", False),
    ],
)
def test_a_phrase_that_ends_with_a_function_word_is_a_fragment(phrase: str, fragment: bool) -> None:
    assert is_fragment(phrase) is fragment
