"""``fixer lexicon …`` and ``fixer explain``: looking into the data behind the findings."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from fixer.config import ConfigError, settings_for
from fixer.engine import Checker, make_checker
from fixer.files import InputError, write_output
from fixer.lexicon import LexiconError
from fixer.lexicon_lint import lint_files
from fixer.model import CATEGORIES, RULES, Entry
from fixer.pps import PPSError, convert
from fixer.words import holds_run

F = TypeVar("F", bound=Callable[..., object])

_FIX_WHY = {
    "SAFE": "one unambiguous correction and no context condition: `fixer fix` applies it",
    "UNSAFE": "several corrections or a context condition: applied with --unsafe-fixes",
    "NONE": "the right correction cannot be told from the text: reported only",
}


def lexicon_option(help: str | None = None) -> Callable[[F], F]:
    """``--lexicon FILE``, repeatable, passed on as ``lexicons``: a lexicon of the user's own."""
    return click.option(
        "--lexicon",
        "lexicons",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=help,
    )


@click.group()
def lexicon() -> None:
    """Inspect and validate lexicons."""


@lexicon.command()
@lexicon_option("Also count this lexicon file (repeatable).")
def stats(lexicons: tuple[Path, ...]) -> None:
    """Counts by category, severity, fix safety and source."""
    entries = _checker(lexicons).lexicon.entries
    click.echo(f"{len(entries)} entries")
    for title, key in (
        ("category", lambda e: e.category),
        ("severity", lambda e: str(e.severity)),
        ("fix", lambda e: str(e.fix)),
        ("source", _source_kind),
    ):
        click.echo(f"\nby {title}:")
        for value, count in sorted(Counter(map(key, entries)).items(), key=lambda kv: -kv[1]):
            click.echo(f"  {value:<20} {count:>6}")


def _checker(lexicons: tuple[Path, ...] = ()) -> Checker:
    """The checker with the lexicons of the configuration found from the working directory
    (as ``check`` finds it for the files there) and ``lexicons`` added, so that the ids of a
    house style's own entries can be looked up. A configuration or lexicon that cannot be
    read is one line on stderr and exit code 2, as for ``check`` (a traceback would exit 1)."""
    try:
        configured = settings_for(None).lexicons
        return make_checker(dict.fromkeys(p.resolve() for p in (*configured, *lexicons)))
    except (ConfigError, LexiconError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)


def _source_kind(entry: Entry) -> str:
    return entry.source.split(":", 1)[0]


@lexicon.command()
@click.argument("phrase")
@lexicon_option()
def lookup(phrase: str, lexicons: tuple[Path, ...]) -> None:
    """Which entries match PHRASE (as text would be checked), and why; and those that match
    words of it only where their context holds ("captures" near "fever")."""
    checker = _checker(lexicons)
    findings = checker.check(phrase)
    entries = checker.lexicon.by_id()
    for finding in findings:
        click.echo(f"{finding.text!r} → {' | '.join(finding.suggestions)}")
        entry = entries.get(finding.entry_id)
        if entry is not None:
            click.echo(_describe(entry, indent="  "))
        else:
            click.echo(f"  {finding.detector}: {finding.message}")
    words = checker.normalizer.phrase(phrase)
    reported = {finding.entry_id for finding in findings}
    in_context = [
        entry
        for entry in checker.lexicon.entries
        if entry.context and entry.id not in reported and holds_run(words, entry.normal)
    ]
    if not findings and not in_context:
        click.echo(f"no entry matches {phrase!r}")
        sys.exit(1)
    if in_context:
        click.echo(f"{'Also, w' if findings else 'W'}here their context holds:")
        for entry in in_context:
            click.echo(_describe(entry, indent="  "))


@lexicon.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def validate(files: tuple[Path, ...]) -> None:
    """Check lexicon FILES as the test suite checks the built-in ones (with line numbers)."""
    problems = lint_files(list(files))
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo(f"{len(files)} file(s) valid")


@lexicon.command("import-pps")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the lexicon here instead of standard output.",
)
@click.option(
    "--category",
    type=click.Choice(list(CATEGORIES)),
    default="general-wording",
    show_default=True,
    help="Category for the imported entries.",
)
def import_pps(csv_file: Path, output: Path | None, category: str) -> None:
    """Convert a Problematic Paper Screener export (CSV) into a fixer lexicon file.

    Both header styles are read ("Fingerprint - Tortured Phrase, Expected Text, Nb Retrieved
    Papers" and "tortured_phrase, expected_phrase, num_papers"); AND / NOT / OR clauses become
    context clauses, and unsure corrections become report-only entries.
    """
    try:
        rows, notes = convert(csv_file.read_text(encoding="utf-8-sig"), str(csv_file), category)
    except (PPSError, UnicodeDecodeError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    text = "".join("\t".join(row) + "\n" for row in rows)
    for note in notes:
        click.echo(note, err=True)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            write_output(output, text)
        except InputError as error:
            click.echo(f"{output}: error: {error}", err=True)
            sys.exit(2)
    click.echo(f"{len(rows) - 1} entries imported, {len(notes)} rows skipped", err=True)


@click.command()
@click.argument("code")
@lexicon_option("Also look in this lexicon file (repeatable), for the ids of your own entries.")
def explain(code: str, lexicons: tuple[Path, ...]) -> None:
    """What a rule (FX001) or lexicon entry (AN0001) does, why, its source and fix safety."""
    upper = code.upper()
    if upper in RULES:
        rule = RULES[upper]
        click.echo(f"{rule.code} ({rule.name})\n\n{rule.summary}")
        return
    entry = _checker(lexicons).lexicon.by_id().get(upper)
    if entry is None:
        click.echo(f"unknown rule or entry {code!r}", err=True)
        sys.exit(2)
    click.echo(_describe(entry))


def _describe(entry: Entry, indent: str = "") -> str:
    lines = [
        f"{entry.id}: {entry.garble} → {' | '.join(entry.corrections)}",
        f"rule: {entry.rule.code} ({entry.rule.name}); category: {entry.category}",
        f"severity: {entry.severity}; fix: {entry.fix} ({_FIX_WHY[entry.fix.name]})",
        f"context: {entry.context_text or '(none)'}",
        f"source: {entry.source}",
        f"example: {entry.example}",
        f"defined at: {Path(entry.path).name}:{entry.line}",
    ]
    return "\n".join(indent + line for line in lines)
