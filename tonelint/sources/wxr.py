"""WordPress WXR exports (``.xml``): posts, pages and their approved comments as records.

The export is read as a stream with :mod:`defusedxml` (``iterparse``), one ``<item>`` at a time,
and each item is dropped once its records are out, so memory does not grow with the export.
Entity declarations (the "billion laughs" bomb, external entities such as ``file:///etc/passwd``)
are refused, and no DTD is fetched.

Records, in document order and numbered from 1: each post and page (any status, drafts too),
then each of its approved comments. Attachments, menu items and other post types, and spam or
trashed comments, are skipped; so are pingbacks and trackbacks, which WordPress writes itself.
An ``<item>`` with no ``wp:post_type`` is an RSS feed's, not an export's: the file is refused.
Keys are tonelint's default field names (see :class:`tonelint.sources.records.FieldMap`):

=========  ==============================  ===============================
key        post or page                    comment
=========  ==============================  ===============================
id         ``wp:post_id``                  ``comment-`` + ``wp:comment_id``
text       ``content:encoded``             ``wp:comment_content``
title      ``title``                       --
author     ``dc:creator``                  ``wp:comment_author``
date       ``wp:post_date``                ``wp:comment_date``
kind       ``post``                        ``reply``
type       ``post`` or ``page``            ``comment``
status     ``wp:status``                   --
parent     --                              the post's ``wp:post_id``
=========  ==============================  ===============================

Content is kept as the export has it, HTML included (its tags are left out of the prose when
the record is linted: :func:`tonelint.sources.html.regions`); a CDATA section is plain
text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError
from xml.parsers.expat import ErrorString

from defusedxml import EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import iterparse

from tonelint.documents import InputError, Record, RecordError, byte_order_mark
from tonelint.sources.inputs import ReadPosition, Source, Stream, reading

POST_TYPES = ("post", "page")
SKIPPED_COMMENT_TYPES = ("pingback", "trackback")

_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
# WXR 1.0, 1.1 and 1.2 differ only in this URI; the excerpt namespace has its own.
_WP = re.compile(r"https?://wordpress\.org/export/\d+\.\d+/")


def records(path: Source, position: ReadPosition | None = None) -> Iterator[Record | RecordError]:
    """The export's posts, pages and approved comments as records, numbered from 1.

    Raises :class:`InputError` for XML that declares entities, refers to an external entity,
    is malformed (after yielding the records before the fault) or is not a WordPress export.
    """
    name = str(path)
    number = 0
    try:
        with reading(path, position) as fh:
            marked = byte_order_mark(fh.peek(4)[:4])
            if marked is not None and marked[1].startswith("utf-32"):
                raise InputError(name, "XML in UTF-32 cannot be read; save it as UTF-8 or UTF-16")
            for item in _items(fh, name):
                if item.find("{*}post_type") is None:  # every item of an export has one
                    raise InputError(
                        name,
                        "not a WordPress export: an <item> with no <wp:post_type> (an RSS "
                        "feed? WordPress exports with Tools > Export)",
                    )
                for record in _item_records(item):
                    number += 1
                    if "text" not in record:
                        yield RecordError(name, number, "missing content")
                    else:
                        yield number, record
    except ParseError as exc:
        line, column = exc.position
        # "undefined entity &nbsp;: line 3, column 8" -> "undefined entity &nbsp;"
        what = str(exc).rsplit(": line ", 1)[0] or ErrorString(exc.code)
        raise InputError(
            name, f"malformed XML at line {line}, column {column + 1}: {what}"
        ) from None
    except EntitiesForbidden as exc:
        if exc.sysid is not None:
            raise InputError(
                name,
                f"XML declares an external entity {exc.name!r} ({exc.sysid}); external entities "
                "are refused for safety",
            ) from None
        raise InputError(
            name, "XML declares entities (entity expansion is refused for safety)"
        ) from None
    except ExternalReferenceForbidden as exc:
        raise InputError(
            name, f"XML refers to an external entity ({exc.sysid}); refused for safety"
        ) from None
    except (LookupError, UnicodeError) as exc:  # <?xml encoding="..."?> unknown or not matching
        raise InputError(name, f"XML cannot be decoded: {exc}") from None


def _items(source: Stream, name: str) -> Iterator[Element]:
    """Each ``<item>`` of ``<rss><channel>``, complete; the channel forgets it afterwards."""
    depth = 0
    channel: Element | None = None
    channel_seen = False
    for event, elem in iterparse(source, events=("start", "end")):
        if event == "start":
            depth += 1
            if depth == 1 and elem.tag != "rss":
                raise InputError(name, "not a WordPress export (no <rss><channel>)")
            elif depth == 2 and elem.tag == "channel":
                channel, channel_seen = elem, True
            continue
        depth -= 1
        if depth == 2 and channel is not None:
            if elem.tag == "item":
                yield elem
            # Drop what was read: the item with its comments, or the channel's own elements.
            elem.clear()
            channel.remove(elem)
        elif depth == 1 and elem.tag == "channel":
            channel = None
    if not channel_seen:
        raise InputError(name, "not a WordPress export (no <rss><channel>)")


def _short(tag: str) -> str:
    """``{http://wordpress.org/export/1.2/}post_id`` -> ``wp:post_id``; ``title`` stays."""
    if not tag.startswith("{"):
        return tag
    uri, _, local = tag[1:].partition("}")
    if uri in _NAMESPACES:
        return f"{_NAMESPACES[uri]}:{local}"
    if _WP.fullmatch(uri):
        return f"wp:{local}"
    return tag


def _children(elem: Element) -> dict[str, str]:
    """The text of each direct child by short name (the first of each name); "" when empty."""
    out: dict[str, str] = {}
    for child in elem:
        out.setdefault(_short(child.tag), child.text or "")
    return out


def _item_records(item: Element) -> Iterator[dict[str, object]]:
    fields = _children(item)
    post_type = fields.get("wp:post_type")
    if post_type not in POST_TYPES:
        return
    post: dict[str, object] = {"kind": "post", "type": post_type}
    _copy(
        fields,
        post,
        (
            ("wp:post_id", "id"),
            ("content:encoded", "text"),
            ("title", "title"),
            ("dc:creator", "author"),
            ("wp:post_date", "date"),
            ("wp:status", "status"),
        ),
    )
    yield post
    for comment in item:
        if _short(comment.tag) != "wp:comment":
            continue
        c = _children(comment)
        if c.get("wp:comment_approved") != "1":
            continue
        if c.get("wp:comment_type") in SKIPPED_COMMENT_TYPES:
            continue
        record: dict[str, object] = {"kind": "reply", "type": "comment"}
        if "wp:comment_id" in c:
            record["id"] = f"comment-{c['wp:comment_id']}"
        _copy(
            c,
            record,
            (
                ("wp:comment_content", "text"),
                ("wp:comment_author", "author"),
                ("wp:comment_date", "date"),
            ),
        )
        if "wp:post_id" in fields:
            record["parent"] = fields["wp:post_id"]
        yield record


def _copy(
    fields: dict[str, str], record: dict[str, object], names: tuple[tuple[str, str], ...]
) -> None:
    for source, key in names:
        if source in fields:
            record[key] = fields[source]
