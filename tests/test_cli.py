"""The command line, end to end: output formats, exit codes, writing, stdin and bad input."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import cli

SPUN = "Leukemia affects white platelets.\nIt reaches the focal sensory system.\n"
FIXED = "Leukemia affects white blood cells.\nIt reaches the central nervous system.\n"


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture
def spun(tmp_path: Path) -> Path:
    path = tmp_path / "spun.md"
    path.write_text(SPUN, encoding="utf-8")
    return path


def test_check_prints_one_line_per_finding_and_exits_1(spun: Path) -> None:
    result = run("check", "--format", "concise", str(spun))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{spun}:1:18: FX001 [*] white platelets → white blood cells "
        "(error: garbled anatomy term; entry AN0001)"
    )
    assert lines[1].startswith(f"{spun}:2:16: FX001 [*] focal sensory system → central nervous")
    assert len(lines) == 2
    assert spun.read_text(encoding="utf-8") == SPUN, "check never writes"


def test_text_format_shows_the_line_with_a_caret(spun: Path) -> None:
    lines = run("check", str(spun)).stdout.splitlines()
    assert lines[:4] == [
        f"{spun}:1:18: FX001 [*] white platelets → white blood cells "
        "(error: garbled anatomy term; entry AN0001)",
        "  |",
        "1 | Leukemia affects white platelets.",
        "  |                  ^^^^^^^^^^^^^^^",
    ]
    assert lines[-1] == "[*] 2 fixable with `fixer fix`."
    assert "Found 2 findings (2 error)." in lines
    assert "\x1b[" not in run("check", str(spun)).stdout, "no colour when not a terminal"


def test_colour_on_a_terminal_unless_no_color(spun: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = CliRunner().invoke(cli, ["check", str(spun)], color=True)
    assert "\x1b[" in coloured.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = CliRunner().invoke(cli, ["check", str(spun)], color=True)
    assert "\x1b[" not in plain.stdout


def test_check_clean_file_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("White blood cells fight infection.\n", encoding="utf-8")
    result = run("check", str(path))
    assert (result.exit_code, result.stdout) == (0, "")


def test_fail_on_decides_the_exit_code(tmp_path: Path) -> None:
    path = tmp_path / "info.txt"
    path.write_text("Taking everything into account, it works.\n", encoding="utf-8")
    assert run("check", str(path)).exit_code == 0, "info does not fail by default"
    assert run("check", "--fail-on", "info", str(path)).exit_code == 1


def test_json_schema(spun: Path) -> None:
    result = run("check", "--format", "json", str(spun))
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    assert document["errors"] == []
    first = document["findings"][0]
    assert set(first) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "text",
        "suggestions",
        "rule",
        "entry_id",
        "detector",
        "category",
        "severity",
        "confidence",
        "fix",
        "message",
        "location",  # added after schema 1 was first published: fields are only ever added
    }
    assert first | {"path": "x", "message": "m", "confidence": 1} == {
        "path": "x",
        "line": 1,
        "column": 18,
        "end_line": 1,
        "end_column": 33,
        "start": 17,
        "end": 32,
        "text": "white platelets",
        "suggestions": ["white blood cells"],
        "rule": "FX001",
        "entry_id": "AN0001",
        "detector": "lexicon",
        "category": "anatomy",
        "severity": "error",
        "confidence": 1,
        "fix": "safe",
        "message": "m",
        "location": None,
    }


def test_columns_count_code_points(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_text("Ünïcödé 👩‍⚕️ white platelets", encoding="utf-8")
    finding = json.loads(run("check", "--format", "json", str(path)).stdout)["findings"][0]
    text = path.read_text(encoding="utf-8")
    assert text[finding["start"] : finding["end"]] == "white platelets"
    assert finding["column"] == finding["start"] + 1


def test_bad_files_are_reported_and_the_rest_still_checked(tmp_path: Path, spun: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02white platelets")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Leukämie".encode("latin-1"))
    result = run("check", str(binary), str(tmp_path / "missing.md"), str(latin), str(spun))
    assert result.exit_code == 2, "input errors win over findings"
    assert result.stderr.splitlines() == [
        f"{binary}: error: binary file (contains NUL bytes), skipped",
        f"{tmp_path / 'missing.md'}: error: no such file or directory",
        f"{latin}: error: not valid utf-8 at byte 4; pass --encoding (for example --encoding "
        "latin-1)",
    ]
    assert "white platelets → white blood cells" in result.stdout


def test_directories_are_walked_for_known_suffixes(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.md", "sub/b.html", "sub/c.rst", "d.txt", "e.py", ".git/f.md", "g.markdown"):
        (tmp_path / name).write_text("white platelets\n", encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    paths = [
        Path(f["path"]).relative_to(tmp_path).as_posix()
        for f in json.loads(result.stdout)["findings"]
    ]
    assert paths == ["a.md", "d.txt", "g.markdown", "sub/b.html", "sub/c.rst"]


def test_a_file_named_twice_is_checked_once(tmp_path: Path, monkeypatch) -> None:
    """One file under several names ("a.md", "./a.md", its folder): its findings come once."""
    (tmp_path / "a.md").write_text("white platelets\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "--format", "json", "a.md", "./a.md", ".", str(tmp_path / "a.md"))
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["a.md"]


def _make_socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))


def fixer_process(*args: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m fixer``, in a process that a test can time out when it blocks."""
    return subprocess.run([sys.executable, "-m", "fixer", *args], capture_output=True, timeout=60)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and Unix sockets")
