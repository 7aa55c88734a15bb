"""Results stream to the reporters: an export's records are not kept, and every format still
writes the document it wrote when it had them all."""

from __future__ import annotations

import io
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import tonelint

from tonelint import pipelines
from tonelint.documents import Document
from tonelint.linter import Linter
from tonelint.registry import default_registry
from tonelint.report import Report
from tonelint.reporters import FORMATS, render
from tonelint.runner import Options, run
from tonelint.settings import Settings

POSTS = [
    ("p1", "anna", "2024-03-01", "Wij zijn verheugd om onze toonaangevende app te presenteren!"),
    ("p2", "bob", "2024-03-02", "Kunt u ons helpen, alstublieft?"),
    ("p3", "anna", "2024-03-02", "Leuk!"),
    ("p4", "dora", "2024-04-04", "Tickets zijn er vanaf vrijdag, neem je vrienden mee."),
    ("p5", "bob", "2024-04-05", "We are thrilled to announce our best-in-class synergy!"),
]


YOUTH = Options(cli={"audience": "youth"})
YOUTH_SETTINGS = Settings(audience="youth")


def export(tmp_path: Path, posts: list[tuple[str, str, str, str]] = POSTS) -> Path:
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": i, "author": a, "date": d, "text": t, "kind": "reply"})
        for i, a, d, t in posts
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_streamed_run_keeps_no_results_but_counts_them_all(tmp_path: Path) -> None:
    path = str(export(tmp_path))
    kept = run([path], YOUTH)
    streamed = run([path], YOUTH, report=Report(keep=False))
    assert len(kept.files) == 5 and streamed.files == []
    assert streamed.texts == streamed.records == 5
    assert streamed.severities == kept.severities and sum(streamed.severities.values()) == 9
    assert streamed.summary() == kept.summary()
    assert streamed.exit_code == kept.exit_code == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cli_streams_the_same_document_the_kept_report_renders(
    tmp_path: Path, fmt: str
) -> None:
    path = export(tmp_path)
    proc = tonelint("check", str(path), "--audience", "youth", "--format", fmt, cwd=tmp_path)
    kept = run([str(path)], YOUTH)
    out = io.StringIO()
    render(fmt, kept, default_registry(), out)
    assert proc.returncode == 1
    assert proc.stdout == out.getvalue()


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_streamed_json_is_laid_out_as_json_dump_indent_2(tmp_path: Path, fmt: str) -> None:
    proc = tonelint("check", str(export(tmp_path)), "--format", fmt, "--audience", "youth")
    parsed = json.loads(proc.stdout)
    assert proc.stdout == json.dumps(parsed, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_streamed_json_without_diagnostics_is_valid(tmp_path: Path, fmt: str) -> None:
    path = export(tmp_path, [("p1", "anna", "2024-03-01", "Tickets vanaf vrijdag, tot dan.")])
    proc = tonelint("check", str(path), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    parsed = json.loads(proc.stdout)
    found = parsed["diagnostics"] if fmt == "json" else parsed["runs"][0]["results"]
    assert found == []


def test_html_counts_a_record_once_over_its_fields(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    rows = [
        {"id": "a", "author": "anna", "date": "2024-03-01", "title": "Leuk!", "body": "Top!"},
        {"id": "b", "author": "anna", "date": "2024-03-01", "title": "Super!", "body": "Merci !"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    (tmp_path / "tonelint.toml").write_text(
        'kind = "reply"\n[fields]\ntext = ["title", "body"]\n', "utf-8"
    )
    proc = tonelint("check", str(path), "--format", "html", cwd=tmp_path)
    page = proc.stdout
    assert "<th>Records</th><td>2</td>" in page
    assert "<th>Texts linted</th><td>4</td>" in page
    assert "anna: 4 diagnostics in 2 records" in page


# Posts written for this test by the tonelint team: each with a mention, a parcel code and a
# link of its own, as replies in a real export have, and formal address for TL101.
def _replies(n: int) -> list[tuple[str, str, str, str]]:
    return [
        (
            f"r{i}",
            "desk",
            "2024-05-01",
            f"@klant{i}x Kunt u uw pakket ZQ{i}K morgen ophalen? "
            f"Zie https://example.org/pakket/zq{i}k voor uw afspraak.",
        )
        for i in range(n)
    ]


def test_words_past_the_vocabulary_budget_are_forgotten_and_results_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replies = _replies(1200)
    (tmp_path / "seen").mkdir()
    (tmp_path / "new").mkdir()
    run([str(export(tmp_path / "seen", replies[:10]))], YOUTH)  # loads what the export needs
    nlp = pipelines.pipeline("nl")
    monkeypatch.setattr(pipelines, "VOCAB_BUDGET", len(nlp.vocab.strings))  # full from now on
    before = len(nlp.vocab.strings)
    new = str(export(tmp_path / "new", replies[600:]))  # three batches of new words
    bounded = run([new], YOUTH)
    assert len(nlp.vocab.strings) == before
    # One text through the library is bounded the same way.
    text = Document("@nieuwelid77 Kunt u uw pakket ZQ77Q ophalen?")
    one = [(d.code, d.start, d.end) for d in Linter().lint(text, YOUTH_SETTINGS)]
    assert len(nlp.vocab.strings) == before

    # Past RELOAD_AFTER strings forgotten, the pipelines are loaded anew: same results.
    monkeypatch.setattr(pipelines, "RELOAD_AFTER", 1000)
    reloaded = run([new], YOUTH)
    assert pipelines.pipeline("nl") is not nlp

    monkeypatch.setattr(pipelines, "VOCAB_BUDGET", 10**9)
    unbounded = run([new], YOUTH)
    found = [(d.code, d.start, d.end, d.message) for d in unbounded.diagnostics]
    assert [(d.code, d.start, d.end, d.message) for d in bounded.diagnostics] == found
    assert [(d.code, d.start, d.end, d.message) for d in reloaded.diagnostics] == found
    assert sum(d.code == "TL101" for d in bounded.diagnostics) == 3 * 600  # u, uw, uw
    assert one == [(d.code, d.start, d.end) for d in Linter().lint(text, YOUTH_SETTINGS)]
    assert [c for c, _, _ in one] == ["TL101", "TL101"]


def test_threads_lint_past_the_budget_as_one_thread_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask's default scheduler lints partitions in threads: a memory zone opened by one thread
    must not free the words another thread is using."""
    nlp = pipelines.pipeline("nl")
    monkeypatch.setattr(pipelines, "VOCAB_BUDGET", len(nlp.vocab.strings))

    def lint(text: str) -> list[tuple[str, int, int]]:
        return [(d.code, d.start, d.end) for d in Linter().lint(Document(text), YOUTH_SETTINGS)]

    texts = [text for *_, text in _replies(2400)[1200:]]
    serial = [lint(text) for text in texts]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns inside each other's texts
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            threaded = list(pool.map(lint, texts))
    finally:
        sys.setswitchinterval(interval)
    assert threaded == serial
    assert sum(len(found) for found in serial) == 3 * len(texts)
