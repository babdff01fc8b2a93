"""Synonym reversal: undo a spinner's word swaps and see whether a known term appears.

"focal sensory framework" is in no list, but focal ← central, sensory ← nervous and
framework ← system are known swaps (``lexicons/swaps.tsv``), and "central nervous system" is a
known term (``lexicons/vocabulary.tsv``). Each candidate is scored by how many words were swapped
and how typical of spinners the swaps are (strong or weak, and whether a strong swap's words are odd
in medical prose), whether the term's head word survived, and whether the words as found are
themselves a known term (then nothing is flagged). A window is reported when some reading of it
scores enough, and proposed as the known term it reads as with the fewest words changed, among
the readings that undo only swaps a reading that scores enough undoes; then the likeliest (by
score, then by how many lexicon entries independently show its swaps).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from fixer.cache import cached
from fixer.data import lexicon_dir
from fixer.inflect import is_plural, singular_words
from fixer.lexicon import Lexicon, builtin_lexicon
from fixer.matcher import Context, Token
from fixer.model import (
    READING_ID,
    RULES,
    Candidate,
    ContextClause,
    Entry,
    FixSafety,
    Severity,
)
from fixer.patterns import entry_swaps, function_words, medical_prose_words, swap_pairs
from fixer.prefilter import WordScan
from fixer.terms import (
    Phrases,
    Vocabulary,
    default_vocabulary,
    english_phrases,
    interleave,
    term_spellings,
    words_of,
    written_form,
)
from fixer.thesaurus import Swap, Thesaurus, Words, default_thesaurus
from fixer.words import (
    HYPHENS,
    POSSESSIVE,
    WORD_RE,
    Normalizer,
    english_words,
    normalization_tables,
    verb_suffix,
)

MAX_TERM_WORDS = 5
#: Sharp seeds need indexes of the vocabulary that take about 0.1 s to build; until this many
#: words have been checked, every swap seeds instead, and every window with enough swaps is
#: searched (same findings, less start-up for a pre-commit run on a few small files).
SHARP_SEEDS_AFTER = 20_000
#: Answers about word pairs and contexts are remembered, up to this many of each kind.
REMEMBER_AT_MOST = 200_000
#: A candidate is reported from this confidence on; a warning from the second.
REPORT_FROM, WARN_FROM = 0.6, 0.75
#: In a document that reads as spun (``fixer.engine.looks_spun``), weaker readings are reported
#: too: from the first confidence a reading that keeps a content word and whose swaps are all
#: unusual or spinner words the lexicon shows (``_telling``), from the second one that undoes a
#: rewording the lexicon documents (``_documented``).
SPUN_REPORT_FROM, SPUN_DOCUMENTED_FROM = 0.5, 0.4
#: A strong swap that this many medical lexicon entries show, each on its own evidence, counts
#: as odd where it stands (``ReversalDetector._witnessed``), though its words are common in
#: medical prose.
ODD_FROM_WITNESSES = 3
#: In a document that reads as spun, two words that read as no known term may still read as a
#: term built of known parts (``ReversalDetector._composed``): "hepatic brokenness" as "hepatic
#: dysfunction", where the modifier starts this many known terms and the head ends this many.
COMPOSED_MODIFIER_TERMS, COMPOSED_HEAD_TERMS = 3, 10
#: The most such a reading scores: below ``REPORT_FROM``, so it is never reported elsewhere.
COMPOSED_AT_MOST = 0.55
_NO_WORDS: frozenset[str] = frozenset()
_HYPHENS = tuple(HYPHENS)


class Documented(NamedTuple):
    """What a lexicon documents of spinners: the terms its medical entries correct to (normalized
    words joined by single spaces) and the words their garbles put in place of others
    (``entry_swaps``: "doze" of "problems dozing" for "problems sleeping", not "problem")."""

    terms: frozenset[str]
    words: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon, normalizer: Normalizer) -> Documented:
        """What ``lexicon`` documents, cached between runs (normalizing every correction takes
        about 20 ms, a spun document's whole check about 200)."""
        medical = [e for e in lexicon.entries if e.medical]

        def build() -> list[list[str]]:
            terms = {" ".join(normalizer.phrase(c)) for e in medical for c in e.corrections}
            spun = {
                word for e in medical for _, words in entry_swaps(e, normalizer) for word in words
            }
            return [sorted(terms), sorted(spun)]

        def restore(found: list[list[str]]) -> Documented:
            return cls(frozenset(found[0]), frozenset(found[1]))

        sources = [Path(__file__), *normalization_tables()]
        return cached("documented", sources, build, restore, key=lexicon.digest)  # type: ignore[arg-type]


NOTHING_DOCUMENTED = Documented(frozenset(), frozenset())


@dataclass(frozen=True)
class _Reading:
    """One way to read a window back: the words, and the swaps used (window offset, swap)."""

    words: Words
    swaps: tuple[tuple[int, Swap], ...]
    composed: bool = False  # a term built of known parts, not a known term (``_composed``)

    def places(self) -> Iterator[tuple[int, int, Swap]]:
        """Each swap with where its spun words start in the window and its original words in
        the reading."""
        shift = 0  # how many more words the reading has than the window, so far
        for offset, swap in self.swaps:
            yield offset, offset + shift, swap
            shift += len(swap.original) - len(swap.spun)

    def kept(self) -> list[tuple[int, int]]:
        """(window offset, place in the reading) of each word kept from the text."""
        spun_at, original_at = self.swapped()
        size = len(self.words) + sum(len(s.spun) - len(s.original) for _, s in self.swaps)
        offsets = [k for k in range(size) if k not in spun_at]
        places = [place for place in range(len(self.words)) if place not in original_at]
        return list(zip(offsets, places, strict=True))

    def swapped(self) -> tuple[set[int], set[int]]:
        """Where the swaps are: window offsets of the spun words, and places of the original
        words in the reading. The other words are kept from the text."""
        spun_at: set[int] = set()
        original_at: set[int] = set()
        for offset, place, swap in self.places():
            spun_at.update(range(offset, offset + len(swap.spun)))
            original_at.update(range(place, place + len(swap.original)))
        return spun_at, original_at


class ReversalDetector:
    name = "reversal"

    def __init__(
        self,
        normalizer: Normalizer,
        vocabulary: Iterable[Words] | None = None,
        thesaurus: Thesaurus | None = None,
        phrases: Phrases | None = None,
    ) -> None:
        """``vocabulary`` (known terms as normalized words) defaults to
        ``lexicons/vocabulary.tsv``, and ``phrases`` (English phrases that are no garble) to
        ``english_phrases``, each loaded on first use."""
        self.normalizer = normalizer
        self._vocabulary = None if vocabulary is None else Vocabulary.of(vocabulary)
        self._given_vocabulary = vocabulary is not None
        self._thesaurus = thesaurus
        self._phrases = phrases
        self._words_seen = 0
        self.sharp_seeds_after = SHARP_SEEDS_AFTER
        self._neighbours: dict[tuple[str, str, int], bool] = {}  # ``_may_neighbour``, cached
        self._links: dict[tuple[object, ...], bool] = {}  # ``_may_link``, cached

    @property
    def _terms_and_prefixes(self) -> Vocabulary:
        """The vocabulary, loaded on first use."""
        if self._vocabulary is None:
            self._vocabulary = default_vocabulary()
        return self._vocabulary

    @property
    def vocabulary(self) -> frozenset[str]:
        """Known terms, as their normalized words joined by single spaces."""
        return self._terms_and_prefixes.terms

    @property
    def phrases(self) -> Phrases:
        """Established English phrases, loaded on first use: a window that is one, or lies in
        one the text writes, is no garble."""
        if self._phrases is None:
            self._phrases = english_phrases()
        return self._phrases

    @property
    def thesaurus(self) -> Thesaurus:
        if self._thesaurus is None:
            self._thesaurus = default_thesaurus()
        return self._thesaurus

    def seeds(self, words: WordScan) -> list[int]:
        """Where a reading could reach ``REPORT_FROM`` (see ``can_report``): at a strong swap,
        or at two swaps that could be neighbours in one known term; either way, at a swap whose
        original is a known term or has a neighbour it could share one with (``_linked``)."""
        longest = self.thesaurus.longest_spun
        normals = words.normal
        # Spun forms present: single words, and longer forms whose first two words meet.
        present = words.normal_types & self._single_spun
        longer = {first for first, _ in words.pairs & self._spun_starts}
        present |= longer
        self._words_seen += len(normals)
        if self._words_seen < self.sharp_seeds_after:
            return words.offsets(words.where(present))  # every swap: a superset, and cheap
        sites = words.where(present)
        if can_report(strong=0, weak=1):  # not with today's scores; kept exact if they change
            return words.offsets(i for i in sites if self._linked(normals, i))
        strong_single = present & self._strong_single
        strong_longer = longer & self._strong_firsts
        # Between two neighbouring swaps of a reading stand only kept words.
        reach = longest + MAX_TERM_WORDS - 2
        neighbours = self._neighbours
        found: set[int] = set()
        low = 0
        for k, index in enumerate(sites):
            word = normals[index]
            if word in strong_single or (
                word in strong_longer
                and any(
                    tuple(normals[index : index + size]) in self._strong_spun
                    for size in range(2, longest + 1)
                )
            ):
                found.add(index)
            while index - sites[low] > reach:
                low += 1
            for earlier in sites[low:k]:
                key = (normals[earlier], word, index - earlier)
                known = neighbours.get(key)  # ``_neighbouring``, inline: the hottest loop
                if known is None:
                    known = neighbours[key] = self._may_neighbour(*key)
                if known:
                    found.update((earlier, index))
        seeds = words.offsets(sorted(i for i in found if self._linked(normals, i)))
        self._forget_if_full()
        return seeds

    def _neighbouring(self, first: str, second: str, distance: int) -> bool:
        """``_may_neighbour``, remembered."""
        key = (first, second, distance)
        known = self._neighbours.get(key)
        if known is None:
            known = self._neighbours[key] = self._may_neighbour(*key)
        return known

    def _forget_if_full(self) -> None:
        """A long run over many texts must not grow the remembered answers without end."""
        for remembered in (self._neighbours, self._links):
            if len(remembered) > REMEMBER_AT_MOST:
                remembered.clear()

    def _linked(self, normals: Sequence[str], index: int) -> bool:
        """``_may_link``, remembered by the words it looks at."""
        key = (index == 0, *normals[max(0, index - 1) : index + self.thesaurus.longest_spun + 1])
        known = self._links.get(key)
        if known is None:
            known = self._links[key] = self._may_link(normals, index)
        return known

    def _may_link(self, normals: Sequence[str], index: int) -> bool:
        """Whether a swap spun at ``index`` could be undone into a known term: its original is
        one, or a word beside the spun form (as it stands, or undone too) is the original's
        neighbour in one."""
        pairs = self.term_neighbours
        before = self._last_readings[normals[index - 1]] if index else ()
        for size in range(1, self.thesaurus.longest_spun + 1):
            spun = tuple(normals[index : index + size])
            if len(spun) < size:
                break
            after = index + size
            following = self._first_readings[normals[after]] if after < len(normals) else ()
            for swap in self.thesaurus.reversals(spun):
                original = swap.original
                if (
                    " ".join(original) in self.vocabulary
                    or any((word, original[0]) in pairs for word in before)
                    or any((original[-1], word) in pairs for word in following)
                ):
                    return True
        return False

    @cached_property
    def _first_readings(self) -> _Readings:
        """What a word may stand for at the start of a reading step: itself, or the first word
        of an original it is the spun start of."""
        return _readings(self.thesaurus.swaps, 0)

    @cached_property
    def _last_readings(self) -> _Readings:
        """What a word may stand for at the end of a reading step: itself, or the last word of
        an original it is the spun end of."""
        return _readings(self.thesaurus.swaps, -1)

    def _may_neighbour(self, first: str, second: str, distance: int) -> bool:
        """Whether swaps spun as words starting with ``first`` and, ``distance`` words later,
        ``second`` could be neighbouring swaps in one known term: some term has an original of
        the first and one of the second as far apart as the kept words between them say."""
        later, seconds = self.term_word_pairs, self._original_firsts[second]
        return any(
            not later.get((a, distance - spun_size + original_size), _NO_WORDS).isdisjoint(seconds)
            for a, spun_size, original_size in self._undo[first]
        )

    @cached_property
    def _strong_spun(self) -> frozenset[Words]:
        return frozenset(s.spun for s in self.thesaurus.swaps if s.strong)

    @cached_property
    def _strong_single(self) -> frozenset[str]:
        return frozenset(spun[0] for spun in self._strong_spun if len(spun) == 1)

    @cached_property
    def _strong_firsts(self) -> frozenset[str]:
        """First words of strong spun forms of several words."""
        return frozenset(spun[0] for spun in self._strong_spun if len(spun) > 1)

    @cached_property
    def _single_spun(self) -> frozenset[str]:
        return frozenset(s.spun[0] for s in self.thesaurus.swaps if len(s.spun) == 1)

    @cached_property
    def _spun_starts(self) -> frozenset[tuple[str, str]]:
        return frozenset((s.spun[0], s.spun[1]) for s in self.thesaurus.swaps if len(s.spun) > 1)

    @cached_property
    def _undo(self) -> dict[str, frozenset[tuple[str, int, int]]]:
        """For each first word of a spun form: (first word of the original, spun size,
        original size) of its swaps."""
        undo: dict[str, set[tuple[str, int, int]]] = {}
        for swap in self.thesaurus.swaps:
            undo.setdefault(swap.spun[0], set()).add(
                (swap.original[0], len(swap.spun), len(swap.original))
            )
        return {word: frozenset(found) for word, found in undo.items()}

    @cached_property
    def _original_firsts(self) -> dict[str, frozenset[str]]:
        return {word: frozenset(a for a, _, _ in found) for word, found in self._undo.items()}

    @cached_property
    def term_neighbours(self) -> frozenset[tuple[str, str]]:
        """(a, b) wherever some known term has the word b right after the word a."""
        return frozenset(pair for term in self.vocabulary for pair in pairwise(term.split(" ")))

    @cached_property
    def term_word_pairs(self) -> dict[tuple[str, int], frozenset[str]]:
        """(a, n) → the words b that some known term has n words after the word a, for the
        words that start an original (the only ones ever asked about)."""
        starts = frozenset(swap.original[0] for swap in self.thesaurus.swaps)
        found: dict[tuple[str, int], set[str]] = {}
        for term in self.vocabulary:
            places = [(i, word) for i, word in enumerate(term.split(" ")) if word in starts]
            for k, (i, first) in enumerate(places):
                for j, second in places[k + 1 :]:
                    found.setdefault((first, j - i), set()).add(second)
        return {key: frozenset(words) for key, words in found.items()}

    def candidates(
        self,
        view: str,
        tokens: Sequence[Token],
        least: float = REPORT_FROM,
        documented: Documented = NOTHING_DOCUMENTED,
    ) -> list[Candidate]:
        """Windows that read as known terms, where some reading reaches ``least`` (``seeds``
        assume ``REPORT_FROM``; see ``_reported_fix``), each proposed as ``_best_in`` says.
        Below ``REPORT_FROM`` a reading counts only if it undoes a rewording ``documented`` by
        the lexicon (``_documented``), or if it reaches ``SPUN_REPORT_FROM`` and says enough
        (``_telling``)."""
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
                and high - start + 1 < MAX_TERM_WORDS + 2
                and usable(high + 1)
                and tokens[high].gap == ""
            ):
                high += 1
            if not _promising(sites, low, high, least) or not self._may_pair(
                tokens, sites, low, high, least
            ):
                continue
            best = self._best_in(view, tokens, sites, low, start, high, least, documented)
            if best is not None:
                found.append(best)
                covered_until = best.last
        self._forget_if_full()
        return found

    def _may_pair(
        self,
        tokens: Sequence[Token],
        sites: dict[int, list[tuple[int, Swap]]],
        low: int,
        high: int,
        least: float,
    ) -> bool:
        """Whether tokens ``low..high`` could hold a reading that reaches ``least`` as far as
        ``_may_neighbour`` tells: a reading of weak swaps alone needs two of them (unless one
        is enough for ``least``), and its consecutive swaps could be neighbours in one known
        term. Most windows that ``_promising`` lets by hold only unrelated weak swaps. Like the
        seeds, it asks only once the indexes it needs pay for themselves
        (``SHARP_SEEDS_AFTER``)."""
        if can_report(strong=0, weak=1, least=least) or self._words_seen < self.sharp_seeds_after:
            return True
        found = [i for i in range(low, high + 1) if i in sites]
        if any(swap.strong for i in found for _, swap in sites[i]):
            return True
        return any(
            self._neighbouring(tokens[earlier].normal, tokens[later].normal, later - earlier)
            for k, later in enumerate(found)
            for earlier in found[:k]
        )

    @property
    def vocabulary_words(self) -> frozenset[str]:
        """Every word of some known term."""
        return self._terms_and_prefixes.words

    def _sites(self, tokens: Sequence[Token]) -> dict[int, list[tuple[int, Swap]]]:
        """Where a spun form of some word starts: token index → [(length, swap)]."""
        sizes_of = self.thesaurus.spun_sizes
        reversals = self.thesaurus.reversals
        sites: dict[int, list[tuple[int, Swap]]] = {}
        for i, token in enumerate(tokens):
            normal = token.normal
            joined = 1  # how many words from ``i`` on are joined like a phrase's, so far
            for size in sizes_of.get(normal, ()):
                while (
                    joined < size and i + joined < len(tokens) and tokens[i + joined - 1].gap == ""
                ):
                    joined += 1
                if joined < size:
                    break  # a spun phrase's words are joined like any phrase's
                spun = (normal,) if size == 1 else tuple(t.normal for t in tokens[i : i + size])
                for swap in reversals(spun):
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
        least: float,
        documented: Documented,
    ) -> Candidate | None:
        """The best window ``first..last`` with ``low <= first <= start <= last <= high`` that
        reads back as a known term. Readings grow word by word from each ``first`` and are
        dropped as soon as they stop being the start of some known term.

        A window counts if some reading of it can be reported (``_reported_fix``). It is proposed
        as the reading that changes fewest words, then the likeliest (by score, then by how
        many lexicon entries independently show its swaps), among the readings that undo only
        swaps some reportable reading of it undoes: "chest torment" reads as "chest pain" where
        only "breast pain" (one more swap) scores enough to tell that it is spun, but "liver
        transfers" is not proposed as "liver transplantation" on the strength of a reportable
        "liver transplant". The proposal's confidence is its own score, raised to ``least``;
        of several windows the most confident wins, and on a tie the longer (the fuller term)."""
        vocabulary, prefixes = self.vocabulary, self.vocabulary_prefixes
        # Per window (first, after): the readings the text allows (``_forms_agree``), with
        # their ranking keys and scores; and the swaps of each reading that can be reported.
        readings: dict[tuple[int, int], list[tuple[tuple[int, float, int], _Reading, float]]] = {}
        reportable: dict[tuple[int, int], list[tuple[frozenset[tuple[int, Swap]], FixSafety]]] = {}
        # Per window, its words as the text has them; None where it is a known term the text
        # writes, or lies in one ("urine stream" in "weak urine stream"), and no reading of it
        # counts. And the known terms the text writes that reach beyond the window, whose words
        # no reading may take for spun (``_swaps_a_written_term``).
        seen_in: dict[tuple[int, int], Words | None] = {}
        beyond_in: dict[tuple[int, int], list[tuple[int, int]]] = {}
        context = Context(view, self.normalizer)  # scans the view only if asked

        def consider(first: int, after: int, term: str, reading: _Reading) -> None:
            """Rank a reading of the window ``first..after-1`` as ``term`` (its words joined
            like the known terms), and note whether it can be reported."""
            window = (first, after)
            if window not in seen_in:
                written = _written_near(self._terms_and_prefixes, tokens, first, after)
                seen_in[window] = (
                    None
                    if _lies_in(written, first, after)
                    else tuple(t.normal for t in tokens[first:after])
                )
                beyond_in[window] = [
                    (start, stop)
                    for start, stop in written
                    if stop - start > 1 and (start < first or stop > after)
                ]
            seen = seen_in[window]
            if (
                seen is None
                or not self._forms_agree(view, tokens, first, reading)
                or _swaps_a_written_term(beyond_in[window], first, reading)
            ):
                return
            witnessed = self._witnessed(context, tokens, first, reading)
            score = _confidence(seen, reading, witnessed)
            if reading.composed:
                score = min(score, COMPOSED_AT_MOST)
            used = reading.swaps
            key = (
                -sum(len(swap.spun) for _, swap in used),
                score,
                sum(swap.witnesses for _, swap in used),
            )
            readings.setdefault(window, []).append((key, reading, score))
            fix = self._reported_fix(seen, reading, term, score, least, documented)
            if fix is not None:
                reportable.setdefault(window, []).append((frozenset(used), fix))

        for first in range(low, start + 1):
            if _is_article(view, tokens, first):
                continue  # the article "a" never starts a term ("a level")
            # (next token, the reading so far joined like the terms, its word count, swaps used)
            stack: list[tuple[int, str, int, tuple[tuple[int, Swap], ...]]] = [(first, "", 0, ())]
            while stack:
                after, words, size_so_far, used = stack.pop()
                if (
                    after > start
                    and used
                    # One word read as one word, hyphenated ("eruption" as "flare-up"), is a
                    # single-word swap, which reversal does not make; one read as a phrase
                    # ("windedness" as "shortness of breath") is a paraphrase.
                    and (after - first > 1 or " " in term_spellings().get(words, words))
                    and words in vocabulary
                    and not _is_article(view, tokens, after - 1)  # "kind a man" is no "type A"
                    and not self._cuts_a_compound(view, tokens, after)
                ):
                    consider(first, after, words, _Reading(tuple(words.split(" ")), used))
                if after > high or size_so_far >= MAX_TERM_WORDS:
                    continue
                joint = words + " " if words else ""
                kept = joint + tokens[after].normal
                if kept in prefixes:
                    stack.append((after + 1, kept, size_so_far + 1, used))
                for size, swap in sites.get(after, ()):
                    swapped = joint + swap.original_text
                    if after + size - 1 <= high and swapped in prefixes:
                        grown = size_so_far + len(swap.original)
                        stack.append((after + size, swapped, grown, (*used, (after - first, swap))))
        if least < REPORT_FROM:  # only where the document reads as spun
            for first in range(max(low, start - 1), start + 1):
                if (first, first + 2) not in readings:  # a known term's reading comes first
                    for reading in self._composed(view, tokens, sites, first, high):
                        consider(first, first + 2, " ".join(reading.words), reading)
        proposals = []
        for window, undone in reportable.items():
            if _lies_in(_written_near(self.phrases, tokens, *window), *window):
                continue  # looked up last: few windows get here, so clean text rarely loads it
            allowed = [
                (key, reading, score)
                for key, reading, score in readings[window]
                if any(set(reading.swaps) <= swaps for swaps, _ in undone)
            ]
            _, reading, score = max(allowed, key=lambda found: found[0])
            fix = max(fix for swaps, fix in undone if set(reading.swaps) <= swaps)
            proposals.append((window, reading, max(score, least), fix))
        if not proposals:
            return None
        (first, after), reading, score, fix = max(
            proposals, key=lambda found: (found[2], found[0][1] - found[0][0])
        )
        return self._candidate(view, tokens, first, after - 1, reading, score, fix)

    def _composed(
        self,
        view: str,
        tokens: Sequence[Token],
        sites: dict[int, list[tuple[int, Swap]]],
        first: int,
        high: int,
    ) -> Iterator[_Reading]:
        """Readings of the two words from token ``first`` as a term that no list holds but whose
        parts are known: one word kept from the text, a content word of the vocabulary; the
        other an odd strong swap of one word ("brokenness" for "dysfunction"); the modifier
        starting ``COMPOSED_MODIFIER_TERMS`` known terms and the head ending
        ``COMPOSED_HEAD_TERMS``, as in "hepatic brokenness" for "hepatic dysfunction". Such a
        term is a noun phrase: a verb form the text writes comes back in the same form, as
        known terms write the original there ("procured pneumonia" as "acquired pneumonia",
        but "solidifying" is no "freeze"), and a kept modifier is singular ("doctors sort" is
        no "doctors type")."""
        after = first + 2
        if after - 1 > high or tokens[first].gap != "":
            return
        if _is_article(view, tokens, first) or _is_article(view, tokens, first + 1):
            return
        found = (tokens[first].normal, tokens[first + 1].normal)
        modifier = tokens[first]
        modifiers, heads = self._term_parts
        for place in (0, 1):
            kept = found[1 - place]
            if kept in self._grammar or kept not in self.vocabulary_words:
                continue
            if place == 1 and is_plural(view[modifier.start : modifier.end], self.normalizer):
                continue  # the kept word is the modifier
            form = _verb_form(view, tokens[first + place])
            for size, swap in sites.get(first + place, ()):
                if size != 1 or len(swap.original) != 1 or not _odd(swap):
                    continue
                original = swap.original[0]
                words = (original, kept) if place == 0 else (kept, original)
                if (
                    " ".join(words) not in self.vocabulary
                    and modifiers.terms(words[0]) >= COMPOSED_MODIFIER_TERMS
                    and heads.terms(words[1]) >= COMPOSED_HEAD_TERMS
                    and self._spelt(original, place, form)
                ):
                    yield _Reading(words, ((place, swap),), composed=True)

    @cached_property
    def _term_parts(self) -> tuple[_TermParts, _TermParts]:
        """For each word that starts known terms of several words, and for each that ends them:
        how many, and how they most often write it there ("acquire" starts terms as
        "acquired"). Cached between runs for the built-in vocabulary (about 45 ms to build)."""
        if self._given_vocabulary:
            return _term_parts(self.vocabulary)
        return _default_term_parts()

    def _reported_fix(
        self,
        seen: Words,
        reading: _Reading,
        term: str,
        score: float,
        least: float,
        documented: Documented,
    ) -> FixSafety | None:
        """How a reading is reported: not at all (None) unless it scores enough, from
        ``REPORT_FROM``, or from ``least`` if it undoes a rewording the lexicon documents
        (``_documented``) or, from ``SPUN_REPORT_FROM``, it says enough (``_telling``). Its
        fix is unsafe, but only shown (``FixSafety.NONE``) when one of its swaps puts a word
        that clean medical prose uses ("main outcome" may well be what the writer meant), or
        when it reads as a term built of known parts, which no list holds (``_composed``)."""
        if score < least:
            return None
        if score >= REPORT_FROM or self._documented(seen, reading, term, documented):
            fix = FixSafety.UNSAFE
        elif score >= SPUN_REPORT_FROM and self._telling(seen, reading, documented):
            unusual = all(_unusual(swap) for _, swap in reading.swaps)
            fix = FixSafety.UNSAFE if unusual else FixSafety.NONE
        else:
            return None
        return FixSafety.NONE if reading.composed else fix

    def _witnessed(
        self, context: Context, tokens: Sequence[Token], first: int, reading: _Reading
    ) -> frozenset[int]:
        """Window offsets of the strong swaps that count as odd where they stand, though they
        are not odd everywhere (``_odd``): several lexicon entries show them, each on its own
        evidence (not written by applying the swap), or clean medical prose does not use their
        words and only the lexicon's flagging them in context kept them from being odd
        ("torment" for "pain", "tally" for "count"). Where the lexicon flags the spun words
        only in context, as the same swap, the clauses of those entries that say which sense
        is meant must hold (``Entry.sense_clauses``): "poor visualization" near imaging words
        is no "poor prognosis", nor "personal cleanliness" a "personal hygiene"."""
        found = set()
        for offset, swap in reading.swaps:
            if not swap.strong or _odd(swap):
                continue
            if swap.witnesses < ODD_FROM_WITNESSES and _common_in_prose(swap):
                continue
            start, end = tokens[first + offset], tokens[first + offset + len(swap.spun) - 1]
            senses = self._senses.get((swap.original, swap.spun), ())
            if all(context.holds(sense, start, end) for sense in senses):
                found.add(offset)
        return frozenset(found)

    @cached_property
    def _senses(self) -> dict[tuple[Words, Words], list[tuple[ContextClause, ...]]]:
        """For each swap (original, spun) that an entry of the built-in lexicon makes only in
        context ("visualization" for "prognosis"), the sense clauses of each such entry
        (``Entry.sense_clauses``)."""
        found: dict[tuple[Words, Words], list[tuple[ContextClause, ...]]] = {}
        for spun, entries in _garbles_in_context().items():
            for entry in entries:
                for original in {self.normalizer.phrase(c) for c in entry.corrections}:
                    found.setdefault((original, spun), []).append(entry.sense_clauses)
        return found

    def _telling(self, window: Words, reading: _Reading, documented: Documented) -> bool:
        """Whether a reading below ``REPORT_FROM`` still says enough to report in a spun
        document. Either it keeps a word of its own that is no function word ("lymph knot
        biopsy" keeps "lymph"; "counts of" keeps only "of"), and each of its swaps is unusual
        in clean medical prose ("knot" for "node") or puts words the lexicon's garbles show
        spinners put for words of the terms they correct ("lingering" for "chronic" in
        "lingering condition"; ``_below_report``). In an article that reads as spun, "main
        outcome" is then read as "primary outcome" too: about one in five such readings on
        the spun articles is a phrase the original had. Or it keeps the last word (the head of
        most terms) and another content word of a longer term, whatever its swap: "pale blood
        cells" keeps "blood cell" of "white blood cell", "total blood count" keeps "blood
        count"."""
        kept = self._content_kept(window, reading)
        if not kept:
            return False
        if all(_below_report(swap, documented) for _, swap in reading.swaps):
            return True
        return kept >= 2 and reading.words[-1] == window[-1]

    def _documented(
        self, window: Words, reading: _Reading, term: str, documented: Documented
    ) -> bool:
        """Whether a reading undoes a rewording that the lexicon documents spinners make: it
        reads as a term the lexicon's entries correct to ("risk factor"), with swapped words
        all put in by their garbles ("hazard", "element"), and it says more than plain English
        would: it undoes the head word or several swaps (one word put for a modifier, as "main
        outcome" for "primary outcome", is mostly plain English), and keeps a word of its own
        or undoes a strong swap (every word swapped for a common one, "serious condition", or
        all but a function word, "level the bend", may be plain English too)."""
        swaps = [swap for _, swap in reading.swaps]
        return (
            term in documented.terms
            and all(word in documented.words for swap in swaps for word in swap.spun)
            and (len(swaps) > 1 or reading.words[-1] != window[-1])
            and (any(swap.strong for swap in swaps) or self._keeps_a_word(window, reading))
        )

    def _used_as_verb(self, written: Sequence[str], place: int) -> bool:
        """Whether a term's word stands as a verb: a function word follows it ("coughing up
        blood", "sleeping too much"), but not "of" or "by", which follow a noun or a passive
        ("lining of the nose", "poisoning by", "scratched by"). Elsewhere a verb form names a
        thing or a quality ("activated charcoal", "image processing", "fear of dying")."""
        following = written[place + 1].lower() if place + 1 < len(written) else ""
        return following not in ("of", "by") and following in self._grammar

    def _cuts_a_compound(self, view: str, tokens: Sequence[Token], after: int) -> bool:
        """Whether a window ending before token ``after`` leaves out a function word that a
        hyphen joins to it: "square mix" of "mean square mix-up" is no "block randomization".
        A content word may follow ("breast cancer-related"), and a window may start after a
        prefix ("over-inspecting strategy" is a spun "over-sampling method")."""
        return (
            after < len(tokens)
            and tokens[after].normal in self._grammar
            and view[tokens[after - 1].end : tokens[after].start] in _HYPHENS
        )

    def _keeps_a_word(self, window: Words, reading: _Reading) -> bool:
        """Whether a reading keeps a word of the text that is no function word ("lymph knot
        biopsy" keeps "lymph"; "counts of" keeps only "of")."""
        return self._content_kept(window, reading) > 0

    def _content_kept(self, window: Words, reading: _Reading) -> int:
        """How many words of the text that are no function words a reading keeps."""
        return sum(window[k] not in self._grammar for k, _ in reading.kept())

    @cached_property
    def _grammar(self) -> frozenset[str]:
        """Function words, normalized."""
        return frozenset(map(self.normalizer.normal, function_words()))

    def _forms_agree(
        self, view: str, tokens: Sequence[Token], first: int, reading: _Reading
    ) -> bool:
        """Whether each word the text writes as a verb form ("pushing", "soaring") is undone
        into a word the term writes the same way ("widened students" reads as "dilated
        pupils"), or is a form the sources of the swap write too ("soaring" for "high"). The
        force of "blood pushing against the walls" is no spinner's "blood pressure": spinners
        put "push" for "pressure". A word kept from the text keeps its form too: "controlled
        bunch" is no "controlled group"."""
        written, _ = self._written(view, tokens, first, reading)
        for offset, place, swap in reading.places():
            if len(swap.spun) == len(swap.original) == 1:
                token = tokens[first + offset]
                form = _verb_form(view, token)
                if (
                    form
                    and not written[place].lower().endswith(form)
                    and (token.normal, form) not in self.thesaurus.verb_forms
                ):
                    return False
        for k, place in reading.kept():
            form = _verb_form(view, tokens[first + k])
            if form and not written[place].lower().endswith(form):
                return False
        return True

    def _written(
        self, view: str, tokens: Sequence[Token], first: int, reading: _Reading
    ) -> tuple[list[str], list[str]]:
        """The term a reading reads as, as written: its words, and what joins each to the next.
        A known term as the vocabulary writes it (``written_form``); a composed one
        (``_composed``) word by word as the known terms it starts or ends write that word, in
        the verb form of the text's word where they write it so, or else its normal form."""
        if not reading.composed:
            return written_form(" ".join(reading.words))
        written = [
            self._spelt(word, place, _verb_form(view, tokens[first + place])) or word
            for place, word in enumerate(reading.words)
        ]
        return written, [" "]

    def _spelt(self, word: str, place: int, form: str) -> str:
        """How to write a word (normalized) that starts (``place`` 0) or ends (1) a composed
        term, in the verb form ``form`` ("ing", "ed" or "" for none): as the known terms it
        starts or ends most often write it so ("acquire" as "acquired"), or with no verb form
        as itself where that is an English word ("pump"); else ""."""
        found = self._term_parts[place].written(word, form)
        if not found and not form and word in english_words():
            return word
        return found

    @property
    def vocabulary_prefixes(self) -> frozenset[str]:
        """Every start (of one word or more) of every known term, joined like the terms."""
        return self._terms_and_prefixes.prefixes

    def _candidate(
        self,
        view: str,
        tokens: Sequence[Token],
        first: int,
        last: int,
        reading: _Reading,
        confidence: float,
        fix: FixSafety,
    ) -> Candidate:
        surfaces = [view[t.start : t.end] for t in tokens[first : last + 1]]
        written, joins = self._written(view, tokens, first, reading)
        for offset, place, swap in reading.places():
            # A verb form the term writes as a verb ("coughing up blood") where the text has
            # the base form ("hack up blood") is proposed in the text's form: "cough up blood"
            # (the lemma as English spells it: "bruise", where the normal form is "bruize").
            # One that names a thing keeps its form: "activated charcoal", "image processing",
            # "lining of the nose", "fear of dying".
            if (
                len(swap.spun) == len(swap.original) == 1
                and self._used_as_verb(written, place)
                and verb_suffix(written[place].lower(), swap.original[0])
                and not _verb_form(view, tokens[first + offset])
            ):
                written[place] = self.normalizer.lemma(written[place])
        # A word kept from the text keeps the writer's spelling ("diarrhea", not the
        # vocabulary's "diarrhoea") where the text writes it uninflected and the vocabulary in
        # lower case ("PET" stays), with either apostrophe (a curly "polyneuropathy's", not the
        # vocabulary's "polyneuropathies"); number and case are matched later, from the text.
        for k, place in reading.kept():
            surface = surfaces[k].lower()
            if written[place].islower() and self.normalizer.uninflected(surface):
                written[place] = surface  # the case of the text is applied later
        # Two words the text joins by a hyphen stay joined where each stands for one word of
        # the term ("iron-lack paleness" reads as "iron-deficiency anemia"); two words kept
        # from the text are joined as the text joins them ("sickle cell malady" reads as
        # "sickle cell disease", though the vocabulary writes "sickle-cell disease").
        kept = dict(reading.kept())
        one_for_one = kept | {
            offset: place
            for offset, place, swap in reading.places()
            if len(swap.spun) == len(swap.original) == 1
        }
        for k, place in one_for_one.items():
            if one_for_one.get(k + 1) != place + 1:
                continue
            gap = view[tokens[first + k].end : tokens[first + k + 1].start]
            if gap in _HYPHENS:
                joins[place] = gap
            elif k in kept and k + 1 in kept:
                joins[place] = " "
        correction = "".join(interleave(written, joins))
        reasons = [
            f"'{' '.join(surfaces[offset : offset + len(swap.spun)])}' is a "
            f"{'typical' if swap.strong else 'possible'} spinner swap of "
            f"'{' '.join(written[place : place + len(swap.original)])}'"
            for offset, place, swap in reading.places()
        ]
        if reading.composed:
            reasons.append(
                f"'{correction}' is no known term, but known terms start with "
                f"'{written[0]}' and end with '{written[-1]}'"
            )
        return Candidate(
            first=first,
            last=last,
            corrections=(correction,),
            written=self._garble_number(surfaces, reading),
            rule=RULES["FX102"],
            entry_id=READING_ID + correction.replace(" ", "-"),
            detector=self.name,
            category="reversal",
            severity=Severity.WARNING if confidence >= WARN_FROM else Severity.INFO,
            confidence=round(confidence, 2),
            fix=fix,
            message=f"reads as '{correction}'; " + "; ".join(reasons),
        )

    def _garble_number(self, surfaces: Sequence[str], reading: _Reading) -> str:
        """The found words as the garble a correction in the singular is written for
        (``Candidate.written``): each plural made singular, but for a last word that ends a
        spun phrase garbles write in the plural for a singular term (``_plural_spun_ends``):
        "loose bowels" for "diarrhea" is no plural of it."""
        written = singular_words(surfaces, self.normalizer).split(" ")
        if reading.swaps:
            offset, swap = reading.swaps[-1]
            if (
                len(swap.spun) > 1
                and offset + len(swap.spun) == len(surfaces)
                and swap.spun in self._plural_spun_ends
            ):
                written[-1] = POSSESSIVE.sub("", surfaces[-1].lower())
        return " ".join(written)

    @cached_property
    def _plural_spun_ends(self) -> frozenset[Words]:
        """Spun phrases of several words that end medical garbles of the built-in lexicon in
        the plural where their corrections end in a singular original: "loose bowels" of
        "watery loose bowels" for "watery diarrhea". (One word's plural may be the text's:
        "dietary strands" are "dietary fibre", "nerve strands" "nerve fibers".)"""
        found = set()
        for entry in builtin_lexicon().entries:
            if not entry.medical or len(entry.normal) < 2:
                continue
            correction = entry.corrections[0]
            if not is_plural(WORD_RE.findall(entry.garble)[-1], self.normalizer) or is_plural(
                WORD_RE.findall(correction)[-1], self.normalizer
            ):
                continue
            words = self.normalizer.phrase(correction)
            for original, spun in swap_pairs(entry.normal, words):
                if (
                    len(spun) > 1  # a phrase's plural; "strands" may be "fibers" or "fibre"
                    and entry.normal[-len(spun) :] == spun
                    and words[-len(original) :] == original
                ):
                    found.add(spun)
        return frozenset(found)


