"""The synonym-reversal detector, on a small thesaurus and vocabulary built here."""

from __future__ import annotations

import pytest

from fixer.detectors.reversal import (
    COMPOSED_AT_MOST,
    COMPOSED_HEAD_TERMS,
    COMPOSED_MODIFIER_TERMS,
    REPORT_FROM,
    SPUN_DOCUMENTED_FROM,
    Documented,
    ReversalDetector,
    _confidence,
    _Reading,
    can_report,
)
from fixer.engine import check_text
from fixer.matcher import tokenize
from fixer.thesaurus import Swap, Thesaurus
from fixer.words import default_normalizer

NORMALIZER = default_normalizer()
STRONG = [
    ("nervous", "sensory"),
    ("system", "framework"),
    ("cancer", "malignant growth"),
    ("pulmonary", "aspiratory"),
    ("disease", "ailment"),
    ("chronic", "persistent"),
    ("nerve", "courage"),
    ("health", "wellbeing"),
    ("risk", "hazard"),
    ("type", "kind"),
    ("level", "stage"),
    ("flow", "stream"),
    ("block", "square"),
]
WEAK = [
    ("central", "focal"),
    ("immune", "safe"),
    ("breast", "chest"),
    ("disease", "illness"),
    ("randomization", "mix"),
]
THESAURUS = Thesaurus(
    [Swap(NORMALIZER.phrase(o), NORMALIZER.phrase(s), True) for o, s in STRONG]
    + [Swap(NORMALIZER.phrase(o), NORMALIZER.phrase(s), False) for o, s in WEAK]
)
VOCABULARY = frozenset(
    NORMALIZER.phrase(t)
    for t in [
        "central nervous system",
        "breast cancer",
        "pulmonary embolism",
        "immune system",
        "chronic kidney disease",
        "heart disease",
        "chest pain",
        "optic nerve",
        "health risk",
        "health hazard",
        "type A",
        "type A blood",
        "A level exam",
        "urine flow",
        "weak urine stream",
        "block randomization",
    ]
)
DETECTOR = ReversalDetector(NORMALIZER, VOCABULARY, THESAURUS)


def found(text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text, NORMALIZER)
    return [
        (text[tokens[c.first].start : tokens[c.last].end], c.corrections[0])
        for c in DETECTOR.candidates(text, tokens)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "damage to the focal sensory framework",
            [("focal sensory framework", "central nervous system")],
        ),
        ("a breast malignant growth was seen", [("breast malignant growth", "breast cancer")]),
        ("an aspiratory embolism", [("aspiratory embolism", "pulmonary embolism")]),
        ("persistent kidney ailment", [("persistent kidney ailment", "chronic kidney disease")]),
        ("the optic courage was cut", [("optic courage", "optic nerve")]),
        ("a wellbeing hazard", [("wellbeing hazard", "health hazard")]),
        ("people with kind A blood", [("kind A blood", "type a blood")]),
        ("a poor urine stream", [("urine stream", "urine flow")]),
        ("a square mix of patients", [("square mix", "block randomization")]),
        # A content word joined by a hyphen may follow; a function word may not (below).
        ("breast malignant growth-related", [("breast malignant growth", "breast cancer")]),
    ],
)
def test_swaps_are_reversed_to_known_terms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("the central nervous system", "already a known term"),
        ("a safe system for storage", "one weak swap only"),
        ("chest pain on exertion", "a known term itself"),
        ("the focal point of the system", "the words are not adjacent to a term"),
        ("heart illness", "one weak swap of a known term: too common to flag"),
        ("which kind a man has", "the article 'a' is no letter A ('type A')"),
        ("WHICH KIND A MAN HAS", "in upper-case text 'A' may be the article"),
        ("Which Kind A Man Has", "in a heading 'A' may be the article"),
        ("he took a stage exam", "the article 'a' starts no term ('A level exam')"),
        ("a weak urine stream", "inside a known term: 'weak urine stream'"),
        ("the mean square mix-up", "'mix' of 'mix-up' is no 'randomization'"),
    ],
)
def test_ordinary_text_is_left_alone(text: str, reason: str) -> None:
    assert found(text) == [], reason


