"""Derive ``lexicons/medical-prose-words.txt``: words common in clean medical prose.

Counts the normalized words of ``abstracts-dev.txt`` (592 clean PubMed abstracts, the corpus
meant for building) and keeps those seen at least ``MIN_COUNT`` times. A swap learnt from the
lexicon whose spun words are all outside this list is telling (spinners put odd words where
medical terms stood), so synonym reversal treats it as strong.

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
MIN_COUNT = 3


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEV
    normal = default_normalizer().normal
    counts = Counter(normal(m.group()) for m in WORD_RE.finditer(corpus.read_text("utf-8")))
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT and w.isalpha())
    with (ROOT / "lexicons" / "medical-prose-words.txt").open("w", encoding="utf-8") as out:
        out.write(
            "# Derived by scripts/derive_prose_words.py: normalized words seen at least "
            f"{MIN_COUNT} times\n# in the NCBI disease corpus's training abstracts "
            "(US Government work, public domain).\n"
        )
        out.writelines(word + "\n" for word in words)
    print(f"{len(words)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
