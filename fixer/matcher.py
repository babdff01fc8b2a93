"""Finding lexicon phrases in text: tokens → a word trie → context-checked matches.

Matching works on normalized words (see ``fixer.words``), so case, inflection and British or
American spelling do not matter. Words of a phrase may be separated by spaces, one line break or a
hyphen; punctuation only where the garble itself has it ("exactness, review"). A phrase never
runs across a paragraph break or masked markup.
The leftmost match wins, and at one position the longest phrase whose context holds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from fixer.model import ContextClause, Entry
from fixer.prefilter import WordScan, scan_words
from fixer.words import (
    HYPHENS,
    INVISIBLE,
    SPACES,
    SPLIT_RE,
    Normalizer,
    possessives,
    verb_suffix,
    word_starts,
)

# What may stand between two words of one phrase: spaces (``fixer.words.SPACES``) and a line
# break, or a hyphen. U+2063 stands for inline markup in a prose view (see
# fixer.markup.TRANSPARENT). The invisible characters that a word may hold
# (``fixer.words.INVISIBLE``) may also stand at its edge, beside the gap ("bosom\u200b peril"),
# but they are no gap themselves.
_UNSEEN_CHARACTERS = "\u2063" + INVISIBLE
_JOINER_RE = re.compile(
    rf"[{SPACES}{_UNSEEN_CHARACTERS}]*(?:\r\n|\r|\n)?[{SPACES}{_UNSEEN_CHARACTERS}]*"
    rf"|[{_UNSEEN_CHARACTERS}]*[{re.escape(HYPHENS)}][{_UNSEEN_CHARACTERS}]*"
)
_WINDOW = {"before": 3, "after": 3, "near": 10, "doc": 0}


class Token(NamedTuple):
    """A word: its span, its normal form, and what separates it from the next word (``gap``:
    ``""`` when the two may belong to one phrase, a punctuation mark such as ``","``, or
    ``None`` when no phrase continues; see ``gap_kind``). A tuple, because a text has many."""

    start: int
    end: int
    normal: str
    gap: str | None


@dataclass(frozen=True)
class Match:
    """Tokens ``first``..``last`` (inclusive) of a text form the garble of ``entry``."""

    entry: Entry
    first: int
    last: int
    topic_waived: bool = False  # holds only because the topic (or in:spun) clauses were waived


@dataclass
class _Node:
    children: dict[tuple[str | None, str], _Node] = field(default_factory=dict)  # (gap, word)
    entries: list[Entry] = field(default_factory=list)


def tokenize(
    text: str, normalizer: Normalizer, start: int = 0, end: int | None = None
) -> list[Token]:
    """The words of ``text`` (or of ``text[start:end]``, with offsets into ``text``)."""
    pieces = SPLIT_RE.split(text[start:end])  # gap, word, gap, …, word, gap
    words = pieces[1::2]
    if not words:
        return []
    return _tokens(word_starts(pieces, start), words, normalizer.normals(words), pieces[2:-1:2])


def _tokens(
    starts: Sequence[int], words: Sequence[str], normals: Sequence[str], between: Sequence[str]
) -> list[Token]:
    """Tokens of consecutive words, given what stands ``between`` each word and the next;
    after the last word, nothing continues."""
    kinds: list[str | None] = ["" if gap == " " else gap_kind(gap) for gap in between]
    kinds.append(None)
    return [
        Token(start, start + len(word), normal, kind)
        for start, word, normal, kind in zip(starts, words, normals, kinds, strict=True)
    ]


def tokenize_regions(words: WordScan, regions: Iterable[tuple[int, int]]) -> list[Token]:
    """The tokens of the given regions of a scanned view, in order, once each where regions
    overlap: the scan's words that start there, each with the gap after it (none after a
    stretch's last word). Regions begin and end at breaks that no phrase crosses, so these are
    the tokens the whole view's tokenization has there, and nothing is split or normalized
    twice."""
    starts, surfaces, normals, gaps = words.starts, words.surface, words.normal, words.gaps
    tokens: list[Token] = []
    for low, high in _stretches(regions):
        first, stop = bisect.bisect_left(starts, low), bisect.bisect_left(starts, high)
        if first < stop:
            tokens += _tokens(
                starts[first:stop],
                surfaces[first:stop],
                normals[first:stop],
                gaps[first : stop - 1],
            )
    return tokens


def _stretches(regions: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Regions merged where they overlap or touch."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(regions):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def gap_kind(gap: str) -> str | None:
    """``""`` for a plain joiner (spaces, one line break, a hyphen), the punctuation itself for
    a short punctuated gap ("," in "exactness, review"), ``None`` where no phrase continues.

    Inline markup alone is no joiner: "white<span></span>platelets" shows as one word."""
    if _JOINER_RE.fullmatch(gap) and gap.strip(_UNSEEN_CHARACTERS):
        return ""
    mark = gap.strip(SPACES + _UNSEEN_CHARACTERS)
    if mark in (",", ";", ":", "/", "&") and "\n\n" not in gap:
        return mark
    return None


class PhraseMatcher:
    """A word trie over the garbles of a lexicon."""

    def __init__(self, entries: Iterable[Entry], normalizer: Normalizer) -> None:
        self.normalizer = normalizer
        self._root = _Node()
        # The same trie by words alone, whatever the gaps: a cheap test of where a match could
        # start. Each node maps a next word to its node; the key "" marks a garble's end.
        self._words: dict[str, dict] = {}
        for entry in entries:
            node = self._root
            plain = self._words
            for key in entry.words:
                node = node.children.setdefault(key, _Node())
                plain = plain.setdefault(key[1], {})
            node.entries.append(entry)
            plain[""] = {}
        self.single_words = frozenset(w for w, node in self._words.items() if "" in node)
        self.first_pairs = frozenset(
            (first, second) for first, node in self._words.items() for second in node if second
        )

    def possible_starts(self, normals: Sequence[str], indexes: Iterable[int]) -> list[int]:
        """Those of ``indexes`` where some garble's words follow in ``normals`` (gaps and
        context not considered): wherever ``matches`` finds a match, this finds its start."""
        found = []
        for index in indexes:
            node = self._words.get(normals[index])
            position = index + 1
            while node is not None and "" not in node:
                node = node.get(normals[position]) if position < len(normals) else None
                position += 1
            if node is not None:
                found.append(index)
        return found

    def matches(
        self,
        text: str,
        tokens: Sequence[Token],
        any_topic: bool = False,
        taken: Container[int] = (),
    ) -> list[Match]:
        """Non-overlapping matches, leftmost first, longest at each position. ``any_topic``
        waives the context clauses a document that reads as spun waives (topic clauses and
        ``in:spun``; ``ContextClause.waived_when_spun``). A match that holds
        only so never covers a token in ``taken`` (a shorter one may)."""
        found: list[Match] = []
        roots = self._root.children
        context = Context(text, self.normalizer)
        i, count = 0, len(tokens)
        while i < count:
            node = roots.get(("", tokens[i].normal))
            if node is None:
                i += 1
                continue
            match = self._longest_at(text, context, tokens, i, node, any_topic, taken)
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.last + 1
        return found

    def _longest_at(
        self,
        text: str,
        context: Context,
        tokens: Sequence[Token],
        i: int,
        node: _Node,
        any_topic: bool,
        taken: Container[int],
    ) -> Match | None:
        ends: list[tuple[int, list[Entry]]] = []
        j = i
        while True:
            if node.entries:
                ends.append((j, node.entries))
            j += 1
            if j >= len(tokens):
                break
            gap = tokens[j - 1].gap
            if gap is None:
                break
            next_node = node.children.get((gap, tokens[j].normal))
            if next_node is None:
                break
            node = next_node
        deferred: Match | None = None
        for last, entries in reversed(ends):
            # A possessive inside the match that neither the garble nor its correction writes
            # ends the phrase: "white platelet's count" is the count of a "white platelet",
            # where "Understudy's t test" is "Student's t-test".
            inner = possessives(text[t.start : t.end] for t in tokens[i:last])
            for entry in entries:
                if inner and inner > entry.inner_possessives:
                    continue
                if not _forms_agree(text, tokens, i, entry):
                    continue
                match = None
                if not entry.context or context.holds(entry.context, tokens[i], tokens[last]):
                    match = Match(entry, i, last)
                elif any_topic and not any(k in taken for k in range(i, last + 1)):
                    sense = entry.sense_clauses
                    if len(sense) < len(entry.context) and context.holds(
                        sense, tokens[i], tokens[last]
                    ):
                        match = Match(entry, i, last, topic_waived=True)
                if match is None:
                    continue
                if deferred is None and _ends_in_a_verb(text, tokens[last], entry):
                    deferred = match  # a shorter garble reads the text better, if one holds
                    break
                return match
        return deferred


def _ends_in_a_verb(text: str, last: Token, entry: Entry) -> bool:
    """Whether a garble of several words that ends in a base form ("white platelet count")
    stands where the text writes that word as a verb's "-ed" form ("white platelets
    counted"): then a shorter garble at the same place ("white platelet") is the better
    reading, and this one is taken only if none holds."""
    size = len(entry.normal)
    if size < 2 or any(offset == size - 1 for offset, _ in entry.verb_forms):
        return False
    return verb_suffix(text[last.start : last.end].lower(), last.normal) == "ed"


def _forms_agree(text: str, tokens: Sequence[Token], first: int, entry: Entry) -> bool:
    """Whether the text writes each garble word that the garble writes as a verb form
    ("-ing", "-ed") in that form too (``Entry.verb_forms``): "life backing" is no "life back",
    "swelling" no "swell". A garble word in its base form matches any form ("hack",
    "hacking")."""
    for offset, suffix in entry.verb_forms:
        token = tokens[first + offset]
        if not text[token.start : token.end].lower().endswith((suffix, suffix + "s")):
            return False
    return True


class Context:
    """The words around matches: the whole text, even when the tokens matched are only some
    regions of it, scanned once and only if some entry's context is asked about."""

    def __init__(self, text: str, normalizer: Normalizer) -> None:
        self._text = text
        self._normalizer = normalizer
        self._whole: WordScan | None = None

    def holds(self, clauses: Sequence[ContextClause], first: Token, last: Token) -> bool:
        """Whether every clause holds around the tokens ``first..last``."""
        if self._whole is None:
            self._whole = scan_words(self._text, self._normalizer)
        whole = self._whole
        low = bisect.bisect_left(whole.starts, first.start)
        high = bisect.bisect_left(whole.starts, last.start)
        return all(_holds(clause, whole.normal, low, high) for clause in clauses)


