"""The value types that flow through fixer: severities, fix safety, entries and findings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property

from fixer.edits import Edit
from fixer.words import WORD_RE, possessives, verb_suffix


class Severity(IntEnum):
    """How bad a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


class FixSafety(IntEnum):
    """Whether a finding's fix may be applied; ordered ``NONE < UNSAFE < SAFE`` as in ruff."""

    NONE = 0
    UNSAFE = 1
    SAFE = 2

    @classmethod
    def parse(cls, name: str) -> FixSafety:
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


CATEGORIES: dict[str, str] = {
    "anatomy": "AN",
    "disease": "DI",
    "symptom": "SY",
    "test-imaging": "TE",
    "procedure": "PR",
    "drug": "DR",
    "research": "RS",
    "public-health": "PH",
    "general-wording": "GW",
}


@dataclass(frozen=True)
class Rule:
    """A stable rule code, as users select, ignore and look it up."""

    code: str
    name: str
    summary: str


#: Every detector, in order of precedence: where two propose overlapping spans, the first wins
#: unless a later one completes it (see ``fixer.engine.Checker._completes``).
DETECTORS = ("lexicon", "abbreviation", "reversal", "fuzzy")
#: The detector and category of findings about suppression directives (FX900, FX901).
SUPPRESSION = "suppression"
#: Entry ids that detectors make up for each finding start with these: "ABBR:CNS" (abbreviation
#: consistency), "REV:chest-pain" (synonym reversal).
ABBREVIATION_ID, READING_ID = "ABBR:", "REV:"

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("FX001", "tortured-phrase", "A garbled medical term from the curated lexicon."),
        Rule("FX002", "spinner-wording", "General wording typical of article spinners."),
        Rule(
            "FX101",
            "abbreviation-mismatch",
            "Words before a parenthesised abbreviation are a garbled form of its expansion.",
        ),
        Rule(
            "FX102",
            "synonym-reversal",
            "Words that read as a known medical term once known spinner swaps are undone.",
        ),
        Rule(
            "FX103",
            "near-miss",
            "A garble written together or slightly misspelt (run-together words, OCR slips).",
        ),
        Rule("FX900", "unused-suppression", "A fixer: ignore/disable comment suppresses nothing."),
        Rule(
            "FX901",
            "unknown-suppression-name",
            "A fixer: directive names no rule, category, detector or entry id.",
        ),
    )
}


@dataclass(frozen=True)
class ContextClause:
    """One condition on the words around a match (see ``lexicons/README.md``)."""

    kind: str  # before, after, near, doc, in, and the negations not_before … not_doc
    phrases: tuple[tuple[str, ...], ...]  # normalized words of each phrase

    @property
    def negated(self) -> bool:
        return self.kind.startswith("not_")

    @property
    def where(self) -> str:
        return self.kind.removeprefix("not_")

    @property
    def waived_when_spun(self) -> bool:
        """Whether a document that reads as spun waives the clause: a ``near`` or ``doc``
        clause asks that the text be about the entry's topic (whose words a spinner may have
        swapped too), and ``in:spun`` that it be spinner output; ``before`` and ``after``
        clauses and the negations say which sense of the words is meant, and always hold."""
        return not self.negated and self.where in ("near", "doc", "in")

    @cached_property
    def by_first_word(self) -> dict[str, list[tuple[str, ...]]]:
        """The phrases by their first word, to test a position by one lookup."""
        return _index_phrases(self.phrases, 0)

    @cached_property
    def by_last_word(self) -> dict[str, list[tuple[str, ...]]]:
        """The phrases by their last word."""
        return _index_phrases(self.phrases, -1)


def _index_phrases(
    phrases: tuple[tuple[str, ...], ...], position: int
) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[position], []).append(phrase)
    return index


