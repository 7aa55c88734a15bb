"""Build tonelint's spaCy pipelines into models/<lang>.

    python scripts/build_models.py            # all languages, into models/
    python scripts/build_models.py --check    # exit 1 if models/ differs from a fresh build

Trained pipelines cannot be downloaded here; each pipeline is built from what installs from PyPI:
spaCy's own language data (punctuation rules and a filtered set of tokenizer exceptions),
tonelint's social-post tokenizer rules below, and a rule-based sentencizer. The pipelines use
tonelint's light language classes (tonelint/languages.py), so loading one never imports
spacy.lang.<lang>. tests/test_models.py fails when models/ is out of date with this script.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from functools import cache
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tonelint.languages import CLASSES  # noqa: E402
from tonelint.lexicons import expand, is_lemma, load_pack, norm  # noqa: E402
from tonelint.phrases import PhraseTables  # noqa: E402

VERSION = "0.2.0"

# Social-post tokens, kept whole. Emoji: a flag (two regional indicators), a keycap, or a
# pictograph with its modifiers (skin tone, VS16, tags) and ZWJ-joined parts. spaCy compiles
# tokenizer patterns with the stdlib `re` (no \p{...}), so the pictograph class is given as ranges.
_PICTO = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf"
    "\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf"
    "\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001f0ff\U0001f10d-\U0001f10f\U0001f12f\U0001f16c-\U0001f171\U0001f17e"
    "\U0001f17f\U0001f18e\U0001f191-\U0001f19a\U0001f201-\U0001f2ff\U0001f300-\U0001f3fa"
    "\U0001f400-\U0001faff\U0001fc00-\U0001fffd"
)
_MOD = "\U0001f3fb-\U0001f3ff"
_TAGS = "\U000e0020-\U000e007f"
EMOJI = (
    "(?:[\U0001f1e6-\U0001f1ff]{2}"
    "|[0-9#*]\ufe0f?\u20e3"
    f"|[{_PICTO}](?:[{_MOD}\ufe0f{_TAGS}])*(?:\u200d[{_PICTO}](?:[{_MOD}\ufe0f])*)*)"
)
HASHTAG = r"#[^\W_][\w]*(?:_\w+)*"
MENTION = r"@\w+(?:@[\w-]+(?:\.[\w-]+)+)?"
TOKEN_MATCH = re.compile(rf"^(?:{HASHTAG}|{MENTION})$")

# Tokenizer exceptions kept from spaCy's lists: emoticons (spaCy's base list), words with an
# apostrophe in nl and fr ("'s avonds", "z'n", "aujourd'hui"), and the abbreviations below.
# spaCy's full lists (4,670 entries for nl) cost over a second to load, most of them rare
# abbreviations; without an entry an abbreviation's final stop is split off, which at worst
# ends a sentence early. The abbreviations were chosen by the tonelint team as the common ones
# in social posts.
ABBREVIATIONS = {
    "nl": {
        "bijv.",
        "bv.",
        "d.w.z.",
        "m.b.t.",
        "o.a.",
        "t.a.v.",
        "i.p.v.",
        "enz.",
        "etc.",
        "z.s.m.",
        "a.s.",
        "ca.",
        "nr.",
        "mr.",
        "dhr.",
        "mevr.",
        "dr.",
        "ir.",
        "drs.",
        "prof.",
        "blz.",
        "evt.",
        "incl.",
        "excl.",
        "p.s.",
        "vs.",
        "m.i.v.",
        "o.b.v.",
        "n.a.v.",
        "i.v.m.",
        "z.o.z.",
        "tel.",
        "e.d.",
        "jl.",
        "resp.",
        "ong.",
        "max.",
        "min.",
        "ovv.",
        "i.s.m.",
        "t.z.t.",
        "m.u.v.",
    },
    "fr": {
        "m.",
        "mme.",
        "mlle.",
        "dr.",
        "etc.",
        "p.ex.",
        "cf.",
        "env.",
        "n°.",
        "av.",
        "bd.",
        "j.-c.",
        "st.",
        "ste.",
        "tél.",
    },
    "en": {
        "e.g.",
        "i.e.",
        "etc.",
        "vs.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "st.",
        "a.m.",
        "p.m.",
        "inc.",
        "ltd.",
        "co.",
        "no.",
        "jr.",
        "sr.",
        "approx.",
        "u.s.",
        "u.k.",
        "dept.",
    },
}
_APOSTROPHE = re.compile(r"['’]")
# Exceptions that hurt here: Dutch "u." (uur) would swallow the pronoun u before a full stop.
_DROP_EXCEPTIONS = {"u."}


def keep_exception(lang: str, key: str) -> bool:
    if key.lower() in _DROP_EXCEPTIONS:
        return False
    if key in BASE_EXCEPTIONS or key.lower() in ABBREVIATIONS[lang]:
        return True
    return lang in ("nl", "fr") and bool(_APOSTROPHE.search(key))


# Start-up: Python's `re` compiles a character class in time that grows with its ranges, and
# spaCy's punctuation rules spell out the letters of every script (ALPHA, ALPHA_LOWER, ...)
# several times over: compiling nl's infix rules took ~50 ms at each load. tonelint runs its
# language rules on nl, fr and en only (other text is TL001), so the large classes keep their
# symbols, punctuation and digits but only the letters of the Latin, Greek and Cyrillic blocks,
# written as the fewest ranges: a range may also span code points no text holds (unassigned
# ones, surrogates) and the letters left out. Compiling a pipeline's rules: nl 98 -> ~43 ms.
# Which code points are letters or unassigned comes from Python's Unicode database, so the
# version used is recorded in each pipeline's meta (tests/test_models.py compares builds made
# with the same version only).
_KEPT_LETTERS = (
    (0x0000, 0x052F),  # Latin, Latin-1, Latin Extended-A/B, IPA, Greek, Cyrillic
    (0x1D00, 0x1FFF),  # phonetic extensions, Latin Extended Additional, Greek Extended
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0xA720, 0xA7FF),  # Latin Extended-D
    (0xAB30, 0xAB6F),  # Latin Extended-E
    (0xFB00, 0xFB06),  # Latin ligatures
)
_ALL_CHARS = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
_LARGE_CLASS = 100  # characters of pattern text: only spaCy's script-wide classes are this long


def _kept(c: str) -> bool:
    if unicodedata.category(c)[0] not in "LM":
        return True
    cp = ord(c)
    return any(a <= cp <= b for a, b in _KEPT_LETTERS)


@cache
def _cared_before(negated: bool) -> list[int]:
    """``[k]``: how many code points below ``k`` a class must keep as it is. Negated classes
    keep all assigned characters; others only :func:`_kept` ones."""
    counts, total = [0], 0
    for cp in range(0x110000):
        c = chr(cp)
        cared = not 0xD800 <= cp <= 0xDFFF and unicodedata.category(c) != "Cn"
        total += cared and (negated or _kept(c))
        counts.append(total)
    return counts


def _class_text(cp: int) -> str:
    c = chr(cp)
    if c in "\\]-[^" or not c.isprintable() or c.isspace():
        return f"\\U{cp:08x}" if cp > 0xFFFF else f"\\u{cp:04x}"
    return c


@cache
def _compact_class(content: str, negated: bool) -> str:
    """The characters ``[content]`` matches as the fewest ranges; only those :func:`_kept`,
    unless the class is negated (where dropping letters would let them match)."""
    cps = [ord(c) for c in re.findall(f"[{content}]", _ALL_CHARS) if negated or _kept(c)]
    cared = _cared_before(negated)
    out, i = [], 0
    while i < len(cps):
        j = i  # extend the range while the code points between are ones no class cares about
        while j + 1 < len(cps) and cared[cps[j + 1]] == cared[cps[j] + 1]:
            j += 1
        first, last = _class_text(cps[i]), _class_text(cps[j])
        out.append(first if i == j else first + last if j == i + 1 else f"{first}-{last}")
        i = j + 1
    return "".join(out)


def compact_classes(pattern: str) -> str:
    """``pattern`` with each large character class rewritten by :func:`_compact_class`."""
    out, pos, i = [], 0, 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] != "[":
            i += 1
            continue
        start = j = i + 1
        negated = pattern[j : j + 1] == "^"
        if negated:
            start = j = j + 1
        if pattern[j : j + 1] == "]":
            j += 1  # a "]" first in a class is the character itself
        while pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        content = pattern[start:j]
        if len(content) >= _LARGE_CLASS:
            out += [pattern[pos:start], _compact_class(content, negated)]
            pos = j
        i = j + 1
    return "".join([*out, pattern[pos:]])


def _compiled(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(compact_classes(pattern.pattern))


def tokenizer_for(lang: str, nlp: Language) -> Tokenizer:
    official = spacy.blank(lang)
    defaults = type(official).Defaults
    prefixes = [EMOJI] + [p for p in (defaults.prefixes or []) if p not in ("#", "@")]
    suffixes = [EMOJI, *list(defaults.suffixes or [])]
    infixes = [EMOJI, *list(defaults.infixes or [])]
    exceptions = {k: v for k, v in official.tokenizer.rules.items() if keep_exception(lang, k)}
    if lang == "nl":
        # Capitalised "U." ends a sentence with the pronoun, not an initial: split the stop off.
        exceptions["U."] = [{ORTH: "U"}, {ORTH: "."}]
    return Tokenizer(
        nlp.vocab,
        rules=exceptions,
        prefix_search=_compiled(compile_prefix_regex(prefixes)).search,
        suffix_search=_compiled(compile_suffix_regex(suffixes)).search,
        infix_finditer=_compiled(compile_infix_regex(infixes)).finditer,
        token_match=TOKEN_MATCH.match,
        url_match=_compiled(official.tokenizer.url_match.__self__).match,
    )


def inflections(lang: str) -> dict[str, set[str]]:
    """lemma -> its inflected forms, from spacy-lookups-data's lemma lookup table."""
    import gzip
    import json

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    forms: dict[str, set[str]] = {}
    for form, lemmas in table.items():
        for lemma in [lemmas] if isinstance(lemmas, str) else lemmas:
            forms.setdefault(lemma.lower(), set()).add(form.lower())
    return forms


