"""Where fixer's curated data lives, and how its TSV files are read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def lexicon_dir() -> Path:
    """The built-in ``lexicons/`` folder.

    An installed package carries it as ``fixer/lexicons``; a source checkout keeps it at the
    repository's top level, next to the package.
    """
    installed = _PACKAGE_DIR / "lexicons"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "lexicons"


def read_words(path: Path) -> frozenset[str]:
    """The words of a word-list file: one per line; blank lines and ``#`` comments skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def read_tsv(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line_number, fields)`` for each data row of a tab-separated file.

    Blank lines and lines starting with ``#`` are skipped; the header row is yielded like any
    other, so callers can check it. A UTF-8 byte order mark (spreadsheets write one when they
    save "UTF-8" text) is no part of the first field.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield number, line.split("\t")
