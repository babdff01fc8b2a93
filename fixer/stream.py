"""Checking a very large plain-text file in pieces, so memory stays flat whatever its size.

The file is read in binary blocks and decoded incrementally; the text is cut at paragraph
breaks (a phrase never crosses one) into pieces of about ``PIECE_CHARS`` code points, each
checked on its own, and the findings are moved back to their place in the whole file. Only
plain text is streamed: Markdown and HTML need their whole structure. A ``doc:`` context clause
only sees its own piece, and whether the text reads as spun (``fixer.engine.looks_spun``) is
judged piece by piece. A fix needs the whole text in memory to write it back, but
fixes and checks it piece by piece too (``fix_large``, ``check_large_text``): the findings, not
the text, are what a whole-document check makes large. ``scan`` reads such a file in the same
pieces (``located_pieces``), and once more for the context of its top findings (``excerpts``).
A ``disable`` directive that a piece leaves open is replayed before the next one
(``_open_disables``).
"""

from __future__ import annotations

import codecs
import dataclasses
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from fixer.engine import Checker, FixResult
from fixer.files import InputError, encodings, sniff
from fixer.model import Finding
from fixer.prefilter import last_break_end
from fixer.report import LineIndex, Located, locate
from fixer.suppress import has_directive, parse_directives

#: Files at least this large are streamed when their syntax is plain text.
STREAM_FROM_BYTES = 16 * 1024 * 1024
#: Plain text already in memory (standard input, a file being fixed) of at least this many code
#: points is checked and fixed in pieces.
STREAM_FROM_CHARS = STREAM_FROM_BYTES
PIECE_CHARS = 1_000_000
_BLOCK = 1024 * 1024
#: A blank line, in each line ending (no phrase crosses one), and a line break.
_PARAGRAPH_BREAKS = ("\n\n", "\r\n\r\n", "\r\r")
_LINE_BREAKS = ("\n", "\r")


def large_file(name: str) -> bool:
    """Whether a file is large enough to be read in pieces (when it is plain text)."""
    try:
        return os.path.getsize(name) >= STREAM_FROM_BYTES
    except OSError:
        return False


def file_pieces(path: Path, encoding: str | None) -> Iterator[str]:
    """A file's text, decoded block by block and cut into pieces (``_cut_pieces``)."""
    return _cut_pieces(_decoded(path, encoding))


def _decoded(path: Path, encoding: str | None) -> Iterator[str]:
    """A file's text in the stretches that each block of its bytes decodes to. Of several
    encodings (``fixer.files.decode``), the first that reads the whole file."""
    *others, last = encodings(encoding) or (None,)
    if others:
        encoding = next((name for name in others if _reads(path, name)), last)
    with path.open("rb") as handle:
        block = handle.read(_BLOCK)
        codec, bom = sniff(block, encoding)
        decoder = codecs.getincrementaldecoder(codec)("strict")
        block, consumed = block[len(bom) :], len(bom)
        while True:
            final = not block  # the decoder's last word: a sequence the file ends inside
            try:
                text = decoder.decode(block, final=final)
            except UnicodeDecodeError as error:
                raise InputError(f"not valid {codec} near byte {consumed + error.start}") from None
            yield text
            if final:
                return
            consumed += len(block)
            block = handle.read(_BLOCK)


def _reads(path: Path, encoding: str) -> bool:
    """Whether ``encoding`` (after any BOM) reads every byte of the file at ``path``."""
    try:
        for _ in _decoded(path, encoding):
            pass
    except InputError:
        return False
    return True


def text_pieces(text: str) -> Iterator[str]:
    """``text`` cut the way a streamed file is."""
    return _cut_pieces((text,))


def _cut_pieces(stretches: Iterable[str]) -> Iterator[str]:
    """The text of ``stretches`` (read one after another) in pieces of at most about
    ``PIECE_CHARS`` code points, each ending where ``_cut`` says."""
    buffer = ""
    for stretch in stretches:
        buffer += stretch
        while len(buffer) > PIECE_CHARS:
            yield buffer[: (cut := _cut(buffer))]
            buffer = buffer[cut:]
    if buffer:
        yield buffer


def fix_large(text: str, checker: Checker, unsafe: bool) -> FixResult:
    """``checker.fix`` of a large plain text, piece by piece, each behind the disables the text
    before it leaves open; the findings fixed keep their offsets within what was fixed (only
    their number is used)."""
    fixed, found = [], []
    for piece in _behind_open_disables(text_pieces(text), checker):
        result = checker.fix(piece.text, "text", unsafe)
        replayed = piece.replayed
        if result.text[:replayed] != piece.text[:replayed]:  # the replayed lines hold no garble
            result, replayed = checker.fix(piece.text[replayed:], "text", unsafe), 0
        fixed.append(result.text[replayed:])
        found += result.fixed
    return FixResult("".join(fixed), tuple(found))


class _Behind(NamedTuple):
    """A piece of a streamed text as it is checked (``_behind_open_disables``)."""

    text: str  # the piece, behind the lines that replay the disables left open before it
    replayed: int  # how long those lines are
    still_open: frozenset[int]  # where in ``text`` the disables it leaves open stand

    def own(self, findings: list[Finding]) -> list[Finding]:
        """The findings of ``text`` that belong to the piece, at their place in it: none in
        the replayed lines, and no "suppresses nothing" (FX900) for a disable that may yet
        suppress something in a later piece."""
        return [
            _moved(finding, -self.replayed)
            for finding in findings
            if finding.start >= self.replayed
            and not (finding.rule.code == "FX900" and finding.start in self.still_open)
        ]


