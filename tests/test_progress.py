"""The progress line of a CMS export: on an interactive terminal only, cleared for results."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tonelint.progress import Progress
from tonelint.sources import inputs, records

BAR = r"[█░#-]{20} +\d+% "
PROGRESS = re.compile(rf"\r(?:{BAR})?([\d,]+) records, [\d,]+/s(?:, about [\d,]+ s left)? *")


def export(tmp_path: Path, n: int = 700) -> Path:
    path = tmp_path / "export.jsonl"
    texts = ["Kunt u ons helpen, alstublieft?", "Tickets vanaf vrijdag, neem je vrienden mee."]
    path.write_text(
        "".join(json.dumps({"id": str(i), "text": texts[i % 2]}) + "\n" for i in range(n)),
        "utf-8",
    )
    return path


def run_with_terminal_stderr(
    args: list[str], env: dict[str, str], tmp_path: Path
) -> tuple[str, str]:
    """Standard error on a pseudo-terminal, standard output to a file."""
    master, slave = pty.openpty()
    with (tmp_path / "stdout").open("wb") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tonelint", *args],
            stdout=stdout,
            stderr=slave,
            cwd=ROOT,
            env=env,
        )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        seen += chunk
    proc.wait()
    os.close(master)
    return (tmp_path / "stdout").read_text("utf-8"), seen.decode("utf-8")


def test_progress_on_a_terminal_counts_records_and_is_cleared(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    out, err = run_with_terminal_stderr(
        ["check", str(export(tmp_path)), "--audience", "youth", "--select", "TL101"], env, tmp_path
    )
    counts = [int(m.group(1).replace(",", "")) for m in PROGRESS.finditer(err)]
    assert counts and counts == sorted(counts) and counts[-1] <= 700
    last = re.search(r"\r([^\r]+)\r( +)\r$", err)  # the last line, then blanked
    assert last and len(last.group(2)) >= len(last.group(1)) and "100%" in last.group(1)
    assert out.count(": TL101 ") == 700  # 350 formal lines, two each ("Kunt u", "alstublieft")
    assert "records" not in out


def test_no_progress_in_ci_or_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    path = str(export(tmp_path, 300))
    _, err = run_with_terminal_stderr(["check", path], {**os.environ, "CI": "true"}, tmp_path)
    assert "records," not in err
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.run(
        [sys.executable, "-m", "tonelint", "check", path],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert "records," not in proc.stderr


def _pretty_export(tmp_path: Path, fmt: str, n: int) -> Path:
    """``n`` posts as a pretty-printed JSON array (seven lines a record), JSON Lines, CSV, or
    a WordPress export written over several lines a post."""
    posts = [{"id": str(i), "text": f"Bericht {i}: tot zaterdag in de winkel!"} for i in range(n)]
    path = tmp_path / f"export.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps(posts, indent=2), "utf-8")
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(p) + "\n" for p in posts), "utf-8")
    elif fmt == "csv":
        path.write_text("id,text\n" + "".join(f"{p['id']},{p['text']}\n" for p in posts), "utf-8")
    else:
        items = "".join(
            f"<item>\n  <wp:post_id>{p['id']}</wp:post_id>\n  <wp:post_type>post</wp:post_type>\n"
            f"  <content:encoded><![CDATA[{p['text']}]]></content:encoded>\n</item>\n"
            for p in posts
        )
        path.write_text(
            '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"{items}</channel>\n</rss>\n",
            "utf-8",
        )
    return path


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "wxr"])
def test_time_left_follows_the_share_of_the_file_read(tmp_path: Path, fmt: str) -> None:
    # Half the records read in 10 s: about 10 s left, however many lines a record spans.
    path = _pretty_export(tmp_path, fmt, 20_000)
    now = 0.0
    position = inputs.ReadPosition()
    progress = Progress(enabled=False, position=position, clock=lambda: now)
    assert progress.time_left() is None  # nothing read yet
    items = records.documents(path, fmt, records.FieldMap(), position)
    for _ in range(10_000):
        next(items)
    now = 10.0
    left = progress.time_left()
    assert left is not None and 8.5 < left < 11  # read a little ahead; later ids are longer


def test_the_bar_shows_the_share_read_and_the_time_left(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(b"x" * 1000)
    now = 0.0
    position = inputs.ReadPosition()
    progress = Progress(enabled=False, position=position, clock=lambda: now)
    assert progress.line() == "0 records, 0/s"  # not open yet: no share, no time left
    with path.open("rb") as fh:
        position.track(fh)
        assert progress.line() == "0 records, 0/s"  # nothing read
        fh.read(250)
        progress.count, now = 2_500, 10.0
        assert progress.line() == (
            "█████░░░░░░░░░░░░░░░  25% 2,500 records, 250/s, about 30 s left"
        )
        fh.read(749)
        progress.count, now = 9_990, 40.0
        assert progress.line() == ("███████████████████░ 100% 9,990 records, 250/s, about 0 s left")
    assert progress.share() == 1.0  # closed: all of it was read
