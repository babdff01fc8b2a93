"""Which lines of a Markdown document are prose, decided by a CommonMark parser (markdown-it-py).

Prose lines are those of paragraphs, headings and table cells (the parser's inline content).
Fenced and indented code, HTML blocks, reference definitions, thematic breaks, table rules and
YAML/TOML front matter are not. Prose and HTML blocks are markup, where an HTML comment is a
comment (``markup_lines``). Inline structure (code spans, link targets, autolinks) is left to
``fixer.markup``, which masks it within the prose lines.

The parser also knows the reference definitions, and so which bracketed text is the label of a
shortcut or collapsed reference link (``link_labels``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(
    r"\A(---|\+\+\+)[ \t]*\r?\n.*?^(?:\1|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
#: A line break as the parser counts lines.
_LINE_BREAK = re.compile(r"\r\n?|\n")
#: Bracketed text that is a whole link label: ``[label]`` or ``[label][]``, not the text of an
#: inline link ``[text](url)`` or of a full reference link ``[text][label]``.
_SHORTCUT_LINK = re.compile(r"(?<![\]\\])\[([^\[\]]+)\](?:\[\])?(?![\[(])")


@cache
def _parser():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


@lru_cache(maxsize=1)
def _parsed(text: str) -> tuple[list[Token], dict[str, Any]]:
    """The parser's block tokens and its reference definitions (by normalised label). Kept for
    the last text, which ``prose_lines`` and ``link_labels`` both need."""
    front = _FRONT_MATTER.match(text)
    skipped = text[: front.end()].count("\n") if front else 0
    # Blank out the front matter so that the parser sees the same line numbers without it.
    body = "\n" * skipped + text[front.end() :] if front else text
    env: dict[str, Any] = {}
    tokens = _parser().parse(body, env)
    return tokens, env.get("references", {})


def prose_lines(text: str) -> set[int]:
    """The 0-based numbers of the lines that hold prose."""
    lines = _lines_by_type(text)
    return lines["inline"] - lines["fence"] - lines["code_block"] - lines["html_block"]


def markup_lines(text: str) -> set[int]:
    """The 0-based numbers of the lines where HTML is markup, not text shown as code: those of
    prose (which may hold inline HTML) and of HTML blocks."""
    lines = _lines_by_type(text)
    return (lines["inline"] | lines["html_block"]) - lines["fence"] - lines["code_block"]


def _lines_by_type(text: str) -> defaultdict[str, set[int]]:
    """The 0-based numbers of the lines of each type of block token."""
    lines: defaultdict[str, set[int]] = defaultdict(set)
    for token in _parsed(text)[0]:
        if token.map is not None:
            lines[token.type].update(range(*token.map))
    return lines


def headings(text: str) -> list[tuple[int, int, int]]:
    """The headings, ATX and Setext: the span of each one's lines, and its level."""
    return [(*span, int(token.tag[1:])) for span, token in _blocks(text, "heading_open")]


def block_quotes(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of block quotes, lazy continuation lines included."""
    return [span for span, _ in _blocks(text, "blockquote_open")]


def _blocks(text: str, kind: str) -> Iterator[tuple[tuple[int, int], Token]]:
    """The span of the lines of each block the parser opens with a token of ``kind``."""
    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text)), len(text)]
    for token in _parsed(text)[0]:
        if token.type == kind and token.map is not None:
            yield (starts[token.map[0]], starts[token.map[1]]), token


def link_labels(text: str) -> list[tuple[int, int]]:
    """The spans of the labels of shortcut and collapsed reference links (``[label]``,
    ``[label][]``) that a definition resolves. Such a label is at once the link's text and the
    key of its definition, so changing it alone would break the link."""
    references = _parsed(text)[1]
    if not references:
        return []
    from markdown_it.common.utils import normalizeReference

    return [
        match.span(1)
        for match in _SHORTCUT_LINK.finditer(text)
        if normalizeReference(match.group(1)) in references
    ]
