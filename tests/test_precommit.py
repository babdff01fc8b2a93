"""End to end with the real pre-commit tool: it installs this repository as a hook (with pip,
not in editable mode), the checking hook fails on a spun file, and the fixing hook corrects it."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPUN = "# Leukemia\n\nLeukemia crowds out white platelets in the bone marrow.\n"
FIXED = "# Leukemia\n\nLeukemia crowds out white blood cells in the bone marrow.\n"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None
    or shutil.which("git") is None
    or not (ROOT / ".git").exists(),
    reason="needs pre-commit, git and a git checkout of fixer",
)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def try_repo(cwd: Path, hook: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", "article.md"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hooks_fail_on_spun_text_and_fix_it(tmp_path: Path) -> None:
    project = tmp_path / "site"
    project.mkdir()
    git(project, "init", "-q")
    (project / "article.md").write_text(SPUN, encoding="utf-8")
    git(project, "add", "article.md")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }

    checked = try_repo(project, "fixer", env)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "article.md:3:21: FX001 [*] white platelets → white blood cells" in checked.stdout

    fixed = try_repo(project, "fixer-fix", env)
    assert fixed.returncode == 1, "pre-commit fails a hook that modified files"
    assert (project / "article.md").read_text(encoding="utf-8") == FIXED

    git(project, "add", "article.md")
    again = try_repo(project, "fixer", env)
    assert again.returncode == 0, again.stdout + again.stderr
