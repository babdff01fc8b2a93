"""End to end with the real pre-commit tool: it installs this repository as a hook (with pip,
not in editable mode), the checking hook fails on spun files, and the fixing hook corrects them,
each in its own syntax."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fixer.markup import syntax_for

ROOT = Path(__file__).resolve().parent.parent
SPUN = "# Leukemia\n\nLeukemia crowds out white platelets in the bone marrow.\n"
FIXED = "# Leukemia\n\nLeukemia crowds out white blood cells in the bone marrow.\n"
# identify tags .xhtml as html: the hooks pass it, and its script and attributes are no prose.
PAGE = (
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><script>var label = "white platelets";'
    '</script></head>\n<body><p title="white platelets">White platelets fight.</p></body></html>\n'
)
FIXED_PAGE = PAGE.replace(">White platelets", ">White blood cells")
FILES = {"article.md": (SPUN, FIXED), "page.xhtml": (PAGE, FIXED_PAGE)}
#: The syntax fixer must read each type that the hooks' ``types_or`` names.
HOOK_TYPES = {"markdown": "markdown", "html": "html", "rst": "rst", "plain-text": "text"}

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
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *FILES],
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
    for name, (spun, _) in FILES.items():
        (project / name).write_text(spun, encoding="utf-8")
    git(project, "add", *FILES)
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
    page = [line.split(" ")[0] for line in checked.stdout.splitlines() if "page.xhtml:" in line]
    assert page == ["page.xhtml:2:34:"], "the text is checked, not the script or the attribute"

    fixed = try_repo(project, "fixer-fix", env)
    assert fixed.returncode == 1, "pre-commit fails a hook that modified files"
    for name, (_, fixed_text) in FILES.items():
        assert (project / name).read_text(encoding="utf-8") == fixed_text

    git(project, "add", *FILES)
    again = try_repo(project, "fixer", env)
    assert again.returncode == 0, again.stdout + again.stderr


def test_every_file_type_the_hooks_pass_is_read_in_its_syntax() -> None:
    """pre-commit picks files by identify's tags: every suffix and file name that identify gives
    one of the hooks' types must be one fixer reads in that syntax (".xhtml" is HTML, not plain
    text; an extensionless "README" or "NEWS" is plain text)."""
    import yaml
    from identify import extensions

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [set(hook["types_or"]) for hook in hooks] == [set(HOOK_TYPES)] * len(hooks)
    for tag, syntax in HOOK_TYPES.items():
        names = [f"page.{suffix}" for suffix, tags in extensions.EXTENSIONS.items() if tag in tags]
        names += [name for name, tags in extensions.NAMES.items() if tag in tags]
        assert names, tag
        assert {name: syntax_for(name) for name in names} == dict.fromkeys(names, syntax)
