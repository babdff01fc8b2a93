"""Known terms: the vocabulary synonym reversal reads spun words back into
(``lexicons/vocabulary.tsv``), how each term is written, and the established English phrases
that are no garble though they read back as a term (``lexicons/english-phrases.txt``).

Each set is kept as normalized words joined by single spaces, with every start of a term, so
that a reading can grow word by word and stop as soon as it starts no term."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from fixer import inflect
from fixer.cache import cached
from fixer.data import lexicon_dir, read_tsv, read_words
from fixer.inflect import head_index, is_english_plural, singular
from fixer.thesaurus import Words
from fixer.words import WORD_RE, default_normalizer, english_words, normalization_tables

_JOIN_RE = re.compile("([ -])")


@cache
def term_spellings() -> dict[str, str]:
    """How ``lexicons/vocabulary.tsv`` writes a known term, by the term's normalized words where
    the two differ: "bind site" is written "binding site", "hospital acquire pneumonia"
    "hospital-acquired pneumonia". Words are joined by a single space, or by a hyphen where the
    vocabulary writes one; a plural head is made singular where English inflection made it
    ("white blood cells"), so that the correction takes the number of the text it replaces,
    and every other word stays as written ("abrasion of teeth", "otitis media", "data
    mining"). Words are spelt the American way, as normal forms are ("celiac
    plexus", though WordNet writes "coeliac"). Where the vocabulary writes a term several
    ways, the first wins ("medical imaging" before "medical image"), hyphenated if another way
    hyphenates the same words."""
    path = lexicon_dir() / "vocabulary.tsv"

    def build() -> dict[str, str]:
        normalizer = default_normalizer()
        rows = [fields[0] for _, fields in read_tsv(path) if fields[0] != "term"]
        english = english_words()
        american = normalizer.spelling.americanize
        # An American way is taken if it is an English word or the vocabulary writes it.
        spelt = {word for term in rows for word in WORD_RE.findall(term) if word.islower()}

        def known(word: str) -> bool:
            return word in spelt or word in english

        spellings: dict[str, str] = {}
        for term in rows:
            written, normal = WORD_RE.findall(term), normalizer.phrase(term)
            if len(written) != len(normal):
                continue
            words = list(written)
            head = head_index(words)
            if is_english_plural(words[head], normalizer):
                words[head] = singular(words[head], normalizer)
            words = [_american(word, american, known) for word in words]
            joins = ["-" if gap == "-" else " " for gap in WORD_RE.split(term)[1:-1]]
            way = "".join(interleave(words, joins))
            first = spellings.setdefault(" ".join(normal), way)
            if first.replace("-", " ") == way.replace("-", " ") and "-" in way:
                spellings[" ".join(normal)] = way  # the same words, hyphenated
        return {term: way for term, way in spellings.items() if way != term}

    sources = [
        path,
        lexicon_dir() / "words.txt",
        *normalization_tables(),
        Path(__file__),
        Path(inflect.__file__),
    ]
    return cached("vocabulary-spellings", sources, build, dict)  # type: ignore[arg-type]


def _american(word: str, americanize: Callable[[str], str], known: Callable[[str], bool]) -> str:
    """A lower-case word spelt the American way where that way is a ``known`` word ("anaemia"
    → "anemia", "coeliac" → "celiac"): normal forms rewrite every "-ise" ending, but "bruise"
    stays "bruise", "supervised" "supervised" and "faecalis" "faecalis"."""
    if not word.islower():
        return word
    american = americanize(word)
    return american if known(american) else word


def interleave(words: Sequence[str], joins: Sequence[str]) -> Iterator[str]:
    """Words with what joins each to the next: a space or a hyphen."""
    for word, join in zip(words, [*joins, ""], strict=True):
        yield word
        yield join


def written_form(term: str) -> tuple[list[str], list[str]]:
    """A known term (its normalized words) as the vocabulary writes it: its words, and what
    joins each to the next (a space or a hyphen)."""
    pieces = _JOIN_RE.split(term_spellings().get(term, term))
    return pieces[0::2], pieces[1::2]


class Phrases(NamedTuple):
    """Phrases, and every start of one (of one word or more), each as its normalized words
    joined by single spaces."""

    terms: frozenset[str]
    prefixes: frozenset[str]


class Vocabulary(NamedTuple):
    """Known terms, and every start of one (of one word or more), each as its normalized words
    joined by single spaces: sets of strings load several times faster than sets of word tuples,
    which matters for start-up."""

    terms: frozenset[str]
    prefixes: frozenset[str]
    words: frozenset[str]  # every word of some term

    @classmethod
    def of(cls, terms: Iterable[Words]) -> Vocabulary:
        joined = frozenset(map(" ".join, terms))
        return cls(joined, joined | _starts(joined), words_of(joined))


def words_of(terms: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(terms).split(" "))


def _starts(terms: Iterable[str]) -> set[str]:
    """The starts of terms that are shorter than the terms."""
    found = set()
    for term in terms:
        space = term.find(" ")
        while space != -1:
            found.add(term[:space])
            space = term.find(" ", space + 1)
    return found


@cache
def default_vocabulary() -> Vocabulary:
    path = lexicon_dir() / "vocabulary.tsv"

    def build() -> list[str]:
        normalizer = default_normalizer()
        terms = {" ".join(normalizer.phrase(f[0])) for _, f in read_tsv(path) if f[0] != "term"}
        starts = _starts(terms) - terms
        return ["\n".join(sorted(found)) for found in (terms, starts, words_of(terms))]

    def restore(texts: list[str]) -> Vocabulary:
        terms, starts, words = (frozenset(text.split("\n") if text else ()) for text in texts)
        return Vocabulary(terms, terms | starts, words)

    sources = [path, *normalization_tables(), Path(__file__)]  # the code that builds it, too
    return cached("vocabulary", sources, build, restore)  # type: ignore[arg-type]


@cache
def english_phrases() -> Phrases:
    """Established English phrases that hold a spinner's word (``lexicons/english-phrases.txt``,
    from WordNet: "telephone line", "atomic weight"), as known terms are held: a text that
    writes one means it, though it reads back as a term ("cell line")."""
    path = lexicon_dir() / "english-phrases.txt"

    def build() -> list[str]:
        normalizer = default_normalizer()
        phrases = {" ".join(normalizer.phrase(line)) for line in read_words(path)}
        return ["\n".join(sorted(phrases)), "\n".join(sorted(_starts(phrases) - phrases))]

    def restore(texts: list[str]) -> Phrases:
        phrases, starts = (frozenset(text.split("\n") if text else ()) for text in texts)
        return Phrases(phrases, phrases | starts)

    sources = [path, *normalization_tables(), Path(__file__)]
    return cached("english-phrases", sources, build, restore)  # type: ignore[arg-type]
