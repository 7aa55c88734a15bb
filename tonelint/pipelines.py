"""spaCy pipelines per language, loaded from ``models/`` on first use and cached."""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import threading
from contextlib import ExitStack
from functools import cache
from types import ModuleType
from typing import Any

from tonelint.resources import data_dir

LANGUAGES = ("nl", "fr", "en")


class PipelineError(Exception):
    """A configured spaCy pipeline that cannot be used."""


def pipeline(lang: str, trained: str | None = None) -> Any:
    """The pipeline for ``lang``: see :func:`_load` (cached per language and trained name)."""
    return _load(lang, trained)


def parse(lang: str, text: str, trained: str | None = None) -> Any:
    """The Doc of ``text`` from :func:`pipeline`: what ``pipeline(lang, trained)(text)`` gives.

    The pipeline's steps are called directly. `Language.__call__` rebuilds the list of
    components and looks up error handlers and per-call settings on every call: about 20 µs,
    a quarter of what parsing a short post costs.
    """
    make_doc, components = _steps(lang, trained)
    doc = make_doc(text)
    for component in components:
        doc = component(doc)
    return doc


# Strings a pipeline's vocabulary learns for good. spaCy keeps every word it has seen (its
# string and lexeme) for the life of the process, and a CMS export brings new ones with nearly
# every post (@mentions, links, names, typos): without a bound, memory grows with the number of
# records (1,000,000 posts with a mention and a link each: 1,007 MiB). Past the budget, texts are
# linted in spaCy memory zones: words known by then stay known (and their tokenizations cached),
# words new to the pipeline live only while the zone lasts.
VOCAB_BUDGET = 50_000
# A memory zone frees what it made, but the hash tables that indexed it keep their size: spaCy's
# tables mark a removed entry rather than free its slot, and grow when the marks fill them (+60
# MiB over 800,000 posts in zones). After this many strings forgotten, the pipelines are loaded
# anew (~0.3 s) and learn their words again.
RELOAD_AFTER = 1_000_000
_LOADED: list[Any] = []  # every pipeline loaded in this process since the last reload
# While a zone is open, every word spaCy makes goes to the zone, whichever thread makes it, and is
# freed with it: so texts are linted one thread at a time (Dask's default scheduler runs threads).
# Linting holds the GIL nearly throughout, so threads lose next to nothing by it.
_lock = threading.RLock()
_zone_open = False
_forgotten = 0  # strings forgotten since the last reload


class bounded_memory:
    """A block (linting one text, or a batch of records) whose new words are forgotten at its
    end by every pipeline whose vocabulary has reached :data:`VOCAB_BUDGET`; see above. Inside
    such a block, another one is the same block (spaCy's memory zones do not nest). Blocks are
    entered one thread at a time.

    A class rather than a generator-based context manager: the library enters one per text,
    and while no zone is needed that costs a lock and a test (1 µs, not 4)."""

    def __init__(self) -> None:
        self._zones: ExitStack | None = None  # the zones this block opened, if any
        self._full: list[Any] = []  # their pipelines
        self._known = 0  # strings these knew when the zones were opened

    def __enter__(self) -> None:
        _lock.acquire()
        try:
            self._open()
        except BaseException:
            _lock.release()
            raise

    def _open(self) -> None:
        global _zone_open
        if _zone_open:
            return
        full = [nlp for nlp in _LOADED if len(nlp.vocab.strings) >= VOCAB_BUDGET]
        if not full:
            return
        zones = ExitStack()
        with zones:  # left open on success: pop_all() takes the zones over
            for nlp in full:
                zones.enter_context(nlp.memory_zone())
            self._zones = zones.pop_all()
        self._full = full
        self._known = sum(len(nlp.vocab.strings) for nlp in full)
        _zone_open = True

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        global _zone_open, _forgotten
        try:
            if self._zones is None:
                return
            try:
                if kind is None:
                    _forgotten += sum(len(nlp.vocab.strings) for nlp in self._full) - self._known
                self._zones.close()
            finally:
                _zone_open = False
            if kind is None and _forgotten >= RELOAD_AFTER:
                _forgotten = 0
                _reload()
        finally:
            _lock.release()


def _reload() -> None:
    """Forget every loaded pipeline: each is loaded again from disk when next used."""
    _load.cache_clear()
    _steps.cache_clear()
    lexicon_tables.cache_clear()
    _LOADED.clear()


@cache
def _steps(lang: str, trained: str | None) -> tuple[Any, tuple[Any, ...]]:
    nlp = _load(lang, trained)
    return nlp.make_doc, tuple(component for _, component in nlp.pipeline)


