"""Configuration: ``[tool.fixer]`` in ``pyproject.toml`` or a ``.fixer.toml``, found upward from
each checked file (the nearest wins, as in ruff); the command line overrides it.

    [tool.fixer]
    select = ["FX001", "FX101"]          # rules, categories, detectors or entry ids
    ignore = ["general-wording", "DI0042"]
    fail-on = "error"
    min-severity = "warning"             # leave out info findings, as ``ignore`` would
    lexicons = ["house-style.tsv"]       # relative to the configuration file
    exclude = ["archive/**"]             # globs, for directory walks
    allow = [{ phrase = "sound platelets", reason = "quoted from a 1911 text" }]
    skip = ["quotations", "references"]  # do not check quoted text or reference lists
    detectors = ["lexicon", "abbreviation"]  # run only these (faster; default: all four)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from functools import cache, lru_cache
from pathlib import Path

from fixer.model import (
    ABBREVIATION_ID,
    CATEGORIES,
    DETECTORS,
    READING_ID,
    RULES,
    SUPPRESSION,
    Finding,
    Severity,
)
from fixer.words import Normalizer

CONFIG_FILES = (".fixer.toml", "pyproject.toml")
PROJECT_MARKERS = (".git", "pyproject.toml")
_KEYS = {
    "select",
    "ignore",
    "fail-on",
    "min-severity",
    "lexicons",
    "exclude",
    "allow",
    "skip",
    "detectors",
}
SEVERITIES = ("error", "warning", "info")
SKIPPABLE = ("quotations", "references")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


class SelectorError(ValueError):
    """A name in ``select`` or ``ignore`` (the ``key``) that is no rule, category, detector or
    entry id: it would match no finding, so a typo would let every check pass."""

    def __init__(self, key: str, name: str) -> None:
        self.key, self.name = key, name
        self.reason = f"unknown rule, category, detector or entry id {name!r}"
        super().__init__(f"{key}: {self.reason}")


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    min_severity: str = "info"  # findings below it are left out, as ``ignore`` leaves them
    lexicons: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    allow: tuple[tuple[str, str], ...] = ()  # (phrase, reason)
    skip: tuple[str, ...] = ()  # parts of documents not to check: quotations, references
    detectors: tuple[str, ...] = ()  # the detectors to run; none named: all of them
    source: Path | None = field(default=None, compare=False)

    def with_overrides(self, **overrides: object) -> Settings:
        """These settings with every override that is not None or empty applied."""
        given = {k: v for k, v in overrides.items() if v not in (None, ())}
        return replace(self, **given)  # type: ignore[arg-type]


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or a directory)."""
    directory = start if start.is_dir() else start.parent
    return _config_in(directory.resolve())


@lru_cache(maxsize=4096)
def _config_in(folder: Path) -> Path | None:
    """The configuration of ``folder``, else of its parent: remembered per folder, so that
    checking many files looks at each folder (and parses each pyproject.toml) once."""
    for name in CONFIG_FILES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_fixer_table(candidate)):
            return candidate
    return None if folder.parent == folder else _config_in(folder.parent)


def new_config_path(start: Path) -> tuple[Path, str]:
    """Where a new ``.fixer.toml`` for ``start`` (a file or a directory) belongs, and why: the
    nearest folder at or above it that holds ``.git`` or ``pyproject.toml`` (the project root),
    else ``start``'s own folder. Discovery finds it there for ``start``, from whatever folder
    fixer is run, and for the rest of the project too."""
    directory = (start if start.is_dir() else start.parent).resolve()
    for folder in (directory, *directory.parents):
        if any((folder / marker).exists() for marker in PROJECT_MARKERS):
            return folder / CONFIG_FILES[0], "the project root"
    return directory / CONFIG_FILES[0], "the file's folder"


def fixer_table(path: Path) -> tuple[str, ...]:
    """The keys that lead to fixer's settings in a configuration file: ``[tool.fixer]`` in a
    ``pyproject.toml``, the top level anywhere else."""
    return ("tool", "fixer") if path.name == "pyproject.toml" else ()


