"""CMS exports: CSV, JSON Lines and JSON arrays; record ids and fields in every output format;
bad records reported by number while the rest of the export is linted."""

from __future__ import annotations

import codecs
import gzip
import json
import tracemalloc
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, check_json, shared, tonelint

from tonelint.sources import html
from tonelint.sources.records import records

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


def test_every_field_can_be_mapped_on_the_command_line(tmp_path: Path) -> None:
    export = write(
        tmp_path,
        "export.csv",
        "post_id,byline,published,taal,lezers,soort,kop,tekst\n"
        "n1,anna,2024-03-01,nl,youth,post,Zomerkamp,Kunt u ons helpen?\n"
        "n2,bob,2024-03-02,en,general,reply,Re: tickets,Thanks!\n",
    )
    mapping = [
        *("--field", "text=kop", "--field", "text=tekst", "--field", "id=post_id"),
        *("--field", "author=byline", "--field", "date=published", "--field", "lang=taal"),
        *("--field", "audience=lezers", "--field", "kind=soort"),
    ]
    _, out = check_json(str(export), *mapping, cwd=tmp_path)
    got = [(d["record"], d["field"], d["code"], d["lang"], d["meta"]) for d in out["diagnostics"]]
    assert got == [
        ("n1", "tekst", "TL101", "nl", {"author": "anna", "date": "2024-03-01"}),  # audience
        ("n2", "tekst", "TL401", "en", {"author": "bob", "date": "2024-03-02"}),  # kind = reply
    ]
    proc = tonelint("check", str(export), "--field", "autor=byline", cwd=tmp_path)
    assert proc.returncode == 2
    assert (
        "'autor' is not one of: text, id, lang, audience, platform, kind, author, date, reply-to"
    ) in (" ".join(proc.stderr.replace("│", " ").split()))
    proc = tonelint("check", str(export), "--field", "id=post_id", "--id-field", "x", cwd=tmp_path)
    assert proc.returncode == 2
    assert "the id field is given twice" in proc.stderr


def test_csv_delimiter_is_read_from_the_header(tmp_path: Path) -> None:
    # Excel in a Dutch or French locale separates with semicolons (and writes a BOM and CRLF).
    dutch_excel = tmp_path / "excel.csv"
    dutch_excel.write_bytes(
        "\ufeffid;text;author\r\n"
        'n1;"Kunt u ons helpen; alstublieft?";anna\r\n'
        "n2;Tickets vanaf vrijdag, neem je vrienden mee.;bob\r\n".encode()
    )
    tabs = write(tmp_path, "tabs.csv", "id\ttext\nt1\tKunt u ons helpen?\n")
    # Semicolons in the texts of a comma-separated export are text.
    commas = write(tmp_path, "commas.csv", 'id,text\nc1,"Kunt u; of jij?"\nc2,Leuk; toch\n')
    status, out = check_json(
        str(dutch_excel),
        str(tabs),
        str(commas),
        "--lang",
        "nl",
        "--audience",
        "youth",
        cwd=tmp_path,
    )
    assert status == 1
    got = [(d["record"], d["code"], d["column"], d["meta"]) for d in out["diagnostics"]]
    assert got == [
        ("n1", "TL101", 1, {"author": "anna"}),
        ("n1", "TL101", 20, {"author": "anna"}),
        ("t1", "TL101", 1, {}),
        ("c1", "TL101", 1, {}),
        ("c1", "TL104", 12, {}),  # "jij" after "u": address mixed
    ]


def test_a_csv_header_naming_a_field_twice_is_refused(tmp_path: Path) -> None:
    """Two `text` columns: which one to lint cannot be told, and a dict keeps the last one
    silently. Repeated names of columns tonelint does not read are fine."""
    export = write(
        tmp_path,
        "export.csv",
        "id,text,text,tags,tags\nr1,Leuk!,We are thrilled to announce it!,nieuws,app\n",
    )
    status, out = check_json(str(export))
    assert status == 2
    assert out["errors"] == [
        {
            "path": str(export),
            "message": "the CSV header names 'text' twice (columns 2 and 3); "
            "tonelint cannot tell which to read",
        }
    ]
    assert out["diagnostics"] == []
    renamed = write(
        tmp_path,
        "renamed.csv",
        "id,reply,text,tags,tags\nr1,Leuk!,We are thrilled to announce it!,a,b\n",
    )
    status, out = check_json(str(renamed))
    assert [(d["record"], d["code"]) for d in out["diagnostics"]] == [("r1", "TL201")]
    assert out["errors"] == []


