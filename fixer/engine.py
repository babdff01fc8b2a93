"""The core: text → findings, and text → fixed text. The CLI and the Python API both call this."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

from fixer.cache import bulk_loading
from fixer.config import SEVERITIES, Settings, known_names, resolve_selectors, selected
from fixer.detectors.abbreviations import AbbreviationDetector
from fixer.detectors.fuzzy import FuzzyDetector
from fixer.detectors.lexicon import LexiconDetector
from fixer.detectors.reversal import (
    REPORT_FROM,
    SPUN_DOCUMENTED_FROM,
    Documented,
    ReversalDetector,
)
from fixer.edits import Edit, apply_edits, position_before
from fixer.inflect import (
    ArticleRules,
    apply_case,
    case_pattern,
    default_article_rules,
    match_number,
    match_verb_form,
    verb_form_lost,
)
from fixer.lexicon import Lexicon, builtin_files, builtin_lexicon, load_lexicon
from fixer.markup import as_written, prose_view, skip_parts, syntax_named, unfixable_spans
from fixer.matcher import Token, tokenize, tokenize_regions
from fixer.model import DETECTORS, SUPPRESSION, Candidate, Finding, FixSafety
from fixer.prefilter import Regions, WordScan, scan_words
from fixer.suppress import apply_suppressions
from fixer.words import (
    HYPHENS,
    POSSESSIVE,
    WORD_RE,
    Normalizer,
    default_normalizer,
    english_words,
    holds_run,
    possessives,
)

#: A fix pass can bring two words together into a new garble; passes repeat until nothing
#: changes, up to this many times (as ruff does).
MAX_FIX_PASSES = 10
#: A document reads as spun when it has at least this many findings, and this many per 1,000
#: words; synonym reversal then also reports its weaker readings (``SPUN_REPORT_FROM`` and
#: ``SPUN_DOCUMENTED_FROM``).
SPUN_FINDINGS, SPUN_FINDINGS_PER_1000_WORDS = 3, 5


def _placed(candidate: Candidate, tokens: Sequence[Token], index: dict[int, int]) -> Candidate:
    """A candidate over ``tokens`` moved to a larger token list, given as where each of its
    tokens starts (``index``: start offset → position)."""
    first, last = index[tokens[candidate.first].start], index[tokens[candidate.last].start]
    completes = tuple(_placed(c, tokens, index) for c in candidate.completes)
    return dataclasses.replace(candidate, first=first, last=last, completes=completes)


def looks_spun(view: str, findings: int) -> bool:
    """Whether a document with this many findings reads as spinner output: clean prose has
    almost none, a spun article dozens."""
    if findings < SPUN_FINDINGS:
        return False
    return findings * 1000 >= SPUN_FINDINGS_PER_1000_WORDS * len(WORD_RE.findall(view))


@dataclass(frozen=True)
class FixResult:
    text: str
    fixed: tuple[Finding, ...]
    #: Whether the text as given read as spun (``looks_spun``). What a fix leaves is checked as
    #: spun too (``Checker.examine``): fixing the garbles does not make a spun article clean
    #: prose, and its weaker readings must still be reported.
    spun: bool = False
    #: The edits each pass applied, each in the text that pass read.
    passes: tuple[tuple[Edit, ...], ...] = ()

    def position_before(self, position: int) -> int:
        """Where a position of the fixed text stood in the text as given (inside a
        replacement: where the text it replaced started)."""
        for applied in reversed(self.passes):
            position = position_before(position, applied)
        return position


@dataclass(frozen=True)
class Examined:
    """A text's findings, and whether the text was read as spun (``looks_spun``)."""

    findings: list[Finding]
    spun: bool


class Detector(Protocol):
    name: str

    def seeds(self, words: WordScan) -> list[int]: ...

    def candidates(self, view: str, tokens: Sequence[Token]) -> list[Candidate]: ...


