"""GitLab code quality reports: the JSON array that a CI job's ``codequality`` artifact holds,
which merge requests show beside the diff."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from fixer.model import Severity
from fixer.report import Located, change
from fixer.runner import plain_name

#: GitLab's severities are info, minor, major, critical and blocker.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def to_gitlab(items: Sequence[Located]) -> str:
    """One issue per finding. A path is relative to the current folder, without "./" (GitLab
    matches it against the repository's files), so run fixer from the repository's root.
    A fingerprint identifies a finding across runs by its file, rule, entry and words, and by
    its place among findings alike (a file may garble "white blood cells" three times), so
    that GitLab tells new findings from old ones however the lines around them move."""
    seen: Counter[str] = Counter()
    issues = []
    for item in items:
        finding = item.finding
        path = Path(plain_name(item.path)).as_posix()
        # The words as written, white space folded as baselines fold it: a line wrapped
        # anew between them does not make an old finding look new.
        found = " ".join(finding.text.split())
        key = f"{path}\0{finding.rule.code}\0{finding.entry_id}\0{found.lower()}"
        seen[key] += 1
        fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32]
        issues.append(
            {
                "description": f"{change(finding)} ({finding.message})",
                "check_name": finding.rule.code,
                "fingerprint": fingerprint,
                "severity": _SEVERITY[finding.severity],
                "location": {
                    "path": path,
                    "lines": {"begin": item.line, "end": item.end_line},
                },
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)