def test_message_explains_each_swap() -> None:
    tokens = tokenize("the focal sensory framework", NORMALIZER)
    (candidate,) = DETECTOR.candidates("the focal sensory framework", tokens)
    assert "'sensory' is a typical spinner swap of 'nervous'" in candidate.message
    assert "'focal' is a possible spinner swap of 'central'" in candidate.message
    assert candidate.rule.code == "FX102"
    assert candidate.severity.name == "WARNING"


def test_one_odd_strong_swap_of_the_head_word_is_enough() -> None:
    """ "courage" never stands in clean medical prose, so "optic courage" reports although its
    head word was swapped; "ailment" for "disease" is a strong swap all the same."""
    reading = _Reading(
        NORMALIZER.phrase("optic nerve"), ((1, THESAURUS.reversals(("courage",))[0]),)
    )
    assert _confidence(NORMALIZER.phrase("optic courage"), reading) >= REPORT_FROM


@pytest.mark.parametrize("strong", range(4))
@pytest.mark.parametrize("weak", range(4))
def test_can_report_is_the_best_case_of_confidence(strong: int, weak: int) -> None:
    """The pre-check admits exactly the swap counts some reading of them can report."""
    odd = THESAURUS.reversals(("courage",))[0]
    common = THESAURUS.reversals(("focal",))[0]
    swaps = tuple((i, odd) for i in range(strong)) + tuple(
        (strong + i, common) for i in range(weak)
    )
    window = (*(f"w{i}" for i in range(strong + weak)), "head")
    best = _confidence(window, _Reading((*(f"o{i}" for i in range(len(swaps))), "head"), swaps))
    assert can_report(strong, weak) == (bool(swaps) and best >= REPORT_FROM)


