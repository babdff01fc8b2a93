"""Baselines: adopt fixer on an existing site without fixing everything first.

``fixer check --write-baseline .fixer-baseline.json`` records today's findings; later runs with
``--baseline .fixer-baseline.json`` report only findings that are not in it. A finding is
identified by its file, rule, entry and the garble as written (whitespace and case folded), plus
its rank among identical findings in that file, so that edits elsewhere in the file (moved
lines, new paragraphs) do not make old findings look new, while a second copy of a garble does.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from fixer.files import write_output
from fixer.report import Located

FORMAT = 1


def _keys(items: Sequence[Located]) -> list[str]:
    seen: Counter[tuple[str, ...]] = Counter()
    keys = []
    for item in items:
        finding = item.finding
        base = (
            Path(item.path).as_posix(),
            finding.rule.code,
            finding.entry_id,
            " ".join(finding.text.lower().split()),
        )
        seen[base] += 1
        keys.append("\t".join((*base, str(seen[base]))))
    return keys


def write_baseline(path: Path, items: Sequence[Located]) -> None:
    """Record ``items`` in ``path``; ``InputError`` if it cannot be written."""
    document = {"format": FORMAT, "tool": "fixer", "findings": sorted(_keys(items))}
    write_output(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def read_baseline(path: Path) -> frozenset[str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"{path}: cannot read baseline: {error}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"{path}: not a fixer baseline (format {FORMAT})")
    return frozenset(document.get("findings", []))


def new_findings(items: Sequence[Located], baseline: frozenset[str]) -> list[Located]:
    return [item for item, key in zip(items, _keys(items), strict=True) if key not in baseline]
