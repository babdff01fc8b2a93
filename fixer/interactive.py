"""``fixer fix -i``: review each finding and decide: accept, choose another suggestion, skip,
allow the phrase for good (it goes to the allowlist of ``.fixer.toml``), or quit."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from fixer.config import find_config
from fixer.edits import Edit, apply_edits
from fixer.files import Document, InputError, read_document, write_atomic
from fixer.markup import syntax_for
from fixer.report import locate, text_block
from fixer.runner import Options

_PROMPT = "[a]ccept, 1-{n} choose, [s]kip, [i]gnore always, [q]uit"


class Quit(Exception):
    """The reviewer asked to stop; what was decided so far is kept."""


def review_file(name: str, options: Options) -> tuple[int, str | None]:
    """Review one file; return (edits applied, error). Raises ``Quit`` to stop the session."""
    try:
        document = read_document(Path(name), options.encoding)
    except InputError as error:
        return 0, str(error)
    checker = options.checker(options.settings(name))
    findings = [f for f in checker.check(document.text, syntax_for(name)) if f.suggestions[0]]
    edits: list[Edit] = []
    try:
        for item in locate(name, document.text, findings):
            finding = item.finding
            click.echo(text_block(item))
            for number, suggestion in enumerate(finding.suggestions, start=1):
                click.echo(f"  {number}. {suggestion}")
            answer = (
                click.prompt(
                    _PROMPT.format(n=len(finding.suggestions)), default="a", show_default=False
                )
                .strip()
                .lower()
            )
            if answer == "q":
                raise Quit
            if answer == "i":
                _allow(Path(name), finding.text)
            elif answer == "a":
                edits.append(Edit(finding.edit_start, finding.edit_end, finding.replacement))
            elif answer.isdigit() and 1 <= int(answer) <= len(finding.suggestions):
                choice = int(answer) - 1
                edits.append(
                    Edit(finding.edit_start, finding.edit_end, finding.replacement)
                    if choice == 0
                    else Edit(finding.start, finding.end, finding.suggestions[choice])
                )
    finally:
        applied = _write(name, document, edits)
    return applied, None


def _write(name: str, document: Document, edits: list[Edit]) -> int:
    if not edits:
        return 0
    text, applied = apply_edits(document.text, edits)
    try:
        write_atomic(Path(name), document, text)
    except InputError as error:
        click.echo(f"{name}: error: {error}", err=True)
        return 0
    return len(applied)


def _allow(path: Path, phrase: str) -> None:
    """Append the phrase to the allowlist of the nearest ``.fixer.toml`` (or a new one in the
    current folder)."""
    config = find_config(path)
    target = (
        config
        if config is not None and config.name == ".fixer.toml"
        else Path.cwd() / ".fixer.toml"
    )
    words = " ".join(phrase.split()).replace("\\", "\\\\").replace('"', '\\"')
    today = datetime.date.today().isoformat()
    with target.open("a", encoding="utf-8") as out:
        out.write(
            f'\n[[allow]]\nphrase = "{words}"\nreason = "allowed in fixer fix -i on {today}"\n'
        )
    click.echo(f"added {words!r} to the allowlist in {target}")
