"""The core behaviour, as tables: what is flagged and how it is fixed, and what is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixer import Finding, check_text, fix_text
from fixer.edits import apply_edits
from fixer.engine import looks_spun
from fixer.model import FixSafety


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # inflection and case
        ("White platelets fight infection.", "White blood cells fight infection."),
        ("A white platelet.", "A white blood cell."),
        # a verb form carries over, word for word
        ("She was hacking up phlegm.", "She was coughing up phlegm."),
        ("They self-secluded for a week.", "They self-isolated for a week."),
        ("The Lymph Center Points swell.", "The Lymph Nodes swell."),
        ("Focal Sensory System Prophylaxis", "Central Nervous System Prophylaxis"),
        ("FOCAL SENSORY SYSTEM", "CENTRAL NERVOUS SYSTEM"),
        # a one-word find takes the case of its line
        ("# Windedness And Chest Torment", "# Shortness of Breath And Chest Pain"),
        ("Living With Windedness", "Living With Shortness of Breath"),
        ("Windedness and chest torment", "Shortness of breath and chest pain"),
        ("in the lymph center points and", "in the lymph nodes and"),
        # British spellings match, and the writer's spelling of shared words is kept
        ("serious lymphoblastic leukaemia", "acute lymphoblastic leukaemia"),
        ("serious lymphoblastic leukemia (ALL)", "acute lymphoblastic leukemia (ALL)"),
        # ... in each part of a hyphenated word too: the writer's capital "B" stays
        ("Scattered huge B-cell lymphoma.", "Diffuse large B-cell lymphoma."),
        ("Scattered huge B\u2010cell lymphoma.", "Diffuse large B\u2010cell lymphoma."),
        # a verb form carries over to a wording's first word; its words stay in place
        ("Yoga assists you with unwinding.", "Yoga helps you with unwinding."),
        # a line break or a hyphen inside a phrase
        ("the white\nplatelets are", "the white\nblood cells are"),
        ("the white\r\nplatelets are", "the white\r\nblood cells are"),
        ("far-off organs", "distant organs"),
        # a wrapped line whose break falls beyond the correction's words moves to its last gap
        ("the lymph center\npoints swell", "the lymph\nnodes swell"),
        ("the lymph center\r\n  points swell", "the lymph\r\n  nodes swell"),
        ("far off organs", "distant organs"),
        # a hyphenated correction is a known term, never read back as a garble
        ("Avoid cross-pollution here.", "Avoid cross-contamination here."),
        # longest match, and context
        ("related to unfortunate visualization.", "related to poor prognosis."),
        ("deteriorate the visualization of people", "deteriorate the prognosis of people"),
        # the article before the phrase
        (
            "It spreads, an interaction known as metastasis.",
            "It spreads, a process known as metastasis.",
        ),
        ("An interaction known as metastasis.", "A process known as metastasis."),
        ("A peevish gut disorder.", "An irritable bowel syndrome."),
        ("A PEEVISH GUT DISORDER IS RARE.", "AN IRRITABLE BOWEL SYNDROME IS RARE."),
        ("Is It A Peevish Gut Disorder?", "Is It An Irritable Bowel Syndrome?"),
        # a capital "A" after a word, before lower-case words, is a letter, no article
        ("Vitamin A peevish gut disorder", "Vitamin A irritable bowel syndrome"),
        ("with type A peevish gut disorder", "with type A irritable bowel syndrome"),
        ("hepatitis A peevish gut disorder", "hepatitis A irritable bowel syndrome"),
        ("grade-A peevish gut disorder", "grade-A irritable bowel syndrome"),
        # an article before initials or a letter is chosen by the letter's name
        ("He had an x-beam of the chest.", "He had an X-ray of the chest."),
        ("He had a x-beam of the chest.", "He had an X-ray of the chest."),
        ("It changed an mRNA articulation.", "It changed an mRNA expression."),
        # a possessive stays with the corrected term
        ("the white platelet's role", "the white blood cell's role"),
        ("The Lymph Center Point’s Size", "The Lymph Node’s Size"),
        ("WHITE PLATELET'S ROLE", "WHITE BLOOD CELL'S ROLE"),
        ("the white platelets' roles", "the white blood cells' roles"),
        ("the focal sensory system's role", "the central nervous system's role"),
        # so does one after a term that synonym reversal reads back from the text's own words
        # ("aspiratory ailment" as PPS documents it: "respiratory disease")
        ("The aspiratory ailment's course varied.", "The respiratory disease's course varied."),
        ("The aspiratory ailment’s course varied.", "The respiratory disease’s course varied."),
        ("the aspiratory ailments' courses", "the respiratory diseases' courses"),
        ("THE ASPIRATORY AILMENT'S COURSE", "THE RESPIRATORY DISEASE'S COURSE"),
        # a word reversal keeps from the text is kept whichever apostrophe it writes
        (
            "Doctors saw combustible polyneuropathy’s course.",
            "Doctors saw inflammatory polyneuropathy’s course.",
        ),
        (
            "Doctors saw combustible polyneuropathy's course.",
            "Doctors saw inflammatory polyneuropathy's course.",
        ),
        # the number of a spun plural whose singular is no word of words.txt is kept
        ("The standard aberrances (SDs) are shown.", "The standard deviations (SDs) are shown."),
        ("with bleached matter hyperintensities", "with white matter hyperintensities"),
        # a word the garble and the correction share keeps the writer's spelling, but the
        # case its place in the correction asks for: a sentence's first word is capitalized
        ("Considering all things, it works.", "All things considered, it works."),
        ("Hankies of the breast show it.", "Breast tissue show it."),
        ("Portable hearing assistants help.", "Hearing aids help."),
        ("Serious lymphoblastic leukaemia", "Acute lymphoblastic leukaemia"),
        ("SERIOUS LYMPHOBLASTIC LEUKAEMIA", "ACUTE LYMPHOBLASTIC LEUKAEMIA"),
        (
            "Doctors measured the helper T cellphone count.",
            "Doctors measured the helper T cell count.",
        ),
        # a determiner before a spun definition is no word of it
        (
            "Cells invade the anxious framework (CNS).",
            "Cells invade the central nervous system (CNS).",
        ),
        (
            "Cells invade an anxious framework (CNS).",
            "Cells invade a central nervous system (CNS).",
        ),
        # a word of an abbreviation's expansion that the text writes keeps the writer's form
        (
            "Patients with Crohn's wildness (CD) had pain.",
            "Patients with Crohn's disease (CD) had pain.",
        ),
        (
            "Patients with Crohn’s wildness (CD) had pain.",
            "Patients with Crohn’s disease (CD) had pain.",
        ),
        ("after a cesarean paragraph (CS) at term", "after a cesarean section (CS) at term"),
        ("in Hardy-Weinberg composure (HWE) were", "in Hardy-Weinberg equilibrium (HWE) were"),
        # a head the text joins by a hyphen takes its number in its last word
        ("Doctors saw jammed-teeth in patients.", "Doctors saw impacted-teeth in patients."),
        # a garble ending in a noun yields to a shorter one where the text writes a verb there
        ("Patients had white platelets counted.", "Patients had white blood cells counted."),
        ("The white platelet count was low.", "The white blood cell count was low."),
        # an invisible character inside a garble's word (PDF text, pasted text) hides nothing
        ("White plate\u00adlets rose.", "White blood cells rose."),
        ("Lymph center\u200bpoints swell.", "Lymph nodes swell."),
        ("the \ufb01ne white platelets", "the \ufb01ne white blood cells"),
        # or at a word's edge, beside the space between two words of a garble
        ("Bosom\u200b peril spreads.", "Breast\u200b cancer spreads."),
        ("Bosom \u00adperil spreads.", "Breast \u00adcancer spreads."),
        ("White\u2060\nplatelets rose.", "White\u2060\nblood cells rose."),
    ],
)
def test_fixes(text: str, fixed: str) -> None:
    assert fix_text(text, unsafe=True) == fixed
    assert fix_text(fixed, unsafe=True) == fixed, "a second run changes nothing"


@pytest.mark.parametrize("space", ["\u2009", "\u202f", "\u2002", "\u3000"])
def test_a_thin_or_narrow_space_between_a_garbles_words_hides_nothing(space: str) -> None:
    """The spaces of typesetting (thin, narrow no-break, en, ideographic), which PDF text and
    French typography put between words, join a garble's words as a no-break space does: with
    one, "bosom peril" was not reported at all."""
    text = f"Patients with bosom{space}peril were seen."
    (finding,) = check_text(text)
    assert (finding.entry_id, finding.text) == ("DI0045", f"bosom{space}peril")
    assert fix_text(text) == f"Patients with breast{space}cancer were seen."


@pytest.mark.parametrize("gap", ["\u200b ", " \u00ad", "\u2060\n", "\u200d-"])
def test_an_invisible_character_beside_a_gap_hides_no_garble(gap: str) -> None:
    """A zero-width space or soft hyphen at a word's edge (put there to evade a screen) leaves
    the garble to the lexicon, as one inside a word does, and its safe fix applies."""
    text = f"Patients with bosom{gap}peril were seen."
    (finding,) = check_text(text)
    assert (finding.rule.code, finding.entry_id, finding.text) == (
        "FX001",
        "DI0045",
        f"bosom{gap}peril",
    )
    assert fix_text(text) == f"Patients with breast{gap}cancer were seen."


@pytest.mark.parametrize(
    ("syntax", "text", "fixed"),
    [
        (
            "markdown",
            "She had an [aspiratory embolism](x.md).",
            "She had a [pulmonary embolism](x.md).",
        ),
        ("markdown", "An [*aspiratory embolism*](x.md).", "A [*pulmonary embolism*](x.md)."),
        (
            "markdown",
            "She had an\n[aspiratory embolism][pe].",
            "She had a\n[pulmonary embolism][pe].",
        ),
        ("text", 'She had an "aspiratory embolism".', 'She had a "pulmonary embolism".'),
        ("text", "She had an (aspiratory embolism).", "She had a (pulmonary embolism)."),
        (
            "text",
            "She had an \u201caspiratory embolism\u201d.",
            "She had a \u201cpulmonary embolism\u201d.",
        ),
        (
            "html",
            '<p>an <a href="x">aspiratory embolism</a>',
            '<p>a <a href="x">pulmonary embolism</a>',
        ),
        ("text", "Vitamin A (peevish gut) again.", "Vitamin A (irritable bowel) again."),
        # emphasis that plain text writes out
        ("text", "A _peevish gut_ flare.", "An _irritable bowel_ flare."),
        ("text", "A **peevish gut** flare.", "An **irritable bowel** flare."),
        ("text", "Vitamin A *peevish gut* again.", "Vitamin A *irritable bowel* again."),
        ("text", "A\n_peevish gut_ flare.", "An\n_irritable bowel_ flare."),
        # a letter after any hyphen names a kind; "a_b" is no article before emphasis
        ("text", "Type\u2011a (peevish gut) here.", "Type\u2011a (irritable bowel) here."),
        ("text", "Use a_peevish gut.", "Use a_irritable bowel."),
        # an "a"/"an" that a mark other than an opening one separates is no article of the term
        ("text", "Plan a: aspiratory embolism.", "Plan a: pulmonary embolism."),
        ("text", "Type an) aspiratory embolism.", "Type an) pulmonary embolism."),
    ],
)
def test_the_article_is_corrected_before_an_opening_bracket_or_quote(
    syntax: str, text: str, fixed: str
) -> None:
    """A link's text, a quotation or a parenthesis may start with the term that an "a"/"an"
    before it goes with: the fix must not leave "an [pulmonary embolism](x.md)"."""
    assert fix_text(text, syntax=syntax) == fixed
    assert fix_text(fixed, syntax=syntax) == fixed, "a second run changes nothing"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Platelets help the blood to clot.", "platelets alone is a real word"),
        ("The platelet count was low.", "a real term"),
        ("Avoid cross-contamination here.", "a hyphenated term is a known term too"),
        ("Its violent eruption in 1883 was great.", "one word read as one hyphenated word"),
        ("Essential hypertension is common.", "essential hypertension is a real disease"),
        ("Visualization of the vessels on CT was good.", "visualization in its own sense"),
        ("Poor visualization of the left ventricle.", "a real radiology phrase"),
        (
            "Psychological readiness to return to sport was low.",
            "a sports-medicine term (ACL-RSI), not a spun 'mental fitness'",
        ),
        ("Sound waves are used in ultrasound.", "sound is not always a spun 'healthy'"),
        ("The white.\n\nPlatelets are cells.", "a phrase never crosses a sentence"),
        ("The white\n\nplatelets", "a phrase never crosses a paragraph break"),
        ("The whiteboard platelets", "whole words only"),
        ("A good soak put life back in the wagon.", "the garble writes 'backing'"),
        # a spun form of several words ("heat level" for "temperature") never spans a break
        ("Measure the internal. Heat level daily.", "a spun phrase never crosses a sentence"),
        ("It was the highest; quality level checks followed.", "nor a semicolon"),
        ("Measure the internal\n\nheat level daily.", "nor a paragraph break"),
    ],
)
def test_no_findings(text: str, reason: str) -> None:
    assert check_text(text) == [], reason


def test_findings_map_back_to_the_text() -> None:
    text = "Leukemia cells reach the focal sensory system and lymph center points."
    findings = check_text(text)
    assert [text[f.start : f.end] for f in findings] == [f.text for f in findings]
    assert [f.text for f in findings] == ["focal sensory system", "lymph center points"]
    assert findings[0].suggestions == ("central nervous system",)
    assert findings[0].detector == "lexicon"
    assert 0 < findings[0].confidence <= 1


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # English has no regular past of "get".
        ("She dispensed with acne for good.", "get rid of"),
        # "belongs to": a phrase of other length may need the form in other words too
        # ("travels every which way" is "comes and goes").
        ("If she has a place with a high-risk group, call.", "belong to"),
    ],
)
def test_a_verb_form_the_correction_cannot_take_is_shown_not_applied(text: str, shown: str) -> None:
    (finding,) = check_text(text)
    assert finding.suggestions == (shown,) and finding.fix is FixSafety.NONE
    assert fix_text(text, unsafe=True) == text


def test_safe_fixes_only_by_default() -> None:
    text = "They got designated treatment for white platelets."
    assert fix_text(text) == "They got designated treatment for white blood cells."
    assert fix_text(text, unsafe=True) == "They got targeted therapy for white blood cells."


def test_markdown_code_and_urls_are_left_alone() -> None:
    text = (
        "White platelets in prose, `white platelets` in code, "
        "[a link](https://example.org/white-platelets).\n\n```\nwhite platelets\n```\n"
    )
    fixed = fix_text(text, syntax="markdown")
    assert fixed == text.replace("White platelets", "White blood cells", 1)


def test_html_tags_and_attributes_are_left_alone() -> None:
    text = '<p title="white platelets">White platelets</p><code>white platelets</code>'
    assert fix_text(text, syntax="html") == text.replace(">White platelets<", ">White blood cells<")


@pytest.mark.parametrize(
    ("text", "syntax", "fixed"),
    [
        (
            "Leukemia affects white *platelets*.",
            "markdown",
            "Leukemia affects white *blood cells*.",
        ),
        (
            "**Focal** sensory system prophylaxis",
            "markdown",
            "**Central** nervous system prophylaxis",
        ),
        ("The *lymph center points* swell.", "markdown", "The *lymph nodes* swell."),
        (
            "white <em>platelets</em> and <a href='x'>focal sensory</a> system",
            "html",
            "white <em>blood cells</em> and <a href='x'>central nervous</a> system",
        ),
        ("a `white *platelets*` span", "markdown", "a `white *platelets*` span"),
        ("<code>white <em>platelets</em></code>", "html", "<code>white <em>platelets</em></code>"),
    ],
)
def test_phrases_across_inline_markup_are_fixed_with_markup_intact(
    text: str, syntax: str, fixed: str
) -> None:
    assert fix_text(text, syntax=syntax, unsafe=True) == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # "white platelet's count" is the count of a white platelet: the possessive ends the
        # garble "white platelet count", and the shorter "white platelet" is fixed.
        ("The white platelet's count was low.", "The white blood cell's count was low."),
        # A garble that writes the possessive itself runs across it.
        ("She has alzheimer's illness.", "She has Alzheimer's disease."),
    ],
)
def test_a_possessive_the_garble_does_not_write_ends_the_phrase(text: str, fixed: str) -> None:
    assert fix_text(text) == fixed


@pytest.mark.parametrize(
    ("text", "syntax", "written"),
    [
        # every suggestion is written as the first: markup kept, the article changed to suit
        (
            "He has a coronary <em>illness</em> now.",
            "html",
            [
                "He has a heart <em>disease</em> now.",
                "He has a coronary <em>artery disease</em> now.",
            ],
        ),
        (
            "He took an agony reliever.",
            "text",
            ["He took a painkiller.", "He took a pain reliever."],
        ),
        ("an agony reliever's dose", "text", ["a painkiller's dose", "a pain reliever's dose"]),
        # one word cannot keep the emphasis that two words share
        ("A threatening *growth* was found.", "markdown", ["A malignant *tumor* was found.", None]),
        # a report-only finding has no edit for any suggestion
        ("See [agony reliever].\n\n[agony reliever]: https://x.org\n", "markdown", [None, None]),
    ],
)
def test_each_suggestion_has_the_edit_a_fix_would_make(
    text: str, syntax: str, written: list[str | None]
) -> None:
    (finding,) = check_text(text, syntax=syntax)
    edits = [finding.edit(choice) for choice in range(len(finding.suggestions))]
    assert [None if e is None else apply_edits(text, [e])[0] for e in edits] == written


def test_line_breaks_that_cannot_all_be_kept_make_the_fix_report_only() -> None:
    (finding,) = check_text("the lymph\ncenter\npoints swell")
    assert finding.suggestions == ("lymph nodes",)
    assert finding.fix.name == "NONE"


def test_markup_that_cannot_be_kept_makes_the_fix_report_only() -> None:
    (finding,) = check_text("lymph *center* points", syntax="markdown")
    assert finding.text == "lymph *center* points"
    assert finding.fix.name == "NONE"
    assert fix_text("lymph *center* points", syntax="markdown", unsafe=True) == (
        "lymph *center* points"
    )


@pytest.mark.parametrize(
    ("syntax", "text", "fixed"),
    [
        ("html", "<p>The blue platelets rose.</p>", "<p>The &lt;T&gt; cells &amp; co rose.</p>"),
        ("html", "<p>blue <em>platelets</em></p>", "<p>&lt;T&gt; <em>cells &amp; co</em></p>"),
        ("markdown", "The blue platelets rose.", "The &lt;T&gt; cells &amp; co rose."),
        ("markdown", "In <b>blue platelets</b>.", "In <b>&lt;T&gt; cells &amp; co</b>."),
        ("text", "The blue platelets rose.", "The <T> cells & co rose."),
        ("rst", "The blue platelets rose.", "The <T> cells & co rose."),
    ],
)
def test_corrections_go_into_markup_escaped(
    tmp_path: Path, syntax: str, text: str, fixed: str
) -> None:
    """A user lexicon's correction holding "<" or "&" goes into HTML, and into Markdown (which
    passes HTML through), as character references: it never becomes a tag. Suggestions are
    written the same way, so that whatever applies one (an editor, a SARIF fix) gets it right."""
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(
        "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
        "ANU0001\tblue platelets\t<T> cells & co\tanatomy\terror\tsafe\t\tuser\tblue platelets\n",
        encoding="utf-8",
    )
    options = {"syntax": syntax, "lexicons": [lexicon], "builtin": False}
    (finding,) = check_text(text, **options)
    escaped = syntax in ("html", "markdown")
    assert finding.suggestions == ("&lt;T&gt; cells &amp; co" if escaped else "<T> cells & co",)
    assert fix_text(text, **options) == fixed
    assert fix_text(fixed, **options) == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # the capital a sentence gives the first word is not carried to its new place
        ("Blood hankies were seen.", "Tissues of the blood were seen."),
        ("The blood hanky was seen.", "The tissue of the blood was seen."),
        # the first word of a sentence is capitalized wherever it comes from
        ("Hankies of the blood were seen.", "Blood tissue were seen."),
    ],
)
def test_a_shared_word_takes_the_case_of_its_place_in_the_correction(
    tmp_path: Path, text: str, fixed: str
) -> None:
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(
        "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
        "ANU0001\tblood hanky\ttissue of the blood\tanatomy\terror\tsafe\t\tuser\tblood hanky\n"
        "ANU0002\thankies of the blood\tblood tissue\tanatomy\terror\tsafe\t\tuser\tx\n",
        encoding="utf-8",
    )
    assert fix_text(text, lexicons=[lexicon], builtin=False) == fixed


def test_a_longer_reading_completes_a_lexicon_finding_only_when_it_changes_more(
    tmp_path: Path,
) -> None:
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(
        "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
        "DI9001\tpeevish gut\tirritable bowel\tdisease\terror\tsafe\t\tuser\tpeevish gut\n",
        encoding="utf-8",
    )

    def found(text: str) -> list[tuple[str, str, str, str, str]]:
        findings = check_text(
            text, lexicons=[lexicon], builtin=False, detectors=("lexicon", "reversal")
        )
        return [
            (f.text, f.suggestions[0], f.rule.code, f.severity.name, f.fix.name) for f in findings
        ]

    # "disorder" for "syndrome" is one more swap: the reading replaces the lexicon's finding,
    # as severe, but its fix is as unsafe as any reversal's.
    assert found("Patients with peevish gut disorder were enrolled.") == [
        ("peevish gut disorder", "irritable bowel syndrome", "FX102", "ERROR", "UNSAFE")
    ]
    # Settings that drop the longer reading leave the lexicon's finding in place.
    ignored = check_text(
        "Patients with peevish gut disorder were enrolled.",
        lexicons=[lexicon],
        builtin=False,
        detectors=("lexicon", "reversal"),
        ignore=("FX102",),
    )
    assert [(f.text, f.rule.code) for f in ignored] == [("peevish gut", "FX001")]
    # The reading adds nothing to the lexicon's fix: the safe finding stays.
    assert found("Patients with peevish gut syndrome were enrolled.") == [
        ("peevish gut", "irritable bowel", "FX001", "ERROR", "SAFE")
    ]
    # A fix that may not apply the longer reading applies the safe fix it completes.
    spun = "Patients with peevish gut disorder were enrolled."
    fixed = {
        unsafe: fix_text(
            spun,
            unsafe=unsafe,
            lexicons=[lexicon],
            builtin=False,
            detectors=("lexicon", "reversal"),
        )
        for unsafe in (False, True)
    }
    assert fixed == {
        False: "Patients with irritable bowel disorder were enrolled.",
        True: "Patients with irritable bowel syndrome were enrolled.",
    }


def test_a_longer_reading_completes_a_finding_by_any_of_its_alternatives(
    tmp_path: Path,
) -> None:
    """A lexicon that reads "peevish gut" as "spastic colon" first, or "irritable bowel": the
    reading of "peevish gut disorder" as "irritable bowel syndrome" holds the second, and
    completes the finding."""
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(
        "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
        "DI9001\tpeevish gut\tspastic colon|irritable bowel\tdisease\terror\tunsafe\t\tuser\t"
        "peevish gut\n",
        encoding="utf-8",
    )
    text = "Patients with peevish gut disorder were enrolled."
    findings = check_text(
        text, lexicons=[lexicon], builtin=False, detectors=("lexicon", "reversal")
    )
    assert [(f.text, f.suggestions[0]) for f in findings] == [
        ("peevish gut disorder", "irritable bowel syndrome")
    ]


SPUN = "White platelets, lymph center points and a focal sensory framework. "


def after_spun(text: str) -> list[Finding]:
    """The findings in ``text`` read after ``SPUN``, in a document that reads as spun."""
    return [f for f in check_text(SPUN + text) if f.start >= len(SPUN)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some had retinal debilitation.", ("retinal impairment",)),
        # the verb form as known terms write the original where it starts them
        ("Some had procured meningitis.", ("acquired meningitis",)),
        ("Some had procured anemia.", ("acquired anemia",)),
    ],
)
def test_a_spun_document_reads_terms_built_of_known_parts(
    text: str, expected: tuple[str, ...]
) -> None:
    """Two words that read as no known term, one of them an odd strong swap, read as a term
    built of known parts in a document that reads as spun, and nowhere else."""
    assert check_text(text) == []
    (finding,) = after_spun(text)
    assert (finding.suggestions, finding.severity.name) == (expected, "INFO")
    assert "is no known term, but known terms start with" in finding.message
    # shown, never applied: no list holds the term
    assert finding.fix is FixSafety.NONE
    assert fix_text(SPUN + text, unsafe=True).endswith(text)


@pytest.mark.parametrize(
    ("findings", "words", "spun"),
    [
        (2, 10, False),  # too few findings, however dense
        (3, 600, True),  # 5 per 1,000 words
        (3, 601, False),
        (40, 700, True),  # a spun article
        (3, 20_000, False),  # a long clean manuscript with a few stray findings
    ],
)
def test_looks_spun(findings: int, words: int, spun: bool) -> None:
    assert looks_spun(" ".join(["word"] * words), findings) is spun


def test_weaker_readings_are_reported_only_in_a_document_that_reads_as_spun() -> None:
    """One weak but unusual swap ("indicator" for "sentinel") says little alone; among other
    garbles it is worth an info finding. A common word ("counts" for "numbers") stays unreported."""
    weaker = "The indicator node biopsy was clear."
    assert check_text(weaker) == []
    found = {f.text: f for f in check_text(SPUN + weaker + " Abnormal counts of cells.")}
    indicator = found["indicator node biopsy"]
    assert (indicator.suggestions, indicator.severity.name) == (("sentinel node biopsy",), "INFO")
    assert indicator.message.endswith("the document reads as spun")
    assert "counts of" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One common word for the head word (confidence 0.4): "blood test" is a term lexicon
        # entries correct to, and "examination" a word of their garbles.
        ("A blood examination showed anemia.", [("blood examination", "blood test")]),
        # "brain area" is a known term but no entry's correction.
        ("The brain region was damaged.", []),
        # Two common words swapped, and only a function word kept ("risk of disease").
        ("The chance of infection is low.", []),
        # No garble of the lexicon puts "problem" in place of another word ("problems dozing"
        # for "problems sleeping" keeps it).
        ("She has a bleeding problem.", []),
        # Every word swapped for a common one may be plain English ("risk factors").
        ("Hazard variables include smoking.", []),
        # One common swap beside one kept word ("routine checkups") may be what was meant.
        ("Keep regular checkups.", []),
    ],
)
def test_a_spun_document_undoes_weak_swaps_the_lexicon_documents(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert check_text(text) == []
    found = after_spun(text)
    assert [(f.text, f.suggestions[0]) for f in found] == expected
    assert all(f.severity.name == "INFO" for f in found)


@pytest.mark.parametrize(
    ("text", "expected", "fix"),
    [
        # A word clean medical prose does not use ("indicator" for "sentinel"): an unsafe fix.
        (
            "The indicator node biopsy was clear.",
            ("indicator node biopsy", "sentinel node biopsy"),
            "unsafe",
        ),
        # A word it uses, that the lexicon's garbles show spinners put for "chronic": shown,
        # never applied, for it may be what the writer meant ("main outcome").
        ("He has a lingering condition.", ("lingering condition", "chronic condition"), "none"),
        ("The main outcome was survival.", ("main outcome", "primary outcome"), "none"),
        # Any common swap, where the reading keeps the head word and another content word of
        # a longer term: shown, never applied.
        ("It starts in pale blood cells.", ("pale blood cells", "white blood cells"), "none"),
        ("A total blood count was done.", ("total blood count", "complete blood count"), "none"),
    ],
)
def test_a_spun_document_reads_one_weak_swap_beside_a_kept_word(
    text: str, expected: tuple[str, str], fix: str
) -> None:
    assert check_text(text) == []
    found = after_spun(text)
    assert [(f.text, f.suggestions[0], str(f.fix), f.severity.name) for f in found] == [
        (*expected, fix, "INFO")
    ]
    assert (expected[1] in fix_text(SPUN + text, unsafe=True)) is (fix == "unsafe")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cells much like the coating of the uterus grow here.",
            ("coating of the uterus", "lining of the uterus"),
        ),
        (
            "Doctors found tissue similar to the coating of the bladder.",
            ("coating of the bladder", "lining of the bladder"),
        ),
    ],
)
def test_words_before_a_swap_do_not_cut_the_search_after_it(
    text: str, expected: tuple[str, str]
) -> None:
    """The search around a swap reaches as far after it whatever stands before it: from "much
    like" or "tissue similar to" it once ended before "uterus" and "bladder"."""
    found = after_spun(text)
    assert [(f.text, f.suggestions[0]) for f in found] == [expected]