@cache
def _load(lang: str, trained: str | None) -> Any:
    """The ``spacy.Language`` for ``lang`` (``nl``, ``fr`` or ``en``).

    tonelint's own pipeline from ``models/<lang>``; or, when ``trained`` names an installed
    trained pipeline (``nl_core_news_sm``, or a path), that pipeline with tonelint's tokenizer
    and phrase tables added, so rules can use its part-of-speech tags and morphology.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no pipeline for language {lang!r}; tonelint has {', '.join(LANGUAGES)}")
    spacy = _import_spacy()
    import tonelint.languages  # noqa: F401  (registers tonelint's language classes with spaCy)

    ours: Any = spacy.load(data_dir("models") / lang)
    if trained is None:
        _LOADED.append(ours)
        return ours
    from spacy.tokenizer import Tokenizer

    try:
        nlp: Any = spacy.load(trained, exclude=["ner"])
    except (OSError, ValueError, ImportError) as exc:
        raise PipelineError(
            f"pipelines.{lang} = {trained!r} cannot be loaded ({exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]}); install it, or remove the setting"
        ) from None
    tokenizer = Tokenizer(nlp.vocab)
    tokenizer.from_bytes(ours.tokenizer.to_bytes())
    nlp.tokenizer = tokenizer
    if not any(nlp.has_pipe(name) for name in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    phrases = nlp.add_pipe("tonelint_phrases", last=True)
    phrases.copy_from(ours.get_pipe("tonelint_phrases"))
    _LOADED.append(nlp)
    return nlp


# `import spacy` imports spaCy's own command line (`spacy.cli`: weasel, requests, httpx, the
# project and training commands) for one name, `spacy.info`. That is a third of the import,
# about 0.3 s on a 2-core machine, and tonelint's command line never uses it. The CLI asks for
# spaCy without it (`defer_spacy_cli`): while spaCy is imported, `spacy.cli` and `spacy.cli.info`
# are empty stand-ins and `spacy.info` a function that imports the real one when called. The
# stand-ins are removed right after, so a later `import spacy.cli` imports the real package.
# Library users import spaCy as usual.
_defer_cli = False
_CLI_MODULES = ("spacy.cli", "spacy.cli.info")


def defer_spacy_cli() -> None:
    """Import spaCy without its command line when a pipeline is first loaded (the CLI's
    start-up); see above."""
    global _defer_cli
    _defer_cli = True


def _import_spacy() -> ModuleType:
    if not _defer_cli or "spacy" in sys.modules:
        return importlib.import_module("spacy")
    stand_in = _SpacyCliStandIn()
    sys.meta_path.insert(0, stand_in)
    try:
        spacy: ModuleType | None = importlib.import_module("spacy")
    except ImportError:  # a spaCy that needs more of its command line at import
        spacy = None
    finally:
        sys.meta_path.remove(stand_in)
    _forget(stand_in, everything=spacy is None)
    return spacy or importlib.import_module("spacy")  # without the stand-ins: the whole of it


def _forget(stand_in: _SpacyCliStandIn, everything: bool) -> None:
    """Drop the stand-ins; with ``everything``, all of a spaCy import that failed."""
    for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
        if everything or getattr(sys.modules[name].__spec__, "loader", None) is stand_in:
            del sys.modules[name]
    spacy = sys.modules.get("spacy")
    cli = getattr(spacy, "cli", None)
    if cli is not None and getattr(cli.__spec__, "loader", None) is stand_in:
        delattr(spacy, "cli")


class _SpacyCliStandIn(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds `spacy.cli` and `spacy.cli.info` as empty modules; `spacy.cli.info.info` imports
    and calls the real `spacy.info`."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in _CLI_MODULES:
            return None
        return importlib.util.spec_from_loader(name, self, is_package=name == "spacy.cli")

    def create_module(self, spec: Any) -> None:
        return None  # the default module

    def exec_module(self, module: ModuleType) -> None:
        if module.__name__ == "spacy.cli.info":
            module.info = _spacy_info  # type: ignore[attr-defined]


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported from spaCy's command line when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@cache
def lexicon_tables(lang: str, lexicon: str) -> dict[str, list[dict[str, Any]]]:
    """The phrase tables of one lexicon in ``lang``'s pipeline: table name -> entries."""
    component = pipeline(lang).get_pipe("tonelint_phrases")
    return {
        table: component.entries(table)
        for table in sorted(component.tables)
        if table.split("/", 1)[0] == lexicon
    }
