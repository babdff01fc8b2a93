"""Held-out evaluation of the detectors that find garbles no list contains.

Holds out a fixed random share (at least 300) of the medical lexicon entries, rebuilds the lexicon,
the learnt substitution patterns and the thesaurus without them, asserts that no held-out garble
and no swap pair that only held-out entries witness is among the build inputs, plants each held-out
garble into a real sentence of ``abstracts-dev.txt``, and counts how many the detectors find with
the right correction.

Each garble stands alone in a clean sentence by default: the hardest case, for a text with one
garble never reads as spun (``fixer.engine.looks_spun``), so only the stronger readings count.
``--together K`` plants K held-out garbles into K sentences read as one text, as spinner output
has them, so that a text whose garbles are found reads as spun.

    python scripts/evaluate_detectors.py [--corpus PATH] [--seed N [N ...]] [--share 0.2]
        [--together K] [--verbose] [--why] [--every-reading] [--clean-text]

The share found depends on which entries are drawn (about ±2 points between seeds): give
several seeds to compare two versions on the same draws and see their mean.

``--every-reading`` lets synonym reversal report every reading it makes, whatever its score and
in any text: the most that any rule for which of its readings to report could find, and, with
``--clean-text``, what that would cost in the corpus's own (clean) abstracts.

``--why`` sorts the missed garbles by what stood in the way (``why_missed``), and counts those
that need a word swap no build input shows: the evaluation removes such a swap with the
held-out entries, so no detector could find them, and the rest bound the share reachable.

Prints the figures as a Markdown table. Needs ``../shared`` beside the checkout (or --corpus).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixer.data import lexicon_dir, read_tsv  # noqa: E402
from fixer.detectors.abbreviations import AbbreviationDetector  # noqa: E402
from fixer.detectors.fuzzy import FuzzyDetector  # noqa: E402
from fixer.detectors.lexicon import LexiconDetector  # noqa: E402
from fixer.detectors.reversal import (  # noqa: E402
    NOTHING_DOCUMENTED,
    REPORT_FROM,
    Documented,
    ReversalDetector,
)
from fixer.engine import Checker  # noqa: E402
from fixer.lexicon import Lexicon, builtin_lexicon  # noqa: E402
from fixer.matcher import Token  # noqa: E402
from fixer.model import Candidate, Entry, Finding, FixSafety  # noqa: E402
from fixer.patterns import entry_swaps, learnt_swaps, medical_prose_words  # noqa: E402
from fixer.thesaurus import Thesaurus, Words, load_thesaurus, merge_swaps  # noqa: E402
from fixer.words import Normalizer, default_normalizer, holds_run  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "ncbi_disease" / "abstracts-dev.txt"
MIN_HELD_OUT = 300


def split(entries: list[Entry], share: float, seed: int) -> tuple[list[Entry], list[Entry]]:
    medical = sorted(
        (e for e in entries if e.medical and not e.context),
        key=lambda e: e.id,
    )
    count = max(MIN_HELD_OUT, round(share * len(medical)))
    held = set(random.Random(seed).sample(medical, count))
    return [e for e in entries if e not in held], sorted(held, key=lambda e: e.id)


def build_inputs(kept: list[Entry], held: list[Entry], normalizer: Normalizer):
    """Lexicon, thesaurus and vocabulary as if the held-out entries had never been written."""
    held_pairs = set().union(*(entry_swaps(e, normalizer) for e in held))
    kept_pairs = set().union(*(entry_swaps(e, normalizer) for e in kept))
    held_only = held_pairs - kept_pairs
    held_garbles = {normalizer.phrase(e.garble) for e in held}

    curated: set[tuple[Words, Words]] = set()
    curated_spun = []
    for _, fields in read_tsv(lexicon_dir() / "swaps.tsv"):
        if fields[0] == "original":
            continue
        pair = (normalizer.phrase(fields[0]), normalizer.phrase(fields[1]))
        evidence = normalizer.phrase(fields[4].split("=>")[0]) if len(fields) > 4 else ()
        if pair in held_only or evidence in held_garbles:
            continue
        curated.add(pair)
        curated_spun.append(fields[1])
    full = load_thesaurus(lexicon_dir() / "swaps.tsv", normalizer)
    kept_curated = [s for s in full.swaps if (s.original, s.spun) in curated]
    swaps = merge_swaps(kept_curated, learnt_swaps(kept, normalizer, medical_prose_words()))
    medical_kept = [e.garble for e in kept if e.medical]
    thesaurus = Thesaurus(swaps, normalizer.verb_forms([*curated_spun, *medical_kept]))

    kept_terms = {normalizer.phrase(c) for e in kept for c in e.corrections}
    held_terms = {normalizer.phrase(c) for e in held for c in e.corrections} - kept_terms
    vocabulary = frozenset(
        normalizer.phrase(f[0])
        for _, f in read_tsv(lexicon_dir() / "vocabulary.tsv")
        if f[0] != "term" and not (f[1] == "fixer" and normalizer.phrase(f[0]) in held_terms)
    )

    # The promise of a held-out evaluation, checked rather than assumed.
    lexicon_garbles = {normalizer.phrase(e.garble) for e in kept}
    assert not held_garbles & lexicon_garbles, "a held-out garble is in the rebuilt lexicon"
    thesaurus_pairs = {(s.original, s.spun) for s in thesaurus.swaps}
    assert not held_only & thesaurus_pairs, "a held-out-only swap pair is in the thesaurus"
    return Lexicon(tuple(kept), "held-out"), thesaurus, vocabulary


class EveryReading(ReversalDetector):
    """Synonym reversal that reports every reading it makes, in any text, as if no rule of
    scores held any back (``--every-reading``)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.sharp_seeds_after = sys.maxsize  # sharp seeds assume REPORT_FROM

    def candidates(
        self,
        view: str,
        tokens: Sequence[Token],
        least: float = REPORT_FROM,
        documented: Documented = NOTHING_DOCUMENTED,
    ) -> list[Candidate]:
        return super().candidates(view, tokens, 0.0, documented)

    def _reported_fix(self, *args: object) -> FixSafety:
        return FixSafety.UNSAFE


