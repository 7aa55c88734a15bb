"""A real ``pre-commit run`` in a temporary git repo that uses this repository as hook repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

LONG = (
    "Our summer festival is back and bigger than ever: three stages, forty bands, a food market, "
    "a quiet zone for families and a brand new camping site by the lake. Bring your friends, "
    "your tent and your best mood, because tickets go on sale Friday at ten and the early bird "
    "price only lasts for the first thousand buyers!\n"
)
SHORT = "Our summer festival is back: three stages, forty bands. Tickets on sale Friday at ten!\n"


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


def snapshot_of_this_repo(dest: Path) -> str:
    """This working tree (tracked and new files, not ignored ones) committed in a new repo."""
    files = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT)
    for name in filter(None, files.split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    git("init", "-q", cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-q", "-m", "snapshot", cwd=dest)
    return git("rev-parse", "HEAD", cwd=dest).strip()


def test_pre_commit_fails_on_long_draft_and_passes_when_fixed(tmp_path: Path) -> None:
    hook_repo = tmp_path / "hook-repo"
    hook_repo.mkdir()
    rev = snapshot_of_this_repo(hook_repo)
    work = tmp_path / "drafts"
    work.mkdir()
    git("init", "-q", cwd=work)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n"
        "      - id: tonelint\n        args: [--platform, x]\n",
        "utf-8",
    )
    (work / "launch.md").write_text(LONG, "utf-8")
    git("add", "-A", cwd=work)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    run = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    failed = subprocess.run(run, cwd=work, env=env, capture_output=True, text=True, check=False)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "tonelint" in failed.stdout and "Failed" in failed.stdout
    assert "launch.md:1:" in failed.stdout and "TL301" in failed.stdout

    (work / "launch.md").write_text(SHORT, "utf-8")
    git("add", "-A", cwd=work)
    passed = subprocess.run(run, cwd=work, env=env, capture_output=True, text=True, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
