"""Results stream to the reporters: an export's records are not kept, and every format still
writes the document it wrote when it had them all."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import tonelint

from tonelint.registry import default_registry
from tonelint.report import Report
from tonelint.reporters import FORMATS, render
from tonelint.runner import Options, run

POSTS = [
    ("p1", "anna", "2024-03-01", "Wij zijn verheugd om onze toonaangevende app te presenteren!"),
    ("p2", "bob", "2024-03-02", "Kunt u ons helpen, alstublieft?"),
    ("p3", "anna", "2024-03-02", "Leuk!"),
    ("p4", "dora", "2024-04-04", "Tickets zijn er vanaf vrijdag, neem je vrienden mee."),
    ("p5", "bob", "2024-04-05", "We are thrilled to announce our best-in-class synergy!"),
]


YOUTH = Options(cli={"audience": "youth"})


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
