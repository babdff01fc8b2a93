"""Inline suppression comments: ignore, ignore-next-line, disable … enable, with codes."""

from __future__ import annotations

import pytest

from fixer import check_text, fix_text


def codes(text: str, syntax: str = "markdown") -> list[str]:
    return [f"{f.rule.code}:{f.text}" for f in check_text(text, syntax=syntax)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "White platelets here. <!-- fixer: ignore -->\nwhite platelets there.\n",
            ["FX001:white platelets"],
        ),
        (
            "<!-- fixer: ignore-next-line -->\nWhite platelets.\nwhite platelets.\n",
            ["FX001:white platelets"],
        ),
        (
            "<!-- fixer: disable -->\nWhite platelets.\n\nLymph center points.\n"
            "<!-- fixer: enable -->\nwhite platelets.\n",
            ["FX001:white platelets"],
        ),
        ("White platelets. <!-- fixer: ignore AN0001 -->\n", []),
        ("White platelets. <!-- fixer: ignore FX001 -->\n", []),
        (
            "White platelets and lymph center points. <!-- fixer: ignore AN0003 -->\n",
            ["FX001:White platelets"],
        ),
    ],
)
def test_suppressions(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


SPUN = "\n\nWhite platelets.\n"


@pytest.mark.parametrize(
    ("syntax", "text"),
    [
        ("markdown", "<!-- fixer: disable -->" + SPUN),
        ("markdown", "Intro <!-- fixer: disable --> here." + SPUN),
        ("markdown", "> <!-- fixer: disable -->" + SPUN),
        ("markdown", "<!--\nfixer: disable\n-->" + SPUN),
        ("markdown", "```\n<!--\n```\n\n<!-- fixer: ignore-next-line -->\nWhite platelets.\n"),
        ("html", "<!-- fixer: disable -->\n<p>White platelets.</p>\n"),
        ("rst", ".. fixer: disable" + SPUN),
        ("rst", "..\n   fixer: disable" + SPUN),
        ("rst", ".. note::\n\n   .. fixer: disable" + SPUN),
        ("text", "fixer: disable" + SPUN),
    ],
)
def test_directives_are_read_in_comments(syntax: str, text: str) -> None:
    assert codes(text, syntax) == []


@pytest.mark.parametrize(
    ("syntax", "text"),
    [
        ("markdown", "```html\n<!-- fixer: disable -->\n```" + SPUN),
        ("markdown", "    <!-- fixer: disable -->" + SPUN),
        ("markdown", "Use `<!-- fixer: disable -->` to stop." + SPUN),
        ("markdown", "Write fixer: disable to stop." + SPUN),
        ("markdown", "---\nnote: fixer: disable\n---" + SPUN),
        ("markdown", '<div title="<!-- fixer: disable -->"></div>' + SPUN),
        ("markdown", '[x](http://a.org "<!-- fixer: disable -->")' + SPUN),
        ("markdown", "Write \\<!-- fixer: disable --> to stop." + SPUN),
        ("html", '<p title="fixer: disable">x</p>\n<p>White platelets.</p>\n'),
        ("html", "<p>Write fixer: disable to stop.</p>\n<p>White platelets.</p>\n"),
        ("html", "<code>&lt;!-- fixer: disable --&gt;</code>\n<p>White platelets.</p>\n"),
        ("html", "<script>// <!-- fixer: disable --></script>\n<p>White platelets.</p>\n"),
        ("rst", "Use ``.. fixer: disable`` to stop." + SPUN),
        ("rst", "Example::\n\n   .. fixer: disable" + SPUN),
        ("rst", ".. code-block:: rst\n\n   .. fixer: disable" + SPUN),
        ("rst", "Write fixer: disable to stop." + SPUN),
        ("text", "See https://example.org/fixer:disable now." + SPUN),
    ],
)
def test_directives_are_not_read_in_code_markup_or_prose(syntax: str, text: str) -> None:
    assert codes(text, syntax) == ["FX001:White platelets"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("White platelets. <!-- fixer: ignore an0001 -->\n", []),
        (
            "White platelets. <!-- fixer: ignore an0006 -->\n",
            ["FX001:White platelets", "FX900:fixer: ignore an0006"],
        ),
        ("White platelets. <!-- fixer: ignore Anatomy -->\n", []),
        ("White platelets. <!-- fixer: ignore tortured-phrase -->\n", []),
        (
            "White platelets. <!-- fixer: ignore anatom -->\n",
            ["FX001:White platelets", "FX901:anatom"],
        ),
        ("White platelets. <!-- fixer: ignore fx001, ZZ9999 -->\n", ["FX901:ZZ9999"]),
        ("White platelets. <!-- FIXER: IGNORE -->\n", []),
        (
            "<!-- Fixer: Disable -->\nWhite platelets.\n<!-- FIXER: ENABLE -->\nwhite platelets.\n",
            ["FX001:white platelets"],
        ),
        (
            "<!-- fixer: disable -->\nWhite platelets.\n"
            "<!-- fixer: enable typo -->\nwhite platelets.\n",
            ["FX901:typo"],
        ),
    ],
)
def test_names_are_read_as_select_reads_them(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("disable", "enable", "expected"),
    [
        ("AN0001, AN0006", "", ["FX001:white platelets", "FX001:focal sensory system"]),
        ("AN0001, AN0006", "AN0001", ["FX001:white platelets"]),
        ("anatomy", "AN0001", ["FX001:white platelets"]),
        ("", "AN0001", ["FX001:white platelets"]),
        ("", "AN0001 AN0006", ["FX001:white platelets", "FX001:focal sensory system"]),
        ("anatomy", "AN0006", ["FX001:focal sensory system"]),
    ],
)
def test_enable_ends_a_disable_for_the_names_it_gives(
    disable: str, enable: str, expected: list[str]
) -> None:
    text = (
        f"<!-- fixer: disable {disable} -->\nWhite platelets, focal sensory system.\n"
        f"<!-- fixer: enable {enable} -->\nwhite platelets, focal sensory system.\n"
    )
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("White\nplatelets. <!-- fixer: ignore -->\n", []),
        (
            "White platelets and lymph center\npoints. <!-- fixer: ignore AN0003 -->\n",
            ["FX001:White platelets"],
        ),
        ("<!-- fixer: ignore-next-line -->\nWhite\nplatelets.\n", []),
        ("<!-- fixer: disable -->\nWhite\nplatelets.\n", []),
        (
            "<!-- fixer: ignore-next-line -->\nSeen.\nWhite\nplatelets.\n",
            ["FX900:fixer: ignore-next-line", "FX001:White\nplatelets"],
        ),
    ],
)
def test_a_wrapped_finding_is_on_each_of_its_lines(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_unknown_name_is_reported_as_error_unless_deselected() -> None:
    text = "Nothing spun. <!-- fixer: ignore anatom -->\n"
    findings = check_text(text, syntax="markdown")
    assert [(f.rule.code, str(f.severity), f.message) for f in findings] == [
        ("FX901", "error", "'fixer: ignore': unknown rule, category, detector or entry id 'anatom'")
    ]
    assert check_text(text, syntax="markdown", select=["FX001"]) == []


def test_plain_text_form() -> None:
    assert codes("White platelets. fixer: ignore\n", syntax="text") == []
    assert codes("# fixer: ignore-next-line\nWhite platelets.\n", syntax="text") == []


def test_unused_suppression_is_reported_as_info() -> None:
    findings = check_text("Nothing spun here. <!-- fixer: ignore FX001 -->\n", syntax="markdown")
    assert [(f.rule.code, str(f.severity), f.message) for f in findings] == [
        ("FX900", "info", "'fixer: ignore' suppresses nothing (FX001)")
    ]


def test_suppressed_findings_are_not_fixed() -> None:
    text = "White platelets. <!-- fixer: ignore -->\nWhite platelets.\n"
    assert fix_text(text, syntax="markdown") == (
        "White platelets. <!-- fixer: ignore -->\nWhite blood cells.\n"
    )


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), ["FX900"]),
        (("FX001",), (), []),
        (("FX001", "FX900"), (), ["FX900"]),
        (("unused-suppression",), (), ["FX900"]),
        ((), ("FX900",), []),
        ((), ("suppression",), []),
    ],
)
def test_unused_suppression_follows_select_and_ignore(
    select: tuple[str, ...], ignore: tuple[str, ...], expected: list[str]
) -> None:
    text = "Nothing spun here. <!-- fixer: ignore -->\n"
    findings = check_text(text, syntax="markdown", select=select, ignore=ignore)
    assert [f.rule.code for f in findings] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            ".. fixer: ignore-next-line\n\nWhite platelets.\nwhite platelets.\n",
            ["FX001:white platelets"],
        ),
        (
            ".. fixer: ignore-next-line\nWhite platelets.\nwhite platelets.\n",
            ["FX001:white platelets"],
        ),
        (
            "..\n   fixer: ignore-next-line\n   (quoted from 1890)\n\n\nWhite platelets.\n",
            [],
        ),
        (
            ".. fixer: ignore-next-line AN0001\n\n.. fixer: ignore-next-line AN0003\n\n"
            "White platelets and lymph center points.\n",
            [],
        ),
        (
            ".. note::\n\n   .. fixer: ignore-next-line\n\n   White platelets.\n\n"
            "white platelets.\n",
            ["FX001:white platelets"],
        ),
    ],
)
def test_rst_ignore_next_line_covers_the_line_after_the_comment(
    text: str, expected: list[str]
) -> None:
    """A reStructuredText comment must end with a blank line (docutils warns "Explicit markup
    ends without a blank line" otherwise): there the next line is the first after the comment
    that is not blank."""
    assert codes(text, syntax="rst") == expected
