"""Which parts of a document are prose: code, URLs, tags and the like are masked out.

``prose_view`` returns a string of the same length as the text in which every character that must
not be checked is replaced by a NUL. Offsets into the view are offsets into the original, and no
phrase can match across a masked stretch, because NUL is neither a word character nor a joiner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fixer.html_view import MASK, TRANSPARENT, html_view

# MASK replaces every character that is not prose; TRANSPARENT replaces inline markup inside a
# phrase ("white *platelets*", "white <em>platelets</em>"): not a word, but a phrase may run
# across it. Both are defined beside the HTML parser that uses them too.

_URL = r"(?:https?|ftp)://[^\s<>()\[\]]+(?:\([^\s<>()]*\)[^\s<>()\[\]]*)*|www\.[^\s<>()\[\]]+"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_TEXT_PATTERNS = [re.compile(_URL), re.compile(_EMAIL)]

_HTML_PATTERNS = [
    re.compile(r"<!--.*?(?:-->|\Z)", re.S),
    re.compile(r"<(script|style|code|pre|kbd|samp|var)\b.*?(?:</\1\s*>|\Z)", re.S | re.I),
    re.compile(r"<[!?/]?[A-Za-z][^>]*>", re.S),
    re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"),
    *_TEXT_PATTERNS,
]

_MARKDOWN_PATTERNS = [
    re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.S | re.M),
    re.compile(r"^[ ]{0,3}(`{3,}|~{3,}).*?(?:^[ ]{0,3}\1[`~]*[ \t]*$|\Z)", re.S | re.M),
    re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S),
    re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M),
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>|<[\w.+-]+@[\w.-]+>"),
    *_HTML_PATTERNS,
]

_RST_PATTERNS = [
    re.compile(r"``.+?``", re.S),
    re.compile(r"^\.\. .*$", re.M),
    re.compile(r"`[^`]+`_"),
    *_TEXT_PATTERNS,
]

SYNTAX_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".rst": "rst",
    ".txt": "text",
}


def syntax_for(name: str) -> str:
    """The syntax of a file from its name; anything unknown is plain text."""
    dot = name.rfind(".")
    return SYNTAX_BY_SUFFIX.get(name[dot:].lower(), "text") if dot >= 0 else "text"


def _indented_blocks(text: str, syntax: str) -> Iterator[tuple[int, int]]:
    """Indented code (Markdown) or literal blocks (reStructuredText, after a ``::`` line)."""
    offset = 0
    inside = False
    blank_before = True
    last_text_line = ""  # the last non-blank line outside a block
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        indented = bool(stripped) and line.startswith(("    ", "\t"))
        if inside and (indented or not stripped):
            yield offset, offset + len(line)
        elif indented and blank_before and _opens_block(last_text_line, syntax):
            inside = True
            yield offset, offset + len(line)
        else:
            inside = False
        if stripped and not inside:
            last_text_line = line
        blank_before = not stripped
        offset += len(line)


def _opens_block(previous: str, syntax: str) -> bool:
    """Whether an indented line after ``previous`` (and a blank line) starts a code block."""
    if syntax == "rst":
        return previous.rstrip().endswith("::")
    in_list = re.match(r"^\s*(?:[-*+]|\d+[.)])\s", previous) is not None
    return not in_list and not previous.startswith((" ", "\t"))


_EMPHASIS = re.compile(r"(?<![\w\\*_~])[*_~]{1,3}(?=[^\W_])|(?<=[^\W_])[*_~]{1,3}(?![\w*_~])")
_INLINE_TAG = re.compile(
    r"</?(?:em|strong|b|i|u|mark|span|a|sup|sub|abbr|cite|dfn|q|small|s)\b[^>]*>", re.I
)
_TRANSPARENT_PATTERNS = {"markdown": [_EMPHASIS, _INLINE_TAG], "html": [_INLINE_TAG]}


def prose_view(text: str, syntax: str) -> str:
    """The text with every non-prose character replaced by ``MASK``, and inline markup that a
    phrase may span replaced by ``TRANSPARENT``."""
    if syntax == "html":
        return _mask(html_view(text), _TEXT_PATTERNS)
    patterns = {
        "markdown": _MARKDOWN_PATTERNS,
        "rst": _RST_PATTERNS,
    }.get(syntax, _TEXT_PATTERNS)
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        spans.extend(m.span() for m in pattern.finditer(text))
    if syntax in ("markdown", "rst"):
        spans.extend(_indented_blocks(text, syntax))
    see_through = [
        m.span()
        for pattern in _TRANSPARENT_PATTERNS.get(syntax, ())
        for m in pattern.finditer(text)
    ]
    if not spans and not see_through:
        return text
    chars = list(text)
    for start, end in spans:
        for index in range(start, end):
            if chars[index] not in "\r\n":
                chars[index] = MASK
    # After masking, so that an inline tag (itself a tag) is seen through, not masked.
    for start, end in see_through:
        chars[start:end] = TRANSPARENT * (end - start)
    return "".join(chars)


def _mask(view: str, patterns: list[re.Pattern[str]]) -> str:
    """``view`` with the matches of ``patterns`` (URLs, e-mail addresses) masked too."""
    spans = [m.span() for pattern in patterns for m in pattern.finditer(view)]
    if not spans:
        return view
    chars = list(view)
    for start, end in spans:
        for index in range(start, end):
            if chars[index] not in "\r\n":
                chars[index] = MASK
    return "".join(chars)
