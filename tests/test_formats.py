"""Output formats beyond text and JSON: SARIF 2.1.0, GitHub annotations, GitLab code quality,
statistics."""

from __future__ import annotations

import json
from itertools import accumulate
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import cli
from fixer.model import RULES

SPUN = "# Leukemia\n\nLeukemia affects white platelets.\nThey get designated treatment.\n"


@pytest.fixture
def spun(tmp_path: Path) -> Path:
    path = tmp_path / "spun.md"
    path.write_text(SPUN, encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_sarif_has_what_github_code_scanning_reads(spun: Path) -> None:
    result = run("check", "--format", "sarif", str(spun))
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("fixer", "0.1.0")
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    first, second = sarif_run["results"]
    assert first["ruleId"] == "FX001"
    assert driver["rules"][first["ruleIndex"]]["id"] == "FX001"
    assert (first["level"], second["level"]) == ("error", "warning")
    assert "white platelets → white blood cells" in first["message"]["text"]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 18, 33)
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == spun.as_uri()
    assert len(first["partialFingerprints"]["fixer/v1"]) == 32
    (change,) = first["fixes"][0]["artifactChanges"]
    replacement = change["replacements"][0]
    assert replacement["insertedContent"]["text"] == "white blood cells"
    assert replacement["deletedRegion"]["startColumn"] == 18