class Checker:
    """Detectors over a compiled lexicon, ready to check and fix texts."""

    def __init__(
        self,
        lexicon: Lexicon,
        detectors: Sequence[str] = DETECTORS,
        normalizer: Normalizer | None = None,
        articles: ArticleRules | None = None,
        settings: Settings | None = None,
        prefilter: bool = True,
    ) -> None:
        """``prefilter=False`` shows every detector the whole text (slower, same findings). A
        ``select`` or ``ignore`` name in ``settings`` that names nothing in this lexicon raises
        ``SelectorError`` (a ``ValueError``)."""
        self.lexicon = lexicon
        self.prefilter = prefilter
        self.names = known_names(entry.id for entry in lexicon.entries)
        self.settings = settings if settings is None else resolve_selectors(settings, self.names)
        self.normalizer = normalizer or default_normalizer()
        self.articles = articles or default_article_rules()
        self.detectors: list[Detector] = [self._detector(name) for name in detectors]
        #: The last view asked about and whether it spells the British way (a cache).
        self._british_view: tuple[str, bool] | None = None

    @cached_property
    def documented(self) -> Documented:
        """What the lexicon's medical entries document of spinners: in a spun document,
        synonym reversal reports weaker readings that undo such rewordings
        (``SPUN_DOCUMENTED_FROM``)."""
        return Documented.of(self.lexicon, self.normalizer)

    def _detector(self, name: str) -> Detector:
        if name == "lexicon":
            return LexiconDetector(self.lexicon, self.normalizer)
        if name == "abbreviation":
            return AbbreviationDetector(self.normalizer)
        if name == "reversal":
            return ReversalDetector(self.normalizer)
        if name == "fuzzy":
            return FuzzyDetector(self.lexicon, self.normalizer)
        raise ValueError(f"unknown detector {name!r}")

    def check(self, text: str, syntax: str = "text") -> list[Finding]:
        """All findings in ``text``, in order of position (``examine``)."""
        return self.examine(text, syntax).findings

    def examine(self, text: str, syntax: str = "text", spun: bool | None = None) -> Examined:
        """All findings in ``text``, in order of position. Where the reported findings make the
        document read as spun (``looks_spun``), or ``spun`` says it is (the text a fix left of
        a spun one), the readings such a document earns join them (``_with_spun_readings``).
        A finding in prose that no fix may change (``unfixable_spans``) is only reported.
        ``syntax`` is read by ``syntax_named`` ("md" is Markdown)."""
        syntax = syntax_named(syntax)
        view = prose_view(text, syntax)
        if self.settings is not None and self.settings.skip:
            view = skip_parts(text, view, self.settings.skip, syntax)
        tokens, proposed = self._propose(view)
        taken = self._standing(text, view, syntax, tokens, proposed)
        findings = self._reported(text, syntax, view, tokens, taken)
        if spun is None:
            spun = looks_spun(view, sum(1 for f in findings if f.detector != SUPPRESSION))
        if spun:
            tokens, taken = self._with_spun_readings(view, tokens, taken)
            findings = self._reported(text, syntax, view, tokens, taken)
        return Examined(_report_only(findings, unfixable_spans(text, syntax)), spun)

    def _reported(
        self, text: str, syntax: str, view: str, tokens: Sequence[Token], taken: list[Candidate]
    ) -> list[Finding]:
        """The findings of the candidates that stand, less those suppressed in the text or left
        out by the settings."""
        found = [self._finding(text, view, syntax, tokens, c) for c in taken]
        findings = apply_suppressions(text, syntax, found, self.names)
        if self.settings is not None:
            findings = [f for f in findings if selected(f, self.settings, self.normalizer)]
        return findings

    def _standing(
        self,
        text: str,
        view: str,
        syntax: str,
        tokens: Sequence[Token],
        proposed: list[Candidate],
    ) -> list[Candidate]:
        """The candidates that stand, in order of position: where spans overlap the earlier
        proposal wins, unless a later one completes it (``_completes``) and the settings would
        keep the completion as it would be reported: as severe as what it completes, so that
        ``min-severity`` does not swap an error for a shorter one ("fiery entrail ailment")."""
        taken = _Taken()
        for candidate in proposed:
            overlapping = taken.overlapping(candidate)
            if not overlapping:
                taken.add(candidate)
                continue
            earlier = list(overlapping.values())
            if not self._completes(candidate, earlier, tokens):
                continue
            completed = _completed(candidate, earlier)
            if self.settings is None or selected(
                self._finding(text, view, syntax, tokens, completed),
                self.settings,
                self.normalizer,
            ):
                taken.remove(overlapping)
                taken.add(completed)
        return taken.in_order()

    def _with_spun_readings(
        self, view: str, tokens: Sequence[Token], taken: list[Candidate]
    ) -> tuple[list[Token], list[Candidate]]:
        """The whole view's tokens, and the candidates that stand with the readings a document
        that reads as spun earns, added where nothing stands yet (they never replace a
        finding), detector by detector in order of precedence: lexicon entries whose context
        holds once its topic clauses are waived, and synonym reversal's weaker readings. The
        whole view is read again, not only the seeded regions, so that prefiltering changes
        nothing here either. The view was scanned for the first reading: its tokens are made
        from the scan's words, as the seeded regions' were, not split and normalized again."""
        whole = tokenize_regions(scan_words(view, self.normalizer), [(0, len(view))])
        index = {token.start: i for i, token in enumerate(whole)}
        standing = [_placed(c, tokens, index) for c in taken]
        occupied = {k for c in standing for k in range(c.first, c.last + 1)}
        for detector in self.detectors:
            if isinstance(detector, LexiconDetector):
                readings = detector.topic_waived(view, whole, occupied)
            elif isinstance(detector, ReversalDetector):
                readings = [
                    c
                    for c in detector.candidates(view, whole, SPUN_DOCUMENTED_FROM, self.documented)
                    if c.confidence < REPORT_FROM
                ]
            else:
                continue
            added = [
                dataclasses.replace(c, message=c.message + "; the document reads as spun")
                for c in readings
                if occupied.isdisjoint(range(c.first, c.last + 1))
            ]
            standing += added
            occupied.update(k for c in added for k in range(c.first, c.last + 1))
        return whole, sorted(standing, key=lambda c: c.first)

    def _propose(self, view: str) -> tuple[list[Token], list[Candidate]]:
        """The tokens looked at, and every detector's candidates over them, detector by detector
        in order of precedence. Each detector sees only the regions it seeded (see
        ``fixer.prefilter``); its candidates are then placed in the common token list."""
        if not self.prefilter:
            tokens = tokenize(view, self.normalizer)
            return tokens, [c for d in self.detectors for c in d.candidates(view, tokens)]
        words = scan_words(view, self.normalizer)
        seeds = [(detector, detector.seeds(words)) for detector in self.detectors]
        if not any(offsets for _, offsets in seeds):
            return [], []
        regions = Regions(view)
        wanted = [(detector, regions.around(offsets)) for detector, offsets in seeds]
        tokens = tokenize_regions(words, (r for _, own in wanted for r in own))
        starts = [token.start for token in tokens]
        index = {start: i for i, start in enumerate(starts)}
        proposed = []
        for detector, own in wanted:
            seen = [
                token
                for low, high in own
                for token in tokens[bisect.bisect_left(starts, low) : bisect.bisect(starts, high)]
            ]
            if seen:
                proposed += [_placed(c, seen, index) for c in detector.candidates(view, seen)]
        return tokens, proposed

    def fix(self, text: str, syntax: str = "text", unsafe: bool = False) -> FixResult:
        """Apply every fix at or above the chosen safety, repeating until nothing changes.

        A text that reads as spun is read so in every pass until they change nothing
        (``FixResult.spun``); then, as in any other text, each pass judges its own text
        (``looks_spun``) until nothing changes, as a later run would, so that ``fix`` is
        idempotent."""
        least = FixSafety.UNSAFE if unsafe else FixSafety.SAFE
        fixed: list[Finding] = []
        passes: list[tuple[Edit, ...]] = []
        spun: bool | None = None  # judged on the text as given
        settled = False  # the passes read as spun changed nothing more
        for _ in range(MAX_FIX_PASSES):
            examined = self.examine(text, syntax, None if settled or not spun else True)
            if spun is None:
                spun = examined.spun
            edits = {
                Edit(f.edit_start, f.edit_end, f.replacement): f
                for f in applicable(examined.findings, least)
            }
            new_text, applied = apply_edits(text, edits)
            if new_text == text:
                if settled or not spun:
                    break
                settled = True
                continue
            fixed.extend(edits[edit] for edit in applied)
            passes.append(tuple(applied))
            text = new_text
        return FixResult(text, tuple(fixed), bool(spun), tuple(passes))

    def _completes(
        self, candidate: Candidate, earlier: list[Candidate], tokens: Sequence[Token]
    ) -> bool:
        """Whether a later detector's candidate reads a longer span whose correction holds the
        earlier corrections it covers and changes more: "peevish gut disorder" → "irritable
        bowel syndrome" over the lexicon's "peevish gut" → "irritable bowel". An earlier
        correction counts as held if any of its alternatives is ("inconvenience dozing" →
        "difficulty sleeping" over "inconvenience" → "trouble" or "difficulty"). (Where the
        longer reading only repeats the earlier fixes, they stay, with their safety.)"""
        phrase = self.normalizer.phrase
        words = phrase(candidate.corrections[0])
        held: dict[int, tuple[str, ...]] = {}
        for c in earlier:
            if not (
                candidate.first <= c.first
                and c.last <= candidate.last
                and (c.first, c.last) != (candidate.first, candidate.last)
            ):
                return False
            alternatives = (phrase(correction) for correction in c.corrections)
            found = next((a for a in alternatives if holds_run(words, a)), None)
            if found is None:
                return False
            held[c.first] = found
        fixed_earlier: list[str] = []
        index = candidate.first
        for c in sorted(earlier, key=lambda c: c.first):
            fixed_earlier += [t.normal for t in tokens[index : c.first]]
            fixed_earlier += held[c.first]
            index = c.last + 1
        fixed_earlier += [t.normal for t in tokens[index : candidate.last + 1]]
        return tuple(fixed_earlier) != words

    def _finding(
        self, text: str, view: str, syntax: str, tokens: Sequence[Token], candidate: Candidate
    ) -> Finding:
        """The finding of a candidate, its suggestions written as the syntax holds them
        (``as_written``), ready to go into the text."""
        start, end = tokens[candidate.first].start, tokens[candidate.last].end
        found = text[start:end]
        span = tokens[candidate.first : candidate.last + 1]
        words = " ".join(text[t.start : t.end] for t in span)
        case = case_pattern(words, _line(view, start, end))
        corrections = self._in_documents_spelling(candidate.corrections, view)
        suggestions = tuple(
            as_written(self._shape(c, candidate.written, words, case), syntax) for c in corrections
        )
        in_place = [keep_gaps(text, span, suggestion) for suggestion in suggestions]
        # A possessive inside the span ("white platelet's count") has no place in the correction.
        inner = WORD_RE.findall(words)[:-1]
        keeps_words = possessives(inner) <= possessives(WORD_RE.findall(candidate.written))
        # A verb form the correction cannot take ("dispensed with" → "get rid of") is shown only.
        fits = not verb_form_lost(corrections[0], candidate.written, words, self.normalizer)
        fix = candidate.fix if in_place[0] is not None and keeps_words and fits else FixSafety.NONE
        edit = self._edit(text, tokens, candidate, in_place[0] or suggestions[0], case)
        return Finding(
            start=start,
            end=end,
            text=found,
            phrase=words,
            suggestions=suggestions,
            rule=candidate.rule,
            entry_id=candidate.entry_id,
            detector=candidate.detector,
            category=candidate.category,
            severity=candidate.severity,
            confidence=candidate.confidence,
            fix=fix,
            message=candidate.message,
            edit_start=edit.start,
            edit_end=edit.end,
            replacement=edit.replacement,
            fallback=tuple(
                self._finding(text, view, syntax, tokens, c) for c in candidate.completes
            ),
            alternatives=tuple(
                None if placed is None else self._edit(text, tokens, candidate, placed, case)
                for placed in in_place[1:]
            ),
        )

    def _in_documents_spelling(self, corrections: tuple[str, ...], view: str) -> tuple[str, ...]:
        """The corrections, with the one spelt as the document spells first among those that
        differ only in spelling: "diarrhoea" in a document that writes "haemoglobin" and
        "colour", "diarrhea" elsewhere (``BRITISH_FROM``)."""
        if len(corrections) < 2:
            return corrections
        first = self.normalizer.phrase(corrections[0])
        same = [c for c in corrections if self.normalizer.phrase(c) == first]
        if len(same) < 2:
            return corrections
        # Told once a view: a document may hold hundreds of such findings.
        known = self._british_view
        if known is None or known[0] is not view:
            known = (view, _british_words(view, self.normalizer) >= BRITISH_FROM)
            self._british_view = known
        british = known[1]
        chosen = next(
            (c for c in same if bool(_british_words(c, self.normalizer)) == british), same[0]
        )
        return (chosen, *(c for c in corrections if c != chosen))

    def _edit(
        self, text: str, tokens: Sequence[Token], candidate: Candidate, placed: str, case: str
    ) -> Edit:
        """The edit that puts ``placed`` (a suggestion, with the markup kept) over the
        candidate's span, and over the article before it when that must change too (``case``:
        the found words' case pattern)."""
        start, replacement = self._with_article(text, tokens, candidate.first, placed, case)
        return Edit(start, tokens[candidate.last].end, replacement)

    def _shape(self, correction: str, garble: str, found: str, case: str) -> str:
        """Fit a correction to the found text: its number, its case pattern (``case``), and
        the very spelling of any word the two share ("leukaemia" stays British)."""
        fitted = match_verb_form(correction, garble, found, self.normalizer)
        shaped = apply_case(match_number(fitted, garble, found, self.normalizer), case)
        garble_words = set(WORD_RE.findall(garble))

        def writers(written: str, word: str) -> str:
            """``word`` (shaped) in the writer's form where the garble has it, part by part in
            a hyphenated word ("Diffuse large B-cell lymphoma" keeps the text's "B")."""
            if written in garble_words:
                return self._writers_form(word, found)
            parts, shaped_parts = _HYPHENATED.split(written), _HYPHENATED.split(word)
            if len(parts) == 1 or len(parts) != len(shaped_parts):
                return word
            return "".join(  # the words, and the hyphens between them as they are
                self._writers_form(s, found) if k % 2 == 0 and p in garble_words else s
                for k, (p, s) in enumerate(zip(parts, shaped_parts, strict=True))
            )

        words = [
            writers(written, word)
            for written, word in zip(correction.split(" "), shaped.split(" "), strict=False)
        ]
        suffix = _possessive(found, garble)
        if suffix and not words[-1].lower().endswith(suffix.lower()):
            words[-1] += suffix  # "the white platelet's role": the role stays the cells'
        return " ".join(words)

    def _writers_form(self, word: str, found: str) -> str:
        """The found text's own form of a word that the garble and the correction share
        verbatim, keeping the writer's spelling and inflection ("leukaemia", "holds"). The
        word may stand elsewhere in the correction than in the text: it takes the capital that
        ``word`` (the correction's word, in the found text's case pattern) has where it stands
        ("Considering all things" → "All things considered"), and loses the one the text gives
        the first word of a sentence ("Blood hankies" → "Tissue of the blood"). Other capitals
        are the writer's ("helper T cell", "early Parkinson disease", "LEUKAEMIA")."""
        normal = self.normalizer.normal
        words = WORD_RE.findall(found)
        same = [i for i, w in enumerate(words) if normal(w) == normal(word)]
        if len(same) != 1:
            return word
        form = words[same[0]]
        if len(form) > 1 and form[1:] == form[1:].lower():
            if word[:1].isupper():
                form = form[0].upper() + form[1:]
            elif same[0] == 0:
                form = form[0].lower() + form[1:]
        return form

    def _with_article(
        self, text: str, tokens: Sequence[Token], first: int, suggestion: str, case: str
    ) -> tuple[int, str]:
        """Extend the edit over a preceding "a"/"an" that the suggestion needs changed, written
        in the case of the article, or of the found words (``case``) when it is the one letter
        "A" ("A PEEVISH GUT" → "AN IRRITABLE BOWEL")."""
        start = tokens[first].start
        if first and tokens[first - 1].gap == "":
            article_start, article_end = tokens[first - 1].start, tokens[first - 1].end
            letter = _names_a_kind(text, tokens, first, case)
        else:  # the term may open a link's text, a quotation or a parenthesis
            opened = _ARTICLE_BEFORE_OPENING.search(text, max(0, start - _LOOK_BACK), start)
            if opened is None:
                return start, suggestion
            article_start, article_end = opened.span(1)
            before = max(0, article_start - _LOOK_BACK)
            letter = case == "lower" and bool(_WORD_BEFORE.search(text, before, article_start))
        written = text[article_start:article_end]
        if written.lower() not in ("a", "an") or (written == "A" and letter):
            return start, suggestion
        words = suggestion.split()
        wanted = self.articles.article_for(words[0]) if words else written.lower()
        if wanted == written.lower():
            return start, suggestion
        if written.isupper() and (len(written) > 1 or case == "upper"):
            wanted = wanted.upper()
        elif written[0].isupper():
            wanted = wanted.capitalize()
        return article_start, wanted + text[article_end:start] + suggestion


