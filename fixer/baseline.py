"""Baselines: adopt fixer on an existing site without fixing everything first.

``fixer check --write-baseline .fixer-baseline.json`` records today's findings; later runs with
``--baseline .fixer-baseline.json`` report only findings that are not in it. A finding is
identified by its file (named from the baseline's folder, so that any name of the file matches,
from any current folder), rule, entry and the garble as written (whitespace and case folded),
plus its rank among identical findings in that file, so that edits elsewhere in the file (moved
lines, new paragraphs) do not make old findings look new, while a second copy of a garble does.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from fixer.files import write_output
from fixer.report import Located

FORMAT = 2  # files named from the baseline's folder; format 1 named them as given


def _relative(path: str, folder: Path) -> str:
    """``path`` as seen from ``folder``, resolved, so that every name of a file gives one key:
    "content/a.md" from the site, "./a.md" from ``content/``, or an absolute path."""
    return Path(os.path.relpath(Path(path).resolve(), folder)).as_posix()


def finding_keys(items: Sequence[Located], name: Callable[[str], str]) -> list[str]:
    """Each finding's identity across runs, as this module's docstring describes it: its file
    (as ``name`` names the path), rule, entry, garble as written and rank among identical
    findings, joined by tabs. GitLab reports fingerprint findings by it too."""
    seen: Counter[tuple[str, ...]] = Counter()
    keys = []
    for item in items:
        finding = item.finding
        base = (
            name(item.path),
            finding.rule.code,
            finding.entry_id,
            " ".join(finding.text.lower().split()),
        )
        seen[base] += 1
        keys.append("\t".join((*base, str(seen[base]))))
    return keys


def fingerprints(items: Sequence[Located], name: Callable[[str], str]) -> list[str]:
    """A hash of each finding's identity (``finding_keys``), as SARIF and GitLab reports give
    code-scanning services to tell new findings from old ones."""
    return [hashlib.sha256(key.encode()).hexdigest()[:32] for key in finding_keys(items, name)]


def _keys(items: Sequence[Located], baseline: Path) -> list[str]:
    folder = baseline.parent.resolve()
    return finding_keys(items, lambda path: _relative(path, folder))


def write_baseline(path: Path, items: Sequence[Located]) -> None:
    """Record ``items`` in ``path``; ``InputError`` if it cannot be written."""
    document = {"format": FORMAT, "tool": "fixer", "findings": sorted(_keys(items, path))}
    write_output(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def read_baseline(path: Path) -> frozenset[str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"{path}: cannot read baseline: {error}") from None
    if not _is_baseline(document):
        raise ValueError(f"{path}: not a fixer baseline (format {FORMAT})")
    keys = document["findings"]
    return frozenset(_from_format_1(keys, path) if document["format"] == 1 else keys)


def _is_baseline(document: object) -> bool:
    """``{"format": 1 or 2, "findings": [key, …]}``, each key its file, a tab and the rest."""
    if not isinstance(document, dict) or document.get("format") not in (1, FORMAT):
        return False
    keys = document.get("findings")
    return isinstance(keys, list) and all(isinstance(k, str) and "\t" in k for k in keys)


def _from_format_1(keys: list[str], baseline: Path) -> list[str]:
    """Format 1 named files as the command line did, relative to the folder fixer ran in; read
    from the current folder (where such a baseline used to match), they become format 2 keys."""
    folder = baseline.parent.resolve()
    return [
        _relative(name, folder) + "\t" + rest for name, rest in (k.split("\t", 1) for k in keys)
    ]


def new_findings(items: Sequence[Located], known: frozenset[str], baseline: Path) -> list[Located]:
    """The items not in ``known``, the keys read from ``baseline``."""
    keys = _keys(items, baseline)
    return [item for item, key in zip(items, keys, strict=True) if key not in known]
