"""The ``fixer`` command line: ``check`` reports, ``fix`` rewrites. Exit codes follow ruff and
pre-commit: 0 clean, 1 findings (or files changed), 2 usage or input errors."""

from __future__ import annotations

import difflib
import fnmatch
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from fixer import __version__, cache
from fixer.cli_lexicon import explain, lexicon
from fixer.config import ConfigError, Settings, settings_for
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
    failing: bool = False

    def error(self, path: str, message: str) -> None:
        self.errors.append((path, message))
        click.echo(f"{path}: error: {message}", err=True)

    def add(self, items: list[Located], settings: Settings) -> None:
        self.findings.extend(items)
        threshold = Severity.parse(settings.fail_on)
        self.failing = self.failing or any(i.finding.severity >= threshold for i in items)

    def exit_code(self, fixing: bool = False) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if self.failing or (fixing and self.changed) else EXIT_CLEAN


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
@click.option("--no-cache", is_flag=True, help="Do not read or write the compiled-data cache.")
def cli(no_cache: bool) -> None:
    """Find garbled medical terms (tortured phrases) and put the right terms back."""
    if no_cache:
        cache.disable()


def _common(function):  # type: ignore[no-untyped-def]
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option(
            "--fail-on",
            type=click.Choice(["error", "warning", "info"]),
            default=None,
            help="Lowest severity that makes the exit code 1 [default: warning].",
        ),
        click.option(
            "--select",
            default=None,
            help="Comma-separated rules, categories, "
            "detectors or entry ids to report (overrides the configuration).",
        ),
        click.option(
            "--ignore",
            default=None,
            help="Comma-separated rules, categories, "
            "detectors or entry ids to leave out (overrides the configuration).",
        ),
        click.option(
            "--config",
            "config_file",
            default=None,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Use this configuration file instead of discovering one.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
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


@dataclass(frozen=True)
class Options:
    """What the command line says about every file; configuration fills in the rest."""

    lexicons: tuple[Path, ...]
    fail_on: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    config_file: Path | None
    isolated: bool

    def settings(self, name: str, from_stdin: bool) -> Settings:
        path = None if from_stdin and name == STDIN else Path(name)
        try:
            base = settings_for(path, self.isolated, self.config_file)
        except ConfigError as error:
            raise click.UsageError(str(error)) from None
        return base.with_overrides(
            fail_on=self.fail_on,
            select=self.select,
            ignore=self.ignore,
            lexicons=base.lexicons + self.lexicons,
        )

    def excluded(self, name: str) -> bool:
        """Whether a file found by walking a folder matches an ``exclude`` glob of its config
        (globs are relative to the configuration file's folder)."""
        settings = self.settings(name, from_stdin=False)
        if not settings.exclude or settings.source is None:
            return False
        try:
            relative = Path(name).resolve().relative_to(settings.source.parent).as_posix()
        except ValueError:
            return False
        return any(fnmatch.fnmatch(relative, glob) for glob in settings.exclude)

    def checker(self, settings: Settings) -> Checker:
        try:
            return make_checker(settings=settings)
        except LexiconError as error:
            raise click.UsageError(str(error)) from None


def _options(
    lexicons: tuple[Path, ...],
    fail_on: str | None,
    select: str | None,
    ignore: str | None,
    config_file: Path | None,
    isolated: bool,
) -> Options:
    def split(value: str | None) -> tuple[str, ...]:
        return tuple(v.strip() for v in (value or "").split(",") if v.strip())

    return Options(lexicons, fail_on, split(select), split(ignore), config_file, isolated)


def _documents(
    paths: Sequence[str],
    encoding: str | None,
    stdin_name: str | None,
    options: Options,
    outcome: Outcome,
):
    """Yield ``(name, document, from_stdin)`` for every readable target; record the rest as
    errors."""
    for path, problem, walked in iter_targets(paths):
        name = (stdin_name or STDIN) if path == STDIN else path
        if problem:
            outcome.error(name, problem)
            continue
        if walked and options.excluded(name):
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
    encoding: str | None,
    stdin_filename: str | None,
    output_format: str,
    **selection: object,
) -> None:
    """Report garbled terms in files, folders or '-' (standard input). Never writes."""
    options = _options(**selection)  # type: ignore[arg-type]
    outcome = Outcome()
    for name, document, from_stdin in _documents(paths, encoding, stdin_filename, options, outcome):
        settings = options.settings(name, from_stdin)
        findings = options.checker(settings).check(document.text, syntax_for(name))
        outcome.add(locate(name, document.text, findings), settings)
    if output_format == "json":
        click.echo(to_json(outcome.findings, outcome.errors, __version__))
    else:
        for item in outcome.findings:
            click.echo(text_line(item))
        if outcome.findings:
            click.echo(summary(outcome.findings))
    sys.exit(outcome.exit_code())


@cli.command(epilog=_EXAMPLES)
@_common
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that are not safe.")
@click.option("--diff", is_flag=True, help="Print a unified diff instead of writing files.")
def fix(
    paths: tuple[str, ...],
    encoding: str | None,
    stdin_filename: str | None,
    unsafe_fixes: bool,
    diff: bool,
    **selection: object,
) -> None:
    """Apply safe fixes in place ('-' reads standard input and writes standard output)."""
    options = _options(**selection)  # type: ignore[arg-type]
    outcome = Outcome()
    for name, document, from_stdin in _documents(paths, encoding, stdin_filename, options, outcome):
        settings = options.settings(name, from_stdin)
        checker = options.checker(settings)
        syntax = syntax_for(name)
        result = checker.fix(document.text, syntax, unsafe_fixes)
        changed = result.text != document.text
        outcome.add(locate(name, result.text, checker.check(result.text, syntax)), settings)
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
    sys.exit(outcome.exit_code(fixing=True))


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