def _verb_form(view: str, token: Token) -> str:
    """ "ing" or "ed" where the text writes a token as an inflected verb form, else ""."""
    return verb_suffix(view[token.start : token.end].lower(), token.normal)


def _is_article(view: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether a word is the English article "a", which terms hold only as the letter A
    ("type A", "hepatitis A") or inside ("infection following a procedure"): a lower-case
    "a", or an "A" among capitalized words (a heading or upper-case text, "Which Kind A Man
    Has"), where case tells nothing."""
    token = tokens[index]
    if token.end - token.start != 1:
        return False
    letter = view[token.start]
    if letter != "A":
        return letter == "a"
    neighbours = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
    return any(view[t.start].isupper() for t in neighbours)


def _term_parts(vocabulary: Iterable[str]) -> tuple[_TermParts, _TermParts]:
    """``ReversalDetector._term_parts`` of known terms (normalized words joined by spaces)."""
    starts: Counter[tuple[str, str]] = Counter()
    ends: Counter[tuple[str, str]] = Counter()
    spelt = term_spellings()
    for term in vocabulary:
        if " " in term:
            words = term.split(" ")
            written = written_form(term)[0] if term in spelt else words
            if len(words) == len(written):
                starts[words[0], written[0]] += 1
                ends[words[-1], written[-1]] += 1
    return _TermParts.of(starts), _TermParts.of(ends)


@cache
def _default_term_parts() -> tuple[_TermParts, _TermParts]:
    """``_term_parts`` of the built-in vocabulary, cached between runs."""

    def build() -> list[dict[str, dict[str, int]]]:
        return [dict(parts) for parts in _term_parts(default_vocabulary().terms)]

    def restore(found: list[dict[str, dict[str, int]]]) -> tuple[_TermParts, _TermParts]:
        starts, ends = found
        return _TermParts(starts), _TermParts(ends)

    from fixer import terms

    # The vocabulary and how it is written, and the code that reads them.
    sources = [lexicon_dir() / "vocabulary.tsv", *normalization_tables()]
    sources += [Path(terms.__file__), Path(__file__)]
    return cached("term-parts", sources, build, restore)  # type: ignore[arg-type]


class _TermParts(dict[str, dict[str, int]]):
    """Word (normalized) → how known terms write it where it starts (or ends) them, and how
    often; a word not in it starts (or ends) none."""

    @classmethod
    def of(cls, counts: Counter[tuple[str, str]]) -> _TermParts:
        """From how often each (word, written form) starts (or ends) known terms."""
        parts = cls()
        for (word, written), count in counts.most_common():
            parts.setdefault(word, {})[written] = count
        return parts

    def __missing__(self, word: str) -> dict[str, int]:
        return {}

    def terms(self, word: str) -> int:
        """How many known terms the word starts (or ends)."""
        return sum(self[word].values())

    def written(self, word: str, form: str) -> str:
        """How known terms most often write ``word`` in the verb form ``form`` ("ing", "ed" or
        "" for none: "acquired" for "acquire" in "ed"), or "" if they never do."""
        return next((w for w in self[word] if verb_suffix(w.lower(), word) == form), "")


class _Readings(dict[str, frozenset[str]]):
    """Word → what it may stand for; a word not in it stands for itself only."""

    def __missing__(self, word: str) -> frozenset[str]:
        return frozenset((word,))


def _readings(swaps: Sequence[Swap], end: int) -> _Readings:
    found: dict[str, set[str]] = {}
    for swap in swaps:
        found.setdefault(swap.spun[end], {swap.spun[end]}).add(swap.original[end])
    return _Readings({word: frozenset(readings) for word, readings in found.items()})


@cache
def can_report(strong: int, weak: int, least: float = REPORT_FROM) -> bool:
    """Whether a reading with this many strong and weak swaps can reach ``least`` at best
    (every strong swap odd, the head word kept): from ``REPORT_FROM``, one strong swap or two
    weak ones. The one statement of that minimum; ``_promising`` relies on it."""
    best = _points(strong, weak, odd=strong, extra_words=0, head_kept=True, every_word=False)
    return best >= least


def _promising(sites: dict[int, list[tuple[int, Swap]]], low: int, high: int, least: float) -> bool:
    """Whether tokens ``low..high`` hold enough swaps to ever reach ``least`` (see
    ``can_report``). Most windows of ordinary prose do not."""
    strong = weak = 0
    for index in range(low, high + 1):
        swaps = sites.get(index, ())
        if any(swap.strong for _, swap in swaps):
            strong += 1
        elif swaps:
            weak += 1
        if can_report(strong, weak, least):
            return True
    return False


@cache
def _garbles_in_context() -> dict[Words, list[Entry]]:
    """Garbles the built-in lexicon flags only in context ("visualization" for "prognosis"):
    phrases that also stand, correctly, in clean medical prose; with their entries."""
    found: dict[Words, list[Entry]] = {}
    for entry in builtin_lexicon().entries:
        if entry.context:
            found.setdefault(entry.normal, []).append(entry)
    return found


def _written_near(
    known: Phrases | Vocabulary, tokens: Sequence[Token], first: int, after: int
) -> list[tuple[int, int]]:
    """The token spans ``(start, stop)`` of the ``known`` phrases that the text writes, joined
    as a phrase's words are, starting before ``after`` and reaching at most ``MAX_TERM_WORDS``
    words before ``first`` or beyond ``after``. Each is grown word by word, and only while it
    starts one of them. Known terms are looked for where a reading's window lies (established
    English phrases too, but only for windows that could be reported)."""
    low, high = first, after
    while low > 0 and first - low < MAX_TERM_WORDS and tokens[low - 1].gap == "":
        low -= 1
    while high < len(tokens) and high - after < MAX_TERM_WORDS and tokens[high - 1].gap == "":
        high += 1
    found = []
    for start in range(low, after):
        joined = tokens[start].normal
        for stop in range(start + 1, high + 1):
            if stop > start + 1:
                joined += " " + tokens[stop - 1].normal
            if joined not in known.prefixes:
                break
            if joined in known.terms:
                found.append((start, stop))
    return found


def _lies_in(spans: list[tuple[int, int]], first: int, after: int) -> bool:
    """Whether tokens ``first..after-1`` are one of ``spans``, or lie inside one."""
    return any(start <= first and after <= stop for start, stop in spans)


def _swaps_a_written_term(beyond: list[tuple[int, int]], first: int, reading: _Reading) -> bool:
    """Whether a reading of a window from token ``first`` takes for spun a word of a known term
    that the text writes and that reaches beyond the window (``beyond``, token spans): in
    "dental pain emergency contraception", "emergency" belongs to "emergency contraception",
    and "pain emergency" is no spun "pain crisis". (Known terms inside the window may be
    accidents of the spinner: "focal sensory system" holds "sensory system".)"""
    if not beyond:
        return False
    spun_at, _ = reading.swapped()
    return any(start <= first + k < stop for start, stop in beyond for k in spun_at)


@lru_cache(maxsize=1 << 16)
def _below_report(swap: Swap, documented: Documented) -> bool:
    """Whether a reading below ``REPORT_FROM`` may undo ``swap``: an unusual swap, or one whose
    spun words the lexicon's garbles hold and whose original words the terms it corrects to
    hold (the only swaps a ``_documented`` reading undoes)."""
    return _unusual(swap) or (
        all(word in documented.words for word in swap.spun)
        and all(word in _words_of(documented.terms) for word in swap.original)
    )


@lru_cache(maxsize=4)
def _words_of(terms: frozenset[str]) -> frozenset[str]:
    """``words_of``, remembered for the few sets of terms a run meets."""
    return words_of(terms)


def _odd(swap: Swap) -> bool:
    """A strong swap whose spun words clean medical prose does not use ("courage" for "nerve")."""
    return swap.strong and _unusual(swap)


def _unusual(swap: Swap) -> bool:
    """Whether clean medical prose does not use a swap's spun words ("knot" for "node")."""
    return not _common_in_prose(swap) and swap.spun not in _garbles_in_context()


def _common_in_prose(swap: Swap) -> bool:
    """Whether clean medical prose uses one of a swap's spun words."""
    prose = medical_prose_words()
    return any(word in prose for word in swap.spun)


def _confidence(window: Words, reading: _Reading, witnessed: Container[int] = frozenset()) -> float:
    """0.2 to 0.9, from the number and kind of swaps and whether the head word survived.
    ``witnessed``: window offsets of strong swaps that count as odd where they stand
    (``ReversalDetector._witnessed``)."""
    strong_swaps = [(offset, swap) for offset, swap in reading.swaps if swap.strong]
    return _points(
        strong=len(strong_swaps),
        weak=len(reading.swaps) - len(strong_swaps),
        odd=sum(1 for offset, swap in strong_swaps if _odd(swap) or offset in witnessed),
        # A spun phrase of several words ("malignant growth") is more distinctive than one word.
        extra_words=sum(len(swap.spun) - 1 for _, swap in strong_swaps),
        head_kept=reading.words[-1] == window[-1],
        every_word=sum(len(swap.spun) for _, swap in reading.swaps) == len(window),
    )


def _points(
    strong: int, weak: int, odd: int, extra_words: int, head_kept: bool, every_word: bool
) -> float:
    score = 0.3 + 0.25 * strong + 0.05 * odd + 0.1 * weak + 0.05 * extra_words
    score += 0.1 if head_kept else 0.0
    if every_word and strong == 0:
        score -= 0.1  # every word swapped for a common one: likely ordinary English
    return min(0.9, round(score, 2))
