"""Runs tonelint over paths: finds files and their config, lints, fixes, writes atomically."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tonelint import sources
from tonelint.diagnostics import Diagnostic
from tonelint.documents import Document, Encoding, InputError, RecordError, decode
from tonelint.fixes import apply
from tonelint.linter import Languages, Linter
from tonelint.pipelines import PipelineError, bounded_memory
from tonelint.progress import Progress
from tonelint.report import FileResult, Report
from tonelint.settings import COMMAND_LINE, ConfigFinder, Settings
from tonelint.sources import inputs, records
from tonelint.sources.records import EXPORT_FORMATS

if TYPE_CHECKING:
    from tonelint.lookahead import Lookahead

STDIN = "-"
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}
)
MAX_FIX_PASSES = 10


@dataclass(frozen=True)
class Options:
    cli: Mapping[str, object] = field(default_factory=dict)  # settings given as flags
    config: Path | None = None
    input_format: str = "auto"
    fix: bool = False
    unsafe_fixes: bool = False
    write: bool = True  # False with --diff: compute fixes, do not write them
    stdin_filename: str | None = None
    jobs: int = 1  # processes for CMS exports
    progress: bool = True  # a progress line on an interactive terminal


def expand(paths: list[str]) -> Iterator[str | InputError]:
    """Files to lint, in a stable order; directories are walked for Markdown and text files."""
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in sources.LINTABLE_SUFFIXES
                and not any(part in SKIP_DIRS for part in p.relative_to(path).parts)
            )
            yield from (str(p) for p in found)
        elif path.exists():
            yield raw
        else:
            yield InputError(raw, "no such file or directory")


# Start-up (importing spaCy, loading pipelines) allocates hundreds of thousands of objects that
# live until exit, and the cyclic garbage collector would walk them over and over while they are
# made. The CLI holds it back during start-up (`defer_collection`); the runner lets it run again
# once the first text is linted, after freezing everything made so far out of its sight
# (`gc.freeze`, as the gc docs advise before forking: the workers' pages stay shared). Held back
# by a zero threshold, not `gc.disable()`: srsly's msgpack reader calls `gc.enable()`.
_thresholds: tuple[int, int, int] | None = None  # while held back, the ones to restore


def defer_collection() -> None:
    """Hold the garbage collector back until the first text is linted (the CLI's start-up)."""
    global _thresholds
    if _thresholds is None:
        _thresholds = gc.get_threshold()
        gc.set_threshold(0)


def _started() -> None:
    """The first text is linted: freeze what start-up made and collect garbage again."""
    global _thresholds
    if _thresholds is not None:
        gc.freeze()
        gc.set_threshold(*_thresholds)
        _thresholds = None


def run(
    paths: list[str], options: Options, linter: Linter | None = None, report: Report | None = None
) -> Report:
    """Lint ``paths``; results go to ``report`` (a new one that keeps them all by default)."""
    linter = linter or Linter()
    report = report if report is not None else Report()
    try:
        finder = ConfigFinder(options.config)
    except InputError as exc:
        report.errors.append(exc)
        return report
    for item in expand(paths):
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        try:
            source: inputs.Source
            if item == STDIN:
                source = inputs.StandardInput(options.stdin_filename or STDIN)
                fmt = sources.format_for(str(source), options.input_format)
                where = _stdin_where(options)
            else:
                source = where = Path(item)
                fmt = sources.format_for(item, options.input_format)
            if fmt in EXPORT_FORMATS:
                _lint_export(source, fmt, where, options, finder, linter, report)
            else:
                report.add(_lint_one(item, fmt, where, options, finder, linter))
        except InputError as exc:
            report.errors.append(exc)
        except PipelineError as exc:
            report.errors.append(InputError(item, str(exc)))
        except BrokenPipeError:  # the output's reader left (`| head`): nothing more to do
            raise
        except Exception as exc:  # a bug must cost one file, not the run: report it, go on
            report.errors.append(InputError(item, _internal_error(exc)))
        _started()
    return report


def _internal_error(exc: Exception) -> str:
    return f"internal error ({type(exc).__name__}: {exc}); please report it to tonelint"


def _base_settings(where: Path, options: Options, finder: ConfigFinder) -> Settings:
    """Config (with its overrides for this path) under the command line's flags."""
    config = finder.find(where)
    settings = config.settings_for(where, Settings()) if config else Settings()
    return settings.merged(options.cli, COMMAND_LINE)


def _stdin_where(options: Options) -> Path:
    """Where text from standard input is taken to be, for its config."""
    return Path(options.stdin_filename) if options.stdin_filename else Path.cwd() / "stdin"


def _lint_export(
    source: inputs.Source,
    fmt: str,
    where: Path,
    options: Options,
    finder: ConfigFinder,
    linter: Linter,
    report: Report,
) -> None:
    """Lint every record of a CMS export in format ``fmt`` (a file, or standard input taken to
    be at ``where``); bad records become errors, the rest is linted.

    Records are read as a stream and linted in batches, on ``options.jobs`` processes; results
    are taken in export order, so the output is the same for any number of jobs. Fixes are not
    written back into exports: an export is data from a CMS, not a draft.
    """
    base = _base_settings(where, options, finder)
    fields = records.FieldMap.from_settings(base.fields)
    position = inputs.ReadPosition()
    progress = Progress(enabled=options.progress, position=position)
    items = records.documents(source, fmt, fields, position)

    def again() -> Iterator[list[Document | InputError]]:  # the same batches, read anew
        return _batched(records.documents(source, fmt, fields), BATCH)

    # Only a regular file can be read twice: a second reader of a pipe (`<(zcat export.gz)`,
    # standard input) would take records from the first.
    rereadable = isinstance(source, Path) and source.is_file()
    batches = _batched(items, BATCH)
    for batch in _lint_batches(batches, base, options.jobs, linter, again if rereadable else None):
        progress.hide()  # the batch's diagnostics may be written to the same terminal
        for item, diagnostics, settings in batch:
            if isinstance(item, InputError):
                report.errors.append(item)
                continue
            report.add(FileResult(item.path, item.text, diagnostics, settings, origin=item.origin))
        progress.advance(len(batch))
        _started()
    progress.done()


BATCH = 256
Linted = tuple["Document | InputError", list[Diagnostic], Settings]


def _batched(
    items: Iterator[Document | InputError], size: int
) -> Iterator[list[Document | InputError]]:
    batch: list[Document | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# What linting one record gave: its diagnostics, and its settings when they are not the base
# settings; or the error that stopped it. Workers send back only this, not the record.
Outcome = tuple[list[Diagnostic], "Settings | None", "InputError | None"]


def _lint_batch(
    batch: list[Document | InputError],
    base: Settings,
    linter: Linter | None = None,
    languages: list[Languages | None] | None = None,
) -> list[Outcome]:
    """Lint a batch; ``languages``, if given, are those of its records, found ahead."""
    linter = linter or _worker_linter()
    found = languages or [None] * len(batch)
    with bounded_memory():  # one memory zone per batch, not per record (entering one costs)
        return [
            _outcome(item, base, linter, langs) for item, langs in zip(batch, found, strict=True)
        ]


def _outcome(
    item: Document | InputError, base: Settings, linter: Linter, languages: Languages | None
) -> Outcome:
    if isinstance(item, InputError):
        return [], None, item
    try:
        settings = linter.settings_for(item, base)
        diagnostics = linter.lint(item, settings, languages=languages, own_applied=True)
    except InputError as exc:
        return [], None, exc
    except Exception as exc:  # a bug must cost one record, not the export
        return [], None, RecordError(item.path, item.origin.number or 0, _internal_error(exc))
    same = settings is base or settings == base  # most records: no settings of their own
    return diagnostics, None if same else settings, None


_WORKER: Linter | None = None


def _worker_linter() -> Linter:
    global _WORKER
    if _WORKER is None:
        _WORKER = Linter()
    return _WORKER


def _set_worker(linter: Linter) -> None:
    global _WORKER
    _WORKER = linter


def _lint_batches(
    batches: Iterator[list[Document | InputError]],
    base: Settings,
    jobs: int,
    linter: Linter,
    again: Callable[[], Iterator[list[Document | InputError]]] | None = None,
) -> Iterator[list[Linted]]:
    """Lint batches in order; with jobs > 1 on a process pool, a bounded number in flight.

    ``again`` reads the same batches anew: with it, the languages of the first batches are
    found while the run starts up (:mod:`tonelint.lookahead`).
    """

    def linted(batch: list[Document | InputError], outcomes: list[Outcome]) -> list[Linted]:
        return [
            (error or item, diagnostics, settings or base)
            for item, (diagnostics, settings, error) in zip(batch, outcomes, strict=True)
        ]

    if jobs <= 1:
        for batch in batches:
            yield linted(batch, _lint_batch(batch, base, linter))
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    lookahead: Lookahead | None = None
    if sys.platform != "win32":
        if again is not None and "spacy" not in sys.modules:  # a start-up to make use of
            from tonelint.lookahead import Lookahead

            lookahead = Lookahead(again, base, linter)
        try:  # forked workers inherit what the parent has loaded: load it once, here
            linter.warm_up(base)
            _set_worker(linter)
        finally:
            if lookahead is not None:
                lookahead.finish()  # before forking: the workers inherit the words it scored
    _started()  # before forking
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_worker_started
    ) as pool:
        pending: deque[tuple[list[Document | InputError], Future[list[Outcome]]]] = deque()
        for batch in batches:
            languages = lookahead.take(batch) if lookahead is not None else None
            pending.append((batch, pool.submit(_lint_batch, batch, base, None, languages)))
            if len(pending) >= 2 * jobs:
                done, future = pending.popleft()
                yield linted(done, future.result())
        while pending:
            done, future = pending.popleft()
            yield linted(done, future.result())


def _worker_started() -> None:
    """A worker ends at Ctrl-C without a word (no traceback of its own): the run that forked
    it reports the interruption."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _lint_one(
    item: str, fmt: str, where: Path, options: Options, finder: ConfigFinder, linter: Linter
) -> FileResult:
    """Lint one draft, in format ``fmt``, under the config found for ``where``."""
    if item == STDIN:
        name = options.stdin_filename or STDIN
        content, encoding = decode(sys.stdin.buffer.read(), name)
        document = sources.from_string(content, name, fmt, encoding)
    else:
        document = sources.from_path(where, fmt)
    settings = linter.settings_for(document, _base_settings(where, options, finder))
    diagnostics = linter.lint(document, settings, own_applied=True)
    if not options.fix:
        return FileResult(document.path, document.text, diagnostics, settings)
    return _fix(document, fmt, diagnostics, settings, options, linter, item == STDIN)


def _fix(
    document: Document,
    fmt: str,
    diagnostics: list[Diagnostic],
    settings: Settings,
    options: Options,
    linter: Linter,
    is_stdin: bool,
) -> FileResult:
    original = document.text
    applied = 0
    for _ in range(MAX_FIX_PASSES):
        fixed, count = apply(document.text, diagnostics, unsafe=options.unsafe_fixes)
        if fixed == document.text:
            break
        applied += count
        document = sources.from_string(fixed, document.path, fmt, document.encoding)
        diagnostics = linter.lint(document, settings)
    if document.text != original and options.write and not is_stdin:
        write_atomic(Path(document.path), document.text, document.encoding)
    return FileResult(
        document.path,
        document.text,
        diagnostics,
        settings,
        original=original if document.text != original else None,
        fixes_applied=applied,
    )


def write_atomic(path: Path, text: str, encoding: Encoding) -> None:
    """Write to a temporary file beside ``path`` and rename it over: all or nothing."""
    data = encoding.encode(text)
    with replacing(path) as fh:
        fh.write(data)


@contextlib.contextmanager
def replacing(path: Path, encoding: str | None = None) -> Iterator[IO[Any]]:
    """A temporary file beside ``path``, open for writing (bytes, or text in ``encoding``),
    flushed to disk and renamed over ``path`` when the block ends, or removed if the block
    raises: all or nothing. ``path`` keeps its mode; a new file gets 0o666 less the umask."""
    mode = _file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tonelint", dir=path.parent)
    try:
        newline = "" if encoding else None
        with os.fdopen(fd, "w" if encoding else "wb", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_mode(path: Path) -> int:
    """The mode ``path`` has, or the one a new file gets (0o666 less the umask)."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
