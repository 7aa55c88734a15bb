"""Formal-address rules and fixes measured on CoCoA-MT (nl, fr).

    python bench/address_cocoa.py            # needs ../shared/data/cocoa-mt-train

For each language, every formal line and every informal twin is written to its own file and
linted by the real CLI (`tonelint check --audience youth --lang L --select TL1`). Reported:

- flagged formal: share of formal lines with a TL1xx diagnostic, over all 400 lines and over the
  lines that differ from their informal twin (the others contain no address to find);
- flagged informal: share of informal twins with a TL1xx diagnostic (false alarms);
- fix exact: share of differing formal lines whose `--unsafe-fixes` result equals the
  translators' informal line, character for character.

The rules and fixes were developed looking at these same lines (there is no held-out split), so
the figures describe the development set; see the README.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COCOA = ROOT.parent / "shared" / "data" / "cocoa-mt-train"


def pairs(lang: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for domain in ("telephony", "topical_chat"):
        stem = f"formality-control.train.{domain}.en-{lang}"
        formal = (COCOA / f"{stem}.formal.{lang}").read_text("utf-8").splitlines()
        informal = (COCOA / f"{stem}.informal.{lang}").read_text("utf-8").splitlines()
        out += list(zip(formal, informal, strict=True))
    return out


def lint_lines(lines: list[str], lang: str, *extra: str) -> tuple[set[int], list[str]]:
    """Lint each line as its own file; the indices flagged, and the texts after fixing."""
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for i, line in enumerate(lines):
            (d / f"{i:04d}.txt").write_text(line, "utf-8")
        cmd = [
            sys.executable,
            "-m",
            "tonelint",
            "check",
            "--audience",
            "youth",
            "--lang",
            lang,
            "--select",
            "TL1",
            "--format",
            "json",
            *extra,
            str(d),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        flagged = {int(Path(x["path"]).stem) for x in json.loads(proc.stdout)["diagnostics"]}
        texts = [(d / f"{i:04d}.txt").read_text("utf-8") for i in range(len(lines))]
    return flagged, texts


def measure(lang: str) -> dict[str, float]:
    data = pairs(lang)
    formal = [f for f, _ in data]
    informal = [i for _, i in data]
    differ = [k for k, (f, i) in enumerate(data) if f != i]
    hit, _ = lint_lines(formal, lang)
    false, _ = lint_lines(informal, lang)
    _, fixed = lint_lines(formal, lang, "--unsafe-fixes", "--select", "TL101")
    return {
        "lines": len(data),
        "differing": len(differ),
        "flagged_formal_all": len(hit) / len(data),
        "flagged_formal_differing": len(hit & set(differ)) / len(differ),
        "flagged_informal": len(false) / len(data),
        "fix_exact": sum(fixed[k] == informal[k] for k in differ) / len(differ),
    }


def main() -> None:
    for lang in ("nl", "fr"):
        m = measure(lang)
        print(
            f"{lang}: formal lines flagged {m['flagged_formal_all']:.1%} of {m['lines']:.0f}, "
            f"{m['flagged_formal_differing']:.1%} of the {m['differing']:.0f} that differ; "
            f"informal twins flagged {m['flagged_informal']:.1%}; "
            f"fix exact {m['fix_exact']:.1%} of {m['differing']:.0f}"
        )


if __name__ == "__main__":
    main()
