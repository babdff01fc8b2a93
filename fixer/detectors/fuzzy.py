"""Near misses of lexicon garbles: run-together words and small misspellings.

"whiteplatelets" and "lymph centerpoints" are the garbles "white platelets" and "lymph center
points" written together; "white plate1ets" is one OCR slip away from a garble. Both are found
here and always rank below exact lexicon matches (lower confidence, at most warning, unsafe fix).

Written together means whole words glued: "lymph centerpoints" or "lymphcenter points", not
"lymph centerp oints".
A misspelling is only considered where the window shares its first or last word with a garble,
the garble has at least ``MIN_FUZZY_CHARS`` characters, the edit distance is small, and each
word that differs is not a known word (so "white plates" never becomes "white platelets") and is
a slip of the garble's word: a few edits, fewer than half its letters ("plate1ets", "pionts").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple

from fixer.cache import cached
from fixer.lexicon import Lexicon
from fixer.matcher import Token
from fixer.model import RULES, Candidate, Entry, FixSafety, Severity
from fixer.prefilter import WordScan
from fixer.words import (
    POSSESSIVE,
    WORD_RE,
    Normalizer,
    english_words,
    folded,
    normalization_tables,
)

MIN_FUZZY_CHARS = 12
Scorer = Callable[[str, str], float]
MIN_RATIO = 90.0


class _Target(NamedTuple):
    """A garble a near miss may be of (a tuple: the detector makes thousands at start-up)."""

    entry: Entry
    text: str  # the garble's normalized words, single-spaced
    words: tuple[str, ...]  # the same words

    @property
    def size(self) -> int:  # number of words
        return len(self.words)


class FuzzyDetector:
    name = "fuzzy"

    def __init__(
        self, lexicon: Lexicon, normalizer: Normalizer, known_words: Container[str] | None = None
    ) -> None:
        """``known_words`` defaults to ``lexicons/words.txt``, loaded on first use."""
        self.normalizer = normalizer
        self._known_cache: dict[str, bool] = {}
        self._longest = 1  # words in the longest fuzzy target
        self._by_edge: dict[str, list[_Target]] = defaultdict(list)
        self._known = known_words
        self._looked_at: set[str] = set()  # words (as written) already judged by ``_judge``
        self._glued_words: set[str] = set()  # words (as written) in ``_glued``
        self._slips: dict[str, list[tuple[_Target, int]]] = {}  # word → (target, word index)
        self._places: dict[str, list[tuple[_Target, int]]] = defaultdict(list)
        entries = lexicon.entries
        index = cached(
            "fuzzy",
            [Path(__file__), *normalization_tables()],
            lambda: _index(entries),
            dict,
            key=lexicon.digest,
        )
        # Two or more consecutive words of a garble, written as one.
        self._glued: set[str] = set(index["glued"])
        # A whole garble written as one → its entry and where its words end.
        self._joined: dict[str, tuple[Entry, frozenset[int]]] = {
            joined: (entries[k], frozenset(ends)) for joined, (k, ends) in index["joined"].items()
        }
        self._joined_starts: set[str] = set(index["starts"])  # first pieces of those
        for k, text in index["targets"]:
            words = tuple(text.split(" "))
            target = _Target(entries[k], text, words)
            self._longest = max(self._longest, len(words))
            self._by_edge[words[0]].append(target)
            self._by_edge[words[-1]].append(target)
            for position, word in enumerate(words):
                self._places[word].append((target, position))
        self._by_length: dict[int, list[str]] = defaultdict(list)  # garble words by length
        for word in sorted(self._places):
            self._by_length[len(word)].append(word)
        self._choices_by_length: dict[int, list[str]] = {}

    def seeds(self, words: WordScan) -> list[int]:
        """Where a near miss could be: at a word that glues two or more words of a garble
        together, or at an unknown word that is a slip of a garble's word where the words
        around it are that garble's (or slips of them too)."""
        new = words.surface_types.difference(self._looked_at)
        if new:
            self._looked_at.update(new)
            for word in new:
                self._judge(word)
        glued = words.surface_types & self._glued_words
        slips = words.surface_types & self._slips.keys()
        if not glued and not slips:
            return []
        return words.offsets(
            index
            for index in words.where(glued | slips, surface=True)
            if words.surface[index] in glued or self._fits(words, index)
        )

    def _judge(self, word: str) -> None:
        """Note whether a word (as written) glues garble words, or is a slip of some."""
        low = folded(word)
        if low in self._glued:
            self._glued_words.add(word)
        if self._is_known(low):
            return
        from rapidfuzz import process  # imported on first use: it costs start-up time
        from rapidfuzz.distance import OSA

        normal = self.normalizer.normal(word)
        most = min(3, 1 + (len(normal) + 3) // 8)  # what ``near`` allows garble words this long
        close = process.extract(
            normal, self._choices(len(normal)), scorer=OSA.distance, score_cutoff=most, limit=None
        )
        slips = [
            place
            for target, _, _ in close
            if near(normal, target, 3, OSA.distance)
            for place in self._places[target]
        ]
        if slips:
            self._slips[word] = slips

    def _choices(self, length: int) -> list[str]:
        """Garble words of about ``length`` letters: those a slip of that length could be of."""
        choices = self._choices_by_length.get(length)
        if choices is None:
            choices = [w for size in range(length - 3, length + 4) for w in self._by_length[size]]
            self._choices_by_length[length] = choices
        return choices

    def _fits(self, words: WordScan, index: int) -> bool:
        """Whether the slip at ``index`` could belong to a window that reads as one of the
        garbles it is a slip for: every other word there is the garble's or a slip."""
        normals, surfaces = words.normal, words.surface
        for target, position in self._slips[surfaces[index]]:
            first = index - position
            if first < 0 or first + target.size > len(normals):
                continue
            if all(
                normals[first + k] == word or surfaces[first + k] in self._slips
                for k, word in enumerate(target.words)
            ):
                return True
        return False

    def candidates(self, view: str, tokens: Sequence[Token]) -> list[Candidate]:
        found: list[Candidate] = []
        covered = -1
        unknown: list[bool] = []  # per token: not an ordinary English word (computed lazily)
        seen: list[int] = []  # seen[i]: how many of tokens[:i] are unknown
        reach = self._longest - 1
        for i, token in enumerate(tokens):
            if i <= covered:
                continue
            candidate = None
            if folded(view[token.start : token.end]) in self._joined_starts:
                candidate = self._run_together(view, tokens, i)
            if candidate is None and token.normal in self._by_edge:
                if not seen:
                    unknown = [not self._is_known(folded(view[t.start : t.end])) for t in tokens]
                    seen = list(accumulate(unknown, initial=0))
                low, high = max(0, i - reach), min(len(tokens), i + reach + 1)
                if seen[high] > seen[low]:  # a misspelling needs an unknown word nearby
                    candidate = self._misspelt(view, tokens, unknown, i)
            if candidate is not None:
                found.append(candidate)
                covered = candidate.last
        return found

    def _run_together(self, view: str, tokens: Sequence[Token], i: int) -> Candidate | None:
        pieces = ""
        cuts: list[int] = []  # where one token ends and the next begins, within ``pieces``
        for last in range(i, min(i + 3, len(tokens))):
            if last > i:
                if tokens[last - 1].gap != "":
                    break
                cuts.append(len(pieces))
            pieces += folded(view[tokens[last].start : tokens[last].end])
            found = self._joined.get(pieces)
            if found is None:
                continue
            entry, word_ends = found
            glued = last - i + 1 < len(word_ends)
            if glued and word_ends.issuperset(cuts):
                return self._candidate(view, tokens, i, last, entry, 0.7, "written together")
        return None

    def _misspelt(
        self,
        view: str,
        tokens: Sequence[Token],
        unknown: list[bool],
        i: int,
    ) -> Candidate | None:
        from rapidfuzz.distance import OSA, Levenshtein
        from rapidfuzz.fuzz import ratio

        best: tuple[float, Candidate] | None = None
        for target in self._by_edge[tokens[i].normal]:
            for first in (i, i - target.size + 1):
                last = first + target.size - 1
                if first < 0 or last >= len(tokens) or not any(unknown[first : last + 1]):
                    continue
                if any(tokens[k].gap != "" for k in range(first, last)):
                    continue
                window = tokens[first : last + 1]
                text = " ".join(t.normal for t in window)
                score = ratio(text, target.text)
                if score < MIN_RATIO or text == target.text:
                    continue
                limit = 3 if len(target.text) >= 20 else 2
                if Levenshtein.distance(text, target.text) > limit:
                    continue
                differing = [
                    (folded(view[t.start : t.end]), t.normal, word)
                    for t, word in zip(window, target.text.split(" "), strict=True)
                    if t.normal != word
                ]
                if not differing or not all(
                    not self._is_known(written) and near(normal, word, limit, OSA.distance)
                    for written, normal, word in differing
                ):
                    continue
                confidence = round(0.5 + (score - MIN_RATIO) / 50, 2)
                if best is None or confidence > best[0]:
                    why = f"{score:.0f}% similar"
                    candidate = self._candidate(
                        view, tokens, first, last, target.entry, confidence, why
                    )
                    best = (confidence, candidate)
        return best[1] if best else None

    def _is_known(self, word: str) -> bool:
        """Whether a word is ordinary English (so its difference from a garble is deliberate),
        a possessive too ("person's" is no slip of "pearson")."""
        cached = self._known_cache.get(word)
        if cached is None:
            if self._known is None:
                self._known = english_words()
            base = POSSESSIVE.sub("", word)
            cached = not any(c.isdigit() for c in word) and (
                base in self._known or self.normalizer.lemma(base) in self._known
            )
            self._known_cache[word] = cached
        return cached

    def _candidate(
        self,
        view: str,
        tokens: Sequence[Token],
        first: int,
        last: int,
        entry: Entry,
        confidence: float,
        why: str,
    ) -> Candidate:
        return Candidate(
            first=first,
            last=last,
            corrections=entry.corrections,
            written=entry.garble,
            rule=RULES["FX103"],
            entry_id=entry.id,
            detector=self.name,
            category=entry.category,
            severity=min(entry.severity, Severity.WARNING),
            confidence=confidence,
            fix=FixSafety.UNSAFE if entry.fix is not FixSafety.NONE else FixSafety.NONE,
            message=f"near miss of the garble '{entry.garble}' ({why}); entry {entry.id}",
        )


def _index(entries: Sequence[Entry]) -> dict[str, Any]:
    """What the detector looks garbles up by, as JSON (cached): run-together forms of garbles
    (every stretch of two or more of their words written as one, plural too; whole garbles with
    their word ends), first pieces of those, and the garbles long enough to be misspelt
    (``[entry index, normalized words]``)."""
    glued: set[str] = set()
    joined: dict[str, list[Any]] = {}
    starts: set[str] = set()
    targets: list[list[Any]] = []
    for k, entry in enumerate(entries):
        if entry.context:
            continue
        words = [w.lower() for w in WORD_RE.findall(entry.garble)]
        if len(words) < 2:
            continue
        for first in range(len(words) - 1):
            for last in range(first + 1, len(words)):
                glued.add("".join(words[first : last + 1]))
            glued.add("".join(words[first:]) + "s")
        whole, ends = "".join(words), sorted(accumulate(map(len, words)))
        joined.setdefault(whole, [k, ends])
        joined.setdefault(whole + "s", [k, ends])
        # A run-together garble starts with some of its words glued ("lymphcenter").
        starts.update("".join(words[:n]) for n in range(1, len(words)))
        starts.update((whole, whole + "s"))
        text = " ".join(entry.normal)
        if len(text) >= MIN_FUZZY_CHARS:
            targets.append([k, text])
    return {"glued": sorted(glued), "joined": joined, "starts": sorted(starts), "targets": targets}


def near(word: str, target: str, limit: int, distance: Scorer) -> bool:
    """Whether ``word`` is a slip of ``target``: one edit (a swap of two neighbouring letters
    counts as one), two in words of eight letters or more, never more than ``limit`` and fewer
    than one per three letters (so short words are not "misspelt" into one another)."""
    edits = distance(word, target)
    return 0 < edits <= min(limit, 1 + len(target) // 8) and 3 * edits < len(target)
