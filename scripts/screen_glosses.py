"""Screen fixer on ordinary English: WordNet 3.0's glosses, about 1.46 million words of
dictionary definitions, none of them spun. Every finding there is a false positive.

The glosses are checked in documents of ``--per-document`` glosses (200 by default), as a
writer's pages would be, with every detector on. Prints how many findings each detector
makes; ``--list`` prints each finding (detector, entry, text, suggestion, severity), sorted,
for comparing two versions with ``diff``.

    python scripts/screen_glosses.py [--list] [--per-document N]

Needs Debian's ``wordnet-base`` (``/usr/share/wordnet``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixer.engine import make_checker  # noqa: E402

WORDNET = Path("/usr/share/wordnet")
PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")


def glosses(folder: Path) -> list[str]:
    """Each synset's gloss (definition and examples), in the order of the data files."""
    found = []
    for pos in PARTS_OF_SPEECH:
        with (folder / f"data.{pos}").open(encoding="latin-1") as data:
            for line in data:
                if not line.startswith("  ") and "|" in line:
                    found.append(line.split("|", 1)[1].strip())
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print every finding")
    parser.add_argument("--per-document", type=int, default=200, metavar="N")
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    args = parser.parse_args()
    if not (args.wordnet / "data.noun").exists():
        print(
            f"WordNet not found in {args.wordnet} (apt-get install wordnet-base)", file=sys.stderr
        )
        return 2
    texts = glosses(args.wordnet)
    checker = make_checker()
    by_detector: Counter[str] = Counter()
    rows = []
    for first in range(0, len(texts), args.per_document):
        for f in checker.check("\n\n".join(texts[first : first + args.per_document])):
            by_detector[f.detector] += 1
            suggestion = f.suggestions[0] if f.suggestions else ""
            rows.append(f"{f.detector}\t{f.entry_id}\t{f.text}\t{suggestion}\t{f.severity.name}")
    words = sum(len(text.split()) for text in texts)
    print(f"{words:,} words in {len(texts):,} glosses: {sum(by_detector.values())} findings")
    for detector, count in by_detector.most_common():
        print(f"  {detector}: {count}")
    if args.list:
        print("\n".join(sorted(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
