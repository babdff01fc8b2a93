"""Text out of manuscripts (.pdf, .docx): extraction, page/paragraph locations and bad files.

Every fixture is generated here: PDFs are written by hand (no library needed to make them),
DOCX files with python-docx. Tests that need the "manuscripts" extra skip without it.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from pathlib import Path

import pytest

from fixer.extract import MANUSCRIPT_SUFFIXES, Extracted, extract
from fixer.files import InputError

PAGE_1 = "Leukaemia is a cancer of the blood."
PAGE_2 = "white platelets in the bone marrow"


def make_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF: Helvetica text on each page, a line for each "\n", xref offsets
    computed."""
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, text in enumerate(pages):
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        lines = " T* ".join(f"({line}) Tj" for line in escaped.split("\n"))
        stream = f"BT /F1 12 Tf 14 TL 72 720 Td {lines} ET".encode("latin-1") if text else b""
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def encrypted_pdf(user_password: str) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(io.BytesIO(make_pdf([PAGE_2]))).pages[0])
    writer.encrypt(user_password, "owner secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx() -> bytes:
    """Heading, paragraphs, an empty paragraph, a table (one merged cell) and a last paragraph."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Complete blood count", level=1)  # paragraph 1
    document.add_paragraph("A CBC measures the cells in your blood.")  # 2
    document.add_paragraph("")  # empty: not counted
    document.add_paragraph("Low white platelets can mean an infection.")  # 3
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Test"  # 4
    table.cell(0, 1).text = "red platelets count"  # 5
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "merged cell, read once"  # 6
    document.add_paragraph("Ask your doctor about the results.")  # 7
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_input_error(path: Path, message: str) -> str:
    """The file is refused with a one-line message starting with ``message``; returns it."""
    with pytest.raises(InputError) as caught:
        extract(path)
    text = str(caught.value)
    assert text.startswith(message), text
    assert "\n" not in text
    return text


# Extracted.where


def test_where_maps_offsets_to_units() -> None:
    extracted = Extracted("ab\n\ncd\n\nef", (0, 4, 8), "page")
    assert [extracted.where(i) for i in (0, 1, 2, 3)] == ["page 1"] * 4  # separator: unit before
    assert [extracted.where(i) for i in (4, 7, 8, 9)] == ["page 2", "page 2", "page 3", "page 3"]
    assert extracted.where(-1) == "page 1"
    assert extracted.where(10_000) == "page 3"
    assert Extracted("", (), "paragraph").where(0) == "paragraph 1"


def test_suffixes() -> None:
    assert MANUSCRIPT_SUFFIXES == (".pdf", ".docx")
    with pytest.raises(ValueError, match="not a manuscript format"):
        extract(Path("notes.txt"))


# PDF


def test_pdf_pages(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    extracted = extract(write(tmp_path, "paper.pdf", make_pdf([PAGE_1, PAGE_2])))
    assert extracted.unit == "page"
    assert PAGE_1 in extracted.text
    assert PAGE_2 in extracted.text
    assert extracted.text.index(PAGE_1) < extracted.text.index(PAGE_2)
    assert len(extracted.starts) == 2
    assert extracted.starts[0] == 0
    assert extracted.text[extracted.starts[1] - 2 : extracted.starts[1]] == "\n\n"
    assert extracted.where(extracted.text.index("white platelets")) == "page 2"
    assert extracted.where(extracted.text.index("cancer")) == "page 1"


def test_pdf_empty_page_keeps_page_numbers(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    extracted = extract(write(tmp_path, "PAPER.PDF", make_pdf([PAGE_1, "", PAGE_2])))
    assert len(extracted.starts) == 3
    assert extracted.where(extracted.text.index("white platelets")) == "page 3"


@pytest.mark.parametrize("pages", [["", ""], []])
def test_pdf_without_text_is_an_input_error(tmp_path: Path, pages: list[str]) -> None:
    """A scan with no text layer (or a PDF of no pages) would otherwise read as a clean
    manuscript."""
    pytest.importorskip("pypdf")
    message = assert_input_error(write(tmp_path, "scan.pdf", make_pdf(pages)), "no text in")
    assert "OCR" in message


def test_pdf_words_hyphenated_at_line_ends_are_joined(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    pages = ["The white plate-\nlets of the focal sen-\nsory system; they self-\nisolated."]
    text = extract(write(tmp_path, "typeset.pdf", make_pdf(pages))).text
    assert "white platelets of the focal sensory system" in text
    assert "self-isolated" in text  # "selfisolated" is no word: the hyphen stays


def test_joined_lines_know_every_hyphen() -> None:
    from fixer.extract import _joined_lines

    text = "white plate\u2010\nlets, plate\u00ad\nlets and self\u2010\r\nisolated"
    assert _joined_lines(text) == "white platelets, platelets and self\u2010isolated"


def test_pdf_text_with_parentheses(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    text = "white platelets (leukocytes) \\ marrow"
    assert text in extract(write(tmp_path, "p.pdf", make_pdf([text]))).text


def test_encrypted_pdf_is_skipped(tmp_path: Path) -> None:
    assert_input_error(write(tmp_path, "locked.pdf", encrypted_pdf("secret")), "encrypted PDF")
    with pytest.raises(InputError, match=r"^encrypted PDF, skipped$"):
        extract(tmp_path / "locked.pdf")


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    extracted = extract(write(tmp_path, "restricted.pdf", encrypted_pdf("")))
    assert PAGE_2 in extracted.text


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4 garbage", b"", b"not a pdf at all", b"%PDF-1.7\n" + bytes(range(256)) * 4],
)
def test_broken_pdf(tmp_path: Path, data: bytes) -> None:
    pytest.importorskip("pypdf")
    assert_input_error(write(tmp_path, "broken.pdf", data), "not a readable PDF: ")


def test_damaged_pdfs_never_raise_anything_else(tmp_path: Path) -> None:
    """Truncated or byte-flipped PDFs are read as far as possible or refused with InputError."""
    pytest.importorskip("pypdf")
    good = make_pdf([PAGE_1, PAGE_2])
    rng = random.Random(0)
    damaged = [good[:cut] for cut in range(0, len(good), 37)]
    for _ in range(60):
        data = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        damaged.append(bytes(data))
    path = tmp_path / "damaged.pdf"
    for data in damaged:
        path.write_bytes(data)
        try:
            extract(path)
        except InputError as error:
            assert "\n" not in str(error)


# DOCX


def test_docx_paragraphs_and_table_cells(tmp_path: Path) -> None:
    extracted = extract(write(tmp_path, "paper.docx", make_docx()))
    assert extracted.unit == "paragraph"
    assert extracted.text.split("\n\n") == [
        "Complete blood count",
        "A CBC measures the cells in your blood.",
        "Low white platelets can mean an infection.",
        "Test",
        "red platelets count",
        "merged cell, read once",
        "Ask your doctor about the results.",
    ]
    assert extracted.where(extracted.text.index("white platelets")) == "paragraph 3"
    assert extracted.where(extracted.text.index("red platelets")) == "paragraph 5"
    assert extracted.where(extracted.text.index("Ask your doctor")) == "paragraph 7"
    assert extracted.where(0) == "paragraph 1"


def test_docx_suffix_is_case_insensitive(tmp_path: Path) -> None:
    assert "white platelets" in extract(write(tmp_path, "PAPER.DOCX", make_docx())).text


def test_empty_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    out = io.BytesIO()
    docx.Document().save(out)
    extracted = extract(write(tmp_path, "empty.docx", out.getvalue()))
    assert extracted == Extracted("", (), "paragraph")


def zip_bytes(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        random.Random(1).randbytes(2048),
        b"",
        zip_bytes({"hello.txt": "not a Word file"}),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),  # an old .doc or encrypted Office file
    ],
    ids=["random-bytes", "empty", "zip-without-word-parts", "ole-container"],
)
def test_broken_docx(tmp_path: Path, data: bytes) -> None:
    pytest.importorskip("docx")
    assert_input_error(write(tmp_path, "broken.docx", data), "not a readable DOCX file: ")


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    good = zipfile.ZipFile(io.BytesIO(make_docx()))
    files = {name: good.read(name).decode("utf-8", "replace") for name in good.namelist()}
    files["word/document.xml"] = files["word/document.xml"][:300]
    assert_input_error(write(tmp_path, "broken.docx", zip_bytes(files)), "not a readable DOCX")


def test_damaged_docx_never_raises_anything_else(tmp_path: Path) -> None:
    good = make_docx()
    path = tmp_path / "damaged.docx"
    for cut in range(0, len(good), 211):
        path.write_bytes(good[:cut])
        assert_input_error(path, "not a readable DOCX file: ")


# Files that cannot be read at all, and the optional extra


def test_missing_and_directory(tmp_path: Path) -> None:
    assert_input_error(tmp_path / "missing.pdf", "no such file or directory")
    (tmp_path / "folder.docx").mkdir()
    assert_input_error(tmp_path / "folder.docx", "is a directory")


@pytest.mark.parametrize(("suffix", "module"), [(".pdf", "pypdf"), (".docx", "docx")])
def test_missing_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, module: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    path = write(tmp_path, "paper" + suffix, b"whatever")
    with pytest.raises(InputError) as caught:
        extract(path)
    assert str(caught.value) == (
        f"reading {suffix} needs the manuscripts extra: pip install 'fixer[manuscripts]'"
    )
