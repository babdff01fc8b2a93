"""Golden files for whole documents: the samples' check output and their fixed text.

``samples/fixed/`` holds what a reader expects after ``fixer fix --unsafe-fixes`` (written by
hand); ``tests/golden/*.check.txt`` holds ``fixer check`` output. Regenerate the latter with
``FIXER_UPDATE_GOLDEN=1`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fixer import check_text, fix_text
from fixer.markup import syntax_for
from fixer.report import locate, text_line

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(
    p for p in (ROOT / "samples").iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md"
)
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_golden_fixed_text(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    expected = (sample.parent / "fixed" / sample.name).read_text(encoding="utf-8")
    fixed = fix_text(text, syntax=syntax_for(sample.name), unsafe=True)
    assert fixed == expected
    assert fix_text(fixed, syntax=syntax_for(sample.name), unsafe=True) == fixed


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_golden_check_output(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    name = f"samples/{sample.name}"
    lines = [
        text_line(item)
        for item in locate(name, text, check_text(text, syntax=syntax_for(sample.name)))
    ]
    output = "".join(line + "\n" for line in lines)
    golden = GOLDEN / f"{sample.name}.check.txt"
    if os.environ.get("FIXER_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")
