"""Which parts of a document are prose: code, URLs, tags and the like are masked out.

``prose_view`` returns a string of the same length as the text in which every character that must
not be checked is replaced by a NUL. Offsets into the view are offsets into the original, and no
phrase can match across a masked stretch, because NUL is neither a word character nor a joiner.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from html import unescape

from fixer.markdown_view import block_quotes as markdown_quotes
from fixer.markdown_view import headings as markdown_headings
from fixer.markdown_view import link_labels, markup_lines, prose_lines
from fixer.rst_view import block_quotes as rst_quotes
from fixer.rst_view import comment_lines, fixed_width, non_prose_blocks, role_spans, titles
from fixer.words import INVISIBLE

#: Replaces every character that is not prose in a view.
MASK = "\x00"
#: Replaces inline markup inside a phrase ("white *platelets*", "white <em>platelets</em>"): not
#: a word, but a phrase may run across it.
TRANSPARENT = "\u2063"
#: Any character but a line break (masks keep line breaks, so lines stay where they were).
NOT_LINE_BREAK = re.compile(r"[^\r\n]")

#: The rest of an address: anything up to white space, brackets or angle brackets, with balanced
#: parentheses ("10.1016/S0140-6736(20)30183-5").
_ADDRESS_REST = r"[^\s<>()\[\]]+(?:\([^\s<>()]*\)[^\s<>()\[\]]*)*"
_URL = rf"(?:https?|ftp)://{_ADDRESS_REST}|www\.[^\s<>()\[\]]+"
#: A web address without a scheme: a domain name and a path ("example.org/white-platelets").
_BARE_URL = rf"(?<![\w.@/-])(?:[\w-]++\.)++[A-Za-z]{{2,}}+/(?:{_ADDRESS_REST})?"
#: A DOI, bare or after "doi:" ("10.1000/xyz", "10.1000.10/xyz").
_DOI = rf"10\.\d{{4,9}}(?:\.\d+)*/{_ADDRESS_REST}"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_TEXT_PATTERNS = [re.compile(p) for p in (_URL, _EMAIL, _BARE_URL, _DOI)]

#: An HTML comment, its body the group.
_HTML_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.S)
#: Characters that stand invisibly inside words (``fixer.words.INVISIBLE``): a reference to one
#: shows in a prose view as the character itself.
INVISIBLE_CHARACTERS = frozenset(INVISIBLE)
_CHARACTER_REFERENCE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_HTML_PATTERNS = [
    _HTML_COMMENT,
    re.compile(r"<(script|style|code|pre|kbd|samp|var)\b.*?(?:</\1\s*>|\Z)", re.S | re.I),
    re.compile(r"<[!?/]?[A-Za-z][^>]*>", re.S),
    _CHARACTER_REFERENCE,
    *_TEXT_PATTERNS,
]

# Inline structure inside Markdown prose lines (blocks come from the parser, markdown_view).
_MARKDOWN_PATTERNS = [
    # A code span: it may run over lines, but not over a blank one (a paragraph ends there).
    re.compile(r"(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\r?\n))+?(?<!`)\1(?!`)"),
    # An inline link's destination and title, which CommonMark lets stand in "…", '…' or (…).
    re.compile(r"\]\(\s*+(?:<[^<>\n]*>|[^)\s]*+)(?:\s++(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*+\)"),
    re.compile(r"\]\[[^\]\n]*\]"),
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>|<[\w.+-]+@[\w.-]+>"),
    *_HTML_PATTERNS,
]

#: A reStructuredText doctest block: from a line starting with ">>>" to the next blank line.
_DOCTEST = re.compile(r"^[ \t]*>>>(?=\s|$).*(?:\n[ \t]*\S.*)*", re.M)
_RST_PATTERNS = [
    re.compile(r"``.+?``", re.S),
    _DOCTEST,
    # Explicit markup lines, but for the text of a footnote or citation after its label.
    re.compile(r"^[ \t]*\.\. (?:\[[^\]\s]+\](?=\s|$)|.*$)", re.M),
    # Hyperlink references, inline targets and substitution references: their text is a name
    # that a target or definition elsewhere must match, so another word would break the link.
    re.compile(r"`[^`]+`_"),
    _RST_INLINE_TARGET := re.compile(r"_`(?<![\w`]_`)[^`]+`"),
    _RST_SIMPLE_REFERENCE := re.compile(r"(?<![\w`|])[^\W_]+(?:[-.+:_][^\W_]+)*__?(?![\w`])"),
    _RST_SUBSTITUTION := re.compile(r"\|(?<![\w|]\|)(?![\s|])[^|\n]*(?<!\s)\|(?:__?)?"),
    *_TEXT_PATTERNS,
]

#: Characters that HTML reads as markup, as character references.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})

SYNTAX_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xht": "html",
    ".rst": "rst",
    ".txt": "text",
}


#: The syntaxes fixer reads.
SYNTAXES = tuple(dict.fromkeys(SYNTAX_BY_SUFFIX.values()))


def syntax_named(name: str | None) -> str:
    """The syntax a caller names: one of ``SYNTAXES`` in any case, or a file suffix fixer reads
    (``md``, ``htm``, ``.txt`` …), each of which stands for one syntax. Any other name, or no
    name at all (``None``), is a ``ValueError``: read as plain text, a Markdown or HTML document
    would get fixes inside its code spans and markup."""
    key = name.strip().lower() if isinstance(name, str) else ""
    if key in SYNTAXES:
        return key
    syntax = SYNTAX_BY_SUFFIX.get("." + key.removeprefix("."))
    if syntax is None:
        raise ValueError(
            f"unknown syntax {name!r} (known: {', '.join(SYNTAXES)}, or a file suffix such as md)"
        )
    return syntax


def syntax_for(name: str) -> str:
    """The syntax of a file from its name; anything unknown is plain text."""
    dot = name.rfind(".")
    return SYNTAX_BY_SUFFIX.get(name[dot:].lower(), "text") if dot >= 0 else "text"


_EMPHASIS = re.compile(r"(?<![\w\\*_~])[*_~]{1,3}(?=[^\W_])|(?<=[^\W_])[*_~]{1,3}(?![\w*_~])")
_INLINE_TAG = re.compile(
    r"</?(?:em|strong|b|i|u|mark|span|a|sup|sub|abbr|cite|dfn|q|small|s)\b[^>]*>", re.I
)
_QUOTE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
#: Inline markup a phrase may run across (Markdown; HTML has its own parser).
_TRANSPARENT_PATTERNS = {"markdown": [_EMPHASIS, _INLINE_TAG, _QUOTE_MARKERS]}
_EMPHASIS_RUN = re.compile(r"[*_~]+")
#: Literals without which a pattern cannot match: most texts have none, and a plain substring
#: test is far cheaper than letting the pattern try every word.
_NEEDS = {
    _TEXT_PATTERNS[0]: ("://", "www."),
    _TEXT_PATTERNS[1]: ("@",),
    _MARKDOWN_PATTERNS[0]: ("`",),
    **{pattern: ("<",) for pattern in (*_HTML_PATTERNS[:3], _MARKDOWN_PATTERNS[3], _INLINE_TAG)},
    _CHARACTER_REFERENCE: ("&",),
    _QUOTE_MARKERS: (">",),
    _DOCTEST: (">>>",),
    _RST_INLINE_TARGET: ("_`",),
    _RST_SIMPLE_REFERENCE: ("_",),
    _RST_SUBSTITUTION: ("|",),
}
#: For a pattern that could start at any word, a cheap pattern (it starts with a literal) that
#: every match contains: the pattern is tried only on the lines that hold one.
_ANCHORS = {
    _TEXT_PATTERNS[2]: re.compile(r"\.[A-Za-z]{2,}+/"),
    _RST_SIMPLE_REFERENCE: re.compile(r"_(?<=[^\W_]_)"),
}


@lru_cache(maxsize=1)
def prose_view(text: str, syntax: str) -> str:
    """The text with every non-prose character replaced by ``MASK``, and inline markup that a
    phrase may span replaced by ``TRANSPARENT``. The last view is kept: ``scan`` counts the
    words of the view that the check of the same document made."""
    if syntax == "html":
        from fixer.html_view import html_view  # the HTML parser: only for HTML

        return _mask(html_view(text), _TEXT_PATTERNS)
    patterns = {
        "markdown": _MARKDOWN_PATTERNS,
        "rst": _RST_PATTERNS,
    }.get(syntax, _TEXT_PATTERNS)
    spans: list[tuple[int, int]] = []
    spacing: list[tuple[int, int]] = []  # references to white space, in Markdown
    unseen: list[tuple[int, int]] = []  # references to characters invisible in words
    for pattern in patterns:
        found = _spans(pattern, text)
        if pattern is _CHARACTER_REFERENCE and syntax == "markdown":
            spacing = [(a, b) for a, b in found if unescape(text[a:b]).isspace()]
            unseen = [(a, b) for a, b in found if unescape(text[a:b]) in INVISIBLE_CHARACTERS]
            found = sorted(set(found).difference(spacing, unseen))
        spans.extend(found)
    if syntax == "rst":
        spans.extend(non_prose_blocks(text))
        spans.extend(role_spans(text))
    if syntax == "markdown":
        spans.extend(_other_lines(text, prose_lines(text)))
    see_through = [
        span
        for pattern in _TRANSPARENT_PATTERNS.get(syntax, ())
        for span in (_emphasis_spans(text) if pattern is _EMPHASIS else _spans(pattern, text))
    ]
    # After masking, so that an inline tag (itself a tag) is seen through, not masked.
    masked = _mask_spans(text, spans)
    view = _replace_spans(masked, see_through, lambda piece: TRANSPARENT * len(piece))
    # As in HTML, a reference to white space outside code and links is a space between words,
    # and one to a character invisible in words (``&shy;``) is that character.
    shown = [(a, b) for a, b in spacing if view[a:b] == text[a:b]]
    view = _replace_spans(view, shown, lambda piece: " " + TRANSPARENT * (len(piece) - 1))
    shown = [(a, b) for a, b in unseen if view[a:b] == text[a:b]]
    return _replace_spans(view, shown, lambda piece: unescape(piece) * len(piece))


def as_read(view: str) -> str:
    """A prose view (or a stretch of one) as a reader sees it: without the inline markup that a
    phrase may run across ("white <em>platelets" reads "white platelets", and
    "white<span></span>platelets" one word, as in a browser)."""
    return view.replace(TRANSPARENT, "")


def directive_spans(text: str, syntax: str) -> list[tuple[int, int]]:
    """Where suppression directives are read (``fixer.suppress``): in the comments of each
    syntax (HTML comments in Markdown and HTML, reStructuredText comments), never in code,
    markup or prose, where a directive is only shown or talked about; plain text has no
    comments, so there anywhere but in URLs and e-mail addresses."""
    if syntax == "html":
        from fixer.html_view import html_comments  # the HTML parser: only for HTML

        return html_comments(text)
    if syntax == "markdown":
        return _markdown_comments(text)
    if syntax == "rst":
        return list(comment_lines(text))
    return _outside(len(text), [span for p in _TEXT_PATTERNS for span in _spans(p, text)])


def _markdown_comments(text: str) -> list[tuple[int, int]]:
    """The bodies of a Markdown document's HTML comments, as an HTML parser finds them (not in
    a tag's attribute values). Code blocks and front matter, then code spans, link
    destinations and titles and escaped ``\\<`` are masked first: a comment shown as code or
    as text is none, and an unclosed ``<!--`` there cannot run on into a comment that
    follows."""
    if "<!--" not in text:
        return []
    from fixer.html_view import html_comments  # the HTML parser: only for comments

    visible = _mask_spans(text, list(_other_lines(text, markup_lines(text))))
    for pattern in (_MARKDOWN_PATTERNS[0], _MARKDOWN_PATTERNS[1], _ESCAPED_TAG):
        visible = _mask_spans(visible, _spans(pattern, visible))
    return html_comments(visible)


#: A backslash-escaped "<", which Markdown shows as text.
_ESCAPED_TAG = re.compile(r"\\<")


def _outside(length: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of a text of ``length`` characters that no span covers."""
    gaps: list[tuple[int, int]] = []
    done = 0
    for start, end in sorted(spans):
        if start > done:
            gaps.append((done, start))
        done = max(done, end)
    if done < length:
        gaps.append((done, length))
    return gaps


