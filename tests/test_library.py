"""The library contract, and the README's library example, run as written."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

import tonelint


def test_readme_library_example_runs() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Library", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1
    exec(compile(blocks[0], "README.md", "exec"), {})


def test_lint_rejects_bad_setting_value() -> None:
    with pytest.raises(tonelint.ConfigError, match="platform = 'myspace' is not allowed"):
        tonelint.lint("Hello", platform="myspace")


def test_detect_language_returns_iso_codes_and_und() -> None:
    assert (
        tonelint.detect_language("Nous sommes ravis de vous voir samedi au concert du parc") == "fr"
    )
    assert (
        tonelint.detect_language("Wir freuen uns sehr auf das Konzert am Samstag im Park") == "de"
    )
    assert tonelint.detect_language("ok 👍") == "und"


def test_detection_is_deterministic() -> None:
    text = "Super leuk feest gisteren, tot de volgende keer allemaal"
    assert len({tonelint.detect_language(text) for _ in range(20)}) == 1


def test_unsupported_language_gets_tl001_and_length_rules_still_run() -> None:
    text = "Wir freuen uns sehr auf das Konzert am Samstag im Park. " * 6
    diags = tonelint.lint(text, platform="x")
    assert [(d.code, d.lang) for d in diags] == [("TL001", "de"), ("TL301", "de")]
    assert diags[0].severity is tonelint.Severity.INFO
    assert "looks like 'de'" in diags[0].message


def test_linter_is_reusable_and_typed() -> None:
    linter = tonelint.Linter(tonelint.Settings(platform="x", lang="en"))
    texts = ["Short and sweet.", "This post is far too long for the platform. " * 8]
    results = [linter.lint(tonelint.Document(t)) for t in texts]
    assert [[d.code for d in r] for r in results] == [[], ["TL301"]]
    assert (ROOT / "tonelint" / "py.typed").exists()


def test_own_settings_are_applied_once() -> None:
    """A record's own settings go over the settings given; with `own_applied`, the settings
    given are those of the record already (what `settings_for` gave) and used as they are."""
    linter = tonelint.Linter()
    document = tonelint.Document("Kunt u ons helpen?", front_matter={"audience": "youth"})
    base = tonelint.Settings()
    own = linter.settings_for(document, base)
    assert own.audience == "youth"
    assert [d.code for d in linter.lint(document, base)] == ["TL101"]
    assert [d.code for d in linter.lint(document, own, own_applied=True)] == ["TL101"]
    assert linter.lint(document, base, own_applied=True) == []  # as given: a general audience
    with pytest.raises(ValueError, match="own_applied"):
        linter.lint(document, own_applied=True)
