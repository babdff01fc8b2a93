"""Applying replacements to a text: sorted, non-overlapping, everything else kept as it was."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def moved(self, offset: int) -> Edit:
        """The edit ``offset`` code points further on: a piece's edit placed in the whole text."""
        return Edit(self.start + offset, self.end + offset, self.replacement)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit]]:
    """Apply edits in order of position; an edit that overlaps one already applied is skipped.

    Returns the new text and the edits that were applied. Text between edits is copied untouched.
    """
    pieces: list[str] = []
    applied: list[Edit] = []
    cursor = 0
    for edit in sorted(edits):
        if edit.start < cursor:
            continue
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        applied.append(edit)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), applied


def position_before(position: int, applied: Sequence[Edit]) -> int:
    """Where a position of the text that ``apply_edits`` wrote with ``applied`` stood before
    the edits: text between them moves back by what the edits before it added; a position
    inside a replacement goes to the start of the text it replaced."""
    shift = 0  # what the edits so far added to the text's length
    for edit in applied:
        start = edit.start + shift
        if position < start:
            break
        if position < start + len(edit.replacement):
            return edit.start
        shift += len(edit.replacement) - (edit.end - edit.start)
    return position - shift