def test_nested_fields_and_html_of_a_wordpress_rest_export(tmp_path: Path) -> None:
    # The shape of WordPress's REST API (/wp-json/wp/v2/posts): text under content.rendered,
    # as HTML with Gutenberg block comments; author and date nested too in an X archive.
    posts = [
        {
            "id": 12,
            "date": "2024-03-01T10:00:00",
            "title": {"rendered": "Zomerkamp"},
            "content": {
                "rendered": '<!-- wp:paragraph --><p class="has-text">Kunt u ons helpen, '
                '<a href="https://example.org/hulp">alstublieft</a>?</p><!-- /wp:paragraph -->'
            },
        },
        {"id": 13, "title": {"rendered": "Leuk!"}, "content": {"protected": True}},
        {"id": 14, "title": {"rendered": "I <3 jullie, a < b > c"}, "content": {"rendered": 5}},
    ]
    export = write(tmp_path, "posts.json", json.dumps(posts))
    fields = ("--field", "text=title.rendered", "--field", "text=content.rendered")
    status, out = check_json(str(export), *fields, "--audience", "youth", cwd=tmp_path)
    assert status == 2
    text = posts[0]["content"]["rendered"]  # type: ignore[index]
    got = [(d["record"], d["field"], d["code"], d["start"], d["end"]) for d in out["diagnostics"]]
    assert got == [
        ("12", "content.rendered", "TL101", text.index("Kunt u"), text.index(" ons")),
        ("12", "content.rendered", "TL101", text.index("alstublieft"), text.index("</a>")),
    ]
    assert [e["message"] for e in out["errors"]] == [
        "record 3: field 'content.rendered' is a number, expected text"
    ]
    # Tags as CommonMark defines raw HTML: a heart or a comparison stays text.
    text = "I <3 jullie, a < b > c<br/>"
    assert [(e.span.start, e.span.end) for e in html.regions(text)] == [(22, 27)]


def test_csv_header_over_the_field_limit_is_named(tmp_path: Path) -> None:
    export = write(tmp_path, "huge.csv", 'text,"' + "x" * (17 * 1024 * 1024) + '"\nhoi,\n')
    status, out = check_json(str(export), cwd=tmp_path)
    assert status == 2
    assert out["errors"] == [
        {
            "path": str(export),
            "message": "malformed CSV header: field larger than field limit (16777216)",
        }
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


def test_an_export_on_standard_input_is_read_as_records(tmp_path: Path) -> None:
    """`tonelint check - --stdin-filename export.csv`: the records of a CSV export piped in,
    named as the file, under the config found for that name (here its field mapping and
    audience), and not the export's lines read as one text."""
    (tmp_path / "tonelint.toml").write_text(
        'audience = "youth"\n[fields]\ntext = ["title", "body"]\n', "utf-8"
    )
    export = write(tmp_path, "export.csv", CSV)
    status, from_file = check_json(str(export), cwd=tmp_path)
    piped_status, piped = check_json("-", "--stdin-filename", str(export), input=CSV, cwd=tmp_path)
    assert (piped_status, piped) == (status, from_file)
    assert [d["record"] for d in piped["diagnostics"]] == ["p1", "p1", "p2", "p2"]
    proc = tonelint("check", "-", "--stdin-filename", "posts.csv", input=CSV, cwd=tmp_path)
    assert proc.stdout.splitlines()[0] == (
        "posts.csv:record p1:body:1:1: TL201 “Wij zijn verheugd” is a press-release opener; "
        "lead with the news."
    )
    assert "posts.csv: error: record 3: row on line 4 has 5 fields, the header 6" in proc.stdout


def test_input_format_reads_standard_input_as_an_export(tmp_path: Path) -> None:
    """Without a file name, `--input-format` says it is an export; errors name it `-`."""
    lines = '{"id": "a", "text": "We are thrilled to announce our new app!"}\n{"id": "b"}\n'
    status, out = check_json("-", "--input-format", "jsonl", input=lines, cwd=tmp_path)
    assert status == 2
    assert [(d["record"], d["code"], d["start"]) for d in out["diagnostics"]] == [("a", "TL201", 0)]
    assert out["errors"] == [{"path": "-", "message": "record 2: missing text field 'text'"}]


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
        "record 6: line 6 is an array, not an object",
        "record 7: audience = 'kids' is not allowed; allowed values: youth, general, professional",
    ]