#: A document spells the British way from this many British spellings of English words on.
BRITISH_FROM = 2


def _british_words(text: str, normalizer: Normalizer) -> int:
    """How many words of ``text`` are British spellings of English words, as the spelling
    rules tell them on lemmas ("haemoglobin", "colours", "organised"; not "exercise", whose
    "-ize" form is no word, nor "counselling", whose lemma is "counsel" either way)."""
    english = english_words()
    count = 0
    for word in WORD_RE.findall(text.lower()):
        lemma = normalizer.lemma(word)
        american = normalizer.spelling.americanize(lemma)
        count += american != lemma and american in english
    return count


def applicable(findings: Iterable[Finding], least: FixSafety) -> list[Finding]:
    """The findings a fix at safety ``least`` applies: each one that safe, or else those of
    the findings it completes (``Finding.fallback``) that are."""
    return [
        applied
        for finding in findings
        for applied in ((finding,) if finding.fix >= least else finding.fallback)
        if applied.fix >= least
    ]


def _line(view: str, start: int, end: int) -> str:
    """The prose of the line (or lines) that ``view[start:end]`` stands on."""
    line_end = view.find("\n", end)
    return view[view.rfind("\n", 0, start) + 1 : len(view) if line_end < 0 else line_end]


#: An "a"/"an" before a term that opens a link's text, a quotation or a parenthesis ("an
#: [aspiratory embolism](x.md)", 'an "aspiratory embolism"'), or emphasis that plain text
#: writes out ("an _aspiratory embolism_"): white space (one line break at most), the opening
#: mark, and any emphasis, up to the term.
_ARTICLE_BEFORE_OPENING = re.compile(
    rf"(?<![\w'\u2019{re.escape(HYPHENS)}])(an?)"
    r"(?:[ \t\u00a0]*(?:\r\n|\r|\n)?[ \t\u00a0]*[\[(\"'\u201c\u2018][*_]*"
    r"|(?:[ \t\u00a0]+|[ \t\u00a0]*(?:\r\n|\r|\n)[ \t\u00a0]*)[*_]+)\Z",  # "a_b" is one word
    re.I,
)
#: A word's hyphens, kept by ``split``.
_HYPHENATED = re.compile(f"([{re.escape(HYPHENS)}])")
#: A word right before a capital "A" (a letter naming a kind: "vitamin A", "grade-A").
_WORD_BEFORE = re.compile(rf"\w[ \t\u00a0{re.escape(HYPHENS)}]*\Z")
#: How far back both are looked for: a search from the start of the text would read it all
#: again for every such finding.
_LOOK_BACK = 40


