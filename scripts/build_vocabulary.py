"""Build ``lexicons/vocabulary.tsv``: correct multi-word medical terms for synonym reversal.

Sources (all offline, all open):

- ICD-10-CM code titles, from the ``simple-icd-10-cm`` package (ICD-10-CM is a work of the US
  National Center for Health Statistics, in the public domain). A title, or the part before its
  first comma, of 2 to 5 plain words.
- WordNet 3.0 (Princeton licence, redistributable with its notice) from Debian's
  ``wordnet-base``: multi-word nouns from the lexicographer files for the body, states
  (diseases, conditions), processes and substances (drugs, chemicals, body fluids).
- ``lexicons/terms.tsv``: standard terms curated for fixer, independent of its lexicon;
- fixer's own data: lexicon corrections, abbreviation expansions and the originals of swaps.

Usage (needs ``pip install simple-icd-10-cm`` and ``apt-get install wordnet-base``):

    python scripts/build_vocabulary.py > lexicons/vocabulary.tsv
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixer.data import read_tsv  # noqa: E402
from fixer.lexicon import builtin_files, read_entries  # noqa: E402
from fixer.patterns import is_fragment  # noqa: E402
from fixer.words import WORD_RE  # noqa: E402

WORDNET_NOUNS = Path("/usr/share/wordnet/data.noun")
# WordNet lexicographer file numbers: noun.body, noun.process, noun.state, noun.substance.
WORDNET_FILES = {"08": "body", "22": "process", "26": "state", "27": "substance"}
# ICD-10-CM title openings that qualify a term rather than name it.
ICD_QUALIFIERS = re.compile(r"^(?:other|unspecified|personal history of|family history of) ")
PLAIN_TERM = re.compile(r"^[a-z][a-z'-]*(?: [a-z][a-z'-]*){1,4}$")


def icd10_terms() -> set[str]:
    import simple_icd_10_cm as icd

    terms = set()
    for code in icd.get_all_codes(False):
        title = ICD_QUALIFIERS.sub("", icd.get_description(code).split(",")[0].strip().lower())
        if PLAIN_TERM.match(title) and " and " not in title and " or " not in title:
            terms.add(title)
    return terms


def wordnet_terms() -> set[str]:
    terms = set()
    for line in WORDNET_NOUNS.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" ")
        if fields[1] not in WORDNET_FILES:
            continue
        count = int(fields[3], 16)
        for index in range(count):
            word = fields[4 + 2 * index].lower()
            word = re.sub(r"\(.*\)$", "", word).replace("_", " ")
            if PLAIN_TERM.match(word):
                terms.add(word)
    return terms


def curated_terms() -> set[str]:
    path = ROOT / "lexicons" / "terms.tsv"
    if not path.exists():
        return set()
    return {f[0].lower() for _, f in read_tsv(path) if f[0] != "term" and _several_words(f[0])}


def own_terms() -> set[str]:
    # Medical entries only: general wording ("very common", "too soon") is no term, and
    # neither is a phrase fragment ("admitted to").
    terms = {
        c.lower()
        for path in builtin_files()
        for e in read_entries(path)
        if e.medical
        for c in e.corrections
        if not is_fragment(c)
    }
    lexicons = ROOT / "lexicons"
    for name, column in (("abbreviations.tsv", 1), ("swaps.tsv", 0)):
        path = lexicons / name
        if path.exists():
            terms |= {
                f[column].lower()
                for _, f in read_tsv(path)
                if f[0] not in ("abbreviation", "original")
            }
    return {t for t in terms if _several_words(t)}


def _several_words(term: str) -> bool:
    """Whether a term has two words or more, as fixer reads words: "cross-contamination" has
    two (a hyphenated correction read back as a garble would undo a fix)."""
    return len(WORD_RE.findall(term)) > 1


def main() -> None:
    # External sources first, so that a "fixer" row is a term only fixer's own data supplies.
    sources = {
        "icd10cm": icd10_terms(),
        "wordnet": wordnet_terms(),
        "curated": curated_terms(),
        "fixer": own_terms(),
    }
    print("# Derived by scripts/build_vocabulary.py; do not edit by hand.")
    print("# Sources: ICD-10-CM titles (US NCHS, public domain) via simple-icd-10-cm; WordNet 3.0")
    print("# (Copyright 2006 Princeton University, WordNet licence: free use and redistribution")
    print("# with this notice; see lexicons/LICENSES.md); lexicons/terms.tsv; fixer's own data.")
    print("term\tsource")
    seen: set[str] = set()
    for source, terms in sources.items():
        for term in sorted(terms - seen):
            print(f"{term}\t{source}")
        seen |= terms


if __name__ == "__main__":
    main()