def test_a_word_of_a_term_the_text_writes_is_not_read_as_spun() -> None:
    """In "dental pain emergency contraception", "emergency" belongs to "emergency
    contraception": "pain emergency" is no spun "pain crisis". Unsafe fixes of a spun text
    used to write "emergency contraception" and then read it back as "pain crisis" in the
    next pass, so that fixing the output changed it again (found by the property test)."""
    assert after_spun("Ask about dental pain emergency contraception and more.") == []
    text = " a critical measure of  dental torment  crisis contraception "
    once = fix_text(text, unsafe=True)
    assert once == " a significant amount of  dental pain  emergency contraception "
    assert fix_text(once, unsafe=True) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "captures" stands for "seizures" only near epilepsy words; a spun article about
        # epilepsy may have swapped those too ("point of convergence seizure").
        ("Some people have captures at night.", [("captures", ("seizures",))]),
        # A clause that says which sense is meant still holds: a hacking cough is a cough,
        # and a data capture is no seizure.
        ("She had a hacking cough with phlegm.", []),
        ("The data captures were stored.", []),
    ],
)
def test_a_spun_document_waives_only_the_topic_clauses_of_an_entry(
    text: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert check_text(text) == []
    found = after_spun(text)
    assert [(f.text, f.suggestions) for f in found] == expected
    assert all(f.severity.name == "INFO" for f in found)
    assert all(f.message.endswith("the document reads as spun") for f in found)


def test_an_in_spun_entry_holds_only_in_a_document_that_reads_as_spun() -> None:
    """ "on the off chance that" is English, but in a spun article it stands for "if"."""
    text = "On the off chance that you feel dizzy, sit down."
    assert check_text(text) == []
    found = after_spun(text)
    assert [(f.text, f.suggestions[0], f.severity.name) for f in found] == [
        ("On the off chance that", "If", "INFO")
    ]


def test_a_spun_document_keeps_the_sense_clauses_of_an_entry() -> None:
    """ "defenseless" stands for "susceptible" before "to" (a sense clause), near words of
    infection (a topic clause): in a spun document only the topic clause is waived."""

    def after_spun(text: str) -> list[tuple[str, str]]:
        found = check_text(SPUN + text)
        return [(f.text, f.suggestions[0]) for f in found if f.start >= len(SPUN)]

    assert after_spun("Babies are defenseless to measles.") == [("defenseless", "susceptible")]
    assert after_spun("The defenseless animals were rescued.") == []


def test_a_spun_reading_never_covers_a_finding_but_a_shorter_one_may_stand() -> None:
    """ "bosom growth" (for "breast cancer", topic waived) would overlap "growth silencer", which
    stands; the shorter "bosom" (for "breast", topic waived) is read instead."""
    found = check_text(SPUN + "The bosom growth silencer gene was studied.")
    assert [(f.text, f.suggestions[0], f.severity.name) for f in found if f.start >= len(SPUN)] == [
        ("bosom", "breast", "INFO"),
        ("growth silencer", "tumor suppressor", "ERROR"),
    ]


def test_only_reported_findings_make_a_document_read_as_spun() -> None:
    """Garbles left out by the settings do not open the door to weaker readings."""
    text = SPUN + "The indicator node biopsy was clear."
    assert [f.text for f in check_text(text, ignore=["FX001"])] == []


def test_unsafe_fix_applies_weaker_readings_with_the_garbles() -> None:
    """The weaker reading is fixed in the same pass as the garbles that made the document read
    as spun (afterwards the document no longer does)."""
    fixed = fix_text(SPUN + "The indicator node biopsy was clear.", unsafe=True)
    assert fixed.endswith("The sentinel node biopsy was clear.")
    assert fix_text(fixed, unsafe=True) == fixed


def test_taken_candidates_are_found_by_their_tokens_as_by_comparing_every_one() -> None:
    """``_Taken`` answers which standing candidates a new one overlaps from the tokens it
    covers; the answer, and its order (the order of taking), are those of comparing the new
    candidate with every standing one."""
    import random

    from fixer.engine import _Taken
    from fixer.model import RULES, Candidate, FixSafety, Severity

    def candidate(first: int, last: int) -> Candidate:
        return Candidate(
            first, last, ("x",), "x", RULES["FX001"], "X", "lexicon", "anatomy",
            Severity.ERROR, 1.0, FixSafety.SAFE, "m",
        )  # fmt: skip

    rng = random.Random(7)
    taken, reference = _Taken(), []
    for _ in range(2000):
        first = rng.randrange(300)
        new = candidate(first, first + rng.randrange(5))
        overlapping = taken.overlapping(new)
        expected = [c for c in reference if c.first <= new.last and new.first <= c.last]
        assert list(overlapping.values()) == expected
        if not expected or rng.random() < 0.3:  # taken, replacing what it overlaps
            taken.remove(overlapping)
            taken.add(new)
            reference = [c for c in reference if c not in expected] + [new]
    assert taken.in_order() == sorted(reference, key=lambda c: c.first)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # DI0853 lists "anaemia|anemia": an American text gets the American spelling ...
        ("Bloodlessness from low iron is common; ask about your hemoglobin.", "Anemia"),
        # ... and a British one, that writes "colour" and "haemoglobin", the British.
        ("Bloodlessness from low iron: the colour of the haemoglobin test.", "Anaemia"),
        # One British word is not enough to tell ("surprised" has an old "surprized").
        ("Bloodlessness from low iron surprised her; ask about hemoglobin.", "Anemia"),
        # PR0474 lists "genetic counselling|genetic counseling", which no spelling rule tells
        # apart: the first stays first.
        ("Ask about genetic advising before pregnancy.", "genetic counselling"),
    ],
)
def test_of_corrections_that_differ_only_in_spelling_the_documents_comes_first(
    text: str, first: str
) -> None:
    (finding,) = check_text(text)
    assert finding.suggestions[0] == first
