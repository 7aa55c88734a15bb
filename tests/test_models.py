"""The pipelines in models/: up to date with rules/, loadable with spacy.load, social tokens."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from conftest import ROOT

import tonelint.languages  # noqa: F401  (what the spacy_languages entry point registers)


def test_models_are_up_to_date_with_rules_and_build_script() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_models.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode == 3:  # this Python's Unicode database differs from the build's
        pytest.skip(proc.stdout.strip())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "models/ is up to date"


@pytest.mark.parametrize(
    ("lang", "text", "tokens"),
    [
        (
            "nl",
            "Kijk 👩‍👩‍👧🫶🏽🎉🎉 #zomerfeest! @jan@mastodon.social",
            ["Kijk", "👩‍👩‍👧", "🫶🏽", "🎉", "🎉", "#zomerfeest", "!", "@jan@mastodon.social"],
        ),
        (
            "nl",
            "Zie https://example.org/a?b=1 :) en 's avonds 🇳🇱",
            ["Zie", "https://example.org/a?b=1", ":)", "en", "'s", "avonds", "🇳🇱"],
        ),
        (
            "nl",
            "Dit is voor U. Bijv. morgen.",
            ["Dit", "is", "voor", "U", ".", "Bijv.", "morgen", "."],
        ),
        (
            "fr",
            "Pouvez-vous l'acheter ? #soldes @marie :-D",
            ["Pouvez", "-vous", "l'", "acheter", "?", "#soldes", "@marie", ":-D"],
        ),
        (
            "en",
            "We're thrilled 🎉 #launch @acme_team <3",
            ["We're", "thrilled", "🎉", "#launch", "@acme_team", "<3"],
        ),
    ],
)
def test_social_post_tokens(lang: str, text: str, tokens: list[str]) -> None:
    nlp = spacy.load(ROOT / "models" / lang)
    assert [t.text for t in nlp(text)] == tokens


def test_loading_never_imports_spacys_own_language_data() -> None:
    code = (
        "import sys, spacy; spacy.load(sys.argv[1]);"
        "print(sorted(m for m in sys.modules if m.startswith('spacy.lang.') and m.count('.') == 2"
        " and m.split('.')[2] in ('nl', 'fr', 'en')))"
    )
    for lang in ("nl", "fr", "en"):
        out = subprocess.run(
            [sys.executable, "-c", code, str(ROOT / "models" / lang)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert out == "[]"
