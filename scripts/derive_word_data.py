"""Derive ``lexicons/lemmas.tsv`` and ``lexicons/words.txt`` (word data fixer ships).

The table (``en_lemma_lookup.json.gz`` in the ``spacy-lookups-data`` package, MIT licence, built on
WordNet 3.0) maps 41,582 word forms to their lemmas (``lexicons/lemma-corrections.tsv`` mends the
few it gets wrong: "criteria" → "criterion", not "criterium"). fixer's own plural rules
(``fixer.words.rule_lemma``) get most forms right; this script keeps only the inflected forms they
get wrong (irregular plurals, verb forms), so the shipped file stays small and the base install
needs no spaCy. ``words.txt`` lists ordinary English words, for the near-miss detector's "is
this a real word" check: every lower-case word of that table plus SCOWL's American and British
word lists (Debian's ``wamerican`` and ``wbritish``; permissive licence, see
``lexicons/LICENSES.md``).

Usage: python scripts/derive_word_data.py
(requires ``pip install spacy-lookups-data`` and ``apt-get install wamerican wbritish``)
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import spacy_lookups_data

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "lexicons"
SCOWL_LISTS = [Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english")]
sys.path.insert(0, str(ROOT))
from fixer.data import read_tsv  # noqa: E402
from fixer.words import rule_lemma  # noqa: E402

# Endings of inflected nouns and verbs; comparatives and suppletive forms (better -> well,
# went -> go) are left out because they change meaning, not just form.
INFLECTED_ENDINGS = ("s", "ed", "ing", "i", "a", "ae", "en", "ice", "eeth", "eet", "ung", "ought")


def main() -> None:
    table_path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(table_path, "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    for _, fields in read_tsv(LEXICONS / "lemma-corrections.tsv"):
        if fields[0] != "form":
            table[fields[0]] = fields[1]
    rows = []
    for form, lemma in table.items():
        if not form.isalpha() or not form.islower() or not lemma.isalpha():
            continue
        if not form.endswith(INFLECTED_ENDINGS) or form[:1] != lemma[:1]:
            continue
        if len(form) <= 2:
            continue  # "as" is no plural of "a"; two letters are never an inflected form here
        if rule_lemma(form) != lemma:
            rows.append((form, lemma))
    notice = (
        "# Derived by scripts/derive_word_data.py from spacy-lookups-data's en_lemma_lookup\n"
        "# (MIT licence; built on WordNet 3.0). Do not edit by hand: rerun the script.\n"
    )
    with (LEXICONS / "lemmas.tsv").open("w", encoding="utf-8") as out:
        out.write(notice + "form\tlemma\n")
        out.writelines(f"{form}\t{lemma}\n" for form, lemma in sorted(rows))
    words = {w for pair in table.items() for w in pair if w.isalpha() and w.islower()}
    for path in SCOWL_LISTS:
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.removesuffix("'s").lower()
            if word.isalpha():
                words.add(word)
    with (LEXICONS / "words.txt").open("w", encoding="utf-8") as out:
        out.write(
            "# Derived by scripts/derive_word_data.py from spacy-lookups-data's en_lemma_lookup\n"
            "# (MIT) and SCOWL word lists (Copyright 2000-2011 Kevin Atkinson; see LICENSES.md).\n"
        )
        out.writelines(word + "\n" for word in sorted(words))


if __name__ == "__main__":
    main()
