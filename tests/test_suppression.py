"""Inline suppression comments, in text and Markdown drafts."""

from __future__ import annotations

import tonelint

LONG = "We are back with the summer festival in the park. " * 7  # 357 characters


def lint(text: str, **kw: object) -> list[tonelint.Diagnostic]:
    return tonelint.lint(text, lang="en", platform="x", **kw)  # type: ignore[arg-type]


def test_long_post_is_flagged_without_comment() -> None:
    assert [d.code for d in lint(LONG)] == ["TL301"]


def test_disable_file_suppresses_and_is_used() -> None:
    text = "<!-- tonelint-disable-file TL301 -->\n" + LONG
    assert lint(text) == []


def test_disable_enable_range_by_prefix() -> None:
    text = f"<!-- tonelint-disable TL3 -->\n{LONG}\n<!-- tonelint-enable TL3 -->\n"
    assert lint(text) == []


def test_enable_ends_the_range() -> None:
    text = f"<!-- tonelint-disable TL301 -->\nShort start.\n<!-- tonelint-enable TL301 -->\n{LONG}"
    got = [(d.code, text[d.start : d.start + 20]) for d in lint(text)]
    # TL301 points past the range, so it is reported; the disable suppressed nothing: TL002.
    assert [c for c, _ in got] == ["TL002", "TL301"]


def test_disable_next_line_only_covers_next_line() -> None:
    sentence = (
        "We want to thank everyone who came to the festival last weekend and who helped us set "
        "up the stage, sell the tickets, clean the park and make it the best edition ever."
    )
    text = f"<!-- tonelint-disable-next-line TL303 -->\n{sentence}\n\n{sentence}\n"
    diags = tonelint.lint(text, lang="en")
    assert [(d.code, d.start) for d in diags] == [("TL303", text.rindex(sentence))]


def test_unused_suppression_reported_with_safe_fix_removing_its_line() -> None:
    text = "Hello!\n<!-- tonelint-disable-next-line TL301 -->\nSee you tonight at the park.\n"
    diags = lint(text)
    assert [d.code for d in diags] == ["TL002"]
    d = diags[0]
    assert text[d.start : d.end] == "<!-- tonelint-disable-next-line TL301 -->"
    assert d.fix is not None and d.fix.applicability is tonelint.Applicability.SAFE
    assert tonelint.apply_fixes(text, diags) == "Hello!\nSee you tonight at the park.\n"


def test_partly_unused_codes_are_removed_from_the_comment() -> None:
    text = "<!-- tonelint-disable-file TL301, TL302 -->\n" + LONG
    diags = lint(text)
    assert [d.code for d in diags] == ["TL002"]
    assert "TL302" in diags[0].message
    assert tonelint.apply_fixes(text, diags).startswith("<!-- tonelint-disable-file TL301 -->\n")


def test_unknown_code_is_reported() -> None:
    text = "<!-- tonelint-disable TL999 -->\nSee you tonight at the park, bring a friend."
    diags = lint(text)
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("TL003", " TL999")]


def test_comment_is_not_counted_in_length() -> None:
    # Exactly 280 characters of text plus a comment: the comment does not push it over, so only
    # the (unused) comment itself is reported.
    text = "<!-- tonelint-disable-next-line TL303 -->\n" + "x" * 280
    assert [d.code for d in lint(text)] == ["TL002"]
    assert [d.code for d in lint(text + "y")] == ["TL002", "TL301"]
