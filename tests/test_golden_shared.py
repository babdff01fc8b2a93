"""Golden check output for the shared seed article and clean abstracts (skipped without
``../shared``): any change in what fixer finds there shows up as a diff to review.
Regenerate with ``FIXER_UPDATE_GOLDEN=1``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import shared_file

from fixer import check_text
from fixer.report import locate, text_line

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize(
    ("parts", "golden"),
    [
        (("seed", "000_190b17c32574a135.txt"), "seed.check.txt"),
        (("corpora", "ncbi_disease", "abstracts-test.txt"), "abstracts-test.check.txt"),
    ],
)
def test_shared_golden(parts: tuple[str, ...], golden: str) -> None:
    text = shared_file(*parts).read_text(encoding="utf-8")
    items = locate(parts[-1], text, check_text(text))
    output = "".join(text_line(item) + "\n" for item in items)
    path = GOLDEN / golden
    if os.environ.get("FIXER_UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8")
