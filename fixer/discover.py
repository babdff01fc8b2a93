"""Turning command-line paths into the list of documents to check."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path

import click

from fixer.markup import SYNTAX_BY_SUFFIX

STDIN = "-"


def iter_targets(
    paths: Sequence[str],
    suffixes: Collection[str] = tuple(SYNTAX_BY_SUFFIX),
    skipped: Callable[[str, bool], bool] | None = None,
) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, error)`` in a stable order.

    Files named on the command line are taken whatever their suffix; directories are walked in
    sorted order for the suffixes fixer knows, skipping hidden entries such as ``.git``, what
    ``.gitignore`` excludes inside a Git work tree, and (with a note on stderr) anything that is
    not a regular file. ``-`` is standard input. A missing path yields an error instead of
    stopping the walk. A file met again under another name ("a.md" and "./a.md", or named and
    inside a walked folder) is yielded only the first time. ``skipped(path, walked)`` leaves a
    path out (the ``exclude`` globs; ``walked``: found by walking a folder) before that: an
    excluded symlink must not hide the file it points to when the walk meets that file under
    its own name.
    """
    seen: set[str] = set()

    def wanted(path: str, walked: bool) -> bool:
        return not (skipped and skipped(path, walked)) and _first_time(path, seen)

    for given in paths:
        if given == STDIN:
            yield given, None
        elif os.path.isdir(given):
            for path in _walk(Path(given), suffixes):
                if wanted(str(path), True):
                    yield str(path), None
        elif os.path.exists(given) or os.path.islink(given):
            if wanted(given, False):
                yield given, None
        else:
            yield given, "no such file or directory"


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
    """The paths that Git ignores (none when ``root`` is not in a work tree or Git is absent).

    Each path is asked about as it lies in the work tree, never as what it links to: Git judges
    a symlink by its own path (one that ``.gitignore`` lists is ignored wherever it points) and
    refuses a path outside the repository. One path that Git refuses must not turn
    ``.gitignore`` off for the others, so the paths after it are asked about again. Git refuses
    a path for the folder it lies in (a submodule), never for its name: the refused path's
    folder is asked about on its own, so that the repository that holds it answers."""
    if not paths or not _in_work_tree(root):
        return set()
    ignored: set[Path] = set()
    pending = paths
    while pending:
        answers = _check_ignore(root, pending)
        if answers is None:
            break
        ignored.update(path for path, yes in zip(pending, answers, strict=False) if yes)
        refused = pending[len(answers) :]
        if not refused:
            break
        folder = refused[0].parent
        if folder == root:  # no folder of its own to ask in: it counts as not ignored
            pending = refused[1:]
            continue
        ignored |= _git_ignored(folder, [p for p in refused if p.is_relative_to(folder)])
        pending = [p for p in refused if not p.is_relative_to(folder)]
    return ignored


def _in_work_tree(root: Path) -> bool:
    """Whether ``root`` is inside a Git work tree (so that a refused path is about that path)."""
    return _git(root, ["rev-parse", "--is-inside-work-tree"]) == (0, b"true\n")


def _check_ignore(root: Path, paths: list[Path]) -> list[bool] | None:
    """Whether Git ignores each of ``paths`` (found in ``root``), for as many of them as it
    answered: it answers one path after another and stops at one that it refuses (exit code
    128). ``None`` when Git failed otherwise. ``--non-matching`` answers every path;
    ``--verbose`` then names the pattern that matched, and a negated one (``!``) does not
    ignore. Names go as bytes (a file name need not be UTF-8) and start with ``./`` (one that
    starts with ``:`` would be read as pathspec magic)."""
    names = b"".join(b"./%s\0" % os.fsencode(p.relative_to(root).as_posix()) for p in paths)
    done = _git(root, ["check-ignore", "--stdin", "-z", "--verbose", "--non-matching"], names)
    if done is None or done[0] not in (0, 1, 128):
        return None
    fields = done[1].split(b"\0")
    patterns = fields[2:-1:4]  # each answer: source, line number, pattern, path
    return [bool(pattern) and not pattern.startswith(b"!") for pattern in patterns]


def _git(root: Path, args: list[str], stdin: bytes = b"") -> tuple[int, bytes] | None:
    """Git's exit code and output for ``args`` run in ``root``; ``None`` when it cannot run."""
    import subprocess  # 3 ms to import: only when a folder is walked

    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.returncode, done.stdout