def _open_disables(text: str, checker: Checker) -> tuple[str, frozenset[int]]:
    """For a piece of a streamed text (with what was replayed before it): the ``disable``
    directives it leaves open at its end, as lines that replay them before the next piece (a
    paragraph break after each, so that no phrase runs into the piece), and where they stand in
    ``text``. Such a directive may yet suppress something further on, so it is not reported as
    suppressing nothing (FX900) in a streamed file."""
    if not has_directive(text):
        return "", frozenset()
    directives, _ = parse_directives(text, "text", LineIndex(text), checker.names)
    lines: list[str] = []
    starts = set()
    for directive in directives:
        if directive.kind != "disable" or any(not names for _, names in directive.enabled):
            continue
        enabled = frozenset().union(*(names for _, names in directive.enabled))
        if directive.names and directive.names <= enabled:
            continue
        starts.add(directive.start)
        if directive.names:
            lines.append("fixer: disable " + ", ".join(sorted(directive.names - enabled)))
        else:
            lines.append("fixer: disable")
            if enabled:
                lines.append("fixer: enable " + ", ".join(sorted(enabled)))
    return "".join(line + "\n\n" for line in lines), frozenset(starts)


def _behind_open_disables(pieces: Iterable[str], checker: Checker) -> Iterator[_Behind]:
    """Each piece behind the lines that replay the disables the pieces before it leave open
    (``_open_disables``), as it is to be checked or fixed."""
    carried = ""
    for piece in pieces:
        text = carried + piece
        following, still_open = _open_disables(text, checker)
        yield _Behind(text, len(carried), still_open)
        carried = following


def _moved(finding: Finding, offset: int) -> Finding:
    """``finding`` with its offsets moved by ``offset``."""
    return dataclasses.replace(
        finding,
        start=finding.start + offset,
        end=finding.end + offset,
        edit_start=finding.edit_start + offset,
        edit_end=finding.edit_end + offset,
        alternatives=tuple(
            None if edit is None else edit.moved(offset) for edit in finding.alternatives
        ),
    )


def _cut(buffer: str) -> int:
    """Where to end a piece: after the last paragraph break before ``PIECE_CHARS``, else after
    the last line break, else (one enormous line) after the last mark that no phrase crosses
    (a full stop, a bracket: ``REGION_BREAK``), else after the last space, else at
    ``PIECE_CHARS`` itself. Breaks are written with any of the line endings a text may use
    ("\n", "\r\n", "\r"): a phrase may cross a line break, so a file with Windows or old Mac
    line endings is also cut only between paragraphs, and never between the "\r" and "\n" of
    one line break."""
    for marks in (_PARAGRAPH_BREAKS, _LINE_BREAKS):
        ends = [
            at + len(mark)
            for mark in marks
            if (at := buffer.rfind(mark, 0, PIECE_CHARS)) > 0
            and not buffer.startswith("\r\n", at + len(mark) - 1)
        ]
        if ends:
            return max(ends)
    # One enormous line: a cut at PIECE_CHARS itself could fall inside a garble, or a word.
    head = buffer[:PIECE_CHARS]
    if end := last_break_end(head):
        return end
    space = max(head.rfind(" "), head.rfind("\t"))
    return space + 1 if space > 0 else PIECE_CHARS


def check_large(name: str, checker: Checker, encoding: str | None) -> list[Located]:
    """All findings of a large plain-text file, located in the whole file."""
    return _located(name, file_pieces(Path(name), encoding), checker)


def check_large_text(name: str, text: str, checker: Checker) -> list[Located]:
    """All findings of a large plain text already in memory (a file just fixed), located."""
    return _located(name, text_pieces(text), checker)


def _located(name: str, pieces: Iterator[str], checker: Checker) -> list[Located]:
    """The findings of all pieces, each at its place in the whole text."""
    return [item for _, found in located_pieces(name, pieces, checker) for item in found]


def located_pieces(
    name: str, pieces: Iterator[str], checker: Checker
) -> Iterator[tuple[str, list[Located]]]:
    """Each piece with its findings, moved to their place in the whole text."""
    offset = lines = carry = 0  # carry: columns of a line that a cut split
    for behind in _behind_open_disables(pieces, checker):
        piece = behind.text[behind.replayed :]
        found: list[Located] = []
        for item in locate(name, piece, behind.own(checker.check(behind.text, "text"))):
            shift = carry if item.line == 1 else 0
            found.append(
                dataclasses.replace(
                    item,
                    finding=_moved(item.finding, offset),
                    line=item.line + lines,
                    end_line=item.end_line + lines,
                    column=item.column + shift,
                    end_column=item.end_column + (carry if item.end_line == 1 else 0),
                    edit_line=item.edit_line + lines,
                    edit_column=item.edit_column + (carry if item.edit_line == 1 else 0),
                )
            )
        yield piece, found
        offset += len(piece)
        breaks = piece.count("\n") + piece.count("\r") - piece.count("\r\n")
        lines += breaks
        tail = len(piece) - 1 - max(piece.rfind("\n"), piece.rfind("\r"))
        carry = tail + (carry if breaks == 0 else 0)


def excerpts(path: Path, encoding: str | None, spans: Sequence[tuple[int, int]]) -> list[str]:
    """The text of each ``(start, end)`` span of a file (code points, as in ``file_pieces``),
    read again block by block: the few spans that a caller wants are not worth keeping the
    whole text for."""
    found = [""] * len(spans)
    offset = 0
    for stretch in _decoded(path, encoding):
        end = offset + len(stretch)
        for index, (start, stop) in enumerate(spans):
            if start < end and stop > offset:
                found[index] += stretch[max(start - offset, 0) : stop - offset]
        offset = end
    return found
