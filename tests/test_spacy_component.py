"""The spaCy pipeline component, registered through spaCy's entry points."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("tortured_phrases")
    return pipeline


def test_spans_carry_suggestions_rule_and_confidence(nlp) -> None:
    doc = nlp("Leukemia affects white platelets and the focal sensory system.")
    spans = doc.spans["tortured_phrases"]
    assert [(s.text, s.label_) for s in spans] == [
        ("white platelets", "FX001"),
        ("focal sensory system", "FX001"),
    ]
    assert spans[1]._.fixer_suggestions == ["central nervous system"]
    assert spans[1]._.fixer_rule == "FX001"
    assert spans[1]._.fixer_entry_id == "AN0006"
    assert 0 < spans[1]._.fixer_confidence <= 1


def test_misaligned_finding_is_expanded_not_dropped(nlp) -> None:
    doc = nlp("Counts of white platelets+rbc were low.")
    (span,) = doc.spans["tortured_phrases"]
    assert span.text == "white platelets+rbc"  # widened to the whole spaCy token
    assert span._.fixer_suggestions == ["white blood cells"]


def test_config_is_typed_and_overridable() -> None:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("tortured_phrases", config={"spans_key": "spun", "detectors": ["lexicon"]})
    doc = pipeline("White platelets (WBC) rise.")
    assert [s.text for s in doc.spans["spun"]] == ["White platelets"]


def test_clean_text_gives_an_empty_span_group(nlp) -> None:
    assert list(nlp("White blood cells fight infection.").spans["tortured_phrases"]) == []


def test_syntax_config_is_read_like_the_api() -> None:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("tortured_phrases", config={"syntax": "md"})
    doc = pipeline("Use `white platelets` here; white platelets.")
    assert [s.start_char for s in doc.spans["tortured_phrases"]] == [28]
    with pytest.raises(ValueError, match="unknown syntax 'mdx'"):
        spacy.blank("en").add_pipe("tortured_phrases", config={"syntax": "mdx"})
