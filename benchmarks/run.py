"""fixer's benchmark: start-up, throughput, memory and parallelism, side by side with codespell
(a dictionary fixer) and TorturePhrases_Estimator (a tortured-phrase detector) in the same run.

    python benchmarks/run.py            # about 3-5 minutes on 2 cores
    python benchmarks/run.py --quick --jobs-seconds 3    # a smoke run

Machines here are noisy, so every figure comes with a ratio to a reference measured in the same
run. The corpus (about 10 MB of distinct text) is built from
``../shared/corpora/ncbi_disease/abstracts-dev.txt`` when present, else generated: sentences are
reshuffled across documents with a fixed seed, and the spun samples of ``samples/`` are planted in
every 20th document. Needs ``pip install codespell TorturePhrases_Estimator`` for the references
(each is skipped with a note when missing).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpora" / "ncbi_disease" / "abstracts-dev.txt"
MAXRSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def sentences() -> list[str]:
    if DEV.exists():
        text = DEV.read_text(encoding="utf-8")
        return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 20]
    rng = random.Random(7)
    words = "patients were treated with therapy and the results showed improved outcome".split()
    return [" ".join(rng.choice(words) for _ in range(14)).capitalize() + "." for _ in range(5000)]


def build_corpus(directory: Path, megabytes: float, seed: int = 20261124) -> list[Path]:
    """Documents of about 10 KB of reshuffled sentences; every 20th gets a spun sample."""
    rng = random.Random(seed)
    pool = sentences()
    spun = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    paths, total, index = [], 0, 0
    while total < megabytes * 1_000_000:
        body = " ".join(rng.sample(pool, 60))
        if index % 20 == 0 and spun:
            body += "\n\n" + spun[index // 20 % len(spun)]
        path = directory / f"doc{index:05d}.txt"
        path.write_text(body + "\n", encoding="utf-8")
        paths.append(path)
        total += len(body.encode())
        index += 1
    return paths


def wall(command: list[str], repeat: int) -> float:
    """Median wall time of a whole process."""
    return walls([command], repeat)[0]


def walls(commands: list[list[str]], repeat: int) -> list[float]:
    """Median wall times of whole processes, run in turn (so that a noisy moment of the
    machine slows them alike and their ratios hold)."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for command, taken in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            taken.append(time.perf_counter() - start)
    return [statistics.median(taken) for taken in times]


def _timed(function: Callable[[str], object], argument: str) -> float:
    start = time.perf_counter()
    function(argument)
    return time.perf_counter() - start


def peak_mb(command: list[str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", MAXRSS, *command], capture_output=True, text=True
    ).stdout
    return int(out.strip() or 0) / 1024


def row(name: str, value: str, ratio: str = "") -> None:
    print(f"| {name} | {value} | {ratio} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--jobs-seconds",
        type=float,
        default=30.0,
        help="size the --jobs workload to take at least this long with one job (default 30)",
    )
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    # pip compiles an installed package's bytecode; let the warm-up run write it here too, or
    # every timed start-up would compile fixer's sources again.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    fixer = [sys.executable, "-m", "fixer"]
    beside = Path(sys.executable).parent / "codespell"
    codespell = str(beside) if beside.exists() else shutil.which("codespell")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        corpus = folder / "corpus"
        corpus.mkdir()
        paths = build_corpus(corpus, 1.0 if args.quick else 10.0)
        size_mb = sum(p.stat().st_size for p in paths) / 1e6
        clean = folder / "clean.md"
        clean.write_text(" ".join(sentences()[:40])[:5000] + "\n", encoding="utf-8")
        spun = ROOT / "samples" / "cbc-blood-test.md"

        print(f"corpus: {len(paths)} files, {size_mb:.1f} MB\n")
        print("| measure | fixer | reference |")
        print("| --- | --- | --- |")
        subprocess.run([*fixer, "check", str(clean)], capture_output=True)  # fill the cache
        starts = [[sys.executable, "-c", "pass"], [*fixer, "check", str(clean)]]
        starts += [[*fixer, "check", str(spun)], *([[codespell, str(clean)]] if codespell else [])]
        python, cold_clean, cold_spun, *reference = walls(starts, repeat)
        row("python -c pass", f"{python:.3f} s")
        if reference:
            ref = reference[0]
            row(
                "cold start, clean 5 KB .md",
                f"{cold_clean:.3f} s",
                f"codespell {ref:.3f} s (×{cold_clean / ref:.2f})",
            )
        else:
            row("cold start, clean 5 KB .md", f"{cold_clean:.3f} s", "codespell not installed")
        row("cold start, spun sample .md", f"{cold_spun:.3f} s")

        from fixer.engine import make_checker

        checker = make_checker()
        texts = [p.read_text(encoding="utf-8") for p in paths]
        checker.check(texts[0])
        start = time.perf_counter()
        findings = sum(len(checker.check(t)) for t in texts)
        warm = time.perf_counter() - start
        row(
            "warm throughput, all detectors, 1 core",
            f"{size_mb / warm:.2f} MB/s",
            f"{findings} findings",
        )
        row(
            "peak memory, check --jobs 1 corpus",
            f"{peak_mb([*fixer, 'check', '--jobs', '1', str(corpus)]):.0f} MB",
        )
        if codespell:
            row("codespell peak memory", f"{peak_mb([codespell, str(corpus)]):.0f} MB")

        # A workload that keeps one job busy for at least --jobs-seconds: more documents of
        # the same kind, sized from the warm throughput just measured (plus start-up).
        jobs_corpus = folder / "jobs"
        jobs_corpus.mkdir()
        jobs_mb = max(size_mb, args.jobs_seconds * size_mb / warm * 1.15)
        jobs_paths = build_corpus(jobs_corpus, jobs_mb, seed=20261205)
        jobs_mb = sum(p.stat().st_size for p in jobs_paths) / 1e6
        outputs = {}
        times = {}
        for jobs in (1, 2):
            command = [*fixer, "check", "--format", "concise", "--jobs", str(jobs)]
            start = time.perf_counter()
            done = subprocess.run([*command, str(jobs_corpus)], capture_output=True, text=True)
            times[jobs] = time.perf_counter() - start
            outputs[jobs] = done.stdout
        one, two = times[1], times[2]
        row(
            f"check --jobs 1, {len(jobs_paths)} files, {jobs_mb:.0f} MB",
            f"{one:.1f} s ({jobs_mb / one:.2f} MB/s)",
        )
        row(
            "check --jobs 2, same files",
            f"{two:.1f} s",
            f"speed-up ×{one / two:.2f}; output identical: {outputs[1] == outputs[2]}",
        )
        if codespell:
            ref = wall([codespell, str(jobs_corpus)], 1)
            row(
                "codespell, same files",
                f"{ref:.1f} s ({jobs_mb / ref:.2f} MB/s)",
                f"fixer --jobs 1 / codespell time ×{one / ref:.2f}",
            )
        try:
            from TorturePhrases_Estimator import identify_tortured_phrases
        except ImportError:
            row("TorturePhrases_Estimator", "not installed")
        else:
            sample = "".join(texts)[:200_000]
            start = time.perf_counter()
            identify_tortured_phrases(sample)
            ref = time.perf_counter() - start
            ours = statistics.median(_timed(checker.check, sample) for _ in range(5))
            row(
                "200 KB subsample (fixer: median of 5 checks; reference: 1 run)",
                f"{0.2 / ours:.2f} MB/s",
                f"TorturePhrases_Estimator {0.2 / ref:.3f} MB/s (fixer ×{ref / ours:.0f})",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
