"""Spinner substitutions (``lexicons/swaps.tsv``): which words spinners put in place of which."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from fixer.cache import cached
from fixer.data import lexicon_dir, read_tsv
from fixer.words import Normalizer, default_normalizer, normalization_tables

Words = tuple[str, ...]
SWAP_COLUMNS = ("original", "spun", "strength", "source", "evidence")


@dataclass(frozen=True)
class Swap:
    original: Words  # normalized words of the correct term
    spun: Words  # normalized words a spinner puts in its place
    strong: bool
    #: How many medical lexicon entries show this swap on their own evidence (not written by
    #: applying it; see ``fixer.patterns.generated_from``): of the originals a spun form may
    #: stand for, the one spinners are seen to replace with it more often is the likelier.
    witnesses: int = field(default=0, compare=False)

    @cached_property
    def original_text(self) -> str:
        """The original's words joined by single spaces, as known terms are."""
        return " ".join(self.original)


class Thesaurus:
    """Swaps indexed by their spun words, for reversing a spinner's substitutions."""

    def __init__(
        self, swaps: list[Swap], verb_forms: frozenset[tuple[str, str]] = frozenset()
    ) -> None:
        """``verb_forms``: the (normal form, "ing"/"ed") of spun words that the sources of the
        swaps write as verb forms ("soaring" for "high"); see ``Normalizer.verb_forms``."""
        self.swaps = swaps
        self.verb_forms = verb_forms
        self._by_spun: dict[Words, list[Swap]] = defaultdict(list)
        sizes: dict[str, set[int]] = defaultdict(set)
        for swap in swaps:
            self._by_spun[swap.spun].append(swap)
            sizes[swap.spun[0]].add(len(swap.spun))
        #: For each first word of a spun form: the word counts of its spun forms, ascending.
        self.spun_sizes = {word: tuple(sorted(found)) for word, found in sizes.items()}
        self.longest_spun = max((found[-1] for found in self.spun_sizes.values()), default=0)

    def reversals(self, spun: Words) -> list[Swap]:
        """The swaps whose spun side is exactly ``spun``."""
        return self._by_spun.get(spun, [])

    def is_swap(self, original: Words, spun: Words) -> Swap | None:
        return next((s for s in self.reversals(spun) if s.original == original), None)


def load_thesaurus(path: Path, normalizer: Normalizer) -> Thesaurus:
    swaps, spun_texts = [], []
    for number, fields in read_tsv(path):
        if fields[0] == "original":
            continue
        if len(fields) != len(SWAP_COLUMNS):
            raise ValueError(f"{path}:{number}: expected {len(SWAP_COLUMNS)} fields")
        original, spun, strength = fields[:3]
        if strength not in ("strong", "weak"):
            raise ValueError(f"{path}:{number}: strength must be strong or weak")
        swaps.append(
            Swap(normalizer.phrase(original), normalizer.phrase(spun), strength == "strong")
        )
        spun_texts.append(spun)
    return Thesaurus(swaps, normalizer.verb_forms(spun_texts))


def merge_swaps(curated: list[Swap], learnt: list[Swap]) -> list[Swap]:
    """Curated swaps, then learnt ones not curated; a pair is strong when either source says
    so (a curated "weak" pair that garble entries show with an odd word becomes strong), and
    has the witnesses of the learnt one."""
    strong = {(s.original, s.spun) for s in (*curated, *learnt) if s.strong}
    witnesses = {(s.original, s.spun): s.witnesses for s in learnt}
    seen = {(s.original, s.spun) for s in curated}
    merged = [
        Swap(
            s.original,
            s.spun,
            (s.original, s.spun) in strong,
            witnesses.get((s.original, s.spun), s.witnesses),
        )
        for s in curated
    ]
    return merged + [s for s in learnt if (s.original, s.spun) not in seen]


@cache
def default_thesaurus() -> Thesaurus:
    """The curated swaps plus those learnt from the built-in lexicon (see ``merge_swaps``)."""
    from fixer import patterns
    from fixer.lexicon import builtin_files, builtin_lexicon

    path = lexicon_dir() / "swaps.tsv"

    def build() -> dict[str, list[list[object]]]:
        normalizer = default_normalizer()
        curated = load_thesaurus(path, normalizer)
        entries = [e for e in builtin_lexicon().entries if e.medical]
        learnt = patterns.learnt_swaps(entries, normalizer, patterns.medical_prose_words())
        swaps = merge_swaps(curated.swaps, learnt)
        forms = curated.verb_forms | normalizer.verb_forms(e.garble for e in entries)
        return {
            "swaps": [[list(s.original), list(s.spun), s.strong, s.witnesses] for s in swaps],
            "verb_forms": [list(form) for form in sorted(forms)],
        }

    def restore(data: dict[str, list[list]]) -> Thesaurus:
        swaps = [Swap(tuple(o), tuple(s), strong, n) for o, s, strong, n in data["swaps"]]
        return Thesaurus(swaps, frozenset((n, f) for n, f in data["verb_forms"]))

    sources = [
        path,
        lexicon_dir() / "medical-prose-words.txt",
        lexicon_dir() / "function-words.txt",
        *builtin_files(),
        *normalization_tables(),
        # The code that learns and merges swaps: a change to it is a change to the thesaurus.
        Path(__file__),
        Path(patterns.__file__),
    ]
    return cached("thesaurus", sources, build, restore)  # type: ignore[arg-type]