@pytest.mark.parametrize(("make", "kind"), [(os.mkfifo, "a FIFO"), (_make_socket, "a socket")])
def test_a_folder_walk_skips_what_is_not_a_regular_file(tmp_path: Path, make, kind: str) -> None:
    (tmp_path / "a.md").write_text(SPUN, encoding="utf-8")
    make(tmp_path / "b.md")
    result = fixer_process("check", "--format", "concise", str(tmp_path))
    assert result.returncode == 1, "a note, not an error"
    assert (
        result.stderr.decode()
        == f"{tmp_path / 'b.md'}: note: not a regular file ({kind}), skipped\n"
    )
    assert result.stdout.decode().count(f"{tmp_path / 'a.md'}:") == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize(
    ("command", "code", "stdout", "stderr"),
    [
        ("check", 1, "white platelets → white blood cells", ""),
        ("fix", 2, "", "error: not a regular file; not overwritten"),
    ],
)
def test_a_fifo_named_on_the_command_line_is_read_never_replaced(
    tmp_path: Path, command: str, code: int, stdout: str, stderr: str
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_text, args=(SPUN,), daemon=True)
    writer.start()
    result = fixer_process(command, str(fifo))
    writer.join(timeout=10)
    assert result.returncode == code
    assert stdout in result.stdout.decode() and stderr in result.stderr.decode()
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--write-baseline", "{out}", "{spun}"],
        ["scan", "-o", "{out}", "{spun}"],
        ["scan", "--format", "html", "-o", "{out}", "{spun}"],
        ["lexicon", "import-pps", "-o", "{out}", "{csv}"],
    ],
)
def test_an_output_file_that_cannot_be_written_is_a_one_line_error(
    tmp_path: Path, spun: Path, command: list[str]
) -> None:
    """Not a traceback and exit code 1, which CI would read as findings."""
    pps = tmp_path / "pps.csv"
    pps.write_text("tortured_phrase,expected_phrase,num_papers\nzorb,fever,3\n", "utf-8")
    out = tmp_path / "missing" / "out"
    names = {"out": str(out), "spun": str(spun), "csv": str(pps)}
    result = run(*(arg.format(**names) for arg in command))
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[-1] == f"{out}: error: cannot write: No such file or directory"
    )


