"""HTML in a record's text: the spans of its tags, comments and the like, to leave out of the
prose. CMS fields hold HTML (WordPress content, Gutenberg's ``<!-- wp:paragraph -->`` blocks),
and a tag is not words.

What counts as HTML is CommonMark's raw HTML: open and closing tags (markdown-it's patterns for
them), comments, processing instructions, declarations and CDATA sections. So "<3" or "a < b"
stay text.

The scan is linear in the length of the text, also for text crafted against it. A construct
that runs to a terminator (``-->``, ``?>``, ``]]>``, ``>``) is closed by the first one; once a
terminator does not occur after a point, no construct it would close is looked for past it.
A tag longer than :data:`MAX_TAG` characters is taken as text, which bounds the work of a "<"
followed by an unclosed quote.

Character references outside those constructs (``&#8217;``, ``&amp;``, ``&eacute;``: WordPress
writes its typographic quotes so, and its REST API's ``rendered`` fields are full of them) read
as the characters they stand for. They are decoded by the standard library's ``html.unescape``,
which holds HTML5's table of named references and reads numeric ones as browsers do. Only a
reference closed by its semicolon is read: "AT&T" or "&copy2024" in a post stay as written.
"""

from __future__ import annotations

import re
from html import unescape

from markdown_it.common.html_re import close_tag, open_tag

from tonelint.documents import Decoded, Excluded, Region, Span

MAX_TAG = 2_000  # characters; a tag with a long inline style or srcset stays well under it
_TAG = re.compile(f"{open_tag}|{close_tag}")
# Opener and terminator of the constructs that run to a terminator, most specific first.
_DELIMITED = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"))
_EMPTY_COMMENTS = ("<!-->", "<!--->")  # complete comments in CommonMark
# A character reference with its semicolon: named (the longest HTML5 name has 31 characters),
# decimal or hexadecimal.
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8});")


def scan(text: str) -> tuple[tuple[Excluded, ...], tuple[Decoded, ...]]:
    """The HTML of a record's text: its tags and comments (:func:`regions`), left out of the
    prose, and its character references outside them (:func:`references`), read as their
    characters."""
    tags = regions(text)
    return tags, references(text, tags)


def regions(text: str) -> tuple[Excluded, ...]:
    """The spans of the HTML constructs in ``text``, in order."""
    if "<" not in text:
        return ()
    found: list[Excluded] = []
    last: dict[str, int] = {}  # terminator -> where it last occurs in the text (-1: nowhere)
    pos = 0
    while (start := text.find("<", pos)) != -1:
        end = _end(text, start, last)
        if end is None:
            pos = start + 1
            continue
        found.append(Excluded(Span(start, end), Region.HTML))
        pos = end
    return tuple(found)


def _end(text: str, start: int, last: dict[str, int]) -> int | None:
    """Where the construct that starts at ``start`` ends; None when none does."""
    tag = _TAG.match(text, start, start + MAX_TAG)
    if tag:
        return tag.end()
    for empty in _EMPTY_COMMENTS:
        if text.startswith(empty, start):
            return start + len(empty)
    for opener, terminator in _DELIMITED:
        if text.startswith(opener, start):
            return _closed(text, start + len(opener), terminator, last)
    after = text[start + 2 : start + 3]
    if text.startswith("<!", start) and after.isascii() and after.isalpha():  # <!DOCTYPE ...>
        return _closed(text, start + 3, ">", last)
    return None


def _closed(text: str, at: int, terminator: str, last: dict[str, int]) -> int | None:
    """The end of the first ``terminator`` from ``at``; None without one."""
    if terminator not in last:
        last[terminator] = text.rfind(terminator)
    if last[terminator] < at:
        return None  # in O(1): the terminator does not occur again
    return text.find(terminator, at) + len(terminator)


def references(text: str, html: tuple[Excluded, ...]) -> tuple[Decoded, ...]:
    """The character references of ``text`` outside the spans ``html`` (in order), each with
    what it reads as; an unknown name (``&foo;``) is not one."""
    if "&" not in text:
        return ()
    found: list[Decoded] = []
    regions = iter(html)
    region = next(regions, None)
    for match in _REFERENCE.finditer(text):
        while region is not None and region.span.end <= match.start():
            region = next(regions, None)
        if region is not None and region.span.start < match.end():
            continue  # inside a tag or a comment
        decoded = unescape(match.group())
        if decoded != match.group():
            found.append(Decoded(Span(match.start(), match.end()), decoded))
    return tuple(found)