def test_corrections_are_written_as_the_vocabulary_writes_them() -> None:
    """A term is looked up by its normalized words ("bind site") but proposed as written
    ("binding site"), in the number of the text it replaces."""
    assert [f.suggestions for f in check_text("The restricting sites were mapped.")] == [
        ("binding sites",)
    ]
    # The term writes "coughing up blood"; a base form in the text is answered in kind.
    assert [
        f.suggestions for f in check_text("Some hack up blood; some are hacking up blood.")
    ] == [
        ("cough up blood",),
        ("coughing up blood",),
    ]
    # A kept word keeps the writer's spelling, whichever the vocabulary lists first.
    for spelling in ("diarrhea", "diarrhoea"):
        (finding,) = check_text(f"She had tenacious {spelling} for weeks.")
        assert finding.suggestions == (f"chronic {spelling}",)
    (finding,) = check_text("Tenacious Diarrhea In Adults")
    assert finding.suggestions == ("Chronic Diarrhea",)
    # A hyphen the vocabulary writes is kept, and so is one the text writes between two words
    # that each stand for one word of the term; the normal (American) spelling wins over
    # WordNet's "anaemia".
    assert [f.suggestions for f in check_text("Rates of clinic obtained pneumonia rose.")] == [
        ("hospital-acquired pneumonia",)
    ]
    assert [f.suggestions for f in check_text("Signs of iron-lack paleness were seen.")] == [
        ("iron-deficiency anemia",)
    ]
    # Normal forms end every "-ise" word in "-ize"; a correction is spelt as English is.
    assert [f.suggestions for f in check_text("A cardiopulmonary exertion appraisal.")] == [
        ("cardiopulmonary exercise test",)
    ]
    assert [f.suggestions for f in check_text("Easy wounding is common.")] == [("Easy bruising",)]
    # Only where the term's verb form stands as a verb ("cough up blood"); one that names a
    # thing or a quality keeps the term's form.
    for text, term in [
        ("Give actuate charcoal at once.", "activated charcoal"),
        ("Work on image handle improved.", "image processing"),
        ("A seep ulcer was found.", "bleeding ulcer"),
        ("The inlay of the nose was red.", "lining of the nose"),
    ]:
        assert [f.suggestions for f in check_text(text)] == [(term,)], text
    # A verb form the term writes is answered in the text's base form, spelt as English is.
    assert all(
        "bruize" not in suggestion
        for finding in check_text("Treat a simple wound; simple wounds heal.")
        for suggestion in finding.suggestions
    )
    # A reading writes its own verb forms: an "-ed" or "-ing" word of the text ("seasoned",
    # the noun "filling") is not carried over to the term's words ("salted contenting").
    assert [f.suggestions for f in check_text("The seasoned filling was added.")] == [
        ("salt content",)
    ]
    # Words kept from the text are joined as the text joins them.
    assert [f.suggestions for f in check_text("He has sickle cell malady.")] == [
        ("sickle cell disease",)
    ]
    # Only a head that English inflection made plural is made singular; every other word of
    # a term stays as the vocabulary writes it: no "big datum", "swell ankle", "criterium".
    assert [f.suggestions for f in check_text("We used huge information tools.")] == [("big data",)]
    (finding,) = check_text("He has swollen lower legs.", detectors=["reversal"])
    assert "reads as 'swollen ankle'" in finding.message
    assert [f.suggestions for f in check_text("We checked the rejection measures.")] == [
        ("exclusion criteria",)
    ]
    # A spun phrase that garbles write in the plural for a singular term ("loose bowels" for
    # "diarrhea") does not make the term plural (the text's plurals do: "binding sites").
    assert [
        f.suggestions
        for f in check_text("Queasiness and loose bowels may follow.", detectors=["reversal"])
    ] == [("Nausea and diarrhea",)]
    # A word that only looks plural stays as it is ("diabete" is no word).
    (finding,) = check_text("He has kind 2 diabetes.", detectors=["reversal"])
    assert finding.suggestions == ("type 2 diabetes",)
    assert "reads as 'type 2 diabetes'" in finding.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The force of blood pushing against the walls.", []),  # a verb, not "push" for pressure
        ("Her widened students did not react.", [("dilated pupils",)]),  # the term says "dilated"
        ("The medication caused smeared vision.", [("blurred vision",)]),
        # a form the swap's sources write too: "soaring" for "high", "discerning" for "acute"
        ("Patients with soaring blood pressure need care.", [("high blood pressure",)]),
        ("He was treated for discerning kidney injury.", [("acute kidney injury",)]),
        ("Oxygen drenching fell to 88%.", [("Oxygen saturation",)]),
        # a word kept from the text keeps its form too: "controlled" is no "control"
        ("The control crowd got a placebo.", [("control group",)]),
        ("The controlled crowd got a placebo.", []),
    ],
)
def test_a_verb_form_is_undone_only_into_the_same_form(
    text: str, expected: list[tuple[str, ...]]
) -> None:
    assert [f.suggestions for f in check_text(text, detectors=["reversal"])] == expected


def _detector(swaps: list[tuple[str, str, bool, int]], terms: list[str]) -> ReversalDetector:
    """A detector over the given (original, spun, strong, witnesses) swaps and terms."""
    thesaurus = Thesaurus(
        [Swap(NORMALIZER.phrase(o), NORMALIZER.phrase(s), strong, n) for o, s, strong, n in swaps]
    )
    return ReversalDetector(NORMALIZER, [NORMALIZER.phrase(t) for t in terms], thesaurus)


def _read(detector: ReversalDetector, text: str) -> list[tuple[str, str, float]]:
    tokens = tokenize(text, NORMALIZER)
    return [
        (text[tokens[c.first].start : tokens[c.last].end], c.corrections[0], c.confidence)
        for c in detector.candidates(text, tokens)
    ]


# "discomfort" made a strong swap, but no odd one: clean medical prose uses it, and no lexicon
# entry shows it here.
DISCOMFORT = ("pain", "discomfort", True, 0)


def test_a_window_is_proposed_as_the_reading_that_changes_fewest_words() -> None:
    """ "chest discomfort" reads as "breast pain" (two swaps, enough to report) and as "chest
    pain" (one swap, too little on its own): it is reported, and proposed as "chest pain", at
    the lowest confidence that reports."""
    detector = _detector([DISCOMFORT, ("breast", "chest", False, 0)], ["chest pain", "breast pain"])
    found = _read(detector, "She felt chest discomfort.")
    assert found == [("chest discomfort", "chest pain", 0.6)]
    alone = _detector([DISCOMFORT], ["chest pain"])
    assert _read(alone, "She felt chest discomfort.") == []


