"""The spaCy pipeline component, registered through spaCy's entry points."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc, DocBin  # noqa: E402


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


def details(doc) -> list[dict[str, object]]:
    """Each span's offsets, id, label and extension values: all a user reads of a finding."""
    return [
        {
            "offsets": (s.start_char, s.end_char),
            "id": s.id_,
            "label": s.label_,
            "rule": s._.fixer_rule,
            "entry_id": s._.fixer_entry_id,
            "suggestions": list(s._.fixer_suggestions),  # DocBin gives lists back as tuples
            "confidence": s._.fixer_confidence,
            "severity": s._.fixer_severity,
            "category": s._.fixer_category,
            "fix": s._.fixer_fix,
        }
        for s in doc.spans["tortured_phrases"]
    ]


@pytest.mark.parametrize("between", ["(", "_", "+", "·", ";"])
def test_findings_inside_one_token_keep_their_own_details(nlp, between: str) -> None:
    from fixer import check_text

    text = f"Counts of whiteplatelets{between}bosomperil were noted."
    findings = check_text(text)
    assert [f.entry_id for f in findings] == ["AN0001", "DI0045"]
    # Both widen to the one token; the span id tells them apart.
    assert details(nlp(text)) == [
        {
            "offsets": (10, 35),
            "id": span_id,
            "label": f.rule.code,
            "rule": f.rule.code,
            "entry_id": f.entry_id,
            "suggestions": list(f.suggestions),
            "confidence": f.confidence,
            "severity": str(f.severity),
            "category": f.category,
            "fix": str(f.fix),
        }
        for span_id, f in zip(("", "1"), findings, strict=True)
    ]


@pytest.mark.parametrize(
    ("syntax", "text", "expected"),
    [
        (
            "text",
            "Taking everything into account, leukemia affects white platelets.",
            [("info", "general-wording", "safe"), ("error", "anatomy", "safe")],
        ),
        (
            "text",
            "Counts of whiteplatelets(bosomperil) were noted.",
            [("warning", "anatomy", "unsafe"), ("warning", "disease", "unsafe")],
        ),
        # A Markdown link label is reported but not fixed: the definition would stop resolving.
        (
            "md",
            "See [white platelets].\n\n[white platelets]: https://x.org\n",
            [("error", "anatomy", "none")],
        ),
    ],
)
def test_spans_carry_severity_category_and_fix_safety(
    syntax: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("tortured_phrases", config={"syntax": syntax})
    doc = pipeline(text)
    spans = doc.spans["tortured_phrases"]
    assert [(s._.fixer_severity, s._.fixer_category, s._.fixer_fix) for s in spans] == expected


def to_disk_and_back(doc, tmp_path):
    doc.to_disk(tmp_path / "doc")
    return Doc(spacy.blank("en").vocab).from_disk(tmp_path / "doc")


def doc_bin_and_back(doc, tmp_path):
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab)
    return back


@pytest.mark.parametrize("round_trip", [to_disk_and_back, doc_bin_and_back])
def test_serialization_keeps_each_findings_details(nlp, round_trip, tmp_path) -> None:
    doc = nlp("Counts of whiteplatelets(bosomperil) were noted.")
    back = round_trip(doc, tmp_path)
    assert details(back) == details(doc)
    assert [s._.fixer_entry_id for s in back.spans["tortured_phrases"]] == ["AN0001", "DI0045"]


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


def test_lexicons_config_adds_a_house_lexicon(tmp_path) -> None:
    house = tmp_path / "house.tsv"
    header = "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
    row = "ANU0001\tglue speck\tadhesion molecule\tanatomy\terror\tsafe\t\tuser\tGlue specks.\n"
    house.write_text(header + row, encoding="utf-8")
    pipeline = spacy.blank("en")
    pipeline.add_pipe("tortured_phrases", config={"lexicons": [str(house)]})
    doc = pipeline("Glue specks bind the white platelets.")
    assert [s._.fixer_entry_id for s in doc.spans["tortured_phrases"]] == ["ANU0001", "AN0001"]
    # The config names the file, so a pipeline saved to disk loads it again.
    pipeline.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")("Glue specks.")
    assert [s.text for s in loaded.spans["tortured_phrases"]] == ["Glue specks"]


def test_bad_config_fails_in_add_pipe(tmp_path) -> None:
    with pytest.raises(ValueError, match="spans_key"):
        spacy.blank("en").add_pipe("tortured_phrases", config={"spans_key": ""})
    with pytest.raises(Exception, match=r"missing\.tsv"):
        spacy.blank("en").add_pipe(
            "tortured_phrases", config={"lexicons": [str(tmp_path / "missing.tsv")]}
        )


def test_doc_says_whether_it_reads_as_spun(nlp) -> None:
    assert nlp("White blood cells fight infection.")._.fixer_spun is False
    spun = (
        "Leukemia affects white platelets in the bone marrow. The focal sensory system and "
        "the lymph center points are involved. Bosom peril is a different malignant growth."
    )
    assert nlp(spun)._.fixer_spun is True
