"""Near misses of lexicon garbles: run-together words and small misspellings.

"whiteplatelets" and "lymph centerpoints" are the garbles "white platelets" and "lymph center
points" written together; "white plate1ets" is one OCR slip away from a garble. Both are found
here and always rank below exact lexicon matches (lower confidence, at most warning, unsafe fix).

A misspelling is only considered where the window shares its first or last word with a garble,
the garble has at least ``MIN_FUZZY_CHARS`` characters, the edit distance is small, and the
words that differ are not known words (so "white plates" never becomes "white platelets").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from fixer.data import lexicon_dir
from fixer.lexicon import Lexicon
from fixer.matcher import Token
from fixer.model import RULES, Candidate, Entry, FixSafety, Severity
from fixer.words import WORD_RE, Normalizer

MIN_FUZZY_CHARS = 12
Scorer = Callable[[str, str], float]
MIN_RATIO = 90.0


@cache
def default_known_words() -> frozenset[str]:
    lines = (lexicon_dir() / "words.txt").read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return frozenset(lines[start:])


@dataclass(frozen=True)
class _Target:
    entry: Entry
    text: str  # the garble's normalized words, single-spaced
    size: int  # number of words


class FuzzyDetector:
    name = "fuzzy"

    def __init__(
        self, lexicon: Lexicon, normalizer: Normalizer, known_words: frozenset[str] | None = None
    ) -> None:
        """``known_words`` defaults to ``lexicons/words.txt``, loaded on first use."""
        self.normalizer = normalizer
        self._joined: dict[str, Entry] = {}
        self._joined_starts: set[str] = set()  # first pieces of run-together garbles
        self._known_cache: dict[str, bool] = {}
        self._longest = 1  # words in the longest fuzzy target
        self._by_edge: dict[str, list[_Target]] = defaultdict(list)
        self._known = known_words
        for entry in lexicon.entries:
            if entry.context:
                continue
            words = [w.lower() for w in WORD_RE.findall(entry.garble)]
            if len(words) > 1:
                self._joined.setdefault("".join(words), entry)
                self._joined.setdefault("".join(words) + "s", entry)
                self._joined_starts.update((words[0], "".join(words), "".join(words) + "s"))
            text = " ".join(entry.normal)
            if len(words) > 1 and len(text) >= MIN_FUZZY_CHARS:
                self._longest = max(self._longest, len(words))
                target = _Target(entry, text, len(words))
                self._by_edge[entry.normal[0]].append(target)
                self._by_edge[entry.normal[-1]].append(target)

    def candidates(self, view: str, tokens: Sequence[Token]) -> list[Candidate]:
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.fuzz import ratio

        found: list[Candidate] = []
        covered = -1
        unknown: list[bool] = []  # per token: not an ordinary English word (computed lazily)
        seen: list[int] = []  # seen[i]: how many of tokens[:i] are unknown
        reach = self._longest - 1
        for i, token in enumerate(tokens):
            if i <= covered:
                continue
            candidate = None
            if view[token.start : token.end].lower() in self._joined_starts:
                candidate = self._run_together(view, tokens, i)
            if candidate is None and token.normal in self._by_edge:
                if not seen:
                    unknown = [not self._is_known(view[t.start : t.end].lower()) for t in tokens]
                    seen = list(accumulate(unknown, initial=0))
                low, high = max(0, i - reach), min(len(tokens), i + reach + 1)
                if seen[high] > seen[low]:  # a misspelling needs an unknown word nearby
                    candidate = self._misspelt(
                        view, tokens, unknown, i, ratio, Levenshtein.distance
                    )
            if candidate is not None:
                found.append(candidate)
                covered = candidate.last
        return found

    def _run_together(self, view: str, tokens: Sequence[Token], i: int) -> Candidate | None:
        pieces = ""
        for last in range(i, min(i + 3, len(tokens))):
            if last > i and tokens[last - 1].gap != "":
                break
            pieces += view[tokens[last].start : tokens[last].end].lower()
            entry = self._joined.get(pieces)
            words_in_text = last - i + 1
            if entry is not None and words_in_text < len(WORD_RE.findall(entry.garble)):
                return self._candidate(view, tokens, i, last, entry, 0.7, "written together")
        return None

    def _misspelt(
        self,
        view: str,
        tokens: Sequence[Token],
        unknown: list[bool],
        i: int,
        ratio: Scorer,
        distance: Scorer,
    ) -> Candidate | None:
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
                if distance(text, target.text) > (3 if len(target.text) >= 20 else 2):
                    continue
                differing = [
                    view[t.start : t.end].lower()
                    for t, word in zip(window, target.text.split(" "), strict=True)
                    if t.normal != word
                ]
                if not differing or any(self._is_known(word) for word in differing):
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
        """Whether a word is ordinary English (so its difference from a garble is deliberate)."""
        cached = self._known_cache.get(word)
        if cached is None:
            if self._known is None:
                self._known = default_known_words()
            cached = not any(c.isdigit() for c in word) and (
                word in self._known or self.normalizer.lemma(word) in self._known
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
