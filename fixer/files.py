"""Reading documents without guessing, and writing them back without losing a byte.

A document is decoded from its bytes with a known encoding (a BOM, ``--encoding``, or UTF-8) and
encoded back the same way, so everything outside the corrected spans, line endings and BOM
included, comes back byte for byte. Writes are atomic replaces that keep the file's mode (and
owner and group, where allowed) and never overwrite a file that changed after it was read.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_SNIFF = 8192
#: Codecs (as ``_without_bom`` names them) whose text is full of NUL bytes.
_WIDE_CODECS = ("utf-16", "utf-32")


class InputError(Exception):
    """A file that cannot be checked or written; the message is one line for the user."""


@dataclass(frozen=True)
class Document:
    name: str  # as given on the command line, or "-"
    raw: bytes
    text: str
    encoding: str
    bom: bytes

    def encode(self, text: str) -> bytes:
        """``text`` as this document's bytes. A correction may hold a character the document's
        encoding lacks ("β" from a user lexicon, in a Latin-1 file): that is ``InputError``, so
        the file is left as it was and the other files are still processed."""
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as error:
            character = error.object[error.start]
            raise InputError(
                f"a fix needs {character!r} (U+{ord(character):04X}), which {self.encoding} "
                "cannot encode; left unchanged"
            ) from None


def sniff(raw: bytes, encoding: str | None = None) -> tuple[str, bytes]:
    """The codec and BOM for a file starting with ``raw``; ``InputError`` for binary data. A
    BOM wins over ``encoding``, one of those ``encodings`` has checked.

    NUL bytes mean binary data, except in an encoding the user named whose text has them
    (UTF-16 and UTF-32 write every ASCII letter with NULs)."""
    for bom, bom_encoding in _BOMS:
        if raw.startswith(bom):
            return bom_encoding, bom
    codec = _without_bom(encoding or "utf-8")
    if b"\x00" in raw[:_BINARY_SNIFF] and not codec.startswith(_WIDE_CODECS):
        raise InputError("binary file (contains NUL bytes), skipped")
    return codec, b""


def decode(name: str, raw: bytes, encoding: str | None = None) -> Document:
    """Decode ``raw``; raise ``InputError`` for binary data or bytes the encoding cannot read.
    ``encoding`` may name several, separated by commas ("utf-8,latin-1"): the first that
    reads the bytes is the document's, and ``fix`` writes it back in that one."""
    *others, last = encodings(encoding) or (None,)
    for codec_name in others:
        with contextlib.suppress(InputError):
            return _decode_as(name, raw, *sniff(raw, codec_name))
    return _decode_as(name, raw, *sniff(raw, last))


@lru_cache(maxsize=16)
def encodings(encoding: str | None) -> tuple[str, ...]:
    """The encodings ``--encoding`` names, in the order to try them (none: UTF-8), checked
    once for a run of many files. An unknown name, or a codec that does not decode bytes to
    text, is an ``InputError`` before any file is read as another."""
    names = tuple(name.strip() for name in (encoding or "").split(",") if name.strip())
    for name in names:
        try:
            info = codecs.lookup(name)
        except LookupError:
            raise InputError(f"unknown encoding {name!r}") from None
        try:  # Python also names codecs that turn bytes into bytes ("hex") or str into str
            text = codecs.decode(b"", info.name)
        except (TypeError, ValueError):
            text = None
        if not isinstance(text, str):
            raise InputError(f"{info.name!r} is not a text encoding")
    return names


def _without_bom(encoding: str) -> str:
    """A codec that writes no BOM of its own, so that re-encoding gives back the same bytes
    ("utf-16" would add one; a file without a BOM is read as little-endian, as Python does)."""
    name = codecs.lookup(encoding).name
    return {"utf-16": "utf-16-le", "utf-32": "utf-32-le", "utf-8-sig": "utf-8"}.get(name, name)


def _decode_as(name: str, raw: bytes, encoding: str, bom: bytes) -> Document:
    """Decode ``raw`` after its BOM, with a text encoding (``encodings`` refuses the others)."""
    try:
        text = raw[len(bom) :].decode(encoding)
    except UnicodeDecodeError as error:
        hint = "" if encoding != "utf-8" else "; pass --encoding (for example --encoding latin-1)"
        raise InputError(f"not valid {encoding} at byte {error.start + len(bom)}{hint}") from None
    return Document(name, raw, text, encoding, bom)


def read_document(path: Path, encoding: str | None = None) -> Document:
    return decode(str(path), read_bytes(path), encoding)


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or an ``InputError`` that says in one line why they cannot be read."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except FileNotFoundError:
        # A symbolic link whose target is gone, or a file removed since it was named.
        what = "broken symbolic link" if path.is_symlink() else "no such file or directory"
        raise InputError(what) from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


def write_output(path: Path, text: str) -> None:
    """Write a file that fixer makes whole (a baseline, a report, a lexicon) as UTF-8. There is
    no reader's text to lose, so a plain write will do; a failure is a one-line ``InputError``."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}") from None


Replace = Callable[[str, str], None]


def write_atomic(
    path: Path, document: Document, new_text: str, replace: Replace = os.replace
) -> None:
    """Replace ``path``'s contents with ``new_text``, encoded like ``document``.

    Symlinks are followed: the link stays and its target is rewritten. The new contents go to a
    temporary file beside the target, which then replaces it in one rename, keeping the target's
    permission bits, and its owner and group where allowed. Being a new file, it is no longer
    hard-linked to the target's other names, which keep the old contents (as with ``sed -i``).
    If the file no longer holds what was read, or is not a regular file (a FIFO or a device,
    which a rename would replace), nothing is written. On any failure the original is left intact
    and the temporary file removed. ``replace`` is the seam tests use to inject failures between
    writing and renaming.
    """
    target = Path(os.path.realpath(path))
    data = document.encode(new_text)
    try:
        status = target.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO would block the re-read below
            raise InputError("not a regular file; not overwritten (use 'fixer fix -' for a pipe)")
        mode = stat.S_IMODE(status.st_mode)
        # The owner's write bit, and whether this user may write the file: a rename would
        # replace one owned by someone else that the folder lets us replace.
        if not mode & stat.S_IWUSR or not os.access(target, os.W_OK):
            raise InputError("file is read-only; not overwritten")
        if target.read_bytes() != document.raw:
            raise InputError("file changed while fixer was working on it; not overwritten")
        import tempfile  # 4 ms to import: only when a file is written

        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".fixer-tmp", dir=target.parent
        )
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _keep_owner(temporary, status)  # before chmod, since chown clears set-id bits
        os.chmod(temporary, mode)
        replace(temporary, str(target))
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise InputError(f"cannot write: {error.strerror or error}") from None
        raise


def _keep_owner(path: str, status: os.stat_result) -> None:
    """Give the new file the replaced one's owner and group: the rename puts a new file in its
    place, owned by whoever runs fixer, so root fixing a user's file would take it over. Only
    root may give a file to another user (others may choose among their own groups), so a
    refusal is ignored and the write goes on."""
    with contextlib.suppress(PermissionError):
        os.chown(path, status.st_uid, status.st_gid)
