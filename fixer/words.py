"""Words: tokenization and the normal form under which phrases are compared.

Two spellings of a word compare equal when they share a normal form: lower case, lemma (so
plurals and verb forms meet their base form) and American spelling (so "tumours" meets "tumor").
The lemma comes from a derived exceptions table (``lexicons/lemmas.tsv``) and, failing that, from
plural suffix rules; the spelling from ``lexicons/spelling.tsv``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import accumulate
from pathlib import Path

from fixer.cache import bulk_loading
from fixer.data import lexicon_dir, read_tsv

#: Characters that stand inside a word without being letters: invisible format characters (a
#: soft hyphen, zero-width spaces and joiners, a word joiner), which PDF text and editors leave
#: inside words, and the combining accents of decomposed (NFD) text.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
_COMBINING = "\u0300-\u036f"
#: Both, as a character-class fragment (for patterns that must not break a word at them).
IN_WORDS = INVISIBLE + _COMBINING
#: The spaces that may stand between two words of one phrase: a space, a tab, a no-break space
#: and the spaces of typesetting (en quad to hair space, narrow no-break, medium mathematical,
#: ideographic) that PDF text and French or East Asian typography put between words. Written
#: out, so that it serves ``str.strip`` and character classes alike.
SPACES = " \t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
#: Hyphens that join the words of one phrase ("far-off"): hyphen-minus, U+2010 HYPHEN and
#: U+2011 NON-BREAKING HYPHEN (``re.escape`` it for a character class).
HYPHENS = "-\u2010\u2011"
#: A word: letters and digits, with inner apostrophes ("Crohn's", "don't"), invisible
#: characters ("plate\u00adlets") and combining accents.
WORD_RE = re.compile(
    rf"[^\W_]++(?:(?:['’]|[{INVISIBLE}]++)[^\W_]++|[{_COMBINING}]++[^\W_]*+)*+"
)  # possessive: no backtracking to do
#: The same as a group: ``SPLIT_RE.split(text)`` alternates gaps and words (gap first and last).
SPLIT_RE = re.compile(f"({WORD_RE.pattern})")


#: A possessive ending: "'s", in any case and with either apostrophe.
POSSESSIVE = re.compile(r"['’][sS]$")


def possessives(words: Iterable[str]) -> int:
    """How many of ``words`` end in a possessive "'s"."""
    return sum(1 for word in words if POSSESSIVE.search(word))


def holds_run(words: Sequence[str], run: Sequence[str]) -> bool:
    """Whether ``run`` stands in ``words`` as consecutive words."""
    size = len(run)
    return any(words[i : i + size] == run for i in range(len(words) - size + 1))


def word_starts(pieces: list[str], offset: int = 0) -> list[int]:
    """Where each word of ``pieces`` (``SPLIT_RE.split`` of a text) starts, the text starting
    at ``offset``."""
    return list(accumulate(map(len, pieces), initial=offset))[1:-1:2]


_POSSESSIVE = ("'s", "’s")


def rule_lemma(word: str) -> str:
    """Strip a regular plural ending from a lower-case word (no dictionary needed)."""
    if len(word) <= 3 or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "'s")):
        return word
    return word[:-1]


@dataclass(frozen=True)
class SpellingRules:
    """British → American spelling, as whole words, substrings and suffixes."""

    words: dict[str, str] = field(default_factory=dict)
    substrings: tuple[tuple[str, str], ...] = ()
    suffixes: tuple[tuple[str, str], ...] = ()

    def americanize(self, word: str) -> str:
        if word in self.words:
            return self.words[word]
        for british, american in self.substrings:
            if british in word:
                word = word.replace(british, american)
        for british, american in self.suffixes:
            if word.endswith(british) and len(word) - len(british) >= 3:
                return word[: -len(british)] + american
        return word


#: Endings of irregular noun plurals in the lemma table ("nuclei", "criteria", "vertebrae",
#: "children", "feet", "teeth", "mice", "varices", "knives"); a regular plural ends in "s".
IRREGULAR_PLURAL_ENDINGS = ("i", "a", "ae", "en", "eet", "eeth", "ice", "ices", "ves")


def plural_in_en(form: str, lemma: str) -> bool:
    """Whether a form in "-en" is its lemma's plural ("oxen", "children", "women"), not a
    verb's participle ("broken", "swollen")."""
    return form in (lemma + "en", lemma + "ren") or (
        lemma.endswith("an") and form == lemma[:-2] + "en"
    )


_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")


def folded(word: str) -> str:
    """A word as its letters read, in lower case: compatibility forms and decomposed accents
    composed (NFKC: the ligature U+FB01 is "fi", a full-width letter its ASCII one), invisible
    characters dropped."""
    low = word.lower()
    if low.isascii():
        return low
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", low))


