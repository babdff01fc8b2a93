"""Plain text out of manuscripts (.pdf and .docx), with a way back to where each part came from.

PDF pages are read with pypdf and DOCX paragraphs with python-docx, both from the optional
"manuscripts" extra and imported only when such a file is read. The extracted units are joined
with blank lines ("\\n\\n") so that paragraphs stay separable; :class:`Extracted` maps an offset in
the joined text back to "page 3" or "paragraph 12".

Every problem with a file (missing library, unreadable or encrypted file) is an
:class:`~fixer.files.InputError` with a one-line message; nothing else escapes for a bad file.
DOCX paragraphs are numbered in document order, table cells included, counting only paragraphs
that hold text (empty paragraphs are spacing, invisible to a reader counting them).

A PDF with no text at all (a scanned manuscript with no text layer) is such an error too: read as
clean, it would pass for screened. A word that typesetting broke at a line's end with a hyphen
is joined again where the joined word is an English word ("plate-⏎lets" reads "platelets"); at
another hyphen only the line break goes ("self-⏎isolation" reads "self-isolation").
"""

from __future__ import annotations

import contextlib
import io
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fixer.files import InputError, read_bytes
from fixer.words import HYPHENS, english_words

MANUSCRIPT_SUFFIXES = (".pdf", ".docx")

SEPARATOR = "\n\n"
_MAX_DETAIL = 120
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc files and encrypted Office files
#: A hyphen (or a soft hyphen, which PDF text may keep) that ends a line between two parts of
#: a word ("plate-⏎lets").
_LINE_END_HYPHEN = re.compile(
    rf"(\w+)([{re.escape(HYPHENS)}\u00ad])[ \t]*(?:\r\n|\r|\n)[ \t]*(\w+)"
)


def _parser_errors() -> tuple[type[BaseException], ...]:
    """What a malformed file can make the parsers raise besides their own errors. Not OSError
    (the bytes are already in memory), MemoryError or KeyboardInterrupt."""
    import struct  # with the parsers: zipfile and its kin cost start-up time
    import zipfile
    import zlib

    return (
        ValueError,  # includes UnicodeError
        LookupError,  # KeyError, IndexError
        TypeError,
        AttributeError,
        ArithmeticError,
        AssertionError,
        EOFError,
        NotImplementedError,
        RecursionError,
        SyntaxError,  # lxml.etree.XMLSyntaxError
        struct.error,
        zlib.error,
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
    )


@dataclass(frozen=True)
class Extracted:
    """The text of a manuscript; ``starts[i]`` is the offset in ``text`` where unit i+1 begins."""

    text: str
    starts: tuple[int, ...]
    unit: str  # "page" or "paragraph"

    def where(self, offset: int) -> str:
        """The unit holding ``offset``, such as "page 3"; a separator belongs to the unit before."""
        return f"{self.unit} {max(bisect_right(self.starts, offset), 1)}"


def extract(path: Path, raw: bytes | None = None) -> Extracted:
    """The text of the .pdf or .docx file at ``path``, or of its bytes ``raw`` when they were
    read already (standard input, named by ``--stdin-filename``); ``InputError`` if it cannot
    be read.

    ``ValueError`` for any other suffix: check against :data:`MANUSCRIPT_SUFFIXES` first.
    """
    suffix = path.suffix.lower()
    if suffix not in MANUSCRIPT_SUFFIXES:
        raise ValueError(f"not a manuscript format: {path.name}")
    if raw is None:
        raw = read_bytes(path)
    if suffix == ".pdf":
        return _join(_pdf_pages(raw), "page")
    return _join(_docx_paragraphs(raw), "paragraph")


def _join(units: list[str], unit: str) -> Extracted:
    starts: list[int] = []
    offset = 0
    for text in units:
        starts.append(offset)
        offset += len(text) + len(SEPARATOR)
    return Extracted(SEPARATOR.join(units), tuple(starts), unit)


def _detail(error: BaseException) -> str:
    """The error as one short line for a message."""
    message = error.args[0] if isinstance(error, KeyError) and error.args else error  # no quotes
    text = " ".join(str(message).split()) or type(error).__name__
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"


def _missing_extra(suffix: str) -> InputError:
    return InputError(
        f"reading {suffix} needs the manuscripts extra: pip install 'fixer[manuscripts]'"
    )


# PDF


def _pdf_pages(raw: bytes) -> list[str]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
    except ImportError:
        raise _missing_extra(".pdf") from None
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(raw))
            pages = [_joined_lines(page.extract_text() or "") for page in reader.pages]
    except FileNotDecryptedError:
        raise InputError("encrypted PDF, skipped") from None
    except DependencyError as error:  # AES encryption without the cryptography package
        if "cryptography" in str(error):
            raise InputError("encrypted PDF, skipped (decrypting it needs cryptography)") from None
        raise InputError(f"not a readable PDF: {_detail(error)}") from None
    except (PyPdfError, *_parser_errors()) as error:
        raise InputError(f"not a readable PDF: {_detail(error)}") from None
    if not any(page.strip() for page in pages):  # no page, or none with text
        raise InputError("no text in this PDF (a scan without a text layer needs OCR first)")
    return pages


def _joined_lines(text: str) -> str:
    """PDF text with the words that typesetting hyphenated at a line's end joined again (see
    the module's docstring)."""
    english = english_words()

    def join(match: re.Match[str]) -> str:
        first, hyphen, second = match.groups()
        joined = first + second
        if joined.lower() in english or hyphen == "\u00ad":
            return joined
        return first + hyphen + second

    return _LINE_END_HYPHEN.sub(join, text)


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Keep pypdf's complaints about damaged files it can still read off stderr."""
    import logging
    import warnings

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


# DOCX


def _docx_paragraphs(raw: bytes) -> list[str]:
    try:
        import docx
        from docx.exceptions import PythonDocxError
        from docx.opc.exceptions import OpcError
    except ImportError:
        raise _missing_extra(".docx") from None
    if raw.startswith(_OLE_MAGIC):
        raise InputError("not a readable DOCX file: an old .doc file or a password-protected one")
    try:
        document = docx.Document(io.BytesIO(raw))
        return [text for text in _block_texts(document) if text.strip()]
    except (OpcError, PythonDocxError, *_parser_errors()) as error:
        raise InputError(f"not a readable DOCX file: {_detail(error)}") from None


def _block_texts(container: Any) -> Iterator[str]:
    """Paragraph texts of a document or table cell in document order, descending into tables;
    a merged cell, which python-docx repeats for each grid position it spans, is read once."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen: set[Any] = set()  # the cells' XML elements, kept alive so identity holds
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _block_texts(cell)
        else:
            yield block.text
