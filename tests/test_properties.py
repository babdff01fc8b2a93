"""Property-based tests: whatever the text, fixer never crashes and never loses text.

At least half of the generated texts have lexicon garbles planted at random positions, so the
properties are exercised on real findings. The number of examples comes from the Hypothesis
profile (``HYPOTHESIS_PROFILE``: ``dev`` by default, ``ci`` runs 10,000, ``long`` 100,000; see
``tests/conftest.py``).
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fixer.edits import Edit, apply_edits
from fixer.engine import MAX_FIX_PASSES, applicable, make_checker
from fixer.files import InputError, decode
from fixer.lexicon import builtin_lexicon
from fixer.markup import MASK
from fixer.model import FixSafety

CHECKER = make_checker()
GARBLES = sorted({e.garble for e in builtin_lexicon().entries})
AWKWARD = [
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\u0301",
    "\u200f",
    "مرحبا بالعالم",
    "שלום",
    "👩‍⚕️",
    "\x00",
    "\t",
    "\u00a0",
    "-",
    "’s",
    "(CNS)",
    "(ALL)",
    "`",
    "<!--",
    "-->",
    "<p>",
    "https://x.org/white-platelets",
    "x" * 3000,
    "fixer: ignore",
    "a ",
    "an ",
    "A ",
]


def pieces() -> st.SearchStrategy[str]:
    words = st.sampled_from(
        [
            "the",
            "of",
            "white",
            "platelets",
            "system",
            "focal",
            "cells",
            "Leukemia",
            "organ",
            "serious",
            "Lymph",
            "CENTER",
            "points",
            ".",
        ]
    )
    return st.one_of(st.text(max_size=20), st.sampled_from(AWKWARD), words)


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(pieces(), max_size=25))
    if draw(st.integers(0, 2)) > 0:  # plant garbles in about two thirds of the examples
        for _ in range(draw(st.integers(1, 4))):
            garble = draw(st.sampled_from(GARBLES))
            if draw(st.booleans()):
                garble = garble.upper() if draw(st.booleans()) else garble.title()
            parts.insert(draw(st.integers(0, len(parts))), f" {garble} ")
    return draw(st.sampled_from(["", " "])).join(parts)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    text=documents(),
    syntax=st.sampled_from(["text", "markdown", "html", "rst"]),
    unsafe=st.booleans(),
)
# An unsafe reading that completes a safe lexicon finding: a safe fix applies the latter.
@example(text="SERIOUS aspiratory infection ", syntax="text", unsafe=False)
@example(text=" a critical measure of SERIOUS aspiratory infection ", syntax="text", unsafe=False)
# A spun text's passes go on reading it as spun ("all things considered" is then "overall").
@example(
    text=" considering all things  a critical measure of  a critical measure of ",
    syntax="text",
    unsafe=True,
)
def test_check_and_fix_properties(text: str, syntax: str, unsafe: bool) -> None:
    findings = CHECKER.check(text, syntax)  # never raises
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
        assert MASK not in finding.text or MASK in text
    result = CHECKER.fix(text, syntax, unsafe)
    assert CHECKER.fix(result.text, syntax, unsafe).text == result.text, "fix is idempotent"
    if not applicable(findings, least(unsafe)):
        assert result.text == text, "text without fixable findings comes back unchanged"
    for finding in findings:  # a finding's fallbacks lie within its span
        assert all(finding.start <= f.start and f.end <= finding.end for f in finding.fallback)
    # Outside the reported spans nothing changes. A fix can reveal a garble that only the
    # corrected text shows (a context clause now met), so each pass is checked on its own text:
    # every pass applies exactly the edits of the findings reported on that text (or of the
    # findings they complete, where they may not be applied themselves), read as spun while
    # a text that read so changes, then as it reads.
    current = text
    spun = CHECKER.examine(text, syntax).spun
    passes = 0
    for reading_as in [True, None] if spun else [None]:
        while passes < MAX_FIX_PASSES:
            passes += 1
            examined = CHECKER.examine(current, syntax, reading_as)
            reported = applicable(examined.findings, least(unsafe))
            following, _ = apply_edits(
                current, [Edit(f.edit_start, f.edit_end, f.replacement) for f in reported]
            )
            if following == current:
                break
            current = following
    assert current == result.text
    assert result.spun is spun


def least(unsafe: bool) -> FixSafety:
    return FixSafety.UNSAFE if unsafe else FixSafety.SAFE


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=400), encoding=st.sampled_from([None, "latin-1", "utf-16"]))
def test_raw_bytes_never_crash(raw: bytes, encoding: str | None) -> None:
    """The fuzzing entry point: bytes in, a clear InputError or a correct round trip out."""
    try:
        document = decode("fuzz.txt", raw, encoding)
    except InputError:
        return
    assert document.encode(document.text) == raw
    fixed = CHECKER.fix(document.text, "markdown", unsafe=True).text
    assert isinstance(document.encode(fixed), bytes)  # encodable again: never a crash
