"""Adopting fixer on an existing site: write a baseline, then only new findings fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import cli

PAGE = "White platelets.\n\nLymph center points.\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_only_new_findings_fail_after_a_baseline(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = run("check", "--write-baseline", str(baseline), str(page))
    assert written.exit_code == 0
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == 2
    assert written.stderr.strip() == f"{baseline}: baseline of 2 findings"
    page.write_text("White platelets.\n", encoding="utf-8")
    one = run("check", "--write-baseline", str(tmp_path / "one.json"), str(page))
    assert one.stderr.strip() == f"{tmp_path / 'one.json'}: baseline of 1 finding"
    page.write_text(PAGE, encoding="utf-8")

    assert run("check", "--baseline", str(baseline), str(page)).exit_code == 0
    # Moving old text around does not make it new.
    page.write_text("Intro.\n\nLymph center points.\n\nWhite platelets.\n", encoding="utf-8")
    assert run("check", "--baseline", str(baseline), str(page)).exit_code == 0
    # A second copy of an old garble, or a new garble, is new.
    page.write_text("White platelets. White platelets.\n\nLymph center points.\n", encoding="utf-8")
    result = run("check", "--format", "concise", "--baseline", str(baseline), str(page))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    ("run_in", "baseline", "target"),
    [
        ("site", "b.json", "content"),
        ("site/content", "../b.json", "."),
        ("site/content", "../b.json", "a.md"),
        ("site", "b.json", "{site}/content/a.md"),
        ("site/content", "{site}/b.json", "./../content//a.md"),
        ("elsewhere", "../site/b.json", "../site/content"),
    ],
)
def test_a_baseline_matches_its_files_whatever_they_are_called(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_in: str, baseline: str, target: str
) -> None:
    """Files are named from the baseline's folder, not from the current one."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (site / "content" / "a.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(site)
    assert run("check", "--write-baseline", "b.json", "content").exit_code == 0
    assert json.loads((site / "b.json").read_text(encoding="utf-8"))["findings"] == [
        "content/a.md\tFX001\tAN0001\twhite platelets\t1",
        "content/a.md\tFX001\tAN0003\tlymph center points\t1",
    ]
    monkeypatch.chdir(tmp_path / run_in)
    names = {"site": str(site)}
    result = run("check", "--baseline", baseline.format(**names), target.format(**names))
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_format_1_baseline_still_matches_from_the_folder_it_was_made_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Format 1 named files as given on the command line, from the folder fixer ran in."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "format": 1,
                "tool": "fixer",
                "findings": [
                    "content/a.md\tFX001\tAN0001\twhite platelets\t1",
                    "content/a.md\tFX001\tAN0003\tlymph center points\t1",
                ],
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert run("check", "--baseline", "b.json", "content").exit_code == 0
    assert run("check", "--baseline", "b.json", str(tmp_path / "content")).exit_code == 0


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        '{"format": 3, "findings": []}',
        '{"format": 2}',
        '{"format": 2, "findings": [{"path": "a.md"}]}',
        '{"format": 1, "findings": ["no tab in this key"]}',
        "{not json",
    ],
)
def test_bad_baseline_is_a_usage_error(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text(content, encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("Clean.\n", encoding="utf-8")
    result = run("check", "--baseline", str(bad), str(page))
    assert result.exit_code == 2
    assert "baseline" in result.stderr.splitlines()[-1]
