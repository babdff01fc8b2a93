"""Coverage-guided fuzzing (atheris, libFuzzer) of check and fix on raw bytes.

    python fuzz/check_fix.py -max_total_time=60 fuzz/corpus

Run for a bounded time by scripts/test.sh (FIXER_FUZZ_SECONDS, default 60). Each input is decoded
as a file would be; whatever decodes must check and fix without raising, report spans that map
back to their text, fix idempotently, and encode back without loss.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["fixer"]):
    from fixer.engine import make_checker
    from fixer.files import InputError, decode

SYNTAXES = ("text", "markdown", "html", "rst")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    try:
        document = decode("fuzz.txt", data[1:])
    except InputError:
        return
    checker = make_checker()
    syntax = SYNTAXES[data[0] % len(SYNTAXES)]
    text = document.text
    for finding in checker.check(text, syntax):
        assert text[finding.start : finding.end] == finding.text, finding
    fixed = checker.fix(text, syntax, unsafe=True).text
    assert checker.fix(fixed, syntax, unsafe=True).text == fixed, "fix is not idempotent"
    assert document.encode(text) == data[1:], "decoding lost bytes"
    document.encode(fixed)


def main() -> None:
    make_checker().check("warm up (CNS) white platelets")  # load data outside the timing
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
