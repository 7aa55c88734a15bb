"""Language detection ahead of a parallel run, while the run starts up.

Before ``tonelint check EXPORT --jobs N`` lints its first record, it imports spaCy and loads the
pipelines: about a second on one core, while the other cores wait. Detecting languages needs
neither (it is tonelint's own code over langdetect's profiles), and it is a third of the work of
linting a short post, more while its words are new. So while the run starts up, a forked process
reads the export as well and detects the languages of its first records. When the run has
started, it takes what that process found before it forks its workers:

- the languages of the batches of records it finished, which the workers then do not detect;
- the words it scored (:func:`tonelint.langid.word_scores`), which the workers inherit, instead
  of each scoring every new word of the export on its own.

It can only help, never change a result:

- The languages are found by the code the workers would run (:meth:`Linter.languages`), for the
  same records under the same settings, and a word's score is the same in every process.
- A batch's languages are used only for the same records (a fingerprint of the batch); from the
  first batch the process did not finish, the workers detect languages themselves.
- The process stops when the run has started (past that point it would only compete with the
  workers for the cores), at the record it is on: a batch of long articles takes seconds to
  detect, and the run must not wait for it. A failure in it (a bug, Ctrl-C) ends it quietly,
  and if it does not answer in time, it is ended and the run goes on without what it has not
  sent.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection
from typing import Any

from tonelint import langid
from tonelint.documents import Document, InputError
from tonelint.linter import Languages, Linter
from tonelint.settings import Settings

Batch = list["Document | InputError"]


class Lookahead:
    """Detects the languages of ``batches()`` in a forked process, until :meth:`finish`."""

    WAIT = 5.0  # seconds to wait for the process to hand over at the end (it takes milliseconds)

    def __init__(
        self, batches: Callable[[], Iterable[Batch]], settings: Settings, linter: Linter
    ) -> None:
        context = multiprocessing.get_context("fork")
        self._received, sent = context.Pipe(duplex=False)
        self._stopped = context.Event()
        self._process = context.Process(
            target=_detect,
            args=(batches, settings, linter, sent, self._stopped),
            name="tonelint-lookahead",
            daemon=True,
        )
        self._process.start()
        sent.close()  # the child's end: once the child is gone, reading ends
        self._ready: deque[tuple[int, list[Languages | None]]] = deque()
        self.batches = 0  # batches whose languages were handed over
        self.words = 0  # words scored, handed over

    def finish(self) -> None:
        """Stop the process and take what it found; it ends."""
        self._stopped.set()
        deadline = time.monotonic() + self.WAIT
        try:
            while self._received.poll(max(0.0, deadline - time.monotonic())):
                kind, *content = self._received.recv()
                if kind == "batch":
                    self._ready.append((content[0], content[1]))
                elif kind == "words":
                    langid.learn_word_scores(content[0])
                    self.words = sum(len(scores) for scores in content[0].values())
        except (EOFError, OSError):  # the process is done (or gone)
            pass
        finally:
            self._process.join(max(0.0, deadline - time.monotonic()))  # it ends once it has sent
            if self._process.is_alive():  # it has not answered in time
                self._process.terminate()
                self._process.join()
            self._received.close()
        self.batches = len(self._ready)

    def take(self, batch: Batch) -> list[Languages | None] | None:
        """The languages of ``batch``'s records (``None`` for a record the process could not
        do) if the process found them; ``None`` from the first batch it did not."""
        if self._ready and self._ready[0][0] == fingerprint(batch):
            return self._ready.popleft()[1]
        self._ready.clear()
        return None


def fingerprint(batch: Batch) -> int:
    """Tells the records of two batches apart (their numbers and texts)."""
    return hash(
        tuple(
            (item.origin.number, item.text) if isinstance(item, Document) else None
            for item in batch
        )
    )


def _detect(
    batches: Callable[[], Iterable[Batch]],
    settings: Settings,
    linter: Linter,
    sent: Connection,
    stopped: Any,
) -> None:
    """The forked process: each batch's fingerprint and languages, in order, until stopped;
    then the words it scored."""
    try:
        for batch in batches():
            languages = _batch_languages(batch, settings, linter, stopped)
            if languages is None:  # stopped part-way: that batch's workers detect its languages
                break
            sent.send(("batch", fingerprint(batch), languages))
        sent.send(("words", langid.word_scores()))
    except BaseException:  # Ctrl-C, a closed pipe, a bug: the workers detect as without it
        pass
    finally:
        with contextlib.suppress(OSError):
            sent.close()


def _batch_languages(
    batch: Batch, settings: Settings, linter: Linter, stopped: Any
) -> list[Languages | None] | None:
    """The languages of a batch's records; None when stopped before its end."""
    languages = []
    for item in batch:
        if stopped.is_set():
            return None
        languages.append(_languages(item, settings, linter))
    return languages


def _languages(item: Document | InputError, settings: Settings, linter: Linter) -> Languages | None:
    if not isinstance(item, Document):
        return None
    try:
        return linter.languages(item, settings)
    except Exception:  # a bad record: its worker reports it
        return None