def as_written(correction: str, syntax: str) -> str:
    """A correction as a document in ``syntax`` must hold it to show it: HTML, and Markdown
    (which passes HTML through), read ``<``, ``>`` and ``&`` as markup, so they are written as
    character references there (a user lexicon's "<T> cells" would otherwise become a tag)."""
    return correction.translate(_ESCAPES) if syntax in ("html", "markdown") else correction


def unfixable_spans(text: str, syntax: str) -> list[tuple[int, int]]:
    """Prose that is checked but that no fix may change, because markup elsewhere must match it:
    in Markdown, the label of a shortcut or collapsed reference link (``[label]``, whose
    definition ``[label]: url`` would no longer resolve it); in reStructuredText, section titles
    and tables, whose adornments and borders must stay as long as the text (``fixed_width``)."""
    if syntax == "markdown":
        return link_labels(text)
    if syntax == "rst":
        return fixed_width(text)
    return []


def _emphasis_spans(text: str) -> list[tuple[int, int]]:
    """``_EMPHASIS`` matches, looked for only around runs of ``*``, ``_`` and ``~`` (the
    pattern's look-behind otherwise makes it try every position of the text)."""
    spans = []
    for run in _EMPHASIS_RUN.finditer(text):
        start, end = run.span()
        spans.extend(m.span() for m in _EMPHASIS.finditer(text, start, end + 1))
    return spans


