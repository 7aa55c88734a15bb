"""CMS exports: CSV, JSON Lines and JSON arrays; record ids and fields in every output format;
bad records reported by number while the rest of the export is linted."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from conftest import check_json, shared, tonelint

CSV = (
    "id,author,date,title,body,lang\n"
    "p1,anna,2024-03-01,Zomerkamp,Wij zijn verheugd om onze toonaangevende app te presenteren!,\n"
    'p2,bob,2024-03-02,Vraag,"Kunt u ons helpen, alstublieft?",nl\n'
    "p3,carl,2024-03-03,Kort,Leuk!\n"
    'p4,dora,2024-03-04,Tickets,"Tickets zijn er vanaf vrijdag, neem je vrienden mee.",nl\n'
)


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    return path


def test_csv_with_two_text_fields_and_record_ids(tmp_path: Path) -> None:
    export = write(tmp_path, "export.csv", CSV)
    (tmp_path / "tonelint.toml").write_text(
        'audience = "youth"\n[fields]\ntext = ["title", "body"]\n', "utf-8"
    )
    status, out = check_json(str(export), cwd=tmp_path)
    assert status == 2  # record 3 is broken
    got = [(d["record"], d["field"], d["code"], d["line"], d["column"]) for d in out["diagnostics"]]
    assert got == [
        ("p1", "body", "TL201", 1, 1),
        ("p1", "body", "TL202", 1, 27),
        ("p2", "body", "TL101", 1, 1),
        ("p2", "body", "TL101", 1, 20),
    ]
    assert out["diagnostics"][0]["meta"] == {"author": "anna", "date": "2024-03-01"}
    assert out["diagnostics"][0]["record_number"] == 1
    assert out["errors"] == [
        {"path": str(export), "message": "record 3: row on line 4 has 5 fields, the header 6"}
    ]


def test_text_format_names_record_and_field(tmp_path: Path) -> None:
    export = write(tmp_path, "export.csv", CSV)
    proc = tonelint(
        "check", str(export), "--text-field", "body", "--audience", "youth", cwd=tmp_path
    )
    lines = proc.stdout.splitlines()
    assert lines[0] == (
        f"{export}:record p1:body:1:1: TL201 “Wij zijn verheugd” is a press-release opener; "
        "lead with the news."
    )
    assert f"{export}: error: record 3: row on line 4 has 5 fields, the header 6" in lines
    assert lines[-1].endswith("1 record could not be read.")


def test_jsonl_records_own_settings_and_bad_records(tmp_path: Path) -> None:
    export = write(
        tmp_path,
        "export.jsonl",
        '{"id": "a1", "text": "Merci ! 🙏", "kind": "reply"}\n'
        '{"id": "a2", "body": "no text field"}\n'
        '{"id": "a3", "text": 42}\n'
        "not json\n"
        "\n"
        '["a", "list"]\n'
        '{"id": "a5", "text": "Tag a friend who needs a holiday!", "audience": "kids"}\n'
        '{"id": "a6", "text": "Tag a friend who needs a holiday!"}\n'
        '{"id": "a7", "text": "Merci ! 🙏"}\n',
    )
    status, out = check_json(str(export), cwd=tmp_path)
    assert status == 2
    assert [(d["record"], d["code"]) for d in out["diagnostics"]] == [
        ("a1", "TL401"),  # a reply by its own kind field
        ("a6", "TL402"),  # a7 is a post (the default kind): not a hollow reply
    ]
    assert [e["message"] for e in out["errors"]] == [
        "record 2: missing text field 'text'",
        "record 3: field 'text' is a number, expected text",
        "record 4: invalid JSON on line 4: Expecting value",
        "record 6: line 6 is a JSON list, not an object",
        "record 7: audience = 'kids' is not allowed; allowed values: youth, general, professional",
    ]


def test_json_array_and_file_level_errors(tmp_path: Path) -> None:
    good = write(
        tmp_path,
        "posts.json",
        json.dumps([{"id": 7, "text": "RT if you agree!"}, {"id": 8, "text": "Nice weather."}]),
    )
    broken = write(tmp_path, "broken.json", '[{"id": 1, "text": "x"}')
    scalar = write(tmp_path, "scalar.json", '{"id": 1}')
    status, out = check_json(str(good), str(broken), str(scalar), "--lang", "en", cwd=tmp_path)
    assert status == 2
    assert [(d["record"], d["code"]) for d in out["diagnostics"]] == [("7", "TL402")]
    assert out["errors"] == [
        {
            "path": str(broken),
            "message": "invalid JSON at line 1, column 24: Expecting ',' delimiter",
        },
        {"path": str(scalar), "message": "expected a JSON array of objects, found a JSON dict"},
    ]


def test_sarif_has_record_and_field_as_logical_locations(tmp_path: Path) -> None:
    schema = json.loads(shared("data", "sarif", "sarif-schema-2.1.0.json").read_text("utf-8"))
    export = write(tmp_path, "export.csv", CSV)
    proc = tonelint("check", str(export), "--format", "sarif", "--text-field", "body", cwd=tmp_path)
    log = json.loads(proc.stdout)
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
    location = log["runs"][0]["results"][0]["locations"][0]
    assert [x["fullyQualifiedName"] for x in location["logicalLocations"]] == [
        "record p1",
        "record p1.body",
    ]
    assert location["physicalLocation"]["region"]["startColumn"] == 1


def test_input_format_overrides_extension(tmp_path: Path) -> None:
    export = write(tmp_path, "export.txt", '{"id": "x", "text": "RT if you agree!"}\n')
    _, out = check_json(str(export), "--input-format", "jsonl", "--lang", "en", cwd=tmp_path)
    assert [(d["record"], d["code"]) for d in out["diagnostics"]] == [("x", "TL402")]
