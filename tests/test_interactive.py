"""``fixer fix -i``, driven through standard input."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import cli

TEXT = "White platelets rise.\nThey got designated treatment.\nLymph center points swell.\n"


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "page.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def review(page: Path, answers: str):
    return CliRunner().invoke(cli, ["fix", "-i", str(page)], input=answers, catch_exceptions=False)


def test_accept_choose_and_skip(page: Path) -> None:
    result = review(page, "a\n2\ns\n")
    assert result.exit_code == 0
    assert page.read_text(encoding="utf-8") == (
        "White blood cells rise.\nThey got targeted treatment.\nLymph center points swell.\n"
    )
    assert "1. targeted therapy" in result.stdout and "2. targeted treatment" in result.stdout
    assert "applied 2 fixes" in result.stdout


def test_quit_keeps_what_was_decided(page: Path) -> None:
    review(page, "a\nq\n")
    assert page.read_text(encoding="utf-8").startswith(
        "White blood cells rise.\nThey got designated treatment."
    )


def test_ignore_adds_the_phrase_to_the_allowlist(page: Path) -> None:
    review(page, "i\ns\ns\n")
    config = tomllib.loads((page.parent / ".fixer.toml").read_text(encoding="utf-8"))
    assert config["allow"][0]["phrase"] == "White platelets"
    assert config["allow"][0]["reason"].startswith("allowed in fixer fix -i on ")
    assert page.read_text(encoding="utf-8") == TEXT
    check = CliRunner().invoke(cli, ["check", "--format", "concise", str(page)])
    assert "White platelets" not in check.stdout
