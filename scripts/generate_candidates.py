"""Propose lexicon entries by composing spinner substitution patterns with correct terms.

Each correct multi-word term (lexicon corrections, abbreviation expansions, and the ICD-10-CM and
WordNet terms of ``lexicons/vocabulary.tsv``) has its words swapped by the patterns of
``lexicons/swaps.tsv`` and those learnt from the lexicon (one or two swaps per term). A candidate
is kept only if:

1. it is not itself a known term, and not already a lexicon garble;
2. it has zero hits in ``abstracts-dev.txt`` (clean PubMed prose), matched as fixer matches;
3. it passes the ordinary-English check. The collocation list is every 2- to 5-word sequence
   of the dev abstracts (criterion 2). A swapped-in word must be a real English word
   (``wordfreq`` Zipf frequency of at least ``MIN_WORD_ZIPF``: spinners write real words), and a
   weak pattern's word must not occur in the dev abstracts at all, so that everyday medical
   words ("serious", "persistent") are only proposed through strong, spinner-typical patterns.
   (``wordfreq``'s frequency of a whole phrase is derived from its words, not from real
   collocations, so it is not used for phrases.)

Candidates are written for review, never straight into the lexicon: a reviewer copies the sound
ones into ``lexicons/medical/*.tsv`` with ``source`` ``swap:ORIGINAL>SPUN`` (the review is
recorded by that row existing, with its example sentence).

    python scripts/generate_candidates.py -o candidates.tsv
    python scripts/generate_candidates.py --holdout 0.2    # the honest measure

With ``--holdout`` it sets aside a share of the hand-curated entries, rebuilds the patterns from
the rest (asserting no held-out garble is among the inputs), and reports how many held-out
garbles the generator proposes with their right correction. Needs ``pip install wordfreq``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable, Iterator
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixer.data import lexicon_dir, read_tsv  # noqa: E402
from fixer.lexicon import builtin_lexicon  # noqa: E402
from fixer.model import Entry  # noqa: E402
from fixer.patterns import entry_swaps, learnt_swaps  # noqa: E402
from fixer.thesaurus import Swap, Words, load_thesaurus  # noqa: E402
from fixer.words import WORD_RE, Normalizer, default_normalizer  # noqa: E402

DEV = ROOT.parent / "shared" / "corpora" / "ncbi_disease" / "abstracts-dev.txt"
MIN_WORD_ZIPF = 1.0
MAX_SWAPS = 2


def terms(entries: Iterable[Entry], normalizer: Normalizer) -> dict[Words, str]:
    """Correct multi-word terms by normalized words, with a surface form to print."""
    found: dict[Words, str] = {}
    for _, fields in read_tsv(lexicon_dir() / "vocabulary.tsv"):
        if fields[0] != "term" and fields[1] != "fixer":
            found.setdefault(normalizer.phrase(fields[0]), fields[0])
    for entry in entries:
        for correction in entry.corrections:
            found.setdefault(normalizer.phrase(correction), correction.lower())
    return {words: text for words, text in found.items() if 2 <= len(words) <= 4}


def compose(term: Words, by_original: dict[Words, list[Swap]]) -> Iterator[tuple[Words, list]]:
    """Every way to apply one or two swaps to non-overlapping stretches of a term."""
    spots = [
        (i, size, swap)
        for i in range(len(term))
        for size in (1, 2, 3)
        for swap in by_original.get(term[i : i + size], ())
    ]
    for count in range(1, MAX_SWAPS + 1):
        for chosen in combinations(spots, count):
            covered = [k for i, size, _ in chosen for k in range(i, i + size)]
            if len(covered) != len(set(covered)):
                continue
            words: list[str] = []
            position = 0
            for i, size, swap in sorted(chosen, key=lambda c: c[0]):
                words += term[position:i]
                words += swap.spun
                position = i + size
            words += term[position:]
            yield tuple(words), [swap for _, _, swap in chosen]


def dev_ngrams(normalizer: Normalizer) -> set[Words]:
    text = DEV.read_text(encoding="utf-8")
    words = [normalizer.normal(m.group()) for m in WORD_RE.finditer(text)]
    return {tuple(words[i : i + n]) for n in (2, 3, 4, 5) for i in range(len(words) - n + 1)}


def generate(
    swaps: list[Swap], known_terms: dict[Words, str], garbles: set[Words], normalizer: Normalizer
) -> list[tuple[str, str, str]]:
    from wordfreq import zipf_frequency

    seen_in_dev = dev_ngrams(normalizer)
    dev_words = {w for gram in seen_in_dev for w in gram}
    by_original: dict[Words, list[Swap]] = {}
    for swap in swaps:
        by_original.setdefault(swap.original, []).append(swap)
    rows = []
    for term, surface in sorted(known_terms.items()):
        for candidate, used in compose(term, by_original):
            if candidate in known_terms or candidate in garbles or candidate in seen_in_dev:
                continue
            if any(not s.strong and any(w in dev_words for w in s.spun) for s in used):
                continue
            phrase = " ".join(candidate)
            spun_words = {w for s in used for w in s.spun}
            if any(zipf_frequency(w, "en") < MIN_WORD_ZIPF for w in spun_words):
                continue
            source = "+".join(f"{' '.join(s.original)}>{' '.join(s.spun)}" for s in used)
            rows.append((phrase, surface, f"swap:{source}"))
    return rows


def holdout(share: float, seed: int, normalizer: Normalizer) -> None:
    entries = [e for e in builtin_lexicon().entries if e.medical and not e.context]
    rng = random.Random(seed)
    held = set(rng.sample(sorted(entries, key=lambda e: e.id), round(share * len(entries))))
    kept = [e for e in builtin_lexicon().entries if e not in held]
    held_garbles = {normalizer.phrase(e.garble) for e in held}
    kept_pairs = set().union(*(entry_swaps(e, normalizer) for e in kept))
    held_only = set().union(*(entry_swaps(e, normalizer) for e in held)) - kept_pairs
    curated = [
        s
        for s in load_thesaurus(lexicon_dir() / "swaps.tsv", normalizer).swaps
        if (s.original, s.spun) not in held_only
    ]
    swaps = curated + learnt_swaps(kept, normalizer)
    inputs = {normalizer.phrase(e.garble) for e in kept}
    assert not held_garbles & inputs, "a held-out garble is among the build inputs"
    assert not held_only & {(s.original, s.spun) for s in swaps}
    rows = generate(swaps, terms(kept, normalizer), inputs, normalizer)
    proposed = {(normalizer.phrase(g), normalizer.phrase(c)) for g, c, _ in rows}
    hits = [
        e
        for e in held
        if any(
            (normalizer.phrase(e.garble), normalizer.phrase(c)) in proposed for c in e.corrections
        )
    ]
    print(f"| held-out hand-curated entries | {len(held)} |")
    print(
        f"| proposed by the generator with the right correction | {len(hits)} "
        f"({len(hits) / len(held):.1%}) |"
    )
    print(f"| candidates proposed in all | {len(rows)} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--holdout", type=float, default=None)
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args()
    normalizer = default_normalizer()
    if not DEV.exists():
        print(f"needs {DEV}", file=sys.stderr)
        return 2
    if args.holdout:
        holdout(args.holdout, args.seed, normalizer)
        return 0
    entries = list(builtin_lexicon().entries)
    swaps = load_thesaurus(lexicon_dir() / "swaps.tsv", normalizer).swaps
    swaps += learnt_swaps(entries, normalizer)
    garbles = {normalizer.phrase(e.garble) for e in entries}
    rows = generate(swaps, terms(entries, normalizer), garbles, normalizer)
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    out.write("garble\tcorrection\tsource\n")
    out.writelines(f"{g}\t{c}\t{s}\n" for g, c, s in rows)
    print(f"{len(rows)} candidates", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
