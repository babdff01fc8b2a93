"""Substitution patterns learnt from lexicon entries: which words a spinner swapped for which.

"aspiratory illness" → "pulmonary disease" shows two swaps, pulmonary → aspiratory and
disease → illness. Words the garble and its correction share at either end are set aside; what is
left is aligned position by position when both sides have as many words, else taken as one
multi-word swap ("blood cell" → "platelet"). These swaps feed the synonym-reversal detector beside
the curated ``swaps.tsv``, and the candidate generator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from fixer.data import lexicon_dir, read_words
from fixer.model import Entry
from fixer.thesaurus import Swap, Words
from fixer.words import Normalizer

MAX_SWAP_WORDS = 3
#: A pair seen in this many entries counts as a strong (typical) swap.
STRONG_WITNESSES = 2


def swap_pairs(garble: Words, correction: Words) -> list[tuple[Words, Words]]:
    """The ``(original, spun)`` word swaps that turn ``correction`` into ``garble``."""
    start = 0
    while start < min(len(garble), len(correction)) and garble[start] == correction[start]:
        start += 1
    end = 0
    while (
        end < min(len(garble), len(correction)) - start and garble[-1 - end] == correction[-1 - end]
    ):
        end += 1
    spun = garble[start : len(garble) - end]
    original = correction[start : len(correction) - end]
    if not spun or not original:
        return []
    if len(spun) == len(original):
        return [((o,), (s,)) for o, s in zip(original, spun, strict=True) if o != s]
    if len(spun) <= MAX_SWAP_WORDS and len(original) <= MAX_SWAP_WORDS:
        return [(original, spun)]
    return []


def entry_swaps(entry: Entry, normalizer: Normalizer) -> set[tuple[Words, Words]]:
    garble = entry.normal
    return {
        pair
        for correction in entry.corrections
        for pair in swap_pairs(garble, normalizer.phrase(correction))
    }


def learnt_swaps(
    entries: Iterable[Entry], normalizer: Normalizer, prose_words: frozenset[str] = frozenset()
) -> list[Swap]:
    """Swaps witnessed by medical lexicon entries. Given ``prose_words`` (words common in clean
    medical prose), a swap is strong (typical of spinners) when its spun words are none of them:
    "rope" for "cord" is telling, "critical" for "significant" is not; or when it puts a phrase
    for fewer words and several entries show it ("medical procedure" for "surgery" in bariatric,
    robotic, laparoscopic … surgery): a thesaurus paraphrase, not a writer's choice of word.
    Without ``prose_words``, a swap is strong when several entries show it. Either way, only
    entries without a context clause count here: theirs are garbles that are ordinary English
    elsewhere ("power" for "intensity" only after "exercise"; "signal power" is none).

    Two kinds of difference are no swaps: one between function words alone ("driving reason for
    death" for "leading cause of death" adjusts the grammar, of → for), and a spun form shorter
    than its original that holds a word swap of one of the original's words, seen at least as
    often (the spinner dropped a word: "coronary sickness" for "coronary artery disease" shows
    disease → sickness, not "sickness" for "artery disease")."""
    witnesses: Counter[tuple[Words, Words]] = Counter()
    independent: Counter[tuple[Words, Words]] = Counter()
    free: Counter[tuple[Words, Words]] = Counter()  # shown by an entry with no context clause
    for entry in entries:
        if entry.medical:
            pairs = entry_swaps(entry, normalizer)
            witnesses.update(pairs)
            independent.update(pairs - generated_from(entry, normalizer))
            if not entry.context:
                free.update(pairs)
    grammar = {normalizer.normal(word) for word in function_words()}

    def no_swap(original: Words, spun: Words, count: int) -> bool:
        if set(original) <= grammar and set(spun) <= grammar:
            return True
        # A word swap inside the pair, seen at least as often as the pair itself.
        return len(spun) < len(original) and any(
            o == s or witnesses[((o,), (s,))] >= count for o in original for s in spun
        )

    for pair in [pair for pair, count in witnesses.items() if no_swap(*pair, count)]:
        del witnesses[pair]

    def strong(original: Words, spun: Words) -> bool:
        shown = free[(original, spun)]
        if not prose_words:
            return shown >= STRONG_WITNESSES
        return shown > 0 and (
            not any(word in prose_words for word in spun)
            or (len(spun) > len(original) and shown >= STRONG_WITNESSES)
        )

    return [
        Swap(original, spun, strong(original, spun), independent[(original, spun)])
        for original, spun in sorted(witnesses)
    ]


def generated_from(entry: Entry, normalizer: Normalizer) -> set[tuple[Words, Words]]:
    """The swaps an entry was written by applying (its source ``swap:original>spun+…``, as
    ``(original, spun)`` normalized words): it is no independent witness of them."""
    if not entry.source.startswith("swap:"):
        return set()
    pairs = set()
    for part in entry.source.removeprefix("swap:").split("+"):
        original, _, spun = part.partition(">")
        pairs.add((normalizer.phrase(original), normalizer.phrase(spun)))
    return pairs


@cache
def function_words() -> frozenset[str]:
    """Articles, pronouns, prepositions, conjunctions, auxiliaries
    (``lexicons/function-words.txt``)."""
    return read_words(lexicon_dir() / "function-words.txt")


@cache
def noun_followers() -> frozenset[str]:
    """Function words that follow a plural noun rather than a verb ("places for", "hands and
    feet"; ``lexicons/noun-followers.txt``)."""
    return read_words(lexicon_dir() / "noun-followers.txt")


def is_fragment(phrase: str) -> bool:
    """Whether a phrase ends with a function word ("admitted to", "rule out"): a fragment of a
    sentence rather than a term. A final "a" names a type ("hepatitis a"); a first function
    word is common in terms ("by mouth", "in vitro fertilization")."""
    last = phrase.lower().split()[-1]
    return last in function_words() and last != "a"


@cache
def medical_prose_words() -> frozenset[str]:
    """Normalized words common in clean medical prose (``lexicons/medical-prose-words.txt``)."""
    return read_words(lexicon_dir() / "medical-prose-words.txt")
