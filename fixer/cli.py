"""The ``fixer`` command line: ``check`` reports, ``fix`` rewrites. Exit codes follow ruff and
pre-commit: 0 clean, 1 findings (or files changed), 2 usage or input errors."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import click

from fixer import __version__, cache
from fixer import baseline as baseline_file
from fixer.cli_lexicon import explain, lexicon, lexicon_option
from fixer.config import SEVERITIES, forget_configs
from fixer.discover import STDIN, iter_targets
from fixer.engine import make_checker
from fixer.files import InputError, write_output
from fixer.lexicon import LexiconError
from fixer.model import DETECTORS, Severity
from fixer.report import (
    Located,
    statistics_json,
    statistics_table,
    summary,
    text_block,
    text_line,
    to_json,
)
from fixer.runner import FileResult, Options, SetupError, Task, Work, run
from fixer.sarif import to_github, to_sarif

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: ``--statistics`` prints a table (text, concise) or JSON; SARIF, GitHub annotations and
#: GitLab reports are per-finding formats with no place for counts, so they are refused (as
#: ruff does).
STATISTICS_FORMATS = ("text", "concise", "json")

_EXAMPLES = """
\b
Examples:
  fixer check article.md              report garbled terms
  fixer check content/ --format json  machine-readable findings for a folder
  fixer fix article.md                apply the safe fixes in place
  fixer fix --diff article.md         show what would change, write nothing
  fixer fix --unsafe-fixes docs/      also apply context-dependent fixes
  cat draft.txt | fixer fix -         correct standard input to standard output
  fixer scan papers/ --format html -o report.html   rank a manuscript collection by risk

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
    thresholds: dict[str, Severity] = field(default_factory=dict)

    def error(self, path: str, message: str) -> None:
        self.errors.append((path, message))
        click.echo(f"{path}: error: {message}", err=True)

    def add(self, result: FileResult) -> None:
        if result.error:
            self.error(result.name, result.error)
        self.findings.extend(result.findings)
        self.failing = self.failing or result.failing
        self.changed += result.changed
        self.thresholds[result.name] = result.threshold

    def keep_only(self, findings: list[Located]) -> None:
        """Narrow the findings (a baseline) and decide again whether the run fails."""
        self.findings = findings
        self.failing = any(
            i.finding.severity >= self.thresholds.get(i.path, Severity.WARNING) for i in findings
        )

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
            "--force-exclude",
            is_flag=True,
            help="Apply the configuration's exclude globs to files named on the command line "
            "and to the name given for '-' too (the pre-commit hooks do).",
        ),
        click.option(
            "--detectors",
            default=None,
            help=f"Comma-separated detectors to run ({', '.join(DETECTORS)}) [default: all]; "
            "fewer is faster.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=None,
            help="Worker processes [default: one per core for 16 files or more].",
        ),
        lexicon_option("Extra lexicon file (repeatable); extends the built-in one."),
        click.option(
            "--encoding",
            default=None,
            help="Decode files without a BOM with this encoding, or the first of several "
            "that reads a file (utf-8,latin-1); default UTF-8.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


#: For ``check`` and ``fix``, whose exit code findings decide; ``scan``'s is decided by the
#: documents' risk levels, so it takes no ``--fail-on`` (one it ignored would mislead).
_fail_on = click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES, case_sensitive=False),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: warning].",
)
_min_severity = click.option(
    "--min-severity",
    type=click.Choice(SEVERITIES, case_sensitive=False),
    default=None,
    help="Leave out findings below this severity, as --ignore would [default: info].",
)

#: For ``check`` and ``fix``, which read '-'; ``scan`` reads files and folders only.
_stdin_filename = click.option(
    "--stdin-filename",
    default=None,
    help="Name to report for '-' and to pick its syntax (.md, .html, .pdf …).",
)


def _options(
    lexicons: tuple[Path, ...],
    fail_on: str | None,
    min_severity: str | None,
    select: str | None,
    ignore: str | None,
    config_file: Path | None,
    isolated: bool,
    encoding: str | None,
    detectors: str | None,
    force_exclude: bool,
) -> Options:
    forget_configs()

    def split(value: str | None) -> tuple[str, ...]:
        return tuple(v.strip() for v in (value or "").split(",") if v.strip())

    if isolated and config_file is not None:
        raise click.UsageError("--isolated ignores configuration files; it cannot take --config")
    chosen = tuple(name.lower() for name in split(detectors))
    unknown = sorted(set(chosen) - set(DETECTORS))
    if unknown:
        raise click.BadParameter(
            f"unknown detector {unknown[0]!r} (known: {', '.join(DETECTORS)})",
            param_hint="'--detectors'",
        )
    return Options(
        lexicons,
        fail_on,
        min_severity,
        split(select),
        split(ignore),
        config_file,
        isolated,
        encoding,
        chosen,
        force_exclude,
    )


