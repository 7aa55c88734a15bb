"""What a rule sees (the context) and what it yields (violations)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from tonelint.diagnostics import Fix, Severity
from tonelint.documents import Document, Span

if TYPE_CHECKING:
    from tonelint.settings import Settings


T = TypeVar("T")


class cached(Generic[T]):
    """``functools.cached_property`` without its lock: before Python 3.12 it takes a lock on
    every first read (1.5 µs; 0.2 without), and a text's Context has half a dozen of them. A
    Context is read by one thread, the one linting its text."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> cached[T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object, owner: type | None = None) -> T | cached[T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)  # read from there from now on
        return value


@dataclass(frozen=True)
class Violation:
    """A rule's finding, before the engine adds code, name, path and language."""

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # None: the rule's default severity


class Context:
    """One document as the rules see it: text, prose, language, settings, and a lazy spaCy Doc."""

    def __init__(self, document: Document, settings: Settings, lang: str) -> None:
        self.document = document
        self.settings = settings
        self.lang = lang
        self._derived: dict[str, Any] = {}
        self._matches: dict[str, list[tuple[str, Any, dict[str, Any]]]] = {}  # by lexicon

    def derived(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per context: for analyses that several rules read."""
        if key not in self._derived:
            self._derived[key] = compute()
        value: T = self._derived[key]
        return value

    def for_language(self, lang: str) -> Context:
        """The same document read as ``lang`` (for text too short to tell its language)."""
        return Context(self.document, self.settings, lang)

    @property
    def text(self) -> str:
        return self.document.text

    @cached
    def prose(self) -> str:
        """The text with code, HTML, front matter and directives blanked: same offsets."""
        return self.document.prose()

    @cached
    def prose_pieces(self) -> list[Span]:
        return self.document.prose_pieces()

    @cached
    def doc(self) -> Any:
        """The spaCy Doc of the prose, from the pipeline of the document's language.

        Built on first use only, so rules that don't need it cost no spaCy start-up.
        """
        from tonelint.pipelines import parse

        return parse(self.lang, self.prose, self.settings.pipelines.get(self.lang))

    @cached
    def tokens(self) -> Tokens:
        """The Doc's tokens without whitespace tokens (a sequence: each Token is made when a
        rule reads it, as most rules read a few tokens at the words they look for)."""
        return Tokens(self.doc, self._positions)

    @cached
    def words(self) -> list[str]:
        """The text of each of :attr:`tokens`, normalised as lexicons are (lowercase, straight
        apostrophes). Read from the Doc's token array: a rule that compares words makes Token
        objects only where a word is one it looks for."""
        doc = self.doc  # first: the pipeline imports spaCy (as the CLI wants it), not phrases
        from tonelint.phrases import words_without_spaces

        return words_without_spaces(doc)

    @cached
    def _positions(self) -> list[int] | None:
        """The position in the Doc of each of :attr:`tokens`; None when there is no whitespace
        token (most texts), so a token's position is its own."""
        doc = self.doc
        if len(self.words) == len(doc):
            return None
        return [i for i, token in enumerate(doc) if not token.is_space]

    def phrases(self, lexicon: str, *categories: str) -> list[tuple[Any, dict[str, Any]]]:
        """Lexicon matches in the Doc as (span, entry) pairs, in text order.

        ``lexicon`` is a folder of rules/ (``jargon``), ``categories`` the entry categories
        wanted (all when none are given).
        """
        found = self._matches.get(lexicon)
        if found is None:
            found = self._matches[lexicon] = self._phrases(lexicon)
        if not found:  # most texts
            return []
        return [
            (span, entry)
            for category, span, entry in found
            if category in categories or not categories
        ]

    def _phrases(self, lexicon: str) -> list[tuple[str, Any, dict[str, Any]]]:
        from tonelint.pipelines import lexicon_tables

        spans = self.doc.spans
        if not spans:  # most posts: no phrase of any lexicon
            return []
        found = []
        for table, entries in lexicon_tables(self.lang, lexicon).items():
            if table in spans:
                category = table.split("/", 1)[1]
                found += [(category, s, entries[int(s.label_)]) for s in spans[table]]
        return sorted(found, key=lambda item: (item[1].start, -item[1].end))


class Tokens(Sequence[Any]):
    """A Doc's tokens at ``positions`` (all of them when None), made as they are read."""

    def __init__(self, doc: Any, positions: list[int] | None) -> None:
        self._doc = doc
        self._positions = positions

    def __len__(self) -> int:
        return len(self._doc) if self._positions is None else len(self._positions)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        doc, positions = self._doc, self._positions
        if isinstance(index, slice):
            if positions is None:
                return list(doc[index]) if index.step is None else list(doc)[index]
            return [doc[i] for i in positions[index]]
        return doc[index] if positions is None else doc[positions[index]]

    def __iter__(self) -> Iterator[Any]:
        if self._positions is None:
            return iter(self._doc)
        return (self._doc[i] for i in self._positions)
