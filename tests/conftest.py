"""Shared helpers: run the real CLI in a subprocess, find the shared data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data {path} is not here (it sits beside the repository)")
    return path


def tonelint(
    *args: str,
    input: str | bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tonelint ARGS`` for real and capture its output."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "tonelint", *args],
        input=data,
        capture_output=True,
        cwd=cwd or ROOT,
        env=environment,
        check=False,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def check_json(*args: str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    proc = tonelint("check", "--format", "json", *args, **kwargs)
    assert proc.stdout, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def codes(payload: dict[str, Any]) -> list[str]:
    return [d["code"] for d in payload["diagnostics"]]
