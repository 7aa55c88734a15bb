"""Reliability: exact offsets for any text, safe fixes, determinism, huge input, and a short
fuzz run (the long one: `python bench/fuzz.py --cases 100000`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from conftest import tonelint as run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tonelint
from tonelint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from tonelint.documents import LineIndex

sys.path.insert(0, str(ROOT / "bench"))
import fuzz

# Pieces the rules react to, and pieces that make offsets hard.
WORDS = [
    "Kunt u",
    "Heeft u",
    "uw",
    "vous",
    "Pouvez-vous",
    "votre",
    "synergy",
    "toonaangevende",
    "We are thrilled to announce",
    "Tag a friend",
    "Leuk!",
    "Merci !",
    "kindly",
    "Geachte heer",
]
HARD = ["👩‍👩‍👧", "🫶🏽", "🇳🇱", "e\u0301", "\u200f", "\u202b", "\t", "\n", "\r\n", "\r", " ", ". "]
TEXTS = st.lists(
    st.sampled_from(WORDS + HARD + ["de", "le", "the", "en", "et", "and"]), min_size=1, max_size=40
).map(" ".join)
LANGS = st.sampled_from(["nl", "fr", "en"])
SETTLE = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def position_back(index: LineIndex, text: str, line: int, column: int) -> int:
    return index.line_start(line) + column - 1


@SETTLE
@given(TEXTS, LANGS)
def test_every_diagnostic_points_at_its_words(text: str, lang: str) -> None:
    diags = tonelint.lint(text, lang=lang, audience="youth", platform="x")
    index = LineIndex(text)
    for d in diags:
        assert 0 <= d.start <= d.end <= len(text)
        flagged = text[d.start : d.end]
        if d.code != "TL001":
            assert flagged and flagged == flagged.strip(), (d, flagged)
        line, column = index.position(d.start)
        assert position_back(index, text, line, column) == d.start
        if d.code.startswith(("TL101", "TL102", "TL103", "TL2")):
            # Lexicon and address words start and end at word edges.
            assert not (d.start and text[d.start - 1].isalnum() and flagged[0].isalnum())
            assert not (d.end < len(text) and text[d.end].isalnum() and flagged[-1].isalnum())


@SETTLE
@given(TEXTS, LANGS)
def test_fixes_are_idempotent_and_touch_only_their_edits(text: str, lang: str) -> None:
    diags = tonelint.lint(text, lang=lang, audience="youth")
    fixed = text
    for _ in range(10):  # as the CLI does: fix until nothing changes
        now = tonelint.apply_fixes(
            fixed, tonelint.lint(fixed, lang=lang, audience="youth"), unsafe=True
        )
        if now == fixed:
            break
        fixed = now
    again = tonelint.apply_fixes(
        fixed, tonelint.lint(fixed, lang=lang, audience="youth"), unsafe=True
    )
    assert again == fixed
    # One pass changes only the text inside the chosen edits.
    one = tonelint.apply_fixes(text, diags, unsafe=True)
    edits = sorted((e for d in diags if d.fix for e in d.fix.edits), key=lambda e: e.start)
    if edits:
        assert one[: edits[0].start] == text[: edits[0].start]
        tail = len(text) - max(e.end for e in edits)
        assert tail == 0 or one[-tail:] == text[-tail:]


def diag(start: int, end: int, replacement: str) -> Diagnostic:
    fix = Fix("test", (Edit(start, end, replacement),), Applicability.SAFE)
    return Diagnostic("TL002", "x", Severity.WARNING, "m", start, end, fix=fix)


@given(
    st.text(min_size=1, max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 10), st.text(max_size=5)), max_size=8),
)
def test_overlapping_fixes_never_corrupt(text: str, raw: list[tuple[int, int, str]]) -> None:
    diags = [diag(min(a, len(text)), min(a + n, len(text)), r) for a, n, r in raw]
    out = tonelint.apply_fixes(text, diags)
    # The result is the text with some non-overlapping subset of the edits applied, each whole.
    chosen, pos, rebuilt = [], 0, ""
    for d in sorted(diags, key=lambda d: (d.start, d.end)):
        assert d.fix is not None
        e = d.fix.edits[0]
        if any((e.start < c.end and c.start < e.end) or e.start == c.start for c in chosen):
            continue
        chosen.append(e)
    for e in sorted(chosen, key=lambda e: e.start):
        rebuilt += text[pos : e.start] + e.replacement
        pos = e.end
    assert out == rebuilt + text[pos:]


def test_output_is_byte_identical_across_runs() -> None:
    for fmt in ("text", "json", "sarif", "github", "html"):
        outs = {
            run(
                "check", "examples/", "--format", fmt, cwd=ROOT, env={"PYTHONHASHSEED": seed}
            ).stdout
            for seed in ("1", "2")
        }
        assert len(outs) == 1, fmt


def test_fifty_megabyte_line_is_refused_clearly_and_others_linted(tmp_path: Path) -> None:
    huge = tmp_path / "dump.txt"
    huge.write_bytes(b"x" * (50 * 1024 * 1024))
    draft = tmp_path / "post.txt"
    draft.write_text("We are thrilled to announce our new app!", "utf-8")
    proc = run("check", str(huge), str(draft), "--lang", "en")
    assert proc.returncode == 2
    assert (
        f"{huge}: error: too long to lint: 52,428,800 characters; tonelint lints texts of up to "
        "1,000,000" in proc.stdout
    )
    assert f"{draft}:1:1: TL201" in proc.stdout


def test_interrupted_fix_leaves_the_original_intact(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    original = b"Hello!\n<!-- tonelint-disable-next-line TL301 -->\nSee you tonight.\n"
    draft.write_bytes(original)
    code = (
        "import os, sys, tonelint.runner as r;"
        "real = os.replace;"
        "os.replace = lambda a, b: (_ for _ in ()).throw(KeyboardInterrupt());"
        "from tonelint.cli import main; sys.argv = ['tonelint', 'check', '--fix', sys.argv[1]];"
        "main()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(draft)],
        capture_output=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode != 0
    assert draft.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["post.txt"]


@pytest.mark.parametrize("target", ["lint", "markdown", "csv", "jsonl", "json", "wxr"])
def test_short_fuzz_run(target: str) -> None:
    fuzz.targets(100)[target]()


def test_pathological_texts_do_not_hang(tmp_path: Path) -> None:
    """Long unspaced CJK, deep brackets, emphasis runs, near-URLs: linting finishes.

    The timeout is a hang detector (minutes), not a speed target: speed lives in bench/.
    """
    texts = {
        "cjk.txt": "故" * 200_000,
        "brackets.md": "[" * 20_000 + "](" * 20_000,
        "stars.md": "*a" * 50_000,
        "near-url.txt": "http://" + "a." * 50_000 + "com",
        "dots.txt": "a." * 100_000,
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "tonelint", "check", "--platform", "x", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "could not be linted" not in proc.stdout


@pytest.mark.parametrize(
    ("name", "copies", "jobs"),
    [("post.txt", 1, 1), ("export.jsonl", 600, 1), ("export.jsonl", 600, 2)],
)
def test_collector_is_back_on_after_start_up(
    tmp_path: Path, name: str, copies: int, jobs: int
) -> None:
    """The CLI switches the garbage collector off while it starts; it is back on, with
    start-up's objects frozen, once the first text (or an export's first batch of 256 records)
    is linted: a run over millions of records must not go on without a collector."""
    target = tmp_path / name
    line = '{"id": 1, "text": "Kunt u ons bellen?"}' if copies > 1 else "Kunt u ons bellen?"
    target.write_text(f"{line}\n" * copies, "utf-8")
    code = (
        "import gc, sys, tonelint.runner as r, tonelint.report as rp\n"
        "class Sink:\n"
        "    def __init__(self): self.on = []\n"
        "    def add(self, result): self.on.append(gc.get_threshold()[0] > 0)\n"
        "sink = Sink()\n"
        "r.defer_collection()\n"
        "options = r.Options(jobs=int(sys.argv[2]))\n"
        "r.run([sys.argv[1]], options, report=rp.Report(sink=sink))\n"
        "print(sink.on.count(False), sink.on.count(True), gc.get_threshold() == (700, 10, 10),\n"
        "      gc.get_freeze_count() > 0)\n"
    )
    off = 1 if copies == 1 else 256 if jobs == 1 else 0  # with a pool: on before forking
    assert _python(code, str(target), str(jobs)) == [str(off), str(copies - off), "True", "True"]


def _python(code: str, *args: str) -> list[str]:
    """The words ``code`` prints, run in a fresh interpreter (start-up is what is tested)."""
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return proc.stdout.split()


def test_cli_starts_without_spacys_command_line(tmp_path: Path) -> None:
    """`tonelint check` imports spaCy without spaCy's own CLI (weasel, requests, httpx: a third
    of spaCy's import); the message and exit code are those of a normal run."""
    draft = tmp_path / "post.txt"
    draft.write_text("Geachte heer Bakker, kunt u ons bellen?\n", "utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "tonelint",
            "check",
            str(draft),
            "--audience",
            "youth",
        ],
        capture_output=True,
        text=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    assert "spacy.language" in imported  # spaCy itself was imported
    assert not {"weasel", "requests", "spacy.cli.download"} & imported
    assert proc.returncode == 1
    assert f"{draft}:1:1: TL102" in proc.stdout