def test_sarif_says_which_files_could_not_be_read(spun: Path) -> None:
    """A run that skipped a file is no clean upload: its invocation failed, and says why."""
    binary = spun.parent / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02 white platelets")
    result = run("check", "--format", "sarif", str(spun), str(binary))
    assert result.exit_code == 2
    (sarif_run,) = json.loads(result.stdout)["runs"]
    assert len(sarif_run["results"]) == 2  # the readable file is still checked
    (invocation,) = sarif_run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and notification["message"]["text"]
    (location,) = notification["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == binary.as_uri()
    clean = json.loads(run("check", "--format", "sarif", str(spun)).stdout)
    assert clean["runs"][0]["invocations"] == [
        {"executionSuccessful": True, "toolExecutionNotifications": []}
    ]


def apply_sarif_fixes(text: str, results: list[dict]) -> str:
    """``text`` with every fix of ``results`` applied by line and column, as a SARIF consumer
    applies them; each region's offsets must name the same stretch."""
    starts = list(accumulate(map(len, text.splitlines(keepends=True)), initial=0))
    edits = []
    for result in results:
        for fix in result.get("fixes", []):
            for change in fix["artifactChanges"]:
                for replacement in change["replacements"]:
                    region = replacement["deletedRegion"]
                    start = starts[region["startLine"] - 1] + region["startColumn"] - 1
                    end = starts[region["endLine"] - 1] + region["endColumn"] - 1
                    assert (region["charOffset"], region["charLength"]) == (start, end - start)
                    edits.append((start, end, replacement["insertedContent"]["text"]))
    for start, end, inserted in sorted(edits, reverse=True):
        text = text[:start] + inserted + text[end:]
    return text


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("article.txt", "It works by an interaction known as apoptosis.\n"),
        ("wrapped.txt", "It works by an\ninteraction known as apoptosis.\n"),
        ("page.html", "<p>Leukemia affects white <em>platelets</em>.</p>\n"),
        ("lines.md", "Swollen lymph center\npoints.\n"),
        ("label.md", "See [white platelets].\n\n[white platelets]: https://example.org/wbc\n"),
    ],
)
def test_sarif_fixes_are_the_edits_fix_makes(tmp_path: Path, name: str, text: str) -> None:
    """Applied, the SARIF fixes give what ``fixer fix`` writes: the article before the span
    and the markup and line breaks inside it are handled; a finding that ``fix`` leaves alone
    (a reference link's label, which its definition must match) offers no fix."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    results = json.loads(run("check", "--format", "sarif", str(path)).stdout)["runs"][0]["results"]
    assert results
    assert all(("fixes" in r) == (r["properties"]["fix"] != "none") for r in results)
    run("fix", str(path))
    assert apply_sarif_fixes(text, results) == path.read_text(encoding="utf-8")


def test_sarif_fingerprints_are_stable_across_runs(spun: Path) -> None:
    runs = [json.loads(run("check", "--format", "sarif", str(spun)).stdout) for _ in range(2)]
    prints = [[r["partialFingerprints"] for r in log["runs"][0]["results"]] for log in runs]
    assert prints[0] == prints[1]


def test_sarif_fingerprints_tell_apart_a_garble_written_twice(tmp_path: Path) -> None:
    """GitHub code scanning takes results with one fingerprint for one alert: each copy of a
    garble is a finding of its own (as in baselines and GitLab reports), the first keeping the
    fingerprint a lone copy has."""
    path = tmp_path / "article.txt"
    prints = []
    for text in ("Bosom peril is common.\n", "Bosom peril is common.\nBosom peril spreads.\n"):
        path.write_text(text, encoding="utf-8")
        log = json.loads(run("check", "--format", "sarif", str(path)).stdout)
        prints.append([r["partialFingerprints"]["fixer/v1"] for r in log["runs"][0]["results"]])
    (alone,), (first, second) = prints
    assert first == alone
    assert second != first


def test_github_annotations(spun: Path) -> None:
    lines = run("check", "--format", "github", str(spun)).stdout.splitlines()
    assert lines[0] == (
        f"::error file={spun},line=3,col=18,endLine=3,endColumn=33,title=fixer FX001::"
        "white platelets → white blood cells (garbled anatomy term; entry AN0001)"
    )
    assert lines[1].startswith("::warning ")


def test_gitlab_code_quality_report(tmp_path: Path) -> None:
    """What GitLab's code quality widget reads: one issue per finding, a severity of its own
    scale, and a fingerprint that tells apart the same garble written twice in one file and
    stays the same from run to run."""
    path = tmp_path / "spun.md"
    path.write_text(SPUN + "\nWhite platelets again.\n", encoding="utf-8")
    runs = [json.loads(run("check", "--format", "gitlab", str(path)).stdout) for _ in range(2)]
    issues = runs[0]
    assert issues[0] == {
        "description": "white platelets → white blood cells (garbled anatomy term; entry AN0001)",
        "check_name": "FX001",
        "fingerprint": issues[0]["fingerprint"],
        "severity": "major",
        "location": {"path": str(path), "lines": {"begin": 3, "end": 3}},
    }
    assert [i["severity"] for i in issues] == ["major", "minor", "major"]
    assert [i["location"]["lines"]["begin"] for i in issues] == [3, 4, 6]
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == 3 and all(len(p) == 32 for p in prints)
    assert prints == [i["fingerprint"] for i in runs[1]]


def test_gitlab_report_reads_a_wrapped_garble_as_one_line(tmp_path: Path) -> None:
    """A garble across a line break is described on one line, and wrapping the paragraph
    anew keeps its fingerprint; a finding about a directive has no correction to show."""
    path = tmp_path / "page.md"
    reports = []
    for text in ("Leukemia affects white\nplatelets.\n", "Leukemia affects white platelets.\n"):
        path.write_text(text + "\nText <!-- fixer: ignore FX999 --> here.\n", encoding="utf-8")
        reports.append(json.loads(run("check", "--format", "gitlab", str(path)).stdout))
    descriptions = [i["description"] for i in reports[0]]
    assert descriptions[0].startswith("white platelets → white blood cells (")
    assert descriptions[1].startswith("FX999 ('fixer: ignore': unknown rule")
    assert [i["fingerprint"] for i in reports[0]] == [i["fingerprint"] for i in reports[1]]


def test_sarif_and_github_describe_a_finding_as_the_text_format_does(tmp_path: Path) -> None:
    """A wrapped garble on one line; a finding about a directive without an arrow."""
    path = tmp_path / "page.md"
    text = "Leukemia affects white\nplatelets.\n\nText <!-- fixer: ignore FX999 --> here.\n"
    path.write_text(text, encoding="utf-8")
    log = json.loads(run("check", "--format", "sarif", str(path)).stdout)
    messages = [r["message"]["text"] for r in log["runs"][0]["results"]]
    annotations = [
        a.split("::")[-1] for a in run("check", "--format", "github", str(path)).stdout.splitlines()
    ]
    for described in (messages, annotations):
        assert described[0].startswith("white platelets → white blood cells (")
        assert described[1].startswith("FX999 ('fixer: ignore': unknown rule")


@pytest.mark.parametrize("given", ["./sub/page.md", "sub/../sub/page.md", "{cwd}/sub/page.md"])
def test_gitlab_report_names_a_file_as_the_repository_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    """GitLab matches a path against the repository's files, without "./": a file in the
    current folder is named by its plain relative path however the command line wrote it,
    and so keeps its fingerprints."""
    monkeypatch.chdir(tmp_path)
    Path("sub").mkdir()
    Path("sub/page.md").write_text("White platelets.\n", encoding="utf-8")
    plain, named = (
        json.loads(run("check", "--format", "gitlab", path).stdout)
        for path in ("sub/page.md", given.format(cwd=tmp_path))
    )
    assert [i["location"]["path"] for i in named] == ["sub/page.md"]
    assert named == plain


def test_gitlab_report_of_clean_text_is_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_text("Leukemia affects white blood cells.\n", encoding="utf-8")
    result = run("check", "--format", "gitlab", str(path))
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


@pytest.mark.parametrize(
    ("name", "github_file", "sarif_uri"),
    [
        ("a,b:c%.md", "a%2Cb%3Ac%25.md", "a%2Cb%3Ac%25.md"),
        ("with space.md", "with space.md", "with%20space.md"),
        ("new\nline.md", "new%0Aline.md", "new%0Aline.md"),
        ("sub/ü.md", "sub/ü.md", "sub/%C3%BC.md"),
    ],
)
def test_paths_are_escaped_for_github_and_sarif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, github_file: str, sarif_uri: str
) -> None:
    """GitHub's workflow commands end a property at ``,`` and ``:``; SARIF wants URIs."""
    (tmp_path / "sub").mkdir()
    (tmp_path / name).write_text(SPUN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    annotation = run("check", "--format", "github", name).stdout.splitlines()[0]
    assert annotation.startswith(f"::error file={github_file},line=3,col=18,")
    log = json.loads(run("check", "--format", "sarif", name).stdout)
    result = log["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == sarif_uri
    assert result["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"] == sarif_uri


def test_concise_has_no_summary(spun: Path) -> None:
    lines = run("check", "--format", "concise", str(spun)).stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith(str(spun)) for line in lines)


def test_statistics_and_exit_zero(spun: Path) -> None:
    result = run("check", "--statistics", "--exit-zero", str(spun))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split() == [
        "1",
        "FX001",
        "AN0001",
        "[*]",
        "white",
        "platelets",
        "→",
        "white",
        "blood",
        "cells",
    ]


def test_statistics_as_json(spun: Path, tmp_path: Path) -> None:
    result = run("check", "--statistics", "--format", "json", str(spun), str(tmp_path / "no.md"))
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert (document["schema_version"], document["fixer_version"]) == (1, "0.1.0")
    assert document["statistics"][0] == {
        "count": 1,
        "rule": "FX001",
        "entry_id": "AN0001",
        "fix": "safe",
        "text": "white platelets",
        "suggestion": "white blood cells",
    }
    assert len(document["statistics"]) == 2
    assert document["errors"] == [
        {"path": str(tmp_path / "no.md"), "message": "no such file or directory"}
    ]


@pytest.mark.parametrize(
    ("name", "text", "phrase"),
    [
        ("page.html", "<p>Affects white <em>platelets</em>.</p>\n", "white platelets"),
        ("page.html", "<p>Affects white&nbsp;platelets.</p>\n", "white platelets"),
        ("page.md", "Swollen Lymph **Center**\nPoints.\n", "lymph center points"),
    ],
)
def test_statistics_print_the_phrase_as_prose(
    tmp_path: Path, name: str, text: str, phrase: str
) -> None:
    """A count per entry names its garble as read, on one line: the markup and line breaks of
    the first finding's span are no part of it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (line,) = run("check", "--statistics", str(path)).stdout.splitlines()
    assert f" {phrase} → " in line
    (counts,) = json.loads(run("check", "--statistics", "--format", "json", str(path)).stdout)[
        "statistics"
    ]
    assert counts["text"] == phrase


@pytest.mark.parametrize("output_format", ["sarif", "github"])
def test_statistics_refuse_per_finding_formats(spun: Path, output_format: str) -> None:
    result = run("check", "--statistics", "--format", output_format, str(spun))
    assert result.exit_code == 2
    assert "--statistics works with --format text, concise or json" in result.stderr
    assert result.stdout == ""


def test_output_is_deterministic(tmp_path: Path) -> None:
    for name in ("b.md", "a.md", "c.txt"):
        (tmp_path / name).write_text(SPUN, encoding="utf-8")
    outputs = {run("check", "--format", "json", str(tmp_path)).stdout for _ in range(3)}
    assert len(outputs) == 1