def forget_configs() -> None:
    """Forget where configuration files were found (each command run starts afresh)."""
    _config_in.cache_clear()


def _has_fixer_table(path: Path) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.fixer]`` (one whose ``tool`` is no table has
    none: it is some other tool's business)."""
    try:
        tool = _read(path).get("tool", {})
    except ConfigError:
        return True  # let loading report the error
    return isinstance(tool, dict) and "fixer" in tool


def _read(path: Path) -> dict:
    import tomllib  # 3 ms to import: only when there is a configuration file

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None


def load_config(path: Path) -> Settings:
    """The settings in ``path`` (read again whenever the file changes)."""
    try:
        stat = path.stat()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error.strerror}") from None
    return _load_config(path, stat.st_mtime_ns, stat.st_size)


@cache
def _load_config(path: Path, _mtime: int, _size: int) -> Settings:
    data = _read(path)
    table = data
    where = config_where(path)
    for key in fixer_table(path):
        table = table.get(key, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: must be a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key '{unknown[0]}' (known: {', '.join(sorted(_KEYS))})"
        )
    skip = _strings(table, "skip", where)
    if set(skip) - set(SKIPPABLE):
        raise ConfigError(f"{where}: key 'skip' takes {' and '.join(SKIPPABLE)}")
    detectors = _strings(table, "detectors", where)
    unknown_detectors = set(detectors) - set(DETECTORS)
    if unknown_detectors or (detectors == () and "detectors" in table):
        raise ConfigError(f"{where}: key 'detectors' takes some of {', '.join(DETECTORS)}")
    strings = {
        key: _strings(table, key, where) for key in ("select", "ignore", "lexicons", "exclude")
    }
    defaults = {"fail-on": Settings.fail_on, "min-severity": Settings.min_severity}
    severities = {key: table.get(key, default) for key, default in defaults.items()}
    for key, value in severities.items():
        if value not in SEVERITIES:
            raise ConfigError(f"{where}: key '{key}' must be error, warning or info")
    return Settings(
        select=strings["select"],
        ignore=strings["ignore"],
        fail_on=severities["fail-on"],
        min_severity=severities["min-severity"],
        lexicons=tuple((path.parent / p).resolve() for p in strings["lexicons"]),
        exclude=strings["exclude"],
        allow=_allow(table.get("allow", []), where),
        skip=skip,
        detectors=detectors,
        source=path,
    )


def config_where(path: Path) -> str:
    """How a message names a configuration file: a pyproject.toml with its table."""
    return f"{path}: [tool.fixer]" if path.name == "pyproject.toml" else str(path)


def _strings(table: dict, key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: key '{key}' must be a list of strings")
    return tuple(value)


def _allow(value: object, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: key 'allow' must be a list of {{phrase, reason}} tables")
    rows = []
    for item in value:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("phrase"), str)
            and isinstance(item.get("reason"), str)
            and item["reason"].strip()
        ):
            raise ConfigError(f"{where}: each 'allow' entry needs a phrase and a reason")
        extra = sorted(set(item) - {"phrase", "reason"})
        if extra:
            raise ConfigError(
                f"{where}: unknown key {extra[0]!r} in an 'allow' entry (known: phrase, reason)"
            )
        rows.append((item["phrase"], item["reason"]))
    return tuple(rows)


def excluded_by(relative: str, globs: Iterable[str]) -> bool:
    """Whether a file at ``relative`` (a POSIX path from the configuration file's folder) is
    left out by one of the ``exclude`` globs. They read as users know globs from .gitignore
    and ruff, so that "archive" does not silently match nothing: a glob without a slash names
    a file or folder at any depth ("archive", "*.draft.md"), a trailing slash only a folder
    ("archive/"), and any other slash ties it to the configuration file's folder, as a leading
    "./" or "/" does ("./archive", "/archive", "docs/old/**"; a leading "**/" matches there
    too). A folder that matches leaves out all it holds. ``fnmatch``'s ``*`` also matches "/",
    as it always has here."""
    parts = relative.split("/")
    return any(_excludes(glob, parts) for glob in globs)


