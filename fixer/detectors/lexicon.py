"""The lexicon detector: exact (normalized) matches of curated garbles."""

from __future__ import annotations

from collections.abc import Container, Sequence

from fixer.lexicon import Lexicon
from fixer.matcher import Match, PhraseMatcher, Token
from fixer.model import Candidate, Severity
from fixer.prefilter import WordScan
from fixer.words import Normalizer

_CONFIDENCE = {3: 0.95, 2: 0.8, 1: 0.6}  # by severity: error, warning, info
_CONTEXT_CONFIDENCE = 0.75
_TOPIC_WAIVED_CONFIDENCE = 0.5


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
        return [_candidate(m) for m in self._matcher.matches(view, tokens)]

    def topic_waived(
        self, view: str, tokens: Sequence[Token], taken: Container[int] = ()
    ) -> list[Candidate]:
        """The matches of entries whose context holds only once the clauses that name a topic
        are waived ("captures" for "seizures" with no "epilepsy" nearby), for a document that
        reads as spun, on tokens not in ``taken``: at info severity, since the sense rests on
        the document alone."""
        return [
            _candidate(m)
            for m in self._matcher.matches(view, tokens, any_topic=True, taken=taken)
            if m.topic_waived
        ]


def _candidate(match: Match) -> Candidate:
    entry = match.entry
    kind = f"garbled {entry.category} term" if entry.medical else "spinner wording"
    if match.topic_waived:
        severity, confidence = Severity.INFO, _TOPIC_WAIVED_CONFIDENCE
    elif entry.context:
        severity, confidence = entry.severity, _CONTEXT_CONFIDENCE
    else:
        severity, confidence = entry.severity, _CONFIDENCE[entry.severity]
    return Candidate(
        first=match.first,
        last=match.last,
        corrections=entry.corrections,
        written=entry.garble,
        rule=entry.rule,
        entry_id=entry.id,
        detector="lexicon",
        category=entry.category,
        severity=severity,
        confidence=confidence,
        fix=entry.fix,
        message=f"{kind}; entry {entry.id}",
    )
