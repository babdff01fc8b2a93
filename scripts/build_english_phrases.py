"""Build ``lexicons/english-phrases.txt``: established English phrases that hold a spinner's word.

Synonym reversal reads a window such as "telephone line" back as "cell line", because spinners
put "telephone" for "cell". But "telephone line" is itself an English phrase, and a text that
writes one means it. WordNet 3.0 lists such phrases as multi-word lemmas of every part of speech
("telephone line", "atomic weight", "lymph gland"). This keeps those of 2 to 5 plain words that
hold a word some swap puts in (``fixer.thesaurus.default_thesaurus``: no other window is ever
read back) and that are no known term (``lexicons/vocabulary.tsv`` covers those already).

Rebuild it whenever ``swaps.tsv``, the lexicon or the vocabulary changes.

Usage (needs ``apt-get install wordnet-base``):

    python scripts/build_english_phrases.py > lexicons/english-phrases.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixer.detectors.reversal import default_vocabulary  # noqa: E402
from fixer.thesaurus import default_thesaurus  # noqa: E402
from fixer.words import default_normalizer  # noqa: E402

WORDNET_INDEXES = [
    Path(f"/usr/share/wordnet/index.{pos}") for pos in ("noun", "verb", "adj", "adv")
]
PLAIN_PHRASE = re.compile(r"^[a-z][a-z'-]*(?: [a-z][a-z'-]*){1,4}$")


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


def main() -> None:
    normalizer = default_normalizer()
    spun = {word for swap in default_thesaurus().swaps for word in swap.spun}
    terms = default_vocabulary().terms
    kept = []
    for phrase in sorted(wordnet_phrases()):
        words = normalizer.phrase(phrase)
        if any(word in spun for word in words) and " ".join(words) not in terms:
            kept.append(phrase)
    print("# Derived by scripts/build_english_phrases.py; do not edit by hand.")
    print("# Multi-word lemmas of WordNet 3.0 (Copyright 2006 Princeton University, WordNet")
    print("# licence: free use and redistribution with this notice; see lexicons/LICENSES.md)")
    print("# that hold a word some spinner swap puts in and are no term of vocabulary.tsv.")
    print("\n".join(kept))


if __name__ == "__main__":
    main()
