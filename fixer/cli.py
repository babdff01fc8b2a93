"""The ``fixer`` command line: ``check`` reports, ``fix`` rewrites. Exit codes follow ruff and
pre-commit: 0 clean, 1 findings (or files changed), 2 usage or input errors."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from fixer import __version__
from fixer.cli_lexicon import explain, lexicon
from fixer.discover import STDIN, iter_targets
from fixer.engine import Checker, make_checker
from fixer.files import Document, InputError, read_document, read_stdin, write_atomic
from fixer.lexicon import LexiconError
from fixer.markup import syntax_for
from fixer.model import Severity
from fixer.report import Located, locate, summary, text_line, to_json

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

_EXAMPLES = """
\b
Examples:
  fixer check article.md              report garbled terms
  fixer check content/ --format json  machine-readable findings for a folder
  fixer fix article.md                apply the safe fixes in place
  fixer fix --diff article.md         show what would change, write nothing
  fixer fix --unsafe-fixes docs/      also apply context-dependent fixes
  cat draft.txt | fixer fix -         correct standard input to standard output

\b
Exit codes: 0 nothing at or above --fail-on was found; 1 findings remain or files were
changed; 2 a usage or input error (this wins over 1).
"""


@dataclass
class Outcome:
    """What a run saw: located findings, per-file errors, and files changed by a fix."""

    findings: list[Located] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    changed: int = 0

    def error(self, path: str, message: str) -> None:
        self.errors.append((path, message))
        click.echo(f"{path}: error: {message}", err=True)

    def exit_code(self, fail_on: Severity, fixing: bool = False) -> int:
        if self.errors:
            return EXIT_ERROR
        failing = any(item.finding.severity >= fail_on for item in self.findings)
        return EXIT_FINDINGS if failing or (fixing and self.changed) else EXIT_CLEAN


def _version_text() -> str:
    try:
        checker = make_checker()
    except LexiconError as error:
        return f"fixer {__version__} (lexicon error: {error})"
    lexicon = checker.lexicon
    return f"fixer {__version__} (lexicon {lexicon.version}, {len(lexicon.entries)} entries)"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version_text())
        ctx.exit()


@click.group(epilog=_EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version of fixer and its lexicon.",
)
def cli() -> None:
    """Find garbled medical terms (tortured phrases) and put the right terms back."""


def _common(function):  # type: ignore[no-untyped-def]
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option(
            "--fail-on",
            type=click.Choice(["error", "warning", "info"]),
            default="warning",
            show_default=True,
            help="Lowest severity that makes the exit code 1.",
        ),
        click.option(
            "--lexicon",
            "lexicons",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Extra lexicon file (repeatable); extends the built-in one.",
        ),
        click.option(
            "--encoding",
            default=None,
            help="Decode files without a BOM with this encoding (default UTF-8).",
        ),
        click.option(
            "--stdin-filename",
            default=None,
            help="Name to report for '-' and to pick its syntax (.md, .html …).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _load_checker(lexicons: Sequence[Path]) -> Checker:
    try:
        return make_checker(lexicons)
    except LexiconError as error:
        raise click.UsageError(str(error)) from None


def _documents(
    paths: Sequence[str], encoding: str | None, stdin_name: str | None, outcome: Outcome
):
    """Yield ``(name, document, from_stdin)`` for every readable target; record the rest as
    errors."""
    for path, problem in iter_targets(paths):
        name = (stdin_name or STDIN) if path == STDIN else path
        if problem:
            outcome.error(name, problem)
            continue
        try:
            if path == STDIN:
                yield name, read_stdin(name, encoding), True
            else:
                yield name, read_document(Path(path), encoding), False
        except InputError as error:
            outcome.error(name, str(error))


@cli.command(epilog=_EXAMPLES)
@_common
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def check(
    paths: tuple[str, ...],
    fail_on: str,
    lexicons: tuple[Path, ...],
    encoding: str | None,
    stdin_filename: str | None,
    output_format: str,
) -> None:
    """Report garbled terms in files, folders or '-' (standard input). Never writes."""
    checker = _load_checker(lexicons)
    outcome = Outcome()
    for name, document, _ in _documents(paths, encoding, stdin_filename, outcome):
        findings = checker.check(document.text, syntax_for(name))
        outcome.findings.extend(locate(name, document.text, findings))
    if output_format == "json":
        click.echo(to_json(outcome.findings, outcome.errors, __version__))
    else:
        for item in outcome.findings:
            click.echo(text_line(item))
        if outcome.findings:
            click.echo(summary(outcome.findings))
    sys.exit(outcome.exit_code(Severity.parse(fail_on)))


@cli.command(epilog=_EXAMPLES)
@_common
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that are not safe.")
@click.option("--diff", is_flag=True, help="Print a unified diff instead of writing files.")
def fix(
    paths: tuple[str, ...],
    fail_on: str,
    lexicons: tuple[Path, ...],
    encoding: str | None,
    stdin_filename: str | None,
    unsafe_fixes: bool,
    diff: bool,
) -> None:
    """Apply safe fixes in place ('-' reads standard input and writes standard output)."""
    checker = _load_checker(lexicons)
    outcome = Outcome()
    for name, document, from_stdin in _documents(paths, encoding, stdin_filename, outcome):
        syntax = syntax_for(name)
        result = checker.fix(document.text, syntax, unsafe_fixes)
        remaining = checker.check(result.text, syntax)
        changed = result.text != document.text
        outcome.findings.extend(locate(name, result.text, remaining))
        if diff:
            if changed:
                outcome.changed += 1
                sys.stdout.write(_unified_diff(name, document.text, result.text))
        elif from_stdin:
            sys.stdout.buffer.write(document.encode(result.text))
            outcome.changed += changed
        elif changed:
            _write(name, document, result.text, len(result.fixed), outcome)
    for item in outcome.findings:
        click.echo(text_line(item), err=True)
    sys.exit(outcome.exit_code(Severity.parse(fail_on), fixing=True))


cli.add_command(lexicon)
cli.add_command(explain)


def _write(name: str, document: Document, text: str, count: int, outcome: Outcome) -> None:
    try:
        write_atomic(Path(name), document, text)
    except InputError as error:
        outcome.error(name, str(error))
        return
    outcome.changed += 1
    noun = "fix" if count == 1 else "fixes"
    click.echo(f"{name}: applied {count} {noun}", err=True)


def _unified_diff(name: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (for tests and ``python -m fixer``)."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None, prog_name="fixer", standalone_mode=True
        )
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    return EXIT_CLEAN
