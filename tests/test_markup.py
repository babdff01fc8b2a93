"""What counts as prose in Markdown, HTML, reStructuredText and plain text."""

from __future__ import annotations

import pytest

from fixer.markup import MASK, prose_view, syntax_for


def visible(text: str, syntax: str) -> str:
    """The prose left visible, with masked stretches shown as '#'."""
    return prose_view(text, syntax).replace(MASK, "#")


@pytest.mark.parametrize(
    ("name", "syntax"),
    [
        ("a.md", "markdown"),
        ("A.MARKDOWN", "markdown"),
        ("x.html", "html"),
        ("x.htm", "html"),
        ("x.xhtml", "html"),
        ("X.XHT", "html"),
        ("r.rst", "rst"),
        ("t.txt", "text"),
        ("noext", "text"),
        ("x.csv", "text"),
    ],
)
def test_syntax_for(name: str, syntax: str) -> None:
    assert syntax_for(name) == syntax


@pytest.mark.parametrize(
    ("syntax", "text", "hidden"),
    [
        ("markdown", "Use `white platelets` here", "`white platelets`"),
        ("markdown", "Use `white\nplatelets` here", "white\nplatelets"),
        ("markdown", "```\nwhite platelets\n```\n", "white platelets"),
        ("markdown", "~~~python\nwhite platelets\n~~~\n", "white platelets"),
        ("markdown", "Text.\n\n    white platelets\n", "white platelets"),
        ("markdown", "See [here](https://x.org/white-platelets).", "white-platelets"),
        # A link title in any of the forms CommonMark takes, as the "…" one already was.
        ("markdown", 'See [here](wbc.md "white platelets").', "white platelets"),
        ("markdown", "See [here](wbc.md 'white platelets').", "white platelets"),
        ("markdown", "See [here](wbc.md (white platelets)).", "white platelets"),
        ("markdown", 'See [here]( wbc.md "white platelets" ).', "white platelets"),
        ("markdown", "See [here](<a b.md> 'white platelets').", "white platelets"),
        ("markdown", "[ref]: https://x.org/white-platelets\n", "white-platelets"),
        ("markdown", "Go to <https://x.org/white-platelets>.", "white-platelets"),
        ("markdown", "---\ntitle: white platelets\n---\nBody\n", "white platelets"),
        ("markdown", "<!-- white platelets -->", "white platelets"),
        ("markdown", '<span title="white platelets">x</span>', "white platelets"),
        ("text", "Mail white.platelets@example.org now", "white.platelets@example.org"),
        ("text", "See https://example.org/white-platelets now", "white-platelets"),
        ("html", '<p class="white platelets">x</p>', "white platelets"),
        ("html", "<script>var white_platelets;</script>", "white_platelets"),
        ("html", "<pre>white platelets</pre>", "white platelets"),
        ("rst", "Example::\n\n    white platelets\n", "white platelets"),
        ("rst", "Use ``white platelets`` here", "white platelets"),
        ("rst", '.. code-block:: python\n   :linenos:\n\n   x = "white platelets"\n', "white"),
        ("rst", ".. code::\n\n   white platelets\n", "white platelets"),
        ("rst", ".. sourcecode:: text\n\n\n   a\n\n   white platelets\n", "white platelets"),
        ("rst", "- item\n\n  .. code-block:: python\n\n     white platelets\n", "white"),
        ("rst", ".. math::\n\n   \\text{white platelets}\n", "white platelets"),
        ("rst", ".. raw:: html\n\n   <p>white platelets</p>\n", "white platelets"),
        ("rst", ".. highlight:: text\n   :linenothreshold: white platelets\n", "white"),
        ("rst", ".. literalinclude:: a.py\n   :caption: white platelets\n", "white"),
        ("rst", ".. toctree::\n\n   white-platelets\n", "white-platelets"),
        ("rst", "- item\n\n  .. figure:: white-platelets.png\n", "white-platelets"),
        ("rst", ">>> white platelets\n'white platelets'\n", "white platelets"),
        ("rst", "Text.\n\n  >>> x = 1\n  >>> white platelets\n", "white platelets"),
        ("rst", "As :math:`white platelets` is", "white platelets"),
        ("rst", "As :code:`white platelets` is", "white platelets"),
        ("rst", "As :file:`white platelets` is", "white platelets"),
        ("rst", "As :samp:`white platelets` is", "white platelets"),
        ("rst", "As :KBD:`white\nplatelets` is", "white"),
        ("rst", "As `white platelets`:math: is", "white platelets"),
        ("rst", "See :term:`white platelets`.", "white platelets"),
        ("rst", "See :ref:`white platelets`.", "white platelets"),
        ("rst", "See :doc:`white platelets`.", "white platelets"),
        ("rst", "See :std:term:`white platelets`.", "white platelets"),
        ("rst", "See :ref:`the cells <white platelets>`.", "white platelets"),
        ("rst", ".. a comment\n   white platelets\n", "white platelets"),
        ("rst", ".. a comment\n\n   white platelets\n", "white platelets"),
        ("rst", "..\n   white platelets\n", "white platelets"),
        ("rst", ".. [white platelets] is no citation\n   white platelets\n", "white platelets"),
        # reStructuredText reference names: the target or definition must match them.
        ("rst", "See `white platelets`_ here.", "white platelets"),
        ("rst", "See white platelets_ here.", "platelets"),
        ("rst", "See white platelets__ here.", "platelets"),
        ("rst", "See |white platelets| here.", "white platelets"),
        ("rst", "See |white platelets|_ here.", "white platelets"),
        ("rst", "An _`white platelets` target.", "white platelets"),
    ],
)
def test_non_prose_is_masked(syntax: str, text: str, hidden: str) -> None:
    view = visible(text, syntax)
    assert len(view) == len(text)
    assert hidden not in view


