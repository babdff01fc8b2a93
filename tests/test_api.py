"""The Python API: the documented examples run, and the API is what the command line uses."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from conftest import ROOT

import fixer
import fixer.engine
from fixer import FixSafety, apply_fixes, check_text, fix_text

HEADER = "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"


def user_entry(garble: str) -> str:
    """A user-lexicon row that corrects ``garble`` to "red blood cell"."""
    return f"ANU0001\t{garble}\tred blood cell\tanatomy\terror\tsafe\t\tuser\tA {garble}.\n"


@pytest.mark.parametrize("module", [fixer, fixer.engine], ids=lambda m: m.__name__)
def test_docstring_examples_run(module) -> None:
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0


def test_readme_examples_run() -> None:
    """README's ``pycon`` blocks are doctests: what they show Python users is what they get."""
    readme = ROOT / "README.md"
    blocks = re.findall(r"^```pycon\n(.*?)^```$", readme.read_text(encoding="utf-8"), re.M | re.S)
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner()
    for number, block in enumerate(blocks, start=1):
        runner.run(parser.get_doctest(block, {}, f"pycon block {number}", str(readme), 0))
    assert blocks and runner.failures == 0


def test_check_text_options() -> None:
    text = "White platelets and the focal sensory system (CNS). Taking everything into account."
    assert {f.rule.code for f in check_text(text)} == {"FX001", "FX002"}
    assert [f.text for f in check_text(text, ignore=["FX002", "AN0001"])] == [
        "focal sensory system"
    ]
    assert [f.rule.code for f in check_text(text, select=["general-wording"])] == ["FX002"]
    assert check_text(text, builtin=False, detectors=("lexicon",)) == []
    assert {f.rule.code for f in check_text(text, min_severity="warning")} == {"FX001"}
    assert fix_text(text, min_severity="error").endswith("Taking everything into account.")
    with pytest.raises(ValueError, match="min_severity must be one of error, warning, info"):
        check_text(text, min_severity="Warning")


