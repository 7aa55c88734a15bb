"""The jargon lexicons in rules/jargon/ have the shape the matcher expects, and say where they
come from.

Plain data checks (tomllib only, no tonelint import): every file parses; the pack, sources and
terms carry their required keys; categories and fix safety come from the allowed sets; every term
names a source that exists, and every external source is used; a fix is offered only with an
alternative; `match` patterns are lowercase words and flat `{a|b}` groups; no term is listed
twice; and every example sentence really contains its term.
"""

from __future__ import annotations

import datetime
import itertools
import re
import sys
from pathlib import Path
from typing import Any

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

JARGON = Path(__file__).resolve().parent.parent / "rules" / "jargon"
LANGS = ("en", "nl", "fr")

CATEGORIES = {"opener", "buzzword", "cliche", "self-praise"}
FIXES = {"safe", "unsafe", "none"}
TERM_REQUIRED = {"match", "category", "fix", "source", "example"}
TERM_ALLOWED = TERM_REQUIRED | {"alternative"}
SELF_SOURCE_KEYS = {"title", "license"}
EXTERNAL_SOURCE_KEYS = {"title", "url", "license", "retrieved"}

CURLY_APOSTROPHE = "\u2019"
# One word of a pattern: letters (any script), digits, hyphens and straight apostrophes, with at
# least one letter or digit.
WORD = re.compile(r"(?=.*[^\W_])(?:[^\W_]|['-])+")


class PatternError(ValueError):
    """A `match` string that breaks the lexicon syntax."""


def parse_match(match: str) -> list[tuple[bool, list[str]]]:
    """Split ``match`` into slots: ``(is_group, alternatives)``, each alternative a string of words.

    A bare word is a slot with one alternative; ``{a|b c}`` is a group. Groups do not nest, have no
    empty alternatives and stand apart from their neighbours by one space, like words.
    """
    if not match:
        raise PatternError("empty match")
    if match != match.lower():
        raise PatternError("not lowercase")
    if CURLY_APOSTROPHE in match:
        raise PatternError("curly apostrophe; write ' (the matcher normalises)")
    slots: list[tuple[bool, list[str]]] = []
    i = 0
    while True:
        if i >= len(match) or match[i] == " ":
            raise PatternError(
                f"expected a word or a group at {i} (leading, trailing or double space)"
            )
        if match[i] == "{":
            end = match.find("}", i)
            if end == -1:
                raise PatternError(f"unbalanced '{{' at {i}")
            body = match[i + 1 : end]
            if "{" in body:
                raise PatternError(f"nested group at {i}")
            alternatives = body.split("|")
            for alternative in alternatives:
                _check_words(alternative, f"alternative {alternative!r}")
            slots.append((True, alternatives))
            i = end + 1
        else:
            end = match.find(" ", i)
            end = len(match) if end == -1 else end
            word = match[i:end]
            _check_words(word, f"word {word!r}")
            slots.append((False, [word]))
            i = end
        if i == len(match):
            return slots
        if match[i] != " ":
            raise PatternError(f"group glued to its neighbour at {i}")
        i += 1


def _check_words(text: str, what: str) -> None:
    if not text:
        raise PatternError(f"empty {what}")
    words = text.split(" ")
    if any(not WORD.fullmatch(w) for w in words):
        raise PatternError(f"{what} must be words separated by single spaces")


def expansions(match: str) -> list[str]:
    """Every literal word sequence the pattern stands for."""
    return [
        " ".join(parts) for parts in itertools.product(*(alts for _, alts in parse_match(match)))
    ]


def is_single_word(match: str) -> bool:
    """A bare single word: a lemma the matcher inflects (groups are always written-as-is)."""
    slots = parse_match(match)
    return len(slots) == 1 and not slots[0][0] and " " not in slots[0][1][0]


def example_uses(match: str, example: str) -> bool:
    text = example.lower().replace(CURLY_APOSTROPHE, "'")
    if is_single_word(match):
        stem = match[:4]
        return any(w.startswith(stem) for w in re.findall(r"[\w-]+", text))
    # A French elision ("l'", "d'") before the phrase is a word boundary, as in spaCy's tokens.
    return any(re.search(rf"(?<![\w-]){re.escape(e)}(?![\w'-])", text) for e in expansions(match))


def load(lang: str) -> dict[str, Any]:
    with (JARGON / f"{lang}.toml").open("rb") as f:
        data: dict[str, Any] = tomllib.load(f)
    return data


def terms(lang: str) -> list[dict[str, Any]]:
    data = load(lang)
    found = data.get("term")
    assert isinstance(found, list) and found, f"{lang}.toml has no [[term]] tables"
    return found


def term_id(term: dict[str, Any]) -> str:
    return str(term.get("match", "?"))[:60]


