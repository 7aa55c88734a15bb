"""Plain-text drafts: all of the text is prose (suppression comments aside)."""

from __future__ import annotations

from tonelint.documents import Document, Encoding


def parse(content: str, path: str, encoding: Encoding) -> Document:
    return Document(text=content, path=path, encoding=encoding)