def _names_a_kind(text: str, tokens: Sequence[Token], first: int, case: str) -> bool:
    """Whether the "A" before token ``first`` is a letter naming a kind ("vitamin A", "type A",
    "hepatitis A", "grade A"), not an article: a capital A that a word runs into, before words
    written in lower case. (In capitalised text the two look alike; "A" is read as the article.)"""
    article = tokens[first - 1]
    return (
        text[article.start : article.end] == "A"
        and first > 1
        and tokens[first - 2].gap == ""
        and case == "lower"
    )


def _possessive(found: str, garble: str) -> str:
    """The possessive ending ("'s", in any case and with either apostrophe) that the found
    text's last word has and the garble's has not: a correction must carry it over, or the
    fix would lose it."""
    words, garble_words = WORD_RE.findall(found), WORD_RE.findall(garble)
    ending = POSSESSIVE.search(words[-1]) if words else None
    if ending is None or (garble_words and POSSESSIVE.search(garble_words[-1])):
        return ""
    return ending.group()


def _report_only(findings: list[Finding], spans: list[tuple[int, int]]) -> list[Finding]:
    """The findings, with no fix for those that overlap one of ``spans``: neither their own
    nor that of a finding they complete (``applicable`` would apply those instead)."""
    if not spans:
        return findings
    return [
        dataclasses.replace(f, fix=FixSafety.NONE, fallback=())
        if any(f.start < end and start < f.end for start, end in spans)
        else f
        for f in findings
    ]


