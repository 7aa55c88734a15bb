"""The CLI end to end: examples, formats, stdin, exit codes, fixes, bad input."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, check_json, codes, tonelint

STALE = "Hello!\r\n<!-- tonelint-disable-next-line TL301 -->\r\nSee you tonight at the park.\r\n"


def test_examples_exact_diagnostics() -> None:
    status, out = check_json("examples/", cwd=ROOT)
    assert status == 1
    got = [(Path(d["path"]).name, d["code"], d["line"], d["column"]) for d in out["diagnostics"]]
    assert got == EXPECTED_EXAMPLES


EXPECTED_EXAMPLES = [
    ("de-newsletter.txt", "TL001", 1, 1),
    ("en-launch-x.md", "TL201", 6, 1),
    ("en-launch-x.md", "TL303", 6, 1),
    ("en-launch-x.md", "TL301", 6, 280),
    ("en-press-release.txt", "TL206", 1, 1),  # brand = ["Acme"] in examples/tonelint.toml
    ("en-press-release.txt", "TL201", 1, 6),
    ("en-press-release.txt", "TL205", 1, 6),
    ("en-press-release.txt", "TL202", 1, 31),
    ("en-press-release.txt", "TL202", 1, 43),
    ("en-press-release.txt", "TL202", 1, 71),
    ("en-press-release.txt", "TL202", 1, 82),
    ("en-stale-suppression.md", "TL002", 4, 1),
    ("fr-reply.md", "TL401", 4, 1),
    ("nl-festival.txt", "TL303", 3, 1),
    ("nl-youth-formal.md", "TL102", 4, 1),
    ("nl-youth-formal.md", "TL101", 6, 14),
    ("nl-youth-formal.md", "TL101", 6, 48),
    ("nl-youth-formal.md", "TL101", 6, 55),
    ("nl-youth-formal.md", "TL102", 8, 1),
]


def test_examples_flag_the_exact_words() -> None:
    _, out = check_json("examples/", cwd=ROOT)
    flagged = {
        (Path(d["path"]).name, d["code"]): (ROOT / d["path"]).read_text("utf-8")[
            d["start"] : d["end"]
        ]
        for d in out["diagnostics"]
    }
    assert flagged[("nl-youth-formal.md", "TL102")] == "Met vriendelijke groet"
    assert flagged[("en-press-release.txt", "TL206")] == "Acme is"
    assert flagged[("fr-reply.md", "TL401")] == "Merci ! 🙏"
    assert (
        flagged[("en-stale-suppression.md", "TL002")] == "<!-- tonelint-disable-next-line TL301 -->"
    )
    # TL301 runs from the first character past X's 280 to the end of the post (line 6); the code
    # block after it is not part of the post.
    line6 = (ROOT / "examples" / "en-launch-x.md").read_text("utf-8").splitlines()[5]
    assert flagged[("en-launch-x.md", "TL301")] == line6[279:]
    assert line6[279:].startswith("load it today at https://") and line6.endswith("think!")


def test_text_format_lines_and_summary() -> None:
    proc = tonelint("check", "examples/", cwd=ROOT)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("examples/de-newsletter.txt:1:1: TL001 ")
    assert lines[-1].startswith("Found 19 problems (1 error, 1 info, 2 suggestions, 15 warnings)")
    assert "1 fixable with --fix." in lines[-1]
    assert "\x1b[" not in proc.stdout  # no colour when piped


def test_colour_when_forced() -> None:
    proc = tonelint("check", "examples/de-newsletter.txt", "--color", "always", cwd=ROOT)
    assert "\x1b[1;34mTL001\x1b[0m" in proc.stdout


def test_github_annotations() -> None:
    proc = tonelint("check", "--format", "github", "examples/en-launch-x.md", cwd=ROOT)
    assert proc.returncode == 1
    line = next(x for x in proc.stdout.splitlines() if "TL301" in x)
    assert line.startswith("::error file=examples/en-launch-x.md,line=6,col=280,endLine=6,")
    assert ",title=TL301 over-platform-limit::TL301 Text is " in line


def test_stdin_and_exit_zero_when_clean() -> None:
    proc = tonelint("check", "-", "--lang", "en", input="See you tonight at the park!")
    assert proc.returncode == 0
    assert proc.stdout.strip() == "No problems found in 1 file."


def test_stdin_with_name_and_platform() -> None:
    status, out = check_json(
        "-",
        "--stdin-filename",
        "draft.md",
        "--platform",
        "x",
        "--select",
        "TL3",
        input="See you at the park. " * 14,
    )
    assert status == 1
    assert [(d["path"], d["code"], d["column"]) for d in out["diagnostics"]] == [
        ("draft.md", "TL301", 281)
    ]


def test_fail_on_threshold() -> None:
    proc = tonelint("check", "examples/de-newsletter.txt", cwd=ROOT)
    assert proc.returncode == 0  # TL001 is info, below the default fail-on (warning)
    proc = tonelint("check", "examples/de-newsletter.txt", "--fail-on", "info", cwd=ROOT)
    assert proc.returncode == 1


def test_usage_error_exit_2() -> None:
    proc = tonelint("check", "examples/", "--format", "xml", cwd=ROOT)
    assert proc.returncode == 2
    assert "xml" in proc.stderr


def test_diff_shows_fix_and_writes_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    draft.write_bytes(STALE.encode())
    proc = tonelint("check", "--diff", "--platform", "x", str(draft))
    assert proc.returncode == 0
    assert "-<!-- tonelint-disable-next-line TL301 -->\r\n" in proc.stdout
    assert draft.read_bytes() == STALE.encode()


def test_fix_writes_atomically_keeping_crlf_and_bom(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    draft.write_bytes(codecs.BOM_UTF8 + STALE.encode())
    draft.chmod(0o640)
    proc = tonelint("check", "--fix", "--platform", "x", str(draft))
    assert proc.returncode == 0, proc.stdout
    assert "Fixed 1 problem." in proc.stdout
    assert draft.read_bytes() == codecs.BOM_UTF8 + b"Hello!\r\nSee you tonight at the park.\r\n"
    assert draft.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["post.txt"]  # no temporary file left
    # Idempotent: a second run changes nothing.
    again = tonelint("check", "--fix", "--platform", "x", str(draft))
    assert "Fixed" not in again.stdout
    assert draft.read_bytes() == codecs.BOM_UTF8 + b"Hello!\r\nSee you tonight at the park.\r\n"


def test_utf16_file_is_fixed_in_utf16(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    draft.write_bytes(codecs.BOM_UTF16_LE + STALE.encode("utf-16-le"))
    tonelint("check", "--fix", "--platform", "x", str(draft))
    expected = "Hello!\r\nSee you tonight at the park.\r\n"
    assert draft.read_bytes() == codecs.BOM_UTF16_LE + expected.encode("utf-16-le")


def test_fix_on_stdin_prints_fixed_text() -> None:
    proc = tonelint("check", "-", "--fix", "--platform", "x", input=STALE)
    assert proc.stdout == "Hello!\r\nSee you tonight at the park.\r\n"


def test_bad_inputs_are_named_and_the_rest_is_linted(tmp_path: Path) -> None:
    (tmp_path / "bad-utf8.txt").write_bytes(b"Caf\xe9 ouvert ce soir, venez nombreux !")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "long.txt").write_text("Hello there! " * 40, "utf-8")
    proc = tonelint(
        "check", "--platform", "x", str(tmp_path), str(tmp_path / "missing.md"), "--lang", "en"
    )
    assert proc.returncode == 2
    out = proc.stdout
    assert f"{tmp_path / 'bad-utf8.txt'}: error: not valid UTF-8 at byte 3" in out
    assert f"{tmp_path / 'binary.txt'}: error: binary file (contains NUL bytes)" in out
    assert f"{tmp_path / 'missing.md'}: error: no such file or directory" in out
    assert f"{tmp_path / 'long.txt'}:1:281: TL301 " in out
    assert "empty.txt" not in out
    assert out.splitlines()[-1].endswith("3 files could not be linted.")


def test_directory_walk_skips_hidden_tool_dirs(tmp_path: Path) -> None:
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "readme.md").write_text("Hello " * 100, "utf-8")
    (tmp_path / "post.md").write_text("Hello " * 100, "utf-8")
    _, out = check_json(str(tmp_path), "--platform", "x", "--lang", "en", "--select", "TL301")
    assert [Path(d["path"]).name for d in out["diagnostics"]] == ["post.md"]
    assert codes(out) == ["TL301"]


def test_output_file_holds_what_stdout_would(tmp_path: Path) -> None:
    examples = str(ROOT / "examples")
    plain = tonelint("check", examples, "--format", "sarif")
    report = tmp_path / "tonelint.sarif"
    report.write_text("an older report\n", "utf-8")
    report.chmod(0o640)
    proc = tonelint("check", examples, "--format", "sarif", "--output-file", str(report))
    assert (proc.returncode, proc.stdout) == (plain.returncode, "")
    assert report.read_text("utf-8") == plain.stdout
    assert report.stat().st_mode & 0o777 == 0o640  # replaced, its mode kept
    assert [p.name for p in tmp_path.iterdir()] == ["tonelint.sarif"]  # no temporary file left
    missing = tmp_path / "no-such-dir" / "report.txt"
    proc = tonelint("check", examples, "-o", str(missing))
    assert proc.returncode == 2
    assert proc.stderr == f"tonelint: cannot write {missing}: No such file or directory\n"


def test_a_bad_flag_is_reported_once_and_nothing_is_written(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("last week's report\n", "utf-8")
    for flags in (["--select", "XX999"], ["--rule-pack", "missing.toml"]):
        proc = tonelint("check", str(ROOT / "examples"), *flags, "-o", str(report), cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert len(proc.stderr.splitlines()) == 1  # once, not once per file
    missing = tmp_path / "missing.toml"
    assert proc.stderr.startswith(f"tonelint: {missing}: error: cannot read rule pack")
    assert report.read_text("utf-8") == "last week's report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_version_is_the_packages() -> None:
    from importlib.metadata import version

    proc = tonelint("--version")
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0,
        f"tonelint {version('tonelint')}\n",
        "",
    )


def test_report_writes_what_check_writes_as_html(tmp_path: Path) -> None:
    """`tonelint report EXPORT --html report.html` (the issue's spelling) is `check --format
    html --output-file`, with check's options passed on."""
    export = ROOT / "tests" / "data" / "wxr" / "blog.xml"
    by_check = tmp_path / "check.html"
    by_report = tmp_path / "report.html"
    checked = tonelint("check", str(export), "--jobs", "2", "--format", "html", "-o", str(by_check))
    reported = tonelint("report", str(export), "--jobs", "2", "--html", str(by_report))
    assert (reported.returncode, reported.stdout, reported.stderr) == (checked.returncode, "", "")
    assert by_report.read_text("utf-8") == by_check.read_text("utf-8")
    assert "TL401" in by_report.read_text("utf-8")
    clash = tonelint("report", str(export), "--html", str(by_report), "--format", "json")
    assert clash.returncode == 2
    assert "--format: report writes its HTML page to --html" in clash.stderr
    missing = tonelint("report", str(export))
    assert missing.returncode == 2
    assert "Missing option '--html'" in missing.stderr


def test_help_names_the_values_of_every_choice() -> None:
    """`check --help` lists what each choice takes (from the same tables the options check
    against, so help and parser cannot drift apart) and shows flags without a value."""
    from tonelint.reporters import FORMATS
    from tonelint.settings import PLATFORMS, SEVERITIES

    out = tonelint("check", "--help", env={"COLUMNS": "200"}).stdout
    lines = {line.split()[1]: line for line in out.splitlines() if line.startswith("│ --")}
    assert f"One of: {', '.join(FORMATS)}." in lines["--format"]
    assert f"One of: {', '.join(PLATFORMS)}." in lines["--platform"]
    assert f"One of: {', '.join(SEVERITIES)}." in lines["--fail-on"]
    assert lines["--fix"].split()[2:5] == ["Apply", "safe", "fixes"]  # no metavar: a flag
    assert "--output-file     -o      FILE" in lines["--output-file"]


def test_a_value_that_is_not_a_choice_is_refused() -> None:
    proc = tonelint("rules", "--format", "xml")
    assert proc.returncode == 2
    assert "'xml' is not one of: text, json" in proc.stderr
    assert proc.stdout == ""


def test_statistics_count_problems_by_rule() -> None:
    """`--statistics`: one line per rule, most often first (then by code), `[*]` where --fix
    can fix some; then the summary line, and the exit code of the run."""
    proc = tonelint("check", "examples/", "--statistics", cwd=ROOT)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "4  TL202  corporate-buzzword",
        "3  TL101  formal-address-young-audience",
        "2  TL102  letter-formula",
        "2  TL201  announcement-opener",
        "2  TL303  long-sentence",
        "1  TL001  unsupported-language",
        "1  TL002  [*] unused-suppression",
        "1  TL205  press-release-density",
        "1  TL206  brand-third-person",
        "1  TL301  over-platform-limit",
        "1  TL401  hollow-reply",
        "Found 19 problems (1 error, 1 info, 2 suggestions, 15 warnings) in 8 files. "
        "1 fixable with --fix. 5 more with --unsafe-fixes.",
    ]
    status, listed = check_json("examples/", cwd=ROOT)
    assert status == 1
    proc = tonelint("check", "examples/", "--statistics", "--format", "json", cwd=ROOT)
    table = json.loads(proc.stdout)
    assert {row["code"]: row["count"] for row in table} == Counter(codes(listed))
    assert [row["code"] for row in table][:2] == ["TL202", "TL101"]
    assert {row["code"]: row["fixable"] for row in table if row["fixable"]} == {"TL002": 1}


def test_statistics_write_text_or_json_only() -> None:
    for flags in (["--format", "sarif"], ["--diff"]):
        proc = tonelint("check", "examples/", "--statistics", *flags, cwd=ROOT)
        assert proc.returncode == 2
        assert "Invalid value for --statistics: counts rules in text or json" in proc.stderr
        assert proc.stdout == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_that_leaves_ends_the_run_quietly(tmp_path: Path, jobs: str) -> None:
    """`tonelint check export.jsonl --format jsonl | head -1`: once the reader has gone, the run
    ends with 141 (128 + SIGPIPE, as `git log | head` ends git) and says nothing; before, it
    reported "internal error (BrokenPipeError ...)". Far more output than a pipe holds."""
    export = tmp_path / "export.jsonl"
    line = '{{"id": "r{}", "text": "We are thrilled to announce our new app!"}}\n'
    export.write_text("".join(line.format(i) for i in range(3000)), "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tonelint", "check", str(export), "--format", "jsonl", "-j", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = json.loads(proc.stdout.readline())
    proc.stdout.close()
    assert proc.wait(timeout=120) == 141
    assert proc.stderr.read() == b""
    assert (first["record"], first["code"]) == ("r0", "TL201")
