"""Benchmark: cold start of `tonelint check` on one short draft, and 10,000 short posts.

    python bench/foundation.py            # needs ../shared/data/cocoa-mt-train beside the repo

Prints the median of several runs of each measurement. The 10,000 posts are real sentences from
the CoCoA-MT training split (nl, fr and their English sources), cycled to 10,000, each with
`platform = x`. Three ways: the library (one Linter, pipelines loaded once), the CLI over a
directory of 10,000 files, and `python -c "import spacy"` as the baseline start-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COCOA = ROOT.parent / "shared" / "data" / "cocoa-mt-train"


def sentences() -> list[str]:
    lines: list[str] = []
    for f in sorted(COCOA.glob("formality-control.train.*")):
        if f.name.endswith((".en", ".formal.nl", ".informal.nl", ".formal.fr", ".informal.fr")):
            lines += [x.strip() for x in f.read_text("utf-8").splitlines() if x.strip()]
    return lines


# Python may cache bytecode, as it does for an installed package (pip compiles it on install);
# without this an editable install under PYTHONDONTWRITEBYTECODE=1 recompiles tonelint's
# sources on every start, ~0.1 s that no user pays.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(cmd: list[str], cwd: Path | None = None) -> float:
    """Wall time of one run of ``cmd``."""
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, capture_output=True, check=False, env=ENV)
    return time.perf_counter() - t


def row(label: str, seconds: float, note: str = "") -> None:
    print(f"{label:<44} {seconds:7.2f} s  {note}")


DRAFTS = {
    "en": "Our summer festival is back! Tickets go on sale Friday at ten, bring friends.",
    "nl": "Ons zomerfestival is terug! Kaartjes vanaf vrijdag om tien uur, neem vrienden mee.",
    "fr": "Notre festival d'été est de retour ! Billets en vente vendredi à dix heures.",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--posts", type=int, default=10_000)
    args = parser.parse_args()
    texts = sentences()
    posts = [texts[i % len(texts)] for i in range(args.posts)]
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for lang, text in DRAFTS.items():
            (d / f"draft-{lang}.md").write_text(f"---\nplatform: x\n---\n{text}\n", "utf-8")
        # Interleaved: each round times the baseline and then each draft, so that the ratios
        # compare runs made moments apart (this machine's speed drifts by 30% over minutes).
        commands = {"base": [py, "-c", "import spacy"]}
        commands |= {lang: [py, "-m", "tonelint", "check", f"draft-{lang}.md"] for lang in DRAFTS}
        for cmd in commands.values():
            once(cmd, d)  # untimed: bytecode written, files in the disk cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(once(cmd, d))
        base = statistics.median(times["base"])
        row("python -c 'import spacy'", base, f"(median of {args.runs})")
        for lang in DRAFTS:
            t = statistics.median(times[lang])
            rounds = zip(times[lang], times["base"], strict=True)
            ratio = statistics.median(x / b for x, b in rounds)
            row(
                f"tonelint check draft-{lang}.md (cold start)",
                t,
                f"{ratio:.2f} x import spacy (median of per-round ratios)",
            )
        posts_dir = d / "posts"
        posts_dir.mkdir()
        for i, p in enumerate(posts):
            (posts_dir / f"{i:05d}.txt").write_text(p, "utf-8")
        t = once([py, "-m", "tonelint", "check", "--platform", "x", "posts"], d)
        row(f"tonelint check posts/ ({len(posts):,} files)", t, f"{len(posts) / t:,.0f} posts/s")

    import tonelint

    linter = tonelint.Linter(tonelint.Settings(platform="x"))
    linter.lint(tonelint.Document(posts[0]))  # warm up: language profiles, a pipeline
    t = time.perf_counter()
    n = sum(len(linter.lint(tonelint.Document(p))) for p in posts)
    el = time.perf_counter() - t
    row(f"library Linter, {len(posts):,} posts", el, f"{len(posts) / el:,.0f} posts/s, {n} diags")


if __name__ == "__main__":
    main()
