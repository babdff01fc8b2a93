import pytest

from fixer.edits import Edit, apply_edits, position_before


def test_no_edits_returns_text_unchanged() -> None:
    assert apply_edits("abc", []) == ("abc", [])


def test_empty_text() -> None:
    assert apply_edits("", [Edit(0, 0, "x")]) == ("x", [Edit(0, 0, "x")])


def test_one_edit_keeps_everything_else() -> None:
    assert apply_edits("a bad cat", [Edit(2, 5, "good")])[0] == "a good cat"


def test_edits_are_applied_in_position_order() -> None:
    text, applied = apply_edits("one two three", [Edit(8, 13, "3"), Edit(0, 3, "1")])
    assert text == "1 two 3"
    assert applied == [Edit(0, 3, "1"), Edit(8, 13, "3")]


def test_overlapping_edit_is_skipped() -> None:
    text, applied = apply_edits("abcdef", [Edit(0, 3, "X"), Edit(2, 4, "Y"), Edit(4, 6, "Z")])
    assert text == "XdZ"
    assert applied == [Edit(0, 3, "X"), Edit(4, 6, "Z")]


@pytest.mark.parametrize(
    ("position", "before"),
    [
        (0, 0),  # before every edit
        (3, 3),
        (4, 4),  # inside the first replacement ("XYZ" for "e"): where "e" stood
        (6, 4),
        (7, 5),  # after it, two code points back: "f"
        (9, 7),
        (10, 11),  # after the deletion of "ijk": "l"
        (12, 13),  # the end of the text
    ],
)
def test_position_before_maps_a_position_of_the_edited_text_back(
    position: int, before: int
) -> None:
    text = "abcdefghijklm"
    edited, applied = apply_edits(text, [Edit(4, 5, "XYZ"), Edit(8, 11, "")])
    assert edited == "abcdXYZfghlm"
    assert position_before(position, applied) == before
    if not 4 <= position < 7:  # outside the replacement, the same character stands there
        assert edited[position : position + 1] == text[before : before + 1]