def test_a_proposal_undoes_only_swaps_a_reportable_reading_undoes() -> None:
    """In a spun document "liver transfers" reads as "liver transplant", a rewording the
    lexicon documents, and as "liver transfusion", which scores the same and changes as many
    words but is no documented rewording: only the first is what the evidence says."""
    detector = _detector(
        [("transplant", "transfer", False, 0), ("transfusion", "transfer", False, 0)],
        ["liver transplant", "liver transfusion"],
    )
    text = "after liver transfers"
    documented = Documented(frozenset({"liver transplant"}), frozenset({"transfer"}))
    (candidate,) = detector.candidates(text, tokenize(text, NORMALIZER), 0.4, documented)
    assert candidate.corrections == ("liver transplant",)


@pytest.mark.parametrize(
    ("disease", "disorder", "expected"),
    [(5, 1, "heart disease"), (1, 5, "heart disorder")],
)
def test_of_equal_readings_the_one_more_entries_show_is_proposed(
    disease: int, disorder: int, expected: str
) -> None:
    detector = _detector(
        [("disease", "ailment", True, disease), ("disorder", "ailment", True, disorder)],
        ["heart disease", "heart disorder"],
    )
    assert [found for _, found, _ in _read(detector, "a heart ailment")] == [expected]


@pytest.mark.parametrize(
    ("swap", "text", "reported"),
    [
        (("pain", "discomfort", True, 0), "She felt foot discomfort.", False),
        (("pain", "discomfort", True, 2), "She felt foot discomfort.", False),
        (("pain", "discomfort", True, 3), "She felt foot discomfort.", True),
        # words the built-in lexicon flags only in context, as the same swap, count where the
        # clauses of its entries that say which sense is meant hold (``not_``, before, after)
        (("pain", "torment", True, 40), "She felt foot torment.", True),
        (("pain", "torment", True, 40), "The mental torment of foot torment.", False),
        # words clean medical prose does not use count there with no entry showing the swap:
        # only the lexicon's flagging them in context kept them from being odd everywhere
        (("pain", "torment", True, 0), "She felt foot torment.", True),
        (("pain", "torment", True, 0), "The mental torment of foot torment.", False),
        (("prognosis", "visualization", True, 0), "It has a poor visualization.", True),
        (("prognosis", "visualization", True, 0), "Poor visualization on the CT scan.", False),
        (("prognosis", "visualization", True, 40), "It has a poor visualization.", True),
        (("prognosis", "visualization", True, 40), "Poor visualization on the CT scan.", False),
        (("prognosis", "visualization", True, 40), "The overall visualization was good.", False),
        # the lexicon's "delicacy" is "frailty" away from food: its clauses say nothing of
        # "delicacy" put for "sensitivity"
        (("sensitivity", "delicacy", True, 3), "Skin delicacy from food allergy.", True),
    ],
)
def test_a_strong_swap_many_entries_show_counts_as_odd(
    swap: tuple[str, str, bool, int], text: str, reported: bool
) -> None:
    """One strong swap of the head word reports only if it is odd: "discomfort" is common in
    medical prose, but odd once enough lexicon entries show it put for "pain"; "torment" is not,
    and is odd wherever the lexicon's clauses for it say it stands in the spun sense."""
    detector = _detector(
        [swap], ["foot pain", "poor prognosis", "overall prognosis", "skin sensitivity"]
    )
    assert bool(_read(detector, text)) == reported


def test_an_established_english_phrase_is_no_garble() -> None:
    """Spinners put "telephone" for "cell" and "atomic" for "molecular", but WordNet lists
    "telephone line" and "atomic weight" as English phrases (``lexicons/english-phrases.txt``):
    a text that writes one means it. A window that is no such phrase is still read back."""
    assert check_text("Call the telephone line for advice.") == []
    assert check_text("The atomic weight of iron is 56.") == []
    # Frequent word pairs of Google Books: "significant difference", "serum protein".
    assert check_text("Exercise makes a huge difference. Whey protein is a supplement.") == []
    assert [f.suggestions for f in check_text("The telephone culture grew fast.")] == [
        ("cell culture",)
    ]


