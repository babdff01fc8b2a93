"""Lint every lexicon file, as codespell lints its dictionaries: format, policy and examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixer.data import lexicon_dir
from fixer.lexicon import (
    COLUMNS,
    LexiconError,
    builtin_files,
    builtin_lexicon,
    load_lexicon,
    read_entries,
)
from fixer.lexicon_lint import header_problem, lint_files
from fixer.model import CATEGORIES, FixSafety, Severity
from fixer.words import default_normalizer, english_words

FILES = builtin_files()
ENTRIES = [entry for path in FILES for entry in read_entries(path)]
MEDICAL = [e for e in ENTRIES if e.category != "general-wording"]


def test_every_category_has_a_file() -> None:
    names = {path.stem for path in FILES if path.parent.name == "medical"}
    assert names == set(CATEGORIES) - {"general-wording"}


def test_builtin_lexicons_lint_clean() -> None:
    """Layout, unique ids and garbles, no cycles, no correction containing another garble,
    and every example triggering its own entry (proselint's must-flag meta-test)."""
    assert [str(p) for p in lint_files(FILES, builtin_layout=True)] == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_has_the_header_and_no_stray_spaces(path: Path) -> None:
    assert header_problem(path) is None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line == line.strip(" "), f"{path.name}:{number}: stray spaces"


def test_fix_safety_policy() -> None:
    """safe ⇒ exactly one correction and no context clause (lexicons/README.md)."""
    for entry in ENTRIES:
        if entry.fix is FixSafety.SAFE:
            assert len(entry.corrections) == 1 and not entry.context, entry.id


def test_general_wording_is_info_and_medical_is_mostly_not() -> None:
    assert all(e.severity is Severity.INFO for e in ENTRIES if e.category == "general-wording")
    info = sum(1 for e in MEDICAL if e.severity is Severity.INFO)
    assert info <= 0.10 * len(MEDICAL)


def test_every_entry_has_source_and_example() -> None:
    assert [e.id for e in ENTRIES if not e.source or not e.example] == []


def test_medical_lexicon_size() -> None:
    assert len(MEDICAL) >= 300


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "user.tsv"
    path.write_text("\t".join(COLUMNS) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def row(entry_id: str, garble: str, correction: str, example: str) -> str:
    category = {"AN": "anatomy", "DI": "anatomy"}[entry_id[:2]]
    return "\t".join([entry_id, garble, correction, category, "error", "safe", "", "user", example])


GRIP = row("AN0001", "grip atom", "adhesion molecule", "Grip atoms bind.")
BOND = row("AN0002", "bond particle", "adhesion molecule", "Bond particles bind.")
SPUN_ONLY = GRIP.replace("\terror\tsafe\t\t", "\terror\tunsafe\tin:spun\t")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([GRIP, GRIP.replace("grip atom\t", "bond particle\t")], "duplicate id AN0001"),
        (
            [GRIP, row("AN0002", "grip atoms", "adhesion molecule", "Grip atoms.")],
            "duplicates AN0001",
        ),
        ([GRIP.replace("adhesion molecule", "bond particle"), BOND], "is flagged by AN0002"),
        (
            [row("AN0001", "grip atom", "adhesion molecule", "Nothing here.")],
            "example does not trigger AN0001",
        ),
        (
            [SPUN_ONLY.replace("Grip atoms bind.", "Nothing here.")],
            "example does not trigger AN0001",
        ),
        ([BOND, GRIP], "sorted by id"),
        ([row("DI0001", "grip atom", "adhesion molecule", "Grip atoms.")], "needs prefix AN"),
    ],
)
def test_lint_catches(tmp_path: Path, rows: list[str], message: str) -> None:
    problems = [str(p) for p in lint_files([_write(tmp_path, *rows)])]
    assert any(message in p for p in problems), problems


def test_user_ids_may_have_a_third_capital_that_builtin_ids_never_have(tmp_path: Path) -> None:
    """ANP0001 (``import-pps``) or ANU12345 can never be a built-in id, so never replaces one."""
    rows = [
        row("ANP0001", "grip atom", "adhesion molecule", "Grip atoms bind."),
        row("ANU12345", "bond particle", "adhesion molecule", "Bond particles bind."),
    ]
    assert lint_files([_write(tmp_path, *rows)]) == []
    problems = [str(p) for p in lint_files([_write(tmp_path, *rows)], builtin_layout=True)]
    assert [p for p in problems if "built-in id" in p] == [
        f"{tmp_path / 'user.tsv'}:2: built-in id ANP0001 must be a prefix and four digits",
        f"{tmp_path / 'user.tsv'}:3: built-in id ANU12345 must be a prefix and four digits",
    ]


