"""Print how many expected corrections fixer gets right in the spun articles of a folder.

    python scripts/spun_report.py [samples/spun/dev] [--misses]

Each spun article ``NAME.md`` comes with ``NAME.expected.tsv`` (phrase, count, tier, expected);
a row passes as in the seed acceptance test (``tests/acceptance.py``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from acceptance import TIERS, article_results, expected_rows, spun_articles  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "samples/spun/dev"])
    parser.add_argument("--misses", action="store_true", help="list the rows that fail")
    args = parser.parse_args()
    totals = {tier: [0, 0] for tier in TIERS}
    print("| article | " + " | ".join(TIERS) + " |")
    print("| --- |" + " --- |" * len(TIERS))
    misses = []
    for folder in args.folders:
        for article, table in spun_articles(folder):
            text = article.read_text(encoding="utf-8")
            results = article_results(text, expected_rows(table), syntax="markdown")
            cells = []
            for tier in TIERS:
                rows = results[tier]
                passed = sum(rows.values())
                totals[tier][0] += passed
                totals[tier][1] += len(rows)
                cells.append(f"{passed}/{len(rows)}")
                misses += [f"{article.stem} {tier}: {p}" for p, ok in rows.items() if not ok]
            print(f"| {article.stem} | " + " | ".join(cells) + " |")
    cells = [f"{p}/{n} ({p / n:.0%})" if n else "0/0" for p, n in totals.values()]
    print("| **all** | " + " | ".join(cells) + " |")
    if args.misses:
        print("\n".join(["", *misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