def test_fix_writes_in_place_and_is_idempotent(spun: Path) -> None:
    result = run("fix", str(spun))
    assert result.exit_code == 1, "a changed file fails the hook, as pre-commit expects"
    assert spun.read_text(encoding="utf-8") == FIXED
    assert f"{spun}: applied 2 fixes" in result.stderr
    again = run("fix", str(spun))
    assert again.exit_code == 0
    assert spun.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_bom_crlf_and_missing_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    path.write_bytes(b"\xef\xbb\xbfWhite platelets\r\nand  spaces\t\r\nno newline")
    run("fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbfWhite blood cells\r\nand  spaces\t\r\nno newline"


def test_fix_utf16_and_explicit_latin1(tmp_path: Path) -> None:
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes("\ufeffwhite platelets é".encode("utf-16-le"))
    latin = tmp_path / "l1.txt"
    latin.write_bytes("white platelets é".encode("latin-1"))
    run("fix", str(utf16))
    run("fix", "--encoding", "latin-1", str(latin))
    assert utf16.read_bytes() == "\ufeffwhite blood cells é".encode("utf-16-le")
    assert latin.read_bytes() == "white blood cells é".encode("latin-1")


def test_a_fix_the_encoding_cannot_hold_leaves_that_file_and_fixes_the_rest(
    tmp_path: Path,
) -> None:
    """A user lexicon's "β" cannot go into a Latin-1 file: that file stays as it was, with its
    finding still reported, and later files are fixed (standard input comes back as it was)."""
    beta = tmp_path / "beta.tsv"
    beta.write_text(
        "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
        "DR9001\tzorb blax\tβ blocker\tdrug\terror\tsafe\t\tuser\tzorb blax\n",
        encoding="utf-8",
    )
    latin = tmp_path / "l1.txt"
    latin.write_bytes("Café: zorb blax.\n".encode("latin-1"))
    later = tmp_path / "z.txt"
    later.write_bytes(b"White platelets.\n")
    options = ["fix", "--encoding", "latin-1", "--lexicon", str(beta)]
    result = run(*options, str(latin), str(later))
    assert result.exit_code == 2
    assert latin.read_bytes() == "Café: zorb blax.\n".encode("latin-1")
    assert later.read_bytes() == b"White blood cells.\n"
    assert result.stderr.splitlines() == [
        f"{latin}: error: a fix needs 'β' (U+03B2), which iso8859-1 cannot encode; left unchanged",
        f"{later}: applied 1 fix",
        f"{latin}:1:7: FX001 [*] zorb blax → β blocker (error: garbled drug term; entry DR9001)",
    ]
    piped = run(*options, "-", stdin="zorb blax\n".encode("latin-1"))
    assert (piped.exit_code, piped.stdout_bytes) == (2, b"zorb blax\n")


@pytest.mark.parametrize(
    ("line", "caret"),
    [
        ("\tWhite platelets.", " ^^^^^^^^^^^^^^^"),
        ("日本語 white platelets.", "       ^^^^^^^^^^^^^^^"),  # wide characters take two columns
        ("🙂 white platelets.", "   ^^^^^^^^^^^^^^^"),
        ("Cafe\u0301 white platelets.", "     ^^^^^^^^^^^^^^^"),  # a combining accent takes none
    ],
)
def test_the_caret_stands_under_the_span_as_a_terminal_shows_the_line(
    tmp_path: Path, line: str, caret: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(line + "\n", encoding="utf-8")
    lines = run("check", str(path)).stdout.splitlines()
    assert lines[2:4] == [f"1 | {line.replace(chr(9), ' ')}", f"  | {caret}"]


def test_control_characters_of_the_source_line_reach_no_terminal(tmp_path: Path) -> None:
    """An escape sequence in a file would recolour or rewrite the terminal that shows its line:
    each control character shows as U+FFFD, and the caret still stands under the span."""
    path = tmp_path / "page.txt"
    path.write_text("\x1b[31mRed\x1b[0m white platelets.\x07\n", encoding="utf-8")
    lines = run("check", str(path)).stdout.splitlines()
    assert lines[2:4] == [
        "1 | \ufffd[31mRed\ufffd[0m white platelets.\ufffd",
        "  | " + " " * 13 + "^" * 15,
    ]


def test_a_long_line_is_shown_around_each_finding(tmp_path: Path) -> None:
    """A minified page is one long line: each finding shows the part of it around its span,
    cut with "…", not the whole line (with a caret line as long) again and again."""
    words = "Lorem ipsum dolor sit amet. " * 500
    path = tmp_path / "page.html"
    path.write_text(f"<p>{words}White platelets. {words}</p>", encoding="utf-8")
    lines = run("check", str(path)).stdout.splitlines()
    shown, caret = lines[2].removeprefix("1 | "), lines[3].removeprefix("  | ")
    assert shown.startswith("…") and shown.endswith("…") and len(shown) < 200
    assert shown[caret.index("^") :].startswith("White platelets. ")
    assert caret.strip() == "^" * len("White platelets")


def test_fix_diff_writes_nothing(spun: Path) -> None:
    result = run("fix", "--diff", str(spun))
    assert result.exit_code == 1
    assert spun.read_text(encoding="utf-8") == SPUN
    assert f"--- a/{spun}" in result.stdout
    assert "-Leukemia affects white platelets.\n" in result.stdout
    assert "+Leukemia affects white blood cells.\n" in result.stdout
    assert run("fix", "--diff", str(spun)).exit_code == 1
    clean = spun.with_name("clean.md")
    clean.write_text(FIXED, encoding="utf-8")
    assert (
        run("fix", "--diff", str(clean)).exit_code,
        run("fix", "--diff", str(clean)).stdout,
    ) == (0, "")


def test_fix_diff_reports_what_is_left_where_it_stands_in_the_file(tmp_path: Path) -> None:
    """--diff writes nothing, so a finding it leaves is placed in the file as it is, not in
    the text the diff would make (where an earlier fix on the line moved it)."""
    page = tmp_path / "m.md"
    page.write_text(
        "See [white platelets][wbc] and [white platelets].\n\n"
        "[wbc]: https://x.org\n[white platelets]: https://x.org\n",
        encoding="utf-8",
    )
    left = f"{page}:1:33: FX001 white platelets"
    assert left in run("check", "--format", "concise", str(page)).stdout
    result = run("fix", "--diff", str(page))
    assert "+See [white blood cells][wbc] and [white platelets].\n" in result.stdout
    assert left in result.stderr


@pytest.mark.parametrize(
    ("raw", "options", "removed", "added"),
    [
        (
            b"\xef\xbb\xbfWhite platelets.\r\nmore\n",
            [],
            b"-\xef\xbb\xbfWhite platelets.\r\n",
            b"+\xef\xbb\xbfWhite blood cells.\r\n",
        ),
        (
            "Café: white platelets.\n".encode("latin-1"),
            ["--encoding", "latin-1"],
            b"-Caf\xe9: white platelets.\n",
            b"+Caf\xe9: white blood cells.\n",
        ),
        (  # a form feed ends no line for patch tools (it does for str.splitlines)
            b"Page\x0cwhite platelets.\n",
            [],
            b"-Page\x0cwhite platelets.\n",
            b"+Page\x0cwhite blood cells.\n",
        ),
        (
            b"White platelets.",
            [],
            b"-White platelets.\n\\ No newline at end of file\n",
            b"+White blood cells.\n\\ No newline at end of file\n",
        ),
    ],
)
def test_fix_diff_is_a_patch_of_the_file_bytes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    raw: bytes,
    options: list[str],
    removed: bytes,
    added: bytes,
) -> None:
    """The diff applies to the file as it is (BOM, encoding, line endings) and gives the bytes
    that ``fix`` writes."""
    monkeypatch.chdir(tmp_path)
    Path("page.txt").write_bytes(raw)
    Path("fixed.txt").write_bytes(raw)
    diff = run("fix", "--diff", *options, "page.txt").stdout_bytes
    assert diff.startswith(b"--- a/page.txt\n+++ b/page.txt\n@@ ")
    assert removed + added in diff
    run("fix", *options, "fixed.txt")
    if shutil.which("git"):
        subprocess.run(["git", "apply", "-"], input=diff, check=True, capture_output=True)
        assert Path("page.txt").read_bytes() == Path("fixed.txt").read_bytes() != raw


@pytest.mark.parametrize("given", ["./sub/page.txt", "sub/../sub/page.txt", "{cwd}/sub/page.txt"])
def test_fix_diff_names_the_file_as_git_apply_takes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    """``git apply`` refuses "a/./sub/page.txt" and absolute paths: the diff names a file in
    the current folder by its plain relative path, however the command line wrote it."""
    monkeypatch.chdir(tmp_path)
    Path("sub").mkdir()
    Path("sub/page.txt").write_text("White platelets.\n", encoding="utf-8")
    diff = run("fix", "--diff", given.format(cwd=tmp_path)).stdout_bytes
    assert diff.startswith(b"--- a/sub/page.txt\n+++ b/sub/page.txt\n@@ ")
    if shutil.which("git"):
        subprocess.run(["git", "apply", "-"], input=diff, check=True, capture_output=True)
        assert Path("sub/page.txt").read_text(encoding="utf-8") == "White blood cells.\n"


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("tab\tname.txt", b'"a/tab\\tname.txt"'),
        ('quote".txt', b'"a/quote\\".txt"'),
        ("back\\slash.txt", b'"a/back\\\\slash.txt"'),
        ("bell\x07.txt", b'"a/bell\\007.txt"'),
        ("plain name.txt", b"a/plain name.txt"),
    ],
)
def test_fix_diff_quotes_a_file_name_as_git_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, written: bytes
) -> None:
    """A tab (or a quote, a backslash, a control character) in a name would end or garble it
    for ``git apply``: git writes such a name in double quotes with C escapes, and so does the
    diff."""
    monkeypatch.chdir(tmp_path)
    Path(name).write_text("White platelets.\n", encoding="utf-8")
    diff = run("fix", "--diff", name).stdout_bytes
    assert diff.startswith(b"--- " + written + b"\n")
    if shutil.which("git"):
        subprocess.run(["git", "apply", "-"], input=diff, check=True, capture_output=True)
        assert Path(name).read_text(encoding="utf-8") == "White blood cells.\n"


