"""Adopting fixer on an existing site: write a baseline, then only new findings fail."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from fixer.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_only_new_findings_fail_after_a_baseline(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("White platelets.\n\nLymph center points.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = run("check", "--write-baseline", str(baseline), str(page))
    assert written.exit_code == 0
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == 2

    assert run("check", "--baseline", str(baseline), str(page)).exit_code == 0
    # Moving old text around does not make it new.
    page.write_text("Intro.\n\nLymph center points.\n\nWhite platelets.\n", encoding="utf-8")
    assert run("check", "--baseline", str(baseline), str(page)).exit_code == 0
    # A second copy of an old garble, or a new garble, is new.
    page.write_text("White platelets. White platelets.\n\nLymph center points.\n", encoding="utf-8")
    result = run("check", "--format", "concise", "--baseline", str(baseline), str(page))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1


def test_bad_baseline_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text("[]", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("Clean.\n", encoding="utf-8")
    result = run("check", "--baseline", str(bad), str(page))
    assert result.exit_code == 2
    assert "not a fixer baseline" in result.stderr
