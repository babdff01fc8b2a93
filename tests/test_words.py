import pytest

from fixer.words import default_normalizer, rule_lemma


@pytest.mark.parametrize(
    ("word", "normal"),
    [
        ("platelets", "platelet"),
        ("Platelets", "platelet"),
        ("PLATELETS", "platelet"),
        ("metastases", "metastasis"),
        ("emboli", "embolus"),
        ("deteriorated", "deteriorate"),
        ("circling", "circle"),
        ("tumours", "tumor"),
        ("Leukaemia", "leukemia"),
        ("leukaemias", "leukemia"),
        ("oesophagus", "esophagus"),
        ("haemoglobin", "hemoglobin"),
        ("centre", "center"),
        ("randomised", "randomize"),
        ("Crohn's", "crohn"),
        ("Crohn’s", "crohn"),
        ("processes", "process"),
        ("diagnoses", "diagnosis"),
        ("bodies", "body"),
        ("virus", "virus"),
        ("analysis", "analysis"),
    ],
)
def test_normal_form(word: str, normal: str) -> None:
    assert default_normalizer().normal(word) == normal


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("cells", "cell"),
        ("arteries", "artery"),
        ("glass", "glass"),
        ("boxes", "box"),
        ("gas", "gas"),
        ("fungus", "fungus"),
        ("nodes", "node"),
    ],
)
def test_rule_lemma(word: str, lemma: str) -> None:
    assert rule_lemma(word) == lemma


def test_phrase_splits_hyphens_and_ignores_punctuation() -> None:
    assert default_normalizer().phrase("Far-off organs,") == ("far", "off", "organ")
