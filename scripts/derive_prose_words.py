"""Derive ``lexicons/medical-prose-words.txt``: words common in clean medical prose.

Counts the normalized words of two clean corpora meant for building: ``abstracts-dev.txt`` (592
PubMed abstracts; a word counts from ``MIN_ABSTRACT_COUNT`` uses) and ``samples/clean/dev/``
(patient-information articles written for fixer; from ``MIN_ARTICLE_COUNT`` uses). A swap learnt
from the lexicon whose spun words are all outside this list is telling (spinners put odd words
where medical terms stood), so synonym reversal treats it as strong; a word clean health writing
uses ("serious", "sight") is no such sign.

    python scripts/derive_prose_words.py [path/to/abstracts-dev.txt]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixer.words import WORD_RE, default_normalizer  # noqa: E402

DEV = ROOT.parent / "shared" / "corpora" / "ncbi_disease" / "abstracts-dev.txt"
ARTICLES = ROOT / "samples" / "clean" / "dev"
MIN_ABSTRACT_COUNT = 3
MIN_ARTICLE_COUNT = 2


def counts(text: str) -> Counter[str]:
    normal = default_normalizer().normal
    return Counter(w for m in WORD_RE.finditer(text) if (w := normal(m.group())).isalpha())


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEV
    abstracts = counts(corpus.read_text("utf-8"))
    articles = counts("\n".join(p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.md"))))
    words = sorted(
        {w for w, n in abstracts.items() if n >= MIN_ABSTRACT_COUNT}
        | {w for w, n in articles.items() if n >= MIN_ARTICLE_COUNT}
    )
    with (ROOT / "lexicons" / "medical-prose-words.txt").open("w", encoding="utf-8") as out:
        out.write(
            "# Derived by scripts/derive_prose_words.py: normalized words seen at least "
            f"{MIN_ABSTRACT_COUNT} times in the NCBI disease\n# corpus's training abstracts (US "
            f"Government work, public domain) or {MIN_ARTICLE_COUNT} times in fixer's clean "
            "articles\n# (samples/clean/dev, CC0).\n"
        )
        out.writelines(word + "\n" for word in words)
    print(f"{len(words)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
