"""The prose of an HTML document, found with a real HTML parser (the standard library's).

Only text nodes are prose, and not those inside ``script``, ``style``, ``code``, ``pre`` and the
like. Tags, attributes, comments and declarations are masked; inline tags (``em``, ``a``,
``span`` …) are transparent, so a phrase may run across them and a fix keeps them. A character
reference that stands for white space (``&nbsp;``, ``&#32;``, ``&#x20;``) is a space followed by
transparent characters; other references are masked. Offsets are those of the original text.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from fixer.markup import MASK, NOT_LINE_BREAK, TRANSPARENT

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


class _Placed(HTMLParser):
    """An HTML parser that knows the offset in the text of what it handles."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column


class _ProseParser(_Placed):
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
        """Show a reference to white space as a space between words, decoded as a browser
        decodes it (``&#32;``, ``&#x20;`` and ``&#032;`` alike); the ``;`` is optional."""
        start = self._offset()
        end = start + len(opening) + self.text.startswith(";", start + len(opening))
        if not self.skipping and unescape(self.text[start:end]).isspace():
            self._set(start, end, TRANSPARENT)
            self.view[start] = " "

    def _tag_end(self) -> int:
        start = self._offset()
        close = self.text.find(">", start)
        return len(self.text) if close < 0 else close + 1


def html_view(text: str) -> str:
    parser = _ProseParser(text)
    parser.feed(text)
    parser.close()
    return "".join(parser.view)


class _CommentParser(_Placed):
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
    parser = _CommentParser(text)
    parser.feed(text)
    parser.close()
    return parser.comments