@pytest.mark.parametrize(
    ("selection", "rules"),
    [
        ({"select": ["fx001"]}, ["FX001", "FX001"]),
        ({"select": ["Abbreviation"]}, ["FX101"]),
        ({"ignore": ["abbr:CNS", "an0001"]}, ["FX001"]),
        (
            {"ignore": ["REV:chest-pain"]},
            ["FX101", "FX001", "FX001"],
        ),  # made-up ids are taken as written
    ],
)
def test_selectors_are_read_in_any_case(selection: dict[str, list[str]], rules: list[str]) -> None:
    text = "The focal tangible framework (CNS), white platelets and lymph center points."
    assert [f.rule.code for f in check_text(text, **selection)] == rules


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        ({"select": ["FX01"]}, "select: unknown rule, category, detector or entry id 'FX01'"),
        ({"ignore": ["NOPE123"]}, "ignore: unknown rule, category, detector or entry id"),
        ({"select": ["AN0001"], "builtin": False}, "'AN0001'"),  # no such entry without it
    ],
)
def test_an_unknown_selector_is_a_value_error(selection: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_text("White platelets.", **selection)


@pytest.mark.parametrize(
    ("alone", "entries"),
    [
        ({"detectors": "abbreviation"}, ["ABBR:CNS"]),
        ({"detectors": "lexicon"}, ["AN0001", "AN0003"]),
        ({"select": "FX101"}, ["ABBR:CNS"]),
        ({"select": "an0003"}, ["AN0003"]),
        ({"ignore": "AN0001"}, ["ABBR:CNS", "AN0003"]),
        ({"ignore": "anatomy"}, ["ABBR:CNS"]),
    ],
)
def test_a_name_alone_is_a_list_of_one(alone: dict[str, str], entries: list[str]) -> None:
    """A string is a sequence too, of one-letter names ("unknown detector 'l'")."""
    text = "The focal tangible framework (CNS), white platelets and lymph center points."
    assert [f.entry_id for f in check_text(text, **alone)] == entries
    listed = {key: [name] for key, name in alone.items()}
    assert fix_text(text, unsafe=True, **alone) == fix_text(text, unsafe=True, **listed)


@pytest.mark.parametrize("name", [str, Path], ids=["str", "Path"])
def test_a_lexicon_alone_is_a_list_of_one(tmp_path: Path, name: type) -> None:
    lexicon = tmp_path / "house.tsv"
    lexicon.write_text(HEADER + user_entry("blue kumquat"), encoding="utf-8")
    assert fix_text("A blue kumquat.", lexicons=name(lexicon)) == "A red blood cell."


def test_a_user_lexicon_is_read_as_it_is_now_under_any_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long-lived process (a notebook, a service) sees each edit of a user lexicon, and a
    relative and an absolute name of one file give the same answer."""
    (tmp_path / "other").mkdir()
    steps = [  # the folder to work in, and the garble its house.tsv now holds
        (".", "blue kumquat"),
        (".", "green kumquat"),  # the file edited
        ("other", "blue kumquat"),  # the same relative name, another file
        (".", "blue kumquat"),  # edited back
    ]
    for folder, garble in steps:
        monkeypatch.chdir(tmp_path / folder)
        Path("house.tsv").write_text(HEADER + user_entry(garble), encoding="utf-8")
        expected = "A red blood cell." if garble == "blue kumquat" else "A blue kumquat."
        for name in (Path("house.tsv"), Path("house.tsv").resolve()):
            assert fix_text("A blue kumquat.", lexicons=[name]) == expected, (folder, garble)


def test_an_unchanged_lexicon_keeps_its_checker(tmp_path: Path) -> None:
    """Repeated calls cost a look at the file, not a new checker."""
    lexicon = tmp_path / "house.tsv"
    lexicon.write_text(HEADER + user_entry("blue kumquat"), encoding="utf-8")
    assert fixer.engine.make_checker([lexicon]) is fixer.engine.make_checker([lexicon])


def test_fix_text_is_what_fixer_fix_does(tmp_path) -> None:
    from click.testing import CliRunner

    from fixer.cli import cli

    text = "They got designated treatment for white platelets.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    CliRunner().invoke(cli, ["fix", "--unsafe-fixes", str(path)])
    assert path.read_text(encoding="utf-8") == fix_text(text, unsafe=True)


@pytest.mark.parametrize(
    ("syntax", "text", "fixed"),
    [
        ("markdown", "`white platelets`, white platelets", "`white platelets`, white blood cells"),
        ("MARKDOWN", "`white platelets`, white platelets", "`white platelets`, white blood cells"),
        ("md", "`white platelets`, white platelets", "`white platelets`, white blood cells"),
        (".md", "`white platelets`, white platelets", "`white platelets`, white blood cells"),
        ("Html", "<code>white platelets</code>", "<code>white platelets</code>"),
        ("htm", "<code>white platelets</code>", "<code>white platelets</code>"),
        ("RST", "Use ``white platelets``.", "Use ``white platelets``."),
        ("txt", "Use `white platelets`.", "Use `white blood cells`."),
    ],
)
def test_syntax_is_named_in_any_case_or_by_file_suffix(syntax: str, text: str, fixed: str) -> None:
    assert fix_text(text, syntax=syntax) == fixed


@pytest.mark.parametrize("syntax", ["mdx", "plain", "latex", "", None])
def test_an_unknown_syntax_is_a_value_error(syntax: str | None) -> None:
    """Read as plain text, it would let fixes into code spans. No syntax (``None``) is no
    name either, not a reason for an ``AttributeError``."""
    for function in (check_text, fix_text):
        with pytest.raises(ValueError, match=f"unknown syntax {syntax!r}"):
            function("Use `white platelets`.", syntax=syntax)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "text must be a str, not NoneType"),
        (b"white platelets", "text must be a str, not bytes: decode the bytes first"),
        (["white platelets"], "text must be a str, not list"),
    ],
)
def test_anything_but_a_string_is_a_type_error_that_says_so(text: object, message: str) -> None:
    for function in (check_text, fix_text):
        with pytest.raises(TypeError) as raised:
            function(text)  # type: ignore[arg-type]
        assert str(raised.value) == message


def test_apply_fixes_puts_in_the_findings_a_reviewer_chose() -> None:
    text = "She had a peevish gut. Some have captures with a fever. White platelets rose."
    findings = check_text(text)
    assert [(f.text, f.fix) for f in findings] == [
        ("peevish gut", FixSafety.SAFE),
        ("captures", FixSafety.UNSAFE),  # only near epilepsy words
        ("White platelets", FixSafety.SAFE),
    ]
    # Any subset, whatever its fix safety, with the article changed as fix changes it.
    assert apply_fixes(text, findings[:2]) == (
        "She had an irritable bowel. Some have seizures with a fever. White platelets rose."
    )
    assert apply_fixes(text, []) == text
    # The safe ones alone are what fix writes.
    safe = [f for f in findings if f.fix is FixSafety.SAFE]
    assert apply_fixes(text, safe) == fix_text(text)


@pytest.mark.parametrize(
    ("text", "syntax", "message"),
    [
        # The correction would leave "*" unbalanced: the finding is only shown.
        ("Caused by an *infinitesimal* **life** form.", "md", "is only shown"),
        ("She dispensed with acne for good.", "text", "is only shown"),  # "get rid of"
    ],
)
def test_apply_fixes_refuses_a_finding_that_is_only_shown(
    text: str, syntax: str, message: str
) -> None:
    (finding,) = check_text(text, syntax=syntax)
    assert finding.fix is FixSafety.NONE
    with pytest.raises(ValueError, match=message):
        apply_fixes(text, [finding])


def test_apply_fixes_refuses_a_finding_of_another_text() -> None:
    findings = check_text("Leukemia affects white platelets.")
    with pytest.raises(ValueError, match="is no finding of this text"):
        apply_fixes("Leukemia affects many cells.", findings)
