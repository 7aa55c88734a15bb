"""SARIF output validates against the official SARIF 2.1.0 schema and carries rule metadata."""

from __future__ import annotations

import json

import jsonschema
from conftest import ROOT, shared, tonelint


def test_sarif_for_examples_validates_against_official_schema() -> None:
    schema = json.loads(shared("data", "sarif", "sarif-schema-2.1.0.json").read_text("utf-8"))
    proc = tonelint("check", "--format", "sarif", "examples/", cwd=ROOT)
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:4] == ["TL001", "TL002", "TL003", "TL101"]
    assert all(r["fullDescription"]["text"] and r["help"]["text"] for r in rules)
    assert run["columnKind"] == "unicodeCodePoints"
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert set(by_rule) == {
        "TL001",
        "TL002",
        "TL101",
        "TL102",
        "TL201",
        "TL202",
        "TL205",
        "TL206",
        "TL301",
        "TL303",
        "TL401",
    }
    over = by_rule["TL301"]
    assert rules[over["ruleIndex"]]["id"] == "TL301"
    loc = over["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "examples/en-launch-x.md"
    assert over["level"] == "error"
    # The fix of TL002 is a SARIF fix with a replacement.
    fix = by_rule["TL002"]["fixes"][0]
    assert fix["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": ""}


def test_sarif_reports_unreadable_files_as_notifications(tmp_path) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(shared("data", "sarif", "sarif-schema-2.1.0.json").read_text("utf-8"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    proc = tonelint(
        "check", "--format", "sarif", str(tmp_path / "bin.txt"), str(tmp_path / "nope.md")
    )
    assert proc.returncode == 2
    log = json.loads(proc.stdout)
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == [
        "binary file (contains NUL bytes); tonelint reads text files",
        "no such file or directory",
    ]