def test_spacy_cli_is_whole_after_tonelint_loaded_a_pipeline() -> None:
    """The stand-ins for `spacy.cli` last only while spaCy is imported: afterwards
    `import spacy.cli` and `spacy.info()` give spaCy's own."""
    code = (
        "import sys, tonelint.pipelines as p\n"
        "p.defer_spacy_cli()\n"
        "p.pipeline('fr')\n"
        "print('weasel' in sys.modules)\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.setup_cli), spacy.info()['spacy_version'] == spacy.__version__)\n"
    )
    assert _python(code) == ["False", "True", "True"]


def test_a_spacy_that_needs_its_command_line_at_import_is_imported_whole() -> None:
    """Should a spaCy release import more of `spacy.cli` than `info` at import, the stand-ins
    fail it and the CLI imports spaCy as usual. Simulated with a stand-in that lacks `info`."""
    code = (
        "import sys, tonelint.pipelines as p\n"
        "p._SpacyCliStandIn.exec_module = lambda self, module: None\n"
        "p.defer_spacy_cli()\n"
        "p.pipeline('en')\n"
        "import spacy\n"
        "print('weasel' in sys.modules, spacy.info.__module__, spacy.cli.__file__ is not None)\n"
    )
    assert _python(code) == ["True", "spacy.cli.info", "True"]