def test_fix_stdin_to_stdout() -> None:
    result = run("fix", "-", stdin=SPUN.encode())
    assert result.stdout == FIXED
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("raw", "options", "error"),
    [
        (b"white\x00platelets", (), "binary file (contains NUL bytes), skipped"),
        ("Leukämie, white platelets".encode("latin-1"), (), "not valid utf-8 at byte 4"),
        (b"white platelets", ("--encoding", "nope"), "unknown encoding 'nope'"),
        (b"white platelets", ("--encoding", "base64"), "'base64' is not a text encoding"),
    ],
)
def test_fix_stdin_passes_on_what_it_cannot_check(
    raw: bytes, options: tuple[str, ...], error: str
) -> None:
    """An editor that pipes its buffer through ``fixer fix -`` must not get it back empty."""
    result = run("fix", *options, "-", stdin=raw)
    assert (result.exit_code, result.stdout_bytes) == (2, raw)
    assert result.stderr.startswith(f"-: error: {error}")
    assert run("fix", "--diff", *options, "-", stdin=raw).stdout_bytes == b"", "no diff"


def test_unsafe_fixes_need_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_text("They got designated treatment.\n", encoding="utf-8")
    result = run("fix", str(path))
    assert result.exit_code == 1, "a remaining warning fails"
    assert "designated treatment → targeted therapy" in result.stderr
    assert path.read_text(encoding="utf-8") == "They got designated treatment.\n"
    run("fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == "They got targeted therapy.\n"


def test_fix_reports_what_it_leaves_of_a_spun_text_as_spun(tmp_path: Path) -> None:
    """Once its garbles are fixed, a spun article no longer reads as spun; what the fix left
    is still checked as the spun text it was, so a weaker reading shown only (fix none) is
    reported, not lost."""
    path = tmp_path / "s.txt"
    path.write_text(
        "White platelets, lymph center points and a focal sensory framework. "
        "He has a lingering condition.\n",
        encoding="utf-8",
    )
    result = run("fix", "--unsafe-fixes", "--fail-on", "info", str(path))
    assert result.exit_code == 1
    assert "lingering condition → chronic condition" in result.stderr
    assert "lingering condition" in path.read_text(encoding="utf-8")
    assert run("check", str(path)).exit_code == 0, "alone, the fixed text reads as clean"


def test_stdin_filename_sets_name_and_syntax() -> None:
    text = b"`white platelets` and white platelets\n"
    result = run("check", "--stdin-filename", "page.md", "-", stdin=text)
    assert result.stdout.splitlines()[0].startswith("page.md:1:23: FX001")
    assert result.stdout.count("FX001") == 1


def test_version_names_the_lexicon() -> None:
    result = run("--version")
    assert result.stdout.startswith("fixer 0.1.0 (lexicon ")
    assert "entries)" in result.stdout


def test_help_has_examples() -> None:
    assert "fixer fix --diff article.md" in run("--help").stdout


def test_usage_error_exits_2() -> None:
    assert run("check").exit_code == 2
    assert run("check", "--format", "xml", "x").exit_code == 2


def test_bad_user_lexicon_is_a_usage_error(tmp_path: Path, spun: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tgarble\n", encoding="utf-8")
    result = run("check", "--lexicon", str(bad), str(spun))
    assert result.exit_code == 2
    assert f"{bad}:1: header must be" in result.stderr


@pytest.mark.parametrize(
    "command", [["check"], ["check", "--jobs", "2"], ["fix", "--diff"], ["scan"]], ids=" ".join
)
def test_a_lexicon_taking_builtin_ids_is_warned_about_once(
    tmp_path: Path, command: list[str]
) -> None:
    """As an import numbered DI0001… did: one line for the file, however many files and jobs."""
    lexicon = tmp_path / "import.tsv"
    lexicon.write_text(
        "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
        "DI0001\tgrip atom\tadhesion molecule\tdisease\twarning\tsafe\t\tPPS:3\tgrip atom\n",
        encoding="utf-8",
    )
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(SPUN, encoding="utf-8")
    result = run(
        *command, "--lexicon", str(lexicon), str(tmp_path / "a.md"), str(tmp_path / "b.md")
    )
    assert [line for line in result.stderr.splitlines() if line.startswith(str(lexicon))] == [
        f"{lexicon}: warning: 1 id is taken from entries for other garbles (DI0001), which are "
        "dropped; give these entries ids of their own"
    ]


def test_jobs_give_identical_results_in_the_same_order(tmp_path: Path) -> None:
    for index in range(20):
        text = SPUN if index % 3 else "Clean text.\n"
        (tmp_path / f"doc{index:02d}.md").write_text(text, encoding="utf-8")
    (tmp_path / "doc05.md").write_bytes(b"\x00binary")
    outputs = [
        run("check", "--format", "json", "--jobs", jobs, str(tmp_path)) for jobs in ("1", "2")
    ]
    assert outputs[0].stdout == outputs[1].stdout
    assert outputs[0].exit_code == outputs[1].exit_code == 2
    assert outputs[0].stderr == outputs[1].stderr
    result = run("fix", "--jobs", "2", str(tmp_path))
    assert result.exit_code == 2
    assert (tmp_path / "doc01.md").read_text(encoding="utf-8") == FIXED


def test_no_progress_output_when_not_on_a_terminal(tmp_path: Path) -> None:
    for index in range(25):
        (tmp_path / f"d{index}.txt").write_text("Clean.\n", encoding="utf-8")
    result = run("check", "--jobs", "1", str(tmp_path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fixer.cli

    for index in range(25):
        (tmp_path / f"d{index}.txt").write_text("Clean.\n", encoding="utf-8")
    shown = []

    class Bar:
        def __init__(self, length: int, **_: object) -> None:
            shown.append(length)

        def __enter__(self):
            return self

        def __exit__(self, *_: object) -> None:
            return None

        def update(self, step: int) -> None:
            shown.append(step)

    monkeypatch.setattr(fixer.cli.sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(fixer.cli.click, "progressbar", Bar)
    results = fixer.cli._with_progress(iter(range(25)), 25)  # type: ignore[arg-type]
    assert len(results) == 25 and shown == [25] + [1] * 25


def test_the_command_as_a_process_delivers_all_output_and_its_exit_code(tmp_path: Path) -> None:
    """``python -m fixer`` leaves without tearing the interpreter down (``console``): every
    byte printed, every file written and the exit code must still arrive."""
    many = tmp_path / "many.md"
    many.write_text(SPUN * 3000, encoding="utf-8")  # 6,000 findings: more than a pipe buffer
    checked = subprocess.run(
        [sys.executable, "-m", "fixer", "check", "--format", "json", str(many)],
        capture_output=True,
        timeout=300,
    )
    assert checked.returncode == 1
    assert checked.stdout.decode() == run("check", "--format", "json", str(many)).stdout
    fixed = subprocess.run(
        [sys.executable, "-m", "fixer", "fix", str(many)], capture_output=True, timeout=300
    )
    assert (fixed.returncode, many.read_text(encoding="utf-8")) == (1, FIXED * 3000)
    assert fixed.stderr.decode() == f"{many}: applied 6000 fixes\n"
    piped = subprocess.run(
        [sys.executable, "-m", "fixer", "fix", "-"], input=SPUN.encode(), capture_output=True
    )
    assert (piped.returncode, piped.stdout.decode()) == (1, FIXED)
    closed = subprocess.run(  # started with no standard output at all
        f"{shlex.quote(sys.executable)} -m fixer check --exit-zero {shlex.quote(str(many))} >&-",
        shell=True,
        capture_output=True,
        timeout=300,
    )
    assert (closed.returncode, closed.stderr.decode()) == (0, "")
