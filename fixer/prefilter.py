"""Where could a finding be? Cheap, exact pre-checks that keep clean text away from the detectors.

Most text is clean, and tokenizing it word by word in Python costs more than all the rest. So a
prose view is first read the cheap way (``WordScan``): its words are split out by one regular
expression, normalized by dictionary lookups, and compared with each detector's trigger words by
set operations. Each detector names the places it must look at (its ``seeds``, as offsets into
the view). A seed stands for the *region* around it: the stretch between two breaks that no
phrase runs across (sentence ends, brackets, paragraph breaks, masked markup; ``REGION_BREAK``).
Only those regions become tokens (made from the scan's own words, gaps and normal forms), and
each detector sees only its own.

A detector's seeds must be a necessary condition for its candidates: every candidate it would
find in the whole view lies in a region it seeded. ``tests/test_prefilter.py`` checks that
findings are the same with and without the prefilter.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import cached_property
from itertools import compress, count

from fixer.words import HYPHENS, IN_WORDS, SPACES, SPLIT_RE, Normalizer, word_starts

# Invisible characters and combining accents stand inside words (``fixer.words.WORD_RE``).
_NOT_BETWEEN_WORDS = rf"[^\w{SPACES}\u2063\r\n{re.escape(HYPHENS)},;:/&'’{IN_WORDS}]+|_+"


def _region_break(crlf: str) -> re.Pattern[str]:
    """``REGION_BREAK`` with ``crlf`` for a CRLF (``"\\n\\r"`` in a text read backwards). The
    groups are atomic, so that a CRLF counts as one line break, never as two."""
    line_break = f"(?>{crlf}|\\r|\\n)"
    return re.compile(f"{_NOT_BETWEEN_WORDS}|{line_break}[{SPACES}\\u2063]*{line_break}")


#: A stretch no phrase runs across: a character that is neither part of a word nor allowed
#: between the words of a phrase (see ``fixer.matcher.gap_kind``), or a blank line.
REGION_BREAK = _region_break(r"\r\n")
_REGION_BREAK_REVERSED = _region_break(r"\n\r")

Region = tuple[int, int]


def last_break_end(text: str) -> int:
    """Where the last ``REGION_BREAK`` of ``text`` ends: after it, no phrase runs on from
    before it (0 if ``text`` has none)."""
    match = _REGION_BREAK_REVERSED.search(text[::-1])
    return len(text) - match.start() if match else 0


class WordScan:
    """A view's words, read without tokens: surface and normal forms, and where they start."""

    def __init__(self, view: str, normalizer: Normalizer) -> None:
        self.view = view
        self.normalizer = normalizer
        self._pieces = SPLIT_RE.split(view)  # gap, word, gap, word, ..., gap
        self.surface: list[str] = self._pieces[1::2]
        self.surface_types = set(self.surface)
        self.normal: list[str] = normalizer.normals(self.surface, self.surface_types)

    @cached_property
    def normal_types(self) -> set[str]:
        return set(self.normal)

    @cached_property
    def pairs(self) -> set[tuple[str, str]]:
        """Normal forms of neighbouring words, whatever stands between them."""
        return set(zip(self.normal, self.normal[1:], strict=False))

    @cached_property
    def gaps(self) -> list[str]:
        """What stands after each word, up to the next one (or the end of the view)."""
        return self._pieces[2::2]

    @cached_property
    def starts(self) -> list[int]:
        """Where each word starts in the view."""
        return word_starts(self._pieces)

    def where(self, wanted: Container[str], surface: bool = False) -> list[int]:
        """Indexes of the words whose normal (or surface) form is in ``wanted``, in order."""
        words = self.surface if surface else self.normal
        return list(compress(count(), map(wanted.__contains__, words)))

    def offsets(self, indexes: Iterable[int]) -> list[int]:
        """Where the words of the given indexes start in the view."""
        starts = self.starts
        return [starts[index] for index in indexes]


class Regions:
    """Finds the region around an offset: the stretch between the nearest ``REGION_BREAK``
    before it and the nearest after it."""

    def __init__(self, view: str) -> None:
        self.view = view
        self._reversed: str | None = None

    def around(self, offsets: Iterable[int]) -> list[Region]:
        """The regions holding the given offsets (word starts, or the character before a
        parenthesis), in order, without repeats. Regions of different offsets may overlap
        where an offset lies in a break; ``fixer.matcher.tokenize_regions`` merges them."""
        view, size = self.view, len(self.view)
        if self._reversed is None:
            self._reversed = view[::-1]
        wanted = sorted(set(offsets))
        ends = _first_breaks(REGION_BREAK, view, wanted)
        # Read backwards: the break nearest before an offset is the first one after it there.
        backwards = _first_breaks(
            _REGION_BREAK_REVERSED, self._reversed, [size - offset for offset in reversed(wanted)]
        )
        starts = [size - at for at in reversed(backwards)]
        pairs = zip(starts, ends, strict=True)
        return sorted({(start, end) for start, end in pairs if start < end})


def _first_breaks(pattern: re.Pattern[str], text: str, positions: list[int]) -> list[int]:
    """Where the first match of ``pattern`` at or after each of ``positions`` (ascending)
    starts, or ``len(text)`` where none does. A match found from one position is the first from
    every later position up to its start, so one search serves them all: searching afresh from
    each of many seeds in a long text without breaks (prose without punctuation) took time
    quadratic in its length."""
    found: list[int] = []
    at: int | None = -1  # start of the last match found; None once no match is left
    for position in positions:
        if at is not None and at < position:
            match = pattern.search(text, position)
            at = match.start() if match else None
        found.append(len(text) if at is None else at)
    return found


def scan_words(view: str, normalizer: Normalizer) -> WordScan:
    """The ``WordScan`` of a view, shared by the engine and the lexicon's context checks (the
    last one is kept, and found again by identity)."""
    last = _last_scan[0] if _last_scan else None
    if last is not None and last.view is view and last.normalizer is normalizer:
        return last
    scan = WordScan(view, normalizer)
    _last_scan[:] = [scan]
    return scan


_last_scan: list[WordScan] = []  # a one-entry cache for ``scan_words``
