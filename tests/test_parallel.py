"""`--jobs N`: the output of `--jobs 1`, whatever the pool and the lookahead that finds the
first records' languages while the run starts up (tonelint.lookahead).

The posts are written for these tests (tonelint's own text), in the shape of the bundled
examples: Dutch, French and English, one with a paragraph in another language, one in German.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import tonelint

from tonelint import langid
from tonelint.documents import Document, InputError, Origin, RecordError
from tonelint.linter import Linter
from tonelint.lookahead import Lookahead, fingerprint
from tonelint.runner import BATCH
from tonelint.settings import Settings

POSTS = [
    {"text": "Wij zijn verheugd om onze toonaangevende app te presenteren!"},
    {"text": "Kunt u ons helpen, alstublieft?", "audience": "youth"},
    {"text": "Leuk!", "kind": "reply"},
    {"text": "Tickets zijn er vanaf vrijdag, neem je vrienden mee.", "audience": "youth"},
    {"text": "We are thrilled to announce our best-in-class synergy!"},
    {"text": "Nous sommes ravis de vous présenter nos solutions innovantes."},
    {"text": "Pouvez-vous nous aider ? Tu viens demain ?", "audience": "youth"},
    {
        "text": "Ons zomerfestival is terug in het park, met veertig bands!\n\n"
        "As our headliner put it: we are thrilled to announce that we will be back.\n\n"
        "Kaartjes zijn vanaf vrijdag te koop, neem je vrienden mee."
    },
    {"text": "Wir freuen uns sehr auf das Konzert am Samstag im Park mit allen Freunden."},
    {"text": "Geachte heer Bakker, wij danken u voor uw bericht.", "lang": "nl"},
    {"text": 42},  # a bad record: the text is a number, not text
]


def _export(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "export.jsonl"
    lines = []
    for i in range(n):
        post = POSTS[i % len(POSTS)]
        # A different text per record now and then: batches must not match by their texts alone.
        text = (
            post["text"]
            if i % 7
            else f"{post['text']} #{i}"
            if isinstance(post["text"], str)
            else 42
        )
        lines.append(json.dumps({**post, "text": text, "id": f"r{i}", "author": f"a{i % 3}"}))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_jobs_2_writes_what_jobs_1_writes(tmp_path: Path) -> None:
    """Over three batches and a half (the pool, and the lookahead's hand-over, both exercised),
    the JSON output is byte for byte that of one process: same diagnostics, same order, same
    record errors."""
    export = _export(tmp_path, 3 * BATCH + BATCH // 2)
    one = tonelint("check", str(export), "--format", "json", "--jobs", "1")
    two = tonelint("check", str(export), "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 2, one.stderr  # the bad records
    assert two.stdout == one.stdout
    out = json.loads(one.stdout)
    codes = {d["code"] for d in out["diagnostics"]}
    assert {"TL001", "TL101", "TL104", "TL201", "TL202"} <= codes
    assert {d["lang"] for d in out["diagnostics"]} == {"nl", "fr", "en", "de", "und"}
    assert len(out["errors"]) == sum(1 for i in range(3 * BATCH + BATCH // 2) if i % 11 == 10)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_an_export_read_from_a_pipe_is_read_once(tmp_path: Path) -> None:
    """A pipe cannot be read twice: with `--jobs 2` the lookahead must not read it beside the
    run (it would take records from it, and the run would wait for them for ever)."""
    export = _export(tmp_path, BATCH + 10)
    one = tonelint("check", str(export), "--format", "json", "--jobs", "1")
    pipe = tmp_path / "export-pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_bytes(export.read_bytes()), daemon=True)
    writer.start()
    two = tonelint(
        "check",
        str(pipe),
        "--input-format",
        "jsonl",
        "--format",
        "json",
        "--jobs",
        "2",
        timeout=120,
    )
    writer.join(10)
    assert two.returncode == one.returncode == 2, two.stderr
    assert two.stdout == one.stdout.replace(str(export), str(pipe))


def test_an_export_on_standard_input_is_read_as_records(tmp_path: Path) -> None:
    """`zcat export.jsonl.gz | tonelint check - --stdin-filename export.jsonl`: the records of
    the export, named as the file, with `--jobs 2` as with `--jobs 1` (standard input is a
    pipe, read once)."""
    export = _export(tmp_path, BATCH + 10)
    one = tonelint("check", str(export), "--format", "json", "--jobs", "1")
    for jobs in ("1", "2"):
        piped = tonelint(
            "check",
            "-",
            "--stdin-filename",
            str(export),
            "--format",
            "json",
            "--jobs",
            jobs,
            input=export.read_bytes(),
            timeout=120,
        )
        assert piped.returncode == one.returncode == 2, piped.stderr
        assert piped.stdout == one.stdout


def test_a_gzip_export_with_jobs_2(tmp_path: Path) -> None:
    """The lookahead reads the compressed export beside the run, decompressing it too."""
    export = _export(tmp_path, 2 * BATCH + 10)
    packed = tmp_path / "export.jsonl.gz"
    packed.write_bytes(gzip.compress(export.read_bytes(), mtime=0))
    one = tonelint("check", str(export), "--format", "json", "--jobs", "1")
    two = tonelint("check", str(packed), "--format", "json", "--jobs", "2")
    assert two.returncode == one.returncode == 2, two.stderr
    assert two.stdout == one.stdout.replace(str(export), str(packed))


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_ctrl_c_ends_a_parallel_run_quietly(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group: the run exits with 130 and the workers end
    without a traceback each, even while they wait for work (here: the output is a pipe that
    nobody reads any more, as when a pager is left waiting, so the run stops sending batches)."""
    export = _export(tmp_path, 40 * BATCH)  # far more output than a pipe holds (64 KiB)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tonelint", "check", str(export), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a group of its own, as a terminal's foreground job
    )
    assert proc.stdout is not None
    assert proc.stdout.readline()  # the workers have linted
    time.sleep(3)  # the pipe fills, the run waits on it, the workers finish and wait for work
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr.decode() == ""


