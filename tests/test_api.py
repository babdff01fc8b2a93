"""The Python API: the documented examples run, and the API is what the command line uses."""

from __future__ import annotations

import doctest

import pytest

import fixer
import fixer.engine
from fixer import check_text, fix_text


@pytest.mark.parametrize("module", [fixer, fixer.engine], ids=lambda m: m.__name__)
def test_docstring_examples_run(module) -> None:
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0


def test_check_text_options() -> None:
    text = "White platelets and the focal sensory system (CNS). Taking everything into account."
    assert {f.rule.code for f in check_text(text)} == {"FX001", "FX002"}
    assert [f.text for f in check_text(text, ignore=["FX002", "AN0001"])] == [
        "focal sensory system"
    ]
    assert [f.rule.code for f in check_text(text, select=["general-wording"])] == ["FX002"]
    assert check_text(text, builtin=False, detectors=("lexicon",)) == []


def test_fix_text_is_what_fixer_fix_does(tmp_path) -> None:
    from click.testing import CliRunner

    from fixer.cli import cli

    text = "They got designated treatment for white platelets.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    CliRunner().invoke(cli, ["fix", "--unsafe-fixes", str(path)])
    assert path.read_text(encoding="utf-8") == fix_text(text, unsafe=True)