@dataclass(frozen=True)
class Entry:
    """One lexicon row: a garbled phrase and the term it stands for."""

    id: str
    garble: str
    corrections: tuple[str, ...]
    category: str
    severity: Severity
    fix: FixSafety
    context: tuple[ContextClause, ...]
    context_text: str
    source: str
    example: str
    path: str
    line: int
    #: The garble as matched: (gap before the word, normalized word) pairs; see fixer.matcher.
    words: tuple[tuple[str | None, str], ...] = ()

    @cached_property
    def normal(self) -> tuple[str, ...]:
        """The garble's normalized words."""
        return tuple(word for _, word in self.words)

    @cached_property
    def verb_forms(self) -> tuple[tuple[int, str], ...]:
        """(word offset, "ing" or "ed") of each garble word written as a verb form, which the
        text must write so too (``fixer.matcher``: "life backing" is no "life back")."""
        written = WORD_RE.findall(self.garble)
        if len(written) != len(self.normal):
            return ()
        return tuple(
            (offset, suffix)
            for offset, (word, normal) in enumerate(zip(written, self.normal, strict=True))
            if (suffix := verb_suffix(word.lower(), normal))
        )

    @cached_property
    def inner_possessives(self) -> int:
        """How many possessives the entry writes before its last word, in its garble or its
        correction (``fixer.matcher``)."""
        phrases = (self.garble, self.corrections[0])
        return max(possessives(WORD_RE.findall(phrase)[:-1]) for phrase in phrases)

    @cached_property
    def sense_clauses(self) -> tuple[ContextClause, ...]:
        """The context clauses that say which sense of the words is meant: those a document
        that reads as spun never waives (``ContextClause.waived_when_spun``)."""
        return tuple(c for c in self.context if not c.waived_when_spun)

    @property
    def medical(self) -> bool:
        """Whether the entry garbles a medical term: every category but general wording."""
        return self.category != "general-wording"

    @property
    def rule(self) -> Rule:
        return RULES["FX001" if self.medical else "FX002"]


@dataclass(frozen=True)
class Candidate:
    """What a detector proposes: tokens ``first``..``last`` should read as ``corrections``.

    ``written`` is the garble as the corrections were written for (same number), so a plural in
    the text can be carried over to the correction. ``completes``: the shorter candidates that
    a longer reading replaced because it completes them (``Checker._completes``).
    """

    first: int
    last: int
    corrections: tuple[str, ...]
    written: str
    rule: Rule
    entry_id: str
    detector: str
    category: str
    severity: Severity
    confidence: float
    fix: FixSafety
    message: str
    completes: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A garbled span in a text, with what should stand there instead.

    ``start`` and ``end`` are code-point offsets into the text; ``edit_start``/``edit_end`` and
    ``replacement`` describe the fix for the first suggestion, which may reach a little beyond the
    span (an article "a"/"an" before it that must change too); ``alternatives`` those for the
    others (``edit`` gives each).
    """

    start: int
    end: int
    text: str
    #: The found words as a reader sees them, one space apart: no markup or line break between
    #: them ("white platelets" for ``white <em>platelets``). The allowlist is matched on it.
    phrase: str
    suggestions: tuple[str, ...]
    rule: Rule
    entry_id: str
    detector: str
    category: str
    severity: Severity
    confidence: float
    fix: FixSafety
    message: str
    edit_start: int
    edit_end: int
    replacement: str
    #: The findings this one completes (a longer reading over shorter lexicon findings): a fix
    #: that may not apply this one applies those of them it may ("fiery entrail ailment" is
    #: "inflammatory bowel disease", an unsafe reading; "entrail ailment" → "bowel disease" is
    #: safe).
    fallback: tuple[Finding, ...] = ()
    #: The edits that write ``suggestions[1:]`` as the first one is written (in place around
    #: markup and line breaks, the article before changed to suit); None for one whose words
    #: cannot keep the markup.
    alternatives: tuple[Edit | None, ...] = ()

    def edit(self, choice: int = 0) -> Edit | None:
        """The edit that writes suggestion ``choice`` as ``fixer fix`` writes the first, so that
        choosing another one (``fix -i``) corrupts no markup either. None for every suggestion
        of a report-only finding (``fix`` none), and for one that cannot be written in place."""
        if self.fix is FixSafety.NONE:
            return None
        if choice == 0:
            return Edit(self.edit_start, self.edit_end, self.replacement)
        return self.alternatives[choice - 1]

    @property
    def names(self) -> frozenset[str]:
        """What ``select``, ``ignore`` and suppression directives may call the finding."""
        return frozenset(
            (self.rule.code, self.rule.name, self.entry_id, self.category, self.detector)
        )