class _Taken:
    """The candidates taken so far, each under the number of its taking, and which takes each
    token: which of them a new candidate overlaps is then found from its own tokens, not by
    comparing it with every one (a document with thousands of findings made that quadratic)."""

    def __init__(self) -> None:
        self._taken: dict[int, Candidate] = {}
        self._holder: dict[int, int] = {}  # token index → number of the candidate there
        self._next = 0

    def overlapping(self, candidate: Candidate) -> dict[int, Candidate]:
        """The candidates that share a token with ``candidate``, in the order they were taken."""
        tokens = range(candidate.first, candidate.last + 1)
        holders = {self._holder[k] for k in tokens if k in self._holder}
        return {number: self._taken[number] for number in sorted(holders)}

    def add(self, candidate: Candidate) -> None:
        self._taken[self._next] = candidate
        for k in range(candidate.first, candidate.last + 1):
            self._holder[k] = self._next
        self._next += 1

    def remove(self, taken: dict[int, Candidate]) -> None:
        for number, candidate in taken.items():
            del self._taken[number]
            for k in range(candidate.first, candidate.last + 1):
                del self._holder[k]

    def in_order(self) -> list[Candidate]:
        """The candidates taken, in order of position."""
        return sorted(self._taken.values(), key=lambda c: c.first)


