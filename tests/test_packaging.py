"""The wheel ships rules/ and models/: install it in a fresh venv and lint from elsewhere."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

DRAFT = (
    "---\nplatform: x\n---\n"
    "We want to thank everyone who came to the festival last weekend and who helped us set up "
    "the stage, sell the tickets, clean the park and make it the best edition we have ever had. "
    "See you next year for an even bigger party with more bands and more food!! " * 2
)


def test_wheel_installs_and_lints_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("tonelint-*.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "post.md").write_text(DRAFT, "utf-8")
    proc = subprocess.run(
        [str(env_dir / "bin" / "tonelint"), "check", "--format", "json", "post.md"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    out = json.loads(proc.stdout)
    assert [d["code"] for d in out["diagnostics"]] == ["TL303", "TL303", "TL301"]
    # The installed package uses its own copy of the data, not this checkout's.
    where = subprocess.run(
        [str(py), "-c", "from tonelint.resources import data_dir; print(data_dir('models'))"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(env_dir)) and where.endswith("tonelint/_data/models")
