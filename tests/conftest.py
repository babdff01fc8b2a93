"""Shared fixtures: paths to the project's own data and, when present, the shared corpora."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis profiles: `dev` for quick local runs, `ci` (scripts/test.sh) for the 10,000
# examples the project promises, `long` for an occasional deep run:
#   HYPOTHESIS_PROFILE=long bash scripts/test.sh -k properties
settings.register_profile("dev", max_examples=300, deadline=None)
settings.register_profile("ci", max_examples=10_000, deadline=None, print_blob=True)
settings.register_profile("long", max_examples=100_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Tests never touch the user's own cache directory, and leave no cache of their own behind
# (each run would otherwise leave about 50 MB in the temporary folder).
_TEST_CACHE = tempfile.mkdtemp(prefix="fixer-test-cache-")
os.environ["XDG_CACHE_HOME"] = _TEST_CACHE
atexit.register(shutil.rmtree, _TEST_CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_file(*parts: str) -> Path:
    """A file under ``../shared``; the test is skipped when the project is cloned alone."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is not beside this checkout)")
    return path