@dataclass
class Normalizer:
    """Maps a word to its normal form; results are cached per instance."""

    lemmas: dict[str, str]
    spelling: SpellingRules
    _cache: dict[str, str] = field(default_factory=dict, repr=False)

    def normal(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        low = folded(word.replace("’", "'"))
        if low.endswith(_POSSESSIVE):
            low = low[:-2]
        result = self.spelling.americanize(self._lemma_of(low))
        self._cache[word] = result
        return result

    def normals(self, words: list[str], distinct: set[str] | None = None) -> list[str]:
        """The normal forms of many words (``distinct``: the set of them, if already made):
        one dictionary lookup each once a word was seen."""
        known = self._cache
        for word in (set(words) if distinct is None else distinct).difference(known):
            self.normal(word)
        return list(map(known.__getitem__, words))

    def lemma(self, word: str) -> str:
        """The lower-case lemma of a word, without spelling normalization."""
        return self._lemma_of(folded(word.replace("’", "'")))

    def uninflected(self, word: str) -> bool:
        """Whether a word is written as its own lemma, in any case and with either apostrophe
        ("Crohn's" with a straight or a curly one; not "frameworks" or "activated")."""
        return self.lemma(word) == word.lower().replace("’", "'")

    def _lemma_of(self, low: str) -> str:
        """Table first; else strip a plural ending and look the rest up again, so "gatherings"
        and "gathering" meet at "gather"."""
        lemma = self.lemmas.get(low)
        if lemma is None:
            stripped = rule_lemma(low)
            lemma = self.lemmas.get(stripped, stripped)
        return lemma

    @cached_property
    def irregular_plurals(self) -> dict[str, str]:
        """Lemma → the form the table gives as its irregular plural ("child" → "children",
        "criterion" → "criteria"): forms with a noun's plural ending, but not the participles
        that share "-en" with "children" ("broken"); of several, the first alphabetically."""
        found: dict[str, str] = {}
        for form, lemma in sorted(self.lemmas.items()):
            if form.endswith(IRREGULAR_PLURAL_ENDINGS) and (
                not form.endswith("en") or plural_in_en(form, lemma)
            ):
                found.setdefault(lemma, form)
        return found

    def phrase(self, text: str) -> tuple[str, ...]:
        """The normal forms of the words of a phrase."""
        return tuple(self.normal(m.group()) for m in WORD_RE.finditer(text))

    def verb_forms(self, phrases: Iterable[str]) -> frozenset[tuple[str, str]]:
        """(normal form, suffix) of each word the phrases write as an -ing or -ed verb form:
        "soaring" gives ("soar", "ing")."""
        found = set()
        for text in phrases:
            for match in WORD_RE.finditer(text):
                word = match.group().lower()
                normal = self.normal(word)
                if suffix := verb_suffix(word, normal):
                    found.add((normal, suffix))
        return frozenset(found)


def verb_suffix(word: str, normal: str) -> str:
    """ "ing" or "ed" when a (lower-case) word is written as an inflected verb form of its normal
    form, else ""."""
    if word != normal:
        for suffix in ("ing", "ed"):
            if word.endswith(suffix):
                return suffix
    return ""


def load_spelling(path: Path) -> SpellingRules:
    words: dict[str, str] = {}
    substrings: list[tuple[str, str]] = []
    suffixes: list[tuple[str, str]] = []
    kinds = {"substring": substrings, "suffix": suffixes}
    for number, fields in read_tsv(path):
        if fields[0] == "kind":
            continue
        if len(fields) < 3:
            raise ValueError(f"{path}:{number}: expected kind, british, american")
        kind, british, american = fields[:3]
        if kind == "word":
            words[british] = american
        elif kind in kinds:
            kinds[kind].append((british, american))
        else:
            raise ValueError(f"{path}:{number}: unknown spelling rule kind {kind!r}")
    # Longer suffixes first, so "isation" wins over "ise".
    suffixes.sort(key=lambda pair: -len(pair[0]))
    return SpellingRules(words, tuple(substrings), tuple(suffixes))


def load_lemmas(path: Path) -> dict[str, str]:
    with bulk_loading():
        return {fields[0]: fields[1] for _, fields in read_tsv(path) if fields[0] != "form"}


def normalization_tables() -> list[Path]:
    """The data files that decide normal forms (cache keys depend on them)."""
    directory = lexicon_dir()
    return [directory / "lemmas.tsv", directory / "spelling.tsv"]


@cache
def default_normalizer() -> Normalizer:
    """The normalizer built from the shipped lemma and spelling tables (loaded once)."""
    directory = lexicon_dir()
    return Normalizer(
        load_lemmas(directory / "lemmas.tsv"), load_spelling(directory / "spelling.tsv")
    )


class SortedWords:
    """A sorted word list, looked up by bisection: loading 90,000 words costs one split of the
    file instead of hashing each (about 10 ms against 30, which a pre-commit run notices)."""

    def __init__(self, words: list[str]) -> None:
        self._words = words

    def __contains__(self, word: object) -> bool:
        index = bisect.bisect_left(self._words, word)  # type: ignore[arg-type]
        return index < len(self._words) and self._words[index] == word


@cache
def english_words() -> SortedWords:
    """Ordinary English words, lower case, as written (``lexicons/words.txt``, kept sorted by
    ``scripts/derive_word_data.py``; its ``#`` lines come first)."""
    lines = (lexicon_dir() / "words.txt").read_text(encoding="utf-8").split("\n")
    start, end = 0, len(lines)
    while start < end and (not lines[start] or lines[start].startswith("#")):
        start += 1  # the comment header
    while end > start and not lines[end - 1]:
        end -= 1  # the final line break
    return SortedWords(lines[start:end])
