import pytest

from fixer.words import WORD_RE, default_normalizer, rule_lemma


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
        # invisible characters inside a word, compatibility forms (PDF text, pasted text)
        ("plate\u00adlets", "platelet"),  # a soft hyphen
        ("pla\u200btelets", "platelet"),  # a zero-width space
        ("\ufb02ow", "flow"),  # the ligature "fl"
        ("\uff37hite", "white"),  # a full-width letter
        ("cafe\u0301", "caf\u00e9"),  # a decomposed accent, composed
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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("white pla\u200btelets", ["white", "pla\u200btelets"]),
        ("plate\u00adlets, lymph", ["plate\u00adlets", "lymph"]),
        ("poi\u0301nts and nodes\u0301 here", ["poi\u0301nts", "and", "nodes\u0301", "here"]),
        ("Crohn's don’t", ["Crohn's", "don’t"]),
        ("it' s \u200b x", ["it", "s", "x"]),  # nothing joins what stands apart
    ],
)
def test_words_hold_their_invisible_characters_and_accents(text: str, words: list[str]) -> None:
    assert WORD_RE.findall(text) == words
