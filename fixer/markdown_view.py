"""Which lines of a Markdown document are prose, decided by a CommonMark parser (markdown-it-py).

Prose lines are those of paragraphs, headings and table cells (the parser's inline content).
Fenced and indented code, HTML blocks, reference definitions, thematic breaks, table rules and
YAML/TOML front matter are not. Inline structure (code spans, link targets, autolinks) is left
to ``fixer.markup``, which masks it within the prose lines.
"""

from __future__ import annotations

import re
from functools import cache

_FRONT_MATTER = re.compile(
    r"\A(---|\+\+\+)[ \t]*\r?\n.*?^(?:\1|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
_NOT_PROSE = frozenset({"fence", "code_block", "html_block"})


@cache
def _parser():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def prose_lines(text: str) -> set[int]:
    """The 0-based numbers of the lines that hold prose."""
    front = _FRONT_MATTER.match(text)
    skipped = text[: front.end()].count("\n") if front else 0
    # Blank out the front matter so that the parser sees the same line numbers without it.
    body = "\n" * skipped + text[front.end() :] if front else text
    prose: set[int] = set()
    code: set[int] = set()
    for token in _parser().parse(body):
        if token.map is None:
            continue
        if token.type in _NOT_PROSE:
            code.update(range(*token.map))
        elif token.type == "inline":
            prose.update(range(*token.map))
    return prose - code
