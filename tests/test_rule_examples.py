"""Every rule is documented, and its bad/good examples run as tests."""

from __future__ import annotations

import pytest
from conftest import tonelint as run_tonelint

import tonelint
from tonelint.registry import Example, Rule, default_registry

RULES = list(default_registry())
EXAMPLES = [(r, e) for r in RULES for e in r.examples]


def test_registry_is_in_code_order_with_every_family() -> None:
    codes = [r.code for r in RULES]
    assert codes == sorted(codes)
    assert {"TL001", "TL002", "TL003", "TL101", "TL201", "TL301", "TL302", "TL303", "TL401"} <= set(
        codes
    )
    assert {r.family for r in RULES} == {"engine", "address", "jargon", "length", "engagement"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_fully_documented(rule: Rule) -> None:
    assert rule.problems() == []
    assert rule.summary and rule.docs.what and rule.docs.why and rule.docs.fix_safety


@pytest.mark.parametrize(
    ("rule", "example"),
    EXAMPLES,
    ids=[f"{r.code}-{'bad' if e.bad else 'good'}-{e.lang}" for r, e in EXAMPLES],
)
def test_example(rule: Rule, example: Example) -> None:
    settings = tonelint.Settings().merged({"lang": "auto", **example.settings}, "example")
    if example.lang in ("nl", "fr", "en") and "lang" not in example.settings:
        settings = settings.merged({"lang": example.lang}, "example")
    diags = tonelint.lint(example.text, settings=settings)
    mine = [d for d in diags if d.code == rule.code]
    if example.bad:
        assert mine, f"{rule.code} should flag: {example.text!r}; got {diags}"
        if example.flagged is not None:
            d = mine[0]
            assert example.text[d.start : d.end] == example.flagged
    else:
        assert not mine, f"{rule.code} should not flag: {example.text!r}; got {mine}"


def test_rule_command_prints_docs_and_examples() -> None:
    proc = run_tonelint("rule", "TL301")
    assert proc.returncode == 0
    out = proc.stdout
    for heading in (
        "# TL301 over-platform-limit",
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Fix safety",
    ):
        assert heading in out
    assert "Bad (en platform=x):" in out and "Good (en platform=x):" in out


def test_rule_command_by_name_and_unknown_code() -> None:
    assert run_tonelint("rule", "long-sentence").stdout.startswith("# TL303 long-sentence")
    proc = run_tonelint("rule", "TL999")
    assert proc.returncode == 2 and "no rule 'TL999'" in proc.stderr


def test_rules_command_lists_every_rule() -> None:
    out = run_tonelint("rules").stdout.splitlines()
    assert [line.split()[0] for line in out] == [r.code for r in RULES]
    tl301 = next(line for line in out if line.startswith("TL301"))
    assert tl301.split()[:5] == ["TL301", "over-platform-limit", "length", "error", "*"]
