"""Large inputs: a big plain-text file is streamed in pieces, a tree of 10,000 files is walked,
both with bounded memory; one bad file does not stop the rest.

The CI sizes (17 MB, 10,000 files) keep the suite fast; the memory figure does not grow with the
file, and the README gives the 200 MB measurement with the command that reproduces it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import fixer.runner
import fixer.stream
from fixer.cli import cli
from fixer.engine import Checker
from fixer.model import Finding

PEAK_LIMIT_MB = 300
MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.stdout.write(done.stdout)\n"
)
PARAGRAPH = (
    "Patients with chronic lymphocytic leukemia received chemotherapy and the response "
    "was assessed after six cycles of treatment in the clinic.\n\n"
)


def fixer_run(*args: str) -> tuple[int, float, str]:
    """Exit code, peak memory in MB and stdout of a whole ``fixer`` process."""
    command = [sys.executable, "-m", "fixer", *args]
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, timeout=900
    ).stdout
    head, _, rest = out.partition("\n")
    code, peak_kb = head.split()
    return int(code), int(peak_kb) / 1024, rest


def test_big_file_is_streamed_with_flat_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    repeats = fixer.stream.STREAM_FROM_BYTES // len(PARAGRAPH) + 2000
    with big.open("w", encoding="utf-8") as out:
        out.write(PARAGRAPH * repeats)
        out.write("At the very end, white platelets.\n")
    code, peak, stdout = fixer_run("check", "--format", "json", str(big))
    findings = json.loads(stdout)["findings"]
    assert code == 1
    assert [(f["line"], f["column"], f["text"]) for f in findings] == [
        (2 * repeats + 1, 18, "white platelets")
    ]
    text_offset = len(PARAGRAPH) * repeats + 17
    assert (findings[0]["start"], findings[0]["end"]) == (text_offset, text_offset + 15)
    assert peak < PEAK_LIMIT_MB


def test_streamed_findings_equal_whole_file_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "".join(
            f"Paragraph {i} about white platelets and\nlymph center points.\n\n" for i in range(300)
        )
        # a piece of its own, with one finding: it reads as spun in the whole file but not
        # alone, where each piece is judged; its words read as nothing weaker in either
        + "One long line " * 500
        + "with an interaction known as focal sensory system.\n"
    )
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    formats = ("json", "sarif")  # SARIF also locates each fix's edit (here over "an")
    whole = [CliRunner().invoke(cli, ["check", "--format", f, str(path)]).stdout for f in formats]
    monkeypatch.setattr(fixer.stream, "STREAM_FROM_BYTES", 1)
    monkeypatch.setattr(fixer.stream, "PIECE_CHARS", 700)
    streamed = [
        CliRunner().invoke(cli, ["check", "--format", f, str(path)]).stdout for f in formats
    ]
    assert streamed == whole
    assert len(json.loads(whole[0])["findings"]) == 602


def test_a_streamed_file_is_read_in_the_first_encoding_that_reads_all_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Latin-1 byte comes late, after blocks that UTF-8 reads: the whole file decides."""
    monkeypatch.setattr(fixer.stream, "STREAM_FROM_BYTES", 1)
    monkeypatch.setattr(fixer.stream, "PIECE_CHARS", 700)
    monkeypatch.setattr(fixer.stream, "_BLOCK", 4096)
    text = _paragraphs(0, 300) + "Caf\u00e9 and bosom peril.\n"
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("latin-1"))
    assert len(text) > 2 * fixer.stream._BLOCK
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", "--encoding", "utf-8,latin-1", str(path)]
    )
    findings = json.loads(result.stdout)["findings"]
    assert findings[-1]["text"] == "bosom peril"
    assert findings[-1]["start"] == text.index("bosom peril")
    assert CliRunner().invoke(cli, ["check", str(path)]).exit_code == 2  # UTF-8 alone: refused
    # A file that ends inside a UTF-8 sequence is no UTF-8 either, nor a traceback.
    path.write_bytes(text.encode("utf-8") + b"caf\xc3")
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", "--encoding", "utf-8,latin-1", str(path)]
    )
    assert result.exit_code == 1 and json.loads(result.stdout)["errors"] == []
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2 and "not valid utf-8" in result.stderr