def _holds(clause: ContextClause, normals: Sequence[str], first: int, last: int) -> bool:
    return _present(clause, normals, first, last) != clause.negated


def _present(clause: ContextClause, normals: Sequence[str], first: int, last: int) -> bool:
    """Whether one of the clause's phrases stands where the clause asks, outside the match
    ``first..last``: each position in reach is tested by one lookup of its word."""
    where, count = clause.where, len(normals)
    if where == "in":
        return False  # ``in:spun`` holds only once waived, in a document that reads as spun
    if where == "doc":
        return any(
            _starts_at(phrase, normals, start) and (start + len(phrase) <= first or start > last)
            for start in range(count)
            for phrase in clause.by_first_word.get(normals[start], ())
        )
    window = _WINDOW[where]
    if where in ("before", "near"):  # a phrase that ends in the window before the match
        for end in range(max(0, first - window), first):
            for phrase in clause.by_last_word.get(normals[end], ()):
                if _starts_at(phrase, normals, end - len(phrase) + 1):
                    return True
    if where in ("after", "near"):  # a phrase that starts in the window after the match
        for start in range(last + 1, min(count, last + 1 + window)):
            for phrase in clause.by_first_word.get(normals[start], ()):
                if _starts_at(phrase, normals, start):
                    return True
    return False


def _starts_at(phrase: tuple[str, ...], normals: Sequence[str], start: int) -> bool:
    return (
        start >= 0
        and start + len(phrase) <= len(normals)
        and all(normals[start + k] == word for k, word in enumerate(phrase))
    )
