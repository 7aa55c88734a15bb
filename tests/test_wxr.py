"""WordPress WXR exports: the records read from a real-shaped export, through the CLI, and the
XML that is refused (entity bombs, external entities, malformed or foreign XML)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from conftest import ROOT, check_json
from defusedxml.ElementTree import parse as parse_whole

from tonelint.documents import InputError, RecordError
from tonelint.sources.wxr import records

BLOG = ROOT / "tests" / "data" / "wxr" / "blog.xml"

NL_POST = (
    '<p>Wij zijn verheugd: onze nieuwe winkel in Gent is open! Je vindt ons in de <a href="'
    'https://www.korenbloem.example/winkels/gent">Veldstraat 12</a>.</p>\n'
    "<p>Kunt u ons laten weten of u vrijdag komt proeven? <strong>Iedereen krijgt een gratis "
    "koffie.</strong></p>"
)
FR_DRAFT = (
    "<p>Nous sommes ravis d'annoncer l'ouverture de notre boulangerie à Lille, <strong>rue de "
    "Béthune</strong>.</p>\n<p>Le pain sort du four à 7 h. À bientôt !</p>"
)
EN_PAGE = (
    '<p>We bake sourdough bread in Ghent since 1987. Ask <a href="mailto:lies@korenbloem.example">'
    "Lies</a> about our <strong>rye loaf</strong>.</p>"
)

# blog.xml holds, in this order: post 101 with comments 7 (approved), 8 (spam), 9 (an approved
# pingback) and 10 (approved); attachment 102; draft 120; nav menu item 33; page 5 with comments
# 12 (approved) and 13 (trash).
BLOG_RECORDS: list[tuple[int, dict[str, object]]] = [
    (
        1,
        {
            "id": "101",
            "kind": "post",
            "type": "post",
            "status": "publish",
            "title": "Onze nieuwe winkel in Gent",
            "author": "lies",
            "date": "2024-05-17 10:00:00",
            "text": NL_POST,
        },
    ),
    (
        2,
        {
            "id": "comment-7",
            "kind": "reply",
            "type": "comment",
            "parent": "101",
            "author": "Sanne",
            "date": "2024-05-17 11:20:41",
            "text": "Leuk! 😍",
        },
    ),
    (
        3,
        {
            "id": "comment-10",
            "kind": "reply",
            "type": "comment",
            "parent": "101",
            "author": "Tom",
            "date": "2024-05-18 16:03:27",
            "text": "Zijn jullie zaterdag ook open? Dan kom ik met de kinderen.",
        },
    ),
    (
        4,
        {
            "id": "120",
            "kind": "post",
            "type": "post",
            "status": "draft",
            "title": "Une boulangerie belge à Lille",
            "author": "camille",
            "date": "2024-05-20 15:02:44",
            "text": FR_DRAFT,
        },
    ),
    (
        5,
        {
            "id": "5",
            "kind": "post",
            "type": "page",
            "status": "publish",
            "title": "About us",
            "author": "lies",
            "date": "2024-01-10 10:00:00",
            "text": EN_PAGE,
        },
    ),
    (
        6,
        {
            "id": "comment-12",
            "kind": "reply",
            "type": "comment",
            "parent": "5",
            "author": "Marc",
            "date": "2024-03-02 18:11:52",
            "text": "Thanks for sharing!",
        },
    ),
]


def test_blog_export_exact_records() -> None:
    assert list(records(BLOG)) == BLOG_RECORDS


def test_cli_diagnostics_name_record_and_field() -> None:
    status, out = check_json(str(BLOG.relative_to(ROOT)), "--audience", "youth", cwd=ROOT)
    texts = {str(record["id"]): str(record["text"]) for _, record in BLOG_RECORDS}
    got = [
        (
            d["path"],
            d["record_number"],
            d["record"],
            d["field"],
            d["code"],
            texts[d["record"]][d["start"] : d["end"]],
        )
        for d in out["diagnostics"]
    ]
    path = "tests/data/wxr/blog.xml"
    assert got == [
        (path, 1, "101", "text", "TL201", "Wij zijn verheugd"),
        (path, 1, "101", "text", "TL104", "Je"),  # informal "Je", then formal "Kunt u"
        (path, 1, "101", "text", "TL101", "Kunt u"),
        (path, 1, "101", "text", "TL101", "u"),
        (path, 2, "comment-7", "text", "TL401", "Leuk! 😍"),  # a comment is kind = reply
        # Tags are not prose: "</p>\n<p>" does not glue two sentences into one too long.
        (path, 4, "120", "text", "TL201", "Nous sommes ravis d'annoncer"),
        (path, 6, "comment-12", "text", "TL401", "Thanks for sharing!"),
    ]
    assert out["errors"] == []
    assert status == 1


HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:wp="http://wordpress.org/export/{version}/">\n'
    "<channel>\n"
)
TAIL = "</channel>\n</rss>\n"


def _post(n: int, text: str, post_type: str = "post") -> str:
    return (
        f"<item><wp:post_id>{n}</wp:post_id><wp:post_type>{post_type}</wp:post_type>"
        f"<content:encoded><![CDATA[{text}]]></content:encoded></item>\n"
    )


def _write(tmp_path: Path, body: str, version: str = "1.2") -> Path:
    path = tmp_path / "export.xml"
    path.write_text(HEAD.format(version=version) + body + TAIL, encoding="utf-8")
    return path


def _refused(path: Path) -> str:
    with pytest.raises(InputError) as info:
        list(records(path))
    assert info.value.path == str(path)
    return info.value.message


def test_missing_content_is_a_record_error_and_the_rest_is_read(tmp_path: Path) -> None:
    # WXR 1.1 (WordPress 3.x) differs only in the namespace URI.
    body = (
        "<item><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>"
        "<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_approved>1</wp:comment_approved>"
        "<wp:comment_author>Ann</wp:comment_author></wp:comment></item>\n" + _post(8, "")
    )
    path = _write(tmp_path, body, version="1.1")
    got = list(records(path))
    assert [str(e) if isinstance(e, RecordError) else e for e in got] == [
        f"{path}: record 1: missing content",
        f"{path}: record 2: missing content",
        (3, {"id": "8", "kind": "post", "type": "post", "text": ""}),
    ]
    assert [e.number for e in got if isinstance(e, RecordError)] == [1, 2]


def test_character_references_in_content_read_as_their_characters(tmp_path: Path) -> None:
    """A post's HTML in CDATA keeps its references (`&#8217;`); one escaped for XML instead
    (`&amp;#8217;`) is the same HTML once the XML is read. Both read as "We’re"."""
    html = "<p>We&#8217;re pleased to announce our new shop!</p>"
    escaped = html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = _post(1, html) + (
        "<item><wp:post_id>2</wp:post_id><wp:post_type>post</wp:post_type>"
        f"<content:encoded>{escaped}</content:encoded></item>\n"
    )
    status, out = check_json(str(_write(tmp_path, body)))
    assert status == 1
    got = [(d["record"], d["code"], d["start"], d["end"], d["message"]) for d in out["diagnostics"]]
    opener = "“We’re pleased to announce” is a press-release opener; lead with the news."
    span = (html.index("We"), html.index(" our"))
    assert got == [("1", "TL201", *span, opener), ("2", "TL201", *span, opener)]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>
<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
<content:encoded>&lol9;</content:encoded>
</item></channel></rss>
"""


