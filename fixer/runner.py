"""Checking or fixing many files: one file's work as a pure-ish function, and a parallel map
that returns results in input order whatever the number of jobs."""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from fixer.config import (
    ConfigError,
    SelectorError,
    Settings,
    config_where,
    excluded_by,
    settings_for,
)
from fixer.discover import STDIN
from fixer.edits import Edit
from fixer.engine import Checker, FixResult, make_checker
from fixer.extract import MANUSCRIPT_SUFFIXES, extract
from fixer.files import Document, InputError, decode, read_document, write_atomic
from fixer.lexicon import LexiconError
from fixer.markup import syntax_for
from fixer.model import DETECTORS, Finding, FixSafety, Severity
from fixer.report import Located, locate
from fixer.stream import (
    STREAM_FROM_CHARS,
    check_large,
    check_large_text,
    fix_large,
    large_file,
)

T = TypeVar("T")
R = TypeVar("R")

#: With this many files or more, the default is one job per core.
PARALLEL_FROM = 16


class SetupError(Exception):
    """A configuration or lexicon problem: the whole run stops (exit code 2)."""


@dataclass(frozen=True)
class Options:
    """What the command line says about every file; configuration fills in the rest."""

    lexicons: tuple[Path, ...] = ()
    fail_on: str | None = None
    min_severity: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config_file: Path | None = None
    isolated: bool = False
    encoding: str | None = None
    detectors: tuple[str, ...] = ()
    force_exclude: bool = False

    def settings(self, name: str, from_stdin: bool = False) -> Settings:
        path = None if from_stdin and name == STDIN else Path(name)
        try:
            base = settings_for(path, self.isolated, self.config_file)
        except ConfigError as error:
            raise SetupError(str(error)) from None
        return base.with_overrides(
            fail_on=self.fail_on,
            min_severity=self.min_severity,
            select=self.select,
            ignore=self.ignore,
            detectors=self.detectors,
            lexicons=base.lexicons + self.lexicons,
        )

    def checker(self, settings: Settings) -> Checker:
        try:
            return make_checker(settings=settings, detectors=settings.detectors or DETECTORS)
        except LexiconError as error:
            raise SetupError(str(error)) from None
        except SelectorError as error:
            raise SetupError(self._unknown_selector(error, settings)) from None

    def lexicon_warnings(self, names: Iterable[str]) -> list[str]:
        """The warnings, each once, of the user lexicons that the files ``names`` are checked
        with (``Lexicon.warnings``). Asked before the files are processed, so that they are
        said once however many worker processes load the lexicons; in this process the
        checkers are then already made."""
        warnings: dict[str, None] = {}
        for settings in dict.fromkeys(self.settings(name) for name in names):
            if settings.lexicons:
                warnings.update(dict.fromkeys(self.checker(settings).lexicon.warnings))
        return list(warnings)

    def _unknown_selector(self, error: SelectorError, settings: Settings) -> str:
        """The message for an unknown ``select`` or ``ignore`` name, naming where it was given:
        the command line (which overrides the configuration) or the configuration file."""
        if getattr(self, error.key) or settings.source is None:
            return f"Invalid value for '--{error.key}': {error.reason}"
        return f"{config_where(settings.source)}: key '{error.key}': {error.reason}"

    def skipped(self, name: str, walked: bool) -> bool:
        """Whether to leave a file out: it matches an ``exclude`` glob and was found by walking
        a folder, or named on the command line with ``--force-exclude`` (as pre-commit names
        every staged file, and its hooks pass that flag)."""
        return (walked or self.force_exclude) and self.excluded(name)

    def excluded(self, name: str) -> bool:
        """Whether a file matches an ``exclude`` glob of its config (``excluded_by``). A
        symlink is judged by its own path, as Git judges it for ``.gitignore`` (and as
        configuration is found for it, from its own folder), wherever it points: only the
        folder it lies in is resolved."""
        settings = self.settings(name)
        if not settings.exclude or settings.source is None:
            return False
        path = Path(name)
        own = path.parent.resolve() / path.name
        try:
            relative = own.relative_to(settings.source.parent).as_posix()
        except ValueError:
            return False
        return excluded_by(relative, settings.exclude)


