"""``fixer scan``: per-document figures, risk levels, ranking, formats, and Dask parity."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import cli
from fixer.runner import Options
from fixer.scan import Thresholds, rank, report, risk_level, scan

HIGH = (
    "Leukemia is the growth of white platelets. The focal sensory system, lymph center "
    "points, skin malignant growth, unfortunate visualization and organ brokenness.\n"
)
SUSPICIOUS = "A long clean paragraph about leukemia care. " * 20 + "White platelets rise.\n"
LOW = "A clean report on treatment. " * 30 + "They got designated treatment.\n"
CLEAN = "White blood cells fight infection. Taking everything into account, rest.\n"


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    for name, text in (
        ("high.txt", HIGH),
        ("suspicious.md", SUSPICIOUS),
        ("low.txt", LOW),
        ("clean.txt", CLEAN),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("distinct", "density", "obvious", "findings", "risk"),
    [
        (0, 0.0, False, 0, "clean"),
        (1, 0.5, False, 1, "low"),
        (1, 0.5, True, 1, "suspicious"),
        (2, 0.5, False, 2, "suspicious"),
        (5, 0.5, True, 5, "high"),
        (2, 2.0, False, 3, "high"),
        (1, 9.0, False, 1, "low"),
    ],
)
def test_risk_levels(
    distinct: int, density: float, obvious: bool, findings: int, risk: str
) -> None:
    assert risk_level(distinct, density, obvious, findings, Thresholds()) == risk


def test_documents_are_ranked_by_risk(collection: Path) -> None:
    result = CliRunner().invoke(cli, ["scan", "--format", "json", str(collection)])
    assert result.exit_code == 1, "a high-risk document fails the run"
    data = json.loads(result.stdout)
    assert [(Path(d["path"]).name, d["risk"]) for d in data["documents"]] == [
        ("high.txt", "high"),
        ("suspicious.md", "suspicious"),
        ("low.txt", "low"),
        ("clean.txt", "clean"),
    ]
    high = data["documents"][0]
    assert high["distinct"] >= 5 and high["words"] == 22
    assert high["density"] == round(1000 * high["findings"] / 22, 2)
    top = high["top"][0]
    assert set(top) >= {"text", "suggestion", "context", "location", "source", "pps_papers"}
    assert top["context"].endswith("…") and top["text"] in top["context"]
    assert data["documents"][3]["info"] == 1, "info-level wording is counted, not risk"
    assert data["garbles"][0]["documents"] >= 1
    assert data["thresholds"] == {"high_distinct": 5, "high_density": 2.0, "suspicious_distinct": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same garble twice: each finding's own place, not the first in its context
        (
            "Leukemia affects white platelets; white platelets fall.\n",
            [
                "Leukemia affects [white platelets]; white platelets fall.",
                "Leukemia affects white platelets; [white platelets] fall.",
            ],
        ),
        # a garble wrapped over a line break (CRLF), as the context has it: on one line
        ("The lymph center\r\n  points swell.\r\n", ["The [lymph center points] swell."]),
        # "…" where the document goes on beyond the 60 code points of context either side
        (
            "xx " * 30 + "The lymph center points swell." + " yy" * 30,
            ["…x" + " xx" * 18 + " The [lymph center points] swell." + " yy" * 17 + " y…"],
        ),
        (
            "x" * 55 + " The lymph center points swell." + "y" * 53,
            ["x" * 55 + " The [lymph center points] swell." + "y" * 53],
        ),
    ],
)
def test_top_findings_say_where_they_are_in_their_context(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    """``context_offset`` and ``context_length`` (code points) mark the phrase in ``context``,
    whose white space is squeezed, so that a report (the HTML one) can show it."""
    (tmp_path / "doc.txt").write_bytes(text.encode())
    data = json.loads(CliRunner().invoke(cli, ["scan", "--format", "json", str(tmp_path)]).stdout)
    marked = []
    for top in data["documents"][0]["top"]:
        context, at, end = top["context"], top["context_offset"], top["context_offset"]
        end += top["context_length"]
        marked.append(f"{context[:at]}[{context[at:end]}]{context[end:]}")
    assert marked == expected


PROSE = "Leukemia affects white platelets and the focal sensory system."


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("page.txt", f"{PROSE}\n"),
        (
            "page.html",
            f"<html><head><script>{'var x = 1; ' * 400}</script><style>p {{ color: red }}</style>"
            f"</head><body><p>{PROSE.replace('platelets', '<em>platelets</em>')}</p></body>\n",
        ),
        ("page.md", f"<!-- a comment of seven words here -->\n\n**{PROSE}**\n\n```\nx = y\n```\n"),
        ("page.rst", f"{PROSE}\n\n.. code-block:: python\n\n   x = compute(y)\n"),
    ],
)
def test_words_are_those_of_the_prose(tmp_path: Path, name: str, text: str) -> None:
    """Markup, scripts and code are no words: the same prose has the same density and risk in
    any syntax."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["scan", "--format", "json", str(tmp_path / name)])
    (document,) = json.loads(result.stdout)["documents"]
    assert (document["words"], document["density"], document["risk"]) == (9, 222.22, "high")