def _completed(candidate: Candidate, earlier: list[Candidate]) -> Candidate:
    """The longer reading, as severe as the findings it completes (and said to complete them)."""
    entries = ", ".join(c.entry_id for c in earlier)
    return dataclasses.replace(
        candidate,
        severity=max(c.severity for c in (candidate, *earlier)),
        message=f"{candidate.message}; completes {entries}",
        completes=tuple(earlier),
    )


def keep_gaps(text: str, span: Sequence[Token], replacement: str) -> str | None:
    """The replacement with the line breaks and inline markup between the span's words kept.

    A gap between two found words that is more than a space or a hyphen (a line break,
    ``**`` or ``<em>`` around a word) stays at the same word gap of the replacement; extra
    replacement words go into the last slot. A line break (white space only: a wrapped line)
    that falls beyond the replacement's gaps moves to its last gap ("lymph center⏎points" →
    "lymph⏎nodes"). ``None`` when that is impossible (the replacement has too few words for
    the markup), so that the fix is not applied rather than corrupting markup.
    """
    gaps = [text[a.end : b.start] for a, b in itertools.pairwise(span)]
    special = {i for i, gap in enumerate(gaps) if gap.strip(" ") not in ("", *HYPHENS)}
    if not special:
        return replacement
    parts = replacement.split(" ")
    slots = len(parts) - 1
    kept = {i: gaps[i] for i in special if i < slots}
    beyond = [gaps[i] for i in sorted(special) if i >= slots]
    if beyond:
        wrapped = len(beyond) == 1 and not beyond[0].strip()
        if not wrapped or slots == 0 or slots - 1 in kept:
            return None
        kept[slots - 1] = beyond[0]
    pieces = [parts[0]]
    for index, part in enumerate(parts[1:]):
        pieces.append(kept.get(index, " "))
        pieces.append(part)
    return "".join(pieces)