def test_an_id_author_or_date_of_the_wrong_type_is_a_bad_record(tmp_path: Path) -> None:
    """A number is a fine id (WordPress's are) and null is no value; an object, an array or a
    boolean is reported, not silently replaced by the record's number (MongoDB's extended JSON
    writes a date as {"$date": ...}: `--field date=date.$date` reads it)."""
    opener = "We are thrilled to announce our app!"
    export = write(
        tmp_path,
        "export.jsonl",
        "".join(
            json.dumps({"text": opener, **fields}) + "\n"
            for fields in (
                {"id": 101, "date": 1714556400.5, "author": None},
                {"id": True},
                {"id": [1]},
                {"id": "d", "date": {"$date": "2024-05-01"}},
                {"id": "e", "author": {"name": "anna"}},
            )
        ),
    )
    status, out = check_json(str(export))
    assert status == 2
    assert [(d["record"], d["meta"]) for d in out["diagnostics"]] == [
        ("101", {"date": "1714556400.5"})
    ]
    assert [e["message"] for e in out["errors"]] == [
        "record 2: field 'id' is a boolean, expected text or a number",
        "record 3: field 'id' is an array, expected text or a number",
        "record 4: field 'date' is an object, expected text or a number",
        "record 5: field 'author' is an object, expected text or a number",
    ]
    status, out = check_json(str(export), "--field", "date=date.$date", "--select", "TL201")
    assert out["diagnostics"][1]["meta"] == {"date": "2024-05-01"}


def test_json_array_and_file_level_errors(tmp_path: Path) -> None:
    good = write(
        tmp_path,
        "posts.json",
        json.dumps([{"id": 7, "text": "RT if you agree!"}, {"id": 8, "text": "Nice weather."}]),
    )
    # Streamed: the records before the break are linted, then the break is reported.
    broken = write(tmp_path, "broken.json", '[{"id": 1, "text": "Tag a friend!"}')
    scalar = write(tmp_path, "scalar.json", '{"id": 1}')
    status, out = check_json(str(good), str(broken), str(scalar), "--lang", "en", cwd=tmp_path)
    assert status == 2
    assert [(d["record"], d["code"]) for d in out["diagnostics"]] == [
        ("7", "TL402"),
        ("1", "TL402"),
    ]
    assert out["errors"] == [
        {"path": str(broken), "message": "invalid JSON after record 1: parse error: premature EOF"},
        {"path": str(scalar), "message": "expected a JSON array of objects, found a JSON object"},
    ]


def test_json_array_is_read_as_a_stream_up_to_a_break(tmp_path: Path) -> None:
    """Records before a syntax error are linted and bad elements named by number, as in JSON
    Lines; what the file holds when it is not an array is named."""
    export = write(
        tmp_path,
        "export.json",
        "\ufeff[\n"  # a byte order mark, as Windows tools write it
        '  {"id": "a", "text": "RT if you agree!"},\n'
        '  {"id": "b", "text": 5},\n'
        "  [1, 2],\n"
        + '{"meta": ' * 101  # a record nested too deep is refused, and the reading goes on
        + "1"
        + "}" * 101
        + ',\n  {"id": "d", "text": "Tag a friend!", "meta": {"tags": [{"name": "zomer"}]}}\n'
        '  {"id": "e", "text": "Tag a friend!"}\n'
        "]\n",
    )
    empty = write(tmp_path, "empty.json", " \n")
    text = write(tmp_path, "text.json", "posts: none")
    number = write(tmp_path, "number.json", "-1")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('[{"id": "x", "text": "café"}]'.encode("latin-1"))
    files = (export, empty, text, number, latin1)
    status, out = check_json(*map(str, files), "--lang", "en", cwd=tmp_path)
    assert status == 2
    assert [(d["record"], d["code"], d["line"], d["column"]) for d in out["diagnostics"]] == [
        ("a", "TL402", 1, 1),
        ("d", "TL402", 1, 1),
    ]
    reason = "parse error: after array element, I expect ',' or ']'"
    assert [(e["path"], e["message"]) for e in out["errors"]] == [
        (str(export), "record 2: field 'text' is a number, expected text"),
        (str(export), "record 3: is an array, not an object"),
        (str(export), "record 4: nests deeper than 100 levels"),
        (str(export), f"invalid JSON after record 5: {reason}"),
        (str(empty), "expected a JSON array of objects, found an empty file"),
        (str(text), "expected a JSON array of objects, found no JSON value"),
        (str(number), "expected a JSON array of objects, found a JSON number"),
        (str(latin1), "not valid UTF-8 in the first record (save the export as UTF-8)"),
    ]