# The lexicon packs compiled into each pipeline: table name -> rules/ file (per language).
LEXICONS = {
    "address": "address/{lang}.toml",
    "engagement": "engagement/{lang}.toml",
    "jargon": "jargon/{lang}.toml",
}
ENTRY_FIELDS = ("match", "category", "alternative", "fix", "source")


def compile_lexicons(lang: str, nlp: Language, component: PhraseTables) -> None:
    """One phrase table per lexicon and category ("jargon/buzzword"), so categories may overlap."""
    forms = inflections(lang)
    for name, pattern in LEXICONS.items():
        path = ROOT / "rules" / pattern.format(lang=lang)
        if not path.exists():
            continue
        terms = load_pack(path)["term"]
        for category in sorted({t["category"] for t in terms}):
            chosen = [t for t in terms if t["category"] == category]
            entries = [{k: t[k] for k in ENTRY_FIELDS if k in t} for t in chosen]
            phrases: list[tuple[tuple[str, ...], int]] = []
            for idx, term in enumerate(chosen):
                for phrase in expand(term["match"]):
                    variants = {phrase}
                    if is_lemma(phrase):
                        variants |= forms.get(phrase, set())
                    for variant in variants:
                        tokens = tuple(norm(t.text) for t in nlp.tokenizer(variant))
                        phrases.append((tokens, idx))
            component.add(f"{name}/{category}", entries, phrases)


