"""The progress line of a CMS export: on an interactive terminal only, cleared for results."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PROGRESS = re.compile(r"\r([\d,]+) records, [\d,]+/s(?:, about [\d,]+ s left)? *")


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
    assert err.endswith("\r" + " " * 60 + "\r")  # nothing left on the line
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
