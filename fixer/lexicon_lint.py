"""Checks over whole lexicon files, beyond what loading one row checks.

Used by the test suite on the built-in lexicons and by ``fixer lexicon validate`` on user files:
duplicate ids and garbles, corrections that are themselves flagged (cycles, or a correction
containing another entry's garble), examples that do not trigger their entry, and file layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fixer.detectors.lexicon import LexiconDetector
from fixer.lexicon import BUILTIN_ID_RE, COLUMNS, Lexicon, LexiconError, read_entries
from fixer.matcher import tokenize
from fixer.model import CATEGORIES, Entry
from fixer.words import Normalizer, default_normalizer

if TYPE_CHECKING:
    from fixer.engine import Checker


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def lint_files(paths: Sequence[Path], builtin_layout: bool = False) -> list[Problem]:
    """Every problem in ``paths`` taken together (they are checked as one lexicon)."""
    from fixer.engine import Checker

    normalizer = default_normalizer()
    entries: list[Entry] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            file_entries = read_entries(path, normalizer)
        except LexiconError as error:
            problems.append(Problem(error.path, error.line, error.reason))
            continue
        problems += _layout(path, file_entries, builtin_layout)
        entries += file_entries
    problems += _duplicates(entries, normalizer)
    checker = Checker(Lexicon(tuple(entries), "lint"), detectors=("lexicon",))
    (spun,) = (d for d in checker.detectors if isinstance(d, LexiconDetector))
    for entry in entries:
        for correction in entry.corrections:
            for finding in checker.check(correction):
                problems.append(
                    Problem(
                        entry.path,
                        entry.line,
                        f"correction {correction!r} is flagged by "
                        f"{finding.entry_id} ({finding.text!r})",
                    )
                )
        if not _example_triggers(checker, spun, entry):
            problems.append(
                Problem(
                    entry.path,
                    entry.line,
                    f"example does not trigger {entry.id}: {entry.example!r}",
                )
            )
    return problems


def _example_triggers(checker: Checker, spun: LexiconDetector, entry: Entry) -> bool:
    """Whether an entry's example triggers it; an entry that holds only in spinner output
    (``in:spun``) is tried as in a document that reads as spun (``spun.topic_waived``)."""
    if entry.id in {f.entry_id for f in checker.check(entry.example)}:
        return True
    if not any(clause.where == "in" for clause in entry.context):
        return False
    tokens = tokenize(entry.example, checker.normalizer)
    return entry.id in {c.entry_id for c in spun.topic_waived(entry.example, tokens)}


def _layout(path: Path, entries: list[Entry], builtin_layout: bool) -> list[Problem]:
    problems = []
    ids = [e.id for e in entries]
    if ids != sorted(ids):
        problems.append(Problem(str(path), 0, "rows must be sorted by id"))
    for entry in entries:
        if not entry.id.startswith(CATEGORIES[entry.category]):
            problems.append(
                Problem(
                    str(path),
                    entry.line,
                    f"id {entry.id} needs prefix {CATEGORIES[entry.category]}",
                )
            )
        if builtin_layout:
            if not BUILTIN_ID_RE.match(entry.id):
                problems.append(
                    Problem(
                        str(path),
                        entry.line,
                        f"built-in id {entry.id} must be a prefix and four digits",
                    )
                )
            expected = "general-wording" if path.name == "general.tsv" else path.stem
            if entry.category != expected:
                problems.append(
                    Problem(
                        str(path), entry.line, f"category {entry.category} belongs in another file"
                    )
                )
    return problems


def _duplicates(entries: list[Entry], normalizer: Normalizer) -> list[Problem]:
    problems = []
    by_id: dict[str, Entry] = {}
    by_garble: dict[tuple[str, ...], Entry] = {}
    for entry in entries:
        if entry.id in by_id:
            problems.append(
                Problem(
                    entry.path,
                    entry.line,
                    f"duplicate id {entry.id} (first at line {by_id[entry.id].line})",
                )
            )
        by_id.setdefault(entry.id, entry)
        key = normalizer.phrase(entry.garble)
        if key in by_garble:
            first = by_garble[key]
            problems.append(
                Problem(entry.path, entry.line, f"garble {entry.garble!r} duplicates {first.id}")
            )
        by_garble.setdefault(key, entry)
    return problems


def header_problem(path: Path) -> Problem | None:
    """Whether the first data line is the expected header."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line and not line.startswith("#"):
            if line.split("\t") != list(COLUMNS):
                return Problem(str(path), number, "header must be: " + " ".join(COLUMNS))
            return None
    return Problem(str(path), 0, "no header row")