def _cannot_write(path: Path, error: InputError) -> NoReturn:
    """An output file (baseline, report) that cannot be written: one line, exit code 2, as for
    a file that cannot be read (a traceback would exit 1, which CI reads as findings)."""
    click.echo(f"{path}: error: {error}", err=True)
    sys.exit(EXIT_ERROR)


#: A progress bar appears on a terminal's stderr from this many files on.
PROGRESS_FROM = 20


def _with_progress(results: Iterator[FileResult], count: int) -> list[FileResult]:
    """Collect results, with a progress bar on stderr when it is a terminal and files are many;
    nothing is printed otherwise (pipes, CI logs, pre-commit)."""
    if count < PROGRESS_FROM or not sys.stderr.isatty():
        return list(results)
    collected = []
    with click.progressbar(length=count, label="checking", file=sys.stderr) as bar:
        for result in results:
            collected.append(result)
            bar.update(1)
    return collected


def _warn_about_lexicons(options: Options, names: Sequence[str]) -> None:
    """Print, once each, the warnings of the user lexicons these files are checked with: an
    entry that takes the id of another garble's entry would otherwise drop it unnoticed."""
    for warning in options.lexicon_warnings(names):
        click.echo(warning, err=True)


def _run(
    paths: Sequence[str], stdin_name: str | None, work: Work, jobs: int | None, outcome: Outcome
) -> list[FileResult]:
    """Process every target in order; unreadable ones become errors, the rest results."""
    tasks = []
    try:
        for path, problem in iter_targets(paths, skipped=work.options.skipped):
            name = (stdin_name or STDIN) if path == STDIN else path
            if problem:
                tasks.append(Task(name, error=problem))
            elif path == STDIN:
                tasks.append(_stdin_task(name, work.options, named=stdin_name is not None))
            else:
                tasks.append(Task(name))
        _warn_about_lexicons(work.options, [task.name for task in tasks if not task.error])
        results = _with_progress(run(tasks, work, jobs), len(tasks))
    except SetupError as error:
        raise click.UsageError(str(error)) from None
    for result in results:
        outcome.add(result)
    return results


def _stdin_task(name: str, options: Options, named: bool) -> Task:
    """Standard input as a task. With ``--force-exclude``, a ``--stdin-filename`` that the
    ``exclude`` globs match is left out, as ruff leaves it out, so that an editor piping every
    buffer through fixer honours the project's excludes; ``fix -`` passes it on unchanged."""
    excluded = named and options.skipped(name, walked=False)
    return Task(name, stdin=sys.stdin.buffer.read(), excluded=excluded)


