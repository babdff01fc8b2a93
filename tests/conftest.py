"""Shared fixtures: paths to the project's own data and, when present, the shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_file(*parts: str) -> Path:
    """A file under ``../shared``; the test is skipped when the project is cloned alone."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is not beside this checkout)")
    return path
