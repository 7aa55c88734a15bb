"""Markdown drafts, parsed with markdown-it-py (CommonMark).

Code blocks, inline code, HTML, link and image destinations, link reference definitions and YAML
front matter are excluded from linting; the text stays as it was, so offsets are exact. The front
matter may set ``lang``, ``audience``, ``platform`` and ``kind`` for the file.

markdown-it-py gives block tokens their source lines but inline tokens no positions, so inline
regions are found in the block's source by walking the inline tokens in order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

import regex

from tonelint.documents import Document, Encoding, Excluded, InputError, LineIndex, Region, Span

FRONT_MATTER_KEYS = ("lang", "audience", "platform", "kind")
_FRONT_MATTER = regex.compile(
    r"\A(?:\ufeff)?---[ \t]*(?:\r\n|\r|\n)(?P<body>.*?)(?:\r\n|\r|\n)"
    r"(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)",
    regex.DOTALL,
)
_BLOCK_EXCLUDED = {"fence": Region.CODE, "code_block": Region.CODE, "html_block": Region.HTML}


@cache
def _parser() -> Any:
    """The CommonMark parser, imported on first use (start-up matters in a pre-commit hook)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def parse(content: str, path: str, encoding: Encoding) -> Document:
    excluded: list[Excluded] = []
    settings: dict[str, object] = {}
    body = content
    fm = _FRONT_MATTER.match(content)
    if fm:
        settings = _front_matter(fm.group("body"), path)
        excluded.append(Excluded(Span(0, fm.end()), Region.FRONT_MATTER))
        # Blank the front matter (keeping its newlines) so markdown-it's line numbers stay ours.
        body = regex.sub(r"[^\r\n]", " ", content[: fm.end()]) + content[fm.end() :]
    if _may_have_regions(content[fm.end() if fm else 0 :]):
        excluded.extend(_regions(body))
    return Document(
        text=content,
        path=path,
        excluded=tuple(sorted(excluded, key=lambda e: e.span)),
        front_matter=settings,
        encoding=encoding,
    )


# Only these can start a region excluded from linting: code spans and fences (` ~), HTML and
# autolinks (<), links, images and reference definitions ([), and indented code, which always
# needs a tab or four spaces in a row (also after a blockquote or list marker). Without any of
# them the parser has nothing to find.
_MAY_EXCLUDE = regex.compile(r"[`<\[]|~~~|\t| {4}")


def _may_have_regions(text: str) -> bool:
    return _MAY_EXCLUDE.search(text) is not None


def _front_matter(body: str, path: str) -> dict[str, object]:
    import yaml

    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(path, f"malformed YAML front matter{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a YAML mapping of keys to values")
    return {k: data[k] for k in FRONT_MATTER_KEYS if k in data}


def _regions(text: str) -> Iterator[Excluded]:
    index = LineIndex(text)
    covered = [False] * (text.count("\n") + text.count("\r") + 2)

    def line_span(first: int, last: int) -> Span:
        start = index.line_start(first + 1)
        end = index.line_end(last, text) if last >= 1 else start
        return Span(start, max(start, end))

    for token in _parser().parse(text):
        if token.map is None:
            continue
        first, last = token.map
        for i in range(first, last):
            covered[i] = True
        if token.type in _BLOCK_EXCLUDED:
            yield Excluded(line_span(first, last), _BLOCK_EXCLUDED[token.type])
        elif token.type == "inline" and token.children:
            block = line_span(first, last)
            yield from _inline_regions(text, block, token.children)
    # Lines that no block claims but that hold text are link reference definitions.
    for i in range(text.count("\n") + 1):
        try:
            start = index.line_start(i + 1)
        except IndexError:
            break
        if not covered[i]:
            end = index.line_end(i + 1, text)
            if text[start:end].strip():
                yield Excluded(Span(start, end), Region.LINK_TARGET)


_DESTINATION = regex.compile(
    r"\]\((?P<dest>\s*(?:<[^>\n]*>|(?:[^()\s]|\((?:[^()\s])*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*)\)"
)


def _inline_regions(text: str, block: Span, children: Sequence[object]) -> Iterator[Excluded]:
    cursor = block.start
    end = block.end
    for child in children:
        kind = getattr(child, "type", "")
        if kind == "code_inline":
            ticks = regex.escape(getattr(child, "markup", "`"))
            pattern = regex.compile(rf"(?<![`\\]){ticks}(?!`).*?(?<!`){ticks}(?!`)", regex.DOTALL)
            m = pattern.search(text, cursor, end)
            if m:
                yield Excluded(Span(m.start(), m.end()), Region.CODE)
                cursor = m.end()
        elif kind == "html_inline":
            content = getattr(child, "content", "")
            pos = text.find(content, cursor, end)
            if pos >= 0 and content:
                yield Excluded(Span(pos, pos + len(content)), Region.HTML)
                cursor = pos + len(content)
        elif kind in ("link_close", "image"):
            if kind == "link_close" and getattr(child, "markup", "") == "autolink":
                close = text.find(">", cursor, end)
                cursor = close + 1 if close >= 0 else cursor
                continue
            m = _DESTINATION.search(text, cursor, end)
            if m:
                yield Excluded(Span(m.start("dest") - 1, m.end()), Region.LINK_TARGET)
                cursor = m.end()
