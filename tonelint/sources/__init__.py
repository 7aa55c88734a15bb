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
    if suffix == ".gz":  # a compressed export: export.jsonl.gz (sources.inputs reads it)
        inner = Path(Path(path).stem).suffix.lower()
        return SUFFIXES.get(inner, "text")
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def from_string(
    content: str, path: str = "<text>", fmt: str = "text", encoding: Encoding | None = None
) -> Document:
    """One draft: Markdown or text. An export holds records, each a document of its own
    (:func:`tonelint.sources.records.documents`): read whole as one text it would be
    mis-linted, so it is refused."""
    if fmt in EXPORT_FORMATS:
        raise ValueError(f"{path}: a {fmt} export is records, not one text; see records.documents")
    enc = encoding or Encoding()
    if fmt == "markdown":
        return markdown.parse(content, path, enc)
    return text.parse(content, path, enc)


def from_path(path: Path, fmt: str = "auto") -> Document:
    content, encoding = read(path)
    return from_string(content, str(path), format_for(str(path), fmt), encoding)