#: Which file a user lexicon's path names, and which version of it: the resolved path, the
#: modification time and the size (None for a path that names no file).
FileVersion = tuple[Path, int, int] | None

#: Checkers made so far, by what they were asked for, each with the versions of its user
#: lexicons when it was made (``make_checker``).
_checkers: dict[tuple[object, ...], tuple[tuple[FileVersion, ...], Checker]] = {}


def make_checker(
    extra_lexicons: Iterable[Path] = (),
    builtin: bool = True,
    detectors: Sequence[str] = DETECTORS,
    settings: Settings | None = None,
) -> Checker:
    """A checker for the built-in lexicon (unless ``builtin`` is false) plus user lexicons,
    filtered by ``settings`` (select, ignore, allow).

    Checkers are kept for the next call while their user lexicons stay as they were (a
    ``stat`` per file tells): a lexicon edited since, or a relative path that now names another
    file, makes a new checker in place of the old one, so a long-lived process (a notebook, a
    service) sees the file as it is now, under any name."""
    user = tuple(Path(p) for p in extra_lexicons)
    if settings is not None:
        user += tuple(p for p in settings.lexicons if p not in user)
    asked = (builtin, user, tuple(detectors), settings)
    versions = tuple(map(_version, user))  # before loading: an edit made meanwhile is new
    kept = _checkers.get(asked)
    if kept is None or kept[0] != versions:
        kept = versions, _new_checker(builtin, user, tuple(detectors), settings)
        _checkers[asked] = kept
    return kept[1]


def _version(path: Path) -> FileVersion:
    try:
        status = os.stat(path)
    except OSError:
        return None  # loading says what is wrong with it
    return path.resolve(), status.st_mtime_ns, status.st_size


def _new_checker(
    builtin: bool, user: tuple[Path, ...], detectors: tuple[str, ...], settings: Settings | None
) -> Checker:
    with bulk_loading():
        if builtin and not user:
            lexicon = builtin_lexicon()
        else:
            lexicon = load_lexicon([*(builtin_files() if builtin else ()), *user])
        return Checker(lexicon, detectors, settings=settings)


#: A lexicon file, as the API takes it.
LexiconPath = str | os.PathLike[str]