def test_entity_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    tracemalloc.start()
    try:
        message = _refused(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message == "XML declares entities (entity expansion is refused for safety)"
    assert peak < 2_000_000  # &lol9; expanded is 3 GB of "lol"


def test_external_entity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>'
        "<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>"
        "<content:encoded>&xxe;</content:encoded></item></channel></rss>\n",
        encoding="utf-8",
    )
    assert _refused(path) == (
        "XML declares an external entity 'xxe' (file:///etc/passwd); external entities are "
        "refused for safety"
    )


def test_external_dtd_is_not_read(tmp_path: Path) -> None:
    # The DTD would define &secret; as the text of secret.txt; it is never fetched, so the
    # reference stays undefined.
    (tmp_path / "secret.txt").write_text("the secret", encoding="utf-8")
    dtd = tmp_path / "wxr.dtd"
    dtd.write_text(f'<!ENTITY secret SYSTEM "{(tmp_path / "secret.txt").as_uri()}">\n', "utf-8")
    path = tmp_path / "dtd.xml"
    path.write_text(
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE rss SYSTEM "{dtd.as_uri()}">\n'
        '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n'
        "<item><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>"
        "<content:encoded>Psst: &secret;</content:encoded></item>\n</channel></rss>\n",
        encoding="utf-8",
    )
    assert _refused(path) == "malformed XML at line 4, column 89: undefined entity &secret;"


def test_malformed_xml_after_items_yields_them_first(tmp_path: Path) -> None:
    body = (
        _post(1, "Wij zijn verheugd: de winkel is open.")
        + _post(2, "Open van 7 tot 18 uur.", "page")
        + "<item><wp:post_id>3</wp:post_id><wp:post_type>post</wp:post_type>"
        "<content:encoded>Tot morgen.</content></item>\n"
    )
    path = _write(tmp_path, body)
    got: list[object] = []
    with pytest.raises(InputError) as info:
        for record in records(path):
            got.append(record)
    assert got == [
        (
            1,
            {
                "id": "1",
                "kind": "post",
                "type": "post",
                "text": "Wij zijn verheugd: de winkel is open.",
            },
        ),
        (2, {"id": "2", "kind": "post", "type": "page", "text": "Open van 7 tot 18 uur."}),
    ]
    # Line 6 is the third item; column 96 is the name in </content>.
    assert info.value.message == "malformed XML at line 6, column 96: mismatched tag"


