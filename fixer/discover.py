"""Turning command-line paths into the list of documents to check."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from fixer.markup import SYNTAX_BY_SUFFIX

STDIN = "-"


def iter_targets(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, error)`` in a stable order.

    Files named on the command line are taken whatever their suffix; directories are walked in
    sorted order for the suffixes fixer knows, skipping hidden entries such as ``.git``. ``-`` is
    standard input. A missing path yields an error instead of stopping the walk.
    """
    for given in paths:
        if given == STDIN:
            yield given, None
        elif os.path.isdir(given):
            yield from ((str(p), None) for p in _walk(Path(given)))
        elif os.path.exists(given) or os.path.islink(given):
            yield given, None
        else:
            yield given, "no such file or directory"


def _walk(root: Path) -> Iterator[Path]:
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SYNTAX_BY_SUFFIX:
                yield Path(directory) / name