def sentences(corpus: Path) -> list[str]:
    text = corpus.read_text(encoding="utf-8")
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if 60 < len(s) < 300 and "(" not in s]


def plant(sentence: str, garble: str) -> tuple[str, int, int]:
    cut = sentence.rfind(" ", 0, len(sentence) // 2)
    before = sentence[:cut] + " the "
    return before + garble + sentence[cut:], len(before), len(before) + len(garble)


def recovered(
    findings: list[Finding], text: str, start: int, end: int, entry: Entry, normalizer: Normalizer
) -> str | None:
    """The detector whose top suggestion, applied, turns the planted span into the term."""
    wanted = {normalizer.phrase(c) for c in entry.corrections[:1]}
    for finding in findings:
        if finding.start < end and finding.end > start:
            suggestion = finding.suggestions[0]
            fixed = text[: finding.start] + suggestion + text[finding.end :]
            # The planted span and the finding together, in the fixed text.
            shift = len(suggestion) - (finding.end - finding.start)
            span = fixed[min(start, finding.start) : max(end, finding.end) + shift]
            if any(
                w
                and all(word in normalizer.phrase(span) for word in w)
                and holds_run(normalizer.phrase(span), w)
                for w in wanted
            ):
                return finding.detector
    return None


def evaluate(
    corpus: Path, seed: int, share: float, together: int, every_reading: bool = False
) -> tuple[list[Entry], Counter[str], list[tuple[Entry, str, bool]], Checker]:
    """The held-out entries of one draw, how many each detector found, the missed ones (each
    with ``why_missed``), and the checker built without them."""
    normalizer = default_normalizer()
    kept, held = split(list(builtin_lexicon().entries), share, seed)
    lexicon, thesaurus, vocabulary = build_inputs(kept, held, normalizer)
    reversal = EveryReading if every_reading else ReversalDetector
    checker = Checker(lexicon, detectors=())
    checker.detectors = [
        LexiconDetector(lexicon, normalizer),
        AbbreviationDetector(normalizer, thesaurus=thesaurus),
        reversal(normalizer, vocabulary, thesaurus),
        FuzzyDetector(lexicon, normalizer),
    ]
    pool = sentences(corpus)
    rng = random.Random(seed)
    by_detector: Counter[str] = Counter()
    missed = []
    for first in range(0, len(held), together):
        group = held[first : first + together]
        pieces, spans = [], []
        offset = 0
        for entry in group:
            sentence, start, end = plant(rng.choice(pool), entry.garble)
            pieces.append(sentence)
            spans.append((offset + start, offset + end))
            offset += len(sentence) + 1
        text = " ".join(pieces)
        findings = checker.check(text)
        for entry, (start, end) in zip(group, spans, strict=True):
            detector = recovered(findings, text, start, end, entry, normalizer)
            if detector:
                by_detector[detector] += 1
            else:
                why = why_missed(entry, findings, (start, end), vocabulary, thesaurus, normalizer)
                missed.append((entry, *why))
    return held, by_detector, missed, checker


def inputs(checker: Checker) -> str:
    """A line on the build inputs of a checker that ``evaluate`` made."""
    reversal = next(d for d in checker.detectors if isinstance(d, ReversalDetector))
    return (
        f"{len(checker.lexicon.entries)} entries, {len(reversal.thesaurus.swaps)} swaps, "
        f"{len(reversal.vocabulary)} terms"
    )


def clean_findings(checker: Checker, corpus: Path) -> tuple[int, int]:
    """Findings in the corpus's own text, an abstract (a line) at a time, and its words."""
    text = corpus.read_text(encoding="utf-8")
    found = sum(len(checker.check(line)) for line in text.splitlines() if line.strip())
    return found, len(text.split())


#: The classes of ``why_missed``, in the order they are tested.
MISS_CLASSES = (
    "read, but with another correction",
    "its term is in no source of the vocabulary",
    "the term has another number of words",
    "needs a word swap no build input shows",
    "every swap known, one weak swap: too weak to report alone",
    "every swap known, read too weakly to report",
)


def why_missed(
    entry: Entry,
    findings: list[Finding],
    span: tuple[int, int],
    vocabulary: frozenset[Words],
    thesaurus: Thesaurus,
    normalizer: Normalizer,
) -> tuple[str, bool]:
    """What kept a planted garble from being found with its correction (one of
    ``MISS_CLASSES``), and whether it needs a word swap that no build input shows (where its
    words line up one for one with its correction's)."""
    garble = normalizer.phrase(entry.garble)
    term = normalizer.phrase(entry.corrections[0])
    aligned = len(garble) == len(term)
    differ = [k for k in range(len(garble)) if garble[k] != term[k]] if aligned else []
    swaps = [thesaurus.is_swap((term[k],), (garble[k],)) for k in differ]
    unknown = sum(swap is None for swap in swaps)
    weak = sum(swap is not None and not swap.strong for swap in swaps)
    if unknown:  # the words that differ may still be one swap of a phrase
        low, high = differ[0], differ[-1] + 1
        phrase = thesaurus.is_swap(term[low:high], garble[low:high])
        if phrase is not None:
            unknown, weak = 0, int(not phrase.strong)
    start, end = span
    if any(f.start < end and f.end > start for f in findings):
        found = MISS_CLASSES[0]
    elif term not in vocabulary:
        found = MISS_CLASSES[1]
    elif not aligned:
        found = MISS_CLASSES[2]
    elif unknown:
        found = MISS_CLASSES[3]
    elif weak == 1 and len(differ) == 1:
        found = MISS_CLASSES[4]
    else:
        found = MISS_CLASSES[5]
    return found, unknown > 0


def print_why(missed: list[tuple[Entry, str, bool]], held: int) -> None:
    """The misses by class (``why_missed``), and the share of garbles left reachable once
    those that need a swap no build input shows are set aside."""
    classes = Counter(why for _, why, _ in missed)
    print()
    print("| missed because | garbles |")
    print("| --- | --- |")
    for why in MISS_CLASSES:
        print(f"| {why} | {classes[why]} |")
    unknown = sum(1 for _, _, needs_unknown in missed if needs_unknown)
    reachable = held - unknown
    print(f"| … of all these, need a swap no build input shows | {unknown} |")
    print(f"| at most reachable under these rules | {reachable} ({reachable / held:.1%}) |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--seed",
        type=int,
        nargs="+",
        default=[20261124],
        help="one or more draws; with several, a row each and their mean",
    )
    parser.add_argument("--share", type=float, default=0.2)
    parser.add_argument("--together", type=int, default=1, metavar="K")
    parser.add_argument("--verbose", action="store_true", help="list the missed garbles")
    parser.add_argument("--why", action="store_true", help="count misses by cause")
    parser.add_argument(
        "--every-reading", action="store_true", help="report every reading synonym reversal makes"
    )
    parser.add_argument(
        "--clean-text", action="store_true", help="count findings in the corpus itself"
    )
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    shares = []
    for seed in args.seed:
        held, by_detector, missed, checker = evaluate(
            args.corpus, seed, args.share, args.together, args.every_reading
        )
        found = sum(by_detector.values())
        shares.append(found / len(held))
        if len(args.seed) > 1:
            print(f"| seed {seed} | {found} of {len(held)} ({found / len(held):.1%}) |")
            continue
        print(f"| held-out medical entries | {len(held)} |")
        print(f"| found with the right correction | {found} ({found / len(held):.1%}) |")
        for detector, count in by_detector.most_common():
            print(f"| … by {detector} | {count} |")
        print(f"| build inputs | {inputs(checker)} |")
        if args.clean_text:
            clean, words = clean_findings(checker, args.corpus)
            print(f"| findings in the corpus's own text | {clean} in {words:,} words |")
        if args.why:
            print_why(missed, len(held))
        if args.verbose:
            for entry, why, _ in missed:
                print(f"missed {entry.id}: {entry.garble} → {entry.corrections[0]} ({why})")
    if len(shares) > 1:
        print(f"| mean of {len(shares)} draws | {sum(shares) / len(shares):.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