def _paragraphs(first: int, last: int) -> str:
    return "".join(
        f"Paragraph {i} about white platelets and lymph center points.\n\n"
        for i in range(first, last)
    )


@pytest.mark.parametrize(
    "text",
    [
        # a disable that runs over many pieces, ended by an enable
        _paragraphs(0, 5)
        + "fixer: disable AN0001\n\n"
        + _paragraphs(5, 60)
        + "fixer: enable\n\n"
        + _paragraphs(60, 70),
        # one left open to the end of the file
        _paragraphs(0, 5) + "fixer: disable\n\n" + _paragraphs(5, 60),
        # an enable that turns one name back on, pieces later
        "fixer: disable\n\n"
        + _paragraphs(0, 30)
        + "fixer: enable AN0003\n\n"
        + _paragraphs(30, 60)
        + "fixer: enable\n\n"
        + _paragraphs(60, 65),
        # a named disable partly enabled in the piece that opens it
        "fixer: disable AN0001, AN0003\n\n"
        + _paragraphs(0, 3)
        + "fixer: enable AN0001\n\n"
        + _paragraphs(3, 60),
    ],
    ids=["disable-enable", "open-to-the-end", "enable-one-name", "named-partly-enabled"],
)
def test_a_disable_reaches_over_the_pieces_of_a_streamed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """A ``disable`` covers what follows it in the whole file, not only in its piece: the
    pieces after it are checked and fixed behind it."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")

    def run(*args: str) -> str:
        return CliRunner().invoke(cli, [*args, str(path)]).stdout

    whole_check, whole_fix = run("check", "--format", "json"), run("fix", "--diff")
    monkeypatch.setattr(fixer.stream, "STREAM_FROM_BYTES", 1)
    monkeypatch.setattr(fixer.stream, "STREAM_FROM_CHARS", 1)
    monkeypatch.setattr(fixer.stream, "PIECE_CHARS", 700)
    assert len(list(fixer.stream.text_pieces(text))) > 3
    assert run("check", "--format", "json") == whole_check
    assert run("fix", "--diff") == whole_fix
    assert 0 < len(json.loads(whole_check)["findings"]) < 2 * text.count("lymph center")


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_streamed_file_is_cut_between_paragraphs_whatever_its_line_endings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, eol: str
) -> None:
    """A phrase may cross a line break, so a piece must end at a blank line: with Windows line
    endings ("\r\n\r\n") or old Mac ones ("\r\r") as well, or a garble wrapped over the
    line break where a piece ends is missed (and, with no "\n" at all, cut through a word)."""
    text = "".join(
        f"Paragraph {i}: white{eol}platelets and lymph center{eol}points.{eol}{eol}"
        for i in range(300)
    )
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode())
    whole = CliRunner().invoke(cli, ["check", "--format", "json", str(path)]).stdout
    monkeypatch.setattr(fixer.stream, "STREAM_FROM_BYTES", 1)
    monkeypatch.setattr(fixer.stream, "PIECE_CHARS", 700)
    streamed = CliRunner().invoke(cli, ["check", "--format", "json", str(path)]).stdout
    assert streamed == whole
    assert len(json.loads(whole)["findings"]) == 600


def test_streamed_file_of_one_enormous_line_is_cut_between_sentences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no line break to cut at, a piece ended at ``PIECE_CHARS`` itself, through a garble
    or a word: a 17 MB file of one line missed the garble standing across the first cut. It
    ends after a full stop (which no phrase crosses), else at least between words."""
    text = "Patients had white platelets and bosom peril. " * 300
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    whole = CliRunner().invoke(cli, ["check", "--format", "json", str(path)]).stdout
    monkeypatch.setattr(fixer.stream, "STREAM_FROM_BYTES", 1)
    monkeypatch.setattr(fixer.stream, "PIECE_CHARS", 700)
    streamed = CliRunner().invoke(cli, ["check", "--format", "json", str(path)]).stdout
    assert len(json.loads(whole)["findings"]) == 600
    assert streamed == whole
    unpunctuated = list(fixer.stream.text_pieces("white platelets and bosom peril and " * 300))
    assert all(piece.endswith(" ") for piece in unpunctuated)