def test_a_json_array_read_as_json_lines_gets_a_hint(tmp_path: Path) -> None:
    export = write(tmp_path, "export.jsonl", '[{"id": 1, "text": "RT if you agree!"}]\n')
    status, out = check_json(str(export), "--lang", "en", cwd=tmp_path)
    assert status == 2
    assert [e["message"] for e in out["errors"]] == [
        "record 1: line 1 is an array, not an object "
        "(for a JSON array of records, use --input-format json)"
    ]
    _, out = check_json(str(export), "--lang", "en", "--input-format", "json", cwd=tmp_path)
    assert [(d["record"], d["code"]) for d in out["diagnostics"]] == [("1", "TL402")]


def test_a_json_array_is_not_held_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[")
        for n in range(1, 40_001):
            post = {"id": f"p{n}", "author": "anna", "text": f"Bericht {n}: tot zaterdag!"}
            fh.write(("," if n > 1 else "") + json.dumps(post) + "\n")
        fh.write("]")
    next(iter(records(path, "json")))  # imports done before memory is traced
    tracemalloc.start()
    try:
        count = 0
        last: object = None
        for record in records(path, "json"):
            count, last = count + 1, record
        _, streaming_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        json.loads(path.read_text("utf-8"))
        _, whole_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 40_000
    assert last == (
        40_000,
        {"id": "p40000", "author": "anna", "text": "Bericht 40000: tot zaterdag!"},
    )
    # Read whole, the file takes 18 MB; streamed, under 1 MB (0.5 MB measured).
    assert whole_peak > 15_000_000
    assert streaming_peak < 1_000_000


def test_a_json_array_of_brackets_cannot_exhaust_memory(tmp_path: Path) -> None:
    # 35 kB of nested objects: built with a path string per level (as ijson's `items` does),
    # they take 26 MB (measured; quadratic in the depth); refused at depth 100, almost nothing.
    path = tmp_path / "bomb.json"
    path.write_text("[" + '{"a": ' * 5_000 + "1" + "}" * 5_000 + ', {"text": "Hoi"}]', "utf-8")
    next(iter(records(path, "json")))  # imports done before memory is traced
    tracemalloc.start()
    try:
        found = list(records(path, "json"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [getattr(r, "message", r) for r in found] == [
        "record 1: nests deeper than 100 levels",
        (2, {"text": "Hoi"}),
    ]
    assert peak < 1_000_000


def test_fixes_are_not_offered_for_an_export_nor_written_into_it(tmp_path: Path) -> None:
    """An export is the CMS's data, not a draft: no "[*]" and no "fixable with --fix" for its
    records, --fix leaves it as it is and says so, and --diff shows nothing for it."""
    content = (
        '{"id": "s1", "text": "<!-- tonelint-disable-next-line TL301 -->\\nSee you at the park."}\n'
        '{"id": "s2", "lang": "nl", "audience": "youth", "text": "Kunt u ons helpen?"}\n'
    )
    export = write(tmp_path, "export.jsonl", content)
    proc = tonelint("check", str(export))
    assert proc.stdout.splitlines() == [
        f"{export}:record s1:text:1:1: TL002 <!-- tonelint-disable-next-line TL301 --> "
        "suppressed nothing.",
        f"{export}:record s2:text:1:1: TL101 “Kunt u” is formal address; to a young reader "
        "write “Kun je”.",
        "Found 2 problems (2 warnings) in 2 record fields.",
    ]
    proc = tonelint("check", str(export), "--statistics")
    assert proc.stdout.splitlines() == [
        "1  TL002  unused-suppression",  # no [*]
        "1  TL101  formal-address-young-audience",
        "Found 2 problems (2 warnings) in 2 record fields.",
    ]
    notice = (
        "tonelint: fixes are not written into CMS exports; --format json gives each record's "
        "fixes as edits\n"
    )
    for flags in (["--fix", "--unsafe-fixes"], ["--diff"]):
        proc = tonelint("check", str(export), *flags)
        assert proc.returncode == 1
        assert proc.stderr == notice
        assert export.read_text("utf-8") == content
    assert proc.stdout == ""  # --diff: nothing to show
    status, out = check_json(str(export))
    assert status == 1
    assert [d["fix"]["applicability"] for d in out["diagnostics"]] == ["safe", "unsafe"]


def test_json_lines_give_json_output_diagnostics_a_line_each(tmp_path: Path) -> None:
    """`--format jsonl`: one object per line, each the JSON output's diagnostic (record and
    field included), in the same order, on any number of jobs; errors on standard error."""
    export = write(tmp_path, "export.csv", CSV)
    (tmp_path / "tonelint.toml").write_text('audience = "youth"\n', "utf-8")
    status, expected = check_json(str(export), "--text-field", "body", cwd=tmp_path)
    for jobs in ("1", "2"):
        proc = tonelint(
            "check",
            str(export),
            "--format",
            "jsonl",
            "--text-field",
            "body",
            "--jobs",
            jobs,
            cwd=tmp_path,
        )
        assert proc.returncode == status == 2
        assert [json.loads(line) for line in proc.stdout.splitlines()] == expected["diagnostics"]
        assert (
            proc.stderr == f"{export}: error: record 3: row on line 4 has 5 fields, the header 6\n"
        )
    assert [d["record"] for d in expected["diagnostics"]] == ["p1", "p1", "p2", "p2"]


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


def _json_array(posts: list[dict[str, str]]) -> str:
    return "[\n" + ",\n".join(json.dumps(p, ensure_ascii=False) for p in posts) + "\n]\n"


# Written for these tests (tonelint's own text): an export of each format.
GZIP_POSTS = [
    "Wij zijn verheugd om onze toonaangevende app te presenteren!",
    "Nous sommes ravis de vous présenter nos solutions innovantes.",
    "Tickets are on sale from Friday: bring your friends.",
]
EXPORTS = {
    "export.csv": CSV,
    "export.jsonl": "".join(
        json.dumps({"id": f"j{i}", "text": text}, ensure_ascii=False) + "\n"
        for i, text in enumerate(GZIP_POSTS)
    ),
    "export.json": _json_array(
        [{"id": f"a{i}", "text": text} for i, text in enumerate(GZIP_POSTS)]
    ),
    "blog.xml": (ROOT / "tests" / "data" / "wxr" / "blog.xml").read_text("utf-8"),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_gzip_compressed_export_reads_as_the_export(tmp_path: Path, name: str) -> None:
    """`export.jsonl.gz` and the like: decompressed as read, the format from the name without
    `.gz`; the same diagnostics and errors as the export itself, piped in too."""
    plain = write(tmp_path, name, EXPORTS[name])
    packed = tmp_path / f"{name}.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
    status, expected = check_json(str(plain), "--text-field", "body", "--text-field", "text")
    assert expected["diagnostics"], "the export must have something to find"
    for args, data in (([str(packed)], None), (["-", "--stdin-filename", str(packed)], packed)):
        got_status, got = check_json(
            *args,
            "--text-field",
            "body",
            "--text-field",
            "text",
            input=data.read_bytes() if data else None,
        )
        assert got_status == status
        assert json.dumps(got).replace(str(packed), str(plain)) == json.dumps(expected)


def test_a_gzip_export_cut_short_is_linted_up_to_the_cut(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"r{i}", "text": f"We are thrilled to announce event {i}!"})
        for i in range(2_000)
    ]
    data = gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0)
    export = tmp_path / "export.jsonl.gz"
    export.write_bytes(data[: len(data) // 2])
    status, out = check_json(str(export), "--select", "TL201")
    assert status == 2
    assert out["errors"] == [
        {"path": str(export), "message": "the gzip data ends early: the file is cut short"}
    ]
    records_read = [d["record"] for d in out["diagnostics"]]
    assert 100 < len(records_read) < 2_000
    assert records_read == [f"r{i}" for i in range(len(records_read))]
    damaged = tmp_path / "damaged.jsonl.gz"
    damaged.write_bytes(data[:2] + b"\x00" * 20)
    status, out = check_json(str(damaged))
    assert status == 2
    assert out["errors"] == [
        {"path": str(damaged), "message": "damaged gzip data (Unknown compression method)"}
    ]


@pytest.mark.parametrize(
    ("name", "codec"),
    [
        (name, codec)
        for name in sorted(EXPORTS)
        for codec in ("utf-16-le", "utf-16-be", "utf-32-le")
        if not (name.endswith(".xml") and codec == "utf-32-le")  # expat reads no UTF-32
    ],
)
def test_an_export_in_utf16_or_utf32_reads_as_in_utf8(
    tmp_path: Path, name: str, codec: str
) -> None:
    """Windows PowerShell's `>` writes UTF-16 with a byte order mark: such an export gives the
    diagnostics of the same export in UTF-8, offsets in characters as ever. XML says its own
    encoding, and is read in the UTF-16 it declares."""
    content = EXPORTS[name]
    plain = write(tmp_path, name, content)
    if name.endswith(".xml"):
        content = content.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    wide = tmp_path / "wide" / name
    wide.parent.mkdir()
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    wide.write_bytes(bom.get(codec, codecs.BOM_UTF32_LE) + content.encode(codec))
    fields = ("--text-field", "body", "--text-field", "text")
    status, expected = check_json(str(plain), *fields)
    assert expected["diagnostics"], "the export must have something to find"
    got_status, got = check_json(str(wide), *fields)
    assert got_status == status
    assert json.dumps(got).replace(str(wide), str(plain)) == json.dumps(expected)


def test_xml_in_utf32_is_refused_by_name(tmp_path: Path) -> None:
    """expat, the XML parser, reads no UTF-32: said so, not "not well-formed (invalid token)"."""
    content = EXPORTS["blog.xml"].replace('encoding="UTF-8"', 'encoding="UTF-32"', 1)
    export = tmp_path / "blog.xml"
    export.write_bytes(codecs.BOM_UTF32_LE + content.encode("utf-32-le"))
    status, out = check_json(str(export))
    assert status == 2
    assert out["errors"] == [
        {"path": str(export), "message": "XML in UTF-32 cannot be read; save it as UTF-8 or UTF-16"}
    ]


def _bad_byte_export(fmt: str) -> tuple[bytes, int]:
    """3,000 records in UTF-8, with a byte that is no UTF-8 in record 2,001 (well past the
    first block the reader decodes); and that byte's offset."""
    if fmt == "csv":
        rows = [b"id,text\n"] + [
            f"r{i},We are thrilled to announce {i}!\n".encode() for i in range(3000)
        ]
    else:
        rows = [
            json.dumps({"id": f"r{i}", "text": f"We are thrilled to announce {i}!"}).encode()
            + b"\n"
            for i in range(3000)
        ]
    data = b"".join(rows)
    at = data.index(b"announce 2000!") + len("announce ")
    return data[:at] + b"\xff" + data[at + 1 :], at


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_bytes_that_are_not_utf8_are_named_by_their_offset_in_the_file(
    tmp_path: Path, fmt: str
) -> None:
    """The offset is the file's (not the block's the reader was decoding), gzip-compressed too
    (then of the decompressed data, as `zcat` shows it); the records before are linted."""
    data, at = _bad_byte_export(fmt)
    export = tmp_path / f"export.{fmt}"
    export.write_bytes(data)
    packed = tmp_path / f"export.{fmt}.gz"
    packed.write_bytes(gzip.compress(data, mtime=0))
    for path in (export, packed):
        status, out = check_json(str(path), "--select", "TL201")
        assert status == 2
        assert out["errors"] == [
            {
                "path": str(path),
                "message": f"not valid UTF-8 at byte {at} (save the export as UTF-8)",
            }
        ]
        records_read = [d["record"] for d in out["diagnostics"]]
        assert 1500 < len(records_read) < 2000  # up to the block the byte is in
        assert records_read == [f"r{i}" for i in range(len(records_read))]
    # A pipe cannot say how far it has been read: no offset then.
    status, out = check_json("-", "--stdin-filename", str(export), input=data)
    assert out["errors"] == [
        {"path": str(export), "message": "not valid UTF-8 (save the export as UTF-8)"}
    ]


def test_bytes_that_are_not_utf16_are_named_by_their_offset_in_the_file(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": "Leuk!"}) + "\n" for i in range(2000)]
    data = codecs.BOM_UTF16_LE + "".join(lines).encode("utf-16-le")
    at = len(codecs.BOM_UTF16_LE) + len("".join(lines[:1500]).encode("utf-16-le"))
    export = tmp_path / "export.jsonl"
    export.write_bytes(data[:at] + "\ud800".encode("utf-16-le", "surrogatepass") + data[at:])
    status, out = check_json(str(export), "--kind", "reply")
    assert status == 2
    assert out["errors"] == [{"path": str(export), "message": f"not valid UTF-16-LE at byte {at}"}]
    records_read = [d["record"] for d in out["diagnostics"]]
    assert 1000 < len(records_read) <= 1500
    assert records_read == [f"r{i}" for i in range(len(records_read))]


def test_an_export_is_not_read_as_one_text() -> None:
    from tonelint import sources

    with pytest.raises(ValueError, match="a jsonl export is records, not one text"):
        sources.from_string('{"text": "Leuk!"}\n', "export.jsonl", "jsonl")


X_ARCHIVE = ROOT / "tests" / "data" / "x-archive" / "tweets.js"
X_FIELDS = ("--text-field", "tweet.full_text", "--id-field", "tweet.id_str")


def test_an_x_archive_is_read_as_the_array_it_assigns() -> None:
    """data/tweets.js of an X archive (`window.YTD.tweets.part0 = [...]`), by its extension:
    each tweet a record, its text, id and date from nested fields."""
    status, out = check_json(str(X_ARCHIVE), *X_FIELDS, "--field", "date=tweet.created_at")
    assert status == 1
    got = [(d["record"], d["code"], d["start"], d["end"]) for d in out["diagnostics"]]
    assert got == [
        ("1790000000000000001", "TL201", 0, 27),
        ("1790000000000000003", "TL201", 0, 17),
        ("1790000000000000003", "TL202", 26, 40),
    ]
    assert {d["field"] for d in out["diagnostics"]} == {"tweet.full_text"}
    assert out["diagnostics"][0]["meta"] == {"date": "Wed May 01 09:12:44 +0000 2024"}
    assert out["summary"]["files"] == 5  # five tweets


def test_a_reply_to_field_makes_a_record_a_reply() -> None:
    """An X archive marks a reply by the id of the tweet it answers: with that field mapped,
    the two hollow replies of the archive are judged as replies (TL401); the other tweets,
    without it, stay posts."""
    status, out = check_json(
        str(X_ARCHIVE), *X_FIELDS, "--field", "reply-to=tweet.in_reply_to_status_id_str"
    )
    assert status == 1
    got = [(d["record"], d["code"]) for d in out["diagnostics"]]
    assert got == [
        ("1790000000000000001", "TL201"),
        ("1790000000000000002", "TL401"),  # "Thanks for sharing!"
        ("1790000000000000003", "TL201"),
        ("1790000000000000003", "TL202"),
        ("1790000000000000004", "TL401"),  # "Merci ! 🙏"
    ]


def test_a_records_own_kind_wins_over_its_reply_to_field(tmp_path: Path) -> None:
    export = write(
        tmp_path,
        "export.jsonl",
        '{"id": "a", "text": "Leuk!", "parent_id": "p9"}\n'
        '{"id": "b", "text": "Leuk!", "parent_id": "p9", "kind": "post"}\n'
        '{"id": "c", "text": "Leuk!", "parent_id": null}\n'
        '{"id": "d", "text": "Leuk!", "parent_id": ""}\n',
    )
    (tmp_path / "tonelint.toml").write_text('[fields]\nreply-to = "parent_id"\n', "utf-8")
    status, out = check_json(str(export), "--lang", "nl", cwd=tmp_path)
    assert status == 1
    assert [(d["record"], d["code"]) for d in out["diagnostics"]] == [("a", "TL401")]


def test_a_javascript_file_that_is_no_archive_is_named(tmp_path: Path) -> None:
    script = write(tmp_path, "app.js", 'console.log("Leuk!");\n')
    status, out = check_json(str(script))
    assert status == 2
    assert out["errors"] == [
        {"path": str(script), "message": "expected a JSON array of objects, found no JSON value"}
    ]


def test_an_export_on_a_standard_input_with_no_file_behind_it() -> None:
    """Standard input replaced by a stream with no file descriptor, as typer's CliRunner (and
    so a developer's own tests of a tool built on tonelint) gives it: read all the same."""
    from typer.testing import CliRunner

    from tonelint.cli import app

    lines = '{"id": "a", "text": "We are thrilled to announce our new app!"}\n'
    result = CliRunner().invoke(app, ["check", "-", "--stdin-filename", "x.jsonl"], input=lines)
    assert result.output.splitlines()[0] == (
        "x.jsonl:record a:text:1:1: TL201 “We are thrilled to announce” is a press-release "
        "opener; lead with the news."
    )
    assert result.exit_code == 1