def build(lang: str) -> Language:
    nlp = CLASSES[lang]()
    nlp.tokenizer = tokenizer_for(lang, nlp)
    nlp.add_pipe("sentencizer")
    component = nlp.add_pipe("tonelint_phrases")
    compile_lexicons(lang, nlp, component)
    nlp.meta.update(
        name=f"pipeline_{lang}",
        version=VERSION,
        description=(
            "tonelint's pipeline: social-post tokenizer and sentencizer, built by "
            "scripts/build_models.py"
        ),
        author="tonelint",
        license="MIT",
        sources=[{"name": "spaCy language data", "url": "https://spacy.io", "license": "MIT"}],
        unicode_version=unicodedata.unidata_version,
    )
    return nlp


def write(out: Path) -> None:
    for lang in CLASSES:
        target = out / lang
        if target.exists():
            shutil.rmtree(target)
        build(lang).to_disk(target)


def same_tree(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b)
    diffs = [*cmp.left_only, *cmp.right_only, *cmp.diff_files]
    for sub in cmp.common_dirs:
        diffs += [f"{sub}/{d}" for d in same_tree(a / sub, b / sub)]
    return diffs


UNICODE_MISMATCH = 3


def main() -> None:
    # The sentencizer serializes a set: fix the hash seed so that builds are byte-identical.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(
            sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
        )
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "models")
    parser.add_argument("--check", action="store_true", help="compare with a fresh build")
    args = parser.parse_args()
    if args.check:
        built_with = json.loads((args.out / "nl" / "meta.json").read_text("utf-8")).get(
            "unicode_version"
        )
        if built_with != unicodedata.unidata_version:
            print(
                f"cannot check: models/ was built with Unicode {built_with}, this Python has "
                f"{unicodedata.unidata_version} (the tokenizer's character classes depend on it)"
            )
            sys.exit(UNICODE_MISMATCH)
        with tempfile.TemporaryDirectory() as tmp:
            write(Path(tmp))
            diffs = same_tree(Path(tmp), args.out)
        if diffs:
            print("models/ is out of date; run python scripts/build_models.py:", *diffs)
            sys.exit(1)
        print("models/ is up to date")
        return
    write(args.out)
    print(f"built {', '.join(CLASSES)} into {args.out}")


if __name__ == "__main__":
    main()
