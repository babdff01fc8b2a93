from fixer.edits import Edit, apply_edits


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