def check_text(
    text: str,
    *,
    syntax: str = "text",
    lexicons: LexiconPath | Iterable[LexiconPath] = (),
    builtin: bool = True,
    detectors: str | Sequence[str] = DETECTORS,
    select: str | Sequence[str] = (),
    ignore: str | Sequence[str] = (),
    min_severity: str = "info",
) -> list[Finding]:
    """Find garbled medical terms in ``text``.

    ``syntax`` is ``text``, ``markdown``, ``html`` or ``rst`` (in any case, or a file suffix
    such as ``md``; any other name is a ``ValueError``); ``lexicons`` adds user lexicon
    files; ``builtin=False`` leaves out the built-in lexicon; ``detectors`` picks detectors;
    ``select`` and ``ignore`` take rule codes, categories, detectors or entry ids, in any case
    (a name that is none of these is a ``ValueError``). Each of ``lexicons``, ``detectors``,
    ``select`` and ``ignore`` takes one item alone as well as a list of them.
    ``min_severity`` (``error``, ``warning`` or ``info``) leaves out findings below it.

    >>> [f.suggestions[0] for f in check_text("White platelets fight infection.")]
    ['White blood cells']
    >>> check_text("White platelets fight infection.", select="FX002")
    []
    """
    _expect_text(text)
    checker = _api_checker(lexicons, builtin, detectors, select, ignore, min_severity)
    return checker.check(text, syntax)


def fix_text(
    text: str,
    *,
    syntax: str = "text",
    unsafe: bool = False,
    lexicons: LexiconPath | Iterable[LexiconPath] = (),
    builtin: bool = True,
    detectors: str | Sequence[str] = DETECTORS,
    select: str | Sequence[str] = (),
    ignore: str | Sequence[str] = (),
    min_severity: str = "info",
) -> str:
    """Return ``text`` with its garbled terms corrected (safe fixes only unless ``unsafe``);
    the other arguments are ``check_text``'s.

    >>> fix_text("Leukemia affects white platelets.")
    'Leukemia affects white blood cells.'
    """
    _expect_text(text)
    checker = _api_checker(lexicons, builtin, detectors, select, ignore, min_severity)
    return checker.fix(text, syntax, unsafe).text


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with the chosen ``findings`` (from ``check_text`` on this very text) corrected
    to their first suggestion, as ``fix`` writes it (with the "a"/"an" before it): for a
    reviewer who accepts some findings and not others, safe or unsafe. A finding that is only
    shown (``FixSafety.NONE``: its fix would break the markup or the grammar around it, or it
    stands where no fix may go) or that is not of this text is a ``ValueError``. Of two that
    overlap, the earlier is applied.

    >>> text = "Leukemia affects white platelets and the bosom peril."
    >>> chosen = [f for f in check_text(text) if f.entry_id == "AN0001"]
    >>> apply_fixes(text, chosen)
    'Leukemia affects white blood cells and the bosom peril.'
    """
    _expect_text(text)
    edits = []
    for finding in findings:
        if text[finding.start : finding.end] != finding.text:
            raise ValueError(f"{finding.text!r} at {finding.start} is no finding of this text")
        if finding.fix is FixSafety.NONE:
            raise ValueError(f"{finding.text!r} at {finding.start} is only shown: no fix fits")
        edits.append(Edit(finding.edit_start, finding.edit_end, finding.replacement))
    return apply_edits(text, edits)[0]


def _expect_text(text: object) -> None:
    """A ``TypeError`` that says what the API takes, for anything but a string (bytes made
    the checker say "a bytes-like object is required, not 'str'", the wrong way round)."""
    if not isinstance(text, str):
        hint = ": decode the bytes first" if isinstance(text, bytes | bytearray) else ""
        raise TypeError(f"text must be a str, not {type(text).__name__}{hint}")


def _api_checker(
    lexicons: LexiconPath | Iterable[LexiconPath],
    builtin: bool,
    detectors: str | Sequence[str],
    select: str | Sequence[str],
    ignore: str | Sequence[str],
    min_severity: str,
) -> Checker:
    """The checker that ``check_text`` and ``fix_text`` are asked for. A lexicon given alone
    (a string or a path) is one file, as a name given alone is one name (``_items``)."""
    if min_severity not in SEVERITIES:
        raise ValueError(f"min_severity must be one of {', '.join(SEVERITIES)}: {min_severity!r}")
    settings = Settings(select=_items(select), ignore=_items(ignore), min_severity=min_severity)
    paths = [lexicons] if isinstance(lexicons, str | os.PathLike) else lexicons
    # The default settings filter nothing; without settings the checker skips filtering.
    chosen = None if settings == Settings() else settings
    return make_checker(map(Path, paths), builtin, _items(detectors), chosen)


def _items(names: str | Sequence[str]) -> tuple[str, ...]:
    """A parameter that takes a list of names, as a tuple. A string alone is one name
    (``select="FX001"``): it is a sequence too, but of one-letter names that name nothing."""
    return (names,) if isinstance(names, str) else tuple(names)
