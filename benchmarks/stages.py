"""Where a warm check spends its time: CPU seconds by stage over the benchmark's 10 MB corpus.

Each stage's function (the word scan, every detector's seeds and candidates, the tokens of the
seeded regions, the second reading of documents that read as spun) is wrapped with a timer,
in one process, after a first pass over 200 documents has loaded and warmed everything. A stage
that calls another is charged for it too (synonym reversal's searches include those of the
second reading), so the rows overlap; the total is the whole pass.

    python benchmarks/stages.py [--megabytes 10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as benchmark

import fixer.engine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        texts = [
            p.read_text(encoding="utf-8")
            for p in benchmark.build_corpus(Path(folder), args.megabytes)
        ]
    checker = fixer.engine.make_checker()
    for text in texts[:200]:
        checker.check(text)
    spent: Counter[str] = Counter()

    def timed(owner: object, name: str, label: str) -> None:
        function: Callable[..., object] = getattr(owner, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start

        setattr(owner, name, wrapper)

    for detector in checker.detectors:
        timed(detector, "seeds", f"{detector.name}: seeds")
        timed(detector, "candidates", f"{detector.name}: candidates")
    timed(fixer.engine, "scan_words", "splitting and normalizing words")
    timed(fixer.engine, "tokenize_regions", "tokens of the seeded regions")
    timed(checker, "_with_spun_readings", "second reading of spun documents")
    start = time.process_time()
    for text in texts:
        checker.check(text)
    total = time.process_time() - start
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    rate = megabytes / total
    print(f"{len(texts)} documents, {megabytes:.1f} MB: {total:.2f} CPU s ({rate:.2f} MB/s)\n")
    print("| stage | CPU s |\n| --- | --- |")
    for label, seconds in spent.most_common():
        print(f"| {label} | {seconds:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
