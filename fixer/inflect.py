"""Shaping a correction to fit where it goes: the found text's case, number and article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fixer.data import lexicon_dir, read_tsv
from fixer.patterns import function_words, noun_followers
from fixer.words import (
    IRREGULAR_PLURAL_ENDINGS,
    POSSESSIVE,
    SPACES,
    SPLIT_RE,
    WORD_RE,
    Normalizer,
    english_words,
    folded,
    plural_in_en,
    verb_suffix,
)

# Words kept lower case inside a Title Case heading (articles, short prepositions, conjunctions).
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "via",
        "with",
    ]
)
# Capital letters whose English name starts with a vowel sound ("an MRI", "an X-ray").
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")


# ---- case -------------------------------------------------------------------------------------


def case_pattern(found: str, line: str = "") -> str:
    """One of ``upper``, ``title``, ``sentence`` or ``lower`` for the text as found. A capital
    followed by no content word ("Windedness") looks the same in Title Case and in Sentence
    case: then the ``line`` it stands on decides ("Windedness And Chest Torment", a Title Case
    heading, makes it title)."""
    words = WORD_RE.findall(found)
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    if not words or not words[0][0].isupper():
        return "lower"
    content = _content_words(words[1:])
    if not content:
        return "title" if _is_title_case(line) else "sentence"
    return "title" if all(w[0].isupper() for w in content) else "sentence"


def _is_title_case(line: str) -> bool:
    """Whether a line is written in Title Case: two or more of its content words tell (words
    in capitals, "COPD", are capitalised in any case), and each of them is capitalised."""
    telling = [w for w in _content_words(WORD_RE.findall(line)) if not w.isupper()]
    return len(telling) > 1 and all(w[0].isupper() for w in telling)


def _content_words(words: list[str]) -> list[str]:
    """The words that Title Case capitalises: not minor words, not numbers."""
    return [w for w in words if w.lower() not in _MINOR_WORDS and w[0].isalpha()]


def apply_case(correction: str, pattern: str) -> str:
    """Give ``correction`` the case pattern of the found text; its own capitals are kept."""
    if pattern == "upper":
        return correction.upper()
    if pattern == "lower":
        return correction
    if pattern == "sentence":
        return _capitalised(correction)
    parts = correction.split(" ")
    return " ".join(
        part if index and part.lower() in _MINOR_WORDS else _capitalised(part)
        for index, part in enumerate(parts)
    )


def _capitalised(text: str) -> str:
    """``text`` with its first letter a capital, unless its first word is written with a small
    letter before capitals ("mRNA", "mHealth", "pH"), which stays so at a sentence start and in
    Title Case alike: "MRNA" would be another word."""
    first = text.split(" ", 1)[0]
    if first[:1].islower() and any(c.isupper() for c in first[1:]):
        return text
    return text[:1].upper() + text[1:]


# ---- number -----------------------------------------------------------------------------------


def head_index(words: list[str]) -> int:
    """The head noun of a phrase: the word before "of" if there is one, else the last word."""
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:]:
        return lowered.index("of", 1) - 1
    return len(words) - 1


def is_plural(word: str, normalizer: Normalizer) -> bool:
    """Whether a word is a plural noun form: its lemma differs and the ending says so. Not an
    English word whose would-be singular is none ("diabetes", "pancreas", "series"), nor a
    Latin-looking word whose own plural English writes ("cornea", "corneas": the lemma table
    reads it as the plural of "corneum"), nor a verb's participle in "-en" ("swollen",
    "broken"), which only "children", "oxen" and "women" share an ending with."""
    low = folded(word)
    lemma = normalizer.lemma(low)
    if not (
        low.endswith(("s", *IRREGULAR_PLURAL_ENDINGS))
        and lemma != low
        and not low.endswith(("ss", "'s", "’s"))
    ):
        return False
    if low.endswith("en") and not plural_in_en(low, lemma):
        return False
    english = english_words()
    if low.endswith(("a", "i")) and low + "s" in english:
        return False
    return low not in english or singularize(low, normalizer) in english


#: Endings of the irregular plurals English makes of its own words ("children", "feet",
#: "teeth", "mice", "knives"), as against Latin and Greek ones ("criteria", "nuclei").
_ENGLISH_IRREGULAR_ENDINGS = ("en", "eet", "eeth", "ice", "ves")


def is_english_plural(word: str, normalizer: Normalizer) -> bool:
    """Whether a word is a plural that English inflection makes: by the regular endings
    ("cells", "arteries", "metastases") or an English irregular ("teeth", "children"). Latin
    and Greek forms ("criteria", "varices", "uteri") are not, since terms also use them as
    singulars or in Latin ("otitis media", "cervix uteri", "vena cava")."""
    if not is_plural(word, normalizer):
        return False
    low = word.lower()
    if low.endswith(_ENGLISH_IRREGULAR_ENDINGS):
        return True
    return _regular_plural(singular(low, normalizer)) == low


def pluralize(word: str, normalizer: Normalizer | None = None) -> str:
    """The plural of a singular noun: by the regular endings, or, given the ``normalizer``
    whose lemma table knows them, the irregular plurals English uses for its own words
    ("child" → "children", "tooth" → "teeth", "knife" → "knives") and for Latin and Greek
    ones in "-um", "-on", "-us", "-ix" and "-ex" ("criterion" → "criteria", "nucleus" →
    "nuclei", "varix" → "varices"). Words in "-a" take "-s" ("area" → "areas"), as English
    does for most of them."""
    if normalizer is not None:
        irregular = normalizer.irregular_plurals.get(word.lower())
        if irregular is not None and (
            irregular.endswith(_ENGLISH_IRREGULAR_ENDINGS)
            or word.lower().endswith(("um", "on", "us", "ix", "ex"))
        ):
            return word[:1] + irregular[1:] if word[:1].isupper() else irregular
    return _regular_plural(word)


def _regular_plural(word: str) -> str:
    low = word.lower()
    if low.endswith("is"):
        plural = word[:-2] + "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        plural = word[:-1] + "ies"
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + "es"
    else:
        plural = word + "s"
    return plural


def singularize(word: str, normalizer: Normalizer) -> str:
    lemma = normalizer.lemma(word)
    return word[: len(lemma)] if word.lower().startswith(lemma) else lemma


def singular(word: str, normalizer: Normalizer) -> str:
    """A plural noun's singular as written: "fillings" → "filling" (though its lemma is the verb
    "fill"), "metastases" → "metastasis"; a word whose would-be singular is no English word
    stays ("diabetes", not "diabete")."""
    one = _would_be_singular(word, normalizer)
    return one if one.lower() in english_words() else word


def _would_be_singular(word: str, normalizer: Normalizer) -> str:
    """A plural noun's singular by its ending and the lemma table, whether or not English
    writes it: "aberrances" → "aberrance", "diabetes" → "diabete"."""
    base = normalizer.normal(word)
    return word[:-1] if normalizer.normal(word[:-1]) == base else singularize(word, normalizer)


def singular_words(words: Sequence[str], normalizer: Normalizer) -> str:
    """Found words in lower case, each plural made singular: the garble that a detector's
    correction, written in the singular and already in the found words' verb forms, is written
    for (``Candidate.written``; "seasoned fillings" → "seasoned filling"). A plural whose
    singular words.txt lacks is made singular too ("standard aberrances" → "standard
    aberrance"), or the correction would not take the text's number ("standard deviations"):
    ``is_plural`` has told it from English words such as "diabetes". A possessive ending
    the last word is the text's, not the garble's ("aspiratory ailment's course"): it is left
    out, so that the correction takes it over ("pulmonary disease's")."""
    lowered = [word.lower() for word in words]
    if lowered:
        lowered[-1] = POSSESSIVE.sub("", lowered[-1])
    return " ".join(
        _would_be_singular(low, normalizer) if is_plural(low, normalizer) else low
        for low in lowered
    )


def match_number(correction: str, garble: str, found: str, normalizer: Normalizer) -> str:
    """Inflect the correction's head noun when the found text differs in number from the garble.

    Lexicon entries write the garble and its correction in the same number, so only a difference
    between the garble as written and the text as found is carried over.
    """
    garble_words, found_words = WORD_RE.findall(garble), WORD_RE.findall(found)
    index = head_index(garble_words) if garble_words else -1
    if not found_words or index < 0:
        return correction
    if len(garble_words) == len(found_words):
        found_head = found_words[index]
    elif index == len(garble_words) - 1:
        found_head = found_words[-1]  # written otherwise ("whiteplatelets"), ending in the head
    else:
        return correction
    written = is_plural(garble_words[index], normalizer)
    seen = is_plural(found_head, normalizer)
    if written == seen:
        return correction
    parts = correction.split(" ")
    target = head_index(parts)
    # A head joined by hyphens is inflected in its last word ("impacted-tooth" →
    # "impacted-teeth", and "panel-data" is plural already).
    joined, hyphen, head = parts[target].rpartition("-")
    if seen and not is_plural(head, normalizer):
        plural = pluralize(head, normalizer)
        # An English noun takes a plural only where English writes one ("findings", but no
        # "signalings" or "arthrites": "cell signaling" and "arthritis" stay as they are).
        english = english_words()
        if hyphen or plural.lower() in english or head.lower() not in english:
            parts[target] = joined + hyphen + plural
    elif not seen and is_plural(head, normalizer):
        parts[target] = joined + hyphen + singularize(head, normalizer)
    return " ".join(parts)


def match_verb_form(correction: str, garble: str, found: str, normalizer: Normalizer) -> str:
    """Carry a verb form of the found text over to the correction, word for word: "hacking"
    where the garble writes "hack" makes its correction "cough" "coughing", "hacked up" makes
    "cough up" "coughed up", "assists you with" makes "help you with" "helps you with". Only
    where garble, text and correction have as many words, the garble's word is a base form used
    as a verb (the whole garble, the last word of one hyphenated word, as in "self-seclude", or
    a word a function word follows, as "up" does), and the correction's word a base form with
    that form in English: "gambling factors" (garble "gamble factor") is "risk factors", not
    "risking factors". (A lone word's "-s" is its number, which ``match_number`` carries.)"""
    pieces = SPLIT_RE.split(correction)  # what joins the words, a word, …, a word, what joins
    for index, inflected in _verb_forms(correction, garble, found, normalizer):
        if inflected:
            pieces[2 * index + 1] = inflected
    return "".join(pieces)


def verb_form_lost(correction: str, garble: str, found: str, normalizer: Normalizer) -> bool:
    """Whether the found text writes a verb of the garble in a form that the correction's base
    form cannot take as English writes it ("dispensed with" is "got rid of", not "get rid of"):
    the correction, as ``match_verb_form`` writes it, would not fit the sentence."""
    return any(not inflected for _, inflected in _verb_forms(correction, garble, found, normalizer))


def _verb_forms(
    correction: str, garble: str, found: str, normalizer: Normalizer
) -> list[tuple[int, str]]:
    """For each base-form word of the correction that stands for a garble's verb the found
    text inflects (see ``match_verb_form``): its place among the correction's words and the
    word in the text's form ("" where English has none that ``_verb_form`` can tell, or the
    text's form is irregular, as "brought", or the phrase has another length)."""
    parts = SPLIT_RE.split(correction)[1::2]
    garble_words, found_words = WORD_RE.findall(garble), WORD_RE.findall(found)
    grammar = function_words()
    if len(garble_words) != len(found_words) or not parts:
        return []
    same = len(parts) == len(garble_words)
    if not same:
        # Only a phrase's first word, a verb a function word follows, is matched with the
        # correction's first ("dispensed with" is "get rid of" in some form).
        if len(garble_words) < 2 or garble_words[1].lower() not in grammar:
            return []
        garble_words, found_words = garble_words[:2], found_words[:2]
    one_word = not any(space in garble.strip() for space in SPACES)  # "hack", "self-seclude"
    found_forms = []
    for index, (written, seen) in enumerate(zip(garble_words, found_words, strict=True)):
        last = index + 1 == len(garble_words)
        if (
            len(garble_words) > 1
            and not (one_word and last)
            and (last or garble_words[index + 1].lower() not in grammar)
        ):
            continue  # a noun's modifier or a head noun ("gamble factor", "blood tally")
        base, form, part = written.lower(), seen.lower(), parts[index].lower()
        if normalizer.lemma(base) != base or normalizer.lemma(form) != base:
            continue
        if part == base or normalizer.lemma(part) != part:
            # A word the correction shares keeps the writer's form ("holds promise"); one it
            # writes inflected already says its own ("goes about as" → "acts as").
            continue
        suffix = verb_suffix(form, base)
        if not suffix:
            # A first word's other form, before its object or particle: "-s" ("assists you
            # with") or irregular ("brought down"). A lone word's "-s" is its number, which
            # ``match_number`` carries.
            if index or last or form == base or garble_words[1].lower() in noun_followers():
                continue
            suffix = "s" if form.endswith("s") else ""
        # Of a phrase of another length, the form is only told, never written: its other
        # words may need it too ("travels every which way" is "comes and goes").
        inflected = _verb_form(part, suffix, normalizer) if suffix and same else ""
        found_forms.append((index, inflected))
    return found_forms


def _verb_form(word: str, suffix: str, normalizer: Normalizer) -> str:
    """``word`` (a base form) with ``suffix`` ("ing", "ed" or "s") as English writes it ("cough"
    → "coughing", "breathe" → "breathing", "stop" → "stopped", "reach" → "reaches", "carry" →
    "carries"), or "" if it has no such form. A form built by adding the suffix alone is
    taken where English has it, even where the lemma table reads it back wrongly
    ("developing", whose lemma it gives as "develope")."""
    low = word.lower()
    if normalizer.lemma(low) != low:
        return ""
    english = english_words()
    if suffix == "s":
        stems = (low, low[:-1] + "ie" if low.endswith("y") else "", low + "e")
    else:
        stems = (low, low[:-1] if low.endswith("e") else "", low + low[-1:])
    for stem in stems:
        form = stem + suffix
        if stem and form in english and (stem == low or normalizer.lemma(form) == low):
            return form  # the found text's case is applied afterwards
    return ""


# ---- articles ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleRules:
    """Word beginnings whose article is not the one their first letter suggests."""

    exceptions: dict[str, str]

    def article_for(self, word: str) -> str:
        initials = word.split("-")[0]  # "RNA-dependent" is read "R-N-A dependent"
        if (
            (len(initials) > 1 and initials.isupper())
            # one letter before a hyphen is the letter: "an X-ray", "a T-cell", "a u-shaped"
            or (len(initials) == 1 and initials.isalpha() and len(word) > 1)
            # initials after a lower-case letter are read from it: "an mRNA", "an hCG"
            or (len(initials) > 2 and initials[0].islower() and initials[1:].isupper())
        ):
            return "an" if word[0].upper() in _VOWEL_SOUND_LETTERS else "a"
        low = word.lower()
        for size in range(len(low), 0, -1):
            article = self.exceptions.get(low[:size])
            if article:
                return article
        return "an" if low[:1] in set("aeiou") else "a"


@cache
def default_article_rules() -> ArticleRules:
    return load_article_rules(lexicon_dir() / "articles.tsv")


def load_article_rules(path: Path) -> ArticleRules:
    return ArticleRules({f[0]: f[1] for _, f in read_tsv(path) if f[0] != "prefix"})
