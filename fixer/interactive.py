"""``fixer fix -i``: review each finding and decide: accept, choose another suggestion, skip,
allow the phrase for good (it goes to the allowlist of the configuration file that applies to
the file), or quit. What is left afterwards counts as it does for ``fixer fix``."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from fixer.allowlist import AllowError, add_allowed
from fixer.config import forget_configs, new_config_path
from fixer.edits import Edit, apply_edits
from fixer.files import Document, InputError, read_document, write_atomic
from fixer.markup import syntax_for
from fixer.model import Finding, Severity
from fixer.report import locate, text_block
from fixer.runner import FileResult, Options, cannot_rewrite, remaining

#: What the reviewer may answer: to a finding with fixes, and to a report-only one.
_PROMPT = "[a]ccept, 1-{n} choose, [s]kip (Enter), [i]gnore always, [q]uit"
_REPORT_ONLY_PROMPT = "report only: [s]kip (Enter), [i]gnore always, [q]uit"


@dataclass
class Review:
    """What reviewing one file came to: the file's result as ``fix`` counts it (changes, what
    is left, and an error reading or writing the file itself), the other errors met on the way
    (an allowlist that could not be written: each printed in one line as it happened, and
    counted here, so that the session exits 2 while the review goes on), and whether the
    reviewer asked to stop."""

    result: FileResult
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    stop: bool = False  # the reviewer asked to quit; what was decided so far is kept


def review_file(name: str, options: Options) -> Review:
    """Review one file, write what was accepted and check what is left."""
    review = Review(FileResult(name, error=cannot_rewrite(name)))
    if review.result.error:
        return review
    try:
        document = read_document(Path(name), options.encoding)
    except InputError as error:
        review.result.error = str(error)
        return review
    syntax = syntax_for(name)
    checker = options.checker(options.settings(name))
    examined = checker.examine(document.text, syntax)
    findings = [f for f in examined.findings if f.suggestions[0]]
    edits: list[Edit] = []
    try:
        review.stop = _decide(
            name, document.text, findings, edits, options, review, checker.normalizer.phrase
        )
    finally:  # an interrupted review (Ctrl-C, end of input) still keeps what was decided
        text = _write(review.result, document, edits)
    settings = options.settings(name)  # again: "ignore always" may have changed it
    review.result.threshold = Severity.parse(settings.fail_on)
    remaining(review.result, text, options.checker(settings), syntax, examined.spun)
    return review


def _decide(
    name: str,
    text: str,
    findings: Sequence[Finding],
    edits: list[Edit],
    options: Options,
    review: Review,
    normalize: Callable[[str], object],
) -> bool:
    """Ask about each finding, adding the accepted fixes to ``edits`` as they come (so that
    an interrupted review keeps them); whether the reviewer quit. A phrase allowed for good is
    not asked about again further down the file, as the allowlist (matched on ``normalize``d
    phrases) already spares it in the files still to come."""
    allowed: set[object] = set()
    for item in locate(name, text, findings):
        if normalize(item.finding.phrase) in allowed:
            continue
        click.echo(text_block(item))
        choices = _offer(item.finding)
        answer = _ask(len(choices))
        if answer == "q":
            return True
        if answer == "i":
            if _allow(name, item.finding.phrase, options, review):
                allowed.add(normalize(item.finding.phrase))
        elif answer == "a":
            edits.append(choices[0])
        elif answer.isdigit():
            edits.append(choices[int(answer) - 1])
    return False


def _offer(finding: Finding) -> list[Edit]:
    """Print the suggestions, numbering those that can be applied; their edits, in order. They
    are the edits ``fix`` makes (markup kept, the article changed to suit), so a suggestion
    that ``fix`` could not write, or any of a report-only finding, is shown but not offered."""
    choices: list[Edit] = []
    for index, suggestion in enumerate(finding.suggestions):
        edit = finding.edit(index)
        if edit is None:
            click.echo(f"  -  {suggestion} (fixer cannot apply it here)")
        else:
            choices.append(edit)
            click.echo(f"  {len(choices)}. {suggestion}")
    return choices


def _ask(choices: int) -> str:
    """The reviewer's answer, asked again until it is one on offer. Enter skips: a review
    writes only what it is told to (``git add -p`` asks again on Enter, which stages nothing
    either). The end of input or Ctrl-C quits: what was decided is written and reported."""
    offered = ["s", "i", "q", *(["a"] if choices else []), *map(str, range(1, choices + 1))]
    prompt = _PROMPT.format(n=choices) if choices else _REPORT_ONLY_PROMPT
    try:
        answer: str = click.prompt(
            prompt,
            type=click.Choice(offered, case_sensitive=False),
            default="s",
            show_choices=False,
            show_default=False,
        )
    except click.Abort:  # end of input, or Ctrl-C: quit, as "q" does (and git add -p)
        click.echo()
        return "q"
    return answer


def _write(result: FileResult, document: Document, edits: list[Edit]) -> str:
    """Write the accepted edits and record them in ``result``; the text the file now holds."""
    if not edits:
        return document.text
    text, applied = apply_edits(document.text, edits)
    try:
        write_atomic(Path(result.name), document, text)
    except InputError as error:
        result.error = str(error)
        return document.text
    result.changed, result.fixed = text != document.text, len(applied)
    return text


def _allow(name: str, phrase: str, options: Options, review: Review) -> bool:
    """Add the phrase to the allowlist of the configuration that applies to the file (as
    discovery finds it, so later runs from any folder honour it), or of a new ``.fixer.toml``
    where discovery will find it; say where, or in one line why nothing was written (an error
    that fails the session, unless ``--isolated`` asked for no configuration); whether it was
    allowed."""
    if options.isolated:
        click.echo(f"{phrase!r} not allowed: --isolated ignores configuration files", err=True)
        return False
    config = options.settings(name).source
    target, where = (config, None) if config else new_config_path(Path(name))
    reason = f"allowed in fixer fix -i on {datetime.date.today().isoformat()}"
    try:
        add_allowed(target, phrase, reason)
    except AllowError as error:
        message = f"{phrase!r} not allowed: {error}"
        click.echo(f"{target}: error: {message}", err=True)
        review.errors.append((str(target), message))
        return False
    if where is None:
        click.echo(f"added {phrase!r} to the allowlist in {target}")
    else:
        forget_configs()  # a new file: let discovery see it for the files still to come
        click.echo(f"added {phrase!r} to the allowlist in a new {target} ({where})")
    return True
