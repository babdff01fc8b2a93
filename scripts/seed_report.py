"""Print the seed acceptance figures: how many expected corrections each tier gets right.

    python scripts/seed_report.py [../shared/seed]

A row passes when, with every finding's top suggestion applied, each occurrence of its phrase
reads as one of the expected terms (the same rule as tests/test_seed.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import test_seed  # noqa: E402


def main() -> int:
    results = test_seed.seed_results()
    for tier, rows in results.items():
        passed = sum(rows.values())
        print(f"{tier}: {passed}/{len(rows)} ({passed / len(rows):.0%})")
        for phrase, ok in rows.items():
            if not ok:
                print(f"  not corrected: {phrase}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
