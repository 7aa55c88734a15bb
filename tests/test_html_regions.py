"""The HTML in a record's text: CommonMark's raw HTML, found in one linear scan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.html_re import HTML_TAG_RE

from tonelint.sources.html import MAX_TAG, regions

# Pieces of real WordPress content and the cases around the edges of each construct.
PIECES = [
    "<p>",
    "</p>",
    '<a href="https://example.org/?a=1&b=2">',
    "</a>",
    "<!-- wp:paragraph -->",
    '<!-- wp:image {"id":12,"sizeSlug":"large"} -->',
    "<br/>",
    '<img src=x alt="a > b">',
    "<p class='has-text' data-x>",
    "<3",
    " a < b > c ",
    "Kunt u ons helpen? ",
    "<?php echo 1 ?>",
    "<![CDATA[x]]>",
    "<!DOCTYPE html>",
    "<!-->",
    "<!--->",
    "<!-- a -- b -->",
    "-->",
    "?>",
    "]]>",
    "<",
    ">",
    '"',
    "<!- x>",
    "<1a>",
    "< p>",
    "<a b='",
    "\n",
]


@settings(max_examples=3000, deadline=None, database=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_the_same_spans_as_markdown_its_pattern(text: str) -> None:
    spans = [(e.span.start, e.span.end) for e in regions(text)]
    assert spans == [(m.start(), m.end()) for m in HTML_TAG_RE.finditer(text)]


def test_wordpress_content() -> None:
    text = (
        '<!-- wp:paragraph --><p>Kunt u <a href="/hulp">ons</a> helpen?</p><!-- /wp:paragraph -->'
    )
    assert [text[e.span.start : e.span.end] for e in regions(text)] == [
        "<!-- wp:paragraph -->",
        "<p>",
        '<a href="/hulp">',
        "</a>",
        "</p>",
        "<!-- /wp:paragraph -->",
    ]


def test_text_made_against_the_scan() -> None:
    # Openings that never close, 100,000 characters of each (bench/html_regions.py times them
    # at 1,000,000): no region, and a closing at the very end closes the first opening only.
    for piece in ("<!--", "<![CDATA[", "<?", "<!A", '<a b="', "<a b=c ", "<a "):
        text = piece * (100_000 // len(piece))
        assert regions(text) == ()
    comment = "<!--" * 25_000 + "-->"
    assert [(e.span.start, e.span.end) for e in regions(comment)] == [(0, len(comment))]
    # A tag longer than MAX_TAG is text.
    assert regions(f'<img alt="{"x" * MAX_TAG}">') == ()