@dataclass(frozen=True)
class Task:
    """One file to process; ``stdin`` holds standard input's bytes, read by the caller."""

    name: str
    stdin: bytes | None = None
    error: str | None = None  # found before processing (a missing file)
    excluded: bool = False  # standard input whose name --force-exclude leaves out: not checked


@dataclass(frozen=True)
class Work:
    """What to do with every file."""

    options: Options
    fix: bool = False
    unsafe: bool = False
    diff: bool = False


@dataclass
class FileResult:
    name: str
    findings: list[Located] = field(default_factory=list)
    error: str | None = None
    changed: bool = False
    fixed: int = 0
    diff: bytes = b""  # for --diff: a patch of the file's bytes
    output: bytes | None = None  # what fix writes to stdout for standard input
    threshold: Severity = Severity.WARNING  # the file's fail-on setting

    @property
    def failing(self) -> bool:
        """Whether a finding left in the file reaches its fail-on threshold."""
        return any(item.finding.severity >= self.threshold for item in self.findings)


def process(task: Task, work: Work) -> FileResult:
    """Check (or fix) one file. Never raises for the file's own problems: they become
    ``error``; a configuration or lexicon problem raises ``SetupError``. ``fix -`` is a filter:
    standard input that it did not fix and encode comes out as it came in, whatever the reason
    (an editor piping its buffer through it must not get it back empty)."""
    result = _process(task, work)
    if task.stdin is not None and work.fix and not work.diff and result.output is None:
        result.output = task.stdin
    return result


def _process(task: Task, work: Work) -> FileResult:
    """``process`` but for passing standard input on."""
    result = FileResult(task.name, error=task.error)
    if task.error or task.excluded:
        return result
    from_stdin = task.stdin is not None
    settings = work.options.settings(task.name, from_stdin)
    checker = work.options.checker(settings)
    syntax = syntax_for(task.name)
    result.threshold = Severity.parse(settings.fail_on)
    try:
        if Path(task.name).suffix.lower() in MANUSCRIPT_SUFFIXES:
            return _manuscript(task, work, checker, result)
        if not (from_stdin or work.fix) and syntax == "text" and large_file(task.name):
            result.findings = check_large(task.name, checker, work.options.encoding)
            return result
        document = _document(task, work.options.encoding)
    except (InputError, OSError) as error:
        result.error = str(error) if isinstance(error, InputError) else error.strerror
        return result
    text = document.text
    large = syntax == "text" and len(text) >= STREAM_FROM_CHARS
    if work.fix:
        fixed = (
            fix_large(text, checker, work.unsafe)
            if large
            else checker.fix(text, syntax, work.unsafe)
        )
        try:
            _deliver(task, document, fixed.text, work, result)
        except InputError as error:
            result.error = str(error)  # nothing was delivered: the findings are the file's own
        else:
            text, result.fixed = fixed.text, len(fixed.fixed)
            result.changed = text != document.text
    if large:
        result.findings = check_large_text(task.name, text, checker)
        return result
    result = remaining(result, text, checker, syntax, fixed.spun if work.fix else None)
    if work.diff and result.changed:
        # --diff writes nothing: what is left is shown where it stands in the file as it is.
        placed = [_as_given(item.finding, fixed) for item in result.findings]
        result.findings = locate(task.name, document.text, placed)
    return result


def _as_given(finding: Finding, fixed: FixResult) -> Finding:
    """A finding in the fixed text, placed in the text as it was given."""
    at = fixed.position_before
    return dataclasses.replace(
        finding,
        start=at(finding.start),
        end=at(finding.end),
        edit_start=at(finding.edit_start),
        edit_end=at(finding.edit_end),
        fallback=tuple(_as_given(f, fixed) for f in finding.fallback),
        alternatives=tuple(
            None if edit is None else Edit(at(edit.start), at(edit.end), edit.replacement)
            for edit in finding.alternatives
        ),
    )


def _document(task: Task, encoding: str | None) -> Document:
    """The task's text: standard input's bytes decoded, or the file read."""
    if task.stdin is not None:
        return decode(task.name, task.stdin, encoding)
    return read_document(Path(task.name), encoding)


def remaining(
    result: FileResult, text: str, checker: Checker, syntax: str, spun: bool | None = None
) -> FileResult:
    """``result`` with the findings left in ``text`` (the file as fixed, if it was), read as
    spun if ``spun`` says the file was (``Checker.examine``)."""
    result.findings = locate(result.name, text, checker.examine(text, syntax, spun).findings)
    return result


