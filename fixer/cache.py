"""Compiled data cached under the user's cache directory, keyed by a hash of its sources.

Loading the lexicons means normalizing tens of thousands of words, which costs more than
checking a typical file. The compiled results (plain JSON: safe to load, nothing executes) are
kept in ``$XDG_CACHE_HOME/fixer`` (``~/.cache/fixer``), one file per artifact, named after the
SHA-256 of fixer's version and every source file's bytes: editing a lexicon or upgrading fixer
simply misses the cache. Each artifact keeps its ``KEEP_PER_ARTIFACT`` most recently used files
and the rest are deleted when a new one is written, so the folder does not grow with every edit
or upgrade. ``FIXER_NO_CACHE=1`` (or ``--no-cache``) turns it off; a cache that
cannot be read or written is ignored, and one that is damaged (not JSON, or not the shape its
artifact needs) is built again.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_FORMAT = "6"
_DIGEST_LENGTH = 24

#: Files kept per artifact: enough for several lexicon setups in use side by side (projects with
#: lexicons of their own), without one file for every lexicon edit or fixer version ever seen.
KEEP_PER_ARTIFACT = 8


@contextlib.contextmanager
def bulk_loading() -> Iterator[None]:
    """Load data without the cyclic garbage collector. Loading makes hundreds of thousands of
    small objects and no garbage cycles, yet each collection would walk them all (about a third
    of a clean file's start-up). Afterwards the loaded objects are frozen, so later collections
    skip them too. Nested uses leave the work to the outermost."""
    outermost = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if outermost:
            gc.freeze()
            gc.enable()


def enabled() -> bool:
    return os.environ.get("FIXER_NO_CACHE", "") in ("", "0")


def disable() -> None:
    """Turn the cache off for this process (``--no-cache``)."""
    os.environ["FIXER_NO_CACHE"] = "1"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fixer"


def _digest(name: str, sources: Sequence[Path], key: str = "") -> str:
    from fixer import __version__

    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0{name}\0{key}".encode())
    for path in sources:
        digest.update(b"\0" + path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:_DIGEST_LENGTH]


def cached(
    name: str,
    sources: Sequence[Path],
    build: Callable[[], object],
    restore: Callable[[object], T],
    key: str = "",
) -> T:
    """``restore(build())``, with ``build()``'s JSON-able result cached between runs. ``key``
    names what else the result depends on (a digest of data held in memory)."""
    with bulk_loading():
        if not enabled():
            return restore(build())
        try:
            digest = _digest(name, sources, key)
        except OSError:
            return restore(build())
        path = cache_dir() / f"{name}-{digest}.json"
        try:
            return restore(_load(path, digest))
        except (OSError, ValueError, LookupError, TypeError, AttributeError):
            pass  # missing or damaged: built again. A bug in restore shows on the built value.
        value = build()
        _store(path, {"digest": digest, "value": value})
        return restore(value)


def _load(path: Path, digest: str) -> object:
    """The value stored in ``path``. The file must name the digest it was stored under, so
    that one emptied to ``{}`` or holding anything else is not taken for data (a ``dict``
    restore would accept ``{}`` as an empty index)."""
    with path.open(encoding="utf-8") as handle:
        stored = json.load(handle)
    if not isinstance(stored, dict) or stored.get("digest") != digest:
        raise ValueError(f"{path} is not a cache file for {digest}")
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: ``_prune`` keeps the most recently used
    return stored["value"]


def _store(path: Path, value: object) -> None:
    import tempfile  # 3 ms to import: only when a cache file is written

    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(value, out, separators=(",", ":"))
        os.replace(temporary, path)
        _prune(path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _prune(newest: Path) -> None:
    """Delete the files of ``newest``'s artifact beyond the ``KEEP_PER_ARTIFACT`` most recently
    used, ``newest`` among them. A file another process is about to read may go: that process
    builds it again."""
    name = newest.stem.rpartition("-")[0]
    others: list[tuple[float, str, Path]] = []
    for path in newest.parent.glob(f"{name}-{'?' * _DIGEST_LENGTH}.json"):
        if path != newest:
            with contextlib.suppress(OSError):
                others.append((path.stat().st_mtime, path.name, path))
    others.sort(reverse=True)
    for *_, path in others[KEEP_PER_ARTIFACT - 1 :]:
        with contextlib.suppress(OSError):
            path.unlink()
