"""Benchmark: CMS exports of 10k / 100k / 1M posts, with --jobs 1 and --jobs 2.

    python bench/cms.py                       # 10k and 100k (minutes)
    python bench/cms.py --sizes 10000 1000000 # 1M takes long on 2 cores

Exports are JSON Lines generated from real sentences (CoCoA-MT's Dutch and French lines and
their English sources, in ../shared/data/cocoa-mt-train), cycled, with ids, authors and dates.
Each size is linted by the real CLI (`tonelint check EXPORT --format json --jobs N`), timed as a
whole process (start-up included), with the peak resident memory of the process and its workers
(`resource.getrusage(RUSAGE_CHILDREN)` of a fresh child per run).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from foundation import sentences


def make_export(path: Path, n: int) -> None:
    texts = sentences()
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = {
                "id": f"post-{i}",
                "text": texts[i % len(texts)],
                "author": f"editor-{i % 23}",
                "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def measure(export: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `tonelint check` run."""
    code = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    cmd = [
        sys.executable,
        "-m",
        "tonelint",
        "check",
        str(export),
        "--format",
        "json",
        "--jobs",
        str(jobs),
    ]
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - start
    return wall, int(out.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    print(f"{'posts':>10} {'jobs':>4} {'wall s':>8} {'posts/s':>9} {'peak RSS MiB':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            export = Path(tmp) / f"posts-{n}.jsonl"
            make_export(export, n)
            for jobs in args.jobs:
                wall, rss = measure(export, jobs)
                print(f"{n:>10,} {jobs:>4} {wall:>8.1f} {n / wall:>9,.0f} {rss:>13,.0f}")
            export.unlink()


if __name__ == "__main__":
    main()
