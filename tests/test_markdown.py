"""Markdown: code, HTML, link targets and front matter are not linted; offsets stay exact."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check_json, codes
from conftest import tonelint as run
from hypothesis import given, settings
from hypothesis import strategies as st

import tonelint

POST = "Our festival app is out today! Plan your weekend with friends 🎉"
CODE_LINE = "curl -fsSL https://example.org/install.sh | sh -s -- --with-everything " * 6


def test_code_block_longer_than_limit_is_not_flagged(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(f"---\nplatform: x\n---\n{POST}\n\n```bash\n{CODE_LINE}\n```\n", "utf-8")
    status, out = check_json(str(draft))
    assert codes(out) == [] and status == 0
    # The same text as plain text counts the code, and is over the limit.
    plain = tmp_path / "post.txt"
    plain.write_text(f"{POST}\n\n```bash\n{CODE_LINE}\n```\n", "utf-8")
    status, out = check_json(str(plain), "--platform", "x", "--select", "TL301")
    assert codes(out) == ["TL301"] and status == 1


def test_indented_code_inline_code_html_and_link_targets_are_skipped() -> None:
    url = "https://example.org/" + "a" * 300
    text = (
        f"Tickets: [buy them here]({url}) or `{'x' * 300}`\n\n"
        f"    {'indented code ' * 30}\n\n<div>{'<b>html</b> ' * 40}</div>\n"
    )
    settings = tonelint.Settings(lang="en", platform="x", select=("TL301",))
    assert tonelint.lint(text, markdown=True, settings=settings) == []
    assert [d.code for d in tonelint.lint(text, settings=settings)] == ["TL301"]


def test_over_limit_points_at_first_character_past_limit_after_front_matter(tmp_path: Path) -> None:
    body = "a" * 280 + "XYZ"
    draft = tmp_path / "post.md"
    draft.write_text(f"---\nplatform: x\nlang: en\n---\n{body}\n", "utf-8")
    _, out = check_json(str(draft))
    (d,) = out["diagnostics"]
    assert (d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) == (
        "TL301",
        5,
        281,
        5,
        284,
    )
    text = draft.read_text("utf-8")
    assert text[d["start"] : d["end"]] == "XYZ"
    assert d["message"].startswith("Text is 283 weighted characters long; X allows 280 (3 over).")


def test_malformed_front_matter_is_an_input_error_and_others_are_linted(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\nplatform: [x\n---\nHello there friends of the park!\n", "utf-8")
    good = tmp_path / "good.md"
    good.write_text("---\nplatform: x\n---\n" + "Hello there! " * 30 + "\n", "utf-8")
    proc = run("check", str(bad), str(good))
    assert proc.returncode == 2
    assert f"{bad}: error: malformed YAML front matter" in proc.stdout
    assert f"{good}:4:" in proc.stdout and "TL301" in proc.stdout


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Hello",
                " ",
                "\n",
                "\n\n",
                "\r\n",
                "\t",
                "    ",
                "`",
                "``",
                "<b>",
                "</b>",
                "[a]",
                "(b)",
                "[x]: https://e.org",
                "~~~",
                "```",
                "# T",
                "> q",
                "- i",
                "*e*",
                "é",
                "🎉",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_skipping_the_parser_without_markup_changes_nothing(text: str) -> None:
    from tonelint.documents import Encoding
    from tonelint.sources import markdown

    fast = markdown.parse(text, "x.md", Encoding()).excluded
    full = tuple(sorted(markdown._regions(text), key=lambda e: e.span))
    assert fast == full


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["", "---\nplatform: x\nlang: en\n---\n"]),
    st.lists(
        st.sampled_from(["Hi", " ", "\n", "\n\n", "    ", "\t", "`a`", "<i>", "[l](u)", "é"]),
        max_size=20,
    ).map("".join),
)
def test_front_matter_then_body_same_with_and_without_fast_path(front: str, body: str) -> None:
    from tonelint.documents import Encoding
    from tonelint.sources import markdown

    text = front + body
    document = markdown.parse(text, "x.md", Encoding())
    blanked = markdown.regex.sub(r"[^\r\n]", " ", text[: len(front)]) + body
    full = sorted([*markdown._regions(blanked)], key=lambda e: e.span)
    assert [e for e in document.excluded if e.region.value != "front-matter"] == full


@pytest.mark.parametrize("text", [" \tHi", "   \tcode", ">     code", "-     code", "1.      code"])
def test_indented_code_found_without_a_leading_tab_or_four_spaces(text: str) -> None:
    # Found by the property test above: indentation that reaches four columns in other ways.
    from tonelint.documents import Encoding
    from tonelint.sources import markdown

    fast = markdown.parse(text, "x.md", Encoding()).excluded
    assert fast == tuple(sorted(markdown._regions(text), key=lambda e: e.span))
    assert any(e.region.value == "code" for e in fast)
