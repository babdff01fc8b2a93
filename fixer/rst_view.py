"""The structure of a reStructuredText document, found line by line from indentation and
adornment as docutils finds it: what is no prose (literal blocks, opaque directives, comments,
and roles whose content is code or a cross-reference target), what no fix may change (section
titles and tables, whose adornments and borders must match their text) and what configured
``skip`` parts leave out (block quotes, and titles for the extent of a reference list).

Other inline structure (inline literals, hyperlink references) is left to ``fixer.markup``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate

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
#: Explicit markup that is neither a directive nor a comment: a footnote or citation, a
#: hyperlink target or a substitution definition.
_NAMED_MARKUP = re.compile(r"[ \t]*\.\.[ \t]+(?:\[[^\]\s]+\](?:\s|$)|_|\|)")


def non_prose_blocks(text: str) -> Iterator[tuple[int, int]]:
    """reStructuredText blocks that are no prose: literal blocks (the indented lines after a
    paragraph ending in ``::``, which a directive such as ``.. note::`` is not), and opaque
    directives and comments with all that is indented under them (``_opens_opaque_block``). A
    block ends at the first line that is not blank and is indented no deeper than the line that
    opened it."""
    return ((start, end) for start, end, _ in _blocks(text))


def comment_lines(text: str) -> Iterator[tuple[int, int]]:
    """The lines of comments (a comment's first line and those indented under it), where
    suppression directives are read; not those inside literal blocks or opaque directives."""
    return ((start, end) for start, end, comment in _blocks(text) if comment)


def _blocks(text: str) -> Iterator[tuple[int, int, bool]]:
    """The lines of ``non_prose_blocks``, each with whether its block is a comment."""
    offset = 0
    block: int | None = None  # the indentation of the line that opened the current block
    comment = False  # whether that line opened a comment
    opener: int | None = None  # that of the last non-blank line, if it ended with "::"
    blank_before = True
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        stripped = line.strip()
        depth = _indentation(line)
        if block is not None and (not stripped or depth > block):
            yield offset, offset + len(line), comment
        elif stripped:
            following = lines[number + 1] if number + 1 < len(lines) else ""
            comment = False
            if opener is not None and blank_before and depth > opener:
                block = opener
            elif _opens_opaque_block(line, following):
                block, comment = depth, not _RST_DIRECTIVE.match(line)
            else:
                block = None
            if block is not None:
                yield offset, offset + len(line), comment
            paragraph = block is None and not _EXPLICIT_MARKUP.match(line)
            opener = depth if paragraph and stripped.endswith("::") else None
        blank_before = not stripped
        offset += len(line)


def _opens_opaque_block(line: str, following: str) -> bool:
    """Whether ``line`` opens a block that is no prose, with all that is indented under it: a
    directive of ``_OPAQUE_DIRECTIVES`` (options included) or a comment, which is explicit
    markup that is no directive and none of ``_NAMED_MARKUP``. Only ".." alone before a blank
    line, an empty comment, takes nothing: an indented block after it is a block quote."""
    directive = _RST_DIRECTIVE.match(line)
    if directive:
        return directive.group(1).lower() in _OPAQUE_DIRECTIVES
    if not _EXPLICIT_MARKUP.match(line) or _NAMED_MARKUP.match(line):
        return False
    return line.strip() != ".." or bool(following.strip())


#: Roles whose content is code, math, file names, keys or the like.
_CODE_ROLES = frozenset(
    {
        "math",
        "code",
        "literal",
        "file",
        "samp",
        "kbd",
        "command",
        "program",
        "regexp",
        "makevar",
        "mailheader",
        "mimetype",
        "newsgroup",
        "manpage",
    }
)
#: Roles whose content names what they refer to (a glossary term, a label, a document …), as
#: do all roles of a Sphinx domain (``:py:func:``, ``:std:term:``): another name would break the
#: cross-reference.
_REFERENCE_ROLES = frozenset(
    {"term", "ref", "doc", "numref", "any", "download", "keyword", "option", "envvar", "token"}
)
_ROLE_NAME = r"[^\W_]+(?:[-._+:][^\W_]+)*"
#: The text of interpreted text, in backquotes: it may run over lines but not over a blank one.
_INTERPRETED = r"(?:[^`\n]|\n(?![ \t]*\r?\n))+"
#: A role before (``:math:`x```) or after (```x`:math:``) its interpreted text. Each branch
#: starts with a literal and looks behind it only then, which lets the engine skip ahead fast.
_ROLE = re.compile(
    rf":(?<![\w`]:)(?P<prefix>{_ROLE_NAME}):(?P<content>`{_INTERPRETED}`)"
    rf"|(?P<suffixed>`(?<![\w`]`){_INTERPRETED}`):(?P<suffix>{_ROLE_NAME}):"
)
#: A cross-reference with an explicit title, in the backquotes: ``title <target>``.
_EXPLICIT_TITLE = re.compile(r"`(?P<title>.*?\S)\s*(?P<target><[^<>]*>)`", re.S)


def role_spans(text: str) -> Iterator[tuple[int, int]]:
    """Roles whose content is no prose, with their markup: a code role (``_CODE_ROLES``) whole,
    and a cross-reference (``_REFERENCE_ROLES``) whole but for the title of one that has an
    explicit title (``:ref:`white platelets <wbc>```), which is its visible text."""
    if "`" not in text:
        return
    for role in _ROLE.finditer(text):
        name = (role["prefix"] or role["suffix"]).lower()
        content = "content" if role["prefix"] else "suffixed"
        if name in _CODE_ROLES:
            yield role.span()
        elif name in _REFERENCE_ROLES or ":" in name:
            titled = _EXPLICIT_TITLE.fullmatch(text, *role.span(content))
            if titled:
                yield role.start(), titled.start("title")
                yield titled.start("target"), role.end()
            else:
                yield role.span()


def _indentation(line: str) -> int:
    """How deep a line is indented, with tab stops every 8 columns as docutils has them."""
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip(" \t"))


#: A line of one punctuation character repeated: a section title's underline or overline, or a
#: transition.
_ADORNMENT = re.compile(r"([!-/:-@\[-`{-~])\1*")
_GRID_TABLE_TOP = re.compile(r"\+-[-+]+-\+")
_SIMPLE_TABLE_TOP = re.compile(r"=+(?: +=+)+")
_SIMPLE_TABLE_BORDER = re.compile(r"=+[ =]*")


def fixed_width(text: str) -> list[tuple[int, int]]:
    """Section titles and tables: prose whose length other lines must match. docutils rejects a
    title longer than its underline (or overline), a grid table cell whose text moves a column
    border and a simple table cell that runs into the next column: a fix that changes a
    phrase's length may do any of these. Code and other literal text (``non_prose_blocks``)
    holds none: a border drawn in a code block opens no table."""
    prose = _without_blocks(text)
    return [(start, end) for start, end, _ in titles(prose)] + list(tables(prose))


def titles(text: str) -> Iterator[tuple[int, int, int]]:
    """Section titles, each as the span of its lines, adornments included, and its level:
    docutils numbers the adornment styles (a character, underlined alone or also overlined) in
    the order they first appear. A title is the first line of a paragraph, underlined at the
    start of the next line by at least four characters or as many as the title has (a shorter
    line is ordinary text). ``text`` holds no literal blocks: they are blanked or masked."""
    lines = text.splitlines(keepends=True)
    starts = _line_starts(lines)
    styles: list[tuple[str, bool]] = []
    for number in range(1, len(lines)):
        title = lines[number - 1].rstrip()
        underline = _ADORNMENT.fullmatch(lines[number].rstrip())
        if not underline or not title.strip() or _ADORNMENT.fullmatch(title.strip()):
            continue
        above = lines[number - 2].rstrip() if number > 1 else ""
        overline = _ADORNMENT.fullmatch(above) is not None
        opens_paragraph = not above.strip() or overline
        if opens_paragraph and len(underline.group()) >= min(len(title), 4):
            style = (underline.group(1), overline)
            if style not in styles:
                styles.append(style)
            first = number - 2 if overline else number - 1
            yield starts[first], starts[number + 1], styles.index(style) + 1


def tables(text: str) -> Iterator[tuple[int, int]]:
    """Grid and simple tables, each from its top border to its last line, as docutils reads
    them: a grid table runs to the next blank line; a simple table to its second border after
    the top, or to the first one followed by a blank line. ``text`` holds no literal blocks:
    they are blanked or masked."""
    lines = text.splitlines(keepends=True)
    starts = _line_starts(lines)
    number = 0
    while number < len(lines):
        top = lines[number].strip()
        if _GRID_TABLE_TOP.fullmatch(top):
            last = _grid_table_end(lines, number)
        elif _SIMPLE_TABLE_TOP.fullmatch(top):
            last = _simple_table_end(lines, number)
        else:
            number += 1
            continue
        yield starts[number], starts[last + 1]
        number = last + 1


def _without_blocks(text: str) -> str:
    """``text`` with the lines of ``non_prose_blocks`` blanked, offsets and line breaks kept."""
    pieces, done = [], 0
    for start, end in non_prose_blocks(text):
        pieces += [text[done:start], _NOT_LINE_BREAK.sub(" ", text[start:end])]
        done = end
    return "".join([*pieces, text[done:]])


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def _grid_table_end(lines: list[str], top: int) -> int:
    """The last line of the grid table whose top border is line ``top``."""
    last = top
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    return last


def _simple_table_end(lines: list[str], top: int) -> int:
    """The last line of the simple table whose top border is line ``top`` (with no bottom
    border, docutils takes the rest of the text as a malformed table)."""
    borders = 0
    for number in range(top + 1, len(lines)):
        if _SIMPLE_TABLE_BORDER.fullmatch(lines[number].strip()):
            borders += 1
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if borders == 2 or not following.strip():
                return number
    return len(lines) - 1


#: The start of a list item, up to its text: a bullet or an enumerator ("1.", "(a)", "#.").
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•‣⁃]|\(?(?:\d+|#|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)])[ \t]+")
#: The start of a field (":Author: …", a directive's ":width: …"), whose body is indented.
_FIELD = re.compile(r"[ \t]*:(?![: ])[^`\n]*?(?<! ):(?:[ \t]|$)")


def block_quotes(text: str) -> Iterator[tuple[int, int]]:
    """Block quotes: after a blank line, the lines indented deeper than the body of the element
    before, up to the first line that is not (a paragraph's body is its own indentation, a list
    item's its text). What is indented under explicit markup or a field is their body, never a
    quote."""
    offset = 0
    quote: int | None = None  # the body column that the current quote is indented deeper than
    body: int | None = None  # that of the last non-blank line, if a quote may follow it
    blank_before = True
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        depth = _indentation(line)
        if quote is not None and (not stripped or depth > quote):
            yield offset, offset + len(line)
        elif stripped:
            quote = body if body is not None and blank_before and depth > body else None
            if quote is not None:
                yield offset, offset + len(line)
            else:
                body = _body_column(line)
        blank_before = not stripped
        offset += len(line)


def _body_column(line: str) -> int | None:
    """The column of the body of the element that ``line`` starts or continues, or None if all
    that is indented under it belongs to it (explicit markup, a field). An empty comment ("..")
    has no body: it is how a block quote is set apart from a list before it."""
    if line.strip() != ".." and (_EXPLICIT_MARKUP.match(line) or _FIELD.match(line)):
        return None
    item = _LIST_ITEM.match(line)
    return _indentation(line) if item is None else len(item.group().expandtabs(8))


def _line_starts(lines: list[str]) -> list[int]:
    """The offset of each line, and that of the end of the text after the last."""
    return list(accumulate(map(len, lines), initial=0))
