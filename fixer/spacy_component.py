"""spaCy pipeline component: ``nlp.add_pipe("tortured_phrases")``.

Registered through the ``spacy_factories`` entry point, so it is available as soon as fixer is
installed (with the ``spacy`` extra). It runs fixer's own checker on ``doc.text`` and writes the
findings to ``doc.spans["tortured_phrases"]``: each span's label is the rule code, and the span
extensions ``fixer_suggestions``, ``fixer_rule``, ``fixer_entry_id`` and ``fixer_confidence`` carry
the details. A finding whose edges fall inside tokens (for example "whiteplatelets" glued to
other text) is widened to whole tokens rather than dropped.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from fixer.engine import make_checker
from fixer.markup import syntax_named
from fixer.model import DETECTORS

_EXTENSIONS = ("fixer_suggestions", "fixer_rule", "fixer_entry_id", "fixer_confidence")
for _name in _EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class TorturedPhrases:
    """Finds garbled medical terms in a Doc; results go to ``doc.spans[spans_key]``."""

    def __init__(self, spans_key: str, detectors: tuple[str, ...], syntax: str) -> None:
        self.spans_key = spans_key
        self.syntax = syntax_named(syntax)  # an unknown name fails in add_pipe, not on a Doc
        self.checker = make_checker(detectors=detectors)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for finding in self.checker.check(doc.text, self.syntax):
            span = doc.char_span(
                finding.start, finding.end, label=finding.rule.code, alignment_mode="expand"
            )
            if span is None:
                continue
            span._.fixer_suggestions = list(finding.suggestions)
            span._.fixer_rule = finding.rule.code
            span._.fixer_entry_id = finding.entry_id
            span._.fixer_confidence = finding.confidence
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "tortured_phrases",
    default_config={
        "spans_key": "tortured_phrases",
        "detectors": list(DETECTORS),
        "syntax": "text",
    },
)
def make_tortured_phrases(
    nlp: Language, name: str, spans_key: str, detectors: list[str], syntax: str
) -> TorturedPhrases:
    return TorturedPhrases(spans_key, tuple(detectors), syntax)