def test_pps_evidence_is_reported(collection: Path) -> None:
    data = json.loads(
        CliRunner().invoke(cli, ["scan", "--format", "json", str(collection / "high.txt")]).stdout
    )
    skin = next(f for f in data["documents"][0]["top"] if "skin" in f["text"])
    assert (skin["source"], skin["pps_papers"]) == ("PPS:162", 162)


def test_thresholds_are_configurable(collection: Path) -> None:
    result = CliRunner().invoke(
        cli, ["scan", "--format", "csv", "--high-distinct", "1", str(collection)]
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["risk"] for r in rows] == ["high", "high", "high", "clean"]
    assert rows[0]["rank"] == "1" and "→" in rows[0]["top_garbles"]


def test_text_report_and_errors(collection: Path) -> None:
    (collection / "broken.txt").write_bytes(b"\x00\x00binary")
    result = CliRunner().invoke(cli, ["scan", str(collection)])
    assert result.exit_code == 2
    assert "broken.txt: error: binary file" in result.stderr
    assert "not verdicts" in result.stdout
    assert result.stdout.splitlines()[1].startswith("high")


def test_csv_top_garbles_are_distinct_and_on_one_line(tmp_path: Path) -> None:
    """A row per document: a garble wrapped over a line break is not written with its line
    break (which split the row for line-based tools), and a garble found twice is named once."""
    (tmp_path / "doc.txt").write_bytes(
        b"White platelets and the lymph center\r\npoints; white platelets again.\r\n"
    )
    output = CliRunner().invoke(cli, ["scan", "--format", "csv", str(tmp_path)]).stdout
    assert len(output.splitlines()) == 2
    (row,) = csv.DictReader(io.StringIO(output))
    assert row["top_garbles"] == (
        "White platelets → White blood cells; lymph center points → lymph nodes"
    )


@pytest.mark.parametrize(
    ("name", "code"),
    [("high.txt", 1), ("suspicious.md", 1), ("low.txt", 0), ("clean.txt", 0)],
)
def test_exit_code_follows_the_risk_levels(collection: Path, name: str, code: int) -> None:
    """1 for a high or suspicious document, whatever the severities of the findings: a low
    document's warning does not fail a scan, as a ``--fail-on`` would have it."""
    assert CliRunner().invoke(cli, ["scan", str(collection / name)]).exit_code == code


def test_scan_takes_no_fail_on(collection: Path) -> None:
    """scan's exit code is decided by risk levels; it used to accept ``--fail-on`` (the
    option of check and fix) and ignore it, so ``--fail-on info`` on an info-only document
    exited 0 while its help promised 1."""
    result = CliRunner().invoke(cli, ["scan", "--fail-on", "info", str(collection)])
    assert result.exit_code == 2 and "No such option '--fail-on'" in result.stderr


def csv_errors(output: str) -> dict[str, str]:
    rows = list(csv.DictReader(io.StringIO(output)))
    assert all(r["rank"] and r["risk"] for r in rows if not r["error"])
    assert all(set(r.values()) == {"", r["path"], r["error"]} for r in rows if r["error"])
    return {Path(r["path"]).name: r["error"] for r in rows if r["error"]}


