"""The lexicon detector: exact (normalized) matches of curated garbles."""

from __future__ import annotations

from collections.abc import Sequence

from fixer.lexicon import Lexicon
from fixer.matcher import PhraseMatcher, Token
from fixer.model import Candidate, Entry
from fixer.prefilter import WordScan
from fixer.words import Normalizer

_CONFIDENCE = {3: 0.95, 2: 0.8, 1: 0.6}  # by severity: error, warning, info
_CONTEXT_CONFIDENCE = 0.75


class LexiconDetector:
    name = "lexicon"

    def __init__(self, lexicon: Lexicon, normalizer: Normalizer) -> None:
        self._matcher = PhraseMatcher(lexicon.entries, normalizer)

    def seeds(self, words: WordScan) -> list[int]:
        """Where a garble could start: a single-word garble, or a garble's first two words."""
        matcher = self._matcher
        firsts = words.normal_types & matcher.single_words
        firsts.update(first for first, _ in words.pairs & matcher.first_pairs)
        if not firsts:
            return []
        return words.offsets(matcher.possible_starts(words.normal, words.where(firsts)))

    def candidates(self, view: str, tokens: Sequence[Token]) -> list[Candidate]:
        return [_candidate(m.entry, m.first, m.last) for m in self._matcher.matches(view, tokens)]


def _candidate(entry: Entry, first: int, last: int) -> Candidate:
    kind = (
        "spinner wording"
        if entry.category == "general-wording"
        else f"garbled {entry.category} term"
    )
    return Candidate(
        first=first,
        last=last,
        corrections=entry.corrections,
        written=entry.garble,
        rule=entry.rule,
        entry_id=entry.id,
        detector="lexicon",
        category=entry.category,
        severity=entry.severity,
        confidence=_CONTEXT_CONFIDENCE if entry.context else _CONFIDENCE[entry.severity],
        fix=entry.fix,
        message=f"{kind}; entry {entry.id}",
    )
