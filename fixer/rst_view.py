"""The structure of a reStructuredText document that decides what is prose: blocks of code and
other literal text, found line by line from their indentation as docutils finds them.

Inline structure (inline literals, hyperlink references) is left to ``fixer.markup``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: reStructuredText directives whose body is no prose but code, math, raw output, file names or
#: options (docutils' and those of Sphinx and its bundled extensions).
_OPAQUE_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "sourcecode",
        "parsed-literal",
        "math",
        "raw",
        "highlight",
        "literalinclude",
        "include",
        "toctree",
        "productionlist",
        "doctest",
        "testsetup",
        "testcleanup",
        "testcode",
        "testoutput",
        "graphviz",
        "graph",
        "digraph",
    }
)
#: The first line of explicit markup (a directive, comment, target, footnote or substitution),
#: at any depth: never a paragraph, so a "::" at its end opens no literal block.
_EXPLICIT_MARKUP = re.compile(r"[ \t]*\.\.(?:\s|$)")
_RST_DIRECTIVE = re.compile(r"[ \t]*\.\.[ \t]+(?:\|[^|\n]+\|[ \t]+)?([\w.:+-]+?)::(?=\s|$)")
#: The first line of a reStructuredText comment: explicit markup that is no directive, target,
#: footnote, citation or substitution definition.
_RST_COMMENT = re.compile(r"[ \t]*\.\.(?:[ \t]+(?![_\[|])(?![\w.:+-]+?::(?:\s|$))|[ \t]*$)")


def non_prose_blocks(text: str) -> Iterator[tuple[int, int]]:
    """reStructuredText blocks that are no prose: literal blocks (the indented lines after a
    paragraph ending in ``::``, which a directive such as ``.. note::`` is not) and opaque
    directives (``_OPAQUE_DIRECTIVES``) with all that is indented under them, options included.
    A block ends at the first line that is not blank and is indented no deeper than the line
    that opened it."""
    offset = 0
    block: int | None = None  # the indentation of the line that opened the current block
    opener: int | None = None  # that of the last non-blank line, if it ended with "::"
    blank_before = True
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        depth = _indentation(line)
        if block is not None and (not stripped or depth > block):
            yield offset, offset + len(line)
        elif stripped:
            directive = _RST_DIRECTIVE.match(line)
            if opener is not None and blank_before and depth > opener:
                block = opener
            elif directive and directive.group(1).lower() in _OPAQUE_DIRECTIVES:
                block = depth
            else:
                block = None
            if block is not None:
                yield offset, offset + len(line)
            paragraph = block is None and not _EXPLICIT_MARKUP.match(line)
            opener = depth if paragraph and stripped.endswith("::") else None
        blank_before = not stripped
        offset += len(line)


def comment_lines(text: str) -> Iterator[tuple[int, int]]:
    """The lines of reStructuredText comments (a comment's first line and those indented
    deeper under it), outside literal blocks and opaque directives (``non_prose_blocks``)."""
    skipped = {start for start, _ in non_prose_blocks(text)}
    offset = 0
    depth: int | None = None  # the indentation of the comment being read
    for line in text.splitlines(keepends=True):
        if offset in skipped:
            depth = None
        elif depth is not None and (not line.strip() or _indentation(line) > depth):
            yield offset, offset + len(line)
        elif _RST_COMMENT.match(line):
            depth = _indentation(line)
            yield offset, offset + len(line)
        else:
            depth = None
        offset += len(line)


def _indentation(line: str) -> int:
    """How deep a line is indented, with tab stops every 8 columns as docutils has them."""
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip(" \t"))
