"""Loading and validating lexicon files (the format is documented in ``lexicons/README.md``)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fixer.data import lexicon_dir, read_tsv
from fixer.model import CATEGORIES, ContextClause, Entry, FixSafety, Severity
from fixer.words import Normalizer, default_normalizer

COLUMNS = (
    "id",
    "garble",
    "correction",
    "category",
    "severity",
    "fix",
    "context",
    "source",
    "example",
)
CONTEXT_KINDS = ("before", "after", "near", "doc", "not_before", "not_after", "not_near", "not_doc")
_ID_RE = re.compile(r"^[A-Z]{2}\d{4}$")
_SOURCE_RE = re.compile(r"^(seed|PPS:\d+|swap:\S.*|curated:\S.*|user(:.*)?)$")


class LexiconError(ValueError):
    """A lexicon file that cannot be loaded; the message names the file and line."""


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    version: str

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


def builtin_files() -> list[Path]:
    directory = lexicon_dir()
    return [*sorted((directory / "medical").glob("*.tsv")), directory / "general.tsv"]


def parse_context(text: str, normalizer: Normalizer) -> tuple[ContextClause, ...]:
    """Parse ``kind:phrase|phrase;kind:…`` into clauses; raise ``ValueError`` when malformed."""
    clauses = []
    for raw in filter(None, (part.strip() for part in text.split(";"))):
        kind, sep, phrases = raw.partition(":")
        kind = kind.strip()
        if not sep or kind not in CONTEXT_KINDS:
            raise ValueError(
                f"context clause {raw!r} must be one of {', '.join(CONTEXT_KINDS)} followed by ':'"
            )
        words = tuple(normalizer.phrase(p) for p in phrases.split("|") if p.strip())
        if not words or not all(words):
            raise ValueError(f"context clause {raw!r} has an empty phrase")
        clauses.append(ContextClause(kind, words))
    return tuple(clauses)


def parse_entry(fields: Sequence[str], path: Path, line: int, normalizer: Normalizer) -> Entry:
    """Build one entry from a row, checking each field; raise ``LexiconError`` on any problem."""
    where = f"{path}:{line}"
    if len(fields) != len(COLUMNS):
        raise LexiconError(
            f"{where}: expected {len(COLUMNS)} tab-separated fields, found {len(fields)}"
        )
    row = dict(zip(COLUMNS, (f.strip() for f in fields), strict=True))
    if not _ID_RE.match(row["id"]):
        raise LexiconError(f"{where}: id {row['id']!r} must be two capitals and four digits")
    if row["category"] not in CATEGORIES:
        raise LexiconError(
            f"{where}: unknown category {row['category']!r}; "
            f"expected one of {', '.join(CATEGORIES)}"
        )
    if not normalizer.phrase(row["garble"]):
        raise LexiconError(f"{where}: empty garble")
    corrections = tuple(c.strip() for c in row["correction"].split("|") if c.strip())
    if not corrections:
        raise LexiconError(f"{where}: no correction")
    try:
        severity = Severity.parse(row["severity"])
        fix = FixSafety.parse(row["fix"])
    except KeyError as error:
        raise LexiconError(f"{where}: unknown severity or fix value {error}") from None
    try:
        context = parse_context(row["context"], normalizer)
    except ValueError as error:
        raise LexiconError(f"{where}: {error}") from None
    if not _SOURCE_RE.match(row["source"]):
        raise LexiconError(
            f"{where}: source {row['source']!r} must be seed, PPS:N, swap:…, curated:… or user"
        )
    if fix is FixSafety.SAFE and (len(corrections) > 1 or context):
        raise LexiconError(
            f"{where}: fix 'safe' needs exactly one correction and no context "
            "(see the fix-safety policy)"
        )
    return Entry(
        row["id"],
        row["garble"],
        corrections,
        row["category"],
        severity,
        fix,
        context,
        row["context"],
        row["source"],
        row["example"],
        str(path),
        line,
    )


def read_entries(path: Path, normalizer: Normalizer | None = None) -> list[Entry]:
    normalizer = normalizer or default_normalizer()
    entries = []
    for line, fields in read_tsv(path):
        if fields[0] == "id":
            if tuple(f.strip() for f in fields) != COLUMNS:
                raise LexiconError(f"{path}:{line}: header must be: {' '.join(COLUMNS)}")
            continue
        entries.append(parse_entry(fields, path, line, normalizer))
    return entries


def load_lexicon(paths: Iterable[Path], normalizer: Normalizer | None = None) -> Lexicon:
    """Load entries from several files; later files override earlier ones by id or garble."""
    normalizer = normalizer or default_normalizer()
    digest = hashlib.sha256()
    by_garble: dict[tuple[str, ...], Entry] = {}
    garble_of_id: dict[str, tuple[str, ...]] = {}
    for path in paths:
        try:
            digest.update(path.read_bytes())
        except OSError as error:
            raise LexiconError(f"{path}: cannot read lexicon: {error.strerror}") from None
        for entry in read_entries(path, normalizer):
            key = normalizer.phrase(entry.garble)
            if entry.id in garble_of_id:
                by_garble.pop(garble_of_id.pop(entry.id), None)
            if key in by_garble:
                garble_of_id.pop(by_garble[key].id, None)
            by_garble[key] = entry
            garble_of_id[entry.id] = key
    return Lexicon(tuple(by_garble.values()), digest.hexdigest()[:12])


@cache
def builtin_lexicon() -> Lexicon:
    return load_lexicon(builtin_files())
