"""Reading and writing files without losing a byte (encodings, BOMs, atomic replace)."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from fixer.files import InputError, decode, read_document, write_atomic

TEXT = "Leukämie: white platelets\r\nand more\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decode_and_encode_round_trip(raw: bytes, encoding: str) -> None:
    document = decode("x.txt", raw)
    assert document.text == TEXT
    assert document.encoding == encoding
    assert document.encode(document.text) == raw


def test_latin1_is_refused_without_encoding_and_read_with_it() -> None:
    raw = TEXT.encode("latin-1")
    with pytest.raises(InputError, match="not valid utf-8 at byte 4; pass --encoding"):
        decode("x.txt", raw)
    document = decode("x.txt", raw, encoding="latin-1")
    assert document.text == TEXT
    assert document.encode(TEXT) == raw


@pytest.mark.parametrize(
    ("raw", "codec"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("latin-1"), "iso8859-1"),  # not UTF-8: the next one named
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),  # a BOM still wins
    ],
)
def test_several_encodings_are_tried_in_order(raw: bytes, codec: str) -> None:
    """A folder of submissions holds UTF-8 and Latin-1 files alike: each is read, and written
    back, in the first encoding named that reads it."""
    document = decode("x.txt", raw, "utf-8, latin-1")
    assert (document.text, document.encoding) == (TEXT, codec)
    assert document.encode(TEXT) == raw


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("utf-8,latn1", "unknown encoding 'latn1'"),
        ("hex,latin-1", "'hex' is not a text encoding"),
        ("utf-8,rot13", "'rot-13' is not a text encoding"),
    ],
)
def test_a_bad_encoding_among_several_is_an_error(encoding: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode("x.txt", b"abc", encoding)


@pytest.mark.parametrize("encoding", [None, "utf-8", "latin-1", "utf-8,latin-1"])
def test_binary_is_refused(encoding: str | None) -> None:
    with pytest.raises(InputError, match="binary file"):
        decode("x.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00", encoding)


@pytest.mark.parametrize(
    ("encoding", "codec"),
    [
        ("utf-16", "utf-16-le"),
        ("UTF16", "utf-16-le"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-32", "utf-32-le"),
        ("utf-32-be", "utf-32-be"),
    ],
)
def test_a_named_wide_encoding_reads_nul_bytes_as_text(encoding: str, codec: str) -> None:
    """UTF-16 and UTF-32 text without a BOM is full of NUL bytes: not binary when named."""
    raw = TEXT.encode(codec)
    document = decode("x.txt", raw, encoding)
    assert (document.text, document.encoding) == (TEXT, codec)
    assert document.encode(TEXT) == raw


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("nope", "unknown encoding 'nope'"),
        ("base64", "'base64' is not a text encoding"),
        ("hex", "'hex' is not a text encoding"),
        ("rot13", "'rot-13' is not a text encoding"),
    ],
)
def test_unknown_or_non_text_encoding_is_a_clear_error(encoding: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode("x.txt", b"abc", encoding=encoding)


def test_missing_and_directory_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^no such file or directory$"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)
    (tmp_path / "link.md").symlink_to(tmp_path / "gone.md")
    with pytest.raises(InputError, match=r"^broken symbolic link$"):
        read_document(tmp_path / "link.md")


def _document(path: Path, content: bytes):
    path.write_bytes(content)
    return read_document(path)


def test_write_keeps_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    document = _document(path, b"old\r\n")
    path.chmod(0o640)
    write_atomic(path, document, "new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["a.txt"]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_write_keeps_owner_and_group(tmp_path: Path) -> None:
    """Root fixing a user's file leaves it the user's."""
    path = tmp_path / "a.txt"
    document = _document(path, b"old")
    os.chown(path, 65534, 65534)
    path.chmod(0o640)
    write_atomic(path, document, "new")
    status = path.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (65534, 65534, 0o640)


def test_write_goes_on_when_the_owner_cannot_be_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only root may give a file away: for anyone else the refusal is no error."""
    path = tmp_path / "a.txt"
    document = _document(path, b"old")

    def refuse(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", refuse)
    write_atomic(path, document, "new")
    assert path.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_write_follows_symlink_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "target.md"
    link = tmp_path / "link.md"
    document = _document(target, b"old")
    link.symlink_to(target)
    write_atomic(link, document, "new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"


def test_file_changed_since_reading_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    document = _document(path, b"old")
    path.write_bytes(b"someone else's edit")
    with pytest.raises(InputError, match="changed while fixer was working"):
        write_atomic(path, document, "new")
    assert path.read_bytes() == b"someone else's edit"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_before_rename_keeps_original(tmp_path: Path, failure: BaseException) -> None:
    path = tmp_path / "a.txt"
    document = _document(path, b"original")

    def failing_replace(_source: str, _target: str) -> None:
        raise failure

    with pytest.raises((InputError, KeyboardInterrupt)):
        write_atomic(path, document, "new", replace=failing_replace)
    assert path.read_bytes() == b"original"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    document = _document(path, b"old")
    path.chmod(0o444)
    with pytest.raises(InputError, match="read-only"):
        write_atomic(path, document, "new")
    assert path.read_bytes() == b"old"


def test_a_file_this_user_may_not_write_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone else's file with its owner's write bit set: the folder may let us replace it by
    a rename, but its permissions say we may not write it. (Root may write any file, so the
    answer is injected.)"""
    path = tmp_path / "a.txt"
    document = _document(path, b"old")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode))
    with pytest.raises(InputError, match="read-only"):
        write_atomic(path, document, "new")
    assert path.read_bytes() == b"old"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    document = _document(path, b"old")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(InputError, match="cannot write"):
            write_atomic(path, document, "new")
    finally:
        tmp_path.chmod(0o700)
    assert path.read_bytes() == b"old"


def test_read_only_folder_is_a_clear_error_whoever_runs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root can write anywhere, so the folder's refusal is injected at the seam instead."""
    import tempfile

    path = tmp_path / "a.txt"
    document = _document(path, b"old")

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(InputError, match="cannot write: Permission denied"):
        write_atomic(path, document, "new")
    assert path.read_bytes() == b"old"


def test_fix_writes_only_the_given_files_and_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from fixer.cli import cli

    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.md").write_text("White platelets.\n", encoding="utf-8")
    (site / "b.md").write_text("Clean.\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("FIXER_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    before = {p: p.stat().st_mtime_ns for p in site.iterdir()}
    CliRunner().invoke(cli, ["fix", str(site)])
    after = {p: p.stat().st_mtime_ns for p in site.iterdir()}
    assert set(after) == set(before), "no stray files beside the fixed ones"
    assert after[site / "b.md"] == before[site / "b.md"], "an unchanged file is not rewritten"
    # (The cache may already be warm in this process, so it need not be written now.)
    assert {p.name for p in tmp_path.iterdir()} <= {"cache", "site"}
    assert all(p.parent == cache / "fixer" for p in cache.rglob("*") if p.is_file())
