"""Build the verb tables that turn formal address into informal address.

    python scripts/build_verb_tables.py              # write rules/address/{nl,fr}-verbs.json
    python scripts/build_verb_tables.py --out DIR    # write the two files into DIR instead
    python scripts/build_verb_tables.py --check      # exit 1 if rules/address differs from a build

Needs `spacy-lookups-data` (a development dependency; tonelint itself only reads the JSON).

The formal-address rule rewrites "Kunt u" to "Kun je" and "Pouvez-vous" to "Peux-tu"; it looks
the verb up in these tables. Every verb form comes from a conjugation rule (regular verbs) or
from rules/address/irregular-verbs.toml (the rest), and goes into a table only when spaCy's lemma
tables (spacy-lookups-data: `*_lemma_lookup`, `*_lemma_exc`, `*_lemma_index`) know it as a form
of that verb: a wrong conjugation in a fix is worse than none. rules/address/SOURCE.md describes
the tables; tests/test_verb_tables.py checks them against the CoCoA-MT translations.

nl-verbs.json: `inverted` maps the form before "u" ("kunt", "heeft") to the form before "je"
("kun", "heb"); `declarative` maps the form after "u" ("heeft") to the form after "je" ("hebt").
Past forms ("had", "zou") are the same for u and je and stand in both maps as identities.
fr-verbs.json: `indicative` (présent, imparfait, futur, conditionnel), `subjunctive` (présent)
and `imperative` map the second person plural to the second person singular of the same tense.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = ROOT / "rules" / "address"
IRREGULAR = ADDRESS / "irregular-verbs.toml"

NL_MAPS = ("declarative", "inverted")
FR_MAPS = ("imperative", "indicative", "subjunctive")

Tables = dict[str, dict[str, str]]


# --------------------------------------------------------------------------------------------
# The lookup data
# --------------------------------------------------------------------------------------------


def lookups_dir() -> Path:
    """The data folder of the installed spacy-lookups-data package."""
    spec = find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("spacy-lookups-data is not installed (pip install spacy-lookups-data)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _read(name: str) -> Any:
    with gzip.open(lookups_dir() / name, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@dataclass
class Lexicon:
    """What spaCy's lemma tables know about one language's verbs."""

    forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    verbs: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)

    def knows(self, form: str, lemma: str) -> bool:
        """True when the tables list ``form`` as a form of the verb ``lemma``."""
        return form in self.forms.get(lemma, ())


def load_lexicon(lang: str) -> Lexicon:
    """Forms per lemma from `<lang>_lemma_lookup` and the verb (and aux) `<lang>_lemma_exc`;
    the verb lemmas from `<lang>_lemma_index` and those exceptions."""
    lexicon = Lexicon()
    lookup: dict[str, str | list[str]] = _read(f"{lang}_lemma_lookup.json.gz")
    for form, lemmas in lookup.items():
        lexicon.words.add(form)
        for lemma in [lemmas] if isinstance(lemmas, str) else lemmas:
            lexicon.forms[lemma].add(form)
            lexicon.words.add(lemma)  # a form equal to its lemma is not a key of its own
    exceptions: dict[str, dict[str, list[str]]] = _read(f"{lang}_lemma_exc.json.gz")
    for pos in ("verb", "aux"):
        for form, lemmas in exceptions.get(pos, {}).items():
            lexicon.words.add(form)
            for lemma in lemmas:
                lexicon.forms[lemma].add(form)
                lexicon.verbs.add(lemma)
    index: dict[str, list[str]] = _read(f"{lang}_lemma_index.json.gz")
    lexicon.verbs.update(index["verb"])
    if lang == "nl":
        # Dutch verbs the index misses (onthouden, ontstaan, vergeten): a present participle.
        lexicon.verbs.update(
            lemma
            for lemma, forms in lexicon.forms.items()
            if lemma.endswith("n") and lemma + "d" in forms
        )
    word = re.compile(r"[a-zàâäçéèêëîïôöûùüÿœæ]+(?:['-][a-zàâäçéèêëîïôöûùüÿœæ]+)*")
    lexicon.verbs = {verb for verb in lexicon.verbs if word.fullmatch(verb)}
    return lexicon


def load_irregular() -> dict[str, Any]:
    with IRREGULAR.open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return data


# --------------------------------------------------------------------------------------------
# Collecting entries
# --------------------------------------------------------------------------------------------


@dataclass
class Collector:
    """Entries per map, with the verbs they come from, so clashes can be settled at the end.

    A key two verbs give different values is dropped (precision over coverage), unless one of
    them is written out for that very verb in irregular-verbs.toml (`listed`), or the key is in
    the file's `prefer` table (the far more common verb: "wist" is weten's, not wissen's).
    Shadows are derived forms the lookup tables do not list for their verb (they give each form
    one lemma: "plant" is planten's there, not plannen's; "fondez" fondre's, not fonder's): a
    shadow makes no entry of its own, but makes a key ambiguous, and `prefer` may pick it
    ("bougiez": the imparfait of bouger, which the tables give to bougier only).
    """

    maps: tuple[str, ...]
    prefer: dict[str, str]
    entries: dict[tuple[str, str], dict[str, tuple[bool, set[str]]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    shadows: dict[tuple[str, str], dict[str, set[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(set))
    )

    def add(self, table: str, key: str, value: str, lemma: str, listed: bool = False) -> None:
        assert table in self.maps, table
        was_listed, lemmas = self.entries[table, key].get(value, (False, set()))
        self.entries[table, key][value] = (listed or was_listed, lemmas | {lemma})

    def shadow(self, table: str, key: str, value: str, lemma: str) -> None:
        self.shadows[table, key][value].add(lemma)

    def tables(self, log: list[str]) -> Tables:
        out: Tables = {name: {} for name in self.maps}
        for (table, key), values in sorted(self.entries.items()):
            owners = {lemma for _, lemmas in values.values() for lemma in lemmas}
            rivals: dict[str, set[str]] = {
                value: set(lemmas) for value, (_, lemmas) in values.items()
            }
            for value, lemmas in self.shadows.get((table, key), {}).items():
                if lemmas - owners:
                    rivals.setdefault(value, set()).update(lemmas - owners)
            if len(rivals) == 1:
                out[table][key] = next(iter(rivals))
                continue
            listed = [value for value, (is_listed, _) in values.items() if is_listed]
            preferred = [
                value for value, lemmas in rivals.items() if self.prefer.get(key) in lemmas
            ]
            chosen = listed or preferred
            shown = ", ".join(f"{v!r} ({'/'.join(sorted(ls))})" for v, ls in sorted(rivals.items()))
            if len(chosen) == 1:
                out[table][key] = chosen[0]
                log.append(f"{table} {key}: kept {chosen[0]!r} of {shown}")
            else:
                log.append(f"{table} {key}: dropped, ambiguous: {shown}")
        return out


# --------------------------------------------------------------------------------------------
# Dutch
# --------------------------------------------------------------------------------------------

NL_VOWEL = "aeiouyáéíóúàèëïöü"
NL_CONSONANT = f"[^{NL_VOWEL}j]"
# A single vowel before one final consonant of the infinitive minus -en: in the infinitive the
# syllable is open ("le-ven"), so the vowel is long and doubles in the closed stem ("leef"),
# unless it is a schwa ("te-ke-nen" -> "teken"). Only an unstressed e is a schwa, and the first
# syllable is stressed, so an a/o/u, or the only vowel of the stem, is always long.
NL_OPEN = re.compile(rf"(?:^|{NL_CONSONANT})([aeou])[^{NL_VOWEL}jwx]$")  # not duw-, fax-
NL_SYLLABLE = re.compile(rf"ij|[{NL_VOWEL}]+")
KOFSCHIP = ("t", "k", "f", "s", "ch", "p", "x")


def nl_t_form(stem: str) -> str:
    """The form with u: stem + t, unless the stem already ends in t ("weet", but "vindt")."""
    return stem if stem.endswith("t") else stem + "t"


def _devoice(stem: str) -> str:
    return stem[:-1] + {"v": "f", "z": "s"}[stem[-1]] if stem[-1:] in ("v", "z") else stem


def nl_stem_candidates(infinitive: str) -> list[str]:
    """Possible stems of a verb in -en (the infinitive minus -en, with a double consonant made
    single, a long vowel doubled and v/z devoiced to f/s), the likeliest first."""
    base = infinitive[:-2]
    if len(base) > 1 and base[-1] == base[-2] and base[-1] not in NL_VOWEL:
        return [_devoice(base[:-1])]  # bellen -> bel, zeggen -> zeg
    if re.search(rf"ë{NL_CONSONANT}$", base):
        return [base[:-1] + "e" + _devoice(base[-1])]  # creëren -> creëer
    match = NL_OPEN.search(base)
    if not match:
        return list(dict.fromkeys([_devoice(base), base]))  # denken -> denk, reizen -> reis
    vowel = match.group(1)
    at = match.end(1)
    long = _devoice(base[:at] + vowel + base[at:])
    if vowel != "e" or len(NL_SYLLABLE.findall(base)) == 1:
        return [long]  # leven -> leef, betalen -> betaal
    return [long, _devoice(base)]  # vergeten -> vergeet, but tekenen -> teken


def nl_weak_past(infinitive: str, stem: str) -> str:
    """Weak past singular ('t kofschip on the stem before devoicing: leefde, maakte)."""
    base = infinitive[:-2]
    base = base[:-1] if len(base) > 1 and base[-1] == base[-2] else base
    return stem + ("te" if base.endswith(KOFSCHIP) else "de")


def nl_regular(infinitive: str, lexicon: Lexicon) -> tuple[str, int] | None:
    """The stem of a regular verb and its score: the candidate with the most of its stem,
    t-form and weak past known as forms of the verb in the lookup tables (None: none or a tie)."""
    scores: dict[str, int] = {}
    for stem in nl_stem_candidates(infinitive):
        forms = {stem, nl_t_form(stem), nl_weak_past(infinitive, stem)}
        scores[stem] = sum(lexicon.knows(form, infinitive) for form in forms)
    best = max(scores.values())
    winners = [stem for stem, score in scores.items() if score == best]
    return (winners[0], best) if best and len(winners) == 1 else None


def _compounds(lemma: str, bases: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(prefix, base) for the longest base ``lemma`` ends in (the base itself: prefix "")."""
    for base in sorted(bases, key=len, reverse=True):
        if lemma.endswith(base):
            yield lemma[: -len(base)], base
            return


def build_nl(lexicon: Lexicon, irregular: dict[str, Any], log: list[str]) -> Tables:
    data = irregular["nl"]
    listed: dict[str, dict[str, Any]] = data["irregular"]
    stems: dict[str, dict[str, str]] = data["stems"]
    pasts: dict[str, str] = data["past"]
    out = Collector(NL_MAPS, data["prefer"])

    def add_present(lemma: str, stem: str, t_form: str) -> None:
        if lexicon.knows(t_form, lemma):
            out.add("inverted", t_form, stem, lemma)
            out.add("declarative", t_form, t_form, lemma)

    def add_past(lemma: str, form: str, is_listed: bool = False) -> None:
        if lexicon.knows(form, lemma):
            out.add("inverted", form, form, lemma, is_listed)
            out.add("declarative", form, form, lemma, is_listed)

    for lemma, spec in sorted(listed.items()):
        for table in NL_MAPS:
            for key, value in spec[table].items():
                if lexicon.knows(key, lemma):
                    out.add(table, key, value, lemma, listed=True)
                else:
                    log.append(f"nl {lemma}: {key!r} is not in the lookup tables, left out")
        for form in spec["past"]:
            add_past(lemma, form, is_listed=True)

    for lemma in sorted(lexicon.verbs - set(listed)):
        for prefix, base in _compounds(lemma, pasts):
            add_past(lemma, prefix + pasts[base])
        short = next(_compounds(lemma, stems), None)
        if short is not None:
            prefix, base = short
            add_present(lemma, prefix + stems[base]["stem"], prefix + stems[base]["t"])
            continue
        if not lemma.endswith("en") or len(lemma) < 4 or lemma.endswith(("ën", "ieën")):
            continue
        regular = nl_regular(lemma, lexicon)
        if regular is None:
            continue
        stem, score = regular
        t_form = nl_t_form(stem)
        add_present(lemma, stem, t_form)
        add_past(lemma, nl_weak_past(lemma, stem))
        if score >= 2 and not lexicon.knows(t_form, lemma):
            # stem and past listed, the t-form given to another verb: "plant" is planten's in
            # the tables, but plannen's too ("Plant u" -> "Plan je" or "Plant je")
            out.shadow("inverted", t_form, stem, lemma)
    built = out.tables(log)
    for word in data["not_verbs"]:
        for verbs in built.values():
            verbs.pop(word, None)
    return built


# --------------------------------------------------------------------------------------------
# French
# --------------------------------------------------------------------------------------------

FR_VOWELS = "aeiouyéèêëàâîïôûùüÿœæ"
FR_LAST_E = re.compile(rf"^(.*)([eé])([^{FR_VOWELS}]+)$")
# Impersonal verbs: no second person to rewrite.
FR_IMPERSONAL = frozenset({"falloir", "pleuvoir", "neiger", "grêler", "bruiner", "venter"})


@dataclass(frozen=True)
class Pattern:
    suffix: str
    only: frozenset[str]
    pres: tuple[str, str]
    impf: str
    fut: str
    subj: tuple[str, str]
    imp: tuple[str, str] | None  # None: the verb has no imperative in use

    @classmethod
    def parse(cls, raw: dict[str, Any]) -> Pattern:
        imp = raw.get("imp", raw["pres"])
        return cls(
            suffix=raw["suffix"],
            only=frozenset(raw.get("only", ())),
            pres=(raw["pres"][0], raw["pres"][1]),
            impf=raw["impf"],
            fut=raw["fut"],
            subj=(raw["subj"][0], raw["subj"][1]),
            imp=(imp[0], imp[1]) if imp else None,
        )

    def applies(self, lemma: str) -> bool:
        return lemma.endswith(self.suffix) and (not self.only or lemma in self.only)


def fr_pattern(lemma: str, patterns: list[Pattern]) -> Pattern | None:
    """The pattern for ``lemma``: one listing it by name, else the longest matching suffix."""
    matching = [p for p in patterns if p.applies(lemma)]
    return max(matching, key=lambda p: (bool(p.only), len(p.suffix)), default=None)


def fr_mute_stems(stem: str) -> list[str]:
    """Stems of an -er verb before a mute e ("tu ...es", futur), most preferred first.

    -ayer: both "paies" and "payes" are correct; we write "paies" (like -oyer/-uyer, where the
    i is required). -eler/-eter: the doubled consonant ("appelles", "jettes") or è ("achètes")
    whichever the lookup tables have; e/é + consonant: è ("lèves", "cèdes", "célèbres").
    """
    if stem.endswith("ay"):
        return [stem[:-1] + "i", stem]
    if stem.endswith(("oy", "uy")):
        return [stem[:-1] + "i"]
    match = FR_LAST_E.match(stem)
    if not match or stem.endswith("ey"):
        return [stem]
    head, vowel, tail = match.groups()
    candidates = [head + vowel + tail + tail] if vowel == "e" and tail in ("l", "t") else []
    return [*candidates, head + "è" + tail, stem]


def fr_forms(
    lemma: str, pattern: Pattern | None, er_future: dict[str, str]
) -> Iterator[tuple[str, str, str]]:
    """(table, plural, singular) for every tense of ``lemma``, by its pattern and its group.
    For an -er verb the présent singular comes in all spellings its stem may take (see
    fr_mute_stems); the caller keeps the first one the lookup tables know."""
    if pattern is not None:
        head = lemma[: -len(pattern.suffix)]
        yield "indicative", head + pattern.pres[1], head + pattern.pres[0]
        yield "indicative", head + pattern.impf + "iez", head + pattern.impf + "ais"
        # prévoir, pourvoir: the futur on the infinitive, where the pattern's stem is not theirs
        for future in (head + pattern.fut, lemma[:-1] if lemma.endswith("re") else lemma):
            yield "indicative", future + "ez", future + "as"
            yield "indicative", future + "iez", future + "ais"
        yield "subjunctive", head + pattern.subj[1], head + pattern.subj[0]
        if pattern.imp is not None:
            yield "imperative", head + pattern.imp[1], head + pattern.imp[0]
        if pattern.only:
            return
    if lemma.endswith("ir") and not lemma.endswith("oir"):  # finir, finissons
        stem = lemma[:-2] + "iss"
        yield "indicative", stem + "ez", lemma[:-1] + "s"
        yield "indicative", stem + "iez", stem + "ais"
        yield "indicative", lemma + "ez", lemma + "as"
        yield "indicative", lemma + "iez", lemma + "ais"
        yield "subjunctive", stem + "iez", stem + "es"
        yield "imperative", stem + "ez", lemma[:-1] + "s"
    if lemma.endswith("er"):
        stem = lemma[:-2]
        mute = fr_mute_stems(stem)
        for you in mute:
            yield "indicative", stem + "ez", you + "es"
            yield "subjunctive", stem + "iez", you + "es"
            yield "imperative", stem + "ez", you + "e"  # the présent without -s: "passe"
        past = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
        yield "indicative", stem + "iez", past + "ais"
        for future in [er_future[lemma]] if lemma in er_future else [m + "er" for m in mute]:
            yield "indicative", future + "ez", future + "as"
            yield "indicative", future + "iez", future + "ais"


def build_fr(lexicon: Lexicon, irregular: dict[str, Any], log: list[str]) -> Tables:
    """The key (plural) must be a form of that very verb in the lookup tables; the value
    (singular) a word of the tables. The tables give each form one lemma ("vis" is voir's, not
    vivre's; "excuses" the noun's), so the value is not held to the verb. A pattern written
    for one verb by name (aller, être, ...) may take a key the tables give to another verb
    ("alliez": allier), and then wins over that verb. A key another verb would give a
    different value, if the tables listed it for that verb, is ambiguous (Collector)."""
    data = irregular["fr"]
    patterns = [Pattern.parse(raw) for raw in data["pattern"]]
    out = Collector(FR_MAPS, data["prefer"])
    for lemma in sorted(lexicon.verbs - FR_IMPERSONAL):
        pattern = fr_pattern(lemma, patterns)
        named = pattern is not None and bool(pattern.only)
        # -er: of the spellings of the présent singular, the one the tables give this verb,
        # else the first that is a word at all
        chosen: set[tuple[str, str]] = set()
        for strict in (True, False):
            for table, key, value in fr_forms(lemma, pattern, data["er_future"]):
                known = value in lexicon.words and (not strict or lexicon.knows(value, lemma))
                if known and (table, key) not in chosen:
                    chosen.add((table, key))
                    if lexicon.knows(key, lemma) or (named and key in lexicon.words):
                        out.add(table, key, value, lemma, listed=named)
                    else:
                        out.shadow(table, key, value, lemma)
    return out.tables(log)


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def render(tables: Tables) -> str:
    return json.dumps(tables, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def build(log: list[str]) -> dict[str, str]:
    """File name -> content of both tables."""
    irregular = load_irregular()
    return {
        "nl-verbs.json": render(build_nl(load_lexicon("nl"), irregular, log)),
        "fr-verbs.json": render(build_fr(load_lexicon("fr"), irregular, log)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--out", type=Path, default=ADDRESS, help="folder to write (default: %(default)s)"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the tables are out of date")
    parser.add_argument("--verbose", action="store_true", help="list clashes and left-out forms")
    args = parser.parse_args(argv)
    log: list[str] = []
    files = build(log)
    if args.verbose:
        print("\n".join(log), file=sys.stderr)
    if args.check:
        stale = [name for name, text in files.items() if _read_text(args.out / name) != text]
        for name in stale:
            print(
                f"{args.out / name} is out of date: run scripts/build_verb_tables.py",
                file=sys.stderr,
            )
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        partial = args.out / f".{name}.partial"
        partial.write_text(text, encoding="utf-8")
        partial.replace(args.out / name)
        sizes = ", ".join(f"{table} {len(m)}" for table, m in json.loads(text).items())
        print(f"{args.out / name}: {sizes}")
    return 0


def _read_text(path: Path) -> str | None:
    return path.read_text("utf-8") if path.exists() else None


if __name__ == "__main__":
    raise SystemExit(main())
