"""Abbreviation consistency: spinners rewrite words but leave abbreviations alone.

In "central tangible framework (CNS)" the words before the parenthesis no longer spell out the
abbreviation's expansion, "central nervous system". This detector aligns those words with each
known expansion (``lexicons/abbreviations.tsv``) word by word: a word is identical to the
expansion's word, a known spinner swap of it (``lexicons/swaps.tsv``), or unknown. It flags a span
that aligns through at least one swap with at most one unknown word, and never one that spells out
any known expansion of the same letters (so "dystrophia myotonica (DM)" is left alone).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fixer.cache import cached
from fixer.data import lexicon_dir, read_tsv
from fixer.inflect import default_article_rules, is_plural, singular_words
from fixer.matcher import Token, gap_kind
from fixer.model import ABBREVIATION_ID, RULES, Candidate, FixSafety, Severity
from fixer.patterns import function_words
from fixer.prefilter import WordScan
from fixer.thesaurus import Thesaurus, Words, default_thesaurus
from fixer.words import (
    WORD_RE,
    Normalizer,
    default_normalizer,
    normalization_tables,
    verb_suffix,
)

_PAREN_RE = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9-]{0,11}?)(s?)\s*\)")
_MAX_SWAP_WORDS = 3


@dataclass(frozen=True)
class Expansion:
    abbreviation: str
    text: str
    words: Words  # normalized


def load_abbreviations(path: Path, normalizer: Normalizer) -> dict[str, list[Expansion]]:
    table: dict[str, list[Expansion]] = defaultdict(list)
    for number, fields in read_tsv(path):
        if fields[0] == "abbreviation":
            continue
        if len(fields) < 2 or not fields[1].strip():
            raise ValueError(f"{path}:{number}: expected abbreviation and expansion")
        abbreviation, expansion = fields[0].strip(), fields[1].strip()
        table[abbreviation].append(Expansion(abbreviation, expansion, normalizer.phrase(expansion)))
    return dict(table)


@cache
def default_abbreviations() -> dict[str, list[Expansion]]:
    path = lexicon_dir() / "abbreviations.tsv"

    def build() -> dict[str, list[list[object]]]:
        table = load_abbreviations(path, default_normalizer())
        return {k: [[e.text, list(e.words)] for e in v] for k, v in table.items()}

    def restore(data: dict[str, list[list]]) -> dict[str, list[Expansion]]:
        return {k: [Expansion(k, text, tuple(words)) for text, words in v] for k, v in data.items()}

    return cached("abbreviations", [path, *normalization_tables()], build, restore)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Alignment:
    identical: int
    swaps: tuple[tuple[int, int, Words], ...]  # (first window word, count, original words)
    unknown: tuple[int, ...]  # window word indexes

    @property
    def score(self) -> tuple[int, int]:
        return (-len(self.unknown), self.identical + sum(len(o) for _, _, o in self.swaps))


def align(window: Words, expansion: Words, thesaurus: Thesaurus) -> Alignment | None:
    """The best word-by-word alignment of a window with an expansion, consuming both."""

    @cache
    def best(i: int, j: int) -> Alignment | None:
        if i == len(window) and j == len(expansion):
            return Alignment(0, (), ())
        options = []
        if i < len(window) and j < len(expansion):
            rest = best(i + 1, j + 1)
            if rest is not None:
                if window[i] == expansion[j]:
                    options.append(Alignment(rest.identical + 1, rest.swaps, rest.unknown))
                else:
                    options.append(Alignment(rest.identical, rest.swaps, (i, *rest.unknown)))
        for a in range(1, _MAX_SWAP_WORDS + 1):
            for b in range(1, _MAX_SWAP_WORDS + 1):
                if i + b > len(window) or j + a > len(expansion):
                    continue
                original, spun = expansion[j : j + a], window[i : i + b]
                if original != spun and thesaurus.is_swap(original, spun):
                    rest = best(i + b, j + a)
                    if rest is not None:
                        options.append(
                            Alignment(rest.identical, ((i, b, original), *rest.swaps), rest.unknown)
                        )
        return max(options, key=lambda o: o.score, default=None)

    return best(0, 0)


class AbbreviationDetector:
    name = "abbreviation"

    def __init__(
        self,
        normalizer: Normalizer,
        table: dict[str, list[Expansion]] | None = None,
        thesaurus: Thesaurus | None = None,
    ) -> None:
        """Without ``table`` and ``thesaurus`` the shipped ones load on first use, so a text
        without a parenthesised abbreviation never pays for them."""
        self.normalizer = normalizer
        self._table = table
        self._thesaurus = thesaurus

    @property
    def table(self) -> dict[str, list[Expansion]]:
        if self._table is None:
            self._table = default_abbreviations()
        return self._table

    @property
    def thesaurus(self) -> Thesaurus:
        if self._thesaurus is None:
            self._thesaurus = default_thesaurus()
        return self._thesaurus

    def seeds(self, words: WordScan) -> list[int]:
        """Just before each parenthesised abbreviation with known expansions, unless no word
        stands right before it or the words there spell out one of its expansions (most
        definitions in real text are correct, and ``_check`` leaves those alone)."""
        seeds = []
        for match, expansions in self._defined(words.view):
            last = _word_ending_before(words, match.start())
            if last is not None and not _spelt_out(words, last, expansions):
                seeds.append(match.start() - 1)
        return seeds

    def _defined(self, view: str) -> Iterator[tuple[re.Match[str], list[Expansion]]]:
        for match in _PAREN_RE.finditer(view):
            letters = match.group(1)
            expansions = self.table.get(letters) or self.table.get(letters + match.group(2))
            if expansions and sum(c.isupper() for c in letters) >= 2:
                yield match, expansions

    def candidates(self, view: str, tokens: Sequence[Token]) -> list[Candidate]:
        found = []
        ends = [t.end for t in tokens]
        for match, expansions in self._defined(view):
            last = _token_ending_before(view, tokens, ends, match.start())
            if last is not None:
                candidate = self._check(view, tokens, last, expansions)
                if candidate:
                    found.append(candidate)
        return found

    def _check(
        self, view: str, tokens: Sequence[Token], last: int, expansions: list[Expansion]
    ) -> Candidate | None:
        longest = max(len(e.words) for e in expansions) + 1
        first_possible = last
        while (
            first_possible > 0
            and last - first_possible + 1 < longest
            and tokens[first_possible - 1].gap == ""
        ):
            first_possible -= 1
        words = tuple(t.normal for t in tokens[first_possible : last + 1])
        if _spells_out(words, expansions):
            return None
        best: tuple[tuple[int, int, int, int], Expansion, int, Alignment] | None = None
        for expansion in expansions:
            size = len(expansion.words)
            for count in range(max(1, size - 1), min(size + 1, len(words)) + 1):
                window = words[-count:]
                alignment = align(window, expansion.words, self.thesaurus)
                if alignment is None or not _suspicious(alignment, size):
                    continue
                # Of equal readings, the expansion that shares most words with the text: "copy
                # number variation (CNV)" is not "copy number variant"; then the one whose
                # last word takes the text's verb form: "chorionic villus examining (CVS)" is
                # "chorionic villus sampling", not "sample".
                key = (
                    *alignment.score,
                    -abs(count - size),
                    alignment.identical,
                    self._same_form(view, tokens[last], expansion),
                )
                if best is None or key > best[0]:
                    best = (key, expansion, count, alignment)
        if best is None:
            return None
        _, expansion, count, alignment = best
        first = last - count + 1
        # A function word read as the unknown word that stands for the expansion's first word
        # ("the" in "invade the anxious framework (CNS)") stays before the expansion.
        lead = int(0 in alignment.unknown and words[-count] in function_words())
        return self._candidate(view, tokens, first, last, expansion, alignment, lead)

    def _same_form(self, view: str, token: Token, expansion: Expansion) -> bool:
        """Whether the expansion's last word is written in the verb form ("-ing", "-ed", or
        neither) of the word before the abbreviation."""
        written = view[token.start : token.end].lower()
        last = expansion.text.split(" ")[-1].lower()
        return verb_suffix(written, token.normal) == verb_suffix(last, expansion.words[-1])

    def _candidate(
        self,
        view: str,
        tokens: Sequence[Token],
        first: int,
        last: int,
        expansion: Expansion,
        alignment: Alignment,
        lead: int = 0,
    ) -> Candidate:
        """The candidate of an alignment of tokens ``first..last``, whose first ``lead`` words
        are kept before the expansion ("the central nervous system"; "an anxious framework"
        becomes "a central nervous system")."""
        surfaces = [view[t.start : t.end] for t in tokens[first : last + 1]]
        reasons = [
            f"'{' '.join(surfaces[i : i + n])}' is a spinner swap of '{' '.join(original)}'"
            for i, n, original in alignment.swaps
        ]
        confidence = min(0.9, 0.55 + 0.15 * len(alignment.swaps) - 0.1 * len(alignment.unknown))
        correction = self._as_written(expansion, surfaces, alignment)
        if lead:
            kept = surfaces[0]
            if kept.lower() in ("a", "an"):
                article = default_article_rules().article_for(correction.split(" ")[0])
                kept = article if kept.islower() else article.capitalize()
            correction = f"{kept} {correction}"
        return Candidate(
            first=first,
            last=last,
            corrections=(correction,),
            written=singular_words(surfaces, self.normalizer),
            rule=RULES["FX101"],
            entry_id=ABBREVIATION_ID + expansion.abbreviation,
            detector=self.name,
            category="abbreviation",
            severity=Severity.WARNING,
            confidence=round(confidence, 2),
            fix=FixSafety.UNSAFE,
            message=f"({expansion.abbreviation}) stands for {expansion.text}; "
            + "; ".join(reasons),
        )

    def _as_written(self, expansion: Expansion, surfaces: list[str], alignment: Alignment) -> str:
        """The expansion, each word the text writes as the expansion does (an identical word,
        not a swap) written as the text writes it where the text does not inflect it: "Crohn's
        wildness (CD)" reads as "Crohn's disease" (the table also writes "crohn disease"),
        "Hardy-Weinberg composure (HWE)" as "Hardy-Weinberg equilibrium", "cesarean paragraph
        (CS)" as "cesarean section". (The case pattern of the text, "White Platelets (WBCs)"
        in a heading, is applied later.) An inflected word of the text is written as the
        expansion writes it ("frameworks" is "system": number is matched later), and so is a
        verb form the expansion writes ("activate lignite (AC)" is "activated charcoal")."""
        spans = [match.span() for match in WORD_RE.finditer(expansion.text)]
        if len(spans) != len(expansion.words):
            return expansion.text
        text, shift = expansion.text, 0
        uninflected = self.normalizer.uninflected
        for offset, place in _identical(alignment, len(surfaces)):
            surface = surfaces[offset]
            start, end = spans[place]
            written = expansion.text[start:end]
            if not uninflected(surface) or (
                not uninflected(written) and not is_plural(written, self.normalizer)
            ):
                continue  # a form the expansion writes on purpose: "activated charcoal"
            text = text[: start + shift] + surface + text[end + shift :]
            shift += len(surface) - (end - start)
        return text


def _identical(alignment: Alignment, size: int) -> Iterator[tuple[int, int]]:
    """(window word, expansion word) of each pair an alignment of a window of ``size`` words
    reads as identical."""
    swaps = {first: (count, len(original)) for first, count, original in alignment.swaps}
    window = expansion = 0
    while window < size:
        if window in swaps:
            count, original = swaps[window]
            window, expansion = window + count, expansion + original
            continue
        if window not in alignment.unknown:
            yield window, expansion
        window, expansion = window + 1, expansion + 1


def _suspicious(alignment: Alignment, size: int) -> bool:
    allowed_unknown = 0 if size <= 2 else 1
    return bool(alignment.swaps) and len(alignment.unknown) <= allowed_unknown


def _word_ending_before(words: WordScan, paren: int) -> int | None:
    """``_token_ending_before`` on a scanned view: the index of the word right before an
    opening parenthesis (only spaces between)."""
    index = bisect.bisect_right(words.starts, paren) - 1
    if index < 0:
        return None
    end = words.starts[index] + len(words.surface[index])
    return index if _spaces_only(words.view, end, paren) else None


def _spelt_out(words: WordScan, last: int, expansions: list[Expansion]) -> bool:
    """``_spells_out`` for the scanned words ending at ``last``, taken as ``_check`` takes its
    tokens: joined as one phrase's words, as many as the longest expansion."""
    longest = max(len(e.words) for e in expansions)
    first = last
    while first > 0 and last - first + 1 < longest and gap_kind(words.gaps[first - 1]) == "":
        first -= 1
    return _spells_out(tuple(words.normal[first : last + 1]), expansions)


def _spells_out(words: Words, expansions: list[Expansion]) -> bool:
    """Whether the words right before a parenthesis end with one of its expansions: a correct
    definition of any expansion of the letters is never flagged."""
    return any(words[-len(e.words) :] == e.words for e in expansions if len(e.words) <= len(words))


def _token_ending_before(
    view: str, tokens: Sequence[Token], ends: list[int], paren: int
) -> int | None:
    """The index of the word right before an opening parenthesis (only spaces between)."""
    index = bisect.bisect_right(ends, paren) - 1
    if index < 0 or not _spaces_only(view, tokens[index].end, paren):
        return None
    return index


def _spaces_only(view: str, start: int, end: int) -> bool:
    return not view[start:end].strip(" \t\u00a0")