@cli.command(epilog=_EXAMPLES)
@_common
@_fail_on
@_min_severity
@_stdin_filename
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "concise", "json", "sarif", "github", "gitlab"]),
    default="text",
    show_default=True,
    help="Output format (concise: one line per finding, no summary).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print a count per entry instead of findings (JSON with --format json).",
)
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Report only findings that are not in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record today's findings in this file (then use --baseline) and exit 0.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail (errors still 2).")
def check(
    paths: tuple[str, ...],
    stdin_filename: str | None,
    jobs: int | None,
    output_format: str,
    statistics: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    exit_zero: bool,
    **selection: Any,
) -> None:
    """Report garbled terms in files, folders or '-' (standard input). Never writes, except
    a baseline file when asked to."""
    if statistics and output_format not in STATISTICS_FORMATS:
        raise click.BadOptionUsage(
            "statistics",
            f"--statistics works with --format text, concise or json, not {output_format}",
        )
    outcome = Outcome()
    work = Work(_options(**selection))
    _run(paths, stdin_filename, work, jobs, outcome)
    if write_baseline:
        try:
            baseline_file.write_baseline(write_baseline, outcome.findings)
        except InputError as error:
            _cannot_write(write_baseline, error)
        count = len(outcome.findings)
        noun = "finding" if count == 1 else "findings"
        click.echo(f"{write_baseline}: baseline of {count} {noun}", err=True)
        sys.exit(EXIT_ERROR if outcome.errors else EXIT_CLEAN)
    if baseline:
        try:
            known = baseline_file.read_baseline(baseline)
        except ValueError as error:
            raise click.UsageError(str(error)) from None
        outcome.keep_only(baseline_file.new_findings(outcome.findings, known, baseline))
    if statistics and output_format == "json":
        click.echo(statistics_json(outcome.findings, outcome.errors, __version__))
    elif statistics:
        click.echo(statistics_table(outcome.findings))
    elif output_format == "json":
        click.echo(to_json(outcome.findings, outcome.errors, __version__))
    elif output_format == "sarif":
        click.echo(to_sarif(outcome.findings, __version__, outcome.errors))
    elif output_format == "github":
        if outcome.findings:
            click.echo(to_github(outcome.findings))
    elif output_format == "gitlab":
        from fixer.gitlab import to_gitlab

        click.echo(to_gitlab(outcome.findings))
    elif output_format == "concise":
        for item in outcome.findings:
            click.echo(text_line(item))
    else:
        color = False if os.environ.get("NO_COLOR") else None  # None: only on a terminal
        for item in outcome.findings:
            click.echo(text_block(item, color=color is not False), color=color)
        if outcome.findings:
            click.echo(summary(outcome.findings))
    code = outcome.exit_code()
    sys.exit(EXIT_CLEAN if exit_zero and code == EXIT_FINDINGS else code)


@cli.command(epilog=_EXAMPLES)
@_common
@_fail_on
@_min_severity
@_stdin_filename
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that are not safe.")
@click.option("--diff", is_flag=True, help="Print a unified diff instead of writing files.")
@click.option(
    "-i",
    "--interactive",
    is_flag=True,
    help="Review each finding: accept, choose a suggestion, skip, or allow it.",
)
def fix(
    paths: tuple[str, ...],
    stdin_filename: str | None,
    jobs: int | None,
    unsafe_fixes: bool,
    diff: bool,
    interactive: bool,
    **selection: Any,
) -> None:
    """Apply safe fixes in place ('-' reads standard input and writes standard output)."""
    if interactive:
        if diff:
            raise click.UsageError(
                "-i writes the fixes you accept; it cannot be combined with --diff"
            )
        sys.exit(_review(paths, _options(**selection)))
    outcome = Outcome()
    work = Work(_options(**selection), fix=True, unsafe=unsafe_fixes, diff=diff)
    for result in _run(paths, stdin_filename, work, jobs, outcome):
        if result.diff:
            sys.stdout.flush()
            sys.stdout.buffer.write(result.diff)
        if result.output is not None:
            sys.stdout.flush()
            sys.stdout.buffer.write(result.output)
        elif result.changed and not diff and not result.error:
            click.echo(_applied(result), err=True)
    sys.exit(_left_after_fixing(outcome))


def _applied(result: FileResult) -> str:
    return f"{result.name}: applied {result.fixed} {'fix' if result.fixed == 1 else 'fixes'}"


def _left_after_fixing(outcome: Outcome) -> int:
    """Print the findings a fix left, one line each on stderr; the exit code of ``fix``."""
    for item in outcome.findings:
        click.echo(text_line(item), err=True)
    return outcome.exit_code(fixing=True)


def _review(paths: Sequence[str], options: Options) -> int:
    """``fix -i``: review file after file until the reviewer quits; the exit code is that of
    ``fix`` for what was changed and what is left, and 2 if a file or an allowlist could not
    be written (the review goes on)."""
    from fixer.interactive import review_file

    outcome = Outcome()
    try:
        targets = list(iter_targets(paths, skipped=options.skipped))
        _warn_about_lexicons(options, [path for path, problem in targets if not problem])
        for path, problem in targets:
            if path == STDIN:
                raise click.UsageError("fix -i reviews files, not standard input")
            if problem:
                outcome.error(path, problem)
                continue
            review = review_file(path, options)
            outcome.errors.extend(review.errors)  # each printed as it happened
            outcome.add(review.result)
            if review.result.fixed:
                click.echo(_applied(review.result))
            if review.stop:
                break
    except SetupError as error:
        raise click.UsageError(str(error)) from None
    return _left_after_fixing(outcome)


