"""Sources turn input into Documents. One module per input format."""

from __future__ import annotations

from pathlib import Path

from tonelint.documents import Document, Encoding, read
from tonelint.sources import markdown, text
from tonelint.sources.records import EXPORT_FORMATS, SUFFIXES

FORMATS = ("auto", "text", "markdown", *EXPORT_FORMATS)
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
LINTABLE_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES


def format_for(path: str, requested: str = "auto") -> str:
    if requested != "auto":
        return requested
    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def from_string(
    content: str, path: str = "<text>", fmt: str = "text", encoding: Encoding | None = None
) -> Document:
    enc = encoding or Encoding()
    if fmt == "markdown":
        return markdown.parse(content, path, enc)
    return text.parse(content, path, enc)


def from_path(path: Path, fmt: str = "auto") -> Document:
    content, encoding = read(path)
    return from_string(content, str(path), format_for(str(path), fmt), encoding)
