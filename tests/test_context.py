"""Where each kind of context clause looks (``lexicons/README.md``): ``before`` and ``after``
within 3 words, ``near`` within 10 either side, ``doc`` anywhere outside the match itself, and
``in:spun`` nowhere (it is waived only in a document that reads as spun)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixer import check_text

HEADER = "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
#: One user entry per kind of clause: (garble, context, example).
ENTRIES = {
    "before": ("zorblax", "before:kappa", "kappa zorblax"),
    "after": ("zorblax", "after:kappa", "zorblax kappa"),
    "near": ("zorblax", "near:kappa", "zorblax kappa"),
    "not_near": ("zorblax", "not_near:kappa", "zorblax"),
    "doc": ("zorblax kappa", "doc:kappa", "kappa. zorblax kappa"),
    "in": ("zorblax", "in:spun", "zorblax"),
}


def gap(words: int) -> str:
    return " ".join(["lorem"] * words)


@pytest.mark.parametrize(
    ("kind", "text", "flagged"),
    [
        ("before", f"kappa {gap(2)} zorblax", True),  # ends 3 words before
        ("before", f"kappa {gap(3)} zorblax", False),  # 4 words before
        ("before", f"zorblax {gap(1)} kappa", False),  # after is no before
        ("after", f"zorblax {gap(2)} kappa", True),  # starts 3 words after
        ("after", f"zorblax {gap(3)} kappa", False),
        ("after", "kappa zorblax", False),
        ("near", f"kappa {gap(9)} zorblax", True),  # 10 words before
        ("near", f"kappa {gap(10)} zorblax", False),
        ("near", f"zorblax {gap(9)} kappa", True),  # 10 words after
        ("near", f"zorblax {gap(10)} kappa", False),
        ("not_near", f"kappa {gap(9)} zorblax", False),
        ("not_near", f"kappa {gap(10)} zorblax", True),
        ("doc", "zorblax kappa", False),  # the match's own word does not count
        ("doc", f"zorblax kappa {gap(40)} kappa", True),
        ("doc", f"kappa {gap(40)} zorblax kappa", True),
        ("in", "zorblax spun", False),  # ``in:spun`` never holds in an ordinary check
    ],
)
def test_where_a_context_clause_looks(tmp_path: Path, kind: str, text: str, flagged: bool) -> None:
    lexicon = tmp_path / "context.tsv"
    garble, context, example = ENTRIES[kind]
    row = f"SY9001\t{garble}\tfever\tsymptom\twarning\tunsafe\t{context}\tuser\t{example}\n"
    lexicon.write_text(HEADER + row, encoding="utf-8")
    found = check_text(text, lexicons=[lexicon], builtin=False, detectors=["lexicon"])
    assert bool(found) is flagged