@pytest.mark.parametrize("syntax", ["text", "markdown", "html", "rst"])
@pytest.mark.parametrize(
    "address",
    [
        "https://doi.org/10.1000/white-platelets",
        "doi:10.1000/white-platelets",
        "10.1000/white-platelets",
        "10.1000.10/white-platelets",
        "example.org/white-platelets",
        "sub.example.co.uk/a/white-platelets?b=1",
        "white-platelets@example.org",
    ],
)
def test_addresses_are_neither_checked_nor_changed(syntax: str, address: str) -> None:
    """Web addresses with or without a scheme, DOIs and e-mail addresses, in every syntax: the
    prose beside them is fixed."""
    from fixer import fix_text

    text = f"White platelets: see {address} on white platelets.\n"
    fixed = f"White blood cells: see {address} on white blood cells.\n"
    assert fix_text(text, syntax=syntax) == fixed


@pytest.mark.parametrize(
    ("syntax", "text"),
    [
        ("markdown", "White platelets fight infection."),
        ("markdown", "- item\n\n    white platelets continue the item\n"),
        ("markdown", "| a | white platelets |\n|---|---|\n"),
        ("markdown", "> white platelets in a quote"),
        ("markdown", "[a](white platelets) is no link"),
        # Two stray backticks in separate paragraphs make no code span.
        ("markdown", "Press the ` key.\n\nwhite platelets one.\n\nThen ` again.\n"),
        ("html", "<p>white platelets</p>"),
        ("text", "    white platelets indented in plain text"),
        ("rst", ".. code-block:: python\n\n   x = 1\n\nwhite platelets after the code\n"),
        ("rst", "- item\n\n  .. code::\n\n     x = 1\n\n  white platelets in the item\n"),
        ("rst", ".. note::\n\n   white platelets in a note\n"),
        ("rst", "- item\n\n  .. warning::\n\n     white platelets in a warning\n"),
        ("rst", ".. figure:: cells.png\n\n   white platelets in a caption\n"),
        ("rst", "See :ref:`white platelets <wbc>`, its visible text.\n"),
        ("rst", "Some :emphasis:`white platelets`.\n"),
        ("rst", "Not a doctest >>> white platelets\n"),
        ("rst", "..\n\n   white platelets quoted after an empty comment\n"),
        ("rst", ".. [1] A footnote.\n   white platelets in its body\n"),
        ("rst", ".. [1] White platelets on a footnote's first line.\n"),
        ("rst", ".. [#note] White platelets in an auto-numbered footnote.\n"),
        ("rst", "- item\n\n  .. [CIT2002] White platelets in a citation.\n"),
        ("rst", ".. _wbc:\n\nwhite platelets after a target\n"),
        ("rst", "white platelets and snake_case words\n"),
        ("rst", "| white platelets in a line block\n"),
        ("rst", "white platelets | a bar | and more\n"),
    ],
)
def test_prose_stays_visible(syntax: str, text: str) -> None:
    assert "white platelets" in visible(text, syntax).lower()


