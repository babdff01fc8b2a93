"""GitLab code quality reports: the JSON array that a CI job's ``codequality`` artifact holds,
which merge requests show beside the diff."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from fixer.baseline import fingerprints
from fixer.model import Severity
from fixer.report import Located, change
from fixer.runner import plain_name

#: GitLab's severities are info, minor, major, critical and blocker.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def to_gitlab(items: Sequence[Located]) -> str:
    """One issue per finding. A path is relative to the current folder, without "./" (GitLab
    matches it against the repository's files), so run fixer from the repository's root.
    A fingerprint hashes the finding's identity as baselines know it (``finding_keys``: file,
    rule, entry, words with white space folded, and rank among findings alike), so that GitLab
    tells new findings from old ones however the lines around them move or wrap."""
    prints = fingerprints(items, _repository_path)
    issues = [
        {
            "description": f"{change(item.finding)} ({item.finding.message})",
            "check_name": item.finding.rule.code,
            "fingerprint": fingerprint,
            "severity": _SEVERITY[item.finding.severity],
            "location": {
                "path": _repository_path(item.path),
                "lines": {"begin": item.line, "end": item.end_line},
            },
        }
        for item, fingerprint in zip(items, prints, strict=True)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2)


def _repository_path(name: str) -> str:
    """A file as GitLab names it: relative, with forward slashes and no "./"."""
    return Path(plain_name(name)).as_posix()
