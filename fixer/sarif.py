"""SARIF 2.1.0 output, as GitHub code scanning reads it, and GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePath
from urllib.parse import quote

from fixer.baseline import fingerprints
from fixer.model import RULES, FixSafety, Severity
from fixer.report import Located, change

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_HELP_URI = "https://example.org/fixer/rules#{code}"
_DEFAULT_LEVEL = {"FX001": "error", "FX002": "note", "FX900": "note", "FX901": "error"}


def _rule(code: str) -> dict[str, object]:
    rule = RULES[code]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} Run `fixer explain {rule.code}` for more."},
        "help": {
            "text": f"{rule.summary} Apply the suggestion with `fixer fix` (safe fixes) or "
            "`fixer fix --unsafe-fixes`, or suppress with `fixer: ignore`.",
        },
        "defaultConfiguration": {"level": _DEFAULT_LEVEL.get(rule.code, "warning")},
    }


def artifact_uri(path: str) -> str:
    """``path`` as the URI reference SARIF wants (RFC 3986): a relative path with ``/``
    separators and every other reserved or non-ASCII character percent-encoded (a ``:`` in its
    first segment would read as a scheme, a ``%`` as an escape), or a ``file:`` URI when
    absolute."""
    pure = PurePath(path)
    return Path(path).as_uri() if pure.is_absolute() else quote(pure.as_posix())


def _fix(item: Located, uri: str) -> dict[str, object]:
    """The fix as ``fixer fix`` makes it: the finding's edit, not its span and suggestion,
    since the edit also corrects an article before the span ("an interaction known as" → "a
    process known as") and keeps the inline markup and line breaks inside it ("white
    <em>blood cells")."""
    finding = item.finding
    deleted = _region(
        (item.edit_line, item.edit_column),
        (item.end_line, item.end_column),
        finding.edit_start,
        finding.edit_end,
    )
    replacement = {"deletedRegion": deleted, "insertedContent": {"text": finding.replacement}}
    return {
        "description": {"text": f"Replace with '{finding.suggestions[0]}'"},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [replacement]}],
    }


def _region(first: tuple[int, int], last: tuple[int, int], start: int, end: int) -> dict[str, int]:
    """A SARIF region: from line and column ``first`` to ``last``, code points ``start`` to
    ``end``."""
    return {
        "startLine": first[0],
        "startColumn": first[1],
        "endLine": last[0],
        "endColumn": last[1],
        "charOffset": start,
        "charLength": end - start,
    }


def to_sarif(items: Sequence[Located], version: str, errors: Sequence[tuple[str, str]] = ()) -> str:
    """The findings as one SARIF 2.1.0 run; the files that could not be read (``errors``:
    path and message) are its invocation's error notifications, and make it unsuccessful, so
    that a dashboard does not show a run that skipped files as clean."""
    codes = sorted(RULES)
    index = {code: i for i, code in enumerate(codes)}
    results = []
    # GitHub takes results with one fingerprint for one alert: a garble written three times in a
    # file gives three (``fingerprints``), and a garble re-wrapped over lines keeps its own.
    for item, fingerprint in zip(items, fingerprints(items, lambda path: path), strict=True):
        finding = item.finding
        region = _region(
            (item.line, item.column), (item.end_line, item.end_column), finding.start, finding.end
        )
        uri = artifact_uri(item.path)
        location = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
        result: dict[str, object] = {
            "ruleId": finding.rule.code,
            "ruleIndex": index[finding.rule.code],
            "level": _LEVEL[finding.severity],
            "message": {"text": f"{change(finding)} ({finding.message})"},
            "locations": [location],
            "partialFingerprints": {"fixer/v1": fingerprint},
            "properties": {
                "entryId": finding.entry_id,
                "confidence": finding.confidence,
                "fix": str(finding.fix),
                "detector": finding.detector,
            },
        }
        if finding.fix is not FixSafety.NONE:
            result["fixes"] = [_fix(item, uri)]
        results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "fixer",
                "version": version,
                "informationUri": "https://example.org/fixer",
                "rules": [_rule(code) for code in codes],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not errors,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": message},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}
                        ],
                    }
                    for path, message in errors
                ],
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return json.dumps(
        {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2
    )


def _command_data(text: str) -> str:
    """``text`` escaped as a workflow command's message, as GitHub's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    """``text`` escaped as a workflow command's property value, where ``,`` ends the value
    and ``:`` may end the properties."""
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(items: Sequence[Located]) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding."""
    kind = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for item in items:
        finding = item.finding
        message = f"{change(finding)} ({finding.message})"
        lines.append(
            f"::{kind[finding.severity]} file={_command_property(item.path)},"
            f"line={item.line},col={item.column},"
            f"endLine={item.end_line},endColumn={item.end_column},"
            f"title={_command_property(f'fixer {finding.rule.code}')}::{_command_data(message)}"
        )
    return "\n".join(lines)
