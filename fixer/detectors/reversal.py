"""Synonym reversal: undo a spinner's word swaps and see whether a known term appears.

"focal sensory framework" is in no list, but focal ← central, sensory ← nervous and
framework ← system are known swaps (``lexicons/swaps.tsv``), and "central nervous system" is a
known term (``lexicons/vocabulary.tsv``). Each candidate is scored by how many words were swapped
and how typical of spinners the swaps are (strong or weak), whether the term's head word survived,
and whether the words as found are themselves a known term (then nothing is flagged).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from fixer.cache import cached
from fixer.data import lexicon_dir, read_tsv
from fixer.matcher import Token
from fixer.model import RULES, Candidate, FixSafety, Severity
from fixer.thesaurus import Swap, Thesaurus, Words, default_thesaurus
from fixer.words import Normalizer, default_normalizer, normalization_tables

MAX_TERM_WORDS = 5
#: A candidate is reported from this confidence on; a warning from the second.
REPORT_FROM, WARN_FROM = 0.6, 0.75


@cache
def default_vocabulary() -> frozenset[Words]:
    path = lexicon_dir() / "vocabulary.tsv"

    def build() -> list[list[str]]:
        normalizer = default_normalizer()
        return [list(normalizer.phrase(f[0])) for _, f in read_tsv(path) if f[0] != "term"]

    return cached(
        "vocabulary",
        [path, *normalization_tables()],
        build,
        lambda rows: frozenset(map(tuple, rows)),
    )  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Reading:
    """One way to read a window back: the words, and the swaps used (window offset, swap)."""

    words: Words
    swaps: tuple[tuple[int, Swap], ...]


class ReversalDetector:
    name = "reversal"

    def __init__(
        self,
        normalizer: Normalizer,
        vocabulary: frozenset[Words] | None = None,
        thesaurus: Thesaurus | None = None,
    ) -> None:
        self.normalizer = normalizer
        self._vocabulary = vocabulary
        self._vocabulary_words: frozenset[str] | None = None
        self._prefixes: frozenset[Words] | None = None
        self._thesaurus = thesaurus

    @property
    def vocabulary(self) -> frozenset[Words]:
        if self._vocabulary is None:
            self._vocabulary = default_vocabulary()
        return self._vocabulary

    @property
    def thesaurus(self) -> Thesaurus:
        if self._thesaurus is None:
            self._thesaurus = default_thesaurus()
        return self._thesaurus

    def candidates(self, view: str, tokens: Sequence[Token]) -> list[Candidate]:
        sites = self._sites(tokens)
        if not sites:
            return []
        vocabulary_words = self.vocabulary_words

        def usable(k: int) -> bool:
            return k in sites or tokens[k].normal in vocabulary_words

        found: list[Candidate] = []
        covered_until = -1
        for start in sorted(sites):
            if start <= covered_until:
                continue
            low = start
            while (
                low > 0
                and start - low + 1 < MAX_TERM_WORDS
                and usable(low - 1)
                and tokens[low - 1].gap == ""
            ):
                low -= 1
            high = min(len(tokens) - 1, start + max(size for size, _ in sites[start]) - 1)
            while (
                high + 1 < len(tokens)
                and high - low + 1 < MAX_TERM_WORDS + 2
                and usable(high + 1)
                and tokens[high].gap == ""
            ):
                high += 1
            if not _promising(sites, low, high):
                continue
            best = self._best_in(view, tokens, sites, low, start, high)
            if best is not None:
                found.append(best)
                covered_until = best.last
        return found

    @property
    def vocabulary_words(self) -> frozenset[str]:
        if self._vocabulary_words is None:
            self._vocabulary_words = frozenset(w for term in self.vocabulary for w in term)
        return self._vocabulary_words

    def _sites(self, tokens: Sequence[Token]) -> dict[int, list[tuple[int, Swap]]]:
        """Where a spun form of some word starts: token index → [(length, swap)]."""
        longest = self.thesaurus.longest_spun
        starts = self.thesaurus.first_spun_words
        sites: dict[int, list[tuple[int, Swap]]] = {}
        for i in range(len(tokens)):
            if tokens[i].normal not in starts:
                continue
            for size in range(1, longest + 1):
                if i + size > len(tokens):
                    break
                spun = tuple(t.normal for t in tokens[i : i + size])
                for swap in self.thesaurus.reversals(spun):
                    sites.setdefault(i, []).append((size, swap))
        return sites

    def _best_in(
        self,
        view: str,
        tokens: Sequence[Token],
        sites: dict[int, list[tuple[int, Swap]]],
        low: int,
        start: int,
        high: int,
    ) -> Candidate | None:
        """The best-scoring window ``first..last`` with ``low <= first <= start <= last <=
        high`` that reads back as a known term. Readings grow word by word from each ``first``
        and are dropped as soon as they stop being the start of some known term."""
        prefixes = self.vocabulary_prefixes
        best: tuple[tuple[float, int], Candidate] | None = None
        for first in range(low, start + 1):
            stack: list[tuple[int, Words, tuple[tuple[int, Swap], ...]]] = [(first, (), ())]
            while stack:
                after, words, used = stack.pop()
                if after > start and used and words in self.vocabulary:
                    window = tuple(t.normal for t in tokens[first:after])
                    if window not in self.vocabulary:
                        reading = _Reading(words, used)
                        score = _confidence(window, reading)
                        # Higher score first; on a tie the longer window (the fuller term).
                        rank = (score, after - first)
                        if score >= REPORT_FROM and (best is None or rank > best[0]):
                            candidate = self._candidate(
                                view, tokens, first, after - 1, reading, score
                            )
                            best = (rank, candidate)
                if after > high or len(words) >= MAX_TERM_WORDS:
                    continue
                kept = (*words, tokens[after].normal)
                if kept in prefixes:
                    stack.append((after + 1, kept, used))
                for size, swap in sites.get(after, ()):
                    swapped = words + swap.original
                    if after + size - 1 <= high and swapped in prefixes:
                        stack.append((after + size, swapped, (*used, (after - first, swap))))
        return best[1] if best else None

    @property
    def vocabulary_prefixes(self) -> frozenset[Words]:
        """Every start (of any length) of every known term."""
        if self._prefixes is None:
            self._prefixes = frozenset(
                term[:size] for term in self.vocabulary for size in range(1, len(term) + 1)
            )
        return self._prefixes

    def _candidate(
        self,
        view: str,
        tokens: Sequence[Token],
        first: int,
        last: int,
        reading: _Reading,
        confidence: float,
    ) -> Candidate:
        surfaces = [view[t.start : t.end] for t in tokens[first : last + 1]]
        reasons = [
            f"'{' '.join(surfaces[offset : offset + len(swap.spun)])}' is a "
            f"{'typical' if swap.strong else 'possible'} spinner swap of "
            f"'{' '.join(swap.original)}'"
            for offset, swap in reading.swaps
        ]
        correction = " ".join(reading.words)
        return Candidate(
            first=first,
            last=last,
            corrections=(correction,),
            written=" ".join(self.normalizer.lemma(s) for s in surfaces),
            rule=RULES["FX102"],
            entry_id="REV:" + correction.replace(" ", "-"),
            detector=self.name,
            category="reversal",
            severity=Severity.WARNING if confidence >= WARN_FROM else Severity.INFO,
            confidence=round(confidence, 2),
            fix=FixSafety.UNSAFE,
            message=f"reads as '{correction}'; " + "; ".join(reasons),
        )


def _promising(sites: dict[int, list[tuple[int, Swap]]], low: int, high: int) -> bool:
    """Whether tokens ``low..high`` hold enough swaps to ever reach ``REPORT_FROM``: one strong
    swap, or two weak ones (see ``_confidence``). Most windows of ordinary prose do not."""
    weak = 0
    for index in range(low, high + 1):
        swaps = sites.get(index, ())
        if any(swap.strong for _, swap in swaps):
            return True
        weak += bool(swaps)
    return weak >= 2


def _confidence(window: Words, reading: _Reading) -> float:
    """0.2 to 0.9, from the number and kind of swaps and whether the head word survived."""
    strong = sum(1 for _, swap in reading.swaps if swap.strong)
    weak = len(reading.swaps) - strong
    head_kept = reading.words[-1] == window[-1]
    kept = len(window) - sum(len(swap.spun) for _, swap in reading.swaps)
    # A spun phrase of several words ("malignant growth") is more distinctive than one word.
    extra_words = sum(len(swap.spun) - 1 for _, swap in reading.swaps if swap.strong)
    score = 0.3 + 0.25 * strong + 0.1 * weak + 0.05 * extra_words + (0.1 if head_kept else 0.0)
    if kept == 0 and strong == 0:
        score -= 0.1  # every word swapped for a common one: likely ordinary English
    return min(0.9, score)