def _other_lines(text: str, kept: set[int]) -> Iterator[tuple[int, int]]:
    """The spans of the lines whose 0-based numbers are not in ``kept``."""
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        if number not in kept:
            yield offset, offset + len(line)
        offset += len(line)


def _mask(view: str, patterns: list[re.Pattern[str]]) -> str:
    """``view`` with the matches of ``patterns`` (URLs, e-mail addresses) masked too."""
    return _mask_spans(view, [span for pattern in patterns for span in _spans(pattern, view)])


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    needs = _NEEDS.get(pattern)
    if needs is not None and not any(literal in text for literal in needs):
        return []
    anchor = _ANCHORS.get(pattern)
    if anchor is not None:
        return _anchored_spans(pattern, anchor, text)
    return [m.span() for m in pattern.finditer(text)]


def _anchored_spans(
    pattern: re.Pattern[str], anchor: re.Pattern[str], text: str
) -> list[tuple[int, int]]:
    """The matches of ``pattern``, looked for only on the lines that hold a match of ``anchor``
    (no match crosses a line break)."""
    spans: list[tuple[int, int]] = []
    done = 0
    for hit in anchor.finditer(text):
        if hit.start() < done:
            continue
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        done = len(text) if end < 0 else end
        spans += [m.span() for m in pattern.finditer(text, start, done)]
    return spans


