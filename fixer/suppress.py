"""Inline suppression directives, written in the comments of each syntax.

    White platelets are fine here.   <!-- fixer: ignore -->
    <!-- fixer: ignore-next-line FX001 -->
    <!-- fixer: disable AN0001, FX101 --> … <!-- fixer: enable -->

A directive is the text ``fixer:`` followed by ``ignore``, ``ignore-next-line``, ``disable`` or
``enable`` (in any case) and optionally names, on the same line. It is read only in a comment (an
HTML comment in Markdown or HTML, a reST comment) or, as plain text has none, anywhere in plain
text (``directive_spans``): shown as code or written in prose, it is only text, as ruff reads
``noqa`` only in comments. Without names it covers every finding. Names are read as ``select``
reads them (rule codes and names, categories, detectors, entry ids, in any case); one that names
nothing is reported (rule FX901) and covers nothing, so that a typo neither passes silently nor
turns into a directive for every finding. A directive that suppresses nothing is reported (rule
FX900), as ruff reports an unused ``noqa``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from fixer.config import name_for
from fixer.markup import directive_spans
from fixer.model import RULES, SUPPRESSION, Finding, FixSafety, Severity
from fixer.report import LineIndex
from fixer.rst_view import comment_lines

#: Whether a text has a directive at all: looked for from the colon, a literal that the regex
#: engine finds fast, where a case-insensitive "fixer:" would be tried at every position.
_KEYWORD = re.compile(r":(?<=fixer:)", re.I)
_DIRECTIVE_RE = re.compile(
    r"\bfixer:[ \t]*(ignore-next-line|ignore|disable|enable)\b([^\r\n]*)", re.I
)
_NAME = re.compile(r"[^\s,]+")


@dataclass
class Directive:
    """A directive as read: what it covers, and whether it covered a finding."""

    kind: str
    names: frozenset[str]  # as select reads them; empty: every finding
    start: int  # offsets of the directive text
    end: int
    lines: range  # 0-based lines it covers
    #: For a disable: the enables below it, each as the line it takes effect from and the
    #: names it turns back on (empty: all).
    enabled: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    used: bool = field(default=False)

    def covers(self, finding: Finding, line: int) -> bool:
        names = finding.names
        if line not in self.lines or (self.names and not self.names & names):
            return False
        return not any(
            since <= line and (not enabled or enabled & names) for since, enabled in self.enabled
        )


def parse_directives(
    text: str, syntax: str, lines: LineIndex, known: dict[str, str]
) -> tuple[list[Directive], list[Finding]]:
    """The directives of a text, and an FX901 finding for each name in them that names
    nothing (``known``: the names ``select`` takes, by case-folded form). A directive whose
    every name is unknown is none: read as one without names it would cover every finding. An
    enable ends the disables above it for the names it gives, or for all."""
    line_count = lines.count
    directives: list[Directive] = []
    unknown: list[Finding] = []
    in_comments: set[int] | None = None  # reST comment lines, found when first asked for
    for match in _directives(text, syntax):
        kind = match.group(1).lower()
        written = list(_NAME.finditer(text, match.start(2), match.end(2)))
        read = [(name, name_for(name.group(), known)) for name in written]
        names = frozenset(canonical for _, canonical in read if canonical)
        unknown += [_unknown(kind, name) for name, canonical in read if not canonical]
        if written and not names:
            continue
        span = (match.start(), written[-1].end() if written else match.end(1))
        line = lines.line(match.start())
        if kind == "ignore":
            directives.append(Directive(kind, names, *span, range(line, line + 1)))
        elif kind == "ignore-next-line":
            if syntax == "rst" and in_comments is None:
                in_comments = {lines.line(start) for start, _ in comment_lines(text)}
            following = _next_line(text, lines, line, in_comments)
            directives.append(Directive(kind, names, *span, range(following, following + 1)))
        elif kind == "disable":
            directives.append(Directive(kind, names, *span, range(line, line_count)))
        else:
            for block in (d for d in directives if d.kind == "disable"):
                block.enabled.append((line + 1, names))
    return directives, unknown


def _next_line(text: str, lines: LineIndex, line: int, in_comments: set[int] | None) -> int:
    """The line an ``ignore-next-line`` on ``line`` covers: the next one, or in
    reStructuredText (``in_comments``: the lines of its comments; None in other syntaxes),
    where a comment ends with a blank line (docutils warns "Explicit markup ends without a
    blank line" otherwise), the first after it that is neither blank nor in a comment."""
    following = line + 1
    if in_comments is None:
        return following
    while following < lines.count and (
        following in in_comments or not lines.line_text(text, following + 1).strip()
    ):
        following += 1
    return following


def has_directive(text: str) -> bool:
    """Whether ``text`` may hold a directive (a cheap test before reading them)."""
    return _KEYWORD.search(text) is not None


def _directives(text: str, syntax: str) -> Iterator[re.Match[str]]:
    """The directives of a text, in order, where they are read (``directive_spans``)."""
    for start, end in directive_spans(text, syntax):
        yield from _DIRECTIVE_RE.finditer(text, start, end)


def apply_suppressions(
    text: str, syntax: str, findings: list[Finding], known: dict[str, str]
) -> list[Finding]:
    """Drop suppressed findings; add an FX900 finding for each directive that dropped none, and
    an FX901 finding for each name in a directive that names nothing (``known``: the names
    ``select`` takes, by case-folded form). A finding that runs over several lines (a wrapped
    phrase) is on each of them: a directive for any of them covers it, as a ``noqa`` at the end
    of a multi-line string does in ruff."""
    if not has_directive(text):
        return findings
    lines = LineIndex(text)
    directives, unknown = parse_directives(text, syntax, lines, known)
    if not (directives or unknown):
        return findings
    kept = []
    for finding in findings:
        spanned = range(lines.line(finding.start), lines.line(finding.end - 1) + 1)
        covering = [d for d in directives if any(d.covers(finding, line) for line in spanned)]
        for directive in covering:
            directive.used = True
        if not covering:
            kept.append(finding)
    kept += [_unused(text, d) for d in directives if not d.used]
    kept += unknown
    return sorted(kept, key=lambda f: (f.start, f.end))


def _unused(text: str, directive: Directive) -> Finding:
    what = ", ".join(sorted(directive.names)) or "any finding"
    return _finding(
        "FX900",
        Severity.INFO,
        f"'fixer: {directive.kind}' suppresses nothing ({what})",
        text[directive.start : directive.end],
        directive.start,
    )


def _unknown(kind: str, name: re.Match[str]) -> Finding:
    return _finding(
        "FX901",
        Severity.ERROR,
        f"'fixer: {kind}': unknown rule, category, detector or entry id {name.group()!r}",
        name.group(),
        name.start(),
    )


def _finding(code: str, severity: Severity, message: str, text: str, start: int) -> Finding:
    """A finding about a directive (``text`` at ``start``), which no fix changes."""
    end = start + len(text)
    return Finding(
        start=start,
        end=end,
        text=text,
        phrase=" ".join(text.split()),
        suggestions=("",),
        rule=RULES[code],
        entry_id=code,
        detector=SUPPRESSION,
        category=SUPPRESSION,
        severity=severity,
        confidence=1.0,
        fix=FixSafety.NONE,
        message=message,
        edit_start=start,
        edit_end=end,
        replacement=text,
    )