def test_an_in_spun_example_is_linted_as_in_a_spun_document(tmp_path: Path) -> None:
    assert lint_files([_write(tmp_path, SPUN_ONLY)]) == []


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("AN0001\tx y\tz\tanatomy\terror\tsafe\t\tseed", "expected 9 tab-separated fields"),
        ("A1\tx y\tz\tanatomy\terror\tsafe\t\tseed\tex", "id 'A1'"),
        ("AN00001\tx y\tz\tanatomy\terror\tsafe\t\tseed\tex", "id 'AN00001'"),
        ("ANP001\tx y\tz\tanatomy\terror\tsafe\t\tseed\tex", "id 'ANP001'"),
        ("AN0001\tx y\tz\tbones\terror\tsafe\t\tseed\tex", "unknown category 'bones'"),
        ("AN0001\tx y\tz\tanatomy\tfatal\tsafe\t\tseed\tex", "unknown severity or fix"),
        ("AN0001\tx y\tz|w\tanatomy\terror\tsafe\t\tseed\tex", "fix 'safe' needs exactly one"),
        ("AN0001\tx y\tz\tanatomy\terror\tsafe\tnear:a\tseed\tex", "fix 'safe' needs"),
        ("AN0001\tx y\tz\tanatomy\terror\tunsafe\taround:a\tseed\tex", "context clause"),
        ("AN0001\tx y\tz\tanatomy\terror\tunsafe\tin:print\tseed\tex", "must be 'in:spun'"),
        ("AN0001\tx y\tz\tanatomy\terror\tsafe\t\tblog\tex", "source 'blog'"),
        ("AN0001\tx y\t\tanatomy\terror\tsafe\t\tseed\tex", "no correction"),
        ("AN0001\tx y\tw x y\tanatomy\terror\tsafe\t\tseed\tex", "holds the garble 'x y'"),
    ],
)
def test_malformed_rows_are_rejected_with_file_and_line(
    tmp_path: Path, row: str, message: str
) -> None:
    path = tmp_path / "user.tsv"
    path.write_text("\t".join(COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as error:
        load_lexicon([path])
    assert str(error.value).startswith(f"{path}:2:")


@pytest.mark.parametrize(
    ("encoding", "line"), [("latin-1", 3), ("utf-16", 1)], ids=["latin-1", "utf-16"]
)
def test_a_lexicon_that_is_not_utf8_is_an_error_with_its_line(
    tmp_path: Path, encoding: str, line: int
) -> None:
    """A lexicon saved in another encoding is one error naming the file (and, where it can be
    told, the line), as a bad row is: never a traceback, which exits 1 like findings."""
    path = tmp_path / "user.tsv"
    text = "\t".join(COLUMNS) + "\n" + GRIP + "\n" + GRIP.replace("Grip atoms", "Café grip atoms")
    path.write_bytes((text + "\n").encode(encoding))
    with pytest.raises(LexiconError, match="not UTF-8") as error:
        load_lexicon([path])
    assert error.value.line == line
    assert [str(p) for p in lint_files([path])] == [f"{path}:{line}: {error.value.reason}"]


def test_a_byte_order_mark_is_no_part_of_the_header(tmp_path: Path) -> None:
    """Spreadsheets save "UTF-8" text with a byte order mark; the header after it is read."""
    path = tmp_path / "user.tsv"
    text = "\t".join(COLUMNS) + "\n" + GRIP + "\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert [entry.id for entry in read_entries(path)] == ["AN0001"]
    assert lint_files([path]) == []


def test_user_lexicon_overrides_builtin_entry_by_id(tmp_path: Path) -> None:
    builtin = builtin_lexicon().by_id()
    first = next(iter(builtin.values()))
    path = tmp_path / "user.tsv"
    row = [
        first.id,
        first.garble,
        "my own term",
        first.category,
        "warning",
        "unsafe",
        "",
        "user",
        first.example,
    ]
    path.write_text("\t".join(COLUMNS) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    merged = load_lexicon([*FILES, path]).by_id()
    assert merged[first.id].corrections == ("my own term",)
    assert len(merged) == len(builtin)


def _taking(tmp_path: Path, name: str, ids: list[str], garble: str = "grip atom") -> Path:
    """A user lexicon with an entry for ``garble`` (numbered on) under each id."""
    path = tmp_path / name
    rows = [
        row(entry_id, f"{garble} {n}" if n else garble, "adhesion molecule", "Grip atoms bind.")
        for n, entry_id in enumerate(ids)
    ]
    path.write_text("\t".join(COLUMNS) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_builtin_lexicon_takes_no_id_from_another_garble() -> None:
    assert builtin_lexicon().warnings == ()


@pytest.mark.parametrize(
    ("ids", "garble", "warned"),
    [
        (["AN0001"], "white platelet", ""),  # the documented way to override an entry
        (["AN0001"], "grip atom", "1 id is taken from entries for other garbles (AN0001)"),
        (
            ["AN0001", "AN0002", "AN0003", "AN0004"],
            "grip atom",
            "4 ids are taken from entries for other garbles (AN0001, AN0002, AN0003, …)",
        ),
        (["ANP0001"], "grip atom", ""),
    ],
)
def test_taking_the_id_of_another_garble_is_one_warning_per_file(
    tmp_path: Path, ids: list[str], garble: str, warned: str
) -> None:
    path = _taking(tmp_path, "user.tsv", ids, garble)
    lexicon = load_lexicon([*FILES, path])
    expected = f"{path}: warning: {warned}, which are dropped; give these entries ids of their own"
    assert lexicon.warnings == ((expected,) if warned else ())


def test_two_user_lexicons_numbered_alike_are_warned_about(tmp_path: Path) -> None:
    first = _taking(tmp_path, "first.tsv", ["ANP0001"], "grip atom")
    second = _taking(tmp_path, "second.tsv", ["ANP0001"], "bond particle")
    (warning,) = load_lexicon([*FILES, first, second]).warnings
    assert warning.startswith(f"{second}: warning: 1 id is taken")


def test_lexicon_commands(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from fixer.cli import cli

    runner = CliRunner()
    stats = runner.invoke(cli, ["lexicon", "stats"])
    assert stats.exit_code == 0 and "by category:" in stats.stdout and "by source:" in stats.stdout
    lookup = runner.invoke(cli, ["lexicon", "lookup", "White Platelets"])
    assert lookup.exit_code == 0
    assert "AN0001: white platelet → white blood cell" in lookup.stdout
    assert "source: seed" in lookup.stdout
    assert runner.invoke(cli, ["lexicon", "lookup", "white blood cells"]).exit_code == 1
    # An entry that holds only in context is named, with its context, not "no entry" ...
    in_context = runner.invoke(cli, ["lexicon", "lookup", "the captures"])
    assert in_context.exit_code == 0
    assert in_context.stdout.startswith("Where their context holds:\n  SY0398: capture → seizure")
    assert "near:epilepsy" in in_context.stdout
    # ... and beside the entries that match.
    both = runner.invoke(cli, ["lexicon", "lookup", "white platelets captures"]).stdout
    assert both.startswith("'white platelets' → white blood cells\n  AN0001")
    assert "\nAlso, where their context holds:\n  SY0398: capture → seizure" in both
    good = _write(tmp_path, GRIP)
    assert runner.invoke(cli, ["lexicon", "validate", str(good)]).exit_code == 0
    bad = _write(tmp_path, row("AN0001", "grip atom", "adhesion molecule", "Nothing here."))
    result = runner.invoke(cli, ["lexicon", "validate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2: example does not trigger AN0001" in result.stdout
    explained = runner.invoke(cli, ["explain", "AN0006"]).stdout
    assert "focal sensory system → central nervous system" in explained
    assert "fix: safe (one unambiguous correction" in explained
    assert "FX101 (abbreviation-mismatch)" in runner.invoke(cli, ["explain", "fx101"]).stdout
    assert runner.invoke(cli, ["explain", "XX9999"]).exit_code == 2


def test_explain_reads_the_lexicons_it_is_given(tmp_path: Path) -> None:
    """A finding names its entry (``entry ANU0001``); explain once knew only built-in ids and
    took no --lexicon, as lookup and stats do."""
    from click.testing import CliRunner

    from fixer.cli import cli

    house = _write(tmp_path, row("ANU0001", "grip atom", "adhesion molecule", "Grip atoms bind."))
    runner = CliRunner()
    assert runner.invoke(cli, ["explain", "ANU0001"]).exit_code == 2
    explained = runner.invoke(cli, ["explain", "anu0001", "--lexicon", str(house)])
    assert explained.exit_code == 0
    assert "ANU0001: grip atom → adhesion molecule" in explained.stdout
    assert "defined at: user.tsv:2" in explained.stdout


def test_lexicon_commands_read_the_configured_lexicons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check`` reads the lexicons the configuration names, so a finding may name a house
    entry (``entry ANU0001``); explain, lookup and stats once knew it only from --lexicon."""
    from click.testing import CliRunner

    from fixer.cli import cli

    house = _write(tmp_path, row("ANU0001", "glue speck", "adhesion molecule", "Glue specks bind."))
    config = tmp_path / ".fixer.toml"
    config.write_text(f'lexicons = ["{house.name}"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    explained = runner.invoke(cli, ["explain", "ANU0001"])
    assert explained.exit_code == 0, explained.output
    assert "ANU0001: glue speck → adhesion molecule" in explained.stdout
    looked_up = runner.invoke(cli, ["lexicon", "lookup", "glue specks"])
    assert "ANU0001: glue speck → adhesion molecule" in looked_up.stdout
    # Named again on the command line, the same file is read once (no id is taken twice).
    stats = runner.invoke(cli, ["lexicon", "stats", "--lexicon", str(house)])
    assert stats.exit_code == 0 and stats.stderr == ""
    counted = int(stats.stdout.split(" ")[0])
    assert counted == len(builtin_lexicon().entries) + 1
    config.write_text("lexicons = 3\n", encoding="utf-8")
    broken = runner.invoke(cli, ["explain", "ANU0001"])
    assert broken.exit_code == 2
    assert broken.stderr.startswith("error: ") and broken.stderr.count("\n") == 1


@pytest.mark.parametrize("command", [["lexicon", "stats"], ["lexicon", "lookup", "grip atom"]])
def test_lexicon_commands_report_a_bad_lexicon_in_one_line(
    tmp_path: Path, command: list[str]
) -> None:
    from click.testing import CliRunner

    from fixer.cli import cli

    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tgarble\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [*command, "--lexicon", str(bad)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{bad}:1: header must be" in result.stderr


def test_vocabulary_is_fresh() -> None:
    """vocabulary.tsv is derived data: every multi-word correction of a medical entry that is
    no phrase fragment must be in it (rerun ``python scripts/build_vocabulary.py >
    lexicons/vocabulary.tsv`` after editing)."""
    from fixer.data import lexicon_dir, read_tsv
    from fixer.patterns import is_fragment

    terms = {f[0] for _, f in read_tsv(lexicon_dir() / "vocabulary.tsv")}
    corrections = {
        c.lower()
        for e in ENTRIES
        if e.category != "general-wording"
        for c in e.corrections
        if " " in c.strip()
    }
    missing = sorted(c for c in corrections - terms if not is_fragment(c))
    # Abbreviation expansions are terms whatever their words ("by mouth" for PO).
    expansions = {
        f[1].lower() for _, f in read_tsv(lexicon_dir() / "abbreviations.tsv") if " " in f[1]
    }
    missing += sorted(expansions - terms)
    assert missing == []


def test_english_phrases_are_plain_phrases_and_no_known_terms() -> None:
    """english-phrases.txt (``scripts/build_english_phrases.py``): sorted WordNet phrases of 2
    to 5 plain lower-case words, after its comment header; none is a known term (the
    vocabulary holds those, and a reading may undo into them) or a garble of the lexicon."""
    from fixer.terms import default_vocabulary

    lines = (lexicon_dir() / "english-phrases.txt").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    phrases = lines[len(header) :]
    assert header and phrases == sorted(phrases)
    assert all(re.fullmatch(r"[a-z][a-z'-]*(?: [a-z][a-z'-]*){1,4}", p) for p in phrases)
    normalizer = default_normalizer()
    known = default_vocabulary().terms | {" ".join(e.normal) for e in ENTRIES}
    assert [p for p in phrases if " ".join(normalizer.phrase(p)) in known] == []


def test_the_english_word_list_is_sorted_for_bisection() -> None:
    """``fixer.words.english_words`` looks words up by bisection, so the list must stay sorted
    (``scripts/derive_word_data.py`` writes it so), its comment header first."""
    lines = (lexicon_dir() / "words.txt").read_text(encoding="utf-8").split("\n")
    words = [line for line in lines if line and not line.startswith("#")]
    assert words == sorted(words)
    assert lines[: lines.index(words[0])] == [line for line in lines if line.startswith("#")]
    known = english_words()
    assert all(word in known for word in words[:: len(words) // 50])
    assert "diabete" not in known and "" not in known
