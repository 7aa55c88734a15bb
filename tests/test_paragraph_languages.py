"""A post may mix languages: each paragraph is linted with its own language's rules."""

from __future__ import annotations

import tonelint

POST = (
    "Wij zijn verheugd: ons zomerfestival is terug in het park, met veertig bands!\n"
    "\n"
    "As our headliner put it: we are thrilled to announce that we will be back next summer.\n"
    "\n"
    "Kaartjes zijn vanaf vrijdag te koop, neem je vrienden mee.\n"
)


def test_dutch_post_with_an_english_paragraph() -> None:
    diags = tonelint.lint(POST)
    got = [(d.code, d.lang, POST[d.start : d.end]) for d in diags]
    assert got == [
        ("TL201", "nl", "Wij zijn verheugd"),
        ("TL201", "en", "we are thrilled to announce"),
    ]


def test_german_paragraph_in_a_dutch_post_gets_tl001_there() -> None:
    post = (
        "Ons zomerfestival is terug in het park, met veertig bands en een foodmarkt!\n\n"
        "Wir freuen uns sehr auf das Konzert am Samstag im Park mit allen Freunden.\n"
    )
    diags = tonelint.lint(post)
    assert [(d.code, d.lang, post[d.start : d.end]) for d in diags] == [
        ("TL001", "de", post.splitlines()[2]),
    ]


def test_set_language_is_trusted_for_the_whole_text() -> None:
    diags = tonelint.lint(POST, lang="nl")
    assert [(d.code, d.lang) for d in diags] == [("TL201", "nl")]
