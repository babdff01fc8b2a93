"""Build ``lexicons/english-phrases.txt``: established English phrases that hold a spinner's word.

Synonym reversal reads a window such as "telephone line" back as "cell line", because spinners
put "telephone" for "cell". But "telephone line" is itself an English phrase, and a text that
writes one means it. Two sources list such phrases:

- WordNet 3.0's multi-word lemmas of every part of speech ("telephone line", "atomic weight",
  "lymph gland"): those of 2 to 5 plain words that hold a word some swap puts in
  (``fixer.thesaurus.default_thesaurus``: no other window is ever read back);
- the most frequent English word pairs of Google Books, as SymSpell ships them (242,342 pairs,
  each seen at least 6.4 million times): those that synonym reversal, left to itself, reads
  back as a term, even at the lower bar of a spun document ("huge difference" as "significant
  difference", "whey protein" as "serum protein", "careful attention" as "surgical care").

A phrase that is a known term (``lexicons/vocabulary.tsv``) or a garble of the lexicon is left
out: the one is covered already, the other is flagged whatever this list says.

Rebuild it whenever ``swaps.tsv``, the lexicon or the vocabulary changes.

Usage (needs ``apt-get install wordnet-base`` and ``pip install symspellpy``):

    python scripts/build_english_phrases.py > lexicons/english-phrases.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixer.detectors.reversal import (  # noqa: E402
    SPUN_DOCUMENTED_FROM,
    Documented,
    ReversalDetector,
)
from fixer.lexicon import builtin_lexicon  # noqa: E402
from fixer.matcher import tokenize  # noqa: E402
from fixer.terms import Phrases, default_vocabulary  # noqa: E402
from fixer.thesaurus import default_thesaurus  # noqa: E402
from fixer.words import default_normalizer  # noqa: E402

WORDNET = Path("/usr/share/wordnet")
WORDNET_INDEXES = [WORDNET / f"index.{pos}" for pos in ("noun", "verb", "adj", "adv")]
PLAIN_PHRASE = re.compile(r"^[a-z][a-z'-]*(?: [a-z][a-z'-]*){1,4}$")
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"


def wordnet_phrases() -> set[str]:
    phrases = set()
    for index in WORDNET_INDEXES:
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue  # the licence at the top of each index
            lemma = line.split(" ", 1)[0].replace("_", " ")
            if PLAIN_PHRASE.match(lemma):
                phrases.add(lemma)
    return phrases


def frequent_pairs() -> set[str]:
    import symspellpy

    path = Path(symspellpy.__file__).parent / BIGRAMS
    pairs = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        pair = " ".join(line.split(" ")[:2]).lower()
        if PLAIN_PHRASE.match(pair):
            pairs.add(pair)
    return pairs


def main() -> None:
    normalizer = default_normalizer()
    spun = {word for swap in default_thesaurus().swaps for word in swap.spun}
    terms = default_vocabulary().terms
    lexicon = builtin_lexicon()
    garbles = {" ".join(entry.normal) for entry in lexicon.entries}
    known = terms | garbles

    def is_new(phrase: str) -> bool:
        return " ".join(normalizer.phrase(phrase)) not in known

    kept = {
        phrase
        for phrase in wordnet_phrases()
        if any(word in spun for word in normalizer.phrase(phrase)) and is_new(phrase)
    }
    # Synonym reversal with no phrases of its own, at the bar of a spun document.
    reversal = ReversalDetector(normalizer, phrases=Phrases(frozenset(), frozenset()))
    documented = Documented.of(lexicon, normalizer)
    for pair in sorted(frequent_pairs() - kept):
        tokens = tokenize(pair, normalizer)
        if is_new(pair) and reversal.candidates(pair, tokens, SPUN_DOCUMENTED_FROM, documented):
            kept.add(pair)
    print("# Derived by scripts/build_english_phrases.py; do not edit by hand.")
    print("# Multi-word lemmas of WordNet 3.0 (Copyright 2006 Princeton University, WordNet")
    print("# licence: free use and redistribution with this notice) that hold a word some")
    print("# spinner swap puts in, and frequent word pairs of Google Books (Google Books Ngram")
    print("# data, CC BY 3.0, as SymSpell's bigram dictionary ships them) that synonym reversal")
    print("# reads as terms; none is a term of vocabulary.tsv or a garble. See LICENSES.md.")
    print("\n".join(sorted(kept)))


if __name__ == "__main__":
    main()
