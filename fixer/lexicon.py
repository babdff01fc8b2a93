"""Loading and validating lexicon files (the format is documented in ``lexicons/README.md``)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from fixer.cache import cached
from fixer.data import lexicon_dir, read_tsv
from fixer.matcher import gap_kind
from fixer.model import CATEGORIES, ContextClause, Entry, FixSafety, Severity
from fixer.words import (
    WORD_RE,
    Normalizer,
    default_normalizer,
    holds_run,
    normalization_tables,
)

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
CONTEXT_KINDS = (
    "before",
    "after",
    "near",
    "doc",
    "in",
    "not_before",
    "not_after",
    "not_near",
    "not_doc",
)
#: A built-in entry's id: its category's prefix and four digits (AN0001).
BUILTIN_ID_RE = re.compile(r"^[A-Z]{2}\d{4}$")
#: Any entry's id. A user lexicon may also put a capital between the prefix and four or more
#: digits (ANP0001): built-in ids never take that form, so such an id never replaces one.
_ID_RE = re.compile(r"^[A-Z]{2}(?:\d{4}|[A-Z]\d{4,})$")
_SOURCE_RE = re.compile(r"^(seed|PPS:\d+|swap:\S.*|curated:\S.*|user(:.*)?)$")


class LexiconError(ValueError):
    """A lexicon file that cannot be loaded; the message names the file and line (0 for the
    file as a whole), which ``path``, ``line`` and ``reason`` also give separately."""

    def __init__(self, path: Path | str, line: int, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    version: str
    #: One line per file whose entries took the ids of entries for other garbles (see
    #: ``_merge``), naming the file, for the command line to print.
    warnings: tuple[str, ...] = ()

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    @cached_property
    def digest(self) -> str:
        """A digest of the entries in order, which caches of data built from them are keyed by
        (``version`` does not tell apart the lexicons the held-out evaluation builds)."""
        rows = "\n".join(
            f"{e.id}\t{e.garble}\t{'|'.join(e.corrections)}\t{e.category}\t{e.context_text}"
            for e in self.entries
        )
        return hashlib.sha256(rows.encode()).hexdigest()


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
        if kind == "in" and phrases.strip().lower() != "spun":
            raise ValueError(f"context clause {raw!r} must be 'in:spun'")
        words = tuple(normalizer.phrase(p) for p in phrases.split("|") if p.strip())
        if not words or not all(words):
            raise ValueError(f"context clause {raw!r} has an empty phrase")
        clauses.append(ContextClause(kind, words))
    return tuple(clauses)


def parse_entry(fields: Sequence[str], path: Path, line: int, normalizer: Normalizer) -> Entry:
    """Build one entry from a row, checking each field; raise ``LexiconError`` on any problem."""
    if len(fields) != len(COLUMNS):
        raise LexiconError(
            path, line, f"expected {len(COLUMNS)} tab-separated fields, found {len(fields)}"
        )
    row = dict(zip(COLUMNS, (f.strip() for f in fields), strict=True))
    if not _ID_RE.match(row["id"]):
        raise LexiconError(
            path,
            line,
            f"id {row['id']!r} must be two capitals and four digits (AN0001), or three capitals "
            "and four or more (ANP0001)",
        )
    if row["category"] not in CATEGORIES:
        raise LexiconError(
            path,
            line,
            f"unknown category {row['category']!r}; expected one of {', '.join(CATEGORIES)}",
        )
    if not normalizer.phrase(row["garble"]):
        raise LexiconError(path, line, "empty garble")
    corrections = tuple(c.strip() for c in row["correction"].split("|") if c.strip())
    if not corrections:
        raise LexiconError(path, line, "no correction")
    try:
        severity = Severity.parse(row["severity"])
        fix = FixSafety.parse(row["fix"])
    except KeyError as error:
        raise LexiconError(path, line, f"unknown severity or fix value {error}") from None
    try:
        context = parse_context(row["context"], normalizer)
    except ValueError as error:
        raise LexiconError(path, line, str(error)) from None
    if not _SOURCE_RE.match(row["source"]):
        raise LexiconError(
            path, line, f"source {row['source']!r} must be seed, PPS:N, swap:…, curated:… or user"
        )
    garble = normalizer.phrase(row["garble"])
    for correction in corrections:
        if holds_run(normalizer.phrase(correction), garble):
            raise LexiconError(
                path,
                line,
                f"correction {correction!r} holds the garble {row['garble']!r}, so fixing it "
                "would never end",
            )
    if fix is FixSafety.SAFE and (len(corrections) > 1 or context):
        raise LexiconError(
            path,
            line,
            "fix 'safe' needs exactly one correction and no context (see the fix-safety policy)",
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
        garble_words(row["garble"], normalizer),
    )


def garble_words(garble: str, normalizer: Normalizer) -> tuple[tuple[str | None, str], ...]:
    """(gap kind before the word, normalized word) for each word of a garble."""
    words = []
    previous_end = None
    for match in WORD_RE.finditer(garble):
        gap = "" if previous_end is None else gap_kind(garble[previous_end : match.start()])
        words.append((gap, normalizer.normal(match.group())))
        previous_end = match.end()
    return tuple(words)


def read_entries(path: Path, normalizer: Normalizer | None = None) -> list[Entry]:
    """The entries of one lexicon file; ``LexiconError`` (naming the file, and the line where
    there is one) for anything that keeps it from loading: a bad row, a file that cannot be
    read, or one that is not UTF-8 (a user lexicon saved as Latin-1 or UTF-16)."""
    normalizer = normalizer or default_normalizer()
    entries = []
    try:
        for line, fields in read_tsv(path):
            if fields[0] == "id":
                if tuple(f.strip() for f in fields) != COLUMNS:
                    raise LexiconError(path, line, f"header must be: {' '.join(COLUMNS)}")
                continue
            entries.append(parse_entry(fields, path, line, normalizer))
    except UnicodeDecodeError:
        raise LexiconError(
            path, _undecodable_line(path), "not UTF-8 text; save the lexicon as UTF-8"
        ) from None
    except OSError as error:
        raise LexiconError(path, 0, f"cannot read lexicon: {error.strerror}") from None
    return entries


def _undecodable_line(path: Path) -> int:
    """The number of the first line of ``path`` that is not UTF-8 (0 if it cannot be told)."""
    try:
        data = path.read_bytes()
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return data[: error.start].count(b"\n") + 1
    except OSError:
        pass
    return 0


def load_lexicon(paths: Iterable[Path], normalizer: Normalizer | None = None) -> Lexicon:
    """Load entries from several files; later files override earlier ones by id or garble
    (``_merge``).

    With the default normalizer the parsed entries and warnings are cached (``fixer.cache``),
    keyed by the files' contents and the word tables that normalization depends on.
    """
    files = list(paths)
    for path in files:
        if not path.is_file():
            raise LexiconError(path, 0, "cannot read lexicon: no such file")
    digest = hashlib.sha256()
    for path in files:
        try:
            digest.update(path.read_bytes())
        except OSError as error:
            raise LexiconError(path, 0, f"cannot read lexicon: {error.strerror}") from None
    if normalizer is not None:
        entries, taken = _merge(files, normalizer)
    else:
        entries, taken = cached(
            "lexicon", [*files, *normalization_tables()], lambda: _merged_json(files), _from_cache
        )
    warnings = tuple(
        _taken_ids_warning(path, ids) for path, ids in zip(files, taken, strict=True) if ids
    )
    return Lexicon(entries, digest.hexdigest()[:12], warnings)


def _merge(
    files: list[Path], normalizer: Normalizer
) -> tuple[tuple[Entry, ...], tuple[tuple[str, ...], ...]]:
    """The entries of ``files`` in order, a later entry replacing an earlier one with its id or
    its garble; and for each file, the ids it takes from entries for other garbles. Replacing
    is how a user lexicon overrides a built-in entry, but an id that comes back with another
    garble is more likely a clash (two lexicons both numbered from DI0001) that drops the
    earlier entry without a sound."""
    by_garble: dict[tuple[str, ...], Entry] = {}
    garble_of_id: dict[str, tuple[str, ...]] = {}
    taken: list[tuple[str, ...]] = []
    for path in files:
        ids = []
        for entry in read_entries(path, normalizer):
            key = entry.normal
            if entry.id in garble_of_id:
                earlier = garble_of_id.pop(entry.id)
                if earlier != key:
                    ids.append(entry.id)
                by_garble.pop(earlier, None)
            if key in by_garble:
                garble_of_id.pop(by_garble[key].id, None)
            by_garble[key] = entry
            garble_of_id[entry.id] = key
        taken.append(tuple(ids))
    return tuple(by_garble.values()), tuple(taken)


#: A warning names at most this many of the ids a file takes.
_SHOWN_IDS = 3


def _taken_ids_warning(path: Path, ids: Sequence[str]) -> str:
    """One line for a file whose entries take ids from entries for other garbles."""
    shown = ", ".join(ids[:_SHOWN_IDS]) + (", …" if len(ids) > _SHOWN_IDS else "")
    count = "1 id is" if len(ids) == 1 else f"{len(ids)} ids are"
    return (
        f"{path}: warning: {count} taken from entries for other garbles ({shown}), which are "
        "dropped; give these entries ids of their own"
    )


def _merged_json(files: list[Path]) -> dict[str, list]:
    """``_merge`` with the default normalizer, as the cache stores it."""
    entries, taken = _merge(files, default_normalizer())
    return {"entries": [_to_json(e) for e in entries], "taken": [list(ids) for ids in taken]}


def _from_cache(data: dict[str, list]) -> tuple[tuple[Entry, ...], tuple[tuple[str, ...], ...]]:
    return tuple(map(_from_json, data["entries"])), tuple(map(tuple, data["taken"]))


def _to_json(entry: Entry) -> list[object]:
    return [
        entry.id,
        entry.garble,
        list(entry.corrections),
        entry.category,
        int(entry.severity),
        int(entry.fix),
        [[c.kind, [list(p) for p in c.phrases]] for c in entry.context],
        entry.context_text,
        entry.source,
        entry.example,
        entry.path,
        entry.line,
        [list(w) for w in entry.words],
    ]


def _from_json(row: list) -> Entry:
    return Entry(
        row[0],
        row[1],
        tuple(row[2]),
        row[3],
        Severity(row[4]),
        FixSafety(row[5]),
        tuple(ContextClause(kind, tuple(map(tuple, phrases))) for kind, phrases in row[6]),
        row[7],
        row[8],
        row[9],
        row[10],
        row[11],
        tuple(tuple(w) for w in row[12]),
    )


@cache
def builtin_lexicon() -> Lexicon:
    return load_lexicon(builtin_files())
