"""spaCy pipeline component: ``nlp.add_pipe("tortured_phrases")``.

Registered through the ``spacy_factories`` entry point, so it is available as soon as fixer is
installed (with the ``spacy`` extra). It runs fixer's own checker on ``doc.text`` and writes the
findings to ``doc.spans["tortured_phrases"]``, one span per finding: each span's label is the
rule code, and the span extensions ``fixer_suggestions``, ``fixer_rule``, ``fixer_entry_id``,
``fixer_confidence``, ``fixer_severity``, ``fixer_category`` and ``fixer_fix`` carry the
details; the Doc extension ``fixer_spun`` says whether the text reads as spinner output (then
weaker readings are reported too, as ``fixer check`` does). ``lexicons`` (paths) adds lexicons
of one's own, as ``--lexicon`` does. A finding whose edges fall inside tokens (for example
"whiteplatelets" glued to other text) is widened to whole tokens rather than dropped; two
findings in one token give two spans over it, told apart by their span id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from fixer.engine import make_checker
from fixer.markup import syntax_named
from fixer.model import DETECTORS, Finding

#: Each span extension and how it is read from the finding the span reports.
_ATTRIBUTES: dict[str, Callable[[Finding], object]] = {
    "fixer_suggestions": lambda finding: list(finding.suggestions),
    "fixer_rule": lambda finding: finding.rule.code,
    "fixer_entry_id": lambda finding: finding.entry_id,
    "fixer_confidence": lambda finding: finding.confidence,
    # Plain strings, as the JSON output writes them, so that they serialize with the Doc.
    "fixer_severity": lambda finding: str(finding.severity),
    "fixer_category": lambda finding: finding.category,
    "fixer_fix": lambda finding: str(finding.fix),
}


def _user_data_key(name: str, span: Span) -> tuple[object, ...]:
    """Where ``span``'s value of extension ``name`` is kept in ``doc.user_data``: spaCy's own key,
    which names the span by its offsets alone, plus the span id when it has one. Two findings
    inside one token widen to the same offsets; their spans differ only in the id, and without
    it the second one's values would overwrite the first's. Spans without an id keep spaCy's
    key, so ``Doc.from_docs`` and ``Doc.to_json`` still see their values."""
    key = ("._.", name, span.start_char, span.end_char)
    return (*key, span.id) if span.id else key


def _get(name: str, span: Span) -> object:
    return span.doc.user_data.get(_user_data_key(name, span))


def _set(name: str, span: Span, value: object) -> None:
    span.doc.user_data[_user_data_key(name, span)] = value


for _name in _ATTRIBUTES:
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=partial(_get, _name), setter=partial(_set, _name))
if not Doc.has_extension("fixer_spun"):
    Doc.set_extension("fixer_spun", default=None)


class TorturedPhrases:
    """Finds garbled medical terms in a Doc; results go to ``doc.spans[spans_key]``."""

    def __init__(
        self,
        spans_key: str,
        detectors: tuple[str, ...],
        syntax: str,
        lexicons: tuple[Path, ...] = (),
    ) -> None:
        # Anything wrong fails in add_pipe, not on the first Doc.
        if not spans_key:
            raise ValueError("tortured_phrases: spans_key must name a span group")
        self.spans_key = spans_key
        self.syntax = syntax_named(syntax)
        self.checker = make_checker(lexicons, detectors=detectors)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        earlier: Counter[tuple[int, int]] = Counter()  # spans so far, by offsets
        examined = self.checker.examine(doc.text, self.syntax)
        doc._.fixer_spun = examined.spun
        for finding in examined.findings:
            span = doc.char_span(
                finding.start, finding.end, label=finding.rule.code, alignment_mode="expand"
            )
            if span is None:
                continue
            _number(span, earlier)
            for name, value_of in _ATTRIBUTES.items():
                span._.set(name, value_of(finding))
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def _number(span: Span, earlier: Counter[tuple[int, int]]) -> None:
    """Give ``span`` the id "1", "2", … when as many earlier spans have its offsets (findings
    inside one token widen alike), so that each keeps its own extension values."""
    offsets = (span.start_char, span.end_char)
    if earlier[offsets]:
        span.id_ = str(earlier[offsets])
    earlier[offsets] += 1


@Language.factory(
    "tortured_phrases",
    default_config={
        "spans_key": "tortured_phrases",
        "detectors": list(DETECTORS),
        "syntax": "text",
        "lexicons": [],
    },
)
def make_tortured_phrases(
    nlp: Language,
    name: str,
    spans_key: str,
    detectors: list[str],
    syntax: str,
    lexicons: list[str],
) -> TorturedPhrases:
    return TorturedPhrases(spans_key, tuple(detectors), syntax, tuple(map(Path, lexicons)))