def _excludes(glob: str, parts: list[str]) -> bool:
    """Whether ``glob`` matches the file whose path is ``parts`` or a folder above it."""
    folder_only = glob.endswith("/")
    pattern = glob.rstrip("/").removeprefix("./").removeprefix("/")
    anywhere = "/" not in glob.rstrip("/")
    patterns = {pattern, pattern.removeprefix("**/")}
    last = len(parts) - 1 if folder_only else len(parts)  # the file itself is no folder
    for depth in range(1, last + 1):
        path = "/".join(parts[:depth])
        if any(fnmatch(path, p) or (anywhere and fnmatch(parts[depth - 1], p)) for p in patterns):
            return True
    return False


def settings_for(
    path: Path | None, isolated: bool = False, explicit: Path | None = None
) -> Settings:
    """The settings that apply to a file: ``explicit`` if given, else the nearest config."""
    if isolated:
        return Settings()
    config = explicit or (find_config(path) if path is not None else find_config(Path.cwd()))
    return load_config(config.resolve()) if config else Settings()


#: Names that ``select`` and ``ignore`` take whatever the lexicon: rule codes and names,
#: categories and detectors (abbreviation and reversal findings have their detector's name as
#: their category, FX900 and FX901 findings ``SUPPRESSION`` as both).
_FIXED_NAMES = (
    *RULES,
    *(rule.name for rule in RULES.values()),
    *CATEGORIES,
    *DETECTORS,
    SUPPRESSION,
)


def known_names(entry_ids: Iterable[str]) -> dict[str, str]:
    """The names that ``select``, ``ignore`` and suppression directives take, by case-folded
    form: rules, categories, detectors and the entry ids ``entry_ids``. No two names differ
    only in case (codes and ids are upper case, the rest lower case), so reading any case is
    never ambiguous."""
    return {name.casefold(): name for name in (*_FIXED_NAMES, *entry_ids)}


def name_for(name: str, known: dict[str, str]) -> str | None:
    """The name of ``known`` that ``name`` stands for in any case ("fx001", "Anatomy"), or
    ``None``. An id a detector makes up ("ABBR:CNS", "REV:chest-pain") cannot be listed ahead
    of the text: any such id is taken as written after its prefix."""
    if name.casefold() in known:
        return known[name.casefold()]
    prefix, colon, rest = name.partition(":")
    generated = (prefix + colon).upper()
    return generated + rest if rest and generated in (ABBREVIATION_ID, READING_ID) else None


def resolve_selectors(settings: Settings, known: dict[str, str]) -> Settings:
    """``settings`` with each ``select`` and ``ignore`` name written as the known name it
    stands for (``name_for``; ``known`` as ``known_names`` makes it); raise ``SelectorError``
    for a name that names none."""
    if not (settings.select or settings.ignore):
        return settings
    return replace(
        settings,
        select=tuple(_canonical(name, known, "select") for name in settings.select),
        ignore=tuple(_canonical(name, known, "ignore") for name in settings.ignore),
    )


def _canonical(name: str, known: dict[str, str], key: str) -> str:
    canonical = name_for(name, known)
    if canonical is None:
        raise SelectorError(key, name)
    return canonical


def selected(finding: Finding, settings: Settings, normalizer: Normalizer) -> bool:
    """Whether a finding survives ``select``, ``ignore``, ``min-severity`` and ``allow``."""
    if finding.severity < Severity.parse(settings.min_severity):
        return False
    names = finding.names
    if settings.select and not names & set(settings.select):
        return False
    if names & set(settings.ignore):
        return False
    if settings.allow:
        allowed = {normalizer.phrase(phrase) for phrase, _ in settings.allow}
        if normalizer.phrase(finding.phrase) in allowed:
            return False
    return True