# Known terms that "hepatic" and "acquired" start and "dysfunction" and "pneumonia" end, as many as
# a composed reading needs (or one fewer): made-up terms of several words are enough.
def _parts(modifier: str, head: str, starts: int, ends: int) -> list[str]:
    return [f"{modifier} part{k}" for k in range(starts)] + [f"kind{k} {head}" for k in range(ends)]


COMPOSING = [("dysfunction", "brokenness", True, 0), ("acquired", "procured", True, 0)]
ENOUGH = (COMPOSED_MODIFIER_TERMS, COMPOSED_HEAD_TERMS)


@pytest.mark.parametrize(
    ("text", "counts", "expected"),
    [
        # one word kept, one odd strong swap, parts that start and end enough known terms
        ("Signs of hepatic brokenness.", ENOUGH, [("hepatic brokenness", "hepatic dysfunction")]),
        ("Signs of pneumonia procured.", ENOUGH, []),  # "pneumonia acquired" ends no terms
        # too few known terms start with the modifier, or end with the head
        ("Signs of hepatic brokenness.", (COMPOSED_MODIFIER_TERMS - 1, COMPOSED_HEAD_TERMS), []),
        ("Signs of hepatic brokenness.", (COMPOSED_MODIFIER_TERMS, COMPOSED_HEAD_TERMS - 1), []),
        # a noun phrase: a kept modifier is singular, and a verb form comes back as the known
        # terms write the original (never "acquiring"; ``test_engine`` has "acquired")
        ("The hepatics brokenness.", ENOUGH, []),
        ("Procuring pneumonia is common.", ENOUGH, []),
        # the article "a" is no modifier
        ("It is a brokenness.", ENOUGH, []),
    ],
)
def test_a_spun_document_reads_a_term_built_of_known_parts(
    text: str, counts: tuple[int, int], expected: list[tuple[str, str]]
) -> None:
    """ "hepatic brokenness" reads as "hepatic dysfunction" though no list holds that term:
    "hepatic" starts known terms, "dysfunction" ends them, and "brokenness" is an odd strong
    swap of "dysfunction". Only in a document that reads as spun, below ``REPORT_FROM``."""
    terms = _parts("hepatic", "dysfunction", *counts) + _parts("acquired", "pneumonia", *counts)
    detector = _detector(COMPOSING, terms)
    tokens = tokenize(text, NORMALIZER)
    found = detector.candidates(text, tokens, SPUN_DOCUMENTED_FROM)
    assert [
        (text[tokens[c.first].start : tokens[c.last].end], c.corrections[0]) for c in found
    ] == expected
    assert all(c.confidence == COMPOSED_AT_MOST < REPORT_FROM for c in found)
    assert all("is no known term, but known terms start with" in c.message for c in found)
    assert _read(detector, text) == []  # never in a text that does not read as spun


def test_a_known_term_is_read_as_itself_not_composed() -> None:
    terms = [*_parts("hepatic", "dysfunction", *ENOUGH), "hepatic dysfunction"]
    text = "Signs of hepatic brokenness."
    (candidate,) = _detector(COMPOSING, terms).candidates(
        text, tokenize(text, NORMALIZER), SPUN_DOCUMENTED_FROM
    )
    assert candidate.corrections == ("hepatic dysfunction",)
    assert candidate.confidence >= REPORT_FROM
    assert "no known term" not in candidate.message


def test_the_built_in_term_parts_are_cached_as_built() -> None:
    """What known terms start and end with, read back from the cache as it was built."""
    from fixer.detectors.reversal import _default_term_parts, _term_parts
    from fixer.terms import default_vocabulary

    built = _term_parts(default_vocabulary().terms)
    _default_term_parts.cache_clear()
    _default_term_parts()  # stored in the cache folder, if not there yet
    _default_term_parts.cache_clear()
    assert _default_term_parts() == built  # read from the cache folder
    assert _default_term_parts()[0].written("acquire", "ed") == "acquired"
