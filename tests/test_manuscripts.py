"""PDF and DOCX manuscripts in ``check`` and ``scan``: pages and paragraphs as locations,
``fix`` refusing them, and broken files reported while the rest goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_extract import encrypted_pdf, make_docx, make_pdf

from fixer.cli import cli

pytest.importorskip("pypdf")
pytest.importorskip("docx")


@pytest.fixture
def manuscripts(tmp_path: Path) -> Path:
    (tmp_path / "paper.pdf").write_bytes(
        make_pdf(["A clean first page.", "Leukemia affects white platelets in the marrow."])
    )
    (tmp_path / "paper.docx").write_bytes(make_docx())
    (tmp_path / "locked.pdf").write_bytes(encrypted_pdf("secret"))
    return tmp_path


def test_check_reports_pages_and_paragraphs(manuscripts: Path) -> None:
    pdf, docx = manuscripts / "paper.pdf", manuscripts / "paper.docx"
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(pdf), str(docx)])
    findings = json.loads(result.stdout)["findings"]
    assert (findings[0]["path"], findings[0]["location"], findings[0]["text"]) == (
        str(pdf),
        "page 2",
        "white platelets",
    )
    assert any(f["path"] == str(docx) and f["location"].startswith("paragraph ") for f in findings)
    # fix cannot rewrite a manuscript, so nothing in it is offered as fixable
    assert {f["fix"] for f in findings} == {"none"}
    concise = CliRunner().invoke(cli, ["check", "--format", "concise", str(pdf)]).stdout
    assert concise.startswith(f"{pdf}:page 2: FX001 white platelets → white blood cells")
    full = CliRunner().invoke(cli, ["check", str(pdf)]).stdout
    assert "fixable" not in full


@pytest.mark.parametrize("name", ["paper.pdf", "paper.docx"])
@pytest.mark.parametrize("interactive", [(), ("-i",)])
def test_fix_refuses_manuscripts(
    manuscripts: Path, name: str, interactive: tuple[str, ...]
) -> None:
    path = manuscripts / name
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["fix", *interactive, str(path)], input="a\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{path}: error: fix cannot rewrite {path.suffix} files; use fixer check or scan"
    ]
    assert path.read_bytes() == before


def test_scan_walks_manuscripts_and_goes_on_after_a_broken_one(manuscripts: Path) -> None:
    result = CliRunner().invoke(cli, ["scan", "--format", "json", str(manuscripts)])
    assert result.exit_code == 2
    assert "locked.pdf: error: encrypted PDF, skipped" in result.stderr
    data = json.loads(result.stdout)
    paths = {Path(d["path"]).name for d in data["documents"]}
    assert paths == {"paper.pdf", "paper.docx"}
    pdf = next(d for d in data["documents"] if d["path"].endswith("paper.pdf"))
    assert pdf["top"][0]["location"] == "page 2"


@pytest.mark.parametrize(
    ("name", "location"), [("piped.pdf", "page 2"), ("piped.docx", "paragraph ")]
)
def test_check_reads_a_manuscript_from_standard_input(
    manuscripts: Path, monkeypatch: pytest.MonkeyPatch, name: str, location: str
) -> None:
    """``--stdin-filename`` names the syntax of what is piped in; no file of that name is read
    (there is none here)."""
    monkeypatch.chdir(manuscripts)
    piped = (manuscripts / Path(name).with_stem("paper").name).read_bytes()
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", "--stdin-filename", name, "-"], input=piped
    )
    finding = json.loads(result.stdout)["findings"][0]
    assert (finding["path"], finding["text"]) == (name, "white platelets")
    assert finding["location"].startswith(location)


def test_fix_passes_a_piped_manuscript_through(manuscripts: Path) -> None:
    """``fix -`` cannot rewrite a manuscript either; as a filter it gives back what it got."""
    piped = (manuscripts / "paper.pdf").read_bytes()
    result = CliRunner().invoke(cli, ["fix", "--stdin-filename", "x.pdf", "-"], input=piped)
    assert (result.exit_code, result.stdout_bytes) == (2, piped)
    assert result.stderr == "x.pdf: error: fix cannot rewrite .pdf files; use fixer check or scan\n"