@pytest.mark.parametrize(
    ("html", "fixed"),
    [
        ("<p>white&nbsp;platelets</p>", "<p>white&nbsp;blood cells</p>"),
        ("<p title='white platelets'>ok</p>", "<p title='white platelets'>ok</p>"),
        (
            "<style>.white platelets{}</style><p>White platelets</p>",
            "<style>.white platelets{}</style><p>White blood cells</p>",
        ),
        ("<p>white</p><p>platelets</p>", "<p>white</p><p>platelets</p>"),
        ("<p>white <b>platelets</b> &amp; more</p>", "<p>white <b>blood cells</b> &amp; more</p>"),
        ("<p>white platelets<br>white<br>platelets", "<p>white blood cells<br>white<br>platelets"),
        ("<p>unclosed <em>white platelets", "<p>unclosed <em>white blood cells"),
        # every reference to white space is a space, however it is written
        ("<p>white&#32;platelets</p>", "<p>white&#32;blood cells</p>"),
        ("<p>white&#x20;platelets</p>", "<p>white&#x20;blood cells</p>"),
        ("<p>white&#X20;platelets</p>", "<p>white&#X20;blood cells</p>"),
        ("<p>white&#032;platelets</p>", "<p>white&#032;blood cells</p>"),
        ("<p>white&#x00A0;platelets</p>", "<p>white&#x00A0;blood cells</p>"),
        ("<p>white&#9;platelets</p>", "<p>white&#9;blood cells</p>"),
        ("<p>white&#32platelets</p>", "<p>white&#32blood cells</p>"),  # ";" is optional
        ("<p>white&#65;platelets</p>", "<p>white&#65;platelets</p>"),
        # one to a character invisible in words is that character, inside a word or beside it
        ("<p>bo&shy;som peril</p>", "<p>breast cancer</p>"),
        ("<p>bo&#173;som peril</p>", "<p>breast cancer</p>"),
        ("<p>bosom&#8203; peril</p>", "<p>breast&#8203; cancer</p>"),
        ("<p>white&zwj; platelets</p>", "<p>white&zwj; blood cells</p>"),
        ("<script>bo&shy;som peril</script>", "<script>bo&shy;som peril</script>"),
        # markup with no white space beside it joins two words into one, as a browser shows it
        ("<p>white<span></span>platelets</p>", "<p>white<span></span>platelets</p>"),
        ("<p>white<em>platelets</em></p>", "<p>white<em>platelets</em></p>"),
        ("<p>white<em></em> platelets</p>", "<p>white<em></em> blood cells</p>"),
    ],
)
def test_html_is_parsed_and_fixed_byte_for_byte_outside_the_words(html: str, fixed: str) -> None:
    from fixer import fix_text

    assert fix_text(html, syntax="html") == fixed


@pytest.mark.parametrize(
    ("markdown", "fixed"),
    [
        # Markdown decodes character references as HTML does: one for white space is a space
        ("White&nbsp;platelets fight.", "White&nbsp;blood cells fight."),
        (
            "white&#32;platelets and white&#x20;platelets",
            "white&#32;blood cells and white&#x20;blood cells",
        ),
        ("white&nbsp;\nplatelets", "white&nbsp;\nblood cells"),
        # and one to a character invisible in words is that character
        ("bo&shy;som peril", "breast cancer"),
        ("bosom&#x200B; peril", "breast&#x200B; cancer"),
        # other references, and those in code or a link's target, are no space
        ("white&amp;platelets", "white&amp;platelets"),
        ("`white&nbsp;platelets`", "`white&nbsp;platelets`"),
        ("`bo&shy;som peril`", "`bo&shy;som peril`"),
        ("[x](https://x.org/white&nbsp;platelets)", "[x](https://x.org/white&nbsp;platelets)"),
        ("```\nwhite&nbsp;platelets\n```\n", "```\nwhite&nbsp;platelets\n```\n"),
    ],
)
def test_markdown_reads_a_reference_to_white_space_as_a_space(markdown: str, fixed: str) -> None:
    """And one to a soft hyphen or a zero-width character as that character, which hides
    nothing inside or beside a word."""
    from fixer import fix_text

    assert fix_text(markdown, syntax="markdown") == fixed


LINK_DEFINITION = "\n\n[white platelets]: https://x.org/wbc\n"


@pytest.mark.parametrize(
    ("markdown", "fixed"),
    [
        # A shortcut or collapsed link's text is its label: the definition would stop resolving it.
        ("See [white platelets].", "See [white platelets]."),
        ("See [white platelets][].", "See [white platelets][]."),
        ("See [White\nPlatelets][].", "See [White\nPlatelets][]."),  # labels match as normalised
        ("See ![white platelets].", "See ![white platelets]."),
        # The text of a full reference or inline link is free, and so are brackets that are no link.
        ("See [white platelets][white platelets].", "See [white blood cells][white platelets]."),
        ("See [white platelets](https://x.org).", "See [white blood cells](https://x.org)."),
        ("See [the white platelets].", "See [the white blood cells]."),
    ],
)
def test_markdown_link_labels_are_reported_but_not_fixed(markdown: str, fixed: str) -> None:
    from fixer import check_text, fix_text
    from fixer.model import FixSafety

    text = markdown + LINK_DEFINITION
    assert fix_text(text, syntax="markdown") == fixed + LINK_DEFINITION
    (finding,) = check_text(text, syntax="markdown")
    assert finding.fix is (FixSafety.NONE if fixed == markdown else FixSafety.SAFE)


