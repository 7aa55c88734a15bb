"""HTML character references in a record's text (``&#8217;``, ``&amp;``) read as the characters
they stand for; diagnostics point into the text as written.

The posts are written for these tests (tonelint's own text), in the HTML WordPress writes: its
typographic apostrophe as ``&#8217;`` (``wptexturize``), ``&nbsp;`` from the block editor.
"""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path

from conftest import check_json
from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint.documents import Decoded, Document, OffsetMap, Span
from tonelint.sources import html

POST = "<p>We&#8217;re pleased to announce our best&#x2d;in&#45;class synergy&nbsp;&amp; more</p>"


def _export(tmp_path: Path, *texts: str, **own: str) -> Path:
    path = tmp_path / "posts.jsonl"
    lines = [json.dumps({"id": f"p{i}", "text": t, **own}) for i, t in enumerate(texts, 1)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_reference_reads_as_its_character_and_is_reported_as_written(tmp_path: Path) -> None:
    status, out = check_json(str(_export(tmp_path, POST)), "--platform", "none")
    assert status == 1
    got = [
        (d["code"], POST[d["start"] : d["end"]], d["column"], d["message"])
        for d in out["diagnostics"]
    ]
    assert got == [
        (
            "TL201",
            "We&#8217;re pleased to announce",
            4,
            "“We’re pleased to announce” is a press-release opener; lead with the news.",
        ),
        (
            "TL205",
            "We&#8217;re pleased to announce our best&#x2d;in&#45;class synergy",
            4,
            "3 press-release terms in 9 words (33 per 100 words): “We’re pleased to announce”, "
            "“best-in-class”, “synergy”. This reads like a press release, not a post.",
        ),
        ("TL202", "best&#x2d;in&#45;class", 40, "“best-in-class” is corporate jargon."),
        ("TL202", "synergy", 63, "“synergy” is corporate jargon. Say “cooperation”."),
    ]
    fix = out["diagnostics"][-1]["fix"]["edits"]
    assert [(POST[e["start"] : e["end"]], e["replacement"]) for e in fix] == [
        ("synergy", "cooperation")
    ]


def test_a_fix_inside_words_with_references_is_placed_as_written(tmp_path: Path) -> None:
    text = "Caf&eacute; De Hoek: kunt u ons helpen?"
    status, out = check_json(str(_export(tmp_path, text, audience="youth")))
    assert status == 1
    [d] = out["diagnostics"]
    assert (d["code"], text[d["start"] : d["end"]], d["column"]) == ("TL101", "kunt u", 22)
    edits = [(text[e["start"] : e["end"]], e["replacement"]) for e in d["fix"]["edits"]]
    assert edits == [("kunt", "kun"), ("u", "je")]


def test_the_length_of_a_post_is_counted_as_it_reads(tmp_path: Path) -> None:
    """X counts "&amp;" as one character, as it shows it."""
    sentence = "Join our Q&amp;A with the R&amp;D team tonight and bring your questions. "
    fits, over = sentence * 4, sentence * 5
    assert len(unescape(fits)) <= 280 < len(fits)  # fits as read, not as written
    assert len(unescape(over)) > 280
    status, out = check_json(str(_export(tmp_path, fits, over)), "--platform", "x")
    assert status == 1
    [d] = out["diagnostics"]
    assert (d["record"], d["code"], d["end"]) == ("p2", "TL301", len(over.rstrip()))
    # From the first character past 280 as read on, placed in the text as written.
    assert unescape(over[d["start"] :]) == unescape(over)[280:]
    assert f"{len(unescape(over.rstrip()))} weighted characters" in d["message"]


def test_references_outside_html_only_and_closed_by_their_semicolon() -> None:
    text = '<a title="&amp;">AT&T &copy2024 &foo; &lt;b&gt; Caf&eacute;&#8230;</a> &#x1F600;'
    found = html.references(text, html.regions(text))
    assert [(text[d.span.start : d.span.end], d.text) for d in found] == [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&eacute;", "é"),
        ("&#8230;", "…"),
        ("&#x1F600;", "😀"),
    ]
    read, offsets = Document(text, decoded=found, excluded=html.regions(text)).reading()
    assert read.text == '<a title="&amp;">AT&T &copy2024 &foo; <b> Café…</a> 😀'
    # The tags moved with the text: still excluded as tags, not the decoded "<b>".
    assert [read.text[e.span.start : e.span.end] for e in read.excluded] == [
        '<a title="&amp;">',
        "</a>",
    ]
    assert offsets is not None
    cafe = read.text.index("Café")
    assert (offsets.start(cafe), offsets.end(cafe + 5)) == (
        text.index("Caf&"),
        text.index("</a>"),
    )


# Pieces of text: words, references, and references that read as more than one character.
PIECES = ["a", "bc ", "&amp;", "&#8217;", "&NotNestedGreaterGreater;", "&nbsp;", "<p>", "x"]


@settings(max_examples=1000, deadline=None, database=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.data())
def test_offsets_as_read_map_to_the_text_as_written(pieces: list[str], data: st.DataObject) -> None:
    written = "".join(pieces)
    found = html.references(written, html.regions(written))
    document, offsets = Document(written, decoded=found).reading()
    assert document.text == "".join(p if p == "<p>" else unescape(p) for p in pieces)
    if offsets is None:
        assert not found
        return
    # A span as read maps to a span as written that reads as at least that span.
    a = data.draw(st.integers(0, len(document.text)))
    b = data.draw(st.integers(a, len(document.text)))
    start, end = offsets.start(a), offsets.end(b)
    assert 0 <= start <= end <= len(written)
    assert document.text[a:b] in unescape(written[start:end])
    # The boundaries of the pieces map exactly.
    read_at = written_at = 0
    for piece in pieces:
        read_at += len(piece if piece == "<p>" else unescape(piece))
        written_at += len(piece)
        assert offsets.end(read_at) == written_at
        assert offsets.start(read_at) == written_at
        assert offsets.read(written_at) == read_at


def test_offsets_before_at_and_after_a_reference() -> None:
    offsets = OffsetMap((Decoded(Span(3, 8), "&"),))
    assert [offsets.start(i) for i in range(5)] == [0, 1, 2, 3, 8]
    assert [offsets.end(i) for i in range(5)] == [0, 1, 2, 3, 8]
    assert Document("plain text").reading() == (Document("plain text"), None)


# Words the rules react to, written with references, and the HTML around them in WordPress.
RECORD_PIECES = [
    "Kunt&nbsp;u",
    "Kunt u",
    "uw",
    "Pouvez&#8209;vous",
    "votre",
    "synergy",
    "best&#x2d;in&#x2d;class",
    "toonaangevende",
    "We&#8217;re pleased to announce",
    "Nous sommes ravis d&rsquo;annoncer",
    "Caf&eacute;",
    "&amp;",
    "&#128512;",
    "<p>",
    "</p>",
    "<!-- wp:paragraph -->",
    '<a href="/?a=1&amp;b=2">',
    "de",
    "et",
    "the",
    "\n",
]


@settings(max_examples=150, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(RECORD_PIECES), min_size=1, max_size=30).map(" ".join),
    st.sampled_from(["nl", "fr", "en"]),
)
def test_every_diagnostic_of_a_record_points_at_its_words_as_written(text: str, lang: str) -> None:
    from tonelint.linter import Linter
    from tonelint.settings import Settings
    from tonelint.sources.records import FieldMap, record_documents

    fields = FieldMap.from_settings(Settings().fields)
    [document] = record_documents("posts.jsonl", 1, {"text": text, "lang": lang}, fields)
    linter = Linter(Settings(audience="youth", platform="x"))
    for d in linter.lint(document, linter.settings_for(document)):
        assert 0 <= d.start <= d.end <= len(text)
        flagged = text[d.start : d.end]
        # Never a part of a reference: a span starts and ends outside every one.
        for ref in document.decoded:
            assert not ref.span.start < d.start < ref.span.end, (d, flagged)
            assert not ref.span.start < d.end < ref.span.end, (d, flagged)
        if d.code in ("TL101", "TL201", "TL202"):
            # The message quotes the words as they read; the span holds them as written.
            assert d.message.startswith(f"“{unescape(flagged)}”"), (d, flagged)