@pytest.mark.parametrize("fmt", ["text", "sarif", "github", "html"])
def test_jobs_2_writes_what_jobs_1_writes_in_every_format(tmp_path: Path, fmt: str) -> None:
    export = _export(tmp_path, BATCH + BATCH // 2)
    one = tonelint("check", str(export), "--format", fmt, "--jobs", "1")
    two = tonelint("check", str(export), "--format", fmt, "--jobs", "2")
    assert one.returncode == two.returncode == 2, one.stderr
    assert (two.stdout, two.stderr) == (one.stdout, one.stderr)
    assert "record 11: field 'text' is a number, expected text" in one.stdout + one.stderr


def _batches(docs: list[Document | InputError], size: int) -> list[list[Document | InputError]]:
    return [docs[i : i + size] for i in range(0, len(docs), size)]


def _documents() -> list[Document | InputError]:
    docs: list[Document | InputError] = []
    for number, post in enumerate(POSTS, start=1):
        if not isinstance(post["text"], str):
            docs.append(RecordError("export.jsonl", number, "field 'text' is a number"))
            continue
        own = {k: v for k, v in post.items() if k != "text"}
        origin = Origin(str(number), number, "text")
        docs.append(Document(post["text"], "export.jsonl", front_matter=own, origin=origin))
    return docs


def test_the_lookahead_hands_over_what_the_workers_would_find() -> None:
    linter = Linter()
    settings = Settings(audience="youth")
    batches = _batches(_documents(), 4)
    langid.detect_language("Een zin om de tabellen van de talen te laden.")
    new_word = "zwurbelflinkertaart"  # a word no other test scores
    batches[-1].append(Document(f"Wij bakken vandaag een {new_word} voor iedereen."))
    lookahead = Lookahead(lambda: iter(batches), settings, linter)
    lookahead._process.join(60)  # let it go through every batch before it is stopped
    lookahead.finish()
    assert lookahead.batches == len(batches)
    found = []
    for batch in batches:
        expected = [
            linter.languages(item, settings) if isinstance(item, Document) else None
            for item in batch
        ]
        assert lookahead.take(batch) == expected
        found += expected
    assert ("de", None) in found  # the German post
    assert [p[1][1][2] for p in found if p and p[1]] == ["en"]  # the post's English paragraph
    # The words it scored are this process's now: the workers forked next inherit them.
    assert any(new_word in scores for scores in langid.word_scores().values())


def test_from_the_first_batch_it_did_not_find_the_workers_detect() -> None:
    linter = Linter()
    batches = _batches(_documents(), 4)
    lookahead = Lookahead(lambda: iter(batches[:2]), Settings(), linter)
    lookahead._process.join(60)
    lookahead.finish()
    assert lookahead.take(batches[0]) is not None
    assert lookahead.take(batches[2]) is None  # not the batch it found next
    assert lookahead.take(batches[1]) is None  # and none after that


def test_a_lookahead_stopped_while_it_reads_ends_with_the_batches_it_finished() -> None:
    def endless() -> Iterator[list[Document | InputError]]:
        while True:
            yield _documents()

    lookahead = Lookahead(endless, Settings(), Linter())
    lookahead.finish()  # at once: it has done a few batches at most
    assert not lookahead._process.is_alive()
    assert lookahead.batches < 1000
    taken = [lookahead.take(_documents()) for _ in range(lookahead.batches + 1)]
    assert all(t is not None for t in taken[:-1])
    assert taken[-1] is None


def test_a_lookahead_stops_at_the_record_it_is_on() -> None:
    """A batch of long articles takes seconds to detect: stopped inside one, the process ends
    at once (by itself, not when the run's wait for it runs out and it is terminated)."""

    def one_long_batch() -> Iterator[list[Document | InputError]]:
        text = "Wij bakken vandaag brood nummer {} voor iedereen in de straat."
        yield [Document(text.format(i)) for i in range(200_000)]

    lookahead = Lookahead(one_long_batch, Settings(), Linter())
    time.sleep(0.5)  # inside the batch (some seconds of work)
    lookahead.finish()
    assert lookahead._process.exitcode == 0
    assert lookahead.batches == 0


def test_a_fingerprint_tells_batches_apart() -> None:
    docs = _documents()
    assert fingerprint(docs[:4]) == fingerprint(list(docs[:4]))
    assert fingerprint(docs[:4]) != fingerprint(docs[1:5])
    changed = [
        Document(d.text + ".", d.path, origin=d.origin) if isinstance(d, Document) else d
        for d in docs[:4]
    ]
    assert fingerprint(docs[:4]) != fingerprint(changed)


@pytest.mark.parametrize("post", [p["text"] for p in POSTS if isinstance(p["text"], str)])
def test_linting_with_languages_found_ahead_is_linting(post: str) -> None:
    linter = Linter(Settings(audience="youth"))
    document = Document(post)
    assert linter.lint(document, languages=linter.languages(document)) == linter.lint(document)


def test_input_errors_cross_to_a_worker_and_back() -> None:
    """A batch sent to a worker holds the export's bad records as errors: they must pickle."""
    import pickle

    from tonelint.packs import PackError
    from tonelint.settings import ConfigError

    errors = [
        InputError("a.csv", "not valid UTF-8 at byte 3"),
        RecordError("a.csv", 12, "missing text field 'text'"),
        ConfigError("tonelint.toml", "unknown key 'audiance'"),
        PackError("pack.toml", "rule X1: no code"),
    ]
    for error in errors:
        back = pickle.loads(pickle.dumps(error))
        assert (type(back), str(back), back.path, back.message) == (
            type(error),
            str(error),
            error.path,
            error.message,
        )
    assert pickle.loads(pickle.dumps(errors[1])).number == 12


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="Linux's CPU affinity")
def test_jobs_0_is_one_process_per_core_this_process_may_use() -> None:
    """`--jobs 0` counts the cores the run may use (`taskset`, a container's cpuset), not the
    machine's."""
    import subprocess
    import sys

    code = (
        "import os; from tonelint.cli import _cores; "
        "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); print(_cores())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
