"""Benchmark: CMS exports of 10k / 100k / 1M posts, with --jobs 1 and --jobs 2.

    python bench/cms.py                       # 10k and 100k (minutes)
    python bench/cms.py --sizes 10000 1000000 # 1M takes long on 2 cores
    python bench/cms.py --export json csv     # the same posts as a JSON array and as CSV
    python bench/cms.py --unique              # every post with words no other post has

Exports (JSON Lines unless --export says otherwise) are generated from real sentences
(CoCoA-MT's Dutch and French lines and their English sources, in ../shared/data/cocoa-mt-train),
cycled, with ids, authors and dates. With --unique, each post also starts with an @mention and
ends with a link that no other post has, as replies in a real export do: words new to tonelint in
every record, so spaCy's vocabulary would grow with the export if tonelint did not bound it.
Each size is linted by the real CLI (`tonelint check EXPORT --format json --jobs N`), timed as a
whole process (start-up included), with its CPU time (steadier than wall time on a shared
machine; --runs N gives the median of N runs) and its peak resident memory: of the largest process
(`ru_maxrss` of a fresh child per run) and of the CLI and its workers together (sampled from
/proc every 50 ms; Linux only).
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from foundation import sentences

FIELDS = ("id", "text", "author", "date")


def post(texts: list[str], i: int, unique: bool = False) -> str:
    """The text of post ``i``: the sentences cycled; with ``unique``, a mention and a link of
    its own around it."""
    text = texts[i % len(texts)]
    if not unique:
        return text
    handle = f"user{i * 7919 % 10**7}"  # 7919 is prime to 10**7: a handle for each of 10**7 posts
    return f"@{handle} {text} https://example.org/{handle}/{i}"


def make_export(path: Path, n: int, fmt: str = "jsonl", unique: bool = False) -> None:
    """``n`` posts as JSON Lines, a JSON array (one record per line) or CSV; with ``unique``,
    each with a mention and a link of its own."""
    texts = sentences()
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh) if fmt == "csv" else None
        if writer:
            writer.writerow(FIELDS)
        fh.write("[\n" if fmt == "json" else "")
        for i in range(n):
            record = {
                "id": f"post-{i}",
                "text": post(texts, i, unique),
                "author": f"editor-{i % 23}",
                "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            }
            if writer:
                writer.writerow(record[f] for f in FIELDS)
            else:
                sep = "," if fmt == "json" and i < n - 1 else ""
                fh.write(json.dumps(record, ensure_ascii=False) + sep + "\n")
        fh.write("]\n" if fmt == "json" else "")


def _tree_rss(pid: int) -> int:
    """Resident memory (KiB) of a process and all its descendants, from /proc."""
    total = 0
    try:
        with open(f"/proc/{pid}/status") as fh:
            total += next((int(x.split()[1]) for x in fh if x.startswith("VmRSS:")), 0)
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            children = [int(c) for c in fh.read().split()]
    except (OSError, ValueError):
        return total
    return total + sum(_tree_rss(c) for c in children)


def measure(export: Path, jobs: int) -> tuple[float, float, float, float]:
    """Wall seconds, CPU seconds (user and system, of the CLI and its workers), peak RSS of the
    largest process and peak RSS of all processes together (MiB; the total sampled every 50 ms
    from /proc) of one `tonelint check` run."""
    # A fresh child runs the CLI and times it (its own start-up is not counted): its
    # RUSAGE_CHILDREN holds the CLI's and the workers' CPU time and the largest one's peak RSS.
    code = (
        "import resource, subprocess, sys, time;"
        "start = time.perf_counter();"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False);"
        "wall = time.perf_counter() - start;"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(u.ru_maxrss, u.ru_utime + u.ru_stime, wall)"
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
    proc = subprocess.Popen([sys.executable, "-c", code, *cmd], stdout=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.05)
    largest, cpu, wall = proc.stdout.read().split() if proc.stdout else ("0", "0", "0")
    return float(wall), float(cpu), int(largest) / 1024, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--export", nargs="+", default=["jsonl"], choices=["jsonl", "json", "csv"])
    parser.add_argument(
        "--unique", action="store_true", help="a mention and a link of its own in every post"
    )
    parser.add_argument(
        "--runs", type=int, default=1, help="runs per row; the row shows their median"
    )
    args = parser.parse_args()
    print(
        f"{'export':>6} {'posts':>10} {'jobs':>4} {'wall s':>8} {'posts/s':>9} {'CPU s':>7} "
        f"{'largest process MiB':>20} {'all processes MiB':>18}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.export:
            for n in args.sizes:
                export = Path(tmp) / f"posts-{n}.{fmt}"
                make_export(export, n, fmt, args.unique)
                for jobs in args.jobs:
                    runs = [measure(export, jobs) for _ in range(args.runs)]
                    wall, cpu, largest, total = (
                        statistics.median(x) for x in zip(*runs, strict=True)
                    )
                    print(
                        f"{fmt:>6} {n:>10,} {jobs:>4} {wall:>8.1f} {n / wall:>9,.0f} {cpu:>7.1f} "
                        f"{largest:>20,.0f} {total:>18,.0f}"
                    )
                export.unlink()


if __name__ == "__main__":
    main()