def text_errors(output: str) -> dict[str, str]:
    errors = {}
    for line in output.splitlines():
        risk, _, rest = line.partition(" ")
        if risk == "error":
            path, _, message = rest.strip().partition(": ")
            errors[Path(path).name] = message
    return errors


def json_errors(output: str) -> dict[str, str]:
    return {Path(e["path"]).name: e["message"] for e in json.loads(output)["errors"]}


@pytest.mark.parametrize(
    ("output_format", "errors"),
    [("csv", csv_errors), ("text", text_errors), ("json", json_errors)],
)
def test_every_format_lists_the_files_not_read(
    collection: Path, output_format: str, errors: Callable[[str], dict[str, str]]
) -> None:
    """``scan … --format csv > ranking.csv`` must not drop them silently (stderr is not saved)."""
    (collection / "broken.txt").write_bytes(b"\x00\x00binary")
    names = [str(collection), str(collection / "missing.md")]
    result = CliRunner().invoke(cli, ["scan", "--format", output_format, *names])
    assert result.exit_code == 2
    assert errors(result.stdout) == {
        "missing.md": "no such file or directory",
        "broken.txt": "binary file (contains NUL bytes), skipped",
    }


def test_garbles_are_named_in_lower_case_and_as_prose(tmp_path: Path) -> None:
    """A document's garbles name each entry as ``--statistics`` does: the garble and its
    suggestion both in lower case, the garble without markup."""
    (tmp_path / "page.html").write_text("<p>WHITE <b>PLATELETS</b> rise.</p>\n", encoding="utf-8")
    data = json.loads(CliRunner().invoke(cli, ["scan", "--format", "json", str(tmp_path)]).stdout)
    assert data["documents"][0]["garbles"] == {
        "AN0001": ["white platelets", "white blood cells", 1]
    }
    assert (data["garbles"][0]["text"], data["garbles"][0]["suggestion"]) == (
        "white platelets",
        "white blood cells",
    )


def test_scan_offers_no_standard_input() -> None:
    """scan reads files and folders; its help must not offer a name for '-'."""
    assert "--stdin-filename" not in CliRunner().invoke(cli, ["scan", "--help"]).stdout
    for args in (["--stdin-filename", "x.md", "x.md"], ["-"]):
        assert CliRunner().invoke(cli, ["scan", *args]).exit_code == 2


def test_jobs_and_dask_give_the_same_ranking(collection: Path) -> None:
    pytest.importorskip("dask.distributed")
    names = sorted(str(p) for p in collection.iterdir())
    options, thresholds = Options(), Thresholds()
    local = report(scan(names, options, thresholds, jobs=1), thresholds, "t")
    parallel = report(scan(names, options, thresholds, jobs=2), thresholds, "t")
    dask = report(scan(names, options, thresholds, engine="dask"), thresholds, "t")
    assert local == parallel == dask
    assert rank(local["documents"]) == local["documents"]


def test_a_written_report_counts_the_documents_it_holds(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("White platelets.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["scan", "--format", "json", "-o", str(report), str(tmp_path)])
    assert f"{report}: report on 1 document (1 file not read)" in result.stderr
    assert len(json.loads(report.read_text(encoding="utf-8"))["documents"]) == 1


def test_csv_writes_a_path_a_spreadsheet_would_run_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A submission named like a formula ("=1+2.txt") is no formula in the ranking."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "=1+2.txt").write_text("White platelets.\n", encoding="utf-8")
    (tmp_path / "@x.txt").write_bytes(b"\x00binary")
    (tmp_path / "\t=1.txt").write_text("White platelets.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["scan", "--format", "csv", "."], catch_exceptions=False)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["path"] for row in rows} == {"'=1+2.txt", "'@x.txt", "'\t=1.txt"}


def test_a_bad_configuration_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """scan read a folder's configuration outside the guard that check and fix have: a bad
    key was a traceback with exit code 1, which reads as risky documents."""
    (tmp_path / "a.md").write_text("White platelets.\n", encoding="utf-8")
    (tmp_path / ".fixer.toml").write_text("selct = 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["scan", str(tmp_path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "unknown key 'selct'" in result.stderr