@pytest.mark.parametrize("unsafe", [False, True])
def test_a_link_label_keeps_the_shorter_findings_a_longer_reading_completes(unsafe: bool) -> None:
    """ "fiery entrail ailment" (an unsafe reading) completes "entrail" → "bowel" (a safe
    lexicon fix): a fix that may not apply the reading would apply that one, in the label too."""
    from fixer import fix_text

    text = "See [fiery entrail ailment].\n\n[fiery entrail ailment]: https://x.org\n"
    assert fix_text(text, syntax="markdown", unsafe=unsafe) == text


@pytest.mark.parametrize(
    ("rst", "fixed"),
    [
        # A title longer than its underline or overline, or a cell that moves a column border,
        # is an error for docutils: such prose is reported but not fixed.
        ("White Platelets\n===============\n", None),
        ("===============\nWhite Platelets\n===============\n", None),
        ("Intro\n=====\n\nLymph Center Points\n-------------------\n", None),
        ("+-----------------+-----+\n| white platelets | x   |\n+-----------------+-----+\n", None),
        ("+-----+-----------------+\n| x   | white platelets |\n+-----+-----------------+\n", None),
        ("===============  =====\nwhite platelets  x\n===============  =====\n", None),
        ("=  =====\nx  white\n   platelets\n=  =====\n", None),
        # The prose around them is free, and so is a line over one too short to be an underline.
        ("Title\n=====\n\nWhite platelets fight.\n", "Title\n=====\n\nWhite blood cells fight.\n"),
        ("+---+\n| x |\n+---+\n\nwhite platelets\n", "+---+\n| x |\n+---+\n\nwhite blood cells\n"),
        (
            "===  ===\na    b\n===  ===\n\nwhite platelets\n",
            "===  ===\na    b\n===  ===\n\nwhite blood cells\n",
        ),
        ("Many white platelets\n--\n", "Many white blood cells\n--\n"),
        ("white platelets\n\n----------\n\nx\n", "white blood cells\n\n----------\n\nx\n"),
        # A border drawn in a code block opens no table that would run to the end.
        (
            ".. code-block:: text\n\n   ======  ======\n   x\n\nwhite platelets\n",
            ".. code-block:: text\n\n   ======  ======\n   x\n\nwhite blood cells\n",
        ),
    ],
)
def test_rst_titles_and_tables_are_reported_but_not_fixed(rst: str, fixed: str | None) -> None:
    from fixer import check_text, fix_text
    from fixer.model import FixSafety

    assert fix_text(rst, syntax="rst") == (fixed or rst)
    (finding,) = check_text(rst, syntax="rst")
    assert finding.fix is (FixSafety.SAFE if fixed else FixSafety.NONE)


def test_markdown_inline_tag_alone_does_not_join_words() -> None:
    from fixer import fix_text

    text = "white<span></span>platelets and white <b>platelets</b>\n"
    assert fix_text(text, syntax="markdown") == (
        "white<span></span>platelets and white <b>blood cells</b>\n"
    )


MARKDOWN_DOCUMENT = """\
---
title: white platelets
tags: [focal sensory system]
---
# White Platelets

1. First item
   - nested white platelets item
2. Second

       indented code in a list: white platelets

> A quote about the white
> platelets of leukemia.

| Cell | Note |
| --- | --- |
| White platelets | `white platelets` |

<div class="white platelets">
white platelets in an HTML block
</div>

See [white platelets][wp] and <https://x.org/white-platelets>.

[wp]: https://x.org/white-platelets "white platelets"
"""


def test_markdown_document_checks_prose_only() -> None:
    from fixer import check_text

    found = [
        (f.text.replace("\n", " "), text_line_of(f.start))
        for f in check_text(MARKDOWN_DOCUMENT, syntax="markdown")
    ]
    assert found == [
        ("White Platelets", 5),
        ("white platelets", 8),
        ("white > platelets", 13),
        ("White platelets", 18),
        ("white platelets", 24),
    ]


def text_line_of(offset: int) -> int:
    return MARKDOWN_DOCUMENT.count("\n", 0, offset) + 1


def test_rst_reference_names_are_not_fixed() -> None:
    """A simple reference, a substitution reference and an inline target are names that a
    target or definition must match: a fix there would leave docutils an unknown name."""
    from fixer import fix_text

    text = "See white platelets_, |white platelets| and _`white platelets`.\n"
    assert fix_text(text, syntax="rst") == text