def _mask_spans(view: str, spans: list[tuple[int, int]]) -> str:
    """``view`` with every character of ``spans`` but line breaks replaced by ``MASK``."""
    return _replace_spans(view, spans, lambda piece: NOT_LINE_BREAK.sub(MASK, piece))


def _replace_spans(text: str, spans: list[tuple[int, int]], replace: Callable[[str], str]) -> str:
    """``text`` with each stretch that ``spans`` cover (they may overlap) replaced, piece by
    piece, by ``replace(piece)`` of the same length."""
    if not spans:
        return text
    pieces: list[str] = []
    done = 0
    for start, end in sorted(spans):
        start = max(start, done)
        if start < end:
            pieces += (text[done:start], replace(text[start:end]))
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


_QUOTATION = re.compile(r"“[^”\n]*(?:\n(?!\s*\n)[^”\n]*)*”|\"[^\"\n]*(?:\n(?!\s*\n)[^\"\n]*)*\"")
_QUOTE_BLOCK = re.compile(r"^[ \t]*>.*$", re.M)
#: A line of the view that names a reference list, alone or with heading or emphasis marks.
_REFERENCES_HEADING = re.compile(
    r"^[ \t#=*\x00\u2063]*(?:references|bibliography|works cited|literature cited|sources)"
    r"[ \t\r:*\x00\u2063]*$",
    re.M | re.I,
)
_ATX_HEADING = re.compile(r"^(#{1,6}) .*$", re.M)


def skip_parts(text: str, view: str, parts: tuple[str, ...], syntax: str) -> str:
    """Mask quotations (prose in quotation marks, and block quotes as ``syntax`` writes them) and
    reference lists (``_reference_lists``) when configured to. Quotation marks are looked for in
    the view, so that those of attributes, link titles and code pair with none in the prose."""
    spans: list[tuple[int, int]] = []
    if "quotations" in parts:
        spans += _spans(_QUOTATION, view)
        spans += _block_quotes(text, syntax)
    if "references" in parts:
        spans += _reference_lists(view, _headings(text, view, syntax))
    return _mask_spans(view, spans)


def _block_quotes(text: str, syntax: str) -> list[tuple[int, int]]:
    """Block quotes: in HTML also inline quotations (``<q>``), in reStructuredText indented
    paragraphs, in plain text lines quoted with ">" as in e-mail."""
    if syntax == "markdown":
        return markdown_quotes(text)
    if syntax == "html":
        from fixer.html_view import quotations

        return quotations(text)
    if syntax == "rst":
        return list(rst_quotes(text))
    return _spans(_QUOTE_BLOCK, text)


def _headings(text: str, view: str, syntax: str) -> list[tuple[int, int, int]]:
    """The headings, in order, each as its span and its level (1 the highest). Plain text has
    only Markdown's "#" headings; reStructuredText's titles are read in the view, where none
    is in a literal block."""
    if syntax == "markdown":
        return markdown_headings(text)
    if syntax == "html":
        from fixer.html_view import headings

        return headings(text)
    if syntax == "rst":
        return list(titles(view))
    return [(m.start(), m.end(), len(m.group(1))) for m in _ATX_HEADING.finditer(view)]


def _reference_lists(view: str, headings: list[tuple[int, int, int]]) -> Iterator[tuple[int, int]]:
    """Each reference list: from a line that names one (``_REFERENCES_HEADING``) to the next
    heading of the same or a higher level, or the end. A line that is no heading (a bold line,
    a line of plain text) runs to the next heading of any level."""
    for line in _REFERENCES_HEADING.finditer(view):
        own = [level for start, end, level in headings if start < line.end() and line.start() < end]
        level = own[-1] if own else math.inf
        ends = (start for start, _, other in headings if start >= line.end() and other <= level)
        yield line.start(), next(ends, len(view))
