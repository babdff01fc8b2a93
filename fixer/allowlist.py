"""Adding a phrase to the allowlist of a configuration file ("ignore always" in ``fixer fix
-i``). The file's text is edited, never regenerated, so the user's layout and comments stay; the
edit is written only if the file then parses to exactly what it held before plus the new entry.

``allow`` may be an inline array (``allow = [{ phrase = …, reason = … }]``, as the README writes
it), an array of tables (``[[allow]]``) or absent: the entry goes into the inline array, or into
a ``[[allow]]`` table appended at the end, whichever keeps the file valid.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from fixer.config import fixer_table
from fixer.files import InputError, read_document, write_atomic

#: ``allow = [`` (also as the last part of a dotted key) at the start of a line.
_INLINE_ALLOW = re.compile(r"^[ \t]*(?:[\w-]+[ \t]*\.[ \t]*)*allow[ \t]*=[ \t]*\[", re.MULTILINE)
#: A TOML string of any of the four kinds, from its opening quote.
_STRING = re.compile(
    r'"""(?:\\.|[^\\])*?"{3,5}|\'\'\'.*?\'{3,5}|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'', re.DOTALL
)
_INDENT = "    "


class AllowError(Exception):
    """The allowlist cannot be extended without risk to the file; the message says why."""


def add_allowed(config: Path, phrase: str, reason: str) -> None:
    """Add ``{phrase, reason}`` to the allowlist in ``config``, creating the file if it is
    missing. Raises ``AllowError`` and writes nothing when no safe edit exists."""
    try:
        if not config.exists():
            text = extended("", fixer_table(config), phrase, reason)
            with config.open("x", encoding="utf-8") as out:
                out.write(text)
            return
        document = read_document(config)
        text = extended(document.text, fixer_table(config), phrase, reason)
        write_atomic(config, document, text)
    except (InputError, OSError) as error:
        message = error.strerror if isinstance(error, OSError) else str(error)
        raise AllowError(f"cannot write it: {message}") from None


def extended(text: str, table: tuple[str, ...], phrase: str, reason: str) -> str:
    """``text`` (a TOML document) with the entry added to the ``allow`` array of ``table``."""
    expected = _with_entry(text, table, {"phrase": phrase, "reason": reason})
    newline = "\r\n" if "\r\n" in text else "\n"
    fields = f"phrase = {_string(phrase)}", f"reason = {_string(reason)}"
    inline = f"{{ {', '.join(fields)} }}"
    header = f"[[{'.'.join((*table, 'allow'))}]]"
    separator = "" if not text else newline if text.endswith("\n") else newline * 2
    appended = text + separator + newline.join((header, *fields, ""))
    for candidate in (*_into_inline_arrays(text, inline, newline), appended):
        if _parse(candidate) == expected:
            return candidate
    raise AllowError("its allowlist cannot be extended without rewriting the file")


def _with_entry(text: str, table: tuple[str, ...], entry: dict[str, str]) -> dict:
    """What ``text`` should parse to once the entry is added: the settings it holds now, with
    the entry at the end of ``allow``."""
    data = _parse(text)
    if data is None:
        raise AllowError("it is not valid TOML")
    settings = data
    for key in table:
        settings = settings.setdefault(key, {})
        if not isinstance(settings, dict):
            raise AllowError(f"its '{key}' is not a table")
    allow = settings.setdefault("allow", [])
    if not isinstance(allow, list):
        raise AllowError("its 'allow' is not a list")
    allow.append(entry)
    return data


def _parse(text: str) -> dict | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def _string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, but TOML also escapes DEL."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _into_inline_arrays(text: str, entry: str, newline: str) -> Iterator[str]:
    """``text`` with ``entry`` added to each ``allow = [...]`` in turn (the caller keeps the one
    that is fixer's: the others, or a match inside a string, change what the file says)."""
    for match in _INLINE_ALLOW.finditer(text):
        bounds = _array_bounds(text, match.end() - 1)
        if bounds is not None:
            yield _inserted(text, match.end() - 1, *bounds, entry, newline)


def _array_bounds(text: str, start: int) -> tuple[int, int] | None:
    """For the array opening at ``text[start]``: the offsets of its closing ``]`` and of the
    last character before it that is neither space nor comment (``[``, a ``,`` or the end of
    the last value). None if the array does not close."""
    depth, last, at = 0, start, start
    while at < len(text):
        char = text[at]
        if char == "#":
            at = text.find("\n", at)
            if at < 0:
                return None
            continue
        if char in "\"'":
            string = _STRING.match(text, at)
            if string is None:
                return None
            last, at = string.end() - 1, string.end()
            continue
        depth += (char in "[{") - (char in "]}")
        if depth == 0:
            return at, last
        if not char.isspace():
            last = at
        at += 1
    return None


def _inserted(text: str, start: int, close: int, last: int, entry: str, newline: str) -> str:
    """The array ``text[start:close + 1]`` with ``entry`` as its last element: on a line of its
    own, indented like the one before, when the closing bracket has a line of its own; else
    after the last element. A trailing comma is kept where there was one."""
    empty, trailing = text[last] == "[", text[last] == ","
    comma = "" if empty or trailing else ","
    line_start = text.rfind("\n", 0, close) + 1
    if start > line_start or text[line_start:close].strip():
        gap = "" if empty else " "
        return text[: last + 1] + comma + gap + entry + text[last + 1 :]
    indent = _indentation(text, close) + _INDENT if empty else _indentation(text, last)
    line = f"{indent}{entry}{',' if trailing else ''}{newline}"
    return text[: last + 1] + comma + text[last + 1 : line_start] + line + text[line_start:]


def _indentation(text: str, offset: int) -> str:
    """The spaces and tabs that begin the line holding ``offset``."""
    line_start = text.rfind("\n", 0, offset) + 1
    line = text[line_start:offset]
    return line[: len(line) - len(line.lstrip(" \t"))]
