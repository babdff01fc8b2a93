"""``fixer fix -i``, driven through standard input."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.allowlist import AllowError, extended
from fixer.cli import cli
from fixer.config import fixer_table

TEXT = "White platelets rise.\nThey got designated treatment.\nLymph center points swell.\n"
ALLOWED = {"phrase": "sound platelets", "reason": "quoted"}


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "page.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def review(page: Path, answers: str, *args: str):
    return CliRunner().invoke(
        cli, ["fix", "-i", *args, str(page)], input=answers, catch_exceptions=False
    )


def test_accept_choose_and_skip(page: Path) -> None:
    result = review(page, "a\n2\ns\n")
    assert result.exit_code == 1
    assert page.read_text(encoding="utf-8") == (
        "White blood cells rise.\nThey got targeted treatment.\nLymph center points swell.\n"
    )
    assert "1. targeted therapy" in result.stdout and "2. targeted treatment" in result.stdout
    assert "applied 2 fixes" in result.stdout
    assert result.stderr.splitlines() == [
        f"{page}:3:1: FX001 [*] Lymph center points → Lymph nodes "
        "(error: garbled anatomy term; entry AN0003)"
    ]


EMPHASIS = "She has **lymph center** points.\n"
LINK = "See [white platelets].\n\n[white platelets]: http://x\n"
CORONARY = "<p>He has a coronary <em>illness</em> now.</p>\n"
RELIEVER = "He took an agony reliever's dose.\n"


@pytest.mark.parametrize(
    ("name", "text", "answers", "written"),
    [
        # whichever suggestion is chosen, it is written as fix writes it: markup kept, the
        # article changed to suit, the possessive kept
        ("a.html", CORONARY, "a\n", "<p>He has a heart <em>disease</em> now.</p>\n"),
        ("a.html", CORONARY, "2\n", "<p>He has a coronary <em>artery disease</em> now.</p>\n"),
        ("a.txt", RELIEVER, "a\n", "He took a painkiller's dose.\n"),
        ("a.txt", RELIEVER, "2\n", "He took a pain reliever's dose.\n"),
        # a suggestion that fix could not write is not offered: "2" is asked again
        (
            "a.md",
            "A threatening *growth* was found.\n",
            "2\n1\n",
            "A malignant *tumor* was found.\n",
        ),
        # a report-only finding (a reference-link label, markup no fix can keep) takes neither
        # "a" nor a number
        ("a.md", LINK, "a\n1\ns\n", LINK),
        ("a.md", EMPHASIS, "a\n1\ns\n", EMPHASIS),
        # Enter skips
        ("a.txt", RELIEVER, "\n", RELIEVER),
    ],
)
def test_an_answer_writes_what_fix_would(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str,
    answers: str,
    written: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    review(path, answers)
    assert path.read_text(encoding="utf-8") == written


def test_a_report_only_finding_is_shown_with_the_answers_it_takes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.md"
    path.write_text(LINK, encoding="utf-8")
    result = review(path, "a\ns\n")
    prompt = "report only: [s]kip (Enter), [i]gnore always, [q]uit: "
    assert "  -  white blood cells (fixer cannot apply it here)\n" in result.stdout
    assert f"{prompt}a\nError: 'a' is not one of 's', 'i', 'q'.\n{prompt}s\n" in result.stdout
    assert result.exit_code == 1


def test_quit_keeps_what_was_decided(page: Path) -> None:
    review(page, "a\nq\n")
    assert page.read_text(encoding="utf-8").startswith(
        "White blood cells rise.\nThey got designated treatment."
    )


def test_end_of_input_quits_and_reports(page: Path) -> None:
    """Answers that run out end the review as "q" does: what was accepted is written and
    counted, and the session ends with the usual summary instead of "Aborted!"."""
    result = review(page, "a\n")
    assert page.read_text(encoding="utf-8").startswith("White blood cells rise.")
    assert "applied 1 fix" in result.stdout
    assert "Aborted" not in result.output
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("answers", "args", "code"),
    [
        ("a\na\na\n", (), 1),  # a file changed
        ("s\ns\ns\n", (), 1),  # failing findings remain
        ("a\nq\n", (), 1),  # changed, and what was not reviewed remains
        ("i\ni\ni\n", (), 0),  # all allowed for good: nothing changed, nothing remains
        ("i\ns\ni\n", ("--fail-on", "error"), 0),  # only a warning remains
        ("i\ns\ni\n", (), 1),  # the same warning fails by default
    ],
)
def test_exit_code_follows_the_table(
    page: Path, answers: str, args: tuple[str, ...], code: int
) -> None:
    assert review(page, answers, *args).exit_code == code


def test_second_review_of_a_fixed_file_exits_0(page: Path) -> None:
    review(page, "a\na\na\n")
    assert review(page, "").exit_code == 0


def test_diff_is_refused(page: Path) -> None:
    result = review(page, "a\na\na\n", "--diff")
    assert result.exit_code == 2
    assert "Error: -i writes the fixes you accept; it cannot be combined with --diff" in (
        result.stderr
    )
    assert page.read_text(encoding="utf-8") == TEXT


FIXER_TOML = '# house rules\nallow = [{ phrase = "sound platelets", reason = "quoted" }]\n'
MULTILINE = (
    'fail-on = "error"\nallow = [\n'
    '    { phrase = "sound platelets", reason = "quoted" },  # house rules\n]\n'
)
TABLES = '# house rules\n[[allow]]\nphrase = "sound platelets"\nreason = "quoted"\n'
PYPROJECT = (
    '[project]\nname = "site"\n\n[tool.fixer]\nfail-on = "error"  # house rules\n'
    'allow = [{ phrase = "sound platelets", reason = "quoted" }]\n\n[tool.ruff]\nline-length = 99\n'
)


@pytest.mark.parametrize(
    ("files", "page_at", "run_in", "args", "written"),
    [
        # allow as the README writes it, as a multi-line array, and as tables
        ({".fixer.toml": FIXER_TOML}, "docs/page.md", ".", (), ".fixer.toml"),
        ({".fixer.toml": MULTILINE}, "docs/page.md", ".", (), ".fixer.toml"),
        ({".fixer.toml": TABLES}, "docs/page.md", ".", (), ".fixer.toml"),
        # the pyproject.toml that applies, not a new .fixer.toml that would shadow it
        ({"pyproject.toml": PYPROJECT}, "page.md", ".", (), "pyproject.toml"),
        # the configuration of the file, whatever folder fixer runs in
        ({"site/.fixer.toml": FIXER_TOML}, "site/page.md", "elsewhere", (), "site/.fixer.toml"),
        ({"a.toml": FIXER_TOML}, "docs/page.md", ".", ("--config", "a.toml"), "a.toml"),
        # none applies: a new one at the project root, else beside the file
        ({"site/.git/HEAD": ""}, "site/docs/page.md", "elsewhere", (), "site/.fixer.toml"),
        ({}, "docs/page.md", "elsewhere", (), "docs/.fixer.toml"),
    ],
)
def test_ignore_always_writes_the_configuration_that_applies(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    page_at: str,
    run_in: str,
    args: tuple[str, ...],
    written: str,
) -> None:
    for name, content in {**files, page_at: TEXT}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / run_in).mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path / run_in)
    page = Path(os.path.relpath(tmp_path / page_at))
    result = review(page, "i\ns\ns\n", *args)
    config = tmp_path / written
    assert f"allowlist in {'a new ' if written not in files else ''}{config}" in result.stdout
    before = tomllib.loads(files.get(written, ""))
    after = tomllib.loads(config.read_text(encoding="utf-8"))
    added = {"phrase": "White platelets", "reason": allowlist(after, written)[-1]["reason"]}
    assert allowlist(after, written) == [*allowlist(before, written), added]
    assert settings_but_allow(after, written) == settings_but_allow(before, written)
    if written in files:
        assert "# house rules" in config.read_text(encoding="utf-8")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.toml")) == sorted(
        {*(name for name in files if name.endswith(".toml")), written}
    )
    check = CliRunner().invoke(cli, ["check", "--format", "concise", *args, str(page)])
    assert "White platelets" not in check.stdout and "Lymph center points" in check.stdout


def allowlist(data: dict, name: str) -> list:
    for key in fixer_table(Path(name)):
        data = data.get(key, {})
    return data.get("allow", [])


def settings_but_allow(data: dict, name: str) -> dict:
    table = data
    for key in fixer_table(Path(name)):
        table = table.get(key, {})
    table.pop("allow", None)
    return data


def test_ignore_always_allows_the_words_without_their_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.html"
    page.write_text("<p>White <em>platelets</em> rise.</p>\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("White platelets rise.\n", encoding="utf-8")
    review(page, "i\n")
    config = tomllib.loads((tmp_path / ".fixer.toml").read_text(encoding="utf-8"))
    assert [entry["phrase"] for entry in config["allow"]] == ["White platelets"]
    check = CliRunner().invoke(cli, ["check", str(page), "plain.txt"])
    assert check.exit_code == 0, check.stdout


def test_ignore_always_writes_nothing_it_cannot_keep_valid(page: Path) -> None:
    pyproject = page.parent / "pyproject.toml"
    content = 'tool.fixer = { fail-on = "error" }  # inline: closed to new keys\n'
    pyproject.write_text(content, encoding="utf-8")
    result = review(page, "i\ns\ns\n")
    assert pyproject.read_text(encoding="utf-8") == content
    assert not (page.parent / ".fixer.toml").exists()
    assert result.stderr.splitlines()[0] == (
        f"{pyproject}: error: 'White platelets' not allowed: "
        "its allowlist cannot be extended without rewriting the file"
    )
    assert result.exit_code == 2, "the phrase was not allowed as asked"


def test_ignore_always_under_isolated_writes_nothing(page: Path) -> None:
    result = review(page, "i\ns\ns\n", "--isolated")
    assert not (page.parent / ".fixer.toml").exists()
    assert "'White platelets' not allowed: --isolated ignores configuration files" in (
        result.stderr
    )
    assert result.exit_code == 1, "no error: --isolated asked for no configuration"


def test_a_file_or_allowlist_that_cannot_be_written_fails_the_review(page: Path) -> None:
    """The review goes on, and the exit code says that something was not written."""
    (page.parent / ".fixer.toml").mkdir()  # where the allowlist would go
    result = review(page, "i\na\ns\n")
    assert result.exit_code == 2
    assert (
        f"{page.parent / '.fixer.toml'}: error: 'White platelets' not allowed: "
        "cannot write it: is a directory"
    ) in result.stderr.splitlines()
    assert page.read_text(encoding="utf-8").startswith("White platelets rise.\nThey got targeted")
    assert "applied 1 fix" in result.stdout
    page.chmod(0o444)
    result = review(page, "a\ns\n")
    assert result.exit_code == 2
    assert f"{page}: error: file is read-only; not overwritten" in result.stderr.splitlines()
    assert page.read_text(encoding="utf-8").startswith("White platelets rise.")


ENTRY = '{ phrase = "x \\"y\\"", reason = "r" }'
TABLE = '[[allow]]\nphrase = "x \\"y\\""\nreason = "r"\n'


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", TABLE),
        ("allow = []\n", f"allow = [{ENTRY}]\n"),
        (
            'allow = [{ phrase = "a", reason = "b" }]',
            f'allow = [{{ phrase = "a", reason = "b" }}, {ENTRY}]',
        ),
        (
            'allow = [\n  { phrase = "a", reason = "b" }  # why\n]\n',
            f'allow = [\n  {{ phrase = "a", reason = "b" }},  # why\n  {ENTRY}\n]\n',
        ),
        (
            'allow = [\r\n    { phrase = "a]#", reason = """b]""" },\r\n]\r\n',
            f'allow = [\r\n    {{ phrase = "a]#", reason = """b]""" }},\r\n    {ENTRY},\r\n]\r\n',
        ),
        (
            'note = """\nallow = []\n"""\nskip = ["quotations"]',
            f'note = """\nallow = []\n"""\nskip = ["quotations"]\n\n{TABLE}',  # not in the string
        ),
    ],
)
def test_an_entry_is_added_in_the_form_the_file_uses(before: str, after: str) -> None:
    assert extended(before, (), 'x "y"', "r") == after


@pytest.mark.parametrize(
    ("before", "table"),
    [
        ("allow = [", ()),
        ('allow = "all"\n', ()),
        ('tool.fixer = { fail-on = "error" }\n', ("tool", "fixer")),
    ],
)
def test_an_entry_that_cannot_be_added_safely_is_refused(
    before: str, table: tuple[str, ...]
) -> None:
    with pytest.raises(AllowError):
        extended(before, table, "x", "r")


def test_a_phrase_allowed_for_good_is_not_asked_about_again(page: Path) -> None:
    """After "ignore always", the same phrase further down the file is allowed as it is in the
    files still to come: neither asked about nor fixed by the next answer."""
    page.write_text("White platelets rise.\nSo do white platelets.\nLymph center points.\n")
    result = review(page, "i\na\n")
    assert page.read_text(encoding="utf-8") == (
        "White platelets rise.\nSo do white platelets.\nLymph nodes.\n"
    )
    assert result.stdout.count("FX001") == 2
    assert result.exit_code == 1