def _deliver(task: Task, document: Document, fixed: str, work: Work, result: FileResult) -> None:
    """Send a fixed text where it goes: a diff, standard output, or the file (if it changed).
    ``InputError`` when it cannot be encoded or written; then nothing is delivered (``process``
    passes standard input on as it was)."""
    if work.diff:
        if fixed != document.text:
            result.diff = unified_diff(task.name, document.raw, document.encode(fixed))
    elif task.stdin is not None:
        result.output = document.encode(fixed)
    elif fixed != document.text:
        write_atomic(Path(task.name), document, fixed)


def _manuscript(task: Task, work: Work, checker: Checker, result: FileResult) -> FileResult:
    """Check a PDF or DOCX (a file, or standard input that ``--stdin-filename`` names so)
    through its extracted text; locations are pages or paragraphs."""
    name = task.name
    if work.fix:
        result.error = cannot_rewrite(name)
        return result
    extracted = extract(Path(name), task.stdin)
    result.findings = [
        # fix cannot rewrite the file, so no finding in it is offered as fixable
        dataclasses.replace(
            item,
            finding=dataclasses.replace(item.finding, fix=FixSafety.NONE),
            location=extracted.where(item.finding.start),
        )
        for item in locate(name, extracted.text, checker.check(extracted.text, "text"))
    ]
    return result


def cannot_rewrite(name: str) -> str | None:
    """Why ``fix`` (and ``fix -i``) may not write a file: a PDF or DOCX manuscript is checked
    through the text extracted from it, which cannot be written back. None for other files."""
    suffix = Path(name).suffix
    if suffix.lower() not in MANUSCRIPT_SUFFIXES:
        return None
    return f"fix cannot rewrite {suffix} files; use fixer check or scan"


def run(tasks: Sequence[Task], work: Work, jobs: int | None) -> Iterator[FileResult]:
    """Process every task, in parallel when ``jobs`` (or the default) allows; in input order."""
    return ordered_map(functools.partial(process, work=work), tasks, jobs)


def ordered_map(function: Callable[[T], R], items: Sequence[T], jobs: int | None) -> Iterator[R]:
    """``map(function, items)`` in worker processes when ``jobs`` (default: one per core from
    ``PARALLEL_FROM`` items on) is more than one; results come in input order either way."""
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(items) >= PARALLEL_FROM else 1
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # 0.01 s to import: only when needed

    chunk = max(1, len(items) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(function, items, chunksize=chunk)


def unified_diff(name: str, before: bytes, after: bytes) -> bytes:
    """A diff of the file's bytes, so that ``git apply`` and ``patch`` take it as it is: BOM,
    encoding and line endings included. Lines end at "\\n" only, as for those tools (a text's
    ``splitlines`` would also break at form feeds and U+2028)."""
    import difflib  # only for --diff
    import io

    lines = difflib.diff_bytes(
        difflib.unified_diff,
        io.BytesIO(before).readlines(),
        io.BytesIO(after).readlines(),
        fromfile=_diff_path(b"a/", name),
        tofile=_diff_path(b"b/", name),
    )
    return b"".join(
        line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n"
        for line in lines
    )


#: How git writes a byte of a path that it quotes; any other control byte is written in octal.
_QUOTED = {ord("\t"): b"\\t", ord("\n"): b"\\n", ord('"'): b'\\"', ord("\\"): b"\\\\"}


def _diff_path(side: bytes, name: str) -> bytes:
    """A diff's name for the file, as git writes one: in double quotes with C escapes when it
    holds a quote, a backslash or a control character (a tab would end the name there for
    ``git apply`` and ``patch``)."""
    path = side + os.fsencode(plain_name(name))
    escaped = b"".join(
        _QUOTED.get(byte) or (b"\\%03o" % byte if byte < 0x20 or byte == 0x7F else bytes((byte,)))
        for byte in path
    )
    return path if escaped == path else b'"' + escaped + b'"'


def plain_name(name: str) -> str:
    """The file as a diff or a GitLab report names it: without "./" or "x/.." on the way, and
    relative to the current folder when it is inside it, as ``git apply`` reads a path
    ("a/./page.md" and "a//abs/page.md" it refuses) and GitLab a file of the repository."""
    path = os.path.normpath(name)
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive (Windows)
            return path
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return relative
    return path
