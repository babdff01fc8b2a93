"""Golden files for Markdown and HTML: what is found, and the fixed document, markup intact.

``tests/golden/markup/page.*`` are inputs; ``*.check.txt`` and ``page.fixed.*`` are the
expected check output and ``fixer fix --unsafe-fixes`` result. Regenerate with
``FIXER_UPDATE_GOLDEN=1`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fixer import check_text, fix_text
from fixer.markup import syntax_for
from fixer.report import locate, text_line

GOLDEN = Path(__file__).resolve().parent / "golden" / "markup"
PAGES = [GOLDEN / "page.md", GOLDEN / "page.html"]


def compare(path: Path, actual: str) -> None:
    if os.environ.get("FIXER_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_check_output(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    items = locate(page.name, text, check_text(text, syntax=syntax_for(page.name)))
    compare(GOLDEN / f"{page.name}.check.txt", "".join(text_line(i) + "\n" for i in items))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_fixed_document(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    fixed = fix_text(text, syntax=syntax_for(page.name), unsafe=True)
    compare(GOLDEN / f"page.fixed{page.suffix}", fixed)
    assert fix_text(fixed, syntax=syntax_for(page.name), unsafe=True) == fixed
