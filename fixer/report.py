"""Presenting findings: the one-line text format, and the versioned JSON schema."""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import click

from fixer.model import Finding, FixSafety, Severity

JSON_SCHEMA_VERSION = 1
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps code-point offsets to 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        # A line ends at \n, \r\n or a lone \r.
        self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    @property
    def count(self) -> int:
        return len(self._starts)

    def line(self, offset: int) -> int:
        """The 0-based line of an offset."""
        return bisect.bisect_right(self._starts, offset) - 1

    def line_text(self, text: str, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(text)
        return text[start:end].rstrip("\r\n")

    def position(self, offset: int) -> tuple[int, int]:
        line = self.line(offset)
        return line + 1, offset - self._starts[line] + 1


@dataclass(frozen=True)
class Located:
    """A finding with the file it was found in and its line and column range."""

    path: str
    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    #: Where the fix's edit starts: before the span when the fix corrects an article too ("an
    #: interaction known as" → "a process known as"). It ends where the span ends.
    edit_line: int
    edit_column: int
    source_line: str = ""  # the text of ``line``, for showing the finding in context
    location: str | None = None  # "page 3", "paragraph 12": for PDF and DOCX manuscripts


def locate(path: str, text: str, findings: Sequence[Finding]) -> list[Located]:
    if not findings:
        return []
    index = LineIndex(text)
    located = []
    for finding in findings:
        line, column = index.position(finding.start)
        end_line, end_column = index.position(finding.end)
        edit_line, edit_column = index.position(finding.edit_start)
        located.append(
            Located(
                path,
                finding,
                line,
                column,
                end_line,
                end_column,
                edit_line,
                edit_column,
                index.line_text(text, line),
            )
        )
    return located


def change(finding: Finding) -> str:
    """``found → correction``, the found words on one line; only the words where there is no
    correction (a finding about a suppression directive, FX900 and FX901)."""
    found = " ".join(finding.text.split())
    return f"{found} → {finding.suggestions[0]}" if finding.suggestions[0] else found


def text_line(item: Located) -> str:
    """``path:line:col: RULE [*] found → correction (message)``; ``[*]`` marks a safe fix."""
    finding = item.finding
    marker = " [*]" if finding.fix is FixSafety.SAFE else ""
    where = item.location or f"{item.line}:{item.column}"
    return (
        f"{item.path}:{where}: {finding.rule.code}{marker} "
        f"{change(finding)} ({finding.severity}: {finding.message})"
    )


def text_block(item: Located, color: bool = False) -> str:
    """The one-line form, then the source line with a caret under the span (ruff's full
    format). Colour only when asked for."""
    finding = item.finding
    header = text_line(item)
    line = _CONTROL.sub("\ufffd", item.source_line.replace("\t", " "))
    start = item.column - 1
    end = item.end_column - 1 if item.end_line == item.line else len(line)
    line, start, end = _excerpt(line, start, max(end, start))
    gutter = " " * len(str(item.line))
    before = _display_width(line[:start])
    caret = " " * before + "^" * max(1, _display_width(line[:end]) - before)
    if color:
        tone = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
        location, _, rest = header.partition(f": {finding.rule.code}")
        header = (
            click.style(location, bold=True)
            + ": "
            + click.style(finding.rule.code, fg=tone[finding.severity], bold=True)
            + rest
        )
        caret = click.style(caret, fg=tone[finding.severity], bold=True)
    return f"{header}\n{gutter} |\n{item.line} | {line}\n{gutter} | {caret}\n"


#: Control characters, which a terminal would act on (an escape sequence in a file could recolour
#: or rewrite the screen): the source line shows each as U+FFFD, one column as it takes one.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
#: Code points of context shown on each side of a finding in a line longer than ``_LONG_LINE``
#: (a minified HTML page is one line: shown whole under every finding, it floods the terminal).
_CONTEXT = 60
_LONG_LINE = 200


def _excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of ``line`` to show for the span ``start:end``, with the span's place in it: the
    whole line, or, for a long one, the span (at most ``_LONG_LINE`` code points of it) with
    ``_CONTEXT`` on each side and "…" where the line was cut."""
    if len(line) <= _LONG_LINE:
        return line, start, end
    end = min(end, start + _LONG_LINE)
    first, last = max(0, start - _CONTEXT), min(len(line), end + _CONTEXT)
    opening = "…" if first else ""
    shown = opening + line[first:last] + ("…" if last < len(line) else "")
    return shown, start - first + len(opening), end - first + len(opening)


def _display_width(text: str) -> int:
    """The columns a terminal gives ``text``: two for a wide character (CJK, most emoji), none
    for a combining mark or an invisible format character (a soft hyphen, a zero-width space)."""
    if text.isascii():
        return len(text)
    return sum(
        0
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf")
        else 2
        if unicodedata.east_asian_width(char) in ("W", "F")
        else 1
        for char in text
    )


def summary(items: Sequence[Located]) -> str:
    if not items:
        return "No garbled terms found."
    counts = {s: sum(1 for i in items if i.finding.severity is s) for s in Severity}
    parts = [f"{counts[s]} {s}" for s in sorted(Severity, reverse=True) if counts[s]]
    safe = sum(1 for i in items if i.finding.fix is FixSafety.SAFE)
    unsafe = sum(1 for i in items if i.finding.fix is FixSafety.UNSAFE)
    noun = "finding" if len(items) == 1 else "findings"
    line = f"Found {len(items)} {noun} ({', '.join(parts)})."
    if safe:
        line += f"\n[*] {safe} fixable with `fixer fix`."
    if unsafe:
        line += f"\n{unsafe} more fixable with `fixer fix --unsafe-fixes`."
    return line


def entry_counts(items: Sequence[Located]) -> list[tuple[int, Finding]]:
    """How often each entry was found, most frequent first, with its first finding (which
    stands for the rule, the fix safety and the garble → correction)."""
    groups: dict[str, list[Located]] = {}
    for item in items:
        groups.setdefault(item.finding.entry_id, []).append(item)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [(len(group), group[0].finding) for _, group in ordered]


def statistics_table(items: Sequence[Located]) -> str:
    """One line per entry, most frequent first: count, rule, entry, garble → correction."""
    lines = []
    for count, finding in entry_counts(items):
        marker = "[*]" if finding.fix is FixSafety.SAFE else "   "
        lines.append(
            f"{count:6d}  {finding.rule.code}  {finding.entry_id:<10} {marker} "
            f"{finding.phrase.lower()} → {finding.suggestions[0].lower()}"
        )
    return "\n".join(lines) or "No garbled terms found."


def statistics_json(
    items: Sequence[Located], errors: Sequence[tuple[str, str]], version: str
) -> str:
    """The counts of ``statistics_table`` as one JSON object, shaped like ``to_json``'s, so
    that a pipeline reading ``--format json`` gets JSON with ``--statistics`` too."""
    counts = [
        {
            "count": count,
            "rule": finding.rule.code,
            "entry_id": finding.entry_id,
            "fix": str(finding.fix),
            "text": finding.phrase.lower(),
            "suggestion": finding.suggestions[0].lower(),
        }
        for count, finding in entry_counts(items)
    ]
    return _json_document("statistics", counts, errors, version)


def finding_dict(item: Located) -> dict[str, object]:
    finding = item.finding
    return {
        "path": item.path,
        "line": item.line,
        "column": item.column,
        "end_line": item.end_line,
        "end_column": item.end_column,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
        "suggestions": list(finding.suggestions),
        "rule": finding.rule.code,
        "entry_id": finding.entry_id,
        "detector": finding.detector,
        "category": finding.category,
        "severity": str(finding.severity),
        "confidence": finding.confidence,
        "fix": str(finding.fix),
        "message": finding.message,
        "location": item.location,
    }


def to_json(items: Sequence[Located], errors: Sequence[tuple[str, str]], version: str) -> str:
    return _json_document("findings", [finding_dict(item) for item in items], errors, version)


def _json_document(
    key: str, rows: list[dict[str, object]], errors: Sequence[tuple[str, str]], version: str
) -> str:
    """The JSON output: versions, ``rows`` under ``key``, and the errors of the run."""
    document = {
        "schema_version": JSON_SCHEMA_VERSION,
        "fixer_version": version,
        key: rows,
        "errors": [{"path": path, "message": message} for path, message in errors],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