def test_malformed_xml_through_the_cli_keeps_the_earlier_diagnostics(tmp_path: Path) -> None:
    body = _post(1, "Wij zijn verheugd: de winkel is open.") + "<item><title>Tot morgen</titel>\n"
    path = _write(tmp_path, body)
    status, out = check_json(str(path))
    assert [(d["record"], d["code"]) for d in out["diagnostics"]] == [("1", "TL201")]
    assert out["errors"] == [
        {"path": str(path), "message": "malformed XML at line 5, column 26: mismatched tag"}
    ]
    assert status == 2


def test_truncated_export_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_text(HEAD.format(version="1.2") + _post(1, "Tot morgen."), encoding="utf-8")
    got: list[object] = []
    with pytest.raises(InputError) as info:
        for record in records(path):
            got.append(record)
    assert got == [(1, {"id": "1", "kind": "post", "type": "post", "text": "Tot morgen."})]
    assert info.value.message == "malformed XML at line 5, column 1: no element found"


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Nieuws</title>'
        "<entry><title>Open!</title></entry></feed>\n",
        '<?xml version="1.0"?>\n<rss version="2.0"></rss>\n',
    ],
    ids=["atom-feed", "rss-without-channel"],
)
def test_xml_that_is_not_a_wordpress_export(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(xml, encoding="utf-8")
    assert _refused(path) == "not a WordPress export (no <rss><channel>)"


def test_an_rss_feed_is_not_taken_for_a_wordpress_export(tmp_path: Path) -> None:
    """A feed has <rss><channel><item> as an export has, but its items are no WordPress
    posts: refused, not read as an export with nothing in it ("No problems found")."""
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Nieuws</title>'
        "<item><title>Open!</title><description>We are thrilled to announce our app!"
        "</description><guid>https://example.org/?p=1</guid></item></channel></rss>\n",
        encoding="utf-8",
    )
    assert _refused(path) == (
        "not a WordPress export: an <item> with no <wp:post_type> (an RSS feed? WordPress "
        "exports with Tools > Export)"
    )


ITEM = (
    "<item><title><![CDATA[Bericht {n}]]></title><dc:creator><![CDATA[lies]]></dc:creator>"
    "<content:encoded><![CDATA[<p>Winkel {n} is open. "
    + "Kom gerust langs voor een stuk taart en een koffie. "
    * 5
    + "</p>]]></content:encoded><wp:post_id>{n}</wp:post_id>"
    "<wp:post_date><![CDATA[2024-05-17 10:00:00]]></wp:post_date>"
    "<wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>"
    "<wp:comment><wp:comment_id>{n}</wp:comment_id><wp:comment_approved>1</wp:comment_approved>"
    "<wp:comment_content><![CDATA[Zijn jullie zaterdag open?]]></wp:comment_content>"
    "</wp:comment></item>\n"
)


def test_a_large_export_is_read_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "large.xml"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(
            HEAD.format(version="1.2").replace(
                "<rss ", '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
            )
        )
        for n in range(1, 20_001):
            fh.write(ITEM.format(n=n))
        fh.write(TAIL)

    tracemalloc.start()
    try:
        count = 0
        last: object = None
        for record in records(path):
            count, last = count + 1, record
        _, streaming_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        parse_whole(path)
        _, whole_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 40_000  # 20,000 posts and their comments
    assert last == (
        40_000,
        {
            "id": "comment-20000",
            "kind": "reply",
            "type": "comment",
            "parent": "20000",
            "text": "Zijn jullie zaterdag open?",
        },
    )
    # Read whole, the same file takes over 20 MB; streamed, under 2 MB (0.1 MB measured).
    assert whole_peak > 20_000_000
    assert streaming_peak < 2_000_000


def test_reading_stops_where_the_caller_stops(tmp_path: Path) -> None:
    # 400 good items (several 16 KiB reads), then garbage: the first record comes out without
    # the parser getting there; read to the end, the garbage is found.
    body = "".join(_post(n, f"Bericht {n}.") for n in range(1, 401)) + "<item><<<"
    path = _write(tmp_path, body)
    assert path.stat().st_size > 3 * 16 * 1024
    first = next(iter(records(path)))
    assert first == (1, {"id": "1", "kind": "post", "type": "post", "text": "Bericht 1."})
    assert _refused(path) == "malformed XML at line 404, column 8: not well-formed (invalid token)"


def test_unknown_declared_encoding_is_an_input_error(tmp_path: Path) -> None:
    # Found by bench/fuzz.py: a mutated declaration made expat raise LookupError.
    path = tmp_path / "odd.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="TF-8"?><rss><channel></channel></rss>')
    with pytest.raises(InputError, match=r"XML cannot be decoded: unknown encoding: TF-8"):
        list(records(path))
