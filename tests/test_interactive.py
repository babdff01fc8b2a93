"""``fixer fix -i``, driven through standard input."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import cli

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


def test_quit_keeps_what_was_decided(page: Path) -> None:
    review(page, "a\nq\n")
    assert page.read_text(encoding="utf-8").startswith(
        "White blood cells rise.\nThey got designated treatment."
    )


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


def test_ignore_adds_the_phrase_to_the_allowlist(page: Path) -> None:
    review(page, "i\ns\ns\n")
    config = tomllib.loads((page.parent / ".fixer.toml").read_text(encoding="utf-8"))
    assert config["allow"][0]["phrase"] == "White platelets"
    assert config["allow"][0]["reason"].startswith("allowed in fixer fix -i on ")
    assert page.read_text(encoding="utf-8") == TEXT
    check = CliRunner().invoke(cli, ["check", "--format", "concise", str(page)])
    assert "White platelets" not in check.stdout