ALL_TERMS = [(lang, t) for lang in LANGS for t in terms(lang)]
IDS = [f"{lang}:{term_id(t)}" for lang, t in ALL_TERMS]


# --- the parser itself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "match",
    [
        "synergy",
        "best-in-class",
        "we're {pleased|proud} to announce",
        "{wij zijn|we zijn} verheugd",
        "nous sommes {ravis|fiers} {d'annoncer|de vous annoncer}",
        "dé specialist",
        "au {cœur|coeur} de",
        "vision 360",
    ],
)
def test_valid_patterns_parse(match: str) -> None:
    assert parse_match(match)


@pytest.mark.parametrize(
    "match",
    [
        "",
        "Synergy",
        " synergy",
        "synergy ",
        "paradigm  shift",
        "{a|{b|c}}",
        "{a|b",
        "a|b}",
        "{a||b}",
        "{a|}",
        "{a |b}",
        "x{a|b}",
        "{a|b}x",
        f"we{CURLY_APOSTROPHE}re",
        "100%",
        "snake_case",
        "a - b",
        "'",
    ],
)
def test_invalid_patterns_are_rejected(match: str) -> None:
    with pytest.raises(PatternError):
        parse_match(match)


def test_expansions_cover_every_combination() -> None:
    assert expansions("{a|b c} d {e|f}") == ["a d e", "a d f", "b c d e", "b c d f"]


def test_example_check_needs_whole_words() -> None:
    assert example_uses("au {cœur|coeur} de", "L'humain au coeur de tout.")
    assert not example_uses("au {cœur|coeur} de", "Au cœur des vignes.")
    assert example_uses("excellence opérationnelle", "Vive l'excellence opérationnelle !")
    assert not example_uses("{we are|we're} passionate about", "Ewe are passionate about it.")
    assert example_uses("leverage", "We are leveraging AI.")
    assert not example_uses("leverage", "We use AI.")


# --- the files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_pack_header(lang: str) -> None:
    pack = load(lang).get("pack")
    assert isinstance(pack, dict)
    assert pack.get("lang") == lang
    assert isinstance(pack.get("description"), str) and pack["description"].strip()
    assert set(load(lang)) <= {"pack", "sources", "term"}


@pytest.mark.parametrize("lang", LANGS)
def test_sources_have_provenance(lang: str) -> None:
    sources = load(lang).get("sources")
    assert isinstance(sources, dict) and "self" in sources
    assert set(sources["self"]) == SELF_SOURCE_KEYS
    for key, source in sources.items():
        expected = SELF_SOURCE_KEYS if key == "self" else EXTERNAL_SOURCE_KEYS
        assert set(source) == expected, f"sources.{key}: keys {sorted(source)}"
        assert all(isinstance(v, str) and v.strip() for v in source.values()), f"sources.{key}"
        if key != "self":
            assert source["url"].startswith("https://"), f"sources.{key}.url"
            datetime.date.fromisoformat(source["retrieved"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_external_source_is_used(lang: str) -> None:
    used = {t.get("source") for t in terms(lang)}
    unused = set(load(lang)["sources"]) - used - {"self"}
    assert not unused, f"{lang}.toml declares sources no term uses: {sorted(unused)}"


@pytest.mark.parametrize(("lang", "term"), ALL_TERMS, ids=IDS)
def test_term_shape(lang: str, term: dict[str, Any]) -> None:
    assert set(term) >= TERM_REQUIRED, f"missing {sorted(TERM_REQUIRED - set(term))}"
    assert set(term) <= TERM_ALLOWED, f"unknown keys {sorted(set(term) - TERM_ALLOWED)}"
    assert all(isinstance(v, str) and v.strip() == v and v for v in term.values())
    assert term["category"] in CATEGORIES
    assert term["fix"] in FIXES
    assert term["source"] in load(lang)["sources"]
    if term["fix"] in ("safe", "unsafe"):
        assert "alternative" in term, "a fix needs an alternative to swap in"
    if "alternative" in term:
        assert term["alternative"] not in expansions(term["match"])


@pytest.mark.parametrize(("lang", "term"), ALL_TERMS, ids=IDS)
def test_match_syntax(lang: str, term: dict[str, Any]) -> None:
    parse_match(term["match"])


@pytest.mark.parametrize(("lang", "term"), ALL_TERMS, ids=IDS)
def test_example_contains_the_term(lang: str, term: dict[str, Any]) -> None:
    assert example_uses(term["match"], term["example"]), term["example"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_term_twice(lang: str) -> None:
    matches = [t["match"] for t in terms(lang)]
    assert len(matches) == len(set(matches)), "duplicate match strings"
    seen: dict[str, str] = {}
    for match in matches:
        for expansion in expansions(match):
            if expansion in seen:
                pytest.fail(f"{expansion!r} is in both {seen[expansion]!r} and {match!r}")
            seen[expansion] = match