@cli.command(
    epilog="""
\b
Examples:
  fixer scan manuscripts/ --format html -o report.html
  fixer scan submissions/ --format csv > ranking.csv
  fixer scan corpus/ --engine dask --scheduler tcp://scheduler:8786 --format json
"""
)
@_common
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "csv", "json", "html"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run locally or on a Dask cluster.",
)
@click.option(
    "--scheduler", default=None, help="Dask scheduler address (default: a local cluster)."
)
@click.option(
    "--high-distinct",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Distinct garbles that make a document high risk.",
)
@click.option(
    "--high-density",
    type=click.FloatRange(min=0),
    default=2.0,
    show_default=True,
    help="Findings per 1,000 words that make a document high risk (with at least "
    "--suspicious-distinct distinct garbles).",
)
@click.option(
    "--suspicious-distinct",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Distinct garbles that make a document suspicious.",
)
def scan(
    paths: tuple[str, ...],
    jobs: int | None,
    output_format: str,
    output: Path | None,
    engine: str,
    scheduler: str | None,
    high_distinct: int,
    high_density: float,
    suspicious_distinct: int,
    **selection: Any,
) -> None:
    """Screen a collection of documents (.txt .md .html .rst .pdf .docx) and rank them by
    risk. Findings are risk markers that need a human reader, not verdicts."""
    from fixer import scan as scanning
    from fixer.extract import MANUSCRIPT_SUFFIXES
    from fixer.markup import SYNTAX_BY_SUFFIX

    options = _options(fail_on=None, min_severity=None, **selection)
    thresholds = scanning.Thresholds(high_distinct, high_density, suspicious_distinct)
    names, missing = [], []
    try:
        suffixes = (*SYNTAX_BY_SUFFIX, *MANUSCRIPT_SUFFIXES)
        # options.skipped reads each file's configuration: a bad one is a SetupError
        for path, problem in iter_targets(paths, suffixes, skipped=options.skipped):
            if path == STDIN:
                raise click.UsageError("scan reads files and folders, not standard input")
            if problem:
                missing.append({"path": path, "message": problem})
            else:
                names.append(path)
        _warn_about_lexicons(options, names)
        documents = scanning.scan(names, options, thresholds, jobs, engine, scheduler)
    except SetupError as error:
        raise click.UsageError(str(error)) from None
    data = scanning.report(documents, thresholds, __version__)
    data["errors"] = missing + data["errors"]  # type: ignore[operator]
    for error in data["errors"]:  # type: ignore[attr-defined]
        click.echo(f"{error['path']}: error: {error['message']}", err=True)
    if output_format == "html":
        from fixer.scan_html import render_html

        rendered = render_html(data)
    else:
        rendered = {"csv": scanning.to_csv, "json": scanning.to_json, "text": scanning.to_text}[
            output_format
        ](data)
    if output is None:
        click.echo(rendered, nl=not rendered.endswith("\n"))
    else:
        try:
            write_output(output, rendered)
        except InputError as error:
            _cannot_write(output, error)
        scanned = len(data["documents"])  # type: ignore[arg-type]
        unread = len(data["errors"])  # type: ignore[arg-type]
        documents = "document" if scanned == 1 else "documents"
        note = f" ({unread} {'file' if unread == 1 else 'files'} not read)" if unread else ""
        click.echo(f"{output}: report on {scanned} {documents}{note}", err=True)
    risky = any(d["risk"] in ("high", "suspicious") for d in data["documents"])  # type: ignore[attr-defined]
    sys.exit(EXIT_ERROR if data["errors"] else EXIT_FINDINGS if risky else EXIT_CLEAN)


cli.add_command(lexicon)
cli.add_command(explain)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (for tests and ``python -m fixer``)."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None, prog_name="fixer", standalone_mode=True
        )
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    return EXIT_CLEAN


def console() -> NoReturn:
    """The ``fixer`` command (and ``python -m fixer``): ``main``, then exit at once.

    A check holds a few hundred thousand small objects (lexicon, vocabulary, thesaurus, word
    lists). Tearing the interpreter down frees them one by one, which took about 0.09 s: a
    quarter of a pre-commit run on one small file. Every file fixer writes is complete (written
    and renamed) before ``main`` returns, so only the standard streams need flushing."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None when the process was started with it closed
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (``fixer check | head``) or stream
            code = code or EXIT_ERROR
    os._exit(code)
