"""Applying replacements to a text: sorted, non-overlapping, everything else kept as it was."""

from __future__ import annotations

from collections.abc import Iterable
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