def test_scan_reads_a_big_file_in_pieces_with_the_figures_of_the_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every figure of a scan, words and top findings in context included, is that of reading
    the whole file; no check sees more than a piece. Some findings open a piece, so their
    context runs into the piece before; small blocks make contexts run across blocks too."""
    text = "".join(
        f"{'White platelets' if i % 4 == 3 else 'Clean wördś'} open paragraph {i}, see\n"
        f"https://example.org/{i}-notes and the bone marrow of it.\n\n"
        for i in range(120)
    )
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    whole = CliRunner().invoke(cli, ["scan", "--format", "json", str(path)]).stdout
    monkeypatch.setattr(fixer.stream, "STREAM_FROM_BYTES", 1)
    monkeypatch.setattr(fixer.stream, "PIECE_CHARS", 700)
    monkeypatch.setattr(fixer.stream, "_BLOCK", 50)
    checked: list[int] = []
    check = Checker.check

    def spy(self: Checker, text: str, syntax: str = "text") -> list[Finding]:
        checked.append(len(text))
        return check(self, text, syntax)

    monkeypatch.setattr(Checker, "check", spy)
    streamed = CliRunner().invoke(cli, ["scan", "--format", "json", str(path)]).stdout
    assert streamed == whole
    assert len(checked) > 1 and max(checked) <= 700
    document = json.loads(whole)["documents"][0]
    assert (document["words"], document["findings"], len(document["top"])) == (1440, 30, 10)


def test_big_file_is_fixed_with_flat_memory(tmp_path: Path) -> None:
    """A fix holds the whole text, but checks and fixes it in pieces: a whole-document check
    of 17 MB took about 1 GB."""
    big = tmp_path / "big.txt"
    repeats = fixer.stream.STREAM_FROM_BYTES // len(PARAGRAPH) + 2000
    body = PARAGRAPH * repeats
    big.write_text(body + "At the very end, white platelets.\n", encoding="utf-8")
    code, peak, _ = fixer_run("fix", str(big))
    assert code == 1  # it changed the file
    assert big.read_text(encoding="utf-8") == body + "At the very end, white blood cells.\n"
    assert peak < PEAK_LIMIT_MB


def test_fixing_in_pieces_equals_fixing_the_whole_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "".join(
        f"Paragraph {i}: white platelets, an obscure term and\nlymph center points.\n\n"
        for i in range(200)
    )
    whole, pieces = tmp_path / "whole.txt", tmp_path / "pieces.txt"
    for path in (whole, pieces):
        path.write_text(text, encoding="utf-8")
    args = ["fix", "--unsafe-fixes"]
    by_whole = CliRunner().invoke(cli, [*args, str(whole)]).stdout
    monkeypatch.setattr(fixer.runner, "STREAM_FROM_CHARS", 1)
    monkeypatch.setattr(fixer.stream, "PIECE_CHARS", 700)
    by_pieces = CliRunner().invoke(cli, [*args, str(pieces)]).stdout
    assert pieces.read_bytes() == whole.read_bytes() != text.encode()
    assert by_pieces.replace("pieces.txt", "whole.txt") == by_whole


def test_tree_of_ten_thousand_files_with_one_bad_file(tmp_path: Path) -> None:
    for index in range(10_000):
        folder = tmp_path / f"d{index % 100:02d}"
        folder.mkdir(exist_ok=True)
        body = "White platelets rise.\n" if index % 1000 == 0 else "Clean text.\n"
        (folder / f"f{index:05d}.md").write_text(body, encoding="utf-8")
    (tmp_path / "d50" / "bad.txt").write_bytes(b"\x00\x01binary")
    code, peak, stdout = fixer_run("check", "--format", "concise", str(tmp_path))
    assert code == 2, "the bad file is reported in the exit code"
    assert len(stdout.splitlines()) == 10, "every other file was still checked"
    assert peak < PEAK_LIMIT_MB
