"""The prose of an HTML document, found with a real HTML parser (the standard library's).

Only text nodes are prose, and not those inside ``script``, ``style``, ``code``, ``pre`` and the
like. Tags, attributes, comments and declarations are masked; inline tags (``em``, ``a``,
``span`` …) are transparent, so a phrase may run across them and a fix keeps them. A character
reference that stands for white space (``&nbsp;``, ``&#32;``, ``&#x20;``) is a space followed by
transparent characters; other references are masked. Offsets are those of the original text.

The same parser finds quotations and headings, which configured ``skip`` parts leave out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from typing import Self

from fixer.markup import INVISIBLE_CHARACTERS, MASK, NOT_LINE_BREAK, TRANSPARENT

SKIPPED = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "var", "textarea", "template", "svg", "math"}
)
INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "cite",
        "dfn",
        "em",
        "i",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "u",
    }
)
_LINE_BREAK = re.compile(r"\n")


#: Elements that hold quoted text.
QUOTATIONS = frozenset({"blockquote", "q"})
_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}


class _Parser(HTMLParser):
    """An HTML parser that knows the offset in the text of what it is handling."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    @classmethod
    def parsed(cls, text: str) -> Self:
        """A parser of this kind that has read all of ``text``."""
        parser = cls(text)
        parser.feed(text)
        parser.close()
        return parser

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _tag_end(self) -> int:
        start = self._offset()
        close = self.text.find(">", start)
        return len(self.text) if close < 0 else close + 1


class _ProseParser(_Parser):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.view = list(NOT_LINE_BREAK.sub(MASK, text))
        self.skipping: list[str] = []

    def _set(self, start: int, end: int, char: str | None) -> None:
        """Show ``text[start:end]`` as it is (``char`` None) or as ``char``, line breaks kept."""
        piece = self.text[start:end]
        self.view[start : start + len(piece)] = (
            piece if char is None else NOT_LINE_BREAK.sub(char, piece)
        )

    def handle_starttag(self, tag: str, attrs: list) -> None:
        end = self._offset() + len(self.get_starttag_text() or "")
        if tag in SKIPPED:
            self.skipping.append(tag)
        elif tag in INLINE and not self.skipping:
            self._set(self._offset(), end, TRANSPARENT)

    def handle_endtag(self, tag: str) -> None:
        end = self._tag_end()
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in INLINE and not self.skipping:
            self._set(self._offset(), end, TRANSPARENT)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            start = self._offset()
            self._set(start, start + len(data), None)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, opening: str) -> None:
        """Show a reference to white space as a space between words, and one to a character
        that stands invisibly inside words (``&shy;``, ``&#8203;``) as that character, decoded
        as a browser decodes it (``&#32;``, ``&#x20;`` and ``&#032;`` alike); the ``;`` is
        optional."""
        start = self._offset()
        end = start + len(opening) + self.text.startswith(";", start + len(opening))
        if self.skipping:
            return
        decoded = unescape(self.text[start:end])
        if decoded.isspace():
            self._set(start, end, TRANSPARENT)
            self.view[start] = " "
        elif decoded in INVISIBLE_CHARACTERS:
            self._set(start, end, decoded)


class _StructureParser(_Parser):
    """The spans of quotations (``QUOTATIONS``) and of headings with their levels, each from its
    start tag to its end tag, or to the end of the text if it has none."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.open: list[tuple[str, int]] = []
        self.quotations: list[tuple[int, int]] = []
        self.headings: list[tuple[int, int, int]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in QUOTATIONS or tag in _HEADING_LEVELS:
            self.open.append((tag, self._offset()))

    def handle_endtag(self, tag: str) -> None:
        starts = [start for name, start in self.open if name == tag]
        if starts:
            self.open.remove((tag, starts[-1]))
            self._element(tag, starts[-1], self._tag_end())

    def close(self) -> None:
        super().close()
        for tag, start in self.open:
            self._element(tag, start, len(self.text))

    def _element(self, tag: str, start: int, end: int) -> None:
        if tag in QUOTATIONS:
            self.quotations.append((start, end))
        else:
            self.headings.append((start, end, _HEADING_LEVELS[tag]))


def html_view(text: str) -> str:
    return "".join(_ProseParser.parsed(text).view)


def quotations(text: str) -> list[tuple[int, int]]:
    """The spans of block quotes and inline quotations."""
    return _structure(text).quotations


def headings(text: str) -> list[tuple[int, int, int]]:
    """The spans of the headings, in order, with their levels."""
    return sorted(_structure(text).headings)


@lru_cache(maxsize=1)
def _structure(text: str) -> _StructureParser:
    """The parsed structure of the last text, which ``quotations`` and ``headings`` share."""
    return _StructureParser.parsed(text)


class _CommentParser(_Parser):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.comments: list[tuple[int, int]] = []

    def handle_comment(self, data: str) -> None:
        start = self._offset() + len("<!--")
        if self.text.startswith("<!--", start - len("<!--")):  # not a bogus comment ("<!x>")
            self.comments.append((start, start + len(data)))


def html_comments(text: str) -> list[tuple[int, int]]:
    """The spans of the bodies of an HTML document's comments, as the parser finds them: not
    text that only looks like one (in an attribute value, in ``script`` or ``style``)."""
    return _CommentParser.parsed(text).comments
