"""Turning command-line paths into the list of documents to check."""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

import click

from fixer.markup import SYNTAX_BY_SUFFIX

STDIN = "-"


def iter_targets(
    paths: Sequence[str], suffixes: Collection[str] = tuple(SYNTAX_BY_SUFFIX)
) -> Iterator[tuple[str, str | None, bool]]:
    """Yield ``(path, error, walked)`` in a stable order.

    Files named on the command line are taken whatever their suffix; directories are walked in
    sorted order for the suffixes fixer knows, skipping hidden entries such as ``.git``, what
    ``.gitignore`` excludes inside a Git work tree, and (with a note on stderr) anything that is
    not a regular file. ``-`` is standard input. A missing path yields an error instead of
    stopping the walk. A file met again under another name ("a.md" and "./a.md", or named and
    inside a walked folder) is yielded only the first time.
    """
    seen: set[str] = set()
    for given in paths:
        if given == STDIN:
            yield given, None, False
        elif os.path.isdir(given):
            for path in _walk(Path(given), suffixes):
                if _first_time(str(path), seen):
                    yield str(path), None, True
        elif os.path.exists(given) or os.path.islink(given):
            if _first_time(given, seen):
                yield given, None, False
        else:
            yield given, "no such file or directory", False


def _first_time(path: str, seen: set[str]) -> bool:
    """Whether ``path`` names a file not yet in ``seen`` (by its real path), recording it."""
    real = os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


def _walk(root: Path, suffixes: Collection[str]) -> Iterator[Path]:
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        found += [
            Path(directory) / name
            for name in sorted(files)
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes
        ]
    ignored = _git_ignored(root, found)
    for path in found:
        if path in ignored:
            continue
        kind = _special_kind(path)
        if kind:
            click.echo(f"{path}: note: not a regular file ({kind}), skipped", err=True)
        else:
            yield path


def _special_kind(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file ("a FIFO", "a socket", "a device"), else
    ``None``. Reading a FIFO waits for a writer that a folder walk never has, and a device never
    ends, so a walk skips them; a named one is read, like ``-``. A path that cannot be examined
    (a broken symlink) counts as regular, so that reading it reports why."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    return "a socket" if stat.S_ISSOCK(mode) else "a device"


def _git_ignored(root: Path, paths: list[Path]) -> set[Path]:
    """The paths that Git ignores (none when ``root`` is not in a work tree or Git is absent)."""
    if not paths:
        return set()
    import subprocess  # 3 ms to import: only when a folder is walked

    try:
        result = subprocess.run(
            ["git", "-C", str(root), "check-ignore", "--stdin", "-z"],
            input="\0".join(str(p.resolve()) for p in paths) + "\0",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return set()
    if result.returncode not in (0, 1):
        return set()
    ignored = {Path(p) for p in result.stdout.split("\0") if p}
    return {p for p in paths if p.resolve() in ignored}
