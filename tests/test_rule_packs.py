"""Rule packs: house-style rules as data, loaded without running code, and a regular
expression that backtracks without end stopped with a clear error while the run goes on."""

from __future__ import annotations

import json
import time
from pathlib import Path

from conftest import check_json, tonelint

# Written by the tonelint team for these tests.
PACK = """\
[[rule]]
code = "TL901"
name = "no-cheap"
message = "Say “affordable”: “cheap” sounds like poor quality."
phrases = ["cheap", "cheapest"]
replacement = "affordable"
languages = ["en"]

[[rule]]
code = "TL902"
name = "no-exclamation-runs"
regex = '!{2,}'
message = "One exclamation mark is enough."
severity = "suggestion"
"""

SLOW = """\
[[rule]]
code = "TL903"
name = "slow"
regex = '(a|aa)+$'
message = "Catastrophic backtracking."
"""

TEXT = "Our cheapest tickets are here!!! Get the Cheap ones now.\n"


def setup(tmp_path: Path, pack: str = PACK) -> Path:
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "house.toml").write_text(pack, "utf-8")
    (tmp_path / "tonelint.toml").write_text('rule-packs = ["style/house.toml"]\n', "utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(TEXT, "utf-8")
    return draft


def test_pack_rules_from_the_config_give_exact_spans(tmp_path: Path) -> None:
    setup(tmp_path)
    status, out = check_json("draft.md", cwd=tmp_path)
    assert status == 1
    got = [(d["code"], d["start"], d["end"], d["severity"]) for d in out["diagnostics"]]
    assert got == [
        ("TL901", 4, 12, "warning"),
        ("TL902", 29, 32, "suggestion"),
        ("TL901", 41, 46, "warning"),
    ]
    assert [TEXT[s:e] for _, s, e, _ in got] == ["cheapest", "!!!", "Cheap"]


def test_a_pack_replacement_is_an_unsafe_fix(tmp_path: Path) -> None:
    draft = setup(tmp_path)
    assert tonelint("check", "--fix", "draft.md", cwd=tmp_path).returncode == 1
    assert draft.read_text("utf-8") == TEXT  # unsafe: not applied by --fix
    tonelint("check", "--unsafe-fixes", "draft.md", cwd=tmp_path)
    assert draft.read_text("utf-8") == (
        "Our affordable tickets are here!!! Get the affordable ones now.\n"
    )


def test_pack_codes_are_selected_ignored_and_suppressed_like_tonelints(tmp_path: Path) -> None:
    draft = setup(tmp_path)
    _, out = check_json("draft.md", "--ignore", "TL901", cwd=tmp_path)
    assert [d["code"] for d in out["diagnostics"]] == ["TL902"]
    draft.write_text("<!-- tonelint-disable-file TL901 -->\n" + TEXT, "utf-8")
    _, out = check_json("draft.md", cwd=tmp_path)
    assert [d["code"] for d in out["diagnostics"]] == ["TL902"]  # no TL003: the code is known


def test_a_pack_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(PACK, "utf-8")
    (tmp_path / "draft.md").write_text(TEXT, "utf-8")
    _, out = check_json("draft.md", "--rule-pack", "house.toml", cwd=tmp_path)
    assert [d["code"] for d in out["diagnostics"]] == ["TL901", "TL902", "TL901"]


def test_a_catastrophic_regex_is_stopped_and_the_other_files_are_linted(tmp_path: Path) -> None:
    setup(tmp_path, SLOW + PACK.replace("TL901", "TL904"))
    (tmp_path / "slow.md").write_text("a" * 5000 + "b\n", "utf-8")
    start = time.monotonic()
    proc = tonelint("check", "slow.md", "draft.md", "--format", "json", cwd=tmp_path)
    assert time.monotonic() - start < 60  # unbounded, (a|aa)+$ on 5,000 a's never ends
    out = json.loads(proc.stdout)
    assert proc.returncode == 2
    (error,) = out["errors"]
    assert error["path"] == "slow.md"
    assert error["message"].startswith("rule TL903 of the rule pack ")
    assert "house.toml: its regular expression ran for over 0.25 s" in error["message"]
    assert {d["path"] for d in out["diagnostics"]} == {"draft.md"}


def test_a_catastrophic_regex_costs_one_record_of_an_export(tmp_path: Path) -> None:
    setup(tmp_path, SLOW)
    rows = [{"id": "1", "text": "a" * 5000 + "b"}, {"id": "2", "text": "aaa"}]
    (tmp_path / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    status, out = check_json("export.jsonl", cwd=tmp_path)
    assert status == 2
    assert [e["message"].split(":")[0] for e in out["errors"]] == ["record 1"]
    assert [(d["record"], d["code"]) for d in out["diagnostics"]] == [("2", "TL903")]


BAD_PACKS = {
    "not-toml": ("[[rule]\ncode = 1", "invalid TOML"),
    "tl-code": (PACK.replace("TL901", "TL101"), "rule[0]: code 'TL101' is not TL900-TL999"),
    "bad-regex": (PACK.replace("'!{2,}'", "'(unclosed'"), "rule TL902: invalid regular expression"),
    "both": (PACK.replace("regex = ", 'phrases = ["x"]\nregex = '), "give either `phrases`"),
    "unknown-key": (PACK.replace("severity =", "import_module = 'os'\nseverity ="), "unknown key"),
    "twice": (PACK.replace("TL902", "TL901"), "code TL901 is used twice"),
}


def test_a_bad_pack_is_named_with_what_is_wrong_and_other_files_go_on(tmp_path: Path) -> None:
    for name, (content, expected) in BAD_PACKS.items():
        case = tmp_path / name
        case.mkdir()
        setup(case, content)
        sub = case / "sub"
        sub.mkdir()
        (sub / "tonelint.toml").write_text("", "utf-8")
        (sub / "other.md").write_text("Kunt u ons helpen?\n", "utf-8")
        status, out = check_json("draft.md", "sub/other.md", "--audience", "youth", cwd=case)
        assert status == 2, name
        (error,) = out["errors"]
        assert error["path"].endswith("house.toml"), name
        assert expected in error["message"], (name, error["message"])
        assert [d["code"] for d in out["diagnostics"]] == ["TL101"], name


def test_the_text_being_linted_cannot_load_a_pack(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(PACK, "utf-8")
    (tmp_path / "draft.md").write_text("---\nrule-packs: [house.toml]\n---\n" + TEXT, "utf-8")
    status, out = check_json("draft.md", cwd=tmp_path)
    assert (status, out["diagnostics"], out["errors"]) == (0, [], [])


def test_front_matter_is_read_as_data_only(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    draft = tmp_path / "draft.md"
    draft.write_text(
        f"---\nlang: !!python/object/apply:os.system ['touch {marker}']\n---\n{TEXT}", "utf-8"
    )
    status, out = check_json("draft.md", cwd=tmp_path)
    assert status == 2
    assert out["errors"][0]["message"].startswith("malformed YAML front matter")
    assert not marker.exists()
