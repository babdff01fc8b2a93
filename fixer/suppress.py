"""Inline suppression comments, in any syntax that can hold a comment.

    White platelets are fine here.   <!-- fixer: ignore -->
    <!-- fixer: ignore-next-line FX001 -->
    <!-- fixer: disable AN0001, FX101 --> … <!-- fixer: enable -->

A directive is the text ``fixer:`` followed by ``ignore``, ``ignore-next-line``, ``disable`` or
``enable`` and optionally rule codes or entry ids. It is read only in a comment (an HTML comment
in Markdown or HTML, a reST comment) or, as plain text has none, anywhere in plain text
(``directive_spans``): shown as code or written in prose, it is only text, as ruff reads
``noqa`` only in comments. Without codes it covers every finding. A directive that suppresses
nothing is reported (rule FX900), as ruff reports an unused ``noqa``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from fixer.markup import directive_spans
from fixer.model import RULES, SUPPRESSION, Finding, FixSafety, Severity
from fixer.report import LineIndex

_DIRECTIVE_RE = re.compile(
    r"fixer:\s*(ignore-next-line|ignore|disable|enable)\b((?:[\s,]+[A-Z]{2,5}[:\d][\w:-]*)*)"
)


@dataclass
class Directive:
    kind: str
    codes: frozenset[str]  # empty: every finding
    start: int  # offsets of the directive text
    end: int
    lines: range  # 0-based lines it covers
    used: bool = field(default=False)

    def covers(self, finding: Finding, line: int) -> bool:
        if line not in self.lines:
            return False
        return not self.codes or bool(self.codes & {finding.rule.code, finding.entry_id})


def parse_directives(text: str, syntax: str, lines: LineIndex) -> list[Directive]:
    line_count = lines.count
    directives: list[Directive] = []
    open_blocks: list[Directive] = []
    for match in _directives(text, syntax):
        kind = match.group(1)
        codes = frozenset(re.findall(r"[A-Z]{2,5}[:\d][\w:-]*", match.group(2)))
        line = lines.line(match.start())
        if kind == "ignore":
            directives.append(Directive(kind, codes, *match.span(), range(line, line + 1)))
        elif kind == "ignore-next-line":
            directives.append(Directive(kind, codes, *match.span(), range(line + 1, line + 2)))
        elif kind == "disable":
            block = Directive(kind, codes, *match.span(), range(line, line_count))
            directives.append(block)
            open_blocks.append(block)
        else:
            for block in [b for b in open_blocks if not codes or b.codes == codes]:
                block.lines = range(block.lines.start, line + 1)
                open_blocks.remove(block)
    return directives


def _directives(text: str, syntax: str) -> Iterator[re.Match[str]]:
    """The directives of a text, in order, where they are read (``directive_spans``)."""
    for start, end in directive_spans(text, syntax):
        yield from _DIRECTIVE_RE.finditer(text, start, end)


def apply_suppressions(text: str, syntax: str, findings: list[Finding]) -> list[Finding]:
    """Drop suppressed findings; add an FX900 finding for each directive that dropped none."""
    if "fixer:" not in text:
        return findings
    lines = LineIndex(text)
    directives = parse_directives(text, syntax, lines)
    if not directives:
        return findings
    kept = []
    for finding in findings:
        line = lines.line(finding.start)
        covering = [d for d in directives if d.covers(finding, line)]
        for directive in covering:
            directive.used = True
        if not covering:
            kept.append(finding)
    kept += [_unused(text, d) for d in directives if not d.used]
    return sorted(kept, key=lambda f: (f.start, f.end))


def _unused(text: str, directive: Directive) -> Finding:
    what = ", ".join(sorted(directive.codes)) or "any finding"
    return Finding(
        start=directive.start,
        end=directive.end,
        text=text[directive.start : directive.end],
        phrase=text[directive.start : directive.end],
        suggestions=("",),
        rule=RULES["FX900"],
        entry_id="FX900",
        detector=SUPPRESSION,
        category=SUPPRESSION,
        severity=Severity.INFO,
        confidence=1.0,
        fix=FixSafety.NONE,
        message=f"'fixer: {directive.kind}' suppresses nothing ({what})",
        edit_start=directive.start,
        edit_end=directive.end,
        replacement=text[directive.start : directive.end],
    )
