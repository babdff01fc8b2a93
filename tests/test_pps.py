"""Importing Problematic Paper Screener exports (``fixer lexicon import-pps``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import shared_file

from fixer import check_text
from fixer.cli import cli
from fixer.lexicon import builtin_lexicon, load_lexicon
from fixer.pps import Query, clean_expected, convert, parse_query


@pytest.mark.parametrize(
    ("query", "parsed"),
    [
        ('"grouping methods"', Query(("grouping methods",), (), (), False)),
        (
            '"malignant growth" AND "cancer"',
            Query(("malignant growth",), (("cancer",),), (), False),
        ),
        (
            '"magnetic cell separation" NOT "with MACS"',
            Query(("magnetic cell separation",), (), ("with MACS",), False),
        ),
        ('"exactness accuracy"~5', Query(("exactness accuracy",), (), (), True)),
        (
            '"PC helped" AND ("be that as it" OR "on the off chance")',
            Query(("PC helped",), (("be that as it", "on the off chance"),), (), False),
        ),
        ('"a b" OR "c d"', Query(("a b", "c d"), (), (), False)),
        (
            '"business knowledge" AND business intelligence',
            Query(("business knowledge",), (("business intelligence",),), (), False),
        ),
    ],
)
def test_parse_query(query: str, parsed: Query) -> None:
    assert parse_query(query) == parsed


@pytest.mark.parametrize(
    ("expected", "cleaned", "sure"),
    [
        ("breast cancer", "breast cancer", True),
        ("Magnetic-activated cell sorting (MACS)", "Magnetic-activated cell sorting", True),
        ("Crow search algorithm ?", "Crow search algorithm", False),
        ("delivery strategy/system", "delivery strategy/system", False),
        ("extracting [...] features", "extracting [...] features", False),
    ],
)
def test_clean_expected(expected: str, cleaned: str, sure: bool) -> None:
    assert clean_expected(expected) == (cleaned, sure)


SITE_EXPORT = (
    "Fingerprint - Tortured Phrase,Expected Text,Nb Retrieved Papers\n"
    '"""bosom malignant growth""",breast cancer,"1,204"\n'
    '"""malignant growth"" AND ""cancer""",cancer,"21,347"\n'
    '"""thimbleful""",teaspoonful (?),851\n'
)


def test_a_phrase_its_correction_holds_is_skipped() -> None:
    """Fixing "boost converter" to "buck-boost converter" would never end."""
    export = SITE_EXPORT.split("\n")[0] + '\n"""boosting converter""",buck-boost converter,12\n'
    rows, notes = convert(export, "site.csv")
    assert rows[1:] == []
    assert notes == ["site.csv:2: skipped: its correction holds 'boosting converter'"]


def test_site_header_style_and_thousands_separators(tmp_path: Path) -> None:
    rows, notes = convert(SITE_EXPORT, "site.csv", category="disease")
    assert notes == []
    by_garble = {row[1]: row for row in rows[1:]}
    assert by_garble["bosom malignant growth"][2:] == [
        "breast cancer",
        "disease",
        "warning",
        "safe",
        "",
        "PPS:1204",
        "bosom malignant growth",
    ]
    assert by_garble["malignant growth"][5:7] == ["unsafe", "doc:cancer"]
    assert by_garble["thimbleful"][5] == "none", "an unsure correction is report-only"
    path = tmp_path / "pps.tsv"
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    text = "A malignant growth of the bosom malignant growth kind. Cancer is rare."
    found = [
        (f.text, f.suggestions[0])
        for f in check_text(text, lexicons=[path], builtin=False, detectors=("lexicon",))
    ]
    assert found == [("malignant growth", "cancer"), ("bosom malignant growth", "breast cancer")]


def test_imported_ids_are_never_builtin_ids(tmp_path: Path) -> None:
    """An entry with a built-in id replaces that entry: imports numbered DI0001… once dropped
    the built-in DI0001… from every check that used them."""
    source = tmp_path / "site.csv"
    source.write_text(SITE_EXPORT, encoding="utf-8")
    output = tmp_path / "pps.tsv"
    args = ["lexicon", "import-pps", "--category", "disease", str(source), "-o", str(output)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert [e.id for e in load_lexicon([output]).entries] == ["DIP0001", "DIP0002", "DIP0003"]
    builtin = builtin_lexicon().by_id()
    for entry_id in ("DI0001", "DI0002", "DI0003"):
        found = check_text(builtin[entry_id].example, lexicons=[output])
        assert entry_id in [f.entry_id for f in found]


def test_import_the_real_export(tmp_path: Path) -> None:
    source = shared_file("reference", "pps", "tortured-2025-11.csv")
    output = tmp_path / "pps.tsv"
    result = CliRunner().invoke(cli, ["lexicon", "import-pps", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    lexicon = load_lexicon([output])
    assert len(lexicon.entries) > 7000
    entry = next(e for e in lexicon.entries if e.garble == "bosom")
    assert (entry.corrections, entry.context_text, entry.source) == (
        ("breast",),
        "doc:breast",
        "PPS:13940",
    )


def test_unknown_header_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lexicon", "import-pps", str(path)])
    assert result.exit_code == 2
    assert "x.csv:1: unknown header" in result.stderr
